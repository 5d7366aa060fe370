/* sb-detail-pane.h
 *
 * The selected item's card, and the source article with the passages
 * behind it highlighted.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-document.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_DETAIL_PANE (sb_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (SbDetailPane, sb_detail_pane, SB, DETAIL_PANE, GtkWidget)

void         sb_detail_pane_set_selection   (SbDetailPane *self,
                                             SbSelection  *selection);
GtkTextView *sb_detail_pane_get_source_view (SbDetailPane *self);
void         sb_detail_pane_set_document    (SbDetailPane *self,
                                             SbDocument   *document);
void         sb_detail_pane_set_editing     (SbDetailPane *self,
                                             gboolean      editing);
gboolean     sb_detail_pane_copy_citation   (SbDetailPane *self);

G_END_DECLS
