/* sb-framing.h
 *
 * What the map shows when it frames places, statements or actors: the
 * one rule for the window's map, presentation steps and exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-bounds.h"
#include "sb-briefing.h"
#include "sb-selection.h"

G_BEGIN_DECLS

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

G_END_DECLS
