/* sluice-git-commit.c: committing one file and pushing it (worker thread)
 *
 * On a branch of the server through a scratch repository, or in the user's clone: the commit is
 * made on top of what the server has, pushed, then brought into the clone.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-git"

#include "config.h"

#include <string.h>

#include <git2.h>
#include <glib/gi18n.h>

#include "sluice-git-private.h"

/* The tree of @parent with @path (maybe in subfolders) set to @blob. */
static int
tree_with_file (git_repository *repo,
                git_commit     *parent,
                const char     *path,
                const git_oid  *blob,
                git_oid        *tree_oid)
{
  git_tree *tree = NULL;
  git_index *index = NULL;
  git_index_entry entry;
  const git_index_entry *old;
  int ret;

  ret = git_commit_tree (&tree, parent);
  if (ret == 0)
    ret = git_index_new (&index);
  if (ret == 0)
    ret = git_index_read_tree (index, tree);
  if (ret == 0)
    {
      memset (&entry, 0, sizeof entry);
      old = git_index_get_bypath (index, path, 0);
      entry.mode = old != NULL ? old->mode : GIT_FILEMODE_BLOB;
      git_oid_cpy (&entry.id, blob);
      entry.path = path;
      ret = git_index_add (index, &entry);
    }
  if (ret == 0)
    ret = git_index_write_tree_to (tree_oid, index, repo);

  git_index_free (index);
  git_tree_free (tree);

  return ret;
}

/* ------------------------------------------------------------------------------------------ */
/* Committing a clone's file                                                                  */
/* ------------------------------------------------------------------------------------------ */

/* The clone must be on @branch: its HEAD is the parent the new commit expects, and the file
 * in its working tree is what is committed. */
static GError *
prepare_from_clone (Op *op)
{
  git_repository *clone = NULL;
  git_reference *head = NULL;
  g_autofree char *file = NULL;
  g_autofree char *ref = g_strconcat ("refs/heads/", op->branch, NULL);
  g_autoptr(GError) read_error = NULL;
  GError *error = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  char *data = NULL;
  gsize length = 0;
  int ret;

  ret = git_repository_open (&clone, op->directory);
  if (ret != 0)
    return _sluice_git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, git_error_last () != NULL ? git_error_last ()->message : NULL,
                          _("The folder “%s” is not a git clone."), op->directory);
  ret = git_repository_head (&head, clone);
  if (ret != 0 || git_reference_type (head) != GIT_REFERENCE_DIRECT ||
      g_strcmp0 (git_reference_name (head), ref) != 0)
    {
      const char *name = ret == 0 ? git_reference_shorthand (head) : NULL;

      error = _sluice_git_error_new (SLUICE_GIT_ERROR_FAILED, name,
                             _("The clone is not on the branch “%s”. Switch it to “%s” and try again: nothing was committed."),
                             op->branch, op->branch);
    }
  if (error == NULL)
    {
      git_oid_tostr (hex, sizeof hex, git_reference_target (head));
      g_free (op->expected_parent);
      op->expected_parent = g_strdup (hex);
      file = g_build_filename (op->directory, op->path, NULL);
      if (!g_file_get_contents (file, &data, &length, &read_error))
        error = _sluice_git_error_new (SLUICE_GIT_ERROR_FAILED, read_error->message,
                               _("Sluice cannot read “%s” in the clone."), op->path);
    }
  if (error == NULL)
    {
      g_clear_pointer (&op->contents, g_bytes_unref);
      op->contents = g_bytes_new_take (data, length);
    }
  /* Without an author given, the one git would use in this clone; else the user's name. */
  if (error == NULL && (op->author_name == NULL || op->author_email == NULL))
    {
      git_signature *identity = NULL;

      g_clear_pointer (&op->author_name, g_free);
      g_clear_pointer (&op->author_email, g_free);
      if (git_signature_default (&identity, clone) == 0)
        {
          op->author_name = g_strdup (identity->name);
          op->author_email = g_strdup (identity->email);
        }
      else
        {
          op->author_name = g_strdup (g_get_real_name ());
          op->author_email = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
        }
      git_signature_free (identity);
      git_error_clear ();
    }

  git_reference_free (head);
  git_repository_free (clone);

  return error;
}

static int
copy_object (git_odb       *from,
             git_odb       *to,
             const git_oid *id)
{
  git_odb_object *object = NULL;
  git_oid written;
  int ret;

  if (git_odb_exists (to, id))
    return 0;
  ret = git_odb_read (&object, from, id);
  if (ret == 0)
    ret = git_odb_write (&written, to, git_odb_object_data (object), git_odb_object_size (object),
                         git_odb_object_type (object));
  git_odb_object_free (object);

  return ret;
}

/* The pushed commit differs from the clone's HEAD by one file: its objects (the commit, the
 * trees down to the file, the file) go into the clone, whose branch then moves forward to it,
 * the very commit the server has now, without a second connection. */
static GError *
update_clone (Op             *op,
              git_repository *scratch,
              const git_oid  *commit_id)
{
  git_repository *clone = NULL;
  git_odb *from = NULL;
  git_odb *to = NULL;
  git_commit *commit = NULL;
  git_tree *tree = NULL;
  git_reference *moved = NULL;
  git_index *index = NULL;
  g_autofree char *ref = g_strconcat ("refs/heads/", op->branch, NULL);
  g_autofree char *tracking = g_strconcat ("refs/remotes/origin/", op->branch, NULL);
  g_auto(GStrv) parts = g_strsplit (op->path, "/", -1);
  git_oid parent;
  GError *error = NULL;
  int ret;

  ret = git_repository_open (&clone, op->directory);
  if (ret == 0)
    ret = git_repository_odb (&from, scratch);
  if (ret == 0)
    ret = git_repository_odb (&to, clone);
  if (ret == 0)
    ret = git_commit_lookup (&commit, scratch, commit_id);
  if (ret == 0)
    ret = copy_object (from, to, commit_id);
  if (ret == 0)
    ret = git_commit_tree (&tree, commit);
  if (ret == 0)
    ret = copy_object (from, to, git_tree_id (tree));
  for (guint i = 1; ret == 0 && parts[i - 1] != NULL; i++)
    {
      g_autofree char *prefix = NULL;
      git_tree_entry *entry = NULL;
      char *saved = parts[i];

      parts[i] = NULL;
      prefix = g_strjoinv ("/", parts);
      parts[i] = saved;
      ret = git_tree_entry_bypath (&entry, tree, prefix);
      if (ret == 0)
        ret = copy_object (from, to, git_tree_entry_id (entry));
      git_tree_entry_free (entry);
    }
  if (ret == 0)
    ret = git_reference_create (&moved, clone, tracking, commit_id, 1, "sluice: pushed");
  git_reference_free (moved);
  moved = NULL;
  if (ret == 0)
    ret = git_oid_fromstr (&parent, op->expected_parent);
  /* Only if the branch is still where it was: a commit made in the clone meanwhile stays. */
  if (ret == 0)
    ret = git_reference_create_matching (&moved, clone, ref, commit_id, 1, &parent, "sluice: fast-forward");
  if (ret == 0)
    ret = git_repository_index (&index, clone);
  if (ret == 0)
    ret = git_index_read (index, TRUE);
  if (ret == 0)
    ret = git_index_add_bypath (index, op->path);
  if (ret == 0)
    ret = git_index_write (index);
  if (ret != 0)
    error = _sluice_git_error_new (SLUICE_GIT_ERROR_FAILED, git_error_last () != NULL ? git_error_last ()->message : NULL,
                           _("The commit was pushed, but the clone could not follow it: run “git pull” in it."));

  git_index_free (index);
  git_reference_free (moved);
  git_tree_free (tree);
  git_commit_free (commit);
  git_odb_free (to);
  git_odb_free (from);
  git_repository_free (clone);

  return error;
}

GError *
_sluice_git_do_commit_file (Op *op)
{
  char *scratch = NULL;
  git_repository *repo = NULL;
  git_remote *remote = NULL;
  git_commit *parent = NULL;
  git_tree *new_tree = NULL;
  git_signature *author = NULL;
  git_reference *updated = NULL;
  g_autofree char *ref = g_strconcat ("refs/heads/", op->branch, NULL);
  GError *error = NULL;
  git_oid head, blob, tree_oid, commit_oid;
  char hex[GIT_OID_HEXSZ + 1];
  gsize size;
  const void *data;
  int ret;

  if (op->directory != NULL)
    error = prepare_from_clone (op);
  if (error == NULL)
    error = _sluice_git_open_scratch (op, &scratch, &repo, &remote);
  if (error == NULL)
    {
      _sluice_git_set_live_remote (op, remote);
      op->progress.phase = SLUICE_GIT_PHASE_CONNECTING;
      _sluice_git_report (op);
      ret = _sluice_git_connect_remote (op, remote, GIT_DIRECTION_FETCH);
      if (ret != 0)
        error = _sluice_git_map_error (op, ret);
    }
  if (error == NULL && !_sluice_git_find_head (remote, op->branch, &head))
    error = _sluice_git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, NULL,
                           _("The repository has no branch “%s”."), op->branch);
  if (error == NULL && op->expected_parent != NULL)
    {
      git_oid_tostr (hex, sizeof hex, &head);
      if (!g_str_equal (hex, op->expected_parent))
        error = _sluice_git_error_new (SLUICE_GIT_ERROR_PUSH_REJECTED, hex,
                               _("Someone pushed to “%s” since you opened it. Nothing was pushed: reload and try again."),
                               op->branch);
    }
  if (error == NULL)
    {
      ret = _sluice_git_download_branch (op, remote, op->branch);
      git_remote_disconnect (remote);
      data = g_bytes_get_data (op->contents, &size);
      if (ret == 0)
        ret = git_commit_lookup (&parent, repo, &head);
      if (ret == 0)
        ret = git_blob_create_from_buffer (&blob, repo, data, size);
      if (ret == 0)
        ret = tree_with_file (repo, parent, op->path, &blob, &tree_oid);
      if (ret == 0)
        ret = git_tree_lookup (&new_tree, repo, &tree_oid);
      if (ret == 0)
        ret = git_signature_now (&author, op->author_name, op->author_email);
      if (ret == 0 && git_oid_equal (&tree_oid, git_commit_tree_id (parent)))
        {
          /* Nothing changed: no empty commit. */
          git_oid_tostr (hex, sizeof hex, &head);
          op->commit_id = g_strdup (hex);
        }
      else
        {
          const git_commit *parents[] = { parent };

          if (ret == 0)
            ret = git_commit_create (&commit_oid, repo, NULL, author, author, "UTF-8", op->message,
                                     new_tree, 1, parents);
          if (ret == 0)
            ret = git_reference_create (&updated, repo, ref, &commit_oid, 1, "sluice: commit");
          if (ret == 0)
            {
              git_oid_tostr (hex, sizeof hex, &commit_oid);
              op->commit_id = g_strdup (hex);
            }
        }
      if (ret != 0)
        error = _sluice_git_map_error (op, ret);
    }
  if (error == NULL && _sluice_git_is_cancelled (op))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
  if (error == NULL && updated != NULL)
    error = _sluice_git_push_ref (op, remote, ref);
  if (error == NULL && updated != NULL && op->directory != NULL)
    error = update_clone (op, repo, git_reference_target (updated));
  if (error == NULL)
    {
      op->progress.phase = SLUICE_GIT_PHASE_DONE;
      _sluice_git_report (op);
    }

  git_reference_free (updated);
  git_signature_free (author);
  git_tree_free (new_tree);
  git_commit_free (parent);
  _sluice_git_close_scratch (op, scratch, repo, remote);

  return error;
}
