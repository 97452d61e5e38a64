/* sluice-dataset.c: an S3 dataset of data.all
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-dataset"

#include "config.h"

#include "sluice-json-model.h"
#include "sluice-dataset.h"

enum {
  PROP_0,
  PROP_URI,
  PROP_LABEL,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TAGS,
  PROP_OWNER,
  PROP_CREATED,
  PROP_TEAM,
  PROP_AWS_ACCOUNT_ID,
  PROP_REGION,
  PROP_S3_BUCKET_NAME,
  PROP_GLUE_DATABASE_NAME,
  PROP_ENVIRONMENT_URI,
  PROP_ENVIRONMENT_LABEL,
  N_PROPS
};

struct _SluiceDataset
{
  GObject          parent_instance;

  SluiceJsonValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SluiceDataset, sluice_dataset, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Which JSON member fills which property. */
static const SluiceJsonField fields[] = {
  { PROP_URI, "datasetUri" },
  { PROP_LABEL, "label" },
  { PROP_NAME, "name" },
  { PROP_DESCRIPTION, "description" },
  { PROP_TAGS, "tags" },
  { PROP_OWNER, "owner" },
  { PROP_CREATED, "created" },
  { PROP_TEAM, "SamlAdminGroupName" },
  { PROP_AWS_ACCOUNT_ID, "restricted.AwsAccountId" },
  { PROP_REGION, "restricted.region" },
  { PROP_S3_BUCKET_NAME, "restricted.S3BucketName" },
  { PROP_GLUE_DATABASE_NAME, "restricted.GlueDatabaseName" },
  { PROP_ENVIRONMENT_URI, "environment.environmentUri" },
  { PROP_ENVIRONMENT_LABEL, "environment.label" },
};

static void
sluice_dataset_finalize (GObject *object)
{
  SluiceDataset *self = (SluiceDataset *) object;

  sluice_json_model_clear_values (self->values, properties, N_PROPS);

  G_OBJECT_CLASS (sluice_dataset_parent_class)->finalize (object);
}

static void
sluice_dataset_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SluiceDataset *self = SLUICE_DATASET (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_get_value (self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_dataset_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SluiceDataset *self = SLUICE_DATASET (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_set_value (object, self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_dataset_class_init (SluiceDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_dataset_finalize;
  object_class->get_property = sluice_dataset_get_property;
  object_class->set_property = sluice_dataset_set_property;

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

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluiceDataset:team:
   *
   * The dataset's admin team (`SamlAdminGroupName`).
   */
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AWS_ACCOUNT_ID] =
    g_param_spec_string ("aws-account-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_S3_BUCKET_NAME] =
    g_param_spec_string ("s3-bucket-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GLUE_DATABASE_NAME] =
    g_param_spec_string ("glue-database-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT_URI] =
    g_param_spec_string ("environment-uri", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT_LABEL] =
    g_param_spec_string ("environment-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_dataset_init (SluiceDataset *self)
{
  sluice_json_model_init_values (self->values, properties, N_PROPS);
}

/**
 * sluice_dataset_new_from_json:
 * @json: an object of data.all's answer
 *
 * Returns: (transfer full): a new #SluiceDataset holding the members @json has
 */
SluiceDataset *
sluice_dataset_new_from_json (JsonObject *json)
{
  SluiceDataset *self;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_DATASET, NULL);
  sluice_dataset_update_from_json (self, json);
  return self;
}

/**
 * sluice_dataset_update_from_json:
 * @self: a #SluiceDataset
 * @json: an object of data.all's answer
 *
 * Sets the properties whose members @json holds, notifying only those that change.
 *
 * Returns: %TRUE if any property changed
 */
gboolean
sluice_dataset_update_from_json (SluiceDataset *self,
                                 JsonObject *json)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* It emits the notifications together, once the whole answer is in. */
  return sluice_json_model_update (G_OBJECT (self), self->values, properties,
                                   fields, G_N_ELEMENTS (fields), json) > 0;
}

const char *
sluice_dataset_get_uri (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_URI].v_string;
}

const char *
sluice_dataset_get_label (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_LABEL].v_string;
}

const char *
sluice_dataset_get_name (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_NAME].v_string;
}

const char *
sluice_dataset_get_description (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_DESCRIPTION].v_string;
}

const char * const *
sluice_dataset_get_tags (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return (const char * const *) self->values[PROP_TAGS].v_strv;
}

const char *
sluice_dataset_get_owner (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_OWNER].v_string;
}

const char *
sluice_dataset_get_created (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_CREATED].v_string;
}

const char *
sluice_dataset_get_team (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_TEAM].v_string;
}

const char *
sluice_dataset_get_aws_account_id (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_AWS_ACCOUNT_ID].v_string;
}

const char *
sluice_dataset_get_region (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_REGION].v_string;
}

const char *
sluice_dataset_get_s3_bucket_name (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_S3_BUCKET_NAME].v_string;
}

const char *
sluice_dataset_get_glue_database_name (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_GLUE_DATABASE_NAME].v_string;
}

const char *
sluice_dataset_get_environment_uri (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_ENVIRONMENT_URI].v_string;
}

const char *
sluice_dataset_get_environment_label (SluiceDataset *self)
{
  g_return_val_if_fail (SLUICE_IS_DATASET (self), NULL);
  return self->values[PROP_ENVIRONMENT_LABEL].v_string;
}
