/* sb-map-layout.c
 *
 * Placed in order of what may not move: the towns the briefing mentions
 * and the symbols at exact places first; then each country's or region's
 * card, inside its area and clear of those, as near its middle as room
 * allows; then the arrows between two known places, which end at a
 * card's edge or a point; then the names of areas (held ground, risk)
 * inside them where room is left; then the short arrows of movements
 * known at one end, on a free side; then the towns' names, clear of
 * symbols, cards and arrows; last the countries' names where no card
 * names them, and the actors' names by their symbols, where room is left.
 *
 * Everything is placed relative to fixed places on the map, never to the
 * edges of the view, so that a layout computed for a larger texture puts
 * everything where a layout for the view does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-layout"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "sb-cluster-symbols.h"
#include "sb-map-layout.h"
#include "sb-mentioned-places.h"

#define INCIDENT_RADIUS 9.0
#define CARD_PADDING 4.5
#define CARD_GAP 3.0
#define CARD_SYMBOL_MIN 8.0
#define CARD_SYMBOL_MAX 10.0
#define CARD_INCIDENT_RADIUS 9.0
#define CARD_INCIDENTS_PER_ROW 5
#define CARD_MAX_TITLE_WIDTH 150
#define CARD_COMPACT_TITLE_WIDTH 120
/* A full card placed at this cost per pixel of it, or less, stays full. */
#define FULL_CARD_GOOD_ENOUGH 1.0
#define STUB_LENGTH 70.0
#define TOWN_DOT 3.0
#define MIDDLE_CLEARANCE 8.0

typedef struct
{
  SbSelection *selection;
  const SbProjection *projection;
  const graphene_rect_t *view;   /* nullable */
  SbMapLayout *layout;
  PangoLayout *text;
  GArray *obstacles;       /* of graphene_rect_t: what cards and labels avoid */
  GArray *town_names;      /* of graphene_rect_t: where towns' names would go; cards avoid them */
  GArray *base_towns;      /* of graphene_rect_t: the base map's towns; cards avoid them if they can */
  GArray *arrow_marks;     /* of graphene_rect_t: along the arrows */
  GArray *middles;         /* of graphene_rect_t: the middles of areas with cards, which no card covers */
} Builder;

void
sb_map_layout_set_font (PangoLayout *layout,
                        SbMapFont    font)
{
  static const char * const fonts[] = {
    [SB_MAP_FONT_LABEL] = "Sans Bold 9.5",
    [SB_MAP_FONT_TITLE] = "Sans Bold 10",
    [SB_MAP_FONT_TOWN] = "Sans Bold 9.5",
    [SB_MAP_FONT_CAPITAL] = "Sans Bold 10.5",
    [SB_MAP_FONT_AREA] = "Sans Italic Bold 10",
    [SB_MAP_FONT_COUNTRY] = "Sans 8.5",
  };
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (fonts[font]);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, font == SB_MAP_FONT_TITLE ? CARD_MAX_TITLE_WIDTH * PANGO_SCALE : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, font == SB_MAP_FONT_AREA ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
}

static void
measure (Builder    *builder,
         SbMapFont   font,
         const char *text,
         double     *width,
         double     *height)
{
  PangoRectangle extents;

  sb_map_layout_set_font (builder->text, font);
  pango_layout_set_text (builder->text, text, -1);
  pango_layout_get_pixel_extents (builder->text, NULL, &extents);
  *width = extents.width;
  *height = extents.height;
}

/**
 * sb_map_layout_emphasis:
 * @dimmed: (out): whether to draw @item faded, behind a selected actor's
 *   statements
 *
 * Returns: whether @item is the selection, highlighted, or a selected
 *   actor's
 */
gboolean
sb_map_layout_emphasis (SbSelection *selection,
                        SbItem      *item,
                        gboolean    *dimmed)
{
  SbEntity *selected = sb_selection_get_selected (selection);

  *dimmed = FALSE;

  if (selected == SB_ENTITY (item) || sb_selection_is_highlighted (selection, item))
    return TRUE;

  if (SB_IS_ACTOR (selected))
    *dimmed = !sb_item_involves_actor (item, SB_ACTOR (selected));

  return FALSE;
}

/**
 * sb_map_layout_symbol_radius:
 *
 * Returns: how large @item's symbol is drawn at a point: an incident's
 *   badge, or a deployment growing with the logarithm of its strength
 *   (50 → 10 px, 1,000 → 13 px)
 */
double
sb_map_layout_symbol_radius (SbItem *item)
{
  const SbQuantity *strength;

  if (sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT)
    return INCIDENT_RADIUS;

  strength = sb_item_get_strength (item);
  if (!sb_quantity_is_set (strength))
    return 9.0;

  return CLAMP (6.5 + 2.2 * log10 (MAX (sb_quantity_get_typical (strength), 1)), 8.0, 16.0);
}

/**
 * sb_map_layout_uses_cards:
 *
 * Returns: whether what happens at @place goes on its area's card: a
 *   country or a region is no point
 */
gboolean
sb_map_layout_uses_cards (SbPlace *place)
{
  SbPlacePrecision precision = sb_place_get_precision (place);

  return precision == SB_PLACE_PRECISION_COUNTRY || precision == SB_PLACE_PRECISION_REGION;
}

/* Boxes here are never of negative size: no need for graphene's care,
 * which costs most of the layout's time.
 */
static inline double
rect_overlap (const graphene_rect_t *a,
              const graphene_rect_t *b)
{
  double width = MIN (a->origin.x + a->size.width, b->origin.x + b->size.width) - MAX (a->origin.x, b->origin.x);
  double height = MIN (a->origin.y + a->size.height, b->origin.y + b->size.height) - MAX (a->origin.y, b->origin.y);

  return width > 0 && height > 0 ? width * height : 0;
}

static double
overlap_area (GArray                *boxes,
              const graphene_rect_t *box)
{
  const graphene_rect_t *rects = (const graphene_rect_t *) (gpointer) boxes->data;
  double total = 0;

  for (guint i = 0; i < boxes->len; i++)
    total += rect_overlap (&rects[i], box);

  return total;
}

/* The boxes of @boxes that reach into @region. */
static GArray *
boxes_near (GArray                *boxes,
            const graphene_rect_t *region)
{
  GArray *near = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (guint i = 0; i < boxes->len; i++)
    if (rect_overlap (&g_array_index (boxes, graphene_rect_t, i), region) > 0)
      g_array_append_val (near, g_array_index (boxes, graphene_rect_t, i));

  return near;
}

static void
add_obstacle (Builder *builder,
              double   x,
              double   y,
              double   width,
              double   height)
{
  graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, width, height);

  g_array_append_val (builder->obstacles, box);
}

/* Towns */

static void
collect_towns (Builder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GPtrArray *towns = sb_mentioned_places_get (briefing);

  for (guint i = 0; i < towns->len; i++)
    {
      SbMapTown town = { g_ptr_array_index (towns, i), };
      double width, height;

      sb_projection_unit_to_widget (builder->projection, town.town->label_x, town.town->label_y, &town.x, &town.y);
      measure (builder, town.town->is_capital ? SB_MAP_FONT_CAPITAL : SB_MAP_FONT_TOWN, town.town->name, &width, &height);

      /* Where the name would go: cards keep clear of it. */
      graphene_rect_init (&town.label, town.x + TOWN_DOT + 3, town.y - height / 2, width, height);
      add_obstacle (builder, town.x - TOWN_DOT - 1, town.y - TOWN_DOT - 1, 2 * TOWN_DOT + 2, 2 * TOWN_DOT + 2);
      g_array_append_val (builder->town_names, town.label);
      g_array_append_val (builder->layout->towns, town);
    }
}

/* The base map's towns at this zoom, as it would name them: cards rather
 * cover desert than Timbuktu.
 */
static void
collect_base_towns (Builder *builder)
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
                          GRAPHENE_RECT_INIT (x - 3, y - 7, 8 + 7 * strlen (town->name), 14));
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

static gboolean
is_drawn_as_symbol (SbItem *item)
{
  SbItemKind kind = sb_item_get_kind (item);

  return kind == SB_ITEM_KIND_DEPLOYMENT || kind == SB_ITEM_KIND_INCIDENT;
}

/* Country or region cards, made for each place that needs one. */
static int
card_for_place (Builder *builder,
                SbPlace *place)
{
  GArray *cards = builder->layout->cards;
  SbMapCard card = { place, };
  SbBasemap *basemap = sb_basemap_get_default ();
  const char *iso_a3 = sb_place_get_country (place);
  double lat = sb_place_get_latitude (place);
  double x, y;

  for (guint i = 0; i < cards->len; i++)
    if (g_array_index (cards, SbMapCard, i).place == place)
      return i;

  if (sb_place_get_precision (place) == SB_PLACE_PRECISION_COUNTRY && iso_a3 != NULL)
    card.country = sb_basemap_lookup_country (basemap, iso_a3);

  if (card.country != NULL)
    {
      const SbBasemapCountryShape *shape = sb_basemap_get_country_shape (basemap, card.country);

      sb_projection_unit_to_widget (builder->projection, shape->label_x, shape->label_y,
                                    &card.anchor_x, &card.anchor_y);
    }
  else
    {
      sb_projection_to_widget (builder->projection, lat, sb_place_get_longitude (place),
                               &card.anchor_x, &card.anchor_y);
      card.region_radius = sb_place_get_radius_km (place) * sb_projection_pixels_per_km (builder->projection, lat);
    }

  /* The card may not sit on the place's middle, nor the country's: it
   * must not read as a point there.
   */
  sb_projection_to_widget (builder->projection, lat, sb_place_get_longitude (place), &x, &y);
  g_array_append_val (builder->middles, GRAPHENE_RECT_INIT (x - MIDDLE_CLEARANCE, y - MIDDLE_CLEARANCE,
                                                            2 * MIDDLE_CLEARANCE, 2 * MIDDLE_CLEARANCE));
  if (card.country != NULL)
    {
      sb_projection_unit_to_widget (builder->projection, (card.country->min_x + card.country->max_x) / 2,
                                    (card.country->min_y + card.country->max_y) / 2, &x, &y);
      g_array_append_val (builder->middles, GRAPHENE_RECT_INIT (x - MIDDLE_CLEARANCE, y - MIDDLE_CLEARANCE,
                                                                2 * MIDDLE_CLEARANCE, 2 * MIDDLE_CLEARANCE));
    }

  g_array_append_val (cards, card);
  return cards->len - 1;
}

static void
collect_marks (Builder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GListModel *items = sb_briefing_get_all_items (briefing);
  gboolean clustered = sb_incident_clusters_wanted (briefing);
  GArray *marks = builder->layout->marks;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      SbPlace *place = sb_item_get_place (item);
      SbMapMark mark = { item, };

      if (place == NULL || !is_drawn_as_symbol (item) ||
          (clustered && sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT) ||
          !sb_selection_item_is_visible (builder->selection, item))
        continue;

      mark.selected = sb_map_layout_emphasis (builder->selection, item, &mark.dimmed);
      mark.radius = sb_map_layout_symbol_radius (item);
      mark.card = -1;

      if (sb_map_layout_uses_cards (place))
        {
          mark.card = card_for_place (builder, place);
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

      if (mark->card < 0)
        add_obstacle (builder, mark->x - mark->radius - 2, mark->y - mark->radius - 2,
                      2 * mark->radius + 4, 2 * mark->radius + 4);
    }
}

/* Countries and regions that arrows start or end at need a card (their
 * name) to point to, even when nothing else is drawn there.
 */
static void
collect_arrow_cards (Builder *builder)
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
          card_for_place (builder, places[p]);
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
place_area_name (Builder *builder,
                 SbItem  *item)
{
  const SbGeometry *geometry = sb_item_get_geometry (item);
  const double widths[] = { 240, 170, 120, 90 };
  const guint steps = 16;
  SbMapAreaName name = { item, };
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
  pango_layout_set_text (builder->text, sb_entity_get_label (SB_ENTITY (item)), -1);

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
            double cost = distance + overlap_area (arrow_marks, &box) * 10;

            if (cost < best && overlap_area (obstacles, &box) == 0 &&
                overlap_area (town_names, &box) == 0 &&
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
  add_obstacle (builder, name.box.origin.x - 2, name.box.origin.y - 1,
                name.box.size.width + 4, name.box.size.height + 2);
}

static void
place_area_names (Builder *builder)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GListModel *areas = sb_briefing_get_items (briefing, SB_ITEM_KIND_AREA);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (areas, i);
      gboolean dimmed;

      if (!sb_selection_item_is_visible (builder->selection, item))
        continue;

      /* Behind a selected actor's statements, an area keeps quiet. */
      sb_map_layout_emphasis (builder->selection, item, &dimmed);
      if (!dimmed)
        place_area_name (builder, item);
    }
}

/* Cards */

/* What a card holds decides its size; members are placed relative to its
 * top left corner, then moved with it. A compact card, for an area small
 * on screen, has its name on one line and its symbols in rows, without
 * their actors' names (its tooltips and the legend give them).
 */
static void
size_card (Builder   *builder,
           int        index,
           gboolean   compact,
           double    *width,
           double    *height)
{
  SbMapCard *card = &g_array_index (builder->layout->cards, SbMapCard, index);
  GArray *marks = builder->layout->marks;
  double title_width, title_height, y, content_width, label_width, label_height;
  double step = 2 * CARD_INCIDENT_RADIUS + CARD_GAP, row_y = 0;
  guint column = 0, n_in_rows = 0;

  card->compact = compact;
  card->title_wrap = (compact ? CARD_COMPACT_TITLE_WIDTH : CARD_MAX_TITLE_WIDTH) * PANGO_SCALE;
  sb_map_layout_set_font (builder->text, SB_MAP_FONT_TITLE);
  pango_layout_set_width (builder->text, card->title_wrap);
  if (compact)
    pango_layout_set_ellipsize (builder->text, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (builder->text, sb_text_get (sb_place_get_name (card->place)), -1);
  {
    PangoRectangle extents;

    pango_layout_get_pixel_extents (builder->text, NULL, &extents);
    title_width = extents.width;
    title_height = extents.height;
  }
  pango_layout_set_ellipsize (builder->text, PANGO_ELLIPSIZE_NONE);

  /* A region small on screen is named by its shading and its leader;
   * its long name would crowd out its neighbours (it is in the tooltip).
   */
  if (compact && card->country == NULL && card->n_marks > 0)
    title_width = title_height = 0;

  graphene_rect_init (&card->title, CARD_PADDING, CARD_PADDING - 1, title_width, title_height);
  content_width = title_width;
  y = CARD_PADDING + (title_height > 0 ? title_height + CARD_GAP : 0);

  /* Deployments in a column, each with its actor's name. */
  for (guint i = 0; i < marks->len && !compact; i++)
    {
      SbMapMark *mark = &g_array_index (marks, SbMapMark, i);
      double row;

      if (mark->card != index || sb_item_get_kind (mark->item) != SB_ITEM_KIND_DEPLOYMENT)
        continue;

      mark->radius = CLAMP (sb_map_layout_symbol_radius (mark->item) * 0.75, CARD_SYMBOL_MIN, CARD_SYMBOL_MAX);
      measure (builder, SB_MAP_FONT_LABEL, sb_actor_get_map_label (sb_item_get_actor (mark->item, 0)),
               &label_width, &label_height);
      row = MAX (2 * mark->radius, label_height);
      mark->x = CARD_PADDING + CARD_SYMBOL_MAX;
      mark->y = y + row / 2;
      mark->has_label = TRUE;
      graphene_rect_init (&mark->label, CARD_PADDING + 2 * CARD_SYMBOL_MAX + 5, y + row / 2 - label_height / 2,
                          label_width, label_height);
      content_width = MAX (content_width, 2 * CARD_SYMBOL_MAX + 5 + label_width);
      y += row + CARD_GAP;
    }

  /* Incidents (and, compact, deployments first) as symbols in rows. */
  for (guint pass = compact ? 0 : 1; pass < 2; pass++)
    for (guint i = 0; i < marks->len; i++)
      {
        SbMapMark *mark = &g_array_index (marks, SbMapMark, i);
        SbItemKind kind = pass == 0 ? SB_ITEM_KIND_DEPLOYMENT : SB_ITEM_KIND_INCIDENT;

        if (mark->card != index || sb_item_get_kind (mark->item) != kind)
          continue;

        if (column == CARD_INCIDENTS_PER_ROW)
          {
            column = 0;
            row_y += step;
          }
        mark->radius = CARD_INCIDENT_RADIUS;
        mark->has_label = FALSE;
        mark->x = CARD_PADDING + CARD_INCIDENT_RADIUS + column * step;
        mark->y = y + CARD_INCIDENT_RADIUS + row_y;
        content_width = MAX (content_width, (column + 1) * step - CARD_GAP);
        column++;
        n_in_rows++;
      }
  if (n_in_rows > 0)
    y += row_y + step;

  /* Incidents of an event dataset: their commonest type and count, the
   * selected actor's above the others'.
   */
  if (card->count > 0)
    {
      g_autofree char *text = sb_cluster_format_count (card->count);
      guint rows = card->count_emphasised > 0 ? 2 : 1;

      card->count_radius = INCIDENT_RADIUS;
      card->count_x = CARD_PADDING + INCIDENT_RADIUS;
      card->count_y = y + INCIDENT_RADIUS;
      y += rows * (2 * INCIDENT_RADIUS + CARD_GAP);
      content_width = MAX (content_width, 2 * INCIDENT_RADIUS + CARD_GAP + MAX (16, 7.5 * strlen (text) + 8));
    }

  *width = content_width + 2 * CARD_PADDING;
  *height = y - CARD_GAP + CARD_PADDING;
  if (card->n_marks == 0 && card->count == 0)
    *height = title_height + 2 * CARD_PADDING - 2;
}

/* How large the card's area is on screen. */
static double
area_size (Builder         *builder,
           const SbMapCard *card)
{
  const SbBasemapCountryShape *shape;
  double x0, y0, x1, y1;

  if (card->country == NULL)
    return 2 * card->region_radius;

  shape = sb_basemap_get_country_shape (sb_basemap_get_default (), card->country);
  sb_projection_unit_to_widget (builder->projection, shape->min_x, shape->min_y, &x0, &y0);
  sb_projection_unit_to_widget (builder->projection, shape->max_x, shape->max_y, &x1, &y1);
  return MAX (fabs (x1 - x0), fabs (y1 - y0));
}

static gboolean
inside_area (Builder         *builder,
             const SbMapCard *card,
             double           x,
             double           y)
{
  double ux, uy;

  if (card->country == NULL)
    return hypot (x - card->anchor_x, y - card->anchor_y) <= card->region_radius;

  sb_projection_widget_to_unit (builder->projection, x, y, &ux, &uy);
  return sb_basemap_feature_contains (card->country, ux, uy);
}

/* How bad a place for the card: what it covers (symbols and other cards
 * most, towns' names less as they can move, the base map's towns least),
 * how much of it leaves its area, how far from the area's middle (and
 * more so when a leader would have to be long).
 */
static double
card_cost (Builder         *builder,
           const SbMapCard *card,
           double           x,
           double           y,
           double           width,
           double           height,
           double           bound,
           gboolean        *inside)
{
  graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, width, height);
  double centre = hypot (x + width / 2 - card->anchor_x, y + height / 2 - card->anchor_y);
  double leader_x, leader_y, leader, distance, cost;
  guint outside = 0;

  /* Near the area's middle; for an area too small for it, near the area:
   * a card that cannot sit inside hugs its edge, its leader short.
   */
  leader_x = CLAMP (card->anchor_x, x, x + width);
  leader_y = CLAMP (card->anchor_y, y, y + height);
  leader = hypot (card->anchor_x - leader_x, card->anchor_y - leader_y);
  if (card->country == NULL)
    leader = MAX (leader - card->region_radius, 0);
  distance = centre * 0.5 + leader * 3;
  cost = distance * 4 + (distance > 60 ? (distance - 60) * (distance - 60) * 0.2 : 0);

  /* Out of view, a card is no use; out of its area, it is misleading
   * (a leader helps): rather out of view than far from its area.
   */
  if (builder->view != NULL)
    {
      graphene_rect_t shown;
      double hidden = width * height;

      if (graphene_rect_intersection (builder->view, &box, &shown))
        hidden -= shown.size.width * shown.size.height;
      cost += hidden * 6;
    }

  /* The cheaper terms first: a place already worse than the best found
   * is not looked at further.
   */
  cost += overlap_area (builder->middles, &box) * 1000 +
          overlap_area (builder->obstacles, &box) * 20 +
          overlap_area (builder->town_names, &box) * 8;
  if (cost >= bound)
    return cost;

  cost += overlap_area (builder->base_towns, &box) * 0.5;
  for (guint i = 0; i <= 2 && cost < bound; i++)
    for (guint j = 0; j <= 2; j++)
      if (!inside_area (builder, card, x + width * i / 2, y + height * j / 2))
        {
          outside++;
          cost += width * height / 9 * 3;
        }
  *inside = outside == 0;
  if (cost >= bound || *inside)
    return cost;

  /* A leader across something else would point at it. */
  leader = hypot (card->anchor_x - leader_x, card->anchor_y - leader_y);
  for (double t = 8; t < leader && cost < bound; t += 8)
    {
      graphene_rect_t dot = GRAPHENE_RECT_INIT (leader_x + (card->anchor_x - leader_x) * t / leader - 1,
                                                leader_y + (card->anchor_y - leader_y) * t / leader - 1, 2, 2);

      cost += overlap_area (builder->obstacles, &dot) * 200;
    }

  return cost;
}

/* Around the area's middle, in steps of half the card. */
static void
find_place (Builder         *builder,
            const SbMapCard *card,
            double           width,
            double           height,
            double          *best,
            double          *best_x,
            double          *best_y,
            gboolean        *best_inside)
{
  for (int i = -5; i <= 5; i++)
    for (int j = -5; j <= 5; j++)
      {
        double x = card->anchor_x - width / 2 + i * width / 2;
        double y = card->anchor_y - height / 2 + j * height / 2;
        gboolean inside = FALSE;
        double cost = card_cost (builder, card, x, y, width, height, *best, &inside);

        if (cost < *best)
          {
            *best = cost;
            *best_x = x;
            *best_y = y;
            *best_inside = inside;
          }
      }
}

static void
place_card (Builder *builder,
            int      index)
{
  SbMapCard *card = &g_array_index (builder->layout->cards, SbMapCard, index);
  GArray *marks = builder->layout->marks;
  double width, height, best = G_MAXDOUBLE, best_x = 0, best_y = 0;
  double full_width, full_height, full_cost = G_MAXDOUBLE, full_x = 0, full_y = 0;
  gboolean best_inside = FALSE, full_inside = FALSE, use_full;

  /* Full, unless its area is small on screen; compact too where a full
   * card would cover much or leave its area or the view, and compact if
   * that does much better. Sized last as placed: sizing places members.
   */
  size_card (builder, index, FALSE, &full_width, &full_height);
  width = full_width;
  height = full_height;
  use_full = card->n_marks == 0 || area_size (builder, card) >= 1.5 * MAX (full_width, full_height);
  if (use_full)
    find_place (builder, card, full_width, full_height, &full_cost, &full_x, &full_y, &full_inside);

  if (card->n_marks > 0 && (!use_full || full_cost > FULL_CARD_GOOD_ENOUGH * full_width * full_height))
    {
      size_card (builder, index, TRUE, &width, &height);
      find_place (builder, card, width, height, &best, &best_x, &best_y, &best_inside);
      use_full = use_full && best > full_cost * 0.5;
    }

  if (use_full)
    {
      size_card (builder, index, FALSE, &width, &height);
      best_x = full_x;
      best_y = full_y;
      best_inside = full_inside;
    }

  graphene_rect_init (&card->box, best_x, best_y, width, height);
  graphene_rect_offset (&card->title, best_x, best_y);
  card->count_x += best_x;
  card->count_y += best_y;
  card->leader = !best_inside &&
                 !graphene_rect_contains_point (&card->box, &GRAPHENE_POINT_INIT (card->anchor_x, card->anchor_y));

  for (guint i = 0; i < marks->len; i++)
    {
      SbMapMark *mark = &g_array_index (marks, SbMapMark, i);

      if (mark->card != index)
        continue;

      mark->x += best_x;
      mark->y += best_y;
      mark->anchor_x = mark->x;
      mark->anchor_y = mark->y;
      graphene_rect_offset (&mark->label, best_x, best_y);
      card->selected |= mark->selected;
    }

  add_obstacle (builder, card->box.origin.x - 3, card->box.origin.y - 3, width + 6, height + 6);
}

static void
emphasise_cards (Builder *builder)
{
  GArray *cards = builder->layout->cards;
  GArray *marks = builder->layout->marks;
  SbEntity *selected = sb_selection_get_selected (builder->selection);

  for (guint c = 0; c < cards->len; c++)
    {
      SbMapCard *card = &g_array_index (cards, SbMapCard, c);
      guint dimmed = 0;

      for (guint i = 0; i < marks->len; i++)
        {
          SbMapMark *mark = &g_array_index (marks, SbMapMark, i);

          if (mark->card == (int) c)
            dimmed += mark->dimmed;
        }

      card->selected |= selected == SB_ENTITY (card->place);
      card->dimmed = card->n_marks > 0 && dimmed == card->n_marks && card->count_emphasised == 0;
    }
}

static void
add_area_counts (Builder            *builder,
                 SbIncidentClusters *clusters,
                 gboolean            emphasised)
{
  GPtrArray *areas = clusters ? sb_incident_clusters_get_areas (clusters) : NULL;

  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      const SbAreaIncidents *area = g_ptr_array_index (areas, i);
      int index = card_for_place (builder, area->place);
      SbMapCard *card = &g_array_index (builder->layout->cards, SbMapCard, index);

      if (emphasised)
        {
          card->count_emphasised = area->count;
          card->dominant_emphasised = area->dominant;
        }
      else
        {
          card->count = area->count;
          card->dominant = area->dominant;
        }
    }
}

/* Arrows */

/* Where a line from the card's middle towards (x, y) leaves the card. */
static void
card_edge_towards (const SbMapCard *card,
                   double           x,
                   double           y,
                   double          *edge_x,
                   double          *edge_y)
{
  double cx = card->box.origin.x + card->box.size.width / 2;
  double cy = card->box.origin.y + card->box.size.height / 2;
  double dx = x - cx, dy = y - cy;
  double hw = card->box.size.width / 2 + 4, hh = card->box.size.height / 2 + 4;
  double t = MIN (fabs (dx) > 1e-9 ? hw / fabs (dx) : G_MAXDOUBLE,
                  fabs (dy) > 1e-9 ? hh / fabs (dy) : G_MAXDOUBLE);

  if (t >= 1 || t == G_MAXDOUBLE)
    {
      *edge_x = cx;
      *edge_y = cy;
      return;
    }

  *edge_x = cx + dx * t;
  *edge_y = cy + dy * t;
}

static void
card_center (const SbMapCard *card,
             double          *x,
             double          *y)
{
  *x = card->box.origin.x + card->box.size.width / 2;
  *y = card->box.origin.y + card->box.size.height / 2;
}

/* How much a short arrow from (x0, y0) to its free end (x1, y1) would
 * cover; a free end by a card or a town would seem to come from there.
 */
static double
stub_cost (Builder *builder,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  graphene_rect_t end = GRAPHENE_RECT_INIT (x1 - 24, y1 - 24, 48, 48);
  double cost = 0;

  for (guint s = 0; s <= 8; s++)
    {
      graphene_rect_t dot = GRAPHENE_RECT_INIT (x0 + (x1 - x0) * s / 8 - 4, y0 + (y1 - y0) * s / 8 - 4, 8, 8);

      cost += overlap_area (builder->obstacles, &dot) + overlap_area (builder->arrow_marks, &dot) * 6;
    }

  for (guint i = 0; i < builder->layout->cards->len; i++)
    if (graphene_rect_intersection (&g_array_index (builder->layout->cards, SbMapCard, i).box, &end, NULL))
      cost += 3000;

  return cost + overlap_area (builder->town_names, &end) * 2;
}

/* A movement that the source gives only one end of is a short arrow into
 * (or out of) it, from whichever side is free; up and to the left (into)
 * or right (out of) when all are.
 */
static void
layout_stub (Builder         *builder,
             const SbMapCard *card,
             gboolean         into,
             double          *x0,
             double          *y0,
             double          *x1,
             double          *y1)
{
  static const double angles[] = { -127, -53, 180, 0, -90, 127, 53, 90 };
  static const double lengths[] = { STUB_LENGTH, STUB_LENGTH * 1.6 };
  double best = G_MAXDOUBLE;

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    for (guint a = 0; a < G_N_ELEMENTS (angles); a++)
      {
        double angle = (into ? angles[a] : -180 - angles[a]) * G_PI / 180;
        double dx = cos (angle), dy = sin (angle), ex, ey, fx, fy, cost;

        if (card != NULL)
          {
            double cx, cy;

            card_center (card, &cx, &cy);
            card_edge_towards (card, cx + dx * 1000, cy + dy * 1000, &ex, &ey);
          }
        else
          {
            ex = into ? *x1 : *x0;
            ey = into ? *y1 : *y0;
          }
        fx = ex + dx * lengths[l];
        fy = ey + dy * lengths[l];

        /* The preferred side and length win ties, and small overlaps. */
        cost = stub_cost (builder, ex + dx * 6, ey + dy * 6, fx, fy) + a * 20 + l * 150;
        if (cost < best)
          {
            best = cost;
            *x0 = into ? fx : ex;
            *y0 = into ? fy : ey;
            *x1 = into ? ex : fx;
            *y1 = into ? ey : fy;
          }
      }
}

static gboolean
layout_arrow (Builder    *builder,
              SbItem     *item,
              guint       index,
              gboolean    stubs,
              SbMapArrow *arrow)
{
  SbPlace *origin = sb_item_get_origin (item);
  SbPlace *destination = sb_item_get_place (item);
  const SbMapCard *from = origin && sb_map_layout_uses_cards (origin) ?
                          sb_map_layout_find_card (builder->layout, origin) : NULL;
  const SbMapCard *to = destination && sb_map_layout_uses_cards (destination) ?
                        sb_map_layout_find_card (builder->layout, destination) : NULL;
  double length, bend;

  if ((origin == NULL && destination == NULL) || stubs != (origin == NULL || destination == NULL))
    return FALSE;

  if (origin != NULL && from == NULL)
    sb_projection_to_widget (builder->projection, sb_place_get_latitude (origin), sb_place_get_longitude (origin),
                             &arrow->x0, &arrow->y0);
  if (destination != NULL && to == NULL)
    sb_projection_to_widget (builder->projection, sb_place_get_latitude (destination),
                             sb_place_get_longitude (destination), &arrow->x1, &arrow->y1);

  if (origin == NULL)
    layout_stub (builder, to, TRUE, &arrow->x0, &arrow->y0, &arrow->x1, &arrow->y1);
  else if (destination == NULL)
    layout_stub (builder, from, FALSE, &arrow->x0, &arrow->y0, &arrow->x1, &arrow->y1);
  else if (from != NULL && to != NULL)
    {
      double fx, fy, tx, ty;

      if (from == to)
        return FALSE;
      card_center (from, &fx, &fy);
      card_center (to, &tx, &ty);
      card_edge_towards (from, tx, ty, &arrow->x0, &arrow->y0);
      card_edge_towards (to, fx, fy, &arrow->x1, &arrow->y1);
    }
  else if (from != NULL)
    card_edge_towards (from, arrow->x1, arrow->y1, &arrow->x0, &arrow->y0);
  else if (to != NULL)
    card_edge_towards (to, arrow->x0, arrow->y0, &arrow->x1, &arrow->y1);

  arrow->item = item;
  arrow->from_point = origin != NULL && from == NULL;
  arrow->selected = sb_map_layout_emphasis (builder->selection, item, &arrow->dimmed);

  length = hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0);
  bend = (index % 2 ? -0.16 : 0.16) * length;
  arrow->cx = (arrow->x0 + arrow->x1) / 2 - bend * (arrow->y1 - arrow->y0) / MAX (length, 1);
  arrow->cy = (arrow->y0 + arrow->y1) / 2 + bend * (arrow->x1 - arrow->x0) / MAX (length, 1);

  return length > 1;
}

void
sb_map_arrow_point_at (const SbMapArrow *arrow,
                       double            t,
                       double           *x,
                       double           *y)
{
  double u = 1 - t;

  *x = u * u * arrow->x0 + 2 * u * t * arrow->cx + t * t * arrow->x1;
  *y = u * u * arrow->y0 + 2 * u * t * arrow->cy + t * t * arrow->y1;
}

/* Arrows between two known places first, as they cannot move; then the
 * short ones, which choose a free side.
 */
static void
collect_arrows (Builder  *builder,
                gboolean  stubs)
{
  SbBriefing *briefing = sb_selection_get_briefing (builder->selection);
  GListModel *movements = sb_briefing_get_items (briefing, SB_ITEM_KIND_MOVEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (movements); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (movements, i);
      SbMapArrow arrow = { 0, };

      if (!sb_selection_item_is_visible (builder->selection, item) ||
          !layout_arrow (builder, item, i, stubs, &arrow))
        continue;

      g_array_append_val (builder->layout->arrows, arrow);

      /* The towns' names keep clear of the line. */
      for (guint s = 0; s <= 16; s++)
        {
          double x, y;

          sb_map_arrow_point_at (&arrow, s / 16.0, &x, &y);
          g_array_append_val (builder->arrow_marks, GRAPHENE_RECT_INIT (x - 4, y - 4, 8, 8));
        }
    }
}

/* Countries the briefing speaks of, named where no card names them, as
 * the base map would name them (it leaves them to this layer).
 */
static void
name_countries (Builder *builder)
{
  SbBasemap *basemap = sb_basemap_get_default ();
  GListModel *places = sb_briefing_get_places (sb_selection_get_briefing (builder->selection));
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);

  if (builder->projection->zoom < 3.0 || builder->projection->zoom > 7.5)
    return;

  for (guint i = 0; i < builder->layout->cards->len; i++)
    g_hash_table_add (named, (gpointer) g_array_index (builder->layout->cards, SbMapCard, i).country);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const SbBasemapCountryShape *shape;
      const SbBasemapFeature *country;
      g_autofree char *upper = NULL;
      SbMapTown name = { 0, };
      double width, height, x0, y0, x1, y1;

      if (sb_place_get_precision (place) != SB_PLACE_PRECISION_COUNTRY || sb_place_get_country (place) == NULL ||
          (country = sb_basemap_lookup_country (basemap, sb_place_get_country (place))) == NULL ||
          !g_hash_table_add (named, (gpointer) country))
        continue;

      shape = sb_basemap_get_country_shape (basemap, country);
      sb_projection_unit_to_widget (builder->projection, shape->min_x, shape->min_y, &x0, &y0);
      sb_projection_unit_to_widget (builder->projection, shape->max_x, shape->max_y, &x1, &y1);
      if (fabs (x1 - x0) < 60)
        continue;

      upper = g_utf8_strup (sb_text_get (sb_place_get_name (place)), -1);
      measure (builder, SB_MAP_FONT_COUNTRY, upper, &width, &height);
      name.town = country;
      name.place = place;
      sb_projection_unit_to_widget (builder->projection, shape->label_x, shape->label_y, &name.x, &name.y);
      graphene_rect_init (&name.label, name.x - width / 2, name.y - height / 2, width, height);
      if (overlap_area (builder->obstacles, &name.label) > 0)
        continue;

      add_obstacle (builder, name.label.origin.x, name.label.origin.y, width, height);
      g_array_append_val (builder->layout->country_names, name);
    }
}

/* Labels */

static gboolean
place_label (Builder         *builder,
             graphene_rect_t *label,
             double           x,
             double           y,
             double           gap,
             gboolean         always)
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
  };
  double best = G_MAXDOUBLE;
  guint best_index = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (candidates[c][0] - 2, candidates[c][1], width + 4, height);
      double cost = overlap_area (builder->obstacles, &box);

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
  add_obstacle (builder, label->origin.x - 2, label->origin.y, width + 4, height);
  return TRUE;
}

/* The towns the briefing mentions are always named: where their names
 * are free, else where they cover least; they are drawn over the rest.
 */
static void
place_town_labels (Builder *builder)
{
  GArray *towns = builder->layout->towns;

  for (guint i = 0; i < towns->len; i++)
    {
      SbMapTown *town = &g_array_index (towns, SbMapTown, i);

      place_label (builder, &town->label, town->x, town->y, TOWN_DOT + 3, TRUE);
    }
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
place_mark_labels (Builder *builder)
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
      double width, height;

      measure (builder, SB_MAP_FONT_LABEL, sb_actor_get_map_label (sb_item_get_actor (mark->item, 0)),
               &width, &height);
      graphene_rect_init (&mark->label, 0, 0, width, height);
      mark->has_label = place_label (builder, &mark->label, mark->x, mark->y, mark->radius + 4, FALSE);
    }
}

static int
compare_cards (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *cards = user_data;
  const SbMapCard *ca = &g_array_index (cards, SbMapCard, *(const int *) a);
  const SbMapCard *cb = &g_array_index (cards, SbMapCard, *(const int *) b);

  /* The fullest first: it needs the most room. */
  return (int) (cb->n_marks + (cb->count > 0)) - (int) (ca->n_marks + (ca->count > 0));
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
                   SbIncidentClusters *actor_clusters)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  SbMapLayout *layout = g_rc_box_new0 (SbMapLayout);
  Builder builder = {
    selection, projection, view, layout, pango_layout_new (context),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
    g_array_new (FALSE, FALSE, sizeof (graphene_rect_t)),
  };

  layout->marks = g_array_new (FALSE, TRUE, sizeof (SbMapMark));
  layout->area_names = g_array_new (FALSE, TRUE, sizeof (SbMapAreaName));
  layout->cards = g_array_new (FALSE, TRUE, sizeof (SbMapCard));
  layout->arrows = g_array_new (FALSE, TRUE, sizeof (SbMapArrow));
  layout->towns = g_array_new (FALSE, TRUE, sizeof (SbMapTown));
  layout->country_names = g_array_new (FALSE, TRUE, sizeof (SbMapTown));

  if (sb_selection_get_briefing (selection) != NULL)
    {
      collect_towns (&builder);
      collect_base_towns (&builder);
      collect_marks (&builder);
      add_area_counts (&builder, clusters, FALSE);
      add_area_counts (&builder, actor_clusters, TRUE);
      collect_arrow_cards (&builder);

      for (guint i = 0; i < layout->cards->len; i++)
        g_array_append_val (order, i);
      g_array_sort_with_data (order, compare_cards, layout->cards);
      for (guint i = 0; i < order->len; i++)
        place_card (&builder, g_array_index (order, int, i));
      emphasise_cards (&builder);

      collect_arrows (&builder, FALSE);
      place_area_names (&builder);
      collect_arrows (&builder, TRUE);
      g_array_append_vals (builder.obstacles, builder.arrow_marks->data, builder.arrow_marks->len);
      place_town_labels (&builder);
      name_countries (&builder);
      place_mark_labels (&builder);
    }

  g_object_unref (builder.text);
  g_object_unref (context);
  g_array_unref (builder.town_names);
  g_array_unref (builder.base_towns);
  g_array_unref (builder.arrow_marks);
  g_array_unref (builder.middles);
  layout->taken = builder.obstacles;
  return layout;
}

static void
sb_map_layout_clear (gpointer data)
{
  SbMapLayout *self = data;

  g_array_unref (self->marks);
  g_array_unref (self->area_names);
  g_array_unref (self->cards);
  g_array_unref (self->arrows);
  g_array_unref (self->towns);
  g_array_unref (self->country_names);
  g_array_unref (self->taken);
}

SbMapLayout *
sb_map_layout_ref (SbMapLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
sb_map_layout_unref (SbMapLayout *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, sb_map_layout_clear);
}

const SbMapMark *
sb_map_layout_find_mark (SbMapLayout *self,
                         SbItem      *item)
{
  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, SbMapMark, i).item == item)
      return &g_array_index (self->marks, SbMapMark, i);

  return NULL;
}

const SbMapArrow *
sb_map_layout_find_arrow (SbMapLayout *self,
                          SbItem      *item)
{
  for (guint i = 0; i < self->arrows->len; i++)
    if (g_array_index (self->arrows, SbMapArrow, i).item == item)
      return &g_array_index (self->arrows, SbMapArrow, i);

  return NULL;
}

const SbMapCard *
sb_map_layout_find_card (SbMapLayout *self,
                         SbPlace     *place)
{
  for (guint i = 0; i < self->cards->len; i++)
    if (g_array_index (self->cards, SbMapCard, i).place == place)
      return &g_array_index (self->cards, SbMapCard, i);

  return NULL;
}
