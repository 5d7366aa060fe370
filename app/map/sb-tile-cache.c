/* sb-tile-cache.c
 *
 * One file per tile, "ROOT/NAME/Z/X/Y.tile": a short text header with
 * the expiry and validators and the length of the image, then the image.
 * It is written whole through SbFileOutput (without fsync: a tile can be
 * fetched again), so that a crash cannot pair new data with old
 * validators, and a file that does not read back exactly is taken as
 * absent.
 *
 * Reads and writes block: the tile source calls them from worker
 * threads. A file's modification time is when it was last used. The
 * whole root (every server's tiles) is held to one size: once over it,
 * the files used longest ago are removed until it is well under. What a
 * write that never ended left behind is removed once per run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-tile-cache"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "sb-file-input.h"
#include "sb-file-output.h"
#include "sb-tile-cache.h"

#define MAGIC "SahelBrief tile 1\n"
#define MAX_HEADER 4096
/* Used tiles are marked as such at most this often. */
#define TOUCH_INTERVAL ((gint64) 3600 * G_USEC_PER_SEC)
/* Evicting goes this far under the size, so that it is not done often. */
#define EVICT_TO(max) ((max) / 10 * 8)
#define MAX_DEPTH 5

struct _SbTileCache
{
  gatomicrefcount ref_count;
  char *root;
  char *directory;

  GMutex lock;
  guint64 max_size;
  guint64 size;            /* of the whole root, as far as known */
  gboolean size_known;
  gboolean evicting;
};

/* Roots swept in this run. */
static GMutex swept_lock;
static GHashTable *swept;

SbTileCache *
sb_tile_cache_new (const char *root,
                   const char *name)
{
  SbTileCache *self;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_new0 (SbTileCache, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->root = g_strdup (root);
  self->directory = name ? g_build_filename (root, name, NULL) : g_strdup (root);
  self->max_size = SB_TILE_CACHE_DEFAULT_SIZE;

  return self;
}

SbTileCache *
sb_tile_cache_ref (SbTileCache *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_tile_cache_unref (SbTileCache *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_mutex_clear (&self->lock);
  g_free (self->root);
  g_free (self->directory);
  g_free (self);
}

const char *
sb_tile_cache_get_directory (SbTileCache *self)
{
  return self->directory;
}

/**
 * sb_tile_cache_set_max_size:
 * @max_size: in bytes, for the whole root
 */
void
sb_tile_cache_set_max_size (SbTileCache *self,
                            guint64      max_size)
{
  g_mutex_lock (&self->lock);
  self->max_size = max_size;
  g_mutex_unlock (&self->lock);
}

static char *
tile_path (SbTileCache *self,
           int          zoom,
           int          x,
           int          y)
{
  g_autofree char *name = g_strdup_printf ("%d.tile", y);
  g_autofree char *z = g_strdup_printf ("%d", zoom);
  g_autofree char *column = g_strdup_printf ("%d", x);

  return g_build_filename (self->directory, z, column, name, NULL);
}

void
sb_cached_tile_free (SbCachedTile *tile)
{
  if (tile == NULL)
    return;

  g_clear_pointer (&tile->data, g_bytes_unref);
  g_free (tile->etag);
  g_free (tile->last_modified);
  g_free (tile);
}

gboolean
sb_cached_tile_is_fresh (const SbCachedTile *tile)
{
  return tile->expires > g_get_real_time () / G_USEC_PER_SEC;
}

/* Returns: the tile, or %NULL when @data is not one, whole */
static SbCachedTile *
parse_tile (GBytes *bytes)
{
  g_autoptr(SbCachedTile) tile = g_new0 (SbCachedTile, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end_of_header;
  g_autofree char *header = NULL;
  g_auto(GStrv) lines = NULL;
  guint64 length = G_MAXUINT64;
  gsize offset;

  if (size < strlen (MAGIC) || memcmp (data, MAGIC, strlen (MAGIC)) != 0)
    return NULL;

  end_of_header = g_strstr_len (data, MIN (size, MAX_HEADER), "\n\n");
  if (end_of_header == NULL)
    return NULL;

  header = g_strndup (data + strlen (MAGIC), end_of_header - data - strlen (MAGIC));
  lines = g_strsplit (header, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *value = strstr (lines[i], ": ");

      if (value == NULL)
        return NULL;
      value += 2;

      if (g_str_has_prefix (lines[i], "expires: "))
        tile->expires = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_has_prefix (lines[i], "etag: "))
        tile->etag = g_strdup (value);
      else if (g_str_has_prefix (lines[i], "last-modified: "))
        tile->last_modified = g_strdup (value);
      else if (g_str_has_prefix (lines[i], "length: "))
        length = g_ascii_strtoull (value, NULL, 10);
    }

  /* Torn, or grown: not this tile. */
  offset = end_of_header + 2 - data;
  if (length != size - offset || length == 0)
    return NULL;

  tile->data = g_bytes_new_from_bytes (bytes, offset, length);
  return g_steal_pointer (&tile);
}

/**
 * sb_tile_cache_read:
 *
 * Returns: (nullable): the tile as stored, fresh or not
 */
SbCachedTile *
sb_tile_cache_read (SbTileCache *self,
                    int          zoom,
                    int          x,
                    int          y)
{
  g_autofree char *path = tile_path (self, zoom, x, y);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  SbCachedTile *tile;
  GStatBuf info;

  bytes = sb_file_input_load (file, SB_TILE_MAX_BYTES + MAX_HEADER, NULL, NULL);
  if (bytes == NULL)
    return NULL;

  tile = parse_tile (bytes);
  if (tile == NULL)
    return NULL;

  /* Used now: the last to go when the cache is full. */
  if (g_stat (path, &info) == 0
      && g_get_real_time () - (gint64) info.st_mtime * G_USEC_PER_SEC > TOUCH_INTERVAL)
    g_utime (path, NULL);

  return tile;
}

/* Validators are sent back as headers: nothing that could end a line. */
static gboolean
is_header_value (const char *value)
{
  if (value == NULL || *value == '\0' || strlen (value) > 1024)
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;

  return TRUE;
}

typedef struct
{
  char *path;
  gint64 mtime;
  guint64 size;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->path);
}

/* What GLib's g_file_set_contents() left of an unfinished write, as
 * earlier versions kept tiles with it: "Y.tile.XXXXXX", "Y.meta.XXXXXX".
 */
static gboolean
is_glib_temporary (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;

  if (dot == NULL || strlen (dot + 1) != 6)
    return FALSE;

  stem = g_strndup (name, dot - name);
  return g_str_has_suffix (stem, ".tile") || g_str_has_suffix (stem, ".meta");
}

/* Collects the tiles under @path; removes what is left of unfinished
 * writes, and the validator files of earlier versions.
 */
static void
walk (const char *path,
      guint       depth,
      GArray     *entries,
      gboolean    clean)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf info;

      if (g_lstat (child, &info) != 0)
        continue;

      if (S_ISDIR (info.st_mode))
        {
          if (depth < MAX_DEPTH)
            walk (child, depth + 1, entries, clean);
          continue;
        }

      if (!S_ISREG (info.st_mode))
        continue;

      if (clean && (sb_file_output_is_temporary (name) || is_glib_temporary (name)
                    || g_str_has_suffix (name, ".meta")))
        {
          g_remove (child);
          continue;
        }

      if (g_str_has_suffix (name, ".tile"))
        {
          Entry entry = { g_steal_pointer (&child), info.st_mtime, info.st_size };

          g_array_append_val (entries, entry);
        }
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;

  return entry_a->mtime < entry_b->mtime ? -1 : entry_a->mtime > entry_b->mtime;
}

/* Measures the root and, when it is over its size, removes the tiles used
 * longest ago until it is well under. Blocks.
 */
static void
measure_and_evict (SbTileCache *self,
                   gboolean     clean)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint64 total = 0;
  guint64 max_size;

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  walk (self->root, 0, entries, clean);

  for (guint i = 0; i < entries->len; i++)
    total += g_array_index (entries, Entry, i).size;

  g_mutex_lock (&self->lock);
  max_size = self->max_size;
  g_mutex_unlock (&self->lock);

  if (total > max_size)
    {
      g_array_sort (entries, compare_entries);
      for (guint i = 0; i < entries->len && total > EVICT_TO (max_size); i++)
        {
          Entry *entry = &g_array_index (entries, Entry, i);

          if (g_remove (entry->path) == 0 || errno == ENOENT)
            total -= entry->size;
        }
    }

  g_mutex_lock (&self->lock);
  self->size = total;
  self->size_known = TRUE;
  self->evicting = FALSE;
  g_mutex_unlock (&self->lock);
}

/**
 * sb_tile_cache_sweep:
 *
 * Once a run for each root: removes what unfinished writes left, measures
 * the cache and brings it within its size. Blocks; later calls, and calls
 * for a root already swept, only measure when the size is not known.
 */
void
sb_tile_cache_sweep (SbTileCache *self)
{
  gboolean first;

  g_mutex_lock (&swept_lock);
  if (swept == NULL)
    swept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = !g_hash_table_contains (swept, self->root);
  if (first)
    g_hash_table_add (swept, g_strdup (self->root));
  g_mutex_unlock (&swept_lock);

  g_mutex_lock (&self->lock);
  if (!first && self->size_known)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->evicting = TRUE;
  g_mutex_unlock (&self->lock);

  measure_and_evict (self, first);
}

/**
 * sb_tile_cache_get_size:
 *
 * Returns: the size of the root's tiles, as last measured and written
 */
guint64
sb_tile_cache_get_size (SbTileCache *self)
{
  guint64 size;

  g_mutex_lock (&self->lock);
  size = self->size;
  g_mutex_unlock (&self->lock);

  return size;
}

/**
 * sb_tile_cache_write:
 *
 * Stores a tile with what HTTP said about it, as one file replaced whole,
 * then keeps the cache within its size.
 */
gboolean
sb_tile_cache_write (SbTileCache         *self,
                     int                  zoom,
                     int                  x,
                     int                  y,
                     const SbCachedTile  *tile,
                     GError             **error)
{
  g_autofree char *path = tile_path (self, zoom, x, y);
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbFileOutput) output = NULL;
  g_autoptr(GString) header = g_string_new (MAGIC);
  GOutputStream *stream;
  gboolean evict = FALSE;
  gsize length;
  const char *data;

  data = g_bytes_get_data (tile->data, &length);
  if (length == 0 || length > SB_TILE_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "A tile of %" G_GSIZE_FORMAT " bytes is not kept", length);
      return FALSE;
    }

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }

  g_string_append_printf (header, "expires: %" G_GINT64_FORMAT "\n", tile->expires);
  if (is_header_value (tile->etag))
    g_string_append_printf (header, "etag: %s\n", tile->etag);
  if (is_header_value (tile->last_modified))
    g_string_append_printf (header, "last-modified: %s\n", tile->last_modified);
  g_string_append_printf (header, "length: %" G_GSIZE_FORMAT "\n\n", length);

  output = sb_file_output_new (file, SB_FILE_OUTPUT_NO_SYNC, NULL, error);
  if (output == NULL)
    return FALSE;
  stream = sb_file_output_get_stream (output);
  if (!g_output_stream_write_all (stream, header->str, header->len, NULL, NULL, error)
      || !g_output_stream_write_all (stream, data, length, NULL, NULL, error)
      || !sb_file_output_commit (output, NULL, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  self->size += header->len + length;
  if ((self->size > self->max_size || !self->size_known) && !self->evicting)
    evict = self->evicting = TRUE;
  g_mutex_unlock (&self->lock);

  if (evict)
    measure_and_evict (self, FALSE);

  return TRUE;
}
