/* sb-edit-card-rows.c
 *
 * The rows the editable card is made of, each showing and setting one
 * field: texts per language, strings, choices, dates, quantities, lists
 * of actors, figures and citations. The cards of statements, places,
 * sources, actors and steps are built from them (sb-edit-card.c,
 * sb-edit-card-actor.c, sb-edit-card-step.c).
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
#include "sb-country-code.h"
#include "sb-place.h"
#include "sb-source.h"

#define MAX_CITATION_CHOICES 300
#define MAX_CHOICE_CHARS 60

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
  g_free (field->held);
}

void
field_unref (Field *field)
{
  g_rc_box_release_full (field, field_clear);
}

/* The widgets whose signals name a field keep it: a row may say its focus
 * left after the card let go of it.
 */
void
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

Field *
add_field (SbEditCard *self,
           guint       field_id)
{
  Field *field = g_rc_box_new0 (Field);

  field->card = self;
  field->field = field_id;
  g_ptr_array_add (self->fields, field);
  return field;
}

gboolean
shows_something (SbEditCard *self)
{
  return self->entity != NULL || self->briefing_shown;
}

/* Whether @field's row is still one of what the card shows now. */
gboolean
is_current (Field *field)
{
  return !field->gone && !field->card->rebuilding && field->card->entity != NULL;
}

/* Whether a signal of a field's widget is the person's doing. */
gboolean
is_live (Field *field)
{
  return !field->quiet && !field->gone && !field->card->rebuilding && shows_something (field->card) && field->apply != NULL;
}

/* Applies @edit to the window's document; the rows follow "changed". */
void
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

void
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

void
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

void
set_error (GtkWidget  *widget,
           const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
}

GtkWidget *
new_group (SbEditCard *self,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  /* Its list named after it: "Relations", "Figures". */
  _sb_edit_card_name_inner (group, title);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

/* Titles are the app's words; subtitles may quote the briefing. */
void
plain_row (GtkWidget *row)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */
/* ------------------------------------------------------------------ */

/* A field without the focus shows the start of its text, which says
 * what the text is ("US troops left…", not "…Americans").
 */
static void
show_start (GtkWidget *entry,
            gboolean   leaving)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  if (text != NULL && (leaving || !gtk_widget_is_focus (GTK_WIDGET (text))) &&
      gtk_editable_get_position (GTK_EDITABLE (entry)) != 0)
    gtk_editable_set_position (GTK_EDITABLE (entry), 0);
}

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
on_focus_leave (GtkEventControllerFocus *focus,
                Field                   *field)
{
  field->editing = FALSE;
  show_start (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)), TRUE);
  if (!is_live (field))
    return;

  on_entry_apply (field);
  if (field->card->document != NULL)
    sb_document_break_coalescing (field->card->document);
}

/* What @entry was given or applied last: the briefing's value as the
 * entry shows it.
 */
static const char *
shown_in (Field     *field,
          GtkWidget *entry)
{
  const char *shown = entry == field->widget ? field->shown : g_object_get_data (G_OBJECT (entry), "sb-shown");

  return shown != NULL ? shown : "";
}

/* Ctrl+Z in a field: typing not applied yet is undone (the field shows
 * the briefing's value again); otherwise it is the briefing's Undo, as
 * everywhere in the window. Ctrl+Shift+Z is the briefing's Redo. The
 * entry's own undo is off and never sees the keys: it would take back
 * text the briefing already has, and the card would show what the
 * briefing no longer says.
 */
static gboolean
on_undo_key (GtkWidget *entry,
             GVariant  *arguments,
             gpointer   user_data)
{
  Field *field = user_data;
  const char *shown = shown_in (field, entry);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), shown) == 0)
    return gtk_widget_activate_action (entry, "win.undo", NULL);

  field->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), shown);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  set_error (entry, NULL);
  field->quiet = FALSE;
  /* The date rows say again what they still need. */
  if (field->message_row != NULL && is_live (field))
    field->apply (field);
  return TRUE;
}

/* The focus from a field to the card, the card staying scrolled where
 * the field was, not going to its top.
 */
static void
card_take_focus (SbEditCard *card)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (card), GTK_TYPE_VIEWPORT);
  gboolean scrolls = viewport != NULL && gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport));

  if (scrolls)
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (card), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (card));
  if (scrolls)
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
}

/* Escape in a field leaves the field, not the selection: typing not
 * applied yet is undone first; then the focus goes from the field to the
 * card (and a second Escape reaches the window).
 */
static gboolean
on_escape_key (GtkWidget *entry,
               GVariant  *arguments,
               gpointer   user_data)
{
  Field *field = user_data;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), shown_in (field, entry)) != 0)
    return on_undo_key (entry, arguments, user_data);

  card_take_focus (field->card);
  return TRUE;
}

static gboolean
on_redo_key (GtkWidget *entry,
             GVariant  *arguments,
             gpointer   user_data)
{
  return gtk_widget_activate_action (entry, "win.redo", NULL);
}

static void
add_key (GtkEventController      *keys,
         const char              *trigger,
         GtkShortcutFunc          callback,
         Field                   *field)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (callback, field, NULL)));
}

GtkWidget *
new_entry_row (Field      *field,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  plain_row (row);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_key (keys, "<Control>z", on_undo_key, field);
  add_key (keys, "<Control><Shift>z", on_redo_key, field);
  add_key (keys, "Escape", on_escape_key, field);
  gtk_widget_add_controller (row, keys);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_apply), field);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), field);
  gtk_widget_add_controller (row, focus);
  keep_field (row, field);

  field->row = row;
  field->widget = row;
  return row;
}

/* What is being typed and not applied yet stays; otherwise the entry
 * shows the briefing's value (after Undo, say).
 */
void
show_text (GtkWidget  *entry,
           Field      *field,
           const char *text)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (field->editing && g_strcmp0 (current, shown_in (field, entry)) != 0)
    return;

  if (entry == field->widget)
    {
      g_free (field->shown);
      field->shown = g_strdup (text ? text : "");
    }
  else
    g_object_set_data_full (G_OBJECT (entry), "sb-shown", g_strdup (text ? text : ""), g_free);

  field->quiet = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  show_start (entry, FALSE);
  set_error (entry, NULL);
  field->quiet = FALSE;
}

/* What was typed in @entry and not applied yet, or NULL: the card made
 * anew (an edit from a choice, another change of the briefing) keeps it.
 */
char *
typed_text (Field     *field,
            GtkWidget *entry)
{
  const char *text;

  if (entry == NULL || !GTK_IS_EDITABLE (entry))
    return NULL;

  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  return g_strcmp0 (text, shown_in (field, entry)) != 0 ? g_strdup (text) : NULL;
}

/* @entry of a row made anew shows @typed again, not applied: the
 * briefing's value stays what Ctrl+Z and Escape go back to.
 */
void
show_typed (Field      *field,
            GtkWidget  *entry,
            const char *typed)
{
  field->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
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

void
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

gboolean
url_is_valid (const char *url)
{
  return (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
         g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

gboolean
country_is_valid (const char *code)
{
  return sb_country_code_is_alpha3 (code);
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

void
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

/* The choice shown on the row: cut short where it is long, whole in
 * its tooltip, so that a narrow card (1024×768) keeps the row's title.
 * The row's title and its choice share about CHOSEN_LINE_CHARS: a short
 * title ("When") leaves room for a long choice ("From one date to
 * another").
 */
#define CHOSEN_MAX_CHARS 20
#define CHOSEN_LINE_CHARS 32

static int
chosen_max_chars (GtkListItem *item)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "sb-chosen-chars"));
}
/* A choice in the list: whole, wrapped, never cut. */
#define CHOICE_MAX_CHARS 28

static void
setup_chosen (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (item), "sb-chosen-chars", max_chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, label);
}

static void
bind_chosen (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (text, -1) > chosen_max_chars (item) ? text : NULL);
}

static void
update_check (GtkListItem *item)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (item), "sb-combo-row");
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, row != NULL && adw_combo_row_get_selected (row) == gtk_list_item_get_position (item));
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CHOICE_MAX_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_object_set_data (G_OBJECT (item), "sb-combo-row", row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_check), item, G_CONNECT_SWAPPED);
  update_check (item);
}

static void
unbind_choice (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, item);
  g_object_set_data (G_OBJECT (item), "sb-combo-row", NULL);
}

/* @labels: (transfer full): what to choose from */
GtkWidget *
combo_row_new (const char    *title,
               GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkListItemFactory) chosen = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) choices = gtk_signal_list_item_factory_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  plain_row (row);
  g_signal_connect (chosen, "setup", G_CALLBACK (setup_chosen),
                    GINT_TO_POINTER (MAX (CHOSEN_MAX_CHARS, CHOSEN_LINE_CHARS - (int) g_utf8_strlen (title, -1))));
  g_signal_connect (chosen, "bind", G_CALLBACK (bind_chosen), NULL);
  g_signal_connect (choices, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (choices, "bind", G_CALLBACK (bind_choice), row);
  g_signal_connect (choices, "unbind", G_CALLBACK (unbind_choice), row);
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), chosen);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), choices);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  name_popup_list (row, title);
  g_object_unref (labels);

  return row;
}

GtkWidget *
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

void
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

Field *
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
void
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

Field *
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

typedef enum
{
  DATE_READ,          /* a date, or none */
  DATE_INCOMPLETE,    /* a span or a since without the date it needs yet */
  DATE_WRONG,         /* a row holds what is no date, or a span backwards */
} DateReading;

/* What the rows say: a date, or which row is wrong or still needed and a
 * message saying so. (transfer full) @message.
 */
static DateReading
read_date (Field       *field,
           SbDate      *date,
           GtkWidget  **wrong,
           char       **message)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (field->kind_row));
  g_autofree char *start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
  g_autofree char *end = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->end_row))));

  memset (date, 0, sizeof *date);
  *wrong = NULL;
  *message = NULL;

  if (*start != '\0' && !sb_calendar_date_parse (start, &date->start))
    {
      *wrong = field->widget;
      *message = g_strdup (_("Write a date as 2022, 2022-08 or 2022-08-15"));
      return DATE_WRONG;
    }
  if (kind == DATE_SPAN && *end != '\0' && !sb_calendar_date_parse (end, &date->end))
    {
      *wrong = field->end_row;
      *message = g_strdup (_("Write a date as 2022, 2022-08 or 2022-08-15"));
      return DATE_WRONG;
    }

  if (*start == '\0')
    {
      memset (date, 0, sizeof *date);
      if (kind == DATE_ON)
        return DATE_READ;
      *wrong = field->widget;
      *message = g_strdup (_("Write in From the date it starts, as 2022-08-15"));
      return DATE_INCOMPLETE;
    }

  date->approximate = gtk_switch_get_active (GTK_SWITCH (field->approximate));
  date->is_span = kind != DATE_ON;

  if (kind == DATE_SPAN && *end == '\0')
    {
      *wrong = field->end_row;
      *message = g_strdup (_("Write in To the date it ends, as 2022-08-15"));
      return DATE_INCOMPLETE;
    }
  if (kind == DATE_SPAN && sb_calendar_date_first_day (&date->end) < sb_calendar_date_first_day (&date->start))
    {
      *wrong = field->end_row;
      /* TRANSLATORS: a span whose end, as typed, is before its start:
       * "The span ends before it starts: To, 2024-08-05, is before From, 2024-08-06" */
      *message = g_strdup_printf (_("The span ends before it starts: To, %s, is before From, %s"), end, start);
      return DATE_WRONG;
    }

  return DATE_READ;
}

/* The rows' own line under To: what is still needed or wrong, in words,
 * or nothing.
 */
static void
show_date_message (Field      *field,
                   const char *message,
                   gboolean    is_error)
{
  gtk_widget_set_visible (field->message_row, message != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->message_row), message ? message : "");
  /* Wrong in red; still needed, quieter. */
  if (is_error)
    {
      gtk_widget_add_css_class (field->message_row, "error");
      gtk_widget_remove_css_class (field->message_row, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (field->message_row, "error");
      gtk_widget_add_css_class (field->message_row, "dim-label");
    }
}

static void
show_date_kind (Field *field,
                guint  kind)
{
  gtk_widget_set_visible (field->end_row, kind == DATE_SPAN);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->widget), kind == DATE_ON ? _("Date") : _("From"));
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

  /* What the rows hold and cannot be applied yet stays, marked, as long
   * as the briefing's date is the one it would change.
   */
  if (field->held != NULL && sb_date_equal (date, field->held))
    return;
  g_clear_pointer (&field->held, g_free);
  show_date_message (field, NULL, FALSE);

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

  show_date_kind (field, kind);
}

static void
apply_date (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;
  GtkWidget *wrong = NULL;
  const SbDate *current;
  DateReading reading;
  SbDate date;

  show_date_kind (field, adw_combo_row_get_selected (ADW_COMBO_ROW (field->kind_row)));

  set_error (field->widget, NULL);
  set_error (field->end_row, NULL);
  get_value (field, &value);
  current = g_value_get_boxed (&value);
  reading = read_date (field, &date, &wrong, &message);
  if (reading != DATE_READ)
    {
      /* Not applied, never dropped: the rows keep it and say why. */
      g_free (field->held);
      field->held = g_memdup2 (current, sizeof *current);
      if (reading == DATE_WRONG)
        set_error (wrong, message);
      else
        gtk_widget_set_tooltip_text (wrong, message);
      show_date_message (field, message, reading == DATE_WRONG);
      return;
    }

  g_clear_pointer (&field->held, g_free);
  show_date_message (field, NULL, FALSE);
  if (!sb_date_equal (current, &date))
    apply_value (field, SB_TYPE_DATE, &date);
}

GtkWidget *
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

void
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

  /* What the dates still need, or what is wrong with them. */
  field->message_row = adw_action_row_new ();
  plain_row (field->message_row);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (field->message_row), 0);
  gtk_widget_set_visible (field->message_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field->message_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_switch_row (field, _("Approximate"), _("As in “early August”, “about 2015”")));

  field->refresh = refresh_date;
  field->apply = apply_date;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

/* "500", "300–400" or "300-400"; "" is no number. */
gboolean
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

void
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
void
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

void
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

void
refresh_radius (Field *field)
{
  SbPlace *place = SB_PLACE (field->card->entity);
  char radius[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (radius, sizeof radius, "%.6g", sb_place_get_radius_km (place));
  show_text (field->widget, field, sb_place_has_radius (place) ? radius : NULL);
}

void
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

GtkWidget *
new_remove_button (const char *spoken)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return button;
}

/* What a remove button of a citation says: "Remove Citation 2
 * (“Duizend Duitse…”)", its first words telling it from the others.
 */
char *
_sb_edit_card_remove_citation_name (guint             index,
                                    const SbCitation *citation)
{
  const char *quote = sb_citation_get_quote (citation);
  g_autoptr(GString) start = NULL;
  guint words = 0;

  if (quote == NULL || *quote == '\0')
    /* TRANSLATORS: a button a screen reader speaks: "Remove Citation 2 (the source as a whole)" */
    return g_strdup_printf (_("Remove Citation %u (the source as a whole)"), index + 1);

  start = g_string_new (NULL);
  for (const char *p = quote; *p && words < 3; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          words++;
          if (words == 3)
            break;
          c = ' ';
        }
      g_string_append_unichar (start, c);
    }
  if (start->len < strlen (quote))
    g_string_append (start, "…");
  /* TRANSLATORS: a button a screen reader speaks: "Remove Citation 2 (“Duizend Duitse…”)" */
  return g_strdup_printf (_("Remove Citation %u (“%s”)"), index + 1, start->str);
}

static void
on_remove_actor (Field *field)
{
  if (!is_current (field))
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
  if (!is_current (field) || field->index == 0)
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

/* One more actor for @field (the actors, or an incident's targets),
 * chosen among the briefing's actors not in the statement already.
 */
static void
add_actor_choice (SbEditCard  *self,
                  GtkWidget   *group,
                  SbBriefing  *briefing,
                  SbItemField  field,
                  const char  *title)
{
  SbItem *item = SB_ITEM (self->entity);
  GListModel *actors = sb_briefing_get_actors (briefing);
  GtkStringList *labels = gtk_string_list_new (NULL);
  Field *add = add_field (self, field);

  add->entities = g_ptr_array_new_with_free_func (unref_entity);
  gtk_string_list_append (labels, _("Choose an actor…"));
  g_ptr_array_add (add->entities, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SbActor *actor = g_list_model_get_item (actors, i);

      if (sb_item_involves_actor (item, actor) ||
          (field == SB_ITEM_FIELD_TARGETS && sb_item_targets_actor (item, actor)))
        {
          g_object_unref (actor);
          continue;
        }
      gtk_string_list_append (labels, sb_entity_get_label (SB_ENTITY (actor)));
      g_ptr_array_add (add->entities, actor);
    }
  add->refresh = refresh_nothing;
  add->apply = apply_add_actor;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_combo_row (add, title, labels));
}


void
refresh_nothing (Field *field)
{
}

void
add_actor_list (SbEditCard *self,
                GtkWidget  *group,
                SbBriefing *briefing)
{
  SbItem *item = SB_ITEM (self->entity);
  gboolean incident = sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT;

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

  add_actor_choice (self, group, briefing, SB_ITEM_FIELD_ACTORS, _("Add Actor"));
}

/* An incident's targets: the side attacked, arrested or ousted, each
 * removable, and one more chosen among the actors not in it already.
 */
void
add_target_list (SbEditCard *self,
                 GtkWidget  *group,
                 SbBriefing *briefing)
{
  SbItem *item = SB_ITEM (self->entity);
  GPtrArray *targets = sb_item_get_targets (item);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      SbActor *actor = g_ptr_array_index (targets, i);
      Field *field = add_field (self, SB_ITEM_FIELD_TARGETS);
      GtkWidget *row = adw_action_row_new ();
      /* TRANSLATORS: a button a screen reader speaks: "Remove Malian army from the targets" */
      g_autofree char *spoken = g_strdup_printf (_("Remove %s from the targets"), sb_entity_get_label (SB_ENTITY (actor)));
      GtkWidget *button = new_remove_button (spoken);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sb_entity_get_label (SB_ENTITY (actor)));
      plain_row (row);
      /* TRANSLATORS: an incident's actor on the receiving end: attacked, arrested, ousted */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Target"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_actor), field);
      keep_field (button, field);
      field->index = i;
      field->row = row;
      field->refresh = refresh_nothing;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  add_actor_choice (self, group, briefing, SB_ITEM_FIELD_TARGETS, _("Add Target"));
}

static void
on_remove_citation (Field *field)
{
  if (!is_current (field))
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

/* A citation as the card lists it: the quote (or the whole source), the
 * source under it, and @remove_button at its end.
 */
static GtkWidget *
new_citation_row (SbCitation *citation,
                  GtkWidget  *remove_button)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *quoted = g_strdup_printf ("“%s”", sb_citation_get_quote (citation) ? sb_citation_get_quote (citation) : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sb_citation_get_quote (citation) ? quoted : _("The source as a whole"));
  plain_row (row);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), citation->source ? sb_entity_get_label (SB_ENTITY (citation->source)) : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  return row;
}

void
add_citation_rows (SbEditCard *self,
                   GtkWidget  *group,
                   guint       field_id,
                   GPtrArray  *citations)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      Field *field = add_field (self, field_id);
      g_autofree char *spoken = _sb_edit_card_remove_citation_name (i, g_ptr_array_index (citations, i));
      GtkWidget *button = new_remove_button (spoken);
      GtkWidget *row = new_citation_row (g_ptr_array_index (citations, i), button);

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
  if (!is_current (field))
    return;

  g_autoptr(GPtrArray) figures = figures_of (field);

  g_ptr_array_remove_index (figures, field->index);
  apply_figures (field, figures);
}

static void
on_add_figure (Field *field)
{
  if (!is_current (field))
    return;

  g_autoptr(GPtrArray) figures = figures_of (field);
  SbFigure *figure = sb_figure_new ();
  GPtrArray *citations;

  figure->measure = SB_IS_ITEM (field->card->entity) &&
                    sb_item_get_kind (SB_ITEM (field->card->entity)) == SB_ITEM_KIND_INCIDENT
                    ? SB_FIGURE_MEASURE_FATALITIES : SB_FIGURE_MEASURE_STRENGTH;
  figure->evidence.certainty = SB_CERTAINTY_REPORTED;
  figure->evidence.citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  /* Most often the number is in the passage the statement (or actor) cites. */
  citations = SB_IS_ITEM (field->card->entity) ? sb_item_get_citations (SB_ITEM (field->card->entity))
                                               : sb_actor_get_citations (SB_ACTOR (field->card->entity));
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
  if (!is_current (field))
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
      g_autofree char *spoken = _sb_edit_card_remove_citation_name (i, g_ptr_array_index (citations, i));
      GtkWidget *button = new_remove_button (spoken);
      GtkWidget *row = new_citation_row (g_ptr_array_index (citations, i), button);
      Field *field = add_field (self, field_id);

      field->index = index;
      field->widget = button;
      field->refresh = refresh_nothing;
      g_object_set_data (G_OBJECT (button), "citation", GUINT_TO_POINTER (i));
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

const char *
certainty_label (int value)
{
  return sb_format_certainty (value);
}

void
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
      _sb_edit_card_name_inner (expander, sb_format_figure_measure (figure->measure));
      {
        g_autofree char *spoken = g_strdup_printf ("%s: %s", sb_format_figure_measure (figure->measure), value);

        gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      }

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
      _sb_edit_card_add_figure_citation_row (self, expander, field_id, i);

      field = add_field (self, field_id);
      field->index = i;
      field->refresh = refresh_nothing;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remove this figure"));
      {
        /* TRANSLATORS: a button a screen reader speaks: "Remove Figure “Strength: 2,000”" */
        g_autofree char *spoken = g_strdup_printf (_("Remove Figure “%s: %s”"), sb_format_figure_measure (figure->measure), value);

        button = new_remove_button (spoken);
      }
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


/**
 * _sb_edit_card_name_inner:
 *
 * Gives the lists and buttons inside @widget that libadwaita 1.2 and
 * GTK 4.8 leave unnamed (an expander row's lists, a colour button's
 * button) the name @name.
 */
void
_sb_edit_card_name_inner (GtkWidget  *widget,
                          const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child) || (GTK_IS_BUTTON (child) && GTK_IS_COLOR_BUTTON (widget)))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (!GTK_IS_LIST_BOX_ROW (child) || ADW_IS_EXPANDER_ROW (widget))
        _sb_edit_card_name_inner (child, name);
    }
}

/* ------------------------------------------------------------------ */
/* Citations to choose from                                            */
/* ------------------------------------------------------------------ */

static void
add_choices (GPtrArray *choices,
             GPtrArray *citations)
{
  for (guint i = 0; citations != NULL && i < citations->len && choices->len < MAX_CITATION_CHOICES; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);
      gboolean known = citation->source == NULL || sb_citation_get_quote (citation) == NULL;

      for (guint k = 0; k < choices->len && !known; k++)
        known = sb_citation_equal (g_ptr_array_index (choices, k), citation);
      if (!known)
        g_ptr_array_add (choices, sb_citation_ref (citation));
    }
}

static void
add_entity_choices (GPtrArray *choices,
                    SbEntity  *entity)
{
  if (SB_IS_ITEM (entity))
    {
      GPtrArray *figures = sb_item_get_figures (SB_ITEM (entity));

      add_choices (choices, sb_item_get_citations (SB_ITEM (entity)));
      for (guint i = 0; figures != NULL && i < figures->len; i++)
        add_choices (choices, ((SbFigure *) g_ptr_array_index (figures, i))->evidence.citations);
    }
  else if (SB_IS_ACTOR (entity))
    {
      GPtrArray *figures = sb_actor_get_figures (SB_ACTOR (entity));

      add_choices (choices, sb_actor_get_citations (SB_ACTOR (entity)));
      for (guint i = 0; i < figures->len; i++)
        add_choices (choices, ((SbFigure *) g_ptr_array_index (figures, i))->evidence.citations);
    }
}

/**
 * _sb_edit_card_citation_choices:
 * @nearest: (nullable): entities whose passages come first
 *
 * Returns: (transfer full) (element-type SbCitation): the passages the
 *   briefing cites already, those of @nearest first, then the actors',
 *   then the statements', at most a few hundred
 */
GPtrArray *
_sb_edit_card_citation_choices (SbBriefing *briefing,
                                GPtrArray  *nearest)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  GListModel *lists[] = { sb_briefing_get_actors (briefing), sb_briefing_get_all_items (briefing) };

  for (guint i = 0; nearest != NULL && i < nearest->len; i++)
    add_entity_choices (choices, g_ptr_array_index (nearest, i));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]) && choices->len < MAX_CITATION_CHOICES; i++)
      {
        g_autoptr(SbEntity) entity = g_list_model_get_item (lists[l], i);

        add_entity_choices (choices, entity);
      }

  return choices;
}

/**
 * _sb_edit_card_citation_label:
 *
 * Returns: (transfer full): a passage short enough for a list, with its
 *   source: “Russische militairen zijn…” — NRC
 */
char *
_sb_edit_card_citation_label (SbCitation *citation)
{
  g_autofree char *quote = NULL;
  const char *source = citation->source ? sb_entity_get_label (SB_ENTITY (citation->source)) : "";

  if (sb_citation_get_quote (citation) == NULL)
    return g_strdup (source);

  if (g_utf8_strlen (sb_citation_get_quote (citation), -1) > MAX_CHOICE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (sb_citation_get_quote (citation), 0, MAX_CHOICE_CHARS - 1);

      quote = g_strconcat (g_strchomp (start), "…", NULL);
    }
  else
    quote = g_strdup (sb_citation_get_quote (citation));

  /* TRANSLATORS: a passage to choose, and its source: “…” — NRC */
  return g_strdup_printf (_("“%s” — %s"), quote, source);
}

/* The passages to choose from are told apart by their words: each quote
 * over up to three lines, its source under it (when there are several),
 * the whole quote in its
 * tooltip; at 1024×768 too, where a choice is a few words wide.
 */
#define PASSAGE_LINES 3

static SbCitation *
passage_at (AdwComboRow *row,
            guint        position)
{
  GPtrArray *choices = g_object_get_data (G_OBJECT (row), "choices");

  if (position == 0 || choices == NULL || position - 1 >= choices->len)
    return NULL;
  return g_ptr_array_index (choices, position - 1);
}

/* The whole quote and its source, for a tooltip. */
static char *
passage_tooltip (SbCitation *citation)
{
  const char *source = citation->source ? sb_entity_get_label (SB_ENTITY (citation->source)) : "";

  if (sb_citation_get_quote (citation) == NULL)
    return g_strdup (source);
  /* TRANSLATORS: a passage to choose, and its source: “…” — NRC */
  return g_strdup_printf (_("“%s” — %s"), sb_citation_get_quote (citation), source);
}

static void
setup_passage (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *quote = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), PASSAGE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (quote), CHOICE_MAX_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), CHOICE_MAX_CHARS);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (source), CHOICE_MAX_CHARS);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (text), quote);
  gtk_box_append (GTK_BOX (text), source);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

/* Whether the passages to choose from come from more than one source:
 * only then is each one's source said under it.
 */
static gboolean
from_several_sources (AdwComboRow *row)
{
  GPtrArray *choices = g_object_get_data (G_OBJECT (row), "choices");

  for (guint i = 1; choices != NULL && i < choices->len; i++)
    if (((SbCitation *) g_ptr_array_index (choices, i))->source != ((SbCitation *) g_ptr_array_index (choices, 0))->source)
      return TRUE;
  return FALSE;
}

static void
bind_passage (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *quote = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  GtkWidget *source = gtk_widget_get_next_sibling (quote);
  SbCitation *citation = passage_at (row, gtk_list_item_get_position (item));
  g_autofree char *tooltip = citation ? passage_tooltip (citation) : NULL;

  if (citation != NULL && sb_citation_get_quote (citation) != NULL)
    gtk_label_set_text (GTK_LABEL (quote), sb_citation_get_quote (citation));
  else
    gtk_label_set_text (GTK_LABEL (quote), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_label_set_text (GTK_LABEL (source), citation && citation->source ? sb_entity_get_label (SB_ENTITY (citation->source)) : "");
  gtk_widget_set_visible (source, citation != NULL && citation->source != NULL && from_several_sources (row));
  gtk_widget_set_tooltip_text (box, tooltip);
  g_object_set_data (G_OBJECT (item), "sb-combo-row", row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_check), item, G_CONNECT_SWAPPED);
  update_check (item);
}

/* The passage chosen, on the row: short, whole in its tooltip. */
static void
bind_chosen_passage (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  SbCitation *citation = passage_at (row, gtk_list_item_get_position (item));
  g_autofree char *tooltip = citation ? passage_tooltip (citation) : NULL;

  bind_chosen (factory, item);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), tooltip);
}

static void
set_passage_factories (GtkWidget *row)
{
  g_autoptr(GtkListItemFactory) chosen = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) choices = gtk_signal_list_item_factory_new ();

  g_signal_connect (chosen, "setup", G_CALLBACK (setup_chosen), GINT_TO_POINTER (CHOSEN_MAX_CHARS));
  g_signal_connect (chosen, "bind", G_CALLBACK (bind_chosen_passage), row);
  g_signal_connect (choices, "setup", G_CALLBACK (setup_passage), NULL);
  g_signal_connect (choices, "bind", G_CALLBACK (bind_passage), row);
  g_signal_connect (choices, "unbind", G_CALLBACK (unbind_choice), row);
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), chosen);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), choices);
}

/**
 * _sb_edit_card_citation_row:
 * @none: what choosing no passage is called
 * @nearest: entities whose passages come first
 * @current: (nullable): the passage chosen now, among the choices even
 *   when the briefing cites it nowhere else
 *
 * Returns: a combo row of @field choosing among the briefing's passages;
 *   position 0 is none, position i the passage i - 1 of its "choices"
 */
GtkWidget *
_sb_edit_card_citation_row (Field      *field,
                            const char *title,
                            const char *none,
                            GPtrArray  *nearest,
                            SbCitation *current)
{
  GPtrArray *choices = _sb_edit_card_citation_choices (sb_document_get_briefing (field->card->document), nearest);
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint selected = 0;
  GtkWidget *row;

  if (current != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < choices->len && !known; i++)
        known = sb_citation_equal (g_ptr_array_index (choices, i), current);
      if (!known)
        g_ptr_array_insert (choices, 0, sb_citation_ref (current));
    }

  gtk_string_list_append (labels, none);
  for (guint i = 0; i < choices->len; i++)
    {
      g_autofree char *label = _sb_edit_card_citation_label (g_ptr_array_index (choices, i));

      gtk_string_list_append (labels, label);
      if (current != NULL && sb_citation_equal (g_ptr_array_index (choices, i), current))
        selected = i + 1;
    }

  row = new_combo_row (field, title, labels);
  g_object_set_data_full (G_OBJECT (row), "choices", choices, (GDestroyNotify) g_ptr_array_unref);
  set_passage_factories (row);
  select_quietly (field, selected);

  return row;
}

/* One more passage for the figure, among those the briefing cites. */
static void
apply_figure_citation (Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
  GPtrArray *choices = g_object_get_data (G_OBJECT (field->widget), "choices");
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  SbCitation *chosen;
  SbFigure *figure;
  GPtrArray *citations;

  if (choices == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION || position > choices->len)
    return;

  get_value (field, &value);
  for (guint i = 0; i < ((GPtrArray *) g_value_get_boxed (&value))->len; i++)
    g_ptr_array_add (figures, sb_figure_copy (g_ptr_array_index ((GPtrArray *) g_value_get_boxed (&value), i)));
  figure = g_ptr_array_index (figures, field->index);
  chosen = g_ptr_array_index (choices, position - 1);

  citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  for (guint i = 0; figure->evidence.citations != NULL && i < figure->evidence.citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (figure->evidence.citations, i);

      if (sb_citation_equal (citation, chosen))
        {
          g_ptr_array_unref (citations);
          select_quietly (field, 0);
          return;
        }
      g_ptr_array_add (citations, sb_citation_ref (citation));
    }
  g_ptr_array_add (citations, sb_citation_ref (chosen));

  g_clear_pointer (&figure->evidence.citations, g_ptr_array_unref);
  figure->evidence.citations = citations;
  apply_edit (field->card, sb_edit_new_set_array (field->card->entity, field->field, figures));
}

/**
 * _sb_edit_card_add_figure_citation_row:
 *
 * Adds to a figure's rows a choice of one more passage it comes from,
 * among those the briefing cites already (a new one is cited from the
 * source).
 */
void
_sb_edit_card_add_figure_citation_row (SbEditCard *self,
                                       GtkWidget  *expander,
                                       guint       field_id,
                                       guint       index)
{
  g_autoptr(GPtrArray) nearest = g_ptr_array_new ();
  Field *field = add_field (self, field_id);
  GtkWidget *row;

  if (self->entity != NULL)
    g_ptr_array_add (nearest, self->entity);
  field->index = index;
  field->refresh = refresh_nothing;
  field->apply = apply_figure_citation;
  row = _sb_edit_card_citation_row (field, _("Add a Passage the Briefing Cites"), _("Choose a passage…"), nearest, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}
