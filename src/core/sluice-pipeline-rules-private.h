/* sluice-pipeline-rules-private.h: shared by the pure rules and the draft's rules
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-pipeline-rules.h"

G_BEGIN_DECLS

/* Hands @text (transfer full) to the caller's @message, or frees it when there is none. */
static inline void
set_message (char **message,
             char  *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
}

G_END_DECLS
