/* sb-bounds.c
 *
 * A box of latitudes and longitudes, grown point by point and clamped to
 * the world's edges (it never wraps across the antimeridian).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-bounds"

#include "config.h"

#include <math.h>

#include "sb-bounds.h"

#define EARTH_RADIUS_KM 6371.0088
#define KM_PER_DEGREE 111.32

void
sb_bounds_init_empty (SbBounds *self)
{
  g_return_if_fail (self != NULL);

  *self = (SbBounds) SB_BOUNDS_INIT_EMPTY;
}

gboolean
sb_bounds_is_empty (const SbBounds *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->min_lat > self->max_lat || self->min_lon > self->max_lon;
}

void
sb_bounds_add_point (SbBounds *self,
                     double    lat,
                     double    lon)
{
  g_return_if_fail (self != NULL);

  self->min_lat = MIN (self->min_lat, lat);
  self->max_lat = MAX (self->max_lat, lat);
  self->min_lon = MIN (self->min_lon, lon);
  self->max_lon = MAX (self->max_lon, lon);
}

/**
 * sb_bounds_add_circle:
 *
 * Extends the box by the ground within @radius_km of a point.
 */
void
sb_bounds_add_circle (SbBounds *self,
                      double    lat,
                      double    lon,
                      double    radius_km)
{
  double dlat = radius_km / KM_PER_DEGREE;
  double dlon = dlat / MAX (0.05, cos (lat * G_PI / 180.0));

  g_return_if_fail (self != NULL);

  sb_bounds_add_point (self, CLAMP (lat - dlat, -90, 90), MAX (lon - dlon, -180));
  sb_bounds_add_point (self, CLAMP (lat + dlat, -90, 90), MIN (lon + dlon, 180));
}

void
sb_bounds_add_bounds (SbBounds       *self,
                      const SbBounds *other)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  if (sb_bounds_is_empty (other))
    return;

  sb_bounds_add_point (self, other->min_lat, other->min_lon);
  sb_bounds_add_point (self, other->max_lat, other->max_lon);
}

/**
 * sb_bounds_contains:
 *
 * Returns: whether @other lies wholly inside @self
 */
gboolean
sb_bounds_contains (const SbBounds *self,
                    const SbBounds *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return !sb_bounds_is_empty (self) && !sb_bounds_is_empty (other) &&
         other->min_lat >= self->min_lat && other->max_lat <= self->max_lat &&
         other->min_lon >= self->min_lon && other->max_lon <= self->max_lon;
}

void
sb_bounds_get_center (const SbBounds *self,
                      double         *lat,
                      double         *lon)
{
  g_return_if_fail (self != NULL);

  *lat = (self->min_lat + self->max_lat) / 2;
  *lon = (self->min_lon + self->max_lon) / 2;
}

/**
 * sb_distance_km:
 *
 * Returns: the great-circle distance between two points, in kilometres
 */
double
sb_distance_km (double lat1,
                double lon1,
                double lat2,
                double lon2)
{
  double phi1 = lat1 * G_PI / 180, phi2 = lat2 * G_PI / 180;
  double dphi = phi2 - phi1, dlambda = (lon2 - lon1) * G_PI / 180;
  double a = sin (dphi / 2) * sin (dphi / 2) + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  return 2 * EARTH_RADIUS_KM * atan2 (sqrt (a), sqrt (MAX (0, 1 - a)));
}
