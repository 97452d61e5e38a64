/* sluice-aws-credentials.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_AWS_CREDENTIALS_ERROR (sluice_aws_credentials_error_quark ())

typedef enum
{
  SLUICE_AWS_CREDENTIALS_ERROR_INVALID,          /* nothing recognisable, or broken syntax */
  SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID,
  SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET,
  SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID,
  SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET,
  SLUICE_AWS_CREDENTIALS_ERROR_BAD_TOKEN,
  SLUICE_AWS_CREDENTIALS_ERROR_BAD_EXPIRATION,
  SLUICE_AWS_CREDENTIALS_ERROR_PROFILE_NOT_FOUND,
  SLUICE_AWS_CREDENTIALS_ERROR_BAD_PROFILE_NAME,
} SluiceAwsCredentialsError;

typedef enum
{
  SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM,
  SLUICE_AWS_CREDENTIALS_KIND_SESSION,
} SluiceAwsCredentialsKind;

/* Which spelling a pasted text used. */
typedef enum
{
  SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_PIPELINE,     /* AWS_ACCESS_KEY_ID... as JSON */
  SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_ENVIRONMENT,  /* AccessKey, SessionKey, sessionToken */
  SLUICE_AWS_CREDENTIALS_FORMAT_STS,                  /* AccessKeyId... (STS, credential_process) */
  SLUICE_AWS_CREDENTIALS_FORMAT_SLUICE,               /* sluice_aws_credentials_to_json() */
  SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT,               /* export AWS_...= lines */
  SLUICE_AWS_CREDENTIALS_FORMAT_INI,                  /* a ~/.aws/credentials section */
} SluiceAwsCredentialsFormat;

/* data.all asks STS for its default lifetime and does not say when the keys expire. */
#define SLUICE_AWS_CREDENTIALS_ESTIMATED_LIFETIME_SECONDS 3600

#define SLUICE_TYPE_AWS_CREDENTIALS (sluice_aws_credentials_get_type ())

G_DECLARE_FINAL_TYPE (SluiceAwsCredentials, sluice_aws_credentials, SLUICE, AWS_CREDENTIALS, GObject)

GQuark                sluice_aws_credentials_error_quark          (void);
const char           *sluice_aws_credentials_kind_to_string       (SluiceAwsCredentialsKind kind);
gboolean              sluice_aws_credentials_kind_from_string     (const char              *str,
                                                                   SluiceAwsCredentialsKind *kind);

SluiceAwsCredentials *sluice_aws_credentials_new                  (const char  *access_key_id,
                                                                   const char  *secret_access_key,
                                                                   const char  *session_token);
SluiceAwsCredentials *sluice_aws_credentials_copy                 (SluiceAwsCredentials *self);

const char           *sluice_aws_credentials_get_access_key_id    (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_access_key_id    (SluiceAwsCredentials *self,
                                                                   const char           *access_key_id);
const char           *sluice_aws_credentials_get_secret_access_key (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_secret_access_key (SluiceAwsCredentials *self,
                                                                    const char           *secret_access_key);
const char           *sluice_aws_credentials_get_session_token    (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_session_token    (SluiceAwsCredentials *self,
                                                                   const char           *session_token);
SluiceAwsCredentialsKind sluice_aws_credentials_get_kind          (SluiceAwsCredentials *self);
GDateTime            *sluice_aws_credentials_get_expiration       (SluiceAwsCredentials *self);
gboolean              sluice_aws_credentials_get_expiration_estimated (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_expiration       (SluiceAwsCredentials *self,
                                                                   GDateTime            *expiration,
                                                                   gboolean              estimated);
const char           *sluice_aws_credentials_get_name             (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_name             (SluiceAwsCredentials *self,
                                                                   const char           *name);
const char           *sluice_aws_credentials_get_aws_account_id   (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_aws_account_id   (SluiceAwsCredentials *self,
                                                                   const char           *aws_account_id);
const char           *sluice_aws_credentials_get_region           (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_region           (SluiceAwsCredentials *self,
                                                                   const char           *region);
const char           *sluice_aws_credentials_get_pipeline_uri     (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_pipeline_uri     (SluiceAwsCredentials *self,
                                                                   const char           *pipeline_uri);
const char           *sluice_aws_credentials_get_repository       (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_repository       (SluiceAwsCredentials *self,
                                                                   const char           *repository);
const char           *sluice_aws_credentials_get_dataall_account  (SluiceAwsCredentials *self);
void                  sluice_aws_credentials_set_dataall_account  (SluiceAwsCredentials *self,
                                                                   const char           *dataall_account);

gboolean              sluice_aws_credentials_is_expired           (SluiceAwsCredentials *self,
                                                                   GDateTime            *now);
gint64                sluice_aws_credentials_get_seconds_left     (SluiceAwsCredentials *self,
                                                                   GDateTime            *now);
gboolean              sluice_aws_credentials_validate             (SluiceAwsCredentials *self,
                                                                   GError              **error);

/* Checks for a form field: %FALSE with a sentence for people. */
gboolean              sluice_aws_credentials_check_access_key_id  (const char  *access_key_id,
                                                                   GError     **error);
gboolean              sluice_aws_credentials_check_secret_access_key (const char  *secret_access_key,
                                                                      GError     **error);
gboolean              sluice_aws_credentials_check_session_token  (const char  *session_token,
                                                                   GError     **error);
gboolean              sluice_aws_credentials_check_profile_name   (const char  *profile,
                                                                   GError     **error);
char                 *sluice_aws_credentials_mask                 (const char  *secret);

/* Parsing: every spelling people paste. */
SluiceAwsCredentials *sluice_aws_credentials_parse                (const char                 *text,
                                                                   gssize                      length,
                                                                   GDateTime                  *fetched_at,
                                                                   SluiceAwsCredentialsFormat *format,
                                                                   GError                    **error);
SluiceAwsCredentials *sluice_aws_credentials_parse_json_object    (JsonObject                 *object,
                                                                   GDateTime                  *fetched_at,
                                                                   SluiceAwsCredentialsFormat *format,
                                                                   GError                    **error);
SluiceAwsCredentials *sluice_aws_credentials_parse_ini            (const char                 *text,
                                                                   gssize                      length,
                                                                   const char                 *profile,
                                                                   GDateTime                  *fetched_at,
                                                                   GError                    **error);
GStrv                 sluice_aws_credentials_list_ini_profiles    (const char                 *text,
                                                                   gssize                      length);

/* Export. */
char                 *sluice_aws_credentials_to_json              (SluiceAwsCredentials *self);
SluiceAwsCredentials *sluice_aws_credentials_from_json            (const char           *json,
                                                                   GError              **error);
char                 *sluice_aws_credentials_to_export_lines      (SluiceAwsCredentials *self);
char                 *sluice_aws_credentials_to_credential_process_json (SluiceAwsCredentials *self);
char                 *sluice_aws_credentials_update_ini           (SluiceAwsCredentials *self,
                                                                   const char           *existing,
                                                                   const char           *profile);
GFile                *sluice_aws_credentials_get_default_file     (void);
gboolean              sluice_aws_credentials_write_profile        (SluiceAwsCredentials *self,
                                                                   GFile                *file,
                                                                   const char           *profile,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);
void                  sluice_aws_credentials_write_profile_async  (SluiceAwsCredentials *self,
                                                                   GFile                *file,
                                                                   const char           *profile,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean              sluice_aws_credentials_write_profile_finish (SluiceAwsCredentials *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

G_END_DECLS
