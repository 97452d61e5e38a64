/* test-fault-matrix.c
 *
 * The fault matrix: every data.all operation Sluice calls times every fault the emulator can
 * inject, generated from two tables (operations, faults). Each case must end in the documented
 * GError with a sentence, with the documented number of requests (queries retried, mutations
 * never), and no critical warning (G_DEBUG=fatal-warnings). CodePipeline, git and ddk.json
 * operations join by adding rows to `operations` (their own run/finish pair) and, if their
 * faults differ, columns to `faults`.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-dataall-client-private.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define ENGINEER    "engineer@example.com"
#define MAX_RETRIES 1      /* queries: one retry, so every case stays short */
#define TIMEOUT_MS  300    /* the client's per-attempt timeout in this test */
#define SLOW_MS     1000   /* what `slow` waits: past the timeout */
#define PERSISTENT  50     /* a fault that outlasts every retry */

/* ------------------------------------------------------------------------------------------ */
/* The world the cases share                                                                  */
/* ------------------------------------------------------------------------------------------ */

static struct
{
  SluiceTestEmulator  *emulator;
  SluiceAccount       *account;
  SluiceDataallClient *client;
  SoupSession         *browser;
  SluicePipeline      *pipeline;       /* customer-360: CREATE_COMPLETE, with stages */
  char                *cicd_uri;
  char                *dev_uri;
  guint                serial;
} world;

/* What one case prepares before the fault is injected (a pipeline to delete, say). */
typedef struct
{
  char *pipeline_uri;
  char *stage_uri;
} Scratch;

static void
scratch_clear (Scratch *scratch)
{
  g_clear_pointer (&scratch->pipeline_uri, g_free);
  g_clear_pointer (&scratch->stage_uri, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scratch, scratch_clear)

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
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*slot == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*slot);
  return *slot;
}

/* ------------------------------------------------------------------------------------------ */
/* The operations: one row per public data.all call                                           */
/* ------------------------------------------------------------------------------------------ */

typedef void     (*PrepareFunc) (Scratch *scratch);
typedef void     (*RunFunc)     (Scratch *scratch, GAsyncReadyCallback callback, gpointer data);
typedef gboolean (*FinishFunc)  (GAsyncResult *result, GError **error);

typedef struct
{
  const char  *name;        /* the test path's element */
  const char  *operation;   /* the GraphQL operationName the emulator matches */
  gboolean     mutation;
  PrepareFunc  prepare;
  RunFunc      run;
  FinishFunc   finish;
} Operation;

static void
prepare_pipeline (Scratch *scratch)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autofree char *label = g_strdup_printf ("fault-matrix-%u", ++world.serial);
  SluicePipelineSpec spec = {
    .label = label, .environment_uri = world.cicd_uri, .team = "DataEngineers",
    .dev_strategy = "trunk",
  };

  sluice_dataall_client_create_pipeline_async (world.client, &spec, NULL, got_result_cb, &result);
  pipeline = sluice_dataall_client_create_pipeline_finish (world.client, wait_result (&result),
                                                           &error);
  g_assert_no_error (error);
  scratch->pipeline_uri = g_strdup (sluice_pipeline_get_uri (pipeline));
}

static void
prepare_stage (Scratch *scratch)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStage) stage = NULL;
  SluiceStageSpec spec;

  prepare_pipeline (scratch);
  spec = (SluiceStageSpec) { scratch->pipeline_uri, "dev", 1, world.dev_uri, "DEV", "DataEngineers" };
  sluice_dataall_client_create_stage_async (world.client, &spec, NULL, got_result_cb, &result);
  stage = sluice_dataall_client_create_stage_finish (world.client, wait_result (&result), &error);
  g_assert_no_error (error);
  scratch->stage_uri = g_strdup (sluice_stage_get_uri (stage));
}

#define FINISH_OBJECT(fn)                                                                 \
  static gboolean finish_##fn (GAsyncResult *result, GError **error)                       \
  {                                                                                        \
    g_autoptr(GObject) object = (GObject *) sluice_dataall_client_##fn##_finish (world.client, \
                                                                   result, error);          \
    return object != NULL;                                                                 \
  }
#define FINISH_ARRAY(fn)                                                                  \
  static gboolean finish_##fn (GAsyncResult *result, GError **error)                       \
  {                                                                                        \
    g_autoptr(GPtrArray) array = sluice_dataall_client_##fn##_finish (world.client, result, error); \
    return array != NULL;                                                                  \
  }
#define FINISH_BOOLEAN(fn)                                                                \
  static gboolean finish_##fn (GAsyncResult *result, GError **error)                       \
  {                                                                                        \
    return sluice_dataall_client_##fn##_finish (world.client, result, error);             \
  }

FINISH_OBJECT (get_pipeline)
FINISH_OBJECT (create_pipeline)
FINISH_OBJECT (update_pipeline)
FINISH_BOOLEAN (delete_pipeline)
FINISH_OBJECT (create_stage)
FINISH_OBJECT (update_stage)
FINISH_BOOLEAN (delete_stage)
FINISH_OBJECT (list_environments)
FINISH_OBJECT (get_environment)
FINISH_OBJECT (list_teams)
FINISH_OBJECT (list_datasets)
FINISH_OBJECT (get_stack)
FINISH_OBJECT (update_stack)
FINISH_ARRAY (get_stack_logs)
FINISH_ARRAY (list_tags)
FINISH_ARRAY (update_tags)

static gboolean
finish_get_credentials (GAsyncResult *result, GError **error)
{
  g_autofree char *json = sluice_dataall_client_get_credentials_finish (world.client, result, error);

  return json != NULL;
}

static gboolean
finish_probe_pipelines (GAsyncResult *result, GError **error)
{
  gboolean enabled = FALSE;
  guint count = 0;

  if (!sluice_dataall_client_probe_pipelines_finish (world.client, result, &enabled, &count, error))
    return FALSE;
  g_assert_true (enabled);
  return TRUE;
}

static SluicePipelineList *current_list;

static void
run_list_pipelines (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(JsonObject) filter = json_object_new ();

  current_list = sluice_pipeline_list_new ();
  sluice_pipeline_list_load_async (current_list, world.client, filter, NULL, cb, data);
}

static gboolean
finish_list_pipelines (GAsyncResult *result, GError **error)
{
  g_autoptr(SluicePipelineList) list = g_steal_pointer (&current_list);

  return sluice_pipeline_list_load_finish (list, result, error);
}

static void
run_probe_pipelines (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_probe_pipelines_async (world.client, NULL, cb, data);
}

static void
run_get_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_pipeline_async (world.client, sluice_pipeline_get_uri (world.pipeline),
                                            NULL, cb, data);
}

static void
run_get_credentials (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_credentials_async (world.client, sluice_pipeline_get_uri (world.pipeline),
                                               NULL, cb, data);
}

static void
run_create_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autofree char *label = g_strdup_printf ("fault-matrix-%u", ++world.serial);
  const char *tags[] = { "faults", NULL };
  SluicePipelineSpec spec = {
    .label = label, .environment_uri = world.cicd_uri, .team = "DataEngineers",
    .dev_strategy = "trunk", .description = "Made by the fault matrix", .tags = tags,
  };

  sluice_dataall_client_create_pipeline_async (world.client, &spec, NULL, cb, data);
}

static void
run_update_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  const char *tags[] = { "renamed", NULL };

  sluice_dataall_client_update_pipeline_async (world.client, s->pipeline_uri, "fault-renamed",
                                               "Renamed by the fault matrix", tags, NULL, cb, data);
}

static void
run_delete_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_delete_pipeline_async (world.client, s->pipeline_uri, TRUE, NULL, cb, data);
}

static void
run_create_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  SluiceStageSpec spec = { s->pipeline_uri, "dev", 1, world.dev_uri, "DEV", "DataEngineers" };

  sluice_dataall_client_create_stage_async (world.client, &spec, NULL, cb, data);
}

static void
run_update_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  SluiceStageSpec spec = { s->pipeline_uri, "dev", 2, world.dev_uri, "DEV", "DataEngineers" };

  sluice_dataall_client_update_stage_async (world.client, &spec, NULL, cb, data);
}

static void
run_delete_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_delete_stage_async (world.client, s->stage_uri, NULL, cb, data);
}

static void
run_list_environments (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_environments_async (world.client, NULL, cb, data);
}

static void
run_get_environment (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_environment_async (world.client, world.dev_uri, NULL, cb, data);
}

static void
run_list_teams (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_teams_async (world.client, world.dev_uri, NULL, cb, data);
}

static void
run_list_datasets (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_datasets_async (world.client, world.dev_uri, "DataEngineers", NULL,
                                             cb, data);
}

static void
run_get_stack (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_stack_async (world.client, world.pipeline, NULL, cb, data);
}

static void
run_update_stack (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_update_stack_async (world.client, world.pipeline, NULL, cb, data);
}

static void
run_get_stack_logs (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_stack_logs_async (world.client, world.pipeline, NULL, cb, data);
}

static void
run_list_tags (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_tags_async (world.client, sluice_pipeline_get_uri (world.pipeline),
                                         NULL, cb, data);
}

static void
run_update_tags (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_key_value_tag_free);

  g_ptr_array_add (tags, sluice_key_value_tag_new ("cost-centre", "faults", FALSE));
  sluice_dataall_client_update_tags_async (world.client, s->pipeline_uri, tags, NULL, cb, data);
}

#define OP(name, op, mutation, prepare) { #name, op, mutation, prepare, run_##name, finish_##name }

static const Operation operations[] = {
  OP (probe_pipelines,   "ListDataPipelinesCount",          FALSE, NULL),
  OP (list_pipelines,    "ListDataPipelines",               FALSE, NULL),
  OP (get_pipeline,      "GetDataPipeline",                 FALSE, NULL),
  OP (get_credentials,   "GetDataPipelineCredsLinux",       FALSE, NULL),
  OP (list_environments, "ListValidEnvironments",           FALSE, NULL),
  OP (get_environment,   "getEnvironment",                  FALSE, NULL),
  OP (list_teams,        "listEnvironmentGroups",           FALSE, NULL),
  OP (list_datasets,     "listS3DatasetsOwnedByEnvGroup",   FALSE, NULL),
  OP (get_stack,         "getStack",                        FALSE, NULL),
  OP (get_stack_logs,    "getStackLogs",                    FALSE, NULL),
  OP (list_tags,         "listKeyValueTags",                FALSE, NULL),
  OP (create_pipeline,   "CreateDataPipeline",              TRUE,  NULL),
  OP (update_pipeline,   "UpdateDataPipeline",              TRUE,  prepare_pipeline),
  OP (delete_pipeline,   "deleteDataPipeline",              TRUE,  prepare_pipeline),
  OP (create_stage,      "createDataPipelineEnvironment",   TRUE,  prepare_pipeline),
  OP (update_stage,      "updateDataPipelineEnvironment",   TRUE,  prepare_stage),
  OP (delete_stage,      "deleteDataPipelineEnvironment",   TRUE,  prepare_stage),
  OP (update_stack,      "updateStack",                     TRUE,  NULL),
  OP (update_tags,       "updateKeyValueTags",              TRUE,  prepare_pipeline),
};

/* ------------------------------------------------------------------------------------------ */
/* The faults: one column per kind, with what the client documents for it                     */
/* ------------------------------------------------------------------------------------------ */

#define SUCCEEDS (-1)

typedef struct
{
  const char *kind;         /* the emulator's fault kind */
  guint       count;        /* how many matching requests it hits */
  int         code;         /* the SluiceDataallError, or SUCCEEDS */
  guint       query_requests;
  guint       mutation_requests;
  const char *why;
} Fault;

static const Fault faults[] = {
  { "slow",          PERSISTENT, SLUICE_DATAALL_ERROR_TIMEOUT,         1, 1,
    "a timeout is not retried: the server may still be working on it" },
  { "http500",       PERSISTENT, SLUICE_DATAALL_ERROR_SERVER,          1 + MAX_RETRIES, 1,
    "5xx: queries retried with backoff, mutations never" },
  { "malformed",     PERSISTENT, SLUICE_DATAALL_ERROR_SERVER,          1, 1,
    "a 200 that is not JSON is an answer: not retried" },
  { "drop",          PERSISTENT, SLUICE_DATAALL_ERROR_NETWORK,         1 + MAX_RETRIES, 1,
    "a dropped connection: queries retried, mutations never" },
  { "reauth",        PERSISTENT, SLUICE_DATAALL_ERROR_REAUTH_REQUIRED, 1, 1,
    "401 REAUTH: the user must sign in again; not retried" },
  { "expire-tokens", 1,          SUCCEEDS,                             2, 2,
    "the gateway refuses the expired token; renewed once and the call completes" },
  { "forbidden",     PERSISTENT, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN,   2, 2,
    "403 from the gateway: one renewal and one resend (never reached data.all), then not signed in" },
  { "throttle",      PERSISTENT, SLUICE_DATAALL_ERROR_SERVER,          1 + MAX_RETRIES, 1,
    "429 from the gateway: queries retried, mutations never" },
};

/* ------------------------------------------------------------------------------------------ */
/* One case                                                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  const Operation *operation;
  const Fault     *fault;
} Case;

static JsonNode *
emulator_get (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = sluice_test_emulator_request (world.emulator, "GET", path, NULL,
                                                          NULL, &error);

  g_assert_no_error (error);
  return json_from_string (answer, &error);
}

static gint64
request_count (const char *operation)
{
  g_autoptr(JsonNode) state = emulator_get ("/_emulator/state");
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  return json_object_get_int_member_with_default (requests, operation, 0);
}

static void
clear_faults (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = sluice_test_emulator_request (world.emulator, "DELETE",
                                                          "/_emulator/faults", NULL, NULL, &error);

  g_assert_no_error (error);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_auto(Scratch) scratch = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fault_error = NULL;
  g_autofree char *spec = NULL;
  gint64 before, after;
  guint expected;
  gboolean ok;

  clear_faults ();
  if (c->operation->prepare != NULL)
    c->operation->prepare (&scratch);

  before = request_count (c->operation->operation);
  spec = g_strdup_printf ("{\"kind\": \"%s\", \"match\": \"%s\", \"count\": %u, \"delay_ms\": %u}",
                          c->fault->kind, c->operation->operation, c->fault->count,
                          g_str_equal (c->fault->kind, "slow") ? SLOW_MS : 0);
  sluice_test_emulator_add_fault (world.emulator, spec, &fault_error);
  g_assert_no_error (fault_error);

  c->operation->run (&scratch, got_result_cb, &result);
  ok = c->operation->finish (wait_result (&result), &error);

  clear_faults ();
  after = request_count (c->operation->operation);
  expected = c->operation->mutation ? c->fault->mutation_requests : c->fault->query_requests;
  g_test_message ("%s × %s: %s; %" G_GINT64_FORMAT " request(s); %s", c->operation->name,
                  c->fault->kind, error ? error->message : "completed", after - before,
                  c->fault->why);

  if (c->fault->code == SUCCEEDS)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, SLUICE_DATAALL_ERROR, c->fault->code);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 10);
      /* A sentence for people, ending as one; never the server's raw JSON. */
      g_assert_true (g_str_has_suffix (error->message, "."));
      g_assert_null (strchr (error->message, '{'));
    }
  g_assert_cmpint (after - before, ==, expected);
  /* The gateway's refusals never end the sign-in: its refresh token still works. */
  g_assert_cmpint (sluice_account_get_state (world.account), ==, SLUICE_ACCOUNT_SIGNED_IN);
}

/* ------------------------------------------------------------------------------------------ */
/* Set-up: a full sign-in (so that the account holds a refresh token)                          */
/* ------------------------------------------------------------------------------------------ */

static void
browser_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
}

/* The stand-in browser: the emulator (--auto-approve) redirects it to Sluice's loopback. */
static gboolean
stand_in_browser (const char  *uri,
                  gpointer     user_data,
                  GError     **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  soup_session_send_and_read_async (world.browser, msg, G_PRIORITY_DEFAULT, NULL,
                                    browser_loaded_cb, NULL);
  return TRUE;
}

static void
set_up_world (void)
{
  const char *args[] = { "--auto-approve", ENGINEER, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) envs_result = NULL;
  g_autoptr(GAsyncResult) pipe_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) environments = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(GAsyncResult) list_result = NULL;

  world.emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  world.browser = soup_session_new_with_options ("user-agent", "stand-in-browser", NULL);

  world.account = sluice_account_new (NULL);
  sluice_account_set_name (world.account, "Fault matrix");
  sluice_account_set_api_url (world.account, sluice_test_emulator_get_url (world.emulator));
  sluice_account_set_provider (world.account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (world.account, sluice_test_emulator_get_oauth (world.emulator));
  sluice_account_set_client_id (world.account, sluice_test_emulator_get_client_id (world.emulator));
  sluice_account_set_redirect_port (world.account, 0);
  sluice_account_sign_in_async (world.account, stand_in_browser, NULL, NULL, got_result_cb, &result);
  g_assert_true (sluice_account_sign_in_finish (world.account, wait_result (&result), &error));
  g_assert_no_error (error);

  world.client = g_object_ref (sluice_account_get_client (world.account));
  sluice_dataall_client_set_max_retries (world.client, MAX_RETRIES);
  sluice_dataall_client_set_test_timing (world.client, TIMEOUT_MS, 20);

  sluice_dataall_client_list_environments_async (world.client, NULL, got_result_cb, &envs_result);
  environments = sluice_dataall_client_list_environments_finish (world.client,
                                                                 wait_result (&envs_result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) env = g_list_model_get_item (environments, i);

      if (g_str_equal (sluice_environment_get_label (env), "CICD"))
        world.cicd_uri = g_strdup (sluice_environment_get_uri (env));
      else if (g_str_equal (sluice_environment_get_label (env), "DEV"))
        world.dev_uri = g_strdup (sluice_environment_get_uri (env));
    }
  g_assert_nonnull (world.cicd_uri);
  g_assert_nonnull (world.dev_uri);

  sluice_pipeline_list_load_async (list, world.client, filter, NULL, got_result_cb, &list_result);
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&list_result), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (sluice_pipeline_get_label (p), "customer-360"))
        {
          sluice_dataall_client_get_pipeline_async (world.client, sluice_pipeline_get_uri (p),
                                                    NULL, got_result_cb, &pipe_result);
          world.pipeline = sluice_dataall_client_get_pipeline_finish (world.client,
                                                                      wait_result (&pipe_result),
                                                                      &error);
          g_assert_no_error (error);
        }
    }
  g_assert_nonnull (world.pipeline);
}

static void
tear_down_world (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_account_sign_out_async (world.account, NULL, got_result_cb, &result);
  sluice_account_sign_out_finish (world.account, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&world.pipeline);
  g_clear_object (&world.client);
  g_clear_object (&world.account);
  g_clear_object (&world.browser);
  g_clear_pointer (&world.cicd_uri, g_free);
  g_clear_pointer (&world.dev_uri, g_free);
  g_clear_pointer (&world.emulator, sluice_test_emulator_stop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  sluice_test_init_core (&argc, &argv);

  for (guint o = 0; o < G_N_ELEMENTS (operations); o++)
    for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
      {
        Case *c = g_new0 (Case, 1);
        g_autofree char *path = g_strdup_printf ("/sluice/fault-matrix/%s/%s",
                                                 operations[o].name, faults[f].kind);

        c->operation = &operations[o];
        c->fault = &faults[f];
        g_ptr_array_add (cases, c);
        g_test_add_data_func (path, c, test_case);
      }
  g_test_message ("fault matrix: %u operations × %u fault kinds = %u cases",
                  (guint) G_N_ELEMENTS (operations), (guint) G_N_ELEMENTS (faults),
                  (guint) (G_N_ELEMENTS (operations) * G_N_ELEMENTS (faults)));

  set_up_world ();
  status = g_test_run ();
  tear_down_world ();
  return status;
}
