/* sluice-test-git.h: git helpers for the tests and benches of the git layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"
#include "sluice-test-emulator.h"

G_BEGIN_DECLS

gboolean sluice_test_git_generate_history (const char  *bare_repository,
                                           guint        n_commits,
                                           GError     **error);

/* What the tests of cloning share: an emulator (auto-approving the engineer) with its database
 * and repositories in @dir, a signed-in account on it, and one of its pipelines in full. */
typedef struct
{
  SluiceTestEmulator *emulator;
  char               *dir;
  SluiceAccount      *account;
  SluicePipeline     *pipeline;
} SluiceTestGitPipeline;

void            sluice_test_git_pipeline_set_up      (SluiceTestGitPipeline *self,
                                                      const char            *test_name,
                                                      const char            *label);
void            sluice_test_git_pipeline_tear_down   (SluiceTestGitPipeline *self);
char           *sluice_test_git_pipeline_repository  (SluiceTestGitPipeline *self);
SluicePipeline *sluice_test_git_find_pipeline        (SluiceAccount         *account,
                                                      const char            *label);
void            sluice_test_git_forget_keys          (SluiceAccount         *account);

G_END_DECLS
