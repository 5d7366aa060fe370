/* test-tiles.c
 *
 * Map tiles against a tile server of the test's own on 127.0.0.1: the
 * requests' User-Agent, caching and revalidation, at most two requests at
 * once, failures that leave the base map, and the tiles on screen, from
 * the server and from an MBTiles file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "sb-application.h"
#include "sb-map-view.h"
#include "sb-mbtiles-reader.h"
#include "sb-tile-setup.h"
#include "sb-tile-source.h"
#include "sb-window.h"
#include "sb-test-util.h"

#define TIMEOUT_MS 20000

typedef enum
{
  SERVE_PNG,
  SERVE_404,
  SERVE_500,
  SERVE_GARBAGE,
  SERVE_NOTHING,           /* never answers */
  SERVE_GZIP_BOMB,         /* 8 MB of "PNG", gzip-encoded in a few kB */
  SERVE_DRIP,              /* a byte every 100 ms, for ever */
} ServeMode;

typedef struct
{
  SoupServer *server;
  char *url_template;
  ServeMode mode;
  const char *cache_control;
  guint requests;
  guint in_flight;
  guint max_in_flight;
  guint delay_ms;
  char *last_user_agent;
  char *last_if_none_match;
  GBytes *png;
  GPtrArray *paused;
} TileServer;

static GBytes *
make_png (double red,
          double green,
          double blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  GdkTexture *texture;
  GBytes *bytes;

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_DEFAULT,
                                    g_bytes_new_static (cairo_image_surface_get_data (surface),
                                                        cairo_image_surface_get_stride (surface) * 256),
                                    cairo_image_surface_get_stride (surface));
  bytes = gdk_texture_save_to_png_bytes (texture);
  g_object_unref (texture);
  cairo_surface_destroy (surface);

  return bytes;
}

static gboolean
finish_delayed (gpointer user_data)
{
  SoupServerMessage *message = user_data;
  TileServer *server = g_object_get_data (G_OBJECT (message), "sb-server");

  server->in_flight--;
  soup_server_message_unpause (message);
  g_object_unref (message);

  return G_SOURCE_REMOVE;
}

static GBytes *
make_gzip_bomb (void)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree char *zeros = g_malloc0 (64 * 1024);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_write_all (out, "\x89PNG\r\n\x1a\n", 8, NULL, NULL, &error));
  for (guint i = 0; i < 128; i++)
    g_assert_true (g_output_stream_write_all (out, zeros, 64 * 1024, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
handle_tile (SoupServer        *soup_server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  TileServer *self = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  const char *if_none_match = soup_message_headers_get_one (request_headers, "If-None-Match");

  self->requests++;
  g_free (self->last_user_agent);
  self->last_user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));
  g_free (self->last_if_none_match);
  self->last_if_none_match = g_strdup (if_none_match);

  switch (self->mode)
    {
    case SERVE_404:
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;

    case SERVE_500:
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;

    case SERVE_GARBAGE:
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC, "not a png at all", 16);
      return;

    case SERVE_NOTHING:
      soup_server_message_pause (message);
      g_ptr_array_add (self->paused, g_object_ref (message));
      return;

    case SERVE_GZIP_BOMB:
      {
        g_autoptr(GBytes) bomb = make_gzip_bomb ();

        soup_message_headers_replace (response_headers, "Content-Encoding", "gzip");
        soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                          g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb));
      }
      return;

    case SERVE_DRIP:
      sb_test_serve_drip (message, "image/png", "\x89PNG\r\n\x1a\n");
      return;

    case SERVE_PNG:
    default:
      break;
    }

  soup_message_headers_replace (response_headers, "ETag", "\"tile-v1\"");
  if (self->cache_control != NULL)
    soup_message_headers_replace (response_headers, "Cache-Control", self->cache_control);

  if (g_strcmp0 (if_none_match, "\"tile-v1\"") == 0)
    soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (self->png, &length);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY, data, length);
    }

  if (self->delay_ms > 0)
    {
      self->in_flight++;
      self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
      g_object_set_data (G_OBJECT (message), "sb-server", self);
      soup_server_message_pause (message);
      g_timeout_add (self->delay_ms, finish_delayed, g_object_ref (message));
    }
}

static TileServer *
tile_server_new (void)
{
  TileServer *self = g_new0 (TileServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  self->png = make_png (0.9, 0.1, 0.1);
  self->paused = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (self->server, "/tiles", handle_tile, self, NULL);
  g_assert_true (soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  {
    g_autofree char *base = g_uri_to_string (uris->data);

    self->url_template = g_strdup_printf ("%stiles/{z}/{x}/{y}.png", base);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return self;
}

static void
tile_server_free (TileServer *self)
{
  /* Requests left waiting are answered so their connections close. */
  for (guint i = 0; i < self->paused->len; i++)
    {
      soup_server_message_set_status (g_ptr_array_index (self->paused, i), SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (g_ptr_array_index (self->paused, i));
    }
  g_ptr_array_unref (self->paused);
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_bytes_unref (self->png);
  g_free (self->url_template);
  g_free (self->last_user_agent);
  g_free (self->last_if_none_match);
  g_free (self);
}

static SbTileCache *
temporary_cache (void)
{
  g_autofree char *directory = sb_test_make_temp_dir ("sahelbrief-tiles-XXXXXX");

  return sb_tile_cache_new (directory, NULL);
}

typedef struct
{
  gboolean done;
  GBytes *bytes;
  GError *error;
} Fetch;

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;

  fetch->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &fetch->error);
  fetch->done = TRUE;
}

static void
wait_for (gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (!*done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GBytes *
fetch_tile (SbTileSource  *source,
            int            x,
            int            y,
            int            zoom,
            GError       **error)
{
  Fetch fetch = { FALSE, NULL, NULL };

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, zoom, NULL, on_fetched, &fetch);
  wait_for (&fetch.done);

  if (fetch.error != NULL)
    g_propagate_error (error, fetch.error);
  return fetch.bytes;
}

static void
test_user_agent_and_data (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fetch_tile (source, 1, 2, 3, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, server->png));
  g_assert_true (g_str_has_prefix (server->last_user_agent, "SahelBrief/"));
  g_assert_nonnull (strstr (server->last_user_agent, "(+http"));

  tile_server_free (server);
}

static void
test_fresh_tiles_come_from_the_cache (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileCache) cache = temporary_cache ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, cache);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(SbTileSource) later = NULL;
  SbTileStats stats;

  server->cache_control = "max-age=3600";
  first = fetch_tile (source, 0, 0, 1, NULL);
  g_assert_nonnull (first);

  /* The cache is written in a thread: a new source reads what was kept. */
  g_usleep (200 * 1000);
  later = sb_tile_source_new (server->url_template, cache);
  second = fetch_tile (later, 0, 0, 1, NULL);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpuint (server->requests, ==, 1);
  sb_tile_source_get_stats (later, &stats);
  g_assert_cmpuint (stats.cache_hits, ==, 1);

  tile_server_free (server);
}

static void
test_stale_tiles_are_revalidated (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileCache) cache = temporary_cache ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, cache);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  SbTileStats stats;

  /* Stale at once: each use asks whether it changed. */
  server->cache_control = "no-cache";
  first = fetch_tile (source, 2, 1, 2, NULL);
  g_assert_null (server->last_if_none_match);
  g_usleep (200 * 1000);

  second = fetch_tile (source, 2, 1, 2, NULL);
  g_assert_cmpstr (server->last_if_none_match, ==, "\"tile-v1\"");
  g_assert_true (g_bytes_equal (first, second));
  sb_tile_source_get_stats (source, &stats);
  g_assert_cmpuint (stats.not_modified, ==, 1);
  g_assert_cmpuint (server->requests, ==, 2);

  tile_server_free (server);
}

static void
test_stale_tiles_while_offline (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileCache) cache = temporary_cache ();
  g_autofree char *url_template = g_strdup (server->url_template);
  g_autoptr(SbTileSource) source = sb_tile_source_new (url_template, cache);
  g_autoptr(SbTileSource) offline = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  SbTileStats stats;

  server->cache_control = "no-cache";
  first = fetch_tile (source, 3, 3, 3, NULL);
  g_usleep (200 * 1000);
  tile_server_free (server);

  /* The server is gone: the stale copy is better than nothing. */
  offline = sb_tile_source_new (url_template, cache);
  second = fetch_tile (offline, 3, 3, 3, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  sb_tile_source_get_stats (offline, &stats);
  g_assert_cmpuint (stats.stale_used, ==, 1);
  g_assert_false (sb_tile_source_get_reachable (offline));
}

static guint64
largest_file (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 largest = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf info;

      if (g_stat (child, &info) != 0)
        continue;
      largest = MAX (largest, S_ISDIR (info.st_mode) ? largest_file (child) : (guint64) info.st_size);
    }

  return largest;
}

/* A few kB of gzip that decode to 8 MB: refused and counted, not kept. */
static void
test_too_large_tile (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileCache) cache = temporary_cache ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, cache);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SbTileStats stats;

  server->mode = SERVE_GZIP_BOMB;
  bytes = fetch_tile (source, 0, 0, 1, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  sb_tile_source_get_stats (source, &stats);
  g_assert_cmpuint (stats.too_large, ==, 1);

  g_usleep (200 * 1000);
  g_assert_cmpuint (largest_file (sb_tile_cache_get_directory (cache)), <=, SB_TILE_MAX_BYTES);

  tile_server_free (server);
}

/* A byte every 100 ms never trips the timeout between reads; the
 * minimum rate stops it.
 */
static void
test_dripping_tile (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();
  SbTileStats stats;

  server->mode = SERVE_DRIP;
  sb_tile_source_set_transfer_limits (source, 60, 100, 1);
  bytes = fetch_tile (source, 0, 0, 1, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  sb_tile_source_get_stats (source, &stats);
  g_assert_cmpuint (stats.too_slow, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* And a deadline for the whole. */
  g_clear_error (&error);
  sb_tile_source_set_transfer_limits (source, 2, 1, 60);
  bytes = fetch_tile (source, 0, 0, 2, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  sb_tile_source_get_stats (source, &stats);
  g_assert_cmpuint (stats.too_slow, ==, 2);

  tile_server_free (server);
}

static void
on_counted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  guint *remaining = user_data;
  g_autoptr(GBytes) bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, NULL);

  (*remaining)--;
}

static gboolean
is_zero (guint *value)
{
  return *value == 0;
}

static void
test_at_most_two_requests_at_once (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, NULL);
  guint remaining = 12;
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  server->delay_ms = 150;
  for (guint i = 0; i < 12; i++)
    shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), i, 0, 4, NULL, on_counted, &remaining);

  while (!is_zero (&remaining))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (server->requests, ==, 12);
  g_assert_cmpuint (server->max_in_flight, >=, 1);
  g_assert_cmpuint (server->max_in_flight, <=, 2);

  tile_server_free (server);
}

static void
test_failures_are_counted (void)
{
  const ServeMode modes[] = { SERVE_404, SERVE_500, SERVE_GARBAGE, SERVE_NOTHING };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      TileServer *server = tile_server_new ();
      g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SbTileStats stats;

      server->mode = modes[i];
      sb_tile_source_set_timeout (source, 1);
      bytes = fetch_tile (source, 0, 0, 1, &error);
      sb_tile_source_get_stats (source, &stats);

      /* Garbage sent as an image never reaches the renderer. */
      g_assert_null (bytes);
      g_assert_nonnull (error);
      g_assert_cmpuint (stats.failures, ==, 1);

      tile_server_free (server);
    }
}

static void
test_cancelled_requests (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileSource) source = sb_tile_source_new (server->url_template, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Fetch fetch = { FALSE, NULL, NULL };
  SbTileStats stats;

  server->mode = SERVE_NOTHING;
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), 0, 0, 2, cancellable, on_fetched, &fetch);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  wait_for (&fetch.done);

  g_assert_error (fetch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&fetch.error);
  sb_tile_source_get_stats (source, &stats);
  g_assert_cmpuint (stats.cancelled, ==, 1);

  tile_server_free (server);
}

static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[y * width + x] & 0xffffff;
}

/* Within a few steps per channel: renderers round differently. */
static gboolean
colour_near (guint32 colour,
             guint32 expected)
{
  for (int shift = 0; shift < 24; shift += 8)
    {
      int a = (colour >> shift) & 0xff;
      int b = (expected >> shift) & 0xff;

      if (ABS (a - b) > 3)
        return FALSE;
    }

  return TRUE;
}

static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 0; i < width * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i] & 0xffffff));

  return g_hash_table_size (colours);
}

static GtkWidget *
show_map (GtkWidget **window_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *map_view = g_object_new (SB_TYPE_MAP_VIEW, NULL);

  sb_map_view_set_selection (SB_MAP_VIEW (map_view), sb_selection_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), map_view);
  gtk_window_present (GTK_WINDOW (window));
  sb_map_view_go_to (SB_MAP_VIEW (map_view), 15.0, 0.0, 4.0);

  while (gtk_widget_get_width (map_view) == 0)
    g_main_context_iteration (NULL, TRUE);

  *window_out = window;
  return map_view;
}

static ShumateMapSource *
local_tiles (TileServer    *server,
             SbTileSource **data_source)
{
  g_autoptr(SbTileCache) cache = temporary_cache ();

  *data_source = sb_tile_source_new (server->url_template, cache);
  sb_tile_source_set_timeout (*data_source, 2);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full ("test", "Test", "© test", NULL, 0, 18, 256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (*data_source)));
}

/* Tiles arrive asynchronously (over HTTP or from worker threads) and some
 * requests are cancelled while the map settles, so counters are no measure
 * of "done": wait for what a person waits for, the colour on screen. */
static void
wait_for_colour (GtkWidget    *map_view,
                 guint32       expected,
                 SbTileSource *data_source,
                 TileServer   *server)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  guint32 colour = 0;

  do
    {
      g_autoptr(GdkTexture) texture = NULL;

      if (g_get_monotonic_time () >= deadline)
        {
          SbTileStats stats = { 0, };

          if (data_source != NULL)
            sb_tile_source_get_stats (data_source, &stats);
          g_error ("the tiles' colour never came on screen: found #%06x, expected #%06x "
                   "(source: %u requests, %u from cache, %u failed, %u cancelled; server: %u requests)",
                   colour, expected, stats.requests, stats.cache_hits, stats.failures, stats.cancelled,
                   server ? server->requests : 0);
        }

      sb_test_iterate_for (200);
      texture = sb_test_render (map_view);
      colour = pixel_at (texture, gtk_widget_get_width (map_view) / 2, gtk_widget_get_height (map_view) / 3);
    }
  while (!colour_near (colour, expected));
}

static void
test_tiles_on_screen (void)
{
  TileServer *server = tile_server_new ();
  g_autoptr(SbTileSource) data_source = NULL;
  g_autoptr(ShumateMapSource) tiles = local_tiles (server, &data_source);
  GtkWidget *window;
  GtkWidget *map_view = show_map (&window);
  SbTileStats stats = { 0, };

  sb_map_view_set_tiles (SB_MAP_VIEW (map_view), tiles);
  wait_for_colour (map_view, 0xe61a1a, data_source, server);

  /* They came from the server, not from anywhere else. */
  sb_tile_source_get_stats (data_source, &stats);
  g_assert_cmpuint (server->requests, >, 0);
  g_assert_cmpuint (stats.cache_hits, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  tile_server_free (server);
}

/* An MBTiles file made here, every tile of zoom 0 to 4 in one colour. */
static char *
create_mbtiles (GBytes *png)
{
  g_autofree char *directory = sb_test_make_temp_dir ("mbtiles-XXXXXX");
  char *path = g_build_filename (directory, "blue.mbtiles", NULL);
  sqlite3_stmt *insert = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN;"
                                 "CREATE TABLE metadata (name text, value text);"
                                 "INSERT INTO metadata VALUES ('name', 'Blue'), ('format', 'png'),"
                                 " ('minzoom', '0'), ('maxzoom', '4'), ('attribution', '© Blue');"
                                 "CREATE TABLE tiles (zoom_level integer, tile_column integer,"
                                 " tile_row integer, tile_data blob);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &insert, NULL), ==, SQLITE_OK);
  for (int zoom = 0; zoom <= 4; zoom++)
    for (int x = 0; x < 1 << zoom; x++)
      for (int y = 0; y < 1 << zoom; y++)
        {
          sqlite3_bind_int (insert, 1, zoom);
          sqlite3_bind_int (insert, 2, x);
          sqlite3_bind_int (insert, 3, y);
          sqlite3_bind_blob (insert, 4, g_bytes_get_data (png, NULL), g_bytes_get_size (png), SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
          sqlite3_reset (insert);
        }
  sqlite3_finalize (insert);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return path;
}

static void
test_mbtiles_on_screen (void)
{
  g_autoptr(GBytes) png = make_png (0.1, 0.3, 0.9);
  g_autofree char *path = create_mbtiles (png);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) tiles = sb_tile_setup_mbtiles (file, &error);
  GtkWidget *window;
  GtkWidget *map_view = show_map (&window);

  g_assert_no_error (error);
  sb_map_view_set_tiles (SB_MAP_VIEW (map_view), tiles);
  wait_for_colour (map_view, 0x1a4ce6, NULL, NULL);
  g_assert_null (sb_test_find_label (map_view, "No more detail in this map file"));

  /* Past the file's highest zoom (4), its tiles are drawn enlarged, and
   * the map says that there is no more detail.
   */
  sb_map_view_go_to (SB_MAP_VIEW (map_view), 15.0, 0.0, 8.0);
  wait_for_colour (map_view, 0x1a4ce6, NULL, NULL);
  g_assert_nonnull (sb_test_find_label (map_view, "No more detail in this map file"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
find_label_containing (GtkWidget  *root,
                       const char *words)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), words) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (find_label_containing (child, words))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget *window;
  const char *words;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label_containing (wait->window, wait->words);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* An MBTiles file made to stall whoever reads it once kept the window
 * from appearing at all. Now the window comes up at once with the base
 * map, and says why the file was not used.
 */
static void
test_hostile_mbtiles_window (void)
{
  g_autofree char *directory = sb_test_make_temp_dir ("hostile-XXXXXX");
  g_autofree char *path = g_build_filename (directory, "stall & wait.mbtiles", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SbApplication) application = sb_application_new ();
  sqlite3 *db = NULL;
  SbWindow *window;
  SbMapView *map_view;
  LabelWait wait;
  gint64 start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name text, value text);"
                                 "INSERT INTO metadata VALUES ('format', 'png'), ('minzoom', '0'), ('maxzoom', '4');"
                                 "CREATE VIEW tiles AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
                                 " SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'00' AS tile_data"
                                 " FROM r WHERE i < 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  sb_mbtiles_reader_set_query_budget_for_testing (4000);
  g_settings_set_string (settings, "mbtiles-path", path);
  g_settings_set_enum (settings, "tile-source", SB_TILES_MBTILES);

  /* The application's settings are what the window follows. */
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));

  start = g_get_monotonic_time ();
  window = sb_window_new (GTK_APPLICATION (application), sb_application_get_settings (application));
  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));
  map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));

  /* The window is up while the file is still being tried. */
  wait.window = GTK_WIDGET (window);
  wait.words = "“stall & wait.mbtiles” was not used";
  g_assert_true (sb_test_run_until (is_mapped, map_view, 3500));
  g_assert_false (label_shown (&wait));
  g_assert_null (sb_map_view_get_tiles (map_view));

  g_assert_true (sb_test_run_until (label_shown, &wait, TIMEOUT_MS));
  g_test_message ("refused after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_null (sb_map_view_get_tiles (map_view));

  sb_mbtiles_reader_set_query_budget_for_testing (3000);
  g_settings_reset (settings, "tile-source");
  g_settings_reset (settings, "mbtiles-path");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  TileServer *server;
  SbTileSource *data_source;
} FailingTiles;

/* The map asked the server, and counted what failed (a slow machine
 * needs longer than a second for it).
 */
static gboolean
failures_counted (gpointer data)
{
  FailingTiles *failing = data;
  SbTileStats stats;

  sb_tile_source_get_stats (failing->data_source, &stats);
  return failing->server->requests > 0 && (failing->server->mode == SERVE_NOTHING || stats.failures > 0);
}

static void
test_base_map_without_tiles (void)
{
  const ServeMode failing[] = { SERVE_404, SERVE_500, SERVE_GARBAGE, SERVE_NOTHING };
  GtkWidget *window;
  GtkWidget *map_view = show_map (&window);

  /* No tiles at all: the built-in base map. */
  sb_map_view_set_tiles (SB_MAP_VIEW (map_view), NULL);
  sb_test_iterate_for (300);
  {
    g_autoptr(GdkTexture) texture = sb_test_render (map_view);

    g_assert_cmpuint (count_colours (texture), >, 20);
  }

  /* Failing servers: the base map stays, failures are counted. */
  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      TileServer *server = tile_server_new ();
      g_autoptr(SbTileSource) data_source = NULL;
      g_autoptr(ShumateMapSource) tiles = local_tiles (server, &data_source);
      g_autoptr(GdkTexture) texture = NULL;
      SbTileStats stats;

      server->mode = failing[i];
      sb_map_view_set_tiles (SB_MAP_VIEW (map_view), tiles);
      sb_test_iterate_for (failing[i] == SERVE_NOTHING ? 3000 : 1000);
      g_assert_true (sb_test_run_until (failures_counted, &(FailingTiles) { server, data_source }, TIMEOUT_MS));

      texture = sb_test_render (map_view);
      g_assert_cmpuint (count_colours (texture), >, 20);
      sb_tile_source_get_stats (data_source, &stats);
      g_assert_cmpuint (server->requests, >, 0);
      if (failing[i] != SERVE_NOTHING)
        g_assert_cmpuint (stats.failures, >, 0);

      sb_map_view_set_tiles (SB_MAP_VIEW (map_view), NULL);
      tile_server_free (server);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tiles/user-agent-and-data", test_user_agent_and_data);
  g_test_add_func ("/tiles/fresh-tiles-come-from-the-cache", test_fresh_tiles_come_from_the_cache);
  g_test_add_func ("/tiles/stale-tiles-are-revalidated", test_stale_tiles_are_revalidated);
  g_test_add_func ("/tiles/stale-tiles-while-offline", test_stale_tiles_while_offline);
  g_test_add_func ("/tiles/at-most-two-requests-at-once", test_at_most_two_requests_at_once);
  g_test_add_func ("/tiles/failures-are-counted", test_failures_are_counted);
  g_test_add_func ("/tiles/too-large-tile", test_too_large_tile);
  g_test_add_func ("/tiles/dripping-tile", test_dripping_tile);
  g_test_add_func ("/tiles/cancelled-requests", test_cancelled_requests);
  g_test_add_func ("/tiles/tiles-on-screen", test_tiles_on_screen);
  g_test_add_func ("/tiles/mbtiles-on-screen", test_mbtiles_on_screen);
  g_test_add_func ("/tiles/hostile-mbtiles-window", test_hostile_mbtiles_window);
  g_test_add_func ("/tiles/base-map-without-tiles", test_base_map_without_tiles);

  return g_test_run ();
}
