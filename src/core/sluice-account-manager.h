/* sluice-account-manager.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-account.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_ACCOUNT_MANAGER (sluice_account_manager_get_type())

G_DECLARE_FINAL_TYPE (SluiceAccountManager, sluice_account_manager, SLUICE, ACCOUNT_MANAGER, GObject)

SluiceAccountManager *sluice_account_manager_new          (const char            *path);
const char           *sluice_account_manager_get_path     (SluiceAccountManager  *self);
gboolean              sluice_account_manager_load         (SluiceAccountManager  *self,
                                                           GError               **error);
gboolean              sluice_account_manager_save         (SluiceAccountManager  *self,
                                                           GError               **error);
void                  sluice_account_manager_add          (SluiceAccountManager  *self,
                                                           SluiceAccount         *account);
void                  sluice_account_manager_remove       (SluiceAccountManager  *self,
                                                           SluiceAccount         *account);
SluiceAccount        *sluice_account_manager_lookup       (SluiceAccountManager  *self,
                                                           const char            *id);
SluiceAccount        *sluice_account_manager_find_by_api_url (SluiceAccountManager *self,
                                                           const char            *api_url);
SluiceAccount        *sluice_account_manager_get_active   (SluiceAccountManager  *self);
void                  sluice_account_manager_set_active   (SluiceAccountManager  *self,
                                                           SluiceAccount         *account);

G_END_DECLS
