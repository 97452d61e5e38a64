/* sluice-ui-rows.h: read-only rows of a value, for the pages that show what data.all knows
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwPreferencesGroup *sluice_ui_add_group           (GtkBox              *box,
                                                    const char          *title,
                                                    const char          *description);
AdwActionRow        *sluice_ui_value_row_new       (const char          *title,
                                                    const char          *value);
AdwActionRow        *sluice_ui_add_value_row       (AdwPreferencesGroup *group,
                                                    const char          *title,
                                                    const char          *value);
AdwActionRow        *sluice_ui_add_placeholder_row (AdwPreferencesGroup *group,
                                                    const char          *title,
                                                    const char          *subtitle);
void                 sluice_ui_set_row_value       (AdwActionRow        *row,
                                                    const char          *value);
void                 sluice_ui_clear_box           (GtkBox              *box);

G_END_DECLS
