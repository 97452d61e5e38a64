/* test-settings.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "sluice-settings.h"
#include "sluice-test-core-utils.h"

static void
test_style_variant_strings (void)
{
  g_assert_cmpint (sluice_style_variant_from_string ("default"), ==, SLUICE_STYLE_VARIANT_DEFAULT);
  g_assert_cmpint (sluice_style_variant_from_string ("light"), ==, SLUICE_STYLE_VARIANT_LIGHT);
  g_assert_cmpint (sluice_style_variant_from_string ("dark"), ==, SLUICE_STYLE_VARIANT_DARK);
  g_assert_cmpint (sluice_style_variant_from_string ("Dark"), ==, SLUICE_STYLE_VARIANT_DEFAULT);
  g_assert_cmpint (sluice_style_variant_from_string (""), ==, SLUICE_STYLE_VARIANT_DEFAULT);
  g_assert_cmpint (sluice_style_variant_from_string (NULL), ==, SLUICE_STYLE_VARIANT_DEFAULT);

  for (SluiceStyleVariant v = SLUICE_STYLE_VARIANT_DEFAULT; v <= SLUICE_STYLE_VARIANT_DARK; v++)
    g_assert_cmpint (sluice_style_variant_from_string (sluice_style_variant_to_string (v)), ==, v);
}

static void
test_style_variant_setting (void)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();

  g_assert_cmpint (sluice_settings_get_style_variant (settings), ==, SLUICE_STYLE_VARIANT_DEFAULT);
  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_cmpint (sluice_settings_get_style_variant (settings), ==, SLUICE_STYLE_VARIANT_DARK);
  g_settings_reset (settings, "style-variant");
}

static void
test_window_state_defaults (void)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();
  SluiceWindowState state = { 0 };

  sluice_settings_get_window_state (settings, &state);
  g_assert_cmpint (state.width, ==, 980);
  g_assert_cmpint (state.height, ==, 680);
  g_assert_false (state.maximized);
}

static void
test_window_state_clamped (void)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();
  SluiceWindowState state = { 0 };

  g_settings_set (settings, "window-size", "(ii)", 10, -5);
  sluice_settings_get_window_state (settings, &state);
  g_assert_cmpint (state.width, ==, SLUICE_WINDOW_MIN_WIDTH);
  g_assert_cmpint (state.height, ==, SLUICE_WINDOW_MIN_HEIGHT);
  g_settings_reset (settings, "window-size");
}

static void
test_window_state_maximized_keeps_size (void)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();
  SluiceWindowState state = { .width = 1000, .height = 700, .maximized = FALSE };
  SluiceWindowState read = { 0 };

  sluice_settings_set_window_state (settings, &state);

  /* A maximized window's size is the screen's: the size to restore to must survive. */
  state = (SluiceWindowState) { .width = 1280, .height = 800, .maximized = TRUE };
  sluice_settings_set_window_state (settings, &state);

  sluice_settings_get_window_state (settings, &read);
  g_assert_cmpint (read.width, ==, 1000);
  g_assert_cmpint (read.height, ==, 700);
  g_assert_true (read.maximized);

  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "window-maximized");
}

static void
test_window_state_survives_restart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-settings-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  SluiceWindowState state = { .width = 1111, .height = 777, .maximized = FALSE };
  SluiceWindowState read = { 0 };

  {
    g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
    g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_ID, backend);

    sluice_settings_set_window_state (settings, &state);
    g_settings_sync ();
  }

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
    g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_ID, backend);

    sluice_settings_get_window_state (settings, &read);
  }

  g_assert_cmpint (read.width, ==, 1111);
  g_assert_cmpint (read.height, ==, 777);
  g_assert_false (read.maximized);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_clones (void)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sluice-settings-clone-XXXXXX", &error);
  g_autofree char *git_dir = g_build_filename (dir, ".git", NULL);
  g_autofree char *parent = NULL;
  g_autofree char *path = NULL;
  g_autofree char *projects = g_build_filename (g_get_home_dir (), "Projects", NULL);

  g_assert_no_error (error);
  g_assert_null (sluice_settings_get_clone_path (settings, "acc", "p1"));

  /* Remembered per account and pipeline, only while it is a clone. */
  sluice_settings_set_clone_path (settings, "acc", "p1", dir);
  g_assert_null (sluice_settings_get_clone_path (settings, "acc", "p1"));
  g_assert_cmpint (g_mkdir (git_dir, 0700), ==, 0);
  path = sluice_settings_get_clone_path (settings, "acc", "p1");
  g_assert_cmpstr (path, ==, dir);
  g_assert_null (sluice_settings_get_clone_path (settings, "other", "p1"));
  g_assert_null (sluice_settings_get_clone_path (settings, "acc", "p2"));
  sluice_settings_set_clone_path (settings, "acc", "p2", dir);
  sluice_settings_set_clone_path (settings, "acc", "p1", NULL);
  g_assert_null (sluice_settings_get_clone_path (settings, "acc", "p1"));
  g_clear_pointer (&path, g_free);
  path = sluice_settings_get_clone_path (settings, "acc", "p2");
  g_assert_cmpstr (path, ==, dir);

  /* The parent: ~/Projects until one is chosen. */
  parent = sluice_settings_get_clone_parent (settings);
  g_assert_cmpstr (parent, ==, projects);
  g_clear_pointer (&parent, g_free);
  sluice_settings_set_clone_parent (settings, "/srv/work");
  parent = sluice_settings_get_clone_parent (settings);
  g_assert_cmpstr (parent, ==, "/srv/work");

  g_rmdir (git_dir);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/settings/style-variant/strings", test_style_variant_strings);
  g_test_add_func ("/sluice/settings/style-variant/setting", test_style_variant_setting);
  g_test_add_func ("/sluice/settings/window-state/defaults", test_window_state_defaults);
  g_test_add_func ("/sluice/settings/window-state/clamped", test_window_state_clamped);
  g_test_add_func ("/sluice/settings/window-state/maximized-keeps-size", test_window_state_maximized_keeps_size);
  g_test_add_func ("/sluice/settings/window-state/survives-restart", test_window_state_survives_restart);

  g_test_add_func ("/sluice/settings/clones", test_clones);

  return g_test_run ();
}
