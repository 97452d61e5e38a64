/* sluice-dataall-api.c: data.all's pipeline operations as typed async calls
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-dataall-api"

#include "config.h"

#include "sluice-dataall-api.h"
#include "sluice-json-model.h"

/* Pickers show every environment and team at once, as data.all's console does. */
#define ALL_AT_ONCE 10000

typedef gpointer (*ConvertFunc) (JsonNode  *node,
                                 GError   **error);

typedef struct
{
  char           *document;
  char           *field;
  ConvertFunc     convert;
  GDestroyNotify  destroy;
} Operation;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
operation_free (gpointer data)
{
  Operation *operation = data;

  g_free (operation->document);
  g_free (operation->field);
  g_free (operation);
}

static GError *
unexpected_answer (const char *document,
                   const char *field)
{
  g_autofree char *detail = g_strdup_printf ("The answer has no usable \"%s\".", field);

  return sluice_dataall_error_new (SLUICE_DATAALL_ERROR_SERVER, document, 200, NULL, detail);
}

static JsonObject *
node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
operation_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr(JsonNode) data = NULL;
  GError *error = NULL;
  JsonNode *node;
  gpointer value;

  data = sluice_dataall_client_execute_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  node = json_object_get_member (json_node_get_object (data), operation->field);
  value = node != NULL && !JSON_NODE_HOLDS_NULL (node) ? operation->convert (node, &error) : NULL;
  if (value == NULL)
    {
      g_task_return_error (task, error ? error : unexpected_answer (operation->document,
                                                                   operation->field));
      return;
    }
  g_task_return_pointer (task, value, operation->destroy);
}

/* Runs @document and converts the answer's @field; @variables is consumed. */
static void
run (SluiceDataallClient *self,
     const char          *document,
     JsonObject          *variables,
     const char          *field,
     ConvertFunc          convert,
     GDestroyNotify       destroy,
     gpointer             source_tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(JsonObject) owned = variables;
  g_autoptr(GTask) task = NULL;
  Operation *operation;

  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  operation = g_new0 (Operation, 1);
  operation->document = g_strdup (document);
  operation->field = g_strdup (field);
  operation->convert = convert;
  operation->destroy = destroy;
  g_task_set_task_data (task, operation, operation_free);

  sluice_dataall_client_execute_async (self, document, variables, cancellable,
                                       operation_done_cb, g_steal_pointer (&task));
}

static gpointer
finish (SluiceDataallClient  *self,
        GAsyncResult         *result,
        gpointer              source_tag,
        GError              **error)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonObject *
variables_new (const char *name,
               const char *value)
{
  JsonObject *variables = json_object_new ();

  if (name != NULL)
    json_object_set_string_member (variables, name, value ? value : "");
  return variables;
}

static JsonArray *
string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

static JsonObject *
page_filter (void)
{
  JsonObject *filter = json_object_new ();

  json_object_set_int_member (filter, "page", 1);
  json_object_set_int_member (filter, "pageSize", ALL_AT_ONCE);
  return filter;
}

/* Converters: from the answer's field to what the caller gets. */

static gpointer
convert_pipeline (JsonNode  *node,
                  GError   **error)
{
  JsonObject *object = node_object (node);

  return object ? sluice_pipeline_new_from_json (object) : NULL;
}

static gpointer
convert_stage (JsonNode  *node,
               GError   **error)
{
  JsonObject *object = node_object (node);

  return object ? sluice_stage_new_from_json (object) : NULL;
}

static gpointer
convert_environment (JsonNode  *node,
                     GError   **error)
{
  JsonObject *object = node_object (node);

  return object ? sluice_environment_new_from_json (object) : NULL;
}

static gpointer
convert_stack (JsonNode  *node,
               GError   **error)
{
  JsonObject *object = node_object (node);

  return object ? sluice_stack_new_from_json (object) : NULL;
}

static gpointer
convert_string (JsonNode  *node,
                GError   **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* Booleans travel as a non-NULL pointer for TRUE: data.all answers true or fails. */
static gpointer
convert_true (JsonNode  *node,
              GError   **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN ||
      !json_node_get_boolean (node))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static GListModel *
convert_nodes (JsonNode *node,
               GType     item_type,
               gpointer (*new_from_json) (JsonObject *json))
{
  JsonObject *object = node_object (node);
  JsonNode *nodes = object ? json_object_get_member (object, "nodes") : NULL;
  GListStore *store;
  JsonArray *array;

  if (nodes == NULL || !JSON_NODE_HOLDS_ARRAY (nodes))
    return NULL;
  store = g_list_store_new (item_type);
  array = json_node_get_array (nodes);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = node_object (json_array_get_element (array, i));

      if (item != NULL)
        {
          g_autoptr(GObject) model = new_from_json (item);

          g_list_store_append (store, model);
        }
    }
  return G_LIST_MODEL (store);
}

static gpointer
convert_environments (JsonNode  *node,
                      GError   **error)
{
  return convert_nodes (node, SLUICE_TYPE_ENVIRONMENT,
                        (gpointer (*) (JsonObject *)) sluice_environment_new_from_json);
}

static gpointer
convert_teams (JsonNode  *node,
               GError   **error)
{
  return convert_nodes (node, SLUICE_TYPE_TEAM,
                        (gpointer (*) (JsonObject *)) sluice_team_new_from_json);
}

static gpointer
convert_datasets (JsonNode  *node,
                  GError   **error)
{
  return convert_nodes (node, SLUICE_TYPE_DATASET,
                        (gpointer (*) (JsonObject *)) sluice_dataset_new_from_json);
}

static gpointer
convert_logs (JsonNode  *node,
              GError   **error)
{
  GPtrArray *entries;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_stack_log_entry_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = node_object (json_array_get_element (array, i));
      SluiceStackLogEntry *entry;

      if (object == NULL)
        continue;
      entry = g_new0 (SluiceStackLogEntry, 1);
      entry->timestamp = sluice_json_model_dup_string (object, "timestamp");
      entry->message = sluice_json_model_dup_string (object, "message");
      entry->log_group = sluice_json_model_dup_string (object, "logGroup");
      entry->log_stream = sluice_json_model_dup_string (object, "logStream");
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

static gpointer
convert_tags (JsonNode  *node,
              GError   **error)
{
  GPtrArray *tags;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  tags = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_key_value_tag_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = node_object (json_array_get_element (array, i));
      JsonNode *cascade;
      SluiceKeyValueTag *tag;

      if (object == NULL)
        continue;
      tag = g_new0 (SluiceKeyValueTag, 1);
      tag->key = sluice_json_model_dup_string (object, "key");
      tag->value = sluice_json_model_dup_string (object, "value");
      cascade = json_object_get_member (object, "cascade");
      tag->cascade = cascade != NULL && JSON_NODE_HOLDS_VALUE (cascade) &&
                     json_node_get_value_type (cascade) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (cascade);
      g_ptr_array_add (tags, tag);
    }
  return tags;
}

static JsonObject *
stack_variables (SluicePipeline *pipeline)
{
  JsonObject *variables = variables_new ("targetUri", sluice_pipeline_get_uri (pipeline));

  json_object_set_string_member (variables, "targetType",
                                 sluice_pipeline_get_stack_target_type (pipeline));
  return variables;
}

static JsonObject *
stage_variables (const SluiceStageSpec *spec)
{
  JsonObject *variables = json_object_new ();
  JsonObject *input = json_object_new ();

  json_object_set_string_member (input, "stage", spec->stage ? spec->stage : "");
  json_object_set_int_member (input, "order", spec->order);
  json_object_set_string_member (input, "pipelineUri", spec->pipeline_uri ? spec->pipeline_uri : "");
  json_object_set_string_member (input, "environmentLabel",
                                 spec->environment_label ? spec->environment_label : "");
  json_object_set_string_member (input, "environmentUri",
                                 spec->environment_uri ? spec->environment_uri : "");
  json_object_set_string_member (input, "samlGroupName", spec->team ? spec->team : "");
  json_object_set_object_member (variables, "input", input);
  return variables;
}

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

/* ------------------------------------------------------------------------------------------ */
/* Boxed helpers                                                                              */
/* ------------------------------------------------------------------------------------------ */

void
sluice_stack_log_entry_free (SluiceStackLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->timestamp);
  g_free (entry->message);
  g_free (entry->log_group);
  g_free (entry->log_stream);
  g_free (entry);
}

SluiceKeyValueTag *
sluice_key_value_tag_new (const char *key,
                          const char *value,
                          gboolean    cascade)
{
  SluiceKeyValueTag *tag = g_new0 (SluiceKeyValueTag, 1);

  tag->key = g_strdup (key);
  tag->value = g_strdup (value);
  tag->cascade = !!cascade;
  return tag;
}

void
sluice_key_value_tag_free (SluiceKeyValueTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->key);
  g_free (tag->value);
  g_free (tag);
}

/* ------------------------------------------------------------------------------------------ */
/* Feature detection                                                                          */
/* ------------------------------------------------------------------------------------------ */

static void
probe_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) data = NULL;
  GError *error = NULL;
  JsonObject *list;
  JsonNode *count;

  data = sluice_dataall_client_execute_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (data == NULL)
    {
      if (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED))
        {
          g_error_free (error);
          g_task_return_int (task, -1);
        }
      else
        g_task_return_error (task, error);
      return;
    }
  list = node_object (json_object_get_member (json_node_get_object (data), "listDataPipelines"));
  count = list ? json_object_get_member (list, "count") : NULL;
  if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64)
    {
      g_task_return_error (task, unexpected_answer ("ListDataPipelinesCount", "count"));
      return;
    }
  g_task_return_int (task, CLAMP (json_node_get_int (count), 0, G_MAXINT));
}

/**
 * sluice_dataall_client_probe_pipelines_async:
 *
 * Asks whether the server has the Pipelines module (a `listDataPipelines { count }` query):
 * data.all 2.7 and later switch it off by default.
 */
void
sluice_dataall_client_probe_pipelines_async (SluiceDataallClient *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_dataall_client_probe_pipelines_async);
  sluice_dataall_client_execute_async (self, "ListDataPipelinesCount", NULL, cancellable,
                                       probe_done_cb, g_steal_pointer (&task));
}

/**
 * sluice_dataall_client_probe_pipelines_finish:
 * @enabled: (out): whether the server has the Pipelines module
 * @count: (out) (optional): how many pipelines the user sees, 0 when disabled
 *
 * Returns: %TRUE when the server answered the question, %FALSE with @error set otherwise
 *   (not signed in, network…)
 */
gboolean
sluice_dataall_client_probe_pipelines_finish (SluiceDataallClient  *self,
                                              GAsyncResult         *result,
                                              gboolean             *enabled,
                                              guint                *count,
                                              GError              **error)
{
  gssize value;

  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (enabled != NULL, FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value == -1 && g_task_had_error (G_TASK (result)))
    return FALSE;
  *enabled = value >= 0;
  if (count != NULL)
    *count = value >= 0 ? (guint) value : 0;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Pipelines                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_dataall_client_get_pipeline_async:
 *
 * Gets one pipeline with its environment, stages and stack (GetDataPipeline). When only a
 * nested field fails (the stack, say), the error's partial data
 * (sluice_dataall_error_get_partial_data()) still holds `getDataPipeline`.
 */
void
sluice_dataall_client_get_pipeline_async (SluiceDataallClient *self,
                                          const char          *pipeline_uri,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (pipeline_uri != NULL);

  run (self, "GetDataPipeline", variables_new ("DataPipelineUri", pipeline_uri),
       "getDataPipeline", convert_pipeline, g_object_unref,
       sluice_dataall_client_get_pipeline_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_get_pipeline_finish:
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
SluicePipeline *
sluice_dataall_client_get_pipeline_finish (SluiceDataallClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  return finish (self, result, sluice_dataall_client_get_pipeline_async, error);
}

/**
 * sluice_dataall_client_create_pipeline_async:
 *
 * Creates a pipeline (CreateDataPipeline, or CreateDataPipeline-legacy when @spec has a
 * legacy field). Its stages are created afterwards with
 * sluice_dataall_client_create_stage_async().
 */
void
sluice_dataall_client_create_pipeline_async (SluiceDataallClient      *self,
                                             const SluicePipelineSpec *spec,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data)
{
  JsonObject *variables;
  JsonObject *input;
  gboolean legacy;

  g_return_if_fail (spec != NULL);

  legacy = is_set (spec->template) || is_set (spec->input_dataset_uri) ||
           is_set (spec->output_dataset_uri);
  variables = json_object_new ();
  input = json_object_new ();
  json_object_set_string_member (input, "label", spec->label ? spec->label : "");
  json_object_set_string_member (input, "environmentUri",
                                 spec->environment_uri ? spec->environment_uri : "");
  json_object_set_string_member (input, "SamlGroupName", spec->team ? spec->team : "");
  json_object_set_string_member (input, "devStrategy",
                                 spec->dev_strategy ? spec->dev_strategy : "cdk-trunk");
  if (spec->description != NULL)
    json_object_set_string_member (input, "description", spec->description);
  if (spec->tags != NULL)
    json_object_set_array_member (input, "tags", string_array (spec->tags));
  if (is_set (spec->template))
    json_object_set_string_member (input, "template", spec->template);
  if (is_set (spec->input_dataset_uri))
    json_object_set_string_member (input, "inputDatasetUri", spec->input_dataset_uri);
  if (is_set (spec->output_dataset_uri))
    json_object_set_string_member (input, "outputDatasetUri", spec->output_dataset_uri);
  json_object_set_object_member (variables, "input", input);

  run (self, legacy ? "CreateDataPipeline-legacy" : "CreateDataPipeline", variables,
       "createDataPipeline", convert_pipeline, g_object_unref,
       sluice_dataall_client_create_pipeline_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_create_pipeline_finish:
 *
 * Returns: (transfer full): the new pipeline, or %NULL with @error set
 */
SluicePipeline *
sluice_dataall_client_create_pipeline_finish (SluiceDataallClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return finish (self, result, sluice_dataall_client_create_pipeline_async, error);
}

/**
 * sluice_dataall_client_update_pipeline_async:
 * @label: (nullable): the new label, %NULL to keep it
 * @description: (nullable): the new description, %NULL to keep it
 * @tags: (nullable): the new tags, %NULL to keep them
 *
 * Updates a pipeline (UpdateDataPipeline); data.all then redeploys its stack.
 */
void
sluice_dataall_client_update_pipeline_async (SluiceDataallClient *self,
                                             const char          *pipeline_uri,
                                             const char          *label,
                                             const char          *description,
                                             const char * const  *tags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  JsonObject *variables;
  JsonObject *input;

  g_return_if_fail (pipeline_uri != NULL);

  variables = variables_new ("DataPipelineUri", pipeline_uri);
  input = json_object_new ();
  if (label != NULL)
    json_object_set_string_member (input, "label", label);
  if (description != NULL)
    json_object_set_string_member (input, "description", description);
  if (tags != NULL)
    json_object_set_array_member (input, "tags", string_array (tags));
  json_object_set_object_member (variables, "input", input);

  run (self, "UpdateDataPipeline", variables, "updateDataPipeline", convert_pipeline,
       g_object_unref, sluice_dataall_client_update_pipeline_async, cancellable, callback,
       user_data);
}

/**
 * sluice_dataall_client_update_pipeline_finish:
 *
 * Returns: (transfer full): the updated pipeline, or %NULL with @error set
 */
SluicePipeline *
sluice_dataall_client_update_pipeline_finish (SluiceDataallClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return finish (self, result, sluice_dataall_client_update_pipeline_async, error);
}

/**
 * sluice_dataall_client_delete_pipeline_async:
 * @delete_from_aws: also delete the repository and the CloudFormation stack
 */
void
sluice_dataall_client_delete_pipeline_async (SluiceDataallClient *self,
                                             const char          *pipeline_uri,
                                             gboolean             delete_from_aws,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  JsonObject *variables;

  g_return_if_fail (pipeline_uri != NULL);

  variables = variables_new ("DataPipelineUri", pipeline_uri);
  json_object_set_boolean_member (variables, "deleteFromAWS", delete_from_aws);
  run (self, "deleteDataPipeline", variables, "deleteDataPipeline", convert_true, NULL,
       sluice_dataall_client_delete_pipeline_async, cancellable, callback, user_data);
}

gboolean
sluice_dataall_client_delete_pipeline_finish (SluiceDataallClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return finish (self, result, sluice_dataall_client_delete_pipeline_async, error) != NULL;
}

/**
 * sluice_dataall_client_get_credentials_async:
 *
 * Gets short-lived AWS keys of the pipeline's CI/CD environment (GetDataPipelineCredsLinux).
 */
void
sluice_dataall_client_get_credentials_async (SluiceDataallClient *self,
                                             const char          *pipeline_uri,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (pipeline_uri != NULL);

  run (self, "GetDataPipelineCredsLinux", variables_new ("DataPipelineUri", pipeline_uri),
       "getDataPipelineCredsLinux", convert_string, g_free,
       sluice_dataall_client_get_credentials_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_get_credentials_finish:
 *
 * Returns: (transfer full): data.all's JSON string
 *   `{"AWS_ACCESS_KEY_ID": …, "AWS_SECRET_ACCESS_KEY": …, "AWS_SESSION_TOKEN": …}`,
 *   or %NULL with @error set
 */
char *
sluice_dataall_client_get_credentials_finish (SluiceDataallClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return finish (self, result, sluice_dataall_client_get_credentials_async, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Stages                                                                                     */
/* ------------------------------------------------------------------------------------------ */

void
sluice_dataall_client_create_stage_async (SluiceDataallClient   *self,
                                          const SluiceStageSpec *spec,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data)
{
  g_return_if_fail (spec != NULL);

  run (self, "createDataPipelineEnvironment", stage_variables (spec),
       "createDataPipelineEnvironment", convert_stage, g_object_unref,
       sluice_dataall_client_create_stage_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_create_stage_finish:
 *
 * Returns: (transfer full): the new stage, or %NULL with @error set
 */
SluiceStage *
sluice_dataall_client_create_stage_finish (SluiceDataallClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  return finish (self, result, sluice_dataall_client_create_stage_async, error);
}

/**
 * sluice_dataall_client_update_stage_async:
 *
 * Changes a stage's order, team or environment label; data.all finds the stage by pipeline,
 * environment and stage name.
 */
void
sluice_dataall_client_update_stage_async (SluiceDataallClient   *self,
                                          const SluiceStageSpec *spec,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data)
{
  g_return_if_fail (spec != NULL);

  run (self, "updateDataPipelineEnvironment", stage_variables (spec),
       "updateDataPipelineEnvironment", convert_stage, g_object_unref,
       sluice_dataall_client_update_stage_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_update_stage_finish:
 *
 * Returns: (transfer full): the updated stage, or %NULL with @error set
 */
SluiceStage *
sluice_dataall_client_update_stage_finish (SluiceDataallClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  return finish (self, result, sluice_dataall_client_update_stage_async, error);
}

/**
 * sluice_dataall_client_delete_stage_async:
 * @stage_uri: the stage's `envPipelineUri`
 */
void
sluice_dataall_client_delete_stage_async (SluiceDataallClient *self,
                                          const char          *stage_uri,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (stage_uri != NULL);

  run (self, "deleteDataPipelineEnvironment", variables_new ("envPipelineUri", stage_uri),
       "deleteDataPipelineEnvironment", convert_true, NULL,
       sluice_dataall_client_delete_stage_async, cancellable, callback, user_data);
}

gboolean
sluice_dataall_client_delete_stage_finish (SluiceDataallClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  return finish (self, result, sluice_dataall_client_delete_stage_async, error) != NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Environments, teams, datasets                                                              */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_dataall_client_list_environments_async:
 *
 * Lists the environments the user may create pipelines in (ListValidEnvironments); whether
 * pipelines are enabled in one needs sluice_dataall_client_get_environment_async().
 */
void
sluice_dataall_client_list_environments_async (SluiceDataallClient *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  JsonObject *variables = json_object_new ();

  json_object_set_object_member (variables, "filter", page_filter ());
  run (self, "ListValidEnvironments", variables, "listValidEnvironments", convert_environments,
       g_object_unref, sluice_dataall_client_list_environments_async, cancellable, callback,
       user_data);
}

/**
 * sluice_dataall_client_list_environments_finish:
 *
 * Returns: (transfer full): a #GListModel of #SluiceEnvironment, or %NULL with @error set
 */
GListModel *
sluice_dataall_client_list_environments_finish (SluiceDataallClient  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  return finish (self, result, sluice_dataall_client_list_environments_async, error);
}

void
sluice_dataall_client_get_environment_async (SluiceDataallClient *self,
                                             const char          *environment_uri,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (environment_uri != NULL);

  run (self, "getEnvironment", variables_new ("environmentUri", environment_uri),
       "getEnvironment", convert_environment, g_object_unref,
       sluice_dataall_client_get_environment_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_get_environment_finish:
 *
 * Returns: (transfer full): the environment with its parameters
 *   (#SluiceEnvironment:pipelines-enabled), or %NULL with @error set
 */
SluiceEnvironment *
sluice_dataall_client_get_environment_finish (SluiceDataallClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return finish (self, result, sluice_dataall_client_get_environment_async, error);
}

/**
 * sluice_dataall_client_list_teams_async:
 *
 * Lists the user's teams invited to an environment (listEnvironmentGroups).
 */
void
sluice_dataall_client_list_teams_async (SluiceDataallClient *self,
                                        const char          *environment_uri,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  JsonObject *variables;

  g_return_if_fail (environment_uri != NULL);

  variables = variables_new ("environmentUri", environment_uri);
  json_object_set_object_member (variables, "filter", page_filter ());
  run (self, "listEnvironmentGroups", variables, "listEnvironmentGroups", convert_teams,
       g_object_unref, sluice_dataall_client_list_teams_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_list_teams_finish:
 *
 * Returns: (transfer full): a #GListModel of #SluiceTeam, or %NULL with @error set
 */
GListModel *
sluice_dataall_client_list_teams_finish (SluiceDataallClient  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return finish (self, result, sluice_dataall_client_list_teams_async, error);
}

/**
 * sluice_dataall_client_list_datasets_async:
 *
 * Lists the S3 datasets an environment's team owns (listS3DatasetsOwnedByEnvGroup): the
 * choices for the legacy input and output datasets.
 */
void
sluice_dataall_client_list_datasets_async (SluiceDataallClient *self,
                                           const char          *environment_uri,
                                           const char          *team,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  JsonObject *variables;

  g_return_if_fail (environment_uri != NULL);
  g_return_if_fail (team != NULL);

  variables = variables_new ("environmentUri", environment_uri);
  json_object_set_string_member (variables, "groupUri", team);
  json_object_set_object_member (variables, "filter", page_filter ());
  run (self, "listS3DatasetsOwnedByEnvGroup", variables, "listS3DatasetsOwnedByEnvGroup",
       convert_datasets, g_object_unref, sluice_dataall_client_list_datasets_async, cancellable,
       callback, user_data);
}

/**
 * sluice_dataall_client_list_datasets_finish:
 *
 * Returns: (transfer full): a #GListModel of #SluiceDataset, or %NULL with @error set
 */
GListModel *
sluice_dataall_client_list_datasets_finish (SluiceDataallClient  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return finish (self, result, sluice_dataall_client_list_datasets_async, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Stack, logs, tags                                                                          */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_dataall_client_get_stack_async:
 *
 * Gets the pipeline's stack with its outputs, resources and events (getStack). Update the
 * pipeline's own #SluicePipeline:stack with sluice_stack_update_from_json() to follow it, or
 * just re-get the pipeline: data.all refreshes the status on every read.
 */
void
sluice_dataall_client_get_stack_async (SluiceDataallClient *self,
                                       SluicePipeline      *pipeline,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SluiceStack *stack;
  JsonObject *variables;

  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  stack = sluice_pipeline_get_stack (pipeline);
  variables = stack_variables (pipeline);
  json_object_set_string_member (variables, "stackUri",
                                 stack && sluice_stack_get_uri (stack)
                                 ? sluice_stack_get_uri (stack) : sluice_pipeline_get_uri (pipeline));
  if (sluice_pipeline_get_environment (pipeline) != NULL &&
      sluice_environment_get_uri (sluice_pipeline_get_environment (pipeline)) != NULL)
    json_object_set_string_member (variables, "environmentUri",
                                   sluice_environment_get_uri (sluice_pipeline_get_environment (pipeline)));
  run (self, "getStack", variables, "getStack", convert_stack, g_object_unref,
       sluice_dataall_client_get_stack_async, cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_get_stack_finish:
 *
 * Returns: (transfer full): the stack, or %NULL with @error set
 */
SluiceStack *
sluice_dataall_client_get_stack_finish (SluiceDataallClient  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return finish (self, result, sluice_dataall_client_get_stack_async, error);
}

/**
 * sluice_dataall_client_update_stack_async:
 *
 * Redeploys the pipeline's stack (updateStack).
 */
void
sluice_dataall_client_update_stack_async (SluiceDataallClient *self,
                                          SluicePipeline      *pipeline,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  run (self, "updateStack", stack_variables (pipeline), "updateStack", convert_stack,
       g_object_unref, sluice_dataall_client_update_stack_async, cancellable, callback,
       user_data);
}

/**
 * sluice_dataall_client_update_stack_finish:
 *
 * Returns: (transfer full): the stack, or %NULL with @error set
 */
SluiceStack *
sluice_dataall_client_update_stack_finish (SluiceDataallClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  return finish (self, result, sluice_dataall_client_update_stack_async, error);
}

/**
 * sluice_dataall_client_get_stack_logs_async:
 *
 * Gets the deployment's log lines (getStackLogs); %SLUICE_DATAALL_ERROR_NOT_FOUND while the
 * stack is still pending.
 */
void
sluice_dataall_client_get_stack_logs_async (SluiceDataallClient *self,
                                            SluicePipeline      *pipeline,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  run (self, "getStackLogs", stack_variables (pipeline), "getStackLogs", convert_logs,
       (GDestroyNotify) g_ptr_array_unref, sluice_dataall_client_get_stack_logs_async,
       cancellable, callback, user_data);
}

/**
 * sluice_dataall_client_get_stack_logs_finish:
 *
 * Returns: (transfer full) (element-type SluiceStackLogEntry): the lines, or %NULL with
 *   @error set
 */
GPtrArray *
sluice_dataall_client_get_stack_logs_finish (SluiceDataallClient  *self,
                                             GAsyncResult         *result,
                                             GError              **error)
{
  return finish (self, result, sluice_dataall_client_get_stack_logs_async, error);
}

/**
 * sluice_dataall_client_list_tags_async:
 *
 * Lists the pipeline's key/value tags (listKeyValueTags).
 */
void
sluice_dataall_client_list_tags_async (SluiceDataallClient *self,
                                       const char          *pipeline_uri,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  JsonObject *variables;

  g_return_if_fail (pipeline_uri != NULL);

  variables = variables_new ("targetUri", pipeline_uri);
  json_object_set_string_member (variables, "targetType", "pipeline");
  run (self, "listKeyValueTags", variables, "listKeyValueTags", convert_tags,
       (GDestroyNotify) g_ptr_array_unref, sluice_dataall_client_list_tags_async, cancellable,
       callback, user_data);
}

/**
 * sluice_dataall_client_list_tags_finish:
 *
 * Returns: (transfer full) (element-type SluiceKeyValueTag): the tags, or %NULL with @error set
 */
GPtrArray *
sluice_dataall_client_list_tags_finish (SluiceDataallClient  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return finish (self, result, sluice_dataall_client_list_tags_async, error);
}

/**
 * sluice_dataall_client_update_tags_async:
 * @tags: (element-type SluiceKeyValueTag): every tag the pipeline is to have
 *
 * Replaces the pipeline's key/value tags (updateKeyValueTags); data.all redeploys the stack.
 */
void
sluice_dataall_client_update_tags_async (SluiceDataallClient *self,
                                         const char          *pipeline_uri,
                                         GPtrArray           *tags,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  JsonObject *variables;
  JsonObject *input;
  JsonArray *array;

  g_return_if_fail (pipeline_uri != NULL);
  g_return_if_fail (tags != NULL);

  variables = json_object_new ();
  input = json_object_new ();
  array = json_array_new ();
  json_object_set_string_member (input, "targetUri", pipeline_uri);
  json_object_set_string_member (input, "targetType", "pipeline");
  for (guint i = 0; i < tags->len; i++)
    {
      SluiceKeyValueTag *tag = g_ptr_array_index (tags, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "key", tag->key ? tag->key : "");
      json_object_set_string_member (object, "value", tag->value ? tag->value : "");
      json_object_set_boolean_member (object, "cascade", tag->cascade);
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (input, "tags", array);
  json_object_set_object_member (variables, "input", input);
  run (self, "updateKeyValueTags", variables, "updateKeyValueTags", convert_tags,
       (GDestroyNotify) g_ptr_array_unref, sluice_dataall_client_update_tags_async, cancellable,
       callback, user_data);
}

/**
 * sluice_dataall_client_update_tags_finish:
 *
 * Returns: (transfer full) (element-type SluiceKeyValueTag): the tags now, or %NULL with
 *   @error set
 */
GPtrArray *
sluice_dataall_client_update_tags_finish (SluiceDataallClient  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return finish (self, result, sluice_dataall_client_update_tags_async, error);
}
