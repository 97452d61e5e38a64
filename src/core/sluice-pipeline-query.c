/* sluice-pipeline-query.c: the pipelines of a list that match a search and filters, in order
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipeline-query"

#include "config.h"

#include <string.h>

#include "sluice-pipeline-query.h"

/* Past this many separate changes, one items-changed that spans them all costs a list view
 * less than each of them on its own. */
#define MAX_CHANGES 16

#define GONE G_MAXUINT

/* What a search and a sort need of one pipeline, computed when it comes into the list (and
 * again when its revision moves): with 10,000 pipelines there is no time to case-fold every
 * label on every key press. */
typedef struct
{
  SluicePipeline *pipeline;
  char           *text;      /* the search text, then (after its NUL) the name's collation key */
  const char     *name_key;  /* inside @text */
  const char     *strategy;  /* interned */
  const char     *region;    /* interned */
  guint           revision;
  guint           rank;      /* position in the query's order */
  gboolean        shown;
} Entry;

typedef enum
{
  CHANGE_DIFFERENT,
  CHANGE_MORE_STRICT,   /* what did not match still does not */
  CHANGE_LESS_STRICT,   /* what matched still does */
  CHANGE_ORDER,         /* only the order changed */
} Change;

/* One items-changed: @removed items of the old list from @old_start give way to @added items
 * of the new one from @new_start. */
typedef struct
{
  guint old_start;
  guint new_start;
  guint removed;
  guint added;
} Run;

struct _SluicePipelineQuery
{
  GObject             parent_instance;

  GListModel         *model;
  GArray             *entries;    /* Entry, one per item of @model, in its order */
  guint              *order;      /* indices into @entries, in the order of @sort */
  GArray             *shown;      /* guint: indices into @entries of the items, in order */
  guint               n_total;    /* the entries the watchers were told of */

  char               *search;
  GStrv               words;      /* the search, normalized, case-folded and split */
  const char         *strategy;   /* interned */
  const char         *region;     /* interned */
  char               *tag;
  SluicePipelineSort  sort;

  /* While the changes are told one by one, the last first, the list reads as the first
   * @split_old items of the old list followed by those of @shown from @split_new on. The old
   * list is @old_items, or when the entries did not change, the entries of @old. */
  GArray             *old;
  GPtrArray          *old_items;
  guint               split_new;
  guint               split_old;
  gboolean            emitting;
  gboolean            pending;    /* the search or a filter changed meanwhile */
  gboolean            resync;     /* the model changed meanwhile */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SluicePipelineQuery, sluice_pipeline_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SEARCH,
  PROP_STRATEGY,
  PROP_REGION,
  PROP_TAG,
  PROP_SORT,
  PROP_ACTIVE,
  PROP_N_ITEMS,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

static Entry *
entry_at (SluicePipelineQuery *self,
          guint                index)
{
  return &g_array_index (self->entries, Entry, index);
}

static void
entry_fill (Entry *entry)
{
  SluiceEnvironment *environment = sluice_pipeline_get_environment (entry->pipeline);
  g_autofree char *text = sluice_pipeline_query_dup_text (entry->pipeline);
  g_autofree char *key = sluice_pipeline_query_dup_name_key (entry->pipeline);
  gsize text_size = strlen (text) + 1;
  gsize key_size = strlen (key) + 1;

  /* One block for both: 10,000 of them are kept. */
  g_free (entry->text);
  entry->text = g_malloc (text_size + key_size);
  memcpy (entry->text, text, text_size);
  memcpy (entry->text + text_size, key, key_size);
  entry->name_key = entry->text + text_size;
  entry->strategy = g_intern_string (sluice_pipeline_get_dev_strategy (entry->pipeline));
  entry->region = environment != NULL ? g_intern_string (sluice_environment_get_region (environment)) : NULL;
  entry->revision = sluice_pipeline_get_revision (entry->pipeline);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->text, g_free);
  g_clear_object (&entry->pipeline);
}

static int
compare_entries (const Entry        *a,
                 const Entry        *b,
                 SluicePipelineSort  sort)
{
  int result = 0;

  if (sort == SLUICE_PIPELINE_SORT_UPDATED)
    /* data.all's timestamps are ISO 8601 in UTC: they sort as strings. Latest first. */
    result = g_strcmp0 (sluice_pipeline_get_updated (b->pipeline), sluice_pipeline_get_updated (a->pipeline));
  if (result == 0)
    result = strcmp (a->name_key, b->name_key);
  if (result == 0)
    result = g_strcmp0 (sluice_pipeline_get_uri (a->pipeline), sluice_pipeline_get_uri (b->pipeline));
  return result;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SluicePipelineQuery *self = user_data;

  return compare_entries (entry_at (self, *(const guint *) a), entry_at (self, *(const guint *) b), self->sort);
}

static void
update_ranks (SluicePipelineQuery *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    entry_at (self, self->order[i])->rank = i;
}

static void
sort_all (SluicePipelineQuery *self)
{
  g_free (self->order);
  self->order = g_new (guint, MAX (self->entries->len, 1));
  for (guint i = 0; i < self->entries->len; i++)
    self->order[i] = i;
  g_qsort_with_data (self->order, self->entries->len, sizeof (guint), compare_indices, self);
  update_ranks (self);
}

/* After @removed entries at @position were replaced by @added (of @old_len): the order of
 * those that stayed, with the new ones sorted and merged in, rather than a sort of them all. */
static void
splice_order (SluicePipelineQuery *self,
              guint                old_len,
              guint                position,
              guint                removed,
              guint                added)
{
  guint n = self->entries->len;
  g_autofree guint *kept = g_new (guint, MAX (old_len, 1));
  g_autofree guint *fresh = g_new (guint, MAX (added, 1));
  guint *order = g_new (guint, MAX (n, 1));
  guint n_kept = 0;
  guint i = 0, j = 0, k = 0;

  for (guint r = 0; r < old_len; r++)
    {
      guint index = self->order[r];

      if (index < position)
        kept[n_kept++] = index;
      else if (index >= position + removed)
        kept[n_kept++] = index - removed + added;
    }
  for (guint a = 0; a < added; a++)
    fresh[a] = position + a;
  g_qsort_with_data (fresh, added, sizeof (guint), compare_indices, self);

  while (i < n_kept || j < added)
    {
      if (j == added ||
          (i < n_kept && compare_entries (entry_at (self, kept[i]), entry_at (self, fresh[j]), self->sort) < 0))
        order[k++] = kept[i++];
      else
        order[k++] = fresh[j++];
    }
  g_assert (k == n);

  g_free (self->order);
  self->order = order;
  update_ranks (self);
}

/* Looks again at the pipelines whose revision moved; TRUE if there were any. */
static gboolean
check_revisions (SluicePipelineQuery *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);

      if (entry->revision != sluice_pipeline_get_revision (entry->pipeline))
        {
          entry_fill (entry);
          changed = TRUE;
        }
    }
  return changed;
}

static gboolean
entry_matches (SluicePipelineQuery *self,
               const Entry         *entry)
{
  if (self->strategy != NULL && entry->strategy != self->strategy)
    return FALSE;
  if (self->region != NULL && entry->region != self->region)
    return FALSE;
  if (self->tag != NULL && !sluice_pipeline_query_has_tag (entry->pipeline, self->tag))
    return FALSE;
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (entry->text, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The items of @indices: @entries holds the references. */
static GPtrArray *
items_of (SluicePipelineQuery *self,
          GArray              *indices)
{
  GPtrArray *items = g_ptr_array_sized_new (indices->len);

  for (guint i = 0; i < indices->len; i++)
    g_ptr_array_add (items, entry_at (self, g_array_index (indices, guint, i))->pipeline);
  return items;
}

static SluicePipeline *
old_item (SluicePipelineQuery *self,
          guint                position)
{
  if (self->old_items != NULL)
    return g_ptr_array_index (self->old_items, position);
  return entry_at (self, g_array_index (self->old, guint, position))->pipeline;
}

static SluicePipeline *
shown_item (SluicePipelineQuery *self,
            guint                position)
{
  return entry_at (self, g_array_index (self->shown, guint, position))->pipeline;
}

/* Splits the way from @old to @shown into runs of insertions and removals. FALSE when an item
 * that stays moved (the order changed) or when there are more than MAX_CHANGES runs. */
static gboolean
find_runs (SluicePipelineQuery *self,
           GArray              *old,
           GArray              *runs)
{
  GArray *shown = self->shown;
  Run run = { 0, };
  gboolean open = FALSE;
  guint i = 0, j = 0;

  while (i < old->len || j < shown->len)
    {
      guint a = i < old->len ? g_array_index (old, guint, i) : GONE;
      guint b = j < shown->len ? g_array_index (shown, guint, j) : GONE;

      if (a != GONE && a == b)
        {
          if (open)
            {
              g_array_append_val (runs, run);
              if (runs->len > MAX_CHANGES)
                return FALSE;
              open = FALSE;
            }
          i++;
          j++;
          continue;
        }
      if (!open)
        {
          run = (Run) { .old_start = i, .new_start = j, };
          open = TRUE;
        }
      if (i < old->len && (a == GONE || !entry_at (self, a)->shown))
        {
          run.removed++;
          i++;
        }
      else if (j < shown->len && (i == old->len || entry_at (self, b)->rank < entry_at (self, a)->rank))
        {
          run.added++;
          j++;
        }
      else
        return FALSE;
    }
  if (open)
    g_array_append_val (runs, run);
  return runs->len <= MAX_CHANGES;
}

/* Makes @shown the items that match, after the list was @old (indices into @entries, GONE for
 * those no longer there) holding @old_items (or, if %NULL, the entries of @old), and tells the
 * list's watchers no more than what changed: a view then keeps the rows of the items that
 * stay. */
static void
apply (SluicePipelineQuery *self,
       GArray              *old,
       GPtrArray           *old_items,
       Change               change)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) previous = g_steal_pointer (&self->shown);  /* may be @old */
  guint n = self->entries->len;
  guint n_old = old->len;
  guint *shown;
  guint n_shown = 0;

  self->shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_set_size (self->shown, n);
  shown = (guint *) (gpointer) self->shown->data;
  for (guint k = 0; k < n; k++)
    {
      guint index = self->order[k];
      Entry *entry = entry_at (self, index);

      /* Narrowing looks again at what was shown only; widening at what was not. */
      switch (change)
        {
        case CHANGE_MORE_STRICT:
          if (entry->shown)
            entry->shown = entry_matches (self, entry);
          break;
        case CHANGE_LESS_STRICT:
          if (!entry->shown)
            entry->shown = entry_matches (self, entry);
          break;
        case CHANGE_ORDER:
          break;
        case CHANGE_DIFFERENT:
        default:
          entry->shown = entry_matches (self, entry);
          break;
        }
      if (entry->shown)
        shown[n_shown++] = index;
    }
  g_array_set_size (self->shown, n_shown);

  self->old = old;
  self->old_items = old_items;
  self->emitting = TRUE;
  if (find_runs (self, old, runs))
    {
      /* The last first: until the change that reaches them, the rows before a change keep
       * the items they had, and a view makes no rows for items about to go. */
      for (guint r = runs->len; r-- > 0;)
        {
          Run *run = &g_array_index (runs, Run, r);

          self->split_old = run->old_start;
          self->split_new = run->new_start;
          g_list_model_items_changed (G_LIST_MODEL (self), run->old_start, run->removed, run->added);
        }
    }
  else
    {
      guint n_new = self->shown->len;
      guint prefix = 0, suffix = 0;

      while (prefix < MIN (n_old, n_new) && old_item (self, prefix) == shown_item (self, prefix))
        prefix++;
      while (suffix < MIN (n_old, n_new) - prefix &&
             old_item (self, n_old - 1 - suffix) == shown_item (self, n_new - 1 - suffix))
        suffix++;
      self->split_old = 0;
      self->split_new = 0;
      if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);
    }
  self->emitting = FALSE;
  self->old = NULL;
  self->old_items = NULL;

  /* Both counts are told together, once the list reads as they say: a watcher never sees
   * pipelines in the model that the query has not looked at yet. */
  g_object_freeze_notify (G_OBJECT (self));
  if (n_old != self->shown->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->n_total != self->entries->len)
    {
      self->n_total = self->entries->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Brings the list up to date after the search, a filter or the sort changed. */
static void
update (SluicePipelineQuery *self,
        Change               change)
{
  /* A watcher changed the query while hearing of the last change: that is told first. */
  if (self->emitting)
    {
      self->pending = TRUE;
      return;
    }

  /* Pipelines updated in place since: matched and placed by their new values. */
  if (check_revisions (self))
    {
      sort_all (self);
      change = CHANGE_DIFFERENT;
    }

  apply (self, self->shown, NULL, change);
}

/* @removed entries at @position make way for @added items of the model at that position. */
static void
splice_entries (SluicePipelineQuery *self,
                guint                position,
                guint                removed,
                guint                added)
{
  g_autoptr(GArray) gone = g_array_sized_new (FALSE, FALSE, sizeof (Entry), removed);
  g_autoptr(GArray) old = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->shown->len);
  g_autoptr(GPtrArray) old_items = items_of (self, self->shown);
  g_autofree Entry *fresh = g_new0 (Entry, MAX (added, 1));
  guint old_len = self->entries->len;

  /* The entries that go keep their pipelines alive until the list no longer shows them. */
  g_array_set_clear_func (gone, entry_clear);
  if (removed > 0)
    {
      g_array_append_vals (gone, entry_at (self, position), removed);
      g_array_remove_range (self->entries, position, removed);
    }
  g_array_insert_vals (self->entries, position, fresh, added);
  for (guint i = 0; i < added; i++)
    {
      Entry *entry = entry_at (self, position + i);

      entry->pipeline = g_list_model_get_item (self->model, position + i);
      entry_fill (entry);
    }

  for (guint i = 0; i < self->shown->len; i++)
    {
      guint index = g_array_index (self->shown, guint, i);

      if (index >= position + removed)
        index = index - removed + added;
      else if (index >= position)
        index = GONE;
      g_array_append_val (old, index);
    }

  splice_order (self, old_len, position, removed, added);
  apply (self, old, old_items, CHANGE_DIFFERENT);
}

/* What changed while the watchers heard of the last change: the search or a filter, or the
 * model (then every entry is made again). */
static void
catch_up (SluicePipelineQuery *self)
{
  /* Inside an emission, the outermost call catches up once it is over. */
  if (self->emitting)
    return;

  while (self->pending || self->resync)
    {
      if (self->resync)
        {
          self->resync = self->pending = FALSE;
          splice_entries (self, 0, self->entries->len,
                          self->model != NULL ? g_list_model_get_n_items (self->model) : 0);
        }
      else
        {
          self->pending = FALSE;
          update (self, CHANGE_DIFFERENT);
        }
    }
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_interned (const char **field,
              const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  value = g_intern_string (value);
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

static void
filter_changed (SluicePipelineQuery *self,
                gboolean             was_active,
                gboolean             had,
                gboolean             has,
                GParamSpec          *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_active != sluice_pipeline_query_is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  update (self, !had ? CHANGE_MORE_STRICT : !has ? CHANGE_LESS_STRICT : CHANGE_DIFFERENT);
  catch_up (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
model_items_changed_cb (GListModel          *model,
                        guint                position,
                        guint                removed,
                        guint                added,
                        SluicePipelineQuery *self)
{
  if (self->emitting)
    {
      self->resync = TRUE;
      return;
    }
  splice_entries (self, position, removed, added);
  catch_up (self);
}

/* ------------------------------------------------------------------------------------------ */
/* GListModel                                                                                 */
/* ------------------------------------------------------------------------------------------ */

static GType
sluice_pipeline_query_get_item_type (GListModel *model)
{
  return SLUICE_TYPE_PIPELINE;
}

static guint
sluice_pipeline_query_get_n_items (GListModel *model)
{
  SluicePipelineQuery *self = SLUICE_PIPELINE_QUERY (model);

  if (self->emitting)
    return self->split_old + self->shown->len - self->split_new;
  return self->shown->len;
}

static gpointer
sluice_pipeline_query_get_item (GListModel *model,
                                guint       position)
{
  SluicePipelineQuery *self = SLUICE_PIPELINE_QUERY (model);

  if (self->emitting)
    {
      if (position < self->split_old)
        return g_object_ref (old_item (self, position));
      position = position - self->split_old + self->split_new;
    }
  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (entry_at (self, g_array_index (self->shown, guint, position))->pipeline);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sluice_pipeline_query_get_item_type;
  iface->get_n_items = sluice_pipeline_query_get_n_items;
  iface->get_item = sluice_pipeline_query_get_item;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipeline_query_dispose (GObject *object)
{
  SluicePipelineQuery *self = SLUICE_PIPELINE_QUERY (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sluice_pipeline_query_parent_class)->dispose (object);
}

static void
sluice_pipeline_query_finalize (GObject *object)
{
  SluicePipelineQuery *self = SLUICE_PIPELINE_QUERY (object);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    entry_clear (entry_at (self, i));
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (sluice_pipeline_query_parent_class)->finalize (object);
}

static void
sluice_pipeline_query_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SluicePipelineQuery *self = SLUICE_PIPELINE_QUERY (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_STRATEGY:
      g_value_set_string (value, self->strategy);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, sluice_pipeline_query_is_active (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_query_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SluicePipelineQuery *self = SLUICE_PIPELINE_QUERY (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sluice_pipeline_query_set_model (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      sluice_pipeline_query_set_search (self, g_value_get_string (value));
      break;
    case PROP_STRATEGY:
      sluice_pipeline_query_set_strategy (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      sluice_pipeline_query_set_region (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      sluice_pipeline_query_set_tag (self, g_value_get_string (value));
      break;
    case PROP_SORT:
      sluice_pipeline_query_set_sort (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipeline_query_class_init (SluicePipelineQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sluice_pipeline_query_dispose;
  object_class->finalize = sluice_pipeline_query_finalize;
  object_class->get_property = sluice_pipeline_query_get_property;
  object_class->set_property = sluice_pipeline_query_set_property;

  /**
   * SluicePipelineQuery:model:
   *
   * The pipelines to choose from, a #GListModel of #SluicePipeline.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:search:
   *
   * Words that must all occur, in any case, in a pipeline's label, description, tags or team.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:strategy:
   *
   * A `devStrategy` (`cdk-trunk`, `trunk`, `gitflow`) the pipeline must have, or %NULL for any.
   */
  properties[PROP_STRATEGY] =
    g_param_spec_string ("strategy", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:region:
   *
   * The AWS region of the pipeline's CI/CD environment, or %NULL for any.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:tag:
   *
   * A tag the pipeline must have (exactly), or %NULL for any.
   */
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:sort:
   *
   * A #SluicePipelineSort: by name (collated, as data.all orders its list) or by last update,
   * latest first.
   */
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL,
                      SLUICE_PIPELINE_SORT_NAME, SLUICE_PIPELINE_SORT_UPDATED, SLUICE_PIPELINE_SORT_NAME,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:active:
   *
   * Whether the search or a filter hides anything.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:n-items:
   *
   * How many pipelines match; notified once the list's watchers heard every change.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SluicePipelineQuery:n-total:
   *
   * How many pipelines the query chooses from: the model's items, once the query has looked
   * at them. Notified with #SluicePipelineQuery:n-items, so that the two always describe the
   * same moment, whereas the model's own count runs ahead while it tells its changes.
   */
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sluice_pipeline_query_init (SluicePipelineQuery *self)
{
  /* No clear function: entries move out of the array when the model drops them. */
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->order = g_new (guint, 1);
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->words = g_new0 (char *, 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * sluice_pipeline_query_new:
 * @model: (nullable): a #GListModel of #SluicePipeline
 *
 * Returns: (transfer full): a query showing every pipeline of @model, by name
 */
SluicePipelineQuery *
sluice_pipeline_query_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (SLUICE_TYPE_PIPELINE_QUERY, "model", model, NULL);
}

GListModel *
sluice_pipeline_query_get_model (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), NULL);

  return self->model;
}

/**
 * sluice_pipeline_query_set_model:
 * @self: a #SluicePipelineQuery
 * @model: (nullable): a #GListModel of #SluicePipeline
 *
 * Chooses from @model, following its changes from now on.
 */
void
sluice_pipeline_query_set_model (SluicePipelineQuery *self,
                                 GListModel          *model)
{
  guint n_old;

  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));
  g_return_if_fail (!self->emitting);

  if (self->model == model)
    return;

  n_old = self->entries->len;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);

  splice_entries (self, 0, n_old, model != NULL ? g_list_model_get_n_items (model) : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  catch_up (self);
}

const char *
sluice_pipeline_query_get_search (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), NULL);

  return self->search;
}

/**
 * sluice_pipeline_query_set_search:
 * @self: a #SluicePipelineQuery
 * @search: (nullable): words that must all occur, in any case, in a pipeline's label,
 *   description, tags or team
 *
 * When the new words only narrow the old ones (typing on), only the pipelines shown are looked
 * at again; when they only widen them (deleting), only those hidden.
 */
void
sluice_pipeline_query_set_search (SluicePipelineQuery *self,
                                  const char          *search)
{
  g_auto(GStrv) old_words = NULL;
  gboolean was_active;
  Change change;

  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));

  was_active = sluice_pipeline_query_is_active (self);
  if (!set_string (&self->search, search))
    return;

  old_words = g_steal_pointer (&self->words);
  self->words = sluice_pipeline_query_split_words (self->search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  if (g_strv_equal ((const char * const *) old_words, (const char * const *) self->words))
    return;

  if (was_active != sluice_pipeline_query_is_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  if (sluice_pipeline_query_words_within ((const char * const *) old_words, (const char * const *) self->words))
    change = CHANGE_MORE_STRICT;
  else if (sluice_pipeline_query_words_within ((const char * const *) self->words, (const char * const *) old_words))
    change = CHANGE_LESS_STRICT;
  else
    change = CHANGE_DIFFERENT;
  update (self, change);
  catch_up (self);
}

const char *
sluice_pipeline_query_get_strategy (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), NULL);

  return self->strategy;
}

void
sluice_pipeline_query_set_strategy (SluicePipelineQuery *self,
                                    const char          *strategy)
{
  gboolean was_active;
  gboolean had;

  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));

  was_active = sluice_pipeline_query_is_active (self);
  had = self->strategy != NULL;
  if (set_interned (&self->strategy, strategy))
    filter_changed (self, was_active, had, self->strategy != NULL, properties[PROP_STRATEGY]);
}

const char *
sluice_pipeline_query_get_region (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), NULL);

  return self->region;
}

void
sluice_pipeline_query_set_region (SluicePipelineQuery *self,
                                  const char          *region)
{
  gboolean was_active;
  gboolean had;

  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));

  was_active = sluice_pipeline_query_is_active (self);
  had = self->region != NULL;
  if (set_interned (&self->region, region))
    filter_changed (self, was_active, had, self->region != NULL, properties[PROP_REGION]);
}

const char *
sluice_pipeline_query_get_tag (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), NULL);

  return self->tag;
}

void
sluice_pipeline_query_set_tag (SluicePipelineQuery *self,
                               const char          *tag)
{
  gboolean was_active;
  gboolean had;

  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));

  was_active = sluice_pipeline_query_is_active (self);
  had = self->tag != NULL;
  if (set_string (&self->tag, tag))
    filter_changed (self, was_active, had, self->tag != NULL, properties[PROP_TAG]);
}

SluicePipelineSort
sluice_pipeline_query_get_sort (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), SLUICE_PIPELINE_SORT_NAME);

  return self->sort;
}

/**
 * sluice_pipeline_query_set_sort:
 * @self: a #SluicePipelineQuery
 * @sort: by name (collated, as data.all orders its list) or by last update, latest first
 */
void
sluice_pipeline_query_set_sort (SluicePipelineQuery *self,
                                SluicePipelineSort   sort)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));
  g_return_if_fail (sort == SLUICE_PIPELINE_SORT_NAME || sort == SLUICE_PIPELINE_SORT_UPDATED);

  if (self->sort == sort)
    return;
  self->sort = sort;
  sort_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  update (self, CHANGE_ORDER);
  catch_up (self);
}

/**
 * sluice_pipeline_query_get_n_total:
 * @self: a #SluicePipelineQuery
 *
 * Returns: how many pipelines the query chooses from, as of its last change: what
 *   "n of total" should say next to g_list_model_get_n_items()
 */
guint
sluice_pipeline_query_get_n_total (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), 0);

  return self->n_total;
}

/**
 * sluice_pipeline_query_is_active:
 * @self: a #SluicePipelineQuery
 *
 * Returns: whether the search or a filter hides anything
 */
gboolean
sluice_pipeline_query_is_active (SluicePipelineQuery *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINE_QUERY (self), FALSE);

  return self->words[0] != NULL || self->strategy != NULL || self->region != NULL || self->tag != NULL;
}

/**
 * sluice_pipeline_query_clear:
 * @self: a #SluicePipelineQuery
 *
 * Clears the search and every filter, with one change of the list.
 */
void
sluice_pipeline_query_clear (SluicePipelineQuery *self)
{
  gboolean was_active;

  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));

  was_active = sluice_pipeline_query_is_active (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->search, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  g_strfreev (self->words);
  self->words = g_new0 (char *, 1);
  if (set_interned (&self->strategy, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);
  if (set_interned (&self->region, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
  if (set_string (&self->tag, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
  if (was_active)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
      update (self, CHANGE_LESS_STRICT);
      catch_up (self);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sluice_pipeline_query_refresh:
 * @self: a #SluicePipelineQuery
 *
 * Looks again at the pipelines updated in place (their revision moved) since the query last
 * looked: they are matched and sorted by their new values. Pipelines the model adds or
 * replaces are looked at when it does; the search and every filter look at them all.
 */
void
sluice_pipeline_query_refresh (SluicePipelineQuery *self)
{
  g_return_if_fail (SLUICE_IS_PIPELINE_QUERY (self));

  if (self->emitting)
    self->pending = TRUE;
  else if (check_revisions (self))
    {
      sort_all (self);
      update (self, CHANGE_DIFFERENT);
      catch_up (self);
    }
}

/**
 * sluice_pipeline_query_split_words:
 * @search: (nullable): what a user typed
 *
 * Returns: (transfer full): the words of @search, normalized and case-folded, as they are
 *   looked for in sluice_pipeline_query_dup_text()
 */
GStrv
sluice_pipeline_query_split_words (const char *search)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (search == NULL)
    return g_strv_builder_end (builder);
  folded = fold (search);
  parts = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/**
 * sluice_pipeline_query_words_within:
 * @words: words of a search
 * @other: words of another search
 *
 * Returns: %TRUE if every word of @words is found inside some word of @other: then whatever
 *   matches @other matches @words too
 */
gboolean
sluice_pipeline_query_words_within (const char * const *words,
                                    const char * const *other)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; !found && other[j] != NULL; j++)
        found = strstr (other[j], words[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/**
 * sluice_pipeline_query_dup_text:
 * @pipeline: a #SluicePipeline
 *
 * Returns: (transfer full): the pipeline's label, description, tags and team, normalized and
 *   case-folded, one per line: what a search matches against
 */
char *
sluice_pipeline_query_dup_text (SluicePipeline *pipeline)
{
  g_autoptr(GString) text = NULL;
  const char * const *tags;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  text = g_string_new (sluice_pipeline_get_label (pipeline));
  g_string_append_c (text, '\n');
  g_string_append (text, sluice_pipeline_get_description (pipeline) ?: "");
  g_string_append_c (text, '\n');
  tags = sluice_pipeline_get_tags (pipeline);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_string_append (text, tags[i]);
      g_string_append_c (text, '\n');
    }
  g_string_append (text, sluice_pipeline_get_team (pipeline) ?: "");
  return fold (text->str);
}

/**
 * sluice_pipeline_query_dup_name_key:
 * @pipeline: a #SluicePipeline
 *
 * Returns: (transfer full): the collation key of the pipeline's label, for sorting by name
 */
char *
sluice_pipeline_query_dup_name_key (SluicePipeline *pipeline)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), NULL);

  /* Case-folded first: in the C locale, collation alone would put every capital first. */
  label = fold (sluice_pipeline_get_label (pipeline));
  return g_utf8_collate_key (label, -1);
}

/**
 * sluice_pipeline_query_has_tag:
 * @pipeline: a #SluicePipeline
 * @tag: a tag
 *
 * Returns: whether @pipeline has @tag, exactly
 */
gboolean
sluice_pipeline_query_has_tag (SluicePipeline *pipeline,
                               const char     *tag)
{
  const char * const *tags;

  g_return_val_if_fail (SLUICE_IS_PIPELINE (pipeline), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  tags = sluice_pipeline_get_tags (pipeline);
  return tags != NULL && g_strv_contains (tags, tag);
}
