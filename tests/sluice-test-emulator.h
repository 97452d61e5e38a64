/* sluice-test-emulator.h: start a local data.all emulator for a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sluice-account.h"

G_BEGIN_DECLS

/**
 * SluiceTestEmulator:
 *
 * One running tests/emulator/dataall-emulator, on a free port of 127.0.0.1. The emulator is
 * `$SLUICE_EMULATOR` if set, else the path compiled in as `SLUICE_EMULATOR_PATH`.
 */
typedef struct _SluiceTestEmulator SluiceTestEmulator;

SluiceTestEmulator *sluice_test_emulator_start (const char * const  *extra_args,
                                                GError             **error);
void                sluice_test_emulator_stop  (SluiceTestEmulator  *self);

const char         *sluice_test_emulator_get_url        (SluiceTestEmulator *self);
const char         *sluice_test_emulator_get_graphql    (SluiceTestEmulator *self);
const char         *sluice_test_emulator_get_oauth      (SluiceTestEmulator *self);
const char         *sluice_test_emulator_get_client_id  (SluiceTestEmulator *self);
const char         *sluice_test_emulator_get_codecommit (SluiceTestEmulator *self);
const char         *sluice_test_emulator_get_codepipeline (SluiceTestEmulator *self);
const char * const *sluice_test_emulator_get_users      (SluiceTestEmulator *self);
const char         *sluice_test_emulator_get_info_json  (SluiceTestEmulator *self);

/* Test-only: the emulator's sign-in (authorization code + PKCE) and its test hooks. */
gboolean            sluice_test_emulator_sign_in        (SluiceTestEmulator  *self,
                                                         const char          *email,
                                                         char               **access_token,
                                                         GError             **error);
char               *sluice_test_emulator_request        (SluiceTestEmulator  *self,
                                                         const char          *method,
                                                         const char          *path,
                                                         const char          *json_body,
                                                         guint               *status,
                                                         GError             **error);
gboolean            sluice_test_emulator_add_fault      (SluiceTestEmulator  *self,
                                                         const char          *fault_json,
                                                         GError             **error);

SluiceAccount      *sluice_test_emulator_new_account    (SluiceTestEmulator  *self,
                                                         const char          *id,
                                                         const char          *email);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluiceTestEmulator, sluice_test_emulator_stop)

G_END_DECLS
