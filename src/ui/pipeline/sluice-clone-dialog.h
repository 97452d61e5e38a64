/* sluice-clone-dialog.h
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-pipeline.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_CLONE_DIALOG (sluice_clone_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SluiceCloneDialog, sluice_clone_dialog, SLUICE, CLONE_DIALOG, AdwWindow)

SluiceCloneDialog *sluice_clone_dialog_new             (SluiceAccount     *account,
                                                        SluicePipeline    *pipeline);
const char        *sluice_clone_dialog_get_destination (SluiceCloneDialog *self);
void               sluice_clone_dialog_set_destination (SluiceCloneDialog *self,
                                                        const char        *path);

G_END_DECLS
