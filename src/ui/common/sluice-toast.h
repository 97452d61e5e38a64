/* sluice-toast.h: the one way Sluice says something briefly
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a toast stays, in seconds, everywhere in Sluice. */
#define SLUICE_TOAST_TIMEOUT 3

void sluice_toast_show (GtkWidget  *from,
                        const char *title);

G_END_DECLS
