/* sb-mbtiles-source.c
 *
 * Raster tiles read from an MBTiles file, for rooms without a network.
 *
 * The file is checked when it is opened, so that Preferences can say at
 * once what is wrong with it: first a look at the SQLite header (a copy
 * that stopped half-way is the usual damage, and SQLite itself would only
 * notice when it reaches the missing pages), then the schema, the
 * metadata and one tile.
 *
 * Tiles are read in GTask worker threads on one read-only connection, one
 * query at a time. "received-data" is emitted back in the caller's main
 * context and before the request completes: libshumate 1.0's raster
 * renderer paints a tile only from that signal and only while the request
 * is pending, and it is not thread-safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-mbtiles-source"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sb-mbtiles-source.h"

#define SQLITE_HEADER_SIZE 100
#define MAX_ZOOM_LEVEL 30
#define BUSY_TIMEOUT_MS 2000

struct _SbMbtilesSource
{
  ShumateDataSource parent_instance;

  GFile *file;
  char *display_name;

  GMutex lock;                     /* the connection, from worker threads */
  sqlite3 *db;
  sqlite3_stmt *tile_statement;

  char *name;
  char *format;
  char *attribution;
  guint min_zoom;
  guint max_zoom;
  gboolean tms;                    /* rows counted from the south */
  gboolean has_bounds;
  double bounds[4];                /* west, south, east, north */
};

static void sb_mbtiles_source_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbMbtilesSource, sb_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, sb_mbtiles_source_initable_iface_init))

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_FORMAT,
  PROP_ATTRIBUTION,
  PROP_MIN_ZOOM,
  PROP_MAX_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
replace_string (char       **string,
                const char  *value)
{
  g_free (*string);
  *string = g_strdup (value);
}

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

static void
set_not_database_error (SbMbtilesSource  *self,
                        GError          **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not an MBTiles file: it is not an SQLite database"),
               self->display_name);
}

/* SQLite's own words go in parentheses: they are not translated, but
 * they are what a colleague who knows SQLite would ask for.
 */
static void
set_sqlite_error (SbMbtilesSource  *self,
                  int               rc,
                  GError          **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      set_not_database_error (self, error);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The tile file “%s” is damaged and cannot be read (%s)"),
                   self->display_name, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The tile file “%s” is in use by another program; try again when it is done (%s)"),
                   self->display_name, detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open the tile file “%s” (%s)"),
                   self->display_name, detail);
      break;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read the tile file “%s” (%s)"),
                   self->display_name, detail);
      break;
    }
}

static void
set_read_error (SbMbtilesSource  *self,
                GError           *read_error,
                GError          **error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The tile file “%s” was not found; it may have been moved or deleted"),
                   parse_name);
    }
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not an MBTiles file"), self->display_name);
  else
    g_set_error (error, read_error->domain, read_error->code,
                 _("Could not read the tile file “%s”: %s"), self->display_name, read_error->message);
}

/* The header says how long the database is; a shorter file was cut off.
 * The size in the header counts only when the change counter matches the
 * version it was written at; a WAL file may hold the missing pages.
 */
static gboolean
check_header (SbMbtilesSource  *self,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guchar header[SQLITE_HEADER_SIZE];
  gsize length = 0;
  guint64 page_size;
  guint64 page_count;
  goffset size;

  stream = g_file_read (self->file, cancellable, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, &local_error);
  if (info == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &length,
                                   cancellable, &local_error))
    {
      set_read_error (self, local_error, error);
      return FALSE;
    }

  if (length < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      set_not_database_error (self, error);
      return FALSE;
    }

  size = g_file_info_get_size (info);
  if (length < SQLITE_HEADER_SIZE)
    {
      g_autofree char *actual = g_format_size (size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The tile file “%s” is damaged: it is only %s; it was probably not copied completely"),
                   self->display_name, actual);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);

  if (header[18] != 2 && header[19] != 2
      && page_count > 0
      && read_be32 (header + 24) == read_be32 (header + 92)
      && page_size * page_count > (guint64) size)
    {
      g_autofree char *actual = g_format_size (size);
      g_autofree char *expected = g_format_size (page_size * page_count);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The tile file “%s” is damaged: it is %s but should be %s; it was probably not copied completely"),
                   self->display_name, actual, expected);
      return FALSE;
    }

  return TRUE;
}

/* Returns: SQLITE_DONE after the last row, or an error code */
static int
find_tables (SbMbtilesSource *self,
             gboolean        *has_tiles,
             gboolean        *has_metadata)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  *has_tiles = *has_metadata = FALSE;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT name FROM sqlite_master"
                           " WHERE type IN ('table', 'view') AND name IN ('tiles', 'metadata')",
                           -1, &statement, NULL);
  if (rc != SQLITE_OK)
    return rc;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (statement, 0);

      if (g_strcmp0 (table, "tiles") == 0)
        *has_tiles = TRUE;
      else if (g_strcmp0 (table, "metadata") == 0)
        *has_metadata = TRUE;
    }

  return rc;
}

static gboolean
parse_zoom (const char *value,
            guint      *zoom)
{
  char *end = NULL;
  double number;

  /* Some tools write "14.0". */
  number = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (number)
      || number < 0 || number > MAX_ZOOM_LEVEL || number != floor (number))
    return FALSE;

  *zoom = (guint) number;
  return TRUE;
}

static gboolean
parse_bounds (const char *value,
              double      bounds[4])
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

  if (g_strv_length (parts) != 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      g_strstrip (parts[i]);
      bounds[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (bounds[i]))
        return FALSE;
    }

  /* The west edge may lie east of the east edge: across the antimeridian. */
  return (fabs (bounds[0]) <= 180 && fabs (bounds[2]) <= 180
          && fabs (bounds[1]) <= 90 && fabs (bounds[3]) <= 90
          && bounds[1] < bounds[3]);
}

typedef struct
{
  char *format;
  gboolean has_min_zoom;
  gboolean has_max_zoom;
} Metadata;

static int
read_metadata (SbMbtilesSource *self,
               Metadata        *metadata)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &statement, NULL);
  if (rc != SQLITE_OK)
    return rc;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (statement, 0);
      const char *value = (const char *) sqlite3_column_text (statement, 1);

      if (key == NULL || value == NULL)
        continue;

      if (g_str_equal (key, "name"))
        replace_string (&self->name, value);
      else if (g_str_equal (key, "format"))
        replace_string (&metadata->format, value);
      else if (g_str_equal (key, "attribution"))
        replace_string (&self->attribution, value);
      else if (g_str_equal (key, "minzoom"))
        metadata->has_min_zoom = parse_zoom (value, &self->min_zoom);
      else if (g_str_equal (key, "maxzoom"))
        metadata->has_max_zoom = parse_zoom (value, &self->max_zoom);
      else if (g_str_equal (key, "bounds"))
        self->has_bounds = parse_bounds (value, self->bounds);
      /* Not in the specification, but some tools write it. */
      else if (g_str_equal (key, "scheme"))
        self->tms = g_ascii_strcasecmp (value, "xyz") != 0;
    }

  return rc;
}

static const char *
sniff_format (const guchar *data,
              gsize         length)
{
  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (length >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "jpg";
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "webp";
  /* Vector tiles are stored gzipped. */
  if (length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return "pbf";

  return NULL;
}

static gboolean
pixbuf_can_load (const char *pixbuf_format)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      if (g_strcmp0 (name, pixbuf_format) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_format (SbMbtilesSource  *self,
              const char       *format,
              GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (format, -1);
  const char *pixbuf_format;

  if (g_str_equal (lower, "pbf") || g_str_equal (lower, "mvt"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” holds vector tiles (format “%s”), which SahelBrief cannot draw; choose an MBTiles file with raster tiles (PNG, JPEG or WebP)"),
                   self->display_name, format);
      return FALSE;
    }

  if (g_str_equal (lower, "png"))
    pixbuf_format = "png";
  else if (g_str_equal (lower, "jpg") || g_str_equal (lower, "jpeg"))
    pixbuf_format = "jpeg";
  else if (g_str_equal (lower, "webp"))
    pixbuf_format = "webp";
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” holds tiles in the format “%s”, which SahelBrief cannot draw; choose an MBTiles file with PNG, JPEG or WebP tiles"),
                   self->display_name, format);
      return FALSE;
    }

  /* WebP needs a GdkPixbuf loader that is a separate package. */
  if (!pixbuf_can_load (pixbuf_format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” holds %s tiles, but this computer has no image loader for them (for WebP, install webp-pixbuf-loader)"),
                   self->display_name, format);
      return FALSE;
    }

  self->format = g_steal_pointer (&lower);
  if (g_str_equal (self->format, "jpeg"))
    replace_string (&self->format, "jpg");

  return TRUE;
}

/* Reads one tile, which also shows that the tiles table can be read, and
 * sniffs the format when the metadata does not give it.
 */
static gboolean
check_tiles (SbMbtilesSource  *self,
             Metadata         *metadata,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  const char *format = metadata->format;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles LIMIT 1", -1, &statement, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (statement);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The tile file “%s” holds no tiles"), self->display_name);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  if (format == NULL)
    {
      const guchar *data = sqlite3_column_blob (statement, 0);

      format = sniff_format (data, sqlite3_column_bytes (statement, 0));
      if (format == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” does not say what format its tiles are in, and they are not PNG, JPEG or WebP images"),
                       self->display_name);
          return FALSE;
        }
    }

  return check_format (self, format, error);
}

static int
find_zoom_range (SbMbtilesSource *self,
                 Metadata        *metadata)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  /* An index on the zoom level, which every MBTiles tool makes, keeps
   * this quick.
   */
  rc = sqlite3_prepare_v2 (self->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", -1, &statement, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    return rc;

  if (!metadata->has_min_zoom)
    self->min_zoom = CLAMP (sqlite3_column_int (statement, 0), 0, MAX_ZOOM_LEVEL);
  if (!metadata->has_max_zoom)
    self->max_zoom = CLAMP (sqlite3_column_int (statement, 1), 0, MAX_ZOOM_LEVEL);

  return SQLITE_OK;
}

static gboolean
open_database (SbMbtilesSource  *self,
               const char       *path,
               GError          **error)
{
  Metadata metadata = { NULL, };
  gboolean has_tiles;
  gboolean has_metadata;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  rc = find_tables (self, &has_tiles, &has_metadata);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  if (!has_tiles)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an MBTiles file: it has no “tiles” table"), self->display_name);
      return FALSE;
    }

  rc = sqlite3_prepare_v3 (self->db,
                           "SELECT tile_data FROM tiles"
                           " WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                           -1, SQLITE_PREPARE_PERSISTENT, &self->tile_statement, NULL);
  if ((rc & 0xff) == SQLITE_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an MBTiles file: its “tiles” table lacks the columns zoom_level, tile_column, tile_row and tile_data (%s)"),
                   self->display_name, sqlite3_errmsg (self->db));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  self->tms = TRUE;
  if (has_metadata)
    {
      rc = read_metadata (self, &metadata);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, rc, error);
          goto out;
        }
    }

  if (!check_tiles (self, &metadata, error))
    goto out;

  if (metadata.has_min_zoom && metadata.has_max_zoom && self->min_zoom > self->max_zoom)
    metadata.has_min_zoom = metadata.has_max_zoom = FALSE;

  if (!metadata.has_min_zoom || !metadata.has_max_zoom)
    {
      rc = find_zoom_range (self, &metadata);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self, rc, error);
          goto out;
        }
    }

  if (self->name == NULL)
    self->name = g_strdup (self->display_name);

  ok = TRUE;

out:
  g_free (metadata.format);
  return ok;
}

static gboolean
sb_mbtiles_source_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (initable);
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (self->file), FALSE);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer; copy the MBTiles file to this computer first"),
                   parse_name);
      return FALSE;
    }

  self->display_name = g_filename_display_basename (path);

  return check_header (self, cancellable, error) && open_database (self, path, error);
}

static void
sb_mbtiles_source_initable_iface_init (GInitableIface *iface)
{
  iface->init = sb_mbtiles_source_initable_init;
}

/* Called in worker threads. */
static GBytes *
read_tile (SbMbtilesSource    *self,
           const TileRequest  *request,
           GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  gint64 row;
  int rc;

  if (request->zoom < 0 || request->zoom > MAX_ZOOM_LEVEL
      || request->x < 0 || request->x >= (1 << request->zoom)
      || request->y < 0 || request->y >= (1 << request->zoom))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No tile %d/%d/%d: outside the map", request->zoom, request->x, request->y);
      return NULL;
    }

  row = self->tms ? (1 << request->zoom) - 1 - request->y : request->y;

  locker = g_mutex_locker_new (&self->lock);

  sqlite3_reset (self->tile_statement);
  sqlite3_bind_int (self->tile_statement, 1, request->zoom);
  sqlite3_bind_int (self->tile_statement, 2, request->x);
  sqlite3_bind_int64 (self->tile_statement, 3, row);

  rc = sqlite3_step (self->tile_statement);
  if (rc == SQLITE_ROW)
    {
      const void *data = sqlite3_column_blob (self->tile_statement, 0);
      int length = sqlite3_column_bytes (self->tile_statement, 0);

      if (length > 0)
        bytes = g_bytes_new (data, length);
    }
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      sqlite3_reset (self->tile_statement);
      return NULL;
    }

  sqlite3_reset (self->tile_statement);

  /* Files often cover only the region briefed on: no warning. */
  if (bytes == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "No tile %d/%d/%d in “%s”", request->zoom, request->x, request->y, self->display_name);

  return bytes;
}

static void
read_tile_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = read_tile (source_object, task_data, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
on_tile_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileRequest *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* libshumate 1.0 paints a tile when the signal arrives, later versions
   * from the returned bytes; doing both works with every version.
   */
  g_signal_emit_by_name (object, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
sb_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                       int                  x,
                                       int                  y,
                                       int                  zoom,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) reader = NULL;
  TileRequest request = { x, y, zoom };

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (task, g_memdup2 (&request, sizeof request), g_free);

  /* Its callback runs in this thread's main context. */
  reader = g_task_new (self, cancellable, on_tile_read, g_steal_pointer (&task));
  g_task_set_source_tag (reader, read_tile_in_thread);
  g_task_set_task_data (reader, g_memdup2 (&request, sizeof request), g_free);
  g_task_run_in_thread (reader, read_tile_in_thread);
}

static GBytes *
sb_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sb_mbtiles_source_finalize (GObject *object)
{
  SbMbtilesSource *self = (SbMbtilesSource *)object;

  g_clear_pointer (&self->tile_statement, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->attribution, g_free);

  G_OBJECT_CLASS (sb_mbtiles_source_parent_class)->finalize (object);
}

static void
sb_mbtiles_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_ATTRIBUTION:
      g_value_set_string (value, self->attribution);
      break;

    case PROP_MIN_ZOOM:
      g_value_set_uint (value, self->min_zoom);
      break;

    case PROP_MAX_ZOOM:
      g_value_set_uint (value, self->max_zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_mbtiles_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbMbtilesSource *self = SB_MBTILES_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_mbtiles_source_class_init (SbMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = sb_mbtiles_source_finalize;
  object_class->get_property = sb_mbtiles_source_get_property;
  object_class->set_property = sb_mbtiles_source_set_property;

  source_class->get_tile_data_async = sb_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = sb_mbtiles_source_get_tile_data_finish;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The rest is read from the file when it is opened, and stays. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ATTRIBUTION] =
    g_param_spec_string ("attribution", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MIN_ZOOM] =
    g_param_spec_uint ("min-zoom", NULL, NULL,
                       0, MAX_ZOOM_LEVEL, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MAX_ZOOM] =
    g_param_spec_uint ("max-zoom", NULL, NULL,
                       0, MAX_ZOOM_LEVEL, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_mbtiles_source_init (SbMbtilesSource *self)
{
  g_mutex_init (&self->lock);
}

/**
 * sb_mbtiles_source_new:
 * @file: an MBTiles file on this computer
 *
 * Opens @file read-only and checks it: a quick look that blocks briefly,
 * fit for the moment the user picks the file.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL with @error
 *   set to a message for the user
 */
SbMbtilesSource *
sb_mbtiles_source_new (GFile   *file,
                       GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (SB_TYPE_MBTILES_SOURCE, NULL, error,
                         "file", file,
                         NULL);
}

GFile *
sb_mbtiles_source_get_file (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);

  return self->file;
}

/**
 * sb_mbtiles_source_get_name:
 *
 * Returns: the name in the file's metadata, or the file's name
 */
const char *
sb_mbtiles_source_get_name (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);

  return self->name;
}

/**
 * sb_mbtiles_source_get_format:
 *
 * Returns: "png", "jpg" or "webp"
 */
const char *
sb_mbtiles_source_get_format (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);

  return self->format;
}

/**
 * sb_mbtiles_source_get_attribution:
 *
 * Returns: (nullable): the attribution as the file gives it, which may be
 *   HTML (the specification allows it)
 */
const char *
sb_mbtiles_source_get_attribution (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), NULL);

  return self->attribution;
}

guint
sb_mbtiles_source_get_min_zoom (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), 0);

  return self->min_zoom;
}

guint
sb_mbtiles_source_get_max_zoom (SbMbtilesSource *self)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), 0);

  return self->max_zoom;
}

/**
 * sb_mbtiles_source_get_bounds:
 * @west: (out) (optional):
 * @south: (out) (optional):
 * @east: (out) (optional):
 * @north: (out) (optional):
 *
 * The area the file covers, in degrees, as its metadata gives it; @west
 * is greater than @east when the area crosses the antimeridian.
 *
 * Returns: whether the metadata gives the area
 */
gboolean
sb_mbtiles_source_get_bounds (SbMbtilesSource *self,
                              double          *west,
                              double          *south,
                              double          *east,
                              double          *north)
{
  g_return_val_if_fail (SB_IS_MBTILES_SOURCE (self), FALSE);

  if (!self->has_bounds)
    return FALSE;

  if (west != NULL)
    *west = self->bounds[0];
  if (south != NULL)
    *south = self->bounds[1];
  if (east != NULL)
    *east = self->bounds[2];
  if (north != NULL)
    *north = self->bounds[3];

  return TRUE;
}
