/* sb-map-marks.h
 *
 * What a layout of the map holds: symbols at their points, the cards of
 * countries and regions, arrows, the names of towns and areas; and what
 * the layers and the layout alike ask of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>
#include <pango/pango.h>

#include "sb-basemap.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_MAP_INCIDENT_RADIUS 9.0

typedef enum
{
  SB_MAP_FONT_LABEL,       /* an actor's name by its symbol */
  SB_MAP_FONT_TITLE,       /* an area's name on its card */
  SB_MAP_FONT_TOWN,        /* a town the briefing mentions */
  SB_MAP_FONT_CAPITAL,
  SB_MAP_FONT_AREA,        /* an area's (held ground, risk) name */
  SB_MAP_FONT_COUNTRY,     /* a country's, without a card */
} SbMapFont;

typedef struct
{
  SbItem *item;
  double anchor_x, anchor_y; /* the place, for a symbol at a point */
  double x, y;               /* where the symbol is drawn */
  double radius;
  int card;                  /* the index of its area's card; -1 at a point */
  gboolean displaced;        /* moved off its point to make room */
  gboolean selected;
  gboolean dimmed;
  gboolean has_label;
  graphene_rect_t label;     /* its actor's name, where has_label */
} SbMapMark;

typedef struct
{
  SbPlace *place;
  const SbBasemapFeature *country; /* nullable: regions, and countries the base map lacks */
  double anchor_x, anchor_y; /* where the area's name belongs, inside it */
  double region_radius;      /* a region's, in pixels; 0 for a country */
  graphene_rect_t box;
  graphene_rect_t title;
  gboolean leader;           /* the card could not sit in its area */
  guint n_inside;            /* of nine points across the card, how many lie in its area */
  gboolean compact;          /* its name on one line, its symbols in rows without names */
  int title_wrap;            /* the width its name wraps or is cut at, in Pango units */
  gboolean selected;
  gboolean dimmed;
  guint n_marks;
  guint count;               /* clustered incidents known only to the area */
  guint8 dominant;           /* their commonest type */
  guint count_emphasised;    /* of them, the selected actor's */
  guint8 dominant_emphasised;
  double count_x, count_y, count_radius;
} SbMapCard;

typedef struct
{
  SbItem *item;
  double x0, y0;             /* start */
  double cx, cy;             /* control point */
  double x1, y1;             /* end, where the head is */
  gboolean from_point;       /* it starts from an exact place: a dot */
  gboolean origin_unknown;   /* only its destination is known: a head into it, no line */
  gboolean destination_unknown; /* only its origin is known: a head out of it, no line */
  gboolean selected;
  gboolean dimmed;
} SbMapArrow;

typedef struct
{
  const SbBasemapFeature *town;  /* or a country */
  SbPlace *place;          /* nullable: the briefing's, named for the country; of a country
                            * named through its regions, none: the country is named by its own name */
  double x, y;
  graphene_rect_t label;
  gboolean under_symbol;   /* a symbol on it marks it: no dot */
} SbMapTown;

typedef struct
{
  SbItem *area;            /* nullable: then a place for reference is named */
  SbPlace *reference;
  graphene_rect_t box;
  int wrap_width;          /* in Pango units */
} SbMapAreaName;

typedef struct
{
  GArray *marks;           /* of SbMapMark */
  GArray *area_names;      /* of SbMapAreaName */
  GArray *cards;           /* of SbMapCard */
  GArray *arrows;          /* of SbMapArrow */
  GArray *towns;           /* of SbMapTown */
  GArray *country_names;   /* of SbMapTown: countries named without a card */
  GArray *taken;           /* of graphene_rect_t: what other labels keep clear of */
} SbMapLayout;

SbMapLayout *sb_map_layout_ref            (SbMapLayout         *self);
void         sb_map_layout_unref          (SbMapLayout         *self);
void         sb_map_layout_set_font       (PangoLayout         *layout,
                                           SbMapFont            font);
gboolean     sb_map_layout_emphasis       (SbSelection         *selection,
                                           SbItem              *item,
                                           gboolean            *dimmed);
double       sb_map_layout_symbol_radius  (SbItem              *item);
const char  *sb_map_layout_mark_label     (SbItem              *item);
gboolean     sb_map_layout_uses_cards     (SbPlace             *place);
const SbMapMark *
             sb_map_layout_find_mark      (SbMapLayout         *self,
                                           SbItem              *item);
const SbMapArrow *
             sb_map_layout_find_arrow     (SbMapLayout         *self,
                                           SbItem              *item);
const SbMapCard *
             sb_map_layout_find_card      (SbMapLayout         *self,
                                           SbPlace             *place);
void         sb_map_arrow_point_at        (const SbMapArrow    *arrow,
                                           double               t,
                                           double              *x,
                                           double              *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbMapLayout, sb_map_layout_unref)

G_END_DECLS
