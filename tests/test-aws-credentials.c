/* test-aws-credentials.c
 *
 * Every spelling of AWS credentials people paste, the exports and their round trips, the
 * ~/.aws/credentials writer, and malformed input.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sluice-aws-credentials.h"
#include "sluice-test-core-utils.h"

#define KEY_ID "AKIAIOSFODNN7EXAMPLE"
#define SESSION_KEY_ID "ASIAWO9HADLEVQKCITUY"
#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN "IQoJb3JpZ2luX2VjEXAMPLE+token/with=="

static GDateTime *
fetch_time (void)
{
  return g_date_time_new_utc (2026, 11, 24, 2, 0, 0);
}

static void
assert_estimated_hour (SluiceAwsCredentials *creds)
{
  g_autoptr(GDateTime) fetched = fetch_time ();
  GDateTime *expiration = sluice_aws_credentials_get_expiration (creds);

  g_assert_nonnull (expiration);
  g_assert_true (sluice_aws_credentials_get_expiration_estimated (creds));
  g_assert_cmpint (g_date_time_difference (expiration, fetched), ==, 3600 * G_TIME_SPAN_SECOND);
}

static SluiceAwsCredentials *
parse_ok (const char                 *text,
          SluiceAwsCredentialsFormat  expected_format)
{
  g_autoptr(GDateTime) fetched = fetch_time ();
  g_autoptr(GError) error = NULL;
  SluiceAwsCredentialsFormat format = -1;
  SluiceAwsCredentials *creds;

  creds = sluice_aws_credentials_parse (text, -1, fetched, &format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (creds);
  g_assert_cmpint (format, ==, expected_format);

  return creds;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_dataall_pipeline_json (void)
{
  g_autoptr(SluiceAwsCredentials) creds = parse_ok (
    "{\"AWS_ACCESS_KEY_ID\": \"" SESSION_KEY_ID "\", \"AWS_SECRET_ACCESS_KEY\": \"" SECRET "\", "
    "\"AWS_SESSION_TOKEN\": \"" TOKEN "\"}", SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_PIPELINE);
  /* As the GraphQL answer carries it: a JSON string holding the object. */
  g_autoptr(SluiceAwsCredentials) wrapped = parse_ok (
    "  \"{\\\"AWS_ACCESS_KEY_ID\\\": \\\"" SESSION_KEY_ID "\\\", \\\"AWS_SECRET_ACCESS_KEY\\\": \\\""
    SECRET "\\\", \\\"AWS_SESSION_TOKEN\\\": \\\"" TOKEN "\\\"}\"\n",
    SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_PIPELINE);

  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (creds), ==, SESSION_KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (creds), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (creds), ==, TOKEN);
  g_assert_cmpint (sluice_aws_credentials_get_kind (creds), ==, SLUICE_AWS_CREDENTIALS_KIND_SESSION);
  assert_estimated_hour (creds);

  g_assert_cmpstr (sluice_aws_credentials_get_session_token (wrapped), ==, TOKEN);
  assert_estimated_hour (wrapped);
}

static void
test_dataall_environment_json (void)
{
  g_autoptr(SluiceAwsCredentials) creds = parse_ok (
    "{\"AccessKey\": \"" SESSION_KEY_ID "\", \"SessionKey\": \"" SECRET "\", "
    "\"sessionToken\": \"" TOKEN "\"}", SLUICE_AWS_CREDENTIALS_FORMAT_DATAALL_ENVIRONMENT);

  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (creds), ==, SESSION_KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (creds), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (creds), ==, TOKEN);
  assert_estimated_hour (creds);
}

static void
test_sts_json (void)
{
  g_autoptr(SluiceAwsCredentials) sts = parse_ok (
    "{\"Credentials\": {\"AccessKeyId\": \"" SESSION_KEY_ID "\", \"SecretAccessKey\": \"" SECRET "\", "
    "\"SessionToken\": \"" TOKEN "\", \"Expiration\": \"2026-11-24T03:15:00+00:00\"}, "
    "\"AssumedRoleUser\": {\"AssumedRoleId\": \"AROA:me\", "
    "\"Arn\": \"arn:aws:sts::111111111111:assumed-role/dev/me\"}}",
    SLUICE_AWS_CREDENTIALS_FORMAT_STS);
  g_autoptr(SluiceAwsCredentials) process = parse_ok (
    "{\"Version\": 1, \"AccessKeyId\": \"" SESSION_KEY_ID "\", \"SecretAccessKey\": \"" SECRET "\", "
    "\"SessionToken\": \"" TOKEN "\", \"Expiration\": \"2026-11-24T03:15:00Z\"}",
    SLUICE_AWS_CREDENTIALS_FORMAT_STS);
  g_autoptr(SluiceAwsCredentials) long_term = parse_ok (
    "{\"Version\": 1, \"AccessKeyId\": \"" KEY_ID "\", \"SecretAccessKey\": \"" SECRET "\"}",
    SLUICE_AWS_CREDENTIALS_FORMAT_STS);
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 11, 24, 3, 15, 0);

  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (sts), ==, "111111111111");
  g_assert_true (g_date_time_equal (sluice_aws_credentials_get_expiration (sts), expected));
  g_assert_false (sluice_aws_credentials_get_expiration_estimated (sts));
  g_assert_true (g_date_time_equal (sluice_aws_credentials_get_expiration (process), expected));
  g_assert_false (sluice_aws_credentials_get_expiration_estimated (process));

  g_assert_cmpint (sluice_aws_credentials_get_kind (long_term), ==, SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM);
  g_assert_null (sluice_aws_credentials_get_expiration (long_term));
  g_assert_cmpint (sluice_aws_credentials_get_seconds_left (long_term, NULL), ==, G_MAXINT64);
  g_assert_false (sluice_aws_credentials_is_expired (long_term, NULL));
}

static void
test_export_lines (void)
{
  g_autoptr(SluiceAwsCredentials) plain = parse_ok (
    "export AWS_ACCESS_KEY_ID=" SESSION_KEY_ID "\n"
    "export AWS_SECRET_ACCESS_KEY=" SECRET "\n"
    "export AWS_SESSION_TOKEN=" TOKEN "\n", SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT);
  g_autoptr(SluiceAwsCredentials) quoted = parse_ok (
    "# from data.all\r\n"
    "  export AWS_ACCESS_KEY_ID=\"" SESSION_KEY_ID "\"\r\n"
    "export AWS_SECRET_ACCESS_KEY='" SECRET "'\r\n"
    "AWS_SESSION_TOKEN = \"" TOKEN "\"\r\n"
    "export AWS_DEFAULT_REGION=eu-west-1\r\n"
    "echo done\r\n", SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT);

  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (plain), ==, SESSION_KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (plain), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (plain), ==, TOKEN);
  assert_estimated_hour (plain);

  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (quoted), ==, SESSION_KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (quoted), ==, SECRET);
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (quoted), ==, TOKEN);
  g_assert_cmpstr (sluice_aws_credentials_get_region (quoted), ==, "eu-west-1");
}

#define INI_FILE \
  "# my keys\n" \
  "[work]\n" \
  "aws_access_key_id = AKIAWORKWORKWORKWORK\n" \
  "aws_secret_access_key = " SECRET "\n" \
  "output = json\n" \
  "\n" \
  "[default]\n" \
  "; the usual one\n" \
  "aws_access_key_id=" KEY_ID "\n" \
  "aws_secret_access_key=" SECRET "\n" \
  "region = eu-central-1\n" \
  "\n" \
  "[profile temp]\n" \
  "aws_access_key_id = " SESSION_KEY_ID "\n" \
  "aws_secret_access_key = " SECRET "\n" \
  "aws_session_token = " TOKEN "\n"

static void
test_ini (void)
{
  g_autoptr(GDateTime) fetched = fetch_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAwsCredentials) pasted = parse_ok (INI_FILE, SLUICE_AWS_CREDENTIALS_FORMAT_INI);
  g_autoptr(SluiceAwsCredentials) work = NULL;
  g_autoptr(SluiceAwsCredentials) temp = NULL;
  g_autoptr(SluiceAwsCredentials) first = NULL;
  g_autoptr(SluiceAwsCredentials) missing = NULL;
  g_auto(GStrv) profiles = sluice_aws_credentials_list_ini_profiles (INI_FILE, -1);
  const char * const expected[] = { "work", "default", "temp", NULL };

  g_assert_cmpstrv (profiles, expected);

  /* A pasted file: the default profile. */
  g_assert_cmpstr (sluice_aws_credentials_get_name (pasted), ==, "default");
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (pasted), ==, KEY_ID);
  g_assert_cmpstr (sluice_aws_credentials_get_region (pasted), ==, "eu-central-1");

  work = sluice_aws_credentials_parse_ini (INI_FILE, -1, "work", fetched, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (work), ==, "AKIAWORKWORKWORKWORK");
  g_assert_null (sluice_aws_credentials_get_session_token (work));

  temp = sluice_aws_credentials_parse_ini (INI_FILE, -1, "temp", fetched, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (temp), ==, TOKEN);
  assert_estimated_hour (temp);

  /* Without a default profile: the first section with keys. */
  first = sluice_aws_credentials_parse ("[empty]\n\n[x]\naws_access_key_id=" KEY_ID "\naws_secret_access_key=" SECRET "\n",
                                        -1, fetched, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sluice_aws_credentials_get_name (first), ==, "x");

  missing = sluice_aws_credentials_parse_ini (INI_FILE, -1, "nope", fetched, &error);
  g_assert_null (missing);
  g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_PROFILE_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nope"));
}

/* ------------------------------------------------------------------------------------------ */

static SluiceAwsCredentials *
full_credentials (void)
{
  g_autoptr(GDateTime) expiration = g_date_time_new_utc (2026, 11, 24, 3, 0, 0);
  SluiceAwsCredentials *creds = sluice_aws_credentials_new (SESSION_KEY_ID, SECRET, TOKEN);

  sluice_aws_credentials_set_expiration (creds, expiration, TRUE);
  sluice_aws_credentials_set_name (creds, "customer-360 (CICD)");
  sluice_aws_credentials_set_aws_account_id (creds, "111111111111");
  sluice_aws_credentials_set_region (creds, "eu-west-1");
  sluice_aws_credentials_set_pipeline_uri (creds, "esok50ll");
  sluice_aws_credentials_set_repository (creds, "dataall-customer-360-esok50ll");
  sluice_aws_credentials_set_dataall_account (creds, "engineer@example.com on Acme");

  return creds;
}

static void
assert_same_keys (SluiceAwsCredentials *a,
                  SluiceAwsCredentials *b)
{
  g_assert_cmpstr (sluice_aws_credentials_get_access_key_id (a), ==, sluice_aws_credentials_get_access_key_id (b));
  g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (a), ==, sluice_aws_credentials_get_secret_access_key (b));
  g_assert_cmpstr (sluice_aws_credentials_get_session_token (a), ==, sluice_aws_credentials_get_session_token (b));
}

static void
test_json_round_trip (void)
{
  g_autoptr(SluiceAwsCredentials) creds = full_credentials ();
  g_autoptr(SluiceAwsCredentials) back = NULL;
  g_autoptr(SluiceAwsCredentials) copy = sluice_aws_credentials_copy (creds);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sluice_aws_credentials_to_json (creds);
  SluiceAwsCredentialsFormat format;

  back = sluice_aws_credentials_from_json (json, &error);
  g_assert_no_error (error);
  assert_same_keys (creds, back);
  g_assert_true (g_date_time_equal (sluice_aws_credentials_get_expiration (creds),
                                    sluice_aws_credentials_get_expiration (back)));
  g_assert_true (sluice_aws_credentials_get_expiration_estimated (back));
  g_assert_cmpstr (sluice_aws_credentials_get_name (back), ==, "customer-360 (CICD)");
  g_assert_cmpstr (sluice_aws_credentials_get_aws_account_id (back), ==, "111111111111");
  g_assert_cmpstr (sluice_aws_credentials_get_region (back), ==, "eu-west-1");
  g_assert_cmpstr (sluice_aws_credentials_get_pipeline_uri (back), ==, "esok50ll");
  g_assert_cmpstr (sluice_aws_credentials_get_repository (back), ==, "dataall-customer-360-esok50ll");
  g_assert_cmpstr (sluice_aws_credentials_get_dataall_account (back), ==, "engineer@example.com on Acme");

  g_clear_object (&back);
  back = sluice_aws_credentials_parse (json, -1, NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, SLUICE_AWS_CREDENTIALS_FORMAT_SLUICE);

  assert_same_keys (creds, copy);
  g_assert_cmpstr (sluice_aws_credentials_get_repository (copy), ==, "dataall-customer-360-esok50ll");
}

static void
test_export_round_trip (void)
{
  g_autoptr(SluiceAwsCredentials) creds = full_credentials ();
  g_autoptr(SluiceAwsCredentials) long_term = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  g_autofree char *lines = sluice_aws_credentials_to_export_lines (creds);
  g_autofree char *process = sluice_aws_credentials_to_credential_process_json (creds);
  g_autofree char *long_lines = sluice_aws_credentials_to_export_lines (long_term);
  g_autoptr(SluiceAwsCredentials) from_lines = parse_ok (lines, SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT);
  g_autoptr(SluiceAwsCredentials) from_process = parse_ok (process, SLUICE_AWS_CREDENTIALS_FORMAT_STS);
  g_autoptr(SluiceAwsCredentials) from_long = parse_ok (long_lines, SLUICE_AWS_CREDENTIALS_FORMAT_EXPORT);

  g_assert_cmpstr (lines, ==,
                   "export AWS_ACCESS_KEY_ID=\"" SESSION_KEY_ID "\"\n"
                   "export AWS_SECRET_ACCESS_KEY=\"" SECRET "\"\n"
                   "export AWS_SESSION_TOKEN=\"" TOKEN "\"\n"
                   "export AWS_DEFAULT_REGION=\"eu-west-1\"\n");
  assert_same_keys (creds, from_lines);
  g_assert_cmpstr (sluice_aws_credentials_get_region (from_lines), ==, "eu-west-1");

  g_assert_nonnull (strstr (process, "\"Version\" : 1"));
  g_assert_nonnull (strstr (process, "\"Expiration\" : \"2026-11-24T03:00:00Z\""));
  assert_same_keys (creds, from_process);
  g_assert_true (g_date_time_equal (sluice_aws_credentials_get_expiration (creds),
                                    sluice_aws_credentials_get_expiration (from_process)));

  g_assert_null (strstr (long_lines, "TOKEN"));
  assert_same_keys (long_term, from_long);
}

static void
test_update_ini (void)
{
  g_autoptr(SluiceAwsCredentials) creds = full_credentials ();
  g_autoptr(SluiceAwsCredentials) long_term = sluice_aws_credentials_new ("AKIANEWNEWNEWNEWNEW1", SECRET, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *added = sluice_aws_credentials_update_ini (creds, INI_FILE, "pipeline");
  g_autofree char *replaced = sluice_aws_credentials_update_ini (long_term, INI_FILE, "temp");
  g_autofree char *work = sluice_aws_credentials_update_ini (long_term, INI_FILE, "work");
  g_autofree char *fresh = sluice_aws_credentials_update_ini (creds, NULL, "default");
  g_autoptr(SluiceAwsCredentials) back = NULL;

  /* A new profile: everything before it unchanged. */
  g_assert_true (g_str_has_prefix (added, INI_FILE));
  g_assert_cmpstr (added + strlen (INI_FILE), ==,
                   "\n[pipeline]\n"
                   "aws_access_key_id = " SESSION_KEY_ID "\n"
                   "aws_secret_access_key = " SECRET "\n"
                   "aws_session_token = " TOKEN "\n"
                   "region = eu-west-1\n");
  back = sluice_aws_credentials_parse_ini (added, -1, "pipeline", NULL, &error);
  g_assert_no_error (error);
  assert_same_keys (creds, back);
  g_clear_object (&back);

  /* Long-term keys into a session profile: the old token goes. */
  g_assert_cmpstr (replaced, ==,
                   "# my keys\n"
                   "[work]\n"
                   "aws_access_key_id = AKIAWORKWORKWORKWORK\n"
                   "aws_secret_access_key = " SECRET "\n"
                   "output = json\n"
                   "\n"
                   "[default]\n"
                   "; the usual one\n"
                   "aws_access_key_id=" KEY_ID "\n"
                   "aws_secret_access_key=" SECRET "\n"
                   "region = eu-central-1\n"
                   "\n"
                   "[profile temp]\n"
                   "aws_access_key_id = AKIANEWNEWNEWNEWNEW1\n"
                   "aws_secret_access_key = " SECRET "\n");
  back = sluice_aws_credentials_parse_ini (replaced, -1, "temp", NULL, &error);
  g_assert_no_error (error);
  assert_same_keys (long_term, back);
  g_clear_object (&back);

  /* Other keys and the blank line before the next section are kept. */
  g_assert_true (g_str_has_prefix (work,
                                   "# my keys\n"
                                   "[work]\n"
                                   "aws_access_key_id = AKIANEWNEWNEWNEWNEW1\n"
                                   "aws_secret_access_key = " SECRET "\n"
                                   "output = json\n"
                                   "\n"
                                   "[default]\n"));

  /* A session token added to a section that had none goes after its last key. */
  {
    g_autofree char *with_token = sluice_aws_credentials_update_ini (creds, work, "work");

    g_assert_true (g_str_has_prefix (with_token,
                                     "# my keys\n"
                                     "[work]\n"
                                     "aws_access_key_id = " SESSION_KEY_ID "\n"
                                     "aws_secret_access_key = " SECRET "\n"
                                     "output = json\n"
                                     "aws_session_token = " TOKEN "\n"
                                     "region = eu-west-1\n"
                                     "\n"
                                     "[default]\n"));
  }

  g_assert_cmpstr (fresh, ==,
                   "[default]\n"
                   "aws_access_key_id = " SESSION_KEY_ID "\n"
                   "aws_secret_access_key = " SECRET "\n"
                   "aws_session_token = " TOKEN "\n"
                   "region = eu-west-1\n");
}

static void
test_write_profile (void)
{
  g_autoptr(SluiceAwsCredentials) creds = full_credentials ();
  g_autoptr(SluiceAwsCredentials) back = NULL;
  g_autoptr(GFile) file = sluice_aws_credentials_get_default_file ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *entry;
  GStatBuf st;

  /* G_TEST_OPTION_ISOLATE_DIRS: HOME is a fresh folder. */
  g_assert_true (g_str_has_suffix (path, "/.aws/credentials"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (sluice_aws_credentials_write_profile (creds, NULL, "pipeline", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* A file readable by others becomes private; its other profiles and comments stay. */
  g_file_set_contents (path, INI_FILE, -1, &error);
  g_assert_no_error (error);
  g_chmod (path, 0644);
  g_assert_true (sluice_aws_credentials_write_profile (creds, file, "pipeline", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, INI_FILE));
  back = sluice_aws_credentials_parse_ini (contents, -1, "pipeline", NULL, &error);
  g_assert_no_error (error);
  assert_same_keys (creds, back);

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (entry, ==, "credentials");

  /* Refusals. */
  g_assert_false (sluice_aws_credentials_write_profile (creds, file, "bad]name", NULL, &error));
  g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_PROFILE_NAME);
  g_clear_error (&error);
  g_assert_false (sluice_aws_credentials_write_profile (creds, file, "", NULL, &error));
  g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_BAD_PROFILE_NAME);
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_checks (void)
{
  static const struct { const char *value; int code; } key_ids[] = {
    { KEY_ID, -1 },
    { "AKIA0123456789ABCDEF0123", -1 },
    { "", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { NULL, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "AKIAIOSFODNN7EXAMPL", -1 },
    { "akiaiosfodnn7example", SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID },
    { "AKIA IOSFODNN7EXAMPLE", SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID },
    { "AKIA", SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID },
  };
  static const struct { const char *value; int code; } secrets[] = {
    { SECRET, -1 },
    { "", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET },
    { "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET },
    { "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1", SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET },
    { "wJalrXUtnFEMI-K7MDENG/bPxRfiCYEXAMPLEKEY", SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (key_ids); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sluice_aws_credentials_check_access_key_id (key_ids[i].value, &error);

      if (key_ids[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, key_ids[i].code);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sluice_aws_credentials_check_secret_access_key (secrets[i].value, &error);

      if (secrets[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, secrets[i].code);
          /* The message never repeats the secret. */
          g_assert_null (strstr (error->message, secrets[i].value[0] ? secrets[i].value : "\x01"));
        }
    }

  g_assert_true (sluice_aws_credentials_check_session_token (NULL, NULL));
  g_assert_true (sluice_aws_credentials_check_session_token (TOKEN, NULL));
  g_assert_false (sluice_aws_credentials_check_session_token ("abc def", NULL));
  g_assert_true (sluice_aws_credentials_check_profile_name ("my-profile", NULL));
  g_assert_false (sluice_aws_credentials_check_profile_name (" x", NULL));
  g_assert_false (sluice_aws_credentials_check_profile_name ("a\nb", NULL));
}

static void
test_malformed (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "   \n\n", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "hello world", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "{", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "{\"AWS_ACCESS_KEY_ID\": ", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "\"not json inside\"", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "\"\\\"a string in a string\\\"\"", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "{}", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "{\"Credentials\": 5}", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "{\"AWS_ACCESS_KEY_ID\": 12}", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "{\"AWS_ACCESS_KEY_ID\": \"" KEY_ID "\"}", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET },
    { "{\"AccessKey\": \"" KEY_ID "\", \"SessionKey\": null}", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET },
    { "{\"AWS_ACCESS_KEY_ID\": \"akid\", \"AWS_SECRET_ACCESS_KEY\": \"" SECRET "\"}", SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID },
    { "{\"AWS_ACCESS_KEY_ID\": \"" KEY_ID "\", \"AWS_SECRET_ACCESS_KEY\": \"short\"}", SLUICE_AWS_CREDENTIALS_ERROR_BAD_SECRET },
    { "{\"AWS_ACCESS_KEY_ID\": \"" KEY_ID "\", \"AWS_SECRET_ACCESS_KEY\": \"" SECRET "\", \"AWS_SESSION_TOKEN\": \"a b\"}", SLUICE_AWS_CREDENTIALS_ERROR_BAD_TOKEN },
    { "{\"AccessKeyId\": \"" KEY_ID "\", \"SecretAccessKey\": \"" SECRET "\", \"SessionToken\": \"t\", \"Expiration\": \"soon\"}", SLUICE_AWS_CREDENTIALS_ERROR_BAD_EXPIRATION },
    { "[1, 2]", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "{\"a\": 1}{\"b\": 2}", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "\"99{\\\"AccessKey\\\": 1}\"", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
    { "export AWS_ACCESS_KEY_ID=" KEY_ID, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET },
    { "export AWS_SECRET_ACCESS_KEY=" SECRET, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "export AWS_ACCESS_KEY_ID=\"" KEY_ID "\nexport AWS_SECRET_ACCESS_KEY=" SECRET, SLUICE_AWS_CREDENTIALS_ERROR_BAD_KEY_ID },
    { "[default]\n", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "[default]\naws_access_key_id\n", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_KEY_ID },
    { "[default]\naws_access_key_id = " KEY_ID "\n", SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET },
    { "\xff\xfe{}", SLUICE_AWS_CREDENTIALS_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_parse (cases[i].text, -1, NULL, NULL, &error);

      g_test_message ("case %u", i);
      g_assert_null (creds);
      g_assert_error (error, SLUICE_AWS_CREDENTIALS_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (strstr (error->message, SECRET));
    }

  /* A length cuts the text: what follows is not read. */
  {
    const char *text = "export AWS_ACCESS_KEY_ID=" KEY_ID "\nexport AWS_SECRET_ACCESS_KEY=" SECRET "\ngarbage";
    g_autoptr(GError) error = NULL;
    g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_parse (text, strlen (text) - 8, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sluice_aws_credentials_get_secret_access_key (creds), ==, SECRET);
  }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_new (KEY_ID, SECRET, NULL);
  g_autoptr(GDateTime) soon = g_date_time_new_utc (2026, 11, 24, 3, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 2, 30, 0);
  g_autofree char *masked = sluice_aws_credentials_mask (SECRET);
  guint count = 0;
  int kind;

  g_signal_connect (creds, "notify", G_CALLBACK (notify_cb), &count);
  sluice_aws_credentials_set_name (creds, "mine");
  sluice_aws_credentials_set_name (creds, "mine");
  g_assert_cmpuint (count, ==, 1);

  /* A token makes session credentials: token and kind change. */
  sluice_aws_credentials_set_session_token (creds, TOKEN);
  g_assert_cmpuint (count, ==, 3);
  g_object_get (creds, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, SLUICE_AWS_CREDENTIALS_KIND_SESSION);

  sluice_aws_credentials_set_expiration (creds, soon, FALSE);
  sluice_aws_credentials_set_expiration (creds, soon, FALSE);
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpint (sluice_aws_credentials_get_seconds_left (creds, now), ==, 1800);
  g_assert_false (sluice_aws_credentials_is_expired (creds, now));
  g_assert_true (sluice_aws_credentials_is_expired (creds, soon));

  g_assert_cmpstr (masked, ==, "••••••••EKEY");
  g_assert_cmpstr (sluice_aws_credentials_kind_to_string (SLUICE_AWS_CREDENTIALS_KIND_LONG_TERM), ==, "long-term");
}

static void
write_profile_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_write_profile_async (void)
{
  g_autoptr(SluiceAwsCredentials) creds = full_credentials ();
  g_autoptr(SluiceAwsCredentials) back = NULL;
  g_autoptr(SluiceAwsCredentials) other = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sluice-write-profile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "credentials", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *blocked_path = g_build_filename (blocker, "credentials", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) blocked = g_file_new_for_path (blocked_path);
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_nonnull (dir);
  g_file_set_contents (path, INI_FILE, -1, &error);
  g_assert_no_error (error);
  g_chmod (path, 0644);

  /* Written on a worker thread: the profile is there, the other profiles and comments stay, and
   * the file is the user's alone. The result's source is the credentials. */
  sluice_aws_credentials_write_profile_async (creds, file, "pipeline", NULL, write_profile_done_cb, &result);
  /* Later changes to the object are not what gets written. */
  sluice_aws_credentials_set_region (creds, "us-east-2");
  g_assert_true (g_task_is_valid (wait_result (&result), creds));
  g_assert_true (sluice_aws_credentials_write_profile_finish (creds, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, INI_FILE));
  back = sluice_aws_credentials_parse_ini (contents, -1, "pipeline", NULL, &error);
  g_assert_no_error (error);
  assert_same_keys (creds, back);
  g_assert_cmpstr (sluice_aws_credentials_get_region (back), ==, "eu-west-1");
  other = sluice_aws_credentials_parse_ini (contents, -1, "default", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);

  /* A folder that cannot be made (a plain file is in the way): an error, nothing written. */
  g_file_set_contents (blocker, "", -1, &error);
  g_assert_no_error (error);
  sluice_aws_credentials_write_profile_async (creds, blocked, "pipeline", NULL, write_profile_done_cb, &result);
  g_assert_false (sluice_aws_credentials_write_profile_finish (creds, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, "Could not "));
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_false (g_file_test (blocked_path, G_FILE_TEST_EXISTS));

  /* Cancelled: the caller hears so, and the file is as it was. */
  g_cancellable_cancel (cancellable);
  sluice_aws_credentials_write_profile_async (creds, file, "cancelled", cancellable, write_profile_done_cb, &result);
  g_assert_false (sluice_aws_credentials_write_profile_finish (creds, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "[cancelled]"));

  g_unlink (blocker);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/aws-credentials/parse/dataall-pipeline", test_dataall_pipeline_json);
  g_test_add_func ("/sluice/aws-credentials/parse/dataall-environment", test_dataall_environment_json);
  g_test_add_func ("/sluice/aws-credentials/parse/sts", test_sts_json);
  g_test_add_func ("/sluice/aws-credentials/parse/export-lines", test_export_lines);
  g_test_add_func ("/sluice/aws-credentials/parse/ini", test_ini);
  g_test_add_func ("/sluice/aws-credentials/parse/malformed", test_malformed);
  g_test_add_func ("/sluice/aws-credentials/round-trip/json", test_json_round_trip);
  g_test_add_func ("/sluice/aws-credentials/round-trip/export", test_export_round_trip);
  g_test_add_func ("/sluice/aws-credentials/ini/update", test_update_ini);
  g_test_add_func ("/sluice/aws-credentials/ini/write-profile", test_write_profile);
  g_test_add_func ("/sluice/aws-credentials/ini/write-profile-async", test_write_profile_async);
  g_test_add_func ("/sluice/aws-credentials/checks", test_checks);
  g_test_add_func ("/sluice/aws-credentials/properties", test_properties);

  return g_test_run ();
}
