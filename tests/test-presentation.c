/* test-presentation.c
 *
 * Presenting and exporting as a briefer does, under Xvfb: the keys of
 * slide software and clickers, the map at each step's camera, Escape back
 * to the window as it was, the choice of monitors, and exports: a PNG of
 * the size asked, a handout of one page a step, a clear error for a place
 * that cannot be written, and exports without a network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "sb-actor.h"
#include "sb-base-layer.h"
#include "sb-export.h"
#include "sb-format.h"
#include "sb-loader.h"
#include "sb-legend.h"
#include "sb-item-layer.h"
#include "sb-map-layer.h"
#include "sb-map-layout.h"
#include "sb-map-view.h"
#include "sb-mentioned-places.h"
#include "sb-framing.h"
#include "sb-projection.h"
#include "sb-presenter.h"
#include "sb-pulse.h"
#include "sb-presentation.h"
#include "sb-presentation-window.h"
#include "sb-presenter-console.h"
#include "sb-step.h"
#include "sb-symbols.h"
#include "sb-tile-setup.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"
#include "sb-test-model.h"

#define TIMEOUT_MS 20000
#define DEFAULT_BRIEFING_RESOURCE "/com/example/SahelBrief/briefings/sahel-2022-08.sahelbrief"

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

/* Keys */

static void
count_ended (SbPresentation *presentation,
             guint          *count)
{
  (*count)++;
}

static void
press (SbPresentation *presentation,
       guint           keyval)
{
  g_assert_true (sb_presentation_handle_key (presentation, keyval, 0));
}

static void
test_keys (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  const guint next_keys[] = { GDK_KEY_Page_Down, GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_space, GDK_KEY_Return, GDK_KEY_n, GDK_KEY_N };
  const guint previous_keys[] = { GDK_KEY_Page_Up, GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_BackSpace, GDK_KEY_p, GDK_KEY_P };
  guint n = sb_presentation_get_n_slides (presentation);
  guint ended = 0;

  g_assert_true (sb_presentation_has_steps (presentation));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (sb_briefing_get_steps (briefing)));
  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    {
      press (presentation, next_keys[i]);
      g_assert_cmpuint (sb_presentation_get_index (presentation), ==, i + 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    {
      press (presentation, previous_keys[i]);
      g_assert_cmpuint (sb_presentation_get_index (presentation), ==, G_N_ELEMENTS (next_keys) - 1 - i);
    }

  /* Not before the first, nor after the last. */
  press (presentation, GDK_KEY_Home);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);
  press (presentation, GDK_KEY_Left);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);
  press (presentation, GDK_KEY_End);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, n - 1);
  g_assert_false (sb_presentation_get_at_end (presentation));

  /* After the last step, the end screen; nothing after it; back from it
   * to the last step.
   */
  press (presentation, GDK_KEY_Right);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, n - 1);
  g_assert_true (sb_presentation_get_at_end (presentation));
  press (presentation, GDK_KEY_space);
  g_assert_true (sb_presentation_get_at_end (presentation));
  press (presentation, GDK_KEY_Left);
  g_assert_false (sb_presentation_get_at_end (presentation));
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, n - 1);
  press (presentation, GDK_KEY_Right);
  g_assert_true (sb_presentation_get_at_end (presentation));

  /* L shows and hides the legend. */
  g_assert_true (sb_presentation_get_legend_visible (presentation));
  press (presentation, GDK_KEY_l);
  g_assert_false (sb_presentation_get_legend_visible (presentation));
  press (presentation, GDK_KEY_L);
  g_assert_true (sb_presentation_get_legend_visible (presentation));

  /* A number, then Enter, jumps; the number is shown while typed. */
  press (presentation, GDK_KEY_3);
  g_assert_cmpstr (sb_presentation_get_typed_number (presentation), ==, "3");
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, n - 1);
  press (presentation, GDK_KEY_Return);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 2);
  g_assert_cmpstr (sb_presentation_get_typed_number (presentation), ==, "");
  press (presentation, GDK_KEY_1);
  press (presentation, GDK_KEY_KP_0);
  press (presentation, GDK_KEY_KP_Enter);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 9);
  press (presentation, GDK_KEY_9);
  press (presentation, GDK_KEY_9);
  press (presentation, GDK_KEY_Return);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, n - 1);
  /* Another key forgets the number typed. */
  press (presentation, GDK_KEY_2);
  press (presentation, GDK_KEY_Home);
  g_assert_cmpstr (sb_presentation_get_typed_number (presentation), ==, "");
  press (presentation, GDK_KEY_Return);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 1);

  /* B and "." black, W white; any key brings the picture back and does
   * nothing else.
   */
  press (presentation, GDK_KEY_b);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_BLACK);
  press (presentation, GDK_KEY_Right);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_NONE);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 1);
  press (presentation, GDK_KEY_period);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_BLACK);
  press (presentation, GDK_KEY_B);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_NONE);
  press (presentation, GDK_KEY_W);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_WHITE);
  /* A modifier alone is no key press. */
  g_assert_false (sb_presentation_handle_key (presentation, GDK_KEY_Shift_L, 0));
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_WHITE);
  press (presentation, GDK_KEY_x);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_NONE);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 1);

  /* Shortcuts with Control stay the application's. */
  g_assert_false (sb_presentation_handle_key (presentation, GDK_KEY_q, GDK_CONTROL_MASK));
  g_assert_false (sb_presentation_handle_key (presentation, GDK_KEY_x, 0));

  g_signal_connect (presentation, "ended", G_CALLBACK (count_ended), &ended);
  press (presentation, GDK_KEY_Escape);
  g_assert_cmpuint (ended, ==, 1);
  g_assert_true (sb_presentation_is_ended (presentation));
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return sb_date_compare (sb_item_get_date (*(SbItem **) a), sb_item_get_date (*(SbItem **) b));
}

static void
test_incidents_without_steps (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_BRIEFING_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(SbPresentation) presentation = NULL;
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *json = NULL;
  GListModel *model;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "steps");
  json_generator_set_root (generator, json_parser_get_root (parser));
  json = json_generator_to_data (generator, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (json, strlen (json));

  briefing = sb_loader_load_bytes (bytes, &problems);
  g_assert_nonnull (briefing);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_steps (briefing)), ==, 0);

  model = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (incidents, g_list_model_get_item (model, i));
  g_ptr_array_sort (incidents, compare_dates);

  presentation = sb_presentation_new (briefing);
  g_assert_false (sb_presentation_has_steps (presentation));
  g_assert_cmpuint (sb_presentation_get_n_slides (presentation), ==, incidents->len);
  g_assert_cmpuint (incidents->len, >, 1);

  for (guint i = 0; i < incidents->len; i++)
    {
      g_auto(SbSlide) slide = { 0, };

      g_assert_true (sb_presentation_describe (presentation, i, &slide));
      g_assert_true (SB_IS_ITEM (slide.entity));
      g_assert_true (slide.entity == g_ptr_array_index (incidents, i) ||
                     sb_date_compare (sb_item_get_date (SB_ITEM (slide.entity)),
                                      sb_item_get_date (g_ptr_array_index (incidents, i))) == 0);
      g_assert_nonnull (slide.title);
      g_assert_nonnull (slide.highlight);
    }
}

/* Presenting from the window */

typedef struct
{
  double lat, lon, zoom;
  gboolean sidebar_shown;
  int width, height;
  SbEntity *selected;
  SbLayers layers;
  gboolean filtered;
} WindowState;

static void
get_state (SbWindow    *window,
           WindowState *state)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (sb_window_get_map_view (window));
  SbSelection *selection = sb_window_get_selection (window);

  state->lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  state->lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  state->zoom = shumate_viewport_get_zoom_level (viewport);
  state->width = gtk_widget_get_width (GTK_WIDGET (window));
  state->height = gtk_widget_get_height (GTK_WIDGET (window));
  state->selected = sb_selection_get_selected (selection);
  state->layers = sb_selection_get_layers (selection);
  state->filtered = sb_selection_is_filtered (selection);
  state->sidebar_shown = gtk_widget_get_mapped (GTK_WIDGET (sb_window_get_map_view (window)));
}

static gboolean
presentation_settled (gpointer data)
{
  return gtk_widget_get_mapped (data) && !sb_presentation_window_is_moving (data);
}

static void
assert_at_target (SbPresentationWindow *presenting)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (sb_presentation_window_get_map_view (presenting));
  SbPresentation *presentation = sb_presentation_window_get_presentation (presenting);
  g_auto(SbSlide) slide = { 0, };
  double lat, lon, zoom;

  g_assert_true (sb_presentation_describe (presentation, sb_presentation_get_index (presentation), &slide));
  g_assert_true (sb_presentation_window_get_target (presenting, &lat, &lon, &zoom));

  /* A step with a centre gets it, at the zoom that shows its ground on
   * this screen, or (to show all it shows beside the legend, or the
   * names of towns at its edges) a little further out.
   */
  if (slide.has_center)
    {
      GtkWidget *map = GTK_WIDGET (sb_presentation_window_get_map_view (presenting));
      double fitted = sb_framing_camera_zoom_presented (slide.zoom, gtk_widget_get_width (map),
                                                        gtk_widget_get_height (map));

      /* (the map's size as the caption shown will leave it: a cut to a
       * step is checked before its caption is laid out) */
      g_assert_cmpfloat (zoom, <=, fitted + 0.05);
      g_assert_cmpfloat (zoom, >, fitted - 1);
    }

  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), lat, 1e-3);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), lon, 1e-3);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom, 1e-3);
}

/* The legend is laid out as it says it will be, the step's rows: within
 * what it measures (its margins and its card's shadow included), and
 * most of it.
 */
static gboolean
legend_laid_out (gpointer data)
{
  SbMapView *map_view = data;
  GtkWidget *map = GTK_WIDGET (sb_map_view_get_map (map_view));
  SbLegend *legend = sb_map_view_get_legend (map_view);
  graphene_rect_t shown, measured, around;

  if (!sb_legend_get_covered (legend, map, &shown) ||
      !sb_legend_measure_covered (legend, gtk_widget_get_width (map), gtk_widget_get_height (map), &measured))
    return FALSE;

  graphene_rect_inset_r (&measured, -2, -2, &around);
  return graphene_rect_contains_rect (&around, &shown) &&
         shown.size.width * shown.size.height >= 0.7 * measured.size.width * measured.size.height;
}

/* Whether the point at @x, @y of @authored shows on @shown, clear of
 * @legend, when it was in @authored's view.
 */
static gboolean
check_beside (const SbProjection    *authored,
              const SbProjection    *shown,
              const graphene_rect_t *legend,
              double                 unit_x,
              double                 unit_y,
              const char            *name)
{
  double ax, ay, x, y;

  sb_projection_unit_to_widget (authored, unit_x, unit_y, &ax, &ay);
  if (ax < 0 || ay < 0 || ax > 2 * authored->half_width || ay > 2 * authored->half_height)
    return FALSE;

  sb_projection_unit_to_widget (shown, unit_x, unit_y, &x, &y);
  g_test_message ("%s at %.0f, %.0f", name, x, y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, 2 * shown->half_width);
  g_assert_cmpfloat (y, <=, 2 * shown->half_height);
  g_assert_false (graphene_rect_contains_point (legend, &GRAPHENE_POINT_INIT (x, y)));
  return TRUE;
}

/* At a projector's 1024×768 (and an old one's 800×600) the compact
 * legend keeps to a corner, and each step shows the towns the briefing
 * names that its camera would show beside the legend, not under it: the
 * camera as it would be without the legend when none is under it, else a
 * little further out.
 */
static void
test_legend_beside_steps (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GPtrArray *towns = sb_mentioned_places_get (briefing);
  guint checked = 0, kept = 0, moved = 0, off = 0;

  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
  {
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
  GtkWidget *map = GTK_WIDGET (sb_map_view_get_map (map_view));

  gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
  gtk_window_present (GTK_WINDOW (presenting));
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

  for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
    {
      g_auto(SbSlide) slide = { 0, };
      double width, height, lat, lon, zoom;
      graphene_rect_t legend;
      SbProjection authored, shown;

      sb_presentation_set_index (presentation, i);
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
      g_assert_true (sb_test_run_until (legend_laid_out, map_view, TIMEOUT_MS));
      sb_test_iterate_for (100);
      width = gtk_widget_get_width (map);
      height = gtk_widget_get_height (map);

      g_assert_true (sb_legend_get_covered (sb_map_view_get_legend (map_view), map, &legend));
      g_test_message ("step %u at %d×%d: legend %.0f×%.0f on a map of %.0f×%.0f", i + 1, sizes[s][0], sizes[s][1],
                      legend.size.width, legend.size.height, width, height);
      g_assert_cmpfloat (legend.size.height, <=, 0.42 * height);
      g_assert_cmpfloat (legend.size.width * legend.size.height, <=, 0.12 * width * height);

      g_assert_true (sb_presentation_describe (presentation, i, &slide));
      sb_projection_init (&shown, sb_map_view_get_viewport (map_view), width, height);

      /* Where the step goes with nothing over the map: the towns it
       * shows there are beside the legend…
       */
      {
        gboolean under = FALSE;
        double target_lat, target_lon, target_zoom;

        graphene_rect_t credits;

        g_assert_true (sb_slide_get_camera_around (&slide, briefing, width, height, NULL, MAX (1.6, 1.8 * sizes[s][1] / 1080.0),
                                                   &lat, &lon, &zoom));
        sb_projection_init_at (&authored, lat, lon, zoom, width, height);
        for (guint t = 0; t < towns->len; t++)
          {
            const SbBasemapFeature *town = g_ptr_array_index (towns, t);
            graphene_rect_t near;
            double x, y;

            sb_projection_unit_to_widget (&authored, town->label_x, town->label_y, &x, &y);
            graphene_rect_inset_r (&legend, -30, -30, &near);
            under |= graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y));
            checked += check_beside (&authored, &shown, &legend, town->label_x, town->label_y, town->name);
          }
        /* (and the briefing's places known at a point) */
        {
          GListModel *places = sb_briefing_get_places (briefing);

          for (guint p = 0; p < g_list_model_get_n_items (places); p++)
            {
              g_autoptr(SbPlace) place = g_list_model_get_item (places, p);
              graphene_rect_t near;
              double x, y;

              if (sb_place_get_precision (place) > SB_PLACE_PRECISION_NEAR)
                continue;
              sb_projection_to_widget (&authored, sb_place_get_latitude (place), sb_place_get_longitude (place), &x, &y);
              graphene_rect_inset_r (&legend, -30, -30, &near);
              under |= graphene_rect_contains_point (&near, &GRAPHENE_POINT_INIT (x, y));
            }
        }

        /* … and with none under the legend, the camera is as it was,
         * clear of the caption and the attribution
         * (/presentation/steps-clear-of-credits).
         */
        g_assert_true (sb_map_view_measure_credits (map_view, width, height, &credits));
        sb_slide_keep_clear (&slide, briefing, width, height, &credits, MAX (1.6, 1.8 * sizes[s][1] / 1080.0),
                             &lat, &lon, &zoom);
        g_assert_true (sb_presentation_window_get_target (presenting, &target_lat, &target_lon, &target_zoom));
        if (!under && (fabs (target_lat - lat) > 1e-6 || fabs (target_lon - lon) > 1e-6 ||
                       fabs (target_zoom - zoom) > 1e-6))
          {
            /* (as the camera was framed for a map of the height the
             * caption had before it took on the screen's sizes:
             * /presentation/caption-settles-first)
             */
            g_test_message ("step %u at %d×%d: camera at %.6f, %.6f, zoom %.6f; %.6f, %.6f, zoom %.6f expected",
                            i + 1, sizes[s][0], sizes[s][1], target_lat, target_lon, target_zoom, lat, lon, zoom);
            off++;
          }
        else if (!under)
          kept++;
        else
          moved++;
      }
    }
  gtk_window_destroy (GTK_WINDOW (presenting));
  }

  g_assert_cmpuint (checked, >=, 10);
  g_test_message ("%u cameras kept, %u moved beside the legend, %u off", kept, moved, off);
  g_assert_cmpuint (off, ==, 0);
  g_assert_cmpuint (kept, >=, 1);

  /* With the caption at most 28 % of the screen, no built-in step has a
   * town under the legend: a legend as large as step 10's at 1024×768
   * was under the old caption, over Gao, moves the camera so that Gao
   * is beside it.
   */
  {
    g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
    g_auto(SbSlide) slide = { 0, };
    const SbBasemapFeature *gao = NULL;
    double lat, lon, zoom, around_lat, around_lon, around_zoom, x, y;
    SbProjection authored, shown;
    graphene_rect_t legend;

    for (guint t = 0; t < towns->len; t++)
      if (g_strcmp0 (((SbBasemapFeature *) g_ptr_array_index (towns, t))->name, "Gao") == 0)
        gao = g_ptr_array_index (towns, t);
    g_assert_true (sb_presentation_describe (presentation, 9, &slide));
    g_assert_true (sb_slide_get_camera_around (&slide, briefing, 1024, 520, NULL, 1.6, &lat, &lon, &zoom));
    sb_projection_init_at (&authored, lat, lon, zoom, 1024, 520);
    sb_projection_unit_to_widget (&authored, gao->label_x, gao->label_y, &x, &y);
    legend = GRAPHENE_RECT_INIT (x - 40, 8, 1024 - 8 - (x - 40), MAX (y + 20, 100));
    g_assert_true (sb_slide_get_camera_around (&slide, briefing, 1024, 520, &legend, 1.6,
                                               &around_lat, &around_lon, &around_zoom));
    g_assert_cmpfloat (around_zoom, <, zoom);
    sb_projection_init_at (&shown, around_lat, around_lon, around_zoom, 1024, 520);
    g_assert_true (check_beside (&authored, &shown, &legend, gao->label_x, gao->label_y, gao->name));
  }
  set_animations (TRUE);
}

/* A step's ground, on any screen: its camera's zoom is for a map of
 * SB_FRAMING_CAMERA_WIDTH × SB_FRAMING_CAMERA_HEIGHT, so 1920×1080 shows
 * step 1's Sahel larger, not more of Africa; and each town the briefing
 * names that a step shows lies far enough inside the map, clear of the
 * legend, for its name to show whole.
 */
static void
test_steps_fit_screen (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  double first_zoom[G_N_ELEMENTS (sizes)];
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GPtrArray *towns = sb_mentioned_places_get (briefing);
  guint checked = 0;

  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
      SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
      double scale = MAX (1.6, 1.8 * sizes[s][1] / 1080.0);

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

      for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
        {
          double width, height, lat, lon, zoom;
          graphene_rect_t legend;
          gboolean has_legend;
          SbProjection target;

          sb_presentation_set_index (presentation, i);
          g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
          g_assert_true (sb_test_run_until (legend_laid_out, map_view, TIMEOUT_MS));
          sb_test_iterate_for (100);
          width = gtk_widget_get_width (GTK_WIDGET (map_view));
          height = gtk_widget_get_height (GTK_WIDGET (map_view));
          has_legend = sb_legend_get_covered (sb_map_view_get_legend (map_view),
                                              GTK_WIDGET (sb_map_view_get_map (map_view)), &legend);
          g_assert_true (sb_presentation_window_get_target (presenting, &lat, &lon, &zoom));
          if (i == 0)
            first_zoom[s] = zoom;
          sb_projection_init_at (&target, lat, lon, zoom, width, height);

          for (guint t = 0; t < towns->len; t++)
            {
              const SbBasemapFeature *town = g_ptr_array_index (towns, t);
              double x, y;

              sb_projection_unit_to_widget (&target, town->label_x, town->label_y, &x, &y);
              if (x < 0 || x > width || y < 0 || y > height ||
                  (has_legend && graphene_rect_contains_point (&legend, &GRAPHENE_POINT_INIT (x, y))))
                continue;

              if (x < 9 * scale || x > width - 9 * scale || y < 11 * scale || y > height - 11 * scale)
                g_printerr ("step %u at %d×%d: %s at %.0f, %.0f on a map of %.0f×%.0f\n", i + 1,
                            sizes[s][0], sizes[s][1], town->name, x, y, width, height);
              g_assert_cmpfloat (x, >=, 9 * scale);
              g_assert_cmpfloat (x, <=, width - 9 * scale);
              g_assert_cmpfloat (y, >=, 11 * scale);
              g_assert_cmpfloat (y, <=, height - 11 * scale);
              checked++;
            }
        }

      gtk_window_destroy (GTK_WINDOW (presenting));
    }

  /* Step 1's Sahel on the larger screen: half a zoom level closer. */
  g_test_message ("step 1 at zoom %.2f (1024×768), %.2f (1920×1080)", first_zoom[0], first_zoom[1]);
  g_assert_cmpfloat (first_zoom[1], >, first_zoom[0] + 0.4);
  g_assert_cmpuint (checked, >=, 40);
  set_animations (TRUE);
}

/* A step presented shows the ground its camera was taken from, no
 * wider: on a projector the map under the caption is flatter than a
 * camera's ground, and the whole ground fitted into it showed a step
 * about 1.46 times as wide as the view it was taken from (1920×1080);
 * and making room for the names of towns at its edges went out in
 * rounds, half a zoom level at step 10 (1024×768). At most a fifth of
 * the ground's height is left out for it. (A camera moved beside the
 * legend goes further out, as /presentation/legend-beside-steps says.)
 */
static void
test_steps_as_wide_as_taken (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_autoptr(GFile) niger = g_file_new_build_filename (TEST_DATA_DIR, "niger-2024.sahelbrief", NULL);
  SbBriefing *briefings[] = { sb_test_load_default (), sb_loader_load_file (niger, NULL, NULL) };
  guint checked = 0;

  g_assert_nonnull (briefings[1]);
  set_animations (FALSE);
  for (guint n = 0; n < G_N_ELEMENTS (sizes) * G_N_ELEMENTS (briefings); n++)
    {
      const int *size = sizes[n % G_N_ELEMENTS (sizes)];
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefings[n / G_N_ELEMENTS (sizes)]);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
      GtkWidget *map = GTK_WIDGET (sb_presentation_window_get_map_view (presenting));

      gtk_window_set_default_size (GTK_WINDOW (presenting), size[0], size[1]);
      gtk_window_present (GTK_WINDOW (presenting));

      for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
        {
          g_auto(SbSlide) slide = { 0, };
          double lat, lon, zoom, ground_width, ground_height;

          sb_presentation_set_index (presentation, i);
          g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
          g_assert_true (sb_presentation_describe (presentation, i, &slide));
          if (!slide.has_center)
            continue;
          g_assert_true (sb_presentation_window_get_target (presenting, &lat, &lon, &zoom));

          /* (further out where the legend lay over a town: beside it) */
          {
            double alone_lat, alone_lon, alone_zoom;

            g_assert_true (sb_slide_get_camera_around (&slide, briefings[n / G_N_ELEMENTS (sizes)],
                                                       gtk_widget_get_width (map), gtk_widget_get_height (map), NULL,
                                                       MAX (1.6, 1.8 * size[1] / 1080.0),
                                                       &alone_lat, &alone_lon, &alone_zoom));
            if (fabs (alone_zoom - zoom) > 0.02)
              g_test_message ("step %u at %d×%d: moved beside the legend, %.2f of a zoom level out", i + 1,
                              size[0], size[1], alone_zoom - zoom);
            zoom = alone_zoom;
          }

          /* What the map shows, in the camera's pixels. */
          ground_width = gtk_widget_get_width (map) * exp2 (slide.zoom - zoom);
          ground_height = gtk_widget_get_height (map) * exp2 (slide.zoom - zoom);
          g_test_message ("step %u at %d×%d: %.0f × %.0f of the camera's %.0f × %.0f", i + 1, size[0], size[1],
                          ground_width, ground_height, SB_FRAMING_CAMERA_WIDTH, SB_FRAMING_CAMERA_HEIGHT);
          g_assert_cmpfloat (ground_width, <=, 1.1 * SB_FRAMING_CAMERA_WIDTH);
          g_assert_cmpfloat (ground_height, >=, 0.8 * SB_FRAMING_CAMERA_HEIGHT - 1);
          checked++;
        }

      gtk_window_destroy (GTK_WINDOW (presenting));
    }

  g_assert_cmpuint (checked, >=, 10);
  set_animations (TRUE);
  for (guint b = 0; b < G_N_ELEMENTS (briefings); b++)
    g_object_unref (briefings[b]);
}

/* A convoy on the road to Djibo, written here: a village placed by a
 * click (no town of the base map), and a step whose camera its author
 * took with the convoy's start at the bottom of the map.
 */
static const char convoy_briefing[] =
  "{\"format\": \"sahelbrief\", \"version\": 1, \"language\": \"en\", \"title\": \"Convoy\","
  " \"sources\": [{\"id\": \"s\", \"title\": \"Convoy reaches Djibo\", \"date\": \"2026-12-03\", \"language\": \"en\","
  "   \"text\": \"The convoy left Kaya for Djibo on 24 November. On 29 November the column was ambushed near"
  " Gaskind\u00e9, a village some 40 kilometres south of Djibo. At least 17 soldiers and 6 civilian drivers were"
  " killed, according to two security sources, and several trucks were set on fire.\"}],"
  " \"actors\": [{\"id\": \"army\", \"name\": \"Army\", \"kind\": \"national-forces\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"17 soldiers\"}]}],"
  " \"places\": ["
  "  {\"id\": \"djibo\", \"name\": \"Djibo\", \"lat\": 14.099, \"lon\": -1.627, \"precision\": \"point\"},"
  "  {\"id\": \"kaya\", \"name\": \"Kaya\", \"lat\": 13.0904, \"lon\": -1.09, \"precision\": \"point\"},"
  "  {\"id\": \"gaskinde\", \"name\": \"Gaskind\u00e9\", \"lat\": 13.7527, \"lon\": -1.6191, \"precision\": \"point\"}],"
  " \"movements\": [{\"id\": \"convoy\", \"title\": \"Convoy from Kaya to Djibo\", \"description\": \"A convoy.\", \"actor\": \"army\", \"date\": \"2026-11-24\","
  "   \"from\": \"kaya\", \"to\": \"djibo\", \"status\": \"completed\", \"certainty\": \"reported\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"The convoy left Kaya for Djibo on 24 November\"}]}],"
  " \"incidents\": [{\"id\": \"ambush\", \"type\": \"attack\", \"title\": \"Ambush near Gaskind\u00e9\", \"description\": \"An ambush.\","
  "   \"actors\": [\"army\"], \"place\": \"gaskinde\","
  "   \"date\": \"2026-11-29\", \"certainty\": \"reported\","
  "   \"citations\": [{\"source\": \"s\", \"quote\": \"On 29 November the column was ambushed near Gaskind\u00e9\"}]}],"
  " \"steps\": [{\"id\": \"ambush-step\", \"title\": \"Ambush near Gaskind\u00e9\","
  "   \"caption\": \"On 29 November the convoy was ambushed: at least 23 killed.\","
  "   \"camera\": {\"center\": {\"lat\": 14.218, \"lon\": -0.683}, \"zoom\": 8.578}, \"highlight\": [\"ambush\"],"
  "   \"citation\": {\"source\": \"s\", \"quote\": \"On 29 November the column was ambushed near Gaskind\u00e9, a village"
  " some 40 kilometres south of Djibo. At least 17 soldiers and 6 civilian drivers were killed, according to two"
  " security sources\"}}]}";

/* What a step frames lies in the map the caption leaves free: the
 * convoy's arrow, which the step's camera shows most of, is shown whole
 * with its start and Kaya's name above the caption of three lines, at
 * 1024×768 and 1920×1080.
 */
static void
test_caption_leaves_arrow (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_autoptr(GBytes) bytes = g_bytes_new_static (convoy_briefing, sizeof convoy_briefing - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = sb_loader_load_bytes (bytes, &problems);

  for (guint i = 0; briefing == NULL && problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", ((SbProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_nonnull (briefing);
  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
      SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
      double scale = MAX (1.6, 1.8 * sizes[s][1] / 1080.0);
      const double ends[][2] = { { 13.0904, -1.09 }, { 14.099, -1.627 } };
      double width, height, lat, lon, zoom;
      SbProjection target;

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
      sb_test_iterate_for (200);
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

      width = gtk_widget_get_width (GTK_WIDGET (map_view));
      height = gtk_widget_get_height (GTK_WIDGET (map_view));
      /* The caption took its room: the map is what is left above it. */
      g_assert_cmpfloat (height, <, sizes[s][1] * 0.85);
      g_assert_true (sb_presentation_window_get_target (presenting, &lat, &lon, &zoom));
      sb_projection_init_at (&target, lat, lon, zoom, width, height);

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          double x, y;

          sb_projection_to_widget (&target, ends[e][0], ends[e][1], &x, &y);
          if (x < 9 * scale || x > width - 9 * scale || y < 11 * scale || y > height - 11 * scale)
            g_printerr ("%d×%d: the convoy's %s at %.0f, %.0f on a map of %.0f×%.0f\n", sizes[s][0], sizes[s][1],
                        e == 0 ? "start" : "end", x, y, width, height);
          g_assert_cmpfloat (x, >=, 9 * scale);
          g_assert_cmpfloat (x, <=, width - 9 * scale);
          g_assert_cmpfloat (y, >=, 11 * scale);
          g_assert_cmpfloat (y, <=, height - 11 * scale);
        }

      gtk_window_destroy (GTK_WINDOW (presenting));
    }
  set_animations (TRUE);
}

static GtkWidget *
find_license (GtkWidget *widget)
{
  if (SHUMATE_IS_LICENSE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_license (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Nothing a step frames lies under the caption or the attribution: the
 * blockade briefing (made in the app at 1024×768, its steps taken in the
 * narrow map between the side panes) ended its convoy to Bamako under the
 * caption, the arrowhead and the schools' symbol at Bamako under "©
 * OpenStreetMap contributors". Each place the briefing knows at a point
 * and each town it names, where a step shows them, keep half a symbol's
 * room from the caption and from the attribution as laid out.
 */
static void
test_steps_clear_of_credits (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "mali-blockade-2025.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  guint checked = 0;

  g_assert_nonnull (briefing);
  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
      GtkWidget *map = GTK_WIDGET (sb_presentation_window_get_map_view (presenting));
      double room = 12 * MAX (1.6, 1.8 * sizes[s][1] / 1080.0);
      GtkWidget *license;

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));
      license = find_license (map);
      g_assert_nonnull (license);

      for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
        {
          GPtrArray *towns = sb_mentioned_places_get (briefing);
          GListModel *places = sb_briefing_get_places (briefing);
          double width, height, lat, lon, zoom;
          graphene_rect_t credits;
          SbProjection target;

          sb_presentation_set_index (presentation, i);
          g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
          width = gtk_widget_get_width (map);
          height = gtk_widget_get_height (map);
          g_assert_true (gtk_widget_compute_bounds (license, map, &credits));
          g_assert_cmpfloat (credits.size.width, >, 0);
          g_assert_true (sb_presentation_window_get_target (presenting, &lat, &lon, &zoom));
          sb_projection_init_at (&target, lat, lon, zoom, width, height);

          for (guint p = 0; p < towns->len + g_list_model_get_n_items (places); p++)
            {
              g_autofree char *name = NULL;
              graphene_rect_t around;
              double x, y;

              if (p < towns->len)
                {
                  const SbBasemapFeature *town = g_ptr_array_index (towns, p);

                  sb_projection_unit_to_widget (&target, town->label_x, town->label_y, &x, &y);
                  name = g_strdup (town->name);
                }
              else
                {
                  g_autoptr(SbPlace) place = g_list_model_get_item (places, p - towns->len);

                  if (sb_place_get_precision (place) > SB_PLACE_PRECISION_NEAR)
                    continue;
                  sb_projection_to_widget (&target, sb_place_get_latitude (place), sb_place_get_longitude (place),
                                           &x, &y);
                  name = g_strdup (sb_text_get (sb_place_get_name (place)));
                }

              if (x < -room || x > width + room || y < -room || y > height + room)
                continue;

              graphene_rect_inset_r (&credits, -room, -room, &around);
              if (y > height - room || graphene_rect_contains_point (&around, &GRAPHENE_POINT_INIT (x, y)))
                g_test_message ("step %u at %d×%d: %s at %.0f, %.0f on a map of %.0f×%.0f, the attribution at "
                                "%.0f, %.0f", i + 1, sizes[s][0], sizes[s][1], name, x, y, width, height,
                                credits.origin.x, credits.origin.y);
              g_assert_cmpfloat (y, <=, height - room);
              g_assert_false (graphene_rect_contains_point (&around, &GRAPHENE_POINT_INIT (x, y)));
              checked++;
            }
        }

      gtk_window_destroy (GTK_WINDOW (presenting));
    }

  g_assert_cmpuint (checked, >=, 20);
  set_animations (TRUE);
}

static void
collect_layers (GtkWidget *widget,
                GPtrArray *layers)
{
  if (SB_IS_MAP_LAYER (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (layers, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_layers (child, layers);
}

static gboolean
layers_drawn (gpointer data)
{
  GtkWidget *widget = data;

  if (SB_IS_PRESENTATION_WINDOW (widget))
    return presentation_settled (widget) &&
           !sb_map_layers_are_drawing (GTK_WIDGET (sb_presentation_window_get_map_view (SB_PRESENTATION_WINDOW (widget))));

  return gtk_widget_get_mapped (widget) && !sb_map_layers_are_drawing (widget);
}

/* Whether a base map name shows under a name of the briefing's towns;
 * which, in the test's messages, with @when.
 */
static gboolean
names_under_towns (SbBaseLayer               *base,
                   SbMapLayout               *layout,
                   const SbMapLayerTransform *to_view,
                   const char                *when)
{
  GArray *names = sb_base_layer_get_shown_names (base);

  for (guint t = 0; t < layout->towns->len; t++)
    {
      const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);
      graphene_rect_t label = GRAPHENE_RECT_INIT ((town->label.origin.x - to_view->dx) * to_view->scale,
                                                  (town->label.origin.y - to_view->dy) * to_view->scale,
                                                  town->label.size.width * to_view->scale,
                                                  town->label.size.height * to_view->scale);

      for (guint n = 0; n < names->len; n++)
        {
          graphene_rect_t overlap;

          if (graphene_rect_intersection (&label, &g_array_index (names, graphene_rect_t, n), &overlap) &&
              overlap.size.width > 2 && overlap.size.height > 2)
            {
              g_test_message ("%s: %s's name at %.0f, %.0f over a base map name at %.0f, %.0f", when, town->town->name,
                              label.origin.x, label.origin.y, g_array_index (names, graphene_rect_t, n).origin.x,
                              g_array_index (names, graphene_rect_t, n).origin.y);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* What the map shows agrees with itself: every layer of the briefing
 * draws the one layout, the layout of the view shown (its projection the
 * viewport's), and no name of the base map shows under a town's name the
 * layout placed. Checked at each step, after each change of step and
 * after the screen changes size.
 */
static void
assert_labels_follow_view (GtkWidget  *settling,
                           SbMapView  *map_view,
                           const char *when)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (map_view);
  SbBaseLayer *base = SB_BASE_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_BASE_LAYER));
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(SbMapLayout) first = NULL;
  SbMapLayerTransform to_view = { 0, };

  g_assert_true (sb_test_run_until (layers_drawn, settling, TIMEOUT_MS));
  /* The base map leaves out names in a frame after the briefing's layer
   * drew: frames come slowly under Xvfb.
   */
  sb_test_iterate_for (1000);
  g_assert_true (sb_test_run_until (layers_drawn, settling, TIMEOUT_MS));

  collect_layers (GTK_WIDGET (map_view), layers);
  g_assert_cmpuint (layers->len, >=, 2);
  for (guint i = 0; i < layers->len; i++)
    {
      SbProjection drawn;
      SbMapLayerTransform transform;
      g_autoptr(SbMapLayout) layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, i), &drawn, &transform);
      double scale = transform.scale > 0 ? transform.scale : 1.0;

      /* Drawn at the viewport's zoom (a texture from another would be
       * stretched, its names with it).
       */
      if (fabs (log2 (drawn.world_size * scale / SB_TILE_SIZE) - shumate_viewport_get_zoom_level (viewport)) > 1e-3)
        g_printerr ("%s: %s drawn at zoom %g, shown at %g\n", when, G_OBJECT_TYPE_NAME (g_ptr_array_index (layers, i)),
                    log2 (drawn.world_size * scale / SB_TILE_SIZE), shumate_viewport_get_zoom_level (viewport));
      g_assert_cmpfloat (fabs (log2 (drawn.world_size * scale / SB_TILE_SIZE) - shumate_viewport_get_zoom_level (viewport)),
                         <, 1e-3);
      if (first == NULL)
        {
          first = sb_map_layout_ref (layout);
          to_view = transform;
        }
      if (layout != first)
        g_printerr ("%s: %s draws another layout than %s\n", when, G_OBJECT_TYPE_NAME (g_ptr_array_index (layers, i)),
                    G_OBJECT_TYPE_NAME (g_ptr_array_index (layers, 0)));
      g_assert_true (layout == first);
    }

  /* The base map leaves out the names under the briefing's a frame or
   * more after: under a sanitizer on a loaded machine, seconds after.
   */
  for (guint waited = 0; names_under_towns (base, first, &to_view, when); waited += 200)
    {
      g_assert_cmpuint (waited, <, TIMEOUT_MS);
      sb_test_iterate_for (200);
    }
}

static void
test_labels_follow_view (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
  const int sizes[][2] = { { 1920, 1080 }, { 1024, 768 } };
  const char *chosen[] = { "germany-leaves-via-gao", "russia-lands-at-gao", "wagner-group", NULL };
  SbWindow *window;

  gtk_window_set_default_size (GTK_WINDOW (presenting), 1024, 768);
  gtk_window_present (GTK_WINDOW (presenting));
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

  for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
    {
      g_autofree char *when = g_strdup_printf ("step %u", i + 1);

      sb_presentation_set_index (presentation, i);
      assert_labels_follow_view (GTK_WIDGET (presenting), map_view, when);
    }

  /* Step 2 (Gao and Timbuktu), after the screen changed size and back. */
  sb_presentation_set_index (presentation, 1);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *when = g_strdup_printf ("step 2 at %d×%d", sizes[s][0], sizes[s][1]);

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_widget_queue_resize (GTK_WIDGET (presenting));
      sb_test_iterate_for (300);
      assert_labels_follow_view (GTK_WIDGET (presenting), map_view, when);
    }

  /* Back and forth between steps, with the map flying. */
  set_animations (TRUE);
  sb_presentation_set_index (presentation, 0);
  sb_presentation_next (presentation);
  assert_labels_follow_view (GTK_WIDGET (presenting), map_view, "step 2 from step 1");
  sb_presentation_next (presentation);
  sb_presentation_previous (presentation);
  assert_labels_follow_view (GTK_WIDGET (presenting), map_view, "step 2 from step 3");
  gtk_window_destroy (GTK_WINDOW (presenting));

  /* The window: a choice after another, the window made smaller. */
  window = sb_test_window_new (NULL, 1920, 1080);
  map_view = sb_window_get_map_view (window);
  for (guint c = 0; c < G_N_ELEMENTS (chosen); c++)
    {
      g_autofree char *when = g_strdup_printf ("the window, %s chosen", chosen[c] ? chosen[c] : "nothing");

      if (chosen[c] != NULL)
        sb_selection_select (sb_window_get_selection (window), sb_test_lookup (sb_window_get_briefing (window), chosen[c]));
      else
        sb_selection_clear (sb_window_get_selection (window));
      assert_labels_follow_view (GTK_WIDGET (map_view), map_view, when);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  sb_test_iterate_for (300);
  sb_selection_select (sb_window_get_selection (window), sb_test_lookup (sb_window_get_briefing (window), chosen[1]));
  assert_labels_follow_view (GTK_WIDGET (map_view), map_view, "the window at 1024×768");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where @name's dot and its name are in the view, as @map_view's layers
 * drew them.
 */
static gboolean
find_drawn_town (SbMapView       *map_view,
                 const char      *name,
                 graphene_rect_t *dot,
                 graphene_rect_t *label)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  SbMapLayerTransform to_view;
  SbProjection drawn;

  collect_layers (GTK_WIDGET (map_view), layers);
  g_assert_cmpuint (layers->len, >=, 1);
  layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, 0), &drawn, &to_view);
  g_assert_nonnull (layout);
  for (guint t = 0; t < layout->towns->len; t++)
    {
      const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);

      if (g_strcmp0 (town->town->name, name) != 0)
        continue;

      *dot = GRAPHENE_RECT_INIT ((town->x - 3 - to_view.dx) * to_view.scale, (town->y - 3 - to_view.dy) * to_view.scale,
                                 6 * to_view.scale, 6 * to_view.scale);
      *label = GRAPHENE_RECT_INIT ((town->label.origin.x - to_view.dx) * to_view.scale,
                                   (town->label.origin.y - to_view.dy) * to_view.scale,
                                   town->label.size.width * to_view.scale, town->label.size.height * to_view.scale);
      return TRUE;
    }

  return FALSE;
}

/* The scale never covers a town the briefing names: with the map moved
 * so that Gao's dot lies under the scale in the bottom left corner, at
 * 1024×768 and 1920×1080, the scale goes elsewhere and Gao and its name
 * show clear of it.
 */
static void
test_scale_clear_of_towns (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GPtrArray *towns = sb_mentioned_places_get (briefing);
  const SbBasemapFeature *gao = NULL;

  for (guint t = 0; t < towns->len; t++)
    if (g_strcmp0 (((SbBasemapFeature *) g_ptr_array_index (towns, t))->name, "Gao") == 0)
      gao = g_ptr_array_index (towns, t);
  g_assert_nonnull (gao);

  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
      SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
      GtkWidget *map = GTK_WIDGET (sb_map_view_get_map (map_view));
      GtkWidget *scale = sb_test_find_widget (GTK_WIDGET (map_view), SHUMATE_TYPE_SCALE);
      graphene_rect_t scale_box, dot, label;
      double width, height, world, zoom = 6.5;

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));
      sb_presentation_set_index (presentation, 3);
      g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
      g_assert_true (gtk_widget_compute_bounds (scale, map, &scale_box));

      /* Gao's dot under the scale, in its upper half. */
      width = gtk_widget_get_width (map);
      height = gtk_widget_get_height (map);
      world = SB_TILE_SIZE * exp2 (zoom);
      sb_map_view_go_to (map_view,
                         sb_mercator_latitude (gao->label_y - (scale_box.origin.y + scale_box.size.height * 0.3 - height / 2) / world),
                         (gao->label_x - (scale_box.origin.x + 25 - width / 2) / world) * 360.0 - 180.0, zoom);
      sb_test_iterate_for (300);
      g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));

      g_assert_true (gtk_widget_compute_bounds (scale, map, &scale_box));
      g_assert_true (find_drawn_town (map_view, "Gao", &dot, &label));
      g_test_message ("%d×%d: the scale at %.0f, %.0f (%.0f × %.0f), Gao at %.0f, %.0f, its name at %.1f, %.1f (%.1f × %.1f) on a map of %.0f × %.0f",
                      sizes[s][0], sizes[s][1], scale_box.origin.x, scale_box.origin.y, scale_box.size.width,
                      scale_box.size.height, dot.origin.x, dot.origin.y, label.origin.x, label.origin.y,
                      label.size.width, label.size.height, width, height);
      g_assert_true (graphene_rect_contains_rect (&GRAPHENE_RECT_INIT (0, 0, width, height), &dot));
      g_assert_false (graphene_rect_intersection (&scale_box, &dot, NULL));
      g_assert_false (graphene_rect_intersection (&scale_box, &label, NULL));
      g_assert_true (graphene_rect_contains_rect (&GRAPHENE_RECT_INIT (0, 0, width, height), &label));

      gtk_window_destroy (GTK_WINDOW (presenting));
    }
  set_animations (TRUE);
}

/* Incidents on a country's card can be told apart from the back of the
 * room: at 1024×768, Mali's badges at step 3 are at least 38 pixels
 * across (a quarter of the screenshot, ten), as large as a symbol at a
 * point (they were 29, and their glyphs ran together).
 */
static void
test_card_badges_readable (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  SbMapLayerTransform to_view;
  SbProjection drawn;
  guint on_cards = 0;

  set_animations (FALSE);
  gtk_window_set_default_size (GTK_WINDOW (presenting), 1024, 768);
  gtk_window_present (GTK_WINDOW (presenting));
  sb_presentation_set_index (presentation, 2);
  g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));

  collect_layers (GTK_WIDGET (map_view), layers);
  layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, 0), &drawn, &to_view);
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const SbMapMark *mark = &g_array_index (layout->marks, SbMapMark, i);

      if (mark->card < 0 || sb_item_get_kind (mark->item) != SB_ITEM_KIND_INCIDENT)
        continue;

      g_assert_cmpfloat (2 * mark->radius * to_view.scale, >=, 38);
      on_cards++;
    }
  g_assert_cmpuint (on_cards, >=, 5);

  /* In the window they stay as they were: it shows more at once. */
  {
    SbWindow *window = sb_test_window_new (NULL, 1024, 768);
    GtkWidget *map = GTK_WIDGET (sb_window_get_map_view (window));
    g_autoptr(GPtrArray) window_layers = g_ptr_array_new ();
    g_autoptr(SbMapLayout) window_layout = NULL;

    g_assert_true (sb_test_run_until (layers_drawn, map, TIMEOUT_MS));
    collect_layers (map, window_layers);
    window_layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (window_layers, 0), &drawn, &to_view);
    for (guint i = 0; i < window_layout->marks->len; i++)
      {
        const SbMapMark *mark = &g_array_index (window_layout->marks, SbMapMark, i);

        if (mark->card >= 0 && sb_item_get_kind (mark->item) == SB_ITEM_KIND_INCIDENT)
          g_assert_cmpfloat (2 * mark->radius * (to_view.scale > 0 ? to_view.scale : 1), <, 20);
      }
    gtk_window_destroy (GTK_WINDOW (window));
  }

  set_animations (TRUE);
  gtk_window_destroy (GTK_WINDOW (presenting));
}

/* The "?" of a movement's end not given and its head, as the movement
 * layer draws them: the "?" with its glow when highlighted.
 */
static void
stub_boxes (const SbMapArrow *arrow,
            graphene_rect_t  *mark,
            graphene_rect_t  *head)
{
  double length = (arrow->selected ? 5.0 : 3.5) * 4.5;
  double radius = length * 0.55 + (arrow->selected ? 4 : 0);
  double angle = atan2 (arrow->y1 - arrow->y0, arrow->x1 - arrow->x0);
  double mark_x = arrow->origin_unknown ? arrow->x0 : arrow->x1;
  double mark_y = arrow->origin_unknown ? arrow->y0 : arrow->y1;
  double tip_x, tip_y;

  if (arrow->origin_unknown)
    {
      tip_x = arrow->x1;
      tip_y = arrow->y1;
    }
  else
    {
      double tip = MAX (length, hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0) - radius - 2);

      tip_x = arrow->x0 + cos (angle) * tip;
      tip_y = arrow->y0 + sin (angle) * tip;
    }

  *mark = GRAPHENE_RECT_INIT (mark_x - radius, mark_y - radius, 2 * radius, 2 * radius);
  /* The head's middle, half its length back from its tip. */
  *head = GRAPHENE_RECT_INIT (tip_x - cos (angle) * length / 2 - length / 3, tip_y - sin (angle) * length / 2 - length / 3,
                              2 * length / 3, 2 * length / 3);
}

static gboolean
in_triangle (double px, double py, const double t[6])
{
  double d1 = (px - t[2]) * (t[1] - t[3]) - (t[0] - t[2]) * (py - t[3]);
  double d2 = (px - t[4]) * (t[3] - t[5]) - (t[2] - t[4]) * (py - t[5]);
  double d3 = (px - t[0]) * (t[5] - t[1]) - (t[4] - t[0]) * (py - t[1]);

  return !(((d1 < 0) || (d2 < 0) || (d3 < 0)) && ((d1 > 0) || (d2 > 0) || (d3 > 0)));
}

/* How many square pixels of @box a stub's head covers, as
 * sb_symbol_paint_arrow_head() draws it: a dart, its tip where the head
 * points; of them only those within @disc_radius of the box's middle
 * when it is more than 0.
 */
static double
head_over_shape (const SbMapArrow     *arrow,
                 const graphene_rect_t *box,
                 double                 disc_radius)
{
  double size = (arrow->selected ? 5.0 : 3.5) * 4.5;
  double angle = atan2 (arrow->y1 - arrow->y0, arrow->x1 - arrow->x0);
  double x = arrow->x1, y = arrow->y1, covered = 0;

  if (!arrow->origin_unknown)
    {
      double tip = MAX (size, hypot (arrow->x1 - arrow->x0, arrow->y1 - arrow->y0) - size * 0.55 - 2);

      x = arrow->x0 + cos (angle) * tip;
      y = arrow->y0 + sin (angle) * tip;
    }

  {
    double left[6] = { x, y, x - size * cos (angle - 0.45), y - size * sin (angle - 0.45),
                       x - size * 0.7 * cos (angle), y - size * 0.7 * sin (angle) };
    double right[6] = { x, y, x - size * 0.7 * cos (angle), y - size * 0.7 * sin (angle),
                        x - size * cos (angle + 0.45), y - size * sin (angle + 0.45) };

    double cx = box->origin.x + box->size.width / 2, cy = box->origin.y + box->size.height / 2;

    for (double py = box->origin.y + 0.5; py < box->origin.y + box->size.height; py += 1)
      for (double px = box->origin.x + 0.5; px < box->origin.x + box->size.width; px += 1)
        if (disc_radius <= 0 || hypot (px - cx, py - cy) <= disc_radius)
          covered += in_triangle (px, py, left) || in_triangle (px, py, right);
  }

  return covered;
}

static double
head_over (const SbMapArrow     *arrow,
           const graphene_rect_t *box)
{
  return head_over_shape (arrow, box, 0);
}

/* Whether a stub's "?" or head touches a symbol drawn at a point, or its
 * ring when highlighted: round, as sb-symbols.c draws it (the ring's
 * stroke included), where a box's corners would let them by.
 */
static gboolean
stub_touches_symbol (const SbMapArrow *arrow,
                     const SbMapMark  *symbol)
{
  double reach = symbol->selected ? symbol->radius * SB_SYMBOL_RING_SCALE + SB_SYMBOL_RING_GAP + 1.25
                                  : symbol->radius + 1;
  graphene_rect_t mark, head;

  stub_boxes (arrow, &mark, &head);
  return hypot (mark.origin.x + mark.size.width / 2 - symbol->x, mark.origin.y + mark.size.height / 2 - symbol->y) <
         reach + mark.size.width / 2 ||
         head_over_shape (arrow, &GRAPHENE_RECT_INIT (symbol->x - reach, symbol->y - reach, 2 * reach, 2 * reach),
                          reach) > 1;
}

static double
overlap_area (const graphene_rect_t *a,
              const graphene_rect_t *b)
{
  graphene_rect_t both;

  return graphene_rect_intersection (a, b, &both) ? both.size.width * both.size.height : 0;
}

/* The heads and "?" of movements known at one end keep clear of the
 * towns' names, of cards and of each other, as names do of symbols: at
 * Gao, where the Germans left for somewhere and the Russians came from
 * somewhere, at every step at 1024×768 and 1920×1080. And of symbols
 * and their rings: the "?" of the US troops leaving Niamey touched the
 * Africa Corps' ring there (the briefing on Niger made by hand).
 */
static void
test_stubs_clear_of_names (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_autoptr(GFile) niger = g_file_new_build_filename (TEST_DATA_DIR, "niger-2024.sahelbrief", NULL);
  SbBriefing *briefings[] = { sb_test_load_default (), sb_loader_load_file (niger, NULL, NULL) };
  guint checked = 0, crowded = 0;

  g_assert_nonnull (briefings[1]);
  set_animations (FALSE);
  for (guint n = 0; n < G_N_ELEMENTS (sizes) * G_N_ELEMENTS (briefings); n++)
    {
      SbBriefing *briefing = briefings[n / G_N_ELEMENTS (sizes)];
      guint s = n % G_N_ELEMENTS (sizes);
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
      SbMapView *map_view = sb_presentation_window_get_map_view (presenting);

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));

      for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
        {
          g_autoptr(GPtrArray) layers = g_ptr_array_new ();
          g_autoptr(SbMapLayout) layout = NULL;
          SbMapLayerTransform to_view;
          SbProjection drawn;
          graphene_rect_t view;

          sb_presentation_set_index (presentation, i);
          g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
          sb_test_iterate_for (200);
          g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
          collect_layers (GTK_WIDGET (map_view), layers);
          layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, 0), &drawn, &to_view);
          view = GRAPHENE_RECT_INIT (to_view.dx, to_view.dy, gtk_widget_get_width (GTK_WIDGET (map_view)) / to_view.scale,
                                     gtk_widget_get_height (GTK_WIDGET (map_view)) / to_view.scale);

          for (guint a = 0; a < layout->arrows->len; a++)
            {
              const SbMapArrow *arrow = &g_array_index (layout->arrows, SbMapArrow, a);
              const char *id = sb_entity_get_id (SB_ENTITY (arrow->item));
              graphene_rect_t mark, head;

              if (!arrow->origin_unknown && !arrow->destination_unknown)
                continue;
              stub_boxes (arrow, &mark, &head);
              if (!graphene_rect_intersection (&view, &mark, NULL))
                continue;
              checked++;

              for (guint t = 0; t < layout->towns->len; t++)
                {
                  const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);

                  if (!graphene_rect_contains_point (&view, &GRAPHENE_POINT_INIT (town->x, town->y)))
                    continue;
                  if (overlap_area (&mark, &town->label) > 4 || head_over (arrow, &town->label) > 4)
                    {
                      gboolean by_mark = overlap_area (&mark, &town->label) > 4;

                      g_printerr ("step %u at %d×%d: %s's %s at %.0f, %.0f over %s's name at %.0f, %.0f\n",
                                  i + 1, sizes[s][0], sizes[s][1], id, by_mark ? "“?”" : "head",
                                  by_mark ? mark.origin.x : head.origin.x, by_mark ? mark.origin.y : head.origin.y,
                                  town->town->name, town->label.origin.x, town->label.origin.y);
                      crowded++;
                    }
                }
              for (guint m = 0; m < layout->marks->len; m++)
                {
                  const SbMapMark *symbol = &g_array_index (layout->marks, SbMapMark, m);

                  if (symbol->card < 0 && stub_touches_symbol (arrow, symbol))
                    {
                      g_printerr ("step %u at %d×%d: %s's “?” or head against %s's symbol%s\n", i + 1, sizes[s][0],
                                  sizes[s][1], id, sb_entity_get_id (SB_ENTITY (symbol->item)),
                                  symbol->selected ? " and its ring" : "");
                      crowded++;
                    }
                }
              for (guint c = 0; c < layout->cards->len; c++)
                if (overlap_area (&mark, &g_array_index (layout->cards, SbMapCard, c).box) > 4)
                  {
                    g_printerr ("step %u at %d×%d: %s's “?” over %s's card\n", i + 1, sizes[s][0], sizes[s][1], id,
                                sb_entity_get_id (SB_ENTITY (g_array_index (layout->cards, SbMapCard, c).place)));
                    crowded++;
                  }
              for (guint b = a + 1; b < layout->arrows->len; b++)
                {
                  const SbMapArrow *other = &g_array_index (layout->arrows, SbMapArrow, b);
                  graphene_rect_t other_mark, other_head;

                  if (!other->origin_unknown && !other->destination_unknown)
                    continue;
                  stub_boxes (other, &other_mark, &other_head);
                  if (overlap_area (&mark, &other_mark) > 4 || overlap_area (&mark, &other_head) > 4 ||
                      overlap_area (&head, &other_mark) > 4)
                    {
                      g_printerr ("step %u at %d×%d: %s and %s crowd each other (%s)\n", i + 1, sizes[s][0], sizes[s][1], id,
                                  sb_entity_get_id (SB_ENTITY (other->item)),
                                  overlap_area (&mark, &other_mark) > 4 ? "their “?”" :
                                  overlap_area (&mark, &other_head) > 4 ? "the first's “?”, the other's head" :
                                  "the first's head, the other's “?”");
                      crowded++;
                    }
                }
            }
        }

      gtk_window_destroy (GTK_WINDOW (presenting));
    }

  g_test_message ("%u heads and “?” checked", checked);
  g_assert_cmpuint (checked, >=, 10);
  g_assert_cmpuint (crowded, ==, 0);
  set_animations (TRUE);
  for (guint b = 0; b < G_N_ELEMENTS (briefings); b++)
    g_object_unref (briefings[b]);
}

/* A briefing about a country whose places are its regions names the
 * country, where its symbols, arrows and towns leave room: the briefing
 * on Niger made by hand never said NIGER (its name's place was under the
 * arrow out of Agadez, and the base map leaves the name to the layer
 * only for countries known whole).
 */
static void
test_region_countries_named (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "niger-2024.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
  guint named = 0;

  g_assert_nonnull (briefing);
  set_animations (FALSE);
  gtk_window_set_default_size (GTK_WINDOW (presenting), 1024, 768);
  gtk_window_present (GTK_WINDOW (presenting));

  for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
    {
      g_autoptr(GPtrArray) layers = g_ptr_array_new ();
      g_autoptr(SbMapLayout) layout = NULL;
      SbMapLayerTransform to_view;
      SbProjection drawn;
      graphene_rect_t view;
      gboolean niger = FALSE;

      sb_presentation_set_index (presentation, i);
      g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
      sb_test_iterate_for (200);
      g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
      collect_layers (GTK_WIDGET (map_view), layers);
      layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, 0), &drawn, &to_view);
      view = GRAPHENE_RECT_INIT (to_view.dx, to_view.dy, gtk_widget_get_width (GTK_WIDGET (map_view)) / to_view.scale,
                                 gtk_widget_get_height (GTK_WIDGET (map_view)) / to_view.scale);

      for (guint c = 0; c < layout->country_names->len; c++)
        {
          const SbMapTown *name = &g_array_index (layout->country_names, SbMapTown, c);

          if (g_strcmp0 (name->town->iso_a3, "NER") == 0)
            {
              g_test_message ("step %u: NIGER at %.0f, %.0f", i + 1, name->label.origin.x, name->label.origin.y);
              g_assert_true (graphene_rect_contains_rect (&view, &name->label));
              niger = TRUE;
            }
        }
      /* (named as the base map names countries, from zoom 3 to 7.5) */
      if (drawn.zoom >= 3.0 && drawn.zoom <= 7.5)
        g_assert_true (niger);
      named += niger;
    }

  g_assert_cmpuint (named, >=, 2);
  set_animations (TRUE);
  gtk_window_destroy (GTK_WINDOW (presenting));
}

/* A briefing opens framed beside the legend's button in its corner: the
 * briefing on Niger put Agadez under it, at 1024×768 (the button was not
 * laid out yet when the briefing was framed). Each symbol at a point and
 * each town the briefing names lies clear of it, and in view.
 */
static void
test_overview_beside_legend (void)
{
  g_autoptr(GFile) niger = g_file_new_build_filename (TEST_DATA_DIR, "niger-2024.sahelbrief", NULL);
  GFile *files[] = { NULL, niger };
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  guint checked = 0;

  for (guint n = 0; n < G_N_ELEMENTS (files) * G_N_ELEMENTS (sizes); n++)
    {
      const int *size = sizes[n % G_N_ELEMENTS (sizes)];
      SbWindow *window = sb_test_window_new (files[n / G_N_ELEMENTS (sizes)], size[0], size[1]);
      SbMapView *map_view = sb_window_get_map_view (window);
      GtkWidget *map = GTK_WIDGET (sb_map_view_get_map (map_view));
      g_autoptr(GPtrArray) layers = g_ptr_array_new ();
      g_autoptr(SbMapLayout) layout = NULL;
      SbMapLayerTransform to_view;
      SbProjection drawn;
      graphene_rect_t legend, shown;
      double scale;

      g_assert_true (sb_test_run_until (layers_drawn, GTK_WIDGET (map_view), TIMEOUT_MS));
      sb_test_iterate_for (200);
      g_assert_true (sb_test_run_until (layers_drawn, GTK_WIDGET (map_view), TIMEOUT_MS));
      /* (the button with its margins, as the map keeps labels from it) */
      g_assert_true (sb_legend_measure_covered (sb_map_view_get_legend (map_view), gtk_widget_get_width (map),
                                                gtk_widget_get_height (map), &legend));
      shown = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (map) - sb_map_view_get_covered (map_view),
                                  gtk_widget_get_height (map));
      collect_layers (GTK_WIDGET (map_view), layers);
      layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, 0), &drawn, &to_view);
      scale = to_view.scale > 0 ? to_view.scale : 1;

      for (guint m = 0; m < layout->marks->len; m++)
        {
          const SbMapMark *mark = &g_array_index (layout->marks, SbMapMark, m);
          graphene_rect_t box = GRAPHENE_RECT_INIT ((mark->x - mark->radius - to_view.dx) * scale,
                                                    (mark->y - mark->radius - to_view.dy) * scale,
                                                    2 * mark->radius * scale, 2 * mark->radius * scale);

          if (mark->card >= 0)
            continue;
          g_test_message ("%d×%d: %s at %.0f, %.0f; the legend's button at %.0f, %.0f (%.0f × %.0f)", size[0], size[1],
                          sb_entity_get_id (SB_ENTITY (mark->item)), box.origin.x, box.origin.y,
                          legend.origin.x, legend.origin.y, legend.size.width, legend.size.height);
          g_assert_true (graphene_rect_contains_rect (&shown, &box));
          g_assert_false (graphene_rect_intersection (&legend, &box, NULL));
          checked++;
        }
      for (guint t = 0; t < layout->towns->len; t++)
        {
          const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);
          graphene_rect_t label = GRAPHENE_RECT_INIT ((town->label.origin.x - to_view.dx) * scale,
                                                      (town->label.origin.y - to_view.dy) * scale,
                                                      town->label.size.width * scale, town->label.size.height * scale);

          if (graphene_rect_intersection (&shown, &label, NULL))
            g_assert_false (graphene_rect_intersection (&legend, &label, NULL));
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_assert_cmpuint (checked, >=, 8);
}

/* How many names of towns in view @layout's cards cover or touch (less
 * than a pixel between, at the map's scale 1), each said with @when.
 */
static guint
count_cards_on_names (SbMapLayout           *layout,
                      const graphene_rect_t *view,
                      const char            *when)
{
  guint touching = 0;

  for (guint c = 0; c < layout->cards->len; c++)
    {
      const SbMapCard *card = &g_array_index (layout->cards, SbMapCard, c);
      graphene_rect_t around;

      graphene_rect_inset_r (&card->box, -1, -1, &around);
      for (guint t = 0; t < layout->towns->len; t++)
        {
          const SbMapTown *town = &g_array_index (layout->towns, SbMapTown, t);

          if (!graphene_rect_contains_point (view, &GRAPHENE_POINT_INIT (town->x, town->y)) ||
              overlap_area (&around, &town->label) < 0.01)
            continue;
          if (when == NULL)
            return 1;
          g_printerr ("%s: %s's card at %.1f, %.1f (%.1f × %.1f) on %s's name at %.1f, %.1f (%.1f × %.1f)\n", when,
                      sb_entity_get_id (SB_ENTITY (card->place)), card->box.origin.x, card->box.origin.y,
                      card->box.size.width, card->box.size.height, town->town->name, town->label.origin.x,
                      town->label.origin.y, town->label.size.width, town->label.size.height);
          touching++;
        }
    }

  return touching;
}

static guint
count_drawn_cards_on_names (SbMapView  *map_view,
                            const char *when)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  SbMapLayerTransform to_view;
  SbProjection drawn;
  graphene_rect_t view;
  double scale;

  collect_layers (GTK_WIDGET (map_view), layers);
  layout = sb_map_layer_get_drawn_layout (g_ptr_array_index (layers, 0), &drawn, &to_view);
  scale = to_view.scale > 0 ? to_view.scale : 1;
  view = GRAPHENE_RECT_INIT (to_view.dx, to_view.dy, gtk_widget_get_width (GTK_WIDGET (map_view)) / scale,
                             gtk_widget_get_height (GTK_WIDGET (map_view)) / scale);
  return count_cards_on_names (layout, &view, when);
}

/* How long a map may take to be laid out where it stays. */
#define SETTLE_MS 10000

static gboolean
no_card_on_names (gpointer map_view)
{
  return count_drawn_cards_on_names (map_view, NULL) == 0;
}

/* Cards keep off the towns' names, with room between, once the map is
 * laid out for where it stays (a layout drawn on the way, for a view the
 * caption had not yet made its room in, may differ: seen under the
 * sanitizer): in the window at
 * 1920×1080 and 1024×768 with nothing, Wagner (Togo's card touched
 * Cotonou's name), the junta or Germany's leaving chosen, and at each
 * step presented at both sizes.
 */
static void
test_cards_off_names (void)
{
  const int sizes[][2] = { { 1920, 1080 }, { 1024, 768 } };
  const char *chosen[] = { NULL, "wagner-group", "mali-junta", "germany-leaves-via-gao" };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  guint touching = 0;

  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      SbWindow *window = sb_test_window_new (NULL, sizes[s][0], sizes[s][1]);
      SbMapView *map_view = sb_window_get_map_view (window);
      g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
      SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);

      for (guint c = 0; c < G_N_ELEMENTS (chosen); c++)
        {
          g_autofree char *when = g_strdup_printf ("the window at %d×%d, %s chosen", sizes[s][0], sizes[s][1],
                                                   chosen[c] ? chosen[c] : "nothing");
          SbEntity *entity = chosen[c] ? sb_test_lookup (sb_window_get_briefing (window), chosen[c]) : NULL;

          if (chosen[c] != NULL)
            g_assert_nonnull (entity);
          if (entity != NULL)
            sb_selection_select (sb_window_get_selection (window), entity);
          else
            sb_selection_clear (sb_window_get_selection (window));
          sb_test_iterate_for (300);
          g_assert_true (sb_test_run_until (layers_drawn, GTK_WIDGET (map_view), TIMEOUT_MS));
          sb_test_iterate_for (300);
          g_assert_true (sb_test_run_until (layers_drawn, GTK_WIDGET (map_view), TIMEOUT_MS));
          if (!sb_test_run_until (no_card_on_names, map_view, SETTLE_MS))
            touching += count_drawn_cards_on_names (map_view, when);
        }
      gtk_window_destroy (GTK_WINDOW (window));

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));
      for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
        {
          g_autofree char *when = g_strdup_printf ("step %u at %d×%d", i + 1, sizes[s][0], sizes[s][1]);

          sb_presentation_set_index (presentation, i);
          g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
          sb_test_iterate_for (200);
          g_assert_true (sb_test_run_until (layers_drawn, presenting, TIMEOUT_MS));
          if (!sb_test_run_until (no_card_on_names, sb_presentation_window_get_map_view (presenting), SETTLE_MS))
            touching += count_drawn_cards_on_names (sb_presentation_window_get_map_view (presenting), when);
        }
      gtk_window_destroy (GTK_WINDOW (presenting));
    }

  /* (Burkina Faso's card was on Cotonou's name at step 1, 1024×768, and
   * with Debian 13's fonts Togo's card against Porto-Novo's: the names
   * of three towns close together took each other's sides; the cases
   * are printed above)
   */
  g_assert_cmpuint (touching, ==, 0);
  set_animations (TRUE);
}

/* The base map's names show whole or not at all: none is cut at the
 * map's edge ("Bir Lehlou" at the top of step 2 at 1920×1080), at any
 * step.
 */
static void
test_base_names_whole (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
  SbBaseLayer *base_layer = SB_BASE_LAYER (sb_test_find_widget (GTK_WIDGET (sb_map_view_get_map (map_view)),
                                                                   SB_TYPE_BASE_LAYER));
  guint shown = 0;

  g_assert_nonnull (base_layer);
  set_animations (FALSE);
  gtk_window_set_default_size (GTK_WINDOW (presenting), 1920, 1080);
  gtk_window_present (GTK_WINDOW (presenting));
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

  for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
    {
      GArray *names;
      graphene_rect_t view;

      sb_presentation_set_index (presentation, i);
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
      sb_test_iterate_for (300);
      names = sb_base_layer_get_shown_names (base_layer);
      view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (base_layer)),
                                 gtk_widget_get_height (GTK_WIDGET (base_layer)));
      for (guint n = 0; n < names->len; n++)
        {
          const graphene_rect_t *name = &g_array_index (names, graphene_rect_t, n);

          if (!graphene_rect_contains_rect (&view, name))
            g_printerr ("step %u: a name at %.0f, %.0f (%.0f × %.0f) on a map of %.0f × %.0f\n", i + 1,
                        name->origin.x, name->origin.y, name->size.width, name->size.height,
                        view.size.width, view.size.height);
          g_assert_true (graphene_rect_contains_rect (&view, name));
          shown++;
        }
    }

  g_test_message ("%u names shown whole", shown);
  g_assert_cmpuint (shown, >, 50);
  set_animations (TRUE);
  gtk_window_destroy (GTK_WINDOW (presenting));
}

static gboolean
pulse_running (gpointer data)
{
  return sb_pulse_is_running (data) && sb_pulse_get_n_rings (data) > 0;
}

/* The rings that swell around a step's statements stay on their symbols
 * while the map moves under them: a statement on a country's card, its
 * card laid out anew at another zoom, keeps its ring.
 */
static void
test_pulse_follows (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  SbMapView *map_view = sb_presentation_window_get_map_view (presenting);
  ShumateViewport *viewport = sb_map_view_get_viewport (map_view);
  SbPulse *pulse = SB_PULSE (sb_test_find_widget (GTK_WIDGET (presenting), SB_TYPE_PULSE));
  SbItem *wagner = SB_ITEM (sb_briefing_lookup (briefing, "wagner-mali"));
  g_auto(SbSlide) slide = { 0, };
  guint step = 0, ring = 0;

  set_animations (TRUE);
  gtk_window_set_default_size (GTK_WINDOW (presenting), 1024, 768);
  gtk_window_present (GTK_WINDOW (presenting));
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

  /* The step about Wagner, known only to Mali: on Mali's card. */
  for (step = 0; step < sb_presentation_get_n_slides (presentation); step++)
    {
      g_auto(SbSlide) other = { 0, };

      sb_presentation_describe (presentation, step, &other);
      if (other.highlight != NULL && other.highlight->len > 0 && g_ptr_array_index (other.highlight, 0) == (gpointer) wagner)
        break;
    }
  g_assert_true (sb_presentation_describe (presentation, step, &slide));
  sb_presentation_set_index (presentation, step);
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
  g_assert_true (sb_test_run_until (pulse_running, pulse, TIMEOUT_MS));

  for (int zoom_step = 0; zoom_step < 2; zoom_step++)
    {
      double x, y, ring_x, ring_y;

      g_assert_true (sb_map_view_locate_item (map_view, wagner, &x, &y));
      for (ring = 0; ring < sb_pulse_get_n_rings (pulse); ring++)
        {
          g_assert_true (sb_pulse_locate_ring (pulse, ring, &ring_x, &ring_y));
          if (hypot (ring_x - x, ring_y - y) < 1)
            break;
        }
      g_assert_cmpuint (ring, <, sb_pulse_get_n_rings (pulse));

      /* Half a zoom level in: the card is laid out anew. */
      if (zoom_step == 0)
        {
          double before_x = x, before_y = y;

          sb_map_view_go_to (map_view, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                             shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                             shumate_viewport_get_zoom_level (viewport) + 0.5);
          sb_test_iterate_for (300);
          g_assert_true (sb_pulse_is_running (pulse));
          g_assert_true (sb_map_view_locate_item (map_view, wagner, &x, &y));
          g_test_message ("Wagner's symbol from %.0f, %.0f to %.0f, %.0f", before_x, before_y, x, y);
        }
    }

  gtk_window_destroy (GTK_WINDOW (presenting));
}

static gboolean
presentation_gone (gpointer data)
{
  return sb_presenter_get_window (sb_window_get_presenter (data)) == NULL;
}

static void
test_present_and_escape (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  SbPresentationWindow *presenting;
  SbPresentation *presentation;
  WindowState before, after;
  guint n;

  set_animations (TRUE);
  get_state (window, &before);

  /* F5 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.start", NULL));
  presenting = sb_presenter_get_window (sb_window_get_presenter (window));
  g_assert_nonnull (presenting);
  g_object_add_weak_pointer (G_OBJECT (presenting), (gpointer *) &presenting);
  presentation = sb_presentation_window_get_presentation (presenting);
  n = sb_presentation_get_n_slides (presentation);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (presenting), "projector"));

  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);
  assert_at_target (presenting);

  /* The map flies to each step and ends at its camera. */
  for (guint i = 1; i < n; i++)
    {
      g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_Page_Down, 0));
      g_assert_cmpuint (sb_presentation_get_index (presentation), ==, i);
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
      assert_at_target (presenting);
    }

  /* With animations off, it cuts: there at once. */
  set_animations (FALSE);
  g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_Home, 0));
  g_assert_false (sb_presentation_window_is_moving (presenting));
  assert_at_target (presenting);
  set_animations (TRUE);

  /* Blanking covers the map. */
  g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_b, 0));
  sb_test_iterate_for (150);
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_BLACK);
  g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_space, 0));
  g_assert_cmpint (sb_presentation_get_blank (presentation), ==, SB_BLANK_NONE);
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);

  /* The briefing window was never touched; Escape brings it back. */
  g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_Escape, 0));
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));
  sb_test_iterate_for (150);
  g_assert_null (presenting);
  get_state (window, &after);
  g_assert_cmpfloat_with_epsilon (after.lat, before.lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (after.lon, before.lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (after.zoom, before.zoom, 1e-9);
  g_assert_cmpint (after.width, ==, before.width);
  g_assert_cmpint (after.height, ==, before.height);
  g_assert_true (after.selected == before.selected);
  g_assert_cmpint (after.layers, ==, before.layers);
  g_assert_cmpint (after.filtered, ==, before.filtered);
  g_assert_cmpint (after.sidebar_shown, ==, before.sidebar_shown);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_present_at_current (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GListModel *steps = sb_briefing_get_steps (briefing);
  SbPresentationWindow *presenting;
  SbPresentation *presentation;
  SbStep *step = NULL;
  guint index = 0;

  /* The first step after the first that highlights a statement. */
  for (guint i = 1; i < g_list_model_get_n_items (steps) && step == NULL; i++)
    {
      g_autoptr(SbStep) candidate = g_list_model_get_item (steps, i);
      GPtrArray *highlight = sb_step_get_highlight (candidate);

      if (highlight != NULL && highlight->len > 0 && SB_IS_ITEM (g_ptr_array_index (highlight, 0)))
        {
          step = candidate;
          index = i;
          sb_selection_select (sb_window_get_selection (window), g_ptr_array_index (highlight, 0));
        }
    }
  g_assert_nonnull (step);

  /* Shift+F5 starts at the step showing what is selected… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.resume", NULL));
  presenting = sb_presenter_get_window (sb_window_get_presenter (window));
  presentation = sb_presentation_window_get_presentation (presenting);
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
  g_assert_cmpuint (sb_presentation_get_index (presentation), <=, index);
  {
    g_auto(SbSlide) slide = { 0, };

    sb_presentation_describe (presentation, sb_presentation_get_index (presentation), &slide);
    g_assert_true (g_ptr_array_find (slide.highlight, sb_selection_get_selected (sb_window_get_selection (window)), NULL));
  }
  assert_at_target (presenting);

  /* …and, with nothing selected, where the last one ended. */
  sb_presentation_set_index (presentation, 4);
  sb_presentation_end (presentation);
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));
  sb_selection_clear (sb_window_get_selection (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.resume", NULL));
  presentation = sb_presentation_window_get_presentation (sb_presenter_get_window (sb_window_get_presenter (window)));
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 4);
  sb_presentation_end (presentation);
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));

  /* F5 always starts at the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.start", NULL));
  presentation = sb_presentation_window_get_presentation (sb_presenter_get_window (sb_window_get_presenter (window)));
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);
  sb_presentation_end (presentation);
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
pointer_hidden (gpointer data)
{
  return sb_presentation_window_pointer_hidden (data);
}

static void
test_pointer_hides (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  /* Before the window is made: it counts the pointer's idle time from
   * then (a sanitizer build took 130 ms to make it).
   */
  gint64 start = g_get_monotonic_time ();
  SbPresentationWindow *presenting = sb_presenter_start (sb_window_get_presenter (window), FALSE);

  g_assert_false (sb_presentation_window_pointer_hidden (presenting));
  g_assert_true (sb_test_run_until (pointer_hidden, presenting, TIMEOUT_MS));
  /* After two idle seconds; the upper bound only says "not much later",
   * generously, as a sanitizer build on a loaded machine took 6.3 s.
   */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1900 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15000 * 1000);

  sb_presentation_end (sb_presentation_window_get_presentation (presenting));
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_pictures (GtkWidget *widget,
                  GPtrArray *pictures)
{
  if (GTK_IS_PICTURE (widget))
    g_ptr_array_add (pictures, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_pictures (child, pictures);
}

/* How many colours a picture has, and a digest of its pixels. */
static guint
texture_colours (GdkTexture *texture,
                 guint32    *digest)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  *digest = 0;
  for (int i = 0; i < width * height; i++)
    {
      *digest = *digest * 31 + pixels[i];
      g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i] & 0xffffff));
    }

  return g_hash_table_size (colours);
}

/* The console shows the map of the step on screen and of the next one,
 * drawn from the base map and the briefing, without tiles. */
static void
test_console_previews (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresenterConsole *console = sb_presenter_console_new (presentation);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  guint n = sb_presentation_get_n_slides (presentation);
  GtkPicture *current, *next;
  guint32 current_digest, next_digest, moved_digest;

  gtk_window_present (GTK_WINDOW (console));
  sb_test_iterate_for (300);
  collect_pictures (GTK_WIDGET (console), pictures);
  g_assert_cmpuint (pictures->len, ==, 2);
  current = g_ptr_array_index (pictures, 0);
  next = g_ptr_array_index (pictures, 1);

  g_assert_true (GDK_IS_TEXTURE (gtk_picture_get_paintable (current)));
  g_assert_true (GDK_IS_TEXTURE (gtk_picture_get_paintable (next)));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (gtk_picture_get_paintable (current))), ==, 720);
  g_assert_cmpint (gdk_texture_get_height (GDK_TEXTURE (gtk_picture_get_paintable (current))), ==, 405);
  g_assert_cmpuint (texture_colours (GDK_TEXTURE (gtk_picture_get_paintable (current)), &current_digest), >, 50);
  g_assert_cmpuint (texture_colours (GDK_TEXTURE (gtk_picture_get_paintable (next)), &next_digest), >, 50);
  g_assert_cmpuint (current_digest, !=, next_digest);

  /* A step on: what was next is on screen. */
  {
    gint64 start = g_get_monotonic_time ();

    sb_presentation_next (presentation);
    g_test_message ("both step maps drawn in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  }
  texture_colours (GDK_TEXTURE (gtk_picture_get_paintable (current)), &moved_digest);
  g_assert_cmpuint (moved_digest, ==, next_digest);

  /* At the last step there is nothing next. */
  sb_presentation_set_index (presentation, n - 1);
  g_assert_null (gtk_picture_get_paintable (next));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (next)));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (console), "The end of the presentation"));

  gtk_window_destroy (GTK_WINDOW (console));
}

/* Two monitors are not to be had under Xvfb: the choice is tested with
 * monitor objects of the display's type.
 */
static void
test_monitors (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GListStore) monitors = g_list_store_new (GDK_TYPE_MONITOR);
  g_autoptr(GdkMonitor) real = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  g_autoptr(GdkMonitor) laptop = g_object_new (G_OBJECT_TYPE (real), "display", display, NULL);
  g_autoptr(GdkMonitor) projector = g_object_new (G_OBJECT_TYPE (real), "display", display, NULL);
  GdkMonitor *console, *present;

  g_list_store_append (monitors, laptop);
  present = sb_presenter_choose_monitors (G_LIST_MODEL (monitors), laptop, NULL, &console);
  g_assert_true (present == laptop);
  g_assert_null (console);

  g_list_store_append (monitors, projector);
  present = sb_presenter_choose_monitors (G_LIST_MODEL (monitors), laptop, NULL, &console);
  g_assert_true (present == projector);
  g_assert_true (console == laptop);

  present = sb_presenter_choose_monitors (G_LIST_MODEL (monitors), projector, "", &console);
  g_assert_true (present == laptop);
  g_assert_true (console == projector);

  /* A preferred monitor that is not connected changes nothing. */
  present = sb_presenter_choose_monitors (G_LIST_MODEL (monitors), laptop, "HDMI-9", &console);
  g_assert_true (present == projector);
  g_assert_true (console == laptop);
}

/* Exports */

typedef struct
{
  gboolean done;
  gboolean ok;
  guint missing;
  GError *error;
} ExportResult;

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportResult *export = user_data;

  export->ok = sb_export_finish (result, &export->missing, &export->error);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportResult *) data)->done;
}

static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = sb_test_make_temp_dir ("sb-presentation-XXXXXX");

  return g_build_filename (dir, name, NULL);
}

static void
export_view (SbWindow         *window,
             ShumateMapSource *tiles,
             SbExportFormat    format,
             int               width,
             int               height,
             const char       *path,
             ExportResult     *result)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (sb_window_get_map_view (window));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  memset (result, 0, sizeof *result);
  sb_export_view_async (sb_window_get_selection (window), tiles,
                        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                        shumate_viewport_get_zoom_level (viewport),
                        gtk_widget_get_width (GTK_WIDGET (sb_window_get_map_view (window))),
                        gtk_widget_get_height (GTK_WIDGET (sb_window_get_map_view (window))),
                        format, width, height, file, NULL, NULL, NULL, on_exported, result);
  g_assert_true (sb_test_run_until (export_done, result, TIMEOUT_MS));
}

static guint
count_page_objects (const char *data,
                    gsize       length)
{
  g_autoptr(GRegex) regex = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint count = 0;

  g_regex_match_full (regex, data, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      count++;
      g_match_info_next (match, NULL);
    }

  return count;
}

static GBytes *
inflate (const char *data,
         gsize       length)
{
  g_autoptr(GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize read_total = 0;

  for (;;)
    {
      guint8 buffer[65536];
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (inflater, data + read_total, length - read_total, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, NULL);
      read_total += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
      if (result == G_CONVERTER_ERROR || result == G_CONVERTER_FINISHED ||
          (bytes_read == 0 && bytes_written == 0))
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static const char *
find_bytes (const char *data,
            const char *end,
            const char *needle)
{
  gsize needle_length = strlen (needle);

  for (const char *p = data; p + needle_length <= end; p++)
    if (memcmp (p, needle, needle_length) == 0)
      return p;

  return NULL;
}

/* Page objects, in the file or, as cairo 1.18 writes them, in its
 * compressed object streams.
 */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  const char *p, *end;
  gsize length;
  guint count;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  count = count_page_objects (contents, length);
  end = contents + length;
  for (p = find_bytes (contents, end, ">>\nstream"); p != NULL; p = find_bytes (p, end, ">>\nstream"))
    {
      const char *start = p + 9;
      const char *stop;

      if (*start == '\r')
        start++;
      if (*start == '\n')
        start++;
      stop = find_bytes (start, end, "endstream");
      if (stop == NULL)
        break;
      {
        g_autoptr(GBytes) inflated = inflate (start, stop - start);
        gsize size;
        const char *data = g_bytes_get_data (inflated, &size);

        count += count_page_objects (data, size);
      }
      p = stop + 9;
    }

  return count;
}

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, NULL);

  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

static void
test_export_view (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  g_autofree char *png = temp_path ("view.png");
  g_autofree char *small = temp_path ("view-1024.png");
  g_autofree char *pdf = temp_path ("view.pdf");
  ExportResult result;

  export_view (window, NULL, SB_EXPORT_PNG, 1920, 1080, png, &result);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpuint (result.missing, ==, 0);
  assert_png_size (png, 1920, 1080);

  export_view (window, NULL, SB_EXPORT_PNG, 1024, 768, small, &result);
  g_assert_no_error (result.error);
  assert_png_size (small, 1024, 768);

  export_view (window, NULL, SB_EXPORT_PDF, 0, 0, pdf, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The words on a PDF's pages, through poppler's pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status;

  g_assert_nonnull (program);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* A label wrapped in its column reads as one line. */
  return g_strdelimit (text, "\n", ' ');
}

/* The legend names what the view shows, and only that. */
static void
test_export_legend (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  SbWindow *window;
  SbSelection *selection;
  SbBriefing *briefing;
  SbActor *wagner;
  g_autofree char *pdf = temp_path ("legend.pdf");
  g_autofree char *filtered_pdf = temp_path ("legend-filtered.pdf");
  g_autofree char *text = NULL;
  g_autofree char *filtered = NULL;
  ExportResult result;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed: install poppler-utils to read the exported PDF");
      return;
    }

  window = sb_test_window_new (NULL, 1280, 800);
  selection = sb_window_get_selection (window);
  briefing = sb_selection_get_briefing (selection);
  wagner = SB_ACTOR (sb_briefing_lookup (briefing, "wagner-group"));
  g_assert_nonnull (wagner);

  export_view (window, NULL, SB_EXPORT_PDF, 0, 0, pdf, &result);
  g_assert_no_error (result.error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Actors"));
  g_assert_nonnull (strstr (text, "Wagner group"));
  g_assert_nonnull (strstr (text, "Incidents"));
  g_assert_nonnull (strstr (text, sb_format_incident_type (SB_INCIDENT_TYPE_ARREST)));
  g_assert_nonnull (strstr (text, "How certain"));
  g_assert_nonnull (strstr (text, sb_format_certainty (SB_CERTAINTY_FEARED)));

  /* Every way the page draws, and every actor on it: never "and more". */
  g_assert_nonnull (strstr (text, "Movements"));
  g_assert_nonnull (strstr (text, "Known only to a country"));
  g_assert_nonnull (strstr (text, "Area at risk"));
  g_assert_nonnull (strstr (text, "Departed"));
  g_assert_null (strstr (text, "more actor"));
  {
    GListModel *actors = sb_briefing_get_actors (briefing);
    GListModel *items = sb_briefing_get_all_items (briefing);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(SbItem) item = g_list_model_get_item (items, i);
        const char *name;

        if (sb_item_get_n_actors (item) == 0)
          continue;
        name = sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 0)));
        if (strstr (text, name) == NULL)
          g_test_message ("not in the legend: %s", name);
        g_assert_nonnull (strstr (text, name));
      }
    g_assert_cmpuint (g_list_model_get_n_items (actors), >, 10);
  }

  sb_selection_set_actor_visible (selection, wagner, FALSE);
  sb_selection_set_layer_visible (selection, SB_LAYER_INCIDENTS, FALSE);
  export_view (window, NULL, SB_EXPORT_PDF, 0, 0, filtered_pdf, &result);
  g_assert_no_error (result.error);
  filtered = pdf_text (filtered_pdf);
  g_assert_nonnull (strstr (filtered, "Actors"));
  g_assert_null (strstr (filtered, "Wagner group"));
  g_assert_null (strstr (filtered, "Incidents"));
  g_assert_null (strstr (filtered, sb_format_incident_type (SB_INCIDENT_TYPE_ARREST)));

  sb_selection_reset_filters (selection);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_named (const char     *chosen,
              SbExportFormat  format,
              const char     *written)
{
  g_autoptr(GFile) file = g_file_new_for_path (chosen);
  g_autoptr(GFile) named = sb_export_file_for_format (file, format);
  g_autofree char *path = g_file_get_path (named);

  g_assert_cmpstr (path, ==, written);
}

/* The file type chosen in the dialog is the one written, and named so. */
static void
test_export_file_type (void)
{
  assert_named ("/tmp/map.png", SB_EXPORT_PDF, "/tmp/map.pdf");
  assert_named ("/tmp/map.PNG", SB_EXPORT_PDF, "/tmp/map.pdf");
  assert_named ("/tmp/map.pdf", SB_EXPORT_PNG, "/tmp/map.png");
  assert_named ("/tmp/map", SB_EXPORT_PDF, "/tmp/map.pdf");
  assert_named ("/tmp/map.png", SB_EXPORT_PNG, "/tmp/map.png");
  assert_named ("/tmp/map.PDF", SB_EXPORT_PDF, "/tmp/map.PDF");
  assert_named ("/tmp/Mali 2022.v2", SB_EXPORT_PNG, "/tmp/Mali 2022.v2.png");
  assert_named ("/tmp/.png", SB_EXPORT_PDF, "/tmp/.png.pdf");
}

static void
test_export_handout (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autofree char *path = temp_path ("handout.pdf");
  g_autofree char *with_notes = temp_path ("handout-notes.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) notes_file = g_file_new_for_path (with_notes);
  guint n_steps = g_list_model_get_n_items (sb_briefing_get_steps (briefing));
  ExportResult result = { 0, };

  sb_export_handout_async (briefing, NULL, FALSE, file, NULL, NULL, NULL, on_exported, &result);
  g_assert_true (sb_test_run_until (export_done, &result, TIMEOUT_MS));
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpuint (count_pdf_pages (path), ==, n_steps);

  memset (&result, 0, sizeof result);
  sb_export_handout_async (briefing, NULL, TRUE, notes_file, NULL, NULL, NULL, on_exported, &result);
  g_assert_true (sb_test_run_until (export_done, &result, TIMEOUT_MS));
  g_assert_no_error (result.error);
  g_assert_cmpuint (count_pdf_pages (with_notes), ==, n_steps);
}

static void
test_export_unwritable (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  g_autofree char *dir = temp_path ("missing-folder");
  g_autofree char *path = g_build_filename (dir, "view.png", NULL);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportResult result;

  export_view (window, NULL, SB_EXPORT_PNG, 1920, 1080, path, &result);
  g_assert_false (result.ok);
  g_assert_error (result.error, SB_EXPORT_ERROR, SB_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (result.error->message, "view.png"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&result.error);

  memset (&result, 0, sizeof result);
  sb_export_handout_async (briefing, NULL, FALSE, file, NULL, NULL, NULL, on_exported, &result);
  g_assert_true (sb_test_run_until (export_done, &result, TIMEOUT_MS));
  g_assert_error (result.error, SB_EXPORT_ERROR, SB_EXPORT_ERROR_WRITE);
  g_clear_error (&result.error);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An export that fails half-way (here the file size limit of the
 * process, as a full disk would) or is cancelled leaves the file it was
 * to replace as it was.
 */
static void
test_export_keeps_file (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  g_autoptr(ShumateMapSource) tiles = sb_tile_setup_http ("http://127.0.0.1:9/{z}/{x}/{y}.png", "Nowhere",
                                                          "© Nowhere", NULL, 19);
  g_autofree char *path = temp_path ("kept-handout.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  ExportResult result = { 0, };

  g_assert_true (g_file_set_contents (path, "the user's own file", -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 16 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  sb_export_handout_async (briefing, NULL, FALSE, file, NULL, NULL, NULL, on_exported, &result);
  g_assert_true (sb_test_run_until (export_done, &result, TIMEOUT_MS));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_error (result.error, SB_EXPORT_ERROR, SB_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (result.error->message, "kept-handout.pdf"));
  g_clear_error (&result.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the user's own file");
  g_clear_pointer (&contents, g_free);

  /* Cancelled while the tiles are fetched. */
  sb_export_set_tile_timeout (2000);
  memset (&result, 0, sizeof result);
  sb_export_handout_async (briefing, tiles, FALSE, file, NULL, NULL, cancellable, on_exported, &result);
  sb_test_iterate_for (100);
  g_cancellable_cancel (cancellable);
  g_assert_true (sb_test_run_until (export_done, &result, TIMEOUT_MS));
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the user's own file");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* A label shown in @root whose text starts with @prefix. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *prefix;
} LabelWanted;

static gboolean
label_shown (gpointer data)
{
  LabelWanted *wanted = data;

  return find_label_starting (wanted->root, wanted->prefix) != NULL;
}

/* A briefing of three steps: a short passage, then one too long for any
 * caption, translated short, then one whose translation is as long.
 */
static SbBriefing *
load_long_quote (void)
{
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing;

  for (int i = 0; i < 40; i++)
    g_string_append (sentence, "De kolonne trok langs de rivier naar het oosten en verder. ");
  g_string_truncate (sentence, sentence->len - 1);

  json = g_strdup_printf (
    "{ \"format\": \"sahelbrief\", \"version\": 2, \"title\": \"Lang\", \"language\": \"nl\",\n"
    "  \"sources\": [ { \"id\": \"s\", \"title\": \"Bron\", \"date\": \"2022\", \"language\": \"nl\",\n"
    "                 \"text\": \"Kort. %s\" } ],\n"
    "  \"places\": [ { \"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"near\" } ],\n"
    "  \"incidents\": [ { \"id\": \"i\", \"type\": \"other\", \"description\": \"D\", \"place\": \"gao\", \"date\": \"2022\",\n"
    "    \"certainty\": \"reported\", \"citations\": [ { \"source\": \"s\", \"quote\": \"Kort.\" } ] } ],\n"
    "  \"steps\": [\n"
    "    { \"id\": \"short\", \"title\": \"Short\", \"highlight\": [\"i\"],\n"
    "      \"citation\": { \"source\": \"s\", \"quote\": \"Kort.\", \"translations\": { \"en\": \"Short.\" } } },\n"
    "    { \"id\": \"long\", \"title\": \"Long\", \"highlight\": [\"i\"],\n"
    "      \"citation\": { \"source\": \"s\", \"quote\": \"%s\", \"translations\": { \"en\": \"The column went east.\" } } },\n"
    "    { \"id\": \"longer\", \"title\": \"Longer\", \"highlight\": [\"i\"],\n"
    "      \"citation\": { \"source\": \"s\", \"quote\": \"%s\", \"translations\": { \"en\": \"%s\" } } } ] }\n",
    sentence->str, sentence->str, sentence->str, sentence->str);
  bytes = g_bytes_new (json, strlen (json));
  briefing = sb_loader_load_bytes (bytes, &problems);
  g_assert_cmpuint (problems->len, ==, 0);

  return briefing;
}

static gboolean
label_starting_shown (gpointer data)
{
  LabelWanted *wanted = data;

  return find_label_starting (wanted->root, wanted->prefix) != NULL;
}

/* The caption gives the translation with the original and its source;
 * a passage too long for it goes to the console, its source staying; the
 * audience never sees the tiles' notices; after the last step, an end
 * screen.
 */
static void
test_caption_and_end (void)
{
  g_autoptr(SbBriefing) briefing = load_long_quote ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  LabelWanted translated = { GTK_WIDGET (presenting), "“Short.” (translated from Dutch)" };
  LabelWanted original = { GTK_WIDGET (presenting), "Original: “Kort.”" };
  LabelWanted source = { GTK_WIDGET (presenting), "Source: Bron" };
  LabelWanted on_console = { GTK_WIDGET (presenting), "The quote is on the presenter console" };
  LabelWanted went_east = { GTK_WIDGET (presenting), "“The column went east.” (translated from Dutch)" };
  LabelWanted end = { GTK_WIDGET (presenting), "End of briefing" };

  gtk_window_set_default_size (GTK_WINDOW (presenting), 1024, 768);
  gtk_window_present (GTK_WINDOW (presenting));
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

  g_assert_true (sb_test_run_until (label_starting_shown, &translated, TIMEOUT_MS));
  g_assert_true (label_starting_shown (&original));
  g_assert_true (label_starting_shown (&source));

  /* No console: a long passage wraps on, whole. */
  sb_presentation_next (presentation);
  sb_test_iterate_for (300);
  g_assert_true (sb_presentation_window_get_quote_on_screen (presenting));
  g_assert_false (label_starting_shown (&on_console));

  /* With one, the original goes there; the caption keeps the
   * translation and the source, and says where the original is.
   */
  sb_presentation_window_set_has_console (presenting, TRUE);
  sb_presentation_previous (presentation);
  sb_presentation_next (presentation);
  sb_test_iterate_for (300);
  g_assert_false (sb_presentation_window_get_quote_on_screen (presenting));
  g_assert_true (label_starting_shown (&went_east));
  g_assert_false (label_starting_shown (&original));
  g_assert_true (label_starting_shown (&source));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (find_label_starting (GTK_WIDGET (presenting), "Source: Bron"))),
                                   "the original is on the presenter console"));

  /* A translation as long goes there too: the caption keeps its source. */
  sb_presentation_next (presentation);
  sb_test_iterate_for (300);
  g_assert_false (sb_presentation_window_get_quote_on_screen (presenting));
  g_assert_true (label_starting_shown (&on_console));
  g_assert_true (label_starting_shown (&source));

  /* The map's notices are not the audience's. */
  {
    gboolean shows;

    g_object_get (sb_presentation_window_get_map_view (presenting), "shows-notices", &shows, NULL);
    g_assert_false (shows);
  }

  g_assert_false (label_starting_shown (&end));
  sb_presentation_next (presentation);
  sb_test_iterate_for (200);
  g_assert_true (sb_presentation_get_at_end (presentation));
  g_assert_true (label_starting_shown (&end));

  gtk_window_destroy (GTK_WINDOW (presenting));
}


static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *widget;
  int height;
} HeightWanted;

static gboolean
window_height_is (gpointer data)
{
  HeightWanted *wanted = data;

  return gtk_widget_get_height (wanted->widget) == wanted->height;
}

typedef struct
{
  int caption_height, map_height;
  double lat, lon, zoom;
} Framed;

static void
get_framed (SbPresentationWindow *presenting,
            GtkWidget            *caption_bar,
            Framed               *framed)
{
  framed->caption_height = gtk_widget_get_height (caption_bar);
  framed->map_height = gtk_widget_get_height (GTK_WIDGET (sb_presentation_window_get_map_view (presenting)));
  g_assert_true (sb_presentation_window_get_target (presenting, &framed->lat, &framed->lon, &framed->zoom));
}

/* A presentation is settled only once its caption is in the screen's
 * sizes and the step framed for the map it leaves: the caption decided
 * what fits in it in the sizes it had before they were set (step 1's
 * passage fitted at 1024×768), then, an idle later, again (it did not:
 * its original went smaller), and the step was framed for a map 31
 * pixels shorter than the one shown, 0.08 of a zoom level off; when
 * the idle came after a test had looked depended on what ran before.
 * So at the first step, and after the screen changes size.
 */
static void
test_caption_settles_first (void)
{
  const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 }, { 800, 600 } };
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  GtkWidget *caption_bar = find_with_class (GTK_WIDGET (presenting), "caption-bar");

  g_assert_nonnull (caption_bar);
  set_animations (FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Framed settled, later;

      gtk_window_set_default_size (GTK_WINDOW (presenting), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (presenting));
      g_assert_true (sb_test_run_until (window_height_is, &(HeightWanted) { GTK_WIDGET (presenting), sizes[s][1] },
                                        TIMEOUT_MS));
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
      get_framed (presenting, caption_bar, &settled);
      sb_test_iterate_for (500);
      g_assert_true (presentation_settled (presenting));
      get_framed (presenting, caption_bar, &later);

      g_test_message ("at %d×%d: a caption of %d pixels, a map of %d, zoom %.4f; %d, %d, zoom %.4f later",
                      sizes[s][0], sizes[s][1], settled.caption_height, settled.map_height, settled.zoom,
                      later.caption_height, later.map_height, later.zoom);
      g_assert_cmpint (later.caption_height, ==, settled.caption_height);
      g_assert_cmpint (later.map_height, ==, settled.map_height);
      g_assert_cmpfloat_with_epsilon (later.lat, settled.lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (later.lon, settled.lon, 1e-9);
      g_assert_cmpfloat_with_epsilon (later.zoom, settled.zoom, 1e-9);
      assert_at_target (presenting);
    }

  set_animations (TRUE);
  gtk_window_destroy (GTK_WINDOW (presenting));
}

/* The map is what the audience came for: at 1024×768, with a console,
 * the caption of no built-in step takes more than 28 % of the screen
 * (the translated passages of steps 3, 6, 9 and 10 took 30 to 45 %),
 * and every step that cites a passage keeps its source on screen.
 */
static void
test_caption_share (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbPresentation) presentation = sb_presentation_new (briefing);
  SbPresentationWindow *presenting = sb_presentation_window_new (presentation, NULL);
  LabelWanted source = { GTK_WIDGET (presenting), "Source: " };
  GtkWidget *caption_bar = find_with_class (GTK_WIDGET (presenting), "caption-bar");
  guint cited = 0;

  g_assert_nonnull (caption_bar);
  set_animations (FALSE);
  sb_presentation_window_set_has_console (presenting, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (presenting), 1024, 768);
  gtk_window_present (GTK_WINDOW (presenting));
  g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));

  for (guint i = 0; i < sb_presentation_get_n_slides (presentation); i++)
    {
      g_auto(SbSlide) slide = { 0, };
      int height;

      sb_presentation_set_index (presentation, i);
      g_assert_true (sb_test_run_until (presentation_settled, presenting, TIMEOUT_MS));
      sb_test_iterate_for (200);
      height = gtk_widget_get_height (caption_bar);
      g_test_message ("step %u: a caption of %d pixels (%.0f %%), the quote %s", i + 1, height, 100.0 * height / 768,
                      sb_presentation_window_get_quote_on_screen (presenting) ? "on screen" : "on the console");
      g_assert_cmpint (height, <=, 768 * 0.28);

      g_assert_true (sb_presentation_describe (presentation, i, &slide));
      if (slide.citation != NULL)
        {
          g_assert_true (label_starting_shown (&source));
          cited++;
        }
    }

  g_assert_cmpuint (cited, >=, 8);
  set_animations (TRUE);
  gtk_window_destroy (GTK_WINDOW (presenting));
}

/* Exporting from the window is one of its jobs: the progress line says
 * so while the tiles are awaited, with Cancel; the window stays in use,
 * and the filters may change meanwhile without changing what is exported;
 * a toast says when it is done. A cancelled export writes nothing.
 */
static void
test_export_view_job (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  SbSelection *selection = sb_window_get_selection (window);
  g_autoptr(GSocketListener) silent = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (silent, NULL, &error);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", port);
  g_autoptr(ShumateMapSource) tiles = NULL;
  g_autofree char *pdf = temp_path ("job-view.pdf");
  g_autofree char *cancelled = temp_path ("job-cancelled.png");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled);
  LabelWanted progress = { GTK_WIDGET (window), "Exporting to “job-view.pdf”" };
  LabelWanted counting = { GTK_WIDGET (window), "Exporting to “job-view.pdf”: 0 of " };
  LabelWanted done = { GTK_WIDGET (window), "View exported" };
  LabelWanted cancelling = { GTK_WIDGET (window), "Exporting to “job-cancelled.png”" };

  /* A server that takes the connections and never answers them. */
  g_assert_no_error (error);
  tiles = sb_tile_setup_http (url, "Silent", "© Silent", NULL, 19);
  sb_map_view_set_tiles (sb_window_get_map_view (window), tiles);
  /* Long enough that a loaded machine shows the progress before the
   * tiles are given up.
   */
  sb_export_set_tile_timeout (4000);

  sb_window_export_view (window, pdf_file, SB_EXPORT_PDF, 0, 0);
  sb_selection_set_layer_visible (selection, SB_LAYER_INCIDENTS, FALSE);
  g_assert_true (sb_test_run_until (label_shown, &progress, TIMEOUT_MS));
  /* How many of its tiles have come, of how many. */
  g_assert_true (sb_test_run_until (label_shown, &counting, TIMEOUT_MS));
  g_assert_false (sb_window_is_loading (window));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (sb_window_get_map_view (window))));
  g_assert_true (sb_test_run_until (label_shown, &done, TIMEOUT_MS));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (sb_test_dialog_is_shown (NULL));
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    if (pdftotext != NULL)
      {
        g_autofree char *text = pdf_text (pdf);

        /* Hidden after the export began: still in its legend. */
        g_assert_nonnull (strstr (text, "Incidents"));
      }
  }
  sb_selection_reset_filters (selection);

  sb_window_export_view (window, cancelled_file, SB_EXPORT_PNG, 800, 450);
  g_assert_true (sb_test_run_until (label_shown, &cancelling, TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL));
  g_assert_false (sb_test_run_until (file_exists, cancelled, 6000));
  g_assert_false (sb_test_dialog_is_shown (NULL));

  sb_map_view_set_tiles (sb_window_get_map_view (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_socket_listener_close (silent);
}

/* A tile server that cannot be reached, as in a room without a network:
 * the export is made on the base map and counts the tiles missing.
 */
static void
test_export_offline (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1280, 800);
  g_autoptr(ShumateMapSource) tiles = sb_tile_setup_http ("http://127.0.0.1:9/{z}/{x}/{y}.png", "Nowhere",
                                                          "© Nowhere", NULL, 19);
  g_autofree char *png = temp_path ("offline.png");
  g_autofree char *handout = temp_path ("offline-handout.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (handout);
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  ExportResult result;
  gint64 start = g_get_monotonic_time ();

  /* Far below the default 8 s, so that finishing in time shows it is used. */
  sb_export_set_tile_timeout (1000);

  export_view (window, tiles, SB_EXPORT_PNG, 1280, 720, png, &result);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpuint (result.missing, >, 0);
  assert_png_size (png, 1280, 720);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 6 * G_USEC_PER_SEC);

  memset (&result, 0, sizeof result);
  sb_export_handout_async (briefing, tiles, FALSE, file, NULL, NULL, NULL, on_exported, &result);
  g_assert_true (sb_test_run_until (export_done, &result, TIMEOUT_MS));
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.missing, >, 0);
  g_assert_cmpuint (count_pdf_pages (handout), ==, g_list_model_get_n_items (sb_briefing_get_steps (briefing)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/presentation/keys", test_keys);
  g_test_add_func ("/presentation/incidents-without-steps", test_incidents_without_steps);
  g_test_add_func ("/presentation/present-and-escape", test_present_and_escape);
  g_test_add_func ("/presentation/caption-and-end", test_caption_and_end);
  g_test_add_func ("/presentation/caption-share", test_caption_share);
  g_test_add_func ("/presentation/caption-settles-first", test_caption_settles_first);
  g_test_add_func ("/presentation/legend-beside-steps", test_legend_beside_steps);
  g_test_add_func ("/presentation/steps-fit-screen", test_steps_fit_screen);
  g_test_add_func ("/presentation/steps-as-wide-as-taken", test_steps_as_wide_as_taken);
  g_test_add_func ("/presentation/caption-leaves-arrow", test_caption_leaves_arrow);
  g_test_add_func ("/presentation/steps-clear-of-credits", test_steps_clear_of_credits);
  g_test_add_func ("/presentation/labels-follow-view", test_labels_follow_view);
  g_test_add_func ("/presentation/base-names-whole", test_base_names_whole);
  g_test_add_func ("/presentation/scale-clear-of-towns", test_scale_clear_of_towns);
  g_test_add_func ("/presentation/card-badges-readable", test_card_badges_readable);
  g_test_add_func ("/presentation/stubs-clear-of-names", test_stubs_clear_of_names);
  g_test_add_func ("/presentation/region-countries-named", test_region_countries_named);
  g_test_add_func ("/presentation/overview-beside-legend", test_overview_beside_legend);
  g_test_add_func ("/presentation/cards-off-names", test_cards_off_names);
  g_test_add_func ("/presentation/pulse-follows", test_pulse_follows);
  g_test_add_func ("/presentation/present-at-current", test_present_at_current);
  g_test_add_func ("/presentation/pointer-hides", test_pointer_hides);
  g_test_add_func ("/presentation/monitors", test_monitors);
  g_test_add_func ("/presentation/console-previews", test_console_previews);
  g_test_add_func ("/presentation/export-view", test_export_view);
  g_test_add_func ("/presentation/export-legend", test_export_legend);
  g_test_add_func ("/presentation/export-file-type", test_export_file_type);
  g_test_add_func ("/presentation/export-view-job", test_export_view_job);
  g_test_add_func ("/presentation/export-handout", test_export_handout);
  g_test_add_func ("/presentation/export-unwritable", test_export_unwritable);
  g_test_add_func ("/presentation/export-keeps-file", test_export_keeps_file);
  g_test_add_func ("/presentation/export-offline", test_export_offline);

  return g_test_run ();
}
