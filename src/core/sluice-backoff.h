/* sluice-backoff.h: one timer policy for everything that follows a server
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_BACKOFF (sluice_backoff_get_type ())

G_DECLARE_FINAL_TYPE (SluiceBackoff, sluice_backoff, SLUICE, BACKOFF, GObject)

SluiceBackoff *sluice_backoff_new                  (guint          initial_msec,
                                                    guint          max_msec);
guint          sluice_backoff_get_initial_interval (SluiceBackoff *self);
guint          sluice_backoff_get_max_interval     (SluiceBackoff *self);
guint          sluice_backoff_get_interval         (SluiceBackoff *self);

void           sluice_backoff_back_off             (SluiceBackoff *self);
void           sluice_backoff_reset                (SluiceBackoff *self);

void           sluice_backoff_start                (SluiceBackoff *self);
void           sluice_backoff_start_now            (SluiceBackoff *self);
void           sluice_backoff_stop                 (SluiceBackoff *self);
gboolean       sluice_backoff_is_scheduled         (SluiceBackoff *self);

void           sluice_backoff_pause                (SluiceBackoff *self);
void           sluice_backoff_resume               (SluiceBackoff *self);
gboolean       sluice_backoff_is_paused            (SluiceBackoff *self);

G_END_DECLS
