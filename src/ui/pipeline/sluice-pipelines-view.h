/* sluice-pipelines-view.h: the pipelines of the active account, and one pipeline's page
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline-list.h"
#include "sluice-pipeline-page.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINES_VIEW (sluice_pipelines_view_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelinesView, sluice_pipelines_view, SLUICE, PIPELINES_VIEW, AdwBin)

SluicePipelinesView *sluice_pipelines_view_new             (void);
SluiceAccount       *sluice_pipelines_view_get_account     (SluicePipelinesView *self);
void                 sluice_pipelines_view_set_account     (SluicePipelinesView *self,
                                                            SluiceAccount       *account);
const char          *sluice_pipelines_view_get_state       (SluicePipelinesView *self);
SluicePipelineList  *sluice_pipelines_view_get_pipelines   (SluicePipelinesView *self);
GListModel          *sluice_pipelines_view_get_shown       (SluicePipelinesView *self);
void                 sluice_pipelines_view_set_search      (SluicePipelinesView *self,
                                                            const char          *search);
void                 sluice_pipelines_view_open            (SluicePipelinesView *self,
                                                            SluicePipeline      *pipeline);
void                 sluice_pipelines_view_show_new        (SluicePipelinesView *self,
                                                            const char          *uri);
SluicePipelinePage  *sluice_pipelines_view_get_page        (SluicePipelinesView *self);
const char          *sluice_pipelines_view_get_title       (SluicePipelinesView *self);

G_END_DECLS
