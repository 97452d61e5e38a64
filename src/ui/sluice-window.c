/* sluice-window.c
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sluice-a11y.h"
#include "sluice-create-wizard.h"
#include "sluice-credentials-page.h"
#include "sluice-account-manager.h"
#include "sluice-dataall-api.h"
#include "sluice-error-box.h"
#include "sluice-pipeline-draft.h"
#include "sluice-pipelines-view.h"
#include "sluice-settings.h"
#include "sluice-window.h"

struct _SluiceWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SluiceAccountManager *accounts;
  SluiceAccount        *account;          /* the active account */
  GSignalGroup         *account_signals;
  GCancellable         *cancellable;
  GCancellable         *probe_cancellable;
  gboolean              restoring;
  gboolean              probing;
  gboolean              probed;
  gboolean              pipelines_enabled;
  char                 *resume_checked;  /* the account whose unfinished pipeline was looked for */
  GError               *probe_error;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *account_button;
  AdwAvatar            *account_avatar;
  GMenu                *account_list_section;
  GtkStack             *pipelines_stack;
  AdwStatusPage        *signed_out_page;
  AdwStatusPage        *disabled_page;
  AdwStatusPage        *error_page;
  SluiceErrorBox       *error_box;
  GtkSpinner           *restoring_spinner;
  AdwBin               *credentials_bin;
  /* Built when first shown, so that the first frame only pays for the page it shows. */
  SluiceCredentialsPage *credentials_page;
  SluicePipelinesView  *pipelines_view;
};

G_DEFINE_FINAL_TYPE (SluiceWindow, sluice_window, ADW_TYPE_APPLICATION_WINDOW)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
select_sidebar_row_for_page (SluiceWindow *self,
                             const char   *page)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), page) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, row);
          return;
        }
    }
}

static void
rebuild_account_menu (SluiceWindow *self)
{
  g_menu_remove_all (self->account_list_section);

  if (self->accounts == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(SluiceAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      const char *email = sluice_account_get_email (account);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (email != NULL)
        /* Translators: an account in the account menu: "<account name> (<e-mail address>)" */
        label = g_strdup_printf (_("%s (%s)"), sluice_account_get_name (account), email);
      else
        label = g_strdup (sluice_account_get_name (account));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.switch-account", "s", sluice_account_get_id (account));
      g_menu_append_item (self->account_list_section, item);
    }
}

static void check_pipelines (SluiceWindow *self);

/* The content's header names the page shown, and while a pipeline's page is open, the
 * pipeline: GNOME apps title what they show. */
static void
update_content_title (SluiceWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *title = child ? gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)) : NULL;

  if (self->pipelines_view != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "pipelines") == 0 &&
      gtk_stack_get_visible_child (self->pipelines_stack) == GTK_WIDGET (self->pipelines_view) &&
      sluice_pipelines_view_get_title (self->pipelines_view) != NULL)
    title = sluice_pipelines_view_get_title (self->pipelines_view);
  adw_window_title_set_title (self->content_title, title ? title : "");
}

static void
ensure_pipelines_view (SluiceWindow *self)
{
  if (self->pipelines_view != NULL)
    return;

  self->pipelines_view = sluice_pipelines_view_new ();
  gtk_stack_add_named (self->pipelines_stack, GTK_WIDGET (self->pipelines_view), "browser");
  sluice_pipelines_view_set_account (self->pipelines_view, self->account);
  g_signal_connect_object (self->pipelines_view, "notify::title", G_CALLBACK (update_content_title), self,
                           G_CONNECT_SWAPPED);
}

static void
ensure_credentials_page (SluiceWindow *self)
{
  if (self->credentials_page != NULL)
    return;

  self->credentials_page = SLUICE_CREDENTIALS_PAGE (sluice_credentials_page_new ());
  adw_bin_set_child (self->credentials_bin, GTK_WIDGET (self->credentials_page));
  if (self->accounts != NULL)
    sluice_credentials_page_set_account_manager (self->credentials_page, self->accounts);
}

static void
update_new_pipeline_action (SluiceWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-pipeline",
                                 self->account != NULL &&
                                 sluice_account_get_state (self->account) == SLUICE_ACCOUNT_SIGNED_IN);
}

/* Once per account and window: a pipeline an earlier Sluice created without all its stages
 * (it was killed, or the computer went down) opens in the wizard, which says so and offers
 * the remaining stages. Nothing half-created goes untold. */
static void
offer_unfinished_pipeline (SluiceWindow *self)
{
  g_autoptr(SluicePipelineDraft) draft = NULL;
  const char *id = sluice_account_get_id (self->account);

  if (g_strcmp0 (self->resume_checked, id) == 0)
    return;
  g_free (self->resume_checked);
  self->resume_checked = g_strdup (id);
  draft = sluice_pipeline_draft_load (self->settings, id);
  /* Or one killed while createDataPipeline was under way: data.all may have it. */
  if (draft != NULL &&
      (sluice_pipeline_draft_get_created_uri (draft) != NULL ||
       (sluice_pipeline_draft_get_in_flight (draft) &&
        sluice_pipeline_draft_get_labelled_before (draft) != NULL)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-pipeline", NULL);
}

static void
update_account_ui (SluiceWindow *self)
{
  SluiceAccount *account = self->account;
  const char *name;
  const char *email;
  g_autofree char *text = NULL;

  rebuild_account_menu (self);
  update_new_pipeline_action (self);
  g_debug ("Account %s, state %d", account ? sluice_account_get_id (account) : "none",
           account ? (int) sluice_account_get_state (account) : -1);

  if (account == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->account_button), FALSE);
      gtk_spinner_stop (self->restoring_spinner);
      gtk_stack_set_visible_child_name (self->pipelines_stack, "welcome");
      return;
    }

  name = sluice_account_get_name (account);
  email = sluice_account_get_email (account);

  gtk_widget_set_visible (GTK_WIDGET (self->account_button), TRUE);
  adw_avatar_set_text (self->account_avatar, email ? email : name);
  /* Translators: the account button's tooltip: "<account name>: <e-mail address or 'signed out'>" */
  text = g_strdup_printf (_("%s: %s"), name, email ? email : _("signed out"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  g_clear_pointer (&text, g_free);

  if (self->restoring || sluice_account_get_state (account) == SLUICE_ACCOUNT_SIGNING_IN)
    {
      gtk_spinner_start (self->restoring_spinner);
      gtk_stack_set_visible_child_name (self->pipelines_stack, "restoring");
      return;
    }

  gtk_spinner_stop (self->restoring_spinner);

  if (sluice_account_get_state (account) == SLUICE_ACCOUNT_SIGNED_IN)
    {
      if (!self->probed && !self->probing)
        {
          check_pipelines (self);
          return;
        }
      if (self->probing)
        {
          gtk_spinner_start (self->restoring_spinner);
          gtk_stack_set_visible_child_name (self->pipelines_stack, "restoring");
          return;
        }

      if (self->probe_error != NULL)
        {
          adw_status_page_set_description (self->error_page, self->probe_error->message);
          sluice_error_box_set_error (self->error_box, self->probe_error);
          gtk_stack_set_visible_child_name (self->pipelines_stack, "error");
          return;
        }

      if (!self->pipelines_enabled)
        {
          gtk_stack_set_visible_child_name (self->pipelines_stack, "disabled");
          return;
        }

      ensure_pipelines_view (self);
      gtk_stack_set_visible_child_name (self->pipelines_stack, "browser");
      offer_unfinished_pipeline (self);
    }
  else
    {
      /* Translators: %s is the name of a data.all account */
      text = g_strdup_printf (_("You are not signed in to %s. Your sign-in ended, or you signed out."), name);
      adw_status_page_set_description (self->signed_out_page, text);
      gtk_stack_set_visible_child_name (self->pipelines_stack, "signed-out");
    }
}

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SluiceWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean enabled = FALSE;
  guint count = 0;

  if (!sluice_dataall_client_probe_pipelines_finish (SLUICE_DATAALL_CLIENT (source), result,
                                                     &enabled, &count, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->probing = FALSE;
  self->probed = TRUE;
  self->pipelines_enabled = enabled;
  g_clear_error (&self->probe_error);
  self->probe_error = g_steal_pointer (&error);

  update_account_ui (self);
}

/* Right after sign-in: is the Pipelines module on, and how many pipelines can the user see? */
static void
check_pipelines (SluiceWindow *self)
{
  if (self->account == NULL || sluice_account_get_state (self->account) != SLUICE_ACCOUNT_SIGNED_IN)
    return;

  g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  self->probe_cancellable = g_cancellable_new ();
  self->probing = TRUE;
  self->probed = FALSE;
  update_account_ui (self);

  sluice_dataall_client_probe_pipelines_async (sluice_account_get_client (self->account),
                                               self->probe_cancellable, probe_cb, g_object_ref (self));
}

static void
pipeline_created_cb (SluiceCreateWizard *wizard,
                     const char         *pipeline_uri,
                     SluiceWindow       *self)
{
  /* The list does not have it yet: load it again and show the new pipeline, as the wizard's
   * "Open Pipeline" promises. */
  if (self->pipelines_view == NULL)
    {
      check_pipelines (self);
      return;
    }
  sluice_window_set_page (self, "pipelines");
  sluice_pipelines_view_show_new (self->pipelines_view, pipeline_uri);
}

static void
new_pipeline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SluiceWindow *self = SLUICE_WINDOW (widget);
  SluiceCreateWizard *wizard;

  if (self->account == NULL || sluice_account_get_state (self->account) != SLUICE_ACCOUNT_SIGNED_IN)
    return;

  /* One wizard at a time: a second Ctrl+N brings the open one forward. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (SLUICE_IS_CREATE_WIZARD (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (self))
        {
          gtk_window_present (GTK_WINDOW (toplevel));
          return;
        }
    }

  wizard = sluice_create_wizard_new (GTK_WINDOW (self), self->account);
  g_signal_connect_object (wizard, "created", G_CALLBACK (pipeline_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
check_pipelines_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  check_pipelines (SLUICE_WINDOW (widget));
}

static void
account_state_changed_cb (SluiceWindow *self)
{
  /* A new sign-in (or the end of one) asks data.all again. */
  self->probed = FALSE;
  g_clear_error (&self->probe_error);
  update_account_ui (self);
}

static void
restore_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SluiceWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  sluice_account_restore_finish (SLUICE_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    g_warning ("%s", error->message);

  self->restoring = FALSE;
  update_account_ui (self);
}

static gboolean
restore_idle_cb (gpointer user_data)
{
  SluiceWindow *self = user_data;

  /* Runs after the first frame (low priority), unless the window closed meanwhile. */
  if (self->account != NULL && !g_cancellable_is_cancelled (self->cancellable))
    sluice_account_restore_async (self->account, self->cancellable, restore_cb, g_object_ref (self));
  else
    self->restoring = FALSE;

  return G_SOURCE_REMOVE;
}

static void
active_account_changed_cb (SluiceWindow *self)
{
  SluiceAccount *account = sluice_account_manager_get_active (self->accounts);

  g_debug ("Active account changed to %s", account ? sluice_account_get_id (account) : "none");

  if (!g_set_object (&self->account, account))
    return;

  g_signal_group_set_target (self->account_signals, account);
  if (self->pipelines_view != NULL)
    sluice_pipelines_view_set_account (self->pipelines_view, account);
  g_cancellable_cancel (self->probe_cancellable);
  self->probing = FALSE;
  self->probed = FALSE;
  g_clear_error (&self->probe_error);

  /* Each account's sign-in is looked up in the keyring once, after the window is shown:
   * start-up never waits for the keyring. "Once" is per account object, whichever window
   * shows it, so the account keeps the mark. */
  if (account != NULL && sluice_account_get_state (account) == SLUICE_ACCOUNT_SIGNED_OUT &&
      sluice_account_claim_restore (account))
    {
      self->restoring = TRUE;
      g_idle_add_full (G_PRIORITY_LOW, restore_idle_cb, g_object_ref (self), g_object_unref);
    }

  update_account_ui (self);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
sidebar_row_activated_cb (SluiceWindow  *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  sluice_window_set_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
stack_visible_child_cb (SluiceWindow *self,
                        GParamSpec   *pspec,
                        GtkStack     *stack)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "credentials") == 0)
    ensure_credentials_page (self);

  update_content_title (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SluiceWindow *self = SLUICE_WINDOW (widget);

  sluice_window_set_page (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
navigate_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SluiceWindow *self = SLUICE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ------------------------------------------------------------------------ */
/* GtkWindow                                                                */
/* ------------------------------------------------------------------------ */

static gboolean
sluice_window_close_request (GtkWindow *window)
{
  SluiceWindow *self = SLUICE_WINDOW (window);
  SluiceWindowState state = { 0 };

  gtk_window_get_default_size (window, &state.width, &state.height);
  state.maximized = gtk_window_is_maximized (window);
  sluice_settings_set_window_state (self->settings, &state);

  return GTK_WINDOW_CLASS (sluice_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

/* The application is set after construction (it is no construct property): called by new(). */
static void
follow_accounts (SluiceWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (SLUICE_IS_APPLICATION (app))
    self->accounts = sluice_application_get_account_manager (SLUICE_APPLICATION (app));

  if (self->accounts != NULL)
    {
      g_object_ref (self->accounts);
      g_signal_connect_object (self->accounts, "notify::active",
                               G_CALLBACK (active_account_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->accounts, "items-changed",
                               G_CALLBACK (update_account_ui), self, G_CONNECT_SWAPPED);
      active_account_changed_cb (self);
    }
  if (self->credentials_page != NULL)
    sluice_credentials_page_set_account_manager (self->credentials_page, self->accounts);
}

static void
sluice_window_dispose (GObject *object)
{
  SluiceWindow *self = SLUICE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  g_clear_error (&self->probe_error);
  if (self->account_signals != NULL)
    g_signal_group_set_target (self->account_signals, NULL);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  if (self->pipelines_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->pipelines_stack, update_content_title, self);
  if (self->pipelines_view != NULL)
    g_signal_handlers_disconnect_by_func (self->pipelines_view, update_content_title, self);
  /* The stack owns it, and is about to let it go. */
  self->pipelines_view = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SLUICE_TYPE_WINDOW);

  G_OBJECT_CLASS (sluice_window_parent_class)->dispose (object);
}

static void
sluice_window_finalize (GObject *object)
{
  SluiceWindow *self = SLUICE_WINDOW (object);

  g_clear_object (&self->settings);
  g_free (self->resume_checked);

  G_OBJECT_CLASS (sluice_window_parent_class)->finalize (object);
}

static void
sluice_window_class_init (SluiceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sluice_window_dispose;
  object_class->finalize = sluice_window_finalize;

  window_class->close_request = sluice_window_close_request;

  g_type_ensure (SLUICE_TYPE_CREDENTIALS_PAGE);
  g_type_ensure (SLUICE_TYPE_ERROR_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sluice-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, credentials_bin);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, account_avatar);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, account_list_section);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, pipelines_stack);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, signed_out_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, restoring_spinner);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, disabled_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SluiceWindow, error_box);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_action);
  gtk_widget_class_install_action (widget_class, "win.check-pipelines", NULL, check_pipelines_action);
  gtk_widget_class_install_action (widget_class, "win.new-pipeline", NULL, new_pipeline_action);
}

static void
sluice_window_init (SluiceWindow *self)
{
  SluiceWindowState state;

  gtk_widget_init_template (GTK_WIDGET (self));
  sluice_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->account_signals = g_signal_group_new (SLUICE_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::state", G_CALLBACK (account_state_changed_cb), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::email", G_CALLBACK (update_account_ui), self);
  g_signal_group_connect_swapped (self->account_signals, "notify::name", G_CALLBACK (update_account_ui), self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_status_page_set_icon_name (self->welcome_page, "sluice-symbolic");

  self->settings = sluice_settings_new ();
  sluice_settings_get_window_state (self->settings, &state);
  gtk_window_set_default_size (GTK_WINDOW (self), state.width, state.height);
  if (state.maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  /* Signed out, the Pipelines section shows no pipeline's page. */
  g_signal_connect_object (self->pipelines_stack, "notify::visible-child", G_CALLBACK (update_content_title), self,
                           G_CONNECT_SWAPPED);
  select_sidebar_row_for_page (self, "pipelines");
  stack_visible_child_cb (self, NULL, self->stack);
  /* The content is where the user works: when the leaflet folds later (a narrower window,
   * or a page that grew wider), it stays on screen rather than giving way to the sidebar. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

SluiceWindow *
sluice_window_new (SluiceApplication *application)
{
  SluiceWindow *self;

  g_return_val_if_fail (SLUICE_IS_APPLICATION (application), NULL);

  self = g_object_new (SLUICE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  follow_accounts (self);

  return self;
}

/**
 * sluice_window_get_page:
 * @self: a #SluiceWindow
 *
 * Returns: (transfer none): the name of the page shown in the content area
 */
const char *
sluice_window_get_page (SluiceWindow *self)
{
  g_return_val_if_fail (SLUICE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
sluice_window_set_page (SluiceWindow *self,
                        const char   *page)
{
  g_return_if_fail (SLUICE_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (gtk_stack_get_child_by_name (self->stack, page) == NULL)
    {
      g_warning ("No page named “%s”", page);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  select_sidebar_row_for_page (self, page);
}
