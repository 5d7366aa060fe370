/* sb-accessible.h
 *
 * Names a screen reader speaks where GTK 4.8 and libadwaita 1.2 leave a
 * control without one, or with a mnemonic or a class name: see
 * sb-accessible.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *sb_accessible_strip_mnemonic        (const char    *label);
void  sb_accessible_name_menu             (GtkMenuButton *button,
                                           const char    *name);
void  sb_accessible_name_popup_lists      (GtkWidget     *combo_row,
                                           const char    *name);
void  sb_accessible_name_preferences_search (AdwPreferencesWindow *window);
void  sb_accessible_watch_message_dialogs (void);

G_END_DECLS
