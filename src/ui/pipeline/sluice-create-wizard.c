/* sluice-create-wizard.c: the New Pipeline wizard
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-create-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-error-box.h"
#include "sluice-create-wizard-private.h"
#include "sluice-dataall-api.h"
#include "sluice-environment-catalog.h"
#include "sluice-pipeline-draft.h"
#include "sluice-pipeline-form.h"
#include "sluice-step-row.h"
#include "sluice-tag-chips.h"
#include "sluice-settings.h"
#include "sluice-stages-editor.h"

G_DEFINE_FINAL_TYPE (SluiceCreateWizard, sluice_create_wizard, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_spinners (SluiceCreateWizard *self);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
show_error_label (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Draft persistence                                                                          */
/* ------------------------------------------------------------------------------------------ */

void
_sluice_create_wizard_save_now (SluiceCreateWizard *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  /* While creating, and once the pipeline exists, the creator keeps the draft with how far
   * it got: this one would create the pipeline a second time. */
  if (self->creator != NULL &&
      (self->creating || sluice_pipeline_creator_get_pipeline (self->creator) != NULL))
    return;
  if (self->draft != NULL && self->settings != NULL && self->account != NULL)
    sluice_pipeline_draft_save (self->draft, self->settings, sluice_account_get_id (self->account));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  SluiceCreateWizard *self = user_data;

  self->save_id = 0;
  _sluice_create_wizard_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
draft_changed_cb (SluiceCreateWizard *self)
{
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  _sluice_create_wizard_update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Details                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
name_changed_cb (SluiceCreateWizard *self)
{
  if (!self->syncing)
    sluice_pipeline_draft_set_name (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
description_changed_cb (SluiceCreateWizard *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  text = sluice_pipeline_form_dup_description (self->description_view);
  sluice_pipeline_draft_set_description (self->draft, text);
}

static void
template_changed_cb (SluiceCreateWizard *self)
{
  if (!self->syncing)
    sluice_pipeline_draft_set_template (self->draft,
                                        gtk_editable_get_text (GTK_EDITABLE (self->template_row)));
}

static void
strategy_toggled_cb (GtkCheckButton     *check,
                     SluiceCreateWizard *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->strategy_checks); i++)
    if (self->strategy_checks[i] == check)
      sluice_pipeline_draft_set_strategy (self->draft, (SluiceDevStrategy) i);
}

/* ------------------------------------------------------------------------------------------ */
/* CI/CD                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Puts the CI/CD choices into the rows; @models also replaces the environment list (never
 * from the row's own notify::selected, which GtkSingleSelection is still running). */
static void
sync_cicd_full (SluiceCreateWizard *self,
                gboolean            models)
{
  const char *uri = sluice_pipeline_draft_get_environment_uri (self->draft);
  SluiceEnvironment *environment = sluice_environment_catalog_find (self->catalog, uri, NULL);
  guint selected = 0;
  g_autoptr(GListModel) names = sluice_stages_editor_list_environments (self->catalog, uri,
                                                              sluice_pipeline_draft_get_environment_label (self->draft),
                                                              &selected);
  g_autoptr(GListModel) teams = NULL;

  self->syncing = TRUE;
  if (models)
    {
      adw_combo_row_set_model (self->environment_row, names);
      adw_combo_row_set_selected (self->environment_row, selected);
    }
  if (environment != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                   sluice_environment_get_region (environment),
                                                   sluice_environment_get_organization_label (environment));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->environment_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->environment_row), "");
  teams = sluice_stages_editor_list_teams (self->catalog, uri, sluice_pipeline_draft_get_team (self->draft), &selected);
  adw_combo_row_set_model (self->team_row, teams);
  adw_combo_row_set_selected (self->team_row, selected);
  self->syncing = FALSE;
}

static void
sync_cicd (SluiceCreateWizard *self)
{
  sync_cicd_full (self, TRUE);
}

static void
environment_selected_cb (SluiceCreateWizard *self)
{
  GListModel *environments = sluice_environment_catalog_get_environments (self->catalog);
  guint selected = adw_combo_row_get_selected (self->environment_row);
  g_autoptr(SluiceEnvironment) environment = NULL;
  SluiceEnvironment *info;

  if (self->syncing || environments == NULL)
    return;
  /* The extra last item is the environment already chosen. */
  if (sluice_stages_editor_is_extra_choice (adw_combo_row_get_model (self->environment_row),
                             g_list_model_get_n_items (environments), selected))
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    environment = g_list_model_get_item (environments, selected - 1);
  if (environment == NULL)
    {
      sluice_pipeline_draft_set_environment (self->draft, NULL, NULL, NULL);
      sluice_pipeline_draft_set_team (self->draft, NULL);
      sync_cicd_full (self, FALSE);
      return;
    }
  if (g_strcmp0 (sluice_environment_get_uri (environment),
                 sluice_pipeline_draft_get_environment_uri (self->draft)) == 0)
    return;
  info = sluice_environment_catalog_get_info (self->catalog, sluice_environment_get_uri (environment));
  sluice_pipeline_draft_set_environment (self->draft, sluice_environment_get_uri (environment),
                                         sluice_environment_get_label (environment),
                                         info ? sluice_environment_get_resource_prefix (info) : NULL);
  sluice_pipeline_draft_set_team (self->draft, NULL);
  sluice_environment_catalog_load_environment (self->catalog, sluice_environment_get_uri (environment));
  update_spinners (self);
  sync_cicd_full (self, FALSE);
}

static void
team_selected_cb (SluiceCreateWizard *self)
{
  const char *uri = sluice_pipeline_draft_get_environment_uri (self->draft);
  GListModel *teams = sluice_environment_catalog_get_teams (self->catalog, uri);
  guint selected = adw_combo_row_get_selected (self->team_row);

  if (self->syncing)
    return;
  /* The extra last item is the team already chosen. */
  if (sluice_stages_editor_is_extra_choice (adw_combo_row_get_model (self->team_row),
                             teams ? g_list_model_get_n_items (teams) : 0, selected))
    return;
  sluice_pipeline_draft_set_team (self->draft, sluice_environment_catalog_team_at (self->catalog, uri, selected));
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
update_spinners (SluiceCreateWizard *self)
{
  gboolean busy = sluice_environment_catalog_is_busy (self->catalog);

  gtk_spinner_set_spinning (self->cicd_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cicd_spinner), busy);
}

/* Something arrived: the environments (@uri %NULL), or an environment's teams or parameters. */
static void
catalog_changed_cb (SluiceCreateWizard *self,
                    const char         *uri)
{
  const char *cicd = sluice_pipeline_draft_get_environment_uri (self->draft);
  SluiceEnvironment *info = sluice_environment_catalog_get_info (self->catalog, cicd);

  if (uri == NULL)
    sluice_environment_catalog_load_environment (self->catalog, cicd);
  show_error_label (self->cicd_error, sluice_environment_catalog_get_error (self->catalog));
  /* The resource prefix names the repository. */
  if (info != NULL && g_strcmp0 (uri, cicd) == 0)
    sluice_pipeline_draft_set_environment (self->draft, cicd, sluice_environment_get_label (info),
                                           sluice_environment_get_resource_prefix (info));
  update_spinners (self);
  sync_cicd (self);
  _sluice_create_wizard_update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Creating                                                                                   */
/* ------------------------------------------------------------------------------------------ */

void
_sluice_create_wizard_emit_created (SluiceCreateWizard *self)
{
  SluicePipeline *pipeline = sluice_pipeline_creator_get_pipeline (self->creator);

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, sluice_pipeline_get_uri (pipeline));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Navigation and state                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* Why Next is unavailable on the current page, or NULL. */
static char *
blocking_reason (SluiceCreateWizard *self)
{
  char *message = NULL;
  const char *cicd = sluice_pipeline_draft_get_environment_uri (self->draft);

  switch (self->page)
    {
    case 0:
      sluice_pipeline_draft_validate_details (self->draft, &message);
      return message;
    case 1:
      if (sluice_environment_catalog_get_environments (self->catalog) == NULL &&
          sluice_environment_catalog_get_error (self->catalog) != NULL)
        return g_strdup (sluice_environment_catalog_get_error (self->catalog));
      if (sluice_environment_catalog_get_environments (self->catalog) == NULL)
        return g_strdup (_("Loading the environments…"));
      if (!sluice_pipeline_draft_validate_cicd (self->draft, &message))
        return message;
      if (sluice_environment_catalog_get_info (self->catalog, cicd) == NULL)
        return g_strdup_printf (_("Checking whether environment %s has pipelines enabled…"),
                                sluice_pipeline_draft_get_environment_label (self->draft));
      if (!sluice_environment_catalog_pipelines_enabled (self->catalog, cicd))
        return g_strdup_printf (_("Pipelines are disabled in environment %s. Choose another "
                                  "environment or ask its administrators to enable them."),
                                sluice_pipeline_draft_get_environment_label (self->draft));
      return NULL;
    case 2:
      if (!sluice_pipeline_draft_validate_stages (self->draft, &message))
        return message;
      for (guint i = 0; i < sluice_pipeline_draft_get_n_stages (self->draft); i++)
        {
          const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, i);

          if (!sluice_environment_catalog_pipelines_enabled (self->catalog, stage->environment_uri))
            return g_strdup_printf (_("Pipelines are disabled in environment %s, which stage "
                                      "“%s” uses."), stage->environment_label, stage->name);
        }
      return NULL;
    case 3:
      return NULL;
    case 4:
      sluice_pipeline_draft_validate (self->draft, &message);
      return message;
    default:
      return NULL;
    }
}

void
_sluice_create_wizard_update_state (SluiceCreateWizard *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *name_message = NULL;
  g_autofree char *description_message = NULL;
  g_autofree char *stages_message = NULL;
  g_autofree char *repository = NULL;
  g_autofree char *subtitle = NULL;

  if (self->draft == NULL || self->stack == NULL)
    return;

  /* Details: at the fields. */
  if (sluice_pipeline_draft_get_name (self->draft) != NULL)
    sluice_pipeline_validate_name (sluice_pipeline_draft_get_name (self->draft), &name_message);
  show_error_label (self->name_error, name_message);
  if (name_message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  repository = sluice_pipeline_draft_dup_repository_preview (self->draft, NULL);
  adw_action_row_set_subtitle (self->repository_row, repository);
  sluice_pipeline_form_update_description_count (self->description_count, self->draft);
  sluice_pipeline_draft_validate_description (self->draft, &description_message);
  show_error_label (self->description_error, description_message);
  gtk_widget_set_visible (GTK_WIDGET (self->discard_button),
                          !sluice_pipeline_draft_is_empty (self->draft));

  /* Stages: the rule for the whole list (names), once there are rows to fix. A stage without
   * an environment or a team is no error, only unfinished: its row and the bar say so. */
  if (sluice_pipeline_draft_get_n_stages (self->draft) > 0)
    {
      g_auto(GStrv) names = sluice_pipeline_draft_dup_stage_names (self->draft);

      sluice_pipeline_validate_stage_names ((const char * const *) names, &stages_message);
    }
  show_error_label (self->stages_error, stages_message);

  /* Navigation. */
  if (self->page < N_PAGES)
    subtitle = g_strdup_printf (_("Step %u of %u"), self->page + 1, (guint) N_PAGES);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  reason = self->page < N_PAGES ? blocking_reason (self) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 self->page < N_PAGES && reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 self->page > 0 && self->page < N_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->page < N_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->page < N_PAGES);
  gtk_button_set_label (self->next_button,
                        self->page == N_PAGES - 1 ? _("_Create Pipeline") : _("_Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), reason);
  gtk_label_set_label (self->reason_label, reason ? reason : "");
  gtk_revealer_set_reveal_child (self->reason_revealer, reason != NULL);
  gtk_button_set_label (self->cancel_button,
                        self->page == PROGRESS_PAGE && !self->creating ? _("_Close") : _("_Cancel"));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self->next_button));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self->cancel_button));
}

static void
show_page (SluiceCreateWizard *self,
           guint               page)
{
  self->page = page;
  if (page == 2 && sluice_pipeline_draft_get_n_stages (self->draft) == 0)
    {
      /* A start most pipelines keep: a development stage and production. */
      sluice_pipeline_draft_add_stage (self->draft, "dev", NULL, NULL, NULL);
      sluice_pipeline_draft_add_stage (self->draft, "prod", NULL, NULL, NULL);
      sluice_stages_editor_rebuild (self->stages_editor);
      sluice_stages_editor_expand (self->stages_editor, 0);
    }
  if (page == 3)
    _sluice_create_wizard_load_datasets (self);
  if (page == 4)
    _sluice_create_wizard_rebuild_review (self);
  gtk_stack_set_visible_child_name (self->stack, pages[page]);
  _sluice_create_wizard_update_state (self);
}

void
_sluice_create_wizard_show_page (SluiceCreateWizard *self,
                                 guint               page)
{
  show_page (self, page);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->page + 1 < N_PAGES)
    show_page (self, self->page + 1);
  else if (self->page == N_PAGES - 1)
    _sluice_create_wizard_start_creating (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->page > 0 && self->page < N_PAGES)
    show_page (self, self->page - 1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creating)
    {
      g_cancellable_cancel (self->create_cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
sync_all (SluiceCreateWizard *self);

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  g_signal_handlers_disconnect_by_func (self->draft, draft_changed_cb, self);
  g_clear_object (&self->draft);
  self->draft = sluice_pipeline_draft_new ();
  g_signal_connect_swapped (self->draft, "changed", G_CALLBACK (draft_changed_cb), self);
  sluice_pipeline_draft_discard (self->settings, sluice_account_get_id (self->account));
  g_clear_handle_id (&self->save_id, g_source_remove);
  sync_all (self);
  show_page (self, 0);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creator == NULL || self->creating)
    return;
  if (self->awaiting_sign_in)
    _sluice_create_wizard_sign_in_again (self);
  else
    {
      /* Create Anew: the user's answer to several pipelines Sluice may have created. */
      if (_sluice_create_wizard_is_ambiguous (self))
        sluice_pipeline_creator_create_anew (self->creator);
      _sluice_create_wizard_start_run (self);
    }
}

static void
without_legacy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creator == NULL || self->creating)
    return;
  /* The draft forgets them too, so that it matches what is created. */
  sluice_pipeline_draft_set_template (self->draft, NULL);
  sluice_pipeline_draft_set_input_dataset (self->draft, NULL);
  sluice_pipeline_draft_set_output_dataset (self->draft, NULL);
  sluice_pipeline_creator_drop_refused_fields (self->creator);
  _sluice_create_wizard_start_run (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creator != NULL && sluice_pipeline_creator_get_pipeline (self->creator) != NULL)
    _sluice_create_wizard_emit_created (self);
  else if (self->creator != NULL && _sluice_create_wizard_is_ambiguous (self))
    gtk_window_close (GTK_WINDOW (self)); /* the list is in the window behind */
}

/* Puts the draft into the widgets. */
static void
sync_all (SluiceCreateWizard *self)
{
  const char *description = sluice_pipeline_draft_get_description (self->draft);
  const char *template = sluice_pipeline_draft_get_template (self->draft);
  const char *name = sluice_pipeline_draft_get_name (self->draft);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description ? description : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->template_row), template ? template : "");
  gtk_check_button_set_active (self->strategy_checks[sluice_pipeline_draft_get_strategy (self->draft)],
                               TRUE);
  self->syncing = FALSE;
  sluice_tag_chips_bind (self->tags_box, self->tag_row, self->draft);
  sync_cicd (self);
  sluice_stages_editor_set_draft (self->stages_editor, self->draft);
  _sluice_create_wizard_sync_datasets (self);
  _sluice_create_wizard_update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
sluice_create_wizard_close_request (GtkWindow *window)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (window);

  _sluice_create_wizard_save_now (self);
  g_cancellable_cancel (self->cancellable);
  if (self->create_cancellable != NULL)
    g_cancellable_cancel (self->create_cancellable);

  return GTK_WINDOW_CLASS (sluice_create_wizard_parent_class)->close_request (window);
}

static void
sluice_create_wizard_dispose (GObject *object)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->create_cancellable != NULL)
    g_cancellable_cancel (self->create_cancellable);
  if (self->save_id != 0)
    _sluice_create_wizard_save_now (self);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, draft_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREATE_WIZARD);

  g_clear_object (&self->creator);
  g_clear_object (&self->draft);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->create_cancellable);
  g_clear_object (&self->datasets);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  self->progress_group = NULL;
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_create_wizard_parent_class)->dispose (object);
}

static void
sluice_create_wizard_finalize (GObject *object)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (object);

  g_clear_pointer (&self->datasets_key, g_free);

  G_OBJECT_CLASS (sluice_create_wizard_parent_class)->finalize (object);
}

static void
sluice_create_wizard_class_init (SluiceCreateWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sluice_create_wizard_dispose;
  object_class->finalize = sluice_create_wizard_finalize;
  window_class->close_request = sluice_create_wizard_close_request;

  /**
   * SluiceCreateWizard::created:
   * @pipeline_uri: the new pipeline's URI
   *
   * Emitted when the pipeline and all its stages were created (the wizard then closes), or
   * when the user opens a pipeline whose stages were not all created.
   */
  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  g_type_ensure (SLUICE_TYPE_TAG_CHIPS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sluice/Sluice/ui/pipeline/sluice-create-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, name_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, repository_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, name_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, description_view);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, description_count);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, description_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, tag_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, discard_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, cicd_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, environment_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, team_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, cicd_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, strategy_group);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, template_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, stages_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, stages_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, datasets_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, input_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, output_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, review_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, progress_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, open_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, without_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, reason_revealer);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, reason_label);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wizard.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "wizard.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "wizard.without-legacy", NULL,
                                   without_legacy_action);
  gtk_widget_class_install_action (widget_class, "wizard.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "wizard.next", NULL);
}

static void
sluice_create_wizard_init (SluiceCreateWizard *self)
{
  GtkCheckButton *first = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->step_rows = g_ptr_array_new_with_free_func (g_object_unref);

  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (self->strategy_checks); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sluice_dev_strategy_get_title ((SluiceDevStrategy) i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sluice_dev_strategy_get_summary ((SluiceDevStrategy) i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      /* The row names its activatable widget after its title: no label of our own, or
       * GTK 4.8 reads the name twice. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (strategy_toggled_cb), self);
      self->strategy_checks[i] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (self->strategy_group, row);
    }

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (description_changed_cb), self);
  g_signal_connect_swapped (self->template_row, "changed", G_CALLBACK (template_changed_cb), self);
  g_signal_connect_swapped (self->environment_row, "notify::selected",
                            G_CALLBACK (environment_selected_cb), self);
  g_signal_connect_swapped (self->team_row, "notify::selected", G_CALLBACK (team_selected_cb), self);
  g_signal_connect (self->input_row, "notify::selected", G_CALLBACK (_sluice_create_wizard_dataset_selected_cb), self);
  g_signal_connect (self->output_row, "notify::selected", G_CALLBACK (_sluice_create_wizard_dataset_selected_cb), self);

  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/**
 * sluice_create_wizard_new:
 * @parent: (nullable): the window it belongs to
 * @account: the signed-in account to create the pipeline in
 *
 * The wizard, with the account's saved draft if there is one. Present it with
 * gtk_window_present(); it emits #SluiceCreateWizard::created with the new pipeline's URI.
 */
SluiceCreateWizard *
sluice_create_wizard_new (GtkWindow     *parent,
                          SluiceAccount *account)
{
  SluiceCreateWizard *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);

  self = g_object_new (SLUICE_TYPE_CREATE_WIZARD, "transient-for", parent, NULL);
  /* One of the application's windows: its shortcuts (Ctrl+Q) work here too, and quitting
   * closes the wizard like the others, which saves the draft. */
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->account = g_object_ref (account);
  self->client = g_object_ref (sluice_account_get_client (account));
  self->settings = sluice_settings_new ();
  self->draft = sluice_pipeline_draft_load (self->settings, sluice_account_get_id (account));
  if (self->draft == NULL)
    self->draft = sluice_pipeline_draft_new ();
  g_signal_connect_swapped (self->draft, "changed", G_CALLBACK (draft_changed_cb), self);
  self->catalog = sluice_environment_catalog_new (self->client);
  g_signal_connect_swapped (self->catalog, "changed", G_CALLBACK (catalog_changed_cb), self);
  self->stages_editor = sluice_stages_editor_new (self->catalog, self->draft);
  gtk_box_prepend (self->stages_box, GTK_WIDGET (self->stages_editor));

  g_signal_connect_object (account, "notify::state",
                           G_CALLBACK (_sluice_create_wizard_account_state_cb), self,
                           G_CONNECT_SWAPPED);

  sync_all (self);
  show_page (self, 0);
  /* Sluice stopped after creating the pipeline, before all its stages: say so, and offer
   * the rest. */
  if (sluice_pipeline_draft_get_created_uri (self->draft) != NULL)
    _sluice_create_wizard_resume (self);
  /* Stopped while createDataPipeline was under way: data.all may have it. */
  else if (sluice_pipeline_draft_get_in_flight (self->draft) &&
           sluice_pipeline_draft_get_labelled_before (self->draft) != NULL)
    _sluice_create_wizard_find_created (self);
  sluice_environment_catalog_load (self->catalog);
  update_spinners (self);
  return self;
}

SluiceAccount *
sluice_create_wizard_get_account (SluiceCreateWizard *self)
{
  g_return_val_if_fail (SLUICE_IS_CREATE_WIZARD (self), NULL);
  return self->account;
}

/**
 * sluice_create_wizard_get_page:
 *
 * Returns: the visible step: "details", "cicd", "stages", "datasets", "review" or "progress"
 */
const char *
sluice_create_wizard_get_page (SluiceCreateWizard *self)
{
  g_return_val_if_fail (SLUICE_IS_CREATE_WIZARD (self), NULL);
  return self->page < N_PAGES ? pages[self->page] : "progress";
}
