/* sb-bounds.h
 *
 * A box of latitudes and longitudes: what a statement covers, what the
 * map frames.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min_lat;
  double min_lon;
  double max_lat;
  double max_lon;
} SbBounds;

#define SB_BOUNDS_INIT_EMPTY { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }

void     sb_bounds_init_empty  (SbBounds       *self);
gboolean sb_bounds_is_empty    (const SbBounds *self);
void     sb_bounds_add_point   (SbBounds       *self,
                                double          lat,
                                double          lon);
void     sb_bounds_add_circle  (SbBounds       *self,
                                double          lat,
                                double          lon,
                                double          radius_km);
void     sb_bounds_add_bounds  (SbBounds       *self,
                                const SbBounds *other);
gboolean sb_bounds_contains    (const SbBounds *self,
                                const SbBounds *other);
void     sb_bounds_get_center  (const SbBounds *self,
                                double         *lat,
                                double         *lon);
double   sb_distance_km        (double          lat1,
                                double          lon1,
                                double          lat2,
                                double          lon2);

G_END_DECLS
