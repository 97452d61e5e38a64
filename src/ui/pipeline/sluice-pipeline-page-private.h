/* sluice-pipeline-page-private.h: what tests and benches may ask a pipeline page
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-error-box.h"
#include "sluice-heading-box.h"
#include "sluice-key-value-tags-view.h"
#include "sluice-pipeline-overview.h"
#include "sluice-pipeline-page.h"
#include "sluice-stack-view.h"
#include "sluice-stages-view.h"
#include "sluice-status-badge.h"

G_BEGIN_DECLS

/* The page is one class in two files: sluice-pipeline-page.c (header, tabs, loading) and
 * sluice-pipeline-page-actions.c (its actions and shortcuts). */
struct _SluicePipelinePage
{
  AdwBin                  parent_instance;

  SluiceAccount          *account;
  SluicePipeline         *pipeline;      /* from the list at first, then from getDataPipeline */
  gboolean                complete;      /* pipeline came from getDataPipeline */
  GCancellable           *cancellable;
  guint                   n_requests;
  gboolean                loading;
  gboolean                fetching_credentials;
  char                   *stack_status;  /* the status last notified */

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  SluiceHeadingBox       *heading_box;
  GtkLabel               *title_label;
  SluiceStatusBadge      *stack_badge;
  GtkSpinner             *stack_spinner;
  GtkSpinner             *spinner;
  GtkMenuButton          *credentials_button;
  GtkButton              *clone_button;
  GtkStack               *stack;
  GtkSpinner             *loading_spinner;
  AdwStatusPage          *error_page;
  SluiceErrorBox         *error_box;
  GtkWidget              *switcher;
  GtkWidget              *narrow_switcher;
  AdwViewStack           *view_stack;
  SluicePipelineOverview *overview;
  SluiceStackView        *stack_view;
  SluiceKeyValueTagsView *tags_view;
  SluiceStagesView       *stages_view;
  GtkLabel               *deployment_badge;
};

/* A test hook: how many requests the page made for its Overview. */
guint sluice_pipeline_page_get_n_requests   (SluicePipelinePage *self);

void  _sluice_pipeline_page_set_loading     (SluicePipelinePage *self,
                                             gboolean            loading);
void  _sluice_pipeline_page_install_actions (GtkWidgetClass     *widget_class);
void  _sluice_pipeline_page_update_clone_button (SluicePipelinePage *self);

G_END_DECLS
