/* bench-map.c
 *
 * The map with many incidents: cluster build, pan and zoom frame times,
 * memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For each size, writes an ACLED-style export (tests/acled-generator.c)
 * and measures, in a fresh process so that its memory is its own, the
 * window as a person gets it: the import, the clusters built in their
 * worker thread, panning at two zoom levels and zooming in and out, a
 * change of time range clustered again while the map keeps drawing, and
 * the process's memory. A .sahelbrief file (bench-load --generate) can be
 * measured instead with --file.
 *
 *   bench-map [--sizes 100000,1000000] [--seconds 3] [--zooms 4,8] [--keep DIR]
 *   bench-map --file FILE [--hold SECONDS]
 *   bench-map --only recluster [--sizes …] [--zooms …] [--file …]
 *
 * --only recluster measures only the change of time range clustered
 * again, at each zoom: how long the main loop is held, and the main
 * thread's processor time in each iteration, split into the app's own
 * work, GTK laying the window out and GTK drawing the frame.
 *
 * Prints a line per measure for people and "MAP key=value…" lines for
 * scripts. Targets (issue 7): pan and zoom at 16.7 ms a frame with
 * 100,000 incidents, 33 ms with 1,000,000, and under 1 GB with 1,000,000.
 */

#define G_LOG_DOMAIN "bench-map"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "acled-generator.h"
#include "sb-item-layer.h"
#include "sb-map-layer.h"
#include "sb-map-view.h"
#include "sb-test-util.h"
#include "sb-timeline.h"
#include "sb-window.h"

#define DEFAULT_SIZES    "100000,1000000"
#define DEFAULT_ZOOMS    "4,8"
#define DEFAULT_SECONDS  3.0
#define SAHEL_LAT        14.0
#define SAHEL_LON        2.0
#define TIMEOUT_S        300
#define AFTER_BUILD_US   (1500 * 1000)

typedef struct
{
  SbMapView *map_view;
  ShumateMap *map;
  ShumateViewport *viewport;
  gboolean zooming;         /* else panning */
  double base_zoom;
  double world_size;
  double circle_x, circle_y;
  double angle;
  gint64 start;
  gint64 duration;
  gint64 before_paint;
  gint64 last_paint;
  gboolean active;
  GArray *intervals;
  GArray *work;
  SbMapLayer *layer;       /* the incidents' */
  gint64 layer_before;
  gint64 layer_cpu_before;
  GArray *layer_work;      /* the layer's own snapshot time per frame */
  GArray *layer_cpu;       /* the same in processor time */
  gint64 layers_cpu_before;
  GArray *layers_cpu;      /* every layer's (incidents, areas, arrows) processor time per frame */
} Motion;

/* ------------------------------------------------------------------ */

/* µs of processor time the calling thread has had */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static double
read_status_mib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10) / 1024.0;
}

/* ------------------------------------------------------------------ */

static void
on_before_paint (GdkFrameClock *clock,
                 Motion        *motion)
{
  motion->before_paint = g_get_monotonic_time ();
  motion->layer_before = sb_map_layer_get_snapshot_time (motion->layer);
  motion->layer_cpu_before = sb_map_layer_get_snapshot_cpu_time (motion->layer);
  motion->layers_cpu_before = sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (motion->map_view));
}

static void
on_after_paint (GdkFrameClock *clock,
                Motion        *motion)
{
  gint64 now = g_get_monotonic_time ();
  double value;

  if (!motion->active)
    return;

  if (motion->before_paint != 0)
    {
      value = (now - motion->before_paint) / 1000.0;
      g_array_append_val (motion->work, value);
      value = (sb_map_layer_get_snapshot_time (motion->layer) - motion->layer_before) / 1000.0;
      g_array_append_val (motion->layer_work, value);
      value = (sb_map_layer_get_snapshot_cpu_time (motion->layer) - motion->layer_cpu_before) / 1000.0;
      g_array_append_val (motion->layer_cpu, value);
      value = (sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (motion->map_view)) - motion->layers_cpu_before) / 1000.0;
      g_array_append_val (motion->layers_cpu, value);
    }
  if (motion->last_paint != 0)
    {
      value = (now - motion->last_paint) / 1000.0;
      g_array_append_val (motion->intervals, value);
    }
  motion->last_paint = now;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Motion *motion = user_data;
  gint64 elapsed = g_get_monotonic_time () - motion->start;

  if (elapsed >= motion->duration)
    {
      motion->active = FALSE;
      return G_SOURCE_REMOVE;
    }

  if (motion->zooming)
    {
      /* In and out by 1.5 levels, a full cycle every two seconds. */
      double t = elapsed / (2.0 * G_USEC_PER_SEC);

      shumate_viewport_set_zoom_level (motion->viewport, motion->base_zoom + 1.5 * (0.5 - 0.5 * cos (2 * G_PI * t)));
    }
  else
    {
      double x, y;

      motion->angle += 8.0 / 300.0;
      x = motion->circle_x + 300 * cos (motion->angle);
      y = motion->circle_y + 300 * sin (motion->angle);
      shumate_map_center_on (motion->map,
                             atan (sinh (G_PI * (1 - 2 * y / motion->world_size))) * 180 / G_PI,
                             x / motion->world_size * 360 - 180);
    }

  return G_SOURCE_CONTINUE;
}

static void
measure_motion (SbMapView  *map_view,
                double      zoom,
                gboolean    zooming,
                double      seconds,
                const char *label)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (map_view));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layer_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layer_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layers_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Motion motion = {
    .map_view = map_view,
    .map = sb_map_view_get_map (map_view),
    .viewport = sb_map_view_get_viewport (map_view),
    .zooming = zooming,
    .base_zoom = zoom,
    .world_size = 256 * exp2 (zoom),
    .duration = (gint64) (seconds * G_USEC_PER_SEC),
    .intervals = intervals,
    .work = work,
    .layer = SB_MAP_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_ITEM_LAYER)),
    .layer_work = layer_work,
    .layer_cpu = layer_cpu,
    .layers_cpu = layers_cpu,
  };
  gulong before, after;
  double fps;

  motion.circle_x = (SAHEL_LON + 180) / 360 * motion.world_size;
  motion.circle_y = (1 - log (tan (SAHEL_LAT * G_PI / 180) + 1 / cos (SAHEL_LAT * G_PI / 180)) / G_PI) / 2 * motion.world_size;

  sb_map_view_go_to (map_view, SAHEL_LAT, SAHEL_LON, zoom);
  sb_test_iterate_for (1000);

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &motion);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &motion);
  motion.start = g_get_monotonic_time ();
  motion.active = TRUE;
  gtk_widget_add_tick_callback (GTK_WIDGET (map_view), on_tick, &motion, NULL);
  while (motion.active)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  fps = intervals->len / seconds;
  printf ("  %-12s zoom %-4g %4u frames, %5.1f fps; interval median %6.1f ms, p95 %6.1f ms, max %6.1f; "
          "work median %6.1f ms, p95 %6.1f ms\n",
          label, zoom, intervals->len, fps, sb_test_percentile (intervals, 50), sb_test_percentile (intervals, 95),
          sb_test_percentile (intervals, 100), sb_test_percentile (work, 50), sb_test_percentile (work, 95));
  printf ("  %-12s           the incident layer's own work per frame: median %6.2f ms, p95 %6.2f ms, max %6.2f ms "
          "(target: no frame over 8 ms)\n",
          "", sb_test_percentile (layer_work, 50), sb_test_percentile (layer_work, 95), sb_test_percentile (layer_work, 100));
  printf ("  %-12s           of that, processor time (the rest waited for a processor): median %6.2f ms, p95 %6.2f ms, max %6.2f ms\n",
          "", sb_test_percentile (layer_cpu, 50), sb_test_percentile (layer_cpu, 95), sb_test_percentile (layer_cpu, 100));
  printf ("  %-12s           all the map's layers (incidents, areas, arrows), processor time: median %6.2f ms, p95 %6.2f ms, "
          "max %6.2f ms (target: the app's own share of a frame under 4 ms)\n",
          "", sb_test_percentile (layers_cpu, 50), sb_test_percentile (layers_cpu, 95), sb_test_percentile (layers_cpu, 100));
  printf ("MAP measure=%s zoom=%g frames=%u fps=%.1f interval_median_ms=%.1f interval_p95_ms=%.1f "
          "interval_max_ms=%.1f work_median_ms=%.1f work_p95_ms=%.1f layer_median_ms=%.2f layer_p95_ms=%.2f "
          "layer_max_ms=%.2f layer_cpu_median_ms=%.2f layer_cpu_p95_ms=%.2f layer_cpu_max_ms=%.2f "
          "layers_cpu_median_ms=%.2f layers_cpu_p95_ms=%.2f layers_cpu_max_ms=%.2f\n",
          label, zoom, intervals->len, fps, sb_test_percentile (intervals, 50), sb_test_percentile (intervals, 95),
          sb_test_percentile (intervals, 100), sb_test_percentile (work, 50), sb_test_percentile (work, 95),
          sb_test_percentile (layer_work, 50), sb_test_percentile (layer_work, 95), sb_test_percentile (layer_work, 100),
          sb_test_percentile (layer_cpu, 50), sb_test_percentile (layer_cpu, 95), sb_test_percentile (layer_cpu, 100),
          sb_test_percentile (layers_cpu, 50), sb_test_percentile (layers_cpu, 95), sb_test_percentile (layers_cpu, 100));
  fflush (stdout);
}

typedef struct
{
  gboolean waiting;
} Painted;

static void
on_redraw_painted (GdkFrameClock *clock,
                   Painted       *painted)
{
  painted->waiting = FALSE;
}

#define REDRAWS 8

static gboolean
layers_are_drawn (gpointer data)
{
  return !sb_map_layers_are_drawing (data);
}

/* The layers drawn anew, as after a change of filters or selection, with
 * the view still: the processor time the main thread spends on the
 * incident layer and on all the map's layers (areas, arrows too) in the
 * frames until the new textures show, the costliest such frame, and the
 * time worker threads spend drawing them.
 */
static void
measure_redraw (SbMapView *map_view,
                double     zoom)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (map_view));
  SbMapLayer *layer = SB_MAP_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_ITEM_LAYER));
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) worker = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  Painted painted = { FALSE };
  gulong handler;

  sb_map_view_go_to (map_view, SAHEL_LAT, SAHEL_LON, zoom);
  sb_test_iterate_for (1000);
  sb_test_run_until (layers_are_drawn, map_view, TIMEOUT_S * 1000);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_redraw_painted), &painted);
  for (guint i = 0; i < REDRAWS; i++)
    {
      gint64 layer_before = sb_map_layer_get_snapshot_cpu_time (layer);
      gint64 all_before = sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view));
      gint64 worker_before = sb_map_layers_get_worker_cpu_time (GTK_WIDGET (map_view));
      gint64 start = g_get_monotonic_time ();
      double value, costliest = 0;

      sb_map_layer_invalidate (layer);
      do
        {
          gint64 frame_before = sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view));

          painted.waiting = TRUE;
          while (painted.waiting)
            g_main_context_iteration (NULL, TRUE);
          costliest = MAX (costliest, (sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view)) - frame_before) / 1000.0);
        }
      while (sb_map_layers_are_drawing (GTK_WIDGET (map_view)));

      value = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (shown, value);
      value = (sb_map_layer_get_snapshot_cpu_time (layer) - layer_before) / 1000.0;
      g_array_append_val (own, value);
      value = (sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view)) - all_before) / 1000.0;
      g_array_append_val (all, value);
      g_array_append_val (frame, costliest);
      value = (sb_map_layers_get_worker_cpu_time (GTK_WIDGET (map_view)) - worker_before) / 1000.0;
      g_array_append_val (worker, value);
    }
  g_signal_handler_disconnect (clock, handler);

  printf ("  %-12s zoom %-4g %u times: in the main thread, the incident layer's processor time median %6.1f ms, max %6.1f ms; "
          "all the map's layers median %6.1f ms, max %6.1f ms; their costliest frame median %6.1f ms, max %6.1f ms "
          "(target: no frame over 8 ms)\n",
          "redraw", zoom, REDRAWS, sb_test_percentile (own, 50), sb_test_percentile (own, 100),
          sb_test_percentile (all, 50), sb_test_percentile (all, 100),
          sb_test_percentile (frame, 50), sb_test_percentile (frame, 100));
  printf ("  %-12s           drawn in worker threads in %6.1f ms of processor time (median, max %.1f ms), "
          "shown %6.1f ms after the change (median, max %.1f ms)\n",
          "", sb_test_percentile (worker, 50), sb_test_percentile (worker, 100),
          sb_test_percentile (shown, 50), sb_test_percentile (shown, 100));
  printf ("MAP measure=redraw zoom=%g redraws=%u layer_cpu_median_ms=%.1f layer_cpu_max_ms=%.1f "
          "layers_cpu_median_ms=%.1f layers_cpu_max_ms=%.1f frame_cpu_median_ms=%.1f frame_cpu_max_ms=%.1f "
          "worker_cpu_median_ms=%.1f worker_cpu_max_ms=%.1f shown_median_ms=%.1f shown_max_ms=%.1f\n",
          zoom, REDRAWS, sb_test_percentile (own, 50), sb_test_percentile (own, 100),
          sb_test_percentile (all, 50), sb_test_percentile (all, 100),
          sb_test_percentile (frame, 50), sb_test_percentile (frame, 100),
          sb_test_percentile (worker, 50), sb_test_percentile (worker, 100),
          sb_test_percentile (shown, 50), sb_test_percentile (shown, 100));
  fflush (stdout);
}

/* ------------------------------------------------------------------ */

static gboolean
window_has_briefing (gpointer data)
{
  return sb_window_get_briefing (data) != NULL && !sb_window_is_loading (data);
}

static gboolean
layer_is_ready (gpointer data)
{
  return !sb_item_layer_get_busy (data) && sb_item_layer_get_clusters (data) != NULL;
}

typedef struct
{
  gint64 before;
  gint64 cpu_before;
  gint64 painting;         /* µs in GTK's paint phase during this iteration */
  gint64 painting_cpu;     /* the same in the main thread's processor time */
  gint64 laid_out_cpu;     /* when GTK had laid the window out, in this frame */
  gint64 layout_cpu;       /* processor time of the update and layout phases, this iteration */
} PaintWatch;

/* Connected after GTK's own handler: the window is laid out. */
static void
on_recluster_layout (GdkFrameClock *clock,
                     PaintWatch    *watch)
{
  if (watch->before != 0)
    {
      watch->laid_out_cpu = thread_cpu_time ();
      watch->layout_cpu += watch->laid_out_cpu - watch->cpu_before;
    }
}

static void
on_recluster_before_paint (GdkFrameClock *clock,
                           PaintWatch    *watch)
{
  watch->before = g_get_monotonic_time ();
  watch->cpu_before = thread_cpu_time ();
}

static void
on_recluster_after_paint (GdkFrameClock *clock,
                          PaintWatch    *watch)
{
  if (watch->before != 0)
    {
      watch->painting += g_get_monotonic_time () - watch->before;
      watch->painting_cpu += thread_cpu_time () - watch->cpu_before;
    }
  watch->before = 0;
}

/* Longest gap between two iterations of the main loop while the layer
 * clusters again: how long the window would freeze; and what the longest
 * was made of: the change itself, frames GTK painted, the layer's own
 * part of them, and the rest (other sources of the main loop).
 */
static double
measure_recluster (SbWindow    *window,
                   SbItemLayer *layer)
{
  SbSelection *selection = sb_window_get_selection (window);
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (layer));
  guint32 last = sb_briefing_get_last_day (briefing);
  gint64 start, previous, longest = 0, end = 0, changed, longest_painting = 0, longest_layer = 0, longest_cpu = 0;
  gint64 longest_layers_cpu = 0, costliest_layers_cpu = 0, costliest_own_cpu = 0, costliest_cpu = 0;
  gint64 costliest_layout_cpu = 0, costliest_painting_cpu = 0;
  gint64 built = G_MAXINT64 / 2, shown = 0;
  GtkWidget *layers = gtk_widget_get_parent (GTK_WIDGET (layer));
  gint64 worker_before = sb_map_layers_get_worker_cpu_time (layers);
  PaintWatch watch = { 0, };
  gulong before, after, layout;

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_recluster_before_paint), &watch);
  layout = g_signal_connect (clock, "layout", G_CALLBACK (on_recluster_layout), &watch);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_recluster_after_paint), &watch);

  start = previous = g_get_monotonic_time ();
  costliest_cpu = thread_cpu_time ();
  sb_selection_set_time_range (selection, last - 365, last);
  changed = g_get_monotonic_time ();
  costliest_cpu = costliest_own_cpu = thread_cpu_time () - costliest_cpu;
  longest = changed - start;
  printf ("  the change itself (every view told, in the main thread): %.1f ms\n", (changed - start) / 1000.0);
  previous = changed;
  /* Until the clusters are built, and a while after: the frames that draw
   * them, and what follows the change in timeouts, block the loop too.
   */
  while (sb_item_layer_get_busy (layer) || g_get_monotonic_time () < built + AFTER_BUILD_US)
    {
      gint64 layer_before = sb_map_layer_get_snapshot_time (SB_MAP_LAYER (layer));
      gint64 cpu_before = thread_cpu_time ();
      gint64 layers_before = sb_map_layers_get_snapshot_cpu_time (gtk_widget_get_parent (GTK_WIDGET (layer)));
      gint64 now;

      watch.painting = 0;
      watch.painting_cpu = 0;
      watch.layout_cpu = 0;
      g_main_context_iteration (NULL, FALSE);
      now = g_get_monotonic_time ();
      {
        gint64 cpu = thread_cpu_time () - cpu_before;
        gint64 layers_cpu = sb_map_layers_get_snapshot_cpu_time (gtk_widget_get_parent (GTK_WIDGET (layer))) - layers_before;

        /* The app's own: all but GTK's painting, and of that the map's layers. */
        costliest_cpu = MAX (costliest_cpu, cpu);
        costliest_layout_cpu = MAX (costliest_layout_cpu, watch.layout_cpu);
        costliest_painting_cpu = MAX (costliest_painting_cpu, watch.painting_cpu - watch.layout_cpu - layers_cpu);
        costliest_own_cpu = MAX (costliest_own_cpu, cpu - watch.painting_cpu + layers_cpu);
      }
      if (now - previous > longest)
        {
          longest = now - previous;
          longest_painting = watch.painting;
          longest_layer = sb_map_layer_get_snapshot_time (SB_MAP_LAYER (layer)) - layer_before;
          longest_cpu = thread_cpu_time () - cpu_before;
          longest_layers_cpu = sb_map_layers_get_snapshot_cpu_time (gtk_widget_get_parent (GTK_WIDGET (layer))) - layers_before;
        }
      costliest_layers_cpu = MAX (costliest_layers_cpu,
                                  sb_map_layers_get_snapshot_cpu_time (gtk_widget_get_parent (GTK_WIDGET (layer))) - layers_before);
      previous = now;
      if (built == G_MAXINT64 / 2 && !sb_item_layer_get_busy (layer))
        built = end = now;
      else if (built != G_MAXINT64 / 2 && shown == 0 && !sb_map_layers_are_drawing (layers))
        shown = now;
      g_usleep (200);
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, layout);
  g_signal_handler_disconnect (clock, after);

  printf ("  re-cluster after a change of time range: %.3f s (build %.3f s in a worker thread), "
          "main loop never blocked more than %.1f ms (target: 16 ms): of that, %.1f ms GTK painting a frame, "
          "in which %.1f ms the incident layer's own work; %.1f ms else; %.1f ms of processor time, "
          "%.1f ms of it the map's layers drawing\n",
          (end - start) / 1e6, sb_incident_clusters_get_build_seconds (sb_item_layer_get_clusters (layer)),
          longest / 1000.0, longest_painting / 1000.0, longest_layer / 1000.0,
          (longest - longest_painting) / 1000.0, longest_cpu / 1000.0, longest_layers_cpu / 1000.0);
  printf ("  the costliest frame of the map's layers meanwhile (the new clusters laid out and recorded): "
          "%.1f ms of processor time in the main thread (target: 8 ms); drawn in worker threads in %.1f ms of "
          "processor time, shown %.3f s after the change\n", costliest_layers_cpu / 1000.0,
          (sb_map_layers_get_worker_cpu_time (layers) - worker_before) / 1000.0, shown > 0 ? (shown - start) / 1e6 : -1.0);
  printf ("  processor time of the main thread in one iteration of its loop meanwhile: at most %.1f ms in all, "
          "at most %.1f ms of it the app's own (all but GTK painting a frame, and in the frame the map's layers; target: 16 ms); "
          "in a frame, laying the window out at most %.1f ms, GTK drawing it (the map's layers apart) at most %.1f ms\n",
          costliest_cpu / 1000.0, costliest_own_cpu / 1000.0, costliest_layout_cpu / 1000.0, costliest_painting_cpu / 1000.0);
  printf ("MAP measure=recluster seconds=%.3f build_s=%.3f longest_block_ms=%.1f painting_ms=%.1f layer_ms=%.1f "
          "block_cpu_ms=%.1f layers_cpu_ms=%.1f costliest_layers_cpu_ms=%.1f worker_cpu_ms=%.1f drawn_s=%.3f shown=%u "
          "costliest_iteration_cpu_ms=%.1f costliest_own_cpu_ms=%.1f costliest_layout_cpu_ms=%.1f costliest_drawing_cpu_ms=%.1f\n",
          (end - start) / 1e6, sb_incident_clusters_get_build_seconds (sb_item_layer_get_clusters (layer)),
          longest / 1000.0, longest_painting / 1000.0, longest_layer / 1000.0, longest_cpu / 1000.0,
          longest_layers_cpu / 1000.0, costliest_layers_cpu / 1000.0,
          (sb_map_layers_get_worker_cpu_time (layers) - worker_before) / 1000.0, shown > 0 ? (shown - start) / 1e6 : -1.0,
          sb_incident_clusters_get_n_items (sb_item_layer_get_clusters (layer)),
          costliest_cpu / 1000.0, costliest_own_cpu / 1000.0, costliest_layout_cpu / 1000.0,
          costliest_painting_cpu / 1000.0);

  sb_selection_set_time_range (selection, 0, 0);
  sb_test_run_until (layer_is_ready, layer, TIMEOUT_S * 1000);
  return longest / 1000.0;
}

static int
run_one (const char *path,
         const char *zoom_list,
         double      seconds,
         double      hold,
         gboolean    only_recluster)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) zooms = g_strsplit (zoom_list, ",", -1);
  SbWindow *window;
  SbMapView *map_view;
  SbItemLayer *layer;
  SbIncidentClusters *clusters;
  gint64 start, loaded, clustered;
  guint n_incidents;

  gtk_init ();
  adw_init ();

  window = sb_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));
  if (!sb_test_run_until (window_has_briefing, window, TIMEOUT_S * 1000))
    return EXIT_FAILURE;
  sb_test_iterate_for (500);

  /* The same window with the built-in briefing's few dozen statements:
   * what GTK and the renderer cost here before any incident is drawn.
   */
  printf ("%s\n", path);
  for (guint i = 0; zooms[i] != NULL && !only_recluster; i++)
    measure_motion (sb_window_get_map_view (window), g_ascii_strtod (zooms[i], NULL), FALSE, seconds, "baseline-pan");

  start = g_get_monotonic_time ();
  if (g_str_has_suffix (path, ".csv"))
    sb_window_import (window, file, SB_IMPORT_FORMAT_ACLED, NULL);
  else
    sb_window_open (window, file);
  if (!sb_test_run_until (window_has_briefing, window, TIMEOUT_S * 1000))
    {
      fprintf (stderr, "bench-map: %s did not load\n", path);
      return EXIT_FAILURE;
    }
  loaded = g_get_monotonic_time ();

  map_view = sb_window_get_map_view (window);
  layer = SB_ITEM_LAYER (sb_test_find_widget (GTK_WIDGET (map_view), SB_TYPE_ITEM_LAYER));
  if (!sb_test_run_until (layer_is_ready, layer, TIMEOUT_S * 1000))
    {
      fprintf (stderr, "bench-map: no clusters\n");
      return EXIT_FAILURE;
    }
  clustered = g_get_monotonic_time ();
  clusters = sb_item_layer_get_clusters (layer);
  n_incidents = g_list_model_get_n_items (sb_briefing_get_items (sb_window_get_briefing (window), SB_ITEM_KIND_INCIDENT));

  printf ("  %u incidents; loaded in %.2f s, clustered %.2f s later (index built in %.3f s in a worker thread, %.1f MiB); "
          "RSS %.0f MiB, peak %.0f MiB\n",
          n_incidents, (loaded - start) / 1e6, (clustered - loaded) / 1e6,
          sb_incident_clusters_get_build_seconds (clusters),
          sb_cluster_index_get_memory_size (sb_incident_clusters_get_index (clusters)) / 1048576.0,
          read_status_mib ("VmRSS:"), read_status_mib ("VmHWM:"));
  printf ("MAP measure=load incidents=%u load_s=%.2f cluster_wait_s=%.2f cluster_build_s=%.3f index_mib=%.1f "
          "rss_mib=%.0f peak_rss_mib=%.0f\n",
          n_incidents, (loaded - start) / 1e6, (clustered - loaded) / 1e6,
          sb_incident_clusters_get_build_seconds (clusters),
          sb_cluster_index_get_memory_size (sb_incident_clusters_get_index (clusters)) / 1048576.0,
          read_status_mib ("VmRSS:"), read_status_mib ("VmHWM:"));
  fflush (stdout);

  if (hold > 0)
    {
      sb_map_view_go_to (map_view, SAHEL_LAT, SAHEL_LON, 5);
      sb_test_iterate_for ((guint) (hold * 1000));
    }

  if (only_recluster)
    {
      /* At each zoom, the view still and drawn. */
      for (guint i = 0; zooms[i] != NULL; i++)
        {
          sb_map_view_go_to (map_view, SAHEL_LAT, SAHEL_LON, g_ascii_strtod (zooms[i], NULL));
          sb_test_iterate_for (1000);
          sb_test_run_until (layers_are_drawn, map_view, TIMEOUT_S * 1000);
          printf ("  at zoom %s:\n", zooms[i]);
          measure_recluster (window, layer);
        }
    }
  else
    {
      for (guint i = 0; zooms[i] != NULL; i++)
        measure_motion (map_view, g_ascii_strtod (zooms[i], NULL), FALSE, seconds, "pan");
      for (guint i = 0; zooms[i] != NULL; i++)
        measure_motion (map_view, g_ascii_strtod (zooms[i], NULL), TRUE, seconds, "zoom");
      for (guint i = 0; zooms[i] != NULL; i++)
        measure_redraw (map_view, g_ascii_strtod (zooms[i], NULL));

      measure_recluster (window, layer);
    }

  printf ("  memory at the end: RSS %.0f MiB, peak %.0f MiB\n", read_status_mib ("VmRSS:"), read_status_mib ("VmHWM:"));
  printf ("MAP measure=memory rss_mib=%.0f peak_rss_mib=%.0f\n", read_status_mib ("VmRSS:"), read_status_mib ("VmHWM:"));
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  sb_test_iterate_for (100);
  return EXIT_SUCCESS;
}

static void
usage (FILE *out)
{
  fprintf (out,
           "Usage: bench-map [--sizes 100000,1000000] [--seconds 3] [--zooms 4,8] [--keep DIR]\n"
           "       bench-map --file FILE.csv|FILE.sahelbrief [--seconds 3] [--zooms 4,8] [--hold S]\n"
           "       bench-map --only recluster [--sizes …] [--zooms …] [--file …]   only the re-clustering after a filter change\n");
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes = DEFAULT_SIZES, *zooms = DEFAULT_ZOOMS, *keep = NULL, *file = NULL, *only = NULL;
  double seconds = DEFAULT_SECONDS, hold = 0;
  g_auto(GStrv) size_list = NULL;
  g_autofree char *dir = NULL;
  int status = EXIT_SUCCESS;

#ifdef M_MMAP_THRESHOLD
  /* As the app's main.c does, for the same memory after panning. */
  mallopt (M_MMAP_THRESHOLD, 1024 * 1024);
#endif

  for (int i = 1; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          usage (stdout);
          return EXIT_SUCCESS;
        }
      if (value == NULL)
        {
          usage (stderr);
          return 2;
        }
      if (g_str_equal (argv[i], "--sizes"))
        sizes = value;
      else if (g_str_equal (argv[i], "--zooms"))
        zooms = value;
      else if (g_str_equal (argv[i], "--seconds"))
        seconds = CLAMP (g_ascii_strtod (value, NULL), 0.5, 60);
      else if (g_str_equal (argv[i], "--hold"))
        hold = CLAMP (g_ascii_strtod (value, NULL), 0, 3600);
      else if (g_str_equal (argv[i], "--keep"))
        keep = value;
      else if (g_str_equal (argv[i], "--file"))
        file = value;
      else if (g_str_equal (argv[i], "--only") && g_str_equal (value, "recluster"))
        only = value;
      else
        {
          usage (stderr);
          return 2;
        }
      i++;
    }

  if (file != NULL)
    return run_one (file, zooms, seconds, hold, only != NULL);

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("sb-bench-map-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  size_list = g_strsplit (sizes, ",", -1);

  for (guint i = 0; size_list[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (size_list[i], NULL, 10);
      g_autofree char *name = g_strdup_printf ("acled-%u.csv", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *seconds_text = g_strdup_printf ("%g", seconds);
      const char *child[] = { argv[0], "--file", path, "--seconds", seconds_text, "--zooms", zooms,
                              only ? "--only" : NULL, only, NULL };
      g_autoptr(GError) error = NULL;
      int wait_status = 0;

      if (n == 0)
        continue;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          FILE *out = fopen (path, "w");
          gint64 start = g_get_monotonic_time ();

          if (out == NULL)
            {
              fprintf (stderr, "bench-map: cannot write %s\n", path);
              return EXIT_FAILURE;
            }
          /* About twenty events a place, as in ACLED's Sahel data. */
          acled_generator_write (out, n, MAX (n / 20, 1), 20220815);
          fclose (out);
          printf ("# wrote %s (%u events) in %.1f s\n", path, n, (g_get_monotonic_time () - start) / 1e6);
        }

      fflush (stdout);
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        {
          fprintf (stderr, "bench-map: %u incidents: %s\n", n, error->message);
          status = EXIT_FAILURE;
        }

      if (keep == NULL)
        g_unlink (path);
    }

  if (keep == NULL)
    g_rmdir (dir);

  return status;
}
