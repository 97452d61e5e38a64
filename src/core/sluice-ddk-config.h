/* sluice-ddk-config.h: a pipeline repository's ddk.json: environments, resources, validation,
 * unknown keys and formatting kept, atomic save
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_DDK_CONFIG_ERROR (sluice_ddk_config_error_quark ())

typedef enum
{
  SLUICE_DDK_CONFIG_ERROR_NOT_JSON,         /* broken syntax; the message names line and column */
  SLUICE_DDK_CONFIG_ERROR_NOT_DDK,          /* JSON, but not shaped like a DDK configuration */
  SLUICE_DDK_CONFIG_ERROR_INVALID,          /* a value DDK or data.all would refuse */
  SLUICE_DDK_CONFIG_ERROR_READ,             /* the file could not be read */
  SLUICE_DDK_CONFIG_ERROR_SAVE,             /* the file could not be written; the old one is intact */
  SLUICE_DDK_CONFIG_ERROR_CHANGED_ON_DISK,  /* someone else wrote the file since it was loaded */
} SluiceDdkConfigError;

/* The environment data.all's CI/CD pipeline runs in. */
#define SLUICE_DDK_CICD "cicd"

/* One thing wrong in a configuration. @environment, @resource and @key say where (NULL when
 * it concerns a higher level); @message is a sentence for the user. */
typedef struct
{
  char *environment;
  char *resource;
  char *key;
  char *message;
} SluiceDdkProblem;

#define SLUICE_TYPE_DDK_PROBLEM (sluice_ddk_problem_get_type ())

GType             sluice_ddk_problem_get_type (void) G_GNUC_CONST;
SluiceDdkProblem *sluice_ddk_problem_copy     (const SluiceDdkProblem *problem);
void              sluice_ddk_problem_free     (SluiceDdkProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceDdkProblem, sluice_ddk_problem_free)

/* What one stage account must run once so that the CI/CD account may deploy into it. */
typedef struct
{
  char  *account;
  char  *region;
  char **environments;     /* the ddk.json environments deploying to this account and region */
  char  *command;          /* DDK 1.x: cdk bootstrap --trust <cicd account> ... */
  char  *legacy_command;   /* before DDK 1.0: ddk bootstrap -e <environment> -a <cicd account> */
} SluiceDdkBootstrap;

#define SLUICE_TYPE_DDK_BOOTSTRAP (sluice_ddk_bootstrap_get_type ())

GType               sluice_ddk_bootstrap_get_type (void) G_GNUC_CONST;
SluiceDdkBootstrap *sluice_ddk_bootstrap_copy     (const SluiceDdkBootstrap *bootstrap);
void                sluice_ddk_bootstrap_free     (SluiceDdkBootstrap       *bootstrap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceDdkBootstrap, sluice_ddk_bootstrap_free)

#define SLUICE_TYPE_DDK_CONFIG (sluice_ddk_config_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDdkConfig, sluice_ddk_config, SLUICE, DDK_CONFIG, GObject)

GQuark            sluice_ddk_config_error_quark            (void);

/* Loading */
SluiceDdkConfig  *sluice_ddk_config_new_from_data          (const char           *data,
                                                            gssize                length,
                                                            GError              **error);
SluiceDdkConfig  *sluice_ddk_config_load                   (GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void              sluice_ddk_config_load_async             (GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
SluiceDdkConfig  *sluice_ddk_config_load_finish            (GAsyncResult         *result,
                                                            GError              **error);

GFile            *sluice_ddk_config_get_file               (SluiceDdkConfig      *self);
const char       *sluice_ddk_config_get_original_data      (SluiceDdkConfig      *self,
                                                            gsize                *length);
char             *sluice_ddk_config_to_data                (SluiceDdkConfig      *self,
                                                            gsize                *length);
gboolean          sluice_ddk_config_get_modified           (SluiceDdkConfig      *self);
JsonNode         *sluice_ddk_config_get_root               (SluiceDdkConfig      *self);
char             *sluice_ddk_config_diff                   (SluiceDdkConfig      *self);

/* Saving: atomic, with the previous file kept as "ddk.json~". */
void              sluice_ddk_config_save_async             (SluiceDdkConfig      *self,
                                                            GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean          sluice_ddk_config_save_finish            (SluiceDdkConfig      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Environments, in file order */
char            **sluice_ddk_config_dup_environment_names  (SluiceDdkConfig      *self);
gboolean          sluice_ddk_config_has_environment        (SluiceDdkConfig      *self,
                                                            const char           *environment);
gboolean          sluice_ddk_config_add_environment        (SluiceDdkConfig      *self,
                                                            const char           *environment);
gboolean          sluice_ddk_config_remove_environment     (SluiceDdkConfig      *self,
                                                            const char           *environment);

const char       *sluice_ddk_config_get_account            (SluiceDdkConfig      *self,
                                                            const char           *environment);
void              sluice_ddk_config_set_account            (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *account);
const char       *sluice_ddk_config_get_region             (SluiceDdkConfig      *self,
                                                            const char           *environment);
void              sluice_ddk_config_set_region             (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *region);

/* Any member: @environment NULL means the top level. A NULL value removes the member. */
JsonNode         *sluice_ddk_config_get_member             (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *key);
void              sluice_ddk_config_set_member             (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *key,
                                                            JsonNode             *value);

char            **sluice_ddk_config_dup_tag_names          (SluiceDdkConfig      *self,
                                                            const char           *environment);
const char       *sluice_ddk_config_get_tag                (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *tag);
void              sluice_ddk_config_set_tag                (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *tag,
                                                            const char           *value);

char            **sluice_ddk_config_dup_resource_names     (SluiceDdkConfig      *self,
                                                            const char           *environment);
char            **sluice_ddk_config_dup_resource_setting_names (SluiceDdkConfig  *self,
                                                            const char           *environment,
                                                            const char           *resource);
JsonNode         *sluice_ddk_config_get_resource_setting   (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *resource,
                                                            const char           *key);
void              sluice_ddk_config_set_resource_setting   (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *resource,
                                                            const char           *key,
                                                            JsonNode             *value);
gboolean          sluice_ddk_config_remove_resource        (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *resource);
const char       *sluice_ddk_config_get_bootstrap_string   (SluiceDdkConfig      *self,
                                                            const char           *environment,
                                                            const char           *key);

/* Validation */
GPtrArray        *sluice_ddk_config_validate               (SluiceDdkConfig      *self,
                                                            SluicePipeline       *pipeline);
gboolean          sluice_ddk_config_check                  (SluiceDdkConfig      *self,
                                                            SluicePipeline       *pipeline,
                                                            GError              **error);

gboolean          sluice_ddk_check_account                 (const char           *account,
                                                            GError              **error);
gboolean          sluice_ddk_check_region                  (const char           *region,
                                                            GError              **error);
const char       *sluice_ddk_region_get_partition          (const char           *region);
gboolean          sluice_ddk_check_environment_name        (const char           *name,
                                                            GError              **error);
gboolean          sluice_ddk_check_removal_policy          (const char           *policy,
                                                            GError              **error);
gboolean          sluice_ddk_check_resource_setting        (const char           *key,
                                                            JsonNode             *value,
                                                            GError              **error);

/* data.all's pipeline: prefilling, accounts, bootstrap */
guint             sluice_ddk_config_prefill                (SluiceDdkConfig      *self,
                                                            SluicePipeline       *pipeline);
gboolean          sluice_ddk_config_has_own_account        (SluiceDdkConfig      *self,
                                                            const char           *environment);
GPtrArray        *sluice_ddk_config_bootstrap_commands     (SluiceDdkConfig      *self,
                                                            const char           *profile);

char             *sluice_ddk_bootstrap_command             (const char           *cicd_account,
                                                            const char           *stage_account,
                                                            const char           *region,
                                                            const char           *qualifier,
                                                            const char           *profile);
char             *sluice_ddk_legacy_bootstrap_command      (const char           *environment,
                                                            const char           *cicd_account,
                                                            const char           *profile);

G_END_DECLS
