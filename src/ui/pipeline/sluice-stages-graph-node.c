/* sluice-stages-graph-node.c: one node of the stages graph, drawn and focusable
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stages-graph-node"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-stages-graph-node-private.h"

/**
 * SluiceStagesGraphNode:
 *
 * A box of the stages graph: a branch, a CodePipeline stage or an approval, with its state.
 *
 * It is a widget of its own, rather than a rectangle the graph paints, for the sake of
 * accessibility: GTK 4.8 has no way for one widget to expose accessible children of its own
 * (GtkAccessible cannot be implemented outside GTK before 4.10), so only a widget per node
 * gives each node a real accessible object with a role, name, description and focus, that a
 * screen reader announces and an AT-SPI test finds. The node still draws itself with
 * GtkSnapshot (a card, its status icon, its text lines): there are no label children, so the
 * accessible tree is one button per node, named after what it shows. The graph positions the
 * nodes and draws the edges between them. What it says (its lines' words, its accessible name
 * and description, its tooltip) is in sluice-stages-graph-node-a11y.c.
 */

G_DEFINE_FINAL_TYPE (SluiceStagesGraphNode, sluice_stages_graph_node, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define CORNER_RADIUS 12.0
#define ICON_SIZE     16.0
#define ICON_GAP      6.0
#define STRIPE_WIDTH  4.0

/* Which line is which: the header lines, then the status lines. */
typedef enum
{
  LINE_TITLE,
  LINE_SUBTITLE,
  LINE_PLAIN,
  LINE_STATUS,
  LINE_REVISION,
  LINE_DETAIL,
  LINE_REASON,   /* a missing branch's reason: two lines, wrapped */
} LineRole;

/* One text line as drawn. */
typedef struct
{
  PangoLayout *layout;
  LineRole     role;
} NodeLine;

static void
node_line_clear (NodeLine *line)
{
  g_clear_object (&line->layout);
}

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                      */
/* ------------------------------------------------------------------------------------------ */


static const char *
status_icon_name (SluiceStagesStatus status)
{
  switch (status)
    {
    case SLUICE_STAGES_STATUS_SUCCEEDED:
    case SLUICE_STAGES_STATUS_BRANCH_FOUND:
      return "emblem-ok-symbolic";
    case SLUICE_STAGES_STATUS_IN_PROGRESS:
      return "emblem-synchronizing-symbolic";
    case SLUICE_STAGES_STATUS_FAILED:
      return "dialog-error-symbolic";
    case SLUICE_STAGES_STATUS_STOPPING:
    case SLUICE_STAGES_STATUS_STOPPED:
      return "media-playback-stop-symbolic";
    case SLUICE_STAGES_STATUS_CANCELLED:
      return "action-unavailable-symbolic";
    case SLUICE_STAGES_STATUS_SKIPPED:
      return "media-skip-forward-symbolic";
    case SLUICE_STAGES_STATUS_WAITING:
      return "avatar-default-symbolic";
    case SLUICE_STAGES_STATUS_BRANCH_MISSING:
      return "dialog-warning-symbolic";
    case SLUICE_STAGES_STATUS_NONE:
    default:
      return "content-loading-symbolic";
    }
}

/* The named colour of the style sheet a status is drawn in; NULL: the text's own, dimmed. */
static const char *
status_color_name (SluiceStagesStatus status)
{
  switch (status)
    {
    case SLUICE_STAGES_STATUS_SUCCEEDED:
    case SLUICE_STAGES_STATUS_BRANCH_FOUND:
      return "success_color";
    case SLUICE_STAGES_STATUS_IN_PROGRESS:
      return "accent_color";
    case SLUICE_STAGES_STATUS_FAILED:
      return "error_color";
    case SLUICE_STAGES_STATUS_WAITING:
    case SLUICE_STAGES_STATUS_BRANCH_MISSING:
      return "warning_color";
    case SLUICE_STAGES_STATUS_NONE:
    case SLUICE_STAGES_STATUS_STOPPING:
    case SLUICE_STAGES_STATUS_STOPPED:
    case SLUICE_STAGES_STATUS_CANCELLED:
    case SLUICE_STAGES_STATUS_SKIPPED:
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
invalidate_layouts (SluiceStagesGraphNode *self)
{
  g_clear_pointer (&self->layouts, g_array_unref);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_status_layouts (SluiceStagesGraphNode *self)
{
  guint n_header = sluice_stages_node_kind_get_n_header_lines (sluice_stages_graph_node_get_node (self)->kind);

  if (self->layouts != NULL && self->layouts->len > n_header)
    g_array_set_size (self->layouts, n_header);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PangoLayout *
make_line (SluiceStagesGraphNode *self,
           LineRole               role,
           const char            *text,
           int                    width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text != NULL ? text : "");
  PangoAttrList *attrs = pango_attr_list_new ();

  switch (role)
    {
    case LINE_TITLE:
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      break;
    case LINE_STATUS:
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
      break;
    case LINE_SUBTITLE:
    case LINE_PLAIN:
    case LINE_REVISION:
    case LINE_DETAIL:
    case LINE_REASON:
    default:
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
      break;
    }
  /* The commit id in the revision line, monospaced as git shows it. */
  if (role == LINE_REVISION && self->revision_id != NULL)
    {
      PangoAttribute *mono = pango_attr_family_new ("monospace");

      mono->start_index = 0;
      mono->end_index = (guint) strcspn (text, " ");
      pango_attr_list_insert (attrs, mono);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (role == LINE_REASON)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
    }
  return layout;
}

/* Past this many, the shared status lines are dropped and made again as they are drawn. */
#define LINE_CACHE_MAX 512

static void
add_line (SluiceStagesGraphNode *self,
          LineRole               role,
          const char            *text,
          int                    width)
{
  NodeLine line = { NULL, role };
  g_autofree char *key = NULL;

  /* A refresh mostly gives every node the same words (a status, the revision that is going
   * through, how long ago): a status line is shaped once per graph, not once per node. */
  if (self->line_cache != NULL && role >= LINE_STATUS)
    {
      key = g_strdup_printf ("%d %d %s", (int) role, width, text != NULL ? text : "");
      line.layout = g_hash_table_lookup (self->line_cache, key);
      if (line.layout != NULL)
        g_object_ref (line.layout);
    }
  if (line.layout == NULL)
    {
      line.layout = make_line (self, role, text, width);
      if (key != NULL)
        {
          if (g_hash_table_size (self->line_cache) >= LINE_CACHE_MAX)
            g_hash_table_remove_all (self->line_cache);
          g_hash_table_insert (self->line_cache, g_steal_pointer (&key), g_object_ref (line.layout));
        }
    }
  g_array_append_val (self->layouts, line);
}

/* The lines, top to bottom: the header lines, then the status lines (a missing branch's
 * reason is one layout of two lines). */
static void
ensure_layouts (SluiceStagesGraphNode *self,
                int                    width)
{
  const SluiceStagesNode *node = sluice_stages_graph_node_get_node (self);
  int text_width = width - (int) (2 * SLUICE_STAGES_PADDING * self->text_scale);
  int status_width = text_width - (int) ((ICON_SIZE + ICON_GAP) * self->text_scale);

  /* What the node is never changes with its state: a new status makes the status lines only. */
  if (self->layouts == NULL || self->layouts_width != width)
    {
      g_autofree char *title = _sluice_stages_graph_node_title (node);
      g_autofree char *subtitle = _sluice_stages_graph_node_subtitle (node);

      g_clear_pointer (&self->layouts, g_array_unref);
      self->layouts = g_array_new (FALSE, TRUE, sizeof (NodeLine));
      g_array_set_clear_func (self->layouts, (GDestroyNotify) node_line_clear);
      self->layouts_width = width;

      add_line (self, LINE_TITLE, title, text_width);
      add_line (self, LINE_SUBTITLE, subtitle, text_width);
      if (node->kind == SLUICE_STAGES_NODE_DEPLOY)
        {
          g_autofree char *where = _sluice_stages_graph_node_account_region (node);
          g_autofree char *team = _sluice_stages_graph_node_team_line (node);

          add_line (self, LINE_PLAIN, _sluice_stages_graph_node_or_dash (node->environment), text_width);
          add_line (self, LINE_PLAIN, where, text_width);
          add_line (self, LINE_PLAIN, team, text_width);
        }
    }
  if (self->layouts->len > sluice_stages_node_kind_get_n_header_lines (node->kind))
    return;

  add_line (self, LINE_STATUS, _sluice_stages_graph_node_status_title (self), status_width);

  if (self->status == SLUICE_STAGES_STATUS_BRANCH_MISSING)
    {
      g_autofree char *reason = _sluice_stages_graph_node_missing_reason (self, TRUE);

      add_line (self, LINE_REASON, reason, text_width);
      return;
    }
  if (self->revision_id != NULL)
    {
      g_autofree char *id = _sluice_stages_graph_node_short_commit (self->revision_id);
      g_autofree char *summary = _sluice_stages_graph_node_first_line (self->revision_summary);
      g_autofree char *line = g_strdup_printf ("%s  %s", id, summary != NULL ? summary : "");

      add_line (self, LINE_REVISION, line, text_width);
    }
  else
    add_line (self, LINE_DETAIL, node->kind == SLUICE_STAGES_NODE_BRANCH ? "" : _("No revision yet"), text_width);

  if (self->error_message != NULL && *self->error_message != '\0')
    add_line (self, LINE_DETAIL, self->error_message, text_width);
  else
    add_line (self, LINE_DETAIL, self->ago, text_width);
}

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  return name != NULL && gtk_style_context_lookup_color (context, name, color);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static void
append_rounded_outline (GtkSnapshot          *snapshot,
                        const GskRoundedRect *outline,
                        float                 width,
                        const GdkRGBA        *color)
{
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gtk_snapshot_append_border (snapshot, outline, widths, colors);
}

/* A missing branch has a dashed frame and no card: there is nothing there yet. */
static void
append_dashed_outline (GtkSnapshot   *snapshot,
                       double         width,
                       double         height,
                       double         radius,
                       const GdkRGBA *color)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  const double dash[] = { 6, 4 };
  double x = 1, y = 1, w = width - 2, h = height - 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 2);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
append_icon (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *icon_name,
             double         x,
             double         y,
             double         size,
             const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  /* foreground, error, warning, success: a symbolic icon's recolouring palette */
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, (int) size, gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, size, size,
                                            colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  dim;
  GdkRGBA  status;
  gboolean tinted;
} Colors;

static void
get_colors (SluiceStagesGraphNode *self,
            Colors                *colors)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (!lookup_color (widget, "card_fg_color", &colors->fg))
    gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colors->fg);
  colors->dim = with_alpha (&colors->fg, 0.62f);
  colors->tinted = lookup_color (widget, status_color_name (self->status), &colors->status);
  if (!colors->tinted)
    colors->status = colors->dim;
}

/* Draws lines [first, last) of the text from the top of line @first_y. */
static void
append_lines (SluiceStagesGraphNode *self,
              GtkSnapshot           *snapshot,
              const Colors          *colors,
              guint                  first,
              guint                  last,
              double                 y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double s = self->text_scale;
  double pad = SLUICE_STAGES_PADDING * s;
  double line = SLUICE_STAGES_LINE_HEIGHT * s;
  gboolean missing = self->status == SLUICE_STAGES_STATUS_BRANCH_MISSING;

  for (guint i = first; i < last; i++)
    {
      PangoLayout *layout = g_array_index (self->layouts, NodeLine, i).layout;
      LineRole role = g_array_index (self->layouts, NodeLine, i).role;
      double x = pad;
      int text_height;
      const GdkRGBA *color = &colors->dim;

      pango_layout_get_pixel_size (layout, NULL, &text_height);
      switch (role)
        {
        case LINE_TITLE:
        case LINE_REASON:
          color = &colors->fg;
          break;
        case LINE_STATUS:
          append_icon (snapshot, widget, status_icon_name (self->status), pad,
                       y + (line - ICON_SIZE * s) / 2, ICON_SIZE * s, &colors->status);
          x += (ICON_SIZE + ICON_GAP) * s;
          color = colors->tinted ? &colors->status : &colors->fg;
          break;
        case LINE_DETAIL:
          if (self->error_message != NULL && i + 1 == self->layouts->len && !missing)
            color = colors->tinted ? &colors->status : &colors->fg;
          break;
        case LINE_SUBTITLE:
        case LINE_PLAIN:
        case LINE_REVISION:
        default:
          break;
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, role == LINE_REASON ? y + (line - text_height / 2.0) / 2
                                                                                    : y + (line - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, color);
      gtk_snapshot_restore (snapshot);
      y += role == LINE_REASON ? 2 * line : line;
    }
}

/* The card and what the node is: the same render node from one status to the next, so that a
 * status refresh damages, and the renderer redraws, the status lines alone. */
static GskRenderNode *
make_static_node (SluiceStagesGraphNode *self,
                  const Colors          *colors,
                  int                    width,
                  int                    height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double s = self->text_scale;
  guint n_header = sluice_stages_node_kind_get_n_header_lines (sluice_stages_graph_node_get_node (self)->kind);
  GskRoundedRect card;

  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT (0, 0, width, height), CORNER_RADIUS * s);
  if (self->status == SLUICE_STAGES_STATUS_BRANCH_MISSING)
    {
      /* A missing branch has a dashed frame and no card: there is nothing there yet. */
      GdkRGBA wash = with_alpha (&colors->status, 0.06f);

      gtk_snapshot_push_rounded_clip (snapshot, &card);
      gtk_snapshot_append_color (snapshot, &wash, &card.bounds);
      gtk_snapshot_pop (snapshot);
      append_dashed_outline (snapshot, width, height, CORNER_RADIUS * s, &colors->status);
    }
  else
    {
      GdkRGBA card_bg;
      GdkRGBA shadow = { 0, 0, 0, 0.10f };
      GdkRGBA border = with_alpha (&colors->fg, 0.10f);
      GtkStateFlags state = gtk_widget_get_state_flags (widget);

      if (!lookup_color (widget, "card_bg_color", &card_bg))
        card_bg = (GdkRGBA) { 1, 1, 1, 1 };
      /* A crisp shadow: a blurred one costs a software blur per card and frame with the
       * cairo renderer. */
      gtk_snapshot_append_outset_shadow (snapshot, &card, &shadow, 0, 1, 0, 0);
      gtk_snapshot_push_rounded_clip (snapshot, &card);
      gtk_snapshot_append_color (snapshot, &card_bg, &card.bounds);
      if (state & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE))
        {
          GdkRGBA hover = with_alpha (&colors->fg, (state & GTK_STATE_FLAG_ACTIVE) ? 0.08f : 0.04f);

          gtk_snapshot_append_color (snapshot, &hover, &card.bounds);
        }
      gtk_snapshot_pop (snapshot);
      append_rounded_outline (snapshot, &card, 1, &border);
    }
  append_lines (self, snapshot, colors, 0, MIN (n_header, self->layouts->len), SLUICE_STAGES_PADDING * s);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
sluice_stages_graph_node_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  SluiceStagesGraphNode *self = SLUICE_STAGES_GRAPH_NODE (widget);
  const SluiceStagesNode *node = sluice_stages_graph_node_get_node (self);
  double s = self->text_scale;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n_header = sluice_stages_node_kind_get_n_header_lines (node->kind);
  gboolean missing = self->status == SLUICE_STAGES_STATUS_BRANCH_MISSING;
  GskRoundedRect card;
  Colors colors;

  if (width <= 0 || height <= 0)
    return;
  ensure_layouts (self, width);
  get_colors (self, &colors);
  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT (0, 0, width, height), CORNER_RADIUS * s);

  if (self->static_node != NULL &&
      (self->static_width != width || self->static_height != height || self->static_missing != missing))
    g_clear_pointer (&self->static_node, gsk_render_node_unref);
  if (self->static_node == NULL)
    {
      self->static_node = make_static_node (self, &colors, width, height);
      self->static_width = width;
      self->static_height = height;
      self->static_missing = missing;
    }
  if (self->static_node != NULL)
    gtk_snapshot_append_node (snapshot, self->static_node);

  /* The status: a stripe in its colour, then its lines after a gap. */
  if (colors.tinted && !missing)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &card);
      gtk_snapshot_append_color (snapshot, &colors.status, &GRAPHENE_RECT_INIT (0, 0, STRIPE_WIDTH * s, height));
      gtk_snapshot_pop (snapshot);
    }
  append_lines (self, snapshot, &colors, n_header, self->layouts->len,
                s * (SLUICE_STAGES_PADDING + n_header * SLUICE_STAGES_LINE_HEIGHT + SLUICE_STAGES_SECTION_GAP));

  /* The focus ring, outside the card, in Adwaita's colour for it. */
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;
      GskRoundedRect ring;

      if (!lookup_color (widget, "accent_color", &accent))
        accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1 };
      accent = with_alpha (&accent, 0.5f);
      gsk_rounded_rect_init_copy (&ring, &card);
      gsk_rounded_rect_shrink (&ring, -3, -3, -3, -3);
      append_rounded_outline (snapshot, &ring, 2, &accent);
    }
}

static void
sluice_stages_graph_node_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  SluiceStagesGraphNode *self = SLUICE_STAGES_GRAPH_NODE (widget);
  const SluiceStagesNode *node = sluice_stages_graph_node_get_node (self);
  guint lines = sluice_stages_node_kind_get_n_header_lines (node->kind) +
                sluice_stages_node_kind_get_n_status_lines (node->kind);

  /* The graph gives each node the size its layout computed; these are what it starts from. */
  *minimum = 1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = (int) (SLUICE_STAGES_NODE_MIN_WIDTH * self->text_scale);
  else
    *natural = (int) (self->text_scale * (2 * SLUICE_STAGES_PADDING + lines * SLUICE_STAGES_LINE_HEIGHT +
                                          SLUICE_STAGES_SECTION_GAP));
}

static void
sluice_stages_graph_node_css_changed (GtkWidget         *widget,
                                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sluice_stages_graph_node_parent_class)->css_changed (widget, change);

  /* The font may have changed with the style: the shared lines were made with the old one. */
  if (SLUICE_STAGES_GRAPH_NODE (widget)->line_cache != NULL)
    g_hash_table_remove_all (SLUICE_STAGES_GRAPH_NODE (widget)->line_cache);
  invalidate_layouts (SLUICE_STAGES_GRAPH_NODE (widget));
}

static void
sluice_stages_graph_node_state_flags_changed (GtkWidget     *widget,
                                              GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (sluice_stages_graph_node_parent_class)->state_flags_changed (widget, previous);

  /* Hovered or pressed, the card shades. */
  g_clear_pointer (&SLUICE_STAGES_GRAPH_NODE (widget)->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
flush_accessible (SluiceStagesGraphNode *self)
{
  if (self->a11y_handler == 0)
    return;
  g_clear_signal_handler (&self->a11y_handler, self->a11y_clock);
  g_clear_weak_pointer (&self->a11y_clock);
  _sluice_stages_graph_node_update_accessible (self);
}

static void
after_paint_cb (GdkFrameClock         *clock,
                SluiceStagesGraphNode *self)
{
  flush_accessible (self);
}

/* A new state reaches the accessible name and description, and the tooltip, right after the
 * frame that shows it: their AT-SPI signals (two D-Bus messages a node) would otherwise hold
 * up that frame when a refresh changes every node. A node that is not on screen is updated at
 * once. */
static void
queue_accessible_update (SluiceStagesGraphNode *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_signal_handler (&self->a11y_handler, self->a11y_clock);
      g_clear_weak_pointer (&self->a11y_clock);
      _sluice_stages_graph_node_update_accessible (self);
      return;
    }
  if (self->a11y_handler != 0)
    return;
  g_set_weak_pointer (&self->a11y_clock, clock);
  self->a11y_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
pressed_cb (GtkGestureClick       *gesture,
            int                    n_press,
            double                 x,
            double                 y,
            SluiceStagesGraphNode *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick       *gesture,
             int                    n_press,
             double                 x,
             double                 y,
             SluiceStagesGraphNode *self)
{
  if (n_press == 1 && gtk_widget_contains (GTK_WIDGET (self), x, y))
    g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_stages_graph_node_unmap (GtkWidget *widget)
{
  flush_accessible (SLUICE_STAGES_GRAPH_NODE (widget));
  GTK_WIDGET_CLASS (sluice_stages_graph_node_parent_class)->unmap (widget);
}

static void
sluice_stages_graph_node_dispose (GObject *object)
{
  SluiceStagesGraphNode *self = SLUICE_STAGES_GRAPH_NODE (object);

  g_clear_signal_handler (&self->a11y_handler, self->a11y_clock);
  g_clear_weak_pointer (&self->a11y_clock);
  G_OBJECT_CLASS (sluice_stages_graph_node_parent_class)->dispose (object);
}

static void
sluice_stages_graph_node_finalize (GObject *object)
{
  SluiceStagesGraphNode *self = SLUICE_STAGES_GRAPH_NODE (object);

  g_clear_pointer (&self->layouts, g_array_unref);
  g_clear_pointer (&self->line_cache, g_hash_table_unref);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->input, sluice_stages_input_unref);
  g_clear_pointer (&self->revision_id, g_free);
  g_clear_pointer (&self->revision_summary, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->ago, g_free);
  g_clear_pointer (&self->accessible_name, g_free);
  g_clear_pointer (&self->accessible_description, g_free);

  G_OBJECT_CLASS (sluice_stages_graph_node_parent_class)->finalize (object);
}

static void
sluice_stages_graph_node_class_init (SluiceStagesGraphNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stages_graph_node_dispose;
  object_class->finalize = sluice_stages_graph_node_finalize;

  widget_class->snapshot = sluice_stages_graph_node_snapshot;
  widget_class->measure = sluice_stages_graph_node_measure;
  widget_class->css_changed = sluice_stages_graph_node_css_changed;
  widget_class->state_flags_changed = sluice_stages_graph_node_state_flags_changed;
  widget_class->unmap = sluice_stages_graph_node_unmap;

  /**
   * SluiceStagesGraphNode::activate:
   *
   * Emitted on a click, Enter or Space: the graph turns it into SluiceStagesGraph::node-activated.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "stagesnode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sluice_stages_graph_node_init (SluiceStagesGraphNode *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->text_scale = 1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_stages_graph_node_new:
 * @input: the graph's input
 * @index: which of its nodes this is
 *
 * Returns: (transfer floating): a node with no status yet
 */
GtkWidget *
sluice_stages_graph_node_new (SluiceStagesInput *input,
                              guint              index)
{
  SluiceStagesGraphNode *self = g_object_new (SLUICE_TYPE_STAGES_GRAPH_NODE, NULL);

  g_return_val_if_fail (index < sluice_stages_input_get_n_nodes (input), NULL);

  self->input = sluice_stages_input_ref (input);
  self->index = index;
  _sluice_stages_graph_node_update_accessible (self);
  return GTK_WIDGET (self);
}

const SluiceStagesNode *
sluice_stages_graph_node_get_node (SluiceStagesGraphNode *self)
{
  return sluice_stages_input_get_node (self->input, self->index);
}

guint
sluice_stages_graph_node_get_index (SluiceStagesGraphNode *self)
{
  return self->index;
}

SluiceStagesStatus
sluice_stages_graph_node_get_status (SluiceStagesGraphNode *self)
{
  return self->status;
}

/**
 * sluice_stages_graph_node_set_state:
 *
 * Shows a new state; the node redraws, its size stays.
 */
void
sluice_stages_graph_node_set_state (SluiceStagesGraphNode *self,
                                    SluiceStagesStatus     status,
                                    const char            *revision_id,
                                    const char            *revision_summary,
                                    GDateTime             *since,
                                    const char            *error_message)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (SLUICE_IS_STAGES_GRAPH_NODE (self));

  self->status = status;
  g_free (self->revision_id);
  self->revision_id = g_strdup (revision_id != NULL && *revision_id != '\0' ? revision_id : NULL);
  g_free (self->revision_summary);
  self->revision_summary = g_strdup (revision_summary);
  g_clear_pointer (&self->since, g_date_time_unref);
  self->since = since != NULL ? g_date_time_ref (since) : NULL;
  g_free (self->error_message);
  self->error_message = g_strdup (error_message != NULL && *error_message != '\0' ? error_message : NULL);
  g_free (self->ago);
  self->ago = sluice_stages_format_ago (self->since, now);

  invalidate_status_layouts (self);
  queue_accessible_update (self);
}

/**
 * sluice_stages_graph_node_update_time:
 * @now: the present
 *
 * Says again how long ago the state changed, when the words differ.
 */
void
sluice_stages_graph_node_update_time (SluiceStagesGraphNode *self,
                                      GDateTime             *now)
{
  g_autofree char *ago = sluice_stages_format_ago (self->since, now);

  if (g_strcmp0 (ago, self->ago) == 0)
    return;
  g_free (self->ago);
  self->ago = g_steal_pointer (&ago);
  invalidate_status_layouts (self);
  queue_accessible_update (self);
}

/**
 * sluice_stages_graph_node_set_text_scale:
 * @scale: the font's size relative to the layout's metrics at scale 1
 */
void
sluice_stages_graph_node_set_text_scale (SluiceStagesGraphNode *self,
                                         double                 scale)
{
  if (self->text_scale == scale)
    return;
  self->text_scale = scale;
  invalidate_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * sluice_stages_graph_node_line_cache_new:
 *
 * Returns: (transfer full): an empty cache of status lines for
 *   sluice_stages_graph_node_set_line_cache()
 */
GHashTable *
sluice_stages_graph_node_line_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * sluice_stages_graph_node_set_line_cache:
 * @cache: (nullable): from sluice_stages_graph_node_line_cache_new(), shared by nodes drawn
 *   in the same font (one graph's)
 *
 * Lets the node share its status lines' layouts with the other nodes of @cache: those with the
 * same words and width are shaped once.
 */
void
sluice_stages_graph_node_set_line_cache (SluiceStagesGraphNode *self,
                                         GHashTable            *cache)
{
  g_return_if_fail (SLUICE_IS_STAGES_GRAPH_NODE (self));

  if (self->line_cache == cache)
    return;
  g_clear_pointer (&self->line_cache, g_hash_table_unref);
  self->line_cache = cache != NULL ? g_hash_table_ref (cache) : NULL;
  invalidate_layouts (self);
}
