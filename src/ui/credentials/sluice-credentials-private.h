/* sluice-credentials-private.h: what the Credentials page's classes share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

const char           *_sluice_credentials_name_of (SluiceAwsCredentials *credentials);
SluiceAwsCredentials *_sluice_credentials_find    (GListModel           *list,
                                                   const char           *name);

G_END_DECLS
