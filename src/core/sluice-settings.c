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

/* ------------------------------------------------------------------------------------------ */
/* Clones                                                                                     */
/* ------------------------------------------------------------------------------------------ */

#define CLONES_KEY "pipeline-clones"
#define CLONE_PARENT_KEY "clone-parent"

static char *
clone_key (const char *account_id,
           const char *pipeline_uri)
{
  return g_strconcat (account_id, "/", pipeline_uri, NULL);
}

/**
 * sluice_settings_get_clone_path:
 *
 * Returns: (transfer full) (nullable): the folder of the clone of the pipeline's repository
 *   made with Sluice, if it is still there (a folder with a `.git` inside)
 */
char *
sluice_settings_get_clone_path (GSettings  *settings,
                                const char *account_id,
                                const char *pipeline_uri)
{
  g_autoptr(GVariant) clones = NULL;
  g_autofree char *key = NULL;
  g_autofree char *git_dir = NULL;
  const char *path = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (account_id != NULL && pipeline_uri != NULL, NULL);

  key = clone_key (account_id, pipeline_uri);
  clones = g_settings_get_value (settings, CLONES_KEY);
  if (!g_variant_lookup (clones, key, "&s", &path))
    return NULL;

  /* A clone the user deleted or moved is forgotten, not offered. */
  git_dir = g_build_filename (path, ".git", NULL);
  if (!g_file_test (git_dir, G_FILE_TEST_IS_DIR))
    return NULL;

  return g_strdup (path);
}

/**
 * sluice_settings_set_clone_path:
 * @path: (nullable): the clone's folder; %NULL to forget it
 */
void
sluice_settings_set_clone_path (GSettings  *settings,
                                const char *account_id,
                                const char *pipeline_uri,
                                const char *path)
{
  g_autoptr(GVariant) clones = NULL;
  g_autofree char *key = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (account_id != NULL && pipeline_uri != NULL);

  key = clone_key (account_id, pipeline_uri);
  clones = g_settings_get_value (settings, CLONES_KEY);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, clones);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (path != NULL)
    g_variant_builder_add (&builder, "{ss}", key, path);

  g_settings_set_value (settings, CLONES_KEY, g_variant_builder_end (&builder));
}

/**
 * sluice_settings_get_clone_parent:
 *
 * Returns: (transfer full): the folder new clones go into: the last one chosen, else
 *   `~/Projects`
 */
char *
sluice_settings_get_clone_parent (GSettings *settings)
{
  g_autofree char *parent = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  parent = g_settings_get_string (settings, CLONE_PARENT_KEY);
  if (parent == NULL || *parent == '\0' || !g_path_is_absolute (parent))
    return g_build_filename (g_get_home_dir (), "Projects", NULL);

  return g_steal_pointer (&parent);
}

void
sluice_settings_set_clone_parent (GSettings  *settings,
                                  const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_set_string (settings, CLONE_PARENT_KEY, path != NULL ? path : "");
}
