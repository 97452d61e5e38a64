/* sluice-pipeline-picker.c: gets a pipeline's AWS credentials from data.all
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-credentials-utils-private.h"
#include "sluice-environment.h"
#include "sluice-error-box.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-list.h"
#include "sluice-pipeline-picker-item.h"
#include "sluice-pipeline-picker.h"

struct _SluicePipelinePicker
{
  AdwWindow           parent_instance;

  SluiceAccount      *account;
  SluicePipelineList *pipelines;
  GCancellable       *cancellable;    /* the list and the fetch; cancelled on dispose */
  GTask              *task;

  /* Template widgets */
  GtkButton          *get_button;
  GtkSpinner         *spinner;
  GtkRevealer        *error_revealer;
  SluiceErrorBox     *error_box;
  AdwEntryRow        *uri_row;
  GtkStack           *list_stack;
  GtkLabel           *list_status;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (SluicePipelinePicker, sluice_pipeline_picker, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
uri_text (SluicePipelinePicker *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->uri_row));
}

static void
show_error (SluicePipelinePicker *self,
            const GError         *error)
{
  sluice_error_box_set_error (self->error_box, error);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
set_busy (SluicePipelinePicker *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->get_button), !busy && *uri_text (self) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
finish_run (SluicePipelinePicker *self,
            SluiceAwsCredentials *credentials)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (credentials != NULL)
    g_task_return_pointer (task, g_object_ref (credentials), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The dialog was closed."));
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SluicePipelinePicker) self = user_data;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = sluice_pipeline_credentials_fetch_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (credentials == NULL)
    {
      /* The URI stays in its field for another try. */
      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }

  finish_run (self, credentials);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
get_cb (SluicePipelinePicker *self)
{
  g_autofree char *uri = g_strstrip (g_strdup (uri_text (self)));
  SluicePipeline *pipeline;
  SluiceEnvironment *environment = NULL;

  if (*uri == '\0' || gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    return;

  pipeline = sluice_pipeline_list_find (self->pipelines, uri);
  if (pipeline != NULL)
    environment = sluice_pipeline_get_environment (pipeline);

  set_busy (self, TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  sluice_pipeline_credentials_fetch_async (self->account, uri,
                                           pipeline ? sluice_pipeline_get_label (pipeline) : NULL,
                                           environment ? sluice_environment_get_aws_account_id (environment) : NULL,
                                           environment ? sluice_environment_get_region (environment) : NULL,
                                           FALSE, self->cancellable, fetched_cb, g_object_ref (self));
}

static void
cancel_cb (SluicePipelinePicker *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
uri_changed_cb (SluicePipelinePicker *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->get_button), *uri_text (self) != '\0');
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
selected_cb (SluicePipelinePicker *self)
{
  SluicePipeline *pipeline = gtk_single_selection_get_selected_item (self->selection);

  if (pipeline != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->uri_row), sluice_pipeline_get_uri (pipeline));
}

static void
activate_cb (SluicePipelinePicker *self,
             guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  get_cb (self);
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_list_item_set_child (item, sluice_pipeline_picker_item_new ());
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  sluice_pipeline_picker_item_set_pipeline (SLUICE_PIPELINE_PICKER_ITEM (gtk_list_item_get_child (item)),
                                            gtk_list_item_get_item (item));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SluicePipelinePicker) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_pipeline_list_load_finish (SLUICE_PIPELINE_LIST (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->list_status, _("Could not list your pipelines. You can still type a pipeline’s URI."));
      gtk_stack_set_visible_child_name (self->list_stack, "status");
      show_error (self, error);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)) == 0)
    {
      gtk_label_set_label (self->list_status, _("You see no pipelines in data.all."));
      gtk_stack_set_visible_child_name (self->list_stack, "status");
      return;
    }
  gtk_stack_set_visible_child_name (self->list_stack, "list");
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
end_unanswered (GtkWidget *widget)
{
  finish_run (SLUICE_PIPELINE_PICKER (widget), NULL);
}

static void
sluice_pipeline_picker_unmap (GtkWidget *widget)
{
  SluicePipelinePicker *self = SLUICE_PIPELINE_PICKER (widget);

  GTK_WIDGET_CLASS (sluice_pipeline_picker_parent_class)->unmap (widget);
  _sluice_credentials_run_unmapped (widget, self->task != NULL, end_unanswered, FALSE);
}

static void
sluice_pipeline_picker_dispose (GObject *object)
{
  SluicePipelinePicker *self = SLUICE_PIPELINE_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  finish_run (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_PICKER);

  G_OBJECT_CLASS (sluice_pipeline_picker_parent_class)->dispose (object);
}

static void
sluice_pipeline_picker_finalize (GObject *object)
{
  SluicePipelinePicker *self = SLUICE_PIPELINE_PICKER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->pipelines);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (sluice_pipeline_picker_parent_class)->finalize (object);
}

static void
sluice_pipeline_picker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluicePipelinePicker *self = SLUICE_PIPELINE_PICKER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_picker_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluicePipelinePicker *self = SLUICE_PIPELINE_PICKER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_picker_class_init (SluicePipelinePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_pipeline_picker_dispose;
  object_class->finalize = sluice_pipeline_picker_finalize;
  object_class->get_property = sluice_pipeline_picker_get_property;
  object_class->set_property = sluice_pipeline_picker_set_property;

  widget_class->unmap = sluice_pipeline_picker_unmap;

  /**
   * SluicePipelinePicker:account:
   *
   * The signed-in data.all account that lists the pipelines and gives their keys.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/credentials/sluice-pipeline-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, get_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, uri_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, list_status);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePicker, selection);
  gtk_widget_class_bind_template_callback (widget_class, get_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, uri_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
}

static void
sluice_pipeline_picker_init (SluicePipelinePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pipelines = sluice_pipeline_list_new ();
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->pipelines));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluicePipelinePicker *
sluice_pipeline_picker_new (SluiceAccount *account)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);

  return g_object_new (SLUICE_TYPE_PIPELINE_PICKER, "account", account, NULL);
}

/**
 * sluice_pipeline_picker_get_account:
 *
 * Returns: (transfer none): the data.all account asked
 */
SluiceAccount *
sluice_pipeline_picker_get_account (SluicePipelinePicker *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PICKER (self), NULL);

  return self->account;
}

/**
 * sluice_pipeline_picker_run_async:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Shows the dialog and lists the user's pipelines. The dialog asks data.all for the chosen
 * pipeline's keys itself (they are then in the keyring) and stays open, with the URI, when
 * that fails; the run ends with the keys, or cancelled when the user closes the dialog.
 */
void
sluice_pipeline_picker_run_async (SluicePipelinePicker *self,
                                  GtkWindow            *parent,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_PICKER (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sluice_pipeline_picker_run_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));

  sluice_pipeline_list_load_async (self->pipelines, sluice_account_get_client (self->account), NULL,
                                   self->cancellable, loaded_cb, g_object_ref (self));
}

/**
 * sluice_pipeline_picker_run_finish:
 *
 * Returns: (transfer full): the pipeline's credentials, as stored in the keyring; %NULL with
 *   %G_IO_ERROR_CANCELLED when the user closed the dialog
 */
SluiceAwsCredentials *
sluice_pipeline_picker_run_finish (SluicePipelinePicker  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PICKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_pipeline_picker_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
