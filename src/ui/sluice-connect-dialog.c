/* sluice-connect-dialog.c
 *
 * The Connect form: where a data.all is and how its users sign in, then a browser sign-in (or a
 * pasted token) with a waiting page that can be cancelled. Nothing typed is lost on failure.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-connect-dialog.h"
#include "sluice-error-box.h"
#include "sluice-toast.h"

struct _SluiceConnectDialog
{
  AdwWindow             parent_instance;

  SluiceAccountManager *manager;
  SluiceAccount        *account;     /* the account being signed in to again, or NULL */
  SluiceAccount        *pending;     /* the account of the sign-in under way */
  GCancellable         *cancellable;
  SluiceBrowserFunc     browser_func;
  gpointer              browser_data;
  gboolean              validate_live;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkRevealer          *error_revealer;
  SluiceErrorBox       *error_box;
  AdwEntryRow          *name_row;
  AdwEntryRow          *api_url_row;
  GtkLabel             *api_url_error;
  AdwComboRow          *provider_row;
  AdwEntryRow          *provider_url_row;
  GtkLabel             *provider_url_error;
  AdwEntryRow          *client_id_row;
  GtkLabel             *client_id_error;
  AdwActionRow         *port_row;
  GtkSpinButton        *port_spin;
  AdwExpanderRow       *advanced_row;
  AdwEntryRow          *aws_endpoint_row;
  GtkSwitch            *id_token_switch;
  AdwPasswordEntryRow  *token_row;
  GtkLabel             *token_error;
  GtkSpinner           *waiting_spinner;
};

G_DEFINE_FINAL_TYPE (SluiceConnectDialog, sluice_connect_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
show_error (SluiceConnectDialog *self,
            const GError        *error)
{
  /* The first sentence is for people; anything after the first line is the server's detail. */
  g_auto(GStrv) parts = g_strsplit (error->message, "\n", 2);

  sluice_error_box_set_message (self->error_box, parts[0]);
  sluice_error_box_set_detail (self->error_box, parts[0] && parts[1] ? parts[1] : sluice_error_get_detail (error));
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (SluiceConnectDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static SluiceSignInProvider
selected_provider (SluiceConnectDialog *self)
{
  return adw_combo_row_get_selected (self->provider_row) == 1 ? SLUICE_SIGN_IN_PROVIDER_OIDC
                                                              : SLUICE_SIGN_IN_PROVIDER_COGNITO;
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
update_port_hint (SluiceConnectDialog *self)
{
  g_autofree char *uri = sluice_oauth_redirect_uri ((guint) gtk_spin_button_get_value_as_int (self->port_spin));
  /* Translators: %s is an address such as http://localhost:8400/callback */
  g_autofree char *hint = g_strdup_printf (_("Register %s as a callback URL of the client"), uri);

  adw_action_row_set_subtitle (self->port_row, hint);
}

/* Checks every field, shows the problems at their fields, and returns whether all are fine. */
static gboolean
validate_form (SluiceConnectDialog *self,
               gboolean             focus_first)
{
  g_autoptr(GError) api_error = NULL;
  g_autoptr(GError) provider_error = NULL;
  g_autofree char *api = sluice_check_web_address (text_of (self->api_url_row), &api_error);
  g_autofree char *provider = sluice_check_web_address (text_of (self->provider_url_row), &provider_error);
  g_autofree char *client_id = g_strstrip (g_strdup (text_of (self->client_id_row)));
  GtkWidget *first = NULL;

  set_field_error (GTK_WIDGET (self->api_url_row), self->api_url_error,
                   api_error ? api_error->message : NULL);
  set_field_error (GTK_WIDGET (self->provider_url_row), self->provider_url_error,
                   provider_error ? provider_error->message : NULL);
  set_field_error (GTK_WIDGET (self->client_id_row), self->client_id_error,
                   *client_id ? NULL : _("Enter the client ID of data.all’s web app client."));

  if (api_error)
    first = GTK_WIDGET (self->api_url_row);
  else if (provider_error)
    first = GTK_WIDGET (self->provider_url_row);
  else if (!*client_id)
    first = GTK_WIDGET (self->client_id_row);

  if (first != NULL && focus_first)
    gtk_widget_grab_focus (first);

  return first == NULL;
}

static void
update_actions (SluiceConnectDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  const char *token = text_of (self->token_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.sign-in", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.show-token", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.use-token", !busy && token && *token);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.reopen-browser", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.copy-link", busy);
}

/* The account the form describes: the one signed in to again, or a new one. */
static SluiceAccount *
account_from_form (SluiceConnectDialog *self)
{
  g_autoptr(SluiceAccount) account = self->account ? g_object_ref (self->account) : sluice_account_new (NULL);
  g_autofree char *api = sluice_check_web_address (text_of (self->api_url_row), NULL);
  g_autofree char *provider = sluice_check_web_address (text_of (self->provider_url_row), NULL);
  g_autofree char *client_id = g_strstrip (g_strdup (text_of (self->client_id_row)));
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_autofree char *aws = g_strstrip (g_strdup (text_of (self->aws_endpoint_row)));

  if (*name == '\0' && api != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (api, G_URI_FLAGS_NONE, NULL);

      g_free (name);
      name = g_strdup (uri ? g_uri_get_host (uri) : api);
    }

  sluice_account_set_name (account, name);
  sluice_account_set_api_url (account, api);
  sluice_account_set_provider (account, selected_provider (self));
  sluice_account_set_provider_url (account, provider);
  sluice_account_set_client_id (account, client_id);
  sluice_account_set_redirect_port (account, (guint) gtk_spin_button_get_value_as_int (self->port_spin));
  sluice_account_set_aws_endpoint (account, *aws ? aws : NULL);
  sluice_account_set_send_id_token (account, gtk_switch_get_active (self->id_token_switch));

  return g_steal_pointer (&account);
}

static void
finish_busy (SluiceConnectDialog *self)
{
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending);
  gtk_spinner_stop (self->waiting_spinner);
  update_actions (self);
}

static void
signed_in (SluiceConnectDialog *self,
           SluiceAccount       *account)
{
  g_autoptr(GError) error = NULL;

  sluice_account_manager_add (self->manager, account);
  sluice_account_manager_set_active (self->manager, account);
  if (!sluice_account_manager_save (self->manager, &error))
    g_warning ("%s", error->message);

  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, account);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
field_changed_cb (SluiceConnectDialog *self)
{
  if (self->validate_live)
    validate_form (self, FALSE);
  if (gtk_widget_get_visible (GTK_WIDGET (self->token_error)))
    set_field_error (GTK_WIDGET (self->token_row), self->token_error, NULL);

  update_port_hint (self);
  update_actions (self);
}

static void
provider_changed_cb (SluiceConnectDialog *self)
{
  if (selected_provider (self) == SLUICE_SIGN_IN_PROVIDER_OIDC)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->provider_url_row), _("Issuer URL"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->provider_url_row), _("Cognito domain"));

  field_changed_cb (self);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SluiceConnectDialog) self = user_data;
  SluiceAccount *account = SLUICE_ACCOUNT (source);
  g_autoptr(GError) error = NULL;

  if (!sluice_account_sign_in_finish (account, result, &error))
    {
      finish_busy (self);
      gtk_stack_set_visible_child_name (self->stack, "form");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  finish_busy (self);
  signed_in (self, account);
}

static void
token_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SluiceConnectDialog) self = user_data;
  SluiceAccount *account = SLUICE_ACCOUNT (source);
  g_autoptr(GError) error = NULL;

  if (!sluice_account_sign_in_with_token_finish (account, result, &error))
    {
      finish_busy (self);
      if (g_error_matches (error, SLUICE_AUTH_ERROR, SLUICE_AUTH_ERROR_INVALID_TOKEN))
        {
          set_field_error (GTK_WIDGET (self->token_row), self->token_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_stack_set_visible_child_name (self->stack, "form");
          show_error (self, error);
        }
      return;
    }

  finish_busy (self);
  signed_in (self, account);
}

static void
token_activated_cb (SluiceConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.use-token", NULL);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);

  /* While signing in, Cancel stops the sign-in and keeps the form; otherwise it closes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);

  hide_error (self);
  self->validate_live = TRUE;
  if (!validate_form (self, TRUE))
    return;

  self->pending = account_from_form (self);
  self->cancellable = g_cancellable_new ();
  update_actions (self);

  gtk_stack_set_visible_child_name (self->stack, "waiting");
  gtk_spinner_start (self->waiting_spinner);

  sluice_account_sign_in_async (self->pending, self->browser_func, self->browser_data,
                                self->cancellable, sign_in_cb, g_object_ref (self));
}

static void
show_token_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);

  hide_error (self);
  self->validate_live = TRUE;

  /* A token still needs to know which data.all it is for. */
  if (!validate_form (self, TRUE))
    return;

  gtk_stack_set_visible_child_name (self->stack, "token");
  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
show_form_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);

  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
use_token_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);
  const char *token = text_of (self->token_row);

  if (token == NULL || *token == '\0' || self->cancellable != NULL)
    return;

  self->pending = account_from_form (self);
  self->cancellable = g_cancellable_new ();
  update_actions (self);

  sluice_account_sign_in_with_token_async (self->pending, token, self->cancellable,
                                           token_cb, g_object_ref (self));
}

static void
reopen_browser_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);
  SluiceSignIn *sign_in = self->pending ? sluice_account_get_pending_sign_in (self->pending) : NULL;
  g_autoptr(GError) error = NULL;

  if (sign_in != NULL && !sluice_sign_in_open_browser (sign_in, &error))
    sluice_toast_show (GTK_WIDGET (self->toast_overlay), error->message);
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (widget);
  SluiceSignIn *sign_in = self->pending ? sluice_account_get_pending_sign_in (self->pending) : NULL;
  const char *uri = sign_in ? sluice_sign_in_get_authorize_uri (sign_in) : NULL;

  if (uri == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), uri);
  sluice_toast_show (GTK_WIDGET (self->toast_overlay),
                     _("Sign-in link copied. Open it in the browser you use for data.all."));
}

/* ------------------------------------------------------------------------ */
/* GtkWindow, GObject                                                       */
/* ------------------------------------------------------------------------ */

static gboolean
sluice_connect_dialog_close_request (GtkWindow *window)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sluice_connect_dialog_parent_class)->close_request (window);
}

static void
sluice_connect_dialog_dispose (GObject *object)
{
  SluiceConnectDialog *self = SLUICE_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending);
  g_clear_object (&self->account);
  g_clear_object (&self->manager);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (sluice_connect_dialog_parent_class)->dispose (object);
}

static void
sluice_connect_dialog_class_init (SluiceConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sluice_connect_dialog_dispose;
  window_class->close_request = sluice_connect_dialog_close_request;

  /**
   * SluiceConnectDialog::signed-in:
   * @account: the account now signed in, added to the manager and active
   */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SLUICE_TYPE_ACCOUNT);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sluice-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, api_url_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, api_url_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, provider_url_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, provider_url_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, client_id_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, port_spin);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, aws_endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, id_token_switch);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, token_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceConnectDialog, waiting_spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, provider_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "connect.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "connect.show-token", NULL, show_token_action);
  gtk_widget_class_install_action (widget_class, "connect.show-form", NULL, show_form_action);
  gtk_widget_class_install_action (widget_class, "connect.use-token", NULL, use_token_action);
  gtk_widget_class_install_action (widget_class, "connect.reopen-browser", NULL, reopen_browser_action);
  gtk_widget_class_install_action (widget_class, "connect.copy-link", NULL, copy_link_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "connect.cancel", NULL);
}

static void
sluice_connect_dialog_init (SluiceConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  update_port_hint (self);
  update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * sluice_connect_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @manager: where the account goes once signed in
 * @account: (nullable): an existing account to sign in to again, prefilling the form
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
SluiceConnectDialog *
sluice_connect_dialog_new (GtkWindow            *parent,
                           SluiceAccountManager *manager,
                           SluiceAccount        *account)
{
  SluiceConnectDialog *self;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (manager), NULL);

  self = g_object_new (SLUICE_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->manager = g_object_ref (manager);

  if (account != NULL)
    {
      self->account = g_object_ref (account);
      adw_window_title_set_title (self->window_title, _("Sign In Again"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sluice_account_get_name (account) ? sluice_account_get_name (account) : "");
      sluice_connect_dialog_prefill (self,
                                     sluice_account_get_api_url (account),
                                     sluice_account_get_provider (account),
                                     sluice_account_get_provider_url (account),
                                     sluice_account_get_client_id (account),
                                     sluice_account_get_aws_endpoint (account));
      gtk_spin_button_set_value (self->port_spin, sluice_account_get_redirect_port (account));
      gtk_switch_set_active (self->id_token_switch, sluice_account_get_send_id_token (account));
    }

  return self;
}

/**
 * sluice_connect_dialog_prefill:
 * @self: a #SluiceConnectDialog
 * @api_url: (nullable): the API URL
 * @provider: the kind of sign-in service
 * @provider_url: (nullable): the Cognito domain or OIDC issuer
 * @client_id: (nullable): the client id
 * @aws_endpoint: (nullable): the AWS endpoint override
 *
 * Fills the form, as `sluice --connect` does.
 */
void
sluice_connect_dialog_prefill (SluiceConnectDialog  *self,
                               const char           *api_url,
                               SluiceSignInProvider  provider,
                               const char           *provider_url,
                               const char           *client_id,
                               const char           *aws_endpoint)
{
  g_return_if_fail (SLUICE_IS_CONNECT_DIALOG (self));

  adw_combo_row_set_selected (self->provider_row, provider == SLUICE_SIGN_IN_PROVIDER_OIDC ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->api_url_row), api_url ? api_url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->provider_url_row), provider_url ? provider_url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), client_id ? client_id : "");
  gtk_editable_set_text (GTK_EDITABLE (self->aws_endpoint_row), aws_endpoint ? aws_endpoint : "");
  if (aws_endpoint != NULL && *aws_endpoint)
    adw_expander_row_set_expanded (self->advanced_row, TRUE);
}

/**
 * sluice_connect_dialog_sign_in:
 * @self: a #SluiceConnectDialog
 *
 * Starts the browser sign-in as the button does (after checking the form).
 */
void
sluice_connect_dialog_sign_in (SluiceConnectDialog *self)
{
  g_return_if_fail (SLUICE_IS_CONNECT_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "connect.sign-in", NULL);
}

void
sluice_connect_dialog_set_browser_func (SluiceConnectDialog *self,
                                        SluiceBrowserFunc    func,
                                        gpointer             user_data)
{
  g_return_if_fail (SLUICE_IS_CONNECT_DIALOG (self));

  self->browser_func = func;
  self->browser_data = user_data;
}
