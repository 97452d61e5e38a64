/* sluice-credentials-page.h: AWS credentials in the keyring and the data.all sign-in
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account-manager.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREDENTIALS_PAGE (sluice_credentials_page_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCredentialsPage, sluice_credentials_page, SLUICE, CREDENTIALS_PAGE, AdwBin)

SluiceCredentialsPage *sluice_credentials_page_new                 (void);
SluiceAccountManager  *sluice_credentials_page_get_account_manager (SluiceCredentialsPage *self);
void                   sluice_credentials_page_set_account_manager (SluiceCredentialsPage *self,
                                                                    SluiceAccountManager  *manager);
void                   sluice_credentials_page_reload              (SluiceCredentialsPage *self);
GListModel            *sluice_credentials_page_get_credentials     (SluiceCredentialsPage *self);

G_END_DECLS
