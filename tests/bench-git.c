/* bench-git.c
 *
 * Clones a 5,000-commit repository from the emulator's CodeCommit with the git layer
 * (SluiceGitRemote, libgit2 on a worker thread) and with the command-line `git clone` through
 * git-credential-sluice, against the same server with the same key, alternating, 5 times each,
 * and prints, as `build-aux/dev bench` wants them, one "name value unit" a line:
 *   git_clone_5000_commits_sluice_median <ms> ms
 *   git_clone_5000_commits_git_cli_median <ms> ms
 *   git_clone_ratio_vs_git_cli <r> x          (target: at most 1.3, goal 1.0)
 *   git_clone_longest_main_loop_gap <ms> ms   (a 10 ms heartbeat's longest gap; under 50 ms)
 *   git_clone_main_loop_gap_median_run <ms> ms (the same, the median over the runs)
 *
 * The history is the emulator's own (`--generate-history 5000`: data.all's first commit, then
 * 4,999 commits each changing one small file under history/, made in one git fast-import stream
 * when the repository is first used), so the bench clones what the emulator's users clone.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sluice-codecommit.h"
#include "sluice-dataall-api.h"
#include "sluice-git.h"
#include "sluice-pipeline-list.h"
#include "sluice-resources.h"
#include "sluice-test-core-utils.h"
#include "sluice-test-emulator.h"

#define KEY_ID  "AKIAEMULATORBENCHKEY"
#define SECRET  "benchSecretKeyForTheEmulator/0123456789"
#define N_COMMITS 5000
#define STR(x) STR_ (x)
#define STR_(x) #x
#define N_RUNS 5

typedef struct
{
  gint64 last;
  gint64 longest;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer user_data)
{
  Heartbeat *heartbeat = user_data;
  gint64 now = g_get_monotonic_time ();

  heartbeat->longest = MAX (heartbeat->longest, now - heartbeat->last);
  heartbeat->last = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gboolean
sluice_clone (SluiceGitRemote  *remote,
              const char       *dest,
              Heartbeat        *heartbeat,
              double           *ms,
              GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;
  guint id;

  heartbeat->last = g_get_monotonic_time ();
  id = g_timeout_add (10, heartbeat_cb, heartbeat);
  start = g_get_monotonic_time ();
  sluice_git_remote_clone_async (remote, dest, NULL, NULL, NULL, NULL, NULL, sluice_test_got_result_cb, &result);
  sluice_test_wait_result (&result);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  heartbeat_cb (heartbeat);
  g_source_remove (id);

  return sluice_git_remote_clone_finish (remote, result, error);
}

static gboolean
cli_clone (const char  *url,
           const char  *dest,
           const char  *home,
           const char  *endpoint,
           double      *ms,
           GError     **error)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self_path != NULL ? g_path_get_dirname (self_path) : g_strdup (".");
  /* The helper of this build tree (tests/../src), else the installed one. */
  g_autofree char *helper = g_build_filename (self_dir, "..", "src", "git-credential-sluice", NULL);
  g_autofree char *helper_arg = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  gint64 start;

  if (!g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_free (helper);
      helper = g_build_filename (BINDIR, "git-credential-sluice", NULL);
    }
  helper_arg = g_strdup_printf ("credential.helper=%s --region eu-west-1", helper);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "AWS_ACCESS_KEY_ID", KEY_ID, TRUE);
  g_subprocess_launcher_setenv (launcher, "AWS_SECRET_ACCESS_KEY", SECRET, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "AWS_SESSION_TOKEN");
  g_subprocess_launcher_setenv (launcher, "AWS_ENDPOINT_URL_CODECOMMIT", endpoint, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, error, "git", "-c", "credential.helper=",
                                         "-c", helper_arg, "-c", "credential.useHttpPath=true",
                                         "clone", "-q", url, dest, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, error))
    return FALSE;
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) emulator = NULL;
  g_autoptr(SluiceDataallClient) client = NULL;
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SluiceAwsCredentials) key = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autofree char *token = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *home = NULL;
  g_autofree char *url = NULL;
  const char *repo = NULL;
  const char *args[] = { "--db", NULL, "--aws-key", KEY_ID ":" SECRET,
                         "--generate-history", STR (N_COMMITS), NULL };
  double sluice_ms[N_RUNS], cli_ms[N_RUNS], gaps[N_RUNS];
  Heartbeat heartbeat = { 0 };
  gint64 longest = 0;

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_nonnull (sluice_get_resource ());

  dir = g_dir_make_tmp ("sluice-bench-git-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "emulator.db", NULL);
  home = g_build_filename (dir, "home", NULL);
  g_mkdir (home, 0700);
  args[1] = db;

  emulator = sluice_test_emulator_start (args, &error);
  if (emulator == NULL || !sluice_test_emulator_sign_in (emulator, "engineer@example.com", &token, &error))
    {
      g_printerr ("bench-git: %s\n", error->message);
      return 1;
    }
  client = sluice_dataall_client_new (sluice_test_emulator_get_url (emulator));
  sluice_dataall_client_set_token (client, token);
  list = sluice_pipeline_list_new ();
  sluice_pipeline_list_load_async (list, client, NULL, NULL, sluice_test_got_result_cb, &result);
  sluice_test_wait_result (&result);
  if (!sluice_pipeline_list_load_finish (list, result, &error))
    {
      g_printerr ("bench-git: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_autoptr(GAsyncResult) got = NULL;
      g_autoptr(SluicePipeline) full = NULL;

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), "customer-360") != 0)
        continue;
      /* The list leaves the repository out; the pipeline itself has it. */
      sluice_dataall_client_get_pipeline_async (client, sluice_pipeline_get_uri (pipeline), NULL,
                                                sluice_test_got_result_cb, &got);
      full = sluice_dataall_client_get_pipeline_finish (client, sluice_test_wait_result (&got), &error);
      if (full == NULL)
        {
          g_printerr ("bench-git: %s\n", error->message);
          return 1;
        }
      repo = g_intern_string (sluice_pipeline_get_repo (full));
    }
  g_assert_nonnull (repo);

  url = sluice_codecommit_clone_url ("eu-west-1", repo, sluice_test_emulator_get_codecommit (emulator), FALSE);
  remote = sluice_git_remote_new (url, "eu-west-1", key);

  /* The first clone makes the repository on the server, with its history (seconds: not
   * timed). */
  {
    g_autofree char *first = g_build_filename (dir, "first", NULL);
    g_autoptr(GSubprocess) count = NULL;
    g_autofree char *out = NULL;
    double ms;

    if (!sluice_clone (remote, first, &heartbeat, &ms, &error))
      {
        g_printerr ("bench-git: %s (%s)\n", error->message, sluice_git_error_get_detail (error));
        return 1;
      }
    /* The figures' names promise that many commits: check the emulator made them. */
    count = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "git", "-C", first, "rev-list", "--count", "HEAD", NULL);
    if (count == NULL || !g_subprocess_communicate_utf8 (count, NULL, NULL, &out, NULL, &error))
      {
        g_printerr ("bench-git: git rev-list: %s\n", error->message);
        return 1;
      }
    if (g_ascii_strtoull (out, NULL, 10) != N_COMMITS)
      {
        g_printerr ("bench-git: the clone has %s commits, not %u\n", g_strstrip (out), N_COMMITS);
        return 1;
      }
    sluice_test_remove_tree (first);
  }
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *a = g_strdup_printf ("%s/sluice-%u", dir, run);
      g_autofree char *b = g_strdup_printf ("%s/cli-%u", dir, run);

      heartbeat.longest = 0;
      if (!sluice_clone (remote, a, &heartbeat, &sluice_ms[run], &error))
        {
          g_printerr ("bench-git: %s (%s)\n", error->message, sluice_git_error_get_detail (error));
          return 1;
        }
      longest = MAX (longest, heartbeat.longest);
      gaps[run] = heartbeat.longest / 1000.0;
      g_printerr ("bench-git: run %u: sluice %.0f ms, longest main-loop gap %.0f ms\n", run, sluice_ms[run], heartbeat.longest / 1000.0);
      if (!cli_clone (url, b, home, sluice_test_emulator_get_codecommit (emulator), &cli_ms[run], &error))
        {
          g_printerr ("bench-git: git clone: %s\n", error->message);
          return 1;
        }
      sluice_test_remove_tree (a);
      sluice_test_remove_tree (b);
    }

  {
    double s = median (sluice_ms, N_RUNS);
    double c = median (cli_ms, N_RUNS);

    printf ("git_clone_%u_commits_sluice_median %.0f ms\n", N_COMMITS, s);
    printf ("git_clone_%u_commits_git_cli_median %.0f ms\n", N_COMMITS, c);
    printf ("git_clone_ratio_vs_git_cli %.2f x\n", c > 0 ? s / c : 0);
    printf ("git_clone_longest_main_loop_gap %.0f ms\n", longest / 1000.0);
    /* On a loaded machine one run's gap is the scheduler's: the median run's says more. */
    printf ("git_clone_main_loop_gap_median_run %.0f ms\n", median (gaps, N_RUNS));
  }

  g_clear_pointer (&emulator, sluice_test_emulator_stop);
  sluice_test_remove_tree (dir);
  return 0;
}
