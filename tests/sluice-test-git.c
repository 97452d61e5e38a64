/* sluice-test-git.c: git helpers for the tests and benches of the git layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-dataall-api.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-core-utils.h"
#include "sluice-test-git.h"

#define ENGINEER "engineer@example.com"

/**
 * sluice_test_git_generate_history:
 * @bare_repository: a repository of the emulator (`<db>.repos/<name>`), with a `main`
 * @n_commits: how many commits to add on `main`
 *
 * Adds @n_commits commits on top of `main` through `git fast-import`, each changing one of 200
 * files of a few kilobytes, then packs the repository as a long-lived server's would be. A
 * clone then has objects, deltas and files to show.
 *
 * Returns: %TRUE on success
 */
gboolean
sluice_test_git_generate_history (const char  *bare_repository,
                                  guint        n_commits,
                                  GError     **error)
{
  g_autoptr(GString) stream = g_string_new (NULL);
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GSubprocess) gc = NULL;
  g_autoptr(GBytes) input = NULL;

  for (guint i = 0; i < n_commits; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint line = 0; line < 60; line++)
        g_string_append_printf (body, "step %u line %u: transform the %s data set\n",
                                line == i % 60 ? i : line, line, line % 2 ? "orders" : "customers");
      g_string_append_printf (stream, "commit refs/heads/main\n"
                              "committer Dev <dev@example.com> %u +0000\n"
                              "data <<EOF\nStep %u\nEOF\n", 1700000000 + i, i);
      if (i == 0)
        g_string_append (stream, "from refs/heads/main^0\n");
      g_string_append_printf (stream, "M 100644 inline jobs/job-%03u.txt\ndata %u\n%s\n",
                              i % 200, (guint) body->len, body->str);
    }

  import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                             error, "git", "-C", bare_repository, "fast-import", "--quiet", NULL);
  if (import == NULL)
    return FALSE;
  input = g_bytes_new (stream->str, stream->len);
  if (!g_subprocess_communicate (import, input, NULL, NULL, NULL, error) ||
      !g_subprocess_wait_check (import, NULL, error))
    return FALSE;

  gc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                         error, "git", "-C", bare_repository, "gc", "-q", NULL);
  return gc != NULL && g_subprocess_wait_check (gc, NULL, error);
}

/**
 * sluice_test_git_find_pipeline:
 * @account: a signed-in account
 * @label: the pipeline's label
 *
 * Lists @account's pipelines and fetches the one labelled @label in full (the list leaves
 * out the repository's clone URL and the environment). Fails the test when there is none.
 *
 * Returns: (transfer full): the pipeline
 */
SluicePipeline *
sluice_test_git_find_pipeline (SluiceAccount *account,
                               const char    *label)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_list_load_async (list, sluice_account_get_client (account), NULL, NULL,
                                   sluice_test_got_result_cb, &result);
  g_assert_true (sluice_pipeline_list_load_finish (list, sluice_test_wait_result (&result), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GAsyncResult) got = NULL;
      SluicePipeline *full;

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) != 0)
        continue;
      sluice_dataall_client_get_pipeline_async (sluice_account_get_client (account),
                                                sluice_pipeline_get_uri (pipeline), NULL,
                                                sluice_test_got_result_cb, &got);
      full = sluice_dataall_client_get_pipeline_finish (sluice_account_get_client (account),
                                                        sluice_test_wait_result (&got), &error);
      g_assert_no_error (error);
      return full;
    }
  g_error ("no pipeline %s", label);
}

/**
 * sluice_test_git_forget_keys:
 * @account: (nullable): an account
 *
 * Deletes the AWS keys @account stored in the keyring, so that no other test (nor
 * git-credential-sluice choosing by repository name) finds keys of an emulator that has
 * stopped. Does nothing without a session bus.
 */
void
sluice_test_git_forget_keys (SluiceAccount *account)
{
  g_autoptr(GListModel) stored = NULL;

  if (account == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return;
  stored = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_DATAALL_ACCOUNT,
                                                     sluice_account_get_id (account), NULL, NULL);
  for (guint i = 0; stored != NULL && i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (stored, i);

      sluice_keyring_delete_aws_credentials_sync (sluice_aws_credentials_get_name (credentials), NULL, NULL);
    }
}

/**
 * sluice_test_git_pipeline_set_up:
 * @self: the fixture to fill
 * @test_name: names the temporary folder and the account (`sluice-<test_name>-XXXXXX`)
 * @label: (nullable): the pipeline to fetch, or %NULL for none
 *
 * Starts an emulator whose database and repositories are in a new temporary folder, points
 * CodeCommit there (`$AWS_ENDPOINT_URL_CODECOMMIT`), signs an account in as the engineer and
 * fetches the pipeline labelled @label.
 */
void
sluice_test_git_pipeline_set_up (SluiceTestGitPipeline *self,
                                 const char            *test_name,
                                 const char            *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("sluice-%s-XXXXXX", test_name);
  g_autofree char *id = g_strdup_printf ("%s-%08x", test_name, g_random_int ());
  g_autofree char *db = NULL;
  const char *args[] = { "--auto-approve", ENGINEER, "--db", NULL, NULL };

  self->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  db = g_build_filename (self->dir, "emulator.db", NULL);
  args[3] = db;
  self->emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  g_setenv ("AWS_ENDPOINT_URL_CODECOMMIT", sluice_test_emulator_get_codecommit (self->emulator), TRUE);
  self->account = sluice_test_emulator_new_account (self->emulator, id, ENGINEER);
  self->pipeline = label != NULL ? sluice_test_git_find_pipeline (self->account, label) : NULL;
}

/* Forgets the account's keys, stops the emulator and removes the temporary folder. */
void
sluice_test_git_pipeline_tear_down (SluiceTestGitPipeline *self)
{
  sluice_test_git_forget_keys (self->account);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);
  g_clear_pointer (&self->emulator, sluice_test_emulator_stop);
  g_unsetenv ("AWS_ENDPOINT_URL_CODECOMMIT");
  sluice_test_remove_tree (self->dir);
  g_clear_pointer (&self->dir, g_free);
}

/* The emulator's bare repository of the pipeline (made on first use). */
char *
sluice_test_git_pipeline_repository (SluiceTestGitPipeline *self)
{
  return g_strconcat (self->dir, "/emulator.db.repos/", sluice_pipeline_get_repo (self->pipeline), NULL);
}
