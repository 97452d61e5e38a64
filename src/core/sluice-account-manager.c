/* sluice-account-manager.c
 *
 * The user's data.all accounts, one of them active, kept in a key file under the XDG config
 * directory (no secrets: those are in the keyring).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-account-manager"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sluice-account-manager.h"

struct _SluiceAccountManager
{
  GObject        parent_instance;

  char          *path;
  GPtrArray     *accounts;
  SluiceAccount *active;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SluiceAccountManager, sluice_account_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* GListModel                                                               */
/* ------------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return SLUICE_TYPE_ACCOUNT;
}

static guint
get_n_items (GListModel *model)
{
  return SLUICE_ACCOUNT_MANAGER (model)->accounts->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SluiceAccountManager *self = SLUICE_ACCOUNT_MANAGER (model);

  if (position >= self->accounts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
sluice_account_manager_finalize (GObject *object)
{
  SluiceAccountManager *self = SLUICE_ACCOUNT_MANAGER (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_object (&self->active);
  g_free (self->path);

  G_OBJECT_CLASS (sluice_account_manager_parent_class)->finalize (object);
}

static void
sluice_account_manager_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluiceAccountManager *self = SLUICE_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_object (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_account_manager_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluiceAccountManager *self = SLUICE_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      sluice_account_manager_set_active (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_account_manager_class_init (SluiceAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_account_manager_finalize;
  object_class->get_property = sluice_account_manager_get_property;
  object_class->set_property = sluice_account_manager_set_property;

  properties[PROP_ACTIVE] =
    g_param_spec_object ("active", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_account_manager_init (SluiceAccountManager *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * sluice_account_manager_new:
 * @path: (nullable): the key file; %NULL for `$XDG_CONFIG_HOME/sluice/accounts.ini`
 *
 * Returns: (transfer full): an empty manager; call sluice_account_manager_load()
 */
SluiceAccountManager *
sluice_account_manager_new (const char *path)
{
  SluiceAccountManager *self = g_object_new (SLUICE_TYPE_ACCOUNT_MANAGER, NULL);

  self->path = path ? g_strdup (path)
                    : g_build_filename (g_get_user_config_dir (), "sluice", "accounts.ini", NULL);

  return self;
}

const char *
sluice_account_manager_get_path (SluiceAccountManager *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self), NULL);

  return self->path;
}

/**
 * sluice_account_manager_load:
 * @self: a #SluiceAccountManager
 * @error: return location for an error
 *
 * Reads the accounts. A missing file is no error: it is the first run.
 */
gboolean
sluice_account_manager_load (SluiceAccountManager  *self,
                             GError               **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *active_id = NULL;
  guint old_len;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self), FALSE);

  if (!g_key_file_load_from_file (key_file, self->path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Your saved data.all accounts could not be read from %s: %s"),
                   self->path, local_error->message);
      return FALSE;
    }

  old_len = self->accounts->len;
  g_ptr_array_set_size (self->accounts, 0);

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      SluiceAccount *account = sluice_account_new_from_key_file (key_file, groups[i]);

      if (account != NULL)
        g_ptr_array_add (self->accounts, account);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->accounts->len);

  active_id = g_key_file_get_string (key_file, "Sluice", "ActiveAccount", NULL);
  sluice_account_manager_set_active (self, active_id ? sluice_account_manager_lookup (self, active_id) : NULL);
  if (self->active == NULL && self->accounts->len > 0)
    sluice_account_manager_set_active (self, g_ptr_array_index (self->accounts, 0));

  return TRUE;
}

/**
 * sluice_account_manager_save:
 * @self: a #SluiceAccountManager
 * @error: return location for an error
 *
 * Writes the accounts atomically, readable by the user only.
 */
gboolean
sluice_account_manager_save (SluiceAccountManager  *self,
                             GError               **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self), FALSE);

  g_key_file_set_comment (key_file, NULL, NULL,
                          " Sluice's data.all accounts. Sign-ins are kept in the system keyring, not here.",
                          NULL);
  if (self->active != NULL)
    g_key_file_set_string (key_file, "Sluice", "ActiveAccount", sluice_account_get_id (self->active));

  for (guint i = 0; i < self->accounts->len; i++)
    sluice_account_save_to_key_file (g_ptr_array_index (self->accounts, i), key_file);

  data = g_key_file_to_data (key_file, &len, NULL);
  dir = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Your data.all accounts could not be saved to %s: %s"),
                   self->path, local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

void
sluice_account_manager_add (SluiceAccountManager *self,
                            SluiceAccount        *account)
{
  g_return_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (SLUICE_IS_ACCOUNT (account));

  if (sluice_account_manager_lookup (self, sluice_account_get_id (account)) != NULL)
    return;

  g_ptr_array_add (self->accounts, g_object_ref (account));
  g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
}

void
sluice_account_manager_remove (SluiceAccountManager *self,
                               SluiceAccount        *account)
{
  guint position;

  g_return_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (SLUICE_IS_ACCOUNT (account));

  if (!g_ptr_array_find (self->accounts, account, &position))
    return;

  if (self->active == account)
    sluice_account_manager_set_active (self, NULL);

  g_ptr_array_remove_index (self->accounts, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  if (self->active == NULL && self->accounts->len > 0)
    sluice_account_manager_set_active (self, g_ptr_array_index (self->accounts, 0));
}

/**
 * sluice_account_manager_lookup:
 * @self: a #SluiceAccountManager
 * @id: an account id
 *
 * Returns: (transfer none) (nullable): the account with that id
 */
SluiceAccount *
sluice_account_manager_lookup (SluiceAccountManager *self,
                               const char           *id)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self), NULL);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      SluiceAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (sluice_account_get_id (account), id) == 0)
        return account;
    }

  return NULL;
}

/**
 * sluice_account_manager_find_by_api_url:
 * @self: a #SluiceAccountManager
 * @api_url: an API URL, as typed
 *
 * Returns: (transfer none) (nullable): the first account for that data.all
 */
SluiceAccount *
sluice_account_manager_find_by_api_url (SluiceAccountManager *self,
                                        const char           *api_url)
{
  g_autofree char *wanted = sluice_check_web_address (api_url, NULL);

  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self), NULL);

  for (guint i = 0; wanted != NULL && i < self->accounts->len; i++)
    {
      SluiceAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *have = sluice_check_web_address (sluice_account_get_api_url (account), NULL);

      if (g_strcmp0 (have, wanted) == 0)
        return account;
    }

  return NULL;
}

/**
 * sluice_account_manager_get_active:
 * @self: a #SluiceAccountManager
 *
 * Returns: (transfer none) (nullable): the account Sluice shows
 */
SluiceAccount *
sluice_account_manager_get_active (SluiceAccountManager *self)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self), NULL);

  return self->active;
}

void
sluice_account_manager_set_active (SluiceAccountManager *self,
                                   SluiceAccount        *account)
{
  g_return_if_fail (SLUICE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (!account || SLUICE_IS_ACCOUNT (account));

  if (account != NULL && !g_ptr_array_find (self->accounts, account, NULL))
    sluice_account_manager_add (self, account);

  if (g_set_object (&self->active, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}
