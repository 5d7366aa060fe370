/* sb-geojson.h
 *
 * GeoJSON (RFC 7946) in and out: to bring features drawn in QGIS or
 * published by others into a briefing, and to take a briefing, or what
 * its filters show, to QGIS and other GIS tools.
 *
 * Import reads a FeatureCollection, or a single Feature:
 *
 * - Point → an incident (or a deployment, with "kind": "deployment" and
 *   an actor); MultiPoint → one incident per point, ids suffixed "-1",
 *   "-2", …; Polygon and MultiPolygon → an area; LineString → a movement
 *   from its first position to its last, when the feature names an actor
 *   (a movement needs one), else reported and skipped. MultiLineString
 *   and GeometryCollection are reported as unsupported.
 * - A null geometry is skipped and reported; altitudes are dropped;
 *   members other than "type", "geometry", "properties" and "id" are
 *   ignored, as are unknown properties.
 * - Properties: "id" (else the feature's "id", else "feature-N"), "title"
 *   or "name", "description", "date" (or "event_date"; "YYYY",
 *   "YYYY-MM", "YYYY-MM-DD", or an ISO date and time), "date_end",
 *   "date_approximate", "type" (incident type), "fatalities", "strength",
 *   "actors" (names, as an array or separated by ";"), "actor",
 *   "certainty" and "claimed_by", "status", "means", "area_kind",
 *   "boundary", "place", "place_precision", "radius_km", "country"
 *   (ISO alpha-3). What sb_geojson_export() writes reads back.
 * - Defaults: type "other", certainty "reported", place precision
 *   "point", area kind "operations" with boundary "approximate", status
 *   "present" or "completed". A date is required: a feature without one
 *   is reported and skipped. An unknown certainty skips the feature
 *   rather than guess how sure its source is; an unknown type is
 *   imported as "other", and reported.
 * - Actors are merged by name; their kind is guessed from the name
 *   (missions, private military companies, state forces), else
 *   armed-group.
 * - GeoJSON carries no source text: the file becomes one source, titled
 *   with @name and without text, that every statement cites without a
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
 * known), areas Polygons or MultiPolygons.
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-problem.h"
#include "sb-filter.h"
#include "sb-selection.h"

G_BEGIN_DECLS

SbBriefing *sb_geojson_import      (GInputStream  *stream,
                                    const char    *name,
                                    GCancellable  *cancellable,
                                    GPtrArray    **problems);
SbBriefing *sb_geojson_import_file (GFile         *file,
                                    GCancellable  *cancellable,
                                    GPtrArray    **problems);
char       *sb_geojson_export      (SbBriefing    *briefing,
                                    SbSelection   *filter,
                                    gsize         *length);
gboolean    sb_geojson_export_to_stream (SbBriefing     *briefing,
                                         const SbFilter *filter,
                                         GOutputStream  *stream,
                                         GCancellable   *cancellable,
                                         GError        **error);

G_END_DECLS
