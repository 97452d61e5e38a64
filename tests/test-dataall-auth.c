/* test-dataall-auth.c
 *
 * The sign-in building blocks that need no server: PKCE, tokens, JWT claims, endpoints, and the
 * accounts key file.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sluice-account-manager.h"
#include "sluice-dataall-auth.h"
#include "sluice-test-core-utils.h"

/* A JWT with the given payload and a dummy signature: the client never checks signatures. */
static char *
make_jwt (const char *payload_json)
{
  g_autofree char *header = g_base64_encode ((const guchar *) "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", 27);
  g_autofree char *payload = g_base64_encode ((const guchar *) payload_json, strlen (payload_json));

  /* base64url without padding */
  g_strdelimit (header, "+", '-');
  g_strdelimit (header, "/", '_');
  g_strdelimit (payload, "+", '-');
  g_strdelimit (payload, "/", '_');
  g_strdelimit (header, "=", '\0');
  g_strdelimit (payload, "=", '\0');

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", header, payload);
}

static void
test_pkce_rfc7636_vector (void)
{
  /* RFC 7636, Appendix B. */
  g_autofree char *challenge = sluice_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void
test_pkce_verifier (void)
{
  g_autofree char *a = sluice_pkce_new_verifier ();
  g_autofree char *b = sluice_pkce_new_verifier ();

  /* 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1), and never the same twice. */
  g_assert_cmpuint (strlen (a), ==, 43);
  g_assert_cmpstr (a, !=, b);
  for (const char *p = a; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
}

static void
test_redirect_uri (void)
{
  g_autofree char *uri = sluice_oauth_redirect_uri (8400);

  g_assert_cmpstr (uri, ==, "http://localhost:8400/callback");
}

static void
test_jwt_claims (void)
{
  g_autofree char *jwt = make_jwt ("{\"email\":\"ana@example.com\",\"exp\":2000000000,\"n\":\"é\"}");
  g_autofree char *email = sluice_jwt_get_string_claim (jwt, "email");
  g_autofree char *missing = sluice_jwt_get_string_claim (jwt, "sub");
  g_autofree char *garbage = sluice_jwt_get_string_claim ("not-a-jwt", "email");

  g_assert_cmpstr (email, ==, "ana@example.com");
  g_assert_null (missing);
  g_assert_null (garbage);
  g_assert_cmpint (sluice_jwt_get_int_claim (jwt, "exp"), ==, 2000000000);
  g_assert_cmpint (sluice_jwt_get_int_claim ("a.b.c", "exp"), ==, 0);
}

static void
test_tokens_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTokens) tokens = NULL;
  g_autoptr(SluiceTokens) again = NULL;
  g_autofree char *json = NULL;

  tokens = sluice_tokens_new_from_json ("{\"access_token\":\"A\",\"id_token\":\"I\",\"refresh_token\":\"R\","
                                        "\"expires_in\":3600,\"token_type\":\"Bearer\"}",
                                        1000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tokens->access_token, ==, "A");
  g_assert_cmpstr (tokens->id_token, ==, "I");
  g_assert_cmpstr (tokens->refresh_token, ==, "R");
  g_assert_cmpint (tokens->expires_at, ==, 4600);

  json = sluice_tokens_to_json (tokens);
  again = sluice_tokens_new_from_json (json, 99999, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->access_token, ==, "A");
  g_assert_cmpstr (again->refresh_token, ==, "R");
  g_assert_cmpint (again->expires_at, ==, 4600);

  g_assert_true (sluice_tokens_expires_within (again, 4500, 120));
  g_assert_false (sluice_tokens_expires_within (again, 4000, 120));
}

static void
test_tokens_bad_json (void)
{
  const char *bad[] = { "", "[]", "{\"id_token\":\"x\"}", "{\"access_token\":\"\"}", "{", NULL };

  for (guint i = 0; bad[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SluiceTokens) tokens = sluice_tokens_new_from_json (bad[i], 0, &error);

      g_assert_null (tokens);
      g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_TOKEN_REQUEST);
    }
}

static void
test_pasted_token (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = make_jwt ("{\"email\":\"ana@example.com\",\"exp\":4000000000}");
  g_autofree char *expired = make_jwt ("{\"exp\":1000}");
  g_autofree char *with_bearer = g_strconcat ("  Bearer ", valid, "\n", NULL);
  g_autoptr(SluiceTokens) tokens = NULL;
  g_autoptr(SluiceTokens) none = NULL;

  tokens = sluice_tokens_new_from_access_token (with_bearer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tokens->access_token, ==, valid);
  g_assert_null (tokens->refresh_token);
  g_assert_cmpint (tokens->expires_at, ==, 4000000000);

  none = sluice_tokens_new_from_access_token (expired, &error);
  g_assert_null (none);
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_TOKEN);
  g_clear_error (&error);

  none = sluice_tokens_new_from_access_token ("hello", &error);
  g_assert_null (none);
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_TOKEN);
}

static void
test_cognito_endpoints (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceOAuthEndpoints) e = sluice_oauth_endpoints_new_cognito ("dataall.auth.eu-west-1.amazoncognito.com/", &error);
  g_autoptr(SluiceOAuthEndpoints) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (e->authorization, ==, "https://dataall.auth.eu-west-1.amazoncognito.com/oauth2/authorize");
  g_assert_cmpstr (e->token, ==, "https://dataall.auth.eu-west-1.amazoncognito.com/oauth2/token");
  g_assert_cmpstr (e->userinfo, ==, "https://dataall.auth.eu-west-1.amazoncognito.com/oauth2/userInfo");

  none = sluice_oauth_endpoints_new_cognito ("", &error);
  g_assert_null (none);
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY);
}

static void
test_discovery_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceOAuthEndpoints) e = NULL;

  e = sluice_oauth_endpoints_new_from_discovery ("{\"issuer\":\"https://idp\",\"authorization_endpoint\":\"https://idp/a\","
                                                 "\"token_endpoint\":\"https://idp/t\",\"userinfo_endpoint\":\"https://idp/u\"}",
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e->authorization, ==, "https://idp/a");
  g_assert_cmpstr (e->token, ==, "https://idp/t");
  g_assert_null (e->revocation);
  g_clear_pointer (&e, sluice_oauth_endpoints_free);

  e = sluice_oauth_endpoints_new_from_discovery ("{\"issuer\":\"https://idp\"}", &error);
  g_assert_null (e);
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY);
}

static void
test_web_address (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = sluice_check_web_address ("  api.example.com/prod/ ", &error);
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "https://api.example.com/prod");

  b = sluice_check_web_address ("ftp://x", &error);
  g_assert_null (b);
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_SETTING);
}

static void
test_account_validate (void)
{
  g_autoptr(SluiceAccount) account = sluice_account_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *graphql = NULL;

  g_assert_false (sluice_account_validate (account, &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_SETTING);
  g_assert_true (g_str_has_prefix (error->message, "API URL"));
  g_clear_error (&error);

  sluice_account_set_api_url (account, "https://abc.execute-api.eu-west-1.amazonaws.com/prod/");
  sluice_account_set_provider_url (account, "dataall.auth.eu-west-1.amazoncognito.com");
  g_assert_false (sluice_account_validate (account, &error));
  g_assert_true (g_str_has_prefix (error->message, "Client ID"));
  g_clear_error (&error);

  sluice_account_set_client_id (account, "abc123");
  g_assert_true (sluice_account_validate (account, &error));
  g_assert_no_error (error);

  graphql = sluice_account_dup_graphql_url (account);
  g_assert_cmpstr (graphql, ==, "https://abc.execute-api.eu-west-1.amazonaws.com/prod/graphql/api");
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_account_notify (void)
{
  g_autoptr(SluiceAccount) account = sluice_account_new ("id1");
  guint count = 0;

  g_signal_connect (account, "notify::name", G_CALLBACK (notify_count_cb), &count);
  sluice_account_set_name (account, "Prod");
  g_assert_cmpuint (count, ==, 1);
  sluice_account_set_name (account, "Prod");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (sluice_account_get_state (account), ==, SLUICE_ACCOUNT_SIGNED_OUT);
  g_assert_cmpuint (sluice_account_get_redirect_port (account), ==, SLUICE_DEFAULT_REDIRECT_PORT);
}

/* The keyring is asked once per account, whichever window shows it first. */
static void
test_account_claim_restore (void)
{
  SluiceAccount *account = sluice_account_new ("id1");
  g_autoptr(SluiceAccount) other = sluice_account_new ("id2");

  g_assert_true (sluice_account_claim_restore (account));
  g_assert_false (sluice_account_claim_restore (account));
  g_assert_false (sluice_account_claim_restore (account));
  g_assert_true (sluice_account_claim_restore (other));
  g_assert_finalize_object (account);
}

static void
test_accounts_survive_restart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-accounts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "accounts.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  GStatBuf st;

  {
    g_autoptr(SluiceAccountManager) manager = sluice_account_manager_new (path);
    g_autoptr(SluiceAccount) prod = sluice_account_new (NULL);
    g_autoptr(SluiceAccount) dev = sluice_account_new (NULL);

    g_assert_true (sluice_account_manager_load (manager, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);

    sluice_account_set_name (prod, "Production");
    sluice_account_set_api_url (prod, "https://api.example.com/prod");
    sluice_account_set_provider (prod, SLUICE_SIGN_IN_PROVIDER_OIDC);
    sluice_account_set_provider_url (prod, "https://login.example.com");
    sluice_account_set_client_id (prod, "client-1");
    sluice_account_set_redirect_port (prod, 9123);
    sluice_account_set_aws_endpoint (prod, "http://127.0.0.1:9000");
    sluice_account_set_send_id_token (prod, TRUE);

    sluice_account_set_name (dev, "Development");
    sluice_account_set_api_url (dev, "https://dev.example.com");

    sluice_account_manager_add (manager, dev);
    sluice_account_manager_add (manager, prod);
    sluice_account_manager_set_active (manager, prod);
    g_assert_true (sluice_account_manager_save (manager, &error));
    g_assert_no_error (error);
  }

  /* Readable by the user only: it says where the user signs in. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autoptr(SluiceAccountManager) manager = sluice_account_manager_new (path);
    SluiceAccount *active;

    g_assert_true (sluice_account_manager_load (manager, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 2);

    active = sluice_account_manager_get_active (manager);
    g_assert_nonnull (active);
    g_assert_cmpstr (sluice_account_get_name (active), ==, "Production");
    g_assert_cmpstr (sluice_account_get_api_url (active), ==, "https://api.example.com/prod");
    g_assert_cmpint (sluice_account_get_provider (active), ==, SLUICE_SIGN_IN_PROVIDER_OIDC);
    g_assert_cmpstr (sluice_account_get_provider_url (active), ==, "https://login.example.com");
    g_assert_cmpstr (sluice_account_get_client_id (active), ==, "client-1");
    g_assert_cmpuint (sluice_account_get_redirect_port (active), ==, 9123);
    g_assert_cmpstr (sluice_account_get_aws_endpoint (active), ==, "http://127.0.0.1:9000");
    g_assert_true (sluice_account_get_send_id_token (active));
    g_assert_true (active == sluice_account_manager_find_by_api_url (manager, "api.example.com/prod/"));

    /* Removing the active account makes another one active. */
    sluice_account_manager_remove (manager, active);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
    g_assert_cmpstr (sluice_account_get_name (sluice_account_manager_get_active (manager)), ==, "Development");
  }

  g_unlink (path);
  sub = g_path_get_dirname (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_accounts_unreadable_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-accounts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr(SluiceAccountManager) manager = sluice_account_manager_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "this is [not a key file", -1, NULL));
  g_assert_false (sluice_account_manager_load (manager, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/auth/pkce/rfc7636-vector", test_pkce_rfc7636_vector);
  g_test_add_func ("/sluice/auth/pkce/verifier", test_pkce_verifier);
  g_test_add_func ("/sluice/auth/redirect-uri", test_redirect_uri);
  g_test_add_func ("/sluice/auth/jwt-claims", test_jwt_claims);
  g_test_add_func ("/sluice/auth/tokens/json-round-trip", test_tokens_json_round_trip);
  g_test_add_func ("/sluice/auth/tokens/bad-json", test_tokens_bad_json);
  g_test_add_func ("/sluice/auth/tokens/pasted", test_pasted_token);
  g_test_add_func ("/sluice/auth/endpoints/cognito", test_cognito_endpoints);
  g_test_add_func ("/sluice/auth/endpoints/discovery", test_discovery_document);
  g_test_add_func ("/sluice/auth/web-address", test_web_address);
  g_test_add_func ("/sluice/account/validate", test_account_validate);
  g_test_add_func ("/sluice/account/notify", test_account_notify);
  g_test_add_func ("/sluice/account/claim-restore", test_account_claim_restore);
  g_test_add_func ("/sluice/account-manager/survives-restart", test_accounts_survive_restart);
  g_test_add_func ("/sluice/account-manager/unreadable-file", test_accounts_unreadable_file);

  return g_test_run ();
}
