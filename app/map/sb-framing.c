/* sb-framing.c
 *
 * Framing shows what is known about a thing, no more precisely: a
 * statement known only to a country frames the whole country, from the
 * base map's outline; one known to a region frames the region. A point is
 * framed with enough around it to tell where it is, its neighbouring towns
 * and the nearest border, never a close-up of empty desert.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-framing"

#include "config.h"

#include "sb-basemap.h"
#include "sb-framing.h"
#include "sb-projection.h"

#define MIN_ZOOM 2.0
#define MAX_ZOOM 9.0
/* A point's surroundings: at least this far around it … */
#define CONTEXT_MIN_KM 100.0
/* … out to its nearest towns and border, if they lie within these. In
 * the Sahel towns and borders lie far apart: Agadez's nearest border is
 * 370 km off, and framed without it (as it was, to 300 km) it showed
 * Agadez and Arlit on blank sand, no country to tell where.
 */
#define CONTEXT_TOWNS 3
#define CONTEXT_TOWN_KM 300.0
#define CONTEXT_BORDER_KM 600.0
/* A town this close is the place itself (Gao for Gao airport). */
#define SAME_PLACE_KM 12.0
#define UNKNOWN_COUNTRY_KM 500.0

static double
km_to_unit (double km,
            double lat)
{
  return km / (40075.016686 * MAX (0.05, cos (lat * G_PI / 180.0)));
}

static void
add_unit_point (SbBounds *bounds,
                double    x,
                double    y)
{
  sb_bounds_add_point (bounds, sb_mercator_latitude (y), x * 360.0 - 180.0);
}

static gboolean
add_country (SbBounds   *bounds,
             const char *iso_a3)
{
  SbBasemap *basemap = sb_basemap_get_default ();
  const SbBasemapFeature *country;
  const SbBasemapCountryShape *shape;

  if (iso_a3 == NULL || (country = sb_basemap_lookup_country (basemap, iso_a3)) == NULL)
    return FALSE;

  shape = sb_basemap_get_country_shape (basemap, country);
  add_unit_point (bounds, shape->min_x, shape->min_y);
  add_unit_point (bounds, shape->max_x, shape->max_y);
  return TRUE;
}

/* The towns around a point and the nearest border, so that a room can
 * tell where the point is.
 */
static void
add_surroundings (SbBounds *bounds,
                  double    lat,
                  double    lon)
{
  SbBasemap *basemap = sb_basemap_get_default ();
  const SbBasemapFeature *towns[CONTEXT_TOWNS + 1];
  double x = sb_mercator_x (lon), y = sb_mercator_y (lat);
  double border_x, border_y;
  guint n, added = 0;

  n = sb_basemap_nearest_places (basemap, x, y, km_to_unit (CONTEXT_TOWN_KM, lat),
                                 G_N_ELEMENTS (towns), towns);
  for (guint i = 0; i < n && added < CONTEXT_TOWNS; i++)
    {
      if (hypot (towns[i]->label_x - x, towns[i]->label_y - y) < km_to_unit (SAME_PLACE_KM, lat))
        continue;

      add_unit_point (bounds, towns[i]->label_x, towns[i]->label_y);
      added++;
    }

  if (sb_basemap_nearest_border (basemap, x, y, km_to_unit (CONTEXT_BORDER_KM, lat), &border_x, &border_y))
    add_unit_point (bounds, border_x, border_y);
}

/**
 * sb_framing_add_place:
 * @context: whether to add a point's surroundings (what framing shows), or
 *   only the ground the place covers
 *
 * Extends @bounds by what framing @place shows: its outline when it has
 * one (a district imported for reference), its whole country, its
 * region, or the point with its uncertainty and, with @context, its
 * neighbouring towns and nearest border.
 *
 * Returns: %TRUE (a place always has a location)
 */
gboolean
sb_framing_add_place (SbBounds *bounds,
                      SbPlace  *place,
                      gboolean  context)
{
  const SbGeometry *geometry;
  double lat, lon;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (SB_IS_PLACE (place), FALSE);

  geometry = sb_place_get_geometry (place);
  if (geometry != NULL)
    {
      sb_bounds_add_point (bounds, geometry->min_lat, geometry->min_lon);
      sb_bounds_add_point (bounds, geometry->max_lat, geometry->max_lon);
      return TRUE;
    }

  lat = sb_place_get_latitude (place);
  lon = sb_place_get_longitude (place);

  switch (sb_place_get_precision (place))
    {
    case SB_PLACE_PRECISION_COUNTRY:
      if (!add_country (bounds, sb_place_get_country (place)))
        sb_bounds_add_circle (bounds, lat, lon, sb_place_has_radius (place) ?
                              sb_place_get_radius_km (place) : UNKNOWN_COUNTRY_KM);
      break;

    case SB_PLACE_PRECISION_REGION:
      sb_bounds_add_circle (bounds, lat, lon, sb_place_get_radius_km (place));
      break;

    case SB_PLACE_PRECISION_POINT:
    case SB_PLACE_PRECISION_NEAR:
    default:
      sb_bounds_add_circle (bounds, lat, lon, sb_place_get_radius_km (place));
      if (context)
        {
          sb_bounds_add_circle (bounds, lat, lon, CONTEXT_MIN_KM);
          add_surroundings (bounds, lat, lon);
        }
      break;
    }

  return TRUE;
}

/**
 * sb_framing_add_item:
 *
 * Extends @bounds by what framing @item shows: its outline, or its places
 * as sb_framing_add_place() frames them.
 *
 * Returns: %TRUE if @item has a location
 */
gboolean
sb_framing_add_item (SbBounds *bounds,
                     SbItem   *item,
                     gboolean  context)
{
  const SbGeometry *geometry;
  SbPlace *places[2];
  gboolean found = FALSE;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (SB_IS_ITEM (item), FALSE);

  geometry = sb_item_get_geometry (item);
  if (geometry != NULL)
    {
      sb_bounds_add_point (bounds, geometry->min_lat, geometry->min_lon);
      sb_bounds_add_point (bounds, geometry->max_lat, geometry->max_lon);
      found = TRUE;
    }

  places[0] = sb_item_get_origin (item);
  places[1] = sb_item_get_place (item);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (places[i] != NULL)
      found |= sb_framing_add_place (bounds, places[i], context);

  return found;
}

/**
 * sb_framing_add_entity:
 * @selection: (nullable): when given, an actor stands for its statements
 *   that @selection shows; else for all of them
 *
 * Extends @bounds by what framing @entity (a statement, place or actor)
 * shows.
 *
 * Returns: %TRUE if @entity has anything to frame
 */
gboolean
sb_framing_add_entity (SbBounds    *bounds,
                       SbBriefing  *briefing,
                       SbSelection *selection,
                       SbEntity    *entity)
{
  gboolean found = FALSE;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (!briefing || SB_IS_BRIEFING (briefing), FALSE);

  if (SB_IS_ITEM (entity))
    return sb_framing_add_item (bounds, SB_ITEM (entity), TRUE);

  if (SB_IS_PLACE (entity))
    return sb_framing_add_place (bounds, SB_PLACE (entity), TRUE);

  if (SB_IS_ACTOR (entity) && briefing != NULL)
    {
      GPtrArray *items = sb_briefing_get_items_for_actor (briefing, SB_ACTOR (entity));

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          SbItem *item = g_ptr_array_index (items, i);

          if (selection == NULL || sb_selection_item_is_visible (selection, item))
            found |= sb_framing_add_item (bounds, item, TRUE);
        }
    }

  return found;
}

/* Places for reference, as the areas layer draws them. */
static gboolean
add_reference_places (SbBounds    *bounds,
                      SbBriefing  *briefing,
                      SbSelection *selection)
{
  GListModel *places = sb_briefing_get_places (briefing);
  gboolean found = FALSE;

  if (selection != NULL && !(sb_selection_get_layers (selection) & SB_LAYER_AREAS))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);

      if (sb_place_is_reference (place))
        found |= sb_framing_add_place (bounds, place, FALSE);
    }

  return found;
}

/* How far a movement's end from the rest is in the overview: the
 * distance from @place's middle to the nearest point of @core.
 */
static double
km_from_bounds (const SbBounds *core,
                SbPlace        *place)
{
  SbBounds ground = SB_BOUNDS_INIT_EMPTY;
  double lat, lon;

  sb_framing_add_place (&ground, place, FALSE);
  sb_bounds_get_center (&ground, &lat, &lon);
  return sb_distance_km (lat, lon, CLAMP (lat, core->min_lat, core->max_lat), CLAMP (lon, core->min_lon, core->max_lon));
}

/* A movement's end farther than this from the rest (and than half the
 * rest's width) is left out of the overview: its arrow leaves the view
 * toward it.
 */
#define FAR_END_KM 1000.0

/**
 * sb_framing_add_briefing:
 * @selection: (nullable): when given, only the statements it shows
 *
 * Extends @bounds by every statement of @briefing, the countries it names
 * whole: how a briefing opens. A movement's end far from all the rest
 * (troops flown from Agadez to Germany, in a briefing on Niger) is left
 * out, its arrow leaving the view toward it: the overview stays on where
 * the briefing is. A briefing with no statement to show but places for
 * reference (boundaries imported from GeoJSON) frames those.
 *
 * Returns: %TRUE if anything has a location
 */
gboolean
sb_framing_add_briefing (SbBounds    *bounds,
                         SbBriefing  *briefing,
                         SbSelection *selection)
{
  GListModel *items;
  g_autoptr(GPtrArray) movements = g_ptr_array_new_with_free_func (g_object_unref);
  SbBounds core = SB_BOUNDS_INIT_EMPTY;
  gboolean found = FALSE;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);

  items = sb_briefing_get_all_items (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      if (selection != NULL && !sb_selection_item_is_visible (selection, item))
        continue;
      /* Each point's surroundings would only widen the whole. */
      if (sb_item_get_kind (item) == SB_ITEM_KIND_MOVEMENT && sb_item_get_origin (item) != NULL &&
          sb_item_get_place (item) != NULL)
        g_ptr_array_add (movements, g_steal_pointer (&item));
      else
        found |= sb_framing_add_item (&core, item, FALSE);
    }

  for (guint i = 0; i < movements->len; i++)
    {
      SbItem *movement = g_ptr_array_index (movements, i);
      SbPlace *ends[2] = { sb_item_get_origin (movement), sb_item_get_place (movement) };
      double limit, km[2];

      if (!found)
        {
          sb_framing_add_item (bounds, movement, FALSE);
          continue;
        }
      limit = MAX (FAR_END_KM, sb_distance_km (core.min_lat, core.min_lon, core.max_lat, core.max_lon) / 2);
      km[0] = km_from_bounds (&core, ends[0]);
      km[1] = km_from_bounds (&core, ends[1]);
      /* One end at least, the nearer, when both are far. */
      for (guint e = 0; e < 2; e++)
        if (km[e] <= limit || (km[1 - e] > limit && km[e] <= km[1 - e]))
          sb_framing_add_place (bounds, ends[e], FALSE);
    }
  if (found)
    sb_bounds_add_bounds (bounds, &core);
  found |= movements->len > 0;

  if (!found)
    found = add_reference_places (bounds, briefing, selection);

  return found;
}

static gboolean
fit (const SbBounds *bounds,
     double          width,
     double          height,
     double          fill,
     double         *latitude,
     double         *longitude,
     double         *zoom)
{
  double span_x, span_y;

  if (sb_bounds_is_empty (bounds) || width <= 0 || height <= 0)
    return FALSE;

  /* Fractions of the world's width and Mercator height the box spans. */
  span_x = MAX ((bounds->max_lon - bounds->min_lon) / 360.0, 1e-6);
  span_y = MAX (sb_mercator_y (bounds->min_lat) - sb_mercator_y (bounds->max_lat), 1e-6);
  *zoom = MIN (log2 (width * fill / (SB_TILE_SIZE * span_x)),
               log2 (height * fill / (SB_TILE_SIZE * span_y)));
  *zoom = CLAMP (*zoom, MIN_ZOOM, MAX_ZOOM);
  *longitude = (bounds->min_lon + bounds->max_lon) / 2;
  *latitude = sb_mercator_latitude ((sb_mercator_y (bounds->min_lat) + sb_mercator_y (bounds->max_lat)) / 2);

  return TRUE;
}

/**
 * sb_framing_fit:
 * @width: (in pixels) the view's
 *
 * Computes the centre and zoom at which @bounds fills a view of @width ×
 * @height pixels with a margin, as close as framing goes.
 *
 * Returns: %FALSE if @bounds is empty or the view has no size
 */
gboolean
sb_framing_fit (const SbBounds *bounds,
                double          width,
                double          height,
                double         *latitude,
                double         *longitude,
                double         *zoom)
{
  g_return_val_if_fail (bounds != NULL, FALSE);

  return fit (bounds, width, height, SB_FRAMING_FILL, latitude, longitude, zoom);
}

/**
 * sb_framing_fit_around:
 * @covered: (nullable): what lies over the view (a legend), in its pixels
 * @fill: how much of the free part @bounds may fill, up to 1
 *
 * Like sb_framing_fit(), but into the part of the view that @covered
 * leaves free: the widest strip beside, above or below it that frames
 * @bounds the closest. The centre returned is the view's, so that
 * @bounds lie in the middle of that strip.
 *
 * Returns: %FALSE if @bounds is empty or the view has no size
 */
gboolean
sb_framing_fit_around (const SbBounds        *bounds,
                       double                 width,
                       double                 height,
                       const graphene_rect_t *covered,
                       double                 fill,
                       double                *latitude,
                       double                *longitude,
                       double                *zoom)
{
  graphene_rect_t strips[5] = { GRAPHENE_RECT_INIT (0, 0, width, height), };
  guint n_strips = 1;
  gboolean found = FALSE;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (fill > 0 && fill <= 1, FALSE);

  if (covered != NULL && covered->size.width > 0 && covered->size.height > 0 &&
      covered->origin.x < width && covered->origin.y < height &&
      covered->origin.x + covered->size.width > 0 && covered->origin.y + covered->size.height > 0)
    {
      double left = MAX (covered->origin.x, 0), top = MAX (covered->origin.y, 0);
      double right = MIN (covered->origin.x + covered->size.width, width);
      double bottom = MIN (covered->origin.y + covered->size.height, height);

      n_strips = 0;
      strips[n_strips++] = GRAPHENE_RECT_INIT (0, 0, left, height);
      strips[n_strips++] = GRAPHENE_RECT_INIT (right, 0, width - right, height);
      strips[n_strips++] = GRAPHENE_RECT_INIT (0, 0, width, top);
      strips[n_strips++] = GRAPHENE_RECT_INIT (0, bottom, width, height - bottom);
    }

  for (guint i = 0; i < n_strips; i++)
    {
      const graphene_rect_t *strip = &strips[i];
      double lat, lon, z, world, x, y;

      if (!fit (bounds, strip->size.width, strip->size.height, fill, &lat, &lon, &z) ||
          (found && z <= *zoom))
        continue;

      /* The view's centre, for @bounds in the middle of the strip. */
      world = SB_TILE_SIZE * exp2 (z);
      x = sb_mercator_x (lon) + (width / 2 - (strip->origin.x + strip->size.width / 2)) / world;
      y = sb_mercator_y (lat) + (height / 2 - (strip->origin.y + strip->size.height / 2)) / world;
      *zoom = z;
      *longitude = x * 360.0 - 180.0;
      *latitude = sb_mercator_latitude (y);
      found = TRUE;
    }

  return found;
}

/**
 * sb_framing_camera_zoom:
 * @camera_zoom: a step camera's zoom
 * @width: (in pixels) the map's
 *
 * Computes the zoom at which a map of @width × @height pixels shows the
 * ground a step's camera means (what a map of %SB_FRAMING_CAMERA_WIDTH ×
 * %SB_FRAMING_CAMERA_HEIGHT pixels shows at @camera_zoom), all of it.
 *
 * Returns: the zoom for this map
 */
double
sb_framing_camera_zoom (double camera_zoom,
                        double width,
                        double height)
{
  if (width <= 0 || height <= 0)
    return camera_zoom;

  return camera_zoom + log2 (MIN (width / SB_FRAMING_CAMERA_WIDTH, height / SB_FRAMING_CAMERA_HEIGHT));
}

/* How much of a camera's ground's height a projector's flat map may
 * leave out, to show no wider a ground than was framed.
 */
#define PROJECTOR_CROP 0.8

/**
 * sb_framing_camera_zoom_presented:
 * @camera_zoom: a step camera's zoom
 * @width: (in pixels) the presented map's
 *
 * Like sb_framing_camera_zoom(), for a map presented under its caption,
 * which is flatter than a camera's ground (1920×800 at 1080 lines): all
 * of that ground fitted into it showed as much again on either side, a
 * step 1.3 to 1.46 times as wide as the view it was taken from. The
 * ground is shown as wide as it is, its top and bottom left out by at
 * most a fifth of its height; only a map flatter than that shows more on
 * the sides. A map as high as the camera's shape or higher shows the
 * ground as sb_framing_camera_zoom() does.
 *
 * Returns: the zoom for this map
 */
double
sb_framing_camera_zoom_presented (double camera_zoom,
                                  double width,
                                  double height)
{
  double by_width, by_height;

  if (width <= 0 || height <= 0 || width * SB_FRAMING_CAMERA_HEIGHT <= height * SB_FRAMING_CAMERA_WIDTH)
    return sb_framing_camera_zoom (camera_zoom, width, height);

  by_width = camera_zoom + log2 (width / SB_FRAMING_CAMERA_WIDTH);
  by_height = camera_zoom + log2 (height / (SB_FRAMING_CAMERA_HEIGHT * PROJECTOR_CROP));
  return MIN (by_width, by_height);
}

/**
 * sb_framing_zoom_to_camera:
 * @zoom: the zoom of a map of @width × @height pixels
 *
 * The camera's zoom whose ground (what a map of %SB_FRAMING_CAMERA_WIDTH ×
 * %SB_FRAMING_CAMERA_HEIGHT pixels shows at it) is what this map frames,
 * fitted to the camera's shape: as wide as this map shows when the map is
 * narrower than the camera, as high when it is flatter; never more. A
 * step composed in a narrow window between a briefing's side panes shows
 * on a projector the ground the user framed there, not half of the
 * continent around it; the window, choosing the step again, shows just
 * what it showed (sb_framing_camera_zoom() undoes this for its size).
 *
 * Returns: the zoom to keep in a step's camera
 */
double
sb_framing_zoom_to_camera (double zoom,
                           double width,
                           double height)
{
  if (width <= 0 || height <= 0)
    return zoom;

  return zoom - log2 (MIN (width / SB_FRAMING_CAMERA_WIDTH, height / SB_FRAMING_CAMERA_HEIGHT));
}

/**
 * sb_framing_add_view:
 *
 * Extends @bounds by what a view of @width × @height pixels centred at
 * @latitude, @longitude shows at @zoom.
 */
void
sb_framing_add_view (SbBounds *bounds,
                     double    latitude,
                     double    longitude,
                     double    zoom,
                     double    width,
                     double    height)
{
  double world = SB_TILE_SIZE * exp2 (zoom);
  double x = sb_mercator_x (longitude), y = sb_mercator_y (latitude);

  g_return_if_fail (bounds != NULL);

  add_unit_point (bounds, x - width / 2 / world, y - height / 2 / world);
  add_unit_point (bounds, x + width / 2 / world, y + height / 2 / world);
}
