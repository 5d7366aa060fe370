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
#include "sb-edit-card.h"
#include "sb-format.h"
#include "sb-place.h"
#include "sb-source.h"
#include "sb-source-text-dialog.h"

struct _SbEditCard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  SbDocument *document;
  SbEntity *entity;
  gboolean briefing_shown;   /* the briefing's own fields, entity NULL */
  GPtrArray *fields;         /* of Field */
  GPtrArray *languages;      /* of interned codes: a text row each */
  GPtrArray *added;          /* of interned codes: languages added here */
  gboolean rebuilding;       /* rows going: their signals change nothing */
  guint rebuild_source;      /* rows made anew once the signal is over */
};

G_DEFINE_FINAL_TYPE (SbEditCard, sb_edit_card, GTK_TYPE_WIDGET)

typedef struct _Field Field;
typedef void (*FieldFunc) (Field *field);

/* One row (or a few, for a date) that shows and sets one field. */
struct _Field
{
  SbEditCard *card;
  guint field;
  const char *language;      /* interned: the language of a text row */
  GtkWidget *row;
  GtkWidget *widget;         /* an entry, a switch, a combo row */
  GtkWidget *end_row;        /* dates: "To" */
  GtkWidget *kind_row;       /* dates: on, from–to, since */
  GtkWidget *approximate;    /* dates and quantities: a switch */
  FieldFunc refresh;
  FieldFunc apply;
  GArray *values;            /* of int: a choice's value per position */
  GPtrArray *entities;       /* of SbEntity, a choice of them (NULL: none) */
  guint index;               /* figures, actors, citations: which */
  char *shown;               /* what the entry was given or applied */
  gboolean editing;          /* the entry has the focus */
  gboolean quiet;            /* being shown: changes are not edits */
};

/* Choices of entities start with "none", a NULL. */
static void
unref_entity (gpointer entity)
{
  if (entity != NULL)
    g_object_unref (entity);
}

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->values, g_array_unref);
  g_clear_pointer (&field->entities, g_ptr_array_unref);
  g_free (field->shown);
}

static void
field_unref (Field *field)
{
  g_rc_box_release_full (field, field_clear);
}

/* The widgets whose signals name a field keep it: a row may say its focus
 * left after the card let go of it.
 */
static void
keep_field (GtkWidget *widget,
            Field     *field)
{
  GPtrArray *kept = g_object_get_data (G_OBJECT (widget), "sb-fields");

  if (kept == NULL)
    {
      kept = g_ptr_array_new_with_free_func ((GDestroyNotify) field_unref);
      g_object_set_data_full (G_OBJECT (widget), "sb-fields", kept, (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (kept, g_rc_box_acquire (field));
}

static Field *
add_field (SbEditCard *self,
           guint       field_id)
{
  Field *field = g_rc_box_new0 (Field);

  field->card = self;
  field->field = field_id;
  g_ptr_array_add (self->fields, field);
  return field;
}

static gboolean
shows_something (SbEditCard *self)
{
  return self->entity != NULL || self->briefing_shown;
}

/* Whether a signal of a field's widget is the person's doing. */
static gboolean
is_live (Field *field)
{
  return !field->quiet && !field->card->rebuilding && shows_something (field->card) && field->apply != NULL;
}

/* Applies @edit to the window's document; the rows follow "changed". */
static void
apply_edit (SbEditCard *self,
            SbEdit     *edit)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || edit == NULL)
    {
      g_clear_pointer (&edit, sb_edit_unref);
      return;
    }

  if (!sb_document_apply (self->document, edit, &error))
    g_warning ("Could not apply an edit: %s", error->message);
}

static void
get_value (Field  *field,
           GValue *value)
{
  if (field->card->entity != NULL)
    sb_entity_get_field (field->card->entity, field->field, value);
  else
    sb_briefing_get_field (sb_document_get_briefing (field->card->document), field->field, value);
}

/* An edit that sets the field shown: the entity's, or the briefing's own. */
static SbEdit *
set_edit (Field        *field,
          const GValue *value)
{
  if (field->card->entity != NULL)
    return sb_edit_new_set (field->card->entity, field->field, value);

  return sb_edit_new_set_briefing (field->field, value);
}

static void
apply_value (Field *field,
             GType  type,
             ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  va_list args;

  va_start (args, type);
  G_VALUE_COLLECT_INIT (&value, type, args, 0, &error);
  va_end (args);
  g_return_if_fail (error == NULL);

  apply_edit (field->card, set_edit (field, &value));
}

static void
set_error (GtkWidget  *widget,
           const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
}

static GtkWidget *
new_group (SbEditCard *self,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

/* Titles are the app's words; subtitles may quote the briefing. */
static void
plain_row (GtkWidget *row)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */
/* ------------------------------------------------------------------ */

static void
on_entry_apply (Field *field)
{
  if (!is_live (field))
    return;

  field->apply (field);

  /* Applied: the entry shows what the briefing has now, as it writes it
   * (" Jane Doe,John Roe," is "Jane Doe, John Roe").
   */
  if (GTK_IS_EDITABLE (field->widget) && !gtk_widget_has_css_class (field->widget, "error"))
    {
      gboolean editing = field->editing;

      g_free (field->shown);
      field->shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
      field->editing = FALSE;
      if (field->refresh != NULL && shows_something (field->card))
        field->refresh (field);
      field->editing = editing;
    }
}

static void
on_focus_enter (Field *field)
{
  field->editing = TRUE;
}

/* Moving on from a field applies it, and makes the next typing a step of
 * its own to undo.
 */
static void
on_focus_leave (Field *field)
{
  field->editing = FALSE;
  if (!is_live (field))
    return;

  on_entry_apply (field);
  if (field->card->document != NULL)
    sb_document_break_coalescing (field->card->document);
}

static GtkWidget *
new_entry_row (Field      *field,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  plain_row (row);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_apply), field);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), field);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), field);
  gtk_widget_add_controller (row, focus);
  keep_field (row, field);

  field->row = row;
  field->widget = row;
  return row;
}

/* What is being typed and not applied yet stays; otherwise the entry
 * shows the briefing's value (after Undo, say).
 */
static void
show_text (GtkWidget  *entry,
           Field      *field,
           const char *text)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (field->editing && entry == field->widget && g_strcmp0 (current, field->shown ? field->shown : "") != 0)
    return;

  if (entry == field->widget)
    {
      g_free (field->shown);
      field->shown = g_strdup (text ? text : "");
    }

  field->quiet = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  set_error (entry, NULL);
  field->quiet = FALSE;
}

/* A text field in one language. */
static void
refresh_text (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  SbText *text;

  get_value (field, &value);
  text = g_value_get_boxed (&value);
  show_text (field->widget, field, text ? sb_text_get_for_language (text, field->language) : NULL);
}

static void
apply_text (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(SbText) changed = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  SbText *text;
  const char *shown;

  get_value (field, &value);
  text = g_value_get_boxed (&value);
  shown = text ? sb_text_get_for_language (text, field->language) : NULL;
  if (g_strcmp0 (shown ? shown : "", typed) == 0)
    return;

  changed = sb_text_copy_with (text, field->language, typed);
  apply_value (field, SB_TYPE_TEXT, changed);
}

static void
add_text_rows (SbEditCard *self,
               GtkWidget  *group,
               guint       field_id,
               const char *title)
{
  for (guint i = 0; i < self->languages->len; i++)
    {
      const char *language = g_ptr_array_index (self->languages, i);
      Field *field = add_field (self, field_id);
      g_autofree char *row_title = self->languages->len > 1
        /* TRANSLATORS: a text field in one language: "Title (French)" */
        ? g_strdup_printf (_("%s (%s)"), title, sb_format_language (language))
        : g_strdup (title);

      field->language = language;
      field->refresh = refresh_text;
      field->apply = apply_text;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (field, row_title));
    }
}

typedef gboolean (*StringCheck) (const char *string);

static gboolean
url_is_valid (const char *url)
{
  return (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
         g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static gboolean
country_is_valid (const char *code)
{
  return strlen (code) == 3 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

static void
refresh_string (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  get_value (field, &value);
  show_text (field->widget, field, g_value_get_string (&value));
}

static void
apply_string (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  StringCheck check = g_object_get_data (G_OBJECT (field->widget), "check");
  const char *message = g_object_get_data (G_OBJECT (field->widget), "message");

  get_value (field, &value);
  if (g_strcmp0 (g_value_get_string (&value) ? g_value_get_string (&value) : "", typed) == 0)
    {
      set_error (field->widget, NULL);
      return;
    }

  if (*typed != '\0' && check != NULL && !check (typed))
    {
      set_error (field->widget, message);
      return;
    }

  set_error (field->widget, NULL);
  apply_value (field, G_TYPE_STRING, *typed ? typed : NULL);
}

static void
add_string_row (SbEditCard  *self,
                GtkWidget   *group,
                guint        field_id,
                const char  *title,
                StringCheck  check,
                const char  *message)
{
  Field *field = add_field (self, field_id);
  GtkWidget *row = new_entry_row (field, title);

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "message", (gpointer) message);
  field->refresh = refresh_string;
  field->apply = apply_string;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* ------------------------------------------------------------------ */
/* Choices                                                             */
/* ------------------------------------------------------------------ */

static void
on_choice_selected (Field *field)
{
  if (is_live (field))
    field->apply (field);
}

/* libadwaita 1.2 leaves the list a combo row pops up without a name. */
static void
name_popup_list (GtkWidget  *widget,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    else
      name_popup_list (child, title);
}

/* @labels: (transfer full): what to choose from */
static GtkWidget *
combo_row_new (const char    *title,
               GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  plain_row (row);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  name_popup_list (row, title);
  g_object_unref (labels);

  return row;
}

static GtkWidget *
new_combo_row (Field         *field,
               const char    *title,
               GtkStringList *labels)
{
  GtkWidget *row = combo_row_new (title, labels);

  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_choice_selected), field);
  keep_field (row, field);
  field->row = row;
  field->widget = row;
  return row;
}

static void
select_quietly (Field *field,
                guint  position)
{
  field->quiet = TRUE;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
  field->quiet = FALSE;
}

static void
refresh_enum (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  get_value (field, &value);
  for (guint i = 0; i < field->values->len; i++)
    if (g_array_index (field->values, int, i) == g_value_get_int (&value))
      select_quietly (field, i);
}

static void
apply_enum (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  int chosen;

  if (position >= field->values->len)
    return;

  chosen = g_array_index (field->values, int, position);
  get_value (field, &value);
  if (g_value_get_int (&value) != chosen)
    apply_value (field, G_TYPE_INT, chosen);
}

typedef const char *(*EnumLabel) (int value);

static Field *
add_enum_row (SbEditCard *self,
              GtkWidget  *group,
              guint       field_id,
              const char *title,
              int         first,
              int         last,
              EnumLabel   label)
{
  Field *field = add_field (self, field_id);
  GtkStringList *labels = gtk_string_list_new (NULL);

  field->values = g_array_new (FALSE, FALSE, sizeof (int));
  for (int value = first; value <= last; value++)
    {
      const char *text = label (value);

      gtk_string_list_append (labels, text ? text : _("Not said"));
      g_array_append_val (field->values, value);
    }

  field->refresh = refresh_enum;
  field->apply = apply_enum;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_combo_row (field, title, labels));
  return field;
}

/* An entity to refer to, or none, from the briefing's list of them. */
static void
refresh_entity (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gpointer current;

  get_value (field, &value);
  current = G_VALUE_HOLDS (&value, G_TYPE_PTR_ARRAY)
    ? (g_value_get_boxed (&value) && ((GPtrArray *) g_value_get_boxed (&value))->len > 0
       ? g_ptr_array_index ((GPtrArray *) g_value_get_boxed (&value), 0) : NULL)
    : g_value_get_object (&value);

  for (guint i = 0; i < field->entities->len; i++)
    if (g_ptr_array_index (field->entities, i) == current)
      select_quietly (field, i);
}

static void
apply_entity (Field *field)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  SbEntity *chosen;
  g_auto(GValue) value = G_VALUE_INIT;

  if (position >= field->entities->len)
    return;

  chosen = g_ptr_array_index (field->entities, position);
  get_value (field, &value);

  /* Deployments and movements keep their one actor in a list of one. */
  if (G_VALUE_HOLDS (&value, G_TYPE_PTR_ARRAY))
    {
      GPtrArray *actors = g_value_get_boxed (&value);
      g_autoptr(GPtrArray) changed = NULL;

      if ((actors && actors->len > 0 ? g_ptr_array_index (actors, 0) : NULL) == (gpointer) chosen)
        return;
      if (chosen != NULL)
        {
          changed = g_ptr_array_new ();
          g_ptr_array_add (changed, chosen);
        }
      apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, changed));
      return;
    }

  if (g_value_get_object (&value) != (gpointer) chosen)
    apply_edit (field->card, sb_edit_new_set_entity (field->card->entity, field->field, chosen));
}

static Field *
add_entity_row (SbEditCard *self,
                GtkWidget  *group,
                guint       field_id,
                const char *title,
                GListModel *choices,
                const char *none)
{
  Field *field = add_field (self, field_id);
  GtkStringList *labels = gtk_string_list_new (NULL);

  field->entities = g_ptr_array_new_with_free_func (unref_entity);
  gtk_string_list_append (labels, none);
  g_ptr_array_add (field->entities, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      SbEntity *entity = g_list_model_get_item (choices, i);

      gtk_string_list_append (labels, sb_entity_get_label (entity));
      g_ptr_array_add (field->entities, entity);
    }

  field->refresh = refresh_entity;
  field->apply = apply_entity;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_combo_row (field, title, labels));
  return field;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

enum { DATE_ON, DATE_SPAN, DATE_SINCE };

static void on_switch_changed (Field *field);

/* What the rows say, if it is a date; a message for the first row wrong. */
static gboolean
read_date (Field       *field,
           SbDate      *date,
           GtkWidget  **wrong,
           const char **message)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (field->kind_row));
  g_autofree char *start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  g_autofree char *end = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->end_row))));

  memset (date, 0, sizeof *date);
  *wrong = NULL;

  if (*start == '\0')
    return TRUE;

  if (!sb_calendar_date_parse (start, &date->start))
    {
      *wrong = field->widget;
      *message = _("Write a date as 2022, 2022-08 or 2022-08-15");
      return FALSE;
    }

  date->approximate = gtk_switch_get_active (GTK_SWITCH (field->approximate));
  date->is_span = kind != DATE_ON;

  if (kind == DATE_SPAN && *end != '\0')
    {
      if (!sb_calendar_date_parse (end, &date->end))
        {
          *wrong = field->end_row;
          *message = _("Write a date as 2022, 2022-08 or 2022-08-15");
          return FALSE;
        }
      if (sb_calendar_date_first_day (&date->end) < sb_calendar_date_first_day (&date->start))
        {
          *wrong = field->end_row;
          *message = _("The span ends before it starts");
          return FALSE;
        }
    }

  return TRUE;
}

static void
refresh_date (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const SbDate *date;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint kind;

  get_value (field, &value);
  date = g_value_get_boxed (&value);
  start = sb_date_is_set (date) ? sb_calendar_date_to_string (&date->start) : NULL;
  end = date->is_span && date->end.precision != SB_DATE_PRECISION_NONE ? sb_calendar_date_to_string (&date->end) : NULL;
  kind = !date->is_span ? DATE_ON : date->end.precision != SB_DATE_PRECISION_NONE ? DATE_SPAN : DATE_SINCE;

  show_text (field->widget, field, start);
  show_text (field->end_row, field, end);

  field->quiet = TRUE;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->kind_row)) != kind)
    adw_combo_row_set_selected (ADW_COMBO_ROW (field->kind_row), kind);
  gtk_switch_set_active (GTK_SWITCH (field->approximate), date->approximate);
  field->quiet = FALSE;

  gtk_widget_set_visible (field->end_row, kind == DATE_SPAN);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->widget), kind == DATE_ON ? _("Date") : _("From"));
}

static void
apply_date (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *wrong = NULL;
  const char *message = NULL;
  SbDate date;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (field->kind_row));

  gtk_widget_set_visible (field->end_row, kind == DATE_SPAN);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->widget), kind == DATE_ON ? _("Date") : _("From"));

  set_error (field->widget, NULL);
  set_error (field->end_row, NULL);
  if (!read_date (field, &date, &wrong, &message))
    {
      set_error (wrong, message);
      return;
    }

  get_value (field, &value);
  if (!sb_date_equal (g_value_get_boxed (&value), &date))
    apply_value (field, SB_TYPE_DATE, &date);
}

static GtkWidget *
new_switch_row (Field      *field,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  plain_row (row);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_switch_changed), field);
  keep_field (toggle, field);

  field->approximate = toggle;
  return row;
}

static void
on_switch_changed (Field *field)
{
  if (is_live (field))
    field->apply (field);
}

static void
add_date_rows (SbEditCard *self,
               GtkWidget  *group,
               guint       field_id)
{
  Field *field = add_field (self, field_id);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkWidget *start, *end;

  gtk_string_list_append (kinds, _("On a day, month or year"));
  gtk_string_list_append (kinds, _("From one date to another"));
  gtk_string_list_append (kinds, _("Since a date, still so"));

  /* The kind row, the two dates and the switch are one field. */
  field->kind_row = combo_row_new (_("When"), kinds);
  g_signal_connect_swapped (field->kind_row, "notify::selected", G_CALLBACK (on_choice_selected), field);
  keep_field (field->kind_row, field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field->kind_row);

  end = new_entry_row (field, _("To"));
  start = new_entry_row (field, _("Date"));
  field->widget = start;
  field->end_row = end;
  field->row = start;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), start);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), end);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_switch_row (field, _("Approximate"), _("As in “early August”, “about 2015”")));

  field->refresh = refresh_date;
  field->apply = apply_date;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

/* "500", "300–400" or "300-400"; "" is no number. */
static gboolean
parse_quantity (const char *text,
                SbQuantity *quantity)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GString) normal = g_string_new (copy);
  char *end;
  double min, max;

  memset (quantity, 0, sizeof *quantity);
  if (*copy == '\0')
    return TRUE;

  g_string_replace (normal, "–", "-", 0);
  g_string_replace (normal, "—", "-", 0);
  g_string_replace (normal, " ", "", 0);

  min = g_ascii_strtod (normal->str, &end);
  if (end == normal->str || min < 0 || !isfinite (min))
    return FALSE;

  max = min;
  if (*end == '-')
    {
      const char *second = end + 1;

      max = g_ascii_strtod (second, &end);
      if (end == second || max < min || !isfinite (max))
        return FALSE;
      quantity->is_range = TRUE;
    }
  if (*end != '\0')
    return FALSE;

  quantity->is_set = TRUE;
  quantity->min = min;
  quantity->max = max;
  return TRUE;
}

static char *
quantity_to_text (const SbQuantity *quantity)
{
  char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

  if (!sb_quantity_is_set (quantity))
    return NULL;

  g_ascii_formatd (min, sizeof min, "%.15g", quantity->min);
  if (!quantity->is_range)
    return g_strdup (min);

  g_ascii_formatd (max, sizeof max, "%.15g", quantity->max);
  return g_strdup_printf ("%s–%s", min, max);
}

static void
refresh_quantity (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const SbQuantity *quantity;
  g_autofree char *text = NULL;

  get_value (field, &value);
  quantity = g_value_get_boxed (&value);
  text = quantity_to_text (quantity);
  show_text (field->widget, field, text);

  field->quiet = TRUE;
  gtk_switch_set_active (GTK_SWITCH (field->approximate), quantity->is_set && quantity->approximate);
  field->quiet = FALSE;
}

static void
apply_quantity (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  SbQuantity quantity;

  if (!parse_quantity (gtk_editable_get_text (GTK_EDITABLE (field->widget)), &quantity))
    {
      set_error (field->widget, _("Write a number, as 500, or a range, as 300–400"));
      return;
    }

  set_error (field->widget, NULL);
  quantity.approximate = quantity.is_set && gtk_switch_get_active (GTK_SWITCH (field->approximate));
  get_value (field, &value);
  if (!sb_quantity_equal (g_value_get_boxed (&value), &quantity))
    apply_edit (field->card, sb_edit_new_set_quantity (field->card->entity, field->field, &quantity));
}

static void
add_quantity_rows (SbEditCard *self,
                   GtkWidget  *group,
                   guint       field_id,
                   const char *title)
{
  Field *field = add_field (self, field_id);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (field, title));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_switch_row (field, _("Approximate"), _("As in “about 1,000”")));
  field->refresh = refresh_quantity;
  field->apply = apply_quantity;
}

/* A place's position, typed as "16.2719, -0.0447": one edit. */
static void
refresh_coordinates (Field *field)
{
  SbPlace *place = SB_PLACE (field->card->entity);
  char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  g_ascii_formatd (lat, sizeof lat, "%.6g", sb_place_get_latitude (place));
  g_ascii_formatd (lon, sizeof lon, "%.6g", sb_place_get_longitude (place));
  text = g_strdup_printf ("%s, %s", lat, lon);
  show_text (field->widget, field, text);
}

static void
apply_coordinates (Field *field)
{
  SbPlace *place = SB_PLACE (field->card->entity);
  g_auto(GStrv) parts = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (field->widget)), ", ;", -1);
  double values[2];
  guint n = 0;

  for (guint i = 0; parts[i] != NULL && n <= 2; i++)
    {
      char *end;

      if (*parts[i] == '\0')
        continue;
      if (n == 2)
        {
          n++;
          break;
        }
      values[n] = g_ascii_strtod (parts[i], &end);
      if (*end != '\0' || !isfinite (values[n]))
        break;
      n++;
    }

  if (n != 2 || fabs (values[0]) > 90 || fabs (values[1]) > 180)
    {
      set_error (field->widget, _("Write the latitude (−90 to 90) and longitude (−180 to 180), as 16.27, -0.04"));
      return;
    }

  set_error (field->widget, NULL);
  if (values[0] != sb_place_get_latitude (place) || values[1] != sb_place_get_longitude (place))
    apply_edit (field->card, sb_edit_new_set_position (place, values[0], values[1]));
}

static void
refresh_radius (Field *field)
{
  SbPlace *place = SB_PLACE (field->card->entity);
  char radius[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (radius, sizeof radius, "%.6g", sb_place_get_radius_km (place));
  show_text (field->widget, field, sb_place_has_radius (place) ? radius : NULL);
}

static void
apply_radius (Field *field)
{
  SbPlace *place = SB_PLACE (field->card->entity);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->widget));
  double radius = 0;
  char *end;

  if (*text != '\0')
    {
      radius = g_ascii_strtod (text, &end);
      if (*end != '\0' || radius < 0.1 || radius > 3000)
        {
          set_error (field->widget, _("Write a radius from 0.1 to 3,000 km, or leave it empty for the usual one"));
          return;
        }
    }

  set_error (field->widget, NULL);
  if (radius != (sb_place_has_radius (place) ? sb_place_get_radius_km (place) : 0))
    apply_edit (field->card, sb_edit_new_set_double (SB_ENTITY (place), SB_PLACE_FIELD_RADIUS, radius));
}

/* ------------------------------------------------------------------ */
/* Lists: actors, citations, figures                                   */
/* ------------------------------------------------------------------ */

static GtkWidget *
new_remove_button (const char *spoken)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return button;
}

static void
on_remove_actor (Field *field)
{
  if (field->card->rebuilding || field->card->entity == NULL)
    return;

  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GPtrArray *actors;

  get_value (field, &value);
  actors = g_value_get_boxed (&value);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    if (i != field->index)
      g_ptr_array_add (kept, g_ptr_array_index (actors, i));

  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, kept->len ? kept : NULL));
}

/* An incident's actors are in order, the initiator first. */
static void
on_move_actor_up (Field *field)
{
  if (field->card->rebuilding || field->card->entity == NULL || field->index == 0)
    return;

  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  GPtrArray *actors;

  get_value (field, &value);
  actors = g_value_get_boxed (&value);
  if (actors == NULL || field->index >= actors->len)
    return;

  g_ptr_array_extend (moved, actors, NULL, NULL);
  moved->pdata[field->index - 1] = g_ptr_array_index (actors, field->index);
  moved->pdata[field->index] = g_ptr_array_index (actors, field->index - 1);
  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, moved));
}

static void
apply_add_actor (Field *field)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  GPtrArray *current;

  if (position == 0 || position >= field->entities->len)
    return;

  get_value (field, &value);
  current = g_value_get_boxed (&value);
  if (current != NULL)
    g_ptr_array_extend (actors, current, NULL, NULL);
  g_ptr_array_add (actors, g_ptr_array_index (field->entities, position));
  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, actors));
}

static void
refresh_nothing (Field *field)
{
}

static void
add_actor_list (SbEditCard *self,
                GtkWidget  *group,
                SbBriefing *briefing)
{
  SbItem *item = SB_ITEM (self->entity);
  gboolean incident = sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT;
  GListModel *actors = sb_briefing_get_actors (briefing);
  GtkStringList *labels = gtk_string_list_new (NULL);
  Field *add;

  for (guint i = 0; i < sb_item_get_n_actors (item); i++)
    {
      SbActor *actor = sb_item_get_actor (item, i);
      Field *field = add_field (self, SB_ITEM_FIELD_ACTORS);
      GtkWidget *row = adw_action_row_new ();
      /* TRANSLATORS: a button a screen reader speaks: "Remove Wagner group" */
      g_autofree char *spoken = g_strdup_printf (_("Remove %s"), sb_entity_get_label (SB_ENTITY (actor)));
      GtkWidget *button = new_remove_button (spoken);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sb_entity_get_label (SB_ENTITY (actor)));
      plain_row (row);
      if (incident && sb_item_get_n_actors (item) > 1)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), i == 0 ? _("Initiator") : _("Took part"));
      if (incident && i > 0)
        {
          /* TRANSLATORS: a button a screen reader speaks: "Make Wagner group the initiator" */
          g_autofree char *first = g_strdup_printf (i == 1 ? _("Make %s the initiator") : _("Move %s up"),
                                                    sb_entity_get_label (SB_ENTITY (actor)));
          GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");

          gtk_widget_add_css_class (up, "flat");
          gtk_widget_set_valign (up, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (up, first);
          gtk_accessible_update_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL, first, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
          g_signal_connect_swapped (up, "clicked", G_CALLBACK (on_move_actor_up), field);
          keep_field (up, field);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_actor), field);
      keep_field (button, field);
      field->index = i;
      field->row = row;
      field->refresh = refresh_nothing;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  add = add_field (self, SB_ITEM_FIELD_ACTORS);
  add->entities = g_ptr_array_new_with_free_func (unref_entity);
  gtk_string_list_append (labels, _("Choose an actor…"));
  g_ptr_array_add (add->entities, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SbActor *actor = g_list_model_get_item (actors, i);

      if (sb_item_involves_actor (item, actor))
        {
          g_object_unref (actor);
          continue;
        }
      gtk_string_list_append (labels, sb_entity_get_label (SB_ENTITY (actor)));
      g_ptr_array_add (add->entities, actor);
    }
  add->refresh = refresh_nothing;
  add->apply = apply_add_actor;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_combo_row (add, _("Add Actor"), labels));
}

static void
on_remove_citation (Field *field)
{
  if (field->card->rebuilding || field->card->entity == NULL)
    return;

  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  GPtrArray *citations;

  get_value (field, &value);
  citations = g_value_get_boxed (&value);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    if (i != field->index)
      g_ptr_array_add (kept, sb_citation_ref (g_ptr_array_index (citations, i)));

  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, kept));
}

static void
add_citation_rows (SbEditCard *self,
                   GtkWidget  *group,
                   guint       field_id,
                   GPtrArray  *citations)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);
      Field *field = add_field (self, field_id);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *quoted = g_strdup_printf ("“%s”", citation->quote ? citation->quote : "");
      /* TRANSLATORS: a button a screen reader speaks */
      GtkWidget *button = new_remove_button (_("Remove this citation"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), citation->quote ? quoted : _("The source as a whole"));
      plain_row (row);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), citation->source ? sb_entity_get_label (SB_ENTITY (citation->source)) : "");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_citation), field);
      keep_field (button, field);
      field->index = i;
      field->row = row;
      field->refresh = refresh_nothing;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (citations == NULL || citations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No citation yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Every statement cites the passage it comes from: select it in the source and choose Cite"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* A figure is changed by putting a changed copy in a copy of the list. */
static GPtrArray *
copy_figures (GPtrArray *figures)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    g_ptr_array_add (copy, sb_figure_copy (g_ptr_array_index (figures, i)));

  return copy;
}

static GPtrArray *
figures_of (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  get_value (field, &value);
  return copy_figures (g_value_get_boxed (&value));
}

static void
apply_figures (Field     *field,
               GPtrArray *figures)
{
  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, figures));
}

static void
on_remove_figure (Field *field)
{
  if (field->card->rebuilding || field->card->entity == NULL)
    return;

  g_autoptr(GPtrArray) figures = figures_of (field);

  g_ptr_array_remove_index (figures, field->index);
  apply_figures (field, figures);
}

static void
on_add_figure (Field *field)
{
  if (field->card->rebuilding || field->card->entity == NULL)
    return;

  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = sb_figure_new ();
  GPtrArray *citations;

  figure->measure = sb_item_get_kind (SB_ITEM (field->card->entity)) == SB_ITEM_KIND_INCIDENT
                    ? SB_FIGURE_MEASURE_FATALITIES : SB_FIGURE_MEASURE_STRENGTH;
  figure->evidence.certainty = SB_CERTAINTY_REPORTED;
  figure->evidence.citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  /* Most often the number is in the passage the statement cites. */
  citations = sb_item_get_citations (SB_ITEM (field->card->entity));
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    g_ptr_array_add (figure->evidence.citations, sb_citation_ref (g_ptr_array_index (citations, i)));
  g_ptr_array_add (figures, figure);
  apply_figures (field, figures);
}

static void
apply_figure_measure (Field *field)
{
  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

  if (position >= field->values->len || figure->measure == (SbFigureMeasure) g_array_index (field->values, int, position))
    return;

  figure->measure = g_array_index (field->values, int, position);
  apply_figures (field, figures);
}

static void
apply_figure_value (Field *field)
{
  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  SbQuantity quantity;

  if (!parse_quantity (gtk_editable_get_text (GTK_EDITABLE (field->widget)), &quantity))
    {
      set_error (field->widget, _("Write a number, as 500, or a range, as 300–400"));
      return;
    }

  set_error (field->widget, NULL);
  quantity.approximate = quantity.is_set && gtk_switch_get_active (GTK_SWITCH (field->approximate));
  if (sb_quantity_equal (&figure->value, &quantity))
    return;

  figure->value = quantity;
  apply_figures (field, figures);
}

static void
apply_figure_as_of (Field *field)
{
  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  SbDate date = { { 0, }, };

  if (*text != '\0' && !sb_calendar_date_parse (text, &date.start))
    {
      set_error (field->widget, _("Write a date as 2022, 2022-08 or 2022-08-15"));
      return;
    }

  set_error (field->widget, NULL);
  if (sb_date_equal (&figure->as_of, &date))
    return;

  figure->as_of = date;
  apply_figures (field, figures);
}

static void
apply_figure_certainty (Field *field)
{
  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

  if (position >= SB_N_CERTAINTIES || figure->evidence.certainty == (SbCertainty) position)
    return;

  figure->evidence.certainty = position;
  if (position != SB_CERTAINTY_CLAIMED)
    figure->evidence.claimed_by = NULL;
  apply_figures (field, figures);
}

/* What exactly is counted, in one language ("commandos for special
 * operations").
 */
static void
apply_figure_label (Field *field)
{
  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  const char *shown = figure->label ? sb_text_get_for_language (figure->label, field->language) : NULL;
  SbText *label;

  if (g_strcmp0 (shown ? shown : "", typed) == 0)
    return;

  label = sb_text_copy_with (figure->label, field->language, typed);
  g_clear_pointer (&figure->label, sb_text_unref);
  figure->label = label;
  apply_figures (field, figures);
}

static void
apply_figure_claimed_by (Field *field)
{
  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  SbActor *chosen;

  if (position >= field->entities->len)
    return;

  chosen = g_ptr_array_index (field->entities, position);
  if (figure->evidence.claimed_by == chosen)
    return;

  figure->evidence.claimed_by = chosen;
  apply_figures (field, figures);
}

static void
on_remove_figure_citation (Field *field)
{
  if (field->card->rebuilding || field->card->entity == NULL)
    return;

  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = g_ptr_array_index (figures, field->index);
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  guint removed = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (field->widget), "citation"));

  for (guint i = 0; figure->evidence.citations != NULL && i < figure->evidence.citations->len; i++)
    if (i != removed)
      g_ptr_array_add (kept, sb_citation_ref (g_ptr_array_index (figure->evidence.citations, i)));

  g_clear_pointer (&figure->evidence.citations, g_ptr_array_unref);
  figure->evidence.citations = kept;
  apply_figures (field, figures);
}

/* A figure's passages, each with a button to take it away. */
static void
add_figure_citation_rows (SbEditCard *self,
                          GtkWidget  *expander,
                          guint       field_id,
                          guint       index,
                          SbFigure   *figure)
{
  GPtrArray *citations = figure->evidence.citations;

  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);
      g_autofree char *quoted = g_strdup_printf ("“%s”", citation->quote ? citation->quote : "");
      GtkWidget *row = adw_action_row_new ();
      /* TRANSLATORS: a button a screen reader speaks */
      GtkWidget *button = new_remove_button (_("Remove this citation of the figure"));
      Field *field = add_field (self, field_id);

      field->index = index;
      field->widget = button;
      field->refresh = refresh_nothing;
      g_object_set_data (G_OBJECT (button), "citation", GUINT_TO_POINTER (i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), citation->quote ? quoted : _("The source as a whole"));
      plain_row (row);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), citation->source ? sb_entity_get_label (SB_ENTITY (citation->source)) : "");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_figure_citation), field);
      keep_field (button, field);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  if (citations == NULL || citations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No citation of the figure yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A figure cites the passage that gives it: select it in the source and choose Cite"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

static const char *
figure_measure_label (int value)
{
  return sb_format_figure_measure (value);
}

static const char *
certainty_label (int value)
{
  return sb_format_certainty (value);
}

static void
add_figure_rows (SbEditCard *self,
                 GtkWidget  *group,
                 guint       field_id,
                 GPtrArray  *figures)
{
  Field *add_field_holder;
  GtkWidget *add_row, *add_button;

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      SbFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = sb_format_figure (figure);
      g_autofree char *quantity = quantity_to_text (&figure->value);
      g_autofree char *as_of = sb_date_is_set (&figure->as_of) ? sb_calendar_date_to_string (&figure->as_of.start) : NULL;
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row, *button;
      Field *field;
      GtkStringList *labels;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), sb_format_figure_measure (figure->measure));
      plain_row (expander);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), value);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

      /* What is counted. */
      field = add_field (self, field_id);
      field->index = i;
      field->values = g_array_new (FALSE, FALSE, sizeof (int));
      labels = gtk_string_list_new (NULL);
      for (int m = 0; m <= SB_FIGURE_MEASURE_OTHER; m++)
        {
          gtk_string_list_append (labels, figure_measure_label (m));
          g_array_append_val (field->values, m);
        }
      row = new_combo_row (field, _("What is counted"), labels);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), figure->measure);
      field->apply = apply_figure_measure;
      field->refresh = refresh_nothing;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      /* What exactly, in words, in each language. */
      for (guint l = 0; l < self->languages->len; l++)
        {
          const char *language = g_ptr_array_index (self->languages, l);
          const char *label = figure->label ? sb_text_get_for_language (figure->label, language) : NULL;
          g_autofree char *row_title = self->languages->len > 1
            /* TRANSLATORS: what a figure counts, in words, in one language: "In words (French)" */
            ? g_strdup_printf (_("In words (%s)"), sb_format_language (language))
            : g_strdup (_("In words"));

          field = add_field (self, field_id);
          field->index = i;
          field->language = language;
          row = new_entry_row (field, row_title);
          gtk_editable_set_text (GTK_EDITABLE (row), label ? label : "");
          field->apply = apply_figure_label;
          field->refresh = refresh_nothing;
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      /* The number, or the range. */
      field = add_field (self, field_id);
      field->index = i;
      row = new_entry_row (field, _("Value"));
      gtk_editable_set_text (GTK_EDITABLE (row), quantity ? quantity : "");
      field->apply = apply_figure_value;
      field->refresh = refresh_nothing;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      row = new_switch_row (field, _("Approximate"), NULL);
      gtk_switch_set_active (GTK_SWITCH (field->approximate), figure->value.approximate);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      /* When it held. */
      field = add_field (self, field_id);
      field->index = i;
      row = new_entry_row (field, _("As of"));
      gtk_editable_set_text (GTK_EDITABLE (row), as_of ? as_of : "");
      field->apply = apply_figure_as_of;
      field->refresh = refresh_nothing;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      /* How certain. */
      field = add_field (self, field_id);
      field->index = i;
      field->values = g_array_new (FALSE, FALSE, sizeof (int));
      labels = gtk_string_list_new (NULL);
      for (int c = 0; c < SB_N_CERTAINTIES; c++)
        {
          gtk_string_list_append (labels, certainty_label (c));
          g_array_append_val (field->values, c);
        }
      row = new_combo_row (field, _("How certain"), labels);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), figure->evidence.certainty);
      field->apply = apply_figure_certainty;
      field->refresh = refresh_nothing;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      /* Who claims it, asked only of a claim. */
      if (figure->evidence.certainty == SB_CERTAINTY_CLAIMED)
        {
          GListModel *actors = sb_briefing_get_actors (sb_document_get_briefing (self->document));
          guint selected = 0;

          field = add_field (self, field_id);
          field->index = i;
          field->entities = g_ptr_array_new_with_free_func (unref_entity);
          labels = gtk_string_list_new (NULL);
          gtk_string_list_append (labels, _("Nobody yet"));
          g_ptr_array_add (field->entities, NULL);
          for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
            {
              SbEntity *actor = g_list_model_get_item (actors, a);

              if (actor == (SbEntity *) figure->evidence.claimed_by)
                selected = field->entities->len;
              gtk_string_list_append (labels, sb_entity_get_label (actor));
              g_ptr_array_add (field->entities, actor);
            }
          row = new_combo_row (field, _("Claimed by"), labels);
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
          field->apply = apply_figure_claimed_by;
          field->refresh = refresh_nothing;
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      add_figure_citation_rows (self, expander, field_id, i, figure);

      field = add_field (self, field_id);
      field->index = i;
      field->refresh = refresh_nothing;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remove this figure"));
      button = new_remove_button (_("Remove this figure"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_figure), field);
      keep_field (button, field);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  add_field_holder = add_field (self, field_id);
  add_field_holder->refresh = refresh_nothing;
  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Figure"));
  add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add_button, "flat");
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (add_row), add_button);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (on_add_figure), add_field_holder);
  keep_field (add_button, add_field_holder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row);
}

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

  add_text_rows (self, group, SB_ITEM_FIELD_TITLE, _("Title"));
  add_text_rows (self, group, SB_ITEM_FIELD_DESCRIPTION, _("Description"));
  if (kind == SB_ITEM_KIND_AREA)
    add_text_rows (self, group, SB_ITEM_FIELD_NAME, _("Name"));

  group = new_group (self, _("Who"));
  if (kind == SB_ITEM_KIND_DEPLOYMENT || kind == SB_ITEM_KIND_MOVEMENT)
    add_entity_row (self, group, SB_ITEM_FIELD_ACTORS, _("Actor"), sb_briefing_get_actors (briefing), _("None yet"));
  else
    add_actor_list (self, group, briefing);
  if (kind == SB_ITEM_KIND_DEPLOYMENT)
    add_text_rows (self, group, SB_ITEM_FIELD_ROLE, _("Role"));

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

  group = new_group (self, _("How Many"));
  if (kind == SB_ITEM_KIND_INCIDENT)
    add_quantity_rows (self, group, SB_ITEM_FIELD_QUANTITY, _("Fatalities"));
  else if (kind != SB_ITEM_KIND_AREA)
    add_quantity_rows (self, group, SB_ITEM_FIELD_QUANTITY, _("Strength"));
  add_figure_rows (self, group, SB_ITEM_FIELD_FIGURES, sb_item_get_figures (item));

  group = new_group (self, _("How Certain"));
  add_enum_row (self, group, SB_ITEM_FIELD_CERTAINTY, _("Certainty"), 0, SB_N_CERTAINTIES - 1, certainty_label);
  field = add_entity_row (self, group, SB_ITEM_FIELD_CLAIMED_BY, _("Claimed by"), sb_briefing_get_actors (briefing), _("Nobody yet"));
  field->refresh = refresh_claimed_by;

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
    }

  return -1;
}

static void
rebuild (SbEditCard *self)
{
  SbBriefing *briefing = self->document ? sb_document_get_briefing (self->document) : NULL;
  int focused = focused_field (self);
  GtkWidget *child;

  self->rebuilding = TRUE;

  /* The focus leaves rows before they go: a scrolled window would keep
   * scrolling to a row that is no more.
   */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
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
  add_language_row (self);

  refresh (self);

  if (focused >= 0 && (guint) focused < self->fields->len)
    {
      Field *field = g_ptr_array_index (self->fields, focused);

      if (field->widget != NULL)
        gtk_widget_grab_focus (field->widget);
    }
}

static gboolean
on_rebuild_idle (gpointer data)
{
  SbEditCard *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Not at once: the change may come from a row's own signal, which goes on
 * after its handler.
 */
static void
queue_rebuild (SbEditCard *self)
{
  if (self->rebuild_source == 0)
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
                   (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_CITATIONS);

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
  else if (fields != 0)
    refresh (self);
}

/**
 * sb_edit_card_can_edit:
 *
 * Returns: whether the card edits @entity: statements, places and
 *   sources (actors and steps have editors of their own)
 */
gboolean
sb_edit_card_can_edit (SbEntity *entity)
{
  return SB_IS_ITEM (entity) || SB_IS_PLACE (entity) || SB_IS_SOURCE (entity);
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
  self->rebuilding = TRUE;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_object (&self->entity);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sb_edit_card_parent_class)->dispose (object);
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
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_unref);
  self->languages = g_ptr_array_new ();
  self->added = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
sb_edit_card_new (void)
{
  return g_object_new (SB_TYPE_EDIT_CARD, NULL);
}
