/* sb-cluster-symbols.h
 *
 * How a cluster of incidents looks: a bubble sized by its count, in the
 * colour of its commonest type, darker the more it holds; a place with
 * several incidents is its commonest type's badge with a count.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sb-types.h"

G_BEGIN_DECLS

/* The badge of what one source only supports, on bubbles and counts. */
#define SB_CLUSTER_SINGLE_SOURCE_RADIUS 6.5

double sb_cluster_bubble_radius   (guint           count);
void   sb_incident_type_to_rgb    (SbIncidentType  type,
                                   double         *rgb);
char  *sb_cluster_format_count    (guint           count);
void   sb_cluster_paint_bubble    (cairo_t        *cr,
                                   PangoLayout    *layout,
                                   double          x,
                                   double          y,
                                   guint           count,
                                   SbIncidentType  dominant,
                                   gboolean        dark);
void   sb_cluster_paint_count_badge (cairo_t      *cr,
                                   PangoLayout    *layout,
                                   double          x,
                                   double          y,
                                   guint           count,
                                   gboolean        dark);
double sb_cluster_count_badge_width (guint         count);
void   sb_cluster_paint_bubble_single_source (cairo_t *cr,
                                   double          x,
                                   double          y,
                                   guint           count,
                                   gboolean        dark);
void   sb_cluster_paint_count_badge_single_source (cairo_t *cr,
                                   double          x,
                                   double          y,
                                   guint           count,
                                   gboolean        dark);

G_END_DECLS
