/* sluice-settings.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SLUICE_STYLE_VARIANT_DEFAULT,
  SLUICE_STYLE_VARIANT_LIGHT,
  SLUICE_STYLE_VARIANT_DARK,
} SluiceStyleVariant;

typedef struct
{
  int      width;
  int      height;
  gboolean maximized;
} SluiceWindowState;

#define SLUICE_WINDOW_MIN_WIDTH  360
#define SLUICE_WINDOW_MIN_HEIGHT 294

GSettings          *sluice_settings_new                 (void);
SluiceStyleVariant  sluice_style_variant_from_string    (const char              *str);
const char         *sluice_style_variant_to_string      (SluiceStyleVariant       variant);
SluiceStyleVariant  sluice_settings_get_style_variant   (GSettings               *settings);
void                sluice_settings_get_window_state    (GSettings               *settings,
                                                         SluiceWindowState       *state);
void                sluice_settings_set_window_state    (GSettings               *settings,
                                                         const SluiceWindowState *state);

char               *sluice_settings_get_clone_path      (GSettings               *settings,
                                                         const char              *account_id,
                                                         const char              *pipeline_uri);
void                sluice_settings_set_clone_path      (GSettings               *settings,
                                                         const char              *account_id,
                                                         const char              *pipeline_uri,
                                                         const char              *path);
char               *sluice_settings_get_clone_parent    (GSettings               *settings);
void                sluice_settings_set_clone_parent    (GSettings               *settings,
                                                         const char              *path);

G_END_DECLS
