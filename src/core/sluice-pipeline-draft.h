/* sluice-pipeline-draft.h: a pipeline being created or edited, kept across restarts
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sluice-dev-strategy.h"
#include "sluice-pipeline-rules.h"

G_BEGIN_DECLS

/**
 * SluiceDraftStage:
 * @name: the stage (dev, test, prod…)
 * @environment_uri: the environment it deploys to
 * @environment_label: that environment's label (data.all stores what it is sent)
 * @team: the team that deploys it
 */
typedef struct
{
  char *name;
  char *environment_uri;
  char *environment_label;
  char *team;
} SluiceDraftStage;

#define SLUICE_TYPE_PIPELINE_DRAFT (sluice_pipeline_draft_get_type ())

G_DECLARE_FINAL_TYPE (SluicePipelineDraft, sluice_pipeline_draft, SLUICE, PIPELINE_DRAFT, GObject)

SluicePipelineDraft    *sluice_pipeline_draft_new                    (void);
SluicePipelineDraft    *sluice_pipeline_draft_copy                   (SluicePipelineDraft  *self);
gboolean                sluice_pipeline_draft_is_empty               (SluicePipelineDraft  *self);

const char             *sluice_pipeline_draft_get_name               (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_name               (SluicePipelineDraft  *self,
                                                                      const char           *name);
const char             *sluice_pipeline_draft_get_description        (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_description        (SluicePipelineDraft  *self,
                                                                      const char           *description);
const char * const     *sluice_pipeline_draft_get_tags               (SluicePipelineDraft  *self);
gboolean                sluice_pipeline_draft_add_tag                (SluicePipelineDraft  *self,
                                                                      const char           *tag);
void                    sluice_pipeline_draft_remove_tag             (SluicePipelineDraft  *self,
                                                                      const char           *tag);
const char             *sluice_pipeline_draft_get_environment_uri    (SluicePipelineDraft  *self);
const char             *sluice_pipeline_draft_get_environment_label  (SluicePipelineDraft  *self);
const char             *sluice_pipeline_draft_get_resource_prefix    (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_environment        (SluicePipelineDraft  *self,
                                                                      const char           *uri,
                                                                      const char           *label,
                                                                      const char           *resource_prefix);
const char             *sluice_pipeline_draft_get_team               (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_team               (SluicePipelineDraft  *self,
                                                                      const char           *team);
SluiceDevStrategy       sluice_pipeline_draft_get_strategy           (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_strategy           (SluicePipelineDraft  *self,
                                                                      SluiceDevStrategy     strategy);
const char             *sluice_pipeline_draft_get_template           (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_template           (SluicePipelineDraft  *self,
                                                                      const char           *template);
const char             *sluice_pipeline_draft_get_input_dataset      (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_input_dataset      (SluicePipelineDraft  *self,
                                                                      const char           *uri);
const char             *sluice_pipeline_draft_get_output_dataset     (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_output_dataset     (SluicePipelineDraft  *self,
                                                                      const char           *uri);
gboolean                sluice_pipeline_draft_has_legacy_fields      (SluicePipelineDraft  *self);

/* How far creating it got, kept with it. */
const char             *sluice_pipeline_draft_get_created_uri        (SluicePipelineDraft  *self);
guint                   sluice_pipeline_draft_get_n_created_stages   (SluicePipelineDraft  *self);
gboolean                sluice_pipeline_draft_get_in_flight          (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_progress           (SluicePipelineDraft  *self,
                                                                      const char           *created_uri,
                                                                      guint                 n_created_stages,
                                                                      gboolean              in_flight);
const char * const     *sluice_pipeline_draft_get_labelled_before    (SluicePipelineDraft  *self);
void                    sluice_pipeline_draft_set_labelled_before    (SluicePipelineDraft  *self,
                                                                      const char * const   *uris);

guint                   sluice_pipeline_draft_get_n_stages           (SluicePipelineDraft  *self);
const SluiceDraftStage *sluice_pipeline_draft_get_stage              (SluicePipelineDraft  *self,
                                                                      guint                 index);
gboolean                sluice_pipeline_draft_add_stage              (SluicePipelineDraft  *self,
                                                                      const char           *name,
                                                                      const char           *environment_uri,
                                                                      const char           *environment_label,
                                                                      const char           *team);
void                    sluice_pipeline_draft_remove_stage           (SluicePipelineDraft  *self,
                                                                      guint                 index);
void                    sluice_pipeline_draft_move_stage             (SluicePipelineDraft  *self,
                                                                      guint                 from,
                                                                      guint                 to);
void                    sluice_pipeline_draft_set_stage_name         (SluicePipelineDraft  *self,
                                                                      guint                 index,
                                                                      const char           *name);
void                    sluice_pipeline_draft_set_stage_environment  (SluicePipelineDraft  *self,
                                                                      guint                 index,
                                                                      const char           *uri,
                                                                      const char           *label);
void                    sluice_pipeline_draft_set_stage_team         (SluicePipelineDraft  *self,
                                                                      guint                 index,
                                                                      const char           *team);
char                  **sluice_pipeline_draft_dup_stage_names        (SluicePipelineDraft  *self);

/* The rules applied to the draft. */
JsonObject             *sluice_pipeline_draft_build_input            (SluicePipelineDraft  *self,
                                                                      gboolean              with_legacy);
gssize                  sluice_pipeline_draft_measure_request        (SluicePipelineDraft  *self);
int                     sluice_pipeline_draft_get_description_left   (SluicePipelineDraft  *self);
gboolean                sluice_pipeline_draft_validate_description   (SluicePipelineDraft  *self,
                                                                      char                **message);
gboolean                sluice_pipeline_draft_validate_details       (SluicePipelineDraft  *self,
                                                                      char                **message);
gboolean                sluice_pipeline_draft_validate_cicd          (SluicePipelineDraft  *self,
                                                                      char                **message);
gboolean                sluice_pipeline_draft_validate_stages        (SluicePipelineDraft  *self,
                                                                      char                **message);
gboolean                sluice_pipeline_draft_validate_stages_full   (SluicePipelineDraft  *self,
                                                                      gboolean              require_prod,
                                                                      char                **message);
gboolean                sluice_pipeline_draft_validate               (SluicePipelineDraft  *self,
                                                                      char                **message);
char                   *sluice_pipeline_draft_dup_repository_preview (SluicePipelineDraft  *self,
                                                                      const char           *uri);
GPtrArray              *sluice_pipeline_draft_plan                   (SluicePipelineDraft  *self,
                                                                      const char           *uri);

/* Surviving restarts. */
char                   *sluice_pipeline_draft_to_json                (SluicePipelineDraft  *self);
SluicePipelineDraft    *sluice_pipeline_draft_new_from_json          (const char           *json,
                                                                      GError              **error);
void                    sluice_pipeline_draft_save                   (SluicePipelineDraft  *self,
                                                                      GSettings            *settings,
                                                                      const char           *account_id);
SluicePipelineDraft    *sluice_pipeline_draft_load                   (GSettings            *settings,
                                                                      const char           *account_id);
void                    sluice_pipeline_draft_discard                (GSettings            *settings,
                                                                      const char           *account_id);
void                    sluice_pipeline_draft_save_edit              (SluicePipelineDraft  *self,
                                                                      GSettings            *settings,
                                                                      const char           *account_id,
                                                                      const char           *pipeline_uri);
SluicePipelineDraft    *sluice_pipeline_draft_load_edit              (GSettings            *settings,
                                                                      const char           *account_id,
                                                                      const char           *pipeline_uri);
void                    sluice_pipeline_draft_discard_edit           (GSettings            *settings,
                                                                      const char           *account_id,
                                                                      const char           *pipeline_uri);

G_END_DECLS

/* The create flow lived in this header once: its callers keep finding it here. */
#include "sluice-pipeline-creator.h"
