/* sb-tile-setup.c
 *
 * The tile source the settings name: OpenStreetMap, a server of the
 * user's, an MBTiles file, or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-tile-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-mbtiles-source.h"
#include "sb-tile-setup.h"
#include "sb-tile-source.h"

#define TILE_SIZE 256

static ShumateMapSource *renderer_for_mbtiles (SbMbtilesSource *data_source);

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

/* Each server's tiles are kept apart on disk, by a digest of its address;
 * all of them together are held to @cache_size.
 */
static SbTileCache *
cache_for (const char *url_template,
           guint64     cache_size)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url_template, -1);
  g_autofree char *root = g_build_filename (g_get_user_cache_dir (), "sahelbrief", "tiles", NULL);
  SbTileCache *cache;

  digest[16] = '\0';
  cache = sb_tile_cache_new (root, digest);
  sb_tile_cache_set_max_size (cache, cache_size);

  return cache;
}

static ShumateMapSource *
setup_http (const char *url_template,
            const char *name,
            const char *attribution,
            const char *attribution_uri,
            guint       max_zoom,
            guint64     cache_size)
{
  g_autoptr(SbTileCache) cache = cache_for (url_template, cache_size);
  g_autoptr(SbTileSource) data_source = sb_tile_source_new (url_template, cache);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url_template, -1);

  return SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full (digest, name, attribution, attribution_uri,
                                      0, max_zoom, TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));
}

/**
 * sb_tile_setup_http:
 *
 * Returns: (transfer full): a map source of raster tiles from @url_template,
 *   kept in a disk cache of the default size
 */
ShumateMapSource *
sb_tile_setup_http (const char *url_template,
                    const char *name,
                    const char *attribution,
                    const char *attribution_uri,
                    guint       max_zoom)
{
  return setup_http (url_template, name, attribution, attribution_uri, max_zoom, SB_TILE_CACHE_DEFAULT_SIZE);
}

/* MBTiles attributions may be HTML, as the specification allows, while
 * the map's licence label shows plain text: tags go, entities are read.
 */
static char *
attribution_as_text (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&apos;", "'" }, { "&copy;", "©" }, { "&#169;", "©" },
    { "&nbsp;", " " },
  };
  GString *text = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      gboolean replaced = FALSE;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end != NULL)
            {
              p = end + 1;
              continue;
            }
        }

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          if (g_str_has_prefix (p, entities[i].entity))
            {
              g_string_append (text, entities[i].text);
              p += strlen (entities[i].entity);
              replaced = TRUE;
              break;
            }

      if (!replaced)
        g_string_append_c (text, *p++);
    }

  return g_strstrip (g_string_free (text, FALSE));
}

/**
 * sb_tile_setup_mbtiles:
 *
 * Returns: (transfer full) (nullable): a map source of the raster tiles in
 *   the MBTiles @file, or %NULL and @error when it cannot be read
 */
ShumateMapSource *
sb_tile_setup_mbtiles (GFile   *file,
                       GError **error)
{
  g_autoptr(SbMbtilesSource) data_source = sb_mbtiles_source_new (file, error);

  if (data_source == NULL)
    return NULL;

  return renderer_for_mbtiles (data_source);
}

static ShumateMapSource *
renderer_for_mbtiles (SbMbtilesSource *data_source)
{
  GFile *file = sb_mbtiles_source_get_file (data_source);
  g_autofree char *uri = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *attribution = NULL;

  uri = g_file_get_uri (file);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
  if (sb_mbtiles_source_get_attribution (data_source) != NULL)
    attribution = attribution_as_text (sb_mbtiles_source_get_attribution (data_source));

  return SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full (digest,
                                      sb_mbtiles_source_get_name (data_source),
                                      attribution != NULL && *attribution != '\0'
                                        ? attribution
                                        : sb_mbtiles_source_get_name (data_source),
                                      NULL,
                                      sb_mbtiles_source_get_min_zoom (data_source),
                                      sb_mbtiles_source_get_max_zoom (data_source),
                                      TILE_SIZE,
                                      SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (data_source)));
}

static GFile *
mbtiles_file_from_settings (GSettings  *settings,
                            GError    **error)
{
  g_autofree char *path = g_settings_get_string (settings, "mbtiles-path");

  if (*path == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No MBTiles file is chosen; choose one in Preferences"));
      return NULL;
    }

  return g_file_new_for_path (path);
}

/**
 * sb_tile_setup_from_settings:
 *
 * Returns: (transfer full) (nullable): the map source the settings name,
 *   or %NULL for none; %NULL and @error when the settings name one that
 *   cannot be used. An MBTiles file is opened here: from the main thread
 *   use sb_tile_setup_from_settings_async().
 */
ShumateMapSource *
sb_tile_setup_from_settings (GSettings  *settings,
                             GError    **error)
{
  g_autofree char *url_template = NULL;
  g_autofree char *attribution = NULL;
  guint64 cache_size = (guint64) g_settings_get_int (settings, "tile-cache-size") * 1024 * 1024;

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
      return setup_http (url_template, _("Custom tiles"),
                         *attribution ? attribution : url_template, NULL, 19, cache_size);

    case SB_TILES_MBTILES:
      {
        g_autoptr(GFile) file = mbtiles_file_from_settings (settings, error);

        return file ? sb_tile_setup_mbtiles (file, error) : NULL;
      }

    case SB_TILES_NONE:
      return NULL;

    case SB_TILES_OPENSTREETMAP:
    default:
      return setup_http (SB_OPENSTREETMAP_TEMPLATE, "OpenStreetMap",
                         "© OpenStreetMap contributors",
                         "https://www.openstreetmap.org/copyright", 19, cache_size);
    }
}

static void
on_mbtiles_opened (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SbMbtilesSource) data_source = NULL;
  GError *error = NULL;

  data_source = sb_mbtiles_source_new_finish (result, &error);
  if (data_source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, renderer_for_mbtiles (data_source), g_object_unref);
}

/**
 * sb_tile_setup_from_settings_async:
 *
 * Makes the map source the settings name, opening an MBTiles file in a
 * worker thread: the main loop never waits on a file.
 */
void
sb_tile_setup_from_settings_async (GSettings           *settings,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ShumateMapSource *source;

  g_return_if_fail (G_IS_SETTINGS (settings));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_tile_setup_from_settings_async);

  if (g_settings_get_enum (settings, "tile-source") != SB_TILES_MBTILES)
    {
      source = sb_tile_setup_from_settings (settings, &error);
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, source, source ? g_object_unref : NULL);
      return;
    }

  file = mbtiles_file_from_settings (settings, &error);
  if (file == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sb_mbtiles_source_new_async (file, cancellable, on_mbtiles_opened, g_steal_pointer (&task));
}

/**
 * sb_tile_setup_from_settings_finish:
 *
 * Returns: (transfer full) (nullable): as sb_tile_setup_from_settings()
 */
ShumateMapSource *
sb_tile_setup_from_settings_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
