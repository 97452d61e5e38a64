/* sluice-key-value-tags-view.h: the Tags tab: a pipeline's key/value tags, edited and saved
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_KEY_VALUE_TAGS_VIEW (sluice_key_value_tags_view_get_type ())

G_DECLARE_FINAL_TYPE (SluiceKeyValueTagsView, sluice_key_value_tags_view, SLUICE, KEY_VALUE_TAGS_VIEW, AdwBin)

GtkWidget      *sluice_key_value_tags_view_new           (void);
void            sluice_key_value_tags_view_set_account   (SluiceKeyValueTagsView *self,
                                                          SluiceAccount          *account);
SluicePipeline *sluice_key_value_tags_view_get_pipeline  (SluiceKeyValueTagsView *self);
void            sluice_key_value_tags_view_set_pipeline  (SluiceKeyValueTagsView *self,
                                                          SluicePipeline         *pipeline);
gboolean        sluice_key_value_tags_view_get_requested (SluiceKeyValueTagsView *self);
gboolean        sluice_key_value_tags_view_get_loading   (SluiceKeyValueTagsView *self);
gboolean        sluice_key_value_tags_view_get_changed   (SluiceKeyValueTagsView *self);
gboolean        sluice_key_value_tags_view_get_can_add   (SluiceKeyValueTagsView *self);
guint           sluice_key_value_tags_view_get_n_tags    (SluiceKeyValueTagsView *self);
void            sluice_key_value_tags_view_load          (SluiceKeyValueTagsView *self);
void            sluice_key_value_tags_view_add_tag       (SluiceKeyValueTagsView *self);
void            sluice_key_value_tags_view_revert        (SluiceKeyValueTagsView *self);
void            sluice_key_value_tags_view_save          (SluiceKeyValueTagsView *self);

G_END_DECLS
