/* sluice-credentials-export-dialog.c: writes credentials into the AWS profile the user names
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-credentials-export-dialog.h"
#include "sluice-credentials-utils-private.h"

struct _SluiceCredentialsExportDialog
{
  AdwMessageDialog      parent_instance;

  SluiceAwsCredentials *credentials;
  GFile                *file;
  char                 *profile;      /* the name offered, then the one chosen */
  GStrv                 existing;     /* the profiles in the file now */
  GTask                *task;
  gboolean              writing;      /* answered: the run ends when the file is written */

  /* Template widgets */
  AdwEntryRow          *profile_row;
  GtkLabel             *profile_error;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsExportDialog, sluice_credentials_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CREDENTIALS,
  PROP_FILE,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* A profile name made from the credentials' name: lower case, dashes for the rest. */
static char *
default_profile_name (SluiceAwsCredentials *credentials)
{
  g_autofree char *lower = g_utf8_strdown (_sluice_credentials_name_of (credentials), -1);
  GString *profile = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
        g_string_append_c (profile, *p);
      else if (profile->len > 0 && profile->str[profile->len - 1] != '-')
        g_string_append_c (profile, '-');
    }
  while (profile->len > 0 && profile->str[profile->len - 1] == '-')
    g_string_truncate (profile, profile->len - 1);
  if (profile->len == 0)
    g_string_append (profile, "default");

  return g_string_free (profile, FALSE);
}

static gboolean
check (SluiceCredentialsExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *profile = gtk_editable_get_text (GTK_EDITABLE (self->profile_row));
  gboolean ok = sluice_aws_credentials_check_profile_name (profile, &error);

  gtk_label_set_label (self->profile_error, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->profile_error), !ok && *profile != '\0');
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->profile_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->profile_row), "error");

  return ok;
}

static void
cancel_run (SluiceCredentialsExportDialog *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The dialog was closed."));
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
profile_changed_cb (SluiceCredentialsExportDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const char *profile = gtk_editable_get_text (GTK_EDITABLE (self->profile_row));
  gboolean ok = check (self);
  gboolean exists = self->existing != NULL && g_strv_contains ((const char * const *) self->existing, profile);

  /* Writing over a profile that is there already is the risky case: say so on the button. */
  adw_message_dialog_set_response_enabled (dialog, "export", ok);
  adw_message_dialog_set_response_label (dialog, "export", exists ? _("_Replace Profile") : _("_Export"));
  adw_message_dialog_set_response_appearance (dialog, "export",
                                              exists ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SluiceCredentialsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *profile = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (g_utf8_validate (contents, length, NULL))
        self->existing = sluice_aws_credentials_list_ini_profiles (contents, length);
      memset (contents, 0, length);
      g_free (contents);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Never shown: no hide to end the run. */
      cancel_run (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Translators: %s is a file's path */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("Sluice writes these keys into a profile of %s, readable only by you. "
                                    "If the profile exists, its keys are replaced; other profiles and comments stay as they are."),
                                  path);
  profile = self->profile != NULL ? g_strdup (self->profile) : default_profile_name (self->credentials);
  gtk_editable_set_text (GTK_EDITABLE (self->profile_row), profile);
  profile_changed_cb (self);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------------------------ */
/* AdwMessageDialog                                                                           */
/* ------------------------------------------------------------------------------------------ */

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SluiceCredentialsExportDialog) self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  GError *error = NULL;

  if (sluice_aws_credentials_write_profile_finish (SLUICE_AWS_CREDENTIALS (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
sluice_credentials_export_dialog_response (AdwMessageDialog *dialog,
                                           const char       *response)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (dialog);

  if (self->task == NULL || self->writing)
    return;
  if (g_strcmp0 (response, "export") != 0 || !check (self))
    {
      cancel_run (self);
      return;
    }

  /* The dialog closes; the run ends once the file is written, on a worker thread. */
  self->writing = TRUE;
  g_free (self->profile);
  self->profile = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->profile_row)));
  sluice_aws_credentials_write_profile_async (self->credentials, self->file, self->profile,
                                              g_task_get_cancellable (self->task), written_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Closed without an answer (a clicked response may still come: see
 * _sluice_credentials_run_unmapped()). */
static void
end_unanswered (GtkWidget *widget)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (widget);

  if (!self->writing)
    cancel_run (self);
}

static void
sluice_credentials_export_dialog_unmap (GtkWidget *widget)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (sluice_credentials_export_dialog_parent_class)->unmap (widget);
  _sluice_credentials_run_unmapped (widget, self->task != NULL, end_unanswered, TRUE);
}

static void
sluice_credentials_export_dialog_dispose (GObject *object)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (object);

  cancel_run (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREDENTIALS_EXPORT_DIALOG);

  G_OBJECT_CLASS (sluice_credentials_export_dialog_parent_class)->dispose (object);
}

static void
sluice_credentials_export_dialog_finalize (GObject *object)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (object);

  g_clear_object (&self->credentials);
  g_clear_object (&self->file);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->existing, g_strfreev);

  G_OBJECT_CLASS (sluice_credentials_export_dialog_parent_class)->finalize (object);
}

static void
sluice_credentials_export_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      g_value_set_object (value, self->credentials);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_PROFILE:
      g_value_set_string (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_export_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  SluiceCredentialsExportDialog *self = SLUICE_CREDENTIALS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      self->credentials = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      if (self->file == NULL)
        self->file = sluice_aws_credentials_get_default_file ();
      break;
    case PROP_PROFILE:
      self->profile = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_export_dialog_class_init (SluiceCredentialsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = sluice_credentials_export_dialog_dispose;
  object_class->finalize = sluice_credentials_export_dialog_finalize;
  object_class->get_property = sluice_credentials_export_dialog_get_property;
  object_class->set_property = sluice_credentials_export_dialog_set_property;

  widget_class->unmap = sluice_credentials_export_dialog_unmap;

  dialog_class->response = sluice_credentials_export_dialog_response;

  properties[PROP_CREDENTIALS] =
    g_param_spec_object ("credentials", NULL, NULL, SLUICE_TYPE_AWS_CREDENTIALS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SluiceCredentialsExportDialog:file:
   *
   * The AWS credentials file the profile goes into; the user's own when unset.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SluiceCredentialsExportDialog:profile:
   *
   * The profile name offered at first; %NULL for one made from the credentials' name.
   */
  properties[PROP_PROFILE] =
    g_param_spec_string ("profile", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsExportDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsExportDialog, profile_error);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);
}

static void
sluice_credentials_export_dialog_init (SluiceCredentialsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_credentials_export_dialog_new:
 * @file: (nullable): the AWS credentials file; %NULL for the user's own
 * @profile: (nullable): the profile name to offer; %NULL for one made from the name
 */
SluiceCredentialsExportDialog *
sluice_credentials_export_dialog_new (SluiceAwsCredentials *credentials,
                                      GFile                *file,
                                      const char           *profile)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (SLUICE_TYPE_CREDENTIALS_EXPORT_DIALOG,
                       "credentials", credentials,
                       "file", file,
                       "profile", profile,
                       NULL);
}

/**
 * sluice_credentials_export_dialog_get_file:
 *
 * Returns: (transfer none): the AWS credentials file the profile goes into
 */
GFile *
sluice_credentials_export_dialog_get_file (SluiceCredentialsExportDialog *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_EXPORT_DIALOG (self), NULL);

  return self->file;
}

/**
 * sluice_credentials_export_dialog_get_profile:
 *
 * Returns: (nullable): the profile the user chose, once answered; until then the one offered
 */
const char *
sluice_credentials_export_dialog_get_profile (SluiceCredentialsExportDialog *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_EXPORT_DIALOG (self), NULL);

  return self->profile;
}

/**
 * sluice_credentials_export_dialog_run_async:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Reads which profiles the file has (to warn before one is replaced), asks, and writes the
 * credentials into the profile chosen (sluice_aws_credentials_write_profile_async()).
 */
void
sluice_credentials_export_dialog_run_async (SluiceCredentialsExportDialog *self,
                                            GtkWindow                     *parent,
                                            GCancellable                  *cancellable,
                                            GAsyncReadyCallback            callback,
                                            gpointer                       user_data)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_EXPORT_DIALOG (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sluice_credentials_export_dialog_run_async);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  g_file_load_contents_async (self->file, cancellable, loaded_cb, g_object_ref (self));
}

/**
 * sluice_credentials_export_dialog_run_finish:
 *
 * Returns: %TRUE once the profile is written; %FALSE with %G_IO_ERROR_CANCELLED when the user
 *   did not export, or with the reason the file could not be written
 */
gboolean
sluice_credentials_export_dialog_run_finish (SluiceCredentialsExportDialog  *self,
                                             GAsyncResult                   *result,
                                             GError                        **error)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_credentials_export_dialog_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
