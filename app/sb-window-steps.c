/* sb-window-steps.c
 *
 * The window's steps panel: a page of the sidebar, shown and hidden from
 * the header bar or with F8, that presents from the step it has chosen
 * and adds one from anywhere in the window (Ctrl+Shift+A); and Add
 * Actor, which opens the new actor's card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-window-steps"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-presenter.h"
#include "sb-window-private.h"

static void
on_steps_toggled (SbWindow *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->steps_button);

  gtk_stack_set_visible_child_name (self->sidebar_stack, shown ? "steps" : "actors");
  if (shown)
    {
      adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
      sb_steps_panel_focus_list (self->steps_panel);
    }
}

/* The steps shown as they are: no step chosen for the list's focus,
 * which would move the map to it.
 */
static void
show_steps (SbWindow *self)
{
  g_signal_handlers_block_by_func (self->steps_button, on_steps_toggled, self);
  gtk_toggle_button_set_active (self->steps_button, TRUE);
  g_signal_handlers_unblock_by_func (self->steps_button, on_steps_toggled, self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "steps");
  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
}

/* Hiding the sidebar hides the steps with it. */
static void
on_reveal_flap (SbWindow *self)
{
  if (!adw_flap_get_reveal_flap (self->sidebar_flap))
    gtk_toggle_button_set_active (self->steps_button, FALSE);
}

static void
on_present (SbWindow *self,
            guint     index)
{
  sb_presenter_start_at (self->presenter, index);
}

static void
on_close (SbWindow *self)
{
  gtk_toggle_button_set_active (self->steps_button, FALSE);
}

/* The step chosen in the steps shown, from 0; -1 when the steps are
 * hidden or none is chosen. Shift+F5 presents from it.
 */
int
_sb_window_steps_shown_index (SbWindow *self)
{
  SbStep *chosen = sb_steps_panel_get_chosen (self->steps_panel);
  GListModel *steps;

  if (chosen == NULL || self->document == NULL || !gtk_toggle_button_get_active (self->steps_button))
    return -1;

  steps = sb_briefing_get_steps (sb_document_get_briefing (self->document));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SbStep) step = g_list_model_get_item (steps, i);

      if (step == chosen)
        return i;
    }
  return -1;
}

static void
toggle_steps_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  gtk_toggle_button_set_active (self->steps_button, !gtk_toggle_button_get_active (self->steps_button));
}

/* Ctrl+Shift+A from anywhere in the window (the map clicked last, a
 * dossier, the details): the steps come into view with the step added
 * from what the map shows, its title ready to type. The text fields keep
 * the key for themselves (select nothing); the panel's own fields give it
 * to the panel first.
 */
static void
add_step_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);

  /* From what the map shows now, not from the step the list would choose
   * on showing.
   */
  show_steps (self);
  gtk_widget_activate_action (GTK_WIDGET (self->steps_panel), "steps.add", NULL);
}

/* A new actor, selected, its card open at its name. */
static void
add_actor_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SbWindow *self = SB_WINDOW (user_data);
  g_autoptr(SbText) name = NULL;
  g_autoptr(GError) error = NULL;
  SbBriefing *briefing;

  if (self->document == NULL)
    return;

  briefing = sb_document_get_briefing (self->document);
  name = sb_text_new (sb_briefing_get_language (briefing), _("New actor"));
  if (!sb_document_apply (self->document, sb_edit_new_add_actor (briefing, name, SB_ACTOR_KIND_ARMED_GROUP), &error))
    {
      _sb_window_show_error (self, _("Could Not Add an Actor"), error);
      return;
    }
  /* Its dossier is a new start: Back goes to the list. */
  sb_sidebar_forget_dossiers (self->sidebar);

  /* Turned on anew, the card takes the focus to its first field. */
  adw_flap_set_reveal_flap (self->detail_flap, TRUE);
  sb_detail_pane_set_editing (self->detail_pane, FALSE);
  sb_detail_pane_set_editing (self->detail_pane, TRUE);
}

static void
update_briefing_actions (SbWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-actor");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), sb_selection_get_briefing (self->selection) != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "add-step");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), sb_selection_get_briefing (self->selection) != NULL);
}

static const GActionEntry steps_actions[] = {
  { "toggle-steps", toggle_steps_action },
  { "add-actor", add_actor_action },
  { "add-step", add_step_action },
};

void
_sb_window_steps_init (SbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), steps_actions, G_N_ELEMENTS (steps_actions), self);
  sb_steps_panel_set_map_view (self->steps_panel, self->map_view);
  g_signal_connect_object (self->steps_button, "toggled", G_CALLBACK (on_steps_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_flap, "notify::reveal-flap", G_CALLBACK (on_reveal_flap), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->steps_panel, "present", G_CALLBACK (on_present), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->steps_panel, "close", G_CALLBACK (on_close), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::briefing", G_CALLBACK (update_briefing_actions), self,
                           G_CONNECT_SWAPPED);
  update_briefing_actions (self);
}

void
_sb_window_class_steps_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-steps", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-step", NULL);
}
