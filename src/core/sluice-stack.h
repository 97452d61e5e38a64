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

/**
 * SluiceStackResource:
 * @logical_id: the resource's logical id in the template (`LogicalResourceId`)
 * @physical_id: (nullable): its name or id in AWS (`PhysicalResourceId`)
 * @type: (nullable): its CloudFormation type, e.g. `AWS::S3::Bucket`
 * @status: (nullable): its CloudFormation status, e.g. `CREATE_COMPLETE`
 * @reason: (nullable): events only: why (`ResourceStatusReason`)
 *
 * One resource of a stack, or one of its events: what data.all keeps of CloudFormation's
 * describe_stack_resources and describe_stack_events.
 */
typedef struct
{
  char *logical_id;
  char *physical_id;
  char *type;
  char *status;
  char *reason;
} SluiceStackResource;

void sluice_stack_resource_free (SluiceStackResource *resource);

/**
 * SluiceStackOutput:
 * @key: the output's key (`OutputKey`)
 * @value: its value (`OutputValue`)
 */
typedef struct
{
  char *key;
  char *value;
} SluiceStackOutput;

void sluice_stack_output_free (SluiceStackOutput *output);

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
gboolean     sluice_stack_has_details         (SluiceStack *self);

GPtrArray   *sluice_stack_dup_resource_list   (SluiceStack *self);
GPtrArray   *sluice_stack_dup_event_list      (SluiceStack *self);
GPtrArray   *sluice_stack_dup_output_list     (SluiceStack *self);
char        *sluice_stack_dup_error_message   (SluiceStack *self);

G_END_DECLS
