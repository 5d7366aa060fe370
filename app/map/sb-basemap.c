/* sb-basemap.c */

#define G_LOG_DOMAIN "sb-basemap"

#include "config.h"

#include <gio/gio.h>

#include "sb-basemap-data.h"
#include "sb-basemap.h"

#define WORLD_RESOURCE "/com/example/SahelBrief/basemap/world-basemap.bin"
#define SAHEL_RESOURCE "/com/example/SahelBrief/basemap/sahel-basemap.bin"

struct _SbBasemap
{
  SbBasemapFile world;
  SbBasemapFile sahel;
  GHashTable *countries;   /* ISO alpha-3 → the most detailed feature */
};

static void
load_file (SbBasemapFile *file,
           const char    *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  file->min_x = file->min_y = G_MAXDOUBLE;
  file->max_x = file->max_y = -G_MAXDOUBLE;

  /* Compiled in at build time, uncompressed: read where it is mapped. */
  file->features = bytes ? sb_basemap_features_from_binary (bytes, &error) : NULL;
  if (file->features == NULL)
    {
      g_critical ("The built-in base map %s cannot be read: %s", resource,
                  error ? error->message : "missing from the resources");
      file->features = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_basemap_feature_free);
      return;
    }

  for (guint i = 0; i < file->features->len; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (file->features, i);

      file->min_x = MIN (file->min_x, feature->min_x);
      file->min_y = MIN (file->min_y, feature->min_y);
      file->max_x = MAX (file->max_x, feature->max_x);
      file->max_y = MAX (file->max_y, feature->max_y);
    }
}

static void
index_countries (GHashTable          *countries,
                 const SbBasemapFile *file)
{
  for (guint i = 0; i < file->features->len; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (file->features, i);

      if (feature->kind == SB_BASEMAP_COUNTRY && feature->iso_a3 != NULL)
        g_hash_table_insert (countries, feature->iso_a3, feature);
    }
}

/**
 * sb_basemap_get_default:
 *
 * Returns: (transfer none): the base map, read from the resources the
 *   first time it is asked for, from any thread
 */
SbBasemap *
sb_basemap_get_default (void)
{
  static SbBasemap *basemap;

  if (g_once_init_enter (&basemap))
    {
      SbBasemap *loaded = g_new0 (SbBasemap, 1);

      load_file (&loaded->world, WORLD_RESOURCE);
      load_file (&loaded->sahel, SAHEL_RESOURCE);

      /* The regional file's outlines are finer: they win. */
      loaded->countries = g_hash_table_new (g_str_hash, g_str_equal);
      index_countries (loaded->countries, &loaded->world);
      index_countries (loaded->countries, &loaded->sahel);

      g_once_init_leave (&basemap, loaded);
    }

  return basemap;
}

const SbBasemapFile *
sb_basemap_get_world (SbBasemap *self)
{
  return &self->world;
}

const SbBasemapFile *
sb_basemap_get_sahel (SbBasemap *self)
{
  return &self->sahel;
}

/**
 * sb_basemap_lookup_country:
 *
 * Returns: (nullable): the country's outline
 */
const SbBasemapFeature *
sb_basemap_lookup_country (SbBasemap  *self,
                           const char *iso_a3)
{
  g_return_val_if_fail (iso_a3 != NULL, NULL);

  return g_hash_table_lookup (self->countries, iso_a3);
}
