/* test-resources.c
 *
 * Checks that the resources the code and the templates name are really in the GResource.
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sluice-resources.h"
#include "sluice-test-utils.h"

static const char * const required[] = {
  "/style.css",
  "/gtk/help-overlay.ui",
  "/ui/sluice-window.ui",
  "/ui/sluice-preferences-window.ui",
};

static void
test_required_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE_PATH, required[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }
}

/* Every icon named "sluice-…" in a template must be shipped under icons/, where
 * GtkApplication adds it to the icon theme's search path. */
static void
check_icons_in (const char *ui_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ui_path, 0, &error);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *text;

  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, NULL);
  regex = g_regex_new ("\"icon-name\">(sluice-[a-z-]+)<", 0, 0, &error);
  g_assert_no_error (error);

  g_regex_match_full (regex, text, g_bytes_get_size (bytes), 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *icon = g_strdup_printf (RESOURCE_BASE_PATH "/icons/scalable/actions/%s.svg", name);

      g_test_message ("%s uses %s", ui_path, name);
      g_assert_true (g_resources_get_info (icon, 0, NULL, NULL, NULL));
      g_match_info_next (match, NULL);
    }
}

/* Templates live in folders named after the screens (ui/common/, ui/pipeline/…). */
static guint
check_icons_under (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (folder, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; children[i]; i++)
    {
      g_autofree char *path = g_strconcat (folder, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        n += check_icons_under (path);
      else
        {
          check_icons_in (path);
          n++;
        }
    }
  return n;
}

static void
test_template_icons (void)
{
  g_assert_cmpuint (check_icons_under (RESOURCE_BASE_PATH "/ui/"), >=, 2);

  /* The code sets the welcome page's icon itself. */
  g_assert_true (g_resources_get_info (RESOURCE_BASE_PATH "/icons/scalable/actions/sluice-symbolic.svg",
                                       0, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  sluice_test_init_core (&argc, &argv);
  /* The UI's resource, which libsluice-ui carries: referencing it keeps the linker from
   * dropping it, as the application does. */
  g_assert_nonnull (sluice_get_resource ());

  g_test_add_func ("/sluice/resources/required-files", test_required_files);
  g_test_add_func ("/sluice/resources/template-icons", test_template_icons);

  return g_test_run ();
}
