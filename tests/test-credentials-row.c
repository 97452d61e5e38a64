/* test-credentials-row.c: one credential set in the Credentials page's list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-credentials-row.h"
#include "sluice-test-utils.h"

#define KEY_ID "ASIAWO9HADLEVQKCITUY"
#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN "IQoJb3JpZ2luX2VjEXAMPLE+token/with=="

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GtkWidget *
detail (SluiceCredentialsRow *row,
        const char           *title)
{
  return sluice_test_find_widget (GTK_WIDGET (row), ADW_TYPE_ACTION_ROW, title);
}

static void
test_details (void)
{
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new ("AKIAIOSFODNN7EXAMPLE", SECRET, NULL);
  SluiceCredentialsRow *row;
  GtkWidget *button;

  sluice_aws_credentials_set_name (credentials, "Build keys");
  sluice_aws_credentials_set_aws_account_id (credentials, "123456789012");
  row = g_object_ref_sink (sluice_credentials_row_new (credentials));

  g_assert_true (sluice_credentials_row_get_credentials (row) == credentials);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Build keys");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Long-term keys · AWS account 123456789012");

  /* What the keys have is shown; what they lack is not. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (detail (row, "Access Key ID"))), ==, "AKIAIOSFODNN7EXAMPLE");
  g_assert_true (gtk_widget_get_visible (detail (row, "AWS Account")));
  g_assert_false (gtk_widget_get_visible (detail (row, "Session Token")));
  g_assert_false (gtk_widget_get_visible (detail (row, "Region")));
  g_assert_false (gtk_widget_get_visible (detail (row, "Expires")));

  /* The menu button is named after the keys. */
  button = sluice_test_find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Actions for “Build keys”");
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));

  g_assert_finalize_object (row);
}

static void
test_secrets (void)
{
  g_autoptr(SluiceAwsCredentials) credentials = sluice_aws_credentials_new (KEY_ID, SECRET, TOKEN);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expiry = g_date_time_add_seconds (now, 1800);
  SluiceCredentialsRow *row;
  GtkWindow *window;
  GtkWidget *list;
  GtkWidget *secret_row;
  GtkWidget *token_row;
  GtkWidget *secret_toggle;
  GtkWidget *token_toggle;
  g_autofree char *masked = NULL;
  guint n_shown = 0;

  sluice_aws_credentials_set_name (credentials, "session");
  sluice_aws_credentials_set_expiration (credentials, expiry, FALSE);
  row = g_object_ref_sink (sluice_credentials_row_new (credentials));
  g_signal_connect (row, "notify::secrets-shown", G_CALLBACK (count_notify_cb), &n_shown);

  window = GTK_WINDOW (gtk_window_new ());
  list = gtk_list_box_new ();
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (window, list);
  gtk_window_present (window);
  sluice_test_flush_widget (GTK_WIDGET (row));

  /* The countdown, while on screen. */
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Session keys · Expires in 29:"));
  g_assert_true (gtk_widget_get_visible (detail (row, "Expires")));

  secret_row = detail (row, "Secret Access Key");
  token_row = detail (row, "Session Token");
  secret_toggle = sluice_test_find_widget (secret_row, GTK_TYPE_TOGGLE_BUTTON, NULL);
  token_toggle = sluice_test_find_widget (token_row, GTK_TYPE_TOGGLE_BUTTON, NULL);
  masked = sluice_aws_credentials_mask (SECRET);

  /* Masked until shown, one secret at a time. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, masked);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (secret_toggle), ==, "Show Secret Access Key");
  g_assert_false (sluice_credentials_row_get_secrets_shown (row));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (token_toggle), TRUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (token_row)), ==, TOKEN);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, masked);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (token_toggle), ==, "Hide Session Token");
  g_assert_true (sluice_credentials_row_get_secrets_shown (row));
  g_assert_cmpuint (n_shown, ==, 1);

  /* Closing the row hides them again. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (secret_toggle), TRUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, SECRET);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  g_assert_false (sluice_credentials_row_get_secrets_shown (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)), ==, masked);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (token_row)), !=, TOKEN);

  /* So does leaving the screen. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (secret_toggle), TRUE);
  gtk_widget_set_visible (list, FALSE);
  g_assert_false (sluice_credentials_row_get_secrets_shown (row));

  gtk_window_destroy (window);
  sluice_test_iterate (50);
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/credentials-row/details", test_details);
  g_test_add_func ("/sluice/credentials-row/secrets", test_secrets);

  return g_test_run ();
}
