/* sluice-dataall-client-private.h: test-only knobs of the data.all client
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-dataall-client.h"

G_BEGIN_DECLS

/* A per-attempt timeout in milliseconds (overriding #SluiceDataallClient:timeout; 0: use it)
 * and the first wait between retries (0: the default 250 ms), for fault tests that must stay
 * fast. Not for the app. */
void sluice_dataall_client_set_test_timing (SluiceDataallClient *self,
                                            guint                timeout_ms,
                                            guint                retry_base_delay_ms);

G_END_DECLS
