/* sluice-environment.h: a data.all environment: one AWS account and region
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_ENVIRONMENT (sluice_environment_get_type ())

G_DECLARE_FINAL_TYPE (SluiceEnvironment, sluice_environment, SLUICE, ENVIRONMENT, GObject)

SluiceEnvironment *sluice_environment_new_from_json          (JsonObject        *json);
gboolean           sluice_environment_update_from_json       (SluiceEnvironment *self,
                                                              JsonObject        *json);

const char        *sluice_environment_get_uri                (SluiceEnvironment *self);
const char        *sluice_environment_get_label              (SluiceEnvironment *self);
const char        *sluice_environment_get_name               (SluiceEnvironment *self);
const char        *sluice_environment_get_description        (SluiceEnvironment *self);
const char        *sluice_environment_get_owner              (SluiceEnvironment *self);
const char        *sluice_environment_get_aws_account_id     (SluiceEnvironment *self);
const char        *sluice_environment_get_region             (SluiceEnvironment *self);
const char        *sluice_environment_get_team               (SluiceEnvironment *self);
const char        *sluice_environment_get_resource_prefix    (SluiceEnvironment *self);
const char        *sluice_environment_get_default_role_arn   (SluiceEnvironment *self);
const char        *sluice_environment_get_organization_uri   (SluiceEnvironment *self);
const char        *sluice_environment_get_organization_label (SluiceEnvironment *self);
gboolean           sluice_environment_get_pipelines_enabled  (SluiceEnvironment *self);
gboolean           sluice_environment_get_parameters_known   (SluiceEnvironment *self);

G_END_DECLS
