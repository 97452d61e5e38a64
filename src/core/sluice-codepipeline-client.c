/* sluice-codepipeline-client.c: AWS CodePipeline's JSON 1.1 API with a pipeline's own keys:
 * the client and its operations
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-codepipeline-client"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "sluice-codecommit.h"
#include "sluice-codepipeline-client-private.h"

G_DEFINE_FINAL_TYPE (SluiceCodePipelineClient, sluice_codepipeline_client, G_TYPE_OBJECT)

/* -- parse functions of the operations -- */

static gpointer
parse_state (JsonNode  *root,
             char     **next_token,
             GError   **error)
{
  return sluice_codepipeline_state_new_from_json (root, error);
}

static gpointer
parse_definition (JsonNode  *root,
                  char     **next_token,
                  GError   **error)
{
  return sluice_codepipeline_definition_new_from_json (root, error);
}

static gpointer
parse_executions (JsonNode  *root,
                  char     **next_token,
                  GError   **error)
{
  return sluice_codepipeline_executions_new_from_json (root, next_token, error);
}

static gpointer
parse_summaries (JsonNode  *root,
                 char     **next_token,
                 GError   **error)
{
  return sluice_codepipeline_summaries_new_from_json (root, next_token, error);
}

static gpointer
parse_execution_id (JsonNode  *root,
                    char     **next_token,
                    GError   **error)
{
  return sluice_codepipeline_execution_id_from_json (root, error);
}

/* PutApprovalResult: the time, boxed, so that 0 is not mistaken for "no answer". */
static gpointer
parse_approved_at (JsonNode  *root,
                   char     **next_token,
                   GError   **error)
{
  gint64 approved_at = 0;

  if (!sluice_codepipeline_approved_at_from_json (root, &approved_at, error))
    return NULL;
  return g_memdup2 (&approved_at, sizeof approved_at);
}

static gpointer
parse_empty (JsonNode  *root,
             char     **next_token,
             GError   **error)
{
  if (!sluice_codepipeline_empty_answer_check (root, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

/* -- GObject -- */

static void
sluice_codepipeline_client_dispose (GObject *object)
{
  SluiceCodePipelineClient *self = SLUICE_CODEPIPELINE_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->account);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_codepipeline_client_parent_class)->dispose (object);
}

static void
sluice_codepipeline_client_finalize (GObject *object)
{
  SluiceCodePipelineClient *self = SLUICE_CODEPIPELINE_CLIENT (object);

  g_clear_pointer (&self->pipeline_uri, g_free);
  g_clear_pointer (&self->pipeline_label, g_free);
  g_clear_pointer (&self->aws_account_id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->endpoint, g_free);

  G_OBJECT_CLASS (sluice_codepipeline_client_parent_class)->finalize (object);
}

static void
sluice_codepipeline_client_class_init (SluiceCodePipelineClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_codepipeline_client_dispose;
  object_class->finalize = sluice_codepipeline_client_finalize;
}

static void
sluice_codepipeline_client_init (SluiceCodePipelineClient *self)
{
  self->timeout = SLUICE_CODEPIPELINE_DEFAULT_TIMEOUT;
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->session = soup_session_new_with_options ("user-agent", "Sluice/" PACKAGE_VERSION,
                                                 "timeout", self->timeout,
                                                 NULL);
}

/* -- public API -- */

/**
 * sluice_codepipeline_endpoint_for:
 * @region: the pipeline's region
 * @account_endpoint: (nullable): the account's AWS endpoint override
 *
 * The endpoint, as the AWS SDKs choose it: `$AWS_ENDPOINT_URL_CODEPIPELINE`, else
 * `$AWS_ENDPOINT_URL`, else the account's override, else `https://codepipeline.<region>.<dns
 * suffix of its partition>`.
 *
 * Returns: (transfer full): the endpoint URL, without a trailing slash
 */
char *
sluice_codepipeline_endpoint_for (const char *region,
                                  const char *account_endpoint)
{
  const char *names[] = { "AWS_ENDPOINT_URL_CODEPIPELINE", "AWS_ENDPOINT_URL" };
  const char *chosen = NULL;
  char *url;
  gsize len;

  g_return_val_if_fail (region != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names) && chosen == NULL; i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        chosen = value;
    }
  if (chosen == NULL && account_endpoint != NULL && *account_endpoint != '\0')
    chosen = account_endpoint;
  if (chosen == NULL)
    return g_strdup_printf ("https://codepipeline.%s.%s", region,
                            sluice_aws_partition_get_dns_suffix (sluice_aws_region_get_partition (region)));

  url = g_strstrip (g_strdup (chosen));
  len = strlen (url);
  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';
  return url;
}

/**
 * sluice_codepipeline_client_new:
 * @account: the data.all account that issues the pipeline's keys
 * @pipeline_uri: the data.all pipeline
 * @pipeline_label: (nullable): its label, for the keyring item
 * @aws_account_id: (nullable): its CI/CD account
 * @region: its region
 *
 * A client signing with the pipeline's keys from the keyring, fetched through data.all when
 * missing or close to expiry, and renewed once when CodePipeline refuses them.
 *
 * Returns: (transfer full): a new client
 */
SluiceCodePipelineClient *
sluice_codepipeline_client_new (SluiceAccount *account,
                                const char    *pipeline_uri,
                                const char    *pipeline_label,
                                const char    *aws_account_id,
                                const char    *region)
{
  SluiceCodePipelineClient *self;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (pipeline_uri != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_CODEPIPELINE_CLIENT, NULL);
  self->account = g_object_ref (account);
  self->pipeline_uri = g_strdup (pipeline_uri);
  self->pipeline_label = g_strdup (pipeline_label);
  self->aws_account_id = g_strdup (aws_account_id);
  self->region = g_strdup (region);
  self->endpoint = sluice_codepipeline_endpoint_for (region, sluice_account_get_aws_endpoint (account));
  return self;
}

/**
 * sluice_codepipeline_client_new_with_credentials:
 * @credentials: fixed keys (nothing renews them)
 * @region: the region to sign for
 * @endpoint: (nullable): an endpoint override (the environment's variables win over it)
 *
 * Returns: (transfer full): a new client
 */
SluiceCodePipelineClient *
sluice_codepipeline_client_new_with_credentials (SluiceAwsCredentials *credentials,
                                                 const char           *region,
                                                 const char           *endpoint)
{
  SluiceCodePipelineClient *self;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_CODEPIPELINE_CLIENT, NULL);
  self->credentials = g_object_ref (credentials);
  self->region = g_strdup (region);
  self->endpoint = sluice_codepipeline_endpoint_for (region, endpoint);
  return self;
}

const char *
sluice_codepipeline_client_get_region (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), NULL);
  return self->region;
}

/**
 * sluice_codepipeline_client_dup_endpoint:
 *
 * Returns: (transfer full): the URL requests go to
 */
char *
sluice_codepipeline_client_dup_endpoint (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), NULL);
  return g_strconcat (self->endpoint, "/", NULL);
}

guint
sluice_codepipeline_client_get_timeout (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), 0);
  return self->timeout;
}

/**
 * sluice_codepipeline_client_set_timeout:
 * @seconds: I/O timeout of each request; 0 for none
 */
void
sluice_codepipeline_client_set_timeout (SluiceCodePipelineClient *self,
                                        guint                     seconds)
{
  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

/**
 * sluice_codepipeline_client_get_n_requests:
 *
 * Returns: how many HTTP requests the client has sent (a status refresh costs one per
 *   CodePipeline; the benchmark and the tests count them)
 */
guint
sluice_codepipeline_client_get_n_requests (SluiceCodePipelineClient *self)
{
  g_return_val_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self), 0);
  return self->n_requests;
}

void
sluice_codepipeline_client_list_pipelines_async (SluiceCodePipelineClient *self,
                                                 const char               *next_token,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));

  json_builder_begin_object (builder);
  if (next_token != NULL)
    {
      json_builder_set_member_name (builder, "nextToken");
      json_builder_add_string_value (builder, next_token);
    }
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self, sluice_codepipeline_client_list_pipelines_async,
                                         "ListPipelines", builder, parse_summaries,
                                         (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                                         user_data);
}

/**
 * sluice_codepipeline_client_list_pipelines_finish:
 * @next_token: (out) (optional) (nullable): the next page's token
 *
 * Returns: (transfer container) (element-type SluiceCodePipelineSummary): the pipelines
 */
GPtrArray *
sluice_codepipeline_client_list_pipelines_finish (SluiceCodePipelineClient  *self,
                                                  GAsyncResult              *result,
                                                  char                     **next_token,
                                                  GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_list_pipelines_async,
                                                 next_token, error);
}

/**
 * sluice_codepipeline_client_get_pipeline_async:
 * @version: the version to read; 0 for the current one
 */
void
sluice_codepipeline_client_get_pipeline_async (SluiceCodePipelineClient *self,
                                               const char               *name,
                                               int                       version,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  if (version > 0)
    {
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, version);
    }
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self, sluice_codepipeline_client_get_pipeline_async,
                                         "GetPipeline", builder, parse_definition,
                                         (GDestroyNotify) sluice_codepipeline_definition_unref,
                                         cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_get_pipeline_finish:
 *
 * Returns: (transfer full): the pipeline's declaration
 */
SluiceCodePipelineDefinition *
sluice_codepipeline_client_get_pipeline_finish (SluiceCodePipelineClient  *self,
                                                GAsyncResult              *result,
                                                GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_get_pipeline_async,
                                                 NULL, error);
}

void
sluice_codepipeline_client_get_pipeline_state_async (SluiceCodePipelineClient *self,
                                                     const char               *name,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self, sluice_codepipeline_client_get_pipeline_state_async,
                                         "GetPipelineState", builder, parse_state,
                                         (GDestroyNotify) sluice_codepipeline_state_unref,
                                         cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_get_pipeline_state_finish:
 *
 * Returns: (transfer full): the state of every stage and action
 */
SluiceCodePipelineState *
sluice_codepipeline_client_get_pipeline_state_finish (SluiceCodePipelineClient  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_get_pipeline_state_async,
                                                 NULL, error);
}

/**
 * sluice_codepipeline_client_list_pipeline_executions_async:
 * @max_results: 1 to 100; 0 for the server's default
 * @next_token: (nullable): a page's token
 */
void
sluice_codepipeline_client_list_pipeline_executions_async (SluiceCodePipelineClient *self,
                                                           const char               *name,
                                                           guint                     max_results,
                                                           const char               *next_token,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  if (max_results > 0)
    {
      json_builder_set_member_name (builder, "maxResults");
      json_builder_add_int_value (builder, max_results);
    }
  if (next_token != NULL)
    {
      json_builder_set_member_name (builder, "nextToken");
      json_builder_add_string_value (builder, next_token);
    }
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self,
                                         sluice_codepipeline_client_list_pipeline_executions_async,
                                         "ListPipelineExecutions", builder, parse_executions,
                                         (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                                         user_data);
}

/**
 * sluice_codepipeline_client_list_pipeline_executions_finish:
 * @next_token: (out) (optional) (nullable): the next page's token
 *
 * Returns: (transfer container) (element-type SluiceCodePipelineExecution): newest first
 */
GPtrArray *
sluice_codepipeline_client_list_pipeline_executions_finish (SluiceCodePipelineClient  *self,
                                                            GAsyncResult              *result,
                                                            char                     **next_token,
                                                            GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_list_pipeline_executions_async,
                                                 next_token, error);
}

/**
 * sluice_codepipeline_client_put_approval_result_async:
 * @token: the open approval's token (from the pipeline state)
 * @approve: %TRUE to approve, %FALSE to reject
 * @summary: the reviewer's comment (at most 512 characters)
 */
void
sluice_codepipeline_client_put_approval_result_async (SluiceCodePipelineClient *self,
                                                      const char               *name,
                                                      const char               *stage,
                                                      const char               *action,
                                                      const char               *token,
                                                      gboolean                  approve,
                                                      const char               *summary,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && stage != NULL && action != NULL && token != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "stageName");
  json_builder_add_string_value (builder, stage);
  json_builder_set_member_name (builder, "actionName");
  json_builder_add_string_value (builder, action);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary ? summary : "");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, approve ? "Approved" : "Rejected");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self, sluice_codepipeline_client_put_approval_result_async,
                                         "PutApprovalResult", builder, parse_approved_at, g_free,
                                         cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_put_approval_result_finish:
 * @approved_at: (out) (optional): when CodePipeline took the answer (Unix seconds)
 */
gboolean
sluice_codepipeline_client_put_approval_result_finish (SluiceCodePipelineClient  *self,
                                                       GAsyncResult              *result,
                                                       gint64                    *approved_at,
                                                       GError                   **error)
{
  g_autofree gint64 *at = sluice_codepipeline_client_call_finish (self, result,
                                                                  sluice_codepipeline_client_put_approval_result_async,
                                                                  NULL, error);

  if (approved_at != NULL)
    *approved_at = at ? *at : 0;
  return at != NULL;
}

void
sluice_codepipeline_client_start_pipeline_execution_async (SluiceCodePipelineClient *self,
                                                           const char               *name,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self,
                                         sluice_codepipeline_client_start_pipeline_execution_async,
                                         "StartPipelineExecution", builder, parse_execution_id,
                                         g_free, cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_start_pipeline_execution_finish:
 *
 * Returns: (transfer full): the new execution's id
 */
char *
sluice_codepipeline_client_start_pipeline_execution_finish (SluiceCodePipelineClient  *self,
                                                            GAsyncResult              *result,
                                                            GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_start_pipeline_execution_async,
                                                 NULL, error);
}

/**
 * sluice_codepipeline_client_retry_stage_execution_async:
 * @all_actions: %TRUE to run every action of the stage again, %FALSE only the failed ones
 */
void
sluice_codepipeline_client_retry_stage_execution_async (SluiceCodePipelineClient *self,
                                                        const char               *name,
                                                        const char               *stage,
                                                        const char               *execution_id,
                                                        gboolean                  all_actions,
                                                        GCancellable             *cancellable,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && stage != NULL && execution_id != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "stageName");
  json_builder_add_string_value (builder, stage);
  json_builder_set_member_name (builder, "pipelineExecutionId");
  json_builder_add_string_value (builder, execution_id);
  json_builder_set_member_name (builder, "retryMode");
  json_builder_add_string_value (builder, all_actions ? "ALL_ACTIONS" : "FAILED_ACTIONS");
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self,
                                         sluice_codepipeline_client_retry_stage_execution_async,
                                         "RetryStageExecution", builder, parse_execution_id, g_free,
                                         cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_retry_stage_execution_finish:
 *
 * Returns: (transfer full): the execution's id
 */
char *
sluice_codepipeline_client_retry_stage_execution_finish (SluiceCodePipelineClient  *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_retry_stage_execution_async,
                                                 NULL, error);
}

/**
 * sluice_codepipeline_client_stop_pipeline_execution_async:
 * @abandon: %TRUE to stop at once, %FALSE to let the running actions finish
 * @reason: (nullable): why, for the history
 */
void
sluice_codepipeline_client_stop_pipeline_execution_async (SluiceCodePipelineClient *self,
                                                          const char               *name,
                                                          const char               *execution_id,
                                                          gboolean                  abandon,
                                                          const char               *reason,
                                                          GCancellable             *cancellable,
                                                          GAsyncReadyCallback       callback,
                                                          gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && execution_id != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "pipelineExecutionId");
  json_builder_add_string_value (builder, execution_id);
  json_builder_set_member_name (builder, "abandon");
  json_builder_add_boolean_value (builder, abandon);
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self,
                                         sluice_codepipeline_client_stop_pipeline_execution_async,
                                         "StopPipelineExecution", builder, parse_execution_id,
                                         g_free, cancellable, callback, user_data);
}

/**
 * sluice_codepipeline_client_stop_pipeline_execution_finish:
 *
 * Returns: (transfer full): the execution's id
 */
char *
sluice_codepipeline_client_stop_pipeline_execution_finish (SluiceCodePipelineClient  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_stop_pipeline_execution_async,
                                                 NULL, error);
}

/**
 * sluice_codepipeline_client_set_stage_transition_async:
 * @enabled: %TRUE for EnableStageTransition, %FALSE for DisableStageTransition
 * @reason: (nullable): required to disable: 1 to 300 of `[a-zA-Z0-9!@ ().*?-]`
 */
void
sluice_codepipeline_client_set_stage_transition_async (SluiceCodePipelineClient    *self,
                                                       const char                  *name,
                                                       const char                  *stage,
                                                       SluiceCodePipelineTransition transition,
                                                       gboolean                     enabled,
                                                       const char                  *reason,
                                                       GCancellable                *cancellable,
                                                       GAsyncReadyCallback          callback,
                                                       gpointer                     user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (self));
  g_return_if_fail (name != NULL && stage != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pipelineName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "stageName");
  json_builder_add_string_value (builder, stage);
  json_builder_set_member_name (builder, "transitionType");
  json_builder_add_string_value (builder, transition == SLUICE_CODEPIPELINE_TRANSITION_OUTBOUND
                                            ? "Outbound" : "Inbound");
  if (!enabled)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason ? reason : "");
    }
  json_builder_end_object (builder);
  sluice_codepipeline_client_call_async (self,
                                         sluice_codepipeline_client_set_stage_transition_async,
                                         enabled ? "EnableStageTransition" : "DisableStageTransition",
                                         builder, parse_empty, NULL, cancellable, callback,
                                         user_data);
}

gboolean
sluice_codepipeline_client_set_stage_transition_finish (SluiceCodePipelineClient  *self,
                                                        GAsyncResult              *result,
                                                        GError                   **error)
{
  return sluice_codepipeline_client_call_finish (self, result,
                                                 sluice_codepipeline_client_set_stage_transition_async,
                                                 NULL, error) != NULL;
}
