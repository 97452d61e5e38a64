/* sluice-ddk-validate.c: ddk.json's checks, the problems they find, the bootstrap commands
 *
 * What is wrong with a configuration, field by field, as problems a form can show at the
 * field; the regions of each AWS partition; and the `cdk bootstrap` command each stage account
 * needs to trust the CI/CD account.
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

/* ------------------------------------------------------------------------------------------ */
/* Boxed types                                                                                */
/* ------------------------------------------------------------------------------------------ */

SluiceDdkProblem *
sluice_ddk_problem_copy (const SluiceDdkProblem *problem)
{
  SluiceDdkProblem *copy = g_new0 (SluiceDdkProblem, 1);

  copy->environment = g_strdup (problem->environment);
  copy->resource = g_strdup (problem->resource);
  copy->key = g_strdup (problem->key);
  copy->message = g_strdup (problem->message);
  return copy;
}

void
sluice_ddk_problem_free (SluiceDdkProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->environment);
  g_free (problem->resource);
  g_free (problem->key);
  g_free (problem->message);
  g_free (problem);
}

G_DEFINE_BOXED_TYPE (SluiceDdkProblem, sluice_ddk_problem, sluice_ddk_problem_copy, sluice_ddk_problem_free)

SluiceDdkBootstrap *
sluice_ddk_bootstrap_copy (const SluiceDdkBootstrap *bootstrap)
{
  SluiceDdkBootstrap *copy = g_new0 (SluiceDdkBootstrap, 1);

  copy->account = g_strdup (bootstrap->account);
  copy->region = g_strdup (bootstrap->region);
  copy->environments = g_strdupv (bootstrap->environments);
  copy->command = g_strdup (bootstrap->command);
  copy->legacy_command = g_strdup (bootstrap->legacy_command);
  return copy;
}

void
sluice_ddk_bootstrap_free (SluiceDdkBootstrap *bootstrap)
{
  if (bootstrap == NULL)
    return;
  g_free (bootstrap->account);
  g_free (bootstrap->region);
  g_strfreev (bootstrap->environments);
  g_free (bootstrap->command);
  g_free (bootstrap->legacy_command);
  g_free (bootstrap);
}

G_DEFINE_BOXED_TYPE (SluiceDdkBootstrap, sluice_ddk_bootstrap, sluice_ddk_bootstrap_copy, sluice_ddk_bootstrap_free)

/* ------------------------------------------------------------------------------------------ */
/* Regions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  const char *partition;
  const char *regions[40];
} Partition;

/* Every commercial, China, GovCloud, ISO and sovereign region as of 2026 (botocore's
 * endpoints.json plus the regions opened since Debian 12's copy). */
static const Partition partitions[] = {
  { "aws", { "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
             "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
             "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
             "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
             "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
             "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
             "us-east-1", "us-east-2", "us-west-1", "us-west-2", NULL } },
  { "aws-cn", { "cn-north-1", "cn-northwest-1", NULL } },
  { "aws-us-gov", { "us-gov-east-1", "us-gov-west-1", NULL } },
  { "aws-iso", { "us-iso-east-1", "us-iso-west-1", NULL } },
  { "aws-iso-b", { "us-isob-east-1", NULL } },
  { "aws-iso-e", { "eu-isoe-west-1", NULL } },
  { "aws-iso-f", { "us-isof-east-1", "us-isof-south-1", NULL } },
  { "aws-eusc", { "eusc-de-east-1", NULL } },
};

const char *
sluice_ddk_region_get_partition (const char *region)
{
  if (region == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (partitions); i++)
    for (gsize j = 0; partitions[i].regions[j] != NULL; j++)
      if (strcmp (partitions[i].regions[j], region) == 0)
        return partitions[i].partition;
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Validation                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID, format, args);
      va_end (args);
    }
  return FALSE;
}

gboolean
sluice_ddk_check_account (const char  *account,
                          GError     **error)
{
  if (account == NULL || account[0] == '\0')
    return invalid (error, _("Enter the 12-digit ID of an AWS account."));
  if (strlen (account) != 12 || strspn (account, "0123456789") != 12)
    return invalid (error, _("“%s” is not an AWS account ID: it must be exactly 12 digits."), account);
  return TRUE;
}

gboolean
sluice_ddk_check_region (const char  *region,
                         GError     **error)
{
  if (region == NULL || region[0] == '\0')
    return invalid (error, _("Enter an AWS region code such as “eu-west-1”."));
  if (sluice_ddk_region_get_partition (region) == NULL)
    return invalid (error, _("“%s” is not an AWS region code such as “eu-west-1”."), region);
  return TRUE;
}

gboolean
sluice_ddk_check_environment_name (const char  *name,
                                   GError     **error)
{
  if (name == NULL || name[0] == '\0')
    return invalid (error, _("An environment needs a name."));
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return invalid (error, _("“%s” cannot name an environment: use only letters, digits, “-” and “_”."),
                      name);
  return TRUE;
}

gboolean
sluice_ddk_check_removal_policy (const char  *policy,
                                 GError     **error)
{
  static const char * const policies[] = { "destroy", "retain", "snapshot" };

  if (policy != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (policies); i++)
      if (g_ascii_strcasecmp (policy, policies[i]) == 0)
        return TRUE;
  return invalid (error, _("“%s” is not a removal policy: DDK accepts “destroy”, “retain” or “snapshot”."),
                  policy != NULL ? policy : "");
}

static gboolean
is_removal_policy_key (const char *key)
{
  return g_ascii_strcasecmp (key, "removal_policy") == 0 || g_ascii_strcasecmp (key, "removalpolicy") == 0;
}

static gboolean
holds_type (JsonNode *value,
            GType     type)
{
  return value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == type;
}

gboolean
sluice_ddk_check_resource_setting (const char  *key,
                                   JsonNode    *value,
                                   GError     **error)
{
  /* Settings of DDK's constructs and of CloudFormation that take true or false. */
  static const char * const booleans[] = {
    "versioned", "auto_delete_objects", "enforce_ssl", "block_public_access",
  };

  g_return_val_if_fail (key != NULL, FALSE);

  if (key[0] == '\0')
    return invalid (error, _("A resource setting needs a name."));
  if (value == NULL)
    return invalid (error, _("“%s” has no value."), key);
  if (is_removal_policy_key (key))
    {
      if (!holds_type (value, G_TYPE_STRING))
        return invalid (error, _("“%s” must be “destroy”, “retain” or “snapshot”, in quotes."), key);
      return sluice_ddk_check_removal_policy (json_node_get_string (value), error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (booleans); i++)
    if (g_ascii_strcasecmp (key, booleans[i]) == 0 && !holds_type (value, G_TYPE_BOOLEAN))
      return invalid (error, _("“%s” must be true or false."), key);
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *name,
             const char *resource,
             const char *key,
             char       *message)
{
  SluiceDdkProblem *problem = g_new0 (SluiceDdkProblem, 1);

  problem->environment = g_strdup (name);
  problem->resource = g_strdup (resource);
  problem->key = g_strdup (key);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static void
add_error_problem (GPtrArray  *problems,
                   const char *name,
                   const char *resource,
                   const char *key,
                   GError     *error)
{
  add_problem (problems, name, resource, key, g_strdup (error->message));
  g_error_free (error);
}

/* Members that must be objects, and tags whose values must be strings. */
static void
validate_common (GPtrArray  *problems,
                 const char *name,
                 JsonObject *object)
{
  static const char * const objects[] = { "resources", "tags", "bootstrap", "props" };

  for (gsize i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      JsonNode *node = json_object_get_member (object, objects[i]);

      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        add_problem (problems, name, NULL, objects[i],
                     g_strdup_printf (_("“%s” must be an object in braces."), objects[i]));
    }
  for (gsize i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "account" : "region";
      JsonNode *node = json_object_get_member (object, key);
      GError *error = NULL;

      if (node == NULL)
        continue;
      if (!holds_type (node, G_TYPE_STRING))
        add_problem (problems, name, NULL, key, g_strdup_printf (_("“%s” must be a string in quotes."), key));
      else if (i == 0 && !sluice_ddk_check_account (json_node_get_string (node), &error))
        add_error_problem (problems, name, NULL, key, error);
      else if (i == 1 && !sluice_ddk_check_region (json_node_get_string (node), &error))
        add_error_problem (problems, name, NULL, key, error);
    }

  {
    JsonObject *tags = _sluice_ddk_get_object_member (object, "tags");
    g_autoptr(GList) names = tags != NULL ? json_object_get_members (tags) : NULL;

    for (GList *l = names; l != NULL; l = l->next)
      if (!holds_type (json_object_get_member (tags, l->data), G_TYPE_STRING))
        add_problem (problems, name, NULL, "tags",
                     g_strdup_printf (_("Tag “%s” must have a string in quotes as its value."),
                                      (const char *) l->data));
  }
  {
    JsonObject *bootstrap = _sluice_ddk_get_object_member (object, "bootstrap");
    g_autoptr(GList) names = bootstrap != NULL ? json_object_get_members (bootstrap) : NULL;

    for (GList *l = names; l != NULL; l = l->next)
      if (!holds_type (json_object_get_member (bootstrap, l->data), G_TYPE_STRING))
        add_problem (problems, name, NULL, "bootstrap",
                     g_strdup_printf (_("Bootstrap setting “%s” must be a string in quotes."),
                                      (const char *) l->data));
  }
}

static void
validate_environment (SluiceDdkConfig *self,
                      GPtrArray       *problems,
                      const char      *name,
                      JsonObject      *env)
{
  JsonObject *resources = _sluice_ddk_get_object_member (env, "resources");
  const char *stage = _sluice_ddk_get_string_member (env, "stage");
  GError *error = NULL;

  if (!sluice_ddk_check_environment_name (name, &error))
    add_error_problem (problems, name, NULL, NULL, error);
  if (!json_object_has_member (env, "account"))
    add_problem (problems, name, NULL, "account",
                 g_strdup_printf (_("Environment “%s” has no AWS account."), name));
  if (!json_object_has_member (env, "region"))
    add_problem (problems, name, NULL, "region",
                 g_strdup_printf (_("Environment “%s” has no AWS region."), name));
  validate_common (problems, name, env);

  /* data.all's own writer names each environment after its stage. */
  if (json_object_has_member (env, "stage") && g_strcmp0 (stage, name) != 0)
    add_problem (problems, name, NULL, "stage",
                 g_strdup_printf (_("Environment “%s” says it is stage “%s”: data.all names each environment after its stage."),
                                  name, stage != NULL ? stage : ""));

  if (resources != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (resources);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *resource = l->data;
          JsonObject *settings = _sluice_ddk_get_object_member (resources, resource);
          g_autoptr(GList) keys = NULL;

          if (settings == NULL)
            {
              add_problem (problems, name, resource, NULL,
                           g_strdup_printf (_("The settings of resource “%s” must be an object in braces."),
                                            resource));
              continue;
            }
          keys = json_object_get_members (settings);
          for (GList *k = keys; k != NULL; k = k->next)
            if (!sluice_ddk_check_resource_setting (k->data, json_object_get_member (settings, k->data), &error))
              add_error_problem (problems, name, resource, k->data, error);
        }
    }
  (void) self;
}

GPtrArray *
sluice_ddk_config_validate (SluiceDdkConfig *self,
                            SluicePipeline  *pipeline)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_ddk_problem_free);
  JsonObject *envs;
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new (g_str_hash, g_str_equal);
  SpanMember *envs_span;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), problems);
  g_return_val_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline), problems);

  envs = _sluice_ddk_config_environments (self);
  if (_sluice_ddk_config_environment (self, SLUICE_DDK_CICD) == NULL)
    add_problem (problems, SLUICE_DDK_CICD, NULL, NULL,
                 g_strdup (_("There is no “cicd” environment: DDK deploys the CI/CD pipeline there.")));

  validate_common (problems, NULL, _sluice_ddk_config_root_object (self));

  names = json_object_get_members (envs);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonObject *env = _sluice_ddk_get_object_member (envs, name);
      const char *stage;
      const char *other;

      if (env == NULL)
        {
          add_problem (problems, name, NULL, NULL,
                       g_strdup_printf (_("Environment “%s” must be an object in braces."), name));
          continue;
        }
      validate_environment (self, problems, name, env);

      stage = _sluice_ddk_get_string_member (env, "stage");
      if (stage == NULL)
        stage = name;
      other = g_hash_table_lookup (stages, stage);
      if (other != NULL)
        add_problem (problems, name, NULL, "stage",
                     g_strdup_printf (_("Environments “%s” and “%s” are both stage “%s”: each stage has one environment."),
                                      other, name, stage));
      else
        g_hash_table_insert (stages, (gpointer) stage, (gpointer) name);
    }

  /* Duplicate keys only the text shows: json-glib kept the last of each. */
  envs_span = _sluice_ddk_span_lookup (self->spans, "environments");
  if (envs_span != NULL && envs_span->value->type == JSON_NODE_OBJECT)
    {
      GPtrArray *members = envs_span->value->members;

      for (guint i = 0; i < members->len; i++)
        {
          SpanMember *member = g_ptr_array_index (members, i);
          guint count = 0;

          if (_sluice_ddk_span_lookup (envs_span->value, member->key) != member)
            continue;
          for (guint j = 0; j < members->len; j++)
            if (strcmp (((SpanMember *) g_ptr_array_index (members, j))->key, member->key) == 0)
              count++;
          if (count > 1)
            add_problem (problems, member->key, NULL, NULL,
                         g_strdup_printf (_("Environment “%s” appears %u times: DDK uses only the last."),
                                          member->key, count));
        }
    }

  if (pipeline != NULL)
    {
      GListModel *list = sluice_pipeline_get_stages (pipeline);
      guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SluiceStage) stage = g_list_model_get_item (list, i);
          const char *name = sluice_stage_get_stage (stage);

          if (name != NULL && _sluice_ddk_config_environment (self, name) == NULL)
            add_problem (problems, name, NULL, NULL,
                         g_strdup_printf (_("The pipeline’s stage “%s” has no environment in ddk.json."), name));
        }
    }

  return problems;
}

gboolean
sluice_ddk_config_check (SluiceDdkConfig  *self,
                         SluicePipeline   *pipeline,
                         GError          **error)
{
  g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (self, pipeline);
  SluiceDdkProblem *first;

  if (problems->len == 0)
    return TRUE;
  first = g_ptr_array_index (problems, 0);
  if (problems->len == 1)
    g_set_error_literal (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID, first->message);
  else
    g_set_error (error, SLUICE_DDK_CONFIG_ERROR, SLUICE_DDK_CONFIG_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)", "%s (and %u more problems)",
                              problems->len - 1),
                 first->message, problems->len - 1);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Bootstrap commands                                                                         */
/* ------------------------------------------------------------------------------------------ */

/* A word the shell takes as it is: quoted only when it has to be. */
static char *
shell_word (const char *word)
{
  if (word[0] != '\0' && strspn (word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:/@=+,")
      == strlen (word))
    return g_strdup (word);
  return g_shell_quote (word);
}

char *
sluice_ddk_bootstrap_command (const char *cicd_account,
                              const char *stage_account,
                              const char *region,
                              const char *qualifier,
                              const char *profile)
{
  const char *partition = sluice_ddk_region_get_partition (region);
  GString *command;

  if (!sluice_ddk_check_account (cicd_account, NULL) || !sluice_ddk_check_account (stage_account, NULL) ||
      partition == NULL)
    return NULL;

  /* DDK 1.x's how-to: cdk bootstrap -p <profile> --trust <cicd account>
   * --cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess. The
   * aws://account/region target makes CDK bootstrap the stage's region and refuse credentials
   * of another account. */
  command = g_string_new ("cdk bootstrap");
  g_string_append_printf (command, " aws://%s/%s", stage_account, region);
  if (profile != NULL && profile[0] != '\0')
    {
      g_autofree char *word = shell_word (profile);

      g_string_append_printf (command, " -p %s", word);
    }
  g_string_append_printf (command, " --trust %s", cicd_account);
  g_string_append_printf (command, " --cloudformation-execution-policies arn:%s:iam::aws:policy/AdministratorAccess",
                          partition);
  if (qualifier != NULL && qualifier[0] != '\0' && strcmp (qualifier, "hnb659fds") != 0)
    {
      g_autofree char *word = shell_word (qualifier);

      g_string_append_printf (command, " --qualifier %s", word);
    }
  return g_string_free (command, FALSE);
}

char *
sluice_ddk_legacy_bootstrap_command (const char *environment_name,
                                     const char *cicd_account,
                                     const char *profile)
{
  g_autofree char *env_word = NULL;
  GString *command;

  if (environment_name == NULL || environment_name[0] == '\0' || !sluice_ddk_check_account (cicd_account, NULL))
    return NULL;

  env_word = shell_word (environment_name);
  command = g_string_new (NULL);
  g_string_append_printf (command, "ddk bootstrap -e %s", env_word);
  if (profile != NULL && profile[0] != '\0')
    {
      g_autofree char *word = shell_word (profile);

      g_string_append_printf (command, " -p %s", word);
    }
  g_string_append_printf (command, " -a %s", cicd_account);
  return g_string_free (command, FALSE);
}

GPtrArray *
sluice_ddk_config_bootstrap_commands (SluiceDdkConfig *self,
                                      const char      *profile)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_ddk_bootstrap_free);
  g_auto(GStrv) names = NULL;
  const char *cicd_account;

  g_return_val_if_fail (SLUICE_IS_DDK_CONFIG (self), result);

  cicd_account = sluice_ddk_config_get_account (self, SLUICE_DDK_CICD);
  names = sluice_ddk_config_dup_environment_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *account = sluice_ddk_config_get_account (self, names[i]);
      const char *region = sluice_ddk_config_get_region (self, names[i]);
      const char *qualifier = sluice_ddk_config_get_bootstrap_string (self, names[i], "qualifier");
      SluiceDdkBootstrap *found = NULL;
      g_autofree char *command = NULL;
      g_autofree char *legacy = NULL;

      if (!sluice_ddk_config_has_own_account (self, names[i]))
        continue;
      if (qualifier == NULL)
        qualifier = sluice_ddk_config_get_bootstrap_string (self, NULL, "qualifier");
      command = sluice_ddk_bootstrap_command (cicd_account, account, region, qualifier, profile);
      legacy = sluice_ddk_legacy_bootstrap_command (names[i], cicd_account, profile);
      if (command == NULL)
        continue;

      for (guint j = 0; j < result->len && found == NULL; j++)
        {
          SluiceDdkBootstrap *b = g_ptr_array_index (result, j);

          if (strcmp (b->command, command) == 0)
            found = b;
        }
      if (found == NULL)
        {
          found = g_new0 (SluiceDdkBootstrap, 1);
          found->account = g_strdup (account);
          found->region = g_strdup (region);
          found->environments = g_new0 (char *, 1);
          found->command = g_steal_pointer (&command);
          found->legacy_command = g_steal_pointer (&legacy);
          g_ptr_array_add (result, found);
        }
      else
        {
          char *joined = g_strconcat (found->legacy_command, "\n", legacy, NULL);

          g_free (found->legacy_command);
          found->legacy_command = joined;
        }
      {
        guint n = g_strv_length (found->environments);

        found->environments = g_renew (char *, found->environments, n + 2);
        found->environments[n] = g_strdup (names[i]);
        found->environments[n + 1] = NULL;
      }
    }
  return result;
}
