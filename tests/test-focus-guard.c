/* test-focus-guard.c
 *
 * A focused widget removed from its window, as the views remove theirs
 * when they rebuild: GTK 4.8 keeps it as the window's focus until the
 * next layout, and moving the focus on to a selectable label then reads
 * the freed widget (a critical, fatal here, or a crash). Guarded, the
 * focus goes on to the next label. Also that every window the app adds
 * is guarded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sb-application.h"
#include "sb-focus-guard.h"

static void
iterate (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
selectable_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static void
test_removed_focus (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *first = selectable_label ("Wagner in Mali");
  GtkWidget *second = selectable_label ("Gao, 2022-08");
  GtkWidget *third = selectable_label ("MINUSMA");

  sb_focus_guard_attach (GTK_WINDOW (window));
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_box_append (GTK_BOX (box), third);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);

  /* Twice: the guard follows the focus from widget to widget. */
  g_assert_true (gtk_widget_grab_focus (first));
  iterate (100);
  gtk_box_remove (GTK_BOX (box), first);
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));
  iterate (300);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == second);

  gtk_box_remove (GTK_BOX (box), second);
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));
  iterate (300);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == third);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_app_windows_guarded (void)
{
  g_autoptr(GtkApplication) app = GTK_APPLICATION (sb_application_new ());
  GtkWidget *window;

  /* Not on the session bus: other tests may own the app's name. */
  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = gtk_window_new ();
  gtk_application_add_window (app, GTK_WINDOW (window));
  g_assert_nonnull (g_object_get_data (G_OBJECT (window), "sb-focus-guard"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/focus-guard/removed-focus", test_removed_focus);
  g_test_add_func ("/focus-guard/app-windows", test_app_windows_guarded);

  return g_test_run ();
}
