/* test-window.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-application.h"
#include "sluice-settings.h"
#include "sluice-test-utils.h"
#include "sluice-window.h"

static SluiceWindow *
main_window (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  g_assert_true (SLUICE_IS_WINDOW (window));
  sluice_test_flush_widget (GTK_WIDGET (window));
  return SLUICE_WINDOW (window);
}

/* The sections list: the first list box in the sidebar (pages have lists of their own). */
static GtkWidget *
sidebar_list (SluiceWindow *window)
{
  GtkWidget *leaflet = sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (leaflet); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), "sidebar") == 0)
      return sluice_test_find_widget (child, GTK_TYPE_LIST_BOX, NULL);
  g_assert_not_reached ();
}

static void
sidebar (GtkApplication *app,
         gpointer        data)
{
  SluiceWindow *window = main_window (app);
  GtkWidget *list = sidebar_list (window);
  GtkListBoxRow *row0, *row1;

  g_assert_nonnull (list);
  row0 = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  row1 = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_nonnull (row0);
  g_assert_nonnull (row1);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row0)), ==, "pipelines");
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row1)), ==, "credentials");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (row0), GTK_TYPE_LABEL, "Pipelines"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (row1), GTK_TYPE_LABEL, "Credentials"));

  /* Rows are named after their visible label for assistive technologies. */
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row0), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       sluice_test_find_widget (GTK_WIDGET (row0), GTK_TYPE_LABEL, "Pipelines"),
                                       NULL);

  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == row0);
  g_assert_cmpstr (sluice_window_get_page (window), ==, "pipelines");
}

static void
welcome_page (GtkApplication *app,
              gpointer        data)
{
  SluiceWindow *window = main_window (app);
  GtkWidget *status = sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "Connect to data.all");
  GtkWidget *button;

  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==, "sluice-symbolic");

  button = sluice_test_find_widget (status, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_nonnull (sluice_test_find_widget (button, GTK_TYPE_LABEL, "_Connect to data.all…"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.connect");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
show_page_action (GtkApplication *app,
                  gpointer        data)
{
  SluiceWindow *window = main_window (app);
  GtkWidget *list = sidebar_list (window);
  GtkListBoxRow *selected;

  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "Pipelines"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "credentials"));
  g_assert_cmpstr (sluice_window_get_page (window), ==, "credentials");
  /* The content's header bar names the page shown. */
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "Credentials"));
  selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (selected)), ==, "credentials");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pipelines"));
  g_assert_cmpstr (sluice_window_get_page (window), ==, "pipelines");

  g_test_expect_message ("sluice-window", G_LOG_LEVEL_WARNING, "No page named*");
  sluice_window_set_page (window, "nonsense");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (sluice_window_get_page (window), ==, "pipelines");
}

static void
sidebar_row_activation (GtkApplication *app,
                        gpointer        data)
{
  SluiceWindow *window = main_window (app);
  GtkWidget *list = sidebar_list (window);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (sluice_window_get_page (window), ==, "credentials");
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "No Credentials Yet"));
}

static void
narrow_window_navigates (GtkApplication *app,
                         gpointer        data)
{
  SluiceWindow *window = main_window (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 500);
  sluice_test_flush_widget (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Picking a section shows its content; Back (Alt+Left) returns to the sections. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "credentials"));
  g_assert_cmpstr (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)), ==, "content");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.navigate-back", NULL));
  g_assert_cmpstr (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)), ==, "sidebar");
}

static void
wide_window_shows_both (GtkApplication *app,
                        gpointer        data)
{
  SluiceWindow *window = main_window (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (sluice_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));

  sluice_test_flush_widget (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
}

static void
window_state_restored (GtkApplication *app,
                       gpointer        data)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();
  SluiceWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 1000, 640);
  window = g_object_ref (sluice_window_new (SLUICE_APPLICATION (app)));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_settings_reset (settings, "window-size");
}

static void
window_state_saved (GtkApplication *app,
                    gpointer        data)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();
  SluiceWindow *window = main_window (app);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  sluice_test_flush_widget (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_settings_reset (settings, "window-size");
}

static void
help_overlay (GtkApplication *app,
              gpointer        data)
{
  /* GtkApplication loads gtk/help-overlay.ui from the resource base path. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (main_window (app))));
}

static void
window_finalizes (GtkApplication *app,
                  gpointer        data)
{
  SluiceWindow *window = g_object_ref (sluice_window_new (SLUICE_APPLICATION (app)));

  gtk_window_present (GTK_WINDOW (window));
  sluice_test_flush_widget (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

#define APP_TEST(func)                                                             \
  static void test_##func (void)                                                   \
  {                                                                                \
    sluice_test_run_app (GTK_APPLICATION (sluice_application_new ()), func, NULL); \
  }
APP_TEST (sidebar)
APP_TEST (welcome_page)
APP_TEST (show_page_action)
APP_TEST (sidebar_row_activation)
APP_TEST (narrow_window_navigates)
APP_TEST (wide_window_shows_both)
APP_TEST (window_state_restored)
APP_TEST (window_state_saved)
APP_TEST (help_overlay)
APP_TEST (window_finalizes)
#undef APP_TEST

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/window/sidebar", test_sidebar);
  g_test_add_func ("/sluice/window/welcome-page", test_welcome_page);
  g_test_add_func ("/sluice/window/show-page-action", test_show_page_action);
  g_test_add_func ("/sluice/window/sidebar-row-activation", test_sidebar_row_activation);
  g_test_add_func ("/sluice/window/narrow-window-navigates", test_narrow_window_navigates);
  g_test_add_func ("/sluice/window/wide-window-shows-both", test_wide_window_shows_both);
  g_test_add_func ("/sluice/window/window-state-restored", test_window_state_restored);
  g_test_add_func ("/sluice/window/window-state-saved", test_window_state_saved);
  g_test_add_func ("/sluice/window/help-overlay", test_help_overlay);
  g_test_add_func ("/sluice/window/window-finalizes", test_window_finalizes);

  return g_test_run ();
}
