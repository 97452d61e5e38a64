/* sluice-dataall-client.c: data.all's GraphQL API over libsoup
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-dataall-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sluice-core-resources.h"
#include "sluice-dataall-client.h"
#include "sluice-dataall-error-private.h"
#include "sluice-json-model.h"

#define DEFAULT_MAX_RETRIES 3
#define RETRY_BASE_DELAY_MS 250
#define MAX_CONNS_PER_HOST  4

struct _SluiceDataallClient
{
  GObject                     parent_instance;

  SoupSession                *session;
  char                       *api_url;
  char                       *endpoint;
  char                       *token;
  char                       *user_agent;
  SluiceDataallTokenProvider *token_provider;
  guint                       timeout;
  guint                       max_retries;
  guint                       id_token_auth : 1;
};

G_DEFINE_FINAL_TYPE (SluiceDataallClient, sluice_dataall_client, G_TYPE_OBJECT)

G_DEFINE_INTERFACE (SluiceDataallTokenProvider, sluice_dataall_token_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_API_URL,
  PROP_ENDPOINT,
  PROP_TOKEN,
  PROP_TOKEN_PROVIDER,
  PROP_ID_TOKEN_AUTH,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  PROP_USER_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One request through its attempts: token, send, retries, parse. */
typedef struct
{
  SluiceDataallClient        *client;
  char                       *document;
  GBytes                     *body;
  gboolean                    is_mutation;
  char                       *token;
  guint                       attempt;
  gboolean                    token_refreshed;
  SoupMessage                *message;
  GCancellable               *attempt_cancellable;
  gulong                      cancelled_id;
  GSource                    *timeout_source;
  GSource                    *retry_source;
  gboolean                    timed_out;
  guint                       status;
  GBytes                     *response;
  SluiceDataallTransformFunc  transform;
  gpointer                    transform_data;
  GDestroyNotify              transform_data_destroy;
  GDestroyNotify              result_destroy;
} Request;

static void send_attempt (GTask *task);

/* ------------------------------------------------------------------------------------------ */
/* Token provider interface                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_dataall_token_provider_default_init (SluiceDataallTokenProviderInterface *iface)
{
}

/**
 * sluice_dataall_token_provider_get_token_async:
 * @self: a #SluiceDataallTokenProvider
 * @kind: which token
 * @rejected_token: (nullable): the token the gateway just refused, to have it refreshed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is known
 * @user_data: data for @callback
 *
 * See #SluiceDataallTokenProviderInterface.
 */
void
sluice_dataall_token_provider_get_token_async (SluiceDataallTokenProvider *self,
                                               SluiceDataallTokenKind      kind,
                                               const char                 *rejected_token,
                                               GCancellable               *cancellable,
                                               GAsyncReadyCallback         callback,
                                               gpointer                    user_data)
{
  g_return_if_fail (SLUICE_IS_DATAALL_TOKEN_PROVIDER (self));

  SLUICE_DATAALL_TOKEN_PROVIDER_GET_IFACE (self)->get_token_async (self, kind, rejected_token,
                                                                   cancellable, callback,
                                                                   user_data);
}

/**
 * sluice_dataall_token_provider_get_token_finish:
 *
 * Returns: (transfer full): the token, or %NULL with @error set
 */
char *
sluice_dataall_token_provider_get_token_finish (SluiceDataallTokenProvider  *self,
                                                GAsyncResult                *result,
                                                GError                     **error)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_TOKEN_PROVIDER (self), NULL);

  return SLUICE_DATAALL_TOKEN_PROVIDER_GET_IFACE (self)->get_token_finish (self, result, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
request_free (gpointer data)
{
  Request *request = data;

  g_assert (request->timeout_source == NULL);
  g_assert (request->retry_source == NULL);
  g_clear_object (&request->client);
  g_free (request->document);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->token);
  g_clear_object (&request->message);
  g_clear_object (&request->attempt_cancellable);
  g_clear_pointer (&request->response, g_bytes_unref);
  if (request->transform_data_destroy != NULL)
    request->transform_data_destroy (request->transform_data);
  g_free (request);
}

/* Drops comments and runs of blank space: the firewall counts every byte of the body. */
static char *
compact_document (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '#')
        {
          while (*p != '\0' && *p != '\n')
            p++;
          if (*p == '\0')
            break;
          space = TRUE;
          continue;
        }
      if (*p == '"')
        {
          const char *start = p++;

          while (*p != '\0' && *p != '"' && *p != '\n')
            p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, start, p - start + (*p == '"'));
          if (*p == '\0')
            break;
          continue;
        }
      if (g_ascii_isspace (*p) || *p == ',')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
clear_attempt (Request      *request,
               GCancellable *cancellable)
{
  clear_source (&request->timeout_source);
  if (request->cancelled_id != 0)
    {
      g_cancellable_disconnect (cancellable, request->cancelled_id);
      request->cancelled_id = 0;
    }
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->message);
}

static gboolean
attempt_timeout_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GCancellable *attempt_cancellable = user_data;

  g_cancellable_cancel (attempt_cancellable);
}

static gboolean
may_retry (Request      *request,
           const GError *error)
{
  if (request->is_mutation || request->attempt >= request->client->max_retries)
    return FALSE;
  if (error != NULL)
    return g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NETWORK);
  return request->status >= 500 && request->status < 600;
}

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  clear_source (&request->retry_source);
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  send_attempt (task);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  guint delay = RETRY_BASE_DELAY_MS << MIN (request->attempt, 6);

  /* Up to a quarter more, so that clients that failed together do not come back together. */
  delay += g_random_int_range (0, delay / 4 + 1);
  request->attempt++;
  g_debug ("%s: retry %u in %u ms", request->document, request->attempt, delay);

  /* The wait ends early when the caller cancels: a child source wakes the parent. */
  request->retry_source = g_timeout_source_new (delay);
  if (g_task_get_cancellable (task) != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (g_task_get_cancellable (task));

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (request->retry_source, cancelled);
    }
  g_source_set_callback (request->retry_source, retry_cb, task, NULL);
  g_source_attach (request->retry_source, g_task_get_context (task));
}

/* The worker thread: parse, classify and transform, so that big answers never stall the
 * main loop. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *body = g_bytes_get_data (request->response, &size);
  JsonNode *root = NULL;
  JsonNode *data;
  GError *error = NULL;
  gpointer result;

  /* Several JSON values in a row count as a malformed answer (json-glib would leak all but one). */
  if (size > 0 && sluice_json_is_single_value (body, size) &&
      json_parser_load_from_data (parser, body, size, NULL))
    root = json_parser_get_root (parser);

  error = sluice_dataall_error_from_response (request->document, request->status, root,
                                              body, size);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = json_object_get_member (json_node_get_object (root), "data");
  if (request->transform == NULL)
    {
      g_task_return_pointer (task, json_node_ref (data), (GDestroyNotify) json_node_unref);
      return;
    }
  result = request->transform (data, request->transform_data, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, request->result_destroy);
}

static void
token_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  char *token;

  token = sluice_dataall_token_provider_get_token_finish (SLUICE_DATAALL_TOKEN_PROVIDER (source),
                                                          result, &error);
  if (token == NULL)
    {
      if (error == NULL)
        error = sluice_dataall_error_new (SLUICE_DATAALL_ERROR_NOT_SIGNED_IN, request->document,
                                          0, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }
  g_free (request->token);
  request->token = token;
  if (g_task_return_error_if_cancelled (task))
    return;
  send_attempt (g_steal_pointer (&task));
}

static void
fetch_token (GTask      *task,
             const char *rejected_token)
{
  Request *request = g_task_get_task_data (task);
  SluiceDataallClient *self = request->client;

  sluice_dataall_token_provider_get_token_async (self->token_provider,
                                                 self->id_token_auth ? SLUICE_DATAALL_TOKEN_ID
                                                                     : SLUICE_DATAALL_TOKEN_ACCESS,
                                                 rejected_token,
                                                 g_task_get_cancellable (task),
                                                 token_ready_cb, task);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean timed_out = request->timed_out;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);
  request->status = bytes ? soup_message_get_status (request->message) : 0;
  clear_attempt (request, cancellable);

  if (bytes == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
          return;
        }
      error = sluice_dataall_error_from_transport (request->document, transport_error,
                                                   timed_out);
      if (may_retry (request, error))
        {
          schedule_retry (task);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (request->status == SOUP_STATUS_FORBIDDEN && request->client->token_provider != NULL &&
      !request->token_refreshed)
    {
      g_autofree char *rejected = g_steal_pointer (&request->token);

      request->token_refreshed = TRUE;
      fetch_token (task, rejected);
      return;
    }

  if (may_retry (request, NULL))
    {
      schedule_retry (task);
      return;
    }

  request->response = g_steal_pointer (&bytes);
  g_task_run_in_thread (task, parse_thread);
  g_object_unref (task);
}

static void
send_attempt (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SluiceDataallClient *self = request->client;
  GCancellable *cancellable = g_task_get_cancellable (task);
  SoupMessageHeaders *headers;

  request->message = soup_message_new (SOUP_METHOD_POST, self->endpoint);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NETWORK,
                               _("The data.all API address “%s” is not valid."), self->endpoint);
      g_object_unref (task);
      return;
    }
  headers = soup_message_get_request_headers (request->message);
  if (self->id_token_auth)
    soup_message_headers_replace (headers, "Authorization", request->token);
  else
    {
      g_autofree char *value = g_strconcat ("Bearer ", request->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  request->timed_out = FALSE;
  request->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    request->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   request->attempt_cancellable, NULL);
  if (self->timeout > 0)
    {
      request->timeout_source = g_timeout_source_new_seconds (self->timeout);
      g_source_set_callback (request->timeout_source, attempt_timeout_cb, request, NULL);
      g_source_attach (request->timeout_source, g_task_get_context (task));
    }

  g_debug ("%s: POST %s (attempt %u)", request->document, self->endpoint, request->attempt + 1);
  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    request->attempt_cancellable, send_cb, task);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_dataall_client_constructed (GObject *object)
{
  SluiceDataallClient *self = (SluiceDataallClient *) object;
  g_autofree char *base = g_strdup (self->api_url ? self->api_url : "");

  G_OBJECT_CLASS (sluice_dataall_client_parent_class)->constructed (object);

  /* An API URL is what data.all calls its backend URL (…/prod/): the API is at graphql/api. */
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  self->endpoint = g_strconcat (base, "/graphql/api", NULL);
}

static void
sluice_dataall_client_dispose (GObject *object)
{
  SluiceDataallClient *self = (SluiceDataallClient *) object;

  g_clear_weak_pointer (&self->token_provider);
  if (self->session != NULL)
    soup_session_abort (self->session);

  G_OBJECT_CLASS (sluice_dataall_client_parent_class)->dispose (object);
}

static void
sluice_dataall_client_finalize (GObject *object)
{
  SluiceDataallClient *self = (SluiceDataallClient *) object;

  g_clear_object (&self->session);
  g_free (self->api_url);
  g_free (self->endpoint);
  g_free (self->token);
  g_free (self->user_agent);

  G_OBJECT_CLASS (sluice_dataall_client_parent_class)->finalize (object);
}

static void
sluice_dataall_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SluiceDataallClient *self = SLUICE_DATAALL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API_URL:
      g_value_set_string (value, self->api_url);
      break;
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_TOKEN_PROVIDER:
      g_value_set_object (value, self->token_provider);
      break;
    case PROP_ID_TOKEN_AUTH:
      g_value_set_boolean (value, self->id_token_auth);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_dataall_client_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SluiceDataallClient *self = SLUICE_DATAALL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API_URL:
      self->api_url = g_value_dup_string (value);
      break;
    case PROP_TOKEN:
      sluice_dataall_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_TOKEN_PROVIDER:
      sluice_dataall_client_set_token_provider (self, g_value_get_object (value));
      break;
    case PROP_ID_TOKEN_AUTH:
      sluice_dataall_client_set_id_token_auth (self, g_value_get_boolean (value));
      break;
    case PROP_TIMEOUT:
      sluice_dataall_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_RETRIES:
      sluice_dataall_client_set_max_retries (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_dataall_client_class_init (SluiceDataallClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sluice_dataall_client_constructed;
  object_class->dispose = sluice_dataall_client_dispose;
  object_class->finalize = sluice_dataall_client_finalize;
  object_class->get_property = sluice_dataall_client_get_property;
  object_class->set_property = sluice_dataall_client_set_property;

  /**
   * SluiceDataallClient:api-url:
   *
   * The API URL (data.all's backend URL, e.g. `https://<id>.execute-api.<region>.amazonaws.com/prod/`);
   * requests go to `<api-url>/graphql/api`.
   */
  properties[PROP_API_URL] =
    g_param_spec_string ("api-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceDataallClient:token:
   *
   * A fixed token (a pasted one, or in tests), used when there is no
   * #SluiceDataallClient:token-provider.
   */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceDataallClient:token-provider:
   *
   * Where tokens come from (the account); it takes precedence over #SluiceDataallClient:token.
   */
  properties[PROP_TOKEN_PROVIDER] =
    g_param_spec_object ("token-provider", NULL, NULL, SLUICE_TYPE_DATAALL_TOKEN_PROVIDER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceDataallClient:id-token-auth:
   *
   * Sends the raw ID token with no "Bearer ", as data.all before 2.7 expects.
   */
  properties[PROP_ID_TOKEN_AUTH] =
    g_param_spec_boolean ("id-token-auth", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceDataallClient:timeout:
   *
   * Seconds a request may take (each attempt), 0 for no limit.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, SLUICE_DATAALL_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceDataallClient:max-retries:
   *
   * How often a query (never a mutation) is tried again after a network error or HTTP 5xx,
   * with exponential backoff from 250 ms.
   */
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 10, DEFAULT_MAX_RETRIES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_dataall_client_init (SluiceDataallClient *self)
{
  /* data.all's firewall blocks requests without a User-Agent. */
  self->user_agent = g_strdup ("Sluice/" PACKAGE_VERSION);
  self->timeout = SLUICE_DATAALL_DEFAULT_TIMEOUT;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                 "max-conns-per-host", MAX_CONNS_PER_HOST,
                                                 NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_dataall_client_new:
 * @api_url: data.all's API URL (the backend URL, without `graphql/api`)
 *
 * Returns: (transfer full): a new client
 */
SluiceDataallClient *
sluice_dataall_client_new (const char *api_url)
{
  g_return_val_if_fail (api_url != NULL, NULL);

  return g_object_new (SLUICE_TYPE_DATAALL_CLIENT, "api-url", api_url, NULL);
}

const char *
sluice_dataall_client_get_api_url (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  return self->api_url;
}

/**
 * sluice_dataall_client_get_endpoint:
 *
 * Returns: the URL requests go to, `<api-url>/graphql/api`
 */
const char *
sluice_dataall_client_get_endpoint (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  return self->endpoint;
}

const char *
sluice_dataall_client_get_token (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  return self->token;
}

void
sluice_dataall_client_set_token (SluiceDataallClient *self,
                                 const char          *token)
{
  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));

  if (g_strcmp0 (self->token, token) == 0)
    return;
  g_free (self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

SluiceDataallTokenProvider *
sluice_dataall_client_get_token_provider (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  return self->token_provider;
}

/**
 * sluice_dataall_client_set_token_provider:
 * @provider: (nullable): the account, or %NULL to use #SluiceDataallClient:token
 */
void
sluice_dataall_client_set_token_provider (SluiceDataallClient        *self,
                                          SluiceDataallTokenProvider *provider)
{
  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));
  g_return_if_fail (provider == NULL || SLUICE_IS_DATAALL_TOKEN_PROVIDER (provider));

  /* Weak: the provider (an account) usually owns its client. */
  if (g_set_weak_pointer (&self->token_provider, provider))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_PROVIDER]);
}

gboolean
sluice_dataall_client_get_id_token_auth (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), FALSE);
  return self->id_token_auth;
}

void
sluice_dataall_client_set_id_token_auth (SluiceDataallClient *self,
                                         gboolean             id_token_auth)
{
  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));

  id_token_auth = !!id_token_auth;
  if (self->id_token_auth == (guint) id_token_auth)
    return;
  self->id_token_auth = id_token_auth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_TOKEN_AUTH]);
}

guint
sluice_dataall_client_get_timeout (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), 0);
  return self->timeout;
}

void
sluice_dataall_client_set_timeout (SluiceDataallClient *self,
                                   guint                seconds)
{
  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
sluice_dataall_client_get_max_retries (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), 0);
  return self->max_retries;
}

void
sluice_dataall_client_set_max_retries (SluiceDataallClient *self,
                                       guint                max_retries)
{
  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));

  max_retries = MIN (max_retries, 10);
  if (self->max_retries == max_retries)
    return;
  self->max_retries = max_retries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RETRIES]);
}

/**
 * sluice_dataall_client_get_user_agent:
 *
 * Returns: `Sluice/<version>`, sent with every request
 */
const char *
sluice_dataall_client_get_user_agent (SluiceDataallClient *self)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  return self->user_agent;
}

/**
 * sluice_dataall_client_load_document:
 * @document: a document name: a file of resources/graphql/ without ".graphql",
 *   e.g. "GetDataPipeline" or "CreateDataPipeline-legacy"
 * @is_mutation: (out) (optional): whether the operation is a mutation
 * @error: return location for a #GError
 *
 * Loads a document from the GResource, without comments and extra blank space.
 *
 * Returns: (transfer full): the query text, or %NULL with @error set
 */
char *
sluice_dataall_client_load_document (const char  *document,
                                     gboolean    *is_mutation,
                                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_val_if_fail (document != NULL, NULL);

  path = g_strdup_printf (RESOURCE_BASE_PATH "/graphql/%s.graphql", document);
  /* From core's own resource: looking it up by name also keeps the linker from dropping it. */
  bytes = g_resource_lookup_data (sluice_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  error);
  if (bytes == NULL)
    return NULL;
  text = compact_document (g_bytes_get_data (bytes, NULL));
  if (is_mutation != NULL)
    *is_mutation = g_str_has_prefix (text, "mutation");
  return text;
}

/**
 * sluice_dataall_client_build_body:
 * @document: a document name (see sluice_dataall_client_load_document())
 * @variables: (nullable): the variables; %NULL sends `{}`
 * @is_mutation: (out) (optional): whether the operation is a mutation
 * @error: return location for a #GError
 *
 * The request body `{"operationName", "query", "variables"}`, refused with
 * %SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE when its UTF-8 encoding is over data.all's limit.
 *
 * Returns: (transfer full): the body, or %NULL with @error set
 */
GBytes *
sluice_dataall_client_build_body (const char  *document,
                                  JsonObject  *variables,
                                  gboolean    *is_mutation,
                                  GError     **error)
{
  g_autofree char *query = sluice_dataall_client_load_document (document, is_mutation, error);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *operation = NULL;
  char *text;
  gsize length = 0;

  if (query == NULL)
    return NULL;

  operation = g_str_has_suffix (document, "-legacy")
              ? g_strndup (document, strlen (document) - strlen ("-legacy"))
              : g_strdup (document);
  body = json_object_new ();
  json_object_set_string_member (body, "operationName", operation);
  json_object_set_string_member (body, "query", query);
  /* data.all's gateway wants an object, even an empty one. */
  json_object_set_object_member (body, "variables",
                                 variables ? json_object_ref (variables) : json_object_new ());
  root = json_node_init_object (json_node_alloc (), body);
  text = json_to_string (root, FALSE);
  length = strlen (text);

  if (length > SLUICE_DATAALL_MAX_BODY_SIZE)
    {
      GError *too_large;
      g_autofree char *detail =
        g_strdup_printf ("The request body is %" G_GSIZE_FORMAT " bytes; data.all accepts at most %d.",
                         length, SLUICE_DATAALL_MAX_BODY_SIZE);

      g_free (text);
      too_large = sluice_dataall_error_new (SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE, operation, 0,
                                            NULL, detail);
      g_propagate_error (error, too_large);
      return NULL;
    }
  return g_bytes_new_take (text, length);
}

/**
 * sluice_dataall_client_execute_full_async:
 * @self: a #SluiceDataallClient
 * @document: a document name (see sluice_dataall_client_load_document())
 * @variables: (nullable): the variables (serialised at once; %NULL sends `{}`)
 * @transform: (nullable): turns the answer's `data` into the result, in a worker thread
 * @transform_data: (nullable): data for @transform
 * @transform_data_destroy: (nullable): frees @transform_data
 * @result_destroy: (nullable): frees a result that nobody finished
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Posts the document to data.all. Queries are retried after network errors and HTTP 5xx;
 * after a 403 the token provider is asked for a new token and the request is sent once more.
 */
void
sluice_dataall_client_execute_full_async (SluiceDataallClient        *self,
                                          const char                 *document,
                                          JsonObject                 *variables,
                                          SluiceDataallTransformFunc  transform,
                                          gpointer                    transform_data,
                                          GDestroyNotify              transform_data_destroy,
                                          GDestroyNotify              result_destroy,
                                          GCancellable               *cancellable,
                                          GAsyncReadyCallback         callback,
                                          gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (self));
  g_return_if_fail (document != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_dataall_client_execute_full_async);
  g_task_set_name (task, document);

  request = g_new0 (Request, 1);
  request->client = g_object_ref (self);
  request->document = g_strdup (document);
  request->transform = transform;
  request->transform_data = transform_data;
  request->transform_data_destroy = transform_data_destroy;
  request->result_destroy = result_destroy;
  g_task_set_task_data (task, request, request_free);

  request->body = sluice_dataall_client_build_body (document, variables, &request->is_mutation,
                                                    &error);
  if (request->body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->token_provider != NULL)
    {
      fetch_token (g_steal_pointer (&task), NULL);
      return;
    }
  if (self->token == NULL || self->token[0] == '\0')
    {
      g_task_return_error (task, sluice_dataall_error_new (SLUICE_DATAALL_ERROR_NOT_SIGNED_IN,
                                                           document, 0, NULL, NULL));
      return;
    }
  request->token = g_strdup (self->token);
  send_attempt (g_steal_pointer (&task));
}

/**
 * sluice_dataall_client_execute_full_finish:
 *
 * On a %SLUICE_DATAALL_ERROR, sluice_dataall_error_get_partial_data() gives what data came
 * with the errors, and sluice_dataall_error_get_detail() what the server said.
 *
 * Returns: (transfer full): the transform's result, or %NULL with @error set
 */
gpointer
sluice_dataall_client_execute_full_finish (SluiceDataallClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sluice_dataall_client_execute_async:
 * @self: a #SluiceDataallClient
 * @document: a document name (see sluice_dataall_client_load_document())
 * @variables: (nullable): the variables; %NULL sends `{}`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * sluice_dataall_client_execute_full_async() whose result is the answer's `data` object.
 */
void
sluice_dataall_client_execute_async (SluiceDataallClient *self,
                                     const char          *document,
                                     JsonObject          *variables,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  sluice_dataall_client_execute_full_async (self, document, variables, NULL, NULL, NULL,
                                            (GDestroyNotify) json_node_unref, cancellable,
                                            callback, user_data);
}

/**
 * sluice_dataall_client_execute_finish:
 *
 * Returns: (transfer full): the answer's `data` node (immutable), or %NULL with @error set
 *   (see sluice_dataall_client_execute_full_finish() for partial data)
 */
JsonNode *
sluice_dataall_client_execute_finish (SluiceDataallClient  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  return sluice_dataall_client_execute_full_finish (self, result, error);
}
