/* sluice-stage.c: one deployment stage of a pipeline (a DataPipelineEnvironment)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stage"

#include "config.h"

#include "sluice-json-model.h"
#include "sluice-stage.h"

enum {
  PROP_0,
  PROP_URI,
  PROP_ENVIRONMENT_URI,
  PROP_ENVIRONMENT_LABEL,
  PROP_PIPELINE_URI,
  PROP_PIPELINE_LABEL,
  PROP_STAGE,
  PROP_ORDER,
  PROP_REGION,
  PROP_AWS_ACCOUNT_ID,
  PROP_TEAM,
  N_PROPS
};

struct _SluiceStage
{
  GObject          parent_instance;

  SluiceJsonValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SluiceStage, sluice_stage, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Which JSON member fills which property. */
static const SluiceJsonField fields[] = {
  { PROP_URI, "envPipelineUri" },
  { PROP_ENVIRONMENT_URI, "environmentUri" },
  { PROP_ENVIRONMENT_LABEL, "environmentLabel" },
  { PROP_PIPELINE_URI, "pipelineUri" },
  { PROP_PIPELINE_LABEL, "pipelineLabel" },
  { PROP_STAGE, "stage" },
  { PROP_ORDER, "order" },
  { PROP_REGION, "region" },
  { PROP_AWS_ACCOUNT_ID, "AwsAccountId" },
  { PROP_TEAM, "samlGroupName" },
};

static void
sluice_stage_finalize (GObject *object)
{
  SluiceStage *self = (SluiceStage *) object;

  sluice_json_model_clear_values (self->values, properties, N_PROPS);

  G_OBJECT_CLASS (sluice_stage_parent_class)->finalize (object);
}

static void
sluice_stage_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SluiceStage *self = SLUICE_STAGE (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_get_value (self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_stage_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SluiceStage *self = SLUICE_STAGE (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_set_value (object, self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_stage_class_init (SluiceStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_stage_finalize;
  object_class->get_property = sluice_stage_get_property;
  object_class->set_property = sluice_stage_set_property;

  /**
   * SluiceStage:uri:
   *
   * The stage's id, `envPipelineUri` (pipeline, environment and stage names joined).
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT_URI] =
    g_param_spec_string ("environment-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT_LABEL] =
    g_param_spec_string ("environment-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PIPELINE_URI] =
    g_param_spec_string ("pipeline-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PIPELINE_LABEL] =
    g_param_spec_string ("pipeline-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStage:stage:
   *
   * The stage name: dev, test, val, prod or other.
   */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStage:order:
   *
   * The 1-based deployment order.
   */
  properties[PROP_ORDER] =
    g_param_spec_int ("order", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AWS_ACCOUNT_ID] =
    g_param_spec_string ("aws-account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceStage:team:
   *
   * The team that deploys the stage (`samlGroupName`).
   */
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_stage_init (SluiceStage *self)
{
  sluice_json_model_init_values (self->values, properties, N_PROPS);
}

/**
 * sluice_stage_new_from_json:
 * @json: an object of data.all's answer
 *
 * Returns: (transfer full): a new #SluiceStage holding the members @json has
 */
SluiceStage *
sluice_stage_new_from_json (JsonObject *json)
{
  SluiceStage *self;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_STAGE, NULL);
  sluice_stage_update_from_json (self, json);
  return self;
}

/**
 * sluice_stage_update_from_json:
 * @self: a #SluiceStage
 * @json: an object of data.all's answer
 *
 * Sets the properties whose members @json holds, notifying only those that change.
 *
 * Returns: %TRUE if any property changed
 */
gboolean
sluice_stage_update_from_json (SluiceStage *self,
                               JsonObject *json)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* It emits the notifications together, once the whole answer is in. */
  return sluice_json_model_update (G_OBJECT (self), self->values, properties,
                                   fields, G_N_ELEMENTS (fields), json) > 0;
}

const char *
sluice_stage_get_uri (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_URI].v_string;
}

const char *
sluice_stage_get_environment_uri (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_ENVIRONMENT_URI].v_string;
}

const char *
sluice_stage_get_environment_label (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_ENVIRONMENT_LABEL].v_string;
}

const char *
sluice_stage_get_pipeline_uri (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_PIPELINE_URI].v_string;
}

const char *
sluice_stage_get_pipeline_label (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_PIPELINE_LABEL].v_string;
}

const char *
sluice_stage_get_stage (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_STAGE].v_string;
}

int
sluice_stage_get_order (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), 0);
  return (int) self->values[PROP_ORDER].v_int64;
}

const char *
sluice_stage_get_region (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_REGION].v_string;
}

const char *
sluice_stage_get_aws_account_id (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_AWS_ACCOUNT_ID].v_string;
}

const char *
sluice_stage_get_team (SluiceStage *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGE (self), NULL);
  return self->values[PROP_TEAM].v_string;
}
