/* sluice-ddk-config.c: a pipeline repository's ddk.json: the model
 *
 * The file is read twice: once by a strict scanner of our own, which reports broken syntax with
 * its line and column and records where every object member sits in the text
 * (sluice-ddk-scanner.c), and once by json-glib, which builds the tree the model edits
 * (sluice-ddk-load.c). Saving (sluice-ddk-save.c) never re-serialises the whole file: the
 * edited tree is compared with the tree as loaded, and only the members that differ are
 * rewritten in place, in the file's own indentation and spacing (sluice-ddk-writer.c). A file
 * nobody changed is written back byte for byte; unknown keys, their order and the user's
 * formatting survive. The checks, the problems they find and the bootstrap commands are in
 * sluice-ddk-validate.c.
 *
 * Here: the object, its getters and setters over environments, tags and resources, and the
 * prefill from data.all's pipeline.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-ddk-config"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-ddk-config-private.h"

G_DEFINE_FINAL_TYPE (SluiceDdkConfig, sluice_ddk_config, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sluice-ddk-config-error-quark, sluice_ddk_config_error)

/* ------------------------------------------------------------------------------------------ */
/* Helpers of the model                                                                       */
/* ------------------------------------------------------------------------------------------ */

JsonObject *
_sluice_ddk_config_root_object (SluiceDdkConfig *self)
{
  return json_node_get_object (self->root);
}

JsonObject *
_sluice_ddk_get_object_member (JsonObject *object,
                               const char *key)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, key);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
_sluice_ddk_get_string_member (JsonObject *object,
                               const char *key)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
_sluice_ddk_config_environments (SluiceDdkConfig *self)
{
  return _sluice_ddk_get_object_member (_sluice_ddk_config_root_object (self), "environments");
}

JsonObject *
_sluice_ddk_config_environment (SluiceDdkConfig *self,
                                const char      *name)
{
  if (name == NULL)
    return _sluice_ddk_config_root_object (self);
  return _sluice_ddk_get_object_member (_sluice_ddk_config_environments (self), name);
}

/* A member that is an object, made when it is missing or something else. */
static JsonObject *
ensure_object_member (JsonObject *object,
                      const char *key)
{
  JsonObject *child = _sluice_ddk_get_object_member (object, key);

  if (child == NULL)
    {
      child = json_object_new ();
      json_object_set_object_member (object, key, child);
    }
  return child;
}

/* Whether the file as loaded had @key of @environment_name as an empty object: one the user
 * wrote and Sluice keeps, even when the last member Sluice added to it goes again. */
static gboolean
keep_empty (SluiceDdkConfig *self,
            const char      *environment_name,
            const char      *key)
{
  JsonObject *root = json_node_get_object (self->original_root);
  JsonObject *object = environment_name == NULL
    ? root
    : _sluice_ddk_get_object_member (_sluice_ddk_get_object_member (root, "environments"), environment_name);
  JsonObject *child = _sluice_ddk_get_object_member (object, key);

  return child != NULL && json_object_get_size (child) == 0;
}

void
_sluice_ddk_config_update_modified (SluiceDdkConfig *self)
{
  gboolean modified = !json_node_equal (self->original_root, self->root);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
changed (SluiceDdkConfig *self)
{
  _sluice_ddk_config_update_modified (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Sets or removes object[key]; TRUE when that changed anything. Takes @value. */
static gboolean
set_node (JsonObject *object,
          const char *key,
          JsonNode   *value)
{
  JsonNode *old = json_object_get_member (object, key);

  if (value == NULL)
    {
      if (old == NULL)
        return FALSE;
      json_object_remove_member (object, key);
      return TRUE;
    }
  if (old != NULL && json_node_equal (old, value))
    {
      json_node_unref (value);
      return FALSE;
    }
  json_object_set_member (object, key, value);
  return TRUE;
}

static char **
dup_names (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (object != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
    }
  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_ddk_config_finalize (GObject *object)
{
  SluiceDdkConfig *self = SLUICE_DDK_CONFIG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->original, g_free);
  g_clear_pointer (&self->spans, _sluice_ddk_span_free);
  g_clear_pointer (&self->original_root, json_node_unref);
  g_clear_pointer (&self->root, json_node_unref);
  _sluice_ddk_style_clear (&self->style);

  G_OBJECT_CLASS (sluice_ddk_config_parent_class)->finalize (object);
}

static void
sluice_ddk_config_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SluiceDdkConfig *self = SLUICE_DDK_CONFIG (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_ddk_config_class_init (SluiceDdkConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_ddk_config_finalize;
  object_class->get_property = sluice_ddk_config_get_property;

  /**
   * SluiceDdkConfig:modified:
   *
   * Whether saving would write something else than the file holds.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceDdkConfig::changed:
   *
   * Emitted after any value of the configuration changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sluice_ddk_config_init (SluiceDdkConfig *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Getters                                                                                    */
/* ------------------------------------------------------------------------------------------ */

GFile *
sluice_ddk_config_get_file (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return self->file;
}

const char *
sluice_ddk_config_get_original_data (SluiceDdkConfig *self,
                                     gsize           *length)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  if (length != NULL)
    *length = self->original_len;
  return self->original;
}

gboolean
sluice_ddk_config_get_modified (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);

  return self->modified;
}

/* The tree as edited, to read only: changes go through the setters, which keep "modified"
 * and "changed" right. */
JsonNode *
sluice_ddk_config_get_root (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return self->root;
}

/* ------------------------------------------------------------------------------------------ */
/* Environments and their members                                                             */
/* ------------------------------------------------------------------------------------------ */

char **
sluice_ddk_config_dup_environment_names (SluiceDdkConfig *self)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return dup_names (_sluice_ddk_config_environments (self));
}

gboolean
sluice_ddk_config_has_environment (SluiceDdkConfig *self,
                                   const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return _sluice_ddk_config_environment (self, name) != NULL;
}

gboolean
sluice_ddk_config_add_environment (SluiceDdkConfig *self,
                                   const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (_sluice_ddk_config_environment (self, name) != NULL)
    return FALSE;
  json_object_set_object_member (_sluice_ddk_config_environments (self), name, json_object_new ());
  changed (self);
  return TRUE;
}

gboolean
sluice_ddk_config_remove_environment (SluiceDdkConfig *self,
                                      const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (_sluice_ddk_config_environment (self, name) == NULL)
    return FALSE;
  json_object_remove_member (_sluice_ddk_config_environments (self), name);
  changed (self);
  return TRUE;
}

JsonNode *
sluice_ddk_config_get_member (SluiceDdkConfig *self,
                              const char      *name,
                              const char      *key)
{
  JsonObject *object;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  object = _sluice_ddk_config_environment (self, name);
  return object != NULL ? json_object_get_member (object, key) : NULL;
}

void
sluice_ddk_config_set_member (SluiceDdkConfig *self,
                              const char      *name,
                              const char      *key,
                              JsonNode        *value)
{
  JsonObject *object;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (key != NULL);
  /* The model stands on the environments object. */
  g_return_if_fail (name != NULL || strcmp (key, "environments") != 0 ||
                    (value != NULL && JSON_NODE_HOLDS_OBJECT (value)));

  object = name != NULL ? ensure_object_member (_sluice_ddk_config_environments (self), name)
                       : _sluice_ddk_config_root_object (self);
  if (set_node (object, key, value != NULL ? json_node_copy (value) : NULL))
    changed (self);
}

static void
set_string (SluiceDdkConfig *self,
            const char      *name,
            const char      *key,
            const char      *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  sluice_ddk_config_set_member (self, name, key, node);
}

const char *
sluice_ddk_config_get_account (SluiceDdkConfig *self,
                               const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return _sluice_ddk_get_string_member (_sluice_ddk_config_environment (self, name), "account");
}

void
sluice_ddk_config_set_account (SluiceDdkConfig *self,
                               const char      *name,
                               const char      *account)
{
  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));

  set_string (self, name, "account", account);
}

const char *
sluice_ddk_config_get_region (SluiceDdkConfig *self,
                              const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return _sluice_ddk_get_string_member (_sluice_ddk_config_environment (self, name), "region");
}

void
sluice_ddk_config_set_region (SluiceDdkConfig *self,
                              const char      *name,
                              const char      *region)
{
  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));

  set_string (self, name, "region", region);
}

char **
sluice_ddk_config_dup_tag_names (SluiceDdkConfig *self,
                                 const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return dup_names (_sluice_ddk_get_object_member (_sluice_ddk_config_environment (self, name), "tags"));
}

const char *
sluice_ddk_config_get_tag (SluiceDdkConfig *self,
                           const char      *name,
                           const char      *tag)
{
  JsonObject *tags;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  tags = _sluice_ddk_get_object_member (_sluice_ddk_config_environment (self, name), "tags");

  return _sluice_ddk_get_string_member (tags, tag);
}

/* Sets or removes a member of the object @key of @object (made when needed). An object the
 * last removal left empty goes too, unless the file had it empty. */
static gboolean
set_in_child (SluiceDdkConfig *self,
              const char      *name,
              JsonObject      *object,
              const char      *key,
              const char      *child_key,
              JsonNode        *value)
{
  JsonObject *child;
  gboolean did;

  if (value == NULL && _sluice_ddk_get_object_member (object, key) == NULL)
    return FALSE;
  child = ensure_object_member (object, key);
  did = set_node (child, child_key, value);
  if (json_object_get_size (child) == 0 && !keep_empty (self, name, key))
    {
      json_object_remove_member (object, key);
      did = TRUE;
    }
  return did;
}

void
sluice_ddk_config_set_tag (SluiceDdkConfig *self,
                           const char      *name,
                           const char      *tag,
                           const char      *value)
{
  JsonObject *object;
  JsonNode *node = NULL;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (tag != NULL);

  object = name != NULL ? ensure_object_member (_sluice_ddk_config_environments (self), name)
                       : _sluice_ddk_config_root_object (self);
  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  if (set_in_child (self, name, object, "tags", tag, node))
    changed (self);
}

char **
sluice_ddk_config_dup_resource_names (SluiceDdkConfig *self,
                                      const char      *name)
{
  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);

  return dup_names (_sluice_ddk_get_object_member (_sluice_ddk_config_environment (self, name), "resources"));
}

char **
sluice_ddk_config_dup_resource_setting_names (SluiceDdkConfig *self,
                                              const char      *name,
                                              const char      *resource)
{
  JsonObject *resources;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (resource != NULL, NULL);

  resources = _sluice_ddk_get_object_member (_sluice_ddk_config_environment (self, name), "resources");
  return dup_names (_sluice_ddk_get_object_member (resources, resource));
}

JsonNode *
sluice_ddk_config_get_resource_setting (SluiceDdkConfig *self,
                                        const char      *name,
                                        const char      *resource,
                                        const char      *key)
{
  JsonObject *resources;
  JsonObject *settings;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (resource != NULL && key != NULL, NULL);

  resources = _sluice_ddk_get_object_member (_sluice_ddk_config_environment (self, name), "resources");
  settings = _sluice_ddk_get_object_member (resources, resource);
  return settings != NULL ? json_object_get_member (settings, key) : NULL;
}

void
sluice_ddk_config_set_resource_setting (SluiceDdkConfig *self,
                                        const char      *name,
                                        const char      *resource,
                                        const char      *key,
                                        JsonNode        *value)
{
  JsonObject *object, *resources;
  gboolean did;

  g_return_if_fail (SLUICE_IS_DDK_CONFIG (self));
  g_return_if_fail (resource != NULL && key != NULL);

  object = name != NULL ? ensure_object_member (_sluice_ddk_config_environments (self), name)
                       : _sluice_ddk_config_root_object (self);
  if (value == NULL && sluice_ddk_config_get_resource_setting (self, name, resource, key) == NULL)
    return;

  resources = ensure_object_member (object, "resources");
  did = set_node (ensure_object_member (resources, resource), key,
                  value != NULL ? json_node_copy (value) : NULL);
  if (json_object_get_size (_sluice_ddk_get_object_member (resources, resource)) == 0)
    {
      json_object_remove_member (resources, resource);
      did = TRUE;
    }
  if (json_object_get_size (resources) == 0 && !keep_empty (self, name, "resources"))
    {
      json_object_remove_member (object, "resources");
      did = TRUE;
    }
  if (did)
    changed (self);
}

gboolean
sluice_ddk_config_remove_resource (SluiceDdkConfig *self,
                                   const char      *name,
                                   const char      *resource)
{
  JsonObject *object, *resources;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (resource != NULL, FALSE);

  object = _sluice_ddk_config_environment (self, name);
  resources = _sluice_ddk_get_object_member (object, "resources");
  if (resources == NULL || !json_object_has_member (resources, resource))
    return FALSE;
  json_object_remove_member (resources, resource);
  if (json_object_get_size (resources) == 0 && !keep_empty (self, name, "resources"))
    json_object_remove_member (object, "resources");
  changed (self);
  return TRUE;
}

const char *
sluice_ddk_config_get_bootstrap_string (SluiceDdkConfig *self,
                                        const char      *name,
                                        const char      *key)
{
  JsonObject *bootstrap;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  bootstrap = _sluice_ddk_get_object_member (_sluice_ddk_config_environment (self, name), "bootstrap");

  return _sluice_ddk_get_string_member (bootstrap, key);
}

/* ------------------------------------------------------------------------------------------ */
/* data.all's pipeline                                                                        */
/* ------------------------------------------------------------------------------------------ */

static gboolean
lacks (SluiceDdkConfig *self,
       const char      *name,
       const char      *key)
{
  const char *value = _sluice_ddk_get_string_member (_sluice_ddk_config_environment (self, name), key);
  JsonObject *env = _sluice_ddk_config_environment (self, name);

  /* A value of another type is the user's to fix: prefilling does not overwrite it. */
  return env == NULL || !json_object_has_member (env, key) || (value != NULL && value[0] == '\0');
}

static guint
fill (SluiceDdkConfig *self,
      const char      *name,
      const char      *account,
      const char      *region)
{
  guint filled = 0;

  if (account != NULL && account[0] != '\0' && lacks (self, name, "account"))
    {
      set_string (self, name, "account", account);
      filled++;
    }
  if (region != NULL && region[0] != '\0' && lacks (self, name, "region"))
    {
      set_string (self, name, "region", region);
      filled++;
    }
  if (_sluice_ddk_config_environment (self, name) == NULL)
    sluice_ddk_config_add_environment (self, name);
  return filled;
}

guint
sluice_ddk_config_prefill (SluiceDdkConfig *self,
                           SluicePipeline  *pipeline)
{
  SluiceEnvironment *cicd;
  GListModel *stages;
  guint filled = 0, n;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), 0);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), 0);

  cicd = sluice_pipeline_get_environment (pipeline);
  if (cicd != NULL)
    filled += fill (self, SLUICE_DDK_CICD, sluice_environment_get_aws_account_id (cicd),
                    sluice_environment_get_region (cicd));

  stages = sluice_pipeline_get_stages (pipeline);
  n = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      const char *name = sluice_stage_get_stage (stage);

      if (name != NULL && name[0] != '\0')
        filled += fill (self, name, sluice_stage_get_aws_account_id (stage), sluice_stage_get_region (stage));
    }
  return filled;
}

gboolean
sluice_ddk_config_has_own_account (SluiceDdkConfig *self,
                                   const char      *name)
{
  const char *account, *cicd_account;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (strcmp (name, SLUICE_DDK_CICD) == 0)
    return FALSE;
  account = sluice_ddk_config_get_account (self, name);
  cicd_account = sluice_ddk_config_get_account (self, SLUICE_DDK_CICD);
  return account != NULL && account[0] != '\0' && cicd_account != NULL && strcmp (account, cicd_account) != 0;
}
