/* sb-base-layer.h
 *
 * The built-in base map, drawn under the tiles: visible in the first frame
 * and whenever there is no network.
 */

#pragma once

#include <cairo.h>
#include <shumate/shumate.h>

#include "sb-briefing.h"
#include "sb-map-layer.h"
#include "sb-projection.h"

G_BEGIN_DECLS

#define SB_TYPE_BASE_LAYER (sb_base_layer_get_type ())

G_DECLARE_FINAL_TYPE (SbBaseLayer, sb_base_layer, SB, BASE_LAYER, ShumateLayer)

SbBaseLayer *sb_base_layer_new  (ShumateViewport    *viewport);
void         sb_base_layer_draw (SbBaseLayer        *self,
                                 cairo_t            *cr,
                                 const SbProjection *projection,
                                 gboolean            dark,
                                 GArray             *covered);
void         sb_base_layer_set_briefing    (SbBaseLayer *self,
                                            SbBriefing  *briefing);
void         sb_base_layer_set_label_scale (SbBaseLayer *self,
                                            double       label_scale);

void         sb_base_layer_set_cover_source (SbBaseLayer *self,
                                             SbMapLayer  *source);
void         sb_base_layer_get_ground      (gboolean     dark,
                                            double      *land,
                                            double      *sea);
GArray      *sb_base_layer_get_shown_names (SbBaseLayer *self);

G_END_DECLS
