/* sluice-window.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-settings.h"
#include "sluice-window.h"

struct _SluiceWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  AdwWindowTitle       *content_title;
};

G_DEFINE_FINAL_TYPE (SluiceWindow, sluice_window, ADW_TYPE_APPLICATION_WINDOW)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
select_sidebar_row_for_page (SluiceWindow *self,
                             const char   *page)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), page) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, row);
          return;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
sidebar_row_activated_cb (SluiceWindow  *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  sluice_window_set_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
stack_visible_child_cb (SluiceWindow *self,
                        GParamSpec   *pspec,
                        GtkStack     *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  const char *title = child ? gtk_stack_page_get_title (gtk_stack_get_page (stack, child)) : NULL;

  adw_window_title_set_title (self->content_title, title ? title : "");
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluiceWindow *self = SLUICE_WINDOW (widget);

  sluice_window_set_page (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
navigate_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SluiceWindow *self = SLUICE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ------------------------------------------------------------------------ */
/* GtkWindow                                                                */
/* ------------------------------------------------------------------------ */

static gboolean
sluice_window_close_request (GtkWindow *window)
{
  SluiceWindow *self = SLUICE_WINDOW (window);
  SluiceWindowState state = { 0 };

  gtk_window_get_default_size (window, &state.width, &state.height);
  state.maximized = gtk_window_is_maximized (window);
  sluice_settings_set_window_state (self->settings, &state);

  return GTK_WINDOW_CLASS (sluice_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
sluice_window_dispose (GObject *object)
{
  SluiceWindow *self = SLUICE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_WINDOW);

  G_OBJECT_CLASS (sluice_window_parent_class)->dispose (object);
}

static void
sluice_window_finalize (GObject *object)
{
  SluiceWindow *self = SLUICE_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sluice_window_parent_class)->finalize (object);
}

static void
sluice_window_class_init (SluiceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sluice_window_dispose;
  object_class->finalize = sluice_window_finalize;

  window_class->close_request = sluice_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sluice-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, content_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_action);
}

static void
sluice_window_init (SluiceWindow *self)
{
  SluiceWindowState state;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_status_page_set_icon_name (self->welcome_page, "sluice-symbolic");

  self->settings = sluice_settings_new ();
  sluice_settings_get_window_state (self->settings, &state);
  gtk_window_set_default_size (GTK_WINDOW (self), state.width, state.height);
  if (state.maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  select_sidebar_row_for_page (self, "pipelines");
  stack_visible_child_cb (self, NULL, self->stack);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

SluiceWindow *
sluice_window_new (SluiceApplication *application)
{
  g_return_val_if_fail (SLUICE_IS_APPLICATION (application), NULL);

  return g_object_new (SLUICE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * sluice_window_get_page:
 * @self: a #SluiceWindow
 *
 * Returns: (transfer none): the name of the page shown in the content area
 */
const char *
sluice_window_get_page (SluiceWindow *self)
{
  g_return_val_if_fail (SLUICE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
sluice_window_set_page (SluiceWindow *self,
                        const char   *page)
{
  g_return_if_fail (SLUICE_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (gtk_stack_get_child_by_name (self->stack, page) == NULL)
    {
      g_warning ("No page named “%s”", page);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  select_sidebar_row_for_page (self, page);
}
