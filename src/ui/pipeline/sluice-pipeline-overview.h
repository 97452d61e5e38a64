/* sluice-pipeline-overview.h: the Overview tab: what getDataPipeline says of a pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"
#include "sluice-stage-branches.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_OVERVIEW (sluice_pipeline_overview_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineOverview, sluice_pipeline_overview, SLUICE, PIPELINE_OVERVIEW, AdwBin)

GtkWidget      *sluice_pipeline_overview_new          (void);
SluicePipeline *sluice_pipeline_overview_get_pipeline (SluicePipelineOverview *self);
void            sluice_pipeline_overview_set_pipeline (SluicePipelineOverview *self,
                                                       SluicePipeline         *pipeline);
void            sluice_pipeline_overview_set_account  (SluicePipelineOverview *self,
                                                       SluiceAccount          *account);
const char     *sluice_pipeline_overview_get_clone_path (SluicePipelineOverview *self);
void            sluice_pipeline_overview_open_clone   (SluicePipelineOverview *self);
SluiceStageBranches *sluice_pipeline_overview_get_stage_branches (SluicePipelineOverview *self);

G_END_DECLS
