/* test-stages-graph.c: the stages graph: statuses, accessible names, keyboard, screenshots
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-stages-graph.h"
#include "sluice-stages-graph-node.h"
#include "sluice-test-utils.h"

static const SluiceStagesStageInfo three_stages[] = {
  { "dev", "Development", "222222222222", "eu-west-1", "DataEngineers" },
  { "test", "Testing", "333333333333", "eu-west-1", "DataEngineers" },
  { "prod", "Production", "444444444444", "eu-central-1", "Operations" },
};

static GDateTime *
minutes_ago (int minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_minutes (now, -minutes);
}

static SluiceStagesGraph *
graph_for (SluiceDevStrategy strategy)
{
  g_autoptr(SluiceStagesInput) input = sluice_stages_input_new_for_stages (strategy, "sales-etl", three_stages,
                                                                           G_N_ELEMENTS (three_stages));
  SluiceStagesGraph *graph = SLUICE_STAGES_GRAPH (sluice_stages_graph_new ());

  g_object_ref_sink (graph);
  sluice_stages_graph_set_input (graph, input);
  return graph;
}

static void
set (SluiceStagesGraph  *graph,
     const char         *id,
     SluiceStagesStatus  status,
     int                 minutes,
     const char         *error)
{
  g_autoptr(GDateTime) since = minutes >= 0 ? minutes_ago (minutes) : NULL;

  g_assert_true (sluice_stages_graph_set_node_status (graph, id, status, "4f1c2a9e0b7d3c5a1e2f", "Add the nightly sales job\n\nDetails",
                                                      since, error));
  g_assert_cmpint (sluice_stages_graph_get_node_status (graph, id), ==, status);
}

static GtkWidget *
window_with (SluiceStagesGraph *graph,
             int                width,
             int                height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Stages", "sales-etl"));
  gtk_box_append (GTK_BOX (box), header);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (graph));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  sluice_test_flush_widget (GTK_WIDGET (graph));
  return window;
}

static void
test_accessible (void)
{
  g_autoptr(SluiceStagesGraph) graph = graph_for (SLUICE_DEV_STRATEGY_TRUNK);
  GtkWidget *dev = sluice_stages_graph_get_node_widget (graph, "sales-etl/Deploy-Stage-dev");
  GtkWidget *approval = sluice_stages_graph_get_node_widget (graph, "sales-etl/ManualApproval-dev");
  GtkWidget *prod = sluice_stages_graph_get_node_widget (graph, "sales-etl/Deploy-Stage-prod");
  GtkWidget *source = sluice_stages_graph_get_node_widget (graph, "sales-etl/Source");
  GtkWidget *branch = sluice_stages_graph_get_node_widget (graph, "branch:sales-etl:main");

  g_assert_nonnull (dev);
  g_assert_null (sluice_stages_graph_get_node_widget (graph, "sales-etl/ManualApproval-prod"));
  g_assert_false (sluice_stages_graph_set_node_status (graph, "nope", SLUICE_STAGES_STATUS_FAILED, NULL, NULL, NULL, NULL));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dev)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (gtk_widget_get_focusable (dev));

  /* Before any answer: named, described, "not run yet". */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_LABEL, "Stage dev: Not run yet");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Deploy-Stage-dev of pipeline sales-etl, in environment Development, "
                                       "account 222222222222, region eu-west-1, for team DataEngineers.");

  set (graph, "sales-etl/Deploy-Stage-dev", SLUICE_STAGES_STATUS_SUCCEEDED, 5, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_LABEL, "Stage dev: Succeeded");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Deploy-Stage-dev of pipeline sales-etl, in environment Development, "
                                       "account 222222222222, region eu-west-1, for team DataEngineers. "
                                       "Revision 4f1c2a9, “Add the nightly sales job”. 5 minutes ago.");

  set (graph, "sales-etl/ManualApproval-dev", SLUICE_STAGES_STATUS_WAITING, 120, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (approval), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "ManualApproval-dev: Waiting for approval");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (approval), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Manual approval of pipeline sales-etl after stage dev. "
                                       "Revision 4f1c2a9, “Add the nightly sales job”. 2 hours ago.");

  set (graph, "sales-etl/Deploy-Stage-prod", SLUICE_STAGES_STATUS_FAILED, 60 * 24 * 3,
       "Build failed: cdk deploy exited with 1");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (prod), GTK_ACCESSIBLE_PROPERTY_LABEL, "Stage prod: Failed");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (prod), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Deploy-Stage-prod of pipeline sales-etl, in environment Production, "
                                       "account 444444444444, region eu-central-1, for team Operations. "
                                       "Revision 4f1c2a9, “Add the nightly sales job”. "
                                       "Build failed: cdk deploy exited with 1. 3 days ago.");
  /* The whole error under the pointer too. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (prod), ==, "Build failed: cdk deploy exited with 1");

  set (graph, "sales-etl/Source", SLUICE_STAGES_STATUS_IN_PROGRESS, 0, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (source), GTK_ACCESSIBLE_PROPERTY_LABEL, "Source: In progress");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (source), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Source of pipeline sales-etl, action CodeCommit on branch main. "
                                       "Revision 4f1c2a9, “Add the nightly sales job”. Just now.");

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (branch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Branch main: Not checked yet");
  set (graph, "branch:sales-etl:main", SLUICE_STAGES_STATUS_BRANCH_FOUND, 30, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (branch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Branch main: Pushed");

  /* Back to nothing known: no stale revision or error. */
  g_assert_true (sluice_stages_graph_set_node_status (graph, "sales-etl/Deploy-Stage-prod", SLUICE_STAGES_STATUS_NONE,
                                                      NULL, NULL, NULL, NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (prod), GTK_ACCESSIBLE_PROPERTY_LABEL, "Stage prod: Not run yet");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (prod), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Deploy-Stage-prod of pipeline sales-etl, in environment Production, "
                                       "account 444444444444, region eu-central-1, for team Operations.");
  g_assert_null (gtk_widget_get_tooltip_text (prod));

  g_assert_finalize_object (g_steal_pointer (&graph));
}

static void
test_missing_branch (void)
{
  g_autoptr(SluiceStagesGraph) graph = graph_for (SLUICE_DEV_STRATEGY_GITFLOW);
  GtkWidget *dev = sluice_stages_graph_get_node_widget (graph, "branch:sales-etl-dev:dev");

  /* GitFlow: a lane per stage, prod on main. */
  g_assert_nonnull (sluice_stages_graph_get_node_widget (graph, "branch:sales-etl-prod:main"));
  g_assert_nonnull (sluice_stages_graph_get_node_widget (graph, "sales-etl-test/Source-test"));
  g_assert_true (sluice_stages_graph_set_node_status (graph, "branch:sales-etl-dev:dev", SLUICE_STAGES_STATUS_BRANCH_MISSING,
                                                      NULL, NULL, NULL, NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_LABEL, "Branch dev: Missing");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The branch pipeline sales-etl-dev builds. "
                                       "Pipeline sales-etl-dev fails at its source stage until branch dev is pushed.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dev), ==,
                   "Pipeline sales-etl-dev fails at its source stage until branch dev is pushed.");

  /* CodePipeline's own words, when there are some, are the reason. */
  g_assert_true (sluice_stages_graph_set_node_status (graph, "branch:sales-etl-dev:dev", SLUICE_STAGES_STATUS_BRANCH_MISSING,
                                                      NULL, NULL, NULL, "The branch dev does not exist in sales-etl."));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dev), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The branch pipeline sales-etl-dev builds. The branch dev does not exist in sales-etl.");

  g_assert_finalize_object (g_steal_pointer (&graph));
}

static GtkWidget *
focused (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
node_activated_cb (SluiceStagesGraph *graph,
                   const char        *id,
                   char             **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_keyboard (void)
{
  SluiceStagesGraph *graph = graph_for (SLUICE_DEV_STRATEGY_TRUNK);
  GtkWidget *window = window_with (graph, 1100, 700);
  SluiceStagesInput *input = sluice_stages_graph_get_input (graph);
  guint n = sluice_stages_input_get_n_nodes (input);
  g_autofree char *activated = NULL;
  GtkWidget *last;

  g_signal_connect (graph, "node-activated", G_CALLBACK (node_activated_cb), &activated);

  /* Tab walks the nodes in flow order, then leaves the graph. */
  gtk_widget_grab_focus (sluice_stages_graph_get_node_widget (graph, "branch:sales-etl:main"));
  for (guint i = 1; i < n; i++)
    {
      g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
      g_assert_true (focused (window) == sluice_stages_graph_get_node_widget (graph, sluice_stages_input_get_node (input, i)->id));
    }
  last = focused (window);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_TAB_FORWARD) == FALSE);
  g_assert_true (focused (window) == last);

  /* Left and Right go back and forth; an arrow stops at the ends. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_RIGHT));
  g_assert_true (focused (window) == last);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_LEFT));
  g_assert_true (focused (window) == sluice_stages_graph_get_node_widget (graph, "sales-etl/ManualApproval-test"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focused (window) == sluice_stages_graph_get_node_widget (graph, "sales-etl/Deploy-Stage-test"));

  /* The focused node has a visible focus ring to draw. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_has_visible_focus (focused (window)));
  sluice_test_save_screenshot (window, "stages-trunk-focus.png");

  /* Enter (the node's activate signal, bound to Enter and Space) opens its details. */
  g_assert_true (gtk_widget_activate (focused (window)));
  g_assert_cmpstr (activated, ==, "sales-etl/Deploy-Stage-test");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (graph);
}

static void
test_gitflow_lanes_keyboard (void)
{
  SluiceStagesGraph *graph = graph_for (SLUICE_DEV_STRATEGY_GITFLOW);
  GtkWidget *window = window_with (graph, 1100, 700);

  /* Down goes to the next lane's node in the same column. */
  gtk_widget_grab_focus (sluice_stages_graph_get_node_widget (graph, "sales-etl-dev/Source-dev"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_DOWN));
  g_assert_true (focused (window) == sluice_stages_graph_get_node_widget (graph, "sales-etl-test/Source-test"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_DOWN));
  g_assert_true (focused (window) == sluice_stages_graph_get_node_widget (graph, "sales-etl-prod/Source-prod"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (graph), GTK_DIR_UP));
  g_assert_true (focused (window) == sluice_stages_graph_get_node_widget (graph, "sales-etl-test/Source-test"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (graph);
}

/* Every node inside the graph's width and none on another, as allocated. */
static void
assert_nodes_laid_out (SluiceStagesGraph *graph)
{
  SluiceStagesInput *input = sluice_stages_graph_get_input (graph);
  guint n = sluice_stages_input_get_n_nodes (input);
  int width = gtk_widget_get_width (GTK_WIDGET (graph));
  g_autofree graphene_rect_t *bounds = g_new0 (graphene_rect_t, n);

  g_assert_cmpint (width, >, 0);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *node = sluice_stages_graph_get_node_widget (graph, sluice_stages_input_get_node (input, i)->id);

      g_assert_true (gtk_widget_compute_bounds (node, GTK_WIDGET (graph), &bounds[i]));
      g_assert_cmpfloat (bounds[i].origin.x, >=, 0);
      g_assert_cmpfloat (bounds[i].origin.x + bounds[i].size.width, <=, width + 0.5);
      for (guint j = 0; j < i; j++)
        g_assert_false (graphene_rect_intersection (&bounds[i], &bounds[j], NULL));
    }
}

/* What @window shows, rendered as sluice_test_save_screenshot() saves it. */
static GdkTexture *
render_window (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  sluice_test_flush_widget (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* The share of pixels of @texture that differ from @reference's by more than a shade
 * (anti-aliasing and hinting may move a little), or 1 when their sizes differ. */
static double
differing_share (GdkTexture *texture,
                 GdkTexture *reference)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  gsize stride = (gsize) width * 4;
  guint64 differing = 0;

  if (width != gdk_texture_get_width (reference) || height != gdk_texture_get_height (reference))
    return 1;
  a = g_malloc (stride * height);
  b = g_malloc (stride * height);
  gdk_texture_download (texture, a, stride);
  gdk_texture_download (reference, b, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    for (guint c = 0; c < 4; c++)
      if (ABS ((int) a[i + c] - (int) b[i + c]) > 48)
        {
          differing++;
          break;
        }
  return (double) differing / ((double) width * height);
}

/* Compares what @window shows with data/screenshots/@name, the reference image. */
static void
assert_like_reference (GtkWidget  *window,
                       const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "screenshots", name, NULL);
  g_autoptr(GdkTexture) texture = render_window (window);
  g_autoptr(GdkTexture) reference = NULL;
  g_autoptr(GError) error = NULL;
  double share;

  reference = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  share = differing_share (texture, reference);
  g_test_message ("%s: %.3f%% of the pixels differ", name, share * 100);
  /* One node's status changed (icon, word, stripe) is 0.2 % of the window: a tenth of it
   * leaves room for anti-aliasing only. */
  g_assert_cmpfloat (share, <, 0.0005);
}

static void
set_demo_statuses (SluiceStagesGraph *graph,
                   SluiceDevStrategy  strategy)
{
  switch (strategy)
    {
    case SLUICE_DEV_STRATEGY_TRUNK:
      set (graph, "branch:sales-etl:main", SLUICE_STAGES_STATUS_BRANCH_FOUND, 42, NULL);
      set (graph, "sales-etl/Source", SLUICE_STAGES_STATUS_SUCCEEDED, 41, NULL);
      set (graph, "sales-etl/Deploy-Stage-dev", SLUICE_STAGES_STATUS_SUCCEEDED, 35, NULL);
      set (graph, "sales-etl/ManualApproval-dev", SLUICE_STAGES_STATUS_SUCCEEDED, 20, NULL);
      set (graph, "sales-etl/Deploy-Stage-test", SLUICE_STAGES_STATUS_SUCCEEDED, 12, NULL);
      set (graph, "sales-etl/ManualApproval-test", SLUICE_STAGES_STATUS_WAITING, 9, NULL);
      break;
    case SLUICE_DEV_STRATEGY_GITFLOW:
      g_assert_true (sluice_stages_graph_set_node_status (graph, "branch:sales-etl-dev:dev", SLUICE_STAGES_STATUS_BRANCH_MISSING,
                                                          NULL, NULL, NULL, NULL));
      g_assert_true (sluice_stages_graph_set_node_status (graph, "sales-etl-dev/Source-dev", SLUICE_STAGES_STATUS_FAILED,
                                                          NULL, NULL, NULL,
                                                          "The branch dev was not found in repository sales-etl."));
      set (graph, "branch:sales-etl-test:test", SLUICE_STAGES_STATUS_BRANCH_FOUND, 16, NULL);
      set (graph, "sales-etl-test/Source-test", SLUICE_STAGES_STATUS_SUCCEEDED, 15, NULL);
      set (graph, "sales-etl-test/Deploy-Stage-test", SLUICE_STAGES_STATUS_IN_PROGRESS, 3, NULL);
      set (graph, "branch:sales-etl-prod:main", SLUICE_STAGES_STATUS_BRANCH_FOUND, 60 * 26, NULL);
      set (graph, "sales-etl-prod/Source-prod", SLUICE_STAGES_STATUS_SUCCEEDED, 60 * 26, NULL);
      set (graph, "sales-etl-prod/Deploy-Stage-prod", SLUICE_STAGES_STATUS_SUCCEEDED, 60 * 25, NULL);
      break;
    case SLUICE_DEV_STRATEGY_CDK_TRUNK:
    default:
      set (graph, "branch:sales-etl:main", SLUICE_STAGES_STATUS_BRANCH_FOUND, 18, NULL);
      set (graph, "sales-etl/Source", SLUICE_STAGES_STATUS_SUCCEEDED, 17, NULL);
      set (graph, "sales-etl/Build", SLUICE_STAGES_STATUS_SUCCEEDED, 14, NULL);
      set (graph, "sales-etl/UpdatePipeline", SLUICE_STAGES_STATUS_SUCCEEDED, 11, NULL);
      set (graph, "sales-etl/dataall-Dev", SLUICE_STAGES_STATUS_SUCCEEDED, 8, NULL);
      set (graph, "sales-etl/dataall-Test", SLUICE_STAGES_STATUS_FAILED, 4,
           "Stack sales-etl-test-DataallPipelineStack failed: ROLLBACK_COMPLETE");
      set (graph, "sales-etl/dataall-Prod", SLUICE_STAGES_STATUS_CANCELLED, 4, NULL);
      break;
    }
}

static void
test_screenshots (void)
{
  static const struct { SluiceDevStrategy strategy; const char *name; } strategies[] = {
    { SLUICE_DEV_STRATEGY_TRUNK, "trunk" },
    { SLUICE_DEV_STRATEGY_GITFLOW, "gitflow" },
    { SLUICE_DEV_STRATEGY_CDK_TRUNK, "cdk-trunk" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *font = NULL;

  /* GNOME's interface font, as a desktop session sets it (Xvfb has no settings daemon). */
  g_object_get (gtk_settings_get_default (), "gtk-font-name", &font, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
        {
          SluiceStagesGraph *graph = graph_for (strategies[i].strategy);
          GtkWidget *window;
          g_autofree char *wide = g_strdup_printf ("stages-%s%s.png", strategies[i].name, dark ? "-dark" : "");
          g_autofree char *narrow = g_strdup_printf ("stages-%s-narrow%s.png", strategies[i].name, dark ? "-dark" : "");

          set_demo_statuses (graph, strategies[i].strategy);
          window = window_with (graph, 1100, strategies[i].strategy == SLUICE_DEV_STRATEGY_GITFLOW ? 790 : 600);
          assert_nodes_laid_out (graph);
          sluice_test_save_screenshot (window, wide);
          if (!dark)
            assert_like_reference (window, wide);

          /* A phone-sized window: one column, nothing cut or overlapping. */
          gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
          sluice_test_flush_widget (GTK_WIDGET (graph));
          sluice_test_iterate (50);
          sluice_test_flush_widget (GTK_WIDGET (graph));
          assert_nodes_laid_out (graph);
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (graph)), <=, 360);
          sluice_test_save_screenshot (window, narrow);

          gtk_window_destroy (GTK_WINDOW (window));
          g_assert_finalize_object (graph);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_object_set (gtk_settings_get_default (), "gtk-font-name", font, NULL);
}

/* Switching to the dark style while shown redraws everything in it: nothing kept from the
 * light one (the cached card and background render nodes are made again). */
static void
test_live_dark_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  SluiceStagesGraph *graph;
  GtkWidget *window;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) switched = NULL;
  g_autoptr(GdkTexture) fresh = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  graph = graph_for (SLUICE_DEV_STRATEGY_TRUNK);
  set_demo_statuses (graph, SLUICE_DEV_STRATEGY_TRUNK);
  window = window_with (graph, 1100, 600);
  light = render_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sluice_test_flush_widget (GTK_WIDGET (graph));
  switched = render_window (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (graph);

  graph = graph_for (SLUICE_DEV_STRATEGY_TRUNK);
  set_demo_statuses (graph, SLUICE_DEV_STRATEGY_TRUNK);
  window = window_with (graph, 1100, 600);
  fresh = render_window (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (graph);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpfloat (differing_share (light, switched), >, 0.5);
  g_assert_cmpfloat (differing_share (switched, fresh), <, 0.0005);
}

static void
test_ago (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 3, 12, 0, 0);
  g_autoptr(GDateTime) a = g_date_time_add_seconds (now, -30);
  g_autoptr(GDateTime) b = g_date_time_add_minutes (now, -1);
  g_autoptr(GDateTime) c = g_date_time_add_minutes (now, -59);
  g_autoptr(GDateTime) d = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) e = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) future = g_date_time_add_minutes (now, 3);
  g_autofree char *sa = sluice_stages_format_ago (a, now);
  g_autofree char *sb = sluice_stages_format_ago (b, now);
  g_autofree char *sc = sluice_stages_format_ago (c, now);
  g_autofree char *sd = sluice_stages_format_ago (d, now);
  g_autofree char *se = sluice_stages_format_ago (e, now);
  g_autofree char *sf = sluice_stages_format_ago (future, now);

  g_assert_cmpstr (sa, ==, "Just now");
  g_assert_cmpstr (sb, ==, "1 minute ago");
  g_assert_cmpstr (sc, ==, "59 minutes ago");
  g_assert_cmpstr (sd, ==, "1 hour ago");
  g_assert_cmpstr (se, ==, "2 days ago");
  g_assert_cmpstr (sf, ==, "Just now");
  g_assert_null (sluice_stages_format_ago (NULL, now));
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_ui (&argc, &argv);

  g_test_add_func ("/stages-graph/accessible", test_accessible);
  g_test_add_func ("/stages-graph/missing-branch", test_missing_branch);
  g_test_add_func ("/stages-graph/keyboard", test_keyboard);
  g_test_add_func ("/stages-graph/gitflow-lanes-keyboard", test_gitflow_lanes_keyboard);
  g_test_add_func ("/stages-graph/screenshots", test_screenshots);
  g_test_add_func ("/stages-graph/live-dark-style", test_live_dark_style);
  g_test_add_func ("/stages-graph/ago", test_ago);

  return g_test_run ();
}
