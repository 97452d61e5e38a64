/* test-stages-view.c: the pipeline page's Stages tab against the emulator's CodePipeline
 *
 * A trunk pipeline's statuses on the graph and in the page's header from the page's opening,
 * its approval answered through the Review dialog with a comment, a deploy failed by an
 * `action-failure` fault and retried once the fault is spent, a released change rejected with
 * a comment and the next one stopped (each checked in the emulator's CodePipeline), and one
 * notification a stage's change; a GitFlow pipeline whose stack is not complete yet (a sentence, no graph), then its
 * missing dev branch drawn as missing.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-codepipeline-client.h"
#include "sluice-pipeline-list.h"
#include "sluice-pipeline-page-private.h"
#include "sluice-stages-view-private.h"
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
  g_autoptr(SluicePipeline) pipeline = NULL;
  GtkWidget *window;

  /* the account's AWS endpoint override: the emulator's main port answers CodePipeline too */
  sluice_account_set_aws_endpoint (account, sluice_test_emulator_get_url (emulator));
  pipeline = listed_pipeline (account, label);
  window = gtk_window_new ();

  *page = sluice_pipeline_page_new (account, pipeline);
  g_object_ref_sink (*page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sluice_test_wait_for (page_idle, *page, 10000));
  return window;
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

typedef struct
{
  SluiceStagesView *view;
  guint             after;
} Refreshed;

static gboolean
refreshed (gpointer data)
{
  Refreshed *r = data;

  return _sluice_stages_view_get_n_refreshes (r->view) > r->after && !sluice_stages_view_get_loading (r->view) &&
         !_sluice_stages_view_get_acting (r->view);
}

static gboolean
view_idle (gpointer data)
{
  return !sluice_stages_view_get_loading (data) && !_sluice_stages_view_get_acting (data);
}

/* F5, and wait for its answer. */
static void
refresh_now (SluiceStagesView *view)
{
  Refreshed r = { view, 0 };

  g_assert_true (sluice_test_wait_for (view_idle, view, 10000));
  r.after = _sluice_stages_view_get_n_refreshes (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "stages.refresh", NULL));
  g_assert_true (sluice_test_wait_for (refreshed, &r, 10000));
}

static gboolean
not_acting (gpointer data)
{
  return !_sluice_stages_view_get_acting (data);
}

static char *
node_id (SluiceStagesView *view,
         const char       *stage)
{
  SluiceDeploymentLane *lane = sluice_deployment_get_lane (sluice_stages_view_get_deployment (view), 0);

  return g_strdup_printf ("%s/%s", lane->name, stage);
}

static SluiceStagesStatus
status_of (SluiceStagesView *view,
           const char       *stage)
{
  g_autofree char *id = node_id (view, stage);

  return sluice_stages_graph_get_node_status (_sluice_stages_view_get_graph (view), id);
}

static AdwMessageDialog *
activate_node (SluiceStagesView *view,
               const char       *stage)
{
  g_autofree char *id = node_id (view, stage);

  g_assert_nonnull (sluice_stages_graph_get_node_widget (_sluice_stages_view_get_graph (view), id));
  g_signal_emit_by_name (_sluice_stages_view_get_graph (view), "node-activated", id);
  g_assert_nonnull (_sluice_stages_view_get_dialog (view));
  return _sluice_stages_view_get_dialog (view);
}

static gboolean
dialog_has_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (dialog_has_text (child, text))
      return TRUE;
  return FALSE;
}

static SluiceStagesView *
show_stages (SluicePipelinePage *page)
{
  SluiceStagesView *view = page->stages_view;
  Refreshed r = { view, 0 };

  g_assert_false (sluice_stages_view_get_requested (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.show-tab", "s", "stages"));
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "stages");
  g_assert_true (sluice_stages_view_get_requested (view));
  g_assert_true (sluice_test_wait_for (refreshed, &r, 10000));
  return view;
}

/* The notifications the tab sent, "title\nbody" each. */
static void
note_cb (const char *id,
         const char *title,
         const char *body,
         gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s\n%s", title, body));
}

static guint
count_notes (GPtrArray  *notes,
             const char *text)
{
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    n += strstr (notes->pdata[i], text) != NULL;
  return n;
}

static SluiceCodePipelineState *
pipeline_state (SluiceCodePipelineClient *client,
                const char               *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SluiceCodePipelineState *state;

  sluice_codepipeline_client_get_pipeline_state_async (client, name, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  state = sluice_codepipeline_client_get_pipeline_state_finish (client, result, &error);
  g_assert_no_error (error);
  return state;
}

/* The latest execution of a CodePipeline, as CodePipeline has it. */
static SluiceCodePipelineExecution *
latest_execution (SluiceCodePipelineClient *client,
                  const char               *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) executions = NULL;

  sluice_codepipeline_client_list_pipeline_executions_async (client, name, 5, NULL, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  executions = sluice_codepipeline_client_list_pipeline_executions_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (executions->len, >, 0);
  return sluice_codepipeline_execution_ref (g_ptr_array_index (executions, 0));
}

/* Release Change from the Source node, confirmed; then the clock moves on to the approval. */
static void
release_to_approval (SluiceStagesView *view)
{
  AdwMessageDialog *dialog = activate_node (view, "Source");

  g_assert_true (adw_message_dialog_has_response (dialog, "release"));
  adw_message_dialog_response (dialog, "release");
  dialog = _sluice_stages_view_get_dialog (view);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "confirm");
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  g_assert_null (_sluice_stages_view_get_action_error (view));
  advance_clock (200);
  refresh_now (view);
  g_assert_cmpint (status_of (view, "ManualApproval-dev"), ==, SLUICE_STAGES_STATUS_WAITING);
}

static gboolean
badge_shown (gpointer data)
{
  SluicePipelinePage *page = data;

  return gtk_widget_get_visible (GTK_WIDGET (page->deployment_badge));
}

static void
test_trunk (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluiceCodePipelineClient) client = NULL;
  g_autoptr(SluiceCodePipelineState) state = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SluicePipelinePage *page;
  SluiceStagesView *view;
  SluiceDeploymentLane *lane;
  SluiceDeploymentStep *prod;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkWidget *window;
  SluiceEnvironment *environment;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SluiceCodePipelineExecution) stopped = NULL;
  g_autoptr(SluiceCodePipelineExecution) rejected_execution = NULL;
  g_autofree char *lane_name = NULL;
  guint n_waiting;

  if (!have_session_bus ())
    return;
  account = sluice_test_emulator_new_account (emulator, "test-stages-trunk", "engineer@example.com");
  window = window_with_page (account, "sales-ingest", &page);

  /* The header has the deployment's state from the page's opening on, on the Overview: one
   * data.all request for the Overview, CodePipeline asked after it. */
  g_assert_cmpstr (sluice_pipeline_page_get_tab (page), ==, "overview");
  g_assert_true (sluice_test_wait_for (badge_shown, page, 10000));
  g_assert_cmpstr (gtk_label_get_text (page->deployment_badge), ==, "Deployment: Waiting for approval");
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), ==, 1);
  g_assert_false (sluice_stages_view_get_requested (page->stages_view));
  sluice_test_save_screenshot (window, "stages-header-overview.png");

  view = show_stages (page);
  /* one notification a change of a stage while Sluice runs, none again on a refresh */
  _sluice_stages_view_set_notify_hook (view, note_cb, notes);

  /* sales-ingest (trunk, dev and prod) waits for its dev approval: the graph shows where. */
  g_assert_null (sluice_stages_view_get_message (view));
  g_assert_cmpuint (sluice_deployment_get_n_lanes (sluice_stages_view_get_deployment (view)), ==, 1);
  g_assert_cmpint (status_of (view, "Source"), ==, SLUICE_STAGES_STATUS_SUCCEEDED);
  g_assert_cmpint (status_of (view, "Deploy-Stage-dev"), ==, SLUICE_STAGES_STATUS_SUCCEEDED);
  g_assert_cmpint (status_of (view, "ManualApproval-dev"), ==, SLUICE_STAGES_STATUS_WAITING);
  g_assert_cmpint (status_of (view, "Deploy-Stage-prod"), ==, SLUICE_STAGES_STATUS_NONE);
  {
    SluiceDeploymentLane *main_lane = sluice_deployment_get_lane (sluice_stages_view_get_deployment (view), 0);
    g_autofree char *branch = g_strdup_printf ("branch:%s:main", main_lane->name);

    /* Source read a revision from main: the branch exists */
    g_assert_cmpint (sluice_stages_graph_get_node_status (_sluice_stages_view_get_graph (view), branch), ==,
                     SLUICE_STAGES_STATUS_BRANCH_FOUND);
  }
  /* the header has the deployment's state beside the stack's */
  g_assert_cmpstr (sluice_stages_view_get_summary (view), ==, "Waiting for approval");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->deployment_badge)));
  g_assert_nonnull (strstr (gtk_label_get_text (page->deployment_badge), "Waiting for approval"));
  /* the history and what is where: dev has data.all's first commit, prod nothing yet */
  g_assert_true (_sluice_stages_view_history_shows (view, "Recent Executions of"));
  g_assert_true (_sluice_stages_view_history_shows (view, "Nothing deployed yet"));
  /* it refreshes on its own, backing off while nothing changes */
  {
    guint before = _sluice_stages_view_get_interval (view);

    refresh_now (view);
    g_assert_cmpuint (_sluice_stages_view_get_interval (view), >=, before);
  }

  /* The details of the approval: its execution, a console link, and Review. */
  dialog = activate_node (view, "ManualApproval-dev");
  g_assert_true (adw_message_dialog_has_response (dialog, "review"));
  g_assert_false (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_true (dialog_has_text (GTK_WIDGET (dialog), "-"));  /* an execution id */
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LINK_BUTTON, NULL));
  g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (GTK_LINK_BUTTON (sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LINK_BUTTON, NULL))),
                                   "https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/"));
  adw_message_dialog_response (dialog, "review");

  /* The Review dialog: the revision being promoted, a comment, Approve. */
  dialog = _sluice_stages_view_get_dialog (view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Review");
  g_assert_true (adw_message_dialog_has_response (dialog, "approve"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reject"));
  lane = sluice_deployment_get_lane (sluice_stages_view_get_deployment (view), 0);
  {
    SluiceDeploymentStep *approval = g_ptr_array_index (lane->steps, 2);
    g_autofree char *short_id = NULL;

    g_assert_cmpstr (approval->name, ==, "ManualApproval-dev");
    g_assert_nonnull (approval->revision_id);
    short_id = g_strndup (approval->revision_id, 7);
    g_assert_true (dialog_has_text (GTK_WIDGET (dialog), short_id));
  }
  buffer = gtk_text_view_get_buffer (_sluice_stages_view_get_comment_view (view));
  gtk_text_buffer_set_text (buffer, "Checked the dev tables, ship it", -1);
  sluice_test_save_screenshot (GTK_WIDGET (dialog), "stages-review.png");

  /* prod's deploy will fail once, for the retry below */
  g_assert_true (sluice_test_emulator_add_fault (emulator, "{\"kind\": \"action-failure\", \"match\": \"deploy-prod\", \"message\": \"The stack update failed: the tables are locked\"}", &error));
  g_assert_no_error (error);

  adw_message_dialog_response (dialog, "approve");
  g_assert_null (_sluice_stages_view_get_dialog (view));
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  g_assert_null (_sluice_stages_view_get_action_error (view));
  refresh_now (view);
  g_assert_cmpint (status_of (view, "ManualApproval-dev"), ==, SLUICE_STAGES_STATUS_SUCCEEDED);
  g_assert_cmpint (status_of (view, "Deploy-Stage-prod"), ==, SLUICE_STAGES_STATUS_IN_PROGRESS);

  /* CodePipeline has the comment */
  environment = sluice_pipeline_get_environment (sluice_pipeline_page_get_pipeline (page));
  client = sluice_codepipeline_client_new (account, sluice_pipeline_get_uri (sluice_pipeline_page_get_pipeline (page)),
                                           "sales-ingest", sluice_environment_get_aws_account_id (environment),
                                           sluice_environment_get_region (environment));
  sluice_codepipeline_client_get_pipeline_state_async (client, lane->name, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  state = sluice_codepipeline_client_get_pipeline_state_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (state, "ManualApproval-dev"),
                                                               "ManualApproval-dev")->summary, ==, "Checked the dev tables, ship it");

  /* prod's deploy fails with the fault's message */
  advance_clock (200);
  refresh_now (view);
  g_assert_cmpint (status_of (view, "Deploy-Stage-prod"), ==, SLUICE_STAGES_STATUS_FAILED);
  lane = sluice_deployment_get_lane (sluice_stages_view_get_deployment (view), 0);
  prod = sluice_deployment_find_deploy_step (sluice_stages_view_get_deployment (view), "prod");
  g_assert_nonnull (prod);
  g_assert_nonnull (strstr (prod->error_message, "the tables are locked"));
  g_assert_cmpstr (sluice_stages_view_get_summary (view), ==, "Failed");
  g_assert_cmpuint (count_notes (notes, "sales-ingest: prod failed\nThe stack update failed: the tables are locked"), ==, 1);
  refresh_now (view);
  g_assert_cmpuint (count_notes (notes, "prod failed"), ==, 1);
  g_assert_cmpuint (count_notes (notes, "prod succeeded"), ==, 0);

  /* Retry, confirmed: the fault is spent, so the second run succeeds. */
  dialog = activate_node (view, "Deploy-Stage-prod");
  g_assert_true (dialog_has_text (GTK_WIDGET (dialog), "the tables are locked"));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  adw_message_dialog_response (dialog, "retry");
  dialog = _sluice_stages_view_get_dialog (view);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "confirm"));
  adw_message_dialog_response (dialog, "confirm");
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  g_assert_null (_sluice_stages_view_get_action_error (view));
  refresh_now (view);
  g_assert_cmpint (status_of (view, "Deploy-Stage-prod"), ==, SLUICE_STAGES_STATUS_IN_PROGRESS);
  advance_clock (200);
  refresh_now (view);
  g_assert_cmpint (status_of (view, "Deploy-Stage-prod"), ==, SLUICE_STAGES_STATUS_SUCCEEDED);
  g_assert_cmpstr (sluice_stages_view_get_summary (view), ==, "Succeeded");
  g_assert_cmpuint (count_notes (notes, "sales-ingest: prod succeeded"), ==, 1);
  g_assert_cmpuint (count_notes (notes, "prod failed"), ==, 1);
  /* what is where: prod has a revision now */
  g_assert_false (_sluice_stages_view_history_shows (view, "Nothing deployed yet"));
  sluice_test_save_screenshot (window, "stages-trunk.png");

  /* Disable prod's transition with a reason, confirmed, then enable it again. */
  dialog = activate_node (view, "Deploy-Stage-prod");
  adw_message_dialog_response (dialog, "disable");
  dialog = _sluice_stages_view_get_dialog (view);
  gtk_editable_set_text (_sluice_stages_view_get_reason_entry (view), "Release freeze (week 49)");
  adw_message_dialog_response (dialog, "confirm");
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  refresh_now (view);
  prod = sluice_deployment_find_deploy_step (sluice_stages_view_get_deployment (view), "prod");
  g_assert_false (prod->transition_enabled);
  g_assert_cmpstr (prod->transition_reason, ==, "Release freeze (week 49)");
  dialog = activate_node (view, "Deploy-Stage-prod");
  g_assert_true (dialog_has_text (GTK_WIDGET (dialog), "Release freeze (week 49)"));
  adw_message_dialog_response (dialog, "enable");
  adw_message_dialog_response (_sluice_stages_view_get_dialog (view), "confirm");
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  refresh_now (view);
  g_assert_true (sluice_deployment_find_deploy_step (sluice_stages_view_get_deployment (view), "prod")->transition_enabled);

  /* A reason CodePipeline refuses (a comma) is a sentence, not a silent failure. */
  dialog = activate_node (view, "Deploy-Stage-prod");
  adw_message_dialog_response (dialog, "disable");
  gtk_editable_set_text (_sluice_stages_view_get_reason_entry (view), "No, not now");
  adw_message_dialog_response (_sluice_stages_view_get_dialog (view), "confirm");
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  g_assert_nonnull (_sluice_stages_view_get_action_error (view));

  /* A new change waits at the approval again: one notification, not one a refresh. */
  n_waiting = count_notes (notes, "waits for approval");
  release_to_approval (view);
  g_assert_cmpuint (count_notes (notes, "waits for approval"), ==, n_waiting + 1);
  refresh_now (view);
  g_assert_cmpuint (count_notes (notes, "waits for approval"), ==, n_waiting + 1);

  /* Reject it with a comment through the Review dialog: CodePipeline has the rejection. */
  dialog = activate_node (view, "ManualApproval-dev");
  adw_message_dialog_response (dialog, "review");
  dialog = _sluice_stages_view_get_dialog (view);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Review");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (_sluice_stages_view_get_comment_view (view)),
                            "  The dev tables miss the region column  ", -1);
  adw_message_dialog_response (dialog, "reject");
  g_assert_null (_sluice_stages_view_get_dialog (view));
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  g_assert_null (_sluice_stages_view_get_action_error (view));
  refresh_now (view);
  g_assert_cmpint (status_of (view, "ManualApproval-dev"), ==, SLUICE_STAGES_STATUS_FAILED);
  g_clear_pointer (&state, sluice_codepipeline_state_unref);
  lane_name = g_strdup (sluice_deployment_get_lane (sluice_stages_view_get_deployment (view), 0)->name);
  state = pipeline_state (client, lane_name);
  {
    const SluiceCodePipelineActionState *rejected =
      sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (state, "ManualApproval-dev"),
                                                  "ManualApproval-dev");

    g_assert_cmpint (rejected->status, ==, SLUICE_CODEPIPELINE_STATUS_FAILED);
    g_assert_cmpstr (rejected->summary, ==, "The dev tables miss the region column");
  }
  g_assert_cmpuint (count_notes (notes, "sales-ingest: dev failed"), ==, 1);
  rejected_execution = latest_execution (client, lane_name);
  g_assert_cmpint (rejected_execution->status, ==, SLUICE_CODEPIPELINE_STATUS_FAILED);

  /* Stop the next execution where it waits, with a reason, confirmed: CodePipeline stopped it. */
  release_to_approval (view);
  dialog = activate_node (view, "ManualApproval-dev");
  g_assert_true (adw_message_dialog_has_response (dialog, "stop"));
  adw_message_dialog_response (dialog, "stop");
  dialog = _sluice_stages_view_get_dialog (view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Stop the Execution?");
  g_assert_nonnull (_sluice_stages_view_get_reason_entry (view));
  gtk_editable_set_text (_sluice_stages_view_get_reason_entry (view), "Wrong commit");
  /* cancelled first: nothing is stopped */
  adw_message_dialog_response (dialog, "cancel");
  g_assert_false (_sluice_stages_view_get_acting (view));
  refresh_now (view);
  g_assert_cmpint (status_of (view, "ManualApproval-dev"), ==, SLUICE_STAGES_STATUS_WAITING);
  dialog = activate_node (view, "ManualApproval-dev");
  adw_message_dialog_response (dialog, "stop");
  gtk_editable_set_text (_sluice_stages_view_get_reason_entry (view), "Wrong commit");
  adw_message_dialog_response (_sluice_stages_view_get_dialog (view), "confirm");
  g_assert_true (sluice_test_wait_for (not_acting, view, 10000));
  g_assert_null (_sluice_stages_view_get_action_error (view));
  refresh_now (view);
  stopped = latest_execution (client, lane_name);
  g_assert_cmpint (stopped->status, ==, SLUICE_CODEPIPELINE_STATUS_STOPPED);
  g_assert_cmpstr (stopped->stop_reason, ==, "Wrong commit");
  g_assert_cmpint (status_of (view, "ManualApproval-dev"), ==, SLUICE_STAGES_STATUS_STOPPED);

  _sluice_stages_view_set_notify_hook (view, NULL, NULL);
  /* the page goes with its window (a toast still shown must not outlive the overlay's window) */
  g_object_unref (page);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every lane's branch drawn as pushed or missing. */
static gboolean
branch_checked (gpointer data)
{
  SluiceStagesView *view = data;
  SluiceDeployment *deployment = sluice_stages_view_get_deployment (view);

  if (deployment == NULL || sluice_deployment_get_n_lanes (deployment) == 0)
    return FALSE;
  for (guint i = 0; i < sluice_deployment_get_n_lanes (deployment); i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (deployment, i);
      g_autofree char *id = g_strdup_printf ("branch:%s:%s", lane->name, lane->branch);

      if (sluice_stages_graph_get_node_status (_sluice_stages_view_get_graph (view), id) == SLUICE_STAGES_STATUS_NONE)
        return FALSE;
    }
  return TRUE;
}

static void
test_gitflow (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  SluicePipelinePage *page;
  SluiceStagesView *view;
  SluiceDeployment *deployment;
  GtkWidget *window;
  gboolean saw_missing = FALSE;
  gboolean saw_found = FALSE;

  if (!have_session_bus ())
    return;
  account = sluice_test_emulator_new_account (emulator, "test-stages-gitflow", "engineer@example.com");
  window = window_with_page (account, "ml-features", &page);

  /* ml-features' stack is still pending: a sentence, no graph. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.show-tab", "s", "stages"));
  g_assert_true (sluice_stages_view_get_requested (page->stages_view));
  g_assert_nonnull (sluice_stages_view_get_message (page->stages_view));
  g_assert_nonnull (strstr (sluice_stages_view_get_message (page->stages_view), "not complete yet"));
  g_assert_null (sluice_stages_view_get_summary (page->stages_view));

  /* The stack completes; the page reloads the pipeline and the tab follows. */
  advance_clock (240);
  sluice_pipeline_page_reload (page);
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  view = page->stages_view;
  {
    Refreshed r = { view, 0 };

    g_assert_true (sluice_test_wait_for (refreshed, &r, 10000));
  }
  g_assert_null (sluice_stages_view_get_message (view));
  g_assert_true (sluice_test_wait_for (branch_checked, view, 15000));
  refresh_now (view);

  /* One lane per stage: main exists (prod), dev and test do not, and their Source fails. */
  deployment = sluice_stages_view_get_deployment (view);
  g_assert_cmpuint (sluice_deployment_get_n_lanes (deployment), ==, 3);
  for (guint i = 0; i < sluice_deployment_get_n_lanes (deployment); i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (deployment, i);
      g_autofree char *branch = g_strdup_printf ("branch:%s:%s", lane->name, lane->branch);
      g_autofree char *source = g_strdup_printf ("%s/Source-%s", lane->name, lane->stage);
      SluiceStagesStatus status = sluice_stages_graph_get_node_status (_sluice_stages_view_get_graph (view), branch);

      if (g_strcmp0 (lane->branch, "main") == 0)
        {
          g_assert_cmpint (status, ==, SLUICE_STAGES_STATUS_BRANCH_FOUND);
          saw_found = TRUE;
        }
      else
        {
          g_assert_cmpint (status, ==, SLUICE_STAGES_STATUS_BRANCH_MISSING);
          g_assert_true (lane->branch_missing);
          g_assert_cmpint (sluice_stages_graph_get_node_status (_sluice_stages_view_get_graph (view), source), ==,
                           SLUICE_STAGES_STATUS_FAILED);
          saw_missing = TRUE;
          if (g_strcmp0 (lane->stage, "dev") == 0)
            {
              AdwMessageDialog *dialog;

              g_signal_emit_by_name (_sluice_stages_view_get_graph (view), "node-activated", branch);
              dialog = _sluice_stages_view_get_dialog (view);
              g_assert_nonnull (dialog);
              g_assert_true (dialog_has_text (GTK_WIDGET (dialog), "Missing"));
              adw_message_dialog_response (dialog, "close");
              g_assert_null (_sluice_stages_view_get_dialog (view));
            }
        }
    }
  g_assert_true (saw_found);
  g_assert_true (saw_missing);
  sluice_test_save_screenshot (window, "stages-gitflow.png");

  /* the page goes with its window (a toast still shown must not outlive the overlay's window) */
  g_object_unref (page);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cdk_trunk (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  SluicePipelinePage *page;
  SluiceStagesView *view;
  GtkWidget *window;
  g_autofree char *deploy = NULL;

  if (!have_session_bus ())
    return;
  account = sluice_test_emulator_new_account (emulator, "test-stages-cdk", "engineer@example.com");
  window = window_with_page (account, "customer-360", &page);
  view = show_stages (page);

  g_assert_null (sluice_stages_view_get_message (view));
  g_assert_cmpint (status_of (view, "Source"), !=, SLUICE_STAGES_STATUS_NONE);
  deploy = node_id (view, "dataall-Dev");
  g_assert_nonnull (sluice_stages_graph_get_node_widget (_sluice_stages_view_get_graph (view), deploy));
  sluice_test_save_screenshot (window, "stages-cdk-trunk.png");

  /* the page goes with its window (a toast still shown must not outlive the overlay's window) */
  g_object_unref (page);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--seed-number", "4242", NULL };
  int status;

  sluice_test_init_ui (&argc, &argv);

  emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);

  /* GitFlow first: its stack is pending until the clock moves, which the trunk test does. */
  g_setenv ("AWS_ENDPOINT_URL_CODECOMMIT", sluice_test_emulator_get_codecommit (emulator), TRUE);
  g_test_add_func ("/sluice/stages-view/gitflow", test_gitflow);
  g_test_add_func ("/sluice/stages-view/trunk", test_trunk);
  g_test_add_func ("/sluice/stages-view/cdk-trunk", test_cdk_trunk);

  status = g_test_run ();
  sluice_test_emulator_stop (emulator);
  return status;
}
