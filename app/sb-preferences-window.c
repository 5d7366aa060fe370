/* sb-preferences-window.c
 *
 * The preferences, each a setting that takes effect at once: the tiles
 * (whose address is checked before it is used), the language of the
 * briefing's texts, the monitor to present on and less motion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-accessible.h"
#include "sb-briefing-language.h"
#include "sb-file-chooser.h"
#include "sb-preferences-window.h"
#include "sb-tile-setup.h"

struct _SbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *source_row;
  AdwEntryRow *template_row;
  AdwEntryRow *attribution_row;
  AdwActionRow *mbtiles_row;
  AdwActionRow *cache_row;
  GtkSpinButton *cache_spin;
  GtkLabel *template_error;
  AdwComboRow *language_row;

  GSettings *settings;
  GStrv language_codes;    /* those of language_row, "" for the interface's */
  GtkStringList *monitor_connectors; /* those of the monitor row, "" for automatic */
};

G_DEFINE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_rows (SbPreferencesWindow *self)
{
  SbTilesKind kind = g_settings_get_enum (self->settings, "tile-source");
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");

  gtk_widget_set_visible (GTK_WIDGET (self->template_row), kind == SB_TILES_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->attribution_row), kind == SB_TILES_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->mbtiles_row), kind == SB_TILES_MBTILES);
  gtk_widget_set_visible (GTK_WIDGET (self->cache_row), kind == SB_TILES_OPENSTREETMAP || kind == SB_TILES_CUSTOM);
  adw_action_row_set_subtitle (self->mbtiles_row, *path ? path : _("No file chosen"));

  if (adw_combo_row_get_selected (self->source_row) != (guint) kind)
    adw_combo_row_set_selected (self->source_row, kind);
}

static void
on_source_selected (SbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->source_row);

  if ((int) selected != g_settings_get_enum (self->settings, "tile-source"))
    g_settings_set_enum (self->settings, "tile-source", selected);
}

static void
on_language_selected (SbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_autofree char *current = g_settings_get_string (self->settings, "briefing-language");

  if (self->language_codes == NULL || selected >= g_strv_length (self->language_codes))
    return;

  if (!g_str_equal (current, self->language_codes[selected]))
    g_settings_set_string (self->settings, "briefing-language", self->language_codes[selected]);
}

/* The languages offered: the interface's, English, Dutch, French, and
 * those the briefing shown has.
 */
static void
setup_language_row (SbPreferencesWindow *self,
                    SbBriefing          *briefing)
{
  g_autofree char *current = g_settings_get_string (self->settings, "briefing-language");
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) codes = sb_briefing_language_list (briefing, current);
  guint selected = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *code = codes[i];

      gtk_string_list_append (names, *code ? sb_briefing_language_get_name (code)
                                           : _("Same as the Interface"));
      if (g_str_equal (code, current))
        selected = i;
    }

  /* Without codes yet, filling the row changes no setting. */
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  self->language_codes = g_steal_pointer (&codes);
}

static void
on_monitor_selected (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     SbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GtkStringObject) connector = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || self->monitor_connectors == NULL)
    return;

  connector = g_list_model_get_item (G_LIST_MODEL (self->monitor_connectors), selected);
  g_settings_set_string (self->settings, "presentation-monitor",
                         connector ? gtk_string_object_get_string (connector) : "");
}

/* The list a combo row pops up, named after the row. */
static void
name_popup_list (GtkWidget *row)
{
  g_autofree char *title = sb_accessible_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  sb_accessible_name_popup_lists (row, title);
}

/* A page for presenting: the monitor, and less motion. */
static void
add_presenting_page (SbPreferencesWindow *self)
{
  GSettings *settings = self->settings;
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwComboRow *monitor_row = ADW_COMBO_ROW (adw_combo_row_new ());
  AdwActionRow *motion_row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *motion_switch = gtk_switch_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkStringList *connectors = gtk_string_list_new (NULL);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autofree char *chosen = g_settings_get_string (settings, "presentation-monitor");
  guint selected = 0;

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
  self->monitor_connectors = connectors;
  g_signal_connect (monitor_row, "notify::selected", G_CALLBACK (on_monitor_selected), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (motion_row), _("_Reduce Motion"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (motion_row), TRUE);
  adw_action_row_set_subtitle (motion_row, _("Cut between steps instead of flying the map"));
  gtk_widget_set_valign (motion_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (motion_row, motion_switch);
  adw_action_row_set_activatable_widget (motion_row, motion_switch);
  g_settings_bind (settings, "presentation-reduce-motion", motion_switch, "active", G_SETTINGS_BIND_DEFAULT);

  name_popup_list (GTK_WIDGET (monitor_row));
  adw_preferences_group_add (group, GTK_WIDGET (monitor_row));
  adw_preferences_group_add (group, GTK_WIDGET (motion_row));
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/* A tile address takes effect once it is whole and applied. */
static void
on_template_applied (SbPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->template_row));
  gboolean valid = sb_tile_template_is_valid (text);

  gtk_widget_set_visible (GTK_WIDGET (self->template_error), !valid);
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->template_row), "error");
      g_settings_set_string (self->settings, "tile-url-template", text);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->template_row), "error");
}

static void
on_attribution_applied (SbPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "tile-attribution",
                         gtk_editable_get_text (GTK_EDITABLE (self->attribution_row)));
}

static void
set_mbtiles_file (SbPreferencesWindow *self,
                  GFile               *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    g_settings_set_string (self->settings, "mbtiles-path", path);
}

static void
on_mbtiles_chosen (GFile    *file,
                   gpointer  user_data)
{
  g_autoptr(SbPreferencesWindow) self = user_data;

  if (file != NULL)
    set_mbtiles_file (self, file);
}

static void
choose_mbtiles_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GListModel) filters =
    sb_file_filters_new (sb_file_filter_new (_("MBTiles Files"), "application/vnd.sqlite3", "mbtiles", NULL), NULL);

  sb_file_chooser_open (GTK_WINDOW (widget), _("Choose an MBTiles File"), _("_Choose"),
                        filters, on_mbtiles_chosen, g_object_ref (widget));
}

static void
sb_preferences_window_dispose (GObject *object)
{
  SbPreferencesWindow *self = (SbPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->language_codes, g_strfreev);
  g_clear_object (&self->monitor_connectors);

  G_OBJECT_CLASS (sb_preferences_window_parent_class)->dispose (object);
}

static void
sb_preferences_window_class_init (SbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, source_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, attribution_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, mbtiles_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, cache_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, cache_spin);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, template_error);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_source_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_template_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_attribution_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);

  gtk_widget_class_install_action (widget_class, "preferences.choose-mbtiles", NULL, choose_mbtiles_action);
}

static void
sb_preferences_window_init (SbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_preferences_window_new:
 * @parent: (nullable): the window it is for
 * @briefing: (nullable): the briefing that window shows, whose languages
 *   are offered
 */
SbPreferencesWindow *
sb_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           SbBriefing *briefing)
{
  SbPreferencesWindow *self;
  g_autofree char *url_template = NULL;
  g_autofree char *attribution = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (briefing == NULL || SB_IS_BRIEFING (briefing), NULL);

  self = g_object_new (SB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  url_template = g_settings_get_string (settings, "tile-url-template");
  attribution = g_settings_get_string (settings, "tile-attribution");
  gtk_editable_set_text (GTK_EDITABLE (self->template_row), url_template);
  gtk_editable_set_text (GTK_EDITABLE (self->attribution_row), attribution);

  g_settings_bind (settings, "tile-cache-size", self->cache_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  update_rows (self);
  setup_language_row (self, briefing);
  add_presenting_page (self);
  name_popup_list (GTK_WIDGET (self->source_row));
  name_popup_list (GTK_WIDGET (self->language_row));
  sb_accessible_name_preferences_search (ADW_PREFERENCES_WINDOW (self));

  return self;
}
