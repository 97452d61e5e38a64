/* test-pipeline-credentials.c
 *
 * A pipeline's AWS credentials against the emulator and the private gnome-keyring that
 * build-aux/dev test starts: the first fetch stores them, the next ones reuse them, expired or
 * nearly expired ones are renewed (and the emulator's CodeCommit takes the new keys, not the
 * old), and a user without the permission gets a sentence that says so.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "sluice-account.h"
#include "sluice-codecommit.h"
#include "sluice-dataall-error.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

static SluiceTestEmulator *emulator;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

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
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
have_session_bus (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through build-aux/dev test");
      return FALSE;
    }
  return TRUE;
}

static char *
pipeline_uri (SluiceAccount *account,
              const char    *label)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_list_load_async (list, sluice_account_get_client (account), NULL, NULL,
                                   got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&result), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        return g_strdup (sluice_pipeline_get_uri (pipeline));
    }
  g_assert_not_reached ();
}

static SluiceAwsCredentials *
fetch (SluiceAccount  *account,
       const char     *uri,
       gboolean        force,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_pipeline_credentials_fetch_async (account, uri, NULL, NULL, NULL, force, NULL,
                                           got_result_cb, &result);
  return sluice_pipeline_credentials_fetch_finish (wait_result (&result), error);
}

/* This test's items for @uri: those its data.all accounts fetched (ids ending in -account). */
static GListModel *
stored_for (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_PIPELINE_URI, uri,
                                                                         NULL, &error);
  GListStore *mine = g_list_store_new (SLUICE_TYPE_AWS_CREDENTIALS);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (list, i);
      const char *account = sluice_aws_credentials_get_dataall_account (credentials);

      /* Tests running at the same time keep items of the same seeded pipeline, some with no
       * data.all account: not this test's. */
      if (account != NULL && g_str_has_suffix (account, "-account"))
        g_list_store_append (mine, credentials);
    }
  return G_LIST_MODEL (mine);
}

/* Stores @credentials again with an expiry @seconds from now: the client's clock moving on. */
static void
age_stored (SluiceAwsCredentials *credentials,
            int                   seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (now, seconds);
  g_autoptr(GError) error = NULL;

  sluice_aws_credentials_set_expiration (credentials, expiry, TRUE);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (credentials, NULL, &error));
  g_assert_no_error (error);
}

/* The emulated clock, which signatures must match within 15 minutes. */
static GDateTime *
emulated_now (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  guint status = 0;

  state = sluice_test_emulator_request (emulator, "GET", "/_emulator/state", NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_parser_load_from_data (parser, state, -1, &error));
  return g_date_time_new_from_unix_utc ((gint64) json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)), "now"));
}

/* What the emulator's CodeCommit answers a git client signing in with @credentials. */
static guint
codecommit_status (SluiceAwsCredentials *credentials)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/v1/repos/", sluice_aws_credentials_get_repository (credentials), NULL);
  g_autofree char *url = g_strconcat (sluice_test_emulator_get_codecommit (emulator), path,
                                      "/info/refs?service=git-upload-pack", NULL);
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  g_autofree char *userpass = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *header = NULL;

  g_autoptr(GDateTime) when = emulated_now ();

  g_assert_true (sluice_codecommit_git_credentials (credentials, "127.0.0.1", path,
                                                    sluice_aws_credentials_get_region (credentials),
                                                    when, &username, &password, &error));
  g_assert_no_error (error);
  userpass = g_strconcat (username, ":", password, NULL);
  basic = g_base64_encode ((const guchar *) userpass, strlen (userpass));
  header = g_strconcat ("Basic ", basic, NULL);

  message = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", header);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (message);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_fetch_store_reuse (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluiceAwsCredentials) first = NULL;
  g_autoptr(SluiceAwsCredentials) again = NULL;
  g_autoptr(SluiceAwsCredentials) stored = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gint64 left;

  if (!have_session_bus ())
    return;

  account = sluice_test_emulator_new_account (emulator, "reuse-account", "engineer@example.com");
  uri = pipeline_uri (account, "customer-360");

  first = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (sluice_aws_credentials_get_access_key_id (first), "ASIA"));
  g_assert_cmpint (sluice_aws_credentials_get_kind (first), ==, SLUICE_AWS_CREDENTIALS_KIND_SESSION);
  /* "customer-360 pipeline", unless another data.all account's keys have that name. */
  g_assert_true (g_str_has_prefix (sluice_aws_credentials_get_name (first), "customer-360 pipeline"));
  g_assert_cmpstr (sluice_aws_credentials_get_pipeline_uri (first), ==, uri);
  g_assert_cmpstr (sluice_aws_credentials_get_dataall_account (first), ==, "reuse-account");
  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (first), ==, "111111111111");
  g_assert_cmpstr (sluice_aws_credentials_get_region (first), ==, "eu-west-1");
  g_assert_true (g_str_has_prefix (sluice_aws_credentials_get_repository (first), "dataall-customer-360-"));
  /* data.all does not say when they expire: about an hour, and marked as an estimate. */
  g_assert_true (sluice_aws_credentials_get_expiration_estimated (first));
  left = sluice_aws_credentials_get_seconds_left (first, NULL);
  g_assert_cmpint (left, >, 3600 - 60);
  g_assert_cmpint (left, <=, 3600);

  /* They are in the keyring, once, with everything recorded. */
  list = stored_for (uri);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  stored = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (stored), ==,
                   sluice_aws_credentials_get_access_key_id (first));
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (stored), ==,
                   sluice_aws_credentials_get_secret_access_key (first));
  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (stored), ==, "111111111111");
  g_assert_cmpstr (sluice_aws_credentials_get_dataall_account (stored), ==, "reuse-account");
  g_assert_true (sluice_aws_credentials_get_expiration_estimated (stored));

  /* And they open the pipeline's repository. */
  g_assert_cmpuint (codecommit_status (first), ==, 200);

  /* Asked again, the stored ones come back: data.all is not asked for new keys. */
  again = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (again), ==,
                   sluice_aws_credentials_get_access_key_id (first));
  g_clear_object (&again);

  /* Forced, new ones replace them under the same name. */
  again = fetch (account, uri, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (again), !=,
                   sluice_aws_credentials_get_access_key_id (first));
  g_assert_cmpstr (sluice_aws_credentials_get_name (again), ==, sluice_aws_credentials_get_name (first));
  g_clear_object (&list);
  list = stored_for (uri);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (sluice_aws_credentials_get_name (first), NULL, &error));
  g_assert_no_error (error);
}

static void
test_renewal (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluiceAwsCredentials) first = NULL;
  g_autoptr(SluiceAwsCredentials) renewed = NULL;
  g_autoptr(SluiceAwsCredentials) last = NULL;
  g_autoptr(SluiceAwsCredentials) stored = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *reply = NULL;
  guint status = 0;

  if (!have_session_bus ())
    return;

  account = sluice_test_emulator_new_account (emulator, "renewal-account", "engineer@example.com");
  uri = pipeline_uri (account, "sales-ingest");

  first = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codecommit_status (first), ==, 200);

  /* An hour later the keys have expired, for AWS (the emulated clock) and for Sluice. */
  reply = sluice_test_emulator_request (emulator, "POST", "/_emulator/clock", "{\"advance\": 3660}",
                                        &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (codecommit_status (first), ==, 403);
  age_stored (first, -60);

  renewed = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (renewed), !=,
                   sluice_aws_credentials_get_access_key_id (first));
  g_assert_cmpint (sluice_aws_credentials_get_seconds_left (renewed, NULL), >, 3600 - 60);
  g_assert_cmpuint (codecommit_status (renewed), ==, 200);

  /* The old item is gone: one item per pipeline and data.all account. */
  list = stored_for (uri);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  stored = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (stored), ==,
                   sluice_aws_credentials_get_access_key_id (renewed));

  /* Valid for two more minutes is not enough to start work with: renewed too. */
  age_stored (renewed, 120);
  last = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (last), !=,
                   sluice_aws_credentials_get_access_key_id (renewed));

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (sluice_aws_credentials_get_name (last), NULL, &error));
  g_assert_no_error (error);
}

static void
test_user_name_kept (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluiceAwsCredentials) first = NULL;
  g_autoptr(SluiceAwsCredentials) renewed = NULL;
  g_autoptr(SluiceAwsCredentials) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!have_session_bus ())
    return;

  account = sluice_test_emulator_new_account (emulator, "rename-account", "engineer@example.com");
  uri = pipeline_uri (account, "customer-360");

  /* The user's own credentials already have the name Sluice would choose: they stay. */
  other = sluice_aws_credentials_new ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", NULL);
  sluice_aws_credentials_set_name (other, "customer-360 pipeline");
  g_assert_true (sluice_keyring_store_aws_credentials_sync (other, NULL, &error));
  g_assert_no_error (error);

  first = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_name (first), !=, "customer-360 pipeline");
  g_assert_nonnull (strstr (sluice_aws_credentials_get_name (first), uri));
  g_clear_object (&other);
  other = sluice_keyring_lookup_aws_credentials_sync ("customer-360 pipeline", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (other), ==, "AKIAIOSFODNN7EXAMPLE");

  /* A name the user gave the pipeline's credentials survives renewal. */
  g_assert_true (sluice_keyring_delete_aws_credentials_sync (sluice_aws_credentials_get_name (first), NULL, &error));
  sluice_aws_credentials_set_name (first, "CI keys");
  age_stored (first, -1);
  renewed = fetch (account, uri, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_name (renewed), ==, "CI keys");
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (renewed), !=,
                   sluice_aws_credentials_get_access_key_id (first));

  g_assert_true (sluice_keyring_delete_aws_credentials_sync ("CI keys", NULL, &error));
  g_assert_true (sluice_keyring_delete_aws_credentials_sync ("customer-360 pipeline", NULL, &error));
  g_assert_no_error (error);
}

static void
test_permission_denied (void)
{
  g_autoptr(SluiceAccount) engineer = NULL;
  g_autoptr(SluiceAccount) analyst = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!have_session_bus ())
    return;

  engineer = sluice_test_emulator_new_account (emulator, "engineer-account", "engineer@example.com");
  uri = pipeline_uri (engineer, "ml-features");
  analyst = sluice_test_emulator_new_account (emulator, "analyst-account", "analyst@example.com");

  credentials = fetch (analyst, uri, FALSE, &error);
  g_assert_null (credentials);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
  g_assert_true (g_str_has_prefix (error->message, "You are not allowed to get AWS credentials for this pipeline."));
  /* data.all's own words stay available for a Details expander. */
  g_assert_nonnull (sluice_dataall_error_get_detail (error));
  g_assert_nonnull (strstr (sluice_dataall_error_get_detail (error), "UnauthorizedOperation"));
  g_clear_error (&error);

  list = stored_for (uri);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* An empty URI is the caller's mistake, said plainly. */
  credentials = fetch (engineer, "", FALSE, &error);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_INVALID_INPUT);
}

static void
test_cancelled (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!have_session_bus ())
    return;

  account = sluice_test_emulator_new_account (emulator, "cancel-account", "engineer@example.com");
  uri = pipeline_uri (account, "customer-360");
  sluice_pipeline_credentials_fetch_async (account, uri, "customer-360", NULL, NULL, TRUE, cancellable,
                                           got_result_cb, &result);
  g_cancellable_cancel (cancellable);
  credentials = sluice_pipeline_credentials_fetch_finish (wait_result (&result), &error);
  g_assert_null (credentials);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/pipeline-credentials/fetch-store-reuse", test_fetch_store_reuse);
  g_test_add_func ("/sluice/pipeline-credentials/renewal", test_renewal);
  g_test_add_func ("/sluice/pipeline-credentials/user-name-kept", test_user_name_kept);
  g_test_add_func ("/sluice/pipeline-credentials/permission-denied", test_permission_denied);
  g_test_add_func ("/sluice/pipeline-credentials/cancelled", test_cancelled);

  emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);
  ret = g_test_run ();
  g_clear_pointer (&emulator, sluice_test_emulator_stop);

  return ret;
}
