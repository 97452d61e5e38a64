/* sluice-stages-history.h: the Stages tab's history: what is where, and the recent executions
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-deployment.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGES_HISTORY (sluice_stages_history_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStagesHistory, sluice_stages_history, SLUICE, STAGES_HISTORY, GtkBox)

GtkWidget *sluice_stages_history_new    (void);
void       sluice_stages_history_update (SluiceStagesHistory *self,
                                         SluiceDeployment    *deployment);
gboolean   sluice_stages_history_shows  (SluiceStagesHistory *self,
                                         const char          *text);

G_END_DECLS
