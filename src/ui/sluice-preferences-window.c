/* sluice-preferences-window.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-preferences-window.h"

struct _SluicePreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (SluicePreferencesWindow, sluice_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sluice_preferences_window_class_init (SluicePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/sluice-preferences-window.ui");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sluice_preferences_window_init (SluicePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SluicePreferencesWindow *
sluice_preferences_window_new (GtkWindow *transient_for)
{
  g_return_val_if_fail (!transient_for || GTK_IS_WINDOW (transient_for), NULL);

  /* The window must belong to the application for its app.* actions to resolve. */
  return g_object_new (SLUICE_TYPE_PREFERENCES_WINDOW,
                       "application", transient_for ? gtk_window_get_application (transient_for) : NULL,
                       "transient-for", transient_for,
                       "modal", transient_for != NULL,
                       NULL);
}
