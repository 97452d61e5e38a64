/* sluice-key-value-tags-view.c: the Tags tab: a pipeline's key/value tags, edited and saved
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-key-value-tags-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-dataall-api.h"
#include "sluice-error-box.h"
#include "sluice-key-value-tag-row.h"
#include "sluice-key-value-tags-view.h"
#include "sluice-pipeline-rules.h"
#include "sluice-toast.h"

/**
 * SluiceKeyValueTagsView:
 *
 * The key/value tags data.all puts on the pipeline's stack (listKeyValueTags), one
 * #SluiceKeyValueTagRow each, checked as data.all and AWS would check them, and saved all at
 * once (updateKeyValueTags replaces the list). A failed save keeps what the user typed.
 *
 * Its container offers the commands (the page's Add Tag, Revert and Save, whose enablement
 * follows #SluiceKeyValueTagsView:can-add and #SluiceKeyValueTagsView:can-save) and follows
 * the redeployed stack on #SluiceKeyValueTagsView::saved.
 */
struct _SluiceKeyValueTagsView
{
  AdwBin          parent_instance;

  SluiceAccount  *account;
  SluicePipeline *pipeline;
  GCancellable   *cancellable;
  GPtrArray      *tags;          /* SluiceKeyValueTag, as data.all has them */
  GPtrArray      *rows;          /* SluiceKeyValueTagRow (unowned: tags_box has them), in order */
  gboolean        requested;
  gboolean        loading;
  gboolean        saving;
  gboolean        save_tried;
  gboolean        can_save;
  gboolean        can_add;
  GtkWidget      *focus;         /* weak: where the focus was when saving began */

  GtkStack       *tags_tab;
  GtkSpinner     *tags_tab_spinner;
  AdwStatusPage  *tags_error_page;
  SluiceErrorBox *tags_error_box;
  GtkBox         *tags_box;
  GtkWidget      *tags_empty;
  GtkWidget      *add_tag_button;
  GtkWidget      *tags_save_error;
  SluiceErrorBox *tags_save_error_box;
  GtkSpinner     *tags_saving_spinner;
  GtkLabel       *tags_state_label;
};

G_DEFINE_FINAL_TYPE (SluiceKeyValueTagsView, sluice_key_value_tags_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PIPELINE,
  PROP_LOADING,
  PROP_CAN_SAVE,
  PROP_CAN_ADD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
set_busy (SluiceKeyValueTagsView *self,
          gboolean               *flag,
          gboolean                busy)
{
  gboolean before = self->loading || self->saving;

  *flag = busy;
  if (before != (self->loading || self->saving))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_boolean (SluiceKeyValueTagsView *self,
             gboolean               *field,
             gboolean                value,
             guint                   prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Checks every tag as data.all and AWS would, and says what is wrong below the field. A
 * missing key is only pointed out once the user typed in it, or tried to save.
 * Returns: the first field in error, or NULL when all is well */
static GtkWidget *
validate_tags (SluiceKeyValueTagsView *self)
{
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *first_invalid = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SluiceKeyValueTagRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *key = sluice_key_value_tag_row_dup_clean_key (row);
      g_autofree char *value = sluice_key_value_tag_row_dup_clean_value (row);
      g_autofree char *key_error = NULL;
      g_autofree char *value_error = NULL;
      gboolean show_missing = sluice_key_value_tag_row_get_key_edited (row) || self->save_tried;

      g_ptr_array_add (earlier, NULL);
      if (sluice_pipeline_validate_tag_key (key, (const char * const *) earlier->pdata, &key_error))
        earlier->pdata[earlier->len - 1] = g_steal_pointer (&key);
      else
        g_ptr_array_remove_index (earlier, earlier->len - 1);
      sluice_pipeline_validate_tag_value (value, &value_error);

      if (first_invalid == NULL && (key_error != NULL || value_error != NULL))
        first_invalid = key_error != NULL ? sluice_key_value_tag_row_get_key_field (row)
                                          : sluice_key_value_tag_row_get_value_field (row);
      if (key != NULL && *key == '\0' && !show_missing)
        g_clear_pointer (&key_error, g_free);
      sluice_key_value_tag_row_set_errors (row, key_error, value_error);
    }
  return first_invalid;
}

/* The tags cannot change while they are saved. GTK 4.8 does not tell a focused text that it
 * lost the focus when it turns insensitive (its cursor then warns as it blinks): take the focus
 * away first, and give it back afterwards. */
static void
set_tags_editable (SluiceKeyValueTagsView *self,
                   gboolean                editable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (editable == gtk_widget_get_sensitive (GTK_WIDGET (self->tags_box)))
    return;
  if (!editable && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tags_box)))
    {
      g_set_weak_pointer (&self->focus, focus);
      gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_box), editable);
  if (editable && self->focus != NULL)
    {
      if (gtk_widget_get_root (self->focus) == root)
        gtk_widget_grab_focus (self->focus);
      g_clear_weak_pointer (&self->focus);
    }
}

static void
update_tags_state (SluiceKeyValueTagsView *self)
{
  gboolean changed = sluice_key_value_tags_view_get_changed (self);
  g_autofree char *full_message = NULL;
  gboolean full = !sluice_pipeline_can_add_tag (self->rows->len, &full_message);

  validate_tags (self);
  set_boolean (self, &self->can_save, changed && !self->saving, PROP_CAN_SAVE);
  set_boolean (self, &self->can_add, !full && !self->saving, PROP_CAN_ADD);
  gtk_widget_set_tooltip_text (self->add_tag_button, full_message);
  set_tags_editable (self, !self->saving);
  gtk_widget_set_visible (self->tags_empty, self->rows->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_saving_spinner), self->saving);
  gtk_spinner_set_spinning (self->tags_saving_spinner, self->saving);
  gtk_label_set_text (self->tags_state_label,
                      self->saving ? _("Saving…") : changed ? _("Unsaved changes") : "");
}

static void
remove_row (SluiceKeyValueTagsView *self,
            SluiceKeyValueTagRow   *row)
{
  g_signal_handlers_disconnect_by_data (row, self);
  g_ptr_array_remove (self->rows, row);
  gtk_box_remove (self->tags_box, GTK_WIDGET (row));
}

static void
row_remove_cb (SluiceKeyValueTagRow   *row,
               SluiceKeyValueTagsView *self)
{
  remove_row (self, row);
  update_tags_state (self);
  /* Focus where the removed tag was, or on Add Tag, rather than nowhere. */
  if (self->rows->len > 0)
    gtk_widget_grab_focus (sluice_key_value_tag_row_get_key_field (g_ptr_array_index (self->rows, self->rows->len - 1)));
  else
    gtk_widget_grab_focus (self->add_tag_button);
}

static void
row_changed_cb (SluiceKeyValueTagRow   *row,
                SluiceKeyValueTagsView *self)
{
  update_tags_state (self);
}

static SluiceKeyValueTagRow *
add_row (SluiceKeyValueTagsView *self,
         const char             *key,
         const char             *value,
         gboolean                cascade)
{
  GtkWidget *row = sluice_key_value_tag_row_new (key, value, cascade);

  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
  g_signal_connect (row, "remove", G_CALLBACK (row_remove_cb), self);
  gtk_box_append (self->tags_box, row);
  g_ptr_array_add (self->rows, row);
  return SLUICE_KEY_VALUE_TAG_ROW (row);
}

static void
show_tags (SluiceKeyValueTagsView *self)
{
  while (self->rows->len > 0)
    remove_row (self, g_ptr_array_index (self->rows, self->rows->len - 1));
  for (guint i = 0; self->tags != NULL && i < self->tags->len; i++)
    {
      SluiceKeyValueTag *tag = g_ptr_array_index (self->tags, i);

      add_row (self, tag->key, tag->value, tag->cascade);
    }
  self->save_tried = FALSE;
  update_tags_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Loading and saving                                                                         */
/* ------------------------------------------------------------------------------------------ */

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SluiceKeyValueTagsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  tags = sluice_dataall_client_list_tags_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->tags_tab_spinner, FALSE);
  if (tags == NULL)
    {
      /* With tags shown, a toast says so and they stay; otherwise the error page shows. */
      if (self->tags != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not refresh the tags: %s"), error->message);

          sluice_toast_show (GTK_WIDGET (self), message);
        }
      else
        {
          adw_status_page_set_description (self->tags_error_page, error->message);
          sluice_error_box_set_error (self->tags_error_box, error);
          gtk_stack_set_visible_child_name (self->tags_tab, "error");
        }
      set_busy (self, &self->loading, FALSE);
      return;
    }

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  self->tags = g_steal_pointer (&tags);
  show_tags (self);
  gtk_stack_set_visible_child_name (self->tags_tab, "content");
  set_busy (self, &self->loading, FALSE);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SluiceKeyValueTagsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  tags = sluice_dataall_client_update_tags_finish (SLUICE_DATAALL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, &self->saving, FALSE);

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
  if (sluice_key_value_tags_view_get_changed (self))
    show_tags (self);
  else
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          SluiceKeyValueTag *tag = g_ptr_array_index (self->tags, i);

          sluice_key_value_tag_row_set_key (g_ptr_array_index (self->rows, i), tag->key);
          sluice_key_value_tag_row_set_value (g_ptr_array_index (self->rows, i), tag->value);
        }
      update_tags_state (self);
    }
  sluice_toast_show (GTK_WIDGET (self), _("Tags saved: redeploying the stack"));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_key_value_tags_view_dispose (GObject *object)
{
  SluiceKeyValueTagsView *self = SLUICE_KEY_VALUE_TAGS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_KEY_VALUE_TAGS_VIEW);

  g_clear_object (&self->account);
  g_clear_object (&self->pipeline);
  g_clear_weak_pointer (&self->focus);

  G_OBJECT_CLASS (sluice_key_value_tags_view_parent_class)->dispose (object);
}

static void
sluice_key_value_tags_view_finalize (GObject *object)
{
  SluiceKeyValueTagsView *self = SLUICE_KEY_VALUE_TAGS_VIEW (object);

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sluice_key_value_tags_view_parent_class)->finalize (object);
}

static void
sluice_key_value_tags_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SluiceKeyValueTagsView *self = SLUICE_KEY_VALUE_TAGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, sluice_key_value_tags_view_get_loading (self));
      break;
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;
    case PROP_CAN_ADD:
      g_value_set_boolean (value, self->can_add);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_key_value_tags_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SluiceKeyValueTagsView *self = SLUICE_KEY_VALUE_TAGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      sluice_key_value_tags_view_set_pipeline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_key_value_tags_view_class_init (SluiceKeyValueTagsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_key_value_tags_view_dispose;
  object_class->finalize = sluice_key_value_tags_view_finalize;
  object_class->get_property = sluice_key_value_tags_view_get_property;
  object_class->set_property = sluice_key_value_tags_view_set_property;

  /**
   * SluiceKeyValueTagsView:pipeline:
   *
   * Whose tags: the pipeline as getDataPipeline gave it.
   */
  properties[PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL, SLUICE_TYPE_PIPELINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceKeyValueTagsView:loading:
   *
   * Whether the tags are being loaded or saved.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceKeyValueTagsView:can-save:
   *
   * Whether there are changes to save (or revert), and no save under way.
   */
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluiceKeyValueTagsView:can-add:
   *
   * Whether a tag can be added: fewer than 40, and no save under way.
   */
  properties[PROP_CAN_ADD] =
    g_param_spec_boolean ("can-add", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SluiceKeyValueTagsView::saved:
   *
   * data.all stored the tags, and redeploys the stack.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/pipeline/sluice-key-value-tags-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_tab);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_tab_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_error_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_error_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_empty);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_save_error);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_save_error_box);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_saving_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceKeyValueTagsView, tags_state_label);
}

static void
sluice_key_value_tags_view_init (SluiceKeyValueTagsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->can_add = TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

GtkWidget *
sluice_key_value_tags_view_new (void)
{
  return g_object_new (SLUICE_TYPE_KEY_VALUE_TAGS_VIEW, NULL);
}

void
sluice_key_value_tags_view_set_account (SluiceKeyValueTagsView *self,
                                        SluiceAccount          *account)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self));
  g_return_if_fail (account == NULL || SLUICE_IS_ACCOUNT (account));

  g_set_object (&self->account, account);
}

SluicePipeline *
sluice_key_value_tags_view_get_pipeline (SluiceKeyValueTagsView *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self), NULL);

  return self->pipeline;
}

/**
 * sluice_key_value_tags_view_set_pipeline:
 * @self: a #SluiceKeyValueTagsView
 * @pipeline: (nullable): whose tags, as getDataPipeline gave it; %NULL until then
 */
void
sluice_key_value_tags_view_set_pipeline (SluiceKeyValueTagsView *self,
                                         SluicePipeline         *pipeline)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self));
  g_return_if_fail (pipeline == NULL || SLUICE_IS_PIPELINE (pipeline));

  if (g_set_object (&self->pipeline, pipeline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}

/**
 * sluice_key_value_tags_view_get_requested:
 *
 * Returns: whether the view was asked to load the tags (its tab was shown)
 */
gboolean
sluice_key_value_tags_view_get_requested (SluiceKeyValueTagsView *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self), FALSE);

  return self->requested;
}

gboolean
sluice_key_value_tags_view_get_loading (SluiceKeyValueTagsView *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self), FALSE);

  return self->loading || self->saving;
}

/**
 * sluice_key_value_tags_view_get_changed:
 *
 * Returns: whether the tags shown differ from data.all's
 */
gboolean
sluice_key_value_tags_view_get_changed (SluiceKeyValueTagsView *self)
{
  guint n_tags;

  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self), FALSE);

  n_tags = self->tags != NULL ? self->tags->len : 0;
  if (self->rows->len != n_tags)
    return TRUE;
  for (guint i = 0; i < n_tags; i++)
    {
      SluiceKeyValueTag *tag = g_ptr_array_index (self->tags, i);
      SluiceKeyValueTagRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *key = sluice_key_value_tag_row_dup_clean_key (row);
      g_autofree char *value = sluice_key_value_tag_row_dup_clean_value (row);

      if (g_strcmp0 (key, tag->key ? tag->key : "") != 0 ||
          g_strcmp0 (value, tag->value ? tag->value : "") != 0 ||
          sluice_key_value_tag_row_get_cascade (row) != !!tag->cascade)
        return TRUE;
    }
  return FALSE;
}

gboolean
sluice_key_value_tags_view_get_can_add (SluiceKeyValueTagsView *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self), FALSE);

  return self->can_add;
}

/**
 * sluice_key_value_tags_view_get_n_tags:
 *
 * Returns: how many tags are shown, saved or not
 */
guint
sluice_key_value_tags_view_get_n_tags (SluiceKeyValueTagsView *self)
{
  g_return_val_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self), 0);

  return self->rows->len;
}

/**
 * sluice_key_value_tags_view_load:
 * @self: a #SluiceKeyValueTagsView
 *
 * Asks data.all for the tags (listKeyValueTags); the tags shown meanwhile stay. Does nothing
 * without a pipeline, or while the tags are loaded or saved.
 */
void
sluice_key_value_tags_view_load (SluiceKeyValueTagsView *self)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self));

  if (self->loading || self->saving || self->pipeline == NULL || self->account == NULL)
    return;
  self->requested = TRUE;
  set_busy (self, &self->loading, TRUE);
  if (self->tags == NULL)
    {
      gtk_spinner_set_spinning (self->tags_tab_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->tags_tab, "loading");
    }
  sluice_dataall_client_list_tags_async (sluice_account_get_client (self->account),
                                         sluice_pipeline_get_uri (self->pipeline),
                                         self->cancellable, load_cb, g_object_ref (self));
}

/**
 * sluice_key_value_tags_view_add_tag:
 * @self: a #SluiceKeyValueTagsView
 *
 * Adds an empty tag and focuses its key.
 */
void
sluice_key_value_tags_view_add_tag (SluiceKeyValueTagsView *self)
{
  SluiceKeyValueTagRow *row;

  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self));

  if (self->saving || !sluice_pipeline_can_add_tag (self->rows->len, NULL))
    return;
  row = add_row (self, "", "", FALSE);
  update_tags_state (self);
  gtk_widget_grab_focus (sluice_key_value_tag_row_get_key_field (row));
}

/**
 * sluice_key_value_tags_view_revert:
 * @self: a #SluiceKeyValueTagsView
 *
 * Shows data.all's tags again, dropping the changes and the last save's error.
 */
void
sluice_key_value_tags_view_revert (SluiceKeyValueTagsView *self)
{
  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self));

  if (self->saving)
    return;
  gtk_widget_set_visible (self->tags_save_error, FALSE);
  show_tags (self);
}

/**
 * sluice_key_value_tags_view_save:
 * @self: a #SluiceKeyValueTagsView
 *
 * Sends all the tags to data.all (updateKeyValueTags), unless one is wrong: then the focus goes
 * to the first field in error.
 */
void
sluice_key_value_tags_view_save (SluiceKeyValueTagsView *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  GtkWidget *invalid;

  g_return_if_fail (SLUICE_IS_KEY_VALUE_TAGS_VIEW (self));

  if (self->saving || self->pipeline == NULL || self->account == NULL ||
      !sluice_key_value_tags_view_get_changed (self))
    return;
  self->save_tried = TRUE;
  invalid = validate_tags (self);
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return;
    }

  /* data.all replaces the pipeline's tags with the list it is sent: send them all. */
  tags = g_ptr_array_new_with_free_func ((GDestroyNotify) sluice_key_value_tag_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      SluiceKeyValueTagRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *key = sluice_key_value_tag_row_dup_clean_key (row);
      g_autofree char *value = sluice_key_value_tag_row_dup_clean_value (row);

      g_ptr_array_add (tags, sluice_key_value_tag_new (key, value, sluice_key_value_tag_row_get_cascade (row)));
    }
  gtk_widget_set_visible (self->tags_save_error, FALSE);
  set_busy (self, &self->saving, TRUE);
  update_tags_state (self);
  sluice_dataall_client_update_tags_async (sluice_account_get_client (self->account),
                                           sluice_pipeline_get_uri (self->pipeline), tags,
                                           self->cancellable, save_cb, g_object_ref (self));
}
