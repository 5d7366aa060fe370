/* sb-place.h
 *
 * A named location and how precisely it is known.
 */

#pragma once

#include "sb-entity.h"
#include "sb-geometry.h"
#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_PLACE (sb_place_get_type ())

G_DECLARE_FINAL_TYPE (SbPlace, sb_place, SB, PLACE, SbEntity)

SbPlace          *sb_place_new           (const char       *id,
                                          const char       *language,
                                          const char       *name,
                                          double            lat,
                                          double            lon,
                                          SbPlacePrecision  precision,
                                          const char       *country);
gboolean          sb_place_covers        (SbPlace          *self,
                                          SbPlace          *other);
SbText           *sb_place_get_name      (SbPlace *self);
double            sb_place_get_latitude  (SbPlace *self);
double            sb_place_get_longitude (SbPlace *self);
SbPlacePrecision  sb_place_get_precision (SbPlace *self);
double            sb_place_get_radius_km (SbPlace *self);
gboolean          sb_place_has_radius    (SbPlace *self);
const char       *sb_place_get_country   (SbPlace *self);
const char       *sb_place_get_region    (SbPlace *self);
const char       *sb_place_get_area_name (SbPlace *self);
gboolean          sb_place_is_reference  (SbPlace *self);
const SbGeometry *sb_place_get_geometry  (SbPlace *self);
const char * const *sb_place_get_properties (SbPlace *self);

G_END_DECLS
