/* sluice-pipeline-editor.c: editing a pipeline's name, description, tags and stages
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-error-box.h"
#include "sluice-dataall-error.h"
#include "sluice-environment-catalog.h"
#include "sluice-pipeline-editor.h"
#include "sluice-pipeline-form.h"
#include "sluice-step-row.h"
#include "sluice-tag-chips.h"
#include "sluice-pipeline-updater.h"
#include "sluice-settings.h"
#include "sluice-stages-editor.h"

/* How long after the last change the edits are written down (as the wizard's draft). */
#define SAVE_DELAY_MS 300

/* The edits are kept in a draft made from the pipeline; Save plans the mutations that turn
 * the pipeline into the draft (SluicePipelineUpdater) and runs them one after the other,
 * each awaited, showing each step. A failure stops there: the steps done stay done, the
 * failed one says why, and Retry goes on from it. ::saved tells the page to reload.
 *
 * Edits not saved yet are kept in the settings shortly after each change
 * (sluice_pipeline_draft_save_edit()), so that a crash loses none: opening Edit on the
 * pipeline again brings them back, and says so. When the sign-in ends while saving, the
 * dialog stays with the edits, Sign In Again… signs in, and saving goes on by itself. */

struct _SluicePipelineEditor
{
  AdwWindow                 parent_instance;

  SluiceAccount            *account;
  SluicePipeline           *pipeline;
  SluicePipelineDraft      *draft;
  SluiceEnvironmentCatalog *catalog;
  SluicePipelineUpdater    *updater;
  GCancellable             *cancellable;
  SluiceStagesEditor       *stages_editor;
  GSettings                *settings;
  guint                     save_id;
  gboolean                  syncing;
  gboolean                  saving;
  gboolean                  discarding;
  gboolean                  awaiting_sign_in;

  /* Template widgets */
  AdwWindowTitle           *window_title;
  GtkButton                *cancel_button;
  GtkButton                *save_button;
  GtkSpinner               *spinner;
  GtkStack                 *stack;
  AdwEntryRow              *name_row;
  GtkLabel                 *name_error;
  GtkTextView              *description_view;
  GtkLabel                 *description_count;
  GtkLabel                 *description_error;
  AdwEntryRow              *tag_row;
  SluiceTagChips           *tags_box;
  AdwBin                   *stages_bin;
  GtkLabel                 *stages_error;
  GtkLabel                 *stages_warning;
  AdwPreferencesGroup      *progress_group;
  GPtrArray                *step_rows;  /* SluiceStepRow, one per step of the updater */
  SluiceErrorBox           *progress_error;
  GtkButton                *retry_button;
  GtkLabel                 *restored_label;
};

G_DEFINE_FINAL_TYPE (SluicePipelineEditor, sluice_pipeline_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
set_row_error (GtkWidget *row,
               GtkLabel  *label,
               const char *message)
{
  show_label (label, message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The form                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/* Whether saving would send anything: the plan of mutations is not empty. */
static gboolean
has_edits (SluicePipelineEditor *self)
{
  g_autoptr(SluicePipelineUpdater) updater = NULL;

  updater = sluice_pipeline_updater_new (sluice_account_get_client (self->account), self->pipeline,
                                         self->draft);
  return sluice_pipeline_updater_get_n_steps (updater) > 0;
}

/* What keeps Save disabled, as a sentence; %NULL when it can save. */
static char *
dup_blocker (SluicePipelineEditor *self)
{
  char *message = NULL;

  if (!sluice_pipeline_validate_name (sluice_pipeline_draft_get_name (self->draft), &message) ||
      !sluice_pipeline_draft_validate_description (self->draft, &message) ||
      !sluice_pipeline_draft_validate_stages_full (self->draft, FALSE, &message))
    return message;
  if (!has_edits (self))
    return g_strdup (_("Nothing has changed yet."));
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Keeping the edits                                                                          */
/* ------------------------------------------------------------------------------------------ */

static void
keep_edits_now (SluicePipelineEditor *self)
{
  const char *account_id = sluice_account_get_id (self->account);
  const char *uri = sluice_pipeline_get_uri (self->pipeline);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->settings == NULL || self->draft == NULL || uri == NULL)
    return;
  if (!self->discarding && has_edits (self))
    sluice_pipeline_draft_save_edit (self->draft, self->settings, account_id, uri);
  else
    sluice_pipeline_draft_discard_edit (self->settings, account_id, uri);
}

static gboolean
keep_edits_cb (gpointer user_data)
{
  SluicePipelineEditor *self = user_data;

  self->save_id = 0;
  keep_edits_now (self);
  return G_SOURCE_REMOVE;
}

static void update_state (SluicePipelineEditor *self);

static void
draft_changed_cb (SluicePipelineEditor *self)
{
  update_state (self);
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, keep_edits_cb, self);
}

static void
update_state (SluicePipelineEditor *self)
{
  g_autofree char *name_message = NULL;
  g_autofree char *description_message = NULL;
  g_autofree char *stages_message = NULL;
  g_autofree char *blocker = NULL;
  g_auto(GStrv) names = sluice_pipeline_draft_dup_stage_names (self->draft);

  sluice_pipeline_validate_name (sluice_pipeline_draft_get_name (self->draft), &name_message);
  set_row_error (GTK_WIDGET (self->name_row), self->name_error, name_message);

  sluice_pipeline_form_update_description_count (self->description_count, self->draft);
  sluice_pipeline_draft_validate_description (self->draft, &description_message);
  set_row_error (GTK_WIDGET (self->description_view), self->description_error, description_message);

  sluice_pipeline_draft_validate_stages_full (self->draft, FALSE, &stages_message);
  show_label (self->stages_error, stages_message);
  /* data.all deploys branch main to "prod": without it the pipeline can be saved, but says so. */
  show_label (self->stages_warning,
              g_strv_contains ((const char * const *) names, "prod") ? NULL
              : _("This pipeline has no stage named “prod”, the one that builds branch main. "
                  "You can save it like this, but it will not deploy to production."));

  blocker = dup_blocker (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", blocker == NULL && !self->saving);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), blocker);
}

static void
name_changed_cb (SluicePipelineEditor *self)
{
  if (!self->syncing)
    sluice_pipeline_draft_set_name (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
description_changed_cb (SluicePipelineEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  text = sluice_pipeline_form_dup_description (self->description_view);
  sluice_pipeline_draft_set_description (self->draft, text);
}

static void
fill_form (SluicePipelineEditor *self)
{
  const char *description = sluice_pipeline_draft_get_description (self->draft);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), sluice_pipeline_draft_get_name (self->draft) ?: "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description ? description : "", -1);
  self->syncing = FALSE;
  sluice_tag_chips_bind (self->tags_box, self->tag_row, self->draft);
  adw_window_title_set_subtitle (self->window_title, sluice_pipeline_get_label (self->pipeline));
}

/* ------------------------------------------------------------------------------------------ */
/* Saving                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
build_progress (SluicePipelineEditor *self)
{
  guint n = sluice_pipeline_updater_get_n_steps (self->updater);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = sluice_pipeline_updater_dup_step_title (self->updater, i);
      GtkWidget *row = sluice_step_row_new (title);

      adw_preferences_group_add (self->progress_group, row);
      g_ptr_array_add (self->step_rows, g_object_ref (row));
    }
}

static void
update_progress (SluicePipelineEditor *self)
{
  guint n = sluice_pipeline_updater_get_n_steps (self->updater);
  const GError *failure = NULL;
  g_autofree char *failure_message = NULL;
  guint done = 0;

  for (guint i = 0; i < n; i++)
    {
      SluiceStepRow *row = g_ptr_array_index (self->step_rows, i);
      SluiceCreateStepState state = sluice_pipeline_updater_get_step_state (self->updater, i);
      g_autofree char *message = sluice_pipeline_updater_dup_step_message (self->updater, i);

      sluice_step_row_set_state (row, state, message);
      if (state == SLUICE_CREATE_STEP_DONE)
        done++;
      if (state == SLUICE_CREATE_STEP_FAILED && failure == NULL)
        {
          failure = sluice_pipeline_updater_get_step_error (self->updater, i);
          failure_message = g_steal_pointer (&message);
        }
    }

  if (!self->saving && failure != NULL)
    {
      g_autofree char *text = NULL;

      if (self->awaiting_sign_in)
        text = g_strdup_printf (_("%s Nothing you entered is lost: once you have signed in "
                                  "again, Sluice goes on where it stopped."), failure_message);
      else if (done > 0)
        text = g_strdup_printf (ngettext ("%u change was saved, but not the rest: %s "
                                          "You can retry the remaining changes.",
                                          "%u changes were saved, but not the rest: %s "
                                          "You can retry the remaining changes.", done),
                                done, failure_message);
      else
        text = g_strdup_printf (_("Nothing was saved: %s You can retry."), failure_message);
      sluice_error_box_set_message (self->progress_error, text);
    }
  else
    sluice_error_box_set_message (self->progress_error, NULL);
  sluice_error_box_set_detail (self->progress_error,
                               !self->saving && failure != NULL ? sluice_error_get_detail (failure) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !self->saving && failure != NULL);
  gtk_button_set_label (self->retry_button, self->awaiting_sign_in ? _("_Sign In Again…") : _("_Retry"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button), !self->saving);
  gtk_button_set_label (self->cancel_button, self->saving || failure == NULL ? _("_Cancel") : _("_Close"));
  gtk_spinner_set_spinning (self->spinner, self->saving);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

static void run_updater (SluicePipelineEditor *self);

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(SluicePipelineEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sluice_pipeline_updater_run_finish (SLUICE_PIPELINE_UPDATER (source), result, &error);
  self->saving = FALSE;
  g_clear_object (&self->cancellable);
  /* Something may have changed on the server either way: the page reloads. */
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, ok);
  if (self->account == NULL)
    return; /* closed meanwhile */
  self->awaiting_sign_in =
    !ok && (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN) ||
            g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REAUTH_REQUIRED));
  if (ok)
    {
      /* Everything is on the server: nothing left to keep. */
      self->discarding = TRUE;
      keep_edits_now (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  g_debug ("Saving stopped: %s", error->message);
  update_progress (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
}

static void
run_updater (SluicePipelineEditor *self)
{
  self->awaiting_sign_in = FALSE;
  self->saving = TRUE;
  self->cancellable = g_cancellable_new ();
  update_progress (self);
  sluice_pipeline_updater_run_async (self->updater, self->cancellable, run_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (widget);
  g_autofree char *blocker = NULL;

  if (self->saving || self->updater != NULL)
    return;
  blocker = dup_blocker (self);
  if (blocker != NULL)
    return;
  self->updater = sluice_pipeline_updater_new (sluice_account_get_client (self->account),
                                               self->pipeline, self->draft);
  g_signal_connect_object (self->updater, "step-changed", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  build_progress (self);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  run_updater (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (widget);

  if (self->saving || self->updater == NULL || sluice_pipeline_updater_is_done (self->updater))
    return;
  if (self->awaiting_sign_in)
    g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "sign-in-again", NULL);
  else
    run_updater (self);
}

/* Signed in again (a new sign-in goes through "signing in"): the Save that stopped goes on. */
static void
account_state_cb (SluicePipelineEditor *self)
{
  if (self->awaiting_sign_in && !self->saving && self->updater != NULL &&
      sluice_account_get_state (self->account) == SLUICE_ACCOUNT_SIGNED_IN)
    run_updater (self);
}

static void
discard_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     SluicePipelineEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discarding = TRUE;
  keep_edits_now (self);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sluice_pipeline_editor_close_request (GtkWindow *window)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (window);
  GtkWidget *dialog;

  /* Closing while saving stops after the change in flight; the dialog stays to say what
   * was saved. */
  if (self->saving)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  /* Edits not sent yet are not lost without asking. */
  if (self->updater == NULL && !self->discarding && has_edits (self))
    {
      dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                       _("The changes to this pipeline have not been saved."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
      sluice_a11y_name_mnemonic_buttons (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sluice_pipeline_editor_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_editor_dispose (GObject *object)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->save_id != 0)
    keep_edits_now (self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_EDITOR);
  g_clear_object (&self->updater);
  g_clear_object (&self->catalog);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_pipeline_editor_parent_class)->dispose (object);
}

static void
sluice_pipeline_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_PIPELINE:
      self->pipeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_editor_constructed (GObject *object)
{
  SluicePipelineEditor *self = SLUICE_PIPELINE_EDITOR (object);

  G_OBJECT_CLASS (sluice_pipeline_editor_parent_class)->constructed (object);

  self->settings = sluice_settings_new ();
  self->draft = sluice_pipeline_draft_load_edit (self->settings, sluice_account_get_id (self->account),
                                                 sluice_pipeline_get_uri (self->pipeline));
  if (self->draft == NULL)
    self->draft = sluice_pipeline_updater_new_draft (self->pipeline);
  else if (has_edits (self))
    gtk_widget_set_visible (GTK_WIDGET (self->restored_label), TRUE);
  else
    keep_edits_now (self); /* saved after all: nothing to bring back */
  g_signal_connect_object (self->account, "notify::state", G_CALLBACK (account_state_cb), self,
                           G_CONNECT_SWAPPED);
  self->catalog = sluice_environment_catalog_new (sluice_account_get_client (self->account));
  self->stages_editor = sluice_stages_editor_new (self->catalog, self->draft);
  sluice_stages_editor_set_prod_optional (self->stages_editor, TRUE);
  adw_bin_set_child (self->stages_bin, GTK_WIDGET (self->stages_editor));
  fill_form (self);
  g_signal_connect_object (self->draft, "changed", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  sluice_environment_catalog_load (self->catalog);
  update_state (self);
}

static void
sluice_pipeline_editor_class_init (SluicePipelineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sluice_pipeline_editor_dispose;
  object_class->constructed = sluice_pipeline_editor_constructed;
  object_class->get_property = sluice_pipeline_editor_get_property;
  object_class->set_property = sluice_pipeline_editor_set_property;
  window_class->close_request = sluice_pipeline_editor_close_request;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluicePipelineEditor::saved:
   * @complete: whether every change was saved
   *
   * Changes were sent to data.all: the pipeline should be loaded again.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  g_type_ensure (SLUICE_TYPE_TAG_CHIPS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, description_count);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, description_error);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, tag_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, stages_bin);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, stages_error);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, stages_warning);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, progress_group);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, progress_error);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineEditor, restored_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sluice_pipeline_editor_init (SluicePipelineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->step_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (description_changed_cb), self);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/**
 * sluice_pipeline_editor_new:
 * @account: the account @pipeline belongs to
 * @pipeline: the pipeline as getDataPipeline answered, with its stages
 */
SluicePipelineEditor *
sluice_pipeline_editor_new (SluiceAccount  *account,
                            SluicePipeline *pipeline)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  return g_object_new (SLUICE_TYPE_PIPELINE_EDITOR, "account", account, "pipeline", pipeline, NULL);
}

/**
 * sluice_pipeline_editor_get_draft:
 *
 * Returns: (transfer none): the edits
 */
SluicePipelineDraft *
sluice_pipeline_editor_get_draft (SluicePipelineEditor *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_EDITOR (self), NULL);
  return self->draft;
}
