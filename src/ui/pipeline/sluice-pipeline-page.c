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
#include "sluice-deployment-tab.h"
#include "sluice-error-box.h"
#include "sluice-heading-box.h"
#include "sluice-key-value-tags-view.h"
#include "sluice-pipeline-overview.h"
#include "sluice-pipeline-page-private.h"
#include "sluice-stack-view.h"
#include "sluice-status-badge.h"
#include "sluice-toast.h"

/**
 * SluicePipelinePage:
 *
 * The shell of a pipeline's page: its header (name, stack status, Edit, Delete, AWS
 * credentials) and its tabs, each a class of its own: #SluicePipelineOverview,
 * #SluiceStackView and #SluiceKeyValueTagsView. The page loads the pipeline (one
 * getDataPipeline, which is all the Overview needs), hands it to the tabs, and routes the
 * page's actions and shortcuts to them; a tab loads its own data when first shown.
 */
G_DEFINE_FINAL_TYPE (SluicePipelinePage, sluice_pipeline_page, ADW_TYPE_BIN)

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

void
_sluice_pipeline_page_set_loading (SluicePipelinePage *self,
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
/* The header and the tabs                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* The stack's status is in the header on every tab; the Stack tab follows it. */
static void
stack_changed_cb (SluicePipelinePage *self)
{
  SluiceStack *stack = sluice_stack_view_get_stack (self->stack_view);
  const char *status = stack != NULL ? sluice_stack_get_status (stack) : NULL;
  gboolean busy = stack != NULL && sluice_stack_is_busy (stack);

  /* The list's row shows what the page learnt, at once. */
  if (stack != NULL)
    sluice_pipeline_set_stack (self->pipeline, stack);
  sluice_status_badge_set_status (self->stack_badge, status);
  gtk_widget_set_visible (GTK_WIDGET (self->stack_spinner), busy);
  gtk_spinner_set_spinning (self->stack_spinner, busy);
  if (g_strcmp0 (self->stack_status, status) == 0)
    return;
  g_free (self->stack_status);
  self->stack_status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK_STATUS]);
}

/* The page's actions stand for the tabs' commands: they are enabled as the tabs say. */
static void
logs_state_cb (SluicePipelinePage *self)
{
  SluiceStackLogs *logs = sluice_stack_view_get_logs (self->stack_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-logs", sluice_stack_logs_get_copyable (logs));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refresh-logs", !sluice_stack_logs_get_loading (logs));
}

static void
tags_state_cb (SluicePipelinePage *self)
{
  gboolean can_save = FALSE;

  g_object_get (self->tags_view, "can-save", &can_save, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-tags", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.revert-tags", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-tag",
                                 sluice_key_value_tags_view_get_can_add (self->tags_view));
}

static void
tags_saved_cb (SluicePipelinePage *self)
{
  sluice_stack_view_follow_redeploy (self->stack_view);
}

static void
show_pipeline (SluicePipelinePage *self)
{
  gtk_label_set_text (self->title_label, sluice_pipeline_get_label (self->pipeline));
  gtk_widget_set_sensitive (GTK_WIDGET (self->credentials_button), self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.clone", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.show-tab", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.next-tab", self->complete);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.previous-tab", self->complete);
  if (!self->complete)
    {
      /* The list's pipeline may be stale: its stack is shown, not followed. */
      sluice_stack_view_set_stack (self->stack_view, sluice_pipeline_get_stack (self->pipeline));
      return;
    }
  sluice_stack_view_set_pipeline (self->stack_view, self->pipeline);
  sluice_key_value_tags_view_set_pipeline (self->tags_view, self->pipeline);
  sluice_stages_view_set_pipeline (self->stages_view, self->pipeline);
  sluice_pipeline_overview_set_pipeline (self->overview, self->pipeline);
  gtk_stack_set_visible_child_name (self->stack, "content");
  /* The header's "Deployment: …" from the page's first answer on, not from the Stages tab's:
   * CodePipeline (and the pipeline's keys) are asked only after data.all answered for the
   * Overview, which stays one request. */
  sluice_stages_view_follow (self->stages_view);
}

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
  _sluice_pipeline_page_set_loading (self, FALSE);

  if (pipeline == NULL)
    {
      /* With the pipeline shown, a toast says so and it stays; otherwise the error page. */
      if (self->complete)
        {
          sluice_toast_show (GTK_WIDGET (self->toast_overlay), error->message);
          return;
        }
      adw_status_page_set_description (self->error_page, error->message);
      sluice_error_box_set_error (self->error_box, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* One object for the pipeline, the list's: its row shows what getDataPipeline said. */
  sluice_pipeline_update_from_pipeline (self->pipeline, pipeline);
  self->complete = TRUE;
  show_pipeline (self);
}

/* A tab loads its data when it is first shown, so that the Overview needs one request. */
static void
view_stack_changed_cb (SluicePipelinePage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "stack") == 0 && !sluice_stack_view_get_requested (self->stack_view))
    sluice_stack_view_load (self->stack_view);
  else if (g_strcmp0 (name, "tags") == 0 && !sluice_key_value_tags_view_get_requested (self->tags_view))
    sluice_key_value_tags_view_load (self->tags_view);
  else if (g_strcmp0 (name, "stages") == 0 && !sluice_stages_view_get_requested (self->stages_view))
    sluice_stages_view_load (self->stages_view);
  else if (g_strcmp0 (name, "deployment") == 0)
    sluice_deployment_tab_show (SLUICE_DEPLOYMENT_TAB (adw_view_stack_get_visible_child (self->view_stack)),
                                self->account, self->pipeline);
}

/* The deployment's state beside the stack's, once CodePipeline answered. */
static void
deployment_summary_cb (SluicePipelinePage *self)
{
  const char *summary = sluice_stages_view_get_summary (self->stages_view);
  const char *classes[] = { "status-badge", sluice_stages_view_get_summary_class (self->stages_view), NULL };
  g_autofree char *name = summary != NULL ? g_strdup_printf (_("Deployment: %s"), summary) : NULL;

  gtk_label_set_text (self->deployment_badge, name);
  gtk_widget_set_css_classes (GTK_WIDGET (self->deployment_badge), classes);
  gtk_widget_set_visible (GTK_WIDGET (self->deployment_badge), summary != NULL);
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

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_PIPELINE_PAGE);

  g_clear_object (&self->pipeline);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (sluice_pipeline_page_parent_class)->dispose (object);
}

static void
sluice_pipeline_page_finalize (GObject *object)
{
  SluicePipelinePage *self = SLUICE_PIPELINE_PAGE (object);

  g_clear_pointer (&self->stack_status, g_free);

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

  sluice_stack_view_set_account (self->stack_view, self->account);
  sluice_key_value_tags_view_set_account (self->tags_view, self->account);
  sluice_stages_view_set_account (self->stages_view, self->account);
  sluice_pipeline_overview_set_account (self->overview, self->account);
  g_signal_connect_object (self->overview, "notify::clone-path",
                           G_CALLBACK (_sluice_pipeline_page_update_clone_button), self, G_CONNECT_SWAPPED);
  _sluice_pipeline_page_update_clone_button (self);
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
   * The pipeline was deleted from this page; the page's container leaves it.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SLUICE_TYPE_DEPLOYMENT_TAB);
  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  g_type_ensure (SLUICE_TYPE_HEADING_BOX);
  g_type_ensure (SLUICE_TYPE_KEY_VALUE_TAGS_VIEW);
  g_type_ensure (SLUICE_TYPE_PIPELINE_OVERVIEW);
  g_type_ensure (SLUICE_TYPE_STACK_VIEW);
  g_type_ensure (SLUICE_TYPE_STAGES_VIEW);
  g_type_ensure (SLUICE_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/pipeline/sluice-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, heading_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_badge);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, credentials_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, clone_button);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, error_box);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, switcher);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, overview);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stack_view);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, tags_view);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, stages_view);
  gtk_widget_class_bind_template_child (widget_class, SluicePipelinePage, deployment_badge);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_changed_cb);

  _sluice_pipeline_page_install_actions (widget_class);
}

static void
sluice_pipeline_page_init (SluicePipelinePage *self)
{
  SluiceStackLogs *logs;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  logs = sluice_stack_view_get_logs (self->stack_view);
  g_signal_connect_object (self->stack_view, "notify::stack", G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (logs, "notify::copyable", G_CALLBACK (logs_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (logs, "notify::loading", G_CALLBACK (logs_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tags_view, "notify::can-save", G_CALLBACK (tags_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tags_view, "notify::can-add", G_CALLBACK (tags_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tags_view, "saved", G_CALLBACK (tags_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stages_view, "notify::summary", G_CALLBACK (deployment_summary_cb), self, G_CONNECT_SWAPPED);

  name_switcher_buttons (self->switcher, self->view_stack);
  name_switcher_buttons (self->narrow_switcher, self->view_stack);
  stack_changed_cb (self);
  logs_state_cb (self);
  tags_state_cb (self);
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
  SluiceStack *stack;

  g_return_val_if_fail (SLUICE_IS_PIPELINE_PAGE (self), NULL);

  stack = sluice_stack_view_get_stack (self->stack_view);
  return stack != NULL ? sluice_stack_get_status (stack) : NULL;
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

  return self->loading || sluice_stack_view_get_loading (self->stack_view) ||
         sluice_key_value_tags_view_get_loading (self->tags_view);
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
  if (self->complete && g_strcmp0 (tab, "stack") == 0 && sluice_stack_view_get_requested (self->stack_view))
    sluice_stack_view_load (self->stack_view);
  else if (self->complete && g_strcmp0 (tab, "tags") == 0 &&
           sluice_key_value_tags_view_get_requested (self->tags_view) &&
           !sluice_key_value_tags_view_get_changed (self->tags_view))
    sluice_key_value_tags_view_load (self->tags_view);
  else if (self->complete && g_strcmp0 (tab, "stages") == 0 && sluice_stages_view_get_requested (self->stages_view))
    sluice_stages_view_refresh (self->stages_view);

  if (self->loading)
    return;
  if (!self->complete)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  _sluice_pipeline_page_set_loading (self, TRUE);
  self->n_requests++;
  sluice_dataall_client_get_pipeline_async (sluice_account_get_client (self->account),
                                            sluice_pipeline_get_uri (self->pipeline),
                                            self->cancellable, get_pipeline_cb, g_object_ref (self));
}
