/* fuzz-replay.c: runs a fuzz target's corpus through it without libFuzzer
 *
 * Linked with one fuzz-<target>.c, it calls LLVMFuzzerInitialize() once, then
 * LLVMFuzzerTestOneInput() for every file named on the command line or found in a folder
 * named there, in name order. The unit suite runs it over each target's seeds and the crashes
 * kept as regression inputs, so that CI checks them with the ordinary build.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include <gio/gio.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  if (files->len == 0)
    {
      g_printerr ("fuzz-replay: no inputs found\n");
      return 1;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size = 0;

      if (!g_file_get_contents (path, &data, &size, &error))
        {
          g_printerr ("fuzz-replay: %s\n", error->message);
          return 1;
        }
      g_printerr ("fuzz-replay: %s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
    }
  g_printerr ("fuzz-replay: %u inputs, no crash\n", files->len);
  return 0;
}
