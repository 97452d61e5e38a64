/* sluice-stages-history.c: the Stages tab's history: what is where, and the recent executions
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-stages-history.h"
#include "sluice-stages-words.h"

/**
 * SluiceStagesHistory:
 *
 * Below the stages graph: "what is where", the revision each deploy stage last deployed
 * successfully (so that a lead sees which commit is in dev, test and prod), and the recent
 * executions of each CodePipeline (status, trigger, revision, start and duration).
 */
struct _SluiceStagesHistory
{
  GtkBox               parent_instance;

  GList               *where_rows;
  GList               *history_groups;
  char                *shown;   /* what the rows were made from (see signature()) */

  /* Template widgets */
  AdwPreferencesGroup *where_group;
  GtkBox              *history_box;
};

G_DEFINE_FINAL_TYPE (SluiceStagesHistory, sluice_stages_history, GTK_TYPE_BOX)

static void
clear_rows (SluiceStagesHistory *self)
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

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* What the rows show, in one string: a refresh that changes none of it (most of them, while a
 * pipeline waits or rests) keeps the rows instead of making them all again. */
static char *
signature (SluiceDeployment *deployment,
           gint64            now)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sluice_deployment_get_n_lanes (deployment); i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (deployment, i);

      g_string_append_printf (out, "%s\n", lane->name);
      for (guint j = 0; j < lane->steps->len; j++)
        {
          SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, j);

          if (step->kind == SLUICE_DEPLOYMENT_STEP_DEPLOY)
            g_string_append_printf (out, "%s|%s|%s|%s\n", or_empty (step->name), or_empty (step->stage),
                                    or_empty (step->deployed_revision_id), or_empty (step->deployed_revision_summary));
        }
      for (guint j = 0; j < lane->executions->len && j < 10; j++)
        {
          SluiceCodePipelineExecution *execution = g_ptr_array_index (lane->executions, j);

          /* a running execution's duration grows */
          g_string_append_printf (out, "%s|%d|%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "\n",
                                  or_empty (execution->execution_id), (int) execution->status,
                                  or_empty (execution->revision_id), or_empty (execution->revision_summary),
                                  or_empty (execution->trigger_type), execution->start_time,
                                  execution->status == SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS
                                  ? now : execution->last_update_time);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * sluice_stages_history_update:
 * @deployment: the deployment as last read
 *
 * Shows what is where, and the recent executions of each CodePipeline.
 */
void
sluice_stages_history_update (SluiceStagesHistory *self,
                              SluiceDeployment    *deployment)
{
  guint n_lanes = sluice_deployment_get_n_lanes (deployment);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *shown = signature (deployment, now);

  if (g_strcmp0 (shown, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);
  clear_rows (self);

  for (guint i = 0; i < n_lanes; i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (deployment, i);

      for (guint j = 0; j < lane->steps->len; j++)
        {
          SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, j);
          g_autofree char *revision = NULL;
          g_autofree char *title = NULL;
          GtkWidget *row;

          if (step->kind != SLUICE_DEPLOYMENT_STEP_DEPLOY)
            continue;
          revision = step->deployed_revision_id != NULL
                     ? sluice_stages_short_revision (step->deployed_revision_id, step->deployed_revision_summary)
                     : g_strdup (_("Nothing deployed yet"));
          title = step->stage != NULL ? g_strdup (step->stage) : g_strdup (step->name);
          row = info_row (title, revision, NULL, NULL);
          adw_preferences_group_add (self->where_group, row);
          self->where_rows = g_list_append (self->where_rows, row);
        }
    }

  for (guint i = 0; i < n_lanes; i++)
    {
      SluiceDeploymentLane *lane = sluice_deployment_get_lane (deployment, i);
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
          g_autofree char *revision = sluice_stages_short_revision (execution->revision_id, execution->revision_summary);
          g_autofree char *started = sluice_stages_format_time (execution->start_time);
          gint64 end = execution->status == SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS ? now : execution->last_update_time;
          g_autofree char *duration = sluice_stages_format_duration (execution->start_time > 0 ? end - execution->start_time : -1);
          /* TRANSLATORS: an execution's trigger, start time and duration */
          g_autofree char *subtitle = g_strdup_printf (_("%s · started %s · %s"), sluice_stages_trigger_words (execution->trigger_type),
                                                       started, duration);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     info_row (revision, subtitle, sluice_stages_execution_status_words (execution->status),
                                               execution->status == SLUICE_CODEPIPELINE_STATUS_SUPERSEDED
                                               ? NULL : sluice_stages_status_class (status)));
        }
      gtk_box_append (self->history_box, group);
      self->history_groups = g_list_append (self->history_groups, group);
    }
}

static void
sluice_stages_history_dispose (GObject *object)
{
  SluiceStagesHistory *self = SLUICE_STAGES_HISTORY (object);

  g_clear_pointer (&self->where_rows, g_list_free);
  g_clear_pointer (&self->history_groups, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_STAGES_HISTORY);
  G_OBJECT_CLASS (sluice_stages_history_parent_class)->dispose (object);
}

static void
sluice_stages_history_finalize (GObject *object)
{
  SluiceStagesHistory *self = SLUICE_STAGES_HISTORY (object);

  g_free (self->shown);
  G_OBJECT_CLASS (sluice_stages_history_parent_class)->finalize (object);
}

static void
sluice_stages_history_class_init (SluiceStagesHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stages_history_dispose;
  object_class->finalize = sluice_stages_history_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-stages-history.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesHistory, where_group);
  gtk_widget_class_bind_template_child (widget_class, SluiceStagesHistory, history_box);
}

static void
sluice_stages_history_init (SluiceStagesHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sluice_stages_history_new (void)
{
  return g_object_new (SLUICE_TYPE_STAGES_HISTORY, NULL);
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

/* Whether what is where or the history shows this text somewhere: for tests. */
gboolean
sluice_stages_history_shows (SluiceStagesHistory *self,
                             const char          *text)
{
  return widget_shows (GTK_WIDGET (self->where_group), text) || widget_shows (GTK_WIDGET (self->history_box), text);
}
