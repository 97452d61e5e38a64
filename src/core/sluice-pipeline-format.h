/* sluice-pipeline-format.h: how a pipeline's values read on screen, and its search keys
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-pipeline.h"

G_BEGIN_DECLS

const char  *sluice_pipeline_format_strategy       (const char     *dev_strategy);
const char  *sluice_pipeline_format_role           (const char     *user_role);
const char  *sluice_pipeline_format_status_class   (const char     *stack_status);
char        *sluice_pipeline_format_status         (const char     *stack_status);
char        *sluice_pipeline_format_clone_command  (SluicePipeline *pipeline);
char        *sluice_pipeline_format_date           (const char     *timestamp);

const char  *sluice_pipeline_get_search_key        (SluicePipeline *pipeline);
const char  *sluice_pipeline_get_collate_key       (SluicePipeline *pipeline);

GStrv        sluice_pipeline_build_variables       (SluicePipeline *pipeline,
                                                    SluiceStage    *stage);
char        *sluice_pipeline_format_exports        (SluicePipeline *pipeline,
                                                    SluiceStage    *stage);

G_END_DECLS
