/* sb-tile-setup.h
 *
 * The map tiles the settings ask for: OpenStreetMap, a server of the
 * user's, an MBTiles file, or none (the built-in base map alone).
 */

#pragma once

#include <gio/gio.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

typedef enum
{
  SB_TILES_OPENSTREETMAP,
  SB_TILES_CUSTOM,
  SB_TILES_MBTILES,
  SB_TILES_NONE,
} SbTilesKind;

#define SB_OPENSTREETMAP_TEMPLATE "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

gboolean          sb_tile_template_is_valid    (const char  *url_template);
ShumateMapSource *sb_tile_setup_http           (const char  *url_template,
                                                const char  *name,
                                                const char  *attribution,
                                                const char  *attribution_uri,
                                                guint        max_zoom);
ShumateMapSource *sb_tile_setup_mbtiles        (GFile       *file,
                                                GError     **error);
ShumateMapSource *sb_tile_setup_from_settings  (GSettings   *settings,
                                                GError     **error);
void              sb_tile_setup_from_settings_async  (GSettings           *settings,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ShumateMapSource *sb_tile_setup_from_settings_finish (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
