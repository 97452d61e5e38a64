/* sluice-dev-strategy.h: how a pipeline deploys its stages
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SluiceDevStrategy:
 * @SLUICE_DEV_STRATEGY_CDK_TRUNK: a self-updating CDK pipeline on branch main
 * @SLUICE_DEV_STRATEGY_TRUNK: one CodePipeline on main deploying the stages in order
 * @SLUICE_DEV_STRATEGY_GITFLOW: one CodePipeline per stage, each on its own branch
 *
 * data.all's `devStrategy`. Each value's nick is the word data.all stores.
 */
typedef enum
{
  SLUICE_DEV_STRATEGY_CDK_TRUNK, /*< nick=cdk-trunk >*/
  SLUICE_DEV_STRATEGY_TRUNK,     /*< nick=trunk >*/
  SLUICE_DEV_STRATEGY_GITFLOW,   /*< nick=gitflow >*/
} SluiceDevStrategy;

const char *sluice_dev_strategy_to_string   (SluiceDevStrategy  strategy);
gboolean    sluice_dev_strategy_from_string (const char        *string,
                                             SluiceDevStrategy *strategy);
const char *sluice_dev_strategy_get_title   (SluiceDevStrategy  strategy);
const char *sluice_dev_strategy_get_summary (SluiceDevStrategy  strategy);

G_END_DECLS

#include "sluice-core-enums.h"
