/* sluice-pipeline-rules.c: what a pipeline may be, and the names data.all derives
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sluice-dataall-error.h"
#include "sluice-pipeline-rules-private.h"

/* data.all's naming convention (base/utils/naming_convention.py, DEFAULT pattern). */
#define NAME_MAX_LENGTH 63
#define URI_LENGTH      8

/**
 * sluice_pipeline_validate_name:
 *
 * data.all's rule for a pipeline name: required, at most 255 characters. There is no character
 * rule: data.all derives the repository name from it.
 */
gboolean
sluice_pipeline_validate_name (const char  *name,
                               char       **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  glong length;

  if (stripped[0] == '\0')
    {
      set_message (message, g_strdup (_("A name is required.")));
      return FALSE;
    }
  length = g_utf8_strlen (name, -1);
  if (length > SLUICE_PIPELINE_NAME_MAX)
    {
      set_message (message, g_strdup_printf (ngettext ("The name is %ld character too long: "
                                                       "data.all accepts at most 255.",
                                                       "The name is %ld characters too long: "
                                                       "data.all accepts at most 255.",
                                                       length - SLUICE_PIPELINE_NAME_MAX),
                                             length - SLUICE_PIPELINE_NAME_MAX));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_validate_stage_name:
 *
 * A stage name becomes a branch, a CodePipeline and a CodeBuild project name: lowercase
 * letters, digits and dashes only.
 */
gboolean
sluice_pipeline_validate_stage_name (const char  *stage,
                                     char       **message)
{
  if (stage == NULL || stage[0] == '\0')
    {
      set_message (message, g_strdup (_("Every stage needs a name.")));
      return FALSE;
    }
  for (const char *p = stage; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
        {
          set_message (message,
                       g_strdup_printf (_("The stage name “%s” may only contain lowercase letters, "
                                          "digits and dashes."), stage));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * sluice_pipeline_validate_stage_names:
 * @stages: (array zero-terminated=1) (nullable): the stage names in order
 *
 * At least one stage, at most 40, each a valid name, no two alike, and one of them "prod".
 */
gboolean
sluice_pipeline_validate_stage_names (const char * const  *stages,
                                      char               **message)
{
  return sluice_pipeline_validate_stage_names_full (stages, TRUE, message);
}

/**
 * sluice_pipeline_validate_stage_names_full:
 * @require_prod: whether the list needs at least one stage and a "prod": creating does;
 *   an existing pipeline can be saved without (and is flagged)
 *
 * The rules for a pipeline's stage names: valid names, unique, at most 40.
 */
gboolean
sluice_pipeline_validate_stage_names_full (const char * const  *stages,
                                           gboolean             require_prod,
                                           char               **message)
{
  guint n = stages ? g_strv_length ((char **) stages) : 0;
  gboolean has_prod = FALSE;

  if (n == 0 && require_prod)
    {
      set_message (message, g_strdup (_("Add at least one stage.")));
      return FALSE;
    }
  if (n > SLUICE_PIPELINE_STAGES_MAX)
    {
      set_message (message, g_strdup_printf (_("A pipeline can have at most %d stages."),
                                             SLUICE_PIPELINE_STAGES_MAX));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!sluice_pipeline_validate_stage_name (stages[i], message))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (stages[i], stages[j]))
          {
            set_message (message, g_strdup_printf (_("There are two stages named “%s”: stage "
                                                      "names must be unique."), stages[i]));
            return FALSE;
          }
      if (g_str_equal (stages[i], "prod"))
        has_prod = TRUE;
    }
  if (!has_prod && require_prod)
    {
      set_message (message, g_strdup (_("Add a stage named “prod”: it is the one that builds "
                                        "branch main.")));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_validate_tag_key:
 * @key: a tag's key, trimmed
 * @earlier_keys: (array zero-terminated=1) (nullable): the keys of the tags before it
 *
 * AWS's rule for a key/value tag's key, as data.all passes it on: required, at most 128
 * characters, not starting with "aws:" in any case, and unlike every earlier key whatever
 * their case.
 */
gboolean
sluice_pipeline_validate_tag_key (const char          *key,
                                  const char * const  *earlier_keys,
                                  char               **message)
{
  g_autofree char *folded = NULL;

  if (key == NULL || key[0] == '\0')
    {
      set_message (message, g_strdup (_("Enter a key.")));
      return FALSE;
    }
  if (g_utf8_strlen (key, -1) > SLUICE_PIPELINE_TAG_KEY_MAX)
    {
      set_message (message, g_strdup (_("A key can have at most 128 characters.")));
      return FALSE;
    }
  folded = g_utf8_strdown (key, -1);
  if (g_str_has_prefix (folded, "aws:"))
    {
      set_message (message, g_strdup (_("Keys starting with “aws:” are reserved for AWS.")));
      return FALSE;
    }
  for (guint i = 0; earlier_keys != NULL && earlier_keys[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_strdown (earlier_keys[i], -1);

      if (g_str_equal (folded, other))
        {
          set_message (message, g_strdup (_("Another tag has this key. Keys are the same whatever their case.")));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * sluice_pipeline_validate_tag_value:
 *
 * AWS's rule for a key/value tag's value: at most 256 characters, empty allowed.
 */
gboolean
sluice_pipeline_validate_tag_value (const char  *value,
                                    char       **message)
{
  if (value != NULL && g_utf8_strlen (value, -1) > SLUICE_PIPELINE_TAG_VALUE_MAX)
    {
      set_message (message, g_strdup (_("A value can have at most 256 characters.")));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_can_add_tag:
 * @n_tags: how many key/value tags the pipeline has
 *
 * data.all's console stops at 40 key/value tags.
 */
gboolean
sluice_pipeline_can_add_tag (guint   n_tags,
                             char  **message)
{
  if (n_tags >= SLUICE_PIPELINE_TAGS_MAX)
    {
      set_message (message, g_strdup (_("A pipeline can have at most 40 key/value tags")));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_slugify:
 *
 * python-slugify as data.all calls it: ASCII (compatibility decomposition, the rest dropped),
 * lowercase, apostrophes removed, every character outside `[a-zA-Z0-9-_]` turned into a dash,
 * runs of dashes collapsed and dashes trimmed from both ends.
 */
char *
sluice_pipeline_slugify (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed ? decomposed : ""; *p != '\0'; p++)
    {
      char c = *p;

      if ((guchar) c >= 0x80 || c == '\'')
        continue;
      c = g_ascii_tolower (c);
      if (!(g_ascii_isalnum (c) || c == '-' || c == '_'))
        c = '-';
      if (c == '-' && (out->len == 0 || out->str[out->len - 1] == '-'))
        continue;
      g_string_append_c (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Python's label[:n] in code points, negative n included. */
static char *
python_prefix (const char *label,
               glong       n)
{
  glong length = g_utf8_strlen (label, -1);

  if (n < 0)
    n = MAX (length + n, 0);
  n = MIN (n, length);
  return g_utf8_substring (label, 0, n);
}

/**
 * sluice_pipeline_repository_name:
 * @prefix: the CI/CD environment's resource prefix
 * @label: the pipeline's name
 * @uri: (nullable): the pipeline's id, %NULL for a preview ending in "<uri>"
 *
 * The name data.all gives the pipeline, its repository and its CodePipelines:
 * `slugify(prefix + "-" + label[:63 - len(prefix + uri)] + "-" + uri)`.
 */
char *
sluice_pipeline_repository_name (const char *prefix,
                                 const char *label,
                                 const char *uri)
{
  const char *id = uri ? uri : "00000000";
  g_autofree char *cut = python_prefix (label ? label : "",
                                        NAME_MAX_LENGTH - g_utf8_strlen (prefix ? prefix : "", -1)
                                        - g_utf8_strlen (id, -1));
  g_autofree char *joined = g_strconcat (prefix ? prefix : "", "-", cut, "-", id, NULL);
  char *slug = sluice_pipeline_slugify (joined);

  if (uri == NULL && g_str_has_suffix (slug, "00000000"))
    {
      char *preview;

      slug[strlen (slug) - URI_LENGTH] = '\0';
      preview = g_strconcat (slug, "<uri>", NULL);
      g_free (slug);
      return preview;
    }
  return slug;
}

void
sluice_planned_pipeline_free (SluicePlannedPipeline *planned)
{
  if (planned == NULL)
    return;
  g_free (planned->name);
  g_free (planned->branch);
  g_strfreev (planned->actions);
  g_free (planned);
}

static SluicePlannedPipeline *
planned_new (char      *name,
             const char *branch,
             GPtrArray  *actions)
{
  SluicePlannedPipeline *planned = g_new0 (SluicePlannedPipeline, 1);

  planned->name = name;
  planned->branch = g_strdup (branch);
  g_ptr_array_add (actions, NULL);
  planned->actions = (char **) g_ptr_array_free (actions, FALSE);
  return planned;
}

/**
 * sluice_pipeline_plan:
 * @strategy: the development strategy
 * @prefix: the CI/CD environment's resource prefix
 * @repository: the repository name (sluice_pipeline_repository_name())
 * @uri: (nullable): the pipeline's id, %NULL when not yet known
 * @stages: (array zero-terminated=1): the stage names in deployment order
 *
 * The CodePipelines data.all deploys for a strategy (API notes, "What the backend deploys"):
 * trunk one pipeline `<name>` on main with `Deploy-Stage-<stage>` and a manual approval after
 * every stage but the last; GitFlow one pipeline `<name>-<stage>` per stage, on main for prod
 * and on a branch named after the stage otherwise; CDK Pipelines one self-mutating pipeline
 * (stack `<prefix>-cdkpipeline-<uri>`) on main with a stage per environment.
 *
 * Returns: (transfer full) (element-type SluicePlannedPipeline): the pipelines
 */
GPtrArray *
sluice_pipeline_plan (SluiceDevStrategy   strategy,
                      const char         *prefix,
                      const char         *repository,
                      const char         *uri,
                      const char * const *stages)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_planned_pipeline_free);
  guint n = stages ? g_strv_length ((char **) stages) : 0;
  GPtrArray *actions;

  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      actions = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          g_ptr_array_add (actions, g_strdup_printf ("Deploy-Stage-%s", stages[i]));
          if (i + 1 < n)
            g_ptr_array_add (actions, g_strdup_printf ("ManualApproval-%s", stages[i]));
        }
      g_ptr_array_add (plan, planned_new (g_strdup (repository), "main", actions));
      break;

    case SLUICE_DEV_STRATEGY_GITFLOW:
      for (guint i = 0; i < n; i++)
        {
          actions = g_ptr_array_new ();
          g_ptr_array_add (actions, g_strdup_printf ("Source-%s", stages[i]));
          g_ptr_array_add (actions, g_strdup_printf ("Deploy-Stage-%s", stages[i]));
          g_ptr_array_add (plan, planned_new (g_strdup_printf ("%s-%s", repository, stages[i]),
                                              g_str_equal (stages[i], "prod") ? "main" : stages[i],
                                              actions));
        }
      break;

    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      actions = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (actions, g_strdup (stages[i]));
      g_ptr_array_add (plan, planned_new (g_strdup_printf ("%s-cdkpipeline-%s", prefix ? prefix : "",
                                                           uri ? uri : "<uri>"),
                                          "main", actions));
      break;
    }
  return plan;
}
/**
 * sluice_pipeline_describe_error:
 * @error: what data.all answered to a pipeline or stage mutation
 * @team: (nullable): the team the request named
 * @environment: (nullable): the environment's label
 *
 * Why a pipeline or stage mutation failed, as a sentence that names the team and the
 * environment involved ("Team Scientists cannot create pipelines in environment
 * Research-DEV"), or the error's own sentence.
 *
 * Returns: (transfer full): the sentence
 */
char *
sluice_pipeline_describe_error (const GError *error,
                                const char   *team,
                                const char   *environment)
{
  const char *detail;

  team = team ? team : "";
  environment = environment ? environment : "";
  detail = sluice_dataall_error_get_detail (error);

  if (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED) &&
      detail != NULL && strstr (detail, "Pipelines feature is disabled") != NULL)
    return g_strdup_printf (_("Pipelines are disabled for environment %s. An environment "
                              "administrator can enable them with its “pipelinesEnabled” "
                              "setting."), environment);
  if (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED) &&
      detail != NULL)
    {
      if (strstr (detail, "is not a member of the team") != NULL)
        return g_strdup_printf (_("You are not a member of team %s."), team);
      if (strstr (detail, "is not a member of the environment") != NULL)
        return g_strdup_printf (_("Team %s is not a member of environment %s."), team,
                                environment);
      if (strstr (detail, "MANAGE_PIPELINES") != NULL)
        return g_strdup (_("You are not allowed to manage pipelines on this data.all."));
      if (strstr (detail, "CREATE_PIPELINE") != NULL)
        return g_strdup_printf (_("Team %s cannot create pipelines in environment %s."), team,
                                environment);
    }
  return g_strdup (error->message);
}
