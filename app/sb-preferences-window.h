/* sb-preferences-window.h
 *
 * The map tiles to use, and presentation and language preferences, stored
 * in the app's settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sb-briefing.h"

G_BEGIN_DECLS

#define SB_TYPE_PREFERENCES_WINDOW (sb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, SB, PREFERENCES_WINDOW, AdwPreferencesWindow)

SbPreferencesWindow *sb_preferences_window_new (GtkWindow  *parent,
                                                GSettings  *settings,
                                                SbBriefing *briefing);

G_END_DECLS
