/* test-pipelines-view.c: the pipelines browser and the pipeline page, against the emulator
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-pipeline-query.h"
#include "sluice-pipelines-view.h"
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

static SluiceAccount *
signed_in_account (SluiceTestEmulator *emu,
                   const char         *email)
{
  g_autoptr(SluiceAccount) account = sluice_account_new ("test-pipelines-view");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  sluice_account_set_name (account, "Emulated data.all");
  sluice_account_set_api_url (account, sluice_test_emulator_get_url (emu));
  sluice_account_set_provider (account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (account, sluice_test_emulator_get_oauth (emu));
  sluice_account_set_client_id (account, sluice_test_emulator_get_client_id (emu));

  g_assert_true (sluice_test_emulator_sign_in (emu, email, &token, &error));
  g_assert_no_error (error);
  sluice_account_sign_in_with_token_async (account, token, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  g_assert_true (sluice_account_sign_in_with_token_finish (account, result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&account);
}

typedef struct
{
  SluicePipelinesView *view;
  const char          *state;
} StateWait;

static gboolean
view_in_state (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (sluice_pipelines_view_get_state (wait->view), wait->state) == 0;
}

static void
wait_for_state (SluicePipelinesView *view,
                const char          *state)
{
  StateWait wait = { view, state };

  if (!sluice_test_wait_for (view_in_state, &wait, 15000))
    g_error ("view stayed in state %s, expected %s", sluice_pipelines_view_get_state (view), state);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("SLUICE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  /* Let crossfades and slides end: a screenshot shows what a person sees once it settled. */
  sluice_test_iterate (800);
  sluice_test_flush_widget (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
window_with_view (SluicePipelinesView **view)
{
  GtkWidget *window = gtk_window_new ();

  *view = sluice_pipelines_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*view));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
page_complete (gpointer data)
{
  SluicePipelinesView *view = data;
  SluicePipelinePage *page = sluice_pipelines_view_get_page (view);

  return page != NULL && !sluice_pipeline_page_get_loading (page);
}

static gboolean
tags_loaded (gpointer data)
{
  return g_object_get_data (G_OBJECT (data), "sluice-loading-row") == NULL &&
         sluice_test_find_widget (data, GTK_TYPE_LABEL, "Loading…") == NULL;
}

static SluicePipeline *
shown_pipeline (SluicePipelinesView *view,
                guint                position)
{
  g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (sluice_pipelines_view_get_shown (view), position);

  return pipeline;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_signed_out (void)
{
  SluicePipelinesView *view;
  GtkWidget *window = window_with_view (&view);

  g_object_ref (view);
  sluice_test_flush_widget (window);
  g_assert_cmpstr (sluice_pipelines_view_get_state (view), ==, "signed-out");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "Not Signed In"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_list_search_open (void)
{
  g_autoptr(SluiceAccount) account = signed_in_account (emulator, "engineer@example.com");
  SluicePipelinesView *view;
  GtkWidget *window = window_with_view (&view);
  GListModel *shown;
  SluicePipelinePage *page;
  g_autofree char *clone = NULL;
  GtkWidget *search;

  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  shown = sluice_pipelines_view_get_shown (view);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  /* Sorted by name. */
  g_assert_cmpstr (sluice_pipeline_get_label (shown_pipeline (view, 0)), ==, "customer-360");
  g_assert_cmpstr (sluice_pipeline_get_label (shown_pipeline (view, 2)), ==, "sales-ingest");
  /* Row titles are inscriptions: rows bound anew need no new layout. */
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION, "customer-360"));
  save_screenshot (window, "pipelines-list.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  save_screenshot (window, "pipelines-list-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);

  /* Every control is named for assistive technologies. */
  search = sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, "Search pipelines");

  /* Search as you type, over label, description, tags and team. */
  sluice_pipelines_view_set_search (view, "scien");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (sluice_pipeline_get_label (shown_pipeline (view, 0)), ==, "ml-features");
  sluice_pipelines_view_set_search (view, "no such pipeline");
  sluice_test_flush_widget (window);
  g_assert_cmpstr (sluice_pipelines_view_get_state (view), ==, "no-match");
  save_screenshot (window, "pipelines-no-match.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpstr (sluice_pipelines_view_get_state (view), ==, "list");
  /* Rows come back with the widgets of rows gone before, and show their own pipeline: here
   * two that were renamed while hidden, so that a row showing what it showed before fails. */
  sluice_pipelines_view_set_search (view, "scien");
  sluice_test_flush_widget (window);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view))); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view)), i);
      g_autofree char *json = g_strdup_printf ("{\"label\": \"renamed-%s\"}", sluice_pipeline_get_label (pipeline));
      g_autoptr(JsonNode) node = json_from_string (json, NULL);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), "ml-features") != 0)
        sluice_pipeline_update_from_json (pipeline, json_node_get_object (node));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.clear-filters", NULL));
  sluice_test_flush_widget (window);
  g_assert_cmpstr (sluice_pipeline_get_label (shown_pipeline (view, 2)), ==, "renamed-sales-ingest");
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION, "customer-360"));
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION, "sales-ingest"));
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *title = sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION,
                                                  sluice_pipeline_get_label (shown_pipeline (view, i)));

      g_assert_nonnull (title);
      g_assert_true (gtk_widget_get_mapped (title));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view))); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view)), i);
      const char *label = sluice_pipeline_get_label (pipeline);

      if (g_str_has_prefix (label, "renamed-"))
        g_object_set (pipeline, "label", label + strlen ("renamed-"), NULL);
    }
  sluice_pipeline_query_refresh (SLUICE_PIPELINE_QUERY (shown));
  g_assert_cmpstr (sluice_pipeline_get_label (shown_pipeline (view, 0)), ==, "customer-360");

  /* Refresh keeps the list (updated in place). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.refresh", NULL));
  wait_for_state (view, "list");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Open one: its Overview after one request. */
  sluice_pipelines_view_open (view, shown_pipeline (view, 0));
  g_assert_true (sluice_test_wait_for (page_complete, view, 10000));
  page = sluice_pipelines_view_get_page (view);
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), <=, 2);
  g_assert_nonnull (sluice_pipeline_get_stages (sluice_pipeline_page_get_pipeline (page)));
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipeline_get_stages (sluice_pipeline_page_get_pipeline (page))), ==, 3);
  clone = g_strdup_printf ("git clone codecommit::eu-west-1://%s",
                           sluice_pipeline_get_repo (sluice_pipeline_page_get_pipeline (page)));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, clone));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Build Environment"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "ENVTEAM_ROLENAME"));
  save_screenshot (window, "pipeline-page.png");

  /* Key/value tags are loaded when their row is opened. */
  {
    GtkWidget *label = sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Key/Value Tags");
    GtkWidget *tags = gtk_widget_get_ancestor (label, ADW_TYPE_EXPANDER_ROW);

    g_assert_nonnull (tags);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (tags), TRUE);
    g_assert_true (sluice_test_wait_for (tags_loaded, tags, 10000));
    g_assert_null (sluice_test_find_widget (tags, GTK_TYPE_LABEL, "Could not load the tags"));
    g_assert_null (sluice_test_find_widget (tags, GTK_TYPE_LABEL, "No key/value tags"));
  }
  {
    GtkWidget *expander = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL);
    GtkWidget *scrolled = gtk_widget_get_ancestor (expander, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment;

    g_assert_nonnull (expander);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    sluice_test_flush_widget (window);
    sluice_test_iterate (500);
    sluice_test_flush_widget (window);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    save_screenshot (window, "pipeline-page-bottom.png");
    gtk_adjustment_set_value (adjustment, 0);
    gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
    save_screenshot (window, "pipeline-page-narrow.png");
  }

  /* AWS Credentials: fetched through the core, stored in the keyring, copied as variables. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.copy-credentials", "s", "env"));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *text = NULL;
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    /* The page copies when data.all answered; the clipboard is local to the process. */
    while (!gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    gdk_clipboard_read_text_async (clipboard, NULL, got_result_cb, &result);
    g_assert_true (sluice_test_wait_for (has_result, &result, 5000));
    text = gdk_clipboard_read_text_finish (clipboard, result, NULL);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "AWS_ACCESS_KEY_ID="));
    g_assert_nonnull (strstr (text, "AWS_SESSION_TOKEN="));
  }

  /* Back (Alt+Left) returns to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.back", NULL));
  sluice_test_iterate (600);
  g_assert_null (sluice_pipelines_view_get_page (view));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_feature_disabled (void)
{
  const char * const args[] = { "--pipelines-disabled", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) disabled = sluice_test_emulator_start (args, &error);
  g_autoptr(SluiceAccount) account = NULL;
  SluicePipelinesView *view;
  GtkWidget *window;

  g_assert_no_error (error);
  account = signed_in_account (disabled, "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "disabled");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "Pipelines Are Switched Off"));
  save_screenshot (window, "pipelines-disabled.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_error_retry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAccount) account = signed_in_account (emulator, "engineer@example.com");
  SluicePipelinesView *view;
  GtkWidget *window;

  g_assert_true (sluice_test_emulator_add_fault (emulator,
                                                 "{\"kind\": \"http500\", \"match\": \"ListDataPipelines\", \"count\": 1}",
                                                 &error));
  g_assert_no_error (error);
  /* One failure is enough: no automatic retry hides it. */
  sluice_dataall_client_set_max_retries (sluice_account_get_client (account), 0);
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "error");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "Could Not Load Pipelines"));
  save_screenshot (window, "pipelines-error.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.refresh", NULL));
  wait_for_state (view, "list");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
stack_settled (gpointer data)
{
  SluicePipelinePage *page = data;

  return g_strcmp0 (sluice_pipeline_page_get_stack_status (page), "UPDATE_COMPLETE") == 0;
}

static void
test_stack_followed (void)
{
  /* An emulated minute per second: an update takes 1.5 s. */
  const char * const args[] = { "--time-scale", "60", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) fast = sluice_test_emulator_start (args, &error);
  g_autoptr(SluiceAccount) account = NULL;
  SluicePipelinesView *view;
  SluicePipelinePage *page;
  GtkWidget *window;
  GtkWidget *button;

  g_assert_no_error (error);
  account = signed_in_account (fast, "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  sluice_pipelines_view_open (view, shown_pipeline (view, 0));
  g_assert_true (sluice_test_wait_for (page_complete, view, 10000));
  page = sluice_pipelines_view_get_page (view);
  g_assert_cmpstr (sluice_pipeline_page_get_stack_status (page), ==, "CREATE_COMPLETE");

  button = sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Update Stack");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* Updated, then followed (first look after 5 s) until it settles. */
  g_assert_true (sluice_test_wait_for (stack_settled, page, 30000));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Update complete"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
has_four (gpointer data)
{
  return g_list_model_get_n_items (sluice_pipelines_view_get_shown (data)) == 4;
}

static void
test_automatic_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) own = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluicePipeline) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SluicePipelinesView *view;
  SluicePipeline *first;
  SluicePipelineSpec spec = { 0 };
  GtkWidget *window;

  g_assert_no_error (error);
  account = signed_in_account (own, "engineer@example.com");
  /* The view reads the interval when it is made: one second instead of a minute. */
  g_setenv ("SLUICE_TEST_CHECK_SECONDS", "1", TRUE);
  window = window_with_view (&view);
  g_unsetenv ("SLUICE_TEST_CHECK_SECONDS");
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 3);

  /* Someone else creates a pipeline: the light check (count and first page) sees it and
   * reloads the list. */
  first = shown_pipeline (view, 0);
  spec.label = "from-elsewhere";
  spec.environment_uri = sluice_environment_get_uri (sluice_pipeline_get_environment (first));
  spec.team = "DataEngineers";
  spec.dev_strategy = "trunk";
  spec.description = "";
  sluice_dataall_client_create_pipeline_async (sluice_account_get_client (account), &spec, NULL,
                                               got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  created = sluice_dataall_client_create_pipeline_finish (sluice_account_get_client (account), result, &error);
  g_assert_no_error (error);
  g_assert_true (sluice_test_wait_for (has_four, view, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
page_gone (gpointer data)
{
  return sluice_pipelines_view_get_page (data) == NULL;
}

static void
test_delete (void)
{
  g_autoptr(SluiceAccount) account = signed_in_account (emulator, "engineer@example.com");
  SluicePipelinesView *view;
  GtkWidget *window = window_with_view (&view);
  SluicePipelinePage *page;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GListModel) toplevels = NULL;
  GtkWidget *entry;
  GtkWidget *check;

  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  sluice_pipelines_view_set_search (view, "ml-features");
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 1);
  sluice_pipelines_view_open (view, shown_pipeline (view, 0));
  g_assert_true (sluice_test_wait_for (page_complete, view, 10000));
  page = sluice_pipelines_view_get_page (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  sluice_test_flush_widget (GTK_WIDGET (dialog));

  /* Delete stays off until the name is typed. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  entry = sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ml-feature");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "ml-features");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  check = sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  save_screenshot (GTK_WIDGET (dialog), "pipeline-delete.png");
  adw_message_dialog_response (dialog, "delete");

  /* Deleted: back to the list, without it. */
  g_assert_true (sluice_test_wait_for (page_gone, view, 10000));
  sluice_pipelines_view_set_search (view, "");
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
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
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_BASE_PATH "/icons");
  }

  emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sluice/pipelines-view/signed-out", test_signed_out);
  g_test_add_func ("/sluice/pipelines-view/list-search-open", test_list_search_open);
  g_test_add_func ("/sluice/pipelines-view/error-retry", test_error_retry);
  g_test_add_func ("/sluice/pipelines-view/feature-disabled", test_feature_disabled);
  g_test_add_func ("/sluice/pipelines-view/stack-followed", test_stack_followed);
  g_test_add_func ("/sluice/pipelines-view/automatic-check", test_automatic_check);
  /* Last: it deletes one of the seed's pipelines. */
  g_test_add_func ("/sluice/pipelines-view/delete", test_delete);

  status = g_test_run ();
  sluice_test_emulator_stop (emulator);
  return status;
}
