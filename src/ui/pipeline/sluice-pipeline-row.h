/* sluice-pipeline-row.h: one pipeline of the pipelines list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_ROW (sluice_pipeline_row_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineRow, sluice_pipeline_row, SLUICE, PIPELINE_ROW, GtkBox)

GtkWidget      *sluice_pipeline_row_new          (void);
SluicePipeline *sluice_pipeline_row_dup_pipeline (SluicePipelineRow *self);
void            sluice_pipeline_row_set_pipeline (SluicePipelineRow *self,
                                                  SluicePipeline    *pipeline);

GtkListItemFactory *sluice_pipeline_row_factory_new (void);

G_END_DECLS
