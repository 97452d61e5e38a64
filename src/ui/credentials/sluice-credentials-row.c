/* sluice-credentials-row.c: one credential set in the Credentials page's list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-credentials-utils-private.h"
#include "sluice-credentials-row.h"

struct _SluiceCredentialsRow
{
  AdwExpanderRow        parent_instance;

  SluiceAwsCredentials *credentials;
  guint                 tick_id;          /* the countdown, while the row is on screen */

  /* Template widgets */
  GtkMenuButton        *menu_button;
  AdwActionRow         *key_row;
  AdwActionRow         *secret_row;
  GtkToggleButton      *secret_toggle;
  AdwActionRow         *token_row;
  GtkToggleButton      *token_toggle;
  AdwActionRow         *account_row;
  AdwActionRow         *region_row;
  AdwActionRow         *pipeline_row;
  AdwActionRow         *repository_row;
  AdwActionRow         *expires_row;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsRow, sluice_credentials_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CREDENTIALS,
  PROP_SECRETS_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

static const char *
kind_label (SluiceAwsCredentials *credentials)
{
  if (sluice_aws_credentials_get_kind (credentials) == SLUICE_AWS_CREDENTIALS_KIND_SESSION)
    return _("Session keys");
  return _("Long-term keys");
}

static char *
format_countdown (SluiceAwsCredentials *credentials,
                  GDateTime            *now)
{
  gint64 left;

  if (sluice_aws_credentials_get_expiration (credentials) == NULL)
    return NULL;

  left = sluice_aws_credentials_get_seconds_left (credentials, now);
  if (left <= 0)
    return g_strdup (_("Expired"));

  if (sluice_aws_credentials_get_expiration_estimated (credentials))
    {
      if (left >= 3600)
        /* Translators: a countdown to an estimated expiry: hours and minutes */
        return g_strdup_printf (_("Expires in about %d h %02d min"), (int) (left / 3600), (int) (left % 3600 / 60));
      /* Translators: a countdown to an estimated expiry: minutes:seconds */
      return g_strdup_printf (_("Expires in about %d:%02d"), (int) (left / 60), (int) (left % 60));
    }

  if (left >= 3600)
    /* Translators: a countdown: hours and minutes */
    return g_strdup_printf (_("Expires in %d h %02d min"), (int) (left / 3600), (int) (left % 3600 / 60));
  /* Translators: a countdown: minutes:seconds */
  return g_strdup_printf (_("Expires in %d:%02d"), (int) (left / 60), (int) (left % 60));
}

static void
update_subtitle (SluiceCredentialsRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *account = sluice_aws_credentials_get_aws_account_id (self->credentials);
  char *countdown;

  g_ptr_array_add (parts, g_strdup (kind_label (self->credentials)));
  if (!is_empty (account))
    /* Translators: %s is a 12-digit AWS account ID */
    g_ptr_array_add (parts, g_strdup_printf (_("AWS account %s"), account));
  countdown = format_countdown (self->credentials, now);
  if (countdown != NULL)
    g_ptr_array_add (parts, countdown);
  g_ptr_array_add (parts, NULL);

  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

/* A detail row shows only when there is something to show. */
static void
set_detail (AdwActionRow *row,
            const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (value));
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static const char *
secret_of (SluiceCredentialsRow *self,
           GtkToggleButton      *toggle)
{
  return toggle == self->secret_toggle ? sluice_aws_credentials_get_secret_access_key (self->credentials)
                                       : sluice_aws_credentials_get_session_token (self->credentials);
}

/* The secret is shown while its toggle is on, masked otherwise. */
static void
show_secret (SluiceCredentialsRow *self,
             GtkToggleButton      *toggle)
{
  gboolean shown = gtk_toggle_button_get_active (toggle);
  gboolean is_key = toggle == self->secret_toggle;
  AdwActionRow *row = is_key ? self->secret_row : self->token_row;
  const char *secret = secret_of (self, toggle);
  g_autofree char *masked = NULL;
  const char *label;

  if (is_key)
    label = shown ? _("Hide Secret Access Key") : _("Show Secret Access Key");
  else
    label = shown ? _("Hide Session Token") : _("Show Session Token");

  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (secret));
  if (!is_empty (secret))
    masked = sluice_aws_credentials_mask (secret);
  adw_action_row_set_subtitle (row, shown && secret != NULL ? secret : masked != NULL ? masked : "");
  gtk_button_set_icon_name (GTK_BUTTON (toggle), shown ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (toggle), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
append_item (GMenu      *section,
             const char *label,
             const char *action,
             const char *name)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", name);
  g_menu_append_item (section, item);
}

/* The page's actions, aimed at this credential set by its name. */
static GMenuModel *
row_menu (const char *name)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) change = g_menu_new ();

  append_item (copy, _("Copy as _Environment Variables"), "credentials.copy-env", name);
  append_item (copy, _("Copy as _JSON"), "credentials.copy-json", name);
  append_item (copy, _("E_xport to an AWS Profile…"), "credentials.export", name);
  append_item (change, _("_Edit…"), "credentials.edit", name);
  append_item (change, _("_Delete…"), "credentials.delete", name);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (change));

  return G_MENU_MODEL (menu);
}

static void
fill (SluiceCredentialsRow *self)
{
  SluiceAwsCredentials *credentials = self->credentials;
  const char *name = _sluice_credentials_name_of (credentials);
  GDateTime *expiration = sluice_aws_credentials_get_expiration (credentials);
  g_autoptr(GMenuModel) menu = row_menu (name);
  g_autofree char *actions_label = NULL;
  g_autofree char *expires = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  update_subtitle (self);

  gtk_menu_button_set_menu_model (self->menu_button, menu);
  /* Translators: the tooltip and accessible name of a credential set's menu button; %s is its name */
  actions_label = g_strdup_printf (_("Actions for “%s”"), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), actions_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, actions_label, -1);

  if (expiration != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (expiration);
      g_autofree char *when = g_date_time_format (local, "%c");

      if (sluice_aws_credentials_get_expiration_estimated (credentials))
        /* Translators: %s is a date and time; data.all does not say when its keys expire */
        expires = g_strdup_printf (_("About %s (estimated: data.all’s keys last one hour)"), when);
      else
        expires = g_steal_pointer (&when);
    }

  set_detail (self->key_row, sluice_aws_credentials_get_access_key_id (credentials));
  show_secret (self, self->secret_toggle);
  show_secret (self, self->token_toggle);
  set_detail (self->account_row, sluice_aws_credentials_get_aws_account_id (credentials));
  set_detail (self->region_row, sluice_aws_credentials_get_region (credentials));
  set_detail (self->pipeline_row, sluice_aws_credentials_get_pipeline_uri (credentials));
  set_detail (self->repository_row, sluice_aws_credentials_get_repository (credentials));
  set_detail (self->expires_row, expires);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
secret_toggled_cb (SluiceCredentialsRow *self,
                   GtkToggleButton      *toggle)
{
  if (self->credentials == NULL)
    return;
  show_secret (self, toggle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECRETS_SHOWN]);
}

static void
expanded_cb (SluiceCredentialsRow *self)
{
  /* Closing a row hides its secrets again. */
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    sluice_credentials_row_hide_secrets (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_subtitle (user_data);

  return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------------------------------ */
/* GtkWidget                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/* The countdown runs only while someone can see it. */
static void
sluice_credentials_row_map (GtkWidget *widget)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (widget);

  GTK_WIDGET_CLASS (sluice_credentials_row_parent_class)->map (widget);

  if (self->tick_id == 0 && sluice_aws_credentials_get_expiration (self->credentials) != NULL)
    {
      update_subtitle (self);
      self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
    }
}

static void
sluice_credentials_row_unmap (GtkWidget *widget)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (widget);

  /* Leaving the page hides every secret again. */
  sluice_credentials_row_hide_secrets (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sluice_credentials_row_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_row_constructed (GObject *object)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (object);

  G_OBJECT_CLASS (sluice_credentials_row_parent_class)->constructed (object);

  g_return_if_fail (self->credentials != NULL);
  fill (self);
}

static void
sluice_credentials_row_dispose (GObject *object)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREDENTIALS_ROW);

  G_OBJECT_CLASS (sluice_credentials_row_parent_class)->dispose (object);
}

static void
sluice_credentials_row_finalize (GObject *object)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (object);

  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (sluice_credentials_row_parent_class)->finalize (object);
}

static void
sluice_credentials_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      g_value_set_object (value, self->credentials);
      break;
    case PROP_SECRETS_SHOWN:
      g_value_set_boolean (value, sluice_credentials_row_get_secrets_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluiceCredentialsRow *self = SLUICE_CREDENTIALS_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDENTIALS:
      self->credentials = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_row_class_init (SluiceCredentialsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sluice_credentials_row_constructed;
  object_class->dispose = sluice_credentials_row_dispose;
  object_class->finalize = sluice_credentials_row_finalize;
  object_class->get_property = sluice_credentials_row_get_property;
  object_class->set_property = sluice_credentials_row_set_property;

  widget_class->map = sluice_credentials_row_map;
  widget_class->unmap = sluice_credentials_row_unmap;

  /**
   * SluiceCredentialsRow:credentials:
   *
   * The credential set the row shows.
   */
  properties[PROP_CREDENTIALS] =
    g_param_spec_object ("credentials", NULL, NULL, SLUICE_TYPE_AWS_CREDENTIALS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SluiceCredentialsRow:secrets-shown:
   *
   * Whether a secret (the secret access key or the session token) is shown in clear.
   */
  properties[PROP_SECRETS_SHOWN] =
    g_param_spec_boolean ("secrets-shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, key_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, secret_toggle);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, token_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, token_toggle);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, account_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, region_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, repository_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsRow, expires_row);
  gtk_widget_class_bind_template_callback (widget_class, secret_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
}

static void
sluice_credentials_row_init (SluiceCredentialsRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluiceCredentialsRow *
sluice_credentials_row_new (SluiceAwsCredentials *credentials)
{
  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);

  return g_object_new (SLUICE_TYPE_CREDENTIALS_ROW, "credentials", credentials, NULL);
}

/**
 * sluice_credentials_row_get_credentials:
 *
 * Returns: (transfer none): the credential set the row shows
 */
SluiceAwsCredentials *
sluice_credentials_row_get_credentials (SluiceCredentialsRow *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_ROW (self), NULL);

  return self->credentials;
}

gboolean
sluice_credentials_row_get_secrets_shown (SluiceCredentialsRow *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_ROW (self), FALSE);

  return gtk_toggle_button_get_active (self->secret_toggle) || gtk_toggle_button_get_active (self->token_toggle);
}

/**
 * sluice_credentials_row_hide_secrets:
 *
 * Masks the secrets again.
 */
void
sluice_credentials_row_hide_secrets (SluiceCredentialsRow *self)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_ROW (self));

  gtk_toggle_button_set_active (self->secret_toggle, FALSE);
  gtk_toggle_button_set_active (self->token_toggle, FALSE);
}
