/* sluice-status-badge.h: a stack status as a coloured pill
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_STATUS_BADGE (sluice_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStatusBadge, sluice_status_badge, SLUICE, STATUS_BADGE, GtkWidget)

GtkWidget  *sluice_status_badge_new        (const char        *status);
const char *sluice_status_badge_get_status (SluiceStatusBadge *self);
void        sluice_status_badge_set_status (SluiceStatusBadge *self,
                                            const char        *status);

G_END_DECLS
