/* sluice-create-wizard.h: the New Pipeline wizard
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CREATE_WIZARD (sluice_create_wizard_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCreateWizard, sluice_create_wizard, SLUICE, CREATE_WIZARD, AdwWindow)

SluiceCreateWizard *sluice_create_wizard_new      (GtkWindow          *parent,
                                                   SluiceAccount      *account);
SluiceAccount      *sluice_create_wizard_get_account (SluiceCreateWizard *self);
const char         *sluice_create_wizard_get_page (SluiceCreateWizard *self);

G_END_DECLS
