/* sluice-step-row.c: one step of a run of data.all mutations, and how it went
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-step-row.h"

/**
 * SluiceStepRow:
 *
 * A row of the create wizard's and the Edit dialog's progress: the step's title, a spinner
 * while it runs or an icon for waiting, done or failed, and a subtitle that says so (why, for a
 * failed step).
 */
struct _SluiceStepRow
{
  AdwActionRow           parent_instance;

  SluiceCreateStepState  state;

  GtkSpinner            *spinner;
  GtkImage              *icon;
};

G_DEFINE_FINAL_TYPE (SluiceStepRow, sluice_step_row, ADW_TYPE_ACTION_ROW)

static void
sluice_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_STEP_ROW);

  G_OBJECT_CLASS (sluice_step_row_parent_class)->dispose (object);
}

static void
sluice_step_row_class_init (SluiceStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_step_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/common/sluice-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStepRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceStepRow, icon);
}

static void
sluice_step_row_init (SluiceStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_step_row_set_state (self, SLUICE_CREATE_STEP_PENDING, NULL);
}

/**
 * sluice_step_row_new:
 * @title: what the step does
 *
 * Returns: (transfer floating): a row for one step, waiting
 */
GtkWidget *
sluice_step_row_new (const char *title)
{
  return g_object_new (SLUICE_TYPE_STEP_ROW, "title", title, NULL);
}

SluiceCreateStepState
sluice_step_row_get_state (SluiceStepRow *self)
{
  g_return_val_if_fail (SLUICE_IS_STEP_ROW (self), SLUICE_CREATE_STEP_PENDING);

  return self->state;
}

/**
 * sluice_step_row_set_state:
 * @self: a #SluiceStepRow
 * @state: how the step stands
 * @message: (nullable): why a failed step failed, or a note on one done
 */
void
sluice_step_row_set_state (SluiceStepRow         *self,
                           SluiceCreateStepState  state,
                           const char            *message)
{
  AdwActionRow *row = ADW_ACTION_ROW (self);

  g_return_if_fail (SLUICE_IS_STEP_ROW (self));

  self->state = state;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == SLUICE_CREATE_STEP_RUNNING);
  gtk_spinner_set_spinning (self->spinner, state == SLUICE_CREATE_STEP_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), state != SLUICE_CREATE_STEP_RUNNING);
  switch (state)
    {
    case SLUICE_CREATE_STEP_DONE:
      gtk_image_set_from_icon_name (self->icon, "object-select-symbolic");
      adw_action_row_set_subtitle (row, message ? message : _("Done"));
      break;
    case SLUICE_CREATE_STEP_FAILED:
      gtk_image_set_from_icon_name (self->icon, "dialog-error-symbolic");
      adw_action_row_set_subtitle (row, message ? message : "");
      break;
    case SLUICE_CREATE_STEP_RUNNING:
      adw_action_row_set_subtitle (row, _("In progress…"));
      break;
    case SLUICE_CREATE_STEP_PENDING:
    default:
      gtk_image_set_from_icon_name (self->icon, "content-loading-symbolic");
      adw_action_row_set_subtitle (row, _("Waiting"));
      break;
    }
}
