/* test-pipeline-query.c: the pipelines a search and filters show, in order, without a display
 *
 * Every items-changed the query emits is replayed on a copy of the list, reading the added
 * items while the signal runs: the copy must always equal the query, and the query must
 * equal a plain filter-and-sort of the source written here again, through random searches,
 * filters, orders, changes of the source and pipelines updated in place.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sluice-pipeline-query.h"
#include "sluice-test-core-utils.h"

typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;     /* the list as told by items-changed */
  GString    *log;        /* " position-removed+added" for each */
  guint       n_changes;
  guint       n_items_notifies;
  /* A change made by a watcher while it hears of one. */
  const char *reenter_search;
} Watch;

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
  g_autofree char *json = g_strdup_printf ("{\"DataPipelineUri\": \"%s\", \"label\": \"%s\", "
                                           "\"description\": \"%s\", \"tags\": %s, \"SamlGroupName\": \"%s\", "
                                           "\"devStrategy\": \"%s\", \"updated\": \"%s\", "
                                           "\"environment\": {\"environmentUri\": \"env-%s\", \"region\": \"%s\"}}",
                                           uri, label, description, tags_json, team, strategy, updated,
                                           region, region);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return sluice_pipeline_new_from_json (json_node_get_object (node));
}

static void
update_pipeline (SluicePipeline *pipeline,
                 const char     *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  sluice_pipeline_update_from_json (pipeline, json_node_get_object (node));
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
assert_labels (SluicePipelineQuery *query,
               const char          *expected)
{
  g_autofree char *actual = labels (G_LIST_MODEL (query));

  g_assert_cmpstr (actual, ==, expected);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_assert_true (model == watch->model);
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  /* Every change says something. */
  g_assert_true (removed > 0 || added > 0);

  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
  /* While the signal runs, the model reads as the list after this change. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, watch->mirror->len);
  for (guint i = 0; i < watch->mirror->len; i++)
    {
      g_autoptr(SluicePipeline) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (watch->mirror, i));
    }
  watch->n_changes++;
  g_string_append_printf (watch->log, " %u-%u+%u", position, removed, added);

  if (watch->reenter_search != NULL)
    {
      const char *search = watch->reenter_search;

      watch->reenter_search = NULL;
      sluice_pipeline_query_set_search (SLUICE_PIPELINE_QUERY (model), search);
    }
}

static void
n_items_cb (GObject    *object,
            GParamSpec *pspec,
            Watch      *watch)
{
  watch->n_items_notifies++;
}

static void
watch_init (Watch      *watch,
            GListModel *model)
{
  *watch = (Watch) {
    .model = model,
    .mirror = g_ptr_array_new_with_free_func (g_object_unref),
    .log = g_string_new (NULL),
  };
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (watch->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), watch);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (n_items_cb), watch);
}

static void
watch_clear (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->model, watch);
  g_clear_pointer (&watch->mirror, g_ptr_array_unref);
  g_string_free (g_steal_pointer (&watch->log), TRUE);
}

/* The query done plainly: every pipeline of @source that matches, sorted. */
typedef struct
{
  SluicePipeline *pipeline;
  char           *key;
} Sorted;

static int
compare_sorted (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Sorted *x = a, *y = b;
  int result = 0;

  if (GPOINTER_TO_INT (user_data) == SLUICE_PIPELINE_SORT_UPDATED)
    result = g_strcmp0 (sluice_pipeline_get_updated (y->pipeline), sluice_pipeline_get_updated (x->pipeline));
  if (result == 0)
    result = strcmp (x->key, y->key);
  if (result == 0)
    result = g_strcmp0 (sluice_pipeline_get_uri (x->pipeline), sluice_pipeline_get_uri (y->pipeline));
  return result;
}

static GPtrArray *
expected_items (GListModel          *source,
                SluicePipelineQuery *query)
{
  g_auto(GStrv) words = sluice_pipeline_query_split_words (sluice_pipeline_query_get_search (query));
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Sorted));
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (source, i);
      g_autofree char *text = sluice_pipeline_query_dup_text (pipeline);
      SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);
      const char *strategy = sluice_pipeline_query_get_strategy (query);
      const char *region = sluice_pipeline_query_get_region (query);
      const char *tag = sluice_pipeline_query_get_tag (query);
      gboolean match = TRUE;
      Sorted item;

      if (strategy != NULL && g_strcmp0 (sluice_pipeline_get_dev_strategy (pipeline), strategy) != 0)
        match = FALSE;
      if (region != NULL && (environment == NULL || g_strcmp0 (sluice_environment_get_region (environment), region) != 0))
        match = FALSE;
      if (tag != NULL && !sluice_pipeline_query_has_tag (pipeline, tag))
        match = FALSE;
      for (guint w = 0; match && words[w] != NULL; w++)
        match = strstr (text, words[w]) != NULL;
      if (!match)
        continue;
      item = (Sorted) { pipeline, sluice_pipeline_query_dup_name_key (pipeline) };
      g_array_append_val (sorted, item);
    }
  g_array_sort_with_data (sorted, compare_sorted, GINT_TO_POINTER (sluice_pipeline_query_get_sort (query)));
  for (guint i = 0; i < sorted->len; i++)
    {
      g_ptr_array_add (result, g_array_index (sorted, Sorted, i).pipeline);
      g_free (g_array_index (sorted, Sorted, i).key);
    }
  return result;
}

static void
assert_consistent (Watch               *watch,
                   GListModel          *source,
                   SluicePipelineQuery *query)
{
  g_autoptr(GPtrArray) expected = expected_items (source, query);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, expected->len);
  g_assert_cmpuint (watch->mirror->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(SluicePipeline) item = g_list_model_get_item (G_LIST_MODEL (query), i);

      g_assert_true (item == g_ptr_array_index (expected, i));
      g_assert_true (item == g_ptr_array_index (watch->mirror, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (query), expected->len));
}

/* ------------------------------------------------------------------------------------------ */

static void
test_search (void)
{
  g_autoptr(GListStore) store = sample_store ();
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (G_LIST_MODEL (store));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (query)) == SLUICE_TYPE_PIPELINE);
  /* By name, collated: case does not split the list. */
  assert_labels (query, "customer-360|ML Features|Sales ingest");
  g_assert_false (sluice_pipeline_query_is_active (query));

  /* Label, any case; description; tags; team; every word, anywhere. */
  sluice_pipeline_query_set_search (query, "SALES");
  assert_labels (query, "Sales ingest");
  g_assert_true (sluice_pipeline_query_is_active (query));
  sluice_pipeline_query_set_search (query, "crm");
  assert_labels (query, "customer-360");
  sluice_pipeline_query_set_search (query, "nightly");
  assert_labels (query, "ML Features|Sales ingest");
  sluice_pipeline_query_set_search (query, "scientists");
  assert_labels (query, "ML Features");
  sluice_pipeline_query_set_search (query, "nightly shops");
  assert_labels (query, "Sales ingest");
  /* Words do not reach across fields. */
  sluice_pipeline_query_set_search (query, "ingest nightly");
  assert_labels (query, "Sales ingest");
  sluice_pipeline_query_set_search (query, "  ");
  assert_labels (query, "customer-360|ML Features|Sales ingest");
  g_assert_false (sluice_pipeline_query_is_active (query));

  /* Typing on narrows; deleting widens; both stay right. */
  sluice_pipeline_query_set_search (query, "e");
  assert_labels (query, "customer-360|ML Features|Sales ingest");
  sluice_pipeline_query_set_search (query, "es");
  assert_labels (query, "ML Features|Sales ingest");
  sluice_pipeline_query_set_search (query, "est");
  assert_labels (query, "Sales ingest");
  sluice_pipeline_query_set_search (query, "e");
  assert_labels (query, "customer-360|ML Features|Sales ingest");
  /* Normalized: a composed é matches a decomposed one. */
  {
    g_autoptr(SluicePipeline) cafe = pipeline_new ("d", "Caf\\u00e9 orders", "", "[]", "Shop", "trunk",
                                                   "eu-west-1", "2026-01-02T10:00:00");

    g_list_store_append (store, cafe);
    sluice_pipeline_query_set_search (query, "CAFE\xcc\x81");
    assert_labels (query, "Caf\xc3\xa9 orders");
    g_list_store_remove (store, 3);
    assert_labels (query, "");
  }
}

static void
test_filters (void)
{
  g_autoptr(GListStore) store = sample_store ();
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (G_LIST_MODEL (store));
  Watch watch;

  watch_init (&watch, G_LIST_MODEL (query));
  sluice_pipeline_query_set_strategy (query, "gitflow");
  assert_labels (query, "ML Features");
  sluice_pipeline_query_set_strategy (query, "");
  g_assert_null (sluice_pipeline_query_get_strategy (query));
  sluice_pipeline_query_set_region (query, "eu-west-1");
  assert_labels (query, "customer-360|Sales ingest");
  sluice_pipeline_query_set_tag (query, "nightly");
  assert_labels (query, "Sales ingest");
  /* Tags match whole, not in part. */
  sluice_pipeline_query_set_tag (query, "night");
  assert_labels (query, "");
  sluice_pipeline_query_set_search (query, "sales");
  assert_consistent (&watch, G_LIST_MODEL (store), query);

  /* Clearing is one change of the list. */
  watch.n_changes = 0;
  watch.n_items_notifies = 0;
  sluice_pipeline_query_clear (query);
  g_assert_false (sluice_pipeline_query_is_active (query));
  assert_labels (query, "customer-360|ML Features|Sales ingest");
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  assert_consistent (&watch, G_LIST_MODEL (store), query);
  watch_clear (&watch);
}

static void
test_sort (void)
{
  g_autoptr(GListStore) store = sample_store ();
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (G_LIST_MODEL (store));

  sluice_pipeline_query_set_sort (query, SLUICE_PIPELINE_SORT_UPDATED);
  assert_labels (query, "customer-360|Sales ingest|ML Features");
  sluice_pipeline_query_set_search (query, "nightly");
  assert_labels (query, "Sales ingest|ML Features");
  sluice_pipeline_query_set_sort (query, SLUICE_PIPELINE_SORT_NAME);
  assert_labels (query, "ML Features|Sales ingest");
}

/* A pipeline updated in place is matched and placed by its new values once the query is
 * refreshed, or at its next search. */
static void
test_refresh (void)
{
  g_autoptr(GListStore) store = sample_store ();
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (G_LIST_MODEL (store));
  g_autoptr(SluicePipeline) sales = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_autoptr(SluicePipeline) ml = g_list_model_get_item (G_LIST_MODEL (store), 2);
  guint revision = sluice_pipeline_get_revision (sales);
  Watch watch;

  watch_init (&watch, G_LIST_MODEL (query));

  /* The same values again change nothing. */
  update_pipeline (sales, "{\"label\": \"Sales ingest\"}");
  g_assert_cmpuint (sluice_pipeline_get_revision (sales), ==, revision);
  sluice_pipeline_query_refresh (query);
  g_assert_cmpuint (watch.n_changes, ==, 0);

  update_pipeline (sales, "{\"label\": \"Alpha sales\"}");
  g_assert_cmpuint (sluice_pipeline_get_revision (sales), !=, revision);
  sluice_pipeline_query_refresh (query);
  assert_labels (query, "Alpha sales|customer-360|ML Features");
  assert_consistent (&watch, G_LIST_MODEL (store), query);

  /* The environment counts too: a region filter sees the new region. */
  sluice_pipeline_query_set_region (query, "eu-west-1");
  assert_labels (query, "Alpha sales|customer-360");
  revision = sluice_pipeline_get_revision (ml);
  update_pipeline (ml, "{\"environment\": {\"environmentUri\": \"env-eu-central-1\", \"region\": \"eu-west-1\"}}");
  g_assert_cmpuint (sluice_pipeline_get_revision (ml), !=, revision);
  /* Without a refresh, the next search looks again. */
  sluice_pipeline_query_set_search (query, "a");
  assert_labels (query, "Alpha sales|customer-360|ML Features");
  assert_consistent (&watch, G_LIST_MODEL (store), query);

  /* A property set directly counts as well. */
  g_object_set (ml, "label", "Zeta features", NULL);
  sluice_pipeline_query_refresh (query);
  assert_labels (query, "Alpha sales|customer-360|Zeta features");
  assert_consistent (&watch, G_LIST_MODEL (store), query);
  watch_clear (&watch);
}

/* Few changes are told as they are, the last first: a view keeps the rows of the items that
 * stay, and makes none for items about to go. */
static void
test_minimal_changes (void)
{
  g_autoptr(GListStore) store = g_list_store_new (SLUICE_TYPE_PIPELINE);
  g_autoptr(SluicePipelineQuery) query = NULL;
  Watch watch;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *uri = g_strdup_printf ("p%03u", i);
      g_autofree char *label = g_strdup_printf ("pipeline-%03u%s", i, i == 50 || i == 150 ? "-odd" : "");
      g_autoptr(SluicePipeline) pipeline = pipeline_new (uri, label, "", "[]", "Team", "trunk", "eu-west-1",
                                                         "2026-01-01T00:00:00");

      g_list_store_append (store, pipeline);
    }
  query = sluice_pipeline_query_new (G_LIST_MODEL (store));
  watch_init (&watch, G_LIST_MODEL (query));

  /* Nothing changes: nothing is told. */
  sluice_pipeline_query_set_search (query, "pipeline-");
  g_assert_cmpstr (watch.log->str, ==, "");
  g_assert_cmpuint (watch.n_items_notifies, ==, 0);

  sluice_pipeline_query_set_search (query, "pipeline odd");
  assert_labels (query, "pipeline-050-odd|pipeline-150-odd");
  g_assert_cmpstr (watch.log->str, ==, " 151-49+0 51-99+0 0-50+0");
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_string_truncate (watch.log, 0);
  sluice_pipeline_query_set_search (query, "pipeline");
  g_assert_cmpstr (watch.log->str, ==, " 2-0+49 1-0+99 0-0+50");
  assert_consistent (&watch, G_LIST_MODEL (store), query);

  /* A change of the source is as small as it was. */
  g_string_truncate (watch.log, 0);
  g_list_store_remove (store, 10);
  g_assert_cmpstr (watch.log->str, ==, " 10-1+0");
  assert_consistent (&watch, G_LIST_MODEL (store), query);

  /* A pipeline that moves: one change from where it was to where it goes. */
  g_string_truncate (watch.log, 0);
  {
    g_autoptr(SluicePipeline) moved = g_list_model_get_item (G_LIST_MODEL (store), 19);

    g_assert_cmpstr (sluice_pipeline_get_label (moved), ==, "pipeline-020");
    update_pipeline (moved, "{\"label\": \"pipeline-100a\"}");
  }
  sluice_pipeline_query_refresh (query);
  g_assert_cmpstr (watch.log->str, ==, " 19-81+81");
  assert_consistent (&watch, G_LIST_MODEL (store), query);

  /* Many scattered changes are told as one. */
  g_string_truncate (watch.log, 0);
  sluice_pipeline_query_set_search (query, "5");
  g_assert_cmpuint (strlen (watch.log->str), >, 0);
  g_assert_null (strchr (watch.log->str + 1, ' '));
  assert_consistent (&watch, G_LIST_MODEL (store), query);
  watch_clear (&watch);
}

/* A watcher that changes the search while it hears of a change. */
static void
test_reentrant (void)
{
  g_autoptr(GListStore) store = sample_store ();
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (G_LIST_MODEL (store));
  Watch watch;

  watch_init (&watch, G_LIST_MODEL (query));
  watch.reenter_search = "nightly";
  sluice_pipeline_query_set_search (query, "e");
  g_assert_cmpstr (sluice_pipeline_query_get_search (query), ==, "e");
  sluice_pipeline_query_set_search (query, "es");
  g_assert_cmpstr (sluice_pipeline_query_get_search (query), ==, "nightly");
  assert_labels (query, "ML Features|Sales ingest");
  assert_consistent (&watch, G_LIST_MODEL (store), query);
  watch_clear (&watch);
}

/* Random searches, filters, orders and changes of the source, checked against the plain
 * query after every step. */
static void
test_random (void)
{
  static const char * const syllables[] = { "ka", "lo", "mi", "ne", "ra", "su", "to", "Ve" };
  static const char * const tags[] = { "etl", "ml", "pii", "batch" };
  static const char * const strategies[] = { "cdk-trunk", "trunk", "gitflow" };
  static const char * const regions[] = { "eu-west-1", "eu-central-1", "us-east-1" };
  g_autoptr(GListStore) store = g_list_store_new (SLUICE_TYPE_PIPELINE);
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (G_LIST_MODEL (store));
  guint next_uri = 0;
  Watch watch;

  watch_init (&watch, G_LIST_MODEL (query));

  for (guint step = 0; step < 1500; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint what = g_test_rand_int_range (0, 100);

      if (what < 25 || n < 5)
        {
          /* The source gains, loses or replaces a range, as pages of a load do. */
          guint position = g_test_rand_int_range (0, n + 1);
          guint removed = g_test_rand_int_range (0, MIN (n - position, 8) + 1);
          guint added = g_test_rand_int_range (0, 12);
          g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < added; i++)
            {
              g_autofree char *uri = g_strdup_printf ("u%05u", next_uri++);
              g_autofree char *label = g_strdup_printf ("%s%s %s",
                                                        syllables[g_test_rand_int_range (0, 8)],
                                                        syllables[g_test_rand_int_range (0, 8)],
                                                        syllables[g_test_rand_int_range (0, 8)]);
              g_autofree char *tag_list = g_strdup_printf ("[\"%s\"]", tags[g_test_rand_int_range (0, 4)]);
              g_autofree char *updated = g_strdup_printf ("2026-01-%02uT00:00:00", g_test_rand_int_range (1, 10));

              g_ptr_array_add (fresh, pipeline_new (uri, label, syllables[g_test_rand_int_range (0, 8)], tag_list,
                                                    syllables[g_test_rand_int_range (0, 8)],
                                                    strategies[g_test_rand_int_range (0, 3)],
                                                    regions[g_test_rand_int_range (0, 3)], updated));
            }
          g_list_store_splice (store, position, removed, fresh->pdata, fresh->len);
        }
      else if (what < 60)
        {
          /* Typing on, deleting, or another word. */
          const char *old = sluice_pipeline_query_get_search (query);
          g_autoptr(GString) search = g_string_new (old);
          guint how = g_test_rand_int_range (0, 4);

          if (how == 0 && search->len > 0)
            g_string_truncate (search, search->len - 1);
          else if (how == 1)
            g_string_assign (search, syllables[g_test_rand_int_range (0, 8)]);
          else if (how == 2)
            g_string_append_c (search, ' ');
          else
            g_string_append_c (search, "aeiklmnorstuv"[g_test_rand_int_range (0, 13)]);
          sluice_pipeline_query_set_search (query, search->str);
        }
      else if (what < 70)
        sluice_pipeline_query_set_strategy (query, g_test_rand_bit () ? NULL : strategies[g_test_rand_int_range (0, 3)]);
      else if (what < 78)
        sluice_pipeline_query_set_region (query, g_test_rand_bit () ? NULL : regions[g_test_rand_int_range (0, 3)]);
      else if (what < 85)
        sluice_pipeline_query_set_tag (query, g_test_rand_bit () ? NULL : tags[g_test_rand_int_range (0, 4)]);
      else if (what < 90)
        sluice_pipeline_query_set_sort (query, g_test_rand_bit () ? SLUICE_PIPELINE_SORT_NAME : SLUICE_PIPELINE_SORT_UPDATED);
      else if (what < 98)
        {
          /* A pipeline updated in place, as a refresh does. */
          g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (store), g_test_rand_int_range (0, n));
          g_autofree char *json = g_strdup_printf ("{\"label\": \"%s %s\", \"updated\": \"2026-02-%02uT00:00:00\","
                                                   " \"environment\": {\"environmentUri\": \"env-x\", \"region\": \"%s\"}}",
                                                   syllables[g_test_rand_int_range (0, 8)],
                                                   syllables[g_test_rand_int_range (0, 8)],
                                                   g_test_rand_int_range (1, 10),
                                                   regions[g_test_rand_int_range (0, 3)]);

          update_pipeline (pipeline, json);
          sluice_pipeline_query_refresh (query);
        }
      else
        sluice_pipeline_query_clear (query);

      assert_consistent (&watch, G_LIST_MODEL (store), query);
    }

  /* Another model altogether, then none. */
  {
    g_autoptr(GListStore) other = sample_store ();

    sluice_pipeline_query_clear (query);
    sluice_pipeline_query_set_model (query, G_LIST_MODEL (other));
    assert_consistent (&watch, G_LIST_MODEL (other), query);
    sluice_pipeline_query_set_model (query, NULL);
    g_assert_cmpuint (watch.mirror->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 0);
  }
  watch_clear (&watch);
}

/* The query holds what it shows: nothing is freed under a view. */
static void
test_references (void)
{
  g_autoptr(GListStore) store = sample_store ();
  SluicePipelineQuery *query = sluice_pipeline_query_new (G_LIST_MODEL (store));
  SluicePipeline *first = g_list_model_get_item (G_LIST_MODEL (query), 0);

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_unref (first);
  g_list_store_remove_all (store);
  g_assert_null (first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, 0);
  g_assert_finalize_object (query);
}

typedef struct
{
  SluicePipelineQuery *query;
  GString             *log;
} CountWatch;

/* What a watcher of the source hears first: the source has changed, the query not yet. */
static void
source_changed_cb (GListModel *source,
                   guint       position,
                   guint       removed,
                   guint       added,
                   CountWatch *watch)
{
  g_string_append_printf (watch->log, " source:%u/%u", sluice_pipeline_query_get_n_total (watch->query),
                          g_list_model_get_n_items (G_LIST_MODEL (watch->query)));
}

static void
counts_notified_cb (SluicePipelineQuery *query,
                    GParamSpec          *pspec,
                    CountWatch          *watch)
{
  g_string_append_printf (watch->log, " %s:%u/%u", pspec->name, sluice_pipeline_query_get_n_total (query),
                          g_list_model_get_n_items (G_LIST_MODEL (query)));
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Notifications thawed together come in no promised order: compared as sets. */
static void
assert_told (GString    *log,
             const char *expected)
{
  g_auto(GStrv) got = g_strsplit (log->str, " ", -1);
  g_auto(GStrv) want = g_strsplit (expected, " ", -1);
  g_autofree char *got_text = NULL;
  g_autofree char *want_text = NULL;

  qsort (got, g_strv_length (got), sizeof (char *), compare_strings);
  qsort (want, g_strv_length (want), sizeof (char *), compare_strings);
  got_text = g_strjoinv (" ", got);
  want_text = g_strjoinv (" ", want);
  g_assert_cmpstr (got_text, ==, want_text);
  g_string_truncate (log, 0);
}

/* The total and the matches describe the same moment, and are told together once the query
 * caught up with its source: a browser deciding "no match" from them is never early. */
static void
test_counts (void)
{
  g_autoptr(GListStore) store = g_list_store_new (SLUICE_TYPE_PIPELINE);
  g_autoptr(GListStore) sample = sample_store ();
  g_autoptr(SluicePipelineQuery) query = sluice_pipeline_query_new (NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  CountWatch watch = { query, log };
  gpointer items[3];

  /* Connected before the query is: it hears of every change of the source first. */
  g_signal_connect (store, "items-changed", G_CALLBACK (source_changed_cb), &watch);
  sluice_pipeline_query_set_model (query, G_LIST_MODEL (store));
  g_signal_connect (query, "notify::n-items", G_CALLBACK (counts_notified_cb), &watch);
  g_signal_connect (query, "notify::n-total", G_CALLBACK (counts_notified_cb), &watch);
  g_assert_cmpuint (sluice_pipeline_query_get_n_total (query), ==, 0);

  for (guint i = 0; i < 3; i++)
    items[i] = g_list_model_get_item (G_LIST_MODEL (sample), i);
  g_list_store_splice (store, 0, 0, items, 3);
  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  assert_told (log, " source:0/0 n-items:3/3 n-total:3/3");
  g_assert_cmpuint (sluice_pipeline_query_get_n_total (query), ==, 3);

  /* A search narrows the matches, not the total. */
  sluice_pipeline_query_set_search (query, "nightly");
  assert_told (log, " n-items:3/2");

  /* A pipeline that does not match: the total moves, the matches stay, and it is told. */
  g_list_store_remove (store, 1);
  assert_told (log, " source:3/2 n-total:2/2");

  /* Nothing: both told, together. */
  g_list_store_remove_all (store);
  assert_told (log, " source:2/2 n-items:0/0 n-total:0/0");
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/pipeline-query/search", test_search);
  g_test_add_func ("/sluice/pipeline-query/filters", test_filters);
  g_test_add_func ("/sluice/pipeline-query/sort", test_sort);
  g_test_add_func ("/sluice/pipeline-query/refresh", test_refresh);
  g_test_add_func ("/sluice/pipeline-query/counts", test_counts);
  g_test_add_func ("/sluice/pipeline-query/minimal-changes", test_minimal_changes);
  g_test_add_func ("/sluice/pipeline-query/reentrant", test_reentrant);
  g_test_add_func ("/sluice/pipeline-query/random", test_random);
  g_test_add_func ("/sluice/pipeline-query/references", test_references);

  return g_test_run ();
}
