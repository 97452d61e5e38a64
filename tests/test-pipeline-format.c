/* test-pipeline-format.c: how the pipeline page and the list put a pipeline into words
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "sluice-pipeline.h"
#include "sluice-pipeline-format.h"

static SluicePipeline *
pipeline_new (const char *uri,
              const char *label,
              const char *description,
              const char *tags_json,
              const char *team,
              const char *strategy,
              const char *region,
              const char *updated)
{
  g_autofree char *json = g_strdup_printf ("{\"DataPipelineUri\": \"%s\", \"name\": \"%s\", \"label\": \"%s\", "
                                           "\"description\": \"%s\", \"tags\": %s, \"SamlGroupName\": \"%s\", "
                                           "\"devStrategy\": \"%s\", \"updated\": \"%s\", \"template\": \"\", "
                                           "\"environment\": {\"environmentUri\": \"env%s\", \"region\": \"%s\", "
                                           "\"AwsAccountId\": \"111111111111\"},"
                                           "\"developmentEnvironments\": {\"count\": 2, \"nodes\": ["
                                           "{\"envPipelineUri\": \"s2\", \"stage\": \"prod\", \"order\": 2, "
                                           "\"environmentUri\": \"envprod\", \"AwsAccountId\": \"444444444444\", "
                                           "\"region\": \"eu-central-1\", \"samlGroupName\": \"Ops\"},"
                                           "{\"envPipelineUri\": \"s1\", \"stage\": \"dev\", \"order\": 1, "
                                           "\"environmentUri\": \"envdev\", \"AwsAccountId\": \"222222222222\", "
                                           "\"region\": \"eu-west-1\", \"samlGroupName\": \"Data Engineers\"}]}}",
                                           uri, label, label, description, tags_json, team, strategy, updated,
                                           region, region);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return sluice_pipeline_new_from_json (json_node_get_object (node));
}

static void
test_format (void)
{
  g_autoptr(SluicePipeline) pipeline = pipeline_new ("uri1", "Sales", "d", "[]", "DataEngineers", "trunk",
                                                     "eu-west-1", "2026-01-03T10:00:00");
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  g_autoptr(SluiceStage) dev = g_list_model_get_item (stages, 0);
  g_autoptr(SluiceStage) prod = g_list_model_get_item (stages, 1);
  g_auto(GStrv) variables = NULL;
  g_autofree char *exports = NULL;
  g_autofree char *status = NULL;

  g_assert_cmpstr (sluice_stage_get_stage (dev), ==, "dev");
  variables = sluice_pipeline_build_variables (pipeline, prod);
  g_assert_cmpuint (g_strv_length (variables), ==, 10);
  g_assert_cmpstr (variables[0], ==, "PIPELINE_URI=uri1");
  g_assert_cmpstr (variables[1], ==, "PIPELINE_NAME=Sales");
  g_assert_cmpstr (variables[2], ==, "STAGE=prod");
  g_assert_cmpstr (variables[3], ==, "DEV_STAGES=dev,prod");
  g_assert_cmpstr (variables[4], ==, "DEV_STRATEGY=trunk");
  g_assert_cmpstr (variables[5], ==, "TEMPLATE=");
  g_assert_cmpstr (variables[6], ==, "ENVIRONMENT_URI=envprod");
  g_assert_cmpstr (variables[7], ==, "AWSACCOUNTID=444444444444");
  g_assert_cmpstr (variables[8], ==, "AWSREGION=eu-central-1");
  g_assert_cmpstr (variables[9], ==, "ENVTEAM_ROLENAME=Ops");

  exports = sluice_pipeline_format_exports (pipeline, dev);
  g_assert_nonnull (strstr (exports, "export STAGE='dev'\n"));
  g_assert_nonnull (strstr (exports, "export ENVTEAM_ROLENAME='Data Engineers'\n"));

  g_assert_cmpstr (sluice_pipeline_format_status_class ("CREATE_COMPLETE"), ==, "success");
  g_assert_cmpstr (sluice_pipeline_format_status_class ("UPDATE_IN_PROGRESS"), ==, "warning");
  g_assert_cmpstr (sluice_pipeline_format_status_class ("UPDATE_ROLLBACK_COMPLETE"), ==, "error");
  g_assert_cmpstr (sluice_pipeline_format_status_class ("CREATE_FAILED"), ==, "error");
  g_assert_cmpstr (sluice_pipeline_format_status_class ("pending"), ==, "accent");
  status = sluice_pipeline_format_status ("CREATE_COMPLETE");
  g_assert_cmpstr (status, ==, "Create complete");
}

/* The page names a strategy as the wizard offered it; an unknown one as data.all has it. */
static void
test_strategy (void)
{
  g_assert_cmpstr (sluice_pipeline_format_strategy ("cdk-trunk"), ==, "CDK Pipelines, trunk-based");
  g_assert_cmpstr (sluice_pipeline_format_strategy ("trunk"), ==, "CodePipeline, trunk-based");
  g_assert_cmpstr (sluice_pipeline_format_strategy ("gitflow"), ==, "CodePipeline, GitFlow");
  g_assert_cmpstr (sluice_pipeline_format_strategy ("feature-branches"), ==, "feature-branches");
  g_assert_cmpstr (sluice_pipeline_format_strategy (NULL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sluice/pipeline-format/format", test_format);
  g_test_add_func ("/sluice/pipeline-format/strategy", test_strategy);

  return g_test_run ();
}
