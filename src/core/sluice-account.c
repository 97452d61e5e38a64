/* sluice-account.c
 *
 * One data.all connection: where its API and sign-in service are, and the user's sign-in.
 * The tokens live only in the system keyring (libsecret); everything else is saved by
 * SluiceAccountManager into a key file.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-account"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sluice-account.h"
#include "sluice-dataall-client.h"

/* Renew a little before expiry, so that a request never leaves with a token about to die. */
#define REFRESH_MARGIN_SECONDS 120

struct _SluiceAccount
{
  GObject               parent_instance;

  char                 *id;
  char                 *name;
  char                 *api_url;
  SluiceSignInProvider  provider;
  char                 *provider_url;
  char                 *client_id;
  guint                 redirect_port;
  char                 *aws_endpoint;
  gboolean              send_id_token;

  char                 *email;
  SluiceAccountState    state;
  SluiceTokens         *tokens;
  SluiceOAuthEndpoints *endpoints;
  SluiceSignIn         *pending_sign_in;
  gboolean              restore_claimed; /* a window looks the sign-in up once per account */

  SoupSession          *session;
  GPtrArray            *refresh_waiters;   /* GTask, while a refresh is under way */
  SluiceDataallClient  *client;
};

static void token_provider_iface_init (SluiceDataallTokenProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SluiceAccount, sluice_account, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SLUICE_TYPE_DATAALL_TOKEN_PROVIDER,
                                                      token_provider_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_API_URL,
  PROP_PROVIDER,
  PROP_PROVIDER_URL,
  PROP_CLIENT_ID,
  PROP_REDIRECT_PORT,
  PROP_AWS_ENDPOINT,
  PROP_SEND_ID_TOKEN,
  PROP_EMAIL,
  PROP_STATE,
  PROP_PENDING_SIGN_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Keyring                                                                  */
/* ------------------------------------------------------------------------ */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    .name = "io.github.sluice.Sluice.Token",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { .name = "account", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = NULL, .type = 0 },
    },
  };

  return &schema;
}

static GError *
keyring_error (const GError *error)
{
  /* No session bus, or nothing on it offers the Secret Service: say what to do, not GIO's words. */
  if (error != NULL && (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new (SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_KEYRING,
                        _("The system keyring is not available, so Sluice cannot keep your sign-in. "
                          "Make sure a keyring service such as GNOME Keyring is running. (%s)"),
                        error->message);
  return g_error_new (SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_KEYRING,
                      _("The system keyring could not be used, so Sluice cannot keep your sign-in: %s"),
                      error ? error->message : _("unknown error"));
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
set_state (SluiceAccount      *self,
           SluiceAccountState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_string (SluiceAccount  *self,
            char          **field,
            const char     *value,
            int             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_tokens (SluiceAccount *self,
            SluiceTokens  *tokens)
{
  g_autofree char *email = NULL;

  g_clear_pointer (&self->tokens, sluice_tokens_free);
  self->tokens = tokens;

  if (tokens != NULL)
    {
      email = sluice_jwt_get_string_claim (tokens->id_token, "email");
      if (email == NULL)
        email = sluice_jwt_get_string_claim (tokens->access_token, "email");
      if (email == NULL)
        email = sluice_jwt_get_string_claim (tokens->access_token, "username");
    }

  set_string (self, &self->email, email, PROP_EMAIL);
}

static void
set_pending_sign_in (SluiceAccount *self,
                     SluiceSignIn  *sign_in)
{
  if (g_set_object (&self->pending_sign_in, sign_in))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_SIGN_IN]);
}

static const char *
token_of_kind (SluiceAccount          *self,
               SluiceDataallTokenKind  kind)
{
  if (kind == SLUICE_DATAALL_TOKEN_ID && self->tokens->id_token != NULL)
    return self->tokens->id_token;

  return self->tokens->access_token;
}

static SluiceDataallTokenKind
kind_to_send (SluiceAccount *self)
{
  /* data.all before 2.7 validated the raw ID token with Cognito's own authorizer. */
  return self->send_id_token ? SLUICE_DATAALL_TOKEN_ID : SLUICE_DATAALL_TOKEN_ACCESS;
}

static char *
keyring_label (SluiceAccount *self)
{
  return g_strdup_printf (_("Sluice sign-in to %s"), self->name ? self->name : self->api_url);
}

/* ------------------------------------------------------------------------ */
/* Storing tokens                                                           */
/* ------------------------------------------------------------------------ */

static void
store_tokens_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Keeps @tokens in memory and in the keyring; @task returns once the keyring has them. */
static void
store_tokens (SluiceAccount *self,
              SluiceTokens  *tokens,
              GTask         *task)
{
  g_autofree char *json = sluice_tokens_to_json (tokens);
  g_autofree char *label = keyring_label (self);

  set_tokens (self, tokens);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, json,
                         g_task_get_cancellable (task), store_tokens_cb, task,
                         "account", self->id,
                         NULL);
}

/* ------------------------------------------------------------------------ */
/* Sign-in with the browser                                                 */
/* ------------------------------------------------------------------------ */

typedef struct
{
  SluiceBrowserFunc browser;
  gpointer          browser_data;
} SignInData;

static void
signed_in_stored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluiceAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_tokens (self, NULL);
      set_state (self, SLUICE_ACCOUNT_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_state (self, SLUICE_ACCOUNT_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

static void
sign_in_run_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluiceAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  SluiceTokens *tokens;
  GTask *store;

  tokens = sluice_sign_in_run_finish (SLUICE_SIGN_IN (source), result, &error);
  set_pending_sign_in (self, NULL);

  if (tokens == NULL)
    {
      set_state (self, self->tokens ? SLUICE_ACCOUNT_SIGNED_IN : SLUICE_ACCOUNT_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  store = g_task_new (self, cancellable, signed_in_stored_cb, g_steal_pointer (&task));
  store_tokens (self, tokens, store);
}

static void
sign_in_discover_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluiceAccount *self = g_task_get_source_object (task);
  SignInData *data = g_task_get_task_data (task);
  g_autoptr(SluiceSignIn) sign_in = NULL;
  g_autoptr(GError) error = NULL;
  SluiceOAuthEndpoints *endpoints;
  GCancellable *cancellable;

  endpoints = sluice_oauth_endpoints_discover_finish (result, &error);
  if (endpoints == NULL)
    {
      set_state (self, self->tokens ? SLUICE_ACCOUNT_SIGNED_IN : SLUICE_ACCOUNT_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->endpoints, sluice_oauth_endpoints_free);
  self->endpoints = endpoints;

  sign_in = sluice_sign_in_new (self->session, self->endpoints, self->client_id, self->redirect_port);
  if (data->browser != NULL)
    sluice_sign_in_set_browser_func (sign_in, data->browser, data->browser_data, NULL);
  set_pending_sign_in (self, sign_in);

  cancellable = g_task_get_cancellable (task);
  sluice_sign_in_run_async (sign_in, cancellable, sign_in_run_cb, g_steal_pointer (&task));
}

/**
 * sluice_account_sign_in_async:
 * @self: a #SluiceAccount
 * @browser: (nullable): opens the sign-in page; %NULL for the system's web browser
 * @browser_data: data for @browser
 * @cancellable: (nullable): the user's Cancel
 * @callback: called when signed in, or not
 * @user_data: closure data
 *
 * Signs in through the browser (authorization code with PKCE and a loopback redirect) and keeps
 * the tokens in the keyring. While the browser is open, #SluiceAccount:pending-sign-in holds the
 * sign-in, whose address the UI can offer to copy.
 */
void
sluice_account_sign_in_async (SluiceAccount       *self,
                              SluiceBrowserFunc    browser,
                              gpointer             browser_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignInData *data;

  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_account_sign_in_async);

  if (!sluice_account_validate (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SignInData, 1);
  data->browser = browser;
  data->browser_data = browser_data;
  g_task_set_task_data (task, data, g_free);

  set_state (self, SLUICE_ACCOUNT_SIGNING_IN);
  sluice_oauth_endpoints_discover_async (self->session, self->provider, self->provider_url,
                                         cancellable, sign_in_discover_cb, g_steal_pointer (&task));
}

gboolean
sluice_account_sign_in_finish (SluiceAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Sign-in with a pasted token                                              */
/* ------------------------------------------------------------------------ */

/**
 * sluice_account_sign_in_with_token_async:
 * @self: a #SluiceAccount
 * @access_token: an access token an administrator pasted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is kept
 * @user_data: closure data
 *
 * The fallback for when no browser sign-in is possible. Such a sign-in cannot be renewed: it
 * ends when the token expires.
 */
void
sluice_account_sign_in_with_token_async (SluiceAccount       *self,
                                         const char          *access_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SluiceTokens *tokens;
  GTask *store;

  g_return_if_fail (SLUICE_IS_ACCOUNT (self));
  g_return_if_fail (access_token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_account_sign_in_with_token_async);

  tokens = sluice_tokens_new_from_access_token (access_token, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  store = g_task_new (self, cancellable, signed_in_stored_cb, g_steal_pointer (&task));
  store_tokens (self, tokens, store);
}

gboolean
sluice_account_sign_in_with_token_finish (SluiceAccount  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Restoring a sign-in from the keyring                                     */
/* ------------------------------------------------------------------------ */

static void
restore_lookup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluiceAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  char *json;
  SluiceTokens *tokens;

  json = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }

  tokens = json ? sluice_tokens_new_from_json (json, now_seconds (), &parse_error) : NULL;
  secret_password_free (json);

  /* An expired token that can be renewed still counts as signed in. */
  if (tokens != NULL &&
      (tokens->refresh_token != NULL || !sluice_tokens_expires_within (tokens, now_seconds (), 0)))
    {
      set_tokens (self, tokens);
      set_state (self, SLUICE_ACCOUNT_SIGNED_IN);
    }
  else
    {
      g_clear_pointer (&tokens, sluice_tokens_free);
      set_tokens (self, NULL);
      set_state (self, SLUICE_ACCOUNT_SIGNED_OUT);
    }

  g_task_return_boolean (task, self->state == SLUICE_ACCOUNT_SIGNED_IN);
}

/**
 * sluice_account_claim_restore:
 * @self: a #SluiceAccount
 *
 * Each account's sign-in is looked up in the keyring once, whichever window shows it first.
 *
 * Returns: %TRUE the first time only: the caller is then the one to call
 *   sluice_account_restore_async()
 */
gboolean
sluice_account_claim_restore (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), FALSE);

  if (self->restore_claimed)
    return FALSE;
  self->restore_claimed = TRUE;
  return TRUE;
}

/**
 * sluice_account_restore_async:
 * @self: a #SluiceAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with whether a usable sign-in was found
 * @user_data: closure data
 *
 * Looks the account's tokens up in the keyring. Never called before the first window is shown.
 */
void
sluice_account_restore_async (SluiceAccount       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_account_restore_async);

  secret_password_lookup (token_schema (), cancellable, restore_lookup_cb, task,
                          "account", self->id,
                          NULL);
}

gboolean
sluice_account_restore_finish (SluiceAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Tokens for requests, renewed when needed                                 */
/* ------------------------------------------------------------------------ */

static void
complete_refresh_waiters (SluiceAccount *self,
                          const GError  *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->refresh_waiters);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      SluiceDataallTokenKind kind = GPOINTER_TO_INT (g_task_get_task_data (task));

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_strdup (token_of_kind (self, kind)), g_free);
    }
}

static void
refresh_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SluiceAccount *self = user_data;
  g_autoptr(GError) error = NULL;

  /* The renewed token works even if the keyring could not keep it: say so in the log only. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not keep the renewed sign-in: %s", error->message);

  complete_refresh_waiters (self, NULL);
  g_object_unref (self);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SluiceAccount *self = user_data;
  g_autoptr(GError) error = NULL;
  SluiceTokens *tokens;
  GTask *store;

  tokens = sluice_oauth_refresh_finish (result, &error);
  if (tokens == NULL)
    {
      g_autoptr(GError) signed_out = NULL;

      if (error->domain == SLUICE_AUTH_ERROR && error->code == SLUICE_AUTH_ERROR_TOKEN_REQUEST)
        {
          /* The refresh token is dead: this sign-in is over. */
          set_tokens (self, NULL);
          set_state (self, SLUICE_ACCOUNT_SIGNED_OUT);
          signed_out = g_error_new (SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NOT_SIGNED_IN,
                                    _("Your sign-in to %s has ended. Sign in again."), self->name);
          complete_refresh_waiters (self, signed_out);
        }
      else
        complete_refresh_waiters (self, error);

      g_object_unref (self);
      return;
    }

  store = g_task_new (self, NULL, refresh_stored_cb, self);
  store_tokens (self, tokens, store);
}

static void
refresh_discover_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SluiceAccount *self = user_data;
  g_autoptr(GError) error = NULL;
  SluiceOAuthEndpoints *endpoints;

  endpoints = sluice_oauth_endpoints_discover_finish (result, &error);
  if (endpoints == NULL)
    {
      complete_refresh_waiters (self, error);
      g_object_unref (self);
      return;
    }

  g_clear_pointer (&self->endpoints, sluice_oauth_endpoints_free);
  self->endpoints = endpoints;
  sluice_oauth_refresh_async (self->session, self->endpoints, self->client_id,
                              self->tokens ? self->tokens->refresh_token : NULL,
                              NULL, refresh_cb, self);
}

static void
get_token (SluiceAccount          *self,
           SluiceDataallTokenKind  kind,
           gboolean                force_refresh,
           GTask                  *task)
{
  g_task_set_task_data (task, GINT_TO_POINTER (kind), NULL);

  if (self->tokens == NULL)
    {
      g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NOT_SIGNED_IN,
                               _("You are not signed in to %s."), self->name);
      g_object_unref (task);
      return;
    }

  if (!force_refresh && !sluice_tokens_expires_within (self->tokens, now_seconds (), REFRESH_MARGIN_SECONDS))
    {
      g_task_return_pointer (task, g_strdup (token_of_kind (self, kind)), g_free);
      g_object_unref (task);
      return;
    }

  if (self->tokens->refresh_token == NULL)
    {
      /* A pasted token cannot be renewed; use it until the server refuses it. */
      if (!force_refresh && !sluice_tokens_expires_within (self->tokens, now_seconds (), 0))
        g_task_return_pointer (task, g_strdup (token_of_kind (self, kind)), g_free);
      else
        {
          set_tokens (self, NULL);
          set_state (self, SLUICE_ACCOUNT_SIGNED_OUT);
          g_task_return_new_error (task, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NOT_SIGNED_IN,
                                   _("Your sign-in to %s has ended. Sign in again."), self->name);
        }
      g_object_unref (task);
      return;
    }

  if (self->refresh_waiters != NULL)
    {
      g_ptr_array_add (self->refresh_waiters, task);
      return;
    }

  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->refresh_waiters, task);

  /* The renewal is not cancelled with one caller: others may be waiting for it. */
  if (self->endpoints == NULL)
    sluice_oauth_endpoints_discover_async (self->session, self->provider, self->provider_url,
                                           NULL, refresh_discover_cb, g_object_ref (self));
  else
    sluice_oauth_refresh_async (self->session, self->endpoints, self->client_id,
                                self->tokens->refresh_token, NULL, refresh_cb, g_object_ref (self));
}

/**
 * sluice_account_get_token_async:
 * @self: a #SluiceAccount
 * @force_refresh: renew even if the token looks valid (after the API answered 403)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token
 * @user_data: closure data
 *
 * Gets the token to send to data.all (the access token, or the ID token for data.all before 2.7),
 * renewing it first when it expires within two minutes or when @force_refresh is set.
 * Concurrent callers share one renewal.
 */
void
sluice_account_get_token_async (SluiceAccount       *self,
                                gboolean             force_refresh,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_account_get_token_async);
  get_token (self, kind_to_send (self), force_refresh, task);
}

char *
sluice_account_get_token_finish (SluiceAccount  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* SluiceDataallTokenProvider                                               */
/* ------------------------------------------------------------------------ */

static void
provider_get_token_async (SluiceDataallTokenProvider *provider,
                          SluiceDataallTokenKind      kind,
                          const char                 *rejected_token,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  SluiceAccount *self = SLUICE_ACCOUNT (provider);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  gboolean force;

  g_task_set_source_tag (task, provider_get_token_async);

  /* Renew only if the refused token is the one held: another request may have renewed it. */
  force = rejected_token != NULL && self->tokens != NULL &&
          g_strcmp0 (rejected_token, token_of_kind (self, kind)) == 0;

  get_token (self, kind, force, task);
}

static char *
provider_get_token_finish (SluiceDataallTokenProvider  *provider,
                           GAsyncResult                *result,
                           GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *token = g_task_propagate_pointer (G_TASK (result), &local_error);

  /* To the client's callers, an ended sign-in is the API's "not signed in". */
  if (g_error_matches (local_error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NOT_SIGNED_IN))
    {
      g_propagate_error (error, sluice_dataall_error_new (SLUICE_DATAALL_ERROR_NOT_SIGNED_IN, NULL, 0, NULL,
                                                          local_error->message));
      return NULL;
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return token;
}

static void
token_provider_iface_init (SluiceDataallTokenProviderInterface *iface)
{
  iface->get_token_async = provider_get_token_async;
  iface->get_token_finish = provider_get_token_finish;
}

/* ------------------------------------------------------------------------ */
/* Sign-out                                                                 */
/* ------------------------------------------------------------------------ */

static void
sign_out_clear_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
revoke_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  /* Best effort: the tokens are already gone from this computer either way. */
}

/**
 * sluice_account_sign_out_async:
 * @self: a #SluiceAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the tokens are gone from the keyring
 * @user_data: closure data
 *
 * Forgets the sign-in here (memory and keyring) and asks the service to revoke the refresh token.
 */
void
sluice_account_sign_out_async (SluiceAccount       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_account_sign_out_async);

  if (self->tokens != NULL && self->tokens->refresh_token != NULL &&
      self->endpoints != NULL && self->endpoints->revocation != NULL)
    {
      g_autofree char *form = soup_form_encode ("token", self->tokens->refresh_token,
                                                "client_id", self->client_id,
                                                NULL);
      g_autoptr(SoupMessage) msg = soup_message_new_from_encoded_form ("POST", self->endpoints->revocation,
                                                                       g_steal_pointer (&form));

      if (msg != NULL)
        soup_session_send_and_read_async (self->session, msg, G_PRIORITY_LOW, NULL, revoke_cb, NULL);
    }

  set_tokens (self, NULL);
  set_state (self, SLUICE_ACCOUNT_SIGNED_OUT);

  secret_password_clear (token_schema (), cancellable, sign_out_clear_cb, task,
                         "account", self->id,
                         NULL);
}

gboolean
sluice_account_sign_out_finish (SluiceAccount  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
sluice_account_dispose (GObject *object)
{
  SluiceAccount *self = SLUICE_ACCOUNT (object);

  g_clear_object (&self->pending_sign_in);
  g_clear_object (&self->session);
  if (self->client != NULL)
    sluice_dataall_client_set_token_provider (self->client, NULL);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sluice_account_parent_class)->dispose (object);
}

static void
sluice_account_finalize (GObject *object)
{
  SluiceAccount *self = SLUICE_ACCOUNT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->api_url);
  g_free (self->provider_url);
  g_free (self->client_id);
  g_free (self->aws_endpoint);
  g_free (self->email);
  g_clear_pointer (&self->tokens, sluice_tokens_free);
  g_clear_pointer (&self->endpoints, sluice_oauth_endpoints_free);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_account_parent_class)->finalize (object);
}

static void
sluice_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SluiceAccount *self = SLUICE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_API_URL:
      g_value_set_string (value, self->api_url);
      break;

    case PROP_PROVIDER:
      g_value_set_int (value, self->provider);
      break;

    case PROP_PROVIDER_URL:
      g_value_set_string (value, self->provider_url);
      break;

    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;

    case PROP_REDIRECT_PORT:
      g_value_set_uint (value, self->redirect_port);
      break;

    case PROP_AWS_ENDPOINT:
      g_value_set_string (value, self->aws_endpoint);
      break;

    case PROP_SEND_ID_TOKEN:
      g_value_set_boolean (value, self->send_id_token);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_PENDING_SIGN_IN:
      g_value_set_object (value, self->pending_sign_in);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SluiceAccount *self = SLUICE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      sluice_account_set_name (self, g_value_get_string (value));
      break;

    case PROP_API_URL:
      sluice_account_set_api_url (self, g_value_get_string (value));
      break;

    case PROP_PROVIDER:
      sluice_account_set_provider (self, g_value_get_int (value));
      break;

    case PROP_PROVIDER_URL:
      sluice_account_set_provider_url (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_ID:
      sluice_account_set_client_id (self, g_value_get_string (value));
      break;

    case PROP_REDIRECT_PORT:
      sluice_account_set_redirect_port (self, g_value_get_uint (value));
      break;

    case PROP_AWS_ENDPOINT:
      sluice_account_set_aws_endpoint (self, g_value_get_string (value));
      break;

    case PROP_SEND_ID_TOKEN:
      sluice_account_set_send_id_token (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_account_class_init (SluiceAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sluice_account_dispose;
  object_class->finalize = sluice_account_finalize;
  object_class->get_property = sluice_account_get_property;
  object_class->set_property = sluice_account_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_API_URL] = g_param_spec_string ("api-url", NULL, NULL, NULL, rw);
  properties[PROP_PROVIDER] =
    g_param_spec_int ("provider", NULL, NULL,
                      SLUICE_SIGN_IN_PROVIDER_COGNITO, SLUICE_SIGN_IN_PROVIDER_OIDC,
                      SLUICE_SIGN_IN_PROVIDER_COGNITO, rw);
  properties[PROP_PROVIDER_URL] = g_param_spec_string ("provider-url", NULL, NULL, NULL, rw);
  properties[PROP_CLIENT_ID] = g_param_spec_string ("client-id", NULL, NULL, NULL, rw);
  properties[PROP_REDIRECT_PORT] =
    g_param_spec_uint ("redirect-port", NULL, NULL, 0, G_MAXUINT16, SLUICE_DEFAULT_REDIRECT_PORT, rw);
  properties[PROP_AWS_ENDPOINT] = g_param_spec_string ("aws-endpoint", NULL, NULL, NULL, rw);
  properties[PROP_SEND_ID_TOKEN] = g_param_spec_boolean ("send-id-token", NULL, NULL, FALSE, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ro);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, SLUICE_ACCOUNT_SIGNED_OUT, SLUICE_ACCOUNT_SIGNED_IN,
                      SLUICE_ACCOUNT_SIGNED_OUT, ro);
  properties[PROP_PENDING_SIGN_IN] =
    g_param_spec_object ("pending-sign-in", NULL, NULL, SLUICE_TYPE_SIGN_IN, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_account_init (SluiceAccount *self)
{
  self->redirect_port = SLUICE_DEFAULT_REDIRECT_PORT;
  self->session = soup_session_new_with_options ("user-agent", "Sluice/" PACKAGE_VERSION,
                                                 "timeout", 30,
                                                 NULL);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * sluice_account_new:
 * @id: (nullable): the account's id, or %NULL for a new one
 *
 * Returns: (transfer full): a new, signed-out account
 */
SluiceAccount *
sluice_account_new (const char *id)
{
  g_autofree char *new_id = id ? NULL : g_uuid_string_random ();

  return g_object_new (SLUICE_TYPE_ACCOUNT,
                       "id", id ? id : new_id,
                       NULL);
}

#define STRING_ACCESSORS(field, prop)                                        \
  const char *                                                               \
  sluice_account_get_##field (SluiceAccount *self)                           \
  {                                                                          \
    g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), NULL);                   \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  sluice_account_set_##field (SluiceAccount *self,                           \
                              const char    *value)                          \
  {                                                                          \
    g_return_if_fail (SLUICE_IS_ACCOUNT (self));                             \
    set_string (self, &self->field, value, prop);                            \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (api_url, PROP_API_URL)
STRING_ACCESSORS (provider_url, PROP_PROVIDER_URL)
STRING_ACCESSORS (client_id, PROP_CLIENT_ID)
STRING_ACCESSORS (aws_endpoint, PROP_AWS_ENDPOINT)

#undef STRING_ACCESSORS

const char *
sluice_account_get_id (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), NULL);

  return self->id;
}

SluiceSignInProvider
sluice_account_get_provider (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), SLUICE_SIGN_IN_PROVIDER_COGNITO);

  return self->provider;
}

void
sluice_account_set_provider (SluiceAccount        *self,
                             SluiceSignInProvider  provider)
{
  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  if (self->provider == provider)
    return;

  self->provider = provider;
  g_clear_pointer (&self->endpoints, sluice_oauth_endpoints_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER]);
}

guint
sluice_account_get_redirect_port (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), 0);

  return self->redirect_port;
}

void
sluice_account_set_redirect_port (SluiceAccount *self,
                                  guint          port)
{
  g_return_if_fail (SLUICE_IS_ACCOUNT (self));
  g_return_if_fail (port <= G_MAXUINT16);

  if (self->redirect_port == port)
    return;

  self->redirect_port = port;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDIRECT_PORT]);
}

gboolean
sluice_account_get_send_id_token (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), FALSE);

  return self->send_id_token;
}

void
sluice_account_set_send_id_token (SluiceAccount *self,
                                  gboolean       send_id_token)
{
  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  send_id_token = !!send_id_token;
  if (self->send_id_token == send_id_token)
    return;

  self->send_id_token = send_id_token;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEND_ID_TOKEN]);
}

const char *
sluice_account_get_email (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), NULL);

  return self->email;
}

SluiceAccountState
sluice_account_get_state (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), SLUICE_ACCOUNT_SIGNED_OUT);

  return self->state;
}

/**
 * sluice_account_get_pending_sign_in:
 * @self: a #SluiceAccount
 *
 * Returns: (transfer none) (nullable): the browser sign-in under way
 */
SluiceSignIn *
sluice_account_get_pending_sign_in (SluiceAccount *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), NULL);

  return self->pending_sign_in;
}

/**
 * sluice_account_dup_graphql_url:
 * @self: a #SluiceAccount
 *
 * Returns: (transfer full) (nullable): `<api>/graphql/api`
 */
char *
sluice_account_dup_graphql_url (SluiceAccount *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), NULL);

  base = sluice_check_web_address (self->api_url, NULL);
  if (base == NULL)
    return NULL;

  return g_strconcat (base, "/graphql/api", NULL);
}

/**
 * sluice_account_get_client:
 * @self: a #SluiceAccount
 *
 * The client for this account's data.all, which asks the account for its tokens. It follows
 * later changes of the API URL and of the ID-token setting.
 *
 * Returns: (transfer none): the account's data.all client
 */
SluiceDataallClient *
sluice_account_get_client (SluiceAccount *self)
{
  g_autofree char *api = NULL;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), NULL);

  api = sluice_check_web_address (self->api_url, NULL);

  if (self->client != NULL &&
      g_strcmp0 (sluice_dataall_client_get_api_url (self->client), api ? api : "") != 0)
    {
      sluice_dataall_client_set_token_provider (self->client, NULL);
      g_clear_object (&self->client);
    }

  if (self->client == NULL)
    {
      self->client = sluice_dataall_client_new (api ? api : "");
      /* The client holds its token provider weakly: no reference cycle. */
      sluice_dataall_client_set_token_provider (self->client, SLUICE_DATAALL_TOKEN_PROVIDER (self));
    }

  sluice_dataall_client_set_id_token_auth (self->client, self->send_id_token);

  return self->client;
}

/**
 * sluice_account_validate:
 * @self: a #SluiceAccount
 * @error: return location for a sentence naming the setting to fix
 *
 * Returns: whether the account has what a sign-in needs
 */
gboolean
sluice_account_validate (SluiceAccount  *self,
                         GError        **error)
{
  g_autofree char *api = NULL;
  g_autofree char *provider = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (self), FALSE);

  if ((api = sluice_check_web_address (self->api_url, &local_error)) == NULL)
    {
      g_set_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_SETTING,
                   _("API URL: %s"), local_error->message);
      return FALSE;
    }

  if ((provider = sluice_check_web_address (self->provider_url, &local_error)) == NULL)
    {
      g_set_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_SETTING,
                   self->provider == SLUICE_SIGN_IN_PROVIDER_COGNITO ? _("Cognito domain: %s") : _("Issuer URL: %s"),
                   local_error->message);
      return FALSE;
    }

  if (self->client_id == NULL || *self->client_id == '\0')
    {
      g_set_error_literal (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_SETTING,
                           _("Client ID: enter the client ID of data.all’s web app."));
      return FALSE;
    }

  return TRUE;
}

void
sluice_account_save_to_key_file (SluiceAccount *self,
                                 GKeyFile      *key_file)
{
  g_autofree char *group = NULL;

  g_return_if_fail (SLUICE_IS_ACCOUNT (self));

  group = g_strconcat ("Account ", self->id, NULL);
  g_key_file_set_string (key_file, group, "Name", self->name ? self->name : "");
  g_key_file_set_string (key_file, group, "ApiUrl", self->api_url ? self->api_url : "");
  g_key_file_set_string (key_file, group, "Provider",
                         self->provider == SLUICE_SIGN_IN_PROVIDER_OIDC ? "oidc" : "cognito");
  g_key_file_set_string (key_file, group, "ProviderUrl", self->provider_url ? self->provider_url : "");
  g_key_file_set_string (key_file, group, "ClientId", self->client_id ? self->client_id : "");
  g_key_file_set_uint64 (key_file, group, "RedirectPort", self->redirect_port);
  g_key_file_set_string (key_file, group, "AwsEndpoint", self->aws_endpoint ? self->aws_endpoint : "");
  g_key_file_set_boolean (key_file, group, "SendIdToken", self->send_id_token);
}

/**
 * sluice_account_new_from_key_file:
 * @key_file: a key file written by sluice_account_save_to_key_file()
 * @group: a group named `Account <id>`
 *
 * Returns: (transfer full) (nullable): the account, signed out until restored
 */
SluiceAccount *
sluice_account_new_from_key_file (GKeyFile   *key_file,
                                  const char *group)
{
  g_autoptr(SluiceAccount) self = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *name = NULL;
  g_autofree char *api_url = NULL;
  g_autofree char *provider_url = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *aws_endpoint = NULL;
  guint64 port;

  if (!g_str_has_prefix (group, "Account ") || group[8] == '\0')
    return NULL;

  self = sluice_account_new (group + 8);
  name = g_key_file_get_string (key_file, group, "Name", NULL);
  api_url = g_key_file_get_string (key_file, group, "ApiUrl", NULL);
  provider = g_key_file_get_string (key_file, group, "Provider", NULL);
  provider_url = g_key_file_get_string (key_file, group, "ProviderUrl", NULL);
  client_id = g_key_file_get_string (key_file, group, "ClientId", NULL);
  aws_endpoint = g_key_file_get_string (key_file, group, "AwsEndpoint", NULL);
  port = g_key_file_get_uint64 (key_file, group, "RedirectPort", NULL);

  sluice_account_set_name (self, name);
  sluice_account_set_api_url (self, api_url);
  sluice_account_set_provider (self, g_strcmp0 (provider, "oidc") == 0 ? SLUICE_SIGN_IN_PROVIDER_OIDC
                                                                       : SLUICE_SIGN_IN_PROVIDER_COGNITO);
  sluice_account_set_provider_url (self, provider_url);
  sluice_account_set_client_id (self, client_id);
  sluice_account_set_redirect_port (self, port > 0 && port <= G_MAXUINT16 ? (guint) port : SLUICE_DEFAULT_REDIRECT_PORT);
  sluice_account_set_aws_endpoint (self, aws_endpoint && *aws_endpoint ? aws_endpoint : NULL);
  sluice_account_set_send_id_token (self, g_key_file_get_boolean (key_file, group, "SendIdToken", NULL));

  return g_steal_pointer (&self);
}
