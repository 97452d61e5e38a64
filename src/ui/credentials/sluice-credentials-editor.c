/* sluice-credentials-editor.c: the Add and Edit dialog for AWS credentials
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-codecommit.h"
#include "sluice-credentials-editor.h"
#include "sluice-credentials-utils-private.h"
#include "sluice-error-box.h"
#include "sluice-keyring.h"

struct _SluiceCredentialsEditor
{
  AdwWindow             parent_instance;

  SluiceAwsCredentials *original;      /* being edited; NULL when adding */
  GListModel           *existing;      /* the credential sets there are, for their names */
  SluiceAwsCredentials *parsed;        /* from the paste box or an import: expiry, pipeline... */
  GCancellable         *cancellable;   /* the keyring call; cancelled on dispose */
  SluiceAwsCredentials *saving;        /* handed to the keyring, until it answers */
  GTask                *task;          /* the run, until it has its answer */
  gboolean              filling;

  /* Template widgets */
  GtkSpinner           *spinner;
  GtkButton            *save_button;
  GtkRevealer          *error_revealer;
  SluiceErrorBox       *error_box;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *paste_group;
  GtkTextBuffer        *paste_buffer;
  GtkLabel             *paste_status;
  AdwEntryRow          *name_row;
  AdwEntryRow          *key_row;
  AdwEntryRow          *secret_row;
  AdwEntryRow          *token_row;
  AdwEntryRow          *account_row;
  AdwEntryRow          *region_row;
  GtkLabel             *keys_error;
  GtkLabel             *details_error;
};

G_DEFINE_FINAL_TYPE (SluiceCredentialsEditor, sluice_credentials_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ORIGINAL,
  PROP_EXISTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

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

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
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

/* A check done in core: its error's sentence is the problem. */
static gboolean
check_with (AdwEntryRow  *row,
            gboolean    (*check) (const char *text, GError **error),
            const char   *text,
            GString      *problems)
{
  g_autoptr(GError) error = NULL;
  gboolean good = check (text, &error);

  return check_field (row, good, good ? NULL : error->message, problems);
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
validate (SluiceCredentialsEditor *self,
          gboolean                 all)
{
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *name = row_text_stripped (self->name_row);
  g_autofree char *key = row_text_stripped (self->key_row);
  g_autofree char *secret = row_text_stripped (self->secret_row);
  g_autofree char *token = row_text_stripped (self->token_row);
  g_autofree char *account = row_text_stripped (self->account_row);
  g_autofree char *region = row_text_stripped (self->region_row);
  gboolean ok = TRUE;

  if (*name == '\0')
    ok &= check_field (self->name_row, !all, _("Enter a name for these credentials."), keys);
  else
    ok &= check_field (self->name_row,
                       _sluice_credentials_find (self->existing, name) == NULL ||
                       (self->original != NULL && g_strcmp0 (name, _sluice_credentials_name_of (self->original)) == 0),
                       _("Other credentials have this name already. Choose another name."), keys);

  if (all || *key != '\0')
    ok &= check_with (self->key_row, sluice_aws_credentials_check_access_key_id, key, keys);
  else
    check_field (self->key_row, TRUE, NULL, keys);

  if (all || *secret != '\0')
    ok &= check_with (self->secret_row, sluice_aws_credentials_check_secret_access_key, secret, keys);
  else
    check_field (self->secret_row, TRUE, NULL, keys);

  ok &= check_with (self->token_row, sluice_aws_credentials_check_session_token, token, keys);

  ok &= check_field (self->account_row, *account == '\0' || is_account_id (account),
                     _("An AWS account ID has exactly 12 digits, like 111122223333."), details);
  ok &= check_field (self->region_row, *region == '\0' || sluice_aws_region_is_valid (region),
                     _("A region looks like eu-west-1."), details);

  show_problems (self->keys_error, keys);
  show_problems (self->details_error, details);

  return ok;
}

static void
fill (SluiceCredentialsEditor *self,
      SluiceAwsCredentials    *credentials,
      gboolean                 keep_name)
{
  self->filling = TRUE;
  if (!keep_name || *row_text (self->name_row) == '\0')
    set_row (self->name_row, sluice_aws_credentials_get_name (credentials));
  set_row (self->key_row, sluice_aws_credentials_get_access_key_id (credentials));
  set_row (self->secret_row, sluice_aws_credentials_get_secret_access_key (credentials));
  set_row (self->token_row, sluice_aws_credentials_get_session_token (credentials));
  if (sluice_aws_credentials_get_aws_account_id (credentials) != NULL)
    set_row (self->account_row, sluice_aws_credentials_get_aws_account_id (credentials));
  if (sluice_aws_credentials_get_region (credentials) != NULL)
    set_row (self->region_row, sluice_aws_credentials_get_region (credentials));
  self->filling = FALSE;
  validate (self, FALSE);
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
set_busy (SluiceCredentialsEditor *self,
          gboolean                 busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

/* The run ends: with the stored credentials, or cancelled (Cancel, closed, or its parent gone). */
static void
finish_run (SluiceCredentialsEditor *self,
            SluiceAwsCredentials    *stored)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (stored != NULL)
    g_task_return_pointer (task, g_object_ref (stored), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The dialog was closed."));
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
field_changed_cb (SluiceCredentialsEditor *self)
{
  if (!self->filling)
    validate (self, FALSE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
paste_changed_cb (SluiceCredentialsEditor *self)
{
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  SluiceAwsCredentialsFormat format = SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT;

  gtk_text_buffer_get_bounds (self->paste_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->paste_buffer, &start, &end, FALSE);
  g_strstrip (text);

  gtk_widget_remove_css_class (GTK_WIDGET (self->paste_status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->paste_status), "success");
  if (*text == '\0')
    {
      gtk_label_set_label (self->paste_status,
                           _("data.all’s JSON, STS or credential_process JSON, “export AWS_…=” lines or a section of ~/.aws/credentials."));
      return;
    }

  credentials = sluice_aws_credentials_parse (text, -1, NULL, &format, &error);
  memset (text, 0, strlen (text));
  if (credentials == NULL)
    {
      gtk_label_set_label (self->paste_status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->paste_status), "error");
      return;
    }

  gtk_label_set_label (self->paste_status, format_name (format));
  gtk_widget_add_css_class (GTK_WIDGET (self->paste_status), "success");
  g_set_object (&self->parsed, credentials);
  fill (self, credentials, TRUE);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SluiceCredentialsEditor) self = user_data;
  g_autoptr(SluiceAwsCredentials) stored = g_steal_pointer (&self->saving);
  g_autoptr(GError) error = NULL;

  if (!sluice_keyring_store_aws_credentials_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Everything typed stays in the dialog. */
      set_busy (self, FALSE);
      sluice_error_box_set_error (self->error_box, error);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  finish_run (self, stored);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (SluiceCredentialsEditor *self)
{
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autofree char *name = row_text_stripped (self->name_row);
  g_autofree char *key = row_text_stripped (self->key_row);
  g_autofree char *secret = row_text_stripped (self->secret_row);
  g_autofree char *token = row_text_stripped (self->token_row);
  g_autofree char *account = row_text_stripped (self->account_row);
  g_autofree char *region = row_text_stripped (self->region_row);
  SluiceAwsCredentials *base;
  gboolean same_keys;

  if (self->saving != NULL || !validate (self, TRUE))
    return;

  /* Pasted or edited credentials keep what the fields do not show (expiry, pipeline...) as
   * long as they are still the same keys. */
  base = self->parsed != NULL ? self->parsed : self->original;
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

  set_busy (self, TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  self->saving = g_object_ref (credentials);
  sluice_keyring_store_aws_credentials_async (credentials, self->cancellable, stored_cb, g_object_ref (self));
}

static void
cancel_cb (SluiceCredentialsEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_credentials_editor_constructed (GObject *object)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (object);

  G_OBJECT_CLASS (sluice_credentials_editor_parent_class)->constructed (object);

  if (self->original != NULL)
    {
      /* Editing: the keys are known, there is nothing to paste. */
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Credentials"));
      gtk_button_set_label (self->save_button, _("_Save"));
      adw_preferences_page_remove (self->page, self->paste_group);
      self->paste_group = NULL;
      self->paste_buffer = NULL;
      self->paste_status = NULL;
      fill (self, self->original, FALSE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Credentials"));
      paste_changed_cb (self);
    }

  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/* Closed without an answer: a save under way stops. */
static void
end_unanswered (GtkWidget *widget)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (widget);

  g_cancellable_cancel (self->cancellable);
  finish_run (self, NULL);
}

static void
sluice_credentials_editor_unmap (GtkWidget *widget)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (widget);

  GTK_WIDGET_CLASS (sluice_credentials_editor_parent_class)->unmap (widget);
  _sluice_credentials_run_unmapped (widget, self->task != NULL, end_unanswered, FALSE);
}

static void
sluice_credentials_editor_dispose (GObject *object)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  finish_run (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREDENTIALS_EDITOR);

  G_OBJECT_CLASS (sluice_credentials_editor_parent_class)->dispose (object);
}

static void
sluice_credentials_editor_finalize (GObject *object)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->original);
  g_clear_object (&self->existing);
  g_clear_object (&self->parsed);
  g_clear_object (&self->saving);

  G_OBJECT_CLASS (sluice_credentials_editor_parent_class)->finalize (object);
}

static void
sluice_credentials_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ORIGINAL:
      g_value_set_object (value, self->original);
      break;
    case PROP_EXISTING:
      g_value_set_object (value, self->existing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SluiceCredentialsEditor *self = SLUICE_CREDENTIALS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ORIGINAL:
      self->original = g_value_dup_object (value);
      break;
    case PROP_EXISTING:
      self->existing = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_credentials_editor_class_init (SluiceCredentialsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sluice_credentials_editor_constructed;
  object_class->dispose = sluice_credentials_editor_dispose;
  object_class->finalize = sluice_credentials_editor_finalize;
  object_class->get_property = sluice_credentials_editor_get_property;
  object_class->set_property = sluice_credentials_editor_set_property;

  widget_class->unmap = sluice_credentials_editor_unmap;

  /**
   * SluiceCredentialsEditor:original:
   *
   * The credential set being edited; %NULL when adding one.
   */
  properties[PROP_ORIGINAL] =
    g_param_spec_object ("original", NULL, NULL, SLUICE_TYPE_AWS_CREDENTIALS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SluiceCredentialsEditor:existing:
   *
   * The credential sets there are (of #SluiceAwsCredentials): a new name must not be one of theirs.
   */
  properties[PROP_EXISTING] =
    g_param_spec_object ("existing", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/credentials/sluice-credentials-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, page);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, paste_group);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, paste_buffer);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, paste_status);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, key_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, secret_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, token_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, account_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, keys_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCredentialsEditor, details_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paste_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
}

static void
sluice_credentials_editor_init (SluiceCredentialsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_credentials_editor_new:
 * @original: (nullable): the credential set to edit; %NULL to add one
 * @existing: (nullable): the credential sets there are, so that no two share a name
 */
SluiceCredentialsEditor *
sluice_credentials_editor_new (SluiceAwsCredentials *original,
                               GListModel           *existing)
{
  g_return_val_if_fail (original == NULL || SLUICE_IS_AWS_CREDENTIALS (original), NULL);
  g_return_val_if_fail (existing == NULL || G_IS_LIST_MODEL (existing), NULL);

  return g_object_new (SLUICE_TYPE_CREDENTIALS_EDITOR, "original", original, "existing", existing, NULL);
}

/**
 * sluice_credentials_editor_get_original:
 *
 * Returns: (transfer none) (nullable): the credential set being edited
 */
SluiceAwsCredentials *
sluice_credentials_editor_get_original (SluiceCredentialsEditor *self)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_EDITOR (self), NULL);

  return self->original;
}

/**
 * sluice_credentials_editor_prefill:
 *
 * Fills the fields with @credentials (an imported profile, say), keeping what the fields do
 * not show for when they are saved.
 */
void
sluice_credentials_editor_prefill (SluiceCredentialsEditor *self,
                                   SluiceAwsCredentials    *credentials)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_EDITOR (self));
  g_return_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials));

  g_set_object (&self->parsed, credentials);
  fill (self, credentials, FALSE);
}

/**
 * sluice_credentials_editor_paste:
 *
 * Puts @text in the paste box, which says what it found there (adding only).
 */
void
sluice_credentials_editor_paste (SluiceCredentialsEditor *self,
                                 const char              *text)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_EDITOR (self));
  g_return_if_fail (text != NULL);

  if (self->paste_buffer != NULL)
    gtk_text_buffer_set_text (self->paste_buffer, text, -1);
}

/**
 * sluice_credentials_editor_run_async:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Shows the dialog. It stores what the user typed in the keyring itself and stays open, with
 * everything typed, when that fails; the run ends once the keys are stored, or cancelled when
 * the user closes the dialog.
 */
void
sluice_credentials_editor_run_async (SluiceCredentialsEditor *self,
                                     GtkWindow               *parent,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_return_if_fail (SLUICE_IS_CREDENTIALS_EDITOR (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sluice_credentials_editor_run_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * sluice_credentials_editor_run_finish:
 *
 * Returns: (transfer full): the credentials stored, or %NULL with %G_IO_ERROR_CANCELLED
 */
SluiceAwsCredentials *
sluice_credentials_editor_run_finish (SluiceCredentialsEditor  *self,
                                      GAsyncResult             *result,
                                      GError                  **error)
{
  g_return_val_if_fail (SLUICE_IS_CREDENTIALS_EDITOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_credentials_editor_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
