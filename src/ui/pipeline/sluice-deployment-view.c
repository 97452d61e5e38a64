/* sluice-deployment-view.c: a pipeline's multi-account deployment: ddk.json as a form
 *
 * The CI/CD account and one group per stage, prefilled from data.all's stage environments
 * where the file lacks them; whether a stage deploys to its own account; its resource
 * settings as rows; checks at each field; the bootstrap command each stage account needs,
 * with a copy button; and Save after a look at the change. Committing and pushing the saved
 * file is the git layer's: the view emits "saved".
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-deployment-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sluice-deployment-view-private.h"

G_DEFINE_FINAL_TYPE (SluiceDeploymentView, sluice_deployment_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONFIG,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const policies[] = { NULL, "destroy", "retain", "snapshot" };

static void rebuild_stages (SluiceDeploymentView *self);

/* What one control of the form edits, given to its handler and freed with it (instead of
 * data tagged onto the widget). */
typedef struct
{
  SluiceDeploymentView *view;         /* not a reference: the view's rows go before it */
  char                 *environment;  /* the stage, or SLUICE_DDK_CICD */
  char                 *resource;     /* a resource setting's resource */
  char                 *key;          /* "account", "region", or a resource setting's name */
  char                 *command;      /* a bootstrap command */
  char                 *account;      /* the account a bootstrap command is for */
  GtkWidget            *account_row;  /* own account: the stage's account row (a sibling) */
  GtkWidget            *resource_row; /* add setting: its resource, setting and value rows */
  GtkWidget            *setting_row;
  GtkWidget            *value_row;
} Field;

static Field *
field_new (SluiceDeploymentView *view,
           const char           *environment,
           const char           *key)
{
  Field *field = g_new0 (Field, 1);

  field->view = view;
  field->environment = g_strdup (environment);
  field->key = g_strdup (key);
  return field;
}

static void
field_free (gpointer  data,
            GClosure *closure)
{
  Field *field = data;

  g_free (field->environment);
  g_free (field->resource);
  g_free (field->key);
  g_free (field->command);
  g_free (field->account);
  g_free (field);
}

static void
connect_field (gpointer    instance,
               const char *signal,
               GCallback   callback,
               Field      *field)
{
  g_signal_connect_data (instance, signal, callback, field, field_free, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Marks a field as wrong (or right), with the sentence as its tooltip and its accessible
 * description, so that a screen reader says why. */
static void
show_check (GtkWidget  *row,
            const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

static void
set_row_text (SluiceDeploymentView *self,
              AdwEntryRow          *row,
              const char           *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->updating = FALSE;
}

void
_sluice_deployment_view_set_status (SluiceDeploymentView *self,
                                    const char           *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}

static char *
node_to_text (JsonNode *node)
{
  if (node == NULL)
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

/* What a user typed as a value: JSON if it reads as JSON (true, 128, {"a": 1}), else a string. */
static JsonNode *
text_to_node (const char *text)
{
  JsonNode *node = NULL;

  if (text[0] != '\0' && strchr ("{[0123456789-tfn", text[0]) != NULL)
    node = json_from_string (text, NULL);
  if (node == NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
    }
  return node;
}

/* ------------------------------------------------------------------------------------------ */
/* Problems, bootstrap commands                                                               */
/* ------------------------------------------------------------------------------------------ */

void
_sluice_deployment_view_update_problems (SluiceDeploymentView *self)
{
  g_autoptr(GPtrArray) problems = sluice_ddk_config_validate (self->config, self->pipeline);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      SluiceDdkProblem *problem = g_ptr_array_index (problems, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deployment.save",
                                 problems->len == 0 && sluice_ddk_config_get_modified (self->config));
}

static void
copy_clicked_cb (GtkButton *button,
                 Field     *field)
{
  g_autofree char *status = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), field->command);
  status = g_strdup_printf (_("The bootstrap command for account %s is on the clipboard."), field->account);
  _sluice_deployment_view_set_status (field->view, status);
}

static GtkWidget *
command_row (SluiceDeploymentView *self,
             const char           *title,
             const char           *command,
             const char           *account)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *label = g_strdup_printf (_("Copy the bootstrap command for account %s"), account);
  Field *field = field_new (self, NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), command);
  gtk_widget_add_css_class (row, "monospace");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  field->command = g_strdup (command);
  field->account = g_strdup (account);
  connect_field (button, "clicked", G_CALLBACK (copy_clicked_cb), field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update_bootstrap (SluiceDeploymentView *self)
{
  g_autoptr(GPtrArray) commands = sluice_ddk_config_bootstrap_commands (self->config, NULL);

  for (guint i = 0; i < self->bootstrap_rows->len; i++)
    adw_preferences_group_remove (self->bootstrap_group, g_ptr_array_index (self->bootstrap_rows, i));
  g_ptr_array_set_size (self->bootstrap_rows, 0);

  for (guint i = 0; i < commands->len; i++)
    {
      SluiceDdkBootstrap *b = g_ptr_array_index (commands, i);
      g_autofree char *stages = g_strjoinv (", ", b->environments);
      g_autofree char *title = g_strdup_printf (_("Account %s (%s), for %s"), b->account, b->region, stages);
      g_autofree char *legacy_title = g_strdup_printf (_("Account %s, set up with DDK before 1.0"), b->account);
      GtkWidget *row = command_row (self, title, b->command, b->account);
      GtkWidget *legacy = command_row (self, legacy_title, b->legacy_command, b->account);

      adw_preferences_group_add (self->bootstrap_group, row);
      adw_preferences_group_add (self->bootstrap_group, legacy);
      g_ptr_array_add (self->bootstrap_rows, row);
      g_ptr_array_add (self->bootstrap_rows, legacy);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->bootstrap_group), commands->len > 0);
}

static void
config_changed_cb (SluiceDeploymentView *self)
{
  _sluice_deployment_view_update_problems (self);
  update_bootstrap (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Rows                                                                                       */
/* ------------------------------------------------------------------------------------------ */

static void
check_entry (AdwEntryRow *row,
             const char  *key)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (key, "account") == 0)
    sluice_ddk_check_account (text, &error);
  else if (g_strcmp0 (key, "region") == 0)
    sluice_ddk_check_region (text, &error);
  show_check (GTK_WIDGET (row), error != NULL ? error->message : NULL);
}

static void
field_changed_cb (AdwEntryRow *row,
                  Field       *field)
{
  SluiceDeploymentView *self = field->view;
  const char *environment = field->environment;
  const char *key = field->key;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  check_entry (row, key);
  if (self->updating || self->config == NULL)
    return;

  if (g_str_equal (key, "account") && g_str_equal (environment, SLUICE_DDK_CICD))
    {
      g_autofree char *old = g_strdup (sluice_ddk_config_get_account (self->config, SLUICE_DDK_CICD));
      g_auto(GStrv) names = sluice_ddk_config_dup_environment_names (self->config);

      /* Stages that deploy into the CI/CD account follow it. */
      sluice_ddk_config_set_account (self->config, SLUICE_DDK_CICD, text[0] != '\0' ? text : NULL);
      for (guint i = 0; old != NULL && names[i] != NULL; i++)
        if (!g_str_equal (names[i], SLUICE_DDK_CICD) &&
            g_strcmp0 (sluice_ddk_config_get_account (self->config, names[i]), old) == 0)
          sluice_ddk_config_set_account (self->config, names[i], text[0] != '\0' ? text : NULL);
      rebuild_stages (self);
    }
  else if (g_str_equal (key, "account"))
    sluice_ddk_config_set_account (self->config, environment, text[0] != '\0' ? text : NULL);
  else
    sluice_ddk_config_set_region (self->config, environment, text[0] != '\0' ? text : NULL);
}

static void
bind_entry (SluiceDeploymentView *self,
            AdwEntryRow          *row,
            const char           *environment,
            const char           *key)
{
  if (self->config != NULL)
    set_row_text (self, row, g_str_equal (key, "account")
                               ? sluice_ddk_config_get_account (self->config, environment)
                               : sluice_ddk_config_get_region (self->config, environment));
  check_entry (row, key);
}

static GtkWidget *
entry_row (SluiceDeploymentView *self,
           const char           *title,
           const char           *environment,
           const char           *key)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_entry (self, ADW_ENTRY_ROW (row), environment, key);
  connect_field (row, "changed", G_CALLBACK (field_changed_cb), field_new (self, environment, key));
  return row;
}

static void
own_account_cb (GtkSwitch  *toggle,
                GParamSpec *pspec,
                Field      *field)
{
  SluiceDeploymentView *self = field->view;
  const char *environment = field->environment;
  GtkWidget *account_row = field->account_row;
  gboolean own = gtk_switch_get_active (toggle);

  gtk_widget_set_sensitive (account_row, own);
  if (!own)
    {
      /* Deploying to the CI/CD account: the stage's account is the CI/CD one. */
      const char *cicd = sluice_ddk_config_get_account (self->config, SLUICE_DDK_CICD);

      sluice_ddk_config_set_account (self->config, environment, cicd);
      set_row_text (self, ADW_ENTRY_ROW (account_row), cicd);
      check_entry (ADW_ENTRY_ROW (account_row), "account");
    }
  else
    gtk_widget_grab_focus (account_row);
}

static GtkWidget *
switch_row (const char *title,
            const char *subtitle,
            gboolean    active,
            GtkWidget **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  /* Named once, by the row's visible title: the activatable widget is labelled by the row's
   * title label and described by its subtitle. A label property on top of that relation would
   * be read as well (GTK 4.8 joins both: "Bucket Versioning Bucket Versioning"). */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *out_switch = toggle;
  return row;
}

static void
versioned_cb (GtkSwitch  *toggle,
              GParamSpec *pspec,
              Field      *field)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, gtk_switch_get_active (toggle));
  sluice_ddk_config_set_resource_setting (field->view->config, field->environment, BUCKET, "versioned", node);
}

static void
policy_cb (AdwComboRow *row,
           GParamSpec  *pspec,
           Field       *field)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(JsonNode) node = NULL;

  if (selected > 0 && selected < G_N_ELEMENTS (policies))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, policies[selected]);
    }
  sluice_ddk_config_set_resource_setting (field->view->config, field->environment, BUCKET, "removal_policy", node);
}

static void
setting_changed_cb (AdwEntryRow *row,
                    Field       *field)
{
  SluiceDeploymentView *self = field->view;
  const char *environment = field->environment;
  const char *resource = field->resource;
  const char *key = field->key;
  g_autoptr(JsonNode) node = text_to_node (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  sluice_ddk_check_resource_setting (key, node, &error);
  show_check (GTK_WIDGET (row), error != NULL ? error->message : NULL);
  if (!self->updating)
    sluice_ddk_config_set_resource_setting (self->config, environment, resource, key, node);
}

static void
add_setting_cb (GtkButton *button,
                Field     *field)
{
  SluiceDeploymentView *self = field->view;
  const char *environment = field->environment;
  GtkEditable *resource = GTK_EDITABLE (field->resource_row);
  GtkEditable *key = GTK_EDITABLE (field->setting_row);
  GtkEditable *value = GTK_EDITABLE (field->value_row);
  const char *resource_text = gtk_editable_get_text (resource);
  const char *key_text = gtk_editable_get_text (key);
  g_autoptr(JsonNode) node = text_to_node (gtk_editable_get_text (value));
  g_autoptr(GError) error = NULL;

  if (resource_text[0] == '\0')
    {
      show_check (GTK_WIDGET (resource), _("Name the resource: its construct id, such as “ddk-bucket”, or a CloudFormation type."));
      return;
    }
  show_check (GTK_WIDGET (resource), NULL);
  if (!sluice_ddk_check_resource_setting (key_text, node, &error))
    {
      show_check (GTK_WIDGET (key), error->message);
      return;
    }
  sluice_ddk_config_set_resource_setting (self->config, environment, resource_text, key_text, node);
  rebuild_stages (self);
}

static GtkWidget *
add_setting_row (SluiceDeploymentView *self,
                 const char           *environment)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *resource = adw_entry_row_new ();
  GtkWidget *key = adw_entry_row_new ();
  GtkWidget *value = adw_entry_row_new ();
  GtkWidget *button_row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));
  Field *field = field_new (self, environment, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Add a Resource Setting"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (resource), _("Resource"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (key), _("Setting"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value), _("Value"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (button_row), _("Applied as a property of that resource"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (button_row), button);
  field->resource_row = resource;
  field->setting_row = key;
  field->value_row = value;
  connect_field (button, "clicked", G_CALLBACK (add_setting_cb), field);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), resource);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), key);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), value);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), button_row);
  return expander;
}

static void
add_resource_rows (SluiceDeploymentView *self,
                   AdwPreferencesGroup  *group,
                   const char           *environment)
{
  JsonNode *versioned = sluice_ddk_config_get_resource_setting (self->config, environment, BUCKET, "versioned");
  JsonNode *policy = sluice_ddk_config_get_resource_setting (self->config, environment, BUCKET, "removal_policy");
  g_auto(GStrv) resources = sluice_ddk_config_dup_resource_names (self->config, environment);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *toggle = NULL;
  GtkWidget *row;
  guint selected = 0;

  /* The bucket DDK's data pipelines keep their data in: what data.all's guide sets per stage. */
  row = switch_row (_("Bucket Versioning"), _("Keeps every version of each object in “ddk-bucket”"),
                    versioned != NULL && JSON_NODE_HOLDS_VALUE (versioned) &&
                    json_node_get_value_type (versioned) == G_TYPE_BOOLEAN && json_node_get_boolean (versioned),
                    &toggle);
  connect_field (toggle, "notify::active", G_CALLBACK (versioned_cb), field_new (self, environment, NULL));
  adw_preferences_group_add (group, row);

  gtk_string_list_append (choices, _("Not Set"));
  gtk_string_list_append (choices, _("Destroy"));
  gtk_string_list_append (choices, _("Retain"));
  gtk_string_list_append (choices, _("Snapshot"));
  if (policy != NULL && JSON_NODE_HOLDS_VALUE (policy) && json_node_get_value_type (policy) == G_TYPE_STRING)
    for (guint i = 1; i < G_N_ELEMENTS (policies); i++)
      if (g_ascii_strcasecmp (json_node_get_string (policy), policies[i]) == 0)
        selected = i;
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Bucket Removal Policy"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("What happens to “ddk-bucket” when its stack is deleted"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  connect_field (row, "notify::selected", G_CALLBACK (policy_cb), field_new (self, environment, NULL));
  adw_preferences_group_add (group, row);

  /* Every other setting, of any resource, as text. */
  for (guint i = 0; resources[i] != NULL; i++)
    {
      g_auto(GStrv) keys = sluice_ddk_config_dup_resource_setting_names (self->config, environment, resources[i]);

      for (guint j = 0; keys[j] != NULL; j++)
        {
          g_autofree char *title = NULL;
          g_autofree char *text = NULL;
          Field *field;

          if (g_str_equal (resources[i], BUCKET) &&
              (g_str_equal (keys[j], "versioned") || g_str_equal (keys[j], "removal_policy")))
            continue;
          title = g_strdup_printf ("%s: %s", resources[i], keys[j]);
          text = node_to_text (sluice_ddk_config_get_resource_setting (self->config, environment,
                                                                       resources[i], keys[j]));
          row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          field = field_new (self, environment, keys[j]);
          field->resource = g_strdup (resources[i]);
          set_row_text (self, ADW_ENTRY_ROW (row), text);
          connect_field (row, "changed", G_CALLBACK (setting_changed_cb), field);
          adw_preferences_group_add (group, row);
        }
    }
  adw_preferences_group_add (group, add_setting_row (self, environment));
}

static GtkWidget *
stage_group (SluiceDeploymentView *self,
             const char           *environment)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *account = entry_row (self, _("AWS Account"), environment, "account");
  GtkWidget *region = entry_row (self, _("Region"), environment, "region");
  GtkWidget *toggle = NULL;
  gboolean own = sluice_ddk_config_has_own_account (self->config, environment);
  g_autofree char *title = g_strdup_printf (_("Stage “%s”"), environment);
  GtkWidget *own_row;
  Field *own_field;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  own_row = switch_row (_("Deploys to Its Own Account"),
                        _("Off: the stage deploys into the CI/CD account"), own, &toggle);
  own_field = field_new (self, environment, NULL);
  own_field->account_row = account;
  gtk_widget_set_sensitive (account, own || sluice_ddk_config_get_account (self->config, SLUICE_DDK_CICD) == NULL);
  connect_field (toggle, "notify::active", G_CALLBACK (own_account_cb), own_field);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), own_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), account);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), region);
  add_resource_rows (self, ADW_PREFERENCES_GROUP (group), environment);
  gtk_widget_set_name (group, environment);
  return group;
}

static void
rebuild_stages (SluiceDeploymentView *self)
{
  GtkWidget *child;
  g_auto(GStrv) names = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box))) != NULL)
    gtk_box_remove (self->stages_box, child);
  if (self->config == NULL)
    return;

  names = sluice_ddk_config_dup_environment_names (self->config);
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_str_equal (names[i], SLUICE_DDK_CICD))
      gtk_box_append (self->stages_box, stage_group (self, names[i]));
}

static void
refresh (SluiceDeploymentView *self)
{
  const char *strategy = self->pipeline != NULL ? sluice_pipeline_get_dev_strategy (self->pipeline) : NULL;

  gtk_widget_set_visible (self->trunk_note, g_strcmp0 (strategy, "gitflow") == 0);
  gtk_stack_set_visible_child_name (self->stack, self->config != NULL ? "form" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deployment.save", FALSE);
  if (self->config == NULL)
    return;

  if (self->pipeline != NULL)
    sluice_ddk_config_prefill (self->config, self->pipeline);
  bind_entry (self, self->cicd_account_row, SLUICE_DDK_CICD, "account");
  bind_entry (self, self->cicd_region_row, SLUICE_DDK_CICD, "region");
  rebuild_stages (self);
  config_changed_cb (self);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_deployment_view_dispose (GObject *object)
{
  SluiceDeploymentView *self = SLUICE_DEPLOYMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->config != NULL)
    g_clear_signal_handler (&self->changed_id, self->config);
  g_clear_object (&self->config);
  g_clear_object (&self->pipeline);
  /* The bin's child is a template child: let go of it once, here, not twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SLUICE_TYPE_DEPLOYMENT_VIEW);

  G_OBJECT_CLASS (sluice_deployment_view_parent_class)->dispose (object);
}

static void
sluice_deployment_view_finalize (GObject *object)
{
  SluiceDeploymentView *self = SLUICE_DEPLOYMENT_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->bootstrap_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_deployment_view_parent_class)->finalize (object);
}

static void
sluice_deployment_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SluiceDeploymentView *self = SLUICE_DEPLOYMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      g_value_set_object (value, self->config);
      break;
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_deployment_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SluiceDeploymentView *self = SLUICE_DEPLOYMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONFIG:
      sluice_deployment_view_set_config (self, g_value_get_object (value));
      break;
    case PROP_PIPELINE:
      sluice_deployment_view_set_pipeline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_deployment_view_class_init (SluiceDeploymentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_deployment_view_dispose;
  object_class->finalize = sluice_deployment_view_finalize;
  object_class->get_property = sluice_deployment_view_get_property;
  object_class->set_property = sluice_deployment_view_set_property;

  properties[PROP_CONFIG] =
    g_param_spec_object ("config", NULL, NULL, SLUICE_TYPE_DDK_CONFIG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceDeploymentView::saved:
   *
   * Emitted after ddk.json was written: the moment to commit and push it.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sluice/Sluice/ui/pipeline/sluice-deployment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, trunk_note);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, cicd_account_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, cicd_region_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, stages_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, bootstrap_group);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, problems_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SluiceDeploymentView, save_button);

  gtk_widget_class_install_action (widget_class, "deployment.save", NULL, _sluice_deployment_view_save_action);
}

static void
sluice_deployment_view_init (SluiceDeploymentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->bootstrap_rows = g_ptr_array_new ();
  connect_field (self->cicd_account_row, "changed", G_CALLBACK (field_changed_cb),
                 field_new (self, SLUICE_DDK_CICD, "account"));
  connect_field (self->cicd_region_row, "changed", G_CALLBACK (field_changed_cb),
                 field_new (self, SLUICE_DDK_CICD, "region"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deployment.save", FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_deployment_view_new (void)
{
  return g_object_new (SLUICE_TYPE_DEPLOYMENT_VIEW, NULL);
}

SluiceDdkConfig *
sluice_deployment_view_get_config (SluiceDeploymentView *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT_VIEW (self), NULL);

  return self->config;
}

/**
 * sluice_deployment_view_set_config:
 * @self: a deployment view
 * @config: (nullable): the ddk.json of the pipeline's clone
 *
 * Shows @config, prefilled from the pipeline (if one is set) where it lacks an account or a
 * region; the view edits it in place.
 */
void
sluice_deployment_view_set_config (SluiceDeploymentView *self,
                                   SluiceDdkConfig      *config)
{
  g_return_if_fail (SLUICE_IS_DEPLOYMENT_VIEW (self));
  g_return_if_fail (config == NULL || SLUICE_IS_DDK_CONFIG (config));

  if (self->config == config)
    return;
  if (self->config != NULL)
    g_clear_signal_handler (&self->changed_id, self->config);
  g_set_object (&self->config, config);
  if (config != NULL)
    self->changed_id = g_signal_connect_swapped (config, "changed", G_CALLBACK (config_changed_cb), self);
  _sluice_deployment_view_set_status (self, NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIG]);
}

SluicePipeline *
sluice_deployment_view_get_pipeline (SluiceDeploymentView *self)
{
  g_return_val_if_fail (SLUICE_IS_DEPLOYMENT_VIEW (self), NULL);

  return self->pipeline;
}

void
sluice_deployment_view_set_pipeline (SluiceDeploymentView *self,
                                     SluicePipeline       *pipeline)
{
  g_return_if_fail (SLUICE_IS_DEPLOYMENT_VIEW (self));
  g_return_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline));

  if (!g_set_object (&self->pipeline, pipeline))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}
