/* fuzz-mbtiles.c
 *
 * libFuzzer target for MBTiles files: the bytes are an SQLite database
 * image, opened in memory as a file on disk is (schema untrusted, limits
 * lowered, every query on a time budget), and every tile a map could ask
 * for around the file's zoom levels read. Whatever the bytes, opening
 * either succeeds with metadata that holds together or fails with a
 * message in UTF-8; no query runs past its budget.
 *
 * Built and run by build-aux/fuzz; its corpus is replayed by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-util.h"
#include "sb-mbtiles-reader.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

#define BUDGET_MS 200

static void
check_text (const char *text,
            gboolean    nullable)
{
  if (text == NULL && !nullable)
    fuzz_fail ("a text that must be there is missing");
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    fuzz_fail ("a text is not UTF-8");
}

/* A query over its budget fails; it must not run on. */
static void
check_time (gint64 start,
            guint  n_queries)
{
  gint64 allowed = (gint64) (n_queries + 1) * (BUDGET_MS + 100) * 1000;

  if (g_get_monotonic_time () - start > allowed)
    fuzz_fail ("queries ran past their budget");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_util_init (FALSE);
  sb_mbtiles_reader_set_query_budget_for_testing (BUDGET_MS);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) image = g_bytes_new (data, size);
  g_autoptr(SbMbtilesReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  double bounds[4];
  gint64 start = g_get_monotonic_time ();
  guint n_queries = 8;
  guint max_zoom;

  reader = sb_mbtiles_reader_open_image (image, "fuzz.mbtiles", &error);
  check_time (start, n_queries);

  if (reader == NULL)
    {
      if (error == NULL)
        fuzz_fail ("no reader and no error");
      check_text (error->message, FALSE);
      return 0;
    }

  check_text (sb_mbtiles_reader_get_name (reader), FALSE);
  check_text (sb_mbtiles_reader_get_attribution (reader), TRUE);
  check_text (sb_mbtiles_reader_get_format (reader), FALSE);
  if (sb_mbtiles_reader_get_min_zoom (reader) > SB_MBTILES_MAX_ZOOM)
    fuzz_fail ("the lowest zoom is out of range");
  max_zoom = sb_mbtiles_reader_get_max_zoom (reader);
  if (max_zoom > SB_MBTILES_MAX_ZOOM)
    fuzz_fail ("the highest zoom is out of range");
  if (sb_mbtiles_reader_get_bounds (reader, bounds) && !(bounds[1] < bounds[3]))
    fuzz_fail ("bounds that do not hold together");

  /* The corners and the middle at a few zoom levels, and off the map. */
  for (int zoom = (int) MIN (max_zoom, 2) - 1; zoom <= (int) MIN (max_zoom + 1, SB_MBTILES_MAX_ZOOM); zoom++)
    {
      int last = zoom >= 0 ? (1 << MAX (zoom, 0)) - 1 : 0;
      const int coordinates[][2] = { { 0, 0 }, { last, last }, { last / 2, last / 2 }, { -1, 0 }, { 0, last + 1 } };

      for (guint i = 0; i < G_N_ELEMENTS (coordinates); i++)
        {
          g_autoptr(GBytes) tile = NULL;
          g_autoptr(GError) tile_error = NULL;

          tile = sb_mbtiles_reader_read_tile (reader, zoom, coordinates[i][0], coordinates[i][1], &tile_error);
          n_queries++;
          if ((tile == NULL) == (tile_error == NULL))
            fuzz_fail ("a tile read returned both or neither of a tile and an error");
          if (tile != NULL && (g_bytes_get_size (tile) == 0 || g_bytes_get_size (tile) > SB_MBTILES_MAX_TILE_SIZE))
            fuzz_fail ("a tile of a size no tile has");
          if (tile_error != NULL)
            check_text (tile_error->message, FALSE);
        }
    }
  check_time (start, n_queries);

  return 0;
}
