/* sluice-test-utils.c: helpers for tests that build widgets
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-core-resources.h"
#include "sluice-resources.h"
#include "sluice-test-utils.h"

void
sluice_test_init_ui (int    *argc,
                     char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The resources register themselves from constructors; referencing them keeps the linker
   * from dropping them from the static libraries. */
  g_assert_nonnull (sluice_core_get_resource ());
  g_assert_nonnull (sluice_get_resource ());
}

static gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Lets a shown widget reach the screen and finish any pending layout and drawing. */
void
sluice_test_flush_widget (GtkWidget *widget)
{
  if (gtk_widget_get_visible (gtk_widget_get_root (widget) ? GTK_WIDGET (gtk_widget_get_root (widget)) : widget))
    g_assert_true (sluice_test_wait_for (widget_is_mapped, widget, 5000));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (gtk_widget_get_mapped (widget))
    gtk_test_widget_wait_for_draw (widget);
}

static const char *
widget_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  /* An icon button is known by its tooltip, which is also its accessible name. */
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget)) ?: gtk_widget_get_tooltip_text (widget);
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_WINDOW_TITLE (widget))
    return adw_window_title_get_title (ADW_WINDOW_TITLE (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return NULL;
}

/**
 * sluice_test_find_widget:
 * @root: where to start
 * @type: the type to look for
 * @label: (nullable): the label, inscription text, button label (or icon button tooltip), row
 *   title or status page title it must have
 *
 * Returns: (transfer none) (nullable): the first descendant of @root, depth first, that matches
 */
GtkWidget *
sluice_test_find_widget (GtkWidget  *root,
                         GType       type,
                         const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || g_strcmp0 (widget_label (root), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sluice_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  SluiceTestAppFunc func;
  gpointer          user_data;
  gboolean          ran;
} RunApp;

static void
run_app_activate_cb (GtkApplication *app,
                     RunApp         *run)
{
  GList *windows;

  /* The body may activate the application again, as a second launch would. */
  g_signal_handlers_disconnect_by_func (app, run_app_activate_cb, run);

  run->func (app, run->user_data);
  run->ran = TRUE;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
}

/**
 * sluice_test_run_app:
 * @app: (transfer full): the application to run
 * @func: the test body, called once the application has started and activated
 * @user_data: data for @func
 *
 * Runs @app as main() would, so that it starts up and shuts down for real, calls @func
 * after the application's own activation, closes every window and checks that the
 * application is finalized once it has quit.
 */
void
sluice_test_run_app (GtkApplication    *app,
                     SluiceTestAppFunc  func,
                     gpointer           user_data)
{
  RunApp run = { func, user_data, FALSE };

  /* Tests must not find or become a running Sluice on the session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (run_app_activate_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (run.ran);
  g_assert_finalize_object (app);
}

/**
 * sluice_test_save_screenshot:
 * @window: a shown window
 * @name: the PNG's file name
 *
 * Saves what @window shows, once its transitions ended, into $SLUICE_SCREENSHOT_DIR (nothing
 * when unset).
 */
void
sluice_test_save_screenshot (GtkWidget  *window,
                             const char *name)
{
  const char *dir = g_getenv ("SLUICE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width;
  int height;

  if (dir == NULL)
    return;
  /* Let crossfades and slides end: a screenshot shows what a person sees once it settled. */
  sluice_test_iterate (800);
  sluice_test_flush_widget (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/**
 * sluice_test_find_toplevel:
 * @type: a window type, or an interface windows may have (GTK_TYPE_FILE_CHOOSER)
 *
 * Returns: (transfer none) (nullable): the last shown toplevel of @type, %NULL if none is
 *   visible
 */
GtkWindow *
sluice_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        found = GTK_WINDOW (toplevel);
    }
  return found;
}
