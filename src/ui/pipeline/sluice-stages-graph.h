/* sluice-stages-graph.h: a pipeline's branches, CodePipeline stages and approvals, left to right
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sluice-stages-layout.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGES_GRAPH (sluice_stages_graph_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStagesGraph, sluice_stages_graph, SLUICE, STAGES_GRAPH, GtkWidget)

GtkWidget          *sluice_stages_graph_new             (void);
SluiceStagesInput  *sluice_stages_graph_get_input       (SluiceStagesGraph  *self);
void                sluice_stages_graph_set_input       (SluiceStagesGraph  *self,
                                                         SluiceStagesInput  *input);
gboolean            sluice_stages_graph_set_node_status (SluiceStagesGraph  *self,
                                                         const char         *node_id,
                                                         SluiceStagesStatus  status,
                                                         const char         *revision_id,
                                                         const char         *revision_summary,
                                                         GDateTime          *since_time,
                                                         const char         *error_message);
SluiceStagesStatus  sluice_stages_graph_get_node_status (SluiceStagesGraph  *self,
                                                         const char         *node_id);
GtkWidget          *sluice_stages_graph_get_node_widget (SluiceStagesGraph  *self,
                                                         const char         *node_id);

G_END_DECLS
