/* sb-edit.h
 *
 * A named, reversible change of a briefing: a field set, an entity
 * inserted, removed or moved, or a group of those. Views make edits and
 * give them to the window's SbDocument, which applies them; nothing else
 * changes a briefing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-citation.h"
#include "sb-fields.h"
#include "sb-step.h"

G_BEGIN_DECLS

#define SB_TYPE_EDIT (sb_edit_get_type ())
#define SB_EDIT_ERROR (sb_edit_error_quark ())

typedef enum
{
  SB_EDIT_ERROR_REFERENCED,
  SB_EDIT_ERROR_INVALID,
} SbEditError;

typedef struct _SbEdit SbEdit;

GType       sb_edit_get_type             (void) G_GNUC_CONST;
GQuark      sb_edit_error_quark          (void);
SbEdit     *sb_edit_ref                  (SbEdit           *self);
void        sb_edit_unref                (SbEdit           *self);

SbEdit     *sb_edit_new_set              (SbEntity         *entity,
                                          guint             field,
                                          const GValue     *value);
SbEdit     *sb_edit_new_set_briefing     (SbBriefingField   field,
                                          const GValue     *value);
SbEdit     *sb_edit_new_set_briefing_text (SbBriefingField  field,
                                          SbText           *text);
SbEdit     *sb_edit_new_set_text         (SbEntity         *entity,
                                          guint             field,
                                          SbText           *text);
SbEdit     *sb_edit_new_set_string       (SbEntity         *entity,
                                          guint             field,
                                          const char       *string);
SbEdit     *sb_edit_new_set_int          (SbEntity         *entity,
                                          guint             field,
                                          int               value);
SbEdit     *sb_edit_new_set_double       (SbEntity         *entity,
                                          guint             field,
                                          double            value);
SbEdit     *sb_edit_new_set_date         (SbEntity         *entity,
                                          guint             field,
                                          const SbDate     *date);
SbEdit     *sb_edit_new_set_quantity     (SbEntity         *entity,
                                          guint             field,
                                          const SbQuantity *quantity);
SbEdit     *sb_edit_new_set_entity       (SbEntity         *entity,
                                          guint             field,
                                          SbEntity         *value);
SbEdit     *sb_edit_new_set_array        (SbEntity         *entity,
                                          guint             field,
                                          GPtrArray        *array);
SbEdit     *sb_edit_new_set_position     (SbPlace          *place,
                                          double            latitude,
                                          double            longitude);

SbEdit     *sb_edit_new_set_kind         (SbBriefing       *briefing,
                                          SbItem           *item,
                                          SbItemKind        kind);
SbEdit     *sb_edit_new_insert           (SbEntity         *entity,
                                          int               position);
SbEdit     *sb_edit_new_remove           (SbBriefing       *briefing,
                                          SbEntity         *entity,
                                          GError          **error);
SbEdit     *sb_edit_new_remove_with_references (SbBriefing *briefing,
                                                SbEntity   *entity);
SbEdit     *sb_edit_new_move             (SbEntity         *entity,
                                          guint             position);
SbEdit     *sb_edit_new_group            (const char       *label);
void        sb_edit_group_add            (SbEdit           *group,
                                          SbEdit           *edit);
guint       sb_edit_group_get_n_edits    (SbEdit           *group);

SbEdit     *sb_edit_new_add_source       (SbBriefing       *briefing,
                                          SbText           *title,
                                          const char       *language);
SbEdit     *sb_edit_new_add_actor        (SbBriefing       *briefing,
                                          SbText           *name,
                                          SbActorKind       kind);
SbEdit     *sb_edit_new_add_place        (SbBriefing       *briefing,
                                          SbText           *name,
                                          double            latitude,
                                          double            longitude,
                                          SbPlacePrecision  precision);
SbEdit     *sb_edit_new_add_item         (SbBriefing       *briefing,
                                          SbItemKind        kind,
                                          SbCitation       *citation,
                                          SbCertainty       certainty);
SbEdit     *sb_edit_new_add_step         (SbBriefing       *briefing,
                                          int               position,
                                          SbText           *title);

const char *sb_edit_get_label            (SbEdit           *self);
void        sb_edit_set_label            (SbEdit           *self,
                                          const char       *label);
SbEntity   *sb_edit_get_entity           (SbEdit           *self);
SbEntity   *sb_edit_get_select           (SbEdit           *self);
void        sb_edit_set_select           (SbEdit           *self,
                                          SbEntity         *entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbEdit, sb_edit_unref)

G_END_DECLS
