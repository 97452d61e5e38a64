/* sluice-copy-button.c: a flat button that copies a text and says so
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-copy-button"

#include "config.h"

#include "sluice-copy-button.h"
#include "sluice-toast.h"

/**
 * SluiceCopyButton:
 *
 * A flat "edit-copy-symbolic" button: a click puts #SluiceCopyButton:text on the clipboard and
 * shows #SluiceCopyButton:toast in the nearest toast overlay. Its tooltip is also its
 * accessible name (sluice_copy_button_new()). With no text it does nothing.
 */
struct _SluiceCopyButton
{
  GtkButton  parent_instance;

  char      *text;
  char      *toast;
};

G_DEFINE_FINAL_TYPE (SluiceCopyButton, sluice_copy_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_TOAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_copy_button_clicked (GtkButton *button)
{
  SluiceCopyButton *self = SLUICE_COPY_BUTTON (button);

  if (self->text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->text);
  if (self->toast != NULL)
    sluice_toast_show (GTK_WIDGET (self), self->toast);
}

static void
sluice_copy_button_finalize (GObject *object)
{
  SluiceCopyButton *self = SLUICE_COPY_BUTTON (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->toast, g_free);

  G_OBJECT_CLASS (sluice_copy_button_parent_class)->finalize (object);
}

static void
sluice_copy_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SluiceCopyButton *self = SLUICE_COPY_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TOAST:
      g_value_set_string (value, self->toast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_copy_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SluiceCopyButton *self = SLUICE_COPY_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      sluice_copy_button_set_text (self, g_value_get_string (value));
      break;
    case PROP_TOAST:
      sluice_copy_button_set_toast (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_copy_button_class_init (SluiceCopyButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->finalize = sluice_copy_button_finalize;
  object_class->get_property = sluice_copy_button_get_property;
  object_class->set_property = sluice_copy_button_set_property;
  button_class->clicked = sluice_copy_button_clicked;

  /**
   * SluiceCopyButton:text:
   *
   * What a click copies.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluiceCopyButton:toast:
   *
   * What the toast says once the text is copied.
   */
  properties[PROP_TOAST] =
    g_param_spec_string ("toast", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_copy_button_init (SluiceCopyButton *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self), "edit-copy-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_copy_button_new:
 * @tooltip: the tooltip, which is also the accessible name ("Copy Name")
 * @text: (nullable): what a click copies
 * @toast: (nullable): what the toast says then
 *
 * Returns: (transfer floating): a new #SluiceCopyButton
 */
GtkWidget *
sluice_copy_button_new (const char *tooltip,
                        const char *text,
                        const char *toast)
{
  GtkWidget *button = g_object_new (SLUICE_TYPE_COPY_BUTTON,
                                    "tooltip-text", tooltip,
                                    "text", text,
                                    "toast", toast,
                                    NULL);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

const char *
sluice_copy_button_get_text (SluiceCopyButton *self)
{
  g_return_val_if_fail (SLUICE_IS_COPY_BUTTON (self), NULL);

  return self->text;
}

void
sluice_copy_button_set_text (SluiceCopyButton *self,
                             const char       *text)
{
  g_return_if_fail (SLUICE_IS_COPY_BUTTON (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
sluice_copy_button_get_toast (SluiceCopyButton *self)
{
  g_return_val_if_fail (SLUICE_IS_COPY_BUTTON (self), NULL);

  return self->toast;
}

void
sluice_copy_button_set_toast (SluiceCopyButton *self,
                              const char       *toast)
{
  g_return_if_fail (SLUICE_IS_COPY_BUTTON (self));

  if (g_strcmp0 (self->toast, toast) == 0)
    return;
  g_free (self->toast);
  self->toast = g_strdup (toast);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOAST]);
}
