/* sb-map-layer.c
 *
 * The layer draws into a texture a margin larger than the view. Panning
 * only moves it; a change of zoom redraws it, at once when drawing is
 * quick, otherwise the texture is scaled until the zoom settles. Changes of
 * selection or filters redraw it.
 */

#define G_LOG_DOMAIN "sb-map-layer"

#include "config.h"

#include <adwaita.h>

#include "sb-map-layer.h"

#define MARGIN 0.25
#define QUICK_DRAW_US 6000
#define SETTLE_MS 120

typedef struct
{
  SbSelection *selection;

  GdkTexture *texture;
  SbProjection projection; /* the texture's */
  double texture_width;
  double texture_height;
  int texture_scale;
  gboolean texture_dark;
  gint64 draw_time;
  guint settle_source;
  double symbol_scale;     /* strokes and symbols, 1 on screen; larger on a projector */
  gint64 snapshot_time;    /* in all snapshots so far, µs: the layer's own work */
  gboolean shown_once;     /* the window's first frame went without this layer */
} SbMapLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SbMapLayer, sb_map_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  g_clear_object (&priv->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static void
render (SbMapLayer         *self,
        const SbProjection *view,
        double              width,
        double              height,
        int                 scale)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);
  double margin = MAX (width, height) * MARGIN;
  int pixel_width, pixel_height;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  priv->projection = *view;
  priv->projection.half_width += margin;
  priv->projection.half_height += margin;
  priv->texture_width = width + 2 * margin;
  priv->texture_height = height + 2 * margin;
  priv->texture_scale = scale;
  priv->texture_dark = sb_map_layer_is_dark (self);

  pixel_width = (int) ceil (priv->texture_width * scale);
  pixel_height = (int) ceil (priv->texture_height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);

  sb_map_layer_draw_scaled (self, cr, &priv->projection, priv->symbol_scale);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&priv->texture);
  priv->texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT,
                                          bytes, cairo_image_surface_get_stride (surface));
  priv->draw_time = g_get_monotonic_time () - start;
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

  if (priv->texture != NULL &&
      (priv->texture_scale != scale ||
       priv->texture_dark != sb_map_layer_is_dark (self) ||
       priv->projection.cos_rotation != view.cos_rotation ||
       priv->projection.sin_rotation != view.sin_rotation ||
       (priv->projection.zoom == view.zoom && !texture_covers (priv, &view)) ||
       fabs (priv->projection.zoom - view.zoom) > 1.5 ||
       (priv->projection.zoom != view.zoom && priv->draw_time < QUICK_DRAW_US)))
    g_clear_object (&priv->texture);

  /* The window's first frame shows the base map and the window sooner
   * without the layers; they follow in the next frame.
   */
  if (!priv->shown_once)
    {
      priv->shown_once = TRUE;
      gtk_widget_queue_draw (widget);
      return;
    }

  if (priv->texture == NULL)
    render (self, &view, width, height, scale);
  else if (priv->projection.zoom != view.zoom)
    {
      g_clear_handle_id (&priv->settle_source, g_source_remove);
      priv->settle_source = g_timeout_add (SETTLE_MS, on_settled, self);
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

  snapshot_layer (widget, snapshot);
  priv->snapshot_time += g_get_monotonic_time () - start;
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
 * sb_map_layer_draw_scaled:
 * @symbol_scale: how much larger than on screen to draw strokes, symbols
 *   and labels
 *
 * Draws the layer with @cr in the coordinates of @projection. The same
 * places at a zoom level @symbol_scale times smaller, drawn @symbol_scale
 * times larger, land where they were with everything drawn in pixels
 * larger: how a projector gets thicker strokes, and an export its own.
 */
void
sb_map_layer_draw_scaled (SbMapLayer         *self,
                          cairo_t            *cr,
                          const SbProjection *projection,
                          double              symbol_scale)
{
  SbProjection scaled = *projection;

  g_return_if_fail (SB_IS_MAP_LAYER (self));

  if (symbol_scale <= 0 || symbol_scale == 1.0)
    {
      SB_MAP_LAYER_GET_CLASS (self)->draw (self, cr, projection);
      return;
    }

  scaled.world_size /= symbol_scale;
  scaled.center_x /= symbol_scale;
  scaled.center_y /= symbol_scale;
  scaled.half_width /= symbol_scale;
  scaled.half_height /= symbol_scale;
  scaled.zoom -= log2 (symbol_scale);

  cairo_save (cr);
  cairo_scale (cr, symbol_scale, symbol_scale);
  SB_MAP_LAYER_GET_CLASS (self)->draw (self, cr, &scaled);
  cairo_restore (cr);
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
  SbProjection view;
  double ignored;

  g_return_val_if_fail (SB_IS_MAP_LAYER (self), NULL);

  if (priv->selection == NULL || sb_selection_get_briefing (priv->selection) == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  sb_projection_init (&view, shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                      gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));

  /* As sb_map_layer_draw_scaled() draws it. */
  if (priv->symbol_scale != 1.0)
    {
      double s = priv->symbol_scale;
      SbEntity *entity;

      view.world_size /= s;
      view.center_x /= s;
      view.center_y /= s;
      view.half_width /= s;
      view.half_height /= s;
      view.zoom -= log2 (s);
      entity = SB_MAP_LAYER_GET_CLASS (self)->pick (self, &view, x / s, y / s, distance ? distance : &ignored);
      if (distance != NULL)
        *distance *= s;
      return entity;
    }

  return SB_MAP_LAYER_GET_CLASS (self)->pick (self, &view, x, y, distance ? distance : &ignored);
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
  SbEntity *selected = sb_selection_get_selected (priv->selection);

  *dimmed = FALSE;

  if (selected == SB_ENTITY (item) || sb_selection_is_highlighted (priv->selection, item))
    return TRUE;

  if (SB_IS_ACTOR (selected))
    {
      gboolean involved = sb_item_involves_actor (item, SB_ACTOR (selected));

      *dimmed = !involved;
      return FALSE;
    }

  return FALSE;
}

static void
on_changed (SbMapLayer *self)
{
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
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

static void
sb_map_layer_dispose (GObject *object)
{
  SbMapLayer *self = (SbMapLayer *)object;
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  g_clear_handle_id (&priv->settle_source, g_source_remove);
  g_clear_object (&priv->texture);
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (sb_map_layer_parent_class)->dispose (object);
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
  object_class->get_property = sb_map_layer_get_property;
  object_class->set_property = sb_map_layer_set_property;

  widget_class->snapshot = sb_map_layer_snapshot;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         SB_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_map_layer_init (SbMapLayer *self)
{
  SbMapLayerPrivate *priv = sb_map_layer_get_instance_private (self);

  priv->symbol_scale = 1.0;

  /* The map view resolves clicks itself, across all layers. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}
