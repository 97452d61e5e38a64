/* test-codepipeline-answers.c
 *
 * CodePipeline's answers read into Sluice's structs, and its errors into GErrors: good answers,
 * and answers with missing members, members of the wrong type, odd values and no JSON at all.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sluice-codepipeline-client.h"
#include "sluice-test-core-utils.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static GError *
error_for (guint       status,
           const char *header,
           const char *body)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return sluice_codepipeline_error_from_response (status, header, bytes);
}

/* A GetPipelineState answer as CodePipeline gives it, trimmed to what Sluice reads. */
static const char state_json[] =
  "{\"pipelineName\": \"orders\", \"pipelineVersion\": 3, \"created\": 1764700000.5,"
  " \"updated\": 1764703600,"
  " \"stageStates\": ["
  "  {\"stageName\": \"Source\","
  "   \"actionStates\": [{\"actionName\": \"CodeCommit\","
  "     \"currentRevision\": {\"revisionId\": \"abc123\", \"revisionChangeId\": \"abc123\", \"created\": 1764700010},"
  "     \"latestExecution\": {\"actionExecutionId\": \"a1\", \"status\": \"Succeeded\","
  "        \"summary\": \"Add orders\", \"lastStatusChange\": 1764700010, \"externalExecutionId\": \"abc123\"},"
  "     \"entityUrl\": \"https://console/repo\", \"revisionUrl\": \"https://console/commit\"}],"
  "   \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"Succeeded\"}},"
  "  {\"stageName\": \"Deploy-Stage-dev\","
  "   \"inboundTransitionState\": {\"enabled\": false, \"disabledReason\": \"Freeze\","
  "      \"lastChangedBy\": \"arn:aws:sts::1:assumed-role/r/s\", \"lastChangedAt\": 1764701000},"
  "   \"inboundExecution\": {\"pipelineExecutionId\": \"e2\", \"status\": \"InProgress\"},"
  "   \"actionStates\": [{\"actionName\": \"deploy-dev\","
  "     \"latestExecution\": {\"status\": \"Failed\", \"percentComplete\": 40,"
  "        \"errorDetails\": {\"code\": \"JobFailed\", \"message\": \"Build terminated\"}}}],"
  "   \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"Failed\"}},"
  "  {\"stageName\": \"ManualApproval-dev\","
  "   \"actionStates\": [{\"actionName\": \"ManualApproval-dev\","
  "     \"latestExecution\": {\"status\": \"InProgress\", \"token\": \"0f0e0d0c-0b0a-4909-8807-060504030201\"}}],"
  "   \"latestExecution\": {\"pipelineExecutionId\": \"e0\", \"status\": \"InProgress\"}},"
  "  {\"stageName\": \"Deploy-Stage-prod\", \"actionStates\": [{\"actionName\": \"deploy-prod\"}]}"
  " ]}";

static void
test_state (void)
{
  g_autoptr(JsonNode) node = parse (state_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceCodePipelineState) state = sluice_codepipeline_state_new_from_json (node, &error);
  SluiceCodePipelineStageState *source;
  SluiceCodePipelineStageState *dev;
  SluiceCodePipelineStageState *prod;
  SluiceCodePipelineActionState *action;

  g_assert_no_error (error);
  g_assert_cmpstr (state->pipeline_name, ==, "orders");
  g_assert_cmpint (state->version, ==, 3);
  g_assert_cmpint (state->created, ==, 1764700000);
  g_assert_cmpint (state->updated, ==, 1764703600);
  g_assert_cmpuint (state->stages->len, ==, 4);

  source = sluice_codepipeline_state_get_stage (state, "Source");
  g_assert_cmpint (source->status, ==, SLUICE_CODEPIPELINE_STATUS_SUCCEEDED);
  g_assert_cmpstr (source->latest_execution_id, ==, "e1");
  g_assert_false (source->has_inbound_transition);
  g_assert_true (source->inbound_enabled);
  action = sluice_codepipeline_stage_state_get_action (source, "CodeCommit");
  g_assert_cmpstr (action->revision_id, ==, "abc123");
  g_assert_cmpstr (action->summary, ==, "Add orders");
  g_assert_cmpstr (action->revision_url, ==, "https://console/commit");
  g_assert_cmpint (action->last_status_change, ==, 1764700010);
  g_assert_cmpint (action->percent_complete, ==, -1);

  dev = sluice_codepipeline_state_get_stage (state, "Deploy-Stage-dev");
  g_assert_cmpint (dev->status, ==, SLUICE_CODEPIPELINE_STATUS_FAILED);
  g_assert_true (dev->has_inbound_transition);
  g_assert_false (dev->inbound_enabled);
  g_assert_cmpstr (dev->inbound_disabled_reason, ==, "Freeze");
  g_assert_cmpint (dev->inbound_changed_at, ==, 1764701000);
  g_assert_cmpstr (dev->inbound_execution_id, ==, "e2");
  action = g_ptr_array_index (dev->actions, 0);
  g_assert_cmpstr (action->error_code, ==, "JobFailed");
  g_assert_cmpstr (action->error_message, ==, "Build terminated");
  g_assert_cmpint (action->percent_complete, ==, 40);

  action = sluice_codepipeline_stage_state_get_action (sluice_codepipeline_state_get_stage (state, "ManualApproval-dev"),
                                                       "ManualApproval-dev");
  g_assert_cmpint (action->status, ==, SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (action->token, ==, "0f0e0d0c-0b0a-4909-8807-060504030201");

  prod = sluice_codepipeline_state_get_stage (state, "Deploy-Stage-prod");
  g_assert_cmpint (prod->status, ==, SLUICE_CODEPIPELINE_STATUS_NONE);
  g_assert_null (prod->latest_execution_id);
  g_assert_cmpint (((SluiceCodePipelineActionState *) g_ptr_array_index (prod->actions, 0))->status,
                   ==, SLUICE_CODEPIPELINE_STATUS_NONE);
}

static void
test_state_bad_input (void)
{
  static const char * const refused[] = {
    "[]",
    "\"text\"",
    "{}",
    "{\"pipelineName\": \"p\"}",
    "{\"pipelineName\": \"p\", \"stageStates\": {}}",
    "{\"pipelineName\": 7, \"stageStates\": []}",
    "{\"stageStates\": []}",
  };
  g_autoptr(JsonNode) odd = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceCodePipelineState) state = NULL;
  SluiceCodePipelineStageState *stage;
  SluiceCodePipelineActionState *action;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonNode) node = parse (refused[i]);
      g_autoptr(GError) local = NULL;

      g_assert_null (sluice_codepipeline_state_new_from_json (node, &local));
      g_assert_error (local, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
    }
  g_assert_null (sluice_codepipeline_state_new_from_json (NULL, &error));
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
  g_clear_error (&error);

  /* What is read despite the oddities: stages and actions without names go, wrong types read
   * as absent, a status from the future is Unknown, times out of range are 0. */
  odd = parse ("{\"pipelineName\": \"p\", \"pipelineVersion\": \"3\", \"created\": \"yesterday\","
               " \"updated\": -5, \"stageStates\": [1, null, {\"actionStates\": []},"
               " {\"stageName\": \"S\", \"latestExecution\": {\"status\": \"Exploded\"},"
               "  \"inboundTransitionState\": {\"enabled\": \"no\", \"lastChangedAt\": 1e300},"
               "  \"actionStates\": [{\"latestExecution\": {}}, \"x\","
               "   {\"actionName\": \"A\", \"latestExecution\": {\"status\": 3, \"percentComplete\": 900,"
               "     \"summary\": [\"not\", \"text\"], \"errorDetails\": \"oops\"},"
               "    \"currentRevision\": {\"revisionId\": 42}}]}]}");
  state = sluice_codepipeline_state_new_from_json (odd, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->version, ==, 0);
  g_assert_cmpint (state->created, ==, 0);
  g_assert_cmpint (state->updated, ==, 0);
  g_assert_cmpuint (state->stages->len, ==, 1);
  stage = g_ptr_array_index (state->stages, 0);
  g_assert_cmpint (stage->status, ==, SLUICE_CODEPIPELINE_STATUS_UNKNOWN);
  g_assert_true (stage->inbound_enabled);
  g_assert_cmpint (stage->inbound_changed_at, ==, 0);
  g_assert_cmpuint (stage->actions->len, ==, 1);
  action = g_ptr_array_index (stage->actions, 0);
  g_assert_cmpstr (action->name, ==, "A");
  g_assert_cmpint (action->status, ==, SLUICE_CODEPIPELINE_STATUS_UNKNOWN);
  g_assert_cmpint (action->percent_complete, ==, 100);
  g_assert_null (action->summary);
  g_assert_null (action->error_message);
  g_assert_null (action->revision_id);
}

static void
test_executions (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"pipelineExecutionSummaries\": ["
    "  {\"pipelineExecutionId\": \"e2\", \"status\": \"InProgress\", \"startTime\": 1764700000,"
    "   \"lastUpdateTime\": 1764700100, \"trigger\": {\"triggerType\": \"PollForSourceChanges\","
    "   \"triggerDetail\": \"repo/main\"}, \"sourceRevisions\": [{\"actionName\": \"Source\"},"
    "   {\"actionName\": \"CodeCommit\", \"revisionId\": \"abc\", \"revisionSummary\": \"Fix [fail]\","
    "    \"revisionUrl\": \"https://x\"}]},"
    "  {\"status\": \"Succeeded\"},"
    "  {\"pipelineExecutionId\": \"e1\", \"status\": \"Stopped\", \"stopTrigger\": {\"reason\": \"Wrong\"},"
    "   \"statusSummary\": \"Stopped by a user\", \"sourceRevisions\": \"none\", \"trigger\": 5},"
    "  {\"pipelineExecutionId\": \"e0\"}"
    "], \"nextToken\": \"NEXT\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) executions = sluice_codepipeline_executions_new_from_json (node, &next, &error);
  SluiceCodePipelineExecution *e;

  g_assert_no_error (error);
  g_assert_cmpstr (next, ==, "NEXT");
  g_assert_cmpuint (executions->len, ==, 3);
  e = g_ptr_array_index (executions, 0);
  g_assert_cmpint (e->status, ==, SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS);
  g_assert_cmpstr (e->trigger_type, ==, "PollForSourceChanges");
  g_assert_cmpstr (e->source_action, ==, "CodeCommit");
  g_assert_cmpstr (e->revision_id, ==, "abc");
  g_assert_cmpstr (e->revision_summary, ==, "Fix [fail]");
  g_assert_cmpint (e->last_update_time - e->start_time, ==, 100);
  e = g_ptr_array_index (executions, 1);
  g_assert_cmpint (e->status, ==, SLUICE_CODEPIPELINE_STATUS_STOPPED);
  g_assert_cmpstr (e->stop_reason, ==, "Wrong");
  g_assert_cmpstr (e->status_summary, ==, "Stopped by a user");
  g_assert_null (e->revision_id);
  g_assert_null (e->trigger_type);
  e = g_ptr_array_index (executions, 2);
  g_assert_cmpint (e->status, ==, SLUICE_CODEPIPELINE_STATUS_UNKNOWN);

  {
    g_autoptr(JsonNode) bad = parse ("{\"pipelineExecutionSummaries\": 3}");
    g_autoptr(GError) local = NULL;
    g_autofree char *token = g_strdup ("stale");

    g_assert_null (sluice_codepipeline_executions_new_from_json (bad, &token, &local));
    g_assert_error (local, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
  }
}

static void
test_summaries_and_definition (void)
{
  g_autoptr(JsonNode) list = parse ("{\"pipelines\": [{\"name\": \"a\", \"version\": 2, \"created\": 10},"
                                    " {\"version\": 1}, {\"name\": \"b\", \"version\": 1.5e20}]}");
  g_autoptr(JsonNode) definition_node = parse (
    "{\"pipeline\": {\"name\": \"orders\", \"version\": 4, \"stages\": ["
    "  {\"name\": \"Source\", \"actions\": [{\"name\": \"CodeCommit\", \"runOrder\": 1,"
    "    \"actionTypeId\": {\"category\": \"Source\", \"owner\": \"AWS\", \"provider\": \"CodeCommit\", \"version\": \"1\"},"
    "    \"configuration\": {\"RepositoryName\": \"orders\", \"BranchName\": \"main\"}}]},"
    "  {\"actions\": []},"
    "  {\"name\": \"dataall-Dev\", \"actions\": [{\"name\": \"Prepare\", \"runOrder\": 1},"
    "    {\"name\": \"Deploy\", \"runOrder\": 2, \"actionTypeId\": \"?\"}, {\"runOrder\": 3}]}]},"
    " \"metadata\": {\"pipelineArn\": \"arn:aws:codepipeline:eu-west-1:1:orders\", \"created\": 5}}");
  g_autoptr(JsonNode) nameless = parse ("{\"pipeline\": {\"stages\": []}}");
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) summaries = sluice_codepipeline_summaries_new_from_json (list, &next, &error);
  g_autoptr(SluiceCodePipelineDefinition) definition = NULL;
  SluiceCodePipelineStageDeclaration *stage;
  SluiceCodePipelineActionDeclaration *action;

  g_assert_no_error (error);
  g_assert_null (next);
  g_assert_cmpuint (summaries->len, ==, 2);
  g_assert_cmpstr (((SluiceCodePipelineSummary *) g_ptr_array_index (summaries, 0))->name, ==, "a");
  g_assert_cmpint (((SluiceCodePipelineSummary *) g_ptr_array_index (summaries, 0))->created, ==, 10);
  g_assert_cmpint (((SluiceCodePipelineSummary *) g_ptr_array_index (summaries, 1))->version, ==, 0);

  definition = sluice_codepipeline_definition_new_from_json (definition_node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (definition->name, ==, "orders");
  g_assert_cmpint (definition->version, ==, 4);
  g_assert_cmpstr (definition->arn, ==, "arn:aws:codepipeline:eu-west-1:1:orders");
  g_assert_cmpuint (definition->stages->len, ==, 2);
  stage = g_ptr_array_index (definition->stages, 0);
  action = g_ptr_array_index (stage->actions, 0);
  g_assert_cmpstr (action->category, ==, "Source");
  g_assert_cmpstr (action->provider, ==, "CodeCommit");
  g_assert_cmpstr (action->repository, ==, "orders");
  g_assert_cmpstr (action->branch, ==, "main");
  stage = g_ptr_array_index (definition->stages, 1);
  g_assert_cmpuint (stage->actions->len, ==, 2);
  action = g_ptr_array_index (stage->actions, 1);
  g_assert_cmpint (action->run_order, ==, 2);
  g_assert_null (action->category);

  g_assert_null (sluice_codepipeline_definition_new_from_json (nameless, &error));
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
}

static void
test_errors (void)
{
  static const struct
  {
    const char *type;
    int         code;
  } cases[] = {
    { "UnrecognizedClientException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
    { "InvalidSignatureException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
    { "MissingAuthenticationTokenException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
    { "AccessDeniedException", SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED },
    { "ExpiredTokenException", SLUICE_CODEPIPELINE_ERROR_KEYS_EXPIRED },
    { "PipelineNotFoundException", SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND },
    { "StageNotFoundException", SLUICE_CODEPIPELINE_ERROR_STAGE_NOT_FOUND },
    { "ActionNotFoundException", SLUICE_CODEPIPELINE_ERROR_ACTION_NOT_FOUND },
    { "PipelineExecutionNotFoundException", SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND },
    { "InvalidApprovalTokenException", SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE },
    { "ApprovalAlreadyCompletedException", SLUICE_CODEPIPELINE_ERROR_APPROVAL_GONE },
    { "StageNotRetryableException", SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE },
    { "NotLatestPipelineExecutionException", SLUICE_CODEPIPELINE_ERROR_NOT_RETRYABLE },
    { "PipelineExecutionNotStoppableException", SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE },
    { "DuplicatedStopRequestException", SLUICE_CODEPIPELINE_ERROR_NOT_STOPPABLE },
    { "ValidationException", SLUICE_CODEPIPELINE_ERROR_INVALID_INPUT },
    { "ThrottlingException", SLUICE_CODEPIPELINE_ERROR_THROTTLED },
    { "SomethingNewException", SLUICE_CODEPIPELINE_ERROR_FAILED },
  };
  GError *error;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"__type\": \"%s\", \"message\": \"said %u\"}", cases[i].type, i);
      g_autofree char *detail = g_strdup_printf ("said %u", i);

      error = error_for (400, NULL, body);
      g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, cases[i].code);
      g_assert_cmpstr (sluice_codepipeline_error_get_type_name (error), ==, cases[i].type);
      g_assert_cmpstr (sluice_codepipeline_error_get_detail (error), ==, detail);
      g_assert_cmpuint (sluice_codepipeline_error_get_http_status (error), ==, 400);
      g_error_free (error);
    }

  /* the sentences a user reads */
  error = error_for (400, NULL, "{\"__type\": \"InvalidApprovalTokenException\"}");
  g_assert_cmpstr (error->message, ==, "The approval was already answered or has expired");
  g_assert_null (sluice_codepipeline_error_get_detail (error));
  g_error_free (error);
  error = error_for (403, NULL, "{\"__type\": \"UnrecognizedClientException\", \"Message\": \"The security token included in the request is invalid.\"}");
  g_assert_cmpstr (error->message, ==, "Sluice’s AWS keys for this pipeline were refused");
  g_assert_cmpstr (sluice_codepipeline_error_get_detail (error), ==, "The security token included in the request is invalid.");
  g_error_free (error);

  /* namespaced types, as botocore reads them */
  error = error_for (400, NULL, "{\"__type\": \"com.amazonaws.codepipeline#PipelineNotFoundException:http://internal\"}");
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND);
  g_assert_cmpstr (sluice_codepipeline_error_get_type_name (error), ==, "PipelineNotFoundException");
  g_error_free (error);

  /* no type in the body: the header's, else a server fault */
  error = error_for (400, "ThrottlingException:http://x", "{\"message\": \"Rate exceeded\"}");
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_THROTTLED);
  g_error_free (error);
  error = error_for (502, NULL, "<html>Bad Gateway</html>");
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
  g_assert_cmpstr (sluice_codepipeline_error_get_detail (error), ==, "<html>Bad Gateway</html>");
  g_error_free (error);
  error = error_for (503, NULL, NULL);
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
  g_error_free (error);
  error = error_for (400, NULL, "{\"__type\": 12, \"message\": [\"x\"]}");
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_FAILED);
  g_assert_null (sluice_codepipeline_error_get_type_name (error));
  g_assert_null (sluice_codepipeline_error_get_detail (error));
  g_error_free (error);
  error = error_for (500, NULL, "{\"__type\": \"InternalFailure\"}");
  g_assert_error (error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_SERVER);
  g_error_free (error);

  /* the private part survives a copy (GTask copies errors) */
  {
    g_autoptr(GError) original = error_for (400, NULL, "{\"__type\": \"ValidationException\", \"message\": \"bad\"}");
    g_autoptr(GError) copy = g_error_copy (original);

    g_assert_cmpstr (sluice_codepipeline_error_get_detail (copy), ==, "bad");
    g_assert_cmpstr (sluice_codepipeline_error_get_type_name (copy), ==, "ValidationException");
  }
  g_assert_null (sluice_codepipeline_error_get_detail (NULL));
}

static void
test_statuses (void)
{
  static const char * const names[] = { "InProgress", "Succeeded", "Failed", "Stopping", "Stopped",
                                        "Cancelled", "Superseded", "Skipped", "Abandoned" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SluiceCodePipelineStatus status = sluice_codepipeline_status_from_string (names[i]);

      g_assert_cmpint (status, >=, SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS);
      g_assert_cmpstr (sluice_codepipeline_status_to_string (status), ==, names[i]);
    }
  g_assert_cmpint (sluice_codepipeline_status_from_string (NULL), ==, SLUICE_CODEPIPELINE_STATUS_NONE);
  g_assert_cmpint (sluice_codepipeline_status_from_string ("inprogress"), ==, SLUICE_CODEPIPELINE_STATUS_UNKNOWN);
  g_assert_cmpstr (sluice_codepipeline_status_to_string (99), ==, "Unknown");
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/codepipeline-answers/state", test_state);
  g_test_add_func ("/sluice/codepipeline-answers/state-bad-input", test_state_bad_input);
  g_test_add_func ("/sluice/codepipeline-answers/executions", test_executions);
  g_test_add_func ("/sluice/codepipeline-answers/summaries-and-definition", test_summaries_and_definition);
  g_test_add_func ("/sluice/codepipeline-answers/errors", test_errors);
  g_test_add_func ("/sluice/codepipeline-answers/statuses", test_statuses);

  return g_test_run ();
}
