/* sb-window-actions.c
 *
 * The window's actions and their keys: opening, importing and exporting
 * (whose work sb-window-jobs.c does), search, the panes, the map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-file-chooser.h"
#include "sb-import.h"
#include "sb-location-dialog.h"
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
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("Briefings"), SB_WINDOW_BRIEFING_MIME_TYPE, "sahelbrief", NULL), NULL);

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

      _sb_window_show_error (self, _("Could Not Import"), error);
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
on_export_chosen (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(SbWindow) self = user_data;

  if (file != NULL)
    _sb_window_export_geojson (self, file);
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

void
_sb_window_class_actions_init (GtkWidgetClass *widget_class)
{
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
