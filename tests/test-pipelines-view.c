/* test-pipelines-view.c: the pipelines browser and the pipeline page, against the emulator
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-git.h"

#include <string.h>

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-heading-box.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-query.h"
#include "sluice-pipeline-row.h"
#include "sluice-pipelines-view.h"
#include "sluice-status-badge.h"
#include "sluice-test-emulator.h"
#include "sluice-test-utils.h"
#include "sluice-pipeline-page-private.h"

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
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-pipelines-view", "engineer@example.com");
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
  sluice_test_save_screenshot (window, "pipelines-list.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  sluice_test_save_screenshot (window, "pipelines-list-narrow.png");
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
  sluice_test_save_screenshot (window, "pipelines-no-match.png");
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
  /* The repository's HTTPS URL, as the git layer builds it (plain git clones it). */
  {
    g_autoptr(SluiceGitRemote) remote = sluice_git_remote_new_for_pipeline (account,
                                                                            sluice_pipeline_page_get_pipeline (page),
                                                                            NULL);

    g_assert_nonnull (remote);
    clone = g_strdup (sluice_git_remote_get_url (remote));
    g_assert_true (g_str_has_suffix (clone, sluice_pipeline_get_repo (sluice_pipeline_page_get_pipeline (page))));
  }
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, clone));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Build Environment"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "ENVTEAM_ROLENAME"));
  sluice_test_save_screenshot (window, "pipeline-page.png");

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
    sluice_test_save_screenshot (window, "pipeline-page-bottom.png");
    gtk_adjustment_set_value (adjustment, 0);
    gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
    sluice_test_save_screenshot (window, "pipeline-page-narrow.png");
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

/* ------------------------------------------------------------------------------------------ */
/* The first load                                                                             */
/* ------------------------------------------------------------------------------------------ */

static GtkStack *
find_content_stack (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "no-match") != NULL)
    return GTK_STACK (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_content_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkStack  *stack;
  GtkWidget *window;
  GPtrArray *shown;      /* every page the stack showed, in order, each once per visit */
  gint64     start;
  gint64     last_shot;
  guint      n_shots;
} FirstLoad;

static void
record_page (FirstLoad *load)
{
  const char *name = gtk_stack_get_visible_child_name (load->stack);
  const char *last = load->shown->len > 0 ? g_ptr_array_index (load->shown, load->shown->len - 1) : NULL;

  if (g_strcmp0 (name, last) != 0)
    g_ptr_array_add (load->shown, g_strdup (name));
}

/* The frames of the first second, as they were painted, when screenshots are asked for. */
static void
after_paint_cb (GdkFrameClock *clock,
                FirstLoad     *load)
{
  const char *dir = g_getenv ("SLUICE_SCREENSHOT_DIR");
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (load->window);
  int height = gtk_widget_get_height (load->window);

  if (dir == NULL || now - load->start > G_USEC_PER_SEC || now - load->last_shot < 60000)
    return;
  load->last_shot = now;
  paintable = gtk_widget_paintable_new (load->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (load->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  name = g_strdup_printf ("first-load-%02u-%04dms-%s.png", load->n_shots++,
                          (int) ((now - load->start) / 1000), gtk_stack_get_visible_child_name (load->stack));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
all_loaded (gpointer data)
{
  SluicePipelinesView *view = data;
  SluicePipelineList *list = sluice_pipelines_view_get_pipelines (view);

  return !sluice_pipeline_list_get_loading (list) &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) == 303 &&
         g_strcmp0 (sluice_pipelines_view_get_state (view), "list") == 0;
}

/* Hundreds of pipelines, page after page, with an empty search: the loading page, then the
 * list, and never "No Matching Pipelines" in between, not even for one handler's time. */
static void
test_first_load (void)
{
  const char * const args[] = { "--generate-pipelines", "300", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) many = sluice_test_emulator_start (args, &error);
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sequence = NULL;
  SluicePipelinesView *view;
  GtkWidget *window;
  GdkFrameClock *clock;
  FirstLoad load = { 0 };
  gulong paint_id;

  g_assert_no_error (error);
  account = sluice_test_emulator_new_account (many, "test-pipelines-view", "engineer@example.com");
  /* As the window does: the view gets its account before it is first shown. */
  window = gtk_window_new ();
  view = sluice_pipelines_view_new ();
  g_object_ref (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  load.stack = find_content_stack (GTK_WIDGET (view));
  g_assert_nonnull (load.stack);
  load.window = window;
  load.shown = shown;
  g_signal_connect_swapped (load.stack, "notify::visible-child-name", G_CALLBACK (record_page), &load);
  sluice_pipelines_view_set_account (view, account);
  record_page (&load);

  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &load);
  load.start = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sluice_test_wait_for (all_loaded, view, 20000));
  /* Until the first second is over: the frames of the screenshots, and anything late. */
  sluice_test_iterate (MAX (0, 1000 - (g_get_monotonic_time () - load.start) / 1000));
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handlers_disconnect_by_data (load.stack, &load);

  g_ptr_array_add (shown, NULL);
  sequence = g_strjoinv (" -> ", (char **) shown->pdata);
  g_test_message ("pages shown: %s", sequence);
  g_ptr_array_remove_index (shown, shown->len - 1);
  for (guint i = 0; i < shown->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (shown, i), !=, "no-match");
      g_assert_cmpstr (g_ptr_array_index (shown, i), !=, "empty");
    }
  g_assert_true (g_ptr_array_find_with_equal_func (shown, "loading", g_str_equal, NULL));
  g_assert_cmpstr (g_ptr_array_index (shown, shown->len - 1), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 303);

  /* A search that matches nothing is what "No Matching Pipelines" is for. */
  sluice_pipelines_view_set_search (view, "no such pipeline");
  g_assert_cmpstr (sluice_pipelines_view_get_state (view), ==, "no-match");
  sluice_pipelines_view_set_search (view, "");
  g_assert_cmpstr (sluice_pipelines_view_get_state (view), ==, "list");

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
  account = sluice_test_emulator_new_account (disabled, "test-pipelines-view", "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "disabled");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "Pipelines Are Switched Off"));
  sluice_test_save_screenshot (window, "pipelines-disabled.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_error_retry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-pipelines-view", "engineer@example.com");
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
  sluice_test_save_screenshot (window, "pipelines-error.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.refresh", NULL));
  wait_for_state (view, "list");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

/* ------------------------------------------------------------------------------------------ */
/* The Stack and Tags tabs                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
collect_widgets (GtkWidget  *root,
                 GType       type,
                 const char *title,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || (ADW_IS_PREFERENCES_ROW (root) &&
                         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, title, found);
}

/* Every descendant of @root of @type (with row title @title, if given), depth first. */
static GPtrArray *
find_widgets (GtkWidget  *root,
              GType       type,
              const char *title)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, title, found);
  return found;
}

static gboolean
page_idle (gpointer data)
{
  return !sluice_pipeline_page_get_busy (data) && !sluice_pipeline_page_get_loading (data);
}

static SluicePipelinePage *
open_pipeline (SluicePipelinesView *view,
               const char          *label)
{
  SluicePipelinePage *page;

  sluice_pipelines_view_set_search (view, label);
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 1);
  sluice_pipelines_view_open (view, shown_pipeline (view, 0));
  g_assert_true (sluice_test_wait_for (page_complete, view, 10000));
  page = sluice_pipelines_view_get_page (view);
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  return page;
}

static char *
text_view_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
read_clipboard (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GAsyncResult) result = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 5000));
  return gdk_clipboard_read_text_finish (clipboard, result, NULL);
}

static void
scroll_to_bottom (GtkWidget *inside)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (inside, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  sluice_test_flush_widget (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *root,
                        const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = find_widgets (root, GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0)
      return buttons->pdata[i];
  return NULL;
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = sluice_test_find_widget (root, ADW_TYPE_ACTION_ROW, title);

  return row != NULL ? ADW_ACTION_ROW (row) : NULL;
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
  account = sluice_test_emulator_new_account (fast, "test-pipelines-view", "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  page = open_pipeline (view, "customer-360");
  g_assert_cmpstr (sluice_pipeline_page_get_stack_status (page), ==, "CREATE_COMPLETE");
  sluice_pipeline_page_set_tab (page, "stack");
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (find_row (GTK_WIDGET (page), "CodePipeline0")),
                                             GTK_TYPE_LABEL, "Create complete"));

  button = sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Update Stack");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* Updated, then followed (first look after 5 s) until it settles. */
  g_assert_true (sluice_test_wait_for (stack_settled, page, 30000));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Update complete"));
  /* Following the stack refreshed its resources too, with no request of its own. */
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (find_row (GTK_WIDGET (page), "CodePipeline0")),
                                             GTK_TYPE_LABEL, "Update complete"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (find_row (GTK_WIDGET (page), "ArtifactsBucket")),
                                             GTK_TYPE_LABEL, "Create complete"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_stack_tab (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-pipelines-view", "engineer@example.com");
  SluicePipelinesView *view;
  GtkWidget *window = window_with_view (&view);
  SluicePipelinePage *page;
  GtkWidget *logs;
  AdwActionRow *row;
  g_autofree char *text = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) switchers = NULL;
  SluiceHeadingBox *heading;

  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  page = open_pipeline (view, "customer-360");

  /* The Overview is one request; the Stack tab has asked for nothing yet. */
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), <=, 2);
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "overview");
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Resources"));
  g_assert_null (find_row (GTK_WIDGET (page), "Cascade to AWS resources"));
  /* The stack's status is in the header, on every tab. */
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Create complete"));

  /* The tabs are named for assistive technologies as they read. */
  switchers = find_widgets (GTK_WIDGET (page), ADW_TYPE_VIEW_SWITCHER, NULL);
  g_assert_cmpuint (switchers->len, >=, 1);
  {
    g_autoptr(GPtrArray) tabs = find_widgets (switchers->pdata[0], GTK_TYPE_TOGGLE_BUTTON, NULL);
    const char *titles[] = { "Overview", "Stack", "Stages", "Tags", "Deployment" };

    g_assert_cmpuint (tabs->len, ==, G_N_ELEMENTS (titles));
    for (guint i = 0; i < tabs->len; i++)
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tabs->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, titles[i]);
  }

  /* Ctrl+Page Down, as an action: the Stack tab loads when first shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.next-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "stack");
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));

  /* Resources with their status, from getStack's JSON. */
  row = find_row (GTK_WIDGET (page), "CodeCommitRepository");
  g_assert_nonnull (row);
  expected = g_strdup_printf ("AWS::CodeCommit::Repository · %s",
                              sluice_pipeline_get_repo (sluice_pipeline_page_get_pipeline (page)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "Create complete"));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "CodePipeline0"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Recent Events"));
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Error"));
  row = find_row (GTK_WIDGET (page), "CloudFormation Console");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (row)),
                                   "https://eu-west-1.console.aws.amazon.com/cloudformation/"));
  row = find_row (GTK_WIDGET (page), "Name");
  g_free (expected);
  expected = g_strdup_printf ("dataall-cdkpipeline-%s", sluice_pipeline_get_uri (sluice_pipeline_page_get_pipeline (page)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);

  /* The deployment's logs, newest last, and copied as they read. */
  logs = sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (logs);
  g_assert_true (gtk_widget_get_mapped (logs) || gtk_widget_get_child_visible (logs));
  text = text_view_text (logs);
  g_assert_nonnull (strstr (text, "Starting deployment of stack dataall-cdkpipeline-"));
  g_assert_true (strstr (text, "Starting deployment") < strstr (text, "Deployment finished for"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (logs), GTK_ACCESSIBLE_PROPERTY_LABEL, "Deployment Logs");
  {
    GtkWidget *refresh = find_button_by_tooltip (GTK_WIDGET (page), "Refresh Logs");

    g_assert_nonnull (refresh);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, "Refresh Logs");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.refresh-logs", NULL));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));

  /* The status beside the name while both fit, below it when narrow. */
  heading = SLUICE_HEADING_BOX (sluice_test_find_widget (GTK_WIDGET (page), SLUICE_TYPE_HEADING_BOX, NULL));
  sluice_test_flush_widget (window);
  g_assert_false (sluice_heading_box_get_wrapped (heading));
  sluice_test_save_screenshot (window, "pipeline-stack.png");
  scroll_to_bottom (logs);
  sluice_test_save_screenshot (window, "pipeline-stack-logs.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  sluice_test_iterate (200);
  sluice_test_flush_widget (window);
  g_assert_true (sluice_heading_box_get_wrapped (heading));
  sluice_test_save_screenshot (window, "pipeline-stack-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  sluice_test_save_screenshot (window, "pipeline-stack-360.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.copy-logs", NULL));
  copied = read_clipboard (GTK_WIDGET (page));
  g_assert_cmpstr (copied, ==, text);

  /* Alt+4 and back past the Stages tab, as actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.show-tab", "s", "tags"));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "tags");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.previous-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "stages");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.previous-tab", NULL));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "stack");
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

/* A stack data.all has not deployed yet: its error, no resources, no logs yet, in sentences. */
static void
test_stack_tab_pending (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) own = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceAccount) account = NULL;
  SluicePipelinesView *view;
  GtkWidget *window;
  SluicePipelinePage *page;
  AdwActionRow *row;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  account = sluice_test_emulator_new_account (own, "test-pipelines-view", "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  page = open_pipeline (view, "ml-features");
  g_assert_cmpstr (sluice_pipeline_page_get_stack_status (page), ==, "pending");

  sluice_pipeline_page_set_tab (page, "stack");
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  expected = g_strdup_printf ("Stack with id dataall-pipeline-%s does not exist",
                              sluice_pipeline_get_uri (sluice_pipeline_page_get_pipeline (page)));
  g_assert_nonnull (find_row (GTK_WIDGET (page), expected));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "No resources yet"));
  row = find_row (GTK_WIDGET (page), "There are no logs yet: data.all has not started deploying the stack.");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "(AWSResourceNotFound)"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_row (GTK_WIDGET (page), "CloudFormation Console"))));
  sluice_test_save_screenshot (window, "pipeline-stack-pending.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static GPtrArray *
emulator_tags (SluiceAccount  *account,
               SluicePipeline *pipeline)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tags;

  sluice_dataall_client_list_tags_async (sluice_account_get_client (account), sluice_pipeline_get_uri (pipeline),
                                         NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  tags = sluice_dataall_client_list_tags_finish (sluice_account_get_client (account), result, &error);
  g_assert_no_error (error);
  return tags;
}

/* The switches of the "Cascade to AWS resources" rows, which name them. */
static GPtrArray *
cascade_switches (SluicePipelinePage *page)
{
  g_autoptr(GPtrArray) rows = find_widgets (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Cascade to AWS resources");
  GPtrArray *switches = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (switches, adw_action_row_get_activatable_widget (rows->pdata[i]));
  return switches;
}

static GtkWidget *
find_action_button (SluicePipelinePage *page,
                    const char         *action)
{
  GtkWidget *button = NULL;
  g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (page), GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  return button;
}

static gboolean
action_enabled (SluicePipelinePage *page,
                const char         *action)
{
  return gtk_widget_is_sensitive (find_action_button (page, action));
}

static void
test_tags_tab (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) own = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) switches = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  SluicePipelinesView *view;
  GtkWidget *window;
  SluicePipelinePage *page;
  GtkWidget *remove;
  SluiceKeyValueTag *tag;

  g_assert_no_error (error);
  account = sluice_test_emulator_new_account (own, "test-pipelines-view", "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  page = open_pipeline (view, "customer-360");

  sluice_pipeline_page_set_tab (page, "tags");
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));

  /* The seed's one tag, as rows to edit; nothing to save yet. */
  keys = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Key");
  values = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Value");
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (keys->pdata[0]), ==, "cost-center");
  g_assert_cmpstr (gtk_editable_get_text (values->pdata[0]), ==, "4711");
  g_assert_false (action_enabled (page, "page.save-tags"));
  g_assert_false (action_enabled (page, "page.revert-tags"));
  g_assert_true (action_enabled (page, "page.add-tag"));

  /* Named for assistive technologies as they read: the row names its switch. */
  remove = find_button_by_tooltip (GTK_WIDGET (keys->pdata[0]), "Remove Tag");
  g_assert_nonnull (remove);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Tag");
  switches = cascade_switches (page);
  g_assert_cmpuint (switches->len, ==, 1);
  g_assert_true (GTK_IS_SWITCH (switches->pdata[0]));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (switches->pdata[0]), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (switches->pdata[0]), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  {
    GtkWidget *add = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_BUTTON_CONTENT, NULL);

    add = gtk_widget_get_ancestor (add, GTK_TYPE_BUTTON);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add)), ==, "page.add-tag");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add Tag");
  }
  {
    GtkWidget *save = find_action_button (page, "page.save-tags");

    /* A mnemonic button is named by its label: "Save", not "_Save Save". */
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL));
  }

  /* Edit the value: Save and Revert wake up; Revert puts it back. */
  gtk_editable_set_text (GTK_EDITABLE (values->pdata[0]), "42");
  g_assert_true (action_enabled (page, "page.save-tags"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.revert-tags", NULL));
  g_ptr_array_unref (values);
  values = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Value");
  g_assert_cmpstr (gtk_editable_get_text (values->pdata[0]), ==, "4711");
  g_assert_false (action_enabled (page, "page.save-tags"));

  /* Edit, and add a tag whose key repeats the first in another case: said at the field, and
   * Save sends nothing. */
  gtk_editable_set_text (GTK_EDITABLE (values->pdata[0]), "42");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.add-tag", NULL));
  g_ptr_array_unref (keys);
  g_ptr_array_unref (values);
  keys = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Key");
  values = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Value");
  g_assert_cmpuint (keys->len, ==, 2);
  /* A new, empty key is not an error until the user typed in it or saved. */
  g_assert_false (gtk_widget_has_css_class (keys->pdata[1], "error"));
  gtk_editable_set_text (GTK_EDITABLE (keys->pdata[1]), "Cost-Center");
  g_assert_true (gtk_widget_has_css_class (keys->pdata[1], "error"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                             "Another tag has this key. Keys are the same whatever their case."));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (keys->pdata[1]), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save-tags", NULL));
  g_assert_false (sluice_pipeline_page_get_busy (page));
  sluice_test_save_screenshot (window, "pipeline-tags-invalid.png");

  /* Fixed: saved, the full list, and data.all has it. */
  gtk_editable_set_text (GTK_EDITABLE (keys->pdata[1]), "owner");
  gtk_editable_set_text (GTK_EDITABLE (values->pdata[1]), "  team-a ");
  g_ptr_array_unref (switches);
  switches = cascade_switches (page);
  gtk_switch_set_active (switches->pdata[1], TRUE);
  g_assert_false (gtk_widget_has_css_class (keys->pdata[1], "error"));
  sluice_test_save_screenshot (window, "pipeline-tags-edited.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save-tags", NULL));
  g_assert_true (sluice_pipeline_page_get_busy (page));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_false (action_enabled (page, "page.save-tags"));
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Unsaved changes"));

  saved = emulator_tags (account, sluice_pipeline_page_get_pipeline (page));
  g_assert_cmpuint (saved->len, ==, 2);
  tag = g_ptr_array_index (saved, 0);
  g_assert_cmpstr (tag->key, ==, "cost-center");
  g_assert_cmpstr (tag->value, ==, "42");
  g_assert_false (tag->cascade);
  tag = g_ptr_array_index (saved, 1);
  g_assert_cmpstr (tag->key, ==, "owner");
  g_assert_cmpstr (tag->value, ==, "team-a");
  g_assert_true (tag->cascade);

  /* Removing a tag, saved, leaves data.all with the other. */
  g_ptr_array_unref (keys);
  keys = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Key");
  remove = find_button_by_tooltip (GTK_WIDGET (keys->pdata[0]), "Remove Tag");
  g_signal_emit_by_name (remove, "clicked");
  g_ptr_array_unref (keys);
  keys = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Key");
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save-tags", NULL));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_ptr_array_unref (saved);
  saved = emulator_tags (account, sluice_pipeline_page_get_pipeline (page));
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (((SluiceKeyValueTag *) saved->pdata[0])->key, ==, "owner");
  sluice_test_save_screenshot (window, "pipeline-tags.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  sluice_test_save_screenshot (window, "pipeline-tags-narrow.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_tags_save_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) own = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  SluicePipelinesView *view;
  GtkWidget *window;
  SluicePipelinePage *page;
  GtkWidget *details;

  g_assert_no_error (error);
  account = sluice_test_emulator_new_account (own, "test-pipelines-view", "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  page = open_pipeline (view, "customer-360");
  sluice_pipeline_page_set_tab (page, "tags");
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.add-tag", NULL));
  keys = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Key");
  values = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Value");
  gtk_editable_set_text (GTK_EDITABLE (keys->pdata[1]), "environment");
  gtk_editable_set_text (GTK_EDITABLE (values->pdata[1]), "production");

  /* data.all refuses, in its own words. */
  g_assert_true (sluice_test_emulator_add_fault (own,
                                                 "{\"kind\": \"error\", \"match\": \"updateKeyValueTags\", \"message\": "
                                                 "\"\\n    An error occurred (UnauthorizedOperation) when calling UPDATE_PIPELINE operation:\\n"
                                                 "    User: engineer@example.com is not authorized to perform: UPDATE_PIPELINE\\n  \"}",
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save-tags", NULL));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));

  /* What the user typed stays, with the sentence and data.all's words in the details. */
  g_ptr_array_unref (keys);
  g_ptr_array_unref (values);
  keys = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Key");
  values = find_widgets (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Value");
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (keys->pdata[1]), ==, "environment");
  g_assert_cmpstr (gtk_editable_get_text (values->pdata[1]), ==, "production");
  g_assert_true (action_enabled (page, "page.save-tags"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                             "Could not save the tags: You are not allowed to do this in data.all, "
                                             "or the item does not exist. Ask the pipeline’s team or a data.all "
                                             "administrator for access."));
  details = sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_EXPANDER, "Details");
  {
    g_autoptr(GPtrArray) expanders = find_widgets (GTK_WIDGET (page), GTK_TYPE_EXPANDER, NULL);
    GtkWidget *label = NULL;

    for (guint i = 0; i < expanders->len; i++)
      if (gtk_widget_is_drawable (expanders->pdata[i]))
        details = expanders->pdata[i];
    gtk_expander_set_expanded (GTK_EXPANDER (details), TRUE);
    label = gtk_expander_get_child (GTK_EXPANDER (details));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                              "User: engineer@example.com is not authorized to perform: UPDATE_PIPELINE"));
  }
  sluice_test_save_screenshot (window, "pipeline-tags-error.png");
  saved = emulator_tags (account, sluice_pipeline_page_get_pipeline (page));
  g_assert_cmpuint (saved->len, ==, 1);

  /* Saved on the second try, and the error goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.save-tags", NULL));
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_false (action_enabled (page, "page.save-tags"));
  g_assert_false (gtk_widget_is_drawable (details));
  g_ptr_array_unref (saved);
  saved = emulator_tags (account, sluice_pipeline_page_get_pipeline (page));
  g_assert_cmpuint (saved->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
has_four (gpointer data)
{
  return g_list_model_get_n_items (sluice_pipelines_view_get_shown (data)) == 4;
}

static gboolean
last_renamed (gpointer data)
{
  GListModel *shown = sluice_pipelines_view_get_shown (data);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr(SluicePipeline) last = n > 0 ? g_list_model_get_item (shown, n - 1) : NULL;

  return last != NULL && g_strcmp0 (sluice_pipeline_get_label (last), "zz-renamed") == 0;
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
  account = sluice_test_emulator_new_account (own, "test-pipelines-view", "engineer@example.com");
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

  /* Someone renames the first pipeline: the check updates it in place, and the list, sorted by
   * name, moves it to the end at once. */
  first = shown_pipeline (view, 0);
  g_clear_object (&result);
  sluice_dataall_client_update_pipeline_async (sluice_account_get_client (account),
                                               sluice_pipeline_get_uri (first), "zz-renamed", NULL, NULL,
                                               NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  g_clear_object (&created);
  created = sluice_dataall_client_update_pipeline_finish (sluice_account_get_client (account), result, &error);
  g_assert_no_error (error);
  g_assert_true (sluice_test_wait_for (last_renamed, view, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static gboolean
page_gone (gpointer data)
{
  return sluice_pipelines_view_get_page (data) == NULL;
}

/* The badge of the row whose title is @label, or NULL if no row shows it. */
static GtkLabel *
row_badge (SluicePipelinesView *view,
           const char          *label)
{
  GtkWidget *title = sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION, label);
  GtkWidget *row;
  GtkWidget *badge;

  if (title == NULL)
    return NULL;
  row = gtk_widget_get_ancestor (title, SLUICE_TYPE_PIPELINE_ROW);
  g_assert_nonnull (row);
  badge = sluice_test_find_widget (row, SLUICE_TYPE_STATUS_BADGE, NULL);
  g_assert_nonnull (badge);
  /* The pill is the badge's label. */
  return GTK_LABEL (gtk_widget_get_first_child (badge));
}

/* What the page learns about a pipeline (here a newer stack status, and a new name given
 * elsewhere) its row in the list shows as soon as the user is back, not minutes later. */
static void
test_row_as_fresh_as_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) own = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SluicePipeline) renamed = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *page_status = NULL;
  g_autofree char *expected = NULL;
  SluicePipelinesView *view;
  SluicePipelinePage *page;
  SluicePipeline *listed;
  GtkWidget *window;
  GtkLabel *badge;
  guint status = 0;

  g_assert_no_error (error);
  account = sluice_test_emulator_new_account (own, "test-pipelines-view", "engineer@example.com");
  window = window_with_view (&view);
  g_object_ref (view);
  sluice_pipelines_view_set_account (view, account);
  wait_for_state (view, "list");
  sluice_test_flush_widget (window);
  badge = row_badge (view, "ml-features");
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_label_get_text (badge), ==, "Pending");
  sluice_pipelines_view_set_search (view, "ml-features");
  listed = shown_pipeline (view, 0);
  sluice_pipelines_view_set_search (view, "");

  /* Meanwhile, on the server: the stack starts (30 emulated seconds on), and someone renames
   * the pipeline. The list's automatic check is a minute away. */
  answer = sluice_test_emulator_request (own, "POST", "/_emulator/clock", "{\"advance\": 60}", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  sluice_dataall_client_update_pipeline_async (sluice_account_get_client (account), sluice_pipeline_get_uri (listed),
                                               "ml-features-v2", "Feature store, second edition", NULL, NULL,
                                               got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  renamed = sluice_dataall_client_update_pipeline_finish (sluice_account_get_client (account), result, &error);
  g_assert_no_error (error);

  /* The page sees both. */
  sluice_pipelines_view_open (view, listed);
  g_assert_true (sluice_test_wait_for (page_complete, view, 10000));
  page = sluice_pipelines_view_get_page (view);
  g_assert_true (sluice_pipeline_page_get_pipeline (page) == listed);
  page_status = g_strdup (sluice_pipeline_page_get_stack_status (page));
  g_assert_cmpstr (page_status, !=, "pending");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "ml-features-v2"));

  /* Back: the row says what the page said, under the new name, in the new name's place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.back", NULL));
  g_assert_true (sluice_test_wait_for (page_gone, view, 5000));
  sluice_test_flush_widget (window);
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION, "ml-features"));
  badge = row_badge (view, "ml-features-v2");
  g_assert_nonnull (badge);
  expected = sluice_pipeline_format_status (page_status);
  g_assert_cmpstr (gtk_label_get_text (badge), ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (badge)), ==, page_status);
  sluice_pipelines_view_set_search (view, "second edition");
  g_assert_cmpuint (g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)), ==, 1);
  g_assert_true (shown_pipeline (view, 0) == listed);
  sluice_pipelines_view_set_search (view, "");
  sluice_test_save_screenshot (window, "pipelines-row-after-page.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_delete (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "test-pipelines-view", "engineer@example.com");
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
  sluice_test_save_screenshot (GTK_WIDGET (dialog), "pipeline-delete.png");
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
  g_test_add_func ("/sluice/pipelines-view/first-load", test_first_load);
  g_test_add_func ("/sluice/pipelines-view/error-retry", test_error_retry);
  g_test_add_func ("/sluice/pipelines-view/feature-disabled", test_feature_disabled);
  g_test_add_func ("/sluice/pipelines-view/stack-followed", test_stack_followed);
  g_test_add_func ("/sluice/pipelines-view/stack-tab", test_stack_tab);
  g_test_add_func ("/sluice/pipelines-view/stack-tab-pending", test_stack_tab_pending);
  g_test_add_func ("/sluice/pipelines-view/tags-tab", test_tags_tab);
  g_test_add_func ("/sluice/pipelines-view/tags-save-failure", test_tags_save_failure);
  g_test_add_func ("/sluice/pipelines-view/automatic-check", test_automatic_check);
  g_test_add_func ("/sluice/pipelines-view/row-as-fresh-as-page", test_row_as_fresh_as_page);
  /* Last: it deletes one of the seed's pipelines. */
  g_test_add_func ("/sluice/pipelines-view/delete", test_delete);

  status = g_test_run ();
  sluice_test_emulator_stop (emulator);
  return status;
}
