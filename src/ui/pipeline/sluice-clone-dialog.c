/* sluice-clone-dialog.c: clone a pipeline's repository, as GitHub Desktop does it
 *
 * The destination is checked as it is typed (exists and not empty: said so, with an offer to
 * open it when it is already a clone of this repository), the branch is listed from the
 * remote, the clone's progress is one weighted bar with the phase, counts and bytes, Cancel
 * leaves no partial folder behind, and the end offers Open Folder, Copy Path and Open in
 * Terminal. A clone made is remembered per pipeline.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-clone-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-clone-dialog.h"
#include "sluice-git.h"
#include "sluice-settings.h"
#include "sluice-terminal.h"

struct _SluiceCloneDialog
{
  AdwWindow         parent_instance;

  SluiceAccount    *account;
  SluicePipeline   *pipeline;
  SluiceGitRemote  *remote;
  GSettings        *settings;
  GCancellable     *cancellable;        /* the dialog's life: the branch listing */
  GCancellable     *clone_cancellable;  /* the running clone */
  GtkFileChooserNative *chooser;
  char             *destination;
  char             *existing;           /* a clone of this repository at the destination */
  char             *cloned;             /* the clone made (or opened) */
  gboolean          cloning;
  gboolean          closing;

  /* Template widgets. */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *cancel_button;
  GtkButton        *clone_button;
  GtkButton        *close_button;
  GtkStack         *stack;
  AdwActionRow     *repository_row;
  AdwComboRow      *branch_row;
  GtkStringList    *branches;
  AdwEntryRow      *folder_row;
  GtkBox           *problem_box;
  GtkImage         *problem_icon;
  GtkLabel         *problem_label;
  GtkButton        *open_existing_button;
  GtkExpander      *details_expander;
  GtkLabel         *details_label;
  GtkLabel         *progress_title;
  GtkLabel         *progress_destination;
  GtkProgressBar   *progress_bar;
  GtkLabel         *phase_label;
  GtkLabel         *percent_label;
  AdwStatusPage    *done_page;
  GtkButton        *terminal_button;
};

G_DEFINE_FINAL_TYPE (SluiceCloneDialog, sluice_clone_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CLONED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static char *
expand_path (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_str_equal (stripped, "~"))
    return g_strdup (g_get_home_dir ());
  if (g_str_has_prefix (stripped, "~/"))
    return g_build_filename (g_get_home_dir (), stripped + 2, NULL);
  /* A folder like GFile would name it: no trailing slash, no "a//b". */
  if (*stripped != '\0' && g_path_is_absolute (stripped))
    {
      g_autoptr(GFile) file = g_file_new_for_path (stripped);

      return g_file_get_path (file);
    }
  return g_steal_pointer (&stripped);
}

/* "~/Projects/x" for display: shorter, and what people type. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (g_str_has_prefix (path, home) && (path[len] == '/' || path[len] == '\0'))
    return g_strconcat ("~", path + len, NULL);
  return g_filename_display_name (path);
}

static const char *
repository_name (SluiceCloneDialog *self)
{
  if (self->remote != NULL && sluice_git_remote_get_repository (self->remote) != NULL)
    return sluice_git_remote_get_repository (self->remote);
  if (sluice_pipeline_get_repo (self->pipeline) != NULL)
    return sluice_pipeline_get_repo (self->pipeline);
  return sluice_pipeline_get_label (self->pipeline);
}

static void
show_problem (SluiceCloneDialog *self,
              const char        *message,
              const char        *detail,
              const char        *icon_name,
              gboolean           offer_existing)
{
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problem_box), FALSE);
      return;
    }

  gtk_label_set_text (self->problem_label, message);
  gtk_image_set_from_icon_name (self->problem_icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_icon), "success");
  if (g_str_equal (icon_name, "dialog-warning-symbolic"))
    gtk_widget_add_css_class (GTK_WIDGET (self->problem_icon), "warning");
  else if (g_str_equal (icon_name, "dialog-error-symbolic"))
    gtk_widget_add_css_class (GTK_WIDGET (self->problem_icon), "error");
  else if (g_str_equal (icon_name, "emblem-ok-symbolic"))
    gtk_widget_add_css_class (GTK_WIDGET (self->problem_icon), "success");
  gtk_widget_set_visible (GTK_WIDGET (self->open_existing_button), offer_existing);
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander), detail != NULL && *detail != '\0');
  gtk_label_set_text (self->details_label, detail != NULL ? detail : "");
  gtk_expander_set_expanded (self->details_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_box), TRUE);
}

/* The destination, checked on every change (it reads one folder: cheap). */
static void
check_destination (SluiceCloneDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_clear_pointer (&self->existing, g_free);
  ok = self->remote != NULL &&
       sluice_git_check_destination (self->destination, sluice_git_remote_get_url (self->remote), &error);

  if (self->remote == NULL)
    ;  /* the reason was shown when the dialog was made */
  else if (ok)
    show_problem (self, NULL, NULL, NULL, FALSE);
  else
    {
      gboolean already = g_error_matches (error, SLUICE_GIT_ERROR, SLUICE_GIT_ERROR_ALREADY_CLONED);

      if (already)
        self->existing = g_strdup (self->destination);
      show_problem (self, error->message, NULL,
                    already ? "emblem-ok-symbolic" : "dialog-warning-symbolic", already);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clone.start", ok && !self->cloning);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clone.open-existing", self->existing != NULL);
}

static void
set_destination (SluiceCloneDialog *self,
                 const char        *path,
                 gboolean           update_entry)
{
  g_free (self->destination);
  self->destination = expand_path (path);

  if (update_entry)
    {
      g_autofree char *shown = display_path (self->destination);

      gtk_editable_set_text (GTK_EDITABLE (self->folder_row), shown);
    }
  check_destination (self);
}

static void
set_page (SluiceCloneDialog *self,
          const char        *name)
{
  gboolean setup = g_str_equal (name, "setup");
  gboolean done = g_str_equal (name, "done");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->clone_button), setup);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !done);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), done);
  if (done)
    gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
}

static void
show_done (SluiceCloneDialog *self,
           const char        *path,
           gboolean           made_now)
{
  g_autofree char *shown = display_path (path);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  g_free (self->cloned);
  self->cloned = g_strdup (path);
  sluice_settings_set_clone_path (self->settings, sluice_account_get_id (self->account),
                                  sluice_pipeline_get_uri (self->pipeline), path);

  adw_status_page_set_title (self->done_page, made_now ? _("Repository Cloned") : _("Already Cloned"));
  adw_status_page_set_description (self->done_page, escaped);
  set_page (self, "done");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_page));

  if (made_now)
    g_signal_emit (self, signals[SIGNAL_CLONED], 0, path);
}

static const char *
phase_text (const SluiceGitProgress *progress,
            char                   **owned)
{
  g_autofree char *size = NULL;

  switch (progress->phase)
    {
    case SLUICE_GIT_PHASE_CONNECTING:
      return _("Connecting to CodeCommit…");
    case SLUICE_GIT_PHASE_PREPARING:
      return _("CodeCommit is preparing the objects…");
    case SLUICE_GIT_PHASE_RECEIVING:
      size = g_format_size (progress->received_bytes);
      /* Translators: "Receiving objects: 120 of 300 (1.2 MB)" */
      *owned = g_strdup_printf (_("Receiving objects: %u of %u (%s)"),
                                progress->received_objects, progress->total_objects, size);
      return *owned;
    case SLUICE_GIT_PHASE_RESOLVING:
      *owned = g_strdup_printf (_("Resolving deltas: %u of %u"),
                                progress->indexed_deltas, progress->total_deltas);
      return *owned;
    case SLUICE_GIT_PHASE_CHECKING_OUT:
      *owned = g_strdup_printf (_("Checking out files: %u of %u"),
                                progress->completed_files, progress->total_files);
      return *owned;
    case SLUICE_GIT_PHASE_PUSHING:
    case SLUICE_GIT_PHASE_DONE:
    default:
      return _("Finishing…");
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
folder_changed_cb (SluiceCloneDialog *self)
{
  g_autofree char *shown = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->folder_row));

  /* Our own update of the entry: nothing new. */
  if (self->destination != NULL)
    {
      shown = display_path (self->destination);
      if (g_str_equal (shown, text))
        return;
    }
  set_destination (self, text, FALSE);
}

static void
folder_activated_cb (SluiceCloneDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "clone.start", NULL);
}

static void
branches_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SluiceCloneDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_branch = NULL;
  g_auto(GStrv) names = NULL;

  names = sluice_git_remote_list_branches_finish (SLUICE_GIT_REMOTE (source), result, &default_branch, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (names == NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Sluice could not list the branches: %s"), error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->branch_row), subtitle);
      return;
    }
  if (names[0] == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->branch_row), _("The repository has no branch yet."));
      return;
    }

  gtk_string_list_splice (self->branches, 0, g_list_model_get_n_items (G_LIST_MODEL (self->branches)),
                          (const char * const *) names);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], default_branch) == 0)
      adw_combo_row_set_selected (self->branch_row, i);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->branch_row), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->branch_row), !self->cloning);
}

static void
progress_cb (const SluiceGitProgress *progress,
             gpointer                 user_data)
{
  SluiceCloneDialog *self = user_data;
  g_autofree char *owned = NULL;
  g_autofree char *percent = NULL;

  /* Reports still queued when the dialog was closed mid-clone find no widgets. */
  if (!self->cloning || self->closing)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  gtk_label_set_text (self->phase_label, phase_text (progress, &owned));
  /* Translators: a percentage, e.g. "42 %" */
  percent = g_strdup_printf (_("%d %%"), (int) (progress->fraction * 100 + 0.5));
  gtk_label_set_text (self->percent_label, percent);
}

static void
clone_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SluiceCloneDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sluice_git_remote_clone_finish (SLUICE_GIT_REMOTE (source), result, &error);
  self->cloning = FALSE;
  g_clear_object (&self->clone_cancellable);
  if (self->closing)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->branch_row),
                            g_list_model_get_n_items (G_LIST_MODEL (self->branches)) > 0);

  if (ok)
    {
      show_done (self, self->destination, TRUE);
      return;
    }

  set_page (self, "setup");
  check_destination (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *shown = display_path (self->destination);
      g_autofree char *message = g_strdup_printf (_("The clone was cancelled. Nothing was left behind in “%s”."), shown);

      show_problem (self, message, NULL, "dialog-information-symbolic", FALSE);
    }
  else
    show_problem (self, error->message, sluice_git_error_get_detail (error), "dialog-error-symbolic", FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);
  g_autofree char *parent = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  const char *branch = NULL;
  GtkStringObject *item;

  if (self->cloning || self->remote == NULL)
    return;
  check_destination (self);
  if (!gtk_widget_is_sensitive (GTK_WIDGET (self->clone_button)) ||
      !sluice_git_check_destination (self->destination, sluice_git_remote_get_url (self->remote), NULL))
    return;

  item = adw_combo_row_get_selected_item (self->branch_row);
  if (item != NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->branch_row)))
    branch = gtk_string_object_get_string (item);

  /* ~/Projects may not exist yet; it is not part of the clone and stays. */
  parent = g_path_get_dirname (self->destination);
  g_mkdir_with_parents (parent, 0755);
  sluice_settings_set_clone_parent (self->settings, parent);

  self->cloning = TRUE;
  self->clone_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "clone.start", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->branch_row), FALSE);
  show_problem (self, NULL, NULL, NULL, FALSE);

  /* Translators: %s is a pipeline's name */
  title = g_strdup_printf (_("Cloning “%s”"), sluice_pipeline_get_label (self->pipeline));
  gtk_label_set_text (self->progress_title, title);
  shown = display_path (self->destination);
  gtk_label_set_text (self->progress_destination, shown);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->phase_label, _("Connecting to CodeCommit…"));
  gtk_label_set_text (self->percent_label, "");
  set_page (self, "progress");

  sluice_git_remote_clone_async (self->remote, self->destination, branch, progress_cb, self, NULL,
                                 self->clone_cancellable, clone_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);

  if (self->cloning)
    {
      gtk_label_set_text (self->phase_label, _("Cancelling…"));
      g_cancellable_cancel (self->clone_cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (SluiceCloneDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL && (parent = g_file_get_path (folder)) != NULL)
    {
      /* As GitHub Desktop does: the chosen folder holds the clone, named after the repository. */
      path = g_build_filename (parent, repository_name (self), NULL);
      sluice_settings_set_clone_parent (self->settings, parent);
      set_destination (self, path, TRUE);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);
  g_autofree char *start = NULL;
  g_autoptr(GFile) start_file = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Clone"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  start = self->destination != NULL ? g_path_get_dirname (self->destination)
                                    : sluice_settings_get_clone_parent (self->settings);
  if (!g_file_test (start, G_FILE_TEST_IS_DIR))
    {
      g_free (start);
      start = g_strdup (g_get_home_dir ());
    }
  start_file = g_file_new_for_path (start);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), start_file, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_existing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);

  if (self->existing != NULL && !self->cloning)
    {
      g_autofree char *path = g_strdup (self->existing);

      show_done (self, path, FALSE);
    }
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->cloned == NULL)
    return;
  /* The desktop's default handler for folders: the file manager (through the portal when
   * sandboxed). */
  file = g_file_new_for_path (self->cloned);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);

  if (self->cloned == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->cloned);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Path copied")));
}

static void
open_terminal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->cloned == NULL)
    return;
  if (!sluice_terminal_open (widget, self->cloned, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open a terminal: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
sluice_clone_dialog_close_request (GtkWindow *window)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (window);

  /* Closing while cloning cancels: the git layer removes what it wrote. */
  self->closing = TRUE;
  if (self->clone_cancellable != NULL)
    g_cancellable_cancel (self->clone_cancellable);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sluice_clone_dialog_parent_class)->close_request (window);
}

static void
sluice_clone_dialog_constructed (GObject *object)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (sluice_clone_dialog_parent_class)->constructed (object);

  g_return_if_fail (SLUICE_IS_ACCOUNT (self->account));
  g_return_if_fail (SLUICE_IS_PIPELINE (self->pipeline));

  self->remote = sluice_git_remote_new_for_pipeline (self->account, self->pipeline, &error);
  adw_window_title_set_subtitle (self->window_title, sluice_pipeline_get_label (self->pipeline));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repository_row), repository_name (self));
  if (self->remote != NULL)
    adw_action_row_set_subtitle (self->repository_row, sluice_git_remote_get_url (self->remote));
  else
    {
      show_problem (self, error->message, NULL, "dialog-error-symbolic", FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->branch_row), NULL);
    }

  /* The clone made before, else ~/Projects/<repository> (or the folder chosen last time). */
  remembered = sluice_settings_get_clone_path (self->settings, sluice_account_get_id (self->account),
                                               sluice_pipeline_get_uri (self->pipeline));
  if (remembered == NULL)
    {
      parent = sluice_settings_get_clone_parent (self->settings);
      path = g_build_filename (parent, repository_name (self), NULL);
    }
  set_destination (self, remembered != NULL ? remembered : path, TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self->terminal_button), sluice_terminal_is_available ());

  if (self->remote != NULL)
    sluice_git_remote_list_branches_async (self->remote, self->cancellable, branches_listed_cb,
                                           g_object_ref (self));
}

static void
sluice_clone_dialog_dispose (GObject *object)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (object);

  self->closing = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->clone_cancellable != NULL)
    g_cancellable_cancel (self->clone_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_CLONE_DIALOG);
  g_clear_object (&self->remote);
  g_clear_object (&self->account);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->clone_cancellable);

  G_OBJECT_CLASS (sluice_clone_dialog_parent_class)->dispose (object);
}

static void
sluice_clone_dialog_finalize (GObject *object)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (object);

  g_free (self->destination);
  g_free (self->existing);
  g_free (self->cloned);

  G_OBJECT_CLASS (sluice_clone_dialog_parent_class)->finalize (object);
}

static void
sluice_clone_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_clone_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SluiceCloneDialog *self = SLUICE_CLONE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_PIPELINE:
      self->pipeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_clone_dialog_class_init (SluiceCloneDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sluice_clone_dialog_constructed;
  object_class->dispose = sluice_clone_dialog_dispose;
  object_class->finalize = sluice_clone_dialog_finalize;
  object_class->get_property = sluice_clone_dialog_get_property;
  object_class->set_property = sluice_clone_dialog_set_property;
  window_class->close_request = sluice_clone_dialog_close_request;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceCloneDialog::cloned:
   * @path: the clone's folder
   *
   * A clone was made (and remembered for the pipeline).
   */
  signals[SIGNAL_CLONED] =
    g_signal_new ("cloned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-clone-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, clone_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, repository_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, branch_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, branches);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, problem_icon);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, open_existing_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, details_expander);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, progress_destination);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, percent_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceCloneDialog, terminal_button);
  gtk_widget_class_bind_template_callback (widget_class, folder_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_activated_cb);

  gtk_widget_class_install_action (widget_class, "clone.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "clone.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "clone.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "clone.open-existing", NULL, open_existing_action);
  gtk_widget_class_install_action (widget_class, "clone.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "clone.copy-path", NULL, copy_path_action);
  gtk_widget_class_install_action (widget_class, "clone.open-terminal", NULL, open_terminal_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "clone.cancel", NULL);
}

static void
sluice_clone_dialog_init (SluiceCloneDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->settings = sluice_settings_new ();
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->clone_button));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_clone_dialog_new:
 * @account: the data.all account that sees the pipeline
 * @pipeline: the pipeline whose repository to clone (with its clone URL)
 *
 * Returns: a new dialog (GTK owns it until it is destroyed); set it transient for the window and present it
 */
SluiceCloneDialog *
sluice_clone_dialog_new (SluiceAccount  *account,
                         SluicePipeline *pipeline)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  return g_object_new (SLUICE_TYPE_CLONE_DIALOG, "account", account, "pipeline", pipeline, NULL);
}

/**
 * sluice_clone_dialog_get_destination:
 *
 * Returns: the folder the clone goes (or went) into
 */
const char *
sluice_clone_dialog_get_destination (SluiceCloneDialog *self)
{
  g_return_val_if_fail (SLUICE_IS_CLONE_DIALOG (self), NULL);
  return self->destination;
}

/**
 * sluice_clone_dialog_set_destination:
 * @path: the clone's folder ("~/" is the home folder)
 */
void
sluice_clone_dialog_set_destination (SluiceCloneDialog *self,
                                     const char        *path)
{
  g_return_if_fail (SLUICE_IS_CLONE_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->cloning)
    return;
  set_destination (self, path, TRUE);
}
