/* sluice-stages-graph-node.h: one node of the stages graph, drawn, focusable and accessible
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sluice-stages-layout.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_STAGES_GRAPH_NODE (sluice_stages_graph_node_get_type ())

G_DECLARE_FINAL_TYPE (SluiceStagesGraphNode, sluice_stages_graph_node, SLUICE, STAGES_GRAPH_NODE, GtkWidget)

GtkWidget              *sluice_stages_graph_node_new            (SluiceStagesInput     *input,
                                                                 guint                  index);
const SluiceStagesNode *sluice_stages_graph_node_get_node       (SluiceStagesGraphNode *self);
guint                   sluice_stages_graph_node_get_index      (SluiceStagesGraphNode *self);
SluiceStagesStatus      sluice_stages_graph_node_get_status     (SluiceStagesGraphNode *self);
void                    sluice_stages_graph_node_set_state      (SluiceStagesGraphNode *self,
                                                                 SluiceStagesStatus     status,
                                                                 const char            *revision_id,
                                                                 const char            *revision_summary,
                                                                 GDateTime             *since,
                                                                 const char            *error_message);
void                    sluice_stages_graph_node_set_text_scale (SluiceStagesGraphNode *self,
                                                                 double                 scale);
void                    sluice_stages_graph_node_update_time    (SluiceStagesGraphNode *self,
                                                                 GDateTime             *now);
GHashTable             *sluice_stages_graph_node_line_cache_new (void);
void                    sluice_stages_graph_node_set_line_cache (SluiceStagesGraphNode *self,
                                                                 GHashTable            *cache);

const char             *sluice_stages_status_get_title          (SluiceStagesStatus     status);
char                   *sluice_stages_format_ago                (GDateTime             *since,
                                                                 GDateTime             *now);

G_END_DECLS
