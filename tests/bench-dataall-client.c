/* bench-dataall-client.c
 *
 * Loads 10,000 pipelines from an emulator (`--generate-pipelines 10000`) into the list model
 * and prints, as `build-aux/dev bench` wants them, one "name value unit" a line:
 *   dataall_load_10000_pipelines <s> s           (target: under 2 s)
 *   dataall_load_longest_main_loop_gap <ms> ms   (a 10 ms heartbeat's longest gap; under 50 ms)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "sluice-pipeline-list.h"
#include "sluice-core-resources.h"
#include "sluice-test-emulator.h"

#define N_PIPELINES "10000"

typedef struct
{
  gint64 last;
  gint64 longest;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer user_data)
{
  Heartbeat *heartbeat = user_data;
  gint64 now = g_get_monotonic_time ();

  heartbeat->longest = MAX (heartbeat->longest, now - heartbeat->last);
  heartbeat->last = now;
  return G_SOURCE_CONTINUE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  const char * const args[] = { "--generate-pipelines", N_PIPELINES, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SluiceTestEmulator) emulator = NULL;
  g_autoptr(SluiceDataallClient) client = NULL;
  g_autoptr(SluicePipelineList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *token = NULL;
  Heartbeat heartbeat = { 0 };
  gint64 start;
  gint64 elapsed;
  guint heartbeat_id;

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_nonnull (sluice_core_get_resource ());

  emulator = sluice_test_emulator_start (args, &error);
  if (emulator == NULL || !sluice_test_emulator_sign_in (emulator, "engineer@example.com", &token, &error))
    {
      g_printerr ("bench-dataall-client: %s\n", error->message);
      return 1;
    }
  client = sluice_dataall_client_new (sluice_test_emulator_get_url (emulator));
  sluice_dataall_client_set_token (client, token);
  list = sluice_pipeline_list_new ();
  /* `bench-dataall-client PAGE_SIZE` tries another page size than the list's default. */
  if (argc > 1)
    sluice_pipeline_list_set_page_size (list, (guint) g_ascii_strtoull (argv[1], NULL, 10));

  heartbeat.last = g_get_monotonic_time ();
  heartbeat_id = g_timeout_add (10, heartbeat_cb, &heartbeat);
  start = g_get_monotonic_time ();
  sluice_pipeline_list_load_async (list, client, NULL, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  /* The gap that ends with the load counts too. */
  heartbeat_cb (&heartbeat);
  g_source_remove (heartbeat_id);

  if (!sluice_pipeline_list_load_finish (list, result, &error))
    {
      g_printerr ("bench-dataall-client: %s (%s)\n", error->message,
                  sluice_dataall_error_get_detail (error));
      return 1;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) < 10000)
    {
      g_printerr ("bench-dataall-client: loaded %u pipelines only\n",
                  g_list_model_get_n_items (G_LIST_MODEL (list)));
      return 1;
    }

  printf ("dataall_load_10000_pipelines %.2f s\n", elapsed / (double) G_USEC_PER_SEC);
  printf ("dataall_load_longest_main_loop_gap %.0f ms\n", heartbeat.longest / 1000.0);
  return 0;
}
