/* test-pipeline-editor.c: the Edit dialog of a pipeline, against the emulator
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-dataall-api.h"
#include "sluice-pipeline-editor.h"
#include "sluice-pipeline-updater.h"
#include "sluice-stage.h"
#include "sluice-test-emulator.h"
#include "sluice-test-utils.h"

static SluiceTestEmulator *emulator;

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

static SluicePipeline *
fetch (SluiceAccount *account,
       const char    *uri)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SluicePipeline *pipeline;

  sluice_dataall_client_get_pipeline_async (sluice_account_get_client (account), uri, NULL,
                                            got_result_cb, &result);
  pipeline = sluice_dataall_client_get_pipeline_finish (sluice_account_get_client (account),
                                                        wait_result (&result), &error);
  g_assert_no_error (error);
  return pipeline;
}

static const char *
environment_uri (SluiceAccount *account,
                 const char    *label)
{
  static GListModel *environments;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (environments == NULL)
    {
      sluice_dataall_client_list_environments_async (sluice_account_get_client (account), NULL,
                                                     got_result_cb, &result);
      environments = sluice_dataall_client_list_environments_finish (sluice_account_get_client (account),
                                                                     wait_result (&result), &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (environments, i);

      if (g_str_equal (sluice_environment_get_label (environment), label))
        return sluice_environment_get_uri (environment);
    }
  g_assert_not_reached ();
}

/* A GitFlow pipeline with dev, test and prod, as getDataPipeline answers it. */
static SluicePipeline *
create_pipeline (SluiceAccount *account,
                 const char    *label)
{
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_autoptr(SluicePipelineCreator) creator = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_draft_set_name (draft, label);
  sluice_pipeline_draft_set_description (draft, "Loads the orders.");
  sluice_pipeline_draft_set_environment (draft, environment_uri (account, "CICD"), "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_set_strategy (draft, SLUICE_DEV_STRATEGY_GITFLOW);
  sluice_pipeline_draft_add_stage (draft, "dev", environment_uri (account, "DEV"), "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "test", environment_uri (account, "TEST"), "TEST", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", environment_uri (account, "PROD"), "PROD", "DataEngineers");
  creator = sluice_pipeline_creator_new (sluice_account_get_client (account), draft);
  sluice_pipeline_creator_run_async (creator, NULL, got_result_cb, &result);
  g_assert_true (sluice_pipeline_creator_run_finish (creator, wait_result (&result), &error));
  g_assert_no_error (error);
  return fetch (account, sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (creator)));
}

static char *
describe_stages (SluicePipeline *pipeline)
{
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (text, "%s%d. %s", i > 0 ? ", " : "", sluice_stage_get_order (stage),
                              sluice_stage_get_stage (stage));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *label)
{
  GtkWidget *widget = sluice_test_find_widget (root, type, label);

  if (widget == NULL)
    g_error ("No %s labelled “%s”", g_type_name (type), label ? label : "(any)");
  return widget;
}

/* The stage rows are built once the environments arrived: a combo row lists them. */
static gboolean
environments_shown (gpointer data)
{
  GtkWidget *row = sluice_test_find_widget (data, ADW_TYPE_EXPANDER_ROW, "Stage 2: test");
  GtkWidget *combo = row ? sluice_test_find_widget (row, ADW_TYPE_COMBO_ROW, "Environment") : NULL;
  GListModel *model = combo ? adw_combo_row_get_model (ADW_COMBO_ROW (combo)) : NULL;

  return model != NULL && g_list_model_get_n_items (model) > 2;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
saved_cb (SluicePipelineEditor *editor,
          gboolean              complete,
          gboolean             *flag)
{
  *flag = TRUE;
}

static gboolean
save_enabled (GtkWidget *editor)
{
  return gtk_widget_get_sensitive (find (editor, GTK_TYPE_BUTTON, "_Save"));
}

static void
test_edit_and_save (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-editor", "engineer@example.com");
  g_autoptr(SluicePipeline) pipeline = create_pipeline (account, "Orders ETL");
  g_autoptr(SluicePipeline) saved = NULL;
  g_autofree char *stages = NULL;
  GtkWidget *editor;
  GtkWidget *name;
  GtkWidget *row;
  GtkTextBuffer *buffer;
  gboolean saved_flag = FALSE;

  editor = GTK_WIDGET (sluice_pipeline_editor_new (account, pipeline));
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_flag);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (sluice_test_wait_for (environments_shown, editor, 10000));

  /* Filled from the pipeline; nothing to save yet, and Save says why. */
  name = find (editor, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Orders ETL");
  g_assert_nonnull (find (editor, ADW_TYPE_EXPANDER_ROW, "Stage 3: prod"));
  g_assert_false (save_enabled (editor));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find (editor, GTK_TYPE_BUTTON, "_Save")), ==,
                   "Nothing has changed yet.");

  /* An empty name is refused at the field; what was typed elsewhere stays. */
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_false (save_enabled (editor));
  gtk_editable_set_text (GTK_EDITABLE (name), "Orders ETL v2");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_true (save_enabled (editor));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (editor, GTK_TYPE_TEXT_VIEW, NULL)));
  gtk_text_buffer_set_text (buffer, "Loads the orders, twice a day.", -1);
  gtk_editable_set_text (GTK_EDITABLE (find (editor, ADW_TYPE_ENTRY_ROW, "Add tag")), "eu");
  g_signal_emit_by_name (find (editor, ADW_TYPE_ENTRY_ROW, "Add tag"), "apply");
  g_assert_nonnull (find (editor, GTK_TYPE_BUTTON, "Remove tag eu"));

  /* Closing with edits asks first, and keeping them keeps the dialog. */
  gtk_window_close (GTK_WINDOW (editor));
  {
    GtkWidget *ask = NULL;
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        ask = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (ask);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (ask)), ==, "Discard Changes?");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "cancel");
    g_assert_true (gtk_widget_get_visible (editor));
  }

  /* Stage 2 becomes "qa": another row for data.all. */
  row = find (editor, ADW_TYPE_EXPANDER_ROW, "Stage 2: test");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find (row, ADW_TYPE_ENTRY_ROW, "Stage name")), "qa");
  g_assert_nonnull (find (editor, ADW_TYPE_EXPANDER_ROW, "Stage 2: qa"));
  g_assert_null (sluice_test_find_widget (editor, GTK_TYPE_LABEL,
                                         "This pipeline has no stage named “prod”, the one that builds "
                                         "branch main. You can save it like this, but it will not deploy "
                                         "to production."));
  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 900);
  sluice_test_save_screenshot (editor, "pipeline-editor.png");

  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_object_ref (editor);
  g_assert_true (sluice_test_wait_for (flag_set, &saved_flag, 15000));
  /* Everything saved: the dialog closed. */
  g_assert_false (gtk_widget_get_visible (editor));
  g_object_unref (editor);

  saved = fetch (account, sluice_pipeline_get_uri (pipeline));
  g_assert_cmpstr (sluice_pipeline_get_label (saved), ==, "Orders ETL v2");
  g_assert_cmpstr (sluice_pipeline_get_description (saved), ==, "Loads the orders, twice a day.");
  g_assert_cmpstr (sluice_pipeline_get_tags (saved)[0], ==, "eu");
  stages = describe_stages (saved);
  g_assert_cmpstr (stages, ==, "1. dev, 2. qa, 3. prod");
}

static gboolean
retry_shown (gpointer data)
{
  GtkWidget *retry = sluice_test_find_widget (data, GTK_TYPE_BUTTON, "_Retry");

  return retry != NULL && gtk_widget_get_visible (retry) && gtk_widget_get_sensitive (retry);
}

static void
test_without_prod_fault_retry (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-editor-2", "engineer@example.com");
  g_autoptr(SluicePipeline) pipeline = create_pipeline (account, "Clicks");
  g_autoptr(SluicePipeline) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stages = NULL;
  GtkWidget *editor;
  GtkWidget *row;
  GtkWidget *remove;
  GtkWidget *warning;
  gboolean saved_flag = FALSE;

  editor = GTK_WIDGET (sluice_pipeline_editor_new (account, pipeline));
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_flag);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (sluice_test_wait_for (environments_shown, editor, 10000));

  /* Without "prod": flagged, but it can be saved. */
  row = find (editor, ADW_TYPE_EXPANDER_ROW, "Stage 3: prod");
  remove = find (row, GTK_TYPE_BUTTON, "Remove Stage");
  g_signal_emit_by_name (remove, "clicked");
  sluice_test_iterate (100);
  g_assert_null (sluice_test_find_widget (editor, ADW_TYPE_EXPANDER_ROW, "Stage 3: prod"));
  warning = find (editor, GTK_TYPE_LABEL,
                  "This pipeline has no stage named “prod”, the one that builds branch main. You can "
                  "save it like this, but it will not deploy to production.");
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (save_enabled (editor));

  /* The server fails the removal once: the dialog says so and offers Retry. */
  sluice_test_emulator_add_fault (emulator, "{\"kind\": \"http500\", \"match\": \"deleteDataPipelineEnvironment\", "
                                            "\"count\": 1}", &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_true (sluice_test_wait_for (retry_shown, editor, 15000));
  g_assert_true (saved_flag);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_nonnull (find (editor, ADW_TYPE_ACTION_ROW, "Remove stage “prod” in PROD"));
  g_assert_nonnull (find (editor, GTK_TYPE_BUTTON, "_Close"));
  sluice_test_save_screenshot (editor, "pipeline-editor-failed.png");

  saved_flag = FALSE;
  g_object_ref (editor);
  gtk_widget_activate_action (editor, "editor.retry", NULL);
  g_assert_true (sluice_test_wait_for (flag_set, &saved_flag, 15000));
  g_assert_false (gtk_widget_get_visible (editor));
  g_object_unref (editor);

  saved = fetch (account, sluice_pipeline_get_uri (pipeline));
  stages = describe_stages (saved);
  g_assert_cmpstr (stages, ==, "1. dev, 2. test");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sluice_test_init_ui (&argc, &argv);

  /* AdwApplication loads the application's style sheet; these windows have none. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sluice/pipeline-editor/edit-and-save", test_edit_and_save);
  g_test_add_func ("/sluice/pipeline-editor/without-prod-fault-retry", test_without_prod_fault_retry);

  status = g_test_run ();
  sluice_test_emulator_stop (emulator);
  return status;
}
