/* sluice-test-git.h: git helpers for the tests and benches of the git layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sluice_test_git_generate_history (const char  *bare_repository,
                                           guint        n_commits,
                                           GError     **error);

G_END_DECLS
