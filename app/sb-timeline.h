/* sb-timeline.h
 *
 * The strip below the map: incidents over time, and the range of dates
 * the window shows, to drag, step through with the keys, or play.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_TIMELINE (sb_timeline_get_type ())

G_DECLARE_FINAL_TYPE (SbTimeline, sb_timeline, SB, TIMELINE, GtkWidget)

void         sb_timeline_set_selection (SbTimeline  *self,
                                        SbSelection *selection);
SbSelection *sb_timeline_get_selection (SbTimeline  *self);
gboolean     sb_timeline_get_busy      (SbTimeline  *self);
gboolean     sb_timeline_get_playing   (SbTimeline  *self);
guint        sb_timeline_get_n_bins    (SbTimeline  *self);
guint32      sb_timeline_get_bin_start (SbTimeline  *self,
                                        guint        bin);

G_END_DECLS
