/* sb-window.c
 *
 * The window owns the one selection and filter state its views share, and
 * loads briefings: a briefing that fails to load never replaces the one
 * shown; its problems are listed as `--check` prints them.
 */

#define G_LOG_DOMAIN "sb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-detail-pane.h"
#include "sb-file-chooser.h"
#include "sb-filter-popover.h"
#include "sb-import.h"
#include "sb-loader.h"
#include "sb-location-dialog.h"
#include "sb-map-view.h"
#include "sb-presentation-actions.h"
#include "sb-remote-briefing.h"
#include "sb-sidebar.h"
#include "sb-tile-setup.h"
#include "sb-timeline.h"
#include "sb-toast.h"
#include "sb-window.h"

#define DEFAULT_BRIEFING "/com/example/SahelBrief/briefings/sahel-2022-08.sahelbrief"
#define BRIEFING_MIME_TYPE "application/x-sahelbrief+json"
#define MAX_RECENT 10
#define MAX_RECENT_LOCATIONS 10

struct _SbWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwFlap *sidebar_flap;
  AdwFlap *detail_flap;
  SbSidebar *sidebar;
  SbMapView *map_view;
  SbTimeline *timeline;
  SbDetailPane *detail_pane;
  SbFilterPopover *filter_popover;
  GtkWidget *filter_button;
  GMenu *recent_menu;
  GtkWidget *sidebar_handle;
  GtkWidget *detail_handle;
  AdwClamp *sidebar_clamp;
  AdwClamp *detail_clamp;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  guint progress_timeout;  /* pulses the bar until a fraction is known */

  SbSelection *selection;
  GSettings *settings;     /* nullable */
  gboolean restore_view;   /* the first briefing shown gets the saved view */
  GFile *file;             /* NULL for the built-in briefing */
  char *location;          /* the web address shown, or NULL */
  char *location_etag;     /* (nullable) for reloading the location */
  char *location_last_modified;
  gboolean imported;       /* file is an ACLED export or GeoJSON */
  SbImportFormat import_format;
  GCancellable *loading;
  GPtrArray *problems;     /* of the last load that failed */
  double drag_start_width;
};

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BRIEFING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the briefing now shown is the one the last window closed on. */
static gboolean
shows_last_briefing (SbWindow *self)
{
  g_autoptr(GVariant) saved = NULL;
  g_autofree char *uri = NULL;

  /* Nothing saved yet: the default value names no briefing. */
  if (self->settings == NULL ||
      (saved = g_settings_get_user_value (self->settings, "last-briefing")) == NULL)
    return FALSE;

  uri = self->file ? g_file_get_uri (self->file) : g_strdup ("");

  return g_str_equal (g_variant_get_string (saved, NULL), uri);
}

/* The briefing language changed: the title is the briefing's too. */
static void
on_texts_changed (SbWindow *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  SbText *subtitle;
  const char *title;

  if (briefing == NULL)
    return;

  title = sb_text_get (sb_briefing_get_title (briefing));
  subtitle = sb_briefing_get_subtitle (briefing);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? sb_text_get (subtitle) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_briefing (SbWindow   *self,
              SbBriefing *briefing,
              GFile      *file,
              const char *location)
{
  SbText *subtitle = sb_briefing_get_subtitle (briefing);
  const char *title = sb_text_get (sb_briefing_get_title (briefing));

  g_set_object (&self->file, file);
  self->imported = FALSE;
  if (g_strcmp0 (location, self->location) != 0)
    {
      g_free (self->location);
      self->location = g_strdup (location);
      g_clear_pointer (&self->location_etag, g_free);
      g_clear_pointer (&self->location_last_modified, g_free);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", file != NULL || location != NULL);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? sb_text_get (subtitle) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  sb_selection_set_briefing (self->selection, briefing);

  if (self->restore_view && shows_last_briefing (self))
    sb_map_view_go_to (self->map_view,
                       g_settings_get_double (self->settings, "map-latitude"),
                       g_settings_get_double (self->settings, "map-longitude"),
                       g_settings_get_double (self->settings, "map-zoom"));
  else
    sb_map_view_frame_briefing (self->map_view);
  self->restore_view = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "briefing");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEFING]);
}

static AdwMessageDialog *
create_message_dialog (SbWindow   *self,
                       const char *heading)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  return ADW_MESSAGE_DIALOG (dialog);
}

/* "“name” has 3 problems", and whether the briefing shown stays. */
static char *
format_problem_count (SbWindow   *self,
                      const char *name,
                      guint       n_problems)
{
  g_autofree char *basename = g_path_get_basename (name);

  if (sb_selection_get_briefing (self->selection) != NULL)
    return g_strdup_printf (ngettext ("“%s” has %u problem. The briefing shown stays open.",
                                      "“%s” has %u problems. The briefing shown stays open.",
                                      n_problems),
                            basename, n_problems);

  return g_strdup_printf (ngettext ("“%s” has %u problem.", "“%s” has %u problems.", n_problems),
                          basename, n_problems);
}

/* The problems as `sahelbrief --check` prints them (file, line, column,
 * path), each naming @name, under @heading and @summary.
 */
static void
show_problems (SbWindow   *self,
               const char *heading,
               const char *summary,
               const char *name,
               GPtrArray  *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *label, *scrolled;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_ref (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), name);

      g_string_append_printf (body, "%s%s", i ? "\n" : "", line);
    }

  dialog = create_message_dialog (self, heading);
  adw_message_dialog_set_body (dialog, summary);

  label = gtk_label_new (body->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_load_problems (SbWindow   *self,
                    const char *heading,
                    const char *name,
                    GPtrArray  *problems)
{
  g_autofree char *summary = format_problem_count (self, name, problems->len);

  show_problems (self, heading, summary, name, problems);
}

void
sb_window_load_default (SbWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));

  bytes = g_resources_lookup_data (DEFAULT_BRIEFING, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  briefing = sb_loader_load_bytes (bytes, &problems);

  /* The test suite checks the built-in briefing; this would be a bug. */
  if (briefing == NULL)
    {
      show_load_problems (self, _("Could Not Open the Briefing"), DEFAULT_BRIEFING, problems);
      return;
    }

  set_briefing (self, briefing, NULL, NULL);
}

static void
remember_file (SbWindow *self,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkRecentData data = {
    .display_name = name,
    .mime_type = (char *) BRIEFING_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "sahelbrief %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static gboolean
pulse_progress (gpointer data)
{
  SbWindow *self = data;

  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

/* One job at a time: a new load, import or export supersedes the one
 * under way. The bar below the header bar shows @status with a Cancel
 * button, unless the job is over within a quarter of a second.
 */
static void
start_loading (SbWindow   *self,
               const char *status,
               const char *location)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", TRUE);

  gtk_label_set_label (self->progress_label, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_label), location);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  self->progress_timeout = g_timeout_add (250, pulse_progress, self);
}

static void
stop_loading (SbWindow *self)
{
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), TRUE);
}

static void
on_file_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  briefing = sb_loader_load_file_finish (result, &problems);

  /* Superseded by a later load, or the window went away. */
  if (cancellable != self->loading)
    return;
  stop_loading (self);

  if (briefing == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      show_load_problems (self, _("Could Not Open the Briefing"), name, problems);
      return;
    }

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  remember_file (self, file);
  set_briefing (self, briefing, file, NULL);
}

/**
 * sb_window_open:
 *
 * Loads @file in the background; the briefing shown stays until the new
 * one has loaded without problems.
 */
void
sb_window_open (SbWindow *self,
                GFile    *file)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Addresses given on the command line or dropped from a browser. */
  if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
    {
      g_autofree char *uri = g_file_get_uri (file);

      sb_window_open_location (self, uri);
      return;
    }

  /* ACLED exports and GeoJSON opened from the file manager or dropped. */
  {
    g_autofree char *name = g_file_get_basename (file);
    SbImportFormat format;

    if (name != NULL && !g_str_has_suffix (name, ".json") && sb_import_guess_format (file, &format))
      {
        sb_window_import (self, file, format);
        return;
      }
  }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *location = g_file_get_parse_name (file);
    g_autofree char *status = g_strdup_printf (_("Opening “%s”…"), name);

    start_loading (self, status, location);
  }
  sb_loader_load_file_async (file, self->loading, on_file_loaded, g_object_ref (self));
}

static void
remember_location (SbWindow   *self,
                   const char *uri)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-locations");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && kept < MAX_RECENT_LOCATIONS; i++)
    if (!g_str_equal (recent[i], uri))
      {
        g_strv_builder_add (builder, recent[i]);
        kept++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-locations", (const char * const *) updated);
}

static void
show_job_error (SbWindow   *self,
                const char *heading,
                GError     *error)
{
  AdwMessageDialog *dialog = create_message_dialog (self, heading);

  if (sb_selection_get_briefing (self->selection) != NULL)
    adw_message_dialog_format_body (dialog, _("%s\n\nThe briefing shown stays open."), error->message);
  else
    adw_message_dialog_set_body (dialog, error->message);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_progress_bar (goffset  received,
                      goffset  total,
                      gpointer user_data)
{
  SbWindow *self = user_data;

  if (total > 0)
    {
      /* Known size: a fraction rather than a pulse. */
      g_clear_handle_id (&self->progress_timeout, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) received / total));
    }
}

static void
on_location_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(SbRemoteResult) remote = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  const char *requested = g_object_get_data (G_OBJECT (cancellable), "uri");

  remote = sb_remote_briefing_load_finish (result, &error);

  /* Superseded by a later load, or the window went away. */
  if (cancellable != self->loading)
    return;
  stop_loading (self);

  if (remote == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_job_error (self, _("Could Not Open Location"), error);
      return;
    }

  if (remote->not_modified)
    {
      /* A redirect may have moved it; the validators still hold. */
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The briefing on the server has not changed")));
      return;
    }

  if (remote->briefing == NULL)
    {
      show_load_problems (self, _("Could Not Open the Briefing"), remote->uri, remote->problems);
      return;
    }

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  remember_location (self, requested);
  set_briefing (self, remote->briefing, NULL, requested);
  g_free (self->location_etag);
  self->location_etag = g_strdup (remote->etag);
  g_free (self->location_last_modified);
  self->location_last_modified = g_strdup (remote->last_modified);
}

static void
load_location (SbWindow   *self,
               const char *uri,
               gboolean    conditional)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *status = NULL;

  status = g_strdup_printf (_("Loading the briefing from %s…"),
                            parsed && g_uri_get_host (parsed) ? g_uri_get_host (parsed) : uri);
  start_loading (self, status, uri);
  g_object_set_data_full (G_OBJECT (self->loading), "uri", g_strdup (uri), g_free);

  sb_remote_briefing_load_async (uri,
                                 conditional ? self->location_etag : NULL,
                                 conditional ? self->location_last_modified : NULL,
                                 self->loading,
                                 on_progress_bar, self,
                                 on_location_loaded, g_object_ref (self));
}

/**
 * sb_window_open_location:
 *
 * Loads the briefing at the http or https address @uri in the background;
 * the briefing shown stays until the new one has loaded without problems.
 */
void
sb_window_open_location (SbWindow   *self,
                         const char *uri)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  load_location (self, uri, FALSE);
}

static void
show_import_problems_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;

  if (self->problems == NULL || self->file == NULL)
    return;

  /* show_problems() keeps its own reference. */
  problems = g_ptr_array_ref (self->problems);
  name = g_file_get_parse_name (self->file);
  {
    g_autofree char *basename = g_file_get_basename (self->file);
    g_autofree char *summary =
      g_strdup_printf (ngettext ("Importing “%s” met %u problem; what it concerns was left out.",
                                 "Importing “%s” met %u problems; what they concern was left out.",
                                 problems->len),
                       basename, problems->len);

    show_problems (self, _("Imported with Problems"), summary, name, problems);
  }
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  GFile *file = g_object_get_data (G_OBJECT (cancellable), "file");
  g_autofree char *name = g_file_get_parse_name (file);

  briefing = sb_import_file_finish (result, &problems);

  if (cancellable != self->loading)
    return;
  stop_loading (self);

  if (briefing == NULL)
    {
      if (problems->len > 0)
        show_load_problems (self, _("Could Not Import"), name, problems);
      return;
    }

  set_briefing (self, briefing, file, NULL);
  self->imported = TRUE;
  self->import_format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cancellable), "format"));
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  /* Rows skipped: the briefing is shown, the problems a click away. */
  if (problems->len > 0)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      self->problems = g_ptr_array_ref (problems);
      title = g_strdup_printf (ngettext ("Imported with %u problem", "Imported with %u problems", problems->len),
                               problems->len);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-import-problems");
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/**
 * sb_window_import:
 *
 * Imports an ACLED export or GeoJSON in the background and shows it as a
 * briefing; the briefing shown stays when nothing can be imported.
 */
void
sb_window_import (SbWindow       *self,
                  GFile          *file,
                  SbImportFormat  format)
{
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *status = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  location = g_file_get_parse_name (file);
  status = g_strdup_printf (_("Importing “%s”…"), name);
  start_loading (self, status, location);
  g_object_set_data_full (G_OBJECT (self->loading), "file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (self->loading), "format", GUINT_TO_POINTER (format));

  sb_import_file_async (file, format, self->loading, on_imported, g_object_ref (self));
}

static void
on_import_chosen (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;
  SbImportFormat format;

  if (file == NULL)
    return;

  if (!sb_import_guess_format (file, &format))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("“%s” is neither a CSV file nor GeoJSON: SahelBrief imports "
                                               "ACLED exports (.csv) and GeoJSON (.geojson or .json)"), name);

      show_job_error (self, _("Could Not Import"), error);
      return;
    }

  sb_window_import (self, file, format);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("ACLED Exports and GeoJSON"), NULL, "csv", "geojson", "json", NULL),
                    sb_file_filter_new (_("ACLED Exports (CSV)"), "text/csv", "csv", NULL),
                    sb_file_filter_new (_("GeoJSON"), "application/geo+json", "geojson", "json", NULL),
                    NULL);

  sb_file_chooser_open (GTK_WINDOW (widget), _("Import Events"), _("_Import"), filters,
                        on_import_chosen, g_object_ref (widget));
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  GFile *file = g_object_get_data (G_OBJECT (cancellable), "file");
  g_autofree char *name = g_file_get_basename (file);

  /* A load that took over cancelled the export; if the file was
   * replaced before that, the export still says so.
   */
  sb_export_geojson_finish (result, &error);
  if (cancellable == self->loading)
    stop_loading (self);
  else if (error != NULL)
    return;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_job_error (self, _("Could Not Export"), error);
      return;
    }

  {
    g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

    adw_toast_overlay_add_toast (self->toast_overlay, sb_toast_new_plain (title));
  }
}

static void
on_export_chosen (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *status = NULL;
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);

  if (file == NULL || briefing == NULL)
    return;

  name = g_file_get_basename (file);
  location = g_file_get_parse_name (file);
  status = g_strdup_printf (_("Exporting to “%s”…"), name);
  start_loading (self, status, location);
  g_object_set_data_full (G_OBJECT (self->loading), "file", g_object_ref (file), g_object_unref);

  /* The filter is read in a worker thread: nothing may change it meanwhile. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), FALSE);
  sb_export_geojson_async (briefing, self->selection, file, self->loading, on_exported, g_object_ref (self));
}

static void
export_geojson_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *suggested = NULL;

  if (briefing == NULL)
    return;

  filters = sb_file_filters_new (sb_file_filter_new (_("GeoJSON"), "application/geo+json", "geojson", NULL), NULL);
  suggested = g_strdup_printf ("%s.geojson", sb_text_get (sb_briefing_get_title (briefing)));
  g_strdelimit (suggested, "/\\:", '-');
  sb_file_chooser_save (GTK_WINDOW (self), _("Export the Items Shown as GeoJSON"), suggested, filters,
                        on_export_chosen, g_object_ref (self));
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

  return self->location;
}

gboolean
sb_window_shows_default (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);

  return self->file == NULL && self->location == NULL && self->loading == NULL &&
         sb_selection_get_briefing (self->selection) != NULL;
}

gboolean
sb_window_is_loading (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);

  return self->loading != NULL;
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

  return self->file;
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

static void
on_briefing_chosen (GFile    *file,
                    gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;

  if (file != NULL)
    sb_window_open (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("Briefings"), BRIEFING_MIME_TYPE, "sahelbrief", NULL), NULL);

  sb_file_chooser_open (GTK_WINDOW (widget), _("Open Briefing"), NULL, filters,
                        on_briefing_chosen, g_object_ref (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  sb_window_open (SB_WINDOW (widget), file);
}

static void
open_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sb_window_load_default (SB_WINDOW (widget));
}

static gboolean
is_briefing (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  return g_strcmp0 (mime_type, BRIEFING_MIME_TYPE) == 0 ||
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

static void
open_location_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  g_auto(GStrv) recent = NULL;

  if (self->settings != NULL)
    recent = g_settings_get_strv (self->settings, "recent-locations");

  gtk_window_present (sb_location_dialog_new (GTK_WINDOW (self), (const char * const *) recent));
}

static void
open_location_uri_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  sb_window_open_location (SB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Files are read again; web addresses are asked whether they changed. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  if (self->location != NULL)
    load_location (self, self->location, TRUE);
  else if (self->file != NULL && self->imported)
    sb_window_import (self, self->file, self->import_format);
  else if (self->file != NULL)
    sb_window_open (self, self->file);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  g_cancellable_cancel (self->loading);
  stop_loading (self);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  sb_sidebar_focus_search (self->sidebar);
}

/* Escape steps back: the selection first, then out of a dossier. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  if (sb_selection_get_selected (self->selection) != NULL &&
      !SB_IS_ACTOR (sb_selection_get_selected (self->selection)))
    sb_selection_clear (self->selection);
  else if (!sb_sidebar_go_back (self->sidebar))
    sb_selection_clear (self->selection);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_flap_set_reveal_flap (self->sidebar_flap, !adw_flap_get_reveal_flap (self->sidebar_flap));
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_flap_set_reveal_flap (self->detail_flap, !adw_flap_get_reveal_flap (self->detail_flap));
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->detail_pane), "detail.copy-citation", NULL);
}

static void
filters_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  gtk_popover_popup (GTK_POPOVER (self->filter_popover));
}

static void
frame_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sb_map_view_frame_briefing (SB_WINDOW (widget)->map_view);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShumateMap *map = sb_map_view_get_map (SB_WINDOW (widget)->map_view);

  if (g_str_equal (action_name, "map.zoom-in"))
    shumate_map_zoom_in (map);
  else
    shumate_map_zoom_out (map);
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
    set_pane_width (GTK_WIDGET (self->sidebar), self->sidebar_clamp, width);
  else
    set_pane_width (GTK_WIDGET (self->detail_pane), self->detail_clamp, width);
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

/* The tiles the preferences name, opened off the main thread; a choice
 * that cannot be used leaves the built-in base map, and says why.
 */
static void
on_tiles_refused (SbWindow   *self,
                  const char *message)
{
  AdwToast *toast = sb_toast_new_plain (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
apply_tile_settings (SbWindow *self)
{
  sb_map_view_apply_tile_settings (self->map_view, self->settings);
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

  g_signal_connect_object (self->map_view, "tiles-refused", G_CALLBACK (on_tiles_refused),
                           self, G_CONNECT_SWAPPED);
  apply_tile_settings (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_tile_setting_changed),
                           self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  set_pane_width (GTK_WIDGET (self->sidebar), self->sidebar_clamp,
                  g_settings_get_int (self->settings, "sidebar-width"));
  set_pane_width (GTK_WIDGET (self->detail_pane), self->detail_clamp,
                  g_settings_get_int (self->settings, "detail-width"));
  self->restore_view = TRUE;
}

static gboolean
on_close_request (SbWindow *self)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (self->map_view);
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : g_strdup ("");
  int width, height;

  if (self->settings == NULL)
    return FALSE;

  /* The size to come back to, not the maximized one. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "sidebar-width", adw_clamp_get_maximum_size (self->sidebar_clamp));
  g_settings_set_int (self->settings, "detail-width", adw_clamp_get_maximum_size (self->detail_clamp));
  g_settings_set_double (self->settings, "map-latitude", shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-longitude", shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom", shumate_viewport_get_zoom_level (viewport));
  g_settings_set_string (self->settings, "last-briefing", uri);
  g_settings_apply (self->settings);

  return FALSE;
}

/* In a narrow window the folded detail pane slides in for a selection:
 * choosing something is asking what the source says.
 */
static void
on_selected_changed (SbWindow *self)
{
  if (sb_selection_get_selected (self->selection) != NULL &&
      adw_flap_get_folded (self->detail_flap) &&
      !adw_flap_get_reveal_flap (self->detail_flap))
    adw_flap_set_reveal_flap (self->detail_flap, TRUE);
}

static void
sb_window_dispose (GObject *object)
{
  SbWindow *self = (SbWindow *)object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_object (&self->file);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->location_etag, g_free);
  g_clear_pointer (&self->location_last_modified, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

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
sb_window_class_init (SbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_window_dispose;
  object_class->get_property = sb_window_get_property;

  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL,
                         SB_TYPE_BRIEFING,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_MAP_VIEW);
  g_type_ensure (SB_TYPE_TIMELINE);
  g_type_ensure (SB_TYPE_SIDEBAR);
  g_type_ensure (SB_TYPE_DETAIL_PANE);
  g_type_ensure (SB_TYPE_FILTER_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_flap);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_handle);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_handle);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, detail_clamp);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-default", NULL, open_default_action);
  gtk_widget_class_install_action (widget_class, "win.open-location", NULL, open_location_action);
  gtk_widget_class_install_action (widget_class, "win.open-location-uri", "s", open_location_uri_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-problems", NULL, show_import_problems_action);
  gtk_widget_class_install_action (widget_class, "win.export-geojson", NULL, export_geojson_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.filters", NULL, filters_action);
  gtk_widget_class_install_action (widget_class, "map.frame-all", NULL, frame_all_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-location", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "map.frame-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);
}

static void
sb_window_init (SbWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", FALSE);

  self->selection = sb_selection_new ();
  sb_map_view_set_selection (self->map_view, self->selection);
  sb_timeline_set_selection (self->timeline, self->selection);
  sb_sidebar_set_selection (self->sidebar, self->selection);
  sb_detail_pane_set_selection (self->detail_pane, self->selection);
  sb_filter_popover_set_selection (self->filter_popover, self->selection);

  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "texts-changed",
                           G_CALLBACK (on_texts_changed), self, G_CONNECT_SWAPPED);

  setup_handle (self, self->sidebar_handle);
  setup_handle (self, self->detail_handle);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  sb_presentation_install (self);
}

/**
 * sb_window_new:
 * @application: (nullable): the application, whose settings the window
 *   restores and saves
 */
SbWindow *
sb_window_new (SbApplication *application)
{
  SbWindow *self = g_object_new (SB_TYPE_WINDOW,
                                 "application", application,
                                 NULL);

  if (application != NULL)
    g_set_object (&self->settings, sb_application_get_settings (application));
  restore_state (self);

  return self;
}
