/* sluice-delete-pipeline-dialog.h: "Delete “name”?", confirmed by typing the name
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLUICE_TYPE_DELETE_PIPELINE_DIALOG (sluice_delete_pipeline_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDeletePipelineDialog, sluice_delete_pipeline_dialog, SLUICE, DELETE_PIPELINE_DIALOG,
                      AdwMessageDialog)

void     sluice_delete_pipeline_dialog_run_async  (GtkWindow           *parent,
                                                   const char          *label,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean sluice_delete_pipeline_dialog_run_finish (GAsyncResult        *result,
                                                   gboolean            *from_aws,
                                                   GError             **error);

G_END_DECLS
