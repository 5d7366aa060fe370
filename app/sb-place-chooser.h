/* sb-place-chooser.h
 *
 * Placing a statement: a place name typed and picked from the gazetteer,
 * with how precisely the statement is known to be there; or the map
 * clicked or drawn on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-document.h"
#include "sb-item.h"
#include "sb-map-editor.h"

G_BEGIN_DECLS

#define SB_TYPE_PLACE_CHOOSER (sb_place_chooser_get_type ())

G_DECLARE_FINAL_TYPE (SbPlaceChooser, sb_place_chooser, SB, PLACE_CHOOSER, GtkPopover)

GtkWidget *sb_place_chooser_new           (void);
void       sb_place_chooser_set_document  (SbPlaceChooser *self,
                                           SbDocument     *document);
void       sb_place_chooser_set_editor    (SbPlaceChooser *self,
                                           SbMapEditor    *editor);
void       sb_place_chooser_set_item      (SbPlaceChooser *self,
                                           SbItem         *item);
void       sb_place_chooser_search        (SbPlaceChooser *self,
                                           const char     *text);
void       sb_place_chooser_search_near   (SbPlaceChooser *self,
                                           const char     *text);
guint      sb_place_chooser_get_n_results (SbPlaceChooser *self);
void       sb_place_chooser_set_precision (SbPlaceChooser  *self,
                                           SbPlacePrecision precision,
                                           double           radius_km);
void       sb_place_chooser_prepare       (SbPlaceChooser *self);
gboolean   sb_place_chooser_choose        (SbPlaceChooser *self,
                                           guint           position);

G_END_DECLS
