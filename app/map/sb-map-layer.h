/* sb-map-layer.h
 *
 * A layer of the briefing drawn over the map: it follows the window's
 * selection and filters, draws with cairo into a texture that moves with
 * the map, and answers which entity lies under a point.
 */

#pragma once

#include <cairo.h>
#include <shumate/shumate.h>

#include "sb-map-layout.h"
#include "sb-projection.h"
#include "sb-selection.h"

G_BEGIN_DECLS

/* From a layout's coordinates to a layer's pixels. */
typedef struct
{
  double dx, dy;
  double scale;
} SbMapLayerTransform;

#define SB_TYPE_MAP_LAYER (sb_map_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (SbMapLayer, sb_map_layer, SB, MAP_LAYER, ShumateLayer)

struct _SbMapLayerClass
{
  ShumateLayerClass parent_class;

  /* Draws in widget coordinates of @projection. */
  void      (*draw) (SbMapLayer         *self,
                     cairo_t            *cr,
                     const SbProjection *projection);

  /* The entity drawn under (x, y), and how far from its centre. */
  SbEntity *(*pick) (SbMapLayer         *self,
                     const SbProjection *projection,
                     double              x,
                     double              y,
                     double             *distance);

  /* The clustered incidents the layout counts on cards, if any. */
  void      (*get_clusters) (SbMapLayer          *self,
                             SbIncidentClusters **clusters,
                             SbIncidentClusters **actor_clusters);

  /* Follows an edit; %TRUE when it redrew what the edit changed itself
   * (sb_map_layer_redraw_box()), %FALSE to be redrawn whole if the edit
   * shows on the map. */
  gboolean  (*edited) (SbMapLayer *self,
                       SbChanges  *changes);

  /* Before a texture is drawn for the view as it is: %TRUE when the
   * layer can draw it in a frame's time; else the layer prepares what it
   * lacks (images of its symbols) off the main thread, calls
   * sb_map_layer_prepared() when done, and the texture shown stays
   * meanwhile. Asked once for each texture. */
  gboolean  (*prepare) (SbMapLayer *self);
};

SbSelection *sb_map_layer_get_selection (SbMapLayer *self);
gboolean     sb_map_layer_is_dark       (SbMapLayer *self);
void         sb_map_layer_invalidate    (SbMapLayer *self);
void         sb_map_layer_prepared      (SbMapLayer *self);
gboolean     sb_map_layer_get_drawn_projection (SbMapLayer   *self,
                                                SbProjection *projection);
GdkTexture  *sb_map_layer_get_texture   (SbMapLayer *self);
gboolean     sb_map_layer_is_drawing    (SbMapLayer *self);
gint64       sb_map_layers_get_snapshot_cpu_time (GtkWidget *root);
gint64       sb_map_layers_get_worker_cpu_time (GtkWidget *root);
gboolean     sb_map_layers_are_drawing  (GtkWidget *root);
void         sb_map_layer_redraw_box    (SbMapLayer            *self,
                                         const graphene_rect_t *box);
SbEntity    *sb_map_layer_pick          (SbMapLayer *self,
                                         double      x,
                                         double      y,
                                         double     *distance);
gboolean     sb_map_layer_is_emphasised (SbMapLayer *self,
                                         SbItem     *item,
                                         gboolean   *dimmed);
void         sb_map_layer_draw_scaled   (SbMapLayer         *self,
                                         cairo_t            *cr,
                                         const SbProjection *projection,
                                         double              symbol_scale);
void         sb_map_layer_set_symbol_scale (SbMapLayer *self,
                                            double      symbol_scale);
void         sb_map_layer_set_layout_source (SbMapLayer *self,
                                             SbMapLayer *source);
void         sb_map_layer_set_occluders (SbMapLayer *self,
                                         GArray     *occluders);
gboolean     sb_map_layer_get_next_projection (SbMapLayer   *self,
                                               SbProjection *projection,
                                               double       *device_scale);
SbMapLayout *sb_map_layer_get_layout    (SbMapLayer         *self,
                                         const SbProjection *projection);
SbMapLayout *sb_map_layer_get_drawn_layout (SbMapLayer          *self,
                                            SbProjection        *projection,
                                            SbMapLayerTransform *to_view);

GArray      *sb_map_layer_get_covered  (SbMapLayer          *self,
                                         double              *zoom);
GArray      *sb_map_layer_get_covered_in (SbMapLayer         *self,
                                          const SbProjection *projection,
                                          double              symbol_scale);

gint64 sb_map_layer_get_snapshot_time (SbMapLayer *self);
gint64 sb_map_layer_get_snapshot_cpu_time (SbMapLayer *self);
gint64 sb_map_layer_get_worker_cpu_time (SbMapLayer *self);

G_END_DECLS
