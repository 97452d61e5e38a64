/* sluice-step-row.h: one step of a run of data.all mutations, and how it went
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STEP_ROW (sluice_step_row_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStepRow, sluice_step_row, SLUICE, STEP_ROW, AdwActionRow)

GtkWidget             *sluice_step_row_new       (const char            *title);
SluiceCreateStepState  sluice_step_row_get_state (SluiceStepRow         *self);
void                   sluice_step_row_set_state (SluiceStepRow         *self,
                                                  SluiceCreateStepState  state,
                                                  const char            *message);

G_END_DECLS
