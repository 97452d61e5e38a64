/* test-application.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-application.h"
#include "sluice-test-utils.h"
#include "sluice-window.h"

static void
identity (GtkApplication *app,
          gpointer        data)
{
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, APP_ID);
  g_assert_cmpstr (g_application_get_resource_base_path (G_APPLICATION (app)), ==, "/io/github/sluice/Sluice");
  g_assert_true (g_str_has_prefix (APP_ID, "io.github.sluice.Sluice"));
}

static void
actions_and_accels (GtkApplication *app,
                    gpointer        data)
{
  static const char * const actions[] = { "quit", "about", "preferences", "style-variant",
                                          "connect", "connect-with", "sign-in-again", "sign-out", "switch-account" };
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) prefs = NULL;
  g_auto(GStrv) pipelines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i]));

  quit = gtk_application_get_accels_for_action (app, "app.quit");
  prefs = gtk_application_get_accels_for_action (app, "app.preferences");
  pipelines = gtk_application_get_accels_for_action (app, "win.show-page::pipelines");
  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_cmpstr (prefs[0], ==, "<Control>comma");
  g_assert_cmpstr (pipelines[0], ==, "<Control>1");
}

static void
style_variant (GtkApplication *app,
               gpointer        data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GSettings *settings = sluice_application_get_settings (SLUICE_APPLICATION (app));
  g_autofree char *stored = NULL;

  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action (G_ACTION_GROUP (app), "style-variant", g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  stored = g_settings_get_string (settings, "style-variant");
  g_assert_cmpstr (stored, ==, "dark");

  /* A change made elsewhere (another window, dconf-editor) applies too. */
  g_settings_set_string (settings, "style-variant", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (app), "style-variant", g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
one_window (GtkApplication *app,
            gpointer        data)
{
  GList *windows = gtk_application_get_windows (app);

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (SLUICE_IS_WINDOW (windows->data));

  /* Activating again (launching Sluice a second time) presents the same window. */
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 1);
}

static void
quit_closes_windows (GtkApplication *app,
                     gpointer        data)
{
  g_assert_nonnull (gtk_application_get_active_window (app));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_null (gtk_application_get_windows (app));
}

static void
about (GtkApplication *app,
       gpointer        data)
{
  GtkWindow *main_window = gtk_application_get_active_window (app);
  GtkWindow *about_window = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about_window = GTK_WINDOW (toplevel);
    }

  g_assert_nonnull (about_window);
  g_assert_true (gtk_window_get_transient_for (about_window) == main_window);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about_window)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about_window)), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about_window)), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about_window);
}

#define APP_TEST(func)                                                              \
  static void test_##func (void)                                                   \
  {                                                                                \
    sluice_test_run_app (GTK_APPLICATION (sluice_application_new ()), func, NULL); \
  }
APP_TEST (identity)
APP_TEST (actions_and_accels)
APP_TEST (style_variant)
APP_TEST (one_window)
APP_TEST (quit_closes_windows)
APP_TEST (about)
#undef APP_TEST

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/application/identity", test_identity);
  g_test_add_func ("/sluice/application/actions-and-accels", test_actions_and_accels);
  g_test_add_func ("/sluice/application/style-variant", test_style_variant);
  g_test_add_func ("/sluice/application/one-window", test_one_window);
  g_test_add_func ("/sluice/application/quit-closes-windows", test_quit_closes_windows);
  g_test_add_func ("/sluice/application/about", test_about);

  return g_test_run ();
}
