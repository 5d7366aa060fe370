/* sb-check.c
 *
 * `sahelbrief --check FILE…`: validates briefing files without a window.
 *
 * Prints one line per problem, "FILE:LINE:COLUMN: code: path: message",
 * the form editors and CI logs turn into links. Exit status: 0 when every
 * file is valid, 1 when any is not, 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-check"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "sb-check.h"
#include "sb-loader.h"

enum {
  EXIT_VALID = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

gboolean
sb_check_is_requested (int    argc,
                       char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--check"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_file (const char *filename)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  briefing = sb_loader_load_file (file, NULL, &problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), filename);

      g_print ("%s\n", line);
    }

  return briefing != NULL;
}

int
sb_check_run (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) filenames = NULL;
  gboolean check = FALSE;
  gboolean all_valid = TRUE;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check briefing files and print each problem, then exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &filenames,
      NULL, N_("FILE…") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_USAGE;
    }

  if (filenames == NULL || filenames[0] == NULL)
    {
      g_printerr (_("%s: --check needs at least one briefing file, as in: %s --check FILE…\n"),
                  g_get_prgname (), g_get_prgname ());
      return EXIT_USAGE;
    }

  for (guint i = 0; filenames[i] != NULL; i++)
    all_valid = check_file (filenames[i]) && all_valid;

  return all_valid ? EXIT_VALID : EXIT_INVALID;
}
