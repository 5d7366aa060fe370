/* sb-change.h
 *
 * One difference between two versions of a briefing: an item, actor or
 * source added, removed, or changed (and in which respects), matched by
 * id. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-entity.h"

G_BEGIN_DECLS

typedef enum
{
  SB_CHANGE_ADDED,
  SB_CHANGE_REMOVED,
  SB_CHANGE_CHANGED,
} SbChangeKind;

/* What a change touches, as a reader of the briefing sees it. */
typedef enum /*< flags >*/
{
  SB_CHANGE_ASPECT_NONE      = 0,
  SB_CHANGE_ASPECT_TEXT      = 1 << 0,  /* titles, descriptions, names, summaries */
  SB_CHANGE_ASPECT_PLACE     = 1 << 1,  /* where: the place, its position, an area's outline */
  SB_CHANGE_ASPECT_DATES     = 1 << 2,
  SB_CHANGE_ASPECT_CERTAINTY = 1 << 3,  /* and who claims it */
  SB_CHANGE_ASPECT_FIGURES   = 1 << 4,  /* strengths, fatalities, figures */
  SB_CHANGE_ASPECT_CITATIONS = 1 << 5,
  SB_CHANGE_ASPECT_ACTORS    = 1 << 6,  /* who is involved */
  SB_CHANGE_ASPECT_KIND      = 1 << 7,  /* type, status, kind, colour */
  SB_CHANGE_ASPECT_RELATIONS = 1 << 8,
  SB_CHANGE_ASPECT_REVISED   = 1 << 9,  /* the data's publisher revised it (ACLED's timestamp) */
} SbChangeAspects;

#define SB_TYPE_CHANGE (sb_change_get_type ())

G_DECLARE_FINAL_TYPE (SbChange, sb_change, SB, CHANGE, GObject)

SbChange        *sb_change_new          (SbChangeKind     kind,
                                         SbEntity        *before,
                                         SbEntity        *after,
                                         guint64          fields,
                                         SbChangeAspects  aspects);
SbChangeKind     sb_change_get_kind     (SbChange        *self);
SbEntity        *sb_change_get_before   (SbChange        *self);
SbEntity        *sb_change_get_after    (SbChange        *self);
SbEntity        *sb_change_get_entity   (SbChange        *self);
const char      *sb_change_get_id       (SbChange        *self);
guint64          sb_change_get_fields   (SbChange        *self);
gboolean         sb_change_has_field    (SbChange        *self,
                                         guint            field);
SbChangeAspects  sb_change_get_aspects  (SbChange        *self);
char            *sb_change_describe_aspects (SbChangeAspects aspects);

G_END_DECLS
