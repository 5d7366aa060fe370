/* test-export-geojson.c
 *
 * The GeoJSON export in its worker thread: cancelled at any moment, as a
 * new load cancels it, it leaves the file it was to replace as it was,
 * while the selection it was started from changes under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "briefing-generator.h"
#include "sb-file-output.h"
#include "sb-geojson-export.h"
#include "sb-selection.h"
#include "sb-import.h"
#include "sb-loader.h"
#include "sb-test-util.h"

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Export;

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  export->ok = sb_export_geojson_finish (result, &export->error);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Export *) data)->done;
}

static SbBriefing *
generate (guint32 seed,
          guint   n_statements)
{
  BriefingShape shape = {
    .n_sources = 2, .n_actors = 10, .n_places = 50, .n_statements = n_statements,
    .n_steps = 0, .max_ring_points = 100,
  };
  gsize length;
  g_autofree char *data = briefing_generator_write (seed, &shape, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing = sb_loader_load_bytes (bytes, &problems);

  g_assert_nonnull (briefing);
  return briefing;
}

typedef struct
{
  GCancellable *cancellable;
  SbSelection *selection;
  SbBriefing *next;
} NewLoad;

/* What a window does when a new load starts: cancel the job under way,
 * then show the new briefing.
 */
static gboolean
start_new_load (gpointer data)
{
  NewLoad *load = data;

  g_cancellable_cancel (load->cancellable);
  sb_selection_set_briefing (load->selection, load->next);
  sb_selection_set_layer_visible (load->selection, SB_LAYER_AREAS, FALSE);

  return G_SOURCE_REMOVE;
}

static guint
count_temporary_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += sb_file_output_is_temporary (name);

  return n;
}

static void
test_cancelled_anywhere (void)
{
  g_autofree char *dir = sb_test_make_temp_dir ("sb-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "mali & niger.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbBriefing) briefing = generate (g_test_rand_int (), 400);
  g_autoptr(SbBriefing) next = generate (g_test_rand_int (), 10);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autofree char *expected = NULL;
  gint64 full_us;
  guint n_cancelled = 0, n_finished = 0;

  sb_selection_set_briefing (selection, briefing);
  sb_selection_set_incident_type_visible (selection, SB_INCIDENT_TYPE_ATTACK, FALSE);
  expected = sb_geojson_export (briefing, sb_selection_get_filter (selection), NULL, NULL);

  /* How long a whole export takes here: the cancels fall within it. */
  {
    Export export = { FALSE, };
    gint64 start = g_get_monotonic_time ();
    g_autofree char *contents = NULL;

    sb_export_geojson_async (briefing, sb_selection_get_filter (selection), file, NULL, on_exported, &export);
    g_assert_true (sb_test_run_until (export_done, &export, 30000));
    g_assert_no_error (export.error);
    full_us = g_get_monotonic_time () - start;
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_equal (contents, expected));
  }
  g_test_message ("a whole export takes %" G_GINT64_FORMAT " µs", full_us);

  for (guint round = 0; round < 25; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      NewLoad load = { cancellable, selection, next };
      Export export = { FALSE, };
      g_autofree char *contents = NULL;
      g_autofree char *wanted = NULL;
      guint delay_ms = g_test_rand_int_range (0, (gint) (full_us * 13 / 10000) + 2);

      g_assert_true (g_file_set_contents (path, "the user's file", -1, NULL));
      sb_selection_set_briefing (selection, briefing);
      sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, TRUE);
      sb_selection_set_incident_type_visible (selection, SB_INCIDENT_TYPE_ATTACK, FALSE);
      wanted = sb_geojson_export (briefing, sb_selection_get_filter (selection), NULL, NULL);

      sb_export_geojson_async (briefing, sb_selection_get_filter (selection), file, cancellable, on_exported, &export);
      g_timeout_add (delay_ms, start_new_load, &load);
      g_assert_true (sb_test_run_until (export_done, &export, 30000));
      /* The new load, if the export was quicker. */
      sb_test_iterate_for (delay_ms + 5);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (export.ok)
        {
          n_finished++;
          g_assert_true (g_str_equal (contents, wanted));
        }
      else
        {
          n_cancelled++;
          g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpstr (contents, ==, "the user's file");
          g_clear_error (&export.error);
        }
      g_assert_cmpuint (count_temporary_files (dir), ==, 0);
    }

  g_test_message ("%u exports cancelled, %u finished first", n_cancelled, n_finished);
  g_assert_cmpuint (n_cancelled, >, 0);
}

/* The new load comes after the file was replaced, before the export has
 * told the window: what it says is what happened, a finished export.
 * (GTask by default reports a task whose cancellable is cancelled by then
 * as cancelled, whatever it did; the window said "cancelled" over a file
 * that was replaced.)
 */
static void
test_cancelled_after_replacing (void)
{
  g_autofree char *dir = sb_test_make_temp_dir ("sb-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "export.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbBriefing) briefing = generate (g_test_rand_int (), 50);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *expected = sb_geojson_export (briefing, NULL, NULL, NULL);
  Export export = { FALSE, };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (path, "the user's file", -1, NULL));
  sb_export_geojson_async (briefing, NULL, file, cancellable, on_exported, &export);

  /* Without running the main loop, which would hear of the end. */
  for (;;)
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (g_str_equal (contents, expected))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_cancellable_cancel (cancellable);

  g_assert_true (sb_test_run_until (export_done, &export, 30000));
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-geojson/cancelled-anywhere", test_cancelled_anywhere);
  g_test_add_func ("/export-geojson/cancelled-after-replacing", test_cancelled_after_replacing);

  return g_test_run ();
}
