/* sb-item-layer.h
 *
 * Deployments and incidents as symbols: shape by actor kind or incident
 * type, colour by actor, size by strength, outline by certainty; at their
 * points, or on the card of the country or region they are known to. Many
 * incidents as clusters. The towns the briefing mentions, named.
 */

#pragma once

#include "sb-incident-clusters.h"
#include "sb-map-layer.h"

G_BEGIN_DECLS

#define SB_TYPE_ITEM_LAYER (sb_item_layer_get_type ())

G_DECLARE_FINAL_TYPE (SbItemLayer, sb_item_layer, SB, ITEM_LAYER, SbMapLayer)

SbItemLayer *sb_item_layer_new          (ShumateViewport *viewport,
                                         SbSelection     *selection);
gboolean     sb_item_layer_get_position (SbItemLayer     *self,
                                         SbItem          *item,
                                         double          *x,
                                         double          *y);
gboolean     sb_item_layer_pick_cluster (SbItemLayer     *self,
                                         double           x,
                                         double           y,
                                         SbCluster       *cluster,
                                         SbIncidentClusters **clusters);
SbIncidentClusters *sb_item_layer_get_clusters (SbItemLayer *self);
gboolean     sb_item_layer_get_busy     (SbItemLayer     *self);
gboolean     sb_item_layer_clusters_briefing (SbBriefing *briefing);
const SbAreaIncidents *
             sb_item_layer_pick_area    (SbItemLayer     *self,
                                         double           x,
                                         double           y);

G_END_DECLS
