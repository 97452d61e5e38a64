/* sluice-dataall-error-private.h: how the client classifies answers, for the client and tests
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-dataall-error.h"

G_BEGIN_DECLS

GError     *sluice_dataall_error_from_response    (const char   *operation,
                                                   guint         http_status,
                                                   JsonNode     *root,
                                                   const char   *body,
                                                   gsize         body_length);
GError     *sluice_dataall_error_from_transport   (const char   *operation,
                                                   const GError *transport_error,
                                                   gboolean      timed_out);
char       *sluice_dataall_error_trim_message     (const char   *message);
char       *sluice_dataall_error_find_code        (const char   *message);
gboolean    sluice_dataall_error_names_field      (const char   *text,
                                                   const char   *name);

G_END_DECLS
