/* sb-selection.h
 *
 * What a window shows and what is chosen in it: the one selection and the
 * filters that every view reads and writes. Views never talk to each
 * other; they follow this object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-citation.h"
#include "sb-entity.h"
#include "sb-filter.h"
#include "sb-item.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_SELECTION (sb_selection_get_type ())

G_DECLARE_FINAL_TYPE (SbSelection, sb_selection, SB, SELECTION, GObject)

SbSelection *sb_selection_new                  (void);
SbSelection *sb_selection_copy                 (SbSelection *self);
SbBriefing  *sb_selection_get_briefing         (SbSelection *self);
void         sb_selection_set_briefing         (SbSelection *self,
                                                SbBriefing  *briefing);
SbEntity    *sb_selection_get_selected         (SbSelection *self);
void         sb_selection_select               (SbSelection *self,
                                                SbEntity    *entity);
SbCitation  *sb_selection_get_citation         (SbSelection *self);
void         sb_selection_select_citation      (SbSelection *self,
                                                SbEntity    *entity,
                                                SbCitation  *citation);
void         sb_selection_clear                (SbSelection *self);
void         sb_selection_texts_changed        (SbSelection *self);

SbFilter    *sb_selection_get_filter           (SbSelection *self);
SbLayers     sb_selection_get_layers           (SbSelection *self);
void         sb_selection_set_layer_visible    (SbSelection *self,
                                                SbLayers     layer,
                                                gboolean     visible);
gboolean     sb_selection_get_incident_type_visible (SbSelection    *self,
                                                    SbIncidentType  type);
void         sb_selection_set_incident_type_visible (SbSelection    *self,
                                                    SbIncidentType  type,
                                                    gboolean        visible);
gboolean     sb_selection_get_certainty_visible (SbSelection *self,
                                                SbCertainty  certainty);
void         sb_selection_set_certainty_visible (SbSelection *self,
                                                SbCertainty  certainty,
                                                gboolean     visible);
gboolean     sb_selection_get_actor_visible    (SbSelection *self,
                                                SbActor     *actor);
void         sb_selection_set_actor_visible    (SbSelection *self,
                                                SbActor     *actor,
                                                gboolean     visible);
void         sb_selection_get_time_range       (SbSelection *self,
                                                guint32     *first_day,
                                                guint32     *last_day);
void         sb_selection_set_time_range       (SbSelection *self,
                                                guint32      first_day,
                                                guint32      last_day);
void         sb_selection_reset_filters        (SbSelection *self);
gboolean     sb_selection_is_filtered          (SbSelection *self);
gboolean     sb_selection_item_is_visible      (SbSelection *self,
                                                SbItem      *item);
guint        sb_selection_count_visible_items  (SbSelection *self,
                                                SbActor     *actor);
GPtrArray   *sb_selection_get_highlighted      (SbSelection *self);
void         sb_selection_set_highlighted      (SbSelection *self,
                                                GPtrArray   *entities);
gboolean     sb_selection_is_highlighted       (SbSelection *self,
                                                SbItem      *item);
void         sb_selection_set_shown            (SbSelection *self,
                                                GPtrArray   *items);

G_END_DECLS
