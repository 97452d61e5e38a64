/* sluice-toast.c: the one way Sluice says something briefly
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-toast"

#include "config.h"

#include <adwaita.h>

#include "sluice-toast.h"

/**
 * sluice_toast_show:
 * @from: a widget inside an #AdwToastOverlay (or the overlay itself)
 * @title: what the toast says
 *
 * Shows @title in the nearest toast overlay around @from, for %SLUICE_TOAST_TIMEOUT seconds.
 * A widget outside any overlay (not shown yet, or being torn down) shows nothing.
 */
void
sluice_toast_show (GtkWidget  *from,
                   const char *title)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (title != NULL);

  overlay = ADW_IS_TOAST_OVERLAY (from) ? from : gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay around a %s for “%s”", G_OBJECT_TYPE_NAME (from), title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, SLUICE_TOAST_TIMEOUT);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
