/* sluice-pipeline-picker-item.h: one pipeline in the picker's list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_PICKER_ITEM (sluice_pipeline_picker_item_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelinePickerItem, sluice_pipeline_picker_item, SLUICE, PIPELINE_PICKER_ITEM, GtkBox)

GtkWidget *sluice_pipeline_picker_item_new          (void);
void       sluice_pipeline_picker_item_set_pipeline (SluicePipelinePickerItem *self,
                                                     SluicePipeline           *pipeline);

G_END_DECLS
