/* sluice-deployment-view.h: a pipeline's multi-account deployment: ddk.json as a form
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-ddk-config.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_DEPLOYMENT_VIEW (sluice_deployment_view_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDeploymentView, sluice_deployment_view, SLUICE, DEPLOYMENT_VIEW, AdwBin)

GtkWidget       *sluice_deployment_view_new          (void);

SluiceDdkConfig *sluice_deployment_view_get_config   (SluiceDeploymentView *self);
void             sluice_deployment_view_set_config   (SluiceDeploymentView *self,
                                                      SluiceDdkConfig      *config);
SluicePipeline  *sluice_deployment_view_get_pipeline (SluiceDeploymentView *self);
void             sluice_deployment_view_set_pipeline (SluiceDeploymentView *self,
                                                      SluicePipeline       *pipeline);

G_END_DECLS
