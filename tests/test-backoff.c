/* test-backoff.c
 *
 * SluiceBackoff with intervals of milliseconds: the doubling and its ceiling, one tick per
 * start on the right main context, stop, pause and resume, and the two policies Sluice
 * follows servers with (the pipelines list's check, a busy stack).
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-backoff.h"
#include "sluice-test-core-utils.h"

typedef struct
{
  guint  ticks;
  gint64 last;
} Ticks;

static void
tick_cb (SluiceBackoff *backoff,
         Ticks         *ticks)
{
  ticks->ticks++;
  ticks->last = g_get_monotonic_time ();
  g_assert_false (sluice_backoff_is_scheduled (backoff));
}

static gboolean
ticked (gpointer data)
{
  return ((Ticks *) data)->ticks > 0;
}

static SluiceBackoff *
backoff_new (guint  initial,
             guint  max,
             Ticks *ticks)
{
  SluiceBackoff *backoff = sluice_backoff_new (initial, max);

  g_signal_connect (backoff, "tick", G_CALLBACK (tick_cb), ticks);
  return backoff;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_intervals (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *backoff = backoff_new (10, 80, &ticks);
  guint notifies = 0;

  g_signal_connect (backoff, "notify::interval", G_CALLBACK (count_notify_cb), &notifies);
  g_assert_cmpuint (sluice_backoff_get_initial_interval (backoff), ==, 10);
  g_assert_cmpuint (sluice_backoff_get_max_interval (backoff), ==, 80);
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 10);

  sluice_backoff_back_off (backoff);
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 20);
  sluice_backoff_back_off (backoff);
  sluice_backoff_back_off (backoff);
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 80);
  g_assert_cmpuint (notifies, ==, 3);
  /* At the ceiling it stays, and says nothing. */
  sluice_backoff_back_off (backoff);
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 80);
  g_assert_cmpuint (notifies, ==, 3);

  sluice_backoff_reset (backoff);
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 10);
  g_assert_cmpuint (notifies, ==, 4);
  sluice_backoff_reset (backoff);
  g_assert_cmpuint (notifies, ==, 4);

  /* A ceiling that is not a power of two times the start is still reached exactly. */
  g_assert_finalize_object (backoff);
  backoff = backoff_new (7, 50, &ticks);
  for (guint i = 0; i < 5; i++)
    sluice_backoff_back_off (backoff);
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 50);
  g_assert_cmpuint (ticks.ticks, ==, 0);
  g_assert_finalize_object (backoff);
}

static void
test_one_tick_per_start (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *backoff = backoff_new (30, 1000, &ticks);
  gint64 start;

  g_assert_false (sluice_backoff_is_scheduled (backoff));
  start = g_get_monotonic_time ();
  sluice_backoff_start (backoff);
  g_assert_true (sluice_backoff_is_scheduled (backoff));
  g_assert_true (sluice_test_wait_for (ticked, &ticks, 2000));
  g_assert_cmpint (ticks.last - start, >=, 30 * 1000);
  g_assert_false (sluice_backoff_is_scheduled (backoff));

  /* One-shot: nothing more until started again. */
  sluice_test_iterate (100);
  g_assert_cmpuint (ticks.ticks, ==, 1);

  g_assert_finalize_object (backoff);

  /* Starting again moves the tick: it comes once, the interval after the last start. */
  ticks.ticks = 0;
  backoff = backoff_new (300, 1000, &ticks);
  sluice_backoff_start (backoff);
  sluice_test_iterate (50);
  start = g_get_monotonic_time ();
  sluice_backoff_start (backoff);
  g_assert_true (sluice_test_wait_for (ticked, &ticks, 2000));
  g_assert_cmpint (ticks.last - start, >=, 300 * 1000);
  sluice_test_iterate (100);
  g_assert_cmpuint (ticks.ticks, ==, 1);

  g_assert_finalize_object (backoff);
}

static void
test_stop (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *backoff = backoff_new (20, 1000, &ticks);

  sluice_backoff_start (backoff);
  sluice_backoff_stop (backoff);
  g_assert_false (sluice_backoff_is_scheduled (backoff));
  sluice_test_iterate (80);
  g_assert_cmpuint (ticks.ticks, ==, 0);

  /* Dropped while scheduled: its timer goes with it. */
  sluice_backoff_start (backoff);
  g_assert_finalize_object (backoff);
  sluice_test_iterate (80);
  g_assert_cmpuint (ticks.ticks, ==, 0);
}

static void
test_start_now (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *backoff = backoff_new (60 * 1000, 60 * 1000, &ticks);

  sluice_backoff_start (backoff);
  sluice_backoff_start_now (backoff);
  g_assert_true (sluice_test_wait_for (ticked, &ticks, 500));
  sluice_test_iterate (20);
  g_assert_cmpuint (ticks.ticks, ==, 1);
  /* The interval is not touched: the next start waits the minute again. */
  g_assert_cmpuint (sluice_backoff_get_interval (backoff), ==, 60 * 1000);

  g_assert_finalize_object (backoff);
}

static void
test_pause_resume (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *backoff = backoff_new (30, 1000, &ticks);
  gint64 resumed;

  /* The tick falls due while paused: it comes on resume. */
  sluice_backoff_start (backoff);
  sluice_backoff_pause (backoff);
  g_assert_true (sluice_backoff_is_paused (backoff));
  sluice_test_iterate (80);
  g_assert_cmpuint (ticks.ticks, ==, 0);
  g_assert_true (sluice_backoff_is_scheduled (backoff));
  resumed = g_get_monotonic_time ();
  sluice_backoff_resume (backoff);
  g_assert_false (sluice_backoff_is_paused (backoff));
  g_assert_true (sluice_test_wait_for (ticked, &ticks, 500));
  g_assert_cmpint (ticks.last - resumed, <, 30 * 1000);

  g_assert_finalize_object (backoff);

  /* Started while paused: it waits for the resume, then for what is left of the interval. */
  ticks.ticks = 0;
  backoff = backoff_new (300, 1000, &ticks);
  sluice_backoff_pause (backoff);
  sluice_backoff_start (backoff);
  g_assert_true (sluice_backoff_is_scheduled (backoff));
  sluice_test_iterate (50);
  resumed = g_get_monotonic_time ();
  sluice_backoff_resume (backoff);
  sluice_test_iterate (50);
  g_assert_cmpuint (ticks.ticks, ==, 0);
  g_assert_true (sluice_test_wait_for (ticked, &ticks, 2000));
  g_assert_cmpint (ticks.last - resumed, <, 300 * 1000);

  /* Stopped while paused: nothing on resume. */
  ticks.ticks = 0;
  sluice_backoff_start (backoff);
  sluice_backoff_pause (backoff);
  sluice_backoff_stop (backoff);
  sluice_backoff_resume (backoff);
  sluice_test_iterate (80);
  g_assert_cmpuint (ticks.ticks, ==, 0);

  g_assert_finalize_object (backoff);
}

static void
test_main_context (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Ticks ticks = { 0 };
  SluiceBackoff *backoff;

  g_main_context_push_thread_default (context);
  backoff = backoff_new (5, 5, &ticks);
  g_main_context_pop_thread_default (context);

  sluice_backoff_start_now (backoff);
  sluice_test_iterate (30);
  g_assert_cmpuint (ticks.ticks, ==, 0);
  while (ticks.ticks == 0)
    g_main_context_iteration (context, TRUE);

  g_assert_finalize_object (backoff);
}

/* The pipelines list's automatic check: the same interval while the server answers, doubling
 * while it refuses (403, 429), back at once when it answers again. */
static void
test_list_check_policy (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *check = backoff_new (60, 16 * 60, &ticks);
  const guint expected[] = { 60, 60, 120, 240, 480, 960, 960, 60 };
  const gboolean refused[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (sluice_backoff_get_interval (check), ==, expected[i]);
      if (refused[i])
        sluice_backoff_back_off (check);
      else
        sluice_backoff_reset (check);
    }
  g_assert_finalize_object (check);
}

/* A busy stack: 5, 10, 20, 40 and then 60 apart, from 5 again after a change. */
static void
test_stack_follow_policy (void)
{
  Ticks ticks = { 0 };
  SluiceBackoff *follow = backoff_new (5, 60, &ticks);
  const guint expected[] = { 5, 10, 20, 40, 60, 60 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (sluice_backoff_get_interval (follow), ==, expected[i]);
      ticks.ticks = 0;
      sluice_backoff_start (follow);
      sluice_backoff_back_off (follow);
      g_assert_true (sluice_test_wait_for (ticked, &ticks, 2000));
    }

  /* A change: look again soon. */
  sluice_backoff_start (follow);
  sluice_backoff_stop (follow);
  sluice_backoff_reset (follow);
  g_assert_cmpuint (sluice_backoff_get_interval (follow), ==, 5);

  g_assert_finalize_object (follow);
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);

  g_test_add_func ("/sluice/backoff/intervals", test_intervals);
  g_test_add_func ("/sluice/backoff/one-tick-per-start", test_one_tick_per_start);
  g_test_add_func ("/sluice/backoff/stop", test_stop);
  g_test_add_func ("/sluice/backoff/start-now", test_start_now);
  g_test_add_func ("/sluice/backoff/pause-resume", test_pause_resume);
  g_test_add_func ("/sluice/backoff/main-context", test_main_context);
  g_test_add_func ("/sluice/backoff/list-check-policy", test_list_check_policy);
  g_test_add_func ("/sluice/backoff/stack-follow-policy", test_stack_follow_policy);

  return g_test_run ();
}
