/* fuzz-aws-credentials.c: libFuzzer target for the AWS credential parsers
 *
 * Feeds arbitrary text to every parser (auto-detected JSON, export lines, INI; an INI profile
 * by name; the profile list; the field checks) and, whenever credentials come out, checks that
 * every export reads back to the same keys. Criticals and warnings are fatal.
 *
 * Build and run: build-aux/dev fuzz (meson -Dfuzzing=true with clang).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sluice-aws-credentials.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
assert_same_keys (SluiceAwsCredentials *a,
                  SluiceAwsCredentials *b)
{
  g_assert_nonnull (b);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (a), ==, sluice_aws_credentials_get_access_key_id (b));
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (a), ==, sluice_aws_credentials_get_secret_access_key (b));
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (a), ==, sluice_aws_credentials_get_session_token (b));
}

static void
round_trips (SluiceAwsCredentials *creds,
             const char           *existing)
{
  g_autofree char *json = sluice_aws_credentials_to_json (creds);
  g_autofree char *lines = sluice_aws_credentials_to_export_lines (creds);
  g_autofree char *process = sluice_aws_credentials_to_credential_process_json (creds);
  g_autofree char *fresh = sluice_aws_credentials_update_ini (creds, NULL, "fuzz");
  g_autofree char *updated = NULL;
  g_autoptr(SluiceAwsCredentials) from_json = sluice_aws_credentials_from_json (json, NULL);
  g_autoptr(SluiceAwsCredentials) from_lines = sluice_aws_credentials_parse (lines, -1, NULL, NULL, NULL);
  g_autoptr(SluiceAwsCredentials) from_process = sluice_aws_credentials_parse (process, -1, NULL, NULL, NULL);
  g_autoptr(SluiceAwsCredentials) from_fresh = sluice_aws_credentials_parse_ini (fresh, -1, "fuzz", NULL, NULL);

  assert_same_keys (creds, from_json);
  assert_same_keys (creds, from_lines);
  assert_same_keys (creds, from_process);
  assert_same_keys (creds, from_fresh);

  /* Into a file that is the fuzzer's text: whatever it held, the profile reads back. */
  if (existing != NULL && g_utf8_validate (existing, -1, NULL))
    {
      g_autoptr(SluiceAwsCredentials) from_updated = NULL;

      updated = sluice_aws_credentials_update_ini (creds, existing, "fuzz");
      from_updated = sluice_aws_credentials_parse_ini (updated, -1, "fuzz", NULL, NULL);
      assert_same_keys (creds, from_updated);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *warm_up = "{\"AWS_ACCESS_KEY_ID\": \"ASIAWO9HADLEVQKCITUY\", "
                        "\"AWS_SECRET_ACCESS_KEY\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\", "
                        "\"AWS_SESSION_TOKEN\": \"IQoJb3JpZ2luX2Vj\"}";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* One-time allocations (types, quarks, time zones) must not look like leaks of an input. */
  {
    g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_parse (warm_up, -1, NULL, NULL, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceAwsCredentials) bad = sluice_aws_credentials_parse ("x", -1, NULL, NULL, &error);

    g_assert_nonnull (creds);
    round_trips (creds, "[a]\n");
  }

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAwsCredentials) creds = NULL;
  g_autoptr(SluiceAwsCredentials) from_ini = NULL;
  g_auto(GStrv) profiles = NULL;
  SluiceAwsCredentialsFormat format;

  creds = sluice_aws_credentials_parse ((const char *) data, size, NULL, &format, &error);
  g_assert ((creds == NULL) != (error == NULL));
  if (error != NULL)
    g_assert_true (error->domain == SLUICE_AWS_CREDENTIALS_ERROR && error->message[0] != '\0');
  if (creds != NULL)
    {
      g_assert_true (sluice_aws_credentials_validate (creds, NULL));
      round_trips (creds, text);
    }
  g_clear_error (&error);

  if (g_utf8_validate (text, -1, NULL))
    {
      profiles = sluice_aws_credentials_list_ini_profiles (text, -1);
      from_ini = sluice_aws_credentials_parse_ini (text, -1, profiles[0], NULL, &error);
      g_assert ((from_ini == NULL) != (error == NULL));
    }

  sluice_aws_credentials_check_access_key_id (text, NULL);
  sluice_aws_credentials_check_secret_access_key (text, NULL);
  sluice_aws_credentials_check_session_token (text, NULL);
  sluice_aws_credentials_check_profile_name (text, NULL);

  return 0;
}
