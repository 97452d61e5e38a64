/* sluice-test-core-utils.c: helpers for tests that need no display
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "sluice-core-resources.h"

#include "sluice-test-core-utils.h"

void
sluice_test_init_core (int    *argc,
                       char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The resource registers itself from a constructor; referencing it keeps the linker from
   * dropping it from the static library. */
  g_assert_nonnull (sluice_core_get_resource ());
}

void
sluice_test_iterate (guint msec)
{
  gint64 end = g_get_monotonic_time () + (gint64) msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
sluice_test_wait_for (gboolean (*predicate) (gpointer data),
                      gpointer   data,
                      guint      timeout_msec)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_msec * 1000;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/**
 * sluice_test_got_result_cb:
 * @user_data: a `GAsyncResult **` slot, %NULL until then
 *
 * A #GAsyncReadyCallback that keeps a reference to the result in the slot.
 */
void
sluice_test_got_result_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/**
 * sluice_test_wait_result:
 * @slot: the slot given to sluice_test_got_result_cb()
 *
 * Iterates the default main context until the result is in @slot.
 *
 * Returns: (transfer none): the result, still owned by @slot
 */
GAsyncResult *
sluice_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Removes @path and everything under it, not following symbolic links; a missing @path is
 * fine. */
void
sluice_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        sluice_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
