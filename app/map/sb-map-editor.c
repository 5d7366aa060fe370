/* sb-map-editor.c
 *
 * Clicks and drags that edit are told from those that pan by libshumate's
 * own gestures: a press that turns into a pan is claimed by the map and
 * cancels the click here, so a click places and a drag of the empty map
 * still moves it. A plain drag always pans, even one that starts on the
 * selected statement: moving it takes a press held still on it first
 * (GTK's long-press time), after which the drag is claimed here and the
 * map stays still while the statement moves.
 *
 * While dragging, a marker shows where the statement would go; the model
 * changes once, on release. The keyboard works at a crosshair in the
 * middle of the map: the arrows move the map under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sb-changes.h"
#include "sb-citation.h"
#include "sb-cite.h"
#include "sb-format.h"
#include "sb-gazetteer.h"
#include "sb-item.h"
#include "sb-map-editor.h"
#include "sb-mentioned-places.h"
#include "sb-projection.h"

struct _SbMapEditor
{
  GObject parent_instance;

  SbMapView *view;         /* unowned: the window keeps both */
  ShumateMap *map;
  ShumateViewport *viewport;
  SbDocument *document;

  SbMapEditorMode mode;
  SbItem *item;
  guint place_field;       /* which end the next click places */
  char *place_name;        /* what it is called, if not the town there */
  SbPlacePrecision place_precision;  /* exactly there, or near it */
  double place_radius_km;
  GArray *points;          /* lon, lat pairs drawn so far */
  char *hint;

  ShumatePathLayer *path;
  ShumateMarkerLayer *markers;
  ShumateMarker *cross;
  ShumateMarker *hint_marker;
  GtkLabel *hint_label;
  ShumateMarker *ghost;
  GPtrArray *vertices;     /* of ShumateMarker, in VERTICES mode */
  guint chosen_vertex;     /* the corner the keyboard moves */

  SbItem *pressed;         /* held on, not yet picked up */
  guint hold_source;
  SbItem *dragging;        /* picked up: the drag moves it */
  GtkGesture *drag;
  double drag_x;
  double drag_y;
};

G_DEFINE_FINAL_TYPE (SbMapEditor, sb_map_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODE,
  PROP_HINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SbBriefing *
briefing_of (SbMapEditor *self)
{
  return self->document ? sb_document_get_briefing (self->document) : NULL;
}

static void
draw_cross (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  double cx = width / 2.0, cy = height / 2.0;

  for (int pass = 0; pass < 2; pass++)
    {
      cairo_set_line_width (cr, pass == 0 ? 4 : 2);
      if (pass == 0)
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      else
        cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_arc (cr, cx, cy, width / 4.0, 0, 2 * G_PI);
      cairo_move_to (cr, cx, 1);
      cairo_line_to (cr, cx, cy - 3);
      cairo_move_to (cr, cx, cy + 3);
      cairo_line_to (cr, cx, height - 1);
      cairo_move_to (cr, 1, cy);
      cairo_line_to (cr, cx - 3, cy);
      cairo_move_to (cr, cx + 3, cy);
      cairo_line_to (cr, width - 1, cy);
      cairo_stroke (cr);
    }
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  cairo_arc (cr, width / 2.0, height / 2.0, width / 2.0 - 2, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);
}

/* The corner the keyboard moves: a ring around the dot. */
static void
draw_chosen_dot (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  cairo_arc (cr, width / 2.0, height / 2.0, width / 2.0 - 2, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 3);
  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  cairo_stroke (cr);
  cairo_arc (cr, width / 2.0, height / 2.0, width / 4.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static ShumateMarker *
new_marker (GtkDrawingAreaDrawFunc draw,
            int                    size)
{
  ShumateMarker *marker = shumate_marker_new ();
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, NULL, NULL);
  shumate_marker_set_child (marker, area);
  return marker;
}

static void place_hint (SbMapEditor *self);

static void
set_hint (SbMapEditor *self,
          char        *hint)
{
  g_free (self->hint);
  self->hint = hint;
  gtk_label_set_text (self->hint_label, hint ? hint : "");
  place_hint (self);
  /* What a screen reader says of the map while it waits for the place. */
  if (hint != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

/* Room between the hint and the map's edge: at the bottom, above the
 * scale and the notice about tiles.
 */
#define HINT_TOP_ROOM 12.0
#define HINT_BOTTOM_ROOM 56.0

/* How many of the towns the briefing names, and of the places it knows at
 * a point, lie in @band of the map (its name beside it included).
 */
static guint
count_under (SbMapEditor           *self,
             const graphene_rect_t *band)
{
  SbBriefing *briefing = sb_selection_get_briefing (sb_map_view_get_selection (self->view));
  GtkWidget *map = GTK_WIDGET (self->map);
  graphene_rect_t near;
  GPtrArray *towns;
  GListModel *places;
  guint count = 0;

  if (briefing == NULL)
    return 0;

  graphene_rect_inset_r (band, -12, -12, &near);
  towns = sb_mentioned_places_get (briefing);
  for (guint i = 0; i < towns->len; i++)
    {
      const SbBasemapFeature *town = g_ptr_array_index (towns, i);
      double x, y;

      shumate_viewport_location_to_widget_coords (self->viewport, map, sb_mercator_latitude (town->label_y),
                                                  town->label_x * 360.0 - 180.0, &x, &y);
      count += graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y));
    }

  places = sb_briefing_get_places (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      double x, y;

      if (sb_place_get_precision (place) > SB_PLACE_PRECISION_NEAR)
        continue;
      shumate_viewport_location_to_widget_coords (self->viewport, map, sb_place_get_latitude (place),
                                                  sb_place_get_longitude (place), &x, &y);
      count += graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y));
    }

  return count;
}

/* The hint lies along the map's bottom edge, or its top edge where fewer
 * of the towns the briefing names would lie under it: never on the
 * middle, where the town to click is (a hint below the cross lay on
 * Bamako, the town the passage named).
 */
static void
place_hint (SbMapEditor *self)
{
  GtkWidget *map = GTK_WIDGET (self->map);
  GtkWidget *label = GTK_WIDGET (self->hint_label);
  double width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  double middle_x, middle_y, margin;
  graphene_rect_t top, bottom;
  int label_width, label_height;
  double lat, lon;

  if (width <= 0 || height <= 0 || !gtk_widget_get_visible (GTK_WIDGET (self->hint_marker)))
    return;

  sb_map_view_get_middle (self->view, &lat, &lon);
  shumate_viewport_location_to_widget_coords (self->viewport, map, lat, lon, &middle_x, &middle_y);
  gtk_widget_set_margin_top (label, 0);
  gtk_widget_set_margin_bottom (label, 0);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, label_width, NULL, &label_height, NULL, NULL);

  top = GRAPHENE_RECT_INIT (middle_x - label_width / 2.0, HINT_TOP_ROOM, label_width, label_height);
  bottom = GRAPHENE_RECT_INIT (middle_x - label_width / 2.0, height - HINT_BOTTOM_ROOM - label_height,
                               label_width, label_height);

  /* The marker is centred on the middle: a margin on one side puts the
   * label at the other side's edge.
   */
  if (count_under (self, &top) < count_under (self, &bottom))
    {
      margin = 2 * (middle_y - HINT_TOP_ROOM) - label_height;
      gtk_widget_set_margin_bottom (label, (int) MAX (margin, 0));
    }
  else
    {
      margin = 2 * (height - HINT_BOTTOM_ROOM - middle_y) - label_height;
      gtk_widget_set_margin_top (label, (int) MAX (margin, 0));
    }
}

static void
update_cross (SbMapEditor *self)
{
  double lat, lon;

  sb_map_view_get_middle (self->view, &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (self->cross), lat, lon);
  shumate_location_set_location (SHUMATE_LOCATION (self->hint_marker), lat, lon);
  place_hint (self);
}

static void
update_path (SbMapEditor *self)
{
  shumate_path_layer_remove_all (self->path);
  for (guint i = 0; i < self->points->len / 2; i++)
    {
      /* Floating: the layer takes it. */
      ShumateCoordinate *node = shumate_coordinate_new_full (g_array_index (self->points, double, 2 * i + 1),
                                                             g_array_index (self->points, double, 2 * i));

      shumate_path_layer_add_node (self->path, SHUMATE_LOCATION (node));
    }
  shumate_path_layer_set_closed (self->path, self->points->len >= 6);
  gtk_widget_set_visible (GTK_WIDGET (self->path), self->points->len > 0);
}

static void
clear_vertices (SbMapEditor *self)
{
  for (guint i = 0; i < self->vertices->len; i++)
    shumate_marker_layer_remove_marker (self->markers, g_ptr_array_index (self->vertices, i));
  g_ptr_array_set_size (self->vertices, 0);
}

/* How precisely a click places the statement: near there when its
 * passage says "near Teguey", otherwise exactly there; N switches.
 */
#define NEAR_A_CLICK_KM 25.0

static void
update_place_hint (SbMapEditor *self)
{
  g_autofree char *where = NULL;
  g_autofree char *how = NULL;
  g_autofree char *radius = g_strdup_printf ("%.0f", self->place_radius_km);
  g_autofree char *label = self->item ? sb_format_item_name (self->item) : g_strdup ("");

  if (self->place_name != NULL)
    where = g_strdup_printf (_("Click where “%s” is, or move the map with the arrow keys (Shift for larger steps, + and − to zoom) and press Enter to place it at the cross. Esc cancels."),
                             self->place_name);
  else if (self->place_field == SB_ITEM_FIELD_ORIGIN)
    where = g_strdup_printf (_("Click where “%s” starts, or press Enter at the cross. Esc cancels."), label);
  else
    where = g_strdup_printf (_("Click where “%s” is, or move the map with the arrow keys (Shift for larger steps, + and − to zoom) and press Enter to place it at the cross. Esc cancels."), label);

  if (self->place_precision != SB_PLACE_PRECISION_NEAR)
    /* TRANSLATORS: N is the key, as typed */
    how = g_strdup_printf (_("It is placed exactly there; N places it near there (within %s km) instead."), radius);
  else if (self->item != NULL && sb_cite_says_near (self->item))
    how = g_strdup_printf (_("The passage says “near”: it is placed within %s km of there; N places it exactly there instead."), radius);
  else
    how = g_strdup_printf (_("It is placed within %s km of there; N places it exactly there instead."), radius);
  set_hint (self, g_strdup_printf ("%s %s", where, how));
}

/**
 * sb_map_editor_toggle_near:
 *
 * N while placing: near the point clicked, or exactly there.
 *
 * Returns: whether placing
 */
gboolean
sb_map_editor_toggle_near (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  if (self->mode != SB_MAP_EDITOR_PLACE)
    return FALSE;
  if (self->place_precision == SB_PLACE_PRECISION_NEAR)
    self->place_precision = SB_PLACE_PRECISION_POINT;
  else
    {
      self->place_precision = SB_PLACE_PRECISION_NEAR;
      if (self->place_radius_km <= 0)
        self->place_radius_km = NEAR_A_CLICK_KM;
    }
  update_place_hint (self);
  return TRUE;
}

/**
 * sb_map_editor_get_place_precision:
 *
 * Returns: how precisely the next click places the statement
 */
SbPlacePrecision
sb_map_editor_get_place_precision (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), SB_PLACE_PRECISION_POINT);

  return self->place_precision;
}

static void
set_mode (SbMapEditor     *self,
          SbMapEditorMode  mode,
          SbItem          *item)
{
  g_autofree char *label = item ? sb_format_item_name (item) : g_strdup ("");
  gboolean at_cross = mode != SB_MAP_EDITOR_IDLE && mode != SB_MAP_EDITOR_VERTICES;

  self->mode = mode;
  g_set_object (&self->item, item);
  self->place_field = SB_ITEM_FIELD_PLACE;
  g_clear_pointer (&self->place_name, g_free);
  self->place_precision = SB_PLACE_PRECISION_POINT;
  self->place_radius_km = 0;
  if (mode == SB_MAP_EDITOR_IDLE || mode == SB_MAP_EDITOR_PLACE || mode == SB_MAP_EDITOR_ORIGIN)
    g_array_set_size (self->points, 0);
  if (mode != SB_MAP_EDITOR_VERTICES)
    clear_vertices (self);

  switch (mode)
    {
    case SB_MAP_EDITOR_PLACE:
      self->place_radius_km = NEAR_A_CLICK_KM;
      if (item != NULL && sb_cite_says_near (item))
        self->place_precision = SB_PLACE_PRECISION_NEAR;
      update_place_hint (self);
      break;
    case SB_MAP_EDITOR_ORIGIN:
      set_hint (self, g_strdup_printf (_("Click where “%s” starts, or press Enter at the cross. Esc cancels."), label));
      break;
    case SB_MAP_EDITOR_DESTINATION:
      set_hint (self, g_strdup_printf (_("Click where “%s” goes, or press Enter at the cross. Esc cancels."), label));
      break;
    case SB_MAP_EDITOR_OUTLINE:
      set_hint (self, g_strdup_printf (_("Click each corner of “%s”, or press Space at the cross. Backspace takes the last back, Enter finishes, Esc cancels."), label));
      break;
    case SB_MAP_EDITOR_VERTICES:
      set_hint (self, g_strdup_printf (_("Drag the corners of “%s”, or choose one with Tab and move it with Alt and the arrow keys. Enter or Esc when done."), label));
      break;
    case SB_MAP_EDITOR_IDLE:
    default:
      set_hint (self, NULL);
      break;
    }

  update_path (self);
  update_cross (self);
  gtk_widget_set_visible (GTK_WIDGET (self->cross), at_cross);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_marker), mode != SB_MAP_EDITOR_IDLE);
  place_hint (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), at_cross ? "crosshair" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static gboolean
apply (SbMapEditor *self,
       SbEdit      *edit)
{
  g_autoptr(GError) error = NULL;

  if (edit == NULL)
    return FALSE;
  if (!sb_document_apply (self->document, edit, &error))
    {
      set_hint (self, g_strdup (error->message));
      gtk_widget_error_bell (GTK_WIDGET (self->view));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pointer_location (SbMapEditor *self,
                  GtkGesture  *gesture,
                  double      *lat,
                  double      *lon)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  graphene_point_t point;
  double x, y;

  if (!gtk_gesture_get_point (gesture, gtk_gesture_get_last_updated_sequence (gesture), &x, &y) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (self->map), &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), point.x, point.y, lat, lon);
  return TRUE;
}

static void
on_vertex_drag_begin (GtkGestureDrag *drag,
                      double          x,
                      double          y,
                      SbMapEditor    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_vertex_drag_update (GtkGestureDrag *drag,
                       double          dx,
                       double          dy,
                       SbMapEditor    *self)
{
  GtkWidget *vertex = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drag));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (vertex), "sb-vertex"));
  double lat, lon;

  if (!pointer_location (self, GTK_GESTURE (drag), &lat, &lon) || 2 * index + 1 >= self->points->len)
    return;
  shumate_location_set_location (SHUMATE_LOCATION (vertex), lat, lon);
  g_array_index (self->points, double, 2 * index) = lon;
  g_array_index (self->points, double, 2 * index + 1) = lat;
  update_path (self);
}

static void
on_vertex_drag_end (GtkGestureDrag *drag,
                    double          dx,
                    double          dy,
                    SbMapEditor    *self)
{
  GtkWidget *vertex = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drag));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (vertex), "sb-vertex"));

  if (hypot (dx, dy) < 2 || 2 * index + 1 >= self->points->len)
    return;
  sb_map_editor_move_vertex (self, index,
                             g_array_index (self->points, double, 2 * index + 1),
                             g_array_index (self->points, double, 2 * index));
}

/* The corners as the area has them now: Undo and Redo change them under
 * the editor's feet.
 */
static void
on_edited (SbMapEditor *self,
           SbChanges   *changes)
{
  const SbGeometry *geometry;
  const SbRing *ring;

  if (self->mode != SB_MAP_EDITOR_VERTICES || self->item == NULL || !sb_changes_contains (changes, SB_ENTITY (self->item)))
    return;

  geometry = sb_item_get_geometry (self->item);
  if (geometry == NULL || geometry->n_polygons != 1 || geometry->polygons[0].n_rings != 1 ||
      geometry->polygons[0].rings[0].n_points != self->vertices->len + 1)
    {
      /* Not the outline whose corners are moved any more. */
      set_mode (self, SB_MAP_EDITOR_IDLE, NULL);
      return;
    }

  ring = &geometry->polygons[0].rings[0];
  g_array_set_size (self->points, 0);
  g_array_append_vals (self->points, ring->points, 2 * self->vertices->len);
  for (guint i = 0; i < self->vertices->len; i++)
    shumate_location_set_location (SHUMATE_LOCATION (g_ptr_array_index (self->vertices, i)),
                                   ring->points[2 * i + 1], ring->points[2 * i]);
  update_path (self);
}

/* The chosen corner shows as a ring, and is said with its number. */
static void
show_chosen_vertex (SbMapEditor *self)
{
  for (guint i = 0; i < self->vertices->len; i++)
    {
      GtkWidget *area = shumate_marker_get_child (g_ptr_array_index (self->vertices, i));
      gboolean chosen = i == self->chosen_vertex;

      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), chosen ? draw_chosen_dot : draw_dot, NULL, NULL);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), chosen ? 20 : 14);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), chosen ? 20 : 14);
    }
}

/**
 * sb_map_editor_choose_vertex:
 * @index: which corner, from 0
 *
 * Tab and Shift+Tab: the corner that Alt and the arrow keys move, while
 * an area's corners are moved. The map centres on it.
 *
 * Returns: whether there is such a corner
 */
gboolean
sb_map_editor_choose_vertex (SbMapEditor *self,
                             guint        index)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  if (self->mode != SB_MAP_EDITOR_VERTICES || index >= self->vertices->len)
    return FALSE;

  self->chosen_vertex = index;
  show_chosen_vertex (self);
  shumate_map_center_on (self->map, g_array_index (self->points, double, 2 * index + 1),
                         g_array_index (self->points, double, 2 * index));
  label = sb_format_item_name (self->item);
  /* TRANSLATORS: "Corner 2 of 5 of “Area”: …", while moving an area's corners from the keyboard */
  set_hint (self, g_strdup_printf (_("Corner %u of %u of “%s”: Alt and the arrow keys move it, Tab chooses the next. Enter or Esc when done."),
                                   index + 1, self->vertices->len, label ? label : ""));
  return TRUE;
}

guint
sb_map_editor_get_chosen_vertex (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), 0);

  return self->chosen_vertex;
}

/**
 * sb_map_editor_begin:
 * @mode: what clicks do from now on
 * @item: the statement they place or draw
 *
 * Returns: whether @mode fits @item (a movement is drawn, an area is
 *   outlined) and there is a document to edit
 */
gboolean
sb_map_editor_begin (SbMapEditor     *self,
                     SbMapEditorMode  mode,
                     SbItem          *item)
{
  const SbGeometry *geometry;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);
  g_return_val_if_fail (item == NULL || SB_IS_ITEM (item), FALSE);

  if (mode == SB_MAP_EDITOR_IDLE)
    return sb_map_editor_cancel (self);
  if (self->document == NULL || item == NULL || mode == SB_MAP_EDITOR_DESTINATION)
    return FALSE;
  /* A movement is drawn from its start, or one end of it placed. */
  if (mode == SB_MAP_EDITOR_ORIGIN && sb_item_get_kind (item) != SB_ITEM_KIND_MOVEMENT)
    return FALSE;
  if ((mode == SB_MAP_EDITOR_OUTLINE || mode == SB_MAP_EDITOR_VERTICES) && sb_item_get_kind (item) != SB_ITEM_KIND_AREA)
    return FALSE;

  if (mode == SB_MAP_EDITOR_VERTICES)
    {
      /* One outline without holes: what can be drawn can be moved. */
      geometry = sb_item_get_geometry (item);
      if (geometry == NULL || geometry->n_polygons != 1 || geometry->polygons[0].n_rings != 1)
        return FALSE;
    }

  set_mode (self, mode, item);
  if (mode == SB_MAP_EDITOR_VERTICES)
    {
      const SbRing *ring = &sb_item_get_geometry (item)->polygons[0].rings[0];

      g_array_set_size (self->points, 0);
      g_array_append_vals (self->points, ring->points, 2 * (ring->n_points - 1));
      update_path (self);
      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          ShumateMarker *vertex = new_marker (draw_dot, 14);
          GtkGesture *drag = gtk_gesture_drag_new ();
          /* TRANSLATORS: a corner of an area drawn on the map, for screen readers */
          g_autofree char *name = g_strdup_printf (_("Corner %u"), i + 1);

          g_object_set_data (G_OBJECT (vertex), "sb-vertex", GUINT_TO_POINTER (i));
          gtk_accessible_update_property (GTK_ACCESSIBLE (vertex), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          shumate_location_set_location (SHUMATE_LOCATION (vertex), ring->points[2 * i + 1], ring->points[2 * i]);
          gtk_widget_add_controller (GTK_WIDGET (vertex), GTK_EVENT_CONTROLLER (drag));
          g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_vertex_drag_begin), self, 0);
          g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_vertex_drag_update), self, 0);
          g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_vertex_drag_end), self, 0);
          shumate_marker_layer_add_marker (self->markers, vertex);
          g_ptr_array_add (self->vertices, vertex);
        }
      self->chosen_vertex = 0;
      show_chosen_vertex (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
  return TRUE;
}

/**
 * sb_map_editor_move_vertex:
 *
 * Moves one corner of the area whose corners are being moved: one edit.
 */
gboolean
sb_map_editor_move_vertex (SbMapEditor *self,
                           guint        index,
                           double       latitude,
                           double       longitude)
{
  g_autoptr(SbItem) item = NULL;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  if (self->mode != SB_MAP_EDITOR_VERTICES || 2 * index + 1 >= self->points->len)
    return FALSE;
  g_array_index (self->points, double, 2 * index) = longitude;
  g_array_index (self->points, double, 2 * index + 1) = latitude;
  item = g_object_ref (self->item);
  return apply (self, sb_cite_set_outline (item, (double *) self->points->data, self->points->len / 2));
}

guint
sb_map_editor_get_n_vertices (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), 0);

  return self->mode == SB_MAP_EDITOR_VERTICES ? self->vertices->len : self->points->len / 2;
}

/**
 * sb_map_editor_begin_place:
 * @field: %SB_ITEM_FIELD_PLACE, or %SB_ITEM_FIELD_ORIGIN for where a
 *   movement starts
 * @name: (nullable): what the place clicked is called: a town the
 *   gazetteer does not know, as the person typed it
 * @precision: %SB_PLACE_PRECISION_NEAR for somewhere within @radius_km
 *   of the point clicked; anything else, exactly there
 *
 * The next click (or Enter at the cross) places @item's @field there.
 *
 * Returns: whether there is a document to edit
 */
gboolean
sb_map_editor_begin_place (SbMapEditor     *self,
                           SbItem          *item,
                           guint            field,
                           const char      *name,
                           SbPlacePrecision precision,
                           double           radius_km)
{

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);
  g_return_val_if_fail (item == NULL || SB_IS_ITEM (item), FALSE);
  g_return_val_if_fail (field == SB_ITEM_FIELD_PLACE || field == SB_ITEM_FIELD_ORIGIN, FALSE);

  if (field == SB_ITEM_FIELD_ORIGIN && (item == NULL || sb_item_get_kind (item) != SB_ITEM_KIND_MOVEMENT))
    return FALSE;
  if (!sb_map_editor_begin (self, SB_MAP_EDITOR_PLACE, item))
    return FALSE;
  self->place_field = field;
  self->place_name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  /* A click is a point, or near one: a region or a country is not
   * clicked. Near, as chosen, or as the passage says.
   */
  if (precision == SB_PLACE_PRECISION_NEAR && radius_km > 0)
    {
      self->place_precision = precision;
      self->place_radius_km = radius_km;
    }
  update_place_hint (self);
  return TRUE;
}

/* Where a statement placed from the keyboard went, for a screen reader:
 * the map's description says it once the cross and the hint are gone.
 */
static void
describe_placed (SbMapEditor *self,
                 SbItem      *item,
                 guint        field)
{
  SbPlace *place = field == SB_ITEM_FIELD_ORIGIN ? sb_item_get_origin (item) : sb_item_get_place (item);
  g_autofree char *label = sb_format_item_name (item);
  g_autofree char *said = NULL;
  const char *where;

  if (place == NULL)
    return;

  where = sb_text_get (sb_place_get_name (place));
  if (sb_place_get_precision (place) == SB_PLACE_PRECISION_NEAR && sb_place_has_radius (place))
    {
      g_autofree char *radius = g_strdup_printf ("%.0f", sb_place_get_radius_km (place));

      /* TRANSLATORS: said by a screen reader: "Placed “Attack, May 2024” within 25 km of Bamako." */
      said = g_strdup_printf (_("Placed “%s” within %s km of %s."), label, radius, where);
    }
  else
    /* TRANSLATORS: said by a screen reader: "Placed “Attack, May 2024” at Bamako." */
    said = g_strdup_printf (_("Placed “%s” at %s."), label, where);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said, -1);
}

/**
 * sb_map_editor_add_point:
 *
 * What a click at a point does in the current mode: places, starts or
 * ends a movement, or adds a corner.
 *
 * Returns: whether the point was taken
 */
gboolean
sb_map_editor_add_point (SbMapEditor *self,
                         double       latitude,
                         double       longitude)
{
  g_autoptr(SbItem) item = NULL;
  gboolean done;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  item = self->item ? g_object_ref (self->item) : NULL;
  switch (self->mode)
    {
    case SB_MAP_EDITOR_PLACE:
      {
        g_autofree char *name = g_steal_pointer (&self->place_name);
        g_autoptr(SbGazetteerEntry) entry = sb_cite_entry_at (latitude, longitude);
        guint field = self->place_field;
        SbPlacePrecision precision = self->place_precision;
        double radius_km = self->place_radius_km;

        set_mode (self, SB_MAP_EDITOR_IDLE, NULL);
        if (name != NULL)
          done = apply (self, sb_cite_place_named (briefing_of (self), item, field, name, entry, precision, radius_km));
        else
          done = apply (self, sb_cite_place (briefing_of (self), item, field, entry, precision, radius_km));
        if (done)
          describe_placed (self, item, field);
        return done;
      }
    case SB_MAP_EDITOR_ORIGIN:
      g_array_append_vals (self->points, (double[]) { longitude, latitude }, 2);
      set_mode (self, SB_MAP_EDITOR_DESTINATION, item);
      return TRUE;
    case SB_MAP_EDITOR_DESTINATION:
      {
        double from_lon = g_array_index (self->points, double, 0);
        double from_lat = g_array_index (self->points, double, 1);

        set_mode (self, SB_MAP_EDITOR_IDLE, NULL);
        done = apply (self, sb_cite_draw_movement (briefing_of (self), item, from_lat, from_lon, latitude, longitude));
        return done;
      }
    case SB_MAP_EDITOR_OUTLINE:
      g_array_append_vals (self->points, (double[]) { longitude, latitude }, 2);
      update_path (self);
      return TRUE;
    case SB_MAP_EDITOR_VERTICES:
    case SB_MAP_EDITOR_IDLE:
    default:
      return FALSE;
    }
}

/**
 * sb_map_editor_finish:
 *
 * Enter: an outline drawn is given to its area (it needs 3 corners); at
 * the cross, the point is taken; moving corners ends.
 */
gboolean
sb_map_editor_finish (SbMapEditor *self)
{
  g_autoptr(SbItem) item = NULL;
  g_autoptr(GArray) points = NULL;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  switch (self->mode)
    {
    case SB_MAP_EDITOR_PLACE:
    case SB_MAP_EDITOR_ORIGIN:
    case SB_MAP_EDITOR_DESTINATION:
      {
        double lat, lon;

        sb_map_view_get_middle (self->view, &lat, &lon);
        return sb_map_editor_add_point (self, lat, lon);
      }
    case SB_MAP_EDITOR_OUTLINE:
      if (self->points->len < 6)
        {
          set_hint (self, g_strdup (_("An area needs at least three corners: click more, or Esc to cancel.")));
          gtk_widget_error_bell (GTK_WIDGET (self->view));
          return TRUE;
        }
      item = g_object_ref (self->item);
      points = g_array_ref (self->points);
      self->points = g_array_new (FALSE, FALSE, sizeof (double));
      set_mode (self, SB_MAP_EDITOR_IDLE, NULL);
      apply (self, sb_cite_set_outline (item, (double *) points->data, points->len / 2));
      return TRUE;
    case SB_MAP_EDITOR_VERTICES:
      set_mode (self, SB_MAP_EDITOR_IDLE, NULL);
      return TRUE;
    case SB_MAP_EDITOR_IDLE:
    default:
      return FALSE;
    }
}

/**
 * sb_map_editor_cancel:
 *
 * Escape: whatever was being drawn is dropped; the briefing is as it was.
 *
 * Returns: whether there was something to cancel
 */
gboolean
sb_map_editor_cancel (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  if (self->mode == SB_MAP_EDITOR_IDLE)
    return FALSE;
  set_mode (self, SB_MAP_EDITOR_IDLE, NULL);
  return TRUE;
}

/* The statement moved by dragging or by the arrows: placed at a point. */
static SbItem *
movable_item (SbMapEditor *self)
{
  SbEntity *selected = sb_selection_get_selected (sb_map_view_get_selection (self->view));
  SbPlace *place;

  if (self->document == NULL || !SB_IS_ITEM (selected) ||
      sb_item_get_kind (SB_ITEM (selected)) == SB_ITEM_KIND_MOVEMENT ||
      sb_item_get_kind (SB_ITEM (selected)) == SB_ITEM_KIND_AREA)
    return NULL;
  place = sb_item_get_place (SB_ITEM (selected));
  if (place == NULL || (sb_place_get_precision (place) != SB_PLACE_PRECISION_POINT &&
                        sb_place_get_precision (place) != SB_PLACE_PRECISION_NEAR))
    return NULL;
  return SB_ITEM (selected);
}

/**
 * sb_map_editor_nudge:
 * @dx: -1, 0 or 1: left or right
 * @dy: -1, 0 or 1: up or down
 *
 * Alt and an arrow: moves the selected statement a few pixels on the map,
 * or, while an area's corners are moved, the chosen corner; one edit each.
 */
gboolean
sb_map_editor_nudge (SbMapEditor *self,
                     int          dx,
                     int          dy)
{
  SbItem *item;
  SbPlace *place;
  double x, y, lat, lon;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);

  if (self->mode == SB_MAP_EDITOR_VERTICES && self->chosen_vertex < self->vertices->len)
    {
      guint i = self->chosen_vertex;

      shumate_viewport_location_to_widget_coords (self->viewport, GTK_WIDGET (self->map),
                                                  g_array_index (self->points, double, 2 * i + 1),
                                                  g_array_index (self->points, double, 2 * i), &x, &y);
      shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), x + 8 * dx, y + 8 * dy, &lat, &lon);
      shumate_location_set_location (SHUMATE_LOCATION (g_ptr_array_index (self->vertices, i)), lat, lon);
      return sb_map_editor_move_vertex (self, i, lat, lon);
    }

  if (self->mode != SB_MAP_EDITOR_IDLE || (item = movable_item (self)) == NULL)
    return FALSE;
  place = sb_item_get_place (item);
  shumate_viewport_location_to_widget_coords (self->viewport, GTK_WIDGET (self->map),
                                              sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), x + 8 * dx, y + 8 * dy, &lat, &lon);
  return apply (self, sb_cite_move (briefing_of (self), item, lat, lon));
}

/**
 * sb_map_editor_drop:
 * @x: where the drag ended, in the map's coordinates
 *
 * Moves @item where it was dragged to: one edit.
 */
gboolean
sb_map_editor_drop (SbMapEditor *self,
                    SbItem      *item,
                    double       x,
                    double       y)
{
  double lat, lon;

  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), FALSE);
  g_return_val_if_fail (SB_IS_ITEM (item), FALSE);

  if (self->document == NULL)
    return FALSE;
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  return apply (self, sb_cite_move (briefing_of (self), item, lat, lon));
}

static void
on_click_released (GtkGestureClick *click,
                   int              n_press,
                   double           x,
                   double           y,
                   SbMapEditor     *self)
{
  double lat, lon;

  if (self->mode == SB_MAP_EDITOR_IDLE || self->mode == SB_MAP_EDITOR_VERTICES || n_press != 1)
    return;
  /* The click is the editor's: it does not select what is under it. */
  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  sb_map_editor_add_point (self, lat, lon);
}

/* Held still long enough on the statement: it is picked up, and the
 * ghost shows it is.
 */
static gboolean
on_held (gpointer data)
{
  SbMapEditor *self = data;
  SbPlace *place;

  self->hold_source = 0;
  if (self->pressed == NULL)
    return G_SOURCE_REMOVE;
  g_clear_object (&self->dragging);
  self->dragging = g_steal_pointer (&self->pressed);
  gtk_gesture_set_state (self->drag, GTK_EVENT_SEQUENCE_CLAIMED);
  place = sb_item_get_place (self->dragging);
  shumate_location_set_location (SHUMATE_LOCATION (self->ghost), sb_place_get_latitude (place), sb_place_get_longitude (place));
  gtk_widget_set_visible (GTK_WIDGET (self->ghost), TRUE);
  return G_SOURCE_REMOVE;
}

static void
stop_holding (SbMapEditor *self)
{
  g_clear_handle_id (&self->hold_source, g_source_remove);
  g_clear_object (&self->pressed);
}

static void
on_drag_begin (GtkGestureDrag *drag,
               double          x,
               double          y,
               SbMapEditor    *self)
{
  SbItem *item = self->mode == SB_MAP_EDITOR_IDLE ? movable_item (self) : NULL;
  graphene_point_t point;
  int hold_ms = 500;

  stop_holding (self);
  g_clear_object (&self->dragging);
  if (item == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self->view), &GRAPHENE_POINT_INIT (x, y), &point) ||
      sb_map_view_pick (self->view, point.x, point.y) != SB_ENTITY (item))
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* Not claimed yet: a drag that moves before the hold pans the map. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self->map)), "gtk-long-press-time", &hold_ms, NULL);
  self->pressed = g_object_ref (item);
  self->hold_source = g_timeout_add (hold_ms, on_held, self);
  self->drag_x = x;
  self->drag_y = y;
}

static void
on_drag_update (GtkGestureDrag *drag,
                double          dx,
                double          dy,
                SbMapEditor    *self)
{
  double lat, lon;

  if (self->dragging == NULL)
    {
      /* Moved before it was held: a pan, the map's. */
      if (self->pressed != NULL && hypot (dx, dy) >= 3)
        {
          stop_holding (self);
          gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
        }
      return;
    }
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map),
                                              self->drag_x + dx, self->drag_y + dy, &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (self->ghost), lat, lon);
  gtk_widget_set_visible (GTK_WIDGET (self->ghost), TRUE);
}

static void
on_drag_end (GtkGestureDrag *drag,
             double          dx,
             double          dy,
             SbMapEditor    *self)
{
  g_autoptr(SbItem) item = g_steal_pointer (&self->dragging);

  stop_holding (self);
  gtk_widget_set_visible (GTK_WIDGET (self->ghost), FALSE);
  if (item == NULL || hypot (dx, dy) < 3)
    return;
  sb_map_editor_drop (self, item, self->drag_x + dx, self->drag_y + dy);
}

static void
on_drag_cancel (GtkGesture       *drag,
                GdkEventSequence *sequence,
                SbMapEditor      *self)
{
  stop_holding (self);
  g_clear_object (&self->dragging);
  gtk_widget_set_visible (GTK_WIDGET (self->ghost), FALSE);
}

/**
 * sb_map_editor_get_picked_up:
 *
 * Returns: (nullable) (transfer none): the statement a press held on it
 *   picked up, which the drag now moves
 */
SbItem *
sb_map_editor_get_picked_up (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), NULL);

  return self->dragging;
}

/* The arrows move the map under the cross by a fortieth of it, fine
 * enough to put a town under it; with Shift by an eighth, to go far.
 */
static void
pan (SbMapEditor *self,
     int          dx,
     int          dy,
     gboolean     far)
{
  double lat, lon;
  double step = far ? 8.0 : 40.0;
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));

  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map),
                                              width / 2.0 + dx * MAX (width, height) / step,
                                              height / 2.0 + dy * MAX (width, height) / step,
                                              &lat, &lon);
  shumate_map_center_on (self->map, lat, lon);
}

/* Plus and minus zoom about the cross, which stands in the middle of
 * the map no pane covers, not the map's own: it stays on what it was on.
 */
static gboolean
zoom_about_cross (SbMapEditor *self,
                  double       by)
{
  double lat, lon, before_x, before_y, after_x, after_y;
  double zoom = shumate_viewport_get_zoom_level (self->viewport);
  double to = CLAMP (zoom + by, shumate_viewport_get_min_zoom_level (self->viewport),
                     shumate_viewport_get_max_zoom_level (self->viewport));
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));

  if (to == zoom)
    return TRUE;
  sb_map_view_get_middle (self->view, &lat, &lon);
  shumate_viewport_location_to_widget_coords (self->viewport, GTK_WIDGET (self->map), lat, lon, &before_x, &before_y);
  shumate_viewport_set_zoom_level (self->viewport, to);
  shumate_viewport_location_to_widget_coords (self->viewport, GTK_WIDGET (self->map), lat, lon, &after_x, &after_y);
  shumate_viewport_widget_coords_to_location (self->viewport, GTK_WIDGET (self->map),
                                              width / 2.0 + after_x - before_x, height / 2.0 + after_y - before_y,
                                              &lat, &lon);
  shumate_map_center_on (self->map, lat, lon);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SbMapEditor           *self)
{
  int dx = keyval == GDK_KEY_Left ? -1 : keyval == GDK_KEY_Right ? 1 : 0;
  int dy = keyval == GDK_KEY_Up ? -1 : keyval == GDK_KEY_Down ? 1 : 0;

  if (self->mode == SB_MAP_EDITOR_IDLE)
    return (dx || dy) && (state & GDK_ALT_MASK) && sb_map_editor_nudge (self, dx, dy);

  if (self->mode == SB_MAP_EDITOR_VERTICES && self->vertices->len > 0)
    {
      guint n = self->vertices->len;

      if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
        return sb_map_editor_choose_vertex (self, (self->chosen_vertex + 1) % n);
      if (keyval == GDK_KEY_ISO_Left_Tab)
        return sb_map_editor_choose_vertex (self, (self->chosen_vertex + n - 1) % n);
      if ((dx || dy) && (state & GDK_ALT_MASK))
        return sb_map_editor_nudge (self, dx, dy);
    }

  switch (keyval)
    {
    case GDK_KEY_Escape:
      return sb_map_editor_cancel (self);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return sb_map_editor_finish (self);
    case GDK_KEY_space:
      if (self->mode == SB_MAP_EDITOR_OUTLINE)
        return sb_map_editor_add_point (self, shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)),
                                        shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)));
      return sb_map_editor_finish (self);
    case GDK_KEY_BackSpace:
      if (self->mode == SB_MAP_EDITOR_OUTLINE && self->points->len >= 2)
        {
          g_array_set_size (self->points, self->points->len - 2);
          update_path (self);
        }
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      return zoom_about_cross (self, 1);
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      return zoom_about_cross (self, -1);
    case GDK_KEY_n:
    case GDK_KEY_N:
      return !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) && sb_map_editor_toggle_near (self);
    default:
      if (dx || dy)
        {
          pan (self, dx, dy, (state & GDK_SHIFT_MASK) != 0);
          return TRUE;
        }
      return FALSE;
    }
}

static void
sb_map_editor_dispose (GObject *object)
{
  SbMapEditor *self = SB_MAP_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->item);
  g_clear_handle_id (&self->hold_source, g_source_remove);
  g_clear_object (&self->pressed);
  g_clear_object (&self->dragging);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->vertices, g_ptr_array_unref);
  g_clear_pointer (&self->hint, g_free);
  g_clear_pointer (&self->place_name, g_free);

  G_OBJECT_CLASS (sb_map_editor_parent_class)->dispose (object);
}

static void
sb_map_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbMapEditor *self = SB_MAP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_map_editor_class_init (SbMapEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_map_editor_dispose;
  object_class->get_property = sb_map_editor_get_property;

  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, SB_MAP_EDITOR_IDLE, SB_MAP_EDITOR_VERTICES, SB_MAP_EDITOR_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_map_editor_init (SbMapEditor *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->vertices = g_ptr_array_new ();
}

/**
 * sb_map_editor_new:
 *
 * Made once @view has its selection, the editor's layers are above those
 * of the briefing.
 *
 * Returns: (transfer full): the editor of @view's map
 */
SbMapEditor *
sb_map_editor_new (SbMapView *view)
{
  SbMapEditor *self;
  GtkGesture *gesture;
  GtkEventController *key;
  GtkWidget *label;

  g_return_val_if_fail (SB_IS_MAP_VIEW (view), NULL);

  self = g_object_new (SB_TYPE_MAP_EDITOR, NULL);
  self->view = view;
  self->map = sb_map_view_get_map (view);
  self->viewport = sb_map_view_get_viewport (view);

  self->path = shumate_path_layer_new (self->viewport);
  shumate_path_layer_set_stroke_color (self->path, &(GdkRGBA) { 0.75, 0.11, 0.16, 1.0 });
  shumate_path_layer_set_fill_color (self->path, &(GdkRGBA) { 0.75, 0.11, 0.16, 0.18 });
  shumate_path_layer_set_fill (self->path, TRUE);
  shumate_path_layer_set_stroke_width (self->path, 2.5);
  gtk_widget_set_visible (GTK_WIDGET (self->path), FALSE);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->path));

  self->markers = shumate_marker_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->markers));

  self->cross = new_marker (draw_cross, 34);
  gtk_widget_set_can_target (GTK_WIDGET (self->cross), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cross), FALSE);
  shumate_marker_layer_add_marker (self->markers, self->cross);

  self->hint_marker = shumate_marker_new ();
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "map-editor-hint");
  gtk_widget_add_css_class (label, "osd");
  self->hint_label = GTK_LABEL (label);
  shumate_marker_set_child (self->hint_marker, label);
  gtk_widget_set_can_target (GTK_WIDGET (self->hint_marker), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_marker), FALSE);
  shumate_marker_layer_add_marker (self->markers, self->hint_marker);

  self->ghost = new_marker (draw_dot, 18);
  gtk_widget_set_can_target (GTK_WIDGET (self->ghost), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ghost), FALSE);
  shumate_marker_layer_add_marker (self->markers, self->ghost);

  g_signal_connect_object (sb_map_view_get_selection (view), "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify::latitude", G_CALLBACK (update_cross), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify::longitude", G_CALLBACK (update_cross), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify::zoom-level", G_CALLBACK (update_cross), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "released", G_CALLBACK (on_click_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  self->drag = gesture;
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  g_signal_connect_object (gesture, "cancel", G_CALLBACK (on_drag_cancel), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (gesture));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), key);

  gtk_widget_set_focusable (GTK_WIDGET (self->map), TRUE);
  return self;
}

void
sb_map_editor_set_document (SbMapEditor *self,
                            SbDocument  *document)
{
  g_return_if_fail (SB_IS_MAP_EDITOR (self));

  sb_map_editor_cancel (self);
  g_set_object (&self->document, document);
}

SbMapEditorMode
sb_map_editor_get_mode (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), SB_MAP_EDITOR_IDLE);

  return self->mode;
}

const char *
sb_map_editor_get_hint (SbMapEditor *self)
{
  g_return_val_if_fail (SB_IS_MAP_EDITOR (self), NULL);

  return self->hint;
}
