/* sluice-git-branches.c: a repository's branches on the server
 *
 * Listing them without a clone (a scratch repository in memory of the remote only), the stage
 * branches a pipeline misses, and creating one from another by pushing a ref (worker thread).
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
#include "sluice-stage.h"

/* ------------------------------------------------------------------------------------------ */
/* The stage branches a pipeline misses (no network)                                          */
/* ------------------------------------------------------------------------------------------ */

static int
compare_stage_order (gconstpointer a,
                     gconstpointer b)
{
  int x = sluice_stage_get_order (*(SluiceStage * const *) a);
  int y = sluice_stage_get_order (*(SluiceStage * const *) b);

  return (x > y) - (x < y);
}

/**
 * sluice_git_missing_stage_branches:
 * @pipeline: a pipeline, with its stages
 * @remote_branches: the branches its repository has (sluice_git_remote_list_branches_finish())
 *
 * A GitFlow pipeline builds `main` for its "prod" stage and, for every other stage, the
 * branch named after it: a stage whose branch is missing finds nothing to build. This lists
 * those branches, in stage order. Other strategies build `main` only: none is missing.
 *
 * Returns: (transfer full): the missing branches, maybe none
 */
GStrv
sluice_git_missing_stage_branches (SluicePipeline     *pipeline,
                                   const char * const *remote_branches)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  model = sluice_pipeline_get_stages (pipeline);
  if (g_strcmp0 (sluice_pipeline_get_dev_strategy (pipeline), "gitflow") != 0 || model == NULL)
    return g_strv_builder_end (missing);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (stages, g_list_model_get_item (model, i));
  g_ptr_array_sort (stages, compare_stage_order);

  for (guint i = 0; i < stages->len; i++)
    {
      const char *stage = sluice_stage_get_stage (g_ptr_array_index (stages, i));

      if (stage == NULL || *stage == '\0' || g_str_equal (stage, "prod"))
        continue;
      if (remote_branches != NULL && g_strv_contains (remote_branches, stage))
        continue;
      g_strv_builder_add (missing, stage);
    }

  return g_strv_builder_end (missing);
}

/* ------------------------------------------------------------------------------------------ */
/* The server's branches (worker thread)                                                      */
/* ------------------------------------------------------------------------------------------ */

/* A temporary bare repository with the remote "origin", for work without a clone. */
GError *
_sluice_git_open_scratch (Op              *op,
                          char           **scratch_dir,
                          git_repository **repo,
                          git_remote     **remote)
{
  g_autoptr(GError) error = NULL;
  int ret;

  *scratch_dir = g_dir_make_tmp ("sluice-git-XXXXXX", &error);
  if (*scratch_dir == NULL)
    return _sluice_git_error_new (SLUICE_GIT_ERROR_FAILED, error->message,
                          _("Sluice cannot create a temporary folder."));
  ret = git_repository_init (repo, *scratch_dir, 1);
  if (ret == 0)
    ret = git_remote_create (remote, *repo, "origin", op->url);
  if (ret != 0)
    return _sluice_git_map_error (op, ret);

  return NULL;
}

void
_sluice_git_close_scratch (Op             *op,
                           char           *scratch_dir,
                           git_repository *repo,
                           git_remote     *remote)
{
  _sluice_git_set_live_remote (op, NULL);
  if (remote != NULL)
    git_remote_free (remote);
  if (repo != NULL)
    git_repository_free (repo);
  if (scratch_dir != NULL)
    _sluice_git_remove_tree (scratch_dir, FALSE);
  g_free (scratch_dir);
}

int
_sluice_git_connect_remote (Op               *op,
                            git_remote       *remote,
                            git_direction     direction)
{
  git_remote_callbacks callbacks;
  git_proxy_options proxy;

  _sluice_git_init_callbacks (op, &callbacks);
  git_proxy_options_init (&proxy, GIT_PROXY_OPTIONS_VERSION);
  proxy.type = GIT_PROXY_AUTO;
  op->calls_this_connection = 0;
  return git_remote_connect (remote, direction, &callbacks, &proxy, NULL);
}

/* The remote's branches ("main", ...) and what HEAD points at, from a connected remote. */
static int
read_heads (git_remote *remote,
            GPtrArray  *names,
            char      **default_branch)
{
  const git_remote_head **heads = NULL;
  size_t n = 0;
  int ret = git_remote_ls (&heads, &n, remote);

  if (ret != 0)
    return ret;
  for (size_t i = 0; i < n; i++)
    {
      if (g_str_has_prefix (heads[i]->name, "refs/heads/"))
        g_ptr_array_add (names, g_strdup (heads[i]->name + strlen ("refs/heads/")));
      else if (g_str_equal (heads[i]->name, "HEAD") && heads[i]->symref_target != NULL &&
               g_str_has_prefix (heads[i]->symref_target, "refs/heads/") && default_branch != NULL)
        *default_branch = g_strdup (heads[i]->symref_target + strlen ("refs/heads/"));
    }

  return 0;
}

gboolean
_sluice_git_find_head (git_remote *remote,
                       const char *branch,
                       git_oid    *oid)
{
  const git_remote_head **heads = NULL;
  size_t n = 0;
  g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);

  if (git_remote_ls (&heads, &n, remote) != 0)
    return FALSE;
  for (size_t i = 0; i < n; i++)
    if (g_str_equal (heads[i]->name, ref))
      {
        git_oid_cpy (oid, &heads[i]->oid);
        return TRUE;
      }

  return FALSE;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GError *
_sluice_git_do_list_branches (Op *op)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  git_remote *remote = NULL;
  GError *error = NULL;
  int ret;

  ret = git_remote_create_detached (&remote, op->url);
  if (ret == 0)
    {
      _sluice_git_set_live_remote (op, remote);
      ret = _sluice_git_connect_remote (op, remote, GIT_DIRECTION_FETCH);
    }
  if (ret == 0)
    ret = read_heads (remote, names, &op->default_branch);
  if (ret != 0)
    error = _sluice_git_map_error (op, ret);
  else if (_sluice_git_is_cancelled (op))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));

  _sluice_git_set_live_remote (op, NULL);
  if (remote != NULL)
    {
      git_remote_disconnect (remote);
      git_remote_free (remote);
    }
  if (error != NULL)
    return error;

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  op->branches = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  return NULL;
}

/* Fetches @branch's commit into the scratch repository, from a connected remote. */
int
_sluice_git_download_branch (Op         *op,
                             git_remote *remote,
                             const char *branch)
{
  g_autofree char *refspec = g_strdup_printf ("refs/heads/%s:refs/remotes/origin/%s", branch, branch);
  char *specs[] = { refspec };
  git_strarray refspecs = { specs, 1 };
  git_fetch_options options;

  git_fetch_options_init (&options, GIT_FETCH_OPTIONS_VERSION);
  _sluice_git_init_callbacks (op, &options.callbacks);
  options.proxy_opts.type = GIT_PROXY_AUTO;
  return git_remote_download (remote, &refspecs, &options);
}

GError *
_sluice_git_push_ref (Op         *op,
                      git_remote *remote,
                      const char *ref)
{
  g_autofree char *refspec = g_strdup_printf ("%s:%s", ref, ref);
  char *specs[] = { refspec };
  git_strarray refspecs = { specs, 1 };
  git_push_options options;
  int ret;

  git_push_options_init (&options, GIT_PUSH_OPTIONS_VERSION);
  _sluice_git_init_callbacks (op, &options.callbacks);
  options.proxy_opts.type = GIT_PROXY_AUTO;
  op->calls_this_connection = 0;
  op->progress.phase = SLUICE_GIT_PHASE_PUSHING;
  _sluice_git_report (op);

  ret = git_remote_push (remote, &refspecs, &options);
  if (ret != 0)
    return _sluice_git_map_error (op, ret);
  if (op->rejected_ref != NULL)
    return _sluice_git_error_new (SLUICE_GIT_ERROR_PUSH_REJECTED, op->rejected_status,
                          _("CodeCommit refused to update “%s”: %s"),
                          g_str_has_prefix (op->rejected_ref, "refs/heads/")
                            ? op->rejected_ref + strlen ("refs/heads/") : op->rejected_ref,
                          op->rejected_status);
  return NULL;
}

GError *
_sluice_git_do_create_branch (Op *op)
{
  char *scratch = NULL;
  git_repository *repo = NULL;
  git_remote *remote = NULL;
  g_autofree char *ref = g_strconcat ("refs/heads/", op->branch, NULL);
  git_reference *created = NULL;
  GError *error = NULL;
  git_oid from_oid, existing;
  int ret;

  if (!git_reference_is_valid_name (ref))
    return _sluice_git_error_new (SLUICE_GIT_ERROR_FAILED, NULL, _("“%s” is not a valid branch name."), op->branch);

  error = _sluice_git_open_scratch (op, &scratch, &repo, &remote);
  if (error == NULL)
    {
      _sluice_git_set_live_remote (op, remote);
      ret = _sluice_git_connect_remote (op, remote, GIT_DIRECTION_FETCH);
      if (ret != 0)
        error = _sluice_git_map_error (op, ret);
    }
  if (error == NULL && _sluice_git_find_head (remote, op->branch, &existing))
    error = _sluice_git_error_new (SLUICE_GIT_ERROR_EXISTS, NULL,
                           _("The branch “%s” exists already."), op->branch);
  if (error == NULL && !_sluice_git_find_head (remote, op->from, &from_oid))
    error = _sluice_git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, NULL,
                           _("The repository has no branch “%s” to start “%s” from."), op->from, op->branch);
  if (error == NULL)
    {
      ret = _sluice_git_download_branch (op, remote, op->from);
      git_remote_disconnect (remote);
      if (ret == 0)
        ret = git_reference_create (&created, repo, ref, &from_oid, 0, "sluice: create branch");
      if (ret != 0)
        error = _sluice_git_map_error (op, ret);
    }
  if (error == NULL && _sluice_git_is_cancelled (op))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
  if (error == NULL)
    error = _sluice_git_push_ref (op, remote, ref);

  git_reference_free (created);
  _sluice_git_close_scratch (op, scratch, repo, remote);

  return error;
}
