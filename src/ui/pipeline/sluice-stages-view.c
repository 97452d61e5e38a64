/* sluice-stages-view.c: the pipeline page's Stages tab
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-stages-layout.h"
#include "sluice-stages-view-private.h"
#include "sluice-stages-words.h"

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
  g_autofree char *revision = sluice_stages_short_revision (step->revision_id, step->revision_summary);
  const char *what = step->stage != NULL ? step->stage : step->name;

  const char *body;

  if ((app == NULL || !g_application_get_is_registered (app)) && self->notify_hook == NULL)
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
  body = step->status == SLUICE_DEPLOYMENT_STATUS_FAILED && step->error_message != NULL ? step->error_message : revision;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  id = g_strdup_printf ("stages-%s-%s-%s", sluice_pipeline_get_uri (self->pipeline), lane->name, step->name);
  if (self->notify_hook != NULL)
    self->notify_hook (id, title, body, self->notify_hook_data);
  if (app != NULL && g_application_get_is_registered (app))
    g_application_send_notification (app, id, notification);
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
  sluice_stages_history_update (self->history, self->deployment);
  set_summary (self, overall == SLUICE_DEPLOYMENT_STATUS_UNKNOWN ? NULL : sluice_stages_status_words (overall),
               sluice_stages_status_class (overall));
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

/* The page around the tab is on screen (whichever tab it shows). */
static gboolean
page_shown (SluiceStagesView *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return parent != NULL && gtk_widget_get_mapped (parent);
}

/* Refreshes on its own while the tab is on screen, or, for the header, while its page is. */
static void
schedule_refresh (SluiceStagesView *self)
{
  stop_timer (self);
  if (self->loading || self->deployment == NULL)
    return;
  /* the tab was shown while the page's refresh ran: the branches come now */
  if (self->branches_wanted)
    {
      self->branches_wanted = FALSE;
      start_refresh (self, TRUE);
      return;
    }
  if (!(self->requested && gtk_widget_get_mapped (GTK_WIDGET (self))) && !(self->following && page_shown (self)))
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
  /* The page was closed while the refresh ran: its widgets are out of any window, where GTK
   * 4.8's AT-SPI context of a widget that was in one asks for that window's focus. The next
   * refresh, once in a window again, shows the deployment. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      self->stale = TRUE;
      return;
    }
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
  if (self->has_data && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
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
    {
      self->branches_wanted |= read_branches;
      return;
    }
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

void
_sluice_stages_view_start_refresh (SluiceStagesView *self,
                                   gboolean          read_branches)
{
  start_refresh (self, read_branches);
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
sluice_stages_view_root (GtkWidget *widget)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (widget);

  GTK_WIDGET_CLASS (sluice_stages_view_parent_class)->root (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      start_refresh (self, FALSE);
    }
}

static void
sluice_stages_view_unmap (GtkWidget *widget)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (widget);

  stop_timer (self);
  GTK_WIDGET_CLASS (sluice_stages_view_parent_class)->unmap (widget);
  /* another tab of the page: the header's summary still follows */
  if (self->following && !self->disposed)
    schedule_refresh (self);
}

static void
sluice_stages_view_dispose (GObject *object)
{
  SluiceStagesView *self = SLUICE_STAGES_VIEW (object);

  self->disposed = TRUE;
  stop_timer (self);
  g_cancellable_cancel (self->cancellable);
  _sluice_stages_view_close_dialog (self);
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
  widget_class->root = sluice_stages_view_root;

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
  g_type_ensure (SLUICE_TYPE_STAGES_HISTORY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-stages-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, message_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, graph);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, release_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesView, history);
  _sluice_stages_view_install_actions (widget_class);
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
  if (self->deployment != NULL || self->disposed)
    return;
  if (self->requested)
    sluice_stages_view_load (self);
  else if (self->following)
    sluice_stages_view_follow (self);
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

/* The model for the pipeline as it is now, or a sentence (and no summary) why there is none. */
static gboolean
prepare (SluiceStagesView *self)
{
  if (!check_ready (self))
    {
      stop_timer (self);
      set_summary (self, NULL, NULL);
      return FALSE;
    }
  build_model (self);
  return TRUE;
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
  if (!prepare (self))
    return;
  if (!self->has_data)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  start_refresh (self, TRUE);
}

/**
 * sluice_stages_view_follow:
 *
 * Reads the deployment without the tab being shown, for the summary the page's header shows
 * (no branches: they only matter to the graph); the page calls it once data.all has answered
 * for its Overview. Afterwards the deployment refreshes on its own while the page is shown.
 */
void
sluice_stages_view_follow (SluiceStagesView *self)
{
  g_return_if_fail (SLUICE_IS_STAGES_VIEW (self));

  self->following = TRUE;
  if (prepare (self))
    start_refresh (self, FALSE);
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

gboolean
_sluice_stages_view_history_shows (SluiceStagesView *self,
                                   const char       *text)
{
  return sluice_stages_history_shows (self->history, text);
}

void
_sluice_stages_view_set_notify_hook (SluiceStagesView       *self,
                                     SluiceStagesNotifyHook  hook,
                                     gpointer                user_data)
{
  self->notify_hook = hook;
  self->notify_hook_data = user_data;
}
