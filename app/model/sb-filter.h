/* sb-filter.h
 *
 * A copy of a selection's filters that does not change: worker threads
 * filter a briefing's statements with it while the user goes on changing
 * the selection's.
 */

#pragma once

#include "sb-briefing.h"
#include "sb-selection.h"

G_BEGIN_DECLS

typedef struct _SbFilter SbFilter;

SbFilter  *sb_filter_new_from_selection (SbSelection    *selection);
SbFilter  *sb_filter_new_for_actor      (SbSelection    *selection,
                                         SbActor        *actor);
SbFilter  *sb_filter_ref                (SbFilter       *self);
void       sb_filter_unref              (SbFilter       *self);
SbBriefing *sb_filter_get_briefing      (const SbFilter *self);
SbActor   *sb_filter_get_actor          (const SbFilter *self);
gboolean   sb_filter_item_is_visible    (const SbFilter *self,
                                         SbItem         *item);
gboolean   sb_filter_item_is_visible_at_any_time (const SbFilter *self,
                                                  SbItem         *item);
gboolean   sb_filter_equal_but_time     (const SbFilter *a,
                                         const SbFilter *b);
GPtrArray *sb_filter_collect_items      (const SbFilter *self,
                                         SbItemKind      kind,
                                         gboolean        any_time,
                                         GCancellable   *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbFilter, sb_filter_unref)

G_END_DECLS
