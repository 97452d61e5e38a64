/* sluice-git-clone.c: cloning, and the destination checks before it
 *
 * Whether a folder can take a clone (main thread, no network), removing what a failed or
 * cancelled clone wrote, and the clone itself (worker thread).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-git"

#include "config.h"

#include <git2.h>
#include <glib/gi18n.h>

#include "sluice-codecommit.h"
#include "sluice-git-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static gboolean
remove_recursively (GFile         *file,
                    gboolean       keep_root,
                    GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        {
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            {
              if (!remove_recursively (child, FALSE, error))
                return FALSE;
            }
          else if (!g_file_delete (child, NULL, error))
            return FALSE;
        }
    }

  if (keep_root)
    return TRUE;
  return g_file_delete (file, NULL, error);
}

void
_sluice_git_remove_tree (const char *path,
                         gboolean    keep_root)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!remove_recursively (file, keep_root, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove %s: %s", path, error->message);
}

static gboolean
is_clone_of (const char *directory,
             const char *url)
{
  g_autoptr(GUri) want = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  git_repository *repo = NULL;
  git_remote *origin = NULL;
  gboolean same = FALSE;

  if (git_repository_open_ext (&repo, directory, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0)
    return FALSE;
  if (git_remote_lookup (&origin, repo, "origin") == 0 && want != NULL)
    {
      g_autoptr(GUri) have = g_uri_parse (git_remote_url (origin), G_URI_FLAGS_NONE, NULL);

      /* The same host and repository, whatever userinfo or trailing ".git" or "/" says. */
      if (have != NULL &&
          g_strcmp0 (g_uri_get_host (have), g_uri_get_host (want)) == 0 &&
          g_uri_get_port (have) == g_uri_get_port (want))
        {
          g_autofree char *a = sluice_codecommit_repository_from_path (g_uri_get_path (have));
          g_autofree char *b = sluice_codecommit_repository_from_path (g_uri_get_path (want));

          same = a != NULL && g_strcmp0 (a, b) == 0;
        }
    }
  git_remote_free (origin);
  git_repository_free (repo);

  return same;
}

/**
 * sluice_git_check_destination:
 * @directory: where a clone would go
 * @url: (nullable): the repository's URL, to recognise an existing clone of it
 *
 * Checks, without any network, that @directory is absent or an empty folder. This reads the
 * folder only, which is cheap enough for the main thread.
 *
 * Returns: %TRUE if a clone can go there; otherwise %FALSE with %SLUICE_GIT_ERROR_NOT_EMPTY,
 *   %SLUICE_GIT_ERROR_ALREADY_CLONED (a clone of @url is there) or %SLUICE_GIT_ERROR_FAILED
 *   (a file, or a folder Sluice cannot read)
 */
gboolean
sluice_git_check_destination (const char  *directory,
                              const char  *url,
                              GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (directory != NULL, FALSE);

  display = g_filename_display_name (directory);
  if (*directory == '\0' || !g_path_is_absolute (directory))
    {
      g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_FAILED,
                   _("Choose a folder for the clone."));
      return FALSE;
    }
  if (!g_file_test (directory, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_test (directory, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_EMPTY,
                   _("“%s” is a file. Git can only clone into an empty folder."), display);
      return FALSE;
    }

  dir = g_dir_open (directory, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_FAILED,
                   _("Sluice cannot read the folder “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  if (g_dir_read_name (dir) == NULL)
    return TRUE;

  _sluice_git_ensure_libgit2 ();
  if (url != NULL && is_clone_of (directory, url))
    {
      g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_ALREADY_CLONED,
                   _("“%s” is already a clone of this repository."), display);
      return FALSE;
    }

  g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_EMPTY,
               _("“%s” contains files. Git can only clone into an empty folder."), display);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Cloning (worker thread)                                                                    */
/* ------------------------------------------------------------------------------------------ */

GError *
_sluice_git_do_clone (Op *op)
{
  git_clone_options options;
  git_repository *repo = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed;
  int ret;

  if (!sluice_git_check_destination (op->directory, op->url, &error))
    return g_steal_pointer (&error);
  existed = g_file_test (op->directory, G_FILE_TEST_IS_DIR);

  git_clone_options_init (&options, GIT_CLONE_OPTIONS_VERSION);
  _sluice_git_init_callbacks (op, &options.fetch_opts.callbacks);
  options.fetch_opts.proxy_opts.type = GIT_PROXY_AUTO;
  options.checkout_branch = op->branch;
  options.checkout_opts.progress_cb = _sluice_git_checkout_progress_cb;
  options.checkout_opts.progress_payload = op;
  options.checkout_opts.notify_cb = _sluice_git_checkout_notify_cb;
  options.checkout_opts.notify_payload = op;
  options.checkout_opts.notify_flags = GIT_CHECKOUT_NOTIFY_ALL;

  op->calls_this_connection = 0;
  ret = git_clone (&repo, op->url, op->directory, &options);
  if (ret == 0 && !_sluice_git_is_cancelled (op))
    ret = _sluice_git_configure_credential_helper (repo, op);
  if (ret != 0 || _sluice_git_is_cancelled (op))
    {
      GError *mapped = ret != 0 ? _sluice_git_map_error (op, ret)
                                : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));

      git_repository_free (repo);
      /* git_clone cleans up after its own failures; after a late cancel or a failed
       * configuration this does the same: the folder if it made it, else its contents. */
      if (ret != GIT_EEXISTS && g_file_test (op->directory, G_FILE_TEST_EXISTS))
        _sluice_git_remove_tree (op->directory, existed);
      return mapped;
    }

  git_repository_free (repo);
  op->progress.phase = SLUICE_GIT_PHASE_DONE;
  _sluice_git_report (op);

  return NULL;
}
