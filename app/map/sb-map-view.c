/* sb-map-view.c */

#define G_LOG_DOMAIN "sb-map-view"

#include "config.h"

#include <math.h>

#include "sb-map-view.h"
#include "sb-tile-source.h"

#define OSM_URL_TEMPLATE "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define OSM_MAX_ZOOM 19
#define TILE_SIZE 256

struct _SbMapView
{
  GtkWidget parent_instance;

  ShumateMap *map;
  ShumateScale *scale;
  ShumateLicense *license;

  ShumateMapSource *tile_source;
  ShumateMapLayer *tile_layer;
};

G_DEFINE_FINAL_TYPE (SbMapView, sb_map_view, GTK_TYPE_WIDGET)

static void
sb_map_view_dispose (GObject *object)
{
  SbMapView *self = (SbMapView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_MAP_VIEW);
  g_clear_object (&self->tile_source);

  G_OBJECT_CLASS (sb_map_view_parent_class)->dispose (object);
}

static void
sb_map_view_class_init (SbMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_map_view_dispose;

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbMapView, map);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, SbMapView, license);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-map-view");
}

static void
sb_map_view_init (SbMapView *self)
{
  g_autoptr(SbTileSource) data_source = sb_tile_source_new (OSM_URL_TEMPLATE);
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  viewport = shumate_map_get_viewport (self->map);

  self->tile_source = SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full ("osm-mapnik", "OpenStreetMap",
                                      "© OpenStreetMap contributors",
                                      "https://www.openstreetmap.org/copyright",
                                      0, OSM_MAX_ZOOM, TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));

  shumate_viewport_set_reference_map_source (viewport, self->tile_source);
  shumate_viewport_set_min_zoom_level (viewport, 2);
  shumate_viewport_set_max_zoom_level (viewport, 16);

  self->tile_layer = shumate_map_layer_new (self->tile_source, viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->tile_layer));

  shumate_scale_set_viewport (self->scale, viewport);
  shumate_license_append_map_source (self->license, self->tile_source);

  /* The Sahel, until a briefing frames its own items. */
  shumate_map_center_on (self->map, 15.0, 0.0);
  shumate_viewport_set_zoom_level (viewport, 4.0);
}

ShumateMap *
sb_map_view_get_map (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return self->map;
}

ShumateViewport *
sb_map_view_get_viewport (SbMapView *self)
{
  g_return_val_if_fail (SB_IS_MAP_VIEW (self), NULL);

  return shumate_map_get_viewport (self->map);
}

static double
mercator_y (double lat)
{
  double rad = CLAMP (lat, -85.0, 85.0) * G_PI / 180.0;

  return log (tan (G_PI / 4 + rad / 2));
}

/**
 * sb_map_view_frame:
 *
 * Centres the map on a box and zooms so that it fills the view with a
 * margin.
 */
void
sb_map_view_frame (SbMapView *self,
                   double     min_lat,
                   double     min_lon,
                   double     max_lat,
                   double     max_lon,
                   gboolean   animate)
{
  ShumateViewport *viewport;
  double width, height, span_x, span_y, zoom_x, zoom_y, zoom;
  double center_lat, center_lon;

  g_return_if_fail (SB_IS_MAP_VIEW (self));

  viewport = shumate_map_get_viewport (self->map);
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 400) * 0.85;
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 300) * 0.85;

  /* Fractions of the world's width and Mercator height the box spans. */
  span_x = MAX ((max_lon - min_lon) / 360.0, 1e-6);
  span_y = MAX ((mercator_y (max_lat) - mercator_y (min_lat)) / (2 * G_PI), 1e-6);
  zoom_x = log2 (width / (TILE_SIZE * span_x));
  zoom_y = log2 (height / (TILE_SIZE * span_y));
  zoom = CLAMP (MIN (zoom_x, zoom_y),
                shumate_viewport_get_min_zoom_level (viewport),
                MIN (shumate_viewport_get_max_zoom_level (viewport), 10));

  center_lon = (min_lon + max_lon) / 2;
  center_lat = atan (sinh ((mercator_y (min_lat) + mercator_y (max_lat)) / 2)) * 180.0 / G_PI;

  if (animate)
    shumate_map_go_to_full (self->map, center_lat, center_lon, zoom);
  else
    {
      shumate_map_center_on (self->map, center_lat, center_lon);
      shumate_viewport_set_zoom_level (viewport, zoom);
    }
}
