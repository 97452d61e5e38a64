/* sluice-stages-graph-node-private.h: what the files of SluiceStagesGraphNode share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-stages-graph-node.h"

G_BEGIN_DECLS

/* The node is one class in two files: sluice-stages-graph-node.c (drawing, size, input) and
 * sluice-stages-graph-node-a11y.c (what it says: the words of its lines, its accessible name
 * and description, its tooltip). */
struct _SluiceStagesGraphNode
{
  GtkWidget           parent_instance;

  SluiceStagesInput  *input;
  guint               index;

  SluiceStagesStatus  status;
  char               *revision_id;
  char               *revision_summary;
  GDateTime          *since;
  char               *error_message;
  char               *ago;           /* since, put into words at the last update */
  char               *accessible_name;
  char               *accessible_description;

  double              text_scale;
  /* The text lines (NodeLine: a layout and its role), made again when the text, the width or
   * the font changes. */
  GArray             *layouts;
  int                 layouts_width;
  /* The status lines' layouts, shared by the graph's nodes (see
   * sluice_stages_graph_node_set_line_cache()); NULL: the node's own. */
  GHashTable         *line_cache;
  /* The card and header, as last drawn (see make_static_node()). */
  GskRenderNode      *static_node;
  int                 static_width;
  int                 static_height;
  gboolean            static_missing;
  /* A new state's accessible name and tooltip wait for the frame that shows it. */
  GdkFrameClock      *a11y_clock;
  gulong              a11y_handler;
};

/* The words of the node's lines. */
char       *_sluice_stages_graph_node_title          (const SluiceStagesNode *node);
char       *_sluice_stages_graph_node_subtitle       (const SluiceStagesNode *node);
const char *_sluice_stages_graph_node_or_dash        (const char             *text);
char       *_sluice_stages_graph_node_account_region (const SluiceStagesNode *node);
char       *_sluice_stages_graph_node_team_line      (const SluiceStagesNode *node);
const char *_sluice_stages_graph_node_status_title   (SluiceStagesGraphNode  *self);
char       *_sluice_stages_graph_node_missing_reason (SluiceStagesGraphNode  *self,
                                                      gboolean                brief);
char       *_sluice_stages_graph_node_short_commit   (const char             *revision_id);
char       *_sluice_stages_graph_node_first_line     (const char             *text);

/* The accessible name and description, and the tooltip, for the state shown now. */
void        _sluice_stages_graph_node_update_accessible (SluiceStagesGraphNode *self);

G_END_DECLS
