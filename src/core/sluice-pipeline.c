/* sluice-pipeline.c: a data.all pipeline: its repository, CI/CD environment, stages and stack
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline"

#include "config.h"

#include "sluice-json-model.h"
#include "sluice-pipeline.h"

enum {
  PROP_0,
  PROP_URI,
  PROP_NAME,
  PROP_LABEL,
  PROP_DESCRIPTION,
  PROP_TAGS,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_OWNER,
  PROP_REPO,
  PROP_TEAM,
  PROP_DEV_STRATEGY,
  PROP_TEMPLATE,
  PROP_CLONE_URL,
  PROP_USER_ROLE,
  PROP_ORGANIZATION_URI,
  PROP_ORGANIZATION_LABEL,
  PROP_INPUT_DATASET_URI,
  PROP_OUTPUT_DATASET_URI,
  PROP_ENVIRONMENT,
  PROP_STACK,
  PROP_STAGES,
  N_PROPS
};

struct _SluicePipeline
{
  GObject            parent_instance;

  SluiceEnvironment *environment;
  SluiceStack       *stack;
  GListStore        *stages;      /* made when first needed: a list shows no stages */
  guint              revision;

  SluiceJsonValue    values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SluicePipeline, sluice_pipeline, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Which JSON member fills which property. */
static const SluiceJsonField fields[] = {
  { PROP_URI, "DataPipelineUri" },
  { PROP_NAME, "name" },
  { PROP_LABEL, "label" },
  { PROP_DESCRIPTION, "description" },
  { PROP_TAGS, "tags" },
  { PROP_CREATED, "created" },
  { PROP_UPDATED, "updated" },
  { PROP_OWNER, "owner" },
  { PROP_REPO, "repo" },
  { PROP_TEAM, "SamlGroupName" },
  { PROP_DEV_STRATEGY, "devStrategy" },
  { PROP_TEMPLATE, "template" },
  { PROP_CLONE_URL, "cloneUrlHttp" },
  { PROP_USER_ROLE, "userRoleForPipeline" },
  { PROP_ORGANIZATION_URI, "organization.organizationUri" },
  { PROP_ORGANIZATION_LABEL, "organization.label" },
  { PROP_INPUT_DATASET_URI, "inputDatasetUri" },
  { PROP_OUTPUT_DATASET_URI, "outputDatasetUri" },
};

static JsonObject *
member_object (JsonObject *json,
               const char *name)
{
  JsonNode *node = json_object_get_member (json, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Returns TRUE if the environment changed, in place or for another one. */
static gboolean
update_environment (SluicePipeline *self,
                    JsonObject     *json)
{
  JsonObject *object = member_object (json, "environment");
  g_autofree char *uri = NULL;

  if (object == NULL)
    return FALSE;
  uri = sluice_json_model_dup_string (object, "environmentUri");
  if (self->environment != NULL &&
      g_strcmp0 (uri, sluice_environment_get_uri (self->environment)) == 0)
    return sluice_environment_update_from_json (self->environment, object);
  g_clear_object (&self->environment);
  self->environment = sluice_environment_new_from_json (object);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
  return TRUE;
}

/* Returns TRUE if the stack changed, in place or for another one. */
static gboolean
update_stack (SluicePipeline *self,
              JsonObject     *json)
{
  JsonObject *object = member_object (json, "stack");
  g_autofree char *uri = NULL;

  if (object == NULL)
    return FALSE;
  uri = sluice_json_model_dup_string (object, "stackUri");
  if (self->stack != NULL && g_strcmp0 (uri, sluice_stack_get_uri (self->stack)) == 0)
    return sluice_stack_update_from_json (self->stack, object);
  g_clear_object (&self->stack);
  self->stack = sluice_stack_new_from_json (object);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
  return TRUE;
}

static GListStore *
ensure_stages (SluicePipeline *self)
{
  if (self->stages == NULL)
    self->stages = g_list_store_new (SLUICE_TYPE_STAGE);
  return self->stages;
}

static int
compare_stage_order (gconstpointer a,
                     gconstpointer b)
{
  SluiceStage *sa = *(SluiceStage * const *) a;
  SluiceStage *sb = *(SluiceStage * const *) b;

  return sluice_stage_get_order (sa) - sluice_stage_get_order (sb);
}

/* Keeps the stage objects whose id is still there (updated in place) and changes the list
 * only when its members or their order changed. Returns TRUE if any stage changed. */
static gboolean
update_stages (SluicePipeline *self,
               JsonObject     *json)
{
  JsonObject *object = member_object (json, "developmentEnvironments");
  JsonNode *nodes = object ? json_object_get_member (object, "nodes") : NULL;
  g_autoptr(GPtrArray) stages = NULL;
  JsonArray *array;
  guint n_old;
  gboolean same = TRUE;
  gboolean changed = FALSE;

  if (nodes == NULL || !JSON_NODE_HOLDS_ARRAY (nodes))
    return FALSE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (ensure_stages (self)));
  array = json_node_get_array (nodes);
  stages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *uri = NULL;
      SluiceStage *stage = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      uri = sluice_json_model_dup_string (json_node_get_object (node), "envPipelineUri");
      for (guint j = 0; j < n_old && uri != NULL; j++)
        {
          g_autoptr(SluiceStage) old = g_list_model_get_item (G_LIST_MODEL (self->stages), j);

          if (g_strcmp0 (sluice_stage_get_uri (old), uri) == 0)
            {
              stage = g_object_ref (old);
              changed |= sluice_stage_update_from_json (stage, json_node_get_object (node));
              break;
            }
        }
      if (stage == NULL)
        stage = sluice_stage_new_from_json (json_node_get_object (node));
      g_ptr_array_add (stages, stage);
    }
  /* data.all orders them by name; people think of them in deployment order. */
  g_ptr_array_sort (stages, compare_stage_order);

  if (stages->len != n_old)
    same = FALSE;
  for (guint i = 0; same && i < stages->len; i++)
    {
      g_autoptr(SluiceStage) old = g_list_model_get_item (G_LIST_MODEL (self->stages), i);

      same = old == g_ptr_array_index (stages, i);
    }
  if (!same)
    g_list_store_splice (self->stages, 0, n_old, stages->pdata, stages->len);
  return changed || !same;
}

static void
sluice_pipeline_dispose (GObject *object)
{
  SluicePipeline *self = (SluicePipeline *) object;

  g_clear_object (&self->environment);
  g_clear_object (&self->stack);
  g_clear_object (&self->stages);

  G_OBJECT_CLASS (sluice_pipeline_parent_class)->dispose (object);
}

static void
sluice_pipeline_finalize (GObject *object)
{
  SluicePipeline *self = (SluicePipeline *) object;

  sluice_json_model_clear_values (self->values, properties, N_PROPS);

  G_OBJECT_CLASS (sluice_pipeline_parent_class)->finalize (object);
}

static void
sluice_pipeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SluicePipeline *self = SLUICE_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_ENVIRONMENT:
      g_value_set_object (value, self->environment);
      break;
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    case PROP_STAGES:
      g_value_set_object (value, ensure_stages (self));
      break;
    default:
      if (sluice_json_model_holds (properties, N_PROPS, prop_id))
        sluice_json_model_get_value (self->values, properties, prop_id, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SluicePipeline *self = SLUICE_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_ENVIRONMENT:
    case PROP_STACK:
    case PROP_STAGES:
      g_assert_not_reached ();
      break;
    default:
      if (sluice_json_model_holds (properties, N_PROPS, prop_id))
        {
          if (sluice_json_model_set_value (object, self->values, properties, prop_id, value))
            self->revision++;
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_class_init (SluicePipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_pipeline_dispose;
  object_class->finalize = sluice_pipeline_finalize;
  object_class->get_property = sluice_pipeline_get_property;
  object_class->set_property = sluice_pipeline_set_property;

  /**
   * SluicePipeline:uri:
   *
   * The pipeline's id (`DataPipelineUri`), 8 characters of [a-z0-9].
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:name:
   *
   * The AWS name, also the repository's: `<prefix>-<label>-<uri>`.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:label:
   *
   * The name people gave the pipeline.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPO] =
    g_param_spec_string ("repo", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:team:
   *
   * The pipeline's admin team (`SamlGroupName`).
   */
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:dev-strategy:
   *
   * "cdk-trunk", "trunk" or "gitflow".
   */
  properties[PROP_DEV_STRATEGY] =
    g_param_spec_string ("dev-strategy", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:clone-url:
   *
   * `codecommit::<region>://<repo>`.
   */
  properties[PROP_CLONE_URL] =
    g_param_spec_string ("clone-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:user-role:
   *
   * "Creator", "Admin" or "NoPermission".
   */
  properties[PROP_USER_ROLE] =
    g_param_spec_string ("user-role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION_URI] =
    g_param_spec_string ("organization-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION_LABEL] =
    g_param_spec_string ("organization-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:input-dataset-uri:
   *
   * A legacy field (data.all 1.1), only from *-legacy documents.
   */
  properties[PROP_INPUT_DATASET_URI] =
    g_param_spec_string ("input-dataset-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:output-dataset-uri:
   *
   * A legacy field (data.all 1.1), only from *-legacy documents.
   */
  properties[PROP_OUTPUT_DATASET_URI] =
    g_param_spec_string ("output-dataset-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:environment:
   *
   * The CI/CD environment, where the repository and the pipeline live. Updated in place when
   * an answer names the same environment.
   */
  properties[PROP_ENVIRONMENT] =
    g_param_spec_object ("environment", NULL, NULL, SLUICE_TYPE_ENVIRONMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:stack:
   *
   * The CloudFormation stack; updated in place as its status moves.
   */
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, SLUICE_TYPE_STACK,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipeline:stages:
   *
   * The stages (#SluiceStage) in deployment order: always the same list, whose items change.
   */
  properties[PROP_STAGES] =
    g_param_spec_object ("stages", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_pipeline_init (SluicePipeline *self)
{
  sluice_json_model_init_values (self->values, properties, N_PROPS);
}

/**
 * sluice_pipeline_new_from_json:
 * @json: an object of data.all's answer
 *
 * Returns: (transfer full): a new #SluicePipeline holding the members @json has
 */
SluicePipeline *
sluice_pipeline_new_from_json (JsonObject *json)
{
  SluicePipeline *self;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_PIPELINE, NULL);
  sluice_pipeline_update_from_json (self, json);
  return self;
}

/**
 * sluice_pipeline_update_from_json:
 * @self: a #SluicePipeline
 * @json: an object of data.all's answer
 *
 * Sets the properties whose members @json holds, notifying only those that change.
 *
 * Returns: %TRUE if any property changed
 */
gboolean
sluice_pipeline_update_from_json (SluicePipeline *self,
                                  JsonObject *json)
{
  gboolean watched;
  gboolean nested = FALSE;
  guint changed;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* Handlers run once the whole answer is in. */
  watched = sluice_json_model_is_watched (G_OBJECT (self));
  if (watched)
    g_object_freeze_notify (G_OBJECT (self));
  changed = sluice_json_model_update (G_OBJECT (self), self->values, properties,
                                      fields, G_N_ELEMENTS (fields), json);
  nested |= update_environment (self, json);
  nested |= update_stack (self, json);
  nested |= update_stages (self, json);
  if (changed > 0 || nested)
    self->revision++;
  if (watched)
    g_object_thaw_notify (G_OBJECT (self));
  return changed > 0;
}

/**
 * sluice_pipeline_update_from_pipeline:
 * @self: a #SluicePipeline
 * @newer: the same pipeline, as a later answer described it, from a document that asks for
 *   at least what the one @self came from asked for (getDataPipeline after the list)
 *
 * Takes everything @newer says: its properties, its environment, stack and stages. So one
 * object stands for the pipeline wherever it is shown (its row in the list, its page), and
 * what one of them learns the other shows at once.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sluice_pipeline_update_from_pipeline (SluicePipeline *self,
                                      SluicePipeline *newer)
{
  gboolean watched;
  gboolean changed;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (newer), FALSE);

  if (self == newer)
    return FALSE;

  /* Handlers run once the whole pipeline is in. */
  watched = sluice_json_model_is_watched (G_OBJECT (self));
  if (watched)
    g_object_freeze_notify (G_OBJECT (self));
  changed = sluice_json_model_copy (G_OBJECT (self), self->values, properties, N_PROPS, newer->values) > 0;
  if (newer->environment != NULL && newer->environment != self->environment)
    {
      g_set_object (&self->environment, newer->environment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
      changed = TRUE;
    }
  if (newer->stack != NULL && newer->stack != self->stack)
    {
      sluice_pipeline_set_stack (self, newer->stack);
      changed = TRUE;
    }
  if (newer->stages != NULL)
    {
      GListModel *stages = G_LIST_MODEL (newer->stages);
      guint n = g_list_model_get_n_items (stages);
      guint n_old = g_list_model_get_n_items (G_LIST_MODEL (ensure_stages (self)));
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
      gboolean same = n == n_old;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (stages, i));
      for (guint i = 0; same && i < n; i++)
        {
          g_autoptr(SluiceStage) old = g_list_model_get_item (G_LIST_MODEL (self->stages), i);

          same = old == g_ptr_array_index (items, i);
        }
      if (!same)
        {
          g_list_store_splice (self->stages, 0, n_old, items->pdata, items->len);
          changed = TRUE;
        }
    }
  if (changed)
    self->revision++;
  if (watched)
    g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

/**
 * sluice_pipeline_set_stack:
 * @self: a #SluicePipeline
 * @stack: a newer description of the pipeline's stack (getStack, updateStack)
 *
 * Makes @stack the pipeline's: whoever shows the pipeline shows its status from now on.
 */
void
sluice_pipeline_set_stack (SluicePipeline *self,
                           SluiceStack    *stack)
{
  g_return_if_fail (SLUICE_IS_PIPELINE (self));
  g_return_if_fail (SLUICE_IS_STACK (stack));

  if (!g_set_object (&self->stack, stack))
    return;
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

const char *
sluice_pipeline_get_uri (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_URI].v_string;
}

const char *
sluice_pipeline_get_name (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_NAME].v_string;
}

const char *
sluice_pipeline_get_label (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_LABEL].v_string;
}

const char *
sluice_pipeline_get_description (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_DESCRIPTION].v_string;
}

const char * const *
sluice_pipeline_get_tags (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return (const char * const *) self->values[PROP_TAGS].v_strv;
}

const char *
sluice_pipeline_get_created (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_CREATED].v_string;
}

const char *
sluice_pipeline_get_updated (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_UPDATED].v_string;
}

const char *
sluice_pipeline_get_owner (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_OWNER].v_string;
}

const char *
sluice_pipeline_get_repo (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_REPO].v_string;
}

const char *
sluice_pipeline_get_team (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_TEAM].v_string;
}

const char *
sluice_pipeline_get_dev_strategy (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_DEV_STRATEGY].v_string;
}

const char *
sluice_pipeline_get_template (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_TEMPLATE].v_string;
}

const char *
sluice_pipeline_get_clone_url (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_CLONE_URL].v_string;
}

const char *
sluice_pipeline_get_user_role (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_USER_ROLE].v_string;
}

const char *
sluice_pipeline_get_organization_uri (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_ORGANIZATION_URI].v_string;
}

const char *
sluice_pipeline_get_organization_label (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_ORGANIZATION_LABEL].v_string;
}

const char *
sluice_pipeline_get_input_dataset_uri (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_INPUT_DATASET_URI].v_string;
}

const char *
sluice_pipeline_get_output_dataset_uri (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->values[PROP_OUTPUT_DATASET_URI].v_string;
}

/**
 * sluice_pipeline_get_environment:
 *
 * Returns: (transfer none) (nullable): the CI/CD environment
 */
SluiceEnvironment *
sluice_pipeline_get_environment (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->environment;
}

/**
 * sluice_pipeline_get_stack:
 *
 * Returns: (transfer none) (nullable): the stack
 */
SluiceStack *
sluice_pipeline_get_stack (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return self->stack;
}

/**
 * sluice_pipeline_get_stages:
 *
 * Returns: (transfer none): the stages, a #GListModel of #SluiceStage in deployment order
 */
GListModel *
sluice_pipeline_get_stages (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);
  return G_LIST_MODEL (ensure_stages (self));
}

/**
 * sluice_pipeline_get_revision:
 *
 * Lets a list that keeps what it derived from many pipelines (search text, sort keys) find the
 * few that changed without a signal handler on each of them.
 *
 * Returns: a number that changes whenever a property of the pipeline, its environment, stack
 *   or stages changes through the pipeline
 */
guint
sluice_pipeline_get_revision (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), 0);
  return self->revision;
}

/**
 * sluice_pipeline_get_stack_target_type:
 *
 * Returns: the `targetType` of the pipeline's stack for getStack and its kin: "cdkpipeline"
 *   for cdk-trunk pipelines, "pipeline" otherwise
 */
const char *
sluice_pipeline_get_stack_target_type (SluicePipeline *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE (self), NULL);

  /* data.all makes a "cdkpipeline" stack for cdk-trunk, a "pipeline" stack otherwise. */
  return g_strcmp0 (sluice_pipeline_get_dev_strategy (self), "cdk-trunk") == 0 ? "cdkpipeline" : "pipeline";
}
