/* sluice-codepipeline-answers.c: CodePipeline's JSON answers read into boxed types, defensively
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-codepipeline-client"

#include "config.h"

#include <string.h>

#include "sluice-codepipeline-client-private.h"
#include "sluice-json-model.h"

/* ------------------------------------------------------------------------------------------ */
/* Answers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static const char * const status_names[] = {
  [SLUICE_CODEPIPELINE_STATUS_NONE] = "None",
  [SLUICE_CODEPIPELINE_STATUS_UNKNOWN] = "Unknown",
  [SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS] = "InProgress",
  [SLUICE_CODEPIPELINE_STATUS_SUCCEEDED] = "Succeeded",
  [SLUICE_CODEPIPELINE_STATUS_FAILED] = "Failed",
  [SLUICE_CODEPIPELINE_STATUS_STOPPING] = "Stopping",
  [SLUICE_CODEPIPELINE_STATUS_STOPPED] = "Stopped",
  [SLUICE_CODEPIPELINE_STATUS_CANCELLED] = "Cancelled",
  [SLUICE_CODEPIPELINE_STATUS_SUPERSEDED] = "Superseded",
  [SLUICE_CODEPIPELINE_STATUS_SKIPPED] = "Skipped",
  [SLUICE_CODEPIPELINE_STATUS_ABANDONED] = "Abandoned",
};

SluiceCodePipelineStatus
sluice_codepipeline_status_from_string (const char *str)
{
  if (str == NULL)
    return SLUICE_CODEPIPELINE_STATUS_NONE;
  for (guint i = SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS; i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (str, status_names[i]))
      return i;
  return SLUICE_CODEPIPELINE_STATUS_UNKNOWN;
}

const char *
sluice_codepipeline_status_to_string (SluiceCodePipelineStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return status_names[SLUICE_CODEPIPELINE_STATUS_UNKNOWN];
  return status_names[status];
}

/* Defensive readers: a member of the wrong type reads as absent. */
static char *
dup_string (JsonObject *object,
            const char *name)
{
  return g_strdup (sluice_codepipeline_member_string (object, name));
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *out)
{
  JsonNode *node;
  GType type;

  if (object == NULL || !json_object_has_member (object, name))
    return FALSE;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

/* Epoch seconds (CodePipeline's timestamps), 0 when absent or absurd. */
static gint64
member_time (JsonObject *object,
             const char *name)
{
  double value = 0;

  if (!member_number (object, name, &value) || value < 0 || value > 253402300799.0)
    return 0;
  return (gint64) value;
}

static int
member_int (JsonObject *object,
            const char *name,
            int         fallback)
{
  double value = 0;

  if (!member_number (object, name, &value) || value < G_MININT || value > G_MAXINT)
    return fallback;
  return (int) value;
}

static gboolean
member_bool (JsonObject *object,
             const char *name,
             gboolean    fallback)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return fallback;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

static JsonObject *
root_object (JsonNode  *node,
             GError   **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_SERVER,
                                                               200, NULL,
                                                               "The answer is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* -- action and stage states -- */

static void
action_state_free (SluiceCodePipelineActionState *self)
{
  g_free (self->name);
  g_free (self->action_execution_id);
  g_free (self->summary);
  g_free (self->token);
  g_free (self->last_updated_by);
  g_free (self->external_execution_id);
  g_free (self->external_execution_url);
  g_free (self->error_code);
  g_free (self->error_message);
  g_free (self->revision_id);
  g_free (self->entity_url);
  g_free (self->revision_url);
  g_free (self);
}

static void
stage_state_free (SluiceCodePipelineStageState *self)
{
  g_free (self->name);
  g_free (self->latest_execution_id);
  g_free (self->inbound_execution_id);
  g_free (self->inbound_disabled_reason);
  g_free (self->inbound_changed_by);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_free (self);
}

static SluiceCodePipelineActionState *
action_state_from_json (JsonObject *object)
{
  SluiceCodePipelineActionState *self;
  JsonObject *latest = member_object (object, "latestExecution");
  JsonObject *errors = member_object (latest, "errorDetails");
  JsonObject *revision = member_object (object, "currentRevision");
  const char *name = sluice_codepipeline_member_string (object, "actionName");

  if (name == NULL)
    return NULL;
  self = g_new0 (SluiceCodePipelineActionState, 1);
  self->name = g_strdup (name);
  self->status = latest ? sluice_codepipeline_status_from_string (sluice_codepipeline_member_string (latest, "status"))
                        : SLUICE_CODEPIPELINE_STATUS_NONE;
  if (latest != NULL && self->status == SLUICE_CODEPIPELINE_STATUS_NONE)
    self->status = SLUICE_CODEPIPELINE_STATUS_UNKNOWN;
  self->action_execution_id = dup_string (latest, "actionExecutionId");
  self->summary = dup_string (latest, "summary");
  self->token = dup_string (latest, "token");
  self->last_updated_by = dup_string (latest, "lastUpdatedBy");
  self->external_execution_id = dup_string (latest, "externalExecutionId");
  self->external_execution_url = dup_string (latest, "externalExecutionUrl");
  self->error_code = dup_string (errors, "code");
  self->error_message = dup_string (errors, "message");
  self->revision_id = dup_string (revision, "revisionId");
  self->entity_url = dup_string (object, "entityUrl");
  self->revision_url = dup_string (object, "revisionUrl");
  self->last_status_change = member_time (latest, "lastStatusChange");
  self->percent_complete = CLAMP (member_int (latest, "percentComplete", -1), -1, 100);
  return self;
}

static SluiceCodePipelineStageState *
stage_state_from_json (JsonObject *object)
{
  SluiceCodePipelineStageState *self;
  JsonObject *latest = member_object (object, "latestExecution");
  JsonObject *inbound = member_object (object, "inboundExecution");
  JsonObject *transition = member_object (object, "inboundTransitionState");
  JsonArray *actions = member_array (object, "actionStates");
  const char *name = sluice_codepipeline_member_string (object, "stageName");

  if (name == NULL)
    return NULL;
  self = g_new0 (SluiceCodePipelineStageState, 1);
  self->name = g_strdup (name);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_state_free);
  self->latest_execution_id = dup_string (latest, "pipelineExecutionId");
  self->status = latest ? sluice_codepipeline_status_from_string (sluice_codepipeline_member_string (latest, "status"))
                        : SLUICE_CODEPIPELINE_STATUS_NONE;
  if (latest != NULL && self->status == SLUICE_CODEPIPELINE_STATUS_NONE)
    self->status = SLUICE_CODEPIPELINE_STATUS_UNKNOWN;
  self->inbound_execution_id = dup_string (inbound, "pipelineExecutionId");
  self->has_inbound_transition = transition != NULL;
  self->inbound_enabled = member_bool (transition, "enabled", TRUE);
  self->inbound_disabled_reason = dup_string (transition, "disabledReason");
  self->inbound_changed_by = dup_string (transition, "lastChangedBy");
  self->inbound_changed_at = member_time (transition, "lastChangedAt");
  for (guint i = 0; actions != NULL && i < json_array_get_length (actions); i++)
    {
      JsonNode *node = json_array_get_element (actions, i);
      SluiceCodePipelineActionState *action;

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          (action = action_state_from_json (json_node_get_object (node))) != NULL)
        g_ptr_array_add (self->actions, action);
    }
  return self;
}

static void
state_free (SluiceCodePipelineState *self)
{
  g_free (self->pipeline_name);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
}

G_DEFINE_BOXED_TYPE (SluiceCodePipelineState, sluice_codepipeline_state,
                     sluice_codepipeline_state_ref, sluice_codepipeline_state_unref)

SluiceCodePipelineState *
sluice_codepipeline_state_ref (SluiceCodePipelineState *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
sluice_codepipeline_state_unref (SluiceCodePipelineState *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) state_free);
}

/**
 * sluice_codepipeline_state_new_from_json:
 * @node: a GetPipelineState answer
 *
 * Reads what it can: stages and actions without a name are skipped, members of the wrong type
 * read as absent. Fails only when the answer is not an object, names no pipeline or has no
 * stage list.
 *
 * Returns: (transfer full) (nullable): the state
 */
SluiceCodePipelineState *
sluice_codepipeline_state_new_from_json (JsonNode  *node,
                                         GError   **error)
{
  g_autoptr(SluiceCodePipelineState) self = NULL;
  JsonObject *object = root_object (node, error);
  JsonArray *stages;

  if (object == NULL)
    return NULL;
  stages = member_array (object, "stageStates");
  if (sluice_codepipeline_member_string (object, "pipelineName") == NULL || stages == NULL)
    {
      g_propagate_error (error,
                         sluice_codepipeline_error_new_unreadable ("The pipeline state names no pipeline or has no stages"));
      return NULL;
    }
  self = g_atomic_rc_box_new0 (SluiceCodePipelineState);
  self->pipeline_name = dup_string (object, "pipelineName");
  self->version = member_int (object, "pipelineVersion", 0);
  self->created = member_time (object, "created");
  self->updated = member_time (object, "updated");
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_state_free);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *element = json_array_get_element (stages, i);
      SluiceCodePipelineStageState *stage;

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          (stage = stage_state_from_json (json_node_get_object (element))) != NULL)
        g_ptr_array_add (self->stages, stage);
    }
  return g_steal_pointer (&self);
}

/**
 * sluice_codepipeline_state_get_stage:
 *
 * Returns: (transfer none) (nullable): the stage called @name
 */
SluiceCodePipelineStageState *
sluice_codepipeline_state_get_stage (SluiceCodePipelineState *self,
                                     const char              *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->stages->len; i++)
    {
      SluiceCodePipelineStageState *stage = g_ptr_array_index (self->stages, i);

      if (g_strcmp0 (stage->name, name) == 0)
        return stage;
    }
  return NULL;
}

/**
 * sluice_codepipeline_stage_state_get_action:
 *
 * Returns: (transfer none) (nullable): the action called @name
 */
SluiceCodePipelineActionState *
sluice_codepipeline_stage_state_get_action (SluiceCodePipelineStageState *self,
                                            const char                   *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->actions->len; i++)
    {
      SluiceCodePipelineActionState *action = g_ptr_array_index (self->actions, i);

      if (g_strcmp0 (action->name, name) == 0)
        return action;
    }
  return NULL;
}

/* -- executions -- */

static void
execution_free (SluiceCodePipelineExecution *self)
{
  g_free (self->execution_id);
  g_free (self->status_summary);
  g_free (self->trigger_type);
  g_free (self->trigger_detail);
  g_free (self->stop_reason);
  g_free (self->source_action);
  g_free (self->revision_id);
  g_free (self->revision_summary);
  g_free (self->revision_url);
}

G_DEFINE_BOXED_TYPE (SluiceCodePipelineExecution, sluice_codepipeline_execution,
                     sluice_codepipeline_execution_ref, sluice_codepipeline_execution_unref)

SluiceCodePipelineExecution *
sluice_codepipeline_execution_ref (SluiceCodePipelineExecution *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
sluice_codepipeline_execution_unref (SluiceCodePipelineExecution *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) execution_free);
}

static SluiceCodePipelineExecution *
execution_from_json (JsonObject *object)
{
  SluiceCodePipelineExecution *self;
  JsonObject *trigger = member_object (object, "trigger");
  JsonObject *stop = member_object (object, "stopTrigger");
  JsonArray *revisions = member_array (object, "sourceRevisions");
  const char *id = sluice_codepipeline_member_string (object, "pipelineExecutionId");

  if (id == NULL)
    return NULL;
  self = g_atomic_rc_box_new0 (SluiceCodePipelineExecution);
  self->execution_id = g_strdup (id);
  self->status = sluice_codepipeline_status_from_string (sluice_codepipeline_member_string (object, "status"));
  if (self->status == SLUICE_CODEPIPELINE_STATUS_NONE)
    self->status = SLUICE_CODEPIPELINE_STATUS_UNKNOWN;
  self->status_summary = dup_string (object, "statusSummary");
  self->start_time = member_time (object, "startTime");
  self->last_update_time = member_time (object, "lastUpdateTime");
  self->trigger_type = dup_string (trigger, "triggerType");
  self->trigger_detail = dup_string (trigger, "triggerDetail");
  self->stop_reason = dup_string (stop, "reason");
  for (guint i = 0; revisions != NULL && i < json_array_get_length (revisions); i++)
    {
      JsonNode *node = json_array_get_element (revisions, i);
      JsonObject *revision;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      revision = json_node_get_object (node);
      if (sluice_codepipeline_member_string (revision, "revisionId") == NULL)
        continue;
      self->source_action = dup_string (revision, "actionName");
      self->revision_id = dup_string (revision, "revisionId");
      self->revision_summary = dup_string (revision, "revisionSummary");
      self->revision_url = dup_string (revision, "revisionUrl");
      break;
    }
  return self;
}

/**
 * sluice_codepipeline_executions_new_from_json:
 * @node: a ListPipelineExecutions answer
 * @next_token: (out) (optional) (nullable): the next page's token
 *
 * Returns: (transfer container) (element-type SluiceCodePipelineExecution) (nullable): the
 *   executions, newest first; those without an id are skipped
 */
GPtrArray *
sluice_codepipeline_executions_new_from_json (JsonNode  *node,
                                              char     **next_token,
                                              GError   **error)
{
  g_autoptr(GPtrArray) out = NULL;
  JsonObject *object = root_object (node, error);
  JsonArray *items;

  if (object == NULL)
    return NULL;
  items = member_array (object, "pipelineExecutionSummaries");
  if (items == NULL)
    {
      g_propagate_error (error,
                         sluice_codepipeline_error_new_unreadable ("The answer has no pipelineExecutionSummaries list"));
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_codepipeline_execution_unref);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      SluiceCodePipelineExecution *execution;

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          (execution = execution_from_json (json_node_get_object (element))) != NULL)
        g_ptr_array_add (out, execution);
    }
  if (next_token != NULL)
    *next_token = dup_string (object, "nextToken");
  return g_steal_pointer (&out);
}

/* -- pipeline summaries -- */

static void
summary_free (SluiceCodePipelineSummary *self)
{
  g_free (self->name);
}

G_DEFINE_BOXED_TYPE (SluiceCodePipelineSummary, sluice_codepipeline_summary,
                     sluice_codepipeline_summary_ref, sluice_codepipeline_summary_unref)

SluiceCodePipelineSummary *
sluice_codepipeline_summary_ref (SluiceCodePipelineSummary *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
sluice_codepipeline_summary_unref (SluiceCodePipelineSummary *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) summary_free);
}

/**
 * sluice_codepipeline_summaries_new_from_json:
 * @node: a ListPipelines answer
 * @next_token: (out) (optional) (nullable): the next page's token
 *
 * Returns: (transfer container) (element-type SluiceCodePipelineSummary) (nullable): the
 *   pipelines; those without a name are skipped
 */
GPtrArray *
sluice_codepipeline_summaries_new_from_json (JsonNode  *node,
                                             char     **next_token,
                                             GError   **error)
{
  g_autoptr(GPtrArray) out = NULL;
  JsonObject *object = root_object (node, error);
  JsonArray *items;

  if (object == NULL)
    return NULL;
  items = member_array (object, "pipelines");
  if (items == NULL)
    {
      g_propagate_error (error,
                         sluice_codepipeline_error_new_unreadable ("The answer has no pipelines list"));
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_codepipeline_summary_unref);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      JsonObject *item;
      SluiceCodePipelineSummary *summary;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      item = json_node_get_object (element);
      if (sluice_codepipeline_member_string (item, "name") == NULL)
        continue;
      summary = g_atomic_rc_box_new0 (SluiceCodePipelineSummary);
      summary->name = dup_string (item, "name");
      summary->version = member_int (item, "version", 0);
      summary->created = member_time (item, "created");
      summary->updated = member_time (item, "updated");
      g_ptr_array_add (out, summary);
    }
  if (next_token != NULL)
    *next_token = dup_string (object, "nextToken");
  return g_steal_pointer (&out);
}

/* -- definitions -- */

static void
action_declaration_free (SluiceCodePipelineActionDeclaration *self)
{
  g_free (self->name);
  g_free (self->category);
  g_free (self->owner);
  g_free (self->provider);
  g_free (self->repository);
  g_free (self->branch);
  g_free (self);
}

static void
stage_declaration_free (SluiceCodePipelineStageDeclaration *self)
{
  g_free (self->name);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_free (self);
}

static void
definition_free (SluiceCodePipelineDefinition *self)
{
  g_free (self->name);
  g_free (self->arn);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
}

G_DEFINE_BOXED_TYPE (SluiceCodePipelineDefinition, sluice_codepipeline_definition,
                     sluice_codepipeline_definition_ref, sluice_codepipeline_definition_unref)

SluiceCodePipelineDefinition *
sluice_codepipeline_definition_ref (SluiceCodePipelineDefinition *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
sluice_codepipeline_definition_unref (SluiceCodePipelineDefinition *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) definition_free);
}

/**
 * sluice_codepipeline_definition_new_from_json:
 * @node: a GetPipeline answer
 *
 * Returns: (transfer full) (nullable): the pipeline's declaration (stages and actions)
 */
SluiceCodePipelineDefinition *
sluice_codepipeline_definition_new_from_json (JsonNode  *node,
                                              GError   **error)
{
  g_autoptr(SluiceCodePipelineDefinition) self = NULL;
  JsonObject *object = root_object (node, error);
  JsonObject *pipeline;
  JsonObject *metadata;
  JsonArray *stages;

  if (object == NULL)
    return NULL;
  pipeline = member_object (object, "pipeline");
  metadata = member_object (object, "metadata");
  stages = member_array (pipeline, "stages");
  if (sluice_codepipeline_member_string (pipeline, "name") == NULL || stages == NULL)
    {
      g_propagate_error (error,
                         sluice_codepipeline_error_new_unreadable ("The pipeline declaration has no name or no stages"));
      return NULL;
    }
  self = g_atomic_rc_box_new0 (SluiceCodePipelineDefinition);
  self->name = dup_string (pipeline, "name");
  self->version = member_int (pipeline, "version", 0);
  self->arn = dup_string (metadata, "pipelineArn");
  self->created = member_time (metadata, "created");
  self->updated = member_time (metadata, "updated");
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_declaration_free);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *element = json_array_get_element (stages, i);
      SluiceCodePipelineStageDeclaration *stage;
      JsonObject *stage_object;
      JsonArray *actions;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      stage_object = json_node_get_object (element);
      if (sluice_codepipeline_member_string (stage_object, "name") == NULL)
        continue;
      stage = g_new0 (SluiceCodePipelineStageDeclaration, 1);
      stage->name = dup_string (stage_object, "name");
      stage->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_declaration_free);
      actions = member_array (stage_object, "actions");
      for (guint j = 0; actions != NULL && j < json_array_get_length (actions); j++)
        {
          JsonNode *action_node = json_array_get_element (actions, j);
          SluiceCodePipelineActionDeclaration *action;
          JsonObject *action_object;
          JsonObject *type;
          JsonObject *configuration;

          if (!JSON_NODE_HOLDS_OBJECT (action_node))
            continue;
          action_object = json_node_get_object (action_node);
          if (sluice_codepipeline_member_string (action_object, "name") == NULL)
            continue;
          type = member_object (action_object, "actionTypeId");
          configuration = member_object (action_object, "configuration");
          action = g_new0 (SluiceCodePipelineActionDeclaration, 1);
          action->name = dup_string (action_object, "name");
          action->category = dup_string (type, "category");
          action->owner = dup_string (type, "owner");
          action->provider = dup_string (type, "provider");
          action->run_order = member_int (action_object, "runOrder", 1);
          action->repository = dup_string (configuration, "RepositoryName");
          action->branch = dup_string (configuration, "BranchName");
          g_ptr_array_add (stage->actions, action);
        }
      g_ptr_array_add (self->stages, stage);
    }
  return g_steal_pointer (&self);
}


/**
 * sluice_codepipeline_answer_load:
 * @parser: the parser that will own the root
 *
 * An answer's body as one JSON value. Several values in a row are refused before json-glib
 * sees them: it would keep the first and leak it (found by fuzz-codepipeline-answer).
 *
 * Returns: (transfer none): the root, %NULL with @error (what json-glib said) if unreadable
 */
JsonNode *
sluice_codepipeline_answer_load (JsonParser  *parser,
                                 const char  *data,
                                 gsize        size,
                                 GError     **error)
{
  if (data == NULL || size == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "The answer is empty");
      return NULL;
    }
  if (!sluice_json_is_single_value (data, (gssize) size))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           "The answer is not one JSON value");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;
  return json_parser_get_root (parser);
}

/* -- the small answers of the mutations -- */

/**
 * sluice_codepipeline_execution_id_from_json:
 *
 * StartPipelineExecution, RetryStageExecution, StopPipelineExecution: the execution's id.
 *
 * Returns: (transfer full): the `pipelineExecutionId`, %NULL with @error if none
 */
char *
sluice_codepipeline_execution_id_from_json (JsonNode  *root,
                                            GError   **error)
{
  JsonObject *object = root_object (root, error);
  const char *id;

  if (object == NULL)
    return NULL;
  id = sluice_codepipeline_member_string (object, "pipelineExecutionId");
  if (id == NULL)
    {
      g_propagate_error (error,
                         sluice_codepipeline_error_new_unreadable ("The answer names no pipelineExecutionId"));
      return NULL;
    }
  return g_strdup (id);
}

/**
 * sluice_codepipeline_approved_at_from_json:
 * @approved_at: (out): PutApprovalResult's `approvedAt`, 0 when absent
 *
 * Returns: whether @root is an answer at all
 */
gboolean
sluice_codepipeline_approved_at_from_json (JsonNode  *root,
                                           gint64    *approved_at,
                                           GError   **error)
{
  JsonObject *object = root_object (root, error);

  if (object == NULL)
    return FALSE;
  *approved_at = member_time (object, "approvedAt");
  return TRUE;
}

/**
 * sluice_codepipeline_empty_answer_check:
 *
 * Disable/EnableStageTransition answer an empty object.
 *
 * Returns: whether @root is a JSON object
 */
gboolean
sluice_codepipeline_empty_answer_check (JsonNode  *root,
                                        GError   **error)
{
  return root_object (root, error) != NULL;
}
