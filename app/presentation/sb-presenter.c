/* sb-presenter.c
 *
 * Presents a briefing window's briefing.
 *
 * A window's presentation lives beside it, in windows of its own: the
 * briefing window is left as it is, and comes back to the front when the
 * presentation ends. Shift+F5 starts at the step of what the window has
 * selected, or where the last presentation of the same briefing ended.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-presenter"

#include "config.h"

#include "sb-presenter.h"
#include "sb-presenter-console.h"

struct _SbPresenter
{
  GObject parent_instance;

  GtkWindow *window;       /* weak: the briefing window, which owns this */
  GSettings *settings;     /* nullable */
  SbSelection *selection;
  ShumateMapSource *tiles; /* nullable: the built-in base map alone */

  SbPresentation *presentation;     /* nullable: the one under way */
  SbPresentationWindow *presenting; /* weak, nullable: closed, it is gone */
  SbPresenterConsole *console;      /* weak, nullable */

  guint last_index;        /* where the last presentation ended, plus one */
  SbBriefing *last_briefing;        /* weak: what it presented */
};

G_DEFINE_FINAL_TYPE (SbPresenter, sb_presenter, G_TYPE_OBJECT)

/**
 * sb_presenter_choose_monitors:
 * @monitors: the display's monitors
 * @window_monitor: (nullable): the monitor the briefing window is on
 * @preferred: (nullable): the connector the preferences name
 * @console_monitor: (out): the monitor for the presenter console, or %NULL
 *   when there is only one
 *
 * Returns: (transfer none) (nullable): the monitor to present on: the
 *   preferred one when connected, else one the window is not on, else the
 *   only one
 */
GdkMonitor *
sb_presenter_choose_monitors (GListModel  *monitors,
                              GdkMonitor  *window_monitor,
                              const char  *preferred,
                              GdkMonitor **console_monitor)
{
  guint n = g_list_model_get_n_items (monitors);
  GdkMonitor *present = NULL;

  *console_monitor = NULL;
  if (n == 0)
    return NULL;

  for (guint i = 0; preferred != NULL && *preferred != '\0' && i < n && present == NULL; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (g_strcmp0 (gdk_monitor_get_connector (monitor), preferred) == 0)
        present = monitor;
    }

  for (guint i = 0; present == NULL && i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != window_monitor || n == 1)
        present = monitor;
    }

  if (n > 1)
    {
      /* The console goes where the window is, or on another screen. */
      if (window_monitor != NULL && window_monitor != present)
        *console_monitor = window_monitor;
      for (guint i = 0; *console_monitor == NULL && i < n; i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (monitor != present)
            *console_monitor = monitor;
        }
    }

  return present;
}

/* Closes the presentation's windows; the briefing window comes back
 * with @present_window.
 */
static void
close_presentation (SbPresenter *self,
                    gboolean     present_window)
{
  g_autoptr(SbPresentation) presentation = g_steal_pointer (&self->presentation);
  g_autoptr(GtkWindow) presenting = self->presenting ? g_object_ref (GTK_WINDOW (self->presenting)) : NULL;
  g_autoptr(GtkWindow) console = self->console ? g_object_ref (GTK_WINDOW (self->console)) : NULL;

  g_clear_weak_pointer (&self->presenting);
  g_clear_weak_pointer (&self->console);

  if (presentation == NULL)
    return;

  self->last_index = sb_presentation_get_index (presentation) + 1;
  g_set_weak_pointer (&self->last_briefing, sb_presentation_get_briefing (presentation));
  g_signal_handlers_disconnect_by_data (presentation, self);

  if (console != NULL)
    gtk_window_destroy (console);
  if (presenting != NULL)
    gtk_window_destroy (presenting);

  if (present_window && self->window != NULL)
    gtk_window_present (self->window);
}

static void
on_ended (SbPresenter *self)
{
  close_presentation (self, TRUE);
}

static gboolean
on_close_request (GtkWindow      *window,
                  SbPresentation *presentation)
{
  sb_presentation_end (presentation);
  return TRUE;
}

/* Full screen; and the monitor's size already, for a display without a
 * window manager to make it full screen.
 */
static void
fill_monitor (GtkWindow  *window,
              GdkMonitor *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (window, geometry.width, geometry.height);
  gtk_window_fullscreen_on_monitor (window, monitor);
}

/* The step that highlights what the window has selected, else the step
 * the last presentation of this briefing ended on.
 */
static guint
current_index (SbPresenter    *self,
               SbPresentation *presentation)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);

  for (guint i = 0; selected != NULL && i < sb_presentation_get_n_slides (presentation); i++)
    {
      g_auto(SbSlide) slide = { 0, };

      sb_presentation_describe (presentation, i, &slide);
      if (slide.entity == selected ||
          (slide.highlight != NULL && g_ptr_array_find (slide.highlight, selected, NULL)))
        return i;
    }

  if (self->last_index > 0 && self->last_briefing == sb_presentation_get_briefing (presentation))
    return self->last_index - 1;

  return 0;
}

static GtkWindow *
add_window (SbPresenter *self,
            GtkWindow   *window,
            GdkMonitor  *monitor)
{
  gtk_window_set_application (window, gtk_window_get_application (self->window));
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), self->presentation);
  if (monitor != NULL)
    fill_monitor (window, monitor);
  else
    gtk_window_fullscreen (window);

  return window;
}

/**
 * sb_presenter_start:
 * @at_current: whether to start at the current step rather than the first
 *
 * Presents the briefing the selection shows, full screen, with the
 * presenter console on another monitor when there is one; brings the
 * presentation to the front when it is under way already.
 *
 * Returns: (transfer none) (nullable): the presentation's window; %NULL
 *   when there is no briefing
 */
SbPresentationWindow *
sb_presenter_start (SbPresenter *self,
                    gboolean     at_current)
{
  SbBriefing *briefing;
  GdkDisplay *display;
  GdkSurface *surface;
  GdkMonitor *window_monitor = NULL, *monitor, *console_monitor;
  g_autofree char *preferred = NULL;

  g_return_val_if_fail (SB_IS_PRESENTER (self), NULL);

  if (self->presenting != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presenting));
      return self->presenting;
    }

  briefing = sb_selection_get_briefing (self->selection);
  if (briefing == NULL || self->window == NULL)
    return NULL;

  self->presentation = sb_presentation_new (briefing);
  if (at_current)
    sb_presentation_set_index (self->presentation, current_index (self, self->presentation));
  g_signal_connect_swapped (self->presentation, "ended", G_CALLBACK (on_ended), self);

  display = gtk_widget_get_display (GTK_WIDGET (self->window));
  surface = gtk_native_get_surface (GTK_NATIVE (self->window));
  if (surface != NULL)
    window_monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (self->settings != NULL)
    preferred = g_settings_get_string (self->settings, "presentation-monitor");
  monitor = sb_presenter_choose_monitors (gdk_display_get_monitors (display), window_monitor,
                                          preferred, &console_monitor);

  g_set_weak_pointer (&self->presenting, sb_presentation_window_new (self->presentation, self->tiles));
  add_window (self, GTK_WINDOW (self->presenting), monitor);

  if (console_monitor != NULL)
    {
      g_set_weak_pointer (&self->console, sb_presenter_console_new (self->presentation));

      /* What the audience is not shown, the presenter is. */
      sb_presentation_window_set_has_console (self->presenting, TRUE);
      g_object_bind_property (sb_presentation_window_get_map_view (self->presenting), "notice",
                              self->console, "notice", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self->presenting, "quote-on-screen",
                              self->console, "quote-on-screen", G_BINDING_SYNC_CREATE);
      gtk_window_present (add_window (self, GTK_WINDOW (self->console), console_monitor));
    }

  gtk_window_present (GTK_WINDOW (self->presenting));

  return self->presenting;
}

/**
 * sb_presenter_start_at:
 * @index: the step to start at, from 0
 *
 * Presents as sb_presenter_start() does, from step @index.
 *
 * Returns: (transfer none) (nullable): the presentation's window
 */
SbPresentationWindow *
sb_presenter_start_at (SbPresenter *self,
                       guint        index)
{
  SbPresentationWindow *window;

  g_return_val_if_fail (SB_IS_PRESENTER (self), NULL);

  window = sb_presenter_start (self, FALSE);
  if (window != NULL && self->presentation != NULL &&
      index < sb_presentation_get_n_slides (self->presentation))
    sb_presentation_set_index (self->presentation, index);

  return window;
}

/**
 * sb_presenter_get_window:
 *
 * Returns: (transfer none) (nullable): the window of the presentation
 *   under way
 */
SbPresentationWindow *
sb_presenter_get_window (SbPresenter *self)
{
  g_return_val_if_fail (SB_IS_PRESENTER (self), NULL);

  return self->presenting;
}

/**
 * sb_presenter_set_tiles:
 * @tiles: (nullable): the tiles the briefing window shows
 *
 * Sets the tiles the next presentation shows.
 */
void
sb_presenter_set_tiles (SbPresenter      *self,
                        ShumateMapSource *tiles)
{
  g_return_if_fail (SB_IS_PRESENTER (self));
  g_return_if_fail (tiles == NULL || SHUMATE_IS_MAP_SOURCE (tiles));

  g_set_object (&self->tiles, tiles);
}

static void
sb_presenter_dispose (GObject *object)
{
  SbPresenter *self = (SbPresenter *)object;

  /* A presentation does not outlive its briefing window. */
  close_presentation (self, FALSE);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->last_briefing);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->tiles);

  G_OBJECT_CLASS (sb_presenter_parent_class)->dispose (object);
}

static void
sb_presenter_class_init (SbPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_presenter_dispose;
}

static void
sb_presenter_init (SbPresenter *self)
{
}

/**
 * sb_presenter_new:
 * @window: the briefing window, which owns the presenter
 * @settings: (nullable): the app's settings: the monitor to present on
 * @selection: the window's selection: its briefing is presented, from
 *   the step of what it has selected with Shift+F5
 * @tiles: (nullable): the tiles the window shows
 */
SbPresenter *
sb_presenter_new (GtkWindow        *window,
                  GSettings        *settings,
                  SbSelection      *selection,
                  ShumateMapSource *tiles)
{
  SbPresenter *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SB_IS_SELECTION (selection), NULL);

  self = g_object_new (SB_TYPE_PRESENTER, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_object (&self->settings, settings);
  self->selection = g_object_ref (selection);
  sb_presenter_set_tiles (self, tiles);

  return self;
}
