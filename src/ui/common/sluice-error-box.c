/* sluice-error-box.c: what went wrong, in a sentence, with the server's own words under Details
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-error-box"

#include "config.h"

#include "sluice-dataall-error.h"
#include "sluice-error-box.h"

/**
 * SluiceErrorBox:
 *
 * The one way Sluice shows a failure: the sentence a user understands and, under a "Details"
 * expander, what data.all itself said (sluice_dataall_error_get_detail()). The expander is
 * hidden when there is no detail. Where a status page already says the sentence,
 * #SluiceErrorBox:show-message is %FALSE and only the Details show.
 *
 * It is a vertical #GtkBox: its container sets the spacing and margins its layout needs. The
 * `error-message` style class draws the sentence in the error colour. With nothing to show, the
 * box hides itself.
 */
struct _SluiceErrorBox
{
  GtkBox       parent_instance;

  char        *message;
  char        *detail;
  gboolean     show_message;

  GtkLabel    *message_label;
  GtkExpander *details_expander;
  GtkLabel    *detail_label;
};

G_DEFINE_FINAL_TYPE (SluiceErrorBox, sluice_error_box, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_DETAIL,
  PROP_SHOW_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* An empty box hides itself too, so that its container's spacing does not count it. */
static void
update (SluiceErrorBox *self)
{
  gboolean message_shown = self->show_message && is_set (self->message);
  gboolean detail_shown = is_set (self->detail);

  gtk_label_set_text (self->message_label, self->message != NULL ? self->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message_shown);
  gtk_label_set_text (self->detail_label, self->detail != NULL ? self->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander), detail_shown);
  gtk_widget_set_visible (GTK_WIDGET (self), message_shown || detail_shown);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_error_box_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_ERROR_BOX);

  G_OBJECT_CLASS (sluice_error_box_parent_class)->dispose (object);
}

static void
sluice_error_box_finalize (GObject *object)
{
  SluiceErrorBox *self = SLUICE_ERROR_BOX (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (sluice_error_box_parent_class)->finalize (object);
}

static void
sluice_error_box_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SluiceErrorBox *self = SLUICE_ERROR_BOX (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_SHOW_MESSAGE:
      g_value_set_boolean (value, self->show_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_error_box_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SluiceErrorBox *self = SLUICE_ERROR_BOX (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      sluice_error_box_set_message (self, g_value_get_string (value));
      break;
    case PROP_DETAIL:
      sluice_error_box_set_detail (self, g_value_get_string (value));
      break;
    case PROP_SHOW_MESSAGE:
      sluice_error_box_set_show_message (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_error_box_class_init (SluiceErrorBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_error_box_dispose;
  object_class->finalize = sluice_error_box_finalize;
  object_class->get_property = sluice_error_box_get_property;
  object_class->set_property = sluice_error_box_set_property;

  /**
   * SluiceErrorBox:message:
   *
   * The sentence for people: what failed and what to do.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluiceErrorBox:detail:
   *
   * The server's own words, under "Details"; the expander hides when there are none.
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluiceErrorBox:show-message:
   *
   * Whether the box shows #SluiceErrorBox:message itself; %FALSE where a status page's
   * description already says it.
   */
  properties[PROP_SHOW_MESSAGE] =
    g_param_spec_boolean ("show-message", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/common/sluice-error-box.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceErrorBox, message_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceErrorBox, details_expander);
  gtk_widget_class_bind_template_child (widget_class, SluiceErrorBox, detail_label);
}

static void
sluice_error_box_init (SluiceErrorBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->show_message = TRUE;
  update (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_error_get_detail:
 * @error: (nullable): a #GError
 *
 * Returns: (nullable): what data.all said about @error, %NULL when it said nothing or @error
 *   is not a #SLUICE_DATAALL_ERROR
 */
const char *
sluice_error_get_detail (const GError *error)
{
  const char *detail = sluice_dataall_error_get_detail (error);

  return is_set (detail) ? detail : NULL;
}

GtkWidget *
sluice_error_box_new (void)
{
  return g_object_new (SLUICE_TYPE_ERROR_BOX, NULL);
}

/**
 * sluice_error_box_set_error:
 * @self: a #SluiceErrorBox
 * @error: (nullable): the failure to show, %NULL to clear
 *
 * Shows @error's message and, for a #SLUICE_DATAALL_ERROR, its detail.
 */
void
sluice_error_box_set_error (SluiceErrorBox *self,
                            const GError   *error)
{
  g_return_if_fail (SLUICE_IS_ERROR_BOX (self));

  g_object_freeze_notify (G_OBJECT (self));
  sluice_error_box_set_message (self, error != NULL ? error->message : NULL);
  sluice_error_box_set_detail (self, sluice_error_get_detail (error));
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
sluice_error_box_get_message (SluiceErrorBox *self)
{
  g_return_val_if_fail (SLUICE_IS_ERROR_BOX (self), NULL);

  return self->message;
}

void
sluice_error_box_set_message (SluiceErrorBox *self,
                              const char     *message)
{
  g_return_if_fail (SLUICE_IS_ERROR_BOX (self));

  if (!set_string (&self->message, message))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
sluice_error_box_get_detail (SluiceErrorBox *self)
{
  g_return_val_if_fail (SLUICE_IS_ERROR_BOX (self), NULL);

  return self->detail;
}

void
sluice_error_box_set_detail (SluiceErrorBox *self,
                             const char     *detail)
{
  g_return_if_fail (SLUICE_IS_ERROR_BOX (self));

  if (!set_string (&self->detail, detail))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

gboolean
sluice_error_box_get_show_message (SluiceErrorBox *self)
{
  g_return_val_if_fail (SLUICE_IS_ERROR_BOX (self), FALSE);

  return self->show_message;
}

void
sluice_error_box_set_show_message (SluiceErrorBox *self,
                                   gboolean        show_message)
{
  g_return_if_fail (SLUICE_IS_ERROR_BOX (self));

  show_message = !!show_message;
  if (self->show_message == show_message)
    return;
  self->show_message = show_message;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MESSAGE]);
}
