/* sluice-error-box.h: what went wrong, in a sentence, with the server's own words under Details
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_ERROR_BOX (sluice_error_box_get_type ())

G_DECLARE_FINAL_TYPE (SluiceErrorBox, sluice_error_box, SLUICE, ERROR_BOX, GtkBox)

GtkWidget  *sluice_error_box_new              (void);
void        sluice_error_box_set_error        (SluiceErrorBox *self,
                                               const GError   *error);
const char *sluice_error_box_get_message      (SluiceErrorBox *self);
void        sluice_error_box_set_message      (SluiceErrorBox *self,
                                               const char     *message);
const char *sluice_error_box_get_detail       (SluiceErrorBox *self);
void        sluice_error_box_set_detail       (SluiceErrorBox *self,
                                               const char     *detail);
gboolean    sluice_error_box_get_show_message (SluiceErrorBox *self);
void        sluice_error_box_set_show_message (SluiceErrorBox *self,
                                               gboolean        show_message);

const char *sluice_error_get_detail           (const GError   *error);

G_END_DECLS
