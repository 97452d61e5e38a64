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

SluiceStagesEditor *sluice_stages_editor_new           (SluiceEnvironmentCatalog *catalog,
                                                        SluicePipelineDraft      *draft);
void                sluice_stages_editor_set_draft     (SluiceStagesEditor       *self,
                                                        SluicePipelineDraft      *draft);
void                sluice_stages_editor_set_prod_optional (SluiceStagesEditor *self,
                                                            gboolean            prod_optional);
void                sluice_stages_editor_rebuild       (SluiceStagesEditor       *self);

G_END_DECLS
