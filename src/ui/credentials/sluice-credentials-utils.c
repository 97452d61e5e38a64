/* sluice-credentials-utils.c: what the Credentials page's classes share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-credentials-utils"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-credentials-utils-private.h"
#include "sluice-error-box.h"

/* Credentials are known by their name, or by their access key ID while they have none. */
const char *
_sluice_credentials_name_of (SluiceAwsCredentials *credentials)
{
  const char *name = sluice_aws_credentials_get_name (credentials);

  return name != NULL ? name : sluice_aws_credentials_get_access_key_id (credentials);
}

SluiceAwsCredentials *
_sluice_credentials_find (GListModel *list,
                          const char *name)
{
  if (list == NULL || name == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (list, i);

      if (g_strcmp0 (sluice_aws_credentials_get_name (credentials), name) == 0 ||
          (sluice_aws_credentials_get_name (credentials) == NULL &&
           g_strcmp0 (sluice_aws_credentials_get_access_key_id (credentials), name) == 0))
        return credentials;
    }

  return NULL;
}

/* An error as a sentence, with data.all's own words under Details. */
void
_sluice_credentials_show_error (GtkWidget    *from,
                                const char   *heading,
                                const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (from);
  AdwMessageDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (sluice_error_get_detail (error) != NULL)
    {
      /* The sentence is the dialog's body already. */
      SluiceErrorBox *details = SLUICE_ERROR_BOX (sluice_error_box_new ());

      sluice_error_box_set_show_message (details, FALSE);
      sluice_error_box_set_error (details, error);
      adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (details));
    }
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWidget                   *dialog;
  SluiceCredentialsRunEndFunc  end;
} Unanswered;

static gboolean
unanswered_cb (gpointer data)
{
  Unanswered *unanswered = data;

  unanswered->end (unanswered->dialog);

  return G_SOURCE_REMOVE;
}

static void
unanswered_free (gpointer data)
{
  Unanswered *unanswered = data;

  g_object_unref (unanswered->dialog);
  g_free (unanswered);
}

/**
 * _sluice_credentials_run_unmapped:
 * @dialog: a dialog run with `_run_async()`, in its unmap after chaining up
 * @running: whether its run is still going (it holds a task)
 * @end: ends the run without an answer; does nothing when the run has already ended
 * @wait_for_answer: %TRUE for an #AdwMessageDialog, whose response comes after it closes
 *
 * The dialog left the screen: by Cancel, the window manager, or with its parent. The run's
 * task holds the dialog, which gtk_window_destroy() does not dispose, so this cannot wait for
 * dispose: the run ends now, or once the main loop is idle when a clicked response may still
 * be on its way. And GTK 4.8 leaves a destroyed window's pointer to a parent that goes first:
 * the dialog lets go of its parent here.
 */
void
_sluice_credentials_run_unmapped (GtkWidget                   *dialog,
                                  gboolean                     running,
                                  SluiceCredentialsRunEndFunc  end,
                                  gboolean                     wait_for_answer)
{
  Unanswered *unanswered;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (end != NULL);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  if (!running)
    return;
  if (!wait_for_answer)
    {
      end (dialog);
      return;
    }
  unanswered = g_new0 (Unanswered, 1);
  unanswered->dialog = g_object_ref (dialog);
  unanswered->end = end;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unanswered_cb, unanswered, unanswered_free);
}
