/* sluice-stage-row.h: one development stage of a pipeline form: name, environment, team
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGE_ROW (sluice_stage_row_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStageRow, sluice_stage_row, SLUICE, STAGE_ROW, AdwExpanderRow)

GtkWidget  *sluice_stage_row_new              (guint           index,
                                               guint           n_stages);
guint       sluice_stage_row_get_index        (SluiceStageRow *self);
const char *sluice_stage_row_get_name         (SluiceStageRow *self);
void        sluice_stage_row_set_name         (SluiceStageRow *self,
                                               const char     *name);
void        sluice_stage_row_set_environments (SluiceStageRow *self,
                                               GListModel     *names,
                                               guint           selected);
AdwComboRow *sluice_stage_row_get_environment_row (SluiceStageRow *self);
void        sluice_stage_row_set_teams        (SluiceStageRow *self,
                                               GListModel     *names,
                                               guint           selected);
AdwComboRow *sluice_stage_row_get_team_row    (SluiceStageRow *self);
void        sluice_stage_row_set_summary      (SluiceStageRow *self,
                                               const char     *title,
                                               const char     *subtitle,
                                               gboolean        problem);
gboolean    sluice_stage_row_get_problem      (SluiceStageRow *self);

G_END_DECLS
