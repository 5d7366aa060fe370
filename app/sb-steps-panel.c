/* sb-steps-panel.c
 *
 * The presentation's steps: a list to choose, reorder (by dragging, or
 * Alt+Up and Alt+Down) and remove (Delete) steps in, a step added from
 * what the map shows now (its view, layers, filters and highlights), and
 * the chosen step's card: caption and notes in each of the briefing's
 * languages, the passage it shows. Every change is an edit of the
 * window's document; choosing a step moves the map to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-steps-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sb-changes.h"
#include "sb-edit-card.h"
#include "sb-framing.h"
#include "sb-format.h"
#include "sb-projection.h"
#include "sb-steps-panel.h"
#include "sb-toast.h"

struct _SbStepsPanel
{
  GtkWidget parent_instance;

  GtkListBox *list;
  GtkScrolledWindow *list_scroller;
  GtkStack *card_stack;
  SbEditCard *card;
  GtkWidget *step_actions;
  GtkWidget *hint;

  SbDocument *document;
  SbMapView *map_view;     /* (weak) */
  SbStep *chosen;          /* nullable */
  guint focus_source;
  guint scroll_tick;       /* bringing the chosen row into view once laid out */
  guint scroll_frames;
};

G_DEFINE_FINAL_TYPE (SbStepsPanel, sb_steps_panel, GTK_TYPE_WIDGET)

enum {
  PRESENT,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_STEP_KEY "sb-step"

static SbBriefing *
briefing_of (SbStepsPanel *self)
{
  return self->document ? sb_document_get_briefing (self->document) : NULL;
}

static GListModel *
steps_of (SbStepsPanel *self)
{
  return self->document ? sb_briefing_get_steps (briefing_of (self)) : NULL;
}

static int
index_of (SbStepsPanel *self,
          SbStep       *step)
{
  GListModel *steps = steps_of (self);

  for (guint i = 0; steps != NULL && step != NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SbStep) each = g_list_model_get_item (steps, i);

      if (each == step)
        return i;
    }

  return -1;
}

static void
apply (SbStepsPanel *self,
       SbEdit       *edit)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    {
      sb_edit_unref (edit);
      return;
    }

  if (!sb_document_apply (self->document, edit, &error))
    g_warning ("Could not apply an edit: %s", error->message);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */
/* ------------------------------------------------------------------ */

static void
update_row (GtkWidget *row,
            guint      index)
{
  SbStep *step = g_object_get_data (G_OBJECT (row), ROW_STEP_KEY);
  const char *title = sb_text_get (sb_step_get_title (step));
  const char *caption = sb_text_get (sb_step_get_caption (step));
  g_autofree char *numbered = NULL;

  /* TRANSLATORS: a step in the list of steps: "3. Russia arrives in Gao" */
  numbered = g_strdup_printf (_("%u. %s"), index + 1, title && *title ? title : _("Untitled step"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), numbered);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), caption ? caption : "");
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  SbStep *step = g_object_get_data (G_OBJECT (row), ROW_STEP_KEY);

  return gdk_content_provider_new_typed (G_TYPE_STRING, sb_entity_get_id (SB_ENTITY (step)));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SbStepsPanel *self = user_data;
  SbStep *step = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  g_object_set_data_full (G_OBJECT (row), ROW_STEP_KEY, g_object_ref (step), g_object_unref);
  update_row (row, MAX (index_of (self, step), 0));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static GtkListBoxRow *
row_of (SbStepsPanel *self,
        SbStep       *step)
{
  int index = index_of (self, step);

  return index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;
}

static void
update_rows (SbStepsPanel *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    update_row (GTK_WIDGET (row), i);
}

static void
update_actions (SbStepsPanel *self)
{
  int index = index_of (self, self->chosen);
  guint n_steps = steps_of (self) ? g_list_model_get_n_items (steps_of (self)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.add", self->document != NULL && self->map_view != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.take-view", index >= 0 && self->map_view != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.remove", index >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.present", n_steps > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "steps.move-down", index >= 0 && (guint) index + 1 < n_steps);
  gtk_widget_set_visible (self->step_actions, index >= 0);
  gtk_widget_set_visible (self->hint, n_steps > 1);
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->list))), n_steps > 0);
}

/* The map goes where the step takes it, as presenting would. */
static void
preview (SbStepsPanel *self,
         SbStep       *step)
{
  double lat, lon, zoom;

  if (self->map_view == NULL || step == NULL)
    return;

  if (sb_step_get_center (step, &lat, &lon, &zoom))
    {
      /* In the part of the map no pane lies over, as it was taken. */
      double covered = sb_map_view_get_covered (self->map_view);
      double width = gtk_widget_get_width (GTK_WIDGET (self->map_view)) - covered;

      zoom = sb_framing_camera_zoom (zoom, width, gtk_widget_get_height (GTK_WIDGET (self->map_view)));
      if (covered > 0)
        {
          double world = SB_TILE_SIZE * exp2 (zoom);
          double shift = (gtk_widget_get_direction (GTK_WIDGET (self->map_view)) == GTK_TEXT_DIR_RTL ? -1 : 1) * covered / 2;

          lon = (sb_mercator_x (lon) * world + shift) / world * 360.0 - 180.0;
        }
      sb_map_view_go_to (self->map_view, lat, lon, zoom);
    }
  else if (sb_step_get_frame (step) != NULL)
    sb_map_view_frame_items (self->map_view, sb_step_get_frame (step), TRUE);
}

static void
show_chosen (SbStepsPanel *self)
{
  sb_edit_card_set_entity (self->card, SB_ENTITY (self->chosen));
  gtk_stack_set_visible_child_name (self->card_stack, self->chosen ? "card" : "empty");
  update_actions (self);
}

static void
on_row_selected (SbStepsPanel  *self,
                 GtkListBoxRow *row)
{
  SbStep *step = row ? g_object_get_data (G_OBJECT (row), ROW_STEP_KEY) : NULL;

  /* A row goes when its step moves or goes: the briefing's "changed"
   * says which step is chosen then.
   */
  if (step == NULL || step == self->chosen)
    return;

  g_set_object (&self->chosen, step);
  show_chosen (self);
  preview (self, step);
}

static void
select_chosen (SbStepsPanel *self)
{
  GtkListBoxRow *row = row_of (self, self->chosen);

  if (row == NULL)
    {
      g_clear_object (&self->chosen);
      gtk_list_box_unselect_all (self->list);
    }
  else if (gtk_list_box_get_selected_row (self->list) != row)
    {
      g_signal_handlers_block_by_func (self->list, on_row_selected, self);
      gtk_list_box_select_row (self->list, row);
      g_signal_handlers_unblock_by_func (self->list, on_row_selected, self);
    }

  show_chosen (self);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */
/* ------------------------------------------------------------------ */

static GPtrArray *
visible_items (SbStepsPanel *self,
               SbSelection  *selection)
{
  GListModel *items = sb_briefing_get_all_items (briefing_of (self));
  SbLayers layers = sb_selection_get_layers (selection);
  GPtrArray *shown = g_ptr_array_new ();
  guint in_layers = 0;

  if (!sb_selection_is_filtered (selection))
    return g_steal_pointer (&shown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      if ((sb_item_kind_to_layer (sb_item_get_kind (item)) & layers) == 0)
        continue;
      in_layers++;
      if (sb_selection_item_is_visible (selection, item))
        g_ptr_array_add (shown, item);
    }

  /* Only layers hidden: the layers say it, every statement is shown. */
  if (shown->len == in_layers)
    g_ptr_array_set_size (shown, 0);

  return shown;
}

/* Sets of @step's camera, layers and what it shows, as the map shows
 * them now. What it highlights is kept (its card takes each out), with
 * what the map has chosen added: taking a view with nothing chosen
 * no longer takes away the step's highlights. Returns what was added to
 * them, if anything.
 */
static SbEntity *
add_view_edits (SbStepsPanel *self,
                SbEdit       *group,
                SbStep       *step)
{
  ShumateViewport *viewport = sb_map_view_get_viewport (self->map_view);
  SbSelection *selection = sb_map_view_get_selection (self->map_view);
  SbEntity *selected = sb_selection_get_selected (selection);
  GPtrArray *highlighted = sb_selection_get_highlighted (selection);
  SbStepCenter center = { 0, };
  SbLayers layers = sb_selection_get_layers (selection);
  g_autoptr(GPtrArray) shown = visible_items (self, selection);
  g_autoptr(GPtrArray) highlight = g_ptr_array_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  /* What this map shows where no pane lies over it (the details, in a
   * narrow window), for a map of any size.
   */
  sb_map_view_get_middle (self->map_view, &center.lat, &center.lon);
  center.zoom = sb_framing_zoom_to_camera (shumate_viewport_get_zoom_level (viewport),
                                           gtk_widget_get_width (GTK_WIDGET (self->map_view)) -
                                           sb_map_view_get_covered (self->map_view),
                                           gtk_widget_get_height (GTK_WIDGET (self->map_view)));
  g_value_init (&value, SB_TYPE_STEP_CENTER);
  g_value_set_boxed (&value, &center);
  sb_edit_group_add (group, sb_edit_new_set (SB_ENTITY (step), SB_STEP_FIELD_CENTER, &value));
  sb_edit_group_add (group, sb_edit_new_set_array (SB_ENTITY (step), SB_STEP_FIELD_FRAME, NULL));
  sb_edit_group_add (group, sb_edit_new_set_int (SB_ENTITY (step), SB_STEP_FIELD_LAYERS,
                                                 layers == SB_LAYERS_ALL ? -1 : (int) layers));
  sb_edit_group_add (group, sb_edit_new_set_array (SB_ENTITY (step), SB_STEP_FIELD_SHOW,
                                                   shown->len > 0 ? shown : NULL));

  SbEntity *added = NULL;

  for (guint i = 0; sb_step_get_highlight (step) != NULL && i < sb_step_get_highlight (step)->len; i++)
    g_ptr_array_add (highlight, g_ptr_array_index (sb_step_get_highlight (step), i));
  for (guint i = 0; highlighted != NULL && i < highlighted->len; i++)
    if (!g_ptr_array_find (highlight, g_ptr_array_index (highlighted, i), NULL))
      g_ptr_array_add (highlight, g_ptr_array_index (highlighted, i));
  if ((SB_IS_ITEM (selected) || SB_IS_ACTOR (selected)) && !g_ptr_array_find (highlight, selected, NULL))
    {
      g_ptr_array_add (highlight, selected);
      added = selected;
    }
  sb_edit_group_add (group, sb_edit_new_set_array (SB_ENTITY (step), SB_STEP_FIELD_HIGHLIGHT,
                                                   highlight->len > 0 ? highlight : NULL));
  return added;
}

/* A title such as "Step 3": how a step is named that shows nothing in
 * particular. Its number then follows its place among the steps.
 */
static gboolean
is_numbered (SbStep     *step,
             const char *language)
{
  /* TRANSLATORS: the title a new step starts with, "Step 3"; steps so
   * named are renumbered as steps move
   */
  const char *format = _("Step %u");
  const char *at = strstr (format, "%u");
  SbText *text = sb_step_get_title (step);
  const char *title = text ? sb_text_get_for_language (text, language) : NULL;
  gsize prefix, suffix, length;

  if (at == NULL || title == NULL)
    return FALSE;

  prefix = at - format;
  suffix = strlen (at + 2);
  length = strlen (title);
  if (length <= prefix + suffix || strncmp (title, format, prefix) != 0 ||
      strcmp (title + length - suffix, at + 2) != 0)
    return FALSE;

  for (const char *p = title + prefix; p < title + length - suffix; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
numbered_title (guint position)
{
  return g_strdup_printf (_("Step %u"), position + 1);
}

/* Steps named by their number in @order (the steps as they will be)
 * whose number is not their place there are renamed, in @group.
 */
static void
renumber (SbStepsPanel *self,
          GPtrArray    *order,
          SbEdit       *group)
{
  const char *language = sb_briefing_get_language (briefing_of (self));

  for (guint i = 0; i < order->len; i++)
    {
      SbStep *step = g_ptr_array_index (order, i);
      g_autofree char *title = numbered_title (i);
      g_autoptr(SbText) text = NULL;

      if (!is_numbered (step, language) ||
          g_strcmp0 (sb_text_get_for_language (sb_step_get_title (step), language), title) == 0)
        continue;
      text = sb_text_copy_with (sb_step_get_title (step), language, title);
      sb_edit_group_add (group, sb_edit_new_set_text (SB_ENTITY (step), SB_STEP_FIELD_TITLE, text));
    }
}

/* The steps as they are, with @step taken out (if there) and put at
 * @position (if it is not -1; at the end when past it).
 */
static GPtrArray *
steps_with (SbStepsPanel *self,
            SbStep       *step,
            int           position)
{
  GListModel *steps = steps_of (self);
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      SbStep *other = g_list_model_get_item (steps, i);

      if (other == step)
        g_object_unref (other);
      else
        g_ptr_array_add (order, other);
    }
  if (step != NULL && position >= 0)
    g_ptr_array_insert (order, MIN ((guint) position, order->len), g_object_ref (step));

  return order;
}

/* Applies @edit, which takes @step out of the steps or puts it at
 * @position, with the steps named by their number renamed for their new
 * places: one edit to undo.
 */
static void
apply_renumbered (SbStepsPanel *self,
                  SbEdit       *edit,
                  SbStep       *step,
                  int           position)
{
  g_autoptr(GPtrArray) order = steps_with (self, step, position);
  SbEdit *group = sb_edit_new_group (sb_edit_get_label (edit));

  sb_edit_group_add (group, edit);
  renumber (self, order, group);
  if (sb_edit_group_get_n_edits (group) > 1)
    {
      apply (self, group);
      return;
    }

  sb_edit_ref (edit);
  sb_edit_unref (group);
  apply (self, edit);
}

/* A new step is named after what it shows: the statement or actor chosen
 * on the map; else by its place among the steps.
 */
static char *
new_step_title (SbStepsPanel *self,
                guint         position)
{
  SbSelection *selection = sb_map_view_get_selection (self->map_view);
  SbEntity *selected = sb_selection_get_selected (selection);
  GPtrArray *highlighted = sb_selection_get_highlighted (selection);

  if (SB_IS_ITEM (selected))
    return sb_format_item_name (SB_ITEM (selected));
  if (SB_IS_ACTOR (selected))
    return g_strdup (sb_entity_get_label (selected));
  if (highlighted != NULL && highlighted->len == 1 && SB_IS_ITEM (g_ptr_array_index (highlighted, 0)))
    return sb_format_item_name (g_ptr_array_index (highlighted, 0));
  if (highlighted != NULL && highlighted->len == 1)
    return g_strdup (sb_entity_get_label (g_ptr_array_index (highlighted, 0)));

  return numbered_title (position);
}

/* The rows are laid out a frame or two after they are made. */
#define MAX_SCROLL_FRAMES 30

static gboolean
scroll_to_chosen_tick (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  SbStepsPanel *self = SB_STEPS_PANEL (widget);
  GtkListBoxRow *row = row_of (self, self->chosen);
  graphene_rect_t bounds;

  if (row != NULL && gtk_widget_get_height (GTK_WIDGET (row)) == 0 && ++self->scroll_frames < MAX_SCROLL_FRAMES)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  if (row != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (self->list_scroller),
                               bounds.origin.y, bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

/* A step added at the end of a long list is seen, not below its fold. */
static void
scroll_to_chosen (SbStepsPanel *self)
{
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_chosen_tick, NULL, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbStepsPanel *self = SB_STEPS_PANEL (widget);
  SbBriefing *briefing = briefing_of (self);
  int index = index_of (self, self->chosen);
  int position = index >= 0 ? index + 1 : -1;
  g_autofree char *title = NULL;
  g_autoptr(SbText) text = NULL;
  SbEdit *edit;
  SbStep *step;

  if (briefing == NULL || self->map_view == NULL)
    return;

  title = new_step_title (self, position >= 0 ? (guint) position : g_list_model_get_n_items (steps_of (self)));
  text = sb_text_new (sb_briefing_get_language (briefing), title);
  edit = sb_edit_new_add_step (briefing, position, text);
  step = SB_STEP (sb_edit_get_entity (edit));
  add_view_edits (self, edit, step);
  {
    g_autoptr(GPtrArray) order = steps_with (self, step, position >= 0 ? position : G_MAXINT);

    renumber (self, order, edit);
  }
  /* What the step was made from stays chosen on the map and in the
   * details, to add the next step from or go on with: the new step is
   * chosen here, in the panel.
   */
  sb_edit_set_select (edit, sb_selection_get_selected (sb_map_view_get_selection (self->map_view)));

  g_set_object (&self->chosen, step);
  apply (self, edit);
  select_chosen (self);
  scroll_to_chosen (self);

  /* On to its title, from the keyboard as well: the card's first field,
   * not the one after a field of the last step that had the focus.
   */
  if (gtk_widget_get_root (widget) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (widget), NULL);
  gtk_widget_child_focus (GTK_WIDGET (self->card), GTK_DIR_TAB_FORWARD);
}

/* What Take Map View took, said over the window, to undo at once. */
static void
tell_taken (SbStepsPanel *self,
            const char   *title,
            SbEntity     *added)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  if (added != NULL)
    {
      name = SB_IS_ITEM (added) ? sb_format_item_name (SB_ITEM (added)) : g_strdup (sb_entity_get_label (added));
      /* TRANSLATORS: after Take Map View on the step "Step 2", with the
       * statement or actor "Wagner group" chosen on the map
       */
      message = g_strdup_printf (_("“%s” takes the map’s view, layers and filters, and highlights “%s”"), title, name);
    }
  else
    /* TRANSLATORS: after Take Map View on the step "Step 2", nothing chosen on the map */
    message = g_strdup_printf (_("“%s” takes the map’s view, layers and filters; its highlights are kept"), title);

  toast = sb_toast_new_plain (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
take_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbStepsPanel *self = SB_STEPS_PANEL (widget);
  g_autofree char *label = NULL;
  const char *title;
  SbEntity *added;
  SbEdit *group;

  if (self->chosen == NULL || self->map_view == NULL)
    return;

  title = sb_text_get (sb_step_get_title (self->chosen));
  /* TRANSLATORS: an edit to undo: "Change View of “Step 2”" */
  label = g_strdup_printf (_("Change View of “%s”"), title ? title : sb_entity_get_id (SB_ENTITY (self->chosen)));
  group = sb_edit_new_group (label);
  added = add_view_edits (self, group, self->chosen);
  apply (self, group);
  tell_taken (self, title ? title : sb_entity_get_id (SB_ENTITY (self->chosen)), added);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbStepsPanel *self = SB_STEPS_PANEL (widget);
  GListModel *steps = steps_of (self);
  int index = index_of (self, self->chosen);
  guint n_steps;

  if (index < 0)
    return;

  /* "Step 3" after "Step 1" is removed becomes "Step 2". */
  apply_renumbered (self, sb_edit_new_remove_with_references (briefing_of (self), SB_ENTITY (self->chosen)),
                    self->chosen, -1);

  /* The next step is chosen, or the one before the last. */
  n_steps = g_list_model_get_n_items (steps);
  g_clear_object (&self->chosen);
  if (n_steps > 0)
    self->chosen = g_list_model_get_item (steps, MIN ((guint) index, n_steps - 1));
  select_chosen (self);
  sb_steps_panel_focus_list (self);
}

static void
move_to (SbStepsPanel *self,
         SbStep       *step,
         guint         position)
{
  int index = index_of (self, step);

  if (index < 0 || (guint) index == position || position >= g_list_model_get_n_items (steps_of (self)))
    return;

  g_set_object (&self->chosen, step);
  /* Steps named by their number keep the number of their place. */
  apply_renumbered (self, sb_edit_new_move (SB_ENTITY (step), position), step, position);
  select_chosen (self);
}

static gboolean
on_focus_idle (gpointer data)
{
  SbStepsPanel *self = data;
  GtkListBoxRow *row = row_of (self, self->chosen);

  self->focus_source = 0;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return G_SOURCE_REMOVE;
}

/* A row made anew by the move takes the focus once it is shown (GTK 4.18
 * refuses it before).
 */
static void
focus_chosen_later (SbStepsPanel *self)
{
  if (self->focus_source == 0)
    self->focus_source = g_idle_add (on_focus_idle, self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbStepsPanel *self = SB_STEPS_PANEL (widget);
  int index = index_of (self, self->chosen);
  gboolean up = g_str_equal (action_name, "steps.move-up");
  GtkListBoxRow *row;

  if (index < 0 || (up && index == 0))
    return;

  move_to (self, self->chosen, up ? index - 1 : index + 1);
  if ((row = row_of (self, self->chosen)) != NULL && !gtk_widget_grab_focus (GTK_WIDGET (row)))
    focus_chosen_later (self);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbStepsPanel *self = SB_STEPS_PANEL (widget);
  int index = index_of (self, self->chosen);

  g_signal_emit (self, signals[PRESENT], 0, (guint) MAX (index, 0));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SbStepsPanel  *self)
{
  SbEntity *dragged;
  GtkListBoxRow *row;

  if (!G_VALUE_HOLDS_STRING (value) || briefing_of (self) == NULL)
    return FALSE;

  dragged = sb_briefing_lookup (briefing_of (self), g_value_get_string (value));
  row = gtk_list_box_get_row_at_y (self->list, y);
  if (!SB_IS_STEP (dragged))
    return FALSE;

  move_to (self, SB_STEP (dragged),
           row != NULL ? (guint) gtk_list_box_row_get_index (row) : g_list_model_get_n_items (steps_of (self)) - 1);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Following the briefing                                              */
/* ------------------------------------------------------------------ */

static void
on_briefing_changed (SbStepsPanel *self,
                     SbChanges    *changes)
{
  if (!sb_changes_touches_type (changes, SB_TYPE_STEP))
    return;

  if (self->chosen != NULL && sb_changes_was_removed (changes, SB_ENTITY (self->chosen)))
    g_clear_object (&self->chosen);

  /* Undoing a removal or an addition brings its step back into view,
   * whatever the window has selected.
   */
  if (sb_changes_get_select (changes) != NULL && SB_IS_STEP (sb_changes_get_select (changes)))
    g_set_object (&self->chosen, SB_STEP (sb_changes_get_select (changes)));
  else
    for (guint i = 0; i < sb_changes_get_inserted (changes)->len; i++)
      if (SB_IS_STEP (g_ptr_array_index (sb_changes_get_inserted (changes), i)))
        {
          g_set_object (&self->chosen, g_ptr_array_index (sb_changes_get_inserted (changes), i));
          break;
        }

  update_rows (self);
  select_chosen (self);
}

/**
 * sb_steps_panel_set_document:
 * @document: (nullable): the window's document
 */
void
sb_steps_panel_set_document (SbStepsPanel *self,
                             SbDocument   *document)
{
  g_return_if_fail (SB_IS_STEPS_PANEL (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (sb_document_get_briefing (self->document), self);
  g_set_object (&self->document, document);
  g_clear_object (&self->chosen);

  sb_edit_card_set_document (self->card, document);
  gtk_list_box_bind_model (self->list, steps_of (self), create_row, self, NULL);
  if (document != NULL)
    g_signal_connect_object (sb_document_get_briefing (document), "changed", G_CALLBACK (on_briefing_changed),
                             self, G_CONNECT_SWAPPED);
  show_chosen (self);
}

void
sb_steps_panel_set_map_view (SbStepsPanel *self,
                             SbMapView    *map_view)
{
  g_return_if_fail (SB_IS_STEPS_PANEL (self));

  g_set_weak_pointer (&self->map_view, map_view);
  update_actions (self);
}

/**
 * sb_steps_panel_get_chosen:
 *
 * Returns: (transfer none) (nullable): the step chosen in the list
 */
SbStep *
sb_steps_panel_get_chosen (SbStepsPanel *self)
{
  g_return_val_if_fail (SB_IS_STEPS_PANEL (self), NULL);

  return self->chosen;
}

void
sb_steps_panel_choose (SbStepsPanel *self,
                       SbStep       *step)
{
  g_return_if_fail (SB_IS_STEPS_PANEL (self));

  g_set_object (&self->chosen, step);
  select_chosen (self);
  preview (self, step);
}

/* The chosen row, or the first, gets the focus. */
void
sb_steps_panel_focus_list (SbStepsPanel *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (SB_IS_STEPS_PANEL (self));

  row = row_of (self, self->chosen);
  if (row == NULL && (row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_select_row (self->list, row);
  if (row != NULL)
    {
      /* A page of the sidebar just shown takes it once it is drawn. */
      if (!gtk_widget_grab_focus (GTK_WIDGET (row)))
        focus_chosen_later (self);
    }
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
sb_steps_panel_dispose (GObject *object)
{
  SbStepsPanel *self = (SbStepsPanel *)object;
  GtkWidget *child;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (sb_document_get_briefing (self->document), self);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_weak_pointer (&self->map_view);
  g_clear_object (&self->chosen);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sb_steps_panel_parent_class)->dispose (object);
}

static void
sb_steps_panel_class_init (SbStepsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_steps_panel_dispose;

  /**
   * SbStepsPanel::present:
   * @index: the step to start at
   */
  signals[PRESENT] = g_signal_new ("present", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SB_TYPE_EDIT_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-steps-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SbStepsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, SbStepsPanel, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbStepsPanel, card_stack);
  gtk_widget_class_bind_template_child (widget_class, SbStepsPanel, card);
  gtk_widget_class_bind_template_child (widget_class, SbStepsPanel, step_actions);
  gtk_widget_class_bind_template_child (widget_class, SbStepsPanel, hint);

  gtk_widget_class_install_action (widget_class, "steps.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "steps.take-view", NULL, take_view_action);
  gtk_widget_class_install_action (widget_class, "steps.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "steps.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "steps.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "steps.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "steps.close", NULL, close_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-steps-panel");
}

static void
add_list_shortcut (GtkShortcutController *controller,
                   guint                  key,
                   GdkModifierType        modifiers,
                   const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
sb_steps_panel_init (SbStepsPanel *self)
{
  GtkEventController *shortcuts;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (on_row_selected), self);

  /* Keys for the list only: in the card, Delete and Alt+arrows edit text. */
  shortcuts = gtk_shortcut_controller_new ();
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, GDK_ALT_MASK, "steps.move-up");
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, GDK_ALT_MASK, "steps.move-down");
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Up, GDK_ALT_MASK, "steps.move-up");
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Down, GDK_ALT_MASK, "steps.move-down");
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Delete, 0, "steps.remove");
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Delete, 0, "steps.remove");
  gtk_widget_add_controller (GTK_WIDGET (self->list), shortcuts);

  /* Ctrl+Shift+A anywhere in the panel, before the text fields of the
   * step's card, which take it as "select nothing": typed into a caption,
   * it added no step, and the next step's words went into this one's.
   */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_list_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "steps.add");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
}
