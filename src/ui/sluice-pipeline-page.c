/* sluice-pipeline-page.c: everything data.all knows about one pipeline
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-dataall-api.h"
#include "sluice-dataall-error.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-editor.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-page.h"

struct _SluicePipelinePage
{
  AdwBin           parent_instance;

  SluiceAccount   *account;
  SluicePipeline  *pipeline;      /* from the list at first, then from getDataPipeline */
  gboolean         complete;      /* pipeline came from getDataPipeline */
  GCancellable    *cancellable;
  guint            n_requests;
  gboolean         loading;
  gboolean         fetching_credentials;
  SluiceStack     *stack_status;   /* the latest known stack */
  guint            follow_id;
  guint            follow_delay;   /* seconds until the next look at a busy stack */
  gboolean         following;
  GtkLabel        *stack_badge;
  AdwActionRow    *stack_row;
  GtkSpinner      *stack_spinner;
  GtkWidget       *update_stack_button;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *title_label;
  GtkSpinner      *spinner;
  GtkMenuButton   *credentials_button;
  GtkStack        *stack;
  GtkSpinner      *loading_spinner;
  AdwStatusPage   *error_page;
  GtkLabel        *error_details;
  GtkBox          *overview_box;
};

G_DEFINE_FINAL_TYPE (SluicePipelinePage, sluice_pipeline_page, ADW_TYPE_BIN)

/* Following a busy stack: first look after 5 s, then twice as long each time, at most a
 * minute apart; data.all's firewall counts every request. */
#define FOLLOW_FIRST_DELAY 5
#define FOLLOW_MAX_DELAY   60

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_PIPELINE,
  PROP_LOADING,
  PROP_STACK_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
show_toast (SluicePipelinePage *self,
            const char         *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_loading (SluicePipelinePage *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading && self->complete);
  gtk_spinner_set_spinning (self->loading_spinner, loading && !self->complete);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
copy_button_clicked_cb (GtkButton          *button,
                        SluicePipelinePage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "sluice-copy-text");
  const char *toast = g_object_get_data (G_OBJECT (button), "sluice-copy-toast");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  show_toast (self, toast);
}

static GtkWidget *
copy_button_new (SluicePipelinePage *self,
                 const char         *tooltip,
                 const char         *text,
                 const char         *toast)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "sluice-copy-text", g_strdup (text), g_free);
  g_object_set_data_full (G_OBJECT (button), "sluice-copy-toast", g_strdup (toast), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_button_clicked_cb), self);
  return button;
}

static AdwPreferencesGroup *
add_group (SluicePipelinePage *self,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->overview_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
value_row_new (const char *title,
               const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  return ADW_ACTION_ROW (row);
}

static AdwActionRow *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  AdwActionRow *row = value_row_new (title, value);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void follow_stack (SluicePipelinePage *self);

static void
update_stack_rows (SluicePipelinePage *self)
{
  static const char *status_classes[] = { "success", "warning", "error", "accent" };
  const char *status = self->stack_status != NULL ? sluice_stack_get_status (self->stack_status) : NULL;
  g_autofree char *text = sluice_pipeline_format_status (status);
  g_autofree char *updated = NULL;
  gboolean busy = self->stack_status != NULL && sluice_stack_is_busy (self->stack_status);

  if (self->stack_badge == NULL)
    return;
  gtk_label_set_text (self->stack_badge, text);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->stack_badge), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->stack_badge), sluice_pipeline_format_status_class (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stack_badge), status);
  updated = self->stack_status != NULL ? sluice_pipeline_format_date (sluice_stack_get_updated (self->stack_status)) : NULL;
  adw_action_row_set_subtitle (self->stack_row,
                               busy ? _("Followed until it settles") : (updated != NULL && *updated != '\0' ? updated : "—"));
  gtk_spinner_set_spinning (self->stack_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->stack_spinner), busy);
  gtk_widget_set_sensitive (self->update_stack_button, !busy);
}

static void
set_stack_status (SluicePipelinePage *self,
                  SluiceStack        *stack)
{
  if (stack != NULL && g_set_object (&self->stack_status, stack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK_STATUS]);
  update_stack_rows (self);
  if (self->stack_status != NULL && sluice_stack_is_busy (self->stack_status))
    follow_stack (self);
  else
    {
      g_clear_handle_id (&self->follow_id, g_source_remove);
      self->follow_delay = 0;
    }
}

static void
get_stack_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStack) stack = NULL;

  stack = sluice_dataall_client_get_stack_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->following = FALSE;
  if (stack == NULL)
    {
      /* Look again later, as if it were still busy: the delay keeps doubling. */
      g_debug ("Could not get the stack: %s", error->message);
      follow_stack (self);
      return;
    }
  set_stack_status (self, stack);
}

static gboolean
follow_timeout_cb (gpointer user_data)
{
  SluicePipelinePage *self = user_data;

  self->follow_id = 0;
  self->following = TRUE;
  sluice_dataall_client_get_stack_async (sluice_account_get_client (self->account), self->pipeline,
                                         self->cancellable, get_stack_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
follow_stack (SluicePipelinePage *self)
{
  if (self->follow_id != 0 || self->following)
    return;
  self->follow_delay = self->follow_delay == 0 ? FOLLOW_FIRST_DELAY : MIN (self->follow_delay * 2, FOLLOW_MAX_DELAY);
  self->follow_id = g_timeout_add_seconds (self->follow_delay, follow_timeout_cb, self);
}

static void
update_stack_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStack) stack = NULL;

  stack = sluice_dataall_client_update_stack_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->following = FALSE;
  if (stack == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not update the stack: %s"), error->message);

      show_toast (self, message);
      update_stack_rows (self);
      return;
    }
  show_toast (self, _("Stack update started"));
  self->follow_delay = 0;
  set_stack_status (self, stack);
  /* data.all answers before CloudFormation starts: follow even if it still looks settled. */
  follow_stack (self);
}

static void
update_stack_clicked_cb (GtkButton          *button,
                         SluicePipelinePage *self)
{
  g_clear_handle_id (&self->follow_id, g_source_remove);
  gtk_widget_set_sensitive (self->update_stack_button, FALSE);
  self->following = TRUE;
  sluice_dataall_client_update_stack_async (sluice_account_get_client (self->account), self->pipeline,
                                            self->cancellable, update_stack_cb, g_object_ref (self));
}

static void
add_stack_group (SluicePipelinePage *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Stack"), NULL);
  SluiceStack *stack = sluice_pipeline_get_stack (self->pipeline);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Update Stack"));
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (update_stack_clicked_cb), self);
  sluice_a11y_name_mnemonic_buttons (button);
  adw_preferences_group_set_header_suffix (group, button);
  self->update_stack_button = button;

  self->stack_row = add_row (group, _("Status"), NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  adw_action_row_add_suffix (self->stack_row, spinner);
  adw_action_row_add_suffix (self->stack_row, badge);
  self->stack_badge = GTK_LABEL (badge);
  self->stack_spinner = GTK_SPINNER (spinner);
  if (stack != NULL && sluice_stack_get_name (stack) != NULL)
    add_row (group, _("Name"), sluice_stack_get_name (stack));

  set_stack_status (self, stack);
}

static void
list_tags_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) expander = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  GtkWidget *spinner_row = g_object_get_data (G_OBJECT (expander), "sluice-loading-row");

  tags = sluice_dataall_client_list_tags_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_get_root (expander) == NULL)
    return;
  if (spinner_row != NULL)
    {
      adw_expander_row_remove (ADW_EXPANDER_ROW (expander), spinner_row);
      g_object_set_data (G_OBJECT (expander), "sluice-loading-row", NULL);
    }
  if (tags == NULL)
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                GTK_WIDGET (value_row_new (_("Could not load the tags"), error->message)));
      g_object_set_data (G_OBJECT (expander), "sluice-loaded", NULL);
      return;
    }
  if (tags->len == 0)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (value_row_new (_("No key/value tags"), NULL)));
  for (guint i = 0; i < tags->len; i++)
    {
      SluiceKeyValueTag *tag = g_ptr_array_index (tags, i);
      AdwActionRow *row = value_row_new (tag->key, tag->value);

      if (tag->cascade)
        gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Also applied to the pipeline’s AWS resources"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
    }
}

static void
tags_expanded_cb (AdwExpanderRow     *expander,
                  GParamSpec         *pspec,
                  SluicePipelinePage *self)
{
  AdwActionRow *loading;
  GtkWidget *spinner;

  /* Loaded when first opened: the Overview itself needs no more than getDataPipeline. */
  if (!adw_expander_row_get_expanded (expander) || g_object_get_data (G_OBJECT (expander), "sluice-loaded"))
    return;
  g_object_set_data (G_OBJECT (expander), "sluice-loaded", GINT_TO_POINTER (TRUE));
  loading = value_row_new (_("Loading…"), NULL);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_action_row_add_suffix (loading, spinner);
  adw_expander_row_add_row (expander, GTK_WIDGET (loading));
  g_object_set_data (G_OBJECT (expander), "sluice-loading-row", loading);
  sluice_dataall_client_list_tags_async (sluice_account_get_client (self->account),
                                         sluice_pipeline_get_uri (self->pipeline),
                                         self->cancellable, list_tags_cb, g_object_ref (expander));
}

static void
clear_overview (SluicePipelinePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overview_box))) != NULL)
    gtk_box_remove (self->overview_box, child);
}

static void
build_overview (SluicePipelinePage *self)
{
  SluicePipeline *pipeline = self->pipeline;
  SluiceEnvironment *environment = sluice_pipeline_get_environment (pipeline);
  GListModel *stages = sluice_pipeline_get_stages (pipeline);
  guint n_stages = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  g_autofree char *clone = sluice_pipeline_format_clone_command (pipeline);
  g_autofree char *created = sluice_pipeline_format_date (sluice_pipeline_get_created (pipeline));
  g_autofree char *tags = NULL;
  const char * const *tag_list = sluice_pipeline_get_tags (pipeline);
  AdwPreferencesGroup *group;
  AdwActionRow *row;

  clear_overview (self);
  self->stack_badge = NULL;

  add_stack_group (self);

  /* CI/CD */
  group = add_group (self, _("CI/CD"), NULL);
  add_row (group, _("Environment"), environment != NULL ? sluice_environment_get_label (environment) : NULL);
  add_row (group, _("AWS Account"), environment != NULL ? sluice_environment_get_aws_account_id (environment) : NULL);
  add_row (group, _("Region"), environment != NULL ? sluice_environment_get_region (environment) : NULL);
  add_row (group, _("Team"), sluice_pipeline_get_team (pipeline));
  add_row (group, _("Repository"), sluice_pipeline_get_repo (pipeline));
  add_row (group, _("Strategy"), sluice_pipeline_format_strategy (sluice_pipeline_get_dev_strategy (pipeline)));
  row = add_row (group, _("Git Clone"), clone);
  if (clone != NULL)
    {
      adw_action_row_add_suffix (row, copy_button_new (self, _("Copy Clone Command"), clone,
                                                       _("Clone command copied")));
    }

  /* Details */
  tags = tag_list != NULL ? g_strjoinv (", ", (char **) tag_list) : NULL;
  group = add_group (self, _("Details"), NULL);
  add_row (group, _("URI"), sluice_pipeline_get_uri (pipeline));
  add_row (group, _("Owner"), sluice_pipeline_get_owner (pipeline));
  add_row (group, _("Created"), created);
  add_row (group, _("Tags"), tags);
  add_row (group, _("Description"), sluice_pipeline_get_description (pipeline));
  {
    GtkWidget *expander = adw_expander_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Key/Value Tags"));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Loaded when opened"));
    g_signal_connect (expander, "notify::expanded", G_CALLBACK (tags_expanded_cb), self);
    adw_preferences_group_add (group, expander);
  }

  /* Development stages, in order */
  group = add_group (self, _("Development Stages"), NULL);
  if (n_stages == 0)
    add_row (group, _("No stages"), _("This pipeline deploys nowhere yet."));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = g_strdup_printf ("%d. %s", sluice_stage_get_order (stage),
                                                sluice_stage_get_stage (stage));
      /* Translators: a stage's environment, team and AWS account */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                   sluice_stage_get_environment_label (stage) ?: "",
                                                   sluice_stage_get_team (stage) ?: "",
                                                   sluice_stage_get_aws_account_id (stage) ?: "");

      add_row (group, title, subtitle);
    }

  /* Build environment, per stage */
  if (n_stages > 0)
    group = add_group (self, _("Build Environment"),
                       _("The variables data.all gives each stage’s CodeBuild project, computed from the pipeline."));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(SluiceStage) stage = g_list_model_get_item (stages, i);
      g_auto(GStrv) variables = sluice_pipeline_build_variables (pipeline, stage);
      g_autofree char *exports = sluice_pipeline_format_exports (pipeline, stage);
      g_autofree char *copy_label = g_strdup_printf (_("Copy Stage %s as Export Commands"),
                                                     sluice_stage_get_stage (stage));
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), sluice_stage_get_stage (stage));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), sluice_stage_get_environment_label (stage));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   copy_button_new (self, copy_label, exports, _("Export commands copied")));
      for (guint j = 0; variables[j] != NULL; j++)
        {
          g_auto(GStrv) pair = g_strsplit (variables[j], "=", 2);
          AdwActionRow *variable = value_row_new (pair[0], pair[1]);

          gtk_widget_add_css_class (GTK_WIDGET (variable), "monospace");
          if (g_str_equal (pair[0], "DEV_STAGES"))
            gtk_widget_set_tooltip_text (GTK_WIDGET (variable),
                                         _("data.all passes this as a list; how CodeBuild renders it is unverified. "
                                           "Shown here as the stage names in order, separated by commas."));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (variable));
        }
      adw_preferences_group_add (group, expander);
    }
}

static void
show_pipeline (SluicePipelinePage *self)
{
  gtk_label_set_text (self->title_label, sluice_pipeline_get_label (self->pipeline));
  gtk_widget_set_sensitive (GTK_WIDGET (self->credentials_button), self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", self->complete);
  if (self->complete)
    {
      build_overview (self);
      gtk_stack_set_visible_child_name (self->stack, "overview");
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
get_pipeline_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluicePipeline) pipeline = NULL;

  pipeline = sluice_dataall_client_get_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);

  if (pipeline == NULL)
    {
      const char *detail = error->domain == SLUICE_DATAALL_ERROR ? sluice_dataall_error_get_detail (error) : NULL;

      if (self->complete)
        {
          show_toast (self, error->message);
          return;
        }
      adw_status_page_set_description (self->error_page, error->message);
      gtk_label_set_text (self->error_details, detail != NULL && *detail != '\0' ? detail : error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->pipeline, pipeline);
  self->complete = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
  show_pipeline (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sluice_pipeline_page_reload (SLUICE_PIPELINE_PAGE (widget));
}

typedef struct
{
  SluicePipelinePage *page;
  char               *format;
} CopyCredentials;

static void
copy_credentials_free (CopyCredentials *copy)
{
  g_clear_object (&copy->page);
  g_free (copy->format);
  g_free (copy);
}

static char *
credentials_to_json (SluiceAwsCredentials *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  /* The spelling data.all's console copies: getDataPipelineCredsLinux's own. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "AWS_ACCESS_KEY_ID");
  json_builder_add_string_value (builder, sluice_aws_credentials_get_access_key_id (credentials));
  json_builder_set_member_name (builder, "AWS_SECRET_ACCESS_KEY");
  json_builder_add_string_value (builder, sluice_aws_credentials_get_secret_access_key (credentials));
  json_builder_set_member_name (builder, "AWS_SESSION_TOKEN");
  json_builder_add_string_value (builder, sluice_aws_credentials_get_session_token (credentials));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
fetch_credentials_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CopyCredentials *copy = user_data;
  SluicePipelinePage *self = copy->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceAwsCredentials) credentials = NULL;
  g_autofree char *text = NULL;

  credentials = sluice_pipeline_credentials_fetch_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      copy_credentials_free (copy);
      return;
    }
  self->fetching_credentials = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->credentials_button), TRUE);

  if (credentials == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not get AWS credentials: %s"), error->message);

      show_toast (self, message);
    }
  else
    {
      if (g_strcmp0 (copy->format, "json") == 0)
        text = credentials_to_json (credentials);
      else
        text = sluice_aws_credentials_to_export_lines (credentials);
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      show_toast (self, _("AWS credentials stored in the keyring and copied"));
    }
  copy_credentials_free (copy);
}

static void
copy_credentials_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  SluiceEnvironment *environment;
  CopyCredentials *copy;

  if (!self->complete || self->fetching_credentials)
    return;

  environment = sluice_pipeline_get_environment (self->pipeline);
  copy = g_new0 (CopyCredentials, 1);
  copy->page = g_object_ref (self);
  copy->format = g_variant_dup_string (parameter, NULL);
  self->fetching_credentials = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->credentials_button), FALSE);
  sluice_pipeline_credentials_fetch_async (self->account,
                                           sluice_pipeline_get_uri (self->pipeline),
                                           sluice_pipeline_get_label (self->pipeline),
                                           environment != NULL ? sluice_environment_get_aws_account_id (environment) : NULL,
                                           environment != NULL ? sluice_environment_get_region (environment) : NULL,
                                           FALSE, self->cancellable, fetch_credentials_cb, copy);
}

static void
editor_saved_cb (SluicePipelineEditor *editor,
                 gboolean              complete,
                 SluicePipelinePage   *self)
{
  if (complete)
    show_toast (self, _("Pipeline saved"));
  sluice_pipeline_page_reload (self);
  /* Saving the name, description or tags redeploys the stack: follow it. */
  self->follow_delay = 0;
  follow_stack (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  SluicePipelineEditor *editor;

  if (!self->complete)
    return;
  editor = sluice_pipeline_editor_new (self->account, self->pipeline);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_pipeline_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_dataall_client_delete_pipeline_finish (SLUICE_DATAALL_CLIENT (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_loading (self, FALSE);
      message = g_strdup_printf (_("Could not delete the pipeline: %s"), error->message);
      show_toast (self, message);
      return;
    }
  set_loading (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, sluice_pipeline_get_uri (self->pipeline));
  gtk_widget_activate_action (GTK_WIDGET (self), "pipelines.back", NULL);
}

static void
delete_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  const char *label = g_object_get_data (G_OBJECT (dialog), "sluice-label");

  adw_message_dialog_set_response_enabled (dialog, "delete",
                                           g_strcmp0 (gtk_editable_get_text (entry), label) == 0);
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    SluicePipelinePage *self)
{
  GtkCheckButton *from_aws = g_object_get_data (G_OBJECT (dialog), "sluice-from-aws");

  if (g_strcmp0 (response, "delete") != 0 || self->loading)
    return;
  set_loading (self, TRUE);
  sluice_dataall_client_delete_pipeline_async (sluice_account_get_client (self->account),
                                               sluice_pipeline_get_uri (self->pipeline),
                                               gtk_check_button_get_active (from_aws),
                                               self->cancellable, delete_pipeline_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  const char *label = sluice_pipeline_get_label (self->pipeline);
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), label);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *from_aws;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The pipeline is removed from data.all for everyone. "
                                     "Type its name to confirm."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pipeline name"), -1);
  from_aws = gtk_check_button_new_with_mnemonic (_("Also delete its _AWS resources (CloudFormation stack)"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), from_aws);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "sluice-label", g_strdup (label), g_free);
  g_object_set_data (G_OBJECT (dialog), "sluice-from-aws", from_aws);
  g_signal_connect (entry, "changed", G_CALLBACK (delete_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  sluice_a11y_name_mnemonic_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_page_dispose (GObject *object)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  self->stack_badge = NULL;

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_PAGE);

  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);
  g_clear_object (&self->stack_status);

  G_OBJECT_CLASS (sluice_pipeline_page_parent_class)->dispose (object);
}

static void
sluice_pipeline_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_STACK_STATUS:
      g_value_set_string (value, self->stack_status != NULL ? sluice_stack_get_status (self->stack_status) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_PIPELINE:
      self->pipeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_page_constructed (GObject *object)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (object);

  G_OBJECT_CLASS (sluice_pipeline_page_parent_class)->constructed (object);

  show_pipeline (self);
  sluice_pipeline_page_reload (self);
}

static void
sluice_pipeline_page_class_init (SluicePipelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_pipeline_page_dispose;
  object_class->constructed = sluice_pipeline_page_constructed;
  object_class->get_property = sluice_pipeline_page_get_property;
  object_class->set_property = sluice_pipeline_page_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STACK_STATUS] =
    g_param_spec_string ("stack-status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluicePipelinePage::deleted:
   * @uri: the pipeline's URI
   *
   * The pipeline was deleted from this page.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sluice-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, credentials_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, error_details);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, overview_box);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.copy-credentials", "s", copy_credentials_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "page.edit", NULL);
}

static void
sluice_pipeline_page_init (SluicePipelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_page_new:
 * @account: the account @pipeline belongs to
 * @pipeline: a pipeline, as the list has it
 *
 * Shows @pipeline's label at once and its Overview after one getDataPipeline.
 */
SluicePipelinePage *
sluice_pipeline_page_new (SluiceAccount  *account,
                          SluicePipeline *pipeline)
{
  g_return_val_if_fail (SLUICE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  return g_object_new (SLUICE_TYPE_PIPELINE_PAGE, "account", account, "pipeline", pipeline, NULL);
}

/**
 * sluice_pipeline_page_get_pipeline:
 * @self: a #SluicePipelinePage
 *
 * Returns: (transfer none): the pipeline shown: the list's until getDataPipeline answered
 */
SluicePipeline *
sluice_pipeline_page_get_pipeline (SluicePipelinePage *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), NULL);

  return self->pipeline;
}

/**
 * sluice_pipeline_page_get_stack_status:
 * @self: a #SluicePipelinePage
 *
 * Returns: (nullable): the stack's latest known status; the page follows a busy stack,
 *   with back-off, until it settles
 */
const char *
sluice_pipeline_page_get_stack_status (SluicePipelinePage *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), NULL);

  return self->stack_status != NULL ? sluice_stack_get_status (self->stack_status) : NULL;
}

gboolean
sluice_pipeline_page_get_loading (SluicePipelinePage *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), FALSE);

  return self->loading;
}

/**
 * sluice_pipeline_page_get_n_requests:
 * @self: a #SluicePipelinePage
 *
 * Returns: how many requests to data.all the page made for its Overview
 */
guint
sluice_pipeline_page_get_n_requests (SluicePipelinePage *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), 0);

  return self->n_requests;
}

/**
 * sluice_pipeline_page_reload:
 * @self: a #SluicePipelinePage
 *
 * Asks data.all for the pipeline again (one getDataPipeline).
 */
void
sluice_pipeline_page_reload (SluicePipelinePage *self)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_PAGE (self));

  if (self->loading)
    return;
  if (!self->complete)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);
  self->n_requests++;
  sluice_dataall_client_get_pipeline_async (sluice_account_get_client (self->account),
                                            sluice_pipeline_get_uri (self->pipeline),
                                            self->cancellable, get_pipeline_cb, g_object_ref (self));
}
