/* sluice-pipeline-overview.c: the Overview tab: what getDataPipeline says of a pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-copy-button.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-overview.h"
#include "sluice-ui-rows.h"

/**
 * SluicePipelineOverview:
 *
 * A pipeline's CI/CD environment, details, development stages and each stage's build
 * environment, with copy buttons for the clone command and the variables. Everything in it
 * comes with getDataPipeline: it asks data.all for nothing itself.
 */
struct _SluicePipelineOverview
{
  AdwBin          parent_instance;

  SluicePipeline *pipeline;

  GtkBox         *overview_box;
};

G_DEFINE_FINAL_TYPE (SluicePipelineOverview, sluice_pipeline_overview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Everything in it comes with getDataPipeline: the Overview costs one request. */
static void
build (SluicePipelineOverview *self)
{
  SluicePipeline *pipeline = self->pipeline;
  SluiceEnvironment *environment;
  GListModel *stages;
  guint n_stages;
  g_autofree char *clone = NULL;
  g_autofree char *created = NULL;
  g_autofree char *tags = NULL;
  const char * const *tag_list;
  AdwPreferencesGroup *group;
  AdwActionRow *row;

  sluice_ui_clear_box (self->overview_box);
  if (pipeline == NULL)
    return;
  environment = sluice_pipeline_get_environment (pipeline);
  stages = sluice_pipeline_get_stages (pipeline);
  n_stages = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  clone = sluice_pipeline_format_clone_command (pipeline);
  created = sluice_pipeline_format_date (sluice_pipeline_get_created (pipeline));
  tag_list = sluice_pipeline_get_tags (pipeline);

  /* CI/CD */
  group = sluice_ui_add_group (self->overview_box, _("CI/CD"), NULL);
  sluice_ui_add_value_row (group, _("Environment"),
                           environment != NULL ? sluice_environment_get_label (environment) : NULL);
  sluice_ui_add_value_row (group, _("AWS Account"),
                           environment != NULL ? sluice_environment_get_aws_account_id (environment) : NULL);
  sluice_ui_add_value_row (group, _("Region"),
                           environment != NULL ? sluice_environment_get_region (environment) : NULL);
  sluice_ui_add_value_row (group, _("Team"), sluice_pipeline_get_team (pipeline));
  sluice_ui_add_value_row (group, _("Repository"), sluice_pipeline_get_repo (pipeline));
  sluice_ui_add_value_row (group, _("Strategy"),
                           sluice_pipeline_format_strategy (sluice_pipeline_get_dev_strategy (pipeline)));
  row = sluice_ui_add_value_row (group, _("Git Clone"), clone);
  if (clone != NULL)
    {
      adw_action_row_add_suffix (row, sluice_copy_button_new (_("Copy Clone Command"), clone,
                                                              _("Clone command copied")));
    }

  /* Details */
  tags = tag_list != NULL ? g_strjoinv (", ", (char **) tag_list) : NULL;
  group = sluice_ui_add_group (self->overview_box, _("Details"), NULL);
  sluice_ui_add_value_row (group, _("URI"), sluice_pipeline_get_uri (pipeline));
  sluice_ui_add_value_row (group, _("Owner"), sluice_pipeline_get_owner (pipeline));
  sluice_ui_add_value_row (group, _("Created"), created);
  sluice_ui_add_value_row (group, _("Tags"), tags);
  sluice_ui_add_value_row (group, _("Description"), sluice_pipeline_get_description (pipeline));

  /* Development stages, in order */
  group = sluice_ui_add_group (self->overview_box, _("Development Stages"), NULL);
  if (n_stages == 0)
    sluice_ui_add_value_row (group, _("No stages"), _("This pipeline deploys nowhere yet."));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = g_strdup_printf ("%d. %s", sluice_stage_get_order (stage),
                                                sluice_stage_get_stage (stage));
      /* Translators: a stage's environment, team and AWS account */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                   sluice_stage_get_environment_label (stage) ?: "",
                                                   sluice_stage_get_team (stage) ?: "",
                                                   sluice_stage_get_aws_account_id (stage) ?: "");

      sluice_ui_add_value_row (group, title, subtitle);
    }

  /* Build environment, per stage */
  if (n_stages > 0)
    group = sluice_ui_add_group (self->overview_box, _("Build Environment"),
                                 _("The variables data.all gives each stage’s CodeBuild project, computed from the pipeline."));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      g_auto(GStrv) variables = sluice_pipeline_build_variables (pipeline, stage);
      g_autofree char *exports = sluice_pipeline_format_exports (pipeline, stage);
      g_autofree char *copy_label = g_strdup_printf (_("Copy Stage %s as Export Commands"),
                                                     sluice_stage_get_stage (stage));
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), sluice_stage_get_stage (stage));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), sluice_stage_get_environment_label (stage));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   sluice_copy_button_new (copy_label, exports, _("Export commands copied")));
      for (guint j = 0; variables[j] != NULL; j++)
        {
          g_auto(GStrv) pair = g_strsplit (variables[j], "=", 2);
          AdwActionRow *variable = sluice_ui_value_row_new (pair[0], pair[1]);

          gtk_widget_add_css_class (GTK_WIDGET (variable), "monospace");
          if (g_str_equal (pair[0], "DEV_STAGES"))
            gtk_widget_set_tooltip_text (GTK_WIDGET (variable),
                                         _("data.all passes this as a list; how CodeBuild renders it is unverified. "
                                           "Shown here as the stage names in order, separated by commas."));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (variable));
        }
      adw_preferences_group_add (group, expander);
    }
}

static void
sluice_pipeline_overview_dispose (GObject *object)
{
  SluicePipelineOverview *self = SLUICE_PIPELINE_OVERVIEW (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_OVERVIEW);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sluice_pipeline_overview_parent_class)->dispose (object);
}

static void
sluice_pipeline_overview_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SluicePipelineOverview *self = SLUICE_PIPELINE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_overview_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SluicePipelineOverview *self = SLUICE_PIPELINE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      sluice_pipeline_overview_set_pipeline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_overview_class_init (SluicePipelineOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_pipeline_overview_dispose;
  object_class->get_property = sluice_pipeline_overview_get_property;
  object_class->set_property = sluice_pipeline_overview_set_property;

  /**
   * SluicePipelineOverview:pipeline:
   *
   * The pipeline shown, as getDataPipeline gave it.
   */
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineOverview, overview_box);
}

static void
sluice_pipeline_overview_init (SluicePipelineOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sluice_pipeline_overview_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_OVERVIEW, NULL);
}

SluicePipeline *
sluice_pipeline_overview_get_pipeline (SluicePipelineOverview *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_OVERVIEW (self), NULL);

  return self->pipeline;
}

/**
 * sluice_pipeline_overview_set_pipeline:
 * @self: a #SluicePipelineOverview
 * @pipeline: (nullable): the pipeline to show
 *
 * Shows @pipeline, built anew each time (a reload brings a new object).
 */
void
sluice_pipeline_overview_set_pipeline (SluicePipelineOverview *self,
                                       SluicePipeline         *pipeline)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_OVERVIEW (self));
  g_return_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline));

  g_set_object (&self->pipeline, pipeline);
  build (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}
