/* sluice-pipeline-row.c: one pipeline of the pipelines list
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-row"

#include "config.h"

#include "sluice-pipeline-format.h"
#include "sluice-pipeline-row.h"
#include "sluice-status-badge.h"

/**
 * SluicePipelineRow:
 *
 * A pipeline's name, its team, strategy, account and region, the user's role and its stack's
 * status, kept up to date while the pipeline or its stack change. Title and subtitle are
 * inscriptions: their size does not depend on their text, so a row bound to another pipeline
 * needs no new layout, only drawing.
 */
struct _SluicePipelineRow
{
  GtkBox             parent_instance;

  GSignalGroup      *pipeline_signals;
  GSignalGroup      *stack_signals;

  GtkInscription    *title;
  GtkInscription    *subtitle;
  GtkLabel          *role;
  SluiceStatusBadge *badge;
};

G_DEFINE_FINAL_TYPE (SluicePipelineRow, sluice_pipeline_row, GTK_TYPE_BOX)

/* Setting a label's text, the same text too, makes it lay out again. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
update (SluicePipelineRow *self)
{
  g_autoptr(SluicePipeline) pipeline = g_signal_group_dup_target (self->pipeline_signals);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  SluiceEnvironment *environment;
  SluiceStack *stack;
  const char *parts[4];

  if (pipeline == NULL)
    return;

  environment = sluice_pipeline_get_environment (pipeline);
  stack = sluice_pipeline_get_stack (pipeline);
  g_signal_group_set_target (self->stack_signals, stack);

  gtk_inscription_set_text (self->title, sluice_pipeline_get_label (pipeline));
  parts[0] = sluice_pipeline_get_team (pipeline);
  parts[1] = sluice_pipeline_format_strategy (sluice_pipeline_get_dev_strategy (pipeline));
  parts[2] = environment != NULL ? sluice_environment_get_aws_account_id (environment) : NULL;
  parts[3] = environment != NULL ? sluice_environment_get_region (environment) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, parts[i]);
    }
  gtk_inscription_set_text (self->subtitle, subtitle->str);
  set_label (self->role, sluice_pipeline_format_role (sluice_pipeline_get_user_role (pipeline)));
  gtk_widget_set_visible (GTK_WIDGET (self->role), sluice_pipeline_get_user_role (pipeline) != NULL);
  sluice_status_badge_set_status (self->badge, stack != NULL ? sluice_stack_get_status (stack) : NULL);
}

static void
sluice_pipeline_row_dispose (GObject *object)
{
  SluicePipelineRow *self = SLUICE_PIPELINE_ROW (object);

  g_clear_object (&self->pipeline_signals);
  g_clear_object (&self->stack_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_ROW);

  G_OBJECT_CLASS (sluice_pipeline_row_parent_class)->dispose (object);
}

static void
sluice_pipeline_row_class_init (SluicePipelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_pipeline_row_dispose;

  g_type_ensure (SLUICE_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineRow, title);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineRow, role);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineRow, badge);
}

static void
sluice_pipeline_row_init (SluicePipelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pipeline_signals = g_signal_group_new (SLUICE_TYPE_PIPELINE);
  g_signal_group_connect_swapped (self->pipeline_signals, "notify", G_CALLBACK (update), self);
  self->stack_signals = g_signal_group_new (SLUICE_TYPE_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "notify::status", G_CALLBACK (update), self);
}

GtkWidget *
sluice_pipeline_row_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_ROW, NULL);
}

/**
 * sluice_pipeline_row_dup_pipeline:
 *
 * Returns: (transfer full) (nullable): the pipeline shown
 */
SluicePipeline *
sluice_pipeline_row_dup_pipeline (SluicePipelineRow *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_ROW (self), NULL);

  return g_signal_group_dup_target (self->pipeline_signals);
}

/**
 * sluice_pipeline_row_set_pipeline:
 * @self: a #SluicePipelineRow
 * @pipeline: (nullable): the pipeline to show and follow, %NULL to let go (the row keeps its
 *   texts until it shows another)
 */
void
sluice_pipeline_row_set_pipeline (SluicePipelineRow *self,
                                  SluicePipeline    *pipeline)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_ROW (self));
  g_return_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline));

  g_signal_group_set_target (self->pipeline_signals, pipeline);
  if (pipeline == NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  update (self);
}

/* ------------------------------------------------------------------------------------------ */
/* The list's factory                                                                         */
/* ------------------------------------------------------------------------------------------ */

/* Row widgets kept for the list's next rows: a one-column grid view shows at most 33. */
#define MAX_SPARE_ROWS 64

/* What the factory keeps: its handlers share it, and it goes with the factory. */
typedef struct
{
  GPtrArray  *spare_rows;  /* rows of list items gone, for the next */
  GHashTable *item_rows;   /* GtkListItem → its row (a reference, for the row to outlive it) */
} RowCache;

static void
row_cache_free (gpointer  data,
                GClosure *closure)
{
  RowCache *cache = data;

  g_clear_pointer (&cache->spare_rows, g_ptr_array_unref);
  g_clear_pointer (&cache->item_rows, g_hash_table_unref);
  g_free (cache);
}

/* The list view destroys the list items of rows it no longer shows and makes new ones for
 * the next: their row widgets go from one to the other rather than being built again. */
static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  RowCache                 *cache)
{
  GtkWidget *row;

  if (cache->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (cache->spare_rows, cache->spare_rows->len - 1);
  else
    row = g_object_ref_sink (sluice_pipeline_row_new ());
  gtk_list_item_set_child (item, row);
  g_hash_table_insert (cache->item_rows, item, row);
}

static void
factory_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     RowCache                 *cache)
{
  GtkWidget *row = NULL;

  if (!g_hash_table_steal_extended (cache->item_rows, item, NULL, (gpointer *) &row))
    return;
  /* By now the list item has let go of it: the cache holds the only reference. */
  if (cache->spare_rows->len < MAX_SPARE_ROWS && gtk_widget_get_parent (row) == NULL)
    g_ptr_array_add (cache->spare_rows, row);
  else
    g_object_unref (row);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  sluice_pipeline_row_set_pipeline (SLUICE_PIPELINE_ROW (gtk_list_item_get_child (item)),
                                    gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  sluice_pipeline_row_set_pipeline (SLUICE_PIPELINE_ROW (gtk_list_item_get_child (item)), NULL);
}

/**
 * sluice_pipeline_row_factory_new:
 *
 * A factory for a list of #SluicePipeline: one #SluicePipelineRow a list item, handed on to
 * the next list item when one goes.
 *
 * Returns: (transfer full): a new list item factory
 */
GtkListItemFactory *
sluice_pipeline_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  RowCache *cache = g_new0 (RowCache, 1);

  cache->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  cache->item_rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_signal_connect_data (factory, "setup", G_CALLBACK (factory_setup_cb), cache, row_cache_free, 0);
  g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown_cb), cache);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), NULL);
  return factory;
}
