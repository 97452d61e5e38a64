/* sluice-environment.c: a data.all environment: one AWS account and region
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-environment"

#include "config.h"

#include "sluice-json-model.h"
#include "sluice-environment.h"

enum {
  PROP_0,
  PROP_URI,
  PROP_LABEL,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_AWS_ACCOUNT_ID,
  PROP_REGION,
  PROP_TEAM,
  PROP_RESOURCE_PREFIX,
  PROP_DEFAULT_ROLE_ARN,
  PROP_ORGANIZATION_URI,
  PROP_ORGANIZATION_LABEL,
  PROP_PIPELINES_ENABLED,
  PROP_PARAMETERS_KNOWN,
  N_PROPS
};

struct _SluiceEnvironment
{
  GObject          parent_instance;

  SluiceJsonValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SluiceEnvironment, sluice_environment, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Which JSON member fills which property. */
static const SluiceJsonField fields[] = {
  { PROP_URI, "environmentUri" },
  { PROP_LABEL, "label" },
  { PROP_NAME, "name" },
  { PROP_DESCRIPTION, "description" },
  { PROP_OWNER, "owner" },
  { PROP_AWS_ACCOUNT_ID, "AwsAccountId" },
  { PROP_REGION, "region" },
  { PROP_TEAM, "SamlGroupName" },
  { PROP_RESOURCE_PREFIX, "resourcePrefix" },
  { PROP_DEFAULT_ROLE_ARN, "EnvironmentDefaultIAMRoleArn" },
  { PROP_ORGANIZATION_URI, "organization.organizationUri" },
  { PROP_ORGANIZATION_LABEL, "organization.label" },
};

static void
update_parameters (SluiceEnvironment *self,
                   JsonObject        *json)
{
  JsonNode *node = json_object_get_member (json, "parameters");
  JsonArray *parameters;
  gboolean enabled = FALSE;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  parameters = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (parameters); i++)
    {
      JsonNode *element = json_array_get_element (parameters, i);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      key = sluice_json_model_dup_string (json_node_get_object (element), "key");
      value = sluice_json_model_dup_string (json_node_get_object (element), "value");
      if (g_strcmp0 (key, "pipelinesEnabled") == 0)
        enabled = g_ascii_strcasecmp (value ? value : "", "true") == 0;
    }
  g_object_set (self, "pipelines-enabled", enabled, "parameters-known", TRUE, NULL);
}

static void
sluice_environment_finalize (GObject *object)
{
  SluiceEnvironment *self = (SluiceEnvironment *) object;

  sluice_json_model_clear_values (self->values, properties, N_PROPS);

  G_OBJECT_CLASS (sluice_environment_parent_class)->finalize (object);
}

static void
sluice_environment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SluiceEnvironment *self = SLUICE_ENVIRONMENT (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_get_value (self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_environment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SluiceEnvironment *self = SLUICE_ENVIRONMENT (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_set_value (object, self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_environment_class_init (SluiceEnvironmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_environment_finalize;
  object_class->get_property = sluice_environment_get_property;
  object_class->set_property = sluice_environment_set_property;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AWS_ACCOUNT_ID] =
    g_param_spec_string ("aws-account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceEnvironment:team:
   *
   * The environment's admin team.
   */
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOURCE_PREFIX] =
    g_param_spec_string ("resource-prefix", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_ROLE_ARN] =
    g_param_spec_string ("default-role-arn", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION_URI] =
    g_param_spec_string ("organization-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION_LABEL] =
    g_param_spec_string ("organization-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceEnvironment:pipelines-enabled:
   *
   * Whether the environment's `pipelinesEnabled` parameter is "true"; only known once #SluiceEnvironment:parameters-known is set (getEnvironment selects the parameters).
   */
  properties[PROP_PIPELINES_ENABLED] =
    g_param_spec_boolean ("pipelines-enabled", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceEnvironment:parameters-known:
   *
   * Whether the answer held the environment's parameters.
   */
  properties[PROP_PARAMETERS_KNOWN] =
    g_param_spec_boolean ("parameters-known", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_environment_init (SluiceEnvironment *self)
{
  sluice_json_model_init_values (self->values, properties, N_PROPS);
}

/**
 * sluice_environment_new_from_json:
 * @json: an object of data.all's answer
 *
 * Returns: (transfer full): a new #SluiceEnvironment holding the members @json has
 */
SluiceEnvironment *
sluice_environment_new_from_json (JsonObject *json)
{
  SluiceEnvironment *self;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_ENVIRONMENT, NULL);
  sluice_environment_update_from_json (self, json);
  return self;
}

/**
 * sluice_environment_update_from_json:
 * @self: a #SluiceEnvironment
 * @json: an object of data.all's answer
 *
 * Sets the properties whose members @json holds, notifying only those that change.
 *
 * Returns: %TRUE if any property changed
 */
gboolean
sluice_environment_update_from_json (SluiceEnvironment *self,
                                     JsonObject *json)
{
  gboolean watched;
  guint changed;

  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* Handlers run once the whole answer is in. */
  watched = sluice_json_model_is_watched (G_OBJECT (self));
  if (watched)
    g_object_freeze_notify (G_OBJECT (self));
  changed = sluice_json_model_update (G_OBJECT (self), self->values, properties,
                                      fields, G_N_ELEMENTS (fields), json);
  update_parameters (self, json);
  if (watched)
    g_object_thaw_notify (G_OBJECT (self));
  return changed > 0;
}

const char *
sluice_environment_get_uri (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_URI].v_string;
}

const char *
sluice_environment_get_label (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_LABEL].v_string;
}

const char *
sluice_environment_get_name (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_NAME].v_string;
}

const char *
sluice_environment_get_description (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_DESCRIPTION].v_string;
}

const char *
sluice_environment_get_owner (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_OWNER].v_string;
}

const char *
sluice_environment_get_aws_account_id (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_AWS_ACCOUNT_ID].v_string;
}

const char *
sluice_environment_get_region (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_REGION].v_string;
}

const char *
sluice_environment_get_team (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_TEAM].v_string;
}

const char *
sluice_environment_get_resource_prefix (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_RESOURCE_PREFIX].v_string;
}

const char *
sluice_environment_get_default_role_arn (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_DEFAULT_ROLE_ARN].v_string;
}

const char *
sluice_environment_get_organization_uri (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_ORGANIZATION_URI].v_string;
}

const char *
sluice_environment_get_organization_label (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), NULL);
  return self->values[PROP_ORGANIZATION_LABEL].v_string;
}

gboolean
sluice_environment_get_pipelines_enabled (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), FALSE);
  return self->values[PROP_PIPELINES_ENABLED].v_int64 != 0;
}

gboolean
sluice_environment_get_parameters_known (SluiceEnvironment *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT (self), FALSE);
  return self->values[PROP_PARAMETERS_KNOWN].v_int64 != 0;
}
