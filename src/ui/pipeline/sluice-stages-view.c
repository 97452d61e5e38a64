/* sluice-stages-view.c: the pipeline page's Stages tab
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-codepipeline-client.h"
#include "sluice-git.h"
#include "sluice-stages-layout.h"
#include "sluice-stages-view-private.h"

/**
 * SluiceStagesView:
 *
 * The Stages tab: a #SluiceDeployment read from AWS CodePipeline with the pipeline's own keys,
 * drawn by a #SluiceStagesGraph, refreshed on its own while the tab is shown (backing off
 * while nothing changes) and with F5. A node opens its details, from which a lead approves
 * or rejects (the Review dialog), retries a failed stage, releases a change, stops an
 * execution or disables and enables a transition, each confirmed. Below the graph: what is
 * where, and the recent executions of each CodePipeline. A stage that finishes, fails or
 * starts waiting for approval while Sluice runs is told as a desktop notification.
 */

typedef enum
{
  ACTION_NONE,
  ACTION_APPROVE,
  ACTION_REJECT,
  ACTION_RETRY,
  ACTION_RELEASE,
  ACTION_STOP,
  ACTION_DISABLE,
  ACTION_ENABLE,
} StagesAction;

struct _SluiceStagesView
{
  AdwBin                    parent_instance;

  SluiceAccount            *account;
  SluicePipeline           *pipeline;
  SluiceDeployment         *deployment;
  SluiceCodePipelineClient *client;
  SluiceGitRemote          *remote;
  GCancellable             *cancellable;
  GHashTable               *shown;         /* node id → SluiceDeploymentStatus last drawn */
  char                     *shape;         /* the strategy and stages the graph was built for */
  char                     *message;       /* the sentence shown instead of the graph */
  char                     *summary;       /* the deployment's state in words, for the header */
  const char               *summary_class;
  char                     *action_error;
  guint                     timeout_id;
  guint                     interval;
  guint                     n_refreshes;
  gboolean                  requested;
  gboolean                  loading;
  gboolean                  has_data;
  gboolean                  branches_known;
  gboolean                  disposed;
  gboolean                  acting;

  /* the dialog open now and what it is about */
  AdwMessageDialog         *dialog;
  GtkTextView              *comment_view;
  GtkEditable              *reason_entry;
  char                     *dialog_lane;
  char                     *dialog_step;

  /* Template widgets */
  GtkStack                 *stack;
  AdwStatusPage            *message_page;
  SluiceStagesGraph        *graph;
  GtkLabel                 *error_label;
  GtkButton                *release_button;
  AdwPreferencesGroup      *where_group;
  GtkBox                   *history_box;
  GList                    *where_rows;
  GList                    *history_groups;
};

G_DEFINE_FINAL_TYPE (SluiceStagesView, sluice_stages_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_refresh (SluiceStagesView *self);
static void start_refresh    (SluiceStagesView *self,
                              gboolean          read_branches);

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static const char *
status_words (SluiceDeploymentStatus status)
{
  switch (status)
    {
    case SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS:
      return _("In progress");
    case SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL:
      return _("Waiting for approval");
    case SLUICE_DEPLOYMENT_STATUS_SUCCEEDED:
      return _("Succeeded");
    case SLUICE_DEPLOYMENT_STATUS_FAILED:
      return _("Failed");
    case SLUICE_DEPLOYMENT_STATUS_STOPPING:
      return _("Stopping");
    case SLUICE_DEPLOYMENT_STATUS_STOPPED:
      return _("Stopped");
    case SLUICE_DEPLOYMENT_STATUS_CANCELLED:
      return _("Cancelled");
    case SLUICE_DEPLOYMENT_STATUS_NOT_RUN:
      return _("Not run yet");
    case SLUICE_DEPLOYMENT_STATUS_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static const char *
status_class (SluiceDeploymentStatus status)
{
  switch (status)
    {
    case SLUICE_DEPLOYMENT_STATUS_SUCCEEDED:
      return "success";
    case SLUICE_DEPLOYMENT_STATUS_FAILED:
      return "error";
    case SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL:
    case SLUICE_DEPLOYMENT_STATUS_STOPPING:
    case SLUICE_DEPLOYMENT_STATUS_STOPPED:
    case SLUICE_DEPLOYMENT_STATUS_CANCELLED:
      return "warning";
    case SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS:
    case SLUICE_DEPLOYMENT_STATUS_NOT_RUN:
    case SLUICE_DEPLOYMENT_STATUS_UNKNOWN:
    default:
      return "accent";
    }
}

static SluiceStagesStatus
graph_status (SluiceDeploymentStatus status)
{
  switch (status)
    {
    case SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS:
      return SLUICE_STAGES_STATUS_IN_PROGRESS;
    case SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL:
      return SLUICE_STAGES_STATUS_WAITING;
    case SLUICE_DEPLOYMENT_STATUS_SUCCEEDED:
      return SLUICE_STAGES_STATUS_SUCCEEDED;
    case SLUICE_DEPLOYMENT_STATUS_FAILED:
      return SLUICE_STAGES_STATUS_FAILED;
    case SLUICE_DEPLOYMENT_STATUS_STOPPING:
      return SLUICE_STAGES_STATUS_STOPPING;
    case SLUICE_DEPLOYMENT_STATUS_STOPPED:
      return SLUICE_STAGES_STATUS_STOPPED;
    case SLUICE_DEPLOYMENT_STATUS_CANCELLED:
      return SLUICE_STAGES_STATUS_CANCELLED;
    case SLUICE_DEPLOYMENT_STATUS_NOT_RUN:
    case SLUICE_DEPLOYMENT_STATUS_UNKNOWN:
    default:
      return SLUICE_STAGES_STATUS_NONE;
    }
}

static const char *
trigger_words (const char *trigger)
{
  if (trigger == NULL)
    return _("Unknown");
  if (g_str_equal (trigger, "CreatePipeline"))
    return _("Pipeline created");
  if (g_str_equal (trigger, "StartPipelineExecution"))
    return _("Released by hand");
  if (g_str_equal (trigger, "PollForSourceChanges") || g_str_equal (trigger, "CloudWatchEvent") ||
      g_str_equal (trigger, "Webhook"))
    return _("Push");
  return trigger;
}

static const char *
execution_status_words (SluiceCodePipelineStatus status)
{
  if (status == SLUICE_CODEPIPELINE_STATUS_SUPERSEDED)
    return _("Superseded");
  return status_words (sluice_deployment_status_from_codepipeline (status));
}

static char *
short_revision (const char *revision_id,
                const char *summary)
{
  g_autofree char *first_line = NULL;

  if (revision_id == NULL)
    return g_strdup (_("No revision yet"));
  if (summary != NULL)
    {
      const char *nl = strchr (summary, '\n');

      first_line = nl != NULL ? g_strndup (summary, nl - summary) : g_strdup (summary);
    }
  if (first_line == NULL || *first_line == '\0')
    return g_strndup (revision_id, 7);
  /* TRANSLATORS: a short commit id and its message's first line */
  return g_strdup_printf (_("%.7s %s"), revision_id, first_line);
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_seconds <= 0)
    return g_strdup (_("Unknown"));
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static char *
format_duration (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup (_("Unknown"));
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min %d s"), (int) (seconds / 60), (int) (seconds % 60));
  return g_strdup_printf (_("%d h %d min"), (int) (seconds / 3600), (int) ((seconds % 3600) / 60));
}

/* The AWS console page of one CodePipeline. */
static char *
console_url (const char *region,
             const char *pipeline)
{
  g_autofree char *name = g_uri_escape_string (pipeline, NULL, FALSE);

  return g_strdup_printf ("https://%s.console.aws.amazon.com/codesuite/codepipeline/pipelines/%s/view?region=%s",
                          region, name, region);
}

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
set_loading (SluiceStagesView *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_summary (SluiceStagesView *self,
             const char       *summary,
             const char       *klass)
{
  self->summary_class = klass;
  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* A sentence instead of the graph. */
static void
show_message (SluiceStagesView *self,
              const char       *title,
              const char       *sentence)
{
  g_free (self->message);
  self->message = g_strdup (sentence);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, sentence);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
stop_timer (SluiceStagesView *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/* Why the pipeline has no CodePipelines to read, or NULL when it should have them. */
static gboolean
check_ready (SluiceStagesView *self)
{
  SluiceEnvironment *environment;
  SluiceStack *stack;
  const char *status = NULL;

  if (self->pipeline == NULL || self->account == NULL)
    return FALSE;
  environment = sluice_pipeline_get_environment (self->pipeline);
  if (environment != NULL && sluice_environment_get_parameters_known (environment) &&
      !sluice_environment_get_pipelines_enabled (environment))
    {
      show_message (self, _("Pipelines Are Disabled"),
                    _("Pipelines are disabled in this pipeline’s environment, so it has no CodePipelines to show."));
      return FALSE;
    }
  if (environment == NULL || sluice_environment_get_region (environment) == NULL)
    {
      show_message (self, _("No Environment"),
                    _("data.all did not say which environment and region this pipeline deploys from."));
      return FALSE;
    }
  stack = sluice_pipeline_get_stack (self->pipeline);
  if (stack != NULL)
    status = sluice_stack_get_status (stack);
  /* CodePipelines exist once the stack is created: CREATE_COMPLETE or any update since. */
  if (status == NULL || !(g_str_equal (status, "CREATE_COMPLETE") || g_str_has_prefix (status, "UPDATE_")))
    {
      show_message (self, _("Stack Not Complete Yet"),
                    _("The pipeline’s stack is not complete yet: its CodePipelines exist once AWS CloudFormation has created it."));
      return FALSE;
    }
  return TRUE;
}

static char *
shape_of (SluicePipeline *pipeline)
{
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  GString *out = g_string_new (sluice_pipeline_get_dev_strategy (pipeline));

  g_string_append_printf (out, "|%s|", sluice_pipeline_get_repo (pipeline));
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (out, "%s,%s,%s,%s;", sluice_stage_get_stage (stage),
                              sluice_stage_get_environment_label (stage),
                              sluice_stage_get_region (stage), sluice_stage_get_team (stage));
    }
  return g_string_free (out, FALSE);
}

/* The deployment, the client and the graph's shape for the pipeline as data.all has it now. */
static void
build_model (SluiceStagesView *self)
{
  g_autofree char *shape = shape_of (self->pipeline);
  GListModel *stages;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(SluiceStagesInput) input = NULL;
  SluiceEnvironment *environment = sluice_pipeline_get_environment (self->pipeline);
  const char *repo = sluice_pipeline_get_repo (self->pipeline);

  if (self->deployment != NULL && g_strcmp0 (shape, self->shape) == 0)
    return;
  g_free (self->shape);
  self->shape = g_steal_pointer (&shape);

  stages = sluice_pipeline_get_stages (self->pipeline);
  names = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (names, (gpointer) sluice_stage_get_stage (stage));
    }
  g_ptr_array_add (names, NULL);
  if (repo == NULL || *repo == '\0')
    repo = sluice_pipeline_get_name (self->pipeline);

  g_clear_object (&self->deployment);
  self->deployment = sluice_deployment_new (sluice_pipeline_get_dev_strategy (self->pipeline), repo,
                                            (const char * const *) names->pdata);
  if (self->client == NULL)
    self->client = sluice_codepipeline_client_new (self->account, sluice_pipeline_get_uri (self->pipeline),
                                                   sluice_pipeline_get_label (self->pipeline),
                                                   sluice_environment_get_aws_account_id (environment),
                                                   sluice_environment_get_region (environment));
  input = sluice_stages_input_new_from_pipeline (self->pipeline);
  sluice_stages_graph_set_input (self->graph, input);
  g_hash_table_remove_all (self->shown);
  self->has_data = FALSE;
  self->branches_known = FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Glue: the deployment onto the graph                                                        */
/* ------------------------------------------------------------------------------------------ */

static void
notify_step (SluiceStagesView     *self,
             SluiceDeploymentLane *lane,
             SluiceDeploymentStep *step)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autofree char *revision = short_revision (step->revision_id, step->revision_summary);
  const char *what = step->stage != NULL ? step->stage : step->name;

  if (app == NULL || !g_application_get_is_registered (app))
    return;
  switch (step->status)
    {
    case SLUICE_DEPLOYMENT_STATUS_SUCCEEDED:
      title = g_strdup_printf (_("%s: %s succeeded"), sluice_pipeline_get_label (self->pipeline), what);
      break;
    case SLUICE_DEPLOYMENT_STATUS_FAILED:
      title = g_strdup_printf (_("%s: %s failed"), sluice_pipeline_get_label (self->pipeline), what);
      break;
    case SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL:
      title = g_strdup_printf (_("%s: %s waits for approval"), sluice_pipeline_get_label (self->pipeline), what);
      break;
    case SLUICE_DEPLOYMENT_STATUS_UNKNOWN:
    case SLUICE_DEPLOYMENT_STATUS_NOT_RUN:
    case SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS:
    case SLUICE_DEPLOYMENT_STATUS_STOPPING:
    case SLUICE_DEPLOYMENT_STATUS_STOPPED:
    case SLUICE_DEPLOYMENT_STATUS_CANCELLED:
    default:
      return;
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, step->status == SLUICE_DEPLOYMENT_STATUS_FAILED &&
                                         step->error_message != NULL ? step->error_message : revision);
  id = g_strdup_printf ("stages-%s-%s-%s", sluice_pipeline_get_uri (self->pipeline), lane->name, step->name);
  g_application_send_notification (app, id, notification);
}

static void
clear_rows (SluiceStagesView *self)
{
  for (GList *l = self->where_rows; l != NULL; l = l->next)
    adw_preferences_group_remove (self->where_group, l->data);
  g_clear_pointer (&self->where_rows, g_list_free);
  for (GList *l = self->history_groups; l != NULL; l = l->next)
    gtk_box_remove (self->history_box, l->data);
  g_clear_pointer (&self->history_groups, g_list_free);
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle,
          const char *suffix,
          const char *suffix_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "status-badge");
      if (suffix_class != NULL)
        gtk_widget_add_css_class (label, suffix_class);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* What is where, and the recent executions of each CodePipeline. */
static void
update_history (SluiceStagesView *self)
{
  guint n_lanes = sluice_deployment_get_n_lanes (self->deployment);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  clear_rows (self);

  for (guint i = 0; i < n_lanes; i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (self->deployment, i);

      for (guint j = 0; j < lane->steps->len; j++)
        {
          SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, j);
          g_autofree char *revision = NULL;
          g_autofree char *title = NULL;
          GtkWidget *row;

          if (step->kind != SLUICE_DEPLOYMENT_STEP_DEPLOY)
            continue;
          revision = step->deployed_revision_id != NULL
                     ? short_revision (step->deployed_revision_id, step->deployed_revision_summary)
                     : g_strdup (_("Nothing deployed yet"));
          title = step->stage != NULL ? g_strdup (step->stage) : g_strdup (step->name);
          row = info_row (title, revision, NULL, NULL);
          adw_preferences_group_add (self->where_group, row);
          self->where_rows = g_list_append (self->where_rows, row);
        }
    }

  for (guint i = 0; i < n_lanes; i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (self->deployment, i);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = g_strdup_printf (_("Recent Executions of %s"), lane->name);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (lane->executions->len == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   info_row (_("No executions yet"), NULL, NULL, NULL));
      for (guint j = 0; j < lane->executions->len && j < 10; j++)
        {
          SluiceCodePipelineExecution *execution = g_ptr_array_index (lane->executions, j);
          SluiceDeploymentStatus status = sluice_deployment_status_from_codepipeline (execution->status);
          g_autofree char *revision = short_revision (execution->revision_id, execution->revision_summary);
          g_autofree char *started = format_time (execution->start_time);
          gint64 end = execution->status == SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS ? now : execution->last_update_time;
          g_autofree char *duration = format_duration (execution->start_time > 0 ? end - execution->start_time : -1);
          /* TRANSLATORS: an execution's trigger, start time and duration */
          g_autofree char *subtitle = g_strdup_printf (_("%s · started %s · %s"), trigger_words (execution->trigger_type),
                                                       started, duration);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     info_row (revision, subtitle, execution_status_words (execution->status),
                                               execution->status == SLUICE_CODEPIPELINE_STATUS_SUPERSEDED
                                               ? NULL : status_class (status)));
        }
      gtk_box_append (self->history_box, group);
      self->history_groups = g_list_append (self->history_groups, group);
    }
}

static void
update_graph (SluiceStagesView *self,
              gboolean          notify)
{
  guint n_lanes = sluice_deployment_get_n_lanes (self->deployment);
  g_autoptr(GString) errors = g_string_new (NULL);
  SluiceDeploymentStatus overall = sluice_deployment_get_status (self->deployment);
  gboolean can_release = FALSE;

  for (guint i = 0; i < n_lanes; i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (self->deployment, i);
      const char *source_error = NULL;
      gboolean source_read = FALSE;

      for (guint j = 0; j < lane->steps->len; j++)
        {
          SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, j);
          g_autofree char *id = g_strdup_printf ("%s/%s", lane->name, step->name);
          g_autoptr(GDateTime) since = NULL;
          gpointer previous;
          gboolean known;

          if (step->kind == SLUICE_DEPLOYMENT_STEP_SOURCE && step->status == SLUICE_DEPLOYMENT_STATUS_FAILED)
            source_error = step->error_message;
          /* a source that read a revision from the branch says it exists */
          if (step->kind == SLUICE_DEPLOYMENT_STEP_SOURCE && step->status == SLUICE_DEPLOYMENT_STATUS_SUCCEEDED &&
              step->revision_id != NULL)
            source_read = TRUE;
          if (step->changed > 0 || step->started > 0)
            since = g_date_time_new_from_unix_utc (step->changed > 0 ? step->changed : step->started);
          sluice_stages_graph_set_node_status (self->graph, id, graph_status (step->status), step->revision_id,
                                               step->revision_summary, since, step->error_message);
          known = g_hash_table_lookup_extended (self->shown, id, NULL, &previous);
          if (notify && known && GPOINTER_TO_INT (previous) != (int) step->status)
            notify_step (self, lane, step);
          g_hash_table_insert (self->shown, g_steal_pointer (&id), GINT_TO_POINTER (step->status));
        }
      if (lane->branch != NULL)
        {
          g_autofree char *id = g_strdup_printf ("branch:%s:%s", lane->name, lane->branch);
          SluiceStagesStatus status = self->branches_known
                                      ? (lane->branch_missing ? SLUICE_STAGES_STATUS_BRANCH_MISSING
                                                              : SLUICE_STAGES_STATUS_BRANCH_FOUND)
                                      : source_read ? SLUICE_STAGES_STATUS_BRANCH_FOUND : SLUICE_STAGES_STATUS_NONE;

          sluice_stages_graph_set_node_status (self->graph, id, status, NULL, NULL, NULL,
                                               lane->branch_missing ? source_error : NULL);
        }
      if (lane->error != NULL)
        {
          if (errors->len > 0)
            g_string_append_c (errors, '\n');
          g_string_append_printf (errors, _("%s: %s"), lane->name, lane->error->message);
        }
      can_release |= lane->error == NULL;
    }

  gtk_label_set_text (self->error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->release_button), n_lanes == 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), can_release && !self->acting);
  update_history (self);
  set_summary (self, overall == SLUICE_DEPLOYMENT_STATUS_UNKNOWN ? NULL : status_words (overall),
               status_class (overall));
}

/* ------------------------------------------------------------------------------------------ */
/* Refresh                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  SluiceStagesView *self = user_data;

  self->timeout_id = 0;
  start_refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Refreshes on its own only while the tab is on screen. */
static void
schedule_refresh (SluiceStagesView *self)
{
  stop_timer (self);
  if (!self->requested || self->loading || !gtk_widget_get_mapped (GTK_WIDGET (self)) || self->deployment == NULL)
    return;
  self->timeout_id = g_timeout_add (self->interval, refresh_timeout_cb, self);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SluiceStagesView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;
  gboolean ok;

  ok = sluice_deployment_refresh_finish (SLUICE_DEPLOYMENT (source), result, &changed, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (SLUICE_DEPLOYMENT (source) != self->deployment)
    return;
  set_loading (self, FALSE);
  self->n_refreshes++;
  self->interval = sluice_deployment_next_interval (self->deployment, self->interval, changed || !ok);
  if (!ok)
    {
      if (!self->has_data)
        {
          gboolean refused = g_error_matches (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED) ||
                             g_error_matches (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED);

          show_message (self, refused ? _("Credentials Refused") : _("Could Not Read the CodePipelines"),
                        error->message);
          set_summary (self, NULL, NULL);
        }
      else
        {
          update_graph (self, FALSE);
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      schedule_refresh (self);
      return;
    }
  g_clear_pointer (&self->message, g_free);
  update_graph (self, self->has_data);
  self->has_data = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "content");
  schedule_refresh (self);
}

static void
branches_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceStagesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;

  branches = sluice_git_remote_list_branches_finish (SLUICE_GIT_REMOTE (source), result, NULL, &error);
  if (self->disposed)
    return;
  /* a remote per listing: nothing of it stays connected between refreshes */
  if (SLUICE_GIT_REMOTE (source) == self->remote)
    g_clear_object (&self->remote);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->deployment == NULL)
    return;
  if (branches == NULL)
    {
      g_message ("Could not list the branches of %s: %s", sluice_pipeline_get_uri (self->pipeline), error->message);
      return;
    }
  sluice_deployment_set_remote_branches (self->deployment, (const char * const *) branches);
  self->branches_known = TRUE;
  if (self->has_data)
    update_graph (self, FALSE);
}

static void
start_refresh (SluiceStagesView *self,
               gboolean          read_branches)
{
  stop_timer (self);
  if (self->deployment == NULL)
    return;
  if (self->loading)
    return;
  set_loading (self, TRUE);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  /* GitFlow's pipelines fail at Source until their branch exists: the branches tell why. */
  if (read_branches && g_strcmp0 (sluice_deployment_get_strategy (self->deployment), "gitflow") == 0)
    {
      if (self->remote == NULL)
        {
          g_autoptr(GError) error = NULL;

          self->remote = sluice_git_remote_new_for_pipeline (self->account, self->pipeline, &error);
          if (self->remote == NULL)
            g_message ("No remote for %s: %s", sluice_pipeline_get_uri (self->pipeline), error->message);
        }
      if (self->remote != NULL)
        sluice_git_remote_list_branches_async (self->remote, self->cancellable, branches_cb, g_object_ref (self));
    }
  sluice_deployment_refresh_async (self->deployment, self->client, self->cancellable, refresh_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

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
}

static void
close_dialog (SluiceStagesView *self)
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
  start_refresh (self, FALSE);
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

  close_dialog (self);
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
  g_object_set_data (G_OBJECT (dialog), "action", GINT_TO_POINTER (action));
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SluiceStagesView *self)
{
  StagesAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "action"));
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
  revision = short_revision (step->revision_id, step->revision_summary);
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
      g_autofree char *started = format_time (step->started);
      gboolean finished = step->status != SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS &&
                          step->status != SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL &&
                          step->status != SLUICE_DEPLOYMENT_STATUS_STOPPING;
      g_autofree char *ended = finished && step->changed > 0 ? format_time (step->changed) : g_strdup (_("Not finished"));
      g_autofree char *revision = short_revision (step->revision_id, step->revision_summary);

      add_detail (GTK_GRID (grid), row++, _("Status"), status_words (step->status));
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
  url = console_url (sluice_codepipeline_client_get_region (self->client), lane->name);
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

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_stages_view_map (GtkWidget *widget)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (widget);

  GTK_WIDGET_CLASS (sluice_stages_view_parent_class)->map (widget);
  /* shown again: catch up at once, then back off as before */
  if (self->requested && self->has_data && self->timeout_id == 0 && !self->loading)
    start_refresh (self, FALSE);
}

static void
sluice_stages_view_unmap (GtkWidget *widget)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (widget);

  stop_timer (self);
  GTK_WIDGET_CLASS (sluice_stages_view_parent_class)->unmap (widget);
}

static void
sluice_stages_view_dispose (GObject *object)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (object);

  self->disposed = TRUE;
  stop_timer (self);
  g_cancellable_cancel (self->cancellable);
  close_dialog (self);
  g_clear_pointer (&self->where_rows, g_list_free);
  g_clear_pointer (&self->history_groups, g_list_free);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_STAGES_VIEW);
  G_OBJECT_CLASS (sluice_stages_view_parent_class)->dispose (object);
}

static void
sluice_stages_view_finalize (GObject *object)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (object);

  g_clear_object (&self->account);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->deployment);
  g_clear_object (&self->client);
  g_clear_object (&self->remote);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_free (self->shape);
  g_free (self->message);
  g_free (self->summary);
  g_free (self->action_error);
  g_free (self->dialog_lane);
  g_free (self->dialog_step);
  G_OBJECT_CLASS (sluice_stages_view_parent_class)->finalize (object);
}

static void
sluice_stages_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stages_view_class_init (SluiceStagesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stages_view_dispose;
  object_class->finalize = sluice_stages_view_finalize;
  object_class->get_property = sluice_stages_view_get_property;
  widget_class->map = sluice_stages_view_map;
  widget_class->unmap = sluice_stages_view_unmap;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SluiceStagesView:summary:
   *
   * The deployment's overall state in words, or %NULL before CodePipeline answered.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLUICE_TYPE_STAGES_GRAPH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-stages-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, message_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, graph);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, release_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, where_group);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, history_box);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, release_clicked_cb);

  gtk_widget_class_install_action (widget_class, "stages.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "stages.refresh", NULL);
}

static void
sluice_stages_view_init (SluiceStagesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->interval = SLUICE_DEPLOYMENT_MIN_INTERVAL_MS;
}

GtkWidget *
sluice_stages_view_new (void)
{
  return g_object_new (SLUICE_TYPE_STAGES_VIEW, NULL);
}

void
sluice_stages_view_set_account (SluiceStagesView *self,
                                SluiceAccount    *account)
{
  g_return_if_fail (SLUICE_IS_STAGES_VIEW (self));

  g_set_object (&self->account, account);
}

SluicePipeline *
sluice_stages_view_get_pipeline (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), NULL);

  return self->pipeline;
}

/* The page follows the stack: once it is complete, the CodePipelines can be read. */
static void
stack_changed_cb (SluiceStagesView *self)
{
  if (self->requested && self->deployment == NULL && !self->disposed)
    sluice_stages_view_load (self);
}

/**
 * sluice_stages_view_set_pipeline:
 *
 * The pipeline as data.all has it; when its stages or stack change, the tab follows (a
 * stack that completes makes its CodePipelines readable).
 */
void
sluice_stages_view_set_pipeline (SluiceStagesView *self,
                                 SluicePipeline   *pipeline)
{
  g_return_if_fail (SLUICE_IS_STAGES_VIEW (self));

  if (self->pipeline != NULL && pipeline != NULL &&
      g_strcmp0 (sluice_pipeline_get_uri (self->pipeline), sluice_pipeline_get_uri (pipeline)) != 0)
    {
      g_clear_object (&self->client);
      g_clear_object (&self->remote);
      g_clear_object (&self->deployment);
    }
  if (self->pipeline != NULL)
    g_signal_handlers_disconnect_by_data (self->pipeline, self);
  g_set_object (&self->pipeline, pipeline);
  if (pipeline != NULL)
    g_signal_connect_object (pipeline, "notify::stack", G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->requested)
    sluice_stages_view_load (self);
}

gboolean
sluice_stages_view_get_requested (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), FALSE);

  return self->requested;
}

gboolean
sluice_stages_view_get_loading (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), FALSE);

  return self->loading;
}

/**
 * sluice_stages_view_load:
 *
 * Reads the deployment (and, for GitFlow, the remote branches); the page calls it when the
 * tab is first shown. Afterwards the tab refreshes on its own while it is shown.
 */
void
sluice_stages_view_load (SluiceStagesView *self)
{
  g_return_if_fail (SLUICE_IS_STAGES_VIEW (self));

  self->requested = TRUE;
  if (!check_ready (self))
    {
      stop_timer (self);
      set_summary (self, NULL, NULL);
      return;
    }
  build_model (self);
  if (!self->has_data)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  start_refresh (self, TRUE);
}

/**
 * sluice_stages_view_refresh:
 *
 * F5: reads the deployment and the branches now and starts backing off afresh.
 */
void
sluice_stages_view_refresh (SluiceStagesView *self)
{
  g_return_if_fail (SLUICE_IS_STAGES_VIEW (self));

  self->interval = SLUICE_DEPLOYMENT_MIN_INTERVAL_MS;
  sluice_stages_view_load (self);
}

SluiceDeployment *
sluice_stages_view_get_deployment (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), NULL);

  return self->deployment;
}

const char *
sluice_stages_view_get_summary (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), NULL);

  return self->summary;
}

/* The style class of the summary's pill: success, warning, error or accent. */
const char *
sluice_stages_view_get_summary_class (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), NULL);

  return self->summary != NULL ? self->summary_class : NULL;
}

/* The sentence shown instead of the graph, or NULL while the graph is shown. */
const char *
sluice_stages_view_get_message (SluiceStagesView *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_VIEW (self), NULL);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "message") == 0 ? self->message : NULL;
}

SluiceStagesGraph *
_sluice_stages_view_get_graph (SluiceStagesView *self)
{
  return self->graph;
}

AdwMessageDialog *
_sluice_stages_view_get_dialog (SluiceStagesView *self)
{
  return self->dialog;
}

GtkTextView *
_sluice_stages_view_get_comment_view (SluiceStagesView *self)
{
  return self->comment_view;
}

GtkEditable *
_sluice_stages_view_get_reason_entry (SluiceStagesView *self)
{
  return self->reason_entry;
}

guint
_sluice_stages_view_get_n_refreshes (SluiceStagesView *self)
{
  return self->n_refreshes;
}

guint
_sluice_stages_view_get_interval (SluiceStagesView *self)
{
  return self->interval;
}

const char *
_sluice_stages_view_get_action_error (SluiceStagesView *self)
{
  return self->action_error;
}

gboolean
_sluice_stages_view_get_acting (SluiceStagesView *self)
{
  return self->acting;
}

static gboolean
widget_shows (GtkWidget  *widget,
              const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      (g_strrstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) != NULL ||
       (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
        g_strrstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL)))
    return TRUE;
  if (GTK_IS_LABEL (widget) && g_strrstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (widget_shows (child, text))
      return TRUE;
  return FALSE;
}

gboolean
_sluice_stages_view_history_shows (SluiceStagesView *self,
                                   const char       *text)
{
  return widget_shows (GTK_WIDGET (self->where_group), text) || widget_shows (GTK_WIDGET (self->history_box), text);
}
