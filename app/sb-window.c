/* sb-window.c
 *
 * A briefing window: it builds the panes, owns the one selection and
 * filter state its views share, and keeps its size, panes and tiles
 * between sessions. Its actions are in sb-window-actions.c, the briefing
 * it edits in sb-window-document.c, what it does in the background in
 * sb-window-jobs.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-accessible.h"
#include "sb-map-view.h"
#include "sb-step.h"
#include "sb-surface-guard.h"
#include "sb-tile-setup.h"
#include "sb-toast.h"
#include "sb-window-private.h"

#define MAX_RECENT 10

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BRIEFING,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
present_if_waiting (SbWindow *self)
{
  if (!self->present_when_loaded || _sb_window_job_is_loading (self) ||
      sb_selection_get_briefing (self->selection) == NULL)
    return;

  self->present_when_loaded = FALSE;
  sb_presenter_start (self->presenter, FALSE);
}

/* Presenting and exporting need a briefing. */
static void
update_presenting_actions (SbWindow *self)
{
  static const char *presenting[] = {
    "presentation.start", "presentation.resume", "presentation.export-view",
    "presentation.export-handout", "presentation.print",
  };
  gboolean shown = sb_selection_get_briefing (self->selection) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presenting); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), presenting[i], shown);
}

static void
on_briefing_changed (SbWindow *self)
{
  /* Nothing is chosen in a briefing just opened: no details to show. */
  if (sb_selection_get_selected (self->selection) == NULL)
    adw_flap_set_reveal_flap (self->detail_flap, FALSE);
  update_presenting_actions (self);
  _sb_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEFING]);
  present_if_waiting (self);
}

/**
 * sb_window_present_when_loaded:
 *
 * Presents the briefing from its first step as soon as the window shows
 * one and loads no other: `sahelbrief --present [FILE]`.
 */
void
sb_window_present_when_loaded (SbWindow *self)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  self->present_when_loaded = TRUE;
  present_if_waiting (self);
}

static void
on_citation_copied (SbWindow *self)
{
  sb_window_add_toast (self, adw_toast_new (_("Citation copied")));
}

/**
 * sb_window_get_location:
 *
 * Returns: (nullable): the web address the briefing shown came from
 */
const char *
sb_window_get_location (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->document ? sb_document_get_location (self->document) : NULL;
}

/* The built-in briefing, or a new one, with nothing changed: the first
 * file opened may take its place.
 */
gboolean
sb_window_shows_default (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);

  return self->document != NULL && sb_document_get_file (self->document) == NULL &&
         sb_document_get_location (self->document) == NULL && _sb_window_is_replaceable (self) &&
         !_sb_window_job_is_loading (self);
}

gboolean
sb_window_is_loading (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);

  return _sb_window_job_is_loading (self);
}

SbBriefing *
sb_window_get_briefing (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return sb_selection_get_briefing (self->selection);
}

/**
 * sb_window_get_file:
 *
 * Returns: (nullable): where the briefing shown came from; %NULL for the
 *   built-in one
 */
GFile *
sb_window_get_file (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->document ? sb_document_get_file (self->document) : NULL;
}

SbSelection *
sb_window_get_selection (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->selection;
}

SbMapView *
sb_window_get_map_view (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->map_view;
}

/**
 * sb_window_get_map_editor:
 *
 * Returns: (transfer none): what places and draws on the window's map
 */
SbMapEditor *
sb_window_get_map_editor (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->map_editor;
}

/**
 * sb_window_get_presenter:
 *
 * Returns: (transfer none): what presents the window's briefing
 */
SbPresenter *
sb_window_get_presenter (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->presenter;
}

/**
 * sb_window_get_problems:
 *
 * Returns: (nullable): the problems of the last file that failed to load
 */
GPtrArray *
sb_window_get_problems (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->problems;
}

static gboolean
is_briefing (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  return g_strcmp0 (mime_type, SB_WINDOW_BRIEFING_MIME_TYPE) == 0 ||
         g_str_has_suffix (gtk_recent_info_get_uri (info), ".sahelbrief");
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  g_autoptr(GDateTime) modified_a = g_date_time_ref (gtk_recent_info_get_modified (info_a));
  g_autoptr(GDateTime) modified_b = g_date_time_ref (gtk_recent_info_get_modified (info_b));

  return g_date_time_compare (modified_b, modified_a);
}

static void
update_recent_menu (SbWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) briefings = g_ptr_array_new ();

  g_menu_remove_all (self->recent_menu);

  for (GList *l = items; l != NULL; l = l->next)
    if (is_briefing (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (briefings, l->data);
  g_ptr_array_sort (briefings, compare_recent);

  for (guint i = 0; i < MIN (briefings->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (briefings, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  if (briefings->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Briefings"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SbWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  /* Further files open in windows of their own. */
  sb_window_open (self, files->data);
  for (GSList *l = files->next; l != NULL; l = l->next)
    g_application_open (g_application_get_default (), (GFile **) &l->data, 1, "");

  return TRUE;
}

/* A pane's width follows a drag of the handle at its inner edge. The
 * clamp keeps the pane at that width whatever the length of its texts.
 */
static void
set_pane_width (GtkWidget *pane,
                AdwClamp  *clamp,
                int        width)
{
  adw_clamp_set_maximum_size (clamp, width);
  adw_clamp_set_tightening_threshold (clamp, width);
  gtk_widget_set_size_request (pane, width, -1);
}

static void
on_handle_drag_begin (GtkGestureDrag *gesture,
                      double          x,
                      double          y,
                      SbWindow       *self)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *pane = handle == self->sidebar_handle ? GTK_WIDGET (self->sidebar) : GTK_WIDGET (self->detail_pane);

  self->drag_start_width = gtk_widget_get_width (pane);
}

static void
on_handle_drag_update (GtkGestureDrag *gesture,
                       double          offset_x,
                       double          offset_y,
                       SbWindow       *self)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  gboolean is_sidebar = handle == self->sidebar_handle;
  gboolean rtl = gtk_widget_get_direction (handle) == GTK_TEXT_DIR_RTL;
  double delta = (is_sidebar != rtl) ? offset_x : -offset_x;
  double max_width = gtk_widget_get_width (GTK_WIDGET (self)) * 0.45;
  int width = (int) CLAMP (self->drag_start_width + delta, 260, MAX (260, max_width));

  if (is_sidebar)
    {
      self->sidebar_width = width;
      set_pane_width (GTK_WIDGET (self->sidebar), self->sidebar_clamp, width);
    }
  else
    {
      self->detail_width = width;
      set_pane_width (GTK_WIDGET (self->detail_pane), self->detail_clamp, width);
    }
}

/* A window narrower than this is a small laptop or a 1024×768 projector:
 * the panes narrow, so that the details lying over the map leave most of
 * it in sight.
 */
#define NARROW_WINDOW 1200
#define NARROW_SIDEBAR 280
#define NARROW_DETAIL 340

static void
apply_pane_widths (SbWindow *self)
{
  set_pane_width (GTK_WIDGET (self->sidebar), self->sidebar_clamp,
                  self->narrow ? MIN (self->sidebar_width, NARROW_SIDEBAR) : self->sidebar_width);
  set_pane_width (GTK_WIDGET (self->detail_pane), self->detail_clamp,
                  self->narrow ? MIN (self->detail_width, NARROW_DETAIL) : self->detail_width);
}

/* The details over the map: framing keeps what they are about in sight. */
static void
update_covered (SbWindow *self)
{
  gboolean over = adw_flap_get_folded (self->detail_flap) && adw_flap_get_reveal_flap (self->detail_flap);

  /* The width it is given: it may not be laid out yet. */
  int covered = over ? adw_clamp_get_maximum_size (self->detail_clamp) : 0;

  sb_map_view_set_covered (self->map_view, covered);
  /* The timeline under the map is read whole beside the details: its
   * dates and years were under them at 1024×768.
   */
  gtk_widget_set_margin_end (GTK_WIDGET (self->timeline), covered);
}

static gboolean
on_narrow_changed (gpointer user_data)
{
  SbWindow *self = user_data;

  self->narrow_source = 0;
  apply_pane_widths (self);

  return G_SOURCE_REMOVE;
}

static void
sb_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  SbWindow *self = SB_WINDOW (widget);
  gboolean narrow = width < NARROW_WINDOW;

  GTK_WIDGET_CLASS (sb_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating: new widths mean a new layout. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_source == 0)
        self->narrow_source = g_idle_add_full (G_PRIORITY_DEFAULT, on_narrow_changed, self, NULL);
    }
}

/* An unfolding pane shows itself, as AdwFlap has it; with nothing
 * chosen, it would show nothing: it stays hidden (hiding the actors with
 * F9 must not bring up an empty pane).
 */
static void
on_detail_folded (SbWindow *self)
{
  if (!adw_flap_get_folded (self->detail_flap) && sb_selection_get_selected (self->selection) == NULL)
    adw_flap_set_reveal_flap (self->detail_flap, FALSE);
  update_covered (self);
}

static void
setup_handle (SbWindow  *self,
              GtkWidget *handle)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_handle_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_handle_drag_update), self);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (handle, "col-resize");
}

/* The tiles the preferences name; a choice that cannot be used leaves the
 * built-in base map, and says why.
 */
static void
on_tiles_opened (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(ShumateMapSource) tiles = NULL;
  g_autoptr(GError) error = NULL;

  tiles = sb_tile_setup_from_settings_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->tiles_opening);

  sb_map_view_set_tiles (self->map_view, tiles);
  sb_presenter_set_tiles (self->presenter, tiles);

  if (error != NULL)
    {
      AdwToast *toast = sb_toast_new_plain (error->message);

      adw_toast_set_timeout (toast, 0);
      sb_window_add_toast (self, toast);
    }
}

/* The tiles the preferences name, opened in a worker thread (a hostile
 * MBTiles file must not hold up the window); a choice that cannot be
 * used leaves the built-in base map, and says why. A later change
 * supersedes one still opening.
 */
static void
apply_tile_settings (SbWindow *self)
{
  g_cancellable_cancel (self->tiles_opening);
  g_clear_object (&self->tiles_opening);
  self->tiles_opening = g_cancellable_new ();

  /* While a file opens, the base map: not tiles from elsewhere. */
  if (g_settings_get_enum (self->settings, "tile-source") == SB_TILES_MBTILES)
    {
      sb_map_view_set_tiles (self->map_view, NULL);
      sb_presenter_set_tiles (self->presenter, NULL);
    }

  sb_tile_setup_from_settings_async (self->settings, self->tiles_opening,
                                     on_tiles_opened, g_object_ref (self));
}

static void
on_tile_setting_changed (SbWindow   *self,
                         const char *key)
{
  if (g_str_has_prefix (key, "tile-") || g_str_equal (key, "mbtiles-path"))
    apply_tile_settings (self);
}

static void
restore_state (SbWindow *self)
{
  if (self->settings == NULL)
    return;

  apply_tile_settings (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_tile_setting_changed),
                           self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->sidebar_width = g_settings_get_int (self->settings, "sidebar-width");
  self->detail_width = g_settings_get_int (self->settings, "detail-width");
  apply_pane_widths (self);
  sb_detail_pane_set_settings (self->detail_pane, self->settings);
  self->restore_view = TRUE;
}

static gboolean
on_close_request (SbWindow *self)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (self->map_view);
  GFile *file = sb_window_get_file (self);
  g_autofree char *uri = file && !sb_document_get_imported (self->document) ? g_file_get_uri (file) : g_strdup ("");
  int width, height;

  /* Unsaved changes: first the question, Save, Discard or Cancel. */
  if (_sb_window_close_request (self))
    return TRUE;

  if (self->settings == NULL)
    return FALSE;

  /* The size to come back to, not the maximized one. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "sidebar-width", self->sidebar_width);
  g_settings_set_int (self->settings, "detail-width", self->detail_width);
  g_settings_set_double (self->settings, "map-latitude", shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-longitude", shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom", shumate_viewport_get_zoom_level (viewport));
  g_settings_set_string (self->settings, "last-briefing", uri);
  g_settings_apply (self->settings);

  return FALSE;
}

/* The detail pane slides in for a selection: choosing something is
 * asking what the source says. It goes when the selection does, and
 * leaves the map whole; Shift+F9 still shows it at will. A step's card
 * is the Steps panel's: a step just added leaves the map whole too.
 */
static void
on_selected_changed (SbWindow *self)
{
  SbEntity *entity = sb_selection_get_selected (self->selection);
  gboolean selected = entity != NULL && !SB_IS_STEP (entity);

  if (selected != adw_flap_get_reveal_flap (self->detail_flap))
    adw_flap_set_reveal_flap (self->detail_flap, selected);
}

static void
sb_window_constructed (GObject *object)
{
  SbWindow *self = SB_WINDOW (object);

  G_OBJECT_CLASS (sb_window_parent_class)->constructed (object);

  self->presenter = sb_presenter_new (GTK_WINDOW (self), self->settings, self->selection, NULL);
  restore_state (self);
}

/**
 * sb_window_request_close:
 * @func: (nullable): told whether the window closed or the person
 *   chose to keep it
 *
 * Closes the window, asking first to save unsaved changes: what quitting
 * does with each window.
 */
void
sb_window_request_close (SbWindow           *self,
                         SbWindowClosedFunc  func,
                         gpointer            user_data)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  self->close_request = (SbWindowCloseRequest) { func, user_data };
  gtk_window_close (GTK_WINDOW (self));
}

static void
sb_window_dispose (GObject *object)
{
  SbWindow *self = (SbWindow *)object;

  _sb_window_cancel_job (self);
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  _sb_window_document_dispose (self);
  _sb_window_compare_dispose (self);
  g_cancellable_cancel (self->tiles_opening);
  g_clear_object (&self->tiles_opening);
  g_clear_object (&self->presenter);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->import_encoding, g_free);
  g_clear_pointer (&self->import_name_property, g_free);
  g_clear_pointer (&self->import_summary, sb_import_summary_unref);

  g_clear_object (&self->map_editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sb_window_parent_class)->dispose (object);
}

static void
sb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      g_value_set_object (value, sb_window_get_briefing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_class_init (SbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_window_dispose;
  object_class->constructed = sb_window_constructed;

  /* Before the first window of the process, and its dialogs. */
  sb_surface_guard_install ();
  object_class->get_property = sb_window_get_property;
  object_class->set_property = sb_window_set_property;
  widget_class->size_allocate = sb_window_size_allocate;

  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL,
                         SB_TYPE_BRIEFING,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_MAP_VIEW);
  g_type_ensure (SB_TYPE_TIMELINE);
  g_type_ensure (SB_TYPE_SIDEBAR);
  g_type_ensure (SB_TYPE_STEPS_PANEL);
  g_type_ensure (SB_TYPE_DETAIL_PANE);
  g_type_ensure (SB_TYPE_FILTER_POPOVER);
  g_type_ensure (SB_TYPE_PROBLEMS_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_flap);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, steps_panel);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, steps_button);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, problems_content);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, problems_popover);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, guide);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, edit_menu);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_handle);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_handle);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_clamp);
  /* Only to name its menu: not kept in the window's structure. */
  gtk_widget_class_bind_template_child_full (widget_class, "main_menu_button", FALSE, 0);

  _sb_window_class_actions_init (widget_class);
  _sb_window_class_document_init (widget_class);
  _sb_window_class_steps_init (widget_class);
  _sb_window_class_compare_init (widget_class);
  _sb_window_class_server_init (widget_class);
}

static void
sb_window_init (SbWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  sb_accessible_name_menu (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), SB_TYPE_WINDOW,
                                                                           "main_menu_button")),
                           _("Main Menu"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.name-reference-places", FALSE);

  self->selection = sb_selection_new ();
  self->sidebar_width = 320;
  self->detail_width = 420;

  /* Before the map follows the selection: the pane it reveals is there
   * when the map frames what was chosen.
   */
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail_flap, "notify::folded",
                           G_CALLBACK (on_detail_folded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail_flap, "notify::reveal-flap",
                           G_CALLBACK (update_covered), self, G_CONNECT_SWAPPED);
  sb_map_view_set_selection (self->map_view, self->selection);
  /* Above the briefing's layers: what is being drawn or dragged. */
  self->map_editor = sb_map_editor_new (self->map_view);
  sb_detail_pane_set_map_editor (self->detail_pane, self->map_editor);
  sb_timeline_set_selection (self->timeline, self->selection);
  sb_sidebar_set_selection (self->sidebar, self->selection);
  sb_detail_pane_set_selection (self->detail_pane, self->selection);
  sb_filter_popover_set_selection (self->filter_popover, self->selection);

  g_signal_connect_object (self->selection, "notify::briefing",
                           G_CALLBACK (on_briefing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "texts-changed",
                           G_CALLBACK (_sb_window_update_title), self, G_CONNECT_SWAPPED);

  setup_handle (self, self->sidebar_handle);
  setup_handle (self, self->detail_handle);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  g_signal_connect_object (self->detail_pane, "citation-copied",
                           G_CALLBACK (on_citation_copied), self, G_CONNECT_SWAPPED);
  update_presenting_actions (self);
  _sb_window_document_init (self);
  _sb_window_actions_init (self);
  _sb_window_steps_init (self);
  _sb_window_compare_init (self);
}

/**
 * sb_window_new:
 * @application: (nullable): the application
 * @settings: (nullable): the app's settings, which the window restores
 *   and saves; %NULL when its schema is not installed
 */
SbWindow *
sb_window_new (GtkApplication *application,
               GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SB_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}
