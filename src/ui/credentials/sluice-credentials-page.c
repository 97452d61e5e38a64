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
#include "sluice-credentials-account-group.h"
#include "sluice-credentials-delete-dialog.h"
#include "sluice-credentials-editor.h"
#include "sluice-credentials-export-dialog.h"
#include "sluice-credentials-import-dialog.h"
#include "sluice-credentials-page.h"
#include "sluice-credentials-row.h"
#include "sluice-credentials-utils-private.h"
#include "sluice-keyring.h"
#include "sluice-toast.h"

struct _SluiceCredentialsPage
{
  AdwBin                         parent_instance;

  GCancellable                  *cancellable;      /* cancelled on dispose */
  GCancellable                  *list_cancellable;
  GListModel                    *credentials;
  gboolean                       loaded;

  /* Template widgets */
  GtkStack                      *stack;
  GtkSpinner                    *loading_spinner;
  AdwStatusPage                 *error_page;
  GtkStack                      *list_stack;
  GtkListBox                    *credentials_list;
  GtkButton                     *add_button;
  SluiceCredentialsAccountGroup *account_group;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsPage, sluice_credentials_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SluiceCredentialsPage *self);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static GtkWindow *
parent_window (SluiceCredentialsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* In the page's own overlay, over the list. */
static void
toast (SluiceCredentialsPage *self,
       const char            *title)
{
  sluice_toast_show (GTK_WIDGET (self->stack), title);
}

static SluiceAwsCredentials *
find_credentials (SluiceCredentialsPage *self,
                  GVariant              *name)
{
  return _sluice_credentials_find (self->credentials, g_variant_get_string (name, NULL));
}

static void
show_error (SluiceCredentialsPage *self,
            const char            *heading,
            const GError          *error)
{
  _sluice_credentials_show_error (GTK_WIDGET (self), heading, error);
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

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return GTK_WIDGET (sluice_credentials_row_new (item));
}

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

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SLUICE_CREDENTIALS_PAGE (widget));
}

/* ------------------------------------------------------------------------------------------ */
/* Add and edit                                                                               */
/* ------------------------------------------------------------------------------------------ */

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
editor_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  SluiceCredentialsEditor *editor = SLUICE_CREDENTIALS_EDITOR (source);
  SluiceAwsCredentials *original = sluice_credentials_editor_get_original (editor);
  g_autoptr(SluiceAwsCredentials) stored = NULL;
  g_autofree char *message = NULL;
  const char *name;

  /* The editor stays open on a failure: the only other end is the user's Cancel. */
  stored = sluice_credentials_editor_run_finish (editor, result, NULL);
  if (stored == NULL)
    return;

  name = _sluice_credentials_name_of (stored);
  if (original != NULL && g_strcmp0 (_sluice_credentials_name_of (original), name) != 0)
    sluice_keyring_delete_aws_credentials_async (_sluice_credentials_name_of (original), self->cancellable,
                                                 delete_renamed_cb, g_object_ref (self));
  else
    reload (self);

  /* Translators: %s is the name of a credential set */
  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
}

/* @original: (nullable): the credentials to edit; @prefill: (nullable): keys to check and name */
static SluiceCredentialsEditor *
open_editor (SluiceCredentialsPage *self,
             SluiceAwsCredentials  *original,
             SluiceAwsCredentials  *prefill)
{
  SluiceCredentialsEditor *editor = sluice_credentials_editor_new (original, self->credentials);

  if (prefill != NULL)
    sluice_credentials_editor_prefill (editor, prefill);
  sluice_credentials_editor_run_async (editor, parent_window (self), self->cancellable, editor_done_cb,
                                       g_object_ref (self));

  return editor;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (SLUICE_CREDENTIALS_PAGE (widget), NULL, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, parameter);

  if (credentials != NULL)
    open_editor (self, credentials, NULL);
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
  sluice_credentials_editor_paste (open_editor (self, NULL, NULL), text);
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

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = sluice_credentials_import_dialog_run_finish (SLUICE_CREDENTIALS_IMPORT_DIALOG (source), result, &error);
  if (credentials == NULL)
    {
      show_error (self,
                  error->domain == SLUICE_AWS_CREDENTIALS_ERROR ? _("Cannot Import the Profile")
                                                                : _("Cannot Import from the AWS Credentials File"),
                  error);
      return;
    }
  /* Named after the profile: the user checks and names them before they are stored. */
  open_editor (self, NULL, credentials);
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);

  sluice_credentials_import_dialog_run_async (sluice_credentials_import_dialog_new (NULL), parent_window (self),
                                              self->cancellable, import_chosen_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Copy and export                                                                            */
/* ------------------------------------------------------------------------------------------ */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, parameter);
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

static void export_open (SluiceCredentialsPage *self,
                         SluiceAwsCredentials  *credentials,
                         const char            *profile);

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  SluiceCredentialsExportDialog *dialog = SLUICE_CREDENTIALS_EXPORT_DIALOG (source);
  const char *profile = sluice_credentials_export_dialog_get_profile (dialog);
  g_autofree char *path = g_file_get_path (sluice_credentials_export_dialog_get_file (dialog));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!sluice_credentials_export_dialog_run_finish (dialog, result, &error))
    {
      SluiceAwsCredentials *credentials = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The profile name the user chose is offered again, under the error. */
      g_object_get (dialog, "credentials", &credentials, NULL);
      export_open (self, credentials, profile);
      g_object_unref (credentials);
      show_error (self, _("Could Not Export the Credentials"), error);
      return;
    }

  /* Translators: the first %s is an AWS profile name, the second a file's path */
  message = g_strdup_printf (_("Exported to profile “%s” in %s"), profile, path);
  toast (self, message);
}

/* @profile: (nullable): the profile name to offer; %NULL for one made from the name */
static void
export_open (SluiceCredentialsPage *self,
             SluiceAwsCredentials  *credentials,
             const char            *profile)
{
  SluiceCredentialsExportDialog *dialog = sluice_credentials_export_dialog_new (credentials, NULL, profile);

  sluice_credentials_export_dialog_run_async (dialog, parent_window (self), self->cancellable,
                                              export_done_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, parameter);

  if (credentials != NULL)
    export_open (self, credentials, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Delete                                                                                     */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  SluiceCredentialsPage *page;
  char                  *name;
} Delete;

static void
delete_free (Delete *del)
{
  g_clear_object (&del->page);
  g_free (del->name);
  g_free (del);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Delete, delete_free)

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Delete) del = user_data;
  g_autoptr(GError) error = NULL;
  gboolean deleted = sluice_keyring_delete_aws_credentials_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!deleted && !g_error_matches (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND))
    show_error (del->page, _("Could Not Delete the Credentials"), error);
  else
    {
      /* Translators: %s is the name of a credential set */
      g_autofree char *message = g_strdup_printf (_("Deleted “%s”"), del->name);

      toast (del->page, message);
    }
  reload (del->page);
}

static void
delete_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SluiceCredentialsPage) self = user_data;
  SluiceCredentialsDeleteDialog *dialog = SLUICE_CREDENTIALS_DELETE_DIALOG (source);
  Delete *del;

  if (!sluice_credentials_delete_dialog_run_finish (dialog, result, NULL))
    return;

  del = g_new0 (Delete, 1);
  del->page = g_object_ref (self);
  del->name = g_strdup (_sluice_credentials_name_of (sluice_credentials_delete_dialog_get_credentials (dialog)));
  sluice_keyring_delete_aws_credentials_async (del->name, self->cancellable, deleted_cb, del);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCredentialsPage *self = SLUICE_CREDENTIALS_PAGE (widget);
  SluiceAwsCredentials *credentials = find_credentials (self, parameter);

  if (credentials != NULL)
    sluice_credentials_delete_dialog_run_async (sluice_credentials_delete_dialog_new (credentials), parent_window (self),
                                                self->cancellable, delete_chosen_cb, g_object_ref (self));
}

/* A pipeline's keys from data.all, through the account group. */
static void
credentials_ready_cb (SluiceCredentialsPage *self)
{
  reload (self);
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
      g_value_set_object (value, sluice_credentials_page_get_account_manager (self));
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

  properties[PROP_ACCOUNT_MANAGER] =
    g_param_spec_object ("account-manager", NULL, NULL, SLUICE_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLUICE_TYPE_CREDENTIALS_ACCOUNT_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, credentials_list);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsPage, account_group);
  gtk_widget_class_bind_template_callback (widget_class, credentials_ready_cb);

  gtk_widget_class_install_action (widget_class, "credentials.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "credentials.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "credentials.import-clipboard", NULL, import_clipboard_action);
  gtk_widget_class_install_action (widget_class, "credentials.import-file", NULL, import_file_action);
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
  reload (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluiceCredentialsPage *
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

  return sluice_credentials_account_group_get_account_manager (self->account_group);
}

void
sluice_credentials_page_set_account_manager (SluiceCredentialsPage *self,
                                             SluiceAccountManager  *manager)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_PAGE (self));
  g_return_if_fail (manager == NULL || SLUICE_IS_ACCOUNT_MANAGER (manager));

  if (sluice_credentials_page_get_account_manager (self) == manager)
    return;

  sluice_credentials_account_group_set_account_manager (self->account_group, manager);
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
