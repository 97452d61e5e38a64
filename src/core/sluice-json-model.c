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

/* The type a slot holds for @pspec, or G_TYPE_INVALID if its property is not kept in one. */
static GType
slot_type (GParamSpec *pspec)
{
  GType type = pspec != NULL ? G_PARAM_SPEC_VALUE_TYPE (pspec) : G_TYPE_INVALID;

  if (type == G_TYPE_STRING || type == G_TYPE_STRV || type == G_TYPE_INT || type == G_TYPE_UINT ||
      type == G_TYPE_INT64 || type == G_TYPE_BOOLEAN)
    return type;
  return G_TYPE_INVALID;
}

static void
slot_clear (SluiceJsonValue *slot,
            GType            type)
{
  if (type == G_TYPE_STRING)
    g_clear_pointer (&slot->v_string, g_free);
  else if (type == G_TYPE_STRV)
    g_clear_pointer (&slot->v_strv, g_strfreev);
  else
    slot->v_int64 = 0;
}

static gboolean
slot_equal (const SluiceJsonValue *a,
            const SluiceJsonValue *b,
            GType                  type)
{
  if (type == G_TYPE_STRING)
    return g_strcmp0 (a->v_string, b->v_string) == 0;
  if (type == G_TYPE_STRV)
    {
      if (a->v_strv == NULL || b->v_strv == NULL)
        return a->v_strv == b->v_strv;
      return g_strv_equal ((const char * const *) a->v_strv, (const char * const *) b->v_strv);
    }
  return a->v_int64 == b->v_int64;
}

/* Moves @fresh (owned) into @slot if they differ, else frees it; TRUE if the slot changed. */
static gboolean
slot_take (SluiceJsonValue *slot,
           SluiceJsonValue *fresh,
           GType            type)
{
  if (slot_equal (slot, fresh, type))
    {
      slot_clear (fresh, type);
      return FALSE;
    }
  slot_clear (slot, type);
  *slot = *fresh;
  return TRUE;
}

static SluiceJsonValue
slot_from_value (const GValue *value,
                 GType         type)
{
  SluiceJsonValue slot = { 0, };

  if (type == G_TYPE_STRING)
    slot.v_string = g_value_dup_string (value);
  else if (type == G_TYPE_STRV)
    slot.v_strv = g_value_dup_boxed (value);
  else if (type == G_TYPE_INT)
    slot.v_int64 = g_value_get_int (value);
  else if (type == G_TYPE_UINT)
    slot.v_int64 = g_value_get_uint (value);
  else if (type == G_TYPE_INT64)
    slot.v_int64 = g_value_get_int64 (value);
  else if (type == G_TYPE_BOOLEAN)
    slot.v_int64 = g_value_get_boolean (value) ? 1 : 0;
  return slot;
}

/* Converts a JSON scalar or array of strings for a slot of @type; a JSON null gives the type's
 * empty value. FALSE when the JSON does not fit. */
static gboolean
slot_from_json (JsonNode        *node,
                GType            type,
                SluiceJsonValue *slot)
{
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);
  GType json_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  *slot = (SluiceJsonValue) { 0, };
  if (type == G_TYPE_STRING)
    {
      if (json_type == G_TYPE_STRING)
        slot->v_string = g_strdup (json_node_get_string (node));
      else if (json_type == G_TYPE_INT64)
        slot->v_string = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (!is_null)
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
        v = CLAMP (v, G_MININT, G_MAXINT);
      else if (type == G_TYPE_UINT)
        v = CLAMP (v, 0, G_MAXUINT);
      slot->v_int64 = v;
      return TRUE;
    }
  if (type == G_TYPE_BOOLEAN)
    {
      if (json_type == G_TYPE_BOOLEAN)
        slot->v_int64 = json_node_get_boolean (node) ? 1 : 0;
      else if (json_type == G_TYPE_STRING)
        slot->v_int64 = g_ascii_strcasecmp (json_node_get_string (node), "true") == 0;
      else if (!is_null)
        return FALSE;
      return TRUE;
    }
  if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = NULL;
      JsonArray *array;

      if (is_null)
        return TRUE;
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
      slot->v_strv = g_strv_builder_end (builder);
      return TRUE;
    }
  return FALSE;
}

void
sluice_json_model_init_values (SluiceJsonValue  *values,
                               GParamSpec      **pspecs,
                               guint             n_props)
{
  for (guint i = 1; i < n_props; i++)
    {
      GType type = slot_type (pspecs[i]);

      if (type != G_TYPE_INVALID)
        values[i] = slot_from_value (g_param_spec_get_default_value (pspecs[i]), type);
    }
}

void
sluice_json_model_clear_values (SluiceJsonValue  *values,
                                GParamSpec      **pspecs,
                                guint             n_props)
{
  for (guint i = 1; i < n_props; i++)
    slot_clear (&values[i], slot_type (pspecs[i]));
}

/**
 * sluice_json_model_holds:
 *
 * Returns: whether the property @prop_id is kept in a slot (those of object type are not)
 */
gboolean
sluice_json_model_holds (GParamSpec **pspecs,
                         guint        n_props,
                         guint        prop_id)
{
  return prop_id > 0 && prop_id < n_props && slot_type (pspecs[prop_id]) != G_TYPE_INVALID;
}

void
sluice_json_model_get_value (SluiceJsonValue  *values,
                             GParamSpec      **pspecs,
                             guint             prop_id,
                             GValue           *value)
{
  GType type = slot_type (pspecs[prop_id]);
  SluiceJsonValue *slot = &values[prop_id];

  if (type == G_TYPE_STRING)
    g_value_set_string (value, slot->v_string);
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (value, slot->v_strv);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, (int) slot->v_int64);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, (guint) slot->v_int64);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, slot->v_int64);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, slot->v_int64 != 0);
  else
    g_return_if_reached ();
}

/* Stores @value if it differs from the current one, and only then notifies. */
gboolean
sluice_json_model_set_value (GObject          *object,
                             SluiceJsonValue  *values,
                             GParamSpec      **pspecs,
                             guint             prop_id,
                             const GValue     *value)
{
  GType type = slot_type (pspecs[prop_id]);
  SluiceJsonValue fresh = slot_from_value (value, type);

  if (!slot_take (&values[prop_id], &fresh, type))
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
 * sluice_json_model_copy:
 * @from: the slots of another object of the same class
 *
 * Takes every slot of @from, notifying (together, at the end) only the properties that
 * change.
 *
 * Returns: how many properties changed
 */
guint
sluice_json_model_copy (GObject               *object,
                        SluiceJsonValue       *values,
                        GParamSpec           **pspecs,
                        guint                  n_props,
                        const SluiceJsonValue *from)
{
  guint changed = 0;
  gboolean quiet = !sluice_json_model_is_watched (object);

  if (!quiet)
    g_object_freeze_notify (object);
  for (guint i = 1; i < n_props; i++)
    {
      GType type = slot_type (pspecs[i]);
      SluiceJsonValue fresh = from[i];

      if (type == G_TYPE_INVALID || slot_equal (&values[i], &from[i], type))
        continue;
      if (type == G_TYPE_STRING)
        fresh.v_string = g_strdup (from[i].v_string);
      else if (type == G_TYPE_STRV)
        fresh.v_strv = g_strdupv (from[i].v_strv);
      slot_take (&values[i], &fresh, type);
      changed++;
      if (!quiet)
        g_object_notify_by_pspec (object, pspecs[i]);
    }
  if (!quiet)
    g_object_thaw_notify (object);
  return changed;
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
                          SluiceJsonValue       *values,
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
      guint prop_id = fields[i].prop_id;
      GType type = slot_type (pspecs[prop_id]);
      SluiceJsonValue fresh;

      if (node == NULL)
        continue;
      /* The common case, a string that did not change, copies nothing. */
      if (type == G_TYPE_STRING && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (values[prop_id].v_string, json_node_get_string (node)) == 0)
        continue;
      if (!slot_from_json (node, type, &fresh))
        {
          g_debug ("%s: member %s does not fit property %s", G_OBJECT_TYPE_NAME (object),
                   fields[i].path, pspecs[prop_id]->name);
          continue;
        }
      if (slot_take (&values[prop_id], &fresh, type))
        {
          changed++;
          if (!quiet)
            g_object_notify_by_pspec (object, pspecs[prop_id]);
        }
    }
  if (!quiet)
    g_object_thaw_notify (object);
  return changed;
}

static gsize
skip_space (const char *text,
            gsize       pos,
            gsize       length)
{
  while (pos < length && strchr (" \t\r\n", text[pos]) != NULL && text[pos] != '\0')
    pos++;
  return pos;
}

/**
 * sluice_json_is_single_value:
 * @text: text from outside: a server's answer, a token, a file
 * @length: its length, or -1 if it ends with a NUL
 *
 * Whether @text holds one JSON object, array or string and nothing after it. json-glib 1.6
 * takes several values in a row, keeps the last and leaks the others (found by fuzzing:
 * tests/fuzz/corpus/dataall-answer/crash-leak-*), so every parser of outside input asks
 * this first and refuses such text as it refuses broken JSON.
 *
 * Returns: %FALSE when something follows the first value, or it is not closed
 */
gboolean
sluice_json_is_single_value (const char *text,
                             gssize      length)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  gsize pos = skip_space (text, 0, len);
  gboolean in_string = FALSE;
  gsize depth = 0;

  if (pos >= len || (text[pos] != '{' && text[pos] != '[' && text[pos] != '"'))
    return FALSE;

  for (; pos < len; pos++)
    {
      char c = text[pos];

      if (in_string)
        {
          if (c == '\\')
            pos++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                break;
            }
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && depth > 0 && --depth == 0)
        break;
    }
  if (pos >= len)
    return FALSE;
  return skip_space (text, pos + 1, len) == len;
}
