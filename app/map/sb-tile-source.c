/* sb-tile-source.c
 *
 * Raster tiles over HTTP with the app's own User-Agent, kept on disk as
 * long as HTTP allows.
 *
 * A tile is looked up on disk first (in a worker thread); a fresh copy is
 * shown without asking the server. A stale one is revalidated with
 * If-None-Match / If-Modified-Since; when the server cannot be reached the
 * stale copy is shown all the same. Freshness follows Cache-Control and
 * Expires, and is a week when the server says nothing.
 *
 * Downloaded through SbDownload: the body is given up past
 * SB_TILE_MAX_BYTES as it comes out of libsoup's decoder (a gzip-encoded
 * "PNG" of 1.5 MB once became a tile of 1.6 GB); a request has a deadline
 * and, once data flows, a minimum rate, so that a server dripping bytes
 * cannot hold one of the two connections for ever; a tile server on the
 * internet is not followed into a private network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-tile-source"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "sb-download.h"
#include "sb-tile-source.h"

/* OpenStreetMap's tile policy asks for at most two connections. */
#define MAX_CONNECTIONS_PER_HOST 2
#define TIMEOUT_SECONDS 20
#define DEFAULT_FRESHNESS (7 * 24 * 3600)
#define DEADLINE_SECONDS 60
#define MIN_BYTES_PER_SECOND 256
#define RATE_WINDOW_SECONDS 10

struct _SbTileSource
{
  ShumateDataSource parent_instance;

  char *url_template;
  SbTileCache *cache;      /* nullable */
  SoupSession *session;
  SbTileStats stats;
  gboolean reachable;
  guint deadline_seconds;
  guint min_bytes_per_second;
  guint rate_window_seconds;
};

G_DEFINE_FINAL_TYPE (SbTileSource, sb_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  PROP_REACHABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x;
  int y;
  int zoom;
  SbCachedTile *cached;    /* nullable */

  /* While the tile is fetched. */
  SbDownload *download;
  gboolean not_modified;
} TileRequest;

static void
tile_request_free (TileRequest *request)
{
  g_clear_pointer (&request->cached, sb_cached_tile_free);
  g_clear_object (&request->download);
  g_free (request);
}

char *
sb_tile_source_dup_user_agent (void)
{
  return g_strdup_printf ("SahelBrief/%s (+%s)", PACKAGE_VERSION, PACKAGE_URL);
}

static char *
expand_template (const char *url_template,
                 int         x,
                 int         y,
                 int         zoom)
{
  g_autofree char *xs = g_strdup_printf ("%d", x);
  g_autofree char *ys = g_strdup_printf ("%d", y);
  g_autofree char *zs = g_strdup_printf ("%d", zoom);
  GString *url = g_string_new (url_template);

  g_string_replace (url, "{x}", xs, 0);
  g_string_replace (url, "{y}", ys, 0);
  g_string_replace (url, "{z}", zs, 0);

  return g_string_free (url, FALSE);
}

static void
set_reachable (SbTileSource *self,
               gboolean      reachable)
{
  if (self->reachable == reachable)
    return;

  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}

/* libshumate 1.0 paints a tile when the signal arrives, later versions
 * from the returned bytes; doing both works with every version.
 */
static void
return_tile (GTask  *task,
             GBytes *bytes)
{
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);

  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

/* When the response may be used until, by Cache-Control and Expires. */
static gint64
expiry_of (SoupMessageHeaders *headers,
           gboolean           *store)
{
  const char *cache_control = soup_message_headers_get_one (headers, "Cache-Control");
  const char *expires = soup_message_headers_get_one (headers, "Expires");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  *store = TRUE;

  if (cache_control != NULL)
    {
      g_autoptr(GHashTable) directives = soup_header_parse_param_list (cache_control);
      const char *max_age = g_hash_table_lookup (directives, "max-age");

      if (g_hash_table_contains (directives, "no-store"))
        {
          *store = FALSE;
          return now;
        }
      if (g_hash_table_contains (directives, "no-cache"))
        return now;
      if (max_age != NULL)
        return now + g_ascii_strtoll (max_age, NULL, 10);
    }

  if (expires != NULL)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (expires);

      if (date != NULL)
        return g_date_time_to_unix (date);
    }

  return now + DEFAULT_FRESHNESS;
}

static void
write_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SbTileSource *self = source_object;
  TileRequest *request = task_data;
  g_autoptr(GError) error = NULL;

  /* A cache that cannot be written costs only a download next time. */
  if (!sb_tile_cache_write (self->cache, request->zoom, request->x, request->y, request->cached, &error))
    g_debug ("Could not keep tile %d/%d/%d: %s", request->zoom, request->x, request->y, error->message);

  g_task_return_boolean (task, TRUE);
}

static void
store_in_cache (SbTileSource *self,
                TileRequest  *from,
                SbCachedTile *tile)
{
  g_autoptr(GTask) task = NULL;
  TileRequest *request;

  if (self->cache == NULL)
    {
      sb_cached_tile_free (tile);
      return;
    }

  request = g_new0 (TileRequest, 1);
  request->x = from->x;
  request->y = from->y;
  request->zoom = from->zoom;
  request->cached = tile;

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) tile_request_free);
  g_task_run_in_thread (task, write_cache_thread);
}

static gboolean
is_network_error (const GError *error)
{
  return error->domain == G_RESOLVER_ERROR ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
}

/* Nothing new to show: the stale copy if there is one, else the error. */
static void
fail_or_use_stale (GTask  *task,
                   GError *error)
{
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);

  if (request->cached != NULL)
    {
      self->stats.stale_used++;
      g_error_free (error);
      return_tile (task, request->cached->data);
      return;
    }

  self->stats.failures++;
  g_task_return_error (task, error);
}

/* Whether the bytes start like an image a tile can be: PNG, JPEG, WebP or
 * GIF. A captive portal or a proxy may answer a tile with a page; handing
 * that to the renderer would only log a warning per tile.
 */
static gboolean
looks_like_tile_image (GBytes *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return TRUE;
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return TRUE;
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return TRUE;
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return TRUE;

  return FALSE;
}

static void
fetch_failed (GTask  *task,
              GError *error)
{
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  GError *reason = NULL;

  if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_LARGE))
    {
      self->stats.too_large++;
      reason = g_error_new (G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "Tile %d/%d/%d: larger than %d bytes; not used",
                            request->zoom, request->x, request->y, SB_TILE_MAX_BYTES);
    }
  else if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_PAST_DEADLINE))
    {
      self->stats.too_slow++;
      reason = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Tile %d/%d/%d: not sent in time",
                            request->zoom, request->x, request->y);
    }
  else if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_TOO_SLOW))
    {
      self->stats.too_slow++;
      reason = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Tile %d/%d/%d: sent too slowly",
                            request->zoom, request->x, request->y);
    }
  else if (g_error_matches (error, SB_DOWNLOAD_ERROR, SB_DOWNLOAD_ERROR_REDIRECT_REFUSED))
    reason = g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "Tile %d/%d/%d: %s",
                          request->zoom, request->x, request->y, error->message);

  if (reason != NULL)
    {
      g_error_free (error);
      fail_or_use_stale (task, reason);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->stats.cancelled++;
      g_task_return_error (task, error);
      return;
    }

  if (is_network_error (error))
    set_reachable (self, FALSE);
  fail_or_use_stale (task, error);
}

static void
tile_received (GTask  *task,
               GBytes *bytes)
{
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (sb_download_get_message (request->download));
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  SbCachedTile *tile;
  gboolean store;

  if (!looks_like_tile_image (bytes))
    {
      fail_or_use_stale (task, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                            "Tile %d/%d/%d: the server sent %s that is not an image",
                                            request->zoom, request->x, request->y,
                                            content_type ? content_type : "content"));
      return;
    }

  tile = g_new0 (SbCachedTile, 1);
  tile->data = g_bytes_ref (bytes);
  tile->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  tile->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  tile->expires = expiry_of (headers, &store);

  return_tile (task, bytes);
  if (store)
    store_in_cache (self, request, tile);
  else
    sb_cached_tile_free (tile);
}

/* The answer's headers: a 304 ends it with the copy on disk; an error or
 * something that is not an image ends it without reading the body.
 */
static gboolean
check_response (SbDownload   *download,
                SoupMessage  *message,
                gpointer      user_data,
                GError      **error)
{
  GTask *task = user_data;
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  guint status = soup_message_get_status (message);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  set_reachable (self, TRUE);

  if (status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      request->not_modified = TRUE;
      return FALSE;
    }

  if (status != SOUP_STATUS_OK || (content_type != NULL && !g_str_has_prefix (content_type, "image/")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Tile %d/%d/%d: HTTP %u %s, %s",
                   request->zoom, request->x, request->y, status, soup_message_get_reason_phrase (message),
                   content_type ? content_type : "no content type");
      return FALSE;
    }

  return TRUE;
}

static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = sb_download_run_finish (SB_DOWNLOAD (object), result, &error);
  if (error != NULL)
    {
      fetch_failed (task, error);
      return;
    }

  if (request->not_modified)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (sb_download_get_message (request->download));
      SbCachedTile *tile = g_new0 (SbCachedTile, 1);
      gboolean store;

      self->stats.not_modified++;
      tile->data = g_bytes_ref (request->cached->data);
      tile->etag = g_strdup (request->cached->etag);
      tile->last_modified = g_strdup (request->cached->last_modified);
      tile->expires = expiry_of (headers, &store);
      return_tile (task, tile->data);
      store_in_cache (self, request, tile);
      return;
    }

  tile_received (task, bytes);
}

/* Takes @task's reference. */
static void
fetch (GTask *task)
{
  SbTileSource *self = g_task_get_source_object (task);
  TileRequest *request = g_task_get_task_data (task);
  g_autofree char *url = expand_template (self->url_template, request->x, request->y, request->zoom);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);
  GCancellable *caller_cancellable = g_task_get_cancellable (task);
  SbDownloadLimits limits = {
    .max_size = SB_TILE_MAX_BYTES,
    .deadline_seconds = self->deadline_seconds,
    .min_bytes_per_second = self->min_bytes_per_second,
    .rate_window_seconds = self->rate_window_seconds,
    .refuse_private_redirects = TRUE,
  };

  if (message == NULL)
    {
      self->stats.failures++;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Not a valid tile address: %s", url);
      g_object_unref (task);
      return;
    }

  if (request->cached != NULL)
    {
      SoupMessageHeaders *headers = soup_message_get_request_headers (message);

      if (request->cached->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", request->cached->etag);
      if (request->cached->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", request->cached->last_modified);
    }

  /* Cancelled by the caller or by a limit; the task ends cancelled only
   * for the caller.
   */
  request->download = sb_download_new (self->session, message, &limits);
  sb_download_set_headers_func (request->download, check_response, task);

  self->stats.requests++;
  sb_download_run_async (request->download, caller_cancellable, on_downloaded, task);
}

static void
read_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SbTileSource *self = source_object;
  TileRequest *request = task_data;

  g_task_return_pointer (task,
                         sb_tile_cache_read (self->cache, request->zoom, request->x, request->y),
                         (GDestroyNotify) sb_cached_tile_free);
}

static void
on_cache_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SbTileSource *self = SB_TILE_SOURCE (object);
  TileRequest *request = g_task_get_task_data (task);

  request->cached = g_task_propagate_pointer (G_TASK (result), NULL);

  if (g_task_return_error_if_cancelled (task))
    {
      self->stats.cancelled++;
      g_object_unref (task);
      return;
    }

  if (request->cached != NULL && sb_cached_tile_is_fresh (request->cached))
    {
      self->stats.cache_hits++;
      return_tile (task, request->cached->data);
      g_object_unref (task);
      return;
    }

  fetch (task);
}

static void
sb_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                    int                  x,
                                    int                  y,
                                    int                  zoom,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  SbTileSource *self = SB_TILE_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  TileRequest *request = g_new0 (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom;
  g_task_set_task_data (task, request, (GDestroyNotify) tile_request_free);
  g_task_set_source_tag (task, sb_tile_source_get_tile_data_async);

  if (self->cache == NULL)
    {
      fetch (task);
      return;
    }

  /* The disk is read off the main loop. */
  {
    g_autoptr(GTask) lookup = g_task_new (self, cancellable, on_cache_read, task);

    g_task_set_task_data (lookup, g_memdup2 (request, sizeof *request), g_free);
    g_task_run_in_thread (lookup, read_cache_thread);
  }
}

static GBytes *
sb_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sb_tile_source_finalize (GObject *object)
{
  SbTileSource *self = (SbTileSource *)object;

  g_clear_pointer (&self->url_template, g_free);
  g_clear_pointer (&self->cache, sb_tile_cache_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sb_tile_source_parent_class)->finalize (object);
}

static void
sb_tile_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SbTileSource *self = SB_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, self->url_template);
      break;

    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_tile_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SbTileSource *self = SB_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      self->url_template = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_tile_source_class_init (SbTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sb_tile_source_finalize;
  object_class->get_property = sb_tile_source_get_property;
  object_class->set_property = sb_tile_source_set_property;

  source_class->get_tile_data_async = sb_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = sb_tile_source_get_tile_data_finish;

  properties[PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SbTileSource:reachable:
   *
   * Whether the last request reached the server; %FALSE while the network
   * or the server is gone.
   */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_tile_source_init (SbTileSource *self)
{
  g_autofree char *user_agent = sb_tile_source_dup_user_agent ();

  self->reachable = TRUE;
  self->deadline_seconds = DEADLINE_SECONDS;
  self->min_bytes_per_second = MIN_BYTES_PER_SECOND;
  self->rate_window_seconds = RATE_WINDOW_SECONDS;
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", user_agent,
                                "max-conns-per-host", MAX_CONNECTIONS_PER_HOST,
                                "timeout", TIMEOUT_SECONDS,
                                NULL);
}

static void
sweep_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  sb_tile_cache_sweep (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * sb_tile_source_new:
 * @url_template: with {z}, {x} and {y}
 * @cache: (nullable): where tiles are kept between runs
 */
SbTileSource *
sb_tile_source_new (const char  *url_template,
                    SbTileCache *cache)
{
  SbTileSource *self;

  g_return_val_if_fail (url_template != NULL, NULL);

  self = g_object_new (SB_TYPE_TILE_SOURCE,
                       "url-template", url_template,
                       NULL);
  if (cache != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      self->cache = sb_tile_cache_ref (cache);

      /* What a killed run left, and the size, off the main loop. */
      g_task_set_task_data (task, sb_tile_cache_ref (cache), (GDestroyNotify) sb_tile_cache_unref);
      g_task_run_in_thread (task, sweep_cache_thread);
    }

  return self;
}

const char *
sb_tile_source_get_url_template (SbTileSource *self)
{
  g_return_val_if_fail (SB_IS_TILE_SOURCE (self), NULL);

  return self->url_template;
}

gboolean
sb_tile_source_get_reachable (SbTileSource *self)
{
  g_return_val_if_fail (SB_IS_TILE_SOURCE (self), FALSE);

  return self->reachable;
}

/**
 * sb_tile_source_set_timeout:
 *
 * Sets how long a request may wait on the server; 20 seconds unless set.
 */
void
sb_tile_source_set_timeout (SbTileSource *self,
                            guint         seconds)
{
  g_return_if_fail (SB_IS_TILE_SOURCE (self));

  soup_session_set_timeout (self->session, seconds);
}

/**
 * sb_tile_source_set_transfer_limits:
 * @deadline_seconds: how long a tile may take, all told; 60 unless set
 * @min_bytes_per_second: the slowest a tile may come once it comes; 256
 * @window_seconds: over how long that is judged; 10
 */
void
sb_tile_source_set_transfer_limits (SbTileSource *self,
                                    guint         deadline_seconds,
                                    guint         min_bytes_per_second,
                                    guint         window_seconds)
{
  g_return_if_fail (SB_IS_TILE_SOURCE (self));
  g_return_if_fail (window_seconds > 0);

  self->deadline_seconds = deadline_seconds;
  self->min_bytes_per_second = min_bytes_per_second;
  self->rate_window_seconds = window_seconds;
}

void
sb_tile_source_get_stats (SbTileSource *self,
                          SbTileStats  *stats)
{
  g_return_if_fail (SB_IS_TILE_SOURCE (self));

  *stats = self->stats;
}
