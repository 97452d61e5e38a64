/* sluice-pipeline-sorter.h: the orders of the pipeline list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SLUICE_PIPELINE_SORT_NAME,
  SLUICE_PIPELINE_SORT_UPDATED,
} SluicePipelineSort;

#define SLUICE_TYPE_PIPELINE_SORTER (sluice_pipeline_sorter_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineSorter, sluice_pipeline_sorter, SLUICE, PIPELINE_SORTER, GtkSorter)

SluicePipelineSorter *sluice_pipeline_sorter_new      (SluicePipelineSort    sort);
SluicePipelineSort    sluice_pipeline_sorter_get_sort (SluicePipelineSorter *self);
void                  sluice_pipeline_sorter_set_sort (SluicePipelineSorter *self,
                                                       SluicePipelineSort    sort);

G_END_DECLS
