/* sluice-codepipeline-error.c: CodePipeline's errors: the domain, its sentences, and error
 * answers read into it
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-codepipeline-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sluice-codepipeline-client-private.h"

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

/* The error of @code with its sentence; the server's words are kept beside it. */
GError *
sluice_codepipeline_error_new (SluiceCodePipelineError  code,
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

const char *
sluice_codepipeline_member_string (JsonObject *object,
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
  JsonNode *root;
  JsonObject *object = NULL;
  const char *message = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;

  root = sluice_codepipeline_answer_load (parser, data, size, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  type_name = clean_type_name (sluice_codepipeline_member_string (object, "__type"));
  if (type_name == NULL)
    type_name = clean_type_name (error_type_header);
  message = sluice_codepipeline_member_string (object, "message");
  if (message == NULL)
    message = sluice_codepipeline_member_string (object, "Message");
  if (message == NULL && object == NULL && data != NULL && size > 0)
    message = raw = g_utf8_make_valid (data, MIN (size, 512));

  if (type_name != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (error_types); i++)
      if (g_str_equal (error_types[i].type_name, type_name))
        return sluice_codepipeline_error_new (error_types[i].code, http_status, type_name, message);

  /* Not an error CodePipeline names: a server fault, a proxy's page, or something new. */
  if (http_status >= 500 || object == NULL)
    return sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_SERVER, http_status,
                                          type_name, message);
  return sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_FAILED, http_status,
                                        type_name, message);
}

/* An answer that arrived (HTTP 200) but cannot be read. */
GError *
sluice_codepipeline_error_new_unreadable (const char *what)
{
  return sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_SERVER, 200, NULL, what);
}
