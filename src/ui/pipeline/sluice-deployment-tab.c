/* sluice-deployment-tab.c: the pipeline page's Deployment tab: a clone's ddk.json, committed
 * and pushed
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-deployment-tab"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-clone-dialog.h"
#include "sluice-ddk-config.h"
#include "sluice-deployment-tab.h"
#include "sluice-deployment-view.h"
#include "sluice-git.h"
#include "sluice-settings.h"

#define DDK_FILE "ddk.json"
#define TRUNK "main"
/* Not translated: the repository's history is shared by everyone on the pipeline, whatever
 * language their desktop speaks. */
#define COMMIT_MESSAGE "Configure multi-account deployment"

/**
 * SluiceDeploymentTab:
 *
 * The Deployment tab: the ddk.json of the pipeline's clone (the one Sluice made, or any
 * local clone of the repository the user points at) in a #SluiceDeploymentView. When the view
 * has saved the file, the tab commits it ("Configure multi-account deployment") and pushes it
 * to `main` through the git layer, with the clone's HEAD as the expected parent; the clone's
 * `main` then moves to the pushed commit. A refused push leaves the form and the saved file
 * as they are, with a sentence and Try Again.
 */
struct _SluiceDeploymentTab
{
  AdwBin                parent_instance;

  SluiceAccount        *account;
  SluicePipeline       *pipeline;
  GSettings            *settings;
  GCancellable         *cancellable;   /* the tab's life */
  GCancellable         *push_cancellable;
  GtkFileChooserNative *chooser;
  char                 *clone_path;
  gboolean              requested;

  GtkStack             *stack;
  AdwStatusPage        *no_clone_page;
  AdwStatusPage        *error_page;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkWidget            *result_box;
  GtkLabel             *result_label;
  GtkWidget            *retry_button;
  GtkLabel             *clone_label;
  SluiceDeploymentView *view;
};

G_DEFINE_FINAL_TYPE (SluiceDeploymentTab, sluice_deployment_tab, ADW_TYPE_BIN)

typedef struct
{
  char *directory;
  char *url;
} CloneCheck;

static void
clone_check_free (gpointer data)
{
  CloneCheck *check = data;

  g_free (check->directory);
  g_free (check->url);
  g_free (check);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
show_error (SluiceDeploymentTab *self,
            const char          *title,
            const char          *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_result (SluiceDeploymentTab *self,
             const char          *message,
             gboolean             failed,
             gboolean             can_retry)
{
  gtk_label_set_text (self->result_label, message);
  if (failed)
    gtk_widget_add_css_class (self->result_box, "error");
  else
    gtk_widget_remove_css_class (self->result_box, "error");
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_widget_set_visible (self->result_box, message != NULL);
}

static void
set_pushing (SluiceDeploymentTab *self,
             gboolean             pushing)
{
  gtk_widget_set_visible (self->progress_box, pushing);
  /* The form keeps its values; it is only not editable while its file is committed. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->view), !pushing);
  if (pushing)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_text (self->progress_label, _("Connecting…"));
      show_result (self, NULL, FALSE, FALSE);
    }
}

/* The clone's folder as people write it: ~/Projects/<repository>. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);

  if (n > 1 && g_str_has_prefix (path, home) && (path[n] == '/' || path[n] == '\0'))
    return g_strconcat ("~", path + n, NULL);
  return g_strdup (path);
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SluiceDeploymentTab) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) config = sluice_ddk_config_load_finish (result, &error);
  g_autofree char *where = NULL;
  g_autofree char *folder = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (config == NULL)
    {
      show_error (self, _("Could Not Read ddk.json"), error->message);
      return;
    }
  sluice_deployment_view_set_pipeline (self->view, self->pipeline);
  sluice_deployment_view_set_config (self->view, config);
  folder = display_path (self->clone_path);
  /* TRANSLATORS: the first %s is a folder, e.g. ~/Projects/dataall-sales-ingest; the second
   * the commit message, which stays in English */
  where = g_strdup_printf (_("ddk.json of the clone in %s. Saving commits it (“%s”) and pushes it to main."),
                           folder, COMMIT_MESSAGE);
  gtk_label_set_text (self->clone_label, where);
  show_result (self, NULL, FALSE, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
load_clone (SluiceDeploymentTab *self)
{
  g_autofree char *path = g_build_filename (self->clone_path, DDK_FILE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  sluice_ddk_config_load_async (file, self->cancellable, loaded_cb, g_object_ref (self));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SluiceDeploymentTab) self = SLUICE_DEPLOYMENT_TAB (source);
  g_autoptr(GError) error = NULL;
  const CloneCheck *check = g_task_get_task_data (G_TASK (result));
  const char *directory = check->directory;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, _("Not a Clone of This Pipeline"), error->message);
      return;
    }
  g_free (self->clone_path);
  self->clone_path = g_strdup (directory);
  /* Remembered: the tab opens it next time, the Clone dialog offers it. */
  sluice_settings_set_clone_path (self->settings, sluice_account_get_id (self->account),
                                  sluice_pipeline_get_uri (self->pipeline), directory);
  load_clone (self);
}

/* A folder is this repository's clone when the git layer says a clone there would be one
 * already (its origin is the pipeline's repository). */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const CloneCheck *check = task_data;
  const char *url = check->url;
  const char *directory = check->directory;
  g_autoptr(GError) error = NULL;

  if (sluice_git_check_destination (directory, url, &error))
    g_task_return_new_error (task, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_FOUND,
                             _("The folder “%s” is not a git clone."), directory);
  else if (g_error_matches (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_ALREADY_CLONED))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_EMPTY))
    g_task_return_new_error (task, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_NOT_FOUND,
                             _("The folder “%s” is not a clone of %s. Choose a clone of this pipeline’s repository."),
                             directory, url);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
check_clone (SluiceDeploymentTab *self,
             const char          *directory)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, checked_cb, g_object_ref (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceGitRemote) remote = sluice_git_remote_new_for_pipeline (self->account, self->pipeline, &error);
  CloneCheck *check;

  if (remote == NULL)
    {
      show_error (self, _("Not a Clone of This Pipeline"), error->message);
      return;
    }
  g_task_set_source_tag (task, check_clone);
  check = g_new0 (CloneCheck, 1);
  check->directory = g_strdup (directory);
  check->url = g_strdup (sluice_git_remote_get_url (remote));
  g_task_set_task_data (task, check, clone_check_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_task_run_in_thread (task, check_thread);
}

/* ------------------------------------------------------------------------------------------ */
/* Commit and push                                                                            */
/* ------------------------------------------------------------------------------------------ */

static void
progress_cb (const SluiceGitProgress *progress,
             gpointer                 user_data)
{
  SluiceDeploymentTab *self = user_data;

  if (self->view == NULL)
    return;
  switch (progress->phase)
    {
    case SLUICE_GIT_PHASE_CONNECTING:
      gtk_label_set_text (self->progress_label, _("Connecting…"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0.1);
      break;
    case SLUICE_GIT_PHASE_PREPARING:
    case SLUICE_GIT_PHASE_RECEIVING:
    case SLUICE_GIT_PHASE_RESOLVING:
    case SLUICE_GIT_PHASE_CHECKING_OUT:
      gtk_label_set_text (self->progress_label, _("Committing ddk.json…"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0.4);
      break;
    case SLUICE_GIT_PHASE_PUSHING:
      gtk_label_set_text (self->progress_label, _("Pushing to main…"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0.7);
      break;
    case SLUICE_GIT_PHASE_DONE:
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      break;
    default:
      break;
    }
}

/* Refused before anything was sent because main moved on: the git layer's detail is then the
 * id of the server's main. */
static gboolean
is_stale (const GError *error)
{
  const char *detail;

  if (!g_error_matches (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_PUSH_REJECTED))
    return FALSE;
  detail = sluice_git_error_get_detail (error);
  if (detail == NULL || strlen (detail) != 40)
    return FALSE;
  for (const char *c = detail; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c))
      return FALSE;
  return TRUE;
}

static void
committed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SluiceDeploymentTab) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *commit = sluice_git_remote_commit_clone_file_finish (SLUICE_GIT_REMOTE (source), result, &error);
  g_autofree char *message = NULL;

  g_clear_object (&self->push_cancellable);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->view == NULL)
    return;
  set_pushing (self, FALSE);
  if (commit == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Nothing was pushed: you cancelled. ddk.json is saved in the clone."));
      else if (is_stale (error))
        message = g_strdup (_("Someone pushed to main since the clone was last updated, so nothing was pushed. "
                              "Your changes are kept here and in the clone’s ddk.json: run “git pull” in the clone, then Try Again."));
      else if (g_error_matches (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_PUSH_REJECTED))
        /* TRANSLATORS: %s is the git layer's sentence on why the server refused the push */
        message = g_strdup_printf (_("%s Your changes are kept here and in the clone’s ddk.json."), error->message);
      else
        message = g_strdup_printf (_("%s ddk.json is saved in the clone."), error->message);
      show_result (self, message, TRUE, TRUE);
      return;
    }
  /* TRANSLATORS: %.7s is the short id of the pushed commit */
  message = g_strdup_printf (_("Committed as %.7s and pushed to main."), commit);
  show_result (self, message, FALSE, FALSE);
}

static void
commit_and_push (SluiceDeploymentTab *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceGitRemote) remote = NULL;

  if (self->push_cancellable != NULL || self->clone_path == NULL)
    return;
  remote = sluice_git_remote_new_for_pipeline (self->account, self->pipeline, &error);
  if (remote == NULL)
    {
      show_result (self, error->message, TRUE, FALSE);
      return;
    }
  self->push_cancellable = g_cancellable_new ();
  set_pushing (self, TRUE);
  sluice_git_remote_commit_clone_file_async (remote, self->clone_path, TRUNK, DDK_FILE,
                                             COMMIT_MESSAGE, NULL, NULL,
                                             progress_cb, g_object_ref (self), g_object_unref,
                                             self->push_cancellable, committed_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
saved_cb (SluiceDeploymentTab *self)
{
  commit_and_push (self);
}

static void
retry_clicked_cb (SluiceDeploymentTab *self)
{
  commit_and_push (self);
}

static void
cancel_clicked_cb (SluiceDeploymentTab *self)
{
  if (self->push_cancellable != NULL)
    g_cancellable_cancel (self->push_cancellable);
}

static void
reload_clicked_cb (SluiceDeploymentTab *self)
{
  self->requested = FALSE;
  sluice_deployment_tab_load (self);
}

static void
chooser_response_cb (SluiceDeploymentTab *self,
                     int                  response)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (folder == NULL || (path = g_file_get_path (folder)) == NULL)
    return;
  check_clone (self, path);
}

static void
choose_clicked_cb (SluiceDeploymentTab *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Clone of the Pipeline’s Repository"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cloned_cb (SluiceCloneDialog   *dialog,
           const char          *path,
           SluiceDeploymentTab *self)
{
  /* Already on its way: the remembered clone changed first (clones_changed_cb). */
  if (g_strcmp0 (self->clone_path, path) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    return;
  g_free (self->clone_path);
  self->clone_path = g_strdup (path);
  load_clone (self);
}

/* A clone made elsewhere (the page's Clone…, Ctrl+Shift+C, the Overview's Clone Again…) while
 * the tab says there is none: the tab opens it. A clone already open stays, edits and all. */
static void
clones_changed_cb (SluiceDeploymentTab *self)
{
  if (self->requested && self->account != NULL && self->pipeline != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "no-clone") == 0)
    sluice_deployment_tab_load (self);
}

static void
clone_clicked_cb (SluiceDeploymentTab *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SluiceCloneDialog *dialog;

  if (self->account == NULL || self->pipeline == NULL)
    return;
  dialog = sluice_clone_dialog_new (self->account, self->pipeline);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "cloned", G_CALLBACK (cloned_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_deployment_tab_dispose (GObject *object)
{
  SluiceDeploymentTab *self = SLUICE_DEPLOYMENT_TAB (object);

  g_cancellable_cancel (self->cancellable);
  if (self->push_cancellable != NULL)
    g_cancellable_cancel (self->push_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_DEPLOYMENT_TAB);
  self->view = NULL;
  g_clear_object (&self->account);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sluice_deployment_tab_parent_class)->dispose (object);
}

static void
sluice_deployment_tab_finalize (GObject *object)
{
  SluiceDeploymentTab *self = SLUICE_DEPLOYMENT_TAB (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->push_cancellable);
  g_clear_pointer (&self->clone_path, g_free);

  G_OBJECT_CLASS (sluice_deployment_tab_parent_class)->finalize (object);
}

static void
sluice_deployment_tab_class_init (SluiceDeploymentTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_deployment_tab_dispose;
  object_class->finalize = sluice_deployment_tab_finalize;

  g_type_ensure (SLUICE_TYPE_DEPLOYMENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-deployment-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, no_clone_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, result_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, result_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, clone_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentTab, view);
  gtk_widget_class_bind_template_callback (widget_class, saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clone_clicked_cb);
}

static void
sluice_deployment_tab_init (SluiceDeploymentTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = sluice_settings_new ();
  g_signal_connect_object (self->settings, "changed::pipeline-clones",
                           G_CALLBACK (clones_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_deployment_tab_new (void)
{
  return g_object_new (SLUICE_TYPE_DEPLOYMENT_TAB, NULL);
}

/**
 * sluice_deployment_tab_show:
 * @account: the data.all account
 * @pipeline: the pipeline, as getDataPipeline gave it
 *
 * What the page calls when the tab is shown: the first time, the tab loads its clone.
 */
void
sluice_deployment_tab_show (SluiceDeploymentTab *self,
                            SluiceAccount       *account,
                            SluicePipeline      *pipeline)
{
  g_return_if_fail (SLUICE_IS_DEPLOYMENT_TAB (self));
  g_return_if_fail (SLUICE_IS_ACCOUNT (account));
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  g_set_object (&self->account, account);
  if (g_set_object (&self->pipeline, pipeline))
    sluice_deployment_view_set_pipeline (self->view, pipeline);
  if (!self->requested)
    sluice_deployment_tab_load (self);
}

gboolean
sluice_deployment_tab_get_requested (SluiceDeploymentTab *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT_TAB (self), FALSE);

  return self->requested;
}

/**
 * sluice_deployment_tab_load:
 *
 * Opens the clone Sluice remembers for the pipeline, or says there is none.
 */
void
sluice_deployment_tab_load (SluiceDeploymentTab *self)
{
  g_autofree char *remembered = NULL;

  g_return_if_fail (SLUICE_IS_DEPLOYMENT_TAB (self));
  g_return_if_fail (self->account != NULL && self->pipeline != NULL);

  self->requested = TRUE;
  remembered = sluice_settings_get_clone_path (self->settings, sluice_account_get_id (self->account),
                                               sluice_pipeline_get_uri (self->pipeline));
  if (remembered == NULL || !g_file_test (remembered, G_FILE_TEST_IS_DIR))
    {
      gtk_stack_set_visible_child_name (self->stack, "no-clone");
      return;
    }
  g_free (self->clone_path);
  self->clone_path = g_steal_pointer (&remembered);
  load_clone (self);
}

/**
 * sluice_deployment_tab_open_clone:
 * @directory: a folder the user chose
 *
 * Opens @directory's ddk.json if it is a clone of the pipeline's repository, and remembers it.
 */
void
sluice_deployment_tab_open_clone (SluiceDeploymentTab *self,
                                  const char          *directory)
{
  g_return_if_fail (SLUICE_IS_DEPLOYMENT_TAB (self));
  g_return_if_fail (directory != NULL);

  self->requested = TRUE;
  check_clone (self, directory);
}

const char *
sluice_deployment_tab_get_clone_path (SluiceDeploymentTab *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT_TAB (self), NULL);

  return self->clone_path;
}

/* Whether a commit and push is under way. */
gboolean
sluice_deployment_tab_get_busy (SluiceDeploymentTab *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT_TAB (self), FALSE);

  return self->push_cancellable != NULL;
}
