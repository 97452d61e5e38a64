/* sluice-stages-layout.c: the shape of a pipeline's stages view, laid out left to right
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-layout"

#include "config.h"

#include <math.h>

#include "sluice-stage.h"
#include "sluice-stages-layout.h"

/**
 * SluiceStagesInput:
 *
 * What the stages view shows, before any state: lanes (one per CodePipeline) and their nodes in
 * flow order. sluice_stages_input_new_for_stages() builds it as data.all and DDK lay their
 * pipelines out (see codepipeline-git-ddk-notes.md, section 2); a model that knows the real
 * CodePipeline stages can build one of its own with add_lane() and add_node().
 *
 * SluiceStagesLayout:
 *
 * Where each node, lane and edge goes for a width: one lane below the other, each lane's nodes
 * in columns left to right, wrapping to the next row (the edge turns down between the rows)
 * when the width holds fewer columns than nodes, and everything scaled down when not even one
 * node fits. The columns are the same in every lane, so GitFlow's branches, sources and
 * deployments line up.
 */

struct _SluiceStagesInput
{
  gatomicrefcount    ref_count;
  SluiceDevStrategy  strategy;
  GPtrArray         *lanes;  /* char *, the titles */
  GArray            *nodes;  /* SluiceStagesNode */
};

G_DEFINE_BOXED_TYPE (SluiceStagesInput, sluice_stages_input, sluice_stages_input_ref, sluice_stages_input_unref)

struct _SluiceStagesLayout
{
  SluiceStagesInput *input;
  double             width;
  double             height;
  double             scale;
  guint              n_columns;
  SluiceStagesRect  *node_rects;
  SluiceStagesRect  *lane_rects;
  GArray            *edges;  /* SluiceStagesEdge */
};

/* ------------------------------------------------------------------------------------------ */
/* Status                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_stages_status_from_codepipeline:
 * @status: (nullable): a `StageExecutionStatus` or `ActionExecutionStatus` word
 *
 * Returns: the status it stands for; %SLUICE_STAGES_STATUS_NONE for %NULL or a word CodePipeline
 *   does not use (`Abandoned`, an action superseded by a newer execution, is Cancelled)
 */
SluiceStagesStatus
sluice_stages_status_from_codepipeline (const char *status)
{
  static const struct { const char *word; SluiceStagesStatus status; } words[] = {
    { "Succeeded", SLUICE_STAGES_STATUS_SUCCEEDED },
    { "InProgress", SLUICE_STAGES_STATUS_IN_PROGRESS },
    { "Failed", SLUICE_STAGES_STATUS_FAILED },
    { "Stopping", SLUICE_STAGES_STATUS_STOPPING },
    { "Stopped", SLUICE_STAGES_STATUS_STOPPED },
    { "Cancelled", SLUICE_STAGES_STATUS_CANCELLED },
    { "Abandoned", SLUICE_STAGES_STATUS_CANCELLED },
    { "Skipped", SLUICE_STAGES_STATUS_SKIPPED },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (status, words[i].word))
      return words[i].status;
  return SLUICE_STAGES_STATUS_NONE;
}

/* ------------------------------------------------------------------------------------------ */
/* Input                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
node_clear (gpointer data)
{
  SluiceStagesNode *node = data;

  g_free (node->id);
  g_free (node->pipeline_name);
  g_free (node->stage_name);
  g_free (node->action_name);
  g_free (node->branch);
  g_free (node->stage);
  g_free (node->environment);
  g_free (node->account);
  g_free (node->region);
  g_free (node->team);
}

/**
 * sluice_stages_input_new:
 * @strategy: the pipeline's strategy
 *
 * Returns: (transfer full): an input without lanes
 */
SluiceStagesInput *
sluice_stages_input_new (SluiceDevStrategy strategy)
{
  SluiceStagesInput *self = g_new0 (SluiceStagesInput, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strategy = strategy;
  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (SluiceStagesNode));
  g_array_set_clear_func (self->nodes, node_clear);
  return self;
}

SluiceStagesInput *
sluice_stages_input_ref (SluiceStagesInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sluice_stages_input_unref (SluiceStagesInput *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->lanes);
  g_array_unref (self->nodes);
  g_free (self);
}

/**
 * sluice_stages_input_add_lane:
 * @title: what the lane is called (its CodePipeline's name)
 *
 * Returns: the new lane's index
 */
guint
sluice_stages_input_add_lane (SluiceStagesInput *self,
                              const char        *title)
{
  g_return_val_if_fail (self != NULL, 0);

  g_ptr_array_add (self->lanes, g_strdup (title != NULL ? title : ""));
  return self->lanes->len - 1;
}

/**
 * sluice_stages_input_add_node:
 * @node: the node, copied; its lane must exist and its id be new
 *
 * Appends @node to its lane, after the lane's nodes so far: an edge joins each node of a lane
 * to the next.
 */
void
sluice_stages_input_add_node (SluiceStagesInput      *self,
                              const SluiceStagesNode *node)
{
  SluiceStagesNode copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node->lane < self->lanes->len);
  g_return_if_fail (node->id != NULL && sluice_stages_input_find_node (self, node->id) < 0);

  copy = (SluiceStagesNode) {
    .kind = node->kind,
    .lane = node->lane,
    .id = g_strdup (node->id),
    .pipeline_name = g_strdup (node->pipeline_name),
    .stage_name = g_strdup (node->stage_name),
    .action_name = g_strdup (node->action_name),
    .branch = g_strdup (node->branch),
    .stage = g_strdup (node->stage),
    .environment = g_strdup (node->environment),
    .account = g_strdup (node->account),
    .region = g_strdup (node->region),
    .team = g_strdup (node->team),
  };
  g_array_append_val (self->nodes, copy);
}

static void
add_branch (SluiceStagesInput *self,
            guint              lane,
            const char        *pipeline,
            const char        *branch)
{
  g_autofree char *id = g_strdup_printf ("branch:%s:%s", pipeline, branch);

  sluice_stages_input_add_node (self, &(SluiceStagesNode) {
    .kind = SLUICE_STAGES_NODE_BRANCH, .lane = lane, .id = id, .pipeline_name = (char *) pipeline,
    .branch = (char *) branch,
  });
}

static void
add_stage (SluiceStagesInput           *self,
           SluiceStagesNodeKind         kind,
           guint                        lane,
           const char                  *pipeline,
           const char                  *stage_name,
           const char                  *action_name,
           const char                  *branch,
           const SluiceStagesStageInfo *info)
{
  g_autofree char *id = g_strdup_printf ("%s/%s", pipeline, stage_name);

  sluice_stages_input_add_node (self, &(SluiceStagesNode) {
    .kind = kind, .lane = lane, .id = id, .pipeline_name = (char *) pipeline,
    .stage_name = (char *) stage_name, .action_name = (char *) action_name, .branch = (char *) branch,
    .stage = info != NULL ? (char *) info->stage : NULL,
    .environment = info != NULL ? (char *) info->environment : NULL,
    .account = info != NULL ? (char *) info->account : NULL,
    .region = info != NULL ? (char *) info->region : NULL,
    .team = info != NULL ? (char *) info->team : NULL,
  });
}

/* "dev" → "Dev", as Python's str.title() names DDK's ApplicationStage ("dataall-Dev"). */
static char *
title_case (const char *word)
{
  GString *out = g_string_new (NULL);
  gboolean after_letter = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, after_letter ? g_unichar_tolower (c) : g_unichar_toupper (c));
      after_letter = g_unichar_isalpha (c);
    }
  return g_string_free (out, FALSE);
}

/**
 * sluice_stages_input_new_for_stages:
 * @strategy: the pipeline's strategy
 * @repo: its repository, which names its CodePipelines
 * @stages: (array length=n_stages): its stages in deployment order
 * @n_stages: how many
 *
 * Lays the pipeline out as data.all creates it: trunk, one CodePipeline `<repo>`: the branch
 * `main`, `Source`, then `Deploy-Stage-<stage>` per stage with `ManualApproval-<stage>` between
 * two; GitFlow, one CodePipeline `<repo>-<stage>` per stage, each a lane: its branch (`main` for
 * prod, else named after the stage), `Source-<stage>`, `Deploy-Stage-<stage>`; cdk-trunk, one
 * CodePipeline `<repo>`: `main`, `Source`, `Build`, `UpdatePipeline`, then `dataall-<Stage>`
 * per stage, with no approvals.
 *
 * Returns: (transfer full): the input
 */
SluiceStagesInput *
sluice_stages_input_new_for_stages (SluiceDevStrategy            strategy,
                                    const char                  *repo,
                                    const SluiceStagesStageInfo *stages,
                                    guint                        n_stages)
{
  SluiceStagesInput *self = sluice_stages_input_new (strategy);
  guint lane;

  if (repo == NULL)
    repo = "";

  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      lane = sluice_stages_input_add_lane (self, repo);
      add_branch (self, lane, repo, "main");
      add_stage (self, SLUICE_STAGES_NODE_SOURCE, lane, repo, "Source", "CodeCommit", "main", NULL);
      for (guint i = 0; i < n_stages; i++)
        {
          g_autofree char *deploy = g_strdup_printf ("Deploy-Stage-%s", stages[i].stage);
          g_autofree char *action = g_strdup_printf ("deploy-%s", stages[i].stage);

          add_stage (self, SLUICE_STAGES_NODE_DEPLOY, lane, repo, deploy, action, NULL, &stages[i]);
          /* data.all adds an approval after every stage but the last. */
          if (i + 1 < n_stages)
            {
              g_autofree char *approval = g_strdup_printf ("ManualApproval-%s", stages[i].stage);

              add_stage (self, SLUICE_STAGES_NODE_APPROVAL, lane, repo, approval, approval, NULL, &stages[i]);
            }
        }
      break;

    case SLUICE_DEV_STRATEGY_GITFLOW:
      for (guint i = 0; i < n_stages; i++)
        {
          g_autofree char *pipeline = g_strdup_printf ("%s-%s", repo, stages[i].stage);
          g_autofree char *source = g_strdup_printf ("Source-%s", stages[i].stage);
          g_autofree char *deploy = g_strdup_printf ("Deploy-Stage-%s", stages[i].stage);
          g_autofree char *action = g_strdup_printf ("deploy-%s", stages[i].stage);
          const char *branch = g_str_equal (stages[i].stage, "prod") ? "main" : stages[i].stage;

          lane = sluice_stages_input_add_lane (self, pipeline);
          add_branch (self, lane, pipeline, branch);
          add_stage (self, SLUICE_STAGES_NODE_SOURCE, lane, pipeline, source, "CodeCommit", branch, NULL);
          add_stage (self, SLUICE_STAGES_NODE_DEPLOY, lane, pipeline, deploy, action, NULL, &stages[i]);
        }
      break;

    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      lane = sluice_stages_input_add_lane (self, repo);
      add_branch (self, lane, repo, "main");
      /* CDK Pipelines names the source action after the repository. */
      add_stage (self, SLUICE_STAGES_NODE_SOURCE, lane, repo, "Source", repo, "main", NULL);
      add_stage (self, SLUICE_STAGES_NODE_BUILD, lane, repo, "Build", "Synth", NULL, NULL);
      add_stage (self, SLUICE_STAGES_NODE_UPDATE_PIPELINE, lane, repo, "UpdatePipeline", "SelfMutate", NULL, NULL);
      for (guint i = 0; i < n_stages; i++)
        {
          g_autofree char *title = title_case (stages[i].stage);
          g_autofree char *deploy = g_strdup_printf ("dataall-%s", title);

          add_stage (self, SLUICE_STAGES_NODE_DEPLOY, lane, repo, deploy, "Deploy", NULL, &stages[i]);
        }
      break;
    }

  return self;
}

/**
 * sluice_stages_input_new_from_pipeline:
 * @pipeline: a pipeline whose strategy, repository and stages are known
 *
 * The shape of @pipeline's CodePipelines from what data.all says of it alone, so that the
 * stages view has its graph before any CodePipeline answer. An unknown strategy is drawn as
 * cdk-trunk, data.all's default.
 *
 * Returns: (transfer full): the input
 */
SluiceStagesInput *
sluice_stages_input_new_from_pipeline (SluicePipeline *pipeline)
{
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree SluiceStagesStageInfo *infos = g_new0 (SluiceStagesStageInfo, MAX (n, 1));
  SluiceDevStrategy strategy = SLUICE_DEV_STRATEGY_CDK_TRUNK;
  const char *repo = sluice_pipeline_get_repo (pipeline);

  sluice_dev_strategy_from_string (sluice_pipeline_get_dev_strategy (pipeline), &strategy);
  if (repo == NULL || *repo == '\0')
    repo = sluice_pipeline_get_name (pipeline);

  /* The list is in deployment order already. */
  for (guint i = 0; i < n; i++)
    {
      SluiceStage *stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (items, stage);
      infos[i] = (SluiceStagesStageInfo) {
        .stage = sluice_stage_get_stage (stage) != NULL ? sluice_stage_get_stage (stage) : "",
        .environment = sluice_stage_get_environment_label (stage),
        .account = sluice_stage_get_aws_account_id (stage),
        .region = sluice_stage_get_region (stage),
        .team = sluice_stage_get_team (stage),
      };
    }

  return sluice_stages_input_new_for_stages (strategy, repo, infos, n);
}

SluiceDevStrategy
sluice_stages_input_get_strategy (const SluiceStagesInput *self)
{
  return self->strategy;
}

guint
sluice_stages_input_get_n_lanes (const SluiceStagesInput *self)
{
  return self->lanes->len;
}

const char *
sluice_stages_input_get_lane_title (const SluiceStagesInput *self,
                                    guint                    lane)
{
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, lane);
}

guint
sluice_stages_input_get_n_nodes (const SluiceStagesInput *self)
{
  return self->nodes->len;
}

const SluiceStagesNode *
sluice_stages_input_get_node (const SluiceStagesInput *self,
                              guint                    index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, SluiceStagesNode, index);
}

/**
 * sluice_stages_input_find_node:
 * @id: a node's id
 *
 * Returns: the index of the node with @id, or -1
 */
int
sluice_stages_input_find_node (const SluiceStagesInput *self,
                               const char              *id)
{
  for (guint i = 0; id != NULL && i < self->nodes->len; i++)
    if (g_str_equal (g_array_index (self->nodes, SluiceStagesNode, i).id, id))
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Layout                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_stages_node_kind_get_n_header_lines:
 *
 * Returns: the text lines above a node's status: its name and what it runs; a deployment adds
 *   its environment, account and region, and team
 */
guint
sluice_stages_node_kind_get_n_header_lines (SluiceStagesNodeKind kind)
{
  return kind == SLUICE_STAGES_NODE_DEPLOY ? 5 : 2;
}

/**
 * sluice_stages_node_kind_get_n_status_lines:
 *
 * Returns: the lines of a node's state: status, revision, and how long ago (or why it failed)
 */
guint
sluice_stages_node_kind_get_n_status_lines (SluiceStagesNodeKind kind)
{
  return 3;
}

static double
node_height (SluiceStagesNodeKind kind,
             double               scale)
{
  guint lines = sluice_stages_node_kind_get_n_header_lines (kind) + sluice_stages_node_kind_get_n_status_lines (kind);

  return scale * (2 * SLUICE_STAGES_PADDING + lines * SLUICE_STAGES_LINE_HEIGHT + SLUICE_STAGES_SECTION_GAP);
}

/**
 * sluice_stages_layout_get_min_width:
 * @scale: the text scale
 *
 * Returns: the narrowest width that holds a node at @scale; narrower, a layout scales down
 */
double
sluice_stages_layout_get_min_width (double scale)
{
  return scale * (2 * SLUICE_STAGES_MARGIN + 2 * SLUICE_STAGES_LANE_PADDING + SLUICE_STAGES_NODE_MIN_WIDTH);
}

static void
add_edge (SluiceStagesLayout *self,
          guint               from,
          guint               to,
          gboolean            same_row,
          double              turn_y)
{
  const SluiceStagesRect *a = &self->node_rects[from];
  const SluiceStagesRect *b = &self->node_rects[to];
  SluiceStagesEdge edge = { .from = from, .to = to };
  double ax = a->x + a->width / 2;
  double bx = b->x + b->width / 2;

  if (same_row)
    {
      edge.n_points = 2;
      edge.points[0] = (SluiceStagesPoint) { a->x + a->width, a->y + a->height / 2 };
      edge.points[1] = (SluiceStagesPoint) { b->x, b->y + b->height / 2 };
    }
  else if (fabs (ax - bx) < 0.5)
    {
      edge.n_points = 2;
      edge.points[0] = (SluiceStagesPoint) { ax, a->y + a->height };
      edge.points[1] = (SluiceStagesPoint) { bx, b->y };
    }
  else
    {
      /* Down from the end of a row, back along the gap between the rows, down into the next. */
      edge.n_points = 4;
      edge.points[0] = (SluiceStagesPoint) { ax, a->y + a->height };
      edge.points[1] = (SluiceStagesPoint) { ax, turn_y };
      edge.points[2] = (SluiceStagesPoint) { bx, turn_y };
      edge.points[3] = (SluiceStagesPoint) { bx, b->y };
    }
  g_array_append_val (self->edges, edge);
}

/**
 * sluice_stages_layout_new:
 * @input: what to lay out
 * @width: the width to fit in, in pixels
 * @scale: the text scale (1 for the default font size); below
 *   sluice_stages_layout_get_min_width() the layout uses a smaller one
 *
 * Returns: (transfer full): the layout
 */
SluiceStagesLayout *
sluice_stages_layout_new (SluiceStagesInput *input,
                          double             width,
                          double             scale)
{
  SluiceStagesLayout *self = g_new0 (SluiceStagesLayout, 1);
  guint n_lanes = input->lanes->len;
  guint n_nodes = input->nodes->len;
  g_autofree guint *lane_counts = g_new0 (guint, MAX (n_lanes, 1));
  guint most = 1;
  double node_w, gap, inner, content_w, x0, y, margin, lane_pad, line;
  guint columns;

  if (!(scale > 0))
    scale = 1;
  if (!(width > 0))
    width = 1;
  /* Not even one node fits: everything smaller, text included, rather than overlapping. */
  if (width < sluice_stages_layout_get_min_width (scale))
    scale = width / sluice_stages_layout_get_min_width (1);

  self->input = sluice_stages_input_ref (input);
  self->width = width;
  self->scale = scale;
  self->node_rects = g_new0 (SluiceStagesRect, MAX (n_nodes, 1));
  self->lane_rects = g_new0 (SluiceStagesRect, MAX (n_lanes, 1));
  self->edges = g_array_new (FALSE, TRUE, sizeof (SluiceStagesEdge));

  for (guint i = 0; i < n_nodes; i++)
    {
      guint lane = g_array_index (input->nodes, SluiceStagesNode, i).lane;

      lane_counts[lane]++;
      most = MAX (most, lane_counts[lane]);
    }

  margin = scale * SLUICE_STAGES_MARGIN;
  lane_pad = scale * SLUICE_STAGES_LANE_PADDING;
  line = scale * SLUICE_STAGES_LINE_HEIGHT;
  gap = scale * SLUICE_STAGES_COLUMN_GAP;
  inner = width - 2 * margin - 2 * lane_pad;
  columns = (guint) floor ((inner + gap) / (scale * SLUICE_STAGES_NODE_MIN_WIDTH + gap) + 1e-9);
  columns = CLAMP (columns, 1, most);
  /* As many rows as the width needs, and the nodes spread evenly over them: 4 + 3, not 5 + 2. */
  columns = (most + (most + columns - 1) / columns - 1) / ((most + columns - 1) / columns);
  node_w = MIN (scale * SLUICE_STAGES_NODE_MAX_WIDTH, (inner - (columns - 1) * gap) / columns);
  content_w = 2 * lane_pad + columns * node_w + (columns - 1) * gap;
  x0 = MAX (margin, (width - content_w) / 2);
  self->n_columns = columns;

  y = margin;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      double lane_y = y;
      double row_y;
      double row_h = 0;
      guint k = 0;
      double h;
      int previous = -1;
      g_autofree guint *members = g_new0 (guint, MAX (lane_counts[lane], 1));

      for (guint i = 0; i < n_nodes; i++)
        if (g_array_index (input->nodes, SluiceStagesNode, i).lane == lane)
          members[k++] = i;

      row_y = y + lane_pad + line + scale * SLUICE_STAGES_SECTION_GAP;
      for (k = 0; k < lane_counts[lane]; k++)
        {
          guint column = k % columns;

          /* Each row's height is its tallest node's; the others are centred on it, so the
           * edges along a row are straight. */
          if (column == 0)
            {
              if (k > 0)
                row_y += row_h + scale * SLUICE_STAGES_ROW_GAP;
              row_h = 0;
              for (guint j = k; j < lane_counts[lane] && j < k + columns; j++)
                {
                  SluiceStagesNodeKind kind = g_array_index (input->nodes, SluiceStagesNode, members[j]).kind;

                  row_h = MAX (row_h, node_height (kind, scale));
                }
            }
          h = node_height (g_array_index (input->nodes, SluiceStagesNode, members[k]).kind, scale);
          self->node_rects[members[k]] = (SluiceStagesRect) {
            x0 + lane_pad + column * (node_w + gap), row_y + (row_h - h) / 2, node_w, h,
          };
          if (previous >= 0)
            add_edge (self, previous, members[k], column != 0, row_y - scale * SLUICE_STAGES_ROW_GAP / 2);
          previous = members[k];
        }
      if (lane_counts[lane] > 0)
        row_y += row_h;
      y = row_y + lane_pad;
      self->lane_rects[lane] = (SluiceStagesRect) { x0, lane_y, content_w, y - lane_y };
      y += scale * SLUICE_STAGES_LANE_GAP;
    }
  if (n_lanes > 0)
    y -= scale * SLUICE_STAGES_LANE_GAP;
  self->height = y + margin;

  return self;
}

void
sluice_stages_layout_free (SluiceStagesLayout *self)
{
  if (self == NULL)
    return;
  sluice_stages_input_unref (self->input);
  g_free (self->node_rects);
  g_free (self->lane_rects);
  g_array_unref (self->edges);
  g_free (self);
}

/**
 * sluice_stages_layout_get_input:
 *
 * Returns: (transfer none): what was laid out
 */
SluiceStagesInput *
sluice_stages_layout_get_input (const SluiceStagesLayout *self)
{
  return self->input;
}

double
sluice_stages_layout_get_width (const SluiceStagesLayout *self)
{
  return self->width;
}

double
sluice_stages_layout_get_height (const SluiceStagesLayout *self)
{
  return self->height;
}

/**
 * sluice_stages_layout_get_scale:
 *
 * Returns: the scale used: the one asked for, or smaller when the width is too narrow for it
 */
double
sluice_stages_layout_get_scale (const SluiceStagesLayout *self)
{
  return self->scale;
}

guint
sluice_stages_layout_get_n_columns (const SluiceStagesLayout *self)
{
  return self->n_columns;
}

const SluiceStagesRect *
sluice_stages_layout_get_node_rect (const SluiceStagesLayout *self,
                                    guint                     node)
{
  g_return_val_if_fail (node < self->input->nodes->len, NULL);

  return &self->node_rects[node];
}

/**
 * sluice_stages_layout_get_lane_rect:
 *
 * Returns: the lane's frame; its title is the first line inside its padding
 */
const SluiceStagesRect *
sluice_stages_layout_get_lane_rect (const SluiceStagesLayout *self,
                                    guint                     lane)
{
  g_return_val_if_fail (lane < self->input->lanes->len, NULL);

  return &self->lane_rects[lane];
}

guint
sluice_stages_layout_get_n_edges (const SluiceStagesLayout *self)
{
  return self->edges->len;
}

const SluiceStagesEdge *
sluice_stages_layout_get_edge (const SluiceStagesLayout *self,
                               guint                     index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, SluiceStagesEdge, index);
}
