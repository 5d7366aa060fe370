/* sb-presenter.h
 *
 * Presenting a window's briefing: full screen on the chosen monitor, the
 * presenter console on another, and back to the window as it was when
 * the presentation ends. One per briefing window, which owns it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "sb-presentation-window.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_PRESENTER (sb_presenter_get_type ())

G_DECLARE_FINAL_TYPE (SbPresenter, sb_presenter, SB, PRESENTER, GObject)

SbPresenter          *sb_presenter_new             (GtkWindow         *window,
                                                    GSettings         *settings,
                                                    SbSelection       *selection,
                                                    ShumateMapSource  *tiles);
void                  sb_presenter_set_tiles       (SbPresenter       *self,
                                                    ShumateMapSource  *tiles);
SbPresentationWindow *sb_presenter_start           (SbPresenter       *self,
                                                    gboolean           at_current);
SbPresentationWindow *sb_presenter_start_at        (SbPresenter       *self,
                                                    guint              index);
SbPresentationWindow *sb_presenter_get_window      (SbPresenter       *self);
GdkMonitor           *sb_presenter_choose_monitors (GListModel        *monitors,
                                                    GdkMonitor        *window_monitor,
                                                    const char        *preferred,
                                                    GdkMonitor       **console_monitor);

G_END_DECLS
