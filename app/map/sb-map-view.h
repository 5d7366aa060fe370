/* sb-map-view.h
 *
 * The map: the built-in base map, tiles, the briefing's layers, scale,
 * attribution and legend. Clicks select through the window's selection,
 * and the map follows what is selected elsewhere.
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "sb-bounds.h"
#include "sb-comparison.h"
#include "sb-legend.h"
#include "sb-map-item-list.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_MAP_VIEW (sb_map_view_get_type ())

G_DECLARE_FINAL_TYPE (SbMapView, sb_map_view, SB, MAP_VIEW, GtkWidget)

ShumateMap      *sb_map_view_get_map        (SbMapView   *self);
ShumateViewport *sb_map_view_get_viewport   (SbMapView   *self);
SbSelection     *sb_map_view_get_selection  (SbMapView   *self);
void             sb_map_view_set_selection  (SbMapView   *self,
                                             SbSelection *selection);
void             sb_map_view_frame          (SbMapView      *self,
                                             const SbBounds *bounds,
                                             gboolean        animate);
gboolean         sb_map_view_frame_items    (SbMapView   *self,
                                             GPtrArray   *entities,
                                             gboolean     animate);
void             sb_map_view_frame_briefing (SbMapView   *self);
void             sb_map_view_set_covered    (SbMapView   *self,
                                             double       covered);
void             sb_map_view_get_middle     (SbMapView   *self,
                                             double      *latitude,
                                             double      *longitude);
void             sb_map_view_set_tiles      (SbMapView        *self,
                                             ShumateMapSource *source);
ShumateMapSource *sb_map_view_get_tiles     (SbMapView   *self);
void             sb_map_view_set_comparison (SbMapView    *self,
                                             SbComparison *comparison);
const char      *sb_map_view_get_notice     (SbMapView   *self);
void             sb_map_view_set_shows_notices (SbMapView *self,
                                                gboolean   shows_notices);
SbLegend        *sb_map_view_get_legend     (SbMapView   *self);
gboolean         sb_map_view_measure_credits (SbMapView      *self,
                                              int             width,
                                              int             height,
                                              graphene_rect_t *bounds);
double           sb_map_view_get_covered    (SbMapView   *self);
SbMapItemList   *sb_map_view_get_item_list  (SbMapView   *self);
void             sb_map_view_set_symbol_scale (SbMapView *self,
                                               double     symbol_scale);
void             sb_map_view_go_to          (SbMapView   *self,
                                             double       lat,
                                             double       lon,
                                             double       zoom);
SbEntity        *sb_map_view_pick           (SbMapView   *self,
                                             double       x,
                                             double       y);
char            *sb_map_view_describe_at    (SbMapView   *self,
                                             double       x,
                                             double       y);
void             sb_map_view_click          (SbMapView   *self,
                                             double       x,
                                             double       y);
gboolean         sb_map_view_locate_item    (SbMapView   *self,
                                             SbItem      *item,
                                             double      *x,
                                             double      *y);

G_END_DECLS
