/* sb-changes.h
 *
 * What one edit (or its undoing) changed in a briefing: the entities
 * added, removed and changed, with the fields that changed, so that views
 * update only what shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-entity.h"

G_BEGIN_DECLS

#define SB_TYPE_CHANGES (sb_changes_get_type ())

typedef struct _SbChanges SbChanges;

GType       sb_changes_get_type            (void) G_GNUC_CONST;
SbChanges  *sb_changes_new                 (void);
SbChanges  *sb_changes_ref                 (SbChanges *self);
void        sb_changes_unref               (SbChanges *self);

void        sb_changes_add_inserted        (SbChanges *self,
                                            SbEntity  *entity);
void        sb_changes_add_removed         (SbChanges *self,
                                            SbEntity  *entity);
void        sb_changes_add_field           (SbChanges *self,
                                            SbEntity  *entity,
                                            guint      field);
void        sb_changes_add_briefing_field  (SbChanges *self,
                                            guint      field);
void        sb_changes_add_reordered       (SbChanges *self,
                                            GType      type);

gboolean    sb_changes_is_empty            (SbChanges *self);
GPtrArray  *sb_changes_get_inserted        (SbChanges *self);
GPtrArray  *sb_changes_get_removed         (SbChanges *self);
GPtrArray  *sb_changes_get_changed         (SbChanges *self);
gboolean    sb_changes_contains            (SbChanges *self,
                                            SbEntity  *entity);
gboolean    sb_changes_was_inserted        (SbChanges *self,
                                            SbEntity  *entity);
gboolean    sb_changes_was_removed         (SbChanges *self,
                                            SbEntity  *entity);
guint64     sb_changes_get_fields          (SbChanges *self,
                                            SbEntity  *entity);
gboolean    sb_changes_has_field           (SbChanges *self,
                                            SbEntity  *entity,
                                            guint      field);
guint64     sb_changes_get_briefing_fields (SbChanges *self);
gboolean    sb_changes_touches_type        (SbChanges *self,
                                            GType      type);
gboolean    sb_changes_get_reordered       (SbChanges *self,
                                            GType      type);
SbEntity   *sb_changes_get_select          (SbChanges *self);
void        sb_changes_set_select          (SbChanges *self,
                                            SbEntity  *entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbChanges, sb_changes_unref)

G_END_DECLS
