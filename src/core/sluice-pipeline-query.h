/* sluice-pipeline-query.h: the pipelines of a list that match a search and filters, in order
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-pipeline.h"

G_BEGIN_DECLS

typedef enum
{
  SLUICE_PIPELINE_SORT_NAME,
  SLUICE_PIPELINE_SORT_UPDATED,
} SluicePipelineSort;

#define SLUICE_TYPE_PIPELINE_QUERY (sluice_pipeline_query_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineQuery, sluice_pipeline_query, SLUICE, PIPELINE_QUERY, GObject)

SluicePipelineQuery *sluice_pipeline_query_new          (GListModel          *model);

GListModel          *sluice_pipeline_query_get_model    (SluicePipelineQuery *self);
void                 sluice_pipeline_query_set_model    (SluicePipelineQuery *self,
                                                         GListModel          *model);
const char          *sluice_pipeline_query_get_search   (SluicePipelineQuery *self);
void                 sluice_pipeline_query_set_search   (SluicePipelineQuery *self,
                                                         const char          *search);
const char          *sluice_pipeline_query_get_strategy (SluicePipelineQuery *self);
void                 sluice_pipeline_query_set_strategy (SluicePipelineQuery *self,
                                                         const char          *strategy);
const char          *sluice_pipeline_query_get_region   (SluicePipelineQuery *self);
void                 sluice_pipeline_query_set_region   (SluicePipelineQuery *self,
                                                         const char          *region);
const char          *sluice_pipeline_query_get_tag      (SluicePipelineQuery *self);
void                 sluice_pipeline_query_set_tag      (SluicePipelineQuery *self,
                                                         const char          *tag);
SluicePipelineSort   sluice_pipeline_query_get_sort     (SluicePipelineQuery *self);
void                 sluice_pipeline_query_set_sort     (SluicePipelineQuery *self,
                                                         SluicePipelineSort   sort);
guint                sluice_pipeline_query_get_n_total  (SluicePipelineQuery *self);
gboolean             sluice_pipeline_query_is_active    (SluicePipelineQuery *self);
void                 sluice_pipeline_query_clear        (SluicePipelineQuery *self);
void                 sluice_pipeline_query_refresh      (SluicePipelineQuery *self);

/* The rules, for whoever else searches or sorts pipelines the same way. */
GStrv                sluice_pipeline_query_split_words  (const char          *search);
gboolean             sluice_pipeline_query_words_within (const char * const  *words,
                                                         const char * const  *other);
char                *sluice_pipeline_query_dup_text     (SluicePipeline      *pipeline);
char                *sluice_pipeline_query_dup_name_key (SluicePipeline      *pipeline);
gboolean             sluice_pipeline_query_has_tag      (SluicePipeline      *pipeline,
                                                         const char          *tag);

G_END_DECLS
