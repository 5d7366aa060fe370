/* sb-place.c
 *
 * A place: its name, its position and how precisely it is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-place"

#include "config.h"

#include "sb-model-private.h"

G_DEFINE_FINAL_TYPE (SbPlace, sb_place, SB_TYPE_ENTITY)

static const char *
sb_place_get_label (SbEntity *entity)
{
  return sb_text_get (SB_PLACE (entity)->name);
}

static void
sb_place_finalize (GObject *object)
{
  SbPlace *self = (SbPlace *)object;

  g_clear_pointer (&self->name, sb_text_unref);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->geometry, sb_geometry_free);
  g_clear_pointer (&self->properties, g_strfreev);

  G_OBJECT_CLASS (sb_place_parent_class)->finalize (object);
}

static void
sb_place_class_init (SbPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SbEntityClass *entity_class = SB_ENTITY_CLASS (klass);

  object_class->finalize = sb_place_finalize;
  entity_class->get_label = sb_place_get_label;
}

static void
sb_place_init (SbPlace *self)
{
}

SbPlace *
_sb_place_new (const char *id)
{
  SbPlace *self = g_object_new (SB_TYPE_PLACE, NULL);

  _sb_entity_set_id (SB_ENTITY (self), id);
  return self;
}

SbText *
sb_place_get_name (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), NULL);

  return self->name;
}

double
sb_place_get_latitude (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), 0.0);

  return self->lat;
}

double
sb_place_get_longitude (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), 0.0);

  return self->lon;
}

SbPlacePrecision
sb_place_get_precision (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), SB_PLACE_PRECISION_POINT);

  return self->precision;
}

/**
 * sb_place_get_radius_km:
 *
 * Returns: how far from its centre the place may lie: the file's
 *   `radius_km`, or the format's default for the precision
 */
double
sb_place_get_radius_km (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), 0.0);

  if (self->radius_km > 0)
    return self->radius_km;

  switch (self->precision)
    {
    case SB_PLACE_PRECISION_NEAR:
      return 25.0;
    case SB_PLACE_PRECISION_REGION:
      return 250.0;
    case SB_PLACE_PRECISION_COUNTRY:
      return 500.0;
    case SB_PLACE_PRECISION_POINT:
    default:
      return 0.0;
    }
}

gboolean
sb_place_has_radius (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), FALSE);

  return self->radius_km > 0;
}

const char *
sb_place_get_country (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), NULL);

  return self->country;
}

/* The property that names the region a place the gazetteer lacks is
 * known only to be in: "Tassia", somewhere in Tillabéri region.
 */
#define REGION_PROPERTY "in_region"

/**
 * sb_place_get_region:
 *
 * Returns: (nullable): for a place known only to be somewhere in a region
 *   or a country (a village the gazetteer lacks), the region's or
 *   country's name
 */
const char *
sb_place_get_region (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), NULL);

  if ((self->precision != SB_PLACE_PRECISION_REGION && self->precision != SB_PLACE_PRECISION_COUNTRY) ||
      self->properties == NULL)
    return NULL;
  for (guint i = 0; self->properties[i] != NULL && self->properties[i + 1] != NULL; i += 2)
    if (g_str_equal (self->properties[i], REGION_PROPERTY) && *self->properties[i + 1] != '\0')
      return self->properties[i + 1];
  return NULL;
}

/**
 * sb_place_get_area_name:
 *
 * Returns: the name of what the map shades for the place: the region a
 *   place is known only to be in, otherwise the place's own name
 */
const char *
sb_place_get_area_name (SbPlace *self)
{
  const char *region;

  g_return_val_if_fail (SB_IS_PLACE (self), NULL);

  region = sb_place_get_region (self);
  return region != NULL ? region : sb_text_get (self->name);
}

/* Only for a place not yet in a briefing: its region is made with it. */
void
_sb_place_set_region (SbPlace    *self,
                      const char *region)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; self->properties != NULL && self->properties[i] != NULL && self->properties[i + 1] != NULL; i += 2)
    if (!g_str_equal (self->properties[i], REGION_PROPERTY))
      {
        g_strv_builder_add (builder, self->properties[i]);
        g_strv_builder_add (builder, self->properties[i + 1]);
      }
  g_strv_builder_add (builder, REGION_PROPERTY);
  g_strv_builder_add (builder, region);
  g_strfreev (self->properties);
  self->properties = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

/**
 * sb_place_new:
 * @language: (nullable): the language of @name
 * @country: (nullable): ISO 3166-1 alpha-3; required for a country
 *
 * Makes a place that belongs to no briefing: a town or country of the
 * base map that someone looked for, to frame and to ask what happened
 * there.
 *
 * Returns: (transfer full): the place
 */
SbPlace *
sb_place_new (const char       *id,
              const char       *language,
              const char       *name,
              double            lat,
              double            lon,
              SbPlacePrecision  precision,
              const char       *country)
{
  SbPlace *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (precision != SB_PLACE_PRECISION_COUNTRY || country != NULL, NULL);

  self = _sb_place_new (id);
  self->name = sb_text_new (language ? language : "und", name);
  self->lat = lat;
  self->lon = lon;
  self->precision = precision;
  self->country = g_strdup (country);

  return self;
}

/**
 * sb_place_covers:
 *
 * Whether a statement at @other is one at @self, for someone who asks
 * what happened at @self: in a country, what is known to be in it; at a
 * town, what is at most its radius from it (a place near it, with its own
 * radius; a region that takes it in). Nothing known only to a country is
 * at any town of it.
 */
gboolean
sb_place_covers (SbPlace *self,
                 SbPlace *other)
{
  double distance;

  g_return_val_if_fail (SB_IS_PLACE (self), FALSE);
  g_return_val_if_fail (SB_IS_PLACE (other), FALSE);

  if (self == other)
    return TRUE;

  if (self->precision == SB_PLACE_PRECISION_COUNTRY)
    return other->country != NULL && g_strcmp0 (other->country, self->country) == 0;

  if (other->precision == SB_PLACE_PRECISION_COUNTRY)
    return FALSE;

  distance = sb_distance_km (self->lat, self->lon, other->lat, other->lon);
  return distance <= sb_place_get_radius_km (self) + sb_place_get_radius_km (other);
}

/**
 * sb_place_is_reference:
 *
 * Returns: whether the place is drawn for reference, beneath the
 *   statements, whether or not any statement refers to it: a boundary, a
 *   district or a town from a GeoJSON file without dates
 */
gboolean
sb_place_is_reference (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), FALSE);

  return self->reference;
}

/**
 * sb_place_get_geometry:
 *
 * Returns: (nullable): the place's outline, when it has one
 */
const SbGeometry *
sb_place_get_geometry (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), NULL);

  return self->geometry;
}

/**
 * sb_place_get_properties:
 *
 * Returns: (nullable) (array zero-terminated=1): the properties a file
 *   gave the place, as they were: key, value, key, value…
 */
const char * const *
sb_place_get_properties (SbPlace *self)
{
  g_return_val_if_fail (SB_IS_PLACE (self), NULL);

  return (const char * const *) self->properties;
}
