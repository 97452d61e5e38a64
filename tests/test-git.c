/* test-git.c
 *
 * The git layer (SluiceGitRemote) against the emulator's CodeCommit and the private
 * gnome-keyring that build-aux/dev test starts: a clone signed with the pipeline's keys, with
 * progress on the main loop and a config that lets command-line git fetch through
 * git-credential-sluice; wrong keys renewed once through data.all, then refused with a
 * sentence; cancel half-way leaves no folder; a non-empty folder refused before any network;
 * an unreachable host; branches listed, created from main and pushed; a refused push; one file
 * committed and pushed; and no key or token in any file of the clone.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-git.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-git.h"
#include "sluice-test-core-utils.h"

#define ENGINEER "engineer@example.com"
#define PIPELINE "customer-360"

typedef struct
{
  SluiceTestGitPipeline git;        /* its dir: the emulator's database and repositories, the clones */
  char                 *home;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
have_session_bus (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through build-aux/dev test");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint          reports;
  gboolean       saw_receiving;
  gboolean       saw_checkout;
  double         last_fraction;
  gboolean       fraction_went_back;
  GCancellable  *cancel_when_receiving;
  GThread       *main_thread;
} Progress;

static void
progress_cb (const SluiceGitProgress *progress,
             gpointer                 user_data)
{
  Progress *p = user_data;

  g_assert_true (g_thread_self () == p->main_thread);
  p->reports++;
  if (progress->phase == SLUICE_GIT_PHASE_RECEIVING)
    p->saw_receiving = TRUE;
  if (progress->phase == SLUICE_GIT_PHASE_CHECKING_OUT)
    p->saw_checkout = TRUE;
  if (progress->fraction + 1e-9 < p->last_fraction)
    p->fraction_went_back = TRUE;
  p->last_fraction = progress->fraction;
  g_assert_cmpfloat (progress->fraction, >=, 0.0);
  g_assert_cmpfloat (progress->fraction, <=, 1.0);
}

static gboolean
clone (SluiceGitRemote  *remote,
       const char       *directory,
       const char       *branch,
       Progress         *progress,
       GCancellable     *cancellable,
       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_git_remote_clone_async (remote, directory, branch, progress != NULL ? progress_cb : NULL,
                                 progress, NULL, cancellable, sluice_test_got_result_cb, &result);
  return sluice_git_remote_clone_finish (remote, sluice_test_wait_result (&result), error);
}

static GStrv
list_branches (SluiceGitRemote  *remote,
               char            **default_branch,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_git_remote_list_branches_async (remote, NULL, sluice_test_got_result_cb, &result);
  return sluice_git_remote_list_branches_finish (remote, sluice_test_wait_result (&result), default_branch, error);
}

static gboolean
create_branch (SluiceGitRemote  *remote,
               const char       *name,
               const char       *from,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sluice_git_remote_create_branch_async (remote, name, from, NULL, sluice_test_got_result_cb, &result);
  return sluice_git_remote_create_branch_finish (remote, sluice_test_wait_result (&result), error);
}

static char *
commit_file (SluiceGitRemote  *remote,
             const char       *branch,
             const char       *expected_parent,
             const char       *path,
             const char       *text,
             GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  sluice_git_remote_commit_file_async (remote, branch, expected_parent, path, bytes,
                                       "Edit ddk.json in Sluice", "Eve Engineer", ENGINEER,
                                       NULL, sluice_test_got_result_cb, &result);
  return sluice_git_remote_commit_file_finish (remote, sluice_test_wait_result (&result), error);
}

/* The environment command-line git runs in: a temp HOME, no system config, no prompt, none of
 * the caller's AWS settings: only what Sluice wrote into the clone's config can sign in. */
static int
run_git (Fixture    *fixture,
         const char *cwd,
         char      **out,
         char      **err,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *drop[] = {
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION",
    "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CODECOMMIT", "GIT_ASKPASS",
    "SSH_ASKPASS", "SLUICE_GIT_CREDENTIAL_HELPER",
  };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "git");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; i < G_N_ELEMENTS (drop); i++)
    g_subprocess_launcher_unsetenv (launcher, drop[i]);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_printerr ("git %s failed: %s\n", (const char *) argv->pdata[1], *err);
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static gboolean
contains (const char *haystack,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= length; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_no_secret_in_tree (const char         *path,
                          const char * const *secrets)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          assert_no_secret_in_tree (child, secrets);
          continue;
        }
      g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
      for (guint i = 0; secrets[i] != NULL; i++)
        if (contains (contents, length, secrets[i]))
          g_error ("%s contains a secret", child);
    }
}

/* The keys the pipeline signs with, as the keyring holds them after a clone. */
static SluiceAwsCredentials *
pipeline_keys (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SluiceAwsCredentials *credentials;

  sluice_pipeline_credentials_fetch_async (fixture->git.account, sluice_pipeline_get_uri (fixture->git.pipeline),
                                           NULL, NULL, NULL, FALSE, NULL, sluice_test_got_result_cb, &result);
  credentials = sluice_pipeline_credentials_fetch_finish (sluice_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return credentials;
}

static SluiceGitRemote *
pipeline_remote (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SluiceGitRemote *remote = sluice_git_remote_new_for_pipeline (fixture->git.account, fixture->git.pipeline, &error);

  g_assert_no_error (error);
  g_assert_nonnull (remote);
  return remote;
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->git.dir, name, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sluice_test_git_pipeline_set_up (&fixture->git, "test-git", PIPELINE);
  fixture->home = path_in (fixture, "home");
  g_assert_cmpint (g_mkdir (fixture->home, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sluice_test_git_pipeline_tear_down (&fixture->git);
  g_clear_pointer (&fixture->home, g_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_clone (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(SluiceAwsCredentials) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = path_in (fixture, "clone");
  g_autofree char *ddk = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_url = NULL;
  Progress progress = { .main_thread = g_thread_self () };
  const char *secrets[4];

  if (!have_session_bus ())
    return;

  remote = pipeline_remote (fixture);
  expected_url = g_strconcat (sluice_test_emulator_get_codecommit (fixture->git.emulator), "/v1/repos/",
                              sluice_pipeline_get_repo (fixture->git.pipeline), NULL);
  g_assert_cmpstr (sluice_git_remote_get_url (remote), ==, expected_url);
  g_assert_cmpstr (sluice_git_remote_get_region (remote), ==, "eu-west-1");

  g_assert_true (clone (remote, dest, NULL, &progress, NULL, &error));
  g_assert_no_error (error);
  ddk = g_build_filename (dest, "ddk.json", NULL);
  g_assert_true (g_file_test (ddk, G_FILE_TEST_IS_REGULAR));

  /* Progress came to the main thread, by phase, never backwards, and ended at 1. */
  g_assert_cmpuint (progress.reports, >=, 2);
  g_assert_true (progress.saw_receiving);
  g_assert_true (progress.saw_checkout);
  g_assert_false (progress.fraction_went_back);
  g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
  /* Signed once: no replays, no renewal. */
  g_assert_cmpuint (sluice_git_remote_get_n_credential_requests (remote), ==, 1);
  g_assert_cmpuint (sluice_git_remote_get_n_renewals (remote), ==, 0);

  /* The config: the plain URL, git-credential-sluice for this host with the path. */
  config_path = g_build_filename (dest, ".git", "config", NULL);
  g_assert_true (g_file_get_contents (config_path, &config, NULL, NULL));
  g_assert_nonnull (strstr (config, expected_url));
  g_assert_nonnull (strstr (config, "git-credential-sluice"));
  g_assert_nonnull (strstr (config, "useHttpPath = true"));
  /* ... which finds this pipeline's keys, as this account fetched them. */
  g_assert_nonnull (strstr (config, sluice_pipeline_get_uri (fixture->git.pipeline)));
  g_assert_nonnull (strstr (config, sluice_account_get_id (fixture->git.account)));

  /* No key, token or password anywhere in the clone. */
  keys = pipeline_keys (fixture);
  secrets[0] = sluice_aws_credentials_get_access_key_id (keys);
  secrets[1] = sluice_aws_credentials_get_secret_access_key (keys);
  secrets[2] = sluice_aws_credentials_get_session_token (keys);
  secrets[3] = NULL;
  g_assert_nonnull (secrets[2]);
  assert_no_secret_in_tree (dest, secrets);
  g_assert_null (strstr (config, "password"));

  /* Command-line git fetches and pulls through git-credential-sluice, with nothing but the
   * clone's config (no AWS variables, no endpoint variable). */
  g_assert_cmpint (run_git (fixture, dest, &out, &err, "fetch", "origin", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_git (fixture, dest, &out, &err, "pull", "--ff-only", NULL), ==, 0);
  for (guint i = 0; secrets[i] != NULL; i++)
    g_assert_null (strstr (err, secrets[i]));
  assert_no_secret_in_tree (dest, secrets);

  /* The folder is now a clone of this repository, which the dialog offers to open. */
  g_clear_error (&error);
  g_assert_false (sluice_git_check_destination (dest, sluice_git_remote_get_url (remote), &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_ALREADY_CLONED);
}

static void
test_clone_branch (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = path_in (fixture, "clone-dev");
  g_autofree char *head_path = NULL;
  g_autofree char *head = NULL;

  if (!have_session_bus ())
    return;

  remote = pipeline_remote (fixture);
  g_assert_true (create_branch (remote, "dev", "main", &error));
  g_assert_no_error (error);
  g_assert_true (clone (remote, dest, "dev", NULL, NULL, &error));
  g_assert_no_error (error);
  head_path = g_build_filename (dest, ".git", "HEAD", NULL);
  g_assert_true (g_file_get_contents (head_path, &head, NULL, NULL));
  g_assert_cmpstr (head, ==, "ref: refs/heads/dev\n");

  /* A branch that is not there. */
  g_free (dest);
  dest = path_in (fixture, "clone-none");
  g_assert_false (clone (remote, dest, "no-such-branch", NULL, NULL, &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

static void
test_wrong_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) fixed = NULL;
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(SluiceAwsCredentials) wrong = NULL;
  g_autoptr(SluiceAwsCredentials) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
  g_autofree char *dest = path_in (fixture, "clone");
  g_autofree char *answer = NULL;
  guint status = 0;

  if (!have_session_bus ())
    return;

  /* Fixed wrong keys: refused at once, asked for once, not replayed 15 times. */
  remote = pipeline_remote (fixture);
  wrong = sluice_aws_credentials_new ("AKIAWRONGWRONGWRONG0", "wrongwrongwrongwrongwrongwrongwrongwrong", NULL);
  fixed = sluice_git_remote_new (sluice_git_remote_get_url (remote), "eu-west-1", wrong);
  g_assert_false (clone (fixed, dest, NULL, NULL, NULL, &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "CodeCommit refused"));
  g_assert_nonnull (sluice_git_error_get_detail (error));
  g_assert_cmpuint (sluice_git_remote_get_n_credential_requests (fixed), ==, 1);
  g_assert_cmpuint (sluice_git_remote_get_n_renewals (fixed), ==, 0);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The pipeline's stored keys are wrong (still "valid" by their expiry): renewed once
   * through data.all, and the retry succeeds. */
  keys = pipeline_keys (fixture);
  sluice_aws_credentials_set_secret_access_key (keys, "wrongwrongwrongwrongwrongwrongwrongwrong");
  sluice_aws_credentials_set_expiration (keys, later, TRUE);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (keys, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (clone (remote, dest, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sluice_git_remote_get_n_renewals (remote), ==, 1);
  g_assert_cmpuint (sluice_git_remote_get_n_credential_requests (remote), ==, 2);
  sluice_test_remove_tree (dest);

  /* Every signature refused (the server's clock is a day ahead, beyond the 15 minutes a
   * signature lives): one renewal, one retry, then the sentence. */
  answer = sluice_test_emulator_request (fixture->git.emulator, "POST", "/_emulator/clock",
                                         "{\"advance\": 86400}", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_clear_object (&remote);
  remote = pipeline_remote (fixture);
  g_assert_false (clone (remote, dest, NULL, NULL, NULL, &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "renewed"));
  g_assert_cmpuint (sluice_git_remote_get_n_renewals (remote), ==, 1);
  g_assert_cmpuint (sluice_git_remote_get_n_credential_requests (remote), ==, 2);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

static gboolean
exists_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_DIR);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = path_in (fixture, "clone");
  g_autofree char *existing = path_in (fixture, "empty");
  g_autofree char *fault = NULL;
  Progress progress = { .main_thread = g_thread_self () };

  if (!have_session_bus ())
    return;

  remote = pipeline_remote (fixture);
  /* The pack is held back for 3 s: the clone has made its folder and waits for data. */
  fault = g_strdup_printf ("{\"kind\": \"slow\", \"delay_ms\": 3000, \"match\": \"/v1/repos/%s/git-upload-pack\"}",
                           sluice_pipeline_get_repo (fixture->git.pipeline));
  g_assert_true (sluice_test_emulator_add_fault (fixture->git.emulator, fault, &error));
  g_assert_no_error (error);

  sluice_git_remote_clone_async (remote, dest, NULL, progress_cb, &progress, NULL, cancellable,
                                 sluice_test_got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (exists_cb, dest, 10000));
  sluice_test_iterate (200);
  g_assert_null (result);
  g_cancellable_cancel (cancellable);
  g_assert_false (sluice_git_remote_clone_finish (remote, sluice_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_object (&result);

  /* An empty folder that was there stays, empty. */
  g_assert_cmpint (g_mkdir (existing, 0700), ==, 0);
  g_assert_true (sluice_test_emulator_add_fault (fixture->git.emulator, fault, &error));
  g_cancellable_reset (cancellable);
  sluice_git_remote_clone_async (remote, existing, NULL, NULL, NULL, NULL, cancellable,
                                 sluice_test_got_result_cb, &result);
  {
    g_autofree char *git_dir = g_build_filename (existing, ".git", NULL);

    g_assert_true (sluice_test_wait_for (exists_cb, git_dir, 10000));
  }
  g_cancellable_cancel (cancellable);
  g_assert_false (sluice_git_remote_clone_finish (remote, sluice_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_test (existing, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(GDir) dir = g_dir_open (existing, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_not_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) unreachable = NULL;
  g_autoptr(SluiceAwsCredentials) keys = sluice_aws_credentials_new ("AKIAEXAMPLEEXAMPLE00", "secretsecretsecretsecretsecretsecret0000", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = path_in (fixture, "full");
  g_autofree char *file = g_build_filename (dest, "notes.txt", NULL);
  g_autofree char *fresh = path_in (fixture, "fresh");

  g_assert_cmpint (g_mkdir (dest, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "mine", -1, NULL));

  /* Port 1 answers nothing: the sentence is about the folder, so no network was tried. */
  unreachable = sluice_git_remote_new ("http://127.0.0.1:1/v1/repos/some-repo", "eu-west-1", keys);
  g_assert_false (clone (unreachable, dest, NULL, NULL, NULL, &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "Git can only clone into an empty folder"));
  g_assert_cmpuint (sluice_git_remote_get_n_credential_requests (unreachable), ==, 0);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* A file where the folder would go. */
  g_assert_false (sluice_git_check_destination (file, NULL, &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  /* And that host, for a fresh folder: unreachable, said so, no folder left. */
  g_assert_false (clone (unreachable, fresh, NULL, NULL, NULL, &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_branches (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *default_branch = NULL;
  g_autofree char *hook = NULL;
  g_autofree char *repo = NULL;

  if (!have_session_bus ())
    return;

  remote = pipeline_remote (fixture);
  before = list_branches (remote, &default_branch, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (before, ((const char *[]) { "main", NULL }));
  g_assert_cmpstr (default_branch, ==, "main");

  g_assert_true (create_branch (remote, "test", "main", &error));
  g_assert_no_error (error);
  g_assert_true (create_branch (remote, "dev", "main", &error));
  g_assert_no_error (error);
  after = list_branches (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (after, ((const char *[]) { "dev", "main", "test", NULL }));

  /* Again: it exists. From a branch that does not: said so. */
  g_assert_false (create_branch (remote, "dev", "main", &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (create_branch (remote, "prod", "release", &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The server refuses the ref (a hook says no): git_remote_push returns 0 for this, the
   * refusal comes through push_update_reference. */
  repo = sluice_test_git_pipeline_repository (&fixture->git);
  hook = g_build_filename (repo, "hooks", "pre-receive", NULL);
  {
    g_autofree char *hooks = g_path_get_dirname (hook);

    g_assert_cmpint (g_mkdir_with_parents (hooks, 0755), ==, 0);
  }
  g_assert_true (g_file_set_contents (hook, "#!/bin/sh\necho 'branches are frozen' >&2\nexit 1\n", -1, NULL));
  g_assert_cmpint (g_chmod (hook, 0755), ==, 0);
  g_assert_false (create_branch (remote, "qa", "main", &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_PUSH_REJECTED);
  g_assert_nonnull (strstr (error->message, "qa"));
  g_assert_nonnull (sluice_git_error_get_detail (error));
  g_clear_error (&error);
  g_unlink (hook);
  g_strfreev (after);
  after = list_branches (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (after, ((const char *[]) { "dev", "main", "test", NULL }));
}

static void
test_commit_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = path_in (fixture, "clone");
  g_autofree char *ddk = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *same = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *text = "{\n    \"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"}}\n}\n";

  if (!have_session_bus ())
    return;

  remote = pipeline_remote (fixture);
  g_assert_true (clone (remote, dest, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  first = commit_file (remote, "main", NULL, "ddk.json", text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (first), ==, 40);

  /* Visible to the system git, with its author. */
  g_assert_cmpint (run_git (fixture, dest, &out, &err, "pull", "--ff-only", "-q", NULL), ==, 0);
  ddk = g_build_filename (dest, "ddk.json", NULL);
  g_assert_true (g_file_get_contents (ddk, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_git (fixture, dest, &out, &err, "log", "-1", "--format=%H %an <%ae> %s", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, first));
  g_assert_nonnull (strstr (out, "Eve Engineer <" ENGINEER "> Edit ddk.json in Sluice"));

  /* A file in a new folder, on top of the first commit. */
  second = commit_file (remote, "main", first, "config/extra.json", "{}\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, first);

  /* The same contents again: no empty commit. */
  same = commit_file (remote, "main", second, "config/extra.json", "{}\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (same, ==, second);

  /* A copy of the file older than the branch: nothing pushed. */
  stale = commit_file (remote, "main", first, "ddk.json", "{}\n", &error);
  g_assert_null (stale);
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_PUSH_REJECTED);
  g_clear_error (&error);

  /* No such branch. */
  g_assert_null (commit_file (remote, "nowhere", NULL, "ddk.json", "{}\n", &error));
  g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_FOUND);
}

static void
test_missing_stage_branches (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SluicePipeline) gitflow = NULL;
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) trunk_missing = NULL;

  if (!have_session_bus ())
    return;

  /* A trunk pipeline builds main only. */
  trunk_missing = sluice_git_missing_stage_branches (fixture->git.pipeline, (const char *[]) { "main", NULL });
  g_assert_cmpstrv (trunk_missing, ((const char *[]) { NULL }));

  /* ml-features is GitFlow with dev, test and prod: dev and test have no branch yet. */
  gitflow = sluice_test_git_find_pipeline (fixture->git.account, "ml-features");
  g_assert_cmpstr (sluice_pipeline_get_dev_strategy (gitflow), ==, "gitflow");
  remote = sluice_git_remote_new_for_pipeline (fixture->git.account, gitflow, &error);
  g_assert_no_error (error);
  branches = list_branches (remote, NULL, &error);
  g_assert_no_error (error);
  missing = sluice_git_missing_stage_branches (gitflow, (const char * const *) branches);
  g_assert_cmpstrv (missing, ((const char *[]) { "dev", "test", NULL }));

  /* Created from main, without a clone: none missing any more. */
  for (guint i = 0; missing[i] != NULL; i++)
    {
      g_assert_true (create_branch (remote, missing[i], "main", &error));
      g_assert_no_error (error);
    }
  g_strfreev (branches);
  branches = list_branches (remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (branches, ((const char *[]) { "dev", "main", "test", NULL }));
  g_strfreev (missing);
  missing = sluice_git_missing_stage_branches (gitflow, (const char * const *) branches);
  g_assert_cmpstrv (missing, ((const char *[]) { NULL }));
}

/* No emulator: the HTTPS URL of each partition, and the endpoint override. */
static void
test_urls (void)
{
  struct {
    const char *clone_url;
    const char *expected;
  } cases[] = {
    { "codecommit::eu-west-1://repo-a", "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/repo-a" },
    { "codecommit::cn-north-1://repo-b", "https://git-codecommit.cn-north-1.amazonaws.com.cn/v1/repos/repo-b" },
    { "codecommit::us-gov-west-1://repo-c", "https://git-codecommit.us-gov-west-1.amazonaws.com/v1/repos/repo-c" },
  };
  g_autoptr(SluiceAccount) account = sluice_account_new ("urls-account");

  g_unsetenv ("AWS_ENDPOINT_URL_CODECOMMIT");
  g_unsetenv ("AWS_ENDPOINT_URL");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(SluicePipeline) pipeline = NULL;
      g_autoptr(SluiceGitRemote) remote = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"DataPipelineUri\": \"u%u\", \"label\": \"p\", "
                                               "\"cloneUrlHttp\": \"%s\"}", i, cases[i].clone_url);

      node = json_from_string (json, &error);
      g_assert_no_error (error);
      pipeline = sluice_pipeline_new_from_json (json_node_get_object (node));
      remote = sluice_git_remote_new_for_pipeline (account, pipeline, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sluice_git_remote_get_url (remote), ==, cases[i].expected);
    }

  /* The account's AWS endpoint, as the Connect form's advanced field sets it. */
  {
    g_autoptr(JsonNode) node = json_from_string ("{\"DataPipelineUri\": \"u\", \"label\": \"p\", "
                                                 "\"cloneUrlHttp\": \"codecommit::eu-west-1://repo-d\"}", NULL);
    g_autoptr(SluicePipeline) pipeline = sluice_pipeline_new_from_json (json_node_get_object (node));
    g_autoptr(SluiceGitRemote) remote = NULL;
    g_autoptr(GError) error = NULL;

    sluice_account_set_aws_endpoint (account, "http://127.0.0.1:8790");
    remote = sluice_git_remote_new_for_pipeline (account, pipeline, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sluice_git_remote_get_url (remote), ==, "http://127.0.0.1:8790/v1/repos/repo-d");
    g_assert_cmpstr (sluice_git_remote_get_region (remote), ==, "eu-west-1");
    g_assert_cmpstr (sluice_git_remote_get_repository (remote), ==, "repo-d");
  }
}

static gboolean
run_quietly (const char * const *argv)
{
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL);

  return process != NULL && g_subprocess_wait_check (process, NULL, NULL);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;
  g_autofree char *small = path_in (fixture, "small");
  g_autofree char *dest = g_build_filename (small, "clone", NULL);
  g_autofree char *repo = NULL;
  gboolean ok;

  if (!have_session_bus ())
    return;
  /* A 256 KiB file system for the clone: root only. */
  g_assert_cmpint (g_mkdir (small, 0700), ==, 0);
  if (geteuid () != 0 ||
      !run_quietly ((const char * const[]) { "mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small, NULL }))
    {
      g_test_skip ("Cannot mount a small tmpfs (needs root)");
      return;
    }

  remote = pipeline_remote (fixture);
  /* The repository is made on first use; then it gets a history bigger than the disk. */
  branches = list_branches (remote, NULL, &error);
  g_assert_no_error (error);
  repo = sluice_test_git_pipeline_repository (&fixture->git);
  g_assert_true (sluice_test_git_generate_history (repo, 3000, &error));
  g_assert_no_error (error);

  ok = clone (remote, dest, NULL, NULL, NULL, &error);
  {
    gboolean left = g_file_test (dest, G_FILE_TEST_EXISTS);

    g_assert_true (run_quietly ((const char * const[]) { "umount", small, NULL }));
    g_assert_false (ok);
    g_assert_error (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_DISK_FULL);
    g_assert_nonnull (strstr (error->message, "disk is full"));
    g_assert_false (left);
  }
}

/* The helper line a clone's config gets: this build's helper outside Flatpak; inside (an
 * instance file naming the app), `flatpak run --command=git-credential-sluice APP-ID`, which a
 * terminal on the host can run, never the sandbox's /app/bin path. */
static void
test_credential_helper_line (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("SLUICE_GIT_CREDENTIAL_HELPER"));
  g_autofree char *dir = g_dir_make_tmp ("sluice-flatpak-info-XXXXXX", NULL);
  g_autofree char *info = g_build_filename (dir, ".flatpak-info", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *host = NULL;
  g_autofree char *sandboxed = NULL;
  g_autofree char *overridden = NULL;
  g_autofree char *not_an_app = NULL;
  g_autofree char *expected_host = NULL;
  g_autofree char *expected_override = NULL;
  g_autofree char *quoted = NULL;

  g_assert_nonnull (saved);
  g_assert_true (g_file_set_contents (info,
                                      "[Application]\n"
                                      "name=io.github.sluice.Sluice\n"
                                      "runtime=runtime/org.gnome.Platform/x86_64/43\n"
                                      "\n[Instance]\napp-path=/var/lib/flatpak/app/io.github.sluice.Sluice\n",
                                      -1, NULL));

  /* Outside Flatpak: the helper's own path, quoted for the shell. */
  quoted = g_shell_quote (saved);
  expected_host = g_strdup_printf ("!%s --region 'eu-west-1' --endpoint 'http://127.0.0.1:9/'"
                                   " --pipeline 'pipe uri' --dataall-account 'acc'", quoted);
  host = sluice_git_credential_helper_line (missing, "eu-west-1", "http://127.0.0.1:9/", "pipe uri", "acc");
  g_assert_cmpstr (host, ==, expected_host);

  /* $SLUICE_GIT_CREDENTIAL_HELPER wins even inside Flatpak. */
  overridden = sluice_git_credential_helper_line (info, "eu-west-1", NULL, NULL, NULL);
  expected_override = g_strdup_printf ("!%s --region 'eu-west-1'", quoted);
  g_assert_cmpstr (overridden, ==, expected_override);

  g_unsetenv ("SLUICE_GIT_CREDENTIAL_HELPER");
  sandboxed = sluice_git_credential_helper_line (info, "eu-west-1", NULL, "pipe", "acc");
  g_assert_cmpstr (sandboxed, ==, "!flatpak run --command=git-credential-sluice 'io.github.sluice.Sluice'"
                                  " --region 'eu-west-1' --pipeline 'pipe' --dataall-account 'acc'");
  g_assert_null (strstr (sandboxed, "/app/"));

  /* An instance file without a valid app name is no Flatpak. */
  g_assert_true (g_file_set_contents (info, "[Application]\nname=not an id\n", -1, NULL));
  not_an_app = sluice_git_credential_helper_line (info, NULL, NULL, NULL, NULL);
  g_assert_true (g_str_has_prefix (not_an_app, "!"));
  g_assert_null (strstr (not_an_app, "flatpak run"));

  g_setenv ("SLUICE_GIT_CREDENTIAL_HELPER", saved, TRUE);
  g_unlink (info);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *helper = NULL;
  g_autofree char *git = NULL;

  sluice_test_init_core (&argc, &argv);
  /* What the clones' config runs: the helper of this build. */
  helper = g_test_build_filename (G_TEST_BUILT, "..", "src", "git-credential-sluice", NULL);
  g_setenv ("SLUICE_GIT_CREDENTIAL_HELPER", helper, TRUE);

  git = g_find_program_in_path ("git");
  if (git == NULL)
    {
      g_test_skip ("git is not installed");
      return g_test_run ();
    }

  g_test_add_func ("/sluice/git/urls", test_urls);
  g_test_add_func ("/sluice/git/credential-helper-line", test_credential_helper_line);
  g_test_add ("/sluice/git/clone", Fixture, NULL, fixture_set_up, test_clone, fixture_tear_down);
  g_test_add ("/sluice/git/clone-branch", Fixture, NULL, fixture_set_up, test_clone_branch, fixture_tear_down);
  g_test_add ("/sluice/git/wrong-keys", Fixture, NULL, fixture_set_up, test_wrong_keys, fixture_tear_down);
  g_test_add ("/sluice/git/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/sluice/git/not-empty", Fixture, NULL, fixture_set_up, test_not_empty, fixture_tear_down);
  g_test_add ("/sluice/git/branches", Fixture, NULL, fixture_set_up, test_branches, fixture_tear_down);
  g_test_add ("/sluice/git/commit-file", Fixture, NULL, fixture_set_up, test_commit_file, fixture_tear_down);
  g_test_add ("/sluice/git/missing-stage-branches", Fixture, NULL, fixture_set_up, test_missing_stage_branches, fixture_tear_down);
  g_test_add ("/sluice/git/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);

  return g_test_run ();
}
