/* sluice-heading-box.c: a heading and its badge, side by side while they fit
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-heading-box"

#include "config.h"

#include "sluice-heading-box.h"

/**
 * SluiceHeadingBox:
 *
 * Lays out two children, a heading and what goes with it (a status badge): side by side, at
 * their natural widths, when both fit; otherwise the second goes below the first, which then
 * gets the whole width (an ellipsizing label shortens). So a page header keeps its buttons on
 * one line however narrow the window or long the name. Further children are not shown.
 */
struct _SluiceHeadingBox
{
  GtkWidget  parent_instance;

  int        spacing;
  gboolean   wrapped;
};

G_DEFINE_FINAL_TYPE (SluiceHeadingBox, sluice_heading_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* The first two visible children; @second is NULL when there is only one. */
static gboolean
get_children (SluiceHeadingBox  *self,
              GtkWidget        **first,
              GtkWidget        **second)
{
  *first = *second = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (*first == NULL)
        *first = child;
      else if (*second == NULL)
        *second = child;
    }
  return *first != NULL;
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static gboolean
fits_side_by_side (SluiceHeadingBox *self,
                   GtkWidget        *first,
                   GtkWidget        *second,
                   int               width)
{
  return width < 0 || width >= natural_width (first) + self->spacing + natural_width (second);
}

/* ------------------------------------------------------------------------------------------ */
/* GtkWidget                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static GtkSizeRequestMode
sluice_heading_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sluice_heading_box_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SluiceHeadingBox *self = SLUICE_HEADING_BOX (widget);
  GtkWidget *first, *second;
  int min1 = 0, nat1 = 0, min2 = 0, nat2 = 0;

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (!get_children (self, &first, &second))
    return;
  if (second == NULL)
    {
      gtk_widget_measure (first, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (first, orientation, -1, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (second, orientation, -1, &min2, &nat2, NULL, NULL);
      *minimum = MAX (min1, min2);
      *natural = nat1 + self->spacing + nat2;
      return;
    }

  if (fits_side_by_side (self, first, second, for_size))
    {
      gtk_widget_measure (first, orientation, -1, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (second, orientation, -1, &min2, &nat2, NULL, NULL);
      *minimum = MAX (min1, min2);
      *natural = MAX (nat1, nat2);
    }
  else
    {
      int width2 = MIN (for_size, natural_width (second));

      gtk_widget_measure (first, orientation, for_size, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (second, orientation, width2, &min2, &nat2, NULL, NULL);
      *minimum = min1 + self->spacing + min2;
      *natural = nat1 + self->spacing + nat2;
    }
}

static void
allocate_child (GtkWidget *self,
                GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  int self_width = gtk_widget_get_width (self);

  if (gtk_widget_get_direction (self) == GTK_TEXT_DIR_RTL)
    x = self_width - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
sluice_heading_box_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  SluiceHeadingBox *self = SLUICE_HEADING_BOX (widget);
  GtkWidget *first, *second;
  gboolean wrapped = FALSE;

  if (!get_children (self, &first, &second))
    return;
  if (second == NULL)
    {
      gtk_widget_size_allocate (first, &(GtkAllocation) { 0, 0, width, height }, -1);
    }
  else if (fits_side_by_side (self, first, second, width))
    {
      int width1 = natural_width (first);

      allocate_child (widget, first, 0, 0, width1, height);
      allocate_child (widget, second, width1 + self->spacing, 0, natural_width (second), height);
    }
  else
    {
      int min2 = 0, width2, height1 = 0;

      gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, &min2, NULL, NULL, NULL);
      width2 = CLAMP (natural_width (second), min2, MAX (width, min2));
      gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, width, NULL, &height1, NULL, NULL);
      height1 = MIN (height1, height);
      allocate_child (widget, first, 0, 0, width, height1);
      allocate_child (widget, second, 0, height1 + self->spacing, width2,
                      MAX (0, height - height1 - self->spacing));
      wrapped = TRUE;
    }
  self->wrapped = wrapped;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_heading_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sluice_heading_box_parent_class)->dispose (object);
}

static void
sluice_heading_box_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SluiceHeadingBox *self = SLUICE_HEADING_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_heading_box_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SluiceHeadingBox *self = SLUICE_HEADING_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      sluice_heading_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_heading_box_class_init (SluiceHeadingBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_heading_box_dispose;
  object_class->get_property = sluice_heading_box_get_property;
  object_class->set_property = sluice_heading_box_set_property;

  widget_class->get_request_mode = sluice_heading_box_get_request_mode;
  widget_class->measure = sluice_heading_box_measure;
  widget_class->size_allocate = sluice_heading_box_size_allocate;

  /**
   * SluiceHeadingBox:spacing:
   *
   * The space between the heading and its badge, beside or below it.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "headingbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sluice_heading_box_init (SluiceHeadingBox *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_heading_box_new (void)
{
  return g_object_new (SLUICE_TYPE_HEADING_BOX, NULL);
}

int
sluice_heading_box_get_spacing (SluiceHeadingBox *self)
{
  g_return_val_if_fail (SLUICE_IS_HEADING_BOX (self), 0);

  return self->spacing;
}

void
sluice_heading_box_set_spacing (SluiceHeadingBox *self,
                                int               spacing)
{
  g_return_if_fail (SLUICE_IS_HEADING_BOX (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/**
 * sluice_heading_box_get_wrapped:
 * @self: a #SluiceHeadingBox
 *
 * Returns: whether the last allocation put the badge below the heading
 */
gboolean
sluice_heading_box_get_wrapped (SluiceHeadingBox *self)
{
  g_return_val_if_fail (SLUICE_IS_HEADING_BOX (self), FALSE);

  return self->wrapped;
}
