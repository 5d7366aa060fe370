/* sb-filter.h
 *
 * What the filters show, as a value that never changes: a selection swaps
 * its filter for another on each change, and worker threads keep the one
 * they were given while the user goes on filtering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-actor.h"
#include "sb-briefing.h"
#include "sb-changes.h"
#include "sb-item.h"
#include "sb-types.h"

G_BEGIN_DECLS

typedef struct _SbFilter SbFilter;

SbFilter   *sb_filter_new                        (SbBriefing     *briefing);
SbFilter   *sb_filter_ref                        (SbFilter       *self);
void        sb_filter_unref                      (SbFilter       *self);

SbBriefing *sb_filter_get_briefing               (const SbFilter *self);
SbBriefing *sb_filter_get_snapshot               (const SbFilter *self);
SbFilter   *sb_filter_with_snapshot              (SbFilter       *self);
SbActor    *sb_filter_get_actor                  (const SbFilter *self);
SbLayers    sb_filter_get_layers                 (const SbFilter *self);
gboolean    sb_filter_get_certainty_visible      (const SbFilter *self,
                                                  SbCertainty     certainty);
gboolean    sb_filter_get_incident_type_visible  (const SbFilter *self,
                                                  SbIncidentType  type);
gboolean    sb_filter_get_actor_visible          (const SbFilter *self,
                                                  SbActor        *actor);
void        sb_filter_get_time_range             (const SbFilter *self,
                                                  guint32        *first_day,
                                                  guint32        *last_day);
gboolean    sb_filter_is_filtered                (const SbFilter *self);

SbFilter   *sb_filter_with_layer_visible         (SbFilter       *self,
                                                  SbLayers        layer,
                                                  gboolean        visible);
SbFilter   *sb_filter_with_certainty_visible     (SbFilter       *self,
                                                  SbCertainty     certainty,
                                                  gboolean        visible);
SbFilter   *sb_filter_with_incident_type_visible (SbFilter       *self,
                                                  SbIncidentType  type,
                                                  gboolean        visible);
SbFilter   *sb_filter_with_actor_visible         (SbFilter       *self,
                                                  SbActor        *actor,
                                                  gboolean        visible);
SbFilter   *sb_filter_with_time_range            (SbFilter       *self,
                                                  guint32         first_day,
                                                  guint32         last_day);
SbFilter   *sb_filter_with_actor                 (SbFilter       *self,
                                                  SbActor        *actor);

gboolean    sb_filter_item_is_visible            (const SbFilter *self,
                                                  SbItem         *item);
gboolean    sb_filter_item_is_visible_at_any_time (const SbFilter *self,
                                                   SbItem         *item);
SbDeploymentStatus sb_filter_get_deployment_status (const SbFilter *self,
                                                    SbItem         *item);
gboolean    sb_filter_equal_but_time             (const SbFilter *a,
                                                  const SbFilter *b);
gboolean    sb_filter_items_changed              (SbChanges      *changes,
                                                  int             kind);
GPtrArray  *sb_filter_collect_items              (const SbFilter *self,
                                                  SbItemKind      kind,
                                                  gboolean        any_time,
                                                  GCancellable   *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbFilter, sb_filter_unref)

G_END_DECLS
