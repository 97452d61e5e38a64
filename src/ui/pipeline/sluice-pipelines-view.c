/* sluice-pipelines-view.c: the pipelines of the active account, and one pipeline's page
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-pipelines-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-backoff.h"
#include "sluice-error-box.h"
#include "sluice-dataall-error.h"
#include "sluice-pipeline-format.h"
#include "sluice-pipeline-filters.h"
#include "sluice-pipeline-query.h"
#include "sluice-pipeline-row.h"
#include "sluice-pipelines-view-private.h"
#include "sluice-toast.h"

G_DEFINE_FINAL_TYPE (SluicePipelinesView, sluice_pipelines_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_STATE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static gboolean
update_facets_cb (gpointer user_data)
{
  SluicePipelinesView *self = user_data;

  self->facets_id = 0;
  sluice_pipeline_filters_update_facets (self->filters, self->pipelines != NULL ? G_LIST_MODEL (self->pipelines) : NULL);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
update_state (SluicePipelinesView *self)
{
  const char *state;
  const char *old = gtk_stack_get_visible_child_name (self->content_stack);
  /* Both counts from the query, as of the same moment: the list's own count runs ahead of
   * the query while the list tells its changes, and pipelines it has that the query did not
   * look at yet are no pipelines that match nothing. */
  guint n_all = sluice_pipeline_query_get_n_total (self->query);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->query));
  gboolean loading = self->pipelines != NULL && sluice_pipeline_list_get_loading (self->pipelines);

  if (self->account == NULL || sluice_account_get_state (self->account) != SLUICE_ACCOUNT_SIGNED_IN)
    state = "signed-out";
  else if (n_all == 0 && self->error != NULL &&
           g_error_matches (self->error, SLUICE_DATAALL_ERROR, SLUICE_DATAALL_ERROR_FEATURE_DISABLED))
    state = "disabled";
  else if (n_all == 0 && self->error != NULL)
    state = "error";
  else if (n_all == 0 && (loading || self->last_load == 0))
    state = "loading";
  else if (n_all == 0)
    state = "empty";
  else if (n_shown == 0 && sluice_pipeline_query_is_active (self->query))
    state = "no-match";
  else
    state = "list";

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (state, "loading"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_all > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), n_all > 0);

  if (g_str_equal (state, "list") || g_str_equal (state, "no-match"))
    {
      g_autofree char *text = NULL;

      if (n_shown == n_all)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pipeline", "%u pipelines", n_all), n_all);
      else
        /* Translators: "12 of 10000 pipelines" */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u pipeline", "%u of %u pipelines", n_all),
                                n_shown, n_all);
      gtk_label_set_text (self->count_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);

  if (g_strcmp0 (old, state) != 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, state);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_error (SluicePipelinesView *self,
           const GError        *error)
{
  g_clear_error (&self->error);
  if (error == NULL)
    return;
  self->error = g_error_copy (error);
  adw_status_page_set_description (self->error_page, error->message);
  sluice_error_box_set_error (self->error_box, error);
}

static void
show_toast (SluicePipelinesView *self,
            const char          *title)
{
  sluice_toast_show (GTK_WIDGET (self->toast_overlay), title);
}

/* ------------------------------------------------------------------------------------------ */
/* Loading and the automatic check                                                            */
/* ------------------------------------------------------------------------------------------ */

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SluicePipelinesView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sluice_pipeline_list_load_finish (SLUICE_PIPELINE_LIST (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not load pipelines: %s", error->message);
      set_error (self, error);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)) > 0)
        show_toast (self, _("Could not refresh the pipelines"));
    }
  else
    {
      set_error (self, NULL);
      /* Pipelines updated in place may now sort or match differently. */
      sluice_pipeline_query_refresh (self->query);
    }
  self->last_load = g_get_monotonic_time ();
  update_state (self);
  _sluice_pipelines_view_schedule_check (self);

  if (self->open_uri != NULL)
    {
      g_autofree char *uri = g_steal_pointer (&self->open_uri);
      SluicePipeline *pipeline = sluice_pipeline_list_find (self->pipelines, uri);

      if (pipeline != NULL)
        sluice_pipelines_view_open (self, pipeline);
    }
}

void
_sluice_pipelines_view_load (SluicePipelinesView *self)
{
  if (self->account == NULL || self->pipelines == NULL ||
      sluice_account_get_state (self->account) != SLUICE_ACCOUNT_SIGNED_IN)
    {
      update_state (self);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->check_cancellable);
  sluice_backoff_stop (self->check);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)) == 0)
    set_error (self, NULL);
  sluice_pipeline_list_load_async (self->pipelines, sluice_account_get_client (self->account), NULL,
                                   self->cancellable, load_cb, g_object_ref (self));
  update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Callbacks                                                                                  */
/* ------------------------------------------------------------------------------------------ */

static void
account_state_cb (SluicePipelinesView *self)
{
  if (self->account != NULL && sluice_account_get_state (self->account) == SLUICE_ACCOUNT_SIGNED_IN)
    {
      if (self->last_load == 0 || self->error != NULL)
        _sluice_pipelines_view_load (self);
    }
  else
    {
      g_cancellable_cancel (self->cancellable);
      sluice_backoff_stop (self->check);
    }
  update_state (self);
}

static void
list_items_changed_cb (SluicePipelinesView *self)
{
  /* The state follows the query (shown_changed_cb), which hears of this after us. */
  if (self->facets_id == 0)
    self->facets_id = g_timeout_add (200, update_facets_cb, self);
}

static void
shown_changed_cb (SluicePipelinesView *self)
{
  update_state (self);
}

static void
search_changed_cb (SluicePipelinesView *self)
{
  sluice_pipeline_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (SluicePipelinesView *self)
{
  g_autoptr(SluicePipeline) pipeline = NULL;

  /* Enter in the search opens the first match. */
  sluice_pipeline_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  pipeline = g_list_model_get_item (G_LIST_MODEL (self->query), 0);
  if (pipeline != NULL)
    sluice_pipelines_view_open (self, pipeline);
}

static void
list_activate_cb (SluicePipelinesView *self,
                  guint                position)
{
  g_autoptr(SluicePipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (self->query), position);

  if (pipeline != NULL)
    sluice_pipelines_view_open (self, pipeline);
}

static void
leaflet_transition_cb (SluicePipelinesView *self)
{
  /* Once back on the list, the page goes: it stops following its stack. */
  if (!adw_leaflet_get_child_transition_running (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->list_page)
    {
      adw_bin_set_child (self->page_bin, NULL);
      /* The page updated its pipeline in place: a new label sorts and matches anew, and
       * new tags are offered as filters. */
      sluice_pipeline_query_refresh (self->query);
      if (self->facets_id == 0)
        self->facets_id = g_timeout_add (200, update_facets_cb, self);
    }
}

/* The pipeline's name while its page is shown, for the window's title. */
static void
update_title (SluicePipelinesView *self)
{
  SluicePipelinePage *page = sluice_pipelines_view_get_page (self);
  SluicePipeline *pipeline = page != NULL ? sluice_pipeline_page_get_pipeline (page) : NULL;
  const char *title = pipeline != NULL ? sluice_pipeline_get_label (pipeline) : NULL;

  g_signal_group_set_target (self->page_signals, pipeline);
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static gboolean
page_shown (SluicePipelinesView *self)
{
  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->page_bin) &&
         adw_bin_get_child (self->page_bin) != NULL;
}

static void
show_list (SluicePipelinesView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* The page's pipeline is gone: back to the list, without it. */
static void
page_deleted_cb (SluicePipelinesView *self,
                 const char          *uri)
{
  if (self->pipelines != NULL)
    sluice_pipeline_list_remove (self->pipelines, uri);
  if (page_shown (self))
    show_list (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Actions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (widget);

  if (page_shown (self))
    show_list (self);
  else
    /* Nothing to go back to here: the window's own Back (its leaflet) takes it. */
    gtk_widget_activate_action (gtk_widget_get_parent (widget), "win.navigate-back", NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (widget);

  if (page_shown (self))
    sluice_pipeline_page_reload (SLUICE_PIPELINE_PAGE (adw_bin_get_child (self->page_bin)));
  else
    _sluice_pipelines_view_load (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (widget);

  if (page_shown (self))
    adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (widget);

  sluice_pipeline_filters_reset (self->filters);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  sluice_pipeline_query_clear (self->query);
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void
sluice_pipelines_view_map (GtkWidget *widget)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (widget);

  GTK_WIDGET_CLASS (sluice_pipelines_view_parent_class)->map (widget);

  /* Coming back after a long time away: check now rather than wait another minute. */
  if (self->last_load != 0 && sluice_backoff_is_scheduled (self->check) && self->error == NULL &&
      g_get_monotonic_time () - self->last_load >
      (gint64) sluice_backoff_get_initial_interval (self->check) * 1000)
    sluice_backoff_start_now (self->check);
}

static void
sluice_pipelines_view_dispose (GObject *object)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->check_cancellable);
  sluice_backoff_stop (self->check);
  g_clear_handle_id (&self->facets_id, g_source_remove);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  if (self->list_signals != NULL)
    g_signal_group_set_target (self->list_signals, NULL);
  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINES_VIEW);

  g_clear_object (&self->account_signals);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->page_signals);
  g_clear_object (&self->account);
  g_clear_object (&self->query);
  g_clear_object (&self->pipelines);

  G_OBJECT_CLASS (sluice_pipelines_view_parent_class)->dispose (object);
}

static void
sluice_pipelines_view_finalize (GObject *object)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (object);

  g_clear_object (&self->check);
  g_clear_error (&self->error);
  g_clear_pointer (&self->open_uri, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (sluice_pipelines_view_parent_class)->finalize (object);
}

static void
sluice_pipelines_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_STATE:
      g_value_set_string (value, sluice_pipelines_view_get_state (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipelines_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SluicePipelinesView *self = SLUICE_PIPELINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      sluice_pipelines_view_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sluice_pipelines_view_class_init (SluicePipelinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sluice_pipelines_view_dispose;
  object_class->finalize = sluice_pipelines_view_finalize;
  object_class->get_property = sluice_pipelines_view_get_property;
  object_class->set_property = sluice_pipelines_view_set_property;

  widget_class->map = sluice_pipelines_view_map;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SLUICE_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SluicePipelinesView:title:
   *
   * The name of the pipeline whose page is shown, %NULL while the list is: what the window
   * calls what it shows.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLUICE_TYPE_PIPELINE_PAGE);

  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  g_type_ensure (SLUICE_TYPE_PIPELINE_FILTERS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipelines-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, list_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, page_bin);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, filters);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinesView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_transition_cb);

  gtk_widget_class_install_action (widget_class, "pipelines.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "pipelines.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "pipelines.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "pipelines.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "pipelines.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pipelines.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "pipelines.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "pipelines.refresh", NULL);
}

static void
sluice_pipelines_view_init (SluicePipelinesView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  guint check_base;

  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  /* Tests shorten the automatic check's interval; nothing else should. */
  check_base = CHECK_INTERVAL_SECONDS;
  if (g_getenv ("SLUICE_TEST_CHECK_SECONDS") != NULL)
    check_base = MAX (1, (guint) g_ascii_strtoull (g_getenv ("SLUICE_TEST_CHECK_SECONDS"), NULL, 10));
  self->check = sluice_backoff_new (check_base * 1000, MAX (check_base, CHECK_MAX_INTERVAL_SECONDS) * 1000);
  g_signal_connect_swapped (self->check, "tick", G_CALLBACK (_sluice_pipelines_view_check_tick), self);
  self->query = sluice_pipeline_query_new (NULL);
  sluice_pipeline_filters_set_query (self->filters, self->query);
  /* Once per change of the search, however many items-changed told it. */
  g_signal_connect_swapped (self->query, "notify::n-items", G_CALLBACK (shown_changed_cb), self);
  g_signal_connect_swapped (self->query, "notify::n-total", G_CALLBACK (shown_changed_cb), self);

  self->account_signals = g_signal_group_new (SLUICE_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::state", G_CALLBACK (account_state_cb), self);
  self->list_signals = g_signal_group_new (SLUICE_TYPE_PIPELINE_LIST);
  g_signal_group_connect_swapped (self->list_signals, "items-changed", G_CALLBACK (list_items_changed_cb), self);
  g_signal_group_connect_swapped (self->list_signals, "notify::loading", G_CALLBACK (update_state), self);
  self->page_signals = g_signal_group_new (SLUICE_TYPE_PIPELINE);
  g_signal_group_connect_swapped (self->page_signals, "notify::label", G_CALLBACK (update_title), self);
  /* Back on the list, the window says so at once, not once the page slid away. */
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (update_title), self);

  factory = sluice_pipeline_row_factory_new ();
  gtk_grid_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->query)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_facets_cb (self);
  update_state (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                 */
/* ------------------------------------------------------------------------------------------ */

SluicePipelinesView *
sluice_pipelines_view_new (void)
{
  return g_object_new (SLUICE_TYPE_PIPELINES_VIEW, NULL);
}

SluiceAccount *
sluice_pipelines_view_get_account (SluicePipelinesView *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINES_VIEW (self), NULL);

  return self->account;
}

/**
 * sluice_pipelines_view_set_account:
 * @self: a #SluicePipelinesView
 * @account: (nullable): the account whose pipelines to show
 *
 * Shows @account's pipelines, loading them as soon as it is signed in (and again when it
 * signs in after signing out). The list belongs to the view: another account starts afresh.
 */
void
sluice_pipelines_view_set_account (SluicePipelinesView *self,
                                   SluiceAccount       *account)
{
  g_return_if_fail (SLUICE_IS_PIPELINES_VIEW (self));
  g_return_if_fail (account == NULL || SLUICE_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->check_cancellable);
  sluice_backoff_stop (self->check);
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  adw_bin_set_child (self->page_bin, NULL);
  update_title (self);

  g_set_object (&self->account, account);
  g_signal_group_set_target (self->account_signals, account);
  g_clear_pointer (&self->open_uri, g_free);

  g_signal_group_set_target (self->list_signals, NULL);
  sluice_pipeline_query_set_model (self->query, NULL);
  g_clear_object (&self->pipelines);
  set_error (self, NULL);
  self->last_load = 0;
  sluice_backoff_reset (self->check);
  if (account != NULL)
    {
      self->pipelines = sluice_pipeline_list_new ();
      g_signal_group_set_target (self->list_signals, self->pipelines);
      sluice_pipeline_query_set_model (self->query, G_LIST_MODEL (self->pipelines));
    }

  account_state_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * sluice_pipelines_view_get_state:
 * @self: a #SluicePipelinesView
 *
 * Returns: what the list page shows: `signed-out`, `loading`, `empty`, `no-match`,
 *   `error`, `disabled` or `list`
 */
const char *
sluice_pipelines_view_get_state (SluicePipelinesView *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINES_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

SluicePipelineList *
sluice_pipelines_view_get_pipelines (SluicePipelinesView *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINES_VIEW (self), NULL);

  return self->pipelines;
}

/**
 * sluice_pipelines_view_get_shown:
 * @self: a #SluicePipelinesView
 *
 * Returns: (transfer none): the pipelines the list shows, sorted and filtered
 */
GListModel *
sluice_pipelines_view_get_shown (SluicePipelinesView *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINES_VIEW (self), NULL);

  return G_LIST_MODEL (self->query);
}

void
sluice_pipelines_view_set_search (SluicePipelinesView *self,
                                  const char          *search)
{
  g_return_if_fail (SLUICE_IS_PIPELINES_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  sluice_pipeline_query_set_search (self->query, search);
}

/**
 * sluice_pipelines_view_open:
 * @self: a #SluicePipelinesView
 * @pipeline: one of the list's pipelines
 *
 * Shows @pipeline's page.
 */
void
sluice_pipelines_view_open (SluicePipelinesView *self,
                            SluicePipeline      *pipeline)
{
  SluicePipelinePage *page;

  g_return_if_fail (SLUICE_IS_PIPELINES_VIEW (self));
  g_return_if_fail (SLUICE_IS_PIPELINE (pipeline));
  g_return_if_fail (self->account != NULL);

  page = sluice_pipeline_page_new (self->account, pipeline);
  g_signal_connect_object (page, "deleted", G_CALLBACK (page_deleted_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->page_bin, GTK_WIDGET (page));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page_bin));
  update_title (self);
  /* The keyboard follows: the page's shortcuts (Ctrl+E, Alt+1…3) work from the start. */
  gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

/**
 * sluice_pipelines_view_show_new:
 * @self: a #SluicePipelinesView
 * @uri: the URI of a pipeline just created
 *
 * Loads the list again, which now has a pipeline it did not have, and shows that pipeline's
 * page once the list has it.
 */
void
sluice_pipelines_view_show_new (SluicePipelinesView *self,
                                const char          *uri)
{
  g_return_if_fail (SLUICE_IS_PIPELINES_VIEW (self));
  g_return_if_fail (uri != NULL);

  g_free (self->open_uri);
  self->open_uri = g_strdup (uri);
  _sluice_pipelines_view_load (self);
}

/**
 * sluice_pipelines_view_get_page:
 * @self: a #SluicePipelinesView
 *
 * Returns: (transfer none) (nullable): the pipeline page shown, if any
 */
SluicePipelinePage *
sluice_pipelines_view_get_page (SluicePipelinesView *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINES_VIEW (self), NULL);

  return page_shown (self) ? SLUICE_PIPELINE_PAGE (adw_bin_get_child (self->page_bin)) : NULL;
}

/**
 * sluice_pipelines_view_get_title:
 * @self: a #SluicePipelinesView
 *
 * Returns: (nullable): the name of the pipeline whose page is shown, %NULL on the list
 */
const char *
sluice_pipelines_view_get_title (SluicePipelinesView *self)
{
  g_return_val_if_fail (SLUICE_IS_PIPELINES_VIEW (self), NULL);

  return self->title;
}
