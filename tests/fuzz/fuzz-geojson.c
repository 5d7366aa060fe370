/* fuzz-geojson.c
 *
 * The GeoJSON importer under libFuzzer: see fuzz-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define FUZZ_IMPORT_FORMAT SB_IMPORT_FORMAT_GEOJSON

#include "fuzz-import.c"
