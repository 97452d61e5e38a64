/* sluice-team.c: a data.all team (a Group) invited to an environment
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-team"

#include "config.h"

#include "sluice-json-model.h"
#include "sluice-team.h"

enum {
  PROP_0,
  PROP_URI,
  PROP_LABEL,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_IAM_ROLE_ARN,
  PROP_IAM_ROLE_NAME,
  N_PROPS
};

struct _SluiceTeam
{
  GObject          parent_instance;

  SluiceJsonValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SluiceTeam, sluice_team, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Which JSON member fills which property. */
static const SluiceJsonField fields[] = {
  { PROP_URI, "groupUri" },
  { PROP_LABEL, "label" },
  { PROP_NAME, "name" },
  { PROP_DESCRIPTION, "description" },
  { PROP_IAM_ROLE_ARN, "environmentIAMRoleArn" },
  { PROP_IAM_ROLE_NAME, "environmentIAMRoleName" },
};

static void
sluice_team_finalize (GObject *object)
{
  SluiceTeam *self = (SluiceTeam *) object;

  sluice_json_model_clear_values (self->values, properties, N_PROPS);

  G_OBJECT_CLASS (sluice_team_parent_class)->finalize (object);
}

static void
sluice_team_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SluiceTeam *self = SLUICE_TEAM (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_get_value (self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_team_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SluiceTeam *self = SLUICE_TEAM (object);

  /* Every property is a scalar kept in self->values. */
  if (sluice_json_model_holds (properties, N_PROPS, prop_id))
    sluice_json_model_set_value (object, self->values, properties, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sluice_team_class_init (SluiceTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_team_finalize;
  object_class->get_property = sluice_team_get_property;
  object_class->set_property = sluice_team_set_property;

  /**
   * SluiceTeam:uri:
   *
   * The team's id: the IdP group name data.all calls `groupUri` and `SamlGroupName`.
   */
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

  properties[PROP_IAM_ROLE_ARN] =
    g_param_spec_string ("iam-role-arn", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IAM_ROLE_NAME] =
    g_param_spec_string ("iam-role-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_team_init (SluiceTeam *self)
{
  sluice_json_model_init_values (self->values, properties, N_PROPS);
}

/**
 * sluice_team_new_from_json:
 * @json: an object of data.all's answer
 *
 * Returns: (transfer full): a new #SluiceTeam holding the members @json has
 */
SluiceTeam *
sluice_team_new_from_json (JsonObject *json)
{
  SluiceTeam *self;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_TEAM, NULL);
  sluice_team_update_from_json (self, json);
  return self;
}

/**
 * sluice_team_update_from_json:
 * @self: a #SluiceTeam
 * @json: an object of data.all's answer
 *
 * Sets the properties whose members @json holds, notifying only those that change.
 *
 * Returns: %TRUE if any property changed
 */
gboolean
sluice_team_update_from_json (SluiceTeam *self,
                              JsonObject *json)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* It emits the notifications together, once the whole answer is in. */
  return sluice_json_model_update (G_OBJECT (self), self->values, properties,
                                   fields, G_N_ELEMENTS (fields), json) > 0;
}

const char *
sluice_team_get_uri (SluiceTeam *self)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), NULL);
  return self->values[PROP_URI].v_string;
}

const char *
sluice_team_get_label (SluiceTeam *self)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), NULL);
  return self->values[PROP_LABEL].v_string;
}

const char *
sluice_team_get_name (SluiceTeam *self)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), NULL);
  return self->values[PROP_NAME].v_string;
}

const char *
sluice_team_get_description (SluiceTeam *self)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), NULL);
  return self->values[PROP_DESCRIPTION].v_string;
}

const char *
sluice_team_get_iam_role_arn (SluiceTeam *self)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), NULL);
  return self->values[PROP_IAM_ROLE_ARN].v_string;
}

const char *
sluice_team_get_iam_role_name (SluiceTeam *self)
{
  g_return_val_if_fail (SLUICE_IS_TEAM (self), NULL);
  return self->values[PROP_IAM_ROLE_NAME].v_string;
}
