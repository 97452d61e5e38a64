/* sluice-stage-branches.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGE_BRANCHES (sluice_stage_branches_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStageBranches, sluice_stage_branches, SLUICE, STAGE_BRANCHES, AdwPreferencesGroup)

GtkWidget          *sluice_stage_branches_new          (SluiceAccount       *account);
void                sluice_stage_branches_set_pipeline (SluiceStageBranches *self,
                                                        SluicePipeline      *pipeline);
void                sluice_stage_branches_refresh      (SluiceStageBranches *self);
const char * const *sluice_stage_branches_get_missing  (SluiceStageBranches *self);
gboolean            sluice_stage_branches_get_busy     (SluiceStageBranches *self);
const char         *sluice_stage_branches_get_result   (SluiceStageBranches *self,
                                                        const char          *branch);

G_END_DECLS
