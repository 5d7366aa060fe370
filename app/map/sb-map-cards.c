/* sb-map-cards.c
 *
 * The cards of countries and regions: what is known only to the area, on
 * a card with its name, inside the area and as near its middle as room
 * allows, never on its middle; beside it with a leader where it is small,
 * compact where a full card would not do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-cards"

#include "config.h"

#include <string.h>

#include "sb-cluster-symbols.h"
#include "sb-map-cards.h"

#define CARD_PADDING 4.5
#define CARD_GAP 3.0
#define CARD_SYMBOL_MIN 8.0
#define CARD_SYMBOL_MAX 10.0
#define CARD_INCIDENT_RADIUS 9.0
/* On a projector, the badges on cards are this much larger than the
 * rest: their glyphs (the incident's type) are small inside them, and a
 * country's card holds many side by side.
 */
#define CARD_INCIDENT_PROJECTOR_GROWTH 1.4
#define CARD_INCIDENTS_PER_ROW 5
#define CARD_MAX_TITLE_WIDTH 150
#define CARD_COMPACT_TITLE_WIDTH 120
/* A full card placed at this cost per pixel of it, or less, stays full. */
#define FULL_CARD_GOOD_ENOUGH 1.0
#define MIDDLE_CLEARANCE 8.0

static void
add_middle (SbMapBuilder *builder,
            int           card,
            double        x,
            double        y)
{
  SbMapMiddle middle = {
    GRAPHENE_RECT_INIT (x - MIDDLE_CLEARANCE, y - MIDDLE_CLEARANCE, 2 * MIDDLE_CLEARANCE, 2 * MIDDLE_CLEARANCE),
    card,
  };

  g_array_append_val (builder->middles, middle);
}

/* What of @box lies on the middles of its own card's area (@own), and
 * of other areas': those another card may cover, as it reads as that
 * card's, but rather not.
 */
static void
middles_covered (SbMapBuilder          *builder,
                 int                    card,
                 const graphene_rect_t *box,
                 double                *own,
                 double                *others)
{
  *own = *others = 0;
  for (guint i = 0; i < builder->middles->len; i++)
    {
      const SbMapMiddle *middle = &g_array_index (builder->middles, SbMapMiddle, i);
      double overlap = sb_map_rect_overlap (&middle->box, box);

      if (middle->card == card)
        *own += overlap;
      else
        *others += overlap;
    }
}

/* Country or region cards, made for each place that needs one. */
int
_sb_map_cards_get (SbMapBuilder *builder,
                   SbPlace      *place)
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
  add_middle (builder, cards->len, x, y);
  if (card.country != NULL)
    {
      sb_projection_unit_to_widget (builder->projection, (card.country->min_x + card.country->max_x) / 2,
                                    (card.country->min_y + card.country->max_y) / 2, &x, &y);
      add_middle (builder, cards->len, x, y);
    }

  g_array_append_val (cards, card);
  return cards->len - 1;
}

/* What a card holds decides its size; members are placed relative to its
 * top left corner, then moved with it. A compact card, for an area small
 * on screen, has its name on one line and its symbols in rows, without
 * their actors' names (its tooltips and the legend give them).
 */
static void
size_card (SbMapBuilder *builder,
           int           index,
           gboolean      compact,
           double       *width,
           double       *height)
{
  SbMapCard *card = &g_array_index (builder->layout->cards, SbMapCard, index);
  GArray *marks = builder->layout->marks;
  double title_width, title_height, y, content_width, label_width, label_height;
  double incident_radius = CARD_INCIDENT_RADIUS * (builder->projection->symbol_scale > 1.0 ? CARD_INCIDENT_PROJECTOR_GROWTH : 1.0);
  double step = 2 * incident_radius + CARD_GAP, row_y = 0;
  guint column = 0, n_in_rows = 0;

  card->compact = compact;
  card->title_wrap = (compact ? CARD_COMPACT_TITLE_WIDTH : CARD_MAX_TITLE_WIDTH) * PANGO_SCALE;
  sb_map_layout_set_font (builder->text, SB_MAP_FONT_TITLE);
  pango_layout_set_width (builder->text, card->title_wrap);
  if (compact)
    pango_layout_set_ellipsize (builder->text, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (builder->text, sb_place_get_area_name (card->place), -1);
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
      _sb_map_measure (builder, SB_MAP_FONT_LABEL, sb_map_layout_mark_label (mark->item), &label_width, &label_height);
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
        mark->radius = incident_radius;
        mark->has_label = FALSE;
        mark->x = CARD_PADDING + incident_radius + column * step;
        mark->y = y + incident_radius + row_y;
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

      card->count_radius = SB_MAP_INCIDENT_RADIUS;
      card->count_x = CARD_PADDING + SB_MAP_INCIDENT_RADIUS;
      card->count_y = y + SB_MAP_INCIDENT_RADIUS;
      y += rows * (2 * SB_MAP_INCIDENT_RADIUS + CARD_GAP);
      content_width = MAX (content_width, 2 * SB_MAP_INCIDENT_RADIUS + CARD_GAP + MAX (16, 7.5 * strlen (text) + 8));
    }

  *width = content_width + 2 * CARD_PADDING;
  *height = y - CARD_GAP + CARD_PADDING;
  if (card->n_marks == 0 && card->count == 0)
    *height = title_height + 2 * CARD_PADDING - 2;
}

/* How large the card's area is on screen. */
static double
area_size (SbMapBuilder    *builder,
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
inside_area (SbMapBuilder    *builder,
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

/* Whether a card out of its own area would lie in another country with
 * a card: "Burkina Faso" on Mali reads as Mali's, leader or not. A
 * region's circle is too rough a shape to keep out of.
 */
static gboolean
in_other_area (SbMapBuilder    *builder,
               const SbMapCard *card,
               double           x,
               double           y)
{
  for (guint i = 0; i < builder->layout->cards->len; i++)
    {
      const SbMapCard *other = &g_array_index (builder->layout->cards, SbMapCard, i);

      if (other != card && other->country != NULL && inside_area (builder, other, x, y))
        return TRUE;
    }

  return FALSE;
}

/* Whether a country's card out of its country would lie on another
 * country, one without a card: there too it reads as that country's, if
 * less, so that it rather hangs over the sea or hugs its own border.
 */
static gboolean
in_other_country (SbMapBuilder    *builder,
                  const SbMapCard *card,
                  double           x,
                  double           y)
{
  const SbBasemapFeature *country;
  double ux, uy;

  if (card->country == NULL)
    return FALSE;

  sb_projection_widget_to_unit (builder->projection, x, y, &ux, &uy);
  country = sb_basemap_country_at (sb_basemap_get_default (), ux, uy);
  return country != NULL && country != card->country;
}

/* What room a card leaves a town's name. */
#define CARD_NAME_ROOM 3.0

/* Whether a town's name could not go to @side for another card there,
 * a symbol, or the view's edge.
 */
static gboolean
side_taken (SbMapBuilder          *builder,
            const SbMapCard       *card,
            const graphene_rect_t *side)
{
  double area = side->size.width * side->size.height;

  for (guint i = 0; i < builder->layout->cards->len; i++)
    {
      const SbMapCard *other = &g_array_index (builder->layout->cards, SbMapCard, i);

      if (other != card && other->box.size.width > 0 && sb_map_rect_overlap (&other->box, side) > 0)
        return TRUE;
    }

  return _sb_map_overlap_area (builder->obstacles, side) > 0.2 * area;
}

/* How bad a place for the card: what it covers (symbols and other cards
 * most, towns' names less as they can move, the base map's towns least),
 * how much of it leaves its area (more into another's), how far from
 * the area's middle (and more so when a leader would have to be long).
 */
static double
card_cost (SbMapBuilder    *builder,
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
  double leader_x, leader_y, leader, distance, cost, own_middle, other_middles;
  guint outside = 0, in_other = 0;

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

  /* Out of view, a card is no use, and a card cut at the view's edge
   * reads as a card cut: it stays in view, on something else or far
   * from its area (with a leader) if it must.
   */
  if (builder->view != NULL)
    {
      graphene_rect_t shown;
      double hidden = width * height;
      gboolean area_in_view = graphene_rect_contains_point (builder->view,
                                                            &GRAPHENE_POINT_INIT (card->anchor_x, card->anchor_y));

      if (graphene_rect_intersection (builder->view, &box, &shown))
        hidden -= shown.size.width * shown.size.height;
      /* (graphene's floats: a box wholly in view may leave a trace) */
      if (hidden < SB_MAP_AREA_EPSILON)
        hidden = 0;

      /* Whole or not at all: an area out of view may keep its card out
       * of view too, rather than crowd the view's edge.
       */
      cost += hidden * (area_in_view ? 60 : 6);
      if (hidden > 0 && hidden < width * height)
        cost += width * height * 30;
    }
  /* Under the legend's button, the scale or the details over the map: as
   * good as out of view, and a card half under them reads as cut.
   */
  {
    double occluded = _sb_map_overlap_area (builder->occluders, &box);

    cost += occluded * 60;
    if (occluded > 0)
      cost += width * height * 30;
  }

  /* The cheaper terms first: a place already worse than the best found
   * is not looked at further.
   */
  middles_covered (builder, card - &g_array_index (builder->layout->cards, SbMapCard, 0), &box,
                   &own_middle, &other_middles);
  {
    graphene_rect_t around = GRAPHENE_RECT_INIT (x - CARD_NAME_ROOM, y - CARD_NAME_ROOM,
                                                 width + 2 * CARD_NAME_ROOM, height + 2 * CARD_NAME_ROOM);

    /* A name that had no other place than on a card before costs as
     * much as a name over another's: there is none for it but where it
     * was.
     */
    cost += own_middle * 1000 + other_middles * 8 +
            _sb_map_overlap_area (builder->obstacles, &box) * 20 +
            _sb_map_overlap_area (builder->town_names, &around) * 8 +
            _sb_map_overlap_area (builder->kept_names, &around) * 40;
  }

  /* A card over another, or over a symbol, reads as neither. */
  for (guint i = 0; i < builder->layout->cards->len && cost < bound; i++)
    {
      const SbMapCard *other = &g_array_index (builder->layout->cards, SbMapCard, i);

      if (other != card && other->box.size.width > 0)
        cost += sb_map_rect_overlap (&other->box, &box) * 200;
    }
  for (guint i = 0; i < builder->layout->marks->len && cost < bound; i++)
    {
      const SbMapMark *mark = &g_array_index (builder->layout->marks, SbMapMark, i);

      if (mark->card < 0)
        cost += sb_map_rect_overlap (&GRAPHENE_RECT_INIT (mark->x - mark->radius, mark->y - mark->radius,
                                                          2 * mark->radius, 2 * mark->radius), &box) * 200;
    }
  if (cost >= bound)
    return cost;

  cost += _sb_map_overlap_area (builder->base_towns, &box) * 0.5;

  /* A town the briefing mentions keeps a side free for its name, with
   * room between it and the card, and one not taken by another card or
   * a symbol either.
   */
  {
    graphene_rect_t around = GRAPHENE_RECT_INIT (x - CARD_NAME_ROOM, y - CARD_NAME_ROOM,
                                                 width + 2 * CARD_NAME_ROOM, height + 2 * CARD_NAME_ROOM);

    for (guint t = 0; t + SB_MAP_TOWN_SIDES <= builder->town_sides->len && cost < bound; t += SB_MAP_TOWN_SIDES)
      {
        const graphene_rect_t *first = &g_array_index (builder->town_sides, graphene_rect_t, t);
        guint covered = 0, taken = 0;

        for (guint k = 0; k < SB_MAP_TOWN_SIDES; k++)
          {
            const graphene_rect_t *side = &g_array_index (builder->town_sides, graphene_rect_t, t + k);

            if (sb_map_rect_overlap (side, &around) > 0)
              covered++;
            else if (side_taken (builder, card, side))
              taken++;
          }
        if (covered > 0 && covered + taken == SB_MAP_TOWN_SIDES)
          cost += 200 * first->size.width * first->size.height;
      }
  }
  for (guint i = 0; i <= 2 && cost < bound; i++)
    for (guint j = 0; j <= 2; j++)
      if (!inside_area (builder, card, x + width * i / 2, y + height * j / 2))
        {
          outside++;
          cost += width * height / 9 * 3;
          if (in_other_area (builder, card, x + width * i / 2, y + height * j / 2))
            {
              in_other++;
              cost += width * height / 9 * 6;
            }
          else if (in_other_country (builder, card, x + width * i / 2, y + height * j / 2))
            cost += width * height / 9 * 3;
        }
  /* More on another's area than on its own, it reads as the other's:
   * worse than covering names that can move.
   */
  if (in_other > 9 - outside)
    cost += width * height * 30;
  *inside = outside == 0;
  if (cost >= bound || *inside)
    return cost;

  /* A leader across something else would point at it. */
  leader = hypot (card->anchor_x - leader_x, card->anchor_y - leader_y);
  for (double t = 8; t < leader && cost < bound; t += 8)
    {
      graphene_rect_t dot = GRAPHENE_RECT_INIT (leader_x + (card->anchor_x - leader_x) * t / leader - 1,
                                                leader_y + (card->anchor_y - leader_y) * t / leader - 1, 2, 2);

      cost += _sb_map_overlap_area (builder->obstacles, &dot) * 200;
    }

  return cost;
}

static void
try_place (SbMapBuilder    *builder,
           const SbMapCard *card,
           double           x,
           double           y,
           double           width,
           double           height,
           double          *best,
           double          *best_x,
           double          *best_y,
           gboolean        *best_inside)
{
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

/* Around the area's middle, in steps of half the card; then around the
 * best of those in steps of a quarter, which find the gap beside a
 * small, crowded country that half a card's steps miss.
 */
static void
find_place (SbMapBuilder    *builder,
            const SbMapCard *card,
            double           width,
            double           height,
            double          *best,
            double          *best_x,
            double          *best_y,
            gboolean        *best_inside)
{
  double coarse_x, coarse_y;

  for (int i = -5; i <= 5; i++)
    for (int j = -5; j <= 5; j++)
      try_place (builder, card, card->anchor_x - width / 2 + i * width / 2,
                 card->anchor_y - height / 2 + j * height / 2, width, height,
                 best, best_x, best_y, best_inside);

  if (*best == G_MAXDOUBLE)
    return;

  coarse_x = *best_x;
  coarse_y = *best_y;
  for (int i = -2; i <= 2; i++)
    for (int j = -2; j <= 2; j++)
      if (i % 2 != 0 || j % 2 != 0)
        try_place (builder, card, coarse_x + i * width / 4, coarse_y + j * height / 4, width, height,
                   best, best_x, best_y, best_inside);
}

static void
place_card (SbMapBuilder *builder,
            int           index)
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
  card->n_inside = 0;
  for (guint i = 0; i <= 2; i++)
    for (guint j = 0; j <= 2; j++)
      card->n_inside += inside_area (builder, card, best_x + width * i / 2, best_y + height * j / 2);

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

  _sb_map_add_obstacle (builder, card->box.origin.x - 3, card->box.origin.y - 3, width + 6, height + 6);
}

static void
emphasise_cards (SbMapBuilder *builder)
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

void
_sb_map_cards_count (SbMapBuilder       *builder,
                     SbIncidentClusters *clusters,
                     gboolean            emphasised)
{
  GPtrArray *areas = clusters ? sb_incident_clusters_get_areas (clusters) : NULL;

  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      const SbAreaIncidents *area = g_ptr_array_index (areas, i);
      int index = _sb_map_cards_get (builder, area->place);
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

static int
compare_cards (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *cards = user_data;
  const SbMapCard *ca = &g_array_index (cards, SbMapCard, *(const int *) a);
  const SbMapCard *cb = &g_array_index (cards, SbMapCard, *(const int *) b);

  return (int) (cb->n_marks + (cb->count > 0)) - (int) (ca->n_marks + (ca->count > 0));
}

/**
 * _sb_map_cards_place:
 *
 * Places every card, the fullest first: it needs the most room.
 */
void
_sb_map_cards_place (SbMapBuilder *builder)
{
  GArray *cards = builder->layout->cards;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < cards->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_cards, cards);
  for (guint i = 0; i < order->len; i++)
    place_card (builder, g_array_index (order, int, i));

  emphasise_cards (builder);
}
