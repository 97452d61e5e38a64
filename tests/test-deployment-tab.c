/* test-deployment-tab.c
 *
 * The pipeline page's Deployment tab against the emulator (and the private keyring of
 * build-aux/dev test): without a clone it says so and offers Clone and Choose; a folder that
 * is no clone of the repository is refused; with the clone Sluice made it loads the clone's
 * ddk.json, and an edit is saved, committed ("Configure multi-account deployment") and pushed
 * to main, which the system git reads back from the emulator's repository, with the clone's
 * main at the pushed commit; a push refused because main moved on keeps the form's values and
 * the saved file, and so does Cancel.
 *
 * With SLUICE_SCREENSHOT_DIR set it saves deployment.png (the README's, on the pipeline page),
 * deployment-edited.png and deployment-refused.png.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sluice-account.h"
#include "sluice-dataall-api.h"
#include "sluice-deployment-tab.h"
#include "sluice-pipeline-page-private.h"
#include "sluice-git.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-list.h"
#include "sluice-settings.h"
#include "sluice-test-emulator.h"
#include "sluice-test-git.h"
#include "sluice-test-utils.h"

#define ENGINEER "engineer@example.com"
#define PIPELINE "customer-360"

typedef struct
{
  SluiceTestGitPipeline git;
  char                 *clone;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Command-line git on a local path: the emulator's repository as the server has it. */
static char *
run_git (const char *git_dir,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("git"));
  g_ptr_array_add (argv, g_strdup ("-C"));
  g_ptr_array_add (argv, g_strdup (git_dir));
  va_start (args, git_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("git %s failed: %s", (const char *) argv->pdata[3], err);
  g_strchomp (out);
  return g_steal_pointer (&out);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
stage_row (GtkWidget  *tab,
           const char *stage,
           GType       type,
           const char *title)
{
  GtkWidget *group = find_named (tab, stage);
  GtkWidget *row;

  g_assert_nonnull (group);
  row = sluice_test_find_widget (group, type, title);
  g_assert_nonnull (row);
  return row;
}

static const char *
page_of (GtkWidget *tab)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (sluice_test_find_widget (tab, GTK_TYPE_STACK, NULL)));
}

typedef struct
{
  GtkWidget  *tab;
  const char *page;
} PageWait;

static gboolean
on_page_cb (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (page_of (wait->tab), wait->page) == 0;
}

static void
wait_for_page (GtkWidget  *tab,
               const char *page)
{
  PageWait wait = { tab, page };

  g_assert_true (sluice_test_wait_for (on_page_cb, &wait, 20000));
}

static gboolean
idle_cb (gpointer data)
{
  return !sluice_deployment_tab_get_busy (data);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return sluice_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
busy_cb (gpointer data)
{
  return sluice_deployment_tab_get_busy (data);
}

/* Save (through the diff dialog), then the commit and push the tab starts by itself. */
static void
save_and_push (GtkWidget *tab)
{
  GtkWidget *view = sluice_test_find_widget (tab, g_type_from_name ("SluiceDeploymentView"), NULL);
  AdwMessageDialog *dialog;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_activate_action (view, "deployment.save", NULL));
  g_assert_true (sluice_test_wait_for (dialog_shown_cb, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (sluice_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (sluice_test_wait_for (busy_cb, tab, 10000));
  g_assert_true (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Cancel") != NULL);
  g_assert_true (sluice_test_wait_for (idle_cb, tab, 60000));
}

static GtkWidget *
result_label (GtkWidget *tab)
{
  GtkWidget *button = sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Try Again");
  GtkWidget *box = gtk_widget_get_parent (button);

  return gtk_widget_get_first_child (box);
}

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sluice_test_git_pipeline_set_up (&fixture->git, "test-deployment-tab", PIPELINE);
  /* Where the Clone dialog puts it, so that the screenshot reads as on a desktop. */
  fixture->clone = g_build_filename (g_get_home_dir (), "Projects", sluice_pipeline_get_repo (fixture->git.pipeline), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();

  sluice_settings_set_clone_path (settings, sluice_account_get_id (fixture->git.account),
                                  sluice_pipeline_get_uri (fixture->git.pipeline), NULL);
  sluice_test_git_pipeline_tear_down (&fixture->git);
  sluice_test_remove_tree (fixture->clone);
  g_clear_pointer (&fixture->clone, g_free);
}

/* A clone made through the git layer, remembered as the Clone dialog remembers it. */
static void
clone_pipeline (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceGitRemote) remote = sluice_git_remote_new_for_pipeline (fixture->git.account, fixture->git.pipeline, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GSettings) settings = sluice_settings_new ();

  g_assert_no_error (error);
  sluice_git_remote_clone_async (remote, fixture->clone, "main", NULL, NULL, NULL, NULL, sluice_test_got_result_cb, &result);
  g_assert_true (sluice_git_remote_clone_finish (remote, sluice_test_wait_result (&result), &error));
  g_assert_no_error (error);
  /* The commit's author: the clone's identity, as git would take it. */
  run_git (fixture->clone, "config", "user.name", "Eve Engineer", NULL);
  run_git (fixture->clone, "config", "user.email", ENGINEER, NULL);
  sluice_settings_set_clone_path (settings, sluice_account_get_id (fixture->git.account),
                                  sluice_pipeline_get_uri (fixture->git.pipeline), fixture->clone);
}

static GtkWidget *
open_tab (Fixture    *fixture,
          GtkWidget **out_window)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *tab = sluice_deployment_tab_new ();

  g_object_ref_sink (tab);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 820);
  adw_window_set_content (ADW_WINDOW (window), tab);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (sluice_deployment_tab_get_requested (SLUICE_DEPLOYMENT_TAB (tab)));
  sluice_deployment_tab_show (SLUICE_DEPLOYMENT_TAB (tab), fixture->git.account, fixture->git.pipeline);
  g_assert_true (sluice_deployment_tab_get_requested (SLUICE_DEPLOYMENT_TAB (tab)));
  *out_window = window;
  return tab;
}

static void
close_tab (GtkWidget *window,
           GtkWidget *tab)
{
  gtk_window_destroy (GTK_WINDOW (window));
  sluice_test_iterate (50);
  g_assert_finalize_object (tab);
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
test_no_clone (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->git.dir, "not-a-clone", NULL);
  GtkWidget *window;
  GtkWidget *tab;

  if (!have_session_bus ())
    return;

  tab = open_tab (fixture, &window);
  g_assert_cmpstr (page_of (tab), ==, "no-clone");
  g_assert_nonnull (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "C_lone…"));
  g_assert_nonnull (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Choose a Local Clone…"));

  /* A folder that is not a clone of this repository: said, and not remembered. */
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  {
    g_autofree char *file = g_build_filename (empty, "README", NULL);

    g_assert_true (g_file_set_contents (file, "hello\n", -1, NULL));
  }
  sluice_deployment_tab_open_clone (SLUICE_DEPLOYMENT_TAB (tab), empty);
  wait_for_page (tab, "error");
  g_assert_null (sluice_deployment_tab_get_clone_path (SLUICE_DEPLOYMENT_TAB (tab)));
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (sluice_test_find_widget (tab, ADW_TYPE_STATUS_PAGE, "Not a Clone of This Pipeline"));

    g_assert_nonnull (page);
    g_assert_nonnull (strstr (adw_status_page_get_description (page), "is not a clone of"));
  }

  /* The clone the user has: checked, remembered, opened. */
  clone_pipeline (fixture);
  {
    g_autoptr(GSettings) settings = sluice_settings_new ();

    sluice_settings_set_clone_path (settings, sluice_account_get_id (fixture->git.account),
                                    sluice_pipeline_get_uri (fixture->git.pipeline), NULL);
  }
  sluice_deployment_tab_open_clone (SLUICE_DEPLOYMENT_TAB (tab), fixture->clone);
  wait_for_page (tab, "form");
  g_assert_cmpstr (sluice_deployment_tab_get_clone_path (SLUICE_DEPLOYMENT_TAB (tab)), ==, fixture->clone);
  {
    g_autoptr(GSettings) settings = sluice_settings_new ();
    g_autofree char *remembered = sluice_settings_get_clone_path (settings, sluice_account_get_id (fixture->git.account),
                                                                  sluice_pipeline_get_uri (fixture->git.pipeline));

    g_assert_cmpstr (remembered, ==, fixture->clone);
  }
  close_tab (window, tab);
}

/* A clone made elsewhere (the page header's Clone…, Ctrl+Shift+C) while the tab says there is
 * none: the tab opens it, without being asked again. */
static void
test_clone_elsewhere (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *tab;

  if (!have_session_bus ())
    return;

  tab = open_tab (fixture, &window);
  g_assert_cmpstr (page_of (tab), ==, "no-clone");
  clone_pipeline (fixture);
  wait_for_page (tab, "form");
  g_assert_cmpstr (sluice_deployment_tab_get_clone_path (SLUICE_DEPLOYMENT_TAB (tab)), ==, fixture->clone);
  close_tab (window, tab);
}

static void
test_commit_and_push (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *bare = NULL;
  g_autofree char *pushed = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *remote_head = NULL;
  g_autofree char *local_head = NULL;
  g_autofree char *status = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *dev;
  GtkWidget *window;
  GtkWidget *tab;
  GtkWidget *row;

  if (!have_session_bus ())
    return;

  clone_pipeline (fixture);
  bare = sluice_test_git_pipeline_repository (&fixture->git);
  tab = open_tab (fixture, &window);
  wait_for_page (tab, "form");
  sluice_test_flush_widget (window);

  /* The dev stage into an account of its own, with a retained, versioned bucket. */
  row = stage_row (tab, "dev", ADW_TYPE_ACTION_ROW, "Deploys to Its Own Account");
  gtk_switch_set_active (GTK_SWITCH (sluice_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), TRUE);
  row = stage_row (tab, "dev", ADW_TYPE_ENTRY_ROW, "AWS Account");
  gtk_editable_set_text (GTK_EDITABLE (row), "210987654321");
  row = stage_row (tab, "dev", ADW_TYPE_COMBO_ROW, "Bucket Removal Policy");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  sluice_test_flush_widget (window);
  sluice_test_save_screenshot (window, "deployment-edited.png");

  save_and_push (tab);
  g_assert_false (gtk_widget_get_visible (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Try Again")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result_label (tab))), "pushed to main"));

  /* The server's main has the file as the form says, in a commit of its own. */
  pushed = run_git (bare, "show", "main:ddk.json", NULL);
  root = json_from_string (pushed, NULL);
  g_assert_nonnull (root);
  dev = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "environments"), "dev");
  g_assert_cmpstr (json_object_get_string_member (dev, "account"), ==, "210987654321");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (dev, "resources"), "ddk-bucket"),
                                                  "removal_policy"), ==, "retain");
  subject = run_git (bare, "log", "-1", "--format=%s <%ae>", "main", NULL);
  g_assert_cmpstr (subject, ==, "Configure multi-account deployment <" ENGINEER ">");

  /* The clone follows: its main is the pushed commit, and nothing is left to commit; the
   * backup of the previous file is kept, out of git's way (the clone's info/exclude). */
  remote_head = run_git (bare, "rev-parse", "main", NULL);
  local_head = run_git (fixture->clone, "rev-parse", "main", NULL);
  g_assert_cmpstr (local_head, ==, remote_head);
  g_free (local_head);
  local_head = run_git (fixture->clone, "rev-parse", "origin/main", NULL);
  g_assert_cmpstr (local_head, ==, remote_head);
  status = run_git (fixture->clone, "status", "--porcelain", "--untracked-files=all", NULL);
  g_assert_cmpstr (status, ==, "");
  path = g_build_filename (fixture->clone, "ddk.json", NULL);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_strchomp (saved);
  g_assert_cmpstr (saved, ==, pushed);

  close_tab (window, tab);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *bare = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *tab;
  GtkWidget *row;
  const char *message;

  if (!have_session_bus ())
    return;

  clone_pipeline (fixture);
  bare = sluice_test_git_pipeline_repository (&fixture->git);
  tab = open_tab (fixture, &window);
  wait_for_page (tab, "form");

  /* Someone pushes to main meanwhile: the clone is behind. */
  g_assert_true (sluice_test_git_generate_history (bare, 1, &error));
  g_assert_no_error (error);
  before = run_git (bare, "rev-parse", "main", NULL);

  row = stage_row (tab, "dev", ADW_TYPE_ACTION_ROW, "Deploys to Its Own Account");
  gtk_switch_set_active (GTK_SWITCH (sluice_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), TRUE);
  row = stage_row (tab, "dev", ADW_TYPE_ENTRY_ROW, "AWS Account");
  gtk_editable_set_text (GTK_EDITABLE (row), "210987654321");
  save_and_push (tab);

  /* Refused, in a sentence, with Try Again; nothing pushed. */
  message = gtk_label_get_text (GTK_LABEL (result_label (tab)));
  g_assert_nonnull (strstr (message, "Someone pushed to main since the clone was last updated, so nothing was pushed."));
  g_assert_nonnull (strstr (message, "git pull"));
  g_assert_true (gtk_widget_get_visible (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Try Again")));
  after = run_git (bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (after, ==, before);
  sluice_test_save_screenshot (window, "deployment-refused.png");

  /* Nothing the user typed is lost: the form keeps it, the file has it. */
  row = stage_row (tab, "dev", ADW_TYPE_ENTRY_ROW, "AWS Account");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "210987654321");
  g_assert_true (gtk_widget_get_sensitive (row));
  path = g_build_filename (fixture->clone, "ddk.json", NULL);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "210987654321"));

  close_tab (window, tab);
}

/* Cancel while the keys are still being fetched: nothing is pushed, the file stays saved, and
 * Try Again is offered. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *bare = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *view;
  GtkWidget *window;
  GtkWidget *tab;
  GtkWidget *row;
  AdwMessageDialog *dialog;

  if (!have_session_bus ())
    return;

  clone_pipeline (fixture);
  bare = sluice_test_git_pipeline_repository (&fixture->git);
  before = run_git (bare, "rev-parse", "main", NULL);
  tab = open_tab (fixture, &window);
  wait_for_page (tab, "form");

  row = stage_row (tab, "dev", ADW_TYPE_ACTION_ROW, "Deploys to Its Own Account");
  gtk_switch_set_active (GTK_SWITCH (sluice_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), TRUE);
  row = stage_row (tab, "dev", ADW_TYPE_ENTRY_ROW, "AWS Account");
  gtk_editable_set_text (GTK_EDITABLE (row), "210987654321");

  view = sluice_test_find_widget (tab, g_type_from_name ("SluiceDeploymentView"), NULL);
  g_assert_true (gtk_widget_activate_action (view, "deployment.save", NULL));
  g_assert_true (sluice_test_wait_for (dialog_shown_cb, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (sluice_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (sluice_test_wait_for (busy_cb, tab, 10000));
  /* The form is not editable meanwhile, and keeps its values. */
  g_assert_false (gtk_widget_is_sensitive (row));
  g_signal_emit_by_name (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Cancel"), "clicked");
  g_assert_true (sluice_test_wait_for (idle_cb, tab, 30000));

  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result_label (tab))), "you cancelled"));
  g_assert_true (gtk_widget_get_visible (sluice_test_find_widget (tab, GTK_TYPE_BUTTON, "_Try Again")));
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "210987654321");
  /* Give a worker that was not stopped the time to push: it must not have. */
  sluice_test_iterate (1000);
  after = run_git (bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (after, ==, before);
  path = g_build_filename (fixture->clone, "ddk.json", NULL);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "210987654321"));

  close_tab (window, tab);
}

static gboolean
page_idle_cb (gpointer data)
{
  return !sluice_pipeline_page_get_loading (data);
}

/* On the pipeline page: a tab of its own, loaded when first shown; the Overview still costs
 * one request. */
static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  SluicePipelinePage *page;
  GtkWidget *window;
  GtkWidget *tab;
  GtkWidget *row;
  AdwViewStack *tabs;

  if (!have_session_bus ())
    return;

  /* The tabs' icons and the style, as the application finds them. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE_PATH "/icons");
  clone_pipeline (fixture);
  page = sluice_pipeline_page_new (fixture->git.account, fixture->git.pipeline);
  g_object_ref_sink (page);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 860);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sluice_test_wait_for (page_idle_cb, page, 10000));

  tabs = ADW_VIEW_STACK (sluice_test_find_widget (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL));
  tab = adw_view_stack_get_child_by_name (tabs, "deployment");
  g_assert_true (SLUICE_IS_DEPLOYMENT_TAB (tab));
  g_assert_false (sluice_deployment_tab_get_requested (SLUICE_DEPLOYMENT_TAB (tab)));
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), ==, 1);

  /* Alt+4 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.show-tab", "s", "deployment"));
  g_assert_true (sluice_deployment_tab_get_requested (SLUICE_DEPLOYMENT_TAB (tab)));
  wait_for_page (tab, "form");
  g_assert_cmpuint (sluice_pipeline_page_get_n_requests (page), ==, 1);
  {
    g_autofree char *where = g_strdup_printf ("ddk.json of the clone in ~/Projects/%s. Saving commits it "
                                              "(“Configure multi-account deployment”) and pushes it to main.",
                                              sluice_pipeline_get_repo (fixture->git.pipeline));

    g_assert_nonnull (sluice_test_find_widget (tab, GTK_TYPE_LABEL, where));
  }

  /* The README's picture: the dev stage moved to an account of its own. */
  row = stage_row (tab, "dev", ADW_TYPE_ACTION_ROW, "Deploys to Its Own Account");
  gtk_switch_set_active (GTK_SWITCH (sluice_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), TRUE);
  row = stage_row (tab, "dev", ADW_TYPE_ENTRY_ROW, "AWS Account");
  gtk_editable_set_text (GTK_EDITABLE (row), "210987654321");
  row = stage_row (tab, "dev", ADW_TYPE_COMBO_ROW, "Bucket Removal Policy");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  sluice_test_flush_widget (window);
  sluice_test_save_screenshot (window, "deployment.png");

  gtk_window_destroy (GTK_WINDOW (window));
  sluice_test_iterate (50);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int ret;

  home = g_dir_make_tmp ("sluice-test-deployment-tab-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  sluice_test_init_ui (&argc, &argv);

  if (g_find_program_in_path ("git") == NULL)
    {
      g_test_skip ("git is not installed");
      return g_test_run ();
    }

  g_test_add ("/sluice/deployment-tab/no-clone", Fixture, NULL, fixture_set_up, test_no_clone, fixture_tear_down);
  g_test_add ("/sluice/deployment-tab/clone-elsewhere", Fixture, NULL, fixture_set_up, test_clone_elsewhere, fixture_tear_down);
  g_test_add ("/sluice/deployment-tab/commit-and-push", Fixture, NULL, fixture_set_up, test_commit_and_push, fixture_tear_down);
  g_test_add ("/sluice/deployment-tab/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/sluice/deployment-tab/page", Fixture, NULL, fixture_set_up, test_page, fixture_tear_down);
  g_test_add ("/sluice/deployment-tab/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  ret = g_test_run ();
  sluice_test_remove_tree (home);
  return ret;
}
