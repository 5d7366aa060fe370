/* test-markup.c
 *
 * Text from files and from the user is shown as it is, wherever it goes:
 * libadwaita reads toast titles and row titles and subtitles as markup,
 * and "Mali & Niger" once gave an empty toast, a URL with "&" a blank
 * row, and <span foreground="red"> red text. Each path gets "&", "<b>"
 * and "<span …>"; a label that read them as markup would show them
 * without the tags, and one that failed to parse them would warn (fatal
 * here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-application.h"
#include "sb-file-chooser.h"
#include "sb-location-dialog.h"
#include "sb-map-view.h"
#include "sb-preferences-window.h"
#include "sb-presenter.h"
#include "sb-presentation-window.h"
#include "sb-presentation.h"
#include "sb-window.h"
#include "sb-test-util.h"

/* A file name holds no "/": the tags are left open. */
#define HOSTILE "Mali & <b>Niger <span foreground=\"red\">red"

static SbApplication *application;
static char *temp_dir;

static gboolean
label_in (GtkWidget  *root,
          const char *words)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), words) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (label_in (child, words))
      return TRUE;

  return FALSE;
}

/* In any window: toasts, dialogs and popovers are in windows of their own. */
static gboolean
shown_anywhere (gpointer words)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window) && label_in (window, words))
        return TRUE;
    }

  return FALSE;
}

static void
print_labels (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && *gtk_label_get_text (GTK_LABEL (root)))
    g_printerr ("LABEL: %s | %s\n", gtk_label_get_text (GTK_LABEL (root)), gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    print_labels (child);
}

static void
assert_shown (const char *words)
{
  if (!sb_test_run_until (shown_anywhere, (gpointer) words, 10000))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
          print_labels (window);
        }
      g_error ("no label shows “%s” as it is", words);
    }
}

static gboolean
is_done_loading (gpointer data)
{
  return !sb_window_is_loading (data);
}

static SbWindow *
open_markup_window (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "markup.sahelbrief", NULL);
  SbWindow *window = sb_window_new (GTK_APPLICATION (application), sb_application_get_settings (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  g_assert_null (sb_window_get_problems (window));
  sb_test_iterate_for (200);

  return window;
}

static char *
hostile_path (const char *suffix)
{
  g_autofree char *name = g_strconcat (HOSTILE, suffix, NULL);

  return g_build_filename (temp_dir, name, NULL);
}

/* The briefing's own texts: title, actors, statements, places, sources,
 * in the header, the sidebar, a dossier, the details and search.
 */
static void
test_briefing_texts (void)
{
  SbWindow *window = open_markup_window ();
  SbSelection *selection = sb_window_get_selection (window);
  SbBriefing *briefing = sb_window_get_briefing (window);

  assert_shown ("Markup <b>test</b> & co");
  assert_shown ("Force <b>One</b> & Co");

  sb_selection_select (selection, sb_briefing_lookup (briefing, "convoy-force"));
  sb_test_iterate_for (200);
  assert_shown ("Convoy <b>leaves</b> & goes");

  sb_selection_select (selection, sb_briefing_lookup (briefing, "convoy-leaves"));
  sb_test_iterate_for (200);
  assert_shown ("The <span foreground=\"red\">convoy</span> left Gao & crossed.");
  assert_shown ("Gao & <surroundings>");
  assert_shown ("Source with <i>markup</i> & ampersands");
  assert_shown ("Tom & Jerry <Daily>");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Open Location's recent addresses, one a URL with "&". */
static void
test_recent_locations (void)
{
  SbWindow *window = open_markup_window ();
  const char * const recent[] = {
    "https://example.org/briefing?a=1&b=<b>2</b>",
    "https://example.org/<span foreground=\"red\">red</span>.sahelbrief",
    NULL
  };
  GtkWindow *dialog = sb_location_dialog_new (GTK_WINDOW (window), recent);

  gtk_window_present (dialog);
  assert_shown (recent[0]);
  assert_shown (recent[1]);

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toast after an export names the file. */
static void
test_export_toast (void)
{
  SbWindow *window = open_markup_window ();
  g_autofree char *path = hostile_path (".geojson");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strdup_printf ("Exported to “%s.geojson”", HOSTILE);

  sb_file_chooser_answer_for_testing (file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-geojson", NULL);
  assert_shown (expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with problems is named in the dialog that lists them. */
static void
test_problems_dialog (void)
{
  SbWindow *window = open_markup_window ();
  g_autofree char *path = hostile_path (".sahelbrief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strdup_printf ("“%s.sahelbrief” has", HOSTILE);
  g_autofree char *in_progress = g_strdup_printf ("“%s.sahelbrief” still has 3 problems", HOSTILE);

  /* A version that is no number: the file cannot be opened. */
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"sahelbrief\", \"version\": \"one\" }", -1, NULL));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  assert_shown (expected);
  sb_test_close_dialogs ();

  /* Only fields not filled in yet: it opens as work in progress, and a
   * toast names it.
   */
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"sahelbrief\", \"version\": 1 }", -1, NULL));
  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  assert_shown (in_progress);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A tile file that cannot be used says why, naming it, in a toast; the
 * Preferences show its path.
 */
static void
test_tiles_toast_and_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = hostile_path (".mbtiles");
  g_autofree char *expected = g_strdup_printf ("“%s.mbtiles” is not an MBTiles file", HOSTILE);
  SbWindow *window = NULL;
  SbPreferencesWindow *preferences;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  g_settings_set_string (settings, "mbtiles-path", path);
  g_settings_set_enum (settings, "tile-source", 2);

  window = open_markup_window ();
  assert_shown (expected);

  preferences = sb_preferences_window_new (GTK_WINDOW (window), settings, NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  assert_shown (path);
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_settings_set_string (settings, "tile-source", "none");
  g_settings_reset (settings, "mbtiles-path");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presenting: the caption is the statement's title. */
static void
test_presentation (void)
{
  SbWindow *window = open_markup_window ();

  SbPresentationWindow *presenting;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.start", NULL));
  presenting = sb_presenter_get_window (sb_window_get_presenter (window));
  g_assert_nonnull (presenting);
  assert_shown ("Convoy <b>leaves</b> & goes");
  sb_presentation_handle_key (sb_presentation_window_get_presentation (presenting), GDK_KEY_Escape, 0);
  sb_test_iterate_for (200);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (temp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (temp_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  /* The window follows the application's settings; no other instance. */
  application = sb_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  temp_dir = g_dir_make_tmp ("sb-markup-XXXXXX", NULL);

  g_test_add_func ("/markup/briefing-texts", test_briefing_texts);
  g_test_add_func ("/markup/recent-locations", test_recent_locations);
  g_test_add_func ("/markup/export-toast", test_export_toast);
  g_test_add_func ("/markup/problems-dialog", test_problems_dialog);
  g_test_add_func ("/markup/tiles-toast-and-preferences", test_tiles_toast_and_preferences);
  g_test_add_func ("/markup/presentation", test_presentation);

  status = g_test_run ();

  remove_temp_dir ();
  g_free (temp_dir);
  g_clear_object (&application);

  return status;
}
