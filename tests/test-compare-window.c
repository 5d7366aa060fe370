/* test-compare-window.c
 *
 * Comparing in the window: with the last saved version and the backup
 * after edits saved and not; the Changes list, the marks on the map and
 * the legend; choosing a change selects it and the detail pane shows
 * before and after; what was removed is shown but cannot be edited;
 * editing while comparing compares again; a newer ACLED export imported
 * over the first shows new, revised and withdrawn events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb-change-layer.h"
#include "sb-change-view.h"
#include "sb-changes-pane.h"
#include "sb-detail-pane.h"
#include "sb-legend.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"

static gboolean
is_saved (gpointer data)
{
  return !sb_document_get_modified (sb_window_get_document (data));
}

typedef struct
{
  SbChangesPane *pane;
  SbComparison *seen;      /* (unowned) the comparison before */
} Waiting;

static gboolean
has_new_comparison (gpointer data)
{
  Waiting *waiting = data;
  SbComparison *comparison = sb_changes_pane_get_comparison (waiting->pane);

  return comparison != NULL && comparison != waiting->seen;
}

/* Shown or not: the legend may be folded. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
pane_is_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_ancestor (data, GTK_TYPE_REVEALER)));
}

static SbComparison *
compare (SbWindow   *window,
         const char *action)
{
  SbChangesPane *pane = SB_CHANGES_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE));
  Waiting waiting = { pane, sb_changes_pane_get_comparison (pane) };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  sb_test_wait_until (has_new_comparison, &waiting);
  sb_test_wait_until (pane_is_revealed, pane);

  return sb_changes_pane_get_comparison (pane);
}

static guint
find_position (SbComparison *comparison,
               const char   *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_autoptr(SbChange) change = g_list_model_get_item (G_LIST_MODEL (comparison), i);

      if (g_str_equal (sb_change_get_id (change), id))
        return i;
    }

  g_assert_not_reached ();
}

/* As a click on the row does. */
static void
choose (SbWindow     *window,
        SbComparison *comparison,
        const char   *id)
{
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE);
  GtkWidget *list = sb_test_find_widget (pane, GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", find_position (comparison, id));
  sb_test_iterate_for (100);
}

/* The card is made anew when the selection changes: on a loaded machine, later. */
static gboolean
shows_before (gpointer view)
{
  return gtk_widget_is_visible (view) && sb_test_find_label (view, "Before") != NULL;
}

static void
shots_pause (void)
{
  const char *pause = g_getenv ("SB_TEST_PAUSE_MS");

  if (pause != NULL)
    sb_test_iterate_for (atoi (pause));
}

/* A toggle button that is drawn: visible, and its ancestors too. */
static gboolean
shows_toggle_button (GtkWidget *root)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_is_visible (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_toggle_button (child))
      return TRUE;

  return FALSE;
}

static void
test_compare_saved_and_backup (void)
{
  g_autoptr(GFile) file = sb_test_copy_default ("mali.sahelbrief");
  SbWindow *window = sb_test_window_new (file, 0, 0);
  SbDocument *document = sb_window_get_document (window);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbSelection *selection = sb_window_get_selection (window);
  SbEntity *coup = sb_briefing_lookup (briefing, "mali-coup-2020");
  SbEntity *place = sb_briefing_lookup (briefing, "gao-airport");
  SbDetailPane *detail = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbChangeView *view = SB_CHANGE_VIEW (sb_test_find_widget (GTK_WIDGET (detail), SB_TYPE_CHANGE_VIEW));
  SbChangeLayer *layer;
  GtkWidget *revealer;
  SbComparison *comparison;
  g_autoptr(SbEntity) removed = NULL;
  const char *removed_id;
  SbChange *change;

  g_assert_nonnull (coup);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (view)));

  /* Saved: one incident less, the backup keeps it. */
  removed = g_object_ref (coup);
  removed_id = sb_entity_get_id (removed);
  g_assert_true (sb_document_apply (document, sb_edit_new_remove_with_references (briefing, coup), NULL));
  sb_window_save (window);
  sb_test_wait_until (is_saved, window);

  /* Not saved: Gao airport moved. */
  g_assert_true (sb_document_apply (document, sb_edit_new_set_position (SB_PLACE (place), 16.30, -0.01), NULL));

  comparison = compare (window, "win.compare-saved");
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_REMOVED, SB_TYPE_ITEM), ==, 0);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_CHANGED, SB_TYPE_ITEM), >, 0);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_ADDED, SB_TYPE_ENTITY), ==, 0);
  revealer = gtk_widget_get_ancestor (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (window), "Since the last saved version"));

  layer = SB_CHANGE_LAYER (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGE_LAYER));
  g_assert_nonnull (layer);
  g_assert_true (sb_change_layer_get_comparison (layer) == comparison);
  gtk_expander_set_expanded (GTK_EXPANDER (sb_test_find_widget (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_LEGEND),
                                                                GTK_TYPE_EXPANDER)), TRUE);
  g_assert_true (has_label (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_LEGEND),
                            "Changes since the version compared with"));

  /* Choosing a change: selected, before and after on its card. */
  change = NULL;
  for (guint i = 0; change == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_autoptr(SbChange) candidate = g_list_model_get_item (G_LIST_MODEL (comparison), i);

      if (sb_change_has_field (candidate, SB_ITEM_FIELD_PLACE))
        change = candidate;
    }
  g_assert_nonnull (change);
  choose (window, comparison, sb_change_get_id (change));
  g_assert_true (sb_selection_get_selected (selection) == sb_change_get_after (change));
  sb_test_wait_until (shows_before, view);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (view), "Place"));

  /* Against the backup: the incident removed too, shown as it was, not editable. */
  comparison = compare (window, "win.compare-backup");
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_REMOVED, SB_TYPE_ITEM), ==, 1);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (window), "Since “mali.sahelbrief~”"));
  choose (window, comparison, removed_id);
  g_assert_cmpstr (sb_entity_get_id (sb_selection_get_selected (selection)), ==, removed_id);
  g_assert_null (sb_briefing_lookup (briefing, removed_id));
  /* Neither Edit nor Place (a menu button, a toggle inside). */
  g_assert_false (shows_toggle_button (GTK_WIDGET (detail)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (view)));
  shots_pause ();

  /* Edited while comparing: compared again. */
  {
    SbChangesPane *pane = SB_CHANGES_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE));
    Waiting waiting = { pane, comparison };
    g_autoptr(SbEdit) add = sb_edit_new_add_item (briefing, SB_ITEM_KIND_INCIDENT, NULL, SB_CERTAINTY_REPORTED);

    g_assert_true (sb_document_apply (document, sb_edit_ref (add), NULL));
    sb_test_wait_until (has_new_comparison, &waiting);
    comparison = sb_changes_pane_get_comparison (pane);
    g_assert_cmpint (sb_change_get_kind (sb_comparison_lookup (comparison, sb_entity_get_id (sb_edit_get_entity (add)))),
                     ==, SB_CHANGE_ADDED);
  }

  /* Stopped: nothing marked, the pane closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-stop", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_null (sb_change_layer_get_comparison (layer));
  g_assert_false (has_label (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_LEGEND),
                             "Changes since the version compared with"));
  sb_selection_select (selection, place);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (view)));

  sb_document_mark_saved (document, sb_document_get_revision (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A backup that is not there yet is said so. */
static void
test_no_backup (void)
{
  g_autoptr(GFile) file = sb_test_copy_default ("fresh.sahelbrief");
  SbWindow *window = sb_test_window_new (file, 0, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-backup", NULL));
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (sb_test_find_dialog ()), "Could Not Compare"));
  sb_test_close_dialogs ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
    sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE), GTK_TYPE_REVEALER))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
compared_with_newer (gpointer data)
{
  SbWindow *window = data;
  SbChangesPane *pane = SB_CHANGES_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE));
  SbComparison *comparison = sb_changes_pane_get_comparison (pane);

  return !sb_window_is_loading (window) && comparison != NULL &&
         sb_briefing_lookup (sb_window_get_briefing (window), "acled-mli27008") != NULL;
}

static void
test_newer_acled_export (void)
{
  g_autofree char *before_path = g_build_filename (IMPORT_DATA_DIR, "acled-update-before.csv", NULL);
  g_autofree char *after_path = g_build_filename (IMPORT_DATA_DIR, "acled-update-after.csv", NULL);
  g_autoptr(GFile) before = g_file_new_for_path (before_path);
  g_autoptr(GFile) after = g_file_new_for_path (after_path);
  SbWindow *window = sb_window_new (NULL, NULL);
  SbChangesPane *pane;
  SbComparison *comparison;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  sb_window_import (window, before, SB_IMPORT_FORMAT_ACLED, NULL);
  sb_test_wait_until (sb_test_window_has_document, window);

  sb_window_import_newer (window, after);
  sb_test_wait_until (compared_with_newer, window);
  pane = SB_CHANGES_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_CHANGES_PANE));
  comparison = sb_changes_pane_get_comparison (pane);
  sb_test_wait_until (pane_is_revealed, pane);

  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_ADDED, SB_TYPE_ITEM), ==, 1);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_CHANGED, SB_TYPE_ITEM), ==, 2);
  g_assert_cmpuint (sb_comparison_count (comparison, SB_CHANGE_REMOVED, SB_TYPE_ITEM), ==, 1);
  g_assert_cmpuint (sb_comparison_count_revised (comparison), ==, 2);
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (pane), "Since “acled-update-before.csv”"));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (pane), "Revised by the publisher: dates, figures and text"));
  shots_pause ();

  /* A step of what changed, last in the presentation, as one edit. */
  {
    GListModel *steps = sb_briefing_get_steps (sb_window_get_briefing (window));
    guint n_steps = g_list_model_get_n_items (steps);
    g_autoptr(SbStep) step = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-changes-step", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps + 1);
    step = g_list_model_get_item (steps, n_steps);
    g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, 3);
    g_assert_true (g_str_has_prefix (sb_text_get (sb_step_get_caption (step)), "1 new incident, 2 revised, 1 withdrawn"));
    g_assert_true (sb_document_can_undo (sb_window_get_document (window)));
    sb_document_mark_saved (sb_window_get_document (window), sb_document_get_revision (sb_window_get_document (window)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/compare-window/saved-and-backup", test_compare_saved_and_backup);
  g_test_add_func ("/compare-window/no-backup", test_no_backup);
  g_test_add_func ("/compare-window/newer-acled-export", test_newer_acled_export);

  return g_test_run ();
}
