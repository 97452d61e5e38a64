/* sluice-stages-graph-node-a11y.c: what a node of the stages graph says: its words, its
 * accessible name and description
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-graph-node"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-stages-graph-node-private.h"

/* Part of SluiceStagesGraphNode (see sluice-stages-graph-node-private.h): the words it draws
 * and the ones a screen reader reads, which say the same. */

/**
 * sluice_stages_status_get_title:
 *
 * Returns: how a node's status reads on screen
 */
const char *
sluice_stages_status_get_title (SluiceStagesStatus status)
{
  switch (status)
    {
    case SLUICE_STAGES_STATUS_SUCCEEDED:
      return _("Succeeded");
    case SLUICE_STAGES_STATUS_IN_PROGRESS:
      return _("In progress");
    case SLUICE_STAGES_STATUS_FAILED:
      return _("Failed");
    case SLUICE_STAGES_STATUS_STOPPING:
      return _("Stopping");
    case SLUICE_STAGES_STATUS_STOPPED:
      return _("Stopped");
    case SLUICE_STAGES_STATUS_CANCELLED:
      return _("Cancelled");
    case SLUICE_STAGES_STATUS_SKIPPED:
      return _("Skipped");
    case SLUICE_STAGES_STATUS_WAITING:
      return _("Waiting for approval");
    case SLUICE_STAGES_STATUS_BRANCH_FOUND:
      return _("Pushed");
    case SLUICE_STAGES_STATUS_BRANCH_MISSING:
      return _("Missing");
    case SLUICE_STAGES_STATUS_NONE:
    default:
      return _("Not run yet");
    }
}

/**
 * sluice_stages_format_ago:
 * @since: (nullable): a moment
 * @now: the present
 *
 * Returns: (transfer full) (nullable): how long ago @since was, in words; %NULL without @since
 */
char *
sluice_stages_format_ago (GDateTime *since,
                          GDateTime *now)
{
  GTimeSpan span;
  int n;

  if (since == NULL)
    return NULL;
  span = g_date_time_difference (now, since);
  /* A clock a little ahead of ours is still "just now". */
  if (span < 60 * G_TIME_SPAN_SECOND)
    return g_strdup (_("Just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      n = (int) (span / G_TIME_SPAN_MINUTE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", n), n);
    }
  if (span < G_TIME_SPAN_DAY)
    {
      n = (int) (span / G_TIME_SPAN_HOUR);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", n), n);
    }
  n = (int) (span / G_TIME_SPAN_DAY);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n), n);
}

char *
_sluice_stages_graph_node_short_commit (const char *revision_id)
{
  return revision_id != NULL ? g_utf8_substring (revision_id, 0, MIN (7, g_utf8_strlen (revision_id, -1))) : NULL;
}

/* The first line of a commit message. */
char *
_sluice_stages_graph_node_first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;
  end = strchr (text, '\n');
  return g_strstrip (end != NULL ? g_strndup (text, end - text) : g_strdup (text));
}

/* Why a missing branch matters: CodePipeline's words when it gave some, else ours. The card
 * has room for two short lines (its lane names the pipeline); the description and tooltip
 * say it all. */
char *
_sluice_stages_graph_node_missing_reason (SluiceStagesGraphNode *self,
                                         gboolean               brief)
{
  const SluiceStagesNode *node = sluice_stages_graph_node_get_node (self);

  if (self->error_message != NULL && *self->error_message != '\0')
    return g_strdup (self->error_message);
  if (brief)
    return g_strdup (_("Its pipeline fails at Source until the branch is pushed."));
  return g_strdup_printf (_("Pipeline %s fails at its source stage until branch %s is pushed."),
                          node->pipeline_name, node->branch);
}

/* The visible title: what the node is. */
char *
_sluice_stages_graph_node_title (const SluiceStagesNode *node)
{
  switch (node->kind)
    {
    case SLUICE_STAGES_NODE_BRANCH:
      return g_strdup (node->branch);
    case SLUICE_STAGES_NODE_DEPLOY:
      return g_strdup (node->stage);
    case SLUICE_STAGES_NODE_SOURCE:
    case SLUICE_STAGES_NODE_BUILD:
    case SLUICE_STAGES_NODE_UPDATE_PIPELINE:
    case SLUICE_STAGES_NODE_APPROVAL:
    default:
      return g_strdup (node->stage_name);
    }
}

char *
_sluice_stages_graph_node_subtitle (const SluiceStagesNode *node)
{
  switch (node->kind)
    {
    case SLUICE_STAGES_NODE_BRANCH:
      return g_strdup (_("Git branch"));
    case SLUICE_STAGES_NODE_SOURCE:
      return node->branch != NULL ? g_strdup_printf ("%s · %s", node->action_name, node->branch)
                                  : g_strdup (node->action_name);
    case SLUICE_STAGES_NODE_APPROVAL:
      return g_strdup (_("Manual approval"));
    case SLUICE_STAGES_NODE_DEPLOY:
      return g_strdup (node->stage_name);
    case SLUICE_STAGES_NODE_BUILD:
    case SLUICE_STAGES_NODE_UPDATE_PIPELINE:
    default:
      return g_strdup (node->action_name);
    }
}

const char *
_sluice_stages_graph_node_or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

char *
_sluice_stages_graph_node_account_region (const SluiceStagesNode *node)
{
  return g_strdup_printf ("%s · %s", _sluice_stages_graph_node_or_dash (node->account), _sluice_stages_graph_node_or_dash (node->region));
}

char *
_sluice_stages_graph_node_team_line (const SluiceStagesNode *node)
{
  return g_strdup_printf (_("Team %s"), _sluice_stages_graph_node_or_dash (node->team));
}

/* The status in words; a branch is looked up, not run. */
const char *
_sluice_stages_graph_node_status_title (SluiceStagesGraphNode *self)
{
  if (self->status == SLUICE_STAGES_STATUS_NONE &&
      sluice_stages_graph_node_get_node (self)->kind == SLUICE_STAGES_NODE_BRANCH)
    return _("Not checked yet");
  return sluice_stages_status_get_title (self->status);
}

static char *
accessible_name (SluiceStagesGraphNode *self)
{
  const SluiceStagesNode *node = sluice_stages_graph_node_get_node (self);
  g_autofree char *what = NULL;

  switch (node->kind)
    {
    case SLUICE_STAGES_NODE_BRANCH:
      what = g_strdup_printf (_("Branch %s"), node->branch);
      break;
    case SLUICE_STAGES_NODE_DEPLOY:
      what = g_strdup_printf (_("Stage %s"), node->stage);
      break;
    case SLUICE_STAGES_NODE_SOURCE:
    case SLUICE_STAGES_NODE_BUILD:
    case SLUICE_STAGES_NODE_UPDATE_PIPELINE:
    case SLUICE_STAGES_NODE_APPROVAL:
    default:
      what = g_strdup (node->stage_name);
      break;
    }
  /* TRANSLATORS: a node of the stages graph and its status, e.g. "Stage dev: Succeeded". */
  return g_strdup_printf (_("%s: %s"), what, _sluice_stages_graph_node_status_title (self));
}

static void
add_sentence (GString    *out,
              const char *sentence)
{
  gsize len;

  if (sentence == NULL || *sentence == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
  len = strlen (sentence);
  if (sentence[len - 1] != '.' && sentence[len - 1] != '!' && sentence[len - 1] != '?')
    g_string_append_c (out, '.');
}

static char *
accessible_description (SluiceStagesGraphNode *self)
{
  const SluiceStagesNode *node = sluice_stages_graph_node_get_node (self);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *what = NULL;
  g_autofree char *revision = NULL;

  switch (node->kind)
    {
    case SLUICE_STAGES_NODE_BRANCH:
      what = g_strdup_printf (_("The branch pipeline %s builds"), node->pipeline_name);
      break;
    case SLUICE_STAGES_NODE_SOURCE:
      what = g_strdup_printf (_("%s of pipeline %s, action %s on branch %s"), node->stage_name,
                              node->pipeline_name, _sluice_stages_graph_node_or_dash (node->action_name), _sluice_stages_graph_node_or_dash (node->branch));
      break;
    case SLUICE_STAGES_NODE_DEPLOY:
      what = g_strdup_printf (_("%s of pipeline %s, in environment %s, account %s, region %s, for team %s"),
                              node->stage_name, node->pipeline_name, _sluice_stages_graph_node_or_dash (node->environment),
                              _sluice_stages_graph_node_or_dash (node->account), _sluice_stages_graph_node_or_dash (node->region), _sluice_stages_graph_node_or_dash (node->team));
      break;
    case SLUICE_STAGES_NODE_APPROVAL:
      what = g_strdup_printf (_("Manual approval of pipeline %s after stage %s"), node->pipeline_name,
                              _sluice_stages_graph_node_or_dash (node->stage));
      break;
    case SLUICE_STAGES_NODE_BUILD:
    case SLUICE_STAGES_NODE_UPDATE_PIPELINE:
    default:
      what = g_strdup_printf (_("%s of pipeline %s, action %s"), node->stage_name, node->pipeline_name,
                              _sluice_stages_graph_node_or_dash (node->action_name));
      break;
    }
  add_sentence (out, what);

  if (self->revision_id != NULL)
    {
      g_autofree char *id = _sluice_stages_graph_node_short_commit (self->revision_id);
      g_autofree char *summary = _sluice_stages_graph_node_first_line (self->revision_summary);

      revision = summary != NULL && *summary != '\0'
        ? g_strdup_printf (_("Revision %s, “%s”"), id, summary)
        : g_strdup_printf (_("Revision %s"), id);
      add_sentence (out, revision);
    }
  if (self->status == SLUICE_STAGES_STATUS_BRANCH_MISSING)
    {
      g_autofree char *reason = _sluice_stages_graph_node_missing_reason (self, FALSE);

      add_sentence (out, reason);
    }
  else
    add_sentence (out, self->error_message);
  add_sentence (out, self->ago);

  return g_strdup (out->str);
}

void
_sluice_stages_graph_node_update_accessible (SluiceStagesGraphNode *self)
{
  g_autofree char *name = accessible_name (self);
  g_autofree char *description = accessible_description (self);
  g_autofree char *reason = NULL;

  /* The whole error, which the card can only start, for a pointer resting on it. */
  if (self->status == SLUICE_STAGES_STATUS_BRANCH_MISSING)
    reason = _sluice_stages_graph_node_missing_reason (self, FALSE);
  else if (self->error_message != NULL && *self->error_message != '\0')
    reason = g_strdup (self->error_message);
  if (g_strcmp0 (reason, gtk_widget_get_tooltip_text (GTK_WIDGET (self))) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), reason);

  /* After the tooltip, which may set a description of its own. */
  if (g_strcmp0 (name, self->accessible_name) != 0 || g_strcmp0 (description, self->accessible_description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      g_free (self->accessible_name);
      self->accessible_name = g_steal_pointer (&name);
      g_free (self->accessible_description);
      self->accessible_description = g_steal_pointer (&description);
    }
}
