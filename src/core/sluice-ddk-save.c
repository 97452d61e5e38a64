/* sluice-ddk-save.c: saving ddk.json
 *
 * Atomically, refusing to overwrite what changed on disk since it was read, keeping the
 * previous file as a backup, which stays out of git's way in a clone. Apart from the other
 * rooms because of that one use of the git layer (libgit2): the fuzz target builds without it.
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
#include "sluice-git.h"

/* ------------------------------------------------------------------------------------------ */
/* Saving                                                                                     */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GFile *file;
  char  *data;
  gsize  length;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->data);
  g_free (data);
}

/* The save keeps the previous file as "ddk.json~" (g_file_replace's backup). In a clone that
 * backup would sit in `git status` as an untracked file, inviting a commit of it: it goes into
 * the clone's own info/exclude instead (shared with nobody, unlike a .gitignore, which would
 * be a change to commit). A backup elsewhere, e.g. in the cache, would leave no copy beside
 * the file where people look for one. */
static void
exclude_backup_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autofree char *backup = path != NULL ? g_strconcat (path, "~", NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (backup != NULL && g_file_test (backup, G_FILE_TEST_IS_REGULAR) &&
      !sluice_git_exclude_path (backup, &error))
    g_warning ("%s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SluiceDdkConfig *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *path = g_file_get_parse_name (data->file);
  g_autoptr(SluiceDdkConfig) saved = NULL;
  char *etag = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        g_task_return_new_error (task, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_CHANGED_ON_DISK,
                                 _("“%s” changed on disk since Sluice read it. Open it again before saving."),
                                 path);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
               g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        g_task_return_new_error (task, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_SAVE,
                                 _("Could not save “%s”: its folder is read-only. The file on disk is unchanged (%s)."),
                                 path, error->message);
      else
        g_task_return_new_error (task, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_SAVE,
                                 _("Could not save “%s”. The file on disk is unchanged (%s)."),
                                 path, error->message);
      return;
    }

  /* What is on disk now is the new original: later saves compare with it. */
  saved = _sluice_ddk_config_new (data->file, data->data, data->length, &error);
  if (saved == NULL)
    {
      /* Our own output must read back; if it ever does not, keep the old state and say so. */
      g_free (etag);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_set_object (&self->file, data->file);
  g_free (self->etag);
  self->etag = etag;
  g_free (self->original);
  self->original = g_steal_pointer (&saved->original);
  self->original_len = saved->original_len;
  self->bom_len = saved->bom_len;
  g_clear_pointer (&self->spans, _sluice_ddk_span_free);
  self->spans = g_steal_pointer (&saved->spans);
  g_clear_pointer (&self->original_root, json_node_unref);
  self->original_root = g_steal_pointer (&saved->original_root);
  _sluice_ddk_style_clear (&self->style);
  self->style = saved->style;
  memset (&saved->style, 0, sizeof saved->style);
  _sluice_ddk_config_update_modified (self);
  /* Saved: what is left cannot fail the save, and the task is not cancelled any more. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, exclude_backup_thread);
}

void
sluice_ddk_config_save_async (SluiceDdkConfig     *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;
  const char *etag = NULL;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_ddk_config_save_async);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file != NULL ? file : self->file);
  data->data = sluice_ddk_config_to_data (self, &data->length);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  /* Refuse to overwrite what someone else wrote since we read it. */
  if (self->file != NULL && g_file_equal (data->file, self->file))
    etag = self->etag;

  bytes = g_bytes_new (data->data, data->length);
  g_file_replace_contents_bytes_async (data->file, bytes, etag, TRUE, G_FILE_CREATE_NONE,
                                       cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
sluice_ddk_config_save_finish (SluiceDdkConfig  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
