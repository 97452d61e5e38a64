/* sluice-codepipeline-client.h: AWS CodePipeline's JSON 1.1 API with a pipeline's own keys
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sluice-account.h"
#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                     */
/* ------------------------------------------------------------------------------------------ */

#define SLUICE_CODEPIPELINE_ERROR (sluice_codepipeline_error_quark ())

/**
 * SluiceCodePipelineError:
 * @SLUICE_CODEPIPELINE_ERROR_NETWORK: CodePipeline could not be reached
 * @SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED: the keys were refused (`UnrecognizedClientException`,
 *   `InvalidSignatureException`, `IncompleteSignatureException`,
 *   `MissingAuthenticationTokenException`, `AccessDeniedException`), even after one renewal
 * @SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED: `ExpiredTokenException`, even after one renewal
 * @SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND: `PipelineNotFoundException`,
 *   `PipelineVersionNotFoundException`
 * @SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND: `StageNotFoundException`
 * @SLUICE_CODEPIPELINE_ERROR_ACTION_NOT_FOUND: `ActionNotFoundException`
 * @SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND: `PipelineExecutionNotFoundException`
 * @SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE: `InvalidApprovalTokenException`,
 *   `ApprovalAlreadyCompletedException`: answered already, or expired
 * @SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE: `StageNotRetryableException`,
 *   `NotLatestPipelineExecutionException`, `ConflictException`
 * @SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE: `PipelineExecutionNotStoppableException`,
 *   `DuplicatedStopRequestException`
 * @SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT: `ValidationException`, `InvalidNextTokenException`,
 *   `SerializationException`, `UnknownOperationException`
 * @SLUICE_CODEPIPELINE_ERROR_THROTTLED: `ThrottlingException`, `LimitExceededException`
 * @SLUICE_CODEPIPELINE_ERROR_SERVER: HTTP 5xx, or an answer that cannot be read
 * @SLUICE_CODEPIPELINE_ERROR_FAILED: any other error CodePipeline named
 *
 * Error codes of the %SLUICE_CODEPIPELINE_ERROR domain; the message is a sentence for a person,
 * the server's `__type` and `message` are kept (sluice_codepipeline_error_get_type_name(),
 * sluice_codepipeline_error_get_detail()). Cancellation is %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  SLUICE_CODEPIPELINE_ERROR_NETWORK,
  SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED,
  SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED,
  SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND,
  SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND,
  SLUICE_CODEPIPELINE_ERROR_ACTION_NOT_FOUND,
  SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND,
  SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE,
  SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE,
  SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE,
  SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT,
  SLUICE_CODEPIPELINE_ERROR_THROTTLED,
  SLUICE_CODEPIPELINE_ERROR_SERVER,
  SLUICE_CODEPIPELINE_ERROR_FAILED,
} SluiceCodePipelineError;

GQuark      sluice_codepipeline_error_quark         (void);
const char *sluice_codepipeline_error_get_detail    (const GError *error);
const char *sluice_codepipeline_error_get_type_name (const GError *error);
guint       sluice_codepipeline_error_get_http_status (const GError *error);
GError     *sluice_codepipeline_error_from_response (guint         http_status,
                                                     const char   *error_type_header,
                                                     GBytes       *body);

/* ------------------------------------------------------------------------------------------ */
/* Answers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * SluiceCodePipelineStatus:
 *
 * The status of a stage, an action or an execution (CodePipeline's three enums in one);
 * %SLUICE_CODEPIPELINE_STATUS_NONE: never ran; %SLUICE_CODEPIPELINE_STATUS_UNKNOWN: a value
 * this version does not know.
 */
typedef enum
{
  SLUICE_CODEPIPELINE_STATUS_NONE,
  SLUICE_CODEPIPELINE_STATUS_UNKNOWN,
  SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS,
  SLUICE_CODEPIPELINE_STATUS_SUCCEEDED,
  SLUICE_CODEPIPELINE_STATUS_FAILED,
  SLUICE_CODEPIPELINE_STATUS_STOPPING,
  SLUICE_CODEPIPELINE_STATUS_STOPPED,
  SLUICE_CODEPIPELINE_STATUS_CANCELLED,
  SLUICE_CODEPIPELINE_STATUS_SUPERSEDED,
  SLUICE_CODEPIPELINE_STATUS_SKIPPED,
  SLUICE_CODEPIPELINE_STATUS_ABANDONED,
} SluiceCodePipelineStatus;

SluiceCodePipelineStatus sluice_codepipeline_status_from_string (const char *str);
const char              *sluice_codepipeline_status_to_string   (SluiceCodePipelineStatus status);

typedef enum
{
  SLUICE_CODEPIPELINE_TRANSITION_INBOUND,
  SLUICE_CODEPIPELINE_TRANSITION_OUTBOUND,
} SluiceCodePipelineTransition;

/* The boxed answers below are read-only after parsing; their fields are public. Times are Unix
 * seconds, 0 when CodePipeline gave none; strings are NULL when absent. */

typedef struct
{
  char                    *name;
  SluiceCodePipelineStatus status;
  char                    *action_execution_id;
  char                    *summary;
  char                    *token;                 /* the open approval's */
  char                    *last_updated_by;
  char                    *external_execution_id;
  char                    *external_execution_url;
  char                    *error_code;
  char                    *error_message;
  char                    *revision_id;           /* currentRevision */
  char                    *entity_url;
  char                    *revision_url;
  gint64                   last_status_change;
  int                      percent_complete;      /* -1 when not given */
} SluiceCodePipelineActionState;

typedef struct
{
  char                    *name;
  SluiceCodePipelineStatus status;                /* of the latest execution in the stage */
  char                    *latest_execution_id;
  char                    *inbound_execution_id;  /* waiting to enter */
  gboolean                 has_inbound_transition;
  gboolean                 inbound_enabled;
  char                    *inbound_disabled_reason;
  char                    *inbound_changed_by;
  gint64                   inbound_changed_at;
  GPtrArray               *actions;               /* SluiceCodePipelineActionState */
} SluiceCodePipelineStageState;

typedef struct
{
  char      *pipeline_name;
  int        version;
  gint64     created;
  gint64     updated;
  GPtrArray *stages;                              /* SluiceCodePipelineStageState */
} SluiceCodePipelineState;

typedef struct
{
  char                    *execution_id;
  SluiceCodePipelineStatus status;
  char                    *status_summary;
  gint64                   start_time;
  gint64                   last_update_time;
  char                    *trigger_type;
  char                    *trigger_detail;
  char                    *stop_reason;
  char                    *source_action;         /* of the first source revision */
  char                    *revision_id;
  char                    *revision_summary;      /* the commit message */
  char                    *revision_url;
} SluiceCodePipelineExecution;

typedef struct
{
  char   *name;
  int     version;
  gint64  created;
  gint64  updated;
} SluiceCodePipelineSummary;

typedef struct
{
  char *name;
  char *category;                                 /* Source, Build, Deploy, Approval, ... */
  char *owner;
  char *provider;
  int   run_order;
  char *repository;                               /* configuration RepositoryName */
  char *branch;                                   /* configuration BranchName */
} SluiceCodePipelineActionDeclaration;

typedef struct
{
  char      *name;
  GPtrArray *actions;                             /* SluiceCodePipelineActionDeclaration */
} SluiceCodePipelineStageDeclaration;

typedef struct
{
  char      *name;
  char      *arn;
  int        version;
  gint64     created;
  gint64     updated;
  GPtrArray *stages;                              /* SluiceCodePipelineStageDeclaration */
} SluiceCodePipelineDefinition;

#define SLUICE_TYPE_CODEPIPELINE_STATE      (sluice_codepipeline_state_get_type ())
#define SLUICE_TYPE_CODEPIPELINE_EXECUTION  (sluice_codepipeline_execution_get_type ())
#define SLUICE_TYPE_CODEPIPELINE_SUMMARY    (sluice_codepipeline_summary_get_type ())
#define SLUICE_TYPE_CODEPIPELINE_DEFINITION (sluice_codepipeline_definition_get_type ())

GType                          sluice_codepipeline_state_get_type      (void) G_GNUC_CONST;
SluiceCodePipelineState       *sluice_codepipeline_state_ref           (SluiceCodePipelineState *self);
void                           sluice_codepipeline_state_unref         (SluiceCodePipelineState *self);
SluiceCodePipelineState       *sluice_codepipeline_state_new_from_json (JsonNode                *node,
                                                                        GError                 **error);
SluiceCodePipelineStageState  *sluice_codepipeline_state_get_stage     (SluiceCodePipelineState *self,
                                                                        const char              *name);
SluiceCodePipelineActionState *sluice_codepipeline_stage_state_get_action (SluiceCodePipelineStageState *self,
                                                                           const char                   *name);

GType                          sluice_codepipeline_execution_get_type  (void) G_GNUC_CONST;
SluiceCodePipelineExecution   *sluice_codepipeline_execution_ref       (SluiceCodePipelineExecution *self);
void                           sluice_codepipeline_execution_unref     (SluiceCodePipelineExecution *self);
GPtrArray                     *sluice_codepipeline_executions_new_from_json (JsonNode  *node,
                                                                             char     **next_token,
                                                                             GError   **error);

GType                          sluice_codepipeline_summary_get_type    (void) G_GNUC_CONST;
SluiceCodePipelineSummary     *sluice_codepipeline_summary_ref         (SluiceCodePipelineSummary *self);
void                           sluice_codepipeline_summary_unref       (SluiceCodePipelineSummary *self);
GPtrArray                     *sluice_codepipeline_summaries_new_from_json (JsonNode  *node,
                                                                            char     **next_token,
                                                                            GError   **error);

GType                          sluice_codepipeline_definition_get_type (void) G_GNUC_CONST;
SluiceCodePipelineDefinition  *sluice_codepipeline_definition_ref      (SluiceCodePipelineDefinition *self);
void                           sluice_codepipeline_definition_unref    (SluiceCodePipelineDefinition *self);
SluiceCodePipelineDefinition  *sluice_codepipeline_definition_new_from_json (JsonNode  *node,
                                                                             GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceCodePipelineState, sluice_codepipeline_state_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceCodePipelineExecution, sluice_codepipeline_execution_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceCodePipelineSummary, sluice_codepipeline_summary_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceCodePipelineDefinition, sluice_codepipeline_definition_unref)

/* ------------------------------------------------------------------------------------------ */
/* The client                                                                                 */
/* ------------------------------------------------------------------------------------------ */

#define SLUICE_CODEPIPELINE_DEFAULT_TIMEOUT 30

#define SLUICE_TYPE_CODEPIPELINE_CLIENT (sluice_codepipeline_client_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCodePipelineClient, sluice_codepipeline_client, SLUICE, CODEPIPELINE_CLIENT, GObject)

SluiceCodePipelineClient *sluice_codepipeline_client_new             (SluiceAccount            *account,
                                                                      const char               *pipeline_uri,
                                                                      const char               *pipeline_label,
                                                                      const char               *aws_account_id,
                                                                      const char               *region);
SluiceCodePipelineClient *sluice_codepipeline_client_new_with_credentials (SluiceAwsCredentials *credentials,
                                                                      const char               *region,
                                                                      const char               *endpoint);
const char               *sluice_codepipeline_client_get_region      (SluiceCodePipelineClient *self);
char                     *sluice_codepipeline_client_dup_endpoint    (SluiceCodePipelineClient *self);
char                     *sluice_codepipeline_endpoint_for           (const char               *region,
                                                                      const char               *account_endpoint);
guint                     sluice_codepipeline_client_get_timeout     (SluiceCodePipelineClient *self);
void                      sluice_codepipeline_client_set_timeout     (SluiceCodePipelineClient *self,
                                                                      guint                     seconds);
guint                     sluice_codepipeline_client_get_n_requests  (SluiceCodePipelineClient *self);

void                      sluice_codepipeline_client_list_pipelines_async (SluiceCodePipelineClient *self,
                                                                      const char               *next_token,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
GPtrArray                *sluice_codepipeline_client_list_pipelines_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      char                    **next_token,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_get_pipeline_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      int                       version,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
SluiceCodePipelineDefinition *sluice_codepipeline_client_get_pipeline_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_get_pipeline_state_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
SluiceCodePipelineState  *sluice_codepipeline_client_get_pipeline_state_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_list_pipeline_executions_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      guint                     max_results,
                                                                      const char               *next_token,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
GPtrArray                *sluice_codepipeline_client_list_pipeline_executions_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      char                    **next_token,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_put_approval_result_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      const char               *stage,
                                                                      const char               *action,
                                                                      const char               *token,
                                                                      gboolean                  approve,
                                                                      const char               *summary,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
gboolean                  sluice_codepipeline_client_put_approval_result_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      gint64                   *approved_at,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_start_pipeline_execution_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
char                     *sluice_codepipeline_client_start_pipeline_execution_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_retry_stage_execution_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      const char               *stage,
                                                                      const char               *execution_id,
                                                                      gboolean                  all_actions,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
char                     *sluice_codepipeline_client_retry_stage_execution_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_stop_pipeline_execution_async (SluiceCodePipelineClient *self,
                                                                      const char               *name,
                                                                      const char               *execution_id,
                                                                      gboolean                  abandon,
                                                                      const char               *reason,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
char                     *sluice_codepipeline_client_stop_pipeline_execution_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

void                      sluice_codepipeline_client_set_stage_transition_async (SluiceCodePipelineClient    *self,
                                                                      const char                  *name,
                                                                      const char                  *stage,
                                                                      SluiceCodePipelineTransition transition,
                                                                      gboolean                     enabled,
                                                                      const char                  *reason,
                                                                      GCancellable                *cancellable,
                                                                      GAsyncReadyCallback          callback,
                                                                      gpointer                     user_data);
gboolean                  sluice_codepipeline_client_set_stage_transition_finish (SluiceCodePipelineClient *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

G_END_DECLS
