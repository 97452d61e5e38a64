/* sluice-pipeline.h: a data.all pipeline: its repository, CI/CD environment, stages and stack
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sluice-environment.h"
#include "sluice-stack.h"
#include "sluice-stage.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE (sluice_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipeline, sluice_pipeline, SLUICE, PIPELINE, GObject)

SluicePipeline     *sluice_pipeline_new_from_json          (JsonObject     *json);
gboolean            sluice_pipeline_update_from_json       (SluicePipeline *self,
                                                            JsonObject     *json);
gboolean            sluice_pipeline_update_from_pipeline   (SluicePipeline *self,
                                                            SluicePipeline *newer);
void                sluice_pipeline_set_stack              (SluicePipeline *self,
                                                            SluiceStack    *stack);

const char         *sluice_pipeline_get_uri                (SluicePipeline *self);
const char         *sluice_pipeline_get_name               (SluicePipeline *self);
const char         *sluice_pipeline_get_label              (SluicePipeline *self);
const char         *sluice_pipeline_get_description        (SluicePipeline *self);
const char * const *sluice_pipeline_get_tags               (SluicePipeline *self);
const char         *sluice_pipeline_get_created            (SluicePipeline *self);
const char         *sluice_pipeline_get_updated            (SluicePipeline *self);
const char         *sluice_pipeline_get_owner              (SluicePipeline *self);
const char         *sluice_pipeline_get_repo               (SluicePipeline *self);
const char         *sluice_pipeline_get_team               (SluicePipeline *self);
const char         *sluice_pipeline_get_dev_strategy       (SluicePipeline *self);
const char         *sluice_pipeline_get_template           (SluicePipeline *self);
const char         *sluice_pipeline_get_clone_url          (SluicePipeline *self);
const char         *sluice_pipeline_get_user_role          (SluicePipeline *self);
const char         *sluice_pipeline_get_organization_uri   (SluicePipeline *self);
const char         *sluice_pipeline_get_organization_label (SluicePipeline *self);
const char         *sluice_pipeline_get_input_dataset_uri  (SluicePipeline *self);
const char         *sluice_pipeline_get_output_dataset_uri (SluicePipeline *self);

SluiceEnvironment  *sluice_pipeline_get_environment        (SluicePipeline *self);
SluiceStack        *sluice_pipeline_get_stack              (SluicePipeline *self);
GListModel         *sluice_pipeline_get_stages             (SluicePipeline *self);
const char         *sluice_pipeline_get_stack_target_type  (SluicePipeline *self);
guint               sluice_pipeline_get_revision           (SluicePipeline *self);

G_END_DECLS
