/* sluice-deployment-view-save.c: saving the deployment view's ddk.json, after a look at the
 * change (a diff of the lines that change)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-deployment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-deployment-view-private.h"

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SluiceDeploymentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_ddk_config_save_finish (SLUICE_DDK_CONFIG (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sluice_deployment_view_set_status (self, error->message);
      gtk_widget_set_sensitive (self->save_button, TRUE);
      return;
    }
  gtk_widget_set_sensitive (self->save_button, TRUE);
  _sluice_deployment_view_set_status (self, _("ddk.json saved."));
  _sluice_deployment_view_update_problems (self);
  g_signal_emit_by_name (self, "saved");
}

static void
diff_response_cb (AdwMessageDialog     *dialog,
                  const char           *response,
                  SluiceDeploymentView *self)
{
  if (!g_str_equal (response, "save") || self->config == NULL)
    return;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  _sluice_deployment_view_set_status (self, _("Saving ddk.json…"));
  sluice_ddk_config_save_async (self->config, NULL, self->cancellable, saved_cb, g_object_ref (self));
}

void
_sluice_deployment_view_save_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  SluiceDeploymentView *self = SLUICE_DEPLOYMENT_VIEW (widget);
  g_autofree char *diff = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  if (self->config == NULL)
    return;

  diff = sluice_ddk_config_diff (self->config);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save ddk.json?"),
                                   _("These lines of the file change. Nothing else in it is rewritten."));
  view = gtk_text_view_new ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, diff, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes to ddk.json"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (diff_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
