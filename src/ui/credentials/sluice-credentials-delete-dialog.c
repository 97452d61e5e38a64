/* sluice-credentials-delete-dialog.c: asks before credentials leave the keyring
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-delete-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-credentials-delete-dialog.h"
#include "sluice-credentials-utils-private.h"

struct _SluiceCredentialsDeleteDialog
{
  AdwMessageDialog      parent_instance;

  SluiceAwsCredentials *credentials;
  GTask                *task;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsDeleteDialog, sluice_credentials_delete_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CREDENTIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* AdwMessageDialog and GtkWidget                                                             */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_delete_dialog_response (AdwMessageDialog *dialog,
                                           const char       *response)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (dialog);
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (g_strcmp0 (response, "delete") == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The dialog was closed."));
}

/* Closed without an answer (a clicked response may still come: see
 * _sluice_credentials_run_unmapped()). */
static void
end_unanswered (GtkWidget *widget)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (widget);

  sluice_credentials_delete_dialog_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

static void
sluice_credentials_delete_dialog_unmap (GtkWidget *widget)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (widget);

  GTK_WIDGET_CLASS (sluice_credentials_delete_dialog_parent_class)->unmap (widget);
  _sluice_credentials_run_unmapped (widget, self->task != NULL, end_unanswered, TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_delete_dialog_constructed (GObject *object)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (object);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  G_OBJECT_CLASS (sluice_credentials_delete_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->credentials != NULL);
  /* Translators: %s is the name of a credential set */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), _sluice_credentials_name_of (self->credentials));
  /* Keys from data.all come back by themselves; keys typed in stay valid at AWS. */
  adw_message_dialog_set_body (dialog,
                               sluice_aws_credentials_get_pipeline_uri (self->credentials) != NULL
                                 ? _("The keys are removed from the keyring. Sluice gets new ones from data.all the next time the pipeline needs them.")
                                 : _("The keys are removed from the keyring. AWS keeps them valid: deactivate long-term keys in the AWS console if nobody needs them any more."));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

static void
sluice_credentials_delete_dialog_dispose (GObject *object)
{
  sluice_credentials_delete_dialog_response (ADW_MESSAGE_DIALOG (object), "cancel");
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_CREDENTIALS_DELETE_DIALOG);

  G_OBJECT_CLASS (sluice_credentials_delete_dialog_parent_class)->dispose (object);
}

static void
sluice_credentials_delete_dialog_finalize (GObject *object)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (object);

  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (sluice_credentials_delete_dialog_parent_class)->finalize (object);
}

static void
sluice_credentials_delete_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      g_value_set_object (value, self->credentials);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_delete_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  SluiceCredentialsDeleteDialog *self = SLUICE_CREDENTIALS_DELETE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      self->credentials = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_delete_dialog_class_init (SluiceCredentialsDeleteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = sluice_credentials_delete_dialog_constructed;
  object_class->dispose = sluice_credentials_delete_dialog_dispose;
  object_class->finalize = sluice_credentials_delete_dialog_finalize;
  object_class->get_property = sluice_credentials_delete_dialog_get_property;
  object_class->set_property = sluice_credentials_delete_dialog_set_property;

  widget_class->unmap = sluice_credentials_delete_dialog_unmap;

  dialog_class->response = sluice_credentials_delete_dialog_response;

  /**
   * SluiceCredentialsDeleteDialog:credentials:
   *
   * The credential set the dialog asks about.
   */
  properties[PROP_CREDENTIALS] =
    g_param_spec_object ("credentials", NULL, NULL, SLUICE_TYPE_AWS_CREDENTIALS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-delete-dialog.ui");
}

static void
sluice_credentials_delete_dialog_init (SluiceCredentialsDeleteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluiceCredentialsDeleteDialog *
sluice_credentials_delete_dialog_new (SluiceAwsCredentials *credentials)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);

  return g_object_new (SLUICE_TYPE_CREDENTIALS_DELETE_DIALOG, "credentials", credentials, NULL);
}

/**
 * sluice_credentials_delete_dialog_get_credentials:
 *
 * Returns: (transfer none): the credential set the dialog asks about
 */
SluiceAwsCredentials *
sluice_credentials_delete_dialog_get_credentials (SluiceCredentialsDeleteDialog *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_DELETE_DIALOG (self), NULL);

  return self->credentials;
}

/**
 * sluice_credentials_delete_dialog_run_async:
 * @parent: (nullable): the window the dialog belongs to
 */
void
sluice_credentials_delete_dialog_run_async (SluiceCredentialsDeleteDialog *self,
                                            GtkWindow                     *parent,
                                            GCancellable                  *cancellable,
                                            GAsyncReadyCallback            callback,
                                            gpointer                       user_data)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_DELETE_DIALOG (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sluice_credentials_delete_dialog_run_async);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * sluice_credentials_delete_dialog_run_finish:
 *
 * Returns: %TRUE when the user chose to delete; %FALSE with %G_IO_ERROR_CANCELLED otherwise
 */
gboolean
sluice_credentials_delete_dialog_run_finish (SluiceCredentialsDeleteDialog  *self,
                                             GAsyncResult                   *result,
                                             GError                        **error)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_DELETE_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_credentials_delete_dialog_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
