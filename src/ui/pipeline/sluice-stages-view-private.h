/* sluice-stages-view-private.h: what tests and benches may ask the Stages tab
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-stages-graph.h"
#include "sluice-stages-view.h"

G_BEGIN_DECLS

SluiceStagesGraph *_sluice_stages_view_get_graph    (SluiceStagesView *self);
/* The dialog open now (details, Review, a confirmation), or NULL. */
AdwMessageDialog  *_sluice_stages_view_get_dialog   (SluiceStagesView *self);
GtkTextView       *_sluice_stages_view_get_comment_view (SluiceStagesView *self);
GtkEditable       *_sluice_stages_view_get_reason_entry (SluiceStagesView *self);
guint              _sluice_stages_view_get_n_refreshes  (SluiceStagesView *self);
guint              _sluice_stages_view_get_interval     (SluiceStagesView *self);
/* The last action's failure as shown, or NULL. */
const char        *_sluice_stages_view_get_action_error (SluiceStagesView *self);
gboolean           _sluice_stages_view_get_acting       (SluiceStagesView *self);
/* Whether the history and "what is where" show this text somewhere. */
gboolean           _sluice_stages_view_history_shows    (SluiceStagesView *self,
                                                         const char       *text);

G_END_DECLS
