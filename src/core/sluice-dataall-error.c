/* sluice-dataall-error.c: the errors of data.all's API, as a person reads them
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-dataall-error"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sluice-dataall-error-private.h"

/* What the server said, kept beside the sentence for a "Details" expander. It travels inside
 * the GError (an extended error domain), so g_error_copy() and GTask keep it. */
typedef struct
{
  char      *detail;
  char      *server_code;
  char      *operation;
  guint      http_status;
  JsonNode  *partial_data;
  JsonArray *errors;
} SluiceDataallErrorPrivate;

static void
sluice_dataall_error_private_init (SluiceDataallErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
}

static void
sluice_dataall_error_private_copy (const SluiceDataallErrorPrivate *src,
                                   SluiceDataallErrorPrivate       *dest)
{
  dest->detail = g_strdup (src->detail);
  dest->server_code = g_strdup (src->server_code);
  dest->operation = g_strdup (src->operation);
  dest->http_status = src->http_status;
  dest->partial_data = src->partial_data ? json_node_ref (src->partial_data) : NULL;
  dest->errors = src->errors ? json_array_ref (src->errors) : NULL;
}

static void
sluice_dataall_error_private_clear (SluiceDataallErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->server_code, g_free);
  g_clear_pointer (&priv->operation, g_free);
  g_clear_pointer (&priv->partial_data, json_node_unref);
  g_clear_pointer (&priv->errors, json_array_unref);
}

G_DEFINE_EXTENDED_ERROR (SluiceDataallError, sluice_dataall_error)

/* The fields of data.all's Pipelines module at the root of Query and Mutation: an HTTP 400 that
 * names one of them means the server does not have the module. */
static const char * const module_fields[] = {
  "listDataPipelines",
  "getDataPipeline",
  "getDataPipelineCredsLinux",
  "createDataPipeline",
  "updateDataPipeline",
  "deleteDataPipeline",
  "createDataPipelineEnvironment",
  "updateDataPipelineEnvironment",
  "deleteDataPipelineEnvironment",
};

/* The fields only *-legacy documents use (../shared/reference/dataall-legacy-fields.graphql). */
static const char * const legacy_fields[] = {
  "inputDatasetUri",
  "outputDatasetUri",
  "template",
};

typedef enum
{
  REASON_NONE,
  REASON_MODULE_OFF,
  REASON_ENVIRONMENT_OFF,
  REASON_LEGACY_FIELDS,
  REASON_MALFORMED,
  REASON_MAINTENANCE,
  REASON_THROTTLED,
} Reason;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static const char *
sentence_for (SluiceDataallError code,
              Reason             reason)
{
  switch (reason)
    {
    case REASON_MODULE_OFF:
      return _("Pipelines are switched off on this data.all. An administrator can switch them on "
               "by activating the “datapipelines” module in data.all’s configuration.");
    case REASON_ENVIRONMENT_OFF:
      return _("Pipelines are disabled for this environment. An environment administrator can "
               "enable them with the environment’s “pipelinesEnabled” setting.");
    case REASON_LEGACY_FIELDS:
      return _("This data.all does not accept input and output datasets or a template. Create the "
               "pipeline without them.");
    case REASON_MALFORMED:
      return _("data.all sent an answer that Sluice cannot read. Try again later.");
    case REASON_MAINTENANCE:
      return _("data.all is not accepting this request right now, possibly for maintenance. Try "
               "again later.");
    case REASON_THROTTLED:
      return _("data.all is receiving too many requests right now. Try again in a moment.");
    case REASON_NONE:
    default:
      break;
    }

  switch (code)
    {
    case SLUICE_DATAALL_ERROR_NETWORK:
      return _("Cannot reach data.all. Check the network connection and the API address.");
    case SLUICE_DATAALL_ERROR_TIMEOUT:
      return _("data.all did not answer in time. Try again later.");
    case SLUICE_DATAALL_ERROR_NOT_SIGNED_IN:
      return _("You are not signed in to data.all, or your sign-in has expired. Sign in again.");
    case SLUICE_DATAALL_ERROR_REAUTH_REQUIRED:
      return _("data.all asks you to sign in again before you can do this.");
    case SLUICE_DATAALL_ERROR_NOT_AUTHORIZED:
      return _("You are not allowed to do this in data.all, or the item does not exist. Ask the "
               "pipeline’s team or a data.all administrator for access.");
    case SLUICE_DATAALL_ERROR_NOT_FOUND:
      return _("data.all cannot find this item. It may have been deleted.");
    case SLUICE_DATAALL_ERROR_INVALID_INPUT:
      return _("data.all refused a value: something required is missing or not valid.");
    case SLUICE_DATAALL_ERROR_FEATURE_DISABLED:
      return _("This data.all does not offer this feature.");
    case SLUICE_DATAALL_ERROR_INVALID_REQUEST:
      return _("data.all refused the request as invalid. This version of data.all may not "
               "support it.");
    case SLUICE_DATAALL_ERROR_SERVER:
      return _("data.all had a problem answering. Try again later.");
    case SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE:
      return _("The request is too large for data.all. Shorten the description or the tags.");
    case SLUICE_DATAALL_ERROR_FAILED:
    default:
      return _("data.all could not complete the request.");
    }
}

static GError *
new_error (SluiceDataallError  code,
           Reason              reason,
           const char         *operation,
           guint               http_status,
           const char         *server_code,
           const char         *detail)
{
  GError *error = g_error_new_literal (SLUICE_DATAALL_ERROR, code, sentence_for (code, reason));
  SluiceDataallErrorPrivate *priv = sluice_dataall_error_get_private (error);

  priv->operation = g_strdup (operation);
  priv->http_status = http_status;
  priv->server_code = g_strdup (server_code);
  priv->detail = sluice_dataall_error_trim_message (detail);
  return error;
}

static gboolean
is_identifier_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static const char *
error_message (JsonNode *node)
{
  JsonObject *object;
  JsonNode *message;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  message = json_object_get_member (object, "message");
  if (message == NULL)
    message = json_object_get_member (object, "Message");
  if (message == NULL || json_node_get_value_type (message) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (message);
}

static const char *
extension_code (JsonNode *node)
{
  JsonObject *object;
  JsonNode *extensions;
  JsonNode *code;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  extensions = json_object_get_member (object, "extensions");
  if (extensions == NULL || !JSON_NODE_HOLDS_OBJECT (extensions))
    return NULL;
  code = json_object_get_member (json_node_get_object (extensions), "code");
  if (code == NULL || json_node_get_value_type (code) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (code);
}

/* TRUE when any message of @errors names one of @fields as a whole word. */
static gboolean
errors_name_any (JsonArray          *errors,
                 const char * const *fields,
                 guint               n_fields)
{
  guint n = errors ? json_array_get_length (errors) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *message = error_message (json_array_get_element (errors, i));

      if (message == NULL)
        continue;
      for (guint j = 0; j < n_fields; j++)
        if (sluice_dataall_error_names_field (message, fields[j]))
          return TRUE;
    }
  return FALSE;
}

static gboolean
document_is_legacy (const char *document)
{
  return document != NULL && g_str_has_suffix (document, "-legacy");
}

static char *
operation_of (const char *document)
{
  if (document_is_legacy (document))
    return g_strndup (document, strlen (document) - strlen ("-legacy"));
  return g_strdup (document);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_dataall_error_names_field:
 * @text: a server's message
 * @name: a GraphQL name (a field, an operation)
 *
 * Returns: whether @text contains @name as a whole GraphQL name, not as part of a longer one
 */
gboolean
sluice_dataall_error_names_field (const char *text,
                                  const char *name)
{
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (name != NULL && name[0] != '\0', FALSE);

  len = strlen (name);
  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      if ((p == text || !is_identifier_char (p[-1])) && !is_identifier_char (p[len]))
        return TRUE;
    }
  return FALSE;
}

/**
 * sluice_dataall_error_get_detail:
 * @error: a #GError
 *
 * The server's own message, trimmed of data.all's indentation (for example
 * "An error occurred (UnauthorizedOperation) when calling GET_PIPELINE operation: User: …"),
 * or the transport's message for network errors: what a "Details" expander shows.
 *
 * Returns: (nullable): the detail, %NULL if @error is not a %SLUICE_DATAALL_ERROR or has none
 */
const char *
sluice_dataall_error_get_detail (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return NULL;
  return sluice_dataall_error_get_private (error)->detail;
}

/**
 * sluice_dataall_error_get_http_status:
 *
 * Returns: the HTTP status of the answer, 0 if there was none
 */
guint
sluice_dataall_error_get_http_status (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return 0;
  return sluice_dataall_error_get_private (error)->http_status;
}

/**
 * sluice_dataall_error_get_server_code:
 *
 * Returns: (nullable): data.all's code: the "(Code)" token of its message
 *   (`UnauthorizedOperation`, `ResourceNotFound`…) or the `extensions.code` (`REAUTH`)
 */
const char *
sluice_dataall_error_get_server_code (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return NULL;
  return sluice_dataall_error_get_private (error)->server_code;
}

/**
 * sluice_dataall_error_get_operation:
 *
 * Returns: (nullable): the GraphQL operation name of the failed request
 */
const char *
sluice_dataall_error_get_operation (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return NULL;
  return sluice_dataall_error_get_private (error)->operation;
}

/**
 * sluice_dataall_error_get_partial_data:
 *
 * The `data` object of an HTTP 200 answer that also had `errors` (a nested field failed, for
 * example a pipeline whose stack the user may not read): what could be loaded.
 *
 * Returns: (transfer none) (nullable): the `data` node, %NULL without partial data
 */
JsonNode *
sluice_dataall_error_get_partial_data (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return NULL;
  return sluice_dataall_error_get_private (error)->partial_data;
}

/**
 * sluice_dataall_error_get_errors:
 *
 * Returns: (transfer none) (nullable): the answer's whole `errors` array
 */
JsonArray *
sluice_dataall_error_get_errors (const GError *error)
{
  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return NULL;
  return sluice_dataall_error_get_private (error)->errors;
}

/**
 * sluice_dataall_error_trim_message:
 * @message: (nullable): a server message
 *
 * data.all's messages come from triple-quoted strings: they start with a newline and carry
 * indentation. This strips every line and joins the non-empty ones with a space.
 *
 * Returns: (transfer full) (nullable): the trimmed message, %NULL for %NULL or blank
 */
char *
sluice_dataall_error_trim_message (const char *message)
{
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (message == NULL)
    return NULL;
  lines = g_strsplit (message, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, lines[i]);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/**
 * sluice_dataall_error_find_code:
 * @message: (nullable): a server message
 *
 * Returns: (transfer full) (nullable): the first "(Code)" token of data.all's
 *   "An error occurred (Code)" messages, without parentheses
 */
char *
sluice_dataall_error_find_code (const char *message)
{
  if (message == NULL)
    return NULL;
  for (const char *p = strchr (message, '('); p != NULL; p = strchr (p + 1, '('))
    {
      const char *end = p + 1;

      while (g_ascii_isalnum (*end))
        end++;
      if (*end == ')' && g_ascii_isupper (p[1]))
        return g_strndup (p + 1, end - p - 1);
    }
  return NULL;
}

/**
 * sluice_dataall_error_new:
 * @code: the code
 * @operation: (nullable): the operation name
 * @http_status: the HTTP status, 0 if none
 * @server_code: (nullable): data.all's code
 * @detail: (nullable): the server's message (trimmed here)
 *
 * Returns: (transfer full): a new error carrying the sentence for @code
 */
GError *
sluice_dataall_error_new (SluiceDataallError  code,
                          const char         *operation,
                          guint               http_status,
                          const char         *server_code,
                          const char         *detail)
{
  return new_error (code, REASON_NONE, operation, http_status, server_code, detail);
}

/**
 * sluice_dataall_error_from_transport:
 * @operation: (nullable): the document or operation name
 * @transport_error: what libsoup or GIO reported
 * @timed_out: whether the client's own timeout cancelled the request
 *
 * Returns: (transfer full): a %SLUICE_DATAALL_ERROR, or a copy of @transport_error when it
 *   is a cancellation by the caller
 */
GError *
sluice_dataall_error_from_transport (const char   *operation,
                                     const GError *transport_error,
                                     gboolean      timed_out)
{
  g_autofree char *op = operation_of (operation);

  g_return_val_if_fail (transport_error != NULL, NULL);

  if (timed_out || g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return new_error (SLUICE_DATAALL_ERROR_TIMEOUT, REASON_NONE, op, 0, NULL,
                      transport_error->message);
  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (transport_error);
  return new_error (SLUICE_DATAALL_ERROR_NETWORK, REASON_NONE, op, 0, NULL,
                    transport_error->message);
}

/**
 * sluice_dataall_error_from_response:
 * @document: (nullable): the document's name (its operation name, with "-legacy" for
 *   documents using the legacy fields)
 * @http_status: the HTTP status
 * @root: (nullable): the parsed body, %NULL if it is not JSON
 * @body: (nullable): the raw body, for the detail of unreadable answers
 * @body_length: its length
 *
 * Classifies an answer by its HTTP status and data.all's codes, never by validation wording.
 *
 * Returns: (transfer full) (nullable): the error, or %NULL if the answer is a success
 */
GError *
sluice_dataall_error_from_response (const char *document,
                                    guint       http_status,
                                    JsonNode   *root,
                                    const char *body,
                                    gsize       body_length)
{
  g_autofree char *op = operation_of (document);
  g_autofree char *server_code = NULL;
  g_autofree char *body_text = NULL;
  JsonObject *object = NULL;
  JsonNode *errors_node = NULL;
  JsonNode *data = NULL;
  JsonArray *errors = NULL;
  JsonNode *first = NULL;
  const char *message = NULL;
  SluiceDataallError code;
  Reason reason = REASON_NONE;
  GError *error;
  SluiceDataallErrorPrivate *priv;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);
      errors_node = json_object_get_member (object, "errors");
      if (errors_node != NULL && JSON_NODE_HOLDS_ARRAY (errors_node))
        errors = json_node_get_array (errors_node);
      data = json_object_get_member (object, "data");
      if (errors != NULL && json_array_get_length (errors) > 0)
        first = json_array_get_element (errors, 0);
      message = first ? error_message (first) : error_message (root);
    }
  if (body != NULL)
    body_text = g_utf8_make_valid (body, MIN (body_length, 512));

  if (http_status >= 200 && http_status < 300 && object != NULL && first == NULL)
    {
      if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
        return NULL;
      return new_error (SLUICE_DATAALL_ERROR_SERVER, REASON_MALFORMED, op, http_status, NULL,
                        body_text);
    }

  if (first != NULL && g_strcmp0 (extension_code (first), "REAUTH") == 0)
    {
      code = SLUICE_DATAALL_ERROR_REAUTH_REQUIRED;
      server_code = g_strdup ("REAUTH");
    }
  else if (http_status == 403)
    code = SLUICE_DATAALL_ERROR_NOT_SIGNED_IN;
  else if (http_status == 401)
    {
      code = SLUICE_DATAALL_ERROR_SERVER;
      reason = REASON_MAINTENANCE;
    }
  else if (http_status >= 500 && http_status < 600)
    code = SLUICE_DATAALL_ERROR_SERVER;
  else if (http_status == 429)
    {
      code = SLUICE_DATAALL_ERROR_SERVER;
      reason = REASON_THROTTLED;
    }
  else if (http_status == 400)
    {
      if (errors_name_any (errors, module_fields, G_N_ELEMENTS (module_fields)))
        {
          code = SLUICE_DATAALL_ERROR_FEATURE_DISABLED;
          reason = REASON_MODULE_OFF;
        }
      else if (document_is_legacy (document) &&
               errors_name_any (errors, legacy_fields, G_N_ELEMENTS (legacy_fields)))
        {
          code = SLUICE_DATAALL_ERROR_FEATURE_DISABLED;
          reason = REASON_LEGACY_FIELDS;
        }
      else
        code = SLUICE_DATAALL_ERROR_INVALID_REQUEST;
    }
  else if (object == NULL)
    {
      code = SLUICE_DATAALL_ERROR_SERVER;
      reason = REASON_MALFORMED;
      message = body_text;
    }
  else if (http_status >= 200 && http_status < 300)
    {
      server_code = sluice_dataall_error_find_code (message);
      if (g_strcmp0 (server_code, "UnauthorizedOperation") == 0)
        {
          /* data.all raises its permission error when pipelines are disabled for the
           * environment; its own text, not validation wording, tells the two apart. */
          if (message != NULL && strstr (message, "Pipelines feature is disabled") != NULL)
            {
              code = SLUICE_DATAALL_ERROR_FEATURE_DISABLED;
              reason = REASON_ENVIRONMENT_OFF;
            }
          else
            code = SLUICE_DATAALL_ERROR_NOT_AUTHORIZED;
        }
      else if (g_strcmp0 (server_code, "ResourceNotFound") == 0 ||
               g_strcmp0 (server_code, "AWSResourceNotFound") == 0)
        code = SLUICE_DATAALL_ERROR_NOT_FOUND;
      else if (g_strcmp0 (server_code, "RequiredParameter") == 0 ||
               g_strcmp0 (server_code, "InvalidInput") == 0)
        code = SLUICE_DATAALL_ERROR_INVALID_INPUT;
      else
        code = SLUICE_DATAALL_ERROR_FAILED;
    }
  else
    code = SLUICE_DATAALL_ERROR_SERVER;

  if (message == NULL)
    message = body_text;
  error = new_error (code, reason, op, http_status, server_code, message);
  priv = sluice_dataall_error_get_private (error);
  if (errors != NULL)
    priv->errors = json_array_ref (errors);
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    priv->partial_data = json_node_ref (data);
  return error;
}
