/* test-pipeline-filter.c: search, filters and orders of the pipeline list, without a display
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sluice-pipeline.h"
#include "sluice-pipeline-filter.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-sorter.h"

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

static GListStore *
sample_store (void)
{
  GListStore *store = g_list_store_new (SLUICE_TYPE_PIPELINE);
  g_autoptr(SluicePipeline) a = pipeline_new ("a", "Sales ingest", "Nightly sales from the shops", "[\"sales\", \"nightly\"]",
                                              "DataEngineers", "trunk", "eu-west-1", "2026-01-03T10:00:00");
  g_autoptr(SluicePipeline) b = pipeline_new ("b", "customer-360", "Joins CRM and web", "[\"crm\"]",
                                              "DataEngineers", "cdk-trunk", "eu-west-1", "2026-01-05T10:00:00");
  g_autoptr(SluicePipeline) c = pipeline_new ("c", "ML Features", "Feature store", "[\"ml\", \"nightly\"]",
                                              "Scientists", "gitflow", "eu-central-1", "2026-01-01T10:00:00");

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  return store;
}

static char *
labels (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, sluice_pipeline_get_label (pipeline));
    }
  return g_string_free (text, FALSE);
}

static void
assert_labels (GListModel *model,
               const char *expected)
{
  g_autofree char *actual = labels (model);

  g_assert_cmpstr (actual, ==, expected);
}

static void
test_search (void)
{
  g_autoptr(GListStore) store = sample_store ();
  SluicePipelineFilter *filter = sluice_pipeline_filter_new ();
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                                                   GTK_FILTER (g_object_ref (filter)));

  assert_labels (G_LIST_MODEL (model), "Sales ingest|customer-360|ML Features");
  g_assert_false (sluice_pipeline_filter_is_active (filter));

  /* Label, any case. */
  sluice_pipeline_filter_set_search (filter, "SALES");
  assert_labels (G_LIST_MODEL (model), "Sales ingest");
  g_assert_true (sluice_pipeline_filter_is_active (filter));
  /* Description. */
  sluice_pipeline_filter_set_search (filter, "crm");
  assert_labels (G_LIST_MODEL (model), "customer-360");
  /* Tags. */
  sluice_pipeline_filter_set_search (filter, "nightly");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|ML Features");
  /* Team. */
  sluice_pipeline_filter_set_search (filter, "scientists");
  assert_labels (G_LIST_MODEL (model), "ML Features");
  /* Every word must match, anywhere. */
  sluice_pipeline_filter_set_search (filter, "nightly shops");
  assert_labels (G_LIST_MODEL (model), "Sales ingest");
  sluice_pipeline_filter_set_search (filter, "  ");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|customer-360|ML Features");
  g_assert_false (sluice_pipeline_filter_is_active (filter));

  /* Typing on narrows; deleting widens; both stay right. */
  sluice_pipeline_filter_set_search (filter, "e");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|customer-360|ML Features");
  sluice_pipeline_filter_set_search (filter, "es");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|ML Features");
  sluice_pipeline_filter_set_search (filter, "est");
  assert_labels (G_LIST_MODEL (model), "Sales ingest");
  sluice_pipeline_filter_set_search (filter, "e");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|customer-360|ML Features");

  /* A changed pipeline is matched by its new values. */
  sluice_pipeline_filter_set_search (filter, "renamed");
  assert_labels (G_LIST_MODEL (model), "");
  {
    g_autoptr(SluicePipeline) first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_autoptr(JsonNode) node = json_from_string ("{\"label\": \"Renamed\"}", NULL);

    sluice_pipeline_update_from_json (first, json_node_get_object (node));
    gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  }
  assert_labels (G_LIST_MODEL (model), "Renamed");

  g_clear_object (&model);
  g_assert_finalize_object (filter);
}

static void
test_filters (void)
{
  g_autoptr(GListStore) store = sample_store ();
  SluicePipelineFilter *filter = sluice_pipeline_filter_new ();
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                                                   GTK_FILTER (g_object_ref (filter)));

  sluice_pipeline_filter_set_strategy (filter, "gitflow");
  assert_labels (G_LIST_MODEL (model), "ML Features");
  sluice_pipeline_filter_set_strategy (filter, "");
  g_assert_null (sluice_pipeline_filter_get_strategy (filter));
  sluice_pipeline_filter_set_region (filter, "eu-west-1");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|customer-360");
  sluice_pipeline_filter_set_tag (filter, "nightly");
  assert_labels (G_LIST_MODEL (model), "Sales ingest");
  /* Tags match whole, not in part. */
  sluice_pipeline_filter_set_tag (filter, "night");
  assert_labels (G_LIST_MODEL (model), "");
  sluice_pipeline_filter_set_search (filter, "sales");
  sluice_pipeline_filter_clear (filter);
  g_assert_false (sluice_pipeline_filter_is_active (filter));
  assert_labels (G_LIST_MODEL (model), "Sales ingest|customer-360|ML Features");

  g_clear_object (&model);
  g_assert_finalize_object (filter);
}

static void
test_sort (void)
{
  g_autoptr(GListStore) store = sample_store ();
  SluicePipelineSorter *sorter = sluice_pipeline_sorter_new (SLUICE_PIPELINE_SORT_NAME);
  SluicePipelineFilter *filter = sluice_pipeline_filter_new ();
  g_autoptr(GtkSortListModel) sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                                                GTK_SORTER (g_object_ref (sorter)));
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (sorted)),
                                                                   GTK_FILTER (g_object_ref (filter)));

  /* By name, collated: case does not split the list. */
  assert_labels (G_LIST_MODEL (model), "customer-360|ML Features|Sales ingest");
  sluice_pipeline_sorter_set_sort (sorter, SLUICE_PIPELINE_SORT_UPDATED);
  assert_labels (G_LIST_MODEL (model), "customer-360|Sales ingest|ML Features");
  sluice_pipeline_filter_set_search (filter, "nightly");
  assert_labels (G_LIST_MODEL (model), "Sales ingest|ML Features");
  sluice_pipeline_sorter_set_sort (sorter, SLUICE_PIPELINE_SORT_NAME);
  assert_labels (G_LIST_MODEL (model), "ML Features|Sales ingest");

  g_clear_object (&model);
  g_clear_object (&sorted);
  g_assert_finalize_object (sorter);
  g_assert_finalize_object (filter);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sluice/pipeline-filter/search", test_search);
  g_test_add_func ("/sluice/pipeline-filter/filters", test_filters);
  g_test_add_func ("/sluice/pipeline-filter/sort", test_sort);
  g_test_add_func ("/sluice/pipeline-filter/format", test_format);

  return g_test_run ();
}
