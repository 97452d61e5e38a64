/* sluice-json-model.c: properties of model objects, filled from data.all's JSON (internal)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-json-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sluice-json-model.h"

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return sa == sb;
      return g_strv_equal (sa, sb);
    }
  g_return_val_if_reached (FALSE);
}

/* Converts a JSON scalar or array of strings to @value (already initialised to the property's
 * type); a JSON null gives the type's empty value. FALSE when the JSON does not fit. */
static gboolean
value_from_json (GValue   *value,
                 JsonNode *node)
{
  GType type = G_VALUE_TYPE (value);
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);
  GType json_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type == G_TYPE_STRING)
    {
      if (is_null)
        g_value_set_string (value, NULL);
      else if (json_type == G_TYPE_STRING)
        g_value_set_string (value, json_node_get_string (node));
      else if (json_type == G_TYPE_INT64)
        g_value_take_string (value, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
      else
        return FALSE;
      return TRUE;
    }
  if (type == G_TYPE_INT || type == G_TYPE_UINT || type == G_TYPE_INT64)
    {
      gint64 v = 0;

      if (json_type == G_TYPE_INT64 || json_type == G_TYPE_DOUBLE || json_type == G_TYPE_BOOLEAN)
        v = json_node_get_int (node);
      else if (json_type == G_TYPE_STRING)
        v = g_ascii_strtoll (json_node_get_string (node), NULL, 10);
      else if (!is_null)
        return FALSE;
      if (type == G_TYPE_INT)
        g_value_set_int (value, (int) CLAMP (v, G_MININT, G_MAXINT));
      else if (type == G_TYPE_UINT)
        g_value_set_uint (value, (guint) CLAMP (v, 0, G_MAXUINT));
      else
        g_value_set_int64 (value, v);
      return TRUE;
    }
  if (type == G_TYPE_BOOLEAN)
    {
      if (json_type == G_TYPE_BOOLEAN)
        g_value_set_boolean (value, json_node_get_boolean (node));
      else if (json_type == G_TYPE_STRING)
        g_value_set_boolean (value, g_ascii_strcasecmp (json_node_get_string (node), "true") == 0);
      else if (is_null)
        g_value_set_boolean (value, FALSE);
      else
        return FALSE;
      return TRUE;
    }
  if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = NULL;
      JsonArray *array;

      if (is_null)
        {
          g_value_set_boxed (value, NULL);
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      array = json_node_get_array (node);
      builder = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
      return TRUE;
    }
  return FALSE;
}

void
sluice_json_model_init_values (GValue      *values,
                               GParamSpec **pspecs,
                               guint        n_props)
{
  for (guint i = 1; i < n_props; i++)
    {
      if (pspecs[i] == NULL)
        continue;
      g_value_init (&values[i], G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_param_value_set_default (pspecs[i], &values[i]);
    }
}

void
sluice_json_model_clear_values (GValue *values,
                                guint   n_props)
{
  for (guint i = 1; i < n_props; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
}

static gboolean
store_value (GValue       *slot,
             const GValue *value)
{
  if (values_equal (slot, value))
    return FALSE;
  g_value_copy (value, slot);
  return TRUE;
}

/* Stores @value if it differs from the current one, and only then notifies. */
gboolean
sluice_json_model_set_value (GObject       *object,
                             GValue        *values,
                             GParamSpec   **pspecs,
                             guint          prop_id,
                             const GValue  *value)
{
  if (!store_value (&values[prop_id], value))
    return FALSE;
  g_object_notify_by_pspec (object, pspecs[prop_id]);
  return TRUE;
}

/**
 * sluice_json_model_lookup:
 *
 * Returns: (transfer none) (nullable): the member at @path ("a.b.c"), %NULL if any step is
 *   missing or not an object
 */
JsonNode *
sluice_json_model_lookup (JsonObject *json,
                          const char *path)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *name = g_strndup (path, dot - path);
      JsonNode *node = json_object_get_member (json, name);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      json = json_node_get_object (node);
      path = dot + 1;
    }
  return json_object_get_member (json, path);
}

char *
sluice_json_model_dup_string (JsonObject *json,
                              const char *path)
{
  JsonNode *node = json ? sluice_json_model_lookup (json, path) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/**
 * sluice_json_model_is_watched:
 *
 * Objects nobody watches yet (10,000 of them, made in a worker thread while a list loads)
 * skip the notification machinery: no handler could see it anyway.
 *
 * Returns: whether any handler listens to @object's notify signal
 */
gboolean
sluice_json_model_is_watched (GObject *object)
{
  static gsize notify_id;

  if (g_once_init_enter (&notify_id))
    g_once_init_leave (&notify_id, g_signal_lookup ("notify", G_TYPE_OBJECT));
  /* Matching on the signal alone finds handlers of any detail ("notify::label" too). */
  return g_signal_handler_find (object, G_SIGNAL_MATCH_ID, (guint) notify_id, 0,
                                NULL, NULL, NULL) != 0;
}

/**
 * sluice_json_model_update:
 *
 * Sets every property of @fields whose member @json holds; members the query did not select
 * leave their property as it was. Notifications are emitted together at the end.
 *
 * Returns: how many properties changed
 */
guint
sluice_json_model_update (GObject               *object,
                          GValue                *values,
                          GParamSpec           **pspecs,
                          const SluiceJsonField *fields,
                          guint                  n_fields,
                          JsonObject            *json)
{
  guint changed = 0;
  gboolean quiet = !sluice_json_model_is_watched (object);

  if (!quiet)
    g_object_freeze_notify (object);
  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *node = sluice_json_model_lookup (json, fields[i].path);
      g_auto(GValue) value = G_VALUE_INIT;

      if (node == NULL)
        continue;
      g_value_init (&value, G_VALUE_TYPE (&values[fields[i].prop_id]));
      if (!value_from_json (&value, node))
        {
          g_debug ("%s: member %s does not fit property %s", G_OBJECT_TYPE_NAME (object),
                   fields[i].path, pspecs[fields[i].prop_id]->name);
          continue;
        }
      if (quiet ? store_value (&values[fields[i].prop_id], &value)
                : sluice_json_model_set_value (object, values, pspecs, fields[i].prop_id, &value))
        changed++;
    }
  if (!quiet)
    g_object_thaw_notify (object);
  return changed;
}
