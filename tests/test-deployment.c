/* test-deployment.c
 *
 * SluiceDeployment: the lanes and steps of each strategy before any answer, then what
 * CodePipeline's answers make of them (statuses folded, approvals, failures, revisions and
 * what each stage last deployed, errors, missing GitFlow branches, change notification).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-deployment.h"
#include "sluice-test-core-utils.h"

static const char * const three[] = { "dev", "test", "prod", NULL };

static SluiceCodePipelineState *
state_from (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SluiceCodePipelineState *state;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  state = sluice_codepipeline_state_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return state;
}

static GPtrArray *
executions_from (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *executions;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  executions = sluice_codepipeline_executions_new_from_json (json_parser_get_root (parser), NULL, &error);
  g_assert_no_error (error);
  return executions;
}

static SluiceDeploymentStep *
step (SluiceDeploymentLane *lane,
      guint                 index)
{
  g_assert_cmpuint (index, <, lane->steps->len);
  return g_ptr_array_index (lane->steps, index);
}

static void
count_cb (SluiceDeployment *deployment,
          const char       *lane,
          guint            *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A trunk pipeline dev → prod: source and dev done, the dev approval open. */
#define TRUNK_WAITING \
  "{\"pipelineName\": \"orders\", \"pipelineVersion\": 1, \"stageStates\": [" \
  " {\"stageName\": \"Source\", \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"Succeeded\"}," \
  "  \"actionStates\": [{\"actionName\": \"CodeCommit\", \"currentRevision\": {\"revisionId\": \"aaa\"}," \
  "    \"latestExecution\": {\"status\": \"Succeeded\", \"summary\": \"First\", \"lastStatusChange\": 100}}]}," \
  " {\"stageName\": \"Deploy-Stage-dev\", \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"Succeeded\"}," \
  "  \"actionStates\": [{\"actionName\": \"deploy-dev\", \"latestExecution\": {\"status\": \"Succeeded\", \"lastStatusChange\": 220}}]}," \
  " {\"stageName\": \"ManualApproval-dev\", \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"InProgress\"}," \
  "  \"actionStates\": [{\"actionName\": \"ManualApproval-dev\", \"latestExecution\": {\"status\": \"InProgress\"," \
  "    \"token\": \"11111111-2222-4333-8444-555555555555\", \"lastStatusChange\": 230}}]}," \
  " {\"stageName\": \"Deploy-Stage-prod\", \"actionStates\": [{\"actionName\": \"deploy-prod\"}]}]}"

#define TRUNK_RUNS \
  "{\"pipelineExecutionSummaries\": [{\"pipelineExecutionId\": \"e1\", \"status\": \"InProgress\"," \
  " \"startTime\": 90, \"sourceRevisions\": [{\"actionName\": \"CodeCommit\", \"revisionId\": \"aaa\"," \
  " \"revisionSummary\": \"First\"}]}]}"

static void
test_layouts (void)
{
  static const char * const two_words[] = { "dev", "pre-prod", NULL };
  g_autoptr(SluiceDeployment) trunk = sluice_deployment_new ("trunk", "orders", three);
  g_autoptr(SluiceDeployment) gitflow = sluice_deployment_new ("gitflow", "orders", three);
  g_autoptr(SluiceDeployment) cdk = sluice_deployment_new ("cdk-trunk", "orders", two_words);
  g_autoptr(SluiceDeployment) empty = sluice_deployment_new ("trunk", "orders", NULL);
  static const char * const trunk_names[] = { "Source", "Deploy-Stage-dev", "ManualApproval-dev",
                                              "Deploy-Stage-test", "ManualApproval-test",
                                              "Deploy-Stage-prod" };
  SluiceDeploymentLane *lane;

  g_assert_cmpuint (sluice_deployment_get_n_lanes (trunk), ==, 1);
  lane = sluice_deployment_get_lane (trunk, 0);
  g_assert_cmpstr (lane->name, ==, "orders");
  g_assert_cmpstr (lane->branch, ==, "main");
  g_assert_cmpuint (lane->steps->len, ==, G_N_ELEMENTS (trunk_names));
  for (guint i = 0; i < G_N_ELEMENTS (trunk_names); i++)
    {
      g_assert_cmpstr (step (lane, i)->name, ==, trunk_names[i]);
      g_assert_cmpint (step (lane, i)->status, ==, SLUICE_DEPLOYMENT_STATUS_UNKNOWN);
    }
  g_assert_cmpint (step (lane, 0)->kind, ==, SLUICE_DEPLOYMENT_STEP_SOURCE);
  g_assert_cmpint (step (lane, 2)->kind, ==, SLUICE_DEPLOYMENT_STEP_APPROVAL);
  g_assert_cmpstr (step (lane, 2)->stage, ==, "dev");
  g_assert_cmpstr (step (lane, 5)->action, ==, "deploy-prod");
  g_assert_cmpint (sluice_deployment_get_status (trunk), ==, SLUICE_DEPLOYMENT_STATUS_UNKNOWN);

  g_assert_cmpuint (sluice_deployment_get_n_lanes (gitflow), ==, 3);
  lane = sluice_deployment_get_lane (gitflow, 0);
  g_assert_cmpstr (lane->name, ==, "orders-dev");
  g_assert_cmpstr (lane->branch, ==, "dev");
  g_assert_cmpstr (step (lane, 0)->name, ==, "Source-dev");
  g_assert_cmpstr (step (lane, 1)->name, ==, "Deploy-Stage-dev");
  lane = sluice_deployment_get_lane (gitflow, 2);
  g_assert_cmpstr (lane->name, ==, "orders-prod");
  g_assert_cmpstr (lane->branch, ==, "main");
  g_assert_cmpuint (lane->steps->len, ==, 2);

  lane = sluice_deployment_get_lane (cdk, 0);
  g_assert_cmpuint (lane->steps->len, ==, 5);
  g_assert_cmpstr (step (lane, 0)->action, ==, "orders");
  g_assert_cmpint (step (lane, 2)->kind, ==, SLUICE_DEPLOYMENT_STEP_SELF_MUTATE);
  g_assert_cmpstr (step (lane, 3)->name, ==, "dataall-Dev");
  g_assert_cmpstr (step (lane, 4)->name, ==, "dataall-Pre-Prod");
  g_assert_cmpstr (step (lane, 4)->stage, ==, "pre-prod");

  g_assert_cmpuint (sluice_deployment_get_lane (empty, 0)->steps->len, ==, 1);
}

static void
test_trunk_waiting_then_approved (void)
{
  g_autoptr(SluiceDeployment) deployment = sluice_deployment_new ("trunk", "orders", (const char *[]) { "dev", "prod", NULL });
  g_autoptr(SluiceCodePipelineState) waiting = state_from (TRUNK_WAITING);
  g_autoptr(GPtrArray) runs = executions_from (TRUNK_RUNS);
  g_autoptr(SluiceCodePipelineState) next = NULL;
  g_autoptr(GPtrArray) next_runs = NULL;
  SluiceDeploymentLane *lane;
  SluiceDeploymentStep *dev;
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (deployment, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (deployment, "notify::status", G_CALLBACK (count_notify_cb), &notified);

  g_assert_true (sluice_deployment_update (deployment, "orders", waiting, runs));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL);
  lane = sluice_deployment_get_lane (deployment, 0);
  g_assert_cmpint (lane->status, ==, SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL);
  g_assert_cmpstr (lane->latest->execution_id, ==, "e1");
  g_assert_cmpint (step (lane, 0)->status, ==, SLUICE_DEPLOYMENT_STATUS_SUCCEEDED);
  g_assert_cmpstr (step (lane, 0)->revision_id, ==, "aaa");
  g_assert_cmpint (step (lane, 2)->status, ==, SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL);
  g_assert_cmpstr (step (lane, 2)->approval_token, ==, "11111111-2222-4333-8444-555555555555");
  g_assert_cmpint (step (lane, 3)->status, ==, SLUICE_DEPLOYMENT_STATUS_NOT_RUN);
  dev = sluice_deployment_find_deploy_step (deployment, "dev");
  g_assert_cmpstr (dev->revision_id, ==, "aaa");
  g_assert_cmpstr (dev->revision_summary, ==, "First");
  g_assert_cmpint (dev->started, ==, 90);
  g_assert_cmpint (dev->changed, ==, 220);
  g_assert_cmpstr (dev->deployed_revision_id, ==, "aaa");
  g_assert_null (sluice_deployment_find_deploy_step (deployment, "prod")->deployed_revision_id);

  /* the same answer again: nothing to redraw */
  g_assert_false (sluice_deployment_update (deployment, "orders", waiting, runs));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* a new run (bbb) deploys dev while the old approval was answered and prod succeeded */
  next = state_from (
    "{\"pipelineName\": \"orders\", \"stageStates\": ["
    " {\"stageName\": \"Source\", \"latestExecution\": {\"pipelineExecutionId\": \"e2\", \"status\": \"Succeeded\"}, \"actionStates\": []},"
    " {\"stageName\": \"Deploy-Stage-dev\", \"latestExecution\": {\"pipelineExecutionId\": \"e2\", \"status\": \"InProgress\"},"
    "  \"actionStates\": [{\"actionName\": \"deploy-dev\", \"latestExecution\": {\"status\": \"InProgress\"}}]},"
    " {\"stageName\": \"ManualApproval-dev\", \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"Succeeded\"},"
    "  \"actionStates\": [{\"actionName\": \"ManualApproval-dev\", \"latestExecution\": {\"status\": \"Succeeded\"}}]},"
    " {\"stageName\": \"Deploy-Stage-prod\", \"latestExecution\": {\"pipelineExecutionId\": \"e1\", \"status\": \"Succeeded\"},"
    "  \"inboundTransitionState\": {\"enabled\": false, \"disabledReason\": \"Freeze\"},"
    "  \"actionStates\": [{\"actionName\": \"deploy-prod\", \"latestExecution\": {\"status\": \"Succeeded\"}}]}]}");
  next_runs = executions_from (
    "{\"pipelineExecutionSummaries\": ["
    " {\"pipelineExecutionId\": \"e2\", \"status\": \"InProgress\", \"startTime\": 500,"
    "  \"sourceRevisions\": [{\"actionName\": \"CodeCommit\", \"revisionId\": \"bbb\", \"revisionSummary\": \"Second\"}]},"
    " {\"pipelineExecutionId\": \"e1\", \"status\": \"Succeeded\", \"startTime\": 90,"
    "  \"sourceRevisions\": [{\"actionName\": \"CodeCommit\", \"revisionId\": \"aaa\", \"revisionSummary\": \"First\"}]}]}");
  g_assert_true (sluice_deployment_update (deployment, "orders", next, next_runs));
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (notified, ==, 2);
  dev = sluice_deployment_find_deploy_step (deployment, "dev");
  g_assert_cmpstr (dev->revision_id, ==, "bbb");
  g_assert_cmpint (dev->status, ==, SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS);
  /* what is where: dev still runs aaa until bbb succeeds there; prod has aaa */
  g_assert_cmpstr (dev->deployed_revision_id, ==, "aaa");
  g_assert_cmpstr (sluice_deployment_find_deploy_step (deployment, "prod")->deployed_revision_id, ==, "aaa");
  g_assert_false (sluice_deployment_find_deploy_step (deployment, "prod")->transition_enabled);
  g_assert_cmpstr (sluice_deployment_find_deploy_step (deployment, "prod")->transition_reason, ==, "Freeze");
  g_assert_null (step (sluice_deployment_get_lane (deployment, 0), 2)->approval_token);

  /* an answer about a pipeline this deployment does not have */
  g_assert_false (sluice_deployment_update (deployment, "someone-else", next, next_runs));
}

static void
test_gitflow_failure_errors_branches (void)
{
  g_autoptr(SluiceDeployment) deployment = sluice_deployment_new ("gitflow", "orders", three);
  g_autoptr(SluiceCodePipelineState) failed = state_from (
    "{\"pipelineName\": \"orders-dev\", \"stageStates\": ["
    " {\"stageName\": \"Source-dev\", \"latestExecution\": {\"pipelineExecutionId\": \"d1\", \"status\": \"Failed\"},"
    "  \"actionStates\": [{\"actionName\": \"CodeCommit\", \"latestExecution\": {\"status\": \"Failed\","
    "   \"errorDetails\": {\"code\": \"JobFailed\", \"message\": \"no branch named dev was found\"}}}]},"
    " {\"stageName\": \"Deploy-Stage-dev\", \"actionStates\": [{\"actionName\": \"deploy-dev\"}]}]}");
  g_autoptr(SluiceCodePipelineState) prod = state_from (
    "{\"pipelineName\": \"orders-prod\", \"stageStates\": ["
    " {\"stageName\": \"Source-prod\", \"latestExecution\": {\"pipelineExecutionId\": \"p1\", \"status\": \"Succeeded\"}, \"actionStates\": []},"
    " {\"stageName\": \"Deploy-Stage-prod\", \"latestExecution\": {\"pipelineExecutionId\": \"p1\", \"status\": \"Succeeded\"}, \"actionStates\": []}]}");
  g_autoptr(GError) not_found = g_error_new_literal (SLUICE_CODEPIPELINE_ERROR,
                                                     SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND, "gone");
  static const char * const only_main[] = { "main", NULL };
  static const char * const all[] = { "main", "dev", "test", NULL };
  SluiceDeploymentLane *dev;
  SluiceDeploymentLane *test;
  guint changed = 0;

  g_signal_connect (deployment, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (sluice_deployment_update (deployment, "orders-prod", prod, NULL));
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_SUCCEEDED);
  g_assert_true (sluice_deployment_update (deployment, "orders-dev", failed, NULL));
  /* a failure anywhere outweighs success elsewhere */
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_FAILED);
  dev = sluice_deployment_find_lane (deployment, "orders-dev");
  g_assert_cmpint (dev->status, ==, SLUICE_DEPLOYMENT_STATUS_FAILED);
  g_assert_cmpstr (step (dev, 0)->error_message, ==, "no branch named dev was found");
  g_assert_cmpint (step (dev, 1)->status, ==, SLUICE_DEPLOYMENT_STATUS_NOT_RUN);

  /* the branches as the remote lists them */
  g_assert_true (sluice_deployment_set_remote_branches (deployment, only_main));
  test = sluice_deployment_find_lane (deployment, "orders-test");
  g_assert_true (dev->branch_missing);
  g_assert_true (test->branch_missing);
  g_assert_false (sluice_deployment_find_lane (deployment, "orders-prod")->branch_missing);
  g_assert_false (sluice_deployment_set_remote_branches (deployment, only_main));
  g_assert_true (sluice_deployment_set_remote_branches (deployment, all));
  g_assert_false (dev->branch_missing);

  /* a lane that cannot be read keeps its steps, says why, and weighs nothing */
  changed = 0;
  sluice_deployment_set_error (deployment, "orders-test", not_found);
  g_assert_cmpuint (changed, ==, 1);
  sluice_deployment_set_error (deployment, "orders-test", not_found);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_error (test->error, SLUICE_CODEPIPELINE_ERROR, SLUICE_CODEPIPELINE_ERROR_PIPELINE_NOT_FOUND);
  g_assert_cmpint (test->status, ==, SLUICE_DEPLOYMENT_STATUS_UNKNOWN);
  g_assert_cmpuint (test->steps->len, ==, 2);
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_FAILED);
  /* the next answer clears the error */
  g_assert_true (sluice_deployment_update (deployment, "orders-test", prod, NULL));
  g_assert_null (test->error);
}

static void
test_cdk_assets_and_ddk_approval (void)
{
  g_autoptr(SluiceDeployment) deployment = sluice_deployment_new ("cdk-trunk", "orders", (const char *[]) { "dev", NULL });
  g_autoptr(SluiceCodePipelineState) state = state_from (
    "{\"pipelineName\": \"orders\", \"stageStates\": ["
    " {\"stageName\": \"Source\", \"latestExecution\": {\"pipelineExecutionId\": \"c1\", \"status\": \"Succeeded\"}, \"actionStates\": []},"
    " {\"stageName\": \"Build\", \"latestExecution\": {\"pipelineExecutionId\": \"c1\", \"status\": \"Succeeded\"}, \"actionStates\": []},"
    " {\"stageName\": \"UpdatePipeline\", \"latestExecution\": {\"pipelineExecutionId\": \"c1\", \"status\": \"Succeeded\"}, \"actionStates\": []},"
    " {\"stageName\": \"Assets\", \"latestExecution\": {\"pipelineExecutionId\": \"c1\", \"status\": \"Succeeded\"},"
    "  \"actionStates\": [{\"actionName\": \"FileAsset1\"}]},"
    " {\"stageName\": \"dataall-Dev\", \"latestExecution\": {\"pipelineExecutionId\": \"c1\", \"status\": \"InProgress\"},"
    "  \"actionStates\": [{\"actionName\": \"PromoteToDev\", \"latestExecution\": {\"status\": \"InProgress\","
    "    \"token\": \"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\"}}, {\"actionName\": \"Prepare\"}, {\"actionName\": \"Deploy\"}]}]}");
  SluiceDeploymentLane *lane;

  g_assert_true (sluice_deployment_update (deployment, "orders", state, NULL));
  lane = sluice_deployment_get_lane (deployment, 0);
  g_assert_cmpuint (lane->steps->len, ==, 5);
  g_assert_cmpstr (step (lane, 3)->name, ==, "Assets");
  g_assert_cmpint (step (lane, 3)->kind, ==, SLUICE_DEPLOYMENT_STEP_BUILD);
  g_assert_cmpint (step (lane, 4)->kind, ==, SLUICE_DEPLOYMENT_STEP_DEPLOY);
  g_assert_cmpstr (step (lane, 4)->stage, ==, "dev");
  g_assert_cmpstr (step (lane, 4)->action, ==, "Deploy");
  g_assert_cmpint (step (lane, 4)->status, ==, SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL);
  g_assert_cmpint (sluice_deployment_get_status (deployment), ==, SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL);
}

static void
test_intervals (void)
{
  g_autoptr(SluiceDeployment) deployment = sluice_deployment_new ("trunk", "orders", (const char *[]) { "dev", NULL });
  g_autoptr(SluiceCodePipelineState) running = state_from (
    "{\"pipelineName\": \"orders\", \"stageStates\": [{\"stageName\": \"Source\","
    " \"latestExecution\": {\"pipelineExecutionId\": \"r\", \"status\": \"InProgress\"}, \"actionStates\": []}]}");
  guint interval;

  /* idle: 10 s, doubling while nothing changes, never over two minutes */
  g_assert_cmpuint (sluice_deployment_next_interval (deployment, 0, FALSE), ==, SLUICE_DEPLOYMENT_IDLE_INTERVAL_MS);
  interval = SLUICE_DEPLOYMENT_IDLE_INTERVAL_MS;
  for (guint i = 0; i < 10; i++)
    interval = sluice_deployment_next_interval (deployment, interval, FALSE);
  g_assert_cmpuint (interval, ==, SLUICE_DEPLOYMENT_MAX_INTERVAL_MS);
  g_assert_cmpuint (sluice_deployment_next_interval (deployment, interval, TRUE), ==, SLUICE_DEPLOYMENT_IDLE_INTERVAL_MS);
  /* running: soon */
  g_assert_true (sluice_deployment_update (deployment, "orders", running, NULL));
  g_assert_cmpuint (sluice_deployment_next_interval (deployment, 60000, TRUE), ==, SLUICE_DEPLOYMENT_MIN_INTERVAL_MS);
  g_assert_cmpuint (sluice_deployment_next_interval (deployment, SLUICE_DEPLOYMENT_MIN_INTERVAL_MS, FALSE), ==,
                    2 * SLUICE_DEPLOYMENT_MIN_INTERVAL_MS);
}

static void
test_status_mapping (void)
{
  g_assert_cmpint (sluice_deployment_status_from_codepipeline (SLUICE_CODEPIPELINE_STATUS_NONE), ==, SLUICE_DEPLOYMENT_STATUS_NOT_RUN);
  g_assert_cmpint (sluice_deployment_status_from_codepipeline (SLUICE_CODEPIPELINE_STATUS_SUPERSEDED), ==, SLUICE_DEPLOYMENT_STATUS_CANCELLED);
  g_assert_cmpint (sluice_deployment_status_from_codepipeline (SLUICE_CODEPIPELINE_STATUS_ABANDONED), ==, SLUICE_DEPLOYMENT_STATUS_STOPPED);
  g_assert_cmpint (sluice_deployment_status_from_codepipeline (SLUICE_CODEPIPELINE_STATUS_UNKNOWN), ==, SLUICE_DEPLOYMENT_STATUS_UNKNOWN);
  g_assert_cmpstr (sluice_deployment_status_to_string (SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL), ==, "waiting-for-approval");
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/deployment/layouts", test_layouts);
  g_test_add_func ("/sluice/deployment/trunk-waiting-then-approved", test_trunk_waiting_then_approved);
  g_test_add_func ("/sluice/deployment/gitflow-failure-errors-branches", test_gitflow_failure_errors_branches);
  g_test_add_func ("/sluice/deployment/cdk-assets-and-ddk-approval", test_cdk_assets_and_ddk_approval);
  g_test_add_func ("/sluice/deployment/intervals", test_intervals);
  g_test_add_func ("/sluice/deployment/status-mapping", test_status_mapping);

  return g_test_run ();
}
