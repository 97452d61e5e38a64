/* sluice-stages-editor.c: a pipeline's stages, in order, to add, remove, reorder and edit
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-stage-row.h"
#include "sluice-stages-editor.h"
#include "sluice-team.h"

/* One expander row a stage (name, environment, team; move up, move down, remove) in a
 * preferences group whose header has "Add Stage". The stages live in the draft; the rows are
 * rebuilt from it whenever the list changes or an environment's teams arrive. Used by the
 * create wizard and the pipeline editor alike. */

static const char * const stage_suggestions[] = { "dev", "test", "qa", "val", "prod" };

struct _SluiceStagesEditor
{
  AdwBin                    parent_instance;

  SluiceEnvironmentCatalog *catalog;
  SluicePipelineDraft      *draft;
  GtkWidget                *group;
  GPtrArray                *rows;        /* the expander rows, in order */
  guint                     rebuild_id;
  guint                     expand;      /* 1 + the stage to open at the next rebuild */
  gboolean                  syncing;
  gboolean                  prod_optional;
};

G_DEFINE_FINAL_TYPE (SluiceStagesEditor, sluice_stages_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_rebuild (SluiceStagesEditor *self);

/**
 * sluice_stages_editor_list_environments:
 * @catalog: the environments
 * @uri: (nullable): the chosen environment
 * @label: (nullable): its label
 * @selected: (out): where the chosen one is
 *
 * The environments as combo row items, after a "not chosen" placeholder; a chosen
 * environment the user cannot list (not a member any more) is added last, so that it still
 * shows.
 *
 * Returns: (transfer full): the items
 */
GListModel *
sluice_stages_editor_list_environments (SluiceEnvironmentCatalog *catalog,
                              const char               *uri,
                              const char               *label,
                              guint                    *selected)
{
  GListModel *environments = sluice_environment_catalog_get_environments (catalog);
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = environments != NULL ? g_list_model_get_n_items (environments) : 0;
  guint position = 0;

  gtk_string_list_append (names, environments != NULL ? _("Choose an environment") : _("Loading…"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (environments, i);

      gtk_string_list_append (names, sluice_environment_get_label (environment));
    }
  *selected = 0;
  if (sluice_environment_catalog_find (catalog, uri, &position) != NULL)
    *selected = position + 1;
  else if (uri != NULL)
    {
      gtk_string_list_append (names, label != NULL ? label : uri);
      *selected = n + 1;
    }
  return G_LIST_MODEL (names);
}

/**
 * sluice_stages_editor_list_teams:
 * @catalog: the environments
 * @environment_uri: (nullable): the chosen environment
 * @team: (nullable): the chosen team
 * @selected: (out): where the chosen team is
 *
 * @environment_uri's teams as combo row items, after a placeholder that says what to do; a
 * chosen team not (yet) among them is added last, so that it still shows.
 *
 * Returns: (transfer full): the items
 */
GListModel *
sluice_stages_editor_list_teams (SluiceEnvironmentCatalog *catalog,
                       const char               *environment_uri,
                       const char               *team,
                       guint                    *selected)
{
  GListModel *teams = sluice_environment_catalog_get_teams (catalog, environment_uri);
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = teams != NULL ? g_list_model_get_n_items (teams) : 0;

  if (environment_uri == NULL)
    gtk_string_list_append (names, _("Choose the environment first"));
  else if (teams == NULL)
    gtk_string_list_append (names, _("Loading…"));
  else if (n == 0)
    gtk_string_list_append (names, _("No teams found for this environment"));
  else
    gtk_string_list_append (names, _("Choose a team"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceTeam) item = g_list_model_get_item (teams, i);

      gtk_string_list_append (names, sluice_team_get_uri (item));
    }
  *selected = sluice_environment_catalog_team_position (catalog, environment_uri, team);
  if (*selected == 0 && team != NULL && environment_uri != NULL)
    {
      gtk_string_list_append (names, team);
      *selected = n + 1;
    }
  return G_LIST_MODEL (names);
}

/**
 * sluice_stages_editor_is_extra_choice:
 * @model: items made by sluice_stages_editor_list_environments() or sluice_stages_editor_list_teams()
 * @n_choices: how many real choices the catalog has
 * @position: a selected position
 *
 * Returns: whether @position is the added last item: the choice already made
 */
gboolean
sluice_stages_editor_is_extra_choice (GListModel *model,
                       guint       n_choices,
                       guint       position)
{
  return position != GTK_INVALID_LIST_POSITION && position > n_choices &&
         position < g_list_model_get_n_items (model);
}

/**
 * sluice_stages_editor_format_stage_title:
 * @index: the stage's place, from 0
 *
 * Returns: (transfer full): the stage's title, "Stage 2: test"
 */
char *
sluice_stages_editor_format_stage_title (guint                   index,
                        const SluiceDraftStage *stage)
{
  return g_strdup_printf (_("Stage %u: %s"), index + 1,
                          stage->name ? stage->name : _("(no name)"));
}

static char *
stage_subtitle (SluiceStagesEditor     *self,
                const SluiceDraftStage *stage,
                gboolean               *problem)
{
  g_autofree char *message = NULL;

  *problem = TRUE;
  if (!sluice_pipeline_validate_stage_name (stage->name, &message))
    return g_steal_pointer (&message);
  if (stage->environment_uri != NULL &&
      !sluice_environment_catalog_pipelines_enabled (self->catalog, stage->environment_uri))
    return g_strdup_printf (_("Pipelines are disabled in environment %s."),
                            stage->environment_label ? stage->environment_label
                                                     : stage->environment_uri);
  *problem = FALSE;
  if (stage->environment_uri == NULL)
    return g_strdup (_("Choose an environment"));
  if (stage->team == NULL)
    return g_strdup_printf (_("%s, choose a team"), stage->environment_label);
  return g_strdup_printf (_("%s, team %s"), stage->environment_label, stage->team);
}

static void
update_row (SluiceStagesEditor *self,
            SluiceStageRow     *row)
{
  guint index = sluice_stage_row_get_index (row);
  const SluiceDraftStage *stage;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean problem;

  if (index >= sluice_pipeline_draft_get_n_stages (self->draft))
    return;
  stage = sluice_pipeline_draft_get_stage (self->draft, index);
  title = sluice_stages_editor_format_stage_title (index, stage);
  subtitle = stage_subtitle (self, stage, &problem);
  sluice_stage_row_set_summary (row, title, subtitle, problem);
}

static void
name_changed_cb (SluiceStageRow     *row,
                 SluiceStagesEditor *self)
{
  if (self->syncing)
    return;
  sluice_pipeline_draft_set_stage_name (self->draft, sluice_stage_row_get_index (row),
                                        sluice_stage_row_get_name (row));
  update_row (self, row);
}

static void
environment_selected_cb (SluiceStageRow     *row,
                         SluiceStagesEditor *self)
{
  GListModel *environments = sluice_environment_catalog_get_environments (self->catalog);
  AdwComboRow *combo = sluice_stage_row_get_environment_row (row);
  guint index = sluice_stage_row_get_index (row);
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(SluiceEnvironment) environment = NULL;

  if (self->syncing || environments == NULL)
    return;
  /* The extra last item is the stage's own environment, already chosen. */
  if (sluice_stages_editor_is_extra_choice (adw_combo_row_get_model (combo), g_list_model_get_n_items (environments), selected))
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    environment = g_list_model_get_item (environments, selected - 1);
  sluice_pipeline_draft_set_stage_environment (self->draft, index,
                                               environment ? sluice_environment_get_uri (environment) : NULL,
                                               environment ? sluice_environment_get_label (environment) : NULL);
  /* The pipeline's team is the likely one: chosen once the teams are known. */
  sluice_pipeline_draft_set_stage_team (self->draft, index, NULL);
  if (environment != NULL)
    sluice_environment_catalog_load_environment (self->catalog, sluice_environment_get_uri (environment));
  queue_rebuild (self);
}

static void
team_selected_cb (SluiceStageRow     *row,
                  SluiceStagesEditor *self)
{
  AdwComboRow *combo = sluice_stage_row_get_team_row (row);
  guint index = sluice_stage_row_get_index (row);
  const SluiceDraftStage *stage;
  GListModel *teams;
  const char *team;

  if (self->syncing)
    return;
  stage = sluice_pipeline_draft_get_stage (self->draft, index);
  teams = sluice_environment_catalog_get_teams (self->catalog, stage->environment_uri);
  /* The extra last item is the stage's own team, already chosen. */
  if (sluice_stages_editor_is_extra_choice (adw_combo_row_get_model (combo), teams ? g_list_model_get_n_items (teams) : 0,
                             adw_combo_row_get_selected (combo)))
    return;
  team = sluice_environment_catalog_team_at (self->catalog, stage->environment_uri,
                                             adw_combo_row_get_selected (combo));
  sluice_pipeline_draft_set_stage_team (self->draft, index, team);
  update_row (self, row);
}

static gboolean
row_expanded (SluiceStagesEditor *self,
              guint               index)
{
  return index < self->rows->len && adw_expander_row_get_expanded (g_ptr_array_index (self->rows, index));
}

/* The rebuild keeps open the rows that were open, by position: a stage that moves takes its
 * open or closed state along, so that the user's eyes can follow it. */
static void
swap_expanded (SluiceStagesEditor *self,
               guint               a,
               guint               b)
{
  gboolean expanded_a = row_expanded (self, a);
  gboolean expanded_b = row_expanded (self, b);

  if (a < self->rows->len && b < self->rows->len)
    {
      adw_expander_row_set_expanded (g_ptr_array_index (self->rows, a), expanded_b);
      adw_expander_row_set_expanded (g_ptr_array_index (self->rows, b), expanded_a);
    }
}

static void
up_clicked_cb (SluiceStageRow     *row,
               SluiceStagesEditor *self)
{
  guint index = sluice_stage_row_get_index (row);

  if (index > 0)
    {
      sluice_pipeline_draft_move_stage (self->draft, index, index - 1);
      swap_expanded (self, index, index - 1);
    }
  queue_rebuild (self);
}

static void
down_clicked_cb (SluiceStageRow     *row,
                 SluiceStagesEditor *self)
{
  guint index = sluice_stage_row_get_index (row);

  if (index + 1 < sluice_pipeline_draft_get_n_stages (self->draft))
    {
      sluice_pipeline_draft_move_stage (self->draft, index, index + 1);
      swap_expanded (self, index, index + 1);
    }
  queue_rebuild (self);
}

static void
remove_clicked_cb (SluiceStageRow     *row,
                   SluiceStagesEditor *self)
{
  guint index = sluice_stage_row_get_index (row);

  sluice_pipeline_draft_remove_stage (self->draft, index);
  /* The rows below move up one place, open or closed as they were. */
  for (guint i = index; i + 1 < self->rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (self->rows, i), row_expanded (self, i + 1));
  queue_rebuild (self);
}

static void
add_clicked_cb (GtkButton          *button,
                SluiceStagesEditor *self)
{
  g_auto(GStrv) names = sluice_pipeline_draft_dup_stage_names (self->draft);
  const char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stage_suggestions) && name == NULL; i++)
    if (!g_strv_contains ((const char * const *) names, stage_suggestions[i]))
      name = stage_suggestions[i];
  sluice_pipeline_draft_add_stage (self->draft, name, NULL, NULL, NULL);
  self->expand = sluice_pipeline_draft_get_n_stages (self->draft);
  sluice_stages_editor_rebuild (self);
}

static GtkWidget *
stage_row_new (SluiceStagesEditor *self,
               guint               i,
               guint               n)
{
  const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, i);
  GtkWidget *row = sluice_stage_row_new (i, n);
  g_autoptr(GListModel) environments = NULL;
  g_autoptr(GListModel) teams = NULL;
  guint selected;

  sluice_stage_row_set_name (SLUICE_STAGE_ROW (row), stage->name);
  environments = sluice_stages_editor_list_environments (self->catalog, stage->environment_uri,
                                               stage->environment_label, &selected);
  sluice_stage_row_set_environments (SLUICE_STAGE_ROW (row), environments, selected);
  teams = sluice_stages_editor_list_teams (self->catalog, stage->environment_uri, stage->team, &selected);
  sluice_stage_row_set_teams (SLUICE_STAGE_ROW (row), teams, selected);

  g_signal_connect (row, "name-changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect (row, "environment-changed", G_CALLBACK (environment_selected_cb), self);
  g_signal_connect (row, "team-changed", G_CALLBACK (team_selected_cb), self);
  g_signal_connect (row, "move-up", G_CALLBACK (up_clicked_cb), self);
  g_signal_connect (row, "move-down", G_CALLBACK (down_clicked_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (remove_clicked_cb), self);
  return row;
}

/**
 * sluice_stages_editor_rebuild:
 *
 * Builds the rows anew from the draft's stages; rows that were open stay open.
 */
void
sluice_stages_editor_rebuild (SluiceStagesEditor *self)
{
  guint n;
  GtkWidget *group;
  GtkWidget *add;
  g_autoptr(GArray) expanded = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *pipeline_team;

  g_return_if_fail (SLUICE_IS_STAGES_EDITOR (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->draft == NULL)
    return;
  n = sluice_pipeline_draft_get_n_stages (self->draft);
  pipeline_team = sluice_pipeline_draft_get_team (self->draft);
  for (guint i = 0; i < self->rows->len; i++)
    if (adw_expander_row_get_expanded (g_ptr_array_index (self->rows, i)))
      g_array_append_val (expanded, i);
  g_ptr_array_set_size (self->rows, 0);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Stages"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         self->prod_optional
                                         ? _("Deployed in this order. Names are lowercase letters, "
                                             "digits and dashes; the stage named “prod” deploys "
                                             "branch main.")
                                         : _("Deployed in this order. Names are lowercase letters, "
                                             "digits and dashes; a stage named “prod” is required."));
  add = gtk_button_new_with_mnemonic (_("_Add Stage"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (add, n < SLUICE_PIPELINE_STAGES_MAX);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, i);
      GtkWidget *row;

      /* An environment's teams arrived: pick the pipeline's team if it is one of them. */
      if (stage->environment_uri != NULL && stage->team == NULL && pipeline_team != NULL &&
          sluice_environment_catalog_team_position (self->catalog, stage->environment_uri,
                                                    pipeline_team) > 0)
        sluice_pipeline_draft_set_stage_team (self->draft, i, pipeline_team);
      row = stage_row_new (self, i, n);
      g_ptr_array_add (self->rows, row);
      update_row (self, SLUICE_STAGE_ROW (row));
      for (guint j = 0; j < expanded->len; j++)
        if (g_array_index (expanded, guint, j) == i)
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      if (self->expand == i + 1)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->syncing = FALSE;
  self->expand = 0;

  self->group = group;
  adw_bin_set_child (ADW_BIN (self), group);
  sluice_a11y_name_mnemonic_buttons (group);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  SluiceStagesEditor *self = user_data;

  self->rebuild_id = 0;
  sluice_stages_editor_rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilds the rows once the signal handler that asks for it has returned: a row must not be
 * destroyed while it is emitting. */
static void
queue_rebuild (SluiceStagesEditor *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb, self, NULL);
}

static void
load_stage_environments (SluiceStagesEditor *self)
{
  guint n = self->draft != NULL ? sluice_pipeline_draft_get_n_stages (self->draft) : 0;

  for (guint i = 0; i < n; i++)
    sluice_environment_catalog_load_environment (self->catalog,
                                                 sluice_pipeline_draft_get_stage (self->draft, i)->environment_uri);
}

static void
catalog_changed_cb (SluiceStagesEditor *self,
                    const char         *uri)
{
  if (uri == NULL)
    load_stage_environments (self);
  queue_rebuild (self);
}

static void
sluice_stages_editor_dispose (GObject *object)
{
  SluiceStagesEditor *self = SLUICE_STAGES_EDITOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_stages_editor_parent_class)->dispose (object);
}

static void
sluice_stages_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SluiceStagesEditor *self = SLUICE_STAGES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stages_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SluiceStagesEditor *self = SLUICE_STAGES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_DRAFT:
      sluice_stages_editor_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stages_editor_constructed (GObject *object)
{
  SluiceStagesEditor *self = SLUICE_STAGES_EDITOR (object);

  G_OBJECT_CLASS (sluice_stages_editor_parent_class)->constructed (object);

  g_signal_connect_swapped (self->catalog, "changed", G_CALLBACK (catalog_changed_cb), self);
  load_stage_environments (self);
  sluice_stages_editor_rebuild (self);
}

static void
sluice_stages_editor_class_init (SluiceStagesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_stages_editor_dispose;
  object_class->constructed = sluice_stages_editor_constructed;
  object_class->get_property = sluice_stages_editor_get_property;
  object_class->set_property = sluice_stages_editor_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, SLUICE_TYPE_ENVIRONMENT_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, SLUICE_TYPE_PIPELINE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_stages_editor_init (SluiceStagesEditor *self)
{
  self->rows = g_ptr_array_new ();
}

SluiceStagesEditor *
sluice_stages_editor_new (SluiceEnvironmentCatalog *catalog,
                          SluicePipelineDraft      *draft)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (catalog), NULL);
  g_return_val_if_fail (draft == NULL || SLUICE_IS_PIPELINE_DRAFT (draft), NULL);

  return g_object_new (SLUICE_TYPE_STAGES_EDITOR, "catalog", catalog, "draft", draft, NULL);
}

/**
 * sluice_stages_editor_expand:
 * @index: a stage
 *
 * Opens @index's row (at once, or at the next rebuild if the row is not there yet).
 */
void
sluice_stages_editor_expand (SluiceStagesEditor *self,
                             guint               index)
{
  g_return_if_fail (SLUICE_IS_STAGES_EDITOR (self));

  if (index < self->rows->len && self->rebuild_id == 0)
    adw_expander_row_set_expanded (g_ptr_array_index (self->rows, index), TRUE);
  else
    self->expand = index + 1;
}

/**
 * sluice_stages_editor_set_prod_optional:
 * @prod_optional: %TRUE when the stages may lack "prod" (an existing pipeline), %FALSE when
 *   one is required (creating)
 *
 * What the group's description says about "prod".
 */
void
sluice_stages_editor_set_prod_optional (SluiceStagesEditor *self,
                                        gboolean            prod_optional)
{
  g_return_if_fail (SLUICE_IS_STAGES_EDITOR (self));

  self->prod_optional = !!prod_optional;
  sluice_stages_editor_rebuild (self);
}

/**
 * sluice_stages_editor_set_draft:
 *
 * Edits the stages of @draft from now on.
 */
void
sluice_stages_editor_set_draft (SluiceStagesEditor  *self,
                                SluicePipelineDraft *draft)
{
  g_return_if_fail (SLUICE_IS_STAGES_EDITOR (self));

  if (!g_set_object (&self->draft, draft))
    return;
  if (self->catalog != NULL)
    {
      load_stage_environments (self);
      sluice_stages_editor_rebuild (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}
