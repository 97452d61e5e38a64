/* test-sigv4.c
 *
 * AWS Signature V4: AWS's published test suite (as kept by botocore), the CodeCommit "GIT"
 * vectors of ../shared/docs/codecommit-git-credentials.md, and random requests checked
 * against Debian's python3-botocore.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sluice-sigv4.h"
#include "sluice-test-core-utils.h"

#define SUITE_KEY_ID "AKIDEXAMPLE"
#define SUITE_SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

/* ------------------------------------------------------------------------------------------ */
/* aws-sig-v4-test-suite                                                                      */
/* ------------------------------------------------------------------------------------------ */

static char *
read_vector (const char *dir,
             const char *name,
             const char *ext)
{
  g_autofree char *file = g_strconcat (name, ext, NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
percent_decode_form (const char *str)
{
  g_autofree char *plus = g_strdup (str);
  char *decoded;

  /* parse_qsl(), as botocore's test harness reads the query: "+" is a space. */
  g_strdelimit (plus, "+", ' ');
  decoded = g_uri_unescape_string (plus, NULL);

  return decoded != NULL ? decoded : g_strdup (plus);
}

/* Reads a .req file the way botocore's test harness does (folded header lines joined). */
static SluiceSigV4Request *
parse_raw_request (const char *raw)
{
  g_autoptr(SluiceSigV4Request) request = NULL;
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);
  g_autofree char *method = NULL;
  g_autofree char *target = NULL;
  g_autofree char *header_name = NULL;
  GString *header_value = NULL;
  const char *space, *version, *query;
  g_autofree char *path = NULL;
  guint i;

  space = strchr (lines[0], ' ');
  version = g_strrstr (lines[0], " HTTP/");
  g_assert_nonnull (space);
  g_assert_nonnull (version);
  method = g_strndup (lines[0], space - lines[0]);
  target = g_strndup (space + 1, version - space - 1);

  query = strchr (target, '?');
  path = query != NULL ? g_strndup (target, query - target) : g_strdup (target);
  request = sluice_sigv4_request_new (method, path);

  if (query != NULL)
    {
      g_auto(GStrv) pairs = g_strsplit (query + 1, "&", -1);

      for (guint j = 0; pairs[j] != NULL; j++)
        {
          char *eq = strchr (pairs[j], '=');
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          if (eq != NULL)
            *eq = '\0';
          name = percent_decode_form (pairs[j]);
          value = percent_decode_form (eq != NULL ? eq + 1 : "");
          sluice_sigv4_request_add_query_param (request, name, value);
        }
    }

  for (i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      const char *line = lines[i];
      const char *colon;

      if ((line[0] == ' ' || line[0] == '\t') && header_value != NULL)
        {
          g_string_append_printf (header_value, "\n%s", line);
          continue;
        }
      if (header_name != NULL)
        {
          sluice_sigv4_request_add_header (request, header_name, header_value->str);
          g_clear_pointer (&header_name, g_free);
          g_string_free (header_value, TRUE);
        }
      colon = strchr (line, ':');
      g_assert_nonnull (colon);
      header_name = g_strndup (line, colon - line);
      header_value = g_string_new (colon + 1);
    }
  if (header_name != NULL)
    {
      sluice_sigv4_request_add_header (request, header_name, header_value->str);
      g_string_free (header_value, TRUE);
    }

  if (lines[i] != NULL && lines[i + 1] != NULL)
    {
      g_autofree char *body = g_strjoinv ("\n", lines + i + 1);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      sluice_sigv4_request_set_body (request, bytes);
    }

  return g_steal_pointer (&request);
}

static char *
token_in_canonical_request (const char *creq)
{
  const char *line = strstr (creq, "\nx-amz-security-token:");

  if (line == NULL)
    return NULL;
  line += strlen ("\nx-amz-security-token:");

  return g_strndup (line, strcspn (line, "\n"));
}

static void
test_suite_case (gconstpointer data)
{
  const char *dir = data;
  g_autofree char *name = g_path_get_basename (dir);
  g_autofree char *req = read_vector (dir, name, ".req");
  g_autofree char *creq = read_vector (dir, name, ".creq");
  g_autofree char *sts = read_vector (dir, name, ".sts");
  g_autofree char *authz = read_vector (dir, name, ".authz");
  g_autoptr(SluiceSigV4Request) request = parse_raw_request (req);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2015, 8, 30, 12, 36, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *actual_sts = NULL;
  g_autofree char *actual_creq = NULL;

  /* get-vanilla-with-session-token signs a token that its .req does not carry: the signer adds
   * it. post-sts-header-before carries it already, and post-sts-header-after adds it only after
   * signing, so both sign without one. */
  if (sluice_sigv4_request_get_header (request, "X-Amz-Security-Token") == NULL)
    token = token_in_canonical_request (creq);

  g_assert_true (sluice_sigv4_request_sign (request, SUITE_KEY_ID, SUITE_SECRET, token,
                                            "us-east-1", "service", when, &actual_sts, &error));
  g_assert_no_error (error);

  actual_creq = sluice_sigv4_request_get_canonical_request (request);
  g_assert_cmpstr (actual_creq, ==, creq);
  g_assert_cmpstr (actual_sts, ==, sts);
  g_assert_cmpstr (sluice_sigv4_request_get_header (request, "Authorization"), ==, authz);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_suite_cases (const char *dir,
                 const char *test_prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *req_file = g_strconcat (name, ".req", NULL);
      g_autofree char *req = g_build_filename (path, req_file, NULL);
      g_autofree char *test_path = g_strconcat (test_prefix, "/", name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      if (g_file_test (req, G_FILE_TEST_EXISTS))
        g_test_add_data_func_full (test_path, g_strdup (path), test_suite_case, g_free);
      else
        add_suite_cases (path, test_path);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Pieces                                                                                     */
/* ------------------------------------------------------------------------------------------ */

static void
test_uri_encode (void)
{
  g_autofree char *a = sluice_sigv4_uri_encode ("AZaz09-_.~ /+=%\xe1\x88\xb4", FALSE);
  g_autofree char *b = sluice_sigv4_uri_encode ("/a b/c", TRUE);

  g_assert_cmpstr (a, ==, "AZaz09-_.~%20%2F%2B%3D%25%E1%88%B4");
  g_assert_cmpstr (b, ==, "/a%20b/c");
}

static void
test_normalize_path (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "", "/" },
    { "/", "/" },
    { "//", "/" },
    { "/a/./b/../c/", "/a/c/" },
    { "/a/..", "/" },
    { "/../..", "/" },
    { "//example//", "/example/" },
    { "a/b", "a/b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = sluice_sigv4_normalize_path (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_sign_refusals (void)
{
  g_autoptr(SluiceSigV4Request) request = sluice_sigv4_request_new ("GET", "/");
  g_autoptr(GError) error = NULL;

  g_assert_false (sluice_sigv4_request_sign (request, SUITE_KEY_ID, SUITE_SECRET, NULL,
                                             "us-east-1", "service", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  sluice_sigv4_request_add_header (request, "Host", "example.amazonaws.com");
  g_assert_false (sluice_sigv4_request_sign (request, SUITE_KEY_ID, "", NULL,
                                             "us-east-1", "service", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (sluice_sigv4_request_sign (request, SUITE_KEY_ID, SUITE_SECRET, NULL,
                                             NULL, "service", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Signing twice replaces the date and the signature rather than adding a second one. */
  g_assert_true (sluice_sigv4_request_sign (request, SUITE_KEY_ID, SUITE_SECRET, "tok",
                                            "us-east-1", "service", NULL, NULL, &error));
  g_assert_true (sluice_sigv4_request_sign (request, SUITE_KEY_ID, SUITE_SECRET, "tok",
                                            "us-east-1", "service", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sluice_sigv4_request_get_n_headers (request), ==, 4);
  g_assert_cmpstr (sluice_sigv4_request_get_header (request, "x-amz-security-token"), ==, "tok");
}

static void
test_query_string (void)
{
  g_autoptr(SluiceSigV4Request) request = sluice_sigv4_request_new ("get", "/x");
  g_autofree char *query = NULL;

  sluice_sigv4_request_add_query_param (request, "b", "two words");
  sluice_sigv4_request_add_query_param (request, "a", "z");
  sluice_sigv4_request_add_query_param (request, "a", "y/=");
  query = sluice_sigv4_request_get_query_string (request);
  g_assert_cmpstr (query, ==, "a=y%2F%3D&a=z&b=two%20words");
  g_assert_cmpstr (sluice_sigv4_request_get_method (request), ==, "GET");
}

/* ------------------------------------------------------------------------------------------ */
/* CodeCommit "GIT" variant                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
test_codecommit_worked_example (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2015, 8, 30, 12, 36, 0);
  g_autofree char *creq = sluice_sigv4_codecommit_canonical_request ("git-codecommit.us-east-1.amazonaws.com",
                                                                     "/v1/repos/my-pipeline-repo");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, creq, -1);
  g_autofree char *signature = sluice_sigv4_codecommit_signature (SUITE_SECRET, "us-east-1",
                                                                  "git-codecommit.us-east-1.amazonaws.com",
                                                                  "/v1/repos/my-pipeline-repo",
                                                                  "20150830T123600");
  g_autofree char *password = sluice_sigv4_codecommit_password (SUITE_SECRET, "us-east-1",
                                                                "git-codecommit.us-east-1.amazonaws.com",
                                                                "/v1/repos/my-pipeline-repo", when);

  g_assert_cmpstr (creq, ==, "GIT\n/v1/repos/my-pipeline-repo\n\nhost:git-codecommit.us-east-1.amazonaws.com\n\nhost\n");
  g_assert_cmpstr (hash, ==, "d2c72fe403c949ecf3dbb5783c8936be9745aa036b39af88c361862d158ffc85");
  g_assert_cmpstr (signature, ==, "1566350dd79cffa3c445369d9a367cac84de05f7671be917064465e38a4ca871");
  g_assert_cmpstr (password, ==, "20150830T123600Z1566350dd79cffa3c445369d9a367cac84de05f7671be917064465e38a4ca871");
}

static void
test_codecommit_upstream_vectors (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2017, 12, 24, 11, 53, 20);
  g_autofree char *plain = sluice_sigv4_codecommit_password ("secret", "us-west-2",
                                                             "git-codecommit.us-west-2.amazonaws.com",
                                                             "/v1/repos/test_repo", when);
  g_autofree char *override = sluice_sigv4_codecommit_password ("secret", "us-west-2",
                                                                "land.called.honahlee",
                                                                "/v1/repos/test_repo", when);

  /* EXPECTED_URL and EXPECTED_URL_WITH_TOKEN share this password: the token is not signed. */
  g_assert_cmpstr (plain, ==, "20171224T115320Zb6df2d758a8023b2f000a546417007b65494f3ce8ad0300fd45fcfa173f1959a");
  g_assert_cmpstr (override, ==, "20171224T115320Za14a37a53035bbceb6e1748247b143124fe7326cdffd3d418236a592ce6158a0");
}

static void
test_codecommit_time_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2017, 12, 24, 13, 53, 20);
  g_autofree char *password = sluice_sigv4_codecommit_password ("secret", "us-west-2",
                                                                "git-codecommit.us-west-2.amazonaws.com",
                                                                "/v1/repos/test_repo", when);

  g_assert_cmpstr (password, ==, "20171224T115320Zb6df2d758a8023b2f000a546417007b65494f3ce8ad0300fd45fcfa173f1959a");
}

/* ------------------------------------------------------------------------------------------ */
/* Random requests against botocore                                                           */
/* ------------------------------------------------------------------------------------------ */

#define N_RANDOM_REQUESTS 50

static char *
random_string (GRand      *rand,
               const char *const *alphabet,
               guint       n_alphabet,
               guint       min_len,
               guint       max_len)
{
  GString *out = g_string_new (NULL);
  guint len = g_rand_int_range (rand, min_len, max_len + 1);

  for (guint i = 0; i < len; i++)
    g_string_append (out, alphabet[g_rand_int_range (rand, 0, n_alphabet)]);

  return g_string_free (out, FALSE);
}

static const char * const text_chars[] = {
  "a", "b", "c", "X", "Y", "Z", "0", "7", "9", "-", "_", ".", "~", " ", "%", "$", "+", "=",
  "&", "/", ":", "@", "!", "*", "'", "(", ")", ",", ";", "\xc3\xa9", "\xe1\x88\xb4",
};
static const char * const segment_chars[] = {
  "a", "b", "c", "X", "Y", "Z", "0", "7", "-", "_", ".", "~", " ", "%", "$", "+", "=", "&",
  ":", "@", "!", "*", "(", ")", ",", ";", "\xc3\xa9", "\xe1\x88\xb4",
};
static const char * const key_chars[] = {
  "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
  "S", "T", "U", "V", "W", "X", "Y", "Z", "2", "3", "4", "5", "6", "7",
};
static const char * const secret_chars[] = {
  "a", "b", "c", "d", "e", "f", "g", "h", "Q", "R", "S", "T", "U", "V", "0", "1", "2", "3",
  "+", "/",
};

static JsonNode *
random_request (GRand *rand)
{
  static const char * const methods[] = { "GET", "POST", "PUT", "DELETE", "HEAD" };
  static const char * const hosts[] = {
    "example.amazonaws.com", "codepipeline.eu-west-1.amazonaws.com", "127.0.0.1:8790",
    "localhost:1234",
  };
  static const char * const header_names[] = {
    "Content-Type", "X-Amz-Target", "My-Header", "my-header", "X-Custom-Thing", "User-Agent",
    "Accept", "Content-Length", "X-Amzn-Trace-Id", "Expect",
  };
  static const char * const regions[] = { "us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1" };
  static const char * const services[] = { "codepipeline", "sts", "service", "codecommit" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *key = NULL;
  g_autofree char *secret = NULL;
  const char *method = methods[g_rand_int_range (rand, 0, G_N_ELEMENTS (methods))];
  const char *host = hosts[g_rand_int_range (rand, 0, G_N_ELEMENTS (hosts))];
  GString *path = g_string_new (NULL);
  guint n;

  /* Segments, with the odd "." or "..", and the odd doubled or trailing slash. */
  n = g_rand_int_range (rand, 0, 5);
  for (guint i = 0; i < n; i++)
    {
      guint kind = g_rand_int_range (rand, 0, 10);

      g_string_append_c (path, '/');
      if (kind == 0)
        g_string_append (path, ".");
      else if (kind == 1)
        g_string_append (path, "..");
      else if (kind == 2)
        g_string_append_c (path, '/');
      else
        {
          g_autofree char *segment = random_string (rand, segment_chars, G_N_ELEMENTS (segment_chars), 1, 8);
          g_string_append (path, segment);
        }
    }
  if (n == 0 || g_rand_boolean (rand))
    g_string_append_c (path, '/');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, host);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path->str);
  g_string_free (path, TRUE);

  json_builder_set_member_name (builder, "params");
  json_builder_begin_array (builder);
  n = g_rand_int_range (rand, 0, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = random_string (rand, text_chars, G_N_ELEMENTS (text_chars), 1, 6);
      g_autofree char *value = random_string (rand, text_chars, G_N_ELEMENTS (text_chars), 0, 10);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, name);
      json_builder_add_string_value (builder, value);
      json_builder_end_array (builder);
      /* Repeated names, sorted by value. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, name);
          json_builder_add_string_value (builder, "v");
          json_builder_end_array (builder);
        }
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "headers");
  json_builder_begin_array (builder);
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "Host");
  json_builder_add_string_value (builder, host);
  json_builder_end_array (builder);
  n = g_rand_int_range (rand, 0, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = random_string (rand, text_chars, G_N_ELEMENTS (text_chars), 0, 16);
      g_autofree char *padded = NULL;

      /* Leading, trailing and repeated spaces, which the canonical form trims. */
      padded = g_strdup_printf ("%s%s  %s%s", g_rand_boolean (rand) ? "  " : "", value,
                                value, g_rand_boolean (rand) ? " \t" : "");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, header_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (header_names))]);
      json_builder_add_string_value (builder, padded);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "body");
  if (g_str_equal (method, "POST") || g_str_equal (method, "PUT"))
    {
      g_autofree char *body = random_string (rand, text_chars, G_N_ELEMENTS (text_chars), 0, 200);
      json_builder_add_string_value (builder, body);
    }
  else
    json_builder_add_string_value (builder, "");

  key = random_string (rand, key_chars, G_N_ELEMENTS (key_chars), 16, 16);
  secret = random_string (rand, secret_chars, G_N_ELEMENTS (secret_chars), 40, 40);
  json_builder_set_member_name (builder, "access_key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "secret_key");
  json_builder_add_string_value (builder, secret);
  json_builder_set_member_name (builder, "token");
  if (g_rand_boolean (rand))
    {
      g_autofree char *token = random_string (rand, secret_chars, G_N_ELEMENTS (secret_chars), 20, 300);
      json_builder_add_string_value (builder, token);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, services[g_rand_int_range (rand, 0, G_N_ELEMENTS (services))]);

  when = g_date_time_new_utc (g_rand_int_range (rand, 2015, 2035), g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 24),
                              g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60));
  timestamp = sluice_sigv4_format_timestamp (when, TRUE);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_string_value (builder, timestamp);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static SluiceSigV4Request *
request_from_json (JsonObject *object)
{
  SluiceSigV4Request *request;
  JsonArray *params = json_object_get_array_member (object, "params");
  JsonArray *headers = json_object_get_array_member (object, "headers");
  const char *body = json_object_get_string_member (object, "body");

  request = sluice_sigv4_request_new (json_object_get_string_member (object, "method"),
                                      json_object_get_string_member (object, "path"));
  for (guint i = 0; i < json_array_get_length (params); i++)
    {
      JsonArray *pair = json_array_get_array_element (params, i);

      sluice_sigv4_request_add_query_param (request, json_array_get_string_element (pair, 0),
                                            json_array_get_string_element (pair, 1));
    }
  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonArray *pair = json_array_get_array_element (headers, i);

      sluice_sigv4_request_add_header (request, json_array_get_string_element (pair, 0),
                                       json_array_get_string_element (pair, 1));
    }
  if (*body != '\0')
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      sluice_sigv4_request_set_body (request, bytes);
    }

  return request;
}

static void
test_random_against_botocore (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20150830);
  g_autoptr(JsonArray) requests = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "sigv4-botocore.py", NULL);
  g_autoptr(GSubprocess) process = NULL;
  JsonArray *answers;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 (with python3-botocore) is not installed");
      return;
    }

  for (guint i = 0; i < N_RANDOM_REQUESTS; i++)
    json_array_add_element (requests, random_request (rand));
  json_node_set_array (root, requests);
  json = json_to_string (root, FALSE);

  dir = g_dir_make_tmp ("sluice-sigv4-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "requests.json", NULL);
  g_file_set_contents (file, json, -1, &error);
  g_assert_no_error (error);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "/usr/bin/python3", script, file, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("sigv4-botocore.py failed: %s", err);
  g_remove (file);
  g_rmdir (dir);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  answers = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (answers), ==, N_RANDOM_REQUESTS);

  for (guint i = 0; i < N_RANDOM_REQUESTS; i++)
    {
      JsonObject *object = json_array_get_object_element (requests, i);
      JsonObject *answer = json_array_get_object_element (answers, i);
      g_autoptr(SluiceSigV4Request) request = request_from_json (object);
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *iso = NULL;
      g_autofree char *sts = NULL;
      g_autofree char *creq = NULL;
      const char *ts = json_object_get_string_member (object, "timestamp");
      const char *token = json_object_get_null_member (object, "token") ? NULL
                          : json_object_get_string_member (object, "token");

      iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", ts, ts + 4, ts + 6, ts + 9, ts + 11, ts + 13);
      when = g_date_time_new_from_iso8601 (iso, NULL);
      g_assert_nonnull (when);

      g_assert_true (sluice_sigv4_request_sign (request,
                                                json_object_get_string_member (object, "access_key"),
                                                json_object_get_string_member (object, "secret_key"),
                                                token,
                                                json_object_get_string_member (object, "region"),
                                                json_object_get_string_member (object, "service"),
                                                when, &sts, &error));
      g_assert_no_error (error);
      creq = sluice_sigv4_request_get_canonical_request (request);
      g_assert_cmpstr (creq, ==, json_object_get_string_member (answer, "creq"));
      g_assert_cmpstr (sts, ==, json_object_get_string_member (answer, "sts"));
      g_assert_cmpstr (sluice_sigv4_request_get_header (request, "Authorization"), ==,
                       json_object_get_string_member (answer, "authz"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *suite = NULL;

  sluice_test_init_core (&argc, &argv);

  suite = g_test_build_filename (G_TEST_DIST, "sigv4-testsuite", NULL);
  add_suite_cases (suite, "/sluice/sigv4/suite");

  g_test_add_func ("/sluice/sigv4/uri-encode", test_uri_encode);
  g_test_add_func ("/sluice/sigv4/normalize-path", test_normalize_path);
  g_test_add_func ("/sluice/sigv4/sign-refusals", test_sign_refusals);
  g_test_add_func ("/sluice/sigv4/query-string", test_query_string);
  g_test_add_func ("/sluice/sigv4/codecommit/worked-example", test_codecommit_worked_example);
  g_test_add_func ("/sluice/sigv4/codecommit/upstream-vectors", test_codecommit_upstream_vectors);
  g_test_add_func ("/sluice/sigv4/codecommit/time-zone", test_codecommit_time_zone);
  g_test_add_func ("/sluice/sigv4/botocore/random", test_random_against_botocore);

  return g_test_run ();
}
