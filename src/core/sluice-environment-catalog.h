/* sluice-environment-catalog.h: the environments and teams a pipeline can use
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-dataall-client.h"
#include "sluice-environment.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_ENVIRONMENT_CATALOG (sluice_environment_catalog_get_type ())

G_DECLARE_FINAL_TYPE (SluiceEnvironmentCatalog, sluice_environment_catalog, SLUICE, ENVIRONMENT_CATALOG, GObject)

SluiceEnvironmentCatalog *sluice_environment_catalog_new                (SluiceDataallClient      *client);
SluiceDataallClient      *sluice_environment_catalog_get_client         (SluiceEnvironmentCatalog *self);
void                      sluice_environment_catalog_load               (SluiceEnvironmentCatalog *self);
GListModel               *sluice_environment_catalog_get_environments   (SluiceEnvironmentCatalog *self);
const char               *sluice_environment_catalog_get_error          (SluiceEnvironmentCatalog *self);
SluiceEnvironment        *sluice_environment_catalog_find               (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri,
                                                                         guint                    *position);
void                      sluice_environment_catalog_load_environment   (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri);
GListModel               *sluice_environment_catalog_get_teams          (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri);
guint                     sluice_environment_catalog_team_position      (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri,
                                                                         const char               *team);
const char               *sluice_environment_catalog_team_at            (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri,
                                                                         guint                     position);
SluiceEnvironment        *sluice_environment_catalog_get_info           (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri);
gboolean                  sluice_environment_catalog_pipelines_enabled  (SluiceEnvironmentCatalog *self,
                                                                         const char               *uri);
gboolean                  sluice_environment_catalog_is_busy            (SluiceEnvironmentCatalog *self);

G_END_DECLS
