/* sluice-stage-branches.c: a GitFlow pipeline's stage branches missing on the remote
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stage-branches"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-git.h"
#include "sluice-stage-branches.h"

/**
 * SluiceStageBranches:
 *
 * A GitFlow pipeline builds `main` for its prod stage and the branch named after each other
 * stage: until that branch exists, the stage's CodePipeline finds nothing to build (GitFlow's
 * first-run failure). This group lists the branches missing on the remote (the git layer's
 * own listing) and offers Create Missing Branches: after a confirmation naming them, each is
 * created from `main` and pushed without a local clone, one after the other, with a result
 * per branch; a push to a stage branch starts that stage's pipeline. It runs cancellable, with
 * progress.
 */
struct _SluiceStageBranches
{
  AdwPreferencesGroup parent_instance;

  SluiceAccount      *account;
  SluicePipeline     *pipeline;
  SluiceGitRemote    *remote;
  GCancellable       *cancellable;        /* the listing */
  GCancellable       *create_cancellable; /* the run of Create Missing Branches */
  GStrv               missing;            /* as last listed, less those created since */
  GStrv               shown;              /* the branches with a row */
  GHashTable         *results;            /* branch → its sentence */
  GHashTable         *created;            /* the branches this run pushed */
  GPtrArray          *rows;
  guint               next;               /* the branch being created */
  guint               n_done;
  gboolean            listing;

  GtkWidget          *suffix;
  GtkWidget          *create_button;
  GtkWidget          *cancel_button;
  GtkWidget          *spinner;
  GtkWidget          *progress_bar;
  GtkWidget          *status_row;
};

G_DEFINE_FINAL_TYPE (SluiceStageBranches, sluice_stage_branches, ADW_TYPE_PREFERENCES_GROUP)

static void create_next (SluiceStageBranches *self);

static gboolean
is_busy (SluiceStageBranches *self)
{
  return self->listing || self->create_cancellable != NULL;
}

static void
clear_rows (SluiceStageBranches *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
set_status (SluiceStageBranches *self,
            const char          *title,
            const char          *subtitle)
{
  gtk_widget_set_visible (self->status_row, title != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), subtitle);
}

/* One row per branch, with its result once Create Missing Branches reached it. */
static void
update (SluiceStageBranches *self)
{
  gboolean creating = self->create_cancellable != NULL;
  guint n_missing = self->missing != NULL ? g_strv_length (self->missing) : 0;
  guint n_shown = self->shown != NULL ? g_strv_length (self->shown) : 0;

  clear_rows (self);
  for (guint i = 0; i < n_shown; i++)
    {
      const char *branch = self->shown[i];
      const char *result = g_hash_table_lookup (self->results, branch);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), branch);
      if (result != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), result);
      else if (creating && i == self->next)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Creating from main and pushing…"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Missing on the remote: this stage’s pipeline finds nothing to build."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->spinner, self->listing);
  gtk_widget_set_visible (self->create_button, !is_busy (self) && n_missing > 0);
  gtk_widget_set_visible (self->cancel_button, creating);
  gtk_widget_set_visible (self->progress_bar, creating);
  if (creating && n_shown > 0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), (double) self->n_done / n_shown);
  if (!self->listing && !creating && n_shown == 0 && self->missing != NULL)
    set_status (self, _("Every stage has its branch"), NULL);
  else if (!self->listing && self->missing == NULL && self->remote == NULL)
    ; /* the status row says why already */
  else if (self->listing)
    set_status (self, _("Looking for the stage branches on the remote…"), NULL);
  else
    set_status (self, NULL, NULL);
}

static void
branches_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SluiceStageBranches) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;

  branches = sluice_git_remote_list_branches_finish (SLUICE_GIT_REMOTE (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->listing = FALSE;
  if (branches == NULL)
    {
      g_clear_pointer (&self->missing, g_strfreev);
      g_clear_pointer (&self->shown, g_strfreev);
      update (self);
      set_status (self, _("Could not list the branches"), error->message);
      return;
    }
  g_clear_pointer (&self->missing, g_strfreev);
  self->missing = sluice_git_missing_stage_branches (self->pipeline, (const char * const *) branches);
  g_clear_pointer (&self->shown, g_strfreev);
  self->shown = g_strdupv (self->missing);
  g_hash_table_remove_all (self->results);
  update (self);
}

/**
 * sluice_stage_branches_refresh:
 * @self: a #SluiceStageBranches
 *
 * Lists the remote's branches again, unless a listing or Create Missing Branches runs.
 */
void
sluice_stage_branches_refresh (SluiceStageBranches *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SLUICE_IS_STAGE_BRANCHES (self));

  if (is_busy (self) || self->pipeline == NULL)
    return;
  g_clear_object (&self->remote);
  self->remote = sluice_git_remote_new_for_pipeline (self->account, self->pipeline, &error);
  if (self->remote == NULL)
    {
      g_clear_pointer (&self->missing, g_strfreev);
      g_clear_pointer (&self->shown, g_strfreev);
      update (self);
      set_status (self, _("Could not list the branches"), error->message);
      return;
    }
  self->listing = TRUE;
  update (self);
  sluice_git_remote_list_branches_async (self->remote, self->cancellable, branches_listed_cb, g_object_ref (self));
}

static void
finish_run (SluiceStageBranches *self)
{
  g_autoptr(GStrvBuilder) still = g_strv_builder_new ();

  /* What is still missing: the branches that failed or were not reached. */
  for (guint i = 0; self->shown != NULL && self->shown[i] != NULL; i++)
    if (!g_hash_table_contains (self->created, self->shown[i]))
      g_strv_builder_add (still, self->shown[i]);
  g_strfreev (self->missing);
  self->missing = g_strv_builder_end (still);
  g_clear_object (&self->create_cancellable);
  update (self);
}

static void
branch_created_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SluiceStageBranches) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *branch;

  if (self->create_cancellable == NULL) /* disposed */
    return;
  branch = self->shown[self->next];
  if (sluice_git_remote_create_branch_finish (SLUICE_GIT_REMOTE (source), result, &error))
    {
      g_hash_table_insert (self->results, g_strdup (branch),
                           g_strdup (_("Created from main: its pipeline starts now.")));
      g_hash_table_add (self->created, g_strdup (branch));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      for (guint i = self->next; self->shown[i] != NULL; i++)
        g_hash_table_insert (self->results, g_strdup (self->shown[i]), g_strdup (_("Not created: cancelled.")));
      finish_run (self);
      return;
    }
  else
    {
      /* Translators: %s is the reason, a sentence */
      g_hash_table_insert (self->results, g_strdup (branch), g_strdup_printf (_("Failed: %s"), error->message));
    }
  self->n_done++;
  self->next++;
  create_next (self);
}

static void
create_next (SluiceStageBranches *self)
{
  if (self->shown[self->next] == NULL)
    {
      finish_run (self);
      return;
    }
  update (self);
  sluice_git_remote_create_branch_async (self->remote, self->shown[self->next], "main",
                                         self->create_cancellable, branch_created_cb, g_object_ref (self));
}

static void
start_run (SluiceStageBranches *self)
{
  if (is_busy (self) || self->missing == NULL || self->missing[0] == NULL || self->remote == NULL)
    return;
  g_strfreev (self->shown);
  self->shown = g_strdupv (self->missing);
  g_hash_table_remove_all (self->results);
  g_hash_table_remove_all (self->created);
  self->next = 0;
  self->n_done = 0;
  self->create_cancellable = g_cancellable_new ();
  create_next (self);
}

static void
confirm_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     SluiceStageBranches *self)
{
  if (g_strcmp0 (response, "create") == 0)
    start_run (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceStageBranches *self = SLUICE_STAGE_BRANCHES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *names = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (is_busy (self) || self->missing == NULL || self->missing[0] == NULL)
    return;
  /* Translators: the separator between branch names */
  names = g_strjoinv (_(", "), self->missing);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Sluice creates the branch %s from main on the remote and pushes it. "
                                       "CodePipeline then runs that stage’s pipeline.",
                                       "Sluice creates the branches %s from main on the remote and pushes them. "
                                       "CodePipeline then runs those stages’ pipelines.",
                                       g_strv_length (self->missing)),
                          names);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Create the Missing Branches?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate Branches"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceStageBranches *self = SLUICE_STAGE_BRANCHES (widget);

  if (self->create_cancellable != NULL)
    g_cancellable_cancel (self->create_cancellable);
}

static void
sluice_stage_branches_dispose (GObject *object)
{
  SluiceStageBranches *self = SLUICE_STAGE_BRANCHES (object);

  g_cancellable_cancel (self->cancellable);
  if (self->create_cancellable != NULL)
    g_cancellable_cancel (self->create_cancellable);
  g_clear_object (&self->create_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->remote);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (sluice_stage_branches_parent_class)->dispose (object);
}

static void
sluice_stage_branches_finalize (GObject *object)
{
  SluiceStageBranches *self = SLUICE_STAGE_BRANCHES (object);

  g_strfreev (self->missing);
  g_strfreev (self->shown);
  g_hash_table_unref (self->results);
  g_hash_table_unref (self->created);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (sluice_stage_branches_parent_class)->finalize (object);
}

static void
sluice_stage_branches_class_init (SluiceStageBranchesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stage_branches_dispose;
  object_class->finalize = sluice_stage_branches_finalize;

  gtk_widget_class_install_action (widget_class, "branches.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "branches.cancel", NULL, cancel_action);
}

static void
sluice_stage_branches_init (SluiceStageBranches *self)
{
  self->cancellable = g_cancellable_new ();
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Stage Branches"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("GitFlow builds main for prod and the branch named after each other stage."));

  self->suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->suffix, GTK_ALIGN_CENTER);
  self->spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
  gtk_box_append (GTK_BOX (self->suffix), self->spinner);
  self->progress_bar = gtk_progress_bar_new ();
  gtk_widget_set_valign (self->progress_bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->progress_bar, 120, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Creating the branches"), -1);
  gtk_box_append (GTK_BOX (self->suffix), self->progress_bar);
  self->create_button = gtk_button_new_with_mnemonic (_("Create _Missing Branches…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->create_button), "branches.create");
  gtk_widget_set_tooltip_text (self->create_button, _("Create the missing stage branches from main and push them"));
  gtk_box_append (GTK_BOX (self->suffix), self->create_button);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "branches.cancel");
  gtk_widget_set_tooltip_text (self->cancel_button, _("Stop creating branches; those pushed stay"));
  gtk_box_append (GTK_BOX (self->suffix), self->cancel_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->suffix);
  sluice_a11y_name_mnemonic_buttons (self->suffix);

  self->status_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->status_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->status_row);
  update (self);
}

/**
 * sluice_stage_branches_new:
 * @account: the account whose pipelines' keys sign the git requests
 */
GtkWidget *
sluice_stage_branches_new (SluiceAccount *account)
{
  SluiceStageBranches *self;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);

  self = g_object_new (SLUICE_TYPE_STAGE_BRANCHES, NULL);
  self->account = g_object_ref (account);
  return GTK_WIDGET (self);
}

/**
 * sluice_stage_branches_set_pipeline:
 * @self: a #SluiceStageBranches
 * @pipeline: a GitFlow pipeline, from getDataPipeline
 *
 * Lists @pipeline's branches, unless it is the pipeline shown and a run is under way (a
 * reload of the page does not stop it).
 */
void
sluice_stage_branches_set_pipeline (SluiceStageBranches *self,
                                    SluicePipeline      *pipeline)
{
  g_return_if_fail (SLUICE_IS_STAGE_BRANCHES (self));
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  if (is_busy (self) && self->pipeline != NULL &&
      g_strcmp0 (sluice_pipeline_get_uri (self->pipeline), sluice_pipeline_get_uri (pipeline)) == 0)
    {
      g_set_object (&self->pipeline, pipeline);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->listing = FALSE;
  g_set_object (&self->pipeline, pipeline);
  sluice_stage_branches_refresh (self);
}

/**
 * sluice_stage_branches_get_missing:
 * @self: a #SluiceStageBranches
 *
 * Returns: (nullable): the branches missing as last listed (less those created since), or
 *   %NULL while nothing is known
 */
const char * const *
sluice_stage_branches_get_missing (SluiceStageBranches *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_BRANCHES (self), NULL);

  return (const char * const *) self->missing;
}

/**
 * sluice_stage_branches_get_busy:
 * @self: a #SluiceStageBranches
 *
 * Returns: whether it is listing the branches or creating them
 */
gboolean
sluice_stage_branches_get_busy (SluiceStageBranches *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_BRANCHES (self), FALSE);

  return is_busy (self);
}

/**
 * sluice_stage_branches_get_result:
 * @self: a #SluiceStageBranches
 * @branch: a branch of the last run
 *
 * Returns: (nullable): the sentence shown for @branch after Create Missing Branches
 */
const char *
sluice_stage_branches_get_result (SluiceStageBranches *self,
                                  const char          *branch)
{
  g_return_val_if_fail (SLUICE_IS_STAGE_BRANCHES (self), NULL);

  return g_hash_table_lookup (self->results, branch);
}
