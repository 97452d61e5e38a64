/* sluice-deployment-tab.h: the pipeline page's Deployment tab: a clone's ddk.json, committed
 * and pushed
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_DEPLOYMENT_TAB (sluice_deployment_tab_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDeploymentTab, sluice_deployment_tab, SLUICE, DEPLOYMENT_TAB, AdwBin)

GtkWidget  *sluice_deployment_tab_new            (void);

void        sluice_deployment_tab_show           (SluiceDeploymentTab *self,
                                                  SluiceAccount       *account,
                                                  SluicePipeline      *pipeline);
gboolean    sluice_deployment_tab_get_requested  (SluiceDeploymentTab *self);
void        sluice_deployment_tab_load           (SluiceDeploymentTab *self);
void        sluice_deployment_tab_open_clone     (SluiceDeploymentTab *self,
                                                  const char          *directory);
const char *sluice_deployment_tab_get_clone_path (SluiceDeploymentTab *self);
gboolean    sluice_deployment_tab_get_busy       (SluiceDeploymentTab *self);

G_END_DECLS
