/* sluice-dev-strategy.c: how a pipeline deploys its stages
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-dev-strategy"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-dev-strategy.h"

/**
 * sluice_dev_strategy_to_string:
 *
 * Returns: (transfer none): the word data.all stores for @strategy ("cdk-trunk", "trunk",
 *   "gitflow")
 */
const char *
sluice_dev_strategy_to_string (SluiceDevStrategy strategy)
{
  GEnumClass *klass = g_type_class_ref (SLUICE_TYPE_DEV_STRATEGY);
  GEnumValue *value = g_enum_get_value (klass, strategy);

  /* The nicks live in the type's static table: they outlive the reference. */
  g_type_class_unref (klass);
  g_return_val_if_fail (value != NULL, "cdk-trunk");
  return value->value_nick;
}

/**
 * sluice_dev_strategy_from_string:
 * @string: (nullable): what data.all stores
 * @strategy: (out): the strategy it names
 *
 * Returns: whether @string names a strategy
 */
gboolean
sluice_dev_strategy_from_string (const char        *string,
                                 SluiceDevStrategy *strategy)
{
  GEnumClass *klass;
  GEnumValue *value;

  if (string == NULL)
    return FALSE;
  klass = g_type_class_ref (SLUICE_TYPE_DEV_STRATEGY);
  value = g_enum_get_value_by_nick (klass, string);
  if (value != NULL)
    *strategy = (SluiceDevStrategy) value->value;
  g_type_class_unref (klass);
  return value != NULL;
}

const char *
sluice_dev_strategy_get_title (SluiceDevStrategy strategy)
{
  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      return _("CodePipeline, trunk-based");
    case SLUICE_DEV_STRATEGY_GITFLOW:
      return _("CodePipeline, GitFlow");
    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      return _("CDK Pipelines, trunk-based");
    }
}

const char *
sluice_dev_strategy_get_summary (SluiceDevStrategy strategy)
{
  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      return _("One CodePipeline on branch main that deploys the stages in order, with a manual "
               "approval between them.");
    case SLUICE_DEV_STRATEGY_GITFLOW:
      return _("One CodePipeline per stage: prod builds branch main, every other stage the "
               "branch named after it.");
    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      return _("A self-updating CDK pipeline on branch main with one stage per environment.");
    }
}
