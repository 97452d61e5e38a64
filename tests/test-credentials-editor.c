/* test-credentials-editor.c: the Add and Edit dialog of the Credentials page
 *
 * The checks at the fields need no keyring; adding and cancelling use the private
 * gnome-keyring that build-aux/dev test starts.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-credentials-editor.h"
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

static GListModel *
existing_with (const char *name)
{
  GListStore *store = g_list_store_new (SLUICE_TYPE_AWS_CREDENTIALS);
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);

  sluice_aws_credentials_set_name (credentials, name);
  g_list_store_append (store, credentials);

  return G_LIST_MODEL (store);
}

static GtkWidget *
entry (SluiceCredentialsEditor *editor,
       const char              *title)
{
  GtkWidget *row = sluice_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
type (SluiceCredentialsEditor *editor,
      const char              *title,
      const char              *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry (editor, title)), text);
}

static const char *
text_of (SluiceCredentialsEditor *editor,
         const char              *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry (editor, title)));
}

static gboolean
showing (SluiceCredentialsEditor *editor,
         const char              *text)
{
  GtkWidget *label = sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label);
}

static gboolean
marked (SluiceCredentialsEditor *editor,
        const char              *title)
{
  return gtk_widget_has_css_class (entry (editor, title), "error");
}

static void
click (SluiceCredentialsEditor *editor,
       const char              *label)
{
  GtkWidget *button = sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The editor as the page makes it; the test keeps a reference to check it goes. */
static SluiceCredentialsEditor *
new_editor (SluiceAwsCredentials *original,
            GListModel           *existing)
{
  SluiceCredentialsEditor *editor = sluice_credentials_editor_new (original, existing);

  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  sluice_test_flush_widget (GTK_WIDGET (editor));

  return editor;
}

static void
destroy_editor (SluiceCredentialsEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  sluice_test_iterate (50);
  g_assert_finalize_object (editor);
}

static void
test_checks (void)
{
  g_autoptr(GListModel) existing = existing_with ("taken");
  SluiceCredentialsEditor *editor = new_editor (NULL, existing);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Add Credentials");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Add"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));

  /* Nothing typed, nothing said. */
  g_assert_false (marked (editor, "Name"));
  g_assert_false (marked (editor, "Access Key ID"));

  /* Each field is checked as it is typed, and its sentence shown under its group. */
  type (editor, "Access Key ID", "akia-123");
  g_assert_true (showing (editor, "An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));
  g_assert_true (marked (editor, "Access Key ID"));
  type (editor, "Access Key ID", KEY_ID);
  g_assert_false (marked (editor, "Access Key ID"));
  g_assert_false (showing (editor, "An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));

  type (editor, "Name", "taken");
  g_assert_true (showing (editor, "Other credentials have this name already. Choose another name."));
  g_assert_true (marked (editor, "Name"));
  type (editor, "Name", "  fresh  ");
  g_assert_false (marked (editor, "Name"));

  type (editor, "AWS Account", "12345");
  type (editor, "Region", "moon-1");
  g_assert_true (showing (editor, "An AWS account ID has exactly 12 digits, like 111122223333.\nA region looks like eu-west-1."));
  g_assert_true (marked (editor, "AWS Account"));
  g_assert_true (marked (editor, "Region"));
  type (editor, "AWS Account", "");
  type (editor, "Region", "eu-west-1");
  g_assert_false (marked (editor, "AWS Account"));
  g_assert_false (marked (editor, "Region"));

  /* Saving checks the empty fields too; nothing typed is lost and the dialog stays. */
  click (editor, "_Add");
  g_assert_true (showing (editor, "Enter a secret access key."));
  g_assert_true (marked (editor, "Secret Access Key"));
  g_assert_cmpstr (text_of (editor, "Name"), ==, "  fresh  ");
  g_assert_cmpstr (text_of (editor, "Access Key ID"), ==, KEY_ID);
  g_assert_cmpstr (text_of (editor, "Region"), ==, "eu-west-1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  destroy_editor (editor);
}

static void
test_paste_and_prefill (void)
{
  g_autoptr(SluiceAwsCredentials) imported = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  SluiceCredentialsEditor *editor = new_editor (NULL, NULL);
  GtkWidget *view = sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL);

  /* What the paste box holds fills the fields and is named under it. */
  sluice_credentials_editor_paste (editor, "export AWS_ACCESS_KEY_ID=" KEY_ID "\nexport AWS_SECRET_ACCESS_KEY=" SECRET "\n");
  g_assert_nonnull (view);
  g_assert_true (showing (editor, "Recognised environment variables."));
  g_assert_cmpstr (text_of (editor, "Access Key ID"), ==, KEY_ID);
  g_assert_cmpstr (text_of (editor, "Secret Access Key"), ==, SECRET);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "no keys here", -1);
  /* Text that is not credentials is said to be so, and changes no field. */
  g_assert_false (showing (editor, "Recognised environment variables."));
  g_assert_cmpstr (text_of (editor, "Access Key ID"), ==, KEY_ID);
  destroy_editor (editor);

  /* An imported profile fills every field, its name included. */
  sluice_aws_credentials_set_name (imported, "work");
  sluice_aws_credentials_set_region (imported, "eu-central-1");
  editor = new_editor (NULL, NULL);
  sluice_credentials_editor_prefill (editor, imported);
  g_assert_cmpstr (text_of (editor, "Name"), ==, "work");
  g_assert_cmpstr (text_of (editor, "Access Key ID"), ==, KEY_ID);
  g_assert_cmpstr (text_of (editor, "Region"), ==, "eu-central-1");
  destroy_editor (editor);
}

static void
test_edit (void)
{
  g_autoptr(GListModel) existing = existing_with ("mine");
  g_autoptr(SluiceAwsCredentials) original = g_list_model_get_item (existing, 0);
  SluiceCredentialsEditor *editor;

  sluice_aws_credentials_set_region (original, "eu-west-1");
  editor = new_editor (original, existing);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Credentials");
  g_assert_true (sluice_credentials_editor_get_original (editor) == original);
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save"));
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Add"));
  /* No paste box when editing. */
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));

  g_assert_cmpstr (text_of (editor, "Name"), ==, "mine");
  g_assert_cmpstr (text_of (editor, "Access Key ID"), ==, KEY_ID);
  g_assert_cmpstr (text_of (editor, "Secret Access Key"), ==, SECRET);
  g_assert_cmpstr (text_of (editor, "Region"), ==, "eu-west-1");
  /* Its own name is not taken. */
  g_assert_false (marked (editor, "Name"));
  type (editor, "Name", "mine");
  g_assert_false (marked (editor, "Name"));

  destroy_editor (editor);
}

typedef struct
{
  gboolean              done;
  SluiceAwsCredentials *stored;
  GError               *error;
} Run;

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;

  run->stored = sluice_credentials_editor_run_finish (SLUICE_CREDENTIALS_EDITOR (source), result, &run->error);
  run->done = TRUE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

static void
test_cancel_keeps_nothing (void)
{
  g_autofree char *name = g_strdup_printf ("cancelled-%08x", g_random_int ());
  g_autoptr(SluiceAwsCredentials) lookup = NULL;
  g_autoptr(GError) error = NULL;
  SluiceCredentialsEditor *editor;
  Run run = { 0 };

  if (!have_session_bus ())
    return;

  editor = sluice_credentials_editor_new (NULL, NULL);
  g_object_ref (editor);
  sluice_credentials_editor_run_async (editor, NULL, NULL, run_cb, &run);
  sluice_test_flush_widget (GTK_WIDGET (editor));
  type (editor, "Name", name);
  type (editor, "Access Key ID", KEY_ID);
  type (editor, "Secret Access Key", SECRET);

  click (editor, "_Cancel");
  g_assert_true (sluice_test_wait_for (run_done, &run, 5000));
  g_assert_null (run.stored);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* Nothing reached the keyring. */
  sluice_test_iterate (100);
  lookup = sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error);
  g_assert_null (lookup);
  g_assert_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND);

  g_assert_finalize_object (editor);
}

static void
test_add (void)
{
  g_autofree char *name = g_strdup_printf ("editor-test-%08x", g_random_int ());
  g_autoptr(SluiceAwsCredentials) imported = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  g_autoptr(SluiceAwsCredentials) stored = NULL;
  g_autoptr(GError) error = NULL;
  SluiceCredentialsEditor *editor;
  Run run = { 0 };

  if (!have_session_bus ())
    return;

  /* Keys from elsewhere keep what the fields do not show, as long as they are the same keys. */
  sluice_aws_credentials_set_pipeline_uri (imported, "esok50ll");
  editor = sluice_credentials_editor_new (NULL, NULL);
  g_object_ref (editor);
  sluice_credentials_editor_prefill (editor, imported);
  sluice_credentials_editor_run_async (editor, NULL, NULL, run_cb, &run);
  sluice_test_flush_widget (GTK_WIDGET (editor));
  type (editor, "Name", name);
  type (editor, "AWS Account", "123456789012");

  click (editor, "_Add");
  g_assert_true (sluice_test_wait_for (run_done, &run, 10000));
  g_assert_no_error (run.error);
  g_assert_nonnull (run.stored);
  g_assert_cmpstr (sluice_aws_credentials_get_name (run.stored), ==, name);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  stored = sluice_keyring_lookup_aws_credentials_sync (name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (stored), ==, KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (stored), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (stored), ==, "123456789012");
  g_assert_cmpstr (sluice_aws_credentials_get_pipeline_uri (stored), ==, "esok50ll");

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&run.stored);
  sluice_test_iterate (50);
  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/credentials-editor/checks", test_checks);
  g_test_add_func ("/sluice/credentials-editor/paste-and-prefill", test_paste_and_prefill);
  g_test_add_func ("/sluice/credentials-editor/edit", test_edit);
  g_test_add_func ("/sluice/credentials-editor/cancel-keeps-nothing", test_cancel_keeps_nothing);
  g_test_add_func ("/sluice/credentials-editor/add", test_add);

  return g_test_run ();
}
