/* sluice-codepipeline-transport.c: one CodePipeline call: the pipeline's keys (fetched, renewed
 * once), SigV4 signing, the request and its answer
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-codepipeline-client"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "sluice-codepipeline-client-private.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-sigv4.h"

#define TARGET_PREFIX "CodePipeline_20150709."
#define CONTENT_TYPE  "application/x-amz-json-1.1"

/* One operation: its body, and how far it got (credentials fetched, renewed once). */
typedef struct
{
  char                        *operation;
  char                        *body;
  SluiceCodePipelineParseFunc  parse;
  GDestroyNotify               free_result;
  gboolean                     renewed;
  char                        *next_token;
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
  JsonNode *root;
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
        g_task_return_error (task, sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_NETWORK,
                                                                  0, NULL, error->message));
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
  root = sluice_codepipeline_answer_load (parser, data, size, &error);
  if (root == NULL)
    {
      g_task_return_error (task, sluice_codepipeline_error_new_unreadable (error->message));
      return;
    }
  parsed = call->parse (root, &call->next_token, &error);
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
              g_task_return_error (task,
                                   sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED, 0,
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
      g_task_return_error (task, sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_NETWORK,
                                                                0, NULL,
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
      g_task_return_error (task,
                           sluice_codepipeline_error_new (SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED,
                                                                0, NULL, error->message));
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

void
sluice_codepipeline_client_call_async (SluiceCodePipelineClient    *self,
                                       gpointer                     source_tag,
                                       const char                  *operation,
                                       JsonBuilder                 *builder,
                                       SluiceCodePipelineParseFunc  parse,
                                       GDestroyNotify               free_result,
                                       GCancellable                *cancellable,
                                       GAsyncReadyCallback          callback,
                                       gpointer                     user_data)
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

gpointer
sluice_codepipeline_client_call_finish (SluiceCodePipelineClient  *self,
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
