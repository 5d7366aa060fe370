/* sb-framing.h
 *
 * What the map shows when it frames places, statements or actors: the
 * one rule for the window's map, presentation steps and exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>

#include "sb-bounds.h"
#include "sb-briefing.h"
#include "sb-selection.h"

G_BEGIN_DECLS

/* How much of the view what is framed fills: the rest is its margin. */
#define SB_FRAMING_FILL 0.85

/* A step's camera (a centre and a zoom) means the ground a map of this
 * size shows: a map of another size shows that ground, fitted, so that a
 * larger screen shows what the step is about larger, not more of Africa.
 */
#define SB_FRAMING_CAMERA_WIDTH 1024.0
#define SB_FRAMING_CAMERA_HEIGHT 576.0

gboolean sb_framing_add_place    (SbBounds       *bounds,
                                  SbPlace        *place,
                                  gboolean        context);
gboolean sb_framing_add_item     (SbBounds       *bounds,
                                  SbItem         *item,
                                  gboolean        context);
gboolean sb_framing_add_entity   (SbBounds       *bounds,
                                  SbBriefing     *briefing,
                                  SbSelection    *selection,
                                  SbEntity       *entity);
gboolean sb_framing_add_briefing (SbBounds       *bounds,
                                  SbBriefing     *briefing,
                                  SbSelection    *selection);
gboolean sb_framing_fit          (const SbBounds *bounds,
                                  double          width,
                                  double          height,
                                  double         *latitude,
                                  double         *longitude,
                                  double         *zoom);

gboolean sb_framing_fit_around   (const SbBounds        *bounds,
                                  double                 width,
                                  double                 height,
                                  const graphene_rect_t *covered,
                                  double                 fill,
                                  double                *latitude,
                                  double                *longitude,
                                  double                *zoom);
double   sb_framing_camera_zoom  (double                 camera_zoom,
                                  double                 width,
                                  double                 height);
double   sb_framing_camera_zoom_presented
                                 (double                 camera_zoom,
                                  double                 width,
                                  double                 height);
double   sb_framing_zoom_to_camera (double               zoom,
                                  double                 width,
                                  double                 height);
void     sb_framing_add_view     (SbBounds              *bounds,
                                  double                 latitude,
                                  double                 longitude,
                                  double                 zoom,
                                  double                 width,
                                  double                 height);

G_END_DECLS
