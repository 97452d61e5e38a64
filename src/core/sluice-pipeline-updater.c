/* sluice-pipeline-updater.c: saving the edits of a pipeline, one awaited mutation at a time
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-updater"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-dataall-api.h"
#include "sluice-pipeline-updater.h"
#include "sluice-stage.h"

/* data.all keeps a pipeline's stages as rows keyed by (pipeline, environment, stage):
 * updateDataPipelineEnvironment finds the row by that key and can change only its order and
 * team; a stage renamed or moved to another environment is another row. So an edit becomes:
 * updateDataPipeline when the label, description or tags changed; then, for each stage,
 * deleteDataPipelineEnvironment for the rows whose key is gone, updateDataPipelineEnvironment
 * for the kept rows whose order or team changed, and createDataPipelineEnvironment for the new
 * keys, in that order (a key removed and added again is deleted before it is created). Each
 * mutation is awaited; the first failure stops the run, and running again resumes there. */

/* What one step changes. */
typedef struct
{
  SluiceUpdateStepKind   kind;
  char                  *stage_uri;          /* delete: the row's envPipelineUri */
  char                  *stage;
  char                  *environment_uri;
  char                  *environment_label;
  char                  *team;
  int                    order;
} Step;

struct _SluicePipelineUpdater
{
  SluiceStepRunner     parent_instance;

  SluiceDataallClient *client;
  char                *pipeline_uri;
  SluicePipelineDraft *draft;
  GArray              *steps;              /* Step, one per step of the runner */
};

G_DEFINE_FINAL_TYPE (SluicePipelineUpdater, sluice_pipeline_updater, SLUICE_TYPE_STEP_RUNNER)

/* ------------------------------------------------------------------------------------------ */
/* Planning                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_free (step->stage_uri);
  g_free (step->stage);
  g_free (step->environment_uri);
  g_free (step->environment_label);
  g_free (step->team);
}

static Step *
get_step (SluicePipelineUpdater *self,
          guint                  index)
{
  return &g_array_index (self->steps, Step, index);
}

static void
add_step (SluicePipelineUpdater *self,
          SluiceUpdateStepKind   kind,
          const char            *stage_uri,
          const char            *stage,
          const char            *environment_uri,
          const char            *environment_label,
          const char            *team,
          int                    order)
{
  Step step = {
    .kind = kind,
    .stage_uri = g_strdup (stage_uri),
    .stage = g_strdup (stage),
    .environment_uri = g_strdup (environment_uri),
    .environment_label = g_strdup (environment_label ? environment_label : environment_uri),
    .team = g_strdup (team),
    .order = order,
  };

  g_array_append_val (self->steps, step);
}

static gboolean
same_key (const char *stage_a,
          const char *environment_a,
          const char *stage_b,
          const char *environment_b)
{
  return g_strcmp0 (stage_a, stage_b) == 0 && g_strcmp0 (environment_a, environment_b) == 0;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

static gboolean
details_changed (SluicePipeline      *pipeline,
                 SluicePipelineDraft *draft)
{
  return g_strcmp0 (sluice_pipeline_get_label (pipeline), sluice_pipeline_draft_get_name (draft)) != 0 ||
         g_strcmp0 (sluice_pipeline_get_description (pipeline) ?: "",
                    sluice_pipeline_draft_get_description (draft) ?: "") != 0 ||
         !strv_equal0 (sluice_pipeline_get_tags (pipeline), sluice_pipeline_draft_get_tags (draft));
}

/* The stage of @stages that data.all keys as (@stage, @environment_uri), if any. */
static SluiceStage *
find_row (GListModel *stages,
          const char *stage,
          const char *environment_uri)
{
  guint n = stages != NULL ? g_list_model_get_n_items (stages) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceStage) row = g_list_model_get_item (stages, i);

      if (same_key (sluice_stage_get_stage (row), sluice_stage_get_environment_uri (row),
                    stage, environment_uri))
        return g_steal_pointer (&row);
    }
  return NULL;
}

/* Whether the draft still has a stage keyed as @row. */
static gboolean
draft_keeps (SluicePipelineDraft *draft,
             SluiceStage         *row)
{
  for (guint j = 0; j < sluice_pipeline_draft_get_n_stages (draft); j++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (draft, j);

      if (same_key (sluice_stage_get_stage (row), sluice_stage_get_environment_uri (row),
                    stage->name, stage->environment_uri))
        return TRUE;
    }
  return FALSE;
}

static void
plan (SluicePipelineUpdater *self,
      SluicePipeline        *pipeline)
{
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  guint n_old = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  guint n_new = sluice_pipeline_draft_get_n_stages (self->draft);

  if (details_changed (pipeline, self->draft))
    add_step (self, SLUICE_UPDATE_STEP_DETAILS, NULL, NULL, NULL, NULL, NULL, 0);

  /* Rows whose key is gone. */
  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(SluiceStage) old = g_list_model_get_item (stages, i);

      if (!draft_keeps (self->draft, old))
        add_step (self, SLUICE_UPDATE_STEP_DELETE_STAGE, sluice_stage_get_uri (old),
                  sluice_stage_get_stage (old), sluice_stage_get_environment_uri (old),
                  sluice_stage_get_environment_label (old), sluice_stage_get_team (old),
                  sluice_stage_get_order (old));
    }

  /* Kept rows whose order or team changed. */
  for (guint j = 0; j < n_new; j++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, j);
      g_autoptr(SluiceStage) old = find_row (stages, stage->name, stage->environment_uri);

      if (old != NULL &&
          (sluice_stage_get_order (old) != (int) j + 1 || g_strcmp0 (sluice_stage_get_team (old), stage->team) != 0))
        add_step (self, SLUICE_UPDATE_STEP_UPDATE_STAGE, sluice_stage_get_uri (old),
                  stage->name, stage->environment_uri,
                  stage->environment_label ? stage->environment_label
                                           : sluice_stage_get_environment_label (old),
                  stage->team, (int) j + 1);
    }

  /* New keys. */
  for (guint j = 0; j < n_new; j++)
    {
      const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, j);
      g_autoptr(SluiceStage) old = find_row (stages, stage->name, stage->environment_uri);

      if (old == NULL)
        add_step (self, SLUICE_UPDATE_STEP_CREATE_STAGE, NULL, stage->name,
                  stage->environment_uri, stage->environment_label, stage->team, (int) j + 1);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Steps                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_updater_start_step (SluiceStepRunner    *runner,
                                    guint                index,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SluicePipelineUpdater *self = SLUICE_PIPELINE_UPDATER (runner);
  Step *step = get_step (self, index);
  const char *description;

  switch (step->kind)
    {
    case SLUICE_UPDATE_STEP_DETAILS:
      description = sluice_pipeline_draft_get_description (self->draft);
      sluice_dataall_client_update_pipeline_async (self->client, self->pipeline_uri,
                                                   sluice_pipeline_draft_get_name (self->draft),
                                                   description ? description : "",
                                                   sluice_pipeline_draft_get_tags (self->draft),
                                                   cancellable, callback, user_data);
      break;
    case SLUICE_UPDATE_STEP_DELETE_STAGE:
      sluice_dataall_client_delete_stage_async (self->client, step->stage_uri, cancellable,
                                                callback, user_data);
      break;
    case SLUICE_UPDATE_STEP_UPDATE_STAGE:
    case SLUICE_UPDATE_STEP_CREATE_STAGE:
    default:
      {
        SluiceStageSpec spec = {
          .pipeline_uri = self->pipeline_uri,
          .stage = step->stage,
          .order = step->order,
          .environment_uri = step->environment_uri,
          .environment_label = step->environment_label,
          .team = step->team,
        };

        if (step->kind == SLUICE_UPDATE_STEP_UPDATE_STAGE)
          sluice_dataall_client_update_stage_async (self->client, &spec, cancellable, callback,
                                                    user_data);
        else
          sluice_dataall_client_create_stage_async (self->client, &spec, cancellable, callback,
                                                    user_data);
      }
      break;
    }
}

static gboolean
sluice_pipeline_updater_finish_step (SluiceStepRunner  *runner,
                                     guint              index,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  SluicePipelineUpdater *self = SLUICE_PIPELINE_UPDATER (runner);
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(SluiceStage) stage = NULL;

  switch (get_step (self, index)->kind)
    {
    case SLUICE_UPDATE_STEP_DETAILS:
      pipeline = sluice_dataall_client_update_pipeline_finish (self->client, result, error);
      return pipeline != NULL;
    case SLUICE_UPDATE_STEP_DELETE_STAGE:
      return sluice_dataall_client_delete_stage_finish (self->client, result, error);
    case SLUICE_UPDATE_STEP_UPDATE_STAGE:
      stage = sluice_dataall_client_update_stage_finish (self->client, result, error);
      return stage != NULL;
    case SLUICE_UPDATE_STEP_CREATE_STAGE:
    default:
      stage = sluice_dataall_client_create_stage_finish (self->client, result, error);
      return stage != NULL;
    }
}

static char *
sluice_pipeline_updater_step_title (SluiceStepRunner *runner,
                                    guint             index)
{
  Step *step = get_step (SLUICE_PIPELINE_UPDATER (runner), index);

  switch (step->kind)
    {
    case SLUICE_UPDATE_STEP_DETAILS:
      return g_strdup (_("Save the name, description and tags"));
    case SLUICE_UPDATE_STEP_DELETE_STAGE:
      return g_strdup_printf (_("Remove stage “%s” in %s"), step->stage, step->environment_label);
    case SLUICE_UPDATE_STEP_UPDATE_STAGE:
      return g_strdup_printf (_("Update stage %d, “%s”, in %s"), step->order, step->stage,
                              step->environment_label);
    case SLUICE_UPDATE_STEP_CREATE_STAGE:
    default:
      return g_strdup_printf (_("Add stage %d, “%s”, in %s"), step->order, step->stage,
                              step->environment_label);
    }
}

/* Why a step failed, as a sentence that names the team and environment involved. */
static char *
sluice_pipeline_updater_step_message (SluiceStepRunner *runner,
                                      guint             index)
{
  SluicePipelineUpdater *self = SLUICE_PIPELINE_UPDATER (runner);
  const GError *error = sluice_step_runner_get_step_error (runner, index);
  Step *step = get_step (self, index);

  if (error == NULL)
    return NULL;
  if (step->kind == SLUICE_UPDATE_STEP_DETAILS)
    return sluice_pipeline_describe_error (error, sluice_pipeline_draft_get_team (self->draft),
                                           sluice_pipeline_draft_get_environment_label (self->draft));
  return sluice_pipeline_describe_error (error, step->team, step->environment_label);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_updater_dispose (GObject *object)
{
  SluicePipelineUpdater *self = SLUICE_PIPELINE_UPDATER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (sluice_pipeline_updater_parent_class)->dispose (object);
}

static void
sluice_pipeline_updater_finalize (GObject *object)
{
  SluicePipelineUpdater *self = SLUICE_PIPELINE_UPDATER (object);

  g_clear_pointer (&self->steps, g_array_unref);
  g_free (self->pipeline_uri);

  G_OBJECT_CLASS (sluice_pipeline_updater_parent_class)->finalize (object);
}

static void
sluice_pipeline_updater_class_init (SluicePipelineUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SluiceStepRunnerClass *runner_class = SLUICE_STEP_RUNNER_CLASS (klass);

  object_class->dispose = sluice_pipeline_updater_dispose;
  object_class->finalize = sluice_pipeline_updater_finalize;

  runner_class->start_step = sluice_pipeline_updater_start_step;
  runner_class->finish_step = sluice_pipeline_updater_finish_step;
  runner_class->dup_step_title = sluice_pipeline_updater_step_title;
  runner_class->dup_step_message = sluice_pipeline_updater_step_message;
}

static void
sluice_pipeline_updater_init (SluicePipelineUpdater *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_updater_new_draft:
 * @pipeline: a pipeline as getDataPipeline answered (with its stages)
 *
 * Returns: (transfer full): a draft holding @pipeline's label, description, tags, CI/CD
 *   environment, team, strategy and stages in order, to be edited
 */
SluicePipelineDraft *
sluice_pipeline_updater_new_draft (SluicePipeline *pipeline)
{
  SluicePipelineDraft *draft;
  SluiceEnvironment *environment;
  SluiceDevStrategy strategy;
  const char * const *tags;
  GListModel *stages;
  guint n;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  draft = sluice_pipeline_draft_new ();
  environment = sluice_pipeline_get_environment (pipeline);
  tags = sluice_pipeline_get_tags (pipeline);
  stages = sluice_pipeline_get_stages (pipeline);
  n = stages != NULL ? g_list_model_get_n_items (stages) : 0;

  sluice_pipeline_draft_set_name (draft, sluice_pipeline_get_label (pipeline));
  sluice_pipeline_draft_set_description (draft, sluice_pipeline_get_description (pipeline));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    sluice_pipeline_draft_add_tag (draft, tags[i]);
  if (environment != NULL)
    sluice_pipeline_draft_set_environment (draft, sluice_environment_get_uri (environment),
                                           sluice_environment_get_label (environment),
                                           sluice_environment_get_resource_prefix (environment));
  sluice_pipeline_draft_set_team (draft, sluice_pipeline_get_team (pipeline));
  if (sluice_dev_strategy_from_string (sluice_pipeline_get_dev_strategy (pipeline), &strategy))
    sluice_pipeline_draft_set_strategy (draft, strategy);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      sluice_pipeline_draft_add_stage (draft, sluice_stage_get_stage (stage),
                                       sluice_stage_get_environment_uri (stage),
                                       sluice_stage_get_environment_label (stage),
                                       sluice_stage_get_team (stage));
    }
  return draft;
}

/**
 * sluice_pipeline_updater_new:
 * @client: the data.all client
 * @pipeline: the pipeline as it is on the server (from getDataPipeline, with its stages)
 * @draft: the edits; the updater works on a copy
 *
 * Plans the mutations that turn @pipeline into @draft, as the steps of a #SluiceStepRunner.
 * Nothing changed: no steps.
 */
SluicePipelineUpdater *
sluice_pipeline_updater_new (SluiceDataallClient *client,
                             SluicePipeline      *pipeline,
                             SluicePipelineDraft *draft)
{
  SluicePipelineUpdater *self;

  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (client), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (draft), NULL);

  self = g_object_new (SLUICE_TYPE_PIPELINE_UPDATER, NULL);
  self->client = g_object_ref (client);
  self->pipeline_uri = g_strdup (sluice_pipeline_get_uri (pipeline));
  self->draft = sluice_pipeline_draft_copy (draft);
  plan (self, pipeline);
  sluice_step_runner_set_n_steps (SLUICE_STEP_RUNNER (self), self->steps->len);
  return self;
}

SluiceUpdateStepKind
sluice_pipeline_updater_get_step_kind (SluicePipelineUpdater *self,
                                       guint                  step)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_UPDATER (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);
  return get_step (self, step)->kind;
}
