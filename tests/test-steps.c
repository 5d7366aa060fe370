/* test-steps.c
 *
 * Composing a presentation's steps in the window at 1024×768, where the
 * last run by hand stumbled: Take Map View taking the map's camera and
 * keeping the step's highlights (what is chosen added, and said so);
 * Shift+F5 starting at the step chosen in the steps; the search working
 * while the steps are shown; and a step's camera holding the ground the
 * window's narrow map framed, not more; and a highlighted statement
 * keeping its actor's label; Back from a new actor's dossier going to
 * the list, not through every actor made; an export starting in the
 * briefing's folder; the window's legend as wide as its lines and as
 * high as its rows, within the map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sb-detail-pane.h"
#include "sb-dossier-view.h"
#include "sb-file-chooser.h"
#include "sb-format.h"
#include "sb-framing.h"
#include "sb-legend.h"
#include "sb-loader.h"
#include "sb-map-layout.h"
#include "sb-map-view.h"
#include "sb-sidebar.h"
#include "sb-steps-panel.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"
#include "sb-test-model.h"

#define TIMEOUT_MS 20000

static SbWindow *
create_window (void)
{
  return sb_test_window_new (NULL, 1024, 768);
}

static SbStepsPanel *
steps_panel (SbWindow *window)
{
  return SB_STEPS_PANEL (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_STEPS_PANEL));
}

static GtkStack *
sidebar_stack (SbWindow *window)
{
  return GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (steps_panel (window))));
}

static SbStep *
step_at (SbWindow *window,
         guint     index)
{
  g_autoptr(SbStep) step = g_list_model_get_item (sb_briefing_get_steps (sb_window_get_briefing (window)), index);

  return step;
}

/* The steps shown, as F8 shows them. */
static void
show_steps (SbWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-steps", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack (window)), ==, "steps");
}

static gboolean
map_zoom_is (gpointer data)
{
  SbMapView *map_view = ((gpointer *) data)[0];
  double *zoom = ((gpointer *) data)[1];

  return fabs (shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)) - *zoom) < 0.01;
}

static void
move_map (SbMapView *map_view,
          double     latitude,
          double     longitude,
          double     zoom)
{
  sb_map_view_go_to (map_view, latitude, longitude, zoom);
  sb_test_wait_until (map_zoom_is, (gpointer[]) { map_view, &zoom });
  sb_test_iterate_for (100);
}

static gboolean
toast_shown (gpointer data)
{
  SbWindow *window = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  GtkWidget *label = sb_test_find_label (GTK_WIDGET (window), text);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Take Map View with nothing chosen takes the camera and keeps what the
 * step highlights; with something chosen, adds it; the toast says which.
 */
static void
test_take_view_keeps_highlights (void)
{
  SbWindow *window = create_window ();
  SbSelection *selection = sb_window_get_selection (window);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbStepsPanel *panel = steps_panel (window);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbActor *wagner = sb_test_lookup (briefing, "wagner-group");
  GListModel *steps = sb_briefing_get_steps (briefing);
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *added = NULL;
  SbStep *step = NULL;
  const char *title;
  double lat, lon, zoom;

  /* A step that highlights something. */
  for (guint i = 0; i < g_list_model_get_n_items (steps) && step == NULL; i++)
    {
      SbStep *candidate = step_at (window, i);

      if (sb_step_get_highlight (candidate) != NULL && sb_step_get_highlight (candidate)->len > 0 &&
          !g_ptr_array_find (sb_step_get_highlight (candidate), wagner, NULL))
        step = candidate;
    }
  g_assert_nonnull (step);
  before = g_ptr_array_copy (sb_step_get_highlight (step), NULL, NULL);
  title = sb_text_get (sb_step_get_title (step));

  show_steps (window);
  sb_steps_panel_choose (panel, step);
  sb_selection_clear (selection);
  sb_test_iterate_for (100);
  move_map (map_view, 14.0, 2.0, 5.5);

  /* Nothing chosen: the camera is taken, the highlights stay. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.take-view", NULL);
  sb_test_iterate_for (100);
  g_assert_true (sb_step_get_center (step, &lat, &lon, &zoom));
  g_assert_cmpfloat_with_epsilon (lat, 14.0, 0.01);
  g_assert_cmpfloat_with_epsilon (lon, 2.0, 0.01);
  g_assert_nonnull (sb_step_get_highlight (step));
  g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (sb_step_get_highlight (step), i) == g_ptr_array_index (before, i));
  kept = g_strdup_printf ("“%s” takes the map’s view, layers and filters; its highlights are kept", title);
  g_assert_true (sb_test_run_until (toast_shown, (gpointer[]) { window, kept }, TIMEOUT_MS));

  /* Something chosen: added to them, and named. */
  sb_selection_select (selection, SB_ENTITY (wagner));
  sb_test_iterate_for (100);
  move_map (map_view, 15.0, 1.0, 5.5);
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.take-view", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, before->len + 1);
  g_assert_true (g_ptr_array_index (sb_step_get_highlight (step), before->len) == (gpointer) wagner);
  added = g_strdup_printf ("“%s” takes the map’s view, layers and filters, and highlights “%s”",
                           title, sb_entity_get_label (SB_ENTITY (wagner)));
  g_assert_true (sb_test_run_until (toast_shown, (gpointer[]) { window, added }, TIMEOUT_MS));

  /* One undo each. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, before->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
presentation_gone (gpointer data)
{
  return sb_presenter_get_window (sb_window_get_presenter (data)) == NULL;
}

static guint
present_resumed_at (SbWindow *window)
{
  SbPresentation *presentation;
  guint index;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.resume", NULL));
  presentation = sb_presentation_window_get_presentation (sb_presenter_get_window (sb_window_get_presenter (window)));
  index = sb_presentation_get_index (presentation);
  sb_presentation_end (presentation);
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));
  return index;
}

/* Shift+F5 with the steps shown starts at the step chosen there, not
 * where the last presentation ended.
 */
static void
test_resume_at_chosen_step (void)
{
  SbWindow *window = create_window ();
  SbStepsPanel *panel = steps_panel (window);
  SbPresentation *presentation;

  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_steps (sb_window_get_briefing (window))), >=, 4);

  /* A presentation left at the fourth step. */
  show_steps (window);
  sb_steps_panel_choose (panel, step_at (window, 3));
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.present", NULL);
  presentation = sb_presentation_window_get_presentation (sb_presenter_get_window (sb_window_get_presenter (window)));
  g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 3);
  sb_presentation_end (presentation);
  g_assert_true (sb_test_run_until (presentation_gone, window, TIMEOUT_MS));

  /* The second chosen, nothing selected: Shift+F5 starts there. */
  sb_steps_panel_choose (panel, step_at (window, 1));
  sb_selection_clear (sb_window_get_selection (window));
  sb_test_iterate_for (100);
  g_assert_cmpuint (present_resumed_at (window), ==, 1);

  /* With the steps hidden, where the last presentation ended, as before. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-steps", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpuint (present_resumed_at (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
search_has_focus (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, SB_TYPE_SIDEBAR) != NULL &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

static gboolean
niger_found (gpointer sidebar)
{
  GtkWidget *label = sb_test_find_label (sidebar, "Niger");

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Ctrl+F with the steps shown: the search comes, to type "Niger" in. */
static void
test_search_over_steps (void)
{
  SbWindow *window = create_window ();
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *entry;

  show_steps (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack (window)), !=, "steps");
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_true (sb_test_run_until (search_has_focus, window, TIMEOUT_MS));

  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Niger");
  g_assert_true (sb_test_run_until (niger_found, sidebar, TIMEOUT_MS));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The steps and the details slid in whole. */
static gboolean
panes_are_in (gpointer window)
{
  GtkWidget *steps = GTK_WIDGET (steps_panel (window));
  GtkWidget *details = sb_test_find_widget (window, SB_TYPE_DETAIL_PANE);

  return adw_flap_get_reveal_progress (ADW_FLAP (gtk_widget_get_ancestor (steps, ADW_TYPE_FLAP))) == 1.0 &&
         adw_flap_get_reveal_progress (ADW_FLAP (gtk_widget_get_ancestor (details, ADW_TYPE_FLAP))) == 1.0;
}

/* A step taken in the narrow map between the steps and the details
 * holds the ground that map shows, fitted to the camera's shape: as wide
 * as it, not three times as wide; and choosing it again shows just that.
 */
static void
test_camera_holds_what_was_framed (void)
{
  SbWindow *window = create_window ();
  SbMapView *map_view = sb_window_get_map_view (window);
  SbStepsPanel *panel = steps_panel (window);
  double width, height, lat, lon, camera_zoom, ground_width, ground_height;
  double zoom = 5.0;
  SbStep *step = step_at (window, 0);

  show_steps (window);
  sb_steps_panel_choose (panel, step);
  if (!adw_flap_get_reveal_flap (ADW_FLAP (gtk_widget_get_ancestor (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE),
                                                                     ADW_TYPE_FLAP))))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-details", NULL);
  /* Once the steps and the details have slid in, and the map keeps its
   * size (under load it was still shrinking, 686 × 577 to 480 × 424,
   * when the view was taken).
   */
  sb_test_wait_until (panes_are_in, window);
  do
    {
      width = gtk_widget_get_width (GTK_WIDGET (map_view));
      height = gtk_widget_get_height (GTK_WIDGET (map_view));
      sb_test_iterate_for (300);
    }
  while (width != gtk_widget_get_width (GTK_WIDGET (map_view)) || height != gtk_widget_get_height (GTK_WIDGET (map_view)));

  move_map (map_view, 17.0, 9.0, zoom);
  /* What of the map is seen as the view is taken: the details lie over
   * its end side. Read with no main loop turn between it and the taking.
   */
  width = gtk_widget_get_width (GTK_WIDGET (map_view)) - sb_map_view_get_covered (map_view);
  height = gtk_widget_get_height (GTK_WIDGET (map_view));
  g_test_message ("map %d × %.0f, %.0f of it seen", gtk_widget_get_width (GTK_WIDGET (map_view)), height, width);
  /* Narrower than a projector's screen, as at 1024×768 with both open. */
  g_assert_cmpfloat (width / height, <, SB_FRAMING_CAMERA_WIDTH / SB_FRAMING_CAMERA_HEIGHT);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)), zoom, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.take-view", NULL);
  g_assert_true (sb_step_get_center (step, &lat, &lon, &camera_zoom));
  /* Centred on the middle of what is seen. */
  {
    double middle_lat, middle_lon;

    sb_map_view_get_middle (map_view, &middle_lat, &middle_lon);
    g_assert_cmpfloat_with_epsilon (lat, middle_lat, 0.001);
    g_assert_cmpfloat_with_epsilon (lon, middle_lon, 0.001);
  }
  sb_test_iterate_for (100);

  /* The camera's ground, in this map's pixels. */
  ground_width = SB_FRAMING_CAMERA_WIDTH * exp2 (zoom - camera_zoom);
  ground_height = SB_FRAMING_CAMERA_HEIGHT * exp2 (zoom - camera_zoom);
  g_test_message ("camera ground %.0f × %.0f", ground_width, ground_height);
  g_assert_cmpfloat (ground_width, <=, width + 1);
  g_assert_cmpfloat (ground_height, <=, height + 1);
  g_assert_true (fabs (ground_width - width) < 1 || fabs (ground_height - height) < 1);

  /* Chosen again, the window shows what it showed. */
  move_map (map_view, 10.0, 20.0, 3.0);
  sb_steps_panel_choose (panel, step_at (window, 1));
  sb_test_iterate_for (100);
  sb_steps_panel_choose (panel, step);
  sb_test_wait_until (map_zoom_is, (gpointer[]) { map_view, &zoom });
  {
    double middle_lat, middle_lon;

    sb_map_view_get_middle (map_view, &middle_lat, &middle_lon);
    g_assert_cmpfloat_with_epsilon (middle_lat, lat, 0.01);
    g_assert_cmpfloat_with_epsilon (middle_lon, lon, 0.01);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static const SbMapMark *
find_mark (SbMapLayout *layout,
           SbItem      *item)
{
  for (guint i = 0; i < layout->marks->len; i++)
    if (g_array_index (layout->marks, SbMapMark, i).item == item)
      return &g_array_index (layout->marks, SbMapMark, i);
  return NULL;
}

/* A deployment labelled with its actor keeps the label when a step
 * highlights it (its ring drawn around it): "US forces" beside Agadez in
 * one step was gone in the next, which highlighted it.
 */
static void
test_highlight_keeps_label (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  GListModel *items = sb_briefing_get_all_items (briefing);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      g_autoptr(SbSelection) plain = sb_selection_new ();
      g_autoptr(SbSelection) highlighting = sb_selection_new ();
      g_autoptr(SbMapLayout) before = NULL;
      g_autoptr(SbMapLayout) after = NULL;
      g_autoptr(GPtrArray) highlight = g_ptr_array_new ();
      const SbMapMark *mark;
      SbProjection projection;
      graphene_rect_t view;
      double lat, lon;

      if (sb_item_get_kind (item) != SB_ITEM_KIND_DEPLOYMENT || sb_item_get_n_actors (item) == 0 ||
          sb_item_get_place (item) == NULL)
        continue;
      lat = sb_place_get_latitude (sb_item_get_place (item));
      lon = sb_place_get_longitude (sb_item_get_place (item));

      sb_projection_init_at (&projection, lat, lon, 6, 1024, 600);
      view = GRAPHENE_RECT_INIT (0, 0, 1024, 600);
      sb_selection_set_briefing (plain, briefing);
      before = sb_map_layout_new (plain, &projection, &view, NULL, NULL);
      mark = find_mark (before, item);
      if (mark == NULL || mark->card >= 0 || !mark->has_label)
        continue;

      g_ptr_array_add (highlight, item);
      sb_selection_set_briefing (highlighting, briefing);
      sb_selection_set_highlighted (highlighting, highlight);
      after = sb_map_layout_new (highlighting, &projection, &view, NULL, NULL);
      mark = find_mark (after, item);
      g_assert_nonnull (mark);
      g_assert_true (mark->selected);
      g_test_message ("%s highlighted: %s", sb_entity_get_id (SB_ENTITY (item)), mark->has_label ? "labelled" : "not labelled");
      g_assert_true (mark->has_label);
      checked++;
    }

  g_assert_cmpuint (checked, >, 0);
}

/* The step made by hand: "US forces" beside Agadez in step 1, and in
 * step 2, which highlights it, as presented on a 1024×768 screen.
 */
static void
test_highlight_keeps_label_at_agadez (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "niger-2024.sahelbrief", NULL);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  SbItem *agadez = sb_test_lookup (briefing, "deployment-9");
  SbStep *step = sb_test_lookup (briefing, "step-19");
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbMapLayout) layout = NULL;
  const SbMapMark *mark;
  SbProjection projection;
  /* The presentation draws symbols and names 1.6 times as large. */
  const double scale = 1.6;
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, 1024 / scale, 600 / scale);
  double lat, lon, zoom;

  g_assert_true (g_ptr_array_find (sb_step_get_highlight (step), agadez, NULL));
  g_assert_true (sb_step_get_center (step, &lat, &lon, &zoom));
  sb_projection_init_at (&projection, lat, lon, sb_framing_camera_zoom (zoom, 1024, 600) - log2 (scale),
                         1024 / scale, 600 / scale);
  sb_selection_set_briefing (selection, briefing);
  sb_selection_set_highlighted (selection, sb_step_get_highlight (step));
  layout = sb_map_layout_new (selection, &projection, &view, NULL, NULL);
  mark = find_mark (layout, agadez);
  g_assert_nonnull (mark);
  g_assert_true (mark->selected);
  g_assert_true (mark->has_label);
}

/* Four actors made one after the other: Back from the last goes to the
 * list at once, not through the three made before it.
 */
static void
test_back_after_new_actors (void)
{
  SbWindow *window = create_window ();
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  SbActor *made = NULL;

  for (guint i = 0; i < 4; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);
      sb_test_iterate_for (100);
      g_assert_nonnull (sb_test_dossier_actor (sidebar));
      g_assert_true (sb_test_dossier_actor (sidebar) != made);
      made = sb_test_dossier_actor (sidebar);
    }

  g_assert_true (sb_sidebar_go_back (SB_SIDEBAR (sidebar)));
  sb_test_iterate_for (100);
  g_assert_null (sb_test_dossier_actor (sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
was_asked (gpointer data)
{
  const char *name = NULL;

  sb_file_chooser_get_asked_for_testing (&name);
  return name != NULL;
}

/* An export of a saved briefing, none before: its dialog starts in the
 * briefing's folder, as Save As does, not where the app was started.
 */
static void
test_export_starts_beside_briefing (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.example.SahelBrief");
  g_autoptr(GFile) file = sb_test_copy_default ("niger.sahelbrief");
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) answer = g_file_get_child (folder, "niger.geojson");
  SbWindow *window;

  g_settings_set_string (settings, "export-folder", "");
  window = sb_test_window_new (file, 1024, 768);
  sb_file_chooser_answer_for_testing (answer);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-geojson", NULL);
  sb_test_wait_until (was_asked, NULL);
  g_assert_nonnull (sb_file_chooser_get_asked_for_testing (NULL));
  g_assert_true (g_file_equal (sb_file_chooser_get_asked_for_testing (NULL), folder));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
legend_laid_out (gpointer scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  return gtk_widget_get_mapped (scroller) && gtk_adjustment_get_upper (adjustment) > 0;
}

/* The window's legend opened at 1024×768: its lines as long as they
 * like (not two words each in a narrow box), all its rows seen without
 * scrolling, the whole of it within the map and above its attribution.
 */
static void
test_legend_fits_content (void)
{
  SbWindow *window = create_window ();
  SbMapView *map_view = sb_window_get_map_view (window);
  GtkWidget *legend = GTK_WIDGET (sb_map_view_get_legend (map_view));
  GtkWidget *expander = sb_test_find_widget (legend, GTK_TYPE_EXPANDER);
  GtkWidget *scroller, *rows;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  int natural_width;

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  scroller = gtk_expander_get_child (GTK_EXPANDER (expander));
  rows = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  sb_test_wait_until (legend_laid_out, scroller);
  sb_test_iterate_for (300);

  if (GTK_IS_VIEWPORT (rows))
    rows = gtk_viewport_get_child (GTK_VIEWPORT (rows));
  gtk_widget_measure (rows, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width, NULL, NULL);
  g_test_message ("legend %d × %d, rows %d wide, %g of %g high", gtk_widget_get_width (legend),
                  gtk_widget_get_height (legend), natural_width, gtk_adjustment_get_page_size (adjustment),
                  gtk_adjustment_get_upper (adjustment));
  g_assert_cmpint (gtk_widget_get_width (rows), >=, natural_width);

  /* Above the attribution; scrolling only when longer than the map, and
   * then as high as the map lets it be.
   */
  g_assert_true (gtk_widget_compute_bounds (expander, GTK_WIDGET (map_view), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (map_view)) - 40);
  if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 1)
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >=, gtk_widget_get_height (GTK_WIDGET (map_view)) - 50);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The built-in base map only (sb_test_log_init() sees to it). */
  sb_test_log_init ();

  g_test_add_func ("/steps/take-view-keeps-highlights", test_take_view_keeps_highlights);
  g_test_add_func ("/steps/resume-at-chosen-step", test_resume_at_chosen_step);
  g_test_add_func ("/steps/search-over-steps", test_search_over_steps);
  g_test_add_func ("/steps/camera-holds-what-was-framed", test_camera_holds_what_was_framed);
  g_test_add_func ("/steps/highlight-keeps-label", test_highlight_keeps_label);
  g_test_add_func ("/steps/highlight-keeps-label-at-agadez", test_highlight_keeps_label_at_agadez);
  g_test_add_func ("/steps/back-after-new-actors", test_back_after_new_actors);
  g_test_add_func ("/steps/export-starts-beside-briefing", test_export_starts_beside_briefing);
  g_test_add_func ("/steps/legend-fits-content", test_legend_fits_content);
  return g_test_run ();
}
