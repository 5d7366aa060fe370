/* sb-mbtiles-reader.c
 *
 * The file is checked when it is opened, so that the user hears at once
 * what is wrong with it: first a look at the SQLite header (a copy that
 * stopped half-way is the usual damage, and SQLite itself would only
 * notice when it reaches the missing pages), then the schema, the
 * metadata and one tile.
 *
 * The schema is the file's own, and a "tiles" view can be any query: one
 * with a recursive common table expression once hung the app at every
 * start. Views are legitimate (deduplicating tools store "map" and
 * "images" tables and a "tiles" view over them), so they are read, but
 * with the schema untrusted (no functions with side effects, no virtual
 * tables from views), SQLite's limits lowered, and a progress handler
 * that stops any query over its time budget. One connection is shared
 * by worker threads, one query at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-mbtiles-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sb-file-input.h"
#include "sb-mbtiles-reader.h"

#define SQLITE_HEADER_SIZE 100
#define BUSY_TIMEOUT_MS 2000
#define PROGRESS_STEPS 1000
#define MAX_METADATA_ROWS 1000

/* Long enough for a file on a slow USB stick; a hostile view runs into it. */
static guint query_budget_ms = 3000;

struct _SbMbtilesReader
{
  gatomicrefcount ref_count;

  char *display_name;
  GMutex lock;                     /* the connection, from worker threads */
  sqlite3 *db;
  sqlite3_stmt *tile_statement;
  gint64 deadline;                 /* of the query running, monotonic µs */
  GCancellable *cancellable;       /* while opening */
  gboolean over_budget;            /* the last query was stopped for time */

  char *name;
  char *format;
  char *attribution;
  guint min_zoom;
  guint max_zoom;
  gboolean tms;                    /* rows counted from the south */
  gboolean has_bounds;
  double bounds[4];                /* west, south, east, north */
};

typedef struct
{
  char *format;
  gboolean has_min_zoom;
  gboolean has_max_zoom;
} Metadata;

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

/* Called by SQLite every PROGRESS_STEPS instructions: non-zero stops the
 * query with SQLITE_INTERRUPT.
 */
static int
on_progress (void *data)
{
  SbMbtilesReader *self = data;

  if (g_get_monotonic_time () > self->deadline)
    {
      self->over_budget = TRUE;
      return 1;
    }

  return g_cancellable_is_cancelled (self->cancellable);
}

/* Every query starts its own budget; the lock is held. */
static void
start_query (SbMbtilesReader *self)
{
  self->over_budget = FALSE;
  self->deadline = g_get_monotonic_time () + (gint64) query_budget_ms * 1000;
}

static int
step (SbMbtilesReader *self,
      sqlite3_stmt    *statement)
{
  start_query (self);
  return sqlite3_step (statement);
}

static int
prepare (SbMbtilesReader  *self,
         const char       *sql,
         sqlite3_stmt    **statement)
{
  /* Preparing reads the schema, which can take time too. */
  start_query (self);
  return sqlite3_prepare_v2 (self->db, sql, -1, statement, NULL);
}

static void
set_not_database_error (SbMbtilesReader  *self,
                        GError          **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not an MBTiles file: it is not an SQLite database"),
               self->display_name);
}

/* SQLite's words may quote the file's own schema, in any bytes. */
static char *
sqlite_detail (SbMbtilesReader *self,
               int              rc)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  return g_utf8_make_valid (detail ? detail : "", -1);
}

/* SQLite's own words go in parentheses: they are not translated, but
 * they are what a colleague who knows SQLite would ask for.
 */
static void
set_sqlite_error (SbMbtilesReader  *self,
                  int               rc,
                  GError          **error)
{
  g_autofree char *detail = sqlite_detail (self, rc);

  if ((rc & 0xff) == SQLITE_INTERRUPT && self->over_budget)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   ngettext ("The tile file “%s” was not used: one of its queries took more than %u second; it may be damaged, or made to stall the programs that read it",
                             "The tile file “%s” was not used: one of its queries took more than %u seconds; it may be damaged, or made to stall the programs that read it",
                             MAX (1, query_budget_ms / 1000)),
                   self->display_name, MAX (1, query_budget_ms / 1000));
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Reading the tile file was cancelled"));
      break;

    case SQLITE_NOTADB:
      set_not_database_error (self, error);
      break;

    case SQLITE_TOOBIG:
      {
        g_autofree char *limit = g_format_size (SB_MBTILES_MAX_TILE_SIZE);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The tile file “%s” was not used: it holds a tile or a value larger than %s, more than any map tile"),
                     self->display_name, limit);
      }
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
set_read_error (SbMbtilesReader  *self,
                GFile            *file,
                GError           *read_error,
                GError          **error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The tile file “%s” was not found; it may have been moved or deleted"),
                   parse_name);
    }
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not an MBTiles file"), self->display_name);
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not an ordinary file (a device, a pipe or a socket), not an MBTiles file"),
                 self->display_name);
  else
    g_set_error (error, read_error->domain, read_error->code,
                 _("Could not read the tile file “%s”: %s"), self->display_name, read_error->message);
}

/* The header says how long the database is; a shorter file was cut off.
 * The size in the header counts only when the change counter matches the
 * version it was written at; a WAL file may hold the missing pages.
 */
static gboolean
check_header (SbMbtilesReader  *self,
              const guchar     *header,
              gsize             length,
              guint64           size,
              GError          **error)
{
  guint64 page_size;
  guint64 page_count;

  if (length < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      set_not_database_error (self, error);
      return FALSE;
    }

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
      && page_size * page_count > size)
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

/* Opened as any file the user names: an ordinary file, or refused at once. */
static gboolean
check_file_header (SbMbtilesReader  *self,
                   GFile            *file,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guchar header[SQLITE_HEADER_SIZE];
  gsize length = 0;
  guint64 size = 0;

  stream = sb_file_input_open (file, G_MAXUINT64 - 1, &size, cancellable, &local_error);
  if (stream == NULL
      || !g_input_stream_read_all (stream, header, sizeof header, &length, cancellable, &local_error))
    {
      set_read_error (self, file, local_error, error);
      return FALSE;
    }

  return check_header (self, header, length, size, error);
}

/* Returns: SQLITE_DONE after the last row, or an error code */
static int
find_tables (SbMbtilesReader *self,
             gboolean        *has_tiles,
             gboolean        *has_metadata)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  *has_tiles = *has_metadata = FALSE;

  rc = prepare (self,
                "SELECT name FROM sqlite_master"
                " WHERE type IN ('table', 'view') AND name IN ('tiles', 'metadata')",
                &statement);
  if (rc != SQLITE_OK)
    return rc;

  while ((rc = step (self, statement)) == SQLITE_ROW)
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
      || number < 0 || number > SB_MBTILES_MAX_ZOOM || number != floor (number))
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

/* Text the file gives: what is not UTF-8 is mended, not trusted. */
static const char *
column_text (sqlite3_stmt  *statement,
             int            column,
             char         **valid)
{
  const char *text = (const char *) sqlite3_column_text (statement, column);

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;

  *valid = g_utf8_make_valid (text, -1);
  return *valid;
}

static int
read_metadata (SbMbtilesReader *self,
               Metadata        *metadata)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  guint n_rows = 0;
  int rc;

  rc = prepare (self, "SELECT name, value FROM metadata", &statement);
  if (rc != SQLITE_OK)
    return rc;

  while (n_rows++ < MAX_METADATA_ROWS && (rc = step (self, statement)) == SQLITE_ROW)
    {
      g_autofree char *valid_key = NULL;
      g_autofree char *valid_value = NULL;
      const char *key = column_text (statement, 0, &valid_key);
      const char *value = column_text (statement, 1, &valid_value);

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

  /* A metadata table of a million rows is not read to its end. */
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;

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
check_format (SbMbtilesReader  *self,
              const char       *format,
              GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (format, -1);

  if (g_str_equal (lower, "pbf") || g_str_equal (lower, "mvt"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” holds vector tiles (format “%s”), which SahelBrief cannot draw; choose an MBTiles file with raster tiles (PNG, JPEG or WebP)"),
                   self->display_name, format);
      return FALSE;
    }

  if (g_str_equal (lower, "jpeg"))
    replace_string (&lower, "jpg");

  if (!g_str_equal (lower, "png") && !g_str_equal (lower, "jpg") && !g_str_equal (lower, "webp"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” holds tiles in the format “%s”, which SahelBrief cannot draw; choose an MBTiles file with PNG, JPEG or WebP tiles"),
                   self->display_name, format);
      return FALSE;
    }

  self->format = g_steal_pointer (&lower);
  return TRUE;
}

/* Reads one tile, which also shows that the tiles table can be read, and
 * sniffs the format when the metadata does not give it.
 */
static gboolean
check_tiles (SbMbtilesReader  *self,
             Metadata         *metadata,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  const char *format = metadata->format;
  int rc;

  rc = prepare (self, "SELECT tile_data FROM tiles LIMIT 1", &statement);
  if (rc == SQLITE_OK)
    rc = step (self, statement);

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
find_zoom_range (SbMbtilesReader *self,
                 Metadata        *metadata)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  /* An index on the zoom level, which every MBTiles tool makes, keeps
   * this quick.
   */
  rc = prepare (self, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", &statement);
  if (rc == SQLITE_OK)
    rc = step (self, statement);
  if (rc != SQLITE_ROW)
    return rc;

  if (!metadata->has_min_zoom)
    self->min_zoom = CLAMP (sqlite3_column_int (statement, 0), 0, SB_MBTILES_MAX_ZOOM);
  if (!metadata->has_max_zoom)
    self->max_zoom = CLAMP (sqlite3_column_int (statement, 1), 0, SB_MBTILES_MAX_ZOOM);

  return SQLITE_OK;
}

/* What a file from anyone may make SQLite do: little. */
static void
restrict_connection (SbMbtilesReader *self)
{
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_progress_handler (self->db, PROGRESS_STEPS, on_progress, self);

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_exec (self->db, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON", NULL, NULL, NULL);

  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, SB_MBTILES_MAX_TILE_SIZE);
  sqlite3_limit (self->db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (self->db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (self->db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (self->db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

static gboolean
check_database (SbMbtilesReader  *self,
                GError          **error)
{
  Metadata metadata = { NULL, };
  gboolean has_tiles;
  gboolean has_metadata;
  gboolean ok = FALSE;
  int rc;

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

  start_query (self);
  rc = sqlite3_prepare_v3 (self->db,
                           "SELECT tile_data FROM tiles"
                           " WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                           -1, SQLITE_PREPARE_PERSISTENT, &self->tile_statement, NULL);
  if ((rc & 0xff) == SQLITE_ERROR)
    {
      g_autofree char *detail = sqlite_detail (self, rc);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an MBTiles file: its “tiles” table lacks the columns zoom_level, tile_column, tile_row and tile_data (%s)"),
                   self->display_name, detail);
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

static SbMbtilesReader *
reader_new (const char *display_name)
{
  SbMbtilesReader *self = g_new0 (SbMbtilesReader, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->display_name = g_strdup (display_name);
  self->deadline = G_MAXINT64;

  return self;
}

/**
 * sb_mbtiles_reader_open:
 * @file: an MBTiles file on this computer
 *
 * Opens @file read-only and checks it; blocks, for as long as a few
 * queries within their budget take, so call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error
 *   set to a message for the user
 */
SbMbtilesReader *
sb_mbtiles_reader_open (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(SbMbtilesReader) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer; copy the MBTiles file to this computer first"),
                   parse_name);
      return NULL;
    }

  display_name = g_filename_display_basename (path);
  self = reader_new (display_name);

  if (!check_file_header (self, file, cancellable, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  restrict_connection (self);

  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  ok = check_database (self, error);
  g_clear_object (&self->cancellable);
  self->deadline = G_MAXINT64;

  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * sb_mbtiles_reader_open_image:
 * @image: the bytes of an MBTiles file
 * @display_name: how messages name it
 *
 * Reads an MBTiles file held in memory, as sb_mbtiles_reader_open()
 * reads one on disk: for tests and fuzzing.
 *
 * Returns: (transfer full) (nullable): the reader
 */
SbMbtilesReader *
sb_mbtiles_reader_open_image (GBytes      *image,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(SbMbtilesReader) self = NULL;
  const guchar *data;
  gsize length;
  guchar *copy;
  int rc;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = reader_new (display_name);
  data = g_bytes_get_data (image, &length);
  if (!check_header (self, data, length, length, error))
    return NULL;

  rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* SQLite owns and frees what it is given. */
  copy = sqlite3_malloc64 (length);
  if (copy == NULL)
    {
      set_sqlite_error (self, SQLITE_NOMEM, error);
      return NULL;
    }
  memcpy (copy, data, length);
  rc = sqlite3_deserialize (self->db, "main", copy, length, length,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  restrict_connection (self);

  if (!check_database (self, error))
    return NULL;
  self->deadline = G_MAXINT64;

  return g_steal_pointer (&self);
}

SbMbtilesReader *
sb_mbtiles_reader_ref (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_mbtiles_reader_unref (SbMbtilesReader *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->tile_statement, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->cancellable);
  g_free (self->display_name);
  g_free (self->name);
  g_free (self->format);
  g_free (self->attribution);
  g_free (self);
}

/**
 * sb_mbtiles_reader_read_tile:
 *
 * Reads the tile at @zoom, @x, @y (counted from the north, as web maps
 * do); blocks for one query within its budget. Safe from any thread.
 *
 * Returns: (transfer full) (nullable): the tile's image data, or %NULL
 *   with %G_IO_ERROR_NOT_FOUND when the file has no such tile
 */
GBytes *
sb_mbtiles_reader_read_tile (SbMbtilesReader  *self,
                             int               zoom,
                             int               x,
                             int               y,
                             GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  gint64 row;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (zoom < 0 || zoom > SB_MBTILES_MAX_ZOOM
      || x < 0 || x >= (1 << zoom)
      || y < 0 || y >= (1 << zoom))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No tile %d/%d/%d: outside the map", zoom, x, y);
      return NULL;
    }

  row = self->tms ? (1 << zoom) - 1 - y : y;

  locker = g_mutex_locker_new (&self->lock);

  sqlite3_reset (self->tile_statement);
  sqlite3_bind_int (self->tile_statement, 1, zoom);
  sqlite3_bind_int (self->tile_statement, 2, x);
  sqlite3_bind_int64 (self->tile_statement, 3, row);

  rc = step (self, self->tile_statement);
  self->deadline = G_MAXINT64;
  if (rc == SQLITE_ROW)
    {
      const void *data = sqlite3_column_blob (self->tile_statement, 0);
      int length = sqlite3_column_bytes (self->tile_statement, 0);

      if (data != NULL && length > 0)
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
                 "No tile %d/%d/%d in “%s”", zoom, x, y, self->display_name);

  return bytes;
}

const char *
sb_mbtiles_reader_get_display_name (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * sb_mbtiles_reader_get_name:
 *
 * Returns: the name in the file's metadata, or the file's name
 */
const char *
sb_mbtiles_reader_get_name (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * sb_mbtiles_reader_get_format:
 *
 * Returns: "png", "jpg" or "webp"
 */
const char *
sb_mbtiles_reader_get_format (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->format;
}

/**
 * sb_mbtiles_reader_get_attribution:
 *
 * Returns: (nullable): the attribution as the file gives it, which may be
 *   HTML (the specification allows it)
 */
const char *
sb_mbtiles_reader_get_attribution (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->attribution;
}

guint
sb_mbtiles_reader_get_min_zoom (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->min_zoom;
}

guint
sb_mbtiles_reader_get_max_zoom (SbMbtilesReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_zoom;
}

/**
 * sb_mbtiles_reader_get_bounds:
 * @bounds: (out caller-allocates): west, south, east, north
 *
 * Returns: whether the metadata gives the area the file covers
 */
gboolean
sb_mbtiles_reader_get_bounds (SbMbtilesReader *self,
                              double           bounds[4])
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_bounds)
    memcpy (bounds, self->bounds, sizeof self->bounds);

  return self->has_bounds;
}

/* Files made to stall are refused sooner in tests. */
void
sb_mbtiles_reader_set_query_budget_for_testing (guint milliseconds)
{
  query_budget_ms = milliseconds;
}
