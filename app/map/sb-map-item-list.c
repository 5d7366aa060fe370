/* sb-map-item-list.c
 *
 * What the map shows, for a screen reader: a list of the statements
 * drawn, in the sidebar's order (actors by kind, each actor's statements
 * by date), each with its name, what it is, where and how certain.
 * Choosing a row chooses the statement, as a click on the map does.
 *
 * It sits over the map invisible and untouchable until it has the
 * keyboard focus: then it shows, as a web page's "skip links" do, so that
 * a sighted keyboard user sees where Tab went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-map-item-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-format.h"
#include "sb-map-item-list.h"

/* An event data set's hundred thousand rows would help no one. */
#define MAX_ROWS 500
/* A rebuild goes on in slices this long, so that a filter changed over a
 * million statements never holds the window up for a frame.
 */
#define SLICE_US 4000
#define ITEMS_PER_CLOCK_CHECK 1024

typedef enum
{
  STAGE_IDLE,
  STAGE_ACTORS,            /* statements under their first actor */
  STAGE_NO_ACTOR,          /* then those of no actor */
  STAGE_REMOVE,            /* the old rows go */
  STAGE_ADD,               /* the new rows come */
} Stage;

struct _SbMapItemList
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkListBox *list;
  GtkEventController *focus;
  SbSelection *selection;
  GPtrArray *items;        /* of SbItem, unowned: one per row */
  guint rebuild_source;
  gboolean syncing;

  /* The rebuild under way: where it is, and the rows it will show. */
  Stage stage;
  guint kind, actor, position;
  GPtrArray *wanted;       /* of SbItem, owned */
  GHashTable *listed;      /* of SbItem in wanted */
};

G_DEFINE_FINAL_TYPE (SbMapItemList, sb_map_item_list, GTK_TYPE_WIDGET)

/* "Deployment, present · August 2022 · Estimated · Somewhere in Mali" */
static char *
describe (SbItem         *item,
          const SbFilter *filter)
{
  g_autofree char *subtitle = sb_format_item_subtitle_for (item, filter);
  g_autofree char *where = sb_item_get_place (item) ? sb_format_place_precision (sb_item_get_place (item)) : NULL;

  if (where == NULL)
    return g_steal_pointer (&subtitle);

  return g_strdup_printf ("%s · %s", subtitle, where);
}

#define ROW_TEXT_KEY "sb-row-text"

/* The row's text is laid out only while the list shows: five hundred
 * rows of wrapped text made anew on each change of filters would take
 * the frame after a tenth of a second to measure, for a list no one sees.
 * Screen readers read the rows' accessible names, always there.
 */
static void
show_row_text (GtkWidget *row)
{
  GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  const char *text = g_object_get_data (G_OBJECT (row), ROW_TEXT_KEY);

  if (text != NULL && *gtk_label_get_text (label) == '\0')
    gtk_label_set_text (label, text);
}

static GtkWidget *
create_row (SbItem         *item,
            const SbFilter *filter,
            gboolean        shown)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;
  g_autofree char *description = describe (item, filter);
  g_autofree char *name = sb_format_item_name (item);
  g_autofree char *text = NULL;
  SbActor *actor = sb_item_get_n_actors (item) > 0 ? sb_item_get_actor (item, 0) : NULL;

  /* TRANSLATORS: a statement on the map, as a screen reader lists them:
   * who, what, and the statement's type, date, certainty and place
   */
  text = actor ? g_strdup_printf (_("%s: %s — %s"), sb_entity_get_label (SB_ENTITY (actor)), name, description)
               : g_strdup_printf (_("%s — %s"), name, description);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), ROW_TEXT_KEY, g_steal_pointer (&text), g_free);
  if (shown)
    show_row_text (row);

  return row;
}

static void
add_item (SbMapItemList *self,
          SbItem        *item)
{
  if (self->wanted->len >= MAX_ROWS || !sb_selection_item_is_visible (self->selection, item) ||
      !g_hash_table_add (self->listed, item))
    return;

  g_ptr_array_add (self->wanted, g_object_ref (item));
}

static void
sync_selected (SbMapItemList *self)
{
  SbEntity *selected = self->selection ? sb_selection_get_selected (self->selection) : NULL;
  guint position;

  self->syncing = TRUE;
  if (selected != NULL && g_ptr_array_find (self->items, selected, &position))
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, position));
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;
}

static void
stop_rebuild (SbMapItemList *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->stage = STAGE_IDLE;
  g_ptr_array_set_size (self->wanted, 0);
  g_hash_table_remove_all (self->listed);
}

/* In the sidebar's order: actors by kind, in the briefing's order within
 * a kind, each with its statements by date; then those of no actor. Goes
 * on from where the last slice stopped; FALSE when @deadline came first.
 */
static gboolean
collect (SbMapItemList *self,
         SbBriefing    *briefing,
         gint64         deadline)
{
  GListModel *actors = sb_briefing_get_actors (briefing);
  GListModel *items = sb_briefing_get_all_items (briefing);
  guint counted = 0;

  for (; self->stage == STAGE_ACTORS && self->kind < SB_N_ACTOR_KINDS; self->kind++, self->actor = 0)
    for (; self->actor < g_list_model_get_n_items (actors); self->actor++, self->position = 0)
      {
        g_autoptr(SbActor) actor = g_list_model_get_item (actors, self->actor);
        GPtrArray *of_actor;

        if (sb_actor_get_kind (actor) != self->kind)
          continue;

        of_actor = sb_briefing_get_items_for_actor (briefing, actor);
        for (; of_actor != NULL && self->position < of_actor->len; self->position++)
          {
            SbItem *item = g_ptr_array_index (of_actor, self->position);

            if (self->wanted->len >= MAX_ROWS)
              break;
            if (++counted % ITEMS_PER_CLOCK_CHECK == 0 && g_get_monotonic_time () > deadline)
              return FALSE;
            /* Under its first actor only, who gives it its colour. */
            if (sb_item_get_actor (item, 0) == actor)
              add_item (self, item);
          }
      }

  if (self->stage == STAGE_ACTORS)
    {
      self->stage = STAGE_NO_ACTOR;
      self->position = 0;
    }

  for (; self->position < g_list_model_get_n_items (items) && self->wanted->len < MAX_ROWS; self->position++)
    {
      g_autoptr(SbItem) item = NULL;

      if (++counted % ITEMS_PER_CLOCK_CHECK == 0 && g_get_monotonic_time () > deadline)
        return FALSE;
      item = g_list_model_get_item (items, self->position);
      if (sb_item_get_n_actors (item) == 0)
        add_item (self, item);
    }

  return TRUE;
}

/* One slice of the rebuild; FALSE when it is done. */
static gboolean
rebuild_slice (SbMapItemList *self)
{
  SbBriefing *briefing = self->selection ? sb_selection_get_briefing (self->selection) : NULL;
  gint64 deadline = g_get_monotonic_time () + SLICE_US;
  GtkWidget *child;

  if (briefing == NULL && self->stage < STAGE_REMOVE)
    self->stage = STAGE_REMOVE;

  if (self->stage < STAGE_REMOVE)
    {
      if (!collect (self, briefing, deadline))
        return TRUE;
      self->stage = STAGE_REMOVE;
    }

  /* The old rows from the end, so that those left still match self->items. */
  while (self->stage == STAGE_REMOVE && (child = gtk_widget_get_last_child (GTK_WIDGET (self->list))) != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        return TRUE;
      gtk_list_box_remove (self->list, child);
      g_ptr_array_set_size (self->items, self->items->len - 1);
    }
  self->stage = STAGE_ADD;

  while (self->items->len < self->wanted->len)
    {
      SbItem *item = g_ptr_array_index (self->wanted, self->items->len);

      if (g_get_monotonic_time () > deadline)
        return TRUE;
      g_ptr_array_add (self->items, item);
      gtk_list_box_append (self->list, create_row (item, sb_selection_get_filter (self->selection),
                                                   gtk_widget_has_css_class (GTK_WIDGET (self), "focused")));
    }

  /* The rows' statements are held by the briefing from here on. */
  g_ptr_array_set_size (self->wanted, 0);
  g_hash_table_remove_all (self->listed);
  self->stage = STAGE_IDLE;
  sync_selected (self);
  return FALSE;
}

static gboolean
on_rebuild (gpointer user_data)
{
  SbMapItemList *self = user_data;

  if (rebuild_slice (self))
    return G_SOURCE_CONTINUE;

  self->rebuild_source = 0;
  return G_SOURCE_REMOVE;
}

/* Starts again from the first actor; a small briefing is listed at once. */
static void
rebuild (SbMapItemList *self)
{
  stop_rebuild (self);
  self->stage = STAGE_ACTORS;
  self->kind = self->actor = self->position = 0;
  if (rebuild_slice (self))
    self->rebuild_source = g_timeout_add (1, on_rebuild, self);
}

static gboolean
on_rebuild_later (gpointer user_data)
{
  SbMapItemList *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Filters change several at a time: the list follows once. A timeout,
 * not an idle: idles starve while the map redraws.
 */
static void
queue_rebuild (SbMapItemList *self)
{
  stop_rebuild (self);
  self->rebuild_source = g_timeout_add (30, on_rebuild_later, self);
}

static void
on_row_selected (GtkListBox    *list,
                 GtkListBoxRow *row,
                 SbMapItemList *self)
{
  if (self->syncing || row == NULL || self->selection == NULL)
    return;

  sb_selection_select (self->selection, g_ptr_array_index (self->items, gtk_list_box_row_get_index (row)));
}

/* Shown while it has the focus and the keyboard moves it: a click that
 * lands focus here by chance shows nothing.
 */
static void
update_shown (SbMapItemList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean shown = gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus)) &&
                   GTK_IS_WINDOW (root) && gtk_window_get_focus_visible (GTK_WINDOW (root));

  if (shown)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        show_row_text (row);
      gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
  gtk_widget_set_can_target (GTK_WIDGET (self), shown);
}

static void
on_root_changed (SbMapItemList *self,
                 GParamSpec    *pspec,
                 gpointer       user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::focus-visible", G_CALLBACK (update_shown), self, G_CONNECT_SWAPPED);
}

void
sb_map_item_list_set_selection (SbMapItemList *self,
                                SbSelection   *selection)
{
  g_return_if_fail (SB_IS_MAP_ITEM_LIST (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::briefing", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "texts-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (sync_selected), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

guint
sb_map_item_list_get_n_rows (SbMapItemList *self)
{
  g_return_val_if_fail (SB_IS_MAP_ITEM_LIST (self), 0);

  return self->items->len;
}

/**
 * sb_map_item_list_get_item:
 *
 * Returns: (transfer none) (nullable): the statement of row @position
 */
SbItem *
sb_map_item_list_get_item (SbMapItemList *self,
                           guint          position)
{
  g_return_val_if_fail (SB_IS_MAP_ITEM_LIST (self), NULL);

  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

static void
sb_map_item_list_dispose (GObject *object)
{
  SbMapItemList *self = (SbMapItemList *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->wanted, g_ptr_array_unref);
  g_clear_pointer (&self->listed, g_hash_table_unref);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sb_map_item_list_parent_class)->dispose (object);
}

static void
sb_map_item_list_class_init (SbMapItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_map_item_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-map-item-list");
}

static void
sb_map_item_list_init (SbMapItemList *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focus = focus;
  self->items = g_ptr_array_new ();
  self->wanted = g_ptr_array_new_with_free_func (g_object_unref);
  self->listed = g_hash_table_new (NULL, NULL);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Statements on the map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What the map shows, in the order of the actors in the sidebar"),
                                  -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->scroller, "card");

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (update_shown), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (update_shown), self);
  g_signal_connect (self, "notify::root", G_CALLBACK (on_root_changed), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

SbMapItemList *
sb_map_item_list_new (void)
{
  return g_object_new (SB_TYPE_MAP_ITEM_LIST, NULL);
}
