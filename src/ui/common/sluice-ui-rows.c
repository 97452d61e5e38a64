/* sluice-ui-rows.c: read-only rows of a value, for the pages that show what data.all knows
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-ui-rows"

#include "config.h"

#include "sluice-ui-rows.h"

/* The rows of the Overview and the Stack tab are as many as the pipeline has stages, outputs or
 * resources: they are made here, one helper each, rather than from a template per row. */

/**
 * sluice_ui_add_group:
 * @box: where the group goes, last
 * @title: the group's title
 * @description: (nullable): what it shows
 *
 * Returns: (transfer none): a new preferences group in @box
 */
AdwPreferencesGroup *
sluice_ui_add_group (GtkBox     *box,
                     const char *title,
                     const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/**
 * sluice_ui_value_row_new:
 * @title: what the value is (plain text, never markup)
 * @value: (nullable): the value; a dash when there is none
 *
 * Returns: (transfer floating): a new row
 */
AdwActionRow *
sluice_ui_value_row_new (const char *title,
                         const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  sluice_ui_set_row_value (ADW_ACTION_ROW (row), value);
  return ADW_ACTION_ROW (row);
}

/**
 * sluice_ui_add_value_row:
 *
 * Returns: (transfer none): a new value row, added to @group
 */
AdwActionRow *
sluice_ui_add_value_row (AdwPreferencesGroup *group,
                         const char          *title,
                         const char          *value)
{
  AdwActionRow *row = sluice_ui_value_row_new (title, value);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

/**
 * sluice_ui_add_placeholder_row:
 *
 * A dimmed row that says there is nothing to show, and why.
 *
 * Returns: (transfer none): the row, added to @group
 */
AdwActionRow *
sluice_ui_add_placeholder_row (AdwPreferencesGroup *group,
                               const char          *title,
                               const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

void
sluice_ui_set_row_value (AdwActionRow *row,
                         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

void
sluice_ui_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}
