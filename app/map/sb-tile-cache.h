/* sb-tile-cache.h
 *
 * Tiles on disk with what HTTP said about them: until when they are fresh,
 * and the validators to ask the server whether they changed. The cache is
 * bounded: past its size, the tiles used longest ago go first.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* No tile is larger, as sent or as kept. */
#define SB_TILE_MAX_BYTES (4 * 1024 * 1024)
#define SB_TILE_CACHE_DEFAULT_SIZE ((guint64) 300 * 1024 * 1024)

typedef struct
{
  GBytes *data;
  char *etag;              /* nullable */
  char *last_modified;     /* nullable */
  gint64 expires;          /* Unix time */
} SbCachedTile;

typedef struct _SbTileCache SbTileCache;

SbTileCache  *sb_tile_cache_new           (const char         *root,
                                           const char         *name);
SbTileCache  *sb_tile_cache_ref           (SbTileCache        *self);
void          sb_tile_cache_unref         (SbTileCache        *self);
const char   *sb_tile_cache_get_directory (SbTileCache        *self);
void          sb_tile_cache_set_max_size  (SbTileCache        *self,
                                           guint64             max_size);
SbCachedTile *sb_tile_cache_read          (SbTileCache        *self,
                                           int                 zoom,
                                           int                 x,
                                           int                 y);
gboolean      sb_tile_cache_write         (SbTileCache        *self,
                                           int                 zoom,
                                           int                 x,
                                           int                 y,
                                           const SbCachedTile *tile,
                                           GError            **error);
void          sb_tile_cache_sweep         (SbTileCache        *self);
guint64       sb_tile_cache_get_size      (SbTileCache        *self);
gboolean      sb_cached_tile_is_fresh     (const SbCachedTile *tile);
void          sb_cached_tile_free         (SbCachedTile       *tile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTileCache, sb_tile_cache_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCachedTile, sb_cached_tile_free)

G_END_DECLS
