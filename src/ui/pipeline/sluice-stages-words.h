/* sluice-stages-words.h: how the Stages tab puts a deployment into words
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-codepipeline-client.h"
#include "sluice-deployment.h"

G_BEGIN_DECLS

const char *sluice_stages_status_words           (SluiceDeploymentStatus    status);
/* The style class a status is shown in: success, error, warning or accent. */
const char *sluice_stages_status_class           (SluiceDeploymentStatus    status);
const char *sluice_stages_trigger_words          (const char               *trigger);
const char *sluice_stages_execution_status_words (SluiceCodePipelineStatus  status);
/* A short commit id and its message's first line. */
char       *sluice_stages_short_revision         (const char               *revision_id,
                                                  const char               *summary);
char       *sluice_stages_format_time            (gint64                    unix_seconds);
char       *sluice_stages_format_duration        (gint64                    seconds);
/* The AWS console page of one CodePipeline. */
char       *sluice_stages_console_url            (const char               *region,
                                                  const char               *pipeline);

G_END_DECLS
