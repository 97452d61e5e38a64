/* sluice-pipeline-picker.h: gets a pipeline's AWS credentials from data.all
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sluice-account.h"
#include "sluice-aws-credentials.h"

G_BEGIN_DECLS

#define SLUICE_TYPE_PIPELINE_PICKER (sluice_pipeline_picker_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelinePicker, sluice_pipeline_picker, SLUICE, PIPELINE_PICKER, AdwWindow)

SluicePipelinePicker *sluice_pipeline_picker_new          (SluiceAccount        *account);
SluiceAccount        *sluice_pipeline_picker_get_account  (SluicePipelinePicker *self);
void                  sluice_pipeline_picker_run_async    (SluicePipelinePicker *self,
                                                           GtkWindow            *parent,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
SluiceAwsCredentials *sluice_pipeline_picker_run_finish   (SluicePipelinePicker *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
