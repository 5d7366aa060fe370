/* sb-map-view.c
 *
 * The map widget: the base map, tiles, the briefing's layers, scale,
 * attribution and legend; clicks select.
 *
 * The layers cannot be clicked themselves (libshumate layers do no hit
 * testing): the view asks each layer, topmost first, what lies under the
 * pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sb-area-layer.h"
#include "sb-base-layer.h"
#include "sb-change-layer.h"
#include "sb-cluster-popover.h"
#include "sb-format.h"
#include "sb-framing.h"
#include "sb-item-layer.h"
#include "sb-legend.h"
#include "sb-map-item-list.h"
#include "sb-map-view.h"
#include "sb-mbtiles-source.h"
#include "sb-mentioned-places.h"
#include "sb-movement-layer.h"
#include "sb-projection.h"
#include "sb-scale-corner.h"
#include "sb-tile-setup.h"
#include "sb-tile-source.h"

struct _SbMapView
{
  GtkWidget parent_instance;

  ShumateMap *map;
  ShumateScale *scale;
  ShumateLicense *license;
  SbLegend *legend;
  SbMapItemList *item_list;
  GtkLabel *status_label;

  SbSelection *selection;
  ShumateMapSource *reference;  /* Web Mercator's geometry, for the viewport */
  ShumateMapSource *tiles;      /* nullable: the base map alone */
  ShumateMapLayer *tile_layer;
  SbBaseLayer *base_layer;
  SbMapLayer *layers[3];   /* areas, movements, items: bottom to top */
  SbChangeLayer *change_layer; /* on top, once a comparison is shown */

  char *notice;            /* nullable: what the operator should know of the tiles */
  double covered;          /* pixels at the end side a pane lies over */
  double symbol_scale;
  SbScaleCorner scale_corner;
  gboolean shows_notices;

  SbBounds pending_frame;  /* asked for before the view had a size */
  guint pending_frame_tick;
  guint settle_tiles_source;

  gboolean detail_said;         /* "no more detail" said for these tiles */
  guint detail_timeout;
};

G_DEFINE_FINAL_TYPE (SbMapView, sb_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_NOTICE,
  PROP_SHOWS_NOTICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DETAIL_NOTICE_SECONDS 6
#define PANE_CLEARANCE 12

static gboolean
frame_when_allocated (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  SbMapView *self = SB_MAP_VIEW (widget);

  if (gtk_widget_get_width (widget) <= 0)
    return G_SOURCE_CONTINUE;

  self->pending_frame_tick = 0;
  sb_map_view_frame (self, &self->pending_frame, FALSE);

  return G_SOURCE_REMOVE;
}

/* The height at the map's bottom that its scale and notices take. */
#define FRAME_BOTTOM_KEPT 56.0

/* Room beside a point for its name, and above and below it. */
#define LEGEND_NAME_ROOM_X 40.0
#define LEGEND_NAME_ROOM_Y 10.0

/* Whether @legend, in the pixels of a map of @width × @height centred at
 * @lat, @lon, lies over a town the briefing names or a place it knows at
 * a point, or their names.
 */
static gboolean
legend_covers_places (SbMapView             *self,
                      const graphene_rect_t *legend,
                      double                 lat,
                      double                 lon,
                      double                 zoom,
                      double                 width,
                      double                 height)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  SbProjection projection;
  graphene_rect_t near;
  GPtrArray *towns;
  GListModel *places;

  if (briefing == NULL)
    return FALSE;

  sb_projection_init_at (&projection, lat, lon, zoom, width, height);
  graphene_rect_inset_r (legend, -LEGEND_NAME_ROOM_X, -LEGEND_NAME_ROOM_Y, &near);

  towns = sb_mentioned_places_get (briefing);
  for (guint i = 0; i < towns->len; i++)
    {
      const SbBasemapFeature *town = g_ptr_array_index (towns, i);
      double x, y;

      sb_projection_unit_to_widget (&projection, town->label_x, town->label_y, &x, &y);
      if (graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y)))
        return TRUE;
    }

  places = sb_briefing_get_places (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      double x, y;

      if (sb_place_get_precision (place) > SB_PLACE_PRECISION_NEAR)
        continue;
      sb_projection_to_widget (&projection, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
      if (graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y)))
        return TRUE;
    }

  return FALSE;
}

/* Frames @bounds in a view of @view_width × @view_height. */
static void
frame_in (SbMapView      *self,
          const SbBounds *bounds,
          int             view_width,
          int             view_height,
          gboolean        animate)
{
  double zoom, lat, lon, width, height, bottom;
  graphene_rect_t legend;
  gboolean beside_legend;

  /* Into the part no pane lies over, above the scale and the notice at
   * the bottom (Agadez, framed with Germany, lay under them), and beside
   * the legend's button in its corner when a town or place would lie
   * under it (Agadez, framed with Niamey, did).
   */
  width = MAX (view_width - self->covered, 120);
  height = view_height;
  bottom = height > 4 * FRAME_BOTTOM_KEPT ? FRAME_BOTTOM_KEPT : 0;
  if (!sb_framing_fit (bounds, width, height - bottom, &lat, &lon, &zoom))
    return;

  /* (as it will be: a briefing opens before the legend is laid out) */
  beside_legend = sb_legend_measure_covered (self->legend, view_width, view_height, &legend);
  if (beside_legend && gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    legend.origin.x -= view_width - width;
  if (beside_legend && legend_covers_places (self, &legend, lat, lon, zoom, width, height - bottom))
    sb_framing_fit_around (bounds, width, height - bottom, &legend, SB_FRAMING_FILL, &lat, &lon, &zoom);
  if (bottom > 0)
    lat = sb_mercator_latitude (sb_mercator_y (lat) + bottom / 2.0 / (SB_TILE_SIZE * exp2 (zoom)));

  if (self->covered > 0)
    {
      double world = SB_TILE_SIZE * exp2 (zoom);
      double shift = (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1) * self->covered / 2;

      lon = (sb_mercator_x (lon) * world + shift) / world * 360.0 - 180.0;
    }

  if (animate)
    shumate_map_go_to_full (self->map, lat, lon, zoom);
  else
    sb_map_view_go_to (self, lat, lon, zoom);
}

/**
 * sb_map_view_frame:
 *
 * Centres the map on @bounds and zooms so that they fill the view with a
 * margin, as sb_framing_fit() says.
 */
void
sb_map_view_frame (SbMapView      *self,
                   const SbBounds *bounds,
                   gboolean        animate)
{
  g_return_if_fail (SB_IS_MAP_VIEW (self));
  g_return_if_fail (bounds != NULL);

  /* The zoom that fits depends on the view's size: wait for it. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->pending_frame = *bounds;
      if (self->pending_frame_tick == 0)
        self->pending_frame_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), frame_when_allocated, NULL, NULL);
      return;
    }

  frame_in (self, bounds, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), animate);
}

/**
 * sb_map_view_set_covered:
 * @covered: how many pixels at the view's end side a pane lies over
 *
 * Framing then fits what it frames into the rest, and the cards of
 * countries and regions keep out from under the pane: in a narrow window
 * the details lie over the map, and what they are about stays in sight.
 */
void
sb_map_view_set_covered (SbMapView *self,
                         double     covered)
{
  g_return_if_fail (SB_IS_MAP_VIEW (self));

  covered = MAX (covered, 0);
  if (self->covered == covered)
    return;

  /* Its cards keep out from under the pane too, and its notice is in the
   * middle of what the pane leaves.
   */
  self->covered = covered;
  gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), (int) covered);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * sb_map_view_get_middle:
 *
 * Gets the middle of the part of the map no pane lies over: where the
 * keyboard's cross stands while placing.
 */
void
sb_map_view_get_middle (SbMapView *self,
                        double    *latitude,
                        double    *longitude)
{
  ShumateViewport *viewport;
  GtkWidget *map;
  double width, covered, x;

  g_return_if_fail (SB_IS_MAP_VIEW (self));

  viewport = shumate_map_get_viewport (self->map);
  map = GTK_WIDGET (self->map);
  width = gtk_widget_get_width (map);
  *latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  *longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  if (width <= 0 || self->covered <= 0)
    return;

  covered = MIN (self->covered, MAX (width - 120, 0));
  x = gtk_widget_get_direction (map) == GTK_TEXT_DIR_RTL ? covered + (width - covered) / 2 : (width - covered) / 2;
  shumate_viewport_widget_coords_to_location (viewport, map, x, gtk_widget_get_height (map) / 2.0, latitude, longitude);
}

/**
 * sb_map_view_frame_items:
 * @entities: statements, places or actors (an actor stands for its
 *   statements the filters show)
 *
 * Frames what is known about @entities: see sb_framing_add_entity().
 *
 * Returns: %TRUE if any of them has a place to frame
 */
gboolean
sb_map_view_frame_items (SbMapView *self,
                         GPtrArray *entities,
                         gboolean   animate)
{
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY;
  gboolean found = FALSE;

  g_return_val_if_fail (SB_IS_MAP_VIEW (self), FALSE);

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    found |= sb_framing_add_entity (&bounds, sb_selection_get_briefing (self->selection), self->selection,
                                    g_ptr_array_index (entities, i));

  if (found)
    sb_map_view_frame (self, &bounds, animate);

  return found;
}

/**
 * sb_map_view_frame_briefing:
 *
 * Frames every statement the filters show, the countries they name whole,
 * without animation: how a briefing opens.
 */
void
sb_map_view_frame_briefing (SbMapView *self)
{
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY;
  SbBriefing *briefing;

  g_return_if_fail (SB_IS_MAP_VIEW (self));

  briefing = sb_selection_get_briefing (self->selection);
  if (briefing != NULL && sb_framing_add_briefing (&bounds, briefing, self->selection))
    sb_map_view_frame (self, &bounds, FALSE);
}

/**
 * sb_map_view_go_to:
 *
 * Shows the map at a centre and zoom, without animation.
 */
void
sb_map_view_go_to (SbMapView *self,
                   double     lat,
                   double     lon,
                   double     zoom)
{
  ShumateViewport *viewport;

  g_return_if_fail (SB_IS_MAP_VIEW (self));

  viewport = shumate_map_get_viewport (self->map);
  shumate_map_stop_go_to (self->map);
  shumate_map_center_on (self->map, lat, lon);
  shumate_viewport_set_zoom_level (viewport, zoom);
}

/**
 * sb_map_view_pick:
 *
 * Returns: (transfer none) (nullable): the topmost entity drawn at
 *   (@x, @y), in the view's coordinates
 */
SbEntity *
sb_map_view_pick (SbMapView *self,
                  double     x,
                  double     y)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  for (int i = G_N_ELEMENTS (self->layers) - 1; i >= 0; i--)
    {
      graphene_point_t point;
      SbEntity *entity;

      if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->layers[i]),
                                     &GRAPHENE_POINT_INIT (x, y), &point))
        continue;

      entity = sb_map_layer_pick (self->layers[i], point.x, point.y, NULL);
      if (entity != NULL)
        return entity;
    }

  return NULL;
}

static gboolean
pick_cluster (SbMapView           *self,
              double               x,
              double               y,
              SbCluster           *cluster,
              SbIncidentClusters **clusters)
{
  graphene_point_t point;

  return gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->layers[2]),
                                   &GRAPHENE_POINT_INIT (x, y), &point) &&
         sb_item_layer_pick_cluster (SB_ITEM_LAYER (self->layers[2]), point.x, point.y, cluster, clusters);
}

static gboolean
unparent_popover (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);

  return G_SOURCE_REMOVE;
}

/* "closed" comes while GTK is still hiding the popover, and then moves
 * the focus within the window it is in: unparented at once, it is in
 * none (gtk_window_get_focus: assertion 'GTK_IS_WINDOW (window)'). It
 * goes once GTK is done with it.
 */
static void
on_cluster_popover_closed (GtkWidget *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_popover, g_object_ref (popover), g_object_unref);
}

static gboolean
pick_area (SbMapView              *self,
           double                  x,
           double                  y,
           const SbAreaIncidents **area)
{
  graphene_point_t point;

  return gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->layers[2]),
                                   &GRAPHENE_POINT_INIT (x, y), &point) &&
         (*area = sb_item_layer_pick_area (SB_ITEM_LAYER (self->layers[2]), point.x, point.y)) != NULL;
}

static void
show_cluster_popover (SbMapView *self,
                      double     x,
                      double     y,
                      GPtrArray *items,
                      guint      count)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  GtkWidget *popover;

  for (guint i = 0; i < MIN (items->len, 200); i++)
    g_ptr_array_add (listed, g_ptr_array_index (items, i));

  popover = sb_cluster_popover_new (self->selection, listed, count);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x - 4, (int) y - 4, 8, 8 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_cluster_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A cluster zooms in to where it splits; a place that holds several
 * incidents lists them, and so do a country's incidents on its card.
 */
static gboolean
open_cluster (SbMapView *self,
              double     x,
              double     y)
{
  SbIncidentClusters *clusters = NULL;
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const SbAreaIncidents *area;
  SbClusterIndex *index;
  SbCluster cluster;
  int zoom;

  if (pick_area (self, x, y, &area))
    {
      show_cluster_popover (self, x, y, area->items, area->count);
      return TRUE;
    }

  if (!pick_cluster (self, x, y, &cluster, &clusters))
    return FALSE;

  index = sb_incident_clusters_get_index (clusters);
  zoom = sb_cluster_index_get_expansion_zoom (index, cluster.node);
  if (zoom > 0 && zoom <= (int) shumate_viewport_get_max_zoom_level (viewport))
    {
      shumate_map_go_to_full (self->map, sb_mercator_latitude (cluster.y), cluster.x * 360.0 - 180.0,
                              MAX (zoom, shumate_viewport_get_zoom_level (viewport) + 1));
      return TRUE;
    }

  sb_cluster_index_get_ids (index, cluster.node, 200, ids);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (items, sb_incident_clusters_get_item (clusters, g_array_index (ids, guint32, i)));

  show_cluster_popover (self, x, y, items, cluster.count);
  return TRUE;
}

/**
 * sb_map_view_click:
 *
 * What a click at (@x, @y) does: selects what is drawn there, or clears
 * the selection on empty map.
 */
void
sb_map_view_click (SbMapView *self,
                   double     x,
                   double     y)
{
  g_return_if_fail (SB_IS_MAP_VIEW (self));

  if (open_cluster (self, x, y))
    return;

  sb_selection_select (self->selection, sb_map_view_pick (self, x, y));
}

/**
 * sb_map_view_locate_item:
 *
 * Gets where @item is drawn, in the view's coordinates: its symbol (on
 * its area's card when it is known only to a country or region), or the
 * middle of its arrow.
 *
 * Returns: %TRUE if @item is drawn as a symbol or an arrow
 */
gboolean
sb_map_view_locate_item (SbMapView *self,
                         SbItem    *item,
                         double    *x,
                         double    *y)
{
  graphene_point_t point;
  double layer_x, layer_y;
  SbMapLayer *layer = self->layers[2];

  g_return_val_if_fail (SB_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (SB_IS_ITEM (item), FALSE);

  if (sb_item_get_kind (item) == SB_ITEM_KIND_MOVEMENT)
    {
      g_autoptr(SbMapLayout) layout = NULL;
      SbMapLayerTransform to_view;
      SbProjection projection;
      const SbMapArrow *arrow;

      layer = self->layers[1];
      layout = sb_map_layer_get_drawn_layout (layer, &projection, &to_view);
      if ((arrow = sb_map_layout_find_arrow (layout, item)) == NULL)
        return FALSE;

      sb_map_arrow_point_at (arrow, 0.5, &layer_x, &layer_y);
      layer_x = (layer_x - to_view.dx) * to_view.scale;
      layer_y = (layer_y - to_view.dy) * to_view.scale;
    }
  else if (!sb_item_layer_get_position (SB_ITEM_LAYER (layer), item, &layer_x, &layer_y))
    return FALSE;

  if (!gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (layer_x, layer_y), &point))
    return FALSE;

  *x = point.x;
  *y = point.y;
  return TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SbMapView       *self)
{
  graphene_point_t point;

  /* A double click zooms; only the first click selects. */
  if (n_press != 1)
    return;

  if (gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (x, y), &point))
    sb_map_view_click (self, point.x, point.y);
}

/* The keys are the map's once it is pressed (Alt+arrows, the window's
 * shortcuts), not the search's or a field's, which would keep them:
 * seen before anything on the map claims the press (dragging the
 * selected statement, a vertex).
 */
static void
on_press_captured (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SbMapView       *self)
{
  GtkWidget *pressed = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* The legend, the scale and buttons over the map keep their own ways. */
  if (pressed == NULL || (pressed != GTK_WIDGET (self->map) && !gtk_widget_is_ancestor (pressed, GTK_WIDGET (self->map))))
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self->map)))
    gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static char *
describe_cluster (SbMapView *self,
                  double     x,
                  double     y)
{
  SbIncidentClusters *clusters = NULL;
  g_autofree char *count = NULL;
  const SbAreaIncidents *area;
  SbCluster cluster;
  const char *action;
  int zoom;

  if (pick_area (self, x, y, &area))
    {
      count = sb_format_number (area->count);
      /* TRANSLATORS: "1,234 incidents known only to the country: Mali", then "Most common: Clash (56%)" */
      return g_strdup_printf (ngettext ("%s incident known only to the country: %s\nMost common: %s (%u%%)\nClick to list them",
                                        "%s incidents known only to the country: %s\nMost common: %s (%u%%)\nClick to list them",
                                        area->count),
                              count, sb_text_get (sb_place_get_name (area->place)),
                              sb_format_incident_type (area->dominant), area->dominant_percent);
    }

  if (!pick_cluster (self, x, y, &cluster, &clusters))
    return NULL;

  count = sb_format_number (cluster.count);
  zoom = sb_cluster_index_get_expansion_zoom (sb_incident_clusters_get_index (clusters), cluster.node);
  if (zoom > 0 && zoom <= (int) shumate_viewport_get_max_zoom_level (shumate_map_get_viewport (self->map)))
    action = _("Click to zoom in");
  else
    action = _("Click to list them");

  /* TRANSLATORS: "1,234 incidents", then "Most common: Clash (56%)", then what a click does */
  return g_strdup_printf (ngettext ("%s incident\nMost common: %s (%u%%)\n%s",
                                    "%s incidents\nMost common: %s (%u%%)\n%s", cluster.count),
                          count, sb_format_incident_type (cluster.dominant),
                          cluster.dominant_percent, action);
}

/**
 * sb_map_view_describe_at:
 * @x: in the map view's coordinates
 * @y: in the map view's coordinates
 *
 * Returns: (transfer full) (nullable): what hovering there says: a
 *   cluster's count, or what is there by name and in a line of what it
 *   is; %NULL where nothing is
 */
char *
sb_map_view_describe_at (SbMapView *self,
                         double     x,
                         double     y)
{
  SbEntity *entity;
  char *text;

  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  if ((text = describe_cluster (self, x, y)) != NULL)
    return text;

  entity = sb_map_view_pick (self, x, y);
  if (SB_IS_ITEM (entity))
    {
      g_autofree char *subtitle = sb_format_item_subtitle_for (SB_ITEM (entity), sb_selection_get_filter (self->selection));
      /* A statement just cited has no title yet: never its id. */
      g_autofree char *name = sb_format_item_name (SB_ITEM (entity));

      return g_strdup_printf ("%s\n%s", name, subtitle);
    }
  if (SB_IS_PLACE (entity))
    {
      g_autofree char *precision = sb_format_place_precision (SB_PLACE (entity));

      return g_strdup_printf ("%s\n%s", sb_entity_get_label (entity), precision);
    }

  return NULL;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  SbMapView  *self)
{
  graphene_point_t point;
  g_autofree char *text = NULL;

  if (keyboard_mode ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  if ((text = sb_map_view_describe_at (self, point.x, point.y)) == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SbMapView                *self)
{
  graphene_point_t point;
  gboolean over_item = FALSE;
  SbIncidentClusters *clusters;
  const SbAreaIncidents *area;
  SbCluster cluster;

  if (gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    {
      SbEntity *entity = sb_map_view_pick (self, point.x, point.y);

      over_item = SB_IS_ITEM (entity) || SB_IS_PLACE (entity) ||
                  pick_cluster (self, point.x, point.y, &cluster, &clusters) ||
                  pick_area (self, point.x, point.y, &area);
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), over_item ? "pointer" : NULL);
}

static gboolean
item_is_well_in_view (SbMapView *self,
                      SbItem    *item)
{
  SbBounds bounds = SB_BOUNDS_INIT_EMPTY;
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  SbProjection projection;
  double x1, y1, x2, y2;

  /* The ground it covers: a whole country for a country's statement. */
  if (!sb_framing_add_item (&bounds, item, FALSE))
    return TRUE;

  sb_projection_init (&projection, viewport, width, height);
  sb_projection_to_widget (&projection, bounds.max_lat, bounds.min_lon, &x1, &y1);
  sb_projection_to_widget (&projection, bounds.min_lat, bounds.max_lon, &x2, &y2);

  /* In the part no pane lies over. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    {
      x1 -= self->covered;
      x2 -= self->covered;
    }
  width -= self->covered;

  return x1 >= width * 0.05 && x2 <= width * 0.95 && y1 >= height * 0.05 && y2 <= height * 0.95;
}

/* The map shows what is chosen elsewhere: an actor's statements framed,
 * a statement brought into view.
 */
static void
on_selected_changed (SbMapView *self)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();

  if (selected == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  if (SB_IS_ITEM (selected) && item_is_well_in_view (self, SB_ITEM (selected)))
    return;

  g_ptr_array_add (entities, selected);
  sb_map_view_frame_items (self, entities, TRUE);
}

static void
on_briefing_changed (SbMapView *self)
{
  sb_base_layer_set_briefing (self->base_layer, sb_selection_get_briefing (self->selection));
}

static void
on_edited (SbMapView *self,
           SbChanges *changes)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  SbEntity *selected = sb_selection_get_selected (self->selection);

  /* What was just placed is brought into view, as a choice would be. */
  if (SB_IS_ITEM (selected) &&
      (sb_changes_has_field (changes, selected, SB_ITEM_FIELD_PLACE) ||
       sb_changes_has_field (changes, selected, SB_ITEM_FIELD_ORIGIN) ||
       sb_changes_has_field (changes, selected, SB_ITEM_FIELD_GEOMETRY)))
    on_selected_changed (self);

  /* The towns the briefing mentions are named above all others, and
   * the item layer's layout keeps clear of them.
   */
  if (briefing != NULL && sb_mentioned_places_edited (briefing, changes))
    {
      sb_base_layer_set_briefing (self->base_layer, briefing);
      sb_map_layer_invalidate (self->layers[2]);
    }
}

SbSelection *
sb_map_view_get_selection (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->selection;
}

/**
 * sb_map_view_set_selection:
 *
 * Sets the window's selection, which the view draws and writes to; once.
 */
void
sb_map_view_set_selection (SbMapView   *self,
                           SbSelection *selection)
{
  ShumateViewport *viewport;

  g_return_if_fail (SB_IS_MAP_VIEW (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  viewport = shumate_map_get_viewport (self->map);

  self->layers[0] = SB_MAP_LAYER (sb_area_layer_new (viewport, selection));
  self->layers[1] = SB_MAP_LAYER (sb_movement_layer_new (viewport, selection));
  self->layers[2] = SB_MAP_LAYER (sb_item_layer_new (viewport, selection));
  for (guint i = 0; i < G_N_ELEMENTS (self->layers); i++)
    shumate_map_add_layer (self->map, SHUMATE_LAYER (self->layers[i]));

  /* Areas and arrows draw from the item layer's layout: arrows end at the
   * cards it places, areas' names keep clear of them.
   */
  sb_map_layer_set_layout_source (self->layers[0], self->layers[2]);
  sb_map_layer_set_layout_source (self->layers[1], self->layers[2]);
  sb_base_layer_set_cover_source (self->base_layer, self->layers[2]);

  sb_legend_set_selection (self->legend, selection);
  sb_map_item_list_set_selection (self->item_list, selection);

  g_signal_connect_object (selection, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::briefing",
                           G_CALLBACK (on_briefing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  on_briefing_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

ShumateMap *
sb_map_view_get_map (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->map;
}

ShumateViewport *
sb_map_view_get_viewport (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return shumate_map_get_viewport (self->map);
}

static void
sb_map_view_dispose (GObject *object)
{
  SbMapView *self = (SbMapView *)object;
  GtkWidget *child;

  if (self->pending_frame_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_frame_tick);
  self->pending_frame_tick = 0;
  g_clear_handle_id (&self->settle_tiles_source, g_source_remove);
  g_clear_handle_id (&self->detail_timeout, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_MAP_VIEW);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->reference);
  g_clear_object (&self->tiles);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (sb_map_view_parent_class)->dispose (object);
}

static void
sb_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbMapView *self = SB_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    case PROP_SHOWS_NOTICES:
      g_value_set_boolean (value, self->shows_notices);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SbMapView *self = SB_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      sb_map_view_set_selection (self, g_value_get_object (value));
      break;

    case PROP_SHOWS_NOTICES:
      sb_map_view_set_shows_notices (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* One child, the overlay, as a GtkBinLayout would lay it out; allocated
 * here, the view learns what lies over the map.
 */
static void
sb_map_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* A town's name's height as the layers draw it, at scale 1. */
#define TOWN_NAME_HEIGHT 14.0

/* The scale goes where it covers no town the briefing names. */
static void
update_scale_corner (SbMapView *self,
                     int        width,
                     int        height)
{
  SbScaleCorner corner;
  int scale_width, scale_height;

  if (self->selection == NULL)
    return;

  gtk_widget_measure (GTK_WIDGET (self->scale), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &scale_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->scale), GTK_ORIENTATION_VERTICAL, scale_width, NULL, &scale_height, NULL, NULL);
  corner = sb_scale_corner_choose (sb_selection_get_briefing (self->selection), shumate_map_get_viewport (self->map),
                                   width, height, scale_width, scale_height,
                                   TOWN_NAME_HEIGHT * self->symbol_scale, self->scale_corner);
  if (corner == self->scale_corner)
    return;

  self->scale_corner = corner;
  gtk_widget_set_valign (GTK_WIDGET (self->scale),
                         corner == SB_SCALE_CORNER_TOP_START ? GTK_ALIGN_START : GTK_ALIGN_END);
}

static void
add_covered (GArray          *occluders,
             GtkWidget       *widget,
             GtkWidget       *target)
{
  graphene_rect_t bounds;

  if (gtk_widget_get_visible (widget) && gtk_widget_compute_bounds (widget, target, &bounds))
    g_array_append_val (occluders, bounds);
}

/**
 * sb_map_view_measure_credits:
 * @width: the map's size, in pixels
 * @bounds: (out): where the attribution lies over a map of that size
 *
 * What the attribution ("© OpenStreetMap contributors", the base map's)
 * will cover of a map @width × @height pixels large, at the corner it is
 * laid out in: for framing a step clear of it before it is laid out.
 *
 * Returns: whether it is shown
 */
gboolean
sb_map_view_measure_credits (SbMapView       *self,
                             int              width,
                             int              height,
                             graphene_rect_t *bounds)
{
  GtkWidget *widget;
  gboolean rtl;
  int w, h, x, y;

  g_return_val_if_fail (SB_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  widget = GTK_WIDGET (self->license);
  if (!gtk_widget_get_visible (widget))
    return FALSE;

  rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  if ((gtk_widget_get_halign (widget) == GTK_ALIGN_END) != rtl)
    x = width - (rtl ? gtk_widget_get_margin_start (widget) : gtk_widget_get_margin_end (widget)) - w;
  else
    x = rtl ? gtk_widget_get_margin_end (widget) : gtk_widget_get_margin_start (widget);
  if (gtk_widget_get_valign (widget) == GTK_ALIGN_START)
    y = gtk_widget_get_margin_top (widget);
  else
    y = height - gtk_widget_get_margin_bottom (widget) - h;

  *bounds = GRAPHENE_RECT_INIT (x, y, w, h);
  return TRUE;
}

/* What lies over the map, which its cards keep out from under: the
 * legend's button (or the compact legend), the scale, the attribution,
 * the notice about tiles.
 */
static void
sb_map_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SbMapView *self = SB_MAP_VIEW (widget);
  g_autoptr(GArray) occluders = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t legend;

  GtkWidget *child = gtk_widget_get_first_child (widget);

  /* Framed as soon as the size is known, before the first frame paints:
   * else it shows the map where it was, and draws the base map twice.
   * Before the map is allocated, so that what the framing changes in it
   * (the scale) is laid out in this allocation.
   */
  if (self->pending_frame_tick != 0 && width > 0)
    {
      gtk_widget_remove_tick_callback (widget, self->pending_frame_tick);
      self->pending_frame_tick = 0;
      frame_in (self, &self->pending_frame, width, height, FALSE);
    }

  update_scale_corner (self, width, height);
  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (self->selection == NULL)
    return;

  if (sb_legend_get_covered (self->legend, GTK_WIDGET (self->map), &legend))
    g_array_append_val (occluders, legend);
  add_covered (occluders, GTK_WIDGET (self->scale), GTK_WIDGET (self->map));
  add_covered (occluders, GTK_WIDGET (self->license), GTK_WIDGET (self->map));
  /* (and the notice about tiles: Freetown's name lay half under it) */
  add_covered (occluders, GTK_WIDGET (self->status_label), GTK_WIDGET (self->map));
  /* The details lying over the map, at its end side, with their border
   * and a little room: a card flush with their edge looks cut by them.
   */
  if (self->covered > 0)
    {
      double covered = MIN (self->covered + PANE_CLEARANCE, width);
      double x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 0 : width - covered;

      g_array_append_val (occluders, GRAPHENE_RECT_INIT (x, 0, covered, height));
    }
  sb_map_layer_set_occluders (self->layers[2], occluders);
}

static void
sb_map_view_class_init (SbMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_map_view_dispose;
  object_class->get_property = sb_map_view_get_property;
  object_class->set_property = sb_map_view_set_property;
  widget_class->measure = sb_map_view_measure;
  widget_class->size_allocate = sb_map_view_size_allocate;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         SB_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOWS_NOTICES] =
    g_param_spec_boolean ("shows-notices", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (SB_TYPE_LEGEND);
  g_type_ensure (SB_TYPE_MAP_ITEM_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbMapView, map);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, license);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, legend);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, item_list);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, status_label);

  gtk_widget_class_set_css_name (widget_class, "sb-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* libshumate 1.2 and later put off asking for tiles while the view moves
 * fast, and look again at the next frame; but when that frame's time is the
 * one it predicted before, it takes the view to be still moving and stops
 * looking: no tile is asked for until the view moves again (seen on Debian
 * 13's libshumate 1.4 when the machine is busy). So once the view has been
 * still for a moment, the tile layer is made to look again.
 */
static gboolean
settle_tiles (gpointer user_data)
{
  SbMapView *self = user_data;

  self->settle_tiles_source = 0;
  if (self->tile_layer != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self->tile_layer));

  return G_SOURCE_REMOVE;
}

static void
schedule_settle_tiles (SbMapView *self)
{
  g_clear_handle_id (&self->settle_tiles_source, g_source_remove);
  self->settle_tiles_source = g_timeout_add (150, settle_tiles, self);
}

/* Tiles that failed while offline are asked for again: a new layer. */
static void
reload_tiles (SbMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  if (self->tile_layer != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->tile_layer));
  self->tile_layer = NULL;

  if (self->tiles == NULL)
    return;

  self->tile_layer = shumate_map_layer_new (self->tiles, viewport);
  shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->tile_layer), SHUMATE_LAYER (self->base_layer));
  schedule_settle_tiles (self);
}

static SbTileSource *
http_source_of (ShumateMapSource *tiles)
{
  ShumateDataSource *data_source = NULL;

  if (SHUMATE_IS_RASTER_RENDERER (tiles))
    g_object_get (tiles, "data-source", &data_source, NULL);

  if (SB_IS_TILE_SOURCE (data_source))
    return SB_TILE_SOURCE (data_source);

  g_clear_object (&data_source);
  return NULL;
}

static void
set_notice (SbMapView  *self,
            const char *notice,
            const char *details)
{
  gtk_label_set_text (self->status_label, notice ? notice : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), details);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), notice != NULL && self->shows_notices);

  if (g_strcmp0 (notice, self->notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_strdup (notice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

/* A quiet word when the map shows only the built-in base map because
 * tiles cannot be had; nothing when the user chose no tiles.
 */
static void
update_status (SbMapView *self)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();
  g_autoptr(SbTileSource) http = self->tiles ? http_source_of (self->tiles) : NULL;

  if (http == NULL)
    set_notice (self, NULL, NULL);
  else if (!g_network_monitor_get_network_available (monitor))
    set_notice (self, _("Offline — built-in base map"),
                _("Map tiles come back by themselves when the network does"));
  else if (!sb_tile_source_get_reachable (http))
    set_notice (self, _("Map tiles unavailable — built-in base map"),
                _("The tile server cannot be reached; tiles seen before are shown from the cache"));
  else
    set_notice (self, NULL, NULL);
}

/**
 * sb_map_view_get_notice:
 *
 * Returns: (nullable): what the person operating the map should know of
 *   its tiles ("Map tiles unavailable — built-in base map"), or %NULL
 */
const char *
sb_map_view_get_notice (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->notice;
}

/**
 * sb_map_view_set_shows_notices:
 *
 * Whether the notice is shown over the map. An audience's map does not
 * show it: it goes to the presenter console, through #SbMapView:notice.
 */
void
sb_map_view_set_shows_notices (SbMapView *self,
                               gboolean   shows_notices)
{
  g_return_if_fail (SB_IS_MAP_VIEW (self));

  shows_notices = !!shows_notices;
  if (self->shows_notices == shows_notices)
    return;

  self->shows_notices = shows_notices;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), self->notice != NULL && shows_notices);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWS_NOTICES]);
}

static void
on_network_changed (SbMapView *self)
{
  if (g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    reload_tiles (self);
  update_status (self);
}

static SbMbtilesSource *
mbtiles_source_of (ShumateMapSource *tiles)
{
  ShumateDataSource *data_source = NULL;

  if (tiles != NULL && SHUMATE_IS_RASTER_RENDERER (tiles))
    g_object_get (tiles, "data-source", &data_source, NULL);

  if (SB_IS_MBTILES_SOURCE (data_source))
    return SB_MBTILES_SOURCE (data_source);

  g_clear_object (&data_source);
  return NULL;
}

static gboolean
end_detail_notice (gpointer user_data)
{
  SbMapView *self = user_data;

  self->detail_timeout = 0;
  update_status (self);

  return G_SOURCE_REMOVE;
}

/* Past an MBTiles file's highest zoom its tiles are enlarged: said once
 * for each file, so that a blurry map is not taken for a fault.
 */
static void
check_detail (SbMapView *self)
{
  g_autoptr(SbMbtilesSource) mbtiles = NULL;
  double zoom;

  if (self->detail_said || self->tiles == NULL)
    return;

  mbtiles = mbtiles_source_of (self->tiles);
  zoom = shumate_viewport_get_zoom_level (shumate_map_get_viewport (self->map));
  if (mbtiles == NULL || floor (zoom) <= sb_mbtiles_source_get_max_zoom (mbtiles))
    return;

  self->detail_said = TRUE;
  gtk_label_set_text (self->status_label, _("No more detail in this map file"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                               _("Past the highest zoom of the map file, its tiles are shown enlarged"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  g_clear_handle_id (&self->detail_timeout, g_source_remove);
  self->detail_timeout = g_timeout_add_seconds (DETAIL_NOTICE_SECONDS, end_detail_notice, self);
}

static void
on_viewport_changed (SbMapView *self)
{
  update_scale_corner (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  schedule_settle_tiles (self);
  check_detail (self);
}

/**
 * sb_map_view_set_tiles:
 * @source: (nullable): the tiles to draw over the base map; %NULL for the
 *   built-in base map alone
 */
void
sb_map_view_set_tiles (SbMapView        *self,
                       ShumateMapSource *source)
{
  g_autoptr(SbTileSource) http = NULL;

  g_return_if_fail (SB_IS_MAP_VIEW (self));
  g_return_if_fail (!source || SHUMATE_IS_MAP_SOURCE (source));

  if (self->tiles != NULL)
    {
      shumate_license_remove_map_source (self->license, self->tiles);
      http = http_source_of (self->tiles);
      if (http != NULL)
        g_signal_handlers_disconnect_by_func (http, update_status, self);
      g_clear_object (&http);
    }

  g_set_object (&self->tiles, source);
  reload_tiles (self);
  self->detail_said = FALSE;
  g_clear_handle_id (&self->detail_timeout, g_source_remove);

  if (self->tiles != NULL)
    {
      shumate_license_append_map_source (self->license, self->tiles);
      http = http_source_of (self->tiles);
      if (http != NULL)
        g_signal_connect_object (http, "notify::reachable", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
    }

  update_status (self);
  check_detail (self);
}

/**
 * sb_map_view_set_comparison:
 * @comparison: (nullable): the changes to mark on the map, or NULL
 *
 * Marks what was added and changed since the version compared with, and
 * where what was removed stood; the legend explains the marks.
 */
void
sb_map_view_set_comparison (SbMapView    *self,
                            SbComparison *comparison)
{
  g_return_if_fail (SB_IS_MAP_VIEW (self));
  g_return_if_fail (self->selection != NULL);

  if (self->change_layer == NULL && comparison != NULL)
    {
      self->change_layer = sb_change_layer_new (shumate_map_get_viewport (self->map), self->selection);
      shumate_map_add_layer (self->map, SHUMATE_LAYER (self->change_layer));
      sb_map_layer_set_layout_source (SB_MAP_LAYER (self->change_layer), self->layers[2]);
    }

  if (self->change_layer != NULL)
    sb_change_layer_set_comparison (self->change_layer, comparison);
  sb_legend_set_comparison (self->legend, comparison);
}

/**
 * sb_map_view_set_symbol_scale:
 *
 * Draws strokes, symbols and labels of the briefing's layers, and the
 * base map's names of towns and countries, @symbol_scale times their size
 * on screen: for a projector.
 */
void
sb_map_view_set_symbol_scale (SbMapView *self,
                              double     symbol_scale)
{
  g_return_if_fail (SB_IS_MAP_VIEW (self));
  g_return_if_fail (self->selection != NULL);

  self->symbol_scale = symbol_scale;
  for (guint i = 0; i < G_N_ELEMENTS (self->layers); i++)
    sb_map_layer_set_symbol_scale (self->layers[i], symbol_scale);
  sb_base_layer_set_label_scale (self->base_layer, symbol_scale);
}

/**
 * sb_map_view_get_tiles:
 *
 * Returns: (transfer none) (nullable): the tiles drawn over the base map
 */
ShumateMapSource *
sb_map_view_get_tiles (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->tiles;
}

/**
 * sb_map_view_get_item_list:
 *
 * Returns: (transfer none): the list of what the map shows, for screen
 *   readers and the keyboard
 */
SbMapItemList *
sb_map_view_get_item_list (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->item_list;
}

/**
 * sb_map_view_get_legend:
 *
 * Returns: (transfer none): the legend over the map
 */
SbLegend *
sb_map_view_get_legend (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->legend;
}

/**
 * sb_map_view_get_covered:
 *
 * Returns: how many pixels at the view's end side a pane lies over, as
 *   sb_map_view_set_covered() set, at most all but 120 of its width
 */
double
sb_map_view_get_covered (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), 0);

  return MIN (self->covered, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 120, 0));
}

static void
sb_map_view_init (SbMapView *self)
{
  ShumateViewport *viewport;
  GtkGesture *click;
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shows_notices = TRUE;
  self->symbol_scale = 1.0;
  self->scale_corner = SB_SCALE_CORNER_BOTTOM_START;

  viewport = shumate_map_get_viewport (self->map);

  /* Zoom limits and the scale follow Web Mercator's 256-pixel tiles,
   * whichever tiles are drawn, and when none are.
   */
  self->reference = sb_tile_setup_http (SB_OPENSTREETMAP_TEMPLATE, "OpenStreetMap",
                                        "© OpenStreetMap contributors",
                                        "https://www.openstreetmap.org/copyright", 19);
  shumate_viewport_set_reference_map_source (viewport, self->reference);
  shumate_viewport_set_min_zoom_level (viewport, 2);
  shumate_viewport_set_max_zoom_level (viewport, 16);

  /* The base map under the tiles shows wherever no tile has arrived. */
  self->base_layer = sb_base_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->base_layer));
  shumate_license_set_extra_text (self->license, _("Base map: Natural Earth"));
  /* No tiles until the owner says which (the window, from the user's
   * settings): a map made for anything else asks no server unasked.
   */
  sb_map_view_set_tiles (self, NULL);

  g_signal_connect_object (g_network_monitor_get_default (), "notify::network-available",
                           G_CALLBACK (on_network_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);

  shumate_scale_set_viewport (self->scale, viewport);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_press_captured), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->map), TRUE);
  g_signal_connect (self->map, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  /* The Sahel, until a briefing frames its own statements. */
  shumate_map_center_on (self->map, 15.0, 0.0);
  shumate_viewport_set_zoom_level (viewport, 4.0);
}
