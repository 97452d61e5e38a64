/* sluice-credentials-account-group.h: the data.all sign-in on the Credentials page
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account-manager.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_ACCOUNT_GROUP (sluice_credentials_account_group_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsAccountGroup, sluice_credentials_account_group, SLUICE, CREDENTIALS_ACCOUNT_GROUP, AdwPreferencesGroup)

SluiceAccountManager *sluice_credentials_account_group_get_account_manager (SluiceCredentialsAccountGroup *self);
void                  sluice_credentials_account_group_set_account_manager (SluiceCredentialsAccountGroup *self,
                                                                            SluiceAccountManager          *manager);

G_END_DECLS
