/* sb-projection.h
 *
 * Web Mercator as libshumate draws it, computed once per frame so layers
 * can project thousands of points without a call per point.
 */

#pragma once

#include <math.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

#define SB_TILE_SIZE 256.0

typedef struct
{
  double world_size;       /* pixels the whole world spans at this zoom */
  double center_x;         /* the viewport's centre, in world pixels */
  double center_y;
  double half_width;
  double half_height;
  double cos_rotation;
  double sin_rotation;
  double zoom;
  double symbol_scale;     /* how much larger than on screen symbols are drawn: 1 on screen, more on a projector */
} SbProjection;

/* Longitude and latitude to the unit square: x east, y south. */
static inline double
sb_mercator_x (double lon)
{
  return (lon + 180.0) / 360.0;
}

static inline double
sb_mercator_y (double lat)
{
  double rad = CLAMP (lat, -85.0511, 85.0511) * G_PI / 180.0;

  return (1.0 - log (tan (rad) + 1.0 / cos (rad)) / G_PI) / 2.0;
}

static inline double
sb_mercator_latitude (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

static inline void
sb_projection_init (SbProjection    *self,
                    ShumateViewport *viewport,
                    double           width,
                    double           height)
{
  double rotation = shumate_viewport_get_rotation (viewport);

  self->zoom = shumate_viewport_get_zoom_level (viewport);
  self->world_size = SB_TILE_SIZE * exp2 (self->zoom);
  self->center_x = sb_mercator_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport))) * self->world_size;
  self->center_y = sb_mercator_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport))) * self->world_size;
  self->half_width = width / 2.0;
  self->half_height = height / 2.0;
  self->cos_rotation = cos (rotation);
  self->sin_rotation = sin (rotation);
  self->symbol_scale = 1.0;
}

/* A view of @width × @height pixels centred at (@lat, @lon), unrotated:
 * for what is drawn without a viewport (exports, tests).
 */
static inline void
sb_projection_init_at (SbProjection *self,
                       double        lat,
                       double        lon,
                       double        zoom,
                       double        width,
                       double        height)
{
  self->zoom = zoom;
  self->world_size = SB_TILE_SIZE * exp2 (zoom);
  self->center_x = sb_mercator_x (lon) * self->world_size;
  self->center_y = sb_mercator_y (lat) * self->world_size;
  self->half_width = width / 2.0;
  self->half_height = height / 2.0;
  self->cos_rotation = 1.0;
  self->sin_rotation = 0.0;
  self->symbol_scale = 1.0;
}

/* From the unit square to widget pixels. */
static inline void
sb_projection_unit_to_widget (const SbProjection *self,
                              double              mx,
                              double              my,
                              double             *x,
                              double             *y)
{
  double dx = mx * self->world_size - self->center_x;
  double dy = my * self->world_size - self->center_y;

  *x = dx * self->cos_rotation - dy * self->sin_rotation + self->half_width;
  *y = dx * self->sin_rotation + dy * self->cos_rotation + self->half_height;
}

static inline void
sb_projection_to_widget (const SbProjection *self,
                         double              lat,
                         double              lon,
                         double             *x,
                         double             *y)
{
  sb_projection_unit_to_widget (self, sb_mercator_x (lon), sb_mercator_y (lat), x, y);
}

/* From widget pixels to the unit square. */
static inline void
sb_projection_widget_to_unit (const SbProjection *self,
                              double              x,
                              double              y,
                              double             *mx,
                              double             *my)
{
  double dx = x - self->half_width;
  double dy = y - self->half_height;

  *mx = (dx * self->cos_rotation + dy * self->sin_rotation + self->center_x) / self->world_size;
  *my = (-dx * self->sin_rotation + dy * self->cos_rotation + self->center_y) / self->world_size;
}

static inline void
sb_projection_to_location (const SbProjection *self,
                           double              x,
                           double              y,
                           double             *lat,
                           double             *lon)
{
  double wx, wy;

  sb_projection_widget_to_unit (self, x, y, &wx, &wy);
  *lon = wx * 360.0 - 180.0;
  *lat = sb_mercator_latitude (wy);
}

/* The squared distance from (px, py) to the segment from (ax, ay) to
 * (bx, by), and the segment's point nearest to it.
 */
static inline double
sb_segment_distance_squared (double  px,
                             double  py,
                             double  ax,
                             double  ay,
                             double  bx,
                             double  by,
                             double *nearest_x,
                             double *nearest_y)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / length2, 0, 1) : 0;

  *nearest_x = ax + t * dx;
  *nearest_y = ay + t * dy;
  return (px - *nearest_x) * (px - *nearest_x) + (py - *nearest_y) * (py - *nearest_y);
}

/* Pixels per kilometre on the ground at @lat. */
static inline double
sb_projection_pixels_per_km (const SbProjection *self,
                             double              lat)
{
  return self->world_size / (40075.016686 * cos (lat * G_PI / 180.0));
}

G_END_DECLS
