/* sluice-key-value-tag-row.h: one key/value tag of a pipeline, as the user edits it
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_KEY_VALUE_TAG_ROW (sluice_key_value_tag_row_get_type ())

G_DECLARE_FINAL_TYPE (SluiceKeyValueTagRow, sluice_key_value_tag_row, SLUICE, KEY_VALUE_TAG_ROW, GtkBox)

GtkWidget  *sluice_key_value_tag_row_new            (const char           *key,
                                                     const char           *value,
                                                     gboolean              cascade);
const char *sluice_key_value_tag_row_get_key        (SluiceKeyValueTagRow *self);
void        sluice_key_value_tag_row_set_key        (SluiceKeyValueTagRow *self,
                                                     const char           *key);
const char *sluice_key_value_tag_row_get_value      (SluiceKeyValueTagRow *self);
void        sluice_key_value_tag_row_set_value      (SluiceKeyValueTagRow *self,
                                                     const char           *value);
gboolean    sluice_key_value_tag_row_get_cascade    (SluiceKeyValueTagRow *self);
void        sluice_key_value_tag_row_set_cascade    (SluiceKeyValueTagRow *self,
                                                     gboolean              cascade);
char       *sluice_key_value_tag_row_dup_clean_key   (SluiceKeyValueTagRow *self);
char       *sluice_key_value_tag_row_dup_clean_value (SluiceKeyValueTagRow *self);
gboolean    sluice_key_value_tag_row_get_key_edited (SluiceKeyValueTagRow *self);
void        sluice_key_value_tag_row_set_errors     (SluiceKeyValueTagRow *self,
                                                     const char           *key_error,
                                                     const char           *value_error);
GtkWidget  *sluice_key_value_tag_row_get_key_field  (SluiceKeyValueTagRow *self);
GtkWidget  *sluice_key_value_tag_row_get_value_field (SluiceKeyValueTagRow *self);

G_END_DECLS
