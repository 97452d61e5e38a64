/* sluice-json-model.h: properties of model objects, filled from data.all's JSON (internal)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One property filled from one JSON member: @path is a member name, or a dotted path into
 * nested objects ("environment.label"). */
typedef struct
{
  guint       prop_id;
  const char *path;
} SluiceJsonField;

/* The models keep their scalar properties in one slot per property, of the type its
 * GParamSpec gives: a string, a string array (G_TYPE_STRV), or a number or boolean (int,
 * uint, int64, boolean). A third of a GValue: 10,000 pipelines keep dozens of them each.
 * Getters read the slot (`self->values[PROP_LABEL].v_string`); these helpers compare, copy
 * and notify only on change, for every class alike. */
typedef union
{
  char    *v_string;
  char   **v_strv;
  gint64   v_int64;
} SluiceJsonValue;

void      sluice_json_model_init_values   (SluiceJsonValue       *values,
                                           GParamSpec           **pspecs,
                                           guint                  n_props);
void      sluice_json_model_clear_values  (SluiceJsonValue       *values,
                                           GParamSpec           **pspecs,
                                           guint                  n_props);
gboolean  sluice_json_model_holds         (GParamSpec           **pspecs,
                                           guint                  n_props,
                                           guint                  prop_id);
void      sluice_json_model_get_value     (SluiceJsonValue       *values,
                                           GParamSpec           **pspecs,
                                           guint                  prop_id,
                                           GValue                *value);
gboolean  sluice_json_model_set_value     (GObject               *object,
                                           SluiceJsonValue       *values,
                                           GParamSpec           **pspecs,
                                           guint                  prop_id,
                                           const GValue          *value);
guint     sluice_json_model_update        (GObject               *object,
                                           SluiceJsonValue       *values,
                                           GParamSpec           **pspecs,
                                           const SluiceJsonField *fields,
                                           guint                  n_fields,
                                           JsonObject            *json);
guint     sluice_json_model_copy          (GObject               *object,
                                           SluiceJsonValue       *values,
                                           GParamSpec           **pspecs,
                                           guint                  n_props,
                                           const SluiceJsonValue *from);
gboolean  sluice_json_model_is_watched    (GObject               *object);
JsonNode *sluice_json_model_lookup        (JsonObject            *json,
                                           const char            *path);
char     *sluice_json_model_dup_string    (JsonObject            *json,
                                           const char            *path);

gboolean  sluice_json_is_single_value     (const char            *text,
                                           gssize                 length);

G_END_DECLS
