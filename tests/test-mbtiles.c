/* test-mbtiles.c
 *
 * SbMbtilesSource on MBTiles files made here with SQLite: tiles of one
 * colour each, so that a test can tell which tile it got; files without
 * tiles, with vector tiles, and damaged ones. No display is needed: a
 * ShumateDataSource is a plain GObject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sb-mbtiles-reader.h"
#include "sb-mbtiles-source.h"
#include "sb-tile-image.h"
#include "sb-tile-setup.h"
#include "sb-test-util.h"

#define TILE_SIZE 256

typedef struct
{
  int zoom;
  int x;
  int y;                   /* from the north, as libshumate counts */
  guint32 rgb;
} TileSpec;

static const TileSpec colour_tiles[] = {
  { 0, 0, 0, 0xff0000 },
  { 1, 0, 0, 0x00ff00 },   /* north-west: TMS row 1 */
  { 1, 0, 1, 0x0000ff },   /* south-west: TMS row 0 */
  { 1, 1, 0, 0xffff00 },
};

typedef enum
{
  WITH_METADATA = 1 << 0,
  WITH_FORMAT   = 1 << 1,
  WITH_ZOOM     = 1 << 2,
  WITH_TILES    = 1 << 3,
  AS_VIEW       = 1 << 4,
  WITH_NOISE    = 1 << 5,  /* a large tile, so that the file spans many pages */
  EMPTY_TILES   = 1 << 6,
} FileFlags;

#define GOOD_FILE (WITH_METADATA | WITH_FORMAT | WITH_ZOOM | WITH_TILES)

static char *tmp_dir;
static GThread *main_thread;

static GBytes *
make_png (guint32 rgb,
          gboolean noise)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, TILE_SIZE, TILE_SIZE);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, (rgb << 8) | 0xff);

  if (noise)
    {
      guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
      GRand *rand = g_rand_new_with_seed (42);

      for (int i = 0; i < gdk_pixbuf_get_rowstride (pixbuf) * TILE_SIZE; i++)
        pixels[i] = g_rand_int (rand) & 0xff;
      g_rand_free (rand);
    }

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, length);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
add_metadata (sqlite3    *db,
              const char *name,
              const char *value)
{
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO metadata VALUES (?, ?)", -1, &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, value, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
}

static void
add_tile (sqlite3 *db,
          int      zoom,
          int      x,
          int      y,
          GBytes  *bytes,
          gboolean as_view)
{
  sqlite3_stmt *statement = NULL;
  int row = (1 << zoom) - 1 - y;
  g_autofree char *id = g_strdup_printf ("%d/%d/%d", zoom, x, y);

  if (as_view)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO images VALUES (?, ?)", -1, &statement, NULL), ==, SQLITE_OK);
      sqlite3_bind_blob (statement, 1, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
      sqlite3_bind_text (statement, 2, id, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
      sqlite3_finalize (statement);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO map VALUES (?, ?, ?, ?)", -1, &statement, NULL), ==, SQLITE_OK);
      sqlite3_bind_int (statement, 1, zoom);
      sqlite3_bind_int (statement, 2, x);
      sqlite3_bind_int (statement, 3, row);
      sqlite3_bind_text (statement, 4, id, -1, SQLITE_STATIC);
    }
  else
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &statement, NULL), ==, SQLITE_OK);
      sqlite3_bind_int (statement, 1, zoom);
      sqlite3_bind_int (statement, 2, x);
      sqlite3_bind_int (statement, 3, row);
      sqlite3_bind_blob (statement, 4, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
    }

  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
}

static char *
create_file (const char *name,
             FileFlags   flags,
             const char *format)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  sqlite3 *db = NULL;

  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "BEGIN");

  if (flags & WITH_METADATA)
    {
      exec_sql (db, "CREATE TABLE metadata (name text, value text)");
      add_metadata (db, "name", "Sahel test tiles");
      add_metadata (db, "attribution", "© Test contributors");
      add_metadata (db, "bounds", "-20.5,5,25.25,25");
      add_metadata (db, "description", "Tiles of one colour each");
      if (flags & WITH_FORMAT)
        add_metadata (db, "format", format);
      if (flags & WITH_ZOOM)
        {
          add_metadata (db, "minzoom", "0");
          add_metadata (db, "maxzoom", "1");
        }
    }

  if (flags & AS_VIEW)
    {
      exec_sql (db, "CREATE TABLE map (zoom_level integer, tile_column integer, tile_row integer, tile_id text)");
      exec_sql (db, "CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row)");
      exec_sql (db, "CREATE TABLE images (tile_data blob, tile_id text)");
      exec_sql (db, "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
                    " map.tile_row AS tile_row, images.tile_data AS tile_data"
                    " FROM map JOIN images ON images.tile_id = map.tile_id");
    }
  else if (flags & WITH_TILES)
    {
      exec_sql (db, "CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
      exec_sql (db, "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
    }

  if ((flags & (WITH_TILES | AS_VIEW)) && !(flags & EMPTY_TILES))
    {
      for (guint i = 0; i < G_N_ELEMENTS (colour_tiles); i++)
        {
          g_autoptr(GBytes) png = make_png (colour_tiles[i].rgb, FALSE);

          add_tile (db, colour_tiles[i].zoom, colour_tiles[i].x, colour_tiles[i].y, png, flags & AS_VIEW);
        }

      if (flags & WITH_NOISE)
        {
          g_autoptr(GBytes) png = make_png (0, TRUE);

          add_tile (db, 1, 1, 1, png, flags & AS_VIEW);
        }
    }

  exec_sql (db, "COMMIT");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return path;
}

static SbMbtilesSource *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sb_mbtiles_source_new (file, error);
}

/* Fetching */

typedef struct
{
  int x;
  int y;
  int zoom;
  guint signals;
  gboolean signal_off_main_thread;
  gboolean signal_after_callback;
  GBytes *signal_bytes;
  gboolean done;
  GBytes *bytes;
  GError *error;
} Fetch;

static void
fetch_clear (Fetch *fetch)
{
  g_clear_pointer (&fetch->signal_bytes, g_bytes_unref);
  g_clear_pointer (&fetch->bytes, g_bytes_unref);
  g_clear_error (&fetch->error);
}

static void
on_received_data (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                zoom,
                  GBytes            *bytes,
                  gpointer           user_data)
{
  GPtrArray *fetches = user_data;

  for (guint i = 0; i < fetches->len; i++)
    {
      Fetch *fetch = g_ptr_array_index (fetches, i);

      if (fetch->x != x || fetch->y != y || fetch->zoom != zoom)
        continue;

      fetch->signals++;
      if (g_thread_self () != main_thread)
        fetch->signal_off_main_thread = TRUE;
      if (fetch->done)
        fetch->signal_after_callback = TRUE;
      g_clear_pointer (&fetch->signal_bytes, g_bytes_unref);
      fetch->signal_bytes = g_bytes_ref (bytes);
    }
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;

  g_assert_true (g_thread_self () == main_thread);
  fetch->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &fetch->error);
  fetch->done = TRUE;
}

/* Runs @n_fetches requests at once, and the main loop until all are done. */
static void
fetch_tiles (SbMbtilesSource *source,
             Fetch           *fetches,
             guint            n_fetches,
             GCancellable    *cancellable)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  gulong handler;
  gboolean all_done = FALSE;

  for (guint i = 0; i < n_fetches; i++)
    g_ptr_array_add (array, &fetches[i]);

  handler = g_signal_connect (source, "received-data", G_CALLBACK (on_received_data), array);

  for (guint i = 0; i < n_fetches; i++)
    shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source),
                                             fetches[i].x, fetches[i].y, fetches[i].zoom,
                                             cancellable, on_fetched, &fetches[i]);

  while (!all_done)
    {
      g_main_context_iteration (NULL, TRUE);

      all_done = TRUE;
      for (guint i = 0; i < n_fetches; i++)
        all_done = all_done && fetches[i].done;
    }

  /* Anything emitted late would show here. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_handler_disconnect (source, handler);
}

static Fetch
fetch_one (SbMbtilesSource *source,
           int              zoom,
           int              x,
           int              y)
{
  Fetch fetch = { .x = x, .y = y, .zoom = zoom };

  fetch_tiles (source, &fetch, 1, NULL);
  return fetch;
}

static guint32
centre_colour (GBytes *png)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *pixel;

  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, TILE_SIZE);

  pixel = gdk_pixbuf_read_pixels (pixbuf)
          + (TILE_SIZE / 2) * gdk_pixbuf_get_rowstride (pixbuf)
          + (TILE_SIZE / 2) * gdk_pixbuf_get_n_channels (pixbuf);

  return ((guint32) pixel[0] << 16) | ((guint32) pixel[1] << 8) | pixel[2];
}

/* Tests */

static void
test_open (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint max_zoom = 0;
  double west, south, east, north;

  source = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (SHUMATE_IS_DATA_SOURCE (source));

  g_assert_cmpstr (sb_mbtiles_source_get_name (source), ==, "Sahel test tiles");
  g_assert_cmpstr (sb_mbtiles_source_get_format (source), ==, "png");
  g_assert_cmpstr (sb_mbtiles_source_get_attribution (source), ==, "© Test contributors");
  g_assert_cmpuint (sb_mbtiles_source_get_min_zoom (source), ==, 0);
  g_assert_cmpuint (sb_mbtiles_source_get_max_zoom (source), ==, 1);
  g_assert_true (sb_mbtiles_source_get_bounds (source, &west, &south, &east, &north));
  g_assert_cmpfloat (west, ==, -20.5);
  g_assert_cmpfloat (south, ==, 5);
  g_assert_cmpfloat (east, ==, 25.25);
  g_assert_cmpfloat (north, ==, 25);
  g_assert_nonnull (sb_mbtiles_source_get_file (source));

  g_object_get (source, "name", &name, "max-zoom", &max_zoom, NULL);
  g_assert_cmpstr (name, ==, "Sahel test tiles");
  g_assert_cmpuint (max_zoom, ==, 1);
}

static void
test_tile (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = open_path (path, NULL);
  g_autoptr(GBytes) expected = make_png (0xff0000, FALSE);
  Fetch fetch;

  g_assert_nonnull (source);

  fetch = fetch_one (source, 0, 0, 0);
  g_assert_no_error (fetch.error);
  g_assert_nonnull (fetch.bytes);
  g_assert_true (g_bytes_equal (fetch.bytes, expected));
  g_assert_cmpuint (centre_colour (fetch.bytes), ==, 0xff0000);

  /* Once, in the main thread, while the request is still pending: the
   * moment libshumate 1.0's renderer can use it.
   */
  g_assert_cmpuint (fetch.signals, ==, 1);
  g_assert_false (fetch.signal_off_main_thread);
  g_assert_false (fetch.signal_after_callback);
  g_assert_true (g_bytes_equal (fetch.signal_bytes, expected));

  fetch_clear (&fetch);
}

static void
test_tms_rows (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = open_path (path, NULL);
  Fetch fetch;

  g_assert_nonnull (source);

  for (guint i = 0; i < G_N_ELEMENTS (colour_tiles); i++)
    {
      fetch = fetch_one (source, colour_tiles[i].zoom, colour_tiles[i].x, colour_tiles[i].y);
      g_assert_no_error (fetch.error);
      g_assert_cmpuint (centre_colour (fetch.bytes), ==, colour_tiles[i].rgb);
      fetch_clear (&fetch);
    }
}

static void
test_view (void)
{
  g_autofree char *path = create_file ("view.mbtiles", GOOD_FILE | AS_VIEW, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(SbMbtilesSource) source = open_path (path, &error);
  Fetch fetch;

  g_assert_no_error (error);

  fetch = fetch_one (source, 1, 0, 1);
  g_assert_no_error (fetch.error);
  g_assert_cmpuint (centre_colour (fetch.bytes), ==, 0x0000ff);
  g_assert_cmpuint (fetch.signals, ==, 1);
  fetch_clear (&fetch);
}

static void
test_missing_tile (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = open_path (path, NULL);
  /* Absent, under an absent tile past the file's zoom levels, too far
   * past them, and off the map.
   */
  Fetch fetches[] = {
    { .zoom = 1, .x = 1, .y = 1 },
    { .zoom = 3, .x = 7, .y = 7 },
    { .zoom = 10, .x = 0, .y = 0 },
    { .zoom = 1, .x = 2, .y = 0 },
    { .zoom = 1, .x = 0, .y = -1 },
    { .zoom = 40, .x = 0, .y = 0 },
  };

  g_assert_nonnull (source);

  /* Any warning would be fatal here. */
  fetch_tiles (source, fetches, G_N_ELEMENTS (fetches), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    {
      g_assert_error (fetches[i].error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_null (fetches[i].bytes);
      g_assert_cmpuint (fetches[i].signals, ==, 0);
      fetch_clear (&fetches[i]);
    }
}

/* Past the file's highest zoom (1 here), the tile there is enlarged. */
static void
test_enlarged (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = open_path (path, NULL);
  Fetch fetches[] = {
    { .zoom = 2, .x = 1, .y = 1 },      /* under 1/0/0, north-west */
    { .zoom = 4, .x = 15, .y = 0 },     /* under 1/1/0, north-east */
    { .zoom = 9, .x = 0, .y = 511 },    /* under 1/0/1, eight levels down */
  };
  const guint32 colours[] = { 0x00ff00, 0xffff00, 0x0000ff };

  g_assert_nonnull (source);
  g_assert_cmpuint (sb_mbtiles_source_get_max_zoom (source), ==, 1);
  fetch_tiles (source, fetches, G_N_ELEMENTS (fetches), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    {
      g_assert_no_error (fetches[i].error);
      g_assert_cmpuint (fetches[i].signals, ==, 1);
      g_assert_cmpuint (centre_colour (fetches[i].bytes), ==, colours[i]);
      fetch_clear (&fetches[i]);
    }
}

/* The part of the tile under the one asked for, at the size of a tile. */
static void
test_enlarge_part (void)
{
  g_autoptr(GdkPixbuf) quarters = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, TILE_SIZE, TILE_SIZE);
  g_autoptr(GdkPixbuf) huge = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4096, 16);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) huge_png = NULL;
  g_autoptr(GError) error = NULL;
  const guint32 colours[] = { 0xff0000, 0x00ff00, 0x0000ff, 0xffff00 };
  char *buffer = NULL;
  gsize length;

  for (guint q = 0; q < 4; q++)
    {
      g_autoptr(GdkPixbuf) part = gdk_pixbuf_new_subpixbuf (quarters, (q % 2) * TILE_SIZE / 2, (q / 2) * TILE_SIZE / 2,
                                                            TILE_SIZE / 2, TILE_SIZE / 2);

      gdk_pixbuf_fill (part, colours[q] << 8 | 0xff);
    }
  g_assert_true (gdk_pixbuf_save_to_buffer (quarters, &buffer, &length, "png", &error, NULL));
  png = g_bytes_new_take (buffer, length);

  for (guint q = 0; q < 4; q++)
    {
      g_autoptr(GBytes) enlarged = sb_tile_image_enlarge (png, 1, q % 2, q / 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (centre_colour (enlarged), ==, colours[q]);
    }

  /* An image far larger than a tile is refused before it is decoded. */
  g_assert_true (gdk_pixbuf_save_to_buffer (huge, &buffer, &length, "png", &error, NULL));
  huge_png = g_bytes_new_take (buffer, length);
  g_assert_null (sb_tile_image_enlarge (huge_png, 1, 0, 0, &error));
  g_assert_nonnull (error);
}

static void
test_many_at_once (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = open_path (path, NULL);
  Fetch fetches[64];

  g_assert_nonnull (source);

  /* Each tile once per request; absent tiles in between. */
  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    {
      const TileSpec *spec = &colour_tiles[i % G_N_ELEMENTS (colour_tiles)];

      fetches[i] = (Fetch) { .zoom = spec->zoom, .x = spec->x, .y = spec->y };
      if (i % 5 == 4)
        fetches[i] = (Fetch) { .zoom = 1, .x = 1, .y = 1 };
    }

  fetch_tiles (source, fetches, G_N_ELEMENTS (fetches), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    {
      if (i % 5 == 4)
        g_assert_error (fetches[i].error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      else
        {
          guint same = 0;

          g_assert_no_error (fetches[i].error);
          g_assert_cmpuint (centre_colour (fetches[i].bytes), ==, colour_tiles[i % G_N_ELEMENTS (colour_tiles)].rgb);

          /* The handler counts every emission for these coordinates. */
          for (guint j = 0; j < G_N_ELEMENTS (fetches); j++)
            if (j % 5 != 4 && fetches[j].zoom == fetches[i].zoom
                && fetches[j].x == fetches[i].x && fetches[j].y == fetches[i].y)
              same++;
          g_assert_cmpuint (fetches[i].signals, ==, same);
          g_assert_false (fetches[i].signal_off_main_thread);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    fetch_clear (&fetches[i]);
}

static void
test_cancelled (void)
{
  g_autofree char *path = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autoptr(SbMbtilesSource) source = open_path (path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Fetch fetch = { .zoom = 0, .x = 0, .y = 0 };

  g_assert_nonnull (source);

  g_cancellable_cancel (cancellable);
  fetch_tiles (source, &fetch, 1, cancellable);
  g_assert_error (fetch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fetch.signals, ==, 0);
  fetch_clear (&fetch);
}

static void
test_jpeg (void)
{
  g_autofree char *path = create_file ("jpeg.mbtiles", GOOD_FILE, "jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(SbMbtilesSource) source = open_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sb_mbtiles_source_get_format (source), ==, "jpg");
}

static void
test_no_format (void)
{
  g_autofree char *path = create_file ("no-format.mbtiles", WITH_METADATA | WITH_ZOOM | WITH_TILES, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbMbtilesSource) source = open_path (path, &error);

  /* Seen from the tiles themselves. */
  g_assert_no_error (error);
  g_assert_cmpstr (sb_mbtiles_source_get_format (source), ==, "png");
}

static void
test_no_metadata (void)
{
  g_autofree char *path = create_file ("bare.mbtiles", WITH_TILES | WITH_NOISE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbMbtilesSource) source = open_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sb_mbtiles_source_get_format (source), ==, "png");
  g_assert_cmpstr (sb_mbtiles_source_get_name (source), ==, "bare.mbtiles");
  g_assert_null (sb_mbtiles_source_get_attribution (source));
  g_assert_false (sb_mbtiles_source_get_bounds (source, NULL, NULL, NULL, NULL));
  /* From the tiles, as the metadata does not say. */
  g_assert_cmpuint (sb_mbtiles_source_get_min_zoom (source), ==, 0);
  g_assert_cmpuint (sb_mbtiles_source_get_max_zoom (source), ==, 1);
}

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbMbtilesSource) source = open_path (path, &error);

  g_assert_null (source);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static char *
create_hostile_file (const char *name,
                     const char *tiles_sql)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  sqlite3 *db = NULL;

  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "CREATE TABLE metadata (name text, value text)");
  add_metadata (db, "format", "png");
  add_metadata (db, "minzoom", "0");
  add_metadata (db, "maxzoom", "1");
  exec_sql (db, tiles_sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return path;
}

/* A "tiles" view that never ends hung the app at every start. Each query
 * has a budget (a fraction of a second here); over it, the file is
 * refused and says why.
 */
static void
test_endless_view (void)
{
  g_autofree char *path = create_hostile_file ("endless.mbtiles",
    "CREATE VIEW tiles AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
    " SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'89504e470d0a1a0a' AS tile_data"
    " FROM r WHERE i < 0");
  gint64 start = g_get_monotonic_time ();

  sb_mbtiles_reader_set_query_budget_for_testing (300);
  assert_refused (path, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "took more than");
  sb_mbtiles_reader_set_query_budget_for_testing (3000);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* A tile far larger than a tile can be is refused by SQLite itself. */
static void
test_huge_tile (void)
{
  g_autofree char *path = create_hostile_file ("huge.mbtiles",
    "CREATE VIEW tiles AS SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row,"
    " zeroblob(200000000) AS tile_data");

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "more than any map tile");
}

/* A named pipe in place of the file is refused, not waited on. */
static void
test_fifo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "pipe.mbtiles", NULL);

  g_remove (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not an ordinary file");
}

typedef struct
{
  SbMbtilesSource *source;
  GError *error;
  gboolean done;
} AsyncOpen;

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncOpen *open = user_data;

  open->source = sb_mbtiles_source_new_finish (result, &open->error);
  open->done = TRUE;
}

static gboolean
open_done (gpointer data)
{
  return ((AsyncOpen *) data)->done;
}

/* Opened in a worker thread, the main loop runs on meanwhile. */
static void
test_open_async (void)
{
  g_autofree char *good = create_file ("good.mbtiles", GOOD_FILE, "png");
  g_autofree char *endless = create_hostile_file ("endless-async.mbtiles",
    "CREATE VIEW tiles AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
    " SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'00' AS tile_data FROM r WHERE i < 0");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) endless_file = g_file_new_for_path (endless);
  AsyncOpen open = { NULL, };
  guint iterations = 0;

  sb_mbtiles_source_new_async (good_file, NULL, on_opened, &open);
  g_assert_true (sb_test_run_until (open_done, &open, 10000));
  g_assert_no_error (open.error);
  g_assert_cmpuint (sb_mbtiles_source_get_max_zoom (open.source), ==, 1);
  g_clear_object (&open.source);

  sb_mbtiles_reader_set_query_budget_for_testing (500);
  memset (&open, 0, sizeof open);
  sb_mbtiles_source_new_async (endless_file, NULL, on_opened, &open);
  while (!open.done)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      iterations++;
    }
  sb_mbtiles_reader_set_query_budget_for_testing (3000);

  g_assert_error (open.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_null (open.source);
  /* Opened on the main thread, the loop would not have turned at all
   * while the query ran; on a loaded machine it turns fewer than the
   * 500 a free one manages.
   */
  g_assert_cmpuint (iterations, >, 10);
  g_clear_error (&open.error);
}

/* The same reading, from a file held in memory (as the fuzzer does). */
static void
test_image (void)
{
  g_autofree char *path = create_file ("image.mbtiles", GOOD_FILE | AS_VIEW, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(SbMbtilesReader) reader = NULL;
  g_autoptr(GBytes) tile = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  image = g_bytes_new_take (contents, length);
  reader = sb_mbtiles_reader_open_image (image, "image.mbtiles", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_mbtiles_reader_get_name (reader), ==, "Sahel test tiles");
  tile = sb_mbtiles_reader_read_tile (reader, 1, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centre_colour (tile), ==, 0xffff00);
}

static void
test_vector (void)
{
  g_autofree char *path = create_file ("vector.mbtiles", GOOD_FILE, "pbf");

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "holds vector tiles (format “pbf”)");
}

static void
test_unknown_format (void)
{
  g_autofree char *path = create_file ("tiff.mbtiles", GOOD_FILE, "tiff-ish");

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "“tiff-ish”");
}

static void
test_not_found (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "nowhere.mbtiles", NULL);

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "was not found");
}

static void
test_directory (void)
{
  assert_refused (tmp_dir, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder");
}

static void
test_not_database (void)
{
  g_autofree char *random_path = g_build_filename (tmp_dir, "random.mbtiles", NULL);
  g_autofree char *empty_path = g_build_filename (tmp_dir, "empty.mbtiles", NULL);
  g_autofree char *text_path = g_build_filename (tmp_dir, "text.mbtiles", NULL);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  guchar data[8192];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int (rand) & 0xff;
  g_rand_free (rand);

  g_file_set_contents (random_path, (char *) data, sizeof data, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty_path, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (text_path, "{ \"format\": \"sahelbrief\" }\n", -1, &error);
  g_assert_no_error (error);

  assert_refused (random_path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "it is not an SQLite database");
  assert_refused (empty_path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "it is not an SQLite database");
  assert_refused (text_path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "it is not an SQLite database");
}

static void
test_truncated (void)
{
  g_autofree char *path = create_file ("truncated.mbtiles", GOOD_FILE | WITH_NOISE, "png");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16 * 4096);

  /* A copy that stopped half-way, and one that stopped in the header. */
  g_file_set_contents (path, contents, length / 2, &error);
  g_assert_no_error (error);
  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "was probably not copied completely");

  g_file_set_contents (path, contents, 60, &error);
  g_assert_no_error (error);
  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "it is only 60 bytes");
}

static void
test_corrupt_schema (void)
{
  g_autofree char *path = create_file ("corrupt.mbtiles", GOOD_FILE | WITH_NOISE, "png");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* Garbage over the page that holds the schema, after the header. */
  for (gsize i = 100; i < 4096 && i < length; i++)
    contents[i] = (char) (i * 7 + 3);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "is damaged and cannot be read");
}

/* Damage where only reading some tiles notices: an error for those, not
 * a crash.
 */
static void
test_corrupt_tiles (void)
{
  g_autofree char *path = create_file ("corrupt-tiles.mbtiles", GOOD_FILE | WITH_NOISE, "png");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbMbtilesSource) source = NULL;
  gsize length;
  Fetch fetches[G_N_ELEMENTS (colour_tiles) + 1];

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* The large tile was added last: its overflow pages end the file. */
  for (gsize i = length - 4 * 4096; i < length; i++)
    contents[i] = (char) (i * 13 + 5);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  source = open_path (path, &error);
  if (source == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("refused when opened: %s", error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (colour_tiles); i++)
    fetches[i] = (Fetch) { .zoom = colour_tiles[i].zoom, .x = colour_tiles[i].x, .y = colour_tiles[i].y };
  fetches[G_N_ELEMENTS (colour_tiles)] = (Fetch) { .zoom = 1, .x = 1, .y = 1 };

  fetch_tiles (source, fetches, G_N_ELEMENTS (fetches), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (colour_tiles); i++)
    {
      g_assert_no_error (fetches[i].error);
      g_assert_cmpuint (centre_colour (fetches[i].bytes), ==, colour_tiles[i].rgb);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    {
      g_assert_true (!!fetches[i].bytes != !!fetches[i].error);
      if (fetches[i].error != NULL)
        g_test_message ("%d/%d/%d: %s", fetches[i].zoom, fetches[i].x, fetches[i].y, fetches[i].error->message);
      fetch_clear (&fetches[i]);
    }
}

static void
test_no_tiles_table (void)
{
  g_autofree char *path = create_file ("no-tiles.mbtiles", WITH_METADATA | WITH_FORMAT | WITH_ZOOM, "png");

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "it has no “tiles” table");
}

static void
test_no_tiles (void)
{
  g_autofree char *path = create_file ("empty-tiles.mbtiles", GOOD_FILE | EMPTY_TILES, "png");

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "holds no tiles");
}

static void
test_wrong_columns (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "columns.mbtiles", NULL);
  sqlite3 *db = NULL;

  g_remove (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "CREATE TABLE tiles (z integer, x integer, y integer, image blob)");
  sqlite3_close (db);

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "lacks the columns");
}

/* The map source the app makes of a file, as Preferences choose it. */
static void
test_map_source (void)
{
  g_autofree char *path = create_file ("map-source.mbtiles", GOOD_FILE, "png");
  g_autoptr(GSettings) settings = g_settings_new ("com.example.SahelBrief");
  g_autoptr(ShumateMapSource) source = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* An attribution in HTML, as the MBTiles specification allows. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "UPDATE metadata SET value = '<a href=\"https://example.org\">&copy; Test &amp; Co</a>' "
                "WHERE name = 'attribution'");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_settings_set_string (settings, "tile-source", "mbtiles");
  g_settings_set_string (settings, "mbtiles-path", "");
  source = sb_tile_setup_from_settings (settings, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_settings_set_string (settings, "mbtiles-path", "/nonexistent/tiles.mbtiles");
  source = sb_tile_setup_from_settings (settings, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/tiles.mbtiles"));
  g_clear_error (&error);

  g_settings_set_string (settings, "mbtiles-path", path);
  source = sb_tile_setup_from_settings (settings, &error);
  g_assert_no_error (error);
  g_assert_true (SHUMATE_IS_MAP_SOURCE (source));
  g_assert_cmpstr (shumate_map_source_get_name (source), ==, "Sahel test tiles");
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, "© Test & Co");
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 0);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 1);

  g_settings_reset (settings, "tile-source");
  g_settings_reset (settings, "mbtiles-path");
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  tmp_dir = sb_test_make_temp_dir ("sb-mbtiles-XXXXXX");

  g_test_add_func ("/mbtiles/open", test_open);
  g_test_add_func ("/mbtiles/map-source", test_map_source);
  g_test_add_func ("/mbtiles/tile", test_tile);
  g_test_add_func ("/mbtiles/tms-rows", test_tms_rows);
  g_test_add_func ("/mbtiles/view", test_view);
  g_test_add_func ("/mbtiles/missing-tile", test_missing_tile);
  g_test_add_func ("/mbtiles/enlarged", test_enlarged);
  g_test_add_func ("/mbtiles/enlarge-part", test_enlarge_part);
  g_test_add_func ("/mbtiles/many-at-once", test_many_at_once);
  g_test_add_func ("/mbtiles/cancelled", test_cancelled);
  g_test_add_func ("/mbtiles/jpeg", test_jpeg);
  g_test_add_func ("/mbtiles/no-format", test_no_format);
  g_test_add_func ("/mbtiles/no-metadata", test_no_metadata);
  g_test_add_func ("/mbtiles/vector", test_vector);
  g_test_add_func ("/mbtiles/unknown-format", test_unknown_format);
  g_test_add_func ("/mbtiles/not-found", test_not_found);
  g_test_add_func ("/mbtiles/directory", test_directory);
  g_test_add_func ("/mbtiles/not-database", test_not_database);
  g_test_add_func ("/mbtiles/truncated", test_truncated);
  g_test_add_func ("/mbtiles/corrupt-schema", test_corrupt_schema);
  g_test_add_func ("/mbtiles/corrupt-tiles", test_corrupt_tiles);
  g_test_add_func ("/mbtiles/no-tiles-table", test_no_tiles_table);
  g_test_add_func ("/mbtiles/no-tiles", test_no_tiles);
  g_test_add_func ("/mbtiles/wrong-columns", test_wrong_columns);
  g_test_add_func ("/mbtiles/endless-view", test_endless_view);
  g_test_add_func ("/mbtiles/huge-tile", test_huge_tile);
  g_test_add_func ("/mbtiles/fifo", test_fifo);
  g_test_add_func ("/mbtiles/open-async", test_open_async);
  g_test_add_func ("/mbtiles/image", test_image);

  return g_test_run ();
}
