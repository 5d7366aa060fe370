/* sb-presentation-window.h
 *
 * The picture the audience sees: the live map full screen, a caption at
 * the bottom with the step number, and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-map-view.h"
#include "sb-presentation.h"

G_BEGIN_DECLS

#define SB_TYPE_PRESENTATION_WINDOW (sb_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (SbPresentationWindow, sb_presentation_window, SB, PRESENTATION_WINDOW, GtkWindow)

void                  sb_presentation_window_ensure_style (void);
SbPresentationWindow *sb_presentation_window_new          (SbPresentation       *presentation,
                                                           ShumateMapSource     *tiles);
SbPresentation       *sb_presentation_window_get_presentation (SbPresentationWindow *self);
SbMapView            *sb_presentation_window_get_map_view (SbPresentationWindow *self);
gboolean              sb_presentation_window_is_moving    (SbPresentationWindow *self);
gboolean              sb_presentation_window_get_target   (SbPresentationWindow *self,
                                                           double               *latitude,
                                                           double               *longitude,
                                                           double               *zoom);
gboolean              sb_presentation_window_pointer_hidden (SbPresentationWindow *self);
void                  sb_presentation_window_set_has_console (SbPresentationWindow *self,
                                                              gboolean              has_console);
gboolean              sb_presentation_window_get_quote_on_screen (SbPresentationWindow *self);

G_END_DECLS
