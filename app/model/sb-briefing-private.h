/* sb-briefing-private.h
 *
 * The briefing's instance, shared by sb-briefing.c (reading it) and
 * sb-briefing-edit.c (changing it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-changes.h"
#include "sb-model-private.h"

G_BEGIN_DECLS

/* What a snapshot holds as well: copied before the next change. */
typedef enum
{
  SHARED_SOURCES  = 1 << 0,
  SHARED_ACTORS   = 1 << 1,
  SHARED_PLACES   = 1 << 2,
  SHARED_ITEMS    = 1 << 3,   /* one bit per kind, from here */
  SHARED_STEPS    = 1 << 7,
  SHARED_ALL_ITEMS = 1 << 8,
  SHARED_BY_ID    = 1 << 9,
  SHARED_BY_ACTOR = 1 << 10,
  SHARED_ALL      = (1 << 11) - 1,
} SbShared;

struct _SbBriefing
{
  GObject parent_instance;

  SbBriefingContents contents;

  GHashTable *by_id;             /* id → unowned SbEntity */
  GHashTable *items_by_actor;    /* unowned SbActor → GPtrArray of SbItem, by date */
  GPtrArray *all_items;
  GListModel *sources_model;
  GListModel *actors_model;
  GListModel *places_model;
  GListModel *items_models[SB_N_ITEM_KINDS];
  GListModel *all_items_model;
  GListModel *steps_model;
  guint32 first_day;
  guint32 last_day;
  guint days_dirty : 1;
  guint frozen : 1;              /* a snapshot: its lists never change */

  guint shared;                  /* SbShared: held by a snapshot too */
  SbBriefing *snapshot;          /* nullable: the last one, while unchanged */
  SbChanges *pending;            /* nullable: changes not told yet */
  GHashTable *reserved_ids;      /* nullable: ids given to new entities */
};

extern guint _sb_briefing_changed_signal;

void      _sb_briefing_index_item     (SbBriefing *self,
                                       SbItem     *item);
void      _sb_briefing_unindex_item   (SbBriefing *self,
                                       SbItem     *item);
void      _sb_briefing_update_days    (SbBriefing *self);
GPtrArray *_sb_briefing_array_for     (SbBriefing *self,
                                       SbEntity   *entity,
                                       GListModel **model,
                                       guint       *shared_bit);
guint32   _sb_briefing_default_colour (guint       index);

G_END_DECLS
