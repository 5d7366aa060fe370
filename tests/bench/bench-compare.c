/* bench-compare.c
 *
 * How long comparing two versions of a briefing of 100,000 incidents
 * takes: one imported from a generated ACLED-style export, the other the
 * same saved and loaded again (every entity a new object) with 1% of its
 * incidents changed, 0.5% removed and 0.5% added. Prints the figures; not
 * a test. Run it with build-aux/bench-compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "acled-generator.h"
#include "sb-comparison.h"
#include "sb-document.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-writer.h"

/* The machine is shared: the process's own CPU time says what the
 * comparison costs, the wall clock what a user waits under that load.
 */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  int n_incidents = 100000;
  int n_runs = 5;
  GOptionEntry entries[] = {
    { "incidents", 0, 0, G_OPTION_ARG_INT, &n_incidents, "How many incidents (100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "How many comparisons to time (5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time comparing two versions of a briefing");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) before = NULL;
  g_autoptr(SbBriefing) after = NULL;
  g_autoptr(SbDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20220815);
  GListModel *items;
  guint n_items, n_changed = 0, n_removed = 0, n_added = 0, n_found = 0;
  char *data;
  gsize length;
  FILE *out;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-compare: %s\n", error->message);
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("sb-bench-compare-XXXXXX", NULL);
  path = g_build_filename (dir, "events.csv", NULL);
  out = fopen (path, "w");
  acled_generator_write (out, n_incidents, n_incidents / 5, 20220815);
  fclose (out);
  file = g_file_new_for_path (path);
  before = sb_import_file (file, SB_IMPORT_FORMAT_ACLED, NULL, NULL, &summary);
  g_unlink (path);
  g_rmdir (dir);
  if (before == NULL)
    {
      fprintf (stderr, "bench-compare: the export did not import\n");
      return EXIT_FAILURE;
    }

  data = sb_writer_to_data (before, &length);
  bytes = g_bytes_new_take (data, length);
  after = sb_loader_load_bytes (bytes, &problems);
  if (after == NULL)
    {
      fprintf (stderr, "bench-compare: the saved briefing did not load\n");
      return EXIT_FAILURE;
    }

  /* The second version, edited as an author would. */
  document = sb_document_new (after);
  items = sb_briefing_get_all_items (after);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i += 100)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      const SbQuantity *old = sb_item_get_fatalities (item);
      SbQuantity quantity = { .is_set = TRUE, .min = (old->is_set ? old->min : 0) + 1 };

      quantity.max = quantity.min;
      if (sb_document_apply (document, sb_edit_new_set_quantity (SB_ENTITY (item), SB_ITEM_FIELD_QUANTITY, &quantity), NULL))
        n_changed++;
    }
  for (guint i = 0; i < n_items / 200; i++)
    {
      guint position = g_rand_int_range (rand, 0, g_list_model_get_n_items (items));
      g_autoptr(SbItem) item = g_list_model_get_item (items, position);

      if (sb_document_apply (document, sb_edit_new_remove_with_references (after, SB_ENTITY (item)), NULL))
        n_removed++;
    }
  for (guint i = 0; i < n_items / 200; i++)
    if (sb_document_apply (document, sb_edit_new_add_item (after, SB_ITEM_KIND_INCIDENT, NULL, SB_CERTAINTY_REPORTED), NULL))
      n_added++;

  for (int run = 0; run < n_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      g_autoptr(SbComparison) comparison = sb_comparison_new (before, after);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu = cpu_ms () - cpu_start;

      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
      n_found = g_list_model_get_n_items (G_LIST_MODEL (comparison));
    }
  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);

  printf ("incidents: %u; edited: %u changed (some removed again), %u removed, %u added\n",
          n_items, n_changed, n_removed, n_added);
  printf ("differences found: %u\n", n_found);
  printf ("compare, wall clock: median %.0f ms, best %.0f ms, worst %.0f ms over %d runs (target: under 1000 ms)\n",
          g_array_index (times, double, times->len / 2), g_array_index (times, double, 0),
          g_array_index (times, double, times->len - 1), n_runs);
  printf ("compare, CPU time: median %.0f ms, best %.0f ms\n",
          g_array_index (cpu_times, double, cpu_times->len / 2), g_array_index (cpu_times, double, 0));

  return EXIT_SUCCESS;
}
