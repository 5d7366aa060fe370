/* sb-pulse.c
 *
 * A ring that swells once around each highlighted statement as a slide
 * appears.
 *
 * Drawn in a widget of its own over the map, so the map's layers, which
 * draw into textures, are not redrawn on every frame of the pulse. Each
 * frame asks the map where each statement is drawn: a card laid out anew
 * as the map settles takes its symbols along, and the rings follow them
 * rather than stay where they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-pulse"

#include "config.h"

#include "sb-pulse.h"

#define DURATION_US (1400 * 1000)
#define MAX_RINGS 64

struct _SbPulse
{
  GtkWidget parent_instance;

  SbMapView *map_view;
  GPtrArray *items;        /* of SbItem */
  gint64 start_time;
  guint tick;
  double progress;
};

G_DEFINE_FINAL_TYPE (SbPulse, sb_pulse, GTK_TYPE_WIDGET)

/* Where the map draws the statement: its symbol, on its area's card if
 * it is known only to a country or region, or its arrow; never the middle
 * of a country.
 */
static void
add_item (SbPulse *self,
          SbItem  *item)
{
  double x, y;

  if (self->items->len >= MAX_RINGS || self->map_view == NULL ||
      !sb_map_view_locate_item (self->map_view, item, &x, &y))
    return;

  g_ptr_array_add (self->items, g_object_ref (item));
}

/**
 * sb_pulse_locate_ring:
 *
 * Gets where the @index-th ring is drawn, in the pulse's coordinates:
 * where the map draws its statement now.
 *
 * Returns: %FALSE if there is no such ring, or its statement is not drawn
 */
gboolean
sb_pulse_locate_ring (SbPulse *self,
                      guint    index,
                      double  *x,
                      double  *y)
{
  graphene_point_t point;

  g_return_val_if_fail (SB_IS_PULSE (self), FALSE);

  if (index >= self->items->len || self->map_view == NULL ||
      !sb_map_view_locate_item (self->map_view, g_ptr_array_index (self->items, index), x, y))
    return FALSE;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->map_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (*x, *y), &point))
    return FALSE;

  *x = point.x;
  *y = point.y;
  return TRUE;
}

/**
 * sb_pulse_get_n_rings:
 *
 * Returns: how many rings swell now
 */
guint
sb_pulse_get_n_rings (SbPulse *self)
{
  g_return_val_if_fail (SB_IS_PULSE (self), 0);

  return self->items->len;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SbPulse *self = SB_PULSE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->start_time == 0)
    self->start_time = now;

  self->progress = (double) (now - self->start_time) / DURATION_US;
  gtk_widget_queue_draw (widget);

  if (self->progress >= 1.0)
    {
      self->tick = 0;
      g_ptr_array_set_size (self->items, 0);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * sb_pulse_start:
 * @entities: (nullable): statements and actors; an actor pulses at each of
 *   its statements
 */
void
sb_pulse_start (SbPulse    *self,
                SbBriefing *briefing,
                GPtrArray  *entities)
{
  gboolean animate;

  g_return_if_fail (SB_IS_PULSE (self));

  sb_pulse_stop (self);

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (entities, i);

      if (SB_IS_ITEM (entity))
        add_item (self, SB_ITEM (entity));
      else if (SB_IS_ACTOR (entity) && briefing != NULL)
        {
          GPtrArray *items = sb_briefing_get_items_for_actor (briefing, SB_ACTOR (entity));

          for (guint j = 0; items != NULL && j < items->len; j++)
            add_item (self, g_ptr_array_index (items, j));
        }
    }

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  if (self->items->len == 0 || !animate)
    {
      g_ptr_array_set_size (self->items, 0);
      return;
    }

  self->start_time = 0;
  self->progress = 0;
  self->tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

void
sb_pulse_stop (SbPulse *self)
{
  g_return_if_fail (SB_IS_PULSE (self));

  if (self->tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick);
  self->tick = 0;
  g_ptr_array_set_size (self->items, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sb_pulse_is_running (SbPulse *self)
{
  g_return_val_if_fail (SB_IS_PULSE (self), FALSE);

  return self->tick != 0;
}

static void
sb_pulse_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  SbPulse *self = SB_PULSE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double unit = MAX (height / 1080.0, 0.6);
  double t = CLAMP (self->progress, 0, 1);
  double ease = 1 - (1 - t) * (1 - t);
  cairo_t *cr;

  if (self->items->len == 0 || width <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->items->len; i++)
    {
      double x, y;

      if (!sb_pulse_locate_ring (self, i, &x, &y))
        continue;

      /* Dark under light: visible on a washed-out projector and on
       * either base map.
       */
      cairo_new_path (cr);
      cairo_arc (cr, x, y, (18 + 70 * ease) * unit, 0, 2 * G_PI);
      cairo_set_line_width (cr, 9 * unit);
      cairo_set_source_rgba (cr, 0.0, 0.0, 0.0, 0.55 * (1 - t));
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 5 * unit);
      cairo_set_source_rgba (cr, 1.0, 0.78, 0.0, 1 - t);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
sb_pulse_dispose (GObject *object)
{
  SbPulse *self = (SbPulse *)object;

  if (self->tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick);
  self->tick = 0;
  g_clear_weak_pointer (&self->map_view);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_pulse_parent_class)->dispose (object);
}

static void
sb_pulse_class_init (SbPulseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_pulse_dispose;
  widget_class->snapshot = sb_pulse_snapshot;
}

static void
sb_pulse_init (SbPulse *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/**
 * sb_pulse_new:
 * @map_view: the map the pulse is drawn over, the same size
 */
SbPulse *
sb_pulse_new (SbMapView *map_view)
{
  SbPulse *self;

  g_return_val_if_fail (SB_IS_MAP_VIEW (map_view), NULL);

  self = g_object_new (SB_TYPE_PULSE, NULL);
  g_set_weak_pointer (&self->map_view, map_view);

  return self;
}
