/* fuzz-codepipeline-answer.c: libFuzzer target for AWS CodePipeline's answers
 *
 * Takes an HTTP body as the client does (json-glib into one root), and feeds it to every
 * reader of sluice-codepipeline-answers.c: GetPipelineState, GetPipeline,
 * ListPipelineExecutions, ListPipelines, the mutations' small answers; then to the error
 * reader (sluice-codepipeline-error.c) for each status and `x-amzn-ErrorType` the server may
 * send. What is read is walked (stages, actions, executions) and looked up by name.
 * Criticals and warnings are fatal.
 *
 * Build and run: build-aux/dev fuzz codepipeline-answer; the corpus is replayed by the unit
 * suite.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sluice-codepipeline-client-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
read_state (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceCodePipelineState) state = sluice_codepipeline_state_new_from_json (root, &error);

  g_assert_true ((state == NULL) == (error != NULL));
  if (state == NULL)
    {
      g_assert_true (error->domain == SLUICE_CODEPIPELINE_ERROR);
      return;
    }
  for (guint i = 0; i < state->stages->len; i++)
    {
      SluiceCodePipelineStageState *stage = g_ptr_array_index (state->stages, i);

      g_assert_true (stage->name == NULL ||
                     sluice_codepipeline_state_get_stage (state, stage->name) != NULL);
      sluice_codepipeline_status_to_string (stage->status);
      for (guint j = 0; stage->actions != NULL && j < stage->actions->len; j++)
        {
          SluiceCodePipelineActionState *action = g_ptr_array_index (stage->actions, j);

          if (action->name != NULL)
            g_assert_nonnull (sluice_codepipeline_stage_state_get_action (stage, action->name));
          sluice_codepipeline_status_to_string (action->status);
        }
    }
  sluice_codepipeline_state_get_stage (state, "Source");
}

static void
read_definition (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceCodePipelineDefinition) definition =
    sluice_codepipeline_definition_new_from_json (root, &error);

  g_assert_true ((definition == NULL) == (error != NULL));
}

static void
read_list (JsonNode *root,
           gboolean  executions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next_token = NULL;
  g_autoptr(GPtrArray) list = executions
    ? sluice_codepipeline_executions_new_from_json (root, &next_token, &error)
    : sluice_codepipeline_summaries_new_from_json (root, &next_token, &error);

  g_assert_true ((list == NULL) == (error != NULL));
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_assert_nonnull (g_ptr_array_index (list, i));
}

static void
read_small_answers (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) approval_error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autofree char *id = sluice_codepipeline_execution_id_from_json (root, &error);
  gint64 approved_at = 0;

  g_assert_true ((id == NULL) == (error != NULL));
  g_assert_true (sluice_codepipeline_approved_at_from_json (root, &approved_at, &approval_error) ==
                 (approval_error == NULL));
  g_assert_true (sluice_codepipeline_empty_answer_check (root, &empty_error) == (empty_error == NULL));
}

static void
read_error (GBytes *body)
{
  static const guint statuses[] = { 400, 403, 404, 429, 500, 503 };
  static const char * const headers[] = {
    NULL, "ThrottlingException", "com.amazonaws.codepipeline#PipelineNotFoundException:http://x",
    "#", ":", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = sluice_codepipeline_error_from_response (statuses[i],
                                                                         headers[i % G_N_ELEMENTS (headers)],
                                                                         body);

      g_assert_nonnull (error);
      g_assert_true (error->domain == SLUICE_CODEPIPELINE_ERROR);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      g_assert_cmpuint (sluice_codepipeline_error_get_http_status (error), ==, statuses[i]);
      sluice_codepipeline_error_get_detail (error);
      sluice_codepipeline_error_get_type_name (error);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *warm_up = "{\"pipelineName\": \"x\", \"stageStates\": []}";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  LLVMFuzzerTestOneInput ((const uint8_t *) warm_up, strlen (warm_up));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GBytes) body = g_bytes_new (data, size);

  JsonNode *root;

  /* As the transport does: an answer it cannot load is an error of its own. */
  root = sluice_codepipeline_answer_load (parser, (const char *) data, size, NULL);
  if (root != NULL)
    {
      read_state (root);
      read_definition (root);
      read_list (root, TRUE);
      read_list (root, FALSE);
      read_small_answers (root);
    }
  read_error (body);
  return 0;
}
