/* sb-tile-cache.c
 *
 * Tiles kept on disk with their expiry and validators.
 *
 * One file per tile, "Z/X/Y.tile", and beside it "Z/X/Y.meta", a key file
 * with the expiry and validators. Reads and writes block: the tile source
 * calls them from worker threads. A tile whose files are torn (a crash
 * between the two writes) is read as absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-tile-cache"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "sb-tile-cache.h"

#define META_GROUP "tile"

struct _SbTileCache
{
  gatomicrefcount ref_count;
  char *directory;
};

SbTileCache *
sb_tile_cache_new (const char *directory)
{
  SbTileCache *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_new0 (SbTileCache, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->directory = g_strdup (directory);

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

  g_free (self->directory);
  g_free (self);
}

const char *
sb_tile_cache_get_directory (SbTileCache *self)
{
  return self->directory;
}

static char *
tile_path (SbTileCache *self,
           int          zoom,
           int          x,
           int          y,
           const char  *suffix)
{
  g_autofree char *name = g_strdup_printf ("%d%s", y, suffix);
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
  g_autofree char *data_path = tile_path (self, zoom, x, y, ".tile");
  g_autofree char *meta_path = tile_path (self, zoom, x, y, ".meta");
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(SbCachedTile) tile = g_new0 (SbCachedTile, 1);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_key_file_load_from_file (meta, meta_path, G_KEY_FILE_NONE, NULL) ||
      !g_file_get_contents (data_path, &contents, &length, NULL))
    return NULL;

  tile->data = g_bytes_new_take (g_steal_pointer (&contents), length);
  tile->etag = g_key_file_get_string (meta, META_GROUP, "etag", NULL);
  tile->last_modified = g_key_file_get_string (meta, META_GROUP, "last-modified", NULL);
  tile->expires = g_key_file_get_int64 (meta, META_GROUP, "expires", NULL);

  return g_steal_pointer (&tile);
}

/**
 * sb_tile_cache_write:
 *
 * Stores a tile: its data, then what HTTP said about it. Each file is
 * replaced whole, so a reader never sees half a tile.
 */
gboolean
sb_tile_cache_write (SbTileCache         *self,
                     int                  zoom,
                     int                  x,
                     int                  y,
                     const SbCachedTile  *tile,
                     GError             **error)
{
  g_autofree char *data_path = tile_path (self, zoom, x, y, ".tile");
  g_autofree char *meta_path = tile_path (self, zoom, x, y, ".meta");
  g_autofree char *directory = g_path_get_dirname (data_path);
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autofree char *meta_data = NULL;
  gsize length;
  const char *data;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }

  g_key_file_set_int64 (meta, META_GROUP, "expires", tile->expires);
  if (tile->etag != NULL)
    g_key_file_set_string (meta, META_GROUP, "etag", tile->etag);
  if (tile->last_modified != NULL)
    g_key_file_set_string (meta, META_GROUP, "last-modified", tile->last_modified);
  meta_data = g_key_file_to_data (meta, NULL, NULL);

  data = g_bytes_get_data (tile->data, &length);
  return g_file_set_contents (data_path, data, length, error) &&
         g_file_set_contents (meta_path, meta_data, -1, error);
}
