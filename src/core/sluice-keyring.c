/* sluice-keyring.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-keyring"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-keyring.h"

G_DEFINE_QUARK (sluice-keyring-error-quark, sluice_keyring_error)

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_keyring_get_aws_credentials_schema:
 *
 * Returns: (transfer none): the `io.github.sluice.Sluice.AwsCredentials` libsecret schema
 */
const SecretSchema *
sluice_keyring_get_aws_credentials_schema (void)
{
  /* Designated initialisers: the positional form trips -Wmissing-field-initializers. */
  static const SecretSchema schema = {
    .name = BASE_ID ".AwsCredentials",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { .name = SLUICE_KEYRING_ATTR_KIND, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_NAME, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_AWS_ACCOUNT_ID, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_PIPELINE_URI, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_DATAALL_ACCOUNT, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_EXPIRY, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_REPOSITORY, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = SLUICE_KEYRING_ATTR_REGION, .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = NULL, .type = 0 },
    },
  };

  return &schema;
}

/* Turns libsecret's and D-Bus's errors into a sentence for people. */
static void
propagate_keyring_error (GError  **dest,
                         GError   *src)
{
  if (g_error_matches (src, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (dest, src);
      return;
    }

  if (g_error_matches (src, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    g_set_error_literal (dest, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_LOCKED,
                         _("The keyring is locked. Unlock it (for example by signing in again) and try once more."));
  else if (src->domain == G_DBUS_ERROR || src->domain == G_IO_ERROR || src->domain == G_SPAWN_ERROR)
    g_set_error (dest, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_UNAVAILABLE,
                 _("The system keyring is not available, so Sluice cannot keep AWS credentials. Make sure a keyring service such as GNOME Keyring is running. (%s)"),
                 src->message);
  else
    g_set_error (dest, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_FAILED,
                 _("The keyring refused the request: %s"), src->message);

  g_error_free (src);
}

static char *
expiry_attribute (SluiceAwsCredentials *credentials)
{
  GDateTime *expiration = sluice_aws_credentials_get_expiration (credentials);
  g_autoptr(GDateTime) utc = NULL;

  if (expiration == NULL)
    return g_strdup ("");
  utc = g_date_time_to_utc (expiration);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

static const char *
name_of (SluiceAwsCredentials *credentials)
{
  const char *name = sluice_aws_credentials_get_name (credentials);

  /* An access key ID is not a secret (AWS shows it in logs and consoles). */
  return name != NULL ? name : sluice_aws_credentials_get_access_key_id (credentials);
}

static GHashTable *
name_attributes (const char *name)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) SLUICE_KEYRING_ATTR_NAME, (gpointer) name);

  return attributes;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  SluiceAwsCredentials *ca = *(SluiceAwsCredentials * const *) a;
  SluiceAwsCredentials *cb = *(SluiceAwsCredentials * const *) b;

  return g_utf8_collate (name_of (ca), name_of (cb));
}

/* ------------------------------------------------------------------------------------------ */
/* Blocking API                                                                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_keyring_store_aws_credentials_sync:
 *
 * Stores @credentials under their name (their key id if they have none), replacing any
 * stored under that name. The secret is their JSON; the attributes hold no secret.
 */
gboolean
sluice_keyring_store_aws_credentials_sync (SluiceAwsCredentials  *credentials,
                                           GCancellable          *cancellable,
                                           GError               **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *label = NULL;
  g_autofree char *json = NULL;
  const char *name;
  gboolean ok;

  g_return_val_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials), FALSE);

  if (!sluice_aws_credentials_validate (credentials, error))
    return FALSE;

  name = name_of (credentials);
  expiry = expiry_attribute (credentials);
  attributes = g_hash_table_new (g_str_hash, g_str_equal);
#define ADD(attr, value) g_hash_table_insert (attributes, (gpointer) (attr), (gpointer) ((value) != NULL ? (value) : ""))
  ADD (SLUICE_KEYRING_ATTR_KIND, sluice_aws_credentials_kind_to_string (sluice_aws_credentials_get_kind (credentials)));
  ADD (SLUICE_KEYRING_ATTR_NAME, name);
  ADD (SLUICE_KEYRING_ATTR_AWS_ACCOUNT_ID, sluice_aws_credentials_get_aws_account_id (credentials));
  ADD (SLUICE_KEYRING_ATTR_PIPELINE_URI, sluice_aws_credentials_get_pipeline_uri (credentials));
  ADD (SLUICE_KEYRING_ATTR_DATAALL_ACCOUNT, sluice_aws_credentials_get_dataall_account (credentials));
  ADD (SLUICE_KEYRING_ATTR_EXPIRY, expiry);
  ADD (SLUICE_KEYRING_ATTR_REPOSITORY, sluice_aws_credentials_get_repository (credentials));
  ADD (SLUICE_KEYRING_ATTR_REGION, sluice_aws_credentials_get_region (credentials));
#undef ADD

  /* The name is the key: drop what is stored under it (its expiry, for one, may differ). */
  by_name = name_attributes (name);
  secret_password_clearv_sync (sluice_keyring_get_aws_credentials_schema (), by_name,
                               cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_keyring_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Translators: the label of a keyring item, shown by Passwords and Keys (Seahorse). */
  label = g_strdup_printf (_("Sluice: AWS credentials “%s”"), name);
  json = sluice_aws_credentials_to_json (credentials);
  ok = secret_password_storev_sync (sluice_keyring_get_aws_credentials_schema (), attributes,
                                    SECRET_COLLECTION_DEFAULT, label, json, cancellable,
                                    &local_error);
  memset (json, 0, strlen (json));
  if (!ok)
    {
      propagate_keyring_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * sluice_keyring_list_aws_credentials_sync:
 * @attribute: (nullable): an attribute to match (SLUICE_KEYRING_ATTR_*), or %NULL for all
 * @value: (nullable): its value
 *
 * Returns: (transfer full): a #GListModel of #SluiceAwsCredentials, sorted by name
 */
GListModel *
sluice_keyring_list_aws_credentials_sync (const char    *attribute,
                                          const char    *value,
                                          GCancellable  *cancellable,
                                          GError       **error)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (SLUICE_TYPE_AWS_CREDENTIALS);
  GList *items;

  if (attribute != NULL)
    g_hash_table_insert (attributes, (gpointer) attribute, (gpointer) (value != NULL ? value : ""));

  items = secret_service_search_sync (NULL, sluice_keyring_get_aws_credentials_schema (), attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                      cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_keyring_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr(SecretValue) secret = secret_item_get_secret (item);
      g_autoptr(GError) parse_error = NULL;
      SluiceAwsCredentials *credentials;
      const char *text;

      if (secret_item_get_locked (item))
        {
          g_set_error_literal (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_LOCKED,
                               _("The keyring is locked. Unlock it (for example by signing in again) and try once more."));
          g_list_free_full (items, g_object_unref);
          return NULL;
        }
      text = secret != NULL ? secret_value_get_text (secret) : NULL;
      credentials = text != NULL ? sluice_aws_credentials_from_json (text, &parse_error) : NULL;
      if (credentials == NULL)
        {
          /* Never the secret itself in a log: just that one item is unreadable. */
          g_debug ("Skipping an unreadable keyring item (%s)", secret_item_get_label (item));
          continue;
        }
      g_ptr_array_add (found, credentials);
    }
  g_list_free_full (items, g_object_unref);

  g_ptr_array_sort (found, compare_by_name);
  for (guint i = 0; i < found->len; i++)
    g_list_store_append (store, g_ptr_array_index (found, i));

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sluice_keyring_lookup_aws_credentials_sync:
 *
 * Returns: (transfer full): the credentials stored under @name, or %NULL with
 *   %SLUICE_KEYRING_ERROR_NOT_FOUND or another error
 */
SluiceAwsCredentials *
sluice_keyring_lookup_aws_credentials_sync (const char    *name,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  list = sluice_keyring_list_aws_credentials_sync (SLUICE_KEYRING_ATTR_NAME, name, cancellable, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND,
                   _("There are no AWS credentials named “%s” in the keyring."), name);
      return NULL;
    }

  return g_list_model_get_item (list, 0);
}

/**
 * sluice_keyring_delete_aws_credentials_sync:
 *
 * Returns: %TRUE if credentials named @name were deleted; %FALSE with
 *   %SLUICE_KEYRING_ERROR_NOT_FOUND if there were none
 */
gboolean
sluice_keyring_delete_aws_credentials_sync (const char    *name,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean removed;

  g_return_val_if_fail (name != NULL, FALSE);

  attributes = name_attributes (name);
  removed = secret_password_clearv_sync (sluice_keyring_get_aws_credentials_schema (), attributes,
                                         cancellable, &local_error);
  if (local_error != NULL)
    {
      propagate_keyring_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!removed)
    {
      g_set_error (error, SLUICE_KEYRING_ERROR, SLUICE_KEYRING_ERROR_NOT_FOUND,
                   _("There are no AWS credentials named “%s” in the keyring."), name);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Asynchronous API: the blocking calls on a worker thread                                    */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  SluiceAwsCredentials *credentials;
  char                 *name;
  char                 *attribute;
  char                 *value;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->credentials);
  g_free (request->name);
  g_free (request->attribute);
  g_free (request->value);
  g_free (request);
}

static GTask *
new_task (gpointer             source_tag,
          Request             *request,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, request_free);
  g_task_set_return_on_cancel (task, FALSE);

  return task;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (sluice_keyring_store_aws_credentials_sync (request->credentials, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sluice_keyring_store_aws_credentials_async:
 *
 * Stores @credentials (a copy is taken now); see sluice_keyring_store_aws_credentials_sync().
 */
void
sluice_keyring_store_aws_credentials_async (SluiceAwsCredentials *credentials,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (SLUICE_IS_AWS_CREDENTIALS (credentials));

  request = g_new0 (Request, 1);
  /* The thread gets its own copy: the caller's object may change meanwhile. */
  request->credentials = sluice_aws_credentials_copy (credentials);
  task = new_task (sluice_keyring_store_aws_credentials_async, request, cancellable, callback, user_data);
  g_task_run_in_thread (task, store_thread);
}

gboolean
sluice_keyring_store_aws_credentials_finish (GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_keyring_store_aws_credentials_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  SluiceAwsCredentials *credentials;

  credentials = sluice_keyring_lookup_aws_credentials_sync (request->name, cancellable, &error);
  if (credentials != NULL)
    g_task_return_pointer (task, credentials, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
sluice_keyring_lookup_aws_credentials_async (const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (name != NULL);

  request = g_new0 (Request, 1);
  request->name = g_strdup (name);
  task = new_task (sluice_keyring_lookup_aws_credentials_async, request, cancellable, callback, user_data);
  g_task_run_in_thread (task, lookup_thread);
}

/**
 * sluice_keyring_lookup_aws_credentials_finish:
 *
 * Returns: (transfer full): the credentials, or %NULL with @error set
 */
SluiceAwsCredentials *
sluice_keyring_lookup_aws_credentials_finish (GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_keyring_lookup_aws_credentials_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  GListModel *list;

  list = sluice_keyring_list_aws_credentials_sync (request->attribute, request->value, cancellable, &error);
  if (list != NULL)
    g_task_return_pointer (task, list, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sluice_keyring_list_aws_credentials_async:
 * @attribute: (nullable): an attribute to match (SLUICE_KEYRING_ATTR_*), or %NULL for all
 * @value: (nullable): its value
 */
void
sluice_keyring_list_aws_credentials_async (const char          *attribute,
                                           const char          *value,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  request = g_new0 (Request, 1);
  request->attribute = g_strdup (attribute);
  request->value = g_strdup (value);
  task = new_task (sluice_keyring_list_aws_credentials_async, request, cancellable, callback, user_data);
  g_task_run_in_thread (task, list_thread);
}

/**
 * sluice_keyring_list_aws_credentials_finish:
 *
 * Returns: (transfer full): a #GListModel of #SluiceAwsCredentials sorted by name, or %NULL
 *   with @error set
 */
GListModel *
sluice_keyring_list_aws_credentials_finish (GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_keyring_list_aws_credentials_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (sluice_keyring_delete_aws_credentials_sync (request->name, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sluice_keyring_delete_aws_credentials_async (const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (name != NULL);

  request = g_new0 (Request, 1);
  request->name = g_strdup (name);
  task = new_task (sluice_keyring_delete_aws_credentials_async, request, cancellable, callback, user_data);
  g_task_run_in_thread (task, delete_thread);
}

gboolean
sluice_keyring_delete_aws_credentials_finish (GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sluice_keyring_delete_aws_credentials_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
