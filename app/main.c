/* main.c
 *
 * The sahelbrief program: `--check` validates files without a display;
 * anything else starts the application.
 *
 * Copyright 2026 The SahelBrief developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "sb-application.h"
#include "sb-check.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SbApplication) app = NULL;
  /* Set to the build's po/ to run translated from the source tree. */
  const char *localedir = g_getenv ("SAHELBRIEF_LOCALEDIR");

#ifdef M_MMAP_THRESHOLD
  /* The map's layers draw into images of tens of MB, made anew as it pans
   * and zooms. glibc raises its threshold for mapping memory to the size
   * of the first one freed, so that the next come from the heap, which
   * does not give them back: hundreds of MiB more after some panning.
   * A fixed threshold maps each and returns it when it goes.
   */
  mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Checking files needs no display, no D-Bus and no running instance. */
  if (sb_check_is_requested (argc, argv))
    return sb_check_run (argc, argv);

  app = sb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
