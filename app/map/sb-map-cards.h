/* sb-map-cards.h
 *
 * The cards of countries and regions, as the layout builds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-incident-clusters.h"
#include "sb-map-builder.h"

G_BEGIN_DECLS

int    _sb_map_cards_get        (SbMapBuilder          *builder,
                                 SbPlace               *place);
void   _sb_map_cards_count      (SbMapBuilder          *builder,
                                 SbIncidentClusters    *clusters,
                                 gboolean               emphasised);
void   _sb_map_cards_place      (SbMapBuilder          *builder);

G_END_DECLS
