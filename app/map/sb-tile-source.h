/* sb-tile-source.h
 *
 * Raster tiles over HTTP with a SahelBrief User-Agent: libshumate's own
 * downloader sends a library agent that OpenStreetMap blocks.
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SB_TYPE_TILE_SOURCE (sb_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (SbTileSource, sb_tile_source, SB, TILE_SOURCE, ShumateDataSource)

SbTileSource *sb_tile_source_new              (const char   *url_template);
const char   *sb_tile_source_get_url_template (SbTileSource *self);
char         *sb_tile_source_dup_user_agent   (void);

G_END_DECLS
