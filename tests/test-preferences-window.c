/* test-preferences-window.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-application.h"
#include "sluice-preferences-window.h"
#include "sluice-test-utils.h"

static GtkWidget *
check_button_of_row (GtkWidget  *root,
                     const char *title)
{
  GtkWidget *row = sluice_test_find_widget (root, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return sluice_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
}

static void
appearance_choices (GtkApplication *app,
                    gpointer        data)
{
  GtkWindow *main_window = gtk_application_get_active_window (app);
  SluicePreferencesWindow *prefs = g_object_ref_sink (sluice_preferences_window_new (main_window));
  GtkWidget *root = GTK_WIDGET (prefs);
  GtkWidget *follow, *light, *dark;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_window_present (GTK_WINDOW (prefs));
  sluice_test_flush_widget (root);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == main_window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (prefs)));

  follow = check_button_of_row (root, "_Follow System Style");
  light = check_button_of_row (root, "_Light");
  dark = check_button_of_row (root, "_Dark");
  g_assert_nonnull (follow);
  g_assert_nonnull (light);
  g_assert_nonnull (dark);

  /* The three behave as one radio group bound to the setting. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (follow)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (dark)));

  gtk_widget_activate (dark);
  sluice_test_flush_widget (root);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dark)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (follow)));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  gtk_widget_activate (light);
  sluice_test_flush_widget (root);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (light)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (dark)));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_widget_activate (follow);
  sluice_test_flush_widget (root);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Every choice is named for assistive technologies by its visible row title. */
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dark), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       sluice_test_find_widget (gtk_widget_get_ancestor (dark, ADW_TYPE_ACTION_ROW),
                                                                GTK_TYPE_LABEL, "_Dark"),
                                       NULL);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_finalize_object (prefs);
}

static void
action_opens_window (GtkApplication *app,
                     gpointer        data)
{
  SluicePreferencesWindow *prefs = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (SLUICE_IS_PREFERENCES_WINDOW (toplevel))
        prefs = SLUICE_PREFERENCES_WINDOW (toplevel);
    }

  g_assert_nonnull (prefs);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs)));

  /* Closing it (Escape is bound to window.close) destroys it. */
  g_object_ref (prefs);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "window.close", NULL));
  sluice_test_flush_widget (GTK_WIDGET (prefs));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prefs)));
  g_assert_finalize_object (prefs);
}

#define APP_TEST(func)                                                             \
  static void test_##func (void)                                                   \
  {                                                                                \
    sluice_test_run_app (GTK_APPLICATION (sluice_application_new ()), func, NULL); \
  }
APP_TEST (appearance_choices)
APP_TEST (action_opens_window)
#undef APP_TEST

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/preferences-window/appearance-choices", test_appearance_choices);
  g_test_add_func ("/sluice/preferences-window/action-opens-window", test_action_opens_window);

  return g_test_run ();
}
