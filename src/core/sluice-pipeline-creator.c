/* sluice-pipeline-creator.c: creating a pipeline and its stages, one awaited mutation at a time
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-creator"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sluice-dataall-api.h"
#include "sluice-dataall-error-private.h"
#include "sluice-pipeline-creator.h"
#include "sluice-pipeline-list.h"

/* The create flow: step 0 is createDataPipeline (CreateDataPipeline-legacy when the template
 * or a dataset is filled), then one createDataPipelineEnvironment per stage, in order. The web
 * console fires the stage mutations and forgets them; here each is awaited, and a failure
 * leaves the pipeline and the stages before it in place for a retry.
 *
 * With sluice_pipeline_creator_keep_progress() the draft is saved with how far it got before
 * and after each step, so that a Sluice killed between two steps finds on its next start the
 * pipeline that exists and the stages that do not (sluice_pipeline_creator_new() on that
 * draft resumes there). A stage whose mutation was under way may have been added: a resumed
 * creator asks data.all for the pipeline's stages before adding each one.
 *
 * createDataPipeline itself may reach data.all and Sluice be killed before its answer is
 * saved. Without a clock to go by, the creator lists the pipelines carrying the label just
 * before sending it and saves their URIs with the draft; a creator made from such a draft
 * lists again and adopts the one pipeline with that label, environment and team that was not
 * there before (sluice_pipeline_creator_find_created_async(), or its first step). More than
 * one, it does not guess: the step fails with a sentence, and the user chooses
 * (sluice_pipeline_creator_create_anew()).
 *
 * The same holds while Sluice runs on: createDataPipeline that ends without a certain answer
 * (no answer in time, the connection dropped, HTTP 5xx) may have been carried out, so the
 * retry of that step looks first, with the same listing and the URIs recorded before it was
 * sent, and the draft stays marked as under way, for a next start to look too. A refusal
 * data.all answered (a GraphQL error, a permission, HTTP 4xx) retries as it is. */

struct _SluicePipelineCreator
{
  SluiceStepRunner     parent_instance;

  SluiceDataallClient *client;
  SluicePipelineDraft *draft;
  SluicePipeline      *pipeline;
  GStrv                refused_fields;
  GSettings           *settings;      /* where the progress is kept, or NULL */
  char                *account_id;
  gboolean             resumed;       /* from a draft an earlier run left */
  gboolean             adopt;         /* createDataPipeline was under way when it was left */
  gboolean             adopted;       /* the pipeline is the one that run created */
  gboolean             create_sent;   /* this run of step 0 sent createDataPipeline */
  gboolean             listed;        /* this run of step 0 recorded the labelled pipelines */
  gboolean             uncertain;     /* it failed in this run without a certain answer */
};

G_DEFINE_FINAL_TYPE (SluicePipelineCreator, sluice_pipeline_creator, SLUICE_TYPE_STEP_RUNNER)

static const char * const legacy_fields[] = { "template", "inputDatasetUri", "outputDatasetUri" };
static const char * const module_fields[] = { "createDataPipeline", "createDataPipelineEnvironment" };

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* How GraphQL servers refuse a field of an input object: graphql-core 3, which data.all's
 * ariadne runs ("Field 'template' is not defined by type 'NewDataPipelineInput'."), and
 * graphql-core 2 ("In field \"template\": Unknown field."). The same message quotes the whole
 * input, every field sent included: only these phrases tell which one is refused. */
static gboolean
refuses_field (const char *text,
               const char *field)
{
  g_autofree char *core3_single = g_strdup_printf ("Field '%s' is not defined by type", field);
  g_autofree char *core3_double = g_strdup_printf ("Field \"%s\" is not defined by type", field);
  g_autofree char *core2 = g_strdup_printf ("In field \"%s\": Unknown field", field);

  return strstr (text, core3_single) != NULL || strstr (text, core3_double) != NULL ||
         strstr (text, core2) != NULL;
}

static gboolean
errors_match (const GError *error,
              const char   *field,
              gboolean    (*match) (const char *text,
                                    const char *field))
{
  JsonArray *errors = sluice_dataall_error_get_errors (error);
  const char *detail = sluice_dataall_error_get_detail (error);

  if (detail != NULL && match (detail, field))
    return TRUE;
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      const char *message;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      message = json_object_get_string_member_with_default (json_node_get_object (node),
                                                            "message", NULL);
      if (message != NULL && match (message, field))
        return TRUE;
    }
  return FALSE;
}

/* Which legacy fields the server refused, from its HTTP 400: those it says it does not
 * define, among the ones sent (CreateDataPipeline-legacy asks for none of them in its answer,
 * so the server looks at the input). A refusal in other words that still names them takes
 * every legacy field sent as refused. */
static GStrv
find_refused_fields (SluicePipelineCreator *self,
                     const GError          *error)
{
  g_autoptr(GStrvBuilder) refused = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) sent = g_strv_builder_new ();
  const char *values[] = { sluice_pipeline_draft_get_template (self->draft),
                           sluice_pipeline_draft_get_input_dataset (self->draft),
                           sluice_pipeline_draft_get_output_dataset (self->draft) };
  gboolean any_refused = FALSE;
  gboolean any_named = FALSE;

  if (!g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED) ||
      sluice_dataall_error_get_http_status (error) != 400)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (module_fields); i++)
    if (errors_match (error, module_fields[i], sluice_dataall_error_names_field))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (legacy_fields); i++)
    {
      if (values[i] == NULL)
        continue;
      g_strv_builder_add (sent, legacy_fields[i]);
      any_named |= errors_match (error, legacy_fields[i], sluice_dataall_error_names_field);
      if (errors_match (error, legacy_fields[i], refuses_field))
        {
          g_strv_builder_add (refused, legacy_fields[i]);
          any_refused = TRUE;
        }
    }
  if (any_refused)
    return g_strv_builder_end (refused);
  return any_named ? g_strv_builder_end (sent) : NULL;
}

static char *
legacy_sentence (const char * const *fields)
{
  gboolean template = g_strv_contains (fields, "template");
  gboolean datasets = g_strv_contains (fields, "inputDatasetUri") ||
                      g_strv_contains (fields, "outputDatasetUri");

  if (template && datasets)
    return g_strdup (_("This data.all refused the input and output datasets and the template: "
                       "data.all 1.2 and later no longer accept datasets, and 1.5.2 and later no "
                       "template. You can create the pipeline without them."));
  if (template)
    return g_strdup (_("This data.all refused the template: data.all 1.5.2 and later no longer "
                       "accept one. You can create the pipeline without it."));
  return g_strdup (_("This data.all refused the input and output datasets: data.all 1.2 and "
                     "later no longer accept them. You can create the pipeline without them."));
}

/* Whether createDataPipeline, failing with @error, may still have been carried out: no answer
 * in time, the connection lost, or an answer that is not data.all's refusal (HTTP 5xx, a
 * status or body no GraphQL server sends). A 4xx (the gateway's 403 and 429, data.all's 401
 * maintenance block) and every GraphQL error data.all answered are certain refusals. */
static gboolean
may_have_been_created (const GError *error)
{
  guint status;

  if (error == NULL || error->domain != SLUICE_DATAALL_ERROR)
    return FALSE;
  switch (error->code)
    {
    case SLUICE_DATAALL_ERROR_TIMEOUT:
    case SLUICE_DATAALL_ERROR_NETWORK:
      return TRUE;
    case SLUICE_DATAALL_ERROR_SERVER:
      status = sluice_dataall_error_get_http_status (error);
      return status < 400 || status >= 500;
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Progress                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/* Saves the draft with @n_stages stages added and, when @in_flight, the next step sent; all
 * done, it is discarded. GSettings writes at once (the key file backend replaces its file
 * atomically; dconf's writer does the same). */
static void
keep_progress (SluicePipelineCreator *self,
               guint                  n_stages,
               gboolean               in_flight)
{
  const char *uri = self->pipeline ? sluice_pipeline_get_uri (self->pipeline) : NULL;

  if (self->settings == NULL)
    return;
  if (uri != NULL && n_stages == sluice_pipeline_draft_get_n_stages (self->draft))
    {
      sluice_pipeline_draft_discard (self->settings, self->account_id);
      return;
    }
  sluice_pipeline_draft_set_progress (self->draft, uri, uri ? n_stages : 0, in_flight);
  sluice_pipeline_draft_save (self->draft, self->settings, self->account_id);
}

/* ------------------------------------------------------------------------------------------ */
/* Steps                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
stage_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SluiceStage) stage = NULL;
  GError *error = NULL;

  stage = sluice_dataall_client_create_stage_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (stage == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
create_stage (GTask *task)
{
  SluicePipelineCreator *self = g_task_get_source_object (task);
  guint step = GPOINTER_TO_UINT (g_task_get_task_data (task));
  const SluiceDraftStage *stage = sluice_pipeline_draft_get_stage (self->draft, step - 1);
  SluiceStageSpec spec = {
    .pipeline_uri = sluice_pipeline_get_uri (self->pipeline),
    .stage = stage->name,
    .order = (int) step,
    .environment_uri = stage->environment_uri,
    .environment_label = stage->environment_label ? stage->environment_label
                                                  : stage->environment_uri,
    .team = stage->team,
  };

  sluice_dataall_client_create_stage_async (self->client, &spec, g_task_get_cancellable (task),
                                            stage_created_cb, task);
}

/* A resumed creator's stage: added already (its mutation reached data.all before Sluice was
 * killed), or to be added now. */
static void
existing_stages_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  SluicePipelineCreator *self = g_task_get_source_object (task);
  guint step = GPOINTER_TO_UINT (g_task_get_task_data (task));
  const SluiceDraftStage *wanted = sluice_pipeline_draft_get_stage (self->draft, step - 1);
  g_autoptr(SluicePipeline) pipeline = NULL;
  GError *error = NULL;
  GListModel *stages;

  pipeline = sluice_dataall_client_get_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result,
                                                        &error);
  if (pipeline == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  stages = sluice_pipeline_get_stages (pipeline);
  for (guint i = 0; stages != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);

      if (g_strcmp0 (sluice_stage_get_stage (stage), wanted->name) == 0)
        {
          g_debug ("Stage %s was added before Sluice stopped", wanted->name);
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }
    }
  create_stage (task);
}

static void
pipeline_created_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluicePipeline *pipeline;
  GError *error = NULL;

  pipeline = sluice_dataall_client_create_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result,
                                                           &error);
  if (pipeline == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pipeline, g_object_unref);
}

static void
create_pipeline (GTask *task)
{
  SluicePipelineCreator *self = g_task_get_source_object (task);
  SluicePipelineDraft *draft = self->draft;
  const char *description = sluice_pipeline_draft_get_description (draft);
  SluicePipelineSpec spec = {
    .label = sluice_pipeline_draft_get_name (draft),
    .environment_uri = sluice_pipeline_draft_get_environment_uri (draft),
    .team = sluice_pipeline_draft_get_team (draft),
    .dev_strategy = sluice_dev_strategy_to_string (sluice_pipeline_draft_get_strategy (draft)),
    .description = description ? description : "",
    .tags = sluice_pipeline_draft_get_tags (draft),
    .template = sluice_pipeline_draft_get_template (draft),
    .input_dataset_uri = sluice_pipeline_draft_get_input_dataset (draft),
    .output_dataset_uri = sluice_pipeline_draft_get_output_dataset (draft),
  };

  keep_progress (self, 0, TRUE);
  self->create_sent = TRUE;
  sluice_dataall_client_create_pipeline_async (self->client, &spec, g_task_get_cancellable (task),
                                               pipeline_created_cb, task);
}

/* The pipelines data.all lists under the draft's label: listDataPipelines matches its term
 * as the start of a label or description, so only those with the very label are kept. */
static void
labelled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluicePipelineCreator *self = g_task_get_source_object (task);
  SluicePipelineList *list = SLUICE_PIPELINE_LIST (source);
  const char *label = sluice_pipeline_draft_get_name (self->draft);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  if (!sluice_pipeline_list_load_finish (list, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (sluice_pipeline_get_label (pipeline), label) == 0)
        g_ptr_array_add (found, g_steal_pointer (&pipeline));
    }
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

static void
list_labelled_async (SluicePipelineCreator *self,
                     GCancellable          *cancellable,
                     GAsyncReadyCallback    callback,
                     gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SluicePipelineList) list = sluice_pipeline_list_new ();
  g_autoptr(JsonObject) filter = json_object_new ();

  g_task_set_source_tag (task, list_labelled_async);
  json_object_set_string_member (filter, "term", sluice_pipeline_draft_get_name (self->draft));
  /* One request in all but a crowded data.all. */
  sluice_pipeline_list_set_page_size (list, 100);
  sluice_pipeline_list_load_async (list, self->client, filter, cancellable, labelled_cb,
                                   g_steal_pointer (&task));
}

static GPtrArray *
list_labelled_finish (SluicePipelineCreator  *self,
                      GAsyncResult           *result,
                      GError                **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Of the pipelines with the label, those in the draft's environment and team that were not
 * there before createDataPipeline was sent: the ones the earlier run may have created. */
static GPtrArray *
created_since (SluicePipelineCreator *self,
               GPtrArray             *found)
{
  const char * const *before = sluice_pipeline_draft_get_labelled_before (self->draft);
  GPtrArray *created = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < found->len; i++)
    {
      SluicePipeline *pipeline = g_ptr_array_index (found, i);
      SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);
      const char *uri = sluice_pipeline_get_uri (pipeline);

      if (uri == NULL || (before != NULL && g_strv_contains (before, uri)) ||
          environment == NULL ||
          g_strcmp0 (sluice_environment_get_uri (environment),
                     sluice_pipeline_draft_get_environment_uri (self->draft)) != 0 ||
          g_strcmp0 (sluice_pipeline_get_team (pipeline),
                     sluice_pipeline_draft_get_team (self->draft)) != 0)
        continue;
      g_ptr_array_add (created, g_object_ref (pipeline));
    }
  return created;
}

static GError *
ambiguous_error (SluicePipelineCreator *self,
                 guint                  n)
{
  if (self->uncertain)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                        ngettext ("data.all did not answer whether it created this pipeline, "
                                  "and it now has %u new pipeline named “%s”: Sluice cannot "
                                  "tell whether it created it. Open the list of pipelines to "
                                  "look at it, or create a new one.",
                                  "data.all did not answer whether it created this pipeline, "
                                  "and it now has %u new pipelines named “%s”: Sluice cannot "
                                  "tell which one it created. Open the list of pipelines to "
                                  "look at them, or create a new one.", n),
                        n, sluice_pipeline_draft_get_name (self->draft));
  return g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                      ngettext ("Sluice was closed while creating this pipeline, and data.all "
                                "now has %u new pipeline named “%s”: Sluice cannot tell "
                                "whether it created it. Open the list of pipelines to look at "
                                "it, or create a new one.",
                                "Sluice was closed while creating this pipeline, and data.all "
                                "now has %u new pipelines named “%s”: Sluice cannot tell which "
                                "one it created. Open the list of pipelines to look at them, "
                                "or create a new one.", n),
                      n, sluice_pipeline_draft_get_name (self->draft));
}

/* Takes @pipeline as the one createDataPipeline made before Sluice was closed, or in this
 * run without an answer saying so. */
static void
adopt (SluicePipelineCreator *self,
       SluicePipeline        *pipeline)
{
  g_debug ("Pipeline %s was created before Sluice stopped", sluice_pipeline_get_uri (pipeline));
  g_set_object (&self->pipeline, pipeline);
  self->adopt = FALSE;
  self->adopted = TRUE;
  self->resumed = TRUE;
}

/* Step 0 once the pipelines with the label are known: adopt the one an earlier run created,
 * or record them and create. */
static void
labelled_before_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluicePipelineCreator *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) before = NULL;
  GError *error = NULL;

  found = list_labelled_finish (self, result, &error);
  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->adopt)
    {
      g_autoptr(GPtrArray) created = created_since (self, found);

      if (created->len == 1)
        {
          adopt (self, g_ptr_array_index (created, 0));
          g_task_return_pointer (task, g_object_ref (self->pipeline), g_object_unref);
          return;
        }
      if (created->len > 1)
        {
          g_task_return_error (task, ambiguous_error (self, created->len));
          return;
        }
    }
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (uris, sluice_pipeline_get_uri (g_ptr_array_index (found, i)));
  before = g_strv_builder_end (uris);
  sluice_pipeline_draft_set_labelled_before (self->draft, (const char * const *) before);
  self->adopt = FALSE;
  self->listed = TRUE;
  self->uncertain = FALSE;
  create_pipeline (g_steal_pointer (&task));
}

static void
sluice_pipeline_creator_start_step (SluiceStepRunner    *runner,
                                    guint                step,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (runner);

  if (step == 0)
    {
      GTask *task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, sluice_pipeline_creator_start_step);
      self->create_sent = FALSE;
      self->listed = FALSE;
      /* Only a creator that keeps its progress can be killed and resumed. */
      if (self->settings != NULL || self->adopt)
        list_labelled_async (self, cancellable, labelled_before_cb, task);
      else
        create_pipeline (task);
      return;
    }

  {
    GTask *task = g_task_new (self, cancellable, callback, user_data);

    g_task_set_source_tag (task, sluice_pipeline_creator_start_step);
    g_task_set_task_data (task, GUINT_TO_POINTER (step), NULL);
    keep_progress (self, step - 1, TRUE);
    if (self->resumed)
      sluice_dataall_client_get_pipeline_async (self->client, sluice_pipeline_get_uri (self->pipeline),
                                                cancellable, existing_stages_cb, task);
    else
      create_stage (task);
  }
}

static gboolean
sluice_pipeline_creator_finish_step (SluiceStepRunner  *runner,
                                     guint              step,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (runner);
  g_autoptr(GError) local_error = NULL;

  if (step > 0)
    {
      gboolean ok = g_task_propagate_boolean (G_TASK (result), error);

      keep_progress (self, ok ? step : step - 1, FALSE);
      return ok;
    }

  g_clear_object (&self->pipeline);
  self->pipeline = g_task_propagate_pointer (G_TASK (result), &local_error);
  /* Sent and not answered for certain: data.all may have the pipeline, with the labelled
   * ones recorded before it was sent to tell it from the others. The retry looks first, and
   * the draft stays under way for a next start to look too. */
  if (self->pipeline == NULL && self->create_sent)
    {
      self->uncertain = self->listed && may_have_been_created (local_error);
      self->adopt = self->uncertain;
      if (self->uncertain)
        g_debug ("createDataPipeline may have been carried out: %s", local_error->message);
    }
  /* Unless it found the pipeline, or several, a failure before createDataPipeline was sent
   * leaves the progress as it was. */
  if (self->create_sent || self->pipeline != NULL)
    keep_progress (self, 0, self->pipeline == NULL && self->uncertain);
  if (self->pipeline != NULL)
    return TRUE;
  /* Known before the step is marked failed, so that whoever watches it sees them. */
  g_clear_pointer (&self->refused_fields, g_strfreev);
  if (self->create_sent && sluice_pipeline_draft_has_legacy_fields (self->draft))
    self->refused_fields = find_refused_fields (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static char *
sluice_pipeline_creator_step_title (SluiceStepRunner *runner,
                                    guint             step)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (runner);
  const SluiceDraftStage *stage;
  const char *name;

  if (step == 0)
    {
      name = sluice_pipeline_draft_get_name (self->draft);
      return g_strdup_printf (_("Create pipeline “%s”"), name ? name : "");
    }
  stage = sluice_pipeline_draft_get_stage (self->draft, step - 1);
  return g_strdup_printf (_("Add stage %u, “%s”, in %s"), step, stage->name ? stage->name : "",
                          stage->environment_label ? stage->environment_label
                          : stage->environment_uri ? stage->environment_uri : "");
}

/* Why a step failed, as a sentence that names the team, environment or field involved. */
static char *
sluice_pipeline_creator_step_message (SluiceStepRunner *runner,
                                      guint             step)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (runner);
  const GError *error = sluice_step_runner_get_step_error (runner, step);
  const SluiceDraftStage *stage;
  const char *label;

  if (error == NULL)
    {
      if (step != 0 || !self->adopted)
        return NULL;
      return self->uncertain
             ? g_strdup (_("data.all had created the pipeline although its answer did not "
                           "arrive. Sluice found it."))
             : g_strdup (_("Sluice found the pipeline it had created before it was closed."));
    }
  if (step == 0 && self->refused_fields != NULL)
    return legacy_sentence ((const char * const *) self->refused_fields);
  if (step == 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return g_strdup (error->message);
  if (step == 0)
    {
      label = sluice_pipeline_draft_get_environment_label (self->draft);
      return sluice_pipeline_describe_error (error, sluice_pipeline_draft_get_team (self->draft),
                                             label ? label
                                             : sluice_pipeline_draft_get_environment_uri (self->draft));
    }
  stage = sluice_pipeline_draft_get_stage (self->draft, step - 1);
  return sluice_pipeline_describe_error (error, stage->team,
                                         stage->environment_label ? stage->environment_label
                                                                  : stage->environment_uri);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_creator_dispose (GObject *object)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->draft);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sluice_pipeline_creator_parent_class)->dispose (object);
}

static void
sluice_pipeline_creator_finalize (GObject *object)
{
  SluicePipelineCreator *self = SLUICE_PIPELINE_CREATOR (object);

  g_clear_pointer (&self->refused_fields, g_strfreev);
  g_free (self->account_id);

  G_OBJECT_CLASS (sluice_pipeline_creator_parent_class)->finalize (object);
}

static void
sluice_pipeline_creator_class_init (SluicePipelineCreatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SluiceStepRunnerClass *runner_class = SLUICE_STEP_RUNNER_CLASS (klass);

  object_class->dispose = sluice_pipeline_creator_dispose;
  object_class->finalize = sluice_pipeline_creator_finalize;

  runner_class->start_step = sluice_pipeline_creator_start_step;
  runner_class->finish_step = sluice_pipeline_creator_finish_step;
  runner_class->dup_step_title = sluice_pipeline_creator_step_title;
  runner_class->dup_step_message = sluice_pipeline_creator_step_message;
}

static void
sluice_pipeline_creator_init (SluicePipelineCreator *self)
{
}

/* Takes up where the draft says an earlier run stopped. */
static void
resume (SluicePipelineCreator *self)
{
  SluiceStepRunner *runner = SLUICE_STEP_RUNNER (self);
  guint n_done = sluice_pipeline_draft_get_n_created_stages (self->draft);
  g_autoptr(JsonObject) json = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (json, "DataPipelineUri",
                                 sluice_pipeline_draft_get_created_uri (self->draft));
  json_object_set_string_member (json, "label", sluice_pipeline_draft_get_name (self->draft));
  self->pipeline = sluice_pipeline_new_from_json (json);
  self->resumed = TRUE;
  sluice_step_runner_restore_step (runner, 0, SLUICE_STEP_DONE, NULL);
  for (guint i = 1; i <= n_done; i++)
    sluice_step_runner_restore_step (runner, i, SLUICE_STEP_DONE, NULL);
  if (n_done + 1 >= sluice_step_runner_get_n_steps (runner))
    return;
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                               sluice_pipeline_draft_get_in_flight (self->draft)
                               ? _("Sluice was closed while adding this stage. Retrying first "
                                   "asks data.all whether it was added.")
                               : _("Sluice was closed before this stage was added."));
  sluice_step_runner_restore_step (runner, n_done + 1, SLUICE_STEP_FAILED, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_creator_new:
 * @client: the data.all client
 * @draft: the draft; the creator works on a copy, so later edits do not change what it sends
 *
 * The create flow as a #SluiceStepRunner: createDataPipeline, then one
 * createDataPipelineEnvironment per stage. It stops at the first failure; running it again
 * resumes with the step that failed.
 *
 * A draft that records a created pipeline (sluice_pipeline_draft_get_created_uri(), left by
 * a run that was killed) gives a creator with that pipeline and its created stages done, and
 * the next stage failed with a sentence saying Sluice stopped: running it adds the rest,
 * after asking data.all which stages it has.
 *
 * A draft left while createDataPipeline was under way, with the pipelines that carried its
 * label then, gives a creator whose first step adopts the pipeline that run created, if
 * data.all has exactly one new: see sluice_pipeline_creator_find_created_async().
 *
 * With sluice_pipeline_creator_keep_progress(), a createDataPipeline that failed without a
 * certain answer (a timeout, a lost connection, HTTP 5xx) is looked for the same way when the
 * creator runs again, before it is sent again.
 */
SluicePipelineCreator *
sluice_pipeline_creator_new (SluiceDataallClient *client,
                             SluicePipelineDraft *draft)
{
  SluicePipelineCreator *self;

  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (client), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE_DRAFT (draft), NULL);

  self = g_object_new (SLUICE_TYPE_PIPELINE_CREATOR, NULL);
  self->client = g_object_ref (client);
  self->draft = sluice_pipeline_draft_copy (draft);
  sluice_step_runner_set_n_steps (SLUICE_STEP_RUNNER (self),
                                  1 + sluice_pipeline_draft_get_n_stages (self->draft));
  if (sluice_pipeline_draft_get_created_uri (self->draft) != NULL)
    resume (self);
  else if (sluice_pipeline_draft_get_in_flight (self->draft) &&
           sluice_pipeline_draft_get_labelled_before (self->draft) != NULL)
    self->adopt = TRUE;
  return self;
}

/**
 * sluice_pipeline_creator_keep_progress:
 * @settings: the application's settings
 * @account_id: the account the draft belongs to
 *
 * From now on, saves the draft with how far creating it got before and after each step
 * (sluice_pipeline_draft_save()), and discards it once everything was created.
 */
void
sluice_pipeline_creator_keep_progress (SluicePipelineCreator *self,
                                       GSettings             *settings,
                                       const char            *account_id)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_CREATOR (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (account_id != NULL);

  g_set_object (&self->settings, settings);
  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
}

static void
found_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SluicePipelineCreator *self = g_task_get_source_object (task);
  SluiceStepRunner *runner = SLUICE_STEP_RUNNER (self);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GError) error = NULL;

  found = list_labelled_finish (self, result, &error);
  if (found == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  created = created_since (self, found);
  if (created->len > 1)
    {
      error = ambiguous_error (self, created->len);
      sluice_step_runner_restore_step (runner, 0, SLUICE_STEP_FAILED, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (created->len == 0)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  adopt (self, g_ptr_array_index (created, 0));
  keep_progress (self, 0, FALSE);
  sluice_step_runner_restore_step (runner, 0, SLUICE_STEP_DONE, NULL);
  if (sluice_step_runner_get_n_steps (runner) > 1)
    {
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                   _("Sluice was closed before this stage was added."));
      sluice_step_runner_restore_step (runner, 1, SLUICE_STEP_FAILED, error);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * sluice_pipeline_creator_find_created_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the outcome
 * @user_data: data for @callback
 *
 * For a creator made from a draft that Sluice left while createDataPipeline was under way
 * (sluice_pipeline_creator_get_needs_lookup()): lists the pipelines with the draft's label and
 * adopts the one in its environment and team that was not there before. Then the first step
 * is done (its message says Sluice found the pipeline), the first stage failed with a
 * sentence saying Sluice stopped, and running the creator adds the stages.
 */
void
sluice_pipeline_creator_find_created_async (SluicePipelineCreator *self,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_CREATOR (self));
  g_return_if_fail (self->adopt);

  list_labelled_async (self, cancellable, found_created_cb,
                       g_task_new (self, cancellable, callback, user_data));
}

/**
 * sluice_pipeline_creator_find_created_finish:
 *
 * Returns: %TRUE when the pipeline was found and adopted; %FALSE without @error when data.all
 *   has none (running the creator creates it); %FALSE with @error when the listing failed or
 *   several new pipelines carry the label (%G_IO_ERROR_EXISTS; the first step then failed with
 *   that sentence: sluice_pipeline_creator_create_anew() or open the list)
 */
gboolean
sluice_pipeline_creator_find_created_finish (SluicePipelineCreator  *self,
                                             GAsyncResult           *result,
                                             GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sluice_pipeline_creator_get_needs_lookup:
 *
 * Returns: whether the draft says createDataPipeline was under way when Sluice stopped, so
 *   that data.all may have the pipeline already
 */
gboolean
sluice_pipeline_creator_get_needs_lookup (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), FALSE);
  return self->adopt;
}

/**
 * sluice_pipeline_creator_create_anew:
 *
 * The user's answer to several new pipelines with the label: the next run creates one more,
 * adopting none.
 */
void
sluice_pipeline_creator_create_anew (SluicePipelineCreator *self)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_CREATOR (self));
  g_return_if_fail (self->pipeline == NULL);

  self->adopt = FALSE;
}

/**
 * sluice_pipeline_creator_is_resumed:
 *
 * Returns: whether the creator goes on with a pipeline an earlier run of Sluice created
 */
gboolean
sluice_pipeline_creator_is_resumed (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), FALSE);
  return self->resumed;
}

/**
 * sluice_pipeline_creator_get_draft:
 *
 * Returns: (transfer none): the creator's copy of the draft
 */
SluicePipelineDraft *
sluice_pipeline_creator_get_draft (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  return self->draft;
}

/**
 * sluice_pipeline_creator_get_pipeline:
 *
 * Returns: (transfer none) (nullable): the pipeline once createDataPipeline succeeded
 */
SluicePipeline *
sluice_pipeline_creator_get_pipeline (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  return self->pipeline;
}

/**
 * sluice_pipeline_creator_get_refused_fields:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the legacy fields
 *   ("template", "inputDatasetUri", "outputDatasetUri") the server refused, %NULL unless the
 *   last failure was such a refusal
 */
const char * const *
sluice_pipeline_creator_get_refused_fields (SluicePipelineCreator *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_CREATOR (self), NULL);
  return (const char * const *) self->refused_fields;
}

/**
 * sluice_pipeline_creator_drop_refused_fields:
 *
 * "Create without them": forgets the legacy fields the server refused (a data.all 1.3 to
 * 1.5.1 keeps the template it takes while the datasets go), so that the next run sends only
 * what the server knows.
 */
void
sluice_pipeline_creator_drop_refused_fields (SluicePipelineCreator *self)
{
  const char * const *refused;

  g_return_if_fail (SLUICE_IS_PIPELINE_CREATOR (self));
  g_return_if_fail (self->pipeline == NULL);

  refused = (const char * const *) self->refused_fields;
  if (refused == NULL)
    return;
  if (g_strv_contains (refused, "template"))
    sluice_pipeline_draft_set_template (self->draft, NULL);
  if (g_strv_contains (refused, "inputDatasetUri"))
    sluice_pipeline_draft_set_input_dataset (self->draft, NULL);
  if (g_strv_contains (refused, "outputDatasetUri"))
    sluice_pipeline_draft_set_output_dataset (self->draft, NULL);
  g_clear_pointer (&self->refused_fields, g_strfreev);
}
