/* sb-briefing.h
 *
 * A loaded briefing: its sources, actors, places, statements and steps.
 * It does not change once loaded; views hold a reference while they show it.
 */

#pragma once

#include <gio/gio.h>

#include "sb-actor.h"
#include "sb-date.h"
#include "sb-entity.h"
#include "sb-item.h"
#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_BRIEFING (sb_briefing_get_type ())

G_DECLARE_FINAL_TYPE (SbBriefing, sb_briefing, SB, BRIEFING, GObject)

SbText             *sb_briefing_get_title           (SbBriefing *self);
SbText             *sb_briefing_get_subtitle        (SbBriefing *self);
SbText             *sb_briefing_get_description     (SbBriefing *self);
const char         *sb_briefing_get_language        (SbBriefing *self);
const SbDate       *sb_briefing_get_date            (SbBriefing *self);
const char * const *sb_briefing_get_authors         (SbBriefing *self);
GListModel         *sb_briefing_get_sources         (SbBriefing *self);
GListModel         *sb_briefing_get_actors          (SbBriefing *self);
GListModel         *sb_briefing_get_places          (SbBriefing *self);
GListModel         *sb_briefing_get_items           (SbBriefing *self,
                                                     SbItemKind  kind);
GListModel         *sb_briefing_get_all_items       (SbBriefing *self);
GListModel         *sb_briefing_get_steps           (SbBriefing *self);
SbEntity           *sb_briefing_lookup              (SbBriefing *self,
                                                     const char *id);
GPtrArray          *sb_briefing_get_items_for_actor (SbBriefing *self,
                                                     SbActor    *actor);
guint32             sb_briefing_get_first_day       (SbBriefing *self);
guint32             sb_briefing_get_last_day        (SbBriefing *self);

G_END_DECLS
