/* sluice-pipeline-filter.h: search and filters over a list of pipelines
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_FILTER (sluice_pipeline_filter_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineFilter, sluice_pipeline_filter, SLUICE, PIPELINE_FILTER, GtkFilter)

SluicePipelineFilter *sluice_pipeline_filter_new          (void);

const char           *sluice_pipeline_filter_get_search   (SluicePipelineFilter *self);
void                  sluice_pipeline_filter_set_search   (SluicePipelineFilter *self,
                                                           const char           *search);
const char           *sluice_pipeline_filter_get_strategy (SluicePipelineFilter *self);
void                  sluice_pipeline_filter_set_strategy (SluicePipelineFilter *self,
                                                           const char           *strategy);
const char           *sluice_pipeline_filter_get_region   (SluicePipelineFilter *self);
void                  sluice_pipeline_filter_set_region   (SluicePipelineFilter *self,
                                                           const char           *region);
const char           *sluice_pipeline_filter_get_tag      (SluicePipelineFilter *self);
void                  sluice_pipeline_filter_set_tag      (SluicePipelineFilter *self,
                                                           const char           *tag);
gboolean              sluice_pipeline_filter_is_active    (SluicePipelineFilter *self);
void                  sluice_pipeline_filter_clear        (SluicePipelineFilter *self);

G_END_DECLS
