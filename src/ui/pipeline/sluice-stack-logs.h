/* sluice-stack-logs.h: what data.all's deployment task wrote while it deployed a stack
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

G_BEGIN_DECLS

#define SLUICE_TYPE_STACK_LOGS (sluice_stack_logs_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStackLogs, sluice_stack_logs, SLUICE, STACK_LOGS, AdwBin)

void     sluice_stack_logs_set_source     (SluiceStackLogs *self,
                                           SluiceAccount   *account,
                                           SluicePipeline  *pipeline);
void     sluice_stack_logs_load           (SluiceStackLogs *self,
                                           SluiceStack     *stack);
gboolean sluice_stack_logs_get_requested  (SluiceStackLogs *self);
gboolean sluice_stack_logs_get_denied     (SluiceStackLogs *self);
gboolean sluice_stack_logs_get_loading    (SluiceStackLogs *self);
gboolean sluice_stack_logs_get_copyable   (SluiceStackLogs *self);
void     sluice_stack_logs_copy           (SluiceStackLogs *self);

G_END_DECLS
