/* sb-detail-pane.h
 *
 * The selected item's card, and the source article with the passages
 * behind it highlighted.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-comparison.h"
#include "sb-document.h"
#include "sb-selection.h"
#include "sb-map-editor.h"
#include "sb-place-chooser.h"
#include "sb-source-citer.h"

G_BEGIN_DECLS

#define SB_TYPE_DETAIL_PANE (sb_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (SbDetailPane, sb_detail_pane, SB, DETAIL_PANE, GtkWidget)

void         sb_detail_pane_set_selection   (SbDetailPane *self,
                                             SbSelection  *selection);
GtkTextView *sb_detail_pane_get_source_view (SbDetailPane *self);
void         sb_detail_pane_focus_source    (SbDetailPane *self);
void         sb_detail_pane_set_document    (SbDetailPane *self,
                                             SbDocument   *document);
void         sb_detail_pane_set_editing     (SbDetailPane *self,
                                             gboolean      editing);
void         sb_detail_pane_set_comparison  (SbDetailPane *self,
                                             SbComparison *comparison,
                                             const char   *compared_with);
gboolean     sb_detail_pane_copy_citation   (SbDetailPane *self);
SbSourceCiter *sb_detail_pane_get_citer     (SbDetailPane *self);
void         sb_detail_pane_set_map_editor  (SbDetailPane *self,
                                             SbMapEditor  *editor);
void         sb_detail_pane_set_settings    (SbDetailPane *self,
                                             GSettings    *settings);
gboolean     sb_detail_pane_place           (SbDetailPane *self);
SbPlaceChooser *sb_detail_pane_get_place_chooser (SbDetailPane *self);

G_END_DECLS
