/* sluice-pipeline-form.h: what the create wizard and the Edit dialog share besides widgets
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-pipeline-draft.h"

G_BEGIN_DECLS

/* The description's "N characters left" against data.all's request limit. */
void sluice_description_count_update (GtkLabel            *label,
                                      SluicePipelineDraft *draft);

G_END_DECLS
