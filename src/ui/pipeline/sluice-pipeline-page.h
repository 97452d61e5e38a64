/* sluice-pipeline-page.h: everything data.all knows about one pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_PAGE (sluice_pipeline_page_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelinePage, sluice_pipeline_page, SLUICE, PIPELINE_PAGE, AdwBin)

SluicePipelinePage *sluice_pipeline_page_new              (SluiceAccount      *account,
                                                           SluicePipeline     *pipeline);
SluicePipeline     *sluice_pipeline_page_get_pipeline     (SluicePipelinePage *self);
gboolean            sluice_pipeline_page_get_loading      (SluicePipelinePage *self);
const char         *sluice_pipeline_page_get_stack_status (SluicePipelinePage *self);
const char         *sluice_pipeline_page_get_tab          (SluicePipelinePage *self);
void                sluice_pipeline_page_set_tab          (SluicePipelinePage *self,
                                                           const char         *name);
gboolean            sluice_pipeline_page_get_busy         (SluicePipelinePage *self);
void                sluice_pipeline_page_reload           (SluicePipelinePage *self);

G_END_DECLS
