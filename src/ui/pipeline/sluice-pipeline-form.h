/* sluice-pipeline-form.h: the pieces the create wizard and the Edit dialog share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

/* Tags: an "Add tag" entry row and the tags as removable chips, kept in a draft. */
void       sluice_tag_editor_bind            (AdwEntryRow           *entry,
                                              GtkFlowBox            *chips,
                                              SluicePipelineDraft   *draft);
void       sluice_tag_editor_refill          (GtkFlowBox            *chips);

/* The description's "N characters left" against data.all's request limit. */
void       sluice_description_count_update   (GtkLabel              *label,
                                              SluicePipelineDraft   *draft);

/* One row a step of a run of mutations: its title, a spinner or an icon, and its state. */
GtkWidget *sluice_step_row_new               (const char            *title);
void       sluice_step_row_set_state         (GtkWidget             *row,
                                              SluiceCreateStepState  state,
                                              const char            *message);

G_END_DECLS
