/* sluice-deployment-view-private.h: SluiceDeploymentView's fields, shared by the view
 * (sluice-deployment-view.c) and its saving (sluice-deployment-view-save.c)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-deployment-view.h"

G_BEGIN_DECLS

#define BUCKET "ddk-bucket"

struct _SluiceDeploymentView
{
  AdwBin                parent_instance;

  SluiceDdkConfig      *config;
  SluicePipeline       *pipeline;
  GCancellable         *cancellable;
  gulong                changed_id;
  gboolean              updating;

  GtkStack             *stack;
  GtkWidget            *trunk_note;
  AdwEntryRow          *cicd_account_row;
  AdwEntryRow          *cicd_region_row;
  GtkBox               *stages_box;
  AdwPreferencesGroup  *bootstrap_group;
  GtkLabel             *problems_label;
  GtkLabel             *status_label;
  GtkWidget            *save_button;

  GPtrArray            *bootstrap_rows;
};

/* sluice-deployment-view.c */
void _sluice_deployment_view_set_status      (SluiceDeploymentView *self,
                                              const char           *text);
void _sluice_deployment_view_update_problems (SluiceDeploymentView *self);

/* sluice-deployment-view-save.c */
void _sluice_deployment_view_save_action     (GtkWidget            *widget,
                                              const char           *action_name,
                                              GVariant             *parameter);

G_END_DECLS
