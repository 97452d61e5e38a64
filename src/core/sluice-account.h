/* sluice-account.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "sluice-dataall-auth.h"
#include "sluice-dataall-client.h"

G_BEGIN_DECLS

typedef enum
{
  SLUICE_ACCOUNT_SIGNED_OUT,
  SLUICE_ACCOUNT_SIGNING_IN,
  SLUICE_ACCOUNT_SIGNED_IN,
} SluiceAccountState;

#define SLUICE_DEFAULT_REDIRECT_PORT 8400

#define SLUICE_TYPE_ACCOUNT (sluice_account_get_type())

G_DECLARE_FINAL_TYPE (SluiceAccount, sluice_account, SLUICE, ACCOUNT, GObject)

SluiceAccount        *sluice_account_new                (const char           *id);
const char           *sluice_account_get_id             (SluiceAccount        *self);
const char           *sluice_account_get_name           (SluiceAccount        *self);
void                  sluice_account_set_name           (SluiceAccount        *self,
                                                         const char           *name);
const char           *sluice_account_get_api_url        (SluiceAccount        *self);
void                  sluice_account_set_api_url        (SluiceAccount        *self,
                                                         const char           *api_url);
SluiceSignInProvider  sluice_account_get_provider       (SluiceAccount        *self);
void                  sluice_account_set_provider       (SluiceAccount        *self,
                                                         SluiceSignInProvider  provider);
const char           *sluice_account_get_provider_url   (SluiceAccount        *self);
void                  sluice_account_set_provider_url   (SluiceAccount        *self,
                                                         const char           *provider_url);
const char           *sluice_account_get_client_id      (SluiceAccount        *self);
void                  sluice_account_set_client_id      (SluiceAccount        *self,
                                                         const char           *client_id);
guint                 sluice_account_get_redirect_port  (SluiceAccount        *self);
void                  sluice_account_set_redirect_port  (SluiceAccount        *self,
                                                         guint                 port);
const char           *sluice_account_get_aws_endpoint   (SluiceAccount        *self);
void                  sluice_account_set_aws_endpoint   (SluiceAccount        *self,
                                                         const char           *aws_endpoint);
gboolean              sluice_account_get_send_id_token  (SluiceAccount        *self);
void                  sluice_account_set_send_id_token  (SluiceAccount        *self,
                                                         gboolean              send_id_token);
const char           *sluice_account_get_email          (SluiceAccount        *self);
SluiceAccountState    sluice_account_get_state          (SluiceAccount        *self);
SluiceSignIn         *sluice_account_get_pending_sign_in (SluiceAccount       *self);
char                 *sluice_account_dup_graphql_url    (SluiceAccount        *self);
SluiceDataallClient  *sluice_account_get_client         (SluiceAccount        *self);
gboolean              sluice_account_validate           (SluiceAccount        *self,
                                                         GError              **error);

void                  sluice_account_sign_in_async      (SluiceAccount        *self,
                                                         SluiceBrowserFunc     browser,
                                                         gpointer              browser_data,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean              sluice_account_sign_in_finish     (SluiceAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                  sluice_account_sign_in_with_token_async  (SluiceAccount *self,
                                                         const char           *access_token,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean              sluice_account_sign_in_with_token_finish (SluiceAccount *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
gboolean              sluice_account_claim_restore      (SluiceAccount        *self);
void                  sluice_account_restore_async      (SluiceAccount        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean              sluice_account_restore_finish     (SluiceAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                  sluice_account_get_token_async    (SluiceAccount        *self,
                                                         gboolean              force_refresh,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char                 *sluice_account_get_token_finish   (SluiceAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                  sluice_account_sign_out_async     (SluiceAccount        *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean              sluice_account_sign_out_finish    (SluiceAccount        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

void                  sluice_account_save_to_key_file   (SluiceAccount        *self,
                                                         GKeyFile             *key_file);
SluiceAccount        *sluice_account_new_from_key_file  (GKeyFile             *key_file,
                                                         const char           *group);

G_END_DECLS
