/* sluice-credentials-page.c: AWS credentials in the keyring and the data.all sign-in
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-aws-credentials.h"
#include "sluice-codecommit.h"
#include "sluice-credentials-page.h"
#include "sluice-dataall-error.h"
#include "sluice-environment.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-list.h"

struct _SluiceCredentialsPage
{
  AdwBin                parent_instance;

  SluiceAccountManager *manager;
  SluiceAccount        *account;          /* the active account */
  GSignalGroup         *account_signals;
  GCancellable         *cancellable;      /* cancelled on dispose */
  GCancellable         *list_cancellable;
  GListModel           *credentials;
  guint                 tick_id;
  gboolean              loaded;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  GtkStack             *list_stack;
  GtkListBox           *credentials_list;
  AdwActionRow         *account_row;
  AdwAvatar            *account_avatar;
  GtkButton            *sign_out_button;
  GtkButton            *add_button;
  AdwActionRow         *pipeline_row;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsPage, sluice_credentials_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT_MANAGER,
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

static GtkWindow *
parent_window (SluiceCredentialsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (SluiceCredentialsPage *self,
       const char            *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static GtkWidget *
details_expander (const GError *error)
{
  const char *detail = NULL;
  GtkWidget *expander;
  GtkWidget *label;

  if (error != NULL && error->domain == SLUICE_DATAALL_ERROR)
    detail = sluice_dataall_error_get_detail (error);
  if (is_empty (detail))
    return NULL;

  label = gtk_label_new (detail);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "caption");

  expander = gtk_expander_new (_("Details"));
  gtk_expander_set_child (GTK_EXPANDER (expander), label);

  return expander;
}

/* An error as a sentence, with data.all's own words under Details. */
static void
show_error (SluiceCredentialsPage *self,
            const char            *heading,
            const GError          *error)
{
  AdwMessageDialog *dialog;
  GtkWidget *details;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  details = details_expander (error);
  if (details != NULL)
    adw_message_dialog_set_extra_child (dialog, details);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
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

static char *
row_subtitle (SluiceAwsCredentials *credentials,
              GDateTime            *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *account = sluice_aws_credentials_get_aws_account_id (credentials);
  char *countdown;

  g_ptr_array_add (parts, g_strdup (kind_label (credentials)));
  if (!is_empty (account))
    /* Translators: %s is a 12-digit AWS account ID */
    g_ptr_array_add (parts, g_strdup_printf (_("AWS account %s"), account));
  countdown = format_countdown (credentials, now);
  if (countdown != NULL)
    g_ptr_array_add (parts, countdown);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static SluiceAwsCredentials *
find_credentials (SluiceCredentialsPage *self,
                  const char            *name)
{
  if (self->credentials == NULL || name == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->credentials); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (self->credentials, i);

      if (g_strcmp0 (sluice_aws_credentials_get_name (credentials), name) == 0 ||
          (sluice_aws_credentials_get_name (credentials) == NULL &&
           g_strcmp0 (sluice_aws_credentials_get_access_key_id (credentials), name) == 0))
        return credentials;
    }

  return NULL;
}

static const char *
name_of (SluiceAwsCredentials *credentials)
{
  const char *name = sluice_aws_credentials_get_name (credentials);

  return name != NULL ? name : sluice_aws_credentials_get_access_key_id (credentials);
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A button with an icon and a mnemonic label (AdwButtonContent) gets a doubled accessible name
 * on GTK 4.8, as sluice_a11y_name_mnemonic_buttons() explains: name it by its label. */
static void
name_by_inner_label (GtkWidget *button)
{
  GtkWidget *label = find_label (button);

  if (label == NULL)
    return;
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}

static gboolean
is_account_id (const char *text)
{
  if (text == NULL || strlen (text) != 12)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Rows                                                                                       */
/* ------------------------------------------------------------------------------------------ */

static void
secret_toggled_cb (GtkToggleButton *toggle,
                   AdwActionRow    *row)
{
  const char *secret = g_object_get_data (G_OBJECT (row), "sluice-secret");
  gboolean shown = gtk_toggle_button_get_active (toggle);
  g_autofree char *masked = sluice_aws_credentials_mask (secret);
  const char *label = g_object_get_data (G_OBJECT (toggle), shown ? "sluice-hide-label" : "sluice-show-label");

  adw_action_row_set_subtitle (row, shown ? secret : masked);
  gtk_button_set_icon_name (GTK_BUTTON (toggle), shown ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (toggle), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
hide_secrets (GtkWidget *row)
{
  GPtrArray *toggles = g_object_get_data (G_OBJECT (row), "sluice-toggles");

  for (guint i = 0; toggles != NULL && i < toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (toggles, i), FALSE);
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             gpointer        user_data)
{
  /* Closing a row hides its secrets again. */
  if (!adw_expander_row_get_expanded (row))
    hide_secrets (GTK_WIDGET (row));
}

static void
add_detail_row (AdwExpanderRow *expander,
                const char     *title,
                const char     *value)
{
  GtkWidget *row;

  if (is_empty (value))
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_expander_row_add_row (expander, row);
}

static void
add_secret_row (AdwExpanderRow *expander,
                const char     *title,
                const char     *show_label,
                const char     *hide_label,
                const char     *secret)
{
  GPtrArray *toggles = g_object_get_data (G_OBJECT (expander), "sluice-toggles");
  g_autofree char *masked = NULL;
  GtkWidget *row;
  GtkWidget *toggle;

  if (is_empty (secret))
    return;

  masked = sluice_aws_credentials_mask (secret);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), masked);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "sluice-secret", g_strdup (secret), g_free);

  toggle = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-reveal-symbolic");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, show_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, show_label, -1);
  gtk_widget_add_css_class (toggle, "flat");
  g_object_set_data (G_OBJECT (toggle), "sluice-show-label", (gpointer) show_label);
  g_object_set_data (G_OBJECT (toggle), "sluice-hide-label", (gpointer) hide_label);
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (secret_toggled_cb), row, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);

  g_ptr_array_add (toggles, toggle);
  adw_expander_row_add_row (expander, row);
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

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SluiceAwsCredentials *credentials = item;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GMenuModel) menu = row_menu (name_of (credentials));
  g_autofree char *subtitle = row_subtitle (credentials, now);
  g_autofree char *actions_label = NULL;
  GDateTime *expiration = sluice_aws_credentials_get_expiration (credentials);
  AdwExpanderRow *row;
  GtkWidget *button;

  row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name_of (credentials));
  adw_expander_row_set_subtitle (row, subtitle);
  g_object_set_data_full (G_OBJECT (row), "sluice-credentials", g_object_ref (credentials), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "sluice-toggles", g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), NULL);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the tooltip and accessible name of a credential set's menu button; %s is its name */
  actions_label = g_strdup_printf (_("Actions for “%s”"), name_of (credentials));
  gtk_widget_set_tooltip_text (button, actions_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, actions_label, -1);
  adw_expander_row_add_action (row, button);

  add_detail_row (row, _("Access Key ID"), sluice_aws_credentials_get_access_key_id (credentials));
  add_secret_row (row, _("Secret Access Key"), _("Show Secret Access Key"), _("Hide Secret Access Key"),
                  sluice_aws_credentials_get_secret_access_key (credentials));
  add_secret_row (row, _("Session Token"), _("Show Session Token"), _("Hide Session Token"),
                  sluice_aws_credentials_get_session_token (credentials));
  add_detail_row (row, _("AWS Account"), sluice_aws_credentials_get_aws_account_id (credentials));
  add_detail_row (row, _("Region"), sluice_aws_credentials_get_region (credentials));
  add_detail_row (row, _("Pipeline"), sluice_aws_credentials_get_pipeline_uri (credentials));
  add_detail_row (row, _("Repository"), sluice_aws_credentials_get_repository (credentials));
  if (expiration != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (expiration);
      g_autofree char *when = g_date_time_format (local, "%c");
      g_autofree char *text = NULL;

      if (sluice_aws_credentials_get_expiration_estimated (credentials))
        /* Translators: %s is a date and time; data.all does not say when its keys expire */
        text = g_strdup_printf (_("About %s (estimated: data.all’s keys last one hour)"), when);
      else
        text = g_strdup (when);
      add_detail_row (row, _("Expires"), text);
    }

  return GTK_WIDGET (row);
}

static gboolean
tick_cb (gpointer user_data)
{
  SluiceCredentialsPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->credentials_list, i)) != NULL; i++)
    {
      SluiceAwsCredentials *credentials = g_object_get_data (G_OBJECT (row), "sluice-credentials");
      g_autofree char *subtitle = NULL;

      if (credentials == NULL || sluice_aws_credentials_get_expiration (credentials) == NULL)
        continue;
      subtitle = row_subtitle (credentials, now);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
any_expiring (SluiceCredentialsPage *self)
{
  if (self->credentials == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (self->credentials); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (self->credentials, i);

      if (sluice_aws_credentials_get_expiration (credentials) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The countdown runs only while someone can see it. */
static void
update_ticking (SluiceCredentialsPage *self)
{
  gboolean want = gtk_widget_get_mapped (GTK_WIDGET (self)) && any_expiring (self);

  if (want && self->tick_id == 0)
    {
      tick_cb (self);
      self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
    }
  else if (!want)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  g_autoptr(GListModel) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = sluice_keyring_list_aws_credentials_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->loading_spinner);

  if (credentials == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->loaded = TRUE;
  g_set_object (&self->credentials, credentials);
  gtk_list_box_bind_model (self->credentials_list, self->credentials, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (credentials) > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->stack, "content");
  update_ticking (self);
}

static void
reload (SluiceCredentialsPage *self)
{
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  /* The first time only: later reloads keep the list on screen. */
  if (!self->loaded)
    {
      gtk_spinner_start (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  sluice_keyring_list_aws_credentials_async (NULL, NULL, self->list_cancellable, list_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* The data.all account                                                                       */
/* ------------------------------------------------------------------------------------------ */

static void
update_account (SluiceCredentialsPage *self)
{
  SluiceAccount *account = self->account;
  gboolean signed_in = account != NULL && sluice_account_get_state (account) == SLUICE_ACCOUNT_SIGNED_IN;
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
  adw_avatar_set_text (self->account_avatar, sluice_account_get_email (account) ? sluice_account_get_email (account)
                                                                                : sluice_account_get_name (account));
  switch (sluice_account_get_state (account))
    {
    case SLUICE_ACCOUNT_SIGNED_IN:
      /* Translators: %s is an e-mail address */
      subtitle = g_strdup_printf (_("Signed in as %s"), sluice_account_get_email (account) ? sluice_account_get_email (account)
                                                                                          : _("an unknown user"));
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

static void
active_account_changed_cb (SluiceCredentialsPage *self)
{
  SluiceAccount *account = self->manager ? sluice_account_manager_get_active (self->manager) : NULL;

  g_set_object (&self->account, account);
  g_signal_group_set_target (self->account_signals, account);
  update_account (self);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_account_sign_out_finish (SLUICE_ACCOUNT (source), result, &error))
    {
      show_error (self, _("Could Not Sign Out"), error);
      return;
    }
  toast (self, _("Signed out of data.all"));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);

  if (self->account == NULL)
    return;
  sluice_account_sign_out_async (self->account, self->cancellable, sign_out_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* The Add and Edit dialog                                                                    */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  SluiceCredentialsPage *page;
  SluiceAwsCredentials  *original;      /* being edited; NULL when adding */
  SluiceAwsCredentials  *parsed;        /* from the paste box: expiry, pipeline... */
  GCancellable          *cancellable;
  gboolean               filling;

  GtkWindow             *window;
  GtkTextBuffer         *paste_buffer;
  GtkLabel              *paste_status;
  AdwEntryRow           *name_row;
  AdwEntryRow           *key_row;
  AdwEntryRow           *secret_row;
  AdwEntryRow           *token_row;
  AdwEntryRow           *account_row;
  AdwEntryRow           *region_row;
  GtkLabel              *keys_error;
  GtkLabel              *details_error;
  GtkButton             *save_button;
  GtkSpinner            *spinner;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  GtkBox                *error_box;
  GtkWidget             *error_details;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_cancellable_cancel (editor->cancellable);
  g_clear_object (&editor->cancellable);
  g_clear_object (&editor->original);
  g_clear_object (&editor->parsed);
  g_clear_object (&editor->page);
  g_free (editor);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
row_text_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

/* Marks a field and collects its problem; an empty optional field is fine. */
static gboolean
check_field (AdwEntryRow *row,
             gboolean     ok,
             const char  *message,
             GString     *problems)
{
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, message);
  return FALSE;
}

static void
show_problems (GtkLabel *label,
               GString  *problems)
{
  gtk_label_set_label (label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (label), problems->len > 0);
}

/* Checks every field. @all: also the empty ones (on Save); while typing, only what was typed. */
static gboolean
editor_validate (Editor   *editor,
                 gboolean  all)
{
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *name = row_text_stripped (editor->name_row);
  g_autofree char *key = row_text_stripped (editor->key_row);
  g_autofree char *secret = row_text_stripped (editor->secret_row);
  g_autofree char *token = row_text_stripped (editor->token_row);
  g_autofree char *account = row_text_stripped (editor->account_row);
  g_autofree char *region = row_text_stripped (editor->region_row);
  g_autoptr(GError) error = NULL;
  SluiceAwsCredentials *same_name;
  gboolean ok = TRUE;

  if (*name == '\0')
    ok &= check_field (editor->name_row, !all, _("Enter a name for these credentials."), keys);
  else
    {
      same_name = find_credentials (editor->page, name);
      ok &= check_field (editor->name_row,
                         same_name == NULL ||
                         (editor->original != NULL && g_strcmp0 (name, name_of (editor->original)) == 0),
                         _("Other credentials have this name already. Choose another name."), keys);
    }

  if (all || *key != '\0')
    {
      gboolean good = sluice_aws_credentials_check_access_key_id (key, &error);
      ok &= check_field (editor->key_row, good, good ? NULL : error->message, keys);
      g_clear_error (&error);
    }
  else
    check_field (editor->key_row, TRUE, NULL, keys);

  if (all || *secret != '\0')
    {
      gboolean good = sluice_aws_credentials_check_secret_access_key (secret, &error);
      ok &= check_field (editor->secret_row, good, good ? NULL : error->message, keys);
      g_clear_error (&error);
    }
  else
    check_field (editor->secret_row, TRUE, NULL, keys);

  {
    gboolean good = sluice_aws_credentials_check_session_token (token, &error);
    ok &= check_field (editor->token_row, good, good ? NULL : error->message, keys);
    g_clear_error (&error);
  }

  ok &= check_field (editor->account_row, *account == '\0' || is_account_id (account),
                     _("An AWS account ID has exactly 12 digits, like 111122223333."), details);
  ok &= check_field (editor->region_row, *region == '\0' || sluice_aws_region_is_valid (region),
                     _("A region looks like eu-west-1."), details);

  show_problems (editor->keys_error, keys);
  show_problems (editor->details_error, details);

  return ok;
}

static void
editor_field_changed_cb (Editor *editor)
{
  if (!editor->filling)
    editor_validate (editor, FALSE);
  gtk_revealer_set_reveal_child (editor->error_revealer, FALSE);
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
editor_fill (Editor               *editor,
             SluiceAwsCredentials *credentials,
             gboolean              keep_name)
{
  editor->filling = TRUE;
  if (!keep_name || *row_text (editor->name_row) == '\0')
    set_row (editor->name_row, sluice_aws_credentials_get_name (credentials));
  set_row (editor->key_row, sluice_aws_credentials_get_access_key_id (credentials));
  set_row (editor->secret_row, sluice_aws_credentials_get_secret_access_key (credentials));
  set_row (editor->token_row, sluice_aws_credentials_get_session_token (credentials));
  if (sluice_aws_credentials_get_aws_account_id (credentials) != NULL)
    set_row (editor->account_row, sluice_aws_credentials_get_aws_account_id (credentials));
  if (sluice_aws_credentials_get_region (credentials) != NULL)
    set_row (editor->region_row, sluice_aws_credentials_get_region (credentials));
  editor->filling = FALSE;
  editor_validate (editor, FALSE);
}

static const char *
format_name (SluiceAwsCredentialsFormat format)
{
  switch (format)
    {
    case SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_PIPELINE:
      return _("Recognised data.all pipeline credentials.");
    case SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_ENVIRONMENT:
      return _("Recognised data.all environment or dataset credentials.");
    case SLUICE_AWS_CREDENTIALS_FORMAT_STS:
      return _("Recognised AWS STS or credential_process JSON.");
    case SLUICE_AWS_CREDENTIALS_FORMAT_SLUICE:
      return _("Recognised credentials copied from Sluice.");
    case SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT:
      return _("Recognised environment variables.");
    case SLUICE_AWS_CREDENTIALS_FORMAT_INI:
    default:
      return _("Recognised an AWS credentials file section.");
    }
}

static void
paste_changed_cb (Editor *editor)
{
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  SluiceAwsCredentialsFormat format = SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT;

  gtk_text_buffer_get_bounds (editor->paste_buffer, &start, &end);
  text = gtk_text_buffer_get_text (editor->paste_buffer, &start, &end, FALSE);
  g_strstrip (text);

  gtk_widget_remove_css_class (GTK_WIDGET (editor->paste_status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (editor->paste_status), "success");
  if (*text == '\0')
    {
      gtk_label_set_label (editor->paste_status,
                           _("data.all’s JSON, STS or credential_process JSON, “export AWS_…=” lines or a section of ~/.aws/credentials."));
      return;
    }

  credentials = sluice_aws_credentials_parse (text, -1, NULL, &format, &error);
  memset (text, 0, strlen (text));
  if (credentials == NULL)
    {
      gtk_label_set_label (editor->paste_status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (editor->paste_status), "error");
      return;
    }

  gtk_label_set_label (editor->paste_status, format_name (format));
  gtk_widget_add_css_class (GTK_WIDGET (editor->paste_status), "success");
  g_set_object (&editor->parsed, credentials);
  editor_fill (editor, credentials, TRUE);
}

static void
editor_set_busy (Editor   *editor,
                 gboolean  busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (editor->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (editor->spinner), busy);
  if (busy)
    gtk_spinner_start (editor->spinner);
  else
    gtk_spinner_stop (editor->spinner);
}

static void
editor_show_error (Editor       *editor,
                   const GError *error)
{
  if (editor->error_details != NULL)
    gtk_box_remove (editor->error_box, editor->error_details);
  editor->error_details = details_expander (error);
  if (editor->error_details != NULL)
    gtk_box_append (editor->error_box, editor->error_details);
  gtk_label_set_label (editor->error_label, error->message);
  gtk_revealer_set_reveal_child (editor->error_revealer, TRUE);
}

static void
delete_renamed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_keyring_delete_aws_credentials_finish (result, &error) &&
      !g_error_matches (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, _("Could Not Remove the Old Name"), error);
    }
  reload (self);
}

static void
editor_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Editor *editor = user_data;
  SluiceCredentialsPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!sluice_keyring_store_aws_credentials_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Everything typed stays in the dialog. */
      editor_set_busy (editor, FALSE);
      editor_show_error (editor, error);
      return;
    }

  self = g_object_ref (editor->page);
  name = row_text_stripped (editor->name_row);
  if (editor->original != NULL && g_strcmp0 (name_of (editor->original), name) != 0)
    sluice_keyring_delete_aws_credentials_async (name_of (editor->original), self->cancellable,
                                                 delete_renamed_cb, g_object_ref (self));
  else
    reload (self);

  /* Translators: %s is the name of a credential set */
  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
  gtk_window_destroy (editor->window);
  g_object_unref (self);
}

static void
editor_save (Editor *editor)
{
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autofree char *name = row_text_stripped (editor->name_row);
  g_autofree char *key = row_text_stripped (editor->key_row);
  g_autofree char *secret = row_text_stripped (editor->secret_row);
  g_autofree char *token = row_text_stripped (editor->token_row);
  g_autofree char *account = row_text_stripped (editor->account_row);
  g_autofree char *region = row_text_stripped (editor->region_row);
  SluiceAwsCredentials *base;
  gboolean same_keys;

  if (!editor_validate (editor, TRUE))
    return;

  /* Pasted or edited credentials keep what the fields do not show (expiry, pipeline...) as
   * long as they are still the same keys. */
  base = editor->parsed != NULL ? editor->parsed : editor->original;
  same_keys = base != NULL &&
              g_strcmp0 (sluice_aws_credentials_get_access_key_id (base), key) == 0 &&
              g_strcmp0 (sluice_aws_credentials_get_session_token (base), *token ? token : NULL) == 0;
  if (same_keys)
    {
      credentials = sluice_aws_credentials_copy (base);
      sluice_aws_credentials_set_secret_access_key (credentials, secret);
    }
  else
    credentials = sluice_aws_credentials_new (key, secret, *token ? token : NULL);

  sluice_aws_credentials_set_name (credentials, name);
  sluice_aws_credentials_set_aws_account_id (credentials, *account ? account : NULL);
  sluice_aws_credentials_set_region (credentials, *region ? region : NULL);

  editor_set_busy (editor, TRUE);
  gtk_revealer_set_reveal_child (editor->error_revealer, FALSE);
  sluice_keyring_store_aws_credentials_async (credentials, editor->cancellable, editor_stored_cb, editor);
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           Editor              *editor,
           gboolean             password,
           const char          *title)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (editor_field_changed_cb), editor);
  adw_preferences_group_add (group, row);

  return ADW_ENTRY_ROW (row);
}

static GtkLabel *
error_label (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  adw_preferences_group_add (group, label);

  return GTK_LABEL (label);
}

typedef struct
{
  GtkWindow   *window;
  GtkBox      *box;          /* the content: header bar, error area, then the caller's */
  GtkSpinner  *spinner;
  GtkButton   *primary;
  GtkRevealer *error_revealer;
  GtkBox      *error_box;
  GtkLabel    *error_label;
} DialogFrame;

/* The frame both dialogs of this page share: a modal window whose header bar has Cancel, a
 * spinner and the primary button, and an area at the top for a failure, its sentence and,
 * under it, the detail. */
static void
dialog_frame_init (DialogFrame           *frame,
                   SluiceCredentialsPage *self,
                   const char            *title,
                   int                    width,
                   int                    height,
                   const char            *primary_label)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *primary_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *primary = gtk_button_new_with_mnemonic (primary_label);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *error_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent_window (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_window_set_content (ADW_WINDOW (window), box);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_set_visible (spinner, FALSE);
  gtk_box_append (GTK_BOX (primary_box), spinner);
  gtk_widget_add_css_class (primary, "suggested-action");
  gtk_box_append (GTK_BOX (primary_box), primary);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), primary_box);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (error_box, 12);
  gtk_widget_set_margin_end (error_box, 12);
  gtk_widget_set_margin_top (error_box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (error_box), label);
  gtk_revealer_set_child (GTK_REVEALER (revealer), error_box);
  gtk_box_append (GTK_BOX (box), revealer);

  frame->window = GTK_WINDOW (window);
  frame->box = GTK_BOX (box);
  frame->spinner = GTK_SPINNER (spinner);
  frame->primary = GTK_BUTTON (primary);
  frame->error_revealer = GTK_REVEALER (revealer);
  frame->error_box = GTK_BOX (error_box);
  frame->error_label = GTK_LABEL (label);
}

static GtkWidget *
editor_new (SluiceCredentialsPage *self,
            SluiceAwsCredentials  *original,
            SluiceAwsCredentials  *prefill,
            const char            *pasted)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *window, *box, *page, *group, *scrolled, *view, *label;
  DialogFrame frame;

  editor->page = g_object_ref (self);
  editor->original = original ? g_object_ref (original) : NULL;
  editor->cancellable = g_cancellable_new ();

  dialog_frame_init (&frame, self, original ? _("Edit Credentials") : _("Add Credentials"), 560, 720,
                     original ? _("_Save") : _("_Add"));
  window = GTK_WIDGET (frame.window);
  box = GTK_WIDGET (frame.box);
  editor->window = frame.window;
  editor->spinner = frame.spinner;
  editor->save_button = frame.primary;
  editor->error_revealer = frame.error_revealer;
  editor->error_box = frame.error_box;
  editor->error_label = frame.error_label;
  g_object_set_data_full (G_OBJECT (window), "sluice-editor", editor, editor_free);
  g_signal_connect_swapped (frame.primary, "clicked", G_CALLBACK (editor_save), editor);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  if (original == NULL)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Paste"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Paste credentials in any form Sluice knows and the fields below are filled in."));
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_size_request (scrolled, -1, 96);
      gtk_widget_add_css_class (scrolled, "card");
      gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
      view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_add_css_class (view, "inline");
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paste Credentials"), -1);
      editor->paste_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_signal_connect_swapped (editor->paste_buffer, "changed", G_CALLBACK (paste_changed_cb), editor);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scrolled);
      label = gtk_label_new (NULL);
      editor->paste_status = GTK_LABEL (label);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Keys"));
  editor->name_row = entry_row (ADW_PREFERENCES_GROUP (group), editor, FALSE, _("Name"));
  editor->key_row = entry_row (ADW_PREFERENCES_GROUP (group), editor, FALSE, _("Access Key ID"));
  editor->secret_row = entry_row (ADW_PREFERENCES_GROUP (group), editor, TRUE, _("Secret Access Key"));
  editor->token_row = entry_row (ADW_PREFERENCES_GROUP (group), editor, TRUE, _("Session Token (Optional)"));
  editor->keys_error = error_label (ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Details"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Optional: where the keys belong, shown in the list and used for CodeCommit."));
  editor->account_row = entry_row (ADW_PREFERENCES_GROUP (group), editor, FALSE, _("AWS Account"));
  editor->region_row = entry_row (ADW_PREFERENCES_GROUP (group), editor, FALSE, _("Region"));
  editor->details_error = error_label (ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (editor->paste_buffer != NULL)
    paste_changed_cb (editor);
  if (original != NULL)
    editor_fill (editor, original, FALSE);
  else if (prefill != NULL)
    {
      g_set_object (&editor->parsed, prefill);
      editor_fill (editor, prefill, FALSE);
    }
  if (pasted != NULL && editor->paste_buffer != NULL)
    gtk_text_buffer_set_text (editor->paste_buffer, pasted, -1);

  sluice_a11y_name_mnemonic_buttons (window);
  gtk_window_set_default_widget (GTK_WINDOW (window), GTK_WIDGET (frame.primary));

  return window;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (editor_new (SLUICE_CREDENTIALS_PAGE (widget), NULL, NULL, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, g_variant_get_string (parameter, NULL));

  if (credentials != NULL)
    gtk_window_present (GTK_WINDOW (editor_new (self, credentials, NULL, NULL)));
}

/* ------------------------------------------------------------------------------------------ */
/* Import                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (text == NULL || *text == '\0')
    {
      toast (self, _("The clipboard holds no text"));
      return;
    }

  /* The dialog parses it and says what it found, or what is wrong with it. */
  gtk_window_present (GTK_WINDOW (editor_new (self, NULL, NULL, text)));
  memset (text, 0, strlen (text));
}

static void
import_clipboard_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 clipboard_read_cb, g_object_ref (self));
}

typedef struct
{
  SluiceCredentialsPage *page;
  char                  *text;
  GStrv                  profiles;
  AdwComboRow           *profile_row;
} ImportFile;

static void
import_file_free (gpointer data)
{
  ImportFile *import = data;

  g_clear_object (&import->page);
  if (import->text != NULL)
    memset (import->text, 0, strlen (import->text));
  g_free (import->text);
  g_strfreev (import->profiles);
  g_free (import);
}

static void
import_profile_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            ImportFile       *import)
{
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  const char *profile;
  guint selected;

  if (g_strcmp0 (response, "import") != 0)
    return;

  selected = adw_combo_row_get_selected (import->profile_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (import->profiles))
    return;
  profile = import->profiles[selected];

  credentials = sluice_aws_credentials_parse_ini (import->text, -1, profile, NULL, &error);
  if (credentials == NULL)
    {
      show_error (import->page, _("Cannot Import the Profile"), error);
      return;
    }
  if (find_credentials (import->page, profile) == NULL)
    sluice_aws_credentials_set_name (credentials, profile);

  /* The user names and checks them before they are stored. */
  gtk_window_present (GTK_WINDOW (editor_new (import->page, NULL, credentials, NULL)));
}

static void
import_file_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (G_FILE (source));
  g_autoptr(GtkStringList) model = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  ImportFile *import;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autoptr(GError) friendly = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        friendly = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                _("There is no AWS credentials file at %s."), path);
      else
        friendly = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                _("Could not read %s: %s"), path, error->message);
      show_error (self, _("Cannot Import from the AWS Credentials File"), friendly);
      return;
    }

  import = g_new0 (ImportFile, 1);
  import->page = g_object_ref (self);
  import->text = contents;
  import->profiles = g_utf8_validate (contents, length, NULL) ? sluice_aws_credentials_list_ini_profiles (contents, length)
                                                               : NULL;
  if (import->profiles == NULL || import->profiles[0] == NULL)
    {
      g_autoptr(GError) none = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                            _("%s holds no profiles."), path);

      show_error (self, _("Cannot Import from the AWS Credentials File"), none);
      import_file_free (import);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Import a Profile"), NULL));
  /* Translators: %s is a file's path */
  adw_message_dialog_format_body (dialog, _("Choose the profile of %s to import. You can check and name the keys before they are stored."), path);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");

  model = gtk_string_list_new ((const char * const *) import->profiles);
  import->profile_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (import->profile_row), _("Profile"));
  adw_combo_row_set_model (import->profile_row, G_LIST_MODEL (model));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (import->profile_row));
  adw_message_dialog_set_extra_child (dialog, list);

  g_object_set_data_full (G_OBJECT (dialog), "sluice-import", import, import_file_free);
  g_signal_connect (dialog, "response", G_CALLBACK (import_profile_response_cb), import);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  g_autoptr(GFile) file = sluice_aws_credentials_get_default_file ();

  g_file_load_contents_async (file, self->cancellable, import_file_loaded_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Copy, export, delete                                                                       */
/* ------------------------------------------------------------------------------------------ */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, g_variant_get_string (parameter, NULL));
  gboolean env = g_str_equal (action_name, "credentials.copy-env");
  g_autofree char *text = NULL;

  if (credentials == NULL)
    return;

  text = env ? sluice_aws_credentials_to_export_lines (credentials)
             : sluice_aws_credentials_to_credential_process_json (credentials);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  memset (text, 0, strlen (text));
  toast (self, env ? _("Copied as environment variables") : _("Copied as JSON"));
}

typedef struct
{
  SluiceCredentialsPage *page;
  SluiceAwsCredentials  *credentials;
  GFile                 *file;
  char                  *profile;
  GStrv                  existing;
  AdwEntryRow           *profile_row;
  GtkLabel              *profile_error;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->page);
  g_clear_object (&export->credentials);
  g_clear_object (&export->file);
  g_free (export->profile);
  g_strfreev (export->existing);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (sluice_aws_credentials_write_profile (export->credentials, export->file, export->profile, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void export_open (SluiceCredentialsPage *self,
                         SluiceAwsCredentials  *credentials,
                         const char            *profile);

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (export->file);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The profile name the user chose is offered again, under the error. */
      export_open (export->page, export->credentials, export->profile);
      show_error (export->page, _("Could Not Export the Credentials"), error);
      return;
    }

  /* Translators: the first %s is an AWS profile name, the second a file's path */
  message = g_strdup_printf (_("Exported to profile “%s” in %s"), export->profile, path);
  toast (export->page, message);
}

static gboolean
export_check (Export *export)
{
  g_autoptr(GError) error = NULL;
  const char *profile = row_text (export->profile_row);
  gboolean ok = sluice_aws_credentials_check_profile_name (profile, &error);

  gtk_label_set_label (export->profile_error, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (export->profile_error), !ok && *profile != '\0');
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (export->profile_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (export->profile_row), "error");

  return ok;
}

static void
export_profile_changed_cb (AdwMessageDialog *dialog)
{
  Export *export = g_object_get_data (G_OBJECT (dialog), "sluice-export");
  gboolean ok = export_check (export);
  gboolean exists = export->existing != NULL && g_strv_contains ((const char * const *) export->existing,
                                                                 row_text (export->profile_row));

  /* Writing over a profile that is there already is the risky case: say so on the button. */
  adw_message_dialog_set_response_enabled (dialog, "export", ok);
  adw_message_dialog_set_response_label (dialog, "export", exists ? _("_Replace Profile") : _("_Export"));
  adw_message_dialog_set_response_appearance (dialog, "export",
                                              exists ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
}

static void
export_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Export           *export)
{
  g_autoptr(GTask) task = NULL;
  Export *copy;

  if (g_strcmp0 (response, "export") != 0 || !export_check (export))
    return;

  copy = g_new0 (Export, 1);
  copy->page = g_object_ref (export->page);
  copy->credentials = sluice_aws_credentials_copy (export->credentials);
  copy->file = g_object_ref (export->file);
  copy->profile = g_strdup (row_text (export->profile_row));

  task = g_task_new (NULL, export->page->cancellable, export_written_cb, NULL);
  g_task_set_source_tag (task, export_response_cb);
  g_task_set_task_data (task, copy, export_free);
  g_task_run_in_thread (task, export_thread);
}

static char *
default_profile_name (SluiceAwsCredentials *credentials)
{
  g_autofree char *lower = g_utf8_strdown (name_of (credentials), -1);
  GString *profile = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
        g_string_append_c (profile, *p);
      else if (profile->len > 0 && profile->str[profile->len - 1] != '-')
        g_string_append_c (profile, '-');
    }
  while (profile->len > 0 && profile->str[profile->len - 1] == '-')
    g_string_truncate (profile, profile->len - 1);
  if (profile->len == 0)
    g_string_append (profile, "default");

  return g_string_free (profile, FALSE);
}

static void
export_file_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (export->file);
  g_autofree char *profile = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *label;
  char *contents = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (g_utf8_validate (contents, length, NULL))
        export->existing = sluice_aws_credentials_list_ini_profiles (contents, length);
      memset (contents, 0, length);
      g_free (contents);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      export_free (export);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (export->page), _("Export to an AWS Profile"), NULL));
  /* Translators: %s is a file's path */
  adw_message_dialog_format_body (dialog,
                                  _("Sluice writes these keys into a profile of %s, readable only by you. "
                                    "If the profile exists, its keys are replaced; other profiles and comments stay as they are."),
                                  path);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  export->profile_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (export->profile_row), _("Profile Name"));
  profile = export->profile != NULL ? g_strdup (export->profile) : default_profile_name (export->credentials);
  gtk_editable_set_text (GTK_EDITABLE (export->profile_row), profile);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (export->profile_row));
  gtk_box_append (GTK_BOX (box), list);
  label = gtk_label_new (NULL);
  export->profile_error = GTK_LABEL (label);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data_full (G_OBJECT (dialog), "sluice-export", export, export_free);
  g_signal_connect_swapped (export->profile_row, "changed", G_CALLBACK (export_profile_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), export);
  export_profile_changed_cb (dialog);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @profile: (nullable): the profile name to offer; %NULL for one made from the name */
static void
export_open (SluiceCredentialsPage *self,
             SluiceAwsCredentials  *credentials,
             const char            *profile)
{
  Export *export = g_new0 (Export, 1);

  export->page = g_object_ref (self);
  export->credentials = g_object_ref (credentials);
  export->file = sluice_aws_credentials_get_default_file ();
  export->profile = g_strdup (profile);
  /* The profiles there now, to warn before one is replaced. */
  g_file_load_contents_async (export->file, self->cancellable, export_file_loaded_cb, export);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, g_variant_get_string (parameter, NULL));

  if (credentials != NULL)
    export_open (self, credentials, NULL);
}

typedef struct
{
  SluiceCredentialsPage *page;
  char                  *name;
} Delete;

static void
delete_free (gpointer data)
{
  Delete *del = data;

  g_clear_object (&del->page);
  g_free (del->name);
  g_free (del);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Delete *del = user_data;
  g_autoptr(GError) error = NULL;

  gboolean deleted = sluice_keyring_delete_aws_credentials_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      delete_free (del);
      return;
    }
  if (!deleted && !g_error_matches (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND))
    show_error (del->page, _("Could Not Delete the Credentials"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Deleted “%s”"), del->name);

      toast (del->page, message);
    }
  reload (del->page);
  delete_free (del);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Delete           *pending)
{
  Delete *del;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  del = g_new0 (Delete, 1);
  del->page = g_object_ref (pending->page);
  del->name = g_strdup (pending->name);
  sluice_keyring_delete_aws_credentials_async (del->name, del->page->cancellable, deleted_cb, del);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, g_variant_get_string (parameter, NULL));
  AdwMessageDialog *dialog;
  Delete *pending;

  if (credentials == NULL)
    return;

  pending = g_new0 (Delete, 1);
  pending->page = g_object_ref (self);
  pending->name = g_strdup (name_of (credentials));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), NULL, NULL));
  /* Translators: %s is the name of a credential set */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), pending->name);
  adw_message_dialog_set_body (dialog,
                               sluice_aws_credentials_get_pipeline_uri (credentials) != NULL
                                 ? _("The keys are removed from the keyring. Sluice gets new ones from data.all the next time the pipeline needs them.")
                                 : _("The keys are removed from the keyring. AWS keeps them valid: deactivate long-term keys in the AWS console if nobody needs them any more."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sluice-delete", pending, delete_free);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), pending);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------ */
/* Credentials for a pipeline                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  SluiceCredentialsPage *page;
  SluiceAccount         *account;
  SluicePipelineList    *pipelines;
  GtkSingleSelection    *selection;
  GCancellable          *cancellable;

  GtkWindow             *window;
  AdwEntryRow           *uri_row;
  GtkStack              *list_stack;
  GtkLabel              *list_status;
  GtkButton             *get_button;
  GtkSpinner            *spinner;
  GtkRevealer           *error_revealer;
  GtkBox                *error_box;
  GtkLabel              *error_label;
  GtkWidget             *error_details;
} Picker;

static void
picker_free (gpointer data)
{
  Picker *picker = data;

  g_cancellable_cancel (picker->cancellable);
  g_clear_object (&picker->cancellable);
  g_clear_object (&picker->selection);
  g_clear_object (&picker->pipelines);
  g_clear_object (&picker->account);
  g_clear_object (&picker->page);
  g_free (picker);
}

static void
picker_show_error (Picker       *picker,
                   const GError *error)
{
  if (picker->error_details != NULL)
    gtk_box_remove (picker->error_box, picker->error_details);
  picker->error_details = details_expander (error);
  if (picker->error_details != NULL)
    gtk_box_append (picker->error_box, picker->error_details);
  gtk_label_set_label (picker->error_label, error->message);
  gtk_revealer_set_reveal_child (picker->error_revealer, TRUE);
}

static void
picker_set_busy (Picker   *picker,
                 gboolean  busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (picker->get_button), !busy && *row_text (picker->uri_row) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (picker->spinner), busy);
  if (busy)
    gtk_spinner_start (picker->spinner);
  else
    gtk_spinner_stop (picker->spinner);
}

static void
picker_fetched_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Picker *picker = user_data;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SluiceCredentialsPage *self;

  credentials = sluice_pipeline_credentials_fetch_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (credentials == NULL)
    {
      /* The URI stays in its field for another try. */
      picker_set_busy (picker, FALSE);
      picker_show_error (picker, error);
      return;
    }

  self = picker->page;
  /* Translators: %s is the name of a credential set */
  message = g_strdup_printf (_("Credentials “%s” are ready"), name_of (credentials));
  toast (self, message);
  reload (self);
  gtk_window_destroy (picker->window);
}

static void
picker_get (Picker *picker)
{
  g_autofree char *uri = row_text_stripped (picker->uri_row);
  SluicePipeline *pipeline;
  SluiceEnvironment *environment = NULL;

  if (*uri == '\0')
    return;

  pipeline = sluice_pipeline_list_find (picker->pipelines, uri);
  if (pipeline != NULL)
    environment = sluice_pipeline_get_environment (pipeline);

  picker_set_busy (picker, TRUE);
  gtk_revealer_set_reveal_child (picker->error_revealer, FALSE);
  sluice_pipeline_credentials_fetch_async (picker->account, uri,
                                           pipeline ? sluice_pipeline_get_label (pipeline) : NULL,
                                           environment ? sluice_environment_get_aws_account_id (environment) : NULL,
                                           environment ? sluice_environment_get_region (environment) : NULL,
                                           FALSE, picker->cancellable, picker_fetched_cb, picker);
}

static void
picker_uri_changed_cb (Picker *picker)
{
  gtk_widget_set_sensitive (GTK_WIDGET (picker->get_button), *row_text (picker->uri_row) != '\0');
  gtk_revealer_set_reveal_child (picker->error_revealer, FALSE);
}

static void
picker_selected_cb (Picker *picker)
{
  SluicePipeline *pipeline = gtk_single_selection_get_selected_item (picker->selection);

  if (pipeline != NULL)
    gtk_editable_set_text (GTK_EDITABLE (picker->uri_row), sluice_pipeline_get_uri (pipeline));
}

static void
picker_activate_cb (Picker   *picker,
                    guint     position)
{
  gtk_single_selection_set_selected (picker->selection, position);
  picker_get (picker);
}

static void
picker_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Picker *picker = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_pipeline_list_load_finish (SLUICE_PIPELINE_LIST (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (picker->list_status, _("Could not list your pipelines. You can still type a pipeline’s URI."));
      gtk_stack_set_visible_child_name (picker->list_stack, "status");
      picker_show_error (picker, error);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (picker->pipelines)) == 0)
    {
      gtk_label_set_label (picker->list_status, _("You see no pipelines in data.all."));
      gtk_stack_set_visible_child_name (picker->list_stack, "status");
      return;
    }
  gtk_stack_set_visible_child_name (picker->list_stack, "list");
}

static void
pipeline_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
pipeline_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  SluicePipeline *pipeline = gtk_list_item_get_item (item);
  SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = NULL;

  gtk_label_set_label (GTK_LABEL (title), sluice_pipeline_get_label (pipeline));
  if (environment != NULL && sluice_environment_get_aws_account_id (environment) != NULL)
    /* Translators: a pipeline's URI, then its CI/CD environment's AWS account and region */
    text = g_strdup_printf (_("%s · AWS account %s, %s"), sluice_pipeline_get_uri (pipeline),
                            sluice_environment_get_aws_account_id (environment),
                            sluice_environment_get_region (environment) ? sluice_environment_get_region (environment) : "");
  else
    text = g_strdup (sluice_pipeline_get_uri (pipeline));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
}

static void
get_for_pipeline_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  Picker *picker;
  GtkWidget *window, *box, *page, *group, *list, *scrolled, *label;
  DialogFrame frame;
  GtkListItemFactory *factory;

  if (self->account == NULL)
    return;

  picker = g_new0 (Picker, 1);
  picker->page = g_object_ref (self);
  picker->account = g_object_ref (self->account);
  picker->cancellable = g_cancellable_new ();
  picker->pipelines = sluice_pipeline_list_new ();

  dialog_frame_init (&frame, self, _("Pipeline Credentials"), 520, 620, _("_Get Credentials"));
  window = GTK_WIDGET (frame.window);
  box = GTK_WIDGET (frame.box);
  picker->window = frame.window;
  picker->spinner = frame.spinner;
  picker->get_button = frame.primary;
  picker->error_revealer = frame.error_revealer;
  picker->error_box = frame.error_box;
  picker->error_label = frame.error_label;
  g_object_set_data_full (G_OBJECT (window), "sluice-picker", picker, picker_free);
  gtk_widget_set_sensitive (GTK_WIDGET (frame.primary), FALSE);
  g_signal_connect_swapped (frame.primary, "clicked", G_CALLBACK (picker_get), picker);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Pipeline"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Choose one of your pipelines, or type the URI data.all shows in a pipeline’s address. data.all gives keys of the pipeline’s CI/CD account that last about an hour; Sluice keeps them in the keyring and renews them when they expire."));
  picker->uri_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (picker->uri_row), _("Pipeline URI"));
  g_signal_connect_swapped (picker->uri_row, "changed", G_CALLBACK (picker_uri_changed_cb), picker);
  g_signal_connect_swapped (picker->uri_row, "entry-activated", G_CALLBACK (picker_get), picker);
  adw_entry_row_set_activates_default (picker->uri_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (picker->uri_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Pipelines"));
  picker->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (picker->list_stack, FALSE);
  {
    GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *spinner = gtk_spinner_new ();

    gtk_spinner_start (GTK_SPINNER (spinner));
    gtk_widget_set_halign (status_box, GTK_ALIGN_CENTER);
    gtk_widget_set_margin_top (status_box, 12);
    gtk_widget_set_margin_bottom (status_box, 12);
    gtk_box_append (GTK_BOX (status_box), spinner);
    gtk_stack_add_named (picker->list_stack, status_box, "loading");
    label = gtk_label_new (_("Loading your pipelines…"));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (status_box), label);

    label = gtk_label_new (NULL);
    picker->list_status = GTK_LABEL (label);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_stack_add_named (picker->list_stack, label, "status");
  }

  picker->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (picker->pipelines)));
  gtk_single_selection_set_autoselect (picker->selection, FALSE);
  gtk_single_selection_set_can_unselect (picker->selection, TRUE);
  gtk_single_selection_set_selected (picker->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (picker->selection, "notify::selected", G_CALLBACK (picker_selected_cb), picker);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (pipeline_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (pipeline_bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (picker->selection)), factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your Pipelines"), -1);
  g_signal_connect_swapped (list, "activate", G_CALLBACK (picker_activate_cb), picker);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_stack_add_named (picker->list_stack, scrolled, "list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (picker->list_stack));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_stack_set_visible_child_name (picker->list_stack, "loading");

  sluice_a11y_name_mnemonic_buttons (window);
  gtk_window_present (GTK_WINDOW (window));

  sluice_pipeline_list_load_async (picker->pipelines, sluice_account_get_client (picker->account), NULL,
                                   picker->cancellable, picker_loaded_cb, picker);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SLUICE_CREDENTIALS_PAGE (widget));
}

/* ------------------------------------------------------------------------------------------ */
/* GtkWidget                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_page_map (GtkWidget *widget)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);

  GTK_WIDGET_CLASS (sluice_credentials_page_parent_class)->map (widget);

  /* Another program (the git helper, a second window) may have changed the keyring. */
  if (self->loaded)
    reload (self);
  update_ticking (self);
}

static void
sluice_credentials_page_unmap (GtkWidget *widget)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  GtkListBoxRow *row;

  /* Leaving the page hides every secret again. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->credentials_list, i)) != NULL; i++)
    hide_secrets (GTK_WIDGET (row));
  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sluice_credentials_page_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_page_dispose (GObject *object)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  g_clear_object (&self->account_signals);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->account);
  if (self->credentials_list != NULL)
    gtk_list_box_bind_model (self->credentials_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->credentials);

  /* AdwBin unparents its child in its own dispose: let go of it first, or the template's
   * disposal and AdwBin's would both unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREDENTIALS_PAGE);

  G_OBJECT_CLASS (sluice_credentials_page_parent_class)->dispose (object);
}

static void
sluice_credentials_page_finalize (GObject *object)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->list_cancellable);

  G_OBJECT_CLASS (sluice_credentials_page_parent_class)->finalize (object);
}

static void
sluice_credentials_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (object);

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
sluice_credentials_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_MANAGER:
      sluice_credentials_page_set_account_manager (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_page_class_init (SluiceCredentialsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_credentials_page_dispose;
  object_class->finalize = sluice_credentials_page_finalize;
  object_class->get_property = sluice_credentials_page_get_property;
  object_class->set_property = sluice_credentials_page_set_property;

  widget_class->map = sluice_credentials_page_map;
  widget_class->unmap = sluice_credentials_page_unmap;

  properties[PROP_ACCOUNT_MANAGER] =
    g_param_spec_object ("account-manager", NULL, NULL, SLUICE_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sluice-credentials-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, credentials_list);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, account_avatar);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, add_button);

  gtk_widget_class_install_action (widget_class, "credentials.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "credentials.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "credentials.import-clipboard", NULL, import_clipboard_action);
  gtk_widget_class_install_action (widget_class, "credentials.import-file", NULL, import_file_action);
  gtk_widget_class_install_action (widget_class, "credentials.get-for-pipeline", NULL, get_for_pipeline_action);
  gtk_widget_class_install_action (widget_class, "credentials.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "credentials.copy-env", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "credentials.copy-json", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "credentials.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "credentials.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "credentials.delete", "s", delete_action);
}

static void
sluice_credentials_page_init (SluiceCredentialsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  name_by_inner_label (GTK_WIDGET (self->add_button));

  self->cancellable = g_cancellable_new ();
  self->account_signals = g_signal_group_new (SLUICE_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::state", G_CALLBACK (update_account), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::email", G_CALLBACK (update_account), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::name", G_CALLBACK (update_account), self);

  update_account (self);
  reload (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_credentials_page_new (void)
{
  return g_object_new (SLUICE_TYPE_CREDENTIALS_PAGE, NULL);
}

/**
 * sluice_credentials_page_get_account_manager:
 *
 * Returns: (transfer none) (nullable): the accounts whose active one the page shows
 */
SluiceAccountManager *
sluice_credentials_page_get_account_manager (SluiceCredentialsPage *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_PAGE (self), NULL);

  return self->manager;
}

void
sluice_credentials_page_set_account_manager (SluiceCredentialsPage *self,
                                             SluiceAccountManager  *manager)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_PAGE (self));
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

/**
 * sluice_credentials_page_reload:
 *
 * Reads the keyring again (the page does so itself whenever it is shown).
 */
void
sluice_credentials_page_reload (SluiceCredentialsPage *self)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_PAGE (self));

  reload (self);
}

/**
 * sluice_credentials_page_get_credentials:
 *
 * Returns: (transfer none) (nullable): the credential sets shown, once the keyring was read
 */
GListModel *
sluice_credentials_page_get_credentials (SluiceCredentialsPage *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_PAGE (self), NULL);

  return self->credentials;
}
