/* sluice-test-utils.h: helpers for tests that build widgets (and those for every test)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-test-core-utils.h"

G_BEGIN_DECLS

void       sluice_test_init_ui         (int             *argc,
                                        char          ***argv);
void       sluice_test_flush_widget    (GtkWidget       *widget);
void       sluice_test_save_screenshot (GtkWidget       *window,
                                        const char      *name);
GtkWidget *sluice_test_find_widget     (GtkWidget       *root,
                                        GType            type,
                                        const char      *label);

typedef void (*SluiceTestAppFunc) (GtkApplication *app,
                                   gpointer        user_data);

void       sluice_test_run_app         (GtkApplication  *app,
                                        SluiceTestAppFunc func,
                                        gpointer         user_data);

GtkWindow *sluice_test_find_toplevel   (GType            type);

G_END_DECLS
