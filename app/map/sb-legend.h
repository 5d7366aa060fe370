/* sb-legend.h
 *
 * What the map's colours, shapes and lines mean, for the symbols the
 * briefing uses.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-comparison.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_LEGEND (sb_legend_get_type ())

G_DECLARE_FINAL_TYPE (SbLegend, sb_legend, SB, LEGEND, GtkWidget)

void sb_legend_set_selection  (SbLegend     *self,
                               SbSelection  *selection);
void sb_legend_set_comparison (SbLegend     *self,
                               SbComparison *comparison);
void sb_legend_set_compact    (SbLegend     *self,
                               gboolean      compact);
void sb_legend_set_scale      (SbLegend     *self,
                               double        scale);
gboolean sb_legend_get_covered (SbLegend        *self,
                                GtkWidget       *target,
                                graphene_rect_t *bounds);

gboolean sb_legend_measure_covered (SbLegend        *self,
                                    int              width,
                                    int              height,
                                    graphene_rect_t *bounds);

G_END_DECLS
