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
#include <math.h>
#include <string.h>

#include "sb-basemap-data.h"
#include "sb-basemap.h"
#include "sb-projection.h"

#define WORLD_RESOURCE "/com/example/SahelBrief/basemap/world-basemap.bin"
#define SAHEL_RESOURCE "/com/example/SahelBrief/basemap/sahel-basemap.bin"

struct _SbBasemap
{
  SbBasemapFile world;
  SbBasemapFile sahel;
  GHashTable *countries;   /* ISO alpha-3 → the most detailed feature */

  GMutex shapes_lock;
  GHashTable *shapes;      /* feature → SbBasemapCountryShape, made when first asked for */
};

static void
load_file (SbBasemapFile *file,
           const char    *resource,
           GBytes        *bytes)
{
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

static SbBasemap *default_basemap;

/* The files as found in the resources; NULL when missing. */
typedef struct
{
  GBytes *world;
  GBytes *sahel;
} SbBasemapBytes;

static void
look_up_bytes (SbBasemapBytes *bytes)
{
  bytes->world = g_resources_lookup_data (WORLD_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  bytes->sahel = g_resources_lookup_data (SAHEL_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static void
clear_bytes (SbBasemapBytes *bytes)
{
  g_clear_pointer (&bytes->world, g_bytes_unref);
  g_clear_pointer (&bytes->sahel, g_bytes_unref);
}

static SbBasemap *
read_once (SbBasemapBytes *bytes)
{
  if (g_once_init_enter (&default_basemap))
    {
      SbBasemap *loaded = g_new0 (SbBasemap, 1);
      SbBasemapBytes found = { NULL, NULL };

      if (bytes == NULL)
        {
          look_up_bytes (&found);
          bytes = &found;
        }

      load_file (&loaded->world, WORLD_RESOURCE, bytes->world);
      load_file (&loaded->sahel, SAHEL_RESOURCE, bytes->sahel);
      clear_bytes (&found);

      /* The regional file's outlines are finer: they win. */
      loaded->countries = g_hash_table_new (g_str_hash, g_str_equal);
      index_countries (loaded->countries, &loaded->world);
      index_countries (loaded->countries, &loaded->sahel);
      g_mutex_init (&loaded->shapes_lock);
      loaded->shapes = g_hash_table_new_full (NULL, NULL, NULL, g_free);

      g_once_init_leave (&default_basemap, loaded);
    }

  return default_basemap;
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
  return read_once (NULL);
}

static gpointer
read_ahead_thread (gpointer data)
{
  g_autofree SbBasemapBytes *bytes = data;

  read_once (bytes);
  clear_bytes (bytes);

  return NULL;
}

/**
 * sb_basemap_read_ahead:
 *
 * Starts reading the base map on another core. The files are found in the
 * resources here, in the calling thread: the resources go as the process
 * exits, perhaps while the reader still runs, but the data found stays.
 */
void
sb_basemap_read_ahead (void)
{
  SbBasemapBytes *bytes;

  if (g_atomic_pointer_get (&default_basemap) != NULL)
    return;

  bytes = g_new0 (SbBasemapBytes, 1);
  look_up_bytes (bytes);
  g_thread_unref (g_thread_new ("sb-basemap", read_ahead_thread, bytes));
}

/**
 * sb_basemap_peek_default:
 *
 * Returns: (transfer none) (nullable): the base map if it has been read,
 *   without reading it
 */
SbBasemap *
sb_basemap_peek_default (void)
{
  return g_atomic_pointer_get (&default_basemap);
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

/**
 * sb_basemap_feature_contains:
 *
 * Returns: whether the point (@x, @y) of the unit square lies inside the
 *   country or lake @feature (its holes excepted)
 */
gboolean
sb_basemap_feature_contains (const SbBasemapFeature *feature,
                             double                  x,
                             double                  y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (feature != NULL, FALSE);

  if (x < feature->min_x || x > feature->max_x || y < feature->min_y || y > feature->max_y)
    return FALSE;

  for (guint p = 0; p < feature->n_parts; p++)
    {
      guint start = feature->part_starts[p], end = feature->part_starts[p + 1];

      for (guint i = start, j = end - 1; i < end; j = i++)
        {
          double xi = feature->points[2 * i], yi = feature->points[2 * i + 1];
          double xj = feature->points[2 * j], yj = feature->points[2 * j + 1];

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}

/* How far inside @feature a point lies, squared: the square of its
 * distance to the nearest edge; negative outside.
 */
static double
depth_inside (const SbBasemapFeature *feature,
              double                  x,
              double                  y)
{
  double nearest = G_MAXDOUBLE;

  if (!sb_basemap_feature_contains (feature, x, y))
    return -1;

  for (guint p = 0; p < feature->n_parts; p++)
    for (guint i = feature->part_starts[p] + 1; i < feature->part_starts[p + 1]; i++)
      {
        double nx, ny;

        nearest = MIN (nearest, sb_segment_distance_squared (x, y,
                                                             feature->points[2 * i - 2], feature->points[2 * i - 1],
                                                             feature->points[2 * i], feature->points[2 * i + 1],
                                                             &nx, &ny));
      }

  return nearest;
}

static void
part_box (const SbBasemapFeature *feature,
          guint                   part,
          double                 *box)
{
  box[0] = box[1] = G_MAXDOUBLE;
  box[2] = box[3] = -G_MAXDOUBLE;
  for (guint i = feature->part_starts[part]; i < feature->part_starts[part + 1]; i++)
    {
      box[0] = MIN (box[0], feature->points[2 * i]);
      box[1] = MIN (box[1], feature->points[2 * i + 1]);
      box[2] = MAX (box[2], feature->points[2 * i]);
      box[3] = MAX (box[3], feature->points[2 * i + 1]);
    }
}

/* Searches a grid over @box, then finer ones around the best point. */
static void
find_label_point (const SbBasemapFeature *feature,
                  const double           *box,
                  double                 *label_x,
                  double                 *label_y)
{
  double best = -G_MAXDOUBLE;
  double x0 = box[0], y0 = box[1], width = box[2] - box[0], height = box[3] - box[1];

  *label_x = (box[0] + box[2]) / 2;
  *label_y = (box[1] + box[3]) / 2;

  for (guint pass = 0; pass < 4; pass++)
    {
      const guint n = 12;
      double cell_x = width / n, cell_y = height / n;
      double best_x = *label_x, best_y = *label_y;

      for (guint i = 0; i <= n; i++)
        for (guint j = 0; j <= n; j++)
          {
            double x = x0 + i * cell_x, y = y0 + j * cell_y;
            double depth = depth_inside (feature, x, y);

            if (depth > best)
              {
                best = depth;
                best_x = x;
                best_y = y;
              }
          }

      *label_x = best_x;
      *label_y = best_y;
      x0 = best_x - cell_x;
      y0 = best_y - cell_y;
      width = 2 * cell_x;
      height = 2 * cell_y;
    }
}

static SbBasemapCountryShape *
make_country_shape (const SbBasemapFeature *country)
{
  SbBasemapCountryShape *shape = g_new0 (SbBasemapCountryShape, 1);
  double largest[4] = { 0, }, best_area = -1, reach;

  for (guint p = 0; p < country->n_parts; p++)
    {
      double box[4];

      part_box (country, p, box);
      if ((box[2] - box[0]) * (box[3] - box[1]) > best_area)
        {
          best_area = (box[2] - box[0]) * (box[3] - box[1]);
          memcpy (largest, box, sizeof largest);
        }
    }

  /* Islands near the mainland belong to the frame, overseas territories
   * (French Guiana for France) do not.
   */
  reach = MAX (largest[2] - largest[0], largest[3] - largest[1]) * 0.5;
  shape->min_x = largest[0];
  shape->min_y = largest[1];
  shape->max_x = largest[2];
  shape->max_y = largest[3];
  for (guint p = 0; p < country->n_parts; p++)
    {
      double box[4];

      part_box (country, p, box);
      if (box[0] > largest[2] + reach || box[2] < largest[0] - reach ||
          box[1] > largest[3] + reach || box[3] < largest[1] - reach)
        continue;

      shape->min_x = MIN (shape->min_x, box[0]);
      shape->min_y = MIN (shape->min_y, box[1]);
      shape->max_x = MAX (shape->max_x, box[2]);
      shape->max_y = MAX (shape->max_y, box[3]);
    }

  find_label_point (country, largest, &shape->label_x, &shape->label_y);
  return shape;
}

/**
 * sb_basemap_get_country_shape:
 *
 * Returns: where @country's name goes and the box of its main parts;
 *   computed the first time it is asked for, from any thread
 */
const SbBasemapCountryShape *
sb_basemap_get_country_shape (SbBasemap              *self,
                              const SbBasemapFeature *country)
{
  SbBasemapCountryShape *shape;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (country != NULL && country->kind == SB_BASEMAP_COUNTRY, NULL);

  g_mutex_lock (&self->shapes_lock);
  shape = g_hash_table_lookup (self->shapes, country);
  if (shape == NULL)
    {
      shape = make_country_shape (country);
      g_hash_table_insert (self->shapes, (gpointer) country, shape);
    }
  g_mutex_unlock (&self->shapes_lock);

  return shape;
}

/**
 * sb_basemap_nearest_border:
 * @max_distance: how far to look, in the unit square
 *
 * Finds the point of an international border nearest to (@x, @y).
 *
 * Returns: %FALSE if no border lies within @max_distance
 */
gboolean
sb_basemap_nearest_border (SbBasemap *self,
                           double     x,
                           double     y,
                           double     max_distance,
                           double    *border_x,
                           double    *border_y)
{
  const SbBasemapFile *files[] = { &self->sahel, &self->world };
  double best = max_distance;
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint f = 0; f < G_N_ELEMENTS (files) && !found; f++)
    for (guint k = 0; k < files[f]->features->len; k++)
      {
        SbBasemapFeature *feature = g_ptr_array_index (files[f]->features, k);

        if (feature->kind != SB_BASEMAP_BORDER ||
            x < feature->min_x - best || x > feature->max_x + best ||
            y < feature->min_y - best || y > feature->max_y + best)
          continue;

        for (guint p = 0; p < feature->n_parts; p++)
          for (guint i = feature->part_starts[p] + 1; i < feature->part_starts[p + 1]; i++)
            {
              double nx, ny;
              double d = sqrt (sb_segment_distance_squared (x, y,
                                                            feature->points[2 * i - 2], feature->points[2 * i - 1],
                                                            feature->points[2 * i], feature->points[2 * i + 1],
                                                            &nx, &ny));

              if (d < best)
                {
                  best = d;
                  *border_x = nx;
                  *border_y = ny;
                  found = TRUE;
                }
            }
      }

  return found;
}

/**
 * sb_basemap_nearest_places:
 * @max_distance: how far to look, in the unit square
 * @places: (out caller-allocates) (array length=n_places): filled with
 *   the nearest places, nearest first
 *
 * Returns: how many places lie within @max_distance of (@x, @y), up to
 *   @n_places
 */
guint
sb_basemap_nearest_places (SbBasemap               *self,
                           double                   x,
                           double                   y,
                           double                   max_distance,
                           guint                    n_places,
                           const SbBasemapFeature **places)
{
  g_autofree double *distances = g_new (double, MAX (n_places, 1));
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (n_places == 0)
    return 0;

  for (guint k = 0; k < self->sahel.features->len; k++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (self->sahel.features, k);
      double d;
      guint at;

      if (feature->kind != SB_BASEMAP_PLACE || feature->name == NULL)
        continue;

      d = hypot (feature->label_x - x, feature->label_y - y);
      if (d > max_distance || (n == n_places && d >= distances[n - 1]))
        continue;

      /* Kept in order, nearest first. */
      at = MIN (n, n_places - 1);
      while (at > 0 && distances[at - 1] > d)
        {
          distances[at] = distances[at - 1];
          places[at] = places[at - 1];
          at--;
        }
      distances[at] = d;
      places[at] = feature;
      n = MIN (n + 1, n_places);
    }

  return n;
}

static void
find_in (const SbBasemapFile *file,
         const char          *casefolded,
         GHashTable          *seen,
         GPtrArray           *found,
         guint                max)
{
  for (guint i = 0; i < file->features->len && found->len < max; i++)
    {
      SbBasemapFeature *feature = g_ptr_array_index (file->features, i);
      g_autofree char *name = NULL;

      if ((feature->kind != SB_BASEMAP_PLACE && feature->kind != SB_BASEMAP_COUNTRY) ||
          feature->name == NULL)
        continue;

      name = g_utf8_casefold (feature->name, -1);
      if (strstr (name, casefolded) == NULL || !g_hash_table_add (seen, g_steal_pointer (&name)))
        continue;

      g_ptr_array_add (found, feature);
    }
}

/**
 * sb_basemap_find:
 * @casefolded: what to look for, case-folded
 *
 * Looks for the base map's towns and countries whose name contains
 * @casefolded: the Sahel's detailed ones first, then the world's.
 *
 * Returns: (transfer container) (element-type SbBasemapFeature): at most
 *   @max features, each name once
 */
GPtrArray *
sb_basemap_find (SbBasemap  *self,
                 const char *casefolded,
                 guint       max)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, found);
  g_return_val_if_fail (casefolded != NULL, found);

  if (*casefolded == '\0')
    return found;

  find_in (&self->sahel, casefolded, seen, found, max);
  find_in (&self->world, casefolded, seen, found, max);

  return found;
}

/**
 * sb_basemap_country_at:
 *
 * Returns: (nullable): the country the point (@x, @y) of the unit square
 *   lies in
 */
const SbBasemapFeature *
sb_basemap_country_at (SbBasemap *self,
                       double     x,
                       double     y)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);

  g_hash_table_iter_init (&iter, self->countries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (sb_basemap_feature_contains (value, x, y))
      return value;

  return NULL;
}
