/* sluice-stack.c: the CloudFormation stack data.all deploys for a pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stack"

#include "config.h"

#include "sluice-json-model.h"
#include "sluice-stack.h"

enum {
  PROP_0,
  PROP_URI,
  PROP_TARGET_URI,
  PROP_TARGET_TYPE,
  PROP_ENVIRONMENT_URI,
  PROP_NAME,
  PROP_ACCOUNT_ID,
  PROP_REGION,
  PROP_STATUS,
  PROP_STACK_ID,
  PROP_UPDATED,
  PROP_LINK,
  PROP_OUTPUTS,
  PROP_RESOURCES,
  PROP_ERROR,
  PROP_EVENTS,
  PROP_ECS_TASK_ARN,
  PROP_CAN_VIEW_LOGS,
  N_PROPS
};

struct _SluiceStack
{
  GObject          parent_instance;

  SluiceJsonValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SluiceStack, sluice_stack, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Which JSON member fills which property. */
static const SluiceJsonField fields[] = {
  { PROP_URI, "stackUri" },
  { PROP_TARGET_URI, "targetUri" },
  { PROP_TARGET_TYPE, "stack" },
  { PROP_ENVIRONMENT_URI, "environmentUri" },
  { PROP_NAME, "name" },
  { PROP_ACCOUNT_ID, "accountid" },
  { PROP_REGION, "region" },
  { PROP_STATUS, "status" },
  { PROP_STACK_ID, "stackid" },
  { PROP_UPDATED, "updated" },
  { PROP_LINK, "link" },
  { PROP_OUTPUTS, "outputs" },
  { PROP_RESOURCES, "resources" },
  { PROP_ERROR, "error" },
  { PROP_EVENTS, "events" },
  { PROP_ECS_TASK_ARN, "EcsTaskArn" },
  { PROP_CAN_VIEW_LOGS, "canViewLogs" },
};

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* The JSON object encoded in @text, or NULL: data.all sends "{}" when it knows nothing, but
 * nothing stops an older or newer server from sending null, "" or something else. */
static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (text == NULL || *text == '\0')
    return NULL;
  parser = json_parser_new_immutable ();
  if (!sluice_json_is_single_value (text, -1) || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

/* A member as text: strings as they are, numbers and booleans written out, else NULL. */
static char *
dup_member_text (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

/* The objects of the array @member of the object encoded in @text, as SluiceStackResources
 * (those without a logical id are skipped: there is nothing to call them). */
static GPtrArray *
parse_resource_list (const char *text,
                     const char *member)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_stack_resource_free);
  g_autoptr(JsonObject) object = parse_object (text);
  JsonNode *node;
  JsonArray *array;

  if (object == NULL)
    return list;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return list;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item;
      SluiceStackResource *resource;
      g_autofree char *logical_id = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      item = json_node_get_object (element);
      logical_id = dup_member_text (item, "LogicalResourceId");
      if (logical_id == NULL || *logical_id == '\0')
        continue;
      resource = g_new0 (SluiceStackResource, 1);
      resource->logical_id = g_steal_pointer (&logical_id);
      resource->physical_id = dup_member_text (item, "PhysicalResourceId");
      resource->type = dup_member_text (item, "ResourceType");
      resource->status = dup_member_text (item, "ResourceStatus");
      resource->reason = dup_member_text (item, "ResourceStatusReason");
      g_ptr_array_add (list, resource);
    }
  return list;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_stack_finalize (GObject *object)
{
  SluiceStack *self = (SluiceStack *) object;

  sluice_json_model_clear_values (self->values, properties, N_PROPS);

  G_OBJECT_CLASS (sluice_stack_parent_class)->finalize (object);
}

static void
sluice_stack_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SluiceStack *self = SLUICE_STACK (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_get_value (self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_stack_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SluiceStack *self = SLUICE_STACK (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_set_value (object, self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_stack_class_init (SluiceStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_stack_finalize;
  object_class->get_property = sluice_stack_get_property;
  object_class->set_property = sluice_stack_set_property;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_URI] =
    g_param_spec_string ("target-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStack:target-type:
   *
   * What the stack deploys: "pipeline" or "cdkpipeline" for pipelines.
   */
  properties[PROP_TARGET_TYPE] =
    g_param_spec_string ("target-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT_URI] =
    g_param_spec_string ("environment-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStack:status:
   *
   * "pending" until deployment starts, then CloudFormation's stack status (CREATE_IN_PROGRESS, CREATE_COMPLETE…).
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STACK_ID] =
    g_param_spec_string ("stack-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStack:outputs:
   *
   * The outputs as data.all gives them: a JSON-encoded string.
   */
  properties[PROP_OUTPUTS] =
    g_param_spec_string ("outputs", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStack:resources:
   *
   * The resources as a JSON-encoded string: `{"resources": [...]}`.
   */
  properties[PROP_RESOURCES] =
    g_param_spec_string ("resources", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EVENTS] =
    g_param_spec_string ("events", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ECS_TASK_ARN] =
    g_param_spec_string ("ecs-task-arn", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_VIEW_LOGS] =
    g_param_spec_boolean ("can-view-logs", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_stack_init (SluiceStack *self)
{
  sluice_json_model_init_values (self->values, properties, N_PROPS);
}

/**
 * sluice_stack_new_from_json:
 * @json: an object of data.all's answer
 *
 * Returns: (transfer full): a new #SluiceStack holding the members @json has
 */
SluiceStack *
sluice_stack_new_from_json (JsonObject *json)
{
  SluiceStack *self;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_STACK, NULL);
  sluice_stack_update_from_json (self, json);
  return self;
}

/**
 * sluice_stack_update_from_json:
 * @self: a #SluiceStack
 * @json: an object of data.all's answer
 *
 * Sets the properties whose members @json holds, notifying only those that change.
 *
 * Returns: %TRUE if any property changed
 */
gboolean
sluice_stack_update_from_json (SluiceStack *self,
                               JsonObject *json)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* It emits the notifications together, once the whole answer is in. */
  return sluice_json_model_update (G_OBJECT (self), self->values, properties,
                                   fields, G_N_ELEMENTS (fields), json) > 0;
}

const char *
sluice_stack_get_uri (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_URI].v_string;
}

const char *
sluice_stack_get_target_uri (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_TARGET_URI].v_string;
}

const char *
sluice_stack_get_target_type (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_TARGET_TYPE].v_string;
}

const char *
sluice_stack_get_environment_uri (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_ENVIRONMENT_URI].v_string;
}

const char *
sluice_stack_get_name (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_NAME].v_string;
}

const char *
sluice_stack_get_account_id (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_ACCOUNT_ID].v_string;
}

const char *
sluice_stack_get_region (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_REGION].v_string;
}

const char *
sluice_stack_get_status (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_STATUS].v_string;
}

const char *
sluice_stack_get_stack_id (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_STACK_ID].v_string;
}

const char *
sluice_stack_get_updated (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_UPDATED].v_string;
}

const char *
sluice_stack_get_link (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_LINK].v_string;
}

const char *
sluice_stack_get_outputs (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_OUTPUTS].v_string;
}

const char *
sluice_stack_get_resources (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_RESOURCES].v_string;
}

const char *
sluice_stack_get_error (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_ERROR].v_string;
}

const char *
sluice_stack_get_events (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_EVENTS].v_string;
}

const char *
sluice_stack_get_ecs_task_arn (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);
  return self->values[PROP_ECS_TASK_ARN].v_string;
}

gboolean
sluice_stack_get_can_view_logs (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), FALSE);
  return self->values[PROP_CAN_VIEW_LOGS].v_int64 != 0;
}

/**
 * sluice_stack_is_busy:
 *
 * Returns: whether the stack has not settled yet: pending, or a status ending in _IN_PROGRESS
 */
gboolean
sluice_stack_is_busy (SluiceStack *self)
{
  const char *status;

  g_return_val_if_fail (SLUICE_IS_STACK (self), FALSE);

  status = sluice_stack_get_status (self);
  return status != NULL && (g_str_equal (status, "pending") || g_str_has_suffix (status, "_IN_PROGRESS"));
}

/**
 * sluice_stack_has_details:
 *
 * Returns: whether the stack came with its resources (getStack, updateStack), not only its
 *   status (DataPipeline.stack)
 */
gboolean
sluice_stack_has_details (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), FALSE);

  return sluice_stack_get_resources (self) != NULL;
}

/**
 * sluice_stack_dup_resource_list:
 *
 * Reads `resources`, `{"resources": [{LogicalResourceId, PhysicalResourceId, ResourceType,
 * ResourceStatus, ...}]}`, in the order CloudFormation listed them.
 *
 * Returns: (transfer full) (element-type SluiceStackResource): the resources; empty when there
 *   are none or the text cannot be read
 */
GPtrArray *
sluice_stack_dup_resource_list (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);

  return parse_resource_list (sluice_stack_get_resources (self), "resources");
}

/**
 * sluice_stack_dup_event_list:
 *
 * Reads `events`, `{"events": [{LogicalResourceId, ResourceStatus, ResourceStatusReason,
 * ...}]}`, newest first as CloudFormation lists them.
 *
 * Returns: (transfer full) (element-type SluiceStackResource): the events; empty when there
 *   are none or the text cannot be read
 */
GPtrArray *
sluice_stack_dup_event_list (SluiceStack *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);

  return parse_resource_list (sluice_stack_get_events (self), "events");
}

/**
 * sluice_stack_dup_output_list:
 *
 * Reads `outputs`, `{"<OutputKey>": "<OutputValue>", ...}`, sorted by key.
 *
 * Returns: (transfer full) (element-type SluiceStackOutput): the outputs; empty when there are
 *   none or the text cannot be read
 */
GPtrArray *
sluice_stack_dup_output_list (SluiceStack *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_stack_output_free);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (SLUICE_IS_STACK (self), list);

  object = parse_object (sluice_stack_get_outputs (self));
  if (object == NULL)
    return list;
  names = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      SluiceStackOutput *output = g_new0 (SluiceStackOutput, 1);

      output->key = g_strdup (l->data);
      output->value = dup_member_text (object, l->data);
      if (output->value == NULL)
        output->value = g_strdup ("");
      g_ptr_array_add (list, output);
    }
  return list;
}

/**
 * sluice_stack_dup_error_message:
 *
 * Reads `error`, `{"error": "<CloudFormation's message>"}`.
 *
 * Returns: (transfer full) (nullable): what CloudFormation last reported, or %NULL when it
 *   reported no error
 */
char *
sluice_stack_dup_error_message (SluiceStack *self)
{
  const char *text;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SLUICE_IS_STACK (self), NULL);

  text = sluice_stack_get_error (self);
  object = parse_object (text);
  if (object == NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

      /* Not the JSON data.all sends: show it as it is, unless it says nothing. */
      if (*trimmed == '\0' || g_str_equal (trimmed, "null") || g_str_equal (trimmed, "{}") ||
          g_str_equal (trimmed, "\"\""))
        return NULL;
      return g_steal_pointer (&trimmed);
    }
  if (json_object_has_member (object, "error"))
    message = dup_member_text (object, "error");
  else if (json_object_get_size (object) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

      message = json_to_string (node, TRUE);
    }
  if (message != NULL)
    g_strstrip (message);
  if (message == NULL || *message == '\0')
    return NULL;
  return g_steal_pointer (&message);
}

/**
 * sluice_stack_resource_free:
 */
void
sluice_stack_resource_free (SluiceStackResource *resource)
{
  if (resource == NULL)
    return;
  g_free (resource->logical_id);
  g_free (resource->physical_id);
  g_free (resource->type);
  g_free (resource->status);
  g_free (resource->reason);
  g_free (resource);
}

/**
 * sluice_stack_output_free:
 */
void
sluice_stack_output_free (SluiceStackOutput *output)
{
  if (output == NULL)
    return;
  g_free (output->key);
  g_free (output->value);
  g_free (output);
}
