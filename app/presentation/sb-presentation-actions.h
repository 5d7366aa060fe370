/* sb-presentation-actions.h
 *
 * Presenting and exporting from a briefing window: its actions and keys,
 * the choice of monitors, `sahelbrief --present`, and the preferences.
 */

#pragma once

#include <adwaita.h>

#include "sb-presentation-window.h"
#include "sb-window.h"

G_BEGIN_DECLS

void                  sb_presentation_ensure_style          (void);
void                  sb_presentation_install               (SbWindow       *window);
SbPresentationWindow *sb_presentation_start                 (SbWindow       *window,
                                                             gboolean        at_current);
SbPresentationWindow *sb_presentation_get_window            (SbWindow       *window);
GdkMonitor           *sb_presentation_choose_monitors       (GListModel     *monitors,
                                                             GdkMonitor     *window_monitor,
                                                             const char     *preferred,
                                                             GdkMonitor    **console_monitor);
void                  sb_presentation_add_app_actions       (GtkApplication *application);
int                   sb_presentation_handle_local_options  (GApplication   *application,
                                                             GVariantDict   *options,
                                                             gpointer        user_data);
void                  sb_presentation_start_if_asked        (SbWindow       *window);
void                  sb_presentation_add_preferences       (AdwPreferencesWindow *preferences,
                                                             GSettings            *settings);

G_END_DECLS
