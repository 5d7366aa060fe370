/* sb-geometry.h
 *
 * Polygons of an area, in longitude/latitude pairs.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint n_points;
  double *points;          /* lon0, lat0, lon1, lat1, …; closed */
} SbRing;

typedef struct
{
  guint n_rings;           /* the first is the outline, the others holes */
  SbRing *rings;
} SbPolygon;

/* Read-only once loaded. */
typedef struct
{
  guint n_polygons;
  SbPolygon *polygons;
  double min_lon, min_lat;
  double max_lon, max_lat;
} SbGeometry;

SbGeometry *sb_geometry_new          (guint             n_polygons);
void        sb_geometry_update_bounds (SbGeometry      *self);
gboolean    sb_geometry_contains      (const SbGeometry *self,
                                       double            lon,
                                       double            lat);
gboolean    sb_geometry_equal         (const SbGeometry *a,
                                       const SbGeometry *b);
void        sb_geometry_free          (SbGeometry      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbGeometry, sb_geometry_free)

G_END_DECLS
