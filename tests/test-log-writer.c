/* test-log-writer.c
 *
 * The tests' log writer (sb-test-util.c) ends a test on any warning or
 * critical but a few of GTK's own that it names; the critical about
 * disconnecting handler id 0, which GTK 4.8 raises itself while
 * unmapping a scrolled window, still ends a test when the app raises it,
 * and so does a frame clock's count of updates ended below zero when GTK
 * has not ended one twice before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sb-test-util.h"

static void
test_own_disconnect_critical_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new ("Gao"));

      sb_test_log_init ();
      g_signal_handler_disconnect (label, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*handler_id > 0*");
}

static void
test_updates_ended_below_zero_fail (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *window = gtk_window_new ();

      sb_test_log_init ();
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (sb_test_run_until ((SbTestCondition) gtk_widget_get_realized, window, 10000));
      /* More often than anything began them. */
      for (guint i = 0; i < 100; i++)
        gdk_frame_clock_end_updating (gtk_widget_get_frame_clock (window));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*updating_count > 0*");
}

static void
test_own_warning_fails (void)
{
  if (g_test_subprocess ())
    {
      sb_test_log_init ();
      g_warning ("a warning of the app's own");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*a warning of the app's own*");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/log-writer/own-disconnect-critical-fails", test_own_disconnect_critical_fails);
  g_test_add_func ("/log-writer/updates-ended-below-zero-fail", test_updates_ended_below_zero_fail);
  g_test_add_func ("/log-writer/own-warning-fails", test_own_warning_fails);

  return g_test_run ();
}
