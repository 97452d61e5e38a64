/* sluice-stack-view.h: the Stack tab: a pipeline's CloudFormation stack, followed, and its logs
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"
#include "sluice-stack.h"
#include "sluice-stack-logs.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STACK_VIEW (sluice_stack_view_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStackView, sluice_stack_view, SLUICE, STACK_VIEW, AdwBin)

GtkWidget      *sluice_stack_view_new             (void);
SluiceAccount  *sluice_stack_view_get_account     (SluiceStackView *self);
void            sluice_stack_view_set_account     (SluiceStackView *self,
                                                   SluiceAccount   *account);
SluicePipeline *sluice_stack_view_get_pipeline    (SluiceStackView *self);
void            sluice_stack_view_set_pipeline    (SluiceStackView *self,
                                                   SluicePipeline  *pipeline);
SluiceStack    *sluice_stack_view_get_stack       (SluiceStackView *self);
void            sluice_stack_view_set_stack       (SluiceStackView *self,
                                                   SluiceStack     *stack);
gboolean        sluice_stack_view_get_requested   (SluiceStackView *self);
gboolean        sluice_stack_view_get_loading     (SluiceStackView *self);
void            sluice_stack_view_load            (SluiceStackView *self);
SluiceStackLogs *sluice_stack_view_get_logs       (SluiceStackView *self);
void            sluice_stack_view_open_console    (SluiceStackView *self);
void            sluice_stack_view_follow_redeploy (SluiceStackView *self);

G_END_DECLS
