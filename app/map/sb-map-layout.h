/* sb-map-layout.h
 *
 * Where the briefing's layers draw what, in one view: symbols at their
 * points, statements known only to a country or region grouped on a card
 * at the area's name, arrows between them, and the towns the briefing
 * mentions labelled clear of all of it. The layers draw from it and hit
 * testing reads it, so that a click finds what is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-changes.h"
#include "sb-incident-clusters.h"
#include "sb-map-marks.h"
#include "sb-projection.h"

G_BEGIN_DECLS

SbMapLayout *sb_map_layout_new            (SbSelection         *selection,
                                           const SbProjection  *projection,
                                           const graphene_rect_t *view,
                                           SbIncidentClusters  *clusters,
                                           SbIncidentClusters  *actor_clusters);
SbMapLayout *sb_map_layout_new_full       (SbSelection         *selection,
                                           const SbProjection  *projection,
                                           const graphene_rect_t *view,
                                           GArray              *occluders,
                                           SbIncidentClusters  *clusters,
                                           SbIncidentClusters  *actor_clusters);
gboolean     sb_map_layout_shows_changes  (SbChanges           *changes);
gboolean     sb_map_layout_badges_change  (SbBriefing          *briefing,
                                           SbChanges           *changes);

G_END_DECLS
