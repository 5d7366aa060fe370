/* sb-array-model.h
 *
 * A GListModel over an array: the lists of a briefing, without copying a
 * million items into a GListStore.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_TYPE_ARRAY_MODEL (sb_array_model_get_type ())

G_DECLARE_FINAL_TYPE (SbArrayModel, sb_array_model, SB, ARRAY_MODEL, GObject)

SbArrayModel *sb_array_model_new       (GType         item_type,
                                        GPtrArray    *items);
void          sb_array_model_set_items (SbArrayModel *self,
                                        GPtrArray    *items);

G_END_DECLS
