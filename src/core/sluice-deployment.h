/* sluice-deployment.h: a pipeline's deployment, per strategy, from CodePipeline's answers
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sluice-codepipeline-client.h"

G_BEGIN_DECLS

/**
 * SluiceDeploymentStatus:
 * @SLUICE_DEPLOYMENT_STATUS_UNKNOWN: no answer yet
 * @SLUICE_DEPLOYMENT_STATUS_NOT_RUN: CodePipeline has not run it
 * @SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL: an approval waits for an answer
 *
 * A step's, a lane's or the whole deployment's status, in the words the stages view shows
 * (CodePipeline's own statuses folded into what a lead needs to tell apart).
 */
typedef enum
{
  SLUICE_DEPLOYMENT_STATUS_UNKNOWN,
  SLUICE_DEPLOYMENT_STATUS_NOT_RUN,
  SLUICE_DEPLOYMENT_STATUS_IN_PROGRESS,
  SLUICE_DEPLOYMENT_STATUS_WAITING_FOR_APPROVAL,
  SLUICE_DEPLOYMENT_STATUS_SUCCEEDED,
  SLUICE_DEPLOYMENT_STATUS_FAILED,
  SLUICE_DEPLOYMENT_STATUS_STOPPING,
  SLUICE_DEPLOYMENT_STATUS_STOPPED,
  SLUICE_DEPLOYMENT_STATUS_CANCELLED,
} SluiceDeploymentStatus;

typedef enum
{
  SLUICE_DEPLOYMENT_STEP_SOURCE,
  SLUICE_DEPLOYMENT_STEP_BUILD,
  SLUICE_DEPLOYMENT_STEP_SELF_MUTATE,
  SLUICE_DEPLOYMENT_STEP_DEPLOY,
  SLUICE_DEPLOYMENT_STEP_APPROVAL,
  SLUICE_DEPLOYMENT_STEP_OTHER,
} SluiceDeploymentStepKind;

/* One CodePipeline stage, read-only outside sluice-deployment.c. */
typedef struct
{
  SluiceDeploymentStepKind kind;
  char                    *name;              /* the CodePipeline stage */
  char                    *stage;             /* the data.all stage it belongs to, or NULL */
  SluiceDeploymentStatus   status;
  char                    *execution_id;      /* its latest execution */
  char                    *revision_id;       /* what that execution carries */
  char                    *revision_summary;
  gint64                   started;           /* of that execution; 0 unknown */
  gint64                   changed;           /* the last status change of its actions */
  char                    *error_message;     /* of its failed action */
  char                    *action;            /* the (first) action's name */
  char                    *approval_token;    /* an open approval's */
  gboolean                 transition_enabled;
  char                    *transition_reason; /* why its inbound transition is disabled */
  char                    *deployed_revision_id;      /* the last revision it ran with success */
  char                    *deployed_revision_summary;
} SluiceDeploymentStep;

/* One CodePipeline: trunk and cdk-trunk have one, GitFlow one per stage. */
typedef struct
{
  char                    *name;
  char                    *branch;            /* the branch its source watches */
  char                    *stage;             /* GitFlow: its data.all stage */
  gboolean                 branch_missing;    /* the branch is known not to exist */
  SluiceDeploymentStatus   status;
  GError                  *error;             /* the last refresh's failure, or NULL */
  SluiceCodePipelineExecution *latest;        /* the newest execution, or NULL */
  GPtrArray               *executions;        /* SluiceCodePipelineExecution, newest first
                                               * (the history); never NULL */
  GPtrArray               *steps;             /* SluiceDeploymentStep, in flow order */
} SluiceDeploymentLane;

#define SLUICE_TYPE_DEPLOYMENT (sluice_deployment_get_type ())

G_DECLARE_FINAL_TYPE (SluiceDeployment, sluice_deployment, SLUICE, DEPLOYMENT, GObject)

SluiceDeployment       *sluice_deployment_new            (const char             *strategy,
                                                          const char             *name,
                                                          const char * const     *stages);
const char             *sluice_deployment_get_strategy   (SluiceDeployment       *self);
SluiceDeploymentStatus  sluice_deployment_get_status     (SluiceDeployment       *self);
guint                   sluice_deployment_get_n_lanes    (SluiceDeployment       *self);
SluiceDeploymentLane   *sluice_deployment_get_lane       (SluiceDeployment       *self,
                                                          guint                   index);
SluiceDeploymentLane   *sluice_deployment_find_lane      (SluiceDeployment       *self,
                                                          const char             *codepipeline);
SluiceDeploymentStep   *sluice_deployment_find_deploy_step (SluiceDeployment     *self,
                                                          const char             *stage);
gboolean                sluice_deployment_update         (SluiceDeployment       *self,
                                                          const char             *codepipeline,
                                                          SluiceCodePipelineState *state,
                                                          GPtrArray              *executions);
void                    sluice_deployment_set_error      (SluiceDeployment       *self,
                                                          const char             *codepipeline,
                                                          const GError           *error);
gboolean                sluice_deployment_set_remote_branches (SluiceDeployment  *self,
                                                          const char * const     *branches);

void                    sluice_deployment_refresh_async  (SluiceDeployment       *self,
                                                          SluiceCodePipelineClient *client,
                                                          GCancellable           *cancellable,
                                                          GAsyncReadyCallback     callback,
                                                          gpointer                user_data);
gboolean                sluice_deployment_refresh_finish (SluiceDeployment       *self,
                                                          GAsyncResult           *result,
                                                          gboolean               *changed,
                                                          GError                **error);
guint                   sluice_deployment_next_interval  (SluiceDeployment       *self,
                                                          guint                   previous_ms,
                                                          gboolean                changed);

#define SLUICE_DEPLOYMENT_HISTORY_SIZE     20
#define SLUICE_DEPLOYMENT_MIN_INTERVAL_MS  3000
#define SLUICE_DEPLOYMENT_IDLE_INTERVAL_MS 10000
#define SLUICE_DEPLOYMENT_MAX_INTERVAL_MS  120000

const char             *sluice_deployment_status_to_string (SluiceDeploymentStatus status);
SluiceDeploymentStatus  sluice_deployment_status_from_codepipeline (SluiceCodePipelineStatus status);

G_END_DECLS
