/* test-emulator-spawn.c
 *
 * The C side of the emulator spawn helper: each test gets its own emulator on a free port, and
 * it answers as data.all's API Gateway does.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

static GBytes *
post_json (const char  *url,
           const char  *body,
           guint       *status)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", "Sluice-tests/1.0", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  GBytes *response;

  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  return response;
}

static void
test_endpoints (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) emulator = sluice_test_emulator_start (NULL, &error);
  const char * const *users;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sluice_test_emulator_get_url (emulator), "http://127.0.0.1:"));
  g_assert_true (g_str_has_prefix (sluice_test_emulator_get_graphql (emulator), sluice_test_emulator_get_url (emulator)));
  g_assert_true (g_str_has_suffix (sluice_test_emulator_get_graphql (emulator), "/graphql/api"));
  g_assert_nonnull (sluice_test_emulator_get_oauth (emulator));
  g_assert_nonnull (sluice_test_emulator_get_client_id (emulator));
  g_assert_nonnull (sluice_test_emulator_get_codecommit (emulator));
  g_assert_true (g_str_has_prefix (sluice_test_emulator_get_codepipeline (emulator), "http://127.0.0.1:"));

  users = sluice_test_emulator_get_users (emulator);
  g_assert_nonnull (users);
  g_assert_cmpuint (g_strv_length ((char **) users), >=, 3);
}

static void
test_side_by_side (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) a = sluice_test_emulator_start (NULL, &error);
  g_autoptr(SluiceTestEmulator) b = NULL;

  g_assert_no_error (error);
  b = sluice_test_emulator_start (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_test_emulator_get_url (a), !=, sluice_test_emulator_get_url (b));
}

static void
test_gateway_denies_without_token (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) emulator = sluice_test_emulator_start (NULL, &error);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  guint status = 0;

  g_assert_no_error (error);
  response = post_json (sluice_test_emulator_get_graphql (emulator),
                        "{\"operationName\":\"ListDataPipelines\","
                        "\"query\":\"query ListDataPipelines { listDataPipelines { count } }\","
                        "\"variables\":{}}",
                        &status);
  g_assert_cmpuint (status, ==, 403);

  json_parser_load_from_data (parser, g_bytes_get_data (response, NULL), g_bytes_get_size (response), &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "Message"), ==,
                   "User is not authorized to access this resource with an explicit deny");
}

static void
test_missing_emulator_is_an_error (void)
{
  g_autoptr(GError) error = NULL;
  SluiceTestEmulator *emulator;

  g_setenv ("SLUICE_EMULATOR", "/nonexistent/dataall-emulator", TRUE);
  emulator = sluice_test_emulator_start (NULL, &error);
  g_unsetenv ("SLUICE_EMULATOR");

  g_assert_null (emulator);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/emulator-spawn/endpoints", test_endpoints);
  g_test_add_func ("/sluice/emulator-spawn/side-by-side", test_side_by_side);
  g_test_add_func ("/sluice/emulator-spawn/gateway-denies-without-token", test_gateway_denies_without_token);
  g_test_add_func ("/sluice/emulator-spawn/missing-emulator-is-an-error", test_missing_emulator_is_an_error);

  return g_test_run ();
}
