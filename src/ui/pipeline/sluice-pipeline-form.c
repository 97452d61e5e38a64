/* sluice-pipeline-form.c: the pieces the create wizard and the Edit dialog share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-form"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-pipeline-form.h"

/* ------------------------------------------------------------------------------------------ */
/* Tags                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* A GtkFlowBox of chips (GTK 4.8 has no chip widget): the tag and a round remove button whose
 * accessible name says which tag it removes. What the box edits hangs on it. */

typedef struct
{
  AdwEntryRow         *entry;
  GtkFlowBox          *chips;
  SluicePipelineDraft *draft;
} TagEditor;

static void
tag_editor_free (gpointer data)
{
  TagEditor *editor = data;

  g_clear_object (&editor->draft);
  g_free (editor);
}

static TagEditor *
tag_editor_get (GtkFlowBox *chips)
{
  return g_object_get_data (G_OBJECT (chips), "sluice-tag-editor");
}

static void
remove_clicked_cb (GtkButton  *button,
                   GtkFlowBox *chips)
{
  TagEditor *editor = tag_editor_get (chips);
  g_autofree char *tag = g_strdup (g_object_get_data (G_OBJECT (button), "sluice-tag"));

  /* Refilling destroys this button: the tag was copied first. */
  sluice_pipeline_draft_remove_tag (editor->draft, tag);
  sluice_tag_editor_refill (chips);
  gtk_widget_grab_focus (GTK_WIDGET (editor->entry));
}

static void
apply_cb (AdwEntryRow *entry,
          GtkFlowBox  *chips)
{
  TagEditor *editor = tag_editor_get (chips);
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    sluice_pipeline_draft_add_tag (editor->draft, parts[i]);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  sluice_tag_editor_refill (chips);
}

/**
 * sluice_tag_editor_bind:
 * @entry: where tags are typed (several at once, separated by commas)
 * @chips: where they show
 * @draft: where they are kept
 *
 * Ties the three together; binding again changes only the draft.
 */
void
sluice_tag_editor_bind (AdwEntryRow         *entry,
                        GtkFlowBox          *chips,
                        SluicePipelineDraft *draft)
{
  TagEditor *editor;

  g_return_if_fail (ADW_IS_ENTRY_ROW (entry));
  g_return_if_fail (GTK_IS_FLOW_BOX (chips));
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (draft));

  editor = tag_editor_get (chips);
  if (editor == NULL)
    {
      editor = g_new0 (TagEditor, 1);
      editor->entry = entry;
      editor->chips = chips;
      g_object_set_data_full (G_OBJECT (chips), "sluice-tag-editor", editor, tag_editor_free);
      g_signal_connect_object (entry, "apply", G_CALLBACK (apply_cb), chips, 0);
      g_signal_connect_object (entry, "entry-activated", G_CALLBACK (apply_cb), chips, 0);
    }
  g_set_object (&editor->draft, draft);
  sluice_tag_editor_refill (chips);
}

/**
 * sluice_tag_editor_refill:
 *
 * Shows the draft's tags anew; the box is hidden when there are none.
 */
void
sluice_tag_editor_refill (GtkFlowBox *chips)
{
  TagEditor *editor = tag_editor_get (chips);
  const char * const *tags;
  GtkWidget *child;

  g_return_if_fail (editor != NULL);

  tags = sluice_pipeline_draft_get_tags (editor->draft);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (chips))) != NULL)
    gtk_flow_box_remove (chips, child);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (tags[i]);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove tag %s"), tags[i]);

      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      gtk_widget_add_css_class (chip, "card");
      gtk_widget_add_css_class (chip, "sluice-tag");
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (button), "sluice-tag", g_strdup (tags[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), chips);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), button);
      gtk_flow_box_append (chips, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (chips), tags != NULL && tags[0] != NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Description                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_description_count_update:
 * @label: the count, beside the Description heading
 *
 * Says how many characters the description may still grow by (or is over by, in red): the
 * limit is what keeps the whole request under data.all's 8 KB, at most 5000 characters.
 */
void
sluice_description_count_update (GtkLabel            *label,
                                 SluicePipelineDraft *draft)
{
  int left = sluice_pipeline_draft_get_description_left (draft);
  g_autofree char *count = NULL;

  if (left >= 0)
    count = g_strdup_printf (ngettext ("%d character left", "%d characters left", left), left);
  else
    count = g_strdup_printf (ngettext ("%d character too many", "%d characters too many", -left),
                             -left);
  gtk_label_set_label (label, count);
  if (left < 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/* ------------------------------------------------------------------------------------------ */
/* Steps                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_step_row_new:
 * @title: what the step does
 *
 * Returns: (transfer floating): a row for one step, waiting
 */
GtkWidget *
sluice_step_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *icon = gtk_image_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "sluice-spinner", spinner);
  g_object_set_data (G_OBJECT (row), "sluice-icon", icon);
  sluice_step_row_set_state (row, SLUICE_CREATE_STEP_PENDING, NULL);
  return row;
}

/**
 * sluice_step_row_set_state:
 * @message: (nullable): why a failed step failed
 */
void
sluice_step_row_set_state (GtkWidget             *row,
                           SluiceCreateStepState  state,
                           const char            *message)
{
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "sluice-spinner");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "sluice-icon");

  g_return_if_fail (ADW_IS_ACTION_ROW (row) && spinner != NULL);

  gtk_widget_set_visible (spinner, state == SLUICE_CREATE_STEP_RUNNING);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), state == SLUICE_CREATE_STEP_RUNNING);
  gtk_widget_set_visible (icon, state != SLUICE_CREATE_STEP_RUNNING);
  switch (state)
    {
    case SLUICE_CREATE_STEP_DONE:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Done"));
      break;
    case SLUICE_CREATE_STEP_FAILED:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message ? message : "");
      break;
    case SLUICE_CREATE_STEP_RUNNING:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("In progress…"));
      break;
    case SLUICE_CREATE_STEP_PENDING:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "content-loading-symbolic");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Waiting"));
      break;
    }
}
