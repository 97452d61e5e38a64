/* sluice-git.c: a pipeline's CodeCommit repository through libgit2, on worker threads
 *
 * Every operation runs libgit2 in a GTask worker thread: the callbacks run there too, and so
 * libgit2's thread-local error is read there. Progress is copied under a lock and handed to
 * the caller's main context by at most one pending idle source, so a fast transfer costs the
 * main loop one callback per frame at most.
 *
 * Credentials: the pipeline's AWS keys come from sluice_pipeline_credentials_fetch_async() (the
 * keyring, or data.all when missing or near expiry) on the main thread before the worker
 * starts; the credential callback signs a fresh CodeCommit password from them on every call
 * and refuses a second call within one network operation (libgit2 1.5 would otherwise replay a
 * refused password 15 times). When CodeCommit refuses the keys, the keys are renewed through
 * data.all once and the operation is run once more; a second refusal is the user's error.
 * Nothing secret is ever written to a URL, a config file or a log. Proxies are git's: the
 * http.proxy setting, else https_proxy and no_proxy (GIT_PROXY_AUTO).
 *
 * libgit2 1.5 has no server timeout and calls nothing while a connection stalls: a cancelled
 * clone stops at the next bytes (or the connection's end). The other operations own their
 * remote and stop it at once with git_remote_stop().
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

#include "sluice-codecommit.h"
#include "sluice-environment.h"
#include "sluice-git-private.h"
#include "sluice-pipeline-credentials.h"

G_DEFINE_FINAL_TYPE (SluiceGitRemote, sluice_git_remote, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------------------------ */
/* The worker: one operation on a GTask thread                                                */
/* ------------------------------------------------------------------------------------------ */

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Op *op = task_data;
  GError *error = NULL;

  _sluice_git_ensure_libgit2 ();
  git_error_clear ();
  op->auth_refused = FALSE;
  g_clear_pointer (&op->rejected_ref, g_free);
  g_clear_pointer (&op->rejected_status, g_free);
  memset (&op->progress, 0, sizeof op->progress);
  _sluice_git_report (op);

  switch (op->kind)
    {
    case OP_CLONE:
      error = _sluice_git_do_clone (op);
      break;
    case OP_LIST_BRANCHES:
      error = _sluice_git_do_list_branches (op);
      break;
    case OP_CREATE_BRANCH:
      error = _sluice_git_do_create_branch (op);
      break;
    case OP_COMMIT_FILE:
      error = _sluice_git_do_commit_file (op);
      break;
    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* Orchestration on the main thread: keys, one attempt, one renewal, one retry                */
/* ------------------------------------------------------------------------------------------ */

static void get_credentials (GTask    *task,
                             gboolean  force);

static void
attempt_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  SluiceGitRemote *self = op->remote;
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_AUTH) &&
      self->account != NULL && !op->renewed)
    {
      g_debug ("CodeCommit refused the keys of pipeline %s: renewing them once", self->pipeline_uri);
      op->renewed = TRUE;
      self->n_renewals++;
      get_credentials (g_steal_pointer (&task), TRUE);
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
run_attempt (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autoptr(GTask) thread_task = g_task_new (NULL, op->cancellable, attempt_cb, task);

  g_clear_object (&op->credentials);
  if (op->remote->credentials != NULL)
    op->credentials = sluice_aws_credentials_copy (op->remote->credentials);

  g_task_set_source_tag (thread_task, run_attempt);
  g_task_set_task_data (thread_task, op, NULL);
  g_task_run_in_thread (thread_task, worker_thread);
}

static void
credentials_cb_main (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = sluice_pipeline_credentials_fetch_finish (result, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_set_object (&op->remote->credentials, credentials);

  run_attempt (g_steal_pointer (&task));
}

static void
get_credentials (GTask    *task,
                 gboolean  force)
{
  Op *op = g_task_get_task_data (task);
  SluiceGitRemote *self = op->remote;

  if (self->account == NULL || (!force && self->credentials != NULL &&
                                sluice_aws_credentials_get_seconds_left (self->credentials, NULL) >
                                  SLUICE_PIPELINE_CREDENTIALS_MIN_SECONDS_LEFT))
    {
      run_attempt (task);
      return;
    }

  sluice_pipeline_credentials_fetch_async (self->account, self->pipeline_uri, self->pipeline_label,
                                           self->aws_account_id, self->region, force,
                                           op->cancellable, credentials_cb_main, task);
}

static Op *
op_new (SluiceGitRemote *self,
        OpKind           kind,
        GCancellable    *cancellable)
{
  Op *op = g_new0 (Op, 1);

  g_mutex_init (&op->lock);
  op->kind = kind;
  op->remote = g_object_ref (self);
  op->url = g_strdup (self->url);
  op->region = g_strdup (self->region);
  op->repository = g_strdup (self->repository);
  op->pipeline_uri = g_strdup (self->pipeline_uri);
  if (self->account != NULL)
    op->dataall_account = g_strdup (sluice_account_get_id (self->account));
  if (!g_str_has_prefix (self->url, "https://git-codecommit"))
    {
      g_autoptr(GUri) uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL)
        op->endpoint_override = g_uri_get_port (uri) > 0
                                  ? g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), g_uri_get_port (uri))
                                  : g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
    }
  op->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  op->cancelled_id = g_cancellable_connect (op->cancellable, G_CALLBACK (_sluice_git_cancelled_cb), op, NULL);

  return op;
}

static GTask *
start (SluiceGitRemote     *self,
       Op                  *op,
       gpointer             source_tag,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, op->cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, _sluice_git_op_free);
  /* Cancelled means cancelled, even when the worker had just finished. */
  g_task_set_check_cancellable (task, TRUE);

  return task;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_git_remote_finalize (GObject *object)
{
  SluiceGitRemote *self = SLUICE_GIT_REMOTE (object);

  g_free (self->url);
  g_free (self->region);
  g_free (self->repository);
  g_clear_object (&self->account);
  g_free (self->pipeline_uri);
  g_free (self->pipeline_label);
  g_free (self->aws_account_id);
  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (sluice_git_remote_parent_class)->finalize (object);
}

static void
sluice_git_remote_class_init (SluiceGitRemoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_git_remote_finalize;
}

static void
sluice_git_remote_init (SluiceGitRemote *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static char *
endpoint_override_for (SluiceAccount *account)
{
  const char *specific = g_getenv ("AWS_ENDPOINT_URL_CODECOMMIT");
  const char *configured = account != NULL ? sluice_account_get_aws_endpoint (account) : NULL;

  /* The service's own variable, then the account's advanced field, then AWS_ENDPOINT_URL. */
  if (specific != NULL && *specific != '\0')
    return sluice_codecommit_get_endpoint_override ();
  if (configured != NULL && *configured != '\0')
    return g_strdup (configured);
  return sluice_codecommit_get_endpoint_override ();
}

/**
 * sluice_git_remote_new_for_pipeline:
 * @account: the data.all account that sees the pipeline, which renews its keys
 * @pipeline: the pipeline, with its `cloneUrlHttp` (`codecommit::<region>://<repo>`)
 *
 * The pipeline's CodeCommit repository over HTTPS at `git-codecommit.<region>.amazonaws.com`
 * (`.com.cn` in China), or at the endpoint override (`AWS_ENDPOINT_URL_CODECOMMIT`, the
 * account's AWS endpoint, `AWS_ENDPOINT_URL`). Its keys are the pipeline's, from the keyring
 * or data.all.
 *
 * Returns: (transfer full): the remote, or %NULL with @error set when the pipeline has no
 *   CodeCommit clone URL
 */
SluiceGitRemote *
sluice_git_remote_new_for_pipeline (SluiceAccount   *account,
                                    SluicePipeline  *pipeline,
                                    GError         **error)
{
  g_autoptr(SluiceCodeCommitUrl) parsed = NULL;
  g_autofree char *endpoint = NULL;
  SluiceEnvironment *environment;
  SluiceGitRemote *self;
  const char *clone_url;
  const char *region;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  clone_url = sluice_pipeline_get_clone_url (pipeline);
  if (clone_url == NULL || *clone_url == '\0')
    {
      g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_FOUND,
                   _("data.all gives no repository for the pipeline “%s” yet."),
                   sluice_pipeline_get_label (pipeline));
      return NULL;
    }
  parsed = sluice_codecommit_url_parse (clone_url, error);
  if (parsed == NULL)
    return NULL;

  environment = sluice_pipeline_get_environment (pipeline);
  region = parsed->region;
  if (region == NULL && environment != NULL)
    region = sluice_environment_get_region (environment);
  if (region == NULL)
    {
      g_set_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_FAILED,
                   _("Sluice cannot tell the AWS region of the pipeline’s repository."));
      return NULL;
    }

  endpoint = endpoint_override_for (account);
  self = g_object_new (SLUICE_TYPE_GIT_REMOTE, NULL);
  self->region = g_strdup (region);
  self->repository = g_strdup (parsed->repository);
  self->url = sluice_codecommit_clone_url (region, parsed->repository, endpoint, FALSE);
  self->account = g_object_ref (account);
  self->pipeline_uri = g_strdup (sluice_pipeline_get_uri (pipeline));
  self->pipeline_label = g_strdup (sluice_pipeline_get_label (pipeline));
  if (environment != NULL)
    self->aws_account_id = g_strdup (sluice_environment_get_aws_account_id (environment));

  return self;
}

/**
 * sluice_git_remote_new:
 * @url: the HTTP(S) URL of a CodeCommit repository (or of the endpoint override)
 * @region: the region to sign for
 * @credentials: (nullable): fixed keys, never renewed
 *
 * Returns: (transfer full): a remote whose keys are @credentials
 */
SluiceGitRemote *
sluice_git_remote_new (const char           *url,
                       const char           *region,
                       SluiceAwsCredentials *credentials)
{
  g_autoptr(GUri) uri = NULL;
  SluiceGitRemote *self;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (credentials == NULL || SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  self = g_object_new (SLUICE_TYPE_GIT_REMOTE, NULL);
  self->url = g_strdup (url);
  self->region = g_strdup (region);
  self->repository = uri != NULL ? sluice_codecommit_repository_from_path (g_uri_get_path (uri)) : NULL;
  if (credentials != NULL)
    self->credentials = sluice_aws_credentials_copy (credentials);

  return self;
}

const char *
sluice_git_remote_get_url (SluiceGitRemote *self)
{
  g_return_val_if_fail (SLUICE_IS_GIT_REMOTE (self), NULL);
  return self->url;
}

const char *
sluice_git_remote_get_region (SluiceGitRemote *self)
{
  g_return_val_if_fail (SLUICE_IS_GIT_REMOTE (self), NULL);
  return self->region;
}

const char *
sluice_git_remote_get_repository (SluiceGitRemote *self)
{
  g_return_val_if_fail (SLUICE_IS_GIT_REMOTE (self), NULL);
  return self->repository;
}

/**
 * sluice_git_remote_get_n_credential_requests:
 *
 * Returns: how often libgit2 asked for credentials, over all operations of @self
 */
guint
sluice_git_remote_get_n_credential_requests (SluiceGitRemote *self)
{
  g_return_val_if_fail (SLUICE_IS_GIT_REMOTE (self), 0);
  return (guint) g_atomic_int_get (&self->n_credential_requests);
}

/**
 * sluice_git_remote_get_n_renewals:
 *
 * Returns: how often @self renewed its keys through data.all after CodeCommit refused them
 */
guint
sluice_git_remote_get_n_renewals (SluiceGitRemote *self)
{
  g_return_val_if_fail (SLUICE_IS_GIT_REMOTE (self), 0);
  return self->n_renewals;
}

/**
 * sluice_git_remote_clone_async:
 * @directory: an absolute path: a folder to create, or an empty one
 * @branch: (nullable): the branch to check out; %NULL for the remote's default
 * @progress_func: (nullable): called on the caller's main context as the clone goes on
 *
 * Clones the repository. The destination is checked before anything goes over the network;
 * a cancelled or failed clone leaves no folder behind (an empty folder that was there stays,
 * empty). The clone's `origin` is the plain URL, and its config lets command-line git sign in
 * through git-credential-sluice.
 */
void
sluice_git_remote_clone_async (SluiceGitRemote       *self,
                               const char            *directory,
                               const char            *branch,
                               SluiceGitProgressFunc  progress_func,
                               gpointer               progress_data,
                               GDestroyNotify         progress_destroy,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Op *op;

  g_return_if_fail (SLUICE_IS_GIT_REMOTE (self));
  g_return_if_fail (directory != NULL);

  op = op_new (self, OP_CLONE, cancellable);
  op->directory = g_strdup (directory);
  op->branch = branch != NULL && *branch != '\0' ? g_strdup (branch) : NULL;
  op->reporter = _sluice_git_reporter_new (progress_func, progress_data, progress_destroy);
  task = start (self, op, sluice_git_remote_clone_async, callback, user_data);

  /* Before any network, data.all's included. */
  _sluice_git_ensure_libgit2 ();
  if (!sluice_git_check_destination (directory, self->url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  get_credentials (g_steal_pointer (&task), FALSE);
}

gboolean
sluice_git_remote_clone_finish (SluiceGitRemote  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_git_remote_clone_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sluice_git_remote_list_branches_async:
 *
 * Lists the remote's branches without a clone (`git ls-remote`).
 */
void
sluice_git_remote_list_branches_async (SluiceGitRemote     *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Op *op;

  g_return_if_fail (SLUICE_IS_GIT_REMOTE (self));

  op = op_new (self, OP_LIST_BRANCHES, cancellable);
  get_credentials (start (self, op, sluice_git_remote_list_branches_async, callback, user_data), FALSE);
}

/**
 * sluice_git_remote_list_branches_finish:
 * @default_branch: (out) (optional) (transfer full) (nullable): the branch HEAD names
 *
 * Returns: (transfer full): the branch names, sorted, or %NULL with @error set
 */
GStrv
sluice_git_remote_list_branches_finish (SluiceGitRemote  *self,
                                        GAsyncResult     *result,
                                        char            **default_branch,
                                        GError          **error)
{
  Op *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_git_remote_list_branches_async, NULL);

  if (default_branch != NULL)
    *default_branch = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  op = g_task_get_task_data (G_TASK (result));
  if (default_branch != NULL)
    *default_branch = g_steal_pointer (&op->default_branch);
  return g_steal_pointer (&op->branches);
}

/**
 * sluice_git_remote_create_branch_async:
 * @name: the new branch
 * @from: the branch it starts from, e.g. "main"
 *
 * Creates @name at @from's commit on the server, without a clone: @from is fetched into a
 * temporary bare repository, which is removed afterwards. Fails with
 * %SLUICE_GIT_ERROR_EXISTS if @name exists already.
 */
void
sluice_git_remote_create_branch_async (SluiceGitRemote     *self,
                                       const char          *name,
                                       const char          *from,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Op *op;

  g_return_if_fail (SLUICE_IS_GIT_REMOTE (self));
  g_return_if_fail (name != NULL && from != NULL);

  op = op_new (self, OP_CREATE_BRANCH, cancellable);
  op->branch = g_strdup (name);
  op->from = g_strdup (from);
  get_credentials (start (self, op, sluice_git_remote_create_branch_async, callback, user_data), FALSE);
}

gboolean
sluice_git_remote_create_branch_finish (SluiceGitRemote  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_git_remote_create_branch_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sluice_git_remote_commit_file_async:
 * @branch: the branch to commit on
 * @expected_parent: (nullable): the commit (hex) the caller's copy of the file came from; if
 *   the branch has moved on, nothing is pushed (%SLUICE_GIT_ERROR_PUSH_REJECTED)
 * @path: the file's path in the repository, e.g. "ddk.json"
 * @contents: its new contents
 * @message: the commit message
 * @author_name: the author (and committer)
 * @author_email: their e-mail address
 *
 * Commits one file on @branch and pushes it, without a clone. When the file is unchanged no
 * commit is made and the branch's commit is returned.
 */
void
sluice_git_remote_commit_file_async (SluiceGitRemote     *self,
                                     const char          *branch,
                                     const char          *expected_parent,
                                     const char          *path,
                                     GBytes              *contents,
                                     const char          *message,
                                     const char          *author_name,
                                     const char          *author_email,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Op *op;

  g_return_if_fail (SLUICE_IS_GIT_REMOTE (self));
  g_return_if_fail (branch != NULL && path != NULL && contents != NULL && message != NULL);
  g_return_if_fail (author_name != NULL && author_email != NULL);

  op = op_new (self, OP_COMMIT_FILE, cancellable);
  op->branch = g_strdup (branch);
  op->expected_parent = g_strdup (expected_parent);
  op->path = g_strdup (path);
  op->contents = g_bytes_ref (contents);
  op->message = g_strdup (message);
  op->author_name = g_strdup (author_name);
  op->author_email = g_strdup (author_email);
  get_credentials (start (self, op, sluice_git_remote_commit_file_async, callback, user_data), FALSE);
}

/**
 * sluice_git_remote_commit_file_finish:
 *
 * Returns: (transfer full): the id (hex) of the commit now at the tip of the branch, or %NULL
 *   with @error set
 */
char *
sluice_git_remote_commit_file_finish (SluiceGitRemote  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  Op *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_git_remote_commit_file_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  op = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&op->commit_id);
}

/**
 * sluice_git_remote_commit_clone_file_async:
 * @directory: a clone of the repository, on @branch
 * @branch: the branch to commit on, e.g. "main"
 * @path: the file's path in the repository, e.g. "ddk.json", as it is in @directory
 * @message: the commit message
 * @author_name: (nullable): the author; %NULL for the clone's git identity
 * @author_email: (nullable): their e-mail address
 * @progress_func: (nullable): called as the work goes on
 *
 * Commits the file as it is in the clone's working tree, with the clone's HEAD as the expected
 * parent (so a clone behind the server is refused with %SLUICE_GIT_ERROR_PUSH_REJECTED and
 * nothing is pushed), pushes it, and moves the clone's branch to the pushed commit.
 */
void
sluice_git_remote_commit_clone_file_async (SluiceGitRemote       *self,
                                           const char            *directory,
                                           const char            *branch,
                                           const char            *path,
                                           const char            *message,
                                           const char            *author_name,
                                           const char            *author_email,
                                           SluiceGitProgressFunc  progress_func,
                                           gpointer               progress_data,
                                           GDestroyNotify         progress_destroy,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data)
{
  Op *op;

  g_return_if_fail (SLUICE_IS_GIT_REMOTE (self));
  g_return_if_fail (directory != NULL && branch != NULL && path != NULL && message != NULL);

  op = op_new (self, OP_COMMIT_FILE, cancellable);
  op->directory = g_strdup (directory);
  op->branch = g_strdup (branch);
  op->path = g_strdup (path);
  op->message = g_strdup (message);
  op->reporter = _sluice_git_reporter_new (progress_func, progress_data, progress_destroy);
  op->author_name = g_strdup (author_name);
  op->author_email = g_strdup (author_email);
  get_credentials (start (self, op, sluice_git_remote_commit_clone_file_async, callback, user_data), FALSE);
}

/**
 * sluice_git_remote_commit_clone_file_finish:
 *
 * Returns: (transfer full): the id (hex) of the commit now at the tip of the branch, in the
 *   clone and on the server, or %NULL with @error set
 */
char *
sluice_git_remote_commit_clone_file_finish (SluiceGitRemote  *self,
                                            GAsyncResult     *result,
                                            GError          **error)
{
  Op *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_git_remote_commit_clone_file_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  op = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&op->commit_id);
}
