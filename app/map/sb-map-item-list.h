/* sb-map-item-list.h
 *
 * What the map shows, as a list a screen reader can read and choose from.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_MAP_ITEM_LIST (sb_map_item_list_get_type ())

G_DECLARE_FINAL_TYPE (SbMapItemList, sb_map_item_list, SB, MAP_ITEM_LIST, GtkWidget)

SbMapItemList *sb_map_item_list_new           (void);
void           sb_map_item_list_set_selection (SbMapItemList *self,
                                               SbSelection   *selection);
guint          sb_map_item_list_get_n_rows    (SbMapItemList *self);
SbItem        *sb_map_item_list_get_item      (SbMapItemList *self,
                                               guint          position);

G_END_DECLS
