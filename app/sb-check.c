/* sb-check.c
 *
 * `sahelbrief --check FILE…` and `sahelbrief --convert IN… --output OUT`:
 * without a window, for editors, CI and scripts.
 *
 * --check prints one line per problem, "FILE:LINE:COLUMN: code: path:
 * message", the form editors and CI logs turn into links; for data files
 * (ACLED, UCDP GED, GeoJSON) a last line per file says what an import
 * makes of it. Exit status: 0 when every briefing is valid and no row or
 * feature was left out, 1 otherwise, 2 on a usage error.
 *
 * --convert imports every input into one briefing and writes it, or
 * nothing: the output is replaced only by a complete file. Problems and
 * summaries go to standard error. Exit status: 0 when written, 1 when an
 * input gave nothing (nothing is written), 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-check"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "sb-check.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-writer.h"

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
      if (g_str_equal (argv[i], "--check") || g_str_equal (argv[i], "--convert"))
        return TRUE;
    }

  return FALSE;
}

static void
print_problems (FILE       *out,
                GPtrArray  *problems,
                const char *filename)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), filename);

      fprintf (out, "%s\n", line);
    }
}

static void
print_summary (FILE                  *out,
               const SbImportSummary *summary,
               const char            *filename)
{
  g_autofree char *line = sb_import_summary_to_line (summary);

  fprintf (out, "%s: %s\n", filename, line);
  for (guint i = 0; i < summary->notes->len; i++)
    fprintf (out, "%s: %s\n", filename, (const char *) g_ptr_array_index (summary->notes, i));
}

static gboolean
check_file (const char *filename,
            const char *encoding,
            const char *name_property)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  SbImportFormat format = sb_import_sniff_file (file);
  g_autoptr(SbImporter) importer = NULL;
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  if (format == SB_IMPORT_FORMAT_BRIEFING || format == SB_IMPORT_FORMAT_UNKNOWN)
    {
      briefing = sb_loader_load_file (file, NULL, &problems);
      print_problems (stdout, problems, filename);
      return briefing != NULL;
    }

  importer = sb_importer_new ();
  sb_importer_set_name_property (importer, name_property);
  summary = sb_importer_add_file (importer, file, format, encoding, NULL);
  print_problems (stdout, summary->problems, filename);
  print_summary (stdout, summary, filename);

  return sb_import_summary_made_anything (summary) && summary->n_skipped == 0;
}

static int
convert (char       **inputs,
         const char  *output,
         const char  *title,
         const char  *encoding,
         const char  *name_property)
{
  g_autoptr(SbImporter) importer = sb_importer_new ();
  g_autoptr(GFile) output_file = g_file_new_for_commandline_arg (output);
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output_name = g_file_get_basename (output_file);
  gboolean all_read = TRUE;

  sb_importer_set_name_property (importer, name_property);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      SbImportFormat format = sb_import_sniff_file (file);
      g_autoptr(SbImportSummary) summary = NULL;

      if (format == SB_IMPORT_FORMAT_BRIEFING)
        {
          g_printerr (_("%s: this is a SahelBrief briefing already; --convert reads ACLED exports, UCDP GED and GeoJSON\n"),
                      inputs[i]);
          all_read = FALSE;
          continue;
        }

      summary = sb_importer_add_file (importer, file, format, encoding, NULL);
      print_problems (stderr, summary->problems, inputs[i]);
      print_summary (stderr, summary, inputs[i]);
      all_read = sb_import_summary_made_anything (summary) && all_read;
    }

  if (!all_read)
    {
      g_printerr (_("%s: not written: an input gave nothing to import (see above)\n"), output);
      return EXIT_INVALID;
    }

  /* "weekly.sahelbrief" is titled "weekly". */
  if (title == NULL && output_name != NULL && g_str_has_suffix (output_name, ".sahelbrief"))
    output_name[strlen (output_name) - strlen (".sahelbrief")] = '\0';

  briefing = sb_importer_finish (importer, title ? title : output_name);

  /* The output is replaced only once the whole briefing is written and
   * flushed: bad input or a full disk leave it as it was.
   */
  if (!sb_writer_save (briefing, output_file, NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return EXIT_INVALID;
    }

  g_printerr (_("%s: written: %u incidents, %u other statements, %u actors, %u places, %u sources\n"),
              output,
              g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT)),
              g_list_model_get_n_items (sb_briefing_get_all_items (briefing)) -
              g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT)),
              g_list_model_get_n_items (sb_briefing_get_actors (briefing)),
              g_list_model_get_n_items (sb_briefing_get_places (briefing)),
              g_list_model_get_n_items (sb_briefing_get_sources (briefing)));

  return EXIT_VALID;
}

int
sb_check_run (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) filenames = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *name_property = NULL;
  gboolean check = FALSE;
  gboolean do_convert = FALSE;
  gboolean all_valid = TRUE;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check briefings and data files (ACLED, UCDP GED, GeoJSON) and print each problem, then exit"), NULL },
    { "convert", 0, 0, G_OPTION_ARG_NONE, &do_convert,
      N_("Import ACLED exports, UCDP GED and GeoJSON into one briefing, written to --output, then exit"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The briefing --convert writes"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The title of the briefing --convert writes"), N_("TITLE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The data files' character encoding, such as WINDOWS-1252 (detected when not given)"), N_("ENCODING") },
    { "name-property", 0, 0, G_OPTION_ARG_STRING, &name_property,
      N_("The GeoJSON property that names places and areas without a date"), N_("KEY") },
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

  if (check && do_convert)
    {
      g_printerr (_("%s: --check and --convert cannot be given together\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (filenames == NULL || filenames[0] == NULL)
    {
      if (do_convert)
        g_printerr (_("%s: --convert needs at least one file to import, as in: %s --convert IN… --output OUT.sahelbrief\n"),
                    g_get_prgname (), g_get_prgname ());
      else
        g_printerr (_("%s: --check needs at least one briefing file, as in: %s --check FILE…\n"),
                    g_get_prgname (), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (do_convert)
    {
      if (output == NULL)
        {
          g_printerr (_("%s: --convert needs --output, the briefing to write, as in: %s --convert IN… --output OUT.sahelbrief\n"),
                      g_get_prgname (), g_get_prgname ());
          return EXIT_USAGE;
        }

      return convert (filenames, output, title, encoding, name_property);
    }

  for (guint i = 0; filenames[i] != NULL; i++)
    all_valid = check_file (filenames[i], encoding, name_property) && all_valid;

  return all_valid ? EXIT_VALID : EXIT_INVALID;
}
