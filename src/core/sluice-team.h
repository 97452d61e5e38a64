/* sluice-team.h: a data.all team (a Group) invited to an environment
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_TEAM (sluice_team_get_type ())

G_DECLARE_FINAL_TYPE (SluiceTeam, sluice_team, SLUICE, TEAM, GObject)

SluiceTeam *sluice_team_new_from_json     (JsonObject *json);
gboolean    sluice_team_update_from_json  (SluiceTeam *self,
                                           JsonObject *json);

const char *sluice_team_get_uri           (SluiceTeam *self);
const char *sluice_team_get_label         (SluiceTeam *self);
const char *sluice_team_get_name          (SluiceTeam *self);
const char *sluice_team_get_description   (SluiceTeam *self);
const char *sluice_team_get_iam_role_arn  (SluiceTeam *self);
const char *sluice_team_get_iam_role_name (SluiceTeam *self);

G_END_DECLS
