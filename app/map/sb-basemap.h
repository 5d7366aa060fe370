/* sb-basemap.h
 *
 * The built-in base map (Natural Earth, in the app's resources): countries,
 * borders, coasts, rivers, lakes and places, projected once to the unit
 * Mercator square.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SB_BASEMAP_COUNTRY,
  SB_BASEMAP_BORDER,
  SB_BASEMAP_COAST,
  SB_BASEMAP_RIVER,
  SB_BASEMAP_LAKE,
  SB_BASEMAP_PLACE,
} SbBasemapKind;

typedef struct
{
  SbBasemapKind kind;
  char *name;              /* nullable */
  char *iso_a3;            /* countries */
  int scalerank;           /* 0 most important … 10 */
  gboolean is_capital;
  guint n_parts;           /* rings or lines */
  guint *part_starts;      /* n_parts + 1 indices into points */
  double *points;          /* x0, y0, x1, y1, … in the unit square */
  double min_x, min_y, max_x, max_y;
  double label_x, label_y; /* where its name goes */
} SbBasemapFeature;

typedef struct
{
  GPtrArray *features;     /* of SbBasemapFeature, in drawing order */
  double min_x, min_y, max_x, max_y;
} SbBasemapFile;

/* Where a country's name and a statement known only to the country go. */
typedef struct
{
  double label_x, label_y; /* the point of its largest part farthest from its edge */
  double min_x, min_y, max_x, max_y; /* its main parts, without distant islands and territories */
} SbBasemapCountryShape;

typedef struct _SbBasemap SbBasemap;

SbBasemap              *sb_basemap_get_default    (void);
SbBasemap              *sb_basemap_peek_default   (void);
void                    sb_basemap_read_ahead     (void);
const SbBasemapFile    *sb_basemap_get_world      (SbBasemap  *self);
const SbBasemapFile    *sb_basemap_get_sahel      (SbBasemap  *self);
const SbBasemapFeature *sb_basemap_lookup_country (SbBasemap  *self,
                                                   const char *iso_a3);
const SbBasemapCountryShape *
                        sb_basemap_get_country_shape (SbBasemap              *self,
                                                      const SbBasemapFeature *country);
gboolean                sb_basemap_feature_contains (const SbBasemapFeature *feature,
                                                     double                  x,
                                                     double                  y);
gboolean                sb_basemap_nearest_border (SbBasemap  *self,
                                                   double      x,
                                                   double      y,
                                                   double      max_distance,
                                                   double     *border_x,
                                                   double     *border_y);
GPtrArray              *sb_basemap_find           (SbBasemap  *self,
                                                   const char *casefolded,
                                                   guint       max);
const SbBasemapFeature *sb_basemap_country_at     (SbBasemap  *self,
                                                   double      x,
                                                   double      y);
guint                   sb_basemap_nearest_places (SbBasemap  *self,
                                                   double      x,
                                                   double      y,
                                                   double      max_distance,
                                                   guint       n_places,
                                                   const SbBasemapFeature **places);

G_END_DECLS
