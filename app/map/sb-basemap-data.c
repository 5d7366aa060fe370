/* sb-basemap-data.c
 *
 * The binary form, little-endian: "SBBM", a version and the number of
 * features; then each feature's kind, capital flag, scale rank, name and
 * ISO code (length, or 0xffffffff for none, then the bytes), its box and
 * label point, its parts' starts and its points, in the unit Mercator
 * square.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-basemap-data"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sb-basemap-data.h"
#include "sb-projection.h"

#define MAGIC "SBBM"
#define VERSION 1
#define NO_STRING G_MAXUINT32

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

void
sb_basemap_feature_free (SbBasemapFeature *feature)
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
      sb_basemap_feature_free (feature);
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

/**
 * sb_basemap_features_from_geojson:
 *
 * Returns: (transfer full): the features of a GeoJSON FeatureCollection,
 *   in its order, or %NULL with @error set
 */
GPtrArray *
sb_basemap_features_from_geojson (const char  *data,
                                  gsize        length,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_basemap_feature_free);
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (array = json_object_get_array_member (json_node_get_object (root), "features")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a GeoJSON FeatureCollection");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      SbBasemapFeature *feature = read_feature (json_array_get_object_element (array, i));

      if (feature != NULL)
        g_ptr_array_add (features, feature);
    }

  return g_steal_pointer (&features);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (out, (const guint8 *) &value, sizeof value);
}

static void
put_double (GByteArray *out,
            double      value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *) &bits, sizeof bits);
}

static void
put_string (GByteArray *out,
            const char *string)
{
  if (string == NULL)
    {
      put_u32 (out, NO_STRING);
      return;
    }

  put_u32 (out, strlen (string));
  g_byte_array_append (out, (const guint8 *) string, strlen (string));
}

/**
 * sb_basemap_features_to_binary:
 *
 * Returns: (transfer full): @features in the binary form
 */
GBytes *
sb_basemap_features_to_binary (GPtrArray *features)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) MAGIC, 4);
  put_u32 (out, VERSION);
  put_u32 (out, features->len);

  for (guint i = 0; i < features->len; i++)
    {
      const SbBasemapFeature *feature = g_ptr_array_index (features, i);
      guint n_points = feature->part_starts[feature->n_parts];

      put_u32 (out, feature->kind);
      put_u32 (out, feature->is_capital);
      put_u32 (out, (guint32) feature->scalerank);
      put_string (out, feature->name);
      put_string (out, feature->iso_a3);
      put_double (out, feature->min_x);
      put_double (out, feature->min_y);
      put_double (out, feature->max_x);
      put_double (out, feature->max_y);
      put_double (out, feature->label_x);
      put_double (out, feature->label_y);
      put_u32 (out, feature->n_parts);
      for (guint p = 0; p <= feature->n_parts; p++)
        put_u32 (out, feature->part_starts[p]);
      for (guint p = 0; p < 2 * n_points; p++)
        put_double (out, feature->points[p]);
    }

  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean failed;
} Reader;

static gboolean
take (Reader *reader,
      gsize   size)
{
  if (reader->failed || (gsize) (reader->end - reader->p) < size)
    {
      reader->failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

static guint32
get_u32 (Reader *reader)
{
  guint32 value;

  if (!take (reader, sizeof value))
    return 0;

  memcpy (&value, reader->p, sizeof value);
  reader->p += sizeof value;
  return GUINT32_FROM_LE (value);
}

static double
get_double (Reader *reader)
{
  guint64 bits;
  double value;

  if (!take (reader, sizeof bits))
    return 0;

  memcpy (&bits, reader->p, sizeof bits);
  reader->p += sizeof bits;
  bits = GUINT64_FROM_LE (bits);
  memcpy (&value, &bits, sizeof value);
  return value;
}

static char *
get_string (Reader *reader)
{
  guint32 length = get_u32 (reader);
  char *string;

  if (length == NO_STRING || !take (reader, length))
    return NULL;

  string = g_strndup ((const char *) reader->p, length);
  reader->p += length;
  return string;
}

/**
 * sb_basemap_features_from_binary:
 *
 * Returns: (transfer full): the features, or %NULL with @error set when
 *   @bytes are not the binary form
 */
GPtrArray *
sb_basemap_features_from_binary (GBytes  *bytes,
                                 GError **error)
{
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_basemap_feature_free);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  Reader reader = { data, data + length, FALSE };
  guint32 n_features;

  if (length < 12 || memcmp (data, MAGIC, 4) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a base map in the binary form");
      return NULL;
    }
  reader.p += 4;
  if (get_u32 (&reader) != VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a base map of another version");
      return NULL;
    }

  n_features = get_u32 (&reader);
  for (guint32 i = 0; i < n_features && !reader.failed; i++)
    {
      SbBasemapFeature *feature = g_new0 (SbBasemapFeature, 1);
      guint n_points;

      g_ptr_array_add (features, feature);
      feature->kind = get_u32 (&reader);
      feature->is_capital = get_u32 (&reader) != 0;
      feature->scalerank = (int) get_u32 (&reader);
      feature->name = get_string (&reader);
      feature->iso_a3 = get_string (&reader);
      feature->min_x = get_double (&reader);
      feature->min_y = get_double (&reader);
      feature->max_x = get_double (&reader);
      feature->max_y = get_double (&reader);
      feature->label_x = get_double (&reader);
      feature->label_y = get_double (&reader);
      feature->n_parts = get_u32 (&reader);
      if (!take (&reader, ((gsize) feature->n_parts + 1) * 4))
        break;
      feature->part_starts = g_new (guint, feature->n_parts + 1);
      for (guint p = 0; p <= feature->n_parts; p++)
        feature->part_starts[p] = get_u32 (&reader);

      n_points = feature->part_starts[feature->n_parts];
      if (!take (&reader, (gsize) n_points * 16))
        break;
      feature->points = g_new (double, 2 * (gsize) n_points);
      for (guint p = 0; p < 2 * n_points; p++)
        feature->points[p] = get_double (&reader);
    }

  if (reader.failed || reader.p != reader.end)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the base map is cut short or too long");
      return NULL;
    }

  return g_steal_pointer (&features);
}
