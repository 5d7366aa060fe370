/* sb-item-layer.c
 *
 * Symbols whose places lie closer than their size are gathered in a ring
 * around the spot, with leader lines to it where the spot is exact; the
 * labels that fit go beside their symbols and the others wait for zoom.
 */

#define G_LOG_DOMAIN "sb-item-layer"

#include "config.h"

#include <pango/pangocairo.h>

#include "sb-item-layer.h"
#include "sb-symbols.h"

#define INCIDENT_RADIUS 9.0
#define HIT_SLACK 4.0

struct _SbItemLayer
{
  SbMapLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (SbItemLayer, sb_item_layer, SB_TYPE_MAP_LAYER)

typedef struct
{
  SbItem *item;
  double anchor_x, anchor_y; /* where the place is */
  double x, y;               /* where the symbol is drawn */
  double radius;
  guint group;
  gboolean displaced;
  gboolean selected;
  gboolean dimmed;
} Mark;

static double
symbol_radius (SbItem *item)
{
  const SbQuantity *strength;

  if (sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT)
    return INCIDENT_RADIUS;

  /* Grows with the logarithm of strength: 50 → 10 px, 1,000 → 13 px. */
  strength = sb_item_get_strength (item);
  if (!sb_quantity_is_set (strength))
    return 9.0;

  return CLAMP (6.5 + 2.2 * log10 (MAX (sb_quantity_get_typical (strength), 1)), 8.0, 16.0);
}

static int
compare_marks_for_grouping (gconstpointer a,
                            gconstpointer b)
{
  const Mark *ma = a, *mb = b;

  if (ma->anchor_x != mb->anchor_x)
    return ma->anchor_x < mb->anchor_x ? -1 : 1;
  return ma->anchor_y < mb->anchor_y ? -1 : ma->anchor_y > mb->anchor_y;
}

/* Symbols that would overlap are set around their common spot. */
static void
spread_groups (GArray *marks)
{
  guint n_groups = 0;

  g_array_sort (marks, compare_marks_for_grouping);

  for (guint i = 0; i < marks->len; i++)
    g_array_index (marks, Mark, i).group = G_MAXUINT;

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *first = &g_array_index (marks, Mark, i);
      g_autoptr(GPtrArray) members = NULL;
      double ring, max_radius = 0;

      if (first->group != G_MAXUINT)
        continue;

      members = g_ptr_array_new ();
      first->group = n_groups;
      g_ptr_array_add (members, first);

      for (guint j = i + 1; j < marks->len; j++)
        {
          Mark *other = &g_array_index (marks, Mark, j);

          if (other->group == G_MAXUINT &&
              hypot (other->anchor_x - first->anchor_x, other->anchor_y - first->anchor_y) <
              (first->radius + other->radius) * 0.9)
            {
              other->group = n_groups;
              g_ptr_array_add (members, other);
            }
        }

      n_groups++;
      if (members->len < 2)
        continue;

      for (guint m = 0; m < members->len; m++)
        max_radius = MAX (max_radius, ((Mark *) g_ptr_array_index (members, m))->radius);

      ring = MAX (max_radius * 1.9, members->len * (2 * max_radius + 5) / (2 * G_PI));
      for (guint m = 0; m < members->len; m++)
        {
          Mark *mark = g_ptr_array_index (members, m);
          double angle = -G_PI / 2 + 2 * G_PI * m / members->len;

          mark->x = first->anchor_x + ring * cos (angle);
          mark->y = first->anchor_y + ring * sin (angle);
          mark->displaced = TRUE;
        }
    }
}

static GArray *
layout_marks (SbItemLayer        *self,
              const SbProjection *projection)
{
  SbSelection *selection = sb_map_layer_get_selection (SB_MAP_LAYER (self));
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  const SbItemKind kinds[] = { SB_ITEM_KIND_DEPLOYMENT, SB_ITEM_KIND_INCIDENT };
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (Mark));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *items = sb_briefing_get_items (briefing, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SbItem) item = g_list_model_get_item (items, i);
          SbPlace *place = sb_item_get_place (item);
          Mark mark = { 0, };

          if (place == NULL || !sb_selection_item_is_visible (selection, item))
            continue;

          mark.item = item;
          sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place),
                                   &mark.anchor_x, &mark.anchor_y);
          mark.x = mark.anchor_x;
          mark.y = mark.anchor_y;
          mark.radius = symbol_radius (item);
          mark.selected = sb_map_layer_is_emphasised (SB_MAP_LAYER (self), item, &mark.dimmed);
          g_array_append_val (marks, mark);
        }
    }

  spread_groups (marks);
  return marks;
}

static void
fill_style (SbItemLayer   *self,
            const Mark    *mark,
            SbSymbolStyle *style)
{
  SbActor *actor = sb_item_get_actor (mark->item, 0);

  memset (style, 0, sizeof *style);
  sb_colour_to_rgb (actor ? sb_actor_get_colour (actor) : 0x4d4d4d, style->rgb);
  style->certainty = sb_item_get_certainty (mark->item);
  style->selected = mark->selected;
  style->dimmed = mark->dimmed;
  style->dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));

  if (sb_item_get_kind (mark->item) == SB_ITEM_KIND_DEPLOYMENT)
    {
      switch (sb_item_get_deployment_status (mark->item))
        {
        case SB_DEPLOYMENT_STATUS_ARRIVING:
        case SB_DEPLOYMENT_STATUS_DEPARTING:
          style->half = TRUE;
          break;
        case SB_DEPLOYMENT_STATUS_WITHDRAWN:
          style->struck = TRUE;
          G_GNUC_FALLTHROUGH;
        case SB_DEPLOYMENT_STATUS_DEPARTED:
        case SB_DEPLOYMENT_STATUS_PLANNED:
          style->hollow = TRUE;
          break;
        case SB_DEPLOYMENT_STATUS_PRESENT:
        default:
          break;
        }
    }
}

static void
draw_leader (cairo_t    *cr,
             const Mark *mark,
             gboolean    dark)
{
  SbPlacePrecision precision = sb_place_get_precision (sb_item_get_place (mark->item));

  cairo_new_path (cr);
  cairo_move_to (cr, mark->anchor_x, mark->anchor_y);
  cairo_line_to (cr, mark->x, mark->y);
  cairo_set_line_width (cr, 1.2);
  if (dark)
    cairo_set_source_rgba (cr, 0.9, 0.9, 0.9, mark->dimmed ? 0.25 : 0.7);
  else
    cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, mark->dimmed ? 0.25 : 0.7);
  cairo_stroke (cr);

  /* Only an exact spot earns a dot: a country is not a point. */
  if (precision == SB_PLACE_PRECISION_POINT || precision == SB_PLACE_PRECISION_NEAR)
    {
      cairo_arc (cr, mark->anchor_x, mark->anchor_y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_symbol (SbItemLayer *self,
             cairo_t     *cr,
             const Mark  *mark)
{
  SbSymbolStyle style;

  fill_style (self, mark, &style);

  if (sb_item_get_kind (mark->item) == SB_ITEM_KIND_INCIDENT)
    sb_symbol_paint_incident (cr, sb_item_get_incident_type (mark->item), &style,
                              mark->x, mark->y, mark->radius);
  else
    sb_symbol_paint_deployment (cr, sb_actor_get_kind (sb_item_get_actor (mark->item, 0)), &style,
                                mark->x, mark->y, mark->radius);
}

static gboolean
rect_is_free (GArray                *taken,
              const graphene_rect_t *rect)
{
  for (guint i = 0; i < taken->len; i++)
    if (graphene_rect_intersection (&g_array_index (taken, graphene_rect_t, i), rect, NULL))
      return FALSE;

  return TRUE;
}

static int
compare_label_priority (gconstpointer a,
                        gconstpointer b)
{
  const Mark *ma = *(const Mark **) a, *mb = *(const Mark **) b;

  if (ma->selected != mb->selected)
    return ma->selected ? -1 : 1;
  if (ma->dimmed != mb->dimmed)
    return ma->dimmed ? 1 : -1;
  return mb->radius > ma->radius ? 1 : mb->radius < ma->radius ? -1 : 0;
}

/* Deployments are labelled with their actor; a label that would cover
 * another label or symbol is left out.
 */
static void
draw_labels (SbItemLayer *self,
             cairo_t     *cr,
             GArray      *marks)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 9.5");
  gboolean dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));

  pango_layout_set_font_description (layout, font);

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (mark->x - mark->radius, mark->y - mark->radius,
                                                 2 * mark->radius, 2 * mark->radius);

      g_array_append_val (taken, rect);
      if (sb_item_get_kind (mark->item) == SB_ITEM_KIND_DEPLOYMENT)
        g_ptr_array_add (order, mark);
    }
  g_ptr_array_sort (order, compare_label_priority);

  for (guint i = 0; i < order->len; i++)
    {
      Mark *mark = g_ptr_array_index (order, i);
      SbActor *actor = sb_item_get_actor (mark->item, 0);
      PangoRectangle extents;
      double gap = mark->radius + 4;
      double candidates[4][2];

      pango_layout_set_text (layout, sb_actor_get_map_label (actor), -1);
      pango_layout_get_pixel_extents (layout, NULL, &extents);

      candidates[0][0] = mark->x + gap;
      candidates[0][1] = mark->y - extents.height / 2.0;
      candidates[1][0] = mark->x - gap - extents.width;
      candidates[1][1] = mark->y - extents.height / 2.0;
      candidates[2][0] = mark->x - extents.width / 2.0;
      candidates[2][1] = mark->y + gap;
      candidates[3][0] = mark->x - extents.width / 2.0;
      candidates[3][1] = mark->y - gap - extents.height;

      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (candidates[c][0] - 2, candidates[c][1],
                                                     extents.width + 4, extents.height);

          if (!rect_is_free (taken, &rect))
            continue;

          g_array_append_val (taken, rect);
          cairo_move_to (cr, candidates[c][0], candidates[c][1]);
          pango_cairo_layout_path (cr, layout);
          cairo_set_line_width (cr, 3.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          if (dark)
            cairo_set_source_rgba (cr, 0, 0, 0, mark->dimmed ? 0.3 : 0.85);
          else
            cairo_set_source_rgba (cr, 1, 1, 1, mark->dimmed ? 0.3 : 0.92);
          cairo_stroke_preserve (cr);
          if (dark)
            cairo_set_source_rgba (cr, 0.95, 0.95, 0.95, mark->dimmed ? 0.35 : 1.0);
          else
            cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, mark->dimmed ? 0.35 : 1.0);
          cairo_fill (cr);
          break;
        }
    }
}

static void
sb_item_layer_draw (SbMapLayer         *layer,
                    cairo_t            *cr,
                    const SbProjection *projection)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);
  g_autoptr(GArray) marks = layout_marks (self, projection);
  gboolean dark = sb_map_layer_is_dark (layer);

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      if (mark->displaced)
        draw_leader (cr, mark, dark);
    }

  /* Faded first, the selection last: on top. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < marks->len; i++)
      {
        Mark *mark = &g_array_index (marks, Mark, i);
        guint mark_pass = mark->selected ? 2 : mark->dimmed ? 0 : 1;

        if (mark_pass == pass)
          draw_symbol (self, cr, mark);
      }

  draw_labels (self, cr, marks);
}

static SbEntity *
sb_item_layer_pick (SbMapLayer         *layer,
                    const SbProjection *projection,
                    double              x,
                    double              y,
                    double             *distance)
{
  g_autoptr(GArray) marks = layout_marks (SB_ITEM_LAYER (layer), projection);
  SbEntity *best = NULL;

  *distance = G_MAXDOUBLE;

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);
      double d = hypot (x - mark->x, y - mark->y);

      if (d <= mark->radius + HIT_SLACK && d < *distance)
        {
          *distance = d;
          best = SB_ENTITY (mark->item);
        }
    }

  return best;
}

/**
 * sb_item_layer_get_position:
 *
 * Gets where @item's symbol is drawn now, in the layer's coordinates.
 *
 * Returns: %TRUE if @item is drawn
 */
gboolean
sb_item_layer_get_position (SbItemLayer *self,
                            SbItem      *item,
                            double      *x,
                            double      *y)
{
  g_autoptr(GArray) marks = NULL;
  SbProjection projection;

  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), FALSE);

  if (sb_selection_get_briefing (sb_map_layer_get_selection (SB_MAP_LAYER (self))) == NULL)
    return FALSE;

  sb_projection_init (&projection, shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                      gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
  marks = layout_marks (self, &projection);

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      if (mark->item == item)
        {
          *x = mark->x;
          *y = mark->y;
          return TRUE;
        }
    }

  return FALSE;
}

static void
sb_item_layer_class_init (SbItemLayerClass *klass)
{
  SbMapLayerClass *layer_class = SB_MAP_LAYER_CLASS (klass);

  layer_class->draw = sb_item_layer_draw;
  layer_class->pick = sb_item_layer_pick;
}

static void
sb_item_layer_init (SbItemLayer *self)
{
}

SbItemLayer *
sb_item_layer_new (ShumateViewport *viewport,
                   SbSelection     *selection)
{
  return g_object_new (SB_TYPE_ITEM_LAYER,
                       "viewport", viewport,
                       "selection", selection,
                       NULL);
}
