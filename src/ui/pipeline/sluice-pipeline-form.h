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

/* The description as typed, and its "N characters left" against data.all's request limit. */
char *sluice_pipeline_form_dup_description          (GtkTextView         *view);
void  sluice_pipeline_form_update_description_count (GtkLabel            *label,
                                                     SluicePipelineDraft *draft);

G_END_DECLS
