/* fuzz-ddk-config.c: libFuzzer target for the ddk.json loader and its byte-preserving save
 *
 * Any text either loads or fails with a sentence in SLUICE_DDK_CONFIG_ERROR. What loads is
 * written back byte for byte while unchanged, validates, and yields bootstrap commands; then
 * edits chosen from the input's own bytes are applied, and what would be saved must read back
 * (with the strict scanner and with json-glib) as exactly the edited tree, and save again
 * unchanged. Criticals and warnings are fatal.
 *
 * Build and run: build-aux/dev fuzz (meson -Dfuzzing=true with clang); the corpus is replayed
 * by the unit suite (fuzz-replay-ddk-config).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sluice-ddk-config.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
assert_saves_as_edited (SluiceDdkConfig *config)
{
  gsize length = 0;
  g_autofree char *out = sluice_ddk_config_to_data (config, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) again = sluice_ddk_config_new_from_data (out, length, &error);
  g_autoptr(JsonNode) tree = NULL;
  g_autofree char *again_out = NULL;
  g_autofree char *diff = NULL;
  gsize bom = g_str_has_prefix (out, "\xEF\xBB\xBF") ? 3 : 0;

  g_assert_no_error (error);
  g_assert_nonnull (again);
  tree = json_from_string (out + bom, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (tree, sluice_ddk_config_get_root (config)));
  again_out = sluice_ddk_config_to_data (again, NULL);
  g_assert_cmpstr (again_out, ==, out);
  diff = sluice_ddk_config_diff (config);
  g_assert_true ((diff[0] != '\0') == sluice_ddk_config_get_modified (config));
}

static void
edit (SluiceDdkConfig *config,
      const uint8_t   *data,
      size_t           size)
{
  g_auto(GStrv) names = sluice_ddk_config_dup_environment_names (config);
  guint32 h = 2166136261u;
  g_autoptr(JsonNode) flag = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) props = json_from_string ("{\"a\": [1, \"b\\n\", 2.5, null], \"c\": {}}", NULL);

  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  json_node_set_boolean (flag, h & 1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      switch ((h >> (i % 29)) % 8)
        {
        case 0: sluice_ddk_config_set_account (config, name, "123456789012"); break;
        case 1: sluice_ddk_config_set_region (config, name, NULL); break;
        case 2: sluice_ddk_config_set_tag (config, name, "Team", "t\xc3\xa9\"am"); break;
        case 3: sluice_ddk_config_set_resource_setting (config, name, "ddk-bucket", "versioned", flag); break;
        case 4: sluice_ddk_config_remove_environment (config, name); break;
        case 5: sluice_ddk_config_set_member (config, name, "props", props); break;
        case 6: sluice_ddk_config_set_tag (config, name, "Team", NULL); break;
        default: break;
        }
      assert_saves_as_edited (config);
    }
  if (h & 2)
    {
      sluice_ddk_config_add_environment (config, "fuzz-new");
      sluice_ddk_config_set_region (config, "fuzz-new", "eu-west-1");
    }
  sluice_ddk_config_set_tag (config, NULL, "dataall", (h & 4) ? "false" : NULL);
  sluice_ddk_config_set_member (config, NULL, "unsupported_property", (h & 8) ? props : NULL);
  assert_saves_as_edited (config);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* One-time allocations (types, quarks) must not look like leaks of an input. */
  {
    g_autoptr(SluiceDdkConfig) config =
      sluice_ddk_config_new_from_data ("{\"environments\": {\"cicd\": {\"account\": \"111111111111\"}}}", -1, NULL);
    g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (config, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceDdkConfig) bad = sluice_ddk_config_new_from_data ("{", -1, &error);

    edit (config, (const uint8_t *) "x", 1);
  }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceDdkConfig) config = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  g_autofree char *out = NULL;
  g_autofree char *diff = NULL;
  gsize length = 0;

  config = sluice_ddk_config_new_from_data ((const char *) data, size, &error);
  g_assert ((config == NULL) != (error == NULL));
  if (config == NULL)
    {
      g_assert_true (error->domain == SLUICE_DDK_CONFIG_ERROR && error->message[0] != '\0');
      return 0;
    }

  /* Unchanged: the very same bytes. */
  out = sluice_ddk_config_to_data (config, &length);
  g_assert_cmpuint (length, ==, size);
  g_assert_true (memcmp (out, data, size) == 0);
  diff = sluice_ddk_config_diff (config);
  g_assert_cmpstr (diff, ==, "");

  problems = sluice_ddk_config_validate (config, NULL);
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (((SluiceDdkProblem *) g_ptr_array_index (problems, i))->message[0] != '\0');
  commands = sluice_ddk_config_bootstrap_commands (config, "fuzz profile");
  for (guint i = 0; i < commands->len; i++)
    g_assert_true (g_str_has_prefix (((SluiceDdkBootstrap *) g_ptr_array_index (commands, i))->command,
                                     "cdk bootstrap aws://"));

  edit (config, data, size);
  return 0;
}
