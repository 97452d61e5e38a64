/* sluice-credentials-import-dialog.c: asks which profile of an AWS credentials file to import
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-credentials-import-dialog.h"
#include "sluice-credentials-utils-private.h"

struct _SluiceCredentialsImportDialog
{
  AdwMessageDialog  parent_instance;

  GFile            *file;
  char             *contents;   /* the file's text: secrets, wiped when done */
  GStrv             names;      /* its profiles, in the file's order */
  GTask            *task;

  /* Template widgets */
  AdwComboRow      *profile_row;
  GtkStringList    *profiles;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsImportDialog, sluice_credentials_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ------------------------------------------------------------------------------------------ */
/* Reading the file                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* The run ends before the dialog is shown: with why the file cannot be used. */
static void
fail (SluiceCredentialsImportDialog *self,
      GError                        *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_task_return_error (task, error);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SluiceCredentialsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  gsize length = 0;

  if (!g_file_load_contents_finish (self->file, result, &self->contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, g_steal_pointer (&error));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no AWS credentials file at %s."), path));
      else
        fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read %s: %s"), path, error->message));
      return;
    }

  if (g_utf8_validate (self->contents, length, NULL))
    self->names = sluice_aws_credentials_list_ini_profiles (self->contents, length);
  if (self->names == NULL || self->names[0] == NULL)
    {
      fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s holds no profiles."), path));
      return;
    }

  gtk_string_list_splice (self->profiles, 0, 0, (const char * const *) self->names);
  adw_combo_row_set_selected (self->profile_row, 0);
  /* Translators: %s is a file's path */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("Choose the profile of %s to import. You can check and name the keys before they are stored."),
                                  path);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------------------------ */
/* AdwMessageDialog                                                                           */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_import_dialog_response (AdwMessageDialog *dialog,
                                           const char       *response)
{
  SluiceCredentialsImportDialog *self = SLUICE_CREDENTIALS_IMPORT_DIALOG (dialog);
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  GError *error = NULL;
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (task == NULL)
    return;
  if (g_strcmp0 (response, "import") != 0 || self->names == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (self->names))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The dialog was closed."));
      return;
    }

  credentials = sluice_aws_credentials_parse_ini (self->contents, -1, self->names[selected], NULL, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&credentials), g_object_unref);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Closed without an answer (a clicked response may still come: see
 * _sluice_credentials_run_unmapped()). */
static void
end_unanswered (GtkWidget *widget)
{
  SluiceCredentialsImportDialog *self = SLUICE_CREDENTIALS_IMPORT_DIALOG (widget);

  sluice_credentials_import_dialog_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

static void
sluice_credentials_import_dialog_unmap (GtkWidget *widget)
{
  SluiceCredentialsImportDialog *self = SLUICE_CREDENTIALS_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (sluice_credentials_import_dialog_parent_class)->unmap (widget);
  _sluice_credentials_run_unmapped (widget, self->task != NULL, end_unanswered, TRUE);
}

static void
sluice_credentials_import_dialog_dispose (GObject *object)
{
  SluiceCredentialsImportDialog *self = SLUICE_CREDENTIALS_IMPORT_DIALOG (object);

  if (self->task != NULL)
    sluice_credentials_import_dialog_response (ADW_MESSAGE_DIALOG (self), "cancel");
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREDENTIALS_IMPORT_DIALOG);

  G_OBJECT_CLASS (sluice_credentials_import_dialog_parent_class)->dispose (object);
}

static void
sluice_credentials_import_dialog_finalize (GObject *object)
{
  SluiceCredentialsImportDialog *self = SLUICE_CREDENTIALS_IMPORT_DIALOG (object);

  if (self->contents != NULL)
    memset (self->contents, 0, strlen (self->contents));
  g_clear_pointer (&self->contents, g_free);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sluice_credentials_import_dialog_parent_class)->finalize (object);
}

static void
sluice_credentials_import_dialog_class_init (SluiceCredentialsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = sluice_credentials_import_dialog_dispose;
  object_class->finalize = sluice_credentials_import_dialog_finalize;

  widget_class->unmap = sluice_credentials_import_dialog_unmap;

  dialog_class->response = sluice_credentials_import_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsImportDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsImportDialog, profiles);
}

static void
sluice_credentials_import_dialog_init (SluiceCredentialsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_credentials_import_dialog_new:
 * @file: (nullable): an AWS credentials file; %NULL for the user's own
 */
SluiceCredentialsImportDialog *
sluice_credentials_import_dialog_new (GFile *file)
{
  SluiceCredentialsImportDialog *self;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (SLUICE_TYPE_CREDENTIALS_IMPORT_DIALOG, NULL);
  self->file = file != NULL ? g_object_ref (file) : sluice_aws_credentials_get_default_file ();

  return self;
}

/**
 * sluice_credentials_import_dialog_run_async:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Reads the file, then asks which of its profiles to import.
 */
void
sluice_credentials_import_dialog_run_async (SluiceCredentialsImportDialog *self,
                                            GtkWindow                     *parent,
                                            GCancellable                  *cancellable,
                                            GAsyncReadyCallback            callback,
                                            gpointer                       user_data)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_IMPORT_DIALOG (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sluice_credentials_import_dialog_run_async);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  g_file_load_contents_async (self->file, cancellable, loaded_cb, g_object_ref (self));
}

/**
 * sluice_credentials_import_dialog_run_finish:
 *
 * Returns: (transfer full): the chosen profile's keys, named after it but not yet stored;
 *   %NULL with %G_IO_ERROR_CANCELLED when the user did not choose, another %G_IO_ERROR when
 *   the file cannot be used, or a #SLUICE_AWS_CREDENTIALS_ERROR when the profile cannot be read
 */
SluiceAwsCredentials *
sluice_credentials_import_dialog_run_finish (SluiceCredentialsImportDialog  *self,
                                             GAsyncResult                   *result,
                                             GError                        **error)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_credentials_import_dialog_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
