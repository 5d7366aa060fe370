/* sb-map-layer.c
 *
 * What every layer of the briefing shares: a texture drawn with cairo
 * that moves with the map, following the selection and filters, and hit
 * testing.
 *
 * The layer draws into a texture a margin larger than the view. Panning
 * only moves it; a change of zoom redraws it, at once when drawing is
 * quick, otherwise the texture is scaled until the zoom settles. Changes of
 * selection or filters redraw it.
 *
 * Drawing is in two parts: the main thread lays out and records what to
 * draw (cairo operations, the symbols as images), which is quick; a
 * worker thread plays the recording into the texture's pixels, which is
 * most of the work. The texture shown stays until the new one is ready,
 * so a frame never shows the layer blank; one that is out of date when
 * it comes (the filters changed again) is dropped. A layer whose
 * recording would be slow (symbols not rendered yet) prepares first, off
 * the main thread, and the texture shown stays meanwhile. No GTK call is made
 * off the main thread: the worker returns pixels, the main thread makes
 * the texture. Edits that redraw a few boxes do so at once, in the main
 * thread (sb_map_layer_redraw_box()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-layer"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <time.h>

#include "sb-map-layer.h"
#include "sb-symbols.h"

#define MARGIN 0.25
#define QUICK_DRAW_US 6000
#define SETTLE_MS 120
/* Beyond this, a texture of another zoom scaled is a blur, not the map. */
#define MAX_SCALED_ZOOMS 3.0

/* A texture to draw in a worker thread: where, and what (a recording). */
typedef struct
{
  SbProjection projection;
  graphene_rect_t texture_view;
  double texture_width;
  double texture_height;
  int texture_scale;
  gboolean texture_dark;
  guint generation;
  int pixel_width;
  int pixel_height;
  cairo_surface_t *recording;
  gint64 record_time;      /* µs in the main thread */
  cairo_surface_t *surface; /* the result */
  gint64 play_time;        /* µs of processor time in the worker */
} DrawJob;

typedef struct
{
  SbSelection *selection;

  GdkTexture *texture;
  cairo_surface_t *surface; /* the texture's pixels, never changed while it lives */
  GArray *damage;          /* of graphene_rect_t: to draw again in the texture, in the units drawn */
  SbProjection projection; /* the texture's */
  double texture_width;
  double texture_height;
  int texture_scale;
  gboolean texture_dark;
  gint64 draw_time;         /* µs the main thread spent on the texture shown */
  guint settle_source;
  gboolean stale;           /* the texture shown is no longer what to draw */
  gboolean redraw_wanted;   /* the zoom settled on another than the texture's */
  guint generation;         /* counts changes to what is drawn */
  GCancellable *drawing;    /* the texture under way in a worker, if any */
  gboolean preparing;       /* the class prepares the next texture (see its prepare) */
  gboolean prepared;        /* and is done: the next texture is drawn without asking */
  gint64 worker_cpu_time;   /* in all workers so far, µs */
  double symbol_scale;     /* strokes and symbols, 1 on screen; larger on a projector */
  gint64 snapshot_time;    /* in all snapshots so far, µs: the layer's own work */
  gint64 snapshot_cpu_time; /* the same in processor time, whatever else the machine runs */
  gboolean shown_once;     /* the window's first frame went without this layer */

  /* The last layouts, for drawing the texture and for hit testing in the
   * view; the layer given as source computes them for all layers.
   */
  SbMapLayer *layout_source;
  SbMapLayout *layouts[2];
  SbProjection layout_projections[2];
  graphene_rect_t layout_views[2];

  GArray *occluders;       /* of graphene_rect_t, in the view's pixels: see sb_map_layer_set_occluders() */
  GArray *covered;         /* of graphene_rect_t: see sb_map_layer_get_covered() */

  /* While drawing or hit testing: what of the projection is in view. */
  graphene_rect_t view;
  graphene_rect_t texture_view; /* in the texture's projection */
} SbMapLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SbMapLayer, sb_map_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  INVALIDATED,
  DRAWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void scale_projection (SbProjection *projection,
                              double        scale);

static void
clear_texture (SbMapLayerPrivate *priv)
{
  g_clear_object (&priv->texture);
  g_clear_pointer (&priv->surface, cairo_surface_destroy);
  g_array_set_size (priv->damage, 0);
  priv->stale = FALSE;
}

static void
draw_job_free (DrawJob *job)
{
  g_clear_pointer (&job->recording, cairo_surface_destroy);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

/* What is drawn changed: the texture shown stays until the new one is
 * drawn; the one under way will not be shown.
 */
static void
outdate_texture (SbMapLayerPrivate *priv)
{
  priv->generation++;
  priv->stale = priv->texture != NULL;
  g_array_set_size (priv->damage, 0);
  if (priv->drawing != NULL)
    g_cancellable_cancel (priv->drawing);
}

gboolean
sb_map_layer_is_dark (SbMapLayer *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
sb_map_layer_invalidate (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_if_fail (SB_IS_MAP_LAYER (self));

  outdate_texture (priv);
  for (guint i = 0; i < G_N_ELEMENTS (priv->layouts); i++)
    g_clear_pointer (&priv->layouts[i], sb_map_layout_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[INVALIDATED], 0);
}

/**
 * sb_map_layer_prepared:
 *
 * Tells the layer that what its prepare function started is done: the
 * next frame draws the texture.
 */
void
sb_map_layer_prepared (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_if_fail (SB_IS_MAP_LAYER (self));

  priv->preparing = FALSE;
  priv->prepared = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_map_layer_get_drawn_projection:
 * @projection: (out): the projection the texture shown was drawn in, as
 *   the draw function got it (symbols scaled)
 *
 * Returns: whether the layer shows a texture that sb_map_layer_redraw_box()
 *   can draw again in part
 */
gboolean
sb_map_layer_get_drawn_projection (SbMapLayer   *self,
                                   SbProjection *projection)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), FALSE);
  g_return_val_if_fail (projection != NULL, FALSE);

  if (priv->texture == NULL || priv->stale)
    return FALSE;

  *projection = priv->projection;
  scale_projection (projection, priv->symbol_scale > 0 ? priv->symbol_scale : 1.0);
  return TRUE;
}

/**
 * sb_map_layer_get_texture:
 *
 * Returns: (transfer none) (nullable): the texture the layer shows, for
 *   tests: what it drew
 */
GdkTexture *
sb_map_layer_get_texture (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  return priv->texture;
}

/**
 * sb_map_layer_is_drawing:
 *
 * Returns: whether a texture is being drawn in a worker thread, or is
 *   to be drawn in the next frame: what the layer shows is not yet all
 *   that it is to show
 */
gboolean
sb_map_layer_is_drawing (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), FALSE);

  return priv->drawing != NULL || priv->preparing || priv->stale || priv->redraw_wanted || priv->damage->len > 0 ||
         (priv->texture == NULL && priv->selection != NULL && sb_selection_get_briefing (priv->selection) != NULL &&
          gtk_widget_get_mapped (GTK_WIDGET (self)));
}

/**
 * sb_map_layer_get_worker_cpu_time:
 *
 * Returns: the processor time worker threads spent drawing the layer's
 *   textures so far, in microseconds, for benchmarks: work that is not
 *   in the frames
 */
gint64
sb_map_layer_get_worker_cpu_time (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), 0);

  return priv->worker_cpu_time;
}

/**
 * sb_map_layer_redraw_box:
 * @box: what to draw again, in the coordinates of the projection of
 *   sb_map_layer_get_drawn_projection()
 *
 * Has the next frame draw only @box of the texture shown again, all that
 * lies there in the order the draw function draws it: an edit to one item
 * redraws what shows it, not the whole map. Without a texture, the next
 * frame draws all anyway.
 */
void
sb_map_layer_redraw_box (SbMapLayer            *self,
                         const graphene_rect_t *box)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_if_fail (SB_IS_MAP_LAYER (self));
  g_return_if_fail (box != NULL);

  if (priv->texture == NULL || priv->stale)
    return;

  /* A texture under way was recorded before the edit. */
  if (priv->drawing != NULL)
    {
      priv->generation++;
      g_cancellable_cancel (priv->drawing);
    }

  g_array_append_val (priv->damage, *box);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_map_layer_set_layout_source:
 * @source: the layer whose layout this one draws from: the item layer,
 *   which knows the clusters
 *
 * Makes the layers that draw parts of one layout agree on it.
 */
void
sb_map_layer_set_layout_source (SbMapLayer *self,
                                SbMapLayer *source)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_if_fail (SB_IS_MAP_LAYER (self));
  g_return_if_fail (SB_IS_MAP_LAYER (source) && source != self);
  g_return_if_fail (priv->layout_source == NULL);

  g_set_weak_pointer (&priv->layout_source, source);
  g_signal_connect_object (source, "invalidated", G_CALLBACK (sb_map_layer_invalidate), self, G_CONNECT_SWAPPED);
  sb_map_layer_invalidate (self);
}

static SbMapLayout *
get_layout (SbMapLayer            *self,
            const SbProjection    *projection,
            const graphene_rect_t *view)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  SbIncidentClusters *clusters = NULL, *actor_clusters = NULL;

  if (priv->layout_source != NULL)
    return get_layout (priv->layout_source, projection, view);

  for (guint i = 0; i < G_N_ELEMENTS (priv->layouts); i++)
    if (priv->layouts[i] != NULL && memcmp (&priv->layout_projections[i], projection, sizeof *projection) == 0 &&
        graphene_rect_equal (&priv->layout_views[i], view))
      return sb_map_layout_ref (priv->layouts[i]);

  if (SB_MAP_LAYER_GET_CLASS (self)->get_clusters != NULL)
    SB_MAP_LAYER_GET_CLASS (self)->get_clusters (self, &clusters, &actor_clusters);

  g_clear_pointer (&priv->layouts[1], sb_map_layout_unref);
  priv->layouts[1] = priv->layouts[0];
  priv->layout_projections[1] = priv->layout_projections[0];
  priv->layout_views[1] = priv->layout_views[0];

  /* What lies over the view, where the view is in the projection, at the
   * projection's scale.
   */
  {
    g_autoptr(GArray) occluders = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    double s = priv->symbol_scale > 0 ? priv->symbol_scale : 1.0;

    for (guint i = 0; priv->occluders != NULL && i < priv->occluders->len; i++)
      {
        const graphene_rect_t *r = &g_array_index (priv->occluders, graphene_rect_t, i);
        graphene_rect_t in_view = GRAPHENE_RECT_INIT (view->origin.x + r->origin.x / s, view->origin.y + r->origin.y / s,
                                                      r->size.width / s, r->size.height / s);

        g_array_append_val (occluders, in_view);
      }

    gint64 start = g_get_monotonic_time ();

    priv->layouts[0] = sb_map_layout_new_full (priv->selection, projection, view, occluders, clusters, actor_clusters);
    g_debug ("%s: laid out in %.1f ms", G_OBJECT_TYPE_NAME (self), (g_get_monotonic_time () - start) / 1000.0);
  }
  priv->layout_projections[0] = *projection;
  priv->layout_views[0] = *view;

  return sb_map_layout_ref (priv->layouts[0]);
}

/**
 * sb_map_layer_get_layout:
 *
 * Gets the layout of the briefing in @projection, while the layer draws
 * or hit tests: it knows then what part of @projection is in view.
 *
 * Returns: (transfer full): the layout, computed once for each
 *   projection drawn or hit tested
 */
SbMapLayout *
sb_map_layer_get_layout (SbMapLayer         *self,
                         const SbProjection *projection)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  return get_layout (self, projection, &priv->view);
}

static void
scale_projection (SbProjection *projection,
                  double        scale)
{
  projection->world_size /= scale;
  projection->center_x /= scale;
  projection->center_y /= scale;
  projection->half_width /= scale;
  projection->half_height /= scale;
  projection->zoom -= log2 (scale);
  projection->symbol_scale *= scale;
}

/* The projection the layer is drawn in now, symbols scaled (see
 * sb_map_layer_draw_scaled()), and what of it the view shows: the
 * texture's while the view only pans over it, so that hit testing finds
 * what was drawn; (@dx, @dy) from the view's pixels to the projection's,
 * before scaling.
 */
static void
drawn_projection (SbMapLayer      *self,
                  SbProjection    *projection,
                  graphene_rect_t *view,
                  double          *dx,
                  double          *dy)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double s = priv->symbol_scale;
  SbProjection current;

  sb_projection_init (&current, shumate_layer_get_viewport (SHUMATE_LAYER (self)), width, height);

  if (priv->texture != NULL && priv->projection.zoom == current.zoom &&
      current.sin_rotation == 0 && priv->projection.sin_rotation == 0)
    {
      *projection = priv->projection;
      *dx = current.center_x - current.half_width - (priv->projection.center_x - priv->projection.half_width);
      *dy = current.center_y - current.half_height - (priv->projection.center_y - priv->projection.half_height);
      *view = priv->texture_view;
    }
  else
    {
      *projection = current;
      *dx = *dy = 0;
      graphene_rect_init (view, 0, 0, width, height);
    }

  if (s != 1.0)
    {
      scale_projection (projection, s);
      graphene_rect_scale (view, 1 / s, 1 / s, view);
    }
}

static gboolean
on_settled (gpointer user_data)
{
  SbMapLayer *self = user_data;
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  priv->settle_source = 0;
  sb_map_layer_invalidate (self);

  return G_SOURCE_REMOVE;
}

/* The zoom stopped changing: the texture is drawn at the new one. */
static gboolean
on_zoom_settled (gpointer user_data)
{
  SbMapLayer *self = user_data;
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  priv->settle_source = 0;
  priv->redraw_wanted = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
draw_in_view (SbMapLayer            *self,
              cairo_t               *cr,
              const SbProjection    *projection,
              const graphene_rect_t *view,
              double                 symbol_scale)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  SbProjection scaled = *projection;

  if (symbol_scale <= 0)
    symbol_scale = 1.0;

  scale_projection (&scaled, symbol_scale);
  graphene_rect_scale (view, 1 / symbol_scale, 1 / symbol_scale, &priv->view);

  cairo_save (cr);
  cairo_scale (cr, symbol_scale, symbol_scale);
  SB_MAP_LAYER_GET_CLASS (self)->draw (self, cr, &scaled);
  cairo_restore (cr);
}

/* What the texture's layout takes (cards, symbols, labels, what lies
 * over the map) in world pixels at the texture's zoom.
 */
static GArray *
covered_in_world (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  double s = priv->symbol_scale > 0 ? priv->symbol_scale : 1.0;
  double x0 = priv->projection.center_x - priv->projection.half_width;
  double y0 = priv->projection.center_y - priv->projection.half_height;
  SbProjection scaled = priv->projection;
  graphene_rect_t view;
  g_autoptr(SbMapLayout) layout = NULL;
  GArray *covered;

  scale_projection (&scaled, s);
  graphene_rect_scale (&priv->texture_view, 1 / s, 1 / s, &view);
  layout = get_layout (self, &scaled, &view);
  covered = g_array_sized_new (FALSE, FALSE, sizeof (graphene_rect_t), layout->taken->len);
  for (guint i = 0; i < layout->taken->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (layout->taken, graphene_rect_t, i);
      graphene_rect_t world = GRAPHENE_RECT_INIT (x0 + r->origin.x * s, y0 + r->origin.y * s,
                                                  r->size.width * s, r->size.height * s);

      g_array_append_val (covered, world);
    }

  return covered;
}

/* µs of processor time this thread has had */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* In a worker: the recording played into the texture's pixels. Cairo
 * objects only, none shared but the recording's images and fonts, which
 * cairo locks.
 */
static void
play_recording (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DrawJob *job = task_data;
  gint64 start = thread_cpu_time ();
  cairo_t *cr;

  double x, y, width, height;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A layer with nothing to draw here (no movements, no areas in view)
   * is a pixel: GTK uploads no megabytes of nothing, nor keeps them.
   */
  cairo_recording_surface_ink_extents (job->recording, &x, &y, &width, &height);
  if (width <= 0 || height <= 0)
    {
      job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      job->play_time = thread_cpu_time () - start;
      g_task_return_boolean (task, TRUE);
      return;
    }

  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->pixel_width, job->pixel_height);
  cr = cairo_create (job->surface);
  cairo_set_source_surface (cr, job->recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
  job->play_time = thread_cpu_time () - start;

  g_task_return_boolean (task, TRUE);
}

static void
show_surface (SbMapLayer      *self,
              cairo_surface_t *surface)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  int pixel_height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (surface));
  g_clear_object (&priv->texture);
  g_clear_pointer (&priv->surface, cairo_surface_destroy);
  priv->surface = cairo_surface_reference (surface);
  priv->texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), pixel_height, GDK_MEMORY_DEFAULT,
                                          bytes, cairo_image_surface_get_stride (surface));
}

static void
on_drawn (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SbMapLayer) self = user_data;
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  DrawJob *job = g_task_get_task_data (G_TASK (result));
  gboolean played = g_task_propagate_boolean (G_TASK (result), NULL);

  if (g_task_get_cancellable (G_TASK (result)) == priv->drawing)
    g_clear_object (&priv->drawing);
  priv->worker_cpu_time += job->play_time;

  /* Disposed meanwhile. */
  if (priv->selection == NULL)
    return;

  if (!played || job->generation != priv->generation)
    {
      /* Out of date: the next frame starts another. */
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  clear_texture (priv);
  priv->projection = job->projection;
  priv->texture_view = job->texture_view;
  priv->texture_width = job->texture_width;
  priv->texture_height = job->texture_height;
  priv->texture_scale = job->texture_scale;
  priv->texture_dark = job->texture_dark;
  priv->draw_time = job->record_time;
  show_surface (self, job->surface);
  g_debug ("%s: texture %d×%d recorded in %.1f ms, played in a worker in %.1f ms of processor time",
           G_OBJECT_TYPE_NAME (self), job->pixel_width, job->pixel_height,
           job->record_time / 1000.0, job->play_time / 1000.0);

  if (priv->layout_source == NULL && !priv->stale)
    {
      g_clear_pointer (&priv->covered, g_array_unref);
      priv->covered = covered_in_world (self);
      g_signal_emit (self, signals[DRAWN], 0);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The projection of a texture drawn for @view: a margin larger. */
static void
texture_projection (const SbProjection *view,
                    double              width,
                    double              height,
                    SbProjection       *projection)
{
  double margin = MAX (width, height) * MARGIN;

  *projection = *view;
  projection->half_width += margin;
  projection->half_height += margin;
}

/**
 * sb_map_layer_get_next_projection:
 * @projection: (out): the projection the draw function gets for the next
 *   texture drawn for the view as it is, symbols scaled
 * @device_scale: (out): device pixels per unit of that projection
 *
 * For a layer that prepares what its next drawing needs (the images of
 * its symbols) before it asks for that drawing.
 *
 * Returns: whether the layer has a size to draw at
 */
gboolean
sb_map_layer_get_next_projection (SbMapLayer   *self,
                                  SbProjection *projection,
                                  double       *device_scale)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double s = priv->symbol_scale > 0 ? priv->symbol_scale : 1.0;
  SbProjection view;

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), FALSE);
  g_return_val_if_fail (projection != NULL && device_scale != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;

  sb_projection_init (&view, shumate_layer_get_viewport (SHUMATE_LAYER (self)), width, height);
  texture_projection (&view, width, height, projection);
  scale_projection (projection, s);
  *device_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self)) * s;
  return TRUE;
}

/* Lays out and records the texture for @view in the main thread; a
 * worker plays the recording into pixels.
 */
static void
start_drawing (SbMapLayer         *self,
               const SbProjection *view,
               double              width,
               double              height,
               int                 scale)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  double margin = MAX (width, height) * MARGIN;
  DrawJob *job = g_new0 (DrawJob, 1);
  g_autoptr(GTask) task = NULL;
  cairo_t *cr;
  gint64 start = g_get_monotonic_time ();

  texture_projection (view, width, height, &job->projection);
  graphene_rect_init (&job->texture_view, margin, margin, width, height);
  job->texture_width = width + 2 * margin;
  job->texture_height = height + 2 * margin;
  job->texture_scale = scale;
  job->texture_dark = sb_map_layer_is_dark (self);
  job->generation = priv->generation;
  job->pixel_width = (int) ceil (job->texture_width * scale);
  job->pixel_height = (int) ceil (job->texture_height * scale);

  job->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                   &(cairo_rectangle_t) { 0, 0, job->pixel_width, job->pixel_height });
  sb_symbol_mark_raster_target (job->recording);
  cr = cairo_create (job->recording);
  cairo_scale (cr, scale, scale);
  draw_in_view (self, cr, &job->projection, &job->texture_view, priv->symbol_scale);
  cairo_destroy (cr);
  job->record_time = g_get_monotonic_time () - start;
  priv->redraw_wanted = FALSE;
  g_clear_handle_id (&priv->settle_source, g_source_remove);

  priv->drawing = g_cancellable_new ();
  /* The layer is the callback's, not the task's: the worker drops the
   * last reference to a task, and a widget is finalized in the main thread.
   */
  task = g_task_new (NULL, priv->drawing, on_drawn, g_object_ref (self));
  g_task_set_source_tag (task, start_drawing);
  g_task_set_task_data (task, job, (GDestroyNotify) draw_job_free);
  g_task_run_in_thread (task, play_recording);
}

/* Draws the texture again where it is damaged: a copy of its pixels with
 * those boxes cleared and drawn again, in the same layout; a texture's
 * pixels never change once GTK has them.
 */
static void
redraw_damage (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  double s = priv->symbol_scale > 0 ? priv->symbol_scale : 1.0;
  /* Not the surface's size: an empty layer's is a pixel. */
  int pixel_width = (int) ceil (priv->texture_width * priv->texture_scale);
  int pixel_height = (int) ceil (priv->texture_height * priv->texture_scale);
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start = g_get_monotonic_time ();
  guint n_boxes = priv->damage->len;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, priv->surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  cairo_scale (cr, priv->texture_scale * s, priv->texture_scale * s);
  for (guint i = 0; i < priv->damage->len; i++)
    {
      const graphene_rect_t *box = &g_array_index (priv->damage, graphene_rect_t, i);

      cairo_rectangle (cr, floor (box->origin.x), floor (box->origin.y),
                       ceil (box->size.width) + 1, ceil (box->size.height) + 1);
    }
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_scale (cr, 1 / s, 1 / s);
  g_array_set_size (priv->damage, 0);

  draw_in_view (self, cr, &priv->projection, &priv->texture_view, priv->symbol_scale);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  show_surface (self, surface);
  cairo_surface_destroy (surface);
  g_debug ("%s: %u boxes of the texture drawn again in %.1f ms", G_OBJECT_TYPE_NAME (self), n_boxes,
           (g_get_monotonic_time () - start) / 1000.0);
}

/**
 * sb_map_layer_set_occluders:
 * @occluders: (nullable) (element-type graphene_rect_t): what lies over
 *   the map, in the layer's pixels: the legend's button, the scale
 *
 * The layout keeps the cards out from under them, as it keeps them in
 * view. Set on the layer the others take their layout from.
 */
void
sb_map_layer_set_occluders (SbMapLayer *self,
                            GArray     *occluders)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_if_fail (SB_IS_MAP_LAYER (self));

  if (priv->occluders != NULL && occluders != NULL && priv->occluders->len == occluders->len &&
      memcmp (priv->occluders->data, occluders->data, occluders->len * sizeof (graphene_rect_t)) == 0)
    return;

  g_clear_pointer (&priv->occluders, g_array_unref);
  priv->occluders = occluders ? g_array_ref (occluders) : NULL;
  sb_map_layer_invalidate (self);
}

/* Whether every card of the layout drawn is wholly in @view (the layout's
 * coordinates): after the view panned or changed size over the texture,
 * a card it cut is laid out again once the view settles.
 */
static gboolean
cards_in_view (SbMapLayerPrivate     *priv,
               const graphene_rect_t *view)
{
  GArray *cards;

  if (priv->layouts[0] == NULL)
    return TRUE;

  cards = priv->layouts[0]->cards;
  for (guint i = 0; i < cards->len; i++)
    {
      const graphene_rect_t *box = &g_array_index (cards, SbMapCard, i).box;
      graphene_rect_t shown;

      if (box->size.width > 0 && graphene_rect_intersection (view, box, &shown) &&
          !graphene_rect_equal (&shown, box))
        return FALSE;
    }

  return TRUE;
}

static gboolean
texture_covers (SbMapLayerPrivate  *priv,
                const SbProjection *view)
{
  double dx = view->center_x - priv->projection.center_x;
  double dy = view->center_y - priv->projection.center_y;
  double margin_x = priv->projection.half_width - view->half_width;
  double margin_y = priv->projection.half_height - view->half_height;

  return fabs (dx) <= margin_x && fabs (dy) <= margin_y;
}

/* A redraw asked for in a snapshot is forgotten when the snapshot ends:
 * asked for at the start of the next frame instead.
 */
static gboolean
draw_in_next_frame (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  gtk_widget_queue_draw (widget);

  return G_SOURCE_REMOVE;
}

static void
snapshot_layer (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  SbMapLayer *self = SB_MAP_LAYER (widget);
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  SbProjection view;
  double factor;

  if (width <= 0 || height <= 0 || priv->selection == NULL ||
      sb_selection_get_briefing (priv->selection) == NULL)
    return;

  sb_projection_init (&view, viewport, width, height);

  /* What no scaling or moving can show. */
  if (priv->texture != NULL &&
      (priv->texture_scale != scale ||
       priv->projection.cos_rotation != view.cos_rotation ||
       priv->projection.sin_rotation != view.sin_rotation ||
       fabs (priv->projection.zoom - view.zoom) > MAX_SCALED_ZOOMS))
    {
      /* Nor will the one under way, drawn for the old scale. */
      outdate_texture (priv);
      clear_texture (priv);
    }

  /* The window's first frame shows the base map and the window sooner
   * without the layers; they follow in the next frame.
   */
  if (!priv->shown_once)
    {
      priv->shown_once = TRUE;
      gtk_widget_add_tick_callback (widget, draw_in_next_frame, NULL, NULL);
      return;
    }

  /* Edits drawn at once, in the texture shown: a few boxes. */
  if (priv->texture != NULL && !priv->stale && priv->damage->len > 0)
    redraw_damage (self);

  /* One texture under way at a time: when it comes, the next frame
   * sees whether it shows what it must.
   */
  if (priv->drawing == NULL && !priv->preparing &&
      (priv->texture == NULL || priv->stale || priv->redraw_wanted ||
       priv->texture_dark != sb_map_layer_is_dark (self) ||
       (priv->projection.zoom == view.zoom && !texture_covers (priv, &view)) ||
       (priv->projection.zoom != view.zoom && priv->draw_time < QUICK_DRAW_US)))
    {
      /* What would make the recording slow (symbols not rendered yet)
       * is prepared first, off the main thread; the texture shown stays.
       */
      if (!priv->prepared && SB_MAP_LAYER_GET_CLASS (self)->prepare != NULL &&
          !SB_MAP_LAYER_GET_CLASS (self)->prepare (self))
        priv->preparing = TRUE;
      else
        {
          priv->prepared = FALSE;
          start_drawing (self, &view, width, height, scale);
        }
    }

  if (priv->texture == NULL)
    return;

  /* Once a texture under way comes, the next frame looks again. */
  if (priv->drawing == NULL && !priv->preparing && priv->projection.zoom != view.zoom)
    {
      g_clear_handle_id (&priv->settle_source, g_source_remove);
      priv->settle_source = g_timeout_add (SETTLE_MS, on_zoom_settled, self);
    }
  else if (priv->drawing == NULL && !priv->preparing && priv->layout_source == NULL && !priv->stale)
    {
      double s = priv->symbol_scale > 0 ? priv->symbol_scale : 1.0;
      graphene_rect_t shown = GRAPHENE_RECT_INIT ((priv->texture_view.origin.x + view.center_x - priv->projection.center_x) / s,
                                                  (priv->texture_view.origin.y + view.center_y - priv->projection.center_y) / s,
                                                  width / s, height / s);

      /* Panned or resized over the texture, and a card cut at the
       * edge: laid out again for the view once it is still.
       */
      if (!graphene_rect_equal (&shown, &priv->view) && !cards_in_view (priv, &shown))
        {
          g_clear_handle_id (&priv->settle_source, g_source_remove);
          priv->settle_source = g_timeout_add (SETTLE_MS, on_settled, self);
        }
    }

  factor = exp2 (view.zoom - priv->projection.zoom);

  /* The texture's centre sits at its world position in today's view. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (width / 2 + priv->projection.center_x * factor - view.center_x,
                                                height / 2 + priv->projection.center_y * factor - view.center_y));
  gtk_snapshot_append_texture (snapshot, priv->texture,
                               &GRAPHENE_RECT_INIT (-priv->texture_width * factor / 2,
                                                    -priv->texture_height * factor / 2,
                                                    priv->texture_width * factor,
                                                    priv->texture_height * factor));
  gtk_snapshot_restore (snapshot);
}

static void
sb_map_layer_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (SB_MAP_LAYER (widget));
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = thread_cpu_time ();

  snapshot_layer (widget, snapshot);
  priv->snapshot_time += g_get_monotonic_time () - start;
  priv->snapshot_cpu_time += thread_cpu_time () - cpu_start;
}

/**
 * sb_map_layer_get_snapshot_time:
 *
 * Returns: the time the layer's snapshots took so far, in microseconds:
 *   its own work in the frames, apart from GTK's compositing, for
 *   benchmarks
 */
gint64
sb_map_layer_get_snapshot_time (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), 0);

  return priv->snapshot_time;
}

/**
 * sb_map_layer_get_snapshot_cpu_time:
 *
 * Returns: the processor time the layer's snapshots took so far, in
 *   microseconds: as sb_map_layer_get_snapshot_time(), without the time
 *   the thread waited for a processor on a busy machine
 */
gint64
sb_map_layer_get_snapshot_cpu_time (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), 0);

  return priv->snapshot_cpu_time;
}

/* Every map layer under @widget, @widget included, in tree order. */
static void
collect_layers (GtkWidget *widget,
                GPtrArray *layers)
{
  if (SB_IS_MAP_LAYER (widget))
    g_ptr_array_add (layers, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_layers (child, layers);
}

static GPtrArray *
layers_under (GtkWidget *root)
{
  GPtrArray *layers = g_ptr_array_new ();

  collect_layers (root, layers);
  return layers;
}

static gint64
sum_over_layers (GtkWidget *root,
                 gint64   (*time_of) (SbMapLayer *layer))
{
  g_autoptr(GPtrArray) layers = layers_under (root);
  gint64 sum = 0;

  for (guint i = 0; i < layers->len; i++)
    sum += time_of (g_ptr_array_index (layers, i));

  return sum;
}

/**
 * sb_map_layers_get_snapshot_cpu_time:
 * @root: a widget holding map layers: a map view
 *
 * Returns: the processor time the snapshots of every map layer under
 *   @root took so far, in microseconds: the app's own drawing of the
 *   briefing in the frames, for benchmarks
 */
gint64
sb_map_layers_get_snapshot_cpu_time (GtkWidget *root)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), 0);

  return sum_over_layers (root, sb_map_layer_get_snapshot_cpu_time);
}

/**
 * sb_map_layers_get_worker_cpu_time:
 * @root: a widget holding map layers: a map view
 *
 * Returns: the processor time worker threads spent drawing the textures
 *   of every map layer under @root so far, in microseconds, for
 *   benchmarks
 */
gint64
sb_map_layers_get_worker_cpu_time (GtkWidget *root)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), 0);

  return sum_over_layers (root, sb_map_layer_get_worker_cpu_time);
}

/**
 * sb_map_layers_are_drawing:
 * @root: a widget holding map layers: a map view
 *
 * Returns: whether a visible map layer under @root is drawing its
 *   texture (see sb_map_layer_is_drawing())
 */
gboolean
sb_map_layers_are_drawing (GtkWidget *root)
{
  g_autoptr(GPtrArray) layers = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (root), FALSE);

  layers = layers_under (root);
  for (guint i = 0; i < layers->len; i++)
    {
      GtkWidget *layer = g_ptr_array_index (layers, i);

      if (gtk_widget_get_visible (layer) && sb_map_layer_is_drawing (SB_MAP_LAYER (layer)))
        return TRUE;
    }

  return FALSE;
}

/**
 * sb_map_layer_draw_scaled:
 * @symbol_scale: how much larger than on screen to draw strokes, symbols
 *   and labels
 *
 * Draws the layer with @cr in the coordinates of @projection, all of it
 * in view. The same places at a zoom level @symbol_scale times smaller,
 * drawn @symbol_scale times larger, land where they were with everything
 * drawn in pixels larger: how a projector gets thicker strokes, and an
 * export its own.
 */
void
sb_map_layer_draw_scaled (SbMapLayer         *self,
                          cairo_t            *cr,
                          const SbProjection *projection,
                          double              symbol_scale)
{
  graphene_rect_t view;

  g_return_if_fail (SB_IS_MAP_LAYER (self));

  graphene_rect_init (&view, 0, 0, 2 * projection->half_width, 2 * projection->half_height);
  draw_in_view (self, cr, projection, &view, symbol_scale);
}

void
sb_map_layer_set_symbol_scale (SbMapLayer *self,
                               double      symbol_scale)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_if_fail (SB_IS_MAP_LAYER (self));
  g_return_if_fail (symbol_scale > 0);

  if (priv->symbol_scale == symbol_scale)
    return;

  priv->symbol_scale = symbol_scale;
  sb_map_layer_invalidate (self);
}

/**
 * sb_map_layer_get_covered:
 * @zoom: (out): the zoom level the boxes are at
 *
 * Tells what the layer's last texture covers with cards, symbols, labels
 * and arrows, and what lies over the map: the base map leaves out names
 * there rather than show them half hidden. Nothing is laid out anew.
 *
 * Returns: (transfer full) (nullable) (element-type graphene_rect_t): the
 *   boxes in world pixels at @zoom, or %NULL before the layer drew
 */
GArray *
sb_map_layer_get_covered (SbMapLayer *self,
                          double     *zoom)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);
  g_return_val_if_fail (zoom != NULL, NULL);

  if (priv->covered == NULL || priv->texture == NULL || priv->projection.sin_rotation != 0)
    return NULL;

  *zoom = priv->projection.zoom;
  return g_array_ref (priv->covered);
}

/**
 * sb_map_layer_get_covered_in:
 *
 * Tells what the layer covers drawn by sb_map_layer_draw_scaled() with
 * the same arguments, as sb_map_layer_get_covered() does on screen: for
 * exports, which draw the base map first.
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the boxes in
 *   @projection's pixels
 */
GArray *
sb_map_layer_get_covered_in (SbMapLayer         *self,
                             const SbProjection *projection,
                             double              symbol_scale)
{
  SbProjection scaled = *projection;
  graphene_rect_t view;
  g_autoptr(SbMapLayout) layout = NULL;
  GArray *covered;

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  if (symbol_scale <= 0)
    symbol_scale = 1.0;
  scale_projection (&scaled, symbol_scale);
  graphene_rect_init (&view, 0, 0, 2 * scaled.half_width, 2 * scaled.half_height);
  layout = get_layout (self, &scaled, &view);

  covered = g_array_sized_new (FALSE, FALSE, sizeof (graphene_rect_t), layout->taken->len);
  for (guint i = 0; i < layout->taken->len; i++)
    {
      graphene_rect_t box;

      graphene_rect_scale (&g_array_index (layout->taken, graphene_rect_t, i), symbol_scale, symbol_scale, &box);
      g_array_append_val (covered, box);
    }

  return covered;
}

/**
 * sb_map_layer_pick:
 * @distance: (out) (optional): from the entity's drawn centre, in pixels
 *
 * Returns: (transfer none) (nullable): what is drawn at (@x, @y), in the
 *   layer's coordinates
 */
/**
 * sb_map_layer_get_drawn_layout:
 * @projection: (out): the projection the layout is in
 * @to_view: (out): from the layout's coordinates to the layer's:
 *   (x, y) is at ((x - dx) × scale, (y - dy) × scale)
 *
 * Returns: (transfer full): the layout as the layer shows it now
 */
SbMapLayout *
sb_map_layer_get_drawn_layout (SbMapLayer          *self,
                               SbProjection        *projection,
                               SbMapLayerTransform *to_view)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  graphene_rect_t view;

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  drawn_projection (self, projection, &view, &to_view->dx, &to_view->dy);
  to_view->scale = priv->symbol_scale;
  to_view->dx /= priv->symbol_scale;
  to_view->dy /= priv->symbol_scale;

  return get_layout (self, projection, &view);
}

/**
 * sb_map_layer_pick:
 * @distance: (out) (optional): from the entity's drawn centre, in pixels
 *
 * Returns: (transfer none) (nullable): what is drawn at (@x, @y), in the
 *   layer's coordinates
 */
SbEntity *
sb_map_layer_pick (SbMapLayer *self,
                   double      x,
                   double      y,
                   double     *distance)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  SbProjection drawn;
  SbEntity *entity;
  double ignored, dx, dy, s = priv->symbol_scale;

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  if (priv->selection == NULL || sb_selection_get_briefing (priv->selection) == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  /* As the layer was drawn. */
  drawn_projection (self, &drawn, &priv->view, &dx, &dy);
  entity = SB_MAP_LAYER_GET_CLASS (self)->pick (self, &drawn, (x + dx) / s, (y + dy) / s,
                                                distance ? distance : &ignored);
  if (distance != NULL)
    *distance *= s;

  return entity;
}

SbSelection *
sb_map_layer_get_selection (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  return priv->selection;
}

/**
 * sb_map_layer_is_emphasised:
 * @dimmed: (out): whether to draw @item faded, behind a selected actor's
 *   statements
 *
 * Returns: whether @item is the selection or a selected actor's
 */
gboolean
sb_map_layer_is_emphasised (SbMapLayer *self,
                            SbItem     *item,
                            gboolean   *dimmed)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  return sb_map_layout_emphasis (priv->selection, item, dimmed);
}

static void
on_changed (SbMapLayer *self)
{
  sb_map_layer_invalidate (self);
}

static void
on_edited (SbMapLayer *self,
           SbChanges  *changes)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  gboolean badges;

  /* Drawn from another layer's layout: drawn again when that layer is. */
  if (priv->layout_source != NULL)
    return;

  /* A badge that changes may change on statements the edit did not
   * touch: the layer follows the edit (its clusters count badges too),
   * then draws everything again.
   */
  badges = sb_map_layout_badges_change (sb_selection_get_briefing (priv->selection), changes);

  if (SB_MAP_LAYER_GET_CLASS (self)->edited != NULL && SB_MAP_LAYER_GET_CLASS (self)->edited (self, changes) &&
      !badges)
    return;

  if (badges || sb_map_layout_shows_changes (changes))
    sb_map_layer_invalidate (self);
}

static void
sb_map_layer_constructed (GObject *object)
{
  SbMapLayer *self = SB_MAP_LAYER (object);
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (sb_map_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::selected", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::briefing", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::highlighted", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "filter-changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

static void
sb_map_layer_dispose (GObject *object)
{
  SbMapLayer *self = (SbMapLayer *)object;
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_clear_handle_id (&priv->settle_source, g_source_remove);
  if (priv->drawing != NULL)
    g_cancellable_cancel (priv->drawing);
  g_clear_object (&priv->drawing);
  clear_texture (priv);
  for (guint i = 0; i < G_N_ELEMENTS (priv->layouts); i++)
    g_clear_pointer (&priv->layouts[i], sb_map_layout_unref);
  g_clear_weak_pointer (&priv->layout_source);
  g_clear_pointer (&priv->occluders, g_array_unref);
  g_clear_pointer (&priv->covered, g_array_unref);
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (sb_map_layer_parent_class)->dispose (object);
}

static void
sb_map_layer_finalize (GObject *object)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (SB_MAP_LAYER (object));

  g_array_unref (priv->damage);

  G_OBJECT_CLASS (sb_map_layer_parent_class)->finalize (object);
}

static void
sb_map_layer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbMapLayer *self = SB_MAP_LAYER (object);
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, priv->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_map_layer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbMapLayer *self = SB_MAP_LAYER (object);
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SELECTION:
      priv->selection = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_map_layer_class_init (SbMapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_map_layer_constructed;
  object_class->dispose = sb_map_layer_dispose;
  object_class->finalize = sb_map_layer_finalize;
  object_class->get_property = sb_map_layer_get_property;
  object_class->set_property = sb_map_layer_set_property;

  widget_class->snapshot = sb_map_layer_snapshot;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         SB_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbMapLayer::invalidated:
   *
   * What the layer draws changed: layers drawing from its layout follow.
   */
  signals[INVALIDATED] =
    g_signal_new ("invalidated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SbMapLayer::drawn:
   *
   * The layer, a layout source, drew its texture anew: what it covers
   * (sb_map_layer_get_covered()) may have changed.
   */
  signals[DRAWN] =
    g_signal_new ("drawn",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sb_map_layer_init (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  priv->symbol_scale = 1.0;
  priv->damage = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  /* The map view resolves clicks itself, across all layers. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}
