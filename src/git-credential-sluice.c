/* git-credential-sluice.c: a git credential helper for AWS CodeCommit
 *
 * git runs `git-credential-sluice [--profile NAME] [--region REGION] get|store|erase` and talks
 * git's credential protocol on stdin and stdout. For a CodeCommit Git host (or the endpoint in
 * AWS_ENDPOINT_URL_CODECOMMIT / AWS_ENDPOINT_URL, or given with --endpoint) it answers `get` with a freshly signed
 * username and password (CodeCommit's "GIT" SigV4 scheme), from AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) when they are set, else from the credentials
 * Sluice keeps in the keyring, chosen by --profile or by repository. For any other host it says
 * nothing. `store` and `erase` do nothing: the passwords are derived afresh every time.
 *
 * Nothing but the answer goes to stdout, and no secret ever goes to stderr.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "git-credential-sluice"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sluice-aws-credentials.h"
#include "sluice-codecommit.h"
#include "sluice-keyring.h"

static char *opt_profile;
static char *opt_region;
static char *opt_endpoint;
static char *opt_pipeline;
static char *opt_dataall_account;

static const GOptionEntry entries[] = {
  { "profile", 'p', 0, G_OPTION_ARG_STRING, &opt_profile,
    N_("Use the AWS credentials stored in Sluice under this name"), N_("NAME") },
  { "region", 'r', 0, G_OPTION_ARG_STRING, &opt_region,
    N_("Sign for this AWS region (for an endpoint override, whose host names none)"), N_("REGION") },
  { "endpoint", 'e', 0, G_OPTION_ARG_STRING, &opt_endpoint,
    N_("Treat this endpoint URL as CodeCommit, as AWS_ENDPOINT_URL_CODECOMMIT does (Sluice sets it in its clones)"), N_("URL") },
  { "pipeline", 0, 0, G_OPTION_ARG_STRING, &opt_pipeline,
    N_("Use the credentials Sluice keeps for this data.all pipeline (Sluice sets it in its clones)"), N_("URI") },
  { "dataall-account", 0, 0, G_OPTION_ARG_STRING, &opt_dataall_account,
    N_("With --pipeline: those fetched through this data.all account of Sluice's"), N_("ID") },
  { NULL }
};

static void
complain (const char *message)
{
  /* git shows a helper's stderr to the user as is. */
  g_printerr ("git-credential-sluice: %s\n", message);
}

/* Reads git's "key=value" lines up to a blank line or the end of input. */
static GHashTable *
read_request (void)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  char line[65536];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      gsize len = strlen (line);
      char *eq;

      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (len == 0)
        break;
      eq = strchr (line, '=');
      if (eq == NULL)
        continue;
      *eq = '\0';
      g_hash_table_replace (fields, g_strdup (line), g_strdup (eq + 1));
    }

  return fields;
}

static SluiceAwsCredentials *
credentials_from_environment (void)
{
  const char *key_id = g_getenv ("AWS_ACCESS_KEY_ID");
  const char *secret = g_getenv ("AWS_SECRET_ACCESS_KEY");
  const char *token = g_getenv ("AWS_SESSION_TOKEN");
  SluiceAwsCredentials *credentials;

  if (key_id == NULL || *key_id == '\0' || secret == NULL || *secret == '\0')
    return NULL;
  if (token == NULL || *token == '\0')
    token = g_getenv ("AWS_SECURITY_TOKEN");

  credentials = sluice_aws_credentials_new (key_id, secret, token != NULL && *token != '\0' ? token : NULL);

  return credentials;
}

static SluiceAwsCredentials *
credentials_from_keyring (const char  *repository,
                          GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  if (opt_profile != NULL)
    return sluice_keyring_lookup_aws_credentials_sync (opt_profile, NULL, error);

  /* A clone made by Sluice names its pipeline (and data.all account): repositories of two
   * data.all deployments may share a name, pipelines of one may not. */
  if (opt_pipeline != NULL)
    {
      g_autoptr(GListModel) all = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_PIPELINE_URI, opt_pipeline,
                                                                            NULL, error);
      GListStore *mine = g_list_store_new (SLUICE_TYPE_AWS_CREDENTIALS);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(SluiceAwsCredentials) item = g_list_model_get_item (all, i);

          if (opt_dataall_account == NULL ||
              g_strcmp0 (sluice_aws_credentials_get_dataall_account (item), opt_dataall_account) == 0)
            g_list_store_append (mine, item);
        }
      if (g_list_model_get_n_items (G_LIST_MODEL (mine)) > 0)
        list = G_LIST_MODEL (mine);
      else
        g_object_unref (mine);
    }

  if (list == NULL)
    list = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_REPOSITORY, repository, NULL, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND,
                   _("Sluice keeps no AWS credentials for the repository “%s”. Get credentials for its pipeline in Sluice, pass --profile NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."),
                   repository);
      return NULL;
    }

  /* The one that lasts longest. */
  {
    SluiceAwsCredentials *best = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(SluiceAwsCredentials) item = g_list_model_get_item (list, i);

        if (best == NULL ||
            sluice_aws_credentials_get_seconds_left (item, NULL) > sluice_aws_credentials_get_seconds_left (best, NULL))
          g_set_object (&best, item);
      }
    return best;
  }
}

static int
answer_get (GHashTable *request)
{
  const char *protocol = g_hash_table_lookup (request, "protocol");
  const char *host = g_hash_table_lookup (request, "host");
  const char *path = g_hash_table_lookup (request, "path");
  g_autofree char *endpoint = opt_endpoint != NULL ? g_strdup (opt_endpoint)
                                                   : sluice_codecommit_get_endpoint_override ();
  g_autofree char *host_region = NULL;
  g_autofree char *repository = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  const char *region;

  if (host == NULL || !sluice_codecommit_host_matches (protocol, host, endpoint, &host_region))
    return 0;

  if (path == NULL || *path == '\0')
    {
      g_autofree char *message = g_strdup_printf (
        _("git did not pass the repository path, which the CodeCommit password signs. Turn it on for this host with:\n"
          "  git config --global credential.%s://%s.useHttpPath true"),
        protocol != NULL ? protocol : "https", host);
      complain (message);
      return 0;
    }

  repository = sluice_codecommit_repository_from_path (path);
  if (repository == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not the path of a CodeCommit repository (/v1/repos/NAME)."), path);
      complain (message);
      return 0;
    }

  /* As AWS tools do: an explicit profile first, then the environment's keys. */
  if (opt_profile == NULL)
    credentials = credentials_from_environment ();
  if (credentials == NULL)
    credentials = credentials_from_keyring (repository, &error);
  if (credentials == NULL)
    {
      complain (error->message);
      return 0;
    }

  if (sluice_aws_credentials_is_expired (credentials, NULL))
    {
      g_autofree char *message = NULL;

      if (!sluice_aws_credentials_get_expiration_estimated (credentials))
        {
          message = g_strdup_printf (_("The AWS credentials “%s” have expired. Get new ones in Sluice."),
                                     sluice_aws_credentials_get_name (credentials));
          complain (message);
          return 0;
        }
      /* data.all did not say when they expire: Sluice's guess may be wrong, so try. */
      message = g_strdup_printf (_("The AWS credentials “%s” have probably expired; trying them anyway."),
                                 sluice_aws_credentials_get_name (credentials));
      complain (message);
    }

  region = opt_region;
  if (region == NULL)
    region = host_region;
  if (region == NULL)
    region = sluice_aws_credentials_get_region (credentials);
  if (region == NULL)
    region = g_getenv ("AWS_REGION");
  if (region == NULL || *region == '\0')
    region = g_getenv ("AWS_DEFAULT_REGION");

  if (!sluice_codecommit_git_credentials (credentials, host, path, region, NULL,
                                          &username, &password, &error))
    {
      complain (error->message);
      return 0;
    }

  /* The only place a secret is printed: the answer git asked for. */
  printf ("username=%s\npassword=%s\n", username, password);
  fflush (stdout);
  memset (password, 0, strlen (password));

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GHashTable) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *operation;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("get|store|erase"));
  g_option_context_set_summary (context, _("A git credential helper for AWS CodeCommit, from Sluice."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      complain (error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  operation = argv[1];
  request = read_request ();

  if (g_str_equal (operation, "get"))
    return answer_get (request);

  /* Nothing to keep and nothing to forget: every password is signed afresh. */
  if (g_str_equal (operation, "store") || g_str_equal (operation, "erase"))
    return 0;

  /* git's protocol: ignore operations one does not know. */
  return 0;
}
