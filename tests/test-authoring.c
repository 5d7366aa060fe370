/* test-authoring.c
 *
 * Making a briefing from a new article at 1024×768, where the last run
 * by hand stumbled: Place starting from the statement's own place (or the
 * place its passage names), never the name typed for another; Ctrl+Shift+A
 * adding a step after a click on the map, from what the map shows, the
 * selection kept, the step's card listing what it highlights (each to
 * take out); a relation added only once its type is chosen; the map's
 * tooltip naming a statement without a title by what, where and when;
 * the shortcuts window listing every key of placing on the map; and Back
 * from the search results to the dossier read before; a new area drawn
 * on the map before and after its outline is, named for what it is; F6
 * from part to part of the window, the source's text among them; a town the passage says
 * it is "near" chosen as near it.
 *
 * With SB_SCREENSHOT_DIR set, it also saves screenshots of the screen at
 * each step, for looking at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sb-cite.h"
#include "sb-detail-pane.h"
#include "sb-dossier-view.h"
#include "sb-edit-card.h"
#include "sb-format.h"
#include "sb-gazetteer.h"
#include "sb-map-view.h"
#include "sb-place-chooser.h"
#include "sb-sidebar.h"
#include "sb-steps-panel.h"
#include "sb-timeline.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"
#include "sb-test-model.h"

/* A passage of the built-in article that names Mali and, more
 * precisely, Gao.
 */
#define GAO_PASSAGE "Duizend Duitse manschappen verlieten Mali via de luchthaven bij de stad Gao."

static SbWindow *
create_window (void)
{
  return sb_test_window_new (NULL, 1024, 768);
}

static gpointer
lookup (SbWindow   *window,
        const char *id)
{
  return sb_test_lookup (sb_document_get_briefing (sb_window_get_document (window)), id);
}

/* A statement cited from @passage as the window's Cite makes it: no
 * title yet, at @place if not %NULL.
 */
static SbItem *
cite (SbWindow   *window,
      const char *passage,
      const char *place)
{
  SbBriefing *briefing = sb_document_get_briefing (sb_window_get_document (window));
  SbSource *source = lookup (window, "article-2022-08-mali");
  g_autoptr(GPtrArray) found = place ? sb_gazetteer_search (sb_gazetteer_get_default (), place, NULL, 1) : NULL;
  SbEdit *edit;
  SbItem *item;

  g_assert_nonnull (strstr (sb_source_get_text (source), passage));
  g_assert_true (found == NULL || found->len == 1);
  edit = sb_cite_new_item (briefing, SB_ITEM_KIND_INCIDENT, source, passage, -1, NULL,
                           found ? g_ptr_array_index (found, 0) : NULL);
  item = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (sb_window_get_document (window), edit, NULL));
  g_assert_null (sb_item_get_title (item));
  return item;
}

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The search entry with the focus, once the popover has given it. */
static gboolean
search_has_focus (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) == NULL;
}

/* Opens Place for @item and returns what its name entry starts from,
 * which is selected whole, so that typing replaces it.
 */
static char *
open_place (SbWindow *window,
            SbItem   *item)
{
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (pane);
  GtkEditable *entry;
  int start, end;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (item));
  sb_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", NULL);
  sb_test_wait_until (widget_is_visible, chooser);
  sb_test_wait_until (search_has_focus, window);
  entry = GTK_EDITABLE (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY));
  if (*gtk_editable_get_text (entry) != '\0')
    {
      g_assert_true (gtk_editable_get_selection_bounds (entry, &start, &end));
      g_assert_cmpint (start, ==, 0);
      g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (entry), -1));
    }
  return g_strdup (gtk_editable_get_text (entry));
}

static void
close_place (SbWindow *window)
{
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));

  gtk_popover_popdown (GTK_POPOVER (sb_detail_pane_get_place_chooser (pane)));
  sb_test_iterate_for (50);
}

/* Place starts from the statement's own place, or the place its passage
 * names, never from what was typed for another statement.
 */
static void
test_place_starts_from_statement (void)
{
  SbWindow *window = create_window ();
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (pane);
  SbItem *togo = lookup (window, "attacks-togo");
  SbItem *arrested = lookup (window, "ivorian-soldiers-arrested");
  SbItem *cited;
  g_autofree char *text = NULL;

  /* Its own place's name, typed over with another. */
  text = open_place (window, togo);
  g_assert_cmpstr (text, ==, "Togo");
  sb_place_chooser_search (chooser, "Tsjaad");
  sb_test_iterate_for (100);
  sb_test_screenshot ("place-typed");
  close_place (window);

  /* Another statement: its own place, not "Tsjaad". */
  g_free (text);
  text = open_place (window, arrested);
  g_assert_cmpstr (text, ==, sb_entity_get_label (SB_ENTITY (sb_item_get_place (arrested))));
  sb_place_chooser_search (chooser, "Tsjaad");
  sb_test_iterate_for (100);
  close_place (window);

  /* A statement just cited, with no place yet: the most precise place its
   * passage names, as written there.
   */
  cited = cite (window, GAO_PASSAGE, NULL);
  g_assert_null (sb_item_get_place (cited));
  g_free (text);
  text = open_place (window, cited);
  g_assert_cmpstr (text, ==, "Gao");
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), >=, 1);
  sb_test_screenshot ("place-from-passage");
  close_place (window);

  /* The same statement again, after another was typed for: still Gao. */
  g_free (text);
  text = open_place (window, togo);
  sb_place_chooser_search (chooser, "Niamey");
  close_place (window);
  g_free (text);
  text = open_place (window, cited);
  g_assert_cmpstr (text, ==, "Gao");
  close_place (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tab from the name goes to what can be used: with no place found yet,
 * past the empty list of places, not to its scrolled window (a stop
 * without a name that did nothing); with places found, to the first.
 */
static void
test_place_tab_order (void)
{
  SbWindow *window = create_window ();
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (pane);
  g_autofree char *text = open_place (window, lookup (window, "attacks-togo"));
  GtkWidget *entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus;

  sb_place_chooser_search (chooser, "");
  sb_test_iterate_for (50);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), ==, 0);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (chooser), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (GTK_IS_SCROLLED_WINDOW (focus));
  /* "Known to be", the next control. */
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN));

  sb_place_chooser_search (chooser, "Gao");
  sb_test_iterate_for (50);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), >=, 1);
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (chooser), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));

  close_place (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses @trigger where the focus is, as the key goes up from the
 * focused widget to the window: the first that has a shortcut for it
 * takes it. Fails when none does.
 */
static void
press_at_focus (SbWindow   *window,
                const char *trigger)
{
  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (window)); widget; widget = gtk_widget_get_parent (widget))
    if (sb_test_find_shortcut (widget, trigger) != NULL)
      {
        sb_test_press_shortcut (widget, trigger);
        return;
      }

  g_error ("Nothing from %s up takes %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))), trigger);
}

static gboolean
map_has_focus (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, SB_TYPE_MAP_VIEW) != NULL;
}

static gboolean
map_is_at_gao (gpointer map_view)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (map_view);

  return fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - 16.27) < 0.01 &&
         fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) + 0.04) < 0.01 &&
         fabs (shumate_viewport_get_zoom_level (viewport) - 8) < 0.01;
}

/* A click at (@x, @y) of @map_view, as the map's click gestures see it. */
static void
click_map_at_point (SbMapView *map_view,
                    double     x,
                    double     y)
{
  GtkWidget *map = sb_test_find_widget (GTK_WIDGET (map_view), SHUMATE_TYPE_MAP);
  GtkWidget *widgets[] = { GTK_WIDGET (map_view), map };
  graphene_point_t point;

  /* The view's first (capture), then the map's. */
  for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widgets[w]);

      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (map_view), widgets[w], &GRAPHENE_POINT_INIT (x, y), &point));
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller))
            g_signal_emit_by_name (controller, "pressed", 1, (double) point.x, (double) point.y);
        }
    }
  for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widgets[w]);

      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (map_view), widgets[w], &GRAPHENE_POINT_INIT (x, y), &point));
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller))
            g_signal_emit_by_name (controller, "released", 1, (double) point.x, (double) point.y);
        }
    }
}

/* A click on @item's symbol. */
static void
click_map_at (SbMapView *map_view,
              SbItem    *item)
{
  double x, y;

  sb_test_wait_until (sb_test_map_is_drawn, map_view);
  g_assert_true (sb_map_view_locate_item (map_view, item, &x, &y));
  click_map_at_point (map_view, x, y);
}

static gboolean
chosen_row_in_view (gpointer panel)
{
  GtkListBox *list = GTK_LIST_BOX (sb_test_find_widget (panel, GTK_TYPE_LIST_BOX));
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  graphene_rect_t bounds;

  return row != NULL && gtk_widget_get_height (GTK_WIDGET (row)) > 0 &&
         gtk_widget_compute_bounds (GTK_WIDGET (row), scroller, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 0.5;
}

static guint
n_steps (SbWindow *window)
{
  return g_list_model_get_n_items (sb_briefing_get_steps (sb_window_get_briefing (window)));
}

static gboolean
card_lists (SbEditCard *card,
            const char *title)
{
  return sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, title) != NULL;
}

/* Ctrl+Shift+A after a click on the map (the search had the focus): a
 * step from what the map shows, the statement chosen highlighted in it and still chosen; the
 * step's card names it (not by its id) and takes it out.
 */
static void
test_add_step_from_map (void)
{
  SbWindow *window = create_window ();
  SbSelection *selection = sb_window_get_selection (window);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbStepsPanel *panel = SB_STEPS_PANEL (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_STEPS_PANEL));
  SbEditCard *card = SB_EDIT_CARD (sb_test_find_widget (GTK_WIDGET (panel), SB_TYPE_EDIT_CARD));
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel)));
  guint before = n_steps (window);
  SbItem *cited = cite (window, GAO_PASSAGE, "Gao");
  g_autofree char *name = sb_format_item_name (cited);
  g_autofree char *spoken = g_strdup_printf ("Remove %s from the highlights", name);
  GtkWidget *row, *remove;
  SbStep *step;

  /* Named by what, where and when, not by its id. */
  g_assert_null (strstr (name, sb_entity_get_id (SB_ENTITY (cited))));
  g_assert_nonnull (strstr (name, "Gao"));

  /* Chosen, the map moved to Gao, then clicked: the focus is on the map. */
  sb_selection_select (selection, SB_ENTITY (cited));
  sb_test_iterate_for (100);
  sb_map_view_go_to (map_view, 16.27, -0.04, 8);
  sb_test_wait_until (map_is_at_gao, map_view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), !=, "steps");
  /* The search had the focus, as after choosing from its results. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_false (map_has_focus (window));
  click_map_at (map_view, cited);
  sb_test_wait_until (map_has_focus, window);
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (cited));

  press_at_focus (window, "<Control><Shift>a");
  sb_test_iterate_for (100);
  g_assert_cmpuint (n_steps (window), ==, before + 1);
  step = sb_steps_panel_get_chosen (panel);
  g_assert_nonnull (step);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "steps");

  /* Its row is seen, though the list is longer than its room. */
  sb_test_wait_until (chosen_row_in_view, panel);

  /* Made from the map as it was, which stays there: not moved to the
   * step the list would choose on showing.
   */
  {
    double lat, lon, zoom, middle_lat, middle_lon;

    /* (the middle of what is seen of it: the details lie over the map) */
    g_assert_true (sb_step_get_center (step, &lat, &lon, &zoom));
    sb_map_view_get_middle (map_view, &middle_lat, &middle_lon);
    g_assert_cmpfloat_with_epsilon (lat, middle_lat, 0.01);
    g_assert_cmpfloat_with_epsilon (lon, middle_lon, 0.01);
    sb_test_iterate_for (500);
    g_assert_true (map_is_at_gao (map_view));
  }

  /* Made from what the map shows, the statement chosen highlighted; it
   * stays chosen.
   */
  g_assert_true (sb_selection_get_selected (selection) == SB_ENTITY (cited));
  g_assert_nonnull (sb_step_get_highlight (step));
  g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, 1);
  g_assert_true (g_ptr_array_index (sb_step_get_highlight (step), 0) == cited);
  g_assert_cmpstr (sb_text_get (sb_step_get_title (step)), ==, name);

  /* Its card lists what it highlights, by name, each to take out. */
  g_assert_true (sb_edit_card_get_entity (card) == SB_ENTITY (step));
  row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_ACTION_ROW, name);
  g_assert_nonnull (row);
  sb_test_screenshot ("step-highlights");
  remove = sb_test_find_widget (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, spoken);
  g_signal_emit_by_name (remove, "clicked");
  sb_test_iterate_for (100);
  g_assert_null (sb_step_get_highlight (step));
  sb_test_wait_until ((SbTestCondition) sb_test_label_shown,
                      &(SbTestLabel) { GTK_WIDGET (card), "Nothing highlighted" });
  g_assert_false (card_lists (card, name));

  /* Undone, it highlights it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (100);
  g_assert_nonnull (sb_step_get_highlight (step));
  g_assert_cmpuint (sb_step_get_highlight (step)->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The map's tooltip names a statement without a title by what, where
 * and when, as lists do; never by its id.
 */
static void
test_map_tooltip_names (void)
{
  SbWindow *window = create_window ();
  SbMapView *map_view = sb_window_get_map_view (window);
  SbItem *cited = cite (window, GAO_PASSAGE, "Gao");
  g_autofree char *name = sb_format_item_name (cited);
  g_autofree char *text = NULL;
  double x = 0, y = 0;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (cited));
  sb_test_wait_until (sb_test_map_is_drawn, map_view);
  sb_test_iterate_for (300);
  sb_test_wait_until (sb_test_map_is_drawn, map_view);
  g_assert_true (sb_map_view_locate_item (map_view, cited, &x, &y));
  g_assert_true (sb_map_view_pick (map_view, x, y) == SB_ENTITY (cited));

  text = sb_map_view_describe_at (map_view, x, y);
  g_assert_nonnull (text);
  g_assert_null (strstr (text, sb_entity_get_id (SB_ENTITY (cited))));
  g_assert_true (g_str_has_prefix (text, name));
  g_assert_nonnull (strstr (text, "Gao"));

  /* For looking at: the pointer over it, the tooltip shown (the window
   * lies at the screen's corner under Xvfb without a window manager).
   */
  if (g_getenv ("SB_SCREENSHOT_DIR") != NULL)
    {
      graphene_point_t point;
      g_autofree char *command = NULL;

      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (map_view), GTK_WIDGET (window),
                                               &GRAPHENE_POINT_INIT (x, y), &point));
      command = g_strdup_printf ("xdotool mousemove %d %d", (int) point.x, (int) point.y);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      sb_test_iterate_for (1500);
      sb_test_screenshot ("map-tooltip");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A relation is added once what it is and with whom are both chosen,
 * in either order; choosing the actor alone adds none.
 */
static guint
position_of (GtkWidget  *combo_row,
             const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo_row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;

  g_error ("%s is not offered", label);
  return 0;
}

static GtkWidget *
card_row (SbEditCard *card,
          const char *title)
{
  GtkWidget *row = sb_test_find_row (GTK_WIDGET (card), ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
test_relation_type_chosen (void)
{
  SbWindow *window = create_window ();
  SbActor *wagner = lookup (window, "wagner-group");
  SbActor *jnim;
  guint before = sb_actor_get_relations (wagner)->len;
  SbEditCard *card = sb_test_window_open_card (window, SB_ENTITY (wagner));
  GtkWidget *type_row = card_row (card, "Add a Relation");
  GtkWidget *with_row = card_row (card, "With Actor");
  SbRelation *relation;

  /* Nothing is taken for granted: the type asks to be chosen. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type_row)), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (type_row))), 0),
                   ==, "Choose what it is…");

  /* The actor alone adds nothing, and the type row says it is needed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (with_row), position_of (with_row, "Malian army"));
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_actor_get_relations (wagner)->len, ==, before);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (type_row)), ==, "Still to choose");
  sb_test_screenshot ("relation-needs-type");

  /* Its type chosen: added, as chosen, one edit. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), position_of (type_row, "Fights"));
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_actor_get_relations (wagner)->len, ==, before + 1);
  relation = g_ptr_array_index (sb_actor_get_relations (wagner), before);
  jnim = SB_ACTOR (relation->target);
  g_assert_true (jnim == lookup (window, "mali-army"));
  g_assert_cmpint (relation->type, ==, SB_RELATION_TYPE_FIGHTS);
  g_assert_cmpstr (sb_document_get_undo_label (sb_window_get_document (window)), !=, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_actor_get_relations (wagner)->len, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every key of placing on the map is in the shortcuts window. */
static gboolean
accelerator_lists (const char      *accelerator,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_auto(GStrv) accels = g_strsplit (accelerator, " ", -1);

  for (guint i = 0; accels[i] != NULL; i++)
    {
      guint listed_keyval;
      GdkModifierType listed_modifiers;

      if (gtk_accelerator_parse (accels[i], &listed_keyval, &listed_modifiers) &&
          listed_keyval == keyval && listed_modifiers == modifiers)
        return TRUE;
    }

  return FALSE;
}

static gboolean
overlay_lists (GtkWidget       *root,
               guint            keyval,
               GdkModifierType  modifiers)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (child, "accelerator", &accelerator, NULL);
          if (accelerator != NULL && accelerator_lists (accelerator, keyval, modifiers))
            return TRUE;
        }
      if (overlay_lists (child, keyval, modifiers))
        return TRUE;
    }

  return FALSE;
}

static void
test_shortcuts_of_placing (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/com/example/SahelBrief/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  static const struct { guint keyval; GdkModifierType modifiers; } keys[] = {
    { GDK_KEY_Left, 0 }, { GDK_KEY_Right, 0 }, { GDK_KEY_Up, 0 }, { GDK_KEY_Down, 0 },
    { GDK_KEY_Left, GDK_SHIFT_MASK }, { GDK_KEY_Right, GDK_SHIFT_MASK },
    { GDK_KEY_Up, GDK_SHIFT_MASK }, { GDK_KEY_Down, GDK_SHIFT_MASK },
    { GDK_KEY_plus, 0 }, { GDK_KEY_minus, 0 },
    { GDK_KEY_Return, 0 }, { GDK_KEY_Escape, 0 }, { GDK_KEY_space, 0 }, { GDK_KEY_BackSpace, 0 },
    { GDK_KEY_Tab, 0 },
  };

  g_assert_nonnull (overlay);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *name = gtk_accelerator_name (keys[i].keyval, keys[i].modifiers);

      if (!overlay_lists (overlay, keys[i].keyval, keys[i].modifiers))
        g_error ("The shortcuts window does not list %s", name);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
}

static gboolean
widget_is_mapped_label (gpointer data)
{
  SbTestLabel *wanted = data;
  GtkWidget *label = sb_test_find_label (wanted->root, wanted->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
results_shown (gpointer sidebar)
{
  GtkWidget *list = sb_test_find_label (sidebar, "Gao airport");

  return list != NULL && gtk_widget_get_mapped (list);
}

/* Back from the search results goes where the search started: the
 * dossier read then, with its own Back still there.
 */
static void
test_back_from_search (void)
{
  SbWindow *window = create_window ();
  SbSelection *selection = sb_window_get_selection (window);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  SbActor *wagner = lookup (window, "wagner-group");
  SbActor *junta = lookup (window, "mali-junta");
  GtkWidget *entry = sb_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY);

  /* Wagner's dossier, then the junta's from it. */
  sb_selection_select (selection, SB_ENTITY (wagner));
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == wagner);
  sb_selection_select (selection, SB_ENTITY (junta));
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == junta);

  /* A search, its results, then Back (Escape): the junta's dossier. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Gao");
  sb_test_wait_until (results_shown, sidebar);
  g_assert_null (sb_test_dossier_actor (sidebar));
  sb_test_screenshot ("search-results");
  g_assert_true (sb_sidebar_go_back (SB_SIDEBAR (sidebar)));
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == junta);
  sb_test_screenshot ("back-from-search");

  /* Its Back is as it was: to Wagner's, then the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  sb_test_iterate_for (100);
  g_assert_true (sb_test_dossier_actor (sidebar) == wagner);

  /* A search started over the list returns to the list; an actor chosen
   * among the results opens its dossier once the search is left.
   */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  sb_test_iterate_for (100);
  g_assert_null (sb_test_dossier_actor (sidebar));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Gao");
  sb_test_wait_until (results_shown, sidebar);
  g_signal_emit_by_name (entry, "stop-search");
  sb_test_iterate_for (200);
  g_assert_null (sb_test_dossier_actor (sidebar));
  g_assert_true (gtk_widget_get_mapped (sb_test_find_label (sidebar, "Wagner group")));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Wagner");
  sb_test_wait_until (widget_is_mapped_label, &(SbTestLabel) { sidebar, "Wagner in Mali" });
  sb_selection_select (selection, SB_ENTITY (wagner));
  sb_test_iterate_for (100);
  g_assert_null (sb_test_dossier_actor (sidebar));
  g_signal_emit_by_name (entry, "stop-search");
  sb_test_iterate_for (200);
  g_assert_true (sb_test_dossier_actor (sidebar) == wagner);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
place_found (gpointer chooser)
{
  return sb_place_chooser_get_n_results (chooser) > 0;
}

/* A passage that says "près de Nioro du Sahel" places the statement near
 * the town chosen for it, not exactly there (the hand-run's Place opened
 * on "Exactly there").
 */
static void
test_place_near_from_passage (void)
{
  const char *text = "NIORO DU SAHEL — Le 27 septembre, un convoi de citernes a été attaqué près de Nioro du Sahel.";
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (pane);
  g_autoptr(SbText) title = sb_text_new ("fr", "Un convoi attaqué");
  SbEdit *edit = sb_edit_new_add_source (sb_document_get_briefing (document), title, "fr");
  SbEntity *source = sb_edit_get_entity (edit) ? sb_edit_get_entity (edit) : sb_edit_get_select (edit);
  g_autofree char *typed = NULL;
  SbItem *item;

  sb_edit_group_add (edit, sb_edit_new_set_string (source, SB_SOURCE_FIELD_TEXT, text));
  g_assert_true (sb_document_apply (document, edit, NULL));
  edit = sb_cite_new_item (sb_document_get_briefing (document), SB_ITEM_KIND_INCIDENT, SB_SOURCE (source),
                           "un convoi de citernes a été attaqué près de Nioro du Sahel", -1, NULL, NULL);
  item = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_true (sb_cite_says_near (item));

  typed = open_place (window, item);
  sb_place_chooser_search (chooser, "Nioro du Sahel");
  sb_test_wait_until (place_found, chooser);
  sb_test_iterate_for (100);
  sb_test_screenshot ("place-near-from-passage");
  g_assert_true (sb_place_chooser_choose (chooser, 0));
  g_assert_nonnull (sb_item_get_place (item));
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_NEAR);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
caret_in_view (gpointer view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, caret;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &caret);
  return gdk_rectangle_intersect (&visible, &caret, NULL);
}

static gboolean
focus_within (SbWindow  *window,
              GtkWidget *part)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == part || gtk_widget_is_ancestor (focus, part));
}

/* F6 goes from part to part of the window, Shift+F6 back: the map, the
 * timeline, the card, the source's text with its caret in view, the
 * actors. The hand-run's keyboard found the text seventeen Tabs away,
 * and F6 went only between the card and the text.
 */
static void
test_f6_goes_through_parts (void)
{
  SbWindow *window = create_window ();
  SbMapView *map_view = sb_window_get_map_view (window);
  SbDetailPane *pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_DETAIL_PANE));
  GtkWidget *timeline = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_TIMELINE);
  GtkTextView *text = sb_detail_pane_get_source_view (pane);
  GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (window), SB_TYPE_SIDEBAR);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text);
  GtkTextIter iter;

  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (lookup (window, "germany-leaves-via-gao")));
  sb_test_wait_until (is_mapped, text);
  sb_test_iterate_for (200);
  gtk_widget_child_focus (GTK_WIDGET (map_view), GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_within (window, GTK_WIDGET (map_view)));

  g_assert_true (sb_test_press_key (gtk_root_get_focus (GTK_ROOT (window)), "F6"));
  g_assert_true (focus_within (window, timeline));
  g_assert_true (sb_test_press_key (gtk_root_get_focus (GTK_ROOT (window)), "F6"));
  g_assert_true (focus_within (window, GTK_WIDGET (pane)));
  g_assert_false (focus_within (window, GTK_WIDGET (text)));
  g_assert_true (sb_test_press_key (gtk_root_get_focus (GTK_ROOT (window)), "F6"));
  g_assert_true (focus_within (window, GTK_WIDGET (text)));
  /* The caret where the reader is: at the passage shown, in view. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current")));
  sb_test_wait_until (caret_in_view, text);
  sb_test_screenshot ("f6-text");

  /* Round to the actors, and back. */
  g_assert_true (sb_test_press_key (gtk_root_get_focus (GTK_ROOT (window)), "F6"));
  g_assert_true (focus_within (window, sidebar));
  g_assert_true (sb_test_press_key (gtk_root_get_focus (GTK_ROOT (window)), "<Shift>F6"));
  g_assert_true (focus_within (window, GTK_WIDGET (text)));
  g_assert_true (sb_test_press_key (gtk_root_get_focus (GTK_ROOT (window)), "<Shift>F6"));
  g_assert_true (focus_within (window, GTK_WIDGET (pane)));
  g_assert_false (focus_within (window, GTK_WIDGET (text)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An area cited from a passage has no outline until it is drawn: the
 * map draws, lays out and answers clicks meanwhile (it crashed on the
 * missing outline, the hand-run's every New Area), and the outline
 * drawn corner by corner is the area's.
 */
static void
test_new_area_drawn (void)
{
  SbWindow *window = create_window ();
  SbDocument *document = sb_window_get_document (window);
  SbBriefing *briefing = sb_document_get_briefing (document);
  SbMapView *map_view = sb_window_get_map_view (window);
  SbMapEditor *editor = sb_window_get_map_editor (window);
  SbSource *source = lookup (window, "article-2022-08-mali");
  GListModel *areas = sb_briefing_get_items (briefing, SB_ITEM_KIND_AREA);
  guint n_areas = g_list_model_get_n_items (areas);
  const SbRing *ring;
  SbEdit *edit;
  SbItem *area;
  int width, height;

  sb_test_wait_until (sb_test_window_has_document, window);
  edit = sb_cite_new_item (briefing, SB_ITEM_KIND_AREA, source, GAO_PASSAGE, -1, NULL, NULL);
  area = SB_ITEM (sb_edit_get_select (edit));
  g_assert_true (sb_document_apply (document, edit, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, n_areas + 1);
  g_assert_null (sb_item_get_geometry (area));
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (area));

  /* Drawn with the new area among the others, and clicked. */
  gtk_widget_queue_draw (GTK_WIDGET (map_view));
  sb_test_iterate_for (300);
  sb_test_wait_until (sb_test_map_is_drawn, map_view);
  width = gtk_widget_get_width (GTK_WIDGET (map_view));
  height = gtk_widget_get_height (GTK_WIDGET (map_view));
  click_map_at_point (map_view, width / 2.0, height / 2.0);
  sb_test_iterate_for (100);
  sb_selection_select (sb_window_get_selection (window), SB_ENTITY (area));

  g_assert_true (sb_map_editor_begin (editor, SB_MAP_EDITOR_OUTLINE, area));
  /* Named for what it is, as in the card, not by its id. */
  {
    g_autofree char *name = sb_format_item_name (area);

    g_assert_null (strstr (sb_map_editor_get_hint (editor), sb_entity_get_id (SB_ENTITY (area))));
    g_assert_nonnull (strstr (sb_map_editor_get_hint (editor), name));
  }
  g_assert_true (sb_map_editor_add_point (editor, 16.0, -1.0));
  g_assert_true (sb_map_editor_add_point (editor, 16.5, 0.5));
  g_assert_true (sb_map_editor_add_point (editor, 15.5, 0.5));
  g_assert_true (sb_map_editor_finish (editor));
  g_assert_nonnull (sb_item_get_geometry (area));
  ring = &sb_item_get_geometry (area)->polygons[0].rings[0];
  g_assert_cmpuint (ring->n_points, ==, 4);
  sb_test_iterate_for (300);
  sb_test_wait_until (sb_test_map_is_drawn, map_view);
  sb_test_screenshot ("new-area-drawn");

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

  g_test_add_func ("/authoring/place-starts-from-statement", test_place_starts_from_statement);
  g_test_add_func ("/authoring/place-tab-order", test_place_tab_order);
  g_test_add_func ("/authoring/add-step-from-map", test_add_step_from_map);
  g_test_add_func ("/authoring/map-tooltip-names", test_map_tooltip_names);
  g_test_add_func ("/authoring/relation-type-chosen", test_relation_type_chosen);
  g_test_add_func ("/authoring/shortcuts-of-placing", test_shortcuts_of_placing);
  g_test_add_func ("/authoring/back-from-search", test_back_from_search);
  g_test_add_func ("/authoring/new-area-drawn", test_new_area_drawn);
  g_test_add_func ("/authoring/place-near-from-passage", test_place_near_from_passage);
  g_test_add_func ("/authoring/f6-goes-through-parts", test_f6_goes_through_parts);
  return g_test_run ();
}
