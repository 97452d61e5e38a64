/* test-deployment-view.c: the Deployment section, ddk.json as a form
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sluice-deployment-view.h"
#include "sluice-test-utils.h"

static SluicePipeline *
make_pipeline (const char *strategy)
{
  g_autofree char *json = g_strdup_printf (
    "{\"DataPipelineUri\": \"ttp08kft\", \"name\": \"dataall-sales-ingest-ttp08kft\", \"devStrategy\": \"%s\","
    " \"environment\": {\"environmentUri\": \"e0\", \"AwsAccountId\": \"111111111111\", \"region\": \"eu-west-1\"},"
    " \"developmentEnvironments\": {\"count\": 3, \"nodes\": ["
    "  {\"envPipelineUri\": \"s1\", \"stage\": \"dev\", \"order\": 1, \"AwsAccountId\": \"222222222222\", \"region\": \"eu-west-1\"},"
    "  {\"envPipelineUri\": \"s2\", \"stage\": \"test\", \"order\": 2, \"AwsAccountId\": \"333333333333\", \"region\": \"eu-west-1\"},"
    "  {\"envPipelineUri\": \"s3\", \"stage\": \"prod\", \"order\": 3, \"AwsAccountId\": \"444444444444\", \"region\": \"eu-central-1\"}]}}",
    strategy);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return sluice_pipeline_new_from_json (json_node_get_object (node));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
stage_row (GtkWidget  *view,
           const char *stage,
           GType       type,
           const char *title)
{
  GtkWidget *group = find_named (view, stage);
  GtkWidget *row;

  g_assert_nonnull (group);
  row = sluice_test_find_widget (group, type, title);
  g_assert_nonnull (row);
  return row;
}

/* The note on GitFlow pipelines: the first label of the form. */
static GtkWidget *
find_note (GtkWidget *view)
{
  GtkStack *stack = GTK_STACK (sluice_test_find_widget (view, GTK_TYPE_STACK, NULL));
  GtkWidget *note = sluice_test_find_widget (gtk_stack_get_child_by_name (stack, "form"), GTK_TYPE_LABEL, NULL);

  g_assert_true (gtk_widget_has_css_class (note, "deployment-note"));
  return note;
}

static GtkSwitch *
row_switch (GtkWidget *row)
{
  GtkWidget *toggle = sluice_test_find_widget (row, GTK_TYPE_SWITCH, NULL);

  g_assert_nonnull (toggle);
  return GTK_SWITCH (toggle);
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  return g_value_dup_string (&value);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
saved (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_form (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-deployment-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ddk.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "ddk-json", "dataall-trunk.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) config = NULL;
  g_autoptr(SluicePipeline) pipeline = make_pipeline ("trunk");
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = sluice_deployment_view_new ();
  GtkWidget *row, *account, *note, *bootstrap, *copy, *problems;
  AdwMessageDialog *dialog;
  JsonNode *node;
  guint saves = 0;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  config = sluice_ddk_config_load (file, NULL, &error);
  g_assert_no_error (error);

  g_object_ref (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 760);
  adw_window_set_content (ADW_WINDOW (window), view);
  sluice_deployment_view_set_pipeline (SLUICE_DEPLOYMENT_VIEW (view), pipeline);
  sluice_deployment_view_set_config (SLUICE_DEPLOYMENT_VIEW (view), config);
  g_signal_connect_swapped (view, "saved", G_CALLBACK (g_atomic_int_inc), &saves);
  gtk_window_present (GTK_WINDOW (window));
  sluice_test_flush_widget (window);

  /* Prefilled: the file lacked the test stage, data.all knows its account and region. */
  g_assert_cmpstr (sluice_ddk_config_get_account (config, "test"), ==, "333333333333");
  g_assert_true (sluice_ddk_config_get_modified (config));
  row = sluice_test_find_widget (view, ADW_TYPE_ENTRY_ROW, "AWS Account");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "111111111111");
  account = stage_row (view, "test", ADW_TYPE_ENTRY_ROW, "AWS Account");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (account)), ==, "333333333333");
  note = find_note (view);
  g_assert_false (gtk_widget_get_visible (note));

  /* Checked at the field: a wrong account is marked, explained, and blocks saving. */
  account = stage_row (view, "dev", ADW_TYPE_ENTRY_ROW, "AWS Account");
  gtk_editable_set_text (GTK_EDITABLE (account), "12345");
  g_assert_true (gtk_widget_has_css_class (account, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (account), ==,
                   "“12345” is not an AWS account ID: it must be exactly 12 digits.");
  problems = sluice_test_find_widget (view, GTK_TYPE_LABEL,
                                      "“12345” is not an AWS account ID: it must be exactly 12 digits.");
  g_assert_nonnull (problems);
  g_assert_true (gtk_widget_get_visible (problems));
  gtk_widget_activate_action (view, "deployment.save", NULL);
  g_assert_null (find_dialog ());
  gtk_editable_set_text (GTK_EDITABLE (account), "999999999999");
  g_assert_false (gtk_widget_has_css_class (account, "error"));
  g_assert_cmpstr (sluice_ddk_config_get_account (config, "dev"), ==, "999999999999");
  g_assert_false (gtk_widget_get_visible (problems));

  /* The bootstrap command of each stage account, with a copy button. */
  bootstrap = sluice_test_find_widget (view, ADW_TYPE_ACTION_ROW, "Account 999999999999 (eu-west-1), for dev");
  g_assert_nonnull (bootstrap);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bootstrap)), ==,
                   "cdk bootstrap aws://999999999999/eu-west-1 --trust 111111111111 "
                   "--cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess");
  copy = sluice_test_find_widget (bootstrap, GTK_TYPE_BUTTON, "Copy the bootstrap command for account 999999999999");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  {
    g_autofree char *copied = clipboard_text (copy);

    g_assert_cmpstr (copied, ==, adw_action_row_get_subtitle (ADW_ACTION_ROW (bootstrap)));
  }
  g_assert_nonnull (sluice_test_find_widget (view, ADW_TYPE_ACTION_ROW,
                                             "Account 999999999999, set up with DDK before 1.0"));

  /* A stage that stops deploying to its own account takes the CI/CD account, and needs no
   * bootstrap any more. */
  row = stage_row (view, "prod", ADW_TYPE_ACTION_ROW, "Deploys to Its Own Account");
  g_assert_true (gtk_switch_get_active (row_switch (row)));
  gtk_switch_set_active (row_switch (row), FALSE);
  g_assert_cmpstr (sluice_ddk_config_get_account (config, "prod"), ==, "111111111111");
  g_assert_false (gtk_widget_get_sensitive (stage_row (view, "prod", ADW_TYPE_ENTRY_ROW, "AWS Account")));
  g_assert_null (sluice_test_find_widget (view, ADW_TYPE_ACTION_ROW, "Account 444444444444 (eu-central-1), for prod"));

  /* Resource settings as rows. */
  row = stage_row (view, "dev", ADW_TYPE_ACTION_ROW, "Bucket Versioning");
  gtk_switch_set_active (row_switch (row), TRUE);
  node = sluice_ddk_config_get_resource_setting (config, "dev", "ddk-bucket", "versioned");
  g_assert_true (node != NULL && json_node_get_boolean (node));
  row = stage_row (view, "dev", ADW_TYPE_COMBO_ROW, "Bucket Removal Policy");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  node = sluice_ddk_config_get_resource_setting (config, "dev", "ddk-bucket", "removal_policy");
  g_assert_cmpstr (json_node_get_string (node), ==, "destroy");

  sluice_test_save_screenshot (window, "deployment-view.png");
  {
    GtkStack *stack = GTK_STACK (sluice_test_find_widget (view, GTK_TYPE_STACK, NULL));
    GtkWidget *scrolled = gtk_stack_get_child_by_name (stack, "form");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    /* The focused first row would scroll itself back into view. */
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
    sluice_test_flush_widget (window);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    sluice_test_save_screenshot (window, "deployment-view-bootstrap.png");
  }

  /* Save: first the change to look at, then the file. */
  g_assert_true (gtk_widget_activate_action (view, "deployment.save", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  {
    GtkWidget *diff = sluice_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW, NULL);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (diff));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (shown, "\n-            \"account\": \"222222222222\",\n"));
    g_assert_nonnull (strstr (shown, "\n+            \"account\": \"999999999999\",\n"));
    g_assert_nonnull (strstr (shown, "\n+        \"test\": {\n"));
  }
  sluice_test_save_screenshot (GTK_WIDGET (dialog), "deployment-view-diff.png");
  adw_message_dialog_response (dialog, "save");
  g_assert_true (sluice_test_wait_for (saved, &saves, 5000));
  g_assert_cmpuint (saves, ==, 1);
  g_assert_false (sluice_ddk_config_get_modified (config));
  {
    g_autofree char *written = NULL;
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
    g_assert_nonnull (strstr (written, "\"account\": \"999999999999\""));
    g_assert_nonnull (strstr (written, "\"removal_policy\": \"destroy\""));
    g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, text);
  }
  g_assert_nonnull (sluice_test_find_widget (view, GTK_TYPE_LABEL, "ddk.json saved."));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_gitflow_and_empty (void)
{
  g_autoptr(SluicePipeline) pipeline = make_pipeline ("gitflow");
  GtkWidget *view = g_object_ref_sink (sluice_deployment_view_new ());
  GtkWidget *note;
  GtkStack *stack;

  /* Nothing to edit until there is a clone. */
  stack = GTK_STACK (sluice_test_find_widget (view, GTK_TYPE_STACK, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (sluice_test_find_widget (view, ADW_TYPE_STATUS_PAGE, "No Deployment Configuration"));

  /* DDK's multi-account mode is trunk-based: a GitFlow pipeline is told so. */
  sluice_deployment_view_set_pipeline (SLUICE_DEPLOYMENT_VIEW (view), pipeline);
  note = find_note (view);
  g_assert_true (gtk_widget_get_visible (note));
  {
    g_autoptr(SluicePipeline) trunk = make_pipeline ("cdk-trunk");

    sluice_deployment_view_set_pipeline (SLUICE_DEPLOYMENT_VIEW (view), trunk);
    g_assert_false (gtk_widget_get_visible (note));
    sluice_deployment_view_set_pipeline (SLUICE_DEPLOYMENT_VIEW (view), NULL);
  }
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/deployment-view/form", test_form);
  g_test_add_func ("/deployment-view/gitflow-and-empty", test_gitflow_and_empty);

  return g_test_run ();
}
