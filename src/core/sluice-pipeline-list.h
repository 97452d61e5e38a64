/* sluice-pipeline-list.h: every pipeline a user sees, as a GListModel
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-dataall-client.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_LIST (sluice_pipeline_list_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineList, sluice_pipeline_list, SLUICE, PIPELINE_LIST, GObject)

#define SLUICE_PIPELINE_LIST_DEFAULT_PAGE_SIZE 500

SluicePipelineList *sluice_pipeline_list_new           (void);

void                sluice_pipeline_list_load_async    (SluicePipelineList   *self,
                                                        SluiceDataallClient  *client,
                                                        JsonObject           *filter,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            sluice_pipeline_list_load_finish   (SluicePipelineList   *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

gboolean            sluice_pipeline_list_get_loading   (SluicePipelineList   *self);
guint               sluice_pipeline_list_get_total     (SluicePipelineList   *self);
guint               sluice_pipeline_list_get_page_size (SluicePipelineList   *self);
void                sluice_pipeline_list_set_page_size (SluicePipelineList   *self,
                                                        guint                 page_size);
SluicePipeline     *sluice_pipeline_list_find          (SluicePipelineList   *self,
                                                        const char           *uri);
void                sluice_pipeline_list_remove        (SluicePipelineList   *self,
                                                        const char           *uri);
void                sluice_pipeline_list_take          (SluicePipelineList   *self,
                                                        SluicePipeline       *pipeline);

G_END_DECLS
