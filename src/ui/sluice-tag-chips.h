/* sluice-tag-chips.h: a pipeline's tags as removable chips
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * SluiceTagRemoveFunc:
 * @tag: the tag whose remove button was clicked
 * @user_data: what sluice_tag_chips_fill() was given
 */
typedef void (*SluiceTagRemoveFunc) (const char *tag,
                                     gpointer    user_data);

void sluice_tag_chips_fill (GtkFlowBox          *box,
                            const char * const  *tags,
                            SluiceTagRemoveFunc  remove,
                            gpointer             user_data);

G_END_DECLS
