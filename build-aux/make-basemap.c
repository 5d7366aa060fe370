/* make-basemap.c
 *
 * Compiles a GeoJSON file of the base map into the binary form the app
 * reads from its resources (app/map/sb-basemap-data.c):
 *
 *   make-basemap INPUT.geojson OUTPUT.bin
 *
 * Run by the build for data/basemap/; parsing and projecting the base map
 * at build time is what lets the app start without doing it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "make-basemap"

#include "config.h"

#include <gio/gio.h>

#include "sb-basemap-data.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GBytes) binary = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (argc != 3)
    {
      g_printerr ("Usage: make-basemap INPUT.geojson OUTPUT.bin\n");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &data, &length, &error) ||
      (features = sb_basemap_features_from_geojson (data, length, &error)) == NULL)
    {
      g_printerr ("make-basemap: %s: %s\n", argv[1], error->message);
      return 1;
    }

  binary = sb_basemap_features_to_binary (features);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (binary, NULL), g_bytes_get_size (binary), &error))
    {
      g_printerr ("make-basemap: %s: %s\n", argv[2], error->message);
      return 1;
    }

  return 0;
}
