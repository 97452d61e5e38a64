/* test-pipeline-create.c
 *
 * The create flow (SluicePipelineCreator) against the emulator: everything recorded on a
 * server with the legacy fields, the refusal and "create without them" on one without, a
 * failing stage resumed by a retry, a run killed between its steps resumed by another
 * process from the draft it kept, one killed while createDataPipeline was under way adopting
 * the pipeline data.all made, a retry after an unanswered createDataPipeline doing the same,
 * and errors as sentences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "sluice-dataall-api.h"
#include "sluice-dataall-client-private.h"
#include "sluice-pipeline-creator.h"
#include "sluice-pipeline-draft.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define ENGINEER "engineer@example.com"

typedef struct
{
  SluiceTestEmulator  *emulator;
  SluiceDataallClient *client;
  char                *token;
  GHashTable          *environments; /* label → uri */
} Fixture;

static void
fixture_set_up (Fixture    *fixture,
                const char *flag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) environments = NULL;
  const char *args[] = { flag, NULL };

  fixture->emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  g_assert_true (sluice_test_emulator_sign_in (fixture->emulator, ENGINEER, &fixture->token, &error));
  g_assert_no_error (error);
  fixture->client = sluice_dataall_client_new (sluice_test_emulator_get_url (fixture->emulator));
  sluice_dataall_client_set_token (fixture->client, fixture->token);

  sluice_dataall_client_list_environments_async (fixture->client, NULL, sluice_test_got_result_cb, &result);
  environments = sluice_dataall_client_list_environments_finish (fixture->client,
                                                                 sluice_test_wait_result (&result), &error);
  g_assert_no_error (error);
  fixture->environments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (environments, i);

      g_hash_table_insert (fixture->environments,
                           g_strdup (sluice_environment_get_label (environment)),
                           g_strdup (sluice_environment_get_uri (environment)));
    }
  g_assert_true (g_hash_table_contains (fixture->environments, "PROD"));
}

static void
set_up_legacy (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_set_up (fixture, "--legacy-fields");
}

static void
set_up_default (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up (fixture, NULL);
}

/* data.all 1.3 to 1.5.1: a template, no datasets any more. */
static void
set_up_template (Fixture       *fixture,
                 gconstpointer  data)
{
  fixture_set_up (fixture, "--legacy-fields=template");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->environments, g_hash_table_unref);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->emulator, sluice_test_emulator_stop);
}

static const char *
env (Fixture    *fixture,
     const char *label)
{
  const char *uri = g_hash_table_lookup (fixture->environments, label);

  g_assert_nonnull (uri);
  return uri;
}

static char *
dataset (Fixture    *fixture,
         const char *environment,
         const char *team)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) datasets = NULL;
  g_autoptr(SluiceDataset) first = NULL;
  g_autoptr(GError) error = NULL;

  sluice_dataall_client_list_datasets_async (fixture->client, env (fixture, environment), team,
                                             NULL, sluice_test_got_result_cb, &result);
  datasets = sluice_dataall_client_list_datasets_finish (fixture->client, sluice_test_wait_result (&result),
                                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (datasets), >, 0);
  first = g_list_model_get_item (datasets, 0);
  return g_strdup (sluice_dataset_get_uri (first));
}

/* A GitFlow draft with dev, test and prod, in CICD, DEV, TEST and PROD for DataEngineers. */
static SluicePipelineDraft *
gitflow_draft (Fixture *fixture)
{
  SluicePipelineDraft *draft = sluice_pipeline_draft_new ();

  sluice_pipeline_draft_set_name (draft, "Orders ETL");
  sluice_pipeline_draft_set_description (draft, "Loads the orders “daily”.");
  sluice_pipeline_draft_add_tag (draft, "orders");
  sluice_pipeline_draft_add_tag (draft, "eu");
  sluice_pipeline_draft_set_environment (draft, env (fixture, "CICD"), "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_set_strategy (draft, SLUICE_DEV_STRATEGY_GITFLOW);
  sluice_pipeline_draft_add_stage (draft, "dev", env (fixture, "DEV"), "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "test", env (fixture, "TEST"), "TEST", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", env (fixture, "PROD"), "PROD", "DataEngineers");
  return draft;
}

static gboolean
run (SluicePipelineCreator  *creator,
     GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_pipeline_creator_run_async (creator, NULL, sluice_test_got_result_cb, &result);
  return sluice_pipeline_creator_run_finish (creator, sluice_test_wait_result (&result), error);
}

/* What the server recorded, through a GraphQL query of our own (with the legacy fields when
 * the emulator has them). */
static JsonObject *
fetch_pipeline (Fixture    *fixture,
                const char *uri,
                gboolean    legacy)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", fixture->token);
  g_autofree char *text = NULL;
  g_autofree char *query = g_strdup_printf (
    "query Get($uri: String!) { getDataPipeline(DataPipelineUri: $uri) { label description "
    "tags SamlGroupName devStrategy template %s environment { environmentUri } "
    "developmentEnvironments { count nodes { stage order environmentUri samlGroupName } } } }",
    legacy ? "inputDatasetUri outputDatasetUri" : "");
  JsonObject *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "operationName");
  json_builder_add_string_value (builder, "Get");
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);
  json_builder_set_member_name (builder, "variables");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, uri);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  body = g_bytes_new (text, strlen (text));

  message = soup_message_new ("POST", sluice_test_emulator_get_graphql (fixture->emulator));
  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization",
                               authorization);
  soup_message_headers_append (soup_message_get_request_headers (message), "User-Agent",
                               "test-pipeline-create");
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                              &error);
  g_assert_no_error (error);
  data = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                        "data");
  return json_object_ref (json_object_get_object_member (data, "getDataPipeline"));
}

static void
assert_stages (Fixture    *fixture,
               JsonObject *pipeline)
{
  JsonObject *environments = json_object_get_object_member (pipeline, "developmentEnvironments");
  JsonArray *nodes = json_object_get_array_member (environments, "nodes");
  const char *expected[][2] = { { "dev", "DEV" }, { "test", "TEST" }, { "prod", "PROD" } };

  g_assert_cmpint (json_object_get_int_member (environments, "count"), ==, 3);
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      gint64 order = json_object_get_int_member (node, "order");

      g_assert_cmpint (order, >=, 1);
      g_assert_cmpint (order, <=, 3);
      g_assert_cmpstr (json_object_get_string_member (node, "stage"), ==, expected[order - 1][0]);
      g_assert_cmpstr (json_object_get_string_member (node, "environmentUri"), ==,
                       env (fixture, expected[order - 1][1]));
      g_assert_cmpstr (json_object_get_string_member (node, "samlGroupName"), ==, "DataEngineers");
    }
}

static void
assert_details (Fixture    *fixture,
                JsonObject *pipeline)
{
  JsonArray *tags = json_object_get_array_member (pipeline, "tags");

  g_assert_cmpstr (json_object_get_string_member (pipeline, "label"), ==, "Orders ETL");
  g_assert_cmpstr (json_object_get_string_member (pipeline, "description"), ==,
                   "Loads the orders “daily”.");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "orders");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "eu");
  g_assert_cmpstr (json_object_get_string_member (pipeline, "SamlGroupName"), ==, "DataEngineers");
  g_assert_cmpstr (json_object_get_string_member (pipeline, "devStrategy"), ==, "gitflow");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pipeline,
                                                                                 "environment"),
                                                  "environmentUri"), ==, env (fixture, "CICD"));
}

/* ------------------------------------------------------------------------------------------ */

static void
step_changed_cb (SluicePipelineCreator *creator,
                 guint                  step,
                 GString               *log)
{
  g_string_append_printf (log, "%u:%d ", step, sluice_pipeline_creator_get_step_state (creator, step));
}

static void
test_legacy_gitflow (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(JsonObject) recorded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *input = dataset (fixture, "CICD", "DataEngineers");
  g_autofree char *output = dataset (fixture, "DEV", "DataEngineers");
  g_autofree char *repository = NULL;
  g_autofree char *title = NULL;
  SluicePipeline *pipeline;

  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/ddk-blueprint");
  sluice_pipeline_draft_set_input_dataset (draft, input);
  sluice_pipeline_draft_set_output_dataset (draft, output);
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_signal_connect (creator, "step-changed", G_CALLBACK (step_changed_cb), log);
  g_assert_cmpuint (sluice_pipeline_creator_get_n_steps (creator), ==, 4);
  title = sluice_pipeline_creator_dup_step_title (creator, 3);
  g_assert_cmpstr (title, ==, "Add stage 3, “prod”, in PROD");

  /* Editing the draft while creating changes nothing that is sent. */
  sluice_pipeline_draft_set_name (draft, "Changed meanwhile");
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (creator));
  /* Each step ran, and finished, before the next began. */
  g_assert_cmpstr (log->str, ==, "0:1 0:2 1:1 1:2 2:1 2:2 3:1 3:2 ");

  pipeline = sluice_pipeline_creator_get_pipeline (creator);
  g_assert_nonnull (pipeline);
  repository = sluice_pipeline_draft_dup_repository_preview (sluice_pipeline_creator_get_draft (creator),
                                                             sluice_pipeline_get_uri (pipeline));
  g_assert_cmpstr (repository, ==, sluice_pipeline_get_repo (pipeline));

  recorded = fetch_pipeline (fixture, sluice_pipeline_get_uri (pipeline), TRUE);
  assert_details (fixture, recorded);
  g_assert_cmpstr (json_object_get_string_member (recorded, "template"), ==,
                   "https://github.com/acme/ddk-blueprint");
  g_assert_cmpstr (json_object_get_string_member (recorded, "inputDatasetUri"), ==, input);
  g_assert_cmpstr (json_object_get_string_member (recorded, "outputDatasetUri"), ==, output);
  assert_stages (fixture, recorded);
}

static void
test_refused_then_without (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(JsonObject) recorded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char * const *refused;

  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/ddk-blueprint");
  sluice_pipeline_draft_set_input_dataset (draft, "whatever");
  creator = sluice_pipeline_creator_new (fixture->client, draft);

  g_assert_false (run (creator, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 0), ==, SLUICE_CREATE_STEP_FAILED);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 1), ==, SLUICE_CREATE_STEP_PENDING);
  g_assert_null (sluice_pipeline_creator_get_pipeline (creator));
  refused = sluice_pipeline_creator_get_refused_fields (creator);
  g_assert_nonnull (refused);
  g_assert_true (g_strv_contains (refused, "template"));
  g_assert_true (g_strv_contains (refused, "inputDatasetUri"));
  g_assert_false (g_strv_contains (refused, "outputDatasetUri"));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_nonnull (strstr (message, "datasets and the template"));
  g_assert_nonnull (strstr (message, "without them"));
  g_clear_error (&error);

  sluice_pipeline_creator_drop_refused_fields (creator);
  g_assert_null (sluice_pipeline_creator_get_refused_fields (creator));
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (creator));

  recorded = fetch_pipeline (fixture, sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)),
                             FALSE);
  assert_details (fixture, recorded);
  g_assert_cmpstr (json_object_get_string_member (recorded, "template"), ==, "");
  assert_stages (fixture, recorded);
}

static void
test_template_only_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char * const *refused;

  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/ddk-blueprint");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (run (creator, &error));
  refused = sluice_pipeline_creator_get_refused_fields (creator);
  g_assert_nonnull (refused);
  g_assert_cmpuint (g_strv_length ((char **) refused), ==, 1);
  g_assert_cmpstr (refused[0], ==, "template");
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_nonnull (strstr (message, "refused the template"));
}

/* All three sent to a data.all without any: it refuses each, and the message names them all. */
static void
test_all_legacy_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char * const *refused;

  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/ddk-blueprint");
  sluice_pipeline_draft_set_input_dataset (draft, "whatever");
  sluice_pipeline_draft_set_output_dataset (draft, "whatever-else");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (run (creator, &error));
  refused = sluice_pipeline_creator_get_refused_fields (creator);
  g_assert_nonnull (refused);
  g_assert_cmpuint (g_strv_length ((char **) refused), ==, 3);
  g_assert_true (g_strv_contains (refused, "template"));
  g_assert_true (g_strv_contains (refused, "inputDatasetUri"));
  g_assert_true (g_strv_contains (refused, "outputDatasetUri"));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_nonnull (strstr (message, "datasets and the template"));
}

/* On a data.all that takes a template but no datasets, the refusal names the datasets only,
 * as the server's phrase for them says (its message also quotes the template, being part of
 * the input); "create without them" keeps the template, which is recorded. */
static void
test_template_kept_datasets_refused (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(JsonObject) recorded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char * const *refused;

  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/ddk-blueprint");
  sluice_pipeline_draft_set_input_dataset (draft, "whatever");
  sluice_pipeline_draft_set_output_dataset (draft, "whatever-else");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (run (creator, &error));
  g_clear_error (&error);
  refused = sluice_pipeline_creator_get_refused_fields (creator);
  g_assert_nonnull (refused);
  g_assert_cmpuint (g_strv_length ((char **) refused), ==, 2);
  g_assert_true (g_strv_contains (refused, "inputDatasetUri"));
  g_assert_true (g_strv_contains (refused, "outputDatasetUri"));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_nonnull (strstr (message, "refused the input and output datasets:"));

  sluice_pipeline_creator_drop_refused_fields (creator);
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  recorded = fetch_pipeline (fixture, sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)),
                             FALSE);
  g_assert_cmpstr (json_object_get_string_member (recorded, "template"), ==,
                   "https://github.com/acme/ddk-blueprint");
  assert_stages (fixture, recorded);
}

/* The template alone goes through at once. */
static void
test_template_only_accepted (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(JsonObject) recorded = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/ddk-blueprint");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  recorded = fetch_pipeline (fixture, sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)),
                             FALSE);
  g_assert_cmpstr (json_object_get_string_member (recorded, "template"), ==,
                   "https://github.com/acme/ddk-blueprint");
}

static void
test_stage_fault_retry (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_autoptr(JsonObject) recorded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"http500\", \"match\": \"createDataPipelineEnvironment\", "
                                  "\"skip\": 1}", &error);
  g_assert_no_error (error);

  g_assert_false (run (creator, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 0), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 1), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 2), ==, SLUICE_CREATE_STEP_FAILED);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 3), ==, SLUICE_CREATE_STEP_PENDING);
  g_assert_nonnull (sluice_pipeline_creator_get_step_error (creator, 2));
  g_assert_false (sluice_pipeline_creator_is_done (creator));
  /* The pipeline is kept. */
  g_assert_nonnull (sluice_pipeline_creator_get_pipeline (creator));
  uri = g_strdup (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)));

  /* Retry the remaining stages: the same pipeline, no stage twice. */
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (creator));
  g_assert_null (sluice_pipeline_creator_get_step_error (creator, 2));
  g_assert_cmpstr (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)), ==, uri);
  recorded = fetch_pipeline (fixture, uri, FALSE);
  assert_stages (fixture, recorded);
}

static guint
stage_count (Fixture    *fixture,
             const char *uri)
{
  g_autoptr(JsonObject) recorded = fetch_pipeline (fixture, uri, FALSE);

  return (guint) json_object_get_int_member (json_object_get_object_member (recorded,
                                                                            "developmentEnvironments"),
                                             "count");
}

/* Whether the emulator has no fault left to inject: the request it held has arrived. */
static gboolean
faults_taken (Fixture *fixture)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *state = sluice_test_emulator_request (fixture->emulator, "GET", "/_emulator/state",
                                                         NULL, NULL, &error);

  g_assert_no_error (error);
  json_parser_load_from_data (parser, state, -1, &error);
  g_assert_no_error (error);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                              "faults")) == 0;
}

/* Sluice killed while the second stage's mutation is under way (held by a slow fault, which
 * data.all still carries out once the delay is over): what the settings held at that moment
 * gives a creator that knows the pipeline and its first stage, says why it stopped, asks
 * data.all which stages exist and adds only the third. */
static void
test_killed_between_steps (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) first = sluice_pipeline_creator_new (fixture->client, draft);
  g_autoptr(SluicePipelineCreator) second = NULL;
  g_autoptr(SluicePipelineDraft) kept = NULL;
  g_autoptr(SluicePipelineDraft) left = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVariant) at_kill = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  gint64 deadline;

  sluice_pipeline_draft_discard (settings, "account");
  sluice_pipeline_creator_keep_progress (first, settings, "account");
  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"slow\", \"delay_ms\": 1500, "
                                  "\"match\": \"createDataPipelineEnvironment\", \"skip\": 1}",
                                  &error);
  g_assert_no_error (error);

  /* Before each step the draft is kept with how far it got (the first once the pipelines
   * with its label are known). */
  sluice_pipeline_creator_run_async (first, cancellable, sluice_test_got_result_cb, &result);
  while (TRUE)
    {
      g_autoptr(SluicePipelineDraft) now = sluice_pipeline_draft_load (settings, "account");

      g_assert_null (result);
      if (now != NULL && sluice_pipeline_draft_get_n_created_stages (now) == 1 &&
          sluice_pipeline_draft_get_in_flight (now) && faults_taken (fixture))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  at_kill = g_settings_get_value (settings, "pipeline-drafts");

  /* The kill: this process's creator is gone, the settings keep what they held. */
  g_cancellable_cancel (cancellable);
  g_assert_false (sluice_pipeline_creator_run_finish (first, sluice_test_wait_result (&result), &error));
  g_clear_error (&error);
  uri = g_strdup (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (first)));
  g_clear_object (&first);
  g_settings_set_value (settings, "pipeline-drafts", at_kill);
  /* data.all adds the second stage once the fault's delay is over. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (stage_count (fixture, uri) < 2 && g_get_monotonic_time () < deadline)
    g_usleep (100 * 1000);
  g_assert_cmpuint (stage_count (fixture, uri), ==, 2);

  /* The next start. */
  kept = sluice_pipeline_draft_load (settings, "account");
  g_assert_nonnull (kept);
  g_assert_cmpstr (sluice_pipeline_draft_get_created_uri (kept), ==, uri);
  g_assert_cmpstr (sluice_pipeline_draft_get_name (kept), ==, "Orders ETL");
  g_assert_cmpuint (sluice_pipeline_draft_get_n_stages (kept), ==, 3);
  second = sluice_pipeline_creator_new (fixture->client, kept);
  g_assert_true (sluice_pipeline_creator_is_resumed (second));
  g_assert_cmpstr (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (second)), ==, uri);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (second, 0), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (second, 1), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (second, 2), ==, SLUICE_CREATE_STEP_FAILED);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (second, 3), ==, SLUICE_CREATE_STEP_PENDING);
  message = sluice_pipeline_creator_dup_step_message (second, 2);
  g_assert_nonnull (strstr (message, "Sluice was closed while adding this stage"));
  g_assert_false (sluice_pipeline_creator_is_done (second));

  sluice_pipeline_creator_keep_progress (second, settings, "account");
  g_clear_object (&result);
  g_assert_true (run (second, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (second));
  /* No stage twice, and the draft has served. */
  {
    g_autoptr(JsonObject) recorded = fetch_pipeline (fixture, uri, FALSE);

    assert_stages (fixture, recorded);
    assert_details (fixture, recorded);
  }
  left = sluice_pipeline_draft_load (settings, "account");
  g_assert_null (left);
}

/* The URIs of the pipelines data.all lists with @label. */
static GPtrArray *
labelled (Fixture    *fixture,
          const char *label)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uris = g_ptr_array_new_with_free_func (g_free);

  json_object_set_string_member (filter, "term", label);
  sluice_pipeline_list_load_async (list, fixture->client, filter, NULL, sluice_test_got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_load_finish (list, sluice_test_wait_result (&result), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        g_ptr_array_add (uris, g_strdup (sluice_pipeline_get_uri (pipeline)));
    }
  return uris;
}

static gboolean
find_created (SluicePipelineCreator  *creator,
              GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_pipeline_creator_find_created_async (creator, NULL, sluice_test_got_result_cb, &result);
  return sluice_pipeline_creator_find_created_finish (creator, sluice_test_wait_result (&result), error);
}

/* The pipelines with @label once data.all lists at least @n (a held request finishing), or
 * after ten seconds. */
static GPtrArray *
wait_labelled (Fixture    *fixture,
               const char *label,
               guint       n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GPtrArray *uris = labelled (fixture, label);

  while (uris->len < n && g_get_monotonic_time () < deadline)
    {
      g_usleep (100 * 1000);
      g_ptr_array_unref (uris);
      uris = labelled (fixture, label);
    }
  return uris;
}

/* Sluice killed while createDataPipeline is under way (held by a slow fault; data.all still
 * creates the pipeline once the delay is over), with a pipeline of the same label, team and
 * environment there already: the next start finds the one it created, not the older one,
 * and adds its stages; no third pipeline. */
static void
test_killed_while_creating (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) older = sluice_pipeline_creator_new (fixture->client, draft);
  g_autoptr(SluicePipelineCreator) first = NULL;
  g_autoptr(SluicePipelineCreator) second = NULL;
  g_autoptr(SluicePipelineDraft) kept = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVariant) at_kill = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *older_uri = NULL;
  const char *adopted;

  /* The older pipeline, created and finished. */
  g_assert_true (run (older, &error));
  g_assert_no_error (error);
  older_uri = g_strdup (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (older)));

  sluice_pipeline_draft_discard (settings, "account");
  first = sluice_pipeline_creator_new (fixture->client, draft);
  sluice_pipeline_creator_keep_progress (first, settings, "account");
  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"slow\", \"delay_ms\": 1500, "
                                  "\"match\": \"CreateDataPipeline\"}", &error);
  g_assert_no_error (error);

  sluice_pipeline_creator_run_async (first, cancellable, sluice_test_got_result_cb, &result);
  while (TRUE)
    {
      g_autoptr(SluicePipelineDraft) now = sluice_pipeline_draft_load (settings, "account");

      g_assert_null (result);
      if (now != NULL && sluice_pipeline_draft_get_in_flight (now) && faults_taken (fixture))
        {
          const char * const *before = sluice_pipeline_draft_get_labelled_before (now);

          /* What was there before it was sent: the older one. */
          g_assert_nonnull (before);
          g_assert_cmpuint (g_strv_length ((char **) before), ==, 1);
          g_assert_cmpstr (before[0], ==, older_uri);
          g_assert_null (sluice_pipeline_draft_get_created_uri (now));
          break;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  at_kill = g_settings_get_value (settings, "pipeline-drafts");

  /* The kill; data.all creates the pipeline once the delay is over. */
  g_cancellable_cancel (cancellable);
  g_assert_false (sluice_pipeline_creator_run_finish (first, sluice_test_wait_result (&result), &error));
  g_clear_error (&error);
  g_assert_null (sluice_pipeline_creator_get_pipeline (first));
  g_clear_object (&first);
  g_settings_set_value (settings, "pipeline-drafts", at_kill);
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = wait_labelled (fixture, "Orders ETL", 2);
  g_assert_cmpuint (uris->len, ==, 2);

  /* The next start: the wizard's look-up adopts the new one. */
  kept = sluice_pipeline_draft_load (settings, "account");
  g_assert_nonnull (kept);
  g_assert_true (sluice_pipeline_draft_get_in_flight (kept));
  second = sluice_pipeline_creator_new (fixture->client, kept);
  g_assert_true (sluice_pipeline_creator_get_needs_lookup (second));
  sluice_pipeline_creator_keep_progress (second, settings, "account");
  g_assert_true (find_created (second, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_resumed (second));
  adopted = sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (second));
  g_assert_nonnull (adopted);
  g_assert_cmpstr (adopted, !=, older_uri);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (second, 0), ==, SLUICE_CREATE_STEP_DONE);
  message = sluice_pipeline_creator_dup_step_message (second, 0);
  g_assert_nonnull (strstr (message, "Sluice found the pipeline it had created"));
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (second, 1), ==, SLUICE_CREATE_STEP_FAILED);
  /* The adoption is kept at once: a kill now does not lose it. */
  {
    g_autoptr(SluicePipelineDraft) now = sluice_pipeline_draft_load (settings, "account");

    g_assert_cmpstr (sluice_pipeline_draft_get_created_uri (now), ==, adopted);
  }

  g_assert_true (run (second, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (second));
  {
    g_autoptr(JsonObject) recorded = fetch_pipeline (fixture, adopted, FALSE);

    assert_stages (fixture, recorded);
    assert_details (fixture, recorded);
  }
  /* The older one and the adopted one: no third. */
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 2);
  g_assert_null (sluice_pipeline_draft_load (settings, "account"));
}

/* Killed just after the draft was kept, before createDataPipeline reached data.all: nothing
 * to adopt, so the next run creates it (its own first step looks again). */
static void
test_killed_before_created (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineDraft) kept = NULL;
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GError) error = NULL;
  const char * const none[] = { NULL };

  /* As the creator leaves the settings just before sending it. */
  sluice_pipeline_draft_set_progress (draft, NULL, 0, TRUE);
  sluice_pipeline_draft_set_labelled_before (draft, none);
  sluice_pipeline_draft_save (draft, settings, "account");

  kept = sluice_pipeline_draft_load (settings, "account");
  g_assert_nonnull (sluice_pipeline_draft_get_labelled_before (kept));
  creator = sluice_pipeline_creator_new (fixture->client, kept);
  g_assert_true (sluice_pipeline_creator_get_needs_lookup (creator));
  g_assert_false (find_created (creator, &error));
  g_assert_no_error (error);
  g_assert_null (sluice_pipeline_creator_get_pipeline (creator));
  sluice_pipeline_creator_keep_progress (creator, settings, "account");
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (creator));
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 1);
  {
    g_autoptr(JsonObject) recorded = fetch_pipeline (fixture, g_ptr_array_index (uris, 0), FALSE);

    assert_stages (fixture, recorded);
  }
  g_assert_null (sluice_pipeline_draft_load (settings, "account"));
}

/* Two new pipelines with the label since the draft was kept: the creator does not guess, it
 * says so; Create Anew makes a third. */
static void
test_killed_while_creating_ambiguous (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char * const none[] = { NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SluicePipelineCreator) other = sluice_pipeline_creator_new (fixture->client, draft);

      g_assert_true (run (other, &error));
      g_assert_no_error (error);
    }
  sluice_pipeline_draft_set_progress (draft, NULL, 0, TRUE);
  sluice_pipeline_draft_set_labelled_before (draft, none);
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (find_created (creator, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Sluice cannot tell which one it created"));
  g_clear_error (&error);
  g_assert_null (sluice_pipeline_creator_get_pipeline (creator));
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 0), ==, SLUICE_CREATE_STEP_FAILED);
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_nonnull (strstr (message, "2 new pipelines named “Orders ETL”"));
  /* Running it as it is asks again and still does not guess. */
  g_assert_false (run (creator, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 2);
  g_clear_pointer (&uris, g_ptr_array_unref);

  sluice_pipeline_creator_create_anew (creator);
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 3);
}


static gint64
request_count (Fixture    *fixture,
               const char *operation)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *state = sluice_test_emulator_request (fixture->emulator, "GET", "/_emulator/state",
                                                         NULL, NULL, &error);
  JsonObject *requests;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, state, -1, &error);
  g_assert_no_error (error);
  requests = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "requests");
  return json_object_get_int_member_with_default (requests, operation, 0);
}

/* A creator keeping its progress in @settings whose createDataPipeline was held past the
 * client's timeout (a slow fault of 1.5 s, 600 ms timeout): data.all carries it out later. */
static SluicePipelineCreator *
create_unanswered (Fixture             *fixture,
                   SluicePipelineDraft *draft,
                   GSettings           *settings)
{
  SluicePipelineCreator *creator;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_draft_discard (settings, "account");
  sluice_dataall_client_set_test_timing (fixture->client, 600, 20);
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  sluice_pipeline_creator_keep_progress (creator, settings, "account");
  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"slow\", \"delay_ms\": 1500, "
                                  "\"match\": \"CreateDataPipeline\"}", &error);
  g_assert_no_error (error);
  g_assert_false (run (creator, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_TIMEOUT);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 0), ==, SLUICE_CREATE_STEP_FAILED);
  g_assert_null (sluice_pipeline_creator_get_pipeline (creator));
  return creator;
}

/* createDataPipeline held past the client's timeout (a slow fault; data.all still creates the
 * pipeline once the delay is over): the step fails with the timeout's sentence, the draft
 * stays under way, and Retry in the same run looks first and adopts that pipeline rather than
 * creating a second. */
static void
test_timeout_retry_adopts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 creates;

  creator = create_unanswered (fixture, draft, settings);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 0), ==, SLUICE_CREATE_STEP_FAILED);
  g_assert_null (sluice_pipeline_creator_get_pipeline (creator));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_cmpstr (message, ==, "data.all did not answer in time. Try again later.");
  g_clear_pointer (&message, g_free);
  /* A kill now: the next start looks too. */
  {
    g_autoptr(SluicePipelineDraft) now = sluice_pipeline_draft_load (settings, "account");

    g_assert_nonnull (now);
    g_assert_true (sluice_pipeline_draft_get_in_flight (now));
    g_assert_nonnull (sluice_pipeline_draft_get_labelled_before (now));
    g_assert_null (sluice_pipeline_draft_get_created_uri (now));
  }

  /* data.all carries it out once the delay is over. */
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = wait_labelled (fixture, "Orders ETL", 1);
  g_assert_cmpuint (uris->len, ==, 1);

  /* Retry: found, not sent again; then the three stages. */
  creates = request_count (fixture, "CreateDataPipeline");
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (creator));
  g_assert_cmpint (request_count (fixture, "CreateDataPipeline"), ==, creates);
  g_assert_cmpstr (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)), ==,
                   g_ptr_array_index (uris, 0));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_cmpstr (message, ==,
                   "data.all had created the pipeline although its answer did not arrive. "
                   "Sluice found it.");
  {
    g_autoptr(JsonObject) recorded = fetch_pipeline (fixture, g_ptr_array_index (uris, 0), FALSE);

    assert_stages (fixture, recorded);
    assert_details (fixture, recorded);
  }
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 1);
  g_assert_null (sluice_pipeline_draft_load (settings, "account"));
}

/* Unanswered, and meanwhile someone else made a pipeline with the same label, team and
 * environment: two new ones, so the retry does not guess; Create Anew makes a third. */
static void
test_timeout_retry_ambiguous (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(SluicePipelineCreator) other = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  creator = create_unanswered (fixture, draft, settings);

  other = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_true (run (other, &error));
  g_assert_no_error (error);
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = wait_labelled (fixture, "Orders ETL", 2);
  g_assert_cmpuint (uris->len, ==, 2);

  g_assert_false (run (creator, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (sluice_pipeline_creator_get_pipeline (creator));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_true (g_str_has_prefix (message, "data.all did not answer whether it created this "
                                            "pipeline, and it now has 2 new pipelines named "
                                            "“Orders ETL”"));
  sluice_pipeline_creator_create_anew (creator);
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 3);
}

/* The connection dropped before data.all ran createDataPipeline (the emulator's drop fault
 * closes it before executing): Retry looks, finds none, and creates one. */
static void
test_dropped_retry_creates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lists;

  sluice_pipeline_draft_discard (settings, "account");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  sluice_pipeline_creator_keep_progress (creator, settings, "account");
  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"drop\", \"match\": \"CreateDataPipeline\"}", &error);
  g_assert_no_error (error);

  g_assert_false (run (creator, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 0), ==, SLUICE_CREATE_STEP_FAILED);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 0);

  lists = request_count (fixture, "ListDataPipelines");
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_creator_is_done (creator));
  g_assert_cmpint (request_count (fixture, "ListDataPipelines"), >, lists);
  g_assert_null (sluice_pipeline_creator_dup_step_message (creator, 0));
  g_clear_pointer (&uris, g_ptr_array_unref);
  uris = labelled (fixture, "Orders ETL");
  g_assert_cmpuint (uris->len, ==, 1);
  {
    g_autoptr(JsonObject) recorded = fetch_pipeline (fixture, g_ptr_array_index (uris, 0), FALSE);

    assert_stages (fixture, recorded);
  }
}

/* A refusal data.all answered is certain: the retry sends again without looking. */
static void
test_refusal_retry_sends (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_draft_discard (settings, "account");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  sluice_pipeline_creator_keep_progress (creator, settings, "account");
  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"error\", \"match\": \"CreateDataPipeline\"}", &error);
  g_assert_no_error (error);

  g_assert_false (run (creator, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);
  {
    g_autoptr(SluicePipelineDraft) now = sluice_pipeline_draft_load (settings, "account");

    g_assert_false (sluice_pipeline_draft_get_in_flight (now));
  }
  g_assert_true (run (creator, &error));
  g_assert_no_error (error);
  g_assert_null (sluice_pipeline_creator_dup_step_message (creator, 0));
}

static void
test_sentences (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = gitflow_draft (fixture);
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* Scientists are not invited to PROD. */
  sluice_pipeline_draft_set_stage_team (draft, 2, "Scientists");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (run (creator, &error));
  g_clear_error (&error);
  g_assert_cmpint (sluice_pipeline_creator_get_step_state (creator, 3), ==, SLUICE_CREATE_STEP_FAILED);
  message = sluice_pipeline_creator_dup_step_message (creator, 3);
  g_assert_cmpstr (message, ==, "Team Scientists is not a member of environment PROD.");
  g_clear_pointer (&message, g_free);
  g_clear_object (&creator);

  /* SANDBOX has pipelines disabled. */
  sluice_pipeline_draft_set_stage_team (draft, 2, "DataEngineers");
  sluice_pipeline_draft_set_stage_environment (draft, 0, env (fixture, "SANDBOX"), "SANDBOX");
  sluice_pipeline_draft_set_stage_team (draft, 0, "Scientists");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (run (creator, &error));
  g_clear_error (&error);
  message = sluice_pipeline_creator_dup_step_message (creator, 1);
  g_assert_true (g_str_has_prefix (message, "Pipelines are disabled for environment SANDBOX."));
  g_clear_pointer (&message, g_free);
  g_assert_null (sluice_pipeline_creator_dup_step_message (creator, 0));
  g_clear_object (&creator);

  /* The analyst's team cannot create pipelines at all. */
  sluice_pipeline_draft_set_team (draft, "Analysts");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_assert_false (run (creator, &error));
  message = sluice_pipeline_creator_dup_step_message (creator, 0);
  g_assert_cmpstr (message, ==, "You are not a member of team Analysts.");
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add ("/sluice/pipeline-create/legacy-gitflow", Fixture, NULL,
              set_up_legacy, test_legacy_gitflow, tear_down);
  g_test_add ("/sluice/pipeline-create/refused-then-without", Fixture, NULL,
              set_up_default, test_refused_then_without, tear_down);
  g_test_add ("/sluice/pipeline-create/template-only-refused", Fixture, NULL,
              set_up_default, test_template_only_refused, tear_down);
  g_test_add ("/sluice/pipeline-create/all-legacy-refused", Fixture, NULL,
              set_up_default, test_all_legacy_refused, tear_down);
  g_test_add ("/sluice/pipeline-create/template-kept-datasets-refused", Fixture, NULL,
              set_up_template, test_template_kept_datasets_refused, tear_down);
  g_test_add ("/sluice/pipeline-create/template-only-accepted", Fixture, NULL,
              set_up_template, test_template_only_accepted, tear_down);
  g_test_add ("/sluice/pipeline-create/stage-fault-retry", Fixture, NULL,
              set_up_default, test_stage_fault_retry, tear_down);
  g_test_add ("/sluice/pipeline-create/killed-between-steps", Fixture, NULL,
              set_up_default, test_killed_between_steps, tear_down);
  g_test_add ("/sluice/pipeline-create/killed-while-creating", Fixture, NULL,
              set_up_default, test_killed_while_creating, tear_down);
  g_test_add ("/sluice/pipeline-create/killed-before-created", Fixture, NULL,
              set_up_default, test_killed_before_created, tear_down);
  g_test_add ("/sluice/pipeline-create/killed-while-creating-ambiguous", Fixture, NULL,
              set_up_default, test_killed_while_creating_ambiguous, tear_down);
  g_test_add ("/sluice/pipeline-create/timeout-retry-adopts", Fixture, NULL,
              set_up_default, test_timeout_retry_adopts, tear_down);
  g_test_add ("/sluice/pipeline-create/timeout-retry-ambiguous", Fixture, NULL,
              set_up_default, test_timeout_retry_ambiguous, tear_down);
  g_test_add ("/sluice/pipeline-create/dropped-retry-creates", Fixture, NULL,
              set_up_default, test_dropped_retry_creates, tear_down);
  g_test_add ("/sluice/pipeline-create/refusal-retry-sends", Fixture, NULL,
              set_up_default, test_refusal_retry_sends, tear_down);
  g_test_add ("/sluice/pipeline-create/sentences", Fixture, NULL,
              set_up_default, test_sentences, tear_down);

  return g_test_run ();
}
