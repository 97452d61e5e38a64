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
#include "sluice-copy-button.h"
#include "sluice-dataall-api.h"
#include "sluice-dataall-error.h"
#include "sluice-error-box.h"
#include "sluice-heading-box.h"
#include "sluice-pipeline-credentials.h"
#include "sluice-pipeline-editor.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-page.h"
#include "sluice-toast.h"

/* One tag of the Tags tab, as the user edits it. */
typedef struct
{
  GtkWidget *card;        /* the tag's boxed list and its message below */
  GtkWidget *key_row;
  GtkWidget *value_row;
  GtkWidget *cascade;     /* GtkSwitch */
  GtkWidget *message;     /* what is wrong with the key or the value */
  gboolean   key_edited;  /* "a key is required" waits until the user typed in it */
} TagEditor;

struct _SluicePipelinePage
{
  AdwBin            parent_instance;

  SluiceAccount    *account;
  SluicePipeline   *pipeline;      /* from the list at first, then from getDataPipeline */
  gboolean          complete;      /* pipeline came from getDataPipeline */
  GCancellable     *cancellable;
  guint             n_requests;
  gboolean          loading;
  gboolean          fetching_credentials;

  /* The stack: its status is in the header on every tab, followed with back-off while busy. */
  SluiceStack      *stack_status;  /* the latest known stack */
  SluiceStack      *stack_details; /* the latest with resources (getStack, updateStack) */
  gboolean          details_shown; /* stack_detail_box shows stack_details */
  guint             follow_id;
  guint             follow_delay;  /* seconds until the next look at a busy stack */
  gboolean          following;
  gboolean          stack_requested;  /* the Stack tab was opened: it loads its own data */
  gboolean          stack_loading;
  gboolean          logs_requested;
  gboolean          logs_loading;
  gboolean          logs_denied;   /* canViewLogs was false when last asked */
  GPtrArray        *log_entries;   /* SluiceStackLogEntry, oldest first */
  GtkWidget        *name_copy_button;

  /* The Tags tab */
  GPtrArray        *tags;          /* SluiceKeyValueTag, as data.all has them */
  GPtrArray        *tag_editors;   /* TagEditor, in order */
  GtkWidget        *tags_empty;
  gboolean          tags_requested;
  gboolean          tags_loading;
  gboolean          tags_saving;
  gboolean          tags_save_tried;
  GtkWidget        *tags_focus;    /* weak: where the focus was when saving began */

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  SluiceHeadingBox *heading_box;
  GtkLabel         *title_label;
  GtkLabel         *stack_badge;
  GtkSpinner       *stack_spinner;
  GtkSpinner       *spinner;
  GtkMenuButton    *credentials_button;
  GtkStack         *stack;
  GtkSpinner       *loading_spinner;
  AdwStatusPage    *error_page;
  SluiceErrorBox   *error_box;
  GtkWidget        *switcher;
  GtkWidget        *narrow_switcher;
  AdwViewStack     *view_stack;
  GtkBox           *overview_box;

  GtkStack         *stack_tab;
  GtkSpinner       *stack_tab_spinner;
  AdwStatusPage    *stack_error_page;
  SluiceErrorBox   *stack_error_box;
  GtkWidget        *update_stack_button;
  AdwActionRow     *stack_status_row;
  GtkSpinner       *stack_row_spinner;
  GtkLabel         *stack_row_badge;
  AdwActionRow     *stack_name_row;
  AdwActionRow     *stack_updated_row;
  AdwActionRow     *stack_account_row;
  AdwActionRow     *stack_region_row;
  AdwActionRow     *stack_console_row;
  GtkBox           *stack_detail_box;
  GtkStack         *logs_stack;
  GtkSpinner       *logs_spinner;
  GtkTextView      *logs_view;
  AdwActionRow     *logs_message_row;

  GtkStack         *tags_tab;
  GtkSpinner       *tags_tab_spinner;
  AdwStatusPage    *tags_error_page;
  SluiceErrorBox   *tags_error_box;
  GtkBox           *tags_box;
  GtkWidget        *add_tag_button;
  GtkWidget        *tags_save_error;
  SluiceErrorBox   *tags_save_error_box;
  GtkSpinner       *tags_saving_spinner;
  GtkLabel         *tags_state_label;
};

G_DEFINE_FINAL_TYPE (SluicePipelinePage, sluice_pipeline_page, ADW_TYPE_BIN)

/* Following a busy stack: first look after 5 s, then twice as long each time, at most a
 * minute apart; data.all's firewall counts every request. */
#define FOLLOW_FIRST_DELAY 5
#define FOLLOW_MAX_DELAY   60

/* The newest stack events shown; CloudFormation keeps far more. */
#define MAX_EVENTS 10

/* Key/value tags: data.all's console stops at 40; AWS limits each tag's key to 128 and its
 * value to 256 characters and reserves keys starting with "aws:". */
#define MAX_TAGS             40
#define MAX_TAG_KEY_LENGTH   128
#define MAX_TAG_VALUE_LENGTH 256

static const char * const tab_names[] = { "overview", "stack", "tags" };

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

static void follow_stack       (SluicePipelinePage *self);
static void load_stack_tab     (SluicePipelinePage *self);
static void load_logs          (SluicePipelinePage *self);
static void load_tags          (SluicePipelinePage *self);
static void update_tags_state  (SluicePipelinePage *self);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
show_toast (SluicePipelinePage *self,
            const char         *title)
{
  sluice_toast_show (GTK_WIDGET (self->toast_overlay), title);
}

/* A load failed. With something already shown, @toast (when not %NULL) says so and it stays;
 * otherwise @view's error page takes over, with data.all's own words under Details. */
static void
show_load_error (SluicePipelinePage *self,
                 const GError       *error,
                 const char         *toast,
                 GtkStack           *view,
                 AdwStatusPage      *page,
                 SluiceErrorBox     *details)
{
  if (toast != NULL)
    {
      show_toast (self, toast);
      return;
    }
  adw_status_page_set_description (page, error->message);
  sluice_error_box_set_error (details, error);
  gtk_stack_set_visible_child_name (view, "error");
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

static AdwPreferencesGroup *
group_new (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
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

/* A row that says there is nothing to show, and why. */
static AdwActionRow *
add_placeholder_row (AdwPreferencesGroup *group,
                     const char          *title,
                     const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static void
set_badge (GtkLabel   *badge,
           const char *status)
{
  static const char *status_classes[] = { "success", "warning", "error", "accent" };
  g_autofree char *text = sluice_pipeline_format_status (status);

  gtk_label_set_text (badge, text);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (badge), sluice_pipeline_format_status_class (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), status);
}

static GtkWidget *
badge_new (const char *status)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  set_badge (GTK_LABEL (badge), status);
  return badge;
}

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

static void
collect_toggle_buttons (GtkWidget *widget,
                        GPtrArray *buttons)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_toggle_buttons (child, buttons);
}

/* libadwaita 1.2's view switcher leaves its buttons nameless for assistive technologies: name
 * each after its tab, as it reads. */
static void
name_switcher_buttons (GtkWidget    *switcher,
                       AdwViewStack *stack)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  collect_toggle_buttons (switcher, buttons);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_visible (page))
        g_ptr_array_add (titles, g_strdup (adw_view_stack_page_get_title (page)));
    }
  if (buttons->len != titles->len)
    {
      g_warning ("The view switcher has %u buttons for %u tabs", buttons->len, titles->len);
      return;
    }
  for (guint i = 0; i < buttons->len; i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    titles->pdata[i], -1);
}

/* ------------------------------------------------------------------------------------------ */
/* The stack: header badge, Stack tab, following                                              */
/* ------------------------------------------------------------------------------------------ */

static void
update_stack_rows (SluicePipelinePage *self)
{
  SluiceStack *stack = self->stack_status;
  const char *status = stack != NULL ? sluice_stack_get_status (stack) : NULL;
  const char *name = stack != NULL ? sluice_stack_get_name (stack) : NULL;
  const char *link = stack != NULL ? sluice_stack_get_link (stack) : NULL;
  gboolean busy = stack != NULL && sluice_stack_is_busy (stack);
  g_autofree char *updated = NULL;

  set_badge (self->stack_badge, status);
  gtk_widget_set_visible (GTK_WIDGET (self->stack_spinner), busy);
  gtk_spinner_set_spinning (self->stack_spinner, busy);
  set_badge (self->stack_row_badge, status);
  gtk_widget_set_visible (GTK_WIDGET (self->stack_row_spinner), busy);
  gtk_spinner_set_spinning (self->stack_row_spinner, busy);
  adw_action_row_set_subtitle (self->stack_status_row, busy ? _("Followed until it settles") : "");
  gtk_widget_set_sensitive (self->update_stack_button, !busy && !self->following);

  updated = stack != NULL ? sluice_pipeline_format_date (sluice_stack_get_updated (stack)) : NULL;
  set_row_value (self->stack_name_row, name);
  sluice_copy_button_set_text (SLUICE_COPY_BUTTON (self->name_copy_button), name);
  gtk_widget_set_visible (self->name_copy_button, name != NULL && *name != '\0');
  set_row_value (self->stack_updated_row, updated);
  set_row_value (self->stack_account_row, stack != NULL ? sluice_stack_get_account_id (stack) : NULL);
  set_row_value (self->stack_region_row, stack != NULL ? sluice_stack_get_region (stack) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->stack_console_row), link != NULL && *link != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stack_console_row), link);
}

static gboolean
details_differ (SluiceStack *a,
                SluiceStack *b)
{
  return a == NULL || b == NULL ||
         g_strcmp0 (sluice_stack_get_outputs (a), sluice_stack_get_outputs (b)) != 0 ||
         g_strcmp0 (sluice_stack_get_resources (a), sluice_stack_get_resources (b)) != 0 ||
         g_strcmp0 (sluice_stack_get_events (a), sluice_stack_get_events (b)) != 0 ||
         g_strcmp0 (sluice_stack_get_error (a), sluice_stack_get_error (b)) != 0;
}

static AdwActionRow *
resource_row_new (const SluiceStackResource *resource,
                  const char                *subtitle)
{
  AdwActionRow *row = value_row_new (resource->logical_id, subtitle);

  adw_action_row_add_suffix (row, badge_new (resource->status));
  return row;
}

/* Error, outputs, resources and events of the stack, rebuilt when one of them changed. */
static void
show_stack_details (SluicePipelinePage *self)
{
  SluiceStack *stack = self->stack_details;
  g_autoptr(GPtrArray) outputs = sluice_stack_dup_output_list (stack);
  g_autoptr(GPtrArray) resources = sluice_stack_dup_resource_list (stack);
  g_autoptr(GPtrArray) events = sluice_stack_dup_event_list (stack);
  g_autofree char *error = sluice_stack_dup_error_message (stack);
  AdwPreferencesGroup *group;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack_detail_box))) != NULL)
    gtk_box_remove (self->stack_detail_box, child);

  if (error != NULL)
    {
      AdwActionRow *row;
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      group = group_new (self->stack_detail_box, _("Error"),
                         _("What CloudFormation reported when data.all last looked at the stack."));
      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (row, icon);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  group = group_new (self->stack_detail_box, _("Outputs"), NULL);
  if (outputs->len == 0)
    add_placeholder_row (group, _("No outputs"), _("The stack declares no outputs, or CloudFormation has not created them yet."));
  for (guint i = 0; i < outputs->len; i++)
    {
      SluiceStackOutput *output = g_ptr_array_index (outputs, i);
      AdwActionRow *row = add_row (group, output->key, output->value);
      /* Translators: a button's tooltip; %s is the key of a CloudFormation output */
      g_autofree char *tooltip = g_strdup_printf (_("Copy the Value of %s"), output->key);

      adw_action_row_add_suffix (row, sluice_copy_button_new (tooltip, output->value, _("Value copied")));
    }

  group = group_new (self->stack_detail_box, _("Resources"), NULL);
  if (resources->len == 0)
    add_placeholder_row (group, _("No resources yet"),
                         _("CloudFormation lists the stack’s resources once it starts creating them."));
  for (guint i = 0; i < resources->len; i++)
    {
      SluiceStackResource *resource = g_ptr_array_index (resources, i);
      g_autofree char *subtitle = NULL;

      if (resource->physical_id != NULL && *resource->physical_id != '\0')
        /* Translators: a CloudFormation resource: its type and its name or id in AWS */
        subtitle = g_strdup_printf (_("%s · %s"), resource->type ?: "", resource->physical_id);
      else
        subtitle = g_strdup (resource->type);
      adw_preferences_group_add (group, GTK_WIDGET (resource_row_new (resource, subtitle)));
    }

  if (events->len > 0)
    {
      group = group_new (self->stack_detail_box, _("Recent Events"), _("Newest first"));
      for (guint i = 0; i < MIN (events->len, MAX_EVENTS); i++)
        {
          SluiceStackResource *event = g_ptr_array_index (events, i);
          const char *subtitle = event->reason != NULL && *event->reason != '\0' ? event->reason : event->type;

          adw_preferences_group_add (group, GTK_WIDGET (resource_row_new (event, subtitle)));
        }
    }

  self->details_shown = TRUE;
}

static void
set_stack_status (SluicePipelinePage *self,
                  SluiceStack        *stack)
{
  const char *old_status = self->stack_status != NULL ? sluice_stack_get_status (self->stack_status) : NULL;
  gboolean was_busy = self->stack_status != NULL && sluice_stack_is_busy (self->stack_status);
  g_autofree char *before = g_strdup (old_status);

  if (stack != NULL)
    g_set_object (&self->stack_status, stack);
  if (stack != NULL && sluice_stack_has_details (stack))
    {
      gboolean changed = !self->details_shown || details_differ (self->stack_details, stack);

      g_set_object (&self->stack_details, stack);
      if (changed)
        show_stack_details (self);
    }
  update_stack_rows (self);
  if (g_strcmp0 (before, self->stack_status != NULL ? sluice_stack_get_status (self->stack_status) : NULL) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK_STATUS]);

  /* The list's pipeline may be stale: only getDataPipeline's stack is worth following. */
  if (!self->complete)
    return;
  if (self->stack_status != NULL && sluice_stack_is_busy (self->stack_status))
    follow_stack (self);
  else
    {
      g_clear_handle_id (&self->follow_id, g_source_remove);
      self->follow_delay = 0;
      /* Settled: the deployment's last lines are there now. */
      if (was_busy && self->logs_requested)
        load_logs (self);
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
      update_stack_rows (self);
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
  /* getStack describes the stack with its resources: following it also refreshes them. */
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

/* After a change data.all deploys: CloudFormation starts a little later, so look even if the
 * stack still seems settled. */
static void
follow_redeploy (SluicePipelinePage *self)
{
  g_clear_handle_id (&self->follow_id, g_source_remove);
  self->follow_delay = 0;
  follow_stack (self);
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
  set_stack_status (self, stack);
  follow_redeploy (self);
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
load_stack_tab_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStack) stack = NULL;

  stack = sluice_dataall_client_get_stack_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->stack_loading = FALSE;
  gtk_spinner_set_spinning (self->stack_tab_spinner, FALSE);
  if (stack == NULL)
    {
      g_autofree char *message = NULL;

      if (self->stack_details != NULL)
        message = g_strdup_printf (_("Could not refresh the stack: %s"), error->message);
      show_load_error (self, error, message, self->stack_tab, self->stack_error_page,
                       self->stack_error_box);
      return;
    }

  set_stack_status (self, stack);
  gtk_stack_set_visible_child_name (self->stack_tab, "content");
  /* data.all may only now have said that the logs are there to see. */
  if (!self->logs_loading && (!self->logs_requested || self->logs_denied))
    load_logs (self);
}

static void
load_stack_tab (SluicePipelinePage *self)
{
  if (self->stack_loading || !self->complete)
    return;
  self->stack_requested = TRUE;
  self->stack_loading = TRUE;
  /* Following the stack may have brought its details already: show those meanwhile. */
  if (self->stack_details == NULL)
    {
      gtk_spinner_set_spinning (self->stack_tab_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack_tab, "loading");
    }
  else
    gtk_stack_set_visible_child_name (self->stack_tab, "content");
  sluice_dataall_client_get_stack_async (sluice_account_get_client (self->account), self->pipeline,
                                         self->cancellable, load_stack_tab_cb, g_object_ref (self));
  /* The logs in parallel, when data.all already said they may be seen. */
  if (self->stack_status != NULL && sluice_stack_get_can_view_logs (self->stack_status))
    load_logs (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Logs                                                                                       */
/* ------------------------------------------------------------------------------------------ */

static void
show_logs_message (SluicePipelinePage *self,
                   const char         *message,
                   const char         *detail)
{
  g_clear_pointer (&self->log_entries, g_ptr_array_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logs_message_row), message);
  adw_action_row_set_subtitle (self->logs_message_row, detail != NULL ? detail : "");
  gtk_stack_set_visible_child_name (self->logs_stack, "message");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-logs", FALSE);
}

/* A log line's time in the local zone: data.all sends CloudWatch Logs Insights' UTC
 * "YYYY-MM-DD HH:MM:SS.mmm"; milliseconds since 1970 are read too. */
static char *
format_log_time (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *p;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup ("");
  for (p = timestamp; g_ascii_isdigit (*p); p++)
    ;
  if (*p == '\0' && p - timestamp >= 10)
    {
      gint64 number = g_ascii_strtoll (timestamp, NULL, 10);

      date = g_date_time_new_from_unix_utc (p - timestamp >= 13 ? number / 1000 : number);
    }
  else
    date = g_date_time_new_from_iso8601 (timestamp, utc);
  if (date == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (date);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static char *
logs_to_text (GPtrArray *entries)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      SluiceStackLogEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *time = format_log_time (entry->timestamp);
      g_autofree char *message = g_strdup (entry->message != NULL ? entry->message : "");

      g_strchomp (message);
      g_string_append_printf (text, "%s  %s\n", time, message);
    }
  return g_string_free (text, FALSE);
}

static int
compare_log_entries (gconstpointer a,
                     gconstpointer b)
{
  const SluiceStackLogEntry *x = *(SluiceStackLogEntry **) a;
  const SluiceStackLogEntry *y = *(SluiceStackLogEntry **) b;

  return g_strcmp0 (x->timestamp, y->timestamp);
}

static void
load_logs_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  entries = sluice_dataall_client_get_stack_logs_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->logs_loading = FALSE;
  gtk_spinner_set_spinning (self->logs_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refresh-logs", TRUE);

  if (entries == NULL)
    {
      if (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_FOUND))
        show_logs_message (self, _("There are no logs yet: data.all has not started deploying the stack."),
                           sluice_error_get_detail (error));
      else if (self->log_entries != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not refresh the logs: %s"), error->message);

          show_toast (self, message);
        }
      else
        show_logs_message (self, error->message, sluice_error_get_detail (error));
      return;
    }

  /* Newest last, whatever order they came in; lines of the same time keep theirs. */
  g_ptr_array_sort (entries, compare_log_entries);
  if (entries->len == 0)
    {
      show_logs_message (self, _("The deployment has not written any logs yet."), NULL);
      return;
    }
  text = logs_to_text (entries);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->logs_view), text, -1);
  g_clear_pointer (&self->log_entries, g_ptr_array_unref);
  self->log_entries = g_steal_pointer (&entries);
  gtk_stack_set_visible_child_name (self->logs_stack, "logs");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-logs", TRUE);
}

static void
load_logs (SluicePipelinePage *self)
{
  if (self->logs_loading)
    return;
  self->logs_requested = TRUE;
  self->logs_denied = self->stack_status == NULL || !sluice_stack_get_can_view_logs (self->stack_status);
  if (self->logs_denied)
    {
      show_logs_message (self, _("data.all does not show you this stack’s logs."),
                         _("It shows them to data.all administrators and to the pipeline’s team."));
      return;
    }
  self->logs_loading = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refresh-logs", FALSE);
  if (self->log_entries == NULL)
    {
      gtk_spinner_set_spinning (self->logs_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->logs_stack, "loading");
    }
  sluice_dataall_client_get_stack_logs_async (sluice_account_get_client (self->account), self->pipeline,
                                              self->cancellable, load_logs_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Tags                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* What is sent: surrounding spaces are never meant. */
static char *
normalized_text (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static gboolean
tags_changed (SluicePipelinePage *self)
{
  guint n_tags = self->tags != NULL ? self->tags->len : 0;

  if (self->tag_editors->len != n_tags)
    return TRUE;
  for (guint i = 0; i < n_tags; i++)
    {
      SluiceKeyValueTag *tag = g_ptr_array_index (self->tags, i);
      TagEditor *editor = g_ptr_array_index (self->tag_editors, i);
      g_autofree char *key = normalized_text (editor->key_row);
      g_autofree char *value = normalized_text (editor->value_row);

      if (g_strcmp0 (key, tag->key ? tag->key : "") != 0 ||
          g_strcmp0 (value, tag->value ? tag->value : "") != 0 ||
          gtk_switch_get_active (GTK_SWITCH (editor->cascade)) != !!tag->cascade)
        return TRUE;
    }
  return FALSE;
}

static void
set_field_error (GtkWidget  *row,
                 const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Checks every tag as data.all and AWS would, and says what is wrong below the field. A
 * missing key is only pointed out once the user typed in it, or tried to save.
 * Returns: the first field in error, or NULL when all is well */
static GtkWidget *
validate_tags (SluicePipelinePage *self)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *first_invalid = NULL;

  for (guint i = 0; i < self->tag_editors->len; i++)
    {
      TagEditor *editor = g_ptr_array_index (self->tag_editors, i);
      g_autofree char *key = normalized_text (editor->key_row);
      g_autofree char *value = normalized_text (editor->value_row);
      g_autofree char *folded = g_utf8_strdown (key, -1);
      const char *key_error = NULL;
      const char *value_error = NULL;
      gboolean show_missing = editor->key_edited || self->tags_save_tried;

      if (*key == '\0')
        key_error = _("Enter a key.");
      else if (g_utf8_strlen (key, -1) > MAX_TAG_KEY_LENGTH)
        key_error = _("A key can have at most 128 characters.");
      else if (g_str_has_prefix (folded, "aws:"))
        key_error = _("Keys starting with “aws:” are reserved for AWS.");
      else if (g_hash_table_contains (keys, folded))
        key_error = _("Another tag has this key. Keys are the same whatever their case.");
      else
        g_hash_table_add (keys, g_steal_pointer (&folded));
      if (g_utf8_strlen (value, -1) > MAX_TAG_VALUE_LENGTH)
        value_error = _("A value can have at most 256 characters.");

      if (first_invalid == NULL && (key_error != NULL || value_error != NULL))
        first_invalid = key_error != NULL ? editor->key_row : editor->value_row;
      if (*key == '\0' && !show_missing)
        key_error = NULL;
      set_field_error (editor->key_row, key_error);
      set_field_error (editor->value_row, value_error);
      gtk_label_set_text (GTK_LABEL (editor->message), key_error != NULL ? key_error : value_error);
      gtk_widget_set_visible (editor->message, key_error != NULL || value_error != NULL);
    }
  return first_invalid;
}

/* The tags cannot change while they are saved. GTK 4.8 does not tell a focused text that it
 * lost the focus when it turns insensitive (its cursor then warns as it blinks): take the focus
 * away first, and give it back afterwards. */
static void
set_tags_editable (SluicePipelinePage *self,
                   gboolean            editable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (editable == gtk_widget_get_sensitive (GTK_WIDGET (self->tags_box)))
    return;
  if (!editable && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tags_box)))
    {
      g_set_weak_pointer (&self->tags_focus, focus);
      gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_box), editable);
  if (editable && self->tags_focus != NULL)
    {
      if (gtk_widget_get_root (self->tags_focus) == root)
        gtk_widget_grab_focus (self->tags_focus);
      g_clear_weak_pointer (&self->tags_focus);
    }
}

static void
update_tags_state (SluicePipelinePage *self)
{
  gboolean changed = tags_changed (self);
  gboolean full = self->tag_editors->len >= MAX_TAGS;

  validate_tags (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-tags", changed && !self->tags_saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.revert-tags", changed && !self->tags_saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-tag", !full && !self->tags_saving);
  gtk_widget_set_tooltip_text (self->add_tag_button, full ? _("A pipeline can have at most 40 key/value tags") : NULL);
  set_tags_editable (self, !self->tags_saving);
  gtk_widget_set_visible (self->tags_empty, self->tag_editors->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_saving_spinner), self->tags_saving);
  gtk_spinner_set_spinning (self->tags_saving_spinner, self->tags_saving);
  gtk_label_set_text (self->tags_state_label,
                      self->tags_saving ? _("Saving…") : changed ? _("Unsaved changes") : "");
}

static void
tag_key_changed_cb (GtkEditable        *editable,
                    SluicePipelinePage *self)
{
  for (guint i = 0; i < self->tag_editors->len; i++)
    {
      TagEditor *editor = g_ptr_array_index (self->tag_editors, i);

      if (editor->key_row == GTK_WIDGET (editable))
        editor->key_edited = TRUE;
    }
  update_tags_state (self);
}

static void
tag_changed_cb (SluicePipelinePage *self)
{
  update_tags_state (self);
}

static void
remove_tag_clicked_cb (GtkButton          *button,
                       SluicePipelinePage *self)
{
  GtkWidget *card = g_object_get_data (G_OBJECT (button), "sluice-tag-card");

  for (guint i = 0; i < self->tag_editors->len; i++)
    {
      TagEditor *editor = g_ptr_array_index (self->tag_editors, i);

      if (editor->card != card)
        continue;
      gtk_box_remove (self->tags_box, card);
      g_ptr_array_remove_index (self->tag_editors, i);
      break;
    }
  update_tags_state (self);
  /* Focus where the removed tag was, or on Add Tag, rather than nowhere. */
  if (self->tag_editors->len > 0)
    {
      TagEditor *last = g_ptr_array_index (self->tag_editors, self->tag_editors->len - 1);

      gtk_widget_grab_focus (last->key_row);
    }
  else
    gtk_widget_grab_focus (self->add_tag_button);
}

static TagEditor *
add_tag_editor (SluicePipelinePage *self,
                const char         *key,
                const char         *value,
                gboolean            cascade)
{
  TagEditor *editor = g_new0 (TagEditor, 1);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *cascade_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  editor->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (editor->card), list);

  editor->key_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->key_row), _("Key"));
  gtk_editable_set_text (GTK_EDITABLE (editor->key_row), key != NULL ? key : "");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Tag"), -1);
  g_object_set_data (G_OBJECT (remove), "sluice-tag-card", editor->card);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_tag_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (editor->key_row), remove);
  gtk_list_box_append (GTK_LIST_BOX (list), editor->key_row);

  editor->value_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->value_row), _("Value"));
  gtk_editable_set_text (GTK_EDITABLE (editor->value_row), value != NULL ? value : "");
  gtk_list_box_append (GTK_LIST_BOX (list), editor->value_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (cascade_row), _("Cascade to AWS resources"));
  editor->cascade = gtk_switch_new ();
  gtk_widget_set_valign (editor->cascade, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (editor->cascade), cascade);
  adw_action_row_add_suffix (ADW_ACTION_ROW (cascade_row), editor->cascade);
  /* The row names its activatable widget for assistive technologies: no label of its own. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (cascade_row), editor->cascade);
  gtk_list_box_append (GTK_LIST_BOX (list), cascade_row);

  editor->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (editor->message), 0);
  gtk_label_set_wrap (GTK_LABEL (editor->message), TRUE);
  gtk_widget_set_margin_start (editor->message, 12);
  gtk_widget_add_css_class (editor->message, "error");
  gtk_widget_add_css_class (editor->message, "caption");
  gtk_widget_set_visible (editor->message, FALSE);
  gtk_box_append (GTK_BOX (editor->card), editor->message);

  g_signal_connect (editor->key_row, "changed", G_CALLBACK (tag_key_changed_cb), self);
  g_signal_connect_swapped (editor->value_row, "changed", G_CALLBACK (tag_changed_cb), self);
  g_signal_connect_swapped (editor->cascade, "notify::active", G_CALLBACK (tag_changed_cb), self);

  gtk_box_append (self->tags_box, editor->card);
  g_ptr_array_add (self->tag_editors, editor);
  return editor;
}

static void
show_tags (SluicePipelinePage *self)
{
  while (self->tag_editors->len > 0)
    {
      TagEditor *editor = g_ptr_array_index (self->tag_editors, self->tag_editors->len - 1);

      gtk_box_remove (self->tags_box, editor->card);
      g_ptr_array_remove_index (self->tag_editors, self->tag_editors->len - 1);
    }
  for (guint i = 0; self->tags != NULL && i < self->tags->len; i++)
    {
      SluiceKeyValueTag *tag = g_ptr_array_index (self->tags, i);

      add_tag_editor (self, tag->key, tag->value, tag->cascade);
    }
  self->tags_save_tried = FALSE;
  update_tags_state (self);
}

static void
hide_save_error (SluicePipelinePage *self)
{
  gtk_widget_set_visible (self->tags_save_error, FALSE);
}

static void
load_tags_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  tags = sluice_dataall_client_list_tags_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->tags_loading = FALSE;
  gtk_spinner_set_spinning (self->tags_tab_spinner, FALSE);
  if (tags == NULL)
    {
      g_autofree char *message = NULL;

      if (self->tags != NULL)
        message = g_strdup_printf (_("Could not refresh the tags: %s"), error->message);
      show_load_error (self, error, message, self->tags_tab, self->tags_error_page,
                       self->tags_error_box);
      return;
    }

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  self->tags = g_steal_pointer (&tags);
  show_tags (self);
  gtk_stack_set_visible_child_name (self->tags_tab, "content");
}

static void
load_tags (SluicePipelinePage *self)
{
  if (self->tags_loading || self->tags_saving || !self->complete)
    return;
  self->tags_requested = TRUE;
  self->tags_loading = TRUE;
  if (self->tags == NULL)
    {
      gtk_spinner_set_spinning (self->tags_tab_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->tags_tab, "loading");
    }
  sluice_dataall_client_list_tags_async (sluice_account_get_client (self->account),
                                         sluice_pipeline_get_uri (self->pipeline),
                                         self->cancellable, load_tags_cb, g_object_ref (self));
}

static void
save_tags_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SluicePipelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  tags = sluice_dataall_client_update_tags_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->tags_saving = FALSE;

  if (tags == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the tags: %s"), error->message);

      /* What the user typed stays, to be saved again or corrected. */
      sluice_error_box_set_message (self->tags_save_error_box, message);
      sluice_error_box_set_detail (self->tags_save_error_box, sluice_error_get_detail (error));
      gtk_widget_set_visible (self->tags_save_error, TRUE);
      update_tags_state (self);
      return;
    }

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  self->tags = g_steal_pointer (&tags);
  /* data.all answers with what it stored: show that. The same tags are only tidied, so that
   * the focus stays where it is. */
  if (tags_changed (self))
    show_tags (self);
  else
    {
      for (guint i = 0; i < self->tag_editors->len; i++)
        {
          TagEditor *editor = g_ptr_array_index (self->tag_editors, i);
          SluiceKeyValueTag *tag = g_ptr_array_index (self->tags, i);
          const char *key = tag->key != NULL ? tag->key : "";
          const char *value = tag->value != NULL ? tag->value : "";

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor->key_row)), key) != 0)
            gtk_editable_set_text (GTK_EDITABLE (editor->key_row), key);
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor->value_row)), value) != 0)
            gtk_editable_set_text (GTK_EDITABLE (editor->value_row), value);
        }
      update_tags_state (self);
    }
  show_toast (self, _("Tags saved: redeploying the stack"));
  follow_redeploy (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Overview                                                                                   */
/* ------------------------------------------------------------------------------------------ */

static void
clear_overview (SluicePipelinePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overview_box))) != NULL)
    gtk_box_remove (self->overview_box, child);
}

/* Everything in it comes with getDataPipeline: the Overview costs one request. */
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

  /* CI/CD */
  group = group_new (self->overview_box, _("CI/CD"), NULL);
  add_row (group, _("Environment"), environment != NULL ? sluice_environment_get_label (environment) : NULL);
  add_row (group, _("AWS Account"), environment != NULL ? sluice_environment_get_aws_account_id (environment) : NULL);
  add_row (group, _("Region"), environment != NULL ? sluice_environment_get_region (environment) : NULL);
  add_row (group, _("Team"), sluice_pipeline_get_team (pipeline));
  add_row (group, _("Repository"), sluice_pipeline_get_repo (pipeline));
  add_row (group, _("Strategy"), sluice_pipeline_format_strategy (sluice_pipeline_get_dev_strategy (pipeline)));
  row = add_row (group, _("Git Clone"), clone);
  if (clone != NULL)
    {
      adw_action_row_add_suffix (row, sluice_copy_button_new (_("Copy Clone Command"), clone,
                                                       _("Clone command copied")));
    }

  /* Details */
  tags = tag_list != NULL ? g_strjoinv (", ", (char **) tag_list) : NULL;
  group = group_new (self->overview_box, _("Details"), NULL);
  add_row (group, _("URI"), sluice_pipeline_get_uri (pipeline));
  add_row (group, _("Owner"), sluice_pipeline_get_owner (pipeline));
  add_row (group, _("Created"), created);
  add_row (group, _("Tags"), tags);
  add_row (group, _("Description"), sluice_pipeline_get_description (pipeline));

  /* Development stages, in order */
  group = group_new (self->overview_box, _("Development Stages"), NULL);
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
    group = group_new (self->overview_box, _("Build Environment"),
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
                                   sluice_copy_button_new (copy_label, exports, _("Export commands copied")));
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.show-tab", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.next-tab", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.previous-tab", self->complete);
  set_stack_status (self, sluice_pipeline_get_stack (self->pipeline));
  if (self->complete)
    {
      build_overview (self);
      gtk_stack_set_visible_child_name (self->stack, "content");
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
      show_load_error (self, error, self->complete ? error->message : NULL, self->stack,
                       self->error_page, self->error_box);
      return;
    }

  g_set_object (&self->pipeline, pipeline);
  self->complete = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
  show_pipeline (self);
}

/* A tab loads its data when it is first shown, so that the Overview needs one request. */
static void
view_stack_changed_cb (SluicePipelinePage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "stack") == 0 && !self->stack_requested)
    load_stack_tab (self);
  else if (g_strcmp0 (name, "tags") == 0 && !self->tags_requested)
    load_tags (self);
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

/* Shows a tab from the keyboard. Focus must not stay behind on a widget of the tab that was
 * hidden: it would leave the page, and the page's shortcuts (Ctrl+E, Alt+1…3) with it. */
static void
switch_tab (SluicePipelinePage *self,
            const char         *name)
{
  GtkRoot *root;
  GtkWidget *focus;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (root != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ||
                       !gtk_widget_get_mapped (focus)))
    {
      if (!gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
    }
}

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    switch_tab (self, name);
}

static void
cycle_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  int step = g_str_equal (action_name, "page.next-tab") ? 1 : -1;
  int n = G_N_ELEMENTS (tab_names);
  int current = 0;

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (name, tab_names[i]) == 0)
      current = i;
  switch_tab (self, tab_names[(current + step + n) % n]);
}

static void
reload_stack_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  load_stack_tab (SLUICE_PIPELINE_PAGE (widget));
}

static void
refresh_logs_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  load_logs (SLUICE_PIPELINE_PAGE (widget));
}

static void
copy_logs_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  g_autofree char *text = NULL;

  if (self->log_entries == NULL)
    return;
  text = logs_to_text (self->log_entries);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Logs copied"));
}

static void
open_console_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  const char *link = self->stack_status != NULL ? sluice_stack_get_link (self->stack_status) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (link == NULL || *link == '\0')
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link, GDK_CURRENT_TIME);
}

static void
reload_tags_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  load_tags (SLUICE_PIPELINE_PAGE (widget));
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  TagEditor *editor;

  if (self->tags_saving || self->tag_editors->len >= MAX_TAGS)
    return;
  editor = add_tag_editor (self, "", "", FALSE);
  update_tags_state (self);
  gtk_widget_grab_focus (editor->key_row);
}

static void
revert_tags_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);

  if (self->tags_saving)
    return;
  hide_save_error (self);
  show_tags (self);
}

static void
save_tags_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (widget);
  g_autoptr(GPtrArray) tags = NULL;
  GtkWidget *invalid;

  if (self->tags_saving || !tags_changed (self))
    return;
  self->tags_save_tried = TRUE;
  invalid = validate_tags (self);
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return;
    }

  /* data.all replaces the pipeline's tags with the list it is sent: send them all. */
  tags = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_key_value_tag_free);
  for (guint i = 0; i < self->tag_editors->len; i++)
    {
      TagEditor *editor = g_ptr_array_index (self->tag_editors, i);
      g_autofree char *key = normalized_text (editor->key_row);
      g_autofree char *value = normalized_text (editor->value_row);

      g_ptr_array_add (tags, sluice_key_value_tag_new (key, value, gtk_switch_get_active (GTK_SWITCH (editor->cascade))));
    }
  hide_save_error (self);
  self->tags_saving = TRUE;
  update_tags_state (self);
  sluice_dataall_client_update_tags_async (sluice_account_get_client (self->account),
                                           sluice_pipeline_get_uri (self->pipeline), tags,
                                           self->cancellable, save_tags_cb, g_object_ref (self));
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
  follow_redeploy (self);
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

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_PAGE);

  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);
  g_clear_object (&self->stack_status);
  g_clear_object (&self->stack_details);
  g_clear_weak_pointer (&self->tags_focus);

  G_OBJECT_CLASS (sluice_pipeline_page_parent_class)->dispose (object);
}

static void
sluice_pipeline_page_finalize (GObject *object)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (object);

  g_clear_pointer (&self->log_entries, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->tag_editors, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_pipeline_page_parent_class)->finalize (object);
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
      g_value_set_string (value, sluice_pipeline_page_get_stack_status (self));
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
  object_class->finalize = sluice_pipeline_page_finalize;
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
  /**
   * SluicePipelinePage:stack-status:
   *
   * The stack's latest known status (CloudFormation's, or `pending`); notified when it changes.
   */
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

  g_type_ensure (SLUICE_TYPE_HEADING_BOX);
  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, heading_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_badge);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, credentials_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, switcher);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_tab);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_tab_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_error_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, update_stack_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_status_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_row_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_row_badge);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_name_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_updated_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_account_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_region_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_console_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_detail_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, logs_stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, logs_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, logs_view);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, logs_message_row);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_tab);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_tab_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_error_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_save_error);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_save_error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_saving_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_state_label);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_stack_clicked_cb);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.copy-credentials", "s", copy_credentials_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "page.edit", NULL);
  gtk_widget_class_install_action (widget_class, "page.show-tab", "s", show_tab_action);
  gtk_widget_class_install_action (widget_class, "page.next-tab", NULL, cycle_tab_action);
  gtk_widget_class_install_action (widget_class, "page.previous-tab", NULL, cycle_tab_action);
  gtk_widget_class_install_action (widget_class, "page.reload-stack", NULL, reload_stack_action);
  gtk_widget_class_install_action (widget_class, "page.refresh-logs", NULL, refresh_logs_action);
  gtk_widget_class_install_action (widget_class, "page.copy-logs", NULL, copy_logs_action);
  gtk_widget_class_install_action (widget_class, "page.open-console", NULL, open_console_action);
  gtk_widget_class_install_action (widget_class, "page.reload-tags", NULL, reload_tags_action);
  gtk_widget_class_install_action (widget_class, "page.add-tag", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "page.revert-tags", NULL, revert_tags_action);
  gtk_widget_class_install_action (widget_class, "page.save-tags", NULL, save_tags_action);

  /* Tabs: Alt+1..3 as in GNOME's tabbed apps, Ctrl+Page Up/Down to the previous/next. */
  for (guint i = 0; i < G_N_ELEMENTS (tab_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "page.show-tab", "s", tab_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "page.next-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "page.previous-tab", NULL);
}

static void
sluice_pipeline_page_init (SluicePipelinePage *self)
{
  GtkWidget *list;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->tag_editors = g_ptr_array_new_with_free_func (g_free);

  self->name_copy_button = sluice_copy_button_new (_("Copy Stack Name"), NULL, _("Stack name copied"));
  adw_action_row_add_suffix (self->stack_name_row, self->name_copy_button);

  /* The Tags tab when there are none. */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       GTK_WIDGET (value_row_new (_("No key/value tags"),
                                                  _("Add one to label the pipeline’s stack and its AWS resources."))));
  gtk_widget_add_css_class (gtk_widget_get_first_child (list), "dim-label");
  gtk_box_append (self->tags_box, list);
  self->tags_empty = list;

  name_switcher_buttons (self->switcher, self->view_stack);
  name_switcher_buttons (self->narrow_switcher, self->view_stack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-logs", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-tags", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.revert-tags", FALSE);
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_page_new:
 * @account: the account @pipeline belongs to
 * @pipeline: a pipeline, as the list has it
 *
 * Shows @pipeline's label at once and its Overview after one getDataPipeline; the Stack and
 * Tags tabs ask data.all for theirs when first shown.
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
 * sluice_pipeline_page_get_tab:
 * @self: a #SluicePipelinePage
 *
 * Returns: the tab shown: `overview`, `stack` or `tags`
 */
const char *
sluice_pipeline_page_get_tab (SluicePipelinePage *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * sluice_pipeline_page_set_tab:
 * @self: a #SluicePipelinePage
 * @name: `overview`, `stack` or `tags`
 *
 * Shows a tab; the Stack and Tags tabs load their data the first time.
 */
void
sluice_pipeline_page_set_tab (SluicePipelinePage *self,
                              const char         *name)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_PAGE (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * sluice_pipeline_page_get_busy:
 * @self: a #SluicePipelinePage
 *
 * Returns: whether a request of the page, or of one of its tabs, is under way (following the
 *   stack aside)
 */
gboolean
sluice_pipeline_page_get_busy (SluicePipelinePage *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), FALSE);

  return self->loading || self->stack_loading || self->logs_loading || self->tags_loading ||
         self->tags_saving;
}

/**
 * sluice_pipeline_page_reload:
 * @self: a #SluicePipelinePage
 *
 * Asks data.all for the pipeline again (one getDataPipeline), and for what the tab shown
 * shows: the stack and its logs, or the tags unless they are being edited.
 */
void
sluice_pipeline_page_reload (SluicePipelinePage *self)
{
  const char *tab;

  g_return_if_fail (SLUICE_IS_PIPELINE_PAGE (self));

  tab = adw_view_stack_get_visible_child_name (self->view_stack);
  if (self->complete && g_strcmp0 (tab, "stack") == 0 && self->stack_requested)
    load_stack_tab (self);
  else if (self->complete && g_strcmp0 (tab, "tags") == 0 && self->tags_requested && !tags_changed (self))
    load_tags (self);

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
