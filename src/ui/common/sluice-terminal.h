/* sluice-terminal.h: open the user's terminal in a folder (a clone, say)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean sluice_terminal_is_available (void);
gboolean sluice_terminal_open         (GtkWidget   *widget,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
