/* sb-test-window.c
 *
 * What the window tests wait for: a briefing open in the window, its map
 * framed on it. Apart from sb-test-util.c, which needs no part of the
 * app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sb-detail-pane.h"
#include "sb-dossier-view.h"
#include "sb-map-layer.h"
#include "sb-map-view.h"
#include "sb-test-util.h"
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

/* Presents @window and waits until it shows its briefing with the map
 * framed on it, and a few frames more for the panes to settle.
 */
static void
wait_shown (SbWindow *window)
{
  gtk_window_present (GTK_WINDOW (window));
  sb_test_wait_until (sb_test_window_has_document, window);
  sb_test_wait_until (sb_test_map_is_framed, sb_window_get_map_view (window));
  sb_test_iterate_for (150);
}

/**
 * sb_test_window_new:
 * @file: (nullable): the briefing to open, or %NULL for the built-in one
 * @width: the window's width, or 0 for 1600
 * @height: the window's height, or 0 for 1000
 *
 * A new window (of no application) showing @file, as
 * shown with its map framed on the briefing.
 *
 * Returns: (transfer none): the window; gtk_window_destroy() it.
 */
SbWindow *
sb_test_window_new (GFile *file,
                    int    width,
                    int    height)
{
  SbWindow *window = sb_window_new (NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width > 0 ? width : 1600, height > 0 ? height : 1000);
  if (file != NULL)
    sb_window_open (window, file);
  else
    sb_window_load_default (window);
  wait_shown (window);

  return window;
}

/**
 * sb_test_window_open_card:
 * @window: an #SbWindow
 * @entity: an entity of its briefing
 *
 * Selects @entity and opens its card for editing, as Ctrl+E does (unless
 * the card is open for editing already).
 *
 * Returns: (transfer none): the card
 */
SbEditCard *
sb_test_window_open_card (SbWindow *window,
                          SbEntity *entity)
{
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  SbEditCard *card;

  sb_selection_select (sb_window_get_selection (window), entity);
  card = SB_EDIT_CARD (sb_test_find_widget (pane, SB_TYPE_EDIT_CARD));
  if (sb_edit_card_get_entity (card) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL);
  sb_test_iterate_for (100);

  g_assert_true (sb_edit_card_get_entity (card) == entity);
  return card;
}

/**
 * sb_test_copy_default:
 * @name: the file's name
 *
 * A copy of the built-in briefing to edit, called @name in a new folder
 * of the test's.
 *
 * Returns: (transfer full): the copy
 */
GFile *
sb_test_copy_default (const char *name)
{
  g_autofree char *dir = sb_test_make_temp_dir ("sb-test-XXXXXX");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/com/example/SahelBrief/briefings/sahel-2022-08.sahelbrief",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/**
 * sb_test_dossier_actor:
 * @sidebar: a window's sidebar
 *
 * Returns: (nullable): the actor whose dossier the sidebar shows, or
 *   %NULL while it shows no dossier
 */
SbActor *
sb_test_dossier_actor (GtkWidget *sidebar)
{
  GtkWidget *dossier = sb_test_find_widget (sidebar, SB_TYPE_DOSSIER_VIEW);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (gtk_widget_get_parent (dossier), GTK_TYPE_STACK));

  if (!gtk_widget_is_ancestor (dossier, gtk_stack_get_visible_child (stack)) &&
      gtk_stack_get_visible_child (stack) != dossier)
    return NULL;
  return sb_dossier_view_get_actor (SB_DOSSIER_VIEW (dossier));
}
