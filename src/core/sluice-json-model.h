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

/* The models keep their scalar properties in a GValue per property: these helpers compare,
 * copy and notify only on change, for every class alike. */
void      sluice_json_model_init_values   (GValue                *values,
                                           GParamSpec           **pspecs,
                                           guint                  n_props);
void      sluice_json_model_clear_values  (GValue                *values,
                                           guint                  n_props);
gboolean  sluice_json_model_set_value     (GObject               *object,
                                           GValue                *values,
                                           GParamSpec           **pspecs,
                                           guint                  prop_id,
                                           const GValue          *value);
guint     sluice_json_model_update        (GObject               *object,
                                           GValue                *values,
                                           GParamSpec           **pspecs,
                                           const SluiceJsonField *fields,
                                           guint                  n_fields,
                                           JsonObject            *json);
gboolean  sluice_json_model_is_watched    (GObject               *object);
JsonNode *sluice_json_model_lookup        (JsonObject            *json,
                                           const char            *path);
char     *sluice_json_model_dup_string    (JsonObject            *json,
                                           const char            *path);

G_END_DECLS
