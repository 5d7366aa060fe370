/* sb-legend-rows.h
 *
 * What a legend says: the rows of the map's legend, of the presentation's
 * compact one and of an export's, each with the sample the map would
 * draw, for what the briefing (or the view) uses.
 */

#pragma once

#include <cairo.h>

#include "sb-selection.h"

G_BEGIN_DECLS

typedef enum
{
  SB_LEGEND_HEADING,
  SB_LEGEND_ACTOR,         /* value: the actor's kind; colour: its colour */
  SB_LEGEND_ACTOR_KIND,    /* value: an SbActorKind */
  SB_LEGEND_STATUS,        /* value: an SbDeploymentStatus */
  SB_LEGEND_MOVEMENT,      /* value: 0 solid, 1 dashed, 2 one end unknown */
  SB_LEGEND_INCIDENT,      /* value: an SbIncidentType */
  SB_LEGEND_CERTAINTY,     /* value: an SbCertainty */
  SB_LEGEND_AREA,
  SB_LEGEND_HATCHED_AREA,
  SB_LEGEND_NEAR,
  SB_LEGEND_COUNTRY,
  SB_LEGEND_REGION,
  SB_LEGEND_REGION_COUNT,
  SB_LEGEND_TOWN,
  SB_LEGEND_CHANGE,        /* value: an SbChangeKind */
  SB_LEGEND_SINGLE_SOURCE, /* the badge of a statement one source supports */
} SbLegendSample;

typedef struct
{
  SbLegendSample sample;
  int value;
  guint32 colour;          /* 0xRRGGBB, for SB_LEGEND_ACTOR */
  char *label;
} SbLegendRow;

typedef enum
{
  SB_LEGEND_EVERYTHING = 0,     /* all the briefing uses: the window's legend */
  SB_LEGEND_SHOWN = 1 << 0,     /* only what the selection shows */
  SB_LEGEND_ACTORS = 1 << 1,    /* each actor by name and colour, not kinds */
  SB_LEGEND_SHORT = 1 << 2,     /* short labels: beside an export's map */
  SB_LEGEND_COMPACT = 1 << 3,   /* short labels and no headings, only what is
                                 * highlighted when something is: on a projector */
} SbLegendFlags;

GArray *sb_legend_rows_new      (SbSelection       *selection,
                                 SbLegendFlags      flags);
void    sb_legend_rows_add_changes (GArray       *rows,
                                    SbLegendFlags flags);
void    sb_legend_paint_sample  (cairo_t           *cr,
                                 const SbLegendRow *row,
                                 double             width,
                                 double             height,
                                 gboolean           dark);

G_END_DECLS
