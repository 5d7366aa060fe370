/* sb-edit-card.c
 *
 * The editable card: the fields of the selected statement, place or
 * source as rows in groups, the GNOME way. A text applies on Enter or
 * when the focus leaves it, a choice at once; each is one edit of the
 * window's document, undone with Ctrl+Z. Texts have a row per language
 * of the briefing. What cannot be read (a date that does not exist, a
 * latitude of 100) is marked and not applied.
 *
 * When the briefing changes, the rows show the new values; a row being
 * typed in keeps what is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-edit-card"

#include "config.h"

#include <adwaita.h>
#include <glib-object.h>
#include <gobject/gvaluecollector.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "sb-changes.h"
#include "sb-edit-card-private.h"
#include "sb-format.h"
#include "sb-place.h"
#include "sb-source.h"
#include "sb-source-text-dialog.h"

G_DEFINE_FINAL_TYPE (SbEditCard, sb_edit_card, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* The cards                                                           */
/* ------------------------------------------------------------------ */

static const char *
item_kind_label (int value)
{
  return sb_format_item_kind (value);
}

static const char *
incident_type_label (int value)
{
  return sb_format_incident_type (value);
}

static const char *
area_kind_label (int value)
{
  return sb_format_area_kind (value);
}

static const char *
means_label (int value)
{
  return sb_format_means (value);
}

static const char *
deployment_status_label (int value)
{
  return sb_format_deployment_status (value);
}

static const char *
movement_status_label (int value)
{
  return sb_format_movement_status (value);
}

static const char *
boundary_label (int value)
{
  return sb_format_boundary (value);
}

static const char *
precision_label (int value)
{
  switch ((SbPlacePrecision) value)
    {
    case SB_PLACE_PRECISION_POINT:
      return _("An exact point");
    case SB_PLACE_PRECISION_NEAR:
      return _("Near it");
    case SB_PLACE_PRECISION_REGION:
      return _("Somewhere in a region");
    case SB_PLACE_PRECISION_COUNTRY:
    default:
      return _("Somewhere in the country");
    }
}

static void
apply_kind (Field *field)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  SbItem *item = SB_ITEM (field->card->entity);

  if (position >= SB_N_ITEM_KINDS || (SbItemKind) position == sb_item_get_kind (item))
    return;

  apply_edit (field->card, sb_edit_new_set_kind (sb_document_get_briefing (field->card->document), item, position));
}

static void
refresh_kind (Field *field)
{
  select_quietly (field, sb_item_get_kind (SB_ITEM (field->card->entity)));
}

/* "Claimed by" is asked only of a claim. */
static void
refresh_claimed_by (Field *field)
{
  refresh_entity (field);
  gtk_widget_set_visible (field->row, sb_item_get_certainty (SB_ITEM (field->card->entity)) == SB_CERTAINTY_CLAIMED);
}

static void
build_item (SbEditCard *self,
            SbBriefing *briefing)
{
  SbItem *item = SB_ITEM (self->entity);
  SbItemKind kind = sb_item_get_kind (item);
  GtkWidget *group;
  Field *field;

  group = new_group (self, _("What"));
  field = add_enum_row (self, group, 0, _("Kind"), 0, SB_N_ITEM_KINDS - 1, item_kind_label);
  field->refresh = refresh_kind;
  field->apply = apply_kind;

  switch (kind)
    {
    case SB_ITEM_KIND_INCIDENT:
      add_enum_row (self, group, SB_ITEM_FIELD_SUBTYPE, _("Type"), 0, SB_N_INCIDENT_TYPES - 1, incident_type_label);
      break;
    case SB_ITEM_KIND_AREA:
      add_enum_row (self, group, SB_ITEM_FIELD_SUBTYPE, _("Type"), 0, SB_AREA_KIND_RISK, area_kind_label);
      add_enum_row (self, group, SB_ITEM_FIELD_BOUNDARY, _("Outline"), 0, SB_BOUNDARY_SCHEMATIC, boundary_label);
      break;
    case SB_ITEM_KIND_MOVEMENT:
      add_enum_row (self, group, SB_ITEM_FIELD_STATUS, _("Status"), 0, SB_MOVEMENT_STATUS_PLANNED, movement_status_label);
      add_enum_row (self, group, SB_ITEM_FIELD_SUBTYPE, _("How"), 0, SB_MOVEMENT_MEANS_RIVER, means_label);
      break;
    case SB_ITEM_KIND_DEPLOYMENT:
    default:
      add_enum_row (self, group, SB_ITEM_FIELD_STATUS, _("Status"), 0, SB_DEPLOYMENT_STATUS_PLANNED, deployment_status_label);
      break;
    }

  /* What a new citation needs first, in view on a 768 px screen with
   * the source under the card: its type, its title (which a new
   * statement's card gives the focus), when, where and how certain (the
   * hand-run scrolled 10–25 notches down to each); who, the description
   * and the figures after them.
   */
  add_text_rows (self, group, SB_ITEM_FIELD_TITLE, _("Title"));
  if (kind == SB_ITEM_KIND_AREA)
    add_text_rows (self, group, SB_ITEM_FIELD_NAME, _("Name"));

  group = new_group (self, _("When"));
  add_date_rows (self, group, SB_ITEM_FIELD_DATE);

  if (kind != SB_ITEM_KIND_AREA)
    {
      group = new_group (self, _("Where"));
      if (kind == SB_ITEM_KIND_MOVEMENT)
        add_entity_row (self, group, SB_ITEM_FIELD_ORIGIN, _("From"), sb_briefing_get_places (briefing), _("Not said"));
      add_entity_row (self, group, SB_ITEM_FIELD_PLACE, kind == SB_ITEM_KIND_MOVEMENT ? _("To") : _("Place"),
                      sb_briefing_get_places (briefing), _("Not placed yet"));
    }

  group = new_group (self, _("How Certain"));
  add_enum_row (self, group, SB_ITEM_FIELD_CERTAINTY, _("Certainty"), 0, SB_N_CERTAINTIES - 1, certainty_label);
  field = add_entity_row (self, group, SB_ITEM_FIELD_CLAIMED_BY, _("Claimed by"), sb_briefing_get_actors (briefing), _("Nobody yet"));
  field->refresh = refresh_claimed_by;

  group = new_group (self, _("Who"));
  if (kind == SB_ITEM_KIND_DEPLOYMENT || kind == SB_ITEM_KIND_MOVEMENT)
    add_entity_row (self, group, SB_ITEM_FIELD_ACTORS, _("Actor"), sb_briefing_get_actors (briefing), _("None yet"));
  else
    add_actor_list (self, group, briefing);
  if (kind == SB_ITEM_KIND_INCIDENT)
    add_target_list (self, group, briefing);
  if (kind == SB_ITEM_KIND_DEPLOYMENT)
    add_text_rows (self, group, SB_ITEM_FIELD_ROLE, _("Role"));

  group = new_group (self, _("Description"));
  add_text_rows (self, group, SB_ITEM_FIELD_DESCRIPTION, _("Description"));

  group = new_group (self, _("How Many"));
  if (kind == SB_ITEM_KIND_INCIDENT)
    add_quantity_rows (self, group, SB_ITEM_FIELD_QUANTITY, _("Fatalities"));
  else if (kind != SB_ITEM_KIND_AREA)
    add_quantity_rows (self, group, SB_ITEM_FIELD_QUANTITY, _("Strength"));
  add_figure_rows (self, group, SB_ITEM_FIELD_FIGURES, sb_item_get_figures (item));

  group = new_group (self, _("Citations"));
  add_citation_rows (self, group, SB_ITEM_FIELD_CITATIONS, sb_item_get_citations (item));
}

static const char *
language_check_message (void)
{
  return _("Write a language code, as “en”, “nl” or “pt-BR”");
}

static void
build_place (SbEditCard *self)
{
  GtkWidget *group = new_group (self, _("Place"));
  Field *field;

  /* A village known only to its region says which. */
  if (sb_place_get_region (SB_PLACE (self->entity)) != NULL)
    {
      g_autofree char *where = sb_format_place_precision (SB_PLACE (self->entity));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), where);
    }

  add_text_rows (self, group, SB_PLACE_FIELD_NAME, _("Name"));
  add_enum_row (self, group, SB_PLACE_FIELD_PRECISION, _("Known as"), 0, SB_PLACE_PRECISION_COUNTRY, precision_label);

  field = add_field (self, SB_PLACE_FIELD_LATITUDE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (field, _("Latitude, longitude")));
  field->refresh = refresh_coordinates;
  field->apply = apply_coordinates;

  field = add_field (self, SB_PLACE_FIELD_RADIUS);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (field, _("Radius in km")));
  field->refresh = refresh_radius;
  field->apply = apply_radius;

  add_string_row (self, group, SB_PLACE_FIELD_COUNTRY, _("Country code"), country_is_valid,
                  _("Write an ISO 3166-1 alpha-3 code, as MLI for Mali"));
}

static void
on_edit_text (SbEditCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->document == NULL || !SB_IS_SOURCE (self->entity))
    return;

  gtk_window_present (GTK_WINDOW (sb_source_text_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->document, SB_SOURCE (self->entity))));
}

/* The text, as long as it is; changed in a window of its own. */
static void
refresh_text_size (Field *field)
{
  const char *text = sb_source_get_text (SB_SOURCE (field->card->entity));
  g_autofree char *size = NULL;
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  size = text != NULL ? g_strdup_printf (ngettext ("%u word", "%u words", words), words) : g_strdup (_("No text: the source is cited as a whole"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), size);
}

static void
add_text_button (SbEditCard *self,
                 GtkWidget  *group)
{
  Field *field = add_field (self, SB_SOURCE_FIELD_TEXT);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit Text…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Text of the source"));
  plain_row (row);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Text"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_edit_text), self);
  field->row = row;
  field->refresh = refresh_text_size;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
build_source (SbEditCard *self)
{
  GtkWidget *group = new_group (self, _("Source"));

  add_text_rows (self, group, SB_SOURCE_FIELD_TITLE, _("Title"));
  add_string_row (self, group, SB_SOURCE_FIELD_PUBLISHER, _("Publisher"), NULL, NULL);
  add_string_row (self, group, SB_SOURCE_FIELD_AUTHOR, _("Author"), NULL, NULL);
  add_string_row (self, group, SB_SOURCE_FIELD_LANGUAGE, _("Language of the text"), sb_language_code_is_valid,
                  language_check_message ());
  add_string_row (self, group, SB_SOURCE_FIELD_URL, _("Address"), url_is_valid,
                  _("Write an address that starts with https:// or http://"));

  group = new_group (self, _("Published"));
  add_date_rows (self, group, SB_SOURCE_FIELD_DATE);

  group = new_group (self, _("Text"));
  add_text_button (self, group);

  group = new_group (self, _("Note"));
  add_text_rows (self, group, SB_SOURCE_FIELD_NOTE, _("Note"));
}

/* Authors, as one line: "Jane Doe, John Roe". */
static void
refresh_authors (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *line = NULL;

  get_value (field, &value);
  line = g_value_get_boxed (&value) ? g_strjoinv (", ", g_value_get_boxed (&value)) : NULL;
  show_text (field->widget, field, line);
}

static void
apply_authors (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GStrv) typed = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (field->widget)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) authors = NULL;
  GStrv current;

  for (guint i = 0; typed[i] != NULL; i++)
    if (*g_strstrip (typed[i]) != '\0')
      g_strv_builder_add (builder, typed[i]);
  authors = g_strv_builder_end (builder);

  get_value (field, &value);
  current = g_value_get_boxed (&value);
  if (current == NULL ? authors[0] == NULL
                      : g_strv_equal ((const char * const *) current, (const char * const *) authors))
    return;

  apply_value (field, G_TYPE_STRV, authors[0] != NULL ? authors : NULL);
}

static void
build_briefing (SbEditCard *self)
{
  GtkWidget *group = new_group (self, _("Briefing"));
  Field *field;

  add_text_rows (self, group, SB_BRIEFING_FIELD_TITLE, _("Title"));
  add_text_rows (self, group, SB_BRIEFING_FIELD_SUBTITLE, _("Subtitle"));
  add_text_rows (self, group, SB_BRIEFING_FIELD_DESCRIPTION, _("Description"));
  add_string_row (self, group, SB_BRIEFING_FIELD_LANGUAGE, _("Language"), sb_language_code_is_valid,
                  language_check_message ());

  field = add_field (self, SB_BRIEFING_FIELD_AUTHORS);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (field, _("Authors, separated by commas")));
  field->refresh = refresh_authors;
  field->apply = apply_authors;

  group = new_group (self, _("As of"));
  add_date_rows (self, group, SB_BRIEFING_FIELD_DATE);
}

static void
add_language (GPtrArray  *languages,
              const char *code)
{
  const char *interned;

  if (code == NULL)
    return;

  interned = g_intern_string (code);
  if (!g_ptr_array_find (languages, interned, NULL))
    g_ptr_array_add (languages, (gpointer) interned);
}

static void
add_text_languages (GPtrArray *languages,
                    SbText    *text)
{
  for (guint i = 0; text != NULL && i < sb_text_get_n_languages (text); i++)
    add_language (languages, sb_text_get_language_at (text, i));
}

/* The briefing's own language first, then those its title and this
 * entity's texts have.
 */
static void
collect_languages (SbEditCard *self,
                   SbBriefing *briefing)
{
  guint n = self->entity ? sb_field_get_n_fields (G_OBJECT_TYPE (self->entity)) : 0;

  g_ptr_array_set_size (self->languages, 0);
  add_language (self->languages, sb_briefing_get_language (briefing));
  add_text_languages (self->languages, sb_briefing_get_title (briefing));
  if (self->entity == NULL)
    {
      add_text_languages (self->languages, sb_briefing_get_subtitle (briefing));
      add_text_languages (self->languages, sb_briefing_get_description (briefing));
    }

  for (guint field = 0; field < n; field++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (sb_field_get_value_type (G_OBJECT_TYPE (self->entity), field) != SB_TYPE_TEXT)
        continue;
      sb_entity_get_field (self->entity, field, &value);
      add_text_languages (self->languages, g_value_get_boxed (&value));
    }

  for (guint i = 0; i < self->added->len; i++)
    add_language (self->languages, g_ptr_array_index (self->added, i));

  if (self->languages->len == 0)
    add_language (self->languages, "en");
}

static void queue_rebuild (SbEditCard *self);

/* A language more: a row for it under each text, for a translation. */
static void
apply_new_language (Field *field)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  const char *interned;

  if (*typed == '\0')
    {
      set_error (field->widget, NULL);
      return;
    }
  if (!sb_language_code_is_valid (typed))
    {
      set_error (field->widget, language_check_message ());
      return;
    }

  set_error (field->widget, NULL);
  interned = g_intern_string (typed);
  if (!g_ptr_array_find (field->card->languages, interned, NULL) && !g_ptr_array_find (field->card->added, interned, NULL))
    g_ptr_array_add (field->card->added, (gpointer) interned);
  queue_rebuild (field->card);
}

static void
add_language_row (SbEditCard *self)
{
  GtkWidget *group = new_group (self, _("Languages"));
  Field *field = add_field (self, 0);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each text has a row per language. To add a translation, add its language."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (field, _("Add a language, as “fr”")));
  field->apply = apply_new_language;
}

static void
refresh (SbEditCard *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->refresh != NULL)
        field->refresh (field);
    }
}

/* Where the focus was, to find it again in rows made anew. */
static int
focused_field (SbEditCard *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->row != NULL && gtk_widget_has_focus (field->row))
        return i;
      if (field->widget != NULL && gtk_widget_get_focus_child (field->widget) != NULL)
        return i;
      if (field->end_row != NULL && gtk_widget_get_focus_child (field->end_row) != NULL)
        return i;
    }

  return -1;
}

/* The expander rows, in the card's order. */
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

static GtkAdjustment *
scroll_adjustment (SbEditCard *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return scroller != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)) : NULL;
}

/* Once the rows made anew have their height: the card where it was. */
static gboolean
restore_scroll (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SbEditCard *self = SB_EDIT_CARD (widget);
  GtkAdjustment *adjustment = scroll_adjustment (self);

  self->scroll_tick = 0;
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, self->scroll_to);
  return G_SOURCE_REMOVE;
}

/* Typing not applied yet in a row, kept while the card is made anew. */
typedef struct
{
  guint index;               /* of the row's field, in the card's order */
  guint field;
  const char *language;
  char *text;                /* the row's entry, or NULL */
  char *end_text;            /* a date's "To", or NULL */
} Typed;

static void
typed_clear (gpointer data)
{
  Typed *typed = data;

  g_free (typed->text);
  g_free (typed->end_text);
}

static void
rebuild (SbEditCard *self)
{
  SbBriefing *briefing = self->document ? sb_document_get_briefing (self->document) : NULL;
  int focused = focused_field (self);
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  g_autoptr(GArray) expanded = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gboolean same = self->built_for == self->entity && self->fields->len > 0;
  GtkAdjustment *adjustment = scroll_adjustment (self);
  g_autoptr(GArray) typed = g_array_new (FALSE, FALSE, sizeof (Typed));
  gboolean focused_entry_is_end = FALSE;
  int position = -1;
  GtkWidget *child;

  g_array_set_clear_func (typed, typed_clear);

  /* The same card made anew after an edit (a relation's type chosen, an
   * actor added) stays as the user had it: scrolled where it was, the
   * rows they had opened open (the hand-run's card jumped to its top
   * and the next click missed).
   */
  if (same)
    {
      collect_expanders (self->box, expanders);
      for (guint i = 0; i < expanders->len; i++)
        {
          gboolean open = adw_expander_row_get_expanded (g_ptr_array_index (expanders, i));

          g_array_append_val (expanded, open);
        }
      g_ptr_array_set_size (expanders, 0);
      if (adjustment != NULL)
        self->scroll_to = gtk_adjustment_get_value (adjustment);
    }
  self->built_for = self->entity;

  /* What is being typed and not applied yet goes over to the rows made
   * anew, and the cursor stays where it was: a choice's edit makes the
   * card anew once the main loop is idle, after the clicks and keys
   * already waiting (the hand-run's text typed into the next row just
   * after choosing an actor was lost).
   */
  if (same)
    for (guint i = 0; i < self->fields->len; i++)
      {
        Field *field = g_ptr_array_index (self->fields, i);
        Typed kept = { i, field->field, field->language,
                       typed_text (field, field->widget), typed_text (field, field->end_row) };

        if (kept.text != NULL || kept.end_text != NULL)
          g_array_append_val (typed, kept);
      }
  if (focused >= 0)
    {
      Field *field = g_ptr_array_index (self->fields, focused);
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      for (GtkWidget *entry = focus; entry != NULL; entry = gtk_widget_get_parent (entry))
        if (entry == field->widget || entry == field->end_row)
          {
            if (GTK_IS_EDITABLE (entry))
              {
                focused_entry_is_end = entry == field->end_row;
                position = gtk_editable_get_position (GTK_EDITABLE (entry));
              }
            break;
          }
    }

  self->rebuilding = TRUE;

  /* The focus leaves rows before they go: a scrolled window would keep
   * scrolling to a row that is no more.
   */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  for (guint i = 0; i < self->fields->len; i++)
    ((Field *) g_ptr_array_index (self->fields, i))->gone = TRUE;
  g_ptr_array_set_size (self->fields, 0);
  self->rebuilding = FALSE;

  if (!shows_something (self) || briefing == NULL)
    return;

  collect_languages (self, briefing);

  if (self->entity == NULL)
    build_briefing (self);
  else if (SB_IS_ITEM (self->entity))
    build_item (self, briefing);
  else if (SB_IS_PLACE (self->entity))
    build_place (self);
  else if (SB_IS_SOURCE (self->entity))
    build_source (self);
  else if (SB_IS_ACTOR (self->entity))
    _sb_edit_card_build_actor (self, briefing);
  else if (SB_IS_STEP (self->entity))
    _sb_edit_card_build_step (self, briefing);
  add_language_row (self);

  refresh (self);

  if (same)
    {
      collect_expanders (self->box, expanders);
      if (expanders->len == expanded->len)
        for (guint i = 0; i < expanders->len; i++)
          adw_expander_row_set_expanded (g_ptr_array_index (expanders, i), g_array_index (expanded, gboolean, i));
      if (adjustment != NULL && self->scroll_tick == 0)
        self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_scroll, NULL, NULL);
    }

  for (guint i = 0; i < typed->len; i++)
    {
      Typed *kept = &g_array_index (typed, Typed, i);
      Field *field = kept->index < self->fields->len ? g_ptr_array_index (self->fields, kept->index) : NULL;

      if (field == NULL || field->field != kept->field || field->language != kept->language)
        continue;
      if (kept->text != NULL && GTK_IS_EDITABLE (field->widget))
        show_typed (field, field->widget, kept->text);
      if (kept->end_text != NULL && field->end_row != NULL && GTK_IS_EDITABLE (field->end_row))
        show_typed (field, field->end_row, kept->end_text);
    }

  if (focused >= 0 && (guint) focused < self->fields->len)
    {
      Field *field = g_ptr_array_index (self->fields, focused);
      GtkWidget *entry = focused_entry_is_end ? field->end_row : field->widget;
      GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
      gboolean scrolls = viewport != NULL && gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport));

      /* The rows not laid out yet, the viewport would scroll the card
       * to its top for a frame or more (a click just after a choice
       * landed on another row): it stays where it was.
       */
      if (scrolls)
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
      /* Focusing a text selects all of it: the next key would replace
       * it. The cursor goes back where it was.
       */
      if (entry != NULL && gtk_widget_grab_focus (entry) && position >= 0 && GTK_IS_EDITABLE (entry))
        gtk_editable_set_position (GTK_EDITABLE (entry), position);
      if (scrolls)
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
    }

  /* Laid out in this frame already where it was. */
  if (same && adjustment != NULL)
    gtk_adjustment_set_value (adjustment, self->scroll_to);
}

static gboolean
on_rebuild_idle (gpointer data)
{
  SbEditCard *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_rebuild_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SbEditCard *self = SB_EDIT_CARD (widget);

  self->rebuild_tick = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Not at once: the change may come from a row's own signal, which goes on
 * after its handler. A card shown is made anew in the next frame, after
 * the clicks and keys that came meanwhile and before the frame's layout:
 * the rows a click lands on always have their place (made anew in an
 * idle, the rows waited up to a tenth of a second for their layout while
 * a busy map drew, and a click then went to another row), and what was
 * typed in the rows going goes over to the new ones.
 */
static void
queue_rebuild (SbEditCard *self)
{
  if (self->rebuild_source != 0 || self->rebuild_tick != 0)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_rebuild_tick, NULL, NULL);
  else
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_rebuild_idle, self, NULL);
}

/* Rows show new values; lists (of actors, places, figures) are made anew
 * when what they list changed.
 */
static void
on_briefing_changed (SbEditCard *self,
                     SbChanges  *changes)
{
  guint64 fields;
  guint64 listed = (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_ACTORS) |
                   (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_FIGURES) |
                   (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_CITATIONS) |
                   (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_TARGETS);

  /* A new language of the briefing is a row more for each text. */
  if (self->entity == NULL && self->briefing_shown)
    {
      fields = sb_changes_get_briefing_fields (changes);
      if ((fields & (G_GUINT64_CONSTANT (1) << SB_BRIEFING_FIELD_LANGUAGE)) != 0)
        queue_rebuild (self);
      else if (fields != 0)
        refresh (self);
      return;
    }

  if (self->entity == NULL)
    return;

  if (sb_changes_was_removed (changes, self->entity))
    {
      g_clear_object (&self->entity);
      queue_rebuild (self);
      return;
    }

  /* A statement's rows choose among actors and places. */
  fields = sb_changes_get_fields (changes, self->entity);
  if (SB_IS_ITEM (self->entity) &&
      (sb_changes_touches_type (changes, SB_TYPE_ACTOR) || sb_changes_touches_type (changes, SB_TYPE_PLACE) ||
       (fields & listed) != 0))
    queue_rebuild (self);
  else if (_sb_edit_card_lists_changed (self, changes))
    queue_rebuild (self);
  else if (fields != 0)
    refresh (self);
}

/**
 * sb_edit_card_can_edit:
 *
 * Returns: whether the card edits @entity: statements, places and
 *   sources, actors and steps
 */
gboolean
sb_edit_card_can_edit (SbEntity *entity)
{
  return SB_IS_ITEM (entity) || SB_IS_PLACE (entity) || SB_IS_SOURCE (entity) ||
         SB_IS_ACTOR (entity) || SB_IS_STEP (entity);
}

/**
 * sb_edit_card_set_document:
 * @document: (nullable): the window's document
 */
void
sb_edit_card_set_document (SbEditCard *self,
                           SbDocument *document)
{
  g_return_if_fail (SB_IS_EDIT_CARD (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (sb_document_get_briefing (self->document), self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (sb_document_get_briefing (document), "changed", G_CALLBACK (on_briefing_changed),
                             self, G_CONNECT_SWAPPED);

  g_clear_object (&self->entity);
  rebuild (self);
}

void
sb_edit_card_set_entity (SbEditCard *self,
                         SbEntity   *entity)
{
  g_return_if_fail (SB_IS_EDIT_CARD (self));

  if (entity != NULL && !sb_edit_card_can_edit (entity))
    entity = NULL;
  if (self->entity == entity)
    return;

  self->briefing_shown = FALSE;
  g_set_object (&self->entity, entity);
  rebuild (self);
}

/**
 * sb_edit_card_show_briefing:
 *
 * Shows the briefing's own fields instead of an entity's: its title,
 * subtitle and description, language, authors and date.
 */
void
sb_edit_card_show_briefing (SbEditCard *self)
{
  g_return_if_fail (SB_IS_EDIT_CARD (self));

  if (self->briefing_shown)
    return;

  g_clear_object (&self->entity);
  self->briefing_shown = TRUE;
  rebuild (self);
}

SbEntity *
sb_edit_card_get_entity (SbEditCard *self)
{
  g_return_val_if_fail (SB_IS_EDIT_CARD (self), NULL);

  return self->entity;
}

static void
sb_edit_card_dispose (GObject *object)
{
  SbEditCard *self = (SbEditCard *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (sb_document_get_briefing (self->document), self);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->rebuild_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rebuild_tick);
  self->rebuild_tick = 0;
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  self->rebuilding = TRUE;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_object (&self->entity);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sb_edit_card_parent_class)->dispose (object);
}

/* The card itself takes the focus only when a field gives it up
 * (Escape): Tab goes on from there, and a second Escape reaches the
 * window.
 */
static void
on_card_focus_leave (SbEditCard *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

static void
sb_edit_card_class_init (SbEditCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_edit_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-edit-card");
}

static void
sb_edit_card_init (SbEditCard *self)
{
  GtkEventController *focus;

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_unref);
  self->languages = g_ptr_array_new ();
  self->added = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  /* Rows closer together: the card shares 440 px with the source on a
   * 768 px screen.
   */
  gtk_widget_add_css_class (GTK_WIDGET (self), "compact-card");

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_card_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
sb_edit_card_new (void)
{
  return g_object_new (SB_TYPE_EDIT_CARD, NULL);
}
