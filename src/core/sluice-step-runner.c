/* sluice-step-runner.c: ordered steps, each awaited, that stop at the first failure
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-step-runner"

#include "config.h"

#include "sluice-step-runner.h"

/* data.all's mutations cannot be undone as a group: the runner awaits each one, stops at the
 * first failure and, run again, resumes with the step that failed. So a partial failure is a
 * list of steps done, one failed with its error, and the rest still to do. */

typedef struct
{
  SluiceStepState  state;
  GError          *error;
} Step;

typedef struct
{
  GArray   *steps;
  gboolean  running;
} SluiceStepRunnerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SluiceStepRunner, sluice_step_runner, G_TYPE_OBJECT)

enum
{
  SIGNAL_STEP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_next (GTask *task);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_error (&step->error);
}

static Step *
get_step (SluiceStepRunner *self,
          guint             index)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  return &g_array_index (priv->steps, Step, index);
}

static void
set_step (SluiceStepRunner *self,
          guint             index,
          SluiceStepState   state,
          const GError     *error)
{
  Step *step = get_step (self, index);

  step->state = state;
  g_clear_error (&step->error);
  if (error != NULL)
    step->error = g_error_copy (error);
  g_signal_emit (self, signals[SIGNAL_STEP_CHANGED], 0, index);
}

/* Ends the run: @error (transfer full) or success. */
static void
finish_run (GTask  *task,
            GError *error)
{
  SluiceStepRunner *self = g_task_get_source_object (task);
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  priv->running = FALSE;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
step_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  SluiceStepRunner *self = g_task_get_source_object (task);
  guint index = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;

  if (!SLUICE_STEP_RUNNER_GET_CLASS (self)->finish_step (self, index, result, &error))
    {
      if (error == NULL)
        {
          g_critical ("%s failed step %u without an error", G_OBJECT_TYPE_NAME (self), index);
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "The step failed");
        }
      /* A cancelled step may or may not have reached the server: it stays to be done. */
      set_step (self, index, SLUICE_STEP_FAILED, error);
      finish_run (task, g_steal_pointer (&error));
      return;
    }
  set_step (self, index, SLUICE_STEP_DONE, NULL);
  run_next (task);
}

static void
run_next (GTask *task)
{
  SluiceStepRunner *self = g_task_get_source_object (task);
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  guint index;

  for (index = 0; index < priv->steps->len; index++)
    if (get_step (self, index)->state != SLUICE_STEP_DONE)
      break;
  if (index == priv->steps->len)
    {
      finish_run (task, NULL);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      finish_run (task, error);
      return;
    }

  g_task_set_task_data (task, GUINT_TO_POINTER (index), NULL);
  set_step (self, index, SLUICE_STEP_RUNNING, NULL);
  SLUICE_STEP_RUNNER_GET_CLASS (self)->start_step (self, index, cancellable, step_finished_cb, task);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static char *
sluice_step_runner_real_dup_step_message (SluiceStepRunner *self,
                                          guint             step)
{
  const GError *error = get_step (self, step)->error;

  return error != NULL ? g_strdup (error->message) : NULL;
}

static void
sluice_step_runner_finalize (GObject *object)
{
  SluiceStepRunner *self = SLUICE_STEP_RUNNER (object);
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  g_clear_pointer (&priv->steps, g_array_unref);

  G_OBJECT_CLASS (sluice_step_runner_parent_class)->finalize (object);
}

static void
sluice_step_runner_class_init (SluiceStepRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_step_runner_finalize;

  klass->dup_step_message = sluice_step_runner_real_dup_step_message;

  /**
   * SluiceStepRunner::step-changed:
   * @step: the step whose state or error changed
   */
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sluice_step_runner_init (SluiceStepRunner *self)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  priv->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (priv->steps, step_clear);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_step_runner_set_n_steps:
 *
 * For subclasses, before the first run: how many steps there are, all pending.
 */
void
sluice_step_runner_set_n_steps (SluiceStepRunner *self,
                                guint             n_steps)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  g_return_if_fail (SLUICE_IS_STEP_RUNNER (self));
  g_return_if_fail (!priv->running);

  g_array_set_size (priv->steps, 0);
  g_array_set_size (priv->steps, n_steps);
}

/**
 * sluice_step_runner_restore_step:
 * @state: %SLUICE_STEP_DONE or %SLUICE_STEP_FAILED
 * @error: (nullable): why it failed, for %SLUICE_STEP_FAILED
 *
 * For subclasses, between runs: puts back a step's outcome from an earlier run (another
 * process's, kept on disk), so that the next run resumes after what was done.
 */
void
sluice_step_runner_restore_step (SluiceStepRunner *self,
                                 guint             step,
                                 SluiceStepState   state,
                                 const GError     *error)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  g_return_if_fail (SLUICE_IS_STEP_RUNNER (self));
  g_return_if_fail (!priv->running);
  g_return_if_fail (step < priv->steps->len);
  g_return_if_fail (state == SLUICE_STEP_DONE || (state == SLUICE_STEP_FAILED && error != NULL));

  set_step (self, step, state, state == SLUICE_STEP_FAILED ? error : NULL);
}

guint
sluice_step_runner_get_n_steps (SluiceStepRunner *self)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), 0);
  return priv->steps->len;
}

SluiceStepState
sluice_step_runner_get_step_state (SluiceStepRunner *self,
                                   guint             step)
{
  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), SLUICE_STEP_PENDING);
  g_return_val_if_fail (step < sluice_step_runner_get_n_steps (self), SLUICE_STEP_PENDING);
  return get_step (self, step)->state;
}

/**
 * sluice_step_runner_get_step_error:
 *
 * Returns: (transfer none) (nullable): why @step failed, %NULL unless it did
 */
const GError *
sluice_step_runner_get_step_error (SluiceStepRunner *self,
                                   guint             step)
{
  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), NULL);
  g_return_val_if_fail (step < sluice_step_runner_get_n_steps (self), NULL);
  return get_step (self, step)->error;
}

/**
 * sluice_step_runner_dup_step_title:
 *
 * Returns: (transfer full): what @step does, as a sentence
 */
char *
sluice_step_runner_dup_step_title (SluiceStepRunner *self,
                                   guint             step)
{
  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), NULL);
  g_return_val_if_fail (step < sluice_step_runner_get_n_steps (self), NULL);
  return SLUICE_STEP_RUNNER_GET_CLASS (self)->dup_step_title (self, step);
}

/**
 * sluice_step_runner_dup_step_message:
 *
 * Why @step failed, as a sentence that names what was involved; for a step done, what the
 * subclass has to say about it, if anything (a creator's pipeline found rather than created).
 *
 * Returns: (transfer full) (nullable): the sentence, %NULL when the step did not fail and
 *   there is nothing to say
 */
char *
sluice_step_runner_dup_step_message (SluiceStepRunner *self,
                                     guint             step)
{
  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), NULL);
  g_return_val_if_fail (step < sluice_step_runner_get_n_steps (self), NULL);

  if (get_step (self, step)->error == NULL && get_step (self, step)->state != SLUICE_STEP_DONE)
    return NULL;
  return SLUICE_STEP_RUNNER_GET_CLASS (self)->dup_step_message (self, step);
}

/**
 * sluice_step_runner_is_done:
 *
 * Returns: whether every step succeeded (a runner without steps is done)
 */
gboolean
sluice_step_runner_is_done (SluiceStepRunner *self)
{
  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), FALSE);

  for (guint i = 0; i < sluice_step_runner_get_n_steps (self); i++)
    if (get_step (self, i)->state != SLUICE_STEP_DONE)
      return FALSE;
  return TRUE;
}

gboolean
sluice_step_runner_is_running (SluiceStepRunner *self)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);

  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), FALSE);
  return priv->running;
}

/**
 * sluice_step_runner_run_async:
 *
 * Runs the steps that are not done yet, in order, until one fails: the first run does
 * everything, a later one retries what remains. Progress is reported through
 * #SluiceStepRunner::step-changed. Cancelling stops before the next step; the step under way
 * sees the cancellable itself.
 */
void
sluice_step_runner_run_async (SluiceStepRunner    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SluiceStepRunnerPrivate *priv = sluice_step_runner_get_instance_private (self);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLUICE_IS_STEP_RUNNER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_step_runner_run_async);
  if (priv->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s is already running",
                               G_OBJECT_TYPE_NAME (self));
      return;
    }
  priv->running = TRUE;
  run_next (g_steal_pointer (&task));
}

/**
 * sluice_step_runner_run_finish:
 *
 * Returns: %TRUE when every step is done, else %FALSE with the failed step's error
 *   (%G_IO_ERROR_CANCELLED when the run was cancelled between steps)
 */
gboolean
sluice_step_runner_run_finish (SluiceStepRunner  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (SLUICE_IS_STEP_RUNNER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_step_runner_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
