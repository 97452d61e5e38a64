/* sluice-codecommit.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-codecommit"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-codecommit.h"
#include "sluice-sigv4.h"

#define REPOS_PREFIX "/v1/repos/"

G_DEFINE_QUARK (sluice-codecommit-error-quark, sluice_codecommit_error)

G_DEFINE_BOXED_TYPE (SluiceCodeCommitUrl, sluice_codecommit_url,
                     sluice_codecommit_url_copy, sluice_codecommit_url_free)

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
is_repository_name (const char *name)
{
  /* CodeCommit: 1 to 100 letters, digits, ".", "_" and "-". */
  gsize len = strlen (name);

  if (len == 0 || len > 100)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
is_profile_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '/' || *p == '@' || *p == '[' || *p == ']')
      return FALSE;

  return TRUE;
}

static int
default_port (const char *scheme)
{
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    return 80;
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return 443;
  return -1;
}

/* Splits "host[:port]" or "[v6]:port" into a lower-case host and a port (-1 if none). */
static char *
split_host_port (const char *host,
                 int        *port)
{
  const char *colon;
  g_autofree char *name = NULL;

  *port = -1;
  if (host[0] == '[')
    {
      const char *end = strchr (host, ']');

      if (end == NULL)
        return g_ascii_strdown (host, -1);
      name = g_strndup (host, end - host + 1);
      colon = end[1] == ':' ? end + 1 : NULL;
    }
  else
    {
      colon = strrchr (host, ':');
      name = colon != NULL ? g_strndup (host, colon - host) : g_strdup (host);
    }
  if (colon != NULL && colon[1] != '\0')
    {
      guint64 value;

      if (g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &value, NULL))
        *port = (int) value;
    }

  return g_ascii_strdown (name, -1);
}

/* ------------------------------------------------------------------------------------------ */
/* Regions and hosts                                                                          */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_aws_region_is_valid:
 *
 * Whether @region looks like an AWS region: "eu-west-1", "us-gov-west-1", "cn-north-1"...
 * (git-remote-codecommit's `^[a-z]{2}-\w*.*-\d{1}`, made strict).
 */
gboolean
sluice_aws_region_is_valid (const char *region)
{
  gsize len;

  if (region == NULL)
    return FALSE;
  len = strlen (region);
  if (len < 6 || len > 32 ||
      !g_ascii_islower (region[0]) || !g_ascii_islower (region[1]) || region[2] != '-' ||
      !g_ascii_isdigit (region[len - 1]))
    return FALSE;

  for (const char *p = region; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  /* The number is the last part: "...-1". */
  {
    const char *last_dash = strrchr (region, '-');

    if (last_dash == region + 2 || last_dash[-1] == '-')
      return FALSE;
    for (const char *p = last_dash + 1; *p != '\0'; p++)
      if (!g_ascii_isdigit (*p))
        return FALSE;
  }

  return TRUE;
}

SluiceAwsPartition
sluice_aws_region_get_partition (const char *region)
{
  if (region != NULL && g_str_has_prefix (region, "cn-"))
    return SLUICE_AWS_PARTITION_AWS_CN;
  if (region != NULL && g_str_has_prefix (region, "us-gov-"))
    return SLUICE_AWS_PARTITION_AWS_US_GOV;

  return SLUICE_AWS_PARTITION_AWS;
}

const char *
sluice_aws_partition_get_dns_suffix (SluiceAwsPartition partition)
{
  switch (partition)
    {
    case SLUICE_AWS_PARTITION_AWS_CN:
      return "amazonaws.com.cn";
    case SLUICE_AWS_PARTITION_AWS_US_GOV:
    case SLUICE_AWS_PARTITION_AWS:
    default:
      return "amazonaws.com";
    }
}

/**
 * sluice_codecommit_git_host:
 * @fips: whether to use the FIPS endpoint
 *
 * Returns: (transfer full): "git-codecommit[-fips].<region>.amazonaws.com[.cn]"
 */
char *
sluice_codecommit_git_host (const char *region,
                            gboolean    fips)
{
  g_return_val_if_fail (region != NULL, NULL);

  return g_strdup_printf ("git-codecommit%s.%s.%s", fips ? "-fips" : "", region,
                          sluice_aws_partition_get_dns_suffix (sluice_aws_region_get_partition (region)));
}

/**
 * sluice_codecommit_get_endpoint_override:
 *
 * Returns: (transfer full) (nullable): `$AWS_ENDPOINT_URL_CODECOMMIT`, else `$AWS_ENDPOINT_URL`,
 *   without a trailing slash
 */
char *
sluice_codecommit_get_endpoint_override (void)
{
  const char *names[] = { "AWS_ENDPOINT_URL_CODECOMMIT", "AWS_ENDPOINT_URL" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        {
          char *url = g_strdup (value);
          gsize len = strlen (url);

          while (len > 0 && url[len - 1] == '/')
            url[--len] = '\0';
          return url;
        }
    }

  return NULL;
}

/**
 * sluice_codecommit_clone_url:
 * @endpoint_override: (nullable): an endpoint URL such as "http://127.0.0.1:8790"
 *
 * Returns: (transfer full): the HTTPS clone URL, without credentials in it
 */
char *
sluice_codecommit_clone_url (const char *region,
                             const char *repository,
                             const char *endpoint_override,
                             gboolean    fips)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (repository != NULL, NULL);

  if (endpoint_override != NULL && *endpoint_override != '\0')
    {
      g_autofree char *base = g_strdup (endpoint_override);
      gsize len = strlen (base);

      while (len > 0 && base[len - 1] == '/')
        base[--len] = '\0';
      return g_strconcat (base, REPOS_PREFIX, repository, NULL);
    }

  g_return_val_if_fail (region != NULL, NULL);
  host = sluice_codecommit_git_host (region, fips);

  return g_strconcat ("https://", host, REPOS_PREFIX, repository, NULL);
}

/**
 * sluice_codecommit_region_from_host:
 * @host: a host name, with or without a port
 *
 * Recognises `git-codecommit(-fips).<region>.amazonaws.com(.cn)` and the VPC endpoint forms
 * `vpce-….git-codecommit(-fips).<region>.vpce.amazonaws.com`, as the AWS CLI's helper does.
 *
 * Returns: (transfer full) (nullable): the region, or %NULL for any other host
 */
char *
sluice_codecommit_region_from_host (const char *host)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) labels = NULL;
  guint n, i = 0;
  int port;

  g_return_val_if_fail (host != NULL, NULL);

  name = split_host_port (host, &port);
  labels = g_strsplit (name, ".", -1);
  n = g_strv_length (labels);

  if (n > 0 && g_str_has_prefix (labels[0], "vpce-"))
    i = 1;
  if (n < i + 4 ||
      (!g_str_equal (labels[i], "git-codecommit") && !g_str_equal (labels[i], "git-codecommit-fips")) ||
      !sluice_aws_region_is_valid (labels[i + 1]))
    return NULL;

  {
    g_autofree char *rest = g_strjoinv (".", labels + i + 2);
    const char *suffix = sluice_aws_partition_get_dns_suffix (sluice_aws_region_get_partition (labels[i + 1]));
    g_autofree char *vpce_suffix = g_strconcat ("vpce.", suffix, NULL);

    if (!g_str_equal (rest, suffix) && !(i == 1 && g_str_equal (rest, vpce_suffix)))
      return NULL;
  }

  return g_strdup (labels[i + 1]);
}

/**
 * sluice_codecommit_host_matches:
 * @protocol: (nullable): "https" or "http", as git's credential protocol names it
 * @host: the host git asks about, with a port if the URL had one
 * @endpoint_override: (nullable): the configured endpoint URL
 * @region: (out) (optional) (transfer full) (nullable): the region the host names; %NULL for
 *   the endpoint override, which names none
 *
 * Returns: %TRUE if @host is a CodeCommit Git host or the override's host and port
 */
gboolean
sluice_codecommit_host_matches (const char  *protocol,
                                const char  *host,
                                const char  *endpoint_override,
                                char       **region)
{
  g_autofree char *found = NULL;

  if (region != NULL)
    *region = NULL;
  if (host == NULL || *host == '\0')
    return FALSE;

  if (endpoint_override != NULL && *endpoint_override != '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (endpoint_override, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        {
          const char *scheme = g_uri_get_scheme (uri);
          int want_port = g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : default_port (scheme);
          g_autofree char *want_host = g_ascii_strdown (g_uri_get_host (uri), -1);
          g_autofree char *bracketed = strchr (want_host, ':') != NULL ? g_strdup_printf ("[%s]", want_host) : NULL;
          int port;
          g_autofree char *name = split_host_port (host, &port);

          if (port < 0)
            port = protocol != NULL ? default_port (protocol) : default_port (scheme);
          if ((protocol == NULL || g_ascii_strcasecmp (protocol, scheme) == 0) &&
              (g_str_equal (name, want_host) || g_strcmp0 (name, bracketed) == 0) &&
              port == want_port)
            return TRUE;
        }
    }

  /* Real CodeCommit is HTTPS only. */
  if (protocol != NULL && g_ascii_strcasecmp (protocol, "https") != 0)
    return FALSE;

  found = sluice_codecommit_region_from_host (host);
  if (found == NULL)
    return FALSE;
  if (region != NULL)
    *region = g_steal_pointer (&found);

  return TRUE;
}

/**
 * sluice_codecommit_signing_host:
 *
 * Returns: (transfer full): @host without its port, as CodeCommit signs it
 */
char *
sluice_codecommit_signing_host (const char *host)
{
  int port;

  g_return_val_if_fail (host != NULL, NULL);

  return split_host_port (host, &port);
}

/**
 * sluice_codecommit_repository_from_path:
 * @path: "v1/repos/<name>" (as git passes it) or "/v1/repos/<name>", maybe with more after
 *
 * Returns: (transfer full) (nullable): the repository's name
 */
char *
sluice_codecommit_repository_from_path (const char *path)
{
  const char *name;
  g_autofree char *repo = NULL;

  if (path == NULL)
    return NULL;
  while (*path == '/')
    path++;
  if (!g_str_has_prefix (path, REPOS_PREFIX + 1))
    return NULL;

  name = path + strlen (REPOS_PREFIX + 1);
  repo = g_strndup (name, strcspn (name, "/?#"));

  return is_repository_name (repo) ? g_steal_pointer (&repo) : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* URLs                                                                                       */
/* ------------------------------------------------------------------------------------------ */

static SluiceCodeCommitUrl *
parse_https (const char  *url,
             GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(SluiceCodeCommitUrl) self = NULL;
  g_autofree char *region = NULL;
  g_autofree char *repository = NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    {
      region = sluice_codecommit_region_from_host (g_uri_get_host (uri));
      repository = sluice_codecommit_repository_from_path (g_uri_get_path (uri));
    }
  if (region == NULL || repository == NULL)
    {
      g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_NOT_CODECOMMIT,
                   _("“%s” is not the address of a CodeCommit repository."), url);
      return NULL;
    }

  self = g_new0 (SluiceCodeCommitUrl, 1);
  self->region = g_steal_pointer (&region);
  self->repository = g_steal_pointer (&repository);

  return g_steal_pointer (&self);
}

/**
 * sluice_codecommit_url_parse:
 * @url: `codecommit::<region>://[profile@]repo`, `codecommit://[profile@]repo`,
 *   `<region>://[profile@]repo` (what git hands git-remote-codecommit) or an HTTPS clone URL
 *
 * Returns: (transfer full): the parts, or %NULL with @error set
 */
SluiceCodeCommitUrl *
sluice_codecommit_url_parse (const char  *url,
                             GError     **error)
{
  g_autoptr(SluiceCodeCommitUrl) self = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *netloc = NULL;
  const char *rest, *sep, *at;

  g_return_val_if_fail (url != NULL, NULL);

  if (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
    return parse_https (url, error);

  rest = url;
  if (g_str_has_prefix (rest, "codecommit::"))
    rest += strlen ("codecommit::");

  sep = strstr (rest, "://");
  if (sep == NULL || sep == rest || sep[3] == '\0')
    {
      g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_URL,
                   _("“%s” is not a CodeCommit URL such as codecommit::eu-west-1://my-repo."), url);
      return NULL;
    }

  scheme = g_strndup (rest, sep - rest);
  netloc = g_strdup (sep + 3);
  /* A trailing slash is harmless; a deeper path is not a repository. */
  if (g_str_has_suffix (netloc, "/"))
    netloc[strlen (netloc) - 1] = '\0';

  self = g_new0 (SluiceCodeCommitUrl, 1);
  if (!g_str_equal (scheme, "codecommit"))
    {
      if (!sluice_aws_region_is_valid (scheme))
        {
          g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_REGION,
                       _("“%s” is not an AWS region."), scheme);
          return NULL;
        }
      self->region = g_steal_pointer (&scheme);
    }

  at = strchr (netloc, '@');
  if (at != NULL)
    {
      self->profile = g_strndup (netloc, at - netloc);
      self->repository = g_strdup (at + 1);
      if (!is_profile_name (self->profile))
        {
          g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_URL,
                       _("The URL “%s” names no valid AWS profile before “@”."), url);
          return NULL;
        }
    }
  else
    self->repository = g_strdup (netloc);

  if (!is_repository_name (self->repository))
    {
      g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_URL,
                   _("The URL “%s” names no valid repository: a name has up to 100 letters, digits, “.”, “_” and “-”."), url);
      return NULL;
    }

  return g_steal_pointer (&self);
}

SluiceCodeCommitUrl *
sluice_codecommit_url_copy (const SluiceCodeCommitUrl *self)
{
  SluiceCodeCommitUrl *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SluiceCodeCommitUrl, 1);
  copy->region = g_strdup (self->region);
  copy->profile = g_strdup (self->profile);
  copy->repository = g_strdup (self->repository);

  return copy;
}

void
sluice_codecommit_url_free (SluiceCodeCommitUrl *self)
{
  if (self == NULL)
    return;

  g_free (self->region);
  g_free (self->profile);
  g_free (self->repository);
  g_free (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Git credentials                                                                            */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_codecommit_username:
 *
 * Returns: (transfer full): the raw git username: the key id, with "%" and the session token
 *   for temporary credentials (not URL-encoded: git and libgit2 want it raw)
 */
char *
sluice_codecommit_username (SluiceAwsCredentials *credentials)
{
  const char *token;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), NULL);

  token = sluice_aws_credentials_get_session_token (credentials);

  return g_strconcat (sluice_aws_credentials_get_access_key_id (credentials),
                      token != NULL ? "%" : "", token != NULL ? token : "", NULL);
}

/**
 * sluice_codecommit_git_credentials:
 * @credentials: AWS credentials
 * @host: the host git connects to; a port is dropped, as CodeCommit (and the emulator) sign
 *   the host name alone
 * @path: the repository path, "v1/repos/<name>" or "/v1/repos/<name>"
 * @region: (nullable): the region to sign for; %NULL to take it from a CodeCommit @host
 * @when: (nullable): the signing time; %NULL for now. Sign afresh for every request: the
 *   time is part of the password
 * @username: (out) (transfer full): the git username
 * @password: (out) (transfer full): the git password
 *
 * Returns: %TRUE with @username and @password set
 */
gboolean
sluice_codecommit_git_credentials (SluiceAwsCredentials  *credentials,
                                   const char            *host,
                                   const char            *path,
                                   const char            *region,
                                   GDateTime             *when,
                                   char                 **username,
                                   char                 **password,
                                   GError               **error)
{
  g_autofree char *host_region = NULL;
  g_autofree char *signing_host = NULL;
  g_autofree char *signing_path = NULL;
  g_autofree char *repository = NULL;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);
  g_return_val_if_fail (username != NULL && password != NULL, FALSE);

  repository = sluice_codecommit_repository_from_path (path);
  if (repository == NULL)
    {
      g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_URL,
                   _("“%s” is not the path of a CodeCommit repository (/v1/repos/NAME)."),
                   path != NULL ? path : "");
      return FALSE;
    }

  if (region == NULL || *region == '\0')
    region = host_region = sluice_codecommit_region_from_host (host);
  if (region == NULL)
    {
      g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_NO_REGION,
                   _("Sluice cannot tell the AWS region of the repository at %s: set AWS_REGION or store the credentials with a region."),
                   host);
      return FALSE;
    }
  if (!sluice_aws_region_is_valid (region))
    {
      g_set_error (error, SLUICE_CODECOMMIT_ERROR, SLUICE_CODECOMMIT_ERROR_INVALID_REGION,
                   _("“%s” is not an AWS region."), region);
      return FALSE;
    }
  /* No format check here: the keys were checked where they were entered or fetched. */
  if (sluice_aws_credentials_get_access_key_id (credentials) == NULL ||
      sluice_aws_credentials_get_secret_access_key (credentials) == NULL)
    {
      g_set_error_literal (error, SLUICE_AWS_CREDENTIALS_ERROR, SLUICE_AWS_CREDENTIALS_ERROR_MISSING_SECRET,
                           _("The AWS credentials lack an access key ID or a secret access key."));
      return FALSE;
    }

  signing_host = sluice_codecommit_signing_host (host);
  /* The signature covers the path exactly as git-remote-codecommit builds it. */
  signing_path = g_strconcat (REPOS_PREFIX, repository, NULL);

  *password = sluice_sigv4_codecommit_password (sluice_aws_credentials_get_secret_access_key (credentials),
                                                region, signing_host, signing_path, when);
  *username = sluice_codecommit_username (credentials);

  return TRUE;
}
