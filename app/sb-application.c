/* sb-application.c
 *
 * Start-up, application actions and the command line. One instance runs
 * per session; files opened later go to it over D-Bus, and so does
 * `--present`, as an action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application.h"
#include "sb-basemap.h"
#include "sb-briefing-language.h"
#include "sb-preferences-window.h"
#include "sb-window.h"

struct _SbApplication
{
  AdwApplication parent_instance;

  GSettings *settings;     /* NULL when the schema is not installed */
  gboolean present_next;   /* `--present`: the next window shown presents */
};

G_DEFINE_FINAL_TYPE (SbApplication, sb_application, ADW_TYPE_APPLICATION)

SbApplication *
sb_application_new (void)
{
  return g_object_new (SB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/com/example/SahelBrief",
                       NULL);
}

/* `sahelbrief --present [FILE]`: the next window the application shows
 * presents its briefing once loaded.
 */
static void
present_if_asked (SbApplication *self,
                  SbWindow      *window)
{
  if (!self->present_next)
    return;

  self->present_next = FALSE;
  sb_window_present_when_loaded (window);
}

static void
sb_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (sb_window_new (GTK_APPLICATION (app), sb_application_get_settings (SB_APPLICATION (app))));
      sb_window_load_default (SB_WINDOW (window));
    }

  gtk_window_present (window);
  if (SB_IS_WINDOW (window))
    present_if_asked (SB_APPLICATION (app), SB_WINDOW (window));
}

/* A window still showing the built-in briefing is reused for the first
 * file; every other file gets a window of its own, which gives its
 * problems to another window and closes if the file cannot be opened.
 */
static void
sb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      SbWindow *window;

      if (i == 0 && SB_IS_WINDOW (active) && sb_window_shows_default (SB_WINDOW (active)))
        window = SB_WINDOW (active);
      else
        {
          /* If its file fails, the problems go to another window, and it
           * closes: no empty window is left behind.
           */
          window = sb_window_new (GTK_APPLICATION (app), sb_application_get_settings (SB_APPLICATION (app)));
          sb_window_set_made_for_file (window, TRUE);
        }

      sb_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      present_if_asked (SB_APPLICATION (app), window);
    }
}

static void
sb_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The SahelBrief developers", NULL };
  GtkApplication *app = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("SahelBrief"),
                        "application-icon", APP_ID,
                        "developer-name", _("The SahelBrief developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_URL,
                        "developers", developers,
                        "copyright", "© 2026 The SahelBrief developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Prepare and give security briefings on the Sahel: a map of who is deployed where and what happened, a dossier per actor, and the source passage behind every claim."),
                        NULL);

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Map data"),
                                      "© OpenStreetMap contributors",
                                      GTK_LICENSE_CUSTOM,
                                      _("Map tiles from OpenStreetMap, available under the Open Database License (ODbL): https://www.openstreetmap.org/copyright"));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Base map"),
                                      _("Made with Natural Earth"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The built-in base map is derived from Natural Earth, which is in the public domain: https://www.naturalearthdata.com"));

  gtk_window_present (GTK_WINDOW (about));
}

/* Windows are closed, not destroyed: each saves its state as it closes,
 * and the application ends with the last.
 */
static void
sb_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
sb_application_new_window_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  SbWindow *window = sb_window_new (GTK_APPLICATION (user_data), sb_application_get_settings (SB_APPLICATION (user_data)));

  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
sb_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  SbApplication *self = user_data;
  GSettings *settings = sb_application_get_settings (self);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  SbBriefing *briefing = SB_IS_WINDOW (active) ? sb_window_get_briefing (SB_WINDOW (active)) : NULL;

  if (settings == NULL)
    {
      g_warning ("The settings schema %s is not installed: there are no preferences to change", APP_ID);
      return;
    }

  gtk_window_present (GTK_WINDOW (sb_preferences_window_new (active, settings, briefing)));
}

/* Set through an action so that it reaches the running instance when
 * there is one.
 */
static void
sb_application_present_next_window_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  SB_APPLICATION (user_data)->present_next = TRUE;
}

static const GActionEntry app_actions[] = {
  { "about", sb_application_about_action },
  { "preferences", sb_application_preferences_action },
  { "quit", sb_application_quit_action },
  { "new-window", sb_application_new_window_action },
  { "present-next-window", sb_application_present_next_window_action },
};

/* Every window shows its briefing again in the language now preferred. */
static void
on_briefing_language_changed (GSettings      *settings,
                              const char     *key,
                              GtkApplication *app)
{
  g_autofree char *code = g_settings_get_string (settings, "briefing-language");

  sb_briefing_language_apply (code);

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SB_IS_WINDOW (l->data))
      sb_selection_texts_changed (sb_window_get_selection (SB_WINDOW (l->data)));
}

static gpointer
read_basemap (gpointer data)
{
  sb_basemap_get_default ();
  return NULL;
}

static void
sb_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  GSettings *settings;

  /* Reading the base map takes a tenth of a second: it is done on another
   * core while GTK and libadwaita start, and the first window waits for
   * it only if it is not done by then.
   */
  g_thread_unref (g_thread_new ("sb-basemap", read_basemap, NULL));

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  settings = sb_application_get_settings (SB_APPLICATION (app));
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::briefing-language",
                               G_CALLBACK (on_briefing_language_changed), app, 0);
      on_briefing_language_changed (settings, "briefing-language", GTK_APPLICATION (app));
    }
}

/**
 * sb_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings, or %NULL when
 *   its schema is not installed (a binary run straight from a build)
 */
GSettings *
sb_application_get_settings (SbApplication *self)
{
  g_return_val_if_fail (SB_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    {
      g_autoptr(GSettingsSchema) schema =
        g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

      if (schema != NULL)
        self->settings = g_settings_new_full (schema, NULL, NULL);
    }

  return self->settings;
}

static void
sb_application_dispose (GObject *object)
{
  SbApplication *self = (SbApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sb_application_parent_class)->dispose (object);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sb_application_dispose;

  app_class->activate = sb_application_activate;
  app_class->open = sb_application_open;
  app_class->startup = sb_application_startup;
}

/* `--present` goes to the instance that shows the window, perhaps already
 * running: as an action, before the files to open.
 */
static int
on_handle_local_options (GApplication *application,
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
sb_application_init (SbApplication *self)
{
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check briefings and data files (ACLED, UCDP GED, GeoJSON) and print each problem, then exit"), NULL },
    { "convert", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Import ACLED exports, UCDP GED and GeoJSON into one briefing, written to --output, then exit"), NULL },
    { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Present the briefing full screen from its first step"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* Only listed here for --help; main() handles --check and --convert
   * before the application starts.
   */
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_signal_connect (self, "handle-local-options", G_CALLBACK (on_handle_local_options), NULL);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open SahelBrief briefings (.sahelbrief files)."));
}
