/* sluice-pipeline-sorter.c: the orders of the pipeline list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-sorter"

#include "config.h"

#include <string.h>

#include "sluice-pipeline.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-sorter.h"

struct _SluicePipelineSorter
{
  GtkSorter          parent_instance;

  SluicePipelineSort sort;
};

G_DEFINE_FINAL_TYPE (SluicePipelineSorter, sluice_pipeline_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* GtkSorter                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static int
compare_names (SluicePipeline *a,
               SluicePipeline *b)
{
  int result = strcmp (sluice_pipeline_get_collate_key (a), sluice_pipeline_get_collate_key (b));

  if (result == 0)
    result = g_strcmp0 (sluice_pipeline_get_uri (a), sluice_pipeline_get_uri (b));
  return result;
}

static GtkOrdering
sluice_pipeline_sorter_compare (GtkSorter *sorter,
                                gpointer   item1,
                                gpointer   item2)
{
  SluicePipelineSorter *self = SLUICE_PIPELINE_SORTER (sorter);
  SluicePipeline *a = item1;
  SluicePipeline *b = item2;
  int result = 0;

  if (self->sort == SLUICE_PIPELINE_SORT_UPDATED)
    /* data.all's timestamps are ISO 8601 in UTC: they sort as strings. Latest first. */
    result = g_strcmp0 (sluice_pipeline_get_updated (b), sluice_pipeline_get_updated (a));
  if (result == 0)
    result = compare_names (a, b);

  return gtk_ordering_from_cmpfunc (result);
}

static GtkSorterOrder
sluice_pipeline_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_sorter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluicePipelineSorter *self = SLUICE_PIPELINE_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_sorter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluicePipelineSorter *self = SLUICE_PIPELINE_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      sluice_pipeline_sorter_set_sort (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_sorter_class_init (SluicePipelineSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = sluice_pipeline_sorter_get_property;
  object_class->set_property = sluice_pipeline_sorter_set_property;

  sorter_class->compare = sluice_pipeline_sorter_compare;
  sorter_class->get_order = sluice_pipeline_sorter_get_order;

  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL,
                      SLUICE_PIPELINE_SORT_NAME, SLUICE_PIPELINE_SORT_UPDATED, SLUICE_PIPELINE_SORT_NAME,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_pipeline_sorter_init (SluicePipelineSorter *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluicePipelineSorter *
sluice_pipeline_sorter_new (SluicePipelineSort sort)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_SORTER, "sort", sort, NULL);
}

SluicePipelineSort
sluice_pipeline_sorter_get_sort (SluicePipelineSorter *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_SORTER (self), SLUICE_PIPELINE_SORT_NAME);

  return self->sort;
}

/**
 * sluice_pipeline_sorter_set_sort:
 * @self: a #SluicePipelineSorter
 * @sort: by name (collated, as data.all orders its list) or by last update, latest first
 */
void
sluice_pipeline_sorter_set_sort (SluicePipelineSorter *self,
                                 SluicePipelineSort    sort)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_SORTER (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}
