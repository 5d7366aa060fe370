/* sb-basemap.c
 *
 * Reads the built-in base map (Natural Earth, in the app's resources) and
 * projects it once to the unit Mercator square.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-basemap"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sb-basemap.h"
#include "sb-projection.h"

#define WORLD_RESOURCE "/com/example/SahelBrief/basemap/world-basemap.geojson"
#define SAHEL_RESOURCE "/com/example/SahelBrief/basemap/sahel-basemap.geojson"

struct _SbBasemap
{
  SbBasemapFile world;
  SbBasemapFile sahel;
  GHashTable *countries;   /* ISO alpha-3 → the most detailed feature */
};

static const struct {
  const char *name;
  SbBasemapKind kind;
} kinds[] = {
  { "country", SB_BASEMAP_COUNTRY },
  { "border", SB_BASEMAP_BORDER },
  { "coast", SB_BASEMAP_COAST },
  { "river", SB_BASEMAP_RIVER },
  { "lake", SB_BASEMAP_LAKE },
  { "place", SB_BASEMAP_PLACE },
};

static void
feature_free (SbBasemapFeature *feature)
{
  g_free (feature->name);
  g_free (feature->iso_a3);
  g_free (feature->part_starts);
  g_free (feature->points);
  g_free (feature);
}

static void
add_position (GArray    *points,
              JsonArray *position)
{
  double xy[2] = {
    sb_mercator_x (json_array_get_double_element (position, 0)),
    sb_mercator_y (json_array_get_double_element (position, 1)),
  };

  g_array_append_vals (points, xy, 2);
}

/* Collects the parts of any geometry: a point is one part of one position,
 * a polygon's rings and a line's lines are parts.
 */
static void
add_parts (JsonArray *coordinates,
           guint      depth,
           GArray    *points,
           GArray    *starts)
{
  if (depth == 1)
    {
      guint start = points->len / 2;

      g_array_append_val (starts, start);
      for (guint i = 0; i < json_array_get_length (coordinates); i++)
        add_position (points, json_array_get_array_element (coordinates, i));
      return;
    }

  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    add_parts (json_array_get_array_element (coordinates, i), depth - 1, points, starts);
}

static guint
geometry_depth (const char *type)
{
  if (g_str_equal (type, "Point"))
    return 0;
  if (g_str_equal (type, "LineString"))
    return 1;
  if (g_str_equal (type, "MultiLineString") || g_str_equal (type, "Polygon"))
    return 2;
  return 3; /* MultiPolygon */
}

/* Countries are labelled at the middle of their largest ring's box. */
static void
place_label (SbBasemapFeature *feature)
{
  double best_area = -1;

  for (guint p = 0; p < feature->n_parts; p++)
    {
      double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      for (guint i = feature->part_starts[p]; i < feature->part_starts[p + 1]; i++)
        {
          min_x = MIN (min_x, feature->points[2 * i]);
          max_x = MAX (max_x, feature->points[2 * i]);
          min_y = MIN (min_y, feature->points[2 * i + 1]);
          max_y = MAX (max_y, feature->points[2 * i + 1]);
        }

      if ((max_x - min_x) * (max_y - min_y) > best_area)
        {
          best_area = (max_x - min_x) * (max_y - min_y);
          feature->label_x = (min_x + max_x) / 2;
          feature->label_y = (min_y + max_y) / 2;
        }
    }
}

static SbBasemapFeature *
read_feature (JsonObject *object)
{
  JsonObject *properties = json_object_get_object_member (object, "properties");
  JsonObject *geometry = json_object_get_object_member (object, "geometry");
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  SbBasemapFeature *feature;
  const char *layer, *type, *kind;
  guint depth, end;

  if (properties == NULL || geometry == NULL)
    return NULL;

  layer = json_object_get_string_member_with_default (properties, "layer", "");
  type = json_object_get_string_member_with_default (geometry, "type", "");

  feature = g_new0 (SbBasemapFeature, 1);
  feature->kind = SB_BASEMAP_PLACE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (layer, kinds[i].name))
      feature->kind = kinds[i].kind;

  feature->name = g_strdup (json_object_get_string_member_with_default (properties, "name", NULL));
  feature->iso_a3 = g_strdup (json_object_get_string_member_with_default (properties, "iso_a3", NULL));
  feature->scalerank = json_object_get_int_member_with_default (properties, "scalerank", 0);
  kind = json_object_get_string_member_with_default (properties, "kind", "");
  feature->is_capital = g_str_has_prefix (kind, "Admin-0 capital");

  depth = geometry_depth (type);
  if (depth == 0)
    {
      guint start = 0;

      g_array_append_val (starts, start);
      add_position (points, json_object_get_array_member (geometry, "coordinates"));
    }
  else
    add_parts (json_object_get_array_member (geometry, "coordinates"), depth, points, starts);

  end = points->len / 2;
  if (end == 0)
    {
      feature_free (feature);
      return NULL;
    }

  g_array_append_val (starts, end);
  feature->n_parts = starts->len - 1;
  feature->part_starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);
  feature->points = (double *) g_array_free (g_steal_pointer (&points), FALSE);

  feature->min_x = feature->min_y = G_MAXDOUBLE;
  feature->max_x = feature->max_y = -G_MAXDOUBLE;
  for (guint i = 0; i < end; i++)
    {
      feature->min_x = MIN (feature->min_x, feature->points[2 * i]);
      feature->max_x = MAX (feature->max_x, feature->points[2 * i]);
      feature->min_y = MIN (feature->min_y, feature->points[2 * i + 1]);
      feature->max_y = MAX (feature->max_y, feature->points[2 * i + 1]);
    }

  feature->label_x = feature->points[0];
  feature->label_y = feature->points[1];
  if (feature->kind == SB_BASEMAP_COUNTRY)
    place_label (feature);

  return feature;
}

static void
load_file (SbBasemapFile *file,
           const char    *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonArray *features;
  gsize length;
  const char *data;

  file->features = g_ptr_array_new_with_free_func ((GDestroyNotify) feature_free);
  file->min_x = file->min_y = G_MAXDOUBLE;
  file->max_x = file->max_y = -G_MAXDOUBLE;

  data = bytes ? g_bytes_get_data (bytes, &length) : NULL;
  if (data == NULL || !json_parser_load_from_data (parser, data, length, &error))
    {
      g_critical ("The built-in base map %s cannot be read: %s", resource,
                  error ? error->message : "missing from the resources");
      return;
    }

  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      SbBasemapFeature *feature = read_feature (json_array_get_object_element (features, i));

      if (feature == NULL)
        continue;

      file->min_x = MIN (file->min_x, feature->min_x);
      file->min_y = MIN (file->min_y, feature->min_y);
      file->max_x = MAX (file->max_x, feature->max_x);
      file->max_y = MAX (file->max_y, feature->max_y);
      g_ptr_array_add (file->features, feature);
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
