/* sb-symbols.h
 *
 * The map's symbols, drawn with cairo by the map layers, the legend and
 * the sidebar alike: a shape per actor kind, a glyph per incident type,
 * and line styles per certainty.
 */

#pragma once

#include <cairo.h>

#include "sb-types.h"

G_BEGIN_DECLS

/* The ring round a selected or highlighted symbol: its radius is the
 * symbol's times the scale, plus the gap.
 */
#define SB_SYMBOL_RING_SCALE 1.6
#define SB_SYMBOL_RING_GAP 4.0

typedef struct
{
  double rgb[3];
  SbCertainty certainty;
  gboolean hollow;         /* departed, withdrawn, planned */
  gboolean half;           /* departing, arriving */
  gboolean struck;         /* withdrawn */
  gboolean selected;
  gboolean dimmed;
  gboolean dark;           /* on a dark map */
} SbSymbolStyle;

void   sb_colour_to_rgb               (guint32              colour,
                                       double              *rgb);
double sb_colour_luminance            (const double        *rgb);
void   sb_symbol_trace_actor_kind     (cairo_t             *cr,
                                       SbActorKind          kind,
                                       double               x,
                                       double               y,
                                       double               radius);
void   sb_symbol_set_certainty_dash   (cairo_t             *cr,
                                       SbCertainty          certainty,
                                       double               width);
double sb_symbol_get_extent           (double               radius);
void   sb_symbol_paint_deployment     (cairo_t             *cr,
                                       SbActorKind          kind,
                                       const SbSymbolStyle *style,
                                       double               x,
                                       double               y,
                                       double               radius);
void   sb_symbol_paint_incident       (cairo_t             *cr,
                                       SbIncidentType       type,
                                       const SbSymbolStyle *style,
                                       double               x,
                                       double               y,
                                       double               radius);
void   sb_symbol_paint_arrow_head     (cairo_t             *cr,
                                       double               x,
                                       double               y,
                                       double               angle,
                                       double               size);
void   sb_symbol_paint_unknown_end    (cairo_t             *cr,
                                       double               x,
                                       double               y,
                                       double               radius,
                                       const double        *rgb,
                                       double               alpha,
                                       gboolean             dark);
void   sb_symbol_set_ink              (cairo_t             *cr,
                                       gboolean             dark,
                                       double               alpha);
void   sb_symbol_paint_single_source  (cairo_t             *cr,
                                       double               x,
                                       double               y,
                                       double               radius,
                                       gboolean             dark);
void   sb_symbol_paint_single_source_badge (cairo_t        *cr,
                                       double               x,
                                       double               y,
                                       double               radius,
                                       gboolean             dark);
void   sb_symbol_paint_selection      (cairo_t             *cr,
                                       double               alpha,
                                       double               line_width,
                                       gboolean             dark);
void   sb_symbol_fill_card            (cairo_t             *cr,
                                       gboolean             dark);
void   sb_symbol_paint_card           (cairo_t             *cr,
                                       gboolean             dark);
void   sb_symbol_paint_hatch          (cairo_t             *cr,
                                       const double        *rgb,
                                       double               alpha,
                                       double               spacing);

void     sb_symbol_mark_raster_target (cairo_surface_t     *surface);
gboolean sb_symbol_target_is_raster   (cairo_t             *cr);

void   sb_symbol_fill_soft_disc       (cairo_t             *cr,
                                       double               x,
                                       double               y,
                                       double               radius,
                                       const double        *rgb,
                                       guint                n_stops,
                                       const double        *offsets,
                                       const double        *alphas);

G_END_DECLS
