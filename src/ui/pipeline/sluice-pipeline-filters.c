/* sluice-pipeline-filters.c: the pipelines list's filters and order, offered from its pipelines
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-pipeline-filters.h"
#include "sluice-pipeline-format.h"

/**
 * SluicePipelineFilters:
 *
 * The Filter and Sort popover of the pipelines list: a strategy, a region and a tag (each
 * drop-down offers the values the list's pipelines have, after "Any …"), and the order. What
 * is chosen goes to #SluicePipelineFilters:query at once.
 */
struct _SluicePipelineFilters
{
  AdwBin               parent_instance;

  SluicePipelineQuery *query;
  GPtrArray           *strategies;  /* values behind strategy_dropdown (NULL: any) */
  GPtrArray           *regions;
  GPtrArray           *tags;
  gboolean             updating;

  GtkDropDown         *strategy_dropdown;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkDropDown         *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (SluicePipelineFilters, sluice_pipeline_filters, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Fills @dropdown with "@any_label" and then @values (sorted), keeping the value selected
 * before when it is still offered. */
static void
set_facet (GtkDropDown  *dropdown,
           GPtrArray   **values,
           GHashTable   *set,
           const char   *any_label,
           const char *(*format) (const char *))
{
  g_autoptr(GPtrArray) new_values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GHashTableIter iter;
  gpointer key;
  const char *selected = NULL;
  guint position = 0;

  if (*values != NULL && gtk_drop_down_get_selected (dropdown) < (*values)->len)
    selected = g_ptr_array_index (*values, gtk_drop_down_get_selected (dropdown));

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (new_values, g_strdup (key));
  g_ptr_array_sort (new_values, compare_strings);
  g_ptr_array_insert (new_values, 0, NULL);

  if (*values != NULL && (*values)->len == new_values->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < new_values->len; i++)
        same = g_strcmp0 (g_ptr_array_index (*values, i), g_ptr_array_index (new_values, i)) == 0;
      if (same)
        return;
    }

  gtk_string_list_append (strings, any_label);
  for (guint i = 1; i < new_values->len; i++)
    {
      const char *value = g_ptr_array_index (new_values, i);

      gtk_string_list_append (strings, format != NULL ? format (value) : value);
      if (g_strcmp0 (value, selected) == 0)
        position = i;
    }
  g_clear_pointer (values, g_ptr_array_unref);
  *values = g_steal_pointer (&new_values);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, position);
}

static const char *
facet_value (GtkDropDown *dropdown,
             GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (values == NULL || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static void
filters_changed_cb (SluicePipelineFilters *self)
{
  if (self->updating || self->query == NULL)
    return;
  sluice_pipeline_query_set_strategy (self->query, facet_value (self->strategy_dropdown, self->strategies));
  sluice_pipeline_query_set_region (self->query, facet_value (self->region_dropdown, self->regions));
  sluice_pipeline_query_set_tag (self->query, facet_value (self->tag_dropdown, self->tags));
}

static void
sort_changed_cb (SluicePipelineFilters *self)
{
  if (self->query == NULL)
    return;
  sluice_pipeline_query_set_sort (self->query,
                                  gtk_drop_down_get_selected (self->sort_dropdown) == 1
                                  ? SLUICE_PIPELINE_SORT_UPDATED : SLUICE_PIPELINE_SORT_NAME);
}

static void
sluice_pipeline_filters_dispose (GObject *object)
{
  SluicePipelineFilters *self = SLUICE_PIPELINE_FILTERS (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_FILTERS);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (sluice_pipeline_filters_parent_class)->dispose (object);
}

static void
sluice_pipeline_filters_finalize (GObject *object)
{
  SluicePipelineFilters *self = SLUICE_PIPELINE_FILTERS (object);

  g_clear_pointer (&self->strategies, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_pipeline_filters_parent_class)->finalize (object);
}

static void
sluice_pipeline_filters_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SluicePipelineFilters *self = SLUICE_PIPELINE_FILTERS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_filters_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SluicePipelineFilters *self = SLUICE_PIPELINE_FILTERS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      sluice_pipeline_filters_set_query (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_filters_class_init (SluicePipelineFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_pipeline_filters_dispose;
  object_class->finalize = sluice_pipeline_filters_finalize;
  object_class->get_property = sluice_pipeline_filters_get_property;
  object_class->set_property = sluice_pipeline_filters_set_property;

  /**
   * SluicePipelineFilters:query:
   *
   * Where the choices go.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, SLUICE_TYPE_PIPELINE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineFilters, strategy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineFilters, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineFilters, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineFilters, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
}

static void
sluice_pipeline_filters_init (SluicePipelineFilters *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_pipeline_filters_update_facets (self, NULL);
}

SluicePipelineQuery *
sluice_pipeline_filters_get_query (SluicePipelineFilters *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_FILTERS (self), NULL);

  return self->query;
}

void
sluice_pipeline_filters_set_query (SluicePipelineFilters *self,
                                   SluicePipelineQuery   *query)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_FILTERS (self));
  g_return_if_fail (query == NULL || SLUICE_IS_PIPELINE_QUERY (query));

  if (g_set_object (&self->query, query))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * sluice_pipeline_filters_update_facets:
 * @self: a #SluicePipelineFilters
 * @pipelines: (nullable): the pipelines whose strategies, regions and tags are offered
 *
 * Offers what @pipelines have, keeping what is chosen while it is still offered.
 */
void
sluice_pipeline_filters_update_facets (SluicePipelineFilters *self,
                                       GListModel            *pipelines)
{
  g_autoptr(GHashTable) strategies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = pipelines != NULL ? g_list_model_get_n_items (pipelines) : 0;

  /* The known strategies are always offered. */
  g_hash_table_add (strategies, (gpointer) "cdk-trunk");
  g_hash_table_add (strategies, (gpointer) "trunk");
  g_hash_table_add (strategies, (gpointer) "gitflow");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (pipelines, i);
      SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);
      const char * const *pipeline_tags = sluice_pipeline_get_tags (pipeline);
      const char *value;

      if ((value = sluice_pipeline_get_dev_strategy (pipeline)) != NULL && *value != '\0')
        g_hash_table_add (strategies, (gpointer) value);
      if (environment != NULL && (value = sluice_environment_get_region (environment)) != NULL && *value != '\0')
        g_hash_table_add (regions, (gpointer) value);
      for (guint j = 0; pipeline_tags != NULL && pipeline_tags[j] != NULL; j++)
        if (pipeline_tags[j][0] != '\0')
          g_hash_table_add (tags, (gpointer) pipeline_tags[j]);
    }

  self->updating = TRUE;
  set_facet (self->strategy_dropdown, &self->strategies, strategies, _("Any strategy"),
             sluice_pipeline_format_strategy);
  set_facet (self->region_dropdown, &self->regions, regions, _("Any region"), NULL);
  set_facet (self->tag_dropdown, &self->tags, tags, _("Any tag"), NULL);
  self->updating = FALSE;
}

/**
 * sluice_pipeline_filters_reset:
 * @self: a #SluicePipelineFilters
 *
 * Shows "Any …" in every filter, without touching the query (which its owner clears).
 */
void
sluice_pipeline_filters_reset (SluicePipelineFilters *self)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_FILTERS (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->strategy_dropdown, 0);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  self->updating = FALSE;
}
