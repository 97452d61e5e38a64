/* sluice-dataall-auth.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SLUICE_AUTH_ERROR (sluice_auth_error_quark ())

typedef enum
{
  SLUICE_AUTH_ERROR_DISCOVERY,       /* the provider's endpoints could not be found */
  SLUICE_AUTH_ERROR_PORT_IN_USE,     /* the loopback redirect port is taken */
  SLUICE_AUTH_ERROR_BROWSER,         /* the browser could not be opened */
  SLUICE_AUTH_ERROR_STATE_MISMATCH,  /* the redirect did not carry our state */
  SLUICE_AUTH_ERROR_DENIED,          /* the provider answered with an error (access_denied...) */
  SLUICE_AUTH_ERROR_TOKEN_REQUEST,   /* the token endpoint refused (invalid_grant...) */
  SLUICE_AUTH_ERROR_INVALID_TOKEN,   /* a token that is not a JWT, or has expired */
  SLUICE_AUTH_ERROR_NETWORK,         /* the provider could not be reached */
  SLUICE_AUTH_ERROR_NOT_SIGNED_IN,   /* no tokens, or they expired and cannot be renewed */
  SLUICE_AUTH_ERROR_KEYRING,         /* the system keyring could not be used */
  SLUICE_AUTH_ERROR_INVALID_SETTING, /* an account setting is missing or malformed */
} SluiceAuthError;

typedef enum
{
  SLUICE_SIGN_IN_PROVIDER_COGNITO,   /* a Cognito domain: https://<domain>/oauth2/... */
  SLUICE_SIGN_IN_PROVIDER_OIDC,      /* an OIDC issuer with a discovery document */
} SluiceSignInProvider;

/* ------------------------------------------------------------------------ */

#define SLUICE_TYPE_TOKENS (sluice_tokens_get_type ())

typedef struct
{
  char   *access_token;
  char   *id_token;
  char   *refresh_token;
  gint64  expires_at;      /* Unix time in seconds; 0 when unknown */
} SluiceTokens;

GType         sluice_tokens_get_type            (void) G_GNUC_CONST;
SluiceTokens *sluice_tokens_copy                (const SluiceTokens  *tokens);
void          sluice_tokens_free                (SluiceTokens        *tokens);
SluiceTokens *sluice_tokens_new_from_json       (const char          *json,
                                                 gint64               now,
                                                 GError             **error);
char         *sluice_tokens_to_json             (const SluiceTokens  *tokens);
SluiceTokens *sluice_tokens_new_from_access_token (const char        *access_token,
                                                 GError             **error);
gboolean      sluice_tokens_expires_within      (const SluiceTokens  *tokens,
                                                 gint64               now,
                                                 gint64               seconds);
char         *sluice_jwt_get_string_claim       (const char          *jwt,
                                                 const char          *claim);
gint64        sluice_jwt_get_int_claim          (const char          *jwt,
                                                 const char          *claim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceTokens, sluice_tokens_free)

/* ------------------------------------------------------------------------ */

#define SLUICE_TYPE_OAUTH_ENDPOINTS (sluice_oauth_endpoints_get_type ())

typedef struct
{
  char *authorization;
  char *token;
  char *userinfo;
  char *revocation;      /* nullable */
} SluiceOAuthEndpoints;

GType                 sluice_oauth_endpoints_get_type      (void) G_GNUC_CONST;
SluiceOAuthEndpoints *sluice_oauth_endpoints_copy          (const SluiceOAuthEndpoints *endpoints);
void                  sluice_oauth_endpoints_free          (SluiceOAuthEndpoints       *endpoints);
SluiceOAuthEndpoints *sluice_oauth_endpoints_new_cognito   (const char                 *domain,
                                                            GError                    **error);
SluiceOAuthEndpoints *sluice_oauth_endpoints_new_from_discovery (const char            *json,
                                                            GError                    **error);
void                  sluice_oauth_endpoints_discover_async  (SoupSession              *session,
                                                            SluiceSignInProvider        provider,
                                                            const char                 *provider_url,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
SluiceOAuthEndpoints *sluice_oauth_endpoints_discover_finish (GAsyncResult             *result,
                                                            GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceOAuthEndpoints, sluice_oauth_endpoints_free)

/* ------------------------------------------------------------------------ */

char *sluice_pkce_new_verifier   (void);
char *sluice_pkce_challenge      (const char *verifier);
char *sluice_oauth_random_string (gsize       n_bytes);
char *sluice_oauth_redirect_uri  (guint       port);
char *sluice_check_web_address   (const char  *text,
                                  GError     **error);

/* ------------------------------------------------------------------------ */

/**
 * SluiceBrowserFunc:
 * @uri: the authorization URI to open
 * @user_data: closure data
 * @error: return location for an error
 *
 * Opens @uri in the user's browser. The default opens the system's web browser through
 * g_app_info_launch_default_for_uri().
 */
typedef gboolean (*SluiceBrowserFunc) (const char  *uri,
                                       gpointer     user_data,
                                       GError     **error);

#define SLUICE_TYPE_SIGN_IN (sluice_sign_in_get_type())

G_DECLARE_FINAL_TYPE (SluiceSignIn, sluice_sign_in, SLUICE, SIGN_IN, GObject)

SluiceSignIn *sluice_sign_in_new               (SoupSession                *session,
                                                const SluiceOAuthEndpoints *endpoints,
                                                const char                 *client_id,
                                                guint                       port);
void          sluice_sign_in_set_browser_func  (SluiceSignIn               *self,
                                                SluiceBrowserFunc           func,
                                                gpointer                    user_data,
                                                GDestroyNotify              destroy);
const char   *sluice_sign_in_get_authorize_uri (SluiceSignIn               *self);
guint         sluice_sign_in_get_port          (SluiceSignIn               *self);
gboolean      sluice_sign_in_open_browser      (SluiceSignIn               *self,
                                                GError                    **error);
void          sluice_sign_in_run_async         (SluiceSignIn               *self,
                                                GCancellable               *cancellable,
                                                GAsyncReadyCallback         callback,
                                                gpointer                    user_data);
SluiceTokens *sluice_sign_in_run_finish        (SluiceSignIn               *self,
                                                GAsyncResult               *result,
                                                GError                    **error);

void          sluice_oauth_refresh_async       (SoupSession                *session,
                                                const SluiceOAuthEndpoints *endpoints,
                                                const char                 *client_id,
                                                const char                 *refresh_token,
                                                GCancellable               *cancellable,
                                                GAsyncReadyCallback         callback,
                                                gpointer                    user_data);
SluiceTokens *sluice_oauth_refresh_finish      (GAsyncResult               *result,
                                                GError                    **error);

GQuark        sluice_auth_error_quark          (void);

G_END_DECLS
