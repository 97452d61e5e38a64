/* sluice-test-core-utils.h: helpers for tests that need no display
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      sluice_test_init_core (int          *argc,
                                 char       ***argv);
void      sluice_test_iterate   (guint         msec);
gboolean  sluice_test_wait_for  (gboolean    (*predicate) (gpointer data),
                                 gpointer      data,
                                 guint         timeout_msec);

void          sluice_test_got_result_cb (GObject       *source,
                                         GAsyncResult  *result,
                                         gpointer       user_data);
GAsyncResult *sluice_test_wait_result   (GAsyncResult **slot);
void          sluice_test_remove_tree   (const char    *path);

G_END_DECLS
