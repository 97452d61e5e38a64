/* sluice-pipeline-credentials.c: a pipeline's AWS credentials, from the keyring or data.all
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-credentials"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-dataall-api.h"
#include "sluice-dataall-error.h"
#include "sluice-keyring.h"
#include "sluice-pipeline-credentials.h"

typedef struct
{
  SluiceAccount        *account;
  SluiceDataallClient  *client;
  char                 *pipeline_uri;
  char                 *pipeline_label;
  char                 *aws_account_id;
  char                 *region;
  char                 *repository;
  char                 *dataall_account;
  gboolean              force;
  GDateTime            *fetched_at;
  SluiceAwsCredentials *credentials;   /* the fresh ones, once fetched */
} Fetch;

static void
fetch_free (gpointer data)
{
  Fetch *fetch = data;

  g_clear_object (&fetch->account);
  g_clear_object (&fetch->client);
  g_free (fetch->pipeline_uri);
  g_free (fetch->pipeline_label);
  g_free (fetch->aws_account_id);
  g_free (fetch->region);
  g_free (fetch->repository);
  g_free (fetch->dataall_account);
  g_clear_pointer (&fetch->fetched_at, g_date_time_unref);
  g_clear_object (&fetch->credentials);
  g_free (fetch);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static gboolean
is_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

static void
take_if_empty (char       **field,
               const char  *value)
{
  if (is_empty (*field) && !is_empty (value))
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Stored items of this pipeline that this data.all account fetched (several data.all accounts
 * may see the same pipeline URI: each keeps its own keys). */
static gboolean
belongs_to (SluiceAwsCredentials *credentials,
            Fetch                *fetch)
{
  return g_strcmp0 (sluice_aws_credentials_get_pipeline_uri (credentials), fetch->pipeline_uri) == 0 &&
         g_strcmp0 (sluice_aws_credentials_get_dataall_account (credentials), fetch->dataall_account) == 0;
}

/* data.all's permission error says nothing of what the user can do about it. */
static void
reword_error (GError *error)
{
  const char *message = NULL;

  if (error->domain != SLUICE_DATAALL_ERROR)
    return;

  switch ((SluiceDataallError) error->code)
    {
    case SLUICE_DATAALL_ERROR_NOT_AUTHORIZED:
      message = _("You are not allowed to get AWS credentials for this pipeline. Members of the pipeline’s team and of its CI/CD environment’s admin team are: ask one of them to add you, or check that the pipeline still exists.");
      break;
    case SLUICE_DATAALL_ERROR_NOT_FOUND:
      message = _("data.all cannot find this pipeline. It may have been deleted.");
      break;
    case SLUICE_DATAALL_ERROR_NETWORK:
    case SLUICE_DATAALL_ERROR_TIMEOUT:
    case SLUICE_DATAALL_ERROR_NOT_SIGNED_IN:
    case SLUICE_DATAALL_ERROR_REAUTH_REQUIRED:
    case SLUICE_DATAALL_ERROR_INVALID_INPUT:
    case SLUICE_DATAALL_ERROR_FEATURE_DISABLED:
    case SLUICE_DATAALL_ERROR_INVALID_REQUEST:
    case SLUICE_DATAALL_ERROR_SERVER:
    case SLUICE_DATAALL_ERROR_REQUEST_TOO_LARGE:
    case SLUICE_DATAALL_ERROR_FAILED:
    default:
      return;
    }

  /* The error keeps its code and details (sluice_dataall_error_get_detail()). */
  g_free (error->message);
  error->message = g_strdup (message);
}

/* ------------------------------------------------------------------------------------------ */
/* Steps                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void fetch_from_dataall (GTask *task);

/* Step 1, in a worker thread: still-valid stored credentials of the pipeline. */
static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_PIPELINE_URI, fetch->pipeline_uri,
                                                     cancellable, &error);
  if (stored == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(SluiceAwsCredentials) credentials = g_list_model_get_item (stored, i);

      if (belongs_to (credentials, fetch) &&
          sluice_aws_credentials_get_seconds_left (credentials, NULL) > SLUICE_PIPELINE_CREDENTIALS_MIN_SECONDS_LEFT)
        {
          g_task_return_pointer (task, g_steal_pointer (&credentials), g_object_unref);
          return;
        }
    }

  g_task_return_pointer (task, NULL, NULL);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (credentials != NULL)
    {
      g_debug ("Reusing the stored credentials of pipeline %s", ((Fetch *) g_task_get_task_data (task))->pipeline_uri);
      g_task_return_pointer (task, g_steal_pointer (&credentials), g_object_unref);
      return;
    }

  fetch_from_dataall (g_steal_pointer (&task));
}

/* Step 3, in a worker thread: drop this pipeline's old items, store the new ones. */
static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  SluiceAwsCredentials *credentials = fetch->credentials;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  stored = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_PIPELINE_URI, fetch->pipeline_uri,
                                                     cancellable, &error);
  if (stored == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A name the user gave the old item is kept; otherwise the pipeline's. */
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(SluiceAwsCredentials) old = g_list_model_get_item (stored, i);
      const char *old_name = sluice_aws_credentials_get_name (old);

      if (!belongs_to (old, fetch) || old_name == NULL)
        continue;
      if (name == NULL)
        name = g_strdup (old_name);
      else if (!sluice_keyring_delete_aws_credentials_sync (old_name, cancellable, &error) &&
               !g_error_matches (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_clear_error (&error);
    }

  if (name == NULL)
    {
      const char *label = !is_empty (fetch->pipeline_label) ? fetch->pipeline_label : fetch->pipeline_uri;
      g_autoptr(SluiceAwsCredentials) same_name = NULL;

      /* Translators: the name of stored AWS credentials; %s is a pipeline's name */
      name = g_strdup_printf (_("%s pipeline"), label);
      same_name = sluice_keyring_lookup_aws_credentials_sync (name, cancellable, &error);
      if (same_name == NULL && !g_error_matches (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_clear_error (&error);
      /* Another pipeline's or the user's own credentials have that name: storing would
       * replace them. */
      if (same_name != NULL && !belongs_to (same_name, fetch))
        {
          g_free (name);
          /* Translators: the name of stored AWS credentials: a pipeline's name and its URI */
          name = g_strdup_printf (_("%s pipeline (%s)"), label, fetch->pipeline_uri);
        }
    }

  sluice_aws_credentials_set_name (credentials, name);
  if (!sluice_keyring_store_aws_credentials_sync (credentials, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_object_ref (fetch->credentials), g_object_unref);
}

static void
store (GTask *task)
{
  g_autoptr(GTask) thread_task = g_task_new (NULL, g_task_get_cancellable (task), store_cb, task);
  Fetch *fetch = g_task_get_task_data (task);
  SluiceAwsCredentials *credentials = fetch->credentials;

  if (!is_empty (fetch->aws_account_id))
    sluice_aws_credentials_set_aws_account_id (credentials, fetch->aws_account_id);
  if (!is_empty (fetch->region))
    sluice_aws_credentials_set_region (credentials, fetch->region);
  if (!is_empty (fetch->repository))
    sluice_aws_credentials_set_repository (credentials, fetch->repository);
  sluice_aws_credentials_set_pipeline_uri (credentials, fetch->pipeline_uri);
  sluice_aws_credentials_set_dataall_account (credentials, fetch->dataall_account);

  g_task_set_source_tag (thread_task, store);
  g_task_set_task_data (thread_task, fetch, NULL);
  g_task_run_in_thread (thread_task, store_thread);
}

/* Step 2b: the pipeline itself, for its name, account, region and repository. Its failure
 * costs only those details, which the caller may have given. */
static void
get_pipeline_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(SluicePipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;

  pipeline = sluice_dataall_client_get_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (pipeline != NULL)
    {
      SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);

      take_if_empty (&fetch->pipeline_label, sluice_pipeline_get_label (pipeline));
      take_if_empty (&fetch->repository, sluice_pipeline_get_repo (pipeline));
      if (environment != NULL)
        {
          take_if_empty (&fetch->aws_account_id, sluice_environment_get_aws_account_id (environment));
          take_if_empty (&fetch->region, sluice_environment_get_region (environment));
        }
    }
  else
    g_debug ("Could not read pipeline %s: %s", fetch->pipeline_uri, error->message);

  store (g_steal_pointer (&task));
}

/* Step 2: getDataPipelineCredsLinux. */
static void
get_credentials_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GCancellable *cancellable;

  json = sluice_dataall_client_get_credentials_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (json == NULL)
    {
      reword_error (error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* data.all's JSON carries no expiry: the parser puts it an hour after the fetch and marks
   * it as an estimate. */
  fetch->credentials = sluice_aws_credentials_parse (json, -1, fetch->fetched_at, NULL, &error);
  memset (json, 0, strlen (json));
  if (fetch->credentials == NULL)
    {
      g_task_return_new_error (task, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_SERVER,
                               _("data.all sent AWS credentials that Sluice cannot read: %s"),
                               error->message);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  sluice_dataall_client_get_pipeline_async (fetch->client, fetch->pipeline_uri, cancellable,
                                            get_pipeline_cb, g_steal_pointer (&task));
}

static void
fetch_from_dataall (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_clear_pointer (&fetch->fetched_at, g_date_time_unref);
  fetch->fetched_at = g_date_time_new_now_utc ();
  sluice_dataall_client_get_credentials_async (fetch->client, fetch->pipeline_uri,
                                               g_task_get_cancellable (task), get_credentials_cb,
                                               task);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* One fetch at a time per pipeline and data.all account: two at once would both replace the
 * pipeline's keyring item, and libsecret fails (and, in 0.20, can return a task twice) when an
 * item it is reading is deleted under it. A fetch that waited then finds the keys the first one
 * stored, or, when forced, renews them after it. Touched from the main context only. */
static GHashTable *fetches_in_flight;  /* "account\npipeline" -> GQueue of waiting GTasks */

static void
start_fetch (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GTask) lookup = NULL;

  if (fetch->force)
    {
      fetch_from_dataall (task);
      return;
    }

  lookup = g_task_new (NULL, g_task_get_cancellable (task), lookup_cb, task);
  g_task_set_source_tag (lookup, lookup_thread);
  g_task_set_task_data (lookup, fetch, NULL);
  g_task_run_in_thread (lookup, lookup_thread);
}

static char *
fetch_key (Fetch *fetch)
{
  return g_strconcat (fetch->dataall_account != NULL ? fetch->dataall_account : "", "\n",
                      fetch->pipeline_uri, NULL);
}

static void
fetch_completed_cb (GTask      *task,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  g_autofree char *key = fetch_key (g_task_get_task_data (task));
  GQueue *waiting = g_hash_table_lookup (fetches_in_flight, key);
  GTask *next;

  g_signal_handlers_disconnect_by_func (task, fetch_completed_cb, user_data);
  next = waiting != NULL ? g_queue_pop_head (waiting) : NULL;
  if (next == NULL)
    {
      g_hash_table_remove (fetches_in_flight, key);
      return;
    }
  g_signal_connect (next, "notify::completed", G_CALLBACK (fetch_completed_cb), NULL);
  start_fetch (next);
}

static void
queue_fetch (GTask *task)
{
  g_autofree char *key = fetch_key (g_task_get_task_data (task));
  GQueue *waiting;

  if (fetches_in_flight == NULL)
    fetches_in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_queue_free);
  waiting = g_hash_table_lookup (fetches_in_flight, key);
  if (waiting != NULL)
    {
      g_queue_push_tail (waiting, task);
      return;
    }
  g_hash_table_insert (fetches_in_flight, g_steal_pointer (&key), g_queue_new ());
  g_signal_connect (task, "notify::completed", G_CALLBACK (fetch_completed_cb), NULL);
  start_fetch (task);
}

/**
 * sluice_pipeline_credentials_fetch_async:
 * @account: the data.all account that asks
 * @pipeline_uri: the pipeline's `DataPipelineUri`
 * @pipeline_label: (nullable): its name, for naming the credentials; read from data.all if %NULL
 * @aws_account_id: (nullable): its CI/CD environment's AWS account; read from data.all if %NULL
 * @region: (nullable): that environment's region; read from data.all if %NULL
 * @force: get new credentials from data.all even when the stored ones are still valid
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the credentials
 * @user_data: closure data
 *
 * Gets AWS credentials for a pipeline. Credentials stored for it (found in the keyring by
 * pipeline URI and data.all account) are returned as they are while they stay valid for more
 * than %SLUICE_PIPELINE_CREDENTIALS_MIN_SECONDS_LEFT seconds. Otherwise data.all issues new
 * ones (getDataPipelineCredsLinux), whose expiry is estimated as one hour from now since
 * data.all does not say; they replace the pipeline's old item in the keyring, keeping its name
 * ("<pipeline> pipeline" for a first fetch), and record the pipeline URI, the data.all
 * account, the AWS account, region and repository.
 *
 * This is what anything that needs a pipeline's AWS keys calls: it renews expired ones.
 */
void
sluice_pipeline_credentials_fetch_async (SluiceAccount       *account,
                                         const char          *pipeline_uri,
                                         const char          *pipeline_label,
                                         const char          *aws_account_id,
                                         const char          *region,
                                         gboolean             force,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch;

  g_return_if_fail (SLUICE_IS_ACCOUNT (account));
  g_return_if_fail (pipeline_uri != NULL);

  task = g_task_new (account, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_pipeline_credentials_fetch_async);

  fetch = g_new0 (Fetch, 1);
  fetch->account = g_object_ref (account);
  fetch->client = g_object_ref (sluice_account_get_client (account));
  fetch->pipeline_uri = g_strdup (pipeline_uri);
  fetch->pipeline_label = g_strdup (pipeline_label);
  fetch->aws_account_id = g_strdup (aws_account_id);
  fetch->region = g_strdup (region);
  fetch->dataall_account = g_strdup (sluice_account_get_id (account));
  fetch->force = force;
  g_task_set_task_data (task, fetch, fetch_free);

  if (*pipeline_uri == '\0')
    {
      g_task_return_new_error (task, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_INVALID_INPUT,
                               "%s", _("Enter the pipeline’s URI, as data.all shows it in the pipeline’s address."));
      return;
    }

  queue_fetch (g_steal_pointer (&task));
}

/**
 * sluice_pipeline_credentials_fetch_finish:
 *
 * Returns: (transfer full): the pipeline's credentials, or %NULL with @error set: a
 *   %SLUICE_DATAALL_ERROR (%SLUICE_DATAALL_ERROR_NOT_AUTHORIZED when the user may not get
 *   them, with a sentence saying who may), a %SLUICE_KEYRING_ERROR or %G_IO_ERROR_CANCELLED
 */
SluiceAwsCredentials *
sluice_pipeline_credentials_fetch_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_pipeline_credentials_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
