/* sluice-credentials-row.h: one credential set in the Credentials page's list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_ROW (sluice_credentials_row_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsRow, sluice_credentials_row, SLUICE, CREDENTIALS_ROW, AdwExpanderRow)

SluiceCredentialsRow *sluice_credentials_row_new             (SluiceAwsCredentials *credentials);
SluiceAwsCredentials *sluice_credentials_row_get_credentials (SluiceCredentialsRow *self);
gboolean              sluice_credentials_row_get_secrets_shown (SluiceCredentialsRow *self);
void                  sluice_credentials_row_hide_secrets    (SluiceCredentialsRow *self);

G_END_DECLS
