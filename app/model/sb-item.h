/* sb-item.h
 *
 * A statement of the briefing: a deployment, movement, incident or area,
 * with its date, certainty and citations.
 */

#pragma once

#include "sb-actor.h"
#include "sb-bounds.h"
#include "sb-citation.h"
#include "sb-date.h"
#include "sb-entity.h"
#include "sb-geometry.h"
#include "sb-place.h"
#include "sb-quantity.h"
#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_ITEM (sb_item_get_type ())

G_DECLARE_FINAL_TYPE (SbItem, sb_item, SB, ITEM, SbEntity)

SbItemKind          sb_item_get_kind              (SbItem *self);
SbText             *sb_item_get_title             (SbItem *self);
SbText             *sb_item_get_description       (SbItem *self);
const SbDate       *sb_item_get_date              (SbItem *self);
const SbEvidence   *sb_item_get_evidence          (SbItem *self);
SbCertainty         sb_item_get_certainty         (SbItem *self);
GPtrArray          *sb_item_get_citations         (SbItem *self);
guint               sb_item_count_independent_sources (SbItem *self);
gboolean            sb_item_is_single_source      (SbItem *self);
GPtrArray          *sb_item_get_figures           (SbItem *self);
guint               sb_item_get_n_actors          (SbItem *self);
SbActor            *sb_item_get_actor             (SbItem *self,
                                                   guint   position);
gboolean            sb_item_involves_actor        (SbItem  *self,
                                                   SbActor *actor);
GPtrArray          *sb_item_get_targets           (SbItem *self);
gboolean            sb_item_targets_actor         (SbItem  *self,
                                                   SbActor *actor);
SbPlace            *sb_item_get_place             (SbItem *self);
SbPlace            *sb_item_get_origin            (SbItem *self);
SbDeploymentStatus  sb_item_get_deployment_status (SbItem *self);
SbMovementStatus    sb_item_get_movement_status   (SbItem *self);
SbMovementMeans     sb_item_get_means             (SbItem *self);
SbIncidentType      sb_item_get_incident_type     (SbItem *self);
SbAreaKind          sb_item_get_area_kind         (SbItem *self);
SbBoundary          sb_item_get_boundary          (SbItem *self);
const SbQuantity   *sb_item_get_strength          (SbItem *self);
const SbQuantity   *sb_item_get_fatalities        (SbItem *self);
SbText             *sb_item_get_role              (SbItem *self);
SbText             *sb_item_get_name              (SbItem *self);
const SbGeometry   *sb_item_get_geometry          (SbItem *self);
const char * const *sb_item_get_properties        (SbItem *self);
gboolean            sb_item_get_bounds            (SbItem   *self,
                                                   SbBounds *bounds);

G_END_DECLS
