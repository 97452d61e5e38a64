/* sluice-pipeline-credentials.h: a pipeline's AWS credentials, from the keyring or data.all
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-account.h"
#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

/* Stored credentials with less time than this left are renewed rather than handed out: a
 * clone or a deployment check started with them must not fail half-way. */
#define SLUICE_PIPELINE_CREDENTIALS_MIN_SECONDS_LEFT (5 * 60)

void                  sluice_pipeline_credentials_fetch_async  (SluiceAccount        *account,
                                                                const char           *pipeline_uri,
                                                                const char           *pipeline_label,
                                                                const char           *aws_account_id,
                                                                const char           *region,
                                                                gboolean              force,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
SluiceAwsCredentials *sluice_pipeline_credentials_fetch_finish (GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
