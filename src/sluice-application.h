/* sluice-application.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account-manager.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_APPLICATION (sluice_application_get_type())

G_DECLARE_FINAL_TYPE (SluiceApplication, sluice_application, SLUICE, APPLICATION, AdwApplication)

SluiceApplication    *sluice_application_new                 (void);
GSettings            *sluice_application_get_settings        (SluiceApplication *self);
SluiceAccountManager *sluice_application_get_account_manager (SluiceApplication *self);

G_END_DECLS
