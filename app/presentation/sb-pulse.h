/* sb-pulse.h
 *
 * A ring that swells once around each highlighted statement as a slide
 * appears, drawn over the map.
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "sb-briefing.h"
#include "sb-map-view.h"

G_BEGIN_DECLS

#define SB_TYPE_PULSE (sb_pulse_get_type ())

G_DECLARE_FINAL_TYPE (SbPulse, sb_pulse, SB, PULSE, GtkWidget)

SbPulse  *sb_pulse_new        (SbMapView       *map_view);
void      sb_pulse_start      (SbPulse         *self,
                               SbBriefing      *briefing,
                               GPtrArray       *entities);
void      sb_pulse_stop       (SbPulse         *self);
gboolean  sb_pulse_is_running (SbPulse         *self);
guint     sb_pulse_get_n_rings (SbPulse        *self);
gboolean  sb_pulse_locate_ring (SbPulse        *self,
                                guint           index,
                                double         *x,
                                double         *y);

G_END_DECLS
