/* sb-map-editor.h
 *
 * Placing on the map: a click places the chosen statement, a drag moves
 * it, a movement is drawn from where it starts to where it goes, an area
 * vertex by vertex; the keyboard does all of it at a crosshair in the
 * middle of the map. Every change is one edit of the window's document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-document.h"
#include "sb-map-view.h"

G_BEGIN_DECLS

typedef enum
{
  SB_MAP_EDITOR_IDLE,
  SB_MAP_EDITOR_PLACE,       /* the next click places */
  SB_MAP_EDITOR_ORIGIN,      /* the next click is where a movement starts … */
  SB_MAP_EDITOR_DESTINATION, /* … and then where it goes */
  SB_MAP_EDITOR_OUTLINE,     /* clicks add vertices; Enter finishes */
  SB_MAP_EDITOR_VERTICES,    /* an area's vertices are dragged */
} SbMapEditorMode;

#define SB_TYPE_MAP_EDITOR (sb_map_editor_get_type ())

G_DECLARE_FINAL_TYPE (SbMapEditor, sb_map_editor, SB, MAP_EDITOR, GObject)

SbMapEditor     *sb_map_editor_new          (SbMapView   *view);
void             sb_map_editor_set_document (SbMapEditor *self,
                                             SbDocument  *document);
SbMapEditorMode  sb_map_editor_get_mode     (SbMapEditor *self);
const char      *sb_map_editor_get_hint     (SbMapEditor *self);
gboolean         sb_map_editor_begin        (SbMapEditor     *self,
                                             SbMapEditorMode  mode,
                                             SbItem          *item);
gboolean         sb_map_editor_begin_place  (SbMapEditor     *self,
                                             SbItem          *item,
                                             guint            field,
                                             const char      *name,
                                             SbPlacePrecision precision,
                                             double           radius_km);
gboolean         sb_map_editor_add_point    (SbMapEditor *self,
                                             double       latitude,
                                             double       longitude);
gboolean         sb_map_editor_finish       (SbMapEditor *self);
gboolean         sb_map_editor_cancel       (SbMapEditor *self);
gboolean         sb_map_editor_nudge        (SbMapEditor *self,
                                             int          dx,
                                             int          dy);
gboolean         sb_map_editor_drop         (SbMapEditor *self,
                                             SbItem      *item,
                                             double       x,
                                             double       y);
SbItem          *sb_map_editor_get_picked_up (SbMapEditor *self);
gboolean         sb_map_editor_toggle_near  (SbMapEditor *self);
SbPlacePrecision sb_map_editor_get_place_precision (SbMapEditor *self);
guint            sb_map_editor_get_n_vertices (SbMapEditor *self);
gboolean         sb_map_editor_choose_vertex (SbMapEditor *self,
                                              guint        index);
guint            sb_map_editor_get_chosen_vertex (SbMapEditor *self);
gboolean         sb_map_editor_move_vertex  (SbMapEditor *self,
                                             guint        index,
                                             double       latitude,
                                             double       longitude);

G_END_DECLS
