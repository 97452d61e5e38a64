/* test-ddk-config.c
 *
 * ddk.json: round trips of data.all's own files and of odd ones, edits that touch only what
 * changed, every validation rule, the errors for broken files, prefilling from data.all's
 * pipeline, the bootstrap commands, and the atomic save with its backup and a failing disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sluice-ddk-config.h"
#include "sluice-test-core-utils.h"

static const char * const fixtures[] = {
  "dataall-trunk.json",
  "dataall-gitflow.json",
  "dataall-cdk-trunk.json",
  "emulator-trunk.json",
  "emulator-gitflow.json",
  "emulator-cdk-trunk.json",
  "seed-example.json",
  "compact.json",
  "unusual.json",
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "ddk-json", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static SluiceDdkConfig *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SluiceDdkConfig *config = sluice_ddk_config_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

static SluiceDdkConfig *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  SluiceDdkConfig *config = sluice_ddk_config_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  return config;
}

static JsonNode *
boolean_node (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

/* What was saved reads back as the model that saved it. */
static void
assert_reads_back (SluiceDdkConfig *config)
{
  g_autofree char *data = sluice_ddk_config_to_data (config, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) again = sluice_ddk_config_new_from_data (data, -1, &error);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autofree char *again_data = NULL;

  g_assert_no_error (error);
  again_data = sluice_ddk_config_to_data (again, NULL);
  g_assert_cmpstr (again_data, ==, data);
  a = json_from_string (data + (g_str_has_prefix (data, "\xEF\xBB\xBF") ? 3 : 0), NULL);
  g_assert_nonnull (a);
  {
    g_auto(GStrv) names = sluice_ddk_config_dup_environment_names (config);
    g_auto(GStrv) again_names = sluice_ddk_config_dup_environment_names (again);

    g_assert_true (g_strv_equal ((const char * const *) names, (const char * const *) again_names));
    for (guint i = 0; names[i] != NULL; i++)
      {
        g_assert_cmpstr (sluice_ddk_config_get_account (config, names[i]), ==,
                         sluice_ddk_config_get_account (again, names[i]));
        g_assert_cmpstr (sluice_ddk_config_get_region (config, names[i]), ==,
                         sluice_ddk_config_get_region (again, names[i]));
      }
  }
}

static guint
count_problems (SluiceDdkConfig *config,
                SluicePipeline  *pipeline)
{
  g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (config, pipeline);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((SluiceDdkProblem *) g_ptr_array_index (problems, i))->message);
  return problems->len;
}

/* The one problem found, which must concern @environment and @key. */
static char *
only_problem (const char *text,
              const char *environment,
              const char *key)
{
  g_autoptr(SluiceDdkConfig) config = parse (text);
  g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (config, NULL);
  SluiceDdkProblem *problem;

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((SluiceDdkProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->environment, ==, environment);
  g_assert_cmpstr (problem->key, ==, key);
  return g_strdup (problem->message);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  gsize length = 0;
  g_autofree char *text = read_fixture (name, &length);
  g_autoptr(SluiceDdkConfig) config = load_fixture (name);
  g_autofree char *out = NULL;
  g_autofree char *diff = NULL;
  gsize out_length = 0;
  g_auto(GStrv) names = sluice_ddk_config_dup_environment_names (config);

  out = sluice_ddk_config_to_data (config, &out_length);
  g_assert_cmpmem (out, out_length, text, length);
  g_assert_false (sluice_ddk_config_get_modified (config));
  diff = sluice_ddk_config_diff (config);
  g_assert_cmpstr (diff, ==, "");
  g_assert_true (g_strv_contains ((const char * const *) names, SLUICE_DDK_CICD));
  g_assert_cmpuint (count_problems (config, NULL), ==, 0);

  /* A setter that sets what is there already changes nothing. */
  sluice_ddk_config_set_account (config, SLUICE_DDK_CICD, sluice_ddk_config_get_account (config, SLUICE_DDK_CICD));
  g_assert_false (sluice_ddk_config_get_modified (config));
  g_clear_pointer (&out, g_free);
  out = sluice_ddk_config_to_data (config, &out_length);
  g_assert_cmpmem (out, out_length, text, length);

  /* A change and its undoing leave the file as it was. */
  sluice_ddk_config_set_region (config, SLUICE_DDK_CICD, "ap-southeast-2");
  g_assert_true (sluice_ddk_config_get_modified (config));
  assert_reads_back (config);
  sluice_ddk_config_set_region (config, SLUICE_DDK_CICD, "us-gov-west-1");
  sluice_ddk_config_set_region (config, SLUICE_DDK_CICD,
                                g_str_equal (name, "unusual.json") ? "us-gov-west-1" : "eu-west-1");
  g_assert_false (sluice_ddk_config_get_modified (config));
  g_clear_pointer (&out, g_free);
  out = sluice_ddk_config_to_data (config, &out_length);
  g_assert_cmpmem (out, out_length, text, length);
}

static void
test_data_all_files (void)
{
  g_autoptr(SluiceDdkConfig) trunk = load_fixture ("dataall-trunk.json");
  g_autoptr(SluiceDdkConfig) gitflow = load_fixture ("dataall-gitflow.json");
  g_autoptr(SluiceDdkConfig) cdk = load_fixture ("dataall-cdk-trunk.json");
  g_auto(GStrv) names = sluice_ddk_config_dup_environment_names (gitflow);
  const char * const expected[] = { "cicd", "dev", "test", "prod", NULL };

  g_assert_true (g_strv_equal ((const char * const *) names, expected));
  g_assert_cmpstr (sluice_ddk_config_get_account (trunk, "prod"), ==, "444444444444");
  g_assert_cmpstr (sluice_ddk_config_get_region (trunk, "prod"), ==, "eu-central-1");
  g_assert_cmpstr (sluice_ddk_config_get_tag (trunk, "dev", "Team"), ==, "DataEngineers");
  g_assert_cmpstr (sluice_ddk_config_get_tag (trunk, NULL, "Target"), ==, "dataall-sales-ingest-ttp08kft");
  g_assert_cmpstr (json_node_get_string (sluice_ddk_config_get_member (gitflow, "test", "stage")), ==, "test");
  g_assert_null (sluice_ddk_config_get_member (cdk, "test", "stage"));
  g_assert_true (sluice_ddk_config_has_own_account (gitflow, "test"));
  g_assert_false (sluice_ddk_config_has_own_account (gitflow, SLUICE_DDK_CICD));
  {
    g_autoptr(SluiceDdkConfig) bare = parse ("{\"environments\": {}}");

    g_assert_null (sluice_ddk_config_get_file (bare));
  }
}

static void
test_unusual_file (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("unusual.json", &length);
  g_autoptr(SluiceDdkConfig) config = load_fixture ("unusual.json");
  g_auto(GStrv) names = sluice_ddk_config_dup_environment_names (config);
  const char * const order[] = { "test", "cicd", NULL };
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *diff = NULL;
  JsonNode *approvals;

  /* File order, not alphabetical; unknown keys readable. */
  g_assert_true (g_strv_equal ((const char * const *) names, order));
  approvals = sluice_ddk_config_get_member (config, "test", "manual_approvals");
  g_assert_true (json_node_get_boolean (approvals));
  g_assert_cmpstr (json_node_get_string (sluice_ddk_config_get_member (config, "test", "notifications_topic_arn")),
                   ==, "arn:aws-us-gov:sns:us-gov-west-1:333333333333:t\xc3\xa9st");
  g_assert_cmpstr (sluice_ddk_config_get_bootstrap_string (config, SLUICE_DDK_CICD, "prefix"), ==, "ddk");
  g_assert_cmpstr (sluice_ddk_config_get_account (config, NULL), ==, "111111111111");

  /* One change: only that value differs; the byte order mark, tabs, CRLF, odd spacing,
   * 2.50 and 1e3 and the escapes stay as they were. */
  sluice_ddk_config_set_account (config, "test", "555555555555");
  out = sluice_ddk_config_to_data (config, NULL);
  {
    g_autoptr(GString) s = g_string_new (text);

    g_assert_cmpuint (g_string_replace (s, "\"account\" : \"333333333333\"", "\"account\" : \"555555555555\"", 1), ==, 1);
    expected = g_string_free (g_steal_pointer (&s), FALSE);
  }
  g_assert_cmpstr (out, ==, expected);
  diff = sluice_ddk_config_diff (config);
  g_assert_true (g_str_has_prefix (diff, "@@ -1,7 +1,7 @@\n"));
  g_assert_nonnull (strstr (diff, "\n-\t\t\"test\"  : { \"region\" : \"us-gov-west-1\" , \"account\" : \"333333333333\",\r\n"));
  g_assert_nonnull (strstr (diff, "\n+\t\t\"test\"  : { \"region\" : \"us-gov-west-1\" , \"account\" : \"555555555555\",\r\n"));
  assert_reads_back (config);

  /* A member added to an object on one line stays on that line, spaced like it. */
  sluice_ddk_config_set_member (config, "test", "manual_approvals", NULL);
  sluice_ddk_config_set_tag (config, "test", "Team", "Ops");
  g_clear_pointer (&out, g_free);
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_nonnull (strstr (out, "\"account\" : \"555555555555\",\r\n\t\t           "
                                 "\"notifications_topic_arn\": \"arn:aws-us-gov:sns:us-gov-west-1:333333333333:t\\u00e9st\","
                                 " \"tags\" :  {\"Team\" :  \"Ops\"} },\r\n"));
  assert_reads_back (config);
}

static void
test_edit_pretty (void)
{
  g_autoptr(SluiceDdkConfig) config = load_fixture ("emulator-trunk.json");
  g_autoptr(JsonNode) no = boolean_node (FALSE);
  g_autoptr(JsonNode) destroy = string_node ("destroy");
  g_autofree char *out = NULL;
  g_autofree char *diff = NULL;
  guint changes = 0;
  const char *expected =
    "{\n"
    "    \"tags\": {\n"
    "        \"dataall\": \"true\",\n"
    "        \"Target\": \"dataall-sales-ingest-ttp08kft\"\n"
    "    },\n"
    "    \"environments\": {\n"
    "        \"cicd\": {\n"
    "            \"account\": \"111111111111\",\n"
    "            \"region\": \"eu-west-1\"\n"
    "        },\n"
    "        \"dev\": {\n"
    "            \"account\": \"999999999999\",\n"
    "            \"region\": \"eu-west-1\",\n"
    "            \"tags\": {\n"
    "                \"Team\": \"DataEngineers\"\n"
    "            },\n"
    "            \"resources\": {\n"
    "                \"ddk-bucket\": {\n"
    "                    \"versioned\": false,\n"
    "                    \"removal_policy\": \"destroy\"\n"
    "                }\n"
    "            }\n"
    "        }\n"
    "    }\n"
    "}\n";

  g_signal_connect_swapped (config, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  sluice_ddk_config_set_account (config, "dev", "999999999999");
  sluice_ddk_config_set_resource_setting (config, "dev", "ddk-bucket", "versioned", no);
  sluice_ddk_config_set_resource_setting (config, "dev", "ddk-bucket", "removal_policy", destroy);
  g_assert_true (sluice_ddk_config_remove_environment (config, "prod"));
  g_assert_false (sluice_ddk_config_remove_environment (config, "prod"));
  g_assert_cmpuint (changes, ==, 4);

  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_cmpstr (out, ==, expected);
  assert_reads_back (config);

  diff = sluice_ddk_config_diff (config);
  g_assert_cmpstr (diff, ==,
                   "@@ -9,17 +9,16 @@\n"
                   "             \"region\": \"eu-west-1\"\n"
                   "         },\n"
                   "         \"dev\": {\n"
                   "-            \"account\": \"222222222222\",\n"
                   "+            \"account\": \"999999999999\",\n"
                   "             \"region\": \"eu-west-1\",\n"
                   "             \"tags\": {\n"
                   "                 \"Team\": \"DataEngineers\"\n"
                   "-            }\n"
                   "-        },\n"
                   "-        \"prod\": {\n"
                   "-            \"account\": \"444444444444\",\n"
                   "-            \"region\": \"eu-central-1\",\n"
                   "-            \"tags\": {\n"
                   "-                \"Team\": \"DataEngineers\"\n"
                   "+            },\n"
                   "+            \"resources\": {\n"
                   "+                \"ddk-bucket\": {\n"
                   "+                    \"versioned\": false,\n"
                   "+                    \"removal_policy\": \"destroy\"\n"
                   "+                }\n"
                   "             }\n"
                   "         }\n"
                   "     }\n");

  /* Taking the resource settings away again removes the "resources" it needed. */
  sluice_ddk_config_set_resource_setting (config, "dev", "ddk-bucket", "versioned", NULL);
  g_assert_nonnull (sluice_ddk_config_get_resource_setting (config, "dev", "ddk-bucket", "removal_policy"));
  g_assert_true (sluice_ddk_config_remove_resource (config, "dev", "ddk-bucket"));
  g_assert_null (sluice_ddk_config_get_member (config, "dev", "resources"));
}

static void
test_edit_delete (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("dataall-gitflow.json", &length);
  g_autoptr(SluiceDdkConfig) config = load_fixture ("dataall-gitflow.json");
  g_autofree char *out = NULL;
  g_autoptr(GString) expected = g_string_new (text);
  const char *dev =
    "\"dev\": {\n"
    "            \"account\": \"222222222222\",\n"
    "            \"region\": \"eu-west-1\",\n"
    "            \"stage\": \"dev\",\n"
    "            \"tags\": {\"Team\": \"Scientists\"}\n"
    "        },\n"
    "        ";

  /* A member in the middle goes with its comma and the space before the next one. */
  sluice_ddk_config_remove_environment (config, "dev");
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_cmpuint (g_string_replace (expected, dev, "", 1), ==, 1);
  g_assert_cmpstr (out, ==, expected->str);

  /* The last member goes with the comma before it; the first with the space after it. */
  sluice_ddk_config_set_tag (config, "prod", "Team", NULL);
  sluice_ddk_config_set_member (config, "prod", "account", NULL);
  g_clear_pointer (&out, g_free);
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_nonnull (strstr (out, "\"prod\": {\n            \"region\": \"eu-central-1\",\n"
                                 "            \"stage\": \"prod\"\n        }\n    }\n}\n"));
  assert_reads_back (config);

  /* Everything of an object gone leaves it empty. */
  sluice_ddk_config_set_member (config, "prod", "region", NULL);
  sluice_ddk_config_set_member (config, "prod", "stage", NULL);
  g_clear_pointer (&out, g_free);
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_nonnull (strstr (out, "\"prod\": {}\n    }\n}\n"));
  assert_reads_back (config);

  /* and something added to an empty object is laid out like the rest of the file. */
  sluice_ddk_config_set_account (config, "prod", "444444444444");
  sluice_ddk_config_add_environment (config, "qa");
  sluice_ddk_config_set_region (config, "qa", "cn-north-1");
  g_clear_pointer (&out, g_free);
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_nonnull (strstr (out, "\"prod\": {\n            \"account\": \"444444444444\"\n        },\n"
                                 "        \"qa\": {\n            \"region\": \"cn-north-1\"\n        }\n    }\n}\n"));
  assert_reads_back (config);
}

static void
test_edit_compact (void)
{
  g_autoptr(SluiceDdkConfig) config = load_fixture ("compact.json");
  g_autoptr(JsonNode) yes = boolean_node (TRUE);
  g_autofree char *out = NULL;

  sluice_ddk_config_set_resource_setting (config, "dev", "ddk-bucket", "versioned", yes);
  sluice_ddk_config_set_tag (config, NULL, "Owner", "ops");
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_cmpstr (out, ==,
                   "{\"environments\":{\"cicd\":{\"account\":\"111111111111\",\"region\":\"eu-west-1\",\"stage\":\"cicd\"},"
                   "\"dev\":{\"account\":\"222222222222\",\"region\":\"eu-west-1\",\"stage\":\"dev\","
                   "\"tags\":{\"Team\":\"DataEngineers\"},\"resources\":{\"ddk-bucket\":{\"versioned\":true}}}},"
                   "\"tags\":{\"dataall\":\"true\",\"Target\":\"compact\",\"Owner\":\"ops\"}}");
  assert_reads_back (config);
}

static void
test_duplicates (void)
{
  const char *text =
    "{\"environments\": {\n"
    "  \"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},\n"
    "  \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\"},\n"
    "  \"dev\": {\"account\": \"333333333333\", \"region\": \"eu-west-1\"}\n"
    "}}\n";
  g_autoptr(SluiceDdkConfig) config = parse (text);
  g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (config, NULL);
  g_autofree char *out = NULL;

  /* The last one counts, as for json-glib and DDK; saving a change drops the others. */
  g_assert_cmpstr (sluice_ddk_config_get_account (config, "dev"), ==, "333333333333");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((SluiceDdkProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Environment “dev” appears 2 times: DDK uses only the last.");
  sluice_ddk_config_set_region (config, "dev", "eu-west-2");
  out = sluice_ddk_config_to_data (config, NULL);
  g_assert_cmpstr (out, ==,
                   "{\"environments\": {\n"
                   "  \"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},\n"
                   "  \"dev\": {\"account\": \"333333333333\", \"region\": \"eu-west-2\"}\n"
                   "}}\n");
}

static void
test_not_json (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "{\n  \"environments\": {\n    \"cicd\" {}\n  }\n}",
      "“ddk.json” is not valid JSON: “:” was expected at line 3, column 12." },
    { "{\"environments\": {},}", "“ddk.json” is not valid JSON: a key in double quotes was expected at line 1, column 21." },
    { "{\"environments\": {}", "“ddk.json” is not valid JSON: the file ends too early at line 1, column 20." },
    { "", "“ddk.json” is not valid JSON: the file ends too early at line 1, column 1." },
    { "{'environments': {}}", "“ddk.json” is not valid JSON: a key in double quotes was expected at line 1, column 2." },
    { "{\"environments\": {\"cicd\": {\"a\": 01}}}", "“ddk.json” is not valid JSON: a number is malformed at line 1, column 34." },
    { "{\"environments\": {}} x", "“ddk.json” is not valid JSON: there is more text after the end at line 1, column 22." },
    { "{\"environments\": {\"d\u00e9v\": tru}}", "“ddk.json” is not valid JSON: a value was expected at line 1, column 26." },
    { "{\"environments\": {\"a\": \"\\x\"}}", "“ddk.json” is not valid JSON: a string holds an invalid escape at line 1, column 26." },
    { "{\"environments\": {\"a\": \"\\ud800\"}}", "“ddk.json” is not valid JSON: a string holds a NUL character or a lone surrogate at line 1, column 31." },
    { "{\"environments\": {\"a\": \"x\ny\"}}", "“ddk.json” is not valid JSON: a string holds a control character at line 1, column 26." },
    { "{\"environments\": [1, 2}", "“ddk.json” is not valid JSON: “,” or “]” was expected at line 1, column 23." },
    { "{\"environments\": {\"a\": 1 \"b\": 2}}", "“ddk.json” is not valid JSON: “,” or “}” was expected at line 1, column 26." },
    { "{\"a\": \"\xff\"}", "“ddk.json” is not UTF-8 text (line 1, column 8)." },
    { "[]", "“ddk.json” is not a DDK configuration: it holds no JSON object." },
    { "{\"environment\": {}}", "“ddk.json” is not a DDK configuration: it has no “environments” object." },
    { "{\"environments\": []}", "“ddk.json” is not a DDK configuration: it has no “environments” object." },
    { "{\"environments\": {\"dev\": \"222222222222\"}}",
      "“ddk.json” is not a DDK configuration: environment “dev” is not an object." },
  };
  g_autoptr(GString) deep = g_string_new ("{\"environments\": {\"a\": ");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SluiceDdkConfig) config = sluice_ddk_config_new_from_data (cases[i].text, -1, &error);

      g_assert_null (config);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SLUICE_DDK_CONFIG_ERROR);
      g_assert_cmpint (error->code, ==, i >= G_N_ELEMENTS (cases) - 4
                       ? SLUICE_DDK_CONFIG_ERROR_NOT_DDK : SLUICE_DDK_CONFIG_ERROR_NOT_JSON);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* Nesting deep enough to exhaust a stack is refused, not followed. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceDdkConfig) config = sluice_ddk_config_new_from_data (deep->str, deep->len, &error);

    g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON);
    g_assert_nonnull (strstr (error->message, "nested too deeply"));
  }
  /* A NUL byte is named as such. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceDdkConfig) config = sluice_ddk_config_new_from_data ("{\"environments\": {}}\0", 21, &error);

    g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON);
    g_assert_cmpstr (error->message, ==, "“ddk.json” is not valid JSON: it holds a NUL byte.");
  }
}

static void
test_load_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-ddk-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "ddk.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "other.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) config = NULL;
  g_autofree char *expected = g_strdup_printf ("Could not read “%s”: ", missing);

  config = sluice_ddk_config_load (file, NULL, &error);
  g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  /* Errors name the file as the user sees it. */
  g_file_set_contents (broken, "{\n", -1, NULL);
  config = sluice_ddk_config_load (broken_file, NULL, &error);
  g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "“other.json” is not valid JSON: the file ends too early at line 2, column 1.");

  g_unlink (broken);
  g_rmdir (dir);
}

static void
test_validation (void)
{
  static const struct { const char *env; const char *key; const char *message; const char *text; } cases[] = {
    { "cicd", NULL, "There is no “cicd” environment: DDK deploys the CI/CD pipeline there.",
      "{\"environments\": {\"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\"}}}" },
    { "cicd", "account", "“11111111111” is not an AWS account ID: it must be exactly 12 digits.",
      "{\"environments\": {\"cicd\": {\"account\": \"11111111111\", \"region\": \"eu-west-1\"}}}" },
    { "cicd", "account", "“11111111111x” is not an AWS account ID: it must be exactly 12 digits.",
      "{\"environments\": {\"cicd\": {\"account\": \"11111111111x\", \"region\": \"eu-west-1\"}}}" },
    { "cicd", "account", "“account” must be a string in quotes.",
      "{\"environments\": {\"cicd\": {\"account\": 111111111111, \"region\": \"eu-west-1\"}}}" },
    { "cicd", "account", "Enter the 12-digit ID of an AWS account.",
      "{\"environments\": {\"cicd\": {\"account\": \"\", \"region\": \"eu-west-1\"}}}" },
    { "cicd", "account", "Environment “cicd” has no AWS account.",
      "{\"environments\": {\"cicd\": {\"region\": \"eu-west-1\"}}}" },
    { "cicd", "region", "Environment “cicd” has no AWS region.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\"}}}" },
    { "cicd", "region", "“eu-west-9” is not an AWS region code such as “eu-west-1”.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-9\"}}}" },
    { "cicd", "region", "“EU-WEST-1” is not an AWS region code such as “eu-west-1”.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"EU-WEST-1\"}}}" },
    { "my env", NULL, "“my env” cannot name an environment: use only letters, digits, “-” and “_”.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"my env\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\"}}}" },
    { "dev", "stage", "Environment “dev” says it is stage “test”: data.all names each environment after its stage.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"stage\": \"test\"}}}" },
    { "dev", "resources", "“resources” must be an object in braces.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"resources\": []}}}" },
    { "dev", NULL, "The settings of resource “ddk-bucket” must be an object in braces.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"resources\": {\"ddk-bucket\": true}}}}" },
    { "dev", "versioned", "“versioned” must be true or false.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"resources\": {\"ddk-bucket\": {\"versioned\": \"no\"}}}}}" },
    { "dev", "removal_policy", "“delete” is not a removal policy: DDK accepts “destroy”, “retain” or “snapshot”.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"resources\": {\"ddk-bucket\": {\"removal_policy\": \"delete\"}}}}}" },
    { "dev", "RemovalPolicy", "“RemovalPolicy” must be “destroy”, “retain” or “snapshot”, in quotes.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"resources\": {\"AWS::S3::Bucket\": {\"RemovalPolicy\": 1}}}}}" },
    { "dev", "tags", "Tag “Team” must have a string in quotes as its value.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\", \"tags\": {\"Team\": 7}}}}" },
    { NULL, "tags", "“tags” must be an object in braces.",
      "{\"tags\": \"x\", \"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"}}}" },
    { "cicd", "bootstrap", "Bootstrap setting “qualifier” must be a string in quotes.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\", \"bootstrap\": {\"qualifier\": 1}}}}" },
    { "prod", "stage", "Environments “dev” and “prod” are both stage “dev”: each stage has one environment.",
      "{\"environments\": {\"cicd\": {\"account\": \"111111111111\", \"region\": \"eu-west-1\"},"
      " \"dev\": {\"account\": \"222222222222\", \"region\": \"eu-west-1\"},"
      " \"prod\": {\"account\": \"444444444444\", \"region\": \"eu-west-1\", \"stage\": \"dev\"}}}" },
  };
  static const char * const regions[] = {
    "us-east-1", "eu-central-2", "il-central-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1",
    "us-gov-east-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1",
  };
  static const char * const partitions[] = {
    "aws", "aws", "aws", "aws-cn", "aws-cn", "aws-us-gov", "aws-us-gov", "aws-iso", "aws-iso-b",
    "aws-iso-e", "aws-iso-f",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      /* The "stage" case also has the mismatch problem: checked without only_problem. */
      if (i == G_N_ELEMENTS (cases) - 1)
        {
          g_autoptr(SluiceDdkConfig) config = parse (cases[i].text);
          g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (config, NULL);
          SluiceDdkProblem *last;

          g_assert_cmpuint (problems->len, ==, 2);
          last = g_ptr_array_index (problems, 1);
          g_assert_cmpstr (last->environment, ==, cases[i].env);
          g_assert_cmpstr (last->message, ==, cases[i].message);
          continue;
        }
      message = only_problem (cases[i].text, cases[i].env, cases[i].key);
      g_assert_cmpstr (message, ==, cases[i].message);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_assert_true (sluice_ddk_check_region (regions[i], NULL));
      g_assert_cmpstr (sluice_ddk_region_get_partition (regions[i]), ==, partitions[i]);
    }
  g_assert_false (sluice_ddk_check_region ("cn-north-2", NULL));
  g_assert_false (sluice_ddk_check_region ("us-gov-west-1 ", NULL));
  g_assert_true (sluice_ddk_check_removal_policy ("RETAIN", NULL));
  g_assert_true (sluice_ddk_check_removal_policy ("Snapshot", NULL));
  g_assert_false (sluice_ddk_check_removal_policy ("retain_on_update", NULL));
  g_assert_true (sluice_ddk_check_environment_name ("dev_2-b", NULL));
  g_assert_false (sluice_ddk_check_environment_name ("", NULL));

  /* Free settings take any value; the resource type may be a CloudFormation type. */
  {
    g_autoptr(JsonNode) size = json_from_string ("128", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (sluice_ddk_check_resource_setting ("memory_size", size, NULL));
    g_assert_false (sluice_ddk_check_resource_setting ("", size, &error));
    g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID);
  }

  /* check() gives the first problem and how many more there are. */
  {
    g_autoptr(SluiceDdkConfig) config =
      parse ("{\"environments\": {\"cicd\": {\"account\": \"1\", \"region\": \"mars-1\"}}}");
    g_autoptr(GError) error = NULL;

    g_assert_false (sluice_ddk_config_check (config, NULL, &error));
    g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "“1” is not an AWS account ID: it must be exactly 12 digits. (and 1 more problem)");
  }
}

static SluicePipeline *
make_pipeline (const char *strategy)
{
  g_autofree char *json = g_strdup_printf (
    "{\"DataPipelineUri\": \"p1\", \"name\": \"dataall-orders-p1\", \"devStrategy\": \"%s\","
    " \"environment\": {\"environmentUri\": \"e0\", \"AwsAccountId\": \"111111111111\", \"region\": \"eu-west-1\"},"
    " \"developmentEnvironments\": {\"count\": 3, \"nodes\": ["
    "  {\"envPipelineUri\": \"s1\", \"stage\": \"dev\", \"order\": 1, \"AwsAccountId\": \"222222222222\", \"region\": \"eu-west-1\"},"
    "  {\"envPipelineUri\": \"s2\", \"stage\": \"test\", \"order\": 2, \"AwsAccountId\": \"111111111111\", \"region\": \"eu-west-1\"},"
    "  {\"envPipelineUri\": \"s3\", \"stage\": \"prod\", \"order\": 3, \"AwsAccountId\": \"444444444444\", \"region\": \"cn-north-1\"}]}}",
    strategy);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return sluice_pipeline_new_from_json (json_node_get_object (node));
}

static void
test_prefill (void)
{
  g_autoptr(SluicePipeline) pipeline = make_pipeline ("trunk");
  g_autoptr(SluiceDdkConfig) config =
    parse ("{\"environments\": {\"cicd\": {}, \"dev\": {\"account\": \"999999999999\"}, \"test\": {\"region\": \"\"}}}");
  g_auto(GStrv) names = NULL;
  const char * const expected[] = { "cicd", "dev", "test", "prod", NULL };

  /* Before: the pipeline's prod stage has no environment. */
  g_assert_cmpuint (count_problems (config, pipeline), >, 0);

  /* What the file has stays; what it lacks comes from data.all. */
  g_assert_cmpuint (sluice_ddk_config_prefill (config, pipeline), ==, 7);
  names = sluice_ddk_config_dup_environment_names (config);
  g_assert_true (g_strv_equal ((const char * const *) names, expected));
  g_assert_cmpstr (sluice_ddk_config_get_account (config, "cicd"), ==, "111111111111");
  g_assert_cmpstr (sluice_ddk_config_get_region (config, "cicd"), ==, "eu-west-1");
  g_assert_cmpstr (sluice_ddk_config_get_account (config, "dev"), ==, "999999999999");
  g_assert_cmpstr (sluice_ddk_config_get_region (config, "dev"), ==, "eu-west-1");
  g_assert_cmpstr (sluice_ddk_config_get_region (config, "test"), ==, "eu-west-1");
  g_assert_cmpstr (sluice_ddk_config_get_region (config, "prod"), ==, "cn-north-1");
  g_assert_cmpuint (count_problems (config, pipeline), ==, 0);
  g_assert_cmpuint (sluice_ddk_config_prefill (config, pipeline), ==, 0);

  /* Which stages deploy to their own account: test shares the CI/CD account. */
  g_assert_true (sluice_ddk_config_has_own_account (config, "dev"));
  g_assert_false (sluice_ddk_config_has_own_account (config, "test"));
  g_assert_true (sluice_ddk_config_has_own_account (config, "prod"));
  g_assert_false (sluice_ddk_config_has_own_account (config, "cicd"));
  g_assert_false (sluice_ddk_config_has_own_account (config, "nowhere"));
}

static void
test_bootstrap (void)
{
  g_autoptr(SluiceDdkConfig) config = load_fixture ("dataall-gitflow.json");
  g_autoptr(GPtrArray) commands = NULL;
  g_autofree char *command = NULL;
  SluiceDdkBootstrap *b;

  command = sluice_ddk_bootstrap_command ("111111111111", "222222222222", "eu-west-1", NULL, NULL);
  g_assert_cmpstr (command, ==,
                   "cdk bootstrap aws://222222222222/eu-west-1 --trust 111111111111 "
                   "--cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess");
  g_clear_pointer (&command, g_free);

  /* Other partitions have their own policy ARNs; a custom qualifier must match ddk.json's. */
  command = sluice_ddk_bootstrap_command ("111111111111", "222222222222", "cn-north-1", "abcdef1234", "stage prof");
  g_assert_cmpstr (command, ==,
                   "cdk bootstrap aws://222222222222/cn-north-1 -p 'stage prof' --trust 111111111111 "
                   "--cloudformation-execution-policies arn:aws-cn:iam::aws:policy/AdministratorAccess "
                   "--qualifier abcdef1234");
  g_clear_pointer (&command, g_free);
  g_assert_null (sluice_ddk_bootstrap_command ("111111111111", "2222", "eu-west-1", NULL, NULL));
  g_assert_null (sluice_ddk_bootstrap_command ("111111111111", "222222222222", "moon-1", NULL, NULL));

  command = sluice_ddk_legacy_bootstrap_command ("dev", "111111111111", "dev-account");
  g_assert_cmpstr (command, ==, "ddk bootstrap -e dev -p dev-account -a 111111111111");
  g_clear_pointer (&command, g_free);

  /* One command per stage account and region, none for the CI/CD account itself. */
  sluice_ddk_config_set_account (config, "test", "222222222222");
  commands = sluice_ddk_config_bootstrap_commands (config, NULL);
  g_assert_cmpuint (commands->len, ==, 2);
  b = g_ptr_array_index (commands, 0);
  g_assert_cmpstr (b->account, ==, "222222222222");
  g_assert_cmpstr (b->region, ==, "eu-west-1");
  g_assert_cmpstr (b->environments[0], ==, "dev");
  g_assert_cmpstr (b->environments[1], ==, "test");
  g_assert_null (b->environments[2]);
  g_assert_cmpstr (b->legacy_command, ==, "ddk bootstrap -e dev -a 111111111111\nddk bootstrap -e test -a 111111111111");
  b = g_ptr_array_index (commands, 1);
  g_assert_cmpstr (b->command, ==,
                   "cdk bootstrap aws://444444444444/eu-central-1 --trust 111111111111 "
                   "--cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess");
  {
    g_autoptr(SluiceDdkBootstrap) copy = sluice_ddk_bootstrap_copy (b);

    g_assert_cmpstr (copy->command, ==, b->command);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Saving                                                                                     */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  SluiceDdkConfig *loaded;
} Wait;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = sluice_ddk_config_save_finish (SLUICE_DDK_CONFIG (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static gboolean
save (SluiceDdkConfig  *config,
      GFile            *file,
      GError          **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, NULL };

  sluice_ddk_config_save_async (config, file, NULL, saved_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->loaded = sluice_ddk_config_load_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static char *
copy_fixture_to (const char *dir,
                 const char *name)
{
  g_autofree char *text = NULL;
  gsize length;
  char *path = g_build_filename (dir, "ddk.json", NULL);

  text = read_fixture (name, &length);
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return path;
}

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* The system git in @dir, its words split at spaces: what a user's `git status` would say. */
static char *
git_in (const char *dir,
        const char *command)
{
  g_autofree char *line = g_strdup_printf ("git -c user.name=Test -c user.email=test@example.com %s", command);
  g_auto(GStrv) argv = g_strsplit (line, " ", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed: %s", command, err);
  return out;
}

static guint
count_lines (const char *text,
             const char *wanted)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_equal (lines[i], wanted);
  return n;
}

static void
edit_and_save (const char *path,
               const char *region)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, NULL };
  g_autoptr(SluiceDdkConfig) config = NULL;

  sluice_ddk_config_load_async (file, NULL, loaded_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_no_error (wait.error);
  config = wait.loaded;
  sluice_ddk_config_set_region (config, "test", region);
  g_assert_true (save (config, NULL, &error));
  g_assert_no_error (error);
}

/* Saving in a clone: the backup is kept, and kept out of `git status` through the clone's own
 * info/exclude, once; a repository that ignores it already is left as it is. */
static void
test_save_in_clone (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-ddk-git-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *exclude = NULL;
  g_autofree char *status = NULL;
  g_autofree char *excluded = NULL;
  g_autofree char *git = g_find_program_in_path ("git");

  if (git == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }
  g_free (git_in (dir, "init -q -b main"));
  path = copy_fixture_to (dir, "seed-example.json");
  backup = g_strconcat (path, "~", NULL);
  exclude = g_build_filename (dir, ".git", "info", "exclude", NULL);
  g_free (git_in (dir, "add ddk.json"));
  g_free (git_in (dir, "commit -q -m Seed"));

  edit_and_save (path, "eu-west-2");
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  status = git_in (dir, "status --porcelain");
  g_assert_cmpstr (status, ==, " M ddk.json\n");
  g_free (git_in (dir, "commit -q -a -m Region"));
  g_clear_pointer (&status, g_free);
  status = git_in (dir, "status --porcelain");
  g_assert_cmpstr (status, ==, "");

  /* Once, however often it is saved. */
  edit_and_save (path, "eu-west-3");
  excluded = contents (exclude);
  g_assert_cmpuint (count_lines (excluded, "/ddk.json~"), ==, 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  remove_dir (dir);

  /* Ignored already (here by a .gitignore): info/exclude is not touched. */
  g_clear_pointer (&dir, g_free);
  dir = g_dir_make_tmp ("sluice-ddk-git-XXXXXX", NULL);
  g_free (git_in (dir, "init -q -b main"));
  g_clear_pointer (&path, g_free);
  path = copy_fixture_to (dir, "seed-example.json");
  {
    g_autofree char *gitignore = g_build_filename (dir, ".gitignore", NULL);

    g_assert_true (g_file_set_contents (gitignore, "*~\n", -1, NULL));
  }
  g_clear_pointer (&exclude, g_free);
  exclude = g_build_filename (dir, ".git", "info", "exclude", NULL);
  g_clear_pointer (&excluded, g_free);
  excluded = contents (exclude);
  edit_and_save (path, "eu-west-2");
  {
    g_autofree char *now = contents (exclude);

    g_assert_cmpstr (now, ==, excluded);
  }
  remove_dir (dir);
}

static void
test_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sluice-ddk-XXXXXX", NULL);
  g_autofree char *path = copy_fixture_to (dir, "seed-example.json");
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *before = contents (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) config = NULL;
  g_autofree char *after = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonNode) retain = string_node ("retain");
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, FALSE, NULL };

  sluice_ddk_config_load_async (file, NULL, loaded_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_no_error (wait.error);
  config = wait.loaded;
  g_assert_true (g_file_equal (sluice_ddk_config_get_file (config), file));

  /* Unchanged: written byte for byte as it was. */
  g_assert_true (save (config, NULL, &error));
  g_assert_no_error (error);
  after = contents (path);
  g_assert_cmpstr (after, ==, before);

  sluice_ddk_config_set_resource_setting (config, "dev", "ddk-bucket", "removal_policy", retain);
  g_assert_true (sluice_ddk_config_get_modified (config));
  written = sluice_ddk_config_to_data (config, NULL);
  g_assert_true (save (config, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sluice_ddk_config_get_modified (config));
  g_clear_pointer (&after, g_free);
  after = contents (path);
  g_assert_cmpstr (after, ==, written);
  g_assert_nonnull (strstr (after, "\"ddk-bucket\": {\"versioned\": false, \"removal_policy\": \"retain\"},"));

  /* The previous file is kept beside it. */
  {
    g_autofree char *kept = contents (backup);

    g_assert_cmpstr (kept, ==, before);
  }

  /* The saved text is the new original: another change patches it, not the first one. */
  sluice_ddk_config_set_region (config, "test", "eu-west-2");
  g_clear_pointer (&written, g_free);
  written = sluice_ddk_config_to_data (config, NULL);
  g_assert_nonnull (strstr (written, "\"removal_policy\": \"retain\"},"));

  /* Someone else wrote the file meanwhile: refused, their file kept. */
  g_assert_true (g_file_set_contents (path, "{\"environments\": {}}\n", -1, NULL));
  {
    GStatBuf st;

    /* A different modification time, so the etag differs even within the same second. */
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, st.st_mtime + 10,
                                                G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  g_assert_false (save (config, NULL, &error));
  g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "changed on disk since Sluice read it"));
  g_clear_pointer (&after, g_free);
  after = contents (path);
  g_assert_cmpstr (after, ==, "{\"environments\": {}}\n");

  remove_dir (dir);
}

/* In a folder that cannot be written to: the save fails with a sentence, the old file stays. */
static void
test_save_read_only (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("SLUICE_TEST_DDK_DIR");
      g_autofree char *path = g_build_filename (dir, "ddk.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SluiceDdkConfig) config = NULL;
      g_autofree char *expected = g_strdup_printf ("Could not save “%s”: its folder is read-only. "
                                                   "The file on disk is unchanged (", path);

      /* root writes anywhere: become nobody, as a user with a read-only checkout is. */
      if (geteuid () == 0)
        g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);

      config = sluice_ddk_config_load (file, NULL, &error);
      g_assert_no_error (error);
      sluice_ddk_config_set_account (config, "dev", "999999999999");
      g_assert_false (save (config, NULL, &error));
      g_assert_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_SAVE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_true (sluice_ddk_config_get_modified (config));
      return;
    }

  {
    g_autofree char *dir = g_dir_make_tmp ("sluice-ddk-XXXXXX", NULL);
    g_autofree char *path = copy_fixture_to (dir, "emulator-trunk.json");
    g_autofree char *before = contents (path);
    g_autofree char *after = NULL;
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    const char *envp_dir = dir;

    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    g_setenv ("SLUICE_TEST_DDK_DIR", envp_dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();

    after = contents (path);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
    remove_dir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ddk-config/round-trip/%s", fixtures[i]);

      g_test_add_data_func (path, fixtures[i], test_round_trip);
    }
  g_test_add_func ("/ddk-config/data-all-files", test_data_all_files);
  g_test_add_func ("/ddk-config/unusual-file", test_unusual_file);
  g_test_add_func ("/ddk-config/edit/pretty", test_edit_pretty);
  g_test_add_func ("/ddk-config/edit/delete", test_edit_delete);
  g_test_add_func ("/ddk-config/edit/compact", test_edit_compact);
  g_test_add_func ("/ddk-config/duplicates", test_duplicates);
  g_test_add_func ("/ddk-config/not-json", test_not_json);
  g_test_add_func ("/ddk-config/load-errors", test_load_errors);
  g_test_add_func ("/ddk-config/validation", test_validation);
  g_test_add_func ("/ddk-config/prefill", test_prefill);
  g_test_add_func ("/ddk-config/bootstrap", test_bootstrap);
  g_test_add_func ("/ddk-config/save", test_save);
  g_test_add_func ("/ddk-config/save-read-only", test_save_read_only);
  g_test_add_func ("/ddk-config/save-in-clone", test_save_in_clone);

  return g_test_run ();
}
