/* sluice-heading-box.h: a heading and its badge, side by side while they fit
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_HEADING_BOX (sluice_heading_box_get_type ())

G_DECLARE_FINAL_TYPE (SluiceHeadingBox, sluice_heading_box, SLUICE, HEADING_BOX, GtkWidget)

GtkWidget *sluice_heading_box_new         (void);
int        sluice_heading_box_get_spacing (SluiceHeadingBox *self);
void       sluice_heading_box_set_spacing (SluiceHeadingBox *self,
                                           int               spacing);
gboolean   sluice_heading_box_get_wrapped (SluiceHeadingBox *self);

G_END_DECLS
