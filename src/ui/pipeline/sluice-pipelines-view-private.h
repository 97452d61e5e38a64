/* sluice-pipelines-view-private.h: SluicePipelinesView's fields, shared by the view
 * (sluice-pipelines-view.c) and its automatic check (sluice-pipelines-view-check.c)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sluice-backoff.h"
#include "sluice-error-box.h"
#include "sluice-pipeline-filters.h"
#include "sluice-pipeline-query.h"
#include "sluice-pipelines-view.h"

G_BEGIN_DECLS

/* The automatic check: the count and the first page, at most once a minute, backing off
 * (doubling, up to a quarter of an hour) when the firewall or the gateway says no. */
#define CHECK_INTERVAL_SECONDS     60
#define CHECK_MAX_INTERVAL_SECONDS (16 * 60)
#define CHECK_PAGE_SIZE            50

struct _SluicePipelinesView
{
  AdwBin                parent_instance;

  SluiceAccount        *account;
  GSignalGroup         *account_signals;
  SluicePipelineList   *pipelines;
  GSignalGroup         *list_signals;
  SluicePipelineQuery  *query;              /* what the list shows: search, filters, order */
  GCancellable         *cancellable;        /* the list's load */
  GCancellable         *check_cancellable;  /* the automatic check */
  GError               *error;
  SluiceBackoff        *check;              /* the automatic check's timer */
  gint64                last_load;
  char                 *open_uri;           /* to show once the list has it: a new pipeline */
  GSignalGroup         *page_signals;       /* the pipeline whose page is shown */
  char                 *title;
  guint                 facets_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_page;
  AdwBin               *page_bin;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  SluicePipelineFilters *filters;
  GtkStack             *content_stack;
  GtkSpinner           *loading_spinner;
  GtkGridView          *list_view;
  AdwStatusPage        *error_page;
  SluiceErrorBox       *error_box;
  GtkLabel             *count_label;
};

/* sluice-pipelines-view.c */
void _sluice_pipelines_view_load           (SluicePipelinesView *self);

/* sluice-pipelines-view-check.c */
void _sluice_pipelines_view_check_tick     (SluicePipelinesView *self);
void _sluice_pipelines_view_schedule_check (SluicePipelinesView *self);

G_END_DECLS
