/* sluice-pipeline-draft.c: a pipeline being created or edited, kept across restarts
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-draft"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sluice-dataall-client.h"
#include "sluice-dataall-error.h"
#include "sluice-pipeline-draft.h"
#include "sluice-pipeline-rules-private.h"

#define DRAFTS_KEY "pipeline-drafts"

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

  /* How far creating it got (SluicePipelineCreator), kept so that a crash loses nothing. */
  char              *created_uri;
  guint              n_created_stages;
  gboolean           in_flight;
  GStrv              labelled_before; /* pipelines with its label before createDataPipeline */
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
  g_free (self->created_uri);
  g_strfreev (self->labelled_before);

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
         self->strategy == SLUICE_DEV_STRATEGY_CDK_TRUNK && self->created_uri == NULL &&
         !self->in_flight;
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

/* ------------------------------------------------------------------------------------------ */
/* Creating it                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_draft_get_created_uri:
 *
 * Returns: (nullable): the pipeline created from this draft, %NULL while it is not
 */
const char *
sluice_pipeline_draft_get_created_uri (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  return self->created_uri;
}

/**
 * sluice_pipeline_draft_get_n_created_stages:
 *
 * Returns: how many of the draft's stages were added to the created pipeline, in order
 */
guint
sluice_pipeline_draft_get_n_created_stages (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), 0);
  return self->n_created_stages;
}

/**
 * sluice_pipeline_draft_get_in_flight:
 *
 * Returns: whether the next mutation (the pipeline, or the stage after the created ones) was
 *   sent and its answer not read: the server may have done it
 */
gboolean
sluice_pipeline_draft_get_in_flight (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), FALSE);
  return self->in_flight;
}

/**
 * sluice_pipeline_draft_set_progress:
 * @created_uri: (nullable): the pipeline created, %NULL before
 * @n_created_stages: how many stages were added to it
 * @in_flight: whether the next mutation is under way
 *
 * Records how far creating the draft got. Not something the user typed: it does not emit
 * #SluicePipelineDraft::changed.
 */
void
sluice_pipeline_draft_set_progress (SluicePipelineDraft *self,
                                    const char          *created_uri,
                                    guint                n_created_stages,
                                    gboolean             in_flight)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (created_uri != NULL || n_created_stages == 0);
  g_return_if_fail (n_created_stages <= self->stages->len);

  set_str (&self->created_uri, created_uri);
  self->n_created_stages = n_created_stages;
  self->in_flight = in_flight;
  /* Only createDataPipeline under way needs them. */
  if (created_uri != NULL || !in_flight)
    g_clear_pointer (&self->labelled_before, g_strfreev);
}

/**
 * sluice_pipeline_draft_get_labelled_before:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the URIs of the pipelines
 *   that carried the draft's label just before createDataPipeline was sent, %NULL when that
 *   was not recorded
 */
const char * const *
sluice_pipeline_draft_get_labelled_before (SluicePipelineDraft *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (self), NULL);
  return (const char * const *) self->labelled_before;
}

/**
 * sluice_pipeline_draft_set_labelled_before:
 * @uris: (nullable) (array zero-terminated=1): the pipelines with the draft's label
 *
 * Records which pipelines already carried the label before createDataPipeline is sent, so
 * that a Sluice killed while it was under way can tell the one it created. Kept while the
 * draft says createDataPipeline is under way (sluice_pipeline_draft_set_progress()). Not
 * something the user typed: it does not emit #SluicePipelineDraft::changed.
 */
void
sluice_pipeline_draft_set_labelled_before (SluicePipelineDraft *self,
                                           const char * const  *uris)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));

  g_strfreev (self->labelled_before);
  self->labelled_before = g_strdupv ((char **) uris);
}

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
  if (self->created_uri != NULL || self->in_flight)
    {
      add_nullable (builder, "createdPipelineUri", self->created_uri);
      json_builder_set_member_name (builder, "stagesCreated");
      json_builder_add_int_value (builder, self->n_created_stages);
      json_builder_set_member_name (builder, "inFlight");
      json_builder_add_boolean_value (builder, self->in_flight);
      if (self->labelled_before != NULL)
        {
          json_builder_set_member_name (builder, "labelledBefore");
          json_builder_begin_array (builder);
          for (guint i = 0; self->labelled_before[i] != NULL; i++)
            json_builder_add_string_value (builder, self->labelled_before[i]);
          json_builder_end_array (builder);
        }
    }
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
  /* A damaged progress is taken as no pipeline created rather than a wrong count. */
  set_str (&self->created_uri, member_string (object, "createdPipelineUri"));
  node = json_object_get_member (object, "stagesCreated");
  if (self->created_uri != NULL && node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0 && json_node_get_int (node) <= self->stages->len)
    self->n_created_stages = (guint) json_node_get_int (node);
  node = json_object_get_member (object, "inFlight");
  self->in_flight = node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
                    json_node_get_boolean (node);
  /* A damaged list is taken as not recorded: then nothing is adopted. */
  node = json_object_get_member (object, "labelledBefore");
  if (self->in_flight && self->created_uri == NULL && node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *uris = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      gboolean whole = TRUE;

      for (guint i = 0; i < json_array_get_length (uris); i++)
        {
          JsonNode *uri = json_array_get_element (uris, i);

          if (json_node_get_value_type (uri) != G_TYPE_STRING)
            whole = FALSE;
          else
            g_strv_builder_add (builder, json_node_get_string (uri));
        }
      if (whole)
        self->labelled_before = g_strv_builder_end (builder);
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
/* Edits of an existing pipeline                                                              */
/* ------------------------------------------------------------------------------------------ */

/* The Edit dialog's drafts share the setting, under a key no account id takes. */
static char *
edit_key (const char *account_id,
          const char *pipeline_uri)
{
  return g_strdup_printf ("edit:%s:%s", account_id, pipeline_uri);
}

/**
 * sluice_pipeline_draft_save_edit:
 * @settings: the application's settings
 * @account_id: the account the pipeline belongs to
 * @pipeline_uri: the pipeline edited
 *
 * Keeps the Edit dialog's unsaved edits of a pipeline (the whole draft), so that they survive
 * a crash; sluice_pipeline_draft_load_edit() gives them back.
 */
void
sluice_pipeline_draft_save_edit (SluicePipelineDraft *self,
                                 GSettings           *settings,
                                 const char          *account_id,
                                 const char          *pipeline_uri)
{
  g_autofree char *key = NULL;

  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (self));
  g_return_if_fail (account_id != NULL && pipeline_uri != NULL);

  key = edit_key (account_id, pipeline_uri);
  sluice_pipeline_draft_save (self, settings, key);
}

/**
 * sluice_pipeline_draft_load_edit:
 *
 * Returns: (transfer full) (nullable): the unsaved edits of the pipeline, %NULL if none
 */
SluicePipelineDraft *
sluice_pipeline_draft_load_edit (GSettings  *settings,
                                 const char *account_id,
                                 const char *pipeline_uri)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (account_id != NULL && pipeline_uri != NULL, NULL);

  key = edit_key (account_id, pipeline_uri);
  return sluice_pipeline_draft_load (settings, key);
}

void
sluice_pipeline_draft_discard_edit (GSettings  *settings,
                                    const char *account_id,
                                    const char *pipeline_uri)
{
  g_autofree char *key = NULL;

  g_return_if_fail (account_id != NULL && pipeline_uri != NULL);

  key = edit_key (account_id, pipeline_uri);
  sluice_pipeline_draft_discard (settings, key);
}
