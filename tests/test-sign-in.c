/* test-sign-in.c
 *
 * Signing in to the emulator end to end: PKCE through a stand-in browser, the loopback
 * redirect, tokens kept in the real (private) gnome-keyring, renewal and sign-out.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

typedef struct
{
  SluiceTestEmulator *emulator;
  SluiceAccount      *account;
  SoupSession        *browser_session;
  GMainLoop          *loop;
  GAsyncResult       *result;
  char               *tamper;       /* what the stand-in browser does instead of following */
  guint               browser_opened;
} Fixture;

/* The stand-in browser: it loads the page, and the emulator (started with --auto-approve)
 * redirects it to Sluice's loopback address, as a person approving in a browser would. */
static void
browser_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
}

static gboolean
stand_in_browser (const char  *uri,
                  gpointer     user_data,
                  GError     **error)
{
  Fixture *fixture = user_data;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  const char *redirect = g_hash_table_lookup (params, "redirect_uri");
  const char *state = g_hash_table_lookup (params, "state");
  g_autofree char *target = NULL;

  fixture->browser_opened++;

  g_assert_cmpstr (g_hash_table_lookup (params, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (params, "response_type"), ==, "code");
  g_assert_true (g_str_has_prefix (redirect, "http://localhost:"));
  g_assert_true (g_str_has_suffix (redirect, "/callback"));

  if (g_strcmp0 (fixture->tamper, "nothing") == 0)
    return TRUE;
  if (g_strcmp0 (fixture->tamper, "fail") == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no browser here");
      return FALSE;
    }
  if (g_strcmp0 (fixture->tamper, "wrong-state") == 0)
    target = g_strdup_printf ("%s?code=forged&state=not-%s", redirect, state);
  else if (g_strcmp0 (fixture->tamper, "denied") == 0)
    target = g_strdup_printf ("%s?error=access_denied&error_description=User+said+no&state=%s", redirect, state);
  else
    target = g_strdup (uri);

  msg = soup_message_new ("GET", target);
  soup_session_send_and_read_async (fixture->browser_session, msg, G_PRIORITY_DEFAULT, NULL,
                                    browser_loaded_cb, NULL);
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[] = { "--auto-approve", "engineer@example.com", "--token-ttl", data ? data : "3600", NULL };
  g_autoptr(GError) error = NULL;

  fixture->emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);

  fixture->account = sluice_account_new (NULL);
  sluice_account_set_name (fixture->account, "Emulator");
  sluice_account_set_api_url (fixture->account, sluice_test_emulator_get_url (fixture->emulator));
  sluice_account_set_provider (fixture->account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (fixture->account, sluice_test_emulator_get_oauth (fixture->emulator));
  sluice_account_set_client_id (fixture->account, sluice_test_emulator_get_client_id (fixture->emulator));
  sluice_account_set_redirect_port (fixture->account, 0);

  fixture->browser_session = soup_session_new_with_options ("user-agent", "stand-in-browser", NULL);
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);
  g_clear_pointer (&fixture->tamper, g_free);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_clear_object (&fixture->browser_session);
  g_assert_finalize_object (fixture->account);
  g_clear_pointer (&fixture->emulator, sluice_test_emulator_stop);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
  g_main_loop_quit (fixture->loop);
}

static GAsyncResult *
wait_result (Fixture *fixture)
{
  g_clear_object (&fixture->result);
  g_main_loop_run (fixture->loop);
  g_assert_nonnull (fixture->result);
  return fixture->result;
}

static gboolean
sign_in (Fixture  *fixture,
         GError  **error)
{
  sluice_account_sign_in_async (fixture->account, stand_in_browser, fixture, NULL, result_cb, fixture);
  return sluice_account_sign_in_finish (fixture->account, wait_result (fixture), error);
}

static char *
get_token (Fixture   *fixture,
           SluiceAccount *account,
           gboolean   force,
           GError   **error)
{
  sluice_account_get_token_async (account, force, NULL, result_cb, fixture);
  return sluice_account_get_token_finish (account, wait_result (fixture), error);
}

static guint
api_status (Fixture    *fixture,
            const char *token)
{
  g_autofree char *url = sluice_account_dup_graphql_url (fixture->account);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", "Sluice-tests", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  const char *body = "{\"operationName\":\"ListDataPipelines\",\"query\":\"query ListDataPipelines { listDataPipelines { count } }\",\"variables\":{}}";
  g_autoptr(GBytes) request = g_bytes_new_static (body, strlen (body));
  g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GBytes) response = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  response = soup_session_send_and_read (session, msg, NULL, NULL);

  return soup_message_get_status (msg);
}

static void
test_sign_in_with_browser (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (sign_in (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->browser_opened, ==, 1);
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_IN);
  g_assert_cmpstr (sluice_account_get_email (fixture->account), ==, "engineer@example.com");
  g_assert_null (sluice_account_get_pending_sign_in (fixture->account));

  token = get_token (fixture, fixture->account, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (api_status (fixture, token), ==, 200);
}

static void
test_sign_in_kept_in_keyring (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAccount) again = NULL;
  g_autofree char *token = NULL;
  gboolean restored;

  g_assert_true (sign_in (fixture, &error));
  g_assert_no_error (error);

  /* The same account, as the next start of Sluice reads it: signed in from the keyring. */
  again = sluice_account_new (sluice_account_get_id (fixture->account));
  sluice_account_set_name (again, "Emulator");
  sluice_account_set_provider (again, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (again, sluice_test_emulator_get_oauth (fixture->emulator));
  sluice_account_set_client_id (again, sluice_test_emulator_get_client_id (fixture->emulator));
  sluice_account_restore_async (again, NULL, result_cb, fixture);
  restored = sluice_account_restore_finish (again, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_true (restored);
  g_assert_cmpint (sluice_account_get_state (again), ==, SLUICE_ACCOUNT_SIGNED_IN);
  g_assert_cmpstr (sluice_account_get_email (again), ==, "engineer@example.com");

  token = get_token (fixture, again, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (api_status (fixture, token), ==, 200);

  /* Sign-out removes it from the keyring. */
  sluice_account_sign_out_async (fixture->account, NULL, result_cb, fixture);
  g_assert_true (sluice_account_sign_out_finish (fixture->account, wait_result (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_OUT);

  sluice_account_restore_async (again, NULL, result_cb, fixture);
  restored = sluice_account_restore_finish (again, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_false (restored);
  g_assert_cmpint (sluice_account_get_state (again), ==, SLUICE_ACCOUNT_SIGNED_OUT);
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_true (sign_in (fixture, &error));
  g_assert_no_error (error);

  /* Tokens living 60 s are inside the two-minute margin: every request renews first. */
  first = get_token (fixture, fixture->account, FALSE, &error);
  g_assert_no_error (error);
  second = get_token (fixture, fixture->account, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpuint (api_status (fixture, second), ==, 200);

  /* After a 403 the client forces one renewal. */
  third = get_token (fixture, fixture->account, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (third, !=, second);
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_IN);
}

static void
test_wrong_state_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tamper = g_strdup ("wrong-state");
  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_STATE_MISMATCH);
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_OUT);
}

static void
test_denied (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tamper = g_strdup ("denied");
  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "User said no"));
}

static void
test_no_browser (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tamper = g_strdup ("fail");
  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_BROWSER);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_frees_port (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GSocketListener) probe = g_socket_listener_new ();
  guint16 port;

  /* A fixed port, as a real account has, so that the second sign-in needs it free again. */
  port = g_socket_listener_add_any_inet_port (probe, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (probe);
  sluice_account_set_redirect_port (fixture->account, port);

  fixture->tamper = g_strdup ("nothing");
  sluice_account_sign_in_async (fixture->account, stand_in_browser, fixture, cancellable, result_cb, fixture);
  g_timeout_add (300, cancel_cb, cancellable);
  g_assert_false (sluice_account_sign_in_finish (fixture->account, wait_result (fixture), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_OUT);
  g_clear_error (&error);

  /* The next sign-in gets the port back. */
  sluice_test_iterate (100);
  g_clear_pointer (&fixture->tamper, g_free);
  g_assert_true (sign_in (fixture, &error));
  g_assert_no_error (error);
}

static void
test_port_in_use (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) squatter = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) effective = NULL;

  address = g_inet_socket_address_new (loopback, 0);
  g_socket_listener_add_address (squatter, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  sluice_account_set_redirect_port (fixture->account,
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_PORT_IN_USE);
  g_assert_cmpuint (fixture->browser_opened, ==, 0);
}

static void
test_pasted_token (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAccount) admin = sluice_account_new (NULL);
  g_autofree char *token = NULL;
  g_autofree char *sent = NULL;

  /* An administrator copies a token from a browser session... */
  g_assert_true (sign_in (fixture, &error));
  token = get_token (fixture, fixture->account, FALSE, &error);
  g_assert_no_error (error);

  /* ...and pastes it into another account. */
  sluice_account_set_name (admin, "Pasted");
  sluice_account_sign_in_with_token_async (admin, token, NULL, result_cb, fixture);
  g_assert_true (sluice_account_sign_in_with_token_finish (admin, wait_result (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sluice_account_get_state (admin), ==, SLUICE_ACCOUNT_SIGNED_IN);
  g_assert_cmpstr (sluice_account_get_email (admin), ==, "engineer@example.com");

  sent = get_token (fixture, admin, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sent, ==, token);

  sluice_account_sign_in_with_token_async (admin, "not a token", NULL, result_cb, fixture);
  g_assert_false (sluice_account_sign_in_with_token_finish (admin, wait_result (fixture), &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_TOKEN);
  g_clear_error (&error);

  sluice_account_sign_out_async (admin, NULL, result_cb, fixture);
  g_assert_true (sluice_account_sign_out_finish (admin, wait_result (fixture), &error));
}

static void
test_account_client (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SluiceDataallClient *client;
  gboolean enabled = FALSE;
  guint count = 0;

  g_assert_true (sign_in (fixture, &error));
  g_assert_no_error (error);

  /* The account's client asks the account for tokens. */
  client = sluice_account_get_client (fixture->account);
  g_assert_true (client == sluice_account_get_client (fixture->account));
  sluice_dataall_client_probe_pipelines_async (client, NULL, result_cb, fixture);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (fixture), &enabled, &count, &error));
  g_assert_no_error (error);
  g_assert_true (enabled);
  g_assert_cmpuint (count, >, 0);

  /* Signed out, the same call is "not signed in", as the API's callers expect. */
  sluice_account_sign_out_async (fixture->account, NULL, result_cb, fixture);
  g_assert_true (sluice_account_sign_out_finish (fixture->account, wait_result (fixture), &error));
  sluice_dataall_client_probe_pipelines_async (client, NULL, result_cb, fixture);
  g_assert_false (sluice_dataall_client_probe_pipelines_finish (client, wait_result (fixture), &enabled, &count, &error));
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
}

static void
test_bad_issuer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong = g_strconcat (sluice_test_emulator_get_url (fixture->emulator), "/nowhere", NULL);

  sluice_account_set_provider_url (fixture->account, wrong);
  g_assert_false (sign_in (fixture, &error));
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_DISCOVERY);
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_OUT);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

#define ADD(path, func, data) g_test_add ("/sluice/sign-in/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("browser", test_sign_in_with_browser, NULL);
  ADD ("kept-in-keyring", test_sign_in_kept_in_keyring, NULL);
  ADD ("refresh", test_refresh, "60");
  ADD ("wrong-state-refused", test_wrong_state_refused, NULL);
  ADD ("denied", test_denied, NULL);
  ADD ("no-browser", test_no_browser, NULL);
  ADD ("cancel-frees-port", test_cancel_frees_port, NULL);
  ADD ("port-in-use", test_port_in_use, NULL);
  ADD ("pasted-token", test_pasted_token, NULL);
  ADD ("bad-issuer", test_bad_issuer, NULL);
  ADD ("account-client", test_account_client, NULL);
#undef ADD

  return g_test_run ();
}
