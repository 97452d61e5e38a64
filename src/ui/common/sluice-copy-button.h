/* sluice-copy-button.h: a flat button that copies a text and says so
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_COPY_BUTTON (sluice_copy_button_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCopyButton, sluice_copy_button, SLUICE, COPY_BUTTON, GtkButton)

GtkWidget  *sluice_copy_button_new       (const char       *tooltip,
                                          const char       *text,
                                          const char       *toast);
const char *sluice_copy_button_get_text  (SluiceCopyButton *self);
void        sluice_copy_button_set_text  (SluiceCopyButton *self,
                                          const char       *text);
const char *sluice_copy_button_get_toast (SluiceCopyButton *self);
void        sluice_copy_button_set_toast (SluiceCopyButton *self,
                                          const char       *toast);

G_END_DECLS
