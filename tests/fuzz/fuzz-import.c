/* fuzz-import.c
 *
 * libFuzzer targets for the importers, one per format: fuzz-acled.c,
 * fuzz-ucdp.c and fuzz-geojson.c define FUZZ_IMPORT_FORMAT and include
 * this file. Any bytes must either import or be refused with problems,
 * without crashing, leaking or tripping a precondition; every problem is
 * valid UTF-8 and at most 100 are listed; a CSV file's rows are all
 * accounted for (made, merged or skipped); what an import makes loads
 * again, unchanged, once written, and exported as GeoJSON imports again
 * with as many statements and places for reference.
 *
 * Built and run by build-aux/fuzz.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "sb-geojson-export.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-writer.h"

#ifndef FUZZ_IMPORT_FORMAT
#error "FUZZ_IMPORT_FORMAT names the format the target feeds the importer"
#endif

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static void
check_summary (const SbImportSummary *summary,
               SbBriefing            *briefing)
{
  if (summary->problems->len > SB_LOADER_MAX_PROBLEMS)
    fuzz_fail ("%u problems listed; at most %d are", summary->problems->len, SB_LOADER_MAX_PROBLEMS);

  for (guint i = 0; i < summary->problems->len; i++)
    {
      SbProblem *problem = g_ptr_array_index (summary->problems, i);
      g_autofree char *line = NULL;

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        fuzz_fail ("problem %u has no message, or one that is not UTF-8", i);
      if (problem->path != NULL && !g_utf8_validate (problem->path, -1, NULL))
        fuzz_fail ("problem %u has a path that is not UTF-8", i);
      line = sb_problem_to_string (problem, "<data>");
      if (line == NULL)
        fuzz_fail ("problem %u cannot be printed", i);
    }

  for (guint i = 0; i < summary->notes->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (summary->notes, i), -1, NULL))
      fuzz_fail ("note %u is not UTF-8", i);

  if ((briefing != NULL) != sb_import_summary_made_anything (summary))
    fuzz_fail ("a briefing was %s, but the summary says %s was made",
          briefing ? "returned" : "not returned", briefing ? "nothing" : "something");

  if (briefing == NULL && summary->problems->len == 0)
    fuzz_fail ("nothing was imported, and no problem says why");

  if (summary->format != SB_IMPORT_FORMAT_GEOJSON &&
      summary->n_records != summary->n_items[SB_ITEM_KIND_INCIDENT] + summary->n_merged + summary->n_skipped)
    fuzz_fail ("%u rows read, but %u made, %u merged and %u skipped", summary->n_records,
          summary->n_items[SB_ITEM_KIND_INCIDENT], summary->n_merged, summary->n_skipped);
}

/* What the import made must load again without a problem. */
static void
check_round_trip (SbBriefing *briefing)
{
  g_autofree char *written = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) reloaded = NULL;
  gsize length = 0;

  written = sb_writer_to_data (briefing, &length);
  bytes = g_bytes_new (written, length);
  reloaded = sb_loader_load_bytes (bytes, &problems);

  if (reloaded == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), "<written>");

          fprintf (stderr, "  %s\n", line);
        }
      fprintf (stderr, "--- written:\n%.*s\n---\n", (int) MIN (length, 65536), written);
      fuzz_fail ("the import does not load again once written");
    }

  if (g_list_model_get_n_items (sb_briefing_get_all_items (reloaded)) !=
      g_list_model_get_n_items (sb_briefing_get_all_items (briefing)) ||
      g_list_model_get_n_items (sb_briefing_get_places (reloaded)) !=
      g_list_model_get_n_items (sb_briefing_get_places (briefing)) ||
      g_list_model_get_n_items (sb_briefing_get_actors (reloaded)) !=
      g_list_model_get_n_items (sb_briefing_get_actors (briefing)))
    fuzz_fail ("the import lost statements, places or actors on the way through the writer");
}

static guint
count_reference_places (SbBriefing *briefing)
{
  GListModel *places = sb_briefing_get_places (briefing);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);

      n += sb_place_is_reference (place) ? 1 : 0;
    }

  return n;
}

/* What the import made, exported as GeoJSON, must import again: the
 * same number of statements and of places for reference. */
static void
check_export (SbBriefing *briefing)
{
  g_autofree char *exported = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) reimported = NULL;
  guint n_items = g_list_model_get_n_items (sb_briefing_get_all_items (briefing));
  guint n_reference = count_reference_places (briefing);
  gsize length = 0;

  exported = sb_geojson_export (briefing, NULL, NULL, &length);
  if (exported == NULL || !g_utf8_validate (exported, length, NULL))
    fuzz_fail ("the GeoJSON export is missing or not UTF-8");

  stream = g_memory_input_stream_new_from_data (exported, length, NULL);
  reimported = sb_geojson_import (stream, "export", NULL, &problems);

  if (n_items + n_reference == 0)
    return;

  if (reimported == NULL ||
      g_list_model_get_n_items (sb_briefing_get_all_items (reimported)) != n_items ||
      count_reference_places (reimported) != n_reference)
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), "<exported>");

          fprintf (stderr, "  %s\n", line);
        }
      fprintf (stderr, "--- exported:\n%.*s\n---\n", (int) MIN (length, 65536), exported);
      fuzz_fail ("the GeoJSON export does not import again as %u statements and %u places for reference",
            n_items, n_reference);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_util_init (FALSE);
  sb_text_set_preferred_languages ((const char * const[]) { "en", NULL });

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  g_autoptr(SbImporter) importer = sb_importer_new ();
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  summary = sb_importer_add_stream (importer, stream, "fuzz", FUZZ_IMPORT_FORMAT, NULL, NULL);
  briefing = sb_importer_finish (importer, NULL);
  check_summary (summary, briefing);

  if (briefing != NULL)
    {
      check_round_trip (briefing);
      check_export (briefing);
    }

  return 0;
}
