/* sluice-dataall-api.h: data.all's pipeline operations as typed async calls
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-dataall-client.h"
#include "sluice-dataset.h"
#include "sluice-environment.h"
#include "sluice-pipeline.h"
#include "sluice-stack.h"
#include "sluice-stage.h"
#include "sluice-team.h"

G_BEGIN_DECLS

/**
 * SluicePipelineSpec:
 * @label: the pipeline's name (required)
 * @environment_uri: the CI/CD environment (required)
 * @team: the pipeline's admin team, `SamlGroupName` (required)
 * @dev_strategy: "cdk-trunk", "trunk" or "gitflow" (required)
 * @description: (nullable): a description
 * @tags: (nullable) (array zero-terminated=1): tags
 * @template: (nullable): legacy: the DDK template (data.all 1.3 to 1.5.1)
 * @input_dataset_uri: (nullable): legacy: the input dataset (data.all 1.1)
 * @output_dataset_uri: (nullable): legacy: the output dataset (data.all 1.1)
 *
 * What createDataPipeline needs. When any legacy field is set (non-empty), the request uses
 * CreateDataPipeline-legacy; a server without those fields then fails with
 * %SLUICE_DATAALL_ERROR_FEATURE_DISABLED, and the caller may offer to create without them.
 */
typedef struct
{
  const char         *label;
  const char         *environment_uri;
  const char         *team;
  const char         *dev_strategy;
  const char         *description;
  const char * const *tags;
  const char         *template;
  const char         *input_dataset_uri;
  const char         *output_dataset_uri;
} SluicePipelineSpec;

/**
 * SluiceStageSpec:
 * @pipeline_uri: the pipeline
 * @stage: dev, test, val, prod or other
 * @order: the 1-based deployment order
 * @environment_uri: the stage's environment
 * @environment_label: that environment's label (data.all stores what it is sent)
 * @team: the team that deploys the stage (`samlGroupName`)
 *
 * What createDataPipelineEnvironment and updateDataPipelineEnvironment need.
 */
typedef struct
{
  const char *pipeline_uri;
  const char *stage;
  int         order;
  const char *environment_uri;
  const char *environment_label;
  const char *team;
} SluiceStageSpec;

/**
 * SluiceStackLogEntry:
 * @timestamp: when
 * @message: the line
 * @log_group: the CloudWatch log group
 * @log_stream: the CloudWatch log stream
 */
typedef struct
{
  char *timestamp;
  char *message;
  char *log_group;
  char *log_stream;
} SluiceStackLogEntry;

void sluice_stack_log_entry_free (SluiceStackLogEntry *entry);

/**
 * SluiceKeyValueTag:
 * @key: the key
 * @value: the value
 * @cascade: whether data.all passes it on to the resources
 */
typedef struct
{
  char     *key;
  char     *value;
  gboolean  cascade;
} SluiceKeyValueTag;

SluiceKeyValueTag *sluice_key_value_tag_new  (const char        *key,
                                              const char        *value,
                                              gboolean           cascade);
void               sluice_key_value_tag_free (SluiceKeyValueTag *tag);

/* Feature detection: right after sign-in. */
void                sluice_dataall_client_probe_pipelines_async    (SluiceDataallClient       *self,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
gboolean            sluice_dataall_client_probe_pipelines_finish   (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    gboolean                  *enabled,
                                                                    guint                     *count,
                                                                    GError                   **error);

/* Pipelines. */
void                sluice_dataall_client_get_pipeline_async       (SluiceDataallClient       *self,
                                                                    const char                *pipeline_uri,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluicePipeline     *sluice_dataall_client_get_pipeline_finish      (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_create_pipeline_async    (SluiceDataallClient       *self,
                                                                    const SluicePipelineSpec  *spec,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluicePipeline     *sluice_dataall_client_create_pipeline_finish   (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_update_pipeline_async    (SluiceDataallClient       *self,
                                                                    const char                *pipeline_uri,
                                                                    const char                *label,
                                                                    const char                *description,
                                                                    const char * const        *tags,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluicePipeline     *sluice_dataall_client_update_pipeline_finish   (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_delete_pipeline_async    (SluiceDataallClient       *self,
                                                                    const char                *pipeline_uri,
                                                                    gboolean                   delete_from_aws,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
gboolean            sluice_dataall_client_delete_pipeline_finish   (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_get_credentials_async    (SluiceDataallClient       *self,
                                                                    const char                *pipeline_uri,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
char               *sluice_dataall_client_get_credentials_finish   (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);

/* Stages. */
void                sluice_dataall_client_create_stage_async       (SluiceDataallClient       *self,
                                                                    const SluiceStageSpec     *spec,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluiceStage        *sluice_dataall_client_create_stage_finish      (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_update_stage_async       (SluiceDataallClient       *self,
                                                                    const SluiceStageSpec     *spec,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluiceStage        *sluice_dataall_client_update_stage_finish      (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_delete_stage_async       (SluiceDataallClient       *self,
                                                                    const char                *stage_uri,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
gboolean            sluice_dataall_client_delete_stage_finish      (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);

/* Environments, teams, datasets. */
void                sluice_dataall_client_list_environments_async  (SluiceDataallClient       *self,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
GListModel         *sluice_dataall_client_list_environments_finish (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_get_environment_async    (SluiceDataallClient       *self,
                                                                    const char                *environment_uri,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluiceEnvironment  *sluice_dataall_client_get_environment_finish   (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_list_teams_async         (SluiceDataallClient       *self,
                                                                    const char                *environment_uri,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
GListModel         *sluice_dataall_client_list_teams_finish        (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_list_datasets_async      (SluiceDataallClient       *self,
                                                                    const char                *environment_uri,
                                                                    const char                *team,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
GListModel         *sluice_dataall_client_list_datasets_finish     (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);

/* Stack, logs, tags. */
void                sluice_dataall_client_get_stack_async          (SluiceDataallClient       *self,
                                                                    SluicePipeline            *pipeline,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluiceStack        *sluice_dataall_client_get_stack_finish         (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_update_stack_async       (SluiceDataallClient       *self,
                                                                    SluicePipeline            *pipeline,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
SluiceStack        *sluice_dataall_client_update_stack_finish      (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_get_stack_logs_async     (SluiceDataallClient       *self,
                                                                    SluicePipeline            *pipeline,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
GPtrArray          *sluice_dataall_client_get_stack_logs_finish    (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_list_tags_async          (SluiceDataallClient       *self,
                                                                    const char                *pipeline_uri,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
GPtrArray          *sluice_dataall_client_list_tags_finish         (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);
void                sluice_dataall_client_update_tags_async        (SluiceDataallClient       *self,
                                                                    const char                *pipeline_uri,
                                                                    GPtrArray                 *tags,
                                                                    GCancellable              *cancellable,
                                                                    GAsyncReadyCallback        callback,
                                                                    gpointer                   user_data);
GPtrArray          *sluice_dataall_client_update_tags_finish       (SluiceDataallClient       *self,
                                                                    GAsyncResult              *result,
                                                                    GError                   **error);

G_END_DECLS
