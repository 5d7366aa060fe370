/* sb-basemap-data.h
 *
 * The base map's features from Natural Earth's GeoJSON, and in the
 * compact binary form that the build makes of it (build-aux/make-basemap.c)
 * and the app reads from its resources: projected, measured and placed
 * once, at build time, so that starting the app parses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-basemap.h"

G_BEGIN_DECLS

void       sb_basemap_feature_free           (SbBasemapFeature  *feature);
GPtrArray *sb_basemap_features_from_geojson  (const char        *data,
                                              gsize              length,
                                              GError           **error);
GBytes    *sb_basemap_features_to_binary     (GPtrArray         *features);
GPtrArray *sb_basemap_features_from_binary   (GBytes            *bytes,
                                              GError           **error);

G_END_DECLS
