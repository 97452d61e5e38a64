/* sluice-settings.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-settings"

#include "config.h"

#include "sluice-settings.h"

static const char * const style_variant_names[] = {
  [SLUICE_STYLE_VARIANT_DEFAULT] = "default",
  [SLUICE_STYLE_VARIANT_LIGHT] = "light",
  [SLUICE_STYLE_VARIANT_DARK] = "dark",
};

/**
 * sluice_settings_new:
 *
 * Creates the application's settings. The schema id is the same for the
 * stable and the development build, so that both share preferences.
 *
 * Returns: (transfer full): a new #GSettings
 */
GSettings *
sluice_settings_new (void)
{
  return g_settings_new (BASE_ID);
}

SluiceStyleVariant
sluice_style_variant_from_string (const char *str)
{
  if (str != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (style_variant_names); i++)
        {
          if (g_str_equal (str, style_variant_names[i]))
            return (SluiceStyleVariant) i;
        }
    }

  return SLUICE_STYLE_VARIANT_DEFAULT;
}

const char *
sluice_style_variant_to_string (SluiceStyleVariant variant)
{
  g_return_val_if_fail (variant <= SLUICE_STYLE_VARIANT_DARK, style_variant_names[0]);

  return style_variant_names[variant];
}

SluiceStyleVariant
sluice_settings_get_style_variant (GSettings *settings)
{
  g_autofree char *str = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), SLUICE_STYLE_VARIANT_DEFAULT);

  str = g_settings_get_string (settings, "style-variant");

  return sluice_style_variant_from_string (str);
}

void
sluice_settings_get_window_state (GSettings         *settings,
                                  SluiceWindowState *state)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (state != NULL);

  g_settings_get (settings, "window-size", "(ii)", &state->width, &state->height);
  state->maximized = g_settings_get_boolean (settings, "window-maximized");

  /* A size saved by a broken session or edited by hand must not give an unusable window. */
  state->width = MAX (state->width, SLUICE_WINDOW_MIN_WIDTH);
  state->height = MAX (state->height, SLUICE_WINDOW_MIN_HEIGHT);
}

void
sluice_settings_set_window_state (GSettings               *settings,
                                  const SluiceWindowState *state)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (state != NULL);

  g_settings_set_boolean (settings, "window-maximized", state->maximized);
  if (!state->maximized && state->width > 0 && state->height > 0)
    g_settings_set (settings, "window-size", "(ii)",
                    MAX (state->width, SLUICE_WINDOW_MIN_WIDTH),
                    MAX (state->height, SLUICE_WINDOW_MIN_HEIGHT));
}
