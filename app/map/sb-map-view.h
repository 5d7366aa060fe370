/* sb-map-view.h
 *
 * The map: tiles, the base map, the briefing's layers, scale and
 * attribution.
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SB_TYPE_MAP_VIEW (sb_map_view_get_type ())

G_DECLARE_FINAL_TYPE (SbMapView, sb_map_view, SB, MAP_VIEW, GtkWidget)

ShumateMap      *sb_map_view_get_map      (SbMapView *self);
ShumateViewport *sb_map_view_get_viewport (SbMapView *self);
void             sb_map_view_frame        (SbMapView *self,
                                           double     min_lat,
                                           double     min_lon,
                                           double     max_lat,
                                           double     max_lon,
                                           gboolean   animate);

G_END_DECLS
