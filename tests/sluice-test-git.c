/* sluice-test-git.c: git helpers for the tests and benches of the git layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-test-git.h"

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
