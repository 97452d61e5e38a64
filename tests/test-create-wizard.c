/* test-create-wizard.c: the New Pipeline wizard, driven through its widgets, against the emulator
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With SLUICE_SCREENSHOT_DIR set, the flow also saves a picture of each step there
 * (`import -window <xid>`, under Xvfb).
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "sluice-account.h"
#include "sluice-create-wizard.h"
#include "sluice-dataall-api.h"
#include "sluice-pipeline-draft.h"
#include "sluice-settings.h"
#include "sluice-test-emulator.h"
#include "sluice-test-utils.h"

static SluiceTestEmulator *emulator;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
discard_drafts (const char *account_id)
{
  g_autoptr(GSettings) settings = sluice_settings_new ();

  sluice_pipeline_draft_discard (settings, account_id);
}

static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("SLUICE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface;
  int status = 0;

  if (dir == NULL || !GDK_IS_X11_DISPLAY (gtk_widget_get_display (window)))
    return;
  sluice_test_iterate (400);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  xid = g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
  path = g_strdup_printf ("%s/wizard-%s.png", dir, name);
  {
    const char *argv[] = { "import", "-window", xid, path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error))
      g_test_message ("No screenshot: %s", error->message);
  }
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *label)
{
  GtkWidget *widget = sluice_test_find_widget (root, type, label);

  g_assert_nonnull (widget);
  return widget;
}

/* The @n-th (from 0) descendant of @root of @type with @label. */
static GtkWidget *
find_nth (GtkWidget  *root,
          GType       type,
          const char *label,
          guint      *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && ADW_IS_PREFERENCES_ROW (child) &&
          (label == NULL ||
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), label) == 0))
        {
          if (*n == 0)
            return child;
          (*n)--;
        }
      found = find_nth (child, type, label, n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      found = find_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwComboRow *
stage_combo (GtkWidget  *wizard,
             const char *title,
             guint       index)
{
  GtkWidget *stack = find (wizard, GTK_TYPE_STACK, NULL);
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), "stages");
  guint n = index;
  GtkWidget *combo = find_nth (page, ADW_TYPE_COMBO_ROW, title, &n);

  g_assert_nonnull (combo);
  return ADW_COMBO_ROW (combo);
}

static gboolean
select_item (AdwComboRow *combo,
             const char  *item)
{
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item) == 0)
      {
        adw_combo_row_set_selected (combo, i);
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  GtkWidget  *wizard;
  const char *title;
  guint       index;
  const char *item;
} ComboWait;

static gboolean
combo_has_item (gpointer data)
{
  ComboWait *wait = data;
  AdwComboRow *combo;
  GListModel *model;

  if (wait->index == G_MAXUINT)
    combo = ADW_COMBO_ROW (find (wait->wizard, ADW_TYPE_COMBO_ROW, wait->title));
  else
    combo = stage_combo (wait->wizard, wait->title, wait->index);
  model = adw_combo_row_get_model (combo);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), wait->item) == 0)
      return TRUE;
  return FALSE;
}

static void
choose (GtkWidget  *wizard,
        const char *title,
        guint       stage,
        const char *item)
{
  ComboWait wait = { wizard, title, stage, item };

  g_assert_true (sluice_test_wait_for (combo_has_item, &wait, 10000));
  if (stage == G_MAXUINT)
    g_assert_true (select_item (ADW_COMBO_ROW (find (wizard, ADW_TYPE_COMBO_ROW, title)), item));
  else
    g_assert_true (select_item (stage_combo (wizard, title, stage), item));
}

static gboolean
next_enabled (gpointer data)
{
  GtkWidget *next = find (data, GTK_TYPE_BUTTON, "_Next");

  return gtk_widget_get_sensitive (next);
}

static const char *
reason (GtkWidget *wizard)
{
  GtkWidget *revealer = find (wizard, GTK_TYPE_REVEALER, NULL);
  GtkWidget *label = sluice_test_find_widget (revealer, GTK_TYPE_LABEL, NULL);

  /* The icon's box comes first; the reason is the label. */
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer))
         ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
created_cb (SluiceCreateWizard *wizard,
            const char         *uri,
            char              **slot)
{
  *slot = g_strdup (uri);
}

static gboolean
has_string (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
button_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

typedef struct
{
  GtkWidget  *wizard;
  const char *text;
} SubtitleWait;

static gboolean
stage_flagged (gpointer data)
{
  SubtitleWait *wait = data;
  GtkWidget *stack = find (wait->wizard, GTK_TYPE_STACK, NULL);
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), "stages");
  GtkWidget *row = sluice_test_find_widget (page, ADW_TYPE_EXPANDER_ROW, NULL);

  const char *subtitle = row ? adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)) : NULL;

  return subtitle != NULL && strstr (subtitle, wait->text) != NULL;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_flow (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  SluiceCreateWizard *wizard;
  GtkWidget *widget;
  GtkWidget *name;
  GtkTextBuffer *buffer;
  GtkWidget *without;
  GListModel *stages;
  SubtitleWait flag;

  discard_drafts ("wizard-flow");
  account = sluice_test_emulator_new_account (emulator, "wizard-flow", "engineer@example.com");
  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  g_signal_connect (wizard, "created", G_CALLBACK (created_cb), &uri);
  gtk_window_present (GTK_WINDOW (wizard));
  sluice_test_flush_widget (widget);

  /* 1. Details: Next says why it is disabled. */
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "details");
  g_assert_false (next_enabled (wizard));
  g_assert_cmpstr (reason (widget), ==, "A name is required.");
  name = find (widget, ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Wizard ETL");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (widget, GTK_TYPE_TEXT_VIEW, NULL)));
  gtk_text_buffer_set_text (buffer, "Made by the wizard test.", -1);
  gtk_editable_set_text (GTK_EDITABLE (find (widget, ADW_TYPE_ENTRY_ROW, "Add tag")), "orders, eu");
  g_signal_emit_by_name (find (widget, ADW_TYPE_ENTRY_ROW, "Add tag"), "apply");
  g_assert_nonnull (sluice_test_find_widget (widget, GTK_TYPE_LABEL, "orders"));
  g_assert_nonnull (sluice_test_find_widget (widget, GTK_TYPE_LABEL, "eu"));
  g_assert_true (next_enabled (wizard));
  g_assert_null (reason (widget));
  screenshot (widget, "1-details");
  gtk_widget_activate_action (widget, "wizard.next", NULL);

  /* 2. CI/CD. */
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "cicd");
  g_assert_false (next_enabled (wizard));
  choose (widget, "Environment", G_MAXUINT, "CICD");
  g_assert_cmpstr (reason (widget), ==, "Choose the team that owns the pipeline.");
  choose (widget, "Team", G_MAXUINT, "DataEngineers");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sluice_test_find_widget (find (widget, ADW_TYPE_ACTION_ROW, "CodePipeline, GitFlow"),
                                                                          GTK_TYPE_CHECK_BUTTON, NULL)),
                               TRUE);
  g_assert_true (sluice_test_wait_for (next_enabled, wizard, 10000));
  /* The repository name now has the environment's prefix. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (widget, ADW_TYPE_ACTION_ROW, "Repository name"))),
                   ==, "dataall-wizard-etl-<uri>");
  screenshot (widget, "2-cicd");
  gtk_widget_activate_action (widget, "wizard.next", NULL);

  /* 3. Stages: dev and prod to start with; add test and move it up. */
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "stages");
  g_assert_false (next_enabled (wizard));
  {
    GtkWidget *stack = find (widget, GTK_TYPE_STACK, NULL);
    GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), "stages");
    guint n = 0;
    GtkWidget *first_name = find_nth (page, ADW_TYPE_ENTRY_ROW, "Stage name", &n);

    /* Stages without an environment yet are unfinished, not wrong: only the bar says so. */
    g_assert_null (sluice_test_find_widget (page, GTK_TYPE_LABEL, "Choose an environment for stage “dev”."));
    /* A rule of the list is shown under it. */
    gtk_editable_set_text (GTK_EDITABLE (first_name), "prod");
    g_assert_nonnull (sluice_test_find_widget (page, GTK_TYPE_LABEL,
                                               "There are two stages named “prod”: stage names must be unique."));
    gtk_editable_set_text (GTK_EDITABLE (first_name), "dev");
    g_assert_null (sluice_test_find_widget (page, GTK_TYPE_LABEL,
                                            "There are two stages named “prod”: stage names must be unique."));
  }
  g_signal_emit_by_name (find (widget, GTK_TYPE_BUTTON, "_Add Stage"), "clicked");
  {
    guint n = 0;
    GtkWidget *stack = find (widget, GTK_TYPE_STACK, NULL);
    GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), "stages");
    GtkWidget *third = find_nth (page, ADW_TYPE_EXPANDER_ROW, "Stage 3: test", &n);

    g_assert_nonnull (third);
    g_signal_emit_by_name (find_tooltip (third, "Move Up"), "clicked");
    sluice_test_iterate (50);
  }
  {
    guint n = 0;
    GtkWidget *stack = find (widget, GTK_TYPE_STACK, NULL);
    GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), "stages");

    g_assert_nonnull (find_nth (page, ADW_TYPE_EXPANDER_ROW, "Stage 2: test", &n));
  }
  /* A stage in an environment with pipelines disabled is flagged at its row. */
  choose (widget, "Environment", 0, "SANDBOX");
  flag.wizard = widget;
  flag.text = "Pipelines are disabled in environment SANDBOX";
  g_assert_true (sluice_test_wait_for (stage_flagged, &flag, 10000));
  screenshot (widget, "3-stages-flagged");
  choose (widget, "Environment", 0, "DEV");
  choose (widget, "Environment", 1, "TEST");
  choose (widget, "Environment", 2, "PROD");
  /* The pipeline's team is picked for each stage once the environment's teams arrive. */
  g_assert_true (sluice_test_wait_for (next_enabled, wizard, 10000));
  screenshot (widget, "3-stages");
  gtk_widget_activate_action (widget, "wizard.next", NULL);

  /* 4. Datasets. */
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "datasets");
  choose (widget, "Input dataset", G_MAXUINT, "landing_zone");
  screenshot (widget, "4-datasets");
  gtk_widget_activate_action (widget, "wizard.next", NULL);

  /* 5. Review. */
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "review");
  g_assert_nonnull (sluice_test_find_widget (widget, ADW_TYPE_ACTION_ROW, "dataall-wizard-etl-<uri>-test"));
  g_assert_nonnull (sluice_test_find_widget (widget, GTK_TYPE_BUTTON, "_Create Pipeline"));
  screenshot (widget, "5-review");
  gtk_widget_activate_action (widget, "wizard.next", NULL);

  /* Creating: this emulator refuses the dataset, and the wizard offers to go on without it. */
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "progress");
  without = find (widget, GTK_TYPE_BUTTON, "Create _Without Them");
  g_assert_true (sluice_test_wait_for (button_visible, without, 10000));
  g_assert_nonnull (sluice_test_find_widget (widget, GTK_TYPE_LABEL,
                                             "This data.all refused the input and output datasets: "
                                             "data.all 1.2 and later no longer accept them. You can "
                                             "create the pipeline without them."));
  screenshot (widget, "6-refused");
  gtk_widget_activate_action (widget, "wizard.without-legacy", NULL);
  g_assert_true (sluice_test_wait_for (has_string, &uri, 10000));
  /* The wizard closed itself. */
  sluice_test_iterate (50);
  g_assert_null (widget);

  sluice_dataall_client_get_pipeline_async (sluice_account_get_client (account), uri, NULL,
                                            got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  pipeline = sluice_dataall_client_get_pipeline_finish (sluice_account_get_client (account), result,
                                                        &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_pipeline_get_label (pipeline), ==, "Wizard ETL");
  g_assert_cmpstr (sluice_pipeline_get_dev_strategy (pipeline), ==, "gitflow");
  stages = sluice_pipeline_get_stages (pipeline);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      const char *expected[] = { "dev", "test", "prod" };

      g_assert_cmpstr (sluice_stage_get_stage (stage), ==, expected[sluice_stage_get_order (stage) - 1]);
    }

  /* Created: no draft is left. */
  {
    g_autoptr(GSettings) settings = sluice_settings_new ();
    g_autoptr(SluicePipelineDraft) left = sluice_pipeline_draft_load (settings, "wizard-flow");

    g_assert_null (left);
  }
}

static void
test_draft_kept (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  SluiceCreateWizard *wizard;
  GtkWidget *widget;

  discard_drafts ("wizard-draft");
  account = sluice_test_emulator_new_account (emulator, "wizard-draft", "engineer@example.com");
  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  gtk_window_present (GTK_WINDOW (wizard));
  gtk_editable_set_text (GTK_EDITABLE (find (widget, ADW_TYPE_ENTRY_ROW, "Name")), "Half typed");
  gtk_widget_activate_action (widget, "wizard.cancel", NULL);
  sluice_test_iterate (50);
  g_assert_null (widget);

  /* Opened again: nothing typed is lost. */
  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (widget, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Half typed");
  /* Discarded: gone. */
  gtk_widget_activate_action (widget, "wizard.discard", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (widget, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "");
  gtk_window_destroy (GTK_WINDOW (wizard));
  sluice_test_iterate (50);
  g_assert_null (widget);
  {
    g_autoptr(GSettings) settings = sluice_settings_new ();
    g_autoptr(SluicePipelineDraft) left = sluice_pipeline_draft_load (settings, "wizard-draft");

    g_assert_null (left);
  }
}

/* A name of spaces is nothing typed: no draft to discard, and none kept on closing. */
static void
test_blank_name (void)
{
  g_autoptr(SluiceAccount) account = NULL;
  SluiceCreateWizard *wizard;
  GtkWidget *widget;
  GtkWidget *name;
  GtkWidget *discard;

  discard_drafts ("wizard-blank");
  account = sluice_test_emulator_new_account (emulator, "wizard-blank", "engineer@example.com");
  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  gtk_window_present (GTK_WINDOW (wizard));
  name = find (widget, ADW_TYPE_ENTRY_ROW, "Name");
  discard = find (widget, GTK_TYPE_BUTTON, "_Discard Draft");
  g_assert_false (gtk_widget_get_visible (discard));

  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_assert_false (gtk_widget_get_visible (discard));
  gtk_editable_set_text (GTK_EDITABLE (name), "  a");
  g_assert_true (gtk_widget_get_visible (discard));
  gtk_editable_set_text (GTK_EDITABLE (name), " \t ");
  g_assert_false (gtk_widget_get_visible (discard));
  screenshot (widget, "blank-name");

  gtk_widget_activate_action (widget, "wizard.cancel", NULL);
  sluice_test_iterate (50);
  g_assert_null (widget);
  {
    g_autoptr(GSettings) settings = sluice_settings_new ();
    g_autoptr(SluicePipelineDraft) left = sluice_pipeline_draft_load (settings, "wizard-blank");

    g_assert_null (left);
  }
}

static const char *
environment_uri (SluiceAccount *account,
                 const char    *label)
{
  static GListModel *environments;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (environments == NULL)
    {
      sluice_dataall_client_list_environments_async (sluice_account_get_client (account), NULL,
                                                     got_result_cb, &result);
      g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
      environments = sluice_dataall_client_list_environments_finish (sluice_account_get_client (account),
                                                                     result, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (environments, i);

      if (g_str_equal (sluice_environment_get_label (environment), label))
        return sluice_environment_get_uri (environment);
    }
  g_assert_not_reached ();
}

static gboolean
retry_shown (gpointer data)
{
  GtkWidget *retry = sluice_test_find_widget (data, GTK_TYPE_BUTTON, "_Retry Remaining Stages");

  return retry != NULL && gtk_widget_get_visible (retry);
}

static void
next_when_enabled (GtkWidget *wizard)
{
  g_assert_true (sluice_test_wait_for (next_enabled, wizard, 10000));
  gtk_widget_activate_action (wizard, "wizard.next", NULL);
}

/* A saved draft opens where it was left; a stage that fails is retried from the wizard. */
static void
test_stage_retry (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "wizard-retry", "engineer@example.com");
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_autoptr(GSettings) settings = sluice_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  SluiceCreateWizard *wizard;
  GtkWidget *widget;
  GtkWidget *retry;

  discard_drafts ("wizard-retry");
  sluice_pipeline_draft_set_name (draft, "Retry ETL");
  sluice_pipeline_draft_set_environment (draft, environment_uri (account, "CICD"), "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_set_strategy (draft, SLUICE_DEV_STRATEGY_TRUNK);
  sluice_pipeline_draft_add_stage (draft, "dev", environment_uri (account, "DEV"), "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "test", environment_uri (account, "TEST"), "TEST", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", environment_uri (account, "PROD"), "PROD", "DataEngineers");
  sluice_pipeline_draft_save (draft, settings, "wizard-retry");
  sluice_test_emulator_add_fault (emulator, "{\"kind\": \"http500\", \"match\": "
                                  "\"createDataPipelineEnvironment\", \"skip\": 1}", &error);
  g_assert_no_error (error);

  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  g_signal_connect (wizard, "created", G_CALLBACK (created_cb), &uri);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (widget, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Retry ETL");
  for (guint i = 0; i < 4; i++)
    next_when_enabled (widget);
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "review");
  gtk_widget_activate_action (widget, "wizard.next", NULL);

  g_assert_true (sluice_test_wait_for (retry_shown, widget, 10000));
  retry = find (widget, GTK_TYPE_BUTTON, "_Retry Remaining Stages");
  g_assert_true (gtk_widget_get_sensitive (retry));
  g_assert_true (gtk_widget_get_visible (find (widget, GTK_TYPE_BUTTON, "_Open Pipeline")));
  g_assert_true (gtk_widget_get_visible (find (widget, GTK_TYPE_EXPANDER, NULL)));
  g_assert_nonnull (sluice_test_find_widget (widget, ADW_TYPE_ACTION_ROW, "Add stage 2, “test”, in TEST"));
  screenshot (widget, "7-stage-failed");
  /* The pipeline exists: the draft is kept with it and the stage added, so that neither a
   * crash nor closing loses the rest, and nothing creates the pipeline twice. */
  {
    g_autoptr(SluicePipelineDraft) left = sluice_pipeline_draft_load (settings, "wizard-retry");

    g_assert_nonnull (left);
    g_assert_nonnull (sluice_pipeline_draft_get_created_uri (left));
    g_assert_cmpuint (sluice_pipeline_draft_get_n_created_stages (left), ==, 1);
    g_assert_false (sluice_pipeline_draft_get_in_flight (left));
  }
  gtk_widget_activate_action (widget, "wizard.retry", NULL);
  g_assert_true (sluice_test_wait_for (has_string, &uri, 10000));
  sluice_test_iterate (50);
  g_assert_null (widget);
  /* Everything created: the draft has served. */
  {
    g_autoptr(SluicePipelineDraft) left = sluice_pipeline_draft_load (settings, "wizard-retry");

    g_assert_null (left);
  }
}

/* Sluice was closed while createDataPipeline was under way, and data.all made the pipeline:
 * the wizard opens on its progress, says it found it, and Retry Remaining Stages adds them
 * to that one. */
static void
test_adopt_created (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "wizard-adopt", "engineer@example.com");
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_autoptr(SluicePipelineDraft) bare = NULL;
  g_autoptr(SluicePipelineCreator) earlier = NULL;
  g_autoptr(GSettings) settings = sluice_settings_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *made = NULL;
  const char * const none[] = { NULL };
  SluiceCreateWizard *wizard;
  GtkWidget *widget;
  GtkWidget *row;

  discard_drafts ("wizard-adopt");
  sluice_pipeline_draft_set_name (draft, "Adopt ETL");
  sluice_pipeline_draft_set_environment (draft, environment_uri (account, "CICD"), "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_set_strategy (draft, SLUICE_DEV_STRATEGY_TRUNK);
  /* What the earlier run's createDataPipeline made, before its answer was kept. */
  bare = sluice_pipeline_draft_copy (draft);
  earlier = sluice_pipeline_creator_new (sluice_account_get_client (account), bare);
  sluice_pipeline_creator_run_async (earlier, NULL, got_result_cb, &result);
  g_assert_true (sluice_test_wait_for (has_result, &result, 10000));
  g_assert_true (sluice_pipeline_creator_run_finish (earlier, result, &error));
  g_assert_no_error (error);
  made = g_strdup (sluice_pipeline_get_uri (sluice_pipeline_creator_get_pipeline (earlier)));
  /* The draft as the kill left it: no pipeline with the label before, the create under way. */
  sluice_pipeline_draft_add_stage (draft, "dev", environment_uri (account, "DEV"), "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", environment_uri (account, "PROD"), "PROD", "DataEngineers");
  sluice_pipeline_draft_set_progress (draft, NULL, 0, TRUE);
  sluice_pipeline_draft_set_labelled_before (draft, none);
  sluice_pipeline_draft_save (draft, settings, "wizard-adopt");

  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  g_signal_connect (wizard, "created", G_CALLBACK (created_cb), &uri);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "progress");
  g_assert_true (sluice_test_wait_for (retry_shown, widget, 10000));
  row = find (widget, ADW_TYPE_ACTION_ROW, "Create pipeline “Adopt ETL”");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Sluice found the pipeline it had created before it was closed.");
  g_assert_true (gtk_widget_get_visible (find (widget, GTK_TYPE_BUTTON, "_Open Pipeline")));
  screenshot (widget, "8-adopted");
  {
    g_autoptr(SluicePipelineDraft) left = sluice_pipeline_draft_load (settings, "wizard-adopt");

    g_assert_cmpstr (sluice_pipeline_draft_get_created_uri (left), ==, made);
  }
  gtk_widget_activate_action (widget, "wizard.retry", NULL);
  g_assert_true (sluice_test_wait_for (has_string, &uri, 10000));
  g_assert_cmpstr (uri, ==, made);
  sluice_test_iterate (50);
  g_assert_null (widget);
  g_assert_null (sluice_pipeline_draft_load (settings, "wizard-adopt"));
}

static gboolean
is_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

typedef struct
{
  GtkWidget  *wizard;
  const char *title;
  GtkWidget  *row;
} StageRowLookup;

static gboolean
stage_row_found (gpointer data)
{
  StageRowLookup *lookup = data;
  GtkWidget *stack = find (lookup->wizard, GTK_TYPE_STACK, NULL);
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), "stages");
  guint n = 0;

  lookup->row = find_nth (page, ADW_TYPE_EXPANDER_ROW, lookup->title, &n);
  return lookup->row != NULL;
}

/* The stage row titled @title, waiting for the rows to be renumbered after a move on a busy machine. */
static GtkWidget *
stage_row (GtkWidget  *wizard,
           const char *title)
{
  StageRowLookup lookup = { wizard, title, NULL };

  sluice_test_wait_for (stage_row_found, &lookup, 5000);
  g_assert_nonnull (lookup.row);
  return lookup.row;
}

static gboolean
expanded (GtkWidget  *wizard,
          const char *title)
{
  return adw_expander_row_get_expanded (ADW_EXPANDER_ROW (stage_row (wizard, title)));
}

/* A stage that moves, or moves up because one above it went, stays open or closed as it was. */
static void
test_stage_rows_keep_open (void)
{
  g_autoptr(SluiceAccount) account = sluice_test_emulator_new_account (emulator, "wizard-rows", "engineer@example.com");
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_autoptr(GSettings) settings = sluice_settings_new ();
  SluiceCreateWizard *wizard;
  GtkWidget *widget;

  discard_drafts ("wizard-rows");
  sluice_pipeline_draft_set_name (draft, "Rows ETL");
  sluice_pipeline_draft_set_environment (draft, environment_uri (account, "CICD"), "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "dev", environment_uri (account, "DEV"), "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", environment_uri (account, "PROD"), "PROD", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "test", environment_uri (account, "TEST"), "TEST", "DataEngineers");
  sluice_pipeline_draft_save (draft, settings, "wizard-rows");

  wizard = sluice_create_wizard_new (NULL, account);
  widget = GTK_WIDGET (wizard);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &widget);
  gtk_window_present (GTK_WINDOW (wizard));
  next_when_enabled (widget);
  next_when_enabled (widget);
  g_assert_cmpstr (sluice_create_wizard_get_page (wizard), ==, "stages");

  /* Only "test", the third, is open; it moves up past "prod". */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (stage_row (widget, "Stage 1: dev")), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (stage_row (widget, "Stage 2: prod")), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (stage_row (widget, "Stage 3: test")), TRUE);
  g_signal_emit_by_name (find_tooltip (stage_row (widget, "Stage 3: test"), "Move Up"), "clicked");
  sluice_test_iterate (50);
  g_assert_true (expanded (widget, "Stage 2: test"));
  g_assert_false (expanded (widget, "Stage 3: prod"));
  g_assert_false (expanded (widget, "Stage 1: dev"));

  /* And back down. */
  g_signal_emit_by_name (find_tooltip (stage_row (widget, "Stage 2: test"), "Move Down"), "clicked");
  sluice_test_iterate (50);
  g_assert_true (expanded (widget, "Stage 3: test"));
  g_assert_false (expanded (widget, "Stage 2: prod"));

  /* "dev" goes: "prod" and "test" move up, still closed and open. */
  g_signal_emit_by_name (find_tooltip (stage_row (widget, "Stage 1: dev"), "Remove Stage"), "clicked");
  sluice_test_iterate (50);
  g_assert_false (expanded (widget, "Stage 1: prod"));
  g_assert_true (expanded (widget, "Stage 2: test"));

  /* Closing cancels what the wizard still loads; it is gone once those callbacks ran. */
  gtk_window_close (GTK_WINDOW (wizard));
  g_assert_true (sluice_test_wait_for (is_gone, &widget, 10000));
  discard_drafts ("wizard-rows");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sluice_test_init_ui (&argc, &argv);
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  emulator = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sluice/create-wizard/flow", test_flow);
  g_test_add_func ("/sluice/create-wizard/draft-kept", test_draft_kept);
  g_test_add_func ("/sluice/create-wizard/blank-name", test_blank_name);
  g_test_add_func ("/sluice/create-wizard/stage-retry", test_stage_retry);
  g_test_add_func ("/sluice/create-wizard/adopt-created", test_adopt_created);
  g_test_add_func ("/sluice/create-wizard/stage-rows-keep-open", test_stage_rows_keep_open);

  status = g_test_run ();
  sluice_test_emulator_stop (emulator);
  return status;
}
