/* sb-edit-card-actor.c
 *
 * The editable card of an actor: its names in the briefing's languages,
 * kind, affiliation and country, its colour on the map (checked against
 * the land and the sea), summary, figures with their citation, relations
 * to other actors both ways, citations, and merging it with another
 * actor or removing it. Each change is one edit of the window's document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-edit-card-actor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-actor-merge.h"
#include "sb-base-layer.h"
#include "sb-cite.h"
#include "sb-edit-card-private.h"
#include "sb-format.h"
#include "sb-map-contrast.h"
#include "sb-source.h"

static SbActor *
card_actor (Field *field)
{
  return SB_ACTOR (field->card->entity);
}

static SbBriefing *
card_briefing (SbEditCard *self)
{
  return sb_document_get_briefing (self->document);
}

/* ------------------------------------------------------------------ */
/* Other names                                                         */
/* ------------------------------------------------------------------ */

static char *
aliases_to_text (const char * const *aliases)
{
  return aliases ? g_strjoinv (", ", (char **) aliases) : g_strdup ("");
}

static void
refresh_aliases (Field *field)
{
  g_autofree char *text = aliases_to_text (sb_actor_get_aliases (card_actor (field)));

  show_text (field->widget, field, text);
}

/* "Wagner, PMC Wagner" is two names; empty parts are none. */
static void
apply_aliases (Field *field)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (field->widget)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  const char * const *current = sb_actor_get_aliases (card_actor (field));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  aliases = g_strv_builder_end (builder);

  if (g_strv_equal ((const char * const *) aliases, current ? current : (const char *[]) { NULL }))
    return;

  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRV);
    g_value_set_boxed (&value, aliases[0] != NULL ? aliases : NULL);
    apply_edit (field->card, sb_edit_new_set (field->card->entity, field->field, &value));
  }
}

static void
add_aliases_row (SbEditCard *self,
                 GtkWidget  *group)
{
  Field *field = add_field (self, SB_ACTOR_FIELD_ALIASES);
  GtkWidget *row = new_entry_row (field, _("Other names, separated by commas"));

  field->refresh = refresh_aliases;
  field->apply = apply_aliases;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* ------------------------------------------------------------------ */
/* Names for screen readers                                            */
/* ------------------------------------------------------------------ */


/* ------------------------------------------------------------------ */
/* Colour                                                              */
/* ------------------------------------------------------------------ */

static void
rgba_from_colour (guint32  colour,
                  GdkRGBA *rgba)
{
  rgba->red = ((colour >> 16) & 0xff) / 255.0f;
  rgba->green = ((colour >> 8) & 0xff) / 255.0f;
  rgba->blue = (colour & 0xff) / 255.0f;
  rgba->alpha = 1.0f;
}

static guint32
colour_from_rgba (const GdkRGBA *rgba)
{
  return ((guint32) CLAMP (rgba->red * 255 + 0.5, 0, 255) << 16) |
         ((guint32) CLAMP (rgba->green * 255 + 0.5, 0, 255) << 8) |
         (guint32) CLAMP (rgba->blue * 255 + 0.5, 0, 255);
}

static gboolean
map_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
apply_colour_value (Field   *field,
                    guint32  colour)
{
  SbActor *actor = card_actor (field);

  if (sb_actor_has_colour (actor) && sb_actor_get_colour (actor) == colour)
    return;

  apply_edit (field->card, sb_edit_new_set_int (field->card->entity, SB_ACTOR_FIELD_COLOUR, (int) colour));
}

static void
apply_colour (Field *field)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (field->widget), &rgba);
  apply_colour_value (field, colour_from_rgba (&rgba));
}

/* The warning under the colour: how far it falls short, and a colour
 * near it that does not.
 */
static void
refresh_colour (Field *field)
{
  SbActor *actor = card_actor (field);
  guint32 colour = sb_actor_get_colour (actor);
  GtkWidget *warning = g_object_get_data (G_OBJECT (field->row), "warning");
  GtkWidget *use = g_object_get_data (G_OBJECT (field->row), "use");
  GtkWidget *reset = g_object_get_data (G_OBJECT (field->row), "reset");
  GdkRGBA rgba;
  double worst;
  guint32 suggestion;
  gboolean passes;

  rgba_from_colour (colour, &rgba);
  field->quiet = TRUE;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (field->widget), &rgba);
  field->quiet = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                               sb_actor_has_colour (actor) ? "" : _("The briefing's choice for its kind"));
  gtk_widget_set_sensitive (reset, sb_actor_has_colour (actor));

  passes = sb_map_colour_check (colour, map_is_dark (), &worst, &suggestion);
  gtk_widget_set_visible (warning, !passes);
  if (!passes)
    {
      g_autofree char *ratio = g_strdup_printf ("%.1f", worst);
      g_autofree char *title = NULL;
      g_autofree char *hex = g_strdup_printf ("#%06X", suggestion);
      g_autofree char *label = NULL;

      /* TRANSLATORS: %s is a contrast ratio, as 1.8; graphics need 3:1 */
      title = g_strdup_printf (_("A contrast of %s:1 with the land or the sea, where at least 3:1 is needed"), ratio);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (warning), title);
      /* TRANSLATORS: a button that sets the suggested colour, as #8A5A00 */
      label = g_strdup_printf (map_is_dark () ? _("Use a Lighter Shade (%s)") : _("Use a Darker Shade (%s)"), hex);
      gtk_button_set_label (GTK_BUTTON (use), label);
      /* Two lines rather than a wider card. */
      if (GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (use))))
        {
          gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (use))), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (use))), 12);
          gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (use))), GTK_JUSTIFY_CENTER);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (use), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (use), "suggestion", GUINT_TO_POINTER (suggestion));
      gtk_widget_queue_draw (g_object_get_data (G_OBJECT (use), "swatch"));
    }
}

/* The colour the button beside it suggests. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        use)
{
  guint32 colour = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (use), "suggestion"));

  cairo_set_source_rgb (cr, ((colour >> 16) & 0xff) / 255.0, ((colour >> 8) & 0xff) / 255.0, (colour & 0xff) / 255.0);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
on_colour_set (Field *field)
{
  if (is_live (field))
    apply_colour (field);
}

static void
on_use_suggestion (GtkButton *button,
                   Field     *field)
{
  if (!is_live (field))
    return;

  apply_colour_value (field, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "suggestion")));
}

static void
on_reset_colour (Field *field)
{
  if (!is_live (field) || !sb_actor_has_colour (card_actor (field)))
    return;

  apply_edit (field->card, sb_edit_new_set_int (field->card->entity, SB_ACTOR_FIELD_COLOUR, -1));
}

static void
add_colour_rows (SbEditCard *self,
                 GtkWidget  *group)
{
  Field *field = add_field (self, SB_ACTOR_FIELD_COLOUR);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *warning = adw_action_row_new ();
  GtkWidget *use = gtk_button_new ();
  GtkWidget *swatch = gtk_drawing_area_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour on the map"));
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (button), TRUE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), _("Colour on the map"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour on the map"), -1);
  _sb_edit_card_name_inner (button, _("Colour on the map"));
  g_signal_connect_swapped (button, "color-set", G_CALLBACK (on_colour_set), field);
  keep_field (button, field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Use the briefing's colour for its kind"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use the briefing's colour for its kind"), -1);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (on_reset_colour), field);
  keep_field (reset, field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (warning), _("Hard to see on the map"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (warning), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_set_size_request (swatch, 24, 24);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, use, NULL);
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (use), "swatch", swatch);
  g_signal_connect (use, "clicked", G_CALLBACK (on_use_suggestion), field);
  keep_field (use, field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (warning), swatch);
  adw_action_row_add_suffix (ADW_ACTION_ROW (warning), use);

  g_object_set_data (G_OBJECT (row), "warning", warning);
  g_object_set_data (G_OBJECT (row), "use", use);
  g_object_set_data (G_OBJECT (row), "reset", reset);
  field->row = row;
  field->widget = button;
  field->refresh = refresh_colour;
  field->apply = apply_colour;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), warning);
}

/* ------------------------------------------------------------------ */
/* Relations                                                           */
/* ------------------------------------------------------------------ */

static GPtrArray *
relations_copy (SbActor *actor)
{
  GPtrArray *relations = sb_actor_get_relations (actor);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);

  for (guint i = 0; i < relations->len; i++)
    g_ptr_array_add (copy, sb_relation_copy (g_ptr_array_index (relations, i)));

  return copy;
}

static void
apply_relations (Field     *field,
                 GPtrArray *relations)
{
  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, SB_ACTOR_FIELD_RELATIONS, relations));
}

static void
apply_relation_type (Field *field)
{
  g_autoptr(GPtrArray) relations = relations_copy (card_actor (field));
  SbRelation *relation = g_ptr_array_index (relations, field->index);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

  if (position > SB_RELATION_TYPE_SUCCEEDS || relation->type == (SbRelationType) position)
    return;

  relation->type = position;
  apply_relations (field, relations);
}

static void
apply_relation_target (Field *field)
{
  g_autoptr(GPtrArray) relations = relations_copy (card_actor (field));
  SbRelation *relation = g_ptr_array_index (relations, field->index);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

  if (position >= field->entities->len || relation->target == g_ptr_array_index (field->entities, position))
    return;

  relation->target = g_ptr_array_index (field->entities, position);
  apply_relations (field, relations);
}

/* One more passage for the relation, among those the briefing cites. */
static void
apply_relation_citation (Field *field)
{
  GPtrArray *choices = g_object_get_data (G_OBJECT (field->widget), "choices");
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  g_autoptr(GError) error = NULL;
  SbEdit *edit;

  if (choices == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION || position > choices->len)
    return;

  edit = sb_cite_add_relation_citation (card_actor (field), field->index,
                                        g_ptr_array_index (choices, position - 1), &error);
  if (edit == NULL)
    {
      select_quietly (field, 0);
      return;
    }
  apply_edit (field->card, edit);
}

static void
on_remove_relation (Field *field)
{
  if (!is_current (field))
    return;

  g_autoptr(GPtrArray) relations = relations_copy (card_actor (field));

  g_ptr_array_remove_index (relations, field->index);
  apply_relations (field, relations);
}

/* A new relation is added once both what it is and with whom are chosen,
 * in either order: no type is taken for granted ("Cooperates with" was,
 * unseen). Each of the two rows says what the other still needs.
 */
static void
apply_add_relation (Field *field)
{
  Field *type_field = g_object_get_data (G_OBJECT (field->row), "type-field");
  Field *actor_field = g_object_get_data (G_OBJECT (field->row), "actor-field");
  guint type, target;
  g_autoptr(GPtrArray) relations = NULL;
  SbRelation *relation;

  if (type_field == NULL || actor_field == NULL)
    return;

  type = adw_combo_row_get_selected (ADW_COMBO_ROW (type_field->widget));
  target = adw_combo_row_get_selected (ADW_COMBO_ROW (actor_field->widget));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (type_field->row),
                               target > 0 && target != GTK_INVALID_LIST_POSITION && type == 0
                               ? _("Still to choose") : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (actor_field->row),
                               type > 0 && type != GTK_INVALID_LIST_POSITION && target == 0
                               ? _("Still to choose") : "");
  if (type == 0 || type == GTK_INVALID_LIST_POSITION || target == 0 || target >= actor_field->entities->len)
    return;

  relations = relations_copy (card_actor (field));
  relation = sb_relation_new ();
  relation->type = type - 1;
  relation->target = g_ptr_array_index (actor_field->entities, target);
  relation->evidence.certainty = SB_CERTAINTY_REPORTED;
  relation->evidence.citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  g_ptr_array_add (relations, relation);
  apply_relations (field, relations);
}

/* Every actor but @self's, to relate to. */
static GPtrArray *
other_actors (SbEditCard *self,
              GtkStringList *labels)
{
  GListModel *actors = sb_briefing_get_actors (card_briefing (self));
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SbEntity *actor = g_list_model_get_item (actors, i);

      if (actor == self->entity)
        {
          g_object_unref (actor);
          continue;
        }
      gtk_string_list_append (labels, sb_entity_get_label (actor));
      g_ptr_array_add (entities, actor);
    }

  return entities;
}

/* "Choose an actor…", then every other actor: choosing one is @apply's. */
static GtkWidget *
actor_choice_row (SbEditCard *self,
                  guint       field_id,
                  const char *title,
                  FieldFunc   apply)
{
  Field *field = add_field (self, field_id);
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) others = NULL;

  gtk_string_list_append (labels, _("Choose an actor…"));
  field->entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (field->entities, g_object_ref (self->entity));  /* stands for "none" */
  others = other_actors (self, labels);
  g_ptr_array_extend (field->entities, others, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  field->refresh = refresh_nothing;
  field->apply = apply;

  return new_combo_row (field, title, labels);
}

static void
add_relation_rows (SbEditCard *self,
                   GtkWidget  *group)
{
  SbActor *actor = SB_ACTOR (self->entity);
  GPtrArray *relations = sb_actor_get_relations (actor);
  GListModel *actors = sb_briefing_get_actors (card_briefing (self));
  g_autoptr(GPtrArray) nearest = g_ptr_array_new ();
  GtkStringList *labels;
  GtkWidget *row;
  Field *field;

  for (guint i = 0; i < relations->len; i++)
    {
      SbRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *subtitle = sb_format_evidence (&relation->evidence);
      g_autofree char *title = g_strdup_printf ("%s %s", sb_format_relation_type (relation->type),
                                                sb_entity_get_label (SB_ENTITY (relation->target)));
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      plain_row (expander);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      _sb_edit_card_name_inner (expander, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

      field = add_field (self, SB_ACTOR_FIELD_RELATIONS);
      labels = gtk_string_list_new (NULL);
      for (int type = 0; type <= SB_RELATION_TYPE_SUCCEEDS; type++)
        gtk_string_list_append (labels, sb_format_relation_type (type));
      row = new_combo_row (field, _("Relation"), labels);
      field->index = i;
      field->refresh = refresh_nothing;
      field->apply = apply_relation_type;
      select_quietly (field, relation->type);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      field = add_field (self, SB_ACTOR_FIELD_RELATIONS);
      labels = gtk_string_list_new (NULL);
      field->entities = other_actors (self, labels);
      field->index = i;
      field->refresh = refresh_nothing;
      field->apply = apply_relation_target;
      row = new_combo_row (field, _("With"), labels);
      for (guint k = 0; k < field->entities->len; k++)
        if (g_ptr_array_index (field->entities, k) == (gpointer) relation->target)
          select_quietly (field, k);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      /* A relation is a statement: it says where it comes from. */
      field = add_field (self, SB_ACTOR_FIELD_RELATIONS);
      field->index = i;
      field->refresh = refresh_nothing;
      field->apply = apply_relation_citation;
      g_ptr_array_set_size (nearest, 0);
      g_ptr_array_add (nearest, actor);
      g_ptr_array_add (nearest, relation->target);
      row = _sb_edit_card_citation_row (field, _("Add a Passage the Briefing Cites"), _("Choose a passage…"), nearest, NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      field = add_field (self, SB_ACTOR_FIELD_RELATIONS);
      field->index = i;
      field->refresh = refresh_nothing;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remove this relation"));
      {
        /* TRANSLATORS: a button a screen reader speaks: "Remove Relation “Contracted by Malian junta”" */
        g_autofree char *spoken = g_strdup_printf (_("Remove Relation “%s”"), title);

        button = new_remove_button (spoken);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_relation), field);
      keep_field (button, field);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  /* The other side: what other actors say of this one, as the dossier
   * shows them; each is edited on that actor's card.
   */
  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(SbActor) other = g_list_model_get_item (actors, a);
      GPtrArray *theirs = sb_actor_get_relations (other);

      if (other == actor)
        continue;

      for (guint i = 0; i < theirs->len; i++)
        {
          SbRelation *relation = g_ptr_array_index (theirs, i);
          g_autofree char *title = NULL;
          g_autofree char *action = NULL;
          GtkWidget *icon;

          if (relation->target != actor)
            continue;

          /* TRANSLATORS: a relation seen from its other side: "Wagner Group: Contracted by" */
          title = g_strdup_printf (_("%s: %s this actor"), sb_entity_get_label (SB_ENTITY (other)),
                                   sb_format_relation_type (relation->type));
          action = g_strdup_printf ("('%s')", sb_entity_get_id (SB_ENTITY (other)));
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          plain_row (row);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Edited on that actor's card"));
          icon = gtk_image_new_from_icon_name ("go-next-symbolic");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-entity");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sb_entity_get_id (SB_ENTITY (other)));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }

  {
    Field *type_field = add_field (self, SB_ACTOR_FIELD_RELATIONS);
    GtkWidget *actor_row;
    Field *actor_field;

    labels = gtk_string_list_new (NULL);
    gtk_string_list_append (labels, _("Choose what it is…"));
    for (int type = 0; type <= SB_RELATION_TYPE_SUCCEEDS; type++)
      gtk_string_list_append (labels, sb_format_relation_type (type));
    type_field->refresh = refresh_nothing;
    type_field->apply = apply_add_relation;
    row = new_combo_row (type_field, _("Add a Relation"), labels);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

    actor_row = actor_choice_row (self, SB_ACTOR_FIELD_RELATIONS, _("With Actor"), apply_add_relation);
    actor_field = g_ptr_array_index (self->fields, self->fields->len - 1);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), actor_row);

    for (guint i = 0; i < 2; i++)
      {
        GtkWidget *each = i == 0 ? row : actor_row;

        g_object_set_data (G_OBJECT (each), "type-field", type_field);
        g_object_set_data (G_OBJECT (each), "actor-field", actor_field);
      }
  }
}

/* ------------------------------------------------------------------ */
/* Merging and removing                                                */
/* ------------------------------------------------------------------ */

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SbEditCard       *self)
{
  SbActor *actor = g_object_get_data (G_OBJECT (dialog), "actor");
  SbActor *other = g_object_get_data (G_OBJECT (dialog), "other");
  SbBriefing *briefing;

  if (self->document == NULL)
    return;

  briefing = card_briefing (self);
  if (sb_briefing_lookup (briefing, sb_entity_get_id (SB_ENTITY (actor))) != SB_ENTITY (actor) ||
      sb_briefing_lookup (briefing, sb_entity_get_id (SB_ENTITY (other))) != SB_ENTITY (other))
    return;

  if (g_str_equal (response, "keep-this"))
    apply_edit (self, sb_edit_new_merge_actors (briefing, actor, other));
  else if (g_str_equal (response, "keep-other"))
    apply_edit (self, sb_edit_new_merge_actors (briefing, other, actor));
}

/* Which of the two stays: the question names both. */
static void
apply_merge (Field *field)
{
  SbEditCard *self = field->card;
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  SbActor *actor = SB_ACTOR (self->entity), *other;
  g_autoptr(GPtrArray) referrers = NULL;
  g_autofree char *keep_this = NULL;
  g_autofree char *keep_other = NULL;
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (position == 0 || position >= field->entities->len)
    return;

  other = g_ptr_array_index (field->entities, position);
  referrers = sb_briefing_find_references (card_briefing (self), SB_ENTITY (other));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Merge the Two Actors?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and “%s” become one actor. Everything that refers to the one that goes "
                                    "refers to the one that stays, and its names become other names of it. "
                                    "Undo separates them again."),
                                  sb_entity_get_label (SB_ENTITY (actor)), sb_entity_get_label (SB_ENTITY (other)));
  keep_this = g_strdup_printf (_("Keep “%s”"), sb_entity_get_label (SB_ENTITY (actor)));
  keep_other = g_strdup_printf (_("Keep “%s”"), sb_entity_get_label (SB_ENTITY (other)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep-other", keep_other,
                                    "keep-this", keep_this,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-this", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep-this");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "actor", g_object_ref (actor), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "other", g_object_ref (other), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);

  /* The choice is asked again next time. */
  select_quietly (field, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action_rows (SbEditCard *self,
                 GtkWidget  *group)
{
  GtkWidget *row, *button;

  row = actor_choice_row (self, SB_ACTOR_FIELD_NAME, _("Merge With"), apply_merge);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The same actor under another name, as imports often have"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remove Actor…"));
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_tooltip_text (button, _("Remove Actor…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Actor…"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.remove-entity-asking");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sb_entity_get_id (self->entity));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* ------------------------------------------------------------------ */
/* The card                                                            */
/* ------------------------------------------------------------------ */

static const char *
actor_kind_label (int value)
{
  return sb_format_actor_kind (value);
}

static gboolean
country_code_is_valid (const char *code)
{
  return strlen (code) == 3 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* A new actor starts as an armed group: until it is chosen (or the actor
 * is cited), the row says so, rather than seeming to know.
 */
static void
refresh_actor_kind (Field *field)
{
  SbActor *actor = SB_ACTOR (field->card->entity);
  FieldFunc refresh_choice = g_object_get_data (G_OBJECT (field->row), "refresh-choice");
  gboolean starting = sb_actor_get_kind (actor) == SB_ACTOR_KIND_ARMED_GROUP &&
                      (sb_actor_get_citations (actor) == NULL || sb_actor_get_citations (actor)->len == 0);

  if (refresh_choice != NULL)
    refresh_choice (field);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                               starting ? _("What a new actor starts as: choose what it is") : "");
}

void
_sb_edit_card_build_actor (SbEditCard *self,
                           SbBriefing *briefing)
{
  SbActor *actor = SB_ACTOR (self->entity);
  GtkWidget *group;

  group = new_group (self, _("Names"));
  add_text_rows (self, group, SB_ACTOR_FIELD_NAME, _("Name"));
  add_text_rows (self, group, SB_ACTOR_FIELD_SHORT_NAME, _("Short name on the map"));
  add_aliases_row (self, group);

  group = new_group (self, _("Who"));
  {
    Field *field = add_enum_row (self, group, SB_ACTOR_FIELD_KIND, _("Kind"), 0, SB_N_ACTOR_KINDS - 1, actor_kind_label);

    g_object_set_data (G_OBJECT (field->row), "refresh-choice", field->refresh);
    field->refresh = refresh_actor_kind;
  }
  add_text_rows (self, group, SB_ACTOR_FIELD_AFFILIATION, _("Affiliation"));
  add_string_row (self, group, SB_ACTOR_FIELD_COUNTRY, _("Country (ISO code, as MLI)"), country_code_is_valid,
                  _("Write the country's three-letter code, as MLI or RUS"));
  add_colour_rows (self, group);

  group = new_group (self, _("Summary"));
  add_text_rows (self, group, SB_ACTOR_FIELD_SUMMARY, _("Summary"));

  group = new_group (self, _("Figures"));
  add_figure_rows (self, group, SB_ACTOR_FIELD_FIGURES, sb_actor_get_figures (actor));

  group = new_group (self, _("Relations"));
  add_relation_rows (self, group);

  group = new_group (self, _("Citations"));
  add_citation_rows (self, group, SB_ACTOR_FIELD_CITATIONS, sb_actor_get_citations (actor));

  group = new_group (self, _("Actor"));
  add_action_rows (self, group);
}

/* Whether @changes adds, removes or changes an entity of @type other
 * than @self: a name the card offers to choose.
 */
static gboolean
touches_other (SbChanges *changes,
               SbEntity  *self,
               GType      type)
{
  GPtrArray *lists[] = { sb_changes_get_inserted (changes), sb_changes_get_removed (changes),
                         sb_changes_get_changed (changes) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        SbEntity *entity = g_ptr_array_index (lists[l], i);

        if (entity != self && G_TYPE_CHECK_INSTANCE_TYPE (entity, type))
          return TRUE;
      }

  return FALSE;
}

/**
 * _sb_edit_card_lists_changed:
 *
 * Returns: whether the card of an actor or a step lists what @changes
 *   changed, so that it is made anew rather than refreshed
 */
gboolean
_sb_edit_card_lists_changed (SbEditCard *self,
                             SbChanges  *changes)
{
  guint64 fields = sb_changes_get_fields (changes, self->entity);
  guint64 listed = (G_GUINT64_CONSTANT (1) << SB_ACTOR_FIELD_FIGURES) |
                   (G_GUINT64_CONSTANT (1) << SB_ACTOR_FIELD_RELATIONS) |
                   (G_GUINT64_CONSTANT (1) << SB_ACTOR_FIELD_CITATIONS);

  if (SB_IS_ACTOR (self->entity))
    return (fields & listed) != 0 || touches_other (changes, self->entity, SB_TYPE_ACTOR) ||
           touches_other (changes, self->entity, SB_TYPE_SOURCE);

  if (SB_IS_STEP (self->entity))
    return (fields & ((G_GUINT64_CONSTANT (1) << SB_STEP_FIELD_CITATION) |
                      (G_GUINT64_CONSTANT (1) << SB_STEP_FIELD_HIGHLIGHT))) != 0 ||
           touches_other (changes, self->entity, SB_TYPE_SOURCE);

  return FALSE;
}
