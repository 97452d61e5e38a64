/* test-stage-row.c: one stage of a pipeline form
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-stage-row.h"
#include "sluice-test-utils.h"

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static GtkWidget *
button (SluiceStageRow *row,
        const char     *tooltip)
{
  GtkWidget *found = sluice_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, tooltip);

  g_assert_nonnull (found);
  return found;
}

static void
test_buttons (void)
{
  SluiceStageRow *first = SLUICE_STAGE_ROW (g_object_ref_sink (sluice_stage_row_new (0, 3)));
  SluiceStageRow *middle = SLUICE_STAGE_ROW (g_object_ref_sink (sluice_stage_row_new (1, 3)));
  SluiceStageRow *only = SLUICE_STAGE_ROW (g_object_ref_sink (sluice_stage_row_new (0, 1)));
  guint n_up = 0, n_down = 0, n_remove = 0;

  g_assert_cmpuint (sluice_stage_row_get_index (middle), ==, 1);
  /* The first cannot move up, the last not down. */
  g_assert_false (gtk_widget_get_sensitive (button (first, "Move Up")));
  g_assert_true (gtk_widget_get_sensitive (button (first, "Move Down")));
  g_assert_true (gtk_widget_get_sensitive (button (middle, "Move Up")));
  g_assert_true (gtk_widget_get_sensitive (button (middle, "Move Down")));
  g_assert_false (gtk_widget_get_sensitive (button (only, "Move Up")));
  g_assert_false (gtk_widget_get_sensitive (button (only, "Move Down")));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button (only, "Remove Stage")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Stage");

  /* The buttons say what the user asked; the row itself moves nothing. */
  g_signal_connect (middle, "move-up", G_CALLBACK (count_cb), &n_up);
  g_signal_connect (middle, "move-down", G_CALLBACK (count_cb), &n_down);
  g_signal_connect (middle, "remove", G_CALLBACK (count_cb), &n_remove);
  g_signal_emit_by_name (button (middle, "Move Up"), "clicked");
  g_signal_emit_by_name (button (middle, "Move Down"), "clicked");
  g_signal_emit_by_name (button (middle, "Remove Stage"), "clicked");
  g_assert_cmpuint (n_up, ==, 1);
  g_assert_cmpuint (n_down, ==, 1);
  g_assert_cmpuint (n_remove, ==, 1);
  g_assert_cmpuint (sluice_stage_row_get_index (middle), ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (middle);
  g_assert_finalize_object (only);
}

static void
test_fields (void)
{
  SluiceStageRow *row = SLUICE_STAGE_ROW (g_object_ref_sink (sluice_stage_row_new (1, 2)));
  g_autoptr(GtkStringList) environments = gtk_string_list_new ((const char *[]) { "Choose an environment", "dev",
                                                                                   "prod", NULL });
  g_autoptr(GtkStringList) teams = gtk_string_list_new ((const char *[]) { "Choose a team", "DataTeam", NULL });
  guint n_name = 0, n_environment = 0, n_team = 0;

  g_signal_connect (row, "name-changed", G_CALLBACK (count_cb), &n_name);
  g_signal_connect (row, "environment-changed", G_CALLBACK (count_cb), &n_environment);
  g_signal_connect (row, "team-changed", G_CALLBACK (count_cb), &n_team);

  sluice_stage_row_set_name (row, "test");
  g_assert_cmpstr (sluice_stage_row_get_name (row), ==, "test");
  g_assert_cmpuint (n_name, ==, 1);
  /* A suggested name replaces what was typed. */
  g_signal_emit_by_name (sluice_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, "prod"), "clicked");
  g_assert_cmpstr (sluice_stage_row_get_name (row), ==, "prod");
  g_assert_cmpuint (n_name, >, 1);

  sluice_stage_row_set_environments (row, G_LIST_MODEL (environments), 2);
  g_assert_cmpuint (adw_combo_row_get_selected (sluice_stage_row_get_environment_row (row)), ==, 2);
  g_assert_cmpuint (n_environment, >=, 1);
  n_environment = 0;
  adw_combo_row_set_selected (sluice_stage_row_get_environment_row (row), 1);
  g_assert_cmpuint (n_environment, ==, 1);
  sluice_stage_row_set_teams (row, G_LIST_MODEL (teams), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (sluice_stage_row_get_team_row (row)), ==, 1);
  g_assert_cmpuint (n_team, >=, 1);

  /* The summary, with a warning when something is wrong. */
  sluice_stage_row_set_summary (row, "Stage 2: prod", "dev, team DataTeam", FALSE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Stage 2: prod");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "dev, team DataTeam");
  g_assert_false (sluice_stage_row_get_problem (row));
  sluice_stage_row_set_summary (row, "Stage 2: Prod", "A stage name has only lowercase letters", TRUE);
  g_assert_true (sluice_stage_row_get_problem (row));
  /* Titles are text, never markup. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));

  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/sluice/stage-row/buttons", test_buttons);
  g_test_add_func ("/sluice/stage-row/fields", test_fields);

  return g_test_run ();
}
