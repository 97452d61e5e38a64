/* sluice-stage-row.c: one development stage of a pipeline form: name, environment, team
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stage-row"

#include "config.h"

#include "sluice-stage-row.h"

/**
 * SluiceStageRow:
 *
 * An expander row for the stage at #SluiceStageRow:index of a pipeline form: its name (with
 * suggested names), its environment and its team, and Move Up, Move Down and Remove. A warning
 * icon shows when the stage has a problem (sluice_stage_row_set_summary()).
 *
 * The row keeps no stage: it says what the user did through its signals
 * (#SluiceStageRow::name-changed, ::environment-changed, ::team-changed, ::move-up, ::move-down,
 * ::remove), and the stages editor updates the draft and the rows.
 */
struct _SluiceStageRow
{
  AdwExpanderRow  parent_instance;

  guint           index;
  guint           n_stages;

  GtkWidget      *name_row;
  GtkPopover     *suggestions_popover;
  AdwComboRow    *environment_row;
  AdwComboRow    *team_row;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *warning_icon;
};

G_DEFINE_FINAL_TYPE (SluiceStageRow, sluice_stage_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_N_STAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_NAME_CHANGED,
  SIGNAL_ENVIRONMENT_CHANGED,
  SIGNAL_TEAM_CHANGED,
  SIGNAL_MOVE_UP,
  SIGNAL_MOVE_DOWN,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_buttons (SluiceStageRow *self)
{
  gtk_widget_set_sensitive (self->up_button, self->index > 0);
  gtk_widget_set_sensitive (self->down_button, self->index + 1 < self->n_stages);
}

static void
name_changed_cb (SluiceStageRow *self)
{
  g_signal_emit (self, signals[SIGNAL_NAME_CHANGED], 0);
}

static void
suggestion_clicked_cb (GtkButton      *button,
                       SluiceStageRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gtk_button_get_label (button));
  gtk_popover_popdown (self->suggestions_popover);
}

static void
environment_selected_cb (SluiceStageRow *self)
{
  g_signal_emit (self, signals[SIGNAL_ENVIRONMENT_CHANGED], 0);
}

static void
team_selected_cb (SluiceStageRow *self)
{
  g_signal_emit (self, signals[SIGNAL_TEAM_CHANGED], 0);
}

static void
up_clicked_cb (SluiceStageRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE_UP], 0);
}

static void
down_clicked_cb (SluiceStageRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE_DOWN], 0);
}

static void
remove_clicked_cb (SluiceStageRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
sluice_stage_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_STAGE_ROW);

  G_OBJECT_CLASS (sluice_stage_row_parent_class)->dispose (object);
}

static void
sluice_stage_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SluiceStageRow *self = SLUICE_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_N_STAGES:
      g_value_set_uint (value, self->n_stages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stage_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SluiceStageRow *self = SLUICE_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      self->index = g_value_get_uint (value);
      update_buttons (self);
      break;
    case PROP_N_STAGES:
      self->n_stages = g_value_get_uint (value);
      update_buttons (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stage_row_class_init (SluiceStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stage_row_dispose;
  object_class->get_property = sluice_stage_row_get_property;
  object_class->set_property = sluice_stage_row_set_property;

  /**
   * SluiceStageRow:index:
   *
   * The stage's place among the pipeline's stages, from 0.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SluiceStageRow:n-stages:
   *
   * How many stages there are: the last cannot move down.
   */
  properties[PROP_N_STAGES] =
    g_param_spec_uint ("n-stages", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_NAME_CHANGED] =
    g_signal_new ("name-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_ENVIRONMENT_CHANGED] =
    g_signal_new ("environment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_TEAM_CHANGED] =
    g_signal_new ("team-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE_UP] =
    g_signal_new ("move-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_MOVE_DOWN] =
    g_signal_new ("move-down", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, suggestions_popover);
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, environment_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, team_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceStageRow, warning_icon);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, environment_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
sluice_stage_row_init (SluiceStageRow *self)
{
  self->n_stages = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_buttons (self);
}

/**
 * sluice_stage_row_new:
 * @index: the stage's place, from 0
 * @n_stages: how many stages there are
 *
 * Returns: (transfer floating): a row for the stage at @index
 */
GtkWidget *
sluice_stage_row_new (guint index,
                      guint n_stages)
{
  g_return_val_if_fail (index < n_stages, NULL);

  return g_object_new (SLUICE_TYPE_STAGE_ROW, "index", index, "n-stages", n_stages, NULL);
}

guint
sluice_stage_row_get_index (SluiceStageRow *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_ROW (self), 0);

  return self->index;
}

const char *
sluice_stage_row_get_name (SluiceStageRow *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
sluice_stage_row_set_name (SluiceStageRow *self,
                           const char     *name)
{
  g_return_if_fail (SLUICE_IS_STAGE_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

/**
 * sluice_stage_row_set_environments:
 * @self: a #SluiceStageRow
 * @names: the environments offered, as sluice_stages_editor_list_environments() gives them
 * @selected: the one chosen
 */
void
sluice_stage_row_set_environments (SluiceStageRow *self,
                                   GListModel     *names,
                                   guint           selected)
{
  g_return_if_fail (SLUICE_IS_STAGE_ROW (self));

  adw_combo_row_set_model (self->environment_row, names);
  adw_combo_row_set_selected (self->environment_row, selected);
}

/**
 * sluice_stage_row_get_environment_row:
 *
 * Returns: (transfer none): the Environment combo row: its model and what is selected
 */
AdwComboRow *
sluice_stage_row_get_environment_row (SluiceStageRow *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_ROW (self), NULL);

  return self->environment_row;
}

/**
 * sluice_stage_row_set_teams:
 * @self: a #SluiceStageRow
 * @names: the teams offered, as sluice_stages_editor_list_teams() gives them
 * @selected: the one chosen
 */
void
sluice_stage_row_set_teams (SluiceStageRow *self,
                            GListModel     *names,
                            guint           selected)
{
  g_return_if_fail (SLUICE_IS_STAGE_ROW (self));

  adw_combo_row_set_model (self->team_row, names);
  adw_combo_row_set_selected (self->team_row, selected);
}

/**
 * sluice_stage_row_get_team_row:
 *
 * Returns: (transfer none): the Team combo row: its model and what is selected
 */
AdwComboRow *
sluice_stage_row_get_team_row (SluiceStageRow *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_ROW (self), NULL);

  return self->team_row;
}

/**
 * sluice_stage_row_set_summary:
 * @self: a #SluiceStageRow
 * @title: the row's title ("Stage 2: test")
 * @subtitle: what the stage deploys to, or what is wrong with it
 * @problem: whether something is wrong: a warning icon shows
 */
void
sluice_stage_row_set_summary (SluiceStageRow *self,
                              const char     *title,
                              const char     *subtitle,
                              gboolean        problem)
{
  g_return_if_fail (SLUICE_IS_STAGE_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_visible (self->warning_icon, problem);
}

gboolean
sluice_stage_row_get_problem (SluiceStageRow *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_ROW (self), FALSE);

  return gtk_widget_get_visible (self->warning_icon);
}
