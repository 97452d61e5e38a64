/* test-step-runner.c
 *
 * SluiceStepRunner through a subclass whose steps end on a short timer: the order of the
 * steps and of step-changed, a failing step, resuming from it, cancelling, and no leaks.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-step-runner.h"
#include "sluice-test-core-utils.h"

#define NO_STEP G_MAXUINT

/* ------------------------------------------------------------------------------------------ */
/* A runner whose steps take a few milliseconds                                               */
/* ------------------------------------------------------------------------------------------ */

#define TEST_TYPE_RUNNER (test_runner_get_type ())
G_DECLARE_FINAL_TYPE (TestRunner, test_runner, TEST, RUNNER, SluiceStepRunner)

struct _TestRunner
{
  SluiceStepRunner  parent_instance;

  guint             fail_step;      /* the step that fails, NO_STEP for none */
  GString          *log;            /* "step:state " per step-changed, "start:step " per start */
};

G_DEFINE_FINAL_TYPE (TestRunner, test_runner, SLUICE_TYPE_STEP_RUNNER)

static gboolean
step_timeout_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  TestRunner *self = g_task_get_source_object (task);
  guint step = GPOINTER_TO_UINT (g_task_get_task_data (task));

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  if (step == self->fail_step)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "Step %u failed", step);
  else
    g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
test_runner_start_step (SluiceStepRunner    *runner,
                        guint                step,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  TestRunner *self = TEST_RUNNER (runner);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_string_append_printf (self->log, "start:%u ", step);
  g_task_set_task_data (task, GUINT_TO_POINTER (step), NULL);
  g_timeout_add (5, step_timeout_cb, task);
}

static gboolean
test_runner_finish_step (SluiceStepRunner  *runner,
                         guint              step,
                         GAsyncResult      *result,
                         GError           **error)
{
  g_assert_true (g_task_is_valid (result, runner));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result))), ==, step);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
test_runner_dup_step_title (SluiceStepRunner *runner,
                            guint             step)
{
  return g_strdup_printf ("Step %u", step);
}

static void
test_runner_finalize (GObject *object)
{
  TestRunner *self = TEST_RUNNER (object);

  g_string_free (self->log, TRUE);

  G_OBJECT_CLASS (test_runner_parent_class)->finalize (object);
}

static void
test_runner_class_init (TestRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SluiceStepRunnerClass *runner_class = SLUICE_STEP_RUNNER_CLASS (klass);

  object_class->finalize = test_runner_finalize;
  runner_class->start_step = test_runner_start_step;
  runner_class->finish_step = test_runner_finish_step;
  runner_class->dup_step_title = test_runner_dup_step_title;
}

static void
test_runner_init (TestRunner *self)
{
  self->fail_step = NO_STEP;
  self->log = g_string_new (NULL);
}

static void
step_changed_cb (SluiceStepRunner *runner,
                 guint             step)
{
  GEnumClass *klass = g_type_class_ref (SLUICE_TYPE_STEP_STATE);
  GEnumValue *value = g_enum_get_value (klass, sluice_step_runner_get_step_state (runner, step));

  g_string_append_printf (TEST_RUNNER (runner)->log, "%u:%s ", step, value->value_nick);
  g_type_class_unref (klass);
}

static TestRunner *
runner_new (guint n_steps)
{
  TestRunner *runner = g_object_new (TEST_TYPE_RUNNER, NULL);

  sluice_step_runner_set_n_steps (SLUICE_STEP_RUNNER (runner), n_steps);
  g_signal_connect (runner, "step-changed", G_CALLBACK (step_changed_cb), NULL);
  return runner;
}

/* Reads the log written since the last call. */
static char *
take_log (TestRunner *runner)
{
  char *log = g_strdup (g_strchomp (runner->log->str));

  g_string_truncate (runner->log, 0);
  return log;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
run (TestRunner    *runner,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_step_runner_run_async (SLUICE_STEP_RUNNER (runner), cancellable, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sluice_step_runner_is_running (SLUICE_STEP_RUNNER (runner)));
  return sluice_step_runner_run_finish (SLUICE_STEP_RUNNER (runner), result, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_in_order (void)
{
  TestRunner *runner = runner_new (3);
  SluiceStepRunner *steps = SLUICE_STEP_RUNNER (runner);
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *title = NULL;

  g_assert_cmpuint (sluice_step_runner_get_n_steps (steps), ==, 3);
  g_assert_false (sluice_step_runner_is_done (steps));
  title = sluice_step_runner_dup_step_title (steps, 2);
  g_assert_cmpstr (title, ==, "Step 2");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sluice_step_runner_get_step_state (steps, i), ==, SLUICE_STEP_PENDING);

  g_assert_true (run (runner, NULL, &error));
  g_assert_no_error (error);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "0:running start:0 0:done 1:running start:1 1:done "
                            "2:running start:2 2:done");
  g_assert_true (sluice_step_runner_is_done (steps));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (sluice_step_runner_get_step_state (steps, i), ==, SLUICE_STEP_DONE);
      g_assert_null (sluice_step_runner_get_step_error (steps, i));
      g_assert_null (sluice_step_runner_dup_step_message (steps, i));
    }

  /* Everything done: running again starts nothing. */
  g_assert_true (run (runner, NULL, &error));
  g_clear_pointer (&log, g_free);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "");

  g_assert_finalize_object (runner);
}

static void
test_failure_and_resume (void)
{
  TestRunner *runner = runner_new (3);
  SluiceStepRunner *steps = SLUICE_STEP_RUNNER (runner);
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *message = NULL;
  const GError *step_error;

  runner->fail_step = 1;
  g_assert_false (run (runner, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "Step 1 failed");
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "0:running start:0 0:done 1:running start:1 1:failed");

  g_assert_cmpint (sluice_step_runner_get_step_state (steps, 0), ==, SLUICE_STEP_DONE);
  g_assert_cmpint (sluice_step_runner_get_step_state (steps, 1), ==, SLUICE_STEP_FAILED);
  g_assert_cmpint (sluice_step_runner_get_step_state (steps, 2), ==, SLUICE_STEP_PENDING);
  step_error = sluice_step_runner_get_step_error (steps, 1);
  g_assert_error (step_error, G_IO_ERROR, G_IO_ERROR_FAILED);
  message = sluice_step_runner_dup_step_message (steps, 1);
  g_assert_cmpstr (message, ==, "Step 1 failed");
  g_assert_null (sluice_step_runner_dup_step_message (steps, 0));
  g_assert_null (sluice_step_runner_dup_step_message (steps, 2));
  g_assert_false (sluice_step_runner_is_done (steps));

  /* The retry starts with the failed step; the step done is not run again. */
  runner->fail_step = NO_STEP;
  g_clear_error (&error);
  g_assert_true (run (runner, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&log, g_free);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "1:running start:1 1:done 2:running start:2 2:done");
  g_assert_null (sluice_step_runner_get_step_error (steps, 1));
  g_assert_true (sluice_step_runner_is_done (steps));

  g_assert_finalize_object (runner);
}

static void
cancel_on_step_1_cb (SluiceStepRunner *runner,
                     guint             step,
                     GCancellable     *cancellable)
{
  if (step == 1 && sluice_step_runner_get_step_state (runner, step) == SLUICE_STEP_RUNNING)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (void)
{
  TestRunner *runner = runner_new (3);
  SluiceStepRunner *steps = SLUICE_STEP_RUNNER (runner);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  gulong handler;

  /* Cancelled before it starts: nothing runs. */
  g_cancellable_cancel (cancellable);
  g_assert_false (run (runner, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "");

  /* Cancelled during step 1: the step sees it, the run stops there. */
  g_clear_object (&cancellable);
  g_clear_error (&error);
  cancellable = g_cancellable_new ();
  handler = g_signal_connect (runner, "step-changed", G_CALLBACK (cancel_on_step_1_cb), cancellable);
  g_assert_false (run (runner, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&log, g_free);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "0:running start:0 0:done 1:running start:1 1:failed");
  g_assert_cmpint (sluice_step_runner_get_step_state (steps, 1), ==, SLUICE_STEP_FAILED);
  g_assert_error (sluice_step_runner_get_step_error (steps, 1), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sluice_step_runner_get_step_state (steps, 2), ==, SLUICE_STEP_PENDING);
  g_signal_handler_disconnect (runner, handler);

  /* A cancelled step may have reached the server or not: it is run again. */
  g_clear_error (&error);
  g_assert_true (run (runner, NULL, &error));
  g_clear_pointer (&log, g_free);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "1:running start:1 1:done 2:running start:2 2:done");

  g_assert_finalize_object (runner);
}

static void
test_already_running (void)
{
  TestRunner *runner = runner_new (2);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  sluice_step_runner_run_async (SLUICE_STEP_RUNNER (runner), NULL, got_result_cb, &first);
  g_assert_true (sluice_step_runner_is_running (SLUICE_STEP_RUNNER (runner)));
  sluice_step_runner_run_async (SLUICE_STEP_RUNNER (runner), NULL, got_result_cb, &second);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sluice_step_runner_run_finish (SLUICE_STEP_RUNNER (runner), second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_true (sluice_step_runner_run_finish (SLUICE_STEP_RUNNER (runner), first, &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  g_clear_object (&second);

  g_assert_finalize_object (runner);
}

static void
test_no_steps (void)
{
  TestRunner *runner = runner_new (0);
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  g_assert_true (sluice_step_runner_is_done (SLUICE_STEP_RUNNER (runner)));
  g_assert_true (run (runner, NULL, &error));
  g_assert_no_error (error);
  log = take_log (runner);
  g_assert_cmpstr (log, ==, "");

  g_assert_finalize_object (runner);
}

static void
test_state_type (void)
{
  GEnumClass *klass = g_type_class_ref (SLUICE_TYPE_STEP_STATE);

  g_assert_cmpstr (g_enum_get_value (klass, SLUICE_STEP_PENDING)->value_nick, ==, "pending");
  g_assert_cmpstr (g_enum_get_value (klass, SLUICE_STEP_FAILED)->value_nick, ==, "failed");
  g_assert_cmpuint (klass->n_values, ==, 4);
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/step-runner/in-order", test_in_order);
  g_test_add_func ("/sluice/step-runner/failure-and-resume", test_failure_and_resume);
  g_test_add_func ("/sluice/step-runner/cancel", test_cancel);
  g_test_add_func ("/sluice/step-runner/already-running", test_already_running);
  g_test_add_func ("/sluice/step-runner/no-steps", test_no_steps);
  g_test_add_func ("/sluice/step-runner/state-type", test_state_type);

  return g_test_run ();
}
