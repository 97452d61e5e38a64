/* sluice-pipeline-page-private.h: what tests and benches may ask a pipeline page
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-pipeline-page.h"

G_BEGIN_DECLS

guint sluice_pipeline_page_get_n_requests (SluicePipelinePage *self);

G_END_DECLS
