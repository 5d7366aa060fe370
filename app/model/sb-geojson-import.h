/* sb-geojson-import.h
 *
 * GeoJSON (RFC 7946) in: reads features drawn in QGIS or published by
 * others into an importer's briefing. docs/geojson-import.md has the
 * whole of what import reads; sb-import-file.h reads files and calls
 * this reader; sb-geojson-export.h takes a briefing out again.
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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-importer.h"

G_BEGIN_DECLS

void _sb_geojson_read (SbImporter   *importer,
                       const char   *data,
                       gsize         length,
                       GCancellable *cancellable);

G_END_DECLS
