/* sb-edit-private.h
 *
 * An edit's insides, shared by sb-edit.c and the document that applies
 * edits and keeps them for undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-edit.h"

G_BEGIN_DECLS

typedef enum
{
  SB_EDIT_SET,
  SB_EDIT_INSERT,
  SB_EDIT_REMOVE,
  SB_EDIT_MOVE,
  SB_EDIT_GROUP,
} SbEditKind;

struct _SbEdit
{
  gatomicrefcount ref_count;
  SbEditKind kind;
  char *label;
  SbEntity *entity;          /* nullable: the briefing's own field */
  guint field;               /* set */
  GValue value;              /* set: the value the briefing does not hold */
  int position;              /* insert, remove: where; move: where to */
  int other;                 /* move: where from */
  GPtrArray *children;       /* group: of SbEdit */
  SbEntity *select;          /* nullable: what applying it selects */
  SbEntity *selected_before; /* nullable: what undoing it selects */
  guint64 revision;          /* the document's, once applied */
  gboolean applied;
};

gboolean _sb_edit_apply (SbEdit      *self,
                         SbBriefing  *briefing,
                         GError     **error);
void     _sb_edit_undo  (SbEdit      *self,
                         SbBriefing  *briefing);
gboolean _sb_edit_merge (SbEdit      *self,
                         SbEdit      *next);
char    *_sb_edit_format_label (const char *format,
                                SbEntity   *entity);
SbEdit  *_sb_edit_new_remove_only (SbEntity *entity);

G_END_DECLS
