/* sb-test-window.c
 *
 * What the window tests wait for: a briefing open in the window, its map
 * framed on it. Apart from sb-test-util.c, which needs no part of the
 * app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sb-map-layer.h"
#include "sb-map-view.h"
#include "sb-test-window.h"
#include "sb-window.h"

/**
 * sb_test_window_has_document:
 * @window: an #SbWindow
 *
 * An #SbTestCondition: the window shows a briefing and is loading none.
 */
gboolean
sb_test_window_has_document (gpointer window)
{
  return sb_window_get_document (window) != NULL && !sb_window_is_loading (window);
}

/**
 * sb_test_map_is_framed:
 * @map_view: an #SbMapView
 *
 * An #SbTestCondition: the map view is laid out and has framed the
 * briefing (closer than the whole world's zoom).
 */
gboolean
sb_test_map_is_framed (gpointer map_view)
{
  return gtk_widget_get_width (GTK_WIDGET (map_view)) > 0 &&
         shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)) > 4.0;
}

/**
 * sb_test_map_is_drawn:
 * @map_view: an #SbMapView
 *
 * An #SbTestCondition: every layer of the map shows what it is to show,
 * none drawing in a worker thread (the texture shown until then is the
 * one drawn before).
 */
gboolean
sb_test_map_is_drawn (gpointer map_view)
{
  return !sb_map_layers_are_drawing (GTK_WIDGET (map_view));
}
