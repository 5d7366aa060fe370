/* sb-window-actions.c
 *
 * The window's actions and their keys: opening, importing and exporting
 * (whose work sb-window-jobs.c does), presenting (the presenter's), search,
 * the panes, the map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-file-chooser.h"
#include "sb-import.h"
#include "sb-location-dialog.h"
#include "sb-map-editor.h"
#include "sb-window-private.h"

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
  /* A ".json" may be a briefing or GeoJSON: the content decides. */
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("Briefings"), SB_WINDOW_BRIEFING_MIME_TYPE, "sahelbrief", "json", NULL),
                         sb_file_filter_new (_("Briefings and Data Files"), NULL, "sahelbrief", "json", "geojson", "csv", NULL),
                         NULL);

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

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _sb_window_reload (SB_WINDOW (widget));
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _sb_window_cancel_job (SB_WINDOW (widget));
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
}

static void
show_import_problems_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  _sb_window_show_import_problems (SB_WINDOW (widget));
}

/* The file imported again, its places for reference named by another
 * of its properties.
 */
static void
name_reference_places_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _sb_window_import_again (SB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_import_chosen (GFile      *file,
                  const char *encoding,
                  gpointer    user_data)
{
  g_autoptr(SbWindow) self = user_data;
  SbImportFormat format;

  if (file == NULL)
    return;

  if (!sb_import_guess_format (file, &format) && format == SB_IMPORT_FORMAT_BRIEFING)
    {
      sb_window_open (self, file);
      return;
    }

  if (format != SB_IMPORT_FORMAT_ACLED && format != SB_IMPORT_FORMAT_UCDP && format != SB_IMPORT_FORMAT_GEOJSON)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("“%s” is neither a CSV file nor GeoJSON: SahelBrief imports "
                                               "ACLED exports and UCDP GED (.csv) and GeoJSON (.geojson or .json)"), name);

      _sb_window_show_error (self, _("Could Not Import"), error);
      return;
    }

  sb_window_import (self, file, format, encoding);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sb_import_choose_file (GTK_WINDOW (widget), on_import_chosen, g_object_ref (widget));
}

/* Where an export's dialog starts, as Save As does: the folder the last
 * export went to, else the briefing's own folder (not the folder the app
 * was started in), else Pictures for a picture and Documents for the
 * others.
 */
static GFile *
export_folder (SbWindow *self,
               gboolean  picture)
{
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "export-folder") : NULL;
  GFile *file = self->document ? sb_document_get_file (self->document) : NULL;
  const char *fallback;

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (file != NULL && g_file_is_native (file))
    return g_file_get_parent (file);

  fallback = g_get_user_special_dir (picture ? G_USER_DIRECTORY_PICTURES : G_USER_DIRECTORY_DOCUMENTS);
  if (fallback != NULL && g_file_test (fallback, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (fallback);

  return NULL;
}

static void
remember_export_folder (SbWindow *self,
                        GFile    *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "export-folder", path);
}

static void
on_export_chosen (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;

  if (file == NULL)
    return;

  remember_export_folder (self, file);
  sb_window_export_geojson (self, file);
}

static void
export_geojson_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *suggested = NULL;

  if (briefing == NULL)
    return;

  filters = sb_file_filters_new (sb_file_filter_new (_("GeoJSON"), "application/geo+json", "geojson", NULL), NULL);
  suggested = g_strdup_printf ("%s.geojson", sb_text_get (sb_briefing_get_title (briefing)));
  g_strdelimit (suggested, "/\\:", '-');
  folder = export_folder (self, FALSE);
  sb_file_chooser_save (GTK_WINDOW (self), _("Export the Items Shown as GeoJSON"), folder, suggested, filters,
                        on_export_chosen, g_object_ref (self));
}

static const struct { int width, height; const char *id; } png_sizes[] = {
  { 1920, 1080, "1920x1080" },
  { 1280, 720, "1280x720" },
  { 1024, 768, "1024x768" },
  { 3840, 2160, "3840x2160" },
};

static char *
suggested_name (SbWindow   *self,
                const char *suffix)
{
  const char *title = sb_text_get (sb_briefing_get_title (sb_selection_get_briefing (self->selection)));
  g_autoptr(GString) name = g_string_new (title);

  g_string_replace (name, "/", "-", 0);
  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static GtkFileChooserNative *
export_chooser_new (SbWindow   *self,
                    const char *title)
{
  return gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
}

/* An export's Save dialog, its file types and choices added, shown modal
 * in the folder of the last export with a name from the briefing's title.
 */
static void
export_chooser_show (SbWindow             *self,
                     GtkFileChooserNative *chooser,
                     const char           *suffix,
                     gboolean              picture,
                     GCallback             on_response)
{
  g_autoptr(GFile) folder = export_folder (self, picture);
  g_autofree char *name = suggested_name (self, suffix);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* A window closed meanwhile (the whole app quit from another) gets no
   * answer: what it would export is gone with it.
   */
  g_signal_connect_object (chooser, "response", on_response, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_view_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          SbWindow        *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  const char *size = NULL;
  GtkFileFilter *filter;
  SbExportFormat format = SB_EXPORT_PNG;
  int width = 1920, height = 1080;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (chooser);
  basename = g_file_get_basename (file);
  filter = gtk_file_chooser_get_filter (chooser);

  /* The file type chosen is the one written, named for it; with none
   * chosen, the name's suffix says it.
   */
  if (filter != NULL)
    format = g_strcmp0 (gtk_file_filter_get_name (filter), _("PDF Document")) == 0 ? SB_EXPORT_PDF : SB_EXPORT_PNG;
  else if (g_str_has_suffix (basename, ".pdf") || g_str_has_suffix (basename, ".PDF"))
    format = SB_EXPORT_PDF;
  {
    g_autoptr(GFile) chosen = g_steal_pointer (&file);

    file = sb_export_file_for_format (chosen, format);
  }
  remember_export_folder (self, file);

  size = gtk_file_chooser_get_choice (chooser, "size");
  for (guint i = 0; size != NULL && i < G_N_ELEMENTS (png_sizes); i++)
    if (g_str_equal (size, png_sizes[i].id))
      {
        width = png_sizes[i].width;
        height = png_sizes[i].height;
      }

  sb_window_export_view (self, file, format, width, height);

out:
  g_object_unref (dialog);
}

static void
export_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = sb_file_filter_new (_("PNG Image"), "image/png", "png", NULL);
  g_autoptr(GtkFileFilter) pdf = sb_file_filter_new (_("PDF Document"), "application/pdf", "pdf", NULL);
  const char *size_ids[G_N_ELEMENTS (png_sizes) + 1] = { NULL, };
  const char *size_labels[G_N_ELEMENTS (png_sizes) + 1] = { NULL, };
  g_autofree char *labels[G_N_ELEMENTS (png_sizes)] = { NULL, };

  if (sb_selection_get_briefing (self->selection) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    {
      size_ids[i] = png_sizes[i].id;
      /* Translators: a PNG export's size in pixels, as in "1920 × 1080" */
      labels[i] = g_strdup_printf (_("%d × %d"), png_sizes[i].width, png_sizes[i].height);
      size_labels[i] = labels[i];
    }

  chooser = export_chooser_new (self, _("Export View"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "size", _("PNG size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "size", "1920x1080");
  export_chooser_show (self, chooser, ".png", TRUE, G_CALLBACK (on_view_chooser_response));
}

static void
on_handout_chooser_response (GtkNativeDialog *dialog,
                             int              response,
                             SbWindow        *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      g_autoptr(GFile) file = sb_export_file_for_format (chosen, SB_EXPORT_PDF);
      const char *notes = gtk_file_chooser_get_choice (chooser, "notes");

      remember_export_folder (self, file);
      sb_window_export_handout (self, file, g_strcmp0 (notes, "true") == 0);
    }

  g_object_unref (dialog);
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = sb_file_filter_new (_("PDF Document"), "application/pdf", "pdf", NULL);

  if (sb_selection_get_briefing (self->selection) == NULL)
    return;

  chooser = export_chooser_new (self, _("Export Handout"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "notes", _("Include speaker notes"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "notes", "false");
  export_chooser_show (self, chooser, ".pdf", FALSE, G_CALLBACK (on_handout_chooser_response));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _sb_window_print (SB_WINDOW (widget));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  gboolean at_current = g_str_equal (action_name, "presentation.resume");
  int chosen = _sb_window_steps_shown_index (self);

  /* Shift+F5 with the steps shown starts at the step chosen there. */
  if (at_current && chosen >= 0)
    sb_presenter_start_at (self->presenter, chosen);
  else
    sb_presenter_start (self->presenter, at_current);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  /* The search is in the actors' page: the steps give way to it. */
  gtk_toggle_button_set_active (self->steps_button, FALSE);
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

  /* Drawing on the map is cancelled before anything else. */
  if (sb_map_editor_cancel (self->map_editor))
    return;

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

static void
new_briefing_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  sb_window_new_briefing (SB_WINDOW (user_data));
}

/* F6 and Shift+F6: the keyboard goes from one part of the window to the
 * next, as in GNOME's other windows: the actors (or the steps), the map,
 * the timeline, the card, the source's text. Without it the text was
 * seventeen Tabs from the card, through the map's list, and F6 only went
 * between the card and the text (the divider's own F6).
 */
static guint
window_parts (SbWindow   *self,
              GtkWidget **parts)
{
  GtkWidget *all[] = {
    gtk_stack_get_visible_child (self->sidebar_stack),
    GTK_WIDGET (self->map_view),
    GTK_WIDGET (self->timeline),
    GTK_WIDGET (self->detail_pane),
    GTK_WIDGET (sb_detail_pane_get_source_view (self->detail_pane)),
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != NULL && gtk_widget_get_mapped (all[i]) && gtk_widget_is_sensitive (all[i]))
      parts[n++] = all[i];
  return n;
}

static gboolean
focus_next_part (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbWindow *self = SB_WINDOW (widget);
  gboolean backward = GPOINTER_TO_INT (user_data);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *parts[5];
  guint n = window_parts (self, parts);
  int current = -1;

  if (n == 0)
    return FALSE;
  /* The innermost part holding the focus: the text is inside the pane. */
  for (guint i = 0; i < n; i++)
    if (focus != NULL && (focus == parts[i] || gtk_widget_is_ancestor (focus, parts[i])))
      current = i;

  for (guint step = 1; step <= n; step++)
    {
      guint next = current < 0 ? (backward ? n - step : step - 1)
                               : (backward ? current + n - step : current + step) % n;

      if (GTK_IS_TEXT_VIEW (parts[next]))
        {
          sb_detail_pane_focus_source (self->detail_pane);
          return TRUE;
        }
      /* A part's first control: the card's comes before the text, and
       * from the text back to the card is to the card's first one.
       */
      if (focus != NULL && gtk_widget_is_ancestor (focus, parts[next]))
        gtk_root_set_focus (GTK_ROOT (self), NULL);
      if (gtk_widget_child_focus (parts[next], GTK_DIR_TAB_FORWARD) || gtk_widget_grab_focus (parts[next]))
        return TRUE;
    }
  return FALSE;
}

static const GActionEntry window_actions[] = {
  { "new-briefing", new_briefing_action },
};

void
_sb_window_actions_init (SbWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);

  /* Before the divider between card and text takes F6 for itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "sb-window-parts");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_callback_action_new (focus_next_part, GINT_TO_POINTER (FALSE), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (focus_next_part, GINT_TO_POINTER (TRUE), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_sb_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-briefing", NULL);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-default", NULL, open_default_action);
  gtk_widget_class_install_action (widget_class, "win.open-location", NULL, open_location_action);
  gtk_widget_class_install_action (widget_class, "win.open-location-uri", "s", open_location_uri_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-problems", NULL, show_import_problems_action);
  gtk_widget_class_install_action (widget_class, "win.name-reference-places", "s", name_reference_places_action);
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
  gtk_widget_class_install_action (widget_class, "presentation.start", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "presentation.resume", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "presentation.export-view", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "presentation.export-handout", NULL, export_handout_action);
  gtk_widget_class_install_action (widget_class, "presentation.print", NULL, print_action);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "presentation.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "presentation.resume", NULL);
}
