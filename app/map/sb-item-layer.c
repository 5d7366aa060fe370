/* sb-item-layer.c
 *
 * Symbols whose places lie closer than their size are gathered in a ring
 * around the spot, with leader lines to it where the spot is exact; the
 * labels that fit go beside their symbols and the others wait for zoom.
 *
 * A briefing of many incidents (an event dataset) draws them as clusters
 * instead: an index built in a worker thread for each change of filters,
 * applied in one go, and asked only for what is in view. Hit testing
 * asks the index too, never every incident.
 */

#define G_LOG_DOMAIN "sb-item-layer"

#include "config.h"

#include <pango/pangocairo.h>

#include "sb-cluster-symbols.h"
#include "sb-item-layer.h"
#include "sb-symbol-cache.h"
#include "sb-symbols.h"

#define INCIDENT_RADIUS 9.0
#define HIT_SLACK 4.0
/* More incidents than this are an event dataset: clustered. */
#define CLUSTER_THRESHOLD 1000
/* The clusters behind a selected actor's. */
#define DIMMED_CLUSTER_ALPHA 0.3
/* Rendered symbols kept: a few hundred looks at two scales. */
#define SYMBOL_CACHE_BYTES (8 * 1024 * 1024)

struct _SbItemLayer
{
  SbMapLayer parent_instance;

  SbIncidentClusters *clusters;  /* nullable: incidents drawn one by one */
  GCancellable *building;
  gboolean build_again;          /* the filters changed while building */
  /* The selected actor's incidents, clustered apart and drawn over the
   * others, which fade: nullable. */
  SbIncidentClusters *actor_clusters;
  GCancellable *actor_building;
  SbCluster picked;              /* what the last pick found, if several */
  SbIncidentClusters *picked_from;
  gboolean picked_cluster;
  SbSymbolCache *symbols;
};

G_DEFINE_FINAL_TYPE (SbItemLayer, sb_item_layer, SB_TYPE_MAP_LAYER)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/**
 * sb_item_layer_clusters_briefing:
 *
 * Returns: whether @briefing holds so many incidents (an event dataset)
 *   that the layer draws them as clusters
 */
gboolean
sb_item_layer_clusters_briefing (SbBriefing *briefing)
{
  return briefing != NULL &&
         g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT)) > CLUSTER_THRESHOLD;
}

static gboolean
uses_clusters (SbItemLayer *self)
{
  return sb_item_layer_clusters_briefing (sb_selection_get_briefing (sb_map_layer_get_selection (SB_MAP_LAYER (self))));
}

/* Where each visible symbol goes; @emphasis, when given, says which are
 * selected or dimmed.
 */
static GArray *
layout_symbols (SbSelection        *selection,
                const SbProjection *projection,
                SbMapLayer         *emphasis)
{
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  const SbItemKind kinds[] = { SB_ITEM_KIND_DEPLOYMENT, SB_ITEM_KIND_INCIDENT };
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (Mark));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (kinds[k] == SB_ITEM_KIND_INCIDENT && sb_item_layer_clusters_briefing (briefing))
        continue;

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
          if (emphasis != NULL)
            mark.selected = sb_map_layer_is_emphasised (emphasis, item, &mark.dimmed);
          g_array_append_val (marks, mark);
        }
    }

  spread_groups (marks);
  return marks;
}

static GArray *
layout_marks (SbItemLayer        *self,
              const SbProjection *projection)
{
  return layout_symbols (sb_map_layer_get_selection (SB_MAP_LAYER (self)), projection, SB_MAP_LAYER (self));
}

/**
 * sb_item_layer_get_symbol_boxes:
 *
 * The boxes the item layer's symbols take in @projection once overlapping
 * ones are spread, each with room on its right for a deployment's label,
 * so that other layers can keep their labels clear of them.
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the boxes
 */
GArray *
sb_item_layer_get_symbol_boxes (SbSelection        *selection,
                                const SbProjection *projection)
{
  g_autoptr(GArray) marks = layout_symbols (selection, projection, NULL);
  GArray *boxes = g_array_sized_new (FALSE, FALSE, sizeof (graphene_rect_t), marks->len);

  for (guint i = 0; i < marks->len; i++)
    {
      const Mark *mark = &g_array_index (marks, Mark, i);
      double label_width = sb_item_get_kind (mark->item) == SB_ITEM_KIND_DEPLOYMENT ? 100 : 0;
      graphene_rect_t box;

      graphene_rect_init (&box, mark->x - mark->radius - 4, mark->y - mark->radius - 4,
                          2 * mark->radius + 8 + label_width, 2 * mark->radius + 8);
      g_array_append_val (boxes, box);
    }

  return boxes;
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

typedef struct
{
  gboolean incident;
  int shape;               /* SbIncidentType or SbActorKind */
  SbSymbolStyle style;
  double radius;
} SymbolLook;

static void
paint_symbol_look (cairo_t  *cr,
                   double    x,
                   double    y,
                   gpointer  data)
{
  SymbolLook *look = data;

  if (look->incident)
    sb_symbol_paint_incident (cr, look->shape, &look->style, x, y, look->radius);
  else
    sb_symbol_paint_deployment (cr, look->shape, &look->style, x, y, look->radius);
}

static guint64
pack_rgb (const double *rgb)
{
  guint64 packed = 0;

  for (guint i = 0; i < 3; i++)
    packed = packed << 8 | (guint64) lround (CLAMP (rgb[i], 0.0, 1.0) * 255);

  return packed;
}

/* Everything the symbol's look depends on; the colour comes from a
 * 24-bit colour, so eight bits a channel lose nothing.
 */
static SbSymbolKey
symbol_key (const SymbolLook *look)
{
  const SbSymbolStyle *style = &look->style;
  SbSymbolKey key;
  guint64 flags = (style->hollow ? 1 : 0) | (style->half ? 2 : 0) | (style->struck ? 4 : 0) |
                  (style->selected ? 8 : 0) | (style->dimmed ? 16 : 0) | (style->dark ? 32 : 0) |
                  (look->incident ? 64 : 0);

  key.look = (guint64) 1 << 60 | flags << 48 | (guint64) (look->shape & 0xff) << 40 |
             (guint64) (style->certainty & 0xff) << 32 | pack_rgb (style->rgb);
  key.detail = (guint64) lround (look->radius * 64);
  return key;
}

static double
symbol_extent (double radius)
{
  return radius * 2.5 + 8;
}

static void
draw_symbol (SbItemLayer *self,
             cairo_t     *cr,
             const Mark  *mark)
{
  SymbolLook look;
  SbSymbolKey key;

  fill_style (self, mark, &look.style);
  look.incident = sb_item_get_kind (mark->item) == SB_ITEM_KIND_INCIDENT;
  look.shape = look.incident ? (int) sb_item_get_incident_type (mark->item)
                             : (int) sb_actor_get_kind (sb_item_get_actor (mark->item, 0));
  look.radius = mark->radius;
  key = symbol_key (&look);

  sb_symbol_cache_paint (self->symbols, cr, &key, symbol_extent (mark->radius), mark->x, mark->y,
                         paint_symbol_look, &look);
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

/* The box of the unit square a projection shows, and @margin pixels more. */
static void
view_box (const SbProjection *projection,
          double              margin,
          double             *box)
{
  double half_width = projection->half_width, half_height = projection->half_height;

  if (projection->sin_rotation != 0)
    half_width = half_height = hypot (half_width, half_height);

  box[0] = (projection->center_x - half_width - margin) / projection->world_size;
  box[1] = (projection->center_y - half_height - margin) / projection->world_size;
  box[2] = (projection->center_x + half_width + margin) / projection->world_size;
  box[3] = (projection->center_y + half_height + margin) / projection->world_size;
}

static double
cluster_radius (const SbCluster *cluster)
{
  if (cluster->count == 1)
    return INCIDENT_RADIUS;
  if (cluster->is_site)
    return INCIDENT_RADIUS + 2;
  return sb_cluster_bubble_radius (cluster->count);
}

static SbItem *
first_item (SbIncidentClusters *clusters,
            const SbCluster    *cluster)
{
  guint32 id = 0;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1);

  sb_cluster_index_get_ids (sb_incident_clusters_get_index (clusters), cluster->node, 1, ids);
  if (ids->len > 0)
    id = g_array_index (ids, guint32, 0);

  return sb_incident_clusters_get_item (clusters, id);
}

/* Symbols paint through a group as large as the clip: a small clip keeps
 * a thousand of them cheap.
 */
static void
draw_clipped_symbol (SbItemLayer *self,
                     cairo_t     *cr,
                     const Mark  *mark)
{
  double extent = symbol_extent (mark->radius);

  cairo_save (cr);
  cairo_rectangle (cr, mark->x - extent, mark->y - extent, 2 * extent, 2 * extent);
  cairo_clip (cr);
  draw_symbol (self, cr, mark);
  cairo_restore (cr);
}

typedef struct
{
  const SbCluster *cluster;
  double radius;
  gboolean dark;
} ClusterLook;

static void
paint_site (cairo_t  *cr,
            double    x,
            double    y,
            gpointer  data)
{
  ClusterLook *look = data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  SbSymbolStyle style = { 0, };
  double radius = look->radius;

  sb_incident_type_to_rgb (look->cluster->dominant, style.rgb);
  style.dark = look->dark;

  cairo_save (cr);
  cairo_rectangle (cr, x - 3 * radius, y - 3 * radius, 6 * radius, 6 * radius);
  cairo_clip (cr);
  sb_symbol_paint_incident (cr, look->cluster->dominant, &style, x, y, radius);
  cairo_restore (cr);

  sb_cluster_paint_count_badge (cr, layout, x + radius * 0.5, y - radius * 0.95, look->cluster->count, style.dark);
}

static void
paint_bubble (cairo_t  *cr,
              double    x,
              double    y,
              gpointer  data)
{
  ClusterLook *look = data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  sb_cluster_paint_bubble (cr, layout, x, y, look->cluster->count, look->cluster->dominant, look->dark);
}

/* A bubble, or a place's symbol with its count beside it: as many looks
 * as counts, so cached too; the text is most of the work.
 */
static void
draw_cluster_look (SbItemLayer     *self,
                   cairo_t         *cr,
                   const SbCluster *cluster,
                   double           x,
                   double           y)
{
  ClusterLook look = { cluster, cluster_radius (cluster), sb_map_layer_is_dark (SB_MAP_LAYER (self)) };
  SbSymbolKey key;
  double extent;

  key.look = (guint64) (cluster->is_site ? 3 : 2) << 60 | (guint64) (look.dark ? 1 : 0) << 48 |
             (guint64) cluster->dominant << 40;
  key.detail = cluster->count;

  if (cluster->is_site)
    {
      g_autofree char *text = sb_cluster_format_count (cluster->count);
      double badge = MAX (16, 7.5 * strlen (text) + 8);

      extent = MAX (3 * look.radius, MAX (look.radius * 0.5 + badge, look.radius * 0.95 + 9)) + 2;
      sb_symbol_cache_paint (self->symbols, cr, &key, extent, x, y, paint_site, &look);
    }
  else
    {
      extent = look.radius + 8;
      sb_symbol_cache_paint (self->symbols, cr, &key, extent, x, y, paint_bubble, &look);
    }
}

static gboolean
selected_incident_mark (SbItemLayer        *self,
                        const SbProjection *projection,
                        Mark               *mark)
{
  SbSelection *selection = sb_map_layer_get_selection (SB_MAP_LAYER (self));
  SbEntity *selected = sb_selection_get_selected (selection);
  SbPlace *place;

  if (!SB_IS_ITEM (selected) || sb_item_get_kind (SB_ITEM (selected)) != SB_ITEM_KIND_INCIDENT ||
      (place = sb_item_get_place (SB_ITEM (selected))) == NULL ||
      !sb_selection_item_is_visible (selection, SB_ITEM (selected)))
    return FALSE;

  memset (mark, 0, sizeof *mark);
  mark->item = SB_ITEM (selected);
  sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place),
                           &mark->x, &mark->y);
  mark->anchor_x = mark->x;
  mark->anchor_y = mark->y;
  mark->radius = INCIDENT_RADIUS;
  mark->selected = TRUE;
  return TRUE;
}

static void
draw_clusters (SbItemLayer        *self,
               SbIncidentClusters *clusters,
               cairo_t            *cr,
               const SbProjection *projection)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (SbCluster));
  double box[4];

  view_box (projection, 40, box);
  sb_cluster_index_query (sb_incident_clusters_get_index (clusters), projection->zoom,
                          box[0], box[1], box[2], box[3], found);

  /* Bubbles under places under single incidents, which are smallest. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < found->len; i++)
      {
        const SbCluster *cluster = &g_array_index (found, SbCluster, i);
        guint cluster_pass = cluster->count == 1 ? 2 : cluster->is_site ? 1 : 0;
        double x, y;

        if (cluster_pass != pass)
          continue;

        sb_projection_unit_to_widget (projection, cluster->x, cluster->y, &x, &y);
        if (pass < 2)
          draw_cluster_look (self, cr, cluster, x, y);
        else
          {
            Mark mark = { 0, };

            mark.item = first_item (clusters, cluster);
            mark.x = mark.anchor_x = x;
            mark.y = mark.anchor_y = y;
            mark.radius = INCIDENT_RADIUS;
            mark.selected = sb_map_layer_is_emphasised (SB_MAP_LAYER (self), mark.item, &mark.dimmed);
            draw_clipped_symbol (self, cr, &mark);
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
  Mark selected;

  if (self->clusters != NULL && self->actor_clusters != NULL)
    {
      cairo_push_group (cr);
      draw_clusters (self, self->clusters, cr, projection);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, DIMMED_CLUSTER_ALPHA);
      draw_clusters (self, self->actor_clusters, cr, projection);
    }
  else if (self->clusters != NULL)
    draw_clusters (self, self->clusters, cr, projection);

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

  /* The selected incident shows at its own place, out of its cluster. */
  if (self->clusters != NULL && selected_incident_mark (self, projection, &selected))
    draw_clipped_symbol (self, cr, &selected);
}

static void
widget_to_unit (const SbProjection *projection,
                double              x,
                double              y,
                double             *ux,
                double             *uy)
{
  double dx = x - projection->half_width;
  double dy = y - projection->half_height;

  *ux = (dx * projection->cos_rotation + dy * projection->sin_rotation + projection->center_x) / projection->world_size;
  *uy = (-dx * projection->sin_rotation + dy * projection->cos_rotation + projection->center_y) / projection->world_size;
}

/* The cluster drawn under (x, y): an index query around the point. */
static gboolean
hit_cluster (SbIncidentClusters *clusters,
             const SbProjection *projection,
             double              x,
             double              y,
             SbCluster          *hit,
             double             *distance)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (SbCluster));
  double ux, uy, reach;
  gboolean any = FALSE;

  if (clusters == NULL)
    return FALSE;

  widget_to_unit (projection, x, y, &ux, &uy);
  reach = (sb_cluster_bubble_radius (G_MAXUINT) + HIT_SLACK) / projection->world_size;
  sb_cluster_index_query (sb_incident_clusters_get_index (clusters), projection->zoom,
                          ux - reach, uy - reach, ux + reach, uy + reach, found);

  for (guint i = 0; i < found->len; i++)
    {
      const SbCluster *cluster = &g_array_index (found, SbCluster, i);
      double cx, cy, d;

      sb_projection_unit_to_widget (projection, cluster->x, cluster->y, &cx, &cy);
      d = hypot (x - cx, y - cy);

      /* Singles lie on top of bubbles: they win where both are hit. */
      if (d <= cluster_radius (cluster) + HIT_SLACK &&
          (!any || (cluster->count == 1) > (hit->count == 1) ||
           ((cluster->count == 1) == (hit->count == 1) && d < *distance)))
        {
          *hit = *cluster;
          *distance = d;
          any = TRUE;
        }
    }

  return any;
}

static SbEntity *
sb_item_layer_pick (SbMapLayer         *layer,
                    const SbProjection *projection,
                    double              x,
                    double              y,
                    double             *distance)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);
  g_autoptr(GArray) marks = layout_marks (self, projection);
  SbEntity *best = NULL;
  SbCluster cluster;
  Mark selected;
  double d = G_MAXDOUBLE;

  *distance = G_MAXDOUBLE;

  if (self->clusters != NULL && selected_incident_mark (self, projection, &selected) &&
      (d = hypot (x - selected.x, y - selected.y)) <= selected.radius + HIT_SLACK)
    {
      *distance = d;
      return SB_ENTITY (selected.item);
    }

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      d = hypot (x - mark->x, y - mark->y);
      if (d <= mark->radius + HIT_SLACK && d < *distance)
        {
          *distance = d;
          best = SB_ENTITY (mark->item);
        }
    }

  self->picked_cluster = FALSE;
  if (best != NULL)
    return best;

  /* The selected actor's clusters lie over the others. */
  for (guint i = 0; i < 2; i++)
    {
      SbIncidentClusters *clusters = i == 0 ? self->actor_clusters : self->clusters;

      if (!hit_cluster (clusters, projection, x, y, &cluster, &d))
        continue;

      *distance = d;
      if (cluster.count == 1)
        return SB_ENTITY (first_item (clusters, &cluster));

      /* Several: not one entity to select; the map view asks for it. */
      self->picked = cluster;
      self->picked_from = clusters;
      self->picked_cluster = TRUE;
      break;
    }

  return NULL;
}

static void
init_projection (SbItemLayer  *self,
                 SbProjection *projection)
{
  sb_projection_init (projection, shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                      gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
}

/**
 * sb_item_layer_pick_cluster:
 * @cluster: (out): the cluster of several incidents drawn at (@x, @y)
 * @clusters: (out) (transfer none): the clustering it belongs to: all the
 *   incidents shown, or the selected actor's
 *
 * Returns: %TRUE if a cluster, or a place with several incidents, is drawn
 *   at (@x, @y), in the layer's coordinates, and no single symbol is
 */
gboolean
sb_item_layer_pick_cluster (SbItemLayer         *self,
                            double               x,
                            double               y,
                            SbCluster           *cluster,
                            SbIncidentClusters **clusters)
{
  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), FALSE);

  if (self->clusters == NULL)
    return FALSE;

  /* Through the base class, which knows how large symbols are drawn. */
  self->picked_cluster = FALSE;
  if (sb_map_layer_pick (SB_MAP_LAYER (self), x, y, NULL) != NULL || !self->picked_cluster)
    return FALSE;

  *cluster = self->picked;
  *clusters = self->picked_from;
  return TRUE;
}

/**
 * sb_item_layer_get_clusters:
 *
 * Returns: (transfer none) (nullable): the incidents drawn as clusters,
 *   as the filters last applied show them
 */
SbIncidentClusters *
sb_item_layer_get_clusters (SbItemLayer *self)
{
  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), NULL);

  return self->clusters;
}

/**
 * sb_item_layer_get_busy:
 *
 * Returns: whether clusters are being built for the filters shown
 */
gboolean
sb_item_layer_get_busy (SbItemLayer *self)
{
  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), FALSE);

  return self->building != NULL;
}

/**
 * sb_item_layer_get_position:
 *
 * Gets where @item's symbol is drawn now, in the layer's coordinates: for
 * an incident inside a cluster, where the cluster is.
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
  SbCluster cluster;
  Mark selected;

  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), FALSE);

  if (sb_selection_get_briefing (sb_map_layer_get_selection (SB_MAP_LAYER (self))) == NULL)
    return FALSE;

  init_projection (self, &projection);

  if (self->clusters != NULL && sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT)
    {
      if (selected_incident_mark (self, &projection, &selected) && selected.item == item)
        {
          *x = selected.x;
          *y = selected.y;
          return TRUE;
        }

      if (!sb_incident_clusters_locate (self->clusters, item, projection.zoom, &cluster))
        return FALSE;

      sb_projection_unit_to_widget (&projection, cluster.x, cluster.y, x, y);
      return TRUE;
    }

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

static void start_build (SbItemLayer *self);

/* A finished build takes the place of what @clusters held; FALSE when it
 * was cancelled, because a newer build, or none, took its place.
 */
static gboolean
take_built (SbItemLayer         *self,
            GAsyncResult        *result,
            SbIncidentClusters **clusters,
            GCancellable       **building)
{
  SbIncidentClusters *built = sb_incident_clusters_build_finish (result, NULL);

  if (built == NULL)
    return FALSE;

  g_clear_object (building);
  g_clear_pointer (clusters, sb_incident_clusters_unref);
  *clusters = built;
  sb_map_layer_invalidate (SB_MAP_LAYER (self));
  return TRUE;
}

static void
on_built (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SbItemLayer) self = user_data;

  if (!take_built (self, result, &self->clusters, &self->building))
    return;

  if (self->build_again)
    start_build (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start_build (SbItemLayer *self)
{
  g_autoptr(SbFilter) filter = sb_filter_new_from_selection (sb_map_layer_get_selection (SB_MAP_LAYER (self)));

  self->build_again = FALSE;
  g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  self->building = g_cancellable_new ();
  sb_incident_clusters_build_async (filter, self->building, on_built, g_object_ref (self));
}

static SbActor *
selected_actor (SbItemLayer *self)
{
  SbEntity *selected = sb_selection_get_selected (sb_map_layer_get_selection (SB_MAP_LAYER (self)));

  return SB_IS_ACTOR (selected) ? SB_ACTOR (selected) : NULL;
}

static void
on_actor_built (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SbItemLayer) self = user_data;

  take_built (self, result, &self->actor_clusters, &self->actor_building);
}

/* With clusters, a selected actor's incidents are clustered on their own,
 * on top, so that they stand out of the rest (which fade) as the actor's
 * statements do when incidents are drawn one by one.
 */
static void
update_actor_clusters (SbItemLayer *self)
{
  SbSelection *selection = sb_map_layer_get_selection (SB_MAP_LAYER (self));
  SbActor *actor = selected_actor (self);
  g_autoptr(SbFilter) filter = NULL;

  g_cancellable_cancel (self->actor_building);
  g_clear_object (&self->actor_building);

  if (actor == NULL || !uses_clusters (self))
    {
      if (self->actor_clusters != NULL)
        {
          g_clear_pointer (&self->actor_clusters, sb_incident_clusters_unref);
          sb_map_layer_invalidate (SB_MAP_LAYER (self));
        }
      return;
    }

  filter = sb_filter_new_for_actor (selection, actor);

  /* Another actor's: gone at once rather than shown for this one. */
  if (self->actor_clusters != NULL &&
      sb_filter_get_actor (sb_incident_clusters_get_filter (self->actor_clusters)) != actor)
    {
      g_clear_pointer (&self->actor_clusters, sb_incident_clusters_unref);
      sb_map_layer_invalidate (SB_MAP_LAYER (self));
    }

  self->actor_building = g_cancellable_new ();
  sb_incident_clusters_build_async (filter, self->actor_building, on_actor_built, g_object_ref (self));
}

static void
on_filter_changed (SbItemLayer *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (sb_map_layer_get_selection (SB_MAP_LAYER (self)));
  gboolean was_busy = self->building != NULL;

  if (self->clusters != NULL &&
      sb_filter_get_briefing (sb_incident_clusters_get_filter (self->clusters)) != briefing)
    {
      /* Another briefing's clusters: gone at once, and so is their build. */
      g_clear_pointer (&self->clusters, sb_incident_clusters_unref);
      g_cancellable_cancel (self->building);
      g_clear_object (&self->building);
    }

  if (!uses_clusters (self))
    {
      g_cancellable_cancel (self->building);
      g_clear_object (&self->building);
      self->build_again = FALSE;
    }
  else if (self->building != NULL)
    self->build_again = TRUE;
  else
    start_build (self);

  if (was_busy != (self->building != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  update_actor_clusters (self);
}

static void
sb_item_layer_constructed (GObject *object)
{
  SbItemLayer *self = SB_ITEM_LAYER (object);
  SbSelection *selection;

  G_OBJECT_CLASS (sb_item_layer_parent_class)->constructed (object);

  selection = sb_map_layer_get_selection (SB_MAP_LAYER (self));
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (update_actor_clusters), self,
                           G_CONNECT_SWAPPED);
  if (sb_selection_get_briefing (selection) != NULL)
    on_filter_changed (self);
}

static void
sb_item_layer_dispose (GObject *object)
{
  SbItemLayer *self = (SbItemLayer *)object;

  g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  g_clear_pointer (&self->clusters, sb_incident_clusters_unref);
  g_cancellable_cancel (self->actor_building);
  g_clear_object (&self->actor_building);
  g_clear_pointer (&self->actor_clusters, sb_incident_clusters_unref);
  g_clear_pointer (&self->symbols, sb_symbol_cache_free);

  G_OBJECT_CLASS (sb_item_layer_parent_class)->dispose (object);
}

static void
sb_item_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbItemLayer *self = SB_ITEM_LAYER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sb_item_layer_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_item_layer_class_init (SbItemLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SbMapLayerClass *layer_class = SB_MAP_LAYER_CLASS (klass);

  object_class->constructed = sb_item_layer_constructed;
  object_class->dispose = sb_item_layer_dispose;
  object_class->get_property = sb_item_layer_get_property;

  layer_class->draw = sb_item_layer_draw;
  layer_class->pick = sb_item_layer_pick;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_item_layer_init (SbItemLayer *self)
{
  self->symbols = sb_symbol_cache_new (SYMBOL_CACHE_BYTES);
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
