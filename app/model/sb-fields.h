/* sb-fields.h
 *
 * The fields an edit can change, one enumeration per kind of entity, and
 * the boxed types their values travel in. A field's value is a GValue of
 * the type sb_field_get_value_type() gives; "no value" is NULL for texts,
 * strings, arrays and references, an unset date or quantity, -1 for a
 * colour or a step's layers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sb-date.h"
#include "sb-geometry.h"
#include "sb-quantity.h"

G_BEGIN_DECLS

typedef enum
{
  SB_BRIEFING_FIELD_TITLE,
  SB_BRIEFING_FIELD_SUBTITLE,
  SB_BRIEFING_FIELD_DESCRIPTION,
  SB_BRIEFING_FIELD_LANGUAGE,
  SB_BRIEFING_FIELD_DATE,
  SB_BRIEFING_FIELD_AUTHORS,
} SbBriefingField;

typedef enum
{
  SB_SOURCE_FIELD_TITLE,
  SB_SOURCE_FIELD_PUBLISHER,
  SB_SOURCE_FIELD_AUTHOR,
  SB_SOURCE_FIELD_DATE,
  SB_SOURCE_FIELD_LANGUAGE,
  SB_SOURCE_FIELD_URL,
  SB_SOURCE_FIELD_TEXT,
  SB_SOURCE_FIELD_NOTE,
} SbSourceField;

typedef enum
{
  SB_ACTOR_FIELD_NAME,
  SB_ACTOR_FIELD_SHORT_NAME,
  SB_ACTOR_FIELD_ALIASES,
  SB_ACTOR_FIELD_KIND,
  SB_ACTOR_FIELD_AFFILIATION,
  SB_ACTOR_FIELD_COUNTRY,
  SB_ACTOR_FIELD_COLOUR,
  SB_ACTOR_FIELD_SUMMARY,
  SB_ACTOR_FIELD_FIGURES,
  SB_ACTOR_FIELD_RELATIONS,
  SB_ACTOR_FIELD_CITATIONS,
} SbActorField;

typedef enum
{
  SB_PLACE_FIELD_NAME,
  SB_PLACE_FIELD_LATITUDE,
  SB_PLACE_FIELD_LONGITUDE,
  SB_PLACE_FIELD_PRECISION,
  SB_PLACE_FIELD_RADIUS,
  SB_PLACE_FIELD_COUNTRY,
} SbPlaceField;

typedef enum
{
  SB_ITEM_FIELD_TITLE,
  SB_ITEM_FIELD_DESCRIPTION,
  SB_ITEM_FIELD_DATE,
  SB_ITEM_FIELD_CERTAINTY,
  SB_ITEM_FIELD_CLAIMED_BY,
  SB_ITEM_FIELD_CITATIONS,
  SB_ITEM_FIELD_FIGURES,
  SB_ITEM_FIELD_ACTORS,
  SB_ITEM_FIELD_PLACE,
  SB_ITEM_FIELD_ORIGIN,
  SB_ITEM_FIELD_STATUS,
  SB_ITEM_FIELD_SUBTYPE,
  SB_ITEM_FIELD_QUANTITY,
  SB_ITEM_FIELD_ROLE,
  SB_ITEM_FIELD_NAME,
  SB_ITEM_FIELD_BOUNDARY,
  SB_ITEM_FIELD_GEOMETRY,
  SB_ITEM_FIELD_TARGETS,
} SbItemField;

typedef enum
{
  SB_STEP_FIELD_TITLE,
  SB_STEP_FIELD_CAPTION,
  SB_STEP_FIELD_NOTES,
  SB_STEP_FIELD_CENTER,
  SB_STEP_FIELD_FRAME,
  SB_STEP_FIELD_LAYERS,
  SB_STEP_FIELD_SHOW,
  SB_STEP_FIELD_HIGHLIGHT,
  SB_STEP_FIELD_CITATION,
} SbStepField;

/* A step's camera when it names a centre and zoom. */
typedef struct
{
  double lat;
  double lon;
  double zoom;
} SbStepCenter;

#define SB_TYPE_DATE        (sb_date_get_type ())
#define SB_TYPE_QUANTITY    (sb_quantity_get_type ())
#define SB_TYPE_GEOMETRY    (sb_geometry_get_type ())
#define SB_TYPE_STEP_CENTER (sb_step_center_get_type ())

GType        sb_date_get_type           (void) G_GNUC_CONST;
GType        sb_quantity_get_type       (void) G_GNUC_CONST;
GType        sb_geometry_get_type       (void) G_GNUC_CONST;
GType        sb_step_center_get_type    (void) G_GNUC_CONST;

SbGeometry  *sb_geometry_copy           (const SbGeometry *self);

GType        sb_field_get_enum_type     (GType       entity_type);
GType        sb_field_get_value_type    (GType       entity_type,
                                         guint       field);
guint        sb_field_get_n_fields      (GType       entity_type);
const char  *sb_field_get_name          (GType       entity_type,
                                         guint       field);
gboolean     sb_field_is_text           (GType       entity_type,
                                         guint       field);

G_END_DECLS
