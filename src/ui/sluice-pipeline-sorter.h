/* sluice-pipeline-sorter.h: the orders of the pipeline list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sluice-pipeline-query.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_SORTER (sluice_pipeline_sorter_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineSorter, sluice_pipeline_sorter, SLUICE, PIPELINE_SORTER, GtkSorter)

SluicePipelineSorter *sluice_pipeline_sorter_new      (SluicePipelineSort    sort);
SluicePipelineSort    sluice_pipeline_sorter_get_sort (SluicePipelineSorter *self);
void                  sluice_pipeline_sorter_set_sort (SluicePipelineSorter *self,
                                                       SluicePipelineSort    sort);

G_END_DECLS
