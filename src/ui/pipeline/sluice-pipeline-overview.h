/* sluice-pipeline-overview.h: the Overview tab: what getDataPipeline says of a pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_OVERVIEW (sluice_pipeline_overview_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineOverview, sluice_pipeline_overview, SLUICE, PIPELINE_OVERVIEW, AdwBin)

GtkWidget      *sluice_pipeline_overview_new          (void);
SluicePipeline *sluice_pipeline_overview_get_pipeline (SluicePipelineOverview *self);
void            sluice_pipeline_overview_set_pipeline (SluicePipelineOverview *self,
                                                       SluicePipeline         *pipeline);

G_END_DECLS
