/* test-keyring.c
 *
 * AWS credentials in a real Secret Service: the private, unlocked gnome-keyring that
 * build-aux/dev test starts. Store, lookup, list, delete; attributes never hold a secret.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sluice-keyring.h"
#include "sluice-test-core-utils.h"

#define SESSION_KEY_ID "ASIAWO9HADLEVQKCITUY"
#define KEY_ID "AKIAIOSFODNN7EXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN "IQoJb3JpZ2luX2VjEXAMPLE+token/with=="

static char *
unique_name (const char *base)
{
  return g_strdup_printf ("%s-%08x", base, g_random_int ());
}

static SluiceAwsCredentials *
session_credentials (const char *name)
{
  g_autoptr(GDateTime) expiration = g_date_time_new_utc (2026, 11, 24, 3, 0, 0);
  SluiceAwsCredentials *creds = sluice_aws_credentials_new (SESSION_KEY_ID, SECRET, TOKEN);

  sluice_aws_credentials_set_expiration (creds, expiration, TRUE);
  sluice_aws_credentials_set_name (creds, name);
  sluice_aws_credentials_set_aws_account_id (creds, "111111111111");
  sluice_aws_credentials_set_region (creds, "eu-west-1");
  sluice_aws_credentials_set_pipeline_uri (creds, "esok50ll");
  sluice_aws_credentials_set_repository (creds, name);
  sluice_aws_credentials_set_dataall_account (creds, "Acme");

  return creds;
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

static void
test_crud_sync (void)
{
  g_autofree char *name = unique_name ("sync");
  g_autoptr(SluiceAwsCredentials) creds = NULL;
  g_autoptr(SluiceAwsCredentials) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  creds = session_credentials (name);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (creds, NULL, &error));
  g_assert_no_error (error);

  back = sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (back), ==, SESSION_KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (back), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (back), ==, TOKEN);
  g_assert_cmpstr (sluice_aws_credentials_get_name (back), ==, name);
  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (back), ==, "111111111111");
  g_assert_cmpstr (sluice_aws_credentials_get_region (back), ==, "eu-west-1");
  g_assert_true (sluice_aws_credentials_get_expiration_estimated (back));
  g_assert_true (g_date_time_equal (sluice_aws_credentials_get_expiration (back),
                                    sluice_aws_credentials_get_expiration (creds)));
  g_clear_object (&back);

  /* Storing under the same name replaces: one item, the newer keys. */
  sluice_aws_credentials_set_session_token (creds, NULL);
  sluice_aws_credentials_set_access_key_id (creds, KEY_ID);
  sluice_aws_credentials_set_expiration (creds, NULL, FALSE);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (creds, NULL, &error));
  g_assert_no_error (error);
  list = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_NAME, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  back = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (back), ==, KEY_ID);
  g_assert_null (sluice_aws_credentials_get_session_token (back));
  g_assert_cmpint (sluice_aws_credentials_get_kind (back), ==, SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM);

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error));
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND);
}

static void
test_attributes_hold_no_secret (void)
{
  g_autofree char *name = unique_name ("attrs");
  g_autoptr(SluiceAwsCredentials) creds = NULL;
  g_autoptr(GHashTable) query = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items;

  if (!have_session_bus ())
    return;

  creds = session_credentials (name);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (creds, NULL, &error));
  g_assert_no_error (error);

  g_hash_table_insert (query, (gpointer) "name", name);
  items = secret_service_search_sync (NULL, sluice_keyring_get_aws_credentials_schema (), query,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    g_autoptr(GHashTable) attributes = secret_item_get_attributes (items->data);
    GHashTableIter iter;
    gpointer key, value;

    g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, "io.github.sluice.Sluice.AwsCredentials");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "kind"), ==, "session");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "name"), ==, name);
    g_assert_cmpstr (g_hash_table_lookup (attributes, "aws-account-id"), ==, "111111111111");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "pipeline-uri"), ==, "esok50ll");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "dataall-account"), ==, "Acme");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "expiry"), ==, "2026-11-24T03:00:00Z");

    g_hash_table_iter_init (&iter, attributes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_assert_null (strstr (value, SECRET));
        g_assert_null (strstr (value, TOKEN));
      }
    {
      g_autofree char *label = secret_item_get_label (items->data);

      g_assert_null (strstr (label, SECRET));
    }
  }
  g_list_free_full (items, g_object_unref);

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_for_result (Wait *wait)
{
  g_main_loop_run (wait->loop);
  return wait->result;
}

static void
test_crud_async (void)
{
  g_autofree char *name_a = unique_name ("async-a");
  g_autofree char *name_b = unique_name ("async-b");
  g_autoptr(SluiceAwsCredentials) a = NULL;
  g_autoptr(SluiceAwsCredentials) b = NULL;
  g_autoptr(SluiceAwsCredentials) back = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) by_repo = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Wait wait = { loop, NULL };
  guint seen = 0;

  if (!have_session_bus ())
    return;

  a = session_credentials (name_a);
  b = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  sluice_aws_credentials_set_name (b, name_b);

  sluice_keyring_store_aws_credentials_async (a, NULL, done_cb, &wait);
  g_assert_true (sluice_keyring_store_aws_credentials_finish (wait_for_result (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  sluice_keyring_store_aws_credentials_async (b, NULL, done_cb, &wait);
  g_assert_true (sluice_keyring_store_aws_credentials_finish (wait_for_result (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  sluice_keyring_lookup_aws_credentials_async (name_b, NULL, done_cb, &wait);
  back = sluice_keyring_lookup_aws_credentials_finish (wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (back), ==, KEY_ID);
  g_clear_object (&wait.result);

  sluice_keyring_list_aws_credentials_async (NULL, NULL, NULL, done_cb, &wait);
  all = sluice_keyring_list_aws_credentials_finish (wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 2);
  g_assert_true (g_list_model_get_item_type (all) == SLUICE_TYPE_AWS_CREDENTIALS);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SluiceAwsCredentials) item = g_list_model_get_item (all, i);

      if (g_str_equal (sluice_aws_credentials_get_name (item), name_a) ||
          g_str_equal (sluice_aws_credentials_get_name (item), name_b))
        seen++;
    }
  g_assert_cmpuint (seen, ==, 2);

  sluice_keyring_list_aws_credentials_async (SLUICE_KEYRING_ATTR_REPOSITORY, name_a, NULL, done_cb, &wait);
  by_repo = sluice_keyring_list_aws_credentials_finish (wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (g_list_model_get_n_items (by_repo), ==, 1);

  sluice_keyring_delete_aws_credentials_async (name_a, NULL, done_cb, &wait);
  g_assert_true (sluice_keyring_delete_aws_credentials_finish (wait_for_result (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  sluice_keyring_delete_aws_credentials_async (name_b, NULL, done_cb, &wait);
  g_assert_true (sluice_keyring_delete_aws_credentials_finish (wait_for_result (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  sluice_keyring_lookup_aws_credentials_async (name_b, NULL, done_cb, &wait);
  g_assert_null (sluice_keyring_lookup_aws_credentials_finish (wait_for_result (&wait), &error));
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND);
  g_clear_object (&wait.result);
}

static void
test_cancelled (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  Wait wait = { loop, NULL };

  if (!have_session_bus ())
    return;

  g_cancellable_cancel (cancellable);
  sluice_keyring_list_aws_credentials_async (NULL, NULL, cancellable, done_cb, &wait);
  list = sluice_keyring_list_aws_credentials_finish (wait_for_result (&wait), &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&wait.result);
}

static void
test_refuses_invalid (void)
{
  g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_new ("not a key", SECRET, NULL);
  g_autoptr(GError) error = NULL;

  /* Checked before the keyring is even asked. */
  g_assert_false (sluice_keyring_store_aws_credentials_sync (creds, NULL, &error));
  g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID);
}

static void
test_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = NULL;

      /* A bus with no Secret Service on it. */
      list = sluice_keyring_list_aws_credentials_sync (NULL, NULL, NULL, &error);
      g_assert_null (list);
      g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "keyring"));
      return;
    }

  {
    g_autofree char *saved = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sluice-test-bus", TRUE);
    g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    if (saved != NULL)
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved, TRUE);
    else
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
    g_test_trap_assert_passed ();
  }
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/keyring/crud-sync", test_crud_sync);
  g_test_add_func ("/sluice/keyring/attributes-hold-no-secret", test_attributes_hold_no_secret);
  g_test_add_func ("/sluice/keyring/crud-async", test_crud_async);
  g_test_add_func ("/sluice/keyring/cancelled", test_cancelled);
  g_test_add_func ("/sluice/keyring/refuses-invalid", test_refuses_invalid);
  g_test_add_func ("/sluice/keyring/unavailable", test_unavailable);

  return g_test_run ();
}
