/* sb-mentioned-places.h
 *
 * The base map's towns a briefing mentions: the map gives them priority
 * over every other label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-basemap.h"
#include "sb-briefing.h"
#include "sb-changes.h"

G_BEGIN_DECLS

GPtrArray *sb_mentioned_places_get      (SbBriefing             *briefing);
gboolean   sb_mentioned_places_contains (SbBriefing             *briefing,
                                         const SbBasemapFeature *place);
gboolean   sb_mentioned_places_edited   (SbBriefing             *briefing,
                                         SbChanges              *changes);

G_END_DECLS
