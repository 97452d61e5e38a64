/* sluice-status-badge.c: a stack status as a coloured pill
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-status-badge"

#include "config.h"

#include "sluice-pipeline-format.h"
#include "sluice-status-badge.h"

/**
 * SluiceStatusBadge:
 *
 * CloudFormation's status of a stack (or data.all's `pending`) in words, on a pill coloured by
 * what it means (`success`, `warning`, `error`, `accent`), with the raw status as its tooltip.
 * The pill is the label inside, styled by `.status-badge` in style.css.
 */
struct _SluiceStatusBadge
{
  GtkWidget   parent_instance;

  char       *status;
  const char *status_class;
  GtkLabel   *label;
};

G_DEFINE_FINAL_TYPE (SluiceStatusBadge, sluice_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A list shows hundreds of badges: only what changed is touched, since restyling a widget or
 * setting its tooltip costs more than a comparison, and a label lays out again on any text. */
static void
update (SluiceStatusBadge *self)
{
  g_autofree char *text = sluice_pipeline_format_status (self->status);
  const char *status_class = sluice_pipeline_format_status_class (self->status);

  if (g_strcmp0 (gtk_label_get_label (self->label), text) != 0)
    gtk_label_set_text (self->label, text);
  if (status_class != self->status_class)
    {
      if (self->status_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->label), self->status_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), status_class);
      self->status_class = status_class;
    }
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->label)), self->status) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), self->status);
}

static void
sluice_status_badge_dispose (GObject *object)
{
  SluiceStatusBadge *self = SLUICE_STATUS_BADGE (object);

  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (sluice_status_badge_parent_class)->dispose (object);
}

static void
sluice_status_badge_finalize (GObject *object)
{
  SluiceStatusBadge *self = SLUICE_STATUS_BADGE (object);

  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (sluice_status_badge_parent_class)->finalize (object);
}

static void
sluice_status_badge_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SluiceStatusBadge *self = SLUICE_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_status_badge_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SluiceStatusBadge *self = SLUICE_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      sluice_status_badge_set_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_status_badge_class_init (SluiceStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_status_badge_dispose;
  object_class->finalize = sluice_status_badge_finalize;
  object_class->get_property = sluice_status_badge_get_property;
  object_class->set_property = sluice_status_badge_set_property;

  /**
   * SluiceStatusBadge:status:
   *
   * The stack status as data.all gives it (`CREATE_COMPLETE`, `pending`…), %NULL for none.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sluice_status_badge_init (SluiceStatusBadge *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "status-badge");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update (self);
}

/**
 * sluice_status_badge_new:
 * @status: (nullable): a stack status
 *
 * Returns: (transfer floating): a new #SluiceStatusBadge
 */
GtkWidget *
sluice_status_badge_new (const char *status)
{
  return g_object_new (SLUICE_TYPE_STATUS_BADGE, "status", status, NULL);
}

const char *
sluice_status_badge_get_status (SluiceStatusBadge *self)
{
  g_return_val_if_fail (SLUICE_IS_STATUS_BADGE (self), NULL);

  return self->status;
}

void
sluice_status_badge_set_status (SluiceStatusBadge *self,
                                const char        *status)
{
  g_return_if_fail (SLUICE_IS_STATUS_BADGE (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
