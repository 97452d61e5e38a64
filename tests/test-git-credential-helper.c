/* test-git-credential-helper.c
 *
 * git-credential-sluice as git uses it: the real `git clone` against the emulator's CodeCommit,
 * with a long-term key (--aws-key), with pipeline credentials from getDataPipelineCredsLinux in
 * the environment, and with the same credentials stored in the keyring (chosen by repository
 * and by --profile). Also: silence for other hosts, the missing-path explanation, and no secret
 * on stderr.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sluice-codecommit.h"
#include "sluice-keyring.h"
#include "sluice-sigv4.h"
#include "sluice-test-emulator.h"
#include "sluice-test-core-utils.h"

#define LONG_TERM_KEY_ID "AKIAEMULATORLONGTERM"
#define LONG_TERM_SECRET "s3cr3tKeyForTheEmulator/0123456789abcdEF"
#define ENGINEER "engineer@example.com"
#define REDIRECT_URI "http://localhost:8765/callback"

typedef struct
{
  SluiceTestEmulator *emulator;
  char               *home;
  char               *helper;
  char               *access_token;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static char *
helper_path (void)
{
  const char *env = g_getenv ("SLUICE_GIT_CREDENTIAL_HELPER");

  if (env != NULL)
    return g_strdup (env);

  return g_test_build_filename (G_TEST_BUILT, "..", "src", "git-credential-sluice", NULL);
}

/* The environment git (and so the helper) runs in: a temp HOME, no system config, no prompt,
 * none of the caller's AWS settings, but the session bus of the private keyring. */
static char **
git_environment (Fixture            *fixture,
                 const char * const *extra)
{
  char **env = g_get_environ ();
  const char *drop[] = {
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
    "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_CODECOMMIT", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_DIR",
  };

  for (guint i = 0; i < G_N_ELEMENTS (drop); i++)
    env = g_environ_unsetenv (env, drop[i]);
  env = g_environ_setenv (env, "HOME", fixture->home, TRUE);
  env = g_environ_setenv (env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  env = g_environ_setenv (env, "GIT_TERMINAL_PROMPT", "0", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  env = g_environ_setenv (env, "AWS_ENDPOINT_URL_CODECOMMIT",
                          sluice_test_emulator_get_codecommit (fixture->emulator), TRUE);
  for (guint i = 0; extra != NULL && extra[i] != NULL && extra[i + 1] != NULL; i += 2)
    env = g_environ_setenv (env, extra[i], extra[i + 1], TRUE);

  return env;
}

static int
run (Fixture            *fixture,
     const char * const *argv,
     const char * const *extra_env,
     const char         *input,
     char              **out,
     char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = git_environment (fixture, extra_env);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_cwd (launcher, fixture->home);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* `git -c credential.helper=<helper ARGS> -c credential.useHttpPath=true clone -q URL DEST`. */
static int
git_clone (Fixture            *fixture,
           const char         *url,
           const char         *dest,
           const char         *helper_args,
           const char * const *extra_env,
           char              **err)
{
  g_autofree char *helper = g_strdup_printf ("credential.helper=%s%s%s", fixture->helper,
                                             helper_args != NULL ? " " : "",
                                             helper_args != NULL ? helper_args : "");
  g_autofree char *out = NULL;
  const char *argv[] = {
    "git", "-c", "credential.helper=", "-c", helper, "-c", "credential.useHttpPath=true",
    "-c", "init.defaultBranch=main", "clone", "-q", url, dest, NULL,
  };

  return run (fixture, argv, extra_env, NULL, &out, err);
}

static void
assert_cloned (Fixture    *fixture,
               const char *dest)
{
  g_autofree char *ddk = g_build_filename (fixture->home, dest, "ddk.json", NULL);
  g_autofree char *config = g_build_filename (fixture->home, dest, ".git", "config", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_test (ddk, G_FILE_TEST_EXISTS));
  /* git keeps the clean URL: no credentials in .git/config. */
  g_assert_true (g_file_get_contents (config, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "password"));
  g_assert_null (strstr (contents, "AKIA"));
  g_assert_null (strstr (contents, "ASIA"));
}

/* -- the emulator's data.all, as a client signs in with PKCE (--auto-approve) ------------- */

static char *
pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autofree char *b64 = NULL;
  gsize n;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  b64 = g_base64_encode (digest, len);
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  n = strlen (b64);
  while (n > 0 && b64[n - 1] == '=')
    b64[--n] = '\0';

  return g_steal_pointer (&b64);
}

static JsonNode *
read_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static char *
sign_in (SluiceTestEmulator *emulator)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", "Sluice-tests/1.0", NULL);
  g_autoptr(SoupMessage) authorize = NULL;
  g_autoptr(SoupMessage) token = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) location = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *url = NULL;
  g_autofree char *form = NULL;
  g_autofree char *token_url = NULL;
  GString *random = g_string_new (NULL);
  const char *code;

  for (guint i = 0; i < 64; i++)
    g_string_append_c (random, "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)]);
  verifier = g_string_free (random, FALSE);
  challenge = pkce_challenge (verifier);

  url = g_strdup_printf ("%s/oauth2/authorize?response_type=code&client_id=%s&redirect_uri=%s"
                         "&state=st4te&scope=openid+email+profile&code_challenge=%s"
                         "&code_challenge_method=S256",
                         sluice_test_emulator_get_oauth (emulator),
                         sluice_test_emulator_get_client_id (emulator),
                         "http%3A%2F%2Flocalhost%3A8765%2Fcallback", challenge);
  authorize = soup_message_new ("GET", url);
  soup_message_add_flags (authorize, SOUP_MESSAGE_NO_REDIRECT);
  body = soup_session_send_and_read (session, authorize, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (authorize), ==, 302);
  location = g_uri_parse (soup_message_headers_get_one (soup_message_get_response_headers (authorize), "Location"),
                          G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  params = g_uri_parse_params (g_uri_get_query (location), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  code = g_hash_table_lookup (params, "code");
  g_assert_nonnull (code);
  g_clear_pointer (&body, g_bytes_unref);

  form = soup_form_encode ("grant_type", "authorization_code",
                           "client_id", sluice_test_emulator_get_client_id (emulator),
                           "code", code,
                           "redirect_uri", REDIRECT_URI,
                           "code_verifier", verifier,
                           NULL);
  token_url = g_strdup_printf ("%s/oauth2/token", sluice_test_emulator_get_oauth (emulator));
  token = soup_message_new ("POST", token_url);
  {
    g_autoptr(GBytes) request = g_bytes_new (form, strlen (form));

    soup_message_set_request_body_from_bytes (token, "application/x-www-form-urlencoded", request);
  }
  body = soup_session_send_and_read (session, token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (token), ==, 200);
  answer = read_json (body);

  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "access_token"));
}

static JsonNode *
graphql (Fixture    *fixture,
         const char *operation,
         const char *query,
         const char *variables_json)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent", "Sluice-tests/1.0", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", sluice_test_emulator_get_graphql (fixture->emulator));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) variables = json_from_string (variables_json, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *auth = g_strdup_printf ("Bearer %s", fixture->access_token);
  g_autofree char *json = NULL;
  JsonNode *answer;
  JsonObject *object;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "operationName");
  json_builder_add_string_value (builder, operation);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);
  json_builder_set_member_name (builder, "variables");
  json_builder_add_value (builder, g_steal_pointer (&variables));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  request = g_bytes_new (json, strlen (json));
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);

  answer = read_json (body);
  object = json_node_get_object (answer);
  g_assert_false (json_object_has_member (object, "errors"));

  return answer;
}

/* The pipeline's clone URL (through the endpoint override) and region, and its credentials
 * as data.all hands them out. */
static void
pipeline_repository (Fixture               *fixture,
                     const char            *label,
                     char                 **url,
                     char                 **region,
                     char                 **repository,
                     SluiceAwsCredentials **credentials)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) pipeline = NULL;
  g_autoptr(JsonNode) creds = NULL;
  g_autoptr(SluiceCodeCommitUrl) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *variables = NULL;
  const char *uri;
  const char *clone_url;
  JsonArray *nodes;

  variables = g_strdup_printf ("{\"filter\": {\"term\": \"%s\"}}", label);
  list = graphql (fixture, "ListDataPipelines",
                  "query ListDataPipelines($filter: DataPipelineFilter) { "
                  "listDataPipelines(filter: $filter) { nodes { DataPipelineUri label } } }",
                  variables);
  nodes = json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (
    json_node_get_object (list), "data"), "listDataPipelines"), "nodes");
  g_assert_cmpuint (json_array_get_length (nodes), >=, 1);
  uri = json_object_get_string_member (json_array_get_object_element (nodes, 0), "DataPipelineUri");

  g_free (variables);
  variables = g_strdup_printf ("{\"DataPipelineUri\": \"%s\"}", uri);
  pipeline = graphql (fixture, "GetDataPipeline",
                      "query GetDataPipeline($DataPipelineUri: String!) { "
                      "getDataPipeline(DataPipelineUri: $DataPipelineUri) { repo cloneUrlHttp } }",
                      variables);
  clone_url = json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (
    json_node_get_object (pipeline), "data"), "getDataPipeline"), "cloneUrlHttp");

  /* data.all's clone command: codecommit::<region>://<repo>. */
  parsed = sluice_codecommit_url_parse (clone_url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed->region);
  *region = g_strdup (parsed->region);
  *repository = g_strdup (parsed->repository);
  *url = sluice_codecommit_clone_url (parsed->region, parsed->repository,
                                      sluice_test_emulator_get_codecommit (fixture->emulator), FALSE);

  if (credentials != NULL)
    {
      creds = graphql (fixture, "GetDataPipelineCredsLinux",
                       "query GetDataPipelineCredsLinux($DataPipelineUri: String!) { "
                       "getDataPipelineCredsLinux(DataPipelineUri: $DataPipelineUri) }",
                       variables);
      *credentials = sluice_aws_credentials_parse (json_object_get_string_member (json_object_get_object_member (
                                                     json_node_get_object (creds), "data"), "getDataPipelineCredsLinux"),
                                                   -1, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sluice_aws_credentials_get_kind (*credentials), ==, SLUICE_AWS_CREDENTIALS_KIND_SESSION);
      sluice_aws_credentials_set_pipeline_uri (*credentials, uri);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Fixture                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[] = {
    "--auto-approve", ENGINEER, "--aws-key", LONG_TERM_KEY_ID ":" LONG_TERM_SECRET, NULL,
  };
  g_autoptr(GError) error = NULL;

  fixture->helper = helper_path ();
  g_assert_true (g_file_test (fixture->helper, G_FILE_TEST_IS_EXECUTABLE));
  fixture->home = g_dir_make_tmp ("sluice-git-helper-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->emulator = sluice_test_emulator_start (args, &error);
  g_assert_no_error (error);
  fixture->access_token = sign_in (fixture->emulator);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->emulator, sluice_test_emulator_stop);
  sluice_test_remove_tree (fixture->home);
  g_clear_pointer (&fixture->home, g_free);
  g_clear_pointer (&fixture->helper, g_free);
  g_clear_pointer (&fixture->access_token, g_free);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
test_protocol (Fixture       *fixture,
               gconstpointer  data)
{
  const char *get[] = { fixture->helper, "get", NULL };
  const char *store[] = { fixture->helper, "store", NULL };
  const char *env[] = {
    "AWS_ACCESS_KEY_ID", LONG_TERM_KEY_ID, "AWS_SECRET_ACCESS_KEY", LONG_TERM_SECRET,
    "AWS_SESSION_TOKEN", "SESSIONTOKEN", NULL,
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *password;
  g_autofree char *timestamp = NULL;
  g_autofree char *expected = NULL;

  /* Another host: nothing at all. */
  g_assert_cmpint (run (fixture, get, env, "protocol=https\nhost=github.com\npath=a/b.git\n\n", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A CodeCommit host without the path: an explanation, no answer. */
  g_assert_cmpint (run (fixture, get, env, "protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\n\n", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "useHttpPath"));
  g_assert_null (strstr (err, LONG_TERM_SECRET));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A real CodeCommit host: the region is the host's; the username carries the token. */
  g_assert_cmpint (run (fixture, get, env,
                        "protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/my-repo\n\n",
                        &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "username=" LONG_TERM_KEY_ID "%SESSIONTOKEN");
  g_assert_true (g_str_has_prefix (lines[1], "password="));
  password = lines[1] + strlen ("password=");
  g_assert_cmpuint (strlen (password), ==, 16 + 64);
  timestamp = g_strndup (password, 15);
  expected = sluice_sigv4_codecommit_signature (LONG_TERM_SECRET, "eu-west-1",
                                                "git-codecommit.eu-west-1.amazonaws.com",
                                                "/v1/repos/my-repo", timestamp);
  g_assert_cmpstr (password + 16, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing to store. */
  g_assert_cmpint (run (fixture, store, env, "protocol=https\nhost=x\nusername=u\npassword=p\n\n", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_clone_with_long_term_key (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *region = NULL;
  g_autofree char *repository = NULL;
  g_autofree char *err = NULL;
  const char *env[] = {
    "AWS_ACCESS_KEY_ID", LONG_TERM_KEY_ID, "AWS_SECRET_ACCESS_KEY", LONG_TERM_SECRET, NULL, NULL, NULL,
  };

  pipeline_repository (fixture, "sales-ingest", &url, &region, &repository, NULL);
  g_assert_cmpstr (region, ==, "eu-west-1");

  /* The override's host names no region: without one the helper cannot sign. */
  g_assert_cmpint (git_clone (fixture, url, "no-region", NULL, env, &err), !=, 0);
  g_assert_nonnull (strstr (err, "AWS_REGION"));
  g_assert_null (strstr (err, LONG_TERM_SECRET));
  g_clear_pointer (&err, g_free);

  /* A wrong region: the emulator refuses the signature. */
  g_assert_cmpint (git_clone (fixture, url, "wrong-region", "--region us-east-1", env, &err), !=, 0);
  g_clear_pointer (&err, g_free);

  env[4] = "AWS_REGION";
  env[5] = region;
  g_assert_cmpint (git_clone (fixture, url, "long-term", NULL, env, &err), ==, 0);
  g_assert_null (strstr (err, LONG_TERM_SECRET));
  assert_cloned (fixture, "long-term");
  g_clear_pointer (&err, g_free);

  /* --region does the same. */
  env[4] = NULL;
  g_assert_cmpint (git_clone (fixture, url, "long-term-2", "--region eu-west-1", env, &err), ==, 0);
  assert_cloned (fixture, "long-term-2");
}

static void
test_clone_with_pipeline_credentials (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(SluiceAwsCredentials) creds = NULL;
  g_autofree char *url = NULL;
  g_autofree char *region = NULL;
  g_autofree char *repository = NULL;
  g_autofree char *err = NULL;
  const char *env[9] = { NULL, };

  pipeline_repository (fixture, "customer-360", &url, &region, &repository, &creds);

  env[0] = "AWS_ACCESS_KEY_ID";
  env[1] = sluice_aws_credentials_get_access_key_id (creds);
  env[2] = "AWS_SECRET_ACCESS_KEY";
  env[3] = sluice_aws_credentials_get_secret_access_key (creds);
  env[4] = "AWS_SESSION_TOKEN";
  env[5] = sluice_aws_credentials_get_session_token (creds);
  env[6] = "AWS_DEFAULT_REGION";
  env[7] = region;

  g_assert_cmpint (git_clone (fixture, url, "pipeline", NULL, env, &err), ==, 0);
  g_assert_null (strstr (err, sluice_aws_credentials_get_secret_access_key (creds)));
  g_assert_null (strstr (err, sluice_aws_credentials_get_session_token (creds)));
  assert_cloned (fixture, "pipeline");
  g_clear_pointer (&err, g_free);

  /* Without its token the key is refused. */
  env[4] = "AWS_DEFAULT_REGION";
  env[5] = region;
  env[6] = NULL;
  g_assert_cmpint (git_clone (fixture, url, "no-token", NULL, env, &err), !=, 0);
}

static void
test_clone_with_keyring_credentials (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(SluiceAwsCredentials) creds = NULL;
  g_autoptr(SluiceAwsCredentials) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *region = NULL;
  g_autofree char *repository = NULL;
  g_autofree char *other_url = NULL;
  g_autofree char *other_region = NULL;
  g_autofree char *other_repository = NULL;
  g_autofree char *name = g_strdup_printf ("customer-360-%08x", g_random_int ());
  g_autofree char *err = NULL;
  g_autofree char *profile = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through build-aux/dev test");
      return;
    }

  pipeline_repository (fixture, "customer-360", &url, &region, &repository, &creds);
  pipeline_repository (fixture, "sales-ingest", &other_url, &other_region, &other_repository, NULL);

  /* As the pipeline page stores them: named, with the repository and its region. */
  sluice_aws_credentials_set_name (creds, name);
  sluice_aws_credentials_set_repository (creds, repository);
  sluice_aws_credentials_set_region (creds, region);
  g_assert_true (sluice_keyring_store_aws_credentials_sync (creds, NULL, &error));
  g_assert_no_error (error);

  /* Chosen by repository. */
  g_assert_cmpint (git_clone (fixture, url, "by-repository", NULL, NULL, &err), ==, 0);
  g_assert_null (strstr (err, sluice_aws_credentials_get_secret_access_key (creds)));
  assert_cloned (fixture, "by-repository");
  g_clear_pointer (&err, g_free);

  /* Chosen by name, for another repository of the same account. */
  profile = g_strdup_printf ("--profile %s", name);
  g_assert_cmpint (git_clone (fixture, other_url, "by-profile", profile, NULL, &err), ==, 0);
  assert_cloned (fixture, "by-profile");
  g_clear_pointer (&err, g_free);

  /* No credentials for that repository, and an unknown profile: said on stderr. */
  g_assert_cmpint (git_clone (fixture, other_url, "none", NULL, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, other_repository));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (git_clone (fixture, url, "unknown", "--profile no-such-name", NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "no-such-name"));
  g_clear_pointer (&err, g_free);

  g_assert_true (sluice_keyring_delete_aws_credentials_sync (name, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *git = NULL;

  sluice_test_init_core (&argc, &argv);

  git = g_find_program_in_path ("git");
  if (git == NULL)
    {
      g_test_skip ("git is not installed");
      return g_test_run ();
    }

  g_test_add ("/sluice/git-credential-helper/protocol", Fixture, NULL,
              fixture_set_up, test_protocol, fixture_tear_down);
  g_test_add ("/sluice/git-credential-helper/clone/long-term-key", Fixture, NULL,
              fixture_set_up, test_clone_with_long_term_key, fixture_tear_down);
  g_test_add ("/sluice/git-credential-helper/clone/pipeline-credentials", Fixture, NULL,
              fixture_set_up, test_clone_with_pipeline_credentials, fixture_tear_down);
  g_test_add ("/sluice/git-credential-helper/clone/keyring-credentials", Fixture, NULL,
              fixture_set_up, test_clone_with_keyring_credentials, fixture_tear_down);

  return g_test_run ();
}
