/* sluice-create-wizard-private.h: what the wizard's files share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-create-wizard.h"
#include "sluice-dataall-api.h"
#include "sluice-environment-catalog.h"
#include "sluice-error-box.h"
#include "sluice-pipeline-draft.h"
#include "sluice-stages-editor.h"
#include "sluice-tag-chips.h"

G_BEGIN_DECLS

/* The steps, in order; "progress" follows once creating has started. */
static const char * const pages[] = { "details", "cicd", "stages", "datasets", "review" };
#define N_PAGES        G_N_ELEMENTS (pages)
#define PROGRESS_PAGE  N_PAGES

#define SAVE_DELAY_MS 300

struct _SluiceCreateWizard
{
  AdwWindow              parent_instance;

  SluiceAccount         *account;
  SluiceDataallClient   *client;
  GSettings             *settings;
  SluicePipelineDraft   *draft;
  SluicePipelineCreator *creator;
  GCancellable          *cancellable;
  GCancellable          *create_cancellable;
  guint                  save_id;
  guint                  page;
  gboolean               syncing;
  gboolean               creating;
  gboolean               awaiting_sign_in; /* the run stopped at the end of the sign-in */

  SluiceEnvironmentCatalog *catalog;       /* environments, their teams and parameters */
  SluiceStagesEditor    *stages_editor;
  GListModel            *datasets;          /* SluiceDataset of the CI/CD environment and team */
  char                  *datasets_key;
  GtkWidget             *progress_group;
  GPtrArray             *step_rows;     /* SluiceStepRow, one per step of the creator */
  GtkCheckButton        *strategy_checks[3];

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *back_button;
  GtkButton             *next_button;
  GtkButton             *cancel_button;
  GtkStack              *stack;
  AdwEntryRow           *name_row;
  AdwActionRow          *repository_row;
  GtkLabel              *name_error;
  GtkTextView           *description_view;
  GtkLabel              *description_count;
  GtkLabel              *description_error;
  AdwEntryRow           *tag_row;
  SluiceTagChips        *tags_box;
  GtkButton             *discard_button;
  GtkSpinner            *cicd_spinner;
  AdwComboRow           *environment_row;
  AdwComboRow           *team_row;
  GtkLabel              *cicd_error;
  AdwPreferencesGroup   *strategy_group;
  AdwEntryRow           *template_row;
  GtkBox                *stages_box;
  GtkLabel              *stages_error;
  GtkSpinner            *datasets_spinner;
  AdwComboRow           *input_row;
  AdwComboRow           *output_row;
  GtkBox                *review_box;
  GtkBox                *progress_box;
  SluiceErrorBox        *progress_error;
  GtkButton             *open_button;
  GtkButton             *without_button;
  GtkButton             *retry_button;
  GtkRevealer           *reason_revealer;
  GtkLabel              *reason_label;
};

/* sluice-create-wizard.c */
void _sluice_create_wizard_save_now                (SluiceCreateWizard *self);
void _sluice_create_wizard_update_state            (SluiceCreateWizard *self);
void _sluice_create_wizard_emit_created            (SluiceCreateWizard *self);
void _sluice_create_wizard_show_page               (SluiceCreateWizard *self,
                                                    guint               page);

/* sluice-create-wizard-create.c: datasets, review and creating */
void _sluice_create_wizard_load_datasets           (SluiceCreateWizard *self);
void _sluice_create_wizard_sync_datasets           (SluiceCreateWizard *self);
void _sluice_create_wizard_dataset_selected_cb     (AdwComboRow        *combo,
                                                    GParamSpec         *pspec,
                                                    SluiceCreateWizard *self);
void _sluice_create_wizard_rebuild_review          (SluiceCreateWizard *self);
void _sluice_create_wizard_start_creating          (SluiceCreateWizard *self);
void _sluice_create_wizard_start_run               (SluiceCreateWizard *self);
void _sluice_create_wizard_resume                  (SluiceCreateWizard *self);
void _sluice_create_wizard_find_created            (SluiceCreateWizard *self);
gboolean _sluice_create_wizard_is_ambiguous        (SluiceCreateWizard *self);
void _sluice_create_wizard_account_state_cb        (SluiceCreateWizard *self);
void _sluice_create_wizard_sign_in_again           (SluiceCreateWizard *self);

G_END_DECLS
