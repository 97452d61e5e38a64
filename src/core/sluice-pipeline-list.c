/* sluice-pipeline-list.c: every pipeline a user sees, as a GListModel
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-list"

#include "config.h"

#include <string.h>
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "sluice-pipeline-list.h"

/* Pages asked for at the same time: enough to keep the server busy while the previous page
 * travels and is parsed, few enough not to crowd out the user's other requests. */
#define MAX_PAGES_IN_FLIGHT 3

struct _SluicePipelineList
{
  GObject    parent_instance;

  GPtrArray *items;
  GTask     *load;
  guint      total;
  guint      page_size;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SluicePipelineList, sluice_pipeline_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_TOTAL,
  PROP_N_ITEMS,
  PROP_PAGE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One page as the worker thread made it: new objects and, when the list had pipelines
 * already, the JSON they came from, so that the main thread can update those instead. */
typedef struct
{
  guint      page;
  guint      count;
  guint      pages;
  GPtrArray *pipelines;
  GPtrArray *objects;
} Page;

/* What the worker thread is told about the page it makes. */
typedef struct
{
  guint    page;
  gboolean keep_json;
} PageRequest;

typedef struct
{
  SluicePipelineList  *list;
  SluiceDataallClient *client;
  JsonObject          *filter;
  GCancellable        *cancellable;
  GCancellable        *caller_cancellable;
  gulong               cancelled_id;
  GHashTable          *old;
  GHashTable          *pages;
  guint                page_size;
  guint                n_pages;
  guint                next_request;
  guint                next_apply;
  guint                in_flight;
  guint                cursor;
  GError              *error;
} Load;

static void request_pages (GTask *task);

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->pipelines, g_ptr_array_unref);
  g_clear_pointer (&page->objects, g_ptr_array_unref);
  g_free (page);
}

static void
load_free (gpointer data)
{
  Load *load = data;

  if (load->cancelled_id != 0)
    g_cancellable_disconnect (load->caller_cancellable, load->cancelled_id);
  g_clear_object (&load->caller_cancellable);
  g_clear_object (&load->list);
  g_clear_object (&load->client);
  g_clear_pointer (&load->filter, json_object_unref);
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->old, g_hash_table_unref);
  g_clear_pointer (&load->pages, g_hash_table_unref);
  g_clear_error (&load->error);
  g_free (load);
}

static void
set_loading (SluicePipelineList *self,
             GTask              *load)
{
  gboolean was_loading = self->load != NULL;

  self->load = load;
  if (was_loading != (self->load != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_total (SluicePipelineList *self,
           guint               total)
{
  if (self->total == total)
    return;
  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

/* Replaces @n_remove items at @position by @added (transfer none). */
static void
splice (SluicePipelineList *self,
        guint               position,
        guint               n_remove,
        GPtrArray          *added)
{
  guint n_added = added ? added->len : 0;

  if (n_remove == 0 && n_added == 0)
    return;
  if (n_remove > 0)
    g_ptr_array_remove_range (self->items, position, n_remove);
  for (guint i = 0; i < n_added; i++)
    g_ptr_array_insert (self->items, position + i, g_object_ref (g_ptr_array_index (added, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_remove, n_added);
  if (n_remove != n_added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
get_uint_member (JsonObject *object,
                 const char *name,
                 guint      *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
  return TRUE;
}

/* In a worker thread: the objects of the page @user_data asks for. */
static gpointer
make_page (JsonNode  *data,
           gpointer   user_data,
           GError   **error)
{
  PageRequest *request = user_data;
  JsonObject *result = NULL;
  JsonNode *nodes = NULL;
  JsonArray *array;
  Page *page;

  if (JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (data), "listDataPipelines");

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        result = json_node_get_object (node);
    }
  if (result != NULL)
    nodes = json_object_get_member (result, "nodes");
  if (nodes == NULL || !JSON_NODE_HOLDS_ARRAY (nodes))
    {
      g_propagate_error (error, sluice_dataall_error_new (SLUICE_DATAALL_ERROR_SERVER,
                                                          "ListDataPipelines", 200, NULL,
                                                          "listDataPipelines has no nodes"));
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->page = request->page;
  get_uint_member (result, "count", &page->count);
  get_uint_member (result, "pages", &page->pages);
  array = json_node_get_array (nodes);
  page->pipelines = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
  /* Without old pipelines to update, the JSON tree goes as soon as the objects are made. */
  if (request->keep_json)
    page->objects = g_ptr_array_new_full (json_array_get_length (array),
                                          (GDestroyNotify) json_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      g_ptr_array_add (page->pipelines, sluice_pipeline_new_from_json (json_node_get_object (node)));
      if (page->objects != NULL)
        g_ptr_array_add (page->objects, json_object_ref (json_node_get_object (node)));
    }
  return page;
}

/* Puts the pages that are next in order into the list: objects the list already had (by
 * URI) are updated in place and kept, so that a reload keeps selections and bindings. */
static void
apply_pages (Load *load)
{
  SluicePipelineList *self = load->list;
  Page *page;

  while ((page = g_hash_table_lookup (load->pages, GUINT_TO_POINTER (load->next_apply))) != NULL)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_full (page->pipelines->len, NULL);
      guint n_remove;

      for (guint i = 0; i < page->pipelines->len; i++)
        {
          SluicePipeline *pipeline = g_ptr_array_index (page->pipelines, i);
          SluicePipeline *old = NULL;
          const char *uri = sluice_pipeline_get_uri (pipeline);

          if (page->objects != NULL && uri != NULL)
            old = g_hash_table_lookup (load->old, uri);
          if (old != NULL)
            {
              sluice_pipeline_update_from_json (old, g_ptr_array_index (page->objects, i));
              pipeline = old;
            }
          g_ptr_array_add (added, pipeline);
        }
      n_remove = MIN (added->len, self->items->len - load->cursor);
      splice (self, load->cursor, n_remove, added);
      load->cursor += added->len;
      g_hash_table_remove (load->pages, GUINT_TO_POINTER (load->next_apply));
      load->next_apply++;
    }
}

static void
finish_load (GTask *task)
{
  Load *load = g_task_get_task_data (task);
  SluicePipelineList *self = load->list;

  if (self->load == task)
    set_loading (self, NULL);
  if (load->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&load->error));
      return;
    }
  /* What the server no longer lists goes. */
  if (load->cursor < self->items->len)
    splice (self, load->cursor, self->items->len - load->cursor, NULL);
#if HAVE_MALLOC_TRIM
  /* The pages' JSON was parsed in worker threads, whose malloc arenas glibc keeps at their
   * largest: once it is all freed, the free pages go back to the system. */
  malloc_trim (0);
#endif
  g_task_return_boolean (task, TRUE);
}

static void
page_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Page *page;

  load->in_flight--;
  page = sluice_dataall_client_execute_full_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (page == NULL)
    {
      if (load->error == NULL)
        {
          load->error = g_steal_pointer (&error);
          g_cancellable_cancel (load->cancellable);
        }
    }
  else if (load->error == NULL)
    {
      if (page->page == 1)
        {
          load->n_pages = MAX (page->pages, 1);
          set_total (load->list, page->count);
        }
      g_hash_table_insert (load->pages, GUINT_TO_POINTER (page->page), page);
      apply_pages (load);
    }
  else
    page_free (page);

  if (load->error == NULL && load->next_apply <= load->n_pages)
    request_pages (task);
  if (load->in_flight == 0 && (load->error != NULL || load->next_apply > load->n_pages))
    finish_load (task);
}

static void
request_page (GTask *task,
              guint  number)
{
  Load *load = g_task_get_task_data (task);
  g_autoptr(JsonObject) variables = json_object_new ();
  JsonObject *filter = json_object_new ();
  PageRequest *request = g_new0 (PageRequest, 1);

  request->page = number;
  request->keep_json = load->old != NULL;
  if (load->filter != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (load->filter);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (filter, l->data,
                                json_node_copy (json_object_get_member (load->filter, l->data)));
    }
  json_object_set_int_member (filter, "page", number);
  json_object_set_int_member (filter, "pageSize", load->page_size);
  json_object_set_object_member (variables, "filter", filter);

  load->in_flight++;
  sluice_dataall_client_execute_full_async (load->client, "ListDataPipelines", variables,
                                            make_page, request, g_free, page_free,
                                            load->cancellable, page_ready_cb,
                                            g_object_ref (task));
}

static void
request_pages (GTask *task)
{
  Load *load = g_task_get_task_data (task);

  /* Until the first page tells how many there are, ask for that one only. */
  if (load->n_pages == 0)
    {
      if (load->next_request == 1)
        request_page (task, load->next_request++);
      return;
    }
  while (load->in_flight < MAX_PAGES_IN_FLIGHT && load->next_request <= load->n_pages)
    request_page (task, load->next_request++);
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* ------------------------------------------------------------------------------------------ */
/* GListModel                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static GType
sluice_pipeline_list_get_item_type (GListModel *model)
{
  return SLUICE_TYPE_PIPELINE;
}

static guint
sluice_pipeline_list_get_n_items (GListModel *model)
{
  return SLUICE_PIPELINE_LIST (model)->items->len;
}

static gpointer
sluice_pipeline_list_get_item (GListModel *model,
                               guint       position)
{
  SluicePipelineList *self = SLUICE_PIPELINE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sluice_pipeline_list_get_item_type;
  iface->get_n_items = sluice_pipeline_list_get_n_items;
  iface->get_item = sluice_pipeline_list_get_item;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_list_finalize (GObject *object)
{
  SluicePipelineList *self = (SluicePipelineList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_pipeline_list_parent_class)->finalize (object);
}

static void
sluice_pipeline_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SluicePipelineList *self = SLUICE_PIPELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->load != NULL);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SluicePipelineList *self = SLUICE_PIPELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_PAGE_SIZE:
      sluice_pipeline_list_set_page_size (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_list_class_init (SluicePipelineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sluice_pipeline_list_finalize;
  object_class->get_property = sluice_pipeline_list_get_property;
  object_class->set_property = sluice_pipeline_list_set_property;

  /**
   * SluicePipelineList:loading:
   *
   * Whether a load is running; the list fills page by page meanwhile.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipelineList:total:
   *
   * How many pipelines the server counted, known from the first page on.
   */
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SluicePipelineList:page-size:
   *
   * Pipelines per listDataPipelines request.
   */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 10000, SLUICE_PIPELINE_LIST_DEFAULT_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_pipeline_list_init (SluicePipelineList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = SLUICE_PIPELINE_LIST_DEFAULT_PAGE_SIZE;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluicePipelineList *
sluice_pipeline_list_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINE_LIST, NULL);
}

/**
 * sluice_pipeline_list_load_async:
 * @self: a #SluicePipelineList
 * @client: the client to ask
 * @filter: (nullable): a `DataPipelineFilter` (term, region, tags, type); its page and
 *   pageSize are the list's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page is in, or on the first error
 * @user_data: data for @callback
 *
 * Pages through listDataPipelines until everything is loaded, several pages at a time,
 * putting each page into the list (in the server's order) as soon as the pages before it are
 * in. Pipelines the list already holds are updated in place; those the server no longer lists
 * are removed at the end. A new load cancels the one running. On an error, what was loaded
 * stays.
 */
void
sluice_pipeline_list_load_async (SluicePipelineList  *self,
                                 SluiceDataallClient *client,
                                 JsonObject          *filter,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (SLUICE_IS_PIPELINE_LIST (self));
  g_return_if_fail (SLUICE_IS_DATAALL_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->load != NULL)
    {
      Load *previous = g_task_get_task_data (self->load);

      g_cancellable_cancel (previous->cancellable);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sluice_pipeline_list_load_async);

  load = g_new0 (Load, 1);
  load->list = g_object_ref (self);
  load->client = g_object_ref (client);
  load->filter = filter ? json_object_ref (filter) : NULL;
  load->cancellable = g_cancellable_new ();
  load->page_size = self->page_size;
  load->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  load->next_request = 1;
  load->next_apply = 1;
  if (self->items->len > 0)
    {
      load->old = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      for (guint i = 0; i < self->items->len; i++)
        {
          SluicePipeline *pipeline = g_ptr_array_index (self->items, i);

          if (sluice_pipeline_get_uri (pipeline) != NULL)
            g_hash_table_replace (load->old, (gpointer) sluice_pipeline_get_uri (pipeline),
                                  g_object_ref (pipeline));
        }
    }
  g_task_set_task_data (task, load, load_free);
  if (cancellable != NULL)
    {
      load->caller_cancellable = g_object_ref (cancellable);
      load->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                load->cancellable, NULL);
    }

  set_loading (self, task);
  request_pages (task);
}

gboolean
sluice_pipeline_list_load_finish (SluicePipelineList  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
sluice_pipeline_list_get_loading (SluicePipelineList *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_LIST (self), FALSE);
  return self->load != NULL;
}

guint
sluice_pipeline_list_get_total (SluicePipelineList *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_LIST (self), 0);
  return self->total;
}

guint
sluice_pipeline_list_get_page_size (SluicePipelineList *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_LIST (self), 0);
  return self->page_size;
}

void
sluice_pipeline_list_set_page_size (SluicePipelineList *self,
                                    guint               page_size)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_LIST (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;
  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

/**
 * sluice_pipeline_list_find:
 *
 * Returns: (transfer none) (nullable): the pipeline with @uri
 */
SluicePipeline *
sluice_pipeline_list_find (SluicePipelineList *self,
                           const char         *uri)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_LIST (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      SluicePipeline *pipeline = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (sluice_pipeline_get_uri (pipeline), uri) == 0)
        return pipeline;
    }
  return NULL;
}

/**
 * sluice_pipeline_list_remove:
 *
 * Removes the pipeline with @uri (after it was deleted), if the list has it.
 */
void
sluice_pipeline_list_remove (SluicePipelineList *self,
                             const char         *uri)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_LIST (self));
  g_return_if_fail (uri != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (g_strcmp0 (sluice_pipeline_get_uri (g_ptr_array_index (self->items, i)), uri) == 0)
        {
          splice (self, i, 1, NULL);
          return;
        }
    }
}

/**
 * sluice_pipeline_list_take:
 * @pipeline: (transfer full): a pipeline (just created, say)
 *
 * Adds @pipeline where the server would list it (by label), or, if the list has a pipeline
 * with its URI, puts it in that one's place.
 */
void
sluice_pipeline_list_take (SluicePipelineList *self,
                           SluicePipeline     *pipeline)
{
  g_autoptr(SluicePipeline) owned = pipeline;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  const char *label = sluice_pipeline_get_label (pipeline);
  guint position = 0;

  g_return_if_fail (SLUICE_IS_PIPELINE_LIST (self));
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));

  g_ptr_array_add (added, pipeline);
  for (guint i = 0; i < self->items->len; i++)
    {
      SluicePipeline *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (sluice_pipeline_get_uri (item), sluice_pipeline_get_uri (pipeline)) == 0)
        {
          splice (self, i, 1, added);
          return;
        }
    }
  while (position < self->items->len &&
         g_strcmp0 (sluice_pipeline_get_label (g_ptr_array_index (self->items, position)), label) <= 0)
    position++;
  splice (self, position, 0, added);
}
