/* sluice-credentials-utils-private.h: what the Credentials page's classes share
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

const char           *_sluice_credentials_name_of (SluiceAwsCredentials *credentials);
SluiceAwsCredentials *_sluice_credentials_find    (GListModel           *list,
                                                   const char           *name);
void                  _sluice_credentials_show_error (GtkWidget         *from,
                                                      const char        *heading,
                                                      const GError      *error);


typedef void (*SluiceCredentialsRunEndFunc) (GtkWidget *dialog);

void                  _sluice_credentials_run_unmapped (GtkWidget                   *dialog,
                                                        gboolean                     running,
                                                        SluiceCredentialsRunEndFunc  end,
                                                        gboolean                     wait_for_answer);

G_END_DECLS
