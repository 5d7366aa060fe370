/* bench-pan.c
 *
 * Frame times of the briefing window's map while it pans
 * programmatically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opens the window with the default briefing as the app does, waits until
 * the map has framed it, then pans the map from a tick callback: every
 * frame moves the centre a fixed number of pixels along a circle over the
 * Sahel, for a few seconds at each zoom level. Frame intervals are taken
 * between the frame clock's "after-paint" signals; the work of a frame is
 * the time from its "before-paint" to its "after-paint".
 *
 *   bench-pan [--zooms 5,8] [--seconds 4] [--step 8] [--radius 400]
 *
 * Each zoom prints a line for people and one "PAN key=value…" line for
 * scripts. Exits with 1 when the window never framed the briefing.
 */

#define G_LOG_DOMAIN "bench-pan"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb-map-view.h"
#include "sb-test-util.h"
#include "sb-window.h"

#define DEFAULT_ZOOMS      "5,8"
#define DEFAULT_SECONDS    4.0
#define DEFAULT_STEP_PX    8.0
#define DEFAULT_RADIUS_PX  400.0
#define SAHEL_LAT          15.0
#define SAHEL_LON          0.0
#define FRAME_BUDGET_MS    (1000.0 / 60.0)
#define SETTLE_MS          1500
#define FRAMED_TIMEOUT_MS  30000

typedef struct
{
  SbMapView *map_view;
  ShumateMap *map;
  ShumateViewport *viewport;

  double zoom;
  double world_size;        /* 256·2^zoom px */
  double circle_x;          /* the circle's centre, in world px */
  double circle_y;
  double radius;
  double step;
  double angle;
  gint64 duration_us;

  gboolean active;
  gboolean done;
  gint64 start;
  gint64 before_paint;
  gint64 last_paint;
  GArray *intervals;        /* of double, ms */
  GArray *work;             /* of double, ms */
} Pan;

typedef struct
{
  guint frames;
  double fps;
  double median;
  double p95;
  double max;
  double over_budget;       /* fraction of intervals over FRAME_BUDGET_MS */
  double missed;            /* fraction over 1.5 budgets: a frame skipped */
} Stats;

/* ------------------------------------------------------------------ */
/* Web Mercator, in world pixels                                        */
/* ------------------------------------------------------------------ */

static double
lon_to_x (double lon,
          double world_size)
{
  return (lon + 180.0) / 360.0 * world_size;
}

static double
lat_to_y (double lat,
          double world_size)
{
  double rad = lat * G_PI / 180.0;

  return (1.0 - log (tan (rad) + 1.0 / cos (rad)) / G_PI) / 2.0 * world_size;
}

static double
x_to_lon (double x,
          double world_size)
{
  return x / world_size * 360.0 - 180.0;
}

static double
y_to_lat (double y,
          double world_size)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y / world_size))) * 180.0 / G_PI;
}

/* ------------------------------------------------------------------ */
/* The window                                                           */
/* ------------------------------------------------------------------ */

static gboolean
map_is_framed (SbMapView *map_view)
{
  return gtk_widget_get_width (GTK_WIDGET (map_view)) > 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (map_view)) &&
         shumate_viewport_get_zoom_level (sb_map_view_get_viewport (map_view)) > 4.0;
}

/* ------------------------------------------------------------------ */
/* Panning                                                              */
/* ------------------------------------------------------------------ */

static void
move_to_angle (Pan *pan)
{
  double x = pan->circle_x + pan->radius * cos (pan->angle);
  double y = pan->circle_y + pan->radius * sin (pan->angle);

  shumate_map_center_on (pan->map, y_to_lat (y, pan->world_size), x_to_lon (x, pan->world_size));
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  Pan *pan = user_data;

  if (g_get_monotonic_time () - pan->start >= pan->duration_us)
    {
      pan->active = FALSE;
      pan->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* A fixed distance along the circle per frame. */
  pan->angle += pan->step / pan->radius;
  move_to_angle (pan);

  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *frame_clock,
                 Pan           *pan)
{
  pan->before_paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Pan           *pan)
{
  gint64 now = g_get_monotonic_time ();
  double work, interval;

  if (!pan->active)
    return;

  if (pan->before_paint != 0)
    {
      work = (now - pan->before_paint) / 1000.0;
      g_array_append_val (pan->work, work);
    }

  if (pan->last_paint != 0)
    {
      interval = (now - pan->last_paint) / 1000.0;
      g_array_append_val (pan->intervals, interval);
    }

  pan->last_paint = now;
}

static Stats
compute_stats (GArray *values,
               double  seconds)
{
  Stats stats = { 0 };
  guint over = 0, missed = 0;

  stats.frames = values->len;
  stats.fps = values->len / seconds;
  stats.median = sb_test_percentile (values, 50);
  stats.p95 = sb_test_percentile (values, 95);
  /* Sorted by the percentiles. */
  stats.max = values->len > 0 ? g_array_index (values, double, values->len - 1) : NAN;

  for (guint i = 0; i < values->len; i++)
    {
      double value = g_array_index (values, double, i);

      if (value > FRAME_BUDGET_MS)
        over++;
      if (value > 1.5 * FRAME_BUDGET_MS)
        missed++;
    }

  stats.over_budget = values->len > 0 ? (double) over / values->len : NAN;
  stats.missed = values->len > 0 ? (double) missed / values->len : NAN;

  return stats;
}

static gboolean
pan_at_zoom (SbMapView *map_view,
             double     zoom,
             double     seconds,
             double     step,
             double     radius)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (map_view));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  Pan pan = {
    .map_view = map_view,
    .map = sb_map_view_get_map (map_view),
    .viewport = sb_map_view_get_viewport (map_view),
    .zoom = zoom,
    .world_size = 256.0 * exp2 (zoom),
    .radius = radius,
    .step = step,
    .duration_us = (gint64) (seconds * G_USEC_PER_SEC),
    .intervals = intervals,
    .work = work,
  };
  Stats interval_stats, work_stats;
  gulong before_id, after_id;
  double elapsed;

  pan.circle_x = lon_to_x (SAHEL_LON, pan.world_size);
  pan.circle_y = lat_to_y (SAHEL_LAT, pan.world_size);

  /* Start on the circle and let the map settle there: tiles that cannot
   * come, the base map's first drawing at this zoom.
   */
  shumate_viewport_set_zoom_level (pan.viewport, zoom);
  move_to_angle (&pan);
  sb_test_iterate_for (SETTLE_MS);

  if (fabs (shumate_viewport_get_zoom_level (pan.viewport) - zoom) > 0.01)
    {
      fprintf (stderr, "bench-pan: the map refused zoom %g (it is at %g)\n",
               zoom, shumate_viewport_get_zoom_level (pan.viewport));
      return FALSE;
    }

  before_id = g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_before_paint), &pan);
  after_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &pan);

  pan.start = g_get_monotonic_time ();
  pan.active = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (map_view), on_tick, &pan, NULL);

  while (!pan.done)
    g_main_context_iteration (NULL, TRUE);

  elapsed = (g_get_monotonic_time () - pan.start) / (double) G_USEC_PER_SEC;
  g_signal_handler_disconnect (frame_clock, before_id);
  g_signal_handler_disconnect (frame_clock, after_id);

  interval_stats = compute_stats (intervals, elapsed);
  work_stats = compute_stats (work, elapsed);

  printf ("zoom %g: %u frames in %.2f s (%.1f fps); frame interval median %.1f ms, "
          "p95 %.1f ms, max %.1f ms; %.1f%% of frames over %.1f ms, %.1f%% over %.1f ms; "
          "work per frame median %.1f ms, p95 %.1f ms, max %.1f ms\n",
          zoom, work_stats.frames, elapsed, work_stats.frames / elapsed,
          interval_stats.median, interval_stats.p95, interval_stats.max,
          100 * interval_stats.over_budget, FRAME_BUDGET_MS,
          100 * interval_stats.missed, 1.5 * FRAME_BUDGET_MS,
          work_stats.median, work_stats.p95, work_stats.max);
  printf ("PAN zoom=%g frames=%u seconds=%.2f fps=%.1f interval_median_ms=%.1f interval_p95_ms=%.1f "
          "interval_max_ms=%.1f over_16_7=%.3f over_25=%.3f work_median_ms=%.1f work_p95_ms=%.1f "
          "work_max_ms=%.1f step_px=%g\n",
          zoom, work_stats.frames, elapsed, work_stats.frames / elapsed,
          interval_stats.median, interval_stats.p95, interval_stats.max,
          interval_stats.over_budget, interval_stats.missed,
          work_stats.median, work_stats.p95, work_stats.max, step);
  fflush (stdout);

  return TRUE;
}

static gboolean
parse_double (const char *text,
              double      min,
              double      max,
              double     *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(value >= min && value <= max))
    return FALSE;

  *out = value;
  return TRUE;
}

static void
usage (FILE *out)
{
  fprintf (out,
           "Usage: bench-pan [--zooms 5,8] [--seconds 4] [--step 8] [--radius 400]\n"
           "\n"
           "Pans the briefing window's map by --step pixels a frame along a circle\n"
           "of --radius pixels over the Sahel, for --seconds at each zoom level,\n"
           "and prints the frame intervals and the work per frame.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) zooms = NULL;
  const char *zoom_list = DEFAULT_ZOOMS;
  double seconds = DEFAULT_SECONDS;
  double step = DEFAULT_STEP_PX;
  double radius = DEFAULT_RADIUS_PX;
  SbWindow *window;
  SbMapView *map_view;
  GskRenderer *renderer;
  gint64 refresh_interval = 0;
  gint64 deadline;
  int status = EXIT_SUCCESS;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          usage (stdout);
          return EXIT_SUCCESS;
        }
      else if (value != NULL && strcmp (arg, "--zooms") == 0)
        zoom_list = value;
      else if (value != NULL && strcmp (arg, "--seconds") == 0 && parse_double (value, 0.1, 600, &seconds))
        ;
      else if (value != NULL && strcmp (arg, "--step") == 0 && parse_double (value, 0.01, 1000, &step))
        ;
      else if (value != NULL && strcmp (arg, "--radius") == 0 && parse_double (value, 1, 100000, &radius))
        ;
      else
        {
          fprintf (stderr, "bench-pan: bad argument: %s\n", arg);
          usage (stderr);
          return 2;
        }
      i++;
    }

  zooms = g_strsplit (zoom_list, ",", -1);
  for (guint i = 0; zooms[i] != NULL; i++)
    {
      double zoom;

      if (!parse_double (zooms[i], 2, 16, &zoom))
        {
          fprintf (stderr, "bench-pan: bad zoom level: %s\n", zooms[i]);
          return 2;
        }
    }

  gtk_init ();
  adw_init ();

  window = sb_window_new (NULL, NULL);
  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));

  map_view = SB_MAP_VIEW (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_MAP_VIEW));
  deadline = g_get_monotonic_time () + FRAMED_TIMEOUT_MS * 1000;
  while (!map_is_framed (map_view))
    {
      if (g_get_monotonic_time () > deadline)
        {
          fprintf (stderr, "bench-pan: the map did not frame the briefing within %d s\n", FRAMED_TIMEOUT_MS / 1000);
          return EXIT_FAILURE;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  sb_test_iterate_for (SETTLE_MS);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gdk_frame_clock_get_refresh_info (gtk_widget_get_frame_clock (GTK_WIDGET (map_view)),
                                    g_get_monotonic_time (), &refresh_interval, NULL);
  printf ("bench-pan: window %dx%d, map %dx%d, renderer %s, refresh interval %.1f ms, "
          "%g px a frame for %g s per zoom\n",
          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
          gtk_widget_get_width (GTK_WIDGET (map_view)), gtk_widget_get_height (GTK_WIDGET (map_view)),
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none", refresh_interval / 1000.0,
          step, seconds);
  printf ("bench-pan: a frame interval is the time between two frames' \"after-paint\"; the work of a\n"
          "bench-pan: frame is its \"before-paint\" to its \"after-paint\". Xvfb has no vsync: GTK paces\n"
          "bench-pan: frames with a timer at the refresh interval there, so intervals show how fast\n"
          "bench-pan: frames are produced, not what a display would show; work per frame is the headroom.\n");
  fflush (stdout);

  for (guint i = 0; zooms[i] != NULL; i++)
    {
      double zoom = g_ascii_strtod (zooms[i], NULL);

      if (!pan_at_zoom (map_view, zoom, seconds, step, radius))
        status = EXIT_FAILURE;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  sb_test_iterate_for (100);

  return status;
}
