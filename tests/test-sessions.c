/* test-sessions.c
 *
 * Sessions that outlive their tokens: an access token that the server stops accepting in the
 * middle of a session is renewed silently (once, however many calls hit it) and the calls
 * complete; a revoked refresh token ends the sign-in with "Sign in again"; a keyring that is
 * missing gives a sentence and no file is written instead.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sluice-account.h"
#include "sluice-aws-credentials.h"
#include "sluice-dataall-api.h"
#include "sluice-dataall-auth.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define ENGINEER "engineer@example.com"

typedef struct
{
  SluiceTestEmulator *emulator;
  SluiceAccount      *account;
  SoupSession        *browser;
} Fixture;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*slot == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*slot);
  return *slot;
}

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
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  soup_session_send_and_read_async (fixture->browser, msg, G_PRIORITY_DEFAULT, NULL,
                                    browser_loaded_cb, NULL);
  return TRUE;
}

static JsonNode *
emulator_json (Fixture    *fixture,
               const char *method,
               const char *path,
               const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = sluice_test_emulator_request (fixture->emulator, method, path, body,
                                                          NULL, &error);
  JsonNode *node;

  g_assert_no_error (error);
  node = json_from_string (answer, &error);
  g_assert_no_error (error);
  return node;
}

static gint64
request_count (Fixture    *fixture,
               const char *key)
{
  g_autoptr(JsonNode) state = emulator_json (fixture, "GET", "/_emulator/state", NULL);
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  return json_object_get_int_member_with_default (requests, key, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[] = { "--auto-approve", ENGINEER, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  fixture->browser = soup_session_new_with_options ("user-agent", "stand-in-browser", NULL);
  fixture->account = sluice_account_new (NULL);
  sluice_account_set_name (fixture->account, "Sessions");
  sluice_account_set_api_url (fixture->account, sluice_test_emulator_get_url (fixture->emulator));
  sluice_account_set_provider (fixture->account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (fixture->account, sluice_test_emulator_get_oauth (fixture->emulator));
  sluice_account_set_client_id (fixture->account, sluice_test_emulator_get_client_id (fixture->emulator));
  sluice_account_set_redirect_port (fixture->account, 0);
  sluice_account_sign_in_async (fixture->account, stand_in_browser, fixture, NULL, got_result_cb,
                                &result);
  g_assert_true (sluice_account_sign_in_finish (fixture->account, wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  /* Leaves the private keyring as it was (ignoring the answer: some tests signed out). */
  sluice_account_sign_out_async (fixture->account, NULL, got_result_cb, &result);
  sluice_account_sign_out_finish (fixture->account, wait_result (&result), NULL);
  g_clear_object (&fixture->account);
  g_clear_object (&fixture->browser);
  g_clear_pointer (&fixture->emulator, sluice_test_emulator_stop);
}

/* ------------------------------------------------------------------------------------------ */

/* The server stops accepting the access token in the middle of a session (as when it expires
 * on the server's clock before ours): three calls that hit it at once all complete, with one
 * renewal between them and nothing asked of the user. */
static void
test_access_token_renewed_mid_session (Fixture       *fixture,
                                       gconstpointer  data)
{
  SluiceDataallClient *client = sluice_account_get_client (fixture->account);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GAsyncResult) r3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) envs = NULL;
  g_autoptr(GListModel) envs2 = NULL;
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(JsonNode) expired = NULL;
  gint64 refreshes;
  gboolean enabled = FALSE;
  guint count = 0;

  /* A first call, so that the session is under way with a token the client holds. */
  sluice_dataall_client_list_environments_async (client, NULL, got_result_cb, &first);
  envs = sluice_dataall_client_list_environments_finish (client, wait_result (&first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (envs), >, 0);

  refreshes = request_count (fixture, "/oauth2/token");
  expired = emulator_json (fixture, "POST", "/_emulator/faults",
                           "{\"kind\": \"expire-tokens\", \"match\": \"ListValidEnvironments\"}");

  sluice_dataall_client_list_environments_async (client, NULL, got_result_cb, &r1);
  sluice_pipeline_list_load_async (list, client, filter, NULL, got_result_cb, &r2);
  sluice_dataall_client_probe_pipelines_async (client, NULL, got_result_cb, &r3);

  envs2 = sluice_dataall_client_list_environments_finish (client, wait_result (&r1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (envs2), ==, g_list_model_get_n_items (envs));
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&r2), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_true (sluice_dataall_client_probe_pipelines_finish (client, wait_result (&r3), &enabled,
                                                               &count, &error));
  g_assert_no_error (error);
  g_assert_true (enabled);
  g_assert_cmpuint (count, ==, 3);

  /* Silent: still signed in; one renewal, however many calls were refused. */
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_IN);
  g_assert_cmpint (request_count (fixture, "/oauth2/token") - refreshes, ==, 1);
}

/* The refresh token is revoked (signed out elsewhere, or an administrator ended the session):
 * the next call that needs a new access token ends in "Sign in again", the account is signed
 * out, and its dead tokens are gone from the keyring. */
static void
test_revoked_refresh_token (Fixture       *fixture,
                            gconstpointer  data)
{
  SluiceDataallClient *client = sluice_account_get_client (fixture->account);
  g_autoptr(JsonNode) secrets = emulator_json (fixture, "GET", "/_emulator/secrets", NULL);
  JsonArray *refresh = json_object_get_array_member (json_node_get_object (secrets), "refresh_tokens");
  g_autoptr(JsonNode) expired = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) envs = NULL;
  g_autoptr(SluiceAccount) again = NULL;

  g_assert_cmpuint (json_array_get_length (refresh), ==, 1);
  for (guint i = 0; i < json_array_get_length (refresh); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autofree char *form = NULL;
      g_autofree char *url = g_strconcat (sluice_test_emulator_get_oauth (fixture->emulator),
                                          "/oauth2/revoke", NULL);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) answer = NULL;

      form = soup_form_encode ("token", json_array_get_string_element (refresh, i),
                               "client_id", sluice_test_emulator_get_client_id (fixture->emulator),
                               NULL);
      msg = soup_message_new_from_encoded_form ("POST", url, g_steal_pointer (&form));
      answer = soup_session_send_and_read (fixture->browser, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    }
  expired = emulator_json (fixture, "POST", "/_emulator/faults", "{\"kind\": \"expire-tokens\"}");

  sluice_dataall_client_list_environments_async (client, NULL, got_result_cb, &result);
  envs = sluice_dataall_client_list_environments_finish (client, wait_result (&result), &error);
  g_assert_null (envs);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  g_assert_nonnull (strstr (error->message, "Sign in again."));
  g_test_message ("revoked refresh token: “%s” (detail: “%s”)", error->message,
                  sluice_dataall_error_get_detail (error));
  g_assert_nonnull (strstr (sluice_dataall_error_get_detail (error), "Sign in again."));
  g_assert_cmpint (sluice_account_get_state (fixture->account), ==, SLUICE_ACCOUNT_SIGNED_OUT);
  g_clear_error (&error);

  /* The next start of Sluice does not find a sign-in that cannot work any more. */
  again = sluice_account_new (sluice_account_get_id (fixture->account));
  sluice_account_set_name (again, "Sessions");
  sluice_account_set_provider (again, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (again, sluice_test_emulator_get_oauth (fixture->emulator));
  sluice_account_set_client_id (again, sluice_test_emulator_get_client_id (fixture->emulator));
  sluice_account_restore_async (again, NULL, got_result_cb, &restored);
  if (sluice_account_restore_finish (again, wait_result (&restored), &error))
    {
      g_autoptr(GAsyncResult) token_result = NULL;
      g_autofree char *token = NULL;

      /* Restored from the keyring: then asking for a token must end the same way. */
      g_assert_no_error (error);
      sluice_account_get_token_async (again, TRUE, NULL, got_result_cb, &token_result);
      token = sluice_account_get_token_finish (again, wait_result (&token_result), &error);
      g_assert_null (token);
      g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_NOT_SIGNED_IN);
      g_assert_cmpint (sluice_account_get_state (again), ==, SLUICE_ACCOUNT_SIGNED_OUT);
    }
  else
    g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------ */
/* No keyring: a subprocess whose session bus has no Secret Service, or no session bus at all  */
/* ------------------------------------------------------------------------------------------ */

/* Every regular file under @dir that holds @needle. */
static guint
files_holding (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint hits = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        hits += files_holding (path, needle);
      else if (g_file_get_contents (path, &contents, &length, NULL) &&
               g_strstr_len (contents, length, needle) != NULL)
        {
          g_test_message ("%s holds a secret", path);
          hits++;
        }
    }
  return hits;
}

static void
keyring_missing_child (void)
{
  g_autoptr(SluiceTestEmulator) emulator = NULL;
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  const char *home = g_getenv ("HOME");

  emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sluice_test_emulator_sign_in (emulator, ENGINEER, &token, &error));
  g_assert_no_error (error);

  /* Signing in: the tokens cannot be kept, so the sign-in fails with a sentence. */
  account = sluice_account_new ("no-keyring");
  sluice_account_set_name (account, "No keyring");
  sluice_account_set_api_url (account, sluice_test_emulator_get_url (emulator));
  sluice_account_set_provider (account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (account, sluice_test_emulator_get_oauth (emulator));
  sluice_account_set_client_id (account, sluice_test_emulator_get_client_id (emulator));
  sluice_account_sign_in_with_token_async (account, token, NULL, got_result_cb, &result);
  g_assert_false (sluice_account_sign_in_with_token_finish (account, wait_result (&result), &error));
  g_printerr ("sign-in: %s\n", error->message);
  g_assert_error (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_cmpint (sluice_account_get_state (account), ==, SLUICE_ACCOUNT_SIGNED_OUT);
  g_clear_error (&error);

  /* AWS credentials: the same. */
  credentials = sluice_aws_credentials_new ("ASIAFAULTMATRIX00001", "planted/secret/key/000000000000000000001",
                                            "plantedSessionToken0001");
  sluice_aws_credentials_set_name (credentials, "no-keyring");
  sluice_keyring_store_aws_credentials_async (credentials, NULL, got_result_cb, &stored);
  g_assert_false (sluice_keyring_store_aws_credentials_finish (wait_result (&stored), &error));
  g_printerr ("AWS credentials: %s\n", error->message);
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "keyring"));

  /* And nothing written in its place. */
  g_assert_cmpuint (files_holding (home, token), ==, 0);
  g_assert_cmpuint (files_holding (home, "planted/secret/key"), ==, 0);
  g_assert_cmpuint (files_holding (home, "plantedSessionToken"), ==, 0);
}

static const char *self_path;

/* Runs keyring_missing_child() in a copy of this test with @bus_address as its session bus
 * and empty private folders for HOME and XDG. */
static void
run_without_keyring (const char *bus_address)
{
  g_autofree char *home = g_dir_make_tmp ("sluice-no-keyring-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *rm = NULL;

  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "XDG_RUNTIME_DIR");  /* no private socket to find */
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "-q", "-p",
                                       "/sluice/sessions/keyring-missing/child",
                                       "--GTestSubprocess", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_test_message ("child said: %s", err);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  g_assert_true (g_pattern_match_simple ("*sign-in: *keyring*AWS credentials: *keyring*", err));

  rm = g_strdup_printf ("rm -rf '%s'", home);
  g_assert_true (g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL));
}

static void
test_keyring_missing_no_bus (void)
{
  run_without_keyring ("unix:path=/nonexistent/sluice-no-bus");
}

/* A session bus of our own, on which nothing offers org.freedesktop.secrets. */
static void
test_keyring_missing_on_bus (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *config = g_build_filename (g_get_tmp_dir (), "sluice-bare-bus.conf", NULL);
  const char *conf =
    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
    "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
    "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
    "<auth>EXTERNAL</auth>"
    "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
    "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n";

  if (!g_file_test ("/usr/bin/dbus-daemon", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no dbus-daemon");
      return;
    }
  /* No <servicedir>: nothing can be activated, gnome-keyring included. */
  g_assert_true (g_file_set_contents (config, conf, -1, &error));
  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error, "/usr/bin/dbus-daemon", "--nofork", "--print-address=1",
                             "--config-file", config, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon));
  address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_strstrip (address);

  run_without_keyring (address);

  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  g_unlink (config);
}

int
main (int   argc,
      char *argv[])
{
  self_path = argv[0];
  sluice_test_init_core (&argc, &argv);

  g_test_add ("/sluice/sessions/access-token-renewed-mid-session", Fixture, NULL, fixture_set_up,
              test_access_token_renewed_mid_session, fixture_tear_down);
  g_test_add ("/sluice/sessions/revoked-refresh-token", Fixture, NULL, fixture_set_up,
              test_revoked_refresh_token, fixture_tear_down);
  g_test_add_func ("/sluice/sessions/keyring-missing/no-bus", test_keyring_missing_no_bus);
  g_test_add_func ("/sluice/sessions/keyring-missing/bus-without-secret-service",
                   test_keyring_missing_on_bus);
  if (g_test_subprocess ())  /* only run by run_without_keyring() */
    g_test_add_func ("/sluice/sessions/keyring-missing/child", keyring_missing_child);

  return g_test_run ();
}
