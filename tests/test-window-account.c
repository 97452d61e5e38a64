/* test-window-account.c
 *
 * The main window with a signed-in account, against the emulator: what data.all answers
 * after sign-in decides the page shown.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-application.h"
#include "sluice-create-wizard.h"
#include "sluice-dataall-api.h"
#include "sluice-pipelines-view.h"
#include "sluice-test-emulator.h"
#include "sluice-test-utils.h"
#include "sluice-window.h"

typedef struct
{
  SluiceTestEmulator *emulator;
  const char         *expect_page;
} Data;

/* The window's stack holds the sections; the Pipelines section has a stack of its own. */
static GtkWidget *
pipelines_stack (GtkWidget *window)
{
  GtkWidget *sections = sluice_test_find_widget (window, GTK_TYPE_STACK, NULL);

  g_assert_nonnull (sections);
  return sluice_test_find_widget (gtk_stack_get_child_by_name (GTK_STACK (sections), "pipelines"),
                                  GTK_TYPE_STACK, NULL);
}

static gboolean
page_is (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (args[0]), args[1]) == 0;
}

static void
wait_page (GtkWidget  *stack,
           const char *name)
{
  gpointer args[2] = { stack, (gpointer) name };

  if (!sluice_test_wait_for (page_is, args, 15000))
    g_error ("Page %s expected, %s shown", name, gtk_stack_get_visible_child_name (GTK_STACK (stack)));
}

static void
token_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sluice_account_sign_in_with_token_finish (SLUICE_ACCOUNT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
list_shown (gpointer view)
{
  return g_strcmp0 (sluice_pipelines_view_get_state (view), "list") == 0;
}

static gboolean
page_loaded (gpointer view)
{
  SluicePipelinePage *page = sluice_pipelines_view_get_page (view);

  return page != NULL && !sluice_pipeline_page_get_loading (page);
}

static gboolean
titled (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (adw_window_title_get_title (args[0]), args[1]) == 0;
}

static void
renamed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;

  pipeline = sluice_dataall_client_update_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* While a pipeline's page is open, the content's header names the pipeline (and follows a
 * new name); anywhere else it names the section. */
static void
check_title (GtkWidget     *window,
             SluiceAccount *account)
{
  SluicePipelinesView *view = SLUICE_PIPELINES_VIEW (sluice_test_find_widget (window, SLUICE_TYPE_PIPELINES_VIEW, NULL));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (sluice_test_find_widget (window, ADW_TYPE_WINDOW_TITLE, "Pipelines"));
  g_autoptr(SluicePipeline) pipeline = NULL;
  gpointer args[2];
  gboolean done = FALSE;

  g_assert_nonnull (view);
  g_assert_nonnull (title);
  g_assert_true (sluice_test_wait_for (list_shown, view, 15000));
  pipeline = g_list_model_get_item (sluice_pipelines_view_get_shown (view), 0);
  g_assert_cmpstr (sluice_pipeline_get_label (pipeline), ==, "customer-360");
  g_assert_null (sluice_pipelines_view_get_title (view));

  sluice_pipelines_view_open (view, pipeline);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "customer-360");
  g_assert_cmpstr (sluice_pipelines_view_get_title (view), ==, "customer-360");
  g_assert_true (sluice_test_wait_for (page_loaded, view, 10000));

  /* Renamed elsewhere, then reloaded: the title follows. */
  sluice_dataall_client_update_pipeline_async (sluice_account_get_client (account), sluice_pipeline_get_uri (pipeline),
                                               "customer-360-renamed", NULL, NULL, NULL, renamed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.refresh", NULL));
  args[0] = title;
  args[1] = (gpointer) "customer-360-renamed";
  g_assert_true (sluice_test_wait_for (titled, args, 10000));
  sluice_test_save_screenshot (window, "window-pipeline-title.png");

  /* Another section names itself; back in Pipelines, the page shown is named again. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "credentials"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Credentials");
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "pipelines"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "customer-360-renamed");

  /* Back on the list: "Pipelines" at once, as the page starts to slide away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pipelines.back", NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Pipelines");
  g_assert_null (sluice_pipelines_view_get_title (view));
  sluice_test_iterate (500);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Pipelines");

  /* Open again, then signed out: no pipeline's name stays behind. */
  sluice_pipelines_view_open (view, pipeline);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "customer-360-renamed");
}

static void
signed_in_pages (GtkApplication *app,
                 gpointer        user_data)
{
  Data *data = user_data;
  SluiceAccountManager *manager = sluice_application_get_account_manager (SLUICE_APPLICATION (app));
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (app));
  GtkWidget *stack = pipelines_stack (window);
  g_autoptr(SluiceAccount) account = sluice_account_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *cleared = NULL;
  gboolean done = FALSE;
  guint status = 0;

  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "welcome");

  g_assert_true (sluice_test_emulator_sign_in (data->emulator, "engineer@example.com", &token, &error));
  g_assert_no_error (error);
  sluice_account_set_name (account, "Emulator");
  sluice_account_set_api_url (account, sluice_test_emulator_get_url (data->emulator));
  sluice_account_sign_in_with_token_async (account, token, NULL, token_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  sluice_account_manager_set_active (manager, account);
  wait_page (stack, data->expect_page);

  if (g_str_equal (data->expect_page, "browser"))
    {
      /* A server error on the next check: the error page, and Try Again recovers. */
      g_assert_true (sluice_test_emulator_add_fault (data->emulator,
                                                     "{\"kind\": \"http500\", \"count\": 8, \"match\": \"ListDataPipelinesCount\"}",
                                                     &error));
      g_assert_no_error (error);
      g_assert_true (gtk_widget_activate_action (window, "win.check-pipelines", NULL));
      wait_page (stack, "error");
      g_assert_nonnull (sluice_test_find_widget (window, ADW_TYPE_STATUS_PAGE, "Pipelines Cannot Be Shown"));

      cleared = sluice_test_emulator_request (data->emulator, "DELETE", "/_emulator/faults", NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
      g_assert_true (gtk_widget_activate_action (window, "win.check-pipelines", NULL));
      wait_page (stack, "browser");

      /* Ctrl+N (win.new-pipeline) opens the wizard once; a second time brings it forward. */
      g_assert_true (gtk_widget_activate_action (window, "win.new-pipeline", NULL));
      g_assert_true (gtk_widget_activate_action (window, "win.new-pipeline", NULL));
      {
        guint wizards = 0;

        for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
          {
            g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

            if (SLUICE_IS_CREATE_WIZARD (toplevel))
              {
                wizards++;
                gtk_window_destroy (GTK_WINDOW (toplevel));
              }
          }
        g_assert_cmpuint (wizards, ==, 1);
      }

      check_title (window, account);
    }

  sluice_account_manager_set_active (manager, NULL);
  sluice_account_manager_remove (manager, account);
  wait_page (stack, "welcome");
  g_assert_nonnull (sluice_test_find_widget (window, ADW_TYPE_WINDOW_TITLE, "Pipelines"));
}

static void
run_with_emulator (const char * const *args,
                   const char         *expect_page)
{
  g_autoptr(GError) error = NULL;
  Data data = { NULL, expect_page };

  data.emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  sluice_test_run_app (GTK_APPLICATION (sluice_application_new ()), signed_in_pages, &data);
  sluice_test_emulator_stop (data.emulator);
}

static void
test_signed_in (void)
{
  run_with_emulator (NULL, "browser");
}

static void
test_pipelines_switched_off (void)
{
  const char *args[] = { "--pipelines-disabled", NULL };

  run_with_emulator (args, "disabled");
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/window-account/signed-in", test_signed_in);
  g_test_add_func ("/sluice/window-account/pipelines-switched-off", test_pipelines_switched_off);

  return g_test_run ();
}
