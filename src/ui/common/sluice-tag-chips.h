/* sluice-tag-chips.h: a pipeline draft's tags as removable chips, and the entry that adds them
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_TAG_CHIP (sluice_tag_chip_get_type ())

G_DECLARE_FINAL_TYPE (SluiceTagChip, sluice_tag_chip, SLUICE, TAG_CHIP, GtkBox)

GtkWidget  *sluice_tag_chip_new     (const char    *tag);
const char *sluice_tag_chip_get_tag (SluiceTagChip *self);

#define SLUICE_TYPE_TAG_CHIPS (sluice_tag_chips_get_type ())

G_DECLARE_FINAL_TYPE (SluiceTagChips, sluice_tag_chips, SLUICE, TAG_CHIPS, GtkWidget)

void                 sluice_tag_chips_bind      (SluiceTagChips      *self,
                                                 AdwEntryRow         *entry,
                                                 SluicePipelineDraft *draft);
SluicePipelineDraft *sluice_tag_chips_get_draft (SluiceTagChips      *self);

G_END_DECLS
