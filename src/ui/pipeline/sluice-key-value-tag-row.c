/* sluice-key-value-tag-row.c: one key/value tag of a pipeline, as the user edits it
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-key-value-tag-row"

#include "config.h"

#include <adwaita.h>

#include "sluice-key-value-tag-row.h"

/**
 * SluiceKeyValueTagRow:
 *
 * A tag of the Tags tab: a boxed list with its Key (and a Remove button), its Value and its
 * "Cascade to AWS resources" switch, and below it what is wrong with the key or the value
 * (sluice_key_value_tag_row_set_errors(); the view checks all tags together, since keys must
 * differ). #SluiceKeyValueTagRow::changed is emitted on any edit, #SluiceKeyValueTagRow::remove
 * when the user asks to remove the tag.
 */
struct _SluiceKeyValueTagRow
{
  GtkBox     parent_instance;

  gboolean   key_edited;  /* "a key is required" waits until the user typed in it */
  gboolean   filling;     /* the texts are being set from the tag, not typed */

  GtkWidget *key_row;
  GtkWidget *value_row;
  GtkSwitch *cascade_switch;
  GtkLabel  *message_label;
};

G_DEFINE_FINAL_TYPE (SluiceKeyValueTagRow, sluice_key_value_tag_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_KEY,
  PROP_VALUE,
  PROP_CASCADE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_field_error (GtkWidget  *row,
                 const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* What is sent: surrounding spaces are never meant. */
static char *
clean_text (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
key_changed_cb (SluiceKeyValueTagRow *self)
{
  if (!self->filling)
    self->key_edited = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
value_changed_cb (SluiceKeyValueTagRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
cascade_changed_cb (SluiceKeyValueTagRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASCADE]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
remove_clicked_cb (SluiceKeyValueTagRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
sluice_key_value_tag_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_KEY_VALUE_TAG_ROW);

  G_OBJECT_CLASS (sluice_key_value_tag_row_parent_class)->dispose (object);
}

static void
sluice_key_value_tag_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SluiceKeyValueTagRow *self = SLUICE_KEY_VALUE_TAG_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, sluice_key_value_tag_row_get_key (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, sluice_key_value_tag_row_get_value (self));
      break;
    case PROP_CASCADE:
      g_value_set_boolean (value, sluice_key_value_tag_row_get_cascade (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_key_value_tag_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SluiceKeyValueTagRow *self = SLUICE_KEY_VALUE_TAG_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      sluice_key_value_tag_row_set_key (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      sluice_key_value_tag_row_set_value (self, g_value_get_string (value));
      break;
    case PROP_CASCADE:
      sluice_key_value_tag_row_set_cascade (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_key_value_tag_row_class_init (SluiceKeyValueTagRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_key_value_tag_row_dispose;
  object_class->get_property = sluice_key_value_tag_row_get_property;
  object_class->set_property = sluice_key_value_tag_row_set_property;

  /**
   * SluiceKeyValueTagRow:key:
   *
   * The key as typed.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceKeyValueTagRow:value:
   *
   * The value as typed.
   */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceKeyValueTagRow:cascade:
   *
   * Whether CloudFormation puts the tag on the stack's resources too.
   */
  properties[PROP_CASCADE] =
    g_param_spec_boolean ("cascade", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceKeyValueTagRow::changed:
   *
   * The key, the value or the switch changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * SluiceKeyValueTagRow::remove:
   *
   * The user asked to remove the tag; its container removes the row.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/pipeline/sluice-key-value-tag-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagRow, key_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagRow, value_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagRow, cascade_switch);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagRow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cascade_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
sluice_key_value_tag_row_init (SluiceKeyValueTagRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sluice_key_value_tag_row_new:
 * @key: (nullable): the tag's key
 * @value: (nullable): its value
 * @cascade: whether it cascades to the stack's resources
 *
 * Returns: (transfer floating): a new row; a key set here does not count as typed
 */
GtkWidget *
sluice_key_value_tag_row_new (const char *key,
                              const char *value,
                              gboolean    cascade)
{
  SluiceKeyValueTagRow *self = g_object_new (SLUICE_TYPE_KEY_VALUE_TAG_ROW, NULL);

  self->filling = TRUE;
  sluice_key_value_tag_row_set_key (self, key);
  sluice_key_value_tag_row_set_value (self, value);
  sluice_key_value_tag_row_set_cascade (self, cascade);
  self->filling = FALSE;
  return GTK_WIDGET (self);
}

const char *
sluice_key_value_tag_row_get_key (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->key_row));
}

/**
 * sluice_key_value_tag_row_set_key:
 * @self: a #SluiceKeyValueTagRow
 * @key: (nullable): the key
 *
 * Sets the key unless it already reads so (which would move the cursor).
 */
void
sluice_key_value_tag_row_set_key (SluiceKeyValueTagRow *self,
                                  const char           *key)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->key_row)), key != NULL ? key : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->key_row), key != NULL ? key : "");
}

const char *
sluice_key_value_tag_row_get_value (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->value_row));
}

void
sluice_key_value_tag_row_set_value (SluiceKeyValueTagRow *self,
                                    const char           *value)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->value_row)), value != NULL ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->value_row), value != NULL ? value : "");
}

gboolean
sluice_key_value_tag_row_get_cascade (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), FALSE);

  return gtk_switch_get_active (self->cascade_switch);
}

void
sluice_key_value_tag_row_set_cascade (SluiceKeyValueTagRow *self,
                                      gboolean              cascade)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self));

  gtk_switch_set_active (self->cascade_switch, cascade);
}

/**
 * sluice_key_value_tag_row_dup_clean_key:
 * @self: a #SluiceKeyValueTagRow
 *
 * Returns: (transfer full): the key as it is sent, without surrounding spaces
 */
char *
sluice_key_value_tag_row_dup_clean_key (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), NULL);

  return clean_text (self->key_row);
}

/**
 * sluice_key_value_tag_row_dup_clean_value:
 * @self: a #SluiceKeyValueTagRow
 *
 * Returns: (transfer full): the value as it is sent, without surrounding spaces
 */
char *
sluice_key_value_tag_row_dup_clean_value (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), NULL);

  return clean_text (self->value_row);
}

/**
 * sluice_key_value_tag_row_get_key_edited:
 * @self: a #SluiceKeyValueTagRow
 *
 * Returns: whether the key changed since the row was made (by the user, or when the saved
 *   tags were tidied)
 */
gboolean
sluice_key_value_tag_row_get_key_edited (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), FALSE);

  return self->key_edited;
}

/**
 * sluice_key_value_tag_row_set_errors:
 * @self: a #SluiceKeyValueTagRow
 * @key_error: (nullable): what is wrong with the key
 * @value_error: (nullable): what is wrong with the value
 *
 * Marks the fields in error (also for assistive technologies) and says the first problem
 * below the tag.
 */
void
sluice_key_value_tag_row_set_errors (SluiceKeyValueTagRow *self,
                                     const char           *key_error,
                                     const char           *value_error)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self));

  set_field_error (self->key_row, key_error);
  set_field_error (self->value_row, value_error);
  gtk_label_set_text (self->message_label, key_error != NULL ? key_error : value_error);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), key_error != NULL || value_error != NULL);
}

/**
 * sluice_key_value_tag_row_get_key_field:
 *
 * Returns: (transfer none): the Key entry row, to focus
 */
GtkWidget *
sluice_key_value_tag_row_get_key_field (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), NULL);

  return self->key_row;
}

/**
 * sluice_key_value_tag_row_get_value_field:
 *
 * Returns: (transfer none): the Value entry row, to focus
 */
GtkWidget *
sluice_key_value_tag_row_get_value_field (SluiceKeyValueTagRow *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAG_ROW (self), NULL);

  return self->value_row;
}
