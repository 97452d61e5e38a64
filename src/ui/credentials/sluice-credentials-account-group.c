/* sluice-credentials-account-group.c: the data.all sign-in on the Credentials page
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-account-group"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-credentials-account-group.h"
#include "sluice-credentials-utils-private.h"
#include "sluice-pipeline-picker.h"
#include "sluice-toast.h"

struct _SluiceCredentialsAccountGroup
{
  AdwPreferencesGroup   parent_instance;

  SluiceAccountManager *manager;
  SluiceAccount        *account;          /* the active account */
  GSignalGroup         *account_signals;
  GCancellable         *cancellable;      /* cancelled on dispose */

  /* Template widgets */
  AdwActionRow         *account_row;
  AdwAvatar            *account_avatar;
  GtkButton            *sign_out_button;
  AdwActionRow         *pipeline_row;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsAccountGroup, sluice_credentials_account_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ACCOUNT_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CREDENTIALS_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static GtkWindow *
parent_window (SluiceCredentialsAccountGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update (SluiceCredentialsAccountGroup *self)
{
  SluiceAccount *account = self->account;
  gboolean signed_in = account != NULL && sluice_account_get_state (account) == SLUICE_ACCOUNT_SIGNED_IN;
  const char *email = account != NULL ? sluice_account_get_email (account) : NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.get-for-pipeline", signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), signed_in);

  if (account == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), _("Not Connected"));
      adw_action_row_set_subtitle (self->account_row, _("Connect to data.all on the Pipelines page."));
      adw_avatar_set_text (self->account_avatar, NULL);
      adw_action_row_set_subtitle (self->pipeline_row, _("Connect to data.all first."));
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), sluice_account_get_name (account));
  adw_avatar_set_text (self->account_avatar, email != NULL ? email : sluice_account_get_name (account));
  switch (sluice_account_get_state (account))
    {
    case SLUICE_ACCOUNT_SIGNED_IN:
      /* Translators: %s is an e-mail address */
      subtitle = g_strdup_printf (_("Signed in as %s"), email != NULL ? email : _("an unknown user"));
      break;
    case SLUICE_ACCOUNT_SIGNING_IN:
      subtitle = g_strdup (_("Signing in…"));
      break;
    case SLUICE_ACCOUNT_SIGNED_OUT:
    default:
      subtitle = g_strdup (_("Signed out"));
      break;
    }
  adw_action_row_set_subtitle (self->account_row, subtitle);
  adw_action_row_set_subtitle (self->pipeline_row,
                               signed_in ? _("Short-lived keys of the pipeline’s CI/CD account, renewed when they expire")
                                         : _("Sign in to data.all first."));
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks and actions                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
active_account_changed_cb (SluiceCredentialsAccountGroup *self)
{
  SluiceAccount *account = self->manager ? sluice_account_manager_get_active (self->manager) : NULL;

  g_set_object (&self->account, account);
  g_signal_group_set_target (self->account_signals, account);
  update (self);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceCredentialsAccountGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_account_sign_out_finish (SLUICE_ACCOUNT (source), result, &error))
    {
      _sluice_credentials_show_error (GTK_WIDGET (self), _("Could Not Sign Out"), error);
      return;
    }
  sluice_toast_show (GTK_WIDGET (self), _("Signed out of data.all"));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SluiceCredentialsAccountGroup *self = SLUICE_CREDENTIALS_ACCOUNT_GROUP (widget);

  if (self->account != NULL)
    sluice_account_sign_out_async (self->account, self->cancellable, sign_out_cb, g_object_ref (self));
}

static void
picker_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SluiceCredentialsAccountGroup) self = user_data;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autofree char *message = NULL;

  /* The picker stays open on a failure: the only other end is the user's Cancel. */
  credentials = sluice_pipeline_picker_run_finish (SLUICE_PIPELINE_PICKER (source), result, NULL);
  if (credentials == NULL)
    return;

  /* Translators: %s is the name of a credential set */
  message = g_strdup_printf (_("Credentials “%s” are ready"), _sluice_credentials_name_of (credentials));
  sluice_toast_show (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[SIGNAL_CREDENTIALS_READY], 0, credentials);
}

static void
get_for_pipeline_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SluiceCredentialsAccountGroup *self = SLUICE_CREDENTIALS_ACCOUNT_GROUP (widget);

  if (self->account != NULL)
    sluice_pipeline_picker_run_async (sluice_pipeline_picker_new (self->account), parent_window (self),
                                      self->cancellable, picker_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_account_group_dispose (GObject *object)
{
  SluiceCredentialsAccountGroup *self = SLUICE_CREDENTIALS_ACCOUNT_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  g_clear_object (&self->account_signals);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREDENTIALS_ACCOUNT_GROUP);

  G_OBJECT_CLASS (sluice_credentials_account_group_parent_class)->dispose (object);
}

static void
sluice_credentials_account_group_finalize (GObject *object)
{
  SluiceCredentialsAccountGroup *self = SLUICE_CREDENTIALS_ACCOUNT_GROUP (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sluice_credentials_account_group_parent_class)->finalize (object);
}

static void
sluice_credentials_account_group_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  SluiceCredentialsAccountGroup *self = SLUICE_CREDENTIALS_ACCOUNT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_MANAGER:
      g_value_set_object (value, self->manager);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_account_group_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  SluiceCredentialsAccountGroup *self = SLUICE_CREDENTIALS_ACCOUNT_GROUP (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_MANAGER:
      sluice_credentials_account_group_set_account_manager (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_account_group_class_init (SluiceCredentialsAccountGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_credentials_account_group_dispose;
  object_class->finalize = sluice_credentials_account_group_finalize;
  object_class->get_property = sluice_credentials_account_group_get_property;
  object_class->set_property = sluice_credentials_account_group_set_property;

  /**
   * SluiceCredentialsAccountGroup:account-manager:
   *
   * The accounts whose active one the group shows.
   */
  properties[PROP_ACCOUNT_MANAGER] =
    g_param_spec_object ("account-manager", NULL, NULL, SLUICE_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceCredentialsAccountGroup::credentials-ready:
   * @credentials: what data.all gave, stored in the keyring
   *
   * A pipeline's keys are in the keyring now.
   */
  signals[SIGNAL_CREDENTIALS_READY] =
    g_signal_new ("credentials-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SLUICE_TYPE_AWS_CREDENTIALS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-account-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsAccountGroup, account_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsAccountGroup, account_avatar);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsAccountGroup, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsAccountGroup, pipeline_row);

  gtk_widget_class_install_action (widget_class, "credentials.get-for-pipeline", NULL, get_for_pipeline_action);
  gtk_widget_class_install_action (widget_class, "credentials.sign-out", NULL, sign_out_action);
}

static void
sluice_credentials_account_group_init (SluiceCredentialsAccountGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->account_signals = g_signal_group_new (SLUICE_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::state", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::email", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::name", G_CALLBACK (update), self);

  update (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_credentials_account_group_get_account_manager:
 *
 * Returns: (transfer none) (nullable): the accounts whose active one the group shows
 */
SluiceAccountManager *
sluice_credentials_account_group_get_account_manager (SluiceCredentialsAccountGroup *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_ACCOUNT_GROUP (self), NULL);

  return self->manager;
}

void
sluice_credentials_account_group_set_account_manager (SluiceCredentialsAccountGroup *self,
                                                      SluiceAccountManager          *manager)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_ACCOUNT_GROUP (self));
  g_return_if_fail (manager == NULL || SLUICE_IS_ACCOUNT_MANAGER (manager));

  if (self->manager == manager)
    return;

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  if (manager != NULL)
    g_signal_connect_object (manager, "notify::active", G_CALLBACK (active_account_changed_cb), self,
                             G_CONNECT_SWAPPED);
  active_account_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_MANAGER]);
}
