/* sluice-create-wizard-create.c: the wizard's last steps: datasets, review, and creating
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-create-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-dataall-error.h"
#include "sluice-create-wizard-private.h"
#include "sluice-step-row.h"

/* ------------------------------------------------------------------------------------------ */
/* Datasets                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static guint
dataset_position (SluiceCreateWizard *self,
                  const char         *uri)
{
  guint n = self->datasets ? g_list_model_get_n_items (self->datasets) : 0;

  for (guint i = 0; uri != NULL && i < n; i++)
    {
      g_autoptr(SluiceDataset) dataset = g_list_model_get_item (self->datasets, i);

      if (g_strcmp0 (sluice_dataset_get_uri (dataset), uri) == 0)
        return i + 1;
    }
  return 0;
}

void
_sluice_create_wizard_sync_datasets (SluiceCreateWizard *self)
{
  g_autoptr(GtkStringList) input = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) output = gtk_string_list_new (NULL);
  guint n = self->datasets ? g_list_model_get_n_items (self->datasets) : 0;

  gtk_string_list_append (input, _("None"));
  gtk_string_list_append (output, _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceDataset) dataset = g_list_model_get_item (self->datasets, i);

      gtk_string_list_append (input, sluice_dataset_get_label (dataset));
      gtk_string_list_append (output, sluice_dataset_get_label (dataset));
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (self->input_row, G_LIST_MODEL (input));
  adw_combo_row_set_model (self->output_row, G_LIST_MODEL (output));
  adw_combo_row_set_selected (self->input_row,
                              dataset_position (self, sluice_pipeline_draft_get_input_dataset (self->draft)));
  adw_combo_row_set_selected (self->output_row,
                              dataset_position (self, sluice_pipeline_draft_get_output_dataset (self->draft)));
  self->syncing = FALSE;
}

static void
datasets_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SluiceCreateWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *datasets;

  datasets = sluice_dataall_client_list_datasets_finish (SLUICE_DATAALL_CLIENT (source), result,
                                                         &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->datasets_spinner, FALSE);
  if (datasets == NULL)
    {
      g_message ("Cannot list the datasets: %s", error->message);
      datasets = G_LIST_MODEL (g_list_store_new (SLUICE_TYPE_DATASET));
    }
  g_clear_object (&self->datasets);
  self->datasets = datasets;
  _sluice_create_wizard_sync_datasets (self);
}

void
_sluice_create_wizard_load_datasets (SluiceCreateWizard *self)
{
  const char *environment = sluice_pipeline_draft_get_environment_uri (self->draft);
  const char *team = sluice_pipeline_draft_get_team (self->draft);
  g_autofree char *key = NULL;

  if (environment == NULL || team == NULL)
    return;
  key = g_strconcat (environment, "|", team, NULL);
  if (g_strcmp0 (key, self->datasets_key) == 0)
    return;
  g_free (self->datasets_key);
  self->datasets_key = g_steal_pointer (&key);
  gtk_spinner_set_spinning (self->datasets_spinner, TRUE);
  sluice_dataall_client_list_datasets_async (self->client, environment, team, self->cancellable,
                                             datasets_loaded_cb, g_object_ref (self));
}

void
_sluice_create_wizard_dataset_selected_cb (AdwComboRow        *combo,
                     GParamSpec         *pspec,
                     SluiceCreateWizard *self)
{
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(SluiceDataset) dataset = NULL;
  const char *uri;

  if (self->syncing)
    return;
  if (self->datasets != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    dataset = g_list_model_get_item (self->datasets, selected - 1);
  uri = dataset ? sluice_dataset_get_uri (dataset) : NULL;
  if (combo == self->input_row)
    sluice_pipeline_draft_set_input_dataset (self->draft, uri);
  else
    sluice_pipeline_draft_set_output_dataset (self->draft, uri);
}

static const char *
dataset_label (SluiceCreateWizard *self,
               const char         *uri)
{
  guint position = dataset_position (self, uri);
  g_autoptr(SluiceDataset) dataset = NULL;

  if (uri == NULL)
    return _("None");
  if (position == 0)
    return uri;
  dataset = g_list_model_get_item (self->datasets, position - 1);
  return sluice_dataset_get_label (dataset);
}

/* ------------------------------------------------------------------------------------------ */
/* Review                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
review_row (GtkWidget  *group,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && value[0] ? value : _("None"));
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
review_group (SluiceCreateWizard *self,
              const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->review_box, group);
  return group;
}

void
_sluice_create_wizard_rebuild_review (SluiceCreateWizard *self)
{
  SluicePipelineDraft *draft = self->draft;
  g_autofree char *repository = sluice_pipeline_draft_dup_repository_preview (draft, NULL);
  g_autofree char *tags = g_strjoinv (", ", (char **) sluice_pipeline_draft_get_tags (draft));
  g_autoptr(GPtrArray) plan = sluice_pipeline_draft_plan (draft, NULL);
  SluiceDevStrategy strategy = sluice_pipeline_draft_get_strategy (draft);
  GtkWidget *child;
  GtkWidget *group;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);

  group = review_group (self, _("Details"));
  review_row (group, _("Name"), sluice_pipeline_draft_get_name (draft));
  review_row (group, _("Repository name"), repository);
  review_row (group, _("Description"), sluice_pipeline_draft_get_description (draft));
  review_row (group, _("Tags"), tags);

  group = review_group (self, _("CI/CD"));
  review_row (group, _("Environment"), sluice_pipeline_draft_get_environment_label (draft));
  review_row (group, _("Team"), sluice_pipeline_draft_get_team (draft));
  review_row (group, _("Development strategy"), sluice_dev_strategy_get_title (strategy));
  review_row (group, _("Template"), sluice_pipeline_draft_get_template (draft));

  group = review_group (self, _("Stages"));
  for (guint i = 0; i < sluice_pipeline_draft_get_n_stages (draft); i++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (draft, i);
      g_autofree char *title = sluice_stages_editor_format_stage_title (i, stage);
      g_autofree char *value = g_strdup_printf (_("%s, team %s"), stage->environment_label,
                                                stage->team);

      review_row (group, title, value);
    }

  group = review_group (self, _("Datasets"));
  review_row (group, _("Input dataset"),
              dataset_label (self, sluice_pipeline_draft_get_input_dataset (draft)));
  review_row (group, _("Output dataset"),
              dataset_label (self, sluice_pipeline_draft_get_output_dataset (draft)));

  group = review_group (self, _("What data.all will create"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         sluice_dev_strategy_get_summary (strategy));
  for (guint i = 0; i < plan->len; i++)
    {
      SluicePlannedPipeline *planned = g_ptr_array_index (plan, i);
      g_autofree char *steps = g_strjoinv (" → ", planned->actions);
      g_autofree char *value = g_strdup_printf (_("Branch %s: %s"), planned->branch, steps);

      review_row (group, planned->name, value);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Creating                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
update_progress (SluiceCreateWizard *self)
{
  guint n = sluice_pipeline_creator_get_n_steps (self->creator);
  const GError *failure = NULL;
  g_autofree char *failure_message = NULL;
  gboolean refused;
  gboolean has_pipeline = sluice_pipeline_creator_get_pipeline (self->creator) != NULL;
  gboolean ambiguous = !self->creating && _sluice_create_wizard_is_ambiguous (self);

  for (guint i = 0; i < n; i++)
    {
      SluiceStepRow *step_row = g_ptr_array_index (self->step_rows, i);
      SluiceCreateStepState state = sluice_pipeline_creator_get_step_state (self->creator, i);
      g_autofree char *message = sluice_pipeline_creator_dup_step_message (self->creator, i);

      sluice_step_row_set_state (step_row, state, message);
      if (state == SLUICE_CREATE_STEP_FAILED && failure == NULL)
        {
          failure = sluice_pipeline_creator_get_step_error (self->creator, i);
          failure_message = g_steal_pointer (&message);
        }
    }

  refused = sluice_pipeline_creator_get_refused_fields (self->creator) != NULL;
  if (self->creating)
    sluice_error_box_set_message (self->progress_error, NULL);
  else if (failure != NULL && self->awaiting_sign_in)
    {
      g_autofree char *text = g_strdup_printf (_("%s Nothing you entered is lost: once you have "
                                                 "signed in again, Sluice goes on where it "
                                                 "stopped."), failure_message);
      sluice_error_box_set_message (self->progress_error, text);
    }
  else if (failure != NULL && has_pipeline)
    {
      g_autofree char *text = g_strdup_printf (_("The pipeline was created, but not all of its "
                                                 "stages: %s You can retry the remaining stages "
                                                 "or open the pipeline."), failure_message);
      sluice_error_box_set_message (self->progress_error, text);
    }
  else if (failure != NULL)
    sluice_error_box_set_message (self->progress_error, failure_message);
  else
    sluice_error_box_set_message (self->progress_error, NULL);
  sluice_error_box_set_detail (self->progress_error,
                               !self->creating && failure != NULL ? sluice_error_get_detail (failure) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->without_button), !self->creating && refused);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          !self->creating && failure != NULL && !refused);
  gtk_button_set_label (self->retry_button, self->awaiting_sign_in ? _("_Sign In Again…")
                                           : has_pipeline ? _("_Retry Remaining Stages")
                                           : ambiguous ? _("Create _Anew")
                                           : _("_Retry"));
  /* Signed out, there is nothing to open until Sign In Again. */
  gtk_widget_set_visible (GTK_WIDGET (self->open_button),
                          !self->creating && !self->awaiting_sign_in && (has_pipeline || ambiguous));
  gtk_button_set_label (self->open_button, ambiguous ? _("Show _Pipelines") : _("_Open Pipeline"));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self->progress_box));
}

static void
step_changed_cb (SluiceCreateWizard *self)
{
  update_progress (self);
}

/* An ended sign-in stops a run without losing anything: the draft and the steps done stay. */
static gboolean
is_sign_in_error (const GError *error)
{
  return g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN) ||
         g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REAUTH_REQUIRED);
}

/* Everything was created: the draft has served. */
static void
created (SluiceCreateWizard *self)
{
  g_clear_object (&self->draft);
  self->draft = sluice_pipeline_draft_new ();
  sluice_pipeline_draft_discard (self->settings, sluice_account_get_id (self->account));
  _sluice_create_wizard_emit_created (self);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceCreateWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = sluice_pipeline_creator_run_finish (SLUICE_PIPELINE_CREATOR (source), result, &error);
  self->creating = FALSE;
  g_clear_object (&self->create_cancellable);
  if (self->account == NULL)
    return; /* closed meanwhile */
  self->awaiting_sign_in = !done && is_sign_in_error (error);
  update_progress (self);
  _sluice_create_wizard_update_state (self);
  if (done)
    created (self);
}

void
_sluice_create_wizard_start_run (SluiceCreateWizard *self)
{
  self->awaiting_sign_in = FALSE;
  self->creating = TRUE;
  self->create_cancellable = g_cancellable_new ();
  update_progress (self);
  _sluice_create_wizard_update_state (self);
  sluice_pipeline_creator_run_async (self->creator, self->create_cancellable, run_done_cb,
                                     g_object_ref (self));
}

/* The progress page, one row per step of the creator. */
static void
show_progress (SluiceCreateWizard *self)
{
  guint n;

  g_signal_connect_object (self->creator, "step-changed", G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->progress_group != NULL)
    gtk_box_remove (self->progress_box, self->progress_group);
  self->progress_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->progress_group),
                                   _("Creating the pipeline"));
  n = sluice_pipeline_creator_get_n_steps (self->creator);
  g_ptr_array_set_size (self->step_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = sluice_pipeline_creator_dup_step_title (self->creator, i);
      GtkWidget *row = sluice_step_row_new (title);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->progress_group), row);
      g_ptr_array_add (self->step_rows, g_object_ref (row));
    }
  gtk_box_prepend (self->progress_box, self->progress_group);

  self->page = PROGRESS_PAGE;
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

static void
new_creator (SluiceCreateWizard *self)
{
  g_clear_object (&self->creator);
  self->creator = sluice_pipeline_creator_new (self->client, self->draft);
  /* Kept with the draft before and after each step: a crash in between loses nothing. */
  sluice_pipeline_creator_keep_progress (self->creator, self->settings,
                                         sluice_account_get_id (self->account));
}

void
_sluice_create_wizard_start_creating (SluiceCreateWizard *self)
{
  _sluice_create_wizard_save_now (self);
  new_creator (self);
  show_progress (self);
  _sluice_create_wizard_start_run (self);
}

/**
 * _sluice_create_wizard_resume:
 *
 * The draft says an earlier Sluice created the pipeline and stopped before all its stages:
 * the progress page shows what was done, why it stopped, and Retry Remaining Stages.
 */
void
_sluice_create_wizard_resume (SluiceCreateWizard *self)
{
  new_creator (self);
  show_progress (self);
  update_progress (self);
  _sluice_create_wizard_update_state (self);
}

/**
 * _sluice_create_wizard_is_ambiguous:
 *
 * Returns: whether data.all has several new pipelines that Sluice, closed while creating
 *   one, may have made: the user chooses between Create Anew and the list
 */
gboolean
_sluice_create_wizard_is_ambiguous (SluiceCreateWizard *self)
{
  return self->creator != NULL && sluice_pipeline_creator_get_pipeline (self->creator) == NULL &&
         g_error_matches (sluice_pipeline_creator_get_step_error (self->creator, 0), G_IO_ERROR,
                          G_IO_ERROR_EXISTS);
}

static void
found_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SluiceCreateWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean found;

  found = sluice_pipeline_creator_find_created_finish (SLUICE_PIPELINE_CREATOR (source), result,
                                                       &error);
  self->creating = FALSE;
  g_clear_object (&self->create_cancellable);
  if (self->account == NULL || SLUICE_PIPELINE_CREATOR (source) != self->creator)
    return; /* closed meanwhile */
  if (!found && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      /* Not created (or data.all could not say): the draft as typed; Create looks again
       * before it sends anything. */
      g_debug ("No pipeline to adopt: %s", error ? error->message : "none new");
      _sluice_create_wizard_show_page (self, N_PAGES - 1);
      return;
    }
  update_progress (self);
  _sluice_create_wizard_update_state (self);
  if (sluice_pipeline_creator_is_done (self->creator))
    created (self);
}

/**
 * _sluice_create_wizard_find_created:
 *
 * The draft says an earlier Sluice was closed while createDataPipeline was under way: the
 * progress page, while data.all is asked for the pipeline it may have created. Found, it goes
 * on as _sluice_create_wizard_resume(); several, the user chooses; none, the draft as typed.
 */
void
_sluice_create_wizard_find_created (SluiceCreateWizard *self)
{
  new_creator (self);
  show_progress (self);
  self->creating = TRUE;
  self->create_cancellable = g_cancellable_new ();
  update_progress (self);
  _sluice_create_wizard_update_state (self);
  sluice_pipeline_creator_find_created_async (self->creator, self->create_cancellable,
                                              found_created_cb, g_object_ref (self));
}

/* Sign In Again…: the application's sign-in for this account; the run goes on after it. */
void
_sluice_create_wizard_sign_in_again (SluiceCreateWizard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.sign-in-again", NULL);
}

void
_sluice_create_wizard_account_state_cb (SluiceCreateWizard *self)
{
  /* Signed in again (a new sign-in goes through "signing in"): what Create started goes on. */
  if (self->awaiting_sign_in && !self->creating && self->creator != NULL &&
      sluice_account_get_state (self->account) == SLUICE_ACCOUNT_SIGNED_IN)
    _sluice_create_wizard_start_run (self);
}
