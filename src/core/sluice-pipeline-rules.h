/* sluice-pipeline-rules.h: what a pipeline may be, and the names data.all derives
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sluice-dev-strategy.h"

G_BEGIN_DECLS

/* data.all's create form: a name of at most 255 characters, a description of at most 5000,
 * at most 40 stages. */
#define SLUICE_PIPELINE_NAME_MAX          255
#define SLUICE_PIPELINE_DESCRIPTION_MAX   5000
#define SLUICE_PIPELINE_STAGES_MAX        40

/* Key/value tags: data.all's console stops at 40; AWS limits a key to 128 characters and a
 * value to 256, and reserves keys starting with "aws:". */
#define SLUICE_PIPELINE_TAGS_MAX          40
#define SLUICE_PIPELINE_TAG_KEY_MAX       128
#define SLUICE_PIPELINE_TAG_VALUE_MAX     256

/**
 * SluicePlannedPipeline:
 * @name: the CodePipeline's name
 * @branch: the branch it builds
 * @actions: (array zero-terminated=1): its deploy steps in order
 *
 * One CodePipeline a strategy creates.
 */
typedef struct
{
  char  *name;
  char  *branch;
  char **actions;
} SluicePlannedPipeline;

void sluice_planned_pipeline_free (SluicePlannedPipeline *planned);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SluicePlannedPipeline, sluice_planned_pipeline_free)

/* Pure rules: each returns %TRUE when valid, or %FALSE with a sentence for the field. */
gboolean   sluice_pipeline_validate_name             (const char          *name,
                                                      char               **message);
gboolean   sluice_pipeline_validate_stage_name       (const char          *stage,
                                                      char               **message);
gboolean   sluice_pipeline_validate_stage_names      (const char * const  *stages,
                                                      char               **message);
gboolean   sluice_pipeline_validate_stage_names_full (const char * const  *stages,
                                                      gboolean             require_prod,
                                                      char               **message);
gboolean   sluice_pipeline_validate_tag_key          (const char          *key,
                                                      const char * const  *earlier_keys,
                                                      char               **message);
gboolean   sluice_pipeline_validate_tag_value        (const char          *value,
                                                      char               **message);
gboolean   sluice_pipeline_can_add_tag               (guint                n_tags,
                                                      char               **message);

/* The names data.all derives, and what it deploys. */
char      *sluice_pipeline_slugify                   (const char          *text);
char      *sluice_pipeline_repository_name           (const char          *prefix,
                                                      const char          *label,
                                                      const char          *uri);
GPtrArray *sluice_pipeline_plan                      (SluiceDevStrategy    strategy,
                                                      const char          *prefix,
                                                      const char          *repository,
                                                      const char          *uri,
                                                      const char * const  *stages);

/* Why data.all refused a pipeline or stage mutation, in a sentence. */
char      *sluice_pipeline_describe_error            (const GError        *error,
                                                      const char          *team,
                                                      const char          *environment);

G_END_DECLS
