/* sb-test-window.h
 *
 * What the window tests wait for: a briefing open in the window, its map
 * framed on it; a window opened and shown as the tests start from, and a
 * statement's card opened for editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sb-edit-card.h"
#include "sb-window.h"

G_BEGIN_DECLS

gboolean sb_test_window_has_document (gpointer window);
gboolean sb_test_map_is_drawn        (gpointer map_view);
gboolean sb_test_map_is_framed       (gpointer map_view);

SbActor    *sb_test_dossier_actor     (GtkWidget *sidebar);
SbWindow   *sb_test_window_new        (GFile    *file,
                                       int       width,
                                       int       height);
GFile      *sb_test_copy_default      (const char *name);
SbEditCard *sb_test_window_open_card  (SbWindow *window,
                                       SbEntity *entity);

G_END_DECLS
