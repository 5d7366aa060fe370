/* sb-map-arrows.c
 *
 * Where arrows go: from a point or the edge of a country's or region's
 * card to another. A movement known at one end is only a head into or
 * out of it, on whichever side is free, with the unknown end marked "?"
 * just behind it: never a line from (or to) a point the source does not
 * give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-arrows"

#include "config.h"

#include "sb-map-arrows.h"
#include "sb-symbols.h"

/* From the known end to the "?" of the unknown one: an arrow's head and
 * the mark, no line between, as the movement layer draws them (a head
 * 4.5 times the line's width, 3.5 or 5 when selected, the mark's radius
 * 0.55 times the head, with a glow of 4 more when selected).
 */
#define STUB_HEAD(selected) (((selected) ? 5.0 : 3.5) * 4.5)
#define STUB_LENGTH(selected) (STUB_HEAD (selected) * 1.55 + 3)
#define STUB_MARK_RADIUS(selected) (STUB_HEAD (selected) * 0.55 + ((selected) ? 4 : 0))

/* How far from its point a symbol is drawn, with its halo, or with its
 * ring and the ring's stroke when highlighted.
 */
static double
symbol_reach (const SbMapMark *mark)
{
  return mark->selected ? mark->radius * SB_SYMBOL_RING_SCALE + SB_SYMBOL_RING_GAP + 2 : mark->radius + 2;
}

/* What room a short arrow's head and "?" leave a symbol. */
#define STUB_SYMBOL_ROOM 4.0

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

/* How much a short arrow from (x0, y0) to its free end (x1, y1), its
 * "?" of @radius there and its head at the start when @into, would cover; a free end by a card or a town would
 * seem to come from there. Like a name, the "?" keeps off the towns'
 * names wherever they may go, and off the other arrows' heads and "?".
 */
static double
stub_cost (SbMapBuilder *builder,
           double        x0,
           double        y0,
           double        x1,
           double        y1,
           double        radius,
           gboolean      into)
{
  graphene_rect_t end = GRAPHENE_RECT_INIT (x1 - 24, y1 - 24, 48, 48);
  graphene_rect_t mark = GRAPHENE_RECT_INIT (x1 - radius, y1 - radius, 2 * radius, 2 * radius);
  double cost = 0;

  for (guint s = 0; s <= 8; s++)
    {
      graphene_rect_t dot = GRAPHENE_RECT_INIT (x0 + (x1 - x0) * s / 8 - 4, y0 + (y1 - y0) * s / 8 - 4, 8, 8);

      cost += _sb_map_overlap_area (builder->obstacles, &dot) + _sb_map_overlap_area (builder->arrow_marks, &dot) * 6;
    }
  cost += (_sb_map_overlap_area (builder->arrow_marks, &mark) + _sb_map_overlap_area (builder->obstacles, &mark)) * 6;
  /* (its head, at the start, against the others' "?") */
  cost += _sb_map_overlap_area (builder->stub_marks, &GRAPHENE_RECT_INIT (x0 - 8, y0 - 8, 16, 16)) * 6;

  /* A card drawn over the "?", or the view's edge cutting it, hides it:
   * only where every side is worse.
   */
  for (guint i = 0; i < builder->layout->cards->len; i++)
    if (graphene_rect_intersection (&g_array_index (builder->layout->cards, SbMapCard, i).box, &end, NULL))
      cost += 30000;

  if (builder->view != NULL &&
      !graphene_rect_contains_rect (builder->view, &GRAPHENE_RECT_INIT (x1 - 14, y1 - 14, 28, 28)))
    cost += 30000;

  cost += _sb_map_overlap_area (builder->town_names, &end) * 2 + _sb_map_overlap_area (builder->town_sides, &mark);
  cost += _sb_map_overlap_area (builder->stub_marks, &mark) * 20;

  /* Its head, before the "?" (out of a place) or at the start (into
   * one), keeps off the towns' names too.
   */
  {
    double length = MAX (hypot (x1 - x0, y1 - y0), 1);
    double hx = into ? x0 : x1 - (x1 - x0) / length * (radius + 8);
    double hy = into ? y0 : y1 - (y1 - y0) / length * (radius + 8);

    cost += _sb_map_overlap_area (builder->town_sides, &GRAPHENE_RECT_INIT (hx - 8, hy - 8, 16, 16)) * 3;
  }

  /* A symbol's ring is round, and its box's corners free for names: a
   * "?" or a head there touches the ring all the same (the "?" of the US
   * troops leaving Niamey on the Africa Corps' ring).
   */
  {
    double length = MAX (hypot (x1 - x0, y1 - y0), 1);
    double hx = into ? x0 : x1 - (x1 - x0) / length * (radius + 8);
    double hy = into ? y0 : y1 - (y1 - y0) / length * (radius + 8);

    for (guint i = 0; i < builder->layout->marks->len; i++)
      {
        const SbMapMark *symbol = &g_array_index (builder->layout->marks, SbMapMark, i);
        double reach = symbol_reach (symbol) + STUB_SYMBOL_ROOM;

        if (symbol->card >= 0)
          continue;
        if (hypot (symbol->x - x1, symbol->y - y1) < reach + radius)
          cost += 3000;
        if (hypot (symbol->x - hx, symbol->y - hy) < reach + 8)
          cost += 3000;
      }
  }

  /* A town whose every side the "?" would take (with what is there
   * already) could only be named under something.
   */
  for (guint t = 0; t + SB_MAP_TOWN_SIDES <= builder->town_sides->len; t += SB_MAP_TOWN_SIDES)
    {
      gboolean touched = FALSE, free_side = FALSE;

      for (guint k = 0; k < SB_MAP_TOWN_SIDES; k++)
        touched |= sb_map_rect_overlap (&g_array_index (builder->town_sides, graphene_rect_t, t + k), &mark) > 0;
      for (guint k = 0; touched && !free_side && k < SB_MAP_TOWN_SIDES; k++)
        {
          const graphene_rect_t *side = &g_array_index (builder->town_sides, graphene_rect_t, t + k);

          free_side = sb_map_rect_overlap (side, &mark) == 0 &&
                      _sb_map_overlap_area (builder->arrow_marks, side) + _sb_map_overlap_area (builder->obstacles, side) <
                      0.1 * side->size.width * side->size.height;
        }
      if (touched && !free_side)
        cost += 5000;
    }

  return cost;
}

/* How far from a point its symbols reach: a head into it stops there. */
static double
symbols_extent_at (SbMapBuilder *builder,
                   double        x,
                   double        y)
{
  double extent = 0;

  for (guint i = 0; i < builder->layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (builder->layout->marks, SbMapMark, i);

      if (mark->card < 0 && hypot (mark->x - x, mark->y - y) < 1)
        extent = MAX (extent, symbol_reach (mark));
    }

  /* (and a little room: a head against a ring reads as part of it) */
  return extent > 0 ? extent + STUB_SYMBOL_ROOM : 0;
}

/* A movement that the source gives only one end of is a head into (or
 * out of) it, from whichever side is free; up and to the left (into) or
 * right (out of) when all are.
 */
static void
layout_stub (SbMapBuilder    *builder,
             const SbMapCard *card,
             gboolean         into,
             gboolean         selected,
             double          *x0,
             double          *y0,
             double          *x1,
             double          *y1)
{
  static const double angles[] = { -127, -53, 180, 0, -90, 127, 53, 90, -155, -25, 155, 25, -105, -75, 105, 75 };
  /* Longer where the short one would crowd a town's name or another. */
  const double lengths[] = { STUB_LENGTH (selected), STUB_LENGTH (selected) * 1.6, STUB_LENGTH (selected) * 2.2 };
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
            double clear = symbols_extent_at (builder, into ? *x1 : *x0, into ? *y1 : *y0);

            ex = (into ? *x1 : *x0) + dx * clear;
            ey = (into ? *y1 : *y0) + dy * clear;
          }
        fx = ex + dx * lengths[l];
        fy = ey + dy * lengths[l];

        /* The preferred side and length win ties, and small overlaps. */
        cost = stub_cost (builder, ex + dx * 6, ey + dy * 6, fx, fy, STUB_MARK_RADIUS (selected), into) + a * 20 + l * 150;
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
layout_arrow (SbMapBuilder *builder,
              SbItem       *item,
              guint         index,
              gboolean      stubs,
              SbMapArrow   *arrow)
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

  arrow->selected = sb_map_layout_emphasis (builder->selection, item, &arrow->dimmed);
  if (origin == NULL)
    layout_stub (builder, to, TRUE, arrow->selected, &arrow->x0, &arrow->y0, &arrow->x1, &arrow->y1);
  else if (destination == NULL)
    layout_stub (builder, from, FALSE, arrow->selected, &arrow->x0, &arrow->y0, &arrow->x1, &arrow->y1);
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
  arrow->from_point = origin != NULL && from == NULL && destination != NULL;
  arrow->origin_unknown = origin == NULL;
  arrow->destination_unknown = destination == NULL;

  length = hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0);
  bend = (index % 2 ? -0.16 : 0.16) * length;
  arrow->cx = (arrow->x0 + arrow->x1) / 2 - bend * (arrow->y1 - arrow->y0) / MAX (length, 1);
  arrow->cy = (arrow->y0 + arrow->y1) / 2 + bend * (arrow->x1 - arrow->x0) / MAX (length, 1);

  return length > 1;
}

/* The "?" of a short arrow and its head, where the movement layer draws
 * them.
 */
static void
add_stub_marks (SbMapBuilder     *builder,
                const SbMapArrow *arrow)
{
  double head = STUB_HEAD (arrow->selected);
  double radius = STUB_MARK_RADIUS (arrow->selected);
  double angle = atan2 (arrow->y1 - arrow->y0, arrow->x1 - arrow->x0);
  double mark_x = arrow->origin_unknown ? arrow->x0 : arrow->x1;
  double mark_y = arrow->origin_unknown ? arrow->y0 : arrow->y1;
  double tip_x = arrow->x1, tip_y = arrow->y1;

  if (!arrow->origin_unknown)
    {
      double tip = MAX (head, hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0) - head * 0.55 - 2);

      tip_x = arrow->x0 + cos (angle) * tip;
      tip_y = arrow->y0 + sin (angle) * tip;
    }

  graphene_rect_t boxes[] = {
    GRAPHENE_RECT_INIT (mark_x - radius, mark_y - radius, 2 * radius, 2 * radius),
    GRAPHENE_RECT_INIT (tip_x - cos (angle) * head / 2 - head / 2, tip_y - sin (angle) * head / 2 - head / 2, head, head),
  };

  g_array_append_vals (builder->arrow_marks, boxes, G_N_ELEMENTS (boxes));
  g_array_append_vals (builder->stub_marks, boxes, G_N_ELEMENTS (boxes));
}

/* Arrows between two known places first, as they cannot move; then the
 * short ones, which choose a free side.
 */
void
_sb_map_arrows_collect (SbMapBuilder *builder,
                        gboolean      stubs)
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

      /* The towns' names keep clear of the line, and of a short one's
       * head and "?", as of symbols.
       */
      for (guint s = 0; s <= 16; s++)
        {
          double x, y;

          sb_map_arrow_point_at (&arrow, s / 16.0, &x, &y);
          g_array_append_val (builder->arrow_marks, GRAPHENE_RECT_INIT (x - 4, y - 4, 8, 8));
        }
      if (arrow.origin_unknown || arrow.destination_unknown)
        add_stub_marks (builder, &arrow);
    }
}

