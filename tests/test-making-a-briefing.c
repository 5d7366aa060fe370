/* test-making-a-briefing.c
 *
 * A whole briefing made in the window from an article of our own
 * (tests/data/convoy-menaka.html), the way a person makes one, in a
 * window the size of a 1024×768 projector's screen: New Briefing, its
 * guide's Add Source with the focus on it, the article opened and added
 * with Ctrl+Enter; three passages selected in the source and cited with
 * Ctrl+Alt+C as an incident, a deployment and a movement, each typed into
 * from the title the focus lands on; the incident placed near Ménaka and
 * the movement from Gao to Ménaka by name from the gazetteer, the
 * deployment by a click on the map where Ménaka is; an actor added with
 * a figure cited from the article; two steps; Save; the window closed.
 * Then the file passes `sahelbrief --check` (the built program, run), every
 * quote is word for word in its source, and presenting the file shows
 * both steps.
 *
 * Every wait is on a condition, so that a busy machine only makes it
 * slower. With SB_SCREENSHOT_DIR set, it saves a screenshot at each step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-add-source-dialog.h"
#include "sb-detail-pane.h"
#include "sb-edit-card.h"
#include "sb-loader.h"
#include "sb-map-editor.h"
#include "sb-place-chooser.h"
#include "sb-presentation-window.h"
#include "sb-presenter.h"
#include "sb-steps-panel.h"
#include "sb-sidebar.h"
#include "sb-window.h"
#include "sb-test-util.h"
#include "sb-test-window.h"

#define ARTICLE TEST_DATA_DIR "/convoy-menaka.html"

#define INCIDENT_QUOTE "Gunmen on motorbikes attacked a convoy of fuel tankers about 30 kilometres west of Ménaka " \
                       "on Thursday, killing at least seven drivers and soldiers and setting fire to four trucks, " \
                       "two local officials said."
#define DEPLOYMENT_QUOTE "the army said it had deployed a battalion of about 400 soldiers to Ménaka to secure the " \
                         "road and the town’s airfield."
#define MOVEMENT_QUOTE "A column of some sixty vehicles left Gao on Friday morning for Ménaka, a security source " \
                       "in Gao said."
#define FIGURE_QUOTE "the army said it had deployed a battalion of about 400 soldiers"
#define ACTOR_QUOTE "escorted by a Malian army unit"

#define MENAKA_LAT 15.9167
#define MENAKA_LON 2.4

/* The app's preferences, with the built-in base map only: a test never
 * asks a public tile server.
 */
static GSettings *settings;

typedef struct
{
  SbWindow *window;
  SbDocument *document;
  SbSelection *selection;
  SbDetailPane *pane;
  SbEditCard *card;
  GtkTextView *source_view;
} Making;

static void
screenshot (const char *name,
            const char *detail)
{
  const char *dir = g_getenv ("SB_SCREENSHOT_DIR");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  sb_test_iterate_for (700);
  command = g_strdup_printf ("import -window root %s/%s%s%s.png", dir, name, detail ? "-" : "", detail ? detail : "");
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
add_source_is_shown (gpointer unused)
{
  return sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG) != NULL;
}

static gboolean
no_add_source (gpointer unused)
{
  return sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG) == NULL;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* The focus is in a text row called @data, as after Tab or a click. */
typedef struct
{
  GtkWindow *window;
  const char *title;
} FocusWanted;

static GtkWidget *
focused_row (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;
}

static gboolean
focus_is_in_row (gpointer data)
{
  FocusWanted *wanted = data;
  GtkWidget *row = focused_row (wanted->window);

  return row != NULL && gtk_widget_get_mapped (row) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wanted->title) == 0;
}

/* Types into the row the focus is in, then Enter. */
static void
type_where_focused (Making     *making,
                    const char *title,
                    const char *text)
{
  FocusWanted wanted = { GTK_WINDOW (making->window), title };

  sb_test_wait_until (focus_is_in_row, &wanted);
  sb_test_type_and_enter (focused_row (GTK_WINDOW (making->window)), text);
}

/* Tab to the card's row @title and type into it, then Enter. */
static void
type_into (Making     *making,
           const char *title,
           const char *text)
{
  GtkWidget *row = sb_test_find_row (GTK_WIDGET (making->card), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  sb_test_type_and_enter (row, text);
}

static void
choose_in (Making     *making,
           const char *title,
           const char *label)
{
  GtkWidget *row = sb_test_find_row (GTK_WIDGET (making->card), ADW_TYPE_COMBO_ROW, title);
  GListModel *labels;

  g_assert_nonnull (row);
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        sb_test_iterate_for (50);
        return;
      }
  g_error ("“%s” has no choice “%s”", title, label);
}

/* Selects @passage in the source pane as a mouse would, with the space
 * before it that a mouse takes along.
 */
static void
select_passage (Making     *making,
                const char *passage)
{
  sb_test_wait_until (is_mapped, making->source_view);
  sb_test_select_text (making->source_view, passage);
}

static gboolean
cite_menu_is_open (gpointer data)
{
  GtkWidget *bubble = sb_test_find_widget (data, GTK_TYPE_MENU_BUTTON);
  GtkPopover *menu = bubble ? gtk_menu_button_get_popover (GTK_MENU_BUTTON (bubble)) : NULL;

  return menu != NULL && gtk_widget_get_mapped (GTK_WIDGET (menu));
}

/* Whether @menu has an item for @action with @target, in any section. */
static gboolean
menu_offers (GMenuModel *menu,
             const char *action,
             const char *target)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) &&
          (target == NULL ? value == NULL
                          : value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                            g_str_equal (g_variant_get_string (value, NULL), target)))
        return TRUE;
      if (menu_offers (section, action, target) || menu_offers (submenu, action, target))
        return TRUE;
    }
  return FALSE;
}

/* Ctrl+Alt+C with the focus wherever it is, then the menu's @action; not
 * a frame drawn after it.
 */
static SbItem *
cite_at_once (Making     *making,
              const char *action,
              const char *parameter)
{
  GtkWidget *bubble;
  SbEntity *cited;

  sb_test_press_shortcut (GTK_WIDGET (making->source_view), "<Control><Alt>c");
  if (!sb_test_run_until (cite_menu_is_open, making->source_view, 10000))
    {
      screenshot ("no-cite-menu", parameter);
      g_error ("Ctrl+Alt+C opened no menu to cite as %s", parameter);
    }
  screenshot ("cite", parameter);
  bubble = sb_test_find_widget (GTK_WIDGET (making->source_view), GTK_TYPE_MENU_BUTTON);
  g_assert_true (menu_offers (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (bubble)), action, parameter));
  /* As the menu's item does. */
  if (parameter != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (making->source_view), action, "s", parameter));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (making->source_view), action, NULL));
  g_assert_false (cite_menu_is_open (making->source_view));
  cited = sb_selection_get_selected (making->selection);
  return SB_IS_ITEM (cited) ? SB_ITEM (cited) : NULL;
}

static SbItem *
cite (Making     *making,
      const char *action,
      const char *parameter)
{
  SbItem *cited = cite_at_once (making, action, parameter);

  sb_test_iterate_for (50);
  return cited;
}

static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *text)
{
  g_autofree char *label = NULL;

  if (g_type_is_a (G_OBJECT_TYPE (root), g_type_from_name ("GtkModelButton")))
    {
      g_object_get (root, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+Alt+C, then a click on the menu's item @text, as with a mouse: the
 * menu closes after the item has cited.
 */
static SbItem *
cite_by_click (Making     *making,
               const char *text)
{
  GtkWidget *bubble;
  GtkWidget *item;
  SbEntity *cited;

  sb_test_press_shortcut (GTK_WIDGET (making->source_view), "<Control><Alt>c");
  g_assert_true (sb_test_run_until (cite_menu_is_open, making->source_view, 10000));
  bubble = sb_test_find_widget (GTK_WIDGET (making->source_view), GTK_TYPE_MENU_BUTTON);
  item = find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (bubble))), text);
  if (item == NULL)
    g_error ("the Cite menu has no item “%s”", text);
  g_signal_emit_by_name (item, "clicked");
  sb_test_iterate_for (50);
  cited = sb_selection_get_selected (making->selection);
  return SB_IS_ITEM (cited) ? SB_ITEM (cited) : NULL;
}

static SbCitation *
first_citation (SbItem *item)
{
  return g_ptr_array_index (sb_item_get_citations (item), 0);
}

static gboolean
chooser_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 100;
}

/* Ctrl+Alt+P, with the card scrolled wherever the last field typed into
 * left it, or still scrolling there: Place heads the card above its
 * scrolled fields (a card scrolled by a late edit once left the popover
 * anchored outside the window, with no size).
 */
static SbPlaceChooser *
open_place (Making *making)
{
  SbPlaceChooser *chooser = sb_detail_pane_get_place_chooser (making->pane);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (making->card), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_false (gtk_widget_is_ancestor (gtk_widget_get_parent (GTK_WIDGET (chooser)), scroller));
  sb_test_press_shortcut (GTK_WIDGET (making->window), "<Control><Alt>p");
  sb_test_wait_until (chooser_is_shown, chooser);
  return chooser;
}

static void
place_by_name (Making          *making,
               const char      *end,
               const char      *name,
               SbPlacePrecision precision,
               double           radius_km)
{
  SbPlaceChooser *chooser = open_place (making);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (making->window));
  GtkWidget *search;
  int start = 0, end_at = 0;

  /* Ready to type the name, even for a movement whose Which End comes
   * first; a name typed before is selected, so typing replaces it.
   */
  g_assert_nonnull (focus);
  search = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_get_ancestor (search, SB_TYPE_PLACE_CHOOSER) == GTK_WIDGET (chooser));
  g_assert_null (gtk_widget_get_ancestor (search, GTK_TYPE_DROP_DOWN));
  if (*gtk_editable_get_text (GTK_EDITABLE (search)) != '\0')
    {
      g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (search), &start, &end_at));
      g_assert_cmpint (end_at - start, ==, g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (search)), -1));
    }

  if (end != NULL)
    {
      GtkDropDown *which = GTK_DROP_DOWN (sb_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN));

      g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (which))));
      gtk_drop_down_set_selected (which, g_str_equal (end, "From") ? 1 : 0);
    }
  sb_place_chooser_search (chooser, name);
  sb_place_chooser_set_precision (chooser, precision, radius_km);
  sb_test_iterate_for (100);
  g_assert_cmpuint (sb_place_chooser_get_n_results (chooser), >=, 1);
  screenshot ("place", name);
  g_assert_true (sb_place_chooser_choose (chooser, 0));
  sb_test_iterate_for (100);
}

/* Whether @item is drawn where a person sees it: in the map, not under
 * the details lying over it.
 */
typedef struct
{
  Making *making;
  SbItem *item;
} InView;

static gboolean
is_in_view (gpointer data)
{
  InView *in_view = data;
  SbMapView *map_view = sb_window_get_map_view (in_view->making->window);
  GtkWidget *window = GTK_WIDGET (in_view->making->window);
  graphene_point_t point, pane;
  double x, y;

  if (!sb_map_view_locate_item (map_view, in_view->item, &x, &y) ||
      !gtk_widget_compute_point (GTK_WIDGET (map_view), window, &GRAPHENE_POINT_INIT (x, y), &point) ||
      !gtk_widget_compute_point (GTK_WIDGET (in_view->making->pane), window, &GRAPHENE_POINT_INIT (0, 0), &pane))
    return FALSE;
  return x >= 0 && y >= 0 && x < gtk_widget_get_width (GTK_WIDGET (map_view)) &&
         y < gtk_widget_get_height (GTK_WIDGET (map_view)) &&
         (!gtk_widget_get_mapped (GTK_WIDGET (in_view->making->pane)) || point.x < pane.x);
}

/* The map's own click, where a person clicks: on the map as shown. */
static void
click_map_at (Making *making,
              double  latitude,
              double  longitude)
{
  SbMapView *map_view = sb_window_get_map_view (making->window);
  GtkWidget *map = sb_test_find_widget (GTK_WIDGET (map_view), SHUMATE_TYPE_MAP);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (map);
  graphene_point_t point, pane;
  GtkGesture *editor_click = NULL;
  double x, y;

  shumate_viewport_location_to_widget_coords (sb_map_view_get_viewport (map_view), map, latitude, longitude, &x, &y);
  /* Where the person sees it: not under the details. */
  g_assert_true (gtk_widget_compute_point (map, GTK_WIDGET (making->window), &GRAPHENE_POINT_INIT (x, y), &point));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (making->pane), GTK_WIDGET (making->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &pane));
  g_assert_cmpfloat (point.x, <, pane.x);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (map));

  /* The editor's click is the one that goes first. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        editor_click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (editor_click);
  g_signal_emit_by_name (editor_click, "released", 1, x, y);
  sb_test_iterate_for (100);
}

static gboolean
no_problems (gpointer data)
{
  SbDocument *document = data;

  return g_list_model_get_n_items (sb_checker_get_problems (sb_document_get_checker (document))) == 0;
}

static gboolean
is_saved (gpointer data)
{
  return !sb_document_get_modified (data);
}

static gboolean
presenting (gpointer data)
{
  return sb_presenter_get_window (data) != NULL;
}

static void
assert_verbatim (SbBriefing *briefing,
                 GPtrArray  *citations,
                 guint      *n_quotes)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);

      g_assert_nonnull (sb_citation_get_quote (citation));
      g_assert_nonnull (strstr (sb_source_get_text (citation->source), sb_citation_get_quote (citation)));
      (*n_quotes)++;
    }
}

static void
test_making_a_briefing (void)
{
  g_autofree char *dir = sb_test_make_temp_dir ("sahelbrief-making-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "convoy-menaka.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article = g_file_new_for_path (ARTICLE);
  const char *size = g_getenv ("SB_SCREENSHOT_SIZE");
  int width = 1024, height = 768;
  Making making = { 0, };
  SbAddSourceDialog *dialog;
  GtkWidget *focus, *row;
  SbSource *source;
  SbItem *incident, *deployment, *movement;
  SbActor *actor;
  SbPlace *place;
  SbFigure *figure;
  SbStepsPanel *panel;
  GListModel *steps;
  gboolean closed = FALSE;

  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);

  making.window = sb_window_new (NULL, settings);
  gtk_window_set_default_size (GTK_WINDOW (making.window), width, height);
  sb_window_load_default (making.window);
  gtk_window_present (GTK_WINDOW (making.window));
  sb_test_wait_until (sb_test_window_has_document, making.window);
  making.selection = sb_window_get_selection (making.window);
  making.pane = SB_DETAIL_PANE (sb_test_find_widget (GTK_WIDGET (making.window), SB_TYPE_DETAIL_PANE));
  making.card = SB_EDIT_CARD (sb_test_find_widget (GTK_WIDGET (making.pane), SB_TYPE_EDIT_CARD));
  making.source_view = sb_detail_pane_get_source_view (making.pane);

  /* Ctrl+N: an empty briefing, its guide's Add Source ready for Enter. */
  sb_test_press_shortcut (GTK_WIDGET (making.window), "<Control>n");
  sb_test_wait_until (sb_test_window_has_document, making.window);
  making.document = sb_window_get_document (making.window);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (sb_document_get_briefing (making.document))), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (making.window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.add-source");
  screenshot ("new-briefing", NULL);
  gtk_widget_activate (focus);

  /* The article, opened: what it says of itself filled in, Add focused. */
  sb_test_wait_until (add_source_is_shown, NULL);
  dialog = SB_ADD_SOURCE_DIALOG (sb_test_find_toplevel (SB_TYPE_ADD_SOURCE_DIALOG));
  sb_add_source_dialog_open (dialog, article);
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "Gunmen ambush fuel convoy near Ménaka; army sends troops from Gao");
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Publisher");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Sahel Desk (invented for SahelBrief)");
  row = sb_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Published, as 2022-08-15, 2022-08 or 2022");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-11-27");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_root_get_focus (GTK_ROOT (dialog)))), ==, "_Add");
  /* Its shortcut said where Add is, and under the text. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_root_get_focus (GTK_ROOT (dialog))), "Ctrl+Enter"));
  g_assert_nonnull (sb_test_find_label (GTK_WIDGET (dialog),
                                        "Trim what is not the article, check what the document says of itself, then Add (Ctrl+Enter)."));
  screenshot ("add-source", NULL);
  sb_test_press_shortcut (GTK_WIDGET (dialog), "<Control>Return");
  sb_test_wait_until (no_add_source, NULL);

  /* The source is shown, its text to cite from. */
  source = SB_SOURCE (sb_selection_get_selected (making.selection));
  g_assert_true (SB_IS_SOURCE (source));
  g_assert_cmpstr (sb_source_get_publisher (source), ==, "Sahel Desk (invented for SahelBrief)");

  /* 1. The incident: Ctrl+Alt+C, New Incident clicked; the focus is in
   * its title, not back in the text the menu was opened from.
   */
  select_passage (&making, INCIDENT_QUOTE);
  incident = cite_by_click (&making, "New Incident");
  g_assert_nonnull (incident);
  g_assert_cmpint (sb_item_get_kind (incident), ==, SB_ITEM_KIND_INCIDENT);
  g_assert_cmpstr (sb_citation_get_quote (first_citation (incident)), ==, INCIDENT_QUOTE);
  /* "… officials said", and no government in the briefing to name as
   * claiming it: reported, not a claim by nobody (a problem the user did
   * not make). Dated as the source is, to be narrowed.
   */
  g_assert_cmpint (sb_item_get_certainty (incident), ==, SB_CERTAINTY_REPORTED);
  g_assert_null (sb_item_get_evidence (incident)->claimed_by);
  g_assert_true (sb_date_equal (sb_item_get_date (incident), sb_source_get_date (source)));
  type_where_focused (&making, "Title", "Fuel convoy ambushed west of Ménaka");
  type_into (&making, "Description", "Gunmen on motorbikes attacked an army-escorted fuel convoy on the road from Gao.");
  type_into (&making, "Date", "2026-11-26");
  type_into (&making, "Fatalities", "7");
  screenshot ("incident-card", NULL);

  /* Not placed yet: the sidebar lists it under Not on the Map, and
   * choosing it there selects it.
   */
  {
    GtkWidget *sidebar = sb_test_find_widget (GTK_WIDGET (making.window), SB_TYPE_SIDEBAR);
    GtkWidget *label;
    GtkWidget *unplaced;

    g_assert_nonnull (sb_test_find_label (sidebar, "Not on the Map (1)"));
    label = sb_test_find_label (sidebar, "Fuel convoy ambushed west of Ménaka");
    g_assert_nonnull (label);
    g_assert_true (gtk_widget_is_drawable (label));
    unplaced = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
    sb_selection_clear (making.selection);
    sb_test_iterate_for (50);
    gtk_widget_activate (unplaced);
    sb_test_iterate_for (50);
    g_assert_true (sb_selection_get_selected (making.selection) == SB_ENTITY (incident));
  }

  /* By name, about 30 km from Ménaka: near it. */
  place_by_name (&making, NULL, "Ménaka", SB_PLACE_PRECISION_NEAR, 30);
  place = sb_item_get_place (incident);
  g_assert_nonnull (place);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Ménaka");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 30);
  /* Placed, it leaves Not on the Map. */
  g_assert_null (sb_test_find_label (sb_test_find_widget (GTK_WIDGET (making.window), SB_TYPE_SIDEBAR),
                                     "Fuel convoy ambushed west of Ménaka"));
  {
    InView in_view = { &making, incident };

    sb_test_wait_until (is_in_view, &in_view);
  }
  screenshot ("incident-placed", NULL);

  /* 2. The deployment, cited with the focus on the card, not the text. */
  select_passage (&making, DEPLOYMENT_QUOTE);
  gtk_widget_child_focus (GTK_WIDGET (making.card), GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (making.source_view)));
  deployment = cite (&making, "cite.new", "deployment");
  g_assert_nonnull (deployment);
  g_assert_true (deployment != incident);
  g_assert_cmpint (sb_item_get_kind (deployment), ==, SB_ITEM_KIND_DEPLOYMENT);
  g_assert_cmpstr (sb_citation_get_quote (first_citation (deployment)), ==, DEPLOYMENT_QUOTE);
  type_where_focused (&making, "Title", "Army battalion deployed to Ménaka");
  type_into (&making, "Description", "About 400 soldiers to secure the road and the airfield, the army says.");
  type_into (&making, "Date", "2026-11-27");

  /* Placed by a click where Ménaka is on the map, named after it. */
  open_place (&making);
  g_signal_emit_by_name (sb_test_find_button (GTK_WIDGET (sb_detail_pane_get_place_chooser (making.pane)),
                                              "Click on the Map Instead"), "clicked");
  sb_test_iterate_for (100);
  g_assert_cmpint (sb_map_editor_get_mode (sb_window_get_map_editor (making.window)), ==,
                   SB_MAP_EDITOR_PLACE);
  screenshot ("deployment-click", NULL);
  click_map_at (&making, MENAKA_LAT, MENAKA_LON);
  g_assert_cmpint (sb_map_editor_get_mode (sb_window_get_map_editor (making.window)), ==,
                   SB_MAP_EDITOR_IDLE);
  place = sb_item_get_place (deployment);
  g_assert_nonnull (place);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (place)), ==, "Ménaka");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_POINT);
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), MENAKA_LAT, 0.2);
  g_assert_cmpfloat_with_epsilon (sb_place_get_longitude (place), MENAKA_LON, 0.2);
  g_assert_true (sb_selection_get_selected (making.selection) == SB_ENTITY (deployment));
  screenshot ("deployment-placed", NULL);

  /* 3. The movement, from Gao to Ménaka, both ends by name. */
  select_passage (&making, MOVEMENT_QUOTE);
  movement = cite (&making, "cite.new", "movement");
  g_assert_nonnull (movement);
  g_assert_cmpint (sb_item_get_kind (movement), ==, SB_ITEM_KIND_MOVEMENT);
  g_assert_cmpstr (sb_citation_get_quote (first_citation (movement)), ==, MOVEMENT_QUOTE);
  type_where_focused (&making, "Title", "Army column from Gao to Ménaka");
  type_into (&making, "Description", "Some sixty vehicles left Gao on Friday morning.");
  type_into (&making, "Date", "2026-11-27");
  choose_in (&making, "Certainty", "Reported");
  place_by_name (&making, "To", "Ménaka", SB_PLACE_PRECISION_POINT, 0);
  place_by_name (&making, "From", "Gao", SB_PLACE_PRECISION_POINT, 0);
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_place (movement))), ==, "Ménaka");
  g_assert_cmpstr (sb_entity_get_label (SB_ENTITY (sb_item_get_origin (movement))), ==, "Gao");
  screenshot ("movement-placed", NULL);

  /* An actor, named as the article names it. */
  gtk_widget_activate_action (GTK_WIDGET (making.window), "win.add-actor", NULL);
  type_where_focused (&making, "Name", "Malian Armed Forces");
  actor = SB_ACTOR (sb_selection_get_selected (making.selection));
  g_assert_true (SB_IS_ACTOR (actor));
  type_into (&making, "Short name on the map", "FAMa");
  type_into (&making, "Other names, separated by commas", "Malian army, army");
  choose_in (&making, "Kind", "National forces");
  g_assert_cmpint (sb_actor_get_kind (actor), ==, SB_ACTOR_KIND_NATIONAL_FORCES);

  /* It is the deployment's, and claims it. */
  sb_selection_select (making.selection, SB_ENTITY (deployment));
  sb_test_iterate_for (100);
  g_assert_true (sb_edit_card_get_entity (making.card) == SB_ENTITY (deployment));
  choose_in (&making, "Actor", "Malian Armed Forces");
  g_assert_true (sb_item_get_actor (deployment, 0) == actor);
  /* Cited before the army was an actor: reported until said otherwise. */
  g_assert_cmpint (sb_item_get_certainty (deployment), ==, SB_CERTAINTY_REPORTED);
  choose_in (&making, "Certainty", "Claimed");
  choose_in (&making, "Claimed by", "Malian Armed Forces");
  g_assert_true (sb_item_get_evidence (deployment)->claimed_by == actor);

  /* Its strength, cited: "the army", recognised, offers a figure of it. */
  select_passage (&making, FIGURE_QUOTE);
  cite (&making, "cite.figure", sb_entity_get_id (SB_ENTITY (actor)));
  g_assert_true (sb_selection_get_selected (making.selection) == SB_ENTITY (actor));
  if (sb_edit_card_get_entity (making.card) != SB_ENTITY (actor))
    sb_test_press_shortcut (GTK_WIDGET (making.window), "<Control>e");
  sb_test_iterate_for (100);
  g_assert_true (sb_edit_card_get_entity (making.card) == SB_ENTITY (actor));
  g_assert_nonnull (sb_actor_get_figures (actor));
  g_assert_cmpuint (sb_actor_get_figures (actor)->len, ==, 1);
  figure = g_ptr_array_index (sb_actor_get_figures (actor), 0);
  g_assert_cmpfloat (figure->value.min, ==, 400);
  /* "the army said", and the army now an actor: claimed, by it. */
  g_assert_cmpint (figure->evidence.certainty, ==, SB_CERTAINTY_CLAIMED);
  g_assert_true (figure->evidence.claimed_by == actor);

  /* Where the article names it: one more citation, of the actor chosen. */
  select_passage (&making, ACTOR_QUOTE);
  cite (&making, "cite.add", NULL);
  g_assert_nonnull (sb_actor_get_citations (actor));
  g_assert_cmpuint (sb_actor_get_citations (actor)->len, ==, 1);
  screenshot ("actor-card", NULL);

  /* The column is the army's too. */
  sb_selection_select (making.selection, SB_ENTITY (movement));
  sb_test_iterate_for (100);
  g_assert_true (sb_edit_card_get_entity (making.card) == SB_ENTITY (movement));
  choose_in (&making, "Actor", "Malian Armed Forces");
  g_assert_true (sb_item_get_actor (movement, 0) == actor);

  /* The briefing's own title, in Briefing Details. */
  gtk_widget_activate_action (GTK_WIDGET (making.window), "win.edit-briefing", NULL);
  sb_test_iterate_for (100);
  {
    GtkWindow *details = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && details == NULL; i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (g_strcmp0 (gtk_window_get_title (toplevel), "Briefing Details") == 0)
          details = toplevel;
      }
    g_assert_nonnull (details);
    row = sb_test_find_row (GTK_WIDGET (details), ADW_TYPE_ENTRY_ROW, "Title");
    g_assert_nonnull (row);
    sb_test_type_and_enter (row, "Convoy attack near Ménaka");
    gtk_window_destroy (details);
  }

  /* Two steps (F8, then Ctrl+Shift+A for each): the ambush, then the
   * troops sent.
   */
  sb_test_press_shortcut (GTK_WIDGET (making.window), "F8");
  panel = SB_STEPS_PANEL (sb_test_find_widget (GTK_WIDGET (making.window), SB_TYPE_STEPS_PANEL));
  sb_test_wait_until (is_mapped, panel);
  /* Before the text fields of the step's card, which take Ctrl+Shift+A
   * as "select nothing".
   */
  g_assert_true (sb_test_shortcut_goes_first (GTK_WIDGET (panel), "<Control><Shift>a"));
  steps = sb_briefing_get_steps (sb_document_get_briefing (making.document));
  sb_selection_select (making.selection, SB_ENTITY (incident));
  sb_test_iterate_for (300);
  sb_test_press_shortcut (GTK_WIDGET (panel), "<Control><Shift>a");
  sb_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 1);
  /* Its card is the panel's: the details do not show it a second time,
   * but go on showing the statement it was made from, which stays chosen.
   */
  g_assert_true (sb_selection_get_selected (making.selection) == SB_ENTITY (incident));
  g_assert_false (SB_IS_STEP (sb_edit_card_get_entity (making.card)));
  g_assert_null (sb_test_find_row (GTK_WIDGET (making.pane), ADW_TYPE_ENTRY_ROW, "Caption"));
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW, "Title");
  sb_test_type_and_enter (row, "The ambush");
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW, "Caption");
  sb_test_type_and_enter (row, "A fuel convoy ambushed west of Ménaka: seven killed");
  sb_selection_select (making.selection, SB_ENTITY (deployment));
  sb_test_iterate_for (300);
  sb_test_press_shortcut (GTK_WIDGET (panel), "<Control><Shift>a");
  sb_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 2);
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW, "Title");
  /* Ready to type the new step's title, wherever the focus was before
   * (the last step's caption); the deployment stays chosen.
   */
  focus = gtk_root_get_focus (GTK_ROOT (making.window));
  g_assert_true (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)));
  g_assert_true (sb_selection_get_selected (making.selection) == SB_ENTITY (deployment));
  sb_test_type_and_enter (row, "Troops sent");
  row = sb_test_find_row (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW, "Caption");
  sb_test_type_and_enter (row, "The army sends a battalion from Gao to Ménaka");
  screenshot ("steps", NULL);

  /* Nothing left for the Problems list, then saved (Save As, as a new
   * briefing asks) and the window closed.
   */
  if (!sb_test_run_until (no_problems, making.document, 10000))
    {
      GListModel *problems = sb_checker_get_problems (sb_document_get_checker (making.document));

      for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
        {
          g_autoptr(SbCheckerProblem) problem = g_list_model_get_item (problems, i);
          const SbProblem *said = sb_checker_problem_get_problem (problem);

          g_test_message ("problem: %s: %s", said->path, said->message);
        }
      g_error ("the briefing made still has problems");
    }
  sb_window_save_as (making.window, file);
  sb_test_wait_until (is_saved, making.document);
  g_signal_connect_swapped (making.window, "destroy", G_CALLBACK (set_true), &closed);
  gtk_window_close (GTK_WINDOW (making.window));
  sb_test_wait_until (is_true, &closed);

  /* What `sahelbrief --check` says of it: nothing. */
  {
    const char *argv[] = { SAHELBRIEF_EXE, "--check", path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(GError) error = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("sahelbrief --check failed:\n%s%s", out, err);
    g_assert_cmpstr (out, ==, "");
  }

  /* Every quote is word for word in its source. */
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(SbBriefing) saved = sb_loader_load_file (file, NULL, &problems);
    GListModel *items, *actors;
    guint n_quotes = 0;

    g_assert_nonnull (saved);
    g_assert_true (problems == NULL || problems->len == 0);
    items = sb_briefing_get_all_items (saved);
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(SbItem) item = g_list_model_get_item (items, i);

        assert_verbatim (saved, sb_item_get_citations (item), &n_quotes);
      }
    actors = sb_briefing_get_actors (saved);
    g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 1);
    for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
      {
        g_autoptr(SbActor) saved_actor = g_list_model_get_item (actors, i);
        GPtrArray *figures = sb_actor_get_figures (saved_actor);

        g_assert_nonnull (figures);
        for (guint k = 0; k < figures->len; k++)
          assert_verbatim (saved, ((SbFigure *) g_ptr_array_index (figures, k))->evidence.citations, &n_quotes);
      }
    g_assert_cmpuint (n_quotes, ==, 4);
    g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_steps (saved)), ==, 2);
  }

  /* Presented, from the file: both steps, one after the other. */
  {
    SbWindow *window = sb_window_new (NULL, settings);
    SbPresentationWindow *presentation_window;
    SbPresentation *presentation;
    SbTestLabel first, second;

    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
    gtk_window_present (GTK_WINDOW (window));
    sb_window_open (window, file);
    sb_test_wait_until (sb_test_window_has_document, window);
    g_assert_true (g_file_equal (sb_window_get_file (window), file));
    sb_test_press_shortcut (GTK_WIDGET (window), "F5");
    sb_test_wait_until (presenting, sb_window_get_presenter (window));
    presentation_window = sb_presenter_get_window (sb_window_get_presenter (window));
    presentation = sb_presentation_window_get_presentation (presentation_window);
    g_assert_cmpuint (sb_presentation_get_n_slides (presentation), ==, 2);
    first = (SbTestLabel) { GTK_WIDGET (presentation_window), "A fuel convoy ambushed west of Ménaka: seven killed" };
    second = (SbTestLabel) { GTK_WIDGET (presentation_window), "The army sends a battalion from Gao to Ménaka" };
    sb_test_wait_until (sb_test_label_shown, &first);
    g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 0);
    screenshot ("present-step-1", NULL);
    g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_Page_Down, 0));
    sb_test_wait_until (sb_test_label_shown, &second);
    g_assert_cmpuint (sb_presentation_get_index (presentation), ==, 1);
    screenshot ("present-step-2", NULL);
    g_assert_true (sb_presentation_handle_key (presentation, GDK_KEY_Escape, 0));
    sb_test_iterate_for (200);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  if (g_getenv ("SB_TEST_KEEP_FILES") == NULL)
    {
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      g_unlink (backup);
      g_unlink (path);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sb_test_log_init ();
  sb_test_log_let_monitor_lookup_pass ();
  /* The app's style, as AdwApplication loads it: the window as shown. */
  {
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, "/com/example/SahelBrief/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  settings = g_settings_new ("com.example.SahelBrief");
  g_settings_set_string (settings, "tile-source", "none");

  g_test_add_func ("/making-a-briefing/from-an-article", test_making_a_briefing);

  status = g_test_run ();
  g_clear_object (&settings);
  return status;
}
