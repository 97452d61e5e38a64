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
