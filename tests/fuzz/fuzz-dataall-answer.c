/* fuzz-dataall-answer.c: libFuzzer target for data.all's GraphQL answers into the models
 *
 * Takes an HTTP body as the client does (json-glib, then the error classification for each
 * status the server gives), and feeds every object of "data", and every node of a page, to
 * each model: pipeline, stage, environment, stack (with the JSON strings in its outputs,
 * resources and events), team and dataset, created and then updated from the same JSON.
 * Criticals and warnings are fatal.
 *
 * Build and run: build-aux/dev fuzz; the corpus is replayed by the unit suite.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sluice-dataall-error.h"
#include "sluice-dataall-error-private.h"
#include "sluice-dataset.h"
#include "sluice-environment.h"
#include "sluice-json-model.h"
#include "sluice-pipeline.h"
#include "sluice-stack.h"
#include "sluice-stage.h"
#include "sluice-team.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
read_stack (SluiceStack *stack)
{
  g_ptr_array_unref (sluice_stack_dup_resource_list (stack));
  g_ptr_array_unref (sluice_stack_dup_event_list (stack));
  g_ptr_array_unref (sluice_stack_dup_output_list (stack));
  g_free (sluice_stack_dup_error_message (stack));
  sluice_stack_is_busy (stack);
  sluice_stack_has_details (stack);
}

static void
into_models (JsonObject *object)
{
  g_autoptr(SluicePipeline) pipeline = sluice_pipeline_new_from_json (object);
  g_autoptr(SluiceStage) stage = sluice_stage_new_from_json (object);
  g_autoptr(SluiceEnvironment) environment = sluice_environment_new_from_json (object);
  g_autoptr(SluiceStack) stack = sluice_stack_new_from_json (object);
  g_autoptr(SluiceTeam) team = sluice_team_new_from_json (object);
  g_autoptr(SluiceDataset) dataset = sluice_dataset_new_from_json (object);
  GListModel *stages;

  /* The same answer again changes nothing; the update path must take it as well. */
  g_assert_false (sluice_pipeline_update_from_json (pipeline, object));
  sluice_stage_update_from_json (stage, object);
  sluice_environment_update_from_json (environment, object);
  sluice_stack_update_from_json (stack, object);
  sluice_team_update_from_json (team, object);
  sluice_dataset_update_from_json (dataset, object);

  read_stack (stack);
  if (sluice_pipeline_get_stack (pipeline) != NULL)
    read_stack (sluice_pipeline_get_stack (pipeline));
  stages = sluice_pipeline_get_stages (pipeline);
  for (guint i = 0; stages != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SluiceStage) s = g_list_model_get_item (stages, i);

      sluice_stage_get_stage (s);
    }
  sluice_pipeline_get_environment (pipeline);
  sluice_pipeline_get_tags (pipeline);
}

static void
walk (JsonNode *node,
      guint     depth)
{
  if (node == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      into_models (object);
      for (GList *l = members; l != NULL; l = l->next)
        walk (json_object_get_member (object, l->data), depth + 1);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        walk (json_array_get_element (array, i), depth + 1);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *warm_up = "{\"data\": {\"getDataPipeline\": {\"name\": \"x\"}}}";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  LLVMFuzzerTestOneInput ((const uint8_t *) warm_up, strlen (warm_up));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint statuses[] = { 200, 400, 401, 403, 500, 502 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  JsonNode *root = NULL;

  /* As the client does: one JSON value, or a malformed answer. */
  if (size > 0 && sluice_json_is_single_value ((const char *) data, size) &&
      json_parser_load_from_data (parser, (const char *) data, size, NULL))
    root = json_parser_get_root (parser);

  for (gsize i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = sluice_dataall_error_from_response ("getDataPipeline", statuses[i], root,
                                                                    (const char *) data, size);

      if (error != NULL)
        {
          g_assert_true (error->domain == SLUICE_DATAALL_ERROR);
          g_assert_true (error->message != NULL && error->message[0] != '\0');
          sluice_dataall_error_get_detail (error);
          sluice_dataall_error_get_server_code (error);
          sluice_dataall_error_get_partial_data (error);
          sluice_dataall_error_get_errors (error);
        }
      else
        {
          /* The client goes on only with an object holding "data". */
          g_assert_nonnull (root);
          g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
          walk (json_object_get_member (json_node_get_object (root), "data"), 0);
        }
    }

  if (g_utf8_validate (text, -1, NULL))
    {
      g_free (sluice_dataall_error_trim_message (text));
      g_free (sluice_dataall_error_find_code (text));
    }
  return 0;
}
