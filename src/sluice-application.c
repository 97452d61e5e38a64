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
#include "sluice-connect-dialog.h"
#include "sluice-preferences-window.h"
#include "sluice-resources.h"
#include "sluice-settings.h"
#include "sluice-window.h"

struct _SluiceApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  SluiceAccountManager *accounts;

  /* From `sluice --connect`: shown in the Connect form once a window exists. */
  GVariant             *pending_connect;
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

static SluiceConnectDialog *
open_connect_dialog (SluiceApplication *self,
                     SluiceAccount     *account)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  SluiceConnectDialog *dialog;

  if (window == NULL)
    {
      window = GTK_WINDOW (sluice_window_new (self));
      gtk_window_present (window);
    }

  dialog = sluice_connect_dialog_new (window, self->accounts, account);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
sluice_application_connect_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  open_connect_dialog (user_data, NULL);
}

static void
sluice_application_sign_in_again_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  SluiceApplication *self = user_data;
  SluiceAccount *account = sluice_account_manager_get_active (self->accounts);

  open_connect_dialog (self, account);
}

static void
connect_with (SluiceApplication *self,
              GVariant          *options)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (options);
  const char *api_url = NULL, *issuer = NULL, *cognito = NULL, *client_id = NULL, *aws_endpoint = NULL;
  SluiceConnectDialog *dialog;

  g_variant_dict_lookup (dict, "connect", "&s", &api_url);
  g_variant_dict_lookup (dict, "issuer", "&s", &issuer);
  g_variant_dict_lookup (dict, "cognito-domain", "&s", &cognito);
  g_variant_dict_lookup (dict, "client-id", "&s", &client_id);
  g_variant_dict_lookup (dict, "aws-endpoint", "&s", &aws_endpoint);

  /* The same path a user takes: the form, filled in, and the browser sign-in started. */
  dialog = open_connect_dialog (self, NULL);
  sluice_connect_dialog_prefill (dialog, api_url,
                                 issuer ? SLUICE_SIGN_IN_PROVIDER_OIDC : SLUICE_SIGN_IN_PROVIDER_COGNITO,
                                 issuer ? issuer : cognito, client_id, aws_endpoint);
  sluice_connect_dialog_sign_in (dialog);
}

static void
sluice_application_connect_with_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  SluiceApplication *self = user_data;

  /* Before the first activation there is no window to put the form on: keep it for later. */
  if (gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
    {
      g_clear_pointer (&self->pending_connect, g_variant_unref);
      self->pending_connect = g_variant_ref (parameter);
      return;
    }

  connect_with (self, parameter);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_account_sign_out_finish (SLUICE_ACCOUNT (source), result, &error))
    g_warning ("%s", error->message);
}

static void
sluice_application_sign_out_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  SluiceApplication *self = user_data;
  SluiceAccount *account = sluice_account_manager_get_active (self->accounts);

  if (account != NULL)
    sluice_account_sign_out_async (account, NULL, sign_out_cb, g_object_ref (self));
}

/* Keeps the radio items of the account menu on the active account. */
static void
active_account_changed_cb (SluiceApplication *self)
{
  SluiceAccount *active = sluice_account_manager_get_active (self->accounts);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "switch-account");

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_string (active ? sluice_account_get_id (active) : ""));
}

static void
sluice_application_switch_account_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  SluiceApplication *self = user_data;
  SluiceAccount *account = sluice_account_manager_lookup (self->accounts, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (account == NULL)
    return;

  sluice_account_manager_set_active (self->accounts, account);
  g_simple_action_set_state (action, parameter);
  if (!sluice_account_manager_save (self->accounts, &error))
    g_warning ("%s", error->message);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = sluice_application_quit_action },
  { .name = "about", .activate = sluice_application_about_action },
  { .name = "preferences", .activate = sluice_application_preferences_action },
  { .name = "connect", .activate = sluice_application_connect_action },
  { .name = "sign-in-again", .activate = sluice_application_sign_in_again_action },
  { .name = "connect-with", .activate = sluice_application_connect_with_action, .parameter_type = "a{sv}" },
  { .name = "sign-out", .activate = sluice_application_sign_out_action },
  { .name = "switch-account", .activate = sluice_application_switch_account_action, .parameter_type = "s", .state = "''" },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.new-pipeline", { "<Control>n", NULL } },
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
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (sluice_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = sluice_settings_new ();

  /* A small key file: reading it is cheap. The keyring is only asked once a window is shown. */
  self->accounts = sluice_account_manager_new (NULL);
  if (!sluice_account_manager_load (self->accounts, &error))
    g_warning ("%s", error->message);

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

  g_signal_connect_object (self->accounts, "notify::active",
                           G_CALLBACK (active_account_changed_cb), self, G_CONNECT_SWAPPED);
  active_account_changed_cb (self);

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

  SluiceApplication *self = SLUICE_APPLICATION (app);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (sluice_window_new (SLUICE_APPLICATION (app)));

  gtk_window_present (window);

  if (self->pending_connect != NULL)
    {
      g_autoptr(GVariant) options = g_steal_pointer (&self->pending_connect);

      connect_with (self, options);
    }
}

static int
sluice_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) connect = NULL;
  const char *api_url = NULL, *issuer = NULL, *cognito = NULL, *client_id = NULL;

  if (!g_variant_dict_lookup (options, "connect", "&s", &api_url))
    return -1;

  g_variant_dict_lookup (options, "issuer", "&s", &issuer);
  g_variant_dict_lookup (options, "cognito-domain", "&s", &cognito);
  g_variant_dict_lookup (options, "client-id", "&s", &client_id);
  if ((issuer == NULL && cognito == NULL) || client_id == NULL)
    {
      g_printerr ("%s\n", _("--connect needs --issuer (or --cognito-domain) and --client-id."));
      return 2;
    }

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Goes to the running Sluice if there is one, which then shows its Connect form. */
  connect = g_variant_ref_sink (g_variant_dict_end (options));
  g_action_group_activate_action (G_ACTION_GROUP (app), "connect-with", connect);

  return g_application_get_is_remote (app) ? 0 : -1;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
sluice_application_dispose (GObject *object)
{
  SluiceApplication *self = SLUICE_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->pending_connect, g_variant_unref);

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
  app_class->handle_local_options = sluice_application_handle_local_options;
}

static const GOptionEntry option_entries[] = {
  { "connect", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fill in the Connect form with this data.all API URL and sign in"), N_("API_URL") },
  { "issuer", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The OpenID Connect issuer to sign in with"), N_("URL") },
  { "cognito-domain", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The Cognito domain to sign in with"), N_("DOMAIN") },
  { "client-id", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The client ID of data.all’s web app client"), N_("ID") },
  { "aws-endpoint", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("An endpoint to use instead of AWS’s (for CodeCommit and CodePipeline)"), N_("URL") },
  { NULL }
};

static void
sluice_application_init (SluiceApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Create, clone and deploy data.all pipelines."));
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

/**
 * sluice_application_get_account_manager:
 * @self: a #SluiceApplication
 *
 * Returns: (transfer none) (nullable): the user's data.all accounts, once started up
 */
SluiceAccountManager *
sluice_application_get_account_manager (SluiceApplication *self)
{
  g_return_val_if_fail (SLUICE_IS_APPLICATION (self), NULL);

  return self->accounts;
}
