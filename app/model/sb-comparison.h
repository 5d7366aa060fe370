/* sb-comparison.h
 *
 * What differs between two versions of a briefing: a list of SbChange,
 * items, actors and sources matched by id. Made from snapshots, so it
 * can be made in a worker thread. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-change.h"

G_BEGIN_DECLS

#define SB_TYPE_COMPARISON (sb_comparison_get_type ())

G_DECLARE_FINAL_TYPE (SbComparison, sb_comparison, SB, COMPARISON, GObject)

SbComparison *sb_comparison_new            (SbBriefing   *before,
                                            SbBriefing   *after);
SbBriefing   *sb_comparison_get_before     (SbComparison *self);
SbBriefing   *sb_comparison_get_after      (SbComparison *self);
SbChange     *sb_comparison_lookup         (SbComparison *self,
                                            const char   *id);
guint         sb_comparison_count          (SbComparison *self,
                                            SbChangeKind  kind,
                                            GType         entity_type);
guint         sb_comparison_count_revised  (SbComparison *self);
GPtrArray    *sb_comparison_get_removed_items (SbComparison *self);
char         *sb_comparison_describe       (SbComparison *self);

guint64       sb_comparison_compare_fields (SbEntity        *before,
                                            SbEntity        *after,
                                            SbChangeAspects *aspects);

G_END_DECLS
