/* sluice-application.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-application.h"
#include "sluice-preferences-window.h"
#include "sluice-resources.h"
#include "sluice-settings.h"
#include "sluice-window.h"

struct _SluiceApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (SluiceApplication, sluice_application, ADW_TYPE_APPLICATION)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
apply_style_variant (SluiceApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  switch (sluice_settings_get_style_variant (self->settings))
    {
    case SLUICE_STYLE_VARIANT_LIGHT:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case SLUICE_STYLE_VARIANT_DARK:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    case SLUICE_STYLE_VARIANT_DEFAULT:
    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  /* Setting the scheme reloads every style sheet, even to the same value: a cost start-up
   * need not pay when the user follows the system. */
  if (adw_style_manager_get_color_scheme (style_manager) != scheme)
    adw_style_manager_set_color_scheme (style_manager, scheme);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
style_variant_changed_cb (SluiceApplication *self,
                          const char        *key,
                          GSettings         *settings)
{
  apply_style_variant (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
sluice_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SluiceApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows rather than quitting outright, so that each one saves its state. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
sluice_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = { "The Sluice authors", NULL };
  SluiceApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Sluice"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Sluice authors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Create, clone and deploy data.all pipelines"),
                        "website", "https://github.com/sluice/sluice",
                        "issue-url", "https://github.com/sluice/sluice/issues",
                        "copyright", "© 2026 The Sluice authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
sluice_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  SluiceApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  SluicePreferencesWindow *preferences;

  preferences = sluice_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = sluice_application_quit_action },
  { .name = "about", .activate = sluice_application_about_action },
  { .name = "preferences", .activate = sluice_application_preferences_action },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-page::pipelines", { "<Control>1", NULL } },
  { "win.show-page::credentials", { "<Control>2", NULL } },
  { "win.navigate-back", { "<Alt>Left", NULL } },
};

/* ------------------------------------------------------------------------ */
/* GApplication                                                             */
/* ------------------------------------------------------------------------ */

static void
sluice_application_startup (GApplication *app)
{
  SluiceApplication *self = SLUICE_APPLICATION (app);
  g_autoptr(GAction) style_action = NULL;

  G_APPLICATION_CLASS (sluice_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = sluice_settings_new ();
  g_signal_connect_object (self->settings,
                           "changed::style-variant",
                           G_CALLBACK (style_variant_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  apply_style_variant (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  style_action = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (self), style_action);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
sluice_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (sluice_window_new (SLUICE_APPLICATION (app)));

  gtk_window_present (window);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
sluice_application_dispose (GObject *object)
{
  SluiceApplication *self = SLUICE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sluice_application_parent_class)->dispose (object);
}

static void
sluice_application_class_init (SluiceApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sluice_application_dispose;

  app_class->startup = sluice_application_startup;
  app_class->activate = sluice_application_activate;
}

static void
sluice_application_init (SluiceApplication *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

SluiceApplication *
sluice_application_new (void)
{
  /* The resources register themselves from a constructor; referencing them keeps the linker
   * from dropping them from the static library. */
  g_assert (sluice_get_resource () != NULL);

  /* The resource base path is fixed so that the .Devel build finds the same resources. */
  return g_object_new (SLUICE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * sluice_application_get_settings:
 * @self: a #SluiceApplication
 *
 * Returns: (transfer none) (nullable): the application's settings, once it has started up
 */
GSettings *
sluice_application_get_settings (SluiceApplication *self)
{
  g_return_val_if_fail (SLUICE_IS_APPLICATION (self), NULL);

  return self->settings;
}
