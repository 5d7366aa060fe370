/* sb-geojson-export.h
 *
 * GeoJSON (RFC 7946) out: takes a briefing, or what its filters show, to
 * QGIS and other GIS tools; sb-geojson-import.h reads it back.
 *
 * Export writes a FeatureCollection in EPSG:4326, a feature a line, with
 * flat properties (QGIS makes them columns): id, kind (deployment,
 * movement, incident, area), title, description (the user's language),
 * date, date_end (spans; null when open), date_precision,
 * date_approximate, first_day and last_day (whole days, for QGIS's
 * temporal controller), certainty, claimed_by, actors (names),
 * actor_kinds, sources (titles); for points place, place_precision,
 * radius_km, country; type and fatalities_min/max for incidents; status
 * and strength_min/max for deployments and movements, role, means, from,
 * to; area_kind, boundary and name for areas. Deployments and incidents
 * are Points at their place, movements LineStrings from origin to
 * destination (a Point with "end": "from" or "to" when only one is
 * known), areas Polygons or MultiPolygons. Places for reference follow,
 * when the filter shows areas, with the properties they came with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-filter.h"

G_BEGIN_DECLS

char       *sb_geojson_export      (SbBriefing         *briefing,
                                    const SbFilter     *filter,
                                    const char * const *languages,
                                    gsize              *length);
gboolean    sb_geojson_export_to_stream (SbBriefing         *briefing,
                                         const SbFilter     *filter,
                                         const char * const *languages,
                                         GOutputStream      *stream,
                                         GCancellable       *cancellable,
                                         GError            **error);

G_END_DECLS
