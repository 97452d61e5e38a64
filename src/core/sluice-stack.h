/* sluice-stack.h: the CloudFormation stack data.all deploys for a pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_STACK (sluice_stack_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStack, sluice_stack, SLUICE, STACK, GObject)

SluiceStack *sluice_stack_new_from_json       (JsonObject  *json);
gboolean     sluice_stack_update_from_json    (SluiceStack *self,
                                               JsonObject  *json);

const char  *sluice_stack_get_uri             (SluiceStack *self);
const char  *sluice_stack_get_target_uri      (SluiceStack *self);
const char  *sluice_stack_get_target_type     (SluiceStack *self);
const char  *sluice_stack_get_environment_uri (SluiceStack *self);
const char  *sluice_stack_get_name            (SluiceStack *self);
const char  *sluice_stack_get_account_id      (SluiceStack *self);
const char  *sluice_stack_get_region          (SluiceStack *self);
const char  *sluice_stack_get_status          (SluiceStack *self);
const char  *sluice_stack_get_stack_id        (SluiceStack *self);
const char  *sluice_stack_get_updated         (SluiceStack *self);
const char  *sluice_stack_get_link            (SluiceStack *self);
const char  *sluice_stack_get_outputs         (SluiceStack *self);
const char  *sluice_stack_get_resources       (SluiceStack *self);
const char  *sluice_stack_get_error           (SluiceStack *self);
const char  *sluice_stack_get_events          (SluiceStack *self);
const char  *sluice_stack_get_ecs_task_arn    (SluiceStack *self);
gboolean     sluice_stack_get_can_view_logs   (SluiceStack *self);

gboolean     sluice_stack_is_busy             (SluiceStack *self);

G_END_DECLS
