/* sb-tile-cache.h
 *
 * Tiles on disk with what HTTP said about them: until when they are fresh,
 * and the validators to ask the server whether they changed.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GBytes *data;
  char *etag;              /* nullable */
  char *last_modified;     /* nullable */
  gint64 expires;          /* Unix time */
} SbCachedTile;

typedef struct _SbTileCache SbTileCache;

SbTileCache  *sb_tile_cache_new          (const char         *directory);
SbTileCache  *sb_tile_cache_ref          (SbTileCache        *self);
void          sb_tile_cache_unref        (SbTileCache        *self);
const char   *sb_tile_cache_get_directory (SbTileCache       *self);
SbCachedTile *sb_tile_cache_read         (SbTileCache        *self,
                                          int                 zoom,
                                          int                 x,
                                          int                 y);
gboolean      sb_tile_cache_write        (SbTileCache        *self,
                                          int                 zoom,
                                          int                 x,
                                          int                 y,
                                          const SbCachedTile *tile,
                                          GError            **error);
gboolean      sb_cached_tile_is_fresh    (const SbCachedTile *tile);
void          sb_cached_tile_free        (SbCachedTile       *tile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTileCache, sb_tile_cache_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCachedTile, sb_cached_tile_free)

G_END_DECLS
