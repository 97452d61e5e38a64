/* bench-stages-graph.c: how soon the stages graph shows a status refresh
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, for `build-aux/dev bench`: the median and worst time from setting new statuses on
 * every node of a 10-stage pipeline (trunk: 21 nodes in one CodePipeline; GitFlow: 30 nodes in
 * ten) to the end of the frame that shows them. As in bench-pipelines-view, each change waits
 * until the frame clock is idle, so that the figure is the graph's work and not the wait for
 * the next frame interval. Beside the wall-clock figures, the CPU time this process spent from
 * the new statuses to the end of that frame (`_cpu_median`): on a loaded machine the wall clock
 * also counts the time other processes (and Xvfb) had the cores.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <time.h>

#include "sluice-resources.h"
#include "sluice-stages-graph.h"

#define N_STAGES 10
#define N_ROUNDS 40

/* No frame for this long: the frame clock is idle and the next frame may come at once. */
#define QUIET_USEC (40 * 1000)

typedef struct
{
  gboolean waiting;   /* statuses set, their frame not painted yet */
  gint64   began;     /* when that frame began */
  gint64   painted;
  gint64   painted_cpu;
  gint64   last;
} Frames;

static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *frames)
{
  if (frames->waiting)
    frames->began = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->last = g_get_monotonic_time ();
  if (frames->waiting)
    {
      frames->painted = frames->last;
      frames->painted_cpu = cpu_usec ();
      frames->waiting = FALSE;
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + (gint64) msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for_quiet_frames (Frames *frames)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () - frames->last < QUIET_USEC && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* What a GetPipelineState answer would change: every node, a new revision each round. */
static void
set_statuses (SluiceStagesGraph *graph,
              guint              round)
{
  static const SluiceStagesStatus cycle[] = {
    SLUICE_STAGES_STATUS_SUCCEEDED, SLUICE_STAGES_STATUS_IN_PROGRESS, SLUICE_STAGES_STATUS_FAILED,
    SLUICE_STAGES_STATUS_WAITING,
  };
  SluiceStagesInput *input = sluice_stages_graph_get_input (graph);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since = g_date_time_add_minutes (now, -(int) (round % 50));
  g_autofree char *revision = g_strdup_printf ("%07x0000000000000000000000000000000", round * 7919);
  g_autofree char *summary = g_strdup_printf ("Change number %u of the nightly sales job", round);

  for (guint i = 0; i < sluice_stages_input_get_n_nodes (input); i++)
    {
      const SluiceStagesNode *node = sluice_stages_input_get_node (input, i);
      SluiceStagesStatus status = node->kind == SLUICE_STAGES_NODE_BRANCH
        ? (round % 2 ? SLUICE_STAGES_STATUS_BRANCH_FOUND : SLUICE_STAGES_STATUS_BRANCH_MISSING)
        : cycle[(round + i) % G_N_ELEMENTS (cycle)];

      sluice_stages_graph_set_node_status (graph, node->id, status, revision, summary, since,
                                           status == SLUICE_STAGES_STATUS_FAILED ? "Build failed: cdk deploy exited with 1" : NULL);
    }
}

static gboolean
bench (SluiceDevStrategy  strategy,
       const char        *name)
{
  SluiceStagesStageInfo stages[N_STAGES];
  char names[N_STAGES][16];
  g_autoptr(SluiceStagesInput) input = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *window, *scrolled;
  SluiceStagesGraph *graph;
  GdkFrameClock *clock;
  Frames frames = { FALSE, };
  guint n_missed = 0;

  for (guint i = 0; i < N_STAGES; i++)
    {
      g_snprintf (names[i], sizeof names[i], i + 1 == N_STAGES ? "prod" : "stage%u", i);
      stages[i] = (SluiceStagesStageInfo) { names[i], "Environment", "111122223333", "eu-west-1", "DataEngineers" };
    }
  input = sluice_stages_input_new_for_stages (strategy, "sales-etl", stages, N_STAGES);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  graph = SLUICE_STAGES_GRAPH (sluice_stages_graph_new ());
  sluice_stages_graph_set_input (graph, input);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (graph));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (500);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      gint64 start, deadline, cpu_start;

      iterate_for (20);
      wait_for_quiet_frames (&frames);
      frames.painted = 0;
      start = g_get_monotonic_time ();
      cpu_start = cpu_usec ();
      set_statuses (graph, round);
      if (g_getenv ("BENCH_DEBUG"))
        g_printerr ("set %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      frames.waiting = TRUE;
      deadline = start + G_USEC_PER_SEC;
      while (frames.painted == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (g_getenv ("BENCH_DEBUG"))
        g_printerr ("wait %.1f ms, frame %.1f ms\n", (frames.began - start) / 1000.0,
                    (frames.painted - frames.began) / 1000.0);
      if (frames.painted == 0)
        n_missed++;
      else
        {
          g_array_append_val (times, (gint64) { frames.painted - start });
          g_array_append_val (cpu_times, (gint64) { frames.painted_cpu - cpu_start });
        }
    }
  g_signal_handlers_disconnect_by_func (clock, before_paint_cb, &frames);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &frames);
  g_array_sort (times, compare_int64);
  g_array_sort (cpu_times, compare_int64);

  printf ("stages_graph_%s_status_to_frame_median %.1f ms (%u nodes, %u refreshes, %u without a frame)\n",
          name, times->len > 0 ? g_array_index (times, gint64, times->len / 2) / 1000.0 : -1.0,
          sluice_stages_input_get_n_nodes (input), times->len, n_missed);
  printf ("stages_graph_%s_status_to_frame_max %.1f ms\n",
          name, times->len > 0 ? g_array_index (times, gint64, times->len - 1) / 1000.0 : -1.0);
  /* The CPU the process spent on it, which a loaded machine inflates less than the wall clock. */
  printf ("stages_graph_%s_status_to_frame_cpu_median %.1f ms\n",
          name, cpu_times->len > 0 ? g_array_index (cpu_times, gint64, cpu_times->len / 2) / 1000.0 : -1.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return n_missed == 0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean ok;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();
  g_assert_nonnull (sluice_get_resource ());
  /* Blocking iterations must wake up to look at their deadlines. */
  g_timeout_add (10, wake_cb, NULL);

  ok = bench (SLUICE_DEV_STRATEGY_TRUNK, "trunk_10");
  ok &= bench (SLUICE_DEV_STRATEGY_GITFLOW, "gitflow_10");
  return ok ? 0 : 1;
}
