/* sluice-stack-view.c: the Stack tab: a pipeline's CloudFormation stack, followed, and its logs
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stack-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-backoff.h"
#include "sluice-copy-button.h"
#include "sluice-dataall-api.h"
#include "sluice-dataall-error.h"
#include "sluice-error-box.h"
#include "sluice-pipeline-format.h"
#include "sluice-stack-logs.h"
#include "sluice-stack-view.h"
#include "sluice-status-badge.h"
#include "sluice-toast.h"
#include "sluice-ui-rows.h"

/**
 * SluiceStackView:
 *
 * The stack of a pipeline: its status (also in the page's header, through
 * #SluiceStackView:stack), its outputs, resources and recent events, and the deployment's logs.
 * A busy stack is followed with back-off until it settles, on every tab; the details and logs
 * are only asked for once the tab is shown (sluice_stack_view_load()).
 *
 * Until #SluiceStackView:pipeline is set (the pipeline as getDataPipeline gave it), the view
 * only shows the status it is given, since the list's pipeline may be stale.
 */
struct _SluiceStackView
{
  AdwBin             parent_instance;

  SluiceAccount     *account;
  SluicePipeline    *pipeline;       /* from getDataPipeline: NULL until the page has it */
  GCancellable      *cancellable;

  SluiceStack       *stack_status;   /* the latest known stack */
  SluiceStack       *stack_details;  /* the latest with resources (getStack, updateStack) */
  gboolean           details_shown;  /* stack_detail_box shows stack_details */
  SluiceBackoff     *follow;         /* the next look at a busy stack */
  gboolean           following;
  gboolean           requested;      /* the tab was opened: it loads its own data */
  gboolean           loading;

  GtkStack          *stack_tab;
  GtkSpinner        *stack_tab_spinner;
  AdwStatusPage     *stack_error_page;
  SluiceErrorBox    *stack_error_box;
  GtkWidget         *update_stack_button;
  AdwActionRow      *stack_status_row;
  GtkSpinner        *stack_row_spinner;
  SluiceStatusBadge *stack_row_badge;
  AdwActionRow      *stack_name_row;
  SluiceCopyButton  *name_copy_button;
  AdwActionRow      *stack_updated_row;
  AdwActionRow      *stack_account_row;
  AdwActionRow      *stack_region_row;
  AdwActionRow      *stack_console_row;
  GtkBox            *stack_detail_box;
  SluiceStackLogs   *logs;
};

G_DEFINE_FINAL_TYPE (SluiceStackView, sluice_stack_view, ADW_TYPE_BIN)

/* Following a busy stack: first look after 5 s, then twice as long each time, at most a
 * minute apart; data.all's firewall counts every request. */
#define FOLLOW_FIRST_MSEC (5 * 1000)
#define FOLLOW_MAX_MSEC   (60 * 1000)

/* The newest stack events shown; CloudFormation keeps far more. */
#define MAX_EVENTS 10

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_PIPELINE,
  PROP_STACK,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void follow_stack (SluiceStackView *self);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
set_loading (SluiceStackView *self,
             gboolean         loading)
{
  gboolean before = sluice_stack_view_get_loading (self);

  self->loading = loading;
  if (before != sluice_stack_view_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
logs_loading_cb (SluiceStackView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_logs (SluiceStackView *self)
{
  sluice_stack_logs_load (self->logs, self->stack_status);
}

/* A load failed. With something already shown, @toast (when not %NULL) says so and it stays;
 * otherwise the error page takes over, with data.all's own words under Details. */
static void
show_load_error (SluiceStackView *self,
                 const GError    *error,
                 const char      *toast)
{
  if (toast != NULL)
    {
      sluice_toast_show (GTK_WIDGET (self), toast);
      return;
    }
  adw_status_page_set_description (self->stack_error_page, error->message);
  sluice_error_box_set_error (self->stack_error_box, error);
  gtk_stack_set_visible_child_name (self->stack_tab, "error");
}

/* ------------------------------------------------------------------------------------------ */
/* The stack and following it                                                                 */
/* ------------------------------------------------------------------------------------------ */

static void
update_stack_rows (SluiceStackView *self)
{
  SluiceStack *stack = self->stack_status;
  const char *status = stack != NULL ? sluice_stack_get_status (stack) : NULL;
  const char *name = stack != NULL ? sluice_stack_get_name (stack) : NULL;
  const char *link = stack != NULL ? sluice_stack_get_link (stack) : NULL;
  gboolean busy = stack != NULL && sluice_stack_is_busy (stack);
  g_autofree char *updated = NULL;

  sluice_status_badge_set_status (self->stack_row_badge, status);
  gtk_widget_set_visible (GTK_WIDGET (self->stack_row_spinner), busy);
  gtk_spinner_set_spinning (self->stack_row_spinner, busy);
  adw_action_row_set_subtitle (self->stack_status_row, busy ? _("Followed until it settles") : "");
  gtk_widget_set_sensitive (self->update_stack_button, !busy && !self->following);

  updated = stack != NULL ? sluice_pipeline_format_date (sluice_stack_get_updated (stack)) : NULL;
  sluice_ui_set_row_value (self->stack_name_row, name);
  sluice_copy_button_set_text (self->name_copy_button, name);
  gtk_widget_set_visible (GTK_WIDGET (self->name_copy_button), name != NULL && *name != '\0');
  sluice_ui_set_row_value (self->stack_updated_row, updated);
  sluice_ui_set_row_value (self->stack_account_row, stack != NULL ? sluice_stack_get_account_id (stack) : NULL);
  sluice_ui_set_row_value (self->stack_region_row, stack != NULL ? sluice_stack_get_region (stack) : NULL);
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
  AdwActionRow *row = sluice_ui_value_row_new (resource->logical_id, subtitle);

  adw_action_row_add_suffix (row, sluice_status_badge_new (resource->status));
  return row;
}

/* Error, outputs, resources and events of the stack, rebuilt when one of them changed. */
static void
show_stack_details (SluiceStackView *self)
{
  SluiceStack *stack = self->stack_details;
  g_autoptr(GPtrArray) outputs = sluice_stack_dup_output_list (stack);
  g_autoptr(GPtrArray) resources = sluice_stack_dup_resource_list (stack);
  g_autoptr(GPtrArray) events = sluice_stack_dup_event_list (stack);
  g_autofree char *error = sluice_stack_dup_error_message (stack);
  AdwPreferencesGroup *group;

  sluice_ui_clear_box (self->stack_detail_box);

  if (error != NULL)
    {
      AdwActionRow *row;
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      group = sluice_ui_add_group (self->stack_detail_box, _("Error"),
                                   _("What CloudFormation reported when data.all last looked at the stack."));
      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (row, icon);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  group = sluice_ui_add_group (self->stack_detail_box, _("Outputs"), NULL);
  if (outputs->len == 0)
    sluice_ui_add_placeholder_row (group, _("No outputs"),
                                   _("The stack declares no outputs, or CloudFormation has not created them yet."));
  for (guint i = 0; i < outputs->len; i++)
    {
      SluiceStackOutput *output = g_ptr_array_index (outputs, i);
      AdwActionRow *row = sluice_ui_add_value_row (group, output->key, output->value);
      /* Translators: a button's tooltip; %s is the key of a CloudFormation output */
      g_autofree char *tooltip = g_strdup_printf (_("Copy the Value of %s"), output->key);

      adw_action_row_add_suffix (row, sluice_copy_button_new (tooltip, output->value, _("Value copied")));
    }

  group = sluice_ui_add_group (self->stack_detail_box, _("Resources"), NULL);
  if (resources->len == 0)
    sluice_ui_add_placeholder_row (group, _("No resources yet"),
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
      group = sluice_ui_add_group (self->stack_detail_box, _("Recent Events"), _("Newest first"));
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
get_stack_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SluiceStackView) self = user_data;
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
  sluice_stack_view_set_stack (self, stack);
}

static void
follow_tick_cb (SluiceStackView *self)
{
  self->following = TRUE;
  /* getStack describes the stack with its resources: following it also refreshes them. */
  sluice_dataall_client_get_stack_async (sluice_account_get_client (self->account), self->pipeline,
                                         self->cancellable, get_stack_cb, g_object_ref (self));
}

static void
follow_stack (SluiceStackView *self)
{
  if (sluice_backoff_is_scheduled (self->follow) || self->following)
    return;
  sluice_backoff_start (self->follow);
  sluice_backoff_back_off (self->follow);
}

static void
update_stack_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SluiceStackView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStack) stack = NULL;

  stack = sluice_dataall_client_update_stack_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->following = FALSE;
  if (stack == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not update the stack: %s"), error->message);

      sluice_toast_show (GTK_WIDGET (self), message);
      update_stack_rows (self);
      return;
    }
  sluice_toast_show (GTK_WIDGET (self), _("Stack update started"));
  sluice_stack_view_set_stack (self, stack);
  sluice_stack_view_follow_redeploy (self);
}

static void
update_stack_clicked_cb (GtkButton       *button,
                         SluiceStackView *self)
{
  if (self->pipeline == NULL)
    return;
  sluice_backoff_stop (self->follow);
  gtk_widget_set_sensitive (self->update_stack_button, FALSE);
  self->following = TRUE;
  sluice_dataall_client_update_stack_async (sluice_account_get_client (self->account), self->pipeline,
                                            self->cancellable, update_stack_cb, g_object_ref (self));
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SluiceStackView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceStack) stack = NULL;

  stack = sluice_dataall_client_get_stack_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  gtk_spinner_set_spinning (self->stack_tab_spinner, FALSE);
  if (stack == NULL)
    {
      g_autofree char *message = NULL;

      if (self->stack_details != NULL)
        message = g_strdup_printf (_("Could not refresh the stack: %s"), error->message);
      show_load_error (self, error, message);
      return;
    }

  sluice_stack_view_set_stack (self, stack);
  gtk_stack_set_visible_child_name (self->stack_tab, "content");
  /* data.all may only now have said that the logs are there to see. */
  if (!sluice_stack_logs_get_loading (self->logs) &&
      (!sluice_stack_logs_get_requested (self->logs) || sluice_stack_logs_get_denied (self->logs)))
    load_logs (self);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_stack_view_dispose (GObject *object)
{
  SluiceStackView *self = SLUICE_STACK_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->follow != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->follow, self);
      sluice_backoff_stop (self->follow);
      g_clear_object (&self->follow);
    }

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_STACK_VIEW);

  g_clear_object (&self->account);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->stack_status);
  g_clear_object (&self->stack_details);

  G_OBJECT_CLASS (sluice_stack_view_parent_class)->dispose (object);
}

static void
sluice_stack_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SluiceStackView *self = SLUICE_STACK_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    case PROP_STACK:
      g_value_set_object (value, self->stack_status);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, sluice_stack_view_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stack_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SluiceStackView *self = SLUICE_STACK_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      sluice_stack_view_set_account (self, g_value_get_object (value));
      break;
    case PROP_PIPELINE:
      sluice_stack_view_set_pipeline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stack_view_class_init (SluiceStackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stack_view_dispose;
  object_class->get_property = sluice_stack_view_get_property;
  object_class->set_property = sluice_stack_view_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceStackView:pipeline:
   *
   * The pipeline as getDataPipeline gave it; until then the stack is shown, not followed.
   */
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceStackView:stack:
   *
   * The latest known stack, from the pipeline or from following it.
   */
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, SLUICE_TYPE_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceStackView:loading:
   *
   * Whether the stack's details or its logs are being asked for (following it aside).
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLUICE_TYPE_COPY_BUTTON);
  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  g_type_ensure (SLUICE_TYPE_STACK_LOGS);
  g_type_ensure (SLUICE_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-stack-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_tab);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_tab_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_error_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_error_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, update_stack_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_status_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_row_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_row_badge);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_name_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, name_copy_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_updated_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_account_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_region_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_console_row);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, stack_detail_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackView, logs);
  gtk_widget_class_bind_template_callback (widget_class, update_stack_clicked_cb);
}

static void
sluice_stack_view_init (SluiceStackView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->follow = sluice_backoff_new (FOLLOW_FIRST_MSEC, FOLLOW_MAX_MSEC);
  g_signal_connect_swapped (self->follow, "tick", G_CALLBACK (follow_tick_cb), self);
  g_signal_connect_object (self->logs, "notify::loading", G_CALLBACK (logs_loading_cb), self, G_CONNECT_SWAPPED);
  update_stack_rows (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_stack_view_new (void)
{
  return g_object_new (SLUICE_TYPE_STACK_VIEW, NULL);
}

SluiceAccount *
sluice_stack_view_get_account (SluiceStackView *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_VIEW (self), NULL);

  return self->account;
}

void
sluice_stack_view_set_account (SluiceStackView *self,
                               SluiceAccount   *account)
{
  g_return_if_fail (SLUICE_IS_STACK_VIEW (self));
  g_return_if_fail (account == NULL || SLUICE_IS_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;
  sluice_stack_logs_set_source (self->logs, self->account, self->pipeline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

SluicePipeline *
sluice_stack_view_get_pipeline (SluiceStackView *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_VIEW (self), NULL);

  return self->pipeline;
}

/**
 * sluice_stack_view_set_pipeline:
 * @self: a #SluiceStackView
 * @pipeline: (nullable): the pipeline as getDataPipeline gave it
 *
 * From now on the view follows @pipeline's stack while it is busy, and loads its details when
 * asked. The stack shown is @pipeline's.
 */
void
sluice_stack_view_set_pipeline (SluiceStackView *self,
                                SluicePipeline  *pipeline)
{
  g_return_if_fail (SLUICE_IS_STACK_VIEW (self));
  g_return_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline));

  if (!g_set_object (&self->pipeline, pipeline))
    return;
  sluice_stack_logs_set_source (self->logs, self->account, self->pipeline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
  if (pipeline != NULL)
    sluice_stack_view_set_stack (self, sluice_pipeline_get_stack (pipeline));
}

/**
 * sluice_stack_view_get_stack:
 * @self: a #SluiceStackView
 *
 * Returns: (transfer none) (nullable): the latest known stack; the view follows a busy stack,
 *   with back-off, until it settles
 */
SluiceStack *
sluice_stack_view_get_stack (SluiceStackView *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_VIEW (self), NULL);

  return self->stack_status;
}

/**
 * sluice_stack_view_set_stack:
 * @self: a #SluiceStackView
 * @stack: (nullable): what is known of the stack now; %NULL keeps what is shown
 *
 * Shows @stack (its details too when it has them), and follows it while it is busy once the
 * view has its pipeline. When it settles, the deployment's last log lines are fetched.
 */
void
sluice_stack_view_set_stack (SluiceStackView *self,
                             SluiceStack     *stack)
{
  gboolean was_busy;

  g_return_if_fail (SLUICE_IS_STACK_VIEW (self));
  g_return_if_fail (stack == NULL || SLUICE_IS_STACK (stack));

  was_busy = self->stack_status != NULL && sluice_stack_is_busy (self->stack_status);
  if (stack != NULL && g_set_object (&self->stack_status, stack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
  if (stack != NULL && sluice_stack_has_details (stack))
    {
      gboolean changed = !self->details_shown || details_differ (self->stack_details, stack);

      g_set_object (&self->stack_details, stack);
      if (changed)
        show_stack_details (self);
    }
  update_stack_rows (self);

  /* The list's pipeline may be stale: only getDataPipeline's stack is worth following. */
  if (self->pipeline == NULL)
    return;
  if (self->stack_status != NULL && sluice_stack_is_busy (self->stack_status))
    follow_stack (self);
  else
    {
      sluice_backoff_stop (self->follow);
      sluice_backoff_reset (self->follow);
      /* Settled: the deployment's last lines are there now. */
      if (was_busy && sluice_stack_logs_get_requested (self->logs))
        load_logs (self);
    }
}

/**
 * sluice_stack_view_get_requested:
 * @self: a #SluiceStackView
 *
 * Returns: whether the view was asked to load its details (its tab was shown)
 */
gboolean
sluice_stack_view_get_requested (SluiceStackView *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_VIEW (self), FALSE);

  return self->requested;
}

gboolean
sluice_stack_view_get_loading (SluiceStackView *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_VIEW (self), FALSE);

  return self->loading || sluice_stack_logs_get_loading (self->logs);
}

/**
 * sluice_stack_view_load:
 * @self: a #SluiceStackView
 *
 * Asks data.all for the stack's details (getStack) and, when they may be seen, its logs.
 * Does nothing before the view has its pipeline, or while a load is under way.
 */
void
sluice_stack_view_load (SluiceStackView *self)
{
  g_return_if_fail (SLUICE_IS_STACK_VIEW (self));

  if (self->loading || self->pipeline == NULL)
    return;
  self->requested = TRUE;
  set_loading (self, TRUE);
  /* Following the stack may have brought its details already: show those meanwhile. */
  if (self->stack_details == NULL)
    {
      gtk_spinner_set_spinning (self->stack_tab_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack_tab, "loading");
    }
  else
    gtk_stack_set_visible_child_name (self->stack_tab, "content");
  sluice_dataall_client_get_stack_async (sluice_account_get_client (self->account), self->pipeline,
                                         self->cancellable, load_cb, g_object_ref (self));
  /* The logs in parallel, when data.all already said they may be seen. */
  if (self->stack_status != NULL && sluice_stack_get_can_view_logs (self->stack_status))
    load_logs (self);
}

/**
 * sluice_stack_view_get_logs:
 * @self: a #SluiceStackView
 *
 * Returns: (transfer none): the Deployment Logs group
 */
SluiceStackLogs *
sluice_stack_view_get_logs (SluiceStackView *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_VIEW (self), NULL);

  return self->logs;
}

void
sluice_stack_view_open_console (SluiceStackView *self)
{
  const char *link;
  GtkRoot *root;

  g_return_if_fail (SLUICE_IS_STACK_VIEW (self));

  link = self->stack_status != NULL ? sluice_stack_get_link (self->stack_status) : NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (link == NULL || *link == '\0')
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link, GDK_CURRENT_TIME);
}

/**
 * sluice_stack_view_follow_redeploy:
 * @self: a #SluiceStackView
 *
 * After a change data.all deploys the stack: CloudFormation starts a little later, so the view
 * looks again soon even if the stack still seems settled.
 */
void
sluice_stack_view_follow_redeploy (SluiceStackView *self)
{
  g_return_if_fail (SLUICE_IS_STACK_VIEW (self));

  if (self->pipeline == NULL)
    return;
  sluice_backoff_stop (self->follow);
  sluice_backoff_reset (self->follow);
  follow_stack (self);
}
