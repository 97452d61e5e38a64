/* sluice-tag-chips.c: a pipeline draft's tags as removable chips, and the entry that adds them
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-tag-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-tag-chips.h"

/* ------------------------------------------------------------------------------------------ */
/* SluiceTagChip                                                                              */
/* ------------------------------------------------------------------------------------------ */

/**
 * SluiceTagChip:
 *
 * One tag (GTK 4.8 has no chip widget): its text and a round remove button whose accessible
 * name says which tag it removes. #SluiceTagChip::remove asks its container to remove it.
 */
struct _SluiceTagChip
{
  GtkBox     parent_instance;

  char      *tag;

  GtkLabel  *label;
  GtkWidget *remove_button;
};

G_DEFINE_FINAL_TYPE (SluiceTagChip, sluice_tag_chip, GTK_TYPE_BOX)

enum {
  CHIP_SIGNAL_REMOVE,
  CHIP_N_SIGNALS
};

static guint chip_signals[CHIP_N_SIGNALS];

static void
remove_clicked_cb (SluiceTagChip *self)
{
  g_signal_emit (self, chip_signals[CHIP_SIGNAL_REMOVE], 0);
}

static void
sluice_tag_chip_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_TAG_CHIP);

  G_OBJECT_CLASS (sluice_tag_chip_parent_class)->dispose (object);
}

static void
sluice_tag_chip_finalize (GObject *object)
{
  g_clear_pointer (&SLUICE_TAG_CHIP (object)->tag, g_free);

  G_OBJECT_CLASS (sluice_tag_chip_parent_class)->finalize (object);
}

static void
sluice_tag_chip_class_init (SluiceTagChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_tag_chip_dispose;
  object_class->finalize = sluice_tag_chip_finalize;

  /**
   * SluiceTagChip::remove:
   *
   * The user asked to remove the tag.
   */
  chip_signals[CHIP_SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/common/sluice-tag-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceTagChip, label);
  gtk_widget_class_bind_template_child (widget_class, SluiceTagChip, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
sluice_tag_chip_init (SluiceTagChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sluice_tag_chip_new:
 * @tag: the tag
 *
 * Returns: (transfer floating): a chip for @tag
 */
GtkWidget *
sluice_tag_chip_new (const char *tag)
{
  SluiceTagChip *self = g_object_new (SLUICE_TYPE_TAG_CHIP, NULL);
  g_autofree char *remove_label = g_strdup_printf (_("Remove tag %s"), tag);

  self->tag = g_strdup (tag);
  gtk_label_set_text (self->label, tag);
  gtk_widget_set_tooltip_text (self->remove_button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  return GTK_WIDGET (self);
}

const char *
sluice_tag_chip_get_tag (SluiceTagChip *self)
{
  g_return_val_if_fail (SLUICE_IS_TAG_CHIP (self), NULL);

  return self->tag;
}

/* ------------------------------------------------------------------------------------------ */
/* SluiceTagChips                                                                             */
/* ------------------------------------------------------------------------------------------ */

/**
 * SluiceTagChips:
 *
 * The tags of a #SluicePipelineDraft as #SluiceTagChip in a flow box, and the entry row where
 * tags are typed (several at once, separated by commas); hidden while there are none. The
 * create wizard and the Edit dialog share it.
 */
struct _SluiceTagChips
{
  GtkWidget            parent_instance;

  AdwEntryRow         *entry;   /* weak: the form owns it */
  SluicePipelineDraft *draft;

  GtkFlowBox          *flow_box;
};

G_DEFINE_FINAL_TYPE (SluiceTagChips, sluice_tag_chips, GTK_TYPE_WIDGET)

static void refill (SluiceTagChips *self);

static void
chip_remove_cb (SluiceTagChip  *chip,
                SluiceTagChips *self)
{
  /* Refilling destroys the chip: its tag is copied first. */
  g_autofree char *tag = g_strdup (sluice_tag_chip_get_tag (chip));

  sluice_pipeline_draft_remove_tag (self->draft, tag);
  refill (self);
  if (self->entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
refill (SluiceTagChips *self)
{
  const char * const *tags = self->draft != NULL ? sluice_pipeline_draft_get_tags (self->draft) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *chip = sluice_tag_chip_new (tags[i]);

      g_signal_connect_object (chip, "remove", G_CALLBACK (chip_remove_cb), self, 0);
      gtk_flow_box_append (self->flow_box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), tags != NULL && tags[0] != NULL);
}

static void
apply_cb (AdwEntryRow    *entry,
          SluiceTagChips *self)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ",", -1);

  if (self->draft == NULL)
    return;
  for (guint i = 0; parts[i] != NULL; i++)
    sluice_pipeline_draft_add_tag (self->draft, parts[i]);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  refill (self);
}

static void
sluice_tag_chips_dispose (GObject *object)
{
  SluiceTagChips *self = SLUICE_TAG_CHIPS (object);
  GtkWidget *child;

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
  g_clear_weak_pointer (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_TAG_CHIPS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (sluice_tag_chips_parent_class)->dispose (object);
}

static void
sluice_tag_chips_class_init (SluiceTagChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_tag_chips_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/common/sluice-tag-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceTagChips, flow_box);
}

static void
sluice_tag_chips_init (SluiceTagChips *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sluice_tag_chips_bind:
 * @self: a #SluiceTagChips
 * @entry: where tags are typed
 * @draft: where they are kept
 *
 * Ties the three together; binding again changes only the draft.
 */
void
sluice_tag_chips_bind (SluiceTagChips      *self,
                       AdwEntryRow         *entry,
                       SluicePipelineDraft *draft)
{
  g_return_if_fail (SLUICE_IS_TAG_CHIPS (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (entry));
  g_return_if_fail (SLUICE_IS_PIPELINE_DRAFT (draft));

  if (self->entry != entry)
    {
      if (self->entry != NULL)
        g_signal_handlers_disconnect_by_data (self->entry, self);
      g_set_weak_pointer (&self->entry, entry);
      g_signal_connect (entry, "apply", G_CALLBACK (apply_cb), self);
      g_signal_connect (entry, "entry-activated", G_CALLBACK (apply_cb), self);
    }
  g_set_object (&self->draft, draft);
  refill (self);
}

/**
 * sluice_tag_chips_get_draft:
 *
 * Returns: (transfer none) (nullable): the draft whose tags are shown
 */
SluicePipelineDraft *
sluice_tag_chips_get_draft (SluiceTagChips *self)
{
  g_return_val_if_fail (SLUICE_IS_TAG_CHIPS (self), NULL);

  return self->draft;
}
