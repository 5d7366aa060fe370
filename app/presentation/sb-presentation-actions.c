/* sb-presentation-actions.c
 *
 * A window's presentation lives beside it, in its own windows: the
 * briefing window itself is left as it is, and comes back to the front
 * when the presentation ends.
 */

#define G_LOG_DOMAIN "sb-presentation-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-export.h"
#include "sb-file-chooser.h"
#include "sb-map-view.h"
#include "sb-presentation-actions.h"
#include "sb-presenter-console.h"
#include "sb-toast.h"

#define PRESENTATION_KEY "sb-presentation-window"
#define CONSOLE_KEY "sb-presenter-console"
#define LAST_INDEX_KEY "sb-presentation-last-index"
#define LAST_BRIEFING_KEY "sb-presentation-last-briefing"
#define PRESENT_NEXT_KEY "sb-present-next-window"

static const struct { int width, height; const char *id; } png_sizes[] = {
  { 1920, 1080, "1920x1080" },
  { 1280, 720, "1280x720" },
  { 1024, 768, "1024x768" },
  { 3840, 2160, "3840x2160" },
};

void
sb_presentation_ensure_style (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/com/example/SahelBrief/sb-presentation.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GSettings *
app_settings (SbWindow *window)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

  if (SB_IS_APPLICATION (application))
    return sb_application_get_settings (SB_APPLICATION (application));

  return NULL;
}

/**
 * sb_presentation_choose_monitors:
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
sb_presentation_choose_monitors (GListModel  *monitors,
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

SbPresentationWindow *
sb_presentation_get_window (SbWindow *window)
{
  g_return_val_if_fail (SB_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), PRESENTATION_KEY);
}

static void
on_ended (SbPresentation *presentation,
          SbWindow       *window)
{
  GtkWindow *presenting = g_object_get_data (G_OBJECT (window), PRESENTATION_KEY);
  GtkWindow *console = g_object_get_data (G_OBJECT (window), CONSOLE_KEY);

  g_object_set_data (G_OBJECT (window), LAST_INDEX_KEY,
                     GUINT_TO_POINTER (sb_presentation_get_index (presentation) + 1));
  g_object_set_data (G_OBJECT (window), LAST_BRIEFING_KEY, sb_presentation_get_briefing (presentation));
  g_signal_handlers_disconnect_by_data (presentation, window);

  g_object_set_data (G_OBJECT (window), PRESENTATION_KEY, NULL);
  g_object_set_data (G_OBJECT (window), CONSOLE_KEY, NULL);
  if (console != NULL)
    gtk_window_destroy (console);
  if (presenting != NULL)
    gtk_window_destroy (presenting);

  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
on_close_request (GtkWindow      *presenting,
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
 * the last presentation ended on.
 */
static guint
current_index (SbWindow       *window,
               SbPresentation *presentation)
{
  SbEntity *selected = sb_selection_get_selected (sb_window_get_selection (window));
  guint last = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), LAST_INDEX_KEY));

  for (guint i = 0; selected != NULL && i < sb_presentation_get_n_slides (presentation); i++)
    {
      g_auto(SbSlide) slide = { 0, };

      sb_presentation_describe (presentation, i, &slide);
      if (slide.entity == selected ||
          (slide.highlight != NULL && g_ptr_array_find (slide.highlight, selected, NULL)))
        return i;
    }

  if (last > 0 && g_object_get_data (G_OBJECT (window), LAST_BRIEFING_KEY) == sb_presentation_get_briefing (presentation))
    return last - 1;

  return 0;
}

/**
 * sb_presentation_start:
 * @at_current: whether to start at the current step rather than the first
 *
 * Presents the window's briefing full screen, with the presenter console
 * on another monitor when there is one.
 *
 * Returns: (transfer none) (nullable): the presentation's window
 */
SbPresentationWindow *
sb_presentation_start (SbWindow *window,
                       gboolean  at_current)
{
  SbBriefing *briefing;
  g_autoptr(SbPresentation) presentation = NULL;
  SbPresentationWindow *presenting;
  GdkDisplay *display;
  GdkSurface *surface;
  GdkMonitor *window_monitor = NULL, *monitor, *console_monitor;
  GSettings *settings = app_settings (window);
  g_autofree char *preferred = NULL;

  g_return_val_if_fail (SB_IS_WINDOW (window), NULL);

  presenting = sb_presentation_get_window (window);
  if (presenting != NULL)
    {
      gtk_window_present (GTK_WINDOW (presenting));
      return presenting;
    }

  briefing = sb_window_get_briefing (window);
  if (briefing == NULL)
    return NULL;

  sb_presentation_ensure_style ();
  presentation = sb_presentation_new (briefing);
  if (at_current)
    sb_presentation_set_index (presentation, current_index (window, presentation));

  presenting = sb_presentation_window_new (presentation,
                                           sb_map_view_get_tiles (sb_window_get_map_view (window)));
  gtk_window_set_application (GTK_WINDOW (presenting), gtk_window_get_application (GTK_WINDOW (window)));
  g_object_set_data (G_OBJECT (window), PRESENTATION_KEY, presenting);

  display = gtk_widget_get_display (GTK_WIDGET (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (surface != NULL)
    window_monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (settings != NULL)
    preferred = g_settings_get_string (settings, "presentation-monitor");
  monitor = sb_presentation_choose_monitors (gdk_display_get_monitors (display), window_monitor,
                                             preferred, &console_monitor);

  if (monitor != NULL)
    fill_monitor (GTK_WINDOW (presenting), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (presenting));

  g_signal_connect_object (presentation, "ended", G_CALLBACK (on_ended), window, 0);
  g_signal_connect (presenting, "close-request", G_CALLBACK (on_close_request), presentation);

  if (console_monitor != NULL)
    {
      SbPresenterConsole *console = sb_presenter_console_new (presentation);

      gtk_window_set_application (GTK_WINDOW (console), gtk_window_get_application (GTK_WINDOW (window)));
      g_signal_connect (console, "close-request", G_CALLBACK (on_close_request), presentation);
      g_object_set_data (G_OBJECT (window), CONSOLE_KEY, console);
      fill_monitor (GTK_WINDOW (console), console_monitor);
      gtk_window_present (GTK_WINDOW (console));
    }

  gtk_window_present (GTK_WINDOW (presenting));

  return presenting;
}

/* Exports */

typedef struct
{
  SbWindow *window;
  const char *done;        /* the toast's message */
} ExportRequest;

static void
show_toast (SbWindow   *window,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (sb_window_get_map_view (window)),
                                                ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = sb_toast_new_plain (message);

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(SbWindow) window = request->window;
  g_autoptr(GError) error = NULL;
  guint missing = 0;

  gtk_widget_set_cursor (GTK_WIDGET (window), NULL);

  if (!sb_export_finish (result, &missing, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                                           _("Could Not Export"),
                                                                           error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (missing > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%s — %u map tile was missing and shows the built-in base map",
                                   "%s — %u map tiles were missing and show the built-in base map",
                                   missing),
                         request->done, missing);

      show_toast (window, message);
    }
  else if (request->done != NULL)
    show_toast (window, request->done);

  g_free (request);
}

static ExportRequest *
export_request_new (SbWindow   *window,
                    const char *done)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->window = g_object_ref (window);
  request->done = done;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (window), "progress");

  return request;
}

static char *
suggested_name (SbWindow   *window,
                const char *suffix)
{
  const char *title = sb_text_get (sb_briefing_get_title (sb_window_get_briefing (window)));
  g_autoptr(GString) name = g_string_new (title);

  g_string_replace (name, "/", "-", 0);
  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_view_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          SbWindow        *window)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  const char *size = NULL;
  GtkFileFilter *filter;
  SbExportFormat format = SB_EXPORT_PNG;
  int width = 1920, height = 1080;
  SbMapView *map_view;
  ShumateViewport *viewport;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (chooser);
  basename = g_file_get_basename (file);
  filter = gtk_file_chooser_get_filter (chooser);

  /* The name's suffix says the format; without one, the chosen filter. */
  if (g_str_has_suffix (basename, ".pdf") || g_str_has_suffix (basename, ".PDF"))
    format = SB_EXPORT_PDF;
  else if (!g_str_has_suffix (basename, ".png") && !g_str_has_suffix (basename, ".PNG"))
    {
      g_autofree char *with_suffix = NULL;

      if (filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _("PDF Document")) == 0)
        format = SB_EXPORT_PDF;
      with_suffix = g_strconcat (basename, format == SB_EXPORT_PDF ? ".pdf" : ".png", NULL);
      g_set_object (&file, g_file_get_child (g_file_get_parent (file), with_suffix));
    }

  size = gtk_file_chooser_get_choice (chooser, "size");
  for (guint i = 0; size != NULL && i < G_N_ELEMENTS (png_sizes); i++)
    if (g_str_equal (size, png_sizes[i].id))
      {
        width = png_sizes[i].width;
        height = png_sizes[i].height;
      }

  map_view = sb_window_get_map_view (window);
  viewport = sb_map_view_get_viewport (map_view);
  sb_export_view_async (sb_window_get_selection (window), sb_map_view_get_tiles (map_view),
                        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                        shumate_viewport_get_zoom_level (viewport),
                        gtk_widget_get_width (GTK_WIDGET (map_view)),
                        gtk_widget_get_height (GTK_WIDGET (map_view)),
                        format, width, height, file, NULL, on_exported,
                        export_request_new (window, _("View exported")));

out:
  g_object_unref (dialog);
}

static void
export_view_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SbWindow *window = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) png = sb_file_filter_new (_("PNG Image"), "image/png", "png", NULL);
  g_autoptr(GtkFileFilter) pdf = sb_file_filter_new (_("PDF Document"), "application/pdf", "pdf", NULL);
  const char *size_ids[G_N_ELEMENTS (png_sizes) + 1] = { NULL, };
  const char *size_labels[G_N_ELEMENTS (png_sizes) + 1] = { NULL, };
  g_autofree char *labels[G_N_ELEMENTS (png_sizes)] = { NULL, };

  if (sb_window_get_briefing (window) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    {
      size_ids[i] = png_sizes[i].id;
      /* Translators: a PNG export's size in pixels, as in "1920 × 1080" */
      labels[i] = g_strdup_printf (_("%d × %d"), png_sizes[i].width, png_sizes[i].height);
      size_labels[i] = labels[i];
    }

  chooser = gtk_file_chooser_native_new (_("Export View"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "size", _("PNG size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "size", "1920x1080");
  name = suggested_name (window, ".png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_view_chooser_response), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_handout_chooser_response (GtkNativeDialog *dialog,
                             int              response,
                             SbWindow        *window)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      const char *notes = gtk_file_chooser_get_choice (chooser, "notes");

      sb_export_handout_async (sb_window_get_briefing (window),
                               sb_map_view_get_tiles (sb_window_get_map_view (window)),
                               g_strcmp0 (notes, "true") == 0, file, NULL, on_exported,
                               export_request_new (window, _("Handout exported")));
    }

  g_object_unref (dialog);
}

static void
export_handout_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SbWindow *window = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) pdf = sb_file_filter_new (_("PDF Document"), "application/pdf", "pdf", NULL);

  if (sb_window_get_briefing (window) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Handout"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "notes", _("Include speaker notes"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "notes", "false");
  name = suggested_name (window, ".pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_handout_chooser_response), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SbWindow *window = user_data;

  if (sb_window_get_briefing (window) == NULL)
    return;

  sb_export_print_async (sb_window_get_briefing (window),
                         sb_map_view_get_tiles (sb_window_get_map_view (window)),
                         FALSE, GTK_WINDOW (window), NULL, on_exported,
                         export_request_new (window, NULL));
}

static void
start_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  sb_presentation_start (user_data, FALSE);
}

static void
resume_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  sb_presentation_start (user_data, TRUE);
}

static void
update_enabled (SbWindow           *window,
                GParamSpec         *pspec,
                GSimpleActionGroup *group)
{
  static const char *names[] = { "start", "resume", "export-view", "export-handout", "print" };
  gboolean enabled = sb_window_get_briefing (window) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), names[i])),
                                 enabled);
}

/**
 * sb_presentation_install:
 *
 * Gives @window the `presentation.` actions (start, resume, export-view,
 * export-handout, print) and the keys F5 and Shift+F5.
 */
void
sb_presentation_install (SbWindow *window)
{
  const GActionEntry entries[] = {
    { "start", start_action },
    { "resume", resume_action },
    { "export-view", export_view_action },
    { "export-handout", export_handout_action },
    { "print", print_action },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *shortcuts;

  g_return_if_fail (SB_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "presentation", G_ACTION_GROUP (group));
  g_signal_connect_object (window, "notify::briefing", G_CALLBACK (update_enabled), group, 0);
  update_enabled (window, NULL, group);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("presentation.start")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("presentation.resume")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

/* `sahelbrief --present [FILE]`: the next window the application shows
 * presents its briefing once loaded. The flag is set through an action so
 * that it reaches the running instance when there is one.
 */
static void
present_next_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_object_set_data (G_OBJECT (user_data), PRESENT_NEXT_KEY, GINT_TO_POINTER (TRUE));
}

void
sb_presentation_add_app_actions (GtkApplication *application)
{
  const GActionEntry entries[] = {
    { "present-next-window", present_next_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (application), entries, G_N_ELEMENTS (entries), application);
}

int
sb_presentation_handle_local_options (GApplication *application,
                                      GVariantDict *options,
                                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "present"))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (application), "present-next-window", NULL);
  return -1;
}

static void
present_when_loaded (SbWindow *window)
{
  if (sb_window_is_loading (window) || sb_window_get_briefing (window) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (window, present_when_loaded, NULL);
  sb_presentation_start (window, FALSE);
}

/**
 * sb_presentation_start_if_asked:
 *
 * Presents @window's briefing, once loaded, if the command line asked
 * for it.
 */
void
sb_presentation_start_if_asked (SbWindow *window)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

  if (application == NULL || !g_object_get_data (G_OBJECT (application), PRESENT_NEXT_KEY))
    return;

  g_object_set_data (G_OBJECT (application), PRESENT_NEXT_KEY, NULL);
  g_signal_connect (window, "notify::briefing", G_CALLBACK (present_when_loaded), NULL);
  present_when_loaded (window);
}

/* Preferences */

static void
on_monitor_selected (AdwComboRow *row,
                     GParamSpec  *pspec,
                     GSettings   *settings)
{
  guint selected = adw_combo_row_get_selected (row);
  GListModel *connectors = g_object_get_data (G_OBJECT (row), "connectors");
  g_autoptr(GtkStringObject) connector = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || connectors == NULL)
    return;

  connector = g_list_model_get_item (connectors, selected);
  g_settings_set_string (settings, "presentation-monitor",
                         connector ? gtk_string_object_get_string (connector) : "");
}

/**
 * sb_presentation_add_preferences:
 *
 * Adds a page for presenting: the monitor, and less motion.
 */
void
sb_presentation_add_preferences (AdwPreferencesWindow *preferences,
                                 GSettings            *settings)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwComboRow *monitor_row = ADW_COMBO_ROW (adw_combo_row_new ());
  AdwActionRow *motion_row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *motion_switch = gtk_switch_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkStringList *connectors = gtk_string_list_new (NULL);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (preferences)));
  g_autofree char *chosen = g_settings_get_string (settings, "presentation-monitor");
  guint selected = 0;

  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (preferences));

  adw_preferences_page_set_title (page, _("Presenting"));
  adw_preferences_page_set_icon_name (page, "video-display-symbolic");
  adw_preferences_group_set_title (group, _("Presentation"));
  adw_preferences_group_set_description (group, _("F5 presents from the first step, Shift+F5 from the current one"));

  gtk_string_list_append (labels, _("Automatic: a Monitor the Window Is Not On"));
  gtk_string_list_append (connectors, "");
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      const char *connector = gdk_monitor_get_connector (monitor);
      const char *model = gdk_monitor_get_model (monitor);
      GdkRectangle geometry;
      g_autofree char *label = NULL;

      if (connector == NULL)
        continue;

      gdk_monitor_get_geometry (monitor, &geometry);
      /* Translators: a monitor: its connector, model and size in pixels */
      label = g_strdup_printf (_("%s — %s, %d × %d"), connector, model ? model : _("Monitor"),
                               geometry.width, geometry.height);
      gtk_string_list_append (labels, label);
      gtk_string_list_append (connectors, connector);
      if (g_strcmp0 (connector, chosen) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (connectors)) - 1;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (monitor_row), _("_Monitor"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (monitor_row), TRUE);
  adw_combo_row_set_model (monitor_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (monitor_row, selected);
  g_object_set_data_full (G_OBJECT (monitor_row), "connectors", connectors, g_object_unref);
  g_signal_connect_object (monitor_row, "notify::selected", G_CALLBACK (on_monitor_selected), settings, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (motion_row), _("_Reduce Motion"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (motion_row), TRUE);
  adw_action_row_set_subtitle (motion_row, _("Cut between steps instead of flying the map"));
  gtk_widget_set_valign (motion_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (motion_row, motion_switch);
  adw_action_row_set_activatable_widget (motion_row, motion_switch);
  g_settings_bind (settings, "presentation-reduce-motion", motion_switch, "active", G_SETTINGS_BIND_DEFAULT);

  adw_preferences_group_add (group, GTK_WIDGET (monitor_row));
  adw_preferences_group_add (group, GTK_WIDGET (motion_row));
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (preferences, page);
}
