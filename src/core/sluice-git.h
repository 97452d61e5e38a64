/* sluice-git.h: a pipeline's CodeCommit repository through libgit2, on worker threads
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-account.h"
#include "sluice-aws-credentials.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_GIT_ERROR (sluice_git_error_quark ())

typedef enum
{
  SLUICE_GIT_ERROR_FAILED,
  SLUICE_GIT_ERROR_AUTH,            /* wrong or expired keys, after one renewal and one retry */
  SLUICE_GIT_ERROR_UNREACHABLE,     /* no connection to the host */
  SLUICE_GIT_ERROR_NOT_EMPTY,       /* the destination exists and is not an empty folder */
  SLUICE_GIT_ERROR_ALREADY_CLONED,  /* ... and it is a clone of this very repository */
  SLUICE_GIT_ERROR_DISK_FULL,
  SLUICE_GIT_ERROR_PUSH_REJECTED,   /* the server refused a ref (or it moved meanwhile) */
  SLUICE_GIT_ERROR_NOT_FOUND,       /* no such repository or branch */
  SLUICE_GIT_ERROR_EXISTS,          /* the branch exists already */
} SluiceGitError;

typedef enum
{
  SLUICE_GIT_PHASE_CONNECTING,
  SLUICE_GIT_PHASE_PREPARING,       /* the server counts and compresses objects */
  SLUICE_GIT_PHASE_RECEIVING,
  SLUICE_GIT_PHASE_RESOLVING,
  SLUICE_GIT_PHASE_CHECKING_OUT,
  SLUICE_GIT_PHASE_PUSHING,
  SLUICE_GIT_PHASE_DONE,
} SluiceGitPhase;

/**
 * SluiceGitProgress:
 * @phase: what happens now
 * @received_objects: objects received so far, of @total_objects
 * @received_bytes: bytes received (or sent, while pushing)
 * @indexed_deltas: deltas resolved so far, of @total_deltas
 * @completed_files: files checked out so far, of @total_files
 * @fraction: the whole operation's progress from 0 to 1, each phase weighted as GitHub
 *   Desktop weighs it (preparing 0.1, receiving 0.6, resolving 0.1, checking out 0.2)
 */
typedef struct
{
  SluiceGitPhase phase;
  guint          received_objects;
  guint          total_objects;
  guint64        received_bytes;
  guint          indexed_deltas;
  guint          total_deltas;
  guint          completed_files;
  guint          total_files;
  double         fraction;
} SluiceGitProgress;

/* Called on the thread-default main context of the caller, never on the worker. */
typedef void (*SluiceGitProgressFunc) (const SluiceGitProgress *progress,
                                       gpointer                 user_data);

#define SLUICE_TYPE_GIT_REMOTE (sluice_git_remote_get_type ())

G_DECLARE_FINAL_TYPE (SluiceGitRemote, sluice_git_remote, SLUICE, GIT_REMOTE, GObject)

GQuark           sluice_git_error_quark               (void);
const char      *sluice_git_error_get_detail          (const GError *error);

SluiceGitRemote *sluice_git_remote_new_for_pipeline   (SluiceAccount        *account,
                                                       SluicePipeline       *pipeline,
                                                       GError              **error);
SluiceGitRemote *sluice_git_remote_new                (const char           *url,
                                                       const char           *region,
                                                       SluiceAwsCredentials *credentials);

const char      *sluice_git_remote_get_url            (SluiceGitRemote      *self);
const char      *sluice_git_remote_get_region         (SluiceGitRemote      *self);
const char      *sluice_git_remote_get_repository     (SluiceGitRemote      *self);
guint            sluice_git_remote_get_n_credential_requests (SluiceGitRemote *self);
guint            sluice_git_remote_get_n_renewals     (SluiceGitRemote      *self);

GStrv            sluice_git_missing_stage_branches    (SluicePipeline       *pipeline,
                                                       const char * const   *remote_branches);
gboolean         sluice_git_check_destination         (const char           *directory,
                                                       const char           *url,
                                                       GError              **error);
gboolean         sluice_git_exclude_path              (const char           *path,
                                                       GError              **error);
char            *sluice_git_get_credential_helper     (void);
char            *sluice_git_credential_helper_line    (const char           *flatpak_info,
                                                       const char           *region,
                                                       const char           *endpoint,
                                                       const char           *pipeline_uri,
                                                       const char           *dataall_account);

void             sluice_git_remote_clone_async        (SluiceGitRemote      *self,
                                                       const char           *directory,
                                                       const char           *branch,
                                                       SluiceGitProgressFunc progress_func,
                                                       gpointer              progress_data,
                                                       GDestroyNotify        progress_destroy,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean         sluice_git_remote_clone_finish       (SluiceGitRemote      *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void             sluice_git_remote_list_branches_async  (SluiceGitRemote    *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
GStrv            sluice_git_remote_list_branches_finish (SluiceGitRemote    *self,
                                                         GAsyncResult       *result,
                                                         char              **default_branch,
                                                         GError            **error);

void             sluice_git_remote_create_branch_async  (SluiceGitRemote    *self,
                                                         const char         *name,
                                                         const char         *from,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean         sluice_git_remote_create_branch_finish (SluiceGitRemote    *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);

void             sluice_git_remote_commit_file_async  (SluiceGitRemote      *self,
                                                       const char           *branch,
                                                       const char           *expected_parent,
                                                       const char           *path,
                                                       GBytes               *contents,
                                                       const char           *message,
                                                       const char           *author_name,
                                                       const char           *author_email,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
char            *sluice_git_remote_commit_file_finish (SluiceGitRemote      *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void             sluice_git_remote_commit_clone_file_async  (SluiceGitRemote      *self,
                                                             const char           *directory,
                                                             const char           *branch,
                                                             const char           *path,
                                                             const char           *message,
                                                             const char           *author_name,
                                                             const char           *author_email,
                                                             SluiceGitProgressFunc progress_func,
                                                             gpointer              progress_data,
                                                             GDestroyNotify        progress_destroy,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
char            *sluice_git_remote_commit_clone_file_finish (SluiceGitRemote      *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
