/* sb-map-layout.c
 *
 * Placed in order of what may not move: the towns the briefing mentions
 * and the symbols at exact places first; then each country's or region's
 * card, inside its area and clear of those, as near its middle as room
 * allows; then the arrows between two known places, which end at a
 * card's edge or a point; then the names of areas (held ground, risk)
 * inside them where room is left, and of outlines imported for
 * reference; then the short arrows of movements
 * known at one end, on a free side; then the towns' names, clear of
 * symbols, cards and arrows; last the countries' names where no card
 * names them, and the actors' names by their symbols, where room is left.
 * Where towns crowd, a name may find room only on a card: the layout is
 * then made again with the cards kept off it.
 *
 * Everything is placed relative to fixed places on the map, so that a
 * layout computed for a larger texture puts everything where a layout
 * for the view does; only cards and names keep whole inside the view
 * given and out from under what lies over it (the legend, the scale).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-layout"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "sb-cluster-symbols.h"
#include "sb-fields.h"
#include "sb-format.h"
#include "sb-map-arrows.h"
#include "sb-map-builder.h"
#include "sb-map-cards.h"
#include "sb-map-layout.h"
#include "sb-mentioned-places.h"
#include "sb-source.h"
#include "sb-step.h"
#include "sb-symbols.h"


/* The boxes of @boxes that reach into @region. */
static GArray *
boxes_near (GArray                *boxes,
            const graphene_rect_t *region)
{
  GArray *near = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (guint i = 0; i < boxes->len; i++)
    if (sb_map_rect_overlap (&g_array_index (boxes, graphene_rect_t, i), region) > 0)
      g_array_append_val (near, g_array_index (boxes, graphene_rect_t, i));

  return near;
}

/* Towns */

static void
collect_towns (SbMapBuilder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GPtrArray *towns = sb_mentioned_places_get (briefing);

  for (guint i = 0; i < towns->len; i++)
    {
      SbMapTown town = { g_ptr_array_index (towns, i), };
      double width, height;

      sb_projection_unit_to_widget (builder->projection, town.town->label_x, town.town->label_y, &town.x, &town.y);
      _sb_map_measure (builder, town.town->is_capital ? SB_MAP_FONT_CAPITAL : SB_MAP_FONT_TOWN, town.town->name, &width, &height);

      /* Where the name would go: cards keep clear of it, and never
       * cover all the sides it could go to.
       */
      graphene_rect_init (&town.label, town.x + SB_MAP_TOWN_DOT + 3, town.y - height / 2, width, height);
      {
        double gap = SB_MAP_TOWN_DOT + 3;
        graphene_rect_t sides[SB_MAP_TOWN_SIDES] = {
          GRAPHENE_RECT_INIT (town.x + gap, town.y - height / 2, width, height),
          GRAPHENE_RECT_INIT (town.x - gap - width, town.y - height / 2, width, height),
          GRAPHENE_RECT_INIT (town.x - width / 2, town.y - gap - height, width, height),
          GRAPHENE_RECT_INIT (town.x - width / 2, town.y + gap, width, height),
        };

        g_array_append_vals (builder->town_sides, sides, SB_MAP_TOWN_SIDES);
      }
      _sb_map_add_obstacle (builder, town.x - SB_MAP_TOWN_DOT - 1, town.y - SB_MAP_TOWN_DOT - 1, 2 * SB_MAP_TOWN_DOT + 2, 2 * SB_MAP_TOWN_DOT + 2);
      g_array_append_val (builder->town_names, town.label);
      g_array_append_val (builder->layout->towns, town);
    }
}

/* The base map's towns at this zoom, as it would name them: cards rather
 * cover desert than Timbuktu.
 */
static void
collect_base_towns (SbMapBuilder *builder)
{
  const SbBasemapFile *file = sb_basemap_get_sahel (sb_basemap_get_default ());
  int max_rank = (int) floor ((builder->projection->zoom - 3.0) * 2.0);

  for (guint i = 0; i < file->features->len; i++)
    {
      const SbBasemapFeature *town = g_ptr_array_index (file->features, i);
      double x, y;

      if (town->kind != SB_BASEMAP_PLACE || town->name == NULL ||
          town->scalerank > max_rank + (town->is_capital ? 1 : 0))
        continue;

      sb_projection_unit_to_widget (builder->projection, town->label_x, town->label_y, &x, &y);
      g_array_append_val (builder->base_towns,
                          GRAPHENE_RECT_INIT (x - 3, y - 7, 8 + 7 * g_utf8_strlen (town->name, -1), 14));
    }
}

/* Symbols at points */

static int
compare_marks_for_grouping (gconstpointer a,
                            gconstpointer b)
{
  const SbMapMark *ma = a, *mb = b;

  if (ma->anchor_x != mb->anchor_x)
    return ma->anchor_x < mb->anchor_x ? -1 : 1;
  return ma->anchor_y < mb->anchor_y ? -1 : ma->anchor_y > mb->anchor_y;
}

/* Symbols that would overlap are set in a ring around their common spot. */
static void
spread_groups (GArray *marks)
{
  g_array_sort (marks, compare_marks_for_grouping);

  for (guint i = 0; i < marks->len; i++)
    {
      SbMapMark *first = &g_array_index (marks, SbMapMark, i);
      g_autoptr(GPtrArray) members = NULL;
      double ring, max_radius = 0;

      if (first->displaced)
        continue;

      members = g_ptr_array_new ();
      g_ptr_array_add (members, first);

      for (guint j = i + 1; j < marks->len; j++)
        {
          SbMapMark *other = &g_array_index (marks, SbMapMark, j);

          if (!other->displaced &&
              hypot (other->anchor_x - first->anchor_x, other->anchor_y - first->anchor_y) <
              (first->radius + other->radius) * 0.9)
            {
              other->displaced = TRUE;
              g_ptr_array_add (members, other);
            }
        }

      if (members->len < 2)
        continue;

      for (guint m = 0; m < members->len; m++)
        max_radius = MAX (max_radius, ((SbMapMark *) g_ptr_array_index (members, m))->radius);

      ring = MAX (max_radius * 1.9, members->len * (2 * max_radius + 5) / (2 * G_PI));
      for (guint m = 0; m < members->len; m++)
        {
          SbMapMark *mark = g_ptr_array_index (members, m);
          double angle = -G_PI / 2 + 2 * G_PI * m / members->len;

          mark->x = first->anchor_x + ring * cos (angle);
          mark->y = first->anchor_y + ring * sin (angle);
          mark->displaced = TRUE;
        }
    }
}

/* Where a symbol at a point draws, with a highlighted one's ring: as
 * much in the way of names.
 */
static void
symbol_box (const SbMapMark *mark,
            graphene_rect_t *box)
{
  double extent = mark->selected ? mark->radius * SB_SYMBOL_RING_SCALE + SB_SYMBOL_RING_GAP + 1 : mark->radius + 2;

  graphene_rect_init (box, mark->x - extent, mark->y - extent, 2 * extent, 2 * extent);
}

static gboolean
is_drawn_as_symbol (SbItem *item)
{
  SbItemKind kind = sb_item_get_kind (item);

  return kind == SB_ITEM_KIND_DEPLOYMENT || kind == SB_ITEM_KIND_INCIDENT;
}

static void
collect_marks (SbMapBuilder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  gboolean clustered = sb_incident_clusters_wanted (briefing);
  GArray *marks = builder->layout->marks;

  /* In the briefing's order, kind by kind; clustered incidents (a million
   * of them) are not even looked at.
   */
  for (SbItemKind kind = 0; kind < SB_N_ITEM_KINDS; kind++)
    {
      GListModel *items = sb_briefing_get_items (briefing, kind);

      if (clustered && kind == SB_ITEM_KIND_INCIDENT)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SbItem) item = g_list_model_get_item (items, i);
          SbPlace *place = sb_item_get_place (item);
          SbMapMark mark = { item, };

          if (place == NULL || !is_drawn_as_symbol (item) ||
              !sb_selection_item_is_visible (builder->selection, item))
            continue;

          mark.selected = sb_map_layout_emphasis (builder->selection, item, &mark.dimmed);
          mark.radius = sb_map_layout_symbol_radius (item);
          mark.card = -1;

          if (sb_map_layout_uses_cards (place))
            {
              mark.card = _sb_map_cards_get (builder, place);
              g_array_index (builder->layout->cards, SbMapCard, mark.card).n_marks++;
            }
          else
            {
              sb_projection_to_widget (builder->projection, sb_place_get_latitude (place),
                                       sb_place_get_longitude (place), &mark.anchor_x, &mark.anchor_y);
              mark.x = mark.anchor_x;
              mark.y = mark.anchor_y;
            }

          g_array_append_val (marks, mark);
        }
    }

  /* Only symbols at points are spread; the grouping sorts them, so card
   * members stay in the briefing's order by being set apart first.
   */
  {
    g_autoptr(GArray) at_points = g_array_new (FALSE, FALSE, sizeof (SbMapMark));
    g_autoptr(GArray) on_cards = g_array_new (FALSE, FALSE, sizeof (SbMapMark));

    for (guint i = 0; i < marks->len; i++)
      {
        SbMapMark *mark = &g_array_index (marks, SbMapMark, i);

        g_array_append_val (mark->card < 0 ? at_points : on_cards, *mark);
      }

    spread_groups (at_points);
    g_array_set_size (marks, 0);
    g_array_append_vals (marks, on_cards->data, on_cards->len);
    g_array_append_vals (marks, at_points->data, at_points->len);
  }

  for (guint i = 0; i < marks->len; i++)
    {
      SbMapMark *mark = &g_array_index (marks, SbMapMark, i);
      graphene_rect_t drawn;

      symbol_box (mark, &drawn);
      if (mark->card < 0 && !mark->selected)
        _sb_map_add_obstacle (builder, drawn.origin.x, drawn.origin.y, drawn.size.width, drawn.size.height);
      else if (mark->card < 0)
        {
          /* A highlighted symbol's ring is round: its box's corners are
           * free for its label, which it takes up a corner of otherwise.
           */
          double extent = drawn.size.width / 2, inner = extent * M_SQRT1_2;

          _sb_map_add_obstacle (builder, mark->x - extent, mark->y - inner, 2 * extent, 2 * inner);
          _sb_map_add_obstacle (builder, mark->x - inner, mark->y - extent, 2 * inner, 2 * extent);
        }
    }
}

/* Countries and regions that arrows start or end at need a card (their
 * name) to point to, even when nothing else is drawn there.
 */
static void
collect_arrow_cards (SbMapBuilder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GListModel *movements = sb_briefing_get_items (briefing, SB_ITEM_KIND_MOVEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (movements); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (movements, i);
      SbPlace *places[] = { sb_item_get_origin (item), sb_item_get_place (item) };

      if (!sb_selection_item_is_visible (builder->selection, item))
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        if (places[p] != NULL && sb_map_layout_uses_cards (places[p]))
          _sb_map_cards_get (builder, places[p]);
    }
}

/* Areas' names */

static gboolean
box_is_inside (const SbProjection    *projection,
               const SbGeometry      *geometry,
               const graphene_rect_t *box)
{
  for (guint i = 0; i <= 2; i++)
    for (guint j = 0; j <= 2; j++)
      {
        double lat, lon;

        sb_projection_to_location (projection, box->origin.x + box->size.width * i / 2,
                                   box->origin.y + box->size.height * j / 2, &lat, &lon);
        if (!sb_geometry_contains (geometry, lon, lat))
          return FALSE;
      }

  return TRUE;
}

/* An area's name goes inside it, clear of symbols, cards and towns, as
 * near its middle as can be; wider first, as fewer lines read better. Nowhere
 * rather than outside it.
 */
static void
place_area_name (SbMapBuilder     *builder,
                 SbMapAreaName     name,
                 const SbGeometry *geometry)
{
  const double widths[] = { 240, 170, 120, 90 };
  const guint steps = 16;
  SbEntity *entity = name.area ? SB_ENTITY (name.area) : SB_ENTITY (name.reference);
  g_autofree char *area_name = name.area ? sb_format_item_name (name.area) : NULL;
  double x1, y1, x2, y2, best = G_MAXDOUBLE;

  sb_projection_to_widget (builder->projection, geometry->max_lat, geometry->min_lon, &x1, &y1);
  sb_projection_to_widget (builder->projection, geometry->min_lat, geometry->max_lon, &x2, &y2);
  if (x2 - x1 < 60 || y2 - y1 < 30)
    return;

  graphene_rect_t region = GRAPHENE_RECT_INIT (x1 - 150, y1 - 80, x2 - x1 + 300, y2 - y1 + 160);
  g_autoptr(GArray) obstacles = boxes_near (builder->obstacles, &region);
  g_autoptr(GArray) town_names = boxes_near (builder->town_names, &region);
  g_autoptr(GArray) arrow_marks = boxes_near (builder->arrow_marks, &region);

  sb_map_layout_set_font (builder->text, SB_MAP_FONT_AREA);
  pango_layout_set_text (builder->text, area_name ? area_name : sb_entity_get_label (entity), -1);

  for (guint w = 0; w < G_N_ELEMENTS (widths) && best == G_MAXDOUBLE; w++)
    {
      int width = (int) (MIN (widths[w], (x2 - x1) * 0.9) * PANGO_SCALE);
      PangoRectangle extents;

      pango_layout_set_width (builder->text, width);
      pango_layout_get_pixel_extents (builder->text, NULL, &extents);

      for (guint i = 0; i <= steps; i++)
        for (guint j = 0; j <= steps; j++)
          {
            double cx = x1 + (x2 - x1) * i / steps, cy = y1 + (y2 - y1) * j / steps;
            double distance = hypot (cx - (x1 + x2) / 2, (cy - (y1 + y2) / 2) * 1.5);
            graphene_rect_t box = GRAPHENE_RECT_INIT (cx - extents.width / 2.0, cy - extents.height / 2.0,
                                                      extents.width, extents.height);
            double cost = distance + _sb_map_overlap_area (arrow_marks, &box) * 10;

            /* A name cut at the view's edge is no name. */
            if (builder->view != NULL && !graphene_rect_contains_rect (builder->view, &box))
              continue;

            if (cost < best && _sb_map_overlap_area (obstacles, &box) == 0 &&
                _sb_map_overlap_area (town_names, &box) == 0 &&
                box_is_inside (builder->projection, geometry, &box))
              {
                best = cost;
                name.box = box;
                name.wrap_width = width;
              }
          }
    }

  if (best == G_MAXDOUBLE)
    return;

  g_array_append_val (builder->layout->area_names, name);
  _sb_map_add_obstacle (builder, name.box.origin.x - 2, name.box.origin.y - 1,
                name.box.size.width + 4, name.box.size.height + 2);
}

static void
place_area_names (SbMapBuilder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GListModel *areas = sb_briefing_get_items (briefing, SB_ITEM_KIND_AREA);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (areas, i);
      gboolean dimmed;

      if (sb_item_get_geometry (item) == NULL || !sb_selection_item_is_visible (builder->selection, item))
        continue;

      /* Behind a selected actor's statements, an area keeps quiet. */
      sb_map_layout_emphasis (builder->selection, item, &dimmed);
      if (!dimmed)
        place_area_name (builder, (SbMapAreaName) { .area = item }, sb_item_get_geometry (item));
    }
}

/* A name inside an outline wholly out of view cannot show: a file of
 * every district in the Sahel need not be laid out at each frame.
 */
static gboolean
geometry_in_view (SbMapBuilder     *builder,
                  const SbGeometry *geometry)
{
  double x1, y1, x2, y2;
  graphene_rect_t box;

  if (builder->view == NULL)
    return TRUE;

  sb_projection_to_widget (builder->projection, geometry->max_lat, geometry->min_lon, &x1, &y1);
  sb_projection_to_widget (builder->projection, geometry->min_lat, geometry->max_lon, &x2, &y2);
  graphene_rect_init (&box, x1, y1, x2 - x1, y2 - y1);

  return graphene_rect_intersection (builder->view, &box, NULL);
}

/* Outlines imported for reference (districts, boundaries) are named
 * after the briefing's areas, where room is left.
 */
static void
place_reference_names (SbMapBuilder *builder)
{
  GListModel *places = sb_briefing_get_places (sb_selection_get_briefing (builder->selection));

  if (!(sb_selection_get_layers (builder->selection) & SB_LAYER_AREAS))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const SbGeometry *geometry = sb_place_get_geometry (place);

      if (sb_place_is_reference (place) && geometry != NULL && geometry_in_view (builder, geometry))
        place_area_name (builder, (SbMapAreaName) { .reference = place }, geometry);
    }
}

/* The country a place is known only to be in, or whose region it is: a
 * briefing about Niger whose places are its regions speaks of Niger.
 */
static const SbBasemapFeature *
spoken_of_country (SbBasemap *basemap,
                   SbPlace   *place)
{
  SbPlacePrecision precision = sb_place_get_precision (place);

  if ((precision != SB_PLACE_PRECISION_COUNTRY && precision != SB_PLACE_PRECISION_REGION) ||
      sb_place_get_country (place) == NULL)
    return NULL;

  return sb_basemap_lookup_country (basemap, sb_place_get_country (place));
}

/* Whether all of @box lies in @country. */
static gboolean
box_in_country (SbMapBuilder           *builder,
                const SbBasemapFeature *country,
                const graphene_rect_t  *box)
{
  for (guint i = 0; i <= 2; i++)
    for (guint j = 0; j <= 2; j++)
      {
        double ux, uy;

        sb_projection_widget_to_unit (builder->projection, box->origin.x + box->size.width * i / 2,
                                      box->origin.y + box->size.height * j / 2, &ux, &uy);
        if (!sb_basemap_feature_contains (country, ux, uy))
          return FALSE;
      }

  return TRUE;
}

/* Whether a country's name may go at @box: in view, clear of what else
 * is labelled and of the arrows, out from under what lies over the map.
 */
static gboolean
country_name_fits (SbMapBuilder          *builder,
                   GArray                *arrow_bodies,
                   const graphene_rect_t *box)
{
  return (builder->view == NULL || graphene_rect_contains_rect (builder->view, box)) &&
         _sb_map_overlap_area (builder->obstacles, box) == 0 &&
         _sb_map_overlap_area (arrow_bodies, box) == 0;
}

static void arrow_body_boxes (SbMapBuilder *builder,
                              GArray       *boxes);

/* Countries the briefing speaks of, named where no card names them, as
 * the base map would name them (it leaves them to this layer): at the
 * country's label point, or where its symbols, arrows and towns leave
 * room, inside it and as near that point as can be (NIGER was under
 * the arrow out of Agadez, and a briefing about Niger never named it).
 */
static void
name_countries (SbMapBuilder *builder)
{
  const guint steps = 16;
  SbBasemap *basemap = sb_basemap_get_default ();
  GListModel *places = sb_briefing_get_places (sb_selection_get_briefing (builder->selection));
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) arrow_bodies = NULL;

  if (builder->projection->zoom < 3.0 || builder->projection->zoom > 7.5)
    return;

  for (guint i = 0; i < builder->layout->cards->len; i++)
    g_hash_table_add (named, (gpointer) g_array_index (builder->layout->cards, SbMapCard, i).country);

  arrow_bodies = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  arrow_body_boxes (builder, arrow_bodies);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const SbBasemapCountryShape *shape;
      const SbBasemapFeature *country;
      g_autofree char *upper = NULL;
      SbMapTown name = { 0, };
      double width, height, x0, y0, x1, y1, best = G_MAXDOUBLE;
      gboolean own_name;

      if ((country = spoken_of_country (basemap, place)) == NULL || !g_hash_table_add (named, (gpointer) country))
        continue;

      shape = sb_basemap_get_country_shape (basemap, country);
      sb_projection_unit_to_widget (builder->projection, shape->min_x, shape->min_y, &x0, &y0);
      sb_projection_unit_to_widget (builder->projection, shape->max_x, shape->max_y, &x1, &y1);
      if (fabs (x1 - x0) < 60)
        continue;

      /* A country the briefing names as such goes by the briefing's name
       * for it; one it speaks of through its regions, by its own.
       */
      own_name = sb_place_get_precision (place) == SB_PLACE_PRECISION_COUNTRY;
      upper = g_utf8_strup (own_name ? sb_text_get (sb_place_get_name (place)) : country->name, -1);
      _sb_map_measure (builder, SB_MAP_FONT_COUNTRY, upper, &width, &height);
      name.town = country;
      name.place = own_name ? place : NULL;
      sb_projection_unit_to_widget (builder->projection, shape->label_x, shape->label_y, &name.x, &name.y);
      graphene_rect_init (&name.label, name.x - width / 2, name.y - height / 2, width, height);

      if (!country_name_fits (builder, arrow_bodies, &name.label))
        {
          double label_x = name.x, label_y = name.y;

          x0 = MAX (MIN (x0, x1), builder->view ? builder->view->origin.x : -G_MAXDOUBLE);
          x1 = MIN (MAX (x0, x1), builder->view ? builder->view->origin.x + builder->view->size.width : G_MAXDOUBLE);
          y0 = MAX (MIN (y0, y1), builder->view ? builder->view->origin.y : -G_MAXDOUBLE);
          y1 = MIN (MAX (y0, y1), builder->view ? builder->view->origin.y + builder->view->size.height : G_MAXDOUBLE);

          for (guint a = 0; a <= steps && x1 > x0 && y1 > y0; a++)
            for (guint b = 0; b <= steps; b++)
              {
                double cx = x0 + (x1 - x0) * a / steps, cy = y0 + (y1 - y0) * b / steps;
                double distance = hypot (cx - label_x, cy - label_y);
                graphene_rect_t box = GRAPHENE_RECT_INIT (cx - width / 2, cy - height / 2, width, height);

                if (distance < best && country_name_fits (builder, arrow_bodies, &box) &&
                    box_in_country (builder, country, &box))
                  {
                    best = distance;
                    name.x = cx;
                    name.y = cy;
                    name.label = box;
                  }
              }
          if (best == G_MAXDOUBLE)
            continue;
        }

      _sb_map_add_obstacle (builder, name.label.origin.x, name.label.origin.y, width, height);
      g_array_append_val (builder->layout->country_names, name);
    }
}

/* Labels */

/* What room a town's name keeps from a card. */
#define CARD_ROOM 3.0

/* How much of @box is cut off: beyond the view's edge or under what lies
 * over the map (the legend, the scale, the details).
 */
static double
hidden_area (SbMapBuilder          *builder,
             const graphene_rect_t *box)
{
  double area = box->size.width * box->size.height, hidden = 0;
  graphene_rect_t shown;

  if (builder->view != NULL)
    {
      hidden = area;
      if (graphene_rect_intersection (builder->view, box, &shown))
        hidden -= shown.size.width * shown.size.height;
    }
  hidden += _sb_map_overlap_area (builder->occluders, box);

  /* (graphene's floats: a box wholly in view may leave a trace) */
  return hidden < SB_MAP_AREA_EPSILON ? 0 : MIN (hidden, area);
}

static gboolean
place_label (SbMapBuilder    *builder,
             graphene_rect_t *label,
             double           x,
             double           y,
             double           gap,
             gboolean         always,
             GArray          *avoid)
{
  double width = label->size.width, height = label->size.height;
  double candidates[][2] = {
    { x + gap, y - height / 2 },
    { x - gap - width, y - height / 2 },
    { x + gap * 0.7, y - gap * 0.7 - height },
    { x + gap * 0.7, y + gap * 0.7 },
    { x - gap * 0.7 - width, y - gap * 0.7 - height },
    { x - gap * 0.7 - width, y + gap * 0.7 },
    { x - width / 2, y - gap - height },
    { x - width / 2, y + gap },
    /* For a town's name, where the others are taken: beside its dot a
     * half line up or down, above or below it off centre.
     */
    { x + gap, y - height },
    { x + gap, y },
    { x - gap - width, y - height },
    { x - gap - width, y },
    { x - width * 0.15, y - gap - height },
    { x - width * 0.85, y - gap - height },
    { x - width * 0.15, y + gap },
    { x - width * 0.85, y + gap },
  };
  guint n_candidates = avoid != NULL ? G_N_ELEMENTS (candidates) : 8;
  double best = G_MAXDOUBLE;
  guint best_index = 0;
  /* A name cut at the view's edge or by the scale reads as cut: it goes
   * wholly where its dot is seen, or wholly out with its dot.
   */
  gboolean dot_shown = hidden_area (builder, &GRAPHENE_RECT_INIT (x - 1, y - 1, 2, 2)) == 0;

  for (guint c = 0; c < n_candidates; c++)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (candidates[c][0] - 2, candidates[c][1], width + 4, height);
      double cost = _sb_map_overlap_area (builder->obstacles, &box);
      double hidden = hidden_area (builder, &box);

      cost += 15 * (dot_shown ? hidden : box.size.width * box.size.height - hidden);

      /* A name over a card's title or symbols, or a town's over a symbol
       * or its ring, reads as neither.
       */
      for (guint k = 0; k < builder->layout->cards->len && cost > 0; k++)
        {
          const graphene_rect_t *card = &g_array_index (builder->layout->cards, SbMapCard, k).box;

          /* A town's name keeps off cards as off other names, with room
           * between: a name touching a card reads as part of it.
           */
          if (avoid != NULL)
            cost += 40 * sb_map_rect_overlap (&GRAPHENE_RECT_INIT (card->origin.x - CARD_ROOM, card->origin.y - CARD_ROOM,
                                                                   card->size.width + 2 * CARD_ROOM,
                                                                   card->size.height + 2 * CARD_ROOM), &box);
          else
            cost += 10 * sb_map_rect_overlap (card, &box);
        }
      for (guint k = 0; avoid != NULL && k < builder->layout->marks->len; k++)
        {
          const SbMapMark *mark = &g_array_index (builder->layout->marks, SbMapMark, k);
          graphene_rect_t drawn;

          if (mark->card < 0)
            {
              symbol_box (mark, &drawn);
              cost += 10 * sb_map_rect_overlap (&drawn, &box);
            }
        }
      if (avoid != NULL && cost > 0)
        cost += 40 * _sb_map_overlap_area (avoid, &box) + 20 * _sb_map_overlap_area (builder->stub_marks, &box);

      if (cost < best)
        {
          best = cost;
          best_index = c;
        }
      if (cost == 0)
        break;
    }

  if (best > 0 && !always)
    return FALSE;

  graphene_rect_init (label, candidates[best_index][0], candidates[best_index][1], width, height);
  _sb_map_add_obstacle (builder, label->origin.x - 2, label->origin.y, width + 4, height);
  return TRUE;
}

/* How far from a town's point its name goes: beside its dot, or beside
 * the symbol drawn on it (a village placed by a click for the statement
 * there), which then marks it without a dot.
 */
static double
town_gap (SbMapBuilder *builder,
          SbMapTown    *town)
{
  double gap = SB_MAP_TOWN_DOT + 3;

  town->under_symbol = FALSE;
  for (guint k = 0; k < builder->layout->marks->len; k++)
    {
      const SbMapMark *mark = &g_array_index (builder->layout->marks, SbMapMark, k);
      graphene_rect_t drawn;

      if (mark->card >= 0 || hypot (mark->x - town->x, mark->y - town->y) > mark->radius * 0.7)
        continue;

      symbol_box (mark, &drawn);
      gap = MAX (gap, drawn.size.width / 2 - hypot (mark->x - town->x, mark->y - town->y) + 2);
      town->under_symbol = TRUE;
    }

  return gap;
}

/* The towns the briefing mentions are always named: where their names
 * are free, else where they cover least; they are drawn over the rest.
 */
static void
place_town_labels (SbMapBuilder *builder)
{
  GArray *towns = builder->layout->towns;
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) obstacle_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *gaps = g_new (double, MAX (towns->len, 1));

  /* Names over names, or over another's dot, read as neither: worse than
   * a name over an arrow.
   */
  for (guint i = 0; i < towns->len; i++)
    {
      SbMapTown *town = &g_array_index (towns, SbMapTown, i);

      gaps[i] = town_gap (builder, town);
      g_array_append_val (named, GRAPHENE_RECT_INIT (town->x - SB_MAP_TOWN_DOT - 1, town->y - SB_MAP_TOWN_DOT - 1,
                                                     2 * SB_MAP_TOWN_DOT + 2, 2 * SB_MAP_TOWN_DOT + 2));
    }

  for (guint i = 0; i < towns->len; i++)
    {
      SbMapTown *town = &g_array_index (towns, SbMapTown, i);
      graphene_rect_t own_dot = g_array_index (named, graphene_rect_t, i);

      g_array_index (named, graphene_rect_t, i) = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      g_array_append_val (obstacle_of, builder->obstacles->len);
      place_label (builder, &town->label, town->x, town->y, gaps[i], TRUE, named);
      g_array_index (named, graphene_rect_t, i) = own_dot;
      g_array_append_val (named, town->label);
    }

  /* Placed one after another, a name may have taken the only free side
   * of a later one's: each name still over another's is placed again
   * with all the others in place.
   */
  for (guint round = 0; round < 3; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < towns->len; i++)
        {
          SbMapTown *town = &g_array_index (towns, SbMapTown, i);
          graphene_rect_t *own_label = &g_array_index (named, graphene_rect_t, towns->len + i);
          graphene_rect_t own_dot = g_array_index (named, graphene_rect_t, i);
          graphene_rect_t before = *own_label;
          double overlap;

          *own_label = GRAPHENE_RECT_INIT (0, 0, 0, 0);
          g_array_index (named, graphene_rect_t, i) = GRAPHENE_RECT_INIT (0, 0, 0, 0);
          overlap = _sb_map_overlap_area (named, &before);
          if (overlap > 0)
            {
              g_array_index (builder->obstacles, graphene_rect_t, g_array_index (obstacle_of, guint, i)) =
                GRAPHENE_RECT_INIT (0, 0, 0, 0);
              g_array_index (obstacle_of, guint, i) = builder->obstacles->len;
              place_label (builder, &town->label, town->x, town->y, gaps[i], TRUE, named);
              moved |= !graphene_rect_equal (&before, &town->label);
            }
          *own_label = town->label;
          g_array_index (named, graphene_rect_t, i) = own_dot;
        }

      if (!moved)
        break;
    }
}

/* An arrow's body, with its halo and its highlight, as the movement layer
 * draws it at most.
 */
#define ARROW_BODY_WIDTH 14.0
#define ARROW_BODY_STEP 5.0

/* What the arrows cover, all along them: the base map leaves out its
 * names there, as it does under cards and symbols, rather than show them
 * half hidden under a line. Laid out last, as it keeps no label of the
 * layout's own away (the arrows' marks do that).
 */
static void
arrow_body_boxes (SbMapBuilder *builder,
                  GArray       *boxes)
{
  GArray *arrows = builder->layout->arrows;

  for (guint i = 0; i < arrows->len; i++)
    {
      const SbMapArrow *arrow = &g_array_index (arrows, SbMapArrow, i);
      /* Its control polygon is at least as long as the curve. */
      double length = hypot (arrow->cx - arrow->x0, arrow->cy - arrow->y0) +
                      hypot (arrow->x1 - arrow->cx, arrow->y1 - arrow->cy);
      guint n = MAX (2, (guint) ceil (length / ARROW_BODY_STEP));

      for (guint s = 0; s <= n; s++)
        {
          double x, y;

          sb_map_arrow_point_at (arrow, (double) s / n, &x, &y);
          g_array_append_val (boxes, GRAPHENE_RECT_INIT (x - ARROW_BODY_WIDTH / 2, y - ARROW_BODY_WIDTH / 2,
                                                         ARROW_BODY_WIDTH, ARROW_BODY_WIDTH));
        }
    }
}

static void
cover_arrow_bodies (SbMapBuilder *builder)
{
  arrow_body_boxes (builder, builder->obstacles);
}

static int
compare_label_priority (gconstpointer a,
                        gconstpointer b)
{
  const SbMapMark *ma = *(const SbMapMark **) a, *mb = *(const SbMapMark **) b;

  if (ma->selected != mb->selected)
    return ma->selected ? -1 : 1;
  if (ma->dimmed != mb->dimmed)
    return ma->dimmed ? 1 : -1;
  return mb->radius > ma->radius ? 1 : mb->radius < ma->radius ? -1 : 0;
}

/* Deployments at points are labelled with their actor, where it fits. */
static void
place_mark_labels (SbMapBuilder *builder)
{
  GArray *marks = builder->layout->marks;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < marks->len; i++)
    {
      SbMapMark *mark = &g_array_index (marks, SbMapMark, i);

      if (mark->card < 0 && sb_item_get_kind (mark->item) == SB_ITEM_KIND_DEPLOYMENT)
        g_ptr_array_add (order, mark);
    }
  g_ptr_array_sort (order, compare_label_priority);

  for (guint i = 0; i < order->len; i++)
    {
      SbMapMark *mark = g_ptr_array_index (order, i);
      graphene_rect_t drawn;
      double width, height;

      /* Beside its ring when it is highlighted, which it would overlap
       * wherever it went (the label was lost when a step highlighted it).
       */
      symbol_box (mark, &drawn);
      _sb_map_measure (builder, SB_MAP_FONT_LABEL, sb_map_layout_mark_label (mark->item), &width, &height);
      graphene_rect_init (&mark->label, 0, 0, width, height);
      mark->has_label = place_label (builder, &mark->label, mark->x, mark->y,
                                     (mark->selected ? drawn.size.width / 2 : mark->radius) + 4, FALSE, NULL);
    }
}

/**
 * sb_map_layout_new:
 * @view: (nullable): what part of @projection's pixels is in view: cards
 *   stay in it if they can
 * @clusters: (nullable): an event dataset's incidents, clustered: the
 *   layout then places only their counts on the cards of countries
 * @actor_clusters: (nullable): those of them of the selected actor
 *
 * Lays out what the briefing's layers draw in @projection.
 *
 * Returns: (transfer full): the layout
 */
SbMapLayout *
sb_map_layout_new (SbSelection           *selection,
                   const SbProjection    *projection,
                   const graphene_rect_t *view,
                   SbIncidentClusters    *clusters,
                   SbIncidentClusters    *actor_clusters)
{
  return sb_map_layout_new_full (selection, projection, view, NULL, clusters, actor_clusters);
}

/**
 * sb_map_layout_new_full:
 * @occluders: (nullable) (element-type graphene_rect_t): what lies over
 *   the map in view, in @projection's pixels (the legend's button, the
 *   scale): cards keep out from under it as from beyond the view's edge,
 *   and labels as from symbols
 *
 * Lays out what the briefing's layers draw in @projection, as
 * sb_map_layout_new() does, clear of @occluders.
 *
 * Returns: (transfer full): the layout
 */
/* How many of the towns' names lie on a card, or touch one: each is
 * added to @names.
 */
static guint
names_on_cards (SbMapLayout *layout,
                GArray      *names)
{
  guint touching = 0;

  for (guint t = 0; t < layout->towns->len; t++)
    {
      const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);

      for (guint c = 0; c < layout->cards->len; c++)
        {
          const graphene_rect_t *card = &g_array_index (layout->cards, SbMapCard, c).box;

          if (sb_map_rect_overlap (&GRAPHENE_RECT_INIT (card->origin.x - 1, card->origin.y - 1,
                                                        card->size.width + 2, card->size.height + 2),
                                   &town->label) > 0)
            {
              g_array_append_val (names, town->label);
              touching++;
              break;
            }
        }
    }

  return touching;
}

/* Whether each card of @again lies as much in its area as in @layout. */
static gboolean
cards_as_inside (SbMapLayout *layout,
                 SbMapLayout *again)
{
  g_assert (layout->cards->len == again->cards->len);

  for (guint c = 0; c < layout->cards->len; c++)
    if (g_array_index (again->cards, SbMapCard, c).n_inside < g_array_index (layout->cards, SbMapCard, c).n_inside)
      return FALSE;

  return TRUE;
}

static SbMapLayout *
lay_out (SbSelection           *selection,
         const SbProjection    *projection,
         const graphene_rect_t *view,
         GArray                *occluders,
         SbIncidentClusters    *clusters,
         SbIncidentClusters    *actor_clusters,
         GArray                *kept_names)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  SbMapLayout *layout = g_rc_box_new0 (SbMapLayout);
  SbMapBuilder builder = {
    selection, projection, view, layout, pango_layout_new (context),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (SbMapMiddle)),
    occluders ? g_array_ref (occluders) : g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_ref (kept_names),
  };

  layout->marks = g_array_new (FALSE, TRUE, sizeof (SbMapMark));
  layout->area_names = g_array_new (FALSE, TRUE, sizeof (SbMapAreaName));
  layout->cards = g_array_new (FALSE, TRUE, sizeof (SbMapCard));
  layout->arrows = g_array_new (FALSE, TRUE, sizeof (SbMapArrow));
  layout->towns = g_array_new (FALSE, TRUE, sizeof (SbMapTown));
  layout->country_names = g_array_new (FALSE, TRUE, sizeof (SbMapTown));

  /* What lies over the map: nothing is labelled under it. */
  g_array_append_vals (builder.obstacles, builder.occluders->data, builder.occluders->len);

  if (sb_selection_get_briefing (selection) != NULL)
    {
      collect_towns (&builder);
      collect_base_towns (&builder);
      collect_marks (&builder);
      _sb_map_cards_count (&builder, clusters, FALSE);
      _sb_map_cards_count (&builder, actor_clusters, TRUE);
      collect_arrow_cards (&builder);

      _sb_map_cards_place (&builder);

      _sb_map_arrows_collect (&builder, FALSE);
      place_area_names (&builder);
      place_reference_names (&builder);
      _sb_map_arrows_collect (&builder, TRUE);
      g_array_append_vals (builder.obstacles, builder.arrow_marks->data, builder.arrow_marks->len);
      place_town_labels (&builder);
      name_countries (&builder);
      place_mark_labels (&builder);
      cover_arrow_bodies (&builder);
    }

  g_object_unref (builder.text);
  g_object_unref (context);
  g_array_unref (builder.town_names);
  g_array_unref (builder.base_towns);
  g_array_unref (builder.arrow_marks);
  g_array_unref (builder.middles);
  g_array_unref (builder.occluders);
  g_array_unref (builder.town_sides);
  g_array_unref (builder.stub_marks);
  g_array_unref (builder.kept_names);
  layout->taken = builder.obstacles;
  return layout;
}

/* How many times at most a layout is made again for names left on cards. */
#define MAX_LAYOUT_ROUNDS 3

/**
 * sb_map_layout_new_full:
 * @occluders: (nullable) (element-type graphene_rect_t): what lies over
 *   the map in view, in @projection's pixels (the legend's button, the
 *   scale): cards keep out from under it as from beyond the view's edge,
 *   and labels as from symbols
 *
 * Lays out what the briefing's layers draw in @projection, as
 * sb_map_layout_new() does, clear of @occluders.
 *
 * A card is placed before the towns' names and keeps a side of each town
 * free for its name, but where towns crowd (Lomé, Cotonou and Porto-Novo)
 * their names take each other's sides, and a name may find no place but
 * on the card. The layout is then made again with the cards kept off the
 * names that went on them, which have room there once the card has
 * moved, and kept if it has fewer names on cards and no card less in its
 * area; made from the same briefing and view, it is the same.
 *
 * Returns: (transfer full): the layout
 */
SbMapLayout *
sb_map_layout_new_full (SbSelection           *selection,
                        const SbProjection    *projection,
                        const graphene_rect_t *view,
                        GArray                *occluders,
                        SbIncidentClusters    *clusters,
                        SbIncidentClusters    *actor_clusters)
{
  g_autoptr(GArray) kept_names = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  SbMapLayout *layout = lay_out (selection, projection, view, occluders, clusters, actor_clusters, kept_names);
  guint on_cards = names_on_cards (layout, kept_names);

  for (guint round = 1; round < MAX_LAYOUT_ROUNDS && on_cards > 0; round++)
    {
      SbMapLayout *again = lay_out (selection, projection, view, occluders, clusters, actor_clusters, kept_names);
      guint again_on_cards = names_on_cards (again, kept_names);

      if (again_on_cards >= on_cards || !cards_as_inside (layout, again))
        {
          sb_map_layout_unref (again);
          break;
        }

      sb_map_layout_unref (layout);
      layout = again;
      on_cards = again_on_cards;
    }

  return layout;
}

#define BIT(field) (G_GUINT64_CONSTANT (1) << (field))

static gboolean
entity_is_drawn (SbEntity *entity)
{
  return !SB_IS_SOURCE (entity) && !SB_IS_STEP (entity);
}

/**
 * sb_map_layout_badges_change:
 *
 * Whether @changes may add or take away the badge of statements one
 * independent source only supports: a statement's citations, a source
 * added or removed, a publisher changed. Only a briefing whose sources
 * have more than one publisher badges any, or comes to.
 *
 * Returns: whether the layers may draw their badges differently
 */
gboolean
sb_map_layout_badges_change (SbBriefing *briefing,
                             SbChanges  *changes)
{
  GPtrArray *changed;

  g_return_val_if_fail (changes != NULL, TRUE);

  if (sb_changes_touches_type (changes, SB_TYPE_SOURCE))
    {
      for (guint i = 0; i < sb_changes_get_inserted (changes)->len; i++)
        if (SB_IS_SOURCE (g_ptr_array_index (sb_changes_get_inserted (changes), i)))
          return TRUE;
      for (guint i = 0; i < sb_changes_get_removed (changes)->len; i++)
        if (SB_IS_SOURCE (g_ptr_array_index (sb_changes_get_removed (changes), i)))
          return TRUE;
    }

  changed = sb_changes_get_changed (changes);
  for (guint i = 0; i < changed->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (changed, i);

      if (SB_IS_SOURCE (entity) && sb_changes_has_field (changes, entity, SB_SOURCE_FIELD_PUBLISHER))
        return TRUE;
      if (SB_IS_ITEM (entity) && sb_changes_has_field (changes, entity, SB_ITEM_FIELD_CITATIONS) &&
          briefing != NULL && sb_briefing_has_independent_sources (briefing))
        return TRUE;
    }

  return FALSE;
}

/**
 * sb_map_layout_shows_changes:
 *
 * Tells the edits the map draws from those it does not: a statement's
 * description, figures or citations, an actor's summary, a source, a step
 * or the briefing's title change nothing on it, and redrawing the layers
 * of a large briefing is not free. What the base map writes of the
 * briefing's texts (the towns it mentions) is sb_mentioned_places_edited().
 *
 * Returns: whether the layers may draw differently after @changes
 */
gboolean
sb_map_layout_shows_changes (SbChanges *changes)
{
  /* Of statements, only areas have their name or title drawn. */
  const guint64 item_unseen = BIT (SB_ITEM_FIELD_DESCRIPTION) | BIT (SB_ITEM_FIELD_CLAIMED_BY) |
                              BIT (SB_ITEM_FIELD_CITATIONS) | BIT (SB_ITEM_FIELD_FIGURES) |
                              BIT (SB_ITEM_FIELD_ROLE);
  const guint64 item_named = BIT (SB_ITEM_FIELD_TITLE) | BIT (SB_ITEM_FIELD_NAME);
  const guint64 actor_seen = BIT (SB_ACTOR_FIELD_NAME) | BIT (SB_ACTOR_FIELD_SHORT_NAME) |
                             BIT (SB_ACTOR_FIELD_KIND) | BIT (SB_ACTOR_FIELD_COLOUR);
  GPtrArray *inserted, *removed, *changed;

  g_return_val_if_fail (changes != NULL, TRUE);

  if ((sb_changes_get_briefing_fields (changes) & BIT (SB_BRIEFING_FIELD_LANGUAGE)) != 0 ||
      sb_changes_get_reordered (changes, SB_TYPE_ITEM) ||
      sb_changes_get_reordered (changes, SB_TYPE_PLACE) ||
      sb_changes_get_reordered (changes, SB_TYPE_ACTOR))
    return TRUE;

  inserted = sb_changes_get_inserted (changes);
  removed = sb_changes_get_removed (changes);
  for (guint i = 0; i < inserted->len; i++)
    if (entity_is_drawn (g_ptr_array_index (inserted, i)))
      return TRUE;
  for (guint i = 0; i < removed->len; i++)
    if (entity_is_drawn (g_ptr_array_index (removed, i)))
      return TRUE;

  changed = sb_changes_get_changed (changes);
  for (guint i = 0; i < changed->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (changed, i);
      guint64 fields = sb_changes_get_fields (changes, entity);

      if (SB_IS_PLACE (entity))
        return TRUE;
      if (SB_IS_ACTOR (entity) && (fields & actor_seen) != 0)
        return TRUE;
      if (SB_IS_ITEM (entity))
        {
          guint64 unseen = item_unseen;

          if (sb_item_get_kind (SB_ITEM (entity)) != SB_ITEM_KIND_AREA)
            unseen |= item_named;
          if ((fields & ~unseen) != 0)
            return TRUE;
        }
    }

  return FALSE;
}
