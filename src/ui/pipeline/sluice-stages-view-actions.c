/* sluice-stages-view-actions.c: the Stages tab's dialogs and actions
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-stages-view-private.h"
#include "sluice-stages-words.h"

/* A node's details, the Review dialog, the confirmations, and the CodePipeline calls they
 * make: part of SluiceStagesView (see sluice-stages-view-private.h). */


/* Forgets the dialog; it closes itself after a response, and is destroyed here otherwise. */
static void
drop_dialog (SluiceStagesView *self,
             gboolean          destroy)
{
  if (self->dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      if (destroy)
        gtk_window_destroy (GTK_WINDOW (dialog));
      g_object_unref (dialog);
    }
  self->comment_view = NULL;
  self->reason_entry = NULL;
  self->dialog_action = ACTION_NONE;
}

void
_sluice_stages_view_close_dialog (SluiceStagesView *self)
{
  drop_dialog (self, TRUE);
}

static void
acted (SluiceStagesView *self,
       GError           *error)
{
  if (self->disposed)
    return;
  self->acting = FALSE;
  g_clear_pointer (&self->action_error, g_free);
  if (error != NULL)
    {
      AdwToast *toast;
      GtkWidget *overlay;

      self->action_error = g_strdup (error->message);
      g_message ("A CodePipeline action failed: %s (%s)", error->message,
                 sluice_codepipeline_error_get_detail (error) != NULL ? sluice_codepipeline_error_get_detail (error) : "");
      overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        {
          toast = adw_toast_new (error->message);
          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
        }
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  /* the answer shows on the next refresh, which comes at once */
  self->interval = SLUICE_DEPLOYMENT_MIN_INTERVAL_MS;
  _sluice_stages_view_start_refresh (self, FALSE);
}

static void
approval_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceStagesView) self = user_data;
  g_autoptr(GError) error = NULL;

  sluice_codepipeline_client_put_approval_result_finish (SLUICE_CODEPIPELINE_CLIENT (source), result, NULL, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    acted (self, error);
}

static void
string_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SluiceStagesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GTask *task = G_TASK (result);
  gpointer tag = g_task_get_source_tag (task);
  SluiceCodePipelineClient *client = SLUICE_CODEPIPELINE_CLIENT (source);

  if (tag == sluice_codepipeline_client_retry_stage_execution_async)
    id = sluice_codepipeline_client_retry_stage_execution_finish (client, result, &error);
  else if (tag == sluice_codepipeline_client_start_pipeline_execution_async)
    id = sluice_codepipeline_client_start_pipeline_execution_finish (client, result, &error);
  else
    id = sluice_codepipeline_client_stop_pipeline_execution_finish (client, result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    acted (self, error);
}

static void
transition_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SluiceStagesView) self = user_data;
  g_autoptr(GError) error = NULL;

  sluice_codepipeline_client_set_stage_transition_finish (SLUICE_CODEPIPELINE_CLIENT (source), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    acted (self, error);
}

static void
run_action (SluiceStagesView *self,
            StagesAction      action,
            const char       *lane_name,
            const char       *step_name,
            const char       *text)
{
  SluiceDeploymentLane *lane = sluice_deployment_find_lane (self->deployment, lane_name);
  SluiceDeploymentStep *step = NULL;

  if (lane == NULL)
    return;
  for (guint i = 0; step_name != NULL && i < lane->steps->len; i++)
    if (g_strcmp0 (((SluiceDeploymentStep *) g_ptr_array_index (lane->steps, i))->name, step_name) == 0)
      step = g_ptr_array_index (lane->steps, i);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  self->acting = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), FALSE);

  switch (action)
    {
    case ACTION_APPROVE:
    case ACTION_REJECT:
      g_return_if_fail (step != NULL);
      sluice_codepipeline_client_put_approval_result_async (self->client, lane->name, step->name,
                                                            step->action != NULL ? step->action : step->name,
                                                            step->approval_token != NULL ? step->approval_token : "",
                                                            action == ACTION_APPROVE, text != NULL ? text : "",
                                                            self->cancellable, approval_cb, g_object_ref (self));
      break;
    case ACTION_RETRY:
      g_return_if_fail (step != NULL);
      sluice_codepipeline_client_retry_stage_execution_async (self->client, lane->name, step->name, step->execution_id,
                                                              FALSE, self->cancellable, string_cb, g_object_ref (self));
      break;
    case ACTION_RELEASE:
      sluice_codepipeline_client_start_pipeline_execution_async (self->client, lane->name, self->cancellable,
                                                                 string_cb, g_object_ref (self));
      break;
    case ACTION_STOP:
      sluice_codepipeline_client_stop_pipeline_execution_async (self->client, lane->name,
                                                                step != NULL && step->execution_id != NULL
                                                                ? step->execution_id
                                                                : lane->latest != NULL ? lane->latest->execution_id : "",
                                                                FALSE, text, self->cancellable, string_cb,
                                                                g_object_ref (self));
      break;
    case ACTION_DISABLE:
    case ACTION_ENABLE:
      g_return_if_fail (step != NULL);
      sluice_codepipeline_client_set_stage_transition_async (self->client, lane->name, step->name,
                                                             SLUICE_CODEPIPELINE_TRANSITION_INBOUND,
                                                             action == ACTION_ENABLE, text, self->cancellable,
                                                             transition_cb, g_object_ref (self));
      break;
    case ACTION_NONE:
    default:
      self->acting = FALSE;
      break;
    }
}

static SluiceDeploymentStep *
dialog_step (SluiceStagesView      *self,
             SluiceDeploymentLane **lane_out)
{
  SluiceDeploymentLane *lane;

  if (self->deployment == NULL || self->dialog_lane == NULL)
    return NULL;
  lane = sluice_deployment_find_lane (self->deployment, self->dialog_lane);
  if (lane_out != NULL)
    *lane_out = lane;
  for (guint i = 0; lane != NULL && self->dialog_step != NULL && i < lane->steps->len; i++)
    if (g_strcmp0 (((SluiceDeploymentStep *) g_ptr_array_index (lane->steps, i))->name, self->dialog_step) == 0)
      return g_ptr_array_index (lane->steps, i);
  return NULL;
}

static AdwMessageDialog *
new_dialog (SluiceStagesView *self,
            const char       *heading,
            const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  _sluice_stages_view_close_dialog (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  self->dialog = g_object_ref_sink (dialog);
  return dialog;
}

static char *
comment_text (SluiceStagesView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->comment_view == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void confirm_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 SluiceStagesView *self);

/* A confirmation, with a reason entry for Disable and Stop. */
static void
confirm (SluiceStagesView *self,
         StagesAction      action)
{
  SluiceDeploymentLane *lane = NULL;
  SluiceDeploymentStep *step = dialog_step (self, &lane);
  g_autofree char *lane_name = g_strdup (self->dialog_lane);
  g_autofree char *step_name = g_strdup (self->dialog_step);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *label = NULL;
  gboolean destructive = FALSE;
  gboolean reason = FALSE;
  AdwMessageDialog *dialog;
  const char *what = step != NULL && step->stage != NULL ? step->stage : step_name;

  if (lane == NULL)
    return;
  switch (action)
    {
    case ACTION_RETRY:
      heading = g_strdup (_("Retry the Failed Actions?"));
      body = g_strdup_printf (_("CodePipeline runs the failed actions of stage %s of %s again, with the same revision."),
                              step_name, lane_name);
      label = _("_Retry");
      break;
    case ACTION_RELEASE:
      heading = g_strdup (_("Release Change?"));
      body = g_strdup_printf (_("CodePipeline starts a new execution of %s with the latest commit of branch %s."),
                              lane_name, lane->branch != NULL ? lane->branch : "main");
      label = _("_Release");
      break;
    case ACTION_STOP:
      heading = g_strdup (_("Stop the Execution?"));
      body = g_strdup_printf (_("The running actions of %s finish, then the execution stops; an open approval is abandoned."),
                              lane_name);
      label = _("_Stop");
      destructive = TRUE;
      reason = TRUE;
      break;
    case ACTION_DISABLE:
      heading = g_strdup (_("Disable the Transition?"));
      body = g_strdup_printf (_("No execution enters %s of %s until the transition is enabled again."), what, lane_name);
      label = _("_Disable");
      destructive = TRUE;
      reason = TRUE;
      break;
    case ACTION_ENABLE:
      heading = g_strdup (_("Enable the Transition?"));
      body = g_strdup_printf (_("Executions enter %s of %s again; one waiting there goes on at once."), what, lane_name);
      label = _("_Enable");
      break;
    case ACTION_NONE:
    case ACTION_APPROVE:
    case ACTION_REJECT:
    default:
      return;
    }

  dialog = new_dialog (self, heading, body);
  g_free (self->dialog_lane);
  self->dialog_lane = g_steal_pointer (&lane_name);
  g_free (self->dialog_step);
  self->dialog_step = g_steal_pointer (&step_name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (reason)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
      if (action == ACTION_DISABLE)
        gtk_editable_set_text (GTK_EDITABLE (entry), _("Paused from Sluice"));
      adw_message_dialog_set_extra_child (dialog, entry);
      self->reason_entry = GTK_EDITABLE (entry);
    }
  self->dialog_action = action;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SluiceStagesView *self)
{
  StagesAction action = self->dialog_action;
  g_autofree char *reason = NULL;
  g_autofree char *lane = g_strdup (self->dialog_lane);
  g_autofree char *step = g_strdup (self->dialog_step);

  if (dialog != self->dialog)
    return;
  if (self->reason_entry != NULL)
    reason = g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));
  if (action == ACTION_DISABLE && (reason == NULL || *reason == '\0'))
    {
      g_free (reason);
      reason = g_strdup (_("Paused from Sluice"));
    }
  drop_dialog (self, FALSE);
  if (g_strcmp0 (response, "confirm") == 0)
    run_action (self, action, lane, step, reason);
}

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SluiceStagesView *self)
{
  g_autofree char *comment = comment_text (self);
  g_autofree char *lane = g_strdup (self->dialog_lane);
  g_autofree char *step = g_strdup (self->dialog_step);

  if (dialog != self->dialog)
    return;
  drop_dialog (self, FALSE);
  if (g_strcmp0 (response, "approve") == 0)
    run_action (self, ACTION_APPROVE, lane, step, comment);
  else if (g_strcmp0 (response, "reject") == 0)
    run_action (self, ACTION_REJECT, lane, step, comment);
}

/* The Review dialog, as in the CodePipeline console: the revision being promoted, a comment,
 * Reject or Approve. */
static void
review (SluiceStagesView *self)
{
  SluiceDeploymentLane *lane = NULL;
  SluiceDeploymentStep *step = dialog_step (self, &lane);
  g_autofree char *lane_name = g_strdup (self->dialog_lane);
  g_autofree char *step_name = g_strdup (self->dialog_step);
  g_autofree char *revision = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *scrolled, *view, *caption;

  if (step == NULL)
    return;
  revision = sluice_stages_short_revision (step->revision_id, step->revision_summary);
  body = g_strdup_printf (_("Approve to promote this revision past %s of %s, or reject to stop it here."),
                          step_name, lane_name);
  dialog = new_dialog (self, _("Review"), body);
  g_free (self->dialog_lane);
  g_free (self->dialog_step);
  self->dialog_lane = g_steal_pointer (&lane_name);
  self->dialog_step = g_steal_pointer (&step_name);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  caption = gtk_label_new (_("Revision"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "heading");
  gtk_box_append (GTK_BOX (box), caption);
  label = gtk_label_new (revision);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  caption = gtk_label_new_with_mnemonic (_("_Comments"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "heading");
  gtk_widget_set_margin_top (caption, 6);
  gtk_box_append (GTK_BOX (box), caption);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scrolled, "card");
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comments"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (dialog, box);
  self->comment_view = GTK_TEXT_VIEW (view);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reject", _("Re_ject"),
                                    "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (review_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SluiceStagesView *self)
{
  if (dialog != self->dialog)
    return;
  /* the details close after any response; the next dialog takes their place */
  drop_dialog (self, FALSE);
  if (g_strcmp0 (response, "review") == 0)
    review (self);
  else if (g_strcmp0 (response, "retry") == 0)
    confirm (self, ACTION_RETRY);
  else if (g_strcmp0 (response, "release") == 0)
    confirm (self, ACTION_RELEASE);
  else if (g_strcmp0 (response, "stop") == 0)
    confirm (self, ACTION_STOP);
  else if (g_strcmp0 (response, "disable") == 0)
    confirm (self, ACTION_DISABLE);
  else if (g_strcmp0 (response, "enable") == 0)
    confirm (self, ACTION_ENABLE);
}

static void
add_detail (GtkGrid    *grid,
            int         row,
            const char *caption,
            const char *value)
{
  GtkWidget *name = gtk_label_new (caption);
  GtkWidget *text = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (name), 1);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL, -1);
  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
}

/* A node's details, and the actions its state allows. */
static void
open_details (SluiceStagesView *self,
              const char       *node_id)
{
  SluiceStagesInput *input = sluice_stages_graph_get_input (self->graph);
  int index = input != NULL ? sluice_stages_input_find_node (input, node_id) : -1;
  const SluiceStagesNode *node;
  SluiceDeploymentLane *lane = NULL;
  SluiceDeploymentStep *step = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid, *box, *link;
  g_autofree char *heading = NULL;
  g_autofree char *url = NULL;
  int row = 0;

  if (index < 0 || self->deployment == NULL)
    return;
  node = sluice_stages_input_get_node (input, index);
  lane = sluice_deployment_find_lane (self->deployment, node->pipeline_name);
  if (lane == NULL)
    return;
  for (guint i = 0; node->stage_name != NULL && i < lane->steps->len; i++)
    if (g_strcmp0 (((SluiceDeploymentStep *) g_ptr_array_index (lane->steps, i))->name, node->stage_name) == 0)
      step = g_ptr_array_index (lane->steps, i);

  if (node->kind == SLUICE_STAGES_NODE_BRANCH)
    heading = g_strdup_printf (_("Branch %s"), node->branch);
  else
    heading = g_strdup (node->stage_name);
  dialog = new_dialog (self, heading, NULL);
  g_free (self->dialog_lane);
  self->dialog_lane = g_strdup (lane->name);
  g_free (self->dialog_step);
  self->dialog_step = g_strdup (node->stage_name);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add_detail (GTK_GRID (grid), row++, _("Pipeline"), lane->name);
  if (node->kind == SLUICE_STAGES_NODE_BRANCH)
    {
      add_detail (GTK_GRID (grid), row++, _("Status"),
                  !self->branches_known ? _("Not checked yet")
                  : lane->branch_missing ? _("Missing: the pipeline fails at its source stage until the branch is pushed.")
                  : _("Pushed"));
    }
  else if (step != NULL)
    {
      g_autofree char *started = sluice_stages_format_time (step->started);
      gboolean finished = step->status != SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS &&
                          step->status != SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL &&
                          step->status != SLUICE_DEPLOYMENT_STATUS_STOPPING;
      g_autofree char *ended = finished && step->changed > 0 ? sluice_stages_format_time (step->changed) : g_strdup (_("Not finished"));
      g_autofree char *revision = sluice_stages_short_revision (step->revision_id, step->revision_summary);

      add_detail (GTK_GRID (grid), row++, _("Status"), sluice_stages_status_words (step->status));
      if (node->environment != NULL)
        add_detail (GTK_GRID (grid), row++, _("Environment"), node->environment);
      add_detail (GTK_GRID (grid), row++, _("Execution"), step->execution_id != NULL ? step->execution_id : _("None yet"));
      add_detail (GTK_GRID (grid), row++, _("Revision"), revision);
      add_detail (GTK_GRID (grid), row++, _("Started"), started);
      add_detail (GTK_GRID (grid), row++, _("Ended"), ended);
      if (step->error_message != NULL)
        add_detail (GTK_GRID (grid), row++, _("Error"), step->error_message);
      if (!step->transition_enabled)
        add_detail (GTK_GRID (grid), row++, _("Transition"),
                    step->transition_reason != NULL ? step->transition_reason : _("Disabled"));
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), grid);
  url = sluice_stages_console_url (sluice_codepipeline_client_get_region (self->client), lane->name);
  link = gtk_link_button_new_with_label (url, _("Open in the CodePipeline Console"));
  gtk_widget_set_halign (link, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), link);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (step != NULL && step->status == SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL && step->approval_token != NULL)
    {
      adw_message_dialog_add_response (dialog, "review", _("Re_view…"));
      adw_message_dialog_set_response_appearance (dialog, "review", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "review");
    }
  if (step != NULL && (step->status == SLUICE_DEPLOYMENT_STATUS_FAILED || step->status == SLUICE_DEPLOYMENT_STATUS_STOPPED) &&
      step->execution_id != NULL)
    {
      adw_message_dialog_add_response (dialog, "retry", _("_Retry…"));
      adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
    }
  if (step != NULL && (step->status == SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS ||
                       step->status == SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL))
    adw_message_dialog_add_response (dialog, "stop", _("_Stop…"));
  if (step != NULL && step->kind != SLUICE_DEPLOYMENT_STEP_SOURCE)
    {
      if (step->transition_enabled)
        adw_message_dialog_add_response (dialog, "disable", _("_Disable Transition…"));
      else
        adw_message_dialog_add_response (dialog, "enable", _("_Enable Transition…"));
    }
  if (node->kind == SLUICE_STAGES_NODE_BRANCH || (step != NULL && step->kind == SLUICE_DEPLOYMENT_STEP_SOURCE))
    adw_message_dialog_add_response (dialog, "release", _("Release _Change…"));
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (details_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
node_activated_cb (SluiceStagesView *self,
                   const char       *node_id)
{
  open_details (self, node_id);
}

static void
release_clicked_cb (SluiceStagesView *self)
{
  SluiceDeploymentLane *lane;

  if (self->deployment == NULL || sluice_deployment_get_n_lanes (self->deployment) == 0)
    return;
  lane = sluice_deployment_get_lane (self->deployment, 0);
  g_free (self->dialog_lane);
  self->dialog_lane = g_strdup (lane->name);
  g_clear_pointer (&self->dialog_step, g_free);
  confirm (self, ACTION_RELEASE);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sluice_stages_view_refresh (SLUICE_STAGES_VIEW (widget));
}

void
_sluice_stages_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, release_clicked_cb);

  gtk_widget_class_install_action (widget_class, "stages.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "stages.refresh", NULL);
}
