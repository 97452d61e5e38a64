/* test-pipeline-page.c: the pipeline page as a shell: it builds, shows its tabs, and routes
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-key-value-tags-view.h"
#include "sluice-pipeline-list.h"
#include "sluice-pipeline-page-private.h"
#include "sluice-stack-view.h"
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

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A pipeline as the list has it, before the page asks for it. */
static SluicePipeline *
listed_pipeline (SluiceAccount *account,
                 const char    *label)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_list_load_async (list, sluice_account_get_client (account), NULL, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  g_assert_true (sluice_pipeline_list_load_finish (list, result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        return g_steal_pointer (&pipeline);
    }
  g_error ("no pipeline %s", label);
}

static gboolean
page_idle (gpointer data)
{
  return !sluice_pipeline_page_get_busy (data) && !sluice_pipeline_page_get_loading (data);
}

static GtkWidget *
window_with_page (SluiceAccount       *account,
                  const char          *label,
                  SluicePipelinePage **page)
{
  g_autoptr(SluicePipeline) pipeline = listed_pipeline (account, label);
  GtkWidget *window = gtk_window_new ();

  *page = sluice_pipeline_page_new (account, pipeline);
  g_object_ref_sink (*page);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sluice_test_wait_for (page_idle, *page, 10000));
  return window;
}

static void
test_shell (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-pipeline-page",
                                                                        "engineer@example.com");
  SluicePipelinePage *page;
  GtkWidget *window = window_with_page (account, "customer-360", &page);
  SluiceStackView *stack_view;
  SluiceKeyValueTagsView *tags_view;
  AdwViewStack *tabs;

  /* The header names the pipeline, and the Overview costs one request. */
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "customer-360"));
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), ==, 1);
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "overview");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Local Clone"));

  /* Three tabs, each a class of its own; only the one shown loads. */
  tabs = ADW_VIEW_STACK (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL));
  g_assert_nonnull (tabs);
  g_assert_nonnull (adw_view_stack_get_child_by_name (tabs, "overview"));
  stack_view = SLUICE_STACK_VIEW (adw_view_stack_get_child_by_name (tabs, "stack"));
  tags_view = SLUICE_KEY_VALUE_TAGS_VIEW (adw_view_stack_get_child_by_name (tabs, "tags"));
  g_assert_true (SLUICE_IS_STACK_VIEW (stack_view));
  g_assert_true (SLUICE_IS_KEY_VALUE_TAGS_VIEW (tags_view));
  g_assert_false (sluice_stack_view_get_requested (stack_view));
  g_assert_false (sluice_key_value_tags_view_get_requested (tags_view));
  /* The tabs have the pipeline getDataPipeline gave, the header the stack's status. */
  g_assert_true (sluice_stack_view_get_pipeline (stack_view) == sluice_pipeline_page_get_pipeline (page));
  g_assert_true (sluice_key_value_tags_view_get_pipeline (tags_view) == sluice_pipeline_page_get_pipeline (page));
  g_assert_nonnull (sluice_pipeline_page_get_stack_status (page));

  /* Routing: a tab shown loads its data; Ctrl+Page Down and Alt+1 as actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.show-tab", "s", "stack"));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "stack");
  g_assert_true (sluice_stack_view_get_requested (stack_view));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.next-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "stages");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.next-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "tags");
  g_assert_true (sluice_key_value_tags_view_get_requested (tags_view));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.next-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "deployment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.next-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.previous-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "deployment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.previous-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "tags");

  /* The page's tag commands reach the Tags tab, and their enablement follows it. */
  {
    guint n = sluice_key_value_tags_view_get_n_tags (tags_view);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.add-tag", NULL));
    g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (tags_view), ==, n + 1);
    g_assert_true (sluice_key_value_tags_view_get_changed (tags_view));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.revert-tags", NULL));
    g_assert_cmpuint (sluice_key_value_tags_view_get_n_tags (tags_view), ==, n);
    g_assert_false (sluice_key_value_tags_view_get_changed (tags_view));
  }

  /* Reloading asks for the pipeline again, and for the tab shown. */
  sluice_pipeline_page_reload (page);
  g_assert_true (sluice_pipeline_page_get_loading (page));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
deleted_cb (SluicePipelinePage *page,
            const char         *uri,
            char              **deleted)
{
  *deleted = g_strdup (uri);
}

static gboolean
has_string (gpointer data)
{
  return *(char **) data != NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  return dialog;
}

/* Deleting says so with the deleted signal only: the page has no container here to go back in,
 * and needs none. Cancelling the dialog deletes nothing. */
static void
test_delete_signal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) own = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceAccount) account = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *uri = NULL;
  SluicePipelinePage *page;
  AdwMessageDialog *dialog;
  GtkWidget *window;
  GtkWidget *entry;

  g_assert_no_error (error);
  account = sluice_test_emulator_new_account (own, "test-pipeline-page", "engineer@example.com");
  window = window_with_page (account, "ml-features", &page);
  uri = g_strdup (sluice_pipeline_get_uri (sluice_pipeline_page_get_pipeline (page)));
  g_signal_connect (page, "deleted", G_CALLBACK (deleted_cb), &deleted);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  sluice_test_iterate (100);
  g_assert_null (deleted);
  g_assert_false (sluice_pipeline_page_get_loading (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  entry = sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ml-features");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  adw_message_dialog_response (dialog, "delete");
  g_assert_true (sluice_test_wait_for (has_string, &deleted, 10000));
  g_assert_cmpstr (deleted, ==, uri);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sluice_test_init_ui (&argc, &argv);

  emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sluice/pipeline-page/shell", test_shell);
  g_test_add_func ("/sluice/pipeline-page/delete-signal", test_delete_signal);

  status = g_test_run ();
  sluice_test_emulator_stop (emulator);
  return status;
}
