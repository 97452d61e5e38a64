/* sluice-create-wizard.c: the New Pipeline wizard
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-create-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-create-wizard.h"
#include "sluice-dataall-api.h"
#include "sluice-pipeline-draft.h"
#include "sluice-settings.h"

/* The steps, in order; "progress" follows once creating has started. */
static const char * const pages[] = { "details", "cicd", "stages", "datasets", "review" };
#define N_PAGES        G_N_ELEMENTS (pages)
#define PROGRESS_PAGE  N_PAGES

static const char * const stage_suggestions[] = { "dev", "test", "qa", "val", "prod" };

#define SAVE_DELAY_MS 300

struct _SluiceCreateWizard
{
  AdwWindow              parent_instance;

  SluiceAccount         *account;
  SluiceDataallClient   *client;
  GSettings             *settings;
  SluicePipelineDraft   *draft;
  SluicePipelineCreator *creator;
  GCancellable          *cancellable;
  GCancellable          *create_cancellable;
  guint                  save_id;
  guint                  rebuild_id;
  guint                  page;
  gboolean               syncing;
  gboolean               creating;

  GListModel            *environments;      /* SluiceEnvironment, from listValidEnvironments */
  GHashTable            *environment_info;  /* uri → SluiceEnvironment, from getEnvironment */
  GHashTable            *teams;             /* uri → GListModel of SluiceTeam */
  GHashTable            *loading;           /* "kind:uri" being loaded */
  GListModel            *datasets;          /* SluiceDataset of the CI/CD environment and team */
  char                  *datasets_key;
  char                  *load_error;
  GtkWidget             *stages_group;
  GPtrArray             *stage_rows;        /* the expander rows of stages_group, in order */
  GtkWidget             *progress_group;
  GtkCheckButton        *strategy_checks[3];

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *back_button;
  GtkButton             *next_button;
  GtkButton             *cancel_button;
  GtkStack              *stack;
  AdwEntryRow           *name_row;
  AdwActionRow          *repository_row;
  GtkLabel              *name_error;
  GtkTextView           *description_view;
  GtkLabel              *description_count;
  GtkLabel              *description_error;
  AdwEntryRow           *tag_row;
  GtkFlowBox            *tags_box;
  GtkButton             *discard_button;
  GtkSpinner            *cicd_spinner;
  AdwComboRow           *environment_row;
  AdwComboRow           *team_row;
  GtkLabel              *cicd_error;
  AdwPreferencesGroup   *strategy_group;
  AdwEntryRow           *template_row;
  GtkBox                *stages_box;
  GtkLabel              *stages_error;
  GtkSpinner            *datasets_spinner;
  AdwComboRow           *input_row;
  AdwComboRow           *output_row;
  GtkBox                *review_box;
  GtkBox                *progress_box;
  GtkLabel              *progress_message;
  GtkExpander           *details_expander;
  GtkLabel              *details_label;
  GtkButton             *open_button;
  GtkButton             *without_button;
  GtkButton             *retry_button;
  GtkRevealer           *reason_revealer;
  GtkLabel              *reason_label;
};

G_DEFINE_FINAL_TYPE (SluiceCreateWizard, sluice_create_wizard, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (SluiceCreateWizard *self);
static void rebuild_stages (SluiceCreateWizard *self);
static void queue_rebuild_stages (SluiceCreateWizard *self);
static void load_teams (SluiceCreateWizard *self, const char *environment_uri);
static void load_environment_info (SluiceCreateWizard *self, const char *environment_uri);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static SluiceEnvironment *
find_environment (SluiceCreateWizard *self,
                  const char         *uri,
                  guint              *position)
{
  guint n = self->environments ? g_list_model_get_n_items (self->environments) : 0;

  for (guint i = 0; uri != NULL && i < n; i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (self->environments, i);

      if (g_strcmp0 (sluice_environment_get_uri (environment), uri) == 0)
        {
          if (position != NULL)
            *position = i;
          return environment;
        }
    }
  return NULL;
}

/* The environments as combo row items, after a "not chosen" placeholder. */
static GListModel *
environment_names (SluiceCreateWizard *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = self->environments ? g_list_model_get_n_items (self->environments) : 0;

  gtk_string_list_append (names, self->environments ? _("Choose an environment") : _("Loading…"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (self->environments, i);

      gtk_string_list_append (names, sluice_environment_get_label (environment));
    }
  return G_LIST_MODEL (names);
}

static GListModel *
team_names (SluiceCreateWizard *self,
            const char         *environment_uri)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GListModel *teams = environment_uri ? g_hash_table_lookup (self->teams, environment_uri) : NULL;
  guint n = teams ? g_list_model_get_n_items (teams) : 0;

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
      g_autoptr(SluiceTeam) team = g_list_model_get_item (teams, i);

      gtk_string_list_append (names, sluice_team_get_uri (team));
    }
  return G_LIST_MODEL (names);
}

static guint
team_position (SluiceCreateWizard *self,
               const char         *environment_uri,
               const char         *team)
{
  GListModel *teams = environment_uri ? g_hash_table_lookup (self->teams, environment_uri) : NULL;
  guint n = teams ? g_list_model_get_n_items (teams) : 0;

  for (guint i = 0; team != NULL && i < n; i++)
    {
      g_autoptr(SluiceTeam) item = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sluice_team_get_uri (item), team) == 0)
        return i + 1;
    }
  return 0;
}

static const char *
team_at (SluiceCreateWizard *self,
         const char         *environment_uri,
         guint               position)
{
  GListModel *teams = environment_uri ? g_hash_table_lookup (self->teams, environment_uri) : NULL;
  g_autoptr(SluiceTeam) team = NULL;

  if (teams == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > g_list_model_get_n_items (teams))
    return NULL;
  team = g_list_model_get_item (teams, position - 1);
  /* The team list keeps its items alive. */
  return sluice_team_get_uri (team);
}

/* FALSE when the environment is known to have pipelines disabled. */
static gboolean
pipelines_enabled (SluiceCreateWizard *self,
                   const char         *environment_uri)
{
  SluiceEnvironment *info = environment_uri ? g_hash_table_lookup (self->environment_info,
                                                                   environment_uri) : NULL;

  return info == NULL || !sluice_environment_get_parameters_known (info) ||
         sluice_environment_get_pipelines_enabled (info);
}

static void
show_error_label (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static char *
description_text (SluiceCreateWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Draft persistence                                                                          */
/* ------------------------------------------------------------------------------------------ */

static void
save_now (SluiceCreateWizard *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  /* Once the pipeline exists, a saved draft would create it a second time. */
  if (self->creator != NULL && sluice_pipeline_creator_get_pipeline (self->creator) != NULL)
    return;
  if (self->draft != NULL && self->settings != NULL && self->account != NULL)
    sluice_pipeline_draft_save (self->draft, self->settings, sluice_account_get_id (self->account));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  SluiceCreateWizard *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
draft_changed_cb (SluiceCreateWizard *self)
{
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Details                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
remove_tag_clicked_cb (GtkButton          *button,
                       SluiceCreateWizard *self);

static void
rebuild_tags (SluiceCreateWizard *self)
{
  const char * const *tags = sluice_pipeline_draft_get_tags (self->draft);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (tags[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove tag %s"), tags[i]);

      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      gtk_widget_add_css_class (chip, "card");
      gtk_widget_add_css_class (chip, "sluice-tag");
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "tag", g_strdup (tags[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_tag_clicked_cb), self);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->tags_box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags[0] != NULL);
}

static void
remove_tag_clicked_cb (GtkButton          *button,
                       SluiceCreateWizard *self)
{
  g_autofree char *tag = g_strdup (g_object_get_data (G_OBJECT (button), "tag"));

  sluice_pipeline_draft_remove_tag (self->draft, tag);
  rebuild_tags (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_row));
}

static void
tag_apply_cb (SluiceCreateWizard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_row));
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    sluice_pipeline_draft_add_tag (self->draft, parts[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_row), "");
  rebuild_tags (self);
}

static void
name_changed_cb (SluiceCreateWizard *self)
{
  if (!self->syncing)
    sluice_pipeline_draft_set_name (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
description_changed_cb (SluiceCreateWizard *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  text = description_text (self);
  sluice_pipeline_draft_set_description (self->draft, text);
}

static void
template_changed_cb (SluiceCreateWizard *self)
{
  if (!self->syncing)
    sluice_pipeline_draft_set_template (self->draft,
                                        gtk_editable_get_text (GTK_EDITABLE (self->template_row)));
}

static void
strategy_toggled_cb (GtkCheckButton     *check,
                     SluiceCreateWizard *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->strategy_checks); i++)
    if (self->strategy_checks[i] == check)
      sluice_pipeline_draft_set_strategy (self->draft, (SluiceDevStrategy) i);
}

/* ------------------------------------------------------------------------------------------ */
/* CI/CD                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Puts the CI/CD choices into the rows; @models also replaces the environment list (never
 * from the row's own notify::selected, which GtkSingleSelection is still running). */
static void
sync_cicd_full (SluiceCreateWizard *self,
                gboolean            models)
{
  const char *uri = sluice_pipeline_draft_get_environment_uri (self->draft);
  SluiceEnvironment *environment;
  g_autoptr(GListModel) names = environment_names (self);
  g_autoptr(GListModel) teams = team_names (self, uri);
  guint position = 0;

  self->syncing = TRUE;
  if (models)
    adw_combo_row_set_model (self->environment_row, names);
  environment = find_environment (self, uri, &position);
  if (models)
    adw_combo_row_set_selected (self->environment_row, environment ? position + 1 : 0);
  if (environment != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                   sluice_environment_get_region (environment),
                                                   sluice_environment_get_organization_label (environment));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->environment_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->environment_row), "");
  adw_combo_row_set_model (self->team_row, teams);
  adw_combo_row_set_selected (self->team_row,
                              team_position (self, uri, sluice_pipeline_draft_get_team (self->draft)));
  self->syncing = FALSE;
}

static void
sync_cicd (SluiceCreateWizard *self)
{
  sync_cicd_full (self, TRUE);
}

static void
environment_selected_cb (SluiceCreateWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->environment_row);
  g_autoptr(SluiceEnvironment) environment = NULL;
  SluiceEnvironment *info;

  if (self->syncing || self->environments == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    environment = g_list_model_get_item (self->environments, selected - 1);
  if (environment == NULL)
    {
      sluice_pipeline_draft_set_environment (self->draft, NULL, NULL, NULL);
      sluice_pipeline_draft_set_team (self->draft, NULL);
      sync_cicd_full (self, FALSE);
      return;
    }
  if (g_strcmp0 (sluice_environment_get_uri (environment),
                 sluice_pipeline_draft_get_environment_uri (self->draft)) == 0)
    return;
  info = g_hash_table_lookup (self->environment_info, sluice_environment_get_uri (environment));
  sluice_pipeline_draft_set_environment (self->draft, sluice_environment_get_uri (environment),
                                         sluice_environment_get_label (environment),
                                         info ? sluice_environment_get_resource_prefix (info) : NULL);
  sluice_pipeline_draft_set_team (self->draft, NULL);
  load_teams (self, sluice_environment_get_uri (environment));
  load_environment_info (self, sluice_environment_get_uri (environment));
  sync_cicd_full (self, FALSE);
}

static void
team_selected_cb (SluiceCreateWizard *self)
{
  if (self->syncing)
    return;
  sluice_pipeline_draft_set_team (self->draft,
                                  team_at (self, sluice_pipeline_draft_get_environment_uri (self->draft),
                                           adw_combo_row_get_selected (self->team_row)));
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
update_spinners (SluiceCreateWizard *self)
{
  gboolean busy = self->environments == NULL || g_hash_table_size (self->loading) > 0;

  gtk_spinner_set_spinning (self->cicd_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cicd_spinner), busy);
}

/* What a load's callback needs: the wizard (a reference) and the environment. */
typedef struct
{
  SluiceCreateWizard *self;
  char               *uri;
} Load;

static Load *
load_new (SluiceCreateWizard *self,
          const char         *uri)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->uri = g_strdup (uri);
  return load;
}

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_free (load->uri);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
environments_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SluiceCreateWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *environments;
  const char *uri;

  environments = sluice_dataall_client_list_environments_finish (SLUICE_DATAALL_CLIENT (source),
                                                                 result, &error);
  if (environments == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_free (self->load_error);
          self->load_error = g_strdup (error->message);
          show_error_label (self->cicd_error, error->message);
          update_state (self);
        }
      return;
    }
  self->environments = environments;
  uri = sluice_pipeline_draft_get_environment_uri (self->draft);
  if (uri != NULL)
    {
      load_teams (self, uri);
      load_environment_info (self, uri);
    }
  for (guint i = 0; i < sluice_pipeline_draft_get_n_stages (self->draft); i++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, i);

      if (stage->environment_uri != NULL)
        {
          load_teams (self, stage->environment_uri);
          load_environment_info (self, stage->environment_uri);
        }
    }
  update_spinners (self);
  sync_cicd (self);
  rebuild_stages (self);
  update_state (self);
}

static void
teams_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  SluiceCreateWizard *self = load->self;
  const char *uri = load->uri;
  g_autoptr(GError) error = NULL;
  GListModel *teams;
  g_autofree char *key = g_strconcat ("teams:", uri, NULL);

  teams = sluice_dataall_client_list_teams_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->loading, key);
  if (teams == NULL)
    {
      g_message ("Cannot list the teams of %s: %s", uri, error->message);
      teams = G_LIST_MODEL (g_list_store_new (SLUICE_TYPE_TEAM));
    }
  g_hash_table_insert (self->teams, g_strdup (uri), teams);
  update_spinners (self);
  sync_cicd (self);
  rebuild_stages (self);
  update_state (self);
}


static void
load_teams (SluiceCreateWizard *self,
            const char         *environment_uri)
{
  g_autofree char *key = g_strconcat ("teams:", environment_uri, NULL);

  if (g_hash_table_contains (self->teams, environment_uri) ||
      g_hash_table_contains (self->loading, key))
    return;
  g_hash_table_add (self->loading, g_steal_pointer (&key));
  sluice_dataall_client_list_teams_async (self->client, environment_uri, self->cancellable,
                                          teams_loaded_cb, load_new (self, environment_uri));
  update_spinners (self);
}

static void
environment_info_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  SluiceCreateWizard *self = load->self;
  const char *uri = load->uri;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strconcat ("environment:", uri, NULL);
  SluiceEnvironment *environment;

  environment = sluice_dataall_client_get_environment_finish (SLUICE_DATAALL_CLIENT (source),
                                                              result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->loading, key);
  update_spinners (self);
  if (environment == NULL)
    {
      g_message ("Cannot get environment %s: %s", uri, error->message);
      return;
    }
  g_hash_table_insert (self->environment_info, g_strdup (uri), environment);
  /* The resource prefix names the repository. */
  if (g_strcmp0 (uri, sluice_pipeline_draft_get_environment_uri (self->draft)) == 0)
    sluice_pipeline_draft_set_environment (self->draft, uri,
                                           sluice_environment_get_label (environment),
                                           sluice_environment_get_resource_prefix (environment));
  rebuild_stages (self);
  update_state (self);
}

static void
load_environment_info (SluiceCreateWizard *self,
                       const char         *environment_uri)
{
  g_autofree char *key = g_strconcat ("environment:", environment_uri, NULL);

  if (g_hash_table_contains (self->environment_info, environment_uri) ||
      g_hash_table_contains (self->loading, key))
    return;
  g_hash_table_add (self->loading, g_steal_pointer (&key));
  sluice_dataall_client_get_environment_async (self->client, environment_uri, self->cancellable,
                                               environment_info_cb,
                                               load_new (self, environment_uri));
  update_spinners (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Stages                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static guint
row_index (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "stage-index"));
}

static char *
stage_title (guint                   index,
             const SluiceDraftStage *stage)
{
  return g_strdup_printf (_("Stage %u: %s"), index + 1,
                          stage->name ? stage->name : _("(no name)"));
}

static char *
stage_subtitle (SluiceCreateWizard     *self,
                const SluiceDraftStage *stage,
                gboolean               *problem)
{
  g_autofree char *message = NULL;

  *problem = TRUE;
  if (!sluice_pipeline_validate_stage_name (stage->name, &message))
    return g_steal_pointer (&message);
  if (stage->environment_uri != NULL && !pipelines_enabled (self, stage->environment_uri))
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
update_stage_row (SluiceCreateWizard *self,
                  AdwExpanderRow     *row)
{
  guint index = row_index (row);
  const SluiceDraftStage *stage;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean problem;

  if (index >= sluice_pipeline_draft_get_n_stages (self->draft))
    return;
  stage = sluice_pipeline_draft_get_stage (self->draft, index);
  title = stage_title (index, stage);
  subtitle = stage_subtitle (self, stage, &problem);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "warning"), problem);
}

static void
stage_name_changed_cb (AdwEntryRow        *entry,
                       SluiceCreateWizard *self)
{
  if (self->syncing)
    return;
  sluice_pipeline_draft_set_stage_name (self->draft, row_index (entry),
                                        gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_stage_row (self, g_object_get_data (G_OBJECT (entry), "expander"));
}

static void
suggestion_clicked_cb (GtkButton   *button,
                       AdwEntryRow *entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (entry), gtk_button_get_label (button));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
stage_environment_selected_cb (AdwComboRow        *combo,
                               GParamSpec         *pspec,
                               SluiceCreateWizard *self)
{
  guint index = row_index (combo);
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(SluiceEnvironment) environment = NULL;
  const char *team;

  if (self->syncing || self->environments == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    environment = g_list_model_get_item (self->environments, selected - 1);
  sluice_pipeline_draft_set_stage_environment (self->draft, index,
                                               environment ? sluice_environment_get_uri (environment) : NULL,
                                               environment ? sluice_environment_get_label (environment) : NULL);
  /* The pipeline's team is the likely one. */
  team = sluice_pipeline_draft_get_team (self->draft);
  sluice_pipeline_draft_set_stage_team (self->draft, index, NULL);
  if (environment != NULL)
    {
      g_object_set_data_full (G_OBJECT (self), "suggested-team", g_strdup (team), g_free);
      load_teams (self, sluice_environment_get_uri (environment));
      load_environment_info (self, sluice_environment_get_uri (environment));
    }
  queue_rebuild_stages (self);
}

static void
stage_team_selected_cb (AdwComboRow        *combo,
                        GParamSpec         *pspec,
                        SluiceCreateWizard *self)
{
  guint index = row_index (combo);
  const SluiceDraftStage *stage;

  if (self->syncing)
    return;
  stage = sluice_pipeline_draft_get_stage (self->draft, index);
  sluice_pipeline_draft_set_stage_team (self->draft, index,
                                        team_at (self, stage->environment_uri,
                                                 adw_combo_row_get_selected (combo)));
  update_stage_row (self, g_object_get_data (G_OBJECT (combo), "expander"));
}

static gboolean
stage_expanded (SluiceCreateWizard *self,
                guint               index)
{
  return index < self->stage_rows->len &&
         adw_expander_row_get_expanded (g_ptr_array_index (self->stage_rows, index));
}

/* The rebuild keeps open the rows that were open, by position: a stage that moves takes its
 * open or closed state along, so that the user's eyes can follow it. */
static void
swap_expanded (SluiceCreateWizard *self,
               guint               a,
               guint               b)
{
  gboolean expanded_a = stage_expanded (self, a);
  gboolean expanded_b = stage_expanded (self, b);

  if (a < self->stage_rows->len && b < self->stage_rows->len)
    {
      adw_expander_row_set_expanded (g_ptr_array_index (self->stage_rows, a), expanded_b);
      adw_expander_row_set_expanded (g_ptr_array_index (self->stage_rows, b), expanded_a);
    }
}

static void
stage_up_cb (GtkButton          *button,
             SluiceCreateWizard *self)
{
  guint index = row_index (button);

  if (index > 0)
    {
      sluice_pipeline_draft_move_stage (self->draft, index, index - 1);
      swap_expanded (self, index, index - 1);
    }
  queue_rebuild_stages (self);
}

static void
stage_down_cb (GtkButton          *button,
               SluiceCreateWizard *self)
{
  guint index = row_index (button);

  if (index + 1 < sluice_pipeline_draft_get_n_stages (self->draft))
    {
      sluice_pipeline_draft_move_stage (self->draft, index, index + 1);
      swap_expanded (self, index, index + 1);
    }
  queue_rebuild_stages (self);
}

static void
stage_remove_cb (GtkButton          *button,
                 SluiceCreateWizard *self)
{
  guint index = row_index (button);

  sluice_pipeline_draft_remove_stage (self->draft, index);
  /* The rows below move up one place, open or closed as they were. */
  for (guint i = index; i + 1 < self->stage_rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (self->stage_rows, i),
                                   stage_expanded (self, i + 1));
  queue_rebuild_stages (self);
}

static GtkWidget *
stage_button (SluiceCreateWizard *self,
              const char         *icon,
              const char         *label,
              guint               index,
              gboolean            sensitive,
              GCallback           callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "stage-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
suggestions_button (AdwEntryRow *entry)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (stage_suggestions); i++)
    {
      GtkWidget *item = gtk_button_new_with_label (stage_suggestions[i]);

      gtk_widget_add_css_class (item, "flat");
      g_signal_connect (item, "clicked", G_CALLBACK (suggestion_clicked_cb), entry);
      gtk_box_append (GTK_BOX (box), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Suggested names"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggested names"), -1);
  return menu_button;
}

static void
add_stage_cb (GtkButton          *button,
              SluiceCreateWizard *self)
{
  g_auto(GStrv) names = sluice_pipeline_draft_dup_stage_names (self->draft);
  const char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stage_suggestions) && name == NULL; i++)
    if (!g_strv_contains ((const char * const *) names, stage_suggestions[i]))
      name = stage_suggestions[i];
  sluice_pipeline_draft_add_stage (self->draft, name, NULL, NULL, NULL);
  g_object_set_data (G_OBJECT (self), "expand-stage",
                     GUINT_TO_POINTER (sluice_pipeline_draft_get_n_stages (self->draft)));
  rebuild_stages (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  SluiceCreateWizard *self = user_data;

  self->rebuild_id = 0;
  rebuild_stages (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilds the rows once the signal handler that asks for it has returned: a row must not be
 * destroyed while it is emitting. */
static void
queue_rebuild_stages (SluiceCreateWizard *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb, self, NULL);
}

static void
rebuild_stages (SluiceCreateWizard *self)
{
  guint n = sluice_pipeline_draft_get_n_stages (self->draft);
  guint expand = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "expand-stage"));
  const char *suggested_team = g_object_get_data (G_OBJECT (self), "suggested-team");
  GtkWidget *group;
  GtkWidget *add;

  g_autoptr(GArray) expanded = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Rows that were open stay open. */
  for (guint i = 0; i < self->stage_rows->len; i++)
    if (adw_expander_row_get_expanded (g_ptr_array_index (self->stage_rows, i)))
      g_array_append_val (expanded, i);
  g_ptr_array_set_size (self->stage_rows, 0);
  if (self->stages_group != NULL)
    gtk_box_remove (self->stages_box, self->stages_group);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Stages"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Deployed in this order. Names are lowercase letters, "
                                           "digits and dashes; a stage named “prod” is required."));
  add = gtk_button_new_with_mnemonic (_("_Add Stage"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (add, n < SLUICE_PIPELINE_STAGES_MAX);
  g_signal_connect (add, "clicked", G_CALLBACK (add_stage_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *name = adw_entry_row_new ();
      GtkWidget *environment = adw_combo_row_new ();
      GtkWidget *team = adw_combo_row_new ();
      g_autoptr(GListModel) environments = environment_names (self);
      g_autoptr(GListModel) teams = NULL;
      guint position = 0;

      /* A new environment's teams arrived: pick the pipeline's team if it is one of them. */
      if (stage->environment_uri != NULL && stage->team == NULL && suggested_team != NULL &&
          team_position (self, stage->environment_uri, suggested_team) > 0)
        sluice_pipeline_draft_set_stage_team (self->draft, i, suggested_team);
      teams = team_names (self, stage->environment_uri);

      g_object_set_data (G_OBJECT (row), "stage-index", GUINT_TO_POINTER (i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (environment), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (team), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Stage name"));
      gtk_editable_set_text (GTK_EDITABLE (name), stage->name ? stage->name : "");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (name), suggestions_button (ADW_ENTRY_ROW (name)));
      g_object_set_data (G_OBJECT (name), "stage-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (name), "expander", row);
      g_signal_connect (name, "changed", G_CALLBACK (stage_name_changed_cb), self);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (environment), _("Environment"));
      adw_combo_row_set_model (ADW_COMBO_ROW (environment), environments);
      adw_combo_row_set_selected (ADW_COMBO_ROW (environment),
                                  find_environment (self, stage->environment_uri, &position)
                                  ? position + 1 : 0);
      g_object_set_data (G_OBJECT (environment), "stage-index", GUINT_TO_POINTER (i));
      g_signal_connect (environment, "notify::selected",
                        G_CALLBACK (stage_environment_selected_cb), self);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (team), _("Team"));
      adw_combo_row_set_model (ADW_COMBO_ROW (team), teams);
      adw_combo_row_set_selected (ADW_COMBO_ROW (team),
                                  team_position (self, stage->environment_uri, stage->team));
      g_object_set_data (G_OBJECT (team), "stage-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (team), "expander", row);
      g_signal_connect (team, "notify::selected", G_CALLBACK (stage_team_selected_cb), self);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), environment);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), team);
      /* libadwaita 1.2 puts each action before the others: add them last to first. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   stage_button (self, "user-trash-symbolic", _("Remove Stage"), i,
                                                 TRUE, G_CALLBACK (stage_remove_cb)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   stage_button (self, "go-down-symbolic", _("Move Down"), i,
                                                 i + 1 < n, G_CALLBACK (stage_down_cb)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   stage_button (self, "go-up-symbolic", _("Move Up"), i, i > 0,
                                                 G_CALLBACK (stage_up_cb)));
      {
        GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

        gtk_widget_add_css_class (warning, "warning");
        gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Problem"), -1);
        adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), warning);
        g_object_set_data (G_OBJECT (row), "warning", warning);
      }
      g_ptr_array_add (self->stage_rows, row);
      update_stage_row (self, ADW_EXPANDER_ROW (row));
      for (guint j = 0; j < expanded->len; j++)
        if (g_array_index (expanded, guint, j) == i)
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      if (expand == i + 1)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  self->syncing = FALSE;
  g_object_set_data (G_OBJECT (self), "expand-stage", NULL);

  self->stages_group = group;
  gtk_box_prepend (self->stages_box, group);
  sluice_a11y_name_mnemonic_buttons (group);
  update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Datasets                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static guint
dataset_position (SluiceCreateWizard *self,
                  const char         *uri)
{
  guint n = self->datasets ? g_list_model_get_n_items (self->datasets) : 0;

  for (guint i = 0; uri != NULL && i < n; i++)
    {
      g_autoptr(SluiceDataset) dataset = g_list_model_get_item (self->datasets, i);

      if (g_strcmp0 (sluice_dataset_get_uri (dataset), uri) == 0)
        return i + 1;
    }
  return 0;
}

static void
sync_datasets (SluiceCreateWizard *self)
{
  g_autoptr(GtkStringList) input = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) output = gtk_string_list_new (NULL);
  guint n = self->datasets ? g_list_model_get_n_items (self->datasets) : 0;

  gtk_string_list_append (input, _("None"));
  gtk_string_list_append (output, _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceDataset) dataset = g_list_model_get_item (self->datasets, i);

      gtk_string_list_append (input, sluice_dataset_get_label (dataset));
      gtk_string_list_append (output, sluice_dataset_get_label (dataset));
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (self->input_row, G_LIST_MODEL (input));
  adw_combo_row_set_model (self->output_row, G_LIST_MODEL (output));
  adw_combo_row_set_selected (self->input_row,
                              dataset_position (self, sluice_pipeline_draft_get_input_dataset (self->draft)));
  adw_combo_row_set_selected (self->output_row,
                              dataset_position (self, sluice_pipeline_draft_get_output_dataset (self->draft)));
  self->syncing = FALSE;
}

static void
datasets_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SluiceCreateWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *datasets;

  datasets = sluice_dataall_client_list_datasets_finish (SLUICE_DATAALL_CLIENT (source), result,
                                                         &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->datasets_spinner, FALSE);
  if (datasets == NULL)
    {
      g_message ("Cannot list the datasets: %s", error->message);
      datasets = G_LIST_MODEL (g_list_store_new (SLUICE_TYPE_DATASET));
    }
  g_clear_object (&self->datasets);
  self->datasets = datasets;
  sync_datasets (self);
}

static void
load_datasets (SluiceCreateWizard *self)
{
  const char *environment = sluice_pipeline_draft_get_environment_uri (self->draft);
  const char *team = sluice_pipeline_draft_get_team (self->draft);
  g_autofree char *key = NULL;

  if (environment == NULL || team == NULL)
    return;
  key = g_strconcat (environment, "|", team, NULL);
  if (g_strcmp0 (key, self->datasets_key) == 0)
    return;
  g_free (self->datasets_key);
  self->datasets_key = g_steal_pointer (&key);
  gtk_spinner_set_spinning (self->datasets_spinner, TRUE);
  sluice_dataall_client_list_datasets_async (self->client, environment, team, self->cancellable,
                                             datasets_loaded_cb, g_object_ref (self));
}

static void
dataset_selected_cb (AdwComboRow        *combo,
                     GParamSpec         *pspec,
                     SluiceCreateWizard *self)
{
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(SluiceDataset) dataset = NULL;
  const char *uri;

  if (self->syncing)
    return;
  if (self->datasets != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    dataset = g_list_model_get_item (self->datasets, selected - 1);
  uri = dataset ? sluice_dataset_get_uri (dataset) : NULL;
  if (combo == self->input_row)
    sluice_pipeline_draft_set_input_dataset (self->draft, uri);
  else
    sluice_pipeline_draft_set_output_dataset (self->draft, uri);
}

static const char *
dataset_label (SluiceCreateWizard *self,
               const char         *uri)
{
  guint position = dataset_position (self, uri);
  g_autoptr(SluiceDataset) dataset = NULL;

  if (uri == NULL)
    return _("None");
  if (position == 0)
    return uri;
  dataset = g_list_model_get_item (self->datasets, position - 1);
  return sluice_dataset_get_label (dataset);
}

/* ------------------------------------------------------------------------------------------ */
/* Review                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
review_row (GtkWidget  *group,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && value[0] ? value : _("None"));
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
review_group (SluiceCreateWizard *self,
              const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->review_box, group);
  return group;
}

static void
rebuild_review (SluiceCreateWizard *self)
{
  SluicePipelineDraft *draft = self->draft;
  g_autofree char *repository = sluice_pipeline_draft_dup_repository_preview (draft, NULL);
  g_autofree char *tags = g_strjoinv (", ", (char **) sluice_pipeline_draft_get_tags (draft));
  g_autoptr(GPtrArray) plan = sluice_pipeline_draft_plan (draft, NULL);
  SluiceDevStrategy strategy = sluice_pipeline_draft_get_strategy (draft);
  GtkWidget *child;
  GtkWidget *group;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);

  group = review_group (self, _("Details"));
  review_row (group, _("Name"), sluice_pipeline_draft_get_name (draft));
  review_row (group, _("Repository name"), repository);
  review_row (group, _("Description"), sluice_pipeline_draft_get_description (draft));
  review_row (group, _("Tags"), tags);

  group = review_group (self, _("CI/CD"));
  review_row (group, _("Environment"), sluice_pipeline_draft_get_environment_label (draft));
  review_row (group, _("Team"), sluice_pipeline_draft_get_team (draft));
  review_row (group, _("Development strategy"), sluice_dev_strategy_get_title (strategy));
  review_row (group, _("Template"), sluice_pipeline_draft_get_template (draft));

  group = review_group (self, _("Stages"));
  for (guint i = 0; i < sluice_pipeline_draft_get_n_stages (draft); i++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (draft, i);
      g_autofree char *title = stage_title (i, stage);
      g_autofree char *value = g_strdup_printf (_("%s, team %s"), stage->environment_label,
                                                stage->team);

      review_row (group, title, value);
    }

  group = review_group (self, _("Datasets"));
  review_row (group, _("Input dataset"),
              dataset_label (self, sluice_pipeline_draft_get_input_dataset (draft)));
  review_row (group, _("Output dataset"),
              dataset_label (self, sluice_pipeline_draft_get_output_dataset (draft)));

  group = review_group (self, _("What data.all will create"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         sluice_dev_strategy_get_summary (strategy));
  for (guint i = 0; i < plan->len; i++)
    {
      SluicePlannedPipeline *planned = g_ptr_array_index (plan, i);
      g_autofree char *steps = g_strjoinv (" → ", planned->actions);
      g_autofree char *value = g_strdup_printf (_("Branch %s: %s"), planned->branch, steps);

      review_row (group, planned->name, value);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Creating                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
update_progress (SluiceCreateWizard *self)
{
  guint n = sluice_pipeline_creator_get_n_steps (self->creator);
  const GError *failure = NULL;
  g_autofree char *failure_message = NULL;
  gboolean refused;
  gboolean has_pipeline = sluice_pipeline_creator_get_pipeline (self->creator) != NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("step-%u", i);
      GtkWidget *step_row = g_object_get_data (G_OBJECT (self->progress_group), key);
      GtkWidget *spinner = g_object_get_data (G_OBJECT (step_row), "spinner");
      GtkWidget *icon = g_object_get_data (G_OBJECT (step_row), "icon");
      SluiceCreateStepState state = sluice_pipeline_creator_get_step_state (self->creator, i);
      g_autofree char *message = sluice_pipeline_creator_dup_step_message (self->creator, i);

      gtk_widget_set_visible (spinner, state == SLUICE_CREATE_STEP_RUNNING);
      gtk_spinner_set_spinning (GTK_SPINNER (spinner), state == SLUICE_CREATE_STEP_RUNNING);
      gtk_widget_set_visible (icon, state != SLUICE_CREATE_STEP_RUNNING);
      switch (state)
        {
        case SLUICE_CREATE_STEP_DONE:
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), _("Done"));
          break;
        case SLUICE_CREATE_STEP_FAILED:
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), message ? message : "");
          if (failure == NULL)
            {
              failure = sluice_pipeline_creator_get_step_error (self->creator, i);
              failure_message = g_steal_pointer (&message);
            }
          break;
        case SLUICE_CREATE_STEP_RUNNING:
          adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), _("In progress…"));
          break;
        case SLUICE_CREATE_STEP_PENDING:
        default:
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "content-loading-symbolic");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), _("Waiting"));
          break;
        }
    }

  refused = sluice_pipeline_creator_get_refused_fields (self->creator) != NULL;
  if (self->creating)
    show_error_label (self->progress_message, NULL);
  else if (failure != NULL && has_pipeline)
    {
      g_autofree char *text = g_strdup_printf (_("The pipeline was created, but not all of its "
                                                 "stages: %s You can retry the remaining stages "
                                                 "or open the pipeline."), failure_message);
      show_error_label (self->progress_message, text);
    }
  else if (failure != NULL)
    show_error_label (self->progress_message, failure_message);
  else
    show_error_label (self->progress_message, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->details_expander),
                          !self->creating && failure != NULL &&
                          sluice_dataall_error_get_detail (failure) != NULL);
  gtk_label_set_label (self->details_label, failure ? sluice_dataall_error_get_detail (failure) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->without_button), !self->creating && refused);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          !self->creating && failure != NULL && !refused);
  gtk_button_set_label (self->retry_button, has_pipeline ? _("_Retry Remaining Stages")
                                                         : _("_Retry"));
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), !self->creating && has_pipeline);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self->progress_box));
}

static void
step_changed_cb (SluiceCreateWizard *self)
{
  if (sluice_pipeline_creator_get_pipeline (self->creator) != NULL && self->account != NULL)
    {
      /* The pipeline exists: the draft must not create it a second time. */
      sluice_pipeline_draft_discard (self->settings, sluice_account_get_id (self->account));
    }
  update_progress (self);
}

static void
emit_created_and_close (SluiceCreateWizard *self)
{
  SluicePipeline *pipeline = sluice_pipeline_creator_get_pipeline (self->creator);

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, sluice_pipeline_get_uri (pipeline));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SluiceCreateWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = sluice_pipeline_creator_run_finish (SLUICE_PIPELINE_CREATOR (source), result, &error);
  self->creating = FALSE;
  g_clear_object (&self->create_cancellable);
  if (self->account == NULL)
    return; /* closed meanwhile */
  update_progress (self);
  update_state (self);
  if (done)
    {
      /* Everything was created: the draft has served. */
      g_clear_object (&self->draft);
      self->draft = sluice_pipeline_draft_new ();
      sluice_pipeline_draft_discard (self->settings, sluice_account_get_id (self->account));
      emit_created_and_close (self);
    }
}

static void
start_run (SluiceCreateWizard *self)
{
  self->creating = TRUE;
  self->create_cancellable = g_cancellable_new ();
  update_progress (self);
  update_state (self);
  sluice_pipeline_creator_run_async (self->creator, self->create_cancellable, run_done_cb,
                                     g_object_ref (self));
}

static void
start_creating (SluiceCreateWizard *self)
{
  guint n;

  save_now (self);
  g_clear_object (&self->creator);
  self->creator = sluice_pipeline_creator_new (self->client, self->draft);
  g_signal_connect_object (self->creator, "step-changed", G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->progress_group != NULL)
    gtk_box_remove (self->progress_box, self->progress_group);
  self->progress_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->progress_group),
                                   _("Creating the pipeline"));
  n = sluice_pipeline_creator_get_n_steps (self->creator);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spinner = gtk_spinner_new ();
      GtkWidget *icon = gtk_image_new ();
      g_autofree char *title = sluice_pipeline_creator_dup_step_title (self->creator, i);
      g_autofree char *key = g_strdup_printf ("step-%u", i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "spinner", spinner);
      g_object_set_data (G_OBJECT (row), "icon", icon);
      g_object_set_data (G_OBJECT (self->progress_group), key, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->progress_group), row);
    }
  gtk_box_prepend (self->progress_box, self->progress_group);

  self->page = PROGRESS_PAGE;
  gtk_stack_set_visible_child_name (self->stack, "progress");
  start_run (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Navigation and state                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* Why Next is unavailable on the current page, or NULL. */
static char *
blocking_reason (SluiceCreateWizard *self)
{
  char *message = NULL;
  const char *cicd = sluice_pipeline_draft_get_environment_uri (self->draft);

  switch (self->page)
    {
    case 0:
      sluice_pipeline_draft_validate_details (self->draft, &message);
      return message;
    case 1:
      if (self->environments == NULL && self->load_error != NULL)
        return g_strdup (self->load_error);
      if (self->environments == NULL)
        return g_strdup (_("Loading the environments…"));
      if (!sluice_pipeline_draft_validate_cicd (self->draft, &message))
        return message;
      if (!g_hash_table_contains (self->environment_info, cicd))
        return g_strdup_printf (_("Checking whether environment %s has pipelines enabled…"),
                                sluice_pipeline_draft_get_environment_label (self->draft));
      if (!pipelines_enabled (self, cicd))
        return g_strdup_printf (_("Pipelines are disabled in environment %s. Choose another "
                                  "environment or ask its administrators to enable them."),
                                sluice_pipeline_draft_get_environment_label (self->draft));
      return NULL;
    case 2:
      if (!sluice_pipeline_draft_validate_stages (self->draft, &message))
        return message;
      for (guint i = 0; i < sluice_pipeline_draft_get_n_stages (self->draft); i++)
        {
          const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, i);

          if (!pipelines_enabled (self, stage->environment_uri))
            return g_strdup_printf (_("Pipelines are disabled in environment %s, which stage "
                                      "“%s” uses."), stage->environment_label, stage->name);
        }
      return NULL;
    case 3:
      return NULL;
    case 4:
      sluice_pipeline_draft_validate (self->draft, &message);
      return message;
    default:
      return NULL;
    }
}

static void
update_state (SluiceCreateWizard *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *name_message = NULL;
  g_autofree char *description_message = NULL;
  g_autofree char *stages_message = NULL;
  g_autofree char *repository = NULL;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  int left;

  if (self->draft == NULL || self->stack == NULL)
    return;

  /* Details: at the fields. */
  if (sluice_pipeline_draft_get_name (self->draft) != NULL)
    sluice_pipeline_validate_name (sluice_pipeline_draft_get_name (self->draft), &name_message);
  show_error_label (self->name_error, name_message);
  if (name_message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  repository = sluice_pipeline_draft_dup_repository_preview (self->draft, NULL);
  adw_action_row_set_subtitle (self->repository_row, repository);
  left = sluice_pipeline_draft_get_description_left (self->draft);
  if (left >= 0)
    count = g_strdup_printf (ngettext ("%d character left", "%d characters left", left), left);
  else
    count = g_strdup_printf (ngettext ("%d character too many", "%d characters too many", -left),
                             -left);
  gtk_label_set_label (self->description_count, count);
  if (left < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->description_count), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->description_count), "error");
  sluice_pipeline_draft_validate_description (self->draft, &description_message);
  show_error_label (self->description_error, description_message);
  gtk_widget_set_visible (GTK_WIDGET (self->discard_button),
                          !sluice_pipeline_draft_is_empty (self->draft));

  /* Stages: the rule for the whole list (names), once there are rows to fix. A stage without
   * an environment or a team is no error, only unfinished: its row and the bar say so. */
  if (sluice_pipeline_draft_get_n_stages (self->draft) > 0)
    {
      g_auto(GStrv) names = sluice_pipeline_draft_dup_stage_names (self->draft);

      sluice_pipeline_validate_stage_names ((const char * const *) names, &stages_message);
    }
  show_error_label (self->stages_error, stages_message);

  /* Navigation. */
  if (self->page < N_PAGES)
    subtitle = g_strdup_printf (_("Step %u of %u"), self->page + 1, (guint) N_PAGES);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  reason = self->page < N_PAGES ? blocking_reason (self) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 self->page < N_PAGES && reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 self->page > 0 && self->page < N_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->page < N_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->page < N_PAGES);
  gtk_button_set_label (self->next_button,
                        self->page == N_PAGES - 1 ? _("_Create Pipeline") : _("_Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), reason);
  gtk_label_set_label (self->reason_label, reason ? reason : "");
  gtk_revealer_set_reveal_child (self->reason_revealer, reason != NULL);
  gtk_button_set_label (self->cancel_button,
                        self->page == PROGRESS_PAGE && !self->creating ? _("_Close") : _("_Cancel"));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self->next_button));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self->cancel_button));
}

static void
show_page (SluiceCreateWizard *self,
           guint               page)
{
  self->page = page;
  if (page == 2 && sluice_pipeline_draft_get_n_stages (self->draft) == 0)
    {
      /* A start most pipelines keep: a development stage and production. */
      sluice_pipeline_draft_add_stage (self->draft, "dev", NULL, NULL, NULL);
      sluice_pipeline_draft_add_stage (self->draft, "prod", NULL, NULL, NULL);
      g_object_set_data (G_OBJECT (self), "expand-stage", GUINT_TO_POINTER (1));
      rebuild_stages (self);
    }
  if (page == 3)
    load_datasets (self);
  if (page == 4)
    rebuild_review (self);
  gtk_stack_set_visible_child_name (self->stack, pages[page]);
  update_state (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->page + 1 < N_PAGES)
    show_page (self, self->page + 1);
  else if (self->page == N_PAGES - 1)
    start_creating (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->page > 0 && self->page < N_PAGES)
    show_page (self, self->page - 1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creating)
    {
      g_cancellable_cancel (self->create_cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
sync_all (SluiceCreateWizard *self);

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  g_signal_handlers_disconnect_by_func (self->draft, draft_changed_cb, self);
  g_clear_object (&self->draft);
  self->draft = sluice_pipeline_draft_new ();
  g_signal_connect_swapped (self->draft, "changed", G_CALLBACK (draft_changed_cb), self);
  sluice_pipeline_draft_discard (self->settings, sluice_account_get_id (self->account));
  g_clear_handle_id (&self->save_id, g_source_remove);
  sync_all (self);
  show_page (self, 0);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creator != NULL && !self->creating)
    start_run (self);
}

static void
without_legacy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creator == NULL || self->creating)
    return;
  /* The draft forgets them too, so that it matches what is created. */
  sluice_pipeline_draft_set_template (self->draft, NULL);
  sluice_pipeline_draft_set_input_dataset (self->draft, NULL);
  sluice_pipeline_draft_set_output_dataset (self->draft, NULL);
  sluice_pipeline_creator_drop_legacy_fields (self->creator);
  start_run (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (widget);

  if (self->creator != NULL && sluice_pipeline_creator_get_pipeline (self->creator) != NULL)
    emit_created_and_close (self);
}

/* Puts the draft into the widgets. */
static void
sync_all (SluiceCreateWizard *self)
{
  const char *description = sluice_pipeline_draft_get_description (self->draft);
  const char *template = sluice_pipeline_draft_get_template (self->draft);
  const char *name = sluice_pipeline_draft_get_name (self->draft);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description ? description : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->template_row), template ? template : "");
  gtk_check_button_set_active (self->strategy_checks[sluice_pipeline_draft_get_strategy (self->draft)],
                               TRUE);
  self->syncing = FALSE;
  rebuild_tags (self);
  sync_cicd (self);
  rebuild_stages (self);
  sync_datasets (self);
  update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
sluice_create_wizard_close_request (GtkWindow *window)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (window);

  save_now (self);
  g_cancellable_cancel (self->cancellable);
  if (self->create_cancellable != NULL)
    g_cancellable_cancel (self->create_cancellable);

  return GTK_WINDOW_CLASS (sluice_create_wizard_parent_class)->close_request (window);
}

static void
sluice_create_wizard_dispose (GObject *object)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->create_cancellable != NULL)
    g_cancellable_cancel (self->create_cancellable);
  if (self->save_id != 0)
    save_now (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, draft_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CREATE_WIZARD);

  g_clear_object (&self->creator);
  g_clear_object (&self->draft);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->create_cancellable);
  g_clear_object (&self->environments);
  g_clear_object (&self->datasets);
  g_clear_pointer (&self->environment_info, g_hash_table_unref);
  g_clear_pointer (&self->teams, g_hash_table_unref);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  self->stages_group = NULL;
  self->progress_group = NULL;
  if (self->stage_rows != NULL)
    g_ptr_array_set_size (self->stage_rows, 0);

  G_OBJECT_CLASS (sluice_create_wizard_parent_class)->dispose (object);
}

static void
sluice_create_wizard_finalize (GObject *object)
{
  SluiceCreateWizard *self = SLUICE_CREATE_WIZARD (object);

  g_clear_pointer (&self->datasets_key, g_free);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_create_wizard_parent_class)->finalize (object);
}

static void
sluice_create_wizard_class_init (SluiceCreateWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sluice_create_wizard_dispose;
  object_class->finalize = sluice_create_wizard_finalize;
  window_class->close_request = sluice_create_wizard_close_request;

  /**
   * SluiceCreateWizard::created:
   * @pipeline_uri: the new pipeline's URI
   *
   * Emitted when the pipeline and all its stages were created (the wizard then closes), or
   * when the user opens a pipeline whose stages were not all created.
   */
  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sluice/Sluice/ui/sluice-create-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, name_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, repository_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, name_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, description_view);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, description_count);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, description_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, tag_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, discard_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, cicd_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, environment_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, team_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, cicd_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, strategy_group);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, template_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, stages_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, stages_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, datasets_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, input_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, output_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, review_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, progress_message);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, details_expander);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, details_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, open_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, without_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, reason_revealer);
  gtk_widget_class_bind_template_child (widget_class, SluiceCreateWizard, reason_label);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wizard.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "wizard.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "wizard.without-legacy", NULL,
                                   without_legacy_action);
  gtk_widget_class_install_action (widget_class, "wizard.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "wizard.next", NULL);
}

static void
sluice_create_wizard_init (SluiceCreateWizard *self)
{
  GtkCheckButton *first = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->environment_info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->loading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stage_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (self->strategy_checks); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sluice_dev_strategy_get_title ((SluiceDevStrategy) i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sluice_dev_strategy_get_summary ((SluiceDevStrategy) i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      /* The row names its activatable widget after its title: no label of our own, or
       * GTK 4.8 reads the name twice. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (strategy_toggled_cb), self);
      self->strategy_checks[i] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (self->strategy_group, row);
    }

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->tag_row, "apply", G_CALLBACK (tag_apply_cb), self);
  g_signal_connect_swapped (self->tag_row, "entry-activated", G_CALLBACK (tag_apply_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (description_changed_cb), self);
  g_signal_connect_swapped (self->template_row, "changed", G_CALLBACK (template_changed_cb), self);
  g_signal_connect_swapped (self->environment_row, "notify::selected",
                            G_CALLBACK (environment_selected_cb), self);
  g_signal_connect_swapped (self->team_row, "notify::selected", G_CALLBACK (team_selected_cb), self);
  g_signal_connect (self->input_row, "notify::selected", G_CALLBACK (dataset_selected_cb), self);
  g_signal_connect (self->output_row, "notify::selected", G_CALLBACK (dataset_selected_cb), self);

  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/**
 * sluice_create_wizard_new:
 * @parent: (nullable): the window it belongs to
 * @account: the signed-in account to create the pipeline in
 *
 * The wizard, with the account's saved draft if there is one. Present it with
 * gtk_window_present(); it emits #SluiceCreateWizard::created with the new pipeline's URI.
 */
SluiceCreateWizard *
sluice_create_wizard_new (GtkWindow     *parent,
                          SluiceAccount *account)
{
  SluiceCreateWizard *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);

  self = g_object_new (SLUICE_TYPE_CREATE_WIZARD, "transient-for", parent, NULL);
  /* One of the application's windows: its shortcuts (Ctrl+Q) work here too, and quitting
   * closes the wizard like the others, which saves the draft. */
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->account = g_object_ref (account);
  self->client = g_object_ref (sluice_account_get_client (account));
  self->settings = sluice_settings_new ();
  self->draft = sluice_pipeline_draft_load (self->settings, sluice_account_get_id (account));
  if (self->draft == NULL)
    self->draft = sluice_pipeline_draft_new ();
  g_signal_connect_swapped (self->draft, "changed", G_CALLBACK (draft_changed_cb), self);

  sync_all (self);
  show_page (self, 0);
  sluice_dataall_client_list_environments_async (self->client, self->cancellable,
                                                 environments_loaded_cb, g_object_ref (self));
  update_spinners (self);
  return self;
}

SluiceAccount *
sluice_create_wizard_get_account (SluiceCreateWizard *self)
{
  g_return_val_if_fail (SLUICE_IS_CREATE_WIZARD (self), NULL);
  return self->account;
}

/**
 * sluice_create_wizard_get_page:
 *
 * Returns: the visible step: "details", "cicd", "stages", "datasets", "review" or "progress"
 */
const char *
sluice_create_wizard_get_page (SluiceCreateWizard *self)
{
  g_return_val_if_fail (SLUICE_IS_CREATE_WIZARD (self), NULL);
  return self->page < N_PAGES ? pages[self->page] : "progress";
}
