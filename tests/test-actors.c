/* test-actors.c
 *
 * Actors and steps made in the window, as a person would: an actor's
 * card (renamed with Enter, a colour hard to see on the map with the
 * colour suggested instead, two actors merged after the question which
 * stays, an actor removed after being told what refers to it), each
 * undone to the exact file; the Steps panel (F8) adding a step from what
 * the map shows, its caption typed, reordered with Alt+arrows and by
 * dragging, removed with Delete and undone, and presenting from the step
 * chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sb-briefing-private.h"
#include "sb-detail-pane.h"
#include "sb-edit-card.h"
#include "sb-relation.h"
#include "sb-format.h"
#include "sb-enums.h"
#include "sb-framing.h"
#include "sb-map-contrast.h"
#include "sb-presentation-window.h"
#include "sb-presenter.h"
#include "sb-dossier-view.h"
#include "sb-source-citer.h"
#include "sb-steps-panel.h"
#include "sb-window.h"
#include "sb-writer.h"
#include "sb-test-util.h"
#include "sb-test-window.h"

static char *
write_out (SbWindow *window)
{
  return sb_writer_to_data (sb_window_get_briefing (window), NULL);
}

/* The focus is in the card's name row, which a pane sliding in shows (and
 * so lets take the focus) a few frames later.
 */
static gboolean
focus_in_name_row (gpointer data)
{
  GtkWidget *card = data;
  GtkWidget *row = sb_test_find_row (card, ADW_TYPE_ENTRY_ROW, "Name (Dutch)");
  GtkRoot *root = gtk_widget_get_root (card);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return row != NULL && focus != NULL && gtk_widget_is_ancestor (focus, row);
}

static SbEditCard *
open_card (SbWindow *window,
           SbEntity *entity)
{
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbEditCard *card = SB_EDIT_CARD (sb_test_find_widget (GTK_WIDGET (pane), SB_TYPE_EDIT_CARD));

  sb_selection_select (sb_window_get_selection (window), entity);
  if (sb_edit_card_get_entity (card) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL);   /* Ctrl+E */
  sb_test_iterate_for (100);
  g_assert_true (sb_edit_card_get_entity (card) == entity);

  return card;
}

static void
undo (SbWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);   /* Ctrl+Z */
  sb_test_iterate_for (50);
}

static void
test_actor_card (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbDocument *document = sb_window_get_document (window);
  SbActor *wagner = SB_ACTOR (sb_briefing_lookup (briefing, "wagner-group"));
  g_autofree char *original = write_out (window);
  g_autofree char *undone = NULL;
  SbEditCard *card = open_card (window, SB_ENTITY (wagner));
  GtkWidget *row, *colour_button, *warning, *use;
  GdkRGBA pale = { 0.98f, 0.94f, 0.70f, 1.0f };
  guint32 suggested;

  /* A name in each of the briefing's languages; Enter applies one. */
  g_assert_nonnull (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Name (Dutch)"));
  g_assert_nonnull (sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Name (French)"));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Name (English)");
  g_assert_nonnull (row);
  sb_test_type_and_enter (row, "Wagner Group (PMC)");
  g_assert_cmpstr (sb_text_get_for_language (sb_actor_get_name (wagner), "en"), ==, "Wagner Group (PMC)");
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Rename “Wagner group”");

  /* Other names, separated by commas. */
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Other names, separated by commas");
  sb_test_type_and_enter (row, "PMC Wagner, , Africa Corps ");
  g_assert_cmpuint (g_strv_length ((char **) sb_actor_get_aliases (wagner)), ==, 2);
  g_assert_cmpstr (sb_actor_get_aliases (wagner)[1], ==, "Africa Corps");

  /* A pale yellow is hard to see on the land: the card says so and offers
   * a colour near it that is not.
   */
  colour_button = sb_test_find_widget (GTK_WIDGET (card), GTK_TYPE_COLOR_BUTTON);
  row = gtk_widget_get_ancestor (colour_button, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Colour on the map");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (colour_button), &pale);
  g_signal_emit_by_name (colour_button, "color-set");
  sb_test_iterate_for (100);
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Change Colour of “Wagner Group (PMC)”");
  g_assert_false (sb_map_colour_check (sb_actor_get_colour (wagner), FALSE, NULL, NULL));

  {
    g_autofree char *expected = NULL;

    g_assert_false (sb_map_colour_check (sb_actor_get_colour (wagner), FALSE, NULL, &suggested));
    g_assert_true (sb_map_colour_check (suggested, FALSE, NULL, NULL));
    expected = g_strdup_printf ("Use a Darker Shade (#%06X)", suggested);
    use = sb_test_find_button (GTK_WIDGET (card), expected);
  }
  g_assert_nonnull (use);
  warning = gtk_widget_get_ancestor (use, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (warning)), ==, "Hard to see on the map");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (warning)), "A contrast of 1."));
  g_signal_emit_by_name (use, "clicked");
  sb_test_iterate_for (100);
  g_assert_cmphex (sb_actor_get_colour (wagner), ==, suggested);
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Change Colour of “Wagner Group (PMC)”");

  /* One more passage for a figure, chosen among those the briefing cites. */
  card = open_card (window, SB_ENTITY (wagner));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Add a Passage the Briefing Cites");
  g_assert_nonnull (row);
  {
    /* The card is made anew when the figures change: the choices stay. */
    g_autoptr(GPtrArray) choices = g_ptr_array_ref (g_object_get_data (G_OBJECT (row), "choices"));
    SbFigure *figure = g_ptr_array_index (sb_actor_get_figures (wagner), 0);
    guint n_citations = figure->evidence.citations ? figure->evidence.citations->len : 0;
    guint other = GTK_INVALID_LIST_POSITION;

    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
    for (guint i = 0; i < choices->len && other == GTK_INVALID_LIST_POSITION; i++)
      {
        gboolean cited = FALSE;

        for (guint k = 0; k < n_citations; k++)
          cited |= sb_citation_equal (g_ptr_array_index (figure->evidence.citations, k),
                                      g_ptr_array_index (choices, i));
        if (!cited)
          other = i + 1;
      }
    g_assert_cmpuint (other, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), other);
    sb_test_iterate_for (50);
    figure = g_ptr_array_index (sb_actor_get_figures (wagner), 0);
    g_assert_cmpuint (figure->evidence.citations->len, ==, n_citations + 1);
    g_assert_true (sb_citation_equal (g_ptr_array_index (figure->evidence.citations, n_citations),
                                      g_ptr_array_index (choices, other - 1)));
    g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Change Figures of “Wagner Group (PMC)”");
  }

  /* Every edit undone: the file as it was, byte for byte. */
  while (sb_document_can_undo (document))
    undo (window);
  undone = write_out (window);
  g_assert_cmpstr (undone, ==, original);
  g_assert_false (sb_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_actor (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbDocument *document = sb_window_get_document (window);
  GListModel *actors = sb_briefing_get_actors (briefing);
  guint n_actors = g_list_model_get_n_items (actors);
  g_autoptr(SbActor) added = NULL;
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbEditCard *card = SB_EDIT_CARD (sb_test_find_widget (GTK_WIDGET (pane), SB_TYPE_EDIT_CARD));
  GtkWidget *row;

  /* Add Actor, from the menu: selected, its card open at its name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);
  sb_test_iterate_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors + 1);
  added = g_list_model_get_item (actors, n_actors);
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (added));
  g_assert_true (sb_edit_card_get_entity (card) == SB_ENTITY (added));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Add Actor");
  sb_test_wait_until (focus_in_name_row, card);
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ENTRY_ROW, "Name (Dutch)");
  sb_test_type_and_enter (row, "Wagner-groep (Rusland)");
  g_assert_cmpstr (sb_text_get_for_language (sb_actor_get_name (added), "nl"), ==, "Wagner-groep (Rusland)");

  while (sb_document_can_undo (document))
    undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors);
  g_assert_false (sb_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether Cite's menu offers @action (with any target). */
static gboolean
cite_menu_offers (SbDetailPane *pane,
                  const char   *action)
{
  GMenuModel *menu = sb_source_citer_get_menu (sb_detail_pane_get_citer (pane));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
view_is_drawable (gpointer view)
{
  return gtk_widget_is_drawable (view);
}

static gboolean
label_shown (gpointer data)
{
  SbWindow *window = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  GtkWidget *label = sb_test_find_label (GTK_WIDGET (window), text);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Cite ▸ Add to “Wagner group”, with a statement chosen: the passage is
 * one more citation of the actor, the statement stays chosen, and a toast
 * says so, its button showing the actor's dossier (the hand-run saw
 * nothing happen but the count of problems).
 */
static void
test_add_to_actor_says_so (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbSelection *selection = sb_window_get_selection (window);
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  GtkTextView *view = sb_detail_pane_get_source_view (pane);
  SbActor *wagner = SB_ACTOR (sb_briefing_lookup (briefing, "wagner-group"));
  SbEntity *statement = sb_briefing_lookup (briefing, "wagner-mali");
  const char *said = "Passage added to “Wagner group”";
  GtkWidget *button;
  guint before = sb_actor_get_citations (wagner) ? sb_actor_get_citations (wagner)->len : 0;

  sb_selection_select (selection, statement);
  sb_test_wait_until (view_is_drawable, view);
  sb_test_select_text (view, "het Russische huurlingenbedrijf Wagner");
  sb_test_iterate_for (50);
  g_assert_true (cite_menu_offers (pane, "cite.add-to"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "cite.add-to", "s", "wagner-group"));
  g_assert_cmpuint (sb_actor_get_citations (wagner)->len, ==, before + 1);
  g_assert_true (sb_selection_get_selected (selection) == statement);
  sb_test_wait_until (label_shown, (gpointer[]) { window, (gpointer) said });

  /* Its button shows the actor. */
  button = gtk_widget_get_ancestor (sb_test_find_label (GTK_WIDGET (window), said), ADW_TYPE_TOAST_OVERLAY);
  button = sb_test_find_button (button, "_Show Actor");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sb_test_iterate_for (50);
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (wagner));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dossier_shows_target (gpointer data)
{
  GtkWidget *dossier = ((gpointer *) data)[0];
  GtkWidget *row = sb_test_find_row (dossier, ADW_TYPE_ACTION_ROW, ((gpointer *) data)[1]);

  return row != NULL && gtk_widget_get_mapped (row) &&
         g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Target · ");
}

/* Whether @row, a combo row, offers @label. */
static gboolean
offers (GtkWidget  *row,
        const char *label)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (labels, i);

      if (g_str_equal (gtk_string_object_get_string (choice), label))
        return TRUE;
    }
  return FALSE;
}

/* One actor took over from another (Africa Corps from Wagner): the
 * relation is "succeeds" in the file, "Took over from" on its card and
 * "Succeeded by" from the other side; an actor's card offers it.
 */
static void
test_relation_succeeds (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  g_autoptr(SbActor) actor = g_list_model_get_item (sb_briefing_get_actors (briefing), 0);
  g_autoptr(GEnumClass) types = g_type_class_ref (SB_TYPE_RELATION_TYPE);
  GEnumValue *succeeds = g_enum_get_value_by_nick (types, "succeeds");
  SbRelation *relation = sb_relation_new ();
  SbRelationEnd end = { relation, FALSE };
  SbEditCard *card;
  GtkWidget *row;

  g_assert_nonnull (succeeds);
  relation->type = succeeds->value;
  g_assert_false (sb_relation_type_is_symmetric (relation->type));
  g_assert_cmpstr (sb_format_relation_end (&end), ==, "Took over from");
  end.inverse = TRUE;
  g_assert_cmpstr (sb_format_relation_end (&end), ==, "Succeeded by");
  sb_relation_free (relation);

  card = sb_test_window_open_card (window, SB_ENTITY (actor));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Add a Relation");
  g_assert_nonnull (row);
  g_assert_true (offers (row, "Took over from"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new actor's kind is a default until chosen, and its card says so. */
static gboolean
kind_row_says_default (gpointer window)
{
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  GtkWidget *row = sb_test_find_row (pane, ADW_TYPE_COMBO_ROW, "Kind");

  return row != NULL && gtk_widget_get_mapped (row) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "What a new actor starts as: choose what it is") == 0;
}

static void
test_new_actor_kind (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);
  SbEditCard *card = SB_EDIT_CARD (sb_test_find_widget (pane, SB_TYPE_EDIT_CARD));
  GtkWidget *row;
  SbActor *actor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);
  sb_test_wait_until (kind_row_says_default, window);
  actor = SB_ACTOR (sb_edit_card_get_entity (card));
  g_assert_cmpint (sb_actor_get_kind (actor), ==, SB_ACTOR_KIND_ARMED_GROUP);

  /* Chosen: said no more. */
  row = sb_test_find_row (pane, ADW_TYPE_COMBO_ROW, "Kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), SB_ACTOR_KIND_GOVERNMENT);
  sb_test_iterate_for (100);
  g_assert_cmpint (sb_actor_get_kind (actor), ==, SB_ACTOR_KIND_GOVERNMENT);
  row = sb_test_find_row (pane, ADW_TYPE_COMBO_ROW, "Kind");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An incident's card names the side attacked: Add Target chooses it
 * among the actors not in the incident, it is listed as "Target" and can
 * be taken out; the actor's dossier lists the incident as its target.
 */
static void
test_incident_target (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbItem *attacks = SB_ITEM (sb_briefing_lookup (briefing, "attacks-togo"));
  SbActor *jihadists = SB_ACTOR (sb_briefing_lookup (briefing, "is-linked-groups"));
  SbEditCard *card = sb_test_window_open_card (window, SB_ENTITY (attacks));
  GtkWidget *add, *row, *dossier;
  GListModel *labels;
  guint position = 0;

  g_assert_nonnull (attacks);
  add = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Add Target");
  g_assert_nonnull (add);
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (add));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

      if (g_str_equal (gtk_string_object_get_string (label), sb_entity_get_label (SB_ENTITY (jihadists))))
        position = i;
    }
  g_assert_cmpuint (position, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (add), position);
  sb_test_iterate_for (100);
  g_assert_true (sb_item_targets_actor (attacks, jihadists));
  g_assert_false (sb_item_involves_actor (attacks, jihadists));
  g_assert_true (g_str_has_prefix (sb_document_get_undo_label (sb_window_get_document (window)), "Undo Change Targets of “"));

  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, sb_entity_get_label (SB_ENTITY (jihadists)));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Target");

  /* The actor's dossier: the incident, as its target. */
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (jihadists));
  dossier = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DOSSIER_VIEW);
  sb_test_wait_until (dossier_shows_target, (gpointer[]) { dossier, (gpointer) sb_entity_get_label (SB_ENTITY (attacks)) });

  /* The incident's details, read, say it too. */
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (attacks));
  sb_test_iterate_for (100);
  {
    GtkWidget *pane = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE);

    sb_detail_pane_set_editing (SB_DETAIL_PANE (pane), FALSE);
    sb_test_iterate_for (100);
    g_assert_nonnull (sb_test_find_label (pane, "Target"));
    g_assert_nonnull (sb_test_find_label (pane, sb_entity_get_label (SB_ENTITY (jihadists))));
  }

  /* Taken out again. */
  card = sb_test_window_open_card (window, SB_ENTITY (attacks));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, sb_entity_get_label (SB_ENTITY (jihadists)));
  g_signal_emit_by_name (sb_test_find_widget (row, GTK_TYPE_BUTTON), "clicked");
  sb_test_iterate_for (100);
  g_assert_false (sb_item_targets_actor (attacks, jihadists));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An actor and its relations are statements: each cites a passage, and
 * the window lets one be cited for them before they cite any (the hand-run
 * could make no briefing that passed --check: its actors cited nothing).
 */
static void
test_cite_actor_and_relation (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbDocument *document = sb_window_get_document (window);
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  GtkTextView *view = sb_detail_pane_get_source_view (pane);
  GListModel *actors = sb_briefing_get_actors (briefing);
  g_autoptr(SbActor) wagner = SB_ACTOR (g_object_ref (sb_briefing_lookup (briefing, "wagner-group")));
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);
  g_autoptr(SbActor) added = NULL;
  SbRelation *relation;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);
  sb_test_iterate_for (200);
  added = g_list_model_get_item (actors, g_list_model_get_n_items (actors) - 1);
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (added));
  g_assert_true (sb_actor_get_citations (added) == NULL || sb_actor_get_citations (added)->len == 0);

  relation = sb_relation_new ();
  relation->type = SB_RELATION_TYPE_FIGHTS;
  relation->target = wagner;
  relation->evidence.certainty = SB_CERTAINTY_REPORTED;
  relation->evidence.citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  g_ptr_array_add (relations, relation);
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (SB_ENTITY (added), SB_ACTOR_FIELD_RELATIONS, relations), NULL));
  sb_test_iterate_for (100);

  /* Citing nothing yet, it still shows a source to cite from (once the
   * pane has slid in). */
  sb_test_wait_until (view_is_drawable, view);
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)), >, 1000);

  sb_test_select_text (view, "De Fransen hebben met circa 5500 commando’s");
  sb_test_iterate_for (50);
  g_assert_true (cite_menu_offers (pane, "cite.add"));
  g_assert_true (cite_menu_offers (pane, "cite.add-relation"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "cite.add-relation", "u", 0));
  sb_test_iterate_for (50);
  relation = g_ptr_array_index (sb_actor_get_relations (added), 0);
  g_assert_nonnull (relation->evidence.citations);
  g_assert_cmpuint (relation->evidence.citations->len, ==, 1);
  g_assert_true (sb_selection_get_selected (sb_window_get_selection (window)) == SB_ENTITY (added));

  sb_test_select_text (view, "De Fransen hebben met circa 5500 commando’s");
  sb_test_iterate_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "cite.add", NULL));
  sb_test_iterate_for (50);
  g_assert_cmpuint (sb_actor_get_citations (added)->len, ==, 1);
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Add Citation to “New actor”");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_expanders (GtkWidget *widget,
                   GPtrArray *expanders)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child))
        g_ptr_array_add (expanders, child);
      collect_expanders (child, expanders);
    }
}

/* An edit that makes the card's rows anew (a relation's type chosen)
 * leaves the card as the user had it: scrolled where it was, the row
 * opened still open (the hand-run's card jumped to its top).
 */
static void
test_card_keeps_place (void)
{
  SbWindow *window = sb_test_window_new (NULL, 1024, 768);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbActor *france = SB_ACTOR (sb_briefing_lookup (briefing, "france"));
  SbEditCard *card = open_card (window, SB_ENTITY (france));
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  SbRelation *relation = g_ptr_array_index (sb_actor_get_relations (france), 0);
  SbRelationType type = relation->type;
  GtkWidget *expander = NULL;
  GtkWidget *row;
  double before;
  guint index = 0;

  sb_test_iterate_for (200);
  collect_expanders (GTK_WIDGET (card), expanders);
  for (guint i = 0; i < expanders->len && expander == NULL; i++)
    if (strstr (adw_preferences_row_get_title (g_ptr_array_index (expanders, i)),
                sb_entity_get_label (SB_ENTITY (relation->target))) != NULL)
      {
        expander = g_ptr_array_index (expanders, i);
        index = i;
      }
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  sb_test_iterate_for (200);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 200);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 2);
  sb_test_iterate_for (100);
  before = gtk_adjustment_get_value (adjustment);

  row = sb_test_find_row (expander, ADW_TYPE_COMBO_ROW, "Relation");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), type == SB_RELATION_TYPE_FIGHTS ? SB_RELATION_TYPE_AT_ODDS_WITH
                                                                                   : SB_RELATION_TYPE_FIGHTS);
  sb_test_iterate_for (300);
  relation = g_ptr_array_index (sb_actor_get_relations (france), 0);
  g_assert_cmpint (relation->type, !=, type);

  g_test_message ("scrolled %.0f before, %.0f after", before, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - before), <, 60);
  g_ptr_array_set_size (expanders, 0);
  collect_expanders (GTK_WIDGET (card), expanders);
  g_assert_cmpuint (expanders->len, >, index);
  g_assert_true (adw_expander_row_get_expanded (g_ptr_array_index (expanders, index)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_merge_and_remove (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbDocument *document = sb_window_get_document (window);
  SbEntity *wagner = sb_briefing_lookup (briefing, "wagner-group");
  SbEntity *russia = sb_briefing_lookup (briefing, "russia-forces");
  g_autofree char *original = write_out (window);
  g_autofree char *undone = NULL;
  SbEditCard *card = open_card (window, wagner);
  GtkWidget *merge = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, "Merge With");
  GListModel *labels;
  AdwMessageDialog *dialog;
  guint position = GTK_INVALID_LIST_POSITION;

  /* Merge With, then the question which of the two stays. */
  g_assert_nonnull (merge);
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (merge));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Russian soldiers (Russian forces)"))
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (merge), position);
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (sb_test_find_dialog ());
  g_assert_true (adw_message_dialog_has_response (dialog, "keep-this"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep-this"), ==, "Keep “Wagner group”");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep-other"), ==,
                   "Keep “Russian soldiers (Russian forces)”");
  adw_message_dialog_response (dialog, "keep-this");
  sb_test_close_dialogs ();
  sb_test_iterate_for (100);
  g_assert_null (sb_briefing_lookup (briefing, "russia-forces"));
  g_assert_true (sb_briefing_lookup (briefing, "wagner-group") == wagner);
  g_assert_true (g_strv_contains (sb_actor_get_aliases (SB_ACTOR (wagner)), "Russian soldiers (Russian forces)"));
  g_assert_cmpstr (sb_document_get_undo_label (document), ==,
                   "Undo Merge “Russian soldiers (Russian forces)” into “Wagner group”");
  undo (window);
  g_assert_true (sb_briefing_lookup (briefing, "russia-forces") == russia);
  undone = write_out (window);
  g_assert_cmpstr (undone, ==, original);
  g_clear_pointer (&undone, g_free);

  /* Removing says what refers to it before anything goes. */
  card = open_card (window, wagner);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-entity-asking", "s", "wagner-group");
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (sb_test_find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Wagner group” is referred to by"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Wagner in Mali”"));
  adw_message_dialog_response (dialog, "cancel");
  sb_test_close_dialogs ();
  g_assert_true (sb_briefing_lookup (briefing, "wagner-group") == wagner);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-entity-asking", "s", "wagner-group");
  sb_test_wait_until (sb_test_dialog_is_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sb_test_find_dialog ()), "remove");
  sb_test_close_dialogs ();
  g_assert_null (sb_briefing_lookup (briefing, "wagner-group"));
  undo (window);
  undone = write_out (window);
  g_assert_cmpstr (undone, ==, original);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *said = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (said, trigger) && GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return TRUE;
        }
    }

  return FALSE;
}

static SbStep *
step_at (SbBriefing *briefing,
         guint       position)
{
  SbStep *step = g_list_model_get_item (sb_briefing_get_steps (briefing), position);

  g_object_unref (step);
  return step;
}

/* The window's focus is on the first step (gtk_widget_has_focus() also
 * asks that the window be active, which Xvfb makes it only now and then).
 */
static gboolean
first_row_focused (gpointer data)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (data, 0));

  return row != NULL && gtk_root_get_focus (gtk_widget_get_root (row)) == row;
}

static gboolean
presenting (gpointer data)
{
  return sb_presenter_get_window (data) != NULL;
}

static const char *
step_title (SbBriefing *briefing,
            guint       position)
{
  return sb_text_get (sb_step_get_title (step_at (briefing, position)));
}

/* A step that shows nothing in particular is named by its place among
 * the steps, and keeps the number of its place as steps move, come and go;
 * one that shows a statement is named after it.
 */
static void
test_step_names (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbSelection *selection = sb_window_get_selection (window);
  SbStepsPanel *panel = SB_STEPS_PANEL (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_STEPS_PANEL));
  guint n_steps = g_list_model_get_n_items (sb_briefing_get_steps (briefing));
  g_autofree char *last = g_strdup_printf ("Step %u", n_steps + 1);
  g_autofree char *last_after = g_strdup_printf ("Step %u", n_steps + 2);
  SbEntity *incident = sb_briefing_lookup (briefing, "russia-lands-at-gao");
  SbStep *second;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-steps", NULL);
  sb_test_iterate_for (100);

  /* After the last step, nothing chosen: named by its place. */
  sb_selection_clear (selection);
  sb_steps_panel_choose (panel, step_at (briefing, n_steps - 1));
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.add", NULL);
  sb_test_iterate_for (50);
  g_assert_cmpstr (step_title (briefing, n_steps), ==, last);

  /* One after the first is step 2; the last is then step N + 2. */
  sb_selection_clear (selection);
  sb_steps_panel_choose (panel, step_at (briefing, 0));
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.add", NULL);
  sb_test_iterate_for (50);
  second = step_at (briefing, 1);
  g_assert_cmpstr (step_title (briefing, 1), ==, "Step 2");
  g_assert_cmpstr (step_title (briefing, n_steps + 1), ==, last_after);

  /* Moved down, it is step 3; undone, step 2 again. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.move-down", NULL);
  sb_test_iterate_for (50);
  g_assert_true (step_at (briefing, 2) == second);
  g_assert_cmpstr (step_title (briefing, 2), ==, "Step 3");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (50);
  g_assert_true (step_at (briefing, 1) == second);
  g_assert_cmpstr (step_title (briefing, 1), ==, "Step 2");

  /* Removed, the last is step N + 1 again. */
  sb_steps_panel_choose (panel, second);
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.remove", NULL);
  sb_test_iterate_for (50);
  g_assert_cmpstr (step_title (briefing, n_steps), ==, last);

  /* With a statement chosen, named after it. */
  sb_selection_select (selection, incident);
  sb_test_iterate_for (100);
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.add", NULL);
  sb_test_iterate_for (50);
  g_assert_cmpstr (sb_text_get (sb_step_get_title (sb_steps_panel_get_chosen (panel))), ==,
                   sb_entity_get_label (incident));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_steps_panel (void)
{
  SbWindow *window = sb_test_window_new (NULL, 0, 0);
  SbBriefing *briefing = sb_window_get_briefing (window);
  SbDocument *document = sb_window_get_document (window);
  SbSelection *selection = sb_window_get_selection (window);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbStepsPanel *panel = SB_STEPS_PANEL (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_STEPS_PANEL));
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel)));
  GListModel *steps = sb_briefing_get_steps (briefing);
  guint n_steps = g_list_model_get_n_items (steps);
  SbEntity *incident = sb_briefing_lookup (briefing, "russia-lands-at-gao");
  g_autofree char *original = write_out (window);
  g_autofree char *undone = NULL;
  GtkListBox *list = GTK_LIST_BOX (sb_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX));
  SbStep *first = step_at (briefing, 0), *added;
  GtkWidget *row;
  double lat, lon, zoom;
  int map_width, map_height;
  SbPresentationWindow *presentation;

  g_assert_nonnull (incident);

  /* F8 shows the steps in the sidebar, the first chosen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-steps", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "steps");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_true (sb_steps_panel_get_chosen (panel) == first);
  sb_test_wait_until (first_row_focused, list);

  /* The map as the step should show it: Gao, the incidents, one selected. */
  sb_map_view_go_to (map_view, 16.27, -0.04, 7);
  sb_test_iterate_for (300);
  sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, FALSE);
  sb_selection_select (selection, incident);
  sb_test_iterate_for (100);

  /* Ctrl+Shift+A adds it after the chosen step; its title is next. */
  map_width = gtk_widget_get_width (GTK_WIDGET (map_view));
  map_height = gtk_widget_get_height (GTK_WIDGET (map_view));
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.add", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps + 1);
  added = step_at (briefing, 1);
  g_assert_true (sb_steps_panel_get_chosen (panel) == added);
  g_assert_cmpstr (sb_document_get_undo_label (document), ==, "Undo Add Step");
  g_assert_true (sb_step_get_center (added, &lat, &lon, &zoom));
  g_assert_cmpfloat_with_epsilon (lat, 16.27, 0.01);
  g_assert_cmpfloat_with_epsilon (lon, -0.04, 0.01);
  /* (kept as a camera whose ground is what this map shows, fitted to the
   * camera's shape: a projector shows what was framed, not more) */
  {
    double ground = exp2 (7 - zoom);   /* the camera's pixels in this map's at zoom 7 */

    g_assert_cmpfloat (SB_FRAMING_CAMERA_WIDTH * ground, <=, map_width + 0.5);
    g_assert_cmpfloat (SB_FRAMING_CAMERA_HEIGHT * ground, <=, map_height + 0.5);
    g_assert_true (fabs (SB_FRAMING_CAMERA_WIDTH * ground - map_width) < 1 ||
                   fabs (SB_FRAMING_CAMERA_HEIGHT * ground - map_height) < 1);
  }
  g_assert_cmpuint (sb_step_get_layers (added), ==, SB_LAYERS_ALL & ~SB_LAYER_AREAS);
  g_assert_nonnull (sb_step_get_highlight (added));
  g_assert_true (g_ptr_array_find (sb_step_get_highlight (added), incident, NULL));

  /* Its caption, typed in its card. */
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW, "Caption (English)");
  g_assert_nonnull (row);
  sb_test_type_and_enter (row, "Russian soldiers land at Gao");
  g_assert_cmpstr (sb_text_get_for_language (sb_step_get_caption (added), "en"), ==, "Russian soldiers land at Gao");
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW, "Notes (Dutch)");
  sb_test_type_and_enter (row, "Wijs op de luchthaven.");
  g_assert_cmpstr (sb_text_get_for_language (sb_step_get_notes (added), "nl"), ==, "Wijs op de luchthaven.");

  /* The passage it shows, one the incident it highlights cites first. */
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_COMBO_ROW, "Passage shown");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  sb_test_iterate_for (50);
  g_assert_nonnull (sb_step_get_citation (added));
  g_assert_true (sb_citation_equal (sb_step_get_citation (added),
                                    g_ptr_array_index (sb_item_get_citations (SB_ITEM (incident)), 0)));

  /* Alt+Up and Alt+Down move it, from the list; Delete removes it. */
  g_assert_true (has_shortcut (GTK_WIDGET (list), "<Alt>Up", "steps.move-up"));
  g_assert_true (has_shortcut (GTK_WIDGET (list), "<Alt>Down", "steps.move-down"));
  g_assert_true (has_shortcut (GTK_WIDGET (list), "Delete", "steps.remove"));
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.move-up", NULL);
  sb_test_iterate_for (50);
  g_assert_true (step_at (briefing, 0) == added);
  g_assert_true (sb_steps_panel_get_chosen (panel) == added);
  sb_test_wait_until (first_row_focused, list);
  {
    /* Named after what it shows: the incident chosen. */
    g_autofree char *expected = g_strdup_printf ("Undo Move Step “%s”", sb_entity_get_label (incident));

    g_assert_cmpstr (sb_text_get (sb_step_get_title (added)), ==, sb_entity_get_label (incident));
    g_assert_cmpstr (sb_document_get_undo_label (document), ==, expected);
  }
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.move-down", NULL);
  g_assert_true (step_at (briefing, 2) == added);

  /* Dropped on the last row, it is the last step. */
  {
    GtkDropTarget *drop = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));
    GtkListBoxRow *last = gtk_list_box_get_row_at_index (list, n_steps);
    graphene_point_t point;
    g_auto(GValue) value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          drop = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (drop);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (last), GTK_WIDGET (list),
                                             &GRAPHENE_POINT_INIT (4, 4), &point));
    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, sb_entity_get_id (SB_ENTITY (added)));
    g_signal_emit_by_name (drop, "drop", &value, (double) point.x, (double) point.y, &dropped);
    g_assert_true (dropped);
    g_assert_true (step_at (briefing, n_steps) == added);
  }

  /* Delete, and Ctrl+Z brings it back where it was. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.remove", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, n_steps);
  g_assert_true (sb_steps_panel_get_chosen (panel) == step_at (briefing, n_steps - 1));
  undo (window);
  g_assert_true (step_at (briefing, n_steps) == added);
  g_assert_true (sb_steps_panel_get_chosen (panel) == added);

  /* Presenting from the chosen step starts there. */
  sb_steps_panel_choose (panel, step_at (briefing, 2));
  gtk_widget_activate_action (GTK_WIDGET (panel), "steps.present", NULL);
  sb_test_wait_until (presenting, sb_window_get_presenter (window));
  presentation = sb_presenter_get_window (sb_window_get_presenter (window));
  g_assert_cmpuint (sb_presentation_get_index (sb_presentation_window_get_presentation (presentation)), ==, 2);
  sb_presentation_end (sb_presentation_window_get_presentation (presentation));
  sb_test_iterate_for (300);

  /* Everything undone: the file as it was. */
  while (sb_document_can_undo (document))
    undo (window);
  undone = write_out (window);
  g_assert_cmpstr (undone, ==, original);

  /* F8 again: the actors. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-steps", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "actors");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new actor's colour passes the check its card makes: every colour
 * of the palette new actors are given, against the light map's land and
 * sea (half of them did not).
 */
static void
test_default_colours_stand_out (void)
{
  for (guint i = 0; i < 12; i++)
    {
      guint32 colour = _sb_briefing_default_colour (i);
      double worst = 0;

      if (!sb_map_colour_check (colour, FALSE, &worst, NULL))
        g_error ("the palette's #%06x has a contrast of %.2f:1 only", colour, worst);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();

  g_test_add_func ("/actors/card", test_actor_card);
  g_test_add_func ("/actors/default-colours-stand-out", test_default_colours_stand_out);
  g_test_add_func ("/actors/add", test_add_actor);
  g_test_add_func ("/actors/merge-and-remove", test_merge_and_remove);
  g_test_add_func ("/actors/cite-actor-and-relation", test_cite_actor_and_relation);
  g_test_add_func ("/actors/add-to-actor-says-so", test_add_to_actor_says_so);
  g_test_add_func ("/actors/incident-target", test_incident_target);
  g_test_add_func ("/actors/card-keeps-place", test_card_keeps_place);
  g_test_add_func ("/actors/steps-panel", test_steps_panel);
  g_test_add_func ("/actors/step-names", test_step_names);
  g_test_add_func ("/actors/relation-succeeds", test_relation_succeeds);
  g_test_add_func ("/actors/new-actor-kind", test_new_actor_kind);

  return g_test_run ();
}
