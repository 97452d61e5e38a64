/* sluice-git-exclude.c: keeping a file Sluice writes beside a tracked one out of `git status`
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-git"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <git2.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sluice-git-private.h"

/* A path as one line of a gitignore file that matches that path only: anchored at the work
 * tree by its leading "/", with git's wildcards and a trailing space taken literally. */
static char *
exclude_pattern (const char *relative)
{
  GString *line = g_string_new ("/");
  gsize n = strlen (relative);

  for (gsize i = 0; i < n; i++)
    {
      if (strchr ("\\*?[", relative[i]) != NULL || (relative[i] == ' ' && i + 1 == n))
        g_string_append_c (line, '\\');
      g_string_append_c (line, relative[i]);
    }
  return g_string_free (line, FALSE);
}

/**
 * sluice_git_exclude_path:
 * @path: an absolute path, e.g. an editor's backup of a tracked file
 *
 * Keeps @path out of `git status` in this clone only: adds it, anchored at the work tree, to
 * the repository's `info/exclude` (which git never shares, unlike a `.gitignore`), once and
 * only when git does not ignore it already. A path outside any work tree is left alone. This
 * reads and writes files: call it on a worker thread.
 *
 * Returns: %TRUE if @path is ignored now or is in no work tree; %FALSE with %SLUICE_GIT_ERROR_FAILED
 *   when `info/exclude` could not be read or written
 */
gboolean
sluice_git_exclude_path (const char  *path,
                         GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *exclude_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) exclude = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) addition = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) lines = NULL;
  git_repository *repo = NULL;
  const char *relative;
  int ignored = 0;

  g_return_val_if_fail (path != NULL && g_path_is_absolute (path), FALSE);

  canonical = g_canonicalize_filename (path, NULL);
  folder = g_path_get_dirname (canonical);
  _sluice_git_ensure_libgit2 ();
  if (git_repository_open_ext (&repo, folder, 0, NULL) != 0)
    return TRUE;
  if (git_repository_workdir (repo) == NULL)
    {
      /* A bare repository has no work tree to keep tidy. */
      git_repository_free (repo);
      return TRUE;
    }
  workdir = g_canonicalize_filename (git_repository_workdir (repo), NULL);
  if (!g_str_has_prefix (canonical, workdir) || canonical[strlen (workdir)] != '/')
    {
      git_repository_free (repo);
      return TRUE;
    }
  relative = canonical + strlen (workdir) + 1;
  if (git_ignore_path_is_ignored (&ignored, repo, relative) == 0 && ignored)
    {
      git_repository_free (repo);
      return TRUE;
    }
  /* A linked work tree shares info/exclude with its main repository. */
  info_path = g_build_filename (git_repository_commondir (repo), "info", NULL);
  git_repository_free (repo);

  exclude_path = g_build_filename (info_path, "exclude", NULL);
  pattern = exclude_pattern (relative);
  if (!g_file_get_contents (exclude_path, &contents, NULL, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    goto failed;
  g_clear_error (&local_error);
  lines = g_strsplit (contents != NULL ? contents : "", "\n", -1);
  if (g_strv_contains ((const char * const *) lines, pattern))
    return TRUE;

  addition = g_string_new (NULL);
  if (contents != NULL && contents[0] != '\0' && !g_str_has_suffix (contents, "\n"))
    g_string_append_c (addition, '\n');
  g_string_append_printf (addition, "# Sluice's backup of the file it saved last\n%s\n", pattern);
  if (g_mkdir_with_parents (info_path, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      goto failed;
    }
  exclude = g_file_new_for_path (exclude_path);
  stream = g_file_append_to (exclude, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), addition->str, addition->len, NULL, NULL, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    goto failed;
  return TRUE;

failed:
  {
    g_autofree char *display = g_filename_display_name (exclude_path);

    g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_FAILED,
                 _("Could not add “%s” to git’s list of ignored files in “%s”: %s"),
                 relative, display, local_error->message);
    return FALSE;
  }
}
