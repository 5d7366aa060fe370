/* sb-application.c
 *
 * Start-up, application actions and the command line. One instance runs
 * per session; files opened later go to it over D-Bus, and so does
 * `--present`, as an action. The first window offers to recover what a
 * crash left; quitting asks each window with unsaved changes in turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-accessible.h"
#include "sb-application.h"
#include "sb-basemap.h"
#include "sb-briefing-language.h"
#include "sb-focus-guard.h"
#include "sb-preferences-window.h"
#include "sb-recovery.h"
#include "sb-surface-guard.h"
#include "sb-window.h"

struct _SbApplication
{
  AdwApplication parent_instance;

  GSettings *settings;     /* NULL when the schema is not installed */
  gboolean present_next;   /* `--present`: the next window shown presents */
  gboolean recovery_offered;  /* once, at the first window */
  GPtrArray *recoverable;  /* of SbRecoveryEntry a crash left, or NULL */
  GtkWindow *recovery_dialog;  /* nullable, weak */
  gboolean quitting;
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

/* Recovery copies left by a crash or a power cut, offered once per run.
 * A copy replaces its file in the window that shows it (as on disk, so
 * nothing is lost): never a second window of the file beside a stale one.
 */
static void
recover (SbApplication *self)
{
  g_autoptr(GPtrArray) entries = g_steal_pointer (&self->recoverable);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean active_taken = FALSE;

  if (self->recovery_dialog != NULL)
    gtk_window_destroy (self->recovery_dialog);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      SbRecoveryEntry *entry = g_ptr_array_index (entries, i);
      GFile *origin = sb_recovery_entry_get_origin (entry);
      SbWindow *window = NULL;

      if (origin != NULL && sb_recovery_entry_get_location (entry) == NULL && !sb_recovery_entry_get_imported (entry))
        window = sb_window_find_for_file (GTK_APPLICATION (self), origin, NULL);

      if (window != NULL)
        active_taken |= GTK_WINDOW (window) == active;
      else if (!active_taken && SB_IS_WINDOW (active) && sb_window_shows_default (SB_WINDOW (active)))
        {
          window = SB_WINDOW (active);
          active_taken = TRUE;
        }
      else
        window = sb_window_new (GTK_APPLICATION (self), sb_application_get_settings (self));

      sb_window_recover (window, entry);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
discard_recovered (SbApplication *self)
{
  g_autoptr(GPtrArray) entries = g_steal_pointer (&self->recoverable);

  if (self->recovery_dialog != NULL)
    gtk_window_destroy (self->recovery_dialog);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    sb_recovery_entry_delete (g_ptr_array_index (entries, i));
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SbApplication    *self)
{
  g_clear_weak_pointer (&self->recovery_dialog);

  if (g_str_equal (response, "recover"))
    recover (self);
  else if (g_str_equal (response, "discard"))
    discard_recovered (self);
}

static void
offer_recovery (SbApplication *self,
                GtkWindow     *window)
{
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  directory = sb_recovery_get_default_directory ();
  self->recoverable = sb_recovery_list (directory);
  if (self->recoverable->len == 0)
    {
      g_clear_pointer (&self->recoverable, g_ptr_array_unref);
      return;
    }

  body = g_string_new (ngettext ("SahelBrief ended without saving the changes to this briefing. They were kept:",
                                 "SahelBrief ended without saving the changes to these briefings. They were kept:",
                                 self->recoverable->len));
  for (guint i = 0; i < self->recoverable->len; i++)
    {
      SbRecoveryEntry *entry = g_ptr_array_index (self->recoverable, i);
      g_autofree char *when = g_date_time_format (sb_recovery_entry_get_written (entry), "%c");

      /* TRANSLATORS: a briefing kept after a crash, and when: "• Week 32 (Tue 6 Dec 14:32)" */
      g_string_append_printf (body, _("\n• %s (%s)"), sb_recovery_entry_get_title (entry), when);
    }

  dialog = adw_message_dialog_new (window, _("Recover Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  g_set_weak_pointer (&self->recovery_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
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
  offer_recovery (SB_APPLICATION (app), window);
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
      SbWindow *window = sb_window_find_for_file (GTK_APPLICATION (app), files[i], NULL);

      /* A file open already is not opened twice: its window comes up. */
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          present_if_asked (SB_APPLICATION (app), window);
          offer_recovery (SB_APPLICATION (app), GTK_WINDOW (window));
          continue;
        }

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
      offer_recovery (SB_APPLICATION (app), GTK_WINDOW (window));
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

static void close_next_window (SbApplication *self);

static void
on_window_closed (SbWindow *window,
                  gboolean  did_close,
                  gpointer  user_data)
{
  SbApplication *self = user_data;

  /* Cancel in one window's question stops quitting. */
  if (!did_close)
    {
      self->quitting = FALSE;
      return;
    }

  close_next_window (self);
}

/* One window at a time: each with unsaved changes asks, and the next
 * closes only once it has its answer.
 */
static void
close_next_window (SbApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  if (!self->quitting)
    return;

  for (GList *l = windows; l != NULL; l = l->next)
    if (SB_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      {
        sb_window_request_close (l->data, on_window_closed, self);
        return;
      }

  /* Dialogs and the presentation go with the last window. */
  {
    g_autoptr(GList) rest = g_list_copy (windows);

    for (GList *l = rest; l != NULL; l = l->next)
      gtk_window_close (l->data);
  }
  self->quitting = FALSE;
}

/* Windows are closed, not destroyed: each saves its state as it closes,
 * and the application ends with the last.
 */
static void
sb_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SbApplication *self = user_data;

  if (self->quitting)
    return;

  self->quitting = TRUE;
  close_next_window (self);
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

static void
sb_application_recover_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  recover (SB_APPLICATION (user_data));
}

static void
sb_application_discard_recovered_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  discard_recovered (SB_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", sb_application_about_action },
  { "recover", sb_application_recover_action },
  { "discard-recovered", sb_application_discard_recovered_action },
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

/* Every window of the app: see sb-focus-guard.c. */
static void
sb_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (sb_application_parent_class)->window_added (app, window);
  sb_focus_guard_attach (window);
}

static void
sb_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  GSettings *settings;

  /* Reading the base map takes a tenth of a second: it is done on another
   * core while GTK and libadwaita start, and the first window waits for
   * it only if it is not done by then.
   */
  sb_basemap_read_ahead ();

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (app);
  sb_surface_guard_install ();
  sb_accessible_watch_message_dialogs ();

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
  g_clear_pointer (&self->recoverable, g_ptr_array_unref);
  g_clear_weak_pointer (&self->recovery_dialog);

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
  GTK_APPLICATION_CLASS (klass)->window_added = sb_application_window_added;
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
