/* sluice-preferences-window.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_PREFERENCES_WINDOW (sluice_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (SluicePreferencesWindow, sluice_preferences_window, SLUICE, PREFERENCES_WINDOW, AdwPreferencesWindow)

SluicePreferencesWindow *sluice_preferences_window_new (GtkWindow *transient_for);

G_END_DECLS
