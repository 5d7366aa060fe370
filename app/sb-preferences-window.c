/* sb-preferences-window.c */

#define G_LOG_DOMAIN "sb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-briefing-language.h"
#include "sb-file-chooser.h"
#include "sb-preferences-window.h"
#include "sb-tile-setup.h"
#include "sb-window.h"

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
                    GtkWindow           *parent)
{
  g_autofree char *current = g_settings_get_string (self->settings, "briefing-language");
  SbBriefing *briefing = SB_IS_WINDOW (parent) ? sb_window_get_briefing (SB_WINDOW (parent)) : NULL;
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

SbPreferencesWindow *
sb_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  SbPreferencesWindow *self;
  g_autofree char *url_template = NULL;
  g_autofree char *attribution = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

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
  setup_language_row (self, parent);

  return self;
}
