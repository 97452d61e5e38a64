/* sluice-codecommit.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_CODECOMMIT_ERROR (sluice_codecommit_error_quark ())

typedef enum
{
  SLUICE_CODECOMMIT_ERROR_INVALID_URL,
  SLUICE_CODECOMMIT_ERROR_INVALID_REGION,
  SLUICE_CODECOMMIT_ERROR_NO_REGION,
  SLUICE_CODECOMMIT_ERROR_NOT_CODECOMMIT,
} SluiceCodeCommitError;

typedef enum
{
  SLUICE_AWS_PARTITION_AWS,
  SLUICE_AWS_PARTITION_AWS_CN,
  SLUICE_AWS_PARTITION_AWS_US_GOV,
} SluiceAwsPartition;

/**
 * SluiceCodeCommitUrl:
 * @region: (nullable): the region; %NULL for `codecommit://repo`, which uses the profile's
 * @profile: (nullable): the AWS profile named in the URL
 * @repository: the repository name
 *
 * A parsed `codecommit::<region>://[profile@]repo`, `codecommit://[profile@]repo` or
 * `https://git-codecommit.<region>.amazonaws.com/v1/repos/<repo>` URL.
 */
typedef struct
{
  char *region;
  char *profile;
  char *repository;
} SluiceCodeCommitUrl;

#define SLUICE_TYPE_CODECOMMIT_URL (sluice_codecommit_url_get_type ())

GQuark               sluice_codecommit_error_quark       (void);
GType                sluice_codecommit_url_get_type      (void) G_GNUC_CONST;
SluiceCodeCommitUrl *sluice_codecommit_url_parse         (const char           *url,
                                                          GError              **error);
SluiceCodeCommitUrl *sluice_codecommit_url_copy          (const SluiceCodeCommitUrl *self);
void                 sluice_codecommit_url_free          (SluiceCodeCommitUrl  *self);

gboolean             sluice_aws_region_is_valid          (const char           *region);
SluiceAwsPartition   sluice_aws_region_get_partition     (const char           *region);
const char          *sluice_aws_partition_get_dns_suffix (SluiceAwsPartition    partition);

char                *sluice_codecommit_git_host          (const char           *region,
                                                          gboolean              fips);
char                *sluice_codecommit_get_endpoint_override (void);
char                *sluice_codecommit_clone_url         (const char           *region,
                                                          const char           *repository,
                                                          const char           *endpoint_override,
                                                          gboolean              fips);
char                *sluice_codecommit_region_from_host  (const char           *host);
gboolean             sluice_codecommit_host_matches      (const char           *protocol,
                                                          const char           *host,
                                                          const char           *endpoint_override,
                                                          char                **region);
char                *sluice_codecommit_signing_host      (const char           *host);
char                *sluice_codecommit_repository_from_path (const char        *path);

char                *sluice_codecommit_username          (SluiceAwsCredentials *credentials);
gboolean             sluice_codecommit_git_credentials   (SluiceAwsCredentials *credentials,
                                                          const char           *host,
                                                          const char           *path,
                                                          const char           *region,
                                                          GDateTime            *when,
                                                          char                **username,
                                                          char                **password,
                                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceCodeCommitUrl, sluice_codecommit_url_free)

G_END_DECLS
