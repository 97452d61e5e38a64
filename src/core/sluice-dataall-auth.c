/* sluice-dataall-auth.c
 *
 * Signing in to data.all as its web console does, for a native app (RFC 8252): the OAuth 2.0
 * authorization code flow with PKCE (S256), the system browser, and a loopback redirect.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-dataall-auth"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/random.h>

#include "sluice-dataall-auth.h"
#include "sluice-json-model.h"

G_DEFINE_QUARK (sluice-auth-error-quark, sluice_auth_error)

/* ------------------------------------------------------------------------ */
/* Random strings, PKCE                                                     */
/* ------------------------------------------------------------------------ */

static char *
base64url (const guchar *data,
           gsize         len)
{
  char *str = g_base64_encode (data, len);
  gsize n = strlen (str);

  for (gsize i = 0; i < n; i++)
    {
      if (str[i] == '+')
        str[i] = '-';
      else if (str[i] == '/')
        str[i] = '_';
    }
  while (n > 0 && str[n - 1] == '=')
    str[--n] = '\0';

  return str;
}

static guchar *
base64url_decode (const char *str,
                  gsize      *out_len)
{
  gsize n = strlen (str);
  g_autoptr(GString) s = g_string_sized_new (n + 4);

  for (gsize i = 0; i < n; i++)
    {
      if (str[i] == '-')
        g_string_append_c (s, '+');
      else if (str[i] == '_')
        g_string_append_c (s, '/');
      else if (g_ascii_isalnum (str[i]) || str[i] == '+' || str[i] == '/' || str[i] == '=')
        g_string_append_c (s, str[i]);
      else
        return NULL;
    }
  while (s->len % 4 != 0)
    g_string_append_c (s, '=');

  return g_base64_decode (s->str, out_len);
}

/**
 * sluice_oauth_random_string:
 * @n_bytes: how many random bytes
 *
 * Returns: (transfer full): @n_bytes from the kernel's cryptographic random source,
 *   base64url-encoded without padding
 */
char *
sluice_oauth_random_string (gsize n_bytes)
{
  g_autofree guchar *buf = g_malloc (n_bytes);
  gsize got = 0;

  while (got < n_bytes)
    {
      ssize_t r = getrandom (buf + got, n_bytes - got, 0);

      if (r < 0)
        g_error ("getrandom() failed: %s", g_strerror (errno));
      got += (gsize) r;
    }

  return base64url (buf, n_bytes);
}

/**
 * sluice_pkce_new_verifier:
 *
 * Returns: (transfer full): a PKCE code verifier of 43 characters (RFC 7636 §4.1)
 */
char *
sluice_pkce_new_verifier (void)
{
  return sluice_oauth_random_string (32);
}

/**
 * sluice_pkce_challenge:
 * @verifier: a code verifier
 *
 * Returns: (transfer full): the S256 code challenge, BASE64URL(SHA256(verifier))
 */
char *
sluice_pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar digest[32];
  gsize len = sizeof digest;

  g_return_val_if_fail (verifier != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);

  return base64url (digest, len);
}

char *
sluice_oauth_redirect_uri (guint port)
{
  /* Cognito accepts plain http only for localhost, so the name, not the address. */
  return g_strdup_printf ("http://localhost:%u/callback", port);
}

/* ------------------------------------------------------------------------ */
/* JWTs and tokens                                                          */
/* ------------------------------------------------------------------------ */

static JsonObject *
jwt_payload (const char *jwt)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guchar *payload = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gsize len = 0;
  JsonNode *root;

  if (jwt == NULL)
    return NULL;

  parts = g_strsplit (jwt, ".", 4);
  if (g_strv_length (parts) != 3)
    return NULL;

  payload = base64url_decode (parts[1], &len);
  if (payload == NULL || len == 0)
    return NULL;

  parser = json_parser_new ();
  if (!sluice_json_is_single_value ((const char *) payload, (gssize) len) ||
      !json_parser_load_from_data (parser, (const char *) payload, (gssize) len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

/**
 * sluice_jwt_get_string_claim:
 * @jwt: a JSON Web Token
 * @claim: a claim name
 *
 * Reads a claim without verifying the signature: the server verifies, Sluice only displays.
 *
 * Returns: (transfer full) (nullable): the claim's string value
 */
char *
sluice_jwt_get_string_claim (const char *jwt,
                             const char *claim)
{
  g_autoptr(JsonObject) payload = jwt_payload (jwt);
  JsonNode *node;

  if (payload == NULL || (node = json_object_get_member (payload, claim)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

gint64
sluice_jwt_get_int_claim (const char *jwt,
                          const char *claim)
{
  g_autoptr(JsonObject) payload = jwt_payload (jwt);
  JsonNode *node;

  if (payload == NULL || (node = json_object_get_member (payload, claim)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return json_node_get_int (node);
}

SluiceTokens *
sluice_tokens_copy (const SluiceTokens *tokens)
{
  SluiceTokens *copy;

  g_return_val_if_fail (tokens != NULL, NULL);

  copy = g_new0 (SluiceTokens, 1);
  copy->access_token = g_strdup (tokens->access_token);
  copy->id_token = g_strdup (tokens->id_token);
  copy->refresh_token = g_strdup (tokens->refresh_token);
  copy->expires_at = tokens->expires_at;

  return copy;
}

void
sluice_tokens_free (SluiceTokens *tokens)
{
  if (tokens == NULL)
    return;

  /* Tokens are secrets: leave nothing behind in freed memory. */
  if (tokens->access_token)
    memset (tokens->access_token, 0, strlen (tokens->access_token));
  if (tokens->id_token)
    memset (tokens->id_token, 0, strlen (tokens->id_token));
  if (tokens->refresh_token)
    memset (tokens->refresh_token, 0, strlen (tokens->refresh_token));

  g_free (tokens->access_token);
  g_free (tokens->id_token);
  g_free (tokens->refresh_token);
  g_free (tokens);
}

G_DEFINE_BOXED_TYPE (SluiceTokens, sluice_tokens, sluice_tokens_copy, sluice_tokens_free)

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

#define MAX_LIFETIME_SECONDS (366 * 24 * 3600)

/* A number member as an integer; 0 for anything else (an object, a string, null), which
 * json_object_get_int_member() would meet with a critical warning. Found by fuzzing. */
static gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      return d > -1e15 && d < 1e15 ? (gint64) d : 0;
    }
  return 0;
}

/**
 * sluice_tokens_new_from_json:
 * @json: a token endpoint's answer, or what sluice_tokens_to_json() wrote
 * @now: the current Unix time, to turn `expires_in` into an expiry
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the tokens, or %NULL if @json holds no access token
 */
SluiceTokens *
sluice_tokens_new_from_json (const char  *json,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SluiceTokens) tokens = g_new0 (SluiceTokens, 1);
  JsonObject *object;
  JsonNode *root;

  if (json == NULL || !sluice_json_is_single_value (json, -1) ||
      !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST,
                           _("The sign-in service sent an answer Sluice cannot read."));
      return NULL;
    }

  object = json_node_get_object (root);
  tokens->access_token = dup_member (object, "access_token");
  tokens->id_token = dup_member (object, "id_token");
  tokens->refresh_token = dup_member (object, "refresh_token");

  if (json_object_has_member (object, "expires_at"))
    tokens->expires_at = int_member (object, "expires_at");
  else if (json_object_has_member (object, "expires_in"))
    {
      gint64 expires_in = int_member (object, "expires_in");

      /* Kept within a year, so that a wild lifetime cannot overflow the expiry. */
      tokens->expires_at = now + CLAMP (expires_in, 0, MAX_LIFETIME_SECONDS);
    }
  else
    tokens->expires_at = sluice_jwt_get_int_claim (tokens->access_token, "exp");

  if (tokens->access_token == NULL || tokens->access_token[0] == '\0')
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST,
                           _("The sign-in service did not send an access token."));
      return NULL;
    }

  return g_steal_pointer (&tokens);
}

/**
 * sluice_tokens_to_json:
 * @tokens: tokens
 *
 * Returns: (transfer full): the tokens as JSON, the secret Sluice keeps in the keyring
 */
char *
sluice_tokens_to_json (const SluiceTokens *tokens)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (tokens != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, tokens->access_token);
  if (tokens->id_token)
    {
      json_builder_set_member_name (builder, "id_token");
      json_builder_add_string_value (builder, tokens->id_token);
    }
  if (tokens->refresh_token)
    {
      json_builder_set_member_name (builder, "refresh_token");
      json_builder_add_string_value (builder, tokens->refresh_token);
    }
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, tokens->expires_at);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * sluice_tokens_new_from_access_token:
 * @access_token: an access token an administrator pasted
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): tokens with no refresh token, expiring when the JWT does
 */
SluiceTokens *
sluice_tokens_new_from_access_token (const char  *access_token,
                                     GError     **error)
{
  g_autoptr(SluiceTokens) tokens = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(JsonObject) payload = NULL;

  g_return_val_if_fail (access_token != NULL, NULL);

  trimmed = g_strstrip (g_strdup (access_token));
  if (g_str_has_prefix (trimmed, "Bearer "))
    memmove (trimmed, trimmed + 7, strlen (trimmed + 7) + 1);

  payload = jwt_payload (trimmed);
  if (payload == NULL)
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_TOKEN,
                           _("This is not an access token: paste the whole token, three parts separated by dots."));
      return NULL;
    }

  tokens = g_new0 (SluiceTokens, 1);
  tokens->access_token = g_steal_pointer (&trimmed);
  tokens->expires_at = sluice_jwt_get_int_claim (tokens->access_token, "exp");

  if (tokens->expires_at != 0 && tokens->expires_at <= g_get_real_time () / G_USEC_PER_SEC)
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_TOKEN,
                           _("This access token has expired. Copy a fresh one and try again."));
      return NULL;
    }

  return g_steal_pointer (&tokens);
}

gboolean
sluice_tokens_expires_within (const SluiceTokens *tokens,
                              gint64              now,
                              gint64              seconds)
{
  g_return_val_if_fail (tokens != NULL, TRUE);

  if (tokens->expires_at == 0)
    return FALSE;
  /* Compared so that no expiry read from outside can overflow the subtraction. */
  if (tokens->expires_at <= now)
    return TRUE;
  return now >= 0 && tokens->expires_at - now <= seconds;
}

/* ------------------------------------------------------------------------ */
/* Endpoints                                                                */
/* ------------------------------------------------------------------------ */

SluiceOAuthEndpoints *
sluice_oauth_endpoints_copy (const SluiceOAuthEndpoints *endpoints)
{
  SluiceOAuthEndpoints *copy = g_new0 (SluiceOAuthEndpoints, 1);

  copy->authorization = g_strdup (endpoints->authorization);
  copy->token = g_strdup (endpoints->token);
  copy->userinfo = g_strdup (endpoints->userinfo);
  copy->revocation = g_strdup (endpoints->revocation);

  return copy;
}

void
sluice_oauth_endpoints_free (SluiceOAuthEndpoints *endpoints)
{
  if (endpoints == NULL)
    return;

  g_free (endpoints->authorization);
  g_free (endpoints->token);
  g_free (endpoints->userinfo);
  g_free (endpoints->revocation);
  g_free (endpoints);
}

G_DEFINE_BOXED_TYPE (SluiceOAuthEndpoints, sluice_oauth_endpoints,
                     sluice_oauth_endpoints_copy, sluice_oauth_endpoints_free)

static char *
normalize_base_url (const char  *url,
                    GError     **error)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *str = NULL;
  gsize len;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                           _("Enter a web address."));
      return NULL;
    }

  with_scheme = strstr (url, "://") ? g_strdup (url) : g_strconcat ("https://", url, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                   _("“%s” is not a web address."), url);
      return NULL;
    }

  str = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
  len = strlen (str);
  while (len > 0 && str[len - 1] == '/')
    str[--len] = '\0';

  return g_steal_pointer (&str);
}

/**
 * sluice_check_web_address:
 * @text: what the user typed
 * @error: return location for an error, a sentence for the field
 *
 * Returns: (transfer full) (nullable): the address with a scheme (https:// when none was typed)
 *   and without trailing slashes
 */
char *
sluice_check_web_address (const char  *text,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GError) local_error = NULL;
  char *normalized = normalize_base_url (stripped, &local_error);

  if (normalized == NULL)
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_SETTING, local_error->message);
      return NULL;
    }

  return normalized;
}

/**
 * sluice_oauth_endpoints_new_cognito:
 * @domain: a Cognito domain, e.g. `myprefix.auth.eu-west-1.amazoncognito.com`
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the domain's Hosted UI endpoints
 */
SluiceOAuthEndpoints *
sluice_oauth_endpoints_new_cognito (const char  *domain,
                                    GError     **error)
{
  g_autofree char *base = normalize_base_url (domain, error);
  SluiceOAuthEndpoints *endpoints;

  if (base == NULL)
    return NULL;

  endpoints = g_new0 (SluiceOAuthEndpoints, 1);
  endpoints->authorization = g_strconcat (base, "/oauth2/authorize", NULL);
  endpoints->token = g_strconcat (base, "/oauth2/token", NULL);
  endpoints->userinfo = g_strconcat (base, "/oauth2/userInfo", NULL);
  endpoints->revocation = g_strconcat (base, "/oauth2/revoke", NULL);

  return endpoints;
}

/**
 * sluice_oauth_endpoints_new_from_discovery:
 * @json: an OpenID Connect discovery document
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the endpoints it names
 */
SluiceOAuthEndpoints *
sluice_oauth_endpoints_new_from_discovery (const char  *json,
                                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SluiceOAuthEndpoints) endpoints = g_new0 (SluiceOAuthEndpoints, 1);
  JsonObject *object;
  JsonNode *root;

  if (!sluice_json_is_single_value (json, -1) || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                           _("The sign-in service’s configuration could not be read. Check the issuer address."));
      return NULL;
    }

  object = json_node_get_object (root);
  endpoints->authorization = dup_member (object, "authorization_endpoint");
  endpoints->token = dup_member (object, "token_endpoint");
  endpoints->userinfo = dup_member (object, "userinfo_endpoint");
  endpoints->revocation = dup_member (object, "revocation_endpoint");

  if (endpoints->authorization == NULL || endpoints->token == NULL)
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                           _("The sign-in service does not offer the authorization code flow Sluice needs."));
      return NULL;
    }

  return g_steal_pointer (&endpoints);
}

static void
discovery_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autofree char *json = NULL;
  SluiceOAuthEndpoints *endpoints;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NETWORK,
                                 _("The sign-in service could not be reached: %s"), error->message);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                               _("The sign-in service has no OpenID configuration at this address (HTTP %u). Check the issuer address."),
                               soup_message_get_status (msg));
      return;
    }

  json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  endpoints = sluice_oauth_endpoints_new_from_discovery (json, &error);
  if (endpoints == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, endpoints, (GDestroyNotify) sluice_oauth_endpoints_free);
}

void
sluice_oauth_endpoints_discover_async (SoupSession          *session,
                                       SluiceSignInProvider  provider,
                                       const char           *provider_url,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  SoupMessage *msg;

  g_return_if_fail (SOUP_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_oauth_endpoints_discover_async);

  if (provider == SLUICE_SIGN_IN_PROVIDER_COGNITO)
    {
      SluiceOAuthEndpoints *endpoints = sluice_oauth_endpoints_new_cognito (provider_url, &error);

      if (endpoints == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, endpoints, (GDestroyNotify) sluice_oauth_endpoints_free);
      return;
    }

  base = normalize_base_url (provider_url, &error);
  if (base == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  url = g_strconcat (base, "/.well-known/openid-configuration", NULL);
  msg = soup_message_new ("GET", url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                               _("“%s” is not a web address."), provider_url);
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    discovery_read_cb, g_steal_pointer (&task));
}

SluiceOAuthEndpoints *
sluice_oauth_endpoints_discover_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* The token endpoint                                                       */
/* ------------------------------------------------------------------------ */

typedef struct
{
  SoupMessage *msg;
  char        *refresh_token;   /* kept when a refresh answer carries none, as Cognito's */
} TokenRequest;

static void
token_request_free (TokenRequest *request)
{
  g_clear_object (&request->msg);
  g_free (request->refresh_token);
  g_free (request);
}

static void
token_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TokenRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *body = NULL;
  SluiceTokens *tokens;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NETWORK,
                                 _("The sign-in service could not be reached: %s"), error->message);
      return;
    }

  status = soup_message_get_status (request->msg);
  body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *code = NULL;
      g_autofree char *description = NULL;
      JsonNode *root;

      if (sluice_json_is_single_value (body, -1) && json_parser_load_from_data (parser, body, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          code = dup_member (json_node_get_object (root), "error");
          description = dup_member (json_node_get_object (root), "error_description");
        }

      if (g_strcmp0 (code, "invalid_grant") == 0)
        g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST,
                                 _("The sign-in has expired or was already used. Sign in again. (%s)"),
                                 description ? description : code);
      else if (g_strcmp0 (code, "invalid_client") == 0 || g_strcmp0 (code, "unauthorized_client") == 0)
        g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST,
                                 _("The sign-in service does not know this client ID. Check it against data.all’s web app client. (%s)"),
                                 description ? description : code);
      else
        g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST,
                                 _("The sign-in service refused to issue tokens (HTTP %u): %s"),
                                 status, description ? description : code ? code : _("no reason given"));
      return;
    }

  tokens = sluice_tokens_new_from_json (body, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (tokens->refresh_token == NULL)
    tokens->refresh_token = g_strdup (request->refresh_token);

  g_task_return_pointer (task, tokens, (GDestroyNotify) sluice_tokens_free);
}

static void
request_tokens (SoupSession  *session,
                const char   *token_endpoint,
                const char   *form,
                const char   *keep_refresh_token,
                GTask        *task)
{
  TokenRequest *request = g_new0 (TokenRequest, 1);

  request->msg = soup_message_new_from_encoded_form ("POST", token_endpoint, g_strdup (form));
  request->refresh_token = g_strdup (keep_refresh_token);
  g_task_set_task_data (task, request, (GDestroyNotify) token_request_free);

  if (request->msg == NULL)
    {
      g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY,
                               _("The sign-in service’s token address is not valid."));
      g_object_unref (task);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (request->msg), "Accept", "application/json");
  soup_session_send_and_read_async (session, request->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), token_read_cb, task);
}

void
sluice_oauth_refresh_async (SoupSession                *session,
                            const SluiceOAuthEndpoints *endpoints,
                            const char                 *client_id,
                            const char                 *refresh_token,
                            GCancellable               *cancellable,
                            GAsyncReadyCallback         callback,
                            gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *form = NULL;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (endpoints != NULL);
  g_return_if_fail (client_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_oauth_refresh_async);

  if (refresh_token == NULL || *refresh_token == '\0')
    {
      g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST,
                               _("This sign-in cannot be renewed. Sign in again."));
      return;
    }

  form = soup_form_encode ("grant_type", "refresh_token",
                           "refresh_token", refresh_token,
                           "client_id", client_id,
                           NULL);
  request_tokens (session, endpoints->token, form, refresh_token, g_steal_pointer (&task));
}

SluiceTokens *
sluice_oauth_refresh_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* SluiceSignIn: one browser sign-in                                        */
/* ------------------------------------------------------------------------ */

struct _SluiceSignIn
{
  GObject               parent_instance;

  SoupSession          *session;
  SluiceOAuthEndpoints *endpoints;
  char                 *client_id;
  guint                 port;

  char                 *state;
  char                 *verifier;
  char                 *redirect_uri;
  char                 *authorize_uri;

  SoupServer           *server;
  GTask                *task;
  gulong                cancelled_id;
  gboolean              answered;

  SluiceBrowserFunc     browser_func;
  gpointer              browser_data;
  GDestroyNotify        browser_destroy;
};

G_DEFINE_FINAL_TYPE (SluiceSignIn, sluice_sign_in, G_TYPE_OBJECT)

static const char page_template[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sluice</title>"
  "<style>body{font-family:Cantarell,sans-serif;background:#fafafa;color:#333;"
  "display:flex;align-items:center;justify-content:center;height:90vh}"
  "div{text-align:center;max-width:32em}h1{font-size:1.6em}</style></head>"
  "<body><div><h1>%s</h1><p>%s</p></div></body></html>";

static void
respond_page (SoupServerMessage *msg,
              guint              status,
              const char        *title,
              const char        *text)
{
  g_autofree char *title_escaped = g_markup_escape_text (title, -1);
  g_autofree char *text_escaped = g_markup_escape_text (text, -1);
  g_autofree char *body = g_strdup_printf (page_template, title_escaped, text_escaped);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
stop_server (SluiceSignIn *self)
{
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
}

static gboolean
stop_server_idle_cb (gpointer user_data)
{
  stop_server (user_data);
  return G_SOURCE_REMOVE;
}

/* The server may be inside one of its own handlers: let it send its answer first. */
static void
schedule_stop_server (SluiceSignIn *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, stop_server_idle_cb, g_object_ref (self), g_object_unref);
}

static void
finish_task (SluiceSignIn *self)
{
  GCancellable *cancellable;

  if (self->task == NULL)
    return;

  cancellable = g_task_get_cancellable (self->task);
  if (cancellable != NULL && self->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, self->cancelled_id);
  self->cancelled_id = 0;
}

static void
exchange_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceSignIn) self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GError) error = NULL;
  SluiceTokens *tokens;

  tokens = g_task_propagate_pointer (G_TASK (result), &error);
  schedule_stop_server (self);

  if (task == NULL)
    return;

  if (tokens == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) sluice_tokens_free);
}

static void
fail (SluiceSignIn *self,
      GError       *error)
{
  g_autoptr(GTask) task = NULL;

  finish_task (self);
  task = g_steal_pointer (&self->task);
  schedule_stop_server (self);

  if (task != NULL)
    g_task_return_error (task, error);
  else
    g_error_free (error);
}

static void
callback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  SluiceSignIn *self = user_data;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *error_code = query ? g_hash_table_lookup (query, "error") : NULL;
  const char *error_description = query ? g_hash_table_lookup (query, "error_description") : NULL;
  g_autofree char *form = NULL;
  GTask *exchange;

  if (g_strcmp0 (path, "/callback") != 0 || soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (self->task == NULL || self->answered)
    {
      respond_page (msg, SOUP_STATUS_GONE, _("This sign-in is over"),
                    _("Sluice is no longer waiting for this sign-in. Start it again from Sluice."));
      return;
    }

  /* A redirect without our state was not started by this sign-in: refuse it outright. */
  if (state == NULL || g_strcmp0 (state, self->state) != 0)
    {
      respond_page (msg, SOUP_STATUS_BAD_REQUEST, _("Sign-in refused"),
                    _("This answer does not belong to the sign-in Sluice started. Start it again from Sluice."));
      fail (self, g_error_new_literal (SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_STATE_MISMATCH,
                                       _("The browser came back with an answer that does not belong to this sign-in. Sign in again.")));
      return;
    }

  if (error_code != NULL || code == NULL)
    {
      respond_page (msg, SOUP_STATUS_OK, _("Sign-in did not complete"),
                    _("You can close this tab and return to Sluice."));
      if (g_strcmp0 (error_code, "access_denied") == 0)
        fail (self, g_error_new (SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DENIED,
                                 _("The sign-in was declined. (%s)"),
                                 error_description ? error_description : error_code));
      else
        fail (self, g_error_new (SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DENIED,
                                 _("The sign-in service reported a problem: %s"),
                                 error_description ? error_description : error_code ? error_code : _("no code was sent")));
      return;
    }

  respond_page (msg, SOUP_STATUS_OK, _("You are signed in"),
                _("You can close this tab and return to Sluice."));

  /* A reload of the page must not exchange the code twice. */
  self->answered = TRUE;
  finish_task (self);

  form = soup_form_encode ("grant_type", "authorization_code",
                           "code", code,
                           "redirect_uri", self->redirect_uri,
                           "client_id", self->client_id,
                           "code_verifier", self->verifier,
                           NULL);
  exchange = g_task_new (self->session, g_task_get_cancellable (self->task), exchange_cb, g_object_ref (self));
  g_task_set_source_tag (exchange, callback_cb);
  request_tokens (self->session, self->endpoints->token, form, NULL, exchange);
}

static gboolean
cancel_idle_cb (gpointer user_data)
{
  SluiceSignIn *self = user_data;

  if (self->task != NULL && !self->answered)
    fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sign-in cancelled")));

  return G_SOURCE_REMOVE;
}

static void
cancellable_cancelled_cb (GCancellable *cancellable,
                          gpointer      user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_idle_cb, g_object_ref (user_data), g_object_unref);
}

static gboolean
default_browser_func (const char  *uri,
                      gpointer     user_data,
                      GError     **error)
{
  return g_app_info_launch_default_for_uri (uri, NULL, error);
}

static gboolean
start_server (SluiceSignIn  *self,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  self->server = soup_server_new ("server-header", "Sluice/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (self->server, NULL, callback_cb, self, NULL);

  /* Listen on both loopback addresses on the same port: the browser may resolve "localhost"
   * to either. IPv4 first, so that port 0 picks the port the IPv6 socket then shares. */
  if (!soup_server_listen_local (self->server, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      stop_server (self);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        g_set_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_PORT_IN_USE,
                     _("Port %u is in use by another program, so Sluice cannot receive the sign-in. Close that program or choose another redirect port (and register it with the sign-in service)."),
                     self->port);
      else
        g_set_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_PORT_IN_USE,
                     _("Sluice cannot listen for the sign-in on port %u: %s"), self->port, local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* No IPv6 on this machine is fine: the browser then reaches us over IPv4. */
  g_clear_error (&local_error);
  if (!soup_server_listen_local (self->server, self->port, SOUP_SERVER_LISTEN_IPV6_ONLY, &local_error))
    g_debug ("Not listening on ::1: %s", local_error->message);

  return TRUE;
}

static void
build_authorize_uri (SluiceSignIn *self)
{
  g_autofree char *challenge = sluice_pkce_challenge (self->verifier);
  g_autofree char *query = NULL;
  const char *sep;

  g_free (self->redirect_uri);
  self->redirect_uri = sluice_oauth_redirect_uri (self->port);

  query = soup_form_encode ("response_type", "code",
                            "client_id", self->client_id,
                            "redirect_uri", self->redirect_uri,
                            "scope", "openid email profile",
                            "state", self->state,
                            "code_challenge", challenge,
                            "code_challenge_method", "S256",
                            NULL);
  sep = strchr (self->endpoints->authorization, '?') ? "&" : "?";

  g_free (self->authorize_uri);
  self->authorize_uri = g_strconcat (self->endpoints->authorization, sep, query, NULL);
}

static void
sluice_sign_in_dispose (GObject *object)
{
  SluiceSignIn *self = SLUICE_SIGN_IN (object);

  stop_server (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sluice_sign_in_parent_class)->dispose (object);
}

static void
sluice_sign_in_finalize (GObject *object)
{
  SluiceSignIn *self = SLUICE_SIGN_IN (object);

  if (self->browser_destroy)
    self->browser_destroy (self->browser_data);
  g_clear_pointer (&self->endpoints, sluice_oauth_endpoints_free);
  g_free (self->client_id);
  g_free (self->state);
  g_free (self->verifier);
  g_free (self->redirect_uri);
  g_free (self->authorize_uri);

  G_OBJECT_CLASS (sluice_sign_in_parent_class)->finalize (object);
}

static void
sluice_sign_in_class_init (SluiceSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_sign_in_dispose;
  object_class->finalize = sluice_sign_in_finalize;
}

static void
sluice_sign_in_init (SluiceSignIn *self)
{
  self->state = sluice_oauth_random_string (24);
  self->verifier = sluice_pkce_new_verifier ();
  self->browser_func = default_browser_func;
}

/**
 * sluice_sign_in_new:
 * @session: the session to talk to the sign-in service with
 * @endpoints: the service's endpoints
 * @client_id: data.all's web app client id
 * @port: the loopback redirect port registered with the service (0 picks a free one)
 *
 * Returns: (transfer full): a sign-in, ready to run once
 */
SluiceSignIn *
sluice_sign_in_new (SoupSession                *session,
                    const SluiceOAuthEndpoints *endpoints,
                    const char                 *client_id,
                    guint                       port)
{
  SluiceSignIn *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (endpoints != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (port <= G_MAXUINT16, NULL);

  self = g_object_new (SLUICE_TYPE_SIGN_IN, NULL);
  self->session = g_object_ref (session);
  self->endpoints = sluice_oauth_endpoints_copy (endpoints);
  self->client_id = g_strdup (client_id);
  self->port = port;

  return self;
}

void
sluice_sign_in_set_browser_func (SluiceSignIn      *self,
                                 SluiceBrowserFunc  func,
                                 gpointer           user_data,
                                 GDestroyNotify     destroy)
{
  g_return_if_fail (SLUICE_IS_SIGN_IN (self));

  if (self->browser_destroy)
    self->browser_destroy (self->browser_data);

  self->browser_func = func ? func : default_browser_func;
  self->browser_data = user_data;
  self->browser_destroy = destroy;
}

/**
 * sluice_sign_in_get_authorize_uri:
 * @self: a #SluiceSignIn
 *
 * Returns: (nullable): the address opened in the browser, once the sign-in runs; the user may
 *   copy it into a browser by hand
 */
const char *
sluice_sign_in_get_authorize_uri (SluiceSignIn *self)
{
  g_return_val_if_fail (SLUICE_IS_SIGN_IN (self), NULL);

  return self->authorize_uri;
}

guint
sluice_sign_in_get_port (SluiceSignIn *self)
{
  g_return_val_if_fail (SLUICE_IS_SIGN_IN (self), 0);

  return self->port;
}

/**
 * sluice_sign_in_open_browser:
 * @self: a running #SluiceSignIn
 * @error: return location for an error
 *
 * Opens the authorization page (again), for when the user closed the tab.
 */
gboolean
sluice_sign_in_open_browser (SluiceSignIn  *self,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SLUICE_IS_SIGN_IN (self), FALSE);
  g_return_val_if_fail (self->authorize_uri != NULL, FALSE);

  if (!self->browser_func (self->authorize_uri, self->browser_data, &local_error))
    {
      g_set_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_BROWSER,
                   _("Your web browser could not be opened: %s. Copy the sign-in address into a browser instead."),
                   local_error ? local_error->message : _("unknown error"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sluice_sign_in_run_async:
 * @self: a #SluiceSignIn
 * @cancellable: (nullable): cancels the sign-in (the user's Cancel button)
 * @callback: called with the tokens
 * @user_data: closure data
 *
 * Listens on the loopback redirect, opens the browser at the authorization page, waits for the
 * redirect, checks its state and exchanges the code (with the PKCE verifier) for tokens.
 */
void
sluice_sign_in_run_async (SluiceSignIn        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SLUICE_IS_SIGN_IN (self));
  g_return_if_fail (self->task == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_sign_in_run_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!start_server (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  build_authorize_uri (self);
  self->task = g_steal_pointer (&task);

  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancellable_cancelled_cb), self, NULL);

  if (!sluice_sign_in_open_browser (self, &error))
    fail (self, g_steal_pointer (&error));
}

SluiceTokens *
sluice_sign_in_run_finish (SluiceSignIn  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SLUICE_IS_SIGN_IN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
