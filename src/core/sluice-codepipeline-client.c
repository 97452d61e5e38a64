/* sluice-codepipeline-client.c: AWS CodePipeline's JSON 1.1 API with a pipeline's own keys
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-codepipeline-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sluice-codecommit.h"
#include "sluice-codepipeline-client.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-sigv4.h"

#define TARGET_PREFIX "CodePipeline_20150709."
#define CONTENT_TYPE  "application/x-amz-json-1.1"

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/* What the server said, kept beside the sentence (an extended error domain, so that
 * g_error_copy() and GTask keep it). */
typedef struct
{
  char  *detail;
  char  *type_name;
  guint  http_status;
} SluiceCodePipelineErrorPrivate;

static void
sluice_codepipeline_error_private_init (SluiceCodePipelineErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
}

static void
sluice_codepipeline_error_private_copy (const SluiceCodePipelineErrorPrivate *src,
                                        SluiceCodePipelineErrorPrivate       *dest)
{
  dest->detail = g_strdup (src->detail);
  dest->type_name = g_strdup (src->type_name);
  dest->http_status = src->http_status;
}

static void
sluice_codepipeline_error_private_clear (SluiceCodePipelineErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->type_name, g_free);
}

G_DEFINE_EXTENDED_ERROR (SluiceCodePipelineError, sluice_codepipeline_error)

static const struct
{
  const char              *type_name;
  SluiceCodePipelineError  code;
} error_types[] = {
  { "UnrecognizedClientException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
  { "InvalidSignatureException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
  { "IncompleteSignatureException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
  { "IncompleteSignature", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
  { "MissingAuthenticationTokenException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
  { "AccessDeniedException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
  { "ExpiredTokenException", SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED },
  { "PipelineNotFoundException", SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND },
  { "PipelineVersionNotFoundException", SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND },
  { "StageNotFoundException", SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND },
  { "ActionNotFoundException", SLUICE_CODEPIPELINE_ERROR_ACTION_NOT_FOUND },
  { "PipelineExecutionNotFoundException", SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND },
  { "InvalidApprovalTokenException", SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE },
  { "ApprovalAlreadyCompletedException", SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE },
  { "StageNotRetryableException", SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE },
  { "NotLatestPipelineExecutionException", SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE },
  { "ConflictException", SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE },
  { "PipelineExecutionNotStoppableException", SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE },
  { "DuplicatedStopRequestException", SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE },
  { "ValidationException", SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT },
  { "InvalidNextTokenException", SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT },
  { "SerializationException", SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT },
  { "UnknownOperationException", SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT },
  { "ThrottlingException", SLUICE_CODEPIPELINE_ERROR_THROTTLED },
  { "LimitExceededException", SLUICE_CODEPIPELINE_ERROR_THROTTLED },
  { "InternalFailure", SLUICE_CODEPIPELINE_ERROR_SERVER },
  { "ServiceUnavailable", SLUICE_CODEPIPELINE_ERROR_SERVER },
};

static const char *
sentence_for (SluiceCodePipelineError code)
{
  switch (code)
    {
    case SLUICE_CODEPIPELINE_ERROR_NETWORK:
      return _("AWS CodePipeline could not be reached");
    case SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED:
      return _("Sluice’s AWS keys for this pipeline were refused");
    case SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED:
      return _("Sluice’s AWS keys for this pipeline have expired");
    case SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND:
      return _("AWS CodePipeline has no such pipeline: its stack may not be deployed yet");
    case SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND:
      return _("The pipeline has no such stage any more");
    case SLUICE_CODEPIPELINE_ERROR_ACTION_NOT_FOUND:
      return _("The stage has no such action any more");
    case SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND:
      return _("AWS CodePipeline does not know this run of the pipeline");
    case SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE:
      return _("The approval was already answered or has expired");
    case SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE:
      return _("The stage cannot be retried: it has not failed, or it ran again since");
    case SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE:
      return _("The run cannot be stopped: it is no longer in progress or is already stopping");
    case SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT:
      return _("AWS CodePipeline refused the request as invalid");
    case SLUICE_CODEPIPELINE_ERROR_THROTTLED:
      return _("AWS CodePipeline is receiving too many requests; try again in a moment");
    case SLUICE_CODEPIPELINE_ERROR_SERVER:
      return _("AWS CodePipeline had a problem answering; try again later");
    case SLUICE_CODEPIPELINE_ERROR_FAILED:
    default:
      return _("AWS CodePipeline reported an error");
    }
}

static GError *
new_error (SluiceCodePipelineError  code,
           guint                    http_status,
           const char              *type_name,
           const char              *detail)
{
  GError *error = g_error_new_literal (SLUICE_CODEPIPELINE_ERROR, code, sentence_for (code));
  SluiceCodePipelineErrorPrivate *priv = sluice_codepipeline_error_get_private (error);

  priv->http_status = http_status;
  priv->type_name = g_strdup (type_name);
  priv->detail = detail ? g_strstrip (g_strdup (detail)) : NULL;
  return error;
}

/**
 * sluice_codepipeline_error_get_detail:
 *
 * Returns: (nullable): the server's message, %NULL if none or not a %SLUICE_CODEPIPELINE_ERROR
 */
const char *
sluice_codepipeline_error_get_detail (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_CODEPIPELINE_ERROR)
    return NULL;
  return sluice_codepipeline_error_get_private (error)->detail;
}

/**
 * sluice_codepipeline_error_get_type_name:
 *
 * Returns: (nullable): the server's `__type` (without namespace), e.g. "PipelineNotFoundException"
 */
const char *
sluice_codepipeline_error_get_type_name (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_CODEPIPELINE_ERROR)
    return NULL;
  return sluice_codepipeline_error_get_private (error)->type_name;
}

guint
sluice_codepipeline_error_get_http_status (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_CODEPIPELINE_ERROR)
    return 0;
  return sluice_codepipeline_error_get_private (error)->http_status;
}

/* botocore's BaseJSONParser: the part of `__type` after '#', before ':'. */
static char *
clean_type_name (const char *raw)
{
  const char *hash;
  const char *colon;

  if (raw == NULL || *raw == '\0')
    return NULL;
  hash = strchr (raw, '#');
  if (hash != NULL)
    raw = hash + 1;
  colon = strchr (raw, ':');
  return colon ? g_strndup (raw, colon - raw) : g_strdup (raw);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * sluice_codepipeline_error_from_response:
 * @http_status: the status of an answer that is not a success
 * @error_type_header: (nullable): the `x-amzn-ErrorType` header
 * @body: (nullable): the answer's body
 *
 * Returns: (transfer full): the error CodePipeline's answer means, branched on its `__type`
 */
GError *
sluice_codepipeline_error_from_response (guint       http_status,
                                         const char *error_type_header,
                                         GBytes     *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *type_name = NULL;
  g_autofree char *raw = NULL;
  JsonObject *object = NULL;
  const char *message = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;

  if (data != NULL && size > 0 && json_parser_load_from_data (parser, data, size, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);

      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        object = json_node_get_object (root);
    }
  type_name = clean_type_name (member_string (object, "__type"));
  if (type_name == NULL)
    type_name = clean_type_name (error_type_header);
  message = member_string (object, "message");
  if (message == NULL)
    message = member_string (object, "Message");
  if (message == NULL && object == NULL && data != NULL && size > 0)
    message = raw = g_utf8_make_valid (data, MIN (size, 512));

  if (type_name != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (error_types); i++)
      if (g_str_equal (error_types[i].type_name, type_name))
        return new_error (error_types[i].code, http_status, type_name, message);

  /* Not an error CodePipeline names: a server fault, a proxy's page, or something new. */
  if (http_status >= 500 || object == NULL)
    return new_error (SLUICE_CODEPIPELINE_ERROR_SERVER, http_status, type_name, message);
  return new_error (SLUICE_CODEPIPELINE_ERROR_FAILED, http_status, type_name, message);
}

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
  return g_strdup (member_string (object, name));
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
      g_propagate_error (error, new_error (SLUICE_CODEPIPELINE_ERROR_SERVER, 200, NULL,
                                           "The answer is not a JSON object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static GError *
unreadable (const char *what)
{
  return new_error (SLUICE_CODEPIPELINE_ERROR_SERVER, 200, NULL, what);
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
  const char *name = member_string (object, "actionName");

  if (name == NULL)
    return NULL;
  self = g_new0 (SluiceCodePipelineActionState, 1);
  self->name = g_strdup (name);
  self->status = latest ? sluice_codepipeline_status_from_string (member_string (latest, "status"))
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
  const char *name = member_string (object, "stageName");

  if (name == NULL)
    return NULL;
  self = g_new0 (SluiceCodePipelineStageState, 1);
  self->name = g_strdup (name);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_state_free);
  self->latest_execution_id = dup_string (latest, "pipelineExecutionId");
  self->status = latest ? sluice_codepipeline_status_from_string (member_string (latest, "status"))
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
  if (member_string (object, "pipelineName") == NULL || stages == NULL)
    {
      g_propagate_error (error, unreadable ("The pipeline state names no pipeline or has no stages"));
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
  const char *id = member_string (object, "pipelineExecutionId");

  if (id == NULL)
    return NULL;
  self = g_atomic_rc_box_new0 (SluiceCodePipelineExecution);
  self->execution_id = g_strdup (id);
  self->status = sluice_codepipeline_status_from_string (member_string (object, "status"));
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
      if (member_string (revision, "revisionId") == NULL)
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
      g_propagate_error (error, unreadable ("The answer has no pipelineExecutionSummaries list"));
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
      g_propagate_error (error, unreadable ("The answer has no pipelines list"));
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
      if (member_string (item, "name") == NULL)
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
  if (member_string (pipeline, "name") == NULL || stages == NULL)
    {
      g_propagate_error (error, unreadable ("The pipeline declaration has no name or no stages"));
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
      if (member_string (stage_object, "name") == NULL)
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
          if (member_string (action_object, "name") == NULL)
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

/* ------------------------------------------------------------------------------------------ */
/* The client                                                                                 */
/* ------------------------------------------------------------------------------------------ */

struct _SluiceCodePipelineClient
{
  GObject               parent_instance;

  SoupSession          *session;
  SluiceAccount        *account;      /* nullable: fixed credentials */
  char                 *pipeline_uri;
  char                 *pipeline_label;
  char                 *aws_account_id;
  char                 *region;
  char                 *endpoint;     /* nullable: from the environment or the account */
  SluiceAwsCredentials *credentials;
  GPtrArray            *waiting;      /* GTask: calls waiting for the keys being fetched */
  gboolean              fetching;
  gboolean              fetch_forced; /* the fetch under way renews the keys */
  gboolean              fetch_again;  /* a caller wants them renewed after this fetch */
  guint                 timeout;
  guint                 n_requests;
};

G_DEFINE_FINAL_TYPE (SluiceCodePipelineClient, sluice_codepipeline_client, G_TYPE_OBJECT)

typedef gpointer (*ParseFunc) (JsonNode  *root,
                               char     **next_token,
                               GError   **error);

/* One operation: its body, and how far it got (credentials fetched, renewed once). */
typedef struct
{
  char      *operation;
  char      *body;
  ParseFunc  parse;
  GDestroyNotify free_result;
  gboolean   renewed;
  char      *next_token;
} Call;

static void
call_free (Call *call)
{
  g_free (call->operation);
  g_free (call->body);
  g_free (call->next_token);
  g_free (call);
}

static void send_request (GTask *task);

static gboolean
credentials_fresh (SluiceAwsCredentials *credentials)
{
  GDateTime *expiration;
  g_autoptr(GDateTime) now = NULL;

  if (credentials == NULL)
    return FALSE;
  expiration = sluice_aws_credentials_get_expiration (credentials);
  if (expiration == NULL)
    return TRUE;
  now = g_date_time_new_now_utc ();
  return g_date_time_difference (expiration, now) / G_TIME_SPAN_SECOND >
         SLUICE_PIPELINE_CREDENTIALS_MIN_SECONDS_LEFT;
}

static void start_fetch (SluiceCodePipelineClient *self,
                         gboolean                  force);

/* One fetch at a time: calls made meanwhile (a refresh asks for every lane at once) wait for
 * it, so data.all issues one set of keys, not one per call. */
static void
credentials_fetched_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SluiceCodePipelineClient) self = user_data;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;

  credentials = sluice_pipeline_credentials_fetch_finish (result, &error);
  self->fetching = FALSE;
  if (credentials != NULL)
    g_set_object (&self->credentials, credentials);
  if (credentials != NULL && self->fetch_again)
    {
      self->fetch_again = FALSE;
      start_fetch (self, TRUE);
      return;
    }
  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (credentials == NULL)
        g_task_return_error (task, g_error_copy (error));
      else if (g_task_return_error_if_cancelled (task))
        continue;
      else
        send_request (g_object_ref (task));
    }
}

static void
start_fetch (SluiceCodePipelineClient *self,
             gboolean                  force)
{
  self->fetching = TRUE;
  self->fetch_forced = force;
  /* Not one caller's cancellable: the keys serve every waiting call. */
  sluice_pipeline_credentials_fetch_async (self->account, self->pipeline_uri, self->pipeline_label,
                                           self->aws_account_id, self->region, force, NULL,
                                           credentials_fetched_cb, g_object_ref (self));
}

static void
fetch_credentials (GTask    *task,
                   gboolean  force)
{
  SluiceCodePipelineClient *self = g_task_get_source_object (task);

  g_ptr_array_add (self->waiting, task);
  if (!self->fetching)
    start_fetch (self, force);
  else if (force && !self->fetch_forced)
    self->fetch_again = TRUE;
}

static void
response_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluiceCodePipelineClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gpointer parsed;
  guint status;
  gsize size = 0;
  const char *data;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, new_error (SLUICE_CODEPIPELINE_ERROR_NETWORK, 0, NULL,
                                              error->message));
      return;
    }

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(GError) answer = NULL;

      answer = sluice_codepipeline_error_from_response (status,
                                                        soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                                                      "x-amzn-ErrorType"),
                                                        body);
      /* Keys expire, and data.all may have issued new ones meanwhile: renew once, then try
       * again, before telling the user. */
      if (self->account != NULL && !call->renewed &&
          (g_error_matches (answer, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED) ||
           g_error_matches (answer, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED)))
        {
          call->renewed = TRUE;
          g_clear_object (&self->credentials);
          fetch_credentials (g_steal_pointer (&task), TRUE);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&answer));
      return;
    }

  data = g_bytes_get_data (body, &size);
  parser = json_parser_new ();
  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, size, &error))
    {
      g_task_return_error (task, unreadable (error ? error->message : "The answer is empty"));
      return;
    }
  parsed = call->parse (json_parser_get_root (parser), &call->next_token, &error);
  if (parsed == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, parsed, call->free_result);
}

/* The Host header as libsoup sends it: the port only when it is not the scheme's default. */
static char *
host_header (GUri *uri)
{
  int port = g_uri_get_port (uri);
  const char *scheme = g_uri_get_scheme (uri);
  gboolean default_port = port == -1 ||
                          (g_ascii_strcasecmp (scheme, "https") == 0 && port == 443) ||
                          (g_ascii_strcasecmp (scheme, "http") == 0 && port == 80);

  if (default_port)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

/* Takes @task_in (a reference). */
static void
send_request (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  SluiceCodePipelineClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(SluiceSigV4Request) request = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *host = NULL;
  g_autofree char *target = NULL;
  SoupMessageHeaders *headers;
  GCancellable *cancellable;

  if (!credentials_fresh (self->credentials))
    {
      if (self->account == NULL)
        {
          if (self->credentials == NULL)
            {
              g_task_return_error (task, new_error (SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED, 0,
                                                    NULL, "No AWS keys for this pipeline"));
              return;
            }
          /* fixed keys close to their end: try them anyway, the server has the last word */
        }
      else
        {
          fetch_credentials (g_steal_pointer (&task), FALSE);
          return;
        }
    }

  url = sluice_codepipeline_client_dup_endpoint (self);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_task_return_error (task, new_error (SLUICE_CODEPIPELINE_ERROR_NETWORK, 0, NULL,
                                            error ? error->message : url));
      return;
    }
  host = host_header (uri);
  target = g_strconcat (TARGET_PREFIX, call->operation, NULL);
  bytes = g_bytes_new (call->body, strlen (call->body));

  request = sluice_sigv4_request_new ("POST", g_uri_get_path (uri)[0] ? g_uri_get_path (uri) : "/");
  sluice_sigv4_request_add_header (request, "Host", host);
  sluice_sigv4_request_add_header (request, "Content-Type", CONTENT_TYPE);
  sluice_sigv4_request_add_header (request, "X-Amz-Target", target);
  sluice_sigv4_request_set_body (request, bytes);
  if (!sluice_sigv4_request_sign (request,
                                  sluice_aws_credentials_get_access_key_id (self->credentials),
                                  sluice_aws_credentials_get_secret_access_key (self->credentials),
                                  sluice_aws_credentials_get_session_token (self->credentials),
                                  self->region, "codepipeline", NULL, NULL, &error))
    {
      g_task_return_error (task, new_error (SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED, 0, NULL,
                                            error->message));
      return;
    }

  message = soup_message_new_from_uri ("POST", uri);
  headers = soup_message_get_request_headers (message);
  for (guint i = 0; i < sluice_sigv4_request_get_n_headers (request); i++)
    {
      const char *name;
      const char *value;

      sluice_sigv4_request_get_nth_header (request, i, &name, &value);
      if (g_ascii_strcasecmp (name, "Content-Type") != 0)
        soup_message_headers_replace (headers, name, value);
    }
  soup_message_set_request_body_from_bytes (message, CONTENT_TYPE, bytes);
  self->n_requests++;
  cancellable = g_task_get_cancellable (task);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    cancellable, response_cb, g_steal_pointer (&task));
}

static void
call_async (SluiceCodePipelineClient *self,
            gpointer                  source_tag,
            const char               *operation,
            JsonBuilder              *builder,
            ParseFunc                 parse,
            GDestroyNotify            free_result,
            GCancellable             *cancellable,
            GAsyncReadyCallback       callback,
            gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  json_generator_set_root (generator, root);
  call->operation = g_strdup (operation);
  call->body = json_generator_to_data (generator, NULL);
  call->parse = parse;
  call->free_result = free_result;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  send_request (g_steal_pointer (&task));
}

static gpointer
call_finish (SluiceCodePipelineClient  *self,
             GAsyncResult              *result,
             gpointer                   source_tag,
             char                     **next_token,
             GError                   **error)
{
  gpointer out;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  out = g_task_propagate_pointer (G_TASK (result), error);
  if (next_token != NULL)
    {
      Call *call = g_task_get_task_data (G_TASK (result));

      *next_token = out ? g_strdup (call->next_token) : NULL;
    }
  return out;
}

/* -- parse functions of the operations -- */

static gpointer
parse_state (JsonNode  *root,
             char     **next_token,
             GError   **error)
{
  return sluice_codepipeline_state_new_from_json (root, error);
}

static gpointer
parse_definition (JsonNode  *root,
                  char     **next_token,
                  GError   **error)
{
  return sluice_codepipeline_definition_new_from_json (root, error);
}

static gpointer
parse_executions (JsonNode  *root,
                  char     **next_token,
                  GError   **error)
{
  return sluice_codepipeline_executions_new_from_json (root, next_token, error);
}

static gpointer
parse_summaries (JsonNode  *root,
                 char     **next_token,
                 GError   **error)
{
  return sluice_codepipeline_summaries_new_from_json (root, next_token, error);
}

static gpointer
parse_execution_id (JsonNode  *root,
                    char     **next_token,
                    GError   **error)
{
  JsonObject *object = root_object (root, error);
  const char *id;

  if (object == NULL)
    return NULL;
  id = member_string (object, "pipelineExecutionId");
  if (id == NULL)
    {
      g_propagate_error (error, unreadable ("The answer names no pipelineExecutionId"));
      return NULL;
    }
  return g_strdup (id);
}

/* PutApprovalResult: the time, boxed, so that 0 is not mistaken for "no answer". */
static gpointer
parse_approved_at (JsonNode  *root,
                   char     **next_token,
                   GError   **error)
{
  JsonObject *object = root_object (root, error);
  gint64 *at;

  if (object == NULL)
    return NULL;
  at = g_new (gint64, 1);
  *at = member_time (object, "approvedAt");
  return at;
}

static gpointer
parse_empty (JsonNode  *root,
             char     **next_token,
             GError   **error)
{
  if (root_object (root, error) == NULL)
    return NULL;
  return GINT_TO_POINTER (1);
}

/* -- GObject -- */

static void
sluice_codepipeline_client_dispose (GObject *object)
{
  SluiceCodePipelineClient *self = SLUICE_CODEPIPELINE_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->account);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_codepipeline_client_parent_class)->dispose (object);
}

static void
sluice_codepipeline_client_finalize (GObject *object)
{
  SluiceCodePipelineClient *self = SLUICE_CODEPIPELINE_CLIENT (object);

  g_clear_pointer (&self->pipeline_uri, g_free);
  g_clear_pointer (&self->pipeline_label, g_free);
  g_clear_pointer (&self->aws_account_id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->endpoint, g_free);

  G_OBJECT_CLASS (sluice_codepipeline_client_parent_class)->finalize (object);
}

static void
sluice_codepipeline_client_class_init (SluiceCodePipelineClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_codepipeline_client_dispose;
  object_class->finalize = sluice_codepipeline_client_finalize;
}

static void
sluice_codepipeline_client_init (SluiceCodePipelineClient *self)
{
  self->timeout = SLUICE_CODEPIPELINE_DEFAULT_TIMEOUT;
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->session = soup_session_new_with_options ("user-agent", "Sluice/" PACKAGE_VERSION,
                                                 "timeout", self->timeout,
                                                 NULL);
}

/* -- public API -- */

/**
 * sluice_codepipeline_endpoint_for:
 * @region: the pipeline's region
 * @account_endpoint: (nullable): the account's AWS endpoint override
 *
 * The endpoint, as the AWS SDKs choose it: `$AWS_ENDPOINT_URL_CODEPIPELINE`, else
 * `$AWS_ENDPOINT_URL`, else the account's override, else `https://codepipeline.<region>.<dns
 * suffix of its partition>`.
 *
 * Returns: (transfer full): the endpoint URL, without a trailing slash
 */
char *
sluice_codepipeline_endpoint_for (const char *region,
                                  const char *account_endpoint)
{
  const char *names[] = { "AWS_ENDPOINT_URL_CODEPIPELINE", "AWS_ENDPOINT_URL" };
  const char *chosen = NULL;
  char *url;
  gsize len;

  g_return_val_if_fail (region != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names) && chosen == NULL; i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        chosen = value;
    }
  if (chosen == NULL && account_endpoint != NULL && *account_endpoint != '\0')
    chosen = account_endpoint;
  if (chosen == NULL)
    return g_strdup_printf ("https://codepipeline.%s.%s", region,
                            sluice_aws_partition_get_dns_suffix (sluice_aws_region_get_partition (region)));

  url = g_strstrip (g_strdup (chosen));
  len = strlen (url);
  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';
  return url;
}

/**
 * sluice_codepipeline_client_new:
 * @account: the data.all account that issues the pipeline's keys
 * @pipeline_uri: the data.all pipeline
 * @pipeline_label: (nullable): its label, for the keyring item
 * @aws_account_id: (nullable): its CI/CD account
 * @region: its region
 *
 * A client signing with the pipeline's keys from the keyring, fetched through data.all when
 * missing or close to expiry, and renewed once when CodePipeline refuses them.
 *
 * Returns: (transfer full): a new client
 */
SluiceCodePipelineClient *
sluice_codepipeline_client_new (SluiceAccount *account,
                                const char    *pipeline_uri,
                                const char    *pipeline_label,
                                const char    *aws_account_id,
                                const char    *region)
{
  SluiceCodePipelineClient *self;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (pipeline_uri != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_CODEPIPELINE_CLIENT, NULL);
  self->account = g_object_ref (account);
  self->pipeline_uri = g_strdup (pipeline_uri);
  self->pipeline_label = g_strdup (pipeline_label);
  self->aws_account_id = g_strdup (aws_account_id);
  self->region = g_strdup (region);
  self->endpoint = sluice_codepipeline_endpoint_for (region, sluice_account_get_aws_endpoint (account));
  return self;
}

/**
 * sluice_codepipeline_client_new_with_credentials:
 * @credentials: fixed keys (nothing renews them)
 * @region: the region to sign for
 * @endpoint: (nullable): an endpoint override (the environment's variables win over it)
 *
 * Returns: (transfer full): a new client
 */
SluiceCodePipelineClient *
sluice_codepipeline_client_new_with_credentials (SluiceAwsCredentials *credentials,
                                                 const char           *region,
                                                 const char           *endpoint)
{
  SluiceCodePipelineClient *self;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_CODEPIPELINE_CLIENT, NULL);
  self->credentials = g_object_ref (credentials);
  self->region = g_strdup (region);
  self->endpoint = sluice_codepipeline_endpoint_for (region, endpoint);
  return self;
}

const char *
sluice_codepipeline_client_get_region (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), NULL);
  return self->region;
}

/**
 * sluice_codepipeline_client_dup_endpoint:
 *
 * Returns: (transfer full): the URL requests go to
 */
char *
sluice_codepipeline_client_dup_endpoint (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), NULL);
  return g_strconcat (self->endpoint, "/", NULL);
}

guint
sluice_codepipeline_client_get_timeout (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), 0);
  return self->timeout;
}

/**
 * sluice_codepipeline_client_set_timeout:
 * @seconds: I/O timeout of each request; 0 for none
 */
void
sluice_codepipeline_client_set_timeout (SluiceCodePipelineClient *self,
                                        guint                     seconds)
{
  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

/**
 * sluice_codepipeline_client_get_n_requests:
 *
 * Returns: how many HTTP requests the client has sent (a status refresh costs one per
 *   CodePipeline; the benchmark and the tests count them)
 */
guint
sluice_codepipeline_client_get_n_requests (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), 0);
  return self->n_requests;
}

void
sluice_codepipeline_client_list_pipelines_async (SluiceCodePipelineClient *self,
                                                 const char               *next_token,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));

  json_builder_begin_object (builder);
  if (next_token != NULL)
    {
      json_builder_set_member_name (builder, "nextToken");
      json_builder_add_string_value (builder, next_token);
    }
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_list_pipelines_async, "ListPipelines", builder,
              parse_summaries, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_list_pipelines_finish:
 * @next_token: (out) (optional) (nullable): the next page's token
 *
 * Returns: (transfer container) (element-type SluiceCodePipelineSummary): the pipelines
 */
GPtrArray *
sluice_codepipeline_client_list_pipelines_finish (SluiceCodePipelineClient  *self,
                                                  GAsyncResult              *result,
                                                  char                     **next_token,
                                                  GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_list_pipelines_async, next_token, error);
}

/**
 * sluice_codepipeline_client_get_pipeline_async:
 * @version: the version to read; 0 for the current one
 */
void
sluice_codepipeline_client_get_pipeline_async (SluiceCodePipelineClient *self,
                                               const char               *name,
                                               int                       version,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  if (version > 0)
    {
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, version);
    }
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_get_pipeline_async, "GetPipeline", builder,
              parse_definition, (GDestroyNotify) sluice_codepipeline_definition_unref,
              cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_get_pipeline_finish:
 *
 * Returns: (transfer full): the pipeline's declaration
 */
SluiceCodePipelineDefinition *
sluice_codepipeline_client_get_pipeline_finish (SluiceCodePipelineClient  *self,
                                                GAsyncResult              *result,
                                                GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_get_pipeline_async, NULL, error);
}

void
sluice_codepipeline_client_get_pipeline_state_async (SluiceCodePipelineClient *self,
                                                     const char               *name,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_get_pipeline_state_async, "GetPipelineState",
              builder, parse_state, (GDestroyNotify) sluice_codepipeline_state_unref,
              cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_get_pipeline_state_finish:
 *
 * Returns: (transfer full): the state of every stage and action
 */
SluiceCodePipelineState *
sluice_codepipeline_client_get_pipeline_state_finish (SluiceCodePipelineClient  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_get_pipeline_state_async, NULL, error);
}

/**
 * sluice_codepipeline_client_list_pipeline_executions_async:
 * @max_results: 1 to 100; 0 for the server's default
 * @next_token: (nullable): a page's token
 */
void
sluice_codepipeline_client_list_pipeline_executions_async (SluiceCodePipelineClient *self,
                                                           const char               *name,
                                                           guint                     max_results,
                                                           const char               *next_token,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  if (max_results > 0)
    {
      json_builder_set_member_name (builder, "maxResults");
      json_builder_add_int_value (builder, max_results);
    }
  if (next_token != NULL)
    {
      json_builder_set_member_name (builder, "nextToken");
      json_builder_add_string_value (builder, next_token);
    }
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_list_pipeline_executions_async,
              "ListPipelineExecutions", builder, parse_executions,
              (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_list_pipeline_executions_finish:
 * @next_token: (out) (optional) (nullable): the next page's token
 *
 * Returns: (transfer container) (element-type SluiceCodePipelineExecution): newest first
 */
GPtrArray *
sluice_codepipeline_client_list_pipeline_executions_finish (SluiceCodePipelineClient  *self,
                                                            GAsyncResult              *result,
                                                            char                     **next_token,
                                                            GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_list_pipeline_executions_async,
                      next_token, error);
}

/**
 * sluice_codepipeline_client_put_approval_result_async:
 * @token: the open approval's token (from the pipeline state)
 * @approve: %TRUE to approve, %FALSE to reject
 * @summary: the reviewer's comment (at most 512 characters)
 */
void
sluice_codepipeline_client_put_approval_result_async (SluiceCodePipelineClient *self,
                                                      const char               *name,
                                                      const char               *stage,
                                                      const char               *action,
                                                      const char               *token,
                                                      gboolean                  approve,
                                                      const char               *summary,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && stage != NULL && action != NULL && token != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "stageName");
  json_builder_add_string_value (builder, stage);
  json_builder_set_member_name (builder, "actionName");
  json_builder_add_string_value (builder, action);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary ? summary : "");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, approve ? "Approved" : "Rejected");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_put_approval_result_async, "PutApprovalResult",
              builder, parse_approved_at, g_free, cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_put_approval_result_finish:
 * @approved_at: (out) (optional): when CodePipeline took the answer (Unix seconds)
 */
gboolean
sluice_codepipeline_client_put_approval_result_finish (SluiceCodePipelineClient  *self,
                                                       GAsyncResult              *result,
                                                       gint64                    *approved_at,
                                                       GError                   **error)
{
  g_autofree gint64 *at = call_finish (self, result,
                                       sluice_codepipeline_client_put_approval_result_async,
                                       NULL, error);

  if (approved_at != NULL)
    *approved_at = at ? *at : 0;
  return at != NULL;
}

void
sluice_codepipeline_client_start_pipeline_execution_async (SluiceCodePipelineClient *self,
                                                           const char               *name,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_start_pipeline_execution_async,
              "StartPipelineExecution", builder, parse_execution_id, g_free,
              cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_start_pipeline_execution_finish:
 *
 * Returns: (transfer full): the new execution's id
 */
char *
sluice_codepipeline_client_start_pipeline_execution_finish (SluiceCodePipelineClient  *self,
                                                            GAsyncResult              *result,
                                                            GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_start_pipeline_execution_async,
                      NULL, error);
}

/**
 * sluice_codepipeline_client_retry_stage_execution_async:
 * @all_actions: %TRUE to run every action of the stage again, %FALSE only the failed ones
 */
void
sluice_codepipeline_client_retry_stage_execution_async (SluiceCodePipelineClient *self,
                                                        const char               *name,
                                                        const char               *stage,
                                                        const char               *execution_id,
                                                        gboolean                  all_actions,
                                                        GCancellable             *cancellable,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && stage != NULL && execution_id != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "stageName");
  json_builder_add_string_value (builder, stage);
  json_builder_set_member_name (builder, "pipelineExecutionId");
  json_builder_add_string_value (builder, execution_id);
  json_builder_set_member_name (builder, "retryMode");
  json_builder_add_string_value (builder, all_actions ? "ALL_ACTIONS" : "FAILED_ACTIONS");
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_retry_stage_execution_async,
              "RetryStageExecution", builder, parse_execution_id, g_free,
              cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_retry_stage_execution_finish:
 *
 * Returns: (transfer full): the execution's id
 */
char *
sluice_codepipeline_client_retry_stage_execution_finish (SluiceCodePipelineClient  *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_retry_stage_execution_async,
                      NULL, error);
}

/**
 * sluice_codepipeline_client_stop_pipeline_execution_async:
 * @abandon: %TRUE to stop at once, %FALSE to let the running actions finish
 * @reason: (nullable): why, for the history
 */
void
sluice_codepipeline_client_stop_pipeline_execution_async (SluiceCodePipelineClient *self,
                                                          const char               *name,
                                                          const char               *execution_id,
                                                          gboolean                  abandon,
                                                          const char               *reason,
                                                          GCancellable             *cancellable,
                                                          GAsyncReadyCallback       callback,
                                                          gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && execution_id != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "pipelineExecutionId");
  json_builder_add_string_value (builder, execution_id);
  json_builder_set_member_name (builder, "abandon");
  json_builder_add_boolean_value (builder, abandon);
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_stop_pipeline_execution_async,
              "StopPipelineExecution", builder, parse_execution_id, g_free,
              cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_stop_pipeline_execution_finish:
 *
 * Returns: (transfer full): the execution's id
 */
char *
sluice_codepipeline_client_stop_pipeline_execution_finish (SluiceCodePipelineClient  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_stop_pipeline_execution_async,
                      NULL, error);
}

/**
 * sluice_codepipeline_client_set_stage_transition_async:
 * @enabled: %TRUE for EnableStageTransition, %FALSE for DisableStageTransition
 * @reason: (nullable): required to disable: 1 to 300 of `[a-zA-Z0-9!@ ().*?-]`
 */
void
sluice_codepipeline_client_set_stage_transition_async (SluiceCodePipelineClient    *self,
                                                       const char                  *name,
                                                       const char                  *stage,
                                                       SluiceCodePipelineTransition transition,
                                                       gboolean                     enabled,
                                                       const char                  *reason,
                                                       GCancellable                *cancellable,
                                                       GAsyncReadyCallback          callback,
                                                       gpointer                     user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && stage != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "stageName");
  json_builder_add_string_value (builder, stage);
  json_builder_set_member_name (builder, "transitionType");
  json_builder_add_string_value (builder, transition == SLUICE_CODEPIPELINE_TRANSITION_OUTBOUND
                                            ? "Outbound" : "Inbound");
  if (!enabled)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason ? reason : "");
    }
  json_builder_end_object (builder);
  call_async (self, sluice_codepipeline_client_set_stage_transition_async,
              enabled ? "EnableStageTransition" : "DisableStageTransition", builder,
              parse_empty, NULL, cancellable, callback, user_data);
}

gboolean
sluice_codepipeline_client_set_stage_transition_finish (SluiceCodePipelineClient  *self,
                                                        GAsyncResult              *result,
                                                        GError                   **error)
{
  return call_finish (self, result, sluice_codepipeline_client_set_stage_transition_async,
                      NULL, error) != NULL;
}
