/* sb-area-layer.h
 *
 * Areas (held ground, operations, risk) as translucent polygons, and the
 * soft extent of statements known only to a region or a country.
 */

#pragma once

#include "sb-map-layer.h"

G_BEGIN_DECLS

#define SB_TYPE_AREA_LAYER (sb_area_layer_get_type ())

G_DECLARE_FINAL_TYPE (SbAreaLayer, sb_area_layer, SB, AREA_LAYER, SbMapLayer)

SbAreaLayer *sb_area_layer_new (ShumateViewport *viewport,
                                SbSelection     *selection);

G_END_DECLS
