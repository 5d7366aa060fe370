/* sb-geojson.h
 *
 * GeoJSON (RFC 7946) in and out: to bring features drawn in QGIS or
 * published by others into a briefing, and to take a briefing, or what
 * its filters show, to QGIS and other GIS tools. docs/geojson-import.md
 * has the whole of what import reads.
 *
 * Import reads a FeatureCollection, a single Feature or a bare geometry;
 * a "crs" other than WGS 84 (CRS84, EPSG:4326) is refused with its name.
 *
 * - A feature with a date (a property "date", "event_date", "startdate",
 *   "as_of"… in any case; any date form the ACLED importer reads, a span
 *   "January 1, 2001 - March 17, 2001", or ArcGIS's milliseconds) is a
 *   statement: Point → an incident (or a deployment, with "kind":
 *   "deployment" and an actor); MultiPoint → one incident per point, ids
 *   suffixed "-1", "-2", …; Polygon and MultiPolygon → an area;
 *   LineString → a movement from its first position to its last, when
 *   the feature names an actor.
 * - A feature without a date is a place drawn for reference beneath the
 *   briefing (a town, a boundary, a district, with its outline), named
 *   from "name", "ADM2_EN", "shapeName"… or the property the importer is
 *   told (sb_importer_set_name_property()).
 * - A null geometry with "latitude" and "longitude" properties is placed
 *   there; altitudes are dropped. MultiLineString, GeometryCollection and
 *   lines without a date are reported and skipped.
 * - Every property is kept, as text, on what the feature became.
 * - SahelBrief's own properties: "id", "title" or "name", "description",
 *   "date_end", "date_approximate", "type" (incident type),
 *   "fatalities", "strength", "actors" (names, as an array or separated
 *   by ";"), "actor", "certainty" and "claimed_by", "status", "means",
 *   "area_kind", "boundary", "place", "place_precision", "radius_km",
 *   "country". What sb_geojson_export() writes reads back.
 * - Defaults: type "other", certainty "reported", place precision
 *   "point", area kind "operations" with boundary "approximate", status
 *   "present" or "completed". An unknown certainty skips the feature
 *   rather than guess how sure its source is; an unknown type is
 *   imported as "other", and reported.
 * - GeoJSON carries no source text: the file becomes one source, titled
 *   with its name and without text, that every statement cites without a
 *   quote.
 *
 * Problems name the feature, "$.features[7]", with line and column.
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
#include "sb-problem.h"
#include "sb-filter.h"

G_BEGIN_DECLS

SbBriefing *sb_geojson_import      (GInputStream  *stream,
                                    const char    *name,
                                    GCancellable  *cancellable,
                                    GPtrArray    **problems);
SbBriefing *sb_geojson_import_file (GFile         *file,
                                    GCancellable  *cancellable,
                                    GPtrArray    **problems);
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
