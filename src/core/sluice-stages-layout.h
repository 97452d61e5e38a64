/* sluice-stages-layout.h: the shape of a pipeline's stages view, laid out left to right
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sluice-dev-strategy.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

/**
 * SluiceStagesNodeKind:
 * @SLUICE_STAGES_NODE_BRANCH: the git branch a CodePipeline watches
 * @SLUICE_STAGES_NODE_SOURCE: a CodePipeline's source stage (`Source`, `Source-<stage>`)
 * @SLUICE_STAGES_NODE_BUILD: a build stage (cdk-trunk's `Build` with `Synth`)
 * @SLUICE_STAGES_NODE_UPDATE_PIPELINE: cdk-trunk's self-mutation (`UpdatePipeline`, `SelfMutate`)
 * @SLUICE_STAGES_NODE_DEPLOY: the deployment of one data.all stage
 * @SLUICE_STAGES_NODE_APPROVAL: a manual approval between two deployments (trunk)
 */
typedef enum
{
  SLUICE_STAGES_NODE_BRANCH,
  SLUICE_STAGES_NODE_SOURCE,
  SLUICE_STAGES_NODE_BUILD,
  SLUICE_STAGES_NODE_UPDATE_PIPELINE,
  SLUICE_STAGES_NODE_DEPLOY,
  SLUICE_STAGES_NODE_APPROVAL,
} SluiceStagesNodeKind;

/**
 * SluiceStagesStatus:
 * @SLUICE_STAGES_STATUS_NONE: nothing known yet (no execution reached it, or no answer yet)
 * @SLUICE_STAGES_STATUS_SUCCEEDED: CodePipeline's `Succeeded`
 * @SLUICE_STAGES_STATUS_IN_PROGRESS: `InProgress`
 * @SLUICE_STAGES_STATUS_FAILED: `Failed`
 * @SLUICE_STAGES_STATUS_STOPPING: `Stopping`
 * @SLUICE_STAGES_STATUS_STOPPED: `Stopped`
 * @SLUICE_STAGES_STATUS_CANCELLED: `Cancelled`
 * @SLUICE_STAGES_STATUS_SKIPPED: `Skipped`
 * @SLUICE_STAGES_STATUS_WAITING: an approval waiting for an answer
 * @SLUICE_STAGES_STATUS_BRANCH_FOUND: a branch node whose branch exists
 * @SLUICE_STAGES_STATUS_BRANCH_MISSING: a branch node whose branch does not exist (yet)
 */
typedef enum
{
  SLUICE_STAGES_STATUS_NONE,
  SLUICE_STAGES_STATUS_SUCCEEDED,
  SLUICE_STAGES_STATUS_IN_PROGRESS,
  SLUICE_STAGES_STATUS_FAILED,
  SLUICE_STAGES_STATUS_STOPPING,
  SLUICE_STAGES_STATUS_STOPPED,
  SLUICE_STAGES_STATUS_CANCELLED,
  SLUICE_STAGES_STATUS_SKIPPED,
  SLUICE_STAGES_STATUS_WAITING,
  SLUICE_STAGES_STATUS_BRANCH_FOUND,
  SLUICE_STAGES_STATUS_BRANCH_MISSING,
} SluiceStagesStatus;

SluiceStagesStatus sluice_stages_status_from_codepipeline (const char *status);

/**
 * SluiceStagesNode:
 * @kind: what the node stands for
 * @lane: the lane it is drawn in (its CodePipeline)
 * @id: unique in its input: `branch:<pipeline>:<branch>` for a branch, `<pipeline>/<stage name>`
 *   for a CodePipeline stage, so a model of the pipelines' state can address it
 * @pipeline_name: the CodePipeline (`<repo>`, or `<repo>-<stage>` in GitFlow)
 * @stage_name: (nullable): the CodePipeline stage (`Source`, `Deploy-Stage-dev`, …); %NULL for a branch
 * @action_name: (nullable): its action (`CodeCommit`, `deploy-dev`, `Synth`, …)
 * @branch: (nullable): the branch of a branch or source node
 * @stage: (nullable): the data.all stage of a deploy or approval node (`dev`)
 * @environment: (nullable): the stage's environment (its label)
 * @account: (nullable): the stage's AWS account
 * @region: (nullable): the stage's AWS region
 * @team: (nullable): the stage's team
 *
 * One box of the view. Plain data: the layout reads only @kind and @lane.
 */
typedef struct
{
  SluiceStagesNodeKind  kind;
  guint                 lane;
  char                 *id;
  char                 *pipeline_name;
  char                 *stage_name;
  char                 *action_name;
  char                 *branch;
  char                 *stage;
  char                 *environment;
  char                 *account;
  char                 *region;
  char                 *team;
} SluiceStagesNode;

/**
 * SluiceStagesStageInfo:
 *
 * One data.all stage as sluice_stages_input_new_for_stages() takes it, in deployment order.
 */
typedef struct
{
  const char *stage;
  const char *environment;
  const char *account;
  const char *region;
  const char *team;
} SluiceStagesStageInfo;

#define SLUICE_TYPE_STAGES_INPUT (sluice_stages_input_get_type ())

typedef struct _SluiceStagesInput SluiceStagesInput;

GType                   sluice_stages_input_get_type        (void) G_GNUC_CONST;
SluiceStagesInput      *sluice_stages_input_new             (SluiceDevStrategy            strategy);
SluiceStagesInput      *sluice_stages_input_new_for_stages  (SluiceDevStrategy            strategy,
                                                             const char                  *repo,
                                                             const SluiceStagesStageInfo *stages,
                                                             guint                        n_stages);
SluiceStagesInput      *sluice_stages_input_new_from_pipeline (SluicePipeline            *pipeline);
SluiceStagesInput      *sluice_stages_input_ref             (SluiceStagesInput           *self);
void                    sluice_stages_input_unref           (SluiceStagesInput           *self);

guint                   sluice_stages_input_add_lane        (SluiceStagesInput           *self,
                                                             const char                  *title);
void                    sluice_stages_input_add_node        (SluiceStagesInput           *self,
                                                             const SluiceStagesNode      *node);

SluiceDevStrategy       sluice_stages_input_get_strategy    (const SluiceStagesInput     *self);
guint                   sluice_stages_input_get_n_lanes     (const SluiceStagesInput     *self);
const char             *sluice_stages_input_get_lane_title  (const SluiceStagesInput     *self,
                                                             guint                        lane);
guint                   sluice_stages_input_get_n_nodes     (const SluiceStagesInput     *self);
const SluiceStagesNode *sluice_stages_input_get_node        (const SluiceStagesInput     *self,
                                                             guint                        index);
int                     sluice_stages_input_find_node       (const SluiceStagesInput     *self,
                                                             const char                  *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceStagesInput, sluice_stages_input_unref)

/* The metrics at scale 1, in pixels: a node is SLUICE_STAGES_PADDING on each side of its text
 * lines, SLUICE_STAGES_LINE_HEIGHT each, with SLUICE_STAGES_SECTION_GAP before the status. */
#define SLUICE_STAGES_LINE_HEIGHT     19.0
#define SLUICE_STAGES_PADDING         12.0
#define SLUICE_STAGES_SECTION_GAP     6.0
#define SLUICE_STAGES_NODE_MIN_WIDTH  184.0
#define SLUICE_STAGES_NODE_MAX_WIDTH  240.0
#define SLUICE_STAGES_COLUMN_GAP      40.0
#define SLUICE_STAGES_ROW_GAP         32.0
#define SLUICE_STAGES_LANE_PADDING    12.0
#define SLUICE_STAGES_LANE_GAP        12.0
#define SLUICE_STAGES_MARGIN          12.0

guint sluice_stages_node_kind_get_n_header_lines (SluiceStagesNodeKind kind);
guint sluice_stages_node_kind_get_n_status_lines (SluiceStagesNodeKind kind);

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SluiceStagesRect;

typedef struct
{
  double x;
  double y;
} SluiceStagesPoint;

#define SLUICE_STAGES_EDGE_MAX_POINTS 4

/**
 * SluiceStagesEdge:
 * @from: the node it leaves (an index into the input's nodes)
 * @to: the node it enters
 * @n_points: 2 for a straight edge, 4 when it turns to the next row
 * @points: its start, its bends and its end (where the arrow head goes)
 */
typedef struct
{
  guint             from;
  guint             to;
  guint             n_points;
  SluiceStagesPoint points[SLUICE_STAGES_EDGE_MAX_POINTS];
} SluiceStagesEdge;

typedef struct _SluiceStagesLayout SluiceStagesLayout;

SluiceStagesLayout     *sluice_stages_layout_new            (SluiceStagesInput        *input,
                                                             double                    width,
                                                             double                    scale);
void                    sluice_stages_layout_free           (SluiceStagesLayout       *self);

SluiceStagesInput      *sluice_stages_layout_get_input      (const SluiceStagesLayout *self);
double                  sluice_stages_layout_get_width      (const SluiceStagesLayout *self);
double                  sluice_stages_layout_get_height     (const SluiceStagesLayout *self);
double                  sluice_stages_layout_get_scale      (const SluiceStagesLayout *self);
guint                   sluice_stages_layout_get_n_columns  (const SluiceStagesLayout *self);
const SluiceStagesRect *sluice_stages_layout_get_node_rect  (const SluiceStagesLayout *self,
                                                             guint                     node);
const SluiceStagesRect *sluice_stages_layout_get_lane_rect  (const SluiceStagesLayout *self,
                                                             guint                     lane);
guint                   sluice_stages_layout_get_n_edges    (const SluiceStagesLayout *self);
const SluiceStagesEdge *sluice_stages_layout_get_edge       (const SluiceStagesLayout *self,
                                                             guint                     index);
double                  sluice_stages_layout_get_min_width  (double                    scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceStagesLayout, sluice_stages_layout_free)

G_END_DECLS
