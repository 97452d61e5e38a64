/* test-credentials-page.c
 *
 * The Credentials page against the private gnome-keyring that build-aux/dev test starts:
 * adding (typed, with the checks at the fields, and pasted), and deleting after confirmation.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sluice-credentials-page.h"
#include "sluice-keyring.h"
#include "sluice-test-utils.h"

#define KEY_ID "AKIAIOSFODNN7EXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

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

static gboolean
page_loaded (gpointer data)
{
  return sluice_credentials_page_get_credentials (data) != NULL;
}

typedef struct
{
  SluiceCredentialsPage *page;
  const char            *name;
  gboolean               present;
} Wanted;

static gboolean
has_credentials (gpointer data)
{
  Wanted *wanted = data;
  GListModel *list = sluice_credentials_page_get_credentials (wanted->page);
  gboolean found = FALSE;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (list, i);

      found |= g_strcmp0 (sluice_aws_credentials_get_name (credentials), wanted->name) == 0;
    }

  return found == wanted->present;
}

static GtkWindow *
find_window (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (title == NULL ? ADW_IS_MESSAGE_DIALOG (window)
                         : g_strcmp0 (gtk_window_get_title (window), title) == 0))
        return window;
    }

  return NULL;
}

static GtkWindow *
wait_window (const char *title)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWindow *window;

  while ((window = find_window (title)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (window);
  sluice_test_flush_widget (GTK_WIDGET (window));

  return window;
}

static GtkWidget *
entry (GtkWindow  *window,
       const char *title)
{
  GtkWidget *row = sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
error_label_showing (GtkWindow  *window,
                     const char *text)
{
  GtkWidget *label = sluice_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label) ? label : NULL;
}

/* As a click on a response button does: the response, then the dialog closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  sluice_test_iterate (50);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (dialog);
  g_object_unref (dialog);
}

static SluiceCredentialsPage *
new_page_in_window (GtkWindow **window)
{
  SluiceCredentialsPage *page = SLUICE_CREDENTIALS_PAGE (sluice_credentials_page_new ());

  g_object_ref_sink (page);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 800, 600);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  g_assert_true (sluice_test_wait_for (page_loaded, page, 10000));
  sluice_test_flush_widget (GTK_WIDGET (page));

  return page;
}

static void
destroy_window_and_page (GtkWindow             *window,
                         SluiceCredentialsPage *page)
{
  gtk_window_destroy (window);
  /* Pending keyring calls finish (cancelled) before the page can go. */
  sluice_test_iterate (200);
  g_assert_finalize_object (page);
}

static void
test_empty_or_listed (void)
{
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWidget *status;

  if (!have_session_bus ())
    return;

  stored = sluice_keyring_list_aws_credentials_sync (NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  page = new_page_in_window (&window);
  g_assert_cmpuint (g_list_model_get_n_items (sluice_credentials_page_get_credentials (page)), ==,
                    g_list_model_get_n_items (stored));
  status = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "No Credentials Yet");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status) == (g_list_model_get_n_items (stored) == 0));

  /* Without a data.all account there is nothing to sign out of or to ask. */
  g_assert_false (gtk_widget_get_visible (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Sign _Out")));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Not Connected"));

  destroy_window_and_page (window, page);
}

static void
test_add_validate_delete (void)
{
  g_autofree char *name = g_strdup_printf ("UI test keys %08x", g_random_int ());
  g_autoptr(SluiceAwsCredentials) stored = NULL;
  g_autoptr(GError) error = NULL;
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *add;
  GtkWidget *row;
  Wanted wanted;

  if (!have_session_bus ())
    return;

  page = new_page_in_window (&window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.add", NULL));
  dialog = wait_window ("Add Credentials");
  add = sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add");
  g_assert_nonnull (add);

  /* Checks at the field, as the user types. */
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Access Key ID")), "akia-123");
  g_assert_nonnull (error_label_showing (dialog, "An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));
  g_assert_true (gtk_widget_has_css_class (entry (dialog, "Access Key ID"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Access Key ID")), KEY_ID);
  g_assert_null (error_label_showing (dialog, "An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "AWS Account")), "12345");
  g_assert_nonnull (error_label_showing (dialog, "An AWS account ID has exactly 12 digits, like 111122223333."));

  /* Saving with problems stores nothing and keeps what was typed. */
  g_signal_emit_by_name (add, "clicked");
  g_assert_nonnull (error_label_showing (dialog, "Enter a name for these credentials.\nEnter a secret access key."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Access Key ID"))), ==, KEY_ID);
  g_assert_true (find_window ("Add Credentials") == dialog);

  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Name")), name);
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Secret Access Key")), SECRET);
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "AWS Account")), "123456789012");
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Region")), "eu-west-1");
  g_signal_emit_by_name (add, "clicked");

  wanted = (Wanted) { page, name, TRUE };
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));
  g_assert_null (find_window ("Add Credentials"));
  stored = sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (stored), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (stored), ==, "123456789012");
  g_assert_cmpstr (sluice_aws_credentials_get_region (stored), ==, "eu-west-1");

  /* The row: name, kind and account; the secret masked until shown. */
  sluice_test_flush_widget (GTK_WIDGET (page));
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, name);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Long-term keys · AWS account 123456789012");
  {
    GtkWidget *secret_row = sluice_test_find_widget (row, ADW_TYPE_ACTION_ROW, "Secret Access Key");
    GtkWidget *toggle = sluice_test_find_widget (secret_row, GTK_TYPE_TOGGLE_BUTTON, NULL);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, "••••••••EKEY");
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, SECRET);
    /* Closing the row hides it again. */
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, "••••••••EKEY");
  }

  /* Delete asks first; Cancel keeps the keys. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.delete", "s", name));
  dialog = wait_window (NULL);
  respond (dialog, "cancel");
  sluice_test_iterate (300);
  g_clear_object (&stored);
  stored = sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.delete", "s", name));
  dialog = wait_window (NULL);
  respond (dialog, "delete");
  wanted.present = FALSE;
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));
  g_clear_object (&stored);
  stored = sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error);
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND);

  destroy_window_and_page (window, page);
}

static void
test_paste (void)
{
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  if (!have_session_bus ())
    return;

  page = new_page_in_window (&window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.add", NULL));
  dialog = wait_window ("Add Credentials");
  view = sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* Something else: said under the box, nothing filled in. */
  gtk_text_buffer_set_text (buffer, "hello", -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Access Key ID"))), ==, "");

  /* data.all's pipeline JSON: the fields are filled in, the expiry estimated. */
  gtk_text_buffer_set_text (buffer,
                            "{\"AWS_ACCESS_KEY_ID\": \"ASIAWO9HADLEVQKCITUY\", \"AWS_SECRET_ACCESS_KEY\": \"" SECRET "\", "
                            "\"AWS_SESSION_TOKEN\": \"IQoJb3JpZ2luX2VjEXAMPLE+token/with==\"}", -1);
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Recognised data.all pipeline credentials."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Access Key ID"))), ==, "ASIAWO9HADLEVQKCITUY");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Secret Access Key"))), ==, SECRET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Session Token (Optional)"))), ==,
                   "IQoJb3JpZ2luX2VjEXAMPLE+token/with==");

  gtk_window_destroy (dialog);
  destroy_window_and_page (window, page);
}

static void
got_text_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_import_copy_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-credentials-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "credentials", NULL);
  g_autofree char *name = g_strdup_printf ("ci-%08x", g_random_int ());
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAwsCredentials) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (now, 1800);
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *row;
  GStatBuf st;
  Wanted wanted;

  if (!have_session_bus ())
    return;

  g_assert_nonnull (dir);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", path, TRUE);
  g_assert_true (g_file_set_contents (path,
                                      "# my keys\n[default]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n"
                                      "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n\n"
                                      "[" "other" "]\naws_access_key_id = " KEY_ID "\naws_secret_access_key = " SECRET "\n",
                                      -1, &error));
  g_assert_no_error (error);

  page = new_page_in_window (&window);

  /* Import: choose a profile, then check and name the keys in the Add dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.import-file", NULL));
  dialog = wait_window (NULL);
  row = sluice_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Profile");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  respond (dialog, "import");
  dialog = wait_window ("Add Credentials");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Name"))), ==, "other");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Access Key ID"))), ==, KEY_ID);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Secret Access Key"))), ==, SECRET);
  gtk_window_destroy (dialog);

  /* Session keys with an expiry: the row counts down. */
  session = sluice_aws_credentials_new ("ASIAWO9HADLEVQKCITUY", SECRET, "IQoJb3JpZ2luX2VjEXAMPLE+token/with==");
  sluice_aws_credentials_set_name (session, name);
  sluice_aws_credentials_set_expiration (session, expiry, FALSE);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (session, NULL, &error));
  g_assert_no_error (error);
  sluice_credentials_page_reload (page);
  wanted = (Wanted) { page, name, TRUE };
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));
  sluice_test_flush_widget (GTK_WIDGET (page));
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, name);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Session keys · Expires in 29:"));

  /* Copy as environment variables. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.copy-env", "s", name));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, got_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (text, "export AWS_ACCESS_KEY_ID=\"ASIAWO9HADLEVQKCITUY\""));
  g_assert_nonnull (strstr (text, "export AWS_SESSION_TOKEN="));

  /* Export: the profile is written, the others and the comment stay, mode 0600. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.export", "s", name));
  dialog = wait_window (NULL);
  row = sluice_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Profile Name");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, name);
  gtk_editable_set_text (GTK_EDITABLE (row), "bad]name");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  gtk_editable_set_text (GTK_EDITABLE (row), "other");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  /* Writing over an existing profile says so. */
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "export"), ==, "_Replace Profile");
  gtk_editable_set_text (GTK_EDITABLE (row), "sluice-ci");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "export"), ==, "_Export");
  respond (dialog, "export");
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    do
      {
        g_main_context_iteration (NULL, FALSE);
        g_clear_pointer (&written, g_free);
        g_file_get_contents (path, &written, NULL, NULL);
      }
    while ((written == NULL || strstr (written, "[sluice-ci]") == NULL) && g_get_monotonic_time () < end);
  }
  g_assert_nonnull (strstr (written, "[sluice-ci]"));
  g_assert_nonnull (strstr (written, "# my keys"));
  g_assert_nonnull (strstr (written, "[other]"));
  g_assert_nonnull (strstr (written, "aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE+token/with=="));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_no_error (error);
  g_unsetenv ("AWS_SHARED_CREDENTIALS_FILE");
  destroy_window_and_page (window, page);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
has_message_dialog (gpointer heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return TRUE;
    }

  return FALSE;
}

static GtkWindow *
message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (sluice_test_wait_for (has_message_dialog, (gpointer) heading, 5000));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }

  return NULL;
}

static void
test_export_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-credentials-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "credentials", NULL);
  g_autofree char *name = g_strdup_printf ("export-%08x", g_random_int ());
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  g_autoptr(GError) error = NULL;
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *row;
  Wanted wanted;

  if (!have_session_bus ())
    return;

  /* A plain file where the folder should be: the profile cannot be written. */
  g_assert_true (g_file_set_contents (blocker, "", -1, &error));
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", path, TRUE);
  sluice_aws_credentials_set_name (credentials, name);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (credentials, NULL, &error));
  g_assert_no_error (error);

  page = new_page_in_window (&window);
  wanted = (Wanted) { page, name, TRUE };
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.export", "s", name));
  dialog = message_dialog ("Export to an AWS Profile");
  row = sluice_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Profile Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "chosen");
  /* A click, as a person does: AdwMessageDialog closes before it gives the response. */
  g_signal_emit_by_name (sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Export"), "clicked");

  /* The failure is said, and the profile the user chose is offered again. */
  dialog = message_dialog ("Could Not Export the Credentials");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Could not "));
  respond (dialog, "close");
  dialog = message_dialog ("Export to an AWS Profile");
  row = sluice_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Profile Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "chosen");
  respond (dialog, "cancel");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_no_error (error);
  g_unsetenv ("AWS_SHARED_CREDENTIALS_FILE");
  destroy_window_and_page (window, page);
  g_unlink (blocker);
  g_rmdir (dir);
}

static void
test_edit_rename (void)
{
  g_autofree char *name = g_strdup_printf ("edit-%08x", g_random_int ());
  g_autofree char *renamed = g_strconcat (name, "-renamed", NULL);
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(SluiceAwsCredentials) stored = NULL;
  g_autoptr(GError) error = NULL;
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWindow *dialog;
  Wanted wanted;

  if (!have_session_bus ())
    return;

  credentials = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  sluice_aws_credentials_set_name (credentials, name);
  sluice_aws_credentials_set_pipeline_uri (credentials, "esok50ll");
  g_assert_true (sluice_keyring_store_aws_credentials_sync (credentials, NULL, &error));
  g_assert_no_error (error);

  page = new_page_in_window (&window);
  wanted = (Wanted) { page, name, TRUE };
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "credentials.edit", "s", name));
  dialog = wait_window ("Edit Credentials");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Name"))), ==, name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (dialog, "Access Key ID"))), ==, KEY_ID);
  /* No paste box when editing. */
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Name")), renamed);
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Region")), "eu-central-1");
  g_signal_emit_by_name (sluice_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save"), "clicked");

  /* One item under the new name, with what the form does not show kept. */
  wanted.present = FALSE;
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));
  wanted = (Wanted) { page, renamed, TRUE };
  g_assert_true (sluice_test_wait_for (has_credentials, &wanted, 10000));
  stored = sluice_keyring_lookup_aws_credentials_sync (renamed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_region (stored), ==, "eu-central-1");
  g_assert_cmpstr (sluice_aws_credentials_get_pipeline_uri (stored), ==, "esok50ll");
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (stored), ==, SECRET);
  g_assert_null (sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error));
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (renamed, NULL, &error));
  destroy_window_and_page (window, page);
}

static void
test_account (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-accounts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr(SluiceAccountManager) manager = sluice_account_manager_new (path);
  g_autoptr(SluiceAccount) account = sluice_account_new ("test-account");
  SluiceCredentialsPage *page;
  GtkWindow *window;
  GtkWidget *row;

  if (!have_session_bus ())
    return;

  page = new_page_in_window (&window);
  sluice_account_set_name (account, "Acme data.all");
  sluice_account_manager_add (manager, account);
  sluice_credentials_page_set_account_manager (page, manager);
  sluice_account_manager_set_active (manager, account);

  /* A signed-out account: its name and state, nothing to sign out of or to ask data.all. */
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Acme data.all");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Signed out");
  g_assert_false (gtk_widget_get_visible (sluice_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Sign _Out")));
  g_assert_false (gtk_widget_get_sensitive (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                                     "Get Credentials for a Pipeline…")));

  /* Renamed: the row follows. */
  sluice_account_set_name (account, "Acme");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Acme"));

  sluice_account_manager_set_active (manager, NULL);
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Not Connected"));

  sluice_credentials_page_set_account_manager (page, NULL);
  destroy_window_and_page (window, page);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/credentials-page/empty-or-listed", test_empty_or_listed);
  g_test_add_func ("/sluice/credentials-page/add-validate-delete", test_add_validate_delete);
  g_test_add_func ("/sluice/credentials-page/paste", test_paste);
  g_test_add_func ("/sluice/credentials-page/import-copy-export", test_import_copy_export);
  g_test_add_func ("/sluice/credentials-page/export-fails", test_export_fails);
  g_test_add_func ("/sluice/credentials-page/edit-rename", test_edit_rename);
  g_test_add_func ("/sluice/credentials-page/account", test_account);

  return g_test_run ();
}
