/* sluice-a11y.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-a11y"

#include "config.h"

#include "sluice-a11y.h"

/**
 * sluice_a11y_name_mnemonic_buttons:
 * @root: a widget whose buttons to fix
 *
 * GTK 4.8 names a button with a mnemonic ("_Cancel") after its raw label *and* its label's
 * text, so a screen reader says "_Cancel Cancel". Naming each such button by its label
 * widget instead gives the visible label ("Cancel"), which is also how tests find it.
 */
void
sluice_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));

      if (GTK_IS_LABEL (child))
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (root),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                          -1);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sluice_a11y_name_mnemonic_buttons (child);
}
