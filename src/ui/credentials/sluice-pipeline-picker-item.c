/* sluice-pipeline-picker-item.c: one pipeline in the picker's list: its name, and under it
 * where its keys come from
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-picker-item"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-environment.h"
#include "sluice-pipeline-picker-item.h"

struct _SluicePipelinePickerItem
{
  GtkBox    parent_instance;

  GtkLabel *title;
  GtkLabel *subtitle;
};

G_DEFINE_FINAL_TYPE (SluicePipelinePickerItem, sluice_pipeline_picker_item, GTK_TYPE_BOX)

static void
sluice_pipeline_picker_item_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_PIPELINE_PICKER_ITEM);

  G_OBJECT_CLASS (sluice_pipeline_picker_item_parent_class)->dispose (object);
}

static void
sluice_pipeline_picker_item_class_init (SluicePipelinePickerItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sluice_pipeline_picker_item_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/credentials/sluice-pipeline-picker-item.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePickerItem, title);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePickerItem, subtitle);
}

static void
sluice_pipeline_picker_item_init (SluicePipelinePickerItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_pipeline_picker_item_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_PICKER_ITEM, NULL);
}

void
sluice_pipeline_picker_item_set_pipeline (SluicePipelinePickerItem *self,
                                          SluicePipeline           *pipeline)
{
  SluiceEnvironment *environment;
  g_autofree char *text = NULL;

  g_return_if_fail (SLUICE_IS_PIPELINE_PICKER_ITEM (self));
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  environment = sluice_pipeline_get_environment (pipeline);
  gtk_label_set_label (self->title, sluice_pipeline_get_label (pipeline));
  if (environment != NULL && sluice_environment_get_aws_account_id (environment) != NULL)
    /* Translators: a pipeline's URI, then its CI/CD environment's AWS account and region */
    text = g_strdup_printf (_("%s · AWS account %s, %s"), sluice_pipeline_get_uri (pipeline),
                            sluice_environment_get_aws_account_id (environment),
                            sluice_environment_get_region (environment) ? sluice_environment_get_region (environment) : "");
  else
    text = g_strdup (sluice_pipeline_get_uri (pipeline));
  gtk_label_set_label (self->subtitle, text);
}
