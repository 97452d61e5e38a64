/* sluice-stages-view-private.h: what the Stages tab's files share, and what tests may ask it
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-codepipeline-client.h"
#include "sluice-git.h"
#include "sluice-stages-graph.h"
#include "sluice-stages-history.h"
#include "sluice-stages-view.h"

G_BEGIN_DECLS

typedef enum
{
  ACTION_NONE,
  ACTION_APPROVE,
  ACTION_REJECT,
  ACTION_RETRY,
  ACTION_RELEASE,
  ACTION_STOP,
  ACTION_DISABLE,
  ACTION_ENABLE,
} StagesAction;

/* A test's look at the notifications the tab sends (see notify_step()). */
typedef void (*SluiceStagesNotifyHook) (const char *id,
                                        const char *title,
                                        const char *body,
                                        gpointer    user_data);

/* The tab is one class in two files: sluice-stages-view.c (state, refresh, the graph and the
 * history) and sluice-stages-view-actions.c (a node's details, the Review dialog, the
 * confirmations and the CodePipeline calls they make). */
struct _SluiceStagesView
{
  AdwBin                    parent_instance;

  SluiceAccount            *account;
  SluicePipeline           *pipeline;
  SluiceDeployment         *deployment;
  SluiceCodePipelineClient *client;
  SluiceGitRemote          *remote;
  GCancellable             *cancellable;
  GHashTable               *shown;         /* node id → SluiceDeploymentStatus last drawn */
  char                     *shape;         /* the strategy and stages the graph was built for */
  char                     *message;       /* the sentence shown instead of the graph */
  char                     *summary;       /* the deployment's state in words, for the header */
  const char               *summary_class;
  char                     *action_error;
  guint                     timeout_id;
  guint                     interval;
  guint                     n_refreshes;
  gboolean                  requested;       /* the tab was shown */
  gboolean                  following;       /* the page reads the deployment for its header */
  gboolean                  branches_wanted; /* asked for the branches while a refresh ran */
  gboolean                  stale;           /* an answer came while out of any window */
  gboolean                  loading;
  gboolean                  has_data;
  gboolean                  branches_known;
  gboolean                  disposed;
  gboolean                  acting;

  /* the dialog open now and what it is about */
  AdwMessageDialog         *dialog;
  GtkTextView              *comment_view;
  GtkEditable              *reason_entry;
  char                     *dialog_lane;
  char                     *dialog_step;
  StagesAction              dialog_action;   /* what a confirmation confirms */

  SluiceStagesNotifyHook    notify_hook;
  gpointer                  notify_hook_data;

  /* Template widgets */
  GtkStack                 *stack;
  AdwStatusPage            *message_page;
  SluiceStagesGraph        *graph;
  GtkLabel                 *error_label;
  GtkButton                *release_button;
  SluiceStagesHistory      *history;
};

void               _sluice_stages_view_start_refresh    (SluiceStagesView *self,
                                                         gboolean          read_branches);
void               _sluice_stages_view_close_dialog     (SluiceStagesView *self);
void               _sluice_stages_view_install_actions  (GtkWidgetClass   *widget_class);

/* For tests and benches. */
SluiceStagesGraph *_sluice_stages_view_get_graph    (SluiceStagesView *self);
/* The dialog open now (details, Review, a confirmation), or NULL. */
AdwMessageDialog  *_sluice_stages_view_get_dialog   (SluiceStagesView *self);
GtkTextView       *_sluice_stages_view_get_comment_view (SluiceStagesView *self);
GtkEditable       *_sluice_stages_view_get_reason_entry (SluiceStagesView *self);
guint              _sluice_stages_view_get_n_refreshes  (SluiceStagesView *self);
guint              _sluice_stages_view_get_interval     (SluiceStagesView *self);
/* The last action's failure as shown, or NULL. */
const char        *_sluice_stages_view_get_action_error (SluiceStagesView *self);
gboolean           _sluice_stages_view_get_acting       (SluiceStagesView *self);
/* Every notification the tab sends goes to @hook too, also without a registered application. */
void               _sluice_stages_view_set_notify_hook  (SluiceStagesView       *self,
                                                         SluiceStagesNotifyHook  hook,
                                                         gpointer                user_data);
/* Whether the history and "what is where" show this text somewhere. */
gboolean           _sluice_stages_view_history_shows    (SluiceStagesView *self,
                                                         const char       *text);

G_END_DECLS
