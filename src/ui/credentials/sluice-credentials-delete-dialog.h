/* sluice-credentials-delete-dialog.h: asks before credentials leave the keyring
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_DELETE_DIALOG (sluice_credentials_delete_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsDeleteDialog, sluice_credentials_delete_dialog, SLUICE, CREDENTIALS_DELETE_DIALOG, AdwMessageDialog)

SluiceCredentialsDeleteDialog *sluice_credentials_delete_dialog_new             (SluiceAwsCredentials          *credentials);
SluiceAwsCredentials          *sluice_credentials_delete_dialog_get_credentials (SluiceCredentialsDeleteDialog *self);
void                           sluice_credentials_delete_dialog_run_async       (SluiceCredentialsDeleteDialog *self,
                                                                                 GtkWindow                     *parent,
                                                                                 GCancellable                  *cancellable,
                                                                                 GAsyncReadyCallback            callback,
                                                                                 gpointer                       user_data);
gboolean                       sluice_credentials_delete_dialog_run_finish      (SluiceCredentialsDeleteDialog *self,
                                                                                 GAsyncResult                  *result,
                                                                                 GError                       **error);

G_END_DECLS
