/* sluice-connect-dialog.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account-manager.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CONNECT_DIALOG (sluice_connect_dialog_get_type())

G_DECLARE_FINAL_TYPE (SluiceConnectDialog, sluice_connect_dialog, SLUICE, CONNECT_DIALOG, AdwWindow)

SluiceConnectDialog *sluice_connect_dialog_new            (GtkWindow            *parent,
                                                           SluiceAccountManager *manager,
                                                           SluiceAccount        *account);
void                 sluice_connect_dialog_prefill        (SluiceConnectDialog  *self,
                                                           const char           *api_url,
                                                           SluiceSignInProvider  provider,
                                                           const char           *provider_url,
                                                           const char           *client_id,
                                                           const char           *aws_endpoint);
void                 sluice_connect_dialog_sign_in        (SluiceConnectDialog  *self);
void                 sluice_connect_dialog_set_browser_func (SluiceConnectDialog *self,
                                                           SluiceBrowserFunc     func,
                                                           gpointer              user_data);

G_END_DECLS
