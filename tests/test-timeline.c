/* test-timeline.c
 *
 * The timeline below the map, under Xvfb: its keys and a drag set the
 * window's time range, which filters the map's statements; the range
 * moves and grows by whole bins; dates known only to a month or a year
 * are counted over their span; play moves the range forward.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sb-date-histogram.h"
#include "sb-map-view.h"
#include "sb-timeline.h"
#include "sb-window.h"
#include "sb-test-window.h"
#include "sb-test-util.h"

static gboolean
timeline_is_ready (gpointer data)
{
  return !sb_timeline_get_busy (data) && sb_timeline_get_n_bins (data) > 0 &&
         gtk_widget_get_width (data) > 0;
}

static SbTimeline *
open_window (SbWindow **window)
{
  SbTimeline *timeline;

  *window = sb_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1400, 900);
  sb_window_load_default (*window);
  gtk_window_present (GTK_WINDOW (*window));

  timeline = SB_TIMELINE (sb_test_find_widget (GTK_WIDGET (*window), SB_TYPE_TIMELINE));
  g_assert_nonnull (timeline);
  sb_test_wait_until (timeline_is_ready, timeline);
  sb_test_iterate_for (200);

  return timeline;
}

static void
get_range (SbWindow *window,
           guint32  *first,
           guint32  *last)
{
  sb_selection_get_time_range (sb_window_get_selection (window), first, last);
}

/* What a key does, through the timeline's own bindings. */
static void
press (SbTimeline      *timeline,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GListModel) shortcuts = NULL;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      shortcuts = g_object_ref (G_LIST_MODEL (controller));
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;

          found = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                GTK_WIDGET (timeline), gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_true (found);
  sb_test_iterate_for (200);
}

static void
test_keys_set_range (void)
{
  SbWindow *window;
  SbTimeline *timeline = open_window (&window);
  guint32 first, last, bin1, bin2, bin3;

  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);

  bin1 = sb_timeline_get_bin_start (timeline, 1);
  bin2 = sb_timeline_get_bin_start (timeline, 2);
  bin3 = sb_timeline_get_bin_start (timeline, 3);

  /* → chooses the first bin, then moves on by one. */
  press (timeline, GDK_KEY_Right, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, sb_timeline_get_bin_start (timeline, 0));
  g_assert_cmpuint (last, ==, bin1 - 1);

  press (timeline, GDK_KEY_Right, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, bin1);
  g_assert_cmpuint (last, ==, bin2 - 1);

  /* Shift+→ makes it a bin longer; Shift+← shorter again. */
  press (timeline, GDK_KEY_Right, GDK_SHIFT_MASK);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, bin1);
  g_assert_cmpuint (last, ==, bin3 - 1);

  press (timeline, GDK_KEY_Left, GDK_SHIFT_MASK);
  get_range (window, &first, &last);
  g_assert_cmpuint (last, ==, bin2 - 1);

  press (timeline, GDK_KEY_Left, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, sb_timeline_get_bin_start (timeline, 0));

  /* End goes to the last bin; Delete shows every date again. */
  press (timeline, GDK_KEY_End, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (last, ==, sb_timeline_get_bin_start (timeline, sb_timeline_get_n_bins (timeline)) - 1);

  press (timeline, GDK_KEY_Delete, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkGesture *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  return NULL;
}

/* A drag across the middle half of the strip chooses about the middle
 * half of the span, and the map shows only what falls in it.
 */
/* In a right-to-left language time runs from the right, as in GtkScale:
 * the first bin is drawn on the right, a drag on the right chooses early
 * dates, and ← moves later. */
static void
test_right_to_left (void)
{
  SbWindow *window;
  SbTimeline *timeline = open_window (&window);
  GtkWidget *area = sb_test_find_widget (GTK_WIDGET (timeline), GTK_TYPE_DRAWING_AREA);
  GtkGesture *drag = find_drag (area);
  guint32 span_first = sb_timeline_get_bin_start (timeline, 0);
  guint32 span_end = sb_timeline_get_bin_start (timeline, sb_timeline_get_n_bins (timeline));
  guint32 first, last, quarter = (span_end - span_first) / 4;
  guint32 bin1 = sb_timeline_get_bin_start (timeline, 1);
  guint32 last_bin = sb_timeline_get_bin_start (timeline, sb_timeline_get_n_bins (timeline) - 1);
  double width;

  /* As in a right-to-left locale: every widget without a direction of its own. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (area), ==, GTK_TEXT_DIR_RTL);
  sb_test_iterate_for (200);
  width = gtk_widget_get_width (area);

  /* From 90% to 75% of the width: the second quarter from the right, in
   * time the first tenth to the first quarter. */
  g_signal_emit_by_name (drag, "drag-begin", width * 0.9, 20.0);
  g_signal_emit_by_name (drag, "drag-update", -width * 0.05, 0.0);
  g_signal_emit_by_name (drag, "drag-update", -width * 0.15, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -width * 0.15, 0.0);
  sb_test_iterate_for (200);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, <, span_first + quarter / 2);
  g_assert_cmpuint (last, >, span_first + quarter - quarter / 5);
  g_assert_cmpuint (last, <, span_first + quarter + quarter / 5);

  /* ← is later in time, → earlier. */
  press (timeline, GDK_KEY_Delete, 0);
  press (timeline, GDK_KEY_Left, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, span_first);
  g_assert_cmpuint (last, ==, bin1 - 1);
  press (timeline, GDK_KEY_Left, GDK_SHIFT_MASK);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, span_first);
  g_assert_cmpuint (last, ==, sb_timeline_get_bin_start (timeline, 2) - 1);

  press (timeline, GDK_KEY_Delete, 0);
  press (timeline, GDK_KEY_Right, 0);
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, last_bin);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
test_drag_sets_range (void)
{
  SbWindow *window;
  SbTimeline *timeline = open_window (&window);
  GtkWidget *area = sb_test_find_widget (GTK_WIDGET (timeline), GTK_TYPE_DRAWING_AREA);
  GtkGesture *drag = find_drag (area);
  SbSelection *selection = sb_window_get_selection (window);
  guint32 span_first = sb_timeline_get_bin_start (timeline, 0);
  guint32 span_end = sb_timeline_get_bin_start (timeline, sb_timeline_get_n_bins (timeline));
  double width = gtk_widget_get_width (area);
  guint32 first, last, quarter = (span_end - span_first) / 4;
  GListModel *items;
  guint shown = 0, hidden = 0;

  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", width * 0.25, 20.0);
  g_signal_emit_by_name (drag, "drag-update", width * 0.25, 0.0);
  g_signal_emit_by_name (drag, "drag-update", width * 0.5, 0.0);
  g_signal_emit_by_name (drag, "drag-end", width * 0.5, 0.0);
  sb_test_iterate_for (200);

  get_range (window, &first, &last);
  g_assert_cmpuint (first, >, span_first + quarter - quarter / 10);
  g_assert_cmpuint (first, <, span_first + quarter + quarter / 10);
  g_assert_cmpuint (last, >, span_end - quarter - quarter / 10);
  g_assert_cmpuint (last, <, span_end - quarter + quarter / 10);

  /* The filter is the window's: statements outside the range are hidden. */
  items = sb_briefing_get_items (sb_window_get_briefing (window), SB_ITEM_KIND_INCIDENT);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      gboolean visible = sb_selection_item_is_visible (selection, item);

      shown += visible;
      hidden += !visible;
    }
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (hidden, >, 0);

  /* Dragging inside the range moves it, keeping its length. */
  g_signal_emit_by_name (drag, "drag-begin", width * 0.5, 20.0);
  g_signal_emit_by_name (drag, "drag-update", -width * 0.1, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -width * 0.1, 0.0);
  sb_test_iterate_for (200);
  {
    guint32 moved_first, moved_last;

    get_range (window, &moved_first, &moved_last);
    g_assert_cmpuint (moved_first, <, first);
    g_assert_cmpuint (moved_last - moved_first, ==, last - first);
  }

  /* A click on a bar chooses its bin. */
  g_signal_emit_by_name (drag, "drag-begin", width * 0.95, 20.0);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  sb_test_iterate_for (200);
  get_range (window, &first, &last);
  g_assert_cmpuint (last, >, first);
  g_assert_cmpuint (first, >, span_end - quarter);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The built-in briefing with its incidents on three days months apart: a
 * timeline with stretches of nothing between.
 */
static GFile *
write_gappy_briefing (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "briefings", "sahel-2022-08.sahelbrief", NULL);
  GFile *file;
  JsonArray *incidents;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  incidents = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "incidents");
  for (guint i = 0; i < json_array_get_length (incidents); i++)
    json_object_set_string_member (json_array_get_object_element (incidents, i), "date",
                                   i % 3 == 0 ? "2022-01-10" : i % 3 == 1 ? "2022-04-15" : "2022-08-20");
  data = json_to_string (json_parser_get_root (parser), TRUE);

  file = g_file_new_tmp ("gappy-XXXXXX.sahelbrief", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (file, data, strlen (data), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  return file;
}

/* A click anywhere either chooses a bin with something in it or leaves
 * the range be: a stray click never empties the map (the hand-run's click
 * meant for a toast's button that had gone set a day with nothing).
 */
static void
test_stray_click (void)
{
  g_autoptr(GFile) file = write_gappy_briefing ();
  SbWindow *window = sb_test_window_new (file, 1400, 900);
  SbTimeline *timeline = SB_TIMELINE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_TIMELINE));
  GtkWidget *area = sb_test_find_widget (GTK_WIDGET (timeline), GTK_TYPE_DRAWING_AREA);
  GtkGesture *drag = find_drag (area);
  SbSelection *selection = sb_window_get_selection (window);
  GListModel *items = sb_briefing_get_items (sb_window_get_briefing (window), SB_ITEM_KIND_INCIDENT);
  guint32 span_first, span_end;
  guint n_chosen = 0, n_left = 0;
  double width;

  sb_test_wait_until (timeline_is_ready, timeline);
  sb_test_iterate_for (200);
  span_first = sb_timeline_get_bin_start (timeline, 0);
  span_end = sb_timeline_get_bin_start (timeline, sb_timeline_get_n_bins (timeline));
  width = gtk_widget_get_width (area);

  for (guint i = 0; i < 40; i++)
    {
      guint32 first, last;
      guint visible = 0;

      sb_selection_set_time_range (selection, span_first, span_end - 1);
      sb_test_iterate_for (20);
      g_signal_emit_by_name (drag, "drag-begin", width * (i + 0.5) / 40, 20.0);
      g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
      sb_test_iterate_for (20);
      get_range (window, &first, &last);
      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(SbItem) item = g_list_model_get_item (items, k);

          visible += sb_selection_item_is_visible (selection, item);
        }
      g_test_message ("click at %u/40: %u–%u, %u shown", i, first, last, visible);
      if (first == span_first && last == span_end - 1)
        n_left++;
      else
        {
          g_assert_cmpuint (visible, >, 0);
          n_chosen++;
        }
    }
  /* Both happened: the bars were chosen, the stretch between left be. */
  g_assert_cmpuint (n_chosen, >, 0);
  g_assert_cmpuint (n_left, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_file_delete (file, NULL, NULL);
}

/* An incident of a whole month counts over the month's days, and the
 * range includes it as soon as it touches the month.
 */
static void
test_month_precision_spans (void)
{
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbDateHistogram) histogram = NULL;
  g_autoptr(SbFilter) filter = NULL;
  GListModel *items;
  SbBriefing *briefing;
  SbWindow *window;
  SbItem *month_item = NULL;
  double exact, spread, total_exact, total_spread;
  guint32 first, last;

  open_window (&window);
  briefing = sb_window_get_briefing (window);
  sb_selection_set_briefing (selection, briefing);
  filter = sb_filter_ref (sb_selection_get_filter (selection));
  histogram = sb_date_histogram_new (filter, SB_ITEM_KIND_INCIDENT, NULL);

  items = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  for (guint i = 0; i < g_list_model_get_n_items (items) && month_item == NULL; i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      const SbDate *date = sb_item_get_date (item);

      if (!date->is_span && date->start.precision == SB_DATE_PRECISION_MONTH)
        month_item = item;
    }
  g_assert_nonnull (month_item);

  /* Every dated incident counted once, shares and all. */
  sb_date_histogram_count (histogram, 0, G_MAXUINT32, &total_exact, &total_spread);
  g_assert_cmpfloat (fabs (total_exact + total_spread - sb_date_histogram_get_n_items (histogram)), <, 1e-6);

  /* Its month holds at least its share, spread: not all on one day. */
  first = sb_date_get_first_day (sb_item_get_date (month_item));
  last = sb_date_get_last_day (sb_item_get_date (month_item), 0);
  g_assert_cmpuint (last - first, >=, 27);
  sb_date_histogram_count (histogram, first, first, &exact, &spread);
  g_assert_cmpfloat (spread, >, 0);
  sb_date_histogram_count (histogram, first, last, &exact, &spread);
  g_assert_cmpfloat (spread, >=, 1.0 - 1e-9);

  /* A range that touches the month's last day shows it. */
  sb_selection_set_time_range (sb_window_get_selection (window), last, last + 10);
  g_assert_true (sb_selection_item_is_visible (sb_window_get_selection (window), month_item));
  sb_selection_set_time_range (sb_window_get_selection (window), last + 1, last + 10);
  g_assert_false (sb_selection_item_is_visible (sb_window_get_selection (window), month_item));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_play_moves_range (void)
{
  SbWindow *window;
  SbTimeline *timeline = open_window (&window);
  guint32 first, last, later_first, later_last;
  gint64 until;

  press (timeline, GDK_KEY_space, 0);
  g_assert_true (sb_timeline_get_playing (timeline));
  get_range (window, &first, &last);
  g_assert_cmpuint (first, ==, sb_timeline_get_bin_start (timeline, 0));
  g_assert_cmpuint (last, >, first);

  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  get_range (window, &later_first, &later_last);
  g_assert_cmpuint (later_first, >, first);
  g_assert_cmpuint (later_last - later_first, >=, (last - first) * 9 / 10);

  press (timeline, GDK_KEY_space, 0);
  g_assert_false (sb_timeline_get_playing (timeline));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible (void)
{
  SbWindow *window;
  SbTimeline *timeline = open_window (&window);
  GtkWidget *area = sb_test_find_widget (GTK_WIDGET (timeline), GTK_TYPE_DRAWING_AREA);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (area)), ==, GTK_ACCESSIBLE_ROLE_SLIDER);
  g_assert_true (gtk_widget_get_focusable (area));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *pane;
  int left;                  /* where it was seen last, in the window */
  guint still;               /* frames it has stayed there */
} PaneSlide;

/* The details have slid in and stay where they are. */
static gboolean
pane_has_slid_in (gpointer data)
{
  PaneSlide *slide = data;
  graphene_point_t at;

  sb_test_iterate_for (20);
  if (!gtk_widget_get_mapped (slide->pane) || gtk_widget_get_width (slide->pane) == 0 ||
      !gtk_widget_compute_point (slide->pane, GTK_WIDGET (gtk_widget_get_root (slide->pane)), &GRAPHENE_POINT_INIT (0, 0), &at))
    return FALSE;
  slide->still = (int) at.x == slide->left ? slide->still + 1 : 0;
  slide->left = (int) at.x;
  return slide->still >= 5;
}

/* Whether @widget ends left of @x in its window, laid out. */
static gboolean
ends_before (GtkWidget *widget,
             int        x)
{
  graphene_point_t at;

  return gtk_widget_get_width (widget) > 0 &&
         gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                   &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget), 0), &at) &&
         at.x <= x;
}

/* At 1024×768 the details lie over the map and the timeline: the
 * timeline's dates, its histogram and its years stay beside them, the
 * dates whole, not under the pane.
 */
static void
test_beside_details (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GtkWidget *timeline = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_TIMELINE);
  GtkWidget *range = GTK_WIDGET (gtk_widget_get_template_child (timeline, SB_TYPE_TIMELINE, "range_label"));
  GtkWidget *histogram = GTK_WIDGET (gtk_widget_get_template_child (timeline, SB_TYPE_TIMELINE, "histogram"));
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_template_child (GTK_WIDGET (window), SB_TYPE_WINDOW, "detail_flap"));
  PaneSlide slide = { adw_flap_get_flap (flap), -1, 0 };

  sb_selection_select (sb_window_get_selection (window), sb_briefing_lookup (briefing, "france-commandos-border"));
  sb_test_wait_until (pane_has_slid_in, &slide);
  sb_test_iterate_for (100);

  g_assert_cmpint (slide.left, <, 1024);
  g_assert_true (ends_before (range, slide.left));
  g_assert_true (ends_before (histogram, slide.left));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (range))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (range)), "31 December 2022"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/timeline/keys-set-range", test_keys_set_range);
  g_test_add_func ("/timeline/drag-sets-range", test_drag_sets_range);
  g_test_add_func ("/timeline/stray-click", test_stray_click);
  g_test_add_func ("/timeline/right-to-left", test_right_to_left);
  g_test_add_func ("/timeline/month-precision-spans", test_month_precision_spans);
  g_test_add_func ("/timeline/play-moves-range", test_play_moves_range);
  g_test_add_func ("/timeline/accessible", test_accessible);
  g_test_add_func ("/timeline/beside-details", test_beside_details);

  return g_test_run ();
}
