/* sb-edit-card-step.c
 *
 * The editable card of a presentation step: its title, caption and
 * speaker notes in each of the briefing's languages, the passage it shows,
 * what it highlights (each by name, to take out) and the layers it draws.
 * Where the map goes and what it highlights are taken from the map by the
 * steps panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-edit-card-step"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-edit-card-private.h"
#include "sb-format.h"

static void
apply_step_citation (Field *field)
{
  GPtrArray *choices = g_object_get_data (G_OBJECT (field->widget), "choices");
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  SbCitation *current = sb_step_get_citation (SB_STEP (field->card->entity));
  SbCitation *chosen;
  g_auto(GValue) value = G_VALUE_INIT;

  if (choices == NULL || position == GTK_INVALID_LIST_POSITION || position > choices->len)
    return;

  chosen = position == 0 ? NULL : g_ptr_array_index (choices, position - 1);
  if (chosen == current || (chosen != NULL && current != NULL && sb_citation_equal (chosen, current)))
    return;

  g_value_init (&value, SB_TYPE_CITATION);
  g_value_set_boxed (&value, chosen);
  apply_edit (field->card, sb_edit_new_set (field->card->entity, SB_STEP_FIELD_CITATION, &value));
}

static void
add_citation_row (SbEditCard *self,
                  GtkWidget  *group,
                  SbBriefing *briefing)
{
  SbStep *step = SB_STEP (self->entity);
  SbCitation *current = sb_step_get_citation (step);
  g_autoptr(GPtrArray) nearest = g_ptr_array_new ();
  Field *field = add_field (self, SB_STEP_FIELD_CITATION);
  GtkWidget *row;

  /* The passages of what the step highlights and shows come first. */
  if (sb_step_get_highlight (step) != NULL)
    g_ptr_array_extend (nearest, sb_step_get_highlight (step), NULL, NULL);
  if (sb_step_get_shown (step) != NULL)
    g_ptr_array_extend (nearest, sb_step_get_shown (step), NULL, NULL);
  field->refresh = refresh_nothing;
  field->apply = apply_step_citation;
  row = _sb_edit_card_citation_row (field, _("Passage shown"), _("No passage"), nearest, current);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
on_remove_highlight (Field *field)
{
  GPtrArray *highlight;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (!is_current (field))
    return;

  highlight = sb_step_get_highlight (SB_STEP (field->card->entity));
  for (guint i = 0; highlight != NULL && i < highlight->len; i++)
    if (i != field->index)
      g_ptr_array_add (kept, g_ptr_array_index (highlight, i));

  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, SB_STEP_FIELD_HIGHLIGHT,
                                                  kept->len > 0 ? kept : NULL));
}

/* What the step highlights, by name, each to take out of it; what to add
 * is chosen on the map and taken with Take Map View.
 */
static void
add_highlight_rows (SbEditCard *self,
                    GtkWidget  *group)
{
  GPtrArray *highlight = sb_step_get_highlight (SB_STEP (self->entity));
  GtkWidget *row;

  for (guint i = 0; highlight != NULL && i < highlight->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (highlight, i);
      Field *field = add_field (self, SB_STEP_FIELD_HIGHLIGHT);
      g_autofree char *name = SB_IS_ITEM (entity) ? sb_format_item_name (SB_ITEM (entity))
                                                  : g_strdup (sb_entity_get_label (entity));
      g_autofree char *about = SB_IS_ITEM (entity) ? sb_format_item_subtitle (SB_ITEM (entity))
                                                   : g_strdup (SB_IS_ACTOR (entity) ? _("Actor") : "");
      /* TRANSLATORS: a button a screen reader speaks: "Remove Wagner in Mali from the highlights" */
      g_autofree char *spoken = g_strdup_printf (_("Remove %s from the highlights"), name);
      GtkWidget *button = new_remove_button (spoken);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), about);
      plain_row (row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_highlight), field);
      keep_field (button, field);
      field->index = i;
      field->row = row;
      field->refresh = refresh_nothing;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (highlight == NULL || highlight->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing highlighted"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Choose a statement or an actor, then Take Map View"));
      plain_row (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static SbLayers
layer_of (Field *field)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (field->row), "layer"));
}

static void
refresh_layer (Field *field)
{
  SbLayers layers = sb_step_get_layers (SB_STEP (field->card->entity));

  field->quiet = TRUE;
  gtk_switch_set_active (GTK_SWITCH (field->widget), (layers & layer_of (field)) != 0);
  field->quiet = FALSE;
}

static void
apply_layer (Field *field)
{
  SbLayers layers = sb_step_get_layers (SB_STEP (field->card->entity));
  SbLayers changed = gtk_switch_get_active (GTK_SWITCH (field->widget)) ? layers | layer_of (field)
                                                                         : layers & ~layer_of (field);

  if (changed != layers)
    apply_edit (field->card, sb_edit_new_set_int (field->card->entity, SB_STEP_FIELD_LAYERS, changed));
}

static void
on_layer_switched (Field *field)
{
  if (is_live (field))
    field->apply (field);
}

static void
add_layer_rows (SbEditCard *self,
                GtkWidget  *group)
{
  static const struct { SbLayers layer; const char *title; } layers[] = {
    { SB_LAYER_AREAS, N_("Areas") },
    { SB_LAYER_MOVEMENTS, N_("Movements") },
    { SB_LAYER_DEPLOYMENTS, N_("Deployments") },
    { SB_LAYER_INCIDENTS, N_("Incidents") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      Field *field = add_field (self, SB_STEP_FIELD_LAYERS);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(layers[i].title));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _(layers[i].title), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      /* One Tab stop, the switch, which says its state: not the row too. */
      gtk_widget_set_focusable (row, FALSE);
      g_object_set_data (G_OBJECT (row), "layer", GUINT_TO_POINTER (layers[i].layer));
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_layer_switched), field);
      keep_field (toggle, field);
      field->row = row;
      field->widget = toggle;
      field->refresh = refresh_layer;
      field->apply = apply_layer;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

void
_sb_edit_card_build_step (SbEditCard *self,
                          SbBriefing *briefing)
{
  GtkWidget *group;

  group = new_group (self, _("Caption"));
  add_text_rows (self, group, SB_STEP_FIELD_TITLE, _("Title"));
  add_text_rows (self, group, SB_STEP_FIELD_CAPTION, _("Caption"));
  add_citation_row (self, group, briefing);

  group = new_group (self, _("Highlighted"));
  add_highlight_rows (self, group);

  group = new_group (self, _("Speaker Notes"));
  add_text_rows (self, group, SB_STEP_FIELD_NOTES, _("Notes"));

  group = new_group (self, _("Layers Shown"));
  add_layer_rows (self, group);
}
