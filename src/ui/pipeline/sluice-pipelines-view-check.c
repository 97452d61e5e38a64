/* sluice-pipelines-view-check.c: the pipelines view's automatic check of its list
 *
 * While the window is shown, the count and the first page are asked for at most once a
 * minute (SluiceBackoff, backing off when data.all's firewall or gateway says no); a change
 * in place updates the pipelines, anything more reloads the list.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipelines-view"

#include "config.h"

#include "sluice-backoff.h"
#include "sluice-dataall-error.h"
#include "sluice-pipelines-view-private.h"

static gboolean
window_visible (SluicePipelinesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdkSurface *surface;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || root == NULL)
    return FALSE;
  surface = gtk_native_get_surface (GTK_NATIVE (root));
  if (surface != NULL && GDK_IS_TOPLEVEL (surface) &&
      (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0)
    return FALSE;
  return TRUE;
}

static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SluicePipelinesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  JsonObject *list = NULL;
  JsonArray *nodes = NULL;
  gboolean reload = FALSE;

  data = sluice_dataall_client_execute_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      guint status = error->domain == SLUICE_DATAALL_ERROR ? sluice_dataall_error_get_http_status (error) : 0;

      g_debug ("Automatic check failed: %s", error->message);
      if (status == 403 || status == 429)
        sluice_backoff_back_off (self->check);
      _sluice_pipelines_view_schedule_check (self);
      return;
    }
  sluice_backoff_reset (self->check);

  if (JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (data), "listDataPipelines");

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        list = json_node_get_object (node);
    }
  if (list != NULL)
    {
      JsonNode *node = json_object_get_member (list, "nodes");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        nodes = json_node_get_array (node);
    }

  if (list == NULL || nodes == NULL ||
      (guint) json_object_get_int_member_with_default (list, "count", 0) !=
      g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)))
    reload = TRUE;

  /* The first page is updated in place; a pipeline the list does not know means that more
   * changed than this page shows. */
  for (guint i = 0; !reload && i < json_array_get_length (nodes); i++)
    {
      JsonNode *element = json_array_get_element (nodes, i);
      JsonObject *node = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *uri = node != NULL ? json_object_get_string_member_with_default (node, "DataPipelineUri", NULL) : NULL;
      SluicePipeline *pipeline = uri != NULL ? sluice_pipeline_list_find (self->pipelines, uri) : NULL;

      if (pipeline == NULL)
        reload = TRUE;
      else
        sluice_pipeline_update_from_json (pipeline, node);
    }

  if (reload)
    _sluice_pipelines_view_load (self);
  else
    {
      /* What changed in place may now sort or match differently: seen at once. */
      sluice_pipeline_query_refresh (self->query);
      _sluice_pipelines_view_schedule_check (self);
    }
}

void
_sluice_pipelines_view_check_tick (SluicePipelinesView *self)
{
  g_autoptr(JsonObject) variables = NULL;
  JsonObject *filter;

  if (self->account == NULL || self->pipelines == NULL ||
      sluice_account_get_state (self->account) != SLUICE_ACCOUNT_SIGNED_IN ||
      sluice_pipeline_list_get_loading (self->pipelines))
    return;

  if (!window_visible (self))
    {
      /* Look again later; a window that comes back is checked on map. */
      _sluice_pipelines_view_schedule_check (self);
      return;
    }

  variables = json_object_new ();
  filter = json_object_new ();
  json_object_set_int_member (filter, "page", 1);
  json_object_set_int_member (filter, "pageSize", CHECK_PAGE_SIZE);
  json_object_set_object_member (variables, "filter", filter);

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  sluice_dataall_client_execute_async (sluice_account_get_client (self->account), "ListDataPipelines",
                                       variables, self->check_cancellable, check_cb, g_object_ref (self));
}

void
_sluice_pipelines_view_schedule_check (SluicePipelinesView *self)
{
  sluice_backoff_stop (self->check);
  if (self->account == NULL || self->error != NULL)
    return;
  sluice_backoff_start (self->check);
}
