/* sluice-pipeline-draft.c: a pipeline being created, its rules, and the create flow
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-draft"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sluice-dataall-api.h"
#include "sluice-dataall-error.h"
#include "sluice-pipeline-draft.h"

/* data.all's naming convention (base/utils/naming_convention.py, DEFAULT pattern). */
#define NAME_MAX_LENGTH 63
#define URI_LENGTH      8

#define DRAFTS_KEY "pipeline-drafts"

/* ------------------------------------------------------------------------------------------ */
/* Strategies                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static const char * const strategy_names[] = { "cdk-trunk", "trunk", "gitflow" };

const char *
sluice_dev_strategy_to_string (SluiceDevStrategy strategy)
{
  g_return_val_if_fail (strategy <= SLUICE_DEV_STRATEGY_GITFLOW, "cdk-trunk");
  return strategy_names[strategy];
}

gboolean
sluice_dev_strategy_from_string (const char        *string,
                                 SluiceDevStrategy *strategy)
{
  for (guint i = 0; i < G_N_ELEMENTS (strategy_names); i++)
    if (g_strcmp0 (string, strategy_names[i]) == 0)
      {
        *strategy = (SluiceDevStrategy) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sluice_dev_strategy_get_title (SluiceDevStrategy strategy)
{
  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      return _("CodePipeline, trunk-based");
    case SLUICE_DEV_STRATEGY_GITFLOW:
      return _("CodePipeline, GitFlow");
    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      return _("CDK Pipelines, trunk-based");
    }
}

const char *
sluice_dev_strategy_get_summary (SluiceDevStrategy strategy)
{
  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      return _("One CodePipeline on branch main that deploys the stages in order, with a manual "
               "approval between them.");
    case SLUICE_DEV_STRATEGY_GITFLOW:
      return _("One CodePipeline per stage: prod builds branch main, every other stage the "
               "branch named after it.");
    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      return _("A self-updating CDK pipeline on branch main with one stage per environment.");
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Pure rules                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static void
set_message (char       **message,
             char        *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
}

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

/* ------------------------------------------------------------------------------------------ */
/* The draft                                                                                  */
/* ------------------------------------------------------------------------------------------ */

struct _SluicePipelineDraft
{
  GObject            parent_instance;

  char              *name;
  char              *description;
  GPtrArray         *tags;
  char              *environment_uri;
  char              *environment_label;
  char              *resource_prefix;
  char              *team;
  SluiceDevStrategy  strategy;
  char              *template;
  char              *input_dataset;
  char              *output_dataset;
  GPtrArray         *stages;
};

G_DEFINE_FINAL_TYPE (SluicePipelineDraft, sluice_pipeline_draft, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draft_stage_free (SluiceDraftStage *stage)
{
  g_free (stage->name);
  g_free (stage->environment_uri);
  g_free (stage->environment_label);
  g_free (stage->team);
  g_free (stage);
}

static void
changed (SluicePipelineDraft *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Sets *field to a copy of value (NULL for ""); TRUE when that changed it. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static const char *
str_or_empty (const char *value)
{
  return value ? value : "";
}

static void
sluice_pipeline_draft_finalize (GObject *object)
{
  SluicePipelineDraft *self = SLUICE_PIPELINE_DRAFT (object);

  g_free (self->name);
  g_free (self->description);
  g_ptr_array_unref (self->tags);
  g_free (self->environment_uri);
  g_free (self->environment_label);
  g_free (self->resource_prefix);
  g_free (self->team);
  g_free (self->template);
  g_free (self->input_dataset);
  g_free (self->output_dataset);
  g_ptr_array_unref (self->stages);

  G_OBJECT_CLASS (sluice_pipeline_draft_parent_class)->finalize (object);
}

static void
sluice_pipeline_draft_class_init (SluicePipelineDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_pipeline_draft_finalize;

  /**
   * SluicePipelineDraft::changed:
   *
   * Emitted after any field of the draft changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sluice_pipeline_draft_init (SluicePipelineDraft *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->tags, NULL);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_stage_free);
  self->strategy = SLUICE_DEV_STRATEGY_CDK_TRUNK;
}

SluicePipelineDraft *
sluice_pipeline_draft_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_DRAFT, NULL);
}

SluicePipelineDraft *
sluice_pipeline_draft_copy (SluicePipelineDraft *self)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);

  json = sluice_pipeline_draft_to_json (self);
  return sluice_pipeline_draft_new_from_json (json, NULL);
}

/* Spaces alone are nothing anyone would want to keep. */
static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/**
 * sluice_pipeline_draft_is_empty:
 *
 * Returns: whether the user has typed or chosen nothing yet: a text field holding only white
 *   space counts as empty
 */
gboolean
sluice_pipeline_draft_is_empty (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), TRUE);

  return is_blank (self->name) && is_blank (self->description) && self->tags->len == 1 &&
         self->environment_uri == NULL && is_blank (self->team) && is_blank (self->template) &&
         is_blank (self->input_dataset) && is_blank (self->output_dataset) && self->stages->len == 0 &&
         self->strategy == SLUICE_DEV_STRATEGY_CDK_TRUNK;
}

#define STRING_ACCESSORS(field)                                                          \
  const char *                                                                           \
  sluice_pipeline_draft_get_##field (SluicePipelineDraft *self)                          \
  {                                                                                      \
    g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);                        \
    return self->field;                                                                  \
  }                                                                                      \
  void                                                                                   \
  sluice_pipeline_draft_set_##field (SluicePipelineDraft *self,                          \
                                     const char          *value)                         \
  {                                                                                      \
    g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));                                  \
    if (set_str (&self->field, value))                                                   \
      changed (self);                                                                    \
  }

STRING_ACCESSORS (name)
STRING_ACCESSORS (description)
STRING_ACCESSORS (team)
STRING_ACCESSORS (template)
STRING_ACCESSORS (input_dataset)
STRING_ACCESSORS (output_dataset)

/**
 * sluice_pipeline_draft_get_tags:
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags
 */
const char * const *
sluice_pipeline_draft_get_tags (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  return (const char * const *) self->tags->pdata;
}

/**
 * sluice_pipeline_draft_add_tag:
 *
 * Adds a tag (trimmed); an empty tag or one already there is not added.
 *
 * Returns: whether the tag was added
 */
gboolean
sluice_pipeline_draft_add_tag (SluicePipelineDraft *self,
                               const char          *tag)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);

  trimmed = g_strstrip (g_strdup (tag ? tag : ""));
  if (trimmed[0] == '\0' || g_strv_contains (sluice_pipeline_draft_get_tags (self), trimmed))
    return FALSE;
  g_ptr_array_insert (self->tags, self->tags->len - 1, g_steal_pointer (&trimmed));
  changed (self);
  return TRUE;
}

void
sluice_pipeline_draft_remove_tag (SluicePipelineDraft *self,
                                  const char          *tag)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));

  for (guint i = 0; i + 1 < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
      {
        g_ptr_array_remove_index (self->tags, i);
        changed (self);
        return;
      }
}

const char *
sluice_pipeline_draft_get_environment_uri (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  return self->environment_uri;
}

const char *
sluice_pipeline_draft_get_environment_label (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  return self->environment_label;
}

const char *
sluice_pipeline_draft_get_resource_prefix (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  return self->resource_prefix;
}

/**
 * sluice_pipeline_draft_set_environment:
 * @uri: (nullable): the CI/CD environment
 * @label: (nullable): its label
 * @resource_prefix: (nullable): its resource prefix, for the repository name
 */
void
sluice_pipeline_draft_set_environment (SluicePipelineDraft *self,
                                       const char          *uri,
                                       const char          *label,
                                       const char          *resource_prefix)
{
  gboolean any = FALSE;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));

  any |= set_str (&self->environment_uri, uri);
  any |= set_str (&self->environment_label, label);
  any |= set_str (&self->resource_prefix, resource_prefix);
  if (any)
    changed (self);
}

SluiceDevStrategy
sluice_pipeline_draft_get_strategy (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), SLUICE_DEV_STRATEGY_CDK_TRUNK);
  return self->strategy;
}

void
sluice_pipeline_draft_set_strategy (SluicePipelineDraft *self,
                                    SluiceDevStrategy    strategy)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (strategy <= SLUICE_DEV_STRATEGY_GITFLOW);

  if (self->strategy == strategy)
    return;
  self->strategy = strategy;
  changed (self);
}

gboolean
sluice_pipeline_draft_has_legacy_fields (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);
  return self->template != NULL || self->input_dataset != NULL || self->output_dataset != NULL;
}

guint
sluice_pipeline_draft_get_n_stages (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), 0);
  return self->stages->len;
}

const SluiceDraftStage *
sluice_pipeline_draft_get_stage (SluicePipelineDraft *self,
                                 guint                index)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);
  return g_ptr_array_index (self->stages, index);
}

/**
 * sluice_pipeline_draft_add_stage:
 *
 * Appends a stage; any argument may be %NULL, to be filled in later.
 *
 * Returns: %FALSE when the draft already has the most stages data.all takes
 */
gboolean
sluice_pipeline_draft_add_stage (SluicePipelineDraft *self,
                                 const char          *name,
                                 const char          *environment_uri,
                                 const char          *environment_label,
                                 const char          *team)
{
  SluiceDraftStage *stage;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);

  if (self->stages->len >= SLUICE_PIPELINE_STAGES_MAX)
    return FALSE;
  stage = g_new0 (SluiceDraftStage, 1);
  set_str (&stage->name, name);
  set_str (&stage->environment_uri, environment_uri);
  set_str (&stage->environment_label, environment_label);
  set_str (&stage->team, team);
  g_ptr_array_add (self->stages, stage);
  changed (self);
  return TRUE;
}

void
sluice_pipeline_draft_remove_stage (SluicePipelineDraft *self,
                                    guint                index)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (index < self->stages->len);

  g_ptr_array_remove_index (self->stages, index);
  changed (self);
}

void
sluice_pipeline_draft_move_stage (SluicePipelineDraft *self,
                                  guint                from,
                                  guint                to)
{
  gpointer stage;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (from < self->stages->len && to < self->stages->len);

  if (from == to)
    return;
  stage = g_ptr_array_steal_index (self->stages, from);
  g_ptr_array_insert (self->stages, to, stage);
  changed (self);
}

void
sluice_pipeline_draft_set_stage_name (SluicePipelineDraft *self,
                                      guint                index,
                                      const char          *name)
{
  SluiceDraftStage *stage;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (index < self->stages->len);

  stage = g_ptr_array_index (self->stages, index);
  if (set_str (&stage->name, name))
    changed (self);
}

void
sluice_pipeline_draft_set_stage_environment (SluicePipelineDraft *self,
                                             guint                index,
                                             const char          *uri,
                                             const char          *label)
{
  SluiceDraftStage *stage;
  gboolean any = FALSE;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (index < self->stages->len);

  stage = g_ptr_array_index (self->stages, index);
  any |= set_str (&stage->environment_uri, uri);
  any |= set_str (&stage->environment_label, label);
  if (any)
    changed (self);
}

void
sluice_pipeline_draft_set_stage_team (SluicePipelineDraft *self,
                                      guint                index,
                                      const char          *team)
{
  SluiceDraftStage *stage;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (index < self->stages->len);

  stage = g_ptr_array_index (self->stages, index);
  if (set_str (&stage->team, team))
    changed (self);
}

/**
 * sluice_pipeline_draft_dup_stage_names:
 *
 * Returns: (transfer full): the stage names in order ("" for a stage without one)
 */
char **
sluice_pipeline_draft_dup_stage_names (SluicePipelineDraft *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < self->stages->len; i++)
    {
      SluiceDraftStage *stage = g_ptr_array_index (self->stages, i);

      g_strv_builder_add (builder, str_or_empty (stage->name));
    }
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/* ------------------------------------------------------------------------------------------ */
/* Rules on the draft                                                                         */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_draft_build_input:
 * @with_legacy: whether to include the legacy fields that are filled
 *
 * The `input` of createDataPipeline as sluice_dataall_client_create_pipeline_async() sends it
 * (the same members with the same values), for measuring.
 *
 * Returns: (transfer full): the input object
 */
JsonObject *
sluice_pipeline_draft_build_input (SluicePipelineDraft *self,
                                   gboolean             with_legacy)
{
  JsonObject *input = json_object_new ();
  JsonArray *tags = json_array_new ();

  json_object_set_string_member (input, "label", str_or_empty (self->name));
  json_object_set_string_member (input, "environmentUri", str_or_empty (self->environment_uri));
  json_object_set_string_member (input, "SamlGroupName", str_or_empty (self->team));
  json_object_set_string_member (input, "devStrategy",
                                 sluice_dev_strategy_to_string (self->strategy));
  json_object_set_string_member (input, "description", str_or_empty (self->description));
  for (guint i = 0; i + 1 < self->tags->len; i++)
    json_array_add_string_element (tags, g_ptr_array_index (self->tags, i));
  json_object_set_array_member (input, "tags", tags);
  if (with_legacy && self->template != NULL)
    json_object_set_string_member (input, "template", self->template);
  if (with_legacy && self->input_dataset != NULL)
    json_object_set_string_member (input, "inputDatasetUri", self->input_dataset);
  if (with_legacy && self->output_dataset != NULL)
    json_object_set_string_member (input, "outputDatasetUri", self->output_dataset);
  return input;
}

/* The length of @text as a JSON string literal, without its quotes. */
static gsize
json_string_length (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *literal = NULL;

  json_node_set_string (node, text ? text : "");
  literal = json_to_string (node, FALSE);
  return strlen (literal) - 2;
}

/**
 * sluice_pipeline_draft_measure_request:
 *
 * The size in bytes of the createDataPipeline request this draft makes, built by the real
 * request builder (sluice_dataall_client_build_body()), the description included.
 *
 * Returns: the size, or -1 when the document cannot be loaded
 */
gssize
sluice_pipeline_draft_measure_request (SluicePipelineDraft *self)
{
  g_autoptr(JsonObject) variables = json_object_new ();
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean legacy;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), -1);

  /* The builder refuses bodies over the limit, so measure it without the description and
   * add the description's encoded length: the rest of the body does not depend on it. */
  legacy = sluice_pipeline_draft_has_legacy_fields (self);
  input = sluice_pipeline_draft_build_input (self, legacy);
  json_object_set_string_member (input, "description", "");
  json_object_set_object_member (variables, "input", json_object_ref (input));
  body = sluice_dataall_client_build_body (legacy ? "CreateDataPipeline-legacy"
                                                  : "CreateDataPipeline",
                                           variables, NULL, &error);
  if (body == NULL)
    {
      /* Only the tags and name can make even the empty description too large. */
      if (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE))
        return SLUICE_DATAALL_MAX_BODY_SIZE + 1 + json_string_length (self->description);
      g_warning ("Cannot build the create request: %s", error->message);
      return -1;
    }
  return g_bytes_get_size (body) + json_string_length (self->description);
}

/**
 * sluice_pipeline_draft_get_description_left:
 *
 * How many more characters the description can take: the smaller of what remains of
 * data.all's 5000 characters and of the bytes that keep the whole request within 8 KB (so
 * the count is exact for ASCII text; other characters take more of the byte budget). Negative
 * when the description is too long.
 */
int
sluice_pipeline_draft_get_description_left (SluicePipelineDraft *self)
{
  glong chars = g_utf8_strlen (str_or_empty (self->description), -1);
  gssize size = sluice_pipeline_draft_measure_request (self);
  gssize bytes_left = SLUICE_DATAALL_MAX_BODY_SIZE - size;

  return (int) MIN ((gssize) (SLUICE_PIPELINE_DESCRIPTION_MAX - chars), bytes_left);
}

gboolean
sluice_pipeline_draft_validate_description (SluicePipelineDraft  *self,
                                            char                **message)
{
  glong chars = g_utf8_strlen (str_or_empty (self->description), -1);
  gssize over;

  if (chars > SLUICE_PIPELINE_DESCRIPTION_MAX)
    {
      set_message (message, g_strdup_printf (ngettext ("The description is %ld character too "
                                                       "long: data.all accepts at most 5000.",
                                                       "The description is %ld characters too "
                                                       "long: data.all accepts at most 5000.",
                                                       chars - SLUICE_PIPELINE_DESCRIPTION_MAX),
                                             chars - SLUICE_PIPELINE_DESCRIPTION_MAX));
      return FALSE;
    }
  over = sluice_pipeline_draft_measure_request (self) - SLUICE_DATAALL_MAX_BODY_SIZE;
  if (over > 0)
    {
      set_message (message, g_strdup_printf (ngettext ("The pipeline’s details are %ld byte "
                                                       "over data.all’s 8 KB request limit: "
                                                       "shorten the description or the tags.",
                                                       "The pipeline’s details are %ld bytes "
                                                       "over data.all’s 8 KB request limit: "
                                                       "shorten the description or the tags.",
                                                       (long) over),
                                             (long) over));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_draft_validate_details:
 *
 * The Details step: the name and the description (with the tags, which share its budget).
 */
gboolean
sluice_pipeline_draft_validate_details (SluicePipelineDraft  *self,
                                        char                **message)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);

  return sluice_pipeline_validate_name (self->name, message) &&
         sluice_pipeline_draft_validate_description (self, message);
}

/**
 * sluice_pipeline_draft_validate_cicd:
 *
 * The CI/CD step: an environment and a team.
 */
gboolean
sluice_pipeline_draft_validate_cicd (SluicePipelineDraft  *self,
                                     char                **message)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);

  if (self->environment_uri == NULL)
    {
      set_message (message, g_strdup (_("Choose the CI/CD environment.")));
      return FALSE;
    }
  if (self->team == NULL)
    {
      set_message (message, g_strdup (_("Choose the team that owns the pipeline.")));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_draft_validate_stages:
 *
 * The Stages step: the names (sluice_pipeline_validate_stage_names()) and, for every stage,
 * an environment and a team.
 */
gboolean
sluice_pipeline_draft_validate_stages (SluicePipelineDraft  *self,
                                       char                **message)
{
  return sluice_pipeline_draft_validate_stages_full (self, TRUE, message);
}

/**
 * sluice_pipeline_draft_validate_stages_full:
 * @require_prod: see sluice_pipeline_validate_stage_names_full()
 *
 * The stage rules, and every stage has an environment and a team.
 */
gboolean
sluice_pipeline_draft_validate_stages_full (SluicePipelineDraft  *self,
                                            gboolean              require_prod,
                                            char                **message)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);

  names = sluice_pipeline_draft_dup_stage_names (self);
  if (!sluice_pipeline_validate_stage_names_full ((const char * const *) names, require_prod, message))
    return FALSE;
  for (guint i = 0; i < self->stages->len; i++)
    {
      SluiceDraftStage *stage = g_ptr_array_index (self->stages, i);

      if (stage->environment_uri == NULL)
        {
          set_message (message, g_strdup_printf (_("Choose an environment for stage “%s”."),
                                                 stage->name));
          return FALSE;
        }
      if (stage->team == NULL)
        {
          set_message (message, g_strdup_printf (_("Choose a team for stage “%s”."),
                                                 stage->name));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sluice_pipeline_draft_validate (SluicePipelineDraft  *self,
                                char                **message)
{
  return sluice_pipeline_draft_validate_details (self, message) &&
         sluice_pipeline_draft_validate_cicd (self, message) &&
         sluice_pipeline_draft_validate_stages (self, message);
}

/**
 * sluice_pipeline_draft_dup_repository_preview:
 * @uri: (nullable): the pipeline's id once known
 *
 * Returns: (transfer full): the repository name data.all will derive
 */
char *
sluice_pipeline_draft_dup_repository_preview (SluicePipelineDraft *self,
                                              const char          *uri)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);

  if (self->resource_prefix != NULL)
    return sluice_pipeline_repository_name (self->resource_prefix, str_or_empty (self->name), uri);
  /* Until the environment is known: a placeholder of the usual length ("dataall"). */
  name = sluice_pipeline_repository_name ("xxxxxxx", str_or_empty (self->name), uri);
  return g_strconcat ("<prefix>", name + strlen ("xxxxxxx"), NULL);
}

/**
 * sluice_pipeline_draft_plan:
 *
 * Returns: (transfer full) (element-type SluicePlannedPipeline): sluice_pipeline_plan() for
 *   the draft
 */
GPtrArray *
sluice_pipeline_draft_plan (SluicePipelineDraft *self,
                            const char          *uri)
{
  g_autofree char *repository = sluice_pipeline_draft_dup_repository_preview (self, uri);
  g_auto(GStrv) names = sluice_pipeline_draft_dup_stage_names (self);

  return sluice_pipeline_plan (self->strategy,
                               self->resource_prefix ? self->resource_prefix : "<prefix>",
                               repository, uri, (const char * const *) names);
}

/* ------------------------------------------------------------------------------------------ */
/* Serialisation                                                                              */
/* ------------------------------------------------------------------------------------------ */

static void
add_nullable (JsonBuilder *builder,
              const char  *member,
              const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * sluice_pipeline_draft_to_json:
 *
 * Returns: (transfer full): the draft as a JSON object (version 1)
 */
char *
sluice_pipeline_draft_to_json (SluicePipelineDraft *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_nullable (builder, "name", self->name);
  add_nullable (builder, "description", self->description);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->tags->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->tags, i));
  json_builder_end_array (builder);
  add_nullable (builder, "environmentUri", self->environment_uri);
  add_nullable (builder, "environmentLabel", self->environment_label);
  add_nullable (builder, "resourcePrefix", self->resource_prefix);
  add_nullable (builder, "team", self->team);
  add_nullable (builder, "devStrategy", sluice_dev_strategy_to_string (self->strategy));
  add_nullable (builder, "template", self->template);
  add_nullable (builder, "inputDatasetUri", self->input_dataset);
  add_nullable (builder, "outputDatasetUri", self->output_dataset);
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->stages->len; i++)
    {
      SluiceDraftStage *stage = g_ptr_array_index (self->stages, i);

      json_builder_begin_object (builder);
      add_nullable (builder, "stage", stage->name);
      add_nullable (builder, "environmentUri", stage->environment_uri);
      add_nullable (builder, "environmentLabel", stage->environment_label);
      add_nullable (builder, "team", stage->team);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * sluice_pipeline_draft_new_from_json:
 *
 * Reads what sluice_pipeline_draft_to_json() wrote; unknown members are ignored and members of
 * the wrong type are left empty, so an old or damaged draft loses a field, not everything.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set when @json is not an object
 */
SluicePipelineDraft *
sluice_pipeline_draft_new_from_json (const char  *json,
                                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SluicePipelineDraft) self = NULL;
  JsonObject *object;
  JsonNode *node;
  SluiceDevStrategy strategy;

  if (!json_parser_load_from_data (parser, json ? json : "", -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "A pipeline draft is a JSON object");
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  self = sluice_pipeline_draft_new ();
  set_str (&self->name, member_string (object, "name"));
  set_str (&self->description, member_string (object, "description"));
  node = json_object_get_member (object, "tags");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *tags = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (tags); i++)
        {
          JsonNode *tag = json_array_get_element (tags, i);

          if (json_node_get_value_type (tag) == G_TYPE_STRING)
            sluice_pipeline_draft_add_tag (self, json_node_get_string (tag));
        }
    }
  set_str (&self->environment_uri, member_string (object, "environmentUri"));
  set_str (&self->environment_label, member_string (object, "environmentLabel"));
  set_str (&self->resource_prefix, member_string (object, "resourcePrefix"));
  set_str (&self->team, member_string (object, "team"));
  if (sluice_dev_strategy_from_string (member_string (object, "devStrategy"), &strategy))
    self->strategy = strategy;
  set_str (&self->template, member_string (object, "template"));
  set_str (&self->input_dataset, member_string (object, "inputDatasetUri"));
  set_str (&self->output_dataset, member_string (object, "outputDatasetUri"));
  node = json_object_get_member (object, "stages");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *stages = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (stages); i++)
        {
          JsonNode *element = json_array_get_element (stages, i);
          JsonObject *stage;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          stage = json_node_get_object (element);
          sluice_pipeline_draft_add_stage (self, member_string (stage, "stage"),
                                           member_string (stage, "environmentUri"),
                                           member_string (stage, "environmentLabel"),
                                           member_string (stage, "team"));
        }
    }
  return g_steal_pointer (&self);
}

/* Writes @drafts with @account_id set to @json, or removed when @json is %NULL. */
static void
write_drafts (GSettings  *settings,
              GVariant   *drafts,
              const char *account_id,
              const char *json)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, drafts);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, account_id))
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (json != NULL)
    g_variant_builder_add (&builder, "{ss}", account_id, json);
  g_settings_set_value (settings, DRAFTS_KEY, g_variant_builder_end (&builder));
}

/**
 * sluice_pipeline_draft_save:
 * @settings: the application's settings
 * @account_id: the account the draft belongs to
 *
 * Keeps the draft in the `pipeline-drafts` setting, one per account, so that it survives
 * closing the wizard and restarting; an empty draft is discarded instead.
 */
void
sluice_pipeline_draft_save (SluicePipelineDraft *self,
                            GSettings           *settings,
                            const char          *account_id)
{
  g_autoptr(GVariant) drafts = NULL;
  g_autofree char *json = NULL;
  const char *old = NULL;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (account_id != NULL);

  if (sluice_pipeline_draft_is_empty (self))
    {
      sluice_pipeline_draft_discard (settings, account_id);
      return;
    }
  json = sluice_pipeline_draft_to_json (self);
  drafts = g_settings_get_value (settings, DRAFTS_KEY);
  g_variant_lookup (drafts, account_id, "&s", &old);
  if (g_strcmp0 (old, json) == 0)
    return;
  write_drafts (settings, drafts, account_id, json);
}

/**
 * sluice_pipeline_draft_load:
 *
 * Returns: (transfer full) (nullable): the account's saved draft, %NULL if there is none
 */
SluicePipelineDraft *
sluice_pipeline_draft_load (GSettings  *settings,
                            const char *account_id)
{
  g_autoptr(GVariant) drafts = NULL;
  g_autoptr(GError) error = NULL;
  const char *json = NULL;
  SluicePipelineDraft *draft;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  drafts = g_settings_get_value (settings, DRAFTS_KEY);
  if (!g_variant_lookup (drafts, account_id, "&s", &json))
    return NULL;
  draft = sluice_pipeline_draft_new_from_json (json, &error);
  if (draft == NULL)
    g_message ("Ignoring a damaged pipeline draft: %s", error->message);
  return draft;
}

void
sluice_pipeline_draft_discard (GSettings  *settings,
                               const char *account_id)
{
  g_autoptr(GVariant) drafts = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (account_id != NULL);

  drafts = g_settings_get_value (settings, DRAFTS_KEY);
  if (!g_variant_lookup (drafts, account_id, "&s", NULL))
    return;
  write_drafts (settings, drafts, account_id, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* The create flow                                                                            */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  SluiceCreateStepState  state;
  GError                *error;
} Step;

struct _SluicePipelineCreator
{
  GObject              parent_instance;

  SluiceDataallClient *client;
  SluicePipelineDraft *draft;
  SluicePipeline      *pipeline;
  GArray              *steps;
  GStrv                refused_fields;
  gboolean             running;
};

G_DEFINE_FINAL_TYPE (SluicePipelineCreator, sluice_pipeline_creator, G_TYPE_OBJECT)

enum
{
  SIGNAL_STEP_CHANGED,
  N_CREATOR_SIGNALS
};

static guint creator_signals[N_CREATOR_SIGNALS];

static const char * const legacy_fields[] = { "template", "inputDatasetUri", "outputDatasetUri" };
static const char * const module_fields[] = { "createDataPipeline", "createDataPipelineEnvironment" };

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

  team = str_or_empty (team);
  environment = str_or_empty (environment);
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

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_error (&step->error);
}

static void
set_step (SluicePipelineCreator *self,
          guint                  index,
          SluiceCreateStepState  state,
          const GError          *error)
{
  Step *step = &g_array_index (self->steps, Step, index);

  step->state = state;
  g_clear_error (&step->error);
  if (error != NULL)
    step->error = g_error_copy (error);
  g_signal_emit (self, creator_signals[SIGNAL_STEP_CHANGED], 0, index);
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
names_word (const char *text,
            const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if ((p == text || !is_word_char (p[-1])) && !is_word_char (p[len]))
      return TRUE;
  return FALSE;
}

/* How GraphQL servers refuse a field of an input object: graphql-core 3, which data.all's
 * ariadne runs ("Field 'template' is not defined by type 'NewDataPipelineInput'."), and
 * graphql-core 2 ("In field \"template\": Unknown field."). The same message quotes the whole
 * input, every field sent included: only these phrases tell which one is refused. */
static gboolean
refuses_field (const char *text,
               const char *field)
{
  g_autofree char *core3_single = g_strdup_printf ("Field '%s' is not defined by type", field);
  g_autofree char *core3_double = g_strdup_printf ("Field \"%s\" is not defined by type", field);
  g_autofree char *core2 = g_strdup_printf ("In field \"%s\": Unknown field", field);

  return strstr (text, core3_single) != NULL || strstr (text, core3_double) != NULL ||
         strstr (text, core2) != NULL;
}

static gboolean
errors_match (const GError *error,
              const char   *field,
              gboolean    (*match) (const char *text,
                                    const char *field))
{
  JsonArray *errors = sluice_dataall_error_get_errors (error);
  const char *detail = sluice_dataall_error_get_detail (error);

  if (detail != NULL && match (detail, field))
    return TRUE;
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      const char *message;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      message = json_object_get_string_member_with_default (json_node_get_object (node),
                                                            "message", NULL);
      if (message != NULL && match (message, field))
        return TRUE;
    }
  return FALSE;
}

/* Which legacy fields the server refused, from its HTTP 400: those it says it does not
 * define, among the ones sent (CreateDataPipeline-legacy asks for none of them in its answer,
 * so the server looks at the input). A refusal in other words that still names them takes
 * every legacy field sent as refused. */
static GStrv
find_refused_fields (SluicePipelineCreator *self,
                     const GError          *error)
{
  g_autoptr(GStrvBuilder) refused = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) sent = g_strv_builder_new ();
  const char *values[] = { self->draft->template, self->draft->input_dataset,
                           self->draft->output_dataset };
  gboolean any_refused = FALSE;
  gboolean any_named = FALSE;

  if (!g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED) ||
      sluice_dataall_error_get_http_status (error) != 400)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (module_fields); i++)
    if (errors_match (error, module_fields[i], names_word))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (legacy_fields); i++)
    {
      if (values[i] == NULL)
        continue;
      g_strv_builder_add (sent, legacy_fields[i]);
      any_named |= errors_match (error, legacy_fields[i], names_word);
      if (errors_match (error, legacy_fields[i], refuses_field))
        {
          g_strv_builder_add (refused, legacy_fields[i]);
          any_refused = TRUE;
        }
    }
  if (any_refused)
    return g_strv_builder_end (refused);
  return any_named ? g_strv_builder_end (sent) : NULL;
}

static void
sluice_pipeline_creator_dispose (GObject *object)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->draft);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sluice_pipeline_creator_parent_class)->dispose (object);
}

static void
sluice_pipeline_creator_finalize (GObject *object)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (object);

  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->refused_fields, g_strfreev);

  G_OBJECT_CLASS (sluice_pipeline_creator_parent_class)->finalize (object);
}

static void
sluice_pipeline_creator_class_init (SluicePipelineCreatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_pipeline_creator_dispose;
  object_class->finalize = sluice_pipeline_creator_finalize;

  /**
   * SluicePipelineCreator::step-changed:
   * @step: the step whose state changed
   */
  creator_signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sluice_pipeline_creator_init (SluicePipelineCreator *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
}

/**
 * sluice_pipeline_creator_new:
 * @client: the data.all client
 * @draft: the draft; the creator works on a copy, so later edits do not change what it sends
 *
 * The create flow: step 0 is createDataPipeline (CreateDataPipeline-legacy when the template
 * or a dataset is filled), then one createDataPipelineEnvironment per stage, in order, each
 * awaited. It stops at the first failure; running it again resumes with the step that failed.
 */
SluicePipelineCreator *
sluice_pipeline_creator_new (SluiceDataallClient *client,
                             SluicePipelineDraft *draft)
{
  SluicePipelineCreator *self;

  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (client), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (draft), NULL);

  self = g_object_new (SLUICE_TYPE_PIPELINE_CREATOR, NULL);
  self->client = g_object_ref (client);
  self->draft = sluice_pipeline_draft_copy (draft);
  g_array_set_size (self->steps, 1 + self->draft->stages->len);
  return self;
}

SluicePipelineDraft *
sluice_pipeline_creator_get_draft (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  return self->draft;
}

guint
sluice_pipeline_creator_get_n_steps (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), 0);
  return self->steps->len;
}

char *
sluice_pipeline_creator_dup_step_title (SluicePipelineCreator *self,
                                        guint                  step)
{
  const SluiceDraftStage *stage;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  if (step == 0)
    return g_strdup_printf (_("Create pipeline “%s”"), str_or_empty (self->draft->name));
  stage = g_ptr_array_index (self->draft->stages, step - 1);
  return g_strdup_printf (_("Add stage %u, “%s”, in %s"), step, str_or_empty (stage->name),
                          stage->environment_label ? stage->environment_label
                                                   : str_or_empty (stage->environment_uri));
}

SluiceCreateStepState
sluice_pipeline_creator_get_step_state (SluicePipelineCreator *self,
                                        guint                  step)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), SLUICE_CREATE_STEP_PENDING);
  g_return_val_if_fail (step < self->steps->len, SLUICE_CREATE_STEP_PENDING);
  return g_array_index (self->steps, Step, step).state;
}

const GError *
sluice_pipeline_creator_get_step_error (SluicePipelineCreator *self,
                                        guint                  step)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).error;
}

static char *
legacy_sentence (const char * const *fields)
{
  gboolean template = g_strv_contains (fields, "template");
  gboolean datasets = g_strv_contains (fields, "inputDatasetUri") ||
                      g_strv_contains (fields, "outputDatasetUri");

  if (template && datasets)
    return g_strdup (_("This data.all refused the input and output datasets and the template: "
                       "data.all 1.2 and later no longer accept datasets, and 1.5.2 and later no "
                       "template. You can create the pipeline without them."));
  if (template)
    return g_strdup (_("This data.all refused the template: data.all 1.5.2 and later no longer "
                       "accept one. You can create the pipeline without it."));
  return g_strdup (_("This data.all refused the input and output datasets: data.all 1.2 and "
                     "later no longer accept them. You can create the pipeline without them."));
}

/**
 * sluice_pipeline_creator_dup_step_message:
 *
 * Why a step failed, as a sentence that names the team, environment or field involved.
 *
 * Returns: (transfer full) (nullable): the sentence, %NULL when the step did not fail
 */
char *
sluice_pipeline_creator_dup_step_message (SluicePipelineCreator *self,
                                          guint                  step)
{
  const GError *error;
  const char *team;
  const char *environment;
  const SluiceDraftStage *stage = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  error = g_array_index (self->steps, Step, step).error;
  if (error == NULL)
    return NULL;
  if (step == 0 && self->refused_fields != NULL)
    return legacy_sentence ((const char * const *) self->refused_fields);

  if (step > 0)
    stage = g_ptr_array_index (self->draft->stages, step - 1);
  team = stage ? stage->team : self->draft->team;
  environment = stage ? (stage->environment_label ? stage->environment_label : stage->environment_uri)
                      : (self->draft->environment_label ? self->draft->environment_label
                                                        : self->draft->environment_uri);
  return sluice_pipeline_describe_error (error, team, environment);
}

/**
 * sluice_pipeline_creator_get_pipeline:
 *
 * Returns: (transfer none) (nullable): the pipeline once createDataPipeline succeeded
 */
SluicePipeline *
sluice_pipeline_creator_get_pipeline (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  return self->pipeline;
}

/**
 * sluice_pipeline_creator_get_refused_fields:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the legacy fields
 *   ("template", "inputDatasetUri", "outputDatasetUri") the server refused, %NULL unless the
 *   last failure was such a refusal
 */
const char * const *
sluice_pipeline_creator_get_refused_fields (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  return (const char * const *) self->refused_fields;
}

/**
 * sluice_pipeline_creator_drop_refused_fields:
 *
 * "Create without them": forgets the legacy fields the server refused (a data.all 1.3 to
 * 1.5.1 keeps the template it takes while the datasets go), so that the next run sends only
 * what the server knows.
 */
void
sluice_pipeline_creator_drop_refused_fields (SluicePipelineCreator *self)
{
  const char * const *refused;

  g_return_if_fail (SLUICE_IS_PIPELINE_CREATOR (self));
  g_return_if_fail (self->pipeline == NULL);

  refused = (const char * const *) self->refused_fields;
  if (refused == NULL)
    return;
  if (g_strv_contains (refused, "template"))
    sluice_pipeline_draft_set_template (self->draft, NULL);
  if (g_strv_contains (refused, "inputDatasetUri"))
    sluice_pipeline_draft_set_input_dataset (self->draft, NULL);
  if (g_strv_contains (refused, "outputDatasetUri"))
    sluice_pipeline_draft_set_output_dataset (self->draft, NULL);
  g_clear_pointer (&self->refused_fields, g_strfreev);
}

gboolean
sluice_pipeline_creator_is_done (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    if (g_array_index (self->steps, Step, i).state != SLUICE_CREATE_STEP_DONE)
      return FALSE;
  return TRUE;
}

static void run_next (GTask *task);

static void
stage_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluicePipelineCreator *self = g_task_get_source_object (task);
  g_autoptr(SluiceStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_task_get_task_data (task));

  stage = sluice_dataall_client_create_stage_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (stage == NULL)
    {
      set_step (self, index, SLUICE_CREATE_STEP_FAILED, error);
      self->running = FALSE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_step (self, index, SLUICE_CREATE_STEP_DONE, NULL);
  run_next (g_steal_pointer (&task));
}

static void
pipeline_created_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluicePipelineCreator *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  SluicePipeline *pipeline;

  pipeline = sluice_dataall_client_create_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result,
                                                           &error);
  if (pipeline == NULL)
    {
      g_clear_pointer (&self->refused_fields, g_strfreev);
      if (sluice_pipeline_draft_has_legacy_fields (self->draft))
        self->refused_fields = find_refused_fields (self, error);
      set_step (self, 0, SLUICE_CREATE_STEP_FAILED, error);
      self->running = FALSE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->pipeline = pipeline;
  set_step (self, 0, SLUICE_CREATE_STEP_DONE, NULL);
  run_next (g_steal_pointer (&task));
}

static void
run_next (GTask *task)
{
  SluicePipelineCreator *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint index;

  for (index = 0; index < self->steps->len; index++)
    if (g_array_index (self->steps, Step, index).state != SLUICE_CREATE_STEP_DONE)
      break;
  if (index == self->steps->len)
    {
      self->running = FALSE;
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      self->running = FALSE;
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
      return;
    }

  g_task_set_task_data (task, GUINT_TO_POINTER (index), NULL);
  set_step (self, index, SLUICE_CREATE_STEP_RUNNING, NULL);
  if (index == 0)
    {
      SluicePipelineDraft *draft = self->draft;
      SluicePipelineSpec spec = {
        .label = draft->name,
        .environment_uri = draft->environment_uri,
        .team = draft->team,
        .dev_strategy = sluice_dev_strategy_to_string (draft->strategy),
        .description = draft->description ? draft->description : "",
        .tags = sluice_pipeline_draft_get_tags (draft),
        .template = draft->template,
        .input_dataset_uri = draft->input_dataset,
        .output_dataset_uri = draft->output_dataset,
      };

      sluice_dataall_client_create_pipeline_async (self->client, &spec, cancellable,
                                                   pipeline_created_cb, task);
    }
  else
    {
      SluiceDraftStage *stage = g_ptr_array_index (self->draft->stages, index - 1);
      SluiceStageSpec spec = {
        .pipeline_uri = sluice_pipeline_get_uri (self->pipeline),
        .stage = stage->name,
        .order = (int) index,
        .environment_uri = stage->environment_uri,
        .environment_label = stage->environment_label ? stage->environment_label
                                                      : stage->environment_uri,
        .team = stage->team,
      };

      sluice_dataall_client_create_stage_async (self->client, &spec, cancellable,
                                                stage_created_cb, task);
    }
}

/**
 * sluice_pipeline_creator_run_async:
 *
 * Runs the steps that are not done yet, in order, until one fails: the first run creates
 * everything, a later one retries what remains. Progress is reported through
 * #SluicePipelineCreator::step-changed.
 */
void
sluice_pipeline_creator_run_async (SluicePipelineCreator *self,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLUICE_IS_PIPELINE_CREATOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_pipeline_creator_run_async);
  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The pipeline is already being created");
      return;
    }
  self->running = TRUE;
  run_next (g_steal_pointer (&task));
}

gboolean
sluice_pipeline_creator_run_finish (SluicePipelineCreator  *self,
                                    GAsyncResult           *result,
                                    GError                **error)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
