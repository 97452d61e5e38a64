/* sluice-git-transport.c: what every git operation runs on (worker thread unless said)
 *
 * Errors as sentences with libgit2's words under Details; progress handed to the caller's main
 * context; one operation's state (Op) and its cancelling; the libgit2 callbacks
 * (credentials signed per call, refused at the second call of one connection; transfer,
 * checkout and push progress); libgit2's errors mapped to SluiceGitError; and the credential
 * helper a clone's config names for command-line git.
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

#include "sluice-codecommit.h"
#include "sluice-git-private.h"

/* GitHub Desktop's weights (app/src/lib/progress/clone.ts). */
#define WEIGHT_PREPARING    0.1
#define WEIGHT_RECEIVING    0.6
#define WEIGHT_RESOLVING    0.1
#define WEIGHT_CHECKING_OUT 0.2

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

GError *
_sluice_git_error_new (SluiceGitError  code,
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

static void
reporter_free (gpointer data)
{
  Reporter *reporter = data;

  g_mutex_clear (&reporter->lock);
  g_main_context_unref (reporter->context);
}

Reporter *
_sluice_git_reporter_new (SluiceGitProgressFunc func,
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

void
_sluice_git_op_free (gpointer data)
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

void
_sluice_git_report (Op *op)
{
  op->progress.fraction = weighted_fraction (&op->progress);
  reporter_update (op->reporter, &op->progress);
}

/* A stalled connection calls no callback: git_remote_stop() is libgit2's way to interrupt it,
 * from any thread. Only remotes the worker owns are registered (git_clone frees its own remote
 * at a moment we cannot see). */
void
_sluice_git_cancelled_cb (GCancellable *cancellable,
                          gpointer      user_data)
{
  Op *op = user_data;

  g_mutex_lock (&op->lock);
  if (op->live_remote != NULL)
    git_remote_stop (op->live_remote);
  g_mutex_unlock (&op->lock);
}

void
_sluice_git_set_live_remote (Op         *op,
                             git_remote *remote)
{
  g_mutex_lock (&op->lock);
  op->live_remote = remote;
  g_mutex_unlock (&op->lock);
}

gboolean
_sluice_git_is_cancelled (Op *op)
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

  if (_sluice_git_is_cancelled (op))
    return -1;
  if (op->progress.phase == SLUICE_GIT_PHASE_CONNECTING)
    {
      op->progress.phase = SLUICE_GIT_PHASE_PREPARING;
      _sluice_git_report (op);
    }
  return 0;
}

static int
transfer_cb (const git_indexer_progress *stats,
             void                       *payload)
{
  Op *op = payload;

  if (_sluice_git_is_cancelled (op))
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
  _sluice_git_report (op);

  return 0;
}

void
_sluice_git_checkout_progress_cb (const char *path,
                                  size_t      completed_steps,
                                  size_t      total_steps,
                                  void       *payload)
{
  Op *op = payload;

  op->progress.phase = SLUICE_GIT_PHASE_CHECKING_OUT;
  op->progress.completed_files = completed_steps;
  op->progress.total_files = total_steps;
  _sluice_git_report (op);
}

/* The checkout progress callback cannot stop a checkout; a notification can. */
int
_sluice_git_checkout_notify_cb (git_checkout_notify_t  why,
                                const char            *path,
                                const git_diff_file   *baseline,
                                const git_diff_file   *target,
                                const git_diff_file   *workdir,
                                void                  *payload)
{
  Op *op = payload;

  return _sluice_git_is_cancelled (op) ? -1 : 0;
}

static int
push_transfer_cb (unsigned int current,
                  unsigned int total,
                  size_t       bytes,
                  void        *payload)
{
  Op *op = payload;

  if (_sluice_git_is_cancelled (op))
    return -1;
  op->progress.phase = SLUICE_GIT_PHASE_PUSHING;
  op->progress.received_objects = current;
  op->progress.total_objects = total;
  op->progress.received_bytes = bytes;
  _sluice_git_report (op);
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

void
_sluice_git_init_callbacks (Op                  *op,
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

GError *
_sluice_git_map_error (Op  *op,
                       int  code)
{
  const git_error *last = git_error_last ();
  const char *detail = last != NULL ? last->message : NULL;
  int klass = last != NULL ? last->klass : GIT_ERROR_NONE;
  g_autofree char *host = host_of (op->url);
  int saved_errno = errno;

  if (_sluice_git_is_cancelled (op) && (code == GIT_EUSER || code == GIT_ERROR || klass == GIT_ERROR_NET))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled."));

  /* CodeCommit answers 403 to a bad signature, 401 to none; libgit2 says "unexpected http
   * status code: 403" or, after its replays, "too many redirects or authentication replays". */
  if (op->auth_refused || code == GIT_EAUTH ||
      (klass == GIT_ERROR_HTTP && (mentions (detail, "403") || mentions (detail, "401") ||
                                   mentions (detail, "authentication replays"))))
    {
      if (op->renewed)
        return _sluice_git_error_new (SLUICE_GIT_ERROR_AUTH, detail,
                              _("CodeCommit refused the pipeline’s AWS credentials, even after Sluice renewed them through data.all. Your team may no longer have access to this pipeline, or your computer’s clock may be wrong."));
      return _sluice_git_error_new (SLUICE_GIT_ERROR_AUTH, detail,
                            _("CodeCommit refused the AWS credentials. They may be wrong or have expired."));
    }

  if (code == GIT_ENONFASTFORWARD)
    return _sluice_git_error_new (SLUICE_GIT_ERROR_PUSH_REJECTED, detail,
                          _("The branch changed on the server in the meantime. Nothing was pushed: reload and try again."));

  if (saved_errno == ENOSPC || mentions (detail, g_strerror (ENOSPC)) || mentions (detail, "No space left"))
    return _sluice_git_error_new (SLUICE_GIT_ERROR_DISK_FULL, detail,
                          _("The disk is full. Free some space and try again."));

  if (klass == GIT_ERROR_NET || klass == GIT_ERROR_SSL ||
      mentions (detail, "failed to connect") || mentions (detail, "failed to resolve") ||
      mentions (detail, "Connection refused"))
    return _sluice_git_error_new (SLUICE_GIT_ERROR_UNREACHABLE, detail,
                          _("Sluice cannot reach %s. Check your network connection, VPN or proxy and try again."), host);

  if (code == GIT_EEXISTS)
    return _sluice_git_error_new (SLUICE_GIT_ERROR_NOT_EMPTY, detail,
                          _("“%s” already exists and is not an empty folder. Git can only clone into an empty folder."),
                          op->directory != NULL ? op->directory : "");

  if (code == GIT_ENOTFOUND || (klass == GIT_ERROR_HTTP && mentions (detail, "404")))
    return _sluice_git_error_new (SLUICE_GIT_ERROR_NOT_FOUND, detail,
                          _("CodeCommit has no repository “%s”, or no such branch. The pipeline may have been deleted."),
                          op->repository != NULL ? op->repository : "");

  return _sluice_git_error_new (SLUICE_GIT_ERROR_FAILED, detail,
                        _("Git failed to work with the repository “%s”."),
                        op->repository != NULL ? op->repository : "");
}

/* ------------------------------------------------------------------------------------------ */
/* libgit2, once per process                                                                  */
/* ------------------------------------------------------------------------------------------ */

void
_sluice_git_ensure_libgit2 (void)
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

/* ------------------------------------------------------------------------------------------ */
/* The credential helper a clone's config names, for command-line git                         */
/* ------------------------------------------------------------------------------------------ */

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

/* " OPTION 'VALUE'" when there is a value. */
static void
append_option (GString    *command,
               const char *option,
               const char *value)
{
  g_autofree char *quoted = NULL;

  if (value == NULL)
    return;
  quoted = g_shell_quote (value);
  g_string_append_printf (command, " %s %s", option, quoted);
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

  append_option (command, "--region", region);
  append_option (command, "--endpoint", endpoint);
  /* Which keys: the pipeline's, as this data.all account fetched them (identifiers, no secret). */
  if (pipeline_uri != NULL)
    {
      append_option (command, "--pipeline", pipeline_uri);
      append_option (command, "--dataall-account", dataall_account);
    }

  return g_string_free (command, FALSE);
}

/* Command-line git in the clone asks git-credential-sluice, for this host only, with the
 * repository path (the password signs it). No other helper of the user's (a store, a
 * keychain) is asked for or told this host's short-lived passwords: the empty value first
 * empties the list. */
int
_sluice_git_configure_credential_helper (git_repository *repo,
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
