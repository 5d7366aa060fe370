/* sb-movement-layer.c
 *
 * The layer of movements, drawn as arrows from where to where.
 *
 * Arrows bend slightly, alternately left and right, so that two movements
 * along the same line stay apart. A movement whose origin (or destination)
 * the source does not give is only a head into (or out of) its one place,
 * with a "?" for the end not given: no line from a point it does not give.
 * One from or to a country or region starts or ends at the edge of its
 * card, never at its middle; where arrows go is laid out in
 * sb-map-layout.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-movement-layer"

#include "config.h"

#include "sb-movement-layer.h"
#include "sb-symbols.h"

#define HIT_TOLERANCE 7.0
#define N_SAMPLES 32

struct _SbMovementLayer
{
  SbMapLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (SbMovementLayer, sb_movement_layer, SB_TYPE_MAP_LAYER)

static void
trace_arrow (cairo_t          *cr,
             const SbMapArrow *arrow,
             double            head)
{
  double length = hypot (arrow->x1 - arrow->cx, arrow->y1 - arrow->cy);
  double ex = arrow->x1 - (arrow->x1 - arrow->cx) / MAX (length, 1) * head * 0.6;
  double ey = arrow->y1 - (arrow->y1 - arrow->cy) / MAX (length, 1) * head * 0.6;

  /* A quadratic curve as cairo's cubic, ending under the head. */
  cairo_move_to (cr, arrow->x0, arrow->y0);
  cairo_curve_to (cr,
                  arrow->x0 + 2.0 / 3.0 * (arrow->cx - arrow->x0), arrow->y0 + 2.0 / 3.0 * (arrow->cy - arrow->y0),
                  ex + 2.0 / 3.0 * (arrow->cx - ex), ey + 2.0 / 3.0 * (arrow->cy - ey),
                  ex, ey);
}

static gboolean
is_dashed (SbItem *item)
{
  SbCertainty certainty = sb_item_get_certainty (item);

  return certainty == SB_CERTAINTY_FEARED || certainty == SB_CERTAINTY_PROJECTED ||
         sb_item_get_movement_status (item) == SB_MOVEMENT_STATUS_PLANNED;
}

/* An arrow's head with its halo, its path left to fill (or stroke) in
 * the movement's colour, which is set.
 */
static void
trace_head (cairo_t      *cr,
            double        x,
            double        y,
            double        angle,
            double        head,
            const double *rgb,
            double        alpha,
            gboolean      dark)
{
  sb_symbol_paint_arrow_head (cr, x, y, angle, head);
  cairo_set_line_width (cr, 2.5);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.7 * alpha);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.9 * alpha);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

/* A movement the source gives one end of: a head into or out of it and,
 * where the line would come from or go, the "?" of the end not given.
 */
static void
draw_one_end (SbMovementLayer  *self,
              cairo_t          *cr,
              const SbMapArrow *arrow,
              const double     *rgb,
              double            alpha,
              double            head)
{
  gboolean dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));
  double length = hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0);
  double angle = atan2 (arrow->y1 - arrow->y0, arrow->x1 - arrow->x0);
  double radius = head * 0.55;
  double tip_x, tip_y, mark_x, mark_y;

  if (arrow->origin_unknown)
    {
      tip_x = arrow->x1;
      tip_y = arrow->y1;
      mark_x = arrow->x0;
      mark_y = arrow->y0;
    }
  else
    {
      double tip = MAX (head, length - radius - 2);

      tip_x = arrow->x0 + cos (angle) * tip;
      tip_y = arrow->y0 + sin (angle) * tip;
      mark_x = arrow->x1;
      mark_y = arrow->y1;
    }

  if (arrow->selected)
    {
      cairo_new_path (cr);
      cairo_arc (cr, mark_x, mark_y, radius + 4, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1.0, 0.84, 0.0, 0.6);
      cairo_fill (cr);
      sb_symbol_paint_arrow_head (cr, tip_x, tip_y, angle, head + 5);
      cairo_fill (cr);
    }

  trace_head (cr, tip_x, tip_y, angle, head, rgb, alpha, dark);
  /* Less certain: an outline only, in the certainty's dashes. */
  if (is_dashed (arrow->item) || sb_item_get_certainty (arrow->item) == SB_CERTAINTY_ESTIMATED ||
      sb_item_get_certainty (arrow->item) == SB_CERTAINTY_UNCLEAR)
    {
      if (is_dashed (arrow->item))
        {
          double dashes[] = { 3, 2 };

          cairo_set_dash (cr, dashes, 2, 0);
        }
      else
        sb_symbol_set_certainty_dash (cr, sb_item_get_certainty (arrow->item), 2);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    cairo_fill (cr);

  sb_symbol_paint_unknown_end (cr, mark_x, mark_y, radius, rgb, alpha, dark);
}

static void
draw_movement (SbMovementLayer  *self,
               cairo_t          *cr,
               const SbMapArrow *arrow)
{
  SbItem *item = arrow->item;
  SbActor *actor = sb_item_get_actor (item, 0);
  gboolean dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));
  gboolean dimmed = arrow->dimmed;
  gboolean selected = arrow->selected;
  double width = selected ? 5 : 3.5;
  double head = width * 4.5;
  double angle = atan2 (arrow->y1 - arrow->cy, arrow->x1 - arrow->cx);
  double alpha = dimmed ? 0.35 : 1.0;
  double rgb[3];

  sb_colour_to_rgb (actor ? sb_actor_get_colour (actor) : 0x555555, rgb);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (arrow->origin_unknown || arrow->destination_unknown)
    {
      draw_one_end (self, cr, arrow, rgb, alpha, head);
      cairo_restore (cr);
      return;
    }

  cairo_new_path (cr);
  trace_arrow (cr, arrow, head);

  if (selected)
    {
      cairo_set_line_width (cr, width + 8);
      cairo_set_source_rgba (cr, 1.0, 0.84, 0.0, 0.6);
      cairo_stroke_preserve (cr);
    }

  cairo_set_line_width (cr, width + 3);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.7 * alpha);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.9 * alpha);
  cairo_stroke_preserve (cr);

  if (is_dashed (item))
    {
      double dashes[] = { width * 2.6, width * 1.6 };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  else
    sb_symbol_set_certainty_dash (cr, sb_item_get_certainty (item), width);

  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  trace_head (cr, arrow->x1, arrow->y1, angle, head, rgb, alpha, dark);
  cairo_fill (cr);

  /* Where a movement starts from an exact place, a small dot marks it;
   * from a country or region, it leaves its card.
   */
  if (arrow->from_point)
    {
      cairo_arc (cr, arrow->x0, arrow->y0, width * 0.9, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

static void
sb_movement_layer_draw (SbMapLayer         *layer,
                        cairo_t            *cr,
                        const SbProjection *projection)
{
  SbMovementLayer *self = SB_MOVEMENT_LAYER (layer);
  g_autoptr(SbMapLayout) layout = sb_map_layer_get_layout (layer, projection);

  /* The selected arrows go on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->arrows->len; i++)
      {
        const SbMapArrow *arrow = &g_array_index (layout->arrows, SbMapArrow, i);

        if (arrow->selected == (pass == 1))
          draw_movement (self, cr, arrow);
      }
}

static SbEntity *
sb_movement_layer_pick (SbMapLayer         *layer,
                        const SbProjection *projection,
                        double              x,
                        double              y,
                        double             *distance)
{
  g_autoptr(SbMapLayout) layout = sb_map_layer_get_layout (layer, projection);
  SbEntity *best = NULL;

  *distance = HIT_TOLERANCE;

  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SbMapArrow *arrow = &g_array_index (layout->arrows, SbMapArrow, i);
      double previous_x, previous_y;

      sb_map_arrow_point_at (arrow, 0, &previous_x, &previous_y);
      for (guint s = 1; s <= N_SAMPLES; s++)
        {
          double px, py, nx, ny, d;

          sb_map_arrow_point_at (arrow, (double) s / N_SAMPLES, &px, &py);
          d = sqrt (sb_segment_distance_squared (x, y, previous_x, previous_y, px, py, &nx, &ny));
          if (d <= *distance)
            {
              *distance = d;
              best = SB_ENTITY (arrow->item);
            }
          previous_x = px;
          previous_y = py;
        }
    }

  return best;
}

static void
sb_movement_layer_class_init (SbMovementLayerClass *klass)
{
  SbMapLayerClass *layer_class = SB_MAP_LAYER_CLASS (klass);

  layer_class->draw = sb_movement_layer_draw;
  layer_class->pick = sb_movement_layer_pick;
}

static void
sb_movement_layer_init (SbMovementLayer *self)
{
}

SbMovementLayer *
sb_movement_layer_new (ShumateViewport *viewport,
                       SbSelection     *selection)
{
  return g_object_new (SB_TYPE_MOVEMENT_LAYER,
                       "viewport", viewport,
                       "selection", selection,
                       NULL);
}
