/* bench-edit.c
 *
 * Editing an event dataset: how long an edit takes to apply and to be
 * drawn, and how long Save takes, with 100,000 incidents.
 *
 * Imports a generated ACLED-style export (tests/acled-generator.c) into a
 * window as a person would, waits for its clusters, then applies edits of
 * three kinds to random incidents, each as the card does (one edit of the
 * window's document): a new title (the map draws no incident's title:
 * its layers keep what they drew), a new type
 * (its cluster's colour may change) and a new place (it leaves one
 * cluster for another). For each it times the edit applied with every
 * view following it, and the edit applied and the map's next frame drawn.
 * Then it saves the briefing, as Ctrl+S does.
 *
 *   bench-edit [--incidents 100000] [--edits 40] [--keep DIR]
 *
 * Prints a line per measure for people and "EDIT key=value…" lines for
 * scripts. The target (issue 13): an edit applied and drawn within one
 * frame, 16.7 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-edit"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "acled-generator.h"
#include "sb-item-layer.h"
#include "sb-map-layer.h"
#include "sb-map-view.h"
#include "sb-test-util.h"
#include "sb-window.h"
#include "sb-writer.h"

#define TIMEOUT_S 300

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
  gboolean waiting;
  gint64 before_paint;
  gint64 painted;
  gint64 work;             /* of the frame that drew the edit */
} Frame;

static void
on_before_paint (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->before_paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->waiting)
    return;

  frame->painted = g_get_monotonic_time ();
  frame->work = frame->painted - frame->before_paint;
  frame->waiting = FALSE;
}

typedef enum
{
  EDIT_TITLE,
  EDIT_TYPE,
  EDIT_PLACE,
  N_EDIT_KINDS
} EditKind;

static const char *edit_names[] = { "title", "type", "place" };

static SbEdit *
make_edit (SbBriefing *briefing,
           EditKind    kind,
           GRand      *rand)
{
  GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  GListModel *places = sb_briefing_get_places (briefing);
  g_autoptr(SbItem) item = g_list_model_get_item (incidents, g_rand_int_range (rand, 0, g_list_model_get_n_items (incidents)));

  switch (kind)
    {
    case EDIT_TITLE:
      {
        g_autofree char *title = g_strdup_printf ("Edited %u", g_rand_int (rand));
        g_autoptr(SbText) text = sb_text_new ("en", title);

        return sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, text);
      }
    case EDIT_TYPE:
      return sb_edit_new_set_int (SB_ENTITY (item), SB_ITEM_FIELD_SUBTYPE,
                                  (sb_item_get_incident_type (item) + 1) % SB_N_INCIDENT_TYPES);
    case EDIT_PLACE:
    default:
      {
        g_autoptr(SbEntity) place = g_list_model_get_item (places, g_rand_int_range (rand, 0, g_list_model_get_n_items (places)));

        return sb_edit_new_set_entity (SB_ENTITY (item), SB_ITEM_FIELD_PLACE, place);
      }
    }
}

static void
measure_edits (SbWindow *window,
               guint     n_edits)
{
  SbDocument *document = sb_window_get_document (window);
  SbBriefing *briefing = sb_document_get_briefing (document);
  SbMapView *map_view = sb_window_get_map_view (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (map_view));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20220815);
  Frame frame = { 0, };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frame);

  /* For comparison, before any edit: selecting an incident, as a click
   * does, redraws the map the same way without changing the briefing.
   */
  {
    SbSelection *selection = sb_window_get_selection (window);
    GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
    g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) layers = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < n_edits; i++)
      {
        g_autoptr(SbEntity) item = g_list_model_get_item (incidents, g_rand_int_range (rand, 0, g_list_model_get_n_items (incidents)));
        gint64 start;
        double value;

        gint64 cpu;

        sb_test_iterate_for (60);
        frame.waiting = TRUE;
        start = g_get_monotonic_time ();
        cpu = sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view));
        sb_selection_select (selection, item);
        while (frame.waiting)
          g_main_context_iteration (NULL, TRUE);
        value = (frame.painted - start) / 1000.0;
        g_array_append_val (drawn, value);
        value = frame.work / 1000.0;
        g_array_append_val (work, value);
        value = (sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view)) - cpu) / 1000.0;
        g_array_append_val (layers, value);
      }
    sb_selection_select (selection, NULL);
    sb_test_iterate_for (60);

    printf ("  for comparison, a click selecting an incident: drawn in median %6.2f ms, p95 %6.2f ms "
            "(the frame's own work %6.2f ms; the map's layers %6.2f ms of processor time, p95 %6.2f ms)\n",
            sb_test_percentile (drawn, 50), sb_test_percentile (drawn, 95), sb_test_percentile (work, 50),
            sb_test_percentile (layers, 50), sb_test_percentile (layers, 95));
    printf ("EDIT measure=select drawn_median_ms=%.2f drawn_p95_ms=%.2f frame_work_median_ms=%.2f "
            "layers_cpu_median_ms=%.2f layers_cpu_p95_ms=%.2f\n",
            sb_test_percentile (drawn, 50), sb_test_percentile (drawn, 95), sb_test_percentile (work, 50),
            sb_test_percentile (layers, 50), sb_test_percentile (layers, 95));
  }

  for (EditKind kind = 0; kind < N_EDIT_KINDS; kind++)
    {
      g_autoptr(GArray) applied = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) layers = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < n_edits; i++)
        {
          SbEdit *edit = make_edit (briefing, kind, rand);
          gint64 start, end, cpu;
          double value;

          /* Between edits the map is idle, as between a person's. */
          sb_test_iterate_for (60);

          frame.waiting = TRUE;
          start = g_get_monotonic_time ();
          cpu = sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view));
          sb_document_apply (document, edit, NULL);
          sb_document_break_coalescing (document);
          end = g_get_monotonic_time ();
          /* A frame even when the edit changes nothing drawn. */
          gtk_widget_queue_draw (GTK_WIDGET (map_view));
          while (frame.waiting)
            g_main_context_iteration (NULL, TRUE);

          value = (end - start) / 1000.0;
          g_array_append_val (applied, value);
          value = (frame.painted - start) / 1000.0;
          g_array_append_val (drawn, value);
          value = frame.work / 1000.0;
          g_array_append_val (work, value);
          value = (sb_map_layers_get_snapshot_cpu_time (GTK_WIDGET (map_view)) - cpu) / 1000.0;
          g_array_append_val (layers, value);
        }

      printf ("  %-6s edit: applied with every view following in median %6.2f ms, p95 %6.2f ms; "
              "applied and drawn in median %6.2f ms, p95 %6.2f ms (the frame's own work %6.2f ms)\n"
              "         the map's layers drawing it: median %6.2f ms, p95 %6.2f ms of processor time "
              "(target: applied and drawn within one frame, 16.7 ms)\n",
              edit_names[kind], sb_test_percentile (applied, 50), sb_test_percentile (applied, 95),
              sb_test_percentile (drawn, 50), sb_test_percentile (drawn, 95), sb_test_percentile (work, 50),
              sb_test_percentile (layers, 50), sb_test_percentile (layers, 95));
      printf ("EDIT measure=%s edits=%u applied_median_ms=%.2f applied_p95_ms=%.2f drawn_median_ms=%.2f drawn_p95_ms=%.2f "
              "frame_work_median_ms=%.2f layers_cpu_median_ms=%.2f layers_cpu_p95_ms=%.2f\n",
              edit_names[kind], n_edits, sb_test_percentile (applied, 50), sb_test_percentile (applied, 95),
              sb_test_percentile (drawn, 50), sb_test_percentile (drawn, 95), sb_test_percentile (work, 50),
              sb_test_percentile (layers, 50), sb_test_percentile (layers, 95));
      fflush (stdout);
    }

  /* Undo and redo of the last edit: what Ctrl+Z costs. */
  {
    gint64 start = g_get_monotonic_time ();

    frame.waiting = TRUE;
    sb_document_undo (document);
    gtk_widget_queue_draw (GTK_WIDGET (map_view));
    while (frame.waiting)
      g_main_context_iteration (NULL, TRUE);
    printf ("  undo: applied and drawn in %.2f ms\n", (frame.painted - start) / 1000.0);
    printf ("EDIT measure=undo drawn_ms=%.2f\n", (frame.painted - start) / 1000.0);
  }

  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, before);
}

static gboolean
is_saved (gpointer data)
{
  return !sb_document_get_modified (data);
}

static void
measure_save (SbWindow   *window,
              const char *dir)
{
  SbDocument *document = sb_window_get_document (window);
  g_autofree char *path = g_build_filename (dir, "events.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbBriefing) snapshot = sb_briefing_get_snapshot (sb_document_get_briefing (document));
  g_autofree char *data = NULL;
  gint64 start, saved;
  double writer_s;
  gsize length;
  GStatBuf info;

  start = g_get_monotonic_time ();
  data = sb_writer_to_data (snapshot, &length);
  writer_s = (g_get_monotonic_time () - start) / 1e6;
  g_clear_pointer (&data, g_free);

  /* Save As, as the window does it: in a worker thread, checked after. */
  start = g_get_monotonic_time ();
  sb_window_save_as (window, file);
  if (!sb_test_run_until (is_saved, document, TIMEOUT_S * 1000))
    {
      fprintf (stderr, "bench-edit: the save did not finish\n");
      return;
    }
  saved = g_get_monotonic_time ();
  g_stat (path, &info);

  printf ("  save of %u incidents: %.2f s in a worker thread, the window free meanwhile (%.1f MiB; the writer\n"
          "    alone %.2f s; the rest is the file flushed to disk and checked as --check would)\n",
          g_list_model_get_n_items (sb_briefing_get_items (snapshot, SB_ITEM_KIND_INCIDENT)),
          (saved - start) / 1e6, info.st_size / 1048576.0, writer_s);
  printf ("EDIT measure=save seconds=%.2f mib=%.1f writer_s=%.2f\n", (saved - start) / 1e6, info.st_size / 1048576.0, writer_s);
}

int
main (int   argc,
      char *argv[])
{
  guint n_incidents = 100000, n_edits = 40;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "incidents", 0, 0, G_OPTION_ARG_INT, &n_incidents, "How many incidents", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &n_edits, "How many edits of each kind", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the files in DIR", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  SbWindow *window;
  SbItemLayer *layer;
  FILE *out;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-edit: %s\n", error->message);
      return EXIT_FAILURE;
    }

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("sb-bench-edit-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "events.csv", NULL);
  out = fopen (path, "w");
  acled_generator_write (out, n_incidents, n_incidents / 5, 20220815);
  fclose (out);
  file = g_file_new_for_path (path);

  gtk_init ();
  adw_init ();
  g_setenv ("XDG_STATE_HOME", dir, TRUE);

  window = sb_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_import (window, file, SB_IMPORT_FORMAT_ACLED, NULL);
  if (!sb_test_run_until (window_has_briefing, window, TIMEOUT_S * 1000))
    {
      fprintf (stderr, "bench-edit: the export did not import\n");
      return EXIT_FAILURE;
    }
  layer = SB_ITEM_LAYER (sb_test_find_widget (GTK_WIDGET (sb_window_get_map_view (window)), SB_TYPE_ITEM_LAYER));
  if (!sb_test_run_until (layer_is_ready, layer, TIMEOUT_S * 1000))
    {
      fprintf (stderr, "bench-edit: no clusters\n");
      return EXIT_FAILURE;
    }
  sb_map_view_go_to (sb_window_get_map_view (window), 14.0, 2.0, 6);
  sb_test_iterate_for (1500);

  printf ("%u incidents, %u edits of each kind, the window at 1920×1080:\n", n_incidents, n_edits);
  measure_edits (window, n_edits);
  measure_save (window, dir);

  if (keep == NULL)
    {
      g_autofree char *saved = g_build_filename (dir, "events.sahelbrief", NULL);
      g_autofree char *backup = g_strconcat (saved, "~", NULL);

      g_unlink (path);
      g_unlink (saved);
      g_unlink (backup);
    }

  return EXIT_SUCCESS;
}
