/* test-dataall-client.c
 *
 * The data.all client against the emulator: every GraphQL document through the typed calls,
 * and every error code as the emulator produces it through its users, data, flags and faults.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "sluice-dataall-api.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define ADMIN    "admin@example.com"
#define ENGINEER "engineer@example.com"
#define ANALYST  "analyst@example.com"

/* The emulator most tests share; those that need flags start their own. */
static SluiceTestEmulator *shared;

/* The documents the client sent, from its debug messages: every one must have been tried. */
static GHashTable *sent_documents;

static GLogWriterOutput
record_documents_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if ((log_level & G_LOG_LEVEL_DEBUG) && g_strcmp0 (domain, "sluice-dataall-client") == 0 &&
      message != NULL && strstr (message, ": POST ") != NULL)
    {
      g_hash_table_add (sent_documents, g_strndup (message, strstr (message, ": POST ") - message));
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

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

/* Iterates the main loop until an async call has finished; the caller owns the result. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static SluiceDataallClient *
client_for (SluiceTestEmulator *emulator,
            const char         *email)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  SluiceDataallClient *client = sluice_dataall_client_new (sluice_test_emulator_get_url (emulator));

  if (email != NULL)
    {
      g_assert_true (sluice_test_emulator_sign_in (emulator, email, &token, &error));
      g_assert_no_error (error);
      sluice_dataall_client_set_token (client, token);
    }
  return client;
}

static SluiceTestEmulator *
start_emulator (const char *first_arg,
                ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  SluiceTestEmulator *emulator;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  emulator = sluice_test_emulator_start ((const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  return emulator;
}

static void
add_fault (SluiceTestEmulator *emulator,
           const char         *fault)
{
  g_autoptr(GError) error = NULL;

  sluice_test_emulator_add_fault (emulator, fault, &error);
  g_assert_no_error (error);
}

static void
clear_faults (SluiceTestEmulator *emulator)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = sluice_test_emulator_request (emulator, "DELETE", "/_emulator/faults",
                                                          NULL, NULL, &error);

  g_assert_no_error (error);
}

/* How many matching requests the pending faults still wait for. */
static gint64
pending_fault_count (SluiceTestEmulator *emulator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *answer = sluice_test_emulator_request (emulator, "GET", "/_emulator/faults",
                                                          NULL, NULL, &error);
  JsonArray *faults;
  gint64 count = 0;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, answer, -1, NULL));
  faults = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    count += json_object_get_int_member (json_array_get_object_element (faults, i), "count");
  return count;
}

static SluicePipeline *
get_pipeline (SluiceDataallClient  *client,
              const char           *uri,
              GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_dataall_client_get_pipeline_async (client, uri, NULL, got_result_cb, &result);
  return sluice_dataall_client_get_pipeline_finish (client, wait_result (&result), error);
}

static SluicePipelineList *
load_list (SluiceDataallClient  *client,
           guint                 page_size,
           GError              **error)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;

  sluice_pipeline_list_set_page_size (list, page_size);
  sluice_pipeline_list_load_async (list, client, NULL, NULL, got_result_cb, &result);
  if (!sluice_pipeline_list_load_finish (list, wait_result (&result), error))
    return NULL;
  return g_steal_pointer (&list);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  guint *changes = user_data;

  (*changes)++;
}

static SluicePipeline *
find_label (SluicePipelineList *list,
            const char         *label)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        return pipeline;
    }
  return NULL;
}

static SluiceEnvironment *
environment_labelled (SluiceDataallClient *client,
                      const char          *label)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) environments = NULL;

  sluice_dataall_client_list_environments_async (client, NULL, got_result_cb, &result);
  environments = sluice_dataall_client_list_environments_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (environments, i);

      if (g_strcmp0 (sluice_environment_get_label (environment), label) == 0)
        return g_steal_pointer (&environment);
    }
  g_assert_not_reached ();
}

static SluicePipeline *
create_pipeline (SluiceDataallClient      *client,
                 const SluicePipelineSpec *spec,
                 GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_dataall_client_create_pipeline_async (client, spec, NULL, got_result_cb, &result);
  return sluice_dataall_client_create_pipeline_finish (client, wait_result (&result), error);
}

/* ------------------------------------------------------------------------------------------ */
/* Every document                                                                             */
/* ------------------------------------------------------------------------------------------ */

static void
test_probe_and_list (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) first = NULL;
  g_autoptr(SluicePipeline) first_again = NULL;
  SluicePipeline *customer;
  gboolean enabled = FALSE;
  guint count = 0;
  guint changes = 0;
  guint n;

  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, &count, &error));
  g_assert_no_error (error);
  g_assert_true (enabled);
  g_assert_cmpuint (count, >=, 3);

  /* Pages of one: every page is a request, several in flight, each put in as it arrives. */
  list = sluice_pipeline_list_new ();
  sluice_pipeline_list_set_page_size (list, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);
  g_clear_object (&result);
  sluice_pipeline_list_load_async (list, client, NULL, NULL, got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&result), &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (changes, ==, n);
  g_signal_handlers_disconnect_by_func (list, count_items_changed_cb, &changes);
  g_assert_cmpuint (n, ==, count);
  g_assert_cmpuint (sluice_pipeline_list_get_total (list), ==, count);
  g_assert_false (sluice_pipeline_list_get_loading (list));
  customer = find_label (list, "customer-360");
  g_assert_nonnull (customer);
  g_assert_cmpstr (sluice_pipeline_get_dev_strategy (customer), ==, "cdk-trunk");
  g_assert_cmpstr (sluice_stack_get_status (sluice_pipeline_get_stack (customer)), ==, "CREATE_COMPLETE");
  g_assert_cmpstr (sluice_environment_get_label (sluice_pipeline_get_environment (customer)), ==, "CICD");

  /* In the server's order (by label). */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SluicePipeline) a = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
      g_autoptr(SluicePipeline) b = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (sluice_pipeline_get_label (a), <=, sluice_pipeline_get_label (b));
    }

  /* A reload keeps the objects. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_clear_object (&result);
  sluice_pipeline_list_set_page_size (list, 2);
  sluice_pipeline_list_load_async (list, client, NULL, NULL, got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_get_loading (list));
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  first_again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == first_again);
}

static void
test_list_filter (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) only = NULL;

  json_object_set_string_member (filter, "term", "sales");
  sluice_pipeline_list_load_async (list, client, filter, NULL, got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  only = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sluice_pipeline_get_label (only), ==, "sales-ingest");
}

static void
test_get_pipeline_and_credentials (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *credentials = NULL;
  g_autoptr(SluiceStage) dev = NULL;
  SluicePipeline *listed;

  list = load_list (client, 100, &error);
  g_assert_no_error (error);
  listed = find_label (list, "customer-360");

  pipeline = get_pipeline (client, sluice_pipeline_get_uri (listed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_pipeline_get_label (pipeline), ==, "customer-360");
  g_assert_cmpstr (sluice_pipeline_get_team (pipeline), ==, "DataEngineers");
  g_assert_true (g_str_has_prefix (sluice_pipeline_get_clone_url (pipeline), "codecommit::eu-west-1://"));
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipeline_get_stages (pipeline)), ==, 3);
  dev = g_list_model_get_item (sluice_pipeline_get_stages (pipeline), 0);
  g_assert_cmpstr (sluice_stage_get_stage (dev), ==, "dev");
  g_assert_cmpstr (sluice_stage_get_aws_account_id (dev), ==, "222222222222");
  g_assert_cmpstr (sluice_pipeline_get_organization_label (pipeline), ==, "Acme Data Platform");

  sluice_dataall_client_get_credentials_async (client, sluice_pipeline_get_uri (pipeline), NULL,
                                               got_result_cb, &result);
  credentials = sluice_dataall_client_get_credentials_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, credentials, -1, NULL));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                                  "AWS_ACCESS_KEY_ID"), "ASIA"));
}

static void
test_environments_teams_datasets (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluiceEnvironment) cicd = environment_labelled (client, "CICD");
  g_autoptr(SluiceEnvironment) sandbox = environment_labelled (client, "SANDBOX");
  g_autoptr(SluiceEnvironment) full = NULL;
  g_autoptr(GListModel) teams = NULL;
  g_autoptr(GListModel) datasets = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTeam) team = NULL;
  g_autoptr(SluiceDataset) dataset = NULL;

  g_assert_cmpstr (sluice_environment_get_region (cicd), ==, "eu-west-1");
  g_assert_cmpstr (sluice_environment_get_organization_label (cicd), ==, "Acme Data Platform");
  g_assert_false (sluice_environment_get_parameters_known (cicd));

  sluice_dataall_client_get_environment_async (client, sluice_environment_get_uri (cicd), NULL, got_result_cb, &result);
  full = sluice_dataall_client_get_environment_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_environment_get_aws_account_id (full), ==, "111111111111");
  g_assert_true (sluice_environment_get_parameters_known (full));
  g_assert_true (sluice_environment_get_pipelines_enabled (full));
  g_clear_object (&full);
  g_clear_object (&result);

  sluice_dataall_client_get_environment_async (client, sluice_environment_get_uri (sandbox), NULL, got_result_cb, &result);
  full = sluice_dataall_client_get_environment_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_false (sluice_environment_get_pipelines_enabled (full));
  g_clear_object (&result);

  sluice_dataall_client_list_teams_async (client, sluice_environment_get_uri (cicd), NULL, got_result_cb, &result);
  teams = sluice_dataall_client_list_teams_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (teams), >=, 1);
  team = g_list_model_get_item (teams, 0);
  g_assert_nonnull (sluice_team_get_uri (team));
  g_clear_object (&result);

  sluice_dataall_client_list_datasets_async (client, sluice_environment_get_uri (cicd), sluice_team_get_uri (team),
                                             NULL, got_result_cb, &result);
  datasets = sluice_dataall_client_list_datasets_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (datasets), >=, 1);
  dataset = g_list_model_get_item (datasets, 0);
  g_assert_cmpstr (sluice_dataset_get_team (dataset), ==, sluice_team_get_uri (team));
  g_assert_cmpstr (sluice_dataset_get_aws_account_id (dataset), ==, "111111111111");
}

static void
test_pipeline_lifecycle (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluiceEnvironment) cicd = environment_labelled (client, "CICD");
  g_autoptr(SluiceEnvironment) dev_env = environment_labelled (client, "DEV");
  const char * const tags[] = { "orders", NULL };
  SluicePipelineSpec spec = {
    .label = "Orders ETL",
    .environment_uri = sluice_environment_get_uri (cicd),
    .team = "DataEngineers",
    .dev_strategy = "trunk",
    .description = "Nightly orders",
    .tags = tags,
  };
  SluiceStageSpec stage_spec = { 0 };
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(SluicePipeline) updated = NULL;
  g_autoptr(SluicePipeline) again = NULL;
  g_autoptr(SluiceStage) stage = NULL;
  g_autoptr(SluiceStack) stack = NULL;
  g_autoptr(GPtrArray) tags_now = NULL;
  g_autoptr(GPtrArray) new_tags = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  pipeline = create_pipeline (client, &spec, &error);
  g_assert_no_error (error);
  uri = g_strdup (sluice_pipeline_get_uri (pipeline));
  g_assert_cmpuint (strlen (uri), ==, 8);
  g_assert_cmpstr (sluice_pipeline_get_label (pipeline), ==, "Orders ETL");
  g_assert_cmpstr (sluice_stack_get_status (sluice_pipeline_get_stack (pipeline)), ==, "pending");
  g_assert_cmpstr (sluice_pipeline_get_stack_target_type (pipeline), ==, "pipeline");

  /* A stage: created, updated, deleted. */
  stage_spec = (SluiceStageSpec) {
    .pipeline_uri = uri, .stage = "dev", .order = 1,
    .environment_uri = sluice_environment_get_uri (dev_env), .environment_label = "DEV",
    .team = "DataEngineers",
  };
  sluice_dataall_client_create_stage_async (client, &stage_spec, NULL, got_result_cb, &result);
  stage = sluice_dataall_client_create_stage_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_stage_get_aws_account_id (stage), ==, "222222222222");
  g_clear_object (&result);

  /* The same stage twice: data.all fails without one of its codes (a database error). */
  sluice_dataall_client_create_stage_async (client, &stage_spec, NULL, got_result_cb, &result);
  g_assert_null (sluice_dataall_client_create_stage_finish (client, wait_result (&result), &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FAILED);
  g_assert_nonnull (strstr (sluice_dataall_error_get_detail (error), "duplicate key"));
  g_clear_error (&error);
  g_clear_object (&result);

  stage_spec.order = 2;
  sluice_dataall_client_update_stage_async (client, &stage_spec, NULL, got_result_cb, &result);
  g_clear_object (&stage);
  stage = sluice_dataall_client_update_stage_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sluice_stage_get_order (stage), ==, 2);
  g_clear_object (&result);

  again = get_pipeline (client, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipeline_get_stages (again)), ==, 1);
  g_clear_object (&again);

  sluice_dataall_client_delete_stage_async (client, sluice_stage_get_uri (stage), NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_delete_stage_finish (client, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Update; the list's object would take the answer in place. */
  sluice_dataall_client_update_pipeline_async (client, uri, NULL, "Orders, nightly", NULL, NULL, got_result_cb, &result);
  updated = sluice_dataall_client_update_pipeline_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_pipeline_get_description (updated), ==, "Orders, nightly");
  g_assert_cmpstr (sluice_pipeline_get_label (updated), ==, "Orders ETL");
  g_clear_object (&result);

  /* Stack: still pending, so no logs yet (AWSResourceNotFound). */
  sluice_dataall_client_get_stack_async (client, updated, NULL, got_result_cb, &result);
  stack = sluice_dataall_client_get_stack_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_stack_get_target_uri (stack), ==, uri);
  g_assert_nonnull (sluice_stack_get_resources (stack));
  g_clear_object (&stack);
  g_clear_object (&result);

  sluice_dataall_client_get_stack_logs_async (client, updated, NULL, got_result_cb, &result);
  g_assert_null (sluice_dataall_client_get_stack_logs_finish (client, wait_result (&result), &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_FOUND);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "AWSResourceNotFound");
  g_clear_error (&error);
  g_clear_object (&result);

  sluice_dataall_client_update_stack_async (client, updated, NULL, got_result_cb, &result);
  stack = sluice_dataall_client_update_stack_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (sluice_stack_get_status (stack));
  g_clear_object (&result);

  /* Key/value tags. */
  new_tags = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_key_value_tag_free);
  g_ptr_array_add (new_tags, sluice_key_value_tag_new ("cost-center", "42", TRUE));
  sluice_dataall_client_update_tags_async (client, uri, new_tags, NULL, got_result_cb, &result);
  tags_now = sluice_dataall_client_update_tags_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags_now->len, ==, 1);
  g_clear_pointer (&tags_now, g_ptr_array_unref);
  g_clear_object (&result);

  sluice_dataall_client_list_tags_async (client, uri, NULL, got_result_cb, &result);
  tags_now = sluice_dataall_client_list_tags_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags_now->len, ==, 1);
  g_assert_cmpstr (((SluiceKeyValueTag *) g_ptr_array_index (tags_now, 0))->key, ==, "cost-center");
  g_assert_true (((SluiceKeyValueTag *) g_ptr_array_index (tags_now, 0))->cascade);
  g_clear_object (&result);

  /* Delete; then it is gone (data.all says "not authorized" for unknown ids). */
  sluice_dataall_client_delete_pipeline_async (client, uri, TRUE, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_delete_pipeline_finish (client, wait_result (&result), &error));
  g_assert_no_error (error);

  again = get_pipeline (client, uri, &error);
  g_assert_null (again);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
}

static void
test_stack_logs (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) logs = NULL;

  list = load_list (client, 10, &error);
  g_assert_no_error (error);
  sluice_dataall_client_get_stack_logs_async (client, find_label (list, "customer-360"), NULL, got_result_cb, &result);
  logs = sluice_dataall_client_get_stack_logs_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logs->len, >, 0);
  g_assert_nonnull (((SluiceStackLogEntry *) g_ptr_array_index (logs, 0))->message);
}

static void
test_legacy_create (void)
{
  g_autoptr(SluiceTestEmulator) legacy = start_emulator ("--legacy-fields", NULL);
  g_autoptr(SluiceDataallClient) client = client_for (legacy, ENGINEER);
  g_autoptr(SluiceDataallClient) plain_client = client_for (shared, ENGINEER);
  g_autoptr(SluiceEnvironment) cicd = environment_labelled (client, "CICD");
  g_autoptr(SluiceEnvironment) plain_cicd = environment_labelled (plain_client, "CICD");
  g_autoptr(GListModel) datasets = NULL;
  g_autoptr(SluiceDataset) dataset = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SluicePipelineSpec spec = {
    .label = "legacy-etl",
    .environment_uri = sluice_environment_get_uri (cicd),
    .team = "DataEngineers",
    .dev_strategy = "trunk",
  };

  sluice_dataall_client_list_datasets_async (client, spec.environment_uri, "DataEngineers", NULL, got_result_cb, &result);
  datasets = sluice_dataall_client_list_datasets_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  dataset = g_list_model_get_item (datasets, 0);
  spec.input_dataset_uri = sluice_dataset_get_uri (dataset);

  pipeline = create_pipeline (client, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_pipeline_get_label (pipeline), ==, "legacy-etl");
  /* The answer does not ask for the datasets, which a data.all 1.3 to 1.5.1 would refuse;
   * test-pipeline-create reads them back with a query of its own. */
  g_assert_null (sluice_pipeline_get_input_dataset_uri (pipeline));

  /* A data.all without the legacy fields refuses them: the feature is not there. */
  spec.environment_uri = sluice_environment_get_uri (plain_cicd);
  g_clear_object (&pipeline);
  pipeline = create_pipeline (plain_client, &spec, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 400);
}

/* ------------------------------------------------------------------------------------------ */
/* Every error code                                                                           */
/* ------------------------------------------------------------------------------------------ */

static void
test_error_network (void)
{
  g_autoptr(SluiceDataallClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *url = NULL;
  guint16 port;

  /* A port nobody listens on: bind one, then close it. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = sluice_dataall_client_new (url);
  sluice_dataall_client_set_token (client, "token");
  sluice_dataall_client_set_max_retries (client, 1);

  pipeline = get_pipeline (client, "esok50ll", &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NETWORK);
  g_assert_nonnull (sluice_dataall_error_get_detail (error));
}

static void
test_error_dropped_query_is_retried (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean enabled = FALSE;

  add_fault (shared, "{\"kind\": \"drop\", \"count\": 2, \"match\": \"ListDataPipelinesCount\"}");
  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enabled);
  g_assert_cmpint (pending_fault_count (shared), ==, 0);
}

static void
test_error_mutation_never_retried (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  add_fault (shared, "{\"kind\": \"http500\", \"count\": 5, \"match\": \"deleteDataPipeline\"}");
  sluice_dataall_client_delete_pipeline_async (client, "nosuchid", FALSE, NULL, got_result_cb, &result);
  g_assert_false (sluice_dataall_client_delete_pipeline_finish (client, wait_result (&result), &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 500);
  /* One attempt only: four of the five faults are still waiting. */
  g_assert_cmpint (pending_fault_count (shared), ==, 4);
  clear_faults (shared);
}

static void
test_error_server (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;

  /* A query is tried 1 + max-retries times, then the 5xx is reported. */
  sluice_dataall_client_set_max_retries (client, 2);
  add_fault (shared, "{\"kind\": \"http500\", \"count\": 5, \"match\": \"GetDataPipeline\"}");
  pipeline = get_pipeline (client, "esok50ll", &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER);
  g_assert_cmpint (pending_fault_count (shared), ==, 2);
  clear_faults (shared);
  g_clear_error (&error);

  /* An answer that is not JSON. */
  add_fault (shared, "{\"kind\": \"malformed\", \"match\": \"GetDataPipeline\"}");
  pipeline = get_pipeline (client, "esok50ll", &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 200);
  clear_faults (shared);
}

static void
test_error_timeout (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;

  sluice_dataall_client_set_timeout (client, 1);
  add_fault (shared, "{\"kind\": \"slow\", \"delay_ms\": 2500, \"match\": \"GetDataPipeline\"}");
  pipeline = get_pipeline (client, "esok50ll", &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_TIMEOUT);
  clear_faults (shared);
}

static void
test_error_not_signed_in (void)
{
  g_autoptr(SluiceTestEmulator) short_lived = start_emulator ("--token-ttl", "1", NULL);
  g_autoptr(SluiceDataallClient) anonymous = client_for (shared, NULL);
  g_autoptr(SluiceDataallClient) forged = client_for (shared, NULL);
  g_autoptr(SluiceDataallClient) expiring = client_for (short_lived, ENGINEER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;

  /* No token: refused before sending. */
  pipeline = get_pipeline (anonymous, "esok50ll", &error);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 0);
  g_clear_error (&error);

  /* A token the gateway does not accept. */
  sluice_dataall_client_set_token (forged, "eyJhbGciOiJIUzI1NiJ9.e30.forged");
  pipeline = get_pipeline (forged, "esok50ll", &error);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 403);
  g_assert_cmpstr (sluice_dataall_error_get_detail (error), ==,
                   "User is not authorized to access this resource with an explicit deny");
  g_clear_error (&error);

  /* A token that expired (--token-ttl 1). */
  g_usleep (2100 * G_TIME_SPAN_MILLISECOND);
  pipeline = get_pipeline (expiring, "esok50ll", &error);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
}

static void
test_error_reauth (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  add_fault (shared, "{\"kind\": \"reauth\", \"match\": \"deleteDataPipeline\"}");
  sluice_dataall_client_delete_pipeline_async (client, "nosuchid", FALSE, NULL, got_result_cb, &result);
  g_assert_false (sluice_dataall_client_delete_pipeline_finish (client, wait_result (&result), &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REAUTH_REQUIRED);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 401);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "REAUTH");
  g_assert_cmpstr (sluice_dataall_error_get_operation (error), ==, "deleteDataPipeline");
  clear_faults (shared);
}

static void
test_error_not_authorized (void)
{
  g_autoptr(SluiceDataallClient) engineer = client_for (shared, ENGINEER);
  g_autoptr(SluiceDataallClient) analyst = client_for (shared, ANALYST);
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *credentials = NULL;
  const char *uri;

  list = load_list (engineer, 100, &error);
  g_assert_no_error (error);
  uri = sluice_pipeline_get_uri (find_label (list, "customer-360"));

  pipeline = get_pipeline (analyst, uri, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "UnauthorizedOperation");
  g_assert_true (g_str_has_prefix (sluice_dataall_error_get_detail (error), "An error occurred (UnauthorizedOperation)"));
  /* The answer had data (a null pipeline) beside the error. */
  g_assert_nonnull (sluice_dataall_error_get_partial_data (error));
  g_clear_error (&error);

  /* The analyst lacks MANAGE_PIPELINES too. */
  sluice_dataall_client_get_credentials_async (analyst, uri, NULL, got_result_cb, &result);
  credentials = sluice_dataall_client_get_credentials_finish (analyst, wait_result (&result), &error);
  g_assert_null (credentials);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
}

static void
test_error_not_found (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_dataall_client_delete_stage_async (client, "nosuchidnosuchiddev", NULL, got_result_cb, &result);
  g_assert_false (sluice_dataall_client_delete_stage_finish (client, wait_result (&result), &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_FOUND);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "ResourceNotFound");
}

static void
test_error_invalid_input (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluiceEnvironment) cicd = environment_labelled (client, "CICD");
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  SluicePipelineSpec spec = {
    .label = "",
    .environment_uri = sluice_environment_get_uri (cicd),
    .team = "DataEngineers",
    .dev_strategy = "trunk",
  };

  pipeline = create_pipeline (client, &spec, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_INVALID_INPUT);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "RequiredParameter");
  g_assert_cmpstr (sluice_dataall_error_get_detail (error), ==, "An error occurred (RequiredParameter): label is required");
}

static void
test_error_feature_disabled (void)
{
  g_autoptr(SluiceTestEmulator) disabled = start_emulator ("--pipelines-disabled", NULL);
  g_autoptr(SluiceDataallClient) off = client_for (disabled, ENGINEER);
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluiceEnvironment) sandbox = environment_labelled (client, "SANDBOX");
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled = TRUE;
  SluicePipelineSpec spec = {
    .label = "sandboxed",
    .environment_uri = sluice_environment_get_uri (sandbox),
    .team = "DataEngineers",
    .dev_strategy = "trunk",
  };

  /* The module off, as data.all 2.7+ ships: the probe says so, calls fail plainly. */
  sluice_dataall_client_probe_pipelines_async (off, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (off, wait_result (&result), &enabled, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (enabled);

  list = load_list (off, 100, &error);
  g_assert_null (list);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 400);
  g_clear_error (&error);

  /* Pipelines disabled for one environment (pipelinesEnabled false). */
  pipeline = create_pipeline (client, &spec, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "UnauthorizedOperation");
}

static void
test_error_invalid_request (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(JsonObject) variables = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;

  /* A required variable missing: graphql refuses the request (HTTP 400). */
  json_object_set_boolean_member (variables, "nonsense", TRUE);
  sluice_dataall_client_execute_async (client, "GetDataPipelineCredsLinux", variables, NULL, got_result_cb, &result);
  data = sluice_dataall_client_execute_finish (client, wait_result (&result), &error);
  g_assert_null (data);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_INVALID_REQUEST);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 400);
}

static void
test_error_too_large (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strnfill (8200, 'x');
  SluicePipelineSpec spec = {
    .label = "too-big",
    .environment_uri = "whatever",
    .team = "DataEngineers",
    .dev_strategy = "trunk",
    .description = description,
  };

  pipeline = create_pipeline (client, &spec, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE);
}

static void
test_cancel (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, ENGINEER);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (shared, "{\"kind\": \"slow\", \"delay_ms\": 1500, \"match\": \"GetDataPipeline\"}");
  sluice_dataall_client_get_pipeline_async (client, "esok50ll", cancellable, got_result_cb, &result);
  sluice_test_iterate (100);
  g_cancellable_cancel (cancellable);
  g_assert_null (sluice_dataall_client_get_pipeline_finish (client, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  clear_faults (shared);

  /* A list load too. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  sluice_pipeline_list_load_async (list, client, NULL, cancellable, got_result_cb, &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (sluice_pipeline_list_load_finish (list, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (sluice_pipeline_list_get_loading (list));
}

/* ------------------------------------------------------------------------------------------ */
/* The request itself, as a server sees it                                                    */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  SoupServer *server;
  char       *url;
  guint       status;
  const char *answer;
  guint       requests;
  char       *path;
  char       *authorization;
  char       *user_agent;
  char       *content_type;
  char       *body;
} Recorder;

static void
recorder_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Recorder *recorder = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  recorder->requests++;
  g_free (recorder->path);
  recorder->path = g_strdup (path);
  g_free (recorder->authorization);
  recorder->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  g_free (recorder->user_agent);
  recorder->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  g_free (recorder->content_type);
  recorder->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  g_free (recorder->body);
  recorder->body = g_strndup (body->data, body->length);
  soup_server_message_set_status (msg, recorder->status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    recorder->answer, strlen (recorder->answer));
}

static void
recorder_start (Recorder *recorder)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  recorder->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (recorder->server, NULL, recorder_cb, recorder, NULL);
  soup_server_listen_local (recorder->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (recorder->server);
  recorder->url = g_strdup_printf ("http://127.0.0.1:%d/prod/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  recorder->status = 200;
  recorder->answer = "{\"data\": {\"listDataPipelines\": {\"count\": 7}}}";
}

static void
recorder_stop (Recorder *recorder)
{
  soup_server_disconnect (recorder->server);
  g_clear_object (&recorder->server);
  g_free (recorder->url);
  g_free (recorder->path);
  g_free (recorder->authorization);
  g_free (recorder->user_agent);
  g_free (recorder->content_type);
  g_free (recorder->body);
}

static void
test_request_shape (void)
{
  Recorder recorder = { 0 };
  g_autoptr(SluiceDataallClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *body;
  gboolean enabled = FALSE;
  guint count = 0;

  recorder_start (&recorder);
  client = sluice_dataall_client_new (recorder.url);
  sluice_dataall_client_set_token (client, "tok3n");

  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, &count, &error));
  g_assert_no_error (error);
  g_assert_true (enabled);
  g_assert_cmpuint (count, ==, 7);

  g_assert_cmpstr (recorder.path, ==, "/prod/graphql/api");
  g_assert_cmpstr (recorder.authorization, ==, "Bearer tok3n");
  g_assert_cmpstr (recorder.user_agent, ==, "Sluice/" PACKAGE_VERSION);
  g_assert_cmpstr (recorder.content_type, ==, "application/json");
  g_assert_true (json_parser_load_from_data (parser, recorder.body, -1, NULL));
  body = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (body, "operationName"), ==, "ListDataPipelinesCount");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (body, "query"), "query ListDataPipelinesCount"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "variables")));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (body, "variables")), ==, 0);
  g_clear_object (&result);

  /* Before data.all 2.7: the raw token, no "Bearer ". */
  sluice_dataall_client_set_id_token_auth (client, TRUE);
  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, NULL, &error));
  g_assert_cmpstr (recorder.authorization, ==, "tok3n");
  g_clear_object (&result);

  recorder_stop (&recorder);
}

static void
test_retry_backoff_cancellable (void)
{
  Recorder recorder = { 0 };
  g_autoptr(SluiceDataallClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled = FALSE;
  gint64 start;

  recorder_start (&recorder);
  recorder.status = 503;
  recorder.answer = "{\"message\": \"Service Unavailable\"}";
  client = sluice_dataall_client_new (recorder.url);
  sluice_dataall_client_set_token (client, "tok3n");

  /* Retried with backoff (0.25 s, 0.5 s…), then the 503 is reported. */
  sluice_dataall_client_set_max_retries (client, 2);
  start = g_get_monotonic_time ();
  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &result);
  g_assert_false (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, NULL, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, 503);
  g_assert_cmpstr (sluice_dataall_error_get_detail (error), ==, "Service Unavailable");
  g_assert_cmpuint (recorder.requests, ==, 3);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 750 * G_TIME_SPAN_MILLISECOND);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelling during a backoff ends the call at once. */
  sluice_dataall_client_set_max_retries (client, 10);
  recorder.requests = 0;
  sluice_dataall_client_probe_pipelines_async (client, cancellable, got_result_cb, &result);
  while (recorder.requests < 4)
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_assert_false (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 500 * G_TIME_SPAN_MILLISECOND);

  recorder_stop (&recorder);
}

/* ------------------------------------------------------------------------------------------ */
/* The token provider: how an account plugs in                                                */
/* ------------------------------------------------------------------------------------------ */

#define TEST_TYPE_TOKEN_PROVIDER (test_token_provider_get_type ())
G_DECLARE_FINAL_TYPE (TestTokenProvider, test_token_provider, TEST, TOKEN_PROVIDER, GObject)

struct _TestTokenProvider
{
  GObject                 parent_instance;
  SluiceTestEmulator     *emulator;
  char                   *token;
  gboolean                refresh_works;
  guint                   calls;
  guint                   refreshes;
  SluiceDataallTokenKind  last_kind;
};

static void test_token_provider_iface_init (SluiceDataallTokenProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestTokenProvider, test_token_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SLUICE_TYPE_DATAALL_TOKEN_PROVIDER,
                                                      test_token_provider_iface_init))

static void
test_token_provider_get_token_async (SluiceDataallTokenProvider *provider,
                                     SluiceDataallTokenKind      kind,
                                     const char                 *rejected_token,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  TestTokenProvider *self = TEST_TOKEN_PROVIDER (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  self->calls++;
  self->last_kind = kind;
  if (rejected_token != NULL)
    {
      self->refreshes++;
      g_assert_cmpstr (rejected_token, ==, self->token);
      if (self->refresh_works)
        {
          g_autoptr(GError) error = NULL;

          g_clear_pointer (&self->token, g_free);
          g_assert_true (sluice_test_emulator_sign_in (self->emulator, ENGINEER, &self->token, &error));
        }
    }
  g_task_return_pointer (task, g_strdup (self->token), g_free);
}

static char *
test_token_provider_get_token_finish (SluiceDataallTokenProvider  *provider,
                                      GAsyncResult                *result,
                                      GError                     **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_token_provider_iface_init (SluiceDataallTokenProviderInterface *iface)
{
  iface->get_token_async = test_token_provider_get_token_async;
  iface->get_token_finish = test_token_provider_get_token_finish;
}

static void
test_token_provider_finalize (GObject *object)
{
  g_free (TEST_TOKEN_PROVIDER (object)->token);
  G_OBJECT_CLASS (test_token_provider_parent_class)->finalize (object);
}

static void
test_token_provider_class_init (TestTokenProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_token_provider_finalize;
}

static void
test_token_provider_init (TestTokenProvider *self)
{
}

static void
test_token_refreshed_once (void)
{
  g_autoptr(SluiceDataallClient) client = client_for (shared, NULL);
  g_autoptr(TestTokenProvider) provider = g_object_new (TEST_TYPE_TOKEN_PROVIDER, NULL);
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean enabled = FALSE;

  provider->emulator = shared;
  provider->refresh_works = TRUE;
  g_assert_true (sluice_test_emulator_sign_in (shared, ENGINEER, &provider->token, &error));
  sluice_dataall_client_set_token_provider (client, SLUICE_DATAALL_TOKEN_PROVIDER (provider));

  /* Every access token so far expires: the client reports the 403, gets a new one, retries. */
  add_fault (shared, "{\"kind\": \"expire-tokens\", \"match\": \"ListDataPipelinesCount\"}");
  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &result);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&result), &enabled, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enabled);
  g_assert_cmpuint (provider->calls, ==, 2);
  g_assert_cmpuint (provider->refreshes, ==, 1);
  g_assert_cmpint (provider->last_kind, ==, SLUICE_DATAALL_TOKEN_ACCESS);

  /* A refresh that does not help: reported once, no loop. */
  provider->refresh_works = FALSE;
  provider->calls = provider->refreshes = 0;
  g_free (provider->token);
  provider->token = g_strdup ("not-a-token");
  pipeline = get_pipeline (client, "esok50ll", &error);
  g_assert_null (pipeline);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpuint (provider->calls, ==, 2);
  g_assert_cmpuint (provider->refreshes, ==, 1);
  g_clear_error (&error);

  /* Before data.all 2.7: the provider is asked for the ID token, sent without "Bearer ". */
  sluice_dataall_client_set_id_token_auth (client, TRUE);
  pipeline = get_pipeline (client, "esok50ll", &error);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  g_assert_cmpint (provider->last_kind, ==, SLUICE_DATAALL_TOKEN_ID);
}

static void
test_every_document_sent (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE_PATH "/graphql/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), >=, 20);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *document = g_strndup (names[i], strlen (names[i]) - strlen (".graphql"));

      if (!g_hash_table_contains (sent_documents, document))
        g_error ("no test sent %s to the emulator", document);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sent_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_log_set_writer_func (record_documents_writer, NULL, NULL);
  sluice_test_init_core (&argc, &argv);

  shared = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sluice/dataall-client/probe-and-list", test_probe_and_list);
  g_test_add_func ("/sluice/dataall-client/list-filter", test_list_filter);
  g_test_add_func ("/sluice/dataall-client/get-pipeline-and-credentials", test_get_pipeline_and_credentials);
  g_test_add_func ("/sluice/dataall-client/environments-teams-datasets", test_environments_teams_datasets);
  g_test_add_func ("/sluice/dataall-client/pipeline-lifecycle", test_pipeline_lifecycle);
  g_test_add_func ("/sluice/dataall-client/stack-logs", test_stack_logs);
  g_test_add_func ("/sluice/dataall-client/legacy-create", test_legacy_create);
  g_test_add_func ("/sluice/dataall-client/error/network", test_error_network);
  g_test_add_func ("/sluice/dataall-client/error/dropped-query-is-retried", test_error_dropped_query_is_retried);
  g_test_add_func ("/sluice/dataall-client/error/mutation-never-retried", test_error_mutation_never_retried);
  g_test_add_func ("/sluice/dataall-client/error/server", test_error_server);
  g_test_add_func ("/sluice/dataall-client/error/timeout", test_error_timeout);
  g_test_add_func ("/sluice/dataall-client/error/not-signed-in", test_error_not_signed_in);
  g_test_add_func ("/sluice/dataall-client/error/reauth", test_error_reauth);
  g_test_add_func ("/sluice/dataall-client/error/not-authorized", test_error_not_authorized);
  g_test_add_func ("/sluice/dataall-client/error/not-found", test_error_not_found);
  g_test_add_func ("/sluice/dataall-client/error/invalid-input", test_error_invalid_input);
  g_test_add_func ("/sluice/dataall-client/error/feature-disabled", test_error_feature_disabled);
  g_test_add_func ("/sluice/dataall-client/error/invalid-request", test_error_invalid_request);
  g_test_add_func ("/sluice/dataall-client/error/too-large", test_error_too_large);
  g_test_add_func ("/sluice/dataall-client/cancel", test_cancel);
  g_test_add_func ("/sluice/dataall-client/token-refreshed-once", test_token_refreshed_once);
  g_test_add_func ("/sluice/dataall-client/request-shape", test_request_shape);
  g_test_add_func ("/sluice/dataall-client/retry-backoff-cancellable", test_retry_backoff_cancellable);
  /* Last (a suite added after the others): it checks what they sent. */
  g_test_add_func ("/sluice/dataall-client/summary/every-document-sent", test_every_document_sent);

  status = g_test_run ();
  sluice_test_emulator_stop (shared);
  g_hash_table_unref (sent_documents);
  return status;
}
