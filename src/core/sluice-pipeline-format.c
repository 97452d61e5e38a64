/* sluice-pipeline-format.c: how a pipeline's values read on screen, and its search keys
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-format"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sluice-dev-strategy.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-query.h"

/* What a search and a sort need of a pipeline, computed once and kept on the object until
 * one of its properties changes: with 10,000 pipelines there is no time to case-fold every
 * label on every key press. */
typedef struct
{
  char *search_key;
  char *collate_key;
} Keys;

static GQuark keys_quark;
static GQuark watched_quark;

static void
keys_free (gpointer data)
{
  Keys *keys = data;

  g_free (keys->search_key);
  g_free (keys->collate_key);
  g_free (keys);
}

static void
pipeline_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  g_object_set_qdata (object, keys_quark, NULL);
}

static Keys *
get_keys (SluicePipeline *pipeline)
{
  Keys *keys;

  if G_UNLIKELY (keys_quark == 0)
    {
      keys_quark = g_quark_from_static_string ("sluice-pipeline-keys");
      watched_quark = g_quark_from_static_string ("sluice-pipeline-keys-watched");
    }

  keys = g_object_get_qdata (G_OBJECT (pipeline), keys_quark);
  if (keys != NULL)
    return keys;

  keys = g_new0 (Keys, 1);
  keys->search_key = sluice_pipeline_query_dup_text (pipeline);
  keys->collate_key = sluice_pipeline_query_dup_name_key (pipeline);

  if (g_object_get_qdata (G_OBJECT (pipeline), watched_quark) == NULL)
    {
      g_signal_connect (pipeline, "notify", G_CALLBACK (pipeline_notify_cb), NULL);
      g_object_set_qdata (G_OBJECT (pipeline), watched_quark, GINT_TO_POINTER (1));
    }
  g_object_set_qdata_full (G_OBJECT (pipeline), keys_quark, keys, keys_free);

  return keys;
}

/**
 * sluice_pipeline_get_search_key:
 * @pipeline: a #SluicePipeline
 *
 * Returns: the pipeline's label, description, tags and team, normalized and case-folded,
 *   one per line: what a search matches against
 */
const char *
sluice_pipeline_get_search_key (SluicePipeline *pipeline)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), "");

  return get_keys (pipeline)->search_key;
}

/**
 * sluice_pipeline_get_collate_key:
 * @pipeline: a #SluicePipeline
 *
 * Returns: the collation key of the pipeline's label, for sorting by name
 */
const char *
sluice_pipeline_get_collate_key (SluicePipeline *pipeline)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), "");

  return get_keys (pipeline)->collate_key;
}

/**
 * sluice_pipeline_format_strategy:
 * @dev_strategy: (nullable): a pipeline's `devStrategy`
 *
 * Returns: the strategy's name as the create wizard shows it, or @dev_strategy itself
 */
const char *
sluice_pipeline_format_strategy (const char *dev_strategy)
{
  SluiceDevStrategy strategy;

  /* The names the wizard offers them by. */
  if (sluice_dev_strategy_from_string (dev_strategy, &strategy))
    return sluice_dev_strategy_get_title (strategy);
  return dev_strategy != NULL ? dev_strategy : "";
}

/**
 * sluice_pipeline_format_role:
 * @user_role: (nullable): a pipeline's `userRoleForPipeline`
 *
 * Returns: the user's role, translated
 */
const char *
sluice_pipeline_format_role (const char *user_role)
{
  if (g_strcmp0 (user_role, "Creator") == 0)
    return C_("pipeline role", "Creator");
  if (g_strcmp0 (user_role, "Admin") == 0)
    return C_("pipeline role", "Admin");
  if (g_strcmp0 (user_role, "NoPermission") == 0)
    return C_("pipeline role", "No permission");
  return user_role != NULL ? user_role : "";
}

/**
 * sluice_pipeline_format_status_class:
 * @stack_status: (nullable): a stack's status
 *
 * Returns: the Adwaita style class of a badge for @stack_status: `success` when deployed,
 *   `error` when failed, rolled back or deleted, `warning` while CloudFormation works,
 *   `accent` otherwise (pending)
 */
const char *
sluice_pipeline_format_status_class (const char *stack_status)
{
  if (stack_status == NULL || *stack_status == '\0')
    return "accent";
  if (strcmp (stack_status, "CREATE_COMPLETE") == 0 || strcmp (stack_status, "UPDATE_COMPLETE") == 0)
    return "success";
  if (strstr (stack_status, "FAILED") != NULL || strstr (stack_status, "ROLLBACK") != NULL ||
      g_ascii_strcasecmp (stack_status, "ProcessFailed") == 0 ||
      strcmp (stack_status, "DELETE_COMPLETE") == 0)
    return "error";
  if (g_str_has_suffix (stack_status, "_IN_PROGRESS"))
    return "warning";
  return "accent";
}

/**
 * sluice_pipeline_format_status:
 * @stack_status: (nullable): a stack's status
 *
 * Returns: (transfer full): the status as a badge reads it: "CREATE_COMPLETE" becomes
 *   "Create complete", "pending" "Pending"
 */
char *
sluice_pipeline_format_status (const char *stack_status)
{
  char *text;

  if (stack_status == NULL || *stack_status == '\0')
    return g_strdup (C_("stack status", "Unknown"));
  if (g_ascii_strcasecmp (stack_status, "pending") == 0)
    return g_strdup (C_("stack status", "Pending"));

  text = g_ascii_strdown (stack_status, -1);
  g_strdelimit (text, "_", ' ');
  text[0] = g_ascii_toupper (text[0]);
  return text;
}

/**
 * sluice_pipeline_format_clone_command:
 * @pipeline: a #SluicePipeline
 *
 * Returns: (transfer full): `git clone codecommit::<region>://<repo>`, built as data.all's
 *   console builds it: the CI/CD environment's region and the repository name
 */
char *
sluice_pipeline_format_clone_command (SluicePipeline *pipeline)
{
  SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);
  const char *repo = sluice_pipeline_get_repo (pipeline);
  const char *region = environment != NULL ? sluice_environment_get_region (environment) : NULL;

  if (repo == NULL || *repo == '\0' || region == NULL || *region == '\0')
    return NULL;
  return g_strdup_printf ("git clone codecommit::%s://%s", region, repo);
}

/**
 * sluice_pipeline_format_date:
 * @timestamp: (nullable): an ISO 8601 timestamp as data.all sends it (UTC, often without zone)
 *
 * Returns: (transfer full): the date and time in the local zone, or @timestamp unchanged
 */
char *
sluice_pipeline_format_date (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup ("");
  date = g_date_time_new_from_iso8601 (timestamp, utc);
  if (date == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (date);
  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static GPtrArray *
sorted_stages (SluicePipeline *pipeline)
{
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  GPtrArray *array = g_ptr_array_new ();
  guint n = stages != NULL ? g_list_model_get_n_items (stages) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (array, stage);
    }
  return array;
}

/**
 * sluice_pipeline_build_variables:
 * @pipeline: a #SluicePipeline, as getDataPipeline returns it (with its stages)
 * @stage: one of its stages
 *
 * Computes the environment data.all gives the CodeBuild project of @stage
 * (`PipelineStack.make_environment_variables`). `DEV_STAGES` is a Python list on the
 * server side; how CodeBuild renders it is unverified, and it is given here as the stage
 * names in order, separated by commas.
 *
 * Returns: (transfer full): `NAME=value` strings, in data.all's order
 */
GStrv
sluice_pipeline_build_variables (SluicePipeline *pipeline,
                                 SluiceStage    *stage)
{
  GPtrArray *variables = g_ptr_array_new ();
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GString) dev_stages = g_string_new (NULL);

  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (SLUICE_IS_STAGE (stage), NULL);

  stages = sorted_stages (pipeline);
  for (guint i = 0; i < stages->len; i++)
    {
      if (i > 0)
        g_string_append_c (dev_stages, ',');
      g_string_append (dev_stages, sluice_stage_get_stage (g_ptr_array_index (stages, i)) ?: "");
    }

#define ADD(name, value) g_ptr_array_add (variables, g_strconcat (name, "=", (value) ?: "", NULL))
  ADD ("PIPELINE_URI", sluice_pipeline_get_uri (pipeline));
  ADD ("PIPELINE_NAME", sluice_pipeline_get_name (pipeline));
  ADD ("STAGE", sluice_stage_get_stage (stage));
  ADD ("DEV_STAGES", dev_stages->str);
  ADD ("DEV_STRATEGY", sluice_pipeline_get_dev_strategy (pipeline));
  ADD ("TEMPLATE", sluice_pipeline_get_template (pipeline));
  ADD ("ENVIRONMENT_URI", sluice_stage_get_environment_uri (stage));
  ADD ("AWSACCOUNTID", sluice_stage_get_aws_account_id (stage));
  ADD ("AWSREGION", sluice_stage_get_region (stage));
  ADD ("ENVTEAM_ROLENAME", sluice_stage_get_team (stage));
#undef ADD

  g_ptr_array_add (variables, NULL);
  return (GStrv) g_ptr_array_free (variables, FALSE);
}

/**
 * sluice_pipeline_format_exports:
 * @pipeline: a #SluicePipeline
 * @stage: one of its stages
 *
 * Returns: (transfer full): sluice_pipeline_build_variables() as shell `export` lines,
 *   values quoted for a POSIX shell
 */
char *
sluice_pipeline_format_exports (SluicePipeline *pipeline,
                                SluiceStage    *stage)
{
  g_auto(GStrv) variables = sluice_pipeline_build_variables (pipeline, stage);
  GString *text = g_string_new (NULL);

  for (guint i = 0; variables != NULL && variables[i] != NULL; i++)
    {
      const char *equals = strchr (variables[i], '=');
      g_autofree char *name = g_strndup (variables[i], equals - variables[i]);
      g_autofree char *quoted = g_shell_quote (equals + 1);

      g_string_append_printf (text, "export %s=%s\n", name, quoted);
    }
  return g_string_free (text, FALSE);
}
