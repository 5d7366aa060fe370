/* sb-area-layer.c
 *
 * The layer of areas: translucent polygons, the soft extent of
 * statements known only to a region or a country, and beneath them the
 * places a file gave for reference (districts, boundaries, towns).
 *
 * Nothing is drawn more precisely than it is known: a deployment known
 * only to "Mali" shades Mali, one known to a region a soft disc of the
 * region's size, one near a town a ring of its radius. The cards that
 * group what is known to a country or region, and the symbols, are drawn
 * by the item layer on top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-area-layer"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "sb-area-layer.h"
#include "sb-basemap.h"
#include "sb-format.h"
#include "sb-symbols.h"

struct _SbAreaLayer
{
  SbMapLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (SbAreaLayer, sb_area_layer, SB_TYPE_MAP_LAYER)

/* Places imported for reference: a quiet grey, the setting rather than
 * the statements.
 */
static const double REFERENCE_RGB[3] = { 0.35, 0.4, 0.48 };

static void
item_rgb (SbItem *item,
          double *rgb)
{
  SbActor *actor = sb_item_get_actor (item, 0);

  if (actor != NULL)
    sb_colour_to_rgb (sb_actor_get_colour (actor), rgb);
  else
    rgb[0] = rgb[1] = rgb[2] = 0.4;
}

static void
trace_geometry (cairo_t            *cr,
                const SbProjection *projection,
                const SbGeometry   *geometry)
{
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        const SbRing *ring = &geometry->polygons[p].rings[r];

        for (guint i = 0; i < ring->n_points; i++)
          {
            double x, y;

            sb_projection_to_widget (projection, ring->points[2 * i + 1], ring->points[2 * i], &x, &y);
            if (i == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
          }
        cairo_close_path (cr);
      }
}

static void
trace_country (cairo_t                *cr,
               const SbProjection     *projection,
               const SbBasemapFeature *country)
{
  for (guint p = 0; p < country->n_parts; p++)
    {
      for (guint i = country->part_starts[p]; i < country->part_starts[p + 1]; i++)
        {
          double x, y;

          sb_projection_unit_to_widget (projection, country->points[2 * i], country->points[2 * i + 1], &x, &y);
          if (i == country->part_starts[p])
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

static gboolean
is_uncertain (SbCertainty certainty)
{
  return certainty == SB_CERTAINTY_FEARED ||
         certainty == SB_CERTAINTY_PROJECTED ||
         certainty == SB_CERTAINTY_UNCLEAR;
}

static void
draw_area_name (cairo_t             *cr,
                PangoLayout         *layout,
                const SbMapAreaName *name,
                gboolean             dark)
{
  PangoRectangle extents;
  double rgb[3];
  /* An area without a title yet is named for what it is, not by its id. */
  g_autofree char *area_name = name->area ? sb_format_item_name (name->area) : NULL;

  if (name->area != NULL)
    item_rgb (name->area, rgb);
  else
    memcpy (rgb, REFERENCE_RGB, sizeof rgb);
  sb_map_layout_set_font (layout, SB_MAP_FONT_AREA);
  pango_layout_set_width (layout, name->wrap_width);
  pango_layout_set_text (layout, area_name ? area_name : sb_entity_get_label (SB_ENTITY (name->reference)), -1);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  cairo_move_to (cr, name->box.origin.x - extents.x, name->box.origin.y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_width (cr, 3.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  if (dark)
    cairo_set_source_rgb (cr, 0.5 + rgb[0] * 0.5, 0.5 + rgb[1] * 0.5, 0.5 + rgb[2] * 0.5);
  else
    cairo_set_source_rgb (cr, rgb[0] * 0.6, rgb[1] * 0.6, rgb[2] * 0.6);
  cairo_fill (cr);
}

static void
draw_area (SbAreaLayer        *self,
           cairo_t            *cr,
           const SbProjection *projection,
           SbItem             *item)
{
  gboolean dimmed;
  gboolean selected = sb_map_layer_is_emphasised (SB_MAP_LAYER (self), item, &dimmed);
  SbCertainty certainty = sb_item_get_certainty (item);
  gboolean hatched = is_uncertain (certainty) || sb_item_get_area_kind (item) == SB_AREA_KIND_RISK;
  double fade = dimmed ? 0.35 : 1.0;
  double rgb[3];

  item_rgb (item, rgb);

  cairo_save (cr);
  cairo_new_path (cr);
  trace_geometry (cr, projection, sb_item_get_geometry (item));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  /* Dark actor colours (black for jihadist groups) need less to show. */
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2],
                         (hatched ? 0.06 : sb_colour_luminance (rgb) < 0.05 ? 0.1 : 0.16) * fade);
  cairo_fill_preserve (cr);

  if (hatched)
    {
      cairo_save (cr);
      cairo_clip_preserve (cr);
      sb_symbol_paint_hatch (cr, rgb, 0.35 * fade, 11);
      cairo_restore (cr);
      trace_geometry (cr, projection, sb_item_get_geometry (item));
    }

  /* A schematic outline is drawn soft: a wide faint band under the line. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (sb_item_get_boundary (item) == SB_BOUNDARY_SCHEMATIC)
    {
      cairo_set_line_width (cr, 9);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.12 * fade);
      cairo_stroke_preserve (cr);
    }

  if (selected)
    {
      cairo_set_line_width (cr, 7);
      cairo_set_source_rgba (cr, 1.0, 0.84, 0.0, 0.7);
      cairo_stroke_preserve (cr);
    }

  cairo_set_line_width (cr, selected ? 3 : 2);
  if (sb_item_get_boundary (item) == SB_BOUNDARY_EXACT)
    sb_symbol_set_certainty_dash (cr, certainty, 2);
  else
    {
      double dashes[] = { 8, 5 };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_set_source_rgba (cr, rgb[0] * 0.7, rgb[1] * 0.7, rgb[2] * 0.7, 0.9 * fade);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Names of the areas shown, where the layout put them: inside their
 * areas, clear of symbols, cards and towns.
 */
static void
draw_area_names (SbAreaLayer        *self,
                 cairo_t            *cr,
                 const SbProjection *projection)
{
  g_autoptr(SbMapLayout) map_layout = sb_map_layer_get_layout (SB_MAP_LAYER (self), projection);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  gboolean dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));

  for (guint i = 0; i < map_layout->area_names->len; i++)
    draw_area_name (cr, layout, &g_array_index (map_layout->area_names, SbMapAreaName, i), dark);
}

static void
draw_footprint (SbAreaLayer        *self,
                cairo_t            *cr,
                const SbProjection *projection,
                SbPlace            *place,
                const double       *rgb,
                gboolean            strong)
{
  SbPlacePrecision precision = sb_place_get_precision (place);
  const SbBasemapFeature *country = NULL;
  double x, y, radius;

  if (precision == SB_PLACE_PRECISION_POINT)
    return;

  if (precision == SB_PLACE_PRECISION_COUNTRY && sb_place_get_country (place) != NULL)
    country = sb_basemap_lookup_country (sb_basemap_get_default (), sb_place_get_country (place));

  cairo_save (cr);
  cairo_new_path (cr);

  if (country != NULL)
    {
      double dashes[] = { 6, 4 };

      trace_country (cr, projection, country);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], strong ? 0.2 : 0.06);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, strong ? 2.5 : 1.2);
      cairo_set_source_rgba (cr, rgb[0] * 0.7, rgb[1] * 0.7, rgb[2] * 0.7, strong ? 0.9 : 0.4);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  /* A soft disc: most likely near the middle, possibly to its edge. */
  sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
  radius = sb_place_get_radius_km (place) * sb_projection_pixels_per_km (projection, sb_place_get_latitude (place));

  {
    const double offsets[] = { 0.0, 0.7, 1.0 };
    const double alphas[] = { strong ? 0.32 : 0.14, strong ? 0.16 : 0.05, 0.0 };

    sb_symbol_fill_soft_disc (cr, x, y, radius, rgb, G_N_ELEMENTS (offsets), offsets, alphas);
  }

  /* "Near" shows how near: its edge always; a region's only when it is
   * selected, the disc alone saying "somewhere here".
   */
  if (strong || precision == SB_PLACE_PRECISION_NEAR)
  {
    double dots[] = { 1, 5 };

    cairo_set_dash (cr, dots, 2, 0);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_width (cr, strong ? 2 : 1.5);
    cairo_set_source_rgba (cr, rgb[0] * 0.7, rgb[1] * 0.7, rgb[2] * 0.7, strong ? 0.9 : 0.7);
    cairo_stroke (cr);
  }

  cairo_restore (cr);
}

typedef struct
{
  SbPlace *place;
  guint32 colour;
  gboolean mixed;          /* statements of several actors share it */
  gboolean selected;
} Footprint;

/* One footprint per place: many statements about Mali shade it once, in
 * the actor's colour when they share one, else in a neutral tone.
 */
static void
draw_footprints (SbAreaLayer        *self,
                 cairo_t            *cr,
                 const SbProjection *projection,
                 SbSelection        *selection,
                 GListModel         *items)
{
  g_autoptr(GHashTable) by_place = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      SbActor *actor = sb_item_get_actor (item, 0);
      guint32 colour = actor ? sb_actor_get_colour (actor) : 0x666666;
      SbPlace *places[2] = { sb_item_get_place (item), sb_item_get_origin (item) };
      gboolean dimmed, selected;

      if (sb_item_get_kind (item) == SB_ITEM_KIND_AREA ||
          !sb_selection_item_is_visible (selection, item))
        continue;

      selected = sb_map_layer_is_emphasised (SB_MAP_LAYER (self), item, &dimmed);
      if (dimmed)
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        {
          Footprint *footprint;

          if (places[p] == NULL || sb_place_get_precision (places[p]) == SB_PLACE_PRECISION_POINT)
            continue;

          footprint = g_hash_table_lookup (by_place, places[p]);
          if (footprint == NULL)
            {
              footprint = g_new0 (Footprint, 1);
              footprint->place = places[p];
              footprint->colour = colour;
              g_hash_table_insert (by_place, places[p], footprint);
              g_ptr_array_add (order, footprint);
            }

          footprint->mixed |= footprint->colour != colour;
          if (selected)
            {
              footprint->selected = TRUE;
              footprint->colour = colour;
            }
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      Footprint *footprint = g_ptr_array_index (order, i);
      double rgb[3] = { 0.45, 0.5, 0.56 };

      if (footprint->selected || !footprint->mixed)
        sb_colour_to_rgb (footprint->colour, rgb);

      draw_footprint (self, cr, projection, footprint->place, rgb, footprint->selected);
    }
}

/* Whether any of the box can be on screen. */
static gboolean
bounds_visible (const SbProjection *projection,
                double              min_lat,
                double              min_lon,
                double              max_lat,
                double              max_lon)
{
  double x1, y1, x2, y2;

  sb_projection_to_widget (projection, max_lat, min_lon, &x1, &y1);
  sb_projection_to_widget (projection, min_lat, max_lon, &x2, &y2);

  return MAX (x1, x2) >= 0 && MIN (x1, x2) <= 2 * projection->half_width &&
         MAX (y1, y2) >= 0 && MIN (y1, y2) <= 2 * projection->half_height;
}

/* Places a GeoJSON file gave without dates — boundaries, districts,
 * towns — drawn beneath the briefing in a quiet grey: the setting, not
 * the statements.
 */
static void
draw_reference_places (SbAreaLayer        *self,
                       cairo_t            *cr,
                       const SbProjection *projection,
                       SbSelection        *selection,
                       GListModel         *places)
{
  const double *rgb = REFERENCE_RGB;
  SbEntity *selected = sb_selection_get_selected (selection);
  guint n = g_list_model_get_n_items (places);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const SbGeometry *geometry = sb_place_get_geometry (place);
      gboolean strong = SB_ENTITY (place) == selected;
      double x, y;

      if (!sb_place_is_reference (place))
        continue;

      if (geometry != NULL &&
          bounds_visible (projection, geometry->min_lat, geometry->min_lon, geometry->max_lat, geometry->max_lon))
        {
          cairo_save (cr);
          cairo_new_path (cr);
          trace_geometry (cr, projection, geometry);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], strong ? 0.18 : 0.05);
          cairo_fill_preserve (cr);
          if (strong)
            {
              cairo_set_line_width (cr, 6);
              cairo_set_source_rgba (cr, 1.0, 0.84, 0.0, 0.7);
              cairo_stroke_preserve (cr);
            }
          cairo_set_line_width (cr, strong ? 2 : 1);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.75);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else if (geometry == NULL)
        {
          sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, strong ? 5 : 3, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, strong ? 2.5 : 1.5);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.95);
          cairo_stroke (cr);
        }
    }
}

/* The reference place under the point: the smallest outline, else a
 * town within a few pixels.
 */
static SbEntity *
pick_reference_place (const SbProjection *projection,
                      GListModel         *places,
                      double              x,
                      double              y,
                      double             *distance)
{
  SbPlace *best = NULL;
  double best_size = G_MAXDOUBLE;
  double lat, lon;

  sb_projection_to_location (projection, x, y, &lat, &lon);
  *distance = G_MAXDOUBLE;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const SbGeometry *geometry = sb_place_get_geometry (place);
      double px, py, size;

      if (!sb_place_is_reference (place))
        continue;

      if (geometry == NULL)
        {
          sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place), &px, &py);
          if (hypot (px - x, py - y) <= 8 && hypot (px - x, py - y) < *distance)
            {
              best = place;
              best_size = 0;
              *distance = hypot (px - x, py - y);
            }
          continue;
        }

      size = (geometry->max_lat - geometry->min_lat) * (geometry->max_lon - geometry->min_lon);
      if (size < best_size && sb_geometry_contains (geometry, lon, lat))
        {
          best = place;
          best_size = size;
          *distance = 0;
        }
    }

  return SB_ENTITY (best);
}

static void
sb_area_layer_draw (SbMapLayer         *layer,
                    cairo_t            *cr,
                    const SbProjection *projection)
{
  SbAreaLayer *self = SB_AREA_LAYER (layer);
  SbSelection *selection = sb_map_layer_get_selection (layer);
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  GListModel *areas = sb_briefing_get_items (briefing, SB_ITEM_KIND_AREA);

  if (sb_selection_get_layers (selection) & SB_LAYER_AREAS)
    draw_reference_places (self, cr, projection, selection, sb_briefing_get_places (briefing));

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (areas, i);

      /* An area just cited has no outline until it is drawn. */
      if (sb_item_get_geometry (item) != NULL && sb_selection_item_is_visible (selection, item))
        draw_area (self, cr, projection, item);
    }

  /* An event dataset's incidents are clustered by the item layer; a
   * million regions read at each drawing would stall the map.
   */
  if (sb_incident_clusters_wanted (briefing))
    {
      draw_footprints (self, cr, projection, selection, sb_briefing_get_items (briefing, SB_ITEM_KIND_DEPLOYMENT));
      draw_footprints (self, cr, projection, selection, sb_briefing_get_items (briefing, SB_ITEM_KIND_MOVEMENT));
    }
  else
    draw_footprints (self, cr, projection, selection, sb_briefing_get_all_items (briefing));

  /* Over the shading of countries, so that it does not veil them. */
  draw_area_names (self, cr, projection);
}

/* The smallest area under the point: nested areas stay reachable. */
static SbEntity *
sb_area_layer_pick (SbMapLayer         *layer,
                    const SbProjection *projection,
                    double              x,
                    double              y,
                    double             *distance)
{
  SbSelection *selection = sb_map_layer_get_selection (layer);
  GListModel *areas = sb_briefing_get_items (sb_selection_get_briefing (selection), SB_ITEM_KIND_AREA);
  SbItem *best = NULL;
  double best_size = G_MAXDOUBLE;
  double lat, lon;

  sb_projection_to_location (projection, x, y, &lat, &lon);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (areas, i);
      const SbGeometry *geometry = sb_item_get_geometry (item);
      double size;

      if (geometry == NULL)
        continue;

      size = (geometry->max_lat - geometry->min_lat) * (geometry->max_lon - geometry->min_lon);
      if (sb_selection_item_is_visible (selection, item) &&
          sb_geometry_contains (geometry, lon, lat) && size < best_size)
        {
          best = item;
          best_size = size;
        }
    }

  *distance = 0;
  if (best == NULL && (sb_selection_get_layers (selection) & SB_LAYER_AREAS))
    return pick_reference_place (projection, sb_briefing_get_places (sb_selection_get_briefing (selection)),
                                 x, y, distance);

  return SB_ENTITY (best);
}

static void
sb_area_layer_class_init (SbAreaLayerClass *klass)
{
  SbMapLayerClass *layer_class = SB_MAP_LAYER_CLASS (klass);

  layer_class->draw = sb_area_layer_draw;
  layer_class->pick = sb_area_layer_pick;
}

static void
sb_area_layer_init (SbAreaLayer *self)
{
}

SbAreaLayer *
sb_area_layer_new (ShumateViewport *viewport,
                   SbSelection     *selection)
{
  return g_object_new (SB_TYPE_AREA_LAYER,
                       "viewport", viewport,
                       "selection", selection,
                       NULL);
}
