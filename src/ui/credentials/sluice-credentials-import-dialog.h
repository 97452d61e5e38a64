/* sluice-credentials-import-dialog.h: asks which profile of an AWS credentials file to import
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_IMPORT_DIALOG (sluice_credentials_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsImportDialog, sluice_credentials_import_dialog, SLUICE, CREDENTIALS_IMPORT_DIALOG, AdwMessageDialog)

SluiceCredentialsImportDialog *sluice_credentials_import_dialog_new        (GFile                         *file);
void                           sluice_credentials_import_dialog_run_async  (SluiceCredentialsImportDialog *self,
                                                                            GtkWindow                     *parent,
                                                                            GCancellable                  *cancellable,
                                                                            GAsyncReadyCallback            callback,
                                                                            gpointer                       user_data);
SluiceAwsCredentials          *sluice_credentials_import_dialog_run_finish (SluiceCredentialsImportDialog *self,
                                                                            GAsyncResult                  *result,
                                                                            GError                       **error);

G_END_DECLS
