/* sb-briefing.h
 *
 * A briefing: its sources, actors, places, statements and steps. Edits
 * (sb-document.h) change it on the main thread, and it says what changed
 * with "changed"; worker threads read a snapshot of it, which never does.
 */

#pragma once

#include <gio/gio.h>

#include "sb-actor.h"
#include "sb-date.h"
#include "sb-entity.h"
#include "sb-fields.h"
#include "sb-item.h"
#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_BRIEFING (sb_briefing_get_type ())

G_DECLARE_FINAL_TYPE (SbBriefing, sb_briefing, SB, BRIEFING, GObject)

SbBriefing         *sb_briefing_new                 (const char *language,
                                                     SbText     *title);
SbBriefing         *sb_briefing_get_snapshot        (SbBriefing *self);
gboolean            sb_briefing_is_snapshot         (SbBriefing *self);
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
void                sb_briefing_get_field           (SbBriefing      *self,
                                                     SbBriefingField  field,
                                                     GValue          *value);
char               *sb_briefing_make_id             (SbBriefing *self,
                                                     const char *prefix);
GPtrArray          *sb_briefing_find_references     (SbBriefing *self,
                                                     SbEntity   *target);

G_END_DECLS
