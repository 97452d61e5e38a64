/* sluice-pipeline-filter.c: search and filters over a list of pipelines
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-filter"

#include "config.h"

#include <string.h>

#include "sluice-pipeline.h"
#include "sluice-pipeline-filter.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-query.h"

struct _SluicePipelineFilter
{
  GtkFilter  parent_instance;

  char      *search;
  GStrv      words;      /* the search, normalized, case-folded and split on spaces */
  char      *strategy;
  char      *region;
  char      *tag;
};

G_DEFINE_FINAL_TYPE (SluicePipelineFilter, sluice_pipeline_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_STRATEGY,
  PROP_REGION,
  PROP_TAG,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
filter_changed (SluicePipelineFilter *self,
                gboolean              was_active,
                GtkFilterChange       change,
                GParamSpec           *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_active != sluice_pipeline_filter_is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  gtk_filter_changed (GTK_FILTER (self), change);
}

/* ------------------------------------------------------------------------------------------ */
/* GtkFilter                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static gboolean
sluice_pipeline_filter_match (GtkFilter *filter,
                              gpointer   item)
{
  SluicePipelineFilter *self = SLUICE_PIPELINE_FILTER (filter);
  SluicePipeline *pipeline = item;

  if (!SLUICE_IS_PIPELINE (item))
    return FALSE;

  if (self->strategy != NULL &&
      g_strcmp0 (sluice_pipeline_get_dev_strategy (pipeline), self->strategy) != 0)
    return FALSE;

  if (self->region != NULL)
    {
      SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);

      if (environment == NULL ||
          g_strcmp0 (sluice_environment_get_region (environment), self->region) != 0)
        return FALSE;
    }

  if (self->tag != NULL && !sluice_pipeline_query_has_tag (pipeline, self->tag))
    return FALSE;

  if (self->words != NULL && self->words[0] != NULL)
    {
      const char *key = sluice_pipeline_get_search_key (pipeline);

      for (guint i = 0; self->words[i] != NULL; i++)
        if (strstr (key, self->words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

static GtkFilterMatch
sluice_pipeline_filter_get_strictness (GtkFilter *filter)
{
  SluicePipelineFilter *self = SLUICE_PIPELINE_FILTER (filter);

  return sluice_pipeline_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_filter_finalize (GObject *object)
{
  SluicePipelineFilter *self = SLUICE_PIPELINE_FILTER (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->strategy, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (sluice_pipeline_filter_parent_class)->finalize (object);
}

static void
sluice_pipeline_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluicePipelineFilter *self = SLUICE_PIPELINE_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_STRATEGY:
      g_value_set_string (value, self->strategy);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, sluice_pipeline_filter_is_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluicePipelineFilter *self = SLUICE_PIPELINE_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      sluice_pipeline_filter_set_search (self, g_value_get_string (value));
      break;
    case PROP_STRATEGY:
      sluice_pipeline_filter_set_strategy (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      sluice_pipeline_filter_set_region (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      sluice_pipeline_filter_set_tag (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_filter_class_init (SluicePipelineFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = sluice_pipeline_filter_finalize;
  object_class->get_property = sluice_pipeline_filter_get_property;
  object_class->set_property = sluice_pipeline_filter_set_property;

  filter_class->match = sluice_pipeline_filter_match;
  filter_class->get_strictness = sluice_pipeline_filter_get_strictness;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STRATEGY] =
    g_param_spec_string ("strategy", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_pipeline_filter_init (SluicePipelineFilter *self)
{
  self->words = g_new0 (char *, 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluicePipelineFilter *
sluice_pipeline_filter_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_FILTER, NULL);
}

const char *
sluice_pipeline_filter_get_search (SluicePipelineFilter *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_FILTER (self), NULL);

  return self->search;
}

/**
 * sluice_pipeline_filter_set_search:
 * @self: a #SluicePipelineFilter
 * @search: (nullable): words that must all occur, in any case, in a pipeline's label,
 *   description, tags or team
 *
 * When the new words only narrow the old ones (typing on), the filter tells its model so,
 * and only the pipelines still shown are looked at again.
 */
void
sluice_pipeline_filter_set_search (SluicePipelineFilter *self,
                                   const char           *search)
{
  g_auto(GStrv) old_words = NULL;
  gboolean was_active;
  GtkFilterChange change;

  g_return_if_fail (SLUICE_IS_PIPELINE_FILTER (self));

  was_active = sluice_pipeline_filter_is_active (self);
  if (!set_string (&self->search, search))
    return;

  old_words = g_steal_pointer (&self->words);
  self->words = sluice_pipeline_query_split_words (self->search);
  if (g_strv_equal ((const char * const *) old_words, (const char * const *) self->words))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
      return;
    }

  if (sluice_pipeline_query_words_within ((const char * const *) old_words, (const char * const *) self->words))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (sluice_pipeline_query_words_within ((const char * const *) self->words, (const char * const *) old_words))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  filter_changed (self, was_active, change, properties[PROP_SEARCH]);
}

const char *
sluice_pipeline_filter_get_strategy (SluicePipelineFilter *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_FILTER (self), NULL);

  return self->strategy;
}

/**
 * sluice_pipeline_filter_set_strategy:
 * @self: a #SluicePipelineFilter
 * @strategy: (nullable): a `devStrategy` (`cdk-trunk`, `trunk`, `gitflow`), or %NULL for any
 */
void
sluice_pipeline_filter_set_strategy (SluicePipelineFilter *self,
                                     const char           *strategy)
{
  gboolean was_active;
  gboolean had;

  g_return_if_fail (SLUICE_IS_PIPELINE_FILTER (self));

  was_active = sluice_pipeline_filter_is_active (self);
  had = self->strategy != NULL;
  if (set_string (&self->strategy, strategy))
    filter_changed (self, was_active,
                    !had ? GTK_FILTER_CHANGE_MORE_STRICT :
                    self->strategy == NULL ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT,
                    properties[PROP_STRATEGY]);
}

const char *
sluice_pipeline_filter_get_region (SluicePipelineFilter *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_FILTER (self), NULL);

  return self->region;
}

/**
 * sluice_pipeline_filter_set_region:
 * @self: a #SluicePipelineFilter
 * @region: (nullable): the CI/CD environment's AWS region, or %NULL for any
 */
void
sluice_pipeline_filter_set_region (SluicePipelineFilter *self,
                                   const char           *region)
{
  gboolean was_active;
  gboolean had;

  g_return_if_fail (SLUICE_IS_PIPELINE_FILTER (self));

  was_active = sluice_pipeline_filter_is_active (self);
  had = self->region != NULL;
  if (set_string (&self->region, region))
    filter_changed (self, was_active,
                    !had ? GTK_FILTER_CHANGE_MORE_STRICT :
                    self->region == NULL ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT,
                    properties[PROP_REGION]);
}

const char *
sluice_pipeline_filter_get_tag (SluicePipelineFilter *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_FILTER (self), NULL);

  return self->tag;
}

/**
 * sluice_pipeline_filter_set_tag:
 * @self: a #SluicePipelineFilter
 * @tag: (nullable): a tag the pipeline must have (exactly), or %NULL for any
 */
void
sluice_pipeline_filter_set_tag (SluicePipelineFilter *self,
                                const char           *tag)
{
  gboolean was_active;
  gboolean had;

  g_return_if_fail (SLUICE_IS_PIPELINE_FILTER (self));

  was_active = sluice_pipeline_filter_is_active (self);
  had = self->tag != NULL;
  if (set_string (&self->tag, tag))
    filter_changed (self, was_active,
                    !had ? GTK_FILTER_CHANGE_MORE_STRICT :
                    self->tag == NULL ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT,
                    properties[PROP_TAG]);
}

/**
 * sluice_pipeline_filter_is_active:
 * @self: a #SluicePipelineFilter
 *
 * Returns: whether the search or a filter hides anything
 */
gboolean
sluice_pipeline_filter_is_active (SluicePipelineFilter *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_FILTER (self), FALSE);

  return (self->words != NULL && self->words[0] != NULL) ||
         self->strategy != NULL || self->region != NULL || self->tag != NULL;
}

/**
 * sluice_pipeline_filter_clear:
 * @self: a #SluicePipelineFilter
 *
 * Clears the search and every filter, with one change of the filter.
 */
void
sluice_pipeline_filter_clear (SluicePipelineFilter *self)
{
  gboolean was_active;

  g_return_if_fail (SLUICE_IS_PIPELINE_FILTER (self));

  was_active = sluice_pipeline_filter_is_active (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->search, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  g_strfreev (self->words);
  self->words = g_new0 (char *, 1);
  if (set_string (&self->strategy, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);
  if (set_string (&self->region, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
  if (set_string (&self->tag, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
  if (was_active)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
