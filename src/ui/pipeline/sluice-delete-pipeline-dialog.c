/* sluice-delete-pipeline-dialog.c: "Delete “name”?", confirmed by typing the name
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-delete-pipeline-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-delete-pipeline-dialog.h"

/**
 * SluiceDeletePipelineDialog:
 *
 * Asks before a pipeline is deleted from data.all: Delete stays off until the pipeline's name
 * is typed, and a check box also deletes its AWS resources (the CloudFormation stack). Run it
 * with sluice_delete_pipeline_dialog_run_async(); it deletes nothing itself.
 */
struct _SluiceDeletePipelineDialog
{
  AdwMessageDialog  parent_instance;

  char             *label;
  gboolean          from_aws;
  GTask            *task;
  gulong            cancelled_id;

  GtkEntry         *name_entry;
  GtkCheckButton   *from_aws_check;
};

G_DEFINE_FINAL_TYPE (SluiceDeletePipelineDialog, sluice_delete_pipeline_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed_cb (SluiceDeletePipelineDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "delete",
                                           g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                                      self->label) == 0);
}

static void
finish_task (SluiceDeletePipelineDialog *self,
             gboolean                    confirmed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  g_cancellable_disconnect (g_task_get_cancellable (task), self->cancelled_id);
  self->cancelled_id = 0;
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_boolean (task, confirmed);
}

static void
response_cb (SluiceDeletePipelineDialog *self,
             const char                 *response)
{
  self->from_aws = gtk_check_button_get_active (self->from_aws_check);
  finish_task (self, g_strcmp0 (response, "delete") == 0);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  /* From an idle: a GCancellable handler must not disconnect itself. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (user_data), g_object_unref);
}

static void
sluice_delete_pipeline_dialog_dispose (GObject *object)
{
  SluiceDeletePipelineDialog *self = SLUICE_DELETE_PIPELINE_DIALOG (object);

  finish_task (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_DELETE_PIPELINE_DIALOG);

  G_OBJECT_CLASS (sluice_delete_pipeline_dialog_parent_class)->dispose (object);
}

static void
sluice_delete_pipeline_dialog_finalize (GObject *object)
{
  SluiceDeletePipelineDialog *self = SLUICE_DELETE_PIPELINE_DIALOG (object);

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (sluice_delete_pipeline_dialog_parent_class)->finalize (object);
}

static void
sluice_delete_pipeline_dialog_class_init (SluiceDeletePipelineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_delete_pipeline_dialog_dispose;
  object_class->finalize = sluice_delete_pipeline_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/pipeline/sluice-delete-pipeline-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceDeletePipelineDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeletePipelineDialog, from_aws_check);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
sluice_delete_pipeline_dialog_init (SluiceDeletePipelineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/**
 * sluice_delete_pipeline_dialog_run_async:
 * @parent: (nullable): the window the dialog is for
 * @label: the pipeline's name, which the user types to confirm
 * @cancellable: (nullable): closes the dialog when cancelled
 * @callback: called once the user answered
 * @user_data: for @callback
 *
 * Presents the dialog. Get the answer with sluice_delete_pipeline_dialog_run_finish().
 */
void
sluice_delete_pipeline_dialog_run_async (GtkWindow           *parent,
                                         const char          *label,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  SluiceDeletePipelineDialog *self;
  g_autofree char *heading = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (label != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  heading = g_strdup_printf (_("Delete “%s”?"), label);
  self = g_object_new (SLUICE_TYPE_DELETE_PIPELINE_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
  self->label = g_strdup (label);
  gtk_entry_set_placeholder_text (self->name_entry, label);
  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sluice_delete_pipeline_dialog_run_async);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * sluice_delete_pipeline_dialog_run_finish:
 * @result: the result given to the callback
 * @from_aws: (out) (optional): whether the AWS resources go too
 * @error: where to put a cancellation
 *
 * Returns: %TRUE when the user confirmed the deletion, %FALSE when they did not (then @error is
 *   not set) or the run was cancelled
 */
gboolean
sluice_delete_pipeline_dialog_run_finish (GAsyncResult  *result,
                                          gboolean      *from_aws,
                                          GError       **error)
{
  SluiceDeletePipelineDialog *self;
  gboolean confirmed;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_delete_pipeline_dialog_run_async, FALSE);

  self = g_task_get_source_object (G_TASK (result));
  confirmed = g_task_propagate_boolean (G_TASK (result), error);
  if (from_aws != NULL)
    *from_aws = confirmed && self->from_aws;
  return confirmed;
}
