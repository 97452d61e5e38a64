/* test-pipeline-clone.c
 *
 * The pipeline page's clone and GitFlow branches against an emulator of its own (and the
 * private keyring of build-aux/dev test): the header's Clone button and Ctrl+Shift+C open the
 * Clone dialog for the page's pipeline; once cloned, the Overview shows the clone's path with
 * Open Folder and Copy Path and the header's button opens it, until the folder is gone. For a
 * GitFlow pipeline the Overview lists the stage branches missing on the remote, and Create
 * Missing Branches, after a confirmation naming them, pushes them with a result per branch.
 *
 * With SLUICE_SCREENSHOT_DIR set it saves pipeline-page-{cloned,missing-branches,branches-created}.png.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sluice-account.h"
#include "sluice-clone-dialog.h"
#include "sluice-dataall-api.h"
#include "sluice-git.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-list.h"
#include "sluice-pipeline-page-private.h"
#include "sluice-settings.h"
#include "sluice-test-emulator.h"
#include "sluice-test-git.h"
#include "sluice-test-utils.h"


typedef struct
{
  SluiceTestGitPipeline git;   /* no pipeline: each test opens its own */
} Fixture;

static SluicePipeline *
listed_pipeline (SluiceAccount *account,
                 const char    *label)
{
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_pipeline_list_load_async (list, sluice_account_get_client (account), NULL, NULL, sluice_test_got_result_cb, &result);
  sluice_test_wait_result (&result);
  g_assert_true (sluice_pipeline_list_load_finish (list, result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        return g_steal_pointer (&pipeline);
    }
  g_error ("no pipeline %s", label);
}

static gboolean
page_idle (gpointer data)
{
  return !sluice_pipeline_page_get_busy (data) && !sluice_pipeline_page_get_loading (data);
}

static GtkWidget *
window_with_page (SluiceAccount       *account,
                  const char          *label,
                  SluicePipelinePage **page)
{
  g_autoptr(SluicePipeline) pipeline = listed_pipeline (account, label);
  GtkWidget *window = gtk_window_new ();

  *page = sluice_pipeline_page_new (account, pipeline);
  g_object_ref_sink (*page);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sluice_test_wait_for (page_idle, *page, 10000));
  return window;
}

/* The page's shortcut for page.clone, as the class binds it. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *accelerator,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (named) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0 &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return TRUE;
        }
    }
  return FALSE;
}

static void
cloned_cb (SluiceCloneDialog  *dialog,
           const char         *path,
           char              **cloned)
{
  g_free (*cloned);
  *cloned = g_strdup (path);
}

static gboolean
has_string (gpointer data)
{
  return *(char **) data != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sluice_test_git_pipeline_set_up (&fixture->git, "test-pipeline-clone", NULL);
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

static void
test_clone_button (Fixture       *fixture,
                   gconstpointer  data)
{
  SluicePipelinePage *page;
  GtkWidget *window;
  SluiceCloneDialog *dialog;
  GtkWidget *row;
  g_autofree char *dest = g_build_filename (fixture->git.dir, "clone", NULL);
  g_autofree char *cloned = NULL;
  g_autofree char *git = NULL;

  if (!have_session_bus ())
    return;
  window = window_with_page (fixture->git.account, "customer-360", &page);

  /* Ctrl+Shift+C is page.clone's, and the header's button starts as Clone…. */
  g_assert_true (has_shortcut (GTK_WIDGET (page), "<Control><Shift>c", "page.clone"));
  g_assert_cmpstr (gtk_button_get_label (page->clone_button), ==, "_Clone…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (page->clone_button)), ==, "page.clone");
  /* The Overview says there is no clone yet, and offers the HTTPS URL plain git uses. */
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Local Clone");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not cloned on this computer yet");
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Repository URL");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "http"));
  g_assert_null (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Git Clone"));
  /* customer-360 is trunk-based: no stage branches to list. */
  g_assert_null (sluice_pipeline_overview_get_stage_branches (page->overview));

  /* The button opens the Clone dialog for this pipeline. */
  g_assert_null (sluice_test_find_toplevel (SLUICE_TYPE_CLONE_DIALOG));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->clone_button)));
  g_signal_emit_by_name (page->clone_button, "clicked");
  sluice_test_iterate (50);
  dialog = SLUICE_CLONE_DIALOG (sluice_test_find_toplevel (SLUICE_TYPE_CLONE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  sluice_clone_dialog_set_destination (dialog, dest);
  g_signal_connect (dialog, "cloned", G_CALLBACK (cloned_cb), &cloned);
  sluice_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "clone.start", NULL));
  g_assert_true (sluice_test_wait_for (has_string, &cloned, 60000));
  g_assert_cmpstr (cloned, ==, dest);
  git = g_build_filename (dest, ".git", NULL);
  g_assert_true (g_file_test (git, G_FILE_TEST_IS_DIR));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sluice_test_iterate (100);

  /* Remembered: the Overview shows the path with Open Folder and Copy Path, and the header's
   * button opens the folder instead of offering a second clone. */
  g_assert_cmpstr (sluice_pipeline_overview_get_clone_path (page->overview), ==, dest);
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Local Clone");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, dest);
  g_assert_true (gtk_widget_get_visible (sluice_test_find_widget (row, GTK_TYPE_BUTTON, "Open Folder")));
  g_assert_true (gtk_widget_get_visible (sluice_test_find_widget (row, GTK_TYPE_BUTTON, "Copy Path")));
  g_assert_nonnull (sluice_test_find_widget (row, GTK_TYPE_BUTTON, "Clone _Again…"));
  g_assert_cmpstr (gtk_button_get_label (page->clone_button), ==, "Open _Folder");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (page->clone_button)), ==, "page.open-clone");
  sluice_test_save_screenshot (window, "pipeline-page-cloned.png");

  /* Copy Path puts it on the clipboard. */
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *copied = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page->overview), "overview.copy-clone-path", NULL));
    gdk_clipboard_read_text_async (clipboard, NULL, sluice_test_got_result_cb, &result);
    sluice_test_wait_result (&result);
    copied = gdk_clipboard_read_text_finish (clipboard, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (copied, ==, dest);
  }

  /* Ctrl+Shift+C still opens the dialog (a second clone elsewhere). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.clone", NULL));
  dialog = SLUICE_CLONE_DIALOG (sluice_test_find_toplevel (SLUICE_TYPE_CLONE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sluice_test_iterate (100);

  /* The folder gone, the page offers to clone again once it reloads. */
  sluice_test_remove_tree (dest);
  sluice_pipeline_page_reload (page);
  g_assert_true (sluice_test_wait_for (page_idle, page, 10000));
  g_assert_null (sluice_pipeline_overview_get_clone_path (page->overview));
  g_assert_cmpstr (gtk_button_get_label (page->clone_button), ==, "_Clone…");
  row = sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Local Clone");
  g_assert_false (gtk_widget_get_visible (sluice_test_find_widget (row, GTK_TYPE_BUTTON, "Open Folder")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static gboolean
branches_idle (gpointer data)
{
  return !sluice_stage_branches_get_busy (data);
}

static GStrv
remote_branches (Fixture    *fixture,
                 const char *label)
{
  g_autoptr(SluicePipeline) pipeline = sluice_test_git_find_pipeline (fixture->git.account, label);
  g_autoptr(SluiceGitRemote) remote = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStrv branches;

  remote = sluice_git_remote_new_for_pipeline (fixture->git.account, pipeline, &error);
  g_assert_no_error (error);
  sluice_git_remote_list_branches_async (remote, NULL, sluice_test_got_result_cb, &result);
  sluice_test_wait_result (&result);
  branches = sluice_git_remote_list_branches_finish (remote, result, NULL, &error);
  g_assert_no_error (error);
  return branches;
}

static void
test_missing_branches (Fixture       *fixture,
                       gconstpointer  data)
{
  SluicePipelinePage *page;
  GtkWidget *window;
  SluiceStageBranches *branches;
  AdwMessageDialog *dialog;
  g_auto(GStrv) on_remote = NULL;
  const char *body;

  if (!have_session_bus ())
    return;
  window = window_with_page (fixture->git.account, "ml-features", &page);

  /* ml-features is GitFlow with dev, test and prod: dev and test have no branch yet. */
  branches = sluice_pipeline_overview_get_stage_branches (page->overview);
  g_assert_nonnull (branches);
  g_assert_true (sluice_test_wait_for (branches_idle, branches, 20000));
  g_assert_cmpstrv (sluice_stage_branches_get_missing (branches), ((const char *[]) { "dev", "test", NULL }));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (branches), ADW_TYPE_ACTION_ROW, "dev"));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (branches), ADW_TYPE_ACTION_ROW, "test"));
  g_assert_true (gtk_widget_get_visible (sluice_test_find_widget (GTK_WIDGET (branches), GTK_TYPE_BUTTON,
                                                                  "Create _Missing Branches…")));
  sluice_test_save_screenshot (window, "pipeline-page-missing-branches.png");

  /* Cancelling the confirmation creates nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (branches), "branches.create", NULL));
  dialog = ADW_MESSAGE_DIALOG (sluice_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  sluice_test_iterate (100);
  g_assert_false (sluice_stage_branches_get_busy (branches));
  on_remote = remote_branches (fixture, "ml-features");
  g_assert_false (g_strv_contains ((const char * const *) on_remote, "dev"));
  g_clear_pointer (&on_remote, g_strfreev);

  /* The confirmation names the branches; confirmed, each is pushed, with its result. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (branches), "branches.create", NULL));
  dialog = ADW_MESSAGE_DIALOG (sluice_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "dev, test"));
  adw_message_dialog_response (dialog, "create");
  g_assert_true (sluice_stage_branches_get_busy (branches));
  g_assert_true (gtk_widget_get_visible (sluice_test_find_widget (GTK_WIDGET (branches), GTK_TYPE_PROGRESS_BAR, NULL)));
  g_assert_true (sluice_test_wait_for (branches_idle, branches, 60000));
  g_assert_cmpstr (sluice_stage_branches_get_result (branches, "dev"), ==, "Created from main: its pipeline starts now.");
  g_assert_cmpstr (sluice_stage_branches_get_result (branches, "test"), ==, "Created from main: its pipeline starts now.");
  g_assert_cmpstrv (sluice_stage_branches_get_missing (branches), ((const char *[]) { NULL }));
  g_assert_false (gtk_widget_get_visible (sluice_test_find_widget (GTK_WIDGET (branches), GTK_TYPE_BUTTON,
                                                                   "Create _Missing Branches…")));
  sluice_test_save_screenshot (window, "pipeline-page-branches-created.png");

  /* They exist on the emulator's remote now, and a fresh listing finds none missing. */
  on_remote = remote_branches (fixture, "ml-features");
  g_assert_true (g_strv_contains ((const char * const *) on_remote, "dev"));
  g_assert_true (g_strv_contains ((const char * const *) on_remote, "test"));
  sluice_stage_branches_refresh (branches);
  g_assert_true (sluice_test_wait_for (branches_idle, branches, 20000));
  g_assert_cmpstrv (sluice_stage_branches_get_missing (branches), ((const char *[]) { NULL }));
  g_assert_nonnull (sluice_test_find_widget (GTK_WIDGET (branches), ADW_TYPE_ACTION_ROW, "Every stage has its branch"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add ("/sluice/pipeline-clone/clone-button", Fixture, NULL, fixture_set_up, test_clone_button, fixture_tear_down);
  g_test_add ("/sluice/pipeline-clone/missing-branches", Fixture, NULL, fixture_set_up, test_missing_branches, fixture_tear_down);

  return g_test_run ();
}
