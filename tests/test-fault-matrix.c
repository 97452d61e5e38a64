/* test-fault-matrix.c
 *
 * The fault matrix: every data.all, CodePipeline and git operation Sluice calls times every
 * fault the emulator can inject on its transport, generated from tables: one of operations
 * (each naming its transport), one of faults per transport (data.all's GraphQL through API
 * Gateway, CodePipeline's AWS JSON 1.1, CodeCommit's git smart HTTP). Each case must end in the
 * documented GError of its transport's domain with a sentence (never the server's or
 * libgit2's words), with the documented number of requests (queries retried, mutations never
 * blindly) and renewals of the pipeline's keys, and no critical warning
 * (G_DEBUG=fatal-warnings). ddk.json joins by adding rows to `operations` and, if its faults
 * differ, a table of its own.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include <glib/gstdio.h>

#include "sluice-account.h"
#include "sluice-codepipeline-client.h"
#include "sluice-dataall-api.h"
#include "sluice-git.h"
#include "sluice-dataall-client-private.h"
#include "sluice-pipeline-list.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define ENGINEER    "engineer@example.com"
#define MAX_RETRIES 1      /* queries: one retry, so every case stays short */
#define TIMEOUT_MS  600    /* the client's per-attempt timeout here (ASan under load needs more than 300) */
#define SLOW_MS     1000   /* what `slow` waits: past the timeout */
#define PERSISTENT  50     /* a fault that outlasts every retry */
#define CP_TIMEOUT_S 1     /* the CodePipeline client's timeout here (whole seconds) */
#define CP_SLOW_MS  2000   /* past it */
#define GIT_SLOW_MS 1000   /* libgit2 1.5 has no timeout: a slow server only makes it wait */
#define NO_EXECUTION "00000000-0000-4000-8000-000000000000"

/* ------------------------------------------------------------------------------------------ */
/* The world the cases share                                                                  */
/* ------------------------------------------------------------------------------------------ */

static struct
{
  SluiceTestEmulator  *emulator;
  SluiceAccount       *account;
  SluiceDataallClient *client;
  SoupSession         *browser;
  SluicePipeline      *pipeline;       /* customer-360: CREATE_COMPLETE, with stages */
  char                *cicd_uri;
  char                *dev_uri;
  guint                serial;
  /* CodePipeline: customer-360's, with its keys from data.all */
  SluiceCodePipelineClient *codepipeline;
  char                *cp_name;
  char                *cp_stage;       /* a stage with an inbound transition */
  /* git: customer-360's CodeCommit repository */
  SluiceGitRemote     *git;
  char                *git_prefix;     /* "/v1/repos/<repo>/", what its faults match */
  char                *tmp;
} world;

/* What one case prepares before the fault is injected (a pipeline to delete, say). */
typedef struct
{
  char *pipeline_uri;
  char *stage_uri;
} Scratch;

static void
scratch_clear (Scratch *scratch)
{
  g_clear_pointer (&scratch->pipeline_uri, g_free);
  g_clear_pointer (&scratch->stage_uri, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scratch, scratch_clear)

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*slot == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*slot);
  return *slot;
}

/* ------------------------------------------------------------------------------------------ */
/* The operations: one row per public data.all call                                           */
/* ------------------------------------------------------------------------------------------ */

typedef void     (*PrepareFunc) (Scratch *scratch);
typedef void     (*RunFunc)     (Scratch *scratch, GAsyncReadyCallback callback, gpointer data);
typedef gboolean (*FinishFunc)  (GAsyncResult *result, GError **error);

typedef enum
{
  TRANSPORT_DATAALL,        /* GraphQL through API Gateway */
  TRANSPORT_CODEPIPELINE,   /* AWS JSON 1.1, SigV4 with the pipeline's keys */
  TRANSPORT_GIT,            /* CodeCommit's git smart HTTP through libgit2 */
} Transport;

#define SUCCEEDS (-1)

typedef struct
{
  const char  *name;        /* the test path's element */
  const char  *operation;   /* what the emulator matches: operationName, X-Amz-Target's, git's */
  gboolean     mutation;
  PrepareFunc  prepare;
  RunFunc      run;
  FinishFunc   finish;
  Transport    transport;
  int          after_renewal; /* CodePipeline: what the call ends in once its keys are renewed */
} Operation;

static void
prepare_pipeline (Scratch *scratch)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autofree char *label = g_strdup_printf ("fault-matrix-%u", ++world.serial);
  SluicePipelineSpec spec = {
    .label = label, .environment_uri = world.cicd_uri, .team = "DataEngineers",
    .dev_strategy = "trunk",
  };

  sluice_dataall_client_create_pipeline_async (world.client, &spec, NULL, got_result_cb, &result);
  pipeline = sluice_dataall_client_create_pipeline_finish (world.client, wait_result (&result),
                                                           &error);
  g_assert_no_error (error);
  scratch->pipeline_uri = g_strdup (sluice_pipeline_get_uri (pipeline));
}

static void
prepare_stage (Scratch *scratch)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStage) stage = NULL;
  SluiceStageSpec spec;

  prepare_pipeline (scratch);
  spec = (SluiceStageSpec) { scratch->pipeline_uri, "dev", 1, world.dev_uri, "DEV", "DataEngineers" };
  sluice_dataall_client_create_stage_async (world.client, &spec, NULL, got_result_cb, &result);
  stage = sluice_dataall_client_create_stage_finish (world.client, wait_result (&result), &error);
  g_assert_no_error (error);
  scratch->stage_uri = g_strdup (sluice_stage_get_uri (stage));
}

#define FINISH_OBJECT(fn)                                                                 \
  static gboolean finish_##fn (GAsyncResult *result, GError **error)                       \
  {                                                                                        \
    g_autoptr(GObject) object = (GObject *) sluice_dataall_client_##fn##_finish (world.client, \
                                                                   result, error);          \
    return object != NULL;                                                                 \
  }
#define FINISH_ARRAY(fn)                                                                  \
  static gboolean finish_##fn (GAsyncResult *result, GError **error)                       \
  {                                                                                        \
    g_autoptr(GPtrArray) array = sluice_dataall_client_##fn##_finish (world.client, result, error); \
    return array != NULL;                                                                  \
  }
#define FINISH_BOOLEAN(fn)                                                                \
  static gboolean finish_##fn (GAsyncResult *result, GError **error)                       \
  {                                                                                        \
    return sluice_dataall_client_##fn##_finish (world.client, result, error);             \
  }

FINISH_OBJECT (get_pipeline)
FINISH_OBJECT (create_pipeline)
FINISH_OBJECT (update_pipeline)
FINISH_BOOLEAN (delete_pipeline)
FINISH_OBJECT (create_stage)
FINISH_OBJECT (update_stage)
FINISH_BOOLEAN (delete_stage)
FINISH_OBJECT (list_environments)
FINISH_OBJECT (get_environment)
FINISH_OBJECT (list_teams)
FINISH_OBJECT (list_datasets)
FINISH_OBJECT (get_stack)
FINISH_OBJECT (update_stack)
FINISH_ARRAY (get_stack_logs)
FINISH_ARRAY (list_tags)
FINISH_ARRAY (update_tags)

static gboolean
finish_get_credentials (GAsyncResult *result, GError **error)
{
  g_autofree char *json = sluice_dataall_client_get_credentials_finish (world.client, result, error);

  return json != NULL;
}

static gboolean
finish_probe_pipelines (GAsyncResult *result, GError **error)
{
  gboolean enabled = FALSE;
  guint count = 0;

  if (!sluice_dataall_client_probe_pipelines_finish (world.client, result, &enabled, &count, error))
    return FALSE;
  g_assert_true (enabled);
  return TRUE;
}

static SluicePipelineList *current_list;

static void
run_list_pipelines (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(JsonObject) filter = json_object_new ();

  current_list = sluice_pipeline_list_new ();
  sluice_pipeline_list_load_async (current_list, world.client, filter, NULL, cb, data);
}

static gboolean
finish_list_pipelines (GAsyncResult *result, GError **error)
{
  g_autoptr(SluicePipelineList) list = g_steal_pointer (&current_list);

  return sluice_pipeline_list_load_finish (list, result, error);
}

static void
run_probe_pipelines (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_probe_pipelines_async (world.client, NULL, cb, data);
}

static void
run_get_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_pipeline_async (world.client, sluice_pipeline_get_uri (world.pipeline),
                                            NULL, cb, data);
}

static void
run_get_credentials (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_credentials_async (world.client, sluice_pipeline_get_uri (world.pipeline),
                                               NULL, cb, data);
}

static void
run_create_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autofree char *label = g_strdup_printf ("fault-matrix-%u", ++world.serial);
  const char *tags[] = { "faults", NULL };
  SluicePipelineSpec spec = {
    .label = label, .environment_uri = world.cicd_uri, .team = "DataEngineers",
    .dev_strategy = "trunk", .description = "Made by the fault matrix", .tags = tags,
  };

  sluice_dataall_client_create_pipeline_async (world.client, &spec, NULL, cb, data);
}

static void
run_update_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  const char *tags[] = { "renamed", NULL };

  sluice_dataall_client_update_pipeline_async (world.client, s->pipeline_uri, "fault-renamed",
                                               "Renamed by the fault matrix", tags, NULL, cb, data);
}

static void
run_delete_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_delete_pipeline_async (world.client, s->pipeline_uri, TRUE, NULL, cb, data);
}

static void
run_create_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  SluiceStageSpec spec = { s->pipeline_uri, "dev", 1, world.dev_uri, "DEV", "DataEngineers" };

  sluice_dataall_client_create_stage_async (world.client, &spec, NULL, cb, data);
}

static void
run_update_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  SluiceStageSpec spec = { s->pipeline_uri, "dev", 2, world.dev_uri, "DEV", "DataEngineers" };

  sluice_dataall_client_update_stage_async (world.client, &spec, NULL, cb, data);
}

static void
run_delete_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_delete_stage_async (world.client, s->stage_uri, NULL, cb, data);
}

static void
run_list_environments (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_environments_async (world.client, NULL, cb, data);
}

static void
run_get_environment (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_environment_async (world.client, world.dev_uri, NULL, cb, data);
}

static void
run_list_teams (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_teams_async (world.client, world.dev_uri, NULL, cb, data);
}

static void
run_list_datasets (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_datasets_async (world.client, world.dev_uri, "DataEngineers", NULL,
                                             cb, data);
}

static void
run_get_stack (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_stack_async (world.client, world.pipeline, NULL, cb, data);
}

static void
run_update_stack (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_update_stack_async (world.client, world.pipeline, NULL, cb, data);
}

static void
run_get_stack_logs (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_get_stack_logs_async (world.client, world.pipeline, NULL, cb, data);
}

static void
run_list_tags (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_dataall_client_list_tags_async (world.client, sluice_pipeline_get_uri (world.pipeline),
                                         NULL, cb, data);
}

static void
run_update_tags (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_key_value_tag_free);

  g_ptr_array_add (tags, sluice_key_value_tag_new ("cost-centre", "faults", FALSE));
  sluice_dataall_client_update_tags_async (world.client, s->pipeline_uri, tags, NULL, cb, data);
}


/* -- CodePipeline: the Stages tab's calls, on customer-360's pipeline -- */

#define CP_FINISH(fn, type)                                                                \
  static gboolean finish_cp_##fn (GAsyncResult *result, GError **error)                    \
  {                                                                                        \
    g_autoptr(type) out = sluice_codepipeline_client_##fn##_finish (world.codepipeline,    \
                                                                    result, error);        \
    return out != NULL;                                                                    \
  }

CP_FINISH (get_pipeline, SluiceCodePipelineDefinition)
CP_FINISH (get_pipeline_state, SluiceCodePipelineState)
#define CP_FINISH_ID(fn)                                                                   \
  static gboolean finish_cp_##fn (GAsyncResult *result, GError **error)                    \
  {                                                                                        \
    g_autofree char *id = sluice_codepipeline_client_##fn##_finish (world.codepipeline,    \
                                                                    result, error);        \
    return id != NULL;                                                                     \
  }

CP_FINISH_ID (start_pipeline_execution)
CP_FINISH_ID (retry_stage_execution)
CP_FINISH_ID (stop_pipeline_execution)

static gboolean
finish_cp_list_pipelines (GAsyncResult *result, GError **error)
{
  g_autoptr(GPtrArray) pipelines = NULL;

  pipelines = sluice_codepipeline_client_list_pipelines_finish (world.codepipeline, result, NULL,
                                                                error);
  return pipelines != NULL;
}

static gboolean
finish_cp_list_executions (GAsyncResult *result, GError **error)
{
  g_autoptr(GPtrArray) executions = NULL;

  executions = sluice_codepipeline_client_list_pipeline_executions_finish (world.codepipeline,
                                                                           result, NULL, error);
  return executions != NULL;
}

static gboolean
finish_cp_put_approval_result (GAsyncResult *result, GError **error)
{
  return sluice_codepipeline_client_put_approval_result_finish (world.codepipeline, result, NULL,
                                                                error);
}

static gboolean
finish_cp_set_stage_transition (GAsyncResult *result, GError **error)
{
  return sluice_codepipeline_client_set_stage_transition_finish (world.codepipeline, result, error);
}

#define finish_cp_start_execution   finish_cp_start_pipeline_execution
#define finish_cp_retry_stage       finish_cp_retry_stage_execution
#define finish_cp_stop_execution    finish_cp_stop_pipeline_execution
#define finish_cp_disable_transition finish_cp_set_stage_transition
#define finish_cp_enable_transition finish_cp_set_stage_transition

static void
run_cp_list_pipelines (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_list_pipelines_async (world.codepipeline, NULL, NULL, cb, data);
}

static void
run_cp_get_pipeline (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_get_pipeline_async (world.codepipeline, world.cp_name, 0, NULL, cb,
                                                 data);
}

static void
run_cp_get_pipeline_state (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_get_pipeline_state_async (world.codepipeline, world.cp_name, NULL, cb,
                                                       data);
}

static void
run_cp_list_executions (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_list_pipeline_executions_async (world.codepipeline, world.cp_name, 10,
                                                             NULL, NULL, cb, data);
}

static void
run_cp_put_approval_result (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_put_approval_result_async (world.codepipeline, world.cp_name,
                                                        world.cp_stage, world.cp_stage,
                                                        "not-a-token", TRUE, "Fault matrix",
                                                        NULL, cb, data);
}

static void
run_cp_start_execution (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_start_pipeline_execution_async (world.codepipeline, world.cp_name,
                                                             NULL, cb, data);
}

static void
run_cp_retry_stage (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_retry_stage_execution_async (world.codepipeline, world.cp_name,
                                                          world.cp_stage, NO_EXECUTION, FALSE,
                                                          NULL, cb, data);
}

static void
run_cp_stop_execution (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_stop_pipeline_execution_async (world.codepipeline, world.cp_name,
                                                            NO_EXECUTION, FALSE, "Fault matrix",
                                                            NULL, cb, data);
}

static void
run_cp_disable_transition (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_set_stage_transition_async (world.codepipeline, world.cp_name,
                                                         world.cp_stage,
                                                         SLUICE_CODEPIPELINE_TRANSITION_INBOUND,
                                                         FALSE, "Fault matrix", NULL, cb, data);
}

static void
run_cp_enable_transition (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_codepipeline_client_set_stage_transition_async (world.codepipeline, world.cp_name,
                                                         world.cp_stage,
                                                         SLUICE_CODEPIPELINE_TRANSITION_INBOUND,
                                                         TRUE, NULL, NULL, cb, data);
}

/* -- git: the clone and the branches and commits of the Deployment and Stages tabs -- */

/* Keys the emulator accepts before each case: a CodePipeline `expire-tokens` case expires
 * every key it issued, the git remote's too, whose renewal is not this case's. */
static void
prepare_git (Scratch *scratch)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;

  sluice_git_remote_list_branches_async (world.git, NULL, got_result_cb, &result);
  branches = sluice_git_remote_list_branches_finish (world.git, wait_result (&result), NULL,
                                                     &error);
  g_assert_no_error (error);
}

static void
run_git_clone (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autofree char *dir = g_strdup_printf ("%s/clone-%u", world.tmp, ++world.serial);

  sluice_git_remote_clone_async (world.git, dir, NULL, NULL, NULL, NULL, NULL, cb, data);
}

static gboolean
finish_git_clone (GAsyncResult *result, GError **error)
{
  return sluice_git_remote_clone_finish (world.git, result, error);
}

static void
run_git_list_branches (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  sluice_git_remote_list_branches_async (world.git, NULL, cb, data);
}

static gboolean
finish_git_list_branches (GAsyncResult *result, GError **error)
{
  g_auto(GStrv) branches = sluice_git_remote_list_branches_finish (world.git, result, NULL, error);

  return branches != NULL;
}

static void
run_git_create_branch (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autofree char *name = g_strdup_printf ("fault-matrix-%u", ++world.serial);

  sluice_git_remote_create_branch_async (world.git, name, "main", NULL, cb, data);
}

static gboolean
finish_git_create_branch (GAsyncResult *result, GError **error)
{
  return sluice_git_remote_create_branch_finish (world.git, result, error);
}

static void
run_git_commit_file (Scratch *s, GAsyncReadyCallback cb, gpointer data)
{
  g_autofree char *path = g_strdup_printf ("faults/case-%u.txt", ++world.serial);
  g_autoptr(GBytes) contents = g_bytes_new_static ("survived\n", 9);

  sluice_git_remote_commit_file_async (world.git, "main", NULL, path, contents,
                                       "Fault matrix", "Fault Matrix", ENGINEER, NULL, cb, data);
}

static gboolean
finish_git_commit_file (GAsyncResult *result, GError **error)
{
  g_autofree char *sha = sluice_git_remote_commit_file_finish (world.git, result, error);

  return sha != NULL;
}

#define OP(name, op, mutation, prepare) \
  { #name, op, mutation, prepare, run_##name, finish_##name, TRANSPORT_DATAALL, SUCCEEDS }
#define CP(name, op, mutation, after) \
  { "codepipeline_" #name, op, mutation, NULL, run_cp_##name, finish_cp_##name, \
    TRANSPORT_CODEPIPELINE, after }
#define GIT(name, op, mutation) \
  { "git_" #name, op, mutation, prepare_git, run_git_##name, finish_git_##name, TRANSPORT_GIT, SUCCEEDS }

static const Operation operations[] = {
  OP (probe_pipelines,   "ListDataPipelinesCount",          FALSE, NULL),
  OP (list_pipelines,    "ListDataPipelines",               FALSE, NULL),
  OP (get_pipeline,      "GetDataPipeline",                 FALSE, NULL),
  OP (get_credentials,   "GetDataPipelineCredsLinux",       FALSE, NULL),
  OP (list_environments, "ListValidEnvironments",           FALSE, NULL),
  OP (get_environment,   "getEnvironment",                  FALSE, NULL),
  OP (list_teams,        "listEnvironmentGroups",           FALSE, NULL),
  OP (list_datasets,     "listS3DatasetsOwnedByEnvGroup",   FALSE, NULL),
  OP (get_stack,         "getStack",                        FALSE, NULL),
  OP (get_stack_logs,    "getStackLogs",                    FALSE, NULL),
  OP (list_tags,         "listKeyValueTags",                FALSE, NULL),
  OP (create_pipeline,   "CreateDataPipeline",              TRUE,  NULL),
  OP (update_pipeline,   "UpdateDataPipeline",              TRUE,  prepare_pipeline),
  OP (delete_pipeline,   "deleteDataPipeline",              TRUE,  prepare_pipeline),
  OP (create_stage,      "createDataPipelineEnvironment",   TRUE,  prepare_pipeline),
  OP (update_stage,      "updateDataPipelineEnvironment",   TRUE,  prepare_stage),
  OP (delete_stage,      "deleteDataPipelineEnvironment",   TRUE,  prepare_stage),
  OP (update_stack,      "updateStack",                     TRUE,  NULL),
  OP (update_tags,       "updateKeyValueTags",              TRUE,  prepare_pipeline),
  /* CodePipeline; after_renewal: an argument that names nothing ends in its own error */
  CP (list_pipelines,        "ListPipelines",           FALSE, SUCCEEDS),
  CP (get_pipeline,          "GetPipeline",             FALSE, SUCCEEDS),
  CP (get_pipeline_state,    "GetPipelineState",        FALSE, SUCCEEDS),
  CP (list_executions,       "ListPipelineExecutions",  FALSE, SUCCEEDS),
  CP (put_approval_result,   "PutApprovalResult",       TRUE,  SLUICE_CODEPIPELINE_ERROR_ACTION_NOT_FOUND),
  CP (start_execution,       "StartPipelineExecution",  TRUE,  SUCCEEDS),
  CP (retry_stage,           "RetryStageExecution",     TRUE,  SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND),
  CP (stop_execution,        "StopPipelineExecution",   TRUE,  SLUICE_CODEPIPELINE_ERROR_EXECUTION_NOT_FOUND),
  CP (disable_transition,    "DisableStageTransition",  TRUE,  SUCCEEDS),
  CP (enable_transition,     "EnableStageTransition",   TRUE,  SUCCEEDS),
  /* git: `operation` is the request a fault on a mutation's push aims at */
  GIT (clone,                "info/refs",               FALSE),
  GIT (list_branches,        "info/refs",               FALSE),
  GIT (create_branch,        "git-receive-pack",        TRUE),
  GIT (commit_file,          "git-receive-pack",        TRUE),
};

/* ------------------------------------------------------------------------------------------ */
/* The faults: one column per kind, with what the client documents for it                     */
/* ------------------------------------------------------------------------------------------ */


#define AFTER_RENEWAL (-2) /* the operation's own after_renewal */

typedef struct
{
  const char *kind;         /* the emulator's fault kind */
  guint       count;        /* how many matching requests it hits */
  int         code;         /* in the transport's error domain, SUCCEEDS or AFTER_RENEWAL */
  guint       query_requests;    /* data.all, CodePipeline: the operation's requests; git: */
  guint       mutation_requests; /* info/refs of a query, pushes (git-receive-pack) of a mutation */
  guint       renewals;     /* CodePipeline, git: the pipeline's keys fetched again from data.all */
  gboolean    at_push;      /* git: on a mutation, the fault hits its push, not its first request */
  const char *why;
} Fault;

static const Fault dataall_faults[] = {
  { "slow",          PERSISTENT, SLUICE_DATAALL_ERROR_TIMEOUT,         1, 1, 0, FALSE,
    "a timeout is not retried: the server may still be working on it" },
  { "http500",       PERSISTENT, SLUICE_DATAALL_ERROR_SERVER,          1 + MAX_RETRIES, 1, 0, FALSE,
    "5xx: queries retried with backoff, mutations never" },
  { "malformed",     PERSISTENT, SLUICE_DATAALL_ERROR_SERVER,          1, 1, 0, FALSE,
    "a 200 that is not JSON is an answer: not retried" },
  { "drop",          PERSISTENT, SLUICE_DATAALL_ERROR_NETWORK,         1 + MAX_RETRIES, 1, 0, FALSE,
    "a dropped connection: queries retried, mutations never" },
  { "reauth",        PERSISTENT, SLUICE_DATAALL_ERROR_REAUTH_REQUIRED, 1, 1, 0, FALSE,
    "401 REAUTH: the user must sign in again; not retried" },
  { "expire-tokens", 1,          SUCCEEDS,                             2, 2, 0, FALSE,
    "the gateway refuses the expired token; renewed once and the call completes" },
  { "forbidden",     PERSISTENT, SLUICE_DATAALL_ERROR_NOT_SIGNED_IN,   2, 2, 0, FALSE,
    "403 from the gateway: one renewal and one resend (never reached data.all), then not signed in" },
  { "throttle",      PERSISTENT, SLUICE_DATAALL_ERROR_SERVER,          1 + MAX_RETRIES, 1, 0, FALSE,
    "429 from the gateway: queries retried, mutations never" },
};

/* AWS JSON 1.1 as CodePipeline answers: no sign-in of its own, so no REAUTH column. The client
 * retries nothing but a refusal of its keys, once, after renewing them. */
static const Fault codepipeline_faults[] = {
  { "slow",          PERSISTENT, SLUICE_CODEPIPELINE_ERROR_NETWORK,      1, 1, 0, FALSE,
    "past the timeout: not retried, a mutation may have happened" },
  { "http500",       PERSISTENT, SLUICE_CODEPIPELINE_ERROR_SERVER,       1, 1, 0, FALSE,
    "500 InternalFailure: said, not retried" },
  { "malformed",     PERSISTENT, SLUICE_CODEPIPELINE_ERROR_SERVER,       1, 1, 0, FALSE,
    "a 200 that is not JSON: cannot be read" },
  { "drop",          PERSISTENT, SLUICE_CODEPIPELINE_ERROR_NETWORK,      1, 1, 0, FALSE,
    "a dropped connection: not retried" },
  { "expire-tokens", 1,          AFTER_RENEWAL,                          2, 2, 1, FALSE,
    "ExpiredTokenException: the keys renewed once through data.all, the call sent again" },
  { "forbidden",     PERSISTENT, SLUICE_CODEPIPELINE_ERROR_KEYS_REFUSED, 2, 2, 1, FALSE,
    "403 AccessDeniedException: one renewal and one resend (refused before it ran), then said" },
  { "throttle",      PERSISTENT, SLUICE_CODEPIPELINE_ERROR_THROTTLED,    1, 1, 0, FALSE,
    "400 ThrottlingException: said, not retried" },
};

/* Git smart HTTP as CodeCommit answers: no JSON to mangle, and libgit2 1.5 has no timeout. */
static const Fault git_faults[] = {
  { "slow",          1,          SUCCEEDS,                     2, 1, 0, TRUE,
    "no timeout in libgit2 1.5: a slow answer is waited for (cancellable)" },
  { "http500",       PERSISTENT, SLUICE_GIT_ERROR_FAILED,      1, 1, 0, TRUE,
    "500: said, not retried; a push never sent twice" },
  { "drop",          PERSISTENT, SLUICE_GIT_ERROR_FAILED,      1, 1, 0, TRUE,
    "a dropped connection: said, not retried; a push never sent twice" },
  { "forbidden",     PERSISTENT, SLUICE_GIT_ERROR_AUTH,        2, 0, 1, FALSE,
    "403, the keys refused: one renewal and one retry (nothing was pushed), then said" },
  { "reauth",        PERSISTENT, SLUICE_GIT_ERROR_AUTH,        4, 0, 1, FALSE,
    "401 with a challenge: one renewal and one retry (nothing was pushed), then said" },
};

typedef struct
{
  const Fault *faults;
  guint        n_faults;
  const char  *name;
} FaultTable;

static const FaultTable fault_tables[] = {
  [TRANSPORT_DATAALL]      = { dataall_faults, G_N_ELEMENTS (dataall_faults), "data.all" },
  [TRANSPORT_CODEPIPELINE] = { codepipeline_faults, G_N_ELEMENTS (codepipeline_faults), "CodePipeline" },
  [TRANSPORT_GIT]          = { git_faults, G_N_ELEMENTS (git_faults), "git" },
};

/* ------------------------------------------------------------------------------------------ */
/* One case                                                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  const Operation *operation;
  const Fault     *fault;
} Case;

static JsonNode *
emulator_get (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = sluice_test_emulator_request (world.emulator, "GET", path, NULL,
                                                          NULL, &error);

  g_assert_no_error (error);
  return json_from_string (answer, &error);
}

static gint64
request_count (const char *operation)
{
  g_autoptr(JsonNode) state = emulator_get ("/_emulator/state");
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");

  return json_object_get_int_member_with_default (requests, operation, 0);
}

static void
clear_faults (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = sluice_test_emulator_request (world.emulator, "DELETE",
                                                          "/_emulator/faults", NULL, NULL, &error);

  g_assert_no_error (error);
}

/* git's requests are counted per path: a query's attempts (info/refs), a mutation's pushes. */
static gint64
git_request_count (gboolean pushes)
{
  g_autoptr(JsonNode) state = emulator_get ("/_emulator/state");
  JsonObject *requests = json_object_get_object_member (json_node_get_object (state), "requests");
  g_autofree char *path = g_strconcat (world.git_prefix, pushes ? "git-receive-pack" : "info/refs",
                                       NULL);

  return json_object_get_int_member_with_default (requests, path, 0);
}

static gint64
count_requests (const Operation *operation)
{
  if (operation->transport == TRANSPORT_GIT)
    return git_request_count (operation->mutation);
  return request_count (operation->operation);
}

static GQuark
domain_of (Transport transport)
{
  switch (transport)
    {
    case TRANSPORT_CODEPIPELINE:
      return SLUICE_CODEPIPELINE_ERROR;
    case TRANSPORT_GIT:
      return SLUICE_GIT_ERROR;
    case TRANSPORT_DATAALL:
    default:
      return SLUICE_DATAALL_ERROR;
    }
}

static char *
fault_spec (const Case *c)
{
  const Operation *op = c->operation;
  const Fault *fault = c->fault;
  g_autofree char *match = NULL;
  guint delay = 0;

  if (op->transport == TRANSPORT_GIT)
    match = fault->at_push && op->mutation ? g_strconcat (world.git_prefix, op->operation, NULL)
                                           : g_strdup (world.git_prefix);
  else
    match = g_strdup (op->operation);
  if (g_str_equal (fault->kind, "slow"))
    delay = op->transport == TRANSPORT_DATAALL      ? SLOW_MS
          : op->transport == TRANSPORT_CODEPIPELINE ? CP_SLOW_MS
                                                    : GIT_SLOW_MS;
  return g_strdup_printf ("{\"kind\": \"%s\", \"match\": \"%s\", \"count\": %u, \"delay_ms\": %u}",
                          fault->kind, match, fault->count, delay);
}

/* A sentence for people: its own words, never the server's JSON, HTTP or libgit2's text. */
static void
assert_sentence (const Case   *c,
                 const GError *error)
{
  const char *detail = NULL;

  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_ascii_isupper (error->message[0]) || g_str_has_prefix (error->message, "data.all"));
  g_assert_null (strchr (error->message, '{'));
  g_assert_null (strstr (error->message, "HTTP"));
  g_assert_null (strstr (error->message, "http status"));
  g_assert_null (strstr (error->message, "status code"));
  /* CodePipeline's sentences are phrases without a full stop (as the Stages tab shows them). */
  if (c->operation->transport != TRANSPORT_CODEPIPELINE)
    g_assert_true (g_str_has_suffix (error->message, "."));
  if (c->operation->transport == TRANSPORT_CODEPIPELINE)
    detail = sluice_codepipeline_error_get_detail (error);
  else if (c->operation->transport == TRANSPORT_GIT)
    detail = sluice_git_error_get_detail (error);
  if (detail != NULL && *detail != '\0')
    g_assert_null (strstr (error->message, detail));
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  const Operation *op = c->operation;
  g_auto(Scratch) scratch = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fault_error = NULL;
  g_autofree char *spec = NULL;
  gint64 before, after, renewals_before, renewals;
  guint git_renewals;
  guint expected;
  int code;
  gboolean ok;

  clear_faults ();
  if (op->prepare != NULL)
    op->prepare (&scratch);

  git_renewals = sluice_git_remote_get_n_renewals (world.git);
  before = count_requests (op);
  renewals_before = request_count ("GetDataPipelineCredsLinux");
  spec = fault_spec (c);
  sluice_test_emulator_add_fault (world.emulator, spec, &fault_error);
  g_assert_no_error (fault_error);

  op->run (&scratch, got_result_cb, &result);
  ok = op->finish (wait_result (&result), &error);

  clear_faults ();
  after = count_requests (op);
  renewals = request_count ("GetDataPipelineCredsLinux") - renewals_before;
  expected = op->mutation ? c->fault->mutation_requests : c->fault->query_requests;
  g_test_message ("%s × %s: %s; %" G_GINT64_FORMAT " request(s), %" G_GINT64_FORMAT
                  " renewal(s); %s", op->name, c->fault->kind,
                  error ? error->message : "completed", after - before, renewals, c->fault->why);

  code = c->fault->code == AFTER_RENEWAL ? op->after_renewal : c->fault->code;
  if (code == SUCCEEDS)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, domain_of (op->transport), code);
      assert_sentence (c, error);
    }
  g_assert_cmpint (after - before, ==, expected);
  if (op->transport != TRANSPORT_DATAALL)
    g_assert_cmpint (renewals, ==, c->fault->renewals);
  if (op->transport == TRANSPORT_GIT)
    g_assert_cmpuint (sluice_git_remote_get_n_renewals (world.git) - git_renewals, ==,
                      c->fault->renewals);
  /* The gateway's refusals never end the sign-in: its refresh token still works. */
  g_assert_cmpint (sluice_account_get_state (world.account), ==, SLUICE_ACCOUNT_SIGNED_IN);
}

/* ------------------------------------------------------------------------------------------ */
/* Set-up: a full sign-in (so that the account holds a refresh token)                          */
/* ------------------------------------------------------------------------------------------ */

static void
browser_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
}

/* The stand-in browser: the emulator (--auto-approve) redirects it to Sluice's loopback. */
static gboolean
stand_in_browser (const char  *uri,
                  gpointer     user_data,
                  GError     **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  soup_session_send_and_read_async (world.browser, msg, G_PRIORITY_DEFAULT, NULL,
                                    browser_loaded_cb, NULL);
  return TRUE;
}

/* customer-360's CodePipeline and repository, with its keys fetched once before the cases. */
static void
set_up_codepipeline_and_git (void)
{
  SluiceEnvironment *environment = sluice_pipeline_get_environment (world.pipeline);
  g_autoptr(GAsyncResult) state_result = NULL;
  g_autoptr(GAsyncResult) git_result = NULL;
  g_autoptr(SluiceCodePipelineState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;

  g_assert_nonnull (environment);
  /* both through the emulator's ports: CodePipeline through the account's AWS endpoint */
  sluice_account_set_aws_endpoint (world.account, sluice_test_emulator_get_url (world.emulator));
  g_setenv ("AWS_ENDPOINT_URL_CODECOMMIT", sluice_test_emulator_get_codecommit (world.emulator), TRUE);
  world.codepipeline = sluice_codepipeline_client_new (world.account,
                                                       sluice_pipeline_get_uri (world.pipeline),
                                                       sluice_pipeline_get_label (world.pipeline),
                                                       sluice_environment_get_aws_account_id (environment),
                                                       sluice_environment_get_region (environment));
  sluice_codepipeline_client_set_timeout (world.codepipeline, CP_TIMEOUT_S);
  world.cp_name = g_strdup_printf ("dataall-%s-%s", sluice_pipeline_get_label (world.pipeline),
                                   sluice_pipeline_get_uri (world.pipeline));
  sluice_codepipeline_client_get_pipeline_state_async (world.codepipeline, world.cp_name, NULL,
                                                       got_result_cb, &state_result);
  state = sluice_codepipeline_client_get_pipeline_state_finish (world.codepipeline,
                                                                wait_result (&state_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (state->stages->len, >=, 2);
  world.cp_stage = g_strdup (((SluiceCodePipelineStageState *) g_ptr_array_index (state->stages, 1))->name);

  world.tmp = g_dir_make_tmp ("sluice-fault-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  world.git = sluice_git_remote_new_for_pipeline (world.account, world.pipeline, &error);
  g_assert_no_error (error);
  world.git_prefix = g_strdup_printf ("/v1/repos/%s/", sluice_git_remote_get_repository (world.git));
  sluice_git_remote_list_branches_async (world.git, NULL, got_result_cb, &git_result);
  branches = sluice_git_remote_list_branches_finish (world.git, wait_result (&git_result), NULL,
                                                     &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) branches, "main"));
}

static void
set_up_world (void)
{
  const char *args[] = { "--auto-approve", ENGINEER, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) envs_result = NULL;
  g_autoptr(GAsyncResult) pipe_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) environments = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(GAsyncResult) list_result = NULL;

  world.emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  world.browser = soup_session_new_with_options ("user-agent", "stand-in-browser", NULL);

  world.account = sluice_account_new (NULL);
  sluice_account_set_name (world.account, "Fault matrix");
  sluice_account_set_api_url (world.account, sluice_test_emulator_get_url (world.emulator));
  sluice_account_set_provider (world.account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (world.account, sluice_test_emulator_get_oauth (world.emulator));
  sluice_account_set_client_id (world.account, sluice_test_emulator_get_client_id (world.emulator));
  sluice_account_set_redirect_port (world.account, 0);
  sluice_account_sign_in_async (world.account, stand_in_browser, NULL, NULL, got_result_cb, &result);
  g_assert_true (sluice_account_sign_in_finish (world.account, wait_result (&result), &error));
  g_assert_no_error (error);

  world.client = g_object_ref (sluice_account_get_client (world.account));
  sluice_dataall_client_set_max_retries (world.client, MAX_RETRIES);
  sluice_dataall_client_set_test_timing (world.client, TIMEOUT_MS, 20);

  sluice_dataall_client_list_environments_async (world.client, NULL, got_result_cb, &envs_result);
  environments = sluice_dataall_client_list_environments_finish (world.client,
                                                                 wait_result (&envs_result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(SluiceEnvironment) env = g_list_model_get_item (environments, i);

      if (g_str_equal (sluice_environment_get_label (env), "CICD"))
        world.cicd_uri = g_strdup (sluice_environment_get_uri (env));
      else if (g_str_equal (sluice_environment_get_label (env), "DEV"))
        world.dev_uri = g_strdup (sluice_environment_get_uri (env));
    }
  g_assert_nonnull (world.cicd_uri);
  g_assert_nonnull (world.dev_uri);

  sluice_pipeline_list_load_async (list, world.client, filter, NULL, got_result_cb, &list_result);
  g_assert_true (sluice_pipeline_list_load_finish (list, wait_result (&list_result), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (sluice_pipeline_get_label (p), "customer-360"))
        {
          sluice_dataall_client_get_pipeline_async (world.client, sluice_pipeline_get_uri (p),
                                                    NULL, got_result_cb, &pipe_result);
          world.pipeline = sluice_dataall_client_get_pipeline_finish (world.client,
                                                                      wait_result (&pipe_result),
                                                                      &error);
          g_assert_no_error (error);
        }
    }
  g_assert_nonnull (world.pipeline);
  set_up_codepipeline_and_git ();
}

static void
tear_down_world (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sluice_account_sign_out_async (world.account, NULL, got_result_cb, &result);
  sluice_account_sign_out_finish (world.account, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&world.pipeline);
  g_clear_object (&world.client);
  g_clear_object (&world.account);
  g_clear_object (&world.browser);
  g_clear_pointer (&world.cicd_uri, g_free);
  g_clear_pointer (&world.dev_uri, g_free);
  g_clear_object (&world.codepipeline);
  g_clear_object (&world.git);
  g_clear_pointer (&world.cp_name, g_free);
  g_clear_pointer (&world.cp_stage, g_free);
  g_clear_pointer (&world.git_prefix, g_free);
  if (world.tmp != NULL)
    sluice_test_remove_tree (world.tmp);
  g_clear_pointer (&world.tmp, g_free);
  g_clear_pointer (&world.emulator, sluice_test_emulator_stop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  sluice_test_init_core (&argc, &argv);

  for (guint o = 0; o < G_N_ELEMENTS (operations); o++)
    {
      const FaultTable *table = &fault_tables[operations[o].transport];

      for (guint f = 0; f < table->n_faults; f++)
        {
          Case *c = g_new0 (Case, 1);
          g_autofree char *path = g_strdup_printf ("/sluice/fault-matrix/%s/%s",
                                                   operations[o].name, table->faults[f].kind);

          c->operation = &operations[o];
          c->fault = &table->faults[f];
          g_ptr_array_add (cases, c);
          g_test_add_data_func (path, c, test_case);
        }
    }
  /* The closing table: operations × kinds per transport, and the cases in all. */
  for (guint t = 0; t < G_N_ELEMENTS (fault_tables); t++)
    {
      guint n_ops = 0;

      for (guint o = 0; o < G_N_ELEMENTS (operations); o++)
        n_ops += operations[o].transport == t;
      g_test_message ("fault matrix: %s: %u operations × %u fault kinds = %u cases",
                      fault_tables[t].name, n_ops, fault_tables[t].n_faults,
                      n_ops * fault_tables[t].n_faults);
    }
  g_test_message ("fault matrix: %u cases in all", cases->len);

  set_up_world ();
  status = g_test_run ();
  tear_down_world ();
  return status;
}
