/* test-map-redraw.c
 *
 * An edit to one clustered incident draws again only the clusters that
 * show it, and what it draws is what drawing the whole map would. A
 * change of filters shows the clusters of the last filters only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sb-document.h"
#include "sb-filter.h"
#include "sb-edit.h"
#include "sb-base-layer.h"
#include "sb-item-layer.h"
#include "sb-map-editor.h"
#include "sb-map-view.h"
#include "sb-projection.h"
#include "sb-source.h"
#include "sb-tile-setup.h"
#include "sb-window.h"
#include "sb-test-util.h"

#define N_PLACES 40

static gboolean
is_done_loading (gpointer data)
{
  return sb_window_get_briefing (data) != NULL && !sb_window_is_loading (data);
}

static gboolean
clusters_ready (gpointer data)
{
  return !sb_item_layer_get_busy (data) && sb_item_layer_get_clusters (data) != NULL;
}

/* A window of 1200×800 showing 1500 incidents at forty towns across
 * Mali and Niger, a few types (the last town has a single incident),
 * clustered, the map at zoom 7 over them. All cite source "s"; @sources
 * lists more.
 */
static SbWindow *
open_towns (const char  *sources,
            SbMapLayer **layer)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  SbMapView *map_view = sb_window_get_map_view (window);
  const guint n_incidents = 1500;
  g_autofree char *dir = sb_test_make_temp_dir ("sb-redraw-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "towns.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *types[] = { "attack", "clash", "arrest" };
  g_autoptr(GString) text = g_string_new (
    "{\"format\": \"sahelbrief\", \"version\": 1, \"title\": \"Towns\", \"language\": \"en\",\n"
    " \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"date\": \"2022\", \"language\": \"en\"");

  g_string_append_printf (text, "%s],\n \"places\": [", sources);

  for (guint p = 0; p < N_PLACES; p++)
    g_string_append_printf (text, "%s\n  {\"id\": \"t%u\", \"name\": \"Town %u\", \"lat\": %.3f, \"lon\": %.3f,"
                            " \"precision\": \"point\"}",
                            p ? "," : "", p, p, 12.0 + (p % 8) * 0.9, -6.0 + (p / 8) * 1.7);
  g_string_append (text, "],\n \"incidents\": [");
  for (guint i = 0; i < n_incidents; i++)
    g_string_append_printf (text,
                            "%s\n  {\"id\": \"i%u\", \"type\": \"%s\", \"description\": \"Incident %u\","
                            " \"place\": \"t%u\", \"date\": \"2022-08-%02u\", \"certainty\": \"reported\","
                            " \"citations\": [{\"source\": \"s\"}]}",
                            i ? "," : "", i, types[i % G_N_ELEMENTS (types)], i,
                            i + 1 == n_incidents ? N_PLACES - 1 : i % (N_PLACES - 1), 1 + i % 28);
  g_string_append (text, "]}\n");

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  g_assert_null (sb_window_get_problems (window));

  *layer = SB_MAP_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_ITEM_LAYER));
  sb_test_wait_until (clusters_ready, *layer);
  sb_map_view_go_to (map_view, 15.0, -2.5, 7);
  sb_test_iterate_for (1000);

  return window;
}

static void
snapshot_layer (SbMapLayer *layer)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (GTK_WIDGET (layer), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}

/* The layer's snapshot, now: it draws edited boxes at once and starts a
 * whole texture in a worker; then the texture it shows once the worker
 * is done. Only the worker's answer is awaited, in a main context of its
 * own: nothing else runs meanwhile (edited clusters are not built again).
 */
static GdkTexture *
draw_now (SbMapLayer *layer)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  /* A texture started before, by a frame of the window, answers in the
   * window's context.
   */
  while (sb_map_layer_is_drawing (layer))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_main_context_push_thread_default (context);
  snapshot_layer (layer);
  while (sb_map_layer_is_drawing (layer))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (context, FALSE))
        g_usleep (1000);
      snapshot_layer (layer);
    }
  g_main_context_pop_thread_default (context);

  return g_object_ref (sb_map_layer_get_texture (layer));
}

static guchar *
download (GdkTexture *texture)
{
  guchar *data = g_malloc (gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);

  gdk_texture_download (texture, data, gdk_texture_get_width (texture) * 4);
  return data;
}

/* How many pixels differ by more than @slack in a channel. */
static guint
count_different (GdkTexture *a,
                 GdkTexture *b,
                 int         slack)
{
  g_autofree guchar *pa = download (a);
  g_autofree guchar *pb = download (b);
  gsize n = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint different = 0;

  g_assert_cmpint (gdk_texture_get_width (a), ==, gdk_texture_get_width (b));
  g_assert_cmpint (gdk_texture_get_height (a), ==, gdk_texture_get_height (b));

  for (gsize i = 0; i < n; i++)
    for (guint c = 0; c < 4; c++)
      if (abs (pa[4 * i + c] - pb[4 * i + c]) > slack)
        {
          different++;
          break;
        }

  return different;
}

static void
test_edit_redraws_in_part (void)
{
  SbMapLayer *layer;
  SbWindow *window = open_towns ("}", &layer);
  SbDocument *document;
  SbBriefing *briefing;
  SbItem *lonely, *moved;
  SbEntity *town;
  g_autoptr(SbMapLayout) before_layout = NULL;
  g_autoptr(SbMapLayout) after_layout = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) in_part = NULL;
  g_autoptr(GdkTexture) whole = NULL;
  SbMapLayerTransform transform;
  SbProjection projection;

  document = sb_window_get_document (window);
  briefing = sb_document_get_briefing (document);
  lonely = SB_ITEM (sb_briefing_lookup (briefing, "i1499"));
  moved = SB_ITEM (sb_briefing_lookup (briefing, "i0"));
  town = sb_briefing_lookup (briefing, "t5");
  g_assert_nonnull (lonely);
  g_assert_nonnull (moved);
  g_assert_nonnull (town);

  before = draw_now (layer);
  before_layout = sb_map_layer_get_drawn_layout (layer, &projection, &transform);

  /* The lone incident's type and another incident's town, as the card
   * changes them; then the frame that shows them.
   */
  sb_document_apply (document, sb_edit_new_set_int (SB_ENTITY (lonely), SB_ITEM_FIELD_SUBTYPE, SB_INCIDENT_TYPE_COUP), NULL);
  sb_document_apply (document, sb_edit_new_set_entity (SB_ENTITY (moved), SB_ITEM_FIELD_PLACE, town), NULL);
  in_part = draw_now (layer);
  after_layout = sb_map_layer_get_drawn_layout (layer, &projection, &transform);

  /* Drawn again, but only in part: the layout is the one drawn before. */
  g_assert_true (in_part != before);
  g_assert_true (after_layout == before_layout);
  g_assert_cmpuint (count_different (before, in_part, 0), >, 0);

  /* The same as the whole layer drawn anew, with the clusters as they
   * are (no rebuild: nothing ran the main loop since).
   */
  sb_map_layer_invalidate (layer);
  whole = draw_now (layer);
  g_assert_cmpuint (count_different (in_part, whole, 2), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sb_test_iterate_for (100);
}

/* The whole layer drawn anew, with clusters built from the briefing as
 * it is (edits patch them, and a build follows once edits pause).
 */
static GdkTexture *
draw_rebuilt (SbMapLayer *layer)
{
  sb_test_iterate_for (2000);
  sb_test_wait_until (clusters_ready, layer);
  sb_map_layer_invalidate (layer);
  return draw_now (layer);
}

/* A cluster's count carries the badge of what one source only supports
 * when every incident it counts is so supported: a second source for one
 * of them takes the badge away; the two sources found to be one
 * publisher's bring it back.
 */
static void
test_cluster_badges (void)
{
  SbMapLayer *layer;
  SbWindow *window = open_towns (", \"publisher\": \"Wire\"},\n"
                                 "  {\"id\": \"r\", \"title\": \"R\", \"publisher\": \"Radio\", \"date\": \"2022\", \"language\": \"en\"},\n"
                                 "  {\"id\": \"q\", \"title\": \"Q\", \"publisher\": \"Other\", \"date\": \"2022\", \"language\": \"en\"}",
                                 &layer);
  SbDocument *document;
  SbBriefing *briefing;
  SbItem *item;
  SbEntity *wire, *radio;
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  g_autoptr(GdkTexture) single = NULL;
  g_autoptr(GdkTexture) corroborated = NULL;
  g_autoptr(GdkTexture) one_publisher = NULL;


  document = sb_window_get_document (window);
  briefing = sb_document_get_briefing (document);
  item = SB_ITEM (sb_briefing_lookup (briefing, "i0"));
  wire = sb_briefing_lookup (briefing, "s");
  radio = sb_briefing_lookup (briefing, "r");
  g_assert_true (sb_briefing_has_independent_sources (briefing));
  g_assert_true (sb_item_is_single_source (item));
  single = draw_rebuilt (layer);

  g_ptr_array_add (citations, sb_citation_new (SB_SOURCE (wire), NULL));
  g_ptr_array_add (citations, sb_citation_new (SB_SOURCE (radio), NULL));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (SB_ENTITY (item), SB_ITEM_FIELD_CITATIONS, citations), NULL));
  g_assert_false (sb_item_is_single_source (item));
  corroborated = draw_rebuilt (layer);
  g_assert_cmpuint (count_different (single, corroborated, 2), >, 0);

  g_assert_true (sb_document_apply (document, sb_edit_new_set_string (radio, SB_SOURCE_FIELD_PUBLISHER, "Wire"), NULL));
  g_assert_true (sb_item_is_single_source (item));
  one_publisher = draw_rebuilt (layer);
  g_assert_cmpuint (count_different (single, one_publisher, 2), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sb_test_iterate_for (100);
}

typedef struct
{
  SbItemLayer *layer;
  GPtrArray *shown;        /* of SbFilter: those of the clusters each time the layer changed */
} Watch;

static void
on_layer_invalidated (SbMapLayer *layer,
                      Watch      *watch)
{
  SbIncidentClusters *clusters = sb_item_layer_get_clusters (watch->layer);

  if (clusters != NULL)
    g_ptr_array_add (watch->shown, sb_filter_ref (sb_incident_clusters_get_filter (clusters)));
}

static gboolean
shows_filters (gpointer data)
{
  SbItemLayer *layer = data;
  SbSelection *selection = sb_map_layer_get_selection (SB_MAP_LAYER (layer));
  SbIncidentClusters *clusters = sb_item_layer_get_clusters (layer);

  return !sb_item_layer_get_busy (layer) && clusters != NULL &&
         sb_incident_clusters_get_filter (clusters) == sb_selection_get_filter (selection) &&
         !sb_map_layer_is_drawing (SB_MAP_LAYER (layer));
}

/* Two changes of filters in a row, the second while the clusters of the
 * first are being built: the map goes from the clusters it showed to
 * those of the second, never showing the first's, and draws them as a
 * whole new drawing would.
 */
static void
test_last_filters_win (void)
{
  SbMapLayer *layer;
  SbWindow *window = open_towns ("}", &layer);
  SbSelection *selection = sb_map_layer_get_selection (layer);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_filter_unref);
  Watch watch = { SB_ITEM_LAYER (layer), shown };
  g_autoptr(SbFilter) first = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GdkTexture) whole = NULL;
  gulong handler;

  sb_test_wait_until (shows_filters, layer);
  before = g_object_ref (sb_map_layer_get_texture (layer));
  handler = g_signal_connect (layer, "invalidated", G_CALLBACK (on_layer_invalidated), &watch);

  sb_selection_set_incident_type_visible (selection, SB_INCIDENT_TYPE_ATTACK, FALSE);
  first = sb_filter_ref (sb_selection_get_filter (selection));
  g_assert_true (sb_item_layer_get_busy (SB_ITEM_LAYER (layer)));
  sb_selection_set_incident_type_visible (selection, SB_INCIDENT_TYPE_CLASH, FALSE);
  g_assert_true (sb_selection_get_filter (selection) != first);

  sb_test_wait_until (shows_filters, layer);
  /* A while more: a late answer for the first filters would come now. */
  sb_test_iterate_for (500);
  g_assert_true (shows_filters (layer));
  g_signal_handler_disconnect (layer, handler);

  for (guint i = 0; i < shown->len; i++)
    g_assert_true (g_ptr_array_index (shown, i) != first);
  g_assert_cmpuint (shown->len, >, 0);

  /* Only the arrests are left: a third of the incidents. */
  g_assert_cmpuint (sb_incident_clusters_get_n_shown (sb_item_layer_get_clusters (SB_ITEM_LAYER (layer))), ==, 500);

  /* What the map shows is the new clusters, as drawing anew shows them. */
  after = g_object_ref (sb_map_layer_get_texture (layer));
  g_assert_cmpuint (count_different (before, after, 2), >, 0);
  sb_map_layer_invalidate (layer);
  whole = draw_now (layer);
  g_assert_cmpuint (count_different (after, whole, 2), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sb_test_iterate_for (100);
}

static GtkWidget *
find_hint (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "map-editor-hint"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_hint (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint frames_drawn;

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  frames_drawn++;
  return G_SOURCE_CONTINUE;
}

static guint frames_awaited;

/* Whether the hint shows, laid out in a frame after the last change. */
static gboolean
hint_settled (gpointer data)
{
  GtkWidget *hint = data;

  return gtk_widget_get_mapped (hint) && gtk_widget_get_height (hint) > 0 && frames_drawn >= frames_awaited;
}

/* While placing by a click, the hint hides nothing the statement needs:
 * the hand-run placed the schools closed in Bamako with the hint lying
 * below the cross, on Bamako, and clicked blind through it. With Bamako
 * where the hint used to lie (a little south of the middle), it is clear
 * of the hint, and so is every town the briefing names in view.
 */
static void
test_place_hint_clear (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  SbMapView *map_view = sb_window_get_map_view (window);
  GtkWidget *map = GTK_WIDGET (sb_map_view_get_map (map_view));
  ShumateViewport *viewport = sb_map_view_get_viewport (map_view);
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "mali-blockade-2025.sahelbrief", NULL);
  SbMapEditor *editor = sb_window_get_map_editor (window);
  const double bamako[2] = { 12.652, -8.002 };
  double middle_lat, middle_lon, middle_x, middle_y, x, y;
  graphene_rect_t bounds;
  GtkWidget *hint;
  SbItem *schools;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  schools = SB_ITEM (sb_briefing_lookup (sb_window_get_briefing (window), "incident-19"));
  g_assert_nonnull (schools);

  g_assert_true (sb_map_editor_begin_place (editor, schools, SB_ITEM_FIELD_PLACE, NULL,
                                            SB_PLACE_PRECISION_POINT, 0));
  hint = find_hint (map);
  g_assert_nonnull (hint);
  gtk_widget_add_tick_callback (map, count_frame, NULL, NULL);
  frames_awaited = frames_drawn + 2;
  sb_test_wait_until (hint_settled, hint);

  /* Bamako 100 pixels south of the middle of the map no pane lies over. */
  sb_map_view_go_to (map_view, sb_mercator_latitude (sb_mercator_y (bamako[0]) - 100.0 / (256 * exp2 (6))),
                     bamako[1], 6);
  sb_map_view_get_middle (map_view, &middle_lat, &middle_lon);
  sb_map_view_go_to (map_view, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                     shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) + bamako[1] - middle_lon, 6);
  frames_awaited = frames_drawn + 2;
  sb_test_wait_until (hint_settled, hint);

  sb_map_view_get_middle (map_view, &middle_lat, &middle_lon);
  shumate_viewport_location_to_widget_coords (viewport, map, middle_lat, middle_lon, &middle_x, &middle_y);
  shumate_viewport_location_to_widget_coords (viewport, map, bamako[0], bamako[1], &x, &y);
  g_assert_cmpfloat (fabs (x - middle_x), <, 20);
  g_assert_cmpfloat (y - middle_y, >, 60);
  g_assert_cmpfloat (y - middle_y, <, 140);

  sb_test_screenshot ("place-hint");
  g_assert_true (gtk_widget_compute_bounds (hint, map, &bounds));
  g_test_message ("hint at %.0f, %.0f, %.0f×%.0f; Bamako at %.0f, %.0f on a map of %d×%d", bounds.origin.x,
                  bounds.origin.y, bounds.size.width, bounds.size.height, x, y, gtk_widget_get_width (map),
                  gtk_widget_get_height (map));
  g_assert_cmpfloat (bounds.size.height, >, 20);
  graphene_rect_inset (&bounds, -12, -12);
  g_assert_false (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
  /* (nor the cross) */
  g_assert_false (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (middle_x, middle_y)));

  g_assert_true (sb_map_editor_cancel (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Placing by the keyboard ("Click on the Map Instead", then the arrow
 * keys and Enter), a screen reader hears the instructions as the map's
 * description, and then where the statement was placed.
 */
static void
test_place_described (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  SbMapView *map_view = sb_window_get_map_view (window);
  GtkAccessible *map = GTK_ACCESSIBLE (sb_map_view_get_map (map_view));
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "mali-blockade-2025.sahelbrief", NULL);
  SbMapEditor *editor = sb_window_get_map_editor (window);
  double middle_lat, middle_lon;
  g_autofree char *expected = NULL;
  g_autofree char *wrong = NULL;
  SbItem *schools;
  SbPlace *place;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  schools = SB_ITEM (sb_briefing_lookup (sb_window_get_briefing (window), "incident-19"));
  g_assert_nonnull (schools);

  g_assert_true (sb_map_editor_begin_place (editor, schools, SB_ITEM_FIELD_PLACE, NULL,
                                            SB_PLACE_PRECISION_POINT, 0));
  g_assert_nonnull (sb_map_editor_get_hint (editor));
  wrong = gtk_test_accessible_check_property (map, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              sb_map_editor_get_hint (editor));
  g_assert_null (wrong);
  /* (and follows the hint: N places it near there) */
  g_assert_true (sb_map_editor_toggle_near (editor));
  g_assert_nonnull (strstr (sb_map_editor_get_hint (editor), "km of there"));
  wrong = gtk_test_accessible_check_property (map, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              sb_map_editor_get_hint (editor));
  g_assert_null (wrong);

  /* The cross on Bamako, and Enter. */
  sb_map_view_go_to (map_view, 12.652, -8.002, 8);
  sb_map_view_get_middle (map_view, &middle_lat, &middle_lon);
  sb_map_view_go_to (map_view, 12.652, -8.002 + (-8.002 - middle_lon), 8);
  g_assert_true (sb_map_editor_finish (editor));
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_IDLE);

  place = sb_item_get_place (schools);
  g_assert_nonnull (place);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_nonnull (strstr (sb_text_get (sb_place_get_name (place)), "Bamako"));
  expected = g_strdup_printf ("Placed “Schools and universities closed in Bamako for lack of fuel” within %.0f km of %s.",
                              sb_place_get_radius_km (place), sb_text_get (sb_place_get_name (place)));
  wrong = gtk_test_accessible_check_property (map, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  if (wrong != NULL)
    g_test_message ("%s", wrong);
  g_assert_null (wrong);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
notice_shown (gpointer data)
{
  SbMapView *map_view = data;
  GtkWidget *notice = sb_test_find_label (GTK_WIDGET (map_view), sb_map_view_get_notice (map_view) ?: "");

  return sb_map_view_get_notice (map_view) != NULL && notice != NULL && gtk_widget_get_mapped (notice) &&
         gtk_widget_get_width (notice) > 0;
}

static gboolean
map_drawn (gpointer data)
{
  GtkWidget *map = data;

  return frames_drawn >= frames_awaited && !sb_map_layers_are_drawing (map);
}

/* No base map name lies under the notice that tiles are unavailable:
 * "Freetown" showed half under it (hand9). With Freetown's dot brought
 * to the notice's middle, its name is left out rather than cut.
 */
static void
test_names_clear_of_notice (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);
  SbMapView *map_view = sb_window_get_map_view (window);
  GtkWidget *map = GTK_WIDGET (sb_map_view_get_map (map_view));
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "mali-blockade-2025.sahelbrief", NULL);
  g_autoptr(ShumateMapSource) tiles = sb_tile_setup_http ("http://127.0.0.1:9/{z}/{x}/{y}.png", "Nowhere",
                                                          "Nowhere", "http://127.0.0.1:9/", 12);
  SbBaseLayer *base = SB_BASE_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_BASE_LAYER));
  const double freetown[2] = { 8.484, -13.234 };
  double world = 256 * exp2 (6);
  graphene_rect_t notice;
  GArray *names;
  guint shown = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  g_assert_nonnull (base);
  gtk_widget_add_tick_callback (map, count_frame, NULL, NULL);

  sb_map_view_set_tiles (map_view, tiles);
  sb_map_view_go_to (map_view, freetown[0], freetown[1], 6);
  sb_test_wait_until (notice_shown, map_view);
  g_assert_true (gtk_widget_compute_bounds (sb_test_find_label (GTK_WIDGET (map_view), sb_map_view_get_notice (map_view)),
                                            map, &notice));

  /* Freetown's dot at the notice's middle. */
  sb_map_view_go_to (map_view,
                     sb_mercator_latitude (sb_mercator_y (freetown[0]) -
                                           (notice.origin.y + notice.size.height / 2 - gtk_widget_get_height (map) / 2.0) / world),
                     (sb_mercator_x (freetown[1]) -
                      (notice.origin.x + notice.size.width / 2 - gtk_widget_get_width (map) / 2.0) / world) * 360 - 180, 6);
  frames_awaited = frames_drawn + 3;
  sb_test_wait_until (map_drawn, map);
  sb_test_screenshot ("names-clear-of-notice");

  names = sb_base_layer_get_shown_names (base);
  for (guint i = 0; i < names->len; i++)
    {
      const graphene_rect_t *name = &g_array_index (names, graphene_rect_t, i);

      if (graphene_rect_intersection (name, &notice, NULL))
        g_test_message ("a name at %.0f, %.0f, %.0f×%.0f under the notice at %.0f, %.0f, %.0f×%.0f", name->origin.x,
                        name->origin.y, name->size.width, name->size.height, notice.origin.x, notice.origin.y,
                        notice.size.width, notice.size.height);
      g_assert_false (graphene_rect_intersection (name, &notice, NULL));
      shown++;
    }
  g_assert_cmpuint (shown, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/map-redraw/edit-redraws-in-part", test_edit_redraws_in_part);
  g_test_add_func ("/map-redraw/cluster-badges", test_cluster_badges);
  g_test_add_func ("/map-redraw/last-filters-win", test_last_filters_win);
  g_test_add_func ("/map-redraw/place-hint-clear", test_place_hint_clear);
  g_test_add_func ("/map-redraw/place-described", test_place_described);
  g_test_add_func ("/map-redraw/names-clear-of-notice", test_names_clear_of_notice);

  return g_test_run ();
}
