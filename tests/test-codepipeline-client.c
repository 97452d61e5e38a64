/* test-codepipeline-client.c
 *
 * The CodePipeline client against the emulator: every operation, every error it maps, the
 * pipeline's keys fetched through data.all and renewed once when they expire, faults, and
 * cancellation.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "sluice-account.h"
#include "sluice-environment.h"
#include "sluice-codepipeline-client.h"
#include "sluice-deployment.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define LONG_KEY_ID     "AKIAEMULATORCCLIENT1"
#define LONG_KEY_SECRET "c-client/long+term"

static SluiceTestEmulator *emulator;
static SluiceAccount *account;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
have_session_bus (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through build-aux/dev test");
      return FALSE;
    }
  return TRUE;
}

static SluicePipeline *
find_pipeline (const char *label)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_list_load_async (list, sluice_account_get_client (account), NULL, NULL,
                                   got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&result), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        return g_steal_pointer (&pipeline);
    }
  g_assert_not_reached ();
}

/* A client for a seeded pipeline, with its keys from data.all (through the keyring). */
static SluiceCodePipelineClient *
client_for (const char  *label,
            char       **name)
{
  g_autoptr(SluicePipeline) pipeline = find_pipeline (label);
  SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);

  g_assert_nonnull (environment);
  g_assert_cmpstr (sluice_environment_get_region (environment), ==, "eu-west-1");
  /* the list has no name: data.all's is "<resource prefix>-<label slug>-<uri>" */
  if (name != NULL)
    *name = g_strdup_printf ("dataall-%s-%s", label, sluice_pipeline_get_uri (pipeline));
  return sluice_codepipeline_client_new (account, sluice_pipeline_get_uri (pipeline),
                                         sluice_pipeline_get_label (pipeline),
                                         sluice_environment_get_aws_account_id (environment),
                                         sluice_environment_get_region (environment));
}

static SluiceCodePipelineClient *
long_term_client (const char *secret)
{
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new (LONG_KEY_ID, secret, NULL);

  return sluice_codepipeline_client_new_with_credentials (credentials, "eu-west-1",
                                                          sluice_test_emulator_get_codepipeline (emulator));
}

static void
advance_clock (int seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_strdup_printf ("{\"advance\": %d}", seconds);
  g_autofree char *out = NULL;
  guint status = 0;

  out = sluice_test_emulator_request (emulator, "POST", "/_emulator/clock", body, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
}

static void
add_fault (const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sluice_test_emulator_add_fault (emulator, json, &error));
  g_assert_no_error (error);
}

static SluiceCodePipelineState *
get_state (SluiceCodePipelineClient  *client,
           const char                *name,
           GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_codepipeline_client_get_pipeline_state_async (client, name, NULL, got_result_cb, &result);
  return sluice_codepipeline_client_get_pipeline_state_finish (client, wait_result (&result), error);
}

static GPtrArray *
list_executions (SluiceCodePipelineClient  *client,
                 const char                *name,
                 GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_codepipeline_client_list_pipeline_executions_async (client, name, 0, NULL, NULL,
                                                             got_result_cb, &result);
  return sluice_codepipeline_client_list_pipeline_executions_finish (client, wait_result (&result),
                                                                     NULL, error);
}

static gboolean
approve (SluiceCodePipelineClient  *client,
         const char                *name,
         const char                *stage,
         const char                *token,
         gboolean                   yes,
         GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 at = 0;
  gboolean ok;

  sluice_codepipeline_client_put_approval_result_async (client, name, stage, stage, token, yes,
                                                        "Reviewed in Sluice", NULL,
                                                        got_result_cb, &result);
  ok = sluice_codepipeline_client_put_approval_result_finish (client, wait_result (&result), &at, error);
  if (ok)
    g_assert_cmpint (at, >, 1700000000);
  return ok;
}

static char *
start (SluiceCodePipelineClient  *client,
       const char                *name,
       GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_codepipeline_client_start_pipeline_execution_async (client, name, NULL, got_result_cb, &result);
  return sluice_codepipeline_client_start_pipeline_execution_finish (client, wait_result (&result), error);
}

static char *
stop (SluiceCodePipelineClient  *client,
      const char                *name,
      const char                *id,
      gboolean                   abandon,
      GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_codepipeline_client_stop_pipeline_execution_async (client, name, id, abandon, "Not this one",
                                                            NULL, got_result_cb, &result);
  return sluice_codepipeline_client_stop_pipeline_execution_finish (client, wait_result (&result), error);
}

static char *
retry (SluiceCodePipelineClient  *client,
       const char                *name,
       const char                *stage,
       const char                *id,
       GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_codepipeline_client_retry_stage_execution_async (client, name, stage, id, FALSE, NULL,
                                                          got_result_cb, &result);
  return sluice_codepipeline_client_retry_stage_execution_finish (client, wait_result (&result), error);
}

static gboolean
transition (SluiceCodePipelineClient  *client,
            const char                *name,
            const char                *stage,
            gboolean                   enabled,
            const char                *reason,
            GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_codepipeline_client_set_stage_transition_async (client, name, stage,
                                                         SLUICE_CODEPIPELINE_TRANSITION_INBOUND,
                                                         enabled, reason, NULL, got_result_cb, &result);
  return sluice_codepipeline_client_set_stage_transition_finish (client, wait_result (&result), error);
}

static void
assert_cp_error (const GError *error,
                 int           code,
                 const char   *type_name)
{
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, code);
  g_assert_cmpstr (sluice_codepipeline_error_get_type_name (error), ==, type_name);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_read_operations (void)
{
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceCodePipelineDefinition) definition = NULL;
  g_autoptr(SluiceCodePipelineState) state = NULL;
  g_autoptr(GPtrArray) pipelines = NULL;
  g_autoptr(GPtrArray) executions = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *next = NULL;
  g_autofree char *endpoint = NULL;
  SluiceCodePipelineExecution *latest;
  SluiceCodePipelineStageDeclaration *stage;
  gboolean found = FALSE;

  if (!have_session_bus ())
    return;

  client = client_for ("customer-360", &name);
  endpoint = sluice_codepipeline_client_dup_endpoint (client);
  g_assert_true (g_str_has_prefix (endpoint, "http://127.0.0.1:"));

  sluice_codepipeline_client_list_pipelines_async (client, NULL, NULL, got_result_cb, &result);
  pipelines = sluice_codepipeline_client_list_pipelines_finish (client, wait_result (&result), &next, &error);
  g_assert_no_error (error);
  g_assert_null (next);
  for (guint i = 0; i < pipelines->len; i++)
    {
      SluiceCodePipelineSummary *summary = g_ptr_array_index (pipelines, i);

      if (g_str_equal (summary->name, name))
        {
          found = TRUE;
          g_assert_cmpint (summary->version, ==, 1);
          g_assert_cmpint (summary->created, >, 1700000000);
        }
    }
  g_assert_true (found);

  /* cdk-trunk: Source (named after the repository), Build, UpdatePipeline, dataall-<Stage> */
  sluice_codepipeline_client_get_pipeline_async (client, name, 0, NULL, got_result_cb, &result2);
  definition = sluice_codepipeline_client_get_pipeline_finish (client, wait_result (&result2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (definition->name, ==, name);
  g_assert_cmpuint (definition->stages->len, ==, 6);
  stage = g_ptr_array_index (definition->stages, 0);
  g_assert_cmpstr (stage->name, ==, "Source");
  g_assert_cmpstr (((SluiceCodePipelineActionDeclaration *) g_ptr_array_index (stage->actions, 0))->name, ==, name);
  g_assert_cmpstr (((SluiceCodePipelineActionDeclaration *) g_ptr_array_index (stage->actions, 0))->branch, ==, "main");
  g_assert_cmpstr (((SluiceCodePipelineActionDeclaration *) g_ptr_array_index (stage->actions, 0))->category, ==, "Source");
  g_assert_cmpstr (((SluiceCodePipelineStageDeclaration *) g_ptr_array_index (definition->stages, 3))->name, ==, "dataall-Dev");
  g_assert_true (g_str_has_prefix (definition->arn, "arn:aws:codepipeline:eu-west-1:111111111111:"));

  state = get_state (client, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state->pipeline_name, ==, name);
  g_assert_cmpuint (state->stages->len, ==, 6);
  for (guint i = 0; i < state->stages->len; i++)
    g_assert_cmpint (((SluiceCodePipelineStageState *) g_ptr_array_index (state->stages, i))->status,
                     ==, SLUICE_CODEPIPELINE_STATUS_SUCCEEDED);
  g_assert_nonnull (sluice_codepipeline_state_get_stage (state, "dataall-Prod"));
  g_assert_nonnull (sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (state, "dataall-Prod"), "Deploy"));
  g_assert_null (sluice_codepipeline_state_get_stage (state, "Nope"));
  g_assert_nonnull (sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (state, "Source"), name)->revision_id);

  executions = list_executions (client, name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (executions->len, ==, 1);
  latest = g_ptr_array_index (executions, 0);
  g_assert_cmpint (latest->status, ==, SLUICE_CODEPIPELINE_STATUS_SUCCEEDED);
  g_assert_cmpstr (latest->trigger_type, ==, "CreatePipeline");
  g_assert_cmpstr (latest->revision_summary, ==, "Initial commit by data.all");
  g_assert_cmpuint (strlen (latest->revision_id), ==, 40);
  g_assert_cmpint (latest->last_update_time, >, latest->start_time);
}

static void
test_approval_start_stop_retry (void)
{
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceCodePipelineState) state = NULL;
  g_autoptr(SluiceCodePipelineState) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *token = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stopped = NULL;
  g_autofree char *retried = NULL;
  g_autofree char *again = NULL;
  SluiceCodePipelineActionState *approval;

  if (!have_session_bus ())
    return;

  /* sales-ingest (trunk, dev and prod) has been waiting for its dev approval */
  client = client_for ("sales-ingest", &name);
  state = get_state (client, name, &error);
  g_assert_no_error (error);
  approval = sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (state, "ManualApproval-dev"),
                                                         "ManualApproval-dev");
  g_assert_nonnull (approval);
  g_assert_cmpint (approval->status, ==, SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS);
  g_assert_nonnull (approval->token);
  token = g_strdup (approval->token);

  g_assert_true (approve (client, name, "ManualApproval-dev", token, TRUE, &error));
  g_assert_no_error (error);
  after = get_state (client, name, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sluice_codepipeline_state_get_stage (after, "ManualApproval-dev")->status, ==, SLUICE_CODEPIPELINE_STATUS_SUCCEEDED);
  g_assert_cmpint (sluice_codepipeline_state_get_stage (after, "Deploy-Stage-prod")->status, ==, SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (after, "ManualApproval-dev"),
                                                               "ManualApproval-dev")->summary, ==, "Reviewed in Sluice");

  /* the same token again: answered already */
  g_assert_false (approve (client, name, "ManualApproval-dev", token, TRUE, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE, "ApprovalAlreadyCompletedException");
  g_assert_cmpstr (error->message, ==, "The approval was already answered or has expired");
  g_assert_nonnull (sluice_codepipeline_error_get_detail (error));
  g_assert_cmpuint (sluice_codepipeline_error_get_http_status (error), ==, 400);
  g_clear_error (&error);
  g_assert_false (approve (client, name, "Nope", token, TRUE, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND, "StageNotFoundException");
  g_clear_error (&error);
  g_assert_false (approve (client, name, "ManualApproval-dev", "not-a-token", TRUE, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT, "ValidationException");
  g_clear_error (&error);

  /* Release Change, then stop it at once */
  id = start (client, name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (id), ==, 36);
  stopped = stop (client, name, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stopped, ==, id);
  g_assert_null (stop (client, name, id, TRUE, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE, "PipelineExecutionNotStoppableException");
  g_clear_error (&error);
  g_assert_null (stop (client, name, "00000000-0000-4000-8000-000000000000", TRUE, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND, "PipelineExecutionNotFoundException");
  g_clear_error (&error);

  /* the stopped Source stage can be retried, once */
  retried = retry (client, name, "Source", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retried, ==, id);
  again = retry (client, name, "Source", id, &error);
  g_assert_null (again);
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE, "StageNotRetryableException");
  g_clear_error (&error);
  g_assert_null (retry (client, name, "Nope", id, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND, "StageNotFoundException");
}

static void
test_transitions (void)
{
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceCodePipelineState) state = NULL;
  g_autoptr(SluiceCodePipelineState) enabled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SluiceCodePipelineStageState *stage;

  if (!have_session_bus ())
    return;

  client = client_for ("sales-ingest", &name);
  g_assert_true (transition (client, name, "Deploy-Stage-prod", FALSE, "Release freeze (week 49)", &error));
  g_assert_no_error (error);
  state = get_state (client, name, &error);
  g_assert_no_error (error);
  stage = sluice_codepipeline_state_get_stage (state, "Deploy-Stage-prod");
  g_assert_true (stage->has_inbound_transition);
  g_assert_false (stage->inbound_enabled);
  g_assert_cmpstr (stage->inbound_disabled_reason, ==, "Release freeze (week 49)");
  g_assert_nonnull (stage->inbound_changed_by);
  g_assert_cmpint (stage->inbound_changed_at, >, 0);
  g_assert_false (sluice_codepipeline_state_get_stage (state, "Source")->has_inbound_transition);

  g_assert_true (transition (client, name, "Deploy-Stage-prod", TRUE, NULL, &error));
  g_assert_no_error (error);
  enabled = get_state (client, name, &error);
  g_assert_no_error (error);
  g_assert_true (sluice_codepipeline_state_get_stage (enabled, "Deploy-Stage-prod")->inbound_enabled);

  /* a comma is not in the pattern CodePipeline allows */
  g_assert_false (transition (client, name, "Deploy-Stage-prod", FALSE, "No, not now", &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT, "ValidationException");
  g_assert_true (strstr (sluice_codepipeline_error_get_detail (error), "reason") != NULL);
}

static void
test_not_found_and_keys (void)
{
  g_autoptr(SluiceCodePipelineClient) good = long_term_client (LONG_KEY_SECRET);
  g_autoptr(SluiceCodePipelineClient) bad = long_term_client ("wrong/secret");
  g_autoptr(SluiceCodePipelineClient) unknown = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new ("ASIAUNKNOWNKEY000000", "x", "tok");
  g_autoptr(SluiceCodePipelineState) state = NULL;
  g_autoptr(GError) error = NULL;

  state = get_state (good, "no-such-pipeline", &error);
  g_assert_null (state);
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND, "PipelineNotFoundException");
  g_assert_true (strstr (sluice_codepipeline_error_get_detail (error), "no-such-pipeline") != NULL);
  g_clear_error (&error);

  g_assert_null (get_state (bad, "no-such-pipeline", &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED, "InvalidSignatureException");
  g_assert_cmpstr (error->message, ==, "Sluice’s AWS keys for this pipeline were refused");
  g_assert_true (g_str_has_prefix (sluice_codepipeline_error_get_detail (error), "The request signature we calculated"));
  g_clear_error (&error);

  unknown = sluice_codepipeline_client_new_with_credentials (credentials, "eu-west-1",
                                                             sluice_test_emulator_get_codepipeline (emulator));
  g_assert_null (get_state (unknown, "no-such-pipeline", &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED, "UnrecognizedClientException");
  /* fixed keys are not renewed: one request */
  g_assert_cmpuint (sluice_codepipeline_client_get_n_requests (unknown), ==, 1);
}

static void
test_faults (void)
{
  g_autoptr(SluiceCodePipelineClient) client = long_term_client (LONG_KEY_SECRET);
  g_autoptr(GPtrArray) executions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  add_fault ("{\"kind\": \"http500\", \"match\": \"ListPipelineExecutions\"}");
  g_assert_null (list_executions (client, "any", &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_SERVER, "InternalFailure");
  g_assert_cmpuint (sluice_codepipeline_error_get_http_status (error), ==, 500);
  g_clear_error (&error);

  add_fault ("{\"kind\": \"error\", \"match\": \"ListPipelineExecutions\", \"message\": \"Rate exceeded\"}");
  g_assert_null (list_executions (client, "any", &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_THROTTLED, "ThrottlingException");
  g_assert_cmpstr (sluice_codepipeline_error_get_detail (error), ==, "Rate exceeded");
  g_clear_error (&error);

  add_fault ("{\"kind\": \"malformed\", \"match\": \"ListPipelineExecutions\"}");
  g_assert_null (list_executions (client, "any", &error));
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
  g_clear_error (&error);

  add_fault ("{\"kind\": \"drop\", \"match\": \"ListPipelineExecutions\"}");
  g_assert_null (list_executions (client, "any", &error));
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_NETWORK);
  g_clear_error (&error);

  /* cancelled while the server takes its time */
  add_fault ("{\"kind\": \"slow\", \"delay_ms\": 3000, \"match\": \"GetPipelineState\"}");
  sluice_codepipeline_client_get_pipeline_state_async (client, "any", cancellable, got_result_cb, &result);
  sluice_test_iterate (200);
  g_cancellable_cancel (cancellable);
  g_assert_null (sluice_codepipeline_client_get_pipeline_state_finish (client, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_main_port_through_account_endpoint (void)
{
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new (LONG_KEY_ID, LONG_KEY_SECRET, NULL);
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) pipelines = NULL;
  g_autoptr(GError) error = NULL;

  /* the account's single AWS endpoint (the emulator's URL) reaches CodePipeline too */
  client = sluice_codepipeline_client_new_with_credentials (credentials, "eu-west-1",
                                                            sluice_test_emulator_get_url (emulator));
  sluice_codepipeline_client_list_pipelines_async (client, NULL, NULL, got_result_cb, &result);
  pipelines = sluice_codepipeline_client_list_pipelines_finish (client, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pipelines->len, >=, 2);
}

static gboolean
refresh (SluiceDeployment          *deployment,
         SluiceCodePipelineClient  *client,
         gboolean                  *changed,
         GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_deployment_refresh_async (deployment, client, NULL, got_result_cb, &result);
  return sluice_deployment_refresh_finish (deployment, wait_result (&result), changed, error);
}

static void
test_deployment_refresh (void)
{
  static const char * const stages[] = { "dev", "test", "prod", NULL };
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceDeployment) deployment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  SluiceDeploymentStep *test;
  gboolean changed = FALSE;
  guint before;

  if (!have_session_bus ())
    return;

  client = client_for ("customer-360", &name);
  deployment = sluice_deployment_new ("cdk-trunk", name, stages);
  g_assert_true (refresh (deployment, client, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_SUCCEEDED);
  test = sluice_deployment_find_deploy_step (deployment, "test");
  g_assert_cmpstr (test->name, ==, "dataall-Test");
  g_assert_cmpuint (strlen (test->deployed_revision_id), ==, 40);
  g_assert_cmpstr (test->deployed_revision_summary, ==, "Initial commit by data.all");
  g_assert_cmpuint (sluice_deployment_get_lane (deployment, 0)->executions->len, ==, 1);

  /* nothing new: one GetPipelineState, no history */
  before = sluice_codepipeline_client_get_n_requests (client);
  g_assert_true (refresh (deployment, client, &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (sluice_codepipeline_client_get_n_requests (client), ==, before + 1);
  g_assert_cmpuint (sluice_deployment_next_interval (deployment, 10000, FALSE), ==, 20000);

  /* Release Change: a run it has not seen, so the history is read too */
  id = start (client, name, &error);
  g_assert_no_error (error);
  before = sluice_codepipeline_client_get_n_requests (client);
  g_assert_true (refresh (deployment, client, &changed, &error));
  g_assert_true (changed);
  g_assert_cmpuint (sluice_codepipeline_client_get_n_requests (client), ==, before + 2);
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (sluice_deployment_get_lane (deployment, 0)->latest->execution_id, ==, id);
  g_assert_cmpuint (sluice_deployment_next_interval (deployment, 40000, TRUE), ==, SLUICE_DEPLOYMENT_MIN_INTERVAL_MS);
}

static void
test_deployment_gitflow_before_and_after_the_stack (void)
{
  static const char * const stages[] = { "dev", "test", "prod", NULL };
  static const char * const only_main[] = { "main", NULL };
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceDeployment) deployment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dev_name = NULL;
  SluiceDeploymentLane *dev;
  gboolean changed = FALSE;

  if (!have_session_bus ())
    return;

  /* ml-features' stack is still being created: no CodePipeline yet */
  client = client_for ("ml-features", &name);
  deployment = sluice_deployment_new ("gitflow", name, stages);
  g_assert_false (refresh (deployment, client, &changed, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND, "PipelineNotFoundException");
  g_clear_error (&error);
  for (guint i = 0; i < sluice_deployment_get_n_lanes (deployment); i++)
    g_assert_error (sluice_deployment_get_lane (deployment, i)->error, SLUICE_CODEPIPELINE_ERROR,
                    SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND);

  /* the stack completes (180 s), the runs start; 20 s later dev's source found no branch */
  advance_clock (200);
  g_assert_true (refresh (deployment, client, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  dev_name = g_strconcat (name, "-dev", NULL);
  dev = sluice_deployment_find_lane (deployment, dev_name);
  g_assert_nonnull (dev);
  g_assert_null (dev->error);
  g_assert_cmpint (dev->status, ==, SLUICE_DEPLOYMENT_STATUS_FAILED);
  g_assert_true (strstr (((SluiceDeploymentStep *) g_ptr_array_index (dev->steps, 0))->error_message,
                         "no branch named dev") != NULL);
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_FAILED);
  g_assert_cmpint (sluice_deployment_get_lane (deployment, 2)->status, ==, SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS);
  g_assert_true (sluice_deployment_set_remote_branches (deployment, only_main));
  g_assert_true (dev->branch_missing);
  g_assert_false (sluice_deployment_get_lane (deployment, 2)->branch_missing);
}

/* Runs last: it moves the emulated clock an hour on. */
static void
test_keys_renewed_once (void)
{
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceCodePipelineState) first = NULL;
  g_autoptr(SluiceCodePipelineState) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint before;

  if (!have_session_bus ())
    return;

  client = client_for ("customer-360", &name);
  first = get_state (client, name, &error);
  g_assert_no_error (error);
  before = sluice_codepipeline_client_get_n_requests (client);

  /* The keys expire on the emulator's clock while Sluice still thinks them good: CodePipeline
   * says ExpiredTokenException, the client renews them through data.all and tries again. */
  advance_clock (3700);
  second = get_state (client, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->pipeline_name, ==, name);
  g_assert_cmpuint (sluice_codepipeline_client_get_n_requests (client), ==, before + 2);

  /* The renewed keys expire too, and the renewal itself works: still one retry only. Then a
   * fault that expires every key at each request: one renewal, then the sentence. */
  add_fault ("{\"kind\": \"expire-tokens\", \"match\": \"GetPipelineState\", \"count\": 2}");
  before = sluice_codepipeline_client_get_n_requests (client);
  g_assert_null (get_state (client, name, &error));
  assert_cp_error (error, SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED, "ExpiredTokenException");
  g_assert_cmpstr (error->message, ==, "Sluice’s AWS keys for this pipeline have expired");
  g_assert_cmpuint (sluice_codepipeline_client_get_n_requests (client), ==, before + 2);
}

static void
test_endpoint_choice (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *china = NULL;
  g_autofree char *account_one = NULL;
  g_autofree char *global = NULL;
  g_autofree char *specific = NULL;

  g_unsetenv ("AWS_ENDPOINT_URL");
  g_unsetenv ("AWS_ENDPOINT_URL_CODEPIPELINE");
  plain = sluice_codepipeline_endpoint_for ("eu-west-1", NULL);
  china = sluice_codepipeline_endpoint_for ("cn-north-1", "");
  account_one = sluice_codepipeline_endpoint_for ("eu-west-1", "http://127.0.0.1:9000/");
  g_setenv ("AWS_ENDPOINT_URL", "http://127.0.0.1:1111", TRUE);
  global = sluice_codepipeline_endpoint_for ("eu-west-1", "http://127.0.0.1:9000");
  g_setenv ("AWS_ENDPOINT_URL_CODEPIPELINE", "http://127.0.0.1:2222//", TRUE);
  specific = sluice_codepipeline_endpoint_for ("eu-west-1", "http://127.0.0.1:9000");
  g_unsetenv ("AWS_ENDPOINT_URL");
  g_unsetenv ("AWS_ENDPOINT_URL_CODEPIPELINE");

  g_assert_cmpstr (plain, ==, "https://codepipeline.eu-west-1.amazonaws.com");
  g_assert_cmpstr (china, ==, "https://codepipeline.cn-north-1.amazonaws.com.cn");
  g_assert_cmpstr (account_one, ==, "http://127.0.0.1:9000");
  g_assert_cmpstr (global, ==, "http://127.0.0.1:1111");
  g_assert_cmpstr (specific, ==, "http://127.0.0.1:2222");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  /* other pipeline URIs than the other integration tests' (they share the keyring, and
   * may run at the same time) */
  const char *args[] = { "--aws-key", LONG_KEY_ID ":" LONG_KEY_SECRET, "--seed-number", "4711", NULL };
  g_autofree char *id = NULL;
  int ret;

  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/codepipeline-client/endpoint-choice", test_endpoint_choice);
  g_test_add_func ("/sluice/codepipeline-client/read-operations", test_read_operations);
  g_test_add_func ("/sluice/codepipeline-client/approval-start-stop-retry", test_approval_start_stop_retry);
  g_test_add_func ("/sluice/codepipeline-client/transitions", test_transitions);
  g_test_add_func ("/sluice/codepipeline-client/not-found-and-keys", test_not_found_and_keys);
  g_test_add_func ("/sluice/codepipeline-client/faults", test_faults);
  g_test_add_func ("/sluice/codepipeline-client/main-port", test_main_port_through_account_endpoint);
  g_test_add_func ("/sluice/codepipeline-client/deployment-refresh", test_deployment_refresh);
  g_test_add_func ("/sluice/codepipeline-client/deployment-gitflow", test_deployment_gitflow_before_and_after_the_stack);
  g_test_add_func ("/sluice/codepipeline-client/keys-renewed-once", test_keys_renewed_once);

  emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  /* keyring items keyed by this id only (the pipeline-credentials test counts its own) */
  id = g_strdup_printf ("codepipeline-%d-cp", (int) getpid ());
  account = sluice_test_emulator_new_account (emulator, id, "engineer@example.com");
  /* the account's AWS endpoint override: the emulator's main port answers CodePipeline too */
  sluice_account_set_aws_endpoint (account, sluice_test_emulator_get_url (emulator));
  ret = g_test_run ();
  g_clear_object (&account);
  g_clear_pointer (&emulator, sluice_test_emulator_stop);

  return ret;
}
