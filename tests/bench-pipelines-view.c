/* bench-pipelines-view.c: the pipelines browser with 10,000 pipelines
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, for `build-aux/dev bench`: the median time from a change of the search text (search
 * delay 0) to the list's next frame, the process's peak resident memory with the list loaded and
 * searched, and how many requests the Overview of a pipeline took.
 *
 * A frame counts only if the list shows the new text's matches by then, and each change waits
 * until the last one's frames are over: GTK paints at most once per frame interval, so a change
 * made just after a frame (a list change brings one or two more, ~16 and ~33 ms later, from
 * libadwaita 1.2's leaflet restyling its shadow on every allocation) waits for the next
 * interval whatever the view does.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>

#include "sluice-account.h"
#include "sluice-pipeline-query.h"
#include "sluice-pipelines-view.h"
#include "sluice-resources.h"
#include "sluice-test-emulator.h"
#include "sluice-pipeline-page-private.h"

#define N_PIPELINES 10000

/* No frame for this long: the frame clock is idle and the next frame may come at once. */
#define QUIET_USEC (40 * 1000)

typedef struct
{
  SluicePipelineQuery *shown;
  const char          *text;      /* the search the frame must show */
  gint64               painted;   /* when it did */
  gint64               last;      /* the last frame, of any change */
} Frames;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  const char *search = sluice_pipeline_query_get_search (frames->shown);

  frames->last = g_get_monotonic_time ();
  /* A frame that still shows the last text's list (the entry repainting, say) is not it. */
  if (frames->painted == 0 && frames->text != NULL && g_strcmp0 (search != NULL ? search : "", frames->text) == 0)
    frames->painted = frames->last;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* Changes the text as typing does: one deletion or one insertion, never both for a key. */
static void
type_text (GtkEditable *editable,
           const char  *text)
{
  const char *old = gtk_editable_get_text (editable);
  int common = 0;
  int position;

  while (old[common] != '\0' && old[common] == text[common])
    common++;
  if (old[common] != '\0')
    gtk_editable_delete_text (editable, common, -1);
  position = common;
  if (text[common] != '\0')
    gtk_editable_insert_text (editable, text + common, -1, &position);
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

int
main (int   argc,
      char *argv[])
{
  const char * const args[] = { "--generate-pipelines", G_STRINGIFY (N_PIPELINES), NULL };
  /* Typing a name, deleting it, and typing words that match many, few or none. */
  const char * const searches[] = {
    "g", "ge", "gen", "gene", "gener", "generated", "generated-0", "generated-00", "generated-004",
    "generated-0042", "generated-004", "generated-00", "generated-0", "generated", "gen", "g", "",
    "customer", "cust", "", "sales", "", "zzz", "", "e", "", "1", "12", "123", "", "ml", "",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) emulator = NULL;
  g_autoptr(SluiceAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *token = NULL;
  SluicePipelinesView *view;
  SluicePipelinePage *page;
  GtkWidget *window;
  GtkWidget *entry;
  GdkFrameClock *clock;
  Frames frames = { NULL, };
  gint64 deadline;
  guint n_missed = 0;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();
  /* Links the static library's resources (templates) into the program. */
  g_assert_nonnull (sluice_get_resource ());

  emulator = sluice_test_emulator_start (args, &error);
  if (emulator == NULL || !sluice_test_emulator_sign_in (emulator, "engineer@example.com", &token, &error))
    {
      g_printerr ("bench-pipelines-view: %s\n", error->message);
      return 1;
    }
  account = sluice_account_new ("bench-pipelines-view");
  sluice_account_set_name (account, "Emulated data.all");
  sluice_account_set_api_url (account, sluice_test_emulator_get_url (emulator));
  sluice_account_set_provider (account, SLUICE_SIGN_IN_PROVIDER_OIDC);
  sluice_account_set_provider_url (account, sluice_test_emulator_get_oauth (emulator));
  sluice_account_set_client_id (account, sluice_test_emulator_get_client_id (emulator));
  sluice_account_sign_in_with_token_async (account, token, NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!sluice_account_sign_in_with_token_finish (account, result, &error))
    {
      g_printerr ("bench-pipelines-view: %s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  view = sluice_pipelines_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  sluice_pipelines_view_set_account (view, account);
  /* Blocking iterations below must wake up to look at their deadlines. */
  g_timeout_add (50, wake_cb, NULL);

  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while ((g_list_model_get_n_items (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view))) < N_PIPELINES ||
          sluice_pipeline_list_get_loading (sluice_pipelines_view_get_pipelines (view))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (g_strcmp0 (sluice_pipelines_view_get_state (view), "list") != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view))) < N_PIPELINES)
    {
      g_printerr ("bench-pipelines-view: the list did not load (%s, %u pipelines)\n",
                  sluice_pipelines_view_get_state (view),
                  g_list_model_get_n_items (G_LIST_MODEL (sluice_pipelines_view_get_pipelines (view))));
      return 1;
    }
  iterate_for (1000);

  entry = gtk_widget_get_first_child (GTK_WIDGET (view));
  while (entry != NULL && !GTK_IS_SEARCH_ENTRY (entry))
    {
      GtkWidget *next = gtk_widget_get_first_child (entry);

      while (next == NULL && entry != NULL)
        {
          next = gtk_widget_get_next_sibling (entry);
          if (next == NULL)
            entry = gtk_widget_get_parent (entry);
        }
      entry = next;
    }
  g_assert (entry != NULL);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);

  frames.shown = SLUICE_PIPELINE_QUERY (sluice_pipelines_view_get_shown (view));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gint64 start;

        iterate_for (40);
        wait_for_quiet_frames (&frames);
        frames.painted = 0;
        frames.text = searches[i];
        start = g_get_monotonic_time ();
        type_text (GTK_EDITABLE (entry), searches[i]);
        if (g_getenv ("BENCH_DEBUG"))
          g_printerr ("%-16s set_text %.1f ms\n", searches[i], (g_get_monotonic_time () - start) / 1000.0);
        deadline = start + G_USEC_PER_SEC;
        while (frames.painted == 0 && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
        if (g_getenv ("BENCH_DEBUG"))
          g_printerr ("%-16s frame %.1f ms, %u shown\n", searches[i], (frames.painted - start) / 1000.0,
                      g_list_model_get_n_items (sluice_pipelines_view_get_shown (view)));
        if (frames.painted == 0)
          n_missed++;
        else
          g_array_append_val (times, (gint64) { frames.painted - start });
        frames.text = NULL;
      }
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &frames);

  g_array_sort (times, compare_int64);

  /* The Overview of the first pipeline shown. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  iterate_for (100);
  {
    g_autoptr(SluicePipeline) first = g_list_model_get_item (sluice_pipelines_view_get_shown (view), 0);

    sluice_pipelines_view_open (view, first);
  }
  page = sluice_pipelines_view_get_page (view);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (sluice_pipeline_page_get_loading (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  printf ("pipelines_search_to_frame_median %.1f ms (%u changes, %u without a frame)\n",
          times->len > 0 ? g_array_index (times, gint64, times->len / 2) / 1000.0 : -1.0,
          times->len, n_missed);
  printf ("pipelines_search_to_frame_max %.1f ms\n",
          times->len > 0 ? g_array_index (times, gint64, times->len - 1) / 1000.0 : -1.0);
  printf ("pipelines_view_peak_rss_10000 %.1f MiB\n", peak_rss_kib () / 1024.0);
  printf ("pipeline_overview_requests %u\n", sluice_pipeline_page_get_n_requests (page));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
