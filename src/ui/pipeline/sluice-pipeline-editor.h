/* sluice-pipeline-editor.h: editing a pipeline's name, description, tags and stages
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"
#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_EDITOR (sluice_pipeline_editor_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineEditor, sluice_pipeline_editor, SLUICE, PIPELINE_EDITOR, AdwWindow)

SluicePipelineEditor *sluice_pipeline_editor_new       (SluiceAccount        *account,
                                                        SluicePipeline       *pipeline);
SluicePipelineDraft  *sluice_pipeline_editor_get_draft (SluicePipelineEditor *self);

G_END_DECLS
