/* sb-fields.c
 *
 * What each field of each kind of entity holds, and the boxed types its
 * values travel in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-fields"

#include "config.h"

#include <string.h>

#include "sb-citation.h"
#include "sb-enums.h"
#include "sb-model-private.h"
#include "sb-text.h"

static SbDate *
date_copy (const SbDate *date)
{
  return g_memdup2 (date, sizeof *date);
}

static SbQuantity *
quantity_copy (const SbQuantity *quantity)
{
  return g_memdup2 (quantity, sizeof *quantity);
}

static SbStepCenter *
step_center_copy (const SbStepCenter *center)
{
  return g_memdup2 (center, sizeof *center);
}

G_DEFINE_BOXED_TYPE (SbDate, sb_date, date_copy, g_free)
G_DEFINE_BOXED_TYPE (SbQuantity, sb_quantity, quantity_copy, g_free)
G_DEFINE_BOXED_TYPE (SbGeometry, sb_geometry, sb_geometry_copy, sb_geometry_free)
G_DEFINE_BOXED_TYPE (SbStepCenter, sb_step_center, step_center_copy, g_free)

SbGeometry *
sb_geometry_copy (const SbGeometry *self)
{
  SbGeometry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sb_geometry_new (self->n_polygons);
  for (guint p = 0; p < self->n_polygons; p++)
    {
      const SbPolygon *polygon = &self->polygons[p];

      copy->polygons[p].n_rings = polygon->n_rings;
      copy->polygons[p].rings = g_new0 (SbRing, polygon->n_rings);
      for (guint r = 0; r < polygon->n_rings; r++)
        {
          copy->polygons[p].rings[r].n_points = polygon->rings[r].n_points;
          copy->polygons[p].rings[r].points = g_memdup2 (polygon->rings[r].points,
                                                         2 * sizeof (double) * polygon->rings[r].n_points);
        }
    }
  sb_geometry_update_bounds (copy);

  return copy;
}

#define TEXT    (sb_text_get_type ())
#define STRING  G_TYPE_STRING
#define STRV    G_TYPE_STRV
#define INT     G_TYPE_INT
#define DOUBLE  G_TYPE_DOUBLE
#define DATE    (sb_date_get_type ())
#define ARRAY   G_TYPE_PTR_ARRAY

static GType
briefing_field_type (guint field)
{
  switch ((SbBriefingField) field)
    {
    case SB_BRIEFING_FIELD_TITLE:
    case SB_BRIEFING_FIELD_SUBTITLE:
    case SB_BRIEFING_FIELD_DESCRIPTION:
      return TEXT;
    case SB_BRIEFING_FIELD_LANGUAGE:
      return STRING;
    case SB_BRIEFING_FIELD_DATE:
      return DATE;
    case SB_BRIEFING_FIELD_AUTHORS:
      return STRV;
    default:
      return G_TYPE_INVALID;
    }
}

static GType
source_field_type (guint field)
{
  switch ((SbSourceField) field)
    {
    case SB_SOURCE_FIELD_TITLE:
    case SB_SOURCE_FIELD_NOTE:
      return TEXT;
    case SB_SOURCE_FIELD_PUBLISHER:
    case SB_SOURCE_FIELD_AUTHOR:
    case SB_SOURCE_FIELD_LANGUAGE:
    case SB_SOURCE_FIELD_URL:
    case SB_SOURCE_FIELD_TEXT:
      return STRING;
    case SB_SOURCE_FIELD_DATE:
      return DATE;
    default:
      return G_TYPE_INVALID;
    }
}

static GType
actor_field_type (guint field)
{
  switch ((SbActorField) field)
    {
    case SB_ACTOR_FIELD_NAME:
    case SB_ACTOR_FIELD_SHORT_NAME:
    case SB_ACTOR_FIELD_AFFILIATION:
    case SB_ACTOR_FIELD_SUMMARY:
      return TEXT;
    case SB_ACTOR_FIELD_ALIASES:
      return STRV;
    case SB_ACTOR_FIELD_KIND:
    case SB_ACTOR_FIELD_COLOUR:
      return INT;
    case SB_ACTOR_FIELD_COUNTRY:
      return STRING;
    case SB_ACTOR_FIELD_FIGURES:
    case SB_ACTOR_FIELD_RELATIONS:
    case SB_ACTOR_FIELD_CITATIONS:
      return ARRAY;
    default:
      return G_TYPE_INVALID;
    }
}

static GType
place_field_type (guint field)
{
  switch ((SbPlaceField) field)
    {
    case SB_PLACE_FIELD_NAME:
      return TEXT;
    case SB_PLACE_FIELD_LATITUDE:
    case SB_PLACE_FIELD_LONGITUDE:
    case SB_PLACE_FIELD_RADIUS:
      return DOUBLE;
    case SB_PLACE_FIELD_PRECISION:
      return INT;
    case SB_PLACE_FIELD_COUNTRY:
      return STRING;
    default:
      return G_TYPE_INVALID;
    }
}

static GType
item_field_type (guint field)
{
  switch ((SbItemField) field)
    {
    case SB_ITEM_FIELD_TITLE:
    case SB_ITEM_FIELD_DESCRIPTION:
    case SB_ITEM_FIELD_ROLE:
    case SB_ITEM_FIELD_NAME:
      return TEXT;
    case SB_ITEM_FIELD_DATE:
      return DATE;
    case SB_ITEM_FIELD_CERTAINTY:
    case SB_ITEM_FIELD_STATUS:
    case SB_ITEM_FIELD_SUBTYPE:
    case SB_ITEM_FIELD_BOUNDARY:
      return INT;
    case SB_ITEM_FIELD_CLAIMED_BY:
      return SB_TYPE_ACTOR;
    case SB_ITEM_FIELD_CITATIONS:
    case SB_ITEM_FIELD_FIGURES:
    case SB_ITEM_FIELD_ACTORS:
    case SB_ITEM_FIELD_TARGETS:
      return ARRAY;
    case SB_ITEM_FIELD_PLACE:
    case SB_ITEM_FIELD_ORIGIN:
      return SB_TYPE_PLACE;
    case SB_ITEM_FIELD_QUANTITY:
      return SB_TYPE_QUANTITY;
    case SB_ITEM_FIELD_GEOMETRY:
      return SB_TYPE_GEOMETRY;
    default:
      return G_TYPE_INVALID;
    }
}

static GType
step_field_type (guint field)
{
  switch ((SbStepField) field)
    {
    case SB_STEP_FIELD_TITLE:
    case SB_STEP_FIELD_CAPTION:
    case SB_STEP_FIELD_NOTES:
      return TEXT;
    case SB_STEP_FIELD_CENTER:
      return SB_TYPE_STEP_CENTER;
    case SB_STEP_FIELD_FRAME:
    case SB_STEP_FIELD_SHOW:
    case SB_STEP_FIELD_HIGHLIGHT:
      return ARRAY;
    case SB_STEP_FIELD_LAYERS:
      return INT;
    case SB_STEP_FIELD_CITATION:
      return SB_TYPE_CITATION;
    default:
      return G_TYPE_INVALID;
    }
}

/**
 * sb_field_get_enum_type:
 * @entity_type: %SB_TYPE_BRIEFING for the briefing's own fields, or the
 *   type of a source, actor, place, statement or step
 *
 * Returns: the enumeration of its fields
 */
GType
sb_field_get_enum_type (GType entity_type)
{
  if (entity_type == SB_TYPE_BRIEFING)
    return SB_TYPE_BRIEFING_FIELD;
  if (entity_type == SB_TYPE_SOURCE)
    return SB_TYPE_SOURCE_FIELD;
  if (entity_type == SB_TYPE_ACTOR)
    return SB_TYPE_ACTOR_FIELD;
  if (entity_type == SB_TYPE_PLACE)
    return SB_TYPE_PLACE_FIELD;
  if (entity_type == SB_TYPE_ITEM)
    return SB_TYPE_ITEM_FIELD;
  if (entity_type == SB_TYPE_STEP)
    return SB_TYPE_STEP_FIELD;

  g_return_val_if_reached (G_TYPE_INVALID);
}

/**
 * sb_field_get_value_type:
 *
 * Returns: the type of the GValue that holds @field, or
 *   %G_TYPE_INVALID when the entity has no such field
 */
GType
sb_field_get_value_type (GType entity_type,
                         guint field)
{
  if (entity_type == SB_TYPE_BRIEFING)
    return briefing_field_type (field);
  if (entity_type == SB_TYPE_SOURCE)
    return source_field_type (field);
  if (entity_type == SB_TYPE_ACTOR)
    return actor_field_type (field);
  if (entity_type == SB_TYPE_PLACE)
    return place_field_type (field);
  if (entity_type == SB_TYPE_ITEM)
    return item_field_type (field);
  if (entity_type == SB_TYPE_STEP)
    return step_field_type (field);

  return G_TYPE_INVALID;
}

guint
sb_field_get_n_fields (GType entity_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (sb_field_get_enum_type (entity_type));

  return klass->n_values;
}

/**
 * sb_field_get_name:
 *
 * Returns: the field's name, as in "claimed-by"
 */
const char *
sb_field_get_name (GType entity_type,
                   guint field)
{
  return sb_enum_to_nick (sb_field_get_enum_type (entity_type), field);
}

/**
 * sb_field_is_text:
 *
 * Returns: whether the field holds typed text: consecutive changes of it
 *   are one step to undo, as in a text editor
 */
gboolean
sb_field_is_text (GType entity_type,
                  guint field)
{
  GType type = sb_field_get_value_type (entity_type, field);

  return type == TEXT || type == STRING;
}
