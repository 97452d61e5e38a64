/* sluice-pipeline-page-actions.c: the pipeline page's actions and shortcuts
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"

#include "sluice-clone-dialog.h"
#include "sluice-dataall-api.h"
#include "sluice-delete-pipeline-dialog.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-editor.h"
#include "sluice-pipeline-page-private.h"
#include "sluice-toast.h"

static const char * const tab_names[] = { "overview", "stack", "stages", "tags", "deployment" };

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sluice_pipeline_page_reload (SLUICE_PIPELINE_PAGE (widget));
}

/* Shows a tab from the keyboard. Focus must not stay behind on a widget of the tab that was
 * hidden: it would leave the page, and the page's shortcuts (Ctrl+E, Alt+1…3) with it. */
static void
switch_tab (SluicePipelinePage *self,
            const char         *name)
{
  GtkRoot *root;
  GtkWidget *focus;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (root != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ||
                       !gtk_widget_get_mapped (focus)))
    {
      if (!gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
    }
}

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    switch_tab (self, name);
}

static void
cycle_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  int step = g_str_equal (action_name, "page.next-tab") ? 1 : -1;
  int n = G_N_ELEMENTS (tab_names);
  int current = 0;

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (name, tab_names[i]) == 0)
      current = i;
  switch_tab (self, tab_names[(current + step + n) % n]);
}

/* The Stack and Tags tabs' commands, by name so that the page's shortcuts reach them. */
static void
tab_command_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);

  if (g_str_equal (action_name, "page.reload-stack"))
    sluice_stack_view_load (self->stack_view);
  else if (g_str_equal (action_name, "page.refresh-logs"))
    sluice_stack_logs_load (sluice_stack_view_get_logs (self->stack_view),
                            sluice_stack_view_get_stack (self->stack_view));
  else if (g_str_equal (action_name, "page.copy-logs"))
    sluice_stack_logs_copy (sluice_stack_view_get_logs (self->stack_view));
  else if (g_str_equal (action_name, "page.open-console"))
    sluice_stack_view_open_console (self->stack_view);
  else if (g_str_equal (action_name, "page.reload-tags"))
    sluice_key_value_tags_view_load (self->tags_view);
  else if (g_str_equal (action_name, "page.add-tag"))
    sluice_key_value_tags_view_add_tag (self->tags_view);
  else if (g_str_equal (action_name, "page.revert-tags"))
    sluice_key_value_tags_view_revert (self->tags_view);
  else if (g_str_equal (action_name, "page.save-tags"))
    sluice_key_value_tags_view_save (self->tags_view);
}

typedef struct
{
  SluicePipelinePage *page;
  char               *format;
} CopyCredentials;

static void
copy_credentials_free (CopyCredentials *copy)
{
  g_clear_object (&copy->page);
  g_free (copy->format);
  g_free (copy);
}

static char *
credentials_to_json (SluiceAwsCredentials *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  /* The spelling data.all's console copies: getDataPipelineCredsLinux's own. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AWS_ACCESS_KEY_ID");
  json_builder_add_string_value (builder, sluice_aws_credentials_get_access_key_id (credentials));
  json_builder_set_member_name (builder, "AWS_SECRET_ACCESS_KEY");
  json_builder_add_string_value (builder, sluice_aws_credentials_get_secret_access_key (credentials));
  json_builder_set_member_name (builder, "AWS_SESSION_TOKEN");
  json_builder_add_string_value (builder, sluice_aws_credentials_get_session_token (credentials));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
fetch_credentials_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CopyCredentials *copy = user_data;
  SluicePipelinePage *self = copy->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autofree char *text = NULL;

  credentials = sluice_pipeline_credentials_fetch_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      copy_credentials_free (copy);
      return;
    }
  self->fetching_credentials = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->credentials_button), TRUE);

  if (credentials == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not get AWS credentials: %s"), error->message);

      sluice_toast_show (GTK_WIDGET (self), message);
    }
  else
    {
      if (g_strcmp0 (copy->format, "json") == 0)
        text = credentials_to_json (credentials);
      else
        text = sluice_aws_credentials_to_export_lines (credentials);
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      sluice_toast_show (GTK_WIDGET (self), _("AWS credentials stored in the keyring and copied"));
    }
  copy_credentials_free (copy);
}

static void
copy_credentials_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  SluiceEnvironment *environment;
  CopyCredentials *copy;

  if (!self->complete || self->fetching_credentials)
    return;

  environment = sluice_pipeline_get_environment (self->pipeline);
  copy = g_new0 (CopyCredentials, 1);
  copy->page = g_object_ref (self);
  copy->format = g_variant_dup_string (parameter, NULL);
  self->fetching_credentials = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->credentials_button), FALSE);
  sluice_pipeline_credentials_fetch_async (self->account,
                                           sluice_pipeline_get_uri (self->pipeline),
                                           sluice_pipeline_get_label (self->pipeline),
                                           environment != NULL ? sluice_environment_get_aws_account_id (environment) : NULL,
                                           environment != NULL ? sluice_environment_get_region (environment) : NULL,
                                           FALSE, self->cancellable, fetch_credentials_cb, copy);
}

static void
editor_saved_cb (SluicePipelineEditor *editor,
                 gboolean              complete,
                 SluicePipelinePage   *self)
{
  if (complete)
    sluice_toast_show (GTK_WIDGET (self->toast_overlay), _("Pipeline saved"));
  sluice_pipeline_page_reload (self);
  /* Saving the name, description or tags redeploys the stack: follow it. */
  sluice_stack_view_follow_redeploy (self->stack_view);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  SluicePipelineEditor *editor;

  if (!self->complete)
    return;
  editor = sluice_pipeline_editor_new (self->account, self->pipeline);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Deleted: the page says so, and its container leaves it (the pipelines view goes back to its
 * list, without the pipeline). */
static void
delete_pipeline_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_dataall_client_delete_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _sluice_pipeline_page_set_loading (self, FALSE);
      message = g_strdup_printf (_("Could not delete the pipeline: %s"), error->message);
      sluice_toast_show (GTK_WIDGET (self->toast_overlay), message);
      return;
    }
  _sluice_pipeline_page_set_loading (self, FALSE);
  g_signal_emit_by_name (self, "deleted", sluice_pipeline_get_uri (self->pipeline));
}

static void
delete_confirmed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean from_aws = FALSE;

  if (!sluice_delete_pipeline_dialog_run_finish (result, &from_aws, &error) || self->loading)
    return;
  _sluice_pipeline_page_set_loading (self, TRUE);
  sluice_dataall_client_delete_pipeline_async (sluice_account_get_client (self->account),
                                               sluice_pipeline_get_uri (self->pipeline), from_aws,
                                               self->cancellable, delete_pipeline_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  sluice_delete_pipeline_dialog_run_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           sluice_pipeline_get_label (self->pipeline), self->cancellable,
                                           delete_confirmed_cb, g_object_ref (self));
}

/* A new label makes a new label widget: the button's name follows it (sluice-a11y.c). */
static void
set_button_label (GtkButton  *button,
                  const char *mnemonic)
{
  gtk_button_set_label (button, mnemonic);
  gtk_button_set_use_underline (button, TRUE);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (button));
}

/* The Clone dialog for the page's pipeline. Ctrl+Shift+C always opens it, even with a clone
 * made: a second clone in another folder is a thing people do, and the dialog says so when
 * the folder proposed is that clone already. */
static void
clone_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  SluiceCloneDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!self->complete)
    return;
  dialog = sluice_clone_dialog_new (self->account, self->pipeline);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_clone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sluice_pipeline_overview_open_clone (SLUICE_PIPELINE_PAGE (widget)->overview);
}

/* With a clone on this computer the header's button opens it, as a file manager's recent
 * folder would: once cloned, going to the files is what people come back for, and cloning the
 * same repository again is rare (the Overview's Local Clone row keeps Clone Again…, and
 * Ctrl+Shift+C still opens the dialog). A button that keeps saying "Clone…" would invite a
 * second clone by mistake. */
void
_sluice_pipeline_page_update_clone_button (SluicePipelinePage *self)
{
  const char *path = sluice_pipeline_overview_get_clone_path (self->overview);

  if (path != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Open the clone in %s"), path);

      set_button_label (self->clone_button, _("Open _Folder"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clone_button), "page.open-clone");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->clone_button), tooltip);
    }
  else
    {
      set_button_label (self->clone_button, _("_Clone…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clone_button), "page.clone");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->clone_button),
                                   _("Clone the repository to this computer (Ctrl+Shift+C)"));
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Installing them                                                                            */
/* ------------------------------------------------------------------------------------------ */

void
_sluice_pipeline_page_install_actions (GtkWidgetClass *widget_class)
{
  static const char * const tab_commands[] = {
    "page.reload-stack", "page.refresh-logs", "page.copy-logs", "page.open-console",
    "page.reload-tags", "page.add-tag", "page.revert-tags", "page.save-tags",
  };

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.copy-credentials", "s", copy_credentials_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "page.edit", NULL);
  gtk_widget_class_install_action (widget_class, "page.clone", NULL, clone_action);
  gtk_widget_class_install_action (widget_class, "page.open-clone", NULL, open_clone_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.clone", NULL);
  gtk_widget_class_install_action (widget_class, "page.show-tab", "s", show_tab_action);
  gtk_widget_class_install_action (widget_class, "page.next-tab", NULL, cycle_tab_action);
  gtk_widget_class_install_action (widget_class, "page.previous-tab", NULL, cycle_tab_action);
  for (guint i = 0; i < G_N_ELEMENTS (tab_commands); i++)
    gtk_widget_class_install_action (widget_class, tab_commands[i], NULL, tab_command_action);

  /* Tabs: Alt+1..5 as in GNOME's tabbed apps, Ctrl+Page Up/Down to the previous/next. */
  for (guint i = 0; i < G_N_ELEMENTS (tab_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "page.show-tab", "s", tab_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "page.next-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "page.previous-tab", NULL);
}
