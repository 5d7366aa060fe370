/* sb-tile-setup.c */

#define G_LOG_DOMAIN "sb-tile-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-tile-setup.h"
#include "sb-tile-source.h"

#define TILE_SIZE 256

gboolean
sb_tile_template_is_valid (const char *url_template)
{
  g_autoptr(GUri) uri = NULL;

  if (url_template == NULL ||
      strstr (url_template, "{x}") == NULL ||
      strstr (url_template, "{y}") == NULL ||
      strstr (url_template, "{z}") == NULL)
    return FALSE;

  uri = g_uri_parse (url_template, G_URI_FLAGS_NONE, NULL);
  return uri != NULL &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

/* Each server's tiles are kept apart on disk, by a digest of its address. */
static SbTileCache *
cache_for (const char *url_template)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url_template, -1);
  g_autofree char *directory = NULL;

  digest[16] = '\0';
  directory = g_build_filename (g_get_user_cache_dir (), "sahelbrief", "tiles", digest, NULL);
  return sb_tile_cache_new (directory);
}

/**
 * sb_tile_setup_http:
 *
 * Returns: (transfer full): a map source of raster tiles from @url_template
 */
ShumateMapSource *
sb_tile_setup_http (const char *url_template,
                    const char *name,
                    const char *attribution,
                    const char *attribution_uri,
                    guint       max_zoom)
{
  g_autoptr(SbTileCache) cache = cache_for (url_template);
  g_autoptr(SbTileSource) data_source = sb_tile_source_new (url_template, cache);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url_template, -1);

  return SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full (digest, name, attribution, attribution_uri,
                                      0, max_zoom, TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));
}

/**
 * sb_tile_setup_from_settings:
 *
 * Returns: (transfer full) (nullable): the map source the settings name,
 *   or %NULL for none; %NULL and @error when the settings name one that
 *   cannot be used
 */
ShumateMapSource *
sb_tile_setup_from_settings (GSettings  *settings,
                             GError    **error)
{
  g_autofree char *url_template = NULL;
  g_autofree char *attribution = NULL;

  switch (g_settings_get_enum (settings, "tile-source"))
    {
    case SB_TILES_CUSTOM:
      url_template = g_settings_get_string (settings, "tile-url-template");
      attribution = g_settings_get_string (settings, "tile-attribution");
      if (!sb_tile_template_is_valid (url_template))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The tile address “%s” is not an http or https address with {z}, {x} and {y}"),
                       url_template);
          return NULL;
        }
      return sb_tile_setup_http (url_template, _("Custom tiles"),
                                 *attribution ? attribution : url_template, NULL, 19);

    case SB_TILES_MBTILES:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("MBTiles files cannot be opened yet"));
      return NULL;

    case SB_TILES_NONE:
      return NULL;

    case SB_TILES_OPENSTREETMAP:
    default:
      return sb_tile_setup_http (SB_OPENSTREETMAP_TEMPLATE, "OpenStreetMap",
                                 "© OpenStreetMap contributors",
                                 "https://www.openstreetmap.org/copyright", 19);
    }
}
