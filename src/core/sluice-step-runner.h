/* sluice-step-runner.h: ordered steps, each awaited, that stop at the first failure
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SluiceStepState:
 * @SLUICE_STEP_PENDING: not run yet, or to be run again
 * @SLUICE_STEP_RUNNING: under way
 * @SLUICE_STEP_DONE: succeeded; a later run skips it
 * @SLUICE_STEP_FAILED: failed with the step's error; the next run starts with it
 */
typedef enum
{
  SLUICE_STEP_PENDING,
  SLUICE_STEP_RUNNING,
  SLUICE_STEP_DONE,
  SLUICE_STEP_FAILED,
} SluiceStepState;

#define SLUICE_TYPE_STEP_RUNNER (sluice_step_runner_get_type ())

G_DECLARE_DERIVABLE_TYPE (SluiceStepRunner, sluice_step_runner, SLUICE, STEP_RUNNER, GObject)

/**
 * SluiceStepRunnerClass:
 * @start_step: starts step @step, calling @callback with @user_data when it is over: usually
 *   the subclass hands both to one `_async` call of its client
 * @finish_step: the outcome of @step from the result @start_step's call gave; %FALSE with
 *   @error set when it failed
 * @dup_step_title: what @step does, as a sentence for a progress list
 * @dup_step_message: (nullable): why @step failed, as a sentence, or a note on a step done
 *   (called for those too); the default is the step error's message
 *
 * The steps run in order, one at a time: a subclass says how many there are with
 * sluice_step_runner_set_n_steps() and how each one starts and ends.
 */
struct _SluiceStepRunnerClass
{
  GObjectClass parent_class;

  void       (*start_step)       (SluiceStepRunner     *self,
                                  guint                 step,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
  gboolean   (*finish_step)      (SluiceStepRunner     *self,
                                  guint                 step,
                                  GAsyncResult         *result,
                                  GError              **error);
  char      *(*dup_step_title)   (SluiceStepRunner     *self,
                                  guint                 step);
  char      *(*dup_step_message) (SluiceStepRunner     *self,
                                  guint                 step);

  /*< private >*/
  gpointer padding[8];
};

guint            sluice_step_runner_get_n_steps      (SluiceStepRunner     *self);
SluiceStepState  sluice_step_runner_get_step_state   (SluiceStepRunner     *self,
                                                      guint                 step);
const GError    *sluice_step_runner_get_step_error   (SluiceStepRunner     *self,
                                                      guint                 step);
char            *sluice_step_runner_dup_step_title   (SluiceStepRunner     *self,
                                                      guint                 step);
char            *sluice_step_runner_dup_step_message (SluiceStepRunner     *self,
                                                      guint                 step);
gboolean         sluice_step_runner_is_done          (SluiceStepRunner     *self);
gboolean         sluice_step_runner_is_running       (SluiceStepRunner     *self);
void             sluice_step_runner_run_async        (SluiceStepRunner     *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         sluice_step_runner_run_finish       (SluiceStepRunner     *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* For subclasses. */
void             sluice_step_runner_set_n_steps      (SluiceStepRunner     *self,
                                                      guint                 n_steps);
void             sluice_step_runner_restore_step     (SluiceStepRunner     *self,
                                                      guint                 step,
                                                      SluiceStepState       state,
                                                      const GError         *error);

G_END_DECLS

#include "sluice-core-enums.h"
