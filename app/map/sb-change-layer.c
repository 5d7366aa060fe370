/* sb-change-layer.c
 *
 * Marks drawn over the item layer's symbols, where that layer laid them
 * out: a ring and a plus for what was added, a ring and a triangle for
 * what changed, and for what was removed a dashed ghost with a cross
 * where it stood. Colours (Okabe and Ito's bluish green and orange) and
 * shapes both tell them apart, for colour-blind viewers and projectors.
 *
 * A removed statement is drawn only where its place is a point or near
 * one: one known only to a country or region has no point to stand on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-change-layer"

#include "config.h"

#include "sb-change-layer.h"
#include "sb-map-layout.h"

struct _SbChangeLayer
{
  SbMapLayer parent_instance;

  SbComparison *comparison;
};

G_DEFINE_FINAL_TYPE (SbChangeLayer, sb_change_layer, SB_TYPE_MAP_LAYER)

static const double added_rgb[3] = { 0.0, 0.62, 0.45 };    /* #009E73 */
static const double changed_rgb[3] = { 0.90, 0.62, 0.0 };  /* #E69F00 */
static const double removed_rgb[3] = { 0.40, 0.40, 0.40 };

static void
halo_then_ink (cairo_t      *cr,
               const double *rgb,
               double        width,
               gboolean      dark)
{
  cairo_set_line_width (cr, width + 3);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_stroke (cr);
}

static void
paint_badge (cairo_t      *cr,
             const double *rgb,
             double        x,
             double        y,
             double        size,
             gboolean      dark)
{
  cairo_arc (cr, x, y, size, 0, 2 * G_PI);
  if (dark)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_stroke (cr);
}

/**
 * sb_change_mark_paint:
 * @radius: the radius of the symbol marked
 *
 * Paints the mark of one change around a symbol at (@x, @y); the legend
 * paints its samples with it too.
 */
void
sb_change_mark_paint (cairo_t      *cr,
                      SbChangeKind  kind,
                      double        x,
                      double        y,
                      double        radius,
                      gboolean      dark)
{
  double ring = radius + 4;
  double badge = MAX (4.5, radius * 0.45);
  double bx = x + ring * 0.72, by = y - ring * 0.72;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  switch (kind)
    {
    case SB_CHANGE_ADDED:
      cairo_arc (cr, x, y, ring, 0, 2 * G_PI);
      halo_then_ink (cr, added_rgb, 2.5, dark);
      paint_badge (cr, added_rgb, bx, by, badge, dark);
      cairo_move_to (cr, bx - badge * 0.55, by);
      cairo_line_to (cr, bx + badge * 0.55, by);
      cairo_move_to (cr, bx, by - badge * 0.55);
      cairo_line_to (cr, bx, by + badge * 0.55);
      cairo_set_line_width (cr, 1.8);
      cairo_stroke (cr);
      break;

    case SB_CHANGE_CHANGED:
      cairo_arc (cr, x, y, ring, 0, 2 * G_PI);
      halo_then_ink (cr, changed_rgb, 2.5, dark);
      paint_badge (cr, changed_rgb, bx, by, badge, dark);
      cairo_move_to (cr, bx, by - badge * 0.6);
      cairo_line_to (cr, bx + badge * 0.55, by + badge * 0.4);
      cairo_line_to (cr, bx - badge * 0.55, by + badge * 0.4);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case SB_CHANGE_REMOVED:
    default:
      {
        double dashes[] = { 3, 3 };

        cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
        if (dark)
          cairo_set_source_rgba (cr, 1, 1, 1, 0.12);
        else
          cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, dashes, 2, 0);
        halo_then_ink (cr, removed_rgb, 1.8, dark);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_move_to (cr, x - radius * 0.5, y - radius * 0.5);
        cairo_line_to (cr, x + radius * 0.5, y + radius * 0.5);
        cairo_move_to (cr, x + radius * 0.5, y - radius * 0.5);
        cairo_line_to (cr, x - radius * 0.5, y + radius * 0.5);
        halo_then_ink (cr, removed_rgb, 1.8, dark);
      }
      break;
    }

  cairo_restore (cr);
}

static gboolean
has_point (SbPlace *place)
{
  return place != NULL && !sb_map_layout_uses_cards (place);
}

static void
draw_ghosts (SbChangeLayer      *self,
             cairo_t            *cr,
             const SbProjection *projection,
             gboolean            dark)
{
  GPtrArray *removed = sb_comparison_get_removed_items (self->comparison);
  double width = projection->half_width * 2, height = projection->half_height * 2;

  for (guint i = 0; i < removed->len; i++)
    {
      SbItem *item = g_ptr_array_index (removed, i);
      SbPlace *place = sb_item_get_place (item);
      double x, y;

      if (!has_point (place))
        continue;

      sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
      if (x < -20 || y < -20 || x > width + 20 || y > height + 20)
        continue;

      sb_change_mark_paint (cr, SB_CHANGE_REMOVED, x, y, sb_map_layout_symbol_radius (item), dark);
    }
}

static void
sb_change_layer_draw (SbMapLayer         *layer,
                      cairo_t            *cr,
                      const SbProjection *projection)
{
  SbChangeLayer *self = SB_CHANGE_LAYER (layer);
  g_autoptr(SbMapLayout) layout = NULL;
  gboolean dark = sb_map_layer_is_dark (layer);

  if (self->comparison == NULL)
    return;

  draw_ghosts (self, cr, projection, dark);

  layout = sb_map_layer_get_layout (layer, projection);
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (layout->marks, SbMapMark, i);
      SbChange *change = sb_comparison_lookup (self->comparison, sb_entity_get_id (SB_ENTITY (mark->item)));

      if (change != NULL && sb_change_get_after (change) == SB_ENTITY (mark->item))
        sb_change_mark_paint (cr, sb_change_get_kind (change), mark->x, mark->y, mark->radius, dark);
    }

  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SbMapArrow *arrow = &g_array_index (layout->arrows, SbMapArrow, i);
      SbChange *change = sb_comparison_lookup (self->comparison, sb_entity_get_id (SB_ENTITY (arrow->item)));

      if (change != NULL && sb_change_get_after (change) == SB_ENTITY (arrow->item))
        sb_change_mark_paint (cr, sb_change_get_kind (change), arrow->x1, arrow->y1, 6, dark);
    }
}

static SbEntity *
sb_change_layer_pick (SbMapLayer         *layer,
                      const SbProjection *projection,
                      double              x,
                      double              y,
                      double             *distance)
{
  return NULL;
}

static void
sb_change_layer_dispose (GObject *object)
{
  SbChangeLayer *self = SB_CHANGE_LAYER (object);

  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (sb_change_layer_parent_class)->dispose (object);
}

static void
sb_change_layer_class_init (SbChangeLayerClass *klass)
{
  SbMapLayerClass *layer_class = SB_MAP_LAYER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sb_change_layer_dispose;
  layer_class->draw = sb_change_layer_draw;
  layer_class->pick = sb_change_layer_pick;
}

static void
sb_change_layer_init (SbChangeLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

SbChangeLayer *
sb_change_layer_new (ShumateViewport *viewport,
                     SbSelection     *selection)
{
  return g_object_new (SB_TYPE_CHANGE_LAYER,
                       "viewport", viewport,
                       "selection", selection,
                       NULL);
}

/**
 * sb_change_layer_set_comparison:
 * @comparison: (nullable): what to mark, or NULL for nothing
 */
void
sb_change_layer_set_comparison (SbChangeLayer *self,
                                SbComparison  *comparison)
{
  g_return_if_fail (SB_IS_CHANGE_LAYER (self));

  if (g_set_object (&self->comparison, comparison))
    sb_map_layer_invalidate (SB_MAP_LAYER (self));
}

SbComparison *
sb_change_layer_get_comparison (SbChangeLayer *self)
{
  g_return_val_if_fail (SB_IS_CHANGE_LAYER (self), NULL);

  return self->comparison;
}
