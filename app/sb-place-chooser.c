/* sb-place-chooser.c
 *
 * The precision offered first is the one the place has: a town is a
 * point, a region a region, a country a country (which the map then
 * shades), a town the passage says it is "near" near it. "Near" asks
 * for a radius. Whatever is picked is one edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-place-chooser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-citation.h"
#include "sb-cite.h"
#include "sb-gazetteer.h"
#include "sb-format.h"
#include "sb-place-chooser.h"

/* As many as fit without a scroll bar; typing more narrows them. */
#define MAX_RESULTS 7
/* Seven places found would make the popover taller than a 768-line
 * screen: past four or so, they scroll.
 */
#define MAX_RESULTS_HEIGHT 260

struct _SbPlaceChooser
{
  GtkPopover parent_instance;

  GtkLabel *title;
  GtkDropDown *field;
  GtkSearchEntry *entry;
  GtkSearchEntry *near_entry;
  GtkWidget *near_row;
  GtkListBox *results;
  GtkLabel *empty;
  GtkDropDown *precision;
  GtkSpinButton *radius;
  GtkWidget *radius_row;
  GtkButton *click_button;
  GtkButton *draw_button;
  GtkButton *corners_button;

  SbDocument *document;
  SbMapEditor *editor;
  SbItem *item;
  char *starting;          /* the name Place started from for the end chosen */
  GPtrArray *found;        /* of SbGazetteerEntry */
  char *query;             /* what found was found for */
  char *unknown;           /* a name the gazetteer lacks, placed by a known one */
  const SbGazetteerEntry *defaulted; /* whose precision was offered last */
  gboolean precision_chosen;         /* by the person, for these results */
  gboolean offering;                 /* the precision is being set here */
};

G_DEFINE_FINAL_TYPE (SbPlaceChooser, sb_place_chooser, GTK_TYPE_POPOVER)

static const char *
kind_label (const SbGazetteerEntry *entry)
{
  switch (entry->kind)
    {
    case SB_GAZETTEER_BRIEFING:
      return _("In this briefing");
    case SB_GAZETTEER_COUNTRY:
      return _("Country");
    case SB_GAZETTEER_REGION:
      return _("Region");
    case SB_GAZETTEER_PLACE:
    default:
      return _("Town");
    }
}

static GtkWidget *
new_row (const SbGazetteerEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  const char *country = entry->country ? sb_gazetteer_country_name (sb_gazetteer_get_default (), entry->country) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *others = entry->other_names ? g_strjoinv (", ", entry->other_names) : NULL;

  if (entry->kind == SB_GAZETTEER_BRIEFING && entry->place != NULL)
    {
      /* Two of the briefing's places may share a name: how precisely
       * each is known tells them apart.
       */
      g_autofree char *precision = sb_format_place_precision (entry->place);

      subtitle = g_strdup_printf (_("%s · %s"), kind_label (entry), precision);
    }
  else if (country != NULL && entry->kind != SB_GAZETTEER_COUNTRY)
    /* TRANSLATORS: "Town · Mali", what a place found in the gazetteer is */
    subtitle = g_strdup_printf (_("%s · %s"), kind_label (entry), country);
  else
    subtitle = g_strdup (kind_label (entry));
  if (others != NULL && entry->kind != SB_GAZETTEER_REGION)
    {
      char *longer = g_strdup_printf ("%s · %s", subtitle, others);

      g_free (subtitle);
      subtitle = longer;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The places found for @text, in the list, none chosen yet. */
static void
search (SbPlaceChooser *self,
        const char     *text)
{
  SbBriefing *briefing = self->document ? sb_document_get_briefing (self->document) : NULL;
  GtkWidget *child;

  self->defaulted = NULL;
  self->precision_chosen = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = sb_gazetteer_search (sb_gazetteer_get_default (), text, briefing, MAX_RESULTS);
  for (guint i = 0; i < self->found->len; i++)
    gtk_list_box_append (self->results, new_row (g_ptr_array_index (self->found, i)));
  /* With no place found, Tab goes past the empty list: its scrolled
   * window would otherwise be a stop without a name that does nothing.
   */
  gtk_widget_set_can_focus (gtk_widget_get_ancestor (GTK_WIDGET (self->results), GTK_TYPE_SCROLLED_WINDOW),
                            self->found->len > 0);
}

/* The places found are shown whole up to the scroller's limit: the
 * popover, measured with the wrapped text above them, would otherwise
 * give them less than their height once shown.
 */
static void
fit_results (SbPlaceChooser *self)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->results),
                                                                              GTK_TYPE_SCROLLED_WINDOW));
  int natural = 0;

  gtk_scrolled_window_set_min_content_height (scroller, -1);
  gtk_widget_measure (GTK_WIDGET (self->results), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  gtk_scrolled_window_set_min_content_height (scroller, MIN (natural, MAX_RESULTS_HEIGHT));
}

/* A name the gazetteer lacks: the known town it is near (or its region
 * or country), found by name, is where it goes.
 */
static void
update_near_results (SbPlaceChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->near_entry));

  if (self->unknown == NULL)
    return;

  search (self, text);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->results), GTK_TYPE_SCROLLED_WINDOW),
                          self->found->len > 0);
  if (self->found->len > 0)
    gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
  fit_results (self);
}

static void
update_results (SbPlaceChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* The entry says so again after its delay: the same results stay, with
   * the precision chosen meanwhile.
   */
  if (self->found != NULL && g_strcmp0 (self->query, text) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (text);
  search (self, text);
  g_clear_pointer (&self->unknown, g_free);
  if (self->found->len == 0 && *text != '\0')
    {
      g_autofree char *empty = NULL;

      /* TRANSLATORS: a town typed in Place that the built-in gazetteer
       * does not list, e.g. "Téra"
       */
      empty = g_strdup_printf (_("“%s” is not in the gazetteer: say which known town it is near (or its region or country) below, or click on the map where it is (Enter). The place keeps the name “%s”."),
                               text, text);
      gtk_label_set_text (self->empty, empty);
      self->unknown = g_strstrip (g_strdup (text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty), self->unknown != NULL);
  gtk_widget_set_visible (self->near_row, self->unknown != NULL);
  /* The places found are under the name they were found for. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->results), GTK_TYPE_SCROLLED_WINDOW);

    gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (scroller)), scroller,
                                 self->unknown != NULL ? self->near_row : GTK_WIDGET (self->entry));
  }
  /* No empty list framed above the name not found. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->results), GTK_TYPE_SCROLLED_WINDOW),
                          self->found->len > 0 || *text == '\0');
  if (self->found->len > 0)
    gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
  fit_results (self);
  if (self->found->len == 0 && self->unknown != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->near_entry)) != '\0')
    update_near_results (self);
}

static void
update_radius (SbPlaceChooser *self)
{
  /* Shown always, so that the popover keeps its size as the choice changes. */
  gtk_widget_set_sensitive (self->radius_row, gtk_drop_down_get_selected (self->precision) == SB_PLACE_PRECISION_NEAR);
}

/**
 * sb_place_chooser_set_precision:
 * @radius_km: for %SB_PLACE_PRECISION_NEAR, how near
 *
 * Sets the precision the next choice is placed with.
 */
void
sb_place_chooser_set_precision (SbPlaceChooser  *self,
                                SbPlacePrecision precision,
                                double           radius_km)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  gtk_drop_down_set_selected (self->precision, precision);
  if (radius_km > 0)
    gtk_spin_button_set_value (self->radius, radius_km);
  update_radius (self);
}

static void
on_row_selected (SbPlaceChooser *self,
                 GtkListBoxRow  *row)
{
  const SbGazetteerEntry *entry;

  if (row == NULL || self->found == NULL || (guint) gtk_list_box_row_get_index (row) >= self->found->len)
    return;
  entry = g_ptr_array_index (self->found, gtk_list_box_row_get_index (row));
  /* The same place chosen again keeps the precision set for it, and a
   * precision the person chose stays when they then click another result
   * ("Near it", then the town).
   */
  if (entry == self->defaulted || self->precision_chosen)
    return;
  self->defaulted = entry;
  self->offering = TRUE;
  /* The town not in the gazetteer is near the known one, not at it; and
   * what its passage says is "near Nioro du Sahel" is near it.
   */
  if ((self->unknown != NULL || (self->item != NULL && sb_cite_says_near (self->item))) &&
      sb_gazetteer_entry_get_precision (entry) == SB_PLACE_PRECISION_POINT)
    gtk_drop_down_set_selected (self->precision, SB_PLACE_PRECISION_NEAR);
  else
    gtk_drop_down_set_selected (self->precision, sb_gazetteer_entry_get_precision (entry));
  self->offering = FALSE;
  update_radius (self);
}

static void
on_precision_selected (SbPlaceChooser *self)
{
  if (!self->offering)
    self->precision_chosen = TRUE;
  update_radius (self);
}

static guint
chosen_field (SbPlaceChooser *self)
{
  return gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (self->field))) &&
         gtk_drop_down_get_selected (self->field) == 1
         ? SB_ITEM_FIELD_ORIGIN : SB_ITEM_FIELD_PLACE;
}

/**
 * sb_place_chooser_choose:
 * @position: which result
 *
 * Places the statement at the result with the precision chosen: one edit.
 *
 * Returns: whether it was placed
 */
gboolean
sb_place_chooser_choose (SbPlaceChooser *self,
                         guint           position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbItem) item = NULL;
  SbPlacePrecision precision;
  SbEdit *edit;

  g_return_val_if_fail (SB_IS_PLACE_CHOOSER (self), FALSE);

  if (self->document == NULL || self->item == NULL || self->found == NULL || position >= self->found->len)
    return FALSE;

  item = g_object_ref (self->item);
  precision = gtk_drop_down_get_selected (self->precision);
  if (self->unknown != NULL)
    /* "Gaskindé", within 40 km of Djibo: a place of that name. */
    edit = sb_cite_place_named (sb_document_get_briefing (self->document), item, chosen_field (self),
                                self->unknown, g_ptr_array_index (self->found, position), precision,
                                precision == SB_PLACE_PRECISION_NEAR ? gtk_spin_button_get_value (self->radius) : 0);
  else
    edit = sb_cite_place (sb_document_get_briefing (self->document), item, chosen_field (self),
                          g_ptr_array_index (self->found, position), precision,
                          precision == SB_PLACE_PRECISION_NEAR ? gtk_spin_button_get_value (self->radius) : 0);
  /* Closed first: the edit then changes what the popover would show. */
  gtk_popover_popdown (GTK_POPOVER (self));
  if (!sb_document_apply (self->document, edit, &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_row_activated (SbPlaceChooser *self,
                  GtkListBoxRow  *row)
{
  sb_place_chooser_choose (self, gtk_list_box_row_get_index (row));
}

static void on_click (SbPlaceChooser *self);

/* Enter: the place chosen; a name not found, shown on the map instead. */
static void
on_entry_activate (SbPlaceChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);

  if (self->unknown != NULL)
    on_click (self);
  else if (row != NULL)
    sb_place_chooser_choose (self, gtk_list_box_row_get_index (row));
  else
    gtk_widget_error_bell (GTK_WIDGET (self->entry));
}

static void
on_near_activate (SbPlaceChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);

  if (row != NULL && self->unknown != NULL)
    sb_place_chooser_choose (self, gtk_list_box_row_get_index (row));
  else
    gtk_widget_error_bell (GTK_WIDGET (self->near_entry));
}

/* Up and Down choose among the results without leaving the entry. */
static gboolean
on_entry_key (GtkEventControllerKey *key,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              SbPlaceChooser        *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up)
    return FALSE;
  next = gtk_list_box_get_row_at_index (self->results, index + (keyval == GDK_KEY_Down ? 1 : -1));
  if (next != NULL)
    gtk_list_box_select_row (self->results, next);
  return TRUE;
}

void
sb_place_chooser_search (SbPlaceChooser *self,
                         const char     *text)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  update_results (self);
}

/**
 * sb_place_chooser_search_near:
 * @text: a known town, region or country
 *
 * For a name the gazetteer lacks (sb_place_chooser_search() found
 * nothing): finds where it is by a known place's name.
 */
void
sb_place_chooser_search_near (SbPlaceChooser *self,
                              const char     *text)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->near_entry), text);
  update_near_results (self);
}

guint
sb_place_chooser_get_n_results (SbPlaceChooser *self)
{
  g_return_val_if_fail (SB_IS_PLACE_CHOOSER (self), 0);

  return self->found ? self->found->len : 0;
}

static void
begin_on_map (SbPlaceChooser  *self,
              SbMapEditorMode  mode)
{
  g_autoptr(SbItem) item = self->item ? g_object_ref (self->item) : NULL;

  gtk_popover_popdown (GTK_POPOVER (self));
  if (self->editor != NULL && item != NULL)
    sb_map_editor_begin (self->editor, mode, item);
}

/* The map clicked where the place is, for the end chosen, known to be
 * there or near it as chosen; a name the gazetteer does not know, typed,
 * is the place's name.
 */
static void
on_click (SbPlaceChooser *self)
{
  g_autoptr(SbItem) item = self->item ? g_object_ref (self->item) : NULL;
  g_autofree char *name = NULL;
  guint field = chosen_field (self);
  SbPlacePrecision precision = gtk_drop_down_get_selected (self->precision);
  double radius_km = gtk_spin_button_get_value (self->radius);

  if (self->unknown != NULL)
    name = g_strdup (self->unknown);

  gtk_popover_popdown (GTK_POPOVER (self));
  if (self->editor != NULL && item != NULL)
    sb_map_editor_begin_place (self->editor, item, field, name, precision, radius_km);
}

static void
on_draw (SbPlaceChooser *self)
{
  begin_on_map (self, sb_item_get_kind (self->item) == SB_ITEM_KIND_MOVEMENT ? SB_MAP_EDITOR_ORIGIN : SB_MAP_EDITOR_OUTLINE);
}

static void
on_corners (SbPlaceChooser *self)
{
  begin_on_map (self, SB_MAP_EDITOR_VERTICES);
}

static void
update_item (SbPlaceChooser *self)
{
  SbItemKind kind = self->item ? sb_item_get_kind (self->item) : SB_ITEM_KIND_INCIDENT;
  const SbGeometry *geometry = self->item ? sb_item_get_geometry (self->item) : NULL;
  g_autofree char *name = self->item ? sb_format_item_name (self->item) : g_strdup ("");
  g_autofree char *title = NULL;

  /* TRANSLATORS: the heading of the popover that places a statement */
  title = g_strdup_printf (_("Place “%s”"), name);
  gtk_label_set_text (self->title, title);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->field)), kind == SB_ITEM_KIND_MOVEMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->draw_button), kind == SB_ITEM_KIND_MOVEMENT || kind == SB_ITEM_KIND_AREA);
  gtk_button_set_label (self->draw_button, kind == SB_ITEM_KIND_MOVEMENT ? _("Draw from Start to End") : _("Draw Outline"));
  gtk_widget_set_visible (GTK_WIDGET (self->corners_button),
                          kind == SB_ITEM_KIND_AREA && geometry != NULL && geometry->n_polygons == 1 &&
                          geometry->polygons[0].n_rings == 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->click_button), self->editor != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->draw_button), self->editor != NULL);
}

/* The place the passage names for the end chosen: for a movement, the
 * end its words make it ("left Niamey for Téra"); else the most precisely
 * known place it names (Gao before Mali), as it is written there.
 */
static char *
name_in_passage (SbPlaceChooser *self,
                 SbCitation     *citation,
                 guint           field)
{
  SbBriefing *briefing = self->document ? sb_document_get_briefing (self->document) : NULL;
  const char *quote = sb_citation_get_quote (citation);
  const char *language = citation->source ? sb_source_get_language (citation->source) : NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) mentions = NULL;
  const SbGazetteerMention *chosen = NULL;

  if (quote == NULL || *quote == '\0')
    return NULL;

  found = sb_gazetteer_find_mentions (sb_gazetteer_get_default (), quote, briefing);
  if (found->len == 0)
    return NULL;

  mentions = g_array_sized_new (FALSE, FALSE, sizeof (SbGazetteerMention), found->len);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (mentions, *(SbGazetteerMention *) g_ptr_array_index (found, i));

  if (sb_item_get_kind (self->item) == SB_ITEM_KIND_MOVEMENT)
    {
      int origin, destination, end;

      sb_cite_suggest_route (quote, language, (SbGazetteerMention *) (gpointer) mentions->data, mentions->len, -1,
                             &origin, &destination);
      end = field == SB_ITEM_FIELD_ORIGIN ? origin : destination;
      if (end >= 0)
        chosen = &g_array_index (mentions, SbGazetteerMention, end);
      else if (field == SB_ITEM_FIELD_ORIGIN || origin >= 0)
        /* The words name no such end: nothing to start from. */
        return NULL;
    }

  if (chosen == NULL)
    {
      chosen = &g_array_index (mentions, SbGazetteerMention, 0);
      for (guint i = 1; i < mentions->len; i++)
        {
          const SbGazetteerMention *mention = &g_array_index (mentions, SbGazetteerMention, i);

          if (sb_gazetteer_entry_get_precision (mention->entry) < sb_gazetteer_entry_get_precision (chosen->entry))
            chosen = mention;
        }
    }

  return g_strndup (quote + chosen->start, chosen->end - chosen->start);
}

/* What Place starts from for the end chosen: the name of the statement's
 * own place there; while it has none, the place its passages name; else
 * nothing. Never what was typed for another statement.
 */
static char *
starting_name (SbPlaceChooser *self)
{
  guint field = chosen_field (self);
  SbPlace *place;
  GPtrArray *citations;

  if (self->item == NULL)
    return g_strdup ("");

  place = field == SB_ITEM_FIELD_ORIGIN ? sb_item_get_origin (self->item) : sb_item_get_place (self->item);
  if (place != NULL && sb_place_get_name (place) != NULL)
    {
      const char *name = sb_text_get (sb_place_get_name (place));

      if (name != NULL && *name != '\0')
        return g_strdup (name);
    }

  citations = sb_item_get_citations (self->item);
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      char *name = name_in_passage (self, g_ptr_array_index (citations, i), field);

      if (name != NULL)
        return name;
    }

  return g_strdup ("");
}

/* The name Place starts from goes in the entry, to be typed over. */
static void
start_from_statement (SbPlaceChooser *self)
{
  g_free (self->starting);
  self->starting = starting_name (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->starting);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/* The other end of a movement chosen: its own name, unless one was typed. */
static void
on_field_selected (SbPlaceChooser *self)
{
  if (self->item == NULL || !gtk_widget_get_visible (GTK_WIDGET (self)) ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->starting) != 0)
    return;

  start_from_statement (self);
  update_results (self);
}

/**
 * sb_place_chooser_prepare:
 *
 * Brings the popover up to date with its statement before it opens: what
 * its menu button does each time.
 */
void
sb_place_chooser_prepare (SbPlaceChooser *self)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  update_item (self);
  /* The briefing's own places may have changed since, and each Place
   * starts from the precision its first result fits.
   */
  self->defaulted = NULL;
  self->precision_chosen = FALSE;
  g_clear_pointer (&self->found, g_ptr_array_unref);
  gtk_editable_set_text (GTK_EDITABLE (self->near_entry), "");
  start_from_statement (self);
  update_results (self);
}

/* The search, ready to type into: a name typed before is selected, so
 * that typing replaces it, however the focus comes to it.
 */
static gboolean
focus_search (SbPlaceChooser *self)
{
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->entry)))
    return FALSE;
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  return TRUE;
}

/* Ready to type a name, whatever comes first in the popover (Which End
 * for a movement); the name typed last time is selected, so typing
 * replaces it.
 */
static void
on_map (SbPlaceChooser *self)
{
  focus_search (self);
}

/* Focus coming in from nowhere goes to the search too: GtkPopover moves
 * it to its first child when it shows without a focus child of its own,
 * which it can lack when the window's focus was already the search.
 */
static gboolean
sb_place_chooser_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  SbPlaceChooser *self = SB_PLACE_CHOOSER (widget);

  if (gtk_widget_get_focus_child (widget) == NULL && direction == GTK_DIR_TAB_FORWARD && focus_search (self))
    return TRUE;
  return GTK_WIDGET_CLASS (sb_place_chooser_parent_class)->focus (widget, direction);
}

static void
sb_place_chooser_dispose (GObject *object)
{
  SbPlaceChooser *self = SB_PLACE_CHOOSER (object);

  g_clear_object (&self->document);
  g_clear_object (&self->editor);
  g_clear_object (&self->item);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->unknown, g_free);
  g_clear_pointer (&self->starting, g_free);

  G_OBJECT_CLASS (sb_place_chooser_parent_class)->dispose (object);
}

static void
sb_place_chooser_class_init (SbPlaceChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sb_place_chooser_dispose;
  GTK_WIDGET_CLASS (klass)->focus = sb_place_chooser_focus;
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* A drop-down's button would otherwise say its class name (GTK 4.8). */
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_first_child (widget) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (widget)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)), -1);
  return box;
}

static void
sb_place_chooser_init (SbPlaceChooser *self)
{
  const char *fields[] = { N_("To"), N_("From"), NULL };
  const char *precisions[] = { N_("Exactly there"), N_("Near it"), N_("Somewhere in the region"), N_("Somewhere in the country"), NULL };
  const char *translated[5];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scroller;
  GtkEventController *key;

  gtk_widget_set_size_request (box, 340, -1);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  /* A long statement's title wraps: the popover stays as wide as the
   * rest of it, and fits beside the edge of a 1024-pixel screen.
   */
  gtk_label_set_max_width_chars (self->title, 30);
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));

  for (guint i = 0; fields[i]; i++)
    translated[i] = _(fields[i]);
  translated[2] = NULL;
  self->field = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  g_signal_connect_swapped (self->field, "notify::selected", G_CALLBACK (on_field_selected), self);
  gtk_box_append (GTK_BOX (box), labelled (_("_Which end"), GTK_WIDGET (self->field)));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Town, region or country"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Place name"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (update_results), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  /* Escape closes Place, as it closes any popover: the search entry
   * would take it for itself and do nothing.
   */
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (gtk_popover_popdown), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Places found"), -1);
  g_signal_connect_swapped (self->results, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (on_row_activated), self);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), MAX_RESULTS_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->results));
  gtk_list_box_set_adjustment (self->results, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
  gtk_box_append (GTK_BOX (box), scroller);

  self->empty = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->empty, TRUE);
  gtk_label_set_max_width_chars (self->empty, 30);
  gtk_label_set_xalign (self->empty, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->empty), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));

  self->near_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->near_entry, "placeholder-text", _("A known town, region or country"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->near_entry), TRUE);
  g_signal_connect_swapped (self->near_entry, "search-changed", G_CALLBACK (update_near_results), self);
  g_signal_connect_swapped (self->near_entry, "activate", G_CALLBACK (on_near_activate), self);
  g_signal_connect_swapped (self->near_entry, "stop-search", G_CALLBACK (gtk_popover_popdown), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->near_entry), key);
  self->near_row = labelled (_("_Near or in"), GTK_WIDGET (self->near_entry));
  gtk_widget_set_visible (self->near_row, FALSE);
  gtk_box_append (GTK_BOX (box), self->near_row);

  for (guint i = 0; precisions[i]; i++)
    translated[i] = _(precisions[i]);
  translated[4] = NULL;
  self->precision = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  g_signal_connect_swapped (self->precision, "notify::selected", G_CALLBACK (on_precision_selected), self);
  gtk_box_append (GTK_BOX (box), labelled (_("_Known to be"), GTK_WIDGET (self->precision)));

  self->radius = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 500, 5));
  gtk_spin_button_set_value (self->radius, 25);
  self->radius_row = labelled (_("_Within (km)"), GTK_WIDGET (self->radius));
  gtk_box_append (GTK_BOX (box), self->radius_row);

  self->click_button = GTK_BUTTON (gtk_button_new_with_label (_("Click on the Map Instead")));
  g_signal_connect_swapped (self->click_button, "clicked", G_CALLBACK (on_click), self);
  self->draw_button = GTK_BUTTON (gtk_button_new_with_label (_("Draw Outline")));
  g_signal_connect_swapped (self->draw_button, "clicked", G_CALLBACK (on_draw), self);
  self->corners_button = GTK_BUTTON (gtk_button_new_with_label (_("Move Corners")));
  g_signal_connect_swapped (self->corners_button, "clicked", G_CALLBACK (on_corners), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->click_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->draw_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->corners_button));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->entry));
  g_signal_connect_after (self, "map", G_CALLBACK (on_map), NULL);
  update_radius (self);
}

GtkWidget *
sb_place_chooser_new (void)
{
  return g_object_new (SB_TYPE_PLACE_CHOOSER, NULL);
}

void
sb_place_chooser_set_document (SbPlaceChooser *self,
                               SbDocument     *document)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  g_set_object (&self->document, document);
}

void
sb_place_chooser_set_editor (SbPlaceChooser *self,
                             SbMapEditor    *editor)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  g_set_object (&self->editor, editor);
}

/**
 * sb_place_chooser_set_item:
 * @item: (nullable): the statement to place
 */
void
sb_place_chooser_set_item (SbPlaceChooser *self,
                           SbItem         *item)
{
  g_return_if_fail (SB_IS_PLACE_CHOOSER (self));

  /* Shown anew by sb_place_chooser_prepare() when it next opens. */
  if (g_set_object (&self->item, item) && gtk_widget_get_visible (GTK_WIDGET (self)))
    update_item (self);
}
