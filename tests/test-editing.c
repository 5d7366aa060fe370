/* test-editing.c
 *
 * Making a briefing in the window, as a person would: a title typed in
 * the card and Enter, Undo and Redo named after the edit, the title of
 * the window marking unsaved changes, Save and Save As (with the previous
 * file kept as NAME~), the question when closing with unsaved changes
 * (Cancel, Discard, Save), a new briefing with its guide and problems,
 * removing what others refer to, Briefing Details reached from a problem
 * of the briefing's title, an imported file edited and saved as a
 * briefing, and the views following each edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <libsoup/soup.h>

#include "sb-add-source-dialog.h"
#include "sb-cite.h"
#include "sb-detail-pane.h"
#include "sb-edit.h"
#include "sb-edit-card.h"
#include "sb-file-chooser.h"
#include "sb-format.h"
#include "sb-relation.h"
#include "sb-loader.h"
#include "sb-problems-popover.h"
#include "sb-sidebar.h"
#include "sb-steps-panel.h"
#include "sb-step.h"
#include "sb-source-text-dialog.h"
#include "sb-window.h"
#include "sb-writer.h"
#include "sb-test-model.h"
#include "sb-test-util.h"
#include "sb-test-window.h"

static char *
read_file (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static const char *
window_title (SbWindow *window)
{
  return gtk_window_get_title (GTK_WINDOW (window));
}

/* Typing @text into the row and pressing Enter. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  GtkWidget *entry = sb_test_find_widget (row, GTK_TYPE_TEXT);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What Enter does in the text. */
  g_signal_emit_by_name (entry, "activate");
  sb_test_iterate_for (50);
}

static const char *
menu_label (SbWindow *window,
            guint     position)
{
  GMenuModel *menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), SB_TYPE_WINDOW, "edit_menu"));
  static char *label;

  g_clear_pointer (&label, g_free);
  g_menu_model_get_item_attribute (menu, position, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static gboolean
action_enabled (SbWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

static void
test_undo_redo (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  g_autofree char *original_title = g_strdup (window_title (window));
  g_autofree char *original = sb_writer_to_data (briefing, NULL);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  SbEditCard *card;
  GtkWidget *row;

  g_assert_nonnull (item);
  g_assert_false (action_enabled (window, "undo"));
  g_assert_cmpstr (menu_label (window, 0), ==, "_Undo");

  card = sb_test_window_open_card (window, SB_ENTITY (item));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Title (English)");
  g_assert_nonnull (row);
  type_into (row, "Commandos at the border");

  /* The edit is in the model, named in the menu, marked in the title. */
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_title (item), "en"), ==, "Commandos at the border");
  g_assert_true (action_enabled (window, "undo"));
  g_assert_cmpstr (menu_label (window, 0), ==, "Undo Change Title of “French commandos in the border region”");
  g_assert_true (g_str_has_prefix (window_title (window), "*"));

  /* Undo and Redo, as Ctrl+Z and Ctrl+Shift+Z do. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_title (item), "en"), ==, "French commandos in the border region");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "French commandos in the border region");
  g_assert_cmpstr (window_title (window), ==, original_title);
  g_assert_cmpstr (menu_label (window, 1), ==, "Redo Change Title of “French commandos in the border region”");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_title (item), "en"), ==, "Commandos at the border");

  /* A choice is an edit too: certainty, then who claims it. */
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Certainty");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), SB_CERTAINTY_CLAIMED);
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_CLAIMED);
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Claimed by");
  g_assert_true (gtk_widget_get_visible (row));

  /* A date a person types, with a span that ends before it starts refused. */
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Date");
  type_into (row, "2022-08-15");
  g_assert_cmpint (sb_item_get_date (item)->start.precision, ==, SB_DATE_PRECISION_DAY);
  type_into (row, "2022-13");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (sb_item_get_date (item)->start.day, ==, 15);

  /* The sidebar's counts and the dossier follow the actor taken away. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-entity", "s", "france");
  sb_test_iterate_for (100);
  g_assert_nonnull (sb_test_find_label (sidebar, "Commandos at the border"));
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_test_window_open_card (window, SB_ENTITY (item));
  row = sb_test_find_row (GTK_WIDGET (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_EDIT_CARD)), ADW_TYPE_COMBO_ROW, "Actor");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 0);

  while (action_enabled (window, "undo"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    g_autofree char *back = sb_writer_to_data (briefing, NULL);

    g_assert_cmpstr (back, ==, original);
  }
  g_assert_cmpstr (window_title (window), ==, original_title);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_is_laid_out (gpointer label)
{
  return gtk_widget_get_mapped (label) && gtk_widget_get_width (label) > 0;
}

/* Typing @text at the end of the row's text, key by key as GtkText takes
 * it (its own undo would remember it).
 */
static void
type_more (GtkWidget  *row,
           const char *text)
{
  GtkWidget *entry = sb_test_find_widget (row, GTK_TYPE_TEXT);
  int position;

  gtk_widget_grab_focus (entry);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
      gtk_editable_insert_text (GTK_EDITABLE (entry), c, g_utf8_next_char (c) - c, &position);
      gtk_editable_set_position (GTK_EDITABLE (entry), position);
    }
  sb_test_iterate_for (50);
}

static const char *
english_title (SbItem *item)
{
  return sb_text_get_for_language (sb_item_get_title (item), "en");
}

typedef struct
{
  GtkPaned *split;
  int       position;
} SplitAt;

static gboolean
split_is_at (gpointer data)
{
  SplitAt *at = data;

  return gtk_paned_get_position (at->split) == at->position;
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *card;
} FocusIn;

static gboolean
focus_is_in_card (gpointer data)
{
  FocusIn *in = data;
  GtkWidget *focus = gtk_window_get_focus (in->window);

  return focus != NULL && gtk_widget_is_ancestor (focus, in->card);
}

/* The pane slid in, the card given its room, its first field given the
 * focus and @text shown: typing goes where it is meant to (rows still
 * sliding in take the focus as they show; on a loaded machine the first
 * field took it after the typing had begun, and the field typed into
 * showed its start again, the cursor at 0).
 */
static void
wait_for_card (SbWindow  *window,
               GtkWidget *text)
{
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  GtkPaned *split = GTK_PANED (gtk_widget_get_template_child (pane, SB_TYPE_DETAIL_PANE, "split"));
  SplitAt at = { split, 0 };
  FocusIn in = { GTK_WINDOW (window), gtk_widget_get_ancestor (text, SB_TYPE_EDIT_CARD) };

  sb_test_wait_until (label_is_laid_out, text);
  sb_test_wait_until (focus_is_in_card, &in);
  at.position = gtk_widget_get_height (GTK_WIDGET (split)) * 3 / 5;
  sb_test_wait_until (split_is_at, &at);
}

/* Ctrl+Z and Ctrl+Shift+Z in a card field, once what it holds is applied,
 * are the briefing's Undo and Redo: the field and the briefing never
 * disagree. Typing not applied yet is what Ctrl+Z takes back first.
 */
static void
test_card_field_undo (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  const char *original = "French commandos in the border region";
  SbEditCard *card;
  GtkWidget *row, *text;

  card = sb_test_window_open_card (window, SB_ENTITY (item));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Title (English)");
  text = sb_test_find_widget (row, GTK_TYPE_TEXT);
  wait_for_card (window, text);
  g_assert_cmpstr (english_title (item), ==, original);

  /* Typed, Enter: applied. The focus stays in the field. */
  type_more (row, " X");
  g_signal_emit_by_name (text, "activate");
  sb_test_iterate_for (50);
  g_assert_cmpstr (english_title (item), ==, "French commandos in the border region X");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == text);

  /* Ctrl+Z there is the briefing's Undo. */
  g_assert_true (sb_test_press_key (text, "<Control>z"));
  g_assert_cmpstr (english_title (item), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original);
  g_assert_false (action_enabled (window, "undo"));
  g_assert_true (action_enabled (window, "redo"));

  /* Ctrl+Shift+Z its Redo. */
  g_assert_true (sb_test_press_key (text, "<Control><Shift>z"));
  g_assert_cmpstr (english_title (item), ==, "French commandos in the border region X");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "French commandos in the border region X");

  /* Typing not applied: Ctrl+Z takes the typing back, and the briefing
   * keeps its edit; the next Ctrl+Z undoes the edit.
   */
  type_more (row, " Y");
  g_assert_true (sb_test_press_key (text, "<Control>z"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "French commandos in the border region X");
  g_assert_cmpstr (english_title (item), ==, "French commandos in the border region X");
  g_assert_true (sb_test_press_key (text, "<Control>z"));
  g_assert_cmpstr (english_title (item), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original);

  /* Leaving the field applies nothing more. */
  gtk_widget_grab_focus (GTK_WIDGET (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Date")));
  sb_test_iterate_for (50);
  g_assert_cmpstr (english_title (item), ==, original);
  g_assert_false (action_enabled (window, "undo"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing "From one date to another" shows From and To at once, and the
 * span waits for its end; an end before the start stays in To, marked,
 * with a line saying what is wrong, and is not applied.
 */
static void
test_card_date_span (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  const char *wrong_order = "The span ends before it starts: To, 2024-08-05, is before From, 2024-08-06";
  const char *needs_end = "Write in To the date it ends, as 2022-08-15";
  SbEditCard *card;
  GtkWidget *kind, *from, *to;
  const SbDate *date;

  card = sb_test_window_open_card (window, SB_ENTITY (item));
  from = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Date");
  type_into (from, "2024-08-06");
  g_assert_false (sb_item_get_date (item)->is_span);
  kind = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "When");
  to = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "To");
  g_assert_false (gtk_widget_get_visible (to));

  /* A span chosen: From and To at once; nothing applied yet, and the
   * card says what it waits for.
   */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), 1);
  sb_test_iterate_for (100);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, 1);
  g_assert_true (gtk_widget_get_visible (to));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (from)), ==, "From");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2024-08-06");
  g_assert_false (sb_item_get_date (item)->is_span);
  g_assert_true (gtk_widget_get_visible (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, needs_end)));

  /* The choice is whole on the row at 1024×768. */
  {
    GtkWidget *chosen = sb_test_find_label (kind, "From one date to another");

    g_assert_nonnull (chosen);
    gtk_widget_grab_focus (kind);
    sb_test_wait_until (label_is_laid_out, chosen);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (chosen))));
  }

  /* An end before the start: kept, marked, said, not applied; still so
   * once the focus moves on.
   */
  type_into (to, "2024-08-05");
  gtk_widget_grab_focus (sb_test_find_widget (from, GTK_TYPE_TEXT));
  sb_test_iterate_for (100);
  g_assert_false (sb_item_get_date (item)->is_span);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, 1);
  g_assert_true (gtk_widget_get_visible (to));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2024-08-05");
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  g_assert_true (gtk_widget_get_visible (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, wrong_order)));
  g_assert_null (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, needs_end));

  /* Ctrl+Z in To takes back the typing: the span waits for its end again. */
  g_assert_true (sb_test_press_key (sb_test_find_widget (to, GTK_TYPE_TEXT), "<Control>z"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "");
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  g_assert_true (gtk_widget_get_visible (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, needs_end)));
  g_assert_false (sb_item_get_date (item)->is_span);

  /* Put right: applied as a span, the line gone. */
  type_into (to, "2024-08-10");
  date = sb_item_get_date (item);
  g_assert_true (date->is_span);
  g_assert_cmpint (date->start.day, ==, 6);
  g_assert_cmpint (date->end.day, ==, 10);
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  g_assert_null (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, wrong_order));

  /* Undone: one date again, as the card shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (100);
  g_assert_false (sb_item_get_date (item)->is_span);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, 0);
  g_assert_false (gtk_widget_get_visible (to));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The adjustment has not moved since the last frames (a scroll animated
 * to a focused row has ended).
 */
static gboolean
scrolling_ends (gpointer adjustment)
{
  double before = gtk_adjustment_get_value (adjustment);

  sb_test_iterate_for (100);
  return gtk_adjustment_get_value (adjustment) == before;
}

/* Escape in a card field leaves the field, never the selection: typing
 * not applied yet is taken back, then the focus goes to the card; only a
 * further Escape steps back in the window. A field without the focus
 * shows the start of its text.
 */
static void
test_card_field_escape (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  SbSelection *selection = sb_window_get_selection (window);
  const char *original = "French commandos in the border region";
  SbEditCard *card;
  GtkWidget *row, *text;

  card = sb_test_window_open_card (window, SB_ENTITY (item));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Title (English)");
  text = sb_test_find_widget (row, GTK_TYPE_TEXT);
  wait_for_card (window, text);
  /* A field without the focus shows the start of its text. */
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (text)), ==, 0);

  type_more (row, " Y");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (text)), ==, strlen (original) + 2);
  g_assert_true (sb_test_press_key (text, "Escape"));
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (item));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, original);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == text);

  g_assert_true (sb_test_press_key (text, "Escape"));
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (item));
  g_assert_false (gtk_window_get_focus (GTK_WINDOW (window)) == text);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (card));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (text)), ==, 0);
  g_assert_cmpstr (english_title (item), ==, original);
  g_assert_false (action_enabled (window, "undo"));

  /* Leaving a field further down keeps the card scrolled where it was. */
  {
    GtkWidget *date = sb_test_find_widget (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Strength"), GTK_TYPE_TEXT);
    GtkAdjustment *scrolled = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW)));
    double value;

    gtk_adjustment_set_value (scrolled, gtk_adjustment_get_upper (scrolled) - gtk_adjustment_get_page_size (scrolled));
    gtk_widget_grab_focus (date);
    g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == date);
    sb_test_wait_until (scrolling_ends, scrolled);
    value = gtk_adjustment_get_value (scrolled);
    g_assert_cmpfloat (value, >, 0);
    g_assert_true (sb_test_press_key (date, "Escape"));
    sb_test_wait_until (scrolling_ends, scrolled);
    g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (card));
    g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), ==, value);
  }

  /* From the card, Escape is the window's again. */
  g_assert_true (sb_test_press_key (GTK_WIDGET (card), "Escape"));
  g_assert_null (sb_selection_get_selected (selection));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where @label is in the choices of the combo @row. */
static guint
choice_position (GtkWidget  *row,
                 const char *label)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (labels, i);

      if (g_str_equal (gtk_string_object_get_string (choice), label))
        return i;
    }

  g_error ("No choice “%s”", label);
}

/* The card is made anew once the main loop is idle after a choice's
 * edit (an actor chosen lists the rows again): clicks and keys already
 * waiting come first. What they typed into the rows still shown goes
 * over to the new rows, with the cursor where it was, and is applied when
 * the focus moves on (the hand-run lost the text typed into the next row
 * just after a choice).
 */
static void
test_card_typing_kept (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  SbActor *wagner = SB_ACTOR (sb_briefing_lookup (briefing, "wagner-group"));
  SbEditCard *card;
  GtkWidget *actor, *role, *text, *title;
  int at;

  g_assert_nonnull (wagner);
  card = sb_test_window_open_card (window, SB_ENTITY (item));
  role = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Role (English)");
  text = sb_test_find_widget (role, GTK_TYPE_TEXT);
  wait_for_card (window, text);
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_role (item), "en"), ==, "special operations");

  /* Wagner chosen as the actor, as a click in the list does. */
  actor = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Actor");
  gtk_widget_grab_focus (actor);
  adw_combo_row_set_selected (ADW_COMBO_ROW (actor), choice_position (actor, "Wagner group"));
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  g_assert_true (sb_item_get_actor (item, 0) == wagner);

  /* The next click and keys, before the main loop is idle: into the row
   * still shown.
   */
  gtk_widget_grab_focus (text);
  at = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (text)), -1);
  gtk_editable_insert_text (GTK_EDITABLE (text), " X", -1, &at);
  gtk_editable_set_position (GTK_EDITABLE (text), at);
  sb_test_iterate_for (100);

  /* The card made anew shows the typing, the cursor after it. */
  role = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Role (English)");
  text = sb_test_find_widget (role, GTK_TYPE_TEXT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (role)), ==, "special operations X");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == text);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (text)), ==, strlen ("special operations X"));
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_role (item), "en"), ==, "special operations");

  /* Moving on applies it. */
  title = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Title (English)");
  gtk_widget_grab_focus (sb_test_find_widget (title, GTK_TYPE_TEXT));
  sb_test_iterate_for (50);
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_role (item), "en"), ==, "special operations X");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

typedef struct
{
  SbEditCard *card;
  GtkWidget *window;
  double y;                  /* where "Role (English)" was before the choice */
  double moved;              /* the most it was seen away from there
                              * (a row is about 55 pixels high) */
  guint frames;
} RowWatch;

static void
on_painted_watch_row (GdkFrameClock *clock,
                      RowWatch      *watch)
{
  GtkWidget *row = sb_test_find_row (GTK_WIDGET (watch->card), ADW_TYPE_ENTRY_ROW, "Role (English)");
  graphene_point_t at;

  if (row == NULL || gtk_widget_get_width (row) == 0 ||
      !gtk_widget_compute_point (row, watch->window, &GRAPHENE_POINT_INIT (0, 0), &at))
    return;
  watch->moved = MAX (watch->moved, fabs (at.y - watch->y));
  watch->frames++;
}

/* The card made anew after a choice keeps every row where it was on the
 * screen in every frame, not only once settled, and the rows made anew
 * are laid out before any click could reach them: a click just after the
 * choice lands on the row it was aimed at (the hand-run's click on the
 * row under the list chosen from focused another row, or none).
 */
static void
test_card_rows_stay (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  SbEditCard *card;
  GtkWidget *actor, *role;
  GtkAdjustment *scrolled;
  GdkFrameClock *clock;
  RowWatch watch = { NULL, GTK_WIDGET (window), 0, 0, 0 };
  GtkPopover *popover;
  GtkWidget *list;
  graphene_point_t at;
  gulong painted;

  card = sb_test_window_open_card (window, SB_ENTITY (item));
  watch.card = card;
  role = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Role (English)");
  wait_for_card (window, sb_test_find_widget (role, GTK_TYPE_TEXT));

  /* The card scrolled down to the actor, its focus there as after a
   * choice in its list.
   */
  scrolled = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW)));
  actor = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Actor");
  gtk_widget_grab_focus (actor);
  sb_test_wait_until (scrolling_ends, scrolled);
  g_assert_true (gtk_widget_compute_point (actor, GTK_WIDGET (card), &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (scrolled, at.y - 40);
  sb_test_wait_until (scrolling_ends, scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), >, 0);
  g_assert_true (gtk_widget_compute_point (role, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &at));
  watch.y = at.y;

  /* The next actor chosen in the list popped up, as a click does. */
  adw_action_row_activate (ADW_ACTION_ROW (actor));
  popover = GTK_POPOVER (sb_test_find_widget (actor, GTK_TYPE_POPOVER));
  sb_test_wait_until (widget_is_mapped, popover);
  list = sb_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_VIEW);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  painted = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_watch_row), &watch);
  g_object_add_weak_pointer (G_OBJECT (role), (gpointer *) &role);
  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), choice_position (actor, "Wagner group"), TRUE);
  g_signal_emit_by_name (list, "activate", choice_position (actor, "Wagner group"));

  /* Whenever the main loop could take a click, the rows made anew have
   * their place already.
   */
  while (role != NULL)
    g_main_context_iteration (NULL, TRUE);
  role = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Role (English)");
  g_assert_cmpint (gtk_widget_get_width (role), >, 0);
  g_assert_true (gtk_widget_compute_point (role, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_cmpfloat (fabs (at.y - watch.y), <=, 4);

  sb_test_wait_until (scrolling_ends, scrolled);
  g_signal_handler_disconnect (clock, painted);

  /* Never seen elsewhere. */
  g_assert_cmpuint (watch.frames, >, 0);
  if (watch.moved > 4)
    g_error ("“Role (English)” was seen %.0f pixels away from where it was before the choice", watch.moved);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
split_is_laid_out (gpointer split)
{
  return gtk_widget_get_height (split) > 0 && gtk_paned_get_position (split) > 0;
}

/* At 1024×768 the card being edited gets three fifths of the pane at
 * first, the source text the rest; the height the reader gives it while
 * editing is kept for editing, apart from the one for reading.
 */
static void
test_card_split (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  GtkPaned *split = GTK_PANED (gtk_widget_get_template_child (pane, SB_TYPE_DETAIL_PANE, "split"));
  SplitAt at = { split, 0 };
  int reading, height;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_test_wait_until (split_is_laid_out, split);
  sb_test_iterate_for (100);
  reading = gtk_paned_get_position (split);

  sb_test_window_open_card (window, SB_ENTITY (item));
  height = gtk_widget_get_height (GTK_WIDGET (split));
  at.position = height * 3 / 5;
  sb_test_wait_until (split_is_at, &at);

  /* The reader moves the handle while editing: kept for editing. */
  gtk_paned_set_position (split, height / 2);
  sb_test_iterate_for (50);
  gtk_widget_activate_action (pane, "detail.edit", NULL);
  at.position = reading;
  sb_test_wait_until (split_is_at, &at);
  gtk_widget_activate_action (pane, "detail.edit", NULL);
  at.position = height / 2;
  sb_test_wait_until (split_is_at, &at);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A step's "Passage shown" changed is undone as the step's passage: the
 * step is named after what it shows, and "Change Citation of “Africa
 * Corps deployed in Mali”" read as the statement's citation removed.
 */
static void
test_step_passage_label (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  g_autoptr(SbStep) step = g_list_model_get_item (sb_briefing_get_steps (briefing), 0);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(SbEdit) edit = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (step);
  g_value_init (&value, SB_TYPE_CITATION);
  g_value_set_boxed (&value, NULL);
  edit = sb_edit_new_set (SB_ENTITY (step), SB_STEP_FIELD_CITATION, &value);
  expected = g_strdup_printf ("Change Passage Shown in Step “%s”", sb_entity_get_label (SB_ENTITY (step)));
  g_assert_cmpstr (sb_edit_get_label (edit), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *card;
  const char *titles[4];
} RowsInView;

/* Each row titled in @view is laid out within the part of the card the
 * pane shows, without scrolling.
 */
static gboolean
rows_in_view (gpointer data)
{
  RowsInView *view = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (view->card, GTK_TYPE_SCROLLED_WINDOW);

  for (guint i = 0; i < G_N_ELEMENTS (view->titles) && view->titles[i] != NULL; i++)
    {
      GtkWidget *row = sb_test_find_row (view->card, ADW_TYPE_PREFERENCES_ROW, view->titles[i]);
      graphene_rect_t bounds;

      if (row == NULL || !gtk_widget_compute_bounds (row, scrolled, &bounds) || bounds.size.height <= 0 ||
          bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (scrolled))
        return FALSE;
    }
  return TRUE;
}

/* A statement's card at 1024×768 shows what a new citation needs first
 * without scrolling: its type, title and date (the hand-run scrolled
 * 10–25 notches to When, past Who and the description).
 */
static void
test_card_compact (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  GtkPaned *split = GTK_PANED (gtk_widget_get_template_child (pane, SB_TYPE_DETAIL_PANE, "split"));
  SplitAt at = { split, 0 };
  RowsInView view = { NULL, { "Kind", "Title (English)", "Date", NULL } };
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  /* The app's style sheet, as AdwApplication loads it. */
  gtk_css_provider_load_from_resource (style, "/com/example/SahelBrief/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  view.card = GTK_WIDGET (sb_test_window_open_card (window, SB_ENTITY (item)));
  sb_test_wait_until (split_is_laid_out, split);
  at.position = gtk_widget_get_height (GTK_WIDGET (split)) * 3 / 5;
  sb_test_wait_until (split_is_at, &at);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (split)), <=, 768);
  sb_test_wait_until (rows_in_view, &view);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

static gboolean
is_saved (gpointer data)
{
  SbDocument *document = sb_window_get_document (data);

  return !sb_document_get_modified (document);
}

static void
test_save_and_save_as (void)
{
  g_autoptr(GFile) file = sb_test_copy_default ("week-32.sahelbrief");
  g_autofree char *before = read_file (file);
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) other = g_file_get_child (parent, "week-32-copy.sahelbrief");
  SbWindow *window = sb_test_window_new (file, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbEntity *place = sb_briefing_lookup (briefing, "gao-airport");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) saved = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (place);
  sb_document_apply (sb_window_get_document (window), sb_edit_new_set_position (SB_PLACE (place), 16.3, -0.05), NULL);
  g_assert_true (g_str_has_prefix (window_title (window), "*"));

  /* Ctrl+S: to the file it came from, the one before kept as NAME~. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  sb_test_wait_until (is_saved, window);
  g_assert_false (g_str_has_prefix (window_title (window), "*"));
  after = read_file (file);
  g_assert_cmpstr (after, !=, before);
  {
    g_autofree char *kept = read_file (backup);

    g_assert_cmpstr (kept, ==, before);
  }
  saved = sb_loader_load_file (file, NULL, &problems);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (sb_place_get_latitude (SB_PLACE (sb_briefing_lookup (saved, "gao-airport"))), ==, 16.3);

  /* Undo after saving is a change not saved; redo is the saved state. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (g_str_has_prefix (window_title (window), "*"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_false (g_str_has_prefix (window_title (window), "*"));

  /* Save As: another file, the document's from then on. */
  sb_document_apply (sb_window_get_document (window), sb_edit_new_set_position (SB_PLACE (place), 16.4, -0.05), NULL);
  sb_window_save_as (window, other);
  sb_test_wait_until (is_saved, window);
  g_assert_true (g_file_equal (sb_window_get_file (window), other));
  g_assert_true (g_file_query_exists (other, NULL));
  {
    g_autofree char *unchanged = read_file (file);

    g_assert_cmpstr (unchanged, ==, after);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file written since it was opened (by another window of SahelBrief or
 * another program) is not saved over without asking: the newer version
 * stays until Save Anyway, and a save after that asks no more.
 */
static GtkWindow *
wait_changed_on_disk (void)
{
  GtkWindow *dialog;

  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  dialog = sb_test_find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Changed on Disk");
  return dialog;
}

static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  sb_test_iterate_for (50);
}

static void
test_save_changed_on_disk (void)
{
  g_autoptr(GFile) file = sb_test_copy_default ("changed-on-disk.sahelbrief");
  SbWindow *window = sb_test_window_new (file, 0, 0);
  SbDocument *document = sb_window_get_document (window);
  SbEntity *place = sb_briefing_lookup (sb_window_get_briefing (window), "gao-airport");
  g_autofree char *before = read_file (file);
  g_autoptr(GString) theirs = g_string_new (before);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) saved = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (place);
  sb_document_apply (document, sb_edit_new_set_position (SB_PLACE (place), 16.3, -0.05), NULL);

  /* Meanwhile the file is saved elsewhere, with more in it. */
  g_assert_cmpuint (g_string_replace (theirs, "\"Gao airport\"", "\"Gao airport (theirs)\"", 1), ==, 1);
  g_file_set_contents (g_file_peek_path (file), theirs->str, theirs->len, &error);
  g_assert_no_error (error);

  /* Ctrl+S asks first, and replaces nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_changed_on_disk ();
  {
    g_autofree char *now = read_file (file);

    g_assert_cmpstr (now, ==, theirs->str);
  }
  g_assert_true (sb_document_get_modified (document));
  respond (dialog, "cancel");
  {
    g_autofree char *now = read_file (file);

    g_assert_cmpstr (now, ==, theirs->str);
  }
  g_assert_true (sb_document_get_modified (document));

  /* Save Anyway writes this version, the newer one kept as NAME~. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  respond (wait_changed_on_disk (), "save-anyway");
  sb_test_wait_until (is_saved, window);
  saved = sb_loader_load_file (file, NULL, &problems);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (sb_place_get_latitude (SB_PLACE (sb_briefing_lookup (saved, "gao-airport"))), ==, 16.3);
  {
    g_autofree char *backup_path = g_strconcat (g_file_peek_path (file), "~", NULL);
    g_autofree char *kept = NULL;

    g_file_get_contents (backup_path, &kept, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kept, ==, theirs->str);
  }

  /* Saved here last: the next save does not ask. */
  sb_document_apply (document, sb_edit_new_set_position (SB_PLACE (place), 16.4, -0.05), NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  sb_test_wait_until (is_saved, window);
  g_assert_null (sb_test_find_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Save As starts in the folder briefings were last saved in or opened
 * from, else beside the file, else Documents; named after the briefing's
 * title, or the article it is made from while it has none.
 */
static gboolean
is_saved_to (gpointer data)
{
  GFile **expected = data;
  GFile *file = sb_window_get_file (SB_WINDOW (expected[0]));

  return file != NULL && g_file_equal (file, expected[1]) && is_saved (expected[0]);
}

static void
test_save_as_starts (void)
{
  g_autoptr(GFile) file = sb_test_copy_default ("week-33.sahelbrief");
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *elsewhere = sb_test_make_temp_dir ("sb-test-XXXXXX");
  g_autofree char *third = sb_test_make_temp_dir ("sb-test-XXXXXX");
  g_autoptr(GFile) answer = g_file_new_build_filename (elsewhere, "answer.sahelbrief", NULL);
  g_autoptr(GFile) made = g_file_new_build_filename (third, "made.sahelbrief", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SbText) title = sb_text_new ("en", "Djibo convoy, week 48");
  SbWindow *window = sb_window_new (NULL, settings);
  gpointer expected[2] = { window, answer };
  g_autofree char *remembered = NULL;
  const char *name = NULL;
  GFile *folder;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  sb_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  sb_test_wait_until (sb_test_window_has_document, window);
  {
    /* Opening it made its folder the one last used. */
    g_autofree char *opened_from = g_settings_get_string (settings, "briefing-folder");

    g_assert_cmpstr (opened_from, ==, g_file_peek_path (parent));
  }

  /* Nothing used before: beside the file, named as the file. */
  g_settings_set_string (settings, "briefing-folder", "");
  sb_file_chooser_answer_for_testing (answer);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  folder = sb_file_chooser_get_asked_for_testing (&name);
  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (folder, parent));
  g_assert_cmpstr (name, ==, "week-33.sahelbrief");
  sb_test_wait_until (is_saved_to, expected);

  /* Saving there makes it the folder last used. */
  remembered = g_settings_get_string (settings, "briefing-folder");
  g_assert_cmpstr (remembered, ==, elsewhere);

  /* A new briefing: the folder last used, the title as the name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  sb_document_apply (sb_window_get_document (window), sb_edit_new_set_briefing_text (SB_BRIEFING_FIELD_TITLE, title), NULL);
  g_settings_set_string (settings, "briefing-folder", third);
  sb_file_chooser_answer_for_testing (made);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  folder = sb_file_chooser_get_asked_for_testing (&name);
  g_assert_cmpstr (g_file_peek_path (folder), ==, third);
  g_assert_cmpstr (name, ==, "Djibo convoy, week 48.sahelbrief");
  expected[1] = made;
  sb_test_wait_until (is_saved_to, expected);

  sb_file_chooser_answer_for_testing (NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
window_is_gone (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

static void
test_close_with_unsaved_changes (void)
{
  g_autoptr(GFile) file = sb_test_copy_default ("closing.sahelbrief");
  g_autofree char *before = read_file (file);
  SbWindow *window = sb_test_window_new (file, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbEntity *place = sb_briefing_lookup (briefing, "gao-airport");
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Nothing changed: it closes without asking. */
  {
    SbWindow *clean = sb_test_window_new (file, 0, 0);

    g_object_add_weak_pointer (G_OBJECT (clean), (gpointer *) &clean);
    gtk_window_close (GTK_WINDOW (clean));
    sb_test_wait_until (window_is_gone, &clean);
    g_assert_false (sb_test_dialog_is_shown (NULL));
  }

  sb_document_apply (sb_window_get_document (window), sb_edit_new_set_position (SB_PLACE (place), 16.3, -0.05), NULL);

  /* Cancel: the window and the changes stay. */
  gtk_window_close (GTK_WINDOW (window));
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  dialog = sb_test_find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  sb_test_close_dialogs ();
  sb_test_iterate_for (100);
  g_assert_nonnull (window);
  g_assert_true (sb_document_get_modified (sb_window_get_document (window)));

  /* Save: written, then closed. */
  gtk_window_close (GTK_WINDOW (window));
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sb_test_find_dialog ()), "save");
  sb_test_close_dialogs ();
  sb_test_wait_until (window_is_gone, &window);
  {
    g_autofree char *after = read_file (file);

    g_assert_cmpstr (after, !=, before);
  }

  /* Discard: closed, the file as it was. */
  window = sb_test_window_new (file, 0, 0);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  {
    g_autofree char *saved = read_file (file);
    SbEntity *gao = sb_briefing_lookup (sb_window_get_briefing (window), "gao-airport");

    sb_document_apply (sb_window_get_document (window), sb_edit_new_set_position (SB_PLACE (gao), 1, 1), NULL);
    gtk_window_close (GTK_WINDOW (window));
    sb_test_wait_until (sb_test_dialog_is_shown, NULL);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (sb_test_find_dialog ()), "discard");
    sb_test_close_dialogs ();
    sb_test_wait_until (window_is_gone, &window);
    {
      g_autofree char *after = read_file (file);

      g_assert_cmpstr (after, ==, saved);
    }
  }
}

static gboolean
has_problems (gpointer data)
{
  SbDocument *document = sb_window_get_document (data);
  GListModel *problems = sb_checker_get_problems (sb_document_get_checker (document));

  return g_list_model_get_n_items (problems) > 0 && !sb_checker_get_checking (sb_document_get_checker (document));
}

static void
test_new_briefing (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  GtkWidget *guide = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SB_TYPE_WINDOW, "guide"));
  GtkWidget *problems_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SB_TYPE_WINDOW, "problems_button"));
  SbDocument *document;
  SbBriefing *briefing;
  SbEdit *edit;
  SbEntity *incident;
  SbCheckerProblem *first;

  g_assert_false (gtk_widget_get_visible (guide));

  /* Ctrl+N: an empty briefing, with the guide. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  document = sb_window_get_document (window);
  briefing = sb_document_get_briefing (document);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, 0);
  g_assert_true (gtk_widget_get_visible (guide));
  g_assert_cmpstr (window_title (window), ==, "Untitled Briefing");
  g_assert_false (sb_document_get_modified (document));

  /* It has no title yet: a problem, which selects nothing. */
  sb_test_wait_until (has_problems, window);
  g_assert_true (gtk_widget_get_visible (problems_button));

  /* A statement: the guide goes, the problems name it, choosing one selects it. */
  edit = sb_edit_new_add_item (briefing, SB_ITEM_KIND_INCIDENT, NULL, SB_CERTAINTY_REPORTED);
  incident = sb_edit_get_entity (edit);
  sb_document_apply (document, edit, NULL);
  g_assert_false (gtk_widget_get_visible (guide));
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == incident);
  {
    /* Not on the Map names it in words, its id only below. */
    GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
    GtkWidget *named;

    sb_test_iterate_for (100);
    named = sb_test_find_label (sidebar, "Incident, no title yet");
    g_assert_nonnull (named);
    g_assert_null (sb_test_find_label (sidebar, sb_entity_get_id (incident)));
    g_test_message ("below: %s", gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (named))));
    g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (named))),
                                     sb_entity_get_id (incident)));
  }
  sb_selection_clear (sb_window_get_selection (window));
  sb_test_iterate_for (500);
  sb_test_wait_until (has_problems, window);
  for (guint i = 0; i < g_list_model_get_n_items (sb_checker_get_problems (sb_document_get_checker (document))); i++)
    {
      first = g_list_model_get_item (sb_checker_get_problems (sb_document_get_checker (document)), i);
      if (sb_checker_problem_get_entity (first) == incident)
        {
          GtkListBox *list = GTK_LIST_BOX (sb_test_find_widget (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SB_TYPE_WINDOW, "problems_popover")), GTK_TYPE_LIST_BOX));
          GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));
          GtkWidget *first_label = sb_test_find_widget (row, GTK_TYPE_LABEL);
          const char *said = gtk_label_get_text (GTK_LABEL (first_label));

          /* The row says in words what it is about and what is wrong;
           * the path is the secondary line, not the sentence.
           */
          g_test_message ("problem row: %s", said);
          g_assert_true (g_str_has_prefix (said, "Incident “"));
          g_assert_null (strstr (said, "$."));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (first_label))), ==,
                           sb_checker_problem_get_problem (first)->path);

          g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, i));
          g_object_unref (first);
          break;
        }
      g_object_unref (first);
    }
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == incident);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A quote changed in the file so that its source no longer has it: the
 * problem names the statement and the source's title in words.
 */
static void
test_problem_in_words (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbBriefing) snapshot = sb_briefing_get_snapshot (briefing);
  g_autofree char *data = sb_writer_to_data (snapshot, NULL);
  GString *changed = g_string_new (data);
  const char *quote = strstr (data, "\"quote\": \"");
  g_autoptr(GPtrArray) problems = NULL;
  gboolean found = FALSE;

  g_assert_nonnull (quote);
  g_string_insert (changed, quote - data + strlen ("\"quote\": \""), "Not in the article: ");
  problems = sb_checker_check_data (snapshot, changed->str, changed->len);
  g_string_free (changed, TRUE);

  for (guint i = 0; i < problems->len; i++)
    {
      SbCheckerProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *said = NULL;
      SbEntity *entity = sb_checker_problem_get_entity (problem);
      g_autoptr(SbSource) source = g_list_model_get_item (sb_briefing_get_sources (briefing), 0);
      g_autofree char *expected = g_strdup_printf (": its quote is not in the source “%s”", sb_entity_get_label (SB_ENTITY (source)));
      g_autofree char *subject = g_strdup_printf ("“%s”: ", sb_entity_get_label (entity));

      if (sb_checker_problem_get_problem (problem)->code != SB_PROBLEM_QUOTE_NOT_FOUND)
        continue;
      said = sb_problems_popover_describe (problem, briefing);
      g_test_message ("%s", said);
      g_assert_nonnull (entity);
      g_assert_nonnull (strstr (said, subject));
      g_assert_nonnull (strstr (said, expected));
      g_assert_null (strstr (said, "$."));
      found = TRUE;
    }
  g_assert_true (found);
}

/* A statement just cited, without a title yet, is named in a problem as
 * everywhere else, by what, where and when, never by its id ("Incident
 * “incident-73”", heard by a screen reader).
 */
static void
test_problem_names_untitled (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  SbSource *source = SB_SOURCE (sb_briefing_lookup (briefing, "article-2022-08-mali"));
  SbEdit *edit = sb_cite_new_item (briefing, SB_ITEM_KIND_INCIDENT, source,
                                   "Duizend Duitse manschappen verlieten Mali via de luchthaven bij de stad Gao.", -1,
                                   NULL, NULL);
  SbEntity *item = sb_edit_get_select (edit);
  g_autoptr(SbBriefing) snapshot = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean found = FALSE;

  g_assert_true (sb_document_apply (document, edit, NULL));
  snapshot = sb_briefing_get_snapshot (briefing);
  data = sb_writer_to_data (snapshot, NULL);
  problems = sb_checker_check_data (snapshot, data, strlen (data));
  for (guint i = 0; i < problems->len; i++)
    {
      SbCheckerProblem *problem = g_ptr_array_index (problems, i);
      SbEntity *entity = sb_checker_problem_get_entity (problem);
      g_autofree char *said = NULL;
      g_autofree char *name = NULL;

      if (entity == NULL || g_strcmp0 (sb_entity_get_id (entity), sb_entity_get_id (item)) != 0)
        continue;
      said = sb_problems_popover_describe (problem, snapshot);
      name = sb_format_item_name (SB_ITEM (entity));
      g_test_message ("%s", said);
      g_assert_null (strstr (said, sb_entity_get_id (item)));
      g_assert_nonnull (strstr (said, name));
      found = TRUE;
    }
  g_assert_true (found);
}

/* An actor that cites nothing is told so as an actor, not as a
 * statement; a statement as a statement.
 */
static void
test_problem_no_citation (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  SbEntity *wagner = sb_briefing_lookup (briefing, "wagner-group");
  SbEntity *item = sb_briefing_lookup (briefing, "wagner-agreement");
  g_autoptr(SbBriefing) snapshot = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *data = NULL;
  guint found = 0;

  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (wagner, SB_ACTOR_FIELD_CITATIONS, none), NULL));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (item, SB_ITEM_FIELD_CITATIONS, none), NULL));
  snapshot = sb_briefing_get_snapshot (briefing);
  data = sb_writer_to_data (snapshot, NULL);
  problems = sb_checker_check_data (snapshot, data, strlen (data));
  for (guint i = 0; i < problems->len; i++)
    {
      SbCheckerProblem *problem = g_ptr_array_index (problems, i);
      SbEntity *entity = sb_checker_problem_get_entity (problem);
      g_autofree char *said = NULL;

      if (entity == NULL || (g_strcmp0 (sb_entity_get_id (entity), "wagner-group") != 0 &&
                             g_strcmp0 (sb_entity_get_id (entity), "wagner-agreement") != 0))
        continue;
      said = sb_problems_popover_describe (problem, snapshot);
      g_test_message ("%s", said);
      if (g_strcmp0 (sb_entity_get_id (entity), "wagner-group") == 0)
        g_assert_nonnull (strstr (said, ": no passage cited: an actor names the passage that tells of it"));
      else
        g_assert_nonnull (strstr (said, ": no passage cited: every statement names the passage it comes from"));
      found++;
    }
  g_assert_cmpuint (found, ==, 2);
}

static void
test_remove_referenced (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbEntity *wagner = sb_briefing_lookup (briefing, "wagner-group");
  g_autofree char *before = sb_writer_to_data (briefing, NULL);

  /* The Delete key asks first about what refers to it. */
  sb_selection_select (sb_window_get_selection (window), wagner);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-selected", NULL);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sb_test_find_dialog ()), "remove");
  sb_test_close_dialogs ();
  g_assert_null (sb_briefing_lookup (briefing, "wagner-group"));
  g_assert_null (sb_selection_get_selected (sb_window_get_selection (window)));
  g_assert_null (sb_test_find_label (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR), "Wagner group"));

  /* Undo brings it back, and what referred to it, and selects it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (sb_briefing_lookup (briefing, "wagner-group") == wagner);
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == wagner);
  sb_test_iterate_for (50);
  g_assert_nonnull (sb_test_find_label (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR), "Wagner group"));
  {
    g_autofree char *after = sb_writer_to_data (briefing, NULL);

    g_assert_cmpstr (after, ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_details (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (toplevel), "Briefing Details") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static gboolean
has_title_problem (gpointer data)
{
  SbChecker *checker = sb_document_get_checker (sb_window_get_document (data));
  GListModel *problems = sb_checker_get_problems (checker);

  if (sb_checker_get_checking (checker))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(SbCheckerProblem) problem = g_list_model_get_item (problems, i);

      if (g_strcmp0 (sb_checker_problem_get_problem (problem)->path, "$.title") == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
lacks_title_problem (gpointer data)
{
  return !sb_checker_get_checking (sb_document_get_checker (sb_window_get_document (data))) &&
         !has_title_problem (data);
}

/* A new briefing has no title: choosing that problem opens Briefing
 * Details, where the title, authors and date are typed, each an edit that
 * Ctrl+Z takes back there too.
 */
static void
test_briefing_details (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbProblemsPopover *popover = SB_PROBLEMS_POPOVER (gtk_widget_get_template_child (GTK_WIDGET (window), SB_TYPE_WINDOW,
                                                                                    "problems_popover"));
  GtkListBox *list = GTK_LIST_BOX (sb_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
  GListModel *problems;
  SbBriefing *briefing;
  GtkWindow *details;
  GtkWidget *card, *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  briefing = sb_window_get_briefing (window);
  sb_test_wait_until (has_title_problem, window);
  problems = sb_checker_get_problems (sb_document_get_checker (sb_window_get_document (window)));
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(SbCheckerProblem) problem = g_list_model_get_item (problems, i);
      GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (sb_checker_problem_get_problem (problem)->path, "$.title") == 0)
        {
          g_assert_true (gtk_list_box_row_get_activatable (list_row));
          g_signal_emit_by_name (list, "row-activated", list_row);
        }
      else if (g_strcmp0 (sb_checker_problem_get_problem (problem)->path, "$.sources") == 0)
        g_assert_false (gtk_list_box_row_get_activatable (list_row));
    }
  sb_test_iterate_for (100);
  details = find_details ();
  g_assert_nonnull (details);
  card = sb_test_find_widget (GTK_WIDGET (details), SB_TYPE_EDIT_CARD);

  row = sb_test_find_row (card, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (row);
  type_into (row, "Week 32 in the Sahel");
  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (briefing)), ==, "Week 32 in the Sahel");
  g_assert_true (strstr (window_title (window), "Week 32 in the Sahel") != NULL);
  sb_test_wait_until (lacks_title_problem, window);

  row = sb_test_find_row (card, ADW_TYPE_ENTRY_ROW, "Authors, separated by commas");
  type_into (row, "Jane Doe,  John Roe ,");
  g_assert_cmpuint (g_strv_length ((GStrv) sb_briefing_get_authors (briefing)), ==, 2);
  g_assert_cmpstr (sb_briefing_get_authors (briefing)[1], ==, "John Roe");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Jane Doe, John Roe");

  /* Ctrl+Z there, as in the window. */
  gtk_widget_activate_action (GTK_WIDGET (details), "win.undo", NULL);
  g_assert_null (sb_briefing_get_authors (briefing));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* A language code that is none is marked, not applied. */
  row = sb_test_find_row (card, ADW_TYPE_ENTRY_ROW, "Language");
  type_into (row, "not a language");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (sb_briefing_get_language (briefing), !=, "not a language");

  gtk_widget_activate_action (GTK_WIDGET (details), "window.close", NULL);
  sb_test_iterate_for (50);
  g_assert_null (find_details ());

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button of the card a screen reader names @name. */
static GtkWidget *find_button (GtkWidget  *root,
                               const char *name);

/* The button whose name starts with @prefix, below @root. */
static GtkWidget *
find_button_prefixed (GtkWidget  *root,
                      const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_tooltip_text (child) != NULL &&
          g_str_has_prefix (gtk_widget_get_tooltip_text (child), prefix))
        return child;
      if ((found = find_button_prefixed (child, prefix)) != NULL)
        return found;
    }

  return NULL;
}

/* Collects the names of the buttons below @root that start with @prefix. */
static void
collect_button_names (GtkWidget  *root,
                      const char *prefix,
                      GPtrArray  *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_get_tooltip_text (child) != NULL &&
          g_str_has_prefix (gtk_widget_get_tooltip_text (child), prefix))
        g_ptr_array_add (names, g_strdup (gtk_widget_get_tooltip_text (child)));
      collect_button_names (child, prefix, names);
    }
}

/* Counts the widgets below @root that Tab stops at. */
static guint
count_focusable (GtkWidget *root)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_focusable (child) && gtk_widget_get_visible (child) && gtk_widget_get_sensitive (child))
        count++;
      count += count_focusable (child);
    }
  return count;
}

/* The edit card's remove buttons say what they remove ("Remove Citation 2
 * (“Duizend Duitse…”)", "Remove Relation “Contracted by …”", not "Remove
 * this citation" four times over), and a step's Layers Shown rows are one
 * Tab stop each, the switch.
 */
static gboolean
has_layer_rows (gpointer panel)
{
  return sb_test_find_row (panel, ADW_TYPE_ACTION_ROW, "Incidents") != NULL;
}

static void
test_card_remove_names (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GListModel *actors = sb_briefing_get_actors (briefing);
  SbItem *item = SB_ITEM (sb_briefing_lookup (briefing, "france-commandos-border"));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SbActor *related = NULL;
  SbEditCard *card;
  GtkWidget *panel, *row;

  card = sb_test_window_open_card (window, SB_ENTITY (item));
  collect_button_names (GTK_WIDGET (card), "Remove Citation ", names);
  g_assert_cmpuint (names->len, ==, sb_item_get_citations (item)->len);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("Remove Citation %u (", i + 1);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (names, i), prefix));
    }
  gtk_window_destroy (GTK_WINDOW (window));

  window = sb_test_window_new (NULL, 0, 0);
  briefing = sb_window_get_briefing (window);
  actors = sb_briefing_get_actors (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (actors) && related == NULL; i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      if (sb_actor_get_relations (actor)->len > 0)
        related = actor;
    }
  g_assert_nonnull (related);
  card = sb_test_window_open_card (window, SB_ENTITY (related));
  {
    SbRelation *relation = g_ptr_array_index (sb_actor_get_relations (related), 0);
    g_autofree char *expected = g_strdup_printf ("Remove Relation “%s %s”", sb_format_relation_type (relation->type),
                                                 sb_entity_get_label (SB_ENTITY (relation->target)));

    g_assert_nonnull (find_button (GTK_WIDGET (card), expected));
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* The first step's card, in the steps panel (F8). */
  window = sb_test_window_new (NULL, 0, 0);
  panel = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_STEPS_PANEL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-steps", NULL);
  sb_test_wait_until (widget_is_mapped, panel);
  sb_test_wait_until (has_layer_rows, panel);
  row = sb_test_find_row (panel, ADW_TYPE_ACTION_ROW, "Incidents");
  g_assert_cmpuint (count_focusable (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), name) == 0)
        return child;
      if ((found = find_button (child, name)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
card_of (SbWindow *window)
{
  return sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_EDIT_CARD);
}

typedef struct
{
  SbWindow *window;
  GType type;
  const char *title;
} RowWanted;

/* The first row of the card with this title that is shown. */
static GtkWidget *
find_shown_row (GtkWidget  *root,
                GType       type,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_shown_row (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
row_is_there (gpointer data)
{
  RowWanted *wanted = data;

  return find_shown_row (card_of (wanted->window), wanted->type, wanted->title) != NULL;
}

/* The card is made anew in an idle after a list changes: on a loaded
 * machine that may take a while.
 */
static GtkWidget *
wait_for_row (SbWindow   *window,
              GType       type,
              const char *title)
{
  RowWanted wanted = { window, type, title };

  sb_test_wait_until (row_is_there, &wanted);
  return find_shown_row (card_of (window), type, title);
}

static gboolean
wagner_initiates (gpointer data)
{
  GtkWidget *row = find_shown_row (card_of (data), ADW_TYPE_ACTION_ROW, "Wagner group");

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Initiator") == 0;
}

/* The rest of the card: an incident's initiator, a figure with its words,
 * who claims it and its citations, and a language added for a
 * translation; each an edit undone with the others.
 */
/* A label a combo row shows @text with, on the row or in its list. */
static GtkLabel *
find_choice_label (GtkWidget  *root,
                   const char *text,
                   gboolean    in_popover)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_POPOVER (child) != in_popover && GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0 &&
          (in_popover ? gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) != NULL
                      : gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) == NULL))
        return GTK_LABEL (child);
      if ((found = find_choice_label (child, text, in_popover)) != NULL)
        return found;
    }
  return NULL;
}

/* A long actor's name is whole in the list a card's choice pops up, and
 * cut short on the row with the whole of it in a tooltip.
 */
static void
test_card_choices_whole (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  const char *longest = "French government (President Emmanuel Macron)";
  const char *minusma = "UN peacekeeping mission MINUSMA";
  GtkWidget *row;
  GtkLabel *label;
  GtkPopover *popover;

  sb_test_window_open_card (window, sb_briefing_lookup (briefing, "minusma-mali"));
  row = wait_for_row (window, ADW_TYPE_COMBO_ROW, "Actor");
  g_assert_nonnull (row);

  label = find_choice_label (row, minusma, FALSE);
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, minusma);

  /* In view first, as a person scrolls to it: the card shares the pane
   * with the source. The list pops up in a frame or a few. */
  gtk_widget_grab_focus (row);
  sb_test_iterate_for (200);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  popover = GTK_POPOVER (sb_test_find_widget (row, GTK_TYPE_POPOVER));
  g_assert_nonnull (popover);
  sb_test_wait_until (widget_is_mapped, popover);
  label = find_choice_label (GTK_WIDGET (popover), longest, TRUE);
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  gtk_popover_popdown (popover);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_card_fields (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  g_autofree char *original = sb_writer_to_data (briefing, NULL);
  SbItem *agreement = SB_ITEM (sb_briefing_lookup (briefing, "wagner-agreement"));
  SbItem *niger = SB_ITEM (sb_briefing_lookup (briefing, "france-niger"));
  SbActor *france = SB_ACTOR (sb_briefing_lookup (briefing, "france"));
  GtkWidget *row, *button;
  SbFigure *figure;
  GPtrArray *figures;

  /* The initiator first. */
  sb_test_window_open_card (window, SB_ENTITY (agreement));
  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_actor (agreement, 0))), ==, "mali-junta");
  row = sb_test_find_row (card_of (window), ADW_TYPE_ACTION_ROW, "Military junta of Mali");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Initiator");
  button = find_button (card_of (window), "Make Wagner group the initiator");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sb_test_iterate_for (100);
  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_actor (agreement, 0))), ==, "wagner-group");
  /* The row of the card before it is made anew says "Took part". */
  sb_test_wait_until (wagner_initiates, window);
  row = wait_for_row (window, ADW_TYPE_ACTION_ROW, "Wagner group");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Initiator");

  /* A figure added cites what its statement cites. */
  sb_test_window_open_card (window, SB_ENTITY (niger));
  g_assert_null (sb_item_get_figures (niger));
  row = sb_test_find_row (card_of (window), ADW_TYPE_ACTION_ROW, "Add Figure");
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL);
  g_signal_emit_by_name (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)), "clicked");
  sb_test_iterate_for (100);
  figures = sb_item_get_figures (niger);
  g_assert_cmpuint (figures->len, ==, 1);
  figure = g_ptr_array_index (figures, 0);
  g_assert_cmpuint (figure->evidence.citations->len, ==, sb_item_get_citations (niger)->len);

  row = wait_for_row (window, ADW_TYPE_ENTRY_ROW, "In words (English)");
  g_assert_nonnull (row);
  type_into (row, "troops stationed in Niger");
  sb_test_iterate_for (100);
  figure = g_ptr_array_index (sb_item_get_figures (niger), 0);
  g_assert_cmpstr (sb_text_get_for_language (figure->label, "en"), ==, "troops stationed in Niger");

  row = sb_test_find_row (card_of (window), ADW_TYPE_ENTRY_ROW, "Value");
  type_into (row, "900–1100");
  sb_test_iterate_for (100);
  figure = g_ptr_array_index (sb_item_get_figures (niger), 0);
  g_assert_true (figure->value.is_range);
  g_assert_cmpfloat (figure->value.max, ==, 1100);

  /* A claim asks who claims it. */
  row = sb_test_find_row (card_of (window), ADW_TYPE_COMBO_ROW, "How certain");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), SB_CERTAINTY_CLAIMED);
  sb_test_iterate_for (100);
  row = wait_for_row (window, ADW_TYPE_COMBO_ROW, "Claimed by");
  g_assert_nonnull (row);
  {
    GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "French armed forces") == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  }
  sb_test_iterate_for (100);
  figure = g_ptr_array_index (sb_item_get_figures (niger), 0);
  g_assert_true (figure->evidence.claimed_by == france);

  button = find_button_prefixed (card_of (window), "Remove Citation 1 (“");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sb_test_iterate_for (100);
  figure = g_ptr_array_index (sb_item_get_figures (niger), 0);
  g_assert_cmpuint (figure->evidence.citations->len, ==, 0);
  g_assert_nonnull (wait_for_row (window, ADW_TYPE_ACTION_ROW, "No citation of the figure yet"));

  /* A language the briefing does not have yet, for a translation. */
  g_assert_null (sb_test_find_row (card_of (window), ADW_TYPE_ENTRY_ROW, "Title (German)"));
  row = sb_test_find_row (card_of (window), ADW_TYPE_ENTRY_ROW, "Add a language, as “fr”");
  type_into (row, "not a language");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  type_into (row, "de");
  sb_test_iterate_for (100);
  row = wait_for_row (window, ADW_TYPE_ENTRY_ROW, "Title (German)");
  g_assert_nonnull (row);
  type_into (row, "Französische Truppen in Niger");
  g_assert_cmpstr (sb_text_get_for_language (sb_item_get_title (niger), "de"), ==, "Französische Truppen in Niger");

  while (action_enabled (window, "undo"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    g_autofree char *back = sb_writer_to_data (briefing, NULL);

    g_assert_cmpstr (back, ==, original);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char article_page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ignored</title>"
  "<meta property=\"og:title\" content=\"Troops regroup in Niger\">"
  "<meta property=\"og:site_name\" content=\"Sahel Wire\">"
  "<meta property=\"article:published_time\" content=\"2022-08-16T07:00:00Z\">"
  "</head><body><nav>Home · World</nav><article>"
  "<p>Around a thousand French soldiers are stationed in neighbouring Niger, it is believed.</p>"
  "<p>Russian instructors landed in Gao on Monday, the junta says.</p>"
  "<p>Subscribe to our newsletter!</p>"
  "</article><footer>© Sahel Wire</footer></body></html>";

static void
serve_article (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  if (g_str_equal (path, "/niger"))
    {
      soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        article_page, strlen (article_page));
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static gboolean
is_idle (gpointer data)
{
  return !sb_add_source_dialog_is_busy (data);
}

/* Add Source: a page fetched from a server of the test's, its text
 * trimmed, its title, publisher and date as the page gives them; one
 * edit, undone; a page that is missing says so and keeps what is typed.
 */
static void
test_add_source (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *page = NULL;
  g_autofree char *missing = NULL;
  SbAddSourceDialog *dialog;
  SbBriefing *briefing;
  SbSource *source;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *row;

  soup_server_add_handler (server, NULL, serve_article, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  page = g_strconcat (base, "niger", NULL);
  missing = g_strconcat (base, "gone", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  briefing = sb_window_get_briefing (window);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-source", NULL);
  sb_test_iterate_for (100);
  dialog = SB_ADD_SOURCE_DIALOG (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));
  g_assert_nonnull (dialog);

  /* Nothing to add yet. */
  g_assert_false (gtk_widget_get_sensitive (sb_test_find_button (GTK_WIDGET (dialog), "_Add")));

  sb_add_source_dialog_fetch (dialog, page);
  sb_test_wait_until (is_idle, dialog);
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Troops regroup in Niger");
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Published, as 2022-08-15, 2022-08 or 2022");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2022-08-16");
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Language of the text");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "en");

  /* The person trims the newsletter line. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sb_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_backward_search (&end, "\n\nSubscribe", GTK_TEXT_SEARCH_TEXT_ONLY, &start, NULL, NULL));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_delete (buffer, &start, &end);

  /* A page that is not there says so; what is shown stays. */
  sb_add_source_dialog_fetch (dialog, missing);
  sb_test_wait_until (is_idle, dialog);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (dialog), "The server “127.0.0.1” answered 404 Not Found"));
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Troops regroup in Niger");

  /* A date that does not exist keeps Add from being offered. */
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Published, as 2022-08-15, 2022-08 or 2022");
  gtk_editable_set_text (GTK_EDITABLE (row), "2022-02-30");
  g_assert_false (gtk_widget_get_sensitive (sb_test_find_button (GTK_WIDGET (dialog), "_Add")));
  gtk_editable_set_text (GTK_EDITABLE (row), "2022-08-16");
  g_assert_true (gtk_widget_get_sensitive (sb_test_find_button (GTK_WIDGET (dialog), "_Add")));

  g_signal_emit_by_name (sb_test_find_button (GTK_WIDGET (dialog), "_Add"), "clicked");
  sb_test_iterate_for (100);
  g_assert_null (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));

  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 1);
  source = g_list_model_get_item (sb_briefing_get_sources (briefing), 0);
  g_object_unref (source);
  g_assert_cmpstr (sb_text_get (sb_source_get_title (source)), ==, "Troops regroup in Niger");
  g_assert_cmpstr (sb_source_get_publisher (source), ==, "Sahel Wire");
  g_assert_cmpstr (sb_source_get_language (source), ==, "en");
  g_assert_cmpstr (sb_source_get_url (source), ==, page);
  g_assert_cmpint (sb_source_get_date (source)->start.day, ==, 16);
  g_assert_cmpstr (sb_source_get_text (source), ==,
                   "Around a thousand French soldiers are stationed in neighbouring Niger, it is believed.\n\n"
                   "Russian instructors landed in Gao on Monday, the junta says.");
  g_assert_cmpstr (menu_label (window, 0), ==, "Undo Add Source “Troops regroup in Niger”");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 0);

  soup_server_disconnect (server);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A source's text is protected: a change that loses a cited passage is
 * refused with the passages listed; one that keeps them is an edit.
 */
static void
test_source_text_protected (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbSource *source = SB_SOURCE (sb_briefing_lookup (briefing, "article-2022-08-mali"));
  g_autofree char *original = g_strdup (sb_source_get_text (source));
  g_autoptr(GString) broken = g_string_new (original);
  g_autofree char *longer = g_strconcat (original, "\n\nA paragraph added.", NULL);
  SbSourceTextDialog *dialog;
  GtkWidget *row;

  sb_test_window_open_card (window, SB_ENTITY (source));
  row = sb_test_find_row (card_of (window), ADW_TYPE_ACTION_ROW, "Text of the source");
  g_assert_nonnull (row);
  g_signal_emit_by_name (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)), "clicked");
  sb_test_iterate_for (100);
  dialog = SB_SOURCE_TEXT_DIALOG (sb_test_find_toplevel (SB_TYPE_SOURCE_TEXT_DIALOG));
  g_assert_nonnull (dialog);

  g_string_replace (broken, "zo'n duizend militairen in buurland", "zo'n 1.000 militairen in buurland", 0);
  sb_source_text_dialog_set_text (dialog, broken->str);
  g_assert_false (sb_source_text_dialog_apply (dialog));
  g_assert_cmpstr (sb_source_get_text (source), ==, original);
  g_assert_nonnull (sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                              "“Frankrijk heeft nu zo'n duizend militairen in buurland Niger gestationeerd”"));
  g_assert_false (action_enabled (window, "undo"));

  /* Ctrl+Enter applies, as its tooltip says: Enter is a line break. */
  sb_source_text_dialog_set_text (dialog, longer);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (sb_test_find_button (GTK_WIDGET (dialog), "_Apply")), "Ctrl+Enter"));
  sb_test_press_shortcut (GTK_WIDGET (dialog), "<Control>Return");
  sb_test_iterate_for (50);
  g_assert_cmpstr (sb_source_get_text (source), ==, longer);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (sb_source_get_text (source), ==, original);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_import (gpointer data)
{
  SbDocument *document = sb_window_get_document (data);

  return document != NULL && sb_document_get_imported (document) && !sb_window_is_loading (data);
}

/* An ACLED export, a UCDP GED file and GeoJSON, once imported, are
 * briefings like any other: edited, and saved as .sahelbrief beside them;
 * the file imported is left as it was.
 */
static void
test_import_edit_save (void)
{
  const struct {
    const char *name;
    SbImportFormat format;
  } files[] = {
    { "acled-current.csv", SB_IMPORT_FORMAT_ACLED },
    { "ucdp-ged.csv", SB_IMPORT_FORMAT_UCDP },
    { "geojson-dates.geojson", SB_IMPORT_FORMAT_GEOJSON },
  };
  g_autofree char *dir = sb_test_make_temp_dir ("sb-editing-XXXXXX");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *source_path = g_build_filename (IMPORT_DATA_DIR, files[i].name, NULL);
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autofree char *saved_path = g_strconcat (path, ".sahelbrief", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
      g_autofree char *contents = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) saved = NULL;
      g_autoptr(SbText) title = sb_text_new ("en", "Checked against the source");
      g_autoptr(SbItem) item = NULL;
      g_autofree char *id = NULL;
      SbWindow *window = sb_test_window_new (NULL, 0, 0);
      SbDocument *document;

      g_test_message ("%s", files[i].name);
      g_file_get_contents (source_path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);

      sb_window_import (window, file, files[i].format, NULL);
      sb_test_wait_until (shows_import, window);
      document = sb_window_get_document (window);
      item = g_list_model_get_item (sb_briefing_get_all_items (sb_document_get_briefing (document)), 0);
      g_assert_nonnull (item);
      id = g_strdup (sb_entity_get_id (SB_ENTITY (item)));

      g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (item), SB_ITEM_FIELD_TITLE, title),
                                        &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (window_title (window), "*"));

      sb_window_save_as (window, saved_file);
      sb_test_wait_until (is_saved, window);
      g_assert_false (sb_document_get_imported (document));
      g_assert_true (g_file_equal (sb_window_get_file (window), saved_file));

      saved = sb_loader_load_file (saved_file, NULL, &problems);
      g_assert_nonnull (saved);
      g_assert_cmpstr (sb_text_get (sb_item_get_title (SB_ITEM (sb_briefing_lookup (saved, id)))), ==,
                       "Checked against the source");
      after = read_file (file);
      g_assert_cmpstr (after, ==, contents);

      gtk_window_destroy (GTK_WINDOW (window));
      g_unlink (saved_path);
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Add Source fetches from a server on this machine: no proxy between. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/editing/undo-redo", test_undo_redo);
  g_test_add_func ("/editing/card-compact", test_card_compact);
  g_test_add_func ("/editing/step-passage-label", test_step_passage_label);
  g_test_add_func ("/editing/card-remove-names", test_card_remove_names);
  g_test_add_func ("/editing/save-and-save-as", test_save_and_save_as);
  g_test_add_func ("/editing/save-changed-on-disk", test_save_changed_on_disk);
  g_test_add_func ("/editing/save-as-starts", test_save_as_starts);
  g_test_add_func ("/editing/close-with-unsaved-changes", test_close_with_unsaved_changes);
  g_test_add_func ("/editing/new-briefing", test_new_briefing);
  g_test_add_func ("/editing/problem-in-words", test_problem_in_words);
  g_test_add_func ("/editing/problem-names-untitled", test_problem_names_untitled);
  g_test_add_func ("/editing/problem-no-citation", test_problem_no_citation);
  g_test_add_func ("/editing/remove-referenced", test_remove_referenced);
  g_test_add_func ("/editing/import-edit-save", test_import_edit_save);
  g_test_add_func ("/editing/briefing-details", test_briefing_details);
  g_test_add_func ("/editing/card-fields", test_card_fields);
  g_test_add_func ("/editing/card-field-undo", test_card_field_undo);
  g_test_add_func ("/editing/card-date-span", test_card_date_span);
  g_test_add_func ("/editing/card-field-escape", test_card_field_escape);
  g_test_add_func ("/editing/card-split", test_card_split);
  g_test_add_func ("/editing/card-typing-kept", test_card_typing_kept);
  g_test_add_func ("/editing/card-rows-stay", test_card_rows_stay);
  g_test_add_func ("/editing/card-choices-whole", test_card_choices_whole);
  g_test_add_func ("/editing/add-source", test_add_source);
  g_test_add_func ("/editing/source-text-protected", test_source_text_protected);

  return g_test_run ();
}
