/* test-connect-dialog.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sluice-application.h"
#include "sluice-connect-dialog.h"
#include "sluice-test-utils.h"

static GtkWidget *
entry_row (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = sluice_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = sluice_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label);
}

static gboolean
expired_shown (gpointer root)
{
  return label_shown (root, "This access token has expired. Copy a fresh one and try again.");
}

static char *
make_token (gint64 exp)
{
  g_autofree char *payload = g_strdup_printf ("{\"email\":\"ana@example.com\",\"exp\":%" G_GINT64_FORMAT "}", exp);
  g_autofree char *b64 = g_base64_encode ((const guchar *) payload, strlen (payload));

  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  g_strdelimit (b64, "=", '\0');
  return g_strdup_printf ("eyJhbGciOiJIUzI1NiJ9.%s.c2ln", b64);
}

static void
signed_in_cb (SluiceConnectDialog *dialog,
              SluiceAccount       *account,
              SluiceAccount      **out)
{
  *out = g_object_ref (account);
}

static void
form_and_token (GtkApplication *app,
                gpointer        data)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-connect-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr(SluiceAccountManager) manager = sluice_account_manager_new (path);
  GtkWindow *parent = gtk_application_get_active_window (app);
  SluiceConnectDialog *dialog = sluice_connect_dialog_new (parent, manager, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(SluiceAccount) account = NULL;
  g_autofree char *expired = make_token (1000);
  g_autofree char *valid = make_token (g_get_real_time () / G_USEC_PER_SEC + 3600);
  g_autofree char *saved = NULL;

  g_signal_connect (dialog, "signed-in", G_CALLBACK (signed_in_cb), &account);
  gtk_window_present (GTK_WINDOW (dialog));
  sluice_test_flush_widget (root);

  /* Nothing filled in: each problem shows at its field, and what was typed stays. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (root, "Name")), "Research");
  g_assert_true (gtk_widget_activate_action (root, "connect.sign-in", NULL));
  g_assert_true (label_shown (root, "Enter a web address."));
  g_assert_true (label_shown (root, "Enter the client ID of data.all’s web app client."));
  g_assert_true (gtk_widget_has_css_class (entry_row (root, "API URL"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (root, "Name"))), ==, "Research");

  /* Typing fixes the fields one by one. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row (root, "API URL")), "api.example.com/prod");
  g_assert_false (gtk_widget_has_css_class (entry_row (root, "API URL"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (root, "Cognito domain")), "ftp://nope");
  g_assert_true (gtk_widget_has_css_class (entry_row (root, "Cognito domain"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (root, "Cognito domain")), "research.auth.eu-west-1.amazoncognito.com");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (root, "Client ID")), "client123");
  g_assert_false (label_shown (root, "Enter the client ID of data.all’s web app client."));

  /* The token page: Connect stays off until there is a token; a bad one is refused at the field. */
  g_assert_true (gtk_widget_activate_action (root, "connect.show-token", NULL));
  gtk_widget_activate_action (root, "connect.use-token", NULL);
  sluice_test_iterate (50);
  g_assert_null (account);
  gtk_editable_set_text (GTK_EDITABLE (sluice_test_find_widget (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token")),
                         expired);
  g_assert_true (gtk_widget_activate_action (root, "connect.use-token", NULL));
  g_assert_true (sluice_test_wait_for (expired_shown, root, 5000));
  g_assert_null (account);

  g_object_ref (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sluice_test_find_widget (root, ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token")),
                         valid);
  g_assert_true (gtk_widget_activate_action (root, "connect.use-token", NULL));

  /* The keyring keeps it; the account is saved, active, and the dialog closes. */
  while (account == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sluice_account_get_name (account), ==, "Research");
  g_assert_cmpstr (sluice_account_get_api_url (account), ==, "https://api.example.com/prod");
  g_assert_cmpstr (sluice_account_get_email (account), ==, "ana@example.com");
  g_assert_true (sluice_account_manager_get_active (manager) == account);
  g_assert_false (gtk_widget_get_visible (root));
  g_assert_finalize_object (dialog);

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "Name=Research"));
  g_assert_null (strstr (saved, valid));

  sluice_account_sign_out_async (account, NULL, NULL, NULL);
  sluice_test_iterate (200);
  g_unlink (path);
  g_rmdir (dir);
}

static void
provider_title (GtkApplication *app,
                gpointer        data)
{
  g_autoptr(SluiceAccountManager) manager = sluice_account_manager_new ("/nonexistent/accounts.ini");
  SluiceConnectDialog *dialog = sluice_connect_dialog_new (gtk_application_get_active_window (app), manager, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);

  sluice_connect_dialog_prefill (dialog, "https://api.example.com", SLUICE_SIGN_IN_PROVIDER_OIDC,
                                 "https://login.example.com", "abc", NULL);
  g_assert_nonnull (sluice_test_find_widget (root, ADW_TYPE_ENTRY_ROW, "Issuer URL"));
  g_assert_null (sluice_test_find_widget (root, ADW_TYPE_ENTRY_ROW, "Cognito domain"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (root, "Client ID"))), ==, "abc");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

#define APP_TEST(func)                                                             \
  static void test_##func (void)                                                   \
  {                                                                                \
    sluice_test_run_app (GTK_APPLICATION (sluice_application_new ()), func, NULL); \
  }
APP_TEST (form_and_token)
APP_TEST (provider_title)
#undef APP_TEST

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/connect-dialog/form-and-token", test_form_and_token);
  g_test_add_func ("/sluice/connect-dialog/provider-title", test_provider_title);

  return g_test_run ();
}
