/* test-clone-dialog.c
 *
 * The Clone dialog against the emulator (and the private keyring of build-aux/dev test): the
 * branches listed from the remote, a clone of a repository with a few thousand commits with
 * its progress on one bar, the done page and the clone remembered for the pipeline (a second
 * dialog offers to open it), a non-empty folder refused with GitHub Desktop's sentence, keys
 * CodeCommit refuses said in a sentence with libgit2's words under Details, and Cancel (or
 * closing the dialog), which leaves no folder behind.
 *
 * With SLUICE_SCREENSHOT_DIR set it saves clone-dialog-{setup,progress,done,not-empty}.png.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sluice-account.h"
#include "sluice-clone-dialog.h"
#include "sluice-dataall-api.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-list.h"
#include "sluice-settings.h"
#include "sluice-test-emulator.h"
#include "sluice-test-git.h"
#include "sluice-test-utils.h"

#define PIPELINE "customer-360"

typedef struct
{
  SluiceTestGitPipeline git;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Gives the emulator's repository of the pipeline @n more commits on main. */
static void
generate_history (Fixture *fixture,
                  guint    n)
{
  g_autofree char *repo = sluice_test_git_pipeline_repository (&fixture->git);
  g_autoptr(GError) error = NULL;

  g_assert_true (sluice_test_git_generate_history (repo, n, &error));
  g_assert_no_error (error);
}

static GtkWidget *
find (SluiceCloneDialog *dialog,
      GType              type,
      const char        *label)
{
  GtkWidget *widget = sluice_test_find_widget (GTK_WIDGET (dialog), type, label);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
page_of (SluiceCloneDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (dialog, GTK_TYPE_STACK, NULL)));
}

static gboolean
branches_listed_cb (gpointer data)
{
  return gtk_widget_get_sensitive (find (data, ADW_TYPE_COMBO_ROW, "Branch"));
}

typedef struct
{
  SluiceCloneDialog *dialog;
  const char        *page;
} PageWait;

static gboolean
on_page_cb (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (page_of (wait->dialog), wait->page) == 0;
}

static void
wait_for_page (SluiceCloneDialog *dialog,
               const char        *page,
               guint              timeout_msec)
{
  PageWait wait = { dialog, page };

  g_assert_true (sluice_test_wait_for (on_page_cb, &wait, timeout_msec));
}

static gboolean
fraction_past_cb (gpointer data)
{
  GtkProgressBar *bar = data;

  return gtk_progress_bar_get_fraction (bar) > 0.3;
}

/* The progress page as it is this instant: the clone finishes before the shared helper's
 * wait for transitions would end. */
static void
save_screenshot_now (GtkWidget  *window,
                     const char *name)
{
  const char *dir = g_getenv ("SLUICE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  sluice_test_flush_widget (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
exists_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_DIR);
}

static void
cloned_cb (SluiceCloneDialog  *dialog,
           const char         *path,
           char              **slot)
{
  g_assert_null (*slot);
  *slot = g_strdup (path);
}

static gboolean
gone_cb (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
finalized_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static SluiceCloneDialog *
open_dialog (Fixture *fixture)
{
  SluiceCloneDialog *dialog = sluice_clone_dialog_new (fixture->git.account, fixture->git.pipeline);

  gtk_window_present (GTK_WINDOW (dialog));
  sluice_test_flush_widget (GTK_WIDGET (dialog));
  g_assert_true (sluice_test_wait_for (branches_listed_cb, dialog, 20000));
  return dialog;
}

static void
close_dialog (SluiceCloneDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sluice_test_iterate (50);
  g_assert_null (dialog);
}

/* The stand-in terminals main() installs: each writes the folder it was started in to its log.
 * One is found as xdg-terminal-exec on PATH (when the test puts its folder there), the other
 * as the desktop file of a TerminalEmulator in this test's own XDG_DATA_HOME. */
static char *terminal_bin;          /* holds xdg-terminal-exec */
static char *terminal_xdg_log;
static char *terminal_desktop_log;
static char *original_path;

static void
write_script (const char *path,
              const char *log)
{
  g_autofree char *quoted = g_shell_quote (log);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\npwd -P > %s.part && mv %s.part %s\n",
                                             quoted, quoted, quoted);

  g_assert_true (g_file_set_contents (path, script, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
}

static void
install_stand_in_terminals (const char *home)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop_exec = g_build_filename (home, "stand-in-terminal", NULL);
  g_autofree char *desktop_file = g_build_filename (apps, "sluice-test-terminal.desktop", NULL);
  g_autofree char *xdg_exec = NULL;
  g_autofree char *entry = NULL;

  terminal_bin = g_build_filename (home, "terminal-bin", NULL);
  terminal_xdg_log = g_build_filename (home, "terminal-xdg.log", NULL);
  terminal_desktop_log = g_build_filename (home, "terminal-desktop.log", NULL);
  xdg_exec = g_build_filename (terminal_bin, "xdg-terminal-exec", NULL);
  g_assert_cmpint (g_mkdir_with_parents (terminal_bin, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  write_script (xdg_exec, terminal_xdg_log);
  write_script (desktop_exec, terminal_desktop_log);
  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Stand-in Terminal\n"
                           "Exec=%s\nTerminal=false\nCategories=System;TerminalEmulator;\n", desktop_exec);
  g_assert_true (g_file_set_contents (desktop_file, entry, -1, NULL));
}

/* PATH with or without the stand-in xdg-terminal-exec. */
static void
use_xdg_terminal_exec (gboolean use)
{
  g_autofree char *path = g_strconcat (terminal_bin, ":", original_path, NULL);

  g_setenv ("PATH", use ? path : original_path, TRUE);
}

static gboolean
file_written_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* Clicks Open in Terminal and returns the folder the stand-in writing @log was started in. */
static char *
open_terminal (SluiceCloneDialog *dialog,
               const char        *log)
{
  GtkWidget *button = find (dialog, GTK_TYPE_BUTTON, "Open in _Terminal");
  char *folder = NULL;

  g_unlink (log);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (sluice_test_wait_for (file_written_cb, (gpointer) log, 10000));
  g_assert_true (g_file_get_contents (log, &folder, NULL, NULL));
  g_strchomp (folder);
  return folder;
}

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sluice_test_git_pipeline_set_up (&fixture->git, "test-clone-dialog", PIPELINE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sluice_test_git_pipeline_tear_down (&fixture->git);
}

static gboolean
have_session_bus (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through build-aux/dev test");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_clone (Fixture       *fixture,
            gconstpointer  data)
{
  SluiceCloneDialog *dialog;
  g_autofree char *dest = g_build_filename (g_get_home_dir (), "Projects",
                                            sluice_pipeline_get_repo (fixture->git.pipeline), NULL);
  g_autofree char *job = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(GSettings) settings = sluice_settings_new ();
  g_autofree char *cloned_path = NULL;
  g_autofree char *copied = NULL;
  GtkWidget *row;
  GtkWidget *bar;

  if (!have_session_bus ())
    return;

  dialog = open_dialog (fixture);
  generate_history (fixture, 3000);

  /* The branch listed from the remote, HEAD's chosen. */
  row = find (dialog, ADW_TYPE_COMBO_ROW, "Branch");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))), ==, "main");
  /* Every control has a name. */
  g_assert_nonnull (find (dialog, ADW_TYPE_ENTRY_ROW, "Folder"));
  g_assert_nonnull (find (dialog, GTK_TYPE_BUTTON, "Choose Folder…"));

  /* By default, ~/Projects/<repository>, shown as such. */
  g_assert_cmpstr (sluice_clone_dialog_get_destination (dialog), ==, dest);
  {
    g_autofree char *shown = g_strconcat ("~/Projects/", sluice_pipeline_get_repo (fixture->git.pipeline), NULL);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Folder"))), ==, shown);
  }
  g_assert_true (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));
  sluice_test_save_screenshot (GTK_WIDGET (dialog), "clone-dialog-setup.png");

  g_signal_connect (dialog, "cloned", G_CALLBACK (cloned_cb), &cloned_path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.start", NULL);
  g_assert_cmpstr (page_of (dialog), ==, "progress");
  bar = find (dialog, GTK_TYPE_PROGRESS_BAR, NULL);
  if (sluice_test_wait_for (fraction_past_cb, bar, 20000) && g_strcmp0 (page_of (dialog), "progress") == 0)
    save_screenshot_now (GTK_WIDGET (dialog), "clone-dialog-progress.png");
  wait_for_page (dialog, "done", 60000);
  g_assert_cmpstr (cloned_path, ==, dest);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0.3);
  sluice_test_save_screenshot (GTK_WIDGET (dialog), "clone-dialog-done.png");

  /* The clone is there, with the generated history's files; it is remembered, and so is
   * the parent folder for the next clone. */
  job = g_build_filename (dest, "jobs", "job-199.txt", NULL);
  g_assert_true (g_file_test (job, G_FILE_TEST_IS_REGULAR));
  remembered = sluice_settings_get_clone_path (settings, sluice_account_get_id (fixture->git.account),
                                               sluice_pipeline_get_uri (fixture->git.pipeline));
  g_assert_cmpstr (remembered, ==, dest);
  parent = sluice_settings_get_clone_parent (settings);
  g_assert_true (g_str_has_suffix (parent, "/Projects"));
  g_assert_nonnull (find (dialog, ADW_TYPE_STATUS_PAGE, "Repository Cloned"));
  g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_BUTTON, "_Open Folder")));
  g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_BUTTON, "Copy _Path")));

  /* Copy Path puts the path on the clipboard. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.copy-path", NULL);
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    gdk_clipboard_read_text_async (clipboard, NULL, sluice_test_got_result_cb, &result);
    copied = gdk_clipboard_read_text_finish (clipboard, sluice_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (copied, ==, dest);
  }

  /* Open in Terminal: without xdg-terminal-exec, the desktop's TerminalEmulator, in the clone. */
  {
    g_autofree char *folder = open_terminal (dialog, terminal_desktop_log);

    g_assert_cmpstr (folder, ==, dest);
    g_assert_false (g_file_test (terminal_xdg_log, G_FILE_TEST_EXISTS));
  }
  close_dialog (dialog);

  /* A second dialog for the pipeline: its clone is already there, and offered. */
  use_xdg_terminal_exec (TRUE);
  dialog = open_dialog (fixture);
  g_assert_cmpstr (sluice_clone_dialog_get_destination (dialog), ==, dest);
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));
  g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_BUTTON, "_Open Existing Clone")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.open-existing", NULL);
  g_assert_cmpstr (page_of (dialog), ==, "done");
  g_assert_nonnull (find (dialog, ADW_TYPE_STATUS_PAGE, "Already Cloned"));
  /* ... where Open in Terminal prefers xdg-terminal-exec, the user's chosen terminal. */
  {
    g_autofree char *folder = NULL;

    g_unlink (terminal_desktop_log);
    folder = open_terminal (dialog, terminal_xdg_log);
    g_assert_cmpstr (folder, ==, dest);
    g_assert_false (g_file_test (terminal_desktop_log, G_FILE_TEST_EXISTS));
  }
  close_dialog (dialog);
  use_xdg_terminal_exec (FALSE);
  sluice_test_remove_tree (dest);
}

static void
test_not_empty (Fixture       *fixture,
                gconstpointer  data)
{
  SluiceCloneDialog *dialog;
  g_autofree char *dest = g_build_filename (fixture->git.dir, "full", NULL);
  g_autofree char *file = g_build_filename (dest, "notes.txt", NULL);
  g_autofree char *fresh = g_build_filename (fixture->git.dir, "fresh", NULL);

  if (!have_session_bus ())
    return;

  g_assert_cmpint (g_mkdir (dest, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "mine", -1, NULL));

  dialog = open_dialog (fixture);
  /* Typed into the entry, as a user would. */
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Folder")), dest);
  g_assert_cmpstr (sluice_clone_dialog_get_destination (dialog), ==, dest);
  {
    g_autofree char *expected = g_strdup_printf ("“%s” contains files. Git can only clone into an empty folder.", dest);

    g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_LABEL, expected)));
  }
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));
  g_assert_false (gtk_widget_get_visible (find (dialog, GTK_TYPE_BUTTON, "_Open Existing Clone")));
  sluice_test_save_screenshot (GTK_WIDGET (dialog), "clone-dialog-not-empty.png");

  /* Starting anyway (the Enter key in the entry) does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.start", NULL);
  g_assert_cmpstr (page_of (dialog), ==, "setup");
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  /* A new folder: fine again. */
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Folder")), fresh);
  g_assert_true (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));
  close_dialog (dialog);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  SluiceCloneDialog *dialog;
  g_autofree char *dest = g_build_filename (fixture->git.dir, "cancelled", NULL);
  g_autofree char *fault = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  dialog = open_dialog (fixture);
  fault = g_strdup_printf ("{\"kind\": \"slow\", \"delay_ms\": 3000, \"match\": \"/v1/repos/%s/git-upload-pack\"}",
                           sluice_pipeline_get_repo (fixture->git.pipeline));
  g_assert_true (sluice_test_emulator_add_fault (fixture->git.emulator, fault, &error));
  g_assert_no_error (error);

  sluice_clone_dialog_set_destination (dialog, dest);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.start", NULL);
  g_assert_cmpstr (page_of (dialog), ==, "progress");
  g_assert_true (sluice_test_wait_for (exists_cb, dest, 10000));

  /* Cancel (the header's button, or Escape). */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.cancel", NULL);
  wait_for_page (dialog, "setup", 20000);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  expected = g_strdup_printf ("The clone was cancelled. Nothing was left behind in “%s”.", dest);
  g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_LABEL, expected)));
  /* And it can start again. */
  g_assert_true (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));

  /* Closing the dialog mid-clone cancels too, and still nothing is left. */
  g_assert_true (sluice_test_emulator_add_fault (fixture->git.emulator, fault, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.start", NULL);
  g_assert_true (sluice_test_wait_for (exists_cb, dest, 10000));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (sluice_test_wait_for (gone_cb, dest, 20000));
  g_assert_true (sluice_test_wait_for (finalized_cb, &dialog, 5000));
}

static gboolean
chooser_shown_cb (gpointer data)
{
  return sluice_test_find_toplevel (GTK_TYPE_FILE_CHOOSER) != NULL;
}

static gboolean
has_current_folder_cb (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
chooser_gone_cb (gpointer data)
{
  return sluice_test_find_toplevel (GTK_TYPE_FILE_CHOOSER) == NULL;
}

/* Choose Folder… opens GTK 4.8's GtkFileChooserNative (without a portal: its own dialog, which
 * the test answers); the chosen folder holds the clone, shows in the Folder row and is
 * remembered for the next clone; Cancel changes nothing. */
static void
test_choose_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  SluiceCloneDialog *dialog;
  g_autoptr(GSettings) settings = sluice_settings_new ();
  g_autofree char *chosen = g_build_filename (fixture->git.dir, "work area", NULL);
  g_autofree char *expected = g_build_filename (chosen, sluice_pipeline_get_repo (fixture->git.pipeline), NULL);
  g_autofree char *parent = NULL;
  g_autoptr(GFile) chosen_file = g_file_new_for_path (chosen);
  g_autoptr(GFile) start = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  if (!have_session_bus ())
    return;
  g_assert_cmpint (g_mkdir (chosen, 0700), ==, 0);

  dialog = open_dialog (fixture);
  gtk_widget_activate (find (dialog, GTK_TYPE_BUTTON, "Choose Folder…"));
  g_assert_true (sluice_test_wait_for (chooser_shown_cb, NULL, 5000));
  chooser = sluice_test_find_toplevel (GTK_TYPE_FILE_CHOOSER);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Choose a Folder for the Clone");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  g_assert_true (gtk_window_get_modal (chooser));
  /* It starts where the clone would go (~/Projects), else in the home folder. */
  g_assert_true (sluice_test_wait_for (has_current_folder_cb, chooser, 5000));
  start = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  {
    g_autofree char *where = g_path_get_dirname (sluice_clone_dialog_get_destination (dialog));

    g_assert_cmpstr (g_file_peek_path (start), ==, g_file_test (where, G_FILE_TEST_IS_DIR) ? where : g_get_home_dir ());
  }

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), chosen_file, &error));
  g_assert_no_error (error);
  sluice_test_iterate (200);
  sluice_test_save_screenshot (GTK_WIDGET (chooser), "clone-dialog-chooser.png");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (sluice_test_wait_for (chooser_gone_cb, NULL, 5000));

  /* The chosen folder flows into the Folder row, and is remembered. */
  g_assert_cmpstr (sluice_clone_dialog_get_destination (dialog), ==, expected);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "Folder"))), ==, expected);
  g_assert_true (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));
  parent = sluice_settings_get_clone_parent (settings);
  g_assert_cmpstr (parent, ==, chosen);

  /* Cancel leaves the destination as it was. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.choose-folder", NULL);
  g_assert_true (sluice_test_wait_for (chooser_shown_cb, NULL, 5000));
  chooser = sluice_test_find_toplevel (GTK_TYPE_FILE_CHOOSER);
  g_assert_true (sluice_test_wait_for (has_current_folder_cb, chooser, 5000));
  g_clear_object (&start);
  start = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (g_file_peek_path (start), ==, chosen);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (sluice_test_wait_for (chooser_gone_cb, NULL, 5000));
  g_assert_cmpstr (sluice_clone_dialog_get_destination (dialog), ==, expected);
  close_dialog (dialog);

  /* The next clone of any pipeline goes there too. */
  dialog = open_dialog (fixture);
  g_assert_cmpstr (sluice_clone_dialog_get_destination (dialog), ==, expected);
  close_dialog (dialog);
  g_settings_reset (settings, "clone-parent");
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  SluiceCloneDialog *dialog;
  g_autofree char *dest = g_build_filename (fixture->git.dir, "refused", NULL);
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *details;
  guint status = 0;

  if (!have_session_bus ())
    return;

  dialog = open_dialog (fixture);
  /* CodeCommit's clock a day ahead: every signature is refused, renewed keys too. */
  answer = sluice_test_emulator_request (fixture->git.emulator, "POST", "/_emulator/clock",
                                         "{\"advance\": 86400}", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);

  sluice_clone_dialog_set_destination (dialog, dest);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.start", NULL);
  wait_for_page (dialog, "setup", 30000);
  g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_LABEL,
    "CodeCommit refused the pipeline’s AWS credentials, even after Sluice renewed them through data.all. "
    "Your team may no longer have access to this pipeline, or your computer’s clock may be wrong.")));
  /* libgit2's own words under Details. */
  details = find (dialog, GTK_TYPE_EXPANDER, NULL);
  g_assert_true (gtk_widget_get_visible (details));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "C_lone")));
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int ret;

  /* A home of its own, read before GLib caches it: the default destination is
   * ~/Projects/<repository>. */
  home = g_dir_make_tmp ("sluice-test-clone-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  /* ... and a data folder of its own, for the stand-in terminal's desktop file. */
  {
    g_autofree char *data = g_build_filename (home, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  original_path = g_strdup (g_getenv ("PATH"));
  sluice_test_init_ui (&argc, &argv);
  install_stand_in_terminals (home);

  if (g_find_program_in_path ("git") == NULL)
    {
      g_test_skip ("git is not installed");
      return g_test_run ();
    }

  g_test_add ("/sluice/clone-dialog/clone", Fixture, NULL, fixture_set_up, test_clone, fixture_tear_down);
  g_test_add ("/sluice/clone-dialog/choose-folder", Fixture, NULL, fixture_set_up, test_choose_folder, fixture_tear_down);
  g_test_add ("/sluice/clone-dialog/not-empty", Fixture, NULL, fixture_set_up, test_not_empty, fixture_tear_down);
  g_test_add ("/sluice/clone-dialog/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/sluice/clone-dialog/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);

  ret = g_test_run ();
  sluice_test_remove_tree (home);
  g_free (terminal_bin);
  g_free (terminal_xdg_log);
  g_free (terminal_desktop_log);
  g_free (original_path);
  return ret;
}
