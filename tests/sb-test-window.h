/* sb-test-window.h
 *
 * What the window tests wait for: a briefing open in the window, its map
 * framed on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sb_test_window_has_document (gpointer window);
gboolean sb_test_map_is_drawn        (gpointer map_view);
gboolean sb_test_map_is_framed       (gpointer map_view);

G_END_DECLS
