/* sluice-keyring.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_KEYRING_ERROR (sluice_keyring_error_quark ())

typedef enum
{
  SLUICE_KEYRING_ERROR_UNAVAILABLE,  /* no Secret Service (no keyring daemon, no session bus) */
  SLUICE_KEYRING_ERROR_LOCKED,       /* the keyring stayed locked */
  SLUICE_KEYRING_ERROR_NOT_FOUND,
  SLUICE_KEYRING_ERROR_INVALID,      /* a stored item Sluice cannot read */
  SLUICE_KEYRING_ERROR_FAILED,
} SluiceKeyringError;

/* Attribute names of the io.github.sluice.Sluice.AwsCredentials schema. None holds a secret:
 * the secret is the credentials' JSON (sluice_aws_credentials_to_json()). */
#define SLUICE_KEYRING_ATTR_KIND            "kind"            /* "long-term" or "session" */
#define SLUICE_KEYRING_ATTR_NAME            "name"            /* unique: storing replaces */
#define SLUICE_KEYRING_ATTR_AWS_ACCOUNT_ID  "aws-account-id"
#define SLUICE_KEYRING_ATTR_PIPELINE_URI    "pipeline-uri"
#define SLUICE_KEYRING_ATTR_DATAALL_ACCOUNT "dataall-account"
#define SLUICE_KEYRING_ATTR_EXPIRY          "expiry"          /* ISO 8601 UTC, or "" */
#define SLUICE_KEYRING_ATTR_REPOSITORY      "repository"      /* CodeCommit repository name */
#define SLUICE_KEYRING_ATTR_REGION          "region"

GQuark              sluice_keyring_error_quark                    (void);
const SecretSchema *sluice_keyring_get_aws_credentials_schema     (void);

void                sluice_keyring_store_aws_credentials_async    (SluiceAwsCredentials *credentials,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean            sluice_keyring_store_aws_credentials_finish   (GAsyncResult         *result,
                                                                   GError              **error);

void                sluice_keyring_lookup_aws_credentials_async   (const char           *name,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
SluiceAwsCredentials *sluice_keyring_lookup_aws_credentials_finish (GAsyncResult        *result,
                                                                    GError             **error);

void                sluice_keyring_list_aws_credentials_async     (const char           *attribute,
                                                                   const char           *value,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
GListModel         *sluice_keyring_list_aws_credentials_finish    (GAsyncResult         *result,
                                                                   GError              **error);

void                sluice_keyring_delete_aws_credentials_async   (const char           *name,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean            sluice_keyring_delete_aws_credentials_finish  (GAsyncResult         *result,
                                                                   GError              **error);

/* Blocking versions, for the git credential helper (no main loop) and worker threads. */
gboolean            sluice_keyring_store_aws_credentials_sync     (SluiceAwsCredentials *credentials,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);
SluiceAwsCredentials *sluice_keyring_lookup_aws_credentials_sync  (const char           *name,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);
GListModel         *sluice_keyring_list_aws_credentials_sync      (const char           *attribute,
                                                                   const char           *value,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);
gboolean            sluice_keyring_delete_aws_credentials_sync    (const char           *name,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

G_END_DECLS
