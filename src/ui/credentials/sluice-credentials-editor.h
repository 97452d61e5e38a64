/* sluice-credentials-editor.h: the Add and Edit dialog for AWS credentials
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_EDITOR (sluice_credentials_editor_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsEditor, sluice_credentials_editor, SLUICE, CREDENTIALS_EDITOR, AdwWindow)

SluiceCredentialsEditor *sluice_credentials_editor_new          (SluiceAwsCredentials    *original,
                                                                 GListModel              *existing);
SluiceAwsCredentials    *sluice_credentials_editor_get_original (SluiceCredentialsEditor *self);
void                     sluice_credentials_editor_prefill      (SluiceCredentialsEditor *self,
                                                                 SluiceAwsCredentials    *credentials);
void                     sluice_credentials_editor_paste        (SluiceCredentialsEditor *self,
                                                                 const char              *text);
void                     sluice_credentials_editor_run_async    (SluiceCredentialsEditor *self,
                                                                 GtkWindow               *parent,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
SluiceAwsCredentials    *sluice_credentials_editor_run_finish   (SluiceCredentialsEditor *self,
                                                                 GAsyncResult            *result,
                                                                 GError                 **error);

G_END_DECLS
