/* sluice-stages-view.h: the pipeline page's Stages tab
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-deployment.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGES_VIEW (sluice_stages_view_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStagesView, sluice_stages_view, SLUICE, STAGES_VIEW, AdwBin)

GtkWidget        *sluice_stages_view_new            (void);
void              sluice_stages_view_set_account    (SluiceStagesView *self,
                                                     SluiceAccount    *account);
SluicePipeline   *sluice_stages_view_get_pipeline   (SluiceStagesView *self);
void              sluice_stages_view_set_pipeline   (SluiceStagesView *self,
                                                     SluicePipeline   *pipeline);
gboolean          sluice_stages_view_get_requested  (SluiceStagesView *self);
gboolean          sluice_stages_view_get_loading    (SluiceStagesView *self);
void              sluice_stages_view_load           (SluiceStagesView *self);
void              sluice_stages_view_follow         (SluiceStagesView *self);
void              sluice_stages_view_refresh        (SluiceStagesView *self);
SluiceDeployment *sluice_stages_view_get_deployment (SluiceStagesView *self);
const char       *sluice_stages_view_get_summary    (SluiceStagesView *self);
const char       *sluice_stages_view_get_summary_class (SluiceStagesView *self);
const char       *sluice_stages_view_get_message    (SluiceStagesView *self);

G_END_DECLS
