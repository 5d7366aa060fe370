/* test-citing.c
 *
 * Citing and placing in the window, as a person would: a passage selected
 * in the source pane and cited as a new statement (the quote verbatim,
 * with its typographic apostrophe and paragraph break, one undo step, the
 * card opened to edit; the passage still selected, and cited, after text
 * was selected elsewhere; a press inside it starting a new selection, not
 * a drag; no statement's highlight left when nothing is selected), a
 * passage of a second source added to a statement chosen before it
 * (corroboration), the
 * passages to choose from told by their words, an article's dateline
 * giving its date and left out of a quote, a recognised place and actor offering their
 * sentence, Place by a name typed and picked from the gazetteer, by a
 * click and at the crosshair with Enter, a drag that is one edit, a
 * movement drawn from start to end, an area drawn corner by corner
 * (Enter finishes, Escape cancels) and its corners moved.
 *
 * With SB_SCREENSHOT_DIR set, it also saves screenshots of the screen at
 * each step, for looking at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-add-source-dialog.h"
#include "sb-citation.h"
#include "sb-cite.h"
#include "sb-detail-pane.h"
#include "sb-edit-card.h"
#include "sb-gazetteer.h"
#include "sb-map-editor.h"
#include "sb-sidebar.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"
#include "sb-test-model.h"

static SbWindow *
create_window (void)
{
  const char *size = g_getenv ("SB_SCREENSHOT_SIZE");
  int width = 0, height = 0;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);
  return sb_test_window_new (NULL, width, height);
}

static SbDetailPane *
detail_pane (SbWindow *window)
{
  return SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
}

static gpointer
lookup (SbWindow   *window,
        const char *id)
{
  return sb_test_lookup (sb_document_get_briefing (sb_window_get_document (window)), id);
}

static SbSource *
show_source (SbWindow *window)
{
  SbSource *source = lookup (window, "article-2022-08-mali");

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (source));
  sb_test_iterate_for (100);
  return source;
}

/* Selects @passage in the source pane as a mouse would, with the spaces
 * around it that a mouse takes along.
 */
static void
select_passage (SbWindow   *window,
                const char *passage)
{
  sb_test_select_text (sb_detail_pane_get_source_view (detail_pane (window)), passage);
}

/* What a middle click would paste: PRIMARY's text while the window holds
 * it. The GUI tests share one display, and another test may take PRIMARY
 * between the selection and this look: then the passage is selected again.
 */
static char *
primary_text (SbWindow   *window,
              const char *passage)
{
  GdkClipboard *primary = gdk_display_get_primary_clipboard (gdk_display_get_default ());

  for (guint attempt = 0; attempt < 20; attempt++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      if (gdk_clipboard_is_local (primary) &&
          gdk_content_provider_get_value (gdk_clipboard_get_content (primary), &value, NULL))
        return g_value_dup_string (&value);
      select_passage (window, passage);
    }
  return NULL;
}

/* Text selected somewhere else, by another program or in a field of the
 * window: PRIMARY goes to it, as on any X11 or Wayland desktop.
 */
static void
select_elsewhere (void)
{
  gdk_clipboard_set_text (gdk_display_get_primary_clipboard (gdk_display_get_default ()), "selected elsewhere");
  sb_test_iterate_for (50);
}

static char *
selected_text (GtkTextView *view)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start, &end))
    return NULL;
  return gtk_text_iter_get_text (&start, &end);
}

static guint
n_items (SbWindow *window)
{
  return g_list_model_get_n_items (sb_briefing_get_all_items (sb_document_get_briefing (sb_window_get_document (window))));
}

static void
undo (SbWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (50);
}

/* The passage is highlighted as the one shown, and scrolled into view. */
static void
assert_passage_shown (GtkTextView *view,
                      const char  *passage)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current");
  GtkTextIter iter, start, end;
  gboolean in_view = FALSE;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, passage, 0, &start, &end, NULL));
  g_assert_true (gtk_text_iter_has_tag (&start, current));
  g_assert_true (gtk_text_iter_backward_char (&end));
  g_assert_true (gtk_text_iter_has_tag (&end, current));
  /* Laid out and scrolled over a few frames, on a loaded machine. */
  for (guint i = 0; i < 60 && !in_view; i++)
    {
      GdkRectangle visible, at;

      sb_test_iterate_for (50);
      gtk_text_view_get_visible_rect (view, &visible);
      gtk_text_view_get_iter_location (view, &start, &at);
      in_view = at.y >= visible.y && at.y + at.height <= visible.y + visible.height;
    }
  g_assert_true (in_view);
}

static void
test_cite_selection (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbSource *source = show_source (window);
  GtkTextView *view = sb_detail_pane_get_source_view (detail_pane (window));
  SbEditCard *card = SB_EDIT_CARD (sb_test_find_widget (GTK_WIDGET (detail_pane (window)), SB_TYPE_EDIT_CARD));
  /* A typographic apostrophe and a paragraph break, as the article has them. */
  const char *passage = "met naar wordt aangenomen zo’n duizend militairen.\n\nMeer Russen worden nu ingevlogen.";
  guint before = n_items (window);
  SbCitation *citation;
  SbEntity *cited;
  GMenuModel *extra;

  g_assert_true (gtk_text_view_get_cursor_visible (view));
  extra = gtk_text_view_get_extra_menu (view);
  g_assert_nonnull (extra);
  g_assert_cmpint (g_menu_model_get_n_items (extra), >, 0);

  select_passage (window, passage);
  {
    g_autofree char *pasted = primary_text (window, passage);
    g_autofree char *selected = NULL;

    /* Offered for a middle click, and kept when something else is
     * selected: the passage chosen is what is cited, never the sentence
     * of "Mali" left beside the caret.
     */
    g_assert_nonnull (pasted);
    g_assert_nonnull (strstr (pasted, passage));
    select_elsewhere ();
    selected = selected_text (view);
    g_assert_nonnull (selected);
    g_assert_nonnull (strstr (selected, passage));
  }
  g_assert_true (sb_source_citer_open_menu (sb_detail_pane_get_citer (detail_pane (window))));
  sb_test_screenshot ("cite-menu");
  gtk_widget_activate_action (GTK_WIDGET (view), "cite.new", "s", "incident");
  sb_test_iterate_for (100);

  g_assert_cmpuint (n_items (window), ==, before + 1);
  cited = sb_selection_get_selected (sb_window_get_selection (window));
  g_assert_true (SB_IS_ITEM (cited));
  g_assert_cmpint (sb_item_get_kind (SB_ITEM (cited)), ==, SB_ITEM_KIND_INCIDENT);
  g_assert_cmpint (sb_item_get_certainty (SB_ITEM (cited)), ==, SB_CERTAINTY_ESTIMATED);
  citation = g_ptr_array_index (sb_item_get_citations (SB_ITEM (cited)), 0);
  g_assert_true (citation->source == source);
  g_assert_cmpstr (sb_citation_get_quote (citation), ==, passage);
  g_assert_nonnull (strstr (sb_source_get_text (source), sb_citation_get_quote (citation)));
  /* The new statement's card is open to edit. */
  g_assert_true (sb_edit_card_get_entity (card) == cited);
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Cite as New Incident");
  sb_test_screenshot ("cite-new-incident");

  /* Highlighted and in view at once, not once saved and opened again. */
  g_assert_cmpint (citation->offset, ==, strstr (sb_source_get_text (source), passage) - sb_source_get_text (source));
  assert_passage_shown (view, passage);
  /* An edit of its card leaves the text where the reader has scrolled it. */
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
    g_autoptr(SbText) title = sb_text_new ("nl", "Russen ingevlogen");

    double end;

    /* To the article's end, away from the passage, once it has been
     * scrolled to (for a second at most, however loaded the machine).
     */
    sb_test_iterate_for (1500);
    end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
    g_assert_cmpfloat (end, >, 0);
    gtk_adjustment_set_value (adjustment, end);
    sb_test_iterate_for (50);
    g_assert_true (sb_document_apply (document, sb_edit_new_set_text (cited, SB_ITEM_FIELD_TITLE, title), NULL));
    sb_test_iterate_for (200);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, end);
    undo (window);
  }

  /* One undo step takes it all back. */
  undo (window);
  g_assert_cmpuint (n_items (window), ==, before);
  g_assert_false (sb_document_get_modified (document));

  /* One more citation for what is selected. */
  {
    SbItem *item = lookup (window, "wagner-agreement");
    guint n_citations = sb_item_get_citations (item)->len;

    sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
    sb_test_iterate_for (50);
    select_passage (window, "Moskou zegt alleen opleiders te sturen");
    select_elsewhere ();
    gtk_widget_activate_action (GTK_WIDGET (view), "cite.add", NULL);
    sb_test_iterate_for (50);
    g_assert_cmpuint (sb_item_get_citations (item)->len, ==, n_citations + 1);
    g_assert_cmpstr (sb_citation_get_quote (g_ptr_array_index (sb_item_get_citations (item), n_citations)), ==,
                     "Moskou zegt alleen opleiders te sturen");
    undo (window);
    g_assert_cmpuint (sb_item_get_citations (item)->len, ==, n_citations);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of the menu's first item, in its first section. */
static char *
first_menu_label (GMenuModel *menu)
{
  GMenuModel *section;
  char *label = NULL;

  if (g_menu_model_get_n_items (menu) == 0)
    return NULL;
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  if (section == NULL)
    return NULL;
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_object_unref (section);
  return label;
}

/* A statement cited from one source, then a passage of another source
 * shown after it added to it: corroboration, the single-source mark gone.
 */
static void
test_corroborate (void)
{
  const char *passage = "Des instructeurs russes sont arrivés à Bamako";
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbSelection *selection = sb_window_get_selection (window);
  GtkTextView *view = sb_detail_pane_get_source_view (detail_pane (window));
  SbItem *item = lookup (window, "wagner-agreement");
  g_autoptr(SbText) title = sb_text_new ("fr", "Des Russes à Bamako");
  g_autofree char *expected = g_strdup_printf ("Add to “%s”", sb_entity_get_label (SB_ENTITY (item)));
  g_autofree char *first = NULL;
  SbEdit *edit = sb_edit_new_add_source (sb_document_get_briefing (document), title, "fr");
  SbEntity *second = sb_edit_get_entity (edit) ? sb_edit_get_entity (edit) : sb_edit_get_select (edit);
  guint n_citations = sb_item_get_citations (item)->len;
  SbCitation *added;

  g_assert_true (SB_IS_SOURCE (second));
  sb_edit_group_add (edit, sb_edit_new_set_string (second, SB_SOURCE_FIELD_PUBLISHER, "Agence Sahel Presse"));
  sb_edit_group_add (edit, sb_edit_new_set_string (second, SB_SOURCE_FIELD_TEXT,
                                                   "BAMAKO — Des instructeurs russes sont arrivés à Bamako, selon des sources sécuritaires."));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpuint (sb_item_count_independent_sources (item), ==, 1);

  /* The statement, then the other source, shown from the sidebar. */
  sb_selection_select (selection, SB_ENTITY (item));
  sb_test_iterate_for (50);
  sb_selection_select (selection, second);
  sb_test_iterate_for (100);
  select_passage (window, passage);
  g_assert_true (sb_source_citer_open_menu (sb_detail_pane_get_citer (detail_pane (window))));
  first = first_menu_label (sb_source_citer_get_menu (sb_detail_pane_get_citer (detail_pane (window))));
  g_assert_cmpstr (first, ==, expected);
  sb_test_screenshot ("corroborate-menu");
  gtk_widget_activate_action (GTK_WIDGET (view), "cite.add", NULL);
  sb_test_iterate_for (100);

  g_assert_cmpuint (sb_item_get_citations (item)->len, ==, n_citations + 1);
  added = g_ptr_array_index (sb_item_get_citations (item), n_citations);
  g_assert_true (added->source == SB_SOURCE (second));
  g_assert_cmpstr (sb_citation_get_quote (added), ==, passage);
  g_assert_cmpuint (sb_item_count_independent_sources (item), ==, 2);
  /* The statement shown again, at the passage just added. */
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (item));
  g_assert_true (sb_selection_get_citation (selection) == added);
  sb_test_screenshot ("corroborated");

  /* Anything else chosen before the source: nothing to add to. */
  sb_selection_clear (selection);
  sb_test_iterate_for (50);
  sb_selection_select (selection, second);
  sb_test_iterate_for (100);
  select_passage (window, "selon des sources sécuritaires");
  {
    g_autofree char *label = first_menu_label (sb_source_citer_get_menu (sb_detail_pane_get_citer (detail_pane (window))));

    g_assert_cmpstr (label, ==, "New _Incident");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkGesture *
find_gesture (GtkWidget  *widget,
              const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* Where @offset's character is drawn, in @view's own coordinates. */
static void
char_point (GtkTextView *view,
            int          offset,
            double      *x,
            double      *y)
{
  GtkTextIter iter;
  GdkRectangle box;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &box);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, box.x + box.width / 2, box.y + box.height / 2,
                                         &wx, &wy);
  *x = wx;
  *y = wy;
}

/* A press inside the passage selected starts a new selection where it
 * is, as in a reader: the text view drags a selection pressed in (the
 * hand-run found a drag of the text instead), so the press is seen
 * before the text view sees it. Shift extends the selection as ever.
 */
static void
test_press_in_selection (void)
{
  SbWindow *window = create_window ();
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkGesture *press;
  GtkTextIter start, end, caret;
  double x, y;
  int inside;

  show_source (window);
  view = sb_detail_pane_get_source_view (detail_pane (window));
  buffer = gtk_text_view_get_buffer (view);
  press = find_gesture (GTK_WIDGET (view), "sb-new-selection");
  g_assert_nonnull (press);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (press)), ==, GTK_PHASE_CAPTURE);
  g_assert_cmpuint (gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (press)), ==, GDK_BUTTON_PRIMARY);

  select_passage (window, "Meer Russen worden nu ingevlogen");
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  inside = gtk_text_iter_get_offset (&start) + 8;
  char_point (view, inside, &x, &y);
  g_signal_emit_by_name (press, "pressed", 1, x, y);

  /* The passage is no longer selected: the caret is where the press was,
   * for the text view to select from as the pointer moves.
   */
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (ABS (gtk_text_iter_get_offset (&caret) - inside), <=, 1);

  /* Outside a selection, a press changes nothing here. */
  select_passage (window, "Meer Russen worden nu ingevlogen");
  char_point (view, gtk_text_iter_get_offset (&start) - 20, &x, &y);
  g_signal_emit_by_name (press, "pressed", 1, x, y);
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The actions a menu model offers, its sections and submenus too. */
static void
collect_actions (GMenuModel *menu,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      char *action = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          collect_actions (linked, actions);
        }
    }
}

/* The source text cannot be changed: its context menu, by a secondary
 * click or Shift+F10, offers Copy, Select All and Cite, not the text
 * view's Cut, Paste, Delete, Undo and Redo; a click inside the selection
 * keeps it.
 */
static void
test_context_menu (void)
{
  SbWindow *window = create_window ();
  GtkTextView *view;
  GtkGesture *press;
  GtkWidget *menu = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkTextIter start, end;
  double x, y;

  show_source (window);
  view = sb_detail_pane_get_source_view (detail_pane (window));
  g_assert_false (gtk_text_view_get_editable (view));
  press = find_gesture (GTK_WIDGET (view), "sb-context-menu");
  g_assert_nonnull (press);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (press)), ==, GTK_PHASE_CAPTURE);
  g_assert_true (sb_test_shortcut_goes_first (GTK_WIDGET (view), "<Shift>F10"));
  g_assert_true (sb_test_shortcut_goes_first (GTK_WIDGET (view), "Menu"));

  select_passage (window, "Meer Russen worden nu ingevlogen");
  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start, &end));
  char_point (view, gtk_text_iter_get_offset (&start) + 8, &x, &y);
  g_signal_emit_by_name (press, "pressed", 1, x, y);
  sb_test_iterate_for (100);
  g_assert_true (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (view)));

  /* The menu shown is a popover of the text. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_visible (child))
      {
        g_assert_null (menu);
        menu = child;
      }
  g_assert_nonnull (menu);
  sb_test_screenshot ("context-menu");
  collect_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), actions);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "clipboard.copy", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "selection.select-all", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "cite.new", g_str_equal, NULL));
  for (guint i = 0; i < actions->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (actions, i), "clipboard.cut") ||
                    g_str_has_prefix (g_ptr_array_index (actions, i), "clipboard.paste") ||
                    g_str_has_prefix (g_ptr_array_index (actions, i), "selection.delete") ||
                    g_str_has_prefix (g_ptr_array_index (actions, i), "text.undo") ||
                    g_str_has_prefix (g_ptr_array_index (actions, i), "text.redo"));
  gtk_popover_popdown (GTK_POPOVER (menu));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether any passage is highlighted as cited in the source pane. */
static gboolean
has_highlight (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  const char *names[] = { "cited", "current" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (tags, names[i]);
      GtkTextIter iter;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      if (gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        return TRUE;
    }
  return FALSE;
}

/* A statement's passage is highlighted while it is selected: with
 * nothing selected any more, or the source itself chosen to read and
 * cite from, no statement's passage stays highlighted.
 */
static void
test_highlight_follows_selection (void)
{
  SbWindow *window = create_window ();
  SbSelection *selection = sb_window_get_selection (window);
  GtkTextView *view = sb_detail_pane_get_source_view (detail_pane (window));

  sb_selection_select (selection, lookup (window, "wagner-mali"));
  sb_test_iterate_for (100);
  g_assert_true (has_highlight (view));

  sb_selection_select (selection, NULL);
  sb_test_iterate_for (100);
  g_assert_false (has_highlight (view));

  show_source (window);
  g_assert_false (has_highlight (view));
  sb_test_screenshot ("source-without-highlight");

  /* From a statement straight to its source, too. */
  sb_selection_select (selection, lookup (window, "wagner-mali"));
  sb_test_iterate_for (100);
  g_assert_true (has_highlight (view));
  show_source (window);
  g_assert_false (has_highlight (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
find_label_text (GtkWidget  *root,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = find_label_text (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Shown whole in the card's scrolled part, laid out where it is. */
static gboolean
is_in_view (gpointer widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) && scroller != NULL &&
         gtk_widget_compute_bounds (widget, scroller, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Where a relation or an actor picks one of the passages the briefing
 * cites, each is told by its words: the quote over two or three lines,
 * its source under it, the whole quote in its tooltip (the hand-run saw
 * some twenty characters of each).
 */
static void
test_passage_chooser (void)
{
  SbWindow *window = create_window ();
  SbEntity *wagner = lookup (window, "wagner-group");
  GtkWidget *card, *row, *expander, *item;
  GtkPopover *popover;
  GPtrArray *choices;
  SbCitation *first = NULL;
  GtkLabel *quote, *source;
  g_autofree char *tooltip = NULL;

  card = GTK_WIDGET (sb_test_window_open_card (window, wagner));
  row = sb_test_find_row (card, ADW_TYPE_COMBO_ROW, "Add a Passage the Briefing Cites");
  g_assert_nonnull (row);
  expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  choices = g_object_get_data (G_OBJECT (row), "choices");
  g_assert_nonnull (choices);
  /* A quote long enough to need its lines. */
  for (guint i = 0; i < choices->len && first == NULL; i++)
    if (g_utf8_strlen (sb_citation_get_quote (g_ptr_array_index (choices, i)), -1) > 80)
      first = g_ptr_array_index (choices, i);
  g_assert_nonnull (first);

  /* In view first, as a person scrolls to it. */
  sb_test_wait_until (is_mapped, row);
  gtk_widget_grab_focus (row);
  sb_test_wait_until (is_in_view, row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  popover = GTK_POPOVER (sb_test_find_widget (row, GTK_TYPE_POPOVER));
  g_assert_nonnull (popover);
  sb_test_wait_until (is_mapped, popover);
  sb_test_screenshot ("passage-chooser");

  quote = find_label_text (GTK_WIDGET (popover), sb_citation_get_quote (first));
  g_assert_nonnull (quote);
  sb_test_wait_until (is_mapped, quote);
  /* Two or three lines of it, cut at the third. */
  g_assert_true (gtk_label_get_wrap (quote));
  g_assert_cmpint (gtk_label_get_lines (quote), ==, 3);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (quote)), >=, 2);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (quote)), <=, 3);
  /* The briefing's one source is not said under every passage; the
   * tooltip has the whole quote, and the source.
   */
  item = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (quote)));
  source = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (quote)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (source)));
  tooltip = g_strdup (gtk_widget_get_tooltip_text (item));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, sb_citation_get_quote (first)));
  g_assert_nonnull (strstr (tooltip, sb_entity_get_label (SB_ENTITY (first->source))));
  gtk_popover_popdown (popover);

  /* With a passage of a second source cited, each passage's source is
   * said under it.
   */
  {
    SbDocument *document = sb_window_get_document (window);
    g_autoptr(SbText) title = sb_text_new ("fr", "Des Russes à Bamako");
    SbEdit *edit = sb_edit_new_add_source (sb_document_get_briefing (document), title, "fr");
    SbEntity *second = sb_edit_get_entity (edit) ? sb_edit_get_entity (edit) : sb_edit_get_select (edit);

    sb_edit_group_add (edit, sb_edit_new_set_string (second, SB_SOURCE_FIELD_TEXT, "Des instructeurs russes sont arrivés."));
    g_assert_true (sb_document_apply (document, edit, NULL));
    g_assert_true (sb_document_apply (document, sb_cite_add_citation (lookup (window, "wagner-agreement"), SB_SOURCE (second),
                                                                      "Des instructeurs russes sont arrivés.", -1, NULL), NULL));
    card = GTK_WIDGET (sb_test_window_open_card (window, wagner));
    row = sb_test_find_row (card, ADW_TYPE_COMBO_ROW, "Add a Passage the Briefing Cites");
    expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    sb_test_wait_until (is_mapped, row);
    gtk_widget_grab_focus (row);
    sb_test_wait_until (is_in_view, row);
    adw_action_row_activate (ADW_ACTION_ROW (row));
    popover = GTK_POPOVER (sb_test_find_widget (row, GTK_TYPE_POPOVER));
    sb_test_wait_until (is_mapped, popover);
    quote = find_label_text (GTK_WIDGET (popover), sb_citation_get_quote (first));
    g_assert_nonnull (quote);
    source = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (quote)));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (source)));
    g_assert_cmpstr (gtk_label_get_text (source), ==, sb_entity_get_label (SB_ENTITY (first->source)));
    gtk_popover_popdown (popover);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dialog_is_idle (gpointer dialog)
{
  return !sb_add_source_dialog_is_busy (dialog);
}

/* Add Source by keyboard: Paste and Open a File are one Tab stop each,
 * the row that says what it does, not the row and then its button.
 */
static void
test_add_source_tab_stops (void)
{
  SbWindow *window = create_window ();
  SbAddSourceDialog *dialog;
  GtkWidget *paste, *open;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-source", NULL);
  sb_test_iterate_for (100);
  dialog = SB_ADD_SOURCE_DIALOG (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));
  g_assert_nonnull (dialog);
  paste = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Paste");
  open = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Open a File");
  g_assert_nonnull (paste);
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_grab_focus (paste));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == open);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An article saved as text with a dateline and no other date: Add Source
 * fills in the date the dateline gives, with its precision; citing its
 * first paragraph from its start leaves the dateline out of the quote.
 */
static void
test_add_source_dateline (void)
{
  const char *article = "Army retakes Kidal\n\n"
                        "BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal on Tuesday after the rebels left.\n\n"
                        "Some 400-600 men of the CSP withdrew to the north.\n";
  SbWindow *window = create_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sb_test_make_temp_dir ("sb-dateline-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "kidal.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SbAddSourceDialog *dialog;
  SbBriefing *briefing;
  SbSource *source;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (path, article, -1, &error));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  briefing = sb_window_get_briefing (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-source", NULL);
  sb_test_iterate_for (100);
  dialog = SB_ADD_SOURCE_DIALOG (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));
  g_assert_nonnull (dialog);
  sb_add_source_dialog_open (dialog, file);
  sb_test_wait_until (dialog_is_idle, dialog);
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Published, as 2022-08-15, 2022-08 or 2022");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2023-11-15");
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Army retakes Kidal");
  sb_test_screenshot ("add-source-dateline");
  g_signal_emit_by_name (sb_test_find_button (GTK_WIDGET (dialog), "_Add"), "clicked");
  sb_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 1);
  source = g_list_model_get_item (sb_briefing_get_sources (briefing), 0);
  g_object_unref (source);
  g_assert_cmpint (sb_source_get_date (source)->start.precision, ==, SB_DATE_PRECISION_DAY);

  /* The paragraph cited from its start: the story, not its dateline. */
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (source));
  sb_test_iterate_for (100);
  select_passage (window, "BAMAKO, 15 November 2023 (Reuters) — The army entered Kidal on Tuesday");
  gtk_widget_activate_action (GTK_WIDGET (sb_detail_pane_get_source_view (detail_pane (window))), "cite.new", "s", "incident");
  sb_test_iterate_for (100);
  {
    SbEntity *cited = sb_selection_get_selected (sb_window_get_selection (window));
    SbCitation *citation;

    g_assert_true (SB_IS_ITEM (cited));
    citation = g_ptr_array_index (sb_item_get_citations (SB_ITEM (cited)), 0);
    g_assert_cmpstr (sb_citation_get_quote (citation), ==, "The army entered Kidal on Tuesday");
    sb_test_screenshot ("cited-without-dateline");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
title_is_filled (gpointer row)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "") != 0;
}

/* Paste in Add Source takes what the app itself put on the clipboard,
 * HTML first, and the window stays alive while it is read (it waited
 * for itself forever: the hand-run's every Paste froze the app).
 */
static void
test_add_source_paste (void)
{
  const char *html = "<html><head><title>Convoys burned near Kayes</title></head><body><article>"
                     "<p>KAYES, 4 November 2025 (Agence Sahel Presse) — Fuel convoys were burned on the road to Bamako.</p>"
                     "<p>Schools in Bamako stayed closed.</p></article></body></html>";
  SbWindow *window = create_window ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);
  SbAddSourceDialog *dialog;
  GtkWidget *row;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-source", NULL);
  sb_test_iterate_for (100);
  dialog = SB_ADD_SOURCE_DIALOG (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), provider));

  adw_action_row_activate (ADW_ACTION_ROW (sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Paste")));
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  sb_test_wait_until (title_is_filled, row);
  sb_test_wait_until (dialog_is_idle, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Convoys burned near Kayes");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sb_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "Fuel convoys were burned on the road to Bamako.\n\nSchools in Bamako stayed closed."));
  sb_test_screenshot ("add-source-pasted");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every recognised name in view is drawn marked, on every line of a
 * paragraph: the top left corner of its box is not the page's colour.
 */
static void
assert_names_drawn (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  g_autoptr(GdkTexture) texture = sb_test_render (GTK_WIDGET (view));
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  GdkRectangle visible;
  GtkTextIter iter;
  guint32 page;
  guint checked = 0;

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  page = pixels[2 * width + 2] & 0xffffff;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL))
    {
      GdkRectangle box;
      int x, y;

      if (!gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (tags, "place-name")) &&
          !gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (tags, "actor-name")))
        continue;
      gtk_text_view_get_iter_location (view, &iter, &box);
      if (box.y < visible.y || box.y + box.height > visible.y + visible.height)
        continue;
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, box.x, box.y, &x, &y);
      g_assert_cmpint (x + 1, <, width);
      g_assert_cmpint (y + 1, <, height);
      if ((pixels[(y + 1) * width + x + 1] & 0xffffff) == page)
        {
          GtkTextIter end = iter;
          g_autofree char *name = NULL;

          gtk_text_iter_forward_to_tag_toggle (&end, NULL);
          name = gtk_text_iter_get_text (&iter, &end);
          g_error ("“%s” at %d,%d is not drawn marked", name, x, y);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 10);
}

static int
find_mark (SbWindow   *window,
           const char *name)
{
  SbSourceCiter *citer = sb_detail_pane_get_citer (detail_pane (window));
  GtkTextView *view = sb_detail_pane_get_source_view (detail_pane (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter iter;

  /* The tags say where the names are; the marks are in text order. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (guint n = 0; n < sb_source_citer_get_n_marks (citer); n++)
    {
      GtkTextIter end;
      g_autofree char *text = NULL;

      while (!gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (tags, "place-name")) &&
             !gtk_text_iter_starts_tag (&iter, gtk_text_tag_table_lookup (tags, "actor-name")))
        g_assert_true (gtk_text_iter_forward_char (&iter));
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, NULL);
      text = gtk_text_iter_get_text (&iter, &end);
      if (g_str_equal (text, name))
        return n;
      iter = end;
    }
  return -1;
}

static char *menu_label (SbWindow   *window,
                         const char *target);

static void
test_recognition (void)
{
  SbWindow *window = create_window ();
  SbSourceCiter *citer;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *sentence = NULL;
  SbItem *item;
  int gao, wagner;

  show_source (window);
  citer = sb_detail_pane_get_citer (detail_pane (window));
  view = sb_detail_pane_get_source_view (detail_pane (window));
  buffer = gtk_text_view_get_buffer (view);
  g_assert_cmpuint (sb_source_citer_get_n_marks (citer), >, 10);
  assert_names_drawn (view);
  sb_test_screenshot ("recognised-names");

  /* "Gao", a town of the gazetteer: its sentence, with Gao filled in. */
  gao = find_mark (window, "Gao");
  g_assert_cmpint (gao, >=, 0);
  g_assert_true (sb_source_citer_offer_mark (citer, gao));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  sentence = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (sentence, ==, "Duizend Duitse manschappen verlieten Mali via de luchthaven bij de stad Gao.");
  /* No name's tooltip over the Cite button and its menu while it shows. */
  sb_test_iterate_for (50);
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (view)));
  gtk_text_buffer_place_cursor (buffer, &start);
  sb_test_iterate_for (50);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (view)));
  g_assert_true (sb_source_citer_offer_mark (citer, gao));
  sb_test_screenshot ("recognised-offer");
  gtk_widget_activate_action (GTK_WIDGET (view), "cite.new", "s", "deployment");
  sb_test_iterate_for (100);
  item = SB_ITEM (sb_selection_get_selected (sb_window_get_selection (window)));
  g_assert_nonnull (sb_item_get_place (item));
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_place (item))), ==, "Gao");
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_POINT);
  undo (window);

  /* An actor's alias: the actor filled in. */
  show_source (window);
  wagner = find_mark (window, "Wagner");
  g_assert_cmpint (wagner, >=, 0);
  g_assert_true (sb_source_citer_offer_mark (citer, wagner));
  gtk_widget_activate_action (GTK_WIDGET (view), "cite.new", "s", "incident");
  sb_test_iterate_for (100);
  item = SB_ITEM (sb_selection_get_selected (sb_window_get_selection (window)));
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  g_assert_true (sb_item_get_actor (item, 0) == lookup (window, "wagner-group"));
  undo (window);

  /* A figure of an actor named in the passage. */
  show_source (window);
  select_passage (window, "De Fransen hebben met circa 5500 commando’s");
  {
    SbActor *france = lookup (window, "france");
    guint n = sb_actor_get_figures (france) ? sb_actor_get_figures (france)->len : 0;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "cite.figure", "s", "france"));
    sb_test_iterate_for (50);
    g_assert_cmpuint (sb_actor_get_figures (france)->len, ==, n + 1);
    undo (window);
  }

  /* With France's dossier open, a passage that names France offers its
   * figure; one that does not, not.
   */
  {
    SbEntity *france = lookup (window, "france");
    g_autofree char *named = NULL;
    g_autofree char *unnamed = NULL;

    sb_selection_select (sb_window_get_selection (window), france);
    sb_test_iterate_for (100);
    select_passage (window, "De Fransen hebben met circa 5500 commando’s");
    sb_test_iterate_for (50);
    named = menu_label (window, "france");
    g_assert_nonnull (named);
    select_passage (window, "Moskou zegt alleen opleiders te sturen");
    sb_test_iterate_for (50);
    unnamed = menu_label (window, "france");
    g_assert_null (unnamed);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label Cite's menu gives the action with @target, or NULL. */
static char *
menu_label (SbWindow   *window,
            const char *target)
{
  GMenuModel *menu = sb_source_citer_get_menu (sb_detail_pane_get_citer (detail_pane (window)));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autoptr(GVariant) value = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          char *label = NULL;

          if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
              g_str_equal (g_variant_get_string (value, NULL), target) &&
              g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            return label;
        }
    }
  return NULL;
}

/* "vertrok uit Niamey naar Téra", Téra a town the gazetteer lacks: Cite
 * offers a movement from Niamey, not to it; once Téra is placed by name,
 * it is marked in the text and the movement goes from Niamey to Téra.
 */
static void
test_movement_ends (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbBriefing *briefing = sb_document_get_briefing (document);
  SbSourceCiter *citer = sb_detail_pane_get_citer (detail_pane (window));
  GtkTextView *view = sb_detail_pane_get_source_view (detail_pane (window));
  g_autoptr(SbText) title = sb_text_new ("nl", "Leger naar Téra");
  g_autoptr(GPtrArray) niamey = sb_gazetteer_search (sb_gazetteer_get_default (), "Niamey", NULL, 1);
  g_autofree char *label = NULL;
  SbEdit *edit = sb_edit_new_add_source (briefing, title, "nl");
  SbEntity *source = sb_edit_get_entity (edit);
  SbItem *movement, *second;
  SbPlace *tera;

  sb_edit_group_add (edit, sb_edit_new_set_string (source, SB_SOURCE_FIELD_TEXT,
                                                   "Het leger vertrok maandag uit Niamey naar Téra. Daar bleef het."));
  g_assert_true (sb_document_apply (document, edit, NULL));
  sb_selection_select (sb_window_get_selection (window), source);
  sb_test_iterate_for (100);

  g_assert_cmpint (find_mark (window, "Téra"), <, 0);
  g_assert_true (sb_source_citer_offer_mark (citer, find_mark (window, "Niamey")));
  sb_test_iterate_for (50);
  label = menu_label (window, "movement");
  g_assert_cmpstr (label, ==, "New Movement from Niamey");
  g_clear_pointer (&label, g_free);
  sb_test_screenshot ("movement-from");
  gtk_widget_activate_action (GTK_WIDGET (view), "cite.new", "s", "movement");
  sb_test_iterate_for (100);
  movement = SB_ITEM (sb_selection_get_selected (sb_window_get_selection (window)));
  g_assert_cmpint (sb_item_get_kind (movement), ==, SB_ITEM_KIND_MOVEMENT);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_origin (movement))), ==, "Niamey");
  g_assert_null (sb_item_get_place (movement));

  /* Téra: somewhere within 200 km of Niamey. */
  g_assert_true (sb_document_apply (document, sb_cite_place_named (briefing, movement, SB_ITEM_FIELD_PLACE, "Téra",
                                                                   g_ptr_array_index (niamey, 0),
                                                                   SB_PLACE_PRECISION_NEAR, 200), NULL));
  tera = sb_item_get_place (movement);
  sb_selection_select (sb_window_get_selection (window), source);
  sb_test_iterate_for (100);
  g_assert_cmpint (find_mark (window, "Téra"), >=, 0);
  g_assert_true (sb_source_citer_offer_mark (citer, find_mark (window, "Niamey")));
  sb_test_iterate_for (50);
  label = menu_label (window, "movement");
  g_assert_cmpstr (label, ==, "New Movement from Niamey to Téra");
  sb_test_screenshot ("movement-from-to");
  gtk_widget_activate_action (GTK_WIDGET (view), "cite.new", "s", "movement");
  sb_test_iterate_for (100);
  second = SB_ITEM (sb_selection_get_selected (sb_window_get_selection (window)));
  g_assert_true (second != movement);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_origin (second))), ==, "Niamey");
  g_assert_true (sb_item_get_place (second) == tera);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_place_by_gazetteer (void)
{
  SbWindow *window = create_window ();
  SbItem *item = lookup (window, "attacks-togo");
  SbPlace *before = sb_item_get_place (item);
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (detail_pane (window));
  SbPlace *place;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
  sb_test_wait_until (widget_is_visible, chooser);

  /* Typed as a Dutch reader would; the country is what fits. */
  sb_place_chooser_search (chooser, "Tsjaad");
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), >=, 1);
  sb_test_screenshot ("place-gazetteer");
  g_assert_true (sb_place_chooser_choose (chooser, 0));
  sb_test_iterate_for (50);
  place = sb_item_get_place (item);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_COUNTRY);
  g_assert_cmpstr (sb_place_get_country (place), ==, "TCD");
  sb_test_screenshot ("placed-country");

  /* Near a town, with a radius. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
  sb_test_wait_until (widget_is_visible, chooser);
  sb_place_chooser_search (chooser, "menaka");
  sb_place_chooser_set_precision (chooser, SB_PLACE_PRECISION_NEAR, 40);
  sb_test_iterate_for (100);
  g_assert_true (sb_place_chooser_choose (chooser, 0));
  place = sb_item_get_place (item);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 40);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Ménaka");
  sb_test_iterate_for (200);

  /* Placed again: it starts from what the town fits, exactly there, not
   * from "near" that the briefing's Ménaka (first now) was chosen with.
   */
  {
    SbPlace *near = place;
    GtkListBox *results;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
    sb_test_wait_until (widget_is_visible, chooser);
    sb_place_chooser_search (chooser, "menaka");
    sb_test_iterate_for (100);
    g_assert_true (sb_place_chooser_choose (chooser, 0));
    place = sb_item_get_place (item);
    g_assert_true (place != near);
    g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_POINT);
    g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Ménaka");
    sb_test_iterate_for (200);

    /* "Near it" chosen, then another result clicked: still near it. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
    sb_test_wait_until (widget_is_visible, chooser);
    sb_place_chooser_search (chooser, "Gao");
    sb_test_iterate_for (100);
    g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), >=, 2);
    sb_place_chooser_set_precision (chooser, SB_PLACE_PRECISION_NEAR, 15);
    results = GTK_LIST_BOX (sb_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_LIST_BOX));
    gtk_list_box_select_row (results, gtk_list_box_get_row_at_index (results, 1));
    g_assert_true (sb_place_chooser_choose (chooser, 1));
    place = sb_item_get_place (item);
    g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
    g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 15);
    sb_test_iterate_for (200);
    undo (window);
    sb_test_iterate_for (200);
    undo (window);
    sb_test_iterate_for (200);
  }

  undo (window);
  sb_test_iterate_for (200);
  undo (window);
  g_assert_true (sb_item_get_place (item) == before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The focus in a search entry of @data's (the popover takes it when it
 * is mapped, a frame or more after it is shown on a loaded machine).
 */
static gboolean
focus_in_search_entry (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

/* A town the gazetteer does not know, typed: Place says so, and Enter
 * goes on to the map, where a click places the end chosen under the name
 * typed, not the nearest town's, as precisely as chosen.
 */
static void
test_place_unknown_town (void)
{
  SbWindow *window = create_window ();
  SbMapEditor *editor = sb_window_get_map_editor (window);
  SbItem *movement = lookup (window, "russians-flown-in");
  SbPlace *destination = sb_item_get_place (movement);
  SbPlace *origin_before = sb_item_get_origin (movement);
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (detail_pane (window));
  GtkWidget *entry;
  SbPlace *origin;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (movement));
  sb_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
  sb_test_wait_until (widget_is_visible, chooser);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sb_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN)), 1);
  sb_place_chooser_search (chooser, "Téra");
  /* Known to be near where it is clicked: the precision chosen holds. */
  sb_place_chooser_set_precision (chooser, SB_PLACE_PRECISION_NEAR, 10);
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), ==, 0);
  g_assert_true (gtk_widget_get_visible (sb_test_find_label (GTK_WIDGET (chooser),
                                                             "“Téra” is not in the gazetteer: say which known town it is near (or its region or country) below, or click on the map where it is (Enter). The place keeps the name “Téra”.")));
  sb_test_screenshot ("place-unknown-town");

  /* Where the focus is: the name typed (the Which End list has a search
   * entry of its own).
   */
  sb_test_wait_until (focus_in_search_entry, window);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_null (gtk_widget_get_ancestor (entry, GTK_TYPE_DROP_DOWN));
  g_signal_emit_by_name (entry, "activate");
  sb_test_iterate_for (50);
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_PLACE);
  g_assert_nonnull (strstr (sb_map_editor_get_hint (editor), "“Téra”"));
  g_assert_true (sb_map_editor_add_point (editor, 14.0086, 0.7531));
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_IDLE);
  origin = sb_item_get_origin (movement);
  g_assert_true (origin != origin_before);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (origin)), ==, "Téra");
  g_assert_cmpint (sb_place_get_precision (origin), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (origin), ==, 10);
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (origin), 14.0086, 1e-6);
  g_assert_cmpfloat_with_epsilon (sb_place_get_longitude (origin), 0.7531, 1e-6);
  /* The other end stays where it was. */
  g_assert_true (sb_item_get_place (movement) == destination);
  /* Found by name from now on, as one of the briefing's places. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
  sb_test_wait_until (widget_is_visible, chooser);
  sb_place_chooser_search (chooser, "tera");
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (chooser));
  sb_test_iterate_for (50);
  undo (window);
  g_assert_true (sb_item_get_origin (movement) == origin_before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The last drop-down in @root: Place's "Known to be". */
static GtkDropDown *
last_drop_down (GtkWidget *root)
{
  GtkDropDown *found = GTK_IS_DROP_DOWN (root) ? GTK_DROP_DOWN (root) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *inner = last_drop_down (child);

      if (inner != NULL)
        found = inner;
    }
  return found;
}

/* A town the gazetteer does not know, placed without a click: near a
 * known town, within the distance the source gives.
 */
static void
test_place_near_known_town (void)
{
  SbWindow *window = create_window ();
  SbItem *item = lookup (window, "ivorian-soldiers-arrested");
  SbPlace *before = sb_item_get_place (item);
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (detail_pane (window));
  g_autoptr(GPtrArray) djibo = sb_gazetteer_search (sb_gazetteer_get_default (), "Djibo", NULL, 1);
  const SbGazetteerEntry *town = g_ptr_array_index (djibo, 0);
  SbPlace *place;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
  sb_test_wait_until (widget_is_visible, chooser);
  sb_place_chooser_search (chooser, "Gaskindé");
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), ==, 0);

  /* Where it is, by a known town's name: near it, by default. */
  sb_place_chooser_search_near (chooser, "Djibo");
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), >=, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (last_drop_down (GTK_WIDGET (chooser))), ==, SB_PLACE_PRECISION_NEAR);
  sb_test_screenshot ("place-near-known-town");
  sb_place_chooser_set_precision (chooser, SB_PLACE_PRECISION_NEAR, 40);
  g_assert_true (sb_place_chooser_choose (chooser, 0));
  sb_test_iterate_for (100);

  place = sb_item_get_place (item);
  g_assert_true (place != before);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Gaskindé");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 40);
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), town->latitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (sb_place_get_longitude (place), town->longitude, 1e-6);

  undo (window);
  g_assert_true (sb_item_get_place (item) == before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor's own drag on the map: captured before libshumate's pan. */
static GtkGesture *
editor_drag (SbMapView *map_view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (sb_map_view_get_map (map_view)));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static gboolean
is_picked_up (gpointer data)
{
  SbWindow *window = data;

  return sb_map_editor_get_picked_up (sb_window_get_map_editor (window)) != NULL;
}

/* A drag that starts on the selected statement pans the map, as every
 * other drag does (the hand-run moved a deployment 65 km when it meant to
 * pan); a press held still on it first picks it up, and then the drag
 * moves it, named after the town it is now near.
 */
static void
test_drag_pans_unless_held (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbItem *item = lookup (window, "ivorian-soldiers-arrested");
  SbPlace *shared = sb_item_get_place (item);
  double shared_lat = sb_place_get_latitude (shared);
  GtkGesture *drag = editor_drag (map_view);
  double x, y;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_map_view_go_to (map_view, shared_lat, sb_place_get_longitude (shared), 7);
  sb_test_iterate_for (200);
  g_assert_true (sb_map_view_locate_item (map_view, item, &x, &y));

  /* Pressed on it and dragged at once: a pan, nothing moved. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 30.0, 20.0);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 40.0);
  g_signal_emit_by_name (drag, "drag-end", 60.0, 40.0);
  g_assert_true (sb_item_get_place (item) == shared);
  g_assert_false (sb_document_can_undo (document));

  /* Held still on it, then dragged: moved, one edit. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  sb_test_wait_until (is_picked_up, window);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 40.0);
  g_signal_emit_by_name (drag, "drag-end", 60.0, 40.0);
  g_assert_true (sb_item_get_place (item) != shared);
  g_assert_cmpfloat (sb_place_get_latitude (sb_item_get_place (item)), <, shared_lat);
  g_assert_true (g_str_has_prefix (sb_document_get_undo_label (document), "Undo Move “"));
  g_assert_null (sb_map_editor_get_picked_up (sb_window_get_map_editor (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click is exactly there unless the passage says "near Teguey": then
 * near the point clicked, and the hint says so; N switches (the hand-run
 * clicked a guess for "near Teguey" and got "Exact location").
 */
static void
test_place_by_click_near (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbMapEditor *editor = sb_window_get_map_editor (window);
  SbItem *item = lookup (window, "ivorian-soldiers-arrested");
  SbCitation *first = g_ptr_array_index (sb_item_get_citations (item), 0);
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  SbPlace *place;

  g_assert_true (sb_gazetteer_text_says_near ("Gunmen attacked a patrol near Teguey on Sunday."));
  g_assert_true (sb_gazetteer_text_says_near ("Une attaque à proximité de Téra."));
  g_assert_true (sb_gazetteer_text_says_near ("Een aanval bij Ménaka."));
  g_assert_false (sb_gazetteer_text_says_near ("Nearly 40 soldiers were killed in Teguey, bij een aanval."));

  /* Its passage does not say near: exactly there, N for near. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_PLACE, item));
  g_assert_cmpint (sb_map_editor_get_place_precision (editor), ==, SB_PLACE_PRECISION_POINT);
  g_assert_nonnull (strstr (sb_map_editor_get_hint (editor), "N places it near there"));
  g_assert_true (sb_map_editor_toggle_near (editor));
  g_assert_cmpint (sb_map_editor_get_place_precision (editor), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_true (sb_map_editor_cancel (editor));

  /* Cited "near Teguey": near the point clicked, within 25 km. */
  g_ptr_array_add (citations, sb_citation_new (first->source, "Gunmen attacked a patrol near Teguey on Sunday."));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (SB_ENTITY (item), SB_ITEM_FIELD_CITATIONS, citations), NULL));
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_PLACE, item));
  g_assert_cmpint (sb_map_editor_get_place_precision (editor), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_nonnull (strstr (sb_map_editor_get_hint (editor), "The passage says “near”"));
  sb_test_screenshot ("place-click-near");
  g_assert_true (sb_map_editor_add_point (editor, 14.7167, -17.4677));
  place = sb_item_get_place (item);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 25);
  undo (window);

  /* N: exactly there after all. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_PLACE, item));
  g_assert_true (sb_map_editor_toggle_near (editor));
  g_assert_true (sb_map_editor_add_point (editor, 14.7167, -17.4677));
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_POINT);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Not on the Map lists what nothing of is drawn: a movement with one end
 * placed is drawn at it, and is not listed (the hand-run's was).
 */
static void
test_one_end_not_unplaced (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbItem *movement = lookup (window, "france-last-contingent-to-niger");
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  const char *title = sb_text_get (sb_item_get_title (movement));

  sb_test_iterate_for (100);
  g_assert_null (sb_test_find_label (sidebar, title));

  /* Only its start placed: drawn there, not listed. */
  g_assert_true (sb_document_apply (document, sb_edit_new_set_entity (SB_ENTITY (movement), SB_ITEM_FIELD_PLACE, NULL), NULL));
  sb_test_iterate_for (100);
  g_assert_nonnull (sb_item_get_origin (movement));
  g_assert_null (sb_test_find_label (sidebar, title));

  /* Neither end: listed. */
  g_assert_true (sb_document_apply (document, sb_edit_new_set_entity (SB_ENTITY (movement), SB_ITEM_FIELD_ORIGIN, NULL), NULL));
  sb_test_iterate_for (100);
  g_assert_nonnull (sb_test_find_label (sidebar, title));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_place_by_click_and_drag (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbMapEditor *editor = sb_window_get_map_editor (window);
  SbItem *item = lookup (window, "ivorian-soldiers-arrested");
  SbPlace *shared = sb_item_get_place (item);
  SbItem *other = lookup (window, "ivorian-soldiers-bamako");
  double shared_lat = sb_place_get_latitude (shared);
  double x, y;
  SbPlace *place;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_test_iterate_for (100);

  /* A click on the map places it, named after the town there. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_PLACE, item));
  g_assert_nonnull (sb_map_editor_get_hint (editor));
  sb_test_screenshot ("place-click");
  g_assert_true (sb_map_editor_add_point (editor, 14.7167, -17.4677));
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_IDLE);
  place = sb_item_get_place (item);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Dakar");
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), 14.7167, 1e-6);
  g_assert_true (sb_item_get_place (other) == shared);
  undo (window);

  /* From the keyboard: the arrows move the map, Enter places at the cross. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_PLACE, item));
  sb_map_view_go_to (map_view, 16.27, -0.04, 8);
  sb_test_iterate_for (100);
  g_assert_true (sb_map_editor_finish (editor));
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_place (item))), ==, "Gao");
  undo (window);

  /* Escape leaves the briefing as it was. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_PLACE, item));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_IDLE);
  g_assert_true (sb_item_get_place (item) == shared);
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (item));

  /* A drag is one edit; the place it shared stays with the other. */
  sb_map_view_go_to (map_view, shared_lat, sb_place_get_longitude (shared), 7);
  sb_test_iterate_for (200);
  g_assert_true (sb_map_view_locate_item (map_view, item, &x, &y));
  g_assert_true (sb_map_editor_drop (editor, item, x + 60, y + 40));
  g_assert_true (g_str_has_prefix (sb_document_get_undo_label (document), "Undo Move “"));
  place = sb_item_get_place (item);
  g_assert_true (place != shared);
  g_assert_cmpfloat (sb_place_get_latitude (place), <, shared_lat);
  g_assert_true (sb_item_get_place (other) == shared);
  g_assert_cmpfloat (sb_place_get_latitude (shared), ==, shared_lat);
  sb_test_screenshot ("dragged");

  /* Now alone at its place: Alt+→ nudges it, one edit. */
  {
    double lon = sb_place_get_longitude (place);

    g_assert_true (sb_map_editor_nudge (editor, 1, 0));
    g_assert_true (sb_item_get_place (item) == place);
    g_assert_cmpfloat (sb_place_get_longitude (place), >, lon);
    undo (window);
    g_assert_cmpfloat (sb_place_get_longitude (place), ==, lon);
  }
  undo (window);
  g_assert_true (sb_item_get_place (item) == shared);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_draw_movement_and_area (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbMapEditor *editor = sb_window_get_map_editor (window);
  SbItem *movement = lookup (window, "russians-flown-in");
  SbItem *area = lookup (window, "feared-spread-west");
  SbGeometry *outline_before = sb_geometry_copy (sb_item_get_geometry (area));
  SbPlace *origin_before = sb_item_get_origin (movement);
  SbPlace *place_before = sb_item_get_place (movement);
  const SbRing *ring;

  /* A movement: where it starts, then where it goes; one edit. */
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (movement));
  g_assert_false (sb_map_editor_begin (editor, SB_MAP_EDITOR_OUTLINE, movement));
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_ORIGIN, movement));
  g_assert_true (sb_map_editor_add_point (editor, 12.65, -8.0));
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_DESTINATION);
  g_assert_true (sb_map_editor_add_point (editor, 16.27, -0.04));
  g_assert_true (g_str_has_prefix (sb_document_get_undo_label (document), "Undo Draw “"));
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_origin (movement))), ==, "Bamako");
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_place (movement))), ==, "Gao");
  sb_test_screenshot ("movement-drawn");
  undo (window);
  g_assert_true (sb_item_get_origin (movement) == origin_before);
  g_assert_true (sb_item_get_place (movement) == place_before);
  g_assert_false (sb_document_get_modified (document));

  /* An area, corner by corner: Escape cancels … */
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (area));
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_OUTLINE, area));
  g_assert_true (sb_map_editor_add_point (editor, 15.0, -5.0));
  g_assert_true (sb_map_editor_add_point (editor, 15.0, -1.0));
  g_assert_cmpuint (sb_map_editor_get_n_vertices (editor), ==, 2);
  sb_test_screenshot ("area-drawing");
  g_assert_true (sb_map_editor_cancel (editor));
  g_assert_false (sb_document_get_modified (document));
  g_assert_true (sb_geometry_equal (sb_item_get_geometry (area), outline_before));

  /* … and Enter finishes, once there are three corners. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_OUTLINE, area));
  g_assert_true (sb_map_editor_add_point (editor, 15.0, -5.0));
  g_assert_true (sb_map_editor_add_point (editor, 15.0, -1.0));
  g_assert_true (sb_map_editor_finish (editor));
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_OUTLINE);
  g_assert_true (sb_map_editor_add_point (editor, 12.0, -3.0));
  g_assert_true (sb_map_editor_finish (editor));
  g_assert_cmpint (sb_map_editor_get_mode (editor), ==, SB_MAP_EDITOR_IDLE);
  g_assert_true (g_str_has_prefix (sb_document_get_undo_label (document), "Undo Draw Outline of “"));
  ring = &sb_item_get_geometry (area)->polygons[0].rings[0];
  g_assert_cmpuint (ring->n_points, ==, 4);
  g_assert_cmpfloat (ring->points[0], ==, ring->points[6]);
  g_assert_cmpfloat (ring->points[2], ==, -1.0);
  g_assert_cmpfloat (ring->points[3], ==, 15.0);

  /* Its corners move, one edit each. */
  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_VERTICES, area));
  g_assert_cmpuint (sb_map_editor_get_n_vertices (editor), ==, 3);
  sb_test_screenshot ("area-corners");
  g_assert_true (sb_map_editor_move_vertex (editor, 2, 11.0, -3.5));
  ring = &sb_item_get_geometry (area)->polygons[0].rings[0];
  g_assert_cmpfloat (ring->points[5], ==, 11.0);
  g_assert_cmpfloat (ring->points[4], ==, -3.5);

  /* From the keyboard: Tab chooses a corner (the map centres on it), Alt
   * and an arrow move it a few pixels, one edit each.
   */
  g_assert_cmpuint (sb_map_editor_get_chosen_vertex (editor), ==, 0);
  g_assert_true (sb_map_editor_choose_vertex (editor, 1));
  g_assert_false (sb_map_editor_choose_vertex (editor, 3));
  g_assert_cmpuint (sb_map_editor_get_chosen_vertex (editor), ==, 1);
  g_assert_true (g_str_has_prefix (sb_map_editor_get_hint (editor), "Corner 2 of 3"));
  sb_test_iterate_for (300);
  {
    double lon_before = sb_item_get_geometry (area)->polygons[0].rings[0].points[2];
    double lat_before = sb_item_get_geometry (area)->polygons[0].rings[0].points[3];

    g_assert_true (sb_map_editor_nudge (editor, 1, 0));
    ring = &sb_item_get_geometry (area)->polygons[0].rings[0];
    g_assert_cmpfloat (ring->points[2], >, lon_before);
    g_assert_cmpfloat (fabs (ring->points[3] - lat_before), <, 1e-6);
    g_assert_cmpfloat (ring->points[5], ==, 11.0);
    /* Undone while the corners are moved, the next move starts from
     * the outline as it is again.
     */
    undo (window);
    ring = &sb_item_get_geometry (area)->polygons[0].rings[0];
    g_assert_cmpfloat (ring->points[2], ==, lon_before);
    g_assert_true (sb_map_editor_nudge (editor, 0, 1));
    ring = &sb_item_get_geometry (area)->polygons[0].rings[0];
    g_assert_cmpfloat (fabs (ring->points[2] - lon_before), <, 1e-6);
    g_assert_cmpfloat (ring->points[3], <, lat_before);
    undo (window);
  }
  g_assert_true (sb_map_editor_finish (editor));

  undo (window);
  g_assert_cmpuint (sb_item_get_geometry (area)->polygons[0].rings[0].n_points, ==, 4);
  g_assert_cmpfloat (sb_item_get_geometry (area)->polygons[0].rings[0].points[5], ==, 12.0);
  undo (window);
  g_assert_true (sb_geometry_equal (sb_item_get_geometry (area), outline_before));
  g_assert_false (sb_document_get_modified (document));
  sb_geometry_free (outline_before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A point clicked near a town, not at it, is named by how far and which
 * way it lies from the town; a place named after its town and dragged
 * away from it takes the name of where it is now (the hand-run's attack
 * dragged 60 km still said "Tessalit · Exact location"); a name the user
 * gave stays.
 */
static void
test_place_named_where_it_is (void)
{
  g_autoptr(SbBriefing) briefing = sb_test_load_default ();
  g_autoptr(SbDocument) document = sb_document_new (briefing);
  g_autoptr(GPtrArray) kidal = sb_gazetteer_search (sb_gazetteer_get_default (), "Kidal", NULL, 1);
  const SbGazetteerEntry *town = g_ptr_array_index (kidal, 0);
  SbItem *item = NULL;
  SbPlace *place;

  for (guint i = 0; item == NULL && i < g_list_model_get_n_items (sb_briefing_get_all_items (briefing)); i++)
    {
      g_autoptr(SbItem) candidate = g_list_model_get_item (sb_briefing_get_all_items (briefing), i);

      if (sb_item_get_kind (candidate) == SB_ITEM_KIND_INCIDENT)
        item = candidate;
    }
  g_assert_nonnull (item);

  /* 0.12° north and as far east of Kidal: about 19 km north-east. */
  g_assert_true (sb_document_apply (document, sb_cite_place_at (briefing, item, SB_ITEM_FIELD_PLACE,
                                                                town->latitude + 0.12, town->longitude + 0.12), NULL));
  place = sb_item_get_place (item);
  g_test_message ("%s", sb_entity_get_label (SB_ENTITY (place)));
  g_assert_true (g_str_has_suffix (sb_entity_get_label (SB_ENTITY (place)), "km north-east of Kidal"));
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_POINT);
  g_assert_true (sb_document_undo (document));

  /* Placed at Kidal, then dragged 22 km south: named after it no more. */
  g_assert_true (sb_document_apply (document, sb_cite_place_at (briefing, item, SB_ITEM_FIELD_PLACE,
                                                                town->latitude, town->longitude), NULL));
  place = sb_item_get_place (item);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Kidal");
  g_assert_true (sb_document_apply (document, sb_cite_move (briefing, item, town->latitude - 0.2, town->longitude), NULL));
  g_assert_true (sb_item_get_place (item) == place);
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), town->latitude - 0.2, 1e-9);
  g_test_message ("%s", sb_entity_get_label (SB_ENTITY (place)));
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), !=, "Kidal");
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "22 km south of Kidal");
  /* One edit: undone whole. */
  g_assert_true (sb_document_undo (document));
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Kidal");
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), town->latitude, 1e-9);

  /* Dragged 65 km, beyond every town's reach: still named after the
   * nearest town (the hand-run's was named "17.497, 8.307").
   */
  g_assert_true (sb_document_apply (document, sb_cite_move (briefing, item, town->latitude + 0.42, town->longitude + 0.42), NULL));
  g_test_message ("%s", sb_entity_get_label (SB_ENTITY (place)));
  g_assert_true (g_str_has_suffix (sb_entity_get_label (SB_ENTITY (place)), " km north-east of Kidal"));
  g_assert_true (sb_document_undo (document));

  /* A small nudge at the town keeps its name. */
  g_assert_true (sb_document_apply (document, sb_cite_move (briefing, item, town->latitude + 0.005, town->longitude), NULL));
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Kidal");
  g_assert_true (sb_document_undo (document));

  /* A name the user gave stays wherever it goes. */
  {
    g_autoptr(SbText) name = sb_text_new ("en", "Camp of the 5th battalion");

    g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (place), SB_PLACE_FIELD_NAME, name), NULL));
    g_assert_true (sb_document_apply (document, sb_cite_move (briefing, item, town->latitude - 0.55, town->longitude), NULL));
    g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Camp of the 5th battalion");
  }
}

/* A press on the Cite button over a selection opens its menu and keeps
 * the selection: the text view under it took the press instead, cleared
 * the selection and opened nothing (the hand-run's mouse could not cite).
 */
static void
test_press_cite_button (void)
{
  SbWindow *window = create_window ();
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkGesture *press;
  GtkWidget *bubble;
  graphene_point_t point;

  show_source (window);
  view = sb_detail_pane_get_source_view (detail_pane (window));
  buffer = gtk_text_view_get_buffer (view);
  press = find_gesture (GTK_WIDGET (view), "sb-new-selection");
  bubble = sb_test_find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (bubble);

  /* Selected, then a key let go (as after Shift and the arrows): the
   * button shows under the selection.
   */
  select_passage (window, "Meer Russen worden nu ingevlogen");
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-released", GDK_KEY_Shift_L, 0, 0);
      }
  }
  sb_test_wait_until (is_mapped, bubble);
  sb_test_iterate_for (100);
  g_assert_true (gtk_widget_compute_point (bubble, GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (bubble) / 2.0,
                                                                 gtk_widget_get_height (bubble) / 2.0),
                                           &point));
  g_assert_true (gtk_widget_pick (GTK_WIDGET (view), point.x, point.y, GTK_PICK_DEFAULT) == bubble ||
                 gtk_widget_is_ancestor (gtk_widget_pick (GTK_WIDGET (view), point.x, point.y, GTK_PICK_DEFAULT), bubble));
  g_signal_emit_by_name (press, "pressed", 1, (double) point.x, (double) point.y);
  /* Asked to show at once (on a display shared with other tests, the
   * menu's grab may not come to be mapped).
   */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (bubble)))));
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));
  sb_test_screenshot ("cite-button-pressed");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The built-in base map only (sb_test_log_init() sees to it). */
  sb_test_log_init ();
  /* GTK 4.8 on X11 without a window manager now and then finds no
   * monitor under the context menu's anchor while placing it (it stopped
   * /citing/context-menu once under load); the test still waits for the
   * menu to show.
   */
  sb_test_log_let_monitor_lookup_pass ();

  g_test_add_func ("/citing/cite-selection", test_cite_selection);
  g_test_add_func ("/citing/corroborate", test_corroborate);
  g_test_add_func ("/citing/press-in-selection", test_press_in_selection);
  g_test_add_func ("/citing/press-cite-button", test_press_cite_button);
  g_test_add_func ("/citing/context-menu", test_context_menu);
  g_test_add_func ("/citing/highlight-follows-selection", test_highlight_follows_selection);
  g_test_add_func ("/citing/passage-chooser", test_passage_chooser);
  g_test_add_func ("/citing/add-source-dateline", test_add_source_dateline);
  g_test_add_func ("/citing/add-source-paste", test_add_source_paste);
  g_test_add_func ("/citing/add-source-tab-stops", test_add_source_tab_stops);
  g_test_add_func ("/citing/recognition", test_recognition);
  g_test_add_func ("/citing/movement-ends", test_movement_ends);
  g_test_add_func ("/citing/place-by-gazetteer", test_place_by_gazetteer);
  g_test_add_func ("/citing/place-unknown-town", test_place_unknown_town);
  g_test_add_func ("/citing/place-near-known-town", test_place_near_known_town);
  g_test_add_func ("/citing/place-by-click-and-drag", test_place_by_click_and_drag);
  g_test_add_func ("/citing/drag-pans-unless-held", test_drag_pans_unless_held);
  g_test_add_func ("/citing/place-by-click-near", test_place_by_click_near);
  g_test_add_func ("/citing/one-end-not-unplaced", test_one_end_not_unplaced);
  g_test_add_func ("/citing/draw-movement-and-area", test_draw_movement_and_area);

  g_test_add_func ("/citing/place-named-where-it-is", test_place_named_where_it_is);
  return g_test_run ();
}
