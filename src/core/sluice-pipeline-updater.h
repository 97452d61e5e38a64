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
#include "sluice-step-runner.h"

G_BEGIN_DECLS

/**
 * SluiceUpdateStepKind:
 * @SLUICE_UPDATE_STEP_DETAILS: updateDataPipeline: the label, description and tags
 * @SLUICE_UPDATE_STEP_DELETE_STAGE: deleteDataPipelineEnvironment
 * @SLUICE_UPDATE_STEP_UPDATE_STAGE: updateDataPipelineEnvironment: a kept stage's order or team
 * @SLUICE_UPDATE_STEP_CREATE_STAGE: createDataPipelineEnvironment
 */
typedef enum
{
  SLUICE_UPDATE_STEP_DETAILS,
  SLUICE_UPDATE_STEP_DELETE_STAGE,
  SLUICE_UPDATE_STEP_UPDATE_STAGE,
  SLUICE_UPDATE_STEP_CREATE_STAGE,
} SluiceUpdateStepKind;

#define SLUICE_TYPE_PIPELINE_UPDATER (sluice_pipeline_updater_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineUpdater, sluice_pipeline_updater, SLUICE, PIPELINE_UPDATER, SluiceStepRunner)

SluicePipelineDraft   *sluice_pipeline_updater_new_draft     (SluicePipeline        *pipeline);
SluicePipelineUpdater *sluice_pipeline_updater_new           (SluiceDataallClient   *client,
                                                              SluicePipeline        *pipeline,
                                                              SluicePipelineDraft   *draft);
SluiceUpdateStepKind   sluice_pipeline_updater_get_step_kind (SluicePipelineUpdater *self,
                                                              guint                  step);

/* The step runner's API under the names the edit dialog calls. */
#define sluice_pipeline_updater_get_n_steps(self) \
  sluice_step_runner_get_n_steps (SLUICE_STEP_RUNNER (self))
#define sluice_pipeline_updater_get_step_state(self, step) \
  sluice_step_runner_get_step_state (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_updater_get_step_error(self, step) \
  sluice_step_runner_get_step_error (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_updater_dup_step_title(self, step) \
  sluice_step_runner_dup_step_title (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_updater_dup_step_message(self, step) \
  sluice_step_runner_dup_step_message (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_updater_is_done(self) \
  sluice_step_runner_is_done (SLUICE_STEP_RUNNER (self))
#define sluice_pipeline_updater_run_async(self, cancellable, callback, user_data) \
  sluice_step_runner_run_async (SLUICE_STEP_RUNNER (self), (cancellable), (callback), (user_data))
#define sluice_pipeline_updater_run_finish(self, result, error) \
  sluice_step_runner_run_finish (SLUICE_STEP_RUNNER (self), (result), (error))

G_END_DECLS
