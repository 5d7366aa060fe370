/* sb-item-layer.c
 *
 * Deployments and incidents at points are symbols at their places; those
 * known only to a country or region are on their area's card, never at
 * its middle (see sb-map-layout.c). The towns the briefing mentions are
 * named over everything.
 *
 * A briefing of many incidents (an event dataset) draws them as clusters
 * instead: an index built in a worker thread for each change of filters,
 * applied in one go, and asked only for what is in view; an edit patches
 * it for the next frame. A change of filters while a build is under way
 * drops that build: only the last filters' clusters are ever shown. New
 * clusters bring counts not drawn before, each a symbol of some
 * milliseconds to render: those in view are rendered in a worker thread
 * before the clusters replace the old ones, and so are those a new zoom
 * or look needs before the layer draws (its prepare function), so that
 * the main thread only copies images; the map shows what it showed until
 * then. Incidents known only to a region are clustered
 * apart and drawn as soft areas with their count; those known only to a
 * country are counted on its card. Hit testing asks the index too, never
 * every incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-item-layer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sb-cluster-symbols.h"
#include "sb-item-layer.h"
#include "sb-symbol-cache.h"
#include "sb-symbols.h"

#define INCIDENT_RADIUS 9.0
#define HIT_SLACK 4.0
/* The clusters behind a selected actor's. */
#define DIMMED_CLUSTER_ALPHA 0.3
/* Rendered symbols kept: a few hundred looks at two scales. */
#define SYMBOL_CACHE_BYTES (8 * 1024 * 1024)
#define CARD_CORNER 5.0
/* Room round a card for the stroke that marks it selected. */
#define CARD_GROUP_MARGIN 8.0
/* Clusters patched by edits are built anew once editing pauses. */
#define REBUILD_AFTER_EDITS_MS 1500

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
  GCancellable *rendering;       /* symbols of the clusters shown, for the next texture */
  guint rebuild_source;          /* after edits patched the clusters */
  SbCluster picked;              /* what the last pick found, if several */
  SbIncidentClusters *picked_from;
  gboolean picked_cluster;
  const SbAreaIncidents *picked_area;
  gboolean badge_single_source;  /* the briefing has independent sources */
  SbSymbolCache *symbols;
};

G_DEFINE_FINAL_TYPE (SbItemLayer, sb_item_layer, SB_TYPE_MAP_LAYER)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * sb_item_layer_clusters_briefing:
 *
 * Returns: whether @briefing holds so many incidents (an event dataset)
 *   that the layer draws them as clusters
 */
gboolean
sb_item_layer_clusters_briefing (SbBriefing *briefing)
{
  return sb_incident_clusters_wanted (briefing);
}

static gboolean
uses_clusters (SbItemLayer *self)
{
  return sb_incident_clusters_wanted (sb_selection_get_briefing (sb_map_layer_get_selection (SB_MAP_LAYER (self))));
}

static void
fill_style (SbItemLayer     *self,
            SbItem          *item,
            gboolean         selected,
            gboolean         dimmed,
            SbSymbolStyle   *style)
{
  SbActor *actor = sb_item_get_actor (item, 0);

  memset (style, 0, sizeof *style);
  sb_colour_to_rgb (actor ? sb_actor_get_colour (actor) : 0x4d4d4d, style->rgb);
  style->certainty = sb_item_get_certainty (item);
  style->selected = selected;
  style->dimmed = dimmed;
  style->dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));

  /* As it stood in the time range shown. */
  if (sb_item_get_kind (item) == SB_ITEM_KIND_DEPLOYMENT)
    {
      switch (sb_filter_get_deployment_status (sb_selection_get_filter (sb_map_layer_get_selection (SB_MAP_LAYER (self))), item))
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
  return sb_symbol_get_extent (radius);
}

/* How @item's symbol looks, and its key in the cache. */
static void
item_look (SbItemLayer *self,
           SbItem      *item,
           double       radius,
           gboolean     selected,
           gboolean     dimmed,
           SymbolLook  *look,
           SbSymbolKey *key)
{
  fill_style (self, item, selected, dimmed, &look->style);
  look->incident = sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT;
  /* A deployment whose actor is not said yet has the first kind's shape. */
  look->shape = look->incident ? (int) sb_item_get_incident_type (item)
              : sb_item_get_n_actors (item) > 0 ? (int) sb_actor_get_kind (sb_item_get_actor (item, 0))
              : 0;
  look->radius = radius;
  *key = symbol_key (look);
}

static void
paint_item (SbItemLayer *self,
            cairo_t     *cr,
            SbItem      *item,
            double       x,
            double       y,
            double       radius,
            gboolean     selected,
            gboolean     dimmed)
{
  SymbolLook look;
  SbSymbolKey key;

  item_look (self, item, radius, selected, dimmed, &look, &key);
  sb_symbol_cache_paint (self->symbols, cr, &key, symbol_extent (radius), x, y, paint_symbol_look, &look);
}

/* Corroboration: only where the briefing has more than one voice. */
static void
draw_badge (SbItemLayer     *self,
            cairo_t         *cr,
            const SbMapMark *mark)
{
  if (self->badge_single_source && !mark->dimmed && sb_item_is_single_source (mark->item))
    sb_symbol_paint_single_source (cr, mark->x, mark->y, mark->radius, sb_map_layer_is_dark (SB_MAP_LAYER (self)));
}

static void
draw_mark (SbItemLayer     *self,
           cairo_t         *cr,
           const SbMapMark *mark)
{
  paint_item (self, cr, mark->item, mark->x, mark->y, mark->radius, mark->selected, mark->dimmed);
  draw_badge (self, cr, mark);
}

/* A leader from a symbol moved off its point, back to the point. */
static void
draw_leader (cairo_t         *cr,
             const SbMapMark *mark,
             gboolean         dark)
{
  cairo_new_path (cr);
  cairo_move_to (cr, mark->anchor_x, mark->anchor_y);
  cairo_line_to (cr, mark->x, mark->y);
  cairo_set_line_width (cr, 1.2);
  sb_symbol_set_ink (cr, dark, mark->dimmed ? 0.25 : 0.7);
  cairo_stroke (cr);

  cairo_arc (cr, mark->anchor_x, mark->anchor_y, 3, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Text with a halo, so that it reads over any map. */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           SbMapFont    font,
           const char  *text,
           double       x,
           double       y,
           gboolean     dark,
           double       alpha)
{
  sb_map_layout_set_font (layout, font);
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_width (cr, 3.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.85 * alpha);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.92 * alpha);
  cairo_stroke_preserve (cr);
  sb_symbol_set_ink (cr, dark, alpha);
  cairo_fill (cr);
}

static void
trace_rounded (cairo_t               *cr,
               const graphene_rect_t *box,
               double                 corner)
{
  double x = box->origin.x, y = box->origin.y, w = box->size.width, h = box->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - corner, y + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + w - corner, y + h - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x + corner, y + h - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x + corner, y + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A card's leader goes from its nearest edge into its country, or to the
 * edge of its region.
 */
static void
draw_card_leader (cairo_t         *cr,
                  const SbMapCard *card,
                  gboolean         dark)
{
  double x = CLAMP (card->anchor_x, card->box.origin.x, card->box.origin.x + card->box.size.width);
  double y = CLAMP (card->anchor_y, card->box.origin.y, card->box.origin.y + card->box.size.height);
  double end_x = card->anchor_x, end_y = card->anchor_y;
  double distance = hypot (x - end_x, y - end_y);

  if (card->country == NULL && distance > card->region_radius)
    {
      end_x = card->anchor_x + (x - card->anchor_x) * card->region_radius / distance;
      end_y = card->anchor_y + (y - card->anchor_y) * card->region_radius / distance;
    }

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, end_x, end_y);
  cairo_set_line_width (cr, 3.5);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  sb_symbol_set_ink (cr, dark, card->dimmed ? 0.3 : 0.75);
  cairo_stroke (cr);
}

static void
draw_card_count (SbItemLayer *self,
                 cairo_t     *cr,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 guint        count,
                 guint8       dominant,
                 gboolean     dark)
{
  SbSymbolStyle style = { 0, };

  sb_incident_type_to_rgb (dominant, style.rgb);
  style.dark = dark;
  sb_symbol_paint_incident (cr, dominant, &style, x, y, INCIDENT_RADIUS);
  sb_cluster_paint_count_badge (cr, layout, x + INCIDENT_RADIUS + 3, y, count, dark);
}

static void
draw_card_title (cairo_t         *cr,
                 PangoLayout     *layout,
                 const SbMapCard *card,
                 gboolean         dark)
{
  sb_map_layout_set_font (layout, SB_MAP_FONT_TITLE);
  pango_layout_set_width (layout, card->title_wrap);
  if (card->compact)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, sb_place_get_area_name (card->place), -1);
  cairo_move_to (cr, card->title.origin.x, card->title.origin.y);
  sb_symbol_set_ink (cr, dark, 1.0);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
}

/* The card of a country or region: its name, then what is known only to
 * it. Read as "in Mali", as a legend box is, never as a point.
 */
static void
draw_card (SbItemLayer       *self,
           cairo_t           *cr,
           PangoLayout       *layout,
           const SbMapLayout *map_layout,
           const SbMapCard   *card)
{
  gboolean dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));
  int index = card - &g_array_index (map_layout->cards, SbMapCard, 0);

  cairo_save (cr);

  /* Faded, it still hides what lies beneath. */
  if (card->dimmed)
    {
      cairo_new_path (cr);
      trace_rounded (cr, &card->box, CARD_CORNER);
      sb_symbol_fill_card (cr, dark);
      cairo_fill (cr);
    }

  /* A group is as large as the clip: without one, each card would fade
   * through an image the size of the whole texture.
   */
  cairo_rectangle (cr, card->box.origin.x - CARD_GROUP_MARGIN, card->box.origin.y - CARD_GROUP_MARGIN,
                   card->box.size.width + 2 * CARD_GROUP_MARGIN, card->box.size.height + 2 * CARD_GROUP_MARGIN);
  cairo_clip (cr);
  cairo_push_group (cr);

  cairo_new_path (cr);
  trace_rounded (cr, &card->box, CARD_CORNER);
  if (card->selected)
    {
      cairo_set_line_width (cr, 7);
      cairo_set_source_rgba (cr, 1.0, 0.84, 0.0, 0.75);
      cairo_stroke_preserve (cr);
    }
  sb_symbol_paint_card (cr, dark);

  if (card->title.size.width > 0)
    draw_card_title (cr, layout, card, dark);

  /* A selected row is highlighted as a whole: a halo round its symbol
   * would cover its neighbours.
   */
  for (guint i = 0; i < map_layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);
      graphene_rect_t row = GRAPHENE_RECT_INIT (mark->x - mark->radius - 2, mark->y - mark->radius - 2,
                                                2 * mark->radius + 4, 2 * mark->radius + 4);

      if (mark->card != index || !mark->selected)
        continue;

      if (mark->has_label)
        row.size.width = mark->label.origin.x + mark->label.size.width + 3 - row.origin.x;
      cairo_new_path (cr);
      trace_rounded (cr, &row, 3);
      sb_symbol_paint_selection (cr, 0.55, 1.5, dark);
    }

  for (guint i = 0; i < map_layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);

      if (mark->card != index)
        continue;

      paint_item (self, cr, mark->item, mark->x, mark->y, mark->radius, FALSE, mark->dimmed);
      draw_badge (self, cr, mark);
      if (mark->has_label)
        {
          sb_map_layout_set_font (layout, SB_MAP_FONT_LABEL);
          pango_layout_set_text (layout, sb_map_layout_mark_label (mark->item), -1);
          cairo_move_to (cr, mark->label.origin.x, mark->label.origin.y);
          sb_symbol_set_ink (cr, dark, mark->dimmed ? 0.4 : 1.0);
          pango_cairo_show_layout (cr, layout);
        }
    }

  if (card->count > 0)
    {
      double y = card->count_y;

      if (card->count_emphasised > 0)
        {
          draw_card_count (self, cr, layout, card->count_x, y, card->count_emphasised, card->dominant_emphasised, dark);
          y += 2 * INCIDENT_RADIUS + 3;
        }
      cairo_push_group (cr);
      draw_card_count (self, cr, layout, card->count_x, y, card->count, card->dominant, dark);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, card->count_emphasised > 0 ? DIMMED_CLUSTER_ALPHA : 1.0);
    }

  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, card->dimmed ? 0.45 : 1.0);
  cairo_restore (cr);
}

static void
draw_town (cairo_t         *cr,
           PangoLayout     *layout,
           const SbMapTown *town,
           gboolean         dark)
{
  double radius = town->town->is_capital ? 3.5 : 3.0;

  cairo_new_path (cr);
  /* A symbol on it marks where it is; a dot would be a spot on it. */
  if (town->under_symbol)
    {
      draw_text (cr, layout, town->town->is_capital ? SB_MAP_FONT_CAPITAL : SB_MAP_FONT_TOWN,
                 town->town->name, town->label.origin.x, town->label.origin.y, dark, 1.0);
      return;
    }
  if (town->town->is_capital)
    {
      cairo_arc (cr, town->x, town->y, radius + 1.5, 0, 2 * G_PI);
      sb_symbol_set_ink (cr, dark, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_arc (cr, town->x, town->y, radius, 0, 2 * G_PI);
  sb_symbol_set_ink (cr, dark, 1.0);
  cairo_fill_preserve (cr);
  if (dark)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);

  draw_text (cr, layout, town->town->is_capital ? SB_MAP_FONT_CAPITAL : SB_MAP_FONT_TOWN,
             town->town->name, town->label.origin.x, town->label.origin.y, dark, 1.0);
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
draw_clipped_mark (SbItemLayer     *self,
                   cairo_t         *cr,
                   const SbMapMark *mark)
{
  double extent = symbol_extent (mark->radius);

  cairo_save (cr);
  cairo_rectangle (cr, mark->x - extent, mark->y - extent, 2 * extent, 2 * extent);
  cairo_clip (cr);
  draw_mark (self, cr, mark);
  cairo_restore (cr);
}

/* All a cluster's look depends on: copied to a worker thread that
 * renders it ahead (see order_symbols()).
 */
typedef struct
{
  guint count;
  guint8 dominant;
  double radius;
  gboolean dark;
  gboolean single_source;
} ClusterLook;

/* Corroboration, as on a symbol: a cluster's count carries the badge
 * when every incident it counts is supported by one source only (some
 * would say nothing of the others).
 */
static gboolean
cluster_is_single_source (SbItemLayer     *self,
                          const SbCluster *cluster)
{
  return self->badge_single_source && cluster->count > 1 && cluster->n_marked == cluster->count;
}

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

  sb_incident_type_to_rgb (look->dominant, style.rgb);
  style.dark = look->dark;

  cairo_save (cr);
  cairo_rectangle (cr, x - 3 * radius, y - 3 * radius, 6 * radius, 6 * radius);
  cairo_clip (cr);
  sb_symbol_paint_incident (cr, look->dominant, &style, x, y, radius);
  cairo_restore (cr);

  sb_cluster_paint_count_badge (cr, layout, x + radius * 0.5, y - radius * 0.95, look->count, style.dark);
  if (look->single_source)
    sb_cluster_paint_count_badge_single_source (cr, x + radius * 0.5, y - radius * 0.95, look->count,
                                                style.dark);
}

static void
paint_bubble (cairo_t  *cr,
              double    x,
              double    y,
              gpointer  data)
{
  ClusterLook *look = data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  sb_cluster_paint_bubble (cr, layout, x, y, look->count, look->dominant, look->dark);
  if (look->single_source)
    sb_cluster_paint_bubble_single_source (cr, x, y, look->count, look->dark);
}

/* How far from its centre a place's symbol with its count (and the
 * badge over the count's end) reaches.
 */
static double
site_extent (const SbCluster *cluster,
             double           radius)
{
  double badge = sb_cluster_count_badge_width (cluster->count);

  return MAX (3 * radius, MAX (radius * 0.5 + badge + 4 + SB_CLUSTER_SINGLE_SOURCE_RADIUS + 1,
                               radius * 0.95 + 7 + SB_CLUSTER_SINGLE_SOURCE_RADIUS + 1)) + 2;
}

/* How far from its centre what draw_clusters() draws for @cluster reaches. */
static double
cluster_extent (const SbCluster *cluster)
{
  double radius = cluster_radius (cluster);

  if (cluster->count == 1)
    return symbol_extent (radius);
  if (cluster->is_site)
    return site_extent (cluster, radius);
  return radius + 8;
}

/* How a bubble, or a place's symbol with its count beside it, looks: as
 * many looks as counts, so cached too; the text is most of the work.
 */
static SbSymbolPaintFunc
cluster_look (SbItemLayer     *self,
              const SbCluster *cluster,
              ClusterLook     *look,
              SbSymbolKey     *key,
              double          *extent)
{
  memset (look, 0, sizeof *look);
  look->count = cluster->count;
  look->dominant = cluster->dominant;
  look->radius = cluster_radius (cluster);
  look->dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));
  look->single_source = cluster_is_single_source (self, cluster);

  key->look = (guint64) (cluster->is_site ? 3 : 2) << 60 | (guint64) (look->single_source ? 1 : 0) << 56 |
              (guint64) (look->dark ? 1 : 0) << 48 | (guint64) cluster->dominant << 40;
  key->detail = cluster->count;

  if (cluster->is_site)
    {
      *extent = site_extent (cluster, look->radius);
      return paint_site;
    }

  *extent = look->radius + 8;
  return paint_bubble;
}

static void
draw_cluster_look (SbItemLayer     *self,
                   cairo_t         *cr,
                   const SbCluster *cluster,
                   double           x,
                   double           y)
{
  ClusterLook look;
  SbSymbolKey key;
  double extent;
  SbSymbolPaintFunc paint = cluster_look (self, cluster, &look, &key, &extent);

  sb_symbol_cache_paint (self->symbols, cr, &key, extent, x, y, paint, &look);
}

static gboolean
selected_incident_mark (SbItemLayer        *self,
                        const SbProjection *projection,
                        SbMapMark          *mark)
{
  SbSelection *selection = sb_map_layer_get_selection (SB_MAP_LAYER (self));
  SbEntity *selected = sb_selection_get_selected (selection);
  SbPlace *place;

  if (!SB_IS_ITEM (selected) || sb_item_get_kind (SB_ITEM (selected)) != SB_ITEM_KIND_INCIDENT ||
      (place = sb_item_get_place (SB_ITEM (selected))) == NULL ||
      sb_map_layout_uses_cards (place) ||
      !sb_selection_item_is_visible (selection, SB_ITEM (selected)))
    return FALSE;

  memset (mark, 0, sizeof *mark);
  mark->item = SB_ITEM (selected);
  sb_projection_to_widget (projection, sb_place_get_latitude (place), sb_place_get_longitude (place),
                           &mark->x, &mark->y);
  mark->anchor_x = mark->x;
  mark->anchor_y = mark->y;
  mark->radius = INCIDENT_RADIUS;
  mark->card = -1;
  mark->selected = TRUE;
  return TRUE;
}

/* Incidents known only to a region: a soft area, its size the region's
 * when they are at one place, with their count; never a symbol.
 */
static double
region_cluster_radius (SbIncidentClusters *regions,
                       const SbCluster    *cluster,
                       const SbProjection *projection)
{
  SbPlace *place;

  if (!cluster->is_site && cluster->count > 1)
    return sb_cluster_bubble_radius (cluster->count) * 1.5;

  place = sb_item_get_place (first_item (regions, cluster));
  return MAX (sb_place_get_radius_km (place) * sb_projection_pixels_per_km (projection, sb_place_get_latitude (place)),
              INCIDENT_RADIUS * 2);
}

static void
draw_region_cluster (SbItemLayer        *self,
                     cairo_t            *cr,
                     PangoLayout        *layout,
                     SbIncidentClusters *regions,
                     const SbCluster    *cluster,
                     const SbProjection *projection)
{
  gboolean dark = sb_map_layer_is_dark (SB_MAP_LAYER (self));
  double radius = region_cluster_radius (regions, cluster, projection);
  const double offsets[] = { 0.0, 1.0 };
  const double alphas[] = { 0.3, 0.08 };
  double dashes[] = { 5, 4 };
  double x, y, rgb[3];

  sb_projection_unit_to_widget (projection, cluster->x, cluster->y, &x, &y);
  sb_incident_type_to_rgb (cluster->dominant, rgb);

  sb_symbol_fill_soft_disc (cr, x, y, radius, rgb, G_N_ELEMENTS (offsets), offsets, alphas);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, rgb[0] * 0.7, rgb[1] * 0.7, rgb[2] * 0.7, 0.8);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  sb_cluster_paint_count_badge (cr, layout, x - 10, y, cluster->count, dark);
  if (cluster_is_single_source (self, cluster))
    sb_cluster_paint_count_badge_single_source (cr, x - 10, y, cluster->count, dark);
}

/* How far from its centre a region's soft area and count reach: the
 * count's pill starts 10 pixels left of it (a badge over its right end
 * reaches no further out).
 */
static double
region_cluster_extent (SbIncidentClusters *regions,
                       const SbCluster    *cluster,
                       const SbProjection *projection)
{
  return MAX (region_cluster_radius (regions, cluster, projection) + 1.5,
              10 + sb_cluster_count_badge_width (cluster->count) + 1);
}

static gboolean
outside_clip (const double *clip,
              double        x,
              double        y,
              double        extent)
{
  return x + extent < clip[0] || x - extent > clip[2] || y + extent < clip[1] || y - extent > clip[3];
}

static void
draw_clusters (SbItemLayer        *self,
               SbIncidentClusters *clusters,
               cairo_t            *cr,
               const SbProjection *projection)
{
  double clip[4];
  gboolean clipped;

  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (SbCluster));
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  SbIncidentClusters *regions = sb_incident_clusters_get_regions (clusters);
  double box[4];

  view_box (projection, 40, box);
  /* Only part of the texture drawn again (an edit): what lies outside
   * is not drawn at all, rather than drawn and clipped.
   */
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  clipped = clip[0] > 0 || clip[1] > 0 || clip[2] < 2 * projection->half_width || clip[3] < 2 * projection->half_height;

  if (regions != NULL)
    {
      /* A region's area may reach into view from far outside it. */
      double margin = 0.02 * exp2 (-MAX (projection->zoom - 5, 0));

      sb_cluster_index_query (sb_incident_clusters_get_index (regions), projection->zoom,
                              box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin, found);
      for (guint i = 0; i < found->len; i++)
        {
          const SbCluster *cluster = &g_array_index (found, SbCluster, i);
          double x, y;

          sb_projection_unit_to_widget (projection, cluster->x, cluster->y, &x, &y);
          if (!clipped || !outside_clip (clip, x, y, region_cluster_extent (regions, cluster, projection)))
            draw_region_cluster (self, cr, layout, regions, cluster, projection);
        }
      g_array_set_size (found, 0);
    }

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
        if (clipped && outside_clip (clip, x, y, cluster_extent (cluster)))
          continue;
        if (pass < 2)
          draw_cluster_look (self, cr, cluster, x, y);
        else
          {
            SbMapMark mark = { 0, };

            mark.item = first_item (clusters, cluster);
            mark.x = mark.anchor_x = x;
            mark.y = mark.anchor_y = y;
            mark.radius = INCIDENT_RADIUS;
            mark.selected = sb_map_layer_is_emphasised (SB_MAP_LAYER (self), mark.item, &mark.dimmed);
            draw_clipped_mark (self, cr, &mark);
          }
      }
}

static void
draw_mark_label (cairo_t         *cr,
                 PangoLayout     *layout,
                 const SbMapMark *mark,
                 gboolean         dark)
{
  draw_text (cr, layout, SB_MAP_FONT_LABEL, sb_map_layout_mark_label (mark->item),
             mark->label.origin.x, mark->label.origin.y, dark, mark->dimmed ? 0.35 : 1.0);
}

static void
sb_item_layer_draw (SbMapLayer         *layer,
                    cairo_t            *cr,
                    const SbProjection *projection)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);
  g_autoptr(SbMapLayout) map_layout = sb_map_layer_get_layout (layer, projection);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  gboolean dark = sb_map_layer_is_dark (layer);
  SbBriefing *briefing = sb_selection_get_briefing (sb_map_layer_get_selection (layer));
  SbMapMark selected;

  self->badge_single_source = briefing != NULL && sb_briefing_has_independent_sources (briefing);

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

  for (guint i = 0; i < map_layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);

      if (mark->card < 0 && mark->displaced)
        draw_leader (cr, mark, dark);
    }

  /* Cards under the symbols at points, whose places they keep clear of;
   * their leaders under all cards.
   */
  for (guint i = 0; i < map_layout->cards->len; i++)
    if (g_array_index (map_layout->cards, SbMapCard, i).leader)
      draw_card_leader (cr, &g_array_index (map_layout->cards, SbMapCard, i), dark);
  for (guint i = 0; i < map_layout->cards->len; i++)
    draw_card (self, cr, layout, map_layout, &g_array_index (map_layout->cards, SbMapCard, i));

  /* Faded first, the selection last: on top. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < map_layout->marks->len; i++)
      {
        const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);
        guint mark_pass = mark->selected ? 2 : mark->dimmed ? 0 : 1;

        if (mark->card < 0 && mark_pass == pass)
          draw_mark (self, cr, mark);
      }

  for (guint i = 0; i < map_layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);

      if (mark->card < 0 && mark->has_label)
        draw_mark_label (cr, layout, mark, dark);
    }

  for (guint i = 0; i < map_layout->country_names->len; i++)
    {
      const SbMapTown *name = &g_array_index (map_layout->country_names, SbMapTown, i);
      const char *country = name->place ? sb_text_get (sb_place_get_name (name->place)) : name->town->name;
      g_autofree char *upper = g_utf8_strup (country, -1);

      draw_text (cr, layout, SB_MAP_FONT_COUNTRY, upper, name->label.origin.x, name->label.origin.y, dark, 0.75);
    }

  /* The towns the briefing mentions, over everything. */
  for (guint i = 0; i < map_layout->towns->len; i++)
    draw_town (cr, layout, &g_array_index (map_layout->towns, SbMapTown, i), dark);

  /* The selected incident shows at its own place, out of its cluster. */
  if (self->clusters != NULL && selected_incident_mark (self, projection, &selected))
    draw_clipped_mark (self, cr, &selected);
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

  sb_projection_widget_to_unit (projection, x, y, &ux, &uy);
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

static gboolean
pick_clusters (SbItemLayer        *self,
               SbIncidentClusters *clusters,
               const SbProjection *projection,
               double              x,
               double              y,
               double             *distance,
               SbEntity          **entity)
{
  SbIncidentClusters *sources[2] = { clusters, clusters ? sb_incident_clusters_get_regions (clusters) : NULL };
  SbCluster cluster;
  double d;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      if (!hit_cluster (sources[i], projection, x, y, &cluster, &d))
        continue;

      *distance = d;
      /* One incident known to a point is selected; known to a region, it
       * is a soft area like many, and lists itself.
       */
      if (cluster.count == 1 && i == 0)
        {
          *entity = SB_ENTITY (first_item (sources[i], &cluster));
          return TRUE;
        }

      /* Several: not one entity to select; the map view asks for it. */
      self->picked = cluster;
      self->picked_from = sources[i];
      self->picked_cluster = TRUE;
      return TRUE;
    }

  return FALSE;
}

static gboolean
in_rect (const graphene_rect_t *rect,
         double                 x,
         double                 y,
         double                 slack)
{
  graphene_rect_t grown;

  graphene_rect_inset_r (rect, -slack, -slack, &grown);
  return graphene_rect_contains_point (&grown, &GRAPHENE_POINT_INIT (x, y));
}

static const SbAreaIncidents *
find_area (SbIncidentClusters *clusters,
           SbPlace            *place)
{
  GPtrArray *areas = clusters ? sb_incident_clusters_get_areas (clusters) : NULL;

  for (guint i = 0; areas != NULL && i < areas->len; i++)
    if (((SbAreaIncidents *) g_ptr_array_index (areas, i))->place == place)
      return g_ptr_array_index (areas, i);

  return NULL;
}

/* On a card: a symbol, the count of an event dataset's incidents, or the
 * card itself, which stands for its place.
 */
static SbEntity *
pick_card (SbItemLayer       *self,
           const SbMapLayout *map_layout,
           double             x,
           double             y,
           double            *distance)
{
  for (int c = map_layout->cards->len - 1; c >= 0; c--)
    {
      const SbMapCard *card = &g_array_index (map_layout->cards, SbMapCard, c);
      SbEntity *best = NULL;

      if (!in_rect (&card->box, x, y, 2))
        continue;

      for (guint i = 0; i < map_layout->marks->len; i++)
        {
          const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);
          double d = hypot (x - mark->x, y - mark->y);

          if (mark->card == c &&
              (d <= mark->radius + 2 || (mark->has_label && in_rect (&mark->label, x, y, 1))))
            {
              *distance = MIN (d, mark->radius);
              best = SB_ENTITY (mark->item);
            }
        }

      if (best == NULL && card->count > 0 &&
          y >= card->count_y - INCIDENT_RADIUS - 2 &&
          y <= card->count_y + INCIDENT_RADIUS + 2 + (card->count_emphasised > 0 ? 2 * INCIDENT_RADIUS + 3 : 0))
        {
          gboolean actor_row = card->count_emphasised > 0 && y < card->count_y + INCIDENT_RADIUS + 1;

          self->picked_area = find_area (actor_row ? self->actor_clusters : self->clusters, card->place);
          self->picked_cluster = self->picked_area != NULL;
          *distance = 0;
          return NULL;
        }

      if (best == NULL)
        {
          *distance = INCIDENT_RADIUS;
          best = SB_ENTITY (card->place);
        }

      return best;
    }

  return NULL;
}

static SbEntity *
sb_item_layer_pick (SbMapLayer         *layer,
                    const SbProjection *projection,
                    double              x,
                    double              y,
                    double             *distance)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);
  g_autoptr(SbMapLayout) map_layout = sb_map_layer_get_layout (layer, projection);
  SbEntity *best = NULL;
  SbMapMark selected;
  double d = G_MAXDOUBLE;

  *distance = G_MAXDOUBLE;
  self->picked_cluster = FALSE;
  self->picked_area = NULL;

  if (self->clusters != NULL && selected_incident_mark (self, projection, &selected) &&
      (d = hypot (x - selected.x, y - selected.y)) <= selected.radius + HIT_SLACK)
    {
      *distance = d;
      return SB_ENTITY (selected.item);
    }

  for (guint i = 0; i < map_layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (map_layout->marks, SbMapMark, i);

      d = hypot (x - mark->x, y - mark->y);
      if (mark->card < 0 && d <= mark->radius + HIT_SLACK && d < *distance)
        {
          *distance = d;
          best = SB_ENTITY (mark->item);
        }
    }
  if (best != NULL)
    return best;

  best = pick_card (self, map_layout, x, y, distance);
  if (best != NULL || self->picked_cluster)
    return best;

  /* The selected actor's clusters lie over the others. */
  if (pick_clusters (self, self->actor_clusters, projection, x, y, distance, &best) ||
      pick_clusters (self, self->clusters, projection, x, y, distance, &best))
    return best;

  return NULL;
}

static void
sb_item_layer_get_layout_clusters (SbMapLayer          *layer,
                                   SbIncidentClusters **clusters,
                                   SbIncidentClusters **actor_clusters)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);

  *clusters = self->clusters;
  *actor_clusters = self->actor_clusters;
}

/**
 * sb_item_layer_pick_cluster:
 * @cluster: (out): the cluster of several incidents drawn at (@x, @y)
 * @clusters: (out) (transfer none): the clustering it belongs to: all the
 *   incidents shown, the selected actor's, or their regions'
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
  if (sb_map_layer_pick (SB_MAP_LAYER (self), x, y, NULL) != NULL || !self->picked_cluster ||
      self->picked_area != NULL)
    return FALSE;

  *cluster = self->picked;
  *clusters = self->picked_from;
  return TRUE;
}

/**
 * sb_item_layer_pick_area:
 *
 * Returns: (nullable): the incidents known only to a country whose count
 *   is drawn at (@x, @y), on the country's card
 */
const SbAreaIncidents *
sb_item_layer_pick_area (SbItemLayer *self,
                         double       x,
                         double       y)
{
  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), NULL);

  if (self->clusters == NULL || sb_map_layer_pick (SB_MAP_LAYER (self), x, y, NULL) != NULL)
    return NULL;

  return self->picked_area;
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
 * Gets where @item is drawn now, in the layer's coordinates: its symbol
 * at its point or on its area's card; for an incident inside a cluster,
 * where the cluster is; for one counted on a country's card, the count.
 *
 * Returns: %TRUE if @item is drawn
 */
gboolean
sb_item_layer_get_position (SbItemLayer *self,
                            SbItem      *item,
                            double      *x,
                            double      *y)
{
  g_autoptr(SbMapLayout) map_layout = NULL;
  SbMapLayer *layer = SB_MAP_LAYER (self);
  SbMapLayerTransform to_view;
  const SbMapMark *mark;
  SbProjection projection;
  SbCluster cluster;
  SbMapMark selected;
  double lx, ly;

  g_return_val_if_fail (SB_IS_ITEM_LAYER (self), FALSE);

  if (sb_selection_get_briefing (sb_map_layer_get_selection (layer)) == NULL)
    return FALSE;

  /* Where the layer drew it, then in the layer's pixels. */
  map_layout = sb_map_layer_get_drawn_layout (layer, &projection, &to_view);

  if (self->clusters != NULL && sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT)
    {
      SbPlace *place = sb_item_get_place (item);
      SbIncidentClusters *regions = sb_incident_clusters_get_regions (self->clusters);
      const SbMapCard *card;

      if (selected_incident_mark (self, &projection, &selected) && selected.item == item)
        {
          lx = selected.x;
          ly = selected.y;
        }
      else if (place != NULL && sb_place_get_precision (place) == SB_PLACE_PRECISION_COUNTRY)
        {
          card = sb_map_layout_find_card (map_layout, place);
          if (card == NULL || card->count == 0)
            return FALSE;
          lx = card->count_x;
          ly = card->count_y;
        }
      else if (sb_incident_clusters_locate (self->clusters, item, projection.zoom, &cluster) ||
               (regions != NULL && sb_incident_clusters_locate (regions, item, projection.zoom, &cluster)))
        sb_projection_unit_to_widget (&projection, cluster.x, cluster.y, &lx, &ly);
      else
        return FALSE;
    }
  else if ((mark = sb_map_layout_find_mark (map_layout, item)) != NULL)
    {
      lx = mark->x;
      ly = mark->y;
    }
  else
    return FALSE;

  *x = (lx - to_view.dx) * to_view.scale;
  *y = (ly - to_view.dy) * to_view.scale;
  return TRUE;
}

static void start_build (SbItemLayer *self);

/* Clusters newly built take the place of the old ones: the actor's, or
 * all the filters show.
 */
static void
take_clusters (SbItemLayer        *self,
               SbIncidentClusters *built,
               gboolean            of_actor)
{
  if (of_actor)
    {
      g_clear_object (&self->actor_building);
      g_clear_pointer (&self->actor_clusters, sb_incident_clusters_unref);
      self->actor_clusters = built;
      sb_map_layer_invalidate (SB_MAP_LAYER (self));
      return;
    }

  g_clear_object (&self->building);
  g_clear_pointer (&self->clusters, sb_incident_clusters_unref);
  self->clusters = built;
  sb_map_layer_invalidate (SB_MAP_LAYER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The symbols of @clusters in view (at the zoom and scale the next
 * texture is drawn at) that the cache lacks.
 */
static void
order_symbols (SbItemLayer        *self,
               SbIncidentClusters *clusters,
               SbSymbolBatch      *batch)
{
  SbBriefing *briefing = sb_selection_get_briefing (sb_map_layer_get_selection (SB_MAP_LAYER (self)));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (SbCluster));
  SbProjection projection;
  double scale, box[4];

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !sb_map_layer_get_next_projection (SB_MAP_LAYER (self), &projection, &scale))
    return;

  self->badge_single_source = briefing != NULL && sb_briefing_has_independent_sources (briefing);
  view_box (&projection, 40, box);
  sb_cluster_index_query (sb_incident_clusters_get_index (clusters), projection.zoom,
                          box[0], box[1], box[2], box[3], found);

  for (guint i = 0; i < found->len; i++)
    {
      const SbCluster *cluster = &g_array_index (found, SbCluster, i);
      gboolean more;

      if (cluster->count == 1)
        {
          SbItem *item = first_item (clusters, cluster);
          gboolean selected, dimmed = FALSE;
          SymbolLook look;
          SbSymbolKey key;

          if (item == NULL)
            continue;
          selected = sb_map_layer_is_emphasised (SB_MAP_LAYER (self), item, &dimmed);
          item_look (self, item, INCIDENT_RADIUS, selected, dimmed, &look, &key);
          more = sb_symbol_cache_add_missing (self->symbols, batch, &key, scale, symbol_extent (INCIDENT_RADIUS),
                                              paint_symbol_look, &look, sizeof look);
        }
      else
        {
          ClusterLook look;
          SbSymbolKey key;
          double extent;
          SbSymbolPaintFunc paint = cluster_look (self, cluster, &look, &key, &extent);

          more = sb_symbol_cache_add_missing (self->symbols, batch, &key, scale, extent, paint, &look, sizeof look);
        }

      if (!more)
        break;
    }
}

typedef struct
{
  SbIncidentClusters *built;
  gboolean of_actor;
  SbSymbolBatch *batch;
} Ahead;

static void
ahead_free (Ahead *ahead)
{
  /* Taken by the callback, in the main thread. */
  g_assert (ahead->built == NULL);
  sb_symbol_batch_free (ahead->batch);
  g_free (ahead);
}

static void
render_ahead (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Ahead *ahead = task_data;

  sb_symbol_batch_render (ahead->batch, cancellable);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
on_rendered_ahead (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SbItemLayer) self = user_data;
  Ahead *ahead = g_task_get_task_data (G_TASK (result));
  g_autoptr(SbIncidentClusters) built = g_steal_pointer (&ahead->built);

  /* Cancelled: newer clusters are on their way. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->symbols == NULL)
    return;

  sb_symbol_cache_take_batch (self->symbols, ahead->batch);
  if (!ahead->of_actor && self->build_again)
    {
      start_build (self);
      return;
    }
  take_clusters (self, g_steal_pointer (&built), ahead->of_actor);
}

/* Clusters built for other filters bring symbols not drawn before (new
 * counts): hundreds of them, each some milliseconds to render. They are
 * rendered in a worker thread first, and the clusters shown once they
 * are, so that the frame that lays out and records the new clusters only
 * copies images; until then the map shows the clusters it had.
 */
static void
take_when_rendered (SbItemLayer        *self,
                    SbIncidentClusters *built,
                    gboolean            of_actor,
                    GCancellable       *cancellable)
{
  g_autoptr(SbSymbolBatch) batch = sb_symbol_batch_new ();
  g_autoptr(GTask) task = NULL;
  gint64 start = g_get_monotonic_time ();
  Ahead *ahead;

  order_symbols (self, built, batch);
  g_debug ("%u symbols of the new clusters to render, found in %.1f ms", sb_symbol_batch_get_size (batch),
           (g_get_monotonic_time () - start) / 1000.0);
  if (sb_symbol_batch_get_size (batch) == 0)
    {
      take_clusters (self, built, of_actor);
      return;
    }

  ahead = g_new0 (Ahead, 1);
  ahead->built = built;
  ahead->of_actor = of_actor;
  ahead->batch = g_steal_pointer (&batch);
  task = g_task_new (NULL, cancellable, on_rendered_ahead, g_object_ref (self));
  g_task_set_source_tag (task, take_when_rendered);
  g_task_set_task_data (task, ahead, (GDestroyNotify) ahead_free);
  g_task_run_in_thread (task, render_ahead);
}

static void
on_rendered_for_texture (GObject      *source_object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SbItemLayer) self = user_data;
  Ahead *ahead = g_task_get_task_data (G_TASK (result));

  if (g_task_get_cancellable (G_TASK (result)) == self->rendering)
    g_clear_object (&self->rendering);

  if (self->symbols != NULL && g_task_propagate_boolean (G_TASK (result), NULL))
    sb_symbol_cache_take_batch (self->symbols, ahead->batch);
  sb_map_layer_prepared (SB_MAP_LAYER (self));
}

/* The symbols a texture of the clusters shown needs (the view moved to
 * another zoom, the selection changed how they look), rendered in a
 * worker before it is drawn.
 */
static gboolean
sb_item_layer_prepare (SbMapLayer *layer)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);
  g_autoptr(SbSymbolBatch) batch = NULL;
  g_autoptr(GTask) task = NULL;
  Ahead *ahead;

  if (self->clusters == NULL)
    return TRUE;
  /* Asked again before the symbols came: they are what it waits for. */
  if (self->rendering != NULL)
    return FALSE;

  batch = sb_symbol_batch_new ();
  order_symbols (self, self->clusters, batch);
  if (self->actor_clusters != NULL)
    order_symbols (self, self->actor_clusters, batch);
  if (sb_symbol_batch_get_size (batch) == 0)
    return TRUE;

  self->rendering = g_cancellable_new ();
  ahead = g_new0 (Ahead, 1);
  ahead->batch = g_steal_pointer (&batch);
  task = g_task_new (NULL, self->rendering, on_rendered_for_texture, g_object_ref (self));
  g_task_set_source_tag (task, sb_item_layer_prepare);
  g_task_set_task_data (task, ahead, (GDestroyNotify) ahead_free);
  g_task_run_in_thread (task, render_ahead);
  return FALSE;
}

static void
on_built (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SbItemLayer) self = user_data;
  SbIncidentClusters *built = sb_incident_clusters_build_finish (result, NULL);

  /* Cancelled: the filters changed again, and the build for them is
   * under way.
   */
  if (built == NULL)
    return;

  /* Edits came meanwhile (the clusters shown have them): built again. */
  if (self->build_again)
    {
      sb_incident_clusters_unref (built);
      start_build (self);
      return;
    }

  take_when_rendered (self, built, FALSE, self->building);
}

static void
start_build (SbItemLayer *self)
{
  g_autoptr(SbFilter) filter = sb_filter_ref (sb_selection_get_filter (sb_map_layer_get_selection (SB_MAP_LAYER (self))));

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
  SbIncidentClusters *built = sb_incident_clusters_build_finish (result, NULL);

  if (built != NULL)
    take_when_rendered (self, built, TRUE, self->actor_building);
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

  filter = sb_filter_with_actor (sb_selection_get_filter (selection), actor);

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

  /* A build under way for filters no longer shown is dropped: the map
   * keeps what it shows until the clusters for these come.
   */
  if (!uses_clusters (self))
    {
      g_cancellable_cancel (self->building);
      g_clear_object (&self->building);
      self->build_again = FALSE;
    }
  else
    start_build (self);

  if (was_busy != (self->building != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  update_actor_clusters (self);
}

static gboolean
rebuild_after_edits (gpointer user_data)
{
  SbItemLayer *self = user_data;

  self->rebuild_source = 0;
  if (self->building != NULL)
    self->build_again = TRUE;
  else
    start_build (self);
  update_actor_clusters (self);

  return G_SOURCE_REMOVE;
}

/* Whether @changes touch nothing but incidents the clusters show at
 * points or in regions, before and after: what the layout places (cards,
 * their counts, symbols of other statements) stays as it is, and only
 * the clusters holding them are drawn again.
 */
static gboolean
changes_only_clusters (SbItemLayer *self,
                       SbChanges   *changes)
{
  GPtrArray *changed = sb_changes_get_changed (changes);
  GPtrArray *inserted = sb_changes_get_inserted (changes);

  if (self->clusters == NULL || self->actor_clusters != NULL || sb_changes_get_removed (changes)->len > 0 ||
      sb_changes_get_briefing_fields (changes) != 0 ||
      sb_changes_get_reordered (changes, SB_TYPE_ITEM) || sb_changes_get_reordered (changes, SB_TYPE_PLACE) ||
      sb_changes_get_reordered (changes, SB_TYPE_ACTOR))
    return FALSE;

  /* A new place (the map clicked to place an incident) shows only through
   * what stands there.
   */
  for (guint i = 0; i < inserted->len; i++)
    if (!SB_IS_PLACE (g_ptr_array_index (inserted, i)) ||
        sb_map_layout_uses_cards (g_ptr_array_index (inserted, i)))
      return FALSE;

  for (guint i = 0; i < changed->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (changed, i);
      SbPlace *place;

      if (!SB_IS_ITEM (entity) || sb_item_get_kind (SB_ITEM (entity)) != SB_ITEM_KIND_INCIDENT)
        return FALSE;
      place = sb_item_get_place (SB_ITEM (entity));
      if ((place != NULL && sb_map_layout_uses_cards (place)) ||
          sb_incident_clusters_counts_on_card (self->clusters, SB_ITEM (entity)))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  SbProjection projection;  /* the texture's, as drawn */
  GArray *nodes;            /* of guint32 pairs: part (0 points, 1 regions) and node */
} Redraw;

static void
redraw_around (SbItemLayer *self,
               double       x,
               double       y,
               double       extent)
{
  graphene_rect_t box = GRAPHENE_RECT_INIT (x - extent - 2, y - extent - 2, 2 * extent + 4, 2 * extent + 4);

  sb_map_layer_redraw_box (SB_MAP_LAYER (self), &box);
}

static void
redraw_cluster (SbItemLayer     *self,
                Redraw          *redraw,
                guint            part,
                const SbCluster *cluster)
{
  SbIncidentClusters *regions = sb_incident_clusters_get_regions (self->clusters);
  double x, y;

  sb_projection_unit_to_widget (&redraw->projection, cluster->x, cluster->y, &x, &y);
  redraw_around (self, x, y, part == 0 ? cluster_extent (cluster) :
                             region_cluster_extent (regions, cluster, &redraw->projection));
}

/* Where @item is drawn now: its cluster, and its own place (where it is
 * drawn when selected); the clusters are noted, to be drawn again where
 * they are after the edit.
 */
static void
redraw_item (SbItemLayer *self,
             Redraw      *redraw,
             SbItem      *item)
{
  SbIncidentClusters *parts[] = { self->clusters, sb_incident_clusters_get_regions (self->clusters) };
  SbCluster cluster;

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      double x, y;

      if (parts[p] == NULL || !sb_incident_clusters_locate (parts[p], item, redraw->projection.zoom, &cluster))
        continue;

      redraw_cluster (self, redraw, p, &cluster);
      if (redraw->nodes != NULL)
        {
          guint32 noted[2] = { p, cluster.node };

          g_array_append_vals (redraw->nodes, noted, 2);
        }

      if (sb_incident_clusters_locate (parts[p], item, SB_CLUSTER_SITE_LEVEL, &cluster))
        {
          sb_projection_unit_to_widget (&redraw->projection, cluster.x, cluster.y, &x, &y);
          redraw_around (self, x, y, symbol_extent (INCIDENT_RADIUS));
        }
    }
}

/* An edit patches the clusters at once, for the next frame; a build
 * clusters the patched incidents with their neighbours once edits pause.
 * When only clustered incidents changed, the next frame draws again only
 * the clusters that held them and those that hold them now.
 */
static gboolean
sb_item_layer_edited (SbMapLayer *layer,
                      SbChanges  *changes)
{
  SbItemLayer *self = SB_ITEM_LAYER (layer);
  SbSelection *selection = sb_map_layer_get_selection (layer);
  gboolean clustering = self->clusters != NULL || self->building != NULL;
  gboolean updated = FALSE;
  g_autoptr(GArray) nodes = NULL;
  Redraw redraw = { 0, };
  GPtrArray *changed = sb_changes_get_changed (changes);
  gboolean in_part = FALSE;

  if (clustering != uses_clusters (self))
    {
      on_filter_changed (self);
      return FALSE;
    }

  if (sb_map_layout_shows_changes (changes) && changes_only_clusters (self, changes) &&
      sb_map_layer_get_drawn_projection (layer, &redraw.projection))
    {
      in_part = TRUE;
      nodes = redraw.nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; i < changed->len; i++)
        redraw_item (self, &redraw, g_ptr_array_index (changed, i));
    }

  if (self->clusters != NULL)
    updated = sb_incident_clusters_update (self->clusters, sb_selection_get_filter (selection), changes);

  if (self->actor_clusters != NULL)
    {
      g_autoptr(SbFilter) filter = sb_filter_with_actor (sb_selection_get_filter (selection),
                                                         sb_filter_get_actor (sb_incident_clusters_get_filter (self->actor_clusters)));

      updated = sb_incident_clusters_update (self->actor_clusters, filter, changes) || updated;
    }

  if (in_part)
    {
      SbIncidentClusters *parts[] = { self->clusters, sb_incident_clusters_get_regions (self->clusters) };

      /* The clusters that held them, lighter now (and their centres
       * moved a little); then those that hold them.
       */
      redraw.nodes = NULL;
      for (guint i = 0; i + 1 < nodes->len; i += 2)
        {
          guint part = g_array_index (nodes, guint32, i);
          SbCluster cluster;

          if (parts[part] != NULL &&
              sb_cluster_index_get_cluster (sb_incident_clusters_get_index (parts[part]),
                                            g_array_index (nodes, guint32, i + 1), &cluster))
            redraw_cluster (self, &redraw, part, &cluster);
        }
      for (guint i = 0; i < changed->len; i++)
        redraw_item (self, &redraw, g_ptr_array_index (changed, i));
    }

  if (updated && self->building != NULL)
    self->build_again = TRUE;
  else if (updated)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      self->rebuild_source = g_timeout_add (REBUILD_AFTER_EDITS_MS, rebuild_after_edits, self);
    }

  return in_part;
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

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  g_clear_pointer (&self->clusters, sb_incident_clusters_unref);
  g_cancellable_cancel (self->actor_building);
  g_clear_object (&self->actor_building);
  g_clear_pointer (&self->actor_clusters, sb_incident_clusters_unref);
  g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
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
  layer_class->get_clusters = sb_item_layer_get_layout_clusters;
  layer_class->edited = sb_item_layer_edited;
  layer_class->prepare = sb_item_layer_prepare;

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
