/* sluice-git-private.h: what the files of SluiceGitRemote share
 *
 * sluice-git.c holds the object, its public calls and the orchestration on the main thread
 * (keys, one attempt, one renewal, one retry); the operations' work on the worker thread is in
 * sluice-git-clone.c, sluice-git-branches.c and sluice-git-commit.c, over what
 * sluice-git-transport.c gives them all (errors, progress, the operation's state, libgit2's
 * callbacks). Not for use outside these files.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <git2.h>

#include "sluice-git.h"

G_BEGIN_DECLS

struct _SluiceGitRemote
{
  GObject               parent_instance;

  char                 *url;
  char                 *region;
  char                 *repository;

  /* Where renewed keys come from; %NULL for fixed keys. */
  SluiceAccount        *account;
  char                 *pipeline_uri;
  char                 *pipeline_label;
  char                 *aws_account_id;

  SluiceAwsCredentials *credentials;   /* main thread only */
  guint                 n_renewals;
  int                   n_credential_requests;  /* atomic */
};

/* Progress, from the worker to the caller's main context. */
typedef struct
{
  GMutex                lock;
  GMainContext         *context;
  SluiceGitProgress     latest;
  gboolean              pending;
  gboolean              closed;
  SluiceGitProgressFunc func;
  gpointer              data;
  GDestroyNotify        destroy;
} Reporter;

/* One operation. */
typedef enum
{
  OP_CLONE,
  OP_LIST_BRANCHES,
  OP_CREATE_BRANCH,
  OP_COMMIT_FILE,
} OpKind;

typedef struct
{
  OpKind                kind;
  SluiceGitRemote      *remote;
  char                 *url;
  char                 *region;
  char                 *repository;
  char                 *endpoint_override;
  char                 *pipeline_uri;
  char                 *dataall_account;
  SluiceAwsCredentials *credentials;   /* the worker's own copy */
  Reporter             *reporter;
  GCancellable         *cancellable;
  gulong                cancelled_id;

  /* Parameters. */
  char                 *directory;
  char                 *branch;
  char                 *from;
  char                 *expected_parent;
  char                 *path;
  GBytes               *contents;
  char                 *message;
  char                 *author_name;
  char                 *author_email;

  /* Worker state. */
  GMutex                lock;
  git_remote           *live_remote;   /* for git_remote_stop(), under lock */
  guint                 calls_this_connection;
  gboolean              auth_refused;
  gboolean              renewed;        /* the keys were renewed once for this operation */
  char                 *rejected_ref;
  char                 *rejected_status;
  SluiceGitProgress     progress;

  /* Results. */
  GStrv                 branches;
  char                 *default_branch;
  char                 *commit_id;
} Op;

/* sluice-git-transport.c */
GError *_sluice_git_error_new (SluiceGitError  code,
                               const char     *detail,
                               const char     *format,
                               ...) G_GNUC_PRINTF (3, 4);
Reporter *_sluice_git_reporter_new (SluiceGitProgressFunc func,
                                    gpointer              data,
                                    GDestroyNotify        destroy);
void _sluice_git_op_free (gpointer data);
void _sluice_git_report (Op *op);
void _sluice_git_cancelled_cb (GCancellable *cancellable,
                               gpointer      user_data);
void _sluice_git_set_live_remote (Op         *op,
                                  git_remote *remote);
gboolean _sluice_git_is_cancelled (Op *op);
void _sluice_git_checkout_progress_cb (const char *path,
                                       size_t      completed_steps,
                                       size_t      total_steps,
                                       void       *payload);
int _sluice_git_checkout_notify_cb (git_checkout_notify_t  why,
                                    const char            *path,
                                    const git_diff_file   *baseline,
                                    const git_diff_file   *target,
                                    const git_diff_file   *workdir,
                                    void                  *payload);
void _sluice_git_init_callbacks (Op                  *op,
                                 git_remote_callbacks *callbacks);
GError *_sluice_git_map_error (Op  *op,
                               int  code);
void _sluice_git_ensure_libgit2 (void);
int _sluice_git_configure_credential_helper (git_repository *repo,
                                             Op             *op);

/* sluice-git-clone.c */
void _sluice_git_remove_tree (const char *path,
                              gboolean    keep_root);
GError *_sluice_git_do_clone (Op *op);

/* sluice-git-branches.c */
GError *_sluice_git_open_scratch (Op              *op,
                                  char           **scratch_dir,
                                  git_repository **repo,
                                  git_remote     **remote);
void _sluice_git_close_scratch (Op             *op,
                                char           *scratch_dir,
                                git_repository *repo,
                                git_remote     *remote);
int _sluice_git_connect_remote (Op               *op,
                                git_remote       *remote,
                                git_direction     direction);
gboolean _sluice_git_find_head (git_remote *remote,
                                const char *branch,
                                git_oid    *oid);
GError *_sluice_git_do_list_branches (Op *op);
int _sluice_git_download_branch (Op         *op,
                                 git_remote *remote,
                                 const char *branch);
GError *_sluice_git_push_ref (Op         *op,
                              git_remote *remote,
                              const char *ref);
GError *_sluice_git_do_create_branch (Op *op);

/* sluice-git-commit.c */
GError *_sluice_git_do_commit_file (Op *op);

G_END_DECLS
