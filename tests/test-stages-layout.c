/* test-stages-layout.c: the stages view's graph, laid out for each strategy, narrow and wide
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>

#include "sluice-pipeline.h"
#include "sluice-stages-layout.h"

static const char *stage_names[] = { "dev", "test", "qa", "uat", "perf", "stage", "preprod", "dr", "audit", "prod" };

static SluiceStagesInput *
input_for (SluiceDevStrategy strategy,
           guint             n)
{
  SluiceStagesStageInfo infos[10];

  g_assert_cmpuint (n, <=, 10);
  for (guint i = 0; i < n; i++)
    infos[i] = (SluiceStagesStageInfo) {
      /* The last stage is prod, as data.all's GitFlow needs for branch main. */
      .stage = i + 1 == n ? "prod" : stage_names[i], .environment = "Env", .account = "111122223333",
      .region = "eu-west-1", .team = "Engineers",
    };
  return sluice_stages_input_new_for_stages (strategy, "sales", infos, n);
}

static gboolean
rects_overlap (const SluiceStagesRect *a,
               const SluiceStagesRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_contains (const SluiceStagesRect *outer,
               const SluiceStagesRect *inner)
{
  return inner->x >= outer->x - 1e-6 && inner->y >= outer->y - 1e-6 &&
         inner->x + inner->width <= outer->x + outer->width + 1e-6 &&
         inner->y + inner->height <= outer->y + outer->height + 1e-6;
}

static gboolean
point_on_border (const SluiceStagesPoint *p,
                 const SluiceStagesRect  *r)
{
  gboolean in_x = p->x >= r->x - 1e-6 && p->x <= r->x + r->width + 1e-6;
  gboolean in_y = p->y >= r->y - 1e-6 && p->y <= r->y + r->height + 1e-6;

  return (in_x && (fabs (p->y - r->y) < 1e-6 || fabs (p->y - (r->y + r->height)) < 1e-6)) ||
         (in_y && (fabs (p->x - r->x) < 1e-6 || fabs (p->x - (r->x + r->width)) < 1e-6));
}

/* Whether the axis-parallel segment a–b crosses the inside of @r (touching its border is not). */
static gboolean
segment_crosses (const SluiceStagesPoint *a,
                 const SluiceStagesPoint *b,
                 const SluiceStagesRect  *r)
{
  double x0 = MIN (a->x, b->x), x1 = MAX (a->x, b->x);
  double y0 = MIN (a->y, b->y), y1 = MAX (a->y, b->y);
  double e = 1e-6;

  return x1 > r->x + e && x0 < r->x + r->width - e && y1 > r->y + e && y0 < r->y + r->height - e;
}

/* Everything that must hold for any layout. */
static void
check_layout (SluiceStagesLayout *layout,
              double              width)
{
  SluiceStagesInput *input = sluice_stages_layout_get_input (layout);
  guint n_nodes = sluice_stages_input_get_n_nodes (input);
  guint n_lanes = sluice_stages_input_get_n_lanes (input);
  double scale = sluice_stages_layout_get_scale (layout);
  SluiceStagesRect whole = { 0, 0, width, sluice_stages_layout_get_height (layout) };
  guint expected_edges = 0;

  g_assert_cmpfloat (sluice_stages_layout_get_width (layout), ==, width);
  for (guint i = 0; i < n_nodes; i++)
    {
      const SluiceStagesNode *node = sluice_stages_input_get_node (input, i);
      const SluiceStagesRect *r = sluice_stages_layout_get_node_rect (layout, i);
      guint lines = sluice_stages_node_kind_get_n_header_lines (node->kind) +
                    sluice_stages_node_kind_get_n_status_lines (node->kind);

      /* Inside the width, inside its lane, room for its text at the scale used. */
      g_assert_true (rect_contains (&whole, r));
      g_assert_true (rect_contains (sluice_stages_layout_get_lane_rect (layout, node->lane), r));
      g_assert_cmpfloat (r->width, >=, scale * SLUICE_STAGES_NODE_MIN_WIDTH - 1e-6);
      g_assert_cmpfloat (r->width, <=, scale * SLUICE_STAGES_NODE_MAX_WIDTH + 1e-6);
      g_assert_cmpfloat (r->height, >=, scale * (lines * SLUICE_STAGES_LINE_HEIGHT + 2 * SLUICE_STAGES_PADDING));
      for (guint j = i + 1; j < n_nodes; j++)
        g_assert_false (rects_overlap (r, sluice_stages_layout_get_node_rect (layout, j)));
    }
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      g_assert_true (rect_contains (&whole, sluice_stages_layout_get_lane_rect (layout, lane)));
      for (guint other = lane + 1; other < n_lanes; other++)
        g_assert_false (rects_overlap (sluice_stages_layout_get_lane_rect (layout, lane),
                                       sluice_stages_layout_get_lane_rect (layout, other)));
    }

  /* One edge from each node to the next of its lane, in order, and no other. */
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      int previous = -1;

      for (guint i = 0; i < n_nodes; i++)
        {
          if (sluice_stages_input_get_node (input, i)->lane != lane)
            continue;
          if (previous >= 0)
            {
              const SluiceStagesEdge *edge = sluice_stages_layout_get_edge (layout, expected_edges++);
              const SluiceStagesRect *from = sluice_stages_layout_get_node_rect (layout, edge->from);
              const SluiceStagesRect *to = sluice_stages_layout_get_node_rect (layout, edge->to);

              g_assert_cmpuint (edge->from, ==, previous);
              g_assert_cmpuint (edge->to, ==, i);
              g_assert_true (edge->n_points == 2 || edge->n_points == 4);
              g_assert_true (point_on_border (&edge->points[0], from));
              g_assert_true (point_on_border (&edge->points[edge->n_points - 1], to));
              for (guint p = 0; p + 1 < edge->n_points; p++)
                {
                  const SluiceStagesPoint *a = &edge->points[p], *b = &edge->points[p + 1];

                  /* Straight lines and right angles, through no node. */
                  g_assert_true (fabs (a->x - b->x) < 1e-6 || fabs (a->y - b->y) < 1e-6);
                  g_assert_true (rect_contains (&whole, &(SluiceStagesRect) { a->x, a->y, 0, 0 }));
                  for (guint k = 0; k < n_nodes; k++)
                    g_assert_false (segment_crosses (a, b, sluice_stages_layout_get_node_rect (layout, k)));
                }
              /* An edge along a row goes right; one to the next row goes down. */
              if (edge->n_points == 2 && fabs (edge->points[0].y - edge->points[1].y) < 1e-6)
                g_assert_cmpfloat (edge->points[1].x, >, edge->points[0].x);
              else
                g_assert_cmpfloat (to->y, >, from->y + from->height);
            }
          previous = i;
        }
    }
  g_assert_cmpuint (sluice_stages_layout_get_n_edges (layout), ==, expected_edges);
}

static const SluiceStagesNode *
node (SluiceStagesInput *input,
      const char        *id)
{
  int index = sluice_stages_input_find_node (input, id);

  if (index < 0)
    g_error ("no node %s", id);
  return sluice_stages_input_get_node (input, index);
}

static const double widths[] = { 200, 360, 600, 1200 };

static void
test_trunk (void)
{
  for (guint n = 1; n <= 10; n++)
    {
      g_autoptr(SluiceStagesInput) input = input_for (SLUICE_DEV_STRATEGY_TRUNK, n);
      guint count = sluice_stages_input_get_n_nodes (input);

      /* main, Source, then each stage with an approval between two. */
      g_assert_cmpuint (sluice_stages_input_get_n_lanes (input), ==, 1);
      g_assert_cmpstr (sluice_stages_input_get_lane_title (input, 0), ==, "sales");
      g_assert_cmpuint (count, ==, 2 + n + (n - 1));
      g_assert_cmpint (sluice_stages_input_get_node (input, 0)->kind, ==, SLUICE_STAGES_NODE_BRANCH);
      g_assert_cmpstr (sluice_stages_input_get_node (input, 0)->branch, ==, "main");
      g_assert_cmpstr (sluice_stages_input_get_node (input, 0)->id, ==, "branch:sales:main");
      g_assert_cmpstr (sluice_stages_input_get_node (input, 1)->stage_name, ==, "Source");
      g_assert_cmpstr (sluice_stages_input_get_node (input, 1)->action_name, ==, "CodeCommit");
      for (guint i = 0; i < n; i++)
        {
          const char *stage = i + 1 == n ? "prod" : stage_names[i];
          g_autofree char *deploy = g_strdup_printf ("sales/Deploy-Stage-%s", stage);
          g_autofree char *action = g_strdup_printf ("deploy-%s", stage);
          const SluiceStagesNode *d = sluice_stages_input_get_node (input, 2 + 2 * i);

          g_assert_cmpstr (d->id, ==, deploy);
          g_assert_cmpint (d->kind, ==, SLUICE_STAGES_NODE_DEPLOY);
          g_assert_cmpstr (d->action_name, ==, action);
          g_assert_cmpstr (d->stage, ==, stage);
          g_assert_cmpstr (d->account, ==, "111122223333");
          g_assert_cmpstr (d->region, ==, "eu-west-1");
          g_assert_cmpstr (d->team, ==, "Engineers");
          if (i + 1 < n)
            {
              g_autofree char *approval = g_strdup_printf ("ManualApproval-%s", stage);
              const SluiceStagesNode *a = sluice_stages_input_get_node (input, 3 + 2 * i);

              g_assert_cmpint (a->kind, ==, SLUICE_STAGES_NODE_APPROVAL);
              g_assert_cmpstr (a->stage_name, ==, approval);
              g_assert_cmpstr (a->action_name, ==, approval);
            }
        }
      /* No approval after the last stage. */
      g_assert_cmpint (sluice_stages_input_get_node (input, count - 1)->kind, ==, SLUICE_STAGES_NODE_DEPLOY);

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(SluiceStagesLayout) layout = sluice_stages_layout_new (input, widths[w], 1);

          check_layout (layout, widths[w]);
          /* Approvals sit between the stages they separate: the edges go stage → approval → next. */
          for (guint e = 0; e < sluice_stages_layout_get_n_edges (layout); e++)
            {
              const SluiceStagesEdge *edge = sluice_stages_layout_get_edge (layout, e);
              const SluiceStagesNode *to = sluice_stages_input_get_node (input, edge->to);
              const SluiceStagesNode *from = sluice_stages_input_get_node (input, edge->from);

              if (to->kind == SLUICE_STAGES_NODE_APPROVAL)
                {
                  g_assert_cmpint (from->kind, ==, SLUICE_STAGES_NODE_DEPLOY);
                  g_assert_cmpstr (from->stage, ==, to->stage);
                }
              if (from->kind == SLUICE_STAGES_NODE_APPROVAL)
                g_assert_cmpint (to->kind, ==, SLUICE_STAGES_NODE_DEPLOY);
            }
          if (widths[w] <= 360)
            g_assert_cmpuint (sluice_stages_layout_get_n_columns (layout), ==, 1);
          /* Wide, five columns fit; the rows they need share the nodes evenly. */
          if (widths[w] >= 1200)
            g_assert_cmpuint (sluice_stages_layout_get_n_columns (layout), ==, (count + (count + 4) / 5 - 1) / ((count + 4) / 5));
        }
    }
}

static void
test_gitflow (void)
{
  for (guint n = 1; n <= 10; n++)
    {
      g_autoptr(SluiceStagesInput) input = input_for (SLUICE_DEV_STRATEGY_GITFLOW, n);

      /* One lane per stage: its branch, its pipeline's source, its deployment; no approvals. */
      g_assert_cmpuint (sluice_stages_input_get_n_lanes (input), ==, n);
      g_assert_cmpuint (sluice_stages_input_get_n_nodes (input), ==, 3 * n);
      for (guint i = 0; i < n; i++)
        {
          const char *stage = i + 1 == n ? "prod" : stage_names[i];
          const char *branch = i + 1 == n ? "main" : stage;
          g_autofree char *pipeline = g_strdup_printf ("sales-%s", stage);
          g_autofree char *branch_id = g_strdup_printf ("branch:sales-%s:%s", stage, branch);
          g_autofree char *source_id = g_strdup_printf ("sales-%s/Source-%s", stage, stage);
          g_autofree char *deploy_id = g_strdup_printf ("sales-%s/Deploy-Stage-%s", stage, stage);
          g_autofree char *action = g_strdup_printf ("deploy-%s", stage);
          g_autofree char *approval_id = g_strdup_printf ("sales-%s/ManualApproval-%s", stage, stage);

          g_assert_cmpstr (sluice_stages_input_get_lane_title (input, i), ==, pipeline);
          g_assert_cmpuint (node (input, branch_id)->lane, ==, i);
          g_assert_cmpstr (node (input, branch_id)->branch, ==, branch);
          g_assert_cmpuint (node (input, source_id)->lane, ==, i);
          g_assert_cmpstr (node (input, source_id)->branch, ==, branch);
          g_assert_cmpstr (node (input, source_id)->pipeline_name, ==, pipeline);
          g_assert_cmpuint (node (input, deploy_id)->lane, ==, i);
          g_assert_cmpstr (node (input, deploy_id)->action_name, ==, action);
          g_assert_cmpint (sluice_stages_input_find_node (input, approval_id), ==, -1);
        }

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(SluiceStagesLayout) layout = sluice_stages_layout_new (input, widths[w], 1);

          check_layout (layout, widths[w]);
          g_assert_cmpuint (sluice_stages_layout_get_n_edges (layout), ==, 2 * n);
          /* Lanes one below the other, in stage order; wide, each lane is one row and the
           * columns line up from lane to lane. */
          for (guint lane = 1; lane < n; lane++)
            g_assert_cmpfloat (sluice_stages_layout_get_lane_rect (layout, lane)->y, >,
                               sluice_stages_layout_get_lane_rect (layout, lane - 1)->y);
          if (widths[w] >= 1200)
            for (guint i = 0; i < 3 * n; i++)
              {
                const SluiceStagesRect *r = sluice_stages_layout_get_node_rect (layout, i);
                const SluiceStagesRect *first = sluice_stages_layout_get_node_rect (layout, i - i % 3);

                g_assert_cmpfloat (sluice_stages_layout_get_node_rect (layout, i)->x, ==,
                                   sluice_stages_layout_get_node_rect (layout, i % 3)->x);
                g_assert_cmpfloat (r->y + r->height / 2, ==, first->y + first->height / 2);
              }
        }
    }
}

static void
test_cdk_trunk (void)
{
  for (guint n = 1; n <= 10; n++)
    {
      g_autoptr(SluiceStagesInput) input = input_for (SLUICE_DEV_STRATEGY_CDK_TRUNK, n);
      static const char *heads[] = { NULL, "Source", "Build", "UpdatePipeline" };
      static const char *actions[] = { NULL, "sales", "Synth", "SelfMutate" };

      g_assert_cmpuint (sluice_stages_input_get_n_lanes (input), ==, 1);
      g_assert_cmpuint (sluice_stages_input_get_n_nodes (input), ==, 4 + n);
      g_assert_cmpint (sluice_stages_input_get_node (input, 0)->kind, ==, SLUICE_STAGES_NODE_BRANCH);
      for (guint i = 1; i < 4; i++)
        {
          g_assert_cmpstr (sluice_stages_input_get_node (input, i)->stage_name, ==, heads[i]);
          g_assert_cmpstr (sluice_stages_input_get_node (input, i)->action_name, ==, actions[i]);
        }
      g_assert_cmpint (sluice_stages_input_get_node (input, 2)->kind, ==, SLUICE_STAGES_NODE_BUILD);
      g_assert_cmpint (sluice_stages_input_get_node (input, 3)->kind, ==, SLUICE_STAGES_NODE_UPDATE_PIPELINE);
      /* dataall-<Stage>, in order, no approvals. */
      g_assert_cmpstr (sluice_stages_input_get_node (input, 4)->id, ==, n == 1 ? "sales/dataall-Prod" : "sales/dataall-Dev");
      g_assert_cmpstr (sluice_stages_input_get_node (input, 3 + n)->stage_name, ==, "dataall-Prod");
      for (guint i = 4; i < 4 + n; i++)
        g_assert_cmpint (sluice_stages_input_get_node (input, i)->kind, ==, SLUICE_STAGES_NODE_DEPLOY);

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(SluiceStagesLayout) layout = sluice_stages_layout_new (input, widths[w], 1);

          check_layout (layout, widths[w]);
          g_assert_cmpuint (sluice_stages_layout_get_n_edges (layout), ==, 3 + n);
        }
    }
}

static void
test_wrap_and_scale (void)
{
  g_autoptr(SluiceStagesInput) input = input_for (SLUICE_DEV_STRATEGY_TRUNK, 3);
  g_autoptr(SluiceStagesLayout) wide = sluice_stages_layout_new (input, 1200, 1);
  g_autoptr(SluiceStagesLayout) narrow = sluice_stages_layout_new (input, 360, 1);
  g_autoptr(SluiceStagesLayout) tiny = sluice_stages_layout_new (input, 150, 1);
  g_autoptr(SluiceStagesLayout) large = sluice_stages_layout_new (input, 1200, 1.5);
  const SluiceStagesEdge *edge;

  /* 7 nodes in rows of 4 and 3 rather than 5 and 2; the fifth node starts row two, the edge
   * to it turns down, back and down again. */
  g_assert_cmpuint (sluice_stages_layout_get_n_columns (wide), ==, 4);
  edge = sluice_stages_layout_get_edge (wide, 3);
  g_assert_cmpuint (edge->to, ==, 4);
  g_assert_cmpuint (edge->n_points, ==, 4);
  g_assert_cmpfloat (edge->points[1].y, ==, edge->points[2].y);
  g_assert_cmpfloat (edge->points[2].x, <, edge->points[1].x);
  g_assert_cmpfloat (sluice_stages_layout_get_node_rect (wide, 4)->x, ==, sluice_stages_layout_get_node_rect (wide, 0)->x);
  /* Along a row, straight and level. */
  edge = sluice_stages_layout_get_edge (wide, 0);
  g_assert_cmpuint (edge->n_points, ==, 2);
  g_assert_cmpfloat (edge->points[0].y, ==, edge->points[1].y);
  /* Centred when the nodes do not need the whole width. */
  g_assert_cmpfloat (fabs (sluice_stages_layout_get_lane_rect (wide, 0)->x * 2 +
                           sluice_stages_layout_get_lane_rect (wide, 0)->width - 1200), <, 1e-6);

  /* Narrow: one column, straight down. */
  g_assert_cmpuint (sluice_stages_layout_get_n_columns (narrow), ==, 1);
  g_assert_cmpfloat (sluice_stages_layout_get_scale (narrow), ==, 1);
  edge = sluice_stages_layout_get_edge (narrow, 0);
  g_assert_cmpuint (edge->n_points, ==, 2);
  g_assert_cmpfloat (edge->points[0].x, ==, edge->points[1].x);
  g_assert_cmpfloat (sluice_stages_layout_get_height (narrow), >, sluice_stages_layout_get_height (wide));

  /* Too narrow for a node: smaller, not overlapping nor cut. */
  g_assert_cmpfloat (sluice_stages_layout_get_scale (tiny), <, 1);
  check_layout (tiny, 150);
  g_assert_cmpfloat (sluice_stages_layout_get_node_rect (tiny, 0)->x + sluice_stages_layout_get_node_rect (tiny, 0)->width, <=, 150);

  /* Large text: larger nodes, fewer columns. */
  check_layout (large, 1200);
  g_assert_cmpfloat (sluice_stages_layout_get_scale (large), ==, 1.5);
  g_assert_cmpuint (sluice_stages_layout_get_n_columns (large), <, 4);
  g_assert_cmpfloat (sluice_stages_layout_get_node_rect (large, 0)->height, ==,
                     1.5 * sluice_stages_layout_get_node_rect (wide, 0)->height);
}

static void
test_from_pipeline (void)
{
  const char *json =
    "{\"DataPipelineUri\": \"u1\", \"name\": \"sales-x1\", \"label\": \"Sales\", \"repo\": \"sales-x1\", "
    "\"devStrategy\": \"gitflow\", "
    "\"developmentEnvironments\": {\"count\": 2, \"nodes\": ["
    "{\"envPipelineUri\": \"s2\", \"stage\": \"prod\", \"order\": 2, \"environmentLabel\": \"Production\", "
    "\"AwsAccountId\": \"444444444444\", \"region\": \"eu-central-1\", \"samlGroupName\": \"Ops\"},"
    "{\"envPipelineUri\": \"s1\", \"stage\": \"dev\", \"order\": 1, \"environmentLabel\": \"Development\", "
    "\"AwsAccountId\": \"222222222222\", \"region\": \"eu-west-1\", \"samlGroupName\": \"Engineers\"}]}}";
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autoptr(SluicePipeline) pipeline = sluice_pipeline_new_from_json (json_node_get_object (root));
  g_autoptr(SluiceStagesInput) input = sluice_stages_input_new_from_pipeline (pipeline);
  const SluiceStagesNode *dev;

  g_assert_cmpint (sluice_stages_input_get_strategy (input), ==, SLUICE_DEV_STRATEGY_GITFLOW);
  g_assert_cmpuint (sluice_stages_input_get_n_lanes (input), ==, 2);
  /* In deployment order, not the server's. */
  g_assert_cmpstr (sluice_stages_input_get_lane_title (input, 0), ==, "sales-x1-dev");
  g_assert_cmpstr (sluice_stages_input_get_lane_title (input, 1), ==, "sales-x1-prod");
  dev = node (input, "sales-x1-dev/Deploy-Stage-dev");
  g_assert_cmpstr (dev->environment, ==, "Development");
  g_assert_cmpstr (dev->account, ==, "222222222222");
  g_assert_cmpstr (dev->region, ==, "eu-west-1");
  g_assert_cmpstr (dev->team, ==, "Engineers");
  g_assert_cmpstr (node (input, "branch:sales-x1-dev:dev")->branch, ==, "dev");
  g_assert_cmpstr (node (input, "branch:sales-x1-prod:main")->branch, ==, "main");
}

static void
test_custom_input (void)
{
  g_autoptr(SluiceStagesInput) input = sluice_stages_input_new (SLUICE_DEV_STRATEGY_CDK_TRUNK);
  guint lane = sluice_stages_input_add_lane (input, "p");
  g_autoptr(SluiceStagesLayout) layout = NULL;

  /* A model that saw an Assets stage adds it where CodePipeline has it. */
  sluice_stages_input_add_node (input, &(SluiceStagesNode) { .kind = SLUICE_STAGES_NODE_SOURCE, .lane = lane, .id = (char *) "p/Source" });
  sluice_stages_input_add_node (input, &(SluiceStagesNode) { .kind = SLUICE_STAGES_NODE_BUILD, .lane = lane, .id = (char *) "p/Assets" });
  g_assert_cmpint (sluice_stages_input_find_node (input, "p/Assets"), ==, 1);
  g_assert_cmpint (sluice_stages_input_find_node (input, "p/Nope"), ==, -1);
  /* An id is a node's address: a second node with it, or one in no lane, is refused. */
  g_test_expect_message ("sluice-stages-layout", G_LOG_LEVEL_CRITICAL, "*find_node*");
  sluice_stages_input_add_node (input, &(SluiceStagesNode) { .kind = SLUICE_STAGES_NODE_BUILD, .lane = lane, .id = (char *) "p/Assets" });
  g_test_assert_expected_messages ();
  g_test_expect_message ("sluice-stages-layout", G_LOG_LEVEL_CRITICAL, "*lane*");
  sluice_stages_input_add_node (input, &(SluiceStagesNode) { .kind = SLUICE_STAGES_NODE_BUILD, .lane = 7, .id = (char *) "p/Other" });
  g_test_assert_expected_messages ();
  g_assert_cmpuint (sluice_stages_input_get_n_nodes (input), ==, 2);
  layout = sluice_stages_layout_new (input, 800, 1);
  check_layout (layout, 800);
  g_assert_cmpuint (sluice_stages_layout_get_n_edges (layout), ==, 1);

  /* An empty pipeline (no stages yet) is still laid out. */
  {
    g_autoptr(SluiceStagesInput) empty = sluice_stages_input_new_for_stages (SLUICE_DEV_STRATEGY_GITFLOW, "e", NULL, 0);
    g_autoptr(SluiceStagesLayout) none = sluice_stages_layout_new (empty, 800, 1);

    g_assert_cmpuint (sluice_stages_input_get_n_nodes (empty), ==, 0);
    g_assert_cmpuint (sluice_stages_layout_get_n_edges (none), ==, 0);
  }
}

static void
test_status_words (void)
{
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Succeeded"), ==, SLUICE_STAGES_STATUS_SUCCEEDED);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("InProgress"), ==, SLUICE_STAGES_STATUS_IN_PROGRESS);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Failed"), ==, SLUICE_STAGES_STATUS_FAILED);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Stopping"), ==, SLUICE_STAGES_STATUS_STOPPING);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Stopped"), ==, SLUICE_STAGES_STATUS_STOPPED);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Cancelled"), ==, SLUICE_STAGES_STATUS_CANCELLED);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Abandoned"), ==, SLUICE_STAGES_STATUS_CANCELLED);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Skipped"), ==, SLUICE_STAGES_STATUS_SKIPPED);
  g_assert_cmpint (sluice_stages_status_from_codepipeline ("Superseded"), ==, SLUICE_STAGES_STATUS_NONE);
  g_assert_cmpint (sluice_stages_status_from_codepipeline (NULL), ==, SLUICE_STAGES_STATUS_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stages-layout/trunk", test_trunk);
  g_test_add_func ("/stages-layout/gitflow", test_gitflow);
  g_test_add_func ("/stages-layout/cdk-trunk", test_cdk_trunk);
  g_test_add_func ("/stages-layout/wrap-and-scale", test_wrap_and_scale);
  g_test_add_func ("/stages-layout/from-pipeline", test_from_pipeline);
  g_test_add_func ("/stages-layout/custom-input", test_custom_input);
  g_test_add_func ("/stages-layout/status-words", test_status_words);

  return g_test_run ();
}
