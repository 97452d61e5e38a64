/* test-codecommit.c
 *
 * codecommit:: URLs, Git hosts per partition, the endpoint override and git credentials.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-codecommit.h"
#include "sluice-sigv4.h"
#include "sluice-test-core-utils.h"

static void
test_url_parse (void)
{
  static const struct {
    const char *url, *region, *profile, *repository;
  } cases[] = {
    { "codecommit::us-east-1://demo-profile@MyRepo", "us-east-1", "demo-profile", "MyRepo" },
    { "codecommit::eu-west-1://dataall-orders-etl-p7f4dyx3", "eu-west-1", NULL, "dataall-orders-etl-p7f4dyx3" },
    { "codecommit://MyRepo", NULL, NULL, "MyRepo" },
    { "codecommit://demo-profile@MyRepo", NULL, "demo-profile", "MyRepo" },
    { "us-gov-west-1://repo.name_1", "us-gov-west-1", NULL, "repo.name_1" },
    { "codecommit::cn-north-1://r/", "cn-north-1", NULL, "r" },
    { "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/my-pipeline-repo", "us-east-1", NULL, "my-pipeline-repo" },
    { "https://git-codecommit-fips.us-gov-west-1.amazonaws.com/v1/repos/x", "us-gov-west-1", NULL, "x" },
    { "https://git-codecommit.cn-northwest-1.amazonaws.com.cn/v1/repos/y", "cn-northwest-1", NULL, "y" },
  };
  static const struct { const char *url; int code; } bad[] = {
    { "", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit::", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit://", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit::://repo", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit::nowhere://repo", SLUICE_CODECOMMIT_ERROR_INVALID_REGION },
    { "codecommit::us-east://repo", SLUICE_CODECOMMIT_ERROR_INVALID_REGION },
    { "codecommit::us-east-1://@repo", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit::us-east-1://profile@", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit::us-east-1://a/b", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "codecommit::us-east-1://bad name", SLUICE_CODECOMMIT_ERROR_INVALID_URL },
    { "https://github.com/v1/repos/x", SLUICE_CODECOMMIT_ERROR_NOT_CODECOMMIT },
    { "https://git-codecommit.us-east-1.amazonaws.com/v2/x", SLUICE_CODECOMMIT_ERROR_NOT_CODECOMMIT },
    { "http://127.0.0.1:8790/v1/repos/x", SLUICE_CODECOMMIT_ERROR_NOT_CODECOMMIT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SluiceCodeCommitUrl) url = sluice_codecommit_url_parse (cases[i].url, &error);
      g_autoptr(SluiceCodeCommitUrl) copy = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (url->region, ==, cases[i].region);
      g_assert_cmpstr (url->profile, ==, cases[i].profile);
      g_assert_cmpstr (url->repository, ==, cases[i].repository);
      copy = sluice_codecommit_url_copy (url);
      g_assert_cmpstr (copy->repository, ==, cases[i].repository);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SluiceCodeCommitUrl) url = sluice_codecommit_url_parse (bad[i].url, &error);

      g_test_message ("bad URL %s", bad[i].url);
      g_assert_null (url);
      g_assert_error (error, SLUICE_CODECOMMIT_ERROR, bad[i].code);
    }
}

static void
test_regions_and_hosts (void)
{
  g_autofree char *aws = sluice_codecommit_git_host ("us-east-1", FALSE);
  g_autofree char *fips = sluice_codecommit_git_host ("us-east-1", TRUE);
  g_autofree char *cn = sluice_codecommit_git_host ("cn-north-1", FALSE);
  g_autofree char *gov = sluice_codecommit_git_host ("us-gov-west-1", TRUE);

  g_assert_true (sluice_aws_region_is_valid ("eu-west-1"));
  g_assert_true (sluice_aws_region_is_valid ("ap-southeast-2"));
  g_assert_true (sluice_aws_region_is_valid ("us-gov-west-1"));
  g_assert_false (sluice_aws_region_is_valid ("eu-west"));
  g_assert_false (sluice_aws_region_is_valid ("EU-WEST-1"));
  g_assert_false (sluice_aws_region_is_valid ("e-west-1"));
  g_assert_false (sluice_aws_region_is_valid ("eu--1"));
  g_assert_false (sluice_aws_region_is_valid (NULL));

  g_assert_cmpint (sluice_aws_region_get_partition ("cn-northwest-1"), ==, SLUICE_AWS_PARTITION_AWS_CN);
  g_assert_cmpint (sluice_aws_region_get_partition ("us-gov-east-1"), ==, SLUICE_AWS_PARTITION_AWS_US_GOV);
  g_assert_cmpint (sluice_aws_region_get_partition ("eu-west-1"), ==, SLUICE_AWS_PARTITION_AWS);

  g_assert_cmpstr (aws, ==, "git-codecommit.us-east-1.amazonaws.com");
  g_assert_cmpstr (fips, ==, "git-codecommit-fips.us-east-1.amazonaws.com");
  g_assert_cmpstr (cn, ==, "git-codecommit.cn-north-1.amazonaws.com.cn");
  g_assert_cmpstr (gov, ==, "git-codecommit-fips.us-gov-west-1.amazonaws.com");
}

static void
test_region_from_host (void)
{
  static const struct { const char *host, *region; } cases[] = {
    { "git-codecommit.us-east-1.amazonaws.com", "us-east-1" },
    { "git-codecommit.us-east-1.amazonaws.com:443", "us-east-1" },
    { "GIT-CODECOMMIT.EU-WEST-1.AMAZONAWS.COM", "eu-west-1" },
    { "git-codecommit-fips.us-east-1.amazonaws.com", "us-east-1" },
    { "git-codecommit.cn-north-1.amazonaws.com.cn", "cn-north-1" },
    { "vpce-0b7d2b1f-2pc3e9g8.git-codecommit.us-east-1.vpce.amazonaws.com", "us-east-1" },
    { "vpce-0b7d2b1f-2pc3e9g8.git-codecommit-fips.us-east-1.vpce.amazonaws.com", "us-east-1" },
    { "git-codecommit.cn-north-1.amazonaws.com", NULL },
    { "git-codecommit.us-east-1.amazonaws.com.cn", NULL },
    { "git-codecommit.us-east-1.amazonaws.com.evil.example", NULL },
    { "git-codecommit.us-east-1.vpce.amazonaws.com", NULL },
    { "github.com", NULL },
    { "127.0.0.1:8790", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *region = sluice_codecommit_region_from_host (cases[i].host);

      g_assert_cmpstr (region, ==, cases[i].region);
    }
}

static void
test_host_matches (void)
{
  char *region = NULL;

  g_assert_true (sluice_codecommit_host_matches ("https", "git-codecommit.eu-west-1.amazonaws.com", NULL, &region));
  g_assert_cmpstr (region, ==, "eu-west-1");
  g_clear_pointer (&region, g_free);

  /* Real CodeCommit is never plain HTTP. */
  g_assert_false (sluice_codecommit_host_matches ("http", "git-codecommit.eu-west-1.amazonaws.com", NULL, &region));
  g_assert_false (sluice_codecommit_host_matches ("https", "github.com", NULL, &region));
  g_assert_null (region);

  /* The override: same scheme, host and port; it names no region. */
  g_assert_true (sluice_codecommit_host_matches ("http", "127.0.0.1:8790", "http://127.0.0.1:8790", &region));
  g_assert_null (region);
  g_assert_true (sluice_codecommit_host_matches ("http", "LOCALHOST:8790", "http://localhost:8790/", NULL));
  g_assert_true (sluice_codecommit_host_matches ("https", "cc.example.com", "https://cc.example.com", NULL));
  g_assert_true (sluice_codecommit_host_matches ("https", "cc.example.com:443", "https://cc.example.com", NULL));
  g_assert_true (sluice_codecommit_host_matches ("http", "[::1]:8790", "http://[::1]:8790", NULL));
  g_assert_false (sluice_codecommit_host_matches ("http", "127.0.0.1:8791", "http://127.0.0.1:8790", NULL));
  g_assert_false (sluice_codecommit_host_matches ("https", "127.0.0.1:8790", "http://127.0.0.1:8790", NULL));
  g_assert_false (sluice_codecommit_host_matches ("http", "127.0.0.1", "http://127.0.0.1:8790", NULL));
  g_assert_false (sluice_codecommit_host_matches ("http", "", "http://127.0.0.1:8790", NULL));
  g_assert_false (sluice_codecommit_host_matches ("http", "127.0.0.1:8790", "not a url", NULL));
  /* With an override, real CodeCommit hosts still match. */
  g_assert_true (sluice_codecommit_host_matches ("https", "git-codecommit.us-east-1.amazonaws.com",
                                                 "http://127.0.0.1:8790", NULL));
}

static void
test_endpoint_override (void)
{
  g_autofree char *none = NULL;
  g_autofree char *generic = NULL;
  g_autofree char *specific = NULL;
  g_autofree char *override_url = NULL;
  g_autofree char *real_url = NULL;
  g_autofree char *cn_url = NULL;

  g_unsetenv ("AWS_ENDPOINT_URL_CODECOMMIT");
  g_unsetenv ("AWS_ENDPOINT_URL");
  none = sluice_codecommit_get_endpoint_override ();
  g_assert_null (none);

  g_setenv ("AWS_ENDPOINT_URL", "http://127.0.0.1:1111/", TRUE);
  generic = sluice_codecommit_get_endpoint_override ();
  g_assert_cmpstr (generic, ==, "http://127.0.0.1:1111");

  g_setenv ("AWS_ENDPOINT_URL_CODECOMMIT", "http://127.0.0.1:2222", TRUE);
  specific = sluice_codecommit_get_endpoint_override ();
  g_assert_cmpstr (specific, ==, "http://127.0.0.1:2222");
  g_unsetenv ("AWS_ENDPOINT_URL_CODECOMMIT");
  g_unsetenv ("AWS_ENDPOINT_URL");

  override_url = sluice_codecommit_clone_url ("eu-west-1", "repo", "http://127.0.0.1:2222/", FALSE);
  real_url = sluice_codecommit_clone_url ("eu-west-1", "repo", NULL, TRUE);
  cn_url = sluice_codecommit_clone_url ("cn-north-1", "repo", NULL, FALSE);
  g_assert_cmpstr (override_url, ==, "http://127.0.0.1:2222/v1/repos/repo");
  g_assert_cmpstr (real_url, ==, "https://git-codecommit-fips.eu-west-1.amazonaws.com/v1/repos/repo");
  g_assert_cmpstr (cn_url, ==, "https://git-codecommit.cn-north-1.amazonaws.com.cn/v1/repos/repo");
}

static void
test_repository_from_path (void)
{
  g_autofree char *a = sluice_codecommit_repository_from_path ("v1/repos/my-repo");
  g_autofree char *b = sluice_codecommit_repository_from_path ("/v1/repos/my-repo/info/refs");
  g_autofree char *c = sluice_codecommit_repository_from_path ("v1/repos/");
  g_autofree char *d = sluice_codecommit_repository_from_path ("other/my-repo");
  g_autofree char *e = sluice_codecommit_repository_from_path (NULL);

  g_assert_cmpstr (a, ==, "my-repo");
  g_assert_cmpstr (b, ==, "my-repo");
  g_assert_null (c);
  g_assert_null (d);
  g_assert_null (e);
}

/* The vectors of ../shared/docs/codecommit-git-credentials.md, through the git credentials
 * function: username (raw) and password. */
static void
test_git_credentials_vectors (void)
{
  static const struct {
    const char *key, *secret, *token, *host, *path, *region, *username, *password;
    int year, month, day, hour, minute, second;
  } cases[] = {
    { "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", NULL,
      "git-codecommit.us-east-1.amazonaws.com", "v1/repos/my-pipeline-repo", NULL,
      "AKIDEXAMPLE", "20150830T123600Z1566350dd79cffa3c445369d9a367cac84de05f7671be917064465e38a4ca871",
      2015, 8, 30, 12, 36, 0 },
    { "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN",
      "git-codecommit.us-east-1.amazonaws.com", "/v1/repos/my-pipeline-repo", NULL,
      "AKIDEXAMPLE%SESSIONTOKEN", "20150830T123600Z1566350dd79cffa3c445369d9a367cac84de05f7671be917064465e38a4ca871",
      2015, 8, 30, 12, 36, 0 },
    { "access", "secret", NULL,
      "git-codecommit.us-west-2.amazonaws.com", "v1/repos/test_repo", NULL,
      "access", "20171224T115320Zb6df2d758a8023b2f000a546417007b65494f3ce8ad0300fd45fcfa173f1959a",
      2017, 12, 24, 11, 53, 20 },
    /* EXPECTED_URL_WITH_OVERRIDE: the override's host, the URL's region. */
    { "access", "secret", NULL,
      "land.called.honahlee", "v1/repos/test_repo", "us-west-2",
      "access", "20171224T115320Za14a37a53035bbceb6e1748247b143124fe7326cdffd3d418236a592ce6158a0",
      2017, 12, 24, 11, 53, 20 },
    /* ...signed without the port. */
    { "access", "secret", NULL,
      "land.called.honahlee:8443", "v1/repos/test_repo", "us-west-2",
      "access", "20171224T115320Za14a37a53035bbceb6e1748247b143124fe7326cdffd3d418236a592ce6158a0",
      2017, 12, 24, 11, 53, 20 },
    { "access", "secret", "token",
      "git-codecommit.us-west-2.amazonaws.com", "v1/repos/test_repo", NULL,
      "access%token", "20171224T115320Zb6df2d758a8023b2f000a546417007b65494f3ce8ad0300fd45fcfa173f1959a",
      2017, 12, 24, 11, 53, 20 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_new (cases[i].key, cases[i].secret, cases[i].token);
      g_autoptr(GDateTime) when = g_date_time_new_utc (cases[i].year, cases[i].month, cases[i].day,
                                                       cases[i].hour, cases[i].minute, cases[i].second);
      g_autoptr(GError) error = NULL;
      g_autofree char *username = NULL;
      g_autofree char *password = NULL;

      g_assert_true (sluice_codecommit_git_credentials (creds, cases[i].host, cases[i].path, cases[i].region,
                                                        when, &username, &password, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (username, ==, cases[i].username);
      g_assert_cmpstr (password, ==, cases[i].password);
    }
}

static void
test_git_credentials_refusals (void)
{
  g_autoptr(SluiceAwsCredentials) creds = sluice_aws_credentials_new ("AKIDEXAMPLE", "secret", NULL);
  g_autoptr(GError) error = NULL;
  char *username = NULL;
  char *password = NULL;

  g_assert_false (sluice_codecommit_git_credentials (creds, "127.0.0.1:8790", "v1/repos/x", NULL,
                                                     NULL, &username, &password, &error));
  g_assert_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_NO_REGION);
  g_clear_error (&error);

  g_assert_false (sluice_codecommit_git_credentials (creds, "git-codecommit.us-east-1.amazonaws.com", NULL, NULL,
                                                     NULL, &username, &password, &error));
  g_assert_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_URL);
  g_clear_error (&error);

  g_assert_false (sluice_codecommit_git_credentials (creds, "127.0.0.1", "v1/repos/x", "mars-1",
                                                     NULL, &username, &password, &error));
  g_assert_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_REGION);
  g_assert_null (username);
  g_assert_null (password);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/codecommit/url-parse", test_url_parse);
  g_test_add_func ("/sluice/codecommit/regions-and-hosts", test_regions_and_hosts);
  g_test_add_func ("/sluice/codecommit/region-from-host", test_region_from_host);
  g_test_add_func ("/sluice/codecommit/host-matches", test_host_matches);
  g_test_add_func ("/sluice/codecommit/endpoint-override", test_endpoint_override);
  g_test_add_func ("/sluice/codecommit/repository-from-path", test_repository_from_path);
  g_test_add_func ("/sluice/codecommit/git-credentials/vectors", test_git_credentials_vectors);
  g_test_add_func ("/sluice/codecommit/git-credentials/refusals", test_git_credentials_refusals);

  return g_test_run ();
}
