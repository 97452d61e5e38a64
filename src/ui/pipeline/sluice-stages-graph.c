/* sluice-stages-graph.c: a pipeline's branches, CodePipeline stages and approvals, left to right
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-graph"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sluice-stages-graph.h"
#include "sluice-stages-graph-node.h"

/**
 * SluiceStagesGraph:
 *
 * The flow of a pipeline's deployment as SluiceStagesLayout lays it out for the width it gets:
 * lanes (one per CodePipeline) with their titles, the edges between the nodes, and the nodes,
 * each a SluiceStagesGraphNode child (see there for why each node is a widget). The graph draws
 * the lanes and edges in its snapshot and places the nodes in size_allocate; a status change
 * redraws one node and never lays the graph out again.
 *
 * Keyboard: Tab and Shift+Tab, Left and Right go from node to node in flow order; Up and Down
 * to the nearest node above or below (GitFlow's lanes). Enter, Space or a click emits
 * SluiceStagesGraph::node-activated with the node's id.
 */
struct _SluiceStagesGraph
{
  GtkWidget           parent_instance;

  SluiceStagesInput  *input;
  GPtrArray          *nodes;        /* SluiceStagesGraphNode, in the input's order */
  SluiceStagesLayout *layout;       /* for the last allocated width */
  double              text_scale;   /* 0 until measured */
  PangoLayout       **lane_titles;  /* one per lane, made when first drawn */
  GskRenderNode      *background;   /* lanes, titles and edges, kept while the layout and style are */
  GHashTable         *line_cache;   /* the nodes' status lines, shared among them */
  guint               time_source;
};

G_DEFINE_FINAL_TYPE (SluiceStagesGraph, sluice_stages_graph, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INPUT,
  N_PROPS
};

enum {
  SIGNAL_NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The height of a line of text in the default font (Cantarell 11 pt at 96 dpi) that
 * SLUICE_STAGES_LINE_HEIGHT is made for: larger text scales the graph up. */
#define BASE_TEXT_HEIGHT  18.0
#define LANE_RADIUS       16.0
#define EDGE_WIDTH        2.0
#define EDGE_RADIUS       10.0
#define ARROW_SIZE        7.0
/* At most this many columns wide, naturally: a long trunk pipeline wraps rather than asking
 * for a window wider than a screen. */
#define NATURAL_COLUMNS   5

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
clear_lane_titles (SluiceStagesGraph *self)
{
  if (self->lane_titles == NULL)
    return;
  for (guint i = 0; self->input != NULL && i < sluice_stages_input_get_n_lanes (self->input); i++)
    g_clear_object (&self->lane_titles[i]);
  g_clear_pointer (&self->lane_titles, g_free);
}

static double
get_text_scale (SluiceStagesGraph *self)
{
  if (self->text_scale == 0)
    {
      g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
      int height;

      pango_layout_get_pixel_size (probe, NULL, &height);
      self->text_scale = MAX (1.0, height / BASE_TEXT_HEIGHT);
      for (guint i = 0; i < self->nodes->len; i++)
        sluice_stages_graph_node_set_text_scale (g_ptr_array_index (self->nodes, i), self->text_scale);
    }
  return self->text_scale;
}

static void
invalidate_layout (SluiceStagesGraph *self)
{
  g_clear_pointer (&self->layout, sluice_stages_layout_free);
  g_clear_pointer (&self->background, gsk_render_node_unref);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static const SluiceStagesLayout *
ensure_layout (SluiceStagesGraph *self,
               int                width)
{
  double scale = get_text_scale (self);

  if (self->layout != NULL && sluice_stages_layout_get_width (self->layout) == width)
    return self->layout;
  g_clear_pointer (&self->layout, sluice_stages_layout_free);
  g_clear_pointer (&self->background, gsk_render_node_unref);
  self->layout = sluice_stages_layout_new (self->input, width, scale);
  return self->layout;
}

static guint
longest_lane (SluiceStagesInput *input)
{
  guint n_lanes = sluice_stages_input_get_n_lanes (input);
  g_autofree guint *counts = g_new0 (guint, MAX (n_lanes, 1));
  guint most = 1;

  for (guint i = 0; i < sluice_stages_input_get_n_nodes (input); i++)
    {
      guint lane = sluice_stages_input_get_node (input, i)->lane;

      most = MAX (most, ++counts[lane]);
    }
  return most;
}

static SluiceStagesGraphNode *
find_node (SluiceStagesGraph *self,
           const char        *node_id)
{
  int index;

  if (self->input == NULL || node_id == NULL)
    return NULL;
  index = sluice_stages_input_find_node (self->input, node_id);
  return index >= 0 ? g_ptr_array_index (self->nodes, index) : NULL;
}

static void
remove_nodes (SluiceStagesGraph *self)
{
  for (guint i = 0; i < self->nodes->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->nodes, i));
  g_ptr_array_set_size (self->nodes, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
node_activate_cb (SluiceStagesGraphNode *node,
                  SluiceStagesGraph     *self)
{
  g_signal_emit (self, signals[SIGNAL_NODE_ACTIVATED], 0, sluice_stages_graph_node_get_node (node)->id);
}

static gboolean
update_times_cb (gpointer user_data)
{
  SluiceStagesGraph *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < self->nodes->len; i++)
    sluice_stages_graph_node_update_time (g_ptr_array_index (self->nodes, i), now);
  return G_SOURCE_CONTINUE;
}

/* ------------------------------------------------------------------------------------------ */
/* GtkWidget                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static GtkSizeRequestMode
sluice_stages_graph_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
natural_width (SluiceStagesGraph *self)
{
  double scale = get_text_scale (self);
  guint columns = self->input != NULL ? MIN (longest_lane (self->input), NATURAL_COLUMNS) : 1;

  return (int) ceil (sluice_stages_layout_get_min_width (scale) +
                     (columns - 1) * scale * (SLUICE_STAGES_NODE_MIN_WIDTH + SLUICE_STAGES_COLUMN_GAP));
}

static void
sluice_stages_graph_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      int child_min, child_nat;

      /* GTK wants every child measured before it is allocated. */
      gtk_widget_measure (g_ptr_array_index (self->nodes, i), orientation, -1, &child_min, &child_nat, NULL, NULL);
    }

  if (self->input == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrower than a node, the layout scales everything down: a phone-sized window still
       * shows the whole graph. */
      *minimum = (int) ceil (sluice_stages_layout_get_min_width (get_text_scale (self)) * 0.6);
      *natural = MAX (*minimum, natural_width (self));
    }
  else
    {
      int width = for_size >= 0 ? for_size : natural_width (self);
      g_autoptr(SluiceStagesLayout) layout = sluice_stages_layout_new (self->input, width, get_text_scale (self));

      *minimum = *natural = (int) ceil (sluice_stages_layout_get_height (layout));
    }
}

static void
sluice_stages_graph_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);
  const SluiceStagesLayout *layout;
  double ratio;

  if (self->input == NULL)
    return;
  layout = ensure_layout (self, width);
  /* Below the text scale, the nodes are drawn at it and shrunk as a whole. */
  ratio = sluice_stages_layout_get_scale (layout) / get_text_scale (self);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SluiceStagesRect *rect = sluice_stages_layout_get_node_rect (layout, i);
      GskTransform *transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rect->x, rect->y));

      if (ratio < 0.999)
        transform = gsk_transform_scale (transform, ratio, ratio);
      gtk_widget_allocate (g_ptr_array_index (self->nodes, i),
                           (int) round (rect->width / ratio), (int) round (rect->height / ratio), -1, transform);
    }
}

static void
append_edge (cairo_t                *cr,
             const SluiceStagesEdge *edge,
             double                  scale)
{
  const SluiceStagesPoint *p = edge->points;
  const SluiceStagesPoint *end = &p[edge->n_points - 1];
  const SluiceStagesPoint *before = &p[edge->n_points - 2];
  double arrow = ARROW_SIZE * scale;
  double dx = end->x - before->x, dy = end->y - before->y;
  double length = hypot (dx, dy);
  double ux, uy;

  if (length <= 0)
    return;
  ux = dx / length;
  uy = dy / length;

  /* The line, rounded at its bends, stopping where the arrow head starts. */
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i + 1 < edge->n_points; i++)
    {
      double r = EDGE_RADIUS * scale;
      double in = hypot (p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
      double out = hypot (p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);

      r = MIN (r, MIN (in, out) / 2);
      if (in <= 0 || out <= 0)
        continue;
      cairo_line_to (cr, p[i].x - (p[i].x - p[i - 1].x) / in * r, p[i].y - (p[i].y - p[i - 1].y) / in * r);
      cairo_curve_to (cr, p[i].x, p[i].y, p[i].x, p[i].y,
                      p[i].x + (p[i + 1].x - p[i].x) / out * r, p[i].y + (p[i + 1].y - p[i].y) / out * r);
    }
  cairo_line_to (cr, end->x - ux * arrow, end->y - uy * arrow);
  cairo_stroke (cr);

  cairo_move_to (cr, end->x, end->y);
  cairo_line_to (cr, end->x - ux * arrow * 1.4 - uy * arrow, end->y - uy * arrow * 1.4 + ux * arrow);
  cairo_line_to (cr, end->x - ux * arrow * 1.4 + uy * arrow, end->y - uy * arrow * 1.4 - ux * arrow);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Everything but the nodes: drawn again only for a new layout or style, so that a status
 * refresh redraws the nodes alone. */
static GskRenderNode *
make_background (SluiceStagesGraph        *self,
                 const SluiceStagesLayout *layout,
                 int                       width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  guint n_lanes;
  GdkRGBA fg, lane_bg, title_color, edge_color;
  double scale;

  scale = sluice_stages_layout_get_scale (layout);
  n_lanes = sluice_stages_input_get_n_lanes (self->input);

  gtk_style_context_get_color (context, &fg);
  lane_bg = (GdkRGBA) { fg.red, fg.green, fg.blue, fg.alpha * 0.04f };
  title_color = (GdkRGBA) { fg.red, fg.green, fg.blue, fg.alpha * 0.7f };
  edge_color = (GdkRGBA) { fg.red, fg.green, fg.blue, fg.alpha * 0.35f };

  /* Each lane a rounded, faintly shaded band with its CodePipeline's name. */
  if (self->lane_titles == NULL)
    self->lane_titles = g_new0 (PangoLayout *, MAX (n_lanes, 1));
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const SluiceStagesRect *rect = sluice_stages_layout_get_lane_rect (layout, lane);
      double pad = scale * SLUICE_STAGES_LANE_PADDING;
      double text_scale = scale / get_text_scale (self);
      GskRoundedRect band;
      int text_height;

      gsk_rounded_rect_init_from_rect (&band, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height),
                                       LANE_RADIUS * scale);
      gtk_snapshot_push_rounded_clip (snapshot, &band);
      gtk_snapshot_append_color (snapshot, &lane_bg, &band.bounds);
      gtk_snapshot_pop (snapshot);

      if (self->lane_titles[lane] == NULL)
        {
          g_autofree char *title = g_strdup_printf (_("CodePipeline %s"),
                                                    sluice_stages_input_get_lane_title (self->input, lane));
          PangoAttrList *attrs = pango_attr_list_new ();

          self->lane_titles[lane] = gtk_widget_create_pango_layout (widget, title);
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
          pango_layout_set_attributes (self->lane_titles[lane], attrs);
          pango_layout_set_ellipsize (self->lane_titles[lane], PANGO_ELLIPSIZE_MIDDLE);
          pango_attr_list_unref (attrs);
        }
      pango_layout_set_width (self->lane_titles[lane], (int) ((rect->width - 2 * pad) / text_scale) * PANGO_SCALE);
      pango_layout_get_pixel_size (self->lane_titles[lane], NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->x + pad, rect->y + pad +
                                                             (scale * SLUICE_STAGES_LINE_HEIGHT - text_height * text_scale) / 2));
      gtk_snapshot_scale (snapshot, text_scale, text_scale);
      gtk_snapshot_append_layout (snapshot, self->lane_titles[lane], &title_color);
      gtk_snapshot_restore (snapshot);
    }

  /* The edges, under the nodes. */
  if (sluice_stages_layout_get_n_edges (layout) > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width,
                                                                              sluice_stages_layout_get_height (layout)));

      gdk_cairo_set_source_rgba (cr, &edge_color);
      cairo_set_line_width (cr, EDGE_WIDTH * scale);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < sluice_stages_layout_get_n_edges (layout); i++)
        append_edge (cr, sluice_stages_layout_get_edge (layout, i), scale);
      cairo_destroy (cr);
    }

  return gtk_snapshot_free_to_node (snapshot);
}

static void
sluice_stages_graph_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);
  const SluiceStagesLayout *layout;
  int width = gtk_widget_get_width (widget);

  if (self->input == NULL || width <= 0)
    return;
  layout = ensure_layout (self, width);
  if (self->background == NULL)
    self->background = make_background (self, layout, width);
  if (self->background != NULL)
    gtk_snapshot_append_node (snapshot, self->background);

  for (guint i = 0; i < self->nodes->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->nodes, i), snapshot);
}

/* The node nearest to @from in @direction (up or down), or -1. */
static int
node_below_or_above (SluiceStagesGraph *self,
                     guint              from,
                     gboolean           below)
{
  const SluiceStagesRect *a = sluice_stages_layout_get_node_rect (self->layout, from);
  double ax = a->x + a->width / 2;
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SluiceStagesRect *b = sluice_stages_layout_get_node_rect (self->layout, i);
      double dy = (b->y + b->height / 2) - (a->y + a->height / 2);
      double score;

      if (!below)
        dy = -dy;
      /* Nodes of a row share their centre line: the next row first, then the nearest column
       * in it. */
      if (i == from || dy < a->height / 2)
        continue;
      score = dy * 1000 + fabs (b->x + b->width / 2 - ax);
      if (score < best)
        {
          best = score;
          found = (int) i;
        }
    }
  return found;
}

static gboolean
sluice_stages_graph_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int n = (int) self->nodes->len;
  int current = -1;
  int next;

  if (n == 0)
    return FALSE;
  if (focus_child != NULL)
    current = (int) sluice_stages_graph_node_get_index (SLUICE_STAGES_GRAPH_NODE (focus_child));

  if (current < 0)
    next = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_LEFT || direction == GTK_DIR_UP ? n - 1 : 0;
  else
    switch (direction)
      {
      case GTK_DIR_TAB_FORWARD:
      case GTK_DIR_RIGHT:
        next = current + 1;
        break;
      case GTK_DIR_TAB_BACKWARD:
      case GTK_DIR_LEFT:
        next = current - 1;
        break;
      case GTK_DIR_DOWN:
      case GTK_DIR_UP:
        next = self->layout != NULL ? node_below_or_above (self, current, direction == GTK_DIR_DOWN) : -1;
        break;
      default:
        next = -1;
        break;
      }

  if (next < 0 || next >= n)
    {
      /* Tab leaves the graph at its ends; an arrow stays on the last node. */
      if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD || current < 0)
        return FALSE;
      gtk_widget_error_bell (widget);
      return TRUE;
    }
  return gtk_widget_grab_focus (g_ptr_array_index (self->nodes, next));
}

static void
sluice_stages_graph_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);

  GTK_WIDGET_CLASS (sluice_stages_graph_parent_class)->css_changed (widget, change);

  /* A new font or size: measure the text again. */
  self->text_scale = 0;
  clear_lane_titles (self);
  g_hash_table_remove_all (self->line_cache);
  invalidate_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
sluice_stages_graph_map (GtkWidget *widget)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);

  GTK_WIDGET_CLASS (sluice_stages_graph_parent_class)->map (widget);

  /* "3 minutes ago" stays true while it is seen. */
  update_times_cb (self);
  self->time_source = g_timeout_add_seconds (30, update_times_cb, self);
}

static void
sluice_stages_graph_unmap (GtkWidget *widget)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (widget);

  g_clear_handle_id (&self->time_source, g_source_remove);

  GTK_WIDGET_CLASS (sluice_stages_graph_parent_class)->unmap (widget);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_stages_graph_dispose (GObject *object)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (object);

  g_clear_handle_id (&self->time_source, g_source_remove);
  remove_nodes (self);

  G_OBJECT_CLASS (sluice_stages_graph_parent_class)->dispose (object);
}

static void
sluice_stages_graph_finalize (GObject *object)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (object);

  clear_lane_titles (self);
  g_clear_pointer (&self->background, gsk_render_node_unref);
  g_clear_pointer (&self->layout, sluice_stages_layout_free);
  g_clear_pointer (&self->input, sluice_stages_input_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->line_cache, g_hash_table_unref);

  G_OBJECT_CLASS (sluice_stages_graph_parent_class)->finalize (object);
}

static void
sluice_stages_graph_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_boxed (value, self->input);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stages_graph_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SluiceStagesGraph *self = SLUICE_STAGES_GRAPH (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      sluice_stages_graph_set_input (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stages_graph_class_init (SluiceStagesGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stages_graph_dispose;
  object_class->finalize = sluice_stages_graph_finalize;
  object_class->get_property = sluice_stages_graph_get_property;
  object_class->set_property = sluice_stages_graph_set_property;

  widget_class->get_request_mode = sluice_stages_graph_get_request_mode;
  widget_class->measure = sluice_stages_graph_measure;
  widget_class->size_allocate = sluice_stages_graph_size_allocate;
  widget_class->snapshot = sluice_stages_graph_snapshot;
  widget_class->focus = sluice_stages_graph_focus;
  widget_class->css_changed = sluice_stages_graph_css_changed;
  widget_class->map = sluice_stages_graph_map;
  widget_class->unmap = sluice_stages_graph_unmap;

  /**
   * SluiceStagesGraph:input:
   *
   * What the graph shows: its lanes and nodes (a #SluiceStagesInput).
   */
  properties[PROP_INPUT] =
    g_param_spec_boxed ("input", NULL, NULL, SLUICE_TYPE_STAGES_INPUT,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceStagesGraph::node-activated:
   * @node_id: the node's id (SluiceStagesNode.id)
   *
   * A node was clicked, or Enter or Space pressed on it: the page opens its details.
   */
  signals[SIGNAL_NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "stagesgraph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sluice_stages_graph_init (SluiceStagesGraph *self)
{
  self->nodes = g_ptr_array_new ();
  self->line_cache = sluice_stages_graph_node_line_cache_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stages"),
                                  -1);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_stages_graph_new (void)
{
  return g_object_new (SLUICE_TYPE_STAGES_GRAPH, NULL);
}

/**
 * sluice_stages_graph_get_input:
 *
 * Returns: (transfer none) (nullable): what the graph shows
 */
SluiceStagesInput *
sluice_stages_graph_get_input (SluiceStagesGraph *self)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_GRAPH (self), NULL);

  return self->input;
}

/**
 * sluice_stages_graph_set_input:
 * @input: (nullable): the lanes and nodes to show, from
 *   sluice_stages_input_new_from_pipeline() or a deployment model
 *
 * Shows @input's nodes, every one without a status yet.
 */
void
sluice_stages_graph_set_input (SluiceStagesGraph *self,
                               SluiceStagesInput *input)
{
  g_return_if_fail (SLUICE_IS_STAGES_GRAPH (self));

  if (self->input == input)
    return;

  remove_nodes (self);
  clear_lane_titles (self);
  g_clear_pointer (&self->input, sluice_stages_input_unref);
  self->input = input != NULL ? sluice_stages_input_ref (input) : NULL;

  /* Children in flow order: it is the accessible tree's order too. */
  for (guint i = 0; input != NULL && i < sluice_stages_input_get_n_nodes (input); i++)
    {
      GtkWidget *node = sluice_stages_graph_node_new (input, i);

      sluice_stages_graph_node_set_text_scale (SLUICE_STAGES_GRAPH_NODE (node), get_text_scale (self));
      sluice_stages_graph_node_set_line_cache (SLUICE_STAGES_GRAPH_NODE (node), self->line_cache);
      g_signal_connect_object (node, "activate", G_CALLBACK (node_activate_cb), self, 0);
      gtk_widget_set_parent (node, GTK_WIDGET (self));
      g_ptr_array_add (self->nodes, node);
    }

  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INPUT]);
}

/**
 * sluice_stages_graph_set_node_status:
 * @node_id: the node's id (SluiceStagesNode.id)
 * @status: its status
 * @revision_id: (nullable): the commit it is at
 * @revision_summary: (nullable): that commit's message
 * @since_time: (nullable): when the status began
 * @error_message: (nullable): why it failed (or, for a missing branch, why its pipeline does)
 *
 * Shows a node's live state: its status in colour, icon and words, the revision and how long
 * ago. Only that node is drawn again.
 *
 * Returns: whether the graph has a node @node_id
 */
gboolean
sluice_stages_graph_set_node_status (SluiceStagesGraph  *self,
                                     const char         *node_id,
                                     SluiceStagesStatus  status,
                                     const char         *revision_id,
                                     const char         *revision_summary,
                                     GDateTime          *since_time,
                                     const char         *error_message)
{
  SluiceStagesGraphNode *node;

  g_return_val_if_fail (SLUICE_IS_STAGES_GRAPH (self), FALSE);

  node = find_node (self, node_id);
  if (node == NULL)
    return FALSE;
  sluice_stages_graph_node_set_state (node, status, revision_id, revision_summary, since_time, error_message);
  return TRUE;
}

SluiceStagesStatus
sluice_stages_graph_get_node_status (SluiceStagesGraph *self,
                                     const char        *node_id)
{
  SluiceStagesGraphNode *node;

  g_return_val_if_fail (SLUICE_IS_STAGES_GRAPH (self), SLUICE_STAGES_STATUS_NONE);

  node = find_node (self, node_id);
  return node != NULL ? sluice_stages_graph_node_get_status (node) : SLUICE_STAGES_STATUS_NONE;
}

/**
 * sluice_stages_graph_get_node_widget:
 *
 * Returns: (transfer none) (nullable): the widget that shows the node @node_id, to focus it
 */
GtkWidget *
sluice_stages_graph_get_node_widget (SluiceStagesGraph *self,
                                     const char        *node_id)
{
  g_return_val_if_fail (SLUICE_IS_STAGES_GRAPH (self), NULL);

  return (GtkWidget *) find_node (self, node_id);
}
