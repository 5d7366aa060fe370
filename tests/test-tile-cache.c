/* test-tile-cache.c
 *
 * The tile cache on disk: a tile and its validators in one file that reads
 * back whole or not at all, what a killed run left removed, and the size
 * kept by removing the tiles used longest ago.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "sb-file-output.h"
#include "sb-tile-cache.h"
#include "sb-test-util.h"

static SbCachedTile *
make_tile (gsize       size,
           char        fill,
           const char *etag)
{
  SbCachedTile *tile = g_new0 (SbCachedTile, 1);
  char *data = g_malloc (size);

  memset (data, fill, size);
  memcpy (data, "\x89PNG\r\n\x1a\n", MIN (size, 8));
  tile->data = g_bytes_new_take (data, size);
  tile->etag = g_strdup (etag);
  tile->last_modified = g_strdup ("Wed, 10 Aug 2022 07:28:00 GMT");
  tile->expires = 1700000000;

  return tile;
}

static char *
tile_file (SbTileCache *cache,
           int          zoom,
           int          x,
           int          y)
{
  g_autofree char *name = g_strdup_printf ("%d.tile", y);
  g_autofree char *z = g_strdup_printf ("%d", zoom);
  g_autofree char *column = g_strdup_printf ("%d", x);

  return g_build_filename (sb_tile_cache_get_directory (cache), z, column, name, NULL);
}

static void
test_one_file (void)
{
  g_autofree char *root = sb_test_make_temp_dir ("tile-cache-XXXXXX");
  g_autoptr(SbTileCache) cache = sb_tile_cache_new (root, "server");
  g_autoptr(SbCachedTile) tile = make_tile (5000, 'a', "\"v1\"");
  g_autoptr(SbCachedTile) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tile_file (cache, 3, 2, 1);
  g_autofree char *meta = g_strconcat (path, ".meta", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *longer = NULL;
  gsize length;

  g_assert_true (sb_tile_cache_write (cache, 3, 2, 1, tile, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (meta, G_FILE_TEST_EXISTS));

  read = sb_tile_cache_read (cache, 3, 2, 1);
  g_assert_nonnull (read);
  g_assert_true (g_bytes_equal (read->data, tile->data));
  g_assert_cmpstr (read->etag, ==, "\"v1\"");
  g_assert_cmpstr (read->last_modified, ==, tile->last_modified);
  g_assert_cmpint (read->expires, ==, 1700000000);
  g_clear_pointer (&read, sb_cached_tile_free);

  /* Cut short, as a crash without a sync may leave it: not a tile. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length - 10, NULL));
  g_assert_null (sb_tile_cache_read (cache, 3, 2, 1));

  /* Longer than it says: not a tile either. */
  longer = g_strconcat (contents, "more", NULL);
  g_assert_true (g_file_set_contents (path, longer, length + 4, NULL));
  g_assert_null (sb_tile_cache_read (cache, 3, 2, 1));

  /* The format of earlier versions: not read. */
  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n....", 12, NULL));
  g_assert_null (sb_tile_cache_read (cache, 3, 2, 1));
}

/* A validator is sent back as a header: one that could end a line is
 * not kept.
 */
static void
test_unsafe_validators (void)
{
  g_autofree char *root = sb_test_make_temp_dir ("tile-cache-XXXXXX");
  g_autoptr(SbTileCache) cache = sb_tile_cache_new (root, NULL);
  g_autoptr(SbCachedTile) tile = make_tile (100, 'b', "\"v1\"\nexpires: 99999999999");
  g_autoptr(SbCachedTile) read = NULL;

  g_assert_true (sb_tile_cache_write (cache, 1, 0, 0, tile, NULL));
  read = sb_tile_cache_read (cache, 1, 0, 0);
  g_assert_nonnull (read);
  g_assert_null (read->etag);
  g_assert_cmpint (read->expires, ==, 1700000000);
}

static void
touch_hours_ago (const char *path,
                 int         hours)
{
  struct utimbuf times;

  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - hours * 3600;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* What a killed run left is removed once; the tiles stay. */
static void
test_sweep (void)
{
  g_autofree char *root = sb_test_make_temp_dir ("tile-cache-XXXXXX");
  g_autoptr(SbTileCache) cache = sb_tile_cache_new (root, "server");
  g_autoptr(SbCachedTile) tile = make_tile (1000, 'c', NULL);
  g_autofree char *path = tile_file (cache, 2, 1, 1);
  g_autofree char *folder = g_path_get_dirname (path);
  const char *leftovers[] = { ".1.tile.AbC123.sb-part", "1.tile.Xy12Zq", "1.meta.Xy12Zq", "1.meta" };

  g_assert_true (sb_tile_cache_write (cache, 2, 1, 1, tile, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *leftover = g_build_filename (folder, leftovers[i], NULL);

      g_assert_true (g_file_set_contents (leftover, "left over", -1, NULL));
    }
  g_assert_true (sb_file_output_is_temporary (leftovers[0]));

  sb_tile_cache_sweep (cache);

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *leftover = g_build_filename (folder, leftovers[i], NULL);

      g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (sb_tile_cache_get_size (cache), >, 1000);
  g_assert_cmpuint (sb_tile_cache_get_size (cache), <, 1200);
}

/* Over its size, the tiles used longest ago go first, across servers. */
static void
test_least_recently_used (void)
{
  g_autofree char *root = sb_test_make_temp_dir ("tile-cache-XXXXXX");
  g_autoptr(SbTileCache) cache = sb_tile_cache_new (root, "one");
  g_autoptr(SbTileCache) other = sb_tile_cache_new (root, "two");
  g_autofree char *next_oldest = NULL;
  guint64 max_size = 200 * 1024;
  guint n_kept = 0;

  sb_tile_cache_set_max_size (cache, max_size);
  sb_tile_cache_set_max_size (other, max_size);
  sb_tile_cache_sweep (cache);

  /* 15 tiles of 10 kB, each an hour older than the next. */
  for (int i = 0; i < 15; i++)
    {
      g_autoptr(SbCachedTile) tile = make_tile (10 * 1024, 'd', NULL);
      g_autofree char *path = tile_file (cache, 10, i, 0);

      g_assert_true (sb_tile_cache_write (cache, 10, i, 0, tile, NULL));
      touch_hours_ago (path, 100 - i);
    }

  /* The oldest three are used again. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(SbCachedTile) read = sb_tile_cache_read (cache, 10, i, 0);

      g_assert_nonnull (read);
    }

  /* Another server's tiles push the cache over its size. */
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(SbCachedTile) tile = make_tile (10 * 1024, 'e', NULL);

      g_assert_true (sb_tile_cache_write (other, 11, i, 0, tile, NULL));
    }

  for (int i = 0; i < 15; i++)
    {
      g_autofree char *path = tile_file (cache, 10, i, 0);
      gboolean kept = g_file_test (path, G_FILE_TEST_EXISTS);

      n_kept += kept;
      /* Used lately: kept. */
      if (i < 3)
        g_assert_true (kept);
    }
  /* The next oldest went. */
  next_oldest = tile_file (cache, 10, 3, 0);
  g_assert_false (g_file_test (next_oldest, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_kept, <, 15);
  g_assert_cmpuint (sb_tile_cache_get_size (other), <=, max_size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tile-cache/one-file", test_one_file);
  g_test_add_func ("/tile-cache/unsafe-validators", test_unsafe_validators);
  g_test_add_func ("/tile-cache/sweep", test_sweep);
  g_test_add_func ("/tile-cache/least-recently-used", test_least_recently_used);

  return g_test_run ();
}
