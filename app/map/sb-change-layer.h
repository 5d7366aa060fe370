/* sb-change-layer.h
 *
 * What changed since the version compared with: added items ringed,
 * changed ones flagged, removed ones drawn as ghosts where they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-comparison.h"
#include "sb-map-layer.h"

G_BEGIN_DECLS

#define SB_TYPE_CHANGE_LAYER (sb_change_layer_get_type ())

G_DECLARE_FINAL_TYPE (SbChangeLayer, sb_change_layer, SB, CHANGE_LAYER, SbMapLayer)

SbChangeLayer *sb_change_layer_new            (ShumateViewport *viewport,
                                               SbSelection     *selection);
void           sb_change_layer_set_comparison (SbChangeLayer   *self,
                                               SbComparison    *comparison);
SbComparison  *sb_change_layer_get_comparison (SbChangeLayer   *self);
void           sb_change_mark_paint           (cairo_t         *cr,
                                               SbChangeKind     kind,
                                               double           x,
                                               double           y,
                                               double           radius,
                                               gboolean         dark);

G_END_DECLS
