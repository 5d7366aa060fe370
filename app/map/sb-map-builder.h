/* sb-map-builder.h
 *
 * What the parts of the layout share while it is built: the layout in
 * the making, what labels and cards keep clear of, and how they measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-map-marks.h"
#include "sb-projection.h"

G_BEGIN_DECLS

#define SB_MAP_TOWN_DOT 3.0
#define SB_MAP_TOWN_SIDES 4

typedef struct
{
  graphene_rect_t box;
  int card;                /* whose area's middle */
} SbMapMiddle;

typedef struct
{
  SbSelection *selection;
  const SbProjection *projection;
  const graphene_rect_t *view;   /* nullable */
  SbMapLayout *layout;
  PangoLayout *text;
  GArray *obstacles;       /* of graphene_rect_t: what cards and labels avoid */
  GArray *town_names;      /* of graphene_rect_t: where towns' names would go; cards avoid them */
  GArray *base_towns;      /* of graphene_rect_t: the base map's towns; cards avoid them if they can */
  GArray *arrow_marks;     /* of graphene_rect_t: along the arrows */
  GArray *middles;         /* of SbMapMiddle: the middles of areas with cards, which their cards keep off */
  GArray *occluders;       /* of graphene_rect_t: what lies over the map (its legend, scale): out of view */
  GArray *town_sides;      /* of graphene_rect_t, SB_MAP_TOWN_SIDES a town: where else its name may go */
  GArray *stub_marks;      /* of graphene_rect_t: the heads and "?" of movements known at one end */
  GArray *kept_names;      /* of graphene_rect_t: towns' names that found no place but on a card in
                            * a layout before: cards keep off them */
} SbMapBuilder;

/* Less than this of a box, in square pixels, is nothing: what graphene's
 * floats leave of a box's area less the same area.
 */
#define SB_MAP_AREA_EPSILON 0.5

/* Boxes here are never of negative size: no need for graphene's care,
 * which costs most of the layout's time.
 */
static inline double
sb_map_rect_overlap (const graphene_rect_t *a,
                     const graphene_rect_t *b)
{
  double width = MIN (a->origin.x + a->size.width, b->origin.x + b->size.width) - MAX (a->origin.x, b->origin.x);
  double height = MIN (a->origin.y + a->size.height, b->origin.y + b->size.height) - MAX (a->origin.y, b->origin.y);

  return width > 0 && height > 0 ? width * height : 0;
}

double _sb_map_overlap_area     (GArray                *boxes,
                                 const graphene_rect_t *box);
void   _sb_map_add_obstacle     (SbMapBuilder          *builder,
                                 double                 x,
                                 double                 y,
                                 double                 width,
                                 double                 height);
void   _sb_map_measure          (SbMapBuilder          *builder,
                                 SbMapFont              font,
                                 const char            *text,
                                 double                *width,
                                 double                *height);

G_END_DECLS
