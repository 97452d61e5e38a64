/* sluice-tag-chips.c: a pipeline's tags as removable chips
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-tag-chips.h"

/* A GtkFlowBox of chips (GTK 4.8 has no chip widget): the tag and a round remove button
 * whose accessible name says which tag it removes. */

typedef struct
{
  SluiceTagRemoveFunc  remove;
  gpointer             user_data;
  char                *tag;
} Chip;

static void
chip_free (gpointer  data,
           GClosure *closure)
{
  Chip *chip = data;

  g_free (chip->tag);
  g_free (chip);
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  Chip *chip = user_data;
  g_autofree char *tag = g_strdup (chip->tag);

  /* The callback may refill the box, which frees @chip: the tag was copied first. */
  chip->remove (tag, chip->user_data);
}

/**
 * sluice_tag_chips_fill:
 * @box: the flow box
 * @tags: (array zero-terminated=1) (nullable): the tags
 * @remove: called with the tag whose remove button was clicked
 *
 * Replaces @box's chips with @tags; @box is hidden when there are none.
 */
void
sluice_tag_chips_fill (GtkFlowBox          *box,
                       const char * const  *tags,
                       SluiceTagRemoveFunc  remove,
                       gpointer             user_data)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (tags[i]);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove tag %s"), tags[i]);
      Chip *data;

      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      gtk_widget_add_css_class (chip, "card");
      gtk_widget_add_css_class (chip, "sluice-tag");
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      data = g_new0 (Chip, 1);
      data->remove = remove;
      data->user_data = user_data;
      data->tag = g_strdup (tags[i]);
      g_signal_connect_data (button, "clicked", G_CALLBACK (remove_clicked_cb), data,
                             chip_free, 0);
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), button);
      gtk_flow_box_append (box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (box), tags != NULL && tags[0] != NULL);
}
