/* sluice-pipeline-form.c: what the create wizard and the Edit dialog share besides widgets
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
/* Description                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_form_dup_description:
 * @view: the description's text view
 *
 * Returns: (transfer full): the description as typed
 */
char *
sluice_pipeline_form_dup_description (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * sluice_pipeline_form_update_description_count:
 * @label: the count, beside the Description heading
 *
 * Says how many characters the description may still grow by (or is over by, in red): the
 * limit is what keeps the whole request under data.all's 8 KB, at most 5000 characters.
 */
void
sluice_pipeline_form_update_description_count (GtkLabel            *label,
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
