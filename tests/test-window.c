/* test-window.c
 *
 * The briefing window as a person uses it, under Xvfb: the sidebar lists
 * every actor, an actor's dossier shows its figures and their passages,
 * the source pane highlights exactly the quoted passage, clicks on the
 * map select, a broken file leaves the briefing shown in place, source
 * text is never read as markup, and briefings open and reload from a web
 * server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sb-application.h"
#include "sb-basemap.h"
#include "sb-cite.h"
#include "sb-cluster-popover.h"
#include "sb-detail-pane.h"
#include "sb-document.h"
#include "sb-gazetteer.h"
#include "sb-dossier-view.h"
#include "sb-import-file.h"
#include "sb-import.h"
#include "sb-item-layer.h"
#include "sb-map-view.h"
#include "sb-place.h"
#include "sb-problem.h"
#include "sb-projection.h"
#include "sb-sidebar.h"
#include "sb-source.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"
#include "sb-test-model.h"

static gpointer
lookup (SbWindow   *window,
        const char *id)
{
  return sb_test_lookup (sb_window_get_briefing (window), id);
}

/* The text the "current" highlight covers in the source view. */
static char *
current_highlight (SbWindow *window)
{
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sb_detail_pane_get_source_view (pane));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current");
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;

  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);

  /* Exactly one highlighted range. */
  {
    GtkTextIter after = end;

    g_assert_false (gtk_text_iter_forward_to_tag_toggle (&after, tag));
  }

  return gtk_text_iter_get_text (&start, &end);
}

static void
test_sidebar_lists_every_actor (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GListModel *actors = sb_briefing_get_actors (sb_window_get_briefing (window));

  g_assert_cmpuint (g_list_model_get_n_items (actors), >=, 14);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbEntity) actor = g_list_model_get_item (actors, i);

      if (sb_test_find_label (sidebar, sb_entity_get_label (actor)) == NULL)
        g_test_message ("not in the sidebar: %s", sb_entity_get_label (actor));
      g_assert_nonnull (sb_test_find_label (sidebar, sb_entity_get_label (actor)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_wagner_dossier (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  SbActor *wagner = lookup (window, "wagner-group");
  const SbFigure *strength = sb_actor_get_strength (wagner);
  SbCitation *citation = g_ptr_array_index (strength->evidence.citations, 0);
  GtkWidget *label, *row, *dossier;
  g_autofree char *highlight = NULL;

  /* Choosing Wagner in the list, as a click does. */
  label = sb_test_find_label (sidebar, "Wagner group");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  sb_test_iterate_for (150);

  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (wagner));
  dossier = sb_test_find_widget (sidebar, SB_TYPE_DOSSIER_VIEW);
  g_assert_true (gtk_widget_is_drawable (dossier));

  /* "met naar wordt aangenomen zo’n duizend militairen": an estimate. */
  label = sb_test_find_label (dossier, "Strength: about 1,000, as of August 2022");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Estimated"));

  /* The figure's own passage, shown in the source pane. */
  g_signal_emit_by_name (row, "activated");
  sb_test_iterate_for (150);
  g_assert_true (sb_selection_get_citation (sb_window_get_selection (window)) == citation);
  highlight = current_highlight (window);
  g_assert_cmpstr (highlight, ==, sb_citation_get_quote (citation));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_incident_highlight (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbItem *arrest = lookup (window, "ivorian-soldiers-arrested");
  SbCitation *citation = g_ptr_array_index (sb_item_get_citations (arrest), 0);
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sb_detail_pane_get_source_view (pane));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current");
  const char *text = sb_source_get_text (citation->source);
  g_autofree char *highlight = NULL;
  GtkTextIter start;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (arrest));
  sb_test_iterate_for (150);

  highlight = current_highlight (window);
  g_assert_cmpstr (highlight, ==, sb_citation_get_quote (citation));

  /* At the passage's own place in the article, not an earlier repeat. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_iter_forward_to_tag_toggle (&start, tag);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==,
                   g_utf8_pointer_to_offset (text, text + citation->offset));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_map_click (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbMapView *map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));
  SbSelection *selection = sb_window_get_selection (window);
  SbItem *deployment = lookup (window, "france-niger");
  double x, y, lat = 2.0, lon = -5.0;

  g_assert_true (sb_map_view_locate_item (map_view, deployment, &x, &y));
  sb_map_view_click (map_view, x, y);
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (deployment));

  /* The Gulf of Guinea, south of Abidjan: nothing is drawn there. */
  shumate_viewport_location_to_widget_coords (sb_map_view_get_viewport (map_view),
                                              GTK_WIDGET (sb_map_view_get_map (map_view)),
                                              lat, lon, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  sb_map_view_click (map_view, x, y);
  g_assert_null (sb_selection_get_selected (selection));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A deployment or incident known only to a country or region: drawn as
 * a symbol. (An arrow to a country may pass over its middle on its way to
 * the country's card; test-map-layout checks where arrows end.)
 */
static gboolean
is_country_or_region_item (SbEntity *entity)
{
  SbPlace *place = SB_IS_ITEM (entity) ? sb_item_get_place (SB_ITEM (entity)) : NULL;

  return place != NULL && sb_item_get_kind (SB_ITEM (entity)) != SB_ITEM_KIND_MOVEMENT &&
         (sb_place_get_precision (place) == SB_PLACE_PRECISION_COUNTRY ||
          sb_place_get_precision (place) == SB_PLACE_PRECISION_REGION);
}

/* Where the map shows (@lat, @lon), in the map view's coordinates. */
static void
locate (SbMapView *map_view,
        double     lat,
        double     lon,
        double    *x,
        double    *y)
{
  shumate_viewport_location_to_widget_coords (sb_map_view_get_viewport (map_view),
                                              GTK_WIDGET (sb_map_view_get_map (map_view)),
                                              lat, lon, x, y);
}

/* Nothing known only to a country or region answers a click at the
 * country's or region's middle (as drawn on the map: the place's point,
 * the middle of the country's outline); each answers where it is drawn.
 */
static void
assert_middles_not_hit (SbWindow *window)
{
  SbMapView *map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));
  GListModel *items = sb_briefing_get_all_items (sb_window_get_briefing (window));
  SbBasemap *basemap = sb_basemap_get_default ();
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      SbPlace *place = sb_item_get_place (item);
      const SbBasemapFeature *country;
      double x, y;

      if (!is_country_or_region_item (SB_ENTITY (item)))
        continue;

      locate (map_view, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
      g_assert_false (is_country_or_region_item (sb_map_view_pick (map_view, x, y)));

      country = sb_place_get_country (place) ? sb_basemap_lookup_country (basemap, sb_place_get_country (place)) : NULL;
      if (country != NULL)
        {
          locate (map_view, sb_mercator_latitude ((country->min_y + country->max_y) / 2),
                  (country->min_x + country->max_x) / 2 * 360 - 180, &x, &y);
          g_assert_false (is_country_or_region_item (sb_map_view_pick (map_view, x, y)));
        }

      /* Where it is drawn, it is found. */
      g_assert_true (sb_map_view_locate_item (map_view, item, &x, &y));
      g_assert_true (sb_map_view_pick (map_view, x, y) == SB_ENTITY (item));
      checked++;
    }

  g_assert_cmpuint (checked, >=, 15);
}

static gboolean
map_is_still (gpointer data)
{
  SbMapView *map_view = data;
  ShumateViewport *viewport = sb_map_view_get_viewport (map_view);
  static double last[3];
  double now[3] = {
    shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
    shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
    shumate_viewport_get_zoom_level (viewport),
  };
  gboolean still = memcmp (now, last, sizeof now) == 0;

  memcpy (last, now, sizeof now);
  sb_test_iterate_for (100);
  return still;
}

static gboolean
map_has_moved (gpointer data)
{
  return shumate_viewport_get_zoom_level (sb_map_view_get_viewport (data)) < 8.5;
}

static gboolean
map_closer_than_sahel (gpointer data)
{
  return shumate_viewport_get_zoom_level (sb_map_view_get_viewport (data)) > 6.5;
}

static void
test_map_middles_not_hit (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbMapView *map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));

  assert_middles_not_hit (window);

  /* Closer, on Mali, the cards are elsewhere; still not at the middles. */
  sb_map_view_go_to (map_view, 16.0, -2.0, 6.0);
  sb_test_iterate_for (150);
  assert_middles_not_hit (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing an actor known only to Mali frames all of Mali. */
static void
test_frame_country_actor (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbMapView *map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));
  SbBasemap *basemap = sb_basemap_get_default ();
  const SbBasemapCountryShape *mali = sb_basemap_get_country_shape (basemap, sb_basemap_lookup_country (basemap, "MLI"));
  double x0, y0, x1, y1;

  /* From close to Gao, where Mali does not fit. */
  sb_map_view_go_to (map_view, 16.27, -0.04, 9.0);
  sb_test_iterate_for (100);

  sb_selection_select (sb_window_get_selection (window), lookup (window, "minusma"));
  sb_test_wait_until (map_has_moved, map_view);
  sb_test_wait_until (map_is_still, map_view);

  locate (map_view, sb_mercator_latitude (mali->min_y), mali->min_x * 360 - 180, &x0, &y0);
  locate (map_view, sb_mercator_latitude (mali->max_y), mali->max_x * 360 - 180, &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, gtk_widget_get_width (GTK_WIDGET (map_view)));
  g_assert_cmpfloat (y1, <=, gtk_widget_get_height (GTK_WIDGET (map_view)));

  /* And not a view of the whole continent either. */
  g_assert_cmpfloat (x1 - x0, >, gtk_widget_get_width (GTK_WIDGET (map_view)) * 0.3);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Placing frames what was placed as choosing it would: Djibo, placed
 * while the whole Sahel is in view (where it was already a dot among
 * many), is then framed with its neighbouring towns.
 */
static void
test_place_frames (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbMapView *map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));
  SbDocument *document = sb_window_get_document (window);
  SbBriefing *briefing = sb_window_get_briefing (window);
  g_autoptr(GPtrArray) found = sb_gazetteer_search (sb_gazetteer_get_default (), "Djibo", NULL, 1);
  SbEdit *edit = sb_edit_new_add_item (briefing, SB_ITEM_KIND_INCIDENT, NULL, SB_CERTAINTY_REPORTED);
  SbItem *item = SB_ITEM (sb_edit_get_entity (edit));
  const SbGazetteerEntry *djibo;
  double x, y;

  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (item));
  g_assert_cmpuint (found->len, >=, 1);
  djibo = g_ptr_array_index (found, 0);

  sb_map_view_go_to (map_view, 14.0, 0.0, 5.0);
  sb_test_wait_until (map_is_still, map_view);
  sb_test_wait_until (map_is_still, map_view);

  g_assert_true (sb_document_apply (document, sb_cite_place (briefing, item, SB_ITEM_FIELD_PLACE, djibo,
                                                             SB_PLACE_PRECISION_POINT, 0), NULL));
  /* (the flight there takes frames a loaded machine draws slowly: a
   * tenth of a second without a move is no sign it is over) */
  sb_test_wait_until (map_closer_than_sahel, map_view);
  sb_test_wait_until (map_is_still, map_view);
  g_test_message ("zoom after placing: %g", shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)), >, 6.5);
  locate (map_view, djibo->latitude, djibo->longitude, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (map_view)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (map_view)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_done_loading (gpointer data)
{
  return !sb_window_is_loading (data);
}

static void
test_invalid_file_keeps_briefing (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  g_autoptr(GFile) file = g_file_new_build_filename (INVALID_DIR, "37-unknown-field-lattitude.sahelbrief", NULL);
  SbBriefing *before = sb_window_get_briefing (window);
  GPtrArray *problems;

  sb_selection_select (sb_window_get_selection (window), lookup (window, "wagner-group"));

  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);

  problems = sb_window_get_problems (window);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  {
    gboolean typo_found = FALSE;

    for (guint i = 0; i < problems->len; i++)
      {
        SbProblem *problem = g_ptr_array_index (problems, i);

        if (problem->code == SB_PROBLEM_UNKNOWN_FIELD && g_str_has_suffix (problem->path, ".lattitude"))
          typo_found = problem->line > 0;
      }
    g_assert_true (typo_found);
  }

  /* What was open stays as it was. */
  g_assert_true (sb_window_get_briefing (window) == before);
  g_assert_null (sb_window_get_file (window));
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == lookup (window, "wagner-group"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, sb_text_get (sb_briefing_get_title (before)));

  sb_test_close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_source_text_is_not_markup (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "markup.sahelbrief", NULL);
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sb_detail_pane_get_source_view (pane));
  g_autofree char *shown = NULL;
  g_autofree char *highlight = NULL;
  GtkTextIter start, end;
  SbItem *incident;

  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  g_assert_null (sb_window_get_problems (window));
  sb_test_iterate_for (150);

  incident = lookup (window, "convoy-leaves");
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (incident));
  sb_test_iterate_for (150);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (shown, ==, sb_source_get_text (lookup (window, "markup-source")));
  g_assert_nonnull (strstr (shown, "<b>convoy</b> left Gao & crossed"));
  g_assert_nonnull (strstr (shown, "<span foreground=\"red\">red</span>"));

  highlight = current_highlight (window);
  g_assert_cmpstr (highlight, ==, "the <b>convoy</b> left Gao & crossed into Niger.");

  /* Titles and names are plain text too (the details slide in). */
  {
    SbTestLabel title = { GTK_WIDGET (pane), "Convoy <b>leaves</b> & goes" };

    sb_test_wait_until (sb_test_label_shown, &title);
  }
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (pane), "Source with <i>markup</i> & ampersands"));
  g_assert_nonnull (sb_test_find_label (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR), "Force <b>One</b> & Co"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Activates the sidebar's row that shows @label, as a click does. */
static void
activate_row_of (GtkWidget  *root,
                 const char *label_text)
{
  GtkWidget *label = sb_test_find_label (root, label_text);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  if (ADW_IS_ACTION_ROW (row))
    g_signal_emit_by_name (row, "activated");
  else
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  sb_test_iterate_for (100);
}

/* Back (the dossier's button, Escape) goes to the dossier seen before, as
 * a browser goes back, however many statements were chosen on the way;
 * from the first dossier to the list.
 */
static void
test_dossier_history (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *dossier = sb_test_find_widget (sidebar, SB_TYPE_DOSSIER_VIEW);
  SbSelection *selection = sb_window_get_selection (window);
  GtkWidget *back;

  /* Wagner's dossier, one of its statements, then the junta's through
   * a relation, one of its statements, and France chosen on the map.
   */
  activate_row_of (sidebar, "Wagner group");
  g_assert_true (sb_test_dossier_actor (sidebar) == lookup (window, "wagner-group"));
  sb_selection_select (selection, lookup (window, "wagner-mali"));
  sb_test_iterate_for (100);
  activate_row_of (dossier, "Military junta of Mali");
  g_assert_true (sb_test_dossier_actor (sidebar) == lookup (window, "mali-junta"));
  sb_selection_select (selection, lookup (window, "wagner-agreement"));
  sb_test_iterate_for (100);
  sb_selection_select (selection, lookup (window, "france"));
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == lookup (window, "france"));
  sb_selection_select (selection, lookup (window, "france-niger"));
  sb_test_iterate_for (100);

  /* The dossier's Back button: to the junta's. */
  back = GTK_WIDGET (gtk_widget_get_template_child (dossier, SB_TYPE_DOSSIER_VIEW, "back_button"));
  g_signal_emit_by_name (back, "clicked");
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == lookup (window, "mali-junta"));

  /* Escape: a statement chosen is let go of first, then to Wagner's. */
  sb_selection_select (selection, lookup (window, "wagner-agreement"));
  sb_test_iterate_for (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == lookup (window, "mali-junta"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == lookup (window, "wagner-group"));

  /* From the first, to the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  sb_test_iterate_for (100);
  g_assert_null (sb_test_dossier_actor (sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef enum
{
  STATE_NOTHING_CHOSEN,
  STATE_DOSSIER,
  STATE_DOSSIER_OF_RELATION,
  STATE_DOSSIER_STATEMENT,
  STATE_FIGURE_PASSAGE,
  STATE_SEARCH_RESULTS,
  STATE_PLACE,
  STATE_SOURCE,
  STATE_ACTOR_HIDDEN,
  STATE_PRESENTING,
  N_STATES
} PaneState;

static void
enter_state (SbWindow  *window,
             PaneState  state)
{
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  SbSelection *selection = sb_window_get_selection (window);
  GtkWidget *dossier;

  switch (state)
    {
    case STATE_NOTHING_CHOSEN:
      break;

    case STATE_DOSSIER:
      activate_row_of (sidebar, "Wagner group");
      break;

    case STATE_DOSSIER_OF_RELATION:
      /* Wagner's dossier, then the junta's through a relation: history. */
      activate_row_of (sidebar, "Wagner group");
      dossier = sb_test_find_widget (sidebar, SB_TYPE_DOSSIER_VIEW);
      activate_row_of (dossier, "Military junta of Mali");
      g_assert_true (sb_dossier_view_get_actor (SB_DOSSIER_VIEW (dossier)) == lookup (window, "mali-junta"));
      break;

    case STATE_DOSSIER_STATEMENT:
      activate_row_of (sidebar, "French armed forces");
      sb_selection_select (selection, lookup (window, "france-niger"));
      break;

    case STATE_FIGURE_PASSAGE:
      activate_row_of (sidebar, "Wagner group");
      dossier = sb_test_find_widget (sidebar, SB_TYPE_DOSSIER_VIEW);
      activate_row_of (dossier, "Strength: about 1,000, as of August 2022");
      g_assert_nonnull (sb_selection_get_citation (selection));
      break;

    case STATE_SEARCH_RESULTS:
      {
        SbTestLabel results = { sidebar, "Statements" };

        gtk_editable_set_text (GTK_EDITABLE (sb_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY)), "Gao");
        sb_test_wait_until (sb_test_label_shown, &results);
      }
      sb_selection_select (selection, lookup (window, "gao-airport"));
      break;

    case STATE_PLACE:
      sb_selection_select (selection, lookup (window, "mali"));
      break;

    case STATE_SOURCE:
      sb_selection_select (selection, lookup (window, "article-2022-08-mali"));
      break;

    case STATE_ACTOR_HIDDEN:
      activate_row_of (sidebar, "Wagner group");
      sb_selection_set_actor_visible (selection, lookup (window, "wagner-group"), FALSE);
      break;

    case STATE_PRESENTING:
      activate_row_of (sidebar, "Wagner group");
      g_assert_nonnull (sb_presenter_start (sb_window_get_presenter (window), TRUE));
      break;

    case N_STATES:
    default:
      g_assert_not_reached ();
    }

  sb_test_iterate_for (150);
}

/* Opening another briefing lets go of everything the panes showed of the
 * one before: nothing of it is used once it is freed, from whichever
 * state the panes are in. A warning fails the test.
 */
static void
test_switch_briefings (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  g_autoptr(GFile) other = g_file_new_build_filename (TEST_DATA_DIR, "markup.sahelbrief", NULL);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);

  /* Small: ten briefings opened and drawn. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));
  sb_test_wait_until (sb_test_map_is_framed, sb_window_get_map_view (window));

  for (PaneState state = 0; state < N_STATES; state++)
    {
      g_test_message ("switching briefings from pane state %d at %.1f s", state, g_get_monotonic_time () / 1e6);
      enter_state (window, state);

      sb_window_open (window, other);
      sb_test_wait_until (is_done_loading, window);
      sb_test_iterate_for (100);
      g_assert_null (sb_window_get_problems (window));
      g_assert_nonnull (lookup (window, "convoy-leaves"));
      g_assert_null (sb_selection_get_selected (sb_window_get_selection (window)));
      g_assert_nonnull (sb_test_find_label (sidebar, "Force <b>One</b> & Co"));

      /* And the new one is used as any: its actor's dossier, its statement. */
      activate_row_of (sidebar, "Force <b>One</b> & Co");
      sb_selection_select (sb_window_get_selection (window), lookup (window, "convoy-leaves"));
      sb_test_iterate_for (100);

      if (sb_presenter_get_window (sb_window_get_presenter (window)) != NULL)
        sb_presentation_end (sb_presentation_window_get_presentation (sb_presenter_get_window (sb_window_get_presenter (window))));
      sb_window_load_default (window);
      sb_test_iterate_for (100);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GPtrArray *
briefing_windows (GtkApplication *application)
{
  GPtrArray *windows = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (SB_IS_WINDOW (l->data))
      g_ptr_array_add (windows, l->data);

  return windows;
}

static gboolean
no_window_loads (gpointer data)
{
  g_autoptr(GPtrArray) windows = briefing_windows (data);

  for (guint i = 0; i < windows->len; i++)
    if (sb_window_is_loading (g_ptr_array_index (windows, i)))
      return FALSE;

  return TRUE;
}

static void
open_files (GApplication *application,
            GFile        *first,
            ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    g_ptr_array_add (files, file);
  va_end (args);

  g_application_open (application, (GFile **) files->pdata, files->len, "");
  sb_test_wait_until (no_window_loads, application);
  sb_test_iterate_for (300);
}

/* Closing a failure's dialog may close its window too: the windows are
 * held while they are destroyed, each once.
 */
static void
destroy_windows (GtkApplication *application)
{
  g_autoptr(GPtrArray) windows = briefing_windows (application);

  for (guint i = 0; i < windows->len; i++)
    g_object_ref (g_ptr_array_index (windows, i));
  g_ptr_array_set_free_func (windows, g_object_unref);
  sb_test_close_dialogs ();
  for (guint i = 0; i < windows->len; i++)
    if (g_list_find (gtk_application_get_windows (application), g_ptr_array_index (windows, i)) != NULL)
      gtk_window_destroy (g_ptr_array_index (windows, i));
  sb_test_iterate_for (100);
}

/* What the map shows, as a list for screen readers: every statement
 * shown, in the sidebar's order; choosing a row chooses it.
 */
typedef struct
{
  SbMapItemList *list;
  guint n_rows;
} RowsWanted;

static gboolean
has_rows (gpointer data)
{
  RowsWanted *wanted = data;

  return sb_map_item_list_get_n_rows (wanted->list) == wanted->n_rows;
}

static void
test_map_item_list (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbSelection *selection = sb_window_get_selection (window);
  SbMapItemList *list = sb_map_view_get_item_list (sb_window_get_map_view (window));
  GListModel *items = sb_briefing_get_all_items (sb_window_get_briefing (window));
  SbActor *wagner = lookup (window, "wagner-group");
  GtkListBox *box = GTK_LIST_BOX (sb_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_BOX));
  guint n = sb_map_item_list_get_n_rows (list);
  guint with_wagner = 0;
  int last_kind = -1;

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (items));
  for (guint i = 0; i < n; i++)
    {
      SbItem *item = sb_map_item_list_get_item (list, i);

      if (sb_item_get_n_actors (item) > 0)
        {
          int kind = sb_actor_get_kind (sb_item_get_actor (item, 0));

          g_assert_cmpint (kind, >=, last_kind);
          last_kind = kind;
          with_wagner += sb_item_get_actor (item, 0) == wagner;
        }
      else
        last_kind = G_MAXINT;
    }
  g_assert_cmpuint (with_wagner, >, 0);

  /* The filters' statements only. */
  sb_selection_set_actor_visible (selection, wagner, FALSE);
  sb_test_iterate_for (200);
  {
    guint shown = 0;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(SbItem) item = g_list_model_get_item (items, i);

        shown += sb_selection_item_is_visible (selection, item);
      }
    RowsWanted fewer = { list, shown };
    RowsWanted all = { list, n };

    g_assert_cmpuint (shown, <=, n - with_wagner);
    sb_test_wait_until (has_rows, &fewer);
    sb_selection_set_actor_visible (selection, wagner, TRUE);
    sb_test_wait_until (has_rows, &all);
  }

  /* A row chosen is the statement chosen. */
  gtk_list_box_select_row (box, gtk_list_box_get_row_at_index (box, 3));
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (sb_map_item_list_get_item (list, 3)));

  /* Its text is written once the keyboard brings the list into view
   * (not before: no one sees it).
   */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (box, 3);
    GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (row));

    gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
    gtk_widget_grab_focus (GTK_WIDGET (row));
    sb_test_iterate_for (100);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (list), "focused"));
    g_assert_nonnull (strstr (gtk_label_get_text (label),
                              sb_entity_get_label (SB_ENTITY (sb_map_item_list_get_item (list, 3)))));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  SbMapView *map_view;
  double zoom;
} ZoomWanted;

static gboolean
map_is_framed_closer (gpointer data)
{
  ZoomWanted *wanted = data;

  return shumate_viewport_get_zoom_level (sb_map_view_get_viewport (wanted->map_view)) > wanted->zoom;
}

/* The base map's towns are found too; chosen, one is framed and the
 * details list what the briefing says happened there.
 */
static void
test_search_basemap (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  SbSelection *selection = sb_window_get_selection (window);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbEntity *selected;
  ZoomWanted closer = { map_view, 0 };
  double x, y;

  SbTestLabel town = { sidebar, "Town in Mali, from the base map" };

  gtk_editable_set_text (GTK_EDITABLE (sb_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY)), "Gao");
  sb_test_wait_until (sb_test_label_shown, &town);

  /* Closer than the briefing's overview, and settled there. */
  closer.zoom = shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)) + 0.5;
  activate_row_of (sidebar, "Town in Mali, from the base map");
  sb_test_wait_until (map_is_framed_closer, &closer);
  sb_test_iterate_for (800);
  selected = sb_selection_get_selected (selection);
  g_assert_true (SB_IS_PLACE (selected));
  g_assert_cmpstr (sb_entity_get_label (selected), ==, "Gao");
  g_assert_null (sb_briefing_lookup (sb_window_get_briefing (window), sb_entity_get_id (selected)));

  /* Framed: Gao well inside the map, closer than the briefing's view. */
  locate (map_view, sb_place_get_latitude (SB_PLACE (selected)), sb_place_get_longitude (SB_PLACE (selected)), &x, &y);
  g_assert_cmpfloat (x, >, gtk_widget_get_width (GTK_WIDGET (map_view)) * 0.2);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (map_view)) * 0.8);
  g_assert_cmpfloat (y, >, gtk_widget_get_height (GTK_WIDGET (map_view)) * 0.2);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (map_view)) * 0.8);


  /* What happened at its airport is what happened there. */
  {
    SbTestLabel germany = { pane, sb_entity_get_label (lookup (window, "germany-leaves-via-gao")) };

    sb_test_wait_until (sb_test_label_shown, &germany);
  }
  g_assert_nonnull (sb_test_find_label (pane, sb_entity_get_label (lookup (window, "russia-lands-at-gao"))));
  /* Not what is known only to Mali. */
  g_assert_null (sb_test_find_label (pane, sb_entity_get_label (lookup (window, "wagner-mali"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
flap_settled (gpointer data)
{
  return !adw_flap_get_reveal_flap (data) || adw_flap_get_reveal_progress (data) >= 1.0;
}

static gboolean
flap_is_folded (gpointer data)
{
  return adw_flap_get_folded (data);
}

/* On a 1024×768 screen the details lie over the map without hiding most
 * of it, come with a selection and go with it; hiding the actors never
 * brings up an empty pane.
 */
/* The actors' pane has slid all the way in or out. */
static gboolean
sidebar_settled (gpointer data)
{
  AdwFlap *flap = data;
  double progress = adw_flap_get_reveal_progress (flap);

  return adw_flap_get_reveal_flap (flap) ? progress >= 1.0 : progress <= 0.0;
}

static gboolean
sidebar_shown_details_folded (gpointer data)
{
  AdwFlap **flaps = data;

  return sidebar_settled (flaps[0]) && adw_flap_get_reveal_flap (flaps[0]) && adw_flap_get_folded (flaps[1]);
}

static void
test_narrow_window (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  SbMapView *map_view = sb_window_get_map_view (window);
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  AdwFlap *details = ADW_FLAP (gtk_widget_get_ancestor (pane, ADW_TYPE_FLAP));
  AdwFlap *sidebar = ADW_FLAP (gtk_widget_get_ancestor (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR),
                                                        ADW_TYPE_FLAP));
  SbSelection *selection = sb_window_get_selection (window);
  double map_width;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));
  sb_test_wait_until (sb_test_map_is_framed, map_view);
  /* AdwFlap hides its pane as it folds: a slow build may fold it late. */
  sb_test_wait_until (flap_is_folded, details);
  sb_test_iterate_for (300);

  g_assert_false (adw_flap_get_reveal_flap (details));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  sb_test_wait_until (sidebar_settled, sidebar);
  sb_test_iterate_for (400);
  g_assert_false (adw_flap_get_reveal_flap (details));
  /* The actors back, the details fold again (and AdwFlap hides a pane as
   * it folds): a slow machine folds them late.
   */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  sb_test_wait_until (sidebar_shown_details_folded, (AdwFlap *[]) { sidebar, details });
  sb_test_iterate_for (400);

  sb_selection_select (selection, lookup (window, "wagner-mali"));
  sb_test_wait_until (flap_settled, details);
  sb_test_iterate_for (300);
  g_assert_true (adw_flap_get_reveal_flap (details));
  g_assert_true (adw_flap_get_folded (details));
  map_width = gtk_widget_get_width (GTK_WIDGET (map_view));
  g_assert_cmpint (gtk_widget_get_width (pane), <=, 345);
  g_assert_cmpfloat (gtk_widget_get_width (pane), <, map_width / 2);

  /* No country's card lies under the details, cut off by them. */
  {
    SbMapLayer *layer = SB_MAP_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_ITEM_LAYER));
    graphene_rect_t over;
    SbProjection projection;
    SbMapLayerTransform to_view;
    g_autoptr(SbMapLayout) layout = NULL;

    /* The layout for the details over the map, once drawn. */
    sb_test_wait_until (sb_test_map_is_drawn, map_view);
    g_assert_true (gtk_widget_compute_bounds (pane, GTK_WIDGET (layer), &over));
    layout = sb_map_layer_get_drawn_layout (layer, &projection, &to_view);
    g_assert_cmpuint (layout->cards->len, >, 0);
    for (guint i = 0; i < layout->cards->len; i++)
      {
        const SbMapCard *card = &g_array_index (layout->cards, SbMapCard, i);
        double right = (card->box.origin.x + card->box.size.width - to_view.dx) * to_view.scale;

        g_test_message ("card %s: right edge at %.0f, the details from %.0f",
                        sb_text_get (sb_place_get_name (card->place)), right, over.origin.x);
        g_assert_cmpfloat (right, <=, over.origin.x + 1);
      }
  }

  sb_selection_clear (selection);
  sb_test_iterate_for (300);
  g_assert_false (adw_flap_get_reveal_flap (details));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Files that cannot be opened, from the command line, leave no empty
 * window behind: their problems are shown in a window that shows a
 * briefing, or, when none does, in one window. A file open already is
 * not opened twice.
 */
static void
test_failed_opens (void)
{
  g_autoptr(SbApplication) application = sb_application_new ();
  g_autoptr(GFile) good = g_file_new_build_filename (TEST_DATA_DIR, "markup.sahelbrief", NULL);
  /* Files no briefing can be made of: a file with problems that can be
   * read opens as work in progress (below).
   */
  g_autoptr(GFile) bad = g_file_new_build_filename (INVALID_DIR, "01-syntax-trailing-comma.sahelbrief", NULL);
  g_autoptr(GFile) worse = g_file_new_build_filename (INVALID_DIR, "11-encoding-invalid-byte.sahelbrief", NULL);
  g_autoptr(GFile) unfinished = g_file_new_build_filename (INVALID_DIR, "27-missing-field-title.sahelbrief", NULL);
  g_autoptr(GFile) missing = g_file_new_build_filename (INVALID_DIR, "no-such-briefing.sahelbrief", NULL);
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) error = NULL;
  SbWindow *shown;

  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* A window showing a briefing: the failures are said there. */
  open_files (G_APPLICATION (application), good, NULL);
  windows = briefing_windows (GTK_APPLICATION (application));
  g_assert_cmpuint (windows->len, ==, 1);
  shown = g_ptr_array_index (windows, 0);
  g_assert_nonnull (sb_window_get_briefing (shown));
  g_clear_pointer (&windows, g_ptr_array_unref);

  /* A file open already is not opened in a second window (where one of
   * the two would go stale and save over the other): its window comes up,
   * from the command line and from another window's Open.
   */
  {
    g_autoptr(GFile) same = g_file_new_build_filename (TEST_DATA_DIR, ".", "markup.sahelbrief", NULL);
    SbWindow *other;

    open_files (G_APPLICATION (application), same, NULL);
    other = sb_window_new (GTK_APPLICATION (application), NULL);
    sb_window_load_default (other);
    sb_window_open (other, good);
    sb_test_wait_until (no_window_loads, application);
    g_assert_false (sb_window_shows_file (other, good));
    gtk_window_destroy (GTK_WINDOW (other));
    windows = briefing_windows (GTK_APPLICATION (application));
    g_assert_cmpuint (windows->len, ==, 1);
    g_assert_true (g_ptr_array_index (windows, 0) == shown);
    g_assert_true (sb_window_shows_file (shown, good));
    g_clear_pointer (&windows, g_ptr_array_unref);
  }

  open_files (G_APPLICATION (application), bad, worse, missing, NULL);
  windows = briefing_windows (GTK_APPLICATION (application));
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_true (g_ptr_array_index (windows, 0) == shown);
  g_assert_nonnull (sb_window_get_problems (shown));
  g_assert_nonnull (lookup (shown, "convoy-leaves"));
  g_assert_true (sb_test_dialog_is_shown (NULL));
  g_clear_pointer (&windows, g_ptr_array_unref);
  destroy_windows (GTK_APPLICATION (application));

  /* Nothing open, nothing opens: one window says what failed. */
  open_files (G_APPLICATION (application), bad, worse, NULL);
  windows = briefing_windows (GTK_APPLICATION (application));
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_null (sb_window_get_briefing (g_ptr_array_index (windows, 0)));
  g_assert_true (sb_test_dialog_is_shown (NULL));
  destroy_windows (GTK_APPLICATION (application));

  /* Work in progress: its window shows it, with its problems. */
  open_files (G_APPLICATION (application), unfinished, NULL);
  windows = briefing_windows (GTK_APPLICATION (application));
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_nonnull (sb_window_get_briefing (g_ptr_array_index (windows, 0)));
  g_assert_nonnull (sb_window_get_problems (g_ptr_array_index (windows, 0)));
  destroy_windows (GTK_APPLICATION (application));
}

static gboolean
is_realized (gpointer widget)
{
  return gtk_widget_get_realized (widget);
}

/* A window gone leaves nothing of itself on its surface, which GDK keeps
 * until the X server has destroyed it: GTK 4.8 left the window's
 * "compute-size" handler there, and an event still on its way asked the
 * freed window for its size (a crash in failed-opens, one run in four
 * under load). A dialog, then the window.
 */
static void
test_surface_lets_go (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), "Heading", "Body");
  guint compute_size = g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL);
  GtkWidget *windows[2];

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "Close");
  gtk_window_present (GTK_WINDOW (dialog));
  sb_test_wait_until (is_realized, dialog);
  sb_test_iterate_for (100);

  windows[0] = dialog;
  windows[1] = GTK_WIDGET (window);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autoptr(GdkSurface) surface = g_object_ref (gtk_native_get_surface (GTK_NATIVE (windows[i])));

      g_assert_true (g_signal_has_handler_pending (surface, compute_size, 0, FALSE));
      gtk_window_destroy (GTK_WINDOW (windows[i]));
      g_assert_false (g_signal_has_handler_pending (surface, compute_size, 0, FALSE));
      sb_test_iterate_for (100);
    }
}

typedef struct
{
  GBytes *briefing;
  guint requests;
  guint conditional_requests;
} BriefingServer;

static void
serve_briefing (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  BriefingServer *self = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);

  self->requests++;
  if (!g_str_equal (path, "/briefing.sahelbrief"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_message_headers_replace (response_headers, "ETag", "\"v1\"");
  if (g_strcmp0 (soup_message_headers_get_one (request_headers, "If-None-Match"), "\"v1\"") == 0)
    {
      self->conditional_requests++;
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (self->briefing, NULL),
                                    g_bytes_get_size (self->briefing));
}

/* An actor's dossier open when another briefing comes: the dossier once
 * rebuilt itself with the old actor, whose sources were gone with the old
 * briefing (sb_source_get_date: assertion 'SB_IS_SOURCE (self)', found by
 * build-aux/soak).
 */
static void
test_dossier_and_new_briefing (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "markup.sahelbrief", NULL);
  SbSidebar *sidebar = SB_SIDEBAR (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR));
  SbDossierView *dossier = SB_DOSSIER_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DOSSIER_VIEW));

  sb_sidebar_show_dossier (sidebar, SB_ACTOR (lookup (window, "france")));
  sb_test_iterate_for (100);
  g_assert_nonnull (sb_dossier_view_get_actor (dossier));

  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  sb_test_iterate_for (100);
  g_assert_null (sb_dossier_view_get_actor (dossier));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* @n_incidents at one exact point: one cluster that never splits. */
static void
load_one_place (SbWindow *window,
                guint     n_incidents)
{
  g_autofree char *dir = sb_test_make_temp_dir ("sb-window-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "one-place.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (
    "{\"format\": \"sahelbrief\", \"version\": 1, \"title\": \"One place\", \"language\": \"en\",\n"
    " \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"date\": \"2022\", \"language\": \"en\"}],\n"
    " \"places\": [{\"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"point\"}],\n"
    " \"incidents\": [");

  for (guint i = 0; i < n_incidents; i++)
    g_string_append_printf (text,
                            "%s\n  {\"id\": \"i%u\", \"type\": \"attack\", \"description\": \"Incident %u\","
                            " \"place\": \"gao\", \"date\": \"2022-08-%02u\", \"certainty\": \"reported\","
                            " \"citations\": [{\"source\": \"s\"}]}",
                            i ? "," : "", i, i, 1 + i % 28);
  g_string_append (text, "]}\n");

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  g_assert_null (sb_window_get_problems (window));
  sb_test_iterate_for (300);
}

static gboolean
clusters_ready (gpointer data)
{
  return !sb_item_layer_get_busy (data) && sb_item_layer_get_clusters (data) != NULL;
}

static gboolean
has_no_popover (gpointer data)
{
  return sb_test_find_widget (data, SB_TYPE_CLUSTER_POPOVER) == NULL;
}

/* The list of incidents at one place, chosen from and dismissed. It was
 * unparented while GTK was still closing it, and the window's focus went
 * looking in a popover that was in no window (gtk_window_get_focus:
 * assertion 'GTK_IS_WINDOW (window)', found by build-aux/soak).
 */
static void
test_cluster_popover (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbMapView *map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));
  ShumateViewport *viewport = sb_map_view_get_viewport (map_view);
  SbItemLayer *layer;
  SbPlace *place;

  load_one_place (window, 1200);
  place = SB_PLACE (sb_briefing_lookup (sb_window_get_briefing (window), "gao"));
  layer = SB_ITEM_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_ITEM_LAYER));
  sb_test_wait_until (clusters_ready, layer);

  for (guint round = 0; round < 2; round++)
    {
      GtkWidget *popover, *list, *row;
      double x, y;

      /* A selected incident is drawn over its cluster. */
      sb_selection_clear (sb_window_get_selection (window));
      sb_map_view_go_to (map_view, sb_place_get_latitude (place), sb_place_get_longitude (place), 10);
      sb_test_iterate_for (500);
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (sb_map_view_get_map (map_view)),
                                                  sb_place_get_latitude (place), sb_place_get_longitude (place),
                                                  &x, &y);

      /* The clusters are made in a worker thread: click until they are. */
      for (guint tries = 0; tries < 50 && has_no_popover (map_view); tries++)
        {
          sb_map_view_click (map_view, x, y);
          sb_test_iterate_for (200);
        }

      popover = sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_CLUSTER_POPOVER);
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_visible (popover));

      if (round == 0)
        {
          /* A row chosen: the incident is selected, the list goes. */
          list = sb_test_find_widget (popover, GTK_TYPE_LIST_BOX);
          row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
          gtk_widget_grab_focus (row);
          g_signal_emit_by_name (list, "row-activated", row);
          g_assert_true (SB_IS_ITEM (sb_selection_get_selected (sb_window_get_selection (window))));
        }
      else
        {
          /* Tab out of the list, as a person would, until it closes. */
          list = sb_test_find_widget (popover, GTK_TYPE_LIST_BOX);
          gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
          for (guint tab = 0; tab < 200 && !has_no_popover (map_view); tab++)
            {
              g_signal_emit_by_name (popover, "move-focus", GTK_DIR_TAB_FORWARD);
              sb_test_iterate_for (5);
            }
          if (!has_no_popover (map_view))
            gtk_popover_popdown (GTK_POPOVER (popover));
        }

      g_assert_true (sb_test_run_until (has_no_popover, map_view, 5000));
      sb_test_iterate_for (100);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Keyboard focus around the whole window, every way, with the legend
 * folded: GTK 4.8's expander handed the focus on to its folded content,
 * which is in no window (gtk_window_get_focus: assertion 'GTK_IS_WINDOW
 * (window)', then a stop in gtk_widget_is_ancestor; found by
 * build-aux/soak).
 */
static void
test_focus_everywhere (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  GtkExpander *legend = GTK_EXPANDER (sb_test_find_widget (GTK_WIDGET (window), GTK_TYPE_EXPANDER));
  const GtkDirectionType directions[] = {
    GTK_DIR_TAB_FORWARD, GTK_DIR_TAB_BACKWARD, GTK_DIR_UP, GTK_DIR_DOWN, GTK_DIR_LEFT, GTK_DIR_RIGHT
  };

  g_assert_nonnull (legend);
  for (guint round = 0; round < 2; round++)
    {
      gtk_expander_set_expanded (legend, round == 1);
      sb_test_iterate_for (100);

      for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
        for (guint i = 0; i < 120; i++)
          {
            g_signal_emit_by_name (window, "move-focus", directions[d]);
            if (i % 20 == 0)
              sb_test_iterate_for (5);
          }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Open Location and Reload against a server of the test's own. */
static void
test_open_location (void)
{
  BriefingServer served = { 0, };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "markup.sahelbrief", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *good = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GFile) as_file = NULL;
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *before = sb_window_get_briefing (window);
  SbBriefing *loaded;
  GSList *uris;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  served.briefing = g_bytes_new_take (g_steal_pointer (&contents), length);
  soup_server_add_handler (server, NULL, serve_briefing, &served, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  good = g_strdup_printf ("%sbriefing.sahelbrief", g_uri_to_string (uris->data));
  missing = g_strdup_printf ("%smissing.sahelbrief", g_uri_to_string (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* Nothing to reload in the built-in briefing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_false (sb_window_is_loading (window));

  /* A failure says so and keeps the briefing shown. */
  sb_window_open_location (window, missing);
  g_assert_true (sb_window_is_loading (window));
  sb_test_wait_until (is_done_loading, window);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  g_assert_true (sb_window_get_briefing (window) == before);
  g_assert_null (sb_window_get_location (window));
  sb_test_close_dialogs ();

  /* An address given as a file, as on the command line. */
  as_file = g_file_new_for_uri (good);
  sb_window_open (window, as_file);
  sb_test_wait_until (is_done_loading, window);
  loaded = sb_window_get_briefing (window);
  g_assert_true (loaded != before);
  g_assert_cmpstr (sb_window_get_location (window), ==, good);
  g_assert_null (sb_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Markup <b>test</b> & co");
  g_assert_false (sb_window_shows_default (window));

  /* Reload asks whether it changed; it did not. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (sb_window_is_loading (window));
  sb_test_wait_until (is_done_loading, window);
  g_assert_cmpuint (served.conditional_requests, ==, 1);
  g_assert_true (sb_window_get_briefing (window) == loaded);
  g_assert_false (sb_test_dialog_is_shown (NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_bytes_unref (served.briefing);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  sb_export_geojson_finish (result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static gboolean
is_set (gpointer data)
{
  return *(GError **) data != NULL;
}

/* An ACLED export imported, its skipped rows a click away, reloaded, and
 * exported again as GeoJSON; a file that is no export keeps the briefing.
 */
static void
test_import_and_export (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *before = sb_window_get_briefing (window);
  g_autoptr(GFile) not_csv = g_file_new_build_filename (IMPORT_DATA_DIR, "acled-not-csv.csv", NULL);
  g_autoptr(GFile) bad_rows = g_file_new_build_filename (IMPORT_DATA_DIR, "acled-bad-rows.csv", NULL);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) reimported = NULL;
  GError *done = NULL;
  SbBriefing *imported;

  sb_window_import (window, not_csv, SB_IMPORT_FORMAT_ACLED, NULL);
  sb_test_wait_until (is_done_loading, window);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  g_assert_true (sb_window_get_briefing (window) == before);
  g_assert_nonnull (sb_window_get_problems (window));
  sb_test_close_dialogs ();

  sb_window_import (window, bad_rows, SB_IMPORT_FORMAT_ACLED, NULL);
  sb_test_wait_until (is_done_loading, window);
  imported = sb_window_get_briefing (window);
  g_assert_true (imported != before);
  g_assert_true (g_file_equal (sb_window_get_file (window), bad_rows));
  g_assert_false (sb_test_dialog_is_shown (NULL));
  g_assert_nonnull (sb_window_get_problems (window));
  g_assert_cmpuint (sb_window_get_problems (window)->len, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-import-problems", NULL);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  sb_test_close_dialogs ();

  /* Reload imports the file again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (sb_window_is_loading (window));
  sb_test_wait_until (is_done_loading, window);
  g_assert_true (sb_window_get_briefing (window) != imported);

  exported = g_file_new_tmp ("export-XXXXXX.geojson", &io, NULL);
  g_assert_nonnull (exported);
  sb_export_geojson_async (sb_window_get_briefing (window), sb_selection_get_filter (sb_window_get_selection (window)),
                           exported, NULL, on_exported, &done);
  sb_test_wait_until (is_set, &done);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&done);

  reimported = sb_geojson_import_file (exported, NULL, &problems);
  g_assert_nonnull (reimported);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (reimported)), ==,
                    g_list_model_get_n_items (sb_briefing_get_all_items (sb_window_get_briefing (window))));
  g_file_delete (exported, NULL, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The GeoJSON export writes what the filters showed when it was asked for,
 * in a worker thread, while the window stays in use and the filters go on
 * changing; a toast says when it is done.
 */
static void
test_export_while_filtering (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbSelection *selection = sb_window_get_selection (window);
  g_autofree char *dir = sb_test_make_temp_dir ("sb-window-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "shown.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) exported = NULL;
  SbTestLabel done = { GTK_WIDGET (window), "Exported to “shown.geojson”" };
  guint n_areas = g_list_model_get_n_items (sb_briefing_get_items (sb_window_get_briefing (window),
                                                                   SB_ITEM_KIND_AREA));
  guint shown;

  sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, FALSE);
  shown = g_list_model_get_n_items (sb_briefing_get_all_items (sb_window_get_briefing (window))) - n_areas;

  sb_window_export_geojson (window, file);
  sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, TRUE);
  sb_selection_set_layer_visible (selection, SB_LAYER_INCIDENTS, FALSE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (sb_window_get_map_view (window))));
  g_assert_false (sb_window_is_loading (window));

  sb_test_wait_until (file_exists, path);
  sb_test_wait_until (sb_test_label_shown, &done);
  g_assert_cmpuint (n_areas, >, 0);
  exported = sb_geojson_import_file (file, NULL, &problems);
  g_assert_nonnull (exported);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (exported)), ==, shown);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_items (exported, SB_ITEM_KIND_AREA)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_items (exported, SB_ITEM_KIND_INCIDENT)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *legend;
  gboolean shown;
} LegendRow;

static gboolean
legend_row_is (gpointer data)
{
  LegendRow *row = data;

  return (sb_test_find_label (row->legend, "Supported by one independent source only") != NULL) == row->shown;
}

/* The legend explains the "1" badge while two publishers' sources tell
 * single-source statements apart, and follows an edit of a publisher
 * alone (it was not rebuilt for one).
 */
static void
test_legend_follows_publishers (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  g_autofree char *dir = sb_test_make_temp_dir ("sb-window-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "two-publishers.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *text =
    "{\"format\": \"sahelbrief\", \"version\": 1, \"title\": \"Two publishers\", \"language\": \"en\",\n"
    " \"sources\": [{\"id\": \"a\", \"title\": \"A\", \"date\": \"2022-08\", \"language\": \"en\", \"publisher\": \"Agence Sahel\"},\n"
    "  {\"id\": \"b\", \"title\": \"B\", \"date\": \"2022-08\", \"language\": \"en\", \"publisher\": \"Niger Daily\"}],\n"
    " \"places\": [{\"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"point\"}],\n"
    " \"incidents\": [{\"id\": \"one-voice\", \"type\": \"attack\", \"description\": \"An attack\", \"place\": \"gao\",\n"
    "   \"date\": \"2022-08\", \"certainty\": \"reported\", \"citations\": [{\"source\": \"a\"}]}]}\n";
  LegendRow row = { NULL, TRUE };
  SbDocument *document;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  g_assert_null (sb_window_get_problems (window));
  document = sb_window_get_document (window);

  row.legend = GTK_WIDGET (sb_map_view_get_legend (sb_window_get_map_view (window)));
  gtk_expander_set_expanded (GTK_EXPANDER (sb_test_find_widget (row.legend, GTK_TYPE_EXPANDER)), TRUE);
  sb_test_wait_until (legend_row_is, &row);

  /* Both articles one agency's: one voice, no badge to explain. */
  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (lookup (window, "b"), SB_SOURCE_FIELD_PUBLISHER,
                                                                      "Agence Sahel"), NULL));
  row.shown = FALSE;
  sb_test_wait_until (legend_row_is, &row);

  g_assert_true (sb_document_undo (document));
  row.shown = TRUE;
  sb_test_wait_until (legend_row_is, &row);

  sb_document_mark_saved (document, sb_document_get_revision (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_niger_file (gpointer window)
{
  SbDocument *document = sb_window_get_document (window);
  GFile *file = document != NULL ? sb_document_get_file (document) : NULL;

  return file != NULL && g_str_has_suffix (g_file_peek_path (file), "niger-2024.sahelbrief");
}

/* A file the loader has just read without a problem is not checked again
 * (written as Save would and read back: at 1,000,000 incidents a second
 * copy of the briefing, 850 MiB, and some 10 s of processor time); the first
 * edit is.
 */
static void
test_open_checks_nothing_twice (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "niger-2024.sahelbrief", NULL);
  g_autoptr(SbText) title = sb_text_new ("en", "Niger, checked again");
  g_autoptr(SbSource) source = NULL;
  SbDocument *document;
  SbChecker *checker;

  sb_window_open (window, file);
  sb_test_wait_until (shows_niger_file, window);

  /* In the very iteration that showed it: a check would be under way. */
  document = sb_window_get_document (window);
  checker = sb_document_get_checker (document);
  g_assert_false (sb_checker_get_checking (checker));
  g_assert_cmpuint (g_list_model_get_n_items (sb_checker_get_problems (checker)), ==, 0);
  g_assert_cmpuint (sb_window_get_problems (window) != NULL ? sb_window_get_problems (window)->len : 0, ==, 0);

  source = g_list_model_get_item (sb_briefing_get_sources (sb_window_get_briefing (window)), 0);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (source), SB_SOURCE_FIELD_TITLE, title), NULL));
  g_assert_true (sb_checker_get_checking (checker));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/window/sidebar-lists-every-actor", test_sidebar_lists_every_actor);
  g_test_add_func ("/window/wagner-dossier", test_wagner_dossier);
  g_test_add_func ("/window/incident-highlight", test_incident_highlight);
  g_test_add_func ("/window/map-click", test_map_click);
  g_test_add_func ("/window/map-middles-not-hit", test_map_middles_not_hit);
  g_test_add_func ("/window/frame-country-actor", test_frame_country_actor);
  g_test_add_func ("/window/place-frames", test_place_frames);
  g_test_add_func ("/window/dossier-history", test_dossier_history);
  g_test_add_func ("/window/invalid-file-keeps-briefing", test_invalid_file_keeps_briefing);
  g_test_add_func ("/window/source-text-is-not-markup", test_source_text_is_not_markup);
  g_test_add_func ("/window/switch-briefings", test_switch_briefings);
  g_test_add_func ("/window/failed-opens", test_failed_opens);
  g_test_add_func ("/window/surface-lets-go", test_surface_lets_go);
  g_test_add_func ("/window/map-item-list", test_map_item_list);
  g_test_add_func ("/window/search-basemap", test_search_basemap);
  g_test_add_func ("/window/narrow-window", test_narrow_window);
  g_test_add_func ("/window/dossier-and-new-briefing", test_dossier_and_new_briefing);
  g_test_add_func ("/window/cluster-popover", test_cluster_popover);
  g_test_add_func ("/window/focus-everywhere", test_focus_everywhere);
  g_test_add_func ("/window/open-location", test_open_location);
  g_test_add_func ("/window/import-and-export", test_import_and_export);
  g_test_add_func ("/window/export-while-filtering", test_export_while_filtering);
  g_test_add_func ("/window/legend-follows-publishers", test_legend_follows_publishers);
  g_test_add_func ("/window/open-checks-nothing-twice", test_open_checks_nothing_twice);

  return g_test_run ();
}
