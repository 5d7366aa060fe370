/* test-details.c
 *
 * The sidebar's sources and the details beside the map: a source chosen
 * in the sidebar opens its text to cite from (not a card left open for
 * editing), Add Source is its last row, the list follows edits; another
 * entity's card starts at its top; the details keep their width whatever
 * they show, at 1920×1080 and 1024×768; the rows of a card shown before
 * change nothing; a briefing of thousands of sources lists them a few
 * hundred at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sb-add-source-dialog.h"
#include "sb-detail-pane.h"
#include "sb-edit-card.h"
#include "sb-sidebar.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* The sources in the sidebar: the way back to the article after an
 * actor's card, and to Add Source.
 */
static void
test_sidebar_sources (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GListModel *sources = sb_briefing_get_sources (briefing);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (sidebar, SB_TYPE_SIDEBAR, "source_list"));
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (pane, SB_TYPE_DETAIL_PANE, "source_view"));
  guint n_sources = g_list_model_get_n_items (sources);
  g_autoptr(SbSource) first = g_list_model_get_item (sources, 0);
  g_autofree char *heading = g_strdup_printf ("Sources (%u)", n_sources);
  g_autofree char *shown = NULL;
  g_autoptr(SbText) source_title = sb_text_new ("en", "Convoy reaches Ménaka");
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  GtkListBoxRow *row;

  g_assert_cmpuint (n_sources, >=, 1);
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpuint (count_rows (list), ==, n_sources + 1);
  g_assert_nonnull (sb_test_find_label (sidebar, heading));
  g_assert_nonnull (sb_test_find_label (list, sb_entity_get_label (SB_ENTITY (first))));

  /* From an actor's card being edited, back to the article in one
   * click: its text to read, not its card to edit.
   */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-entity", "s", "wagner-group");
  sb_test_iterate_for (100);
  sb_test_window_open_card (window, sb_briefing_lookup (briefing, "wagner-group"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_signal_emit_by_name (row, "activate");
  sb_test_iterate_for (100);
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (first));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, sb_source_get_text (first));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (view)));
  g_assert_null (sb_edit_card_get_entity (SB_EDIT_CARD (sb_test_find_widget (pane, SB_TYPE_EDIT_CARD))));

  /* Back in the list of actors, the actor's dossier left: the rows are
   * shown again (until then they passed only while the sidebar slid).
   */
  g_assert_true (sb_sidebar_go_back (SB_SIDEBAR (sidebar)));
  sb_test_iterate_for (400);

  /* The last row adds one. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_sources);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (row), "Add Source…"));
  g_signal_emit_by_name (row, "activate");
  sb_test_iterate_for (100);
  g_assert_nonnull (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));
  sb_test_close_dialogs ();

  /* An edit adding a source adds its row, and Undo takes it away. */
  g_assert_true (sb_document_apply (sb_window_get_document (window),
                                    sb_edit_new_add_source (briefing, source_title, "en"), &error));
  g_assert_no_error (error);
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, n_sources + 2);
  g_assert_nonnull (sb_test_find_label (list, "Convoy reaches Ménaka"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, n_sources + 1);

  /* A new briefing has none: the group is where to start. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-briefing", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (sb_test_find_label (sidebar, "Sources (0)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An event data set has a source for every few incidents: a hundred
 * thousand rows took gigabytes and a minute to make. The first 500 are
 * listed, then a row that lists 500 more, until all are.
 */
static gboolean
has_many_sources (gpointer window)
{
  return sb_test_window_has_document (window) &&
         g_list_model_get_n_items (sb_briefing_get_sources (sb_window_get_briefing (window))) > 1000;
}

static void
test_sidebar_many_sources (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"sahelbrief\", \"version\": 1, \"language\": \"en\", "
                                          "\"title\": \"Many sources\", \"sources\": [");
  g_autofree char *dir = g_dir_make_tmp ("test-details-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SbWindow *window;
  GtkWidget *sidebar, *list;
  GtkListBoxRow *more;
  g_autoptr(SbText) added_title = sb_text_new ("en", "Report added");
  guint n_sources = 1203;

  for (guint i = 0; i < n_sources; i++)
    g_string_append_printf (json, "%s{\"id\": \"source-%u\", \"title\": \"Report %u\", \"date\": \"2024-05\", \"language\": \"en\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  g_assert_no_error (error);

  /* Nothing in it is on the map: the window is not waited for to frame it. */
  window = sb_test_window_new (NULL, 0, 0);
  sb_window_open (window, file);
  sb_test_wait_until (has_many_sources, window);
  sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  list = GTK_WIDGET (gtk_widget_get_template_child (sidebar, SB_TYPE_SIDEBAR, "source_list"));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (sb_window_get_briefing (window))), ==, n_sources);
  g_assert_nonnull (sb_test_find_label (sidebar, "Sources (1203)"));

  /* 500 sources, the row listing more, Add Source. */
  g_assert_cmpuint (count_rows (list), ==, 502);
  g_assert_nonnull (sb_test_find_label (list, "Report 499"));
  g_assert_null (sb_test_find_label (list, "Report 500"));
  more = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 500);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (more), "Show 703 More Sources"));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 501)),
                                        "Add Source…"));

  /* A source added goes last, among those not listed yet; Undo takes it away. */
  g_assert_true (sb_document_apply (sb_window_get_document (window),
                                    sb_edit_new_add_source (sb_window_get_briefing (window), added_title, "en"), &error));
  g_assert_no_error (error);
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, 502);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (more), "Show 704 More Sources"));
  g_assert_nonnull (sb_test_find_label (sidebar, "Sources (1204)"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, 502);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (more), "Show 703 More Sources"));

  g_signal_emit_by_name (more, "activate");
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, 1002);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 500)),
                                        "Report 500"));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (more), "Show 203 More Sources"));

  /* The last: every source listed, no row for more. */
  g_signal_emit_by_name (more, "activate");
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, n_sources + 1);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_sources - 1)),
                                        "Report 1202"));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_sources)),
                                        "Add Source…"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* An edit of one source changes its row only: the other rows, and the
 * one edited, stay the widgets they were (focus and scroll stay).
 */
static void
test_sidebar_source_rows_kept (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbDocument *document = sb_window_get_document (window);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GListModel *sources = sb_briefing_get_sources (briefing);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (sidebar, SB_TYPE_SIDEBAR, "source_list"));
  g_autoptr(SbSource) first = g_list_model_get_item (sources, 0);
  g_autoptr(SbText) title = sb_text_new ("nl", "Leger vertrekt uit Téra");
  g_autoptr(SbText) second_title = sb_text_new ("en", "Attack near Gotheye");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  GtkListBoxRow *add_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), g_list_model_get_n_items (sources));
  guint n_rows = count_rows (list);
  g_autofree char *heading = NULL;
  SbEdit *edit;

  g_assert_true (sb_document_apply (document, sb_edit_new_set_text (SB_ENTITY (first), SB_SOURCE_FIELD_TITLE, title), NULL));
  sb_test_iterate_for (50);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == row);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_rows - 1) == add_row);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (row), sb_entity_get_label (SB_ENTITY (first))));
  g_assert_cmpuint (count_rows (list), ==, n_rows);

  /* One added: a row of its own before Add Source, the rest as they were. */
  edit = sb_edit_new_add_source (briefing, second_title, "en");
  g_assert_true (sb_document_apply (document, edit, NULL));
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, n_rows + 1);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == row);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_rows) == add_row);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_rows - 1)),
                                        "Attack near Gotheye"));
  heading = g_strdup_printf ("Sources (%u)", n_rows);
  g_assert_nonnull (sb_test_find_label (sidebar, heading));

  /* Undone: its row goes, the others stay. */
  g_assert_true (sb_document_undo (document));
  sb_test_iterate_for (50);
  g_assert_cmpuint (count_rows (list), ==, n_rows);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == row);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_rows - 1) == add_row);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
scrolled_to_40 (gpointer adjustment)
{
  return gtk_adjustment_get_value (adjustment) == 40;
}

/* Another card starts at its top: a new actor's name field is in view,
 * not the figures the last card was scrolled to.
 */
static void
test_card_starts_at_top (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (pane, SB_TYPE_DETAIL_PANE, "card_scroller"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_autoptr(SbText) name = NULL;
  SbEntity *actor;

  sb_test_window_open_card (window, sb_briefing_lookup (briefing, "wagner-group"));
  sb_test_iterate_for (200);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sb_test_iterate_for (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);
  sb_test_iterate_for (200);
  actor = sb_selection_get_selected (sb_window_get_selection (window));
  g_assert_true (SB_IS_ACTOR (actor));
  g_assert_false (g_str_equal (sb_entity_get_id (actor), "wagner-group"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* The same card, edited, keeps its place. */
  gtk_adjustment_set_value (adjustment, 40);
  name = sb_text_new ("en", "Katiba Macina");
  g_assert_true (sb_document_apply (sb_window_get_document (window), sb_edit_new_set_text (actor, SB_ACTOR_FIELD_NAME, name),
                                    NULL));
  /* (its rows made anew, it is put back in the next frame, which a
   * loaded machine may draw late) */
  sb_test_wait_until (scrolled_to_40, adjustment);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 40);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The details keep their width whatever they show: a long name, a
 * source, a card read or edited, in a wide and a narrow window.
 */
static void
test_pane_width (void)
{
  const struct { int width, height, pane; } sizes[] = { { 1920, 1080, 420 }, { 1024, 768, 340 } };
  const char *ids[] = { "wagner-group", "france-commandos-border", "gao-airport", "burkina-faso-civilian-government",
                        "russians-flown-in-wagner", "ivorian-soldiers-arrested", "jihadist-hold-north-centre",
                        "wagner-group" };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      SbWindow *window = sb_test_window_new (NULL, sizes[s].width, sizes[s].height);
      SbBriefing *briefing = sb_window_get_briefing (window);
      GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
      GListModel *sources = sb_briefing_get_sources (briefing);

      for (guint i = 0; i < G_N_ELEMENTS (ids) + g_list_model_get_n_items (sources); i++)
        for (guint editing = 0; editing < 2; editing++)
          {
            g_autoptr(SbEntity) entity = NULL;

            entity = i < G_N_ELEMENTS (ids) ? g_object_ref (sb_briefing_lookup (briefing, ids[i]))
                                            : g_list_model_get_item (sources, i - G_N_ELEMENTS (ids));
            sb_selection_select (sb_window_get_selection (window), entity);
            sb_detail_pane_set_editing (SB_DETAIL_PANE (pane), editing);
            sb_test_iterate_for (150);
            g_test_message ("%d×%d, %s%s: %d", sizes[s].width, sizes[s].height, sb_entity_get_id (entity),
                            editing ? " edited" : "", gtk_widget_get_width (pane));
            g_assert_cmpint (gtk_widget_get_width (pane), ==, sizes[s].pane);
          }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* A row of the card shown before says its focus left, or its entry was
 * activated, after the card went on to a statement: that changes
 * nothing, neither the actor it was for nor the statement now shown.
 */
static void
test_old_rows_change_nothing (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  SbEntity *actor = sb_briefing_lookup (briefing, "wagner-group");
  SbEntity *statement = sb_briefing_lookup (briefing, "russians-flown-in-wagner");
  g_autofree char *actor_name = g_strdup (sb_entity_get_label (actor));
  g_autofree char *statement_title = g_strdup (sb_entity_get_label (statement));
  g_autoptr(GtkWidget) old_row = NULL;

  sb_test_window_open_card (window, actor);
  old_row = g_object_ref (sb_test_find_row (pane, ADW_TYPE_ENTRY_ROW, "Name (English)"));
  g_assert_nonnull (old_row);

  sb_test_window_open_card (window, statement);
  g_assert_null (gtk_widget_get_parent (old_row));
  gtk_editable_set_text (GTK_EDITABLE (old_row), "Renamed too late");
  g_signal_emit_by_name (old_row, "entry-activated");
  sb_test_iterate_for (50);

  g_assert_cmpstr (sb_entity_get_label (actor), ==, actor_name);
  g_assert_cmpstr (sb_entity_get_label (statement), ==, statement_title);
  g_assert_false (sb_document_can_undo (sb_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/details/sidebar-sources", test_sidebar_sources);
  g_test_add_func ("/details/sidebar-source-rows-kept", test_sidebar_source_rows_kept);
  g_test_add_func ("/details/sidebar-many-sources", test_sidebar_many_sources);
  g_test_add_func ("/details/card-starts-at-top", test_card_starts_at_top);
  g_test_add_func ("/details/pane-width", test_pane_width);
  g_test_add_func ("/details/old-rows-change-nothing", test_old_rows_change_nothing);

  return g_test_run ();
}
