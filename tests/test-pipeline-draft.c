/* test-pipeline-draft.c
 *
 * The pipeline draft's rules, derived names, plans and persistence, without a server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "sluice-dataall-client.h"
#include "sluice-pipeline-draft.h"
#include "sluice-test-core-utils.h"

static char *
repeat (const char *unit,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static SluicePipelineDraft *
filled_draft (void)
{
  SluicePipelineDraft *draft = sluice_pipeline_draft_new ();

  sluice_pipeline_draft_set_name (draft, "Orders ETL");
  sluice_pipeline_draft_set_environment (draft, "thd0wtfl", "CICD", "dataall");
  sluice_pipeline_draft_set_team (draft, "DataEngineers");
  sluice_pipeline_draft_set_strategy (draft, SLUICE_DEV_STRATEGY_GITFLOW);
  sluice_pipeline_draft_add_tag (draft, "orders");
  sluice_pipeline_draft_add_stage (draft, "dev", "hbmuaptt", "DEV", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "test", "aaaaaaaa", "TEST", "DataEngineers");
  sluice_pipeline_draft_add_stage (draft, "prod", "bbbbbbbb", "PROD", "DataEngineers");
  return draft;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_name (void)
{
  g_autofree char *message = NULL;
  g_autofree char *max = repeat ("a", 255);
  g_autofree char *over = repeat ("a", 256);
  g_autofree char *max_utf8 = repeat ("é", 255);

  g_assert_false (sluice_pipeline_validate_name (NULL, &message));
  g_assert_cmpstr (message, ==, "A name is required.");
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_name ("   ", &message));
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);
  g_assert_true (sluice_pipeline_validate_name ("Orders ETL", NULL));
  g_assert_true (sluice_pipeline_validate_name (max, NULL));
  g_assert_true (sluice_pipeline_validate_name (max_utf8, NULL));
  g_assert_false (sluice_pipeline_validate_name (over, &message));
  g_assert_nonnull (strstr (message, "1 character too long"));
}

static void
test_stage_name (void)
{
  g_autofree char *message = NULL;

  g_assert_true (sluice_pipeline_validate_stage_name ("dev", NULL));
  g_assert_true (sluice_pipeline_validate_stage_name ("qa-2", NULL));
  g_assert_false (sluice_pipeline_validate_stage_name ("", NULL));
  g_assert_false (sluice_pipeline_validate_stage_name (NULL, NULL));
  g_assert_false (sluice_pipeline_validate_stage_name ("Dev", &message));
  g_assert_nonnull (strstr (message, "“Dev”"));
  g_assert_false (sluice_pipeline_validate_stage_name ("dev_1", NULL));
  g_assert_false (sluice_pipeline_validate_stage_name ("dév", NULL));
  g_assert_false (sluice_pipeline_validate_stage_name ("dev test", NULL));
}

/* A tag's key and value as AWS takes them, and how many data.all's console keeps. */
static void
test_tags (void)
{
  g_autofree char *message = NULL;
  g_autofree char *long_key = g_strnfill (SLUICE_PIPELINE_TAG_KEY_MAX, 'k');
  g_autofree char *too_long_key = g_strnfill (SLUICE_PIPELINE_TAG_KEY_MAX + 1, 'k');
  g_autofree char *long_value = g_strnfill (SLUICE_PIPELINE_TAG_VALUE_MAX, 'v');
  g_autofree char *too_long_value = g_strnfill (SLUICE_PIPELINE_TAG_VALUE_MAX + 1, 'v');
  const char *earlier[] = { "team", "Cost-Center", NULL };

  g_assert_true (sluice_pipeline_validate_tag_key ("owner", NULL, NULL));
  g_assert_true (sluice_pipeline_validate_tag_key ("owner", earlier, NULL));
  g_assert_true (sluice_pipeline_validate_tag_key (long_key, earlier, NULL));
  /* 128 characters, not bytes. */
  {
    g_autoptr(GString) accents = g_string_new (NULL);

    for (guint i = 0; i < SLUICE_PIPELINE_TAG_KEY_MAX; i++)
      g_string_append (accents, "é");
    g_assert_true (sluice_pipeline_validate_tag_key (accents->str, NULL, NULL));
    g_string_append (accents, "é");
    g_assert_false (sluice_pipeline_validate_tag_key (accents->str, NULL, NULL));
  }

  g_assert_false (sluice_pipeline_validate_tag_key ("", NULL, &message));
  g_assert_cmpstr (message, ==, "Enter a key.");
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_tag_key (NULL, NULL, NULL));
  g_assert_false (sluice_pipeline_validate_tag_key (too_long_key, NULL, &message));
  g_assert_cmpstr (message, ==, "A key can have at most 128 characters.");
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_tag_key ("AWS:CreatedBy", NULL, &message));
  g_assert_nonnull (strstr (message, "reserved for AWS"));
  g_clear_pointer (&message, g_free);
  g_assert_true (sluice_pipeline_validate_tag_key ("awsome", NULL, NULL));
  /* Unique whatever the case. */
  g_assert_false (sluice_pipeline_validate_tag_key ("cost-center", earlier, &message));
  g_assert_nonnull (strstr (message, "Another tag has this key"));
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_tag_key ("TEAM", earlier, NULL));

  g_assert_true (sluice_pipeline_validate_tag_value ("", NULL));
  g_assert_true (sluice_pipeline_validate_tag_value (NULL, NULL));
  g_assert_true (sluice_pipeline_validate_tag_value (long_value, NULL));
  g_assert_false (sluice_pipeline_validate_tag_value (too_long_value, &message));
  g_assert_cmpstr (message, ==, "A value can have at most 256 characters.");
  g_clear_pointer (&message, g_free);

  g_assert_true (sluice_pipeline_can_add_tag (0, &message));
  g_assert_null (message);
  g_assert_true (sluice_pipeline_can_add_tag (SLUICE_PIPELINE_TAGS_MAX - 1, NULL));
  g_assert_false (sluice_pipeline_can_add_tag (SLUICE_PIPELINE_TAGS_MAX, &message));
  g_assert_nonnull (strstr (message, "40"));
  g_assert_false (sluice_pipeline_can_add_tag (SLUICE_PIPELINE_TAGS_MAX + 1, NULL));
}

static void
test_stage_names (void)
{
  g_autofree char *message = NULL;
  const char *none[] = { NULL };
  const char *ok[] = { "dev", "test", "prod", NULL };
  const char *only_prod[] = { "prod", NULL };
  const char *no_prod[] = { "dev", "test", NULL };
  const char *twice[] = { "dev", "prod", "dev", NULL };
  const char *bad[] = { "dev", "Prod", NULL };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (sluice_pipeline_validate_stage_names (ok, NULL));
  g_assert_true (sluice_pipeline_validate_stage_names (only_prod, NULL));
  g_assert_false (sluice_pipeline_validate_stage_names (none, &message));
  g_assert_cmpstr (message, ==, "Add at least one stage.");
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_stage_names (NULL, NULL));
  g_assert_false (sluice_pipeline_validate_stage_names (no_prod, &message));
  g_assert_nonnull (strstr (message, "“prod”"));
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_stage_names (twice, &message));
  g_assert_nonnull (strstr (message, "two stages named “dev”"));
  g_clear_pointer (&message, g_free);
  g_assert_false (sluice_pipeline_validate_stage_names (bad, NULL));

  for (guint i = 0; i < 39; i++)
    g_ptr_array_add (many, g_strdup_printf ("s%u", i));
  g_ptr_array_add (many, g_strdup ("prod"));
  g_ptr_array_add (many, NULL);
  g_assert_true (sluice_pipeline_validate_stage_names ((const char * const *) many->pdata, NULL));
  many->pdata[many->len - 1] = g_strdup ("s40");
  g_ptr_array_add (many, NULL);
  g_assert_false (sluice_pipeline_validate_stage_names ((const char * const *) many->pdata,
                                                       &message));
  g_assert_nonnull (strstr (message, "at most 40"));
}

static void
test_slugify (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Orders ETL", "orders-etl" },
    { "Crème brûlée's pipeline", "creme-brulees-pipeline" },
    { "--a__b--", "a__b" },
    { "a  /  b", "a-b" },
    { "日本", "" },
    { "ﬁle", "file" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = sluice_pipeline_slugify (cases[i].in);

      g_assert_cmpstr (slug, ==, cases[i].out);
    }
}

static void
test_repository_name (void)
{
  g_autofree char *simple = sluice_pipeline_repository_name ("dataall", "Orders ETL", "p7f4dyx3");
  g_autofree char *preview = sluice_pipeline_repository_name ("dataall", "Orders ETL", NULL);
  g_autofree char *long_label = repeat ("x", 100);
  g_autofree char *cut = sluice_pipeline_repository_name ("dataall", long_label, "p7f4dyx3");
  g_autofree char *expected = NULL;
  g_autofree char *symbols = sluice_pipeline_repository_name ("dataall", "?!", "p7f4dyx3");
  g_autofree char *trailing = NULL;
  g_autofree char *label = NULL;

  /* As in the emulator's README (data.all's naming): */
  g_assert_cmpstr (simple, ==, "dataall-orders-etl-p7f4dyx3");
  g_assert_cmpstr (preview, ==, "dataall-orders-etl-<uri>");
  /* The label is cut to 63 - len(prefix + uri) = 48 characters before slugifying. */
  {
    g_autofree char *xs = repeat ("x", 48);
    expected = g_strconcat ("dataall-", xs, "-p7f4dyx3", NULL);
  }
  g_assert_cmpstr (cut, ==, expected);
  g_assert_cmpuint (strlen (cut), ==, 65);
  g_assert_cmpstr (symbols, ==, "dataall-p7f4dyx3");
  /* A cut that ends in a separator still gives one dash. */
  {
    g_autofree char *ys = repeat ("y", 47);
    label = g_strconcat (ys, " tail", NULL);
  }
  trailing = sluice_pipeline_repository_name ("dataall", label, "p7f4dyx3");
  g_assert_true (g_str_has_suffix (trailing, "y-p7f4dyx3"));
}

static void
assert_actions (SluicePlannedPipeline *planned,
                const char            *name,
                const char            *branch,
                const char            *actions)
{
  g_autofree char *joined = g_strjoinv (",", planned->actions);

  g_assert_cmpstr (planned->name, ==, name);
  g_assert_cmpstr (planned->branch, ==, branch);
  g_assert_cmpstr (joined, ==, actions);
}

static void
test_plan (void)
{
  const char *stages[] = { "dev", "test", "prod", NULL };
  g_autoptr(GPtrArray) trunk = sluice_pipeline_plan (SLUICE_DEV_STRATEGY_TRUNK, "dataall",
                                                     "dataall-orders-p7f4dyx3", "p7f4dyx3", stages);
  g_autoptr(GPtrArray) gitflow = sluice_pipeline_plan (SLUICE_DEV_STRATEGY_GITFLOW, "dataall",
                                                       "dataall-orders-p7f4dyx3", "p7f4dyx3", stages);
  g_autoptr(GPtrArray) cdk = sluice_pipeline_plan (SLUICE_DEV_STRATEGY_CDK_TRUNK, "dataall",
                                                   "dataall-orders-p7f4dyx3", NULL, stages);

  g_assert_cmpuint (trunk->len, ==, 1);
  assert_actions (trunk->pdata[0], "dataall-orders-p7f4dyx3", "main",
                  "Deploy-Stage-dev,ManualApproval-dev,Deploy-Stage-test,ManualApproval-test,"
                  "Deploy-Stage-prod");
  g_assert_cmpuint (gitflow->len, ==, 3);
  assert_actions (gitflow->pdata[0], "dataall-orders-p7f4dyx3-dev", "dev",
                  "Source-dev,Deploy-Stage-dev");
  assert_actions (gitflow->pdata[1], "dataall-orders-p7f4dyx3-test", "test",
                  "Source-test,Deploy-Stage-test");
  assert_actions (gitflow->pdata[2], "dataall-orders-p7f4dyx3-prod", "main",
                  "Source-prod,Deploy-Stage-prod");
  g_assert_cmpuint (cdk->len, ==, 1);
  assert_actions (cdk->pdata[0], "dataall-cdkpipeline-<uri>", "main", "dev,test,prod");
}

static void
test_strategy (void)
{
  SluiceDevStrategy strategy = SLUICE_DEV_STRATEGY_CDK_TRUNK;

  g_assert_cmpstr (sluice_dev_strategy_to_string (SLUICE_DEV_STRATEGY_CDK_TRUNK), ==, "cdk-trunk");
  g_assert_cmpstr (sluice_dev_strategy_to_string (SLUICE_DEV_STRATEGY_TRUNK), ==, "trunk");
  g_assert_cmpstr (sluice_dev_strategy_to_string (SLUICE_DEV_STRATEGY_GITFLOW), ==, "gitflow");
  g_assert_true (sluice_dev_strategy_from_string ("gitflow", &strategy));
  g_assert_cmpint (strategy, ==, SLUICE_DEV_STRATEGY_GITFLOW);
  g_assert_false (sluice_dev_strategy_from_string ("other", &strategy));
  g_assert_cmpint (strategy, ==, SLUICE_DEV_STRATEGY_GITFLOW);
  /* data.all's default. */
  {
    g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
    g_assert_cmpint (sluice_pipeline_draft_get_strategy (draft), ==, SLUICE_DEV_STRATEGY_CDK_TRUNK);
  }
}

static void
count_cb (SluicePipelineDraft *draft,
          guint               *count)
{
  (*count)++;
}

static void
test_edits (void)
{
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_auto(GStrv) names = NULL;
  guint count = 0;

  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &count);
  g_assert_true (sluice_pipeline_draft_is_empty (draft));
  sluice_pipeline_draft_set_name (draft, "a");
  sluice_pipeline_draft_set_name (draft, "a");
  g_assert_cmpuint (count, ==, 1);
  sluice_pipeline_draft_set_name (draft, "");
  g_assert_null (sluice_pipeline_draft_get_name (draft));
  g_assert_true (sluice_pipeline_draft_is_empty (draft));

  g_assert_true (sluice_pipeline_draft_add_tag (draft, "  sales "));
  g_assert_false (sluice_pipeline_draft_add_tag (draft, "sales"));
  g_assert_false (sluice_pipeline_draft_add_tag (draft, "  "));
  g_assert_true (sluice_pipeline_draft_add_tag (draft, "eu"));
  g_assert_cmpuint (g_strv_length ((char **) sluice_pipeline_draft_get_tags (draft)), ==, 2);
  g_assert_cmpstr (sluice_pipeline_draft_get_tags (draft)[0], ==, "sales");
  sluice_pipeline_draft_remove_tag (draft, "sales");
  g_assert_cmpstr (sluice_pipeline_draft_get_tags (draft)[0], ==, "eu");

  sluice_pipeline_draft_add_stage (draft, "dev", NULL, NULL, NULL);
  sluice_pipeline_draft_add_stage (draft, "test", NULL, NULL, NULL);
  sluice_pipeline_draft_add_stage (draft, "prod", NULL, NULL, NULL);
  sluice_pipeline_draft_move_stage (draft, 2, 0);
  names = sluice_pipeline_draft_dup_stage_names (draft);
  g_assert_cmpstr (names[0], ==, "prod");
  g_assert_cmpstr (names[1], ==, "dev");
  g_clear_pointer (&names, g_strfreev);
  sluice_pipeline_draft_move_stage (draft, 0, 2);
  sluice_pipeline_draft_remove_stage (draft, 1);
  names = sluice_pipeline_draft_dup_stage_names (draft);
  g_assert_cmpstr (names[0], ==, "dev");
  g_assert_cmpstr (names[1], ==, "prod");
  g_assert_null (names[2]);

  for (guint i = 2; i < SLUICE_PIPELINE_STAGES_MAX; i++)
    g_assert_true (sluice_pipeline_draft_add_stage (draft, NULL, NULL, NULL, NULL));
  g_assert_false (sluice_pipeline_draft_add_stage (draft, NULL, NULL, NULL, NULL));
}

static void
test_step_rules (void)
{
  g_autoptr(SluicePipelineDraft) draft = filled_draft ();
  g_autofree char *message = NULL;

  g_assert_true (sluice_pipeline_draft_validate (draft, NULL));
  sluice_pipeline_draft_set_team (draft, NULL);
  g_assert_false (sluice_pipeline_draft_validate_cicd (draft, &message));
  g_assert_cmpstr (message, ==, "Choose the team that owns the pipeline.");
  g_clear_pointer (&message, g_free);
  sluice_pipeline_draft_set_environment (draft, NULL, NULL, NULL);
  g_assert_false (sluice_pipeline_draft_validate_cicd (draft, &message));
  g_assert_cmpstr (message, ==, "Choose the CI/CD environment.");
  g_clear_pointer (&message, g_free);
  sluice_pipeline_draft_set_stage_team (draft, 1, NULL);
  g_assert_false (sluice_pipeline_draft_validate_stages (draft, &message));
  g_assert_cmpstr (message, ==, "Choose a team for stage “test”.");
  g_clear_pointer (&message, g_free);
  sluice_pipeline_draft_set_stage_environment (draft, 0, NULL, NULL);
  g_assert_false (sluice_pipeline_draft_validate_stages (draft, &message));
  g_assert_cmpstr (message, ==, "Choose an environment for stage “dev”.");
  g_clear_pointer (&message, g_free);
  sluice_pipeline_draft_set_name (draft, NULL);
  g_assert_false (sluice_pipeline_draft_validate_details (draft, NULL));
}

/* The real request for the draft, as the client builds it. */
static GBytes *
real_body (SluicePipelineDraft  *draft,
           GError              **error)
{
  g_autoptr(JsonObject) variables = json_object_new ();
  gboolean legacy = sluice_pipeline_draft_has_legacy_fields (draft);

  json_object_set_object_member (variables, "input",
                                 sluice_pipeline_draft_build_input (draft, legacy));
  return sluice_dataall_client_build_body (legacy ? "CreateDataPipeline-legacy"
                                                  : "CreateDataPipeline",
                                           variables, NULL, error);
}

static void
check_byte_limit (SluicePipelineDraft *draft,
                  const char          *unit)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* Grow the description while the rule says it fits: the real builder must accept it, and
   * one more unit must be refused by both. */
  for (;;)
    {
      g_autofree char *next = g_strconcat (description->str, unit, NULL);

      sluice_pipeline_draft_set_description (draft, next);
      if (!sluice_pipeline_draft_validate_description (draft, NULL))
        break;
      g_string_append (description, unit);
      g_assert_cmpuint (g_utf8_strlen (description->str, -1), <=, 5000);
    }
  sluice_pipeline_draft_set_description (draft, description->str);
  g_assert_true (sluice_pipeline_draft_validate_description (draft, NULL));
  g_assert_cmpint (sluice_pipeline_draft_get_description_left (draft), >=, 0);
  body = real_body (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gssize) g_bytes_get_size (body), ==,
                   sluice_pipeline_draft_measure_request (draft));
  g_assert_cmpuint (g_bytes_get_size (body), <=, SLUICE_DATAALL_MAX_BODY_SIZE);

  g_string_append (description, unit);
  sluice_pipeline_draft_set_description (draft, description->str);
  g_assert_false (sluice_pipeline_draft_validate_description (draft, &message));
  g_assert_cmpint (sluice_pipeline_draft_get_description_left (draft), <, 0);
  if (g_utf8_strlen (description->str, -1) <= 5000)
    {
      g_clear_pointer (&body, g_bytes_unref);
      body = real_body (draft, &error);
      g_assert_null (body);
      g_assert_error (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE);
      g_assert_nonnull (strstr (message, "8 KB"));
    }
  else
    g_assert_nonnull (strstr (message, "5000"));
}

static void
test_description (void)
{
  g_autoptr(SluicePipelineDraft) draft = filled_draft ();
  g_autoptr(SluicePipelineDraft) legacy = filled_draft ();
  g_autoptr(SluicePipelineDraft) quotes = filled_draft ();
  g_autofree char *five_thousand = repeat ("a", 5000);
  gssize plain_size;

  /* ASCII: the 5000 characters bind, the request stays far below 8 KB. */
  sluice_pipeline_draft_set_description (draft, five_thousand);
  g_assert_cmpint (sluice_pipeline_draft_get_description_left (draft), ==, 0);
  check_byte_limit (draft, "a");
  /* Three bytes a character: the 8 KB bind. */
  check_byte_limit (draft, "€");
  /* Characters JSON escapes take more bytes still. */
  check_byte_limit (quotes, "\"");
  check_byte_limit (quotes, "\n");
  /* The legacy document is larger, so its limit is lower. */
  sluice_pipeline_draft_set_description (draft, NULL);
  plain_size = sluice_pipeline_draft_measure_request (draft);
  sluice_pipeline_draft_set_template (legacy, "https://github.com/acme/ddk-template");
  sluice_pipeline_draft_set_description (legacy, NULL);
  g_assert_cmpint (sluice_pipeline_draft_measure_request (legacy), >, plain_size);
  check_byte_limit (legacy, "€");
  /* Tags share the budget. */
  {
    g_autoptr(SluicePipelineDraft) tagged = filled_draft ();
    int before = sluice_pipeline_draft_get_description_left (tagged);

    g_autofree char *many = repeat ("€", 2000);
    sluice_pipeline_draft_set_description (tagged, many);
    before = sluice_pipeline_draft_get_description_left (tagged);
    sluice_pipeline_draft_add_tag (tagged, "a-long-tag-of-twenty");
    g_assert_cmpint (sluice_pipeline_draft_get_description_left (tagged), <, before);
  }
}

static void
test_json (void)
{
  g_autoptr(SluicePipelineDraft) draft = filled_draft ();
  g_autoptr(SluicePipelineDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;

  sluice_pipeline_draft_set_description (draft, "Line one\nline “two”");
  sluice_pipeline_draft_set_template (draft, "https://github.com/acme/t");
  sluice_pipeline_draft_set_input_dataset (draft, "in000001");
  sluice_pipeline_draft_set_output_dataset (draft, "out00001");
  json = sluice_pipeline_draft_to_json (draft);
  copy = sluice_pipeline_draft_new_from_json (json, &error);
  g_assert_no_error (error);
  json2 = sluice_pipeline_draft_to_json (copy);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpstr (sluice_pipeline_draft_get_name (copy), ==, "Orders ETL");
  g_assert_cmpstr (sluice_pipeline_draft_get_description (copy), ==, "Line one\nline “two”");
  g_assert_cmpstr (sluice_pipeline_draft_get_environment_uri (copy), ==, "thd0wtfl");
  g_assert_cmpstr (sluice_pipeline_draft_get_environment_label (copy), ==, "CICD");
  g_assert_cmpstr (sluice_pipeline_draft_get_resource_prefix (copy), ==, "dataall");
  g_assert_cmpstr (sluice_pipeline_draft_get_team (copy), ==, "DataEngineers");
  g_assert_cmpint (sluice_pipeline_draft_get_strategy (copy), ==, SLUICE_DEV_STRATEGY_GITFLOW);
  g_assert_cmpstr (sluice_pipeline_draft_get_template (copy), ==, "https://github.com/acme/t");
  g_assert_cmpstr (sluice_pipeline_draft_get_input_dataset (copy), ==, "in000001");
  g_assert_cmpstr (sluice_pipeline_draft_get_output_dataset (copy), ==, "out00001");
  g_assert_cmpuint (sluice_pipeline_draft_get_n_stages (copy), ==, 3);
  g_assert_cmpstr (sluice_pipeline_draft_get_stage (copy, 2)->name, ==, "prod");
  g_assert_cmpstr (sluice_pipeline_draft_get_stage (copy, 2)->environment_label, ==, "PROD");
  g_assert_cmpstr (sluice_pipeline_draft_get_stage (copy, 2)->team, ==, "DataEngineers");
  g_clear_object (&copy);

  /* Damaged drafts lose a field, not everything; a non-object is refused. */
  copy = sluice_pipeline_draft_new_from_json ("{\"name\": 3, \"team\": \"T\", \"devStrategy\": "
                                              "\"nope\", \"stages\": [1, {\"stage\": \"prod\"}]}",
                                              &error);
  g_assert_no_error (error);
  g_assert_null (sluice_pipeline_draft_get_name (copy));
  g_assert_cmpstr (sluice_pipeline_draft_get_team (copy), ==, "T");
  g_assert_cmpint (sluice_pipeline_draft_get_strategy (copy), ==, SLUICE_DEV_STRATEGY_CDK_TRUNK);
  g_assert_cmpuint (sluice_pipeline_draft_get_n_stages (copy), ==, 1);
  g_clear_object (&copy);
  copy = sluice_pipeline_draft_new_from_json ("[]", &error);
  g_assert_null (copy);
  g_assert_nonnull (error);
  g_clear_error (&error);
  copy = sluice_pipeline_draft_new_from_json ("{", &error);
  g_assert_null (copy);
  g_assert_nonnull (error);
}

/* How far creating it got travels with the draft, is not a change the user made, and a
 * damaged count is taken as nothing added rather than a wrong one. */
static void
test_progress (void)
{
  g_autoptr(SluicePipelineDraft) draft = filled_draft ();
  g_autoptr(SluicePipelineDraft) empty = sluice_pipeline_draft_new ();
  g_autoptr(SluicePipelineDraft) copy = NULL;
  g_autoptr(SluicePipelineDraft) damaged = NULL;
  g_autoptr(SluicePipelineDraft) plain = NULL;
  g_autofree char *json = NULL;
  guint changes = 0;

  g_assert_null (sluice_pipeline_draft_get_created_uri (draft));
  json = sluice_pipeline_draft_to_json (draft);
  g_assert_null (strstr (json, "createdPipelineUri"));
  g_clear_pointer (&json, g_free);

  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &changes);
  sluice_pipeline_draft_set_progress (draft, "abc12345", 2, TRUE);
  g_assert_cmpuint (changes, ==, 0);
  copy = sluice_pipeline_draft_copy (draft);
  g_assert_cmpstr (sluice_pipeline_draft_get_created_uri (copy), ==, "abc12345");
  g_assert_cmpuint (sluice_pipeline_draft_get_n_created_stages (copy), ==, 2);
  g_assert_true (sluice_pipeline_draft_get_in_flight (copy));
  g_assert_cmpstr (sluice_pipeline_draft_get_name (copy), ==, "Orders ETL");

  /* The pipeline's own mutation under way: no URI yet, still something to keep. */
  sluice_pipeline_draft_set_progress (empty, NULL, 0, TRUE);
  g_assert_false (sluice_pipeline_draft_is_empty (empty));
  sluice_pipeline_draft_set_progress (empty, NULL, 0, FALSE);
  g_assert_true (sluice_pipeline_draft_is_empty (empty));

  damaged = sluice_pipeline_draft_new_from_json (
    "{\"name\": \"X\", \"stages\": [{\"stage\": \"dev\"}], \"createdPipelineUri\": \"u1\", "
    "\"stagesCreated\": 7, \"inFlight\": \"yes\"}", NULL);
  g_assert_cmpstr (sluice_pipeline_draft_get_created_uri (damaged), ==, "u1");
  g_assert_cmpuint (sluice_pipeline_draft_get_n_created_stages (damaged), ==, 0);
  g_assert_false (sluice_pipeline_draft_get_in_flight (damaged));
  plain = sluice_pipeline_draft_new_from_json ("{\"name\": \"X\", \"stagesCreated\": 1}", NULL);
  g_assert_null (sluice_pipeline_draft_get_created_uri (plain));
  g_assert_cmpuint (sluice_pipeline_draft_get_n_created_stages (plain), ==, 0);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) draft = filled_draft ();
  g_autoptr(SluicePipelineDraft) other = sluice_pipeline_draft_new ();
  g_autoptr(SluicePipelineDraft) loaded = NULL;
  g_autoptr(SluicePipelineDraft) empty = sluice_pipeline_draft_new ();

  g_assert_null (sluice_pipeline_draft_load (settings, "account-1"));
  sluice_pipeline_draft_save (draft, settings, "account-1");
  sluice_pipeline_draft_set_name (other, "Other");
  sluice_pipeline_draft_save (other, settings, "account-2");
  loaded = sluice_pipeline_draft_load (settings, "account-1");
  g_assert_nonnull (loaded);
  g_assert_cmpstr (sluice_pipeline_draft_get_name (loaded), ==, "Orders ETL");
  g_assert_cmpuint (sluice_pipeline_draft_get_n_stages (loaded), ==, 3);
  g_clear_object (&loaded);

  /* An empty draft is no draft. */
  sluice_pipeline_draft_save (empty, settings, "account-1");
  g_assert_null (sluice_pipeline_draft_load (settings, "account-1"));
  loaded = sluice_pipeline_draft_load (settings, "account-2");
  g_assert_cmpstr (sluice_pipeline_draft_get_name (loaded), ==, "Other");
  sluice_pipeline_draft_discard (settings, "account-2");
  g_assert_null (sluice_pipeline_draft_load (settings, "account-2"));
}

/* A draft survives a restart: saved through one keyfile backend, read by a new one on the
 * same file, as a new process would. */
/* The Edit dialog's unsaved edits, one per pipeline, beside the wizard's draft. */
static void
test_edit_drafts (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(SluicePipelineDraft) wizard = filled_draft ();
  g_autoptr(SluicePipelineDraft) edit = filled_draft ();
  g_autoptr(SluicePipelineDraft) loaded = NULL;

  sluice_pipeline_draft_set_description (edit, "Edited, not saved.");
  sluice_pipeline_draft_save (wizard, settings, "account-1");
  sluice_pipeline_draft_save_edit (edit, settings, "account-1", "pipe0001");
  g_assert_null (sluice_pipeline_draft_load_edit (settings, "account-1", "pipe0002"));
  g_assert_null (sluice_pipeline_draft_load_edit (settings, "account-2", "pipe0001"));
  loaded = sluice_pipeline_draft_load_edit (settings, "account-1", "pipe0001");
  g_assert_cmpstr (sluice_pipeline_draft_get_description (loaded), ==, "Edited, not saved.");
  g_clear_object (&loaded);

  sluice_pipeline_draft_discard_edit (settings, "account-1", "pipe0001");
  g_assert_null (sluice_pipeline_draft_load_edit (settings, "account-1", "pipe0001"));
  loaded = sluice_pipeline_draft_load (settings, "account-1");
  g_assert_cmpstr (sluice_pipeline_draft_get_name (loaded), ==, "Orders ETL");
  sluice_pipeline_draft_discard (settings, "account-1");
}

static void
test_restart (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "sluice-test",
                                            "keyfile", NULL);
  g_autoptr(SluicePipelineDraft) draft = filled_draft ();
  g_autoptr(SluicePipelineDraft) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sluice_pipeline_draft_set_description (draft, "Survives “restarts”.");
  {
    g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
    g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_ID, backend);

    sluice_pipeline_draft_save (draft, settings, "account-1");
    g_settings_sync ();
  }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
    g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_ID, backend);

    loaded = sluice_pipeline_draft_load (settings, "account-1");
  }
  g_assert_nonnull (loaded);
  before = sluice_pipeline_draft_to_json (draft);
  after = sluice_pipeline_draft_to_json (loaded);
  g_assert_cmpstr (before, ==, after);
}

/* Spaces, tabs and other white space alone are no draft: nothing to keep or discard. */
static void
test_blank (void)
{
  g_autoptr(SluicePipelineDraft) draft = sluice_pipeline_draft_new ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  sluice_pipeline_draft_set_name (draft, "   ");
  g_assert_cmpstr (sluice_pipeline_draft_get_name (draft), ==, "   ");
  g_assert_true (sluice_pipeline_draft_is_empty (draft));
  sluice_pipeline_draft_set_name (draft, "\t \u00a0\u2003\n");
  g_assert_true (sluice_pipeline_draft_is_empty (draft));
  sluice_pipeline_draft_set_description (draft, "  \n ");
  sluice_pipeline_draft_set_template (draft, " ");
  g_assert_true (sluice_pipeline_draft_is_empty (draft));

  /* Saved, a blank draft leaves nothing behind, and takes the old one with it. */
  {
    g_autoptr(SluicePipelineDraft) kept = sluice_pipeline_draft_new ();

    sluice_pipeline_draft_set_name (kept, "Kept");
    sluice_pipeline_draft_save (kept, settings, "account-blank");
  }
  sluice_pipeline_draft_save (draft, settings, "account-blank");
  g_assert_null (sluice_pipeline_draft_load (settings, "account-blank"));

  /* One character that is not white space is content. */
  sluice_pipeline_draft_set_name (draft, "  a ");
  g_assert_false (sluice_pipeline_draft_is_empty (draft));
  sluice_pipeline_draft_set_name (draft, NULL);
  g_assert_true (sluice_pipeline_draft_is_empty (draft));
  sluice_pipeline_draft_set_description (draft, " x");
  g_assert_false (sluice_pipeline_draft_is_empty (draft));
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/pipeline-draft/name", test_name);
  g_test_add_func ("/sluice/pipeline-draft/stage-name", test_stage_name);
  g_test_add_func ("/sluice/pipeline-draft/stage-names", test_stage_names);
  g_test_add_func ("/sluice/pipeline-draft/tags", test_tags);
  g_test_add_func ("/sluice/pipeline-draft/slugify", test_slugify);
  g_test_add_func ("/sluice/pipeline-draft/repository-name", test_repository_name);
  g_test_add_func ("/sluice/pipeline-draft/plan", test_plan);
  g_test_add_func ("/sluice/pipeline-draft/strategy", test_strategy);
  g_test_add_func ("/sluice/pipeline-draft/edits", test_edits);
  g_test_add_func ("/sluice/pipeline-draft/blank", test_blank);
  g_test_add_func ("/sluice/pipeline-draft/step-rules", test_step_rules);
  g_test_add_func ("/sluice/pipeline-draft/description", test_description);
  g_test_add_func ("/sluice/pipeline-draft/json", test_json);
  g_test_add_func ("/sluice/pipeline-draft/progress", test_progress);
  g_test_add_func ("/sluice/pipeline-draft/settings", test_settings);
  g_test_add_func ("/sluice/pipeline-draft/edit-drafts", test_edit_drafts);
  g_test_add_func ("/sluice/pipeline-draft/restart", test_restart);

  return g_test_run ();
}
