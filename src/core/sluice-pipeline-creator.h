/* sluice-pipeline-creator.h: creating a pipeline and its stages, one awaited mutation at a time
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

#define SLUICE_TYPE_PIPELINE_CREATOR (sluice_pipeline_creator_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineCreator, sluice_pipeline_creator, SLUICE, PIPELINE_CREATOR, SluiceStepRunner)

SluicePipelineCreator *sluice_pipeline_creator_new                 (SluiceDataallClient   *client,
                                                                    SluicePipelineDraft   *draft);
SluicePipelineDraft   *sluice_pipeline_creator_get_draft           (SluicePipelineCreator *self);
SluicePipeline        *sluice_pipeline_creator_get_pipeline        (SluicePipelineCreator *self);
const char * const    *sluice_pipeline_creator_get_refused_fields  (SluicePipelineCreator *self);
void                   sluice_pipeline_creator_drop_refused_fields (SluicePipelineCreator *self);
void                   sluice_pipeline_creator_keep_progress       (SluicePipelineCreator *self,
                                                                    GSettings             *settings,
                                                                    const char            *account_id);
gboolean               sluice_pipeline_creator_is_resumed          (SluicePipelineCreator *self);
gboolean               sluice_pipeline_creator_get_needs_lookup    (SluicePipelineCreator *self);
void                   sluice_pipeline_creator_find_created_async  (SluicePipelineCreator *self,
                                                                    GCancellable          *cancellable,
                                                                    GAsyncReadyCallback    callback,
                                                                    gpointer               user_data);
gboolean               sluice_pipeline_creator_find_created_finish (SluicePipelineCreator *self,
                                                                    GAsyncResult          *result,
                                                                    GError               **error);
void                   sluice_pipeline_creator_create_anew         (SluicePipelineCreator *self);

/* The step runner's API under the names the create wizard calls. */
#define sluice_pipeline_creator_get_n_steps(self) \
  sluice_step_runner_get_n_steps (SLUICE_STEP_RUNNER (self))
#define sluice_pipeline_creator_get_step_state(self, step) \
  sluice_step_runner_get_step_state (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_creator_get_step_error(self, step) \
  sluice_step_runner_get_step_error (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_creator_dup_step_title(self, step) \
  sluice_step_runner_dup_step_title (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_creator_dup_step_message(self, step) \
  sluice_step_runner_dup_step_message (SLUICE_STEP_RUNNER (self), (step))
#define sluice_pipeline_creator_is_done(self) \
  sluice_step_runner_is_done (SLUICE_STEP_RUNNER (self))
#define sluice_pipeline_creator_run_async(self, cancellable, callback, user_data) \
  sluice_step_runner_run_async (SLUICE_STEP_RUNNER (self), (cancellable), (callback), (user_data))
#define sluice_pipeline_creator_run_finish(self, result, error) \
  sluice_step_runner_run_finish (SLUICE_STEP_RUNNER (self), (result), (error))

/* The step states under the names the wizard, the edit dialog and their step rows know. */
typedef SluiceStepState SluiceCreateStepState;
#define SLUICE_CREATE_STEP_PENDING SLUICE_STEP_PENDING
#define SLUICE_CREATE_STEP_RUNNING SLUICE_STEP_RUNNING
#define SLUICE_CREATE_STEP_DONE    SLUICE_STEP_DONE
#define SLUICE_CREATE_STEP_FAILED  SLUICE_STEP_FAILED

G_END_DECLS
