/* test-error-box.c: the error box and the copy button of src/ui/common
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sluice-copy-button.h"
#include "sluice-dataall-error.h"
#include "sluice-error-box.h"
#include "sluice-test-utils.h"
#include "sluice-toast.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GtkWidget *
expander_of (GtkWidget *box)
{
  GtkWidget *expander = sluice_test_find_widget (box, GTK_TYPE_EXPANDER, NULL);

  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "Details");
  return expander;
}

static void
test_error_box_message_and_detail (void)
{
  SluiceErrorBox *box = SLUICE_ERROR_BOX (g_object_ref_sink (sluice_error_box_new ()));
  g_autoptr(GError) plain = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "The network is down.");
  guint n_message = 0;
  GtkWidget *expander;

  g_signal_connect (box, "notify::message", G_CALLBACK (count_notify_cb), &n_message);

  /* Nothing to say: the box hides itself. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (box)));

  /* A plain GError has no server words: no Details. */
  sluice_error_box_set_error (box, plain);
  g_assert_cmpstr (sluice_error_box_get_message (box), ==, "The network is down.");
  g_assert_null (sluice_error_box_get_detail (box));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (box)));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (box), GTK_TYPE_LABEL, "The network is down."));
  expander = expander_of (GTK_WIDGET (box));
  g_assert_nonnull (expander);
  g_assert_false (gtk_widget_get_visible (expander));
  g_assert_cmpuint (n_message, ==, 1);

  /* The same message again notifies nothing. */
  sluice_error_box_set_message (box, "The network is down.");
  g_assert_cmpuint (n_message, ==, 1);

  /* With the server's words, Details shows them. */
  sluice_error_box_set_detail (box, "An error occurred (UnauthorizedOperation)");
  g_assert_true (gtk_widget_get_visible (expander));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (expander)))), ==,
                   "An error occurred (UnauthorizedOperation)");

  /* Under a status page the sentence is the page's: only Details stays. */
  sluice_error_box_set_show_message (box, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (box)));
  g_assert_false (gtk_widget_get_visible (sluice_test_find_widget (GTK_WIDGET (box), GTK_TYPE_LABEL,
                                                                   "The network is down.")));

  /* Cleared, it hides again. */
  sluice_error_box_set_error (box, NULL);
  g_assert_null (sluice_error_box_get_message (box));
  g_assert_null (sluice_error_box_get_detail (box));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (box)));

  g_assert_finalize_object (box);
}

static void
test_error_box_dataall_detail (void)
{
  SluiceErrorBox *box = SLUICE_ERROR_BOX (g_object_ref_sink (sluice_error_box_new ()));
  g_autoptr(GError) error = NULL;

  error = sluice_dataall_error_new (SLUICE_DATAALL_ERROR_NOT_AUTHORIZED, "GetDataPipeline", 200,
                                    "UnauthorizedOperation",
                                    "An error occurred (UnauthorizedOperation) when calling GET_PIPELINE "
                                    "operation: User: a@example.com is not authorized");
  sluice_error_box_set_error (box, error);
  g_assert_cmpstr (sluice_error_box_get_message (box), ==, error->message);
  g_assert_nonnull (sluice_error_box_get_detail (box));
  g_assert_nonnull (strstr (sluice_error_box_get_detail (box), "User: a@example.com is not authorized"));
  g_assert_true (gtk_widget_get_visible (expander_of (GTK_WIDGET (box))));

  g_assert_finalize_object (box);
}

static void
test_copy_button (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  SluiceCopyButton *button;
  guint n_text = 0;

  button = SLUICE_COPY_BUTTON (sluice_copy_button_new ("Copy Name", "customer-360", "Name copied"));
  g_object_ref (button);
  g_signal_connect (button, "notify::text", G_CALLBACK (count_notify_cb), &n_text);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (button));
  gtk_window_set_child (GTK_WINDOW (window), overlay);

  g_assert_cmpstr (sluice_copy_button_get_text (button), ==, "customer-360");
  g_assert_cmpstr (sluice_copy_button_get_toast (button), ==, "Name copied");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Copy Name");
  g_assert_true (sluice_test_find_widget (overlay, GTK_TYPE_BUTTON, "Copy Name") == GTK_WIDGET (button));

  sluice_copy_button_set_text (button, "customer-360");
  g_assert_cmpuint (n_text, ==, 0);
  sluice_copy_button_set_text (button, "sales-daily");
  g_assert_cmpuint (n_text, ==, 1);
  g_object_set (button, "toast", "Copied", NULL);
  g_assert_cmpstr (sluice_copy_button_get_toast (button), ==, "Copied");

  /* A click copies (the clipboard is the display's) and toasts without a warning. */
  g_signal_emit_by_name (button, "clicked");
  sluice_toast_show (GTK_WIDGET (button), "Another toast");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (button);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/error-box/message-and-detail", test_error_box_message_and_detail);
  g_test_add_func ("/sluice/error-box/dataall-detail", test_error_box_dataall_detail);
  g_test_add_func ("/sluice/copy-button/properties", test_copy_button);

  return g_test_run ();
}
