/* sluice-terminal.c: open the user's terminal in a folder (a clone, say)
 *
 * Copyright 2026 The Sluice authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sluice-terminal"

#include "config.h"

#include <unistd.h>

#include <gio/gdesktopappinfo.h>
#include <glib/gi18n.h>

#include "sluice-terminal.h"

/* There is no freedesktop standard for "open a terminal in this folder": the file manager's
 * D-Bus interface (org.freedesktop.FileManager1) only shows folders, and terminals register
 * no URI scheme. So, in this order:
 *  1. xdg-terminal-exec, the freedesktop "default terminal" proposal (shipped by several
 *     distributions), which starts the terminal the user prefers; it opens in its working
 *     directory, which is the clone;
 *  2. the desktop's own terminal: the installed application whose desktop file is in the
 *     TerminalEmulator category (GNOME Console, GNOME Terminal, Konsole, ...), launched through
 *     GIO like any application, with the clone as its working directory.
 * Inside a Flatpak sandbox neither can reach the host, and without a terminal there is
 * nothing to launch: the button is hidden then, and Copy Path is what remains. */
static GAppInfo *
find_terminal (void)
{
  GList *all = NULL;
  GAppInfo *found = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return NULL;

  all = g_app_info_get_all ();
  for (GList *l = all; l != NULL && found == NULL; l = l->next)
    {
      const char *categories = G_IS_DESKTOP_APP_INFO (l->data)
                                 ? g_desktop_app_info_get_categories (l->data) : NULL;
      g_auto(GStrv) list = categories != NULL ? g_strsplit (categories, ";", -1) : NULL;

      if (list != NULL && g_strv_contains ((const char * const *) list, "TerminalEmulator") &&
          g_app_info_should_show (l->data))
        found = g_object_ref (l->data);
    }
  g_list_free_full (all, g_object_unref);

  return found;
}

/**
 * sluice_terminal_is_available:
 *
 * Returns: whether sluice_terminal_open() has a terminal to open
 */
gboolean
sluice_terminal_is_available (void)
{
  g_autofree char *exec = g_find_program_in_path ("xdg-terminal-exec");
  g_autoptr(GAppInfo) terminal = NULL;

  if (exec != NULL && !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  terminal = find_terminal ();
  return terminal != NULL;
}

/* Runs in the child between fork and exec. */
static void
enter_folder (gpointer user_data)
{
  if (chdir (user_data) != 0)
    _exit (127);
}

/**
 * sluice_terminal_open:
 * @widget: the widget asking, for its display
 * @path: the folder to open the terminal in
 * @error: what went wrong, in a sentence
 *
 * Opens the user's terminal in @path (see find_terminal() for which).
 *
 * Returns: whether it was launched
 */
gboolean
sluice_terminal_open (GtkWidget   *widget,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *exec = g_find_program_in_path ("xdg-terminal-exec");
  g_autoptr(GAppInfo) terminal = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (exec != NULL)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
      g_autoptr(GSubprocess) process = NULL;

      g_subprocess_launcher_set_cwd (launcher, path);
      process = g_subprocess_launcher_spawn (launcher, error, exec, NULL);
      return process != NULL;
    }

  terminal = find_terminal ();
  if (terminal == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No terminal application is installed."));
      return FALSE;
    }

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  return g_desktop_app_info_launch_uris_as_manager (G_DESKTOP_APP_INFO (terminal), NULL,
                                                    G_APP_LAUNCH_CONTEXT (context),
                                                    G_SPAWN_SEARCH_PATH, enter_folder,
                                                    (gpointer) path, NULL, NULL, error);
}
