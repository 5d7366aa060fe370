/* sb-item-layer.h
 *
 * Deployments and incidents as symbols: shape by actor kind or incident
 * type, colour by actor, size by strength, outline by certainty; many
 * incidents as clusters.
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
GArray      *sb_item_layer_get_symbol_boxes  (SbSelection        *selection,
                                              const SbProjection *projection);

G_END_DECLS
