/* sluice-pipeline-overview.c: the Overview tab: what getDataPipeline says of a pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"

#include "sluice-copy-button.h"
#include "sluice-git.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-overview.h"
#include "sluice-settings.h"
#include "sluice-toast.h"
#include "sluice-ui-rows.h"

/**
 * SluicePipelineOverview:
 *
 * A pipeline's CI/CD environment, details, development stages and each stage's build
 * environment, with copy buttons for the variables. Everything in it comes with
 * getDataPipeline: it asks data.all for nothing itself. Besides, from this computer: the
 * pipeline's local clone (remembered per pipeline in GSettings, shown while its folder is
 * there) with Open Folder and Copy Path, else a Clone button; and, for GitFlow, the stage
 * branches missing on the remote (#SluiceStageBranches, which asks git).
 */
struct _SluicePipelineOverview
{
  AdwBin          parent_instance;

  SluicePipeline *pipeline;
  SluiceAccount  *account;
  GSettings      *settings;
  char           *clone_path;    /* the clone remembered, while its folder is a repository */
  GtkWidget      *branches;      /* SluiceStageBranches, kept across rebuilds */

  AdwActionRow   *clone_row;
  GtkWidget      *open_button;
  GtkWidget      *copy_button;
  GtkWidget      *clone_button;

  GtkBox         *overview_box;
};

G_DEFINE_FINAL_TYPE (SluicePipelineOverview, sluice_pipeline_overview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PIPELINE,
  PROP_CLONE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A new label makes a new label widget: the button's name follows it (sluice-a11y.c). */
static void
set_button_label (GtkButton  *button,
                  const char *mnemonic)
{
  gtk_button_set_label (button, mnemonic);
  gtk_button_set_use_underline (button, TRUE);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (button));
}

/* The clone remembered for the pipeline counts while its folder is still a repository: moved
 * or deleted, the page offers to clone again. */
static void
update_clone (SluicePipelineOverview *self)
{
  g_autofree char *path = NULL;
  g_autofree char *git = NULL;

  if (self->account != NULL && self->pipeline != NULL)
    path = sluice_settings_get_clone_path (self->settings, sluice_account_get_id (self->account),
                                           sluice_pipeline_get_uri (self->pipeline));
  if (path != NULL)
    git = g_build_filename (path, ".git", NULL);
  if (git != NULL && !g_file_test (git, G_FILE_TEST_IS_DIR))
    g_clear_pointer (&path, g_free);

  if (self->clone_row != NULL)
    {
      adw_action_row_set_subtitle (self->clone_row,
                                   path != NULL ? path : _("Not cloned on this computer yet"));
      gtk_widget_set_visible (self->open_button, path != NULL);
      gtk_widget_set_visible (self->copy_button, path != NULL);
      set_button_label (GTK_BUTTON (self->clone_button), path != NULL ? _("Clone _Again…") : _("_Clone…"));
      gtk_widget_set_tooltip_text (self->clone_button,
                                   path != NULL ? _("Make another clone, in another folder")
                                                : _("Clone the repository to this computer (Ctrl+Shift+C)"));
    }
  if (g_strcmp0 (path, self->clone_path) != 0)
    {
      g_free (self->clone_path);
      self->clone_path = g_steal_pointer (&path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLONE_PATH]);
    }
}

static void
add_clone_row (SluicePipelineOverview *self,
               AdwPreferencesGroup    *group)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Local Clone"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");

  self->open_button = gtk_button_new_from_icon_name ("folder-open-symbolic");
  gtk_widget_set_valign (self->open_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->open_button, "flat");
  gtk_widget_set_tooltip_text (self->open_button, _("Open Folder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open Folder"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "overview.open-clone");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->open_button);

  self->copy_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (self->copy_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->copy_button, "flat");
  gtk_widget_set_tooltip_text (self->copy_button, _("Copy Path"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy Path"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "overview.copy-clone-path");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->copy_button);

  /* page.clone: the pipeline page's action, which opens the Clone dialog. */
  self->clone_button = gtk_button_new_with_mnemonic (_("_Clone…"));
  gtk_widget_set_valign (self->clone_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clone_button), "page.clone");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->clone_button);

  adw_preferences_group_add (group, row);
  self->clone_row = ADW_ACTION_ROW (row);
  update_clone (self);
}

static void
open_clone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sluice_pipeline_overview_open_clone (SLUICE_PIPELINE_OVERVIEW (widget));
}

static void
copy_clone_path_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SluicePipelineOverview *self = SLUICE_PIPELINE_OVERVIEW (widget);

  update_clone (self);
  if (self->clone_path == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->clone_path);
  sluice_toast_show (widget, _("Path copied"));
}

/* Everything in it comes with getDataPipeline: the Overview costs one request. */
static void
build (SluicePipelineOverview *self)
{
  SluicePipeline *pipeline = self->pipeline;
  SluiceEnvironment *environment;
  GListModel *stages;
  guint n_stages;
  g_autoptr(SluiceGitRemote) remote = NULL;
  const char *url = NULL;
  g_autofree char *created = NULL;
  g_autofree char *tags = NULL;
  const char * const *tag_list;
  AdwPreferencesGroup *group;
  AdwActionRow *row;

  if (self->branches != NULL && gtk_widget_get_parent (self->branches) != NULL)
    gtk_box_remove (self->overview_box, self->branches);
  self->clone_row = NULL;
  sluice_ui_clear_box (self->overview_box);
  if (pipeline == NULL)
    return;
  environment = sluice_pipeline_get_environment (pipeline);
  stages = sluice_pipeline_get_stages (pipeline);
  n_stages = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  if (self->account != NULL)
    remote = sluice_git_remote_new_for_pipeline (self->account, pipeline, NULL);
  url = remote != NULL ? sluice_git_remote_get_url (remote) : NULL;
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
  row = sluice_ui_add_value_row (group, _("Repository URL"), url);
  if (url != NULL)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                                   _("Clones made by Sluice work with plain git on the command line: "
                                     "git-credential-sluice signs its requests with the pipeline’s keys."));
      adw_action_row_add_suffix (row, sluice_copy_button_new (_("Copy Repository URL"), url,
                                                              _("Repository URL copied")));
    }
  add_clone_row (self, group);

  if (g_strcmp0 (sluice_pipeline_get_dev_strategy (pipeline), "gitflow") == 0 && self->account != NULL)
    {
      if (self->branches == NULL)
        self->branches = g_object_ref_sink (sluice_stage_branches_new (self->account));
      gtk_box_append (self->overview_box, self->branches);
      sluice_stage_branches_set_pipeline (SLUICE_STAGE_BRANCHES (self->branches), pipeline);
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
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->branches);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);
  g_clear_pointer (&self->clone_path, g_free);

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
    case PROP_CLONE_PATH:
      g_value_set_string (value, self->clone_path);
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
  /**
   * SluicePipelineOverview:clone-path:
   *
   * The pipeline's clone on this computer, remembered by the Clone dialog, while its folder
   * is still a repository.
   */
  properties[PROP_CLONE_PATH] =
    g_param_spec_string ("clone-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "overview.open-clone", NULL, open_clone_action);
  gtk_widget_class_install_action (widget_class, "overview.copy-clone-path", NULL, copy_clone_path_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelineOverview, overview_box);
}

static void
sluice_pipeline_overview_init (SluicePipelineOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The Clone dialog remembers a clone: the row follows, and the page's header with it. A
   * folder deleted meanwhile is noticed when the page is shown again or reloaded. */
  self->settings = sluice_settings_new ();
  g_signal_connect_swapped (self->settings, "changed::pipeline-clones", G_CALLBACK (update_clone), self);
  g_signal_connect (self, "map", G_CALLBACK (update_clone), NULL);
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

/**
 * sluice_pipeline_overview_set_account:
 * @self: a #SluicePipelineOverview
 * @account: the account the pipeline belongs to (its clones are remembered per account)
 */
void
sluice_pipeline_overview_set_account (SluicePipelineOverview *self,
                                      SluiceAccount          *account)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_OVERVIEW (self));
  g_return_if_fail (account == NULL || SLUICE_IS_ACCOUNT (account));

  g_set_object (&self->account, account);
  build (self);
}

/**
 * sluice_pipeline_overview_get_clone_path:
 * @self: a #SluicePipelineOverview
 *
 * Returns: (nullable): the pipeline's clone on this computer, if it is still there
 */
const char *
sluice_pipeline_overview_get_clone_path (SluicePipelineOverview *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_OVERVIEW (self), NULL);

  return self->clone_path;
}

/**
 * sluice_pipeline_overview_open_clone:
 * @self: a #SluicePipelineOverview
 *
 * Opens the clone's folder with the desktop's default handler (the file manager).
 */
void
sluice_pipeline_overview_open_clone (SluicePipelineOverview *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  g_return_if_fail (SLUICE_IS_PIPELINE_OVERVIEW (self));

  update_clone (self);
  if (self->clone_path == NULL)
    return;
  file = g_file_new_for_path (self->clone_path);
  uri = g_file_get_uri (file);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/**
 * sluice_pipeline_overview_get_stage_branches:
 * @self: a #SluicePipelineOverview
 *
 * Returns: (transfer none) (nullable): the stage branches of a GitFlow pipeline
 */
SluiceStageBranches *
sluice_pipeline_overview_get_stage_branches (SluicePipelineOverview *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_OVERVIEW (self), NULL);

  return self->branches != NULL ? SLUICE_STAGE_BRANCHES (self->branches) : NULL;
}
