/* sluice-ddk-load.c: reading ddk.json
 *
 * The text is checked by the strict scanner first (line and column of broken syntax, where
 * every member sits), then json-glib builds the tree as loaded and a second one to edit; the
 * file's style is noted for the writer.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-ddk-config"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-ddk-config-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Takes @text. */
static gboolean
set_text (SluiceDdkConfig  *self,
          char             *text,
          gsize             len,
          GError          **error)
{
  g_autofree char *owned = text;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = _sluice_ddk_display_name (self->file);
  const char *end = NULL;
  gsize bom_len = 0;
  Span *spans;
  JsonNode *root;
  JsonObject *envs;

  if (!g_utf8_validate (text, len, &end))
    {
      guint line, column;

      _sluice_ddk_line_and_column (text, 0, end - text, &line, &column);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
                   _("“%s” is not UTF-8 text (line %u, column %u)."), name, line, column);
      return FALSE;
    }
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    bom_len = 3;

  spans = _sluice_ddk_scan_document (text, len, bom_len, name, error);
  if (spans == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text + bom_len, len - bom_len, &local_error))
    {
      /* The strict scanner took it: json-glib refusing it is unexpected, but say what it said. */
      _sluice_ddk_span_free (spans);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
                   _("“%s” is not valid JSON: %s"), name, local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _sluice_ddk_span_free (spans);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_DDK,
                   _("“%s” is not a DDK configuration: it holds no JSON object."), name);
      return FALSE;
    }
  envs = _sluice_ddk_get_object_member (json_node_get_object (root), "environments");
  if (envs == NULL)
    {
      _sluice_ddk_span_free (spans);
      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_DDK,
                   _("“%s” is not a DDK configuration: it has no “environments” object."), name);
      return FALSE;
    }
  {
    g_autoptr(GList) names = json_object_get_members (envs);

    for (GList *l = names; l != NULL; l = l->next)
      if (_sluice_ddk_get_object_member (envs, l->data) == NULL)
        {
          _sluice_ddk_span_free (spans);
          g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_DDK,
                       _("“%s” is not a DDK configuration: environment “%s” is not an object."),
                       name, (const char *) l->data);
          return FALSE;
        }
  }

  g_clear_pointer (&self->spans, _sluice_ddk_span_free);
  g_clear_pointer (&self->original_root, json_node_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->original, g_free);
  self->spans = spans;
  self->original = g_steal_pointer (&owned);
  self->original_len = len;
  self->bom_len = bom_len;
  self->original_root = json_parser_steal_root (parser);
  /* json_node_copy() would share the object: the edited tree is a second, separate parse. */
  self->root = json_from_string (self->original + bom_len, NULL);
  g_assert (self->root != NULL);
  _sluice_ddk_style_detect (&self->style, self->original, bom_len, spans);
  return TRUE;
}

SluiceDdkConfig *
_sluice_ddk_config_new (GFile       *file,
                        const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autoptr(SluiceDdkConfig) self = g_object_new (SLUICE_TYPE_DDK_CONFIG, NULL);

  g_set_object (&self->file, file);
  if (memchr (data, '\0', len) != NULL)
    {
      g_autofree char *name = _sluice_ddk_display_name (file);

      g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON,
                   _("“%s” is not valid JSON: it holds a NUL byte."), name);
      return NULL;
    }
  if (!set_text (self, g_strndup (data, len), len, error))
    return NULL;
  return g_steal_pointer (&self);
}

SluiceDdkConfig *
sluice_ddk_config_new_from_data (const char  *data,
                                 gssize       length,
                                 GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);

  return _sluice_ddk_config_new (NULL, data, length < 0 ? strlen (data) : (gsize) length, error);
}

static SluiceDdkConfig *
config_from_contents (GFile   *file,
                      char    *contents,
                      gsize    length,
                      char    *etag,
                      GError **error)
{
  g_autoptr(SluiceDdkConfig) self = NULL;
  g_autofree char *owned = contents;
  g_autofree char *owned_etag = etag;

  self = _sluice_ddk_config_new (file, contents, length, error);
  if (self == NULL)
    return NULL;
  self->etag = g_steal_pointer (&owned_etag);
  return g_steal_pointer (&self);
}

static void
set_read_error (GError     **error,
                GFile       *file,
                const GError *io_error)
{
  g_autofree char *path = g_file_get_parse_name (file);

  g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_READ,
               _("Could not read “%s”: %s"), path, io_error->message);
}

SluiceDdkConfig *
sluice_ddk_config_load (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL, *etag = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_read_error (error, file, local_error);
      return NULL;
    }
  return config_from_contents (file, contents, length, etag, error);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = G_FILE (source);
  char *contents = NULL, *etag = NULL;
  gsize length = 0;
  SluiceDdkConfig *self;

  if (!g_file_load_contents_finish (file, result, &contents, &length, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          GError *read_error = NULL;

          set_read_error (&read_error, file, error);
          g_task_return_error (task, read_error);
        }
      return;
    }

  self = config_from_contents (file, contents, length, etag, &error);
  if (self == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
sluice_ddk_config_load_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_ddk_config_load_async);
  g_file_load_contents_async (file, cancellable, load_cb, g_steal_pointer (&task));
}

SluiceDdkConfig *
sluice_ddk_config_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
