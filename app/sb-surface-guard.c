/* sb-surface-guard.c
 *
 * A GTK 4.8 window connects to its surface's "compute-size" when it is
 * realized, and gtk_window_unrealize() disconnects the surface's other
 * handlers but not that one. The surface outlives the window: GDK's X11
 * backend keeps it until the X server confirms it destroyed, and handles
 * the events that were on their way meanwhile. One of them (a window
 * resized or configured just before it closed: a window given up after
 * a failed open, a dialog closed) asks for the size again, and GTK's
 * handler reads the freed window: a crash in g_type_check_instance_cast
 * under g_signal_emit, from the main loop.
 *
 * So every window of the process lets go of its surface's "compute-size"
 * as it is unrealized, before GTK destroys the surface (where GTK
 * disconnects it itself, nothing is left to do).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-surface-guard"

#include "config.h"

#include "sb-surface-guard.h"

static guint compute_size_signal;

static gboolean
on_unrealize (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);
  GdkSurface *surface;

  if (GTK_IS_WINDOW (object) && (surface = gtk_native_get_surface (GTK_NATIVE (object))) != NULL &&
      GDK_IS_TOPLEVEL (surface))
    g_signal_handlers_disconnect_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                          compute_size_signal, 0, NULL, NULL, object);

  /* Stays for every window to come. */
  return TRUE;
}

/**
 * sb_surface_guard_install:
 *
 * Guards every window of the process from then on; once is enough.
 */
void
sb_surface_guard_install (void)
{
  static gsize installed;

  if (!g_once_init_enter (&installed))
    return;

  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_type_default_interface_unref (g_type_default_interface_ref (GDK_TYPE_TOPLEVEL));
  compute_size_signal = g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL);
  g_signal_add_emission_hook (g_signal_lookup ("unrealize", GTK_TYPE_WIDGET), 0, on_unrealize, NULL, NULL);

  g_once_init_leave (&installed, 1);
}
