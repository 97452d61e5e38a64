/* test-dataall-error.c
 *
 * How data.all's answers become SLUICE_DATAALL_ERROR codes, without a network: HTTP status and
 * data.all's "(Code)" tokens decide, never validation wording. Also the request body rules.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-dataall-client.h"
#include "sluice-dataall-error-private.h"
#include "sluice-test-core-utils.h"

static GError *
classify (const char *document,
          guint       status,
          const char *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root = NULL;

  if (json_parser_load_from_data (parser, body, -1, NULL))
    root = json_parser_get_root (parser);
  return sluice_dataall_error_from_response (document, status, root, body, strlen (body));
}

static void
assert_code (const char         *document,
             guint               status,
             const char         *body,
             SluiceDataallError  code)
{
  g_autoptr(GError) error = classify (document, status, body);

  g_assert_error (error, SLUICE_DATAALL_ERROR, code);
  g_assert_cmpuint (sluice_dataall_error_get_http_status (error), ==, status);
  /* A sentence for people: never the server's text itself. */
  g_assert_nonnull (error->message);
  g_assert_null (strstr (error->message, "An error occurred"));
}

#define RESOLVER_ERROR(code_text) \
  "{\"data\": {\"getDataPipeline\": null}, \"errors\": [{\"message\": \"\\n            An error occurred (" code_text ") when calling GET_PIPELINE operation:\\n            User: a@example.com is not authorized\\n        \", \"locations\": [{\"line\": 1, \"column\": 2}], \"path\": [\"getDataPipeline\"]}]}"

static void
test_success (void)
{
  g_autoptr(GError) error = classify ("GetDataPipeline", 200, "{\"data\": {\"getDataPipeline\": {\"label\": \"x\"}}}");

  g_assert_no_error (error);
}

static void
test_gateway (void)
{
  assert_code ("ListDataPipelines", 403,
               "{\"Message\": \"User is not authorized to access this resource with an explicit deny\"}",
               SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  assert_code ("ListDataPipelines", 403, "{\"message\": \"Forbidden\"}",
               SLUICE_DATAALL_ERROR_NOT_SIGNED_IN);
  assert_code ("ListDataPipelines", 400, "{\"message\": \"Invalid request body\"}",
               SLUICE_DATAALL_ERROR_INVALID_REQUEST);
  assert_code ("ListDataPipelines", 400, "<html>Bad request</html>", SLUICE_DATAALL_ERROR_INVALID_REQUEST);
  assert_code ("ListDataPipelines", 429, "{\"message\": \"Too Many Requests\"}", SLUICE_DATAALL_ERROR_SERVER);
  assert_code ("ListDataPipelines", 500, "{\"message\": \"Internal server error\"}",
               SLUICE_DATAALL_ERROR_SERVER);
  assert_code ("ListDataPipelines", 502, "<html>Bad gateway</html>", SLUICE_DATAALL_ERROR_SERVER);
  assert_code ("ListDataPipelines", 200, "{\"data\": {\"listDataPipelines\": {\"cou",
               SLUICE_DATAALL_ERROR_SERVER);
  assert_code ("ListDataPipelines", 200, "[1, 2]", SLUICE_DATAALL_ERROR_SERVER);
}

static void
test_reauth (void)
{
  const char *body = "{\"data\": {\"deleteDataPipeline\": null}, \"errors\": [{\"message\": \"ReAuth Required To Perform This Action deleteDataPipeline\", \"locations\": null, \"path\": [\"deleteDataPipeline\"], \"extensions\": {\"code\": \"REAUTH\"}}]}";
  g_autoptr(GError) error = classify ("deleteDataPipeline", 401, body);

  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REAUTH_REQUIRED);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "REAUTH");
  g_assert_cmpstr (sluice_dataall_error_get_detail (error), ==,
                   "ReAuth Required To Perform This Action deleteDataPipeline");

  /* The maintenance block has the same shape without the code: not a sign-in matter. */
  assert_code ("deleteDataPipeline", 401,
               "{\"data\": {\"deleteDataPipeline\": null}, \"errors\": [{\"message\": \"Access Restricted: data.all is currently undergoing maintenance\"}]}",
               SLUICE_DATAALL_ERROR_SERVER);
}

static void
test_codes (void)
{
  g_autoptr(GError) error = classify ("GetDataPipeline", 200, RESOLVER_ERROR ("UnauthorizedOperation"));

  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "UnauthorizedOperation");
  g_assert_cmpstr (sluice_dataall_error_get_operation (error), ==, "GetDataPipeline");
  /* data.all's triple-quoted text, trimmed for the Details expander. */
  g_assert_cmpstr (sluice_dataall_error_get_detail (error), ==,
                   "An error occurred (UnauthorizedOperation) when calling GET_PIPELINE operation: "
                   "User: a@example.com is not authorized");

  assert_code ("GetDataPipeline", 200, RESOLVER_ERROR ("ResourceNotFound"), SLUICE_DATAALL_ERROR_NOT_FOUND);
  assert_code ("getStackLogs", 200, RESOLVER_ERROR ("AWSResourceNotFound"), SLUICE_DATAALL_ERROR_NOT_FOUND);
  assert_code ("CreateDataPipeline", 200, RESOLVER_ERROR ("RequiredParameter"), SLUICE_DATAALL_ERROR_INVALID_INPUT);
  assert_code ("getStack", 200, RESOLVER_ERROR ("InvalidInput"), SLUICE_DATAALL_ERROR_INVALID_INPUT);
  assert_code ("createDataPipelineEnvironment", 200,
               "{\"data\": {\"createDataPipelineEnvironment\": null}, \"errors\": [{\"message\": \"(psycopg2.errors.UniqueViolation) duplicate key value\"}]}",
               SLUICE_DATAALL_ERROR_FAILED);
}

static void
test_feature_disabled (void)
{
  g_autoptr(GError) error = NULL;

  /* The module is off: validation names the operation's field (whatever the wording). */
  assert_code ("ListDataPipelinesCount", 400,
               "{\"errors\": [{\"message\": \"Unknown type \\\"DataPipelineFilter\\\".\"}, {\"message\": \"Cannot query field \\\"listDataPipelines\\\" on type \\\"Query\\\".\"}]}",
               SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  assert_code ("ListDataPipelinesCount", 400,
               "{\"errors\": [{\"message\": \"Cannot query field 'listDataPipelines' on type 'Query'.\"}]}",
               SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  /* A mistake inside a pipeline document is not the module being off. */
  assert_code ("GetDataPipeline", 400,
               "{\"errors\": [{\"message\": \"Cannot query field \\\"nosuch\\\" on type \\\"DataPipeline\\\".\"}]}",
               SLUICE_DATAALL_ERROR_INVALID_REQUEST);

  /* pipelinesEnabled false: data.all's own text within its permission error. */
  error = classify ("CreateDataPipeline", 200,
                    "{\"data\": {\"createDataPipeline\": null}, \"errors\": [{\"message\": \"\\n  An error occurred (UnauthorizedOperation) when calling CREATE_PIPELINE operation:\\n  Pipelines feature is disabled for the environment SANDBOX\\n \"}]}");
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  g_assert_cmpstr (sluice_dataall_error_get_server_code (error), ==, "UnauthorizedOperation");
  g_clear_error (&error);

  /* Legacy fields refused, only for a legacy document. */
  error = classify ("CreateDataPipeline-legacy", 400,
                    "{\"errors\": [{\"message\": \"Cannot query field \\\"inputDatasetUri\\\" on type \\\"DataPipeline\\\".\"}]}");
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED);
  g_assert_cmpstr (sluice_dataall_error_get_operation (error), ==, "CreateDataPipeline");
  g_clear_error (&error);
  assert_code ("CreateDataPipeline", 400,
               "{\"errors\": [{\"message\": \"Cannot query field \\\"inputDatasetUri\\\" on type \\\"DataPipeline\\\".\"}]}",
               SLUICE_DATAALL_ERROR_INVALID_REQUEST);
}

static void
test_partial_data (void)
{
  const char *body =
    "{\"data\": {\"getDataPipeline\": {\"label\": \"customer-360\", \"stack\": null}}, "
    "\"errors\": [{\"message\": \"\\n An error occurred (UnauthorizedOperation) when calling GET_PIPELINE operation:\\n denied\\n\", "
    "\"path\": [\"getDataPipeline\", \"stack\"]}]}";
  g_autoptr(GError) error = classify ("GetDataPipeline", 200, body);
  g_autoptr(GError) copy = NULL;
  JsonNode *data;
  JsonObject *pipeline;

  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_AUTHORIZED);
  data = sluice_dataall_error_get_partial_data (error);
  g_assert_nonnull (data);
  pipeline = json_object_get_object_member (json_node_get_object (data), "getDataPipeline");
  g_assert_cmpstr (json_object_get_string_member (pipeline, "label"), ==, "customer-360");
  g_assert_cmpuint (json_array_get_length (sluice_dataall_error_get_errors (error)), ==, 1);

  /* The details travel with copies (GTask, signal handlers…). */
  copy = g_error_copy (error);
  g_assert_true (sluice_dataall_error_get_partial_data (copy) == data);
  g_assert_cmpstr (sluice_dataall_error_get_detail (copy), ==, sluice_dataall_error_get_detail (error));
}

static void
test_transport (void)
{
  g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "Connection refused");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_autoptr(GError) network = sluice_dataall_error_from_transport ("ListDataPipelines", refused, FALSE);
  g_autoptr(GError) timeout = sluice_dataall_error_from_transport ("ListDataPipelines", cancelled, TRUE);
  g_autoptr(GError) cancel = sluice_dataall_error_from_transport ("ListDataPipelines", cancelled, FALSE);

  g_assert_error (network, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NETWORK);
  g_assert_cmpstr (sluice_dataall_error_get_detail (network), ==, "Connection refused");
  g_assert_error (timeout, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_TIMEOUT);
  g_assert_error (cancel, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_helpers (void)
{
  g_autofree char *trimmed = sluice_dataall_error_trim_message ("\n    first line\n      second\n   ");
  g_autofree char *blank = sluice_dataall_error_trim_message ("\n   \n ");
  g_autofree char *code = sluice_dataall_error_find_code ("\n An error occurred (ResourceNotFound):\n Resource (x) not found");
  g_autofree char *none = sluice_dataall_error_find_code ("(psycopg2.errors.UniqueViolation) duplicate");

  g_assert_cmpstr (trimmed, ==, "first line second");
  g_assert_null (blank);
  g_assert_cmpstr (code, ==, "ResourceNotFound");
  g_assert_null (none);
  g_assert_null (sluice_dataall_error_get_detail (NULL));
}

static void
test_names_field (void)
{
  g_assert_true (sluice_dataall_error_names_field ("Cannot query field 'template' on type", "template"));
  g_assert_true (sluice_dataall_error_names_field ("template", "template"));
  g_assert_true (sluice_dataall_error_names_field ("{template: \"x\"}", "template"));
  /* Part of a longer name is not the name. */
  g_assert_false (sluice_dataall_error_names_field ("templateUri is unknown", "template"));
  g_assert_false (sluice_dataall_error_names_field ("my_template", "template"));
  g_assert_false (sluice_dataall_error_names_field ("createDataPipelineEnvironment failed",
                                                    "createDataPipeline"));
  g_assert_true (sluice_dataall_error_names_field ("templates or template", "template"));
}

static void
test_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) variables = json_object_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = NULL;
  g_autofree char *query = NULL;
  g_autofree char *big = NULL;
  gboolean is_mutation = TRUE;
  JsonObject *object;
  GString *text;

  /* Variables are always an object, even with none. */
  body = sluice_dataall_client_build_body ("ListDataPipelinesCount", NULL, &is_mutation, &error);
  g_assert_no_error (error);
  g_assert_false (is_mutation);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "operationName"), ==, "ListDataPipelinesCount");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "variables")));
  /* Comments and blank space stay home. */
  query = g_strdup (json_object_get_string_member (object, "query"));
  g_assert_null (strchr (query, '#'));
  g_assert_null (strstr (query, "  "));
  g_assert_true (g_str_has_prefix (query, "query ListDataPipelinesCount("));
  g_clear_pointer (&body, g_bytes_unref);

  /* A legacy document keeps the operation's name. */
  body = sluice_dataall_client_build_body ("CreateDataPipeline-legacy", NULL, &is_mutation, &error);
  g_assert_no_error (error);
  g_assert_true (is_mutation);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  "\"operationName\":\"CreateDataPipeline\""));
  g_clear_pointer (&body, g_bytes_unref);

  /* 8192 UTF-8 bytes at most: 3000 "€" are 3000 characters but 9000 bytes. */
  text = g_string_new (NULL);
  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "€");
  big = g_string_free (text, FALSE);
  json_object_set_string_member (variables, "DataPipelineUri", big);
  body = sluice_dataall_client_build_body ("GetDataPipeline", variables, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE);
  g_assert_nonnull (sluice_dataall_error_get_detail (error));
  g_clear_error (&error);

  body = sluice_dataall_client_build_body ("NoSuchOperation", NULL, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

static void
test_client_properties (void)
{
  g_autoptr(SluiceDataallClient) client = sluice_dataall_client_new ("https://example.com/prod/");
  g_autoptr(SluiceDataallClient) bare = sluice_dataall_client_new ("http://127.0.0.1:8790");

  g_assert_cmpstr (sluice_dataall_client_get_endpoint (client), ==, "https://example.com/prod/graphql/api");
  g_assert_cmpstr (sluice_dataall_client_get_endpoint (bare), ==, "http://127.0.0.1:8790/graphql/api");
  g_assert_cmpstr (sluice_dataall_client_get_user_agent (client), ==, "Sluice/" PACKAGE_VERSION);
  g_assert_cmpuint (sluice_dataall_client_get_timeout (client), ==, SLUICE_DATAALL_DEFAULT_TIMEOUT);
  g_assert_false (sluice_dataall_client_get_id_token_auth (client));
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/dataall-error/success", test_success);
  g_test_add_func ("/sluice/dataall-error/gateway", test_gateway);
  g_test_add_func ("/sluice/dataall-error/reauth", test_reauth);
  g_test_add_func ("/sluice/dataall-error/codes", test_codes);
  g_test_add_func ("/sluice/dataall-error/feature-disabled", test_feature_disabled);
  g_test_add_func ("/sluice/dataall-error/partial-data", test_partial_data);
  g_test_add_func ("/sluice/dataall-error/transport", test_transport);
  g_test_add_func ("/sluice/dataall-error/helpers", test_helpers);
  g_test_add_func ("/sluice/dataall-error/names-field", test_names_field);
  g_test_add_func ("/sluice/dataall-error/body", test_body);
  g_test_add_func ("/sluice/dataall-error/client-properties", test_client_properties);

  return g_test_run ();
}
