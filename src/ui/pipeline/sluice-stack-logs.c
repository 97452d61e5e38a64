/* sluice-stack-logs.c: what data.all's deployment task wrote while it deployed a stack
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-stack-logs"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-dataall-api.h"
#include "sluice-dataall-error.h"
#include "sluice-error-box.h"
#include "sluice-stack-logs.h"
#include "sluice-toast.h"

/**
 * SluiceStackLogs:
 *
 * The Deployment Logs group of the Stack tab: getStackLogs' lines, oldest first, or a row that
 * says why there are none (data.all does not show them to everyone, or nothing ran yet).
 * #SluiceStackLogs:loading and #SluiceStackLogs:copyable tell the page when its Refresh Logs and
 * Copy Logs are of use.
 */
struct _SluiceStackLogs
{
  AdwBin          parent_instance;

  SluiceAccount  *account;
  SluicePipeline *pipeline;
  GCancellable   *cancellable;
  gboolean        requested;
  gboolean        loading;
  gboolean        denied;        /* canViewLogs was false when last asked */
  GPtrArray      *entries;       /* SluiceStackLogEntry, oldest first */

  GtkStack       *logs_stack;
  GtkSpinner     *logs_spinner;
  GtkTextView    *logs_view;
  AdwActionRow   *logs_message_row;
};

G_DEFINE_FINAL_TYPE (SluiceStackLogs, sluice_stack_logs, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_COPYABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (SluiceStackLogs *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_entries (SluiceStackLogs *self,
             GPtrArray       *entries)
{
  gboolean was_copyable = self->entries != NULL;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  if (was_copyable != (entries != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COPYABLE]);
}

static void
show_message (SluiceStackLogs *self,
              const char      *message,
              const char      *detail)
{
  set_entries (self, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logs_message_row), message);
  adw_action_row_set_subtitle (self->logs_message_row, detail != NULL ? detail : "");
  gtk_stack_set_visible_child_name (self->logs_stack, "message");
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
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SluiceStackLogs) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  entries = sluice_dataall_client_get_stack_logs_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->logs_spinner, FALSE);

  if (entries == NULL)
    {
      if (g_error_matches (error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_NOT_FOUND))
        show_message (self, _("There are no logs yet: data.all has not started deploying the stack."),
                      sluice_error_get_detail (error));
      else if (self->entries != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not refresh the logs: %s"), error->message);

          sluice_toast_show (GTK_WIDGET (self), message);
        }
      else
        show_message (self, error->message, sluice_error_get_detail (error));
      set_loading (self, FALSE);
      return;
    }

  /* Newest last, whatever order they came in; lines of the same time keep theirs. */
  g_ptr_array_sort (entries, compare_log_entries);
  if (entries->len == 0)
    show_message (self, _("The deployment has not written any logs yet."), NULL);
  else
    {
      text = logs_to_text (entries);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->logs_view), text, -1);
      set_entries (self, g_steal_pointer (&entries));
      gtk_stack_set_visible_child_name (self->logs_stack, "logs");
    }
  set_loading (self, FALSE);
}

static void
sluice_stack_logs_dispose (GObject *object)
{
  SluiceStackLogs *self = SLUICE_STACK_LOGS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_STACK_LOGS);

  g_clear_object (&self->account);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sluice_stack_logs_parent_class)->dispose (object);
}

static void
sluice_stack_logs_finalize (GObject *object)
{
  SluiceStackLogs *self = SLUICE_STACK_LOGS (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_stack_logs_parent_class)->finalize (object);
}

static void
sluice_stack_logs_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SluiceStackLogs *self = SLUICE_STACK_LOGS (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_COPYABLE:
      g_value_set_boolean (value, self->entries != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_stack_logs_class_init (SluiceStackLogsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_stack_logs_dispose;
  object_class->finalize = sluice_stack_logs_finalize;
  object_class->get_property = sluice_stack_logs_get_property;

  /**
   * SluiceStackLogs:loading:
   *
   * Whether getStackLogs is under way.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceStackLogs:copyable:
   *
   * Whether log lines are shown, to be copied.
   */
  properties[PROP_COPYABLE] =
    g_param_spec_boolean ("copyable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-stack-logs.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceStackLogs, logs_stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackLogs, logs_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackLogs, logs_view);
  gtk_widget_class_bind_template_child (widget_class, SluiceStackLogs, logs_message_row);
}

static void
sluice_stack_logs_init (SluiceStackLogs *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * sluice_stack_logs_set_source:
 * @self: a #SluiceStackLogs
 * @account: (nullable): whom to ask
 * @pipeline: (nullable): whose stack's logs
 */
void
sluice_stack_logs_set_source (SluiceStackLogs *self,
                              SluiceAccount   *account,
                              SluicePipeline  *pipeline)
{
  g_return_if_fail (SLUICE_IS_STACK_LOGS (self));

  g_set_object (&self->account, account);
  g_set_object (&self->pipeline, pipeline);
}

/**
 * sluice_stack_logs_load:
 * @self: a #SluiceStackLogs
 * @stack: (nullable): the stack as last known, which says whether its logs may be seen
 *
 * Asks data.all for the logs, unless it said they are not for this user; keeps the lines shown
 * meanwhile, if any.
 */
void
sluice_stack_logs_load (SluiceStackLogs *self,
                        SluiceStack     *stack)
{
  g_return_if_fail (SLUICE_IS_STACK_LOGS (self));

  if (self->loading || self->account == NULL || self->pipeline == NULL)
    return;
  self->requested = TRUE;
  self->denied = stack == NULL || !sluice_stack_get_can_view_logs (stack);
  if (self->denied)
    {
      show_message (self, _("data.all does not show you this stack’s logs."),
                    _("It shows them to data.all administrators and to the pipeline’s team."));
      return;
    }
  set_loading (self, TRUE);
  if (self->entries == NULL)
    {
      gtk_spinner_set_spinning (self->logs_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->logs_stack, "loading");
    }
  sluice_dataall_client_get_stack_logs_async (sluice_account_get_client (self->account), self->pipeline,
                                              self->cancellable, load_cb, g_object_ref (self));
}

gboolean
sluice_stack_logs_get_requested (SluiceStackLogs *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_LOGS (self), FALSE);

  return self->requested;
}

gboolean
sluice_stack_logs_get_denied (SluiceStackLogs *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_LOGS (self), FALSE);

  return self->denied;
}

gboolean
sluice_stack_logs_get_loading (SluiceStackLogs *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_LOGS (self), FALSE);

  return self->loading;
}

gboolean
sluice_stack_logs_get_copyable (SluiceStackLogs *self)
{
  g_return_val_if_fail (SLUICE_IS_STACK_LOGS (self), FALSE);

  return self->entries != NULL;
}

/**
 * sluice_stack_logs_copy:
 * @self: a #SluiceStackLogs
 *
 * Copies the lines shown, one "time  message" a line, and says so.
 */
void
sluice_stack_logs_copy (SluiceStackLogs *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SLUICE_IS_STACK_LOGS (self));

  if (self->entries == NULL)
    return;
  text = logs_to_text (self->entries);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  sluice_toast_show (GTK_WIDGET (self), _("Logs copied"));
}
