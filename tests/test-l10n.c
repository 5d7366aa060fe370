/* test-l10n.c
 *
 * The window in the language of LANGUAGE (nl or fr), under Xvfb: the main
 * menu, the sidebar's search, and a loader's error about a broken file
 * come out translated. Run once per language by tests/meson.build, with
 * the catalogues built in the build directory's po/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "sb-briefing-language.h"
#include "sb-detail-pane.h"
#include "sb-problem.h"
#include "sb-sidebar.h"
#include "sb-window.h"
#include "sb-test-util.h"

typedef struct
{
  const char *language;
  const char *locale;
  const char *open;            /* "_Open…" in the main menu */
  const char *preferences;     /* "_Preferences" */
  const char *shortcuts;       /* "_Keyboard Shortcuts" */
  const char *search;          /* the sidebar's placeholder */
  const char *unknown_field;   /* the start of the loader's message */
  const char *heading;         /* the error dialog's heading */
  const char *summary;         /* the start of its body */
  const char *other;           /* a briefing language other than the interface's */
  const char *other_wagner;    /* the Wagner group's name in it */
  const char *german_note;     /* the detail pane's note on a text shown in English */
} Expected;

static const Expected expectations[] = {
  { "nl", "nl_NL.UTF-8", "_Openen…", "_Voorkeuren", "Snel_toetsen",
    "Zoeken in de briefing",
    "onbekend veld ‘lattitude’", "Kan de briefing niet openen",
    "‘37-unknown-field-lattitude.sahelbrief’ heeft 2 problemen.",
    "fr", "Groupe Wagner", "Niet beschikbaar in het Duits; getoond in het Engels." },
  { "fr", "fr_FR.UTF-8", "_Ouvrir…", "_Préférences", "_Raccourcis clavier",
    "Rechercher dans le briefing",
    /* French puts a no-break space inside its quotation marks. */
    "champ inconnu «\u00a0lattitude\u00a0»", "Impossible d’ouvrir le briefing",
    "«\u00a037-unknown-field-lattitude.sahelbrief\u00a0» présente 2 problèmes.",
    "nl", "Wagner-groep", "Non disponible en allemand\u202f; affiché en anglais." },
};

static const Expected *expected;

/* The label of the menu item for @action, in sections and submenus too. */
static char *
menu_label (GMenuModel *menu,
            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        {
          char *label = NULL;

          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          return label;
        }

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);
          char *label = menu_label (linked, action);

          if (label != NULL)
            return label;
        }
    }

  return NULL;
}

static GMenuModel *
primary_menu (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = primary_menu (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_done_loading (gpointer data)
{
  return !sb_window_is_loading (data);
}

static SbWindow *
create_window (void)
{
  SbWindow *window = sb_window_new (NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  sb_window_load_default (window);
  gtk_window_present (GTK_WINDOW (window));
  sb_test_wait_until (is_done_loading, window);

  return window;
}

static void
test_main_controls (void)
{
  SbWindow *window = create_window ();
  GMenuModel *menu = primary_menu (GTK_WIDGET (window));
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *search = sb_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *open = NULL;
  g_autofree char *preferences = NULL;
  g_autofree char *shortcuts = NULL;
  g_autofree char *placeholder = NULL;

  g_assert_nonnull (menu);
  open = menu_label (menu, "win.open");
  preferences = menu_label (menu, "app.preferences");
  shortcuts = menu_label (menu, "win.show-help-overlay");
  g_assert_cmpstr (open, ==, expected->open);
  g_assert_cmpstr (preferences, ==, expected->preferences);
  g_assert_cmpstr (shortcuts, ==, expected->shortcuts);

  g_assert_nonnull (search);
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, expected->search);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_loader_error (void)
{
  SbWindow *window = create_window ();
  g_autoptr(GFile) file = g_file_new_build_filename (INVALID_DIR, "37-unknown-field-lattitude.sahelbrief", NULL);
  AdwMessageDialog *dialog;
  GPtrArray *problems;
  gboolean found = FALSE;

  sb_window_open (window, file);
  sb_test_wait_until (is_done_loading, window);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);

  problems = sb_window_get_problems (window);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      SbProblem *problem = g_ptr_array_index (problems, i);

      if (problem->code == SB_PROBLEM_UNKNOWN_FIELD)
        {
          g_test_message ("%s", problem->message);
          g_assert_true (g_str_has_prefix (problem->message, expected->unknown_field));
          found = TRUE;
        }
    }
  g_assert_true (found);

  dialog = ADW_MESSAGE_DIALOG (sb_test_find_dialog ());
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected->heading);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected->summary));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The briefing language preference: the views show the briefing again in
 * it, and the detail pane says when a text is not in it.
 */
static void
test_briefing_language (void)
{
  SbWindow *window = create_window ();
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  SbSelection *selection = sb_window_get_selection (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  sb_test_iterate_for (150);

  /* Offered: the interface's, English, Dutch, French, then the others. */
  {
    g_auto(GStrv) codes = sb_briefing_language_list (sb_window_get_briefing (window), "de");
    const char *offered[] = { "", "en", "nl", "fr", "de", NULL };

    g_assert_cmpstrv (codes, offered);
    g_assert_cmpstr (sb_briefing_language_get_name ("fr"), ==, "Français");
  }

  sb_briefing_language_apply (expected->other);
  sb_selection_texts_changed (selection);
  sb_test_iterate_for (150);
  g_assert_nonnull (sb_test_find_label (sidebar, expected->other_wagner));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   sb_text_get_for_language (sb_briefing_get_title (sb_window_get_briefing (window)), expected->other));

  /* No German in the briefing: English, and a note that says so. */
  sb_briefing_language_apply ("de");
  sb_selection_texts_changed (selection);
  sb_selection_select (selection, sb_briefing_lookup (sb_window_get_briefing (window), "wagner-group"));
  {
    /* The details slide in with the selection. */
    SbTestLabel note = { pane, expected->german_note };

    sb_test_wait_until (sb_test_label_shown, &note);
  }
  g_assert_nonnull (sb_test_find_label (sidebar, "Wagner group"));

  /* Back to the interface's language: no note. */
  sb_briefing_language_apply (NULL);
  sb_selection_texts_changed (selection);
  sb_test_iterate_for (150);
  g_assert_null (sb_test_find_label (pane, expected->german_note));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (language, expectations[i].language) == 0)
      expected = &expectations[i];
  if (expected == NULL)
    g_error ("LANGUAGE must be one of nl, fr; it is %s", language ? language : "unset");

  /* The language's own locale where installed; LANGUAGE picks the
   * messages either way, in any locale but C.
   */
  if (setlocale (LC_ALL, expected->locale) == NULL)
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/l10n/main-controls", test_main_controls);
  g_test_add_func ("/l10n/loader-error", test_loader_error);
  g_test_add_func ("/l10n/briefing-language", test_briefing_language);

  return g_test_run ();
}
