/* sluice-stages-words.c: how the Stages tab puts a deployment into words
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-stages-words.h"

/* What the Stages tab, its dialogs and its history say about a deployment: helpers, not a
 * class (the graph's nodes have their own words in sluice-stages-graph-node-a11y.c). */

const char *
sluice_stages_status_words (SluiceDeploymentStatus status)
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

const char *
sluice_stages_status_class (SluiceDeploymentStatus status)
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


const char *
sluice_stages_trigger_words (const char *trigger)
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

const char *
sluice_stages_execution_status_words (SluiceCodePipelineStatus status)
{
  if (status == SLUICE_CODEPIPELINE_STATUS_SUPERSEDED)
    return _("Superseded");
  return sluice_stages_status_words (sluice_deployment_status_from_codepipeline (status));
}

char *
sluice_stages_short_revision (const char *revision_id,
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

char *
sluice_stages_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_seconds <= 0)
    return g_strdup (_("Unknown"));
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

char *
sluice_stages_format_duration (gint64 seconds)
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
char *
sluice_stages_console_url (const char *region,
                           const char *pipeline)
{
  g_autofree char *name = g_uri_escape_string (pipeline, NULL, FALSE);

  return g_strdup_printf ("https://%s.console.aws.amazon.com/codesuite/codepipeline/pipelines/%s/view?region=%s",
                          region, name, region);
}
