/* sb-geometry.c
 *
 * The polygons of an area, in longitude and latitude.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-geometry"

#include "config.h"

#include <string.h>

#include "sb-geometry.h"

SbGeometry *
sb_geometry_new (guint n_polygons)
{
  SbGeometry *self = g_new0 (SbGeometry, 1);

  self->n_polygons = n_polygons;
  self->polygons = g_new0 (SbPolygon, n_polygons);

  return self;
}

void
sb_geometry_update_bounds (SbGeometry *self)
{
  g_return_if_fail (self != NULL);

  self->min_lon = self->min_lat = G_MAXDOUBLE;
  self->max_lon = self->max_lat = -G_MAXDOUBLE;

  for (guint p = 0; p < self->n_polygons; p++)
    {
      const SbRing *outline = &self->polygons[p].rings[0];

      for (guint i = 0; self->polygons[p].n_rings > 0 && i < outline->n_points; i++)
        {
          self->min_lon = MIN (self->min_lon, outline->points[2 * i]);
          self->max_lon = MAX (self->max_lon, outline->points[2 * i]);
          self->min_lat = MIN (self->min_lat, outline->points[2 * i + 1]);
          self->max_lat = MAX (self->max_lat, outline->points[2 * i + 1]);
        }
    }
}

static gboolean
ring_contains (const SbRing *ring,
               double        x,
               double        y)
{
  gboolean inside = FALSE;

  /* Even–odd rule: count crossings of a ray towards +x. */
  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    {
      double xi = ring->points[2 * i], yi = ring->points[2 * i + 1];
      double xj = ring->points[2 * j], yj = ring->points[2 * j + 1];

      if (((yi > y) != (yj > y)) &&
          (x < (xj - xi) * (y - yi) / (yj - yi) + xi))
        inside = !inside;
    }

  return inside;
}

gboolean
sb_geometry_contains (const SbGeometry *self,
                      double            lon,
                      double            lat)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (lon < self->min_lon || lon > self->max_lon ||
      lat < self->min_lat || lat > self->max_lat)
    return FALSE;

  for (guint p = 0; p < self->n_polygons; p++)
    {
      const SbPolygon *polygon = &self->polygons[p];
      gboolean inside = polygon->n_rings > 0 && ring_contains (&polygon->rings[0], lon, lat);

      for (guint r = 1; inside && r < polygon->n_rings; r++)
        if (ring_contains (&polygon->rings[r], lon, lat))
          inside = FALSE;

      if (inside)
        return TRUE;
    }

  return FALSE;
}

gboolean
sb_geometry_equal (const SbGeometry *a,
                   const SbGeometry *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_polygons != b->n_polygons)
    return FALSE;

  for (guint p = 0; p < a->n_polygons; p++)
    {
      if (a->polygons[p].n_rings != b->polygons[p].n_rings)
        return FALSE;

      for (guint r = 0; r < a->polygons[p].n_rings; r++)
        {
          const SbRing *ra = &a->polygons[p].rings[r];
          const SbRing *rb = &b->polygons[p].rings[r];

          if (ra->n_points != rb->n_points ||
              memcmp (ra->points, rb->points, sizeof (double) * 2 * ra->n_points) != 0)
            return FALSE;
        }
    }

  return TRUE;
}

void
sb_geometry_free (SbGeometry *self)
{
  if (self == NULL)
    return;

  for (guint p = 0; p < self->n_polygons; p++)
    {
      for (guint r = 0; r < self->polygons[p].n_rings; r++)
        g_free (self->polygons[p].rings[r].points);
      g_free (self->polygons[p].rings);
    }

  g_free (self->polygons);
  g_free (self);
}
