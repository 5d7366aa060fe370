/* sb-focus-guard.c
 *
 * GTK 4.8 keeps a widget removed from a window as the window's focus, with
 * the window's reference, until the next layout moves the focus on. When
 * the focus lands on a selectable label, the label reads the old focus
 * widget, the move drops the window's reference, which was the last, and
 * the label then asks whether that freed widget is its ancestor:
 * "gtk_widget_is_ancestor: assertion 'GTK_IS_WIDGET (widget)' failed",
 * or worse. The views remove focused widgets whenever they rebuild (the
 * details of a new selection, a dossier, the lists).
 *
 * So the focus is let go as its widget is unmapped, while the widget is
 * still in the window: GTK then moves the focus on from nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-focus-guard"

#include "config.h"

#include "sb-focus-guard.h"

typedef struct
{
  GtkWindow *window;              /* not owned: the guard is its data */
  GtkWidget *focus;               /* weak */
} FocusGuard;

static void
on_focus_unmapped (GtkWidget  *widget,
                   FocusGuard *guard)
{
  if (gtk_window_get_focus (guard->window) == widget)
    gtk_window_set_focus (guard->window, NULL);
}

static void
unwatch (FocusGuard *guard)
{
  if (guard->focus == NULL)
    return;

  g_signal_handlers_disconnect_by_func (guard->focus, on_focus_unmapped, guard);
  g_clear_weak_pointer (&guard->focus);
}

static void
focus_guard_free (FocusGuard *guard)
{
  unwatch (guard);
  g_free (guard);
}

static void
on_focus_changed (GtkWindow  *window,
                  GParamSpec *pspec,
                  FocusGuard *guard)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (focus == guard->focus)
    return;

  unwatch (guard);
  if (focus == NULL)
    return;

  g_set_weak_pointer (&guard->focus, focus);
  g_signal_connect (focus, "unmap", G_CALLBACK (on_focus_unmapped), guard);
}

/**
 * sb_focus_guard_attach:
 *
 * Guards @window for as long as it lives; once is enough.
 */
void
sb_focus_guard_attach (GtkWindow *window)
{
  FocusGuard *guard;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "sb-focus-guard") != NULL)
    return;

  guard = g_new0 (FocusGuard, 1);
  guard->window = window;
  g_object_set_data_full (G_OBJECT (window), "sb-focus-guard", guard, (GDestroyNotify) focus_guard_free);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), guard);
  on_focus_changed (window, NULL, guard);
}
