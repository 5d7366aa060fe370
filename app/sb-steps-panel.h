/* sb-steps-panel.h
 *
 * The presentation's steps, to make from the map, order, caption and
 * present from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-document.h"
#include "sb-map-view.h"

G_BEGIN_DECLS

#define SB_TYPE_STEPS_PANEL (sb_steps_panel_get_type ())

G_DECLARE_FINAL_TYPE (SbStepsPanel, sb_steps_panel, SB, STEPS_PANEL, GtkWidget)

void     sb_steps_panel_set_document  (SbStepsPanel *self,
                                       SbDocument   *document);
void     sb_steps_panel_set_map_view  (SbStepsPanel *self,
                                       SbMapView    *map_view);
SbStep  *sb_steps_panel_get_chosen    (SbStepsPanel *self);
void     sb_steps_panel_choose        (SbStepsPanel *self,
                                       SbStep       *step);
void     sb_steps_panel_focus_list    (SbStepsPanel *self);

G_END_DECLS
