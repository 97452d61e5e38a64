/* sluice-stages-editor.h: a pipeline's stages, in order, to add, remove, reorder and edit
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-environment-catalog.h"
#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGES_EDITOR (sluice_stages_editor_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStagesEditor, sluice_stages_editor, SLUICE, STAGES_EDITOR, AdwBin)

SluiceStagesEditor *sluice_stages_editor_new                (SluiceEnvironmentCatalog *catalog,
                                                             SluicePipelineDraft      *draft);
void                sluice_stages_editor_set_draft          (SluiceStagesEditor       *self,
                                                             SluicePipelineDraft      *draft);
void                sluice_stages_editor_set_prod_optional  (SluiceStagesEditor       *self,
                                                             gboolean                  prod_optional);
void                sluice_stages_editor_expand             (SluiceStagesEditor       *self,
                                                             guint                     index);
void                sluice_stages_editor_rebuild            (SluiceStagesEditor       *self);

/* Combo row items for an environment or a team, shared with the wizard's CI/CD step. */
GListModel         *sluice_stages_editor_list_environments  (SluiceEnvironmentCatalog *catalog,
                                                             const char               *uri,
                                                             const char               *label,
                                                             guint                    *selected);
GListModel         *sluice_stages_editor_list_teams         (SluiceEnvironmentCatalog *catalog,
                                                             const char               *environment_uri,
                                                             const char               *team,
                                                             guint                    *selected);
char               *sluice_stages_editor_format_stage_title (guint                     index,
                                                             const SluiceDraftStage   *stage);
gboolean            sluice_stages_editor_is_extra_choice    (GListModel               *model,
                                                             guint                     n_choices,
                                                             guint                     position);

G_END_DECLS
