/* bench-import.c
 *
 * Whether a file as analysts pass it around imports as fast as a clean
 * one. Generates the same events twice — as ACLED writes them (UTF-8,
 * ISO dates) and as a spreadsheet re-saves them (Windows-1252, Excel's
 * "15-Aug-22" and day numbers, CRLF) — then imports each several times,
 * each time in a fresh process so that its peak memory is its own.
 *
 *   bench-import [--rows 1000000] [--runs 3] [--keep DIR]
 *   bench-import --import FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-import"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "acled-generator.h"
#include "sb-import-file.h"

#define DEFAULT_ROWS 1000000
#define DEFAULT_RUNS 3
#define SEED 20220815

/* The child: one import, its figures on one line. */
static int
import_once (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  struct rusage usage;
  gint64 start, end;

  start = g_get_monotonic_time ();
  briefing = sb_import_file (file, SB_IMPORT_FORMAT_UNKNOWN, NULL, NULL, &summary);
  end = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);

  printf ("time_s=%.3f peak_rss_kib=%ld incidents=%u skipped=%u encoding=%s notes=%u\n",
          (end - start) / 1e6, usage.ru_maxrss, summary->n_items[SB_ITEM_KIND_INCIDENT],
          summary->n_skipped, summary->encoding ? summary->encoding : "?", summary->notes->len);
  for (guint i = 0; i < summary->notes->len; i++)
    printf ("note=%s\n", (const char *) g_ptr_array_index (summary->notes, i));

  return briefing != NULL ? 0 : 1;
}

typedef struct
{
  double seconds;
  double peak_mib;
  guint incidents;
  guint skipped;
  char *encoding;
  GPtrArray *notes;
} Run;

static gboolean
import_in_child (const char  *exe,
                 const char  *path,
                 Run         *run,
                 GError     **error)
{
  const char *argv[] = { exe, "--import", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDERR,
                     NULL, NULL, &out, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  run->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char encoding[64] = "";
      long peak = 0;

      if (g_str_has_prefix (lines[i], "note="))
        g_ptr_array_add (run->notes, g_strdup (lines[i] + strlen ("note=")));
      else if (sscanf (lines[i], "time_s=%lf peak_rss_kib=%ld incidents=%u skipped=%u encoding=%63s",
                       &run->seconds, &peak, &run->incidents, &run->skipped, encoding) == 5)
        {
          run->peak_mib = peak / 1024.0;
          run->encoding = g_strdup (encoding);
        }
    }

  if (run->encoding == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "unexpected output: %s", out);
      return FALSE;
    }

  return TRUE;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Run *) a)->seconds, y = ((const Run *) b)->seconds;

  return x < y ? -1 : x > y;
}

static void
generate (const char          *path,
          guint                n_rows,
          AcledGeneratorStyle  style)
{
  FILE *out = fopen (path, "wb");

  if (out == NULL)
    g_error ("cannot write %s", path);
  acled_generator_write_styled (out, n_rows, MAX (n_rows / 20, 1), SEED, style);
  if (fclose (out) != 0)
    g_error ("cannot write %s", path);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    const char *label;
    AcledGeneratorStyle style;
  } kinds[] = {
    { "acled-clean.csv", "clean (UTF-8, ISO dates)", ACLED_GENERATOR_CLEAN },
    { "acled-spreadsheet.csv", "re-saved (Windows-1252, Excel dates, CRLF)", ACLED_GENERATOR_SPREADSHEET },
  };
  g_autofree char *import_path = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int rows = DEFAULT_ROWS;
  int runs = DEFAULT_RUNS;
  double medians[G_N_ELEMENTS (kinds)];
  double fastest[G_N_ELEMENTS (kinds)];
  char *paths[G_N_ELEMENTS (kinds)];
  GArray *results[G_N_ELEMENTS (kinds)];
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Events in each file (1000000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Imports of each file, each in a fresh process (3)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the files here and keep them", "DIR" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path, "Import FILE once and print the figures", "FILE" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (import_path != NULL)
    return import_once (import_path);

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("sb-bench-import-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      paths[k] = g_build_filename (dir, kinds[k].name, NULL);
      results[k] = g_array_new (FALSE, TRUE, sizeof (Run));
      g_printerr ("generating %d rows, %s...\n", rows, kinds[k].label);
      generate (paths[k], rows, kinds[k].style);
    }

  /* Taken in turn, so that the machine's load weighs on both alike. */
  for (int r = 0; r < runs; r++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        Run run = { 0, };

        if (!import_in_child (argv[0], paths[k], &run, &error))
          {
            g_printerr ("%s: %s\n", paths[k], error->message);
            return 1;
          }
        g_array_append_val (results[k], run);
      }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GStatBuf info;
      Run *median;

      g_stat (paths[k], &info);
      g_array_sort (results[k], compare_runs);
      median = &g_array_index (results[k], Run, results[k]->len / 2);
      medians[k] = median->seconds;
      fastest[k] = g_array_index (results[k], Run, 0).seconds;

      printf ("%s\n", kinds[k].label);
      printf ("  file:        %.0f MB, %d rows\n", info.st_size / 1e6, rows);
      printf ("  import:      %.2f s median of %d (%.2f–%.2f s), %.0f rows/s\n", median->seconds, runs,
              g_array_index (results[k], Run, 0).seconds,
              g_array_index (results[k], Run, results[k]->len - 1).seconds, rows / median->seconds);
      printf ("  peak memory: %.0f MiB\n", median->peak_mib);
      printf ("  made:        %u incidents, %u rows skipped; read as %s\n",
              median->incidents, median->skipped, median->encoding);
      for (guint i = 0; i < median->notes->len; i++)
        printf ("  note:        %s\n", (const char *) g_ptr_array_index (median->notes, i));

      for (guint i = 0; i < results[k]->len; i++)
        {
          g_free (g_array_index (results[k], Run, i).encoding);
          g_ptr_array_unref (g_array_index (results[k], Run, i).notes);
        }
      g_array_unref (results[k]);
      if (keep == NULL)
        g_unlink (paths[k]);
      g_free (paths[k]);
    }

  /* On a shared machine the fastest runs say most of the work itself. */
  printf ("re-saved / clean: %.2f× the time (medians), %.2f× (fastest runs)\n",
          medians[1] / medians[0], fastest[1] / fastest[0]);

  if (keep == NULL)
    g_rmdir (dir);

  return 0;
}
