/* test-pipeline-update.c
 *
 * Saving a pipeline's edits (SluicePipelineUpdater) against the emulator: the plan of
 * mutations for renamed, removed, added, reordered and re-teamed stages, everything recorded
 * as planned, a failing step resumed by a retry, and nothing to do when nothing changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-dataall-api.h"
#include "sluice-pipeline-draft.h"
#include "sluice-pipeline-updater.h"
#include "sluice-stage.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define ENGINEER "engineer@example.com"

typedef struct
{
  SluiceTestEmulator  *emulator;
  SluiceDataallClient *client;
  char                *token;
  GHashTable          *environments; /* label → uri */
  SluicePipeline      *pipeline;     /* created by the fixture: dev, test, prod */
} Fixture;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static const char *
env (Fixture    *fixture,
     const char *label)
{
  const char *uri = g_hash_table_lookup (fixture->environments, label);

  g_assert_nonnull (uri);
  return uri;
}

static SluicePipeline *
fetch (Fixture    *fixture,
       const char *uri)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SluicePipeline *pipeline;

  sluice_dataall_client_get_pipeline_async (fixture->client, uri, NULL, got_result_cb, &result);
  pipeline = sluice_dataall_client_get_pipeline_finish (fixture->client, wait_result (&result), &error);
  g_assert_no_error (error);
  return pipeline;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) environments = NULL;
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_autoptr(SluicePipelineCreator) creator = NULL;

  fixture->emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sluice_test_emulator_sign_in (fixture->emulator, ENGINEER, &fixture->token, &error));
  g_assert_no_error (error);
  fixture->client = sluice_dataall_client_new (sluice_test_emulator_get_url (fixture->emulator));
  sluice_dataall_client_set_token (fixture->client, fixture->token);

  sluice_dataall_client_list_environments_async (fixture->client, NULL, got_result_cb, &result);
  environments = sluice_dataall_client_list_environments_finish (fixture->client,
                                                                 wait_result (&result), &error);
  g_assert_no_error (error);
  fixture->environments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (environments, i);

      g_hash_table_insert (fixture->environments,
                           g_strdup (sluice_environment_get_label (environment)),
                           g_strdup (sluice_environment_get_uri (environment)));
    }

  sluice_pipeline_draft_set_name (draft, "Orders ETL");
  sluice_pipeline_draft_set_description (draft, "Loads the orders.");
  sluice_pipeline_draft_add_tag (draft, "orders");
  sluice_pipeline_draft_set_environment (draft, env (fixture, "CICD"), "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_set_strategy (draft, SLUICE_DEV_STRATEGY_GITFLOW);
  sluice_pipeline_draft_add_stage (draft, "dev", env (fixture, "DEV"), "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "test", env (fixture, "TEST"), "TEST", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", env (fixture, "PROD"), "PROD", "DataEngineers");
  creator = sluice_pipeline_creator_new (fixture->client, draft);
  g_clear_object (&result);
  sluice_pipeline_creator_run_async (creator, NULL, got_result_cb, &result);
  g_assert_true (sluice_pipeline_creator_run_finish (creator, wait_result (&result), &error));
  g_assert_no_error (error);
  fixture->pipeline = fetch (fixture, sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)));
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_object (&fixture->pipeline);
  g_clear_pointer (&fixture->environments, g_hash_table_unref);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->emulator, sluice_test_emulator_stop);
}

static gboolean
run (SluicePipelineUpdater  *updater,
     GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_pipeline_updater_run_async (updater, NULL, got_result_cb, &result);
  return sluice_pipeline_updater_run_finish (updater, wait_result (&result), error);
}

/* "order. stage env team" for each stage, in order. */
static char *
describe_stages (SluicePipeline *pipeline)
{
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (text, "%s%d. %s %s %s", i > 0 ? ", " : "", sluice_stage_get_order (stage),
                              sluice_stage_get_stage (stage), sluice_stage_get_environment_label (stage),
                              sluice_stage_get_team (stage));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_steps (SluicePipelineUpdater *updater)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sluice_pipeline_updater_get_n_steps (updater); i++)
    {
      g_autofree char *title = sluice_pipeline_updater_dup_step_title (updater, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " | " : "", title);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_draft_mirrors_pipeline (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_updater_new_draft (fixture->pipeline);
  g_autoptr(SluicePipelineUpdater) updater = NULL;
  const SluiceDraftStage *stage;

  g_assert_cmpstr (sluice_pipeline_draft_get_name (draft), ==, "Orders ETL");
  g_assert_cmpstr (sluice_pipeline_draft_get_description (draft), ==, "Loads the orders.");
  g_assert_cmpstr (sluice_pipeline_draft_get_tags (draft)[0], ==, "orders");
  g_assert_cmpstr (sluice_pipeline_draft_get_team (draft), ==, "DataEngineers");
  g_assert_cmpint (sluice_pipeline_draft_get_strategy (draft), ==, SLUICE_DEV_STRATEGY_GITFLOW);
  g_assert_cmpuint (sluice_pipeline_draft_get_n_stages (draft), ==, 3);
  stage = sluice_pipeline_draft_get_stage (draft, 1);
  g_assert_cmpstr (stage->name, ==, "test");
  g_assert_cmpstr (stage->environment_uri, ==, env (fixture, "TEST"));
  g_assert_cmpstr (stage->environment_label, ==, "TEST");
  g_assert_cmpstr (stage->team, ==, "DataEngineers");

  /* Nothing changed, nothing to send. */
  updater = sluice_pipeline_updater_new (fixture->client, fixture->pipeline, draft);
  g_assert_cmpuint (sluice_pipeline_updater_get_n_steps (updater), ==, 0);
  g_assert_true (sluice_pipeline_updater_is_done (updater));
}

static void
test_edit_everything (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_updater_new_draft (fixture->pipeline);
  g_autoptr(SluicePipelineUpdater) updater = NULL;
  g_autoptr(SluicePipeline) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *stages = NULL;

  /* Rename, new description and tags; "test" becomes "qa" (another row), prod moves up,
   * dev gets another team. */
  sluice_pipeline_draft_set_name (draft, "Orders ETL v2");
  sluice_pipeline_draft_set_description (draft, "Loads the orders, “twice” a day.");
  sluice_pipeline_draft_add_tag (draft, "eu");
  sluice_pipeline_draft_set_stage_name (draft, 1, "qa");
  sluice_pipeline_draft_move_stage (draft, 2, 1);
  sluice_pipeline_draft_set_stage_team (draft, 0, "Scientists");

  updater = sluice_pipeline_updater_new (fixture->client, fixture->pipeline, draft);
  steps = describe_steps (updater);
  g_assert_cmpstr (steps, ==,
                   "Save the name, description and tags | "
                   "Remove stage “test” in TEST | "
                   "Update stage 1, “dev”, in DEV | "
                   "Update stage 2, “prod”, in PROD | "
                   "Add stage 3, “qa”, in TEST");
  g_assert_cmpint (sluice_pipeline_updater_get_step_kind (updater, 1), ==, SLUICE_UPDATE_STEP_DELETE_STAGE);
  g_assert_true (run (updater, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_updater_is_done (updater));

  saved = fetch (fixture, sluice_pipeline_get_uri (fixture->pipeline));
  g_assert_cmpstr (sluice_pipeline_get_label (saved), ==, "Orders ETL v2");
  g_assert_cmpstr (sluice_pipeline_get_description (saved), ==, "Loads the orders, “twice” a day.");
  g_assert_cmpstr (sluice_pipeline_get_tags (saved)[0], ==, "orders");
  g_assert_cmpstr (sluice_pipeline_get_tags (saved)[1], ==, "eu");
  stages = describe_stages (saved);
  g_assert_cmpstr (stages, ==, "1. dev DEV Scientists, 2. prod PROD DataEngineers, 3. qa TEST DataEngineers");

  /* And from the saved pipeline, nothing is left to do. */
  g_clear_object (&updater);
  updater = sluice_pipeline_updater_new (fixture->client, saved, draft);
  g_assert_cmpuint (sluice_pipeline_updater_get_n_steps (updater), ==, 0);
}

static void
test_fault_then_retry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_updater_new_draft (fixture->pipeline);
  g_autoptr(SluicePipelineUpdater) updater = NULL;
  g_autoptr(SluicePipeline) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *stages = NULL;

  /* Remove "test" (prod moves up to 2), add "qa" and "val": the second creation fails once. */
  sluice_pipeline_draft_remove_stage (draft, 1);
  sluice_pipeline_draft_add_stage (draft, "qa", env (fixture, "TEST"), "TEST", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "val", env (fixture, "TEST"), "TEST", "DataEngineers");
  updater = sluice_pipeline_updater_new (fixture->client, fixture->pipeline, draft);
  g_assert_cmpuint (sluice_pipeline_updater_get_n_steps (updater), ==, 4);
  sluice_test_emulator_add_fault (fixture->emulator,
                                  "{\"kind\": \"http500\", \"match\": \"createDataPipelineEnvironment\", "
                                  "\"skip\": 1}", &error);
  g_assert_no_error (error);

  g_assert_false (run (updater, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpint (sluice_pipeline_updater_get_step_state (updater, 0), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_updater_get_step_state (updater, 1), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_updater_get_step_state (updater, 2), ==, SLUICE_CREATE_STEP_DONE);
  g_assert_cmpint (sluice_pipeline_updater_get_step_state (updater, 3), ==, SLUICE_CREATE_STEP_FAILED);
  message = sluice_pipeline_updater_dup_step_message (updater, 3);
  g_assert_nonnull (message);
  g_assert_false (sluice_pipeline_updater_is_done (updater));

  /* What the server has meanwhile: test gone, qa added. */
  saved = fetch (fixture, sluice_pipeline_get_uri (fixture->pipeline));
  stages = describe_stages (saved);
  g_assert_cmpstr (stages, ==, "1. dev DEV DataEngineers, 2. prod PROD DataEngineers, 3. qa TEST DataEngineers");

  /* Retry goes on from the failed step only. */
  g_assert_true (run (updater, &error));
  g_assert_no_error (error);
  g_assert_true (sluice_pipeline_updater_is_done (updater));
  g_clear_object (&saved);
  g_clear_pointer (&stages, g_free);
  saved = fetch (fixture, sluice_pipeline_get_uri (fixture->pipeline));
  stages = describe_stages (saved);
  g_assert_cmpstr (stages, ==, "1. dev DEV DataEngineers, 2. prod PROD DataEngineers, "
                               "3. qa TEST DataEngineers, 4. val TEST DataEngineers");
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add ("/sluice/pipeline-update/draft-mirrors-pipeline", Fixture, NULL,
              set_up, test_draft_mirrors_pipeline, tear_down);
  g_test_add ("/sluice/pipeline-update/edit-everything", Fixture, NULL,
              set_up, test_edit_everything, tear_down);
  g_test_add ("/sluice/pipeline-update/fault-then-retry", Fixture, NULL,
              set_up, test_fault_then_retry, tear_down);

  return g_test_run ();
}
