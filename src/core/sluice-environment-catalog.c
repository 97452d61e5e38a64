/* sluice-environment-catalog.c: the environments and teams a pipeline can use
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-environment-catalog"

#include "config.h"

#include "sluice-dataall-api.h"
#include "sluice-environment-catalog.h"
#include "sluice-team.h"

/* What the create wizard and the pipeline editor choose from: the environments the user may
 * create pipelines in (listValidEnvironments, loaded once), and for each environment asked
 * about, its teams (listEnvironmentGroups) and its parameters (getEnvironment: the resource
 * prefix and whether pipelines are enabled). Each is asked for once; ::changed says that
 * something arrived. */

struct _SluiceEnvironmentCatalog
{
  GObject              parent_instance;

  SluiceDataallClient *client;
  GCancellable        *cancellable;
  GListModel          *environments;  /* SluiceEnvironment */
  char                *error;
  gboolean             loading_environments;
  GHashTable          *teams;         /* uri → GListModel of SluiceTeam */
  GHashTable          *info;          /* uri → SluiceEnvironment */
  GHashTable          *loading;       /* "teams:uri", "info:uri" */
};

G_DEFINE_FINAL_TYPE (SluiceEnvironmentCatalog, sluice_environment_catalog, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (SluiceEnvironmentCatalog *self,
              const char               *uri)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, uri);
}

/* What a load's callback needs: the catalog (a reference) and the environment. */
typedef struct
{
  SluiceEnvironmentCatalog *self;
  char                     *uri;
} Load;

static Load *
load_new (SluiceEnvironmentCatalog *self,
          const char               *uri)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->uri = g_strdup (uri);
  return load;
}

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_free (load->uri);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
environments_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SluiceEnvironmentCatalog) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *environments;

  environments = sluice_dataall_client_list_environments_finish (SLUICE_DATAALL_CLIENT (source),
                                                                 result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_environments = FALSE;
  if (environments == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
    }
  else
    {
      g_clear_pointer (&self->error, g_free);
      self->environments = environments;
    }
  emit_changed (self, NULL);
}

static void
teams_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  SluiceEnvironmentCatalog *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strconcat ("teams:", load->uri, NULL);
  GListModel *teams;

  teams = sluice_dataall_client_list_teams_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->loading, key);
  if (teams == NULL)
    {
      /* Shown as "no teams found"; the environment stays choosable. */
      g_message ("Cannot list the teams of %s: %s", load->uri, error->message);
      teams = G_LIST_MODEL (g_list_store_new (SLUICE_TYPE_TEAM));
    }
  g_hash_table_insert (self->teams, g_strdup (load->uri), teams);
  emit_changed (self, load->uri);
}

static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  SluiceEnvironmentCatalog *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strconcat ("info:", load->uri, NULL);
  SluiceEnvironment *environment;

  environment = sluice_dataall_client_get_environment_finish (SLUICE_DATAALL_CLIENT (source),
                                                              result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->loading, key);
  if (environment == NULL)
    g_message ("Cannot get environment %s: %s", load->uri, error->message);
  else
    g_hash_table_insert (self->info, g_strdup (load->uri), environment);
  emit_changed (self, load->uri);
}

static void
sluice_environment_catalog_dispose (GObject *object)
{
  SluiceEnvironmentCatalog *self = SLUICE_ENVIRONMENT_CATALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->environments);

  G_OBJECT_CLASS (sluice_environment_catalog_parent_class)->dispose (object);
}

static void
sluice_environment_catalog_finalize (GObject *object)
{
  SluiceEnvironmentCatalog *self = SLUICE_ENVIRONMENT_CATALOG (object);

  g_clear_pointer (&self->teams, g_hash_table_unref);
  g_clear_pointer (&self->info, g_hash_table_unref);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  g_free (self->error);

  G_OBJECT_CLASS (sluice_environment_catalog_parent_class)->finalize (object);
}

static void
sluice_environment_catalog_class_init (SluiceEnvironmentCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_environment_catalog_dispose;
  object_class->finalize = sluice_environment_catalog_finalize;

  /**
   * SluiceEnvironmentCatalog::changed:
   * @uri: (nullable): the environment whose teams or parameters arrived, %NULL for the list
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sluice_environment_catalog_init (SluiceEnvironmentCatalog *self)
{
  self->cancellable = g_cancellable_new ();
  self->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->loading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SluiceEnvironmentCatalog *
sluice_environment_catalog_new (SluiceDataallClient *client)
{
  SluiceEnvironmentCatalog *self;

  g_return_val_if_fail (SLUICE_IS_DATAALL_CLIENT (client), NULL);

  self = g_object_new (SLUICE_TYPE_ENVIRONMENT_CATALOG, NULL);
  self->client = g_object_ref (client);
  return self;
}

SluiceDataallClient *
sluice_environment_catalog_get_client (SluiceEnvironmentCatalog *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), NULL);
  return self->client;
}

/**
 * sluice_environment_catalog_load:
 *
 * Asks for the environments (listValidEnvironments) unless they arrived or are on their
 * way; after a failure, asks again.
 */
void
sluice_environment_catalog_load (SluiceEnvironmentCatalog *self)
{
  g_return_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self));

  if (self->environments != NULL || self->loading_environments)
    return;
  self->loading_environments = TRUE;
  sluice_dataall_client_list_environments_async (self->client, self->cancellable,
                                                 environments_loaded_cb, g_object_ref (self));
}

/**
 * sluice_environment_catalog_get_environments:
 *
 * Returns: (transfer none) (nullable): the environments, %NULL until they arrived
 */
GListModel *
sluice_environment_catalog_get_environments (SluiceEnvironmentCatalog *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), NULL);
  return self->environments;
}

/**
 * sluice_environment_catalog_get_error:
 *
 * Returns: (nullable): why the environments could not be listed, as a sentence
 */
const char *
sluice_environment_catalog_get_error (SluiceEnvironmentCatalog *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), NULL);
  return self->error;
}

/**
 * sluice_environment_catalog_find:
 * @position: (out) (optional): where it is in the list
 *
 * Returns: (transfer none) (nullable): the listed environment with @uri
 */
SluiceEnvironment *
sluice_environment_catalog_find (SluiceEnvironmentCatalog *self,
                                 const char               *uri,
                                 guint                    *position)
{
  guint n;

  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), NULL);

  n = self->environments != NULL ? g_list_model_get_n_items (self->environments) : 0;
  for (guint i = 0; uri != NULL && i < n; i++)
    {
      g_autoptr(SluiceEnvironment) environment = g_list_model_get_item (self->environments, i);

      if (g_strcmp0 (sluice_environment_get_uri (environment), uri) == 0)
        {
          if (position != NULL)
            *position = i;
          /* The list keeps its items alive. */
          return environment;
        }
    }
  return NULL;
}

/**
 * sluice_environment_catalog_load_environment:
 *
 * Asks for @uri's teams and parameters, each once.
 */
void
sluice_environment_catalog_load_environment (SluiceEnvironmentCatalog *self,
                                             const char               *uri)
{
  g_autofree char *teams_key = NULL;
  g_autofree char *info_key = NULL;

  g_return_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self));

  if (uri == NULL)
    return;
  teams_key = g_strconcat ("teams:", uri, NULL);
  info_key = g_strconcat ("info:", uri, NULL);
  if (!g_hash_table_contains (self->teams, uri) && !g_hash_table_contains (self->loading, teams_key))
    {
      g_hash_table_add (self->loading, g_steal_pointer (&teams_key));
      sluice_dataall_client_list_teams_async (self->client, uri, self->cancellable,
                                              teams_loaded_cb, load_new (self, uri));
    }
  if (!g_hash_table_contains (self->info, uri) && !g_hash_table_contains (self->loading, info_key))
    {
      g_hash_table_add (self->loading, g_steal_pointer (&info_key));
      sluice_dataall_client_get_environment_async (self->client, uri, self->cancellable,
                                                   info_loaded_cb, load_new (self, uri));
    }
}

/**
 * sluice_environment_catalog_get_teams:
 *
 * Returns: (transfer none) (nullable): @uri's teams (#SluiceTeam), %NULL until they arrived
 */
GListModel *
sluice_environment_catalog_get_teams (SluiceEnvironmentCatalog *self,
                                      const char               *uri)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), NULL);
  return uri != NULL ? g_hash_table_lookup (self->teams, uri) : NULL;
}

/**
 * sluice_environment_catalog_team_position:
 *
 * Returns: @team's position in @uri's teams plus one (a combo row's first item says what
 *   to do), 0 when it is not among them
 */
guint
sluice_environment_catalog_team_position (SluiceEnvironmentCatalog *self,
                                          const char               *uri,
                                          const char               *team)
{
  GListModel *teams = sluice_environment_catalog_get_teams (self, uri);
  guint n = teams != NULL ? g_list_model_get_n_items (teams) : 0;

  for (guint i = 0; team != NULL && i < n; i++)
    {
      g_autoptr(SluiceTeam) item = g_list_model_get_item (teams, i);

      if (g_strcmp0 (sluice_team_get_uri (item), team) == 0)
        return i + 1;
    }
  return 0;
}

/**
 * sluice_environment_catalog_team_at:
 * @position: as sluice_environment_catalog_team_position() counts
 *
 * Returns: (nullable): the team's name
 */
const char *
sluice_environment_catalog_team_at (SluiceEnvironmentCatalog *self,
                                    const char               *uri,
                                    guint                     position)
{
  GListModel *teams = sluice_environment_catalog_get_teams (self, uri);
  g_autoptr(SluiceTeam) team = NULL;

  if (teams == NULL || position == 0 || position == G_MAXUINT ||
      position > g_list_model_get_n_items (teams))
    return NULL;
  team = g_list_model_get_item (teams, position - 1);
  /* The team list keeps its items alive. */
  return sluice_team_get_uri (team);
}

/**
 * sluice_environment_catalog_get_info:
 *
 * Returns: (transfer none) (nullable): @uri as getEnvironment answered, with its parameters
 */
SluiceEnvironment *
sluice_environment_catalog_get_info (SluiceEnvironmentCatalog *self,
                                     const char               *uri)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), NULL);
  return uri != NULL ? g_hash_table_lookup (self->info, uri) : NULL;
}

/**
 * sluice_environment_catalog_pipelines_enabled:
 *
 * Returns: %FALSE when @uri is known to have pipelines disabled
 */
gboolean
sluice_environment_catalog_pipelines_enabled (SluiceEnvironmentCatalog *self,
                                              const char               *uri)
{
  SluiceEnvironment *info = sluice_environment_catalog_get_info (self, uri);

  return info == NULL || !sluice_environment_get_parameters_known (info) ||
         sluice_environment_get_pipelines_enabled (info);
}

/**
 * sluice_environment_catalog_is_busy:
 *
 * Returns: whether an answer is still awaited
 */
gboolean
sluice_environment_catalog_is_busy (SluiceEnvironmentCatalog *self)
{
  g_return_val_if_fail (SLUICE_IS_ENVIRONMENT_CATALOG (self), FALSE);
  return self->loading_environments || g_hash_table_size (self->loading) > 0;
}
