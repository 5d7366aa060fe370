/* sb-edit-card.h
 *
 * The card of the detail pane, editable: the fields of a statement, a
 * place or a source as rows, each change one edit to undo; or the
 * briefing's own fields, in Briefing Details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-document.h"
#include "sb-entity.h"

G_BEGIN_DECLS

#define SB_TYPE_EDIT_CARD (sb_edit_card_get_type ())

G_DECLARE_FINAL_TYPE (SbEditCard, sb_edit_card, SB, EDIT_CARD, GtkWidget)

GtkWidget  *sb_edit_card_new          (void);
void        sb_edit_card_set_document (SbEditCard *self,
                                       SbDocument *document);
void        sb_edit_card_set_entity   (SbEditCard *self,
                                       SbEntity   *entity);
SbEntity   *sb_edit_card_get_entity   (SbEditCard *self);
void        sb_edit_card_show_briefing (SbEditCard *self);
gboolean    sb_edit_card_can_edit     (SbEntity   *entity);

G_END_DECLS
