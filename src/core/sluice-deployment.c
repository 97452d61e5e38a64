/* sluice-deployment.c: a pipeline's deployment, per strategy, from CodePipeline's answers
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-deployment"

#include "config.h"

#include <string.h>

#include "sluice-deployment.h"

/* The lanes and steps start as data.all lays the CodePipelines out (notes, section 2), so that
 * the view has a shape before the first answer; each answer then replaces a lane's steps with
 * the stages CodePipeline really has, keeping what earlier answers taught (the revision each
 * stage last deployed). */

struct _SluiceDeployment
{
  GObject                 parent_instance;

  char                   *strategy;
  GPtrArray              *lanes;       /* SluiceDeploymentLane */
  SluiceDeploymentStatus  status;
};

G_DEFINE_FINAL_TYPE (SluiceDeployment, sluice_deployment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
step_free (SluiceDeploymentStep *step)
{
  g_free (step->name);
  g_free (step->stage);
  g_free (step->execution_id);
  g_free (step->revision_id);
  g_free (step->revision_summary);
  g_free (step->error_message);
  g_free (step->action);
  g_free (step->approval_token);
  g_free (step->transition_reason);
  g_free (step->deployed_revision_id);
  g_free (step->deployed_revision_summary);
  g_free (step);
}

static void
lane_free (SluiceDeploymentLane *lane)
{
  g_free (lane->name);
  g_free (lane->branch);
  g_free (lane->stage);
  g_clear_error (&lane->error);
  g_clear_pointer (&lane->latest, sluice_codepipeline_execution_unref);
  g_clear_pointer (&lane->executions, g_ptr_array_unref);
  g_clear_pointer (&lane->steps, g_ptr_array_unref);
  g_free (lane);
}

static SluiceDeploymentStep *
add_step (SluiceDeploymentLane     *lane,
          SluiceDeploymentStepKind  kind,
          const char               *name,
          const char               *stage,
          const char               *action)
{
  SluiceDeploymentStep *step = g_new0 (SluiceDeploymentStep, 1);

  step->kind = kind;
  step->name = g_strdup (name);
  step->stage = g_strdup (stage);
  step->action = g_strdup (action);
  step->status = SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
  step->transition_enabled = TRUE;
  g_ptr_array_add (lane->steps, step);
  return step;
}

static SluiceDeploymentLane *
add_lane (SluiceDeployment *self,
          const char       *name,
          const char       *branch,
          const char       *stage)
{
  SluiceDeploymentLane *lane = g_new0 (SluiceDeploymentLane, 1);

  lane->name = g_strdup (name);
  lane->branch = g_strdup (branch);
  lane->stage = g_strdup (stage);
  lane->status = SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
  lane->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  lane->executions = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_codepipeline_execution_unref);
  g_ptr_array_add (self->lanes, lane);
  return lane;
}

/* Python's str.title(), which DDK's ApplicationStage applies: "pre-prod" → "Pre-Prod". */
static char *
title_case (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean after_letter = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isalpha (c))
        {
          g_string_append_c (out, after_letter ? g_ascii_tolower (c) : g_ascii_toupper (c));
          after_letter = TRUE;
        }
      else
        {
          g_string_append_c (out, c);
          after_letter = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

/* Which kind of step a CodePipeline stage is, and which data.all stage it belongs to. */
static SluiceDeploymentStepKind
infer_kind (SluiceDeploymentLane  *lane,
            const char            *name,
            char                 **stage)
{
  *stage = NULL;
  if (g_str_equal (name, "Source") || g_str_has_prefix (name, "Source-"))
    {
      *stage = g_strdup (lane->stage);
      return SLUICE_DEPLOYMENT_STEP_SOURCE;
    }
  if (g_str_equal (name, "Build") || g_str_equal (name, "Assets"))
    return SLUICE_DEPLOYMENT_STEP_BUILD;
  if (g_str_equal (name, "UpdatePipeline"))
    return SLUICE_DEPLOYMENT_STEP_SELF_MUTATE;
  if (g_str_has_prefix (name, "ManualApproval-"))
    {
      *stage = g_strdup (name + strlen ("ManualApproval-"));
      return SLUICE_DEPLOYMENT_STEP_APPROVAL;
    }
  if (g_str_has_prefix (name, "Deploy-Stage-"))
    {
      *stage = g_strdup (name + strlen ("Deploy-Stage-"));
      return SLUICE_DEPLOYMENT_STEP_DEPLOY;
    }
  if (g_str_has_prefix (name, "dataall-"))
    {
      *stage = g_ascii_strdown (name + strlen ("dataall-"), -1);
      return SLUICE_DEPLOYMENT_STEP_DEPLOY;
    }
  return SLUICE_DEPLOYMENT_STEP_OTHER;
}

static SluiceDeploymentStep *
lane_step (SluiceDeploymentLane *lane,
           const char           *name)
{
  for (guint i = 0; i < lane->steps->len; i++)
    {
      SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, i);

      if (g_str_equal (step->name, name))
        return step;
    }
  return NULL;
}

static SluiceCodePipelineExecution *
find_execution (GPtrArray  *executions,
                const char *id)
{
  for (guint i = 0; executions != NULL && id != NULL && i < executions->len; i++)
    {
      SluiceCodePipelineExecution *execution = g_ptr_array_index (executions, i);

      if (g_strcmp0 (execution->execution_id, id) == 0)
        return execution;
    }
  return NULL;
}

static void
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) != 0)
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
}

/* Priority when folding several statuses into one: what needs a look comes first. */
static int
weight (SluiceDeploymentStatus status)
{
  switch (status)
    {
    case SLUICE_DEPLOYMENT_STATUS_FAILED:
      return 8;
    case SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL:
      return 7;
    case SLUICE_DEPLOYMENT_STATUS_STOPPING:
      return 6;
    case SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS:
      return 5;
    case SLUICE_DEPLOYMENT_STATUS_STOPPED:
      return 4;
    case SLUICE_DEPLOYMENT_STATUS_CANCELLED:
      return 3;
    case SLUICE_DEPLOYMENT_STATUS_SUCCEEDED:
      return 2;
    case SLUICE_DEPLOYMENT_STATUS_NOT_RUN:
      return 1;
    case SLUICE_DEPLOYMENT_STATUS_UNKNOWN:
    default:
      return 0;
    }
}

/* Many statuses as one: the weightiest (a failure outweighs a success elsewhere). */
static SluiceDeploymentStatus
fold (const SluiceDeploymentStatus *statuses,
      guint                         n)
{
  SluiceDeploymentStatus best = SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
  gboolean all_unknown = TRUE;

  for (guint i = 0; i < n; i++)
    {
      if (statuses[i] != SLUICE_DEPLOYMENT_STATUS_UNKNOWN)
        all_unknown = FALSE;
      if (weight (statuses[i]) > weight (best))
        best = statuses[i];
    }
  if (all_unknown)
    return SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
  return best;
}

static SluiceDeploymentStatus
lane_status (SluiceDeploymentLane *lane)
{
  g_autofree SluiceDeploymentStatus *statuses = g_new0 (SluiceDeploymentStatus, lane->steps->len + 1);
  gboolean any_ran = FALSE;
  gboolean any_not_run = FALSE;

  if (lane->error != NULL)
    return SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
  for (guint i = 0; i < lane->steps->len; i++)
    {
      SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, i);

      statuses[i] = step->status;
      if (step->status == SLUICE_DEPLOYMENT_STATUS_NOT_RUN)
        any_not_run = TRUE;
      else if (step->status != SLUICE_DEPLOYMENT_STATUS_UNKNOWN)
        any_ran = TRUE;
    }
  if (!any_ran)
    return any_not_run ? SLUICE_DEPLOYMENT_STATUS_NOT_RUN : SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
  return fold (statuses, lane->steps->len);
}

static void
recompute_status (SluiceDeployment *self)
{
  g_autofree SluiceDeploymentStatus *statuses = g_new0 (SluiceDeploymentStatus, self->lanes->len + 1);
  SluiceDeploymentStatus status;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      SluiceDeploymentLane *lane = g_ptr_array_index (self->lanes, i);

      lane->status = lane_status (lane);
      statuses[i] = lane->status;
    }
  status = fold (statuses, self->lanes->len);
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

/* A lane as text, to tell whether an answer changed anything (the refresh backs off if not). */
static char *
fingerprint (SluiceDeploymentLane *lane)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%d|%d|%s|%s|%d|", lane->status, lane->branch_missing,
                          lane->error ? lane->error->message : "",
                          lane->latest ? lane->latest->execution_id : "",
                          lane->latest ? (int) lane->latest->status : -1);
  for (guint i = 0; i < lane->steps->len; i++)
    {
      SluiceDeploymentStep *s = g_ptr_array_index (lane->steps, i);

      g_string_append_printf (out, "%s/%d/%s/%s/%" G_GINT64_FORMAT "/%s/%s/%d/%s;",
                              s->name, s->status, s->execution_id ? s->execution_id : "",
                              s->revision_id ? s->revision_id : "", s->changed,
                              s->error_message ? s->error_message : "",
                              s->approval_token ? s->approval_token : "",
                              s->transition_enabled,
                              s->deployed_revision_id ? s->deployed_revision_id : "");
    }
  return g_string_free (out, FALSE);
}

static void
apply_stage (SluiceDeploymentStep         *step,
             SluiceCodePipelineStageState *stage,
             GPtrArray                    *executions)
{
  SluiceCodePipelineExecution *execution;
  const char *error_message = NULL;
  const char *token = NULL;
  const char *source_revision = NULL;
  const char *source_summary = NULL;
  gint64 changed = 0;

  step->status = sluice_deployment_status_from_codepipeline (stage->status);
  for (guint i = 0; i < stage->actions->len; i++)
    {
      SluiceCodePipelineActionState *action = g_ptr_array_index (stage->actions, i);

      if (action->error_message != NULL && error_message == NULL &&
          action->status == SLUICE_CODEPIPELINE_STATUS_FAILED)
        error_message = action->error_message;
      if (action->token != NULL && action->status == SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS)
        token = action->token;
      if (action->revision_id != NULL && source_revision == NULL)
        {
          source_revision = action->revision_id;
          source_summary = action->summary;
        }
      changed = MAX (changed, action->last_status_change);
    }
  if (step->action == NULL && stage->actions->len > 0)
    step->action = g_strdup (((SluiceCodePipelineActionState *) g_ptr_array_index (stage->actions, 0))->name);
  /* an open approval, as its own stage (trunk) or inside a stage (DDK's PromoteTo pre-step) */
  if (token != NULL && step->status == SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS)
    step->status = SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL;

  set_str (&step->execution_id, stage->latest_execution_id);
  set_str (&step->error_message, error_message);
  set_str (&step->approval_token, token);
  step->changed = changed;
  step->transition_enabled = !stage->has_inbound_transition || stage->inbound_enabled;
  set_str (&step->transition_reason, step->transition_enabled ? NULL : stage->inbound_disabled_reason);

  execution = find_execution (executions, stage->latest_execution_id);
  if (execution != NULL)
    {
      set_str (&step->revision_id, execution->revision_id);
      set_str (&step->revision_summary, execution->revision_summary);
      step->started = execution->start_time;
    }
  else if (source_revision != NULL)
    {
      set_str (&step->revision_id, source_revision);
      set_str (&step->revision_summary, source_summary);
    }
  else if (executions != NULL || stage->latest_execution_id == NULL)
    {
      /* a run too old for the history page, or none: what we knew no longer holds */
      set_str (&step->revision_id, NULL);
      set_str (&step->revision_summary, NULL);
      step->started = 0;
    }

  if (step->status == SLUICE_DEPLOYMENT_STATUS_SUCCEEDED && step->revision_id != NULL)
    {
      set_str (&step->deployed_revision_id, step->revision_id);
      set_str (&step->deployed_revision_summary, step->revision_summary);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_deployment_finalize (GObject *object)
{
  SluiceDeployment *self = SLUICE_DEPLOYMENT (object);

  g_clear_pointer (&self->strategy, g_free);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_deployment_parent_class)->finalize (object);
}

static void
sluice_deployment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SluiceDeployment *self = SLUICE_DEPLOYMENT (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_deployment_class_init (SluiceDeploymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_deployment_finalize;
  object_class->get_property = sluice_deployment_get_property;

  /**
   * SluiceDeployment:status:
   *
   * The whole deployment's #SluiceDeploymentStatus (as an int): the weightiest of its lanes.
   */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, SLUICE_DEPLOYMENT_STATUS_UNKNOWN,
                      SLUICE_DEPLOYMENT_STATUS_CANCELLED, SLUICE_DEPLOYMENT_STATUS_UNKNOWN,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceDeployment::changed:
   * @lane: the CodePipeline's name
   *
   * A lane changed (an answer with news, an error, the remote branches).
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sluice_deployment_init (SluiceDeployment *self)
{
  self->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) lane_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_deployment_new:
 * @strategy: data.all's devStrategy: "trunk", "gitflow" or "cdk-trunk" (anything else is
 *   GitFlow, as data.all's pipeline stack treats it)
 * @name: the data.all pipeline's name (also its repository's and CodePipeline's)
 * @stages: (array zero-terminated=1): the stages, in their order
 *
 * Returns: (transfer full): the deployment as data.all lays it out, before any answer
 */
SluiceDeployment *
sluice_deployment_new (const char         *strategy,
                       const char         *name,
                       const char * const *stages)
{
  SluiceDeployment *self;
  guint n;

  g_return_val_if_fail (strategy != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SLUICE_TYPE_DEPLOYMENT, NULL);
  self->strategy = g_strdup (strategy);
  n = stages ? g_strv_length ((char **) stages) : 0;

  if (g_str_equal (strategy, "trunk"))
    {
      SluiceDeploymentLane *lane = add_lane (self, name, "main", NULL);

      add_step (lane, SLUICE_DEPLOYMENT_STEP_SOURCE, "Source", NULL, "CodeCommit");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *deploy = g_strconcat ("Deploy-Stage-", stages[i], NULL);
          g_autofree char *action = g_strconcat ("deploy-", stages[i], NULL);
          g_autofree char *approval = g_strconcat ("ManualApproval-", stages[i], NULL);

          add_step (lane, SLUICE_DEPLOYMENT_STEP_DEPLOY, deploy, stages[i], action);
          if (i + 1 < n)
            add_step (lane, SLUICE_DEPLOYMENT_STEP_APPROVAL, approval, stages[i], approval);
        }
    }
  else if (g_str_equal (strategy, "cdk-trunk"))
    {
      SluiceDeploymentLane *lane = add_lane (self, name, "main", NULL);

      add_step (lane, SLUICE_DEPLOYMENT_STEP_SOURCE, "Source", NULL, name);
      add_step (lane, SLUICE_DEPLOYMENT_STEP_BUILD, "Build", NULL, "Synth");
      add_step (lane, SLUICE_DEPLOYMENT_STEP_SELF_MUTATE, "UpdatePipeline", NULL, "SelfMutate");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *title = title_case (stages[i]);
          g_autofree char *stage_name = g_strconcat ("dataall-", title, NULL);

          add_step (lane, SLUICE_DEPLOYMENT_STEP_DEPLOY, stage_name, stages[i], "Deploy");
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *lane_name = g_strconcat (name, "-", stages[i], NULL);
          g_autofree char *source = g_strconcat ("Source-", stages[i], NULL);
          g_autofree char *deploy = g_strconcat ("Deploy-Stage-", stages[i], NULL);
          g_autofree char *action = g_strconcat ("deploy-", stages[i], NULL);
          SluiceDeploymentLane *lane = add_lane (self, lane_name,
                                                 g_str_equal (stages[i], "prod") ? "main" : stages[i],
                                                 stages[i]);

          add_step (lane, SLUICE_DEPLOYMENT_STEP_SOURCE, source, stages[i], "CodeCommit");
          add_step (lane, SLUICE_DEPLOYMENT_STEP_DEPLOY, deploy, stages[i], action);
        }
    }
  return self;
}

const char *
sluice_deployment_get_strategy (SluiceDeployment *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), NULL);
  return self->strategy;
}

SluiceDeploymentStatus
sluice_deployment_get_status (SluiceDeployment *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), SLUICE_DEPLOYMENT_STATUS_UNKNOWN);
  return self->status;
}

guint
sluice_deployment_get_n_lanes (SluiceDeployment *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), 0);
  return self->lanes->len;
}

/**
 * sluice_deployment_get_lane:
 *
 * Returns: (transfer none): the lane at @index (in stage order for GitFlow)
 */
SluiceDeploymentLane *
sluice_deployment_get_lane (SluiceDeployment *self,
                            guint             index)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return g_ptr_array_index (self->lanes, index);
}

/**
 * sluice_deployment_find_lane:
 *
 * Returns: (transfer none) (nullable): the lane of the CodePipeline @codepipeline
 */
SluiceDeploymentLane *
sluice_deployment_find_lane (SluiceDeployment *self,
                             const char       *codepipeline)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), NULL);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      SluiceDeploymentLane *lane = g_ptr_array_index (self->lanes, i);

      if (g_strcmp0 (lane->name, codepipeline) == 0)
        return lane;
    }
  return NULL;
}

/**
 * sluice_deployment_find_deploy_step:
 * @stage: a data.all stage, e.g. "dev"
 *
 * "What is where": the step that deploys @stage, with the revision it last deployed.
 *
 * Returns: (transfer none) (nullable): the step
 */
SluiceDeploymentStep *
sluice_deployment_find_deploy_step (SluiceDeployment *self,
                                    const char       *stage)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), NULL);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      SluiceDeploymentLane *lane = g_ptr_array_index (self->lanes, i);

      for (guint j = 0; j < lane->steps->len; j++)
        {
          SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, j);

          if (step->kind == SLUICE_DEPLOYMENT_STEP_DEPLOY && g_strcmp0 (step->stage, stage) == 0)
            return step;
        }
    }
  return NULL;
}

/**
 * sluice_deployment_update:
 * @codepipeline: the CodePipeline the answers are about
 * @state: (nullable): its GetPipelineState answer
 * @executions: (nullable) (element-type SluiceCodePipelineExecution): its newest executions
 *
 * Returns: %TRUE if anything a view shows changed
 */
gboolean
sluice_deployment_update (SluiceDeployment        *self,
                          const char              *codepipeline,
                          SluiceCodePipelineState *state,
                          GPtrArray               *executions)
{
  SluiceDeploymentLane *lane;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), FALSE);
  g_return_val_if_fail (codepipeline != NULL, FALSE);

  lane = sluice_deployment_find_lane (self, codepipeline);
  if (lane == NULL)
    return FALSE;
  before = fingerprint (lane);

  g_clear_error (&lane->error);
  if (executions != NULL)
    {
      g_clear_pointer (&lane->latest, sluice_codepipeline_execution_unref);
      if (executions->len > 0)
        lane->latest = sluice_codepipeline_execution_ref (g_ptr_array_index (executions, 0));
      g_ptr_array_set_size (lane->executions, 0);
      for (guint i = 0; i < executions->len; i++)
        g_ptr_array_add (lane->executions,
                         sluice_codepipeline_execution_ref (g_ptr_array_index (executions, i)));
    }
  else
    executions = lane->executions;  /* what an earlier answer said about those runs */
  if (state != NULL)
    {
      g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

      /* the stages CodePipeline has, in its order; a step known before keeps its memory */
      for (guint i = 0; i < state->stages->len; i++)
        {
          SluiceCodePipelineStageState *stage = g_ptr_array_index (state->stages, i);
          SluiceDeploymentStep *step = lane_step (lane, stage->name);
          guint at = 0;

          if (step != NULL && g_ptr_array_find (lane->steps, step, &at))
            g_ptr_array_steal_index (lane->steps, at);
          else
            {
              g_autofree char *data_stage = NULL;
              SluiceDeploymentStepKind kind = infer_kind (lane, stage->name, &data_stage);

              step = g_new0 (SluiceDeploymentStep, 1);
              step->kind = kind;
              step->name = g_strdup (stage->name);
              step->stage = g_steal_pointer (&data_stage);
              step->transition_enabled = TRUE;
            }
          apply_stage (step, stage, executions);
          g_ptr_array_add (steps, step);
        }
      g_ptr_array_unref (lane->steps);
      lane->steps = g_steal_pointer (&steps);
      g_ptr_array_set_free_func (lane->steps, (GDestroyNotify) step_free);
    }

  recompute_status (self);
  after = fingerprint (lane);
  if (g_str_equal (before, after))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, lane->name);
  return TRUE;
}

/**
 * sluice_deployment_set_error:
 * @error: why the CodePipeline could not be read (e.g. not deployed yet, keys refused)
 */
void
sluice_deployment_set_error (SluiceDeployment *self,
                             const char       *codepipeline,
                             const GError     *error)
{
  SluiceDeploymentLane *lane;

  g_return_if_fail (SLUICE_IS_DEPLOYMENT (self));
  g_return_if_fail (error != NULL);

  lane = sluice_deployment_find_lane (self, codepipeline);
  if (lane == NULL)
    return;
  if (lane->error != NULL && g_error_matches (lane->error, error->domain, error->code) &&
      g_strcmp0 (lane->error->message, error->message) == 0)
    return;
  g_clear_error (&lane->error);
  lane->error = g_error_copy (error);
  recompute_status (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, lane->name);
}

/**
 * sluice_deployment_set_remote_branches:
 * @branches: (array zero-terminated=1): the repository's branches (names without refs/heads/)
 *
 * Marks the lanes whose branch does not exist (GitFlow's stage branches before their first
 * push).
 *
 * Returns: %TRUE if a lane changed
 */
gboolean
sluice_deployment_set_remote_branches (SluiceDeployment   *self,
                                       const char * const *branches)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), FALSE);
  g_return_val_if_fail (branches != NULL, FALSE);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      SluiceDeploymentLane *lane = g_ptr_array_index (self->lanes, i);
      gboolean missing = !g_strv_contains (branches, lane->branch);

      if (missing != lane->branch_missing)
        {
          lane->branch_missing = missing;
          changed = TRUE;
          g_signal_emit (self, signals[SIGNAL_CHANGED], 0, lane->name);
        }
    }
  return changed;
}

SluiceDeploymentStatus
sluice_deployment_status_from_codepipeline (SluiceCodePipelineStatus status)
{
  switch (status)
    {
    case SLUICE_CODEPIPELINE_STATUS_NONE:
      return SLUICE_DEPLOYMENT_STATUS_NOT_RUN;
    case SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS:
      return SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS;
    case SLUICE_CODEPIPELINE_STATUS_SUCCEEDED:
    case SLUICE_CODEPIPELINE_STATUS_SKIPPED:
      return SLUICE_DEPLOYMENT_STATUS_SUCCEEDED;
    case SLUICE_CODEPIPELINE_STATUS_FAILED:
      return SLUICE_DEPLOYMENT_STATUS_FAILED;
    case SLUICE_CODEPIPELINE_STATUS_STOPPING:
      return SLUICE_DEPLOYMENT_STATUS_STOPPING;
    case SLUICE_CODEPIPELINE_STATUS_STOPPED:
    case SLUICE_CODEPIPELINE_STATUS_ABANDONED:
      return SLUICE_DEPLOYMENT_STATUS_STOPPED;
    case SLUICE_CODEPIPELINE_STATUS_CANCELLED:
    case SLUICE_CODEPIPELINE_STATUS_SUPERSEDED:
      return SLUICE_DEPLOYMENT_STATUS_CANCELLED;
    case SLUICE_CODEPIPELINE_STATUS_UNKNOWN:
    default:
      return SLUICE_DEPLOYMENT_STATUS_UNKNOWN;
    }
}

const char *
sluice_deployment_status_to_string (SluiceDeploymentStatus status)
{
  switch (status)
    {
    case SLUICE_DEPLOYMENT_STATUS_NOT_RUN:
      return "not-run";
    case SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS:
      return "in-progress";
    case SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL:
      return "waiting-for-approval";
    case SLUICE_DEPLOYMENT_STATUS_SUCCEEDED:
      return "succeeded";
    case SLUICE_DEPLOYMENT_STATUS_FAILED:
      return "failed";
    case SLUICE_DEPLOYMENT_STATUS_STOPPING:
      return "stopping";
    case SLUICE_DEPLOYMENT_STATUS_STOPPED:
      return "stopped";
    case SLUICE_DEPLOYMENT_STATUS_CANCELLED:
      return "cancelled";
    case SLUICE_DEPLOYMENT_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Refresh                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* One refresh: every lane in parallel. A lane costs one GetPipelineState; its history is read
 * (ListPipelineExecutions) only when the state names a run it does not know yet. */
typedef struct
{
  SluiceCodePipelineClient *client;
  guint                     pending;
  guint                     failed;
  gboolean                  changed;
  GError                   *first_error;
} Refresh;

typedef struct
{
  GTask                   *task;   /* owned */
  char                    *lane;
  SluiceCodePipelineState *state;
} LaneRefresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->client);
  g_clear_error (&refresh->first_error);
  g_free (refresh);
}

static void
lane_refresh_free (LaneRefresh *lr)
{
  g_clear_object (&lr->task);
  g_free (lr->lane);
  g_clear_pointer (&lr->state, sluice_codepipeline_state_unref);
  g_free (lr);
}

static void
lane_done (LaneRefresh  *lr,
           GError       *error)
{
  SluiceDeployment *self = g_task_get_source_object (lr->task);
  Refresh *refresh = g_task_get_task_data (lr->task);
  g_autoptr(GTask) task = g_object_ref (lr->task);

  if (error != NULL)
    {
      refresh->failed++;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sluice_deployment_set_error (self, lr->lane, error);
      if (refresh->first_error == NULL)
        refresh->first_error = g_error_copy (error);
      g_error_free (error);
    }
  lane_refresh_free (lr);

  if (--refresh->pending > 0)
    return;
  /* a partial answer is still an answer: fail only if no lane could be read */
  if (refresh->failed == self->lanes->len && refresh->first_error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->first_error));
  else
    g_task_return_boolean (task, refresh->changed);
}

static void
executions_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LaneRefresh *lr = user_data;
  SluiceDeployment *self = g_task_get_source_object (lr->task);
  Refresh *refresh = g_task_get_task_data (lr->task);
  g_autoptr(GPtrArray) executions = NULL;
  GError *error = NULL;

  executions = sluice_codepipeline_client_list_pipeline_executions_finish (SLUICE_CODEPIPELINE_CLIENT (source),
                                                                           result, NULL, &error);
  if (executions == NULL)
    {
      /* the state alone still says where things are */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          refresh->changed |= sluice_deployment_update (self, lr->lane, lr->state, NULL);
          g_clear_error (&error);
        }
      lane_done (lr, error);
      return;
    }
  refresh->changed |= sluice_deployment_update (self, lr->lane, lr->state, executions);
  lane_done (lr, NULL);
}

static gboolean
knows_every_run (SluiceDeploymentLane    *lane,
                 SluiceCodePipelineState *state)
{
  for (guint i = 0; i < state->stages->len; i++)
    {
      SluiceCodePipelineStageState *stage = g_ptr_array_index (state->stages, i);

      if (stage->latest_execution_id != NULL &&
          find_execution (lane->executions, stage->latest_execution_id) == NULL)
        return FALSE;
      if (stage->inbound_execution_id != NULL &&
          find_execution (lane->executions, stage->inbound_execution_id) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Whether the state says anything the lane does not show yet (a stage's run or status). */
static gboolean
state_differs (SluiceDeploymentLane    *lane,
               SluiceCodePipelineState *state)
{
  if (state->stages->len != lane->steps->len)
    return TRUE;
  for (guint i = 0; i < state->stages->len; i++)
    {
      SluiceCodePipelineStageState *stage = g_ptr_array_index (state->stages, i);
      SluiceDeploymentStep *step = g_ptr_array_index (lane->steps, i);
      SluiceDeploymentStatus shown = step->status == SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL
                                     ? SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS : step->status;

      if (g_strcmp0 (stage->name, step->name) != 0 ||
          g_strcmp0 (stage->latest_execution_id, step->execution_id) != 0 ||
          sluice_deployment_status_from_codepipeline (stage->status) != shown)
        return TRUE;
    }
  return FALSE;
}

static void
state_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LaneRefresh *lr = user_data;
  SluiceDeployment *self = g_task_get_source_object (lr->task);
  Refresh *refresh = g_task_get_task_data (lr->task);
  SluiceDeploymentLane *lane;
  GError *error = NULL;

  lr->state = sluice_codepipeline_client_get_pipeline_state_finish (SLUICE_CODEPIPELINE_CLIENT (source),
                                                                    result, &error);
  if (lr->state == NULL)
    {
      lane_done (lr, error);
      return;
    }
  lane = sluice_deployment_find_lane (self, lr->lane);
  /* The history is read again only for news: a run not seen before, or a change while the
   * newest run was in progress (its status in the history moves too). A quiet refresh costs
   * one request per CodePipeline. */
  if (lane != NULL && knows_every_run (lane, lr->state) &&
      (lane->latest == NULL ||
       (lane->latest->status != SLUICE_CODEPIPELINE_STATUS_IN_PROGRESS &&
        lane->latest->status != SLUICE_CODEPIPELINE_STATUS_STOPPING) ||
       !state_differs (lane, lr->state)))
    {
      refresh->changed |= sluice_deployment_update (self, lr->lane, lr->state, NULL);
      lane_done (lr, NULL);
      return;
    }
  sluice_codepipeline_client_list_pipeline_executions_async (refresh->client, lr->lane,
                                                             SLUICE_DEPLOYMENT_HISTORY_SIZE, NULL,
                                                             g_task_get_cancellable (lr->task),
                                                             executions_cb, lr);
}

/**
 * sluice_deployment_refresh_async:
 * @client: a client signing with this pipeline's keys
 *
 * Reads every lane's state (one GetPipelineState per CodePipeline) and, when it names runs not
 * seen before or changed while a run was in progress, its recent history. Lanes that cannot be read get their
 * error (sluice_deployment_set_error()); the refresh fails only if none could be read.
 */
void
sluice_deployment_refresh_async (SluiceDeployment         *self,
                                 SluiceCodePipelineClient *client,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (SLUICE_IS_DEPLOYMENT (self));
  g_return_if_fail (SLUICE_IS_CODEPIPELINE_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_deployment_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->client = g_object_ref (client);
  refresh->pending = self->lanes->len;
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  if (self->lanes->len == 0)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  for (guint i = 0; i < self->lanes->len; i++)
    {
      SluiceDeploymentLane *lane = g_ptr_array_index (self->lanes, i);
      LaneRefresh *lr = g_new0 (LaneRefresh, 1);

      lr->task = g_object_ref (task);
      lr->lane = g_strdup (lane->name);
      sluice_codepipeline_client_get_pipeline_state_async (client, lane->name, cancellable,
                                                           state_cb, lr);
    }
}

/**
 * sluice_deployment_refresh_finish:
 * @changed: (out) (optional): whether anything a view shows changed
 *
 * Returns: %TRUE if at least one lane was read
 */
gboolean
sluice_deployment_refresh_finish (SluiceDeployment  *self,
                                  GAsyncResult      *result,
                                  gboolean          *changed,
                                  GError           **error)
{
  g_autoptr(GError) local = NULL;
  gboolean out;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_deployment_refresh_async, FALSE);

  out = g_task_propagate_boolean (G_TASK (result), &local);
  if (changed != NULL)
    *changed = local == NULL && out;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/**
 * sluice_deployment_next_interval:
 * @previous_ms: the interval before this refresh (0 for the first)
 * @changed: whether this refresh changed anything
 *
 * When to refresh again, while the view is visible: soon while something runs, and backing
 * off (doubling, up to two minutes) while nothing changes.
 *
 * Returns: milliseconds
 */
guint
sluice_deployment_next_interval (SluiceDeployment *self,
                                 guint             previous_ms,
                                 gboolean          changed)
{
  gboolean active;
  guint base;

  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT (self), SLUICE_DEPLOYMENT_IDLE_INTERVAL_MS);

  active = self->status == SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS ||
           self->status == SLUICE_DEPLOYMENT_STATUS_STOPPING;
  base = active ? SLUICE_DEPLOYMENT_MIN_INTERVAL_MS : SLUICE_DEPLOYMENT_IDLE_INTERVAL_MS;
  if (changed || previous_ms == 0)
    return base;
  return MIN (MAX (previous_ms, base) * 2, SLUICE_DEPLOYMENT_MAX_INTERVAL_MS);
}
