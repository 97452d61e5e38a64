/* sluice-stage.h: one deployment stage of a pipeline (a DataPipelineEnvironment)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGE (sluice_stage_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStage, sluice_stage, SLUICE, STAGE, GObject)

SluiceStage *sluice_stage_new_from_json         (JsonObject  *json);
gboolean     sluice_stage_update_from_json      (SluiceStage *self,
                                                 JsonObject  *json);

const char  *sluice_stage_get_uri               (SluiceStage *self);
const char  *sluice_stage_get_environment_uri   (SluiceStage *self);
const char  *sluice_stage_get_environment_label (SluiceStage *self);
const char  *sluice_stage_get_pipeline_uri      (SluiceStage *self);
const char  *sluice_stage_get_pipeline_label    (SluiceStage *self);
const char  *sluice_stage_get_stage             (SluiceStage *self);
int          sluice_stage_get_order             (SluiceStage *self);
const char  *sluice_stage_get_region            (SluiceStage *self);
const char  *sluice_stage_get_aws_account_id    (SluiceStage *self);
const char  *sluice_stage_get_team              (SluiceStage *self);

G_END_DECLS
