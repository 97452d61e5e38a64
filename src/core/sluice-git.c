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

#include <errno.h>
#include <string.h>

#include <git2.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sluice-codecommit.h"
#include "sluice-environment.h"
#include "sluice-git.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-stage.h"

/* GitHub Desktop's weights (app/src/lib/progress/clone.ts). */
#define WEIGHT_PREPARING    0.1
#define WEIGHT_RECEIVING    0.6
#define WEIGHT_RESOLVING    0.1
#define WEIGHT_CHECKING_OUT 0.2

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

G_DEFINE_FINAL_TYPE (SluiceGitRemote, sluice_git_remote, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/* libgit2's own words (or the server's, for a refused ref), for a "Details" expander. */
typedef struct
{
  char *detail;
} SluiceGitErrorPrivate;

static void
sluice_git_error_private_init (SluiceGitErrorPrivate *priv)
{
  priv->detail = NULL;
}

static void
sluice_git_error_private_copy (const SluiceGitErrorPrivate *src,
                               SluiceGitErrorPrivate       *dest)
{
  dest->detail = g_strdup (src->detail);
}

static void
sluice_git_error_private_clear (SluiceGitErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
}

G_DEFINE_EXTENDED_ERROR (SluiceGitError, sluice_git_error)

/**
 * sluice_git_error_get_detail:
 *
 * Returns: (nullable): what libgit2 or the server said, %NULL if @error is not a
 *   %SLUICE_GIT_ERROR or has nothing to add
 */
const char *
sluice_git_error_get_detail (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != SLUICE_GIT_ERROR)
    return NULL;
  return sluice_git_error_get_private (error)->detail;
}

static GError *
git_error_new (SluiceGitError  code,
               const char     *detail,
               const char     *format,
               ...) G_GNUC_PRINTF (3, 4);

static GError *
git_error_new (SluiceGitError  code,
               const char     *detail,
               const char     *format,
               ...)
{
  GError *error;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (SLUICE_GIT_ERROR, code, format, args);
  va_end (args);
  if (detail != NULL && *detail != '\0')
    sluice_git_error_get_private (error)->detail = g_strdup (detail);

  return error;
}

/* ------------------------------------------------------------------------------------------ */
/* Progress, from the worker to the caller's main context                                     */
/* ------------------------------------------------------------------------------------------ */

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

static void
reporter_free (gpointer data)
{
  Reporter *reporter = data;

  g_mutex_clear (&reporter->lock);
  g_main_context_unref (reporter->context);
}

static Reporter *
reporter_new (SluiceGitProgressFunc func,
              gpointer              data,
              GDestroyNotify        destroy)
{
  Reporter *reporter = g_atomic_rc_box_new0 (Reporter);

  g_mutex_init (&reporter->lock);
  reporter->context = g_main_context_ref_thread_default ();
  reporter->func = func;
  reporter->data = data;
  reporter->destroy = destroy;

  return reporter;
}

static void
reporter_unref (Reporter *reporter)
{
  g_atomic_rc_box_release_full (reporter, reporter_free);
}

static gboolean
reporter_dispatch_cb (gpointer user_data)
{
  Reporter *reporter = user_data;
  SluiceGitProgress progress;
  gboolean closed;

  g_mutex_lock (&reporter->lock);
  reporter->pending = FALSE;
  progress = reporter->latest;
  closed = reporter->closed;
  g_mutex_unlock (&reporter->lock);

  if (!closed && reporter->func != NULL)
    reporter->func (&progress, reporter->data);

  return G_SOURCE_REMOVE;
}

/* Worker thread. */
static void
reporter_update (Reporter                *reporter,
                 const SluiceGitProgress *progress)
{
  gboolean schedule = FALSE;

  if (reporter == NULL)
    return;

  g_mutex_lock (&reporter->lock);
  reporter->latest = *progress;
  if (!reporter->pending && !reporter->closed && reporter->func != NULL)
    reporter->pending = schedule = TRUE;
  g_mutex_unlock (&reporter->lock);

  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (source, reporter_dispatch_cb, g_atomic_rc_box_acquire (reporter),
                             (GDestroyNotify) reporter_unref);
      g_source_set_static_name (source, "[sluice] git progress");
      g_source_attach (source, reporter->context);
    }
}

/* Main thread: no more reports once the operation has returned. */
static void
reporter_close (Reporter *reporter)
{
  GDestroyNotify destroy;

  g_mutex_lock (&reporter->lock);
  reporter->closed = TRUE;
  reporter->func = NULL;
  destroy = g_steal_pointer (&reporter->destroy);
  g_mutex_unlock (&reporter->lock);

  if (destroy != NULL)
    destroy (reporter->data);
}

static double
weighted_fraction (const SluiceGitProgress *p)
{
  switch (p->phase)
    {
    case SLUICE_GIT_PHASE_CONNECTING:
      return 0.0;
    case SLUICE_GIT_PHASE_PREPARING:
      return WEIGHT_PREPARING / 2;
    case SLUICE_GIT_PHASE_RECEIVING:
      return WEIGHT_PREPARING +
             WEIGHT_RECEIVING * (p->total_objects > 0 ? (double) p->received_objects / p->total_objects : 0);
    case SLUICE_GIT_PHASE_RESOLVING:
      return WEIGHT_PREPARING + WEIGHT_RECEIVING +
             WEIGHT_RESOLVING * (p->total_deltas > 0 ? (double) p->indexed_deltas / p->total_deltas : 1);
    case SLUICE_GIT_PHASE_CHECKING_OUT:
      return WEIGHT_PREPARING + WEIGHT_RECEIVING + WEIGHT_RESOLVING +
             WEIGHT_CHECKING_OUT * (p->total_files > 0 ? (double) p->completed_files / p->total_files : 0);
    case SLUICE_GIT_PHASE_PUSHING:
      return p->total_objects > 0 ? (double) p->received_objects / p->total_objects : 0;
    case SLUICE_GIT_PHASE_DONE:
    default:
      return 1.0;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* One operation                                                                              */
/* ------------------------------------------------------------------------------------------ */

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

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_signal_handler (&op->cancelled_id, op->cancellable);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->remote);
  g_free (op->url);
  g_free (op->region);
  g_free (op->repository);
  g_free (op->endpoint_override);
  g_free (op->pipeline_uri);
  g_free (op->dataall_account);
  g_clear_object (&op->credentials);
  if (op->reporter != NULL)
    {
      reporter_close (op->reporter);
      reporter_unref (op->reporter);
    }
  g_free (op->directory);
  g_free (op->branch);
  g_free (op->from);
  g_free (op->expected_parent);
  g_free (op->path);
  g_clear_pointer (&op->contents, g_bytes_unref);
  g_free (op->message);
  g_free (op->author_name);
  g_free (op->author_email);
  g_mutex_clear (&op->lock);
  g_free (op->rejected_ref);
  g_free (op->rejected_status);
  g_strfreev (op->branches);
  g_free (op->default_branch);
  g_free (op->commit_id);
  g_free (op);
}

static void
report (Op *op)
{
  op->progress.fraction = weighted_fraction (&op->progress);
  reporter_update (op->reporter, &op->progress);
}

/* A stalled connection calls no callback: git_remote_stop() is libgit2's way to interrupt it,
 * from any thread. Only remotes the worker owns are registered (git_clone frees its own remote
 * at a moment we cannot see). */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  Op *op = user_data;

  g_mutex_lock (&op->lock);
  if (op->live_remote != NULL)
    git_remote_stop (op->live_remote);
  g_mutex_unlock (&op->lock);
}

static void
set_live_remote (Op         *op,
                 git_remote *remote)
{
  g_mutex_lock (&op->lock);
  op->live_remote = remote;
  g_mutex_unlock (&op->lock);
}

static gboolean
is_cancelled (Op *op)
{
  return g_cancellable_is_cancelled (op->cancellable);
}

/* ------------------------------------------------------------------------------------------ */
/* libgit2 callbacks (worker thread)                                                          */
/* ------------------------------------------------------------------------------------------ */

static int
credentials_cb (git_credential **out,
                const char      *url,
                const char      *username_from_url,
                unsigned int     allowed_types,
                void            *payload)
{
  Op *op = payload;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  g_autofree char *host = NULL;
  int ret;

  g_atomic_int_inc (&op->remote->n_credential_requests);

  /* A second request on one connection means the password we gave was refused. */
  if (op->calls_this_connection++ > 0)
    {
      op->auth_refused = TRUE;
      git_error_set_str (GIT_ERROR_HTTP, "CodeCommit refused the signed password");
      return GIT_EAUTH;
    }
  if ((allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0)
    {
      git_error_set_str (GIT_ERROR_HTTP, "the server asks for a kind of credential other than a password");
      return GIT_EAUTH;
    }
  if (op->credentials == NULL)
    {
      op->auth_refused = TRUE;
      git_error_set_str (GIT_ERROR_HTTP, "no AWS credentials");
      return GIT_EAUTH;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      git_error_set_str (GIT_ERROR_HTTP, "cannot read the repository URL");
      return GIT_EAUTH;
    }
  host = g_strdup (g_uri_get_host (uri));
  /* The path is the repository's: a fresh signature, since its timestamp is part of it. */
  if (!sluice_codecommit_git_credentials (op->credentials, host, g_uri_get_path (uri), op->region, NULL,
                                          &username, &password, &error))
    {
      git_error_set_str (GIT_ERROR_HTTP, error->message);
      return GIT_EAUTH;
    }

  ret = git_credential_userpass_plaintext_new (out, username, password);
  memset (password, 0, strlen (password));

  return ret;
}

static int
sideband_cb (const char *str,
             int         len,
             void       *payload)
{
  Op *op = payload;

  if (is_cancelled (op))
    return -1;
  if (op->progress.phase == SLUICE_GIT_PHASE_CONNECTING)
    {
      op->progress.phase = SLUICE_GIT_PHASE_PREPARING;
      report (op);
    }
  return 0;
}

static int
transfer_cb (const git_indexer_progress *stats,
             void                       *payload)
{
  Op *op = payload;

  if (is_cancelled (op))
    return -1;

  op->progress.received_objects = stats->received_objects;
  op->progress.total_objects = stats->total_objects;
  op->progress.received_bytes = stats->received_bytes;
  op->progress.indexed_deltas = stats->indexed_deltas;
  op->progress.total_deltas = stats->total_deltas;
  if (stats->total_objects > 0 && stats->received_objects == stats->total_objects && stats->total_deltas > 0)
    op->progress.phase = SLUICE_GIT_PHASE_RESOLVING;
  else
    op->progress.phase = SLUICE_GIT_PHASE_RECEIVING;
  report (op);

  return 0;
}

static void
checkout_progress_cb (const char *path,
                      size_t      completed_steps,
                      size_t      total_steps,
                      void       *payload)
{
  Op *op = payload;

  op->progress.phase = SLUICE_GIT_PHASE_CHECKING_OUT;
  op->progress.completed_files = completed_steps;
  op->progress.total_files = total_steps;
  report (op);
}

/* The checkout progress callback cannot stop a checkout; a notification can. */
static int
checkout_notify_cb (git_checkout_notify_t  why,
                    const char            *path,
                    const git_diff_file   *baseline,
                    const git_diff_file   *target,
                    const git_diff_file   *workdir,
                    void                  *payload)
{
  Op *op = payload;

  return is_cancelled (op) ? -1 : 0;
}

static int
push_transfer_cb (unsigned int current,
                  unsigned int total,
                  size_t       bytes,
                  void        *payload)
{
  Op *op = payload;

  if (is_cancelled (op))
    return -1;
  op->progress.phase = SLUICE_GIT_PHASE_PUSHING;
  op->progress.received_objects = current;
  op->progress.total_objects = total;
  op->progress.received_bytes = bytes;
  report (op);
  return 0;
}

/* git_remote_push() returns 0 when the server refuses a ref: this is the only place to see it. */
static int
push_update_reference_cb (const char *refname,
                          const char *status,
                          void       *payload)
{
  Op *op = payload;

  if (status != NULL && op->rejected_ref == NULL)
    {
      op->rejected_ref = g_strdup (refname);
      op->rejected_status = g_strdup (status);
    }
  return 0;
}

static void
init_callbacks (Op                  *op,
                git_remote_callbacks *callbacks)
{
  git_remote_init_callbacks (callbacks, GIT_REMOTE_CALLBACKS_VERSION);
  callbacks->credentials = credentials_cb;
  callbacks->sideband_progress = sideband_cb;
  callbacks->transfer_progress = transfer_cb;
  callbacks->push_transfer_progress = push_transfer_cb;
  callbacks->push_update_reference = push_update_reference_cb;
  callbacks->payload = op;
}

/* ------------------------------------------------------------------------------------------ */
/* Error mapping (worker thread: git_error_last() is thread-local)                            */
/* ------------------------------------------------------------------------------------------ */

static gboolean
mentions (const char *message,
          const char *word)
{
  return message != NULL && strstr (message, word) != NULL;
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}

static GError *
map_git_error (Op  *op,
               int  code)
{
  const git_error *last = git_error_last ();
  const char *detail = last != NULL ? last->message : NULL;
  int klass = last != NULL ? last->klass : GIT_ERROR_NONE;
  g_autofree char *host = host_of (op->url);
  int saved_errno = errno;

  if (is_cancelled (op) && (code == GIT_EUSER || code == GIT_ERROR || klass == GIT_ERROR_NET))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));

  /* CodeCommit answers 403 to a bad signature, 401 to none; libgit2 says "unexpected http
   * status code: 403" or, after its replays, "too many redirects or authentication replays". */
  if (op->auth_refused || code == GIT_EAUTH ||
      (klass == GIT_ERROR_HTTP && (mentions (detail, "403") || mentions (detail, "401") ||
                                   mentions (detail, "authentication replays"))))
    {
      if (op->renewed)
        return git_error_new (SLUICE_GIT_ERROR_AUTH, detail,
                              _("CodeCommit refused the pipeline’s AWS credentials, even after Sluice renewed them through data.all. Your team may no longer have access to this pipeline, or your computer’s clock may be wrong."));
      return git_error_new (SLUICE_GIT_ERROR_AUTH, detail,
                            _("CodeCommit refused the AWS credentials. They may be wrong or have expired."));
    }

  if (code == GIT_ENONFASTFORWARD)
    return git_error_new (SLUICE_GIT_ERROR_PUSH_REJECTED, detail,
                          _("The branch changed on the server in the meantime. Nothing was pushed: reload and try again."));

  if (saved_errno == ENOSPC || mentions (detail, g_strerror (ENOSPC)) || mentions (detail, "No space left"))
    return git_error_new (SLUICE_GIT_ERROR_DISK_FULL, detail,
                          _("The disk is full. Free some space and try again."));

  if (klass == GIT_ERROR_NET || klass == GIT_ERROR_SSL ||
      mentions (detail, "failed to connect") || mentions (detail, "failed to resolve") ||
      mentions (detail, "Connection refused"))
    return git_error_new (SLUICE_GIT_ERROR_UNREACHABLE, detail,
                          _("Sluice cannot reach %s. Check your network connection, VPN or proxy and try again."), host);

  if (code == GIT_EEXISTS)
    return git_error_new (SLUICE_GIT_ERROR_NOT_EMPTY, detail,
                          _("“%s” already exists and is not an empty folder. Git can only clone into an empty folder."),
                          op->directory != NULL ? op->directory : "");

  if (code == GIT_ENOTFOUND || (klass == GIT_ERROR_HTTP && mentions (detail, "404")))
    return git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, detail,
                          _("CodeCommit has no repository “%s”, or no such branch. The pipeline may have been deleted."),
                          op->repository != NULL ? op->repository : "");

  return git_error_new (SLUICE_GIT_ERROR_FAILED, detail,
                        _("Git failed to work with the repository “%s”."),
                        op->repository != NULL ? op->repository : "");
}

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

static void
remove_tree (const char *path,
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

static void
ensure_libgit2 (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Kept for the life of the process: libgit2's refcount is never dropped to 0. */
      git_libgit2_init ();
      git_libgit2_opts (GIT_OPT_SET_USER_AGENT, "Sluice/" PACKAGE_VERSION);
      g_once_init_leave (&initialized, 1);
    }
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

  ensure_libgit2 ();
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

/**
 * sluice_git_get_credential_helper:
 *
 * Returns: (transfer full): the path of git-credential-sluice: `$SLUICE_GIT_CREDENTIAL_HELPER`,
 *   else the one beside this executable (a build tree), else the installed one, else the bare
 *   name `git-credential-sluice`, which git then looks up on `PATH`
 */
char *
sluice_git_get_credential_helper (void)
{
  const char *env = g_getenv ("SLUICE_GIT_CREDENTIAL_HELPER");
  g_autofree char *self_path = NULL;
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);
      g_autofree char *beside = g_build_filename (dir, "git-credential-sluice", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  installed = g_build_filename (BINDIR, "git-credential-sluice", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);

  return g_strdup ("git-credential-sluice");
}

/* The app id when this process runs inside Flatpak: the [Application] name of FLATPAK_INFO
 * (/.flatpak-info there), else NULL. */
static char *
flatpak_app_id (const char *flatpak_info)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *name = NULL;

  if (flatpak_info == NULL || !g_key_file_load_from_file (info, flatpak_info, G_KEY_FILE_NONE, NULL))
    return NULL;
  name = g_key_file_get_string (info, "Application", "name", NULL);
  if (name == NULL || !g_application_id_is_valid (name))
    return NULL;

  return g_steal_pointer (&name);
}

/**
 * sluice_git_credential_helper_line:
 * @flatpak_info: (nullable): the Flatpak instance file to look at (`/.flatpak-info`), or %NULL
 * @region: (nullable): the repository's region
 * @endpoint: (nullable): the CodeCommit endpoint override
 * @pipeline_uri: (nullable): which pipeline's keys
 * @dataall_account: (nullable): the data.all account that fetched them
 *
 * The `credential.<host>.helper` value a clone's config gets: "!" and a shell command line
 * (so a path with spaces works), which git completes with `get`, `store` or `erase`. Inside
 * Flatpak (@flatpak_info names an application) the helper is asked through
 * `flatpak run --command=git-credential-sluice APP-ID`, since the `/app/bin` path means
 * nothing to git in a terminal on the host; elsewhere it is sluice_git_get_credential_helper().
 * `$SLUICE_GIT_CREDENTIAL_HELPER` wins over both.
 *
 * Returns: (transfer full): the helper line; it names identifiers only, no secret
 */
char *
sluice_git_credential_helper_line (const char *flatpak_info,
                                   const char *region,
                                   const char *endpoint,
                                   const char *pipeline_uri,
                                   const char *dataall_account)
{
  const char *env = g_getenv ("SLUICE_GIT_CREDENTIAL_HELPER");
  g_autofree char *app_id = NULL;
  GString *command = g_string_new ("!");

  if ((env == NULL || *env == '\0') && (app_id = flatpak_app_id (flatpak_info)) != NULL)
    {
      g_autofree char *quoted = g_shell_quote (app_id);

      g_string_append_printf (command, "flatpak run --command=git-credential-sluice %s", quoted);
    }
  else
    {
      g_autofree char *helper = sluice_git_get_credential_helper ();
      g_autofree char *quoted = g_shell_quote (helper);

      g_string_append (command, quoted);
    }

  if (region != NULL)
    {
      g_autofree char *quoted = g_shell_quote (region);

      g_string_append_printf (command, " --region %s", quoted);
    }
  if (endpoint != NULL)
    {
      g_autofree char *quoted = g_shell_quote (endpoint);

      g_string_append_printf (command, " --endpoint %s", quoted);
    }
  /* Which keys: the pipeline's, as this data.all account fetched them (identifiers, no secret). */
  if (pipeline_uri != NULL)
    {
      g_autofree char *quoted = g_shell_quote (pipeline_uri);

      g_string_append_printf (command, " --pipeline %s", quoted);
      if (dataall_account != NULL)
        {
          g_autofree char *account = g_shell_quote (dataall_account);

          g_string_append_printf (command, " --dataall-account %s", account);
        }
    }

  return g_string_free (command, FALSE);
}

/* Command-line git in the clone asks git-credential-sluice, for this host only, with the
 * repository path (the password signs it). No other helper of the user's (a store, a
 * keychain) is asked for or told this host's short-lived passwords: the empty value first
 * empties the list. */
static int
configure_credential_helper (git_repository *repo,
                             Op             *op)
{
  g_autoptr(GUri) uri = g_uri_parse (op->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *base = NULL;
  g_autofree char *helper_key = NULL;
  g_autofree char *path_key = NULL;
  g_autofree char *command = NULL;
  git_config *config = NULL;
  int ret;

  if (uri == NULL)
    return 0;
  base = g_uri_get_port (uri) > 0
           ? g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), g_uri_get_port (uri))
           : g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
  helper_key = g_strdup_printf ("credential.%s.helper", base);
  path_key = g_strdup_printf ("credential.%s.useHttpPath", base);
  command = sluice_git_credential_helper_line ("/.flatpak-info", op->region, op->endpoint_override,
                                               op->pipeline_uri, op->dataall_account);

  ret = git_repository_config (&config, repo);
  if (ret == 0)
    ret = git_config_set_string (config, helper_key, "");
  if (ret == 0)
    ret = git_config_set_multivar (config, helper_key, "^git-credential-sluice-never-matches$", command);
  if (ret == 0)
    ret = git_config_set_bool (config, path_key, TRUE);
  git_config_free (config);

  return ret;
}

/* ------------------------------------------------------------------------------------------ */
/* Workers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static GError *
do_clone (Op *op)
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
  init_callbacks (op, &options.fetch_opts.callbacks);
  options.fetch_opts.proxy_opts.type = GIT_PROXY_AUTO;
  options.checkout_branch = op->branch;
  options.checkout_opts.progress_cb = checkout_progress_cb;
  options.checkout_opts.progress_payload = op;
  options.checkout_opts.notify_cb = checkout_notify_cb;
  options.checkout_opts.notify_payload = op;
  options.checkout_opts.notify_flags = GIT_CHECKOUT_NOTIFY_ALL;

  op->calls_this_connection = 0;
  ret = git_clone (&repo, op->url, op->directory, &options);
  if (ret == 0 && !is_cancelled (op))
    ret = configure_credential_helper (repo, op);
  if (ret != 0 || is_cancelled (op))
    {
      GError *mapped = ret != 0 ? map_git_error (op, ret)
                                : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));

      git_repository_free (repo);
      /* git_clone cleans up after its own failures; after a late cancel or a failed
       * configuration this does the same: the folder if it made it, else its contents. */
      if (ret != GIT_EEXISTS && g_file_test (op->directory, G_FILE_TEST_EXISTS))
        remove_tree (op->directory, existed);
      return mapped;
    }

  git_repository_free (repo);
  op->progress.phase = SLUICE_GIT_PHASE_DONE;
  report (op);

  return NULL;
}

/* A temporary bare repository with the remote "origin", for work without a clone. */
static GError *
open_scratch (Op              *op,
              char           **scratch_dir,
              git_repository **repo,
              git_remote     **remote)
{
  g_autoptr(GError) error = NULL;
  int ret;

  *scratch_dir = g_dir_make_tmp ("sluice-git-XXXXXX", &error);
  if (*scratch_dir == NULL)
    return git_error_new (SLUICE_GIT_ERROR_FAILED, error->message,
                          _("Sluice cannot create a temporary folder."));
  ret = git_repository_init (repo, *scratch_dir, 1);
  if (ret == 0)
    ret = git_remote_create (remote, *repo, "origin", op->url);
  if (ret != 0)
    return map_git_error (op, ret);

  return NULL;
}

static void
close_scratch (Op             *op,
               char           *scratch_dir,
               git_repository *repo,
               git_remote     *remote)
{
  set_live_remote (op, NULL);
  if (remote != NULL)
    git_remote_free (remote);
  if (repo != NULL)
    git_repository_free (repo);
  if (scratch_dir != NULL)
    remove_tree (scratch_dir, FALSE);
  g_free (scratch_dir);
}

static int
connect_remote (Op               *op,
                git_remote       *remote,
                git_direction     direction)
{
  git_remote_callbacks callbacks;
  git_proxy_options proxy;

  init_callbacks (op, &callbacks);
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

static gboolean
find_head (git_remote *remote,
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

static GError *
do_list_branches (Op *op)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  git_remote *remote = NULL;
  GError *error = NULL;
  int ret;

  ret = git_remote_create_detached (&remote, op->url);
  if (ret == 0)
    {
      set_live_remote (op, remote);
      ret = connect_remote (op, remote, GIT_DIRECTION_FETCH);
    }
  if (ret == 0)
    ret = read_heads (remote, names, &op->default_branch);
  if (ret != 0)
    error = map_git_error (op, ret);
  else if (is_cancelled (op))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));

  set_live_remote (op, NULL);
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
static int
download_branch (Op         *op,
                 git_remote *remote,
                 const char *branch)
{
  g_autofree char *refspec = g_strdup_printf ("refs/heads/%s:refs/remotes/origin/%s", branch, branch);
  char *specs[] = { refspec };
  git_strarray refspecs = { specs, 1 };
  git_fetch_options options;

  git_fetch_options_init (&options, GIT_FETCH_OPTIONS_VERSION);
  init_callbacks (op, &options.callbacks);
  options.proxy_opts.type = GIT_PROXY_AUTO;
  return git_remote_download (remote, &refspecs, &options);
}

static GError *
push_ref (Op         *op,
          git_remote *remote,
          const char *ref)
{
  g_autofree char *refspec = g_strdup_printf ("%s:%s", ref, ref);
  char *specs[] = { refspec };
  git_strarray refspecs = { specs, 1 };
  git_push_options options;
  int ret;

  git_push_options_init (&options, GIT_PUSH_OPTIONS_VERSION);
  init_callbacks (op, &options.callbacks);
  options.proxy_opts.type = GIT_PROXY_AUTO;
  op->calls_this_connection = 0;
  op->progress.phase = SLUICE_GIT_PHASE_PUSHING;
  report (op);

  ret = git_remote_push (remote, &refspecs, &options);
  if (ret != 0)
    return map_git_error (op, ret);
  if (op->rejected_ref != NULL)
    return git_error_new (SLUICE_GIT_ERROR_PUSH_REJECTED, op->rejected_status,
                          _("CodeCommit refused to update “%s”: %s"),
                          g_str_has_prefix (op->rejected_ref, "refs/heads/")
                            ? op->rejected_ref + strlen ("refs/heads/") : op->rejected_ref,
                          op->rejected_status);
  return NULL;
}

static GError *
do_create_branch (Op *op)
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
    return git_error_new (SLUICE_GIT_ERROR_FAILED, NULL, _("“%s” is not a valid branch name."), op->branch);

  error = open_scratch (op, &scratch, &repo, &remote);
  if (error == NULL)
    {
      set_live_remote (op, remote);
      ret = connect_remote (op, remote, GIT_DIRECTION_FETCH);
      if (ret != 0)
        error = map_git_error (op, ret);
    }
  if (error == NULL && find_head (remote, op->branch, &existing))
    error = git_error_new (SLUICE_GIT_ERROR_EXISTS, NULL,
                           _("The branch “%s” exists already."), op->branch);
  if (error == NULL && !find_head (remote, op->from, &from_oid))
    error = git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, NULL,
                           _("The repository has no branch “%s” to start “%s” from."), op->from, op->branch);
  if (error == NULL)
    {
      ret = download_branch (op, remote, op->from);
      git_remote_disconnect (remote);
      if (ret == 0)
        ret = git_reference_create (&created, repo, ref, &from_oid, 0, "sluice: create branch");
      if (ret != 0)
        error = map_git_error (op, ret);
    }
  if (error == NULL && is_cancelled (op))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
  if (error == NULL)
    error = push_ref (op, remote, ref);

  git_reference_free (created);
  close_scratch (op, scratch, repo, remote);

  return error;
}

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
    return git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, git_error_last () != NULL ? git_error_last ()->message : NULL,
                          _("The folder “%s” is not a git clone."), op->directory);
  ret = git_repository_head (&head, clone);
  if (ret != 0 || git_reference_type (head) != GIT_REFERENCE_DIRECT ||
      g_strcmp0 (git_reference_name (head), ref) != 0)
    {
      const char *name = ret == 0 ? git_reference_shorthand (head) : NULL;

      error = git_error_new (SLUICE_GIT_ERROR_FAILED, name,
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
        error = git_error_new (SLUICE_GIT_ERROR_FAILED, read_error->message,
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
    error = git_error_new (SLUICE_GIT_ERROR_FAILED, git_error_last () != NULL ? git_error_last ()->message : NULL,
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

static GError *
do_commit_file (Op *op)
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
    error = open_scratch (op, &scratch, &repo, &remote);
  if (error == NULL)
    {
      set_live_remote (op, remote);
      op->progress.phase = SLUICE_GIT_PHASE_CONNECTING;
      report (op);
      ret = connect_remote (op, remote, GIT_DIRECTION_FETCH);
      if (ret != 0)
        error = map_git_error (op, ret);
    }
  if (error == NULL && !find_head (remote, op->branch, &head))
    error = git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, NULL,
                           _("The repository has no branch “%s”."), op->branch);
  if (error == NULL && op->expected_parent != NULL)
    {
      git_oid_tostr (hex, sizeof hex, &head);
      if (!g_str_equal (hex, op->expected_parent))
        error = git_error_new (SLUICE_GIT_ERROR_PUSH_REJECTED, hex,
                               _("Someone pushed to “%s” since you opened it. Nothing was pushed: reload and try again."),
                               op->branch);
    }
  if (error == NULL)
    {
      ret = download_branch (op, remote, op->branch);
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
        error = map_git_error (op, ret);
    }
  if (error == NULL && is_cancelled (op))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));
  if (error == NULL && updated != NULL)
    error = push_ref (op, remote, ref);
  if (error == NULL && updated != NULL && op->directory != NULL)
    error = update_clone (op, repo, git_reference_target (updated));
  if (error == NULL)
    {
      op->progress.phase = SLUICE_GIT_PHASE_DONE;
      report (op);
    }

  git_reference_free (updated);
  git_signature_free (author);
  git_tree_free (new_tree);
  git_commit_free (parent);
  close_scratch (op, scratch, repo, remote);

  return error;
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Op *op = task_data;
  GError *error = NULL;

  ensure_libgit2 ();
  git_error_clear ();
  op->auth_refused = FALSE;
  g_clear_pointer (&op->rejected_ref, g_free);
  g_clear_pointer (&op->rejected_status, g_free);
  memset (&op->progress, 0, sizeof op->progress);
  report (op);

  switch (op->kind)
    {
    case OP_CLONE:
      error = do_clone (op);
      break;
    case OP_LIST_BRANCHES:
      error = do_list_branches (op);
      break;
    case OP_CREATE_BRANCH:
      error = do_create_branch (op);
      break;
    case OP_COMMIT_FILE:
      error = do_commit_file (op);
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
  op->cancelled_id = g_cancellable_connect (op->cancellable, G_CALLBACK (cancelled_cb), op, NULL);

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
  g_task_set_task_data (task, op, op_free);
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
  op->reporter = reporter_new (progress_func, progress_data, progress_destroy);
  task = start (self, op, sluice_git_remote_clone_async, callback, user_data);

  /* Before any network, data.all's included. */
  ensure_libgit2 ();
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
  op->reporter = reporter_new (progress_func, progress_data, progress_destroy);
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
