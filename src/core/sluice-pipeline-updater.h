/* sluice-pipeline-updater.h: saving the edits of a pipeline, one awaited mutation at a time
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-dataall-client.h"
#include "sluice-pipeline.h"
#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

typedef enum
{
  SLUICE_UPDATE_STEP_DETAILS,
  SLUICE_UPDATE_STEP_DELETE_STAGE,
  SLUICE_UPDATE_STEP_UPDATE_STAGE,
  SLUICE_UPDATE_STEP_CREATE_STAGE,
} SluiceUpdateStepKind;

#define SLUICE_TYPE_PIPELINE_UPDATER (sluice_pipeline_updater_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineUpdater, sluice_pipeline_updater, SLUICE, PIPELINE_UPDATER, GObject)

SluicePipelineDraft   *sluice_pipeline_updater_new_draft        (SluicePipeline        *pipeline);
SluicePipelineUpdater *sluice_pipeline_updater_new              (SluiceDataallClient   *client,
                                                                 SluicePipeline        *pipeline,
                                                                 SluicePipelineDraft   *draft);
guint                  sluice_pipeline_updater_get_n_steps      (SluicePipelineUpdater *self);
SluiceUpdateStepKind   sluice_pipeline_updater_get_step_kind    (SluicePipelineUpdater *self,
                                                                 guint                  step);
char                  *sluice_pipeline_updater_dup_step_title   (SluicePipelineUpdater *self,
                                                                 guint                  step);
SluiceCreateStepState  sluice_pipeline_updater_get_step_state   (SluicePipelineUpdater *self,
                                                                 guint                  step);
const GError          *sluice_pipeline_updater_get_step_error   (SluicePipelineUpdater *self,
                                                                 guint                  step);
char                  *sluice_pipeline_updater_dup_step_message (SluicePipelineUpdater *self,
                                                                 guint                  step);
gboolean               sluice_pipeline_updater_is_done          (SluicePipelineUpdater *self);
void                   sluice_pipeline_updater_run_async        (SluicePipelineUpdater *self,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
gboolean               sluice_pipeline_updater_run_finish       (SluicePipelineUpdater *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);

G_END_DECLS
