/* sluice-pipeline-filters.h: the pipelines list's filters and order, offered from its pipelines
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-pipeline-query.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_FILTERS (sluice_pipeline_filters_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineFilters, sluice_pipeline_filters, SLUICE, PIPELINE_FILTERS, AdwBin)

SluicePipelineQuery *sluice_pipeline_filters_get_query     (SluicePipelineFilters *self);
void                 sluice_pipeline_filters_set_query     (SluicePipelineFilters *self,
                                                            SluicePipelineQuery   *query);
void                 sluice_pipeline_filters_update_facets (SluicePipelineFilters *self,
                                                            GListModel            *pipelines);
void                 sluice_pipeline_filters_reset         (SluicePipelineFilters *self);

G_END_DECLS
