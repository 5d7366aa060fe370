/* sb-movement-layer.h
 *
 * Movements as arrows from where to where: dashed when feared, projected
 * or planned.
 */

#pragma once

#include "sb-map-layer.h"

G_BEGIN_DECLS

#define SB_TYPE_MOVEMENT_LAYER (sb_movement_layer_get_type ())

G_DECLARE_FINAL_TYPE (SbMovementLayer, sb_movement_layer, SB, MOVEMENT_LAYER, SbMapLayer)

SbMovementLayer *sb_movement_layer_new (ShumateViewport *viewport,
                                        SbSelection     *selection);

G_END_DECLS
