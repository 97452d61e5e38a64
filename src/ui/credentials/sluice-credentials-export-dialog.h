/* sluice-credentials-export-dialog.h: writes credentials into the AWS profile the user names
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_EXPORT_DIALOG (sluice_credentials_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsExportDialog, sluice_credentials_export_dialog, SLUICE, CREDENTIALS_EXPORT_DIALOG, AdwMessageDialog)

SluiceCredentialsExportDialog *sluice_credentials_export_dialog_new        (SluiceAwsCredentials          *credentials,
                                                                            GFile                         *file,
                                                                            const char                    *profile);
GFile                         *sluice_credentials_export_dialog_get_file    (SluiceCredentialsExportDialog *self);
const char                    *sluice_credentials_export_dialog_get_profile (SluiceCredentialsExportDialog *self);
void                           sluice_credentials_export_dialog_run_async  (SluiceCredentialsExportDialog *self,
                                                                            GtkWindow                     *parent,
                                                                            GCancellable                  *cancellable,
                                                                            GAsyncReadyCallback            callback,
                                                                            gpointer                       user_data);
gboolean                       sluice_credentials_export_dialog_run_finish (SluiceCredentialsExportDialog *self,
                                                                            GAsyncResult                  *result,
                                                                            GError                       **error);

G_END_DECLS
