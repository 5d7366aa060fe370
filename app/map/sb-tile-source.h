/* sb-tile-source.h
 *
 * Raster tiles over HTTP with a SahelBrief User-Agent (libshumate's own
 * downloader sends a library agent that OpenStreetMap blocks), at most two
 * connections per host, kept on disk as long as HTTP allows and revalidated
 * after, and used stale when the network is gone.
 */

#pragma once

#include <shumate/shumate.h>

#include "sb-tile-cache.h"

G_BEGIN_DECLS

#define SB_TYPE_TILE_SOURCE (sb_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (SbTileSource, sb_tile_source, SB, TILE_SOURCE, ShumateDataSource)

typedef struct
{
  guint requests;          /* sent to the server */
  guint cache_hits;        /* fresh on disk: no request */
  guint not_modified;      /* answered 304: the disk copy stays */
  guint stale_used;        /* failed, the stale disk copy shown instead */
  guint failures;          /* failed with nothing to show */
  guint cancelled;
  guint too_large;         /* larger than SB_TILE_MAX_BYTES: refused */
  guint too_slow;          /* past the deadline or under the minimum rate */
} SbTileStats;

SbTileSource *sb_tile_source_new              (const char   *url_template,
                                               SbTileCache  *cache);
const char   *sb_tile_source_get_url_template (SbTileSource *self);
gboolean      sb_tile_source_get_reachable    (SbTileSource *self);
void          sb_tile_source_get_stats        (SbTileSource *self,
                                               SbTileStats  *stats);
void          sb_tile_source_set_timeout      (SbTileSource *self,
                                               guint         seconds);
void          sb_tile_source_set_transfer_limits (SbTileSource *self,
                                                  guint         deadline_seconds,
                                                  guint         min_bytes_per_second,
                                                  guint         window_seconds);
char         *sb_tile_source_dup_user_agent   (void);

G_END_DECLS
