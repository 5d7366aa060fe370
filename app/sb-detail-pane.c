/* sb-detail-pane.c
 *
 * The detail pane: the selection's card, and its source with the cited
 * passages.
 *
 * The source is shown as plain text, never as markup: articles contain
 * "&" and "<". Every passage the selection cites in the shown source is
 * tinted; the current one is marked strongly and scrolled into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-detail-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sb-accessible.h"
#include "sb-actor-chip.h"
#include "sb-briefing-language.h"
#include "sb-change-view.h"
#include "sb-cite.h"
#include "sb-changes.h"
#include "sb-edit-card.h"
#include "sb-detail-pane.h"
#include "sb-format.h"
#include "sb-place-chooser.h"
#include "sb-source-citer.h"
#include "sb-step.h"

struct _SbDetailPane
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *card_scroller;
  GtkPaned *split;
  GtkStack *card_stack;
  GtkToggleButton *edit_button;
  GtkMenuButton *place_button;
  SbPlaceChooser *place_chooser;
  SbChangeView *change_view;
  SbEditCard *edit_card;
  GtkLabel *kind_label;
  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkLabel *language_note;
  GtkGrid *facts;
  GtkWidget *source_box;
  GtkLabel *source_title;
  GtkLabel *source_meta;
  GtkLabel *position_label;
  GtkLinkButton *original_button;
  GtkLabel *translation_label;
  GtkWidget *no_text_label;
  GtkWidget *text_scroller;
  GtkTextView *source_view;
  GtkTextBuffer *buffer;
  GtkTextTag *cited_tag;
  GtkTextTag *current_tag;
  GtkTextMark *current_mark;
  SbSourceCiter *citer;

  SbSelection *selection;
  SbDocument *document;    /* nullable: what the card's edits go to */
  SbComparison *comparison; /* nullable: before and after are shown */
  char *compared_with;
  GPtrArray *citations;    /* every passage behind the selection */
  SbSource *shown_source;
  SbEntity *card_entity;   /* whose card is shown, to start another's at its top */
  SbSource *text_source;   /* whose text the buffer holds, even when it is to be shown anew */
  GtkTextMark *top_mark;   /* where the reader had scrolled to, kept over a new text */
  SbEntity *scrolled_entity; /* unowned, compared only: whose passage was scrolled to */
  SbCitation *scrolled_citation; /* the passage scrolled to: not again at each edit */
  guint n_facts;
  gboolean focus_when_shown; /* the card's first field, once the pane has slid in */
  gboolean split_editing;  /* whether the split is placed for editing */
  gboolean placing_split;  /* the split moved here, not by the reader */
  int card_height;         /* the card's height, as the reader left the handle; -1 for the default */
  int edit_card_height;    /* the same while editing: the card wants more room then; -1 for the default */
  GSettings *settings;     /* nullable: where that height is kept */
  guint save_split_id;
  guint split_tick_id;
  guint settle_id;         /* scrolling the passage into view until it is */
  guint settle_frames;
  guint settled;           /* frames the passage has been in view */
  gint64 settle_since;     /* frame time of the first look */
};

G_DEFINE_FINAL_TYPE (SbDetailPane, sb_detail_pane, GTK_TYPE_WIDGET)

enum {
  CITATION_COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FACT_ENTITY_KEY "sb-entity"

static void update (SbDetailPane *self);

static void
on_fact_button_clicked (GtkButton    *button,
                        SbDetailPane *self)
{
  sb_selection_select (self->selection, g_object_get_data (G_OBJECT (button), FACT_ENTITY_KEY));
}

static void
clear_facts (SbDetailPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts))) != NULL)
    gtk_grid_remove (self->facts, child);
  self->n_facts = 0;
}

static GtkWidget *
add_fact_row (SbDetailPane *self,
              const char   *key)
{
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *values = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_widget_set_hexpand (values, TRUE);

  gtk_grid_attach (self->facts, key_label, 0, self->n_facts, 1, 1);
  gtk_grid_attach (self->facts, values, 1, self->n_facts, 1, 1);
  self->n_facts++;

  return values;
}

static void
add_fact (SbDetailPane *self,
          const char   *key,
          const char   *value,
          const char   *note)
{
  GtkWidget *values;
  GtkWidget *label;

  if (value == NULL)
    return;

  values = add_fact_row (self, key);
  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (values), label);

  if (note != NULL)
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_widget_add_css_class (note_label, "caption");
      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_box_append (GTK_BOX (values), note_label);
    }
}

static GtkWidget *
create_link (SbDetailPane *self,
             SbEntity     *entity)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (sb_entity_get_label (entity));

  if (SB_IS_ACTOR (entity))
    gtk_box_append (GTK_BOX (box), sb_actor_chip_new (SB_ACTOR (entity)));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "entity-link");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Show on the Map"));
  /* GTK 4.8 names no button from a box of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sb_entity_get_label (entity),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Show on the Map"),
                                  -1);
  g_object_set_data (G_OBJECT (button), FACT_ENTITY_KEY, entity);
  g_signal_connect (button, "clicked", G_CALLBACK (on_fact_button_clicked), self);

  return button;
}

static void
add_link_fact (SbDetailPane *self,
               const char   *key,
               SbEntity     *entity,
               const char   *note)
{
  GtkWidget *values = add_fact_row (self, key);

  gtk_box_append (GTK_BOX (values), create_link (self, entity));
  if (note != NULL)
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_widget_add_css_class (note_label, "caption");
      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_box_append (GTK_BOX (values), note_label);
    }
}

/* What the file a statement or place was imported from says of it, key
 * and value as the file has them: nothing in the file is lost.
 */
static void
add_properties (SbDetailPane       *self,
                const char * const *properties)
{
  GtkWidget *heading;

  if (properties == NULL || properties[0] == NULL)
    return;

  heading = gtk_label_new (_("In the Imported File"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_grid_attach (self->facts, heading, 0, self->n_facts++, 2, 1);

  for (guint i = 0; properties[i] != NULL && properties[i + 1] != NULL; i += 2)
    add_fact (self, properties[i], *properties[i + 1] != '\0' ? properties[i + 1] : "—", NULL);
}

/* For places drawn for reference: which of the file's properties names
 * them all, the file imported again (win.name-reference-places).
 */
static void
add_name_choice (SbDetailPane       *self,
                 const char * const *properties)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button;

  for (guint i = 0; properties != NULL && properties[i] != NULL && properties[i + 1] != NULL; i += 2)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (*properties[i + 1] == '\0')
        continue;

      item = g_menu_item_new (properties[i], NULL);
      g_menu_item_set_action_and_target_value (item, "win.name-reference-places",
                                               g_variant_new_string (properties[i]));
      g_menu_append_item (menu, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (menu)) == 0)
    return;

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Name Places By"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  sb_accessible_name_menu (GTK_MENU_BUTTON (button), _("Name Places By"));
  gtk_widget_set_tooltip_text (button, _("Name every place and area for reference by another property of the file"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_grid_attach (self->facts, button, 0, self->n_facts++, 2, 1);
}

static void
add_figures (SbDetailPane *self,
             GPtrArray    *figures)
{
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      SbFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = sb_format_figure (figure);
      g_autofree char *evidence = sb_format_evidence (&figure->evidence);
      g_autofree char *note = figure->label ? g_strdup_printf ("%s · %s", sb_text_get (figure->label), evidence)
                                            : g_steal_pointer (&evidence);

      add_fact (self, sb_format_figure_measure (figure->measure), value, note);
    }
}

/* Says so when the text shown is not in the language asked for. */
static void
show_language_note (SbDetailPane *self,
                    SbText       *text)
{
  const char *shown = NULL;
  const char *wanted = NULL;
  g_autofree char *note = NULL;

  if (!sb_briefing_language_is_fallback (text, &shown, &wanted))
    return;

  /* TRANSLATORS: under a text of the briefing: "Not available in French;
   * shown in English." The names are those of "English", "French", …
   */
  note = g_strdup_printf (_("Not available in %s; shown in %s."),
                          sb_format_language (wanted), sb_format_language (shown));
  gtk_label_set_text (self->language_note, note);
  gtk_widget_set_visible (GTK_WIDGET (self->language_note), TRUE);
}

static void
add_certainty (SbDetailPane     *self,
               const SbEvidence *evidence)
{
  g_autofree char *certainty = sb_format_evidence (evidence);

  add_fact (self, _("How certain"), certainty, sb_format_certainty_help (evidence->certainty));
}

static void
show_item (SbDetailPane *self,
           SbItem       *item)
{
  SbItemKind kind = sb_item_get_kind (item);
  g_autofree char *date = sb_format_date (sb_item_get_date (item));
  g_autofree char *date_precision = sb_format_date_precision (sb_item_get_date (item));
  g_autofree char *kind_text = NULL;
  g_autofree char *name = NULL;
  const char *description = sb_text_get (sb_item_get_description (item));
  const char *what = NULL;

  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      /* As it stood in the time range shown. */
      what = sb_format_deployment_status (sb_filter_get_deployment_status (sb_selection_get_filter (self->selection), item));
      break;
    case SB_ITEM_KIND_MOVEMENT:
      what = sb_format_movement_status (sb_item_get_movement_status (item));
      break;
    case SB_ITEM_KIND_INCIDENT:
      what = sb_format_incident_type (sb_item_get_incident_type (item));
      break;
    case SB_ITEM_KIND_AREA:
    default:
      what = sb_format_area_kind (sb_item_get_area_kind (item));
      break;
    }

  kind_text = g_strdup_printf ("%s · %s", sb_format_item_kind (kind), what);
  gtk_label_set_text (self->kind_label, kind_text);
  name = sb_format_item_name (item);
  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->description_label, description);

  /* The description repeats a title-less statement's label: once is enough. */
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), g_strcmp0 (description, name) != 0);
  show_language_note (self, sb_item_get_description (item));

  for (guint i = 0; i < sb_item_get_n_actors (item); i++)
    add_link_fact (self, i == 0 ? _("Who") : "", SB_ENTITY (sb_item_get_actor (item, i)), NULL);
  /* The side attacked, apart from those who attacked. */
  /* TRANSLATORS: an incident's actor on the receiving end: attacked, arrested, ousted */
  for (guint i = 0; sb_item_get_targets (item) != NULL && i < sb_item_get_targets (item)->len; i++)
    add_link_fact (self, i == 0 ? _("Target") : "", g_ptr_array_index (sb_item_get_targets (item), i), NULL);

  add_fact (self, _("When"), date, date_precision);

  if (sb_item_get_origin (item) != NULL)
    {
      g_autofree char *precision = sb_format_place_precision (sb_item_get_origin (item));

      add_link_fact (self, _("From"), SB_ENTITY (sb_item_get_origin (item)), precision);
    }

  if (sb_item_get_place (item) != NULL)
    {
      g_autofree char *precision = sb_format_place_precision (sb_item_get_place (item));

      add_link_fact (self, kind == SB_ITEM_KIND_MOVEMENT ? _("To") : _("Where"),
                     SB_ENTITY (sb_item_get_place (item)), precision);
    }

  if (kind == SB_ITEM_KIND_MOVEMENT)
    add_fact (self, _("How"), sb_format_means (sb_item_get_means (item)), NULL);

  if (kind == SB_ITEM_KIND_AREA)
    add_fact (self, _("Outline"), sb_format_boundary (sb_item_get_boundary (item)), NULL);

  {
    g_autofree char *strength = sb_format_quantity (sb_item_get_strength (item));
    g_autofree char *fatalities = sb_format_quantity (sb_item_get_fatalities (item));

    add_fact (self, _("Strength"), strength, NULL);
    add_fact (self, _("Fatalities"), fatalities, NULL);
  }

  if (sb_item_get_role (item) != NULL)
    add_fact (self, _("Role"), sb_text_get (sb_item_get_role (item)), NULL);

  add_figures (self, sb_item_get_figures (item));
  add_certainty (self, sb_item_get_evidence (item));
  {
    g_autofree char *sources = sb_format_corroboration (sb_item_count_independent_sources (item));

    add_fact (self, _("Sources"), sources, _("Independent sources that support it; sources of the same publisher count once"));
  }
  add_properties (self, sb_item_get_properties (item));

  g_ptr_array_extend (self->citations, sb_item_get_citations (item), NULL, NULL);
  for (guint i = 0; sb_item_get_figures (item) != NULL && i < sb_item_get_figures (item)->len; i++)
    g_ptr_array_extend (self->citations, ((SbFigure *) g_ptr_array_index (sb_item_get_figures (item), i))->evidence.citations, NULL, NULL);
}

static void
show_actor (SbDetailPane *self,
            SbActor      *actor)
{
  GPtrArray *figures = sb_actor_get_figures (actor);
  g_autoptr(GArray) ends = sb_relations_of_actor (sb_selection_get_briefing (self->selection), actor);

  gtk_label_set_text (self->kind_label, sb_format_actor_kind (sb_actor_get_kind (actor)));
  gtk_label_set_text (self->title_label, sb_entity_get_label (SB_ENTITY (actor)));
  gtk_label_set_text (self->description_label, sb_text_get (sb_actor_get_summary (actor)));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), sb_actor_get_summary (actor) != NULL);
  show_language_note (self, sb_actor_get_summary (actor));

  if (sb_actor_get_affiliation (actor) != NULL)
    add_fact (self, _("Affiliation"), sb_text_get (sb_actor_get_affiliation (actor)), NULL);
  add_figures (self, figures);

  for (guint i = 0; i < ends->len; i++)
    {
      const SbRelationEnd *end = &g_array_index (ends, SbRelationEnd, i);
      g_autofree char *evidence = sb_format_evidence (&end->relation->evidence);

      add_link_fact (self, sb_format_relation_end (end), SB_ENTITY (end->other), evidence);
    }

  g_ptr_array_extend (self->citations, sb_actor_get_citations (actor), NULL, NULL);
  for (guint i = 0; i < figures->len; i++)
    g_ptr_array_extend (self->citations, ((SbFigure *) g_ptr_array_index (figures, i))->evidence.citations, NULL, NULL);
  for (guint i = 0; i < ends->len; i++)
    g_ptr_array_extend (self->citations, g_array_index (ends, SbRelationEnd, i).relation->evidence.citations, NULL, NULL);
}

static void
show_place (SbDetailPane *self,
            SbPlace      *place)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GListModel *items = sb_briefing_get_all_items (briefing);
  g_autofree char *precision = sb_format_place_precision (place);
  /* TRANSLATORS: latitude and longitude, "16.2719, -0.0447"; where the
   * decimal separator is a comma, separate the two with a semicolon
   */
  g_autofree char *coordinates = g_strdup_printf (_("%.4f, %.4f"), sb_place_get_latitude (place), sb_place_get_longitude (place));
  gboolean first = TRUE;

  /* A town or country of the base map, looked for: what is there. */
  gboolean own = sb_briefing_lookup (briefing, sb_entity_get_id (SB_ENTITY (place))) == SB_ENTITY (place);

  gtk_label_set_text (self->kind_label, !own ? _("Place on the Base Map")
                                       : !sb_place_is_reference (place) ? _("Place")
                                       : sb_place_get_geometry (place) ? _("Area for reference")
                                       : _("Place for reference"));
  gtk_label_set_text (self->title_label, sb_entity_get_label (SB_ENTITY (place)));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), FALSE);

  if (sb_place_get_geometry (place) != NULL)
    add_fact (self, _("Outline"), _("As drawn in the imported file"), NULL);
  else if (own)
    add_fact (self, _("Precision"), precision, NULL);
  add_fact (self, _("Coordinates"), coordinates, _("Latitude, longitude (WGS 84)"));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      SbPlace *to = sb_item_get_place (item), *from = sb_item_get_origin (item);
      gboolean here = own ? (to == place || from == place)
                          : ((to && sb_place_covers (place, to)) || (from && sb_place_covers (place, from)));

      if (!here || !sb_selection_item_is_visible (self->selection, item))
        continue;

      add_link_fact (self, first ? _("Here") : "", SB_ENTITY (item), NULL);
      g_ptr_array_extend (self->citations, sb_item_get_citations (item), NULL, NULL);
      first = FALSE;
    }

  if (first && !own)
    add_fact (self, _("Here"), _("Nothing the briefing shows happened here"), NULL);

  /* The region a village is known to is said under Precision, not as
   * a file's property.
   */
  if (sb_place_get_region (place) == NULL || sb_place_get_properties (place)[2] != NULL)
    add_properties (self, sb_place_get_properties (place));
  if (sb_place_is_reference (place))
    add_name_choice (self, sb_place_get_properties (place));
}

static void
show_source (SbDetailPane *self,
             SbSource     *source)
{
  gtk_label_set_text (self->kind_label, _("Source"));
  gtk_label_set_text (self->title_label, sb_entity_get_label (SB_ENTITY (source)));
  gtk_label_set_text (self->description_label, sb_text_get (sb_source_get_note (source)));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), sb_source_get_note (source) != NULL);
}

static gboolean
buffer_holds (SbDetailPane *self,
              const char   *text)
{
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  shown = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  return g_strcmp0 (shown, text ? text : "") == 0;
}

/* The first line shown, as a character offset: the buffer's marks do not
 * outlive its text being set anew.
 */
static int
top_offset (SbDetailPane *self)
{
  GdkRectangle visible;
  GtkTextIter top;

  gtk_text_view_get_visible_rect (self->source_view, &visible);
  gtk_text_view_get_iter_at_location (self->source_view, &top, visible.x, visible.y);
  return gtk_text_iter_get_offset (&top);
}

/* Scrolled once the text is laid out again, to that line. */
static void
scroll_to_offset (SbDetailPane *self,
                  int           offset)
{
  GtkTextIter top;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &top, offset);
  if (self->top_mark == NULL)
    self->top_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &top, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, self->top_mark, &top);
  gtk_text_view_scroll_to_mark (self->source_view, self->top_mark, 0.0, TRUE, 0.0, 0.0);
}

static void
show_source_text (SbDetailPane *self,
                  SbSource     *source)
{
  g_autofree char *meta = NULL;
  g_autofree char *date = NULL;
  g_autofree char *host = NULL;
  const char *publisher, *url;
  GtkTextIter from, to;
  int selected_from = -1, selected_to = -1;

  if (self->shown_source == source)
    return;

  /* Shown anew after an edit, the same text keeps what the reader had
   * selected to cite.
   */
  if (self->text_source == source && gtk_text_buffer_get_selection_bounds (self->buffer, &from, &to))
    {
      selected_from = gtk_text_iter_get_offset (&from);
      selected_to = gtk_text_iter_get_offset (&to);
    }
  /* An edit elsewhere shows the same text again: it stays as it is,
   * where the reader had scrolled to; a text edited keeps its place too.
   */
  if (self->text_source != source || !buffer_holds (self, sb_source_get_text (source)))
    {
      int top = self->text_source == source ? top_offset (self) : -1;

      gtk_text_buffer_set_text (self->buffer, sb_source_get_text (source) ? sb_source_get_text (source) : "", -1);
      if (top > 0)
        scroll_to_offset (self, top);
    }
  self->shown_source = self->text_source = source;
  if (selected_from >= 0 && selected_to <= gtk_text_buffer_get_char_count (self->buffer))
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, selected_from);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, selected_to);
      gtk_text_buffer_select_range (self->buffer, &from, &to);
    }
  if (self->citer != NULL)
    sb_source_citer_set_source (self->citer, source);
  gtk_widget_set_visible (self->no_text_label, sb_source_get_text (source) == NULL);
  gtk_widget_set_visible (self->text_scroller, sb_source_get_text (source) != NULL);

  gtk_label_set_text (self->source_title, sb_entity_get_label (SB_ENTITY (source)));
  date = sb_format_source_date (source);
  publisher = sb_format_publisher (source);
  url = sb_source_get_url (source);
  /* TRANSLATORS: a source's publisher, date and language */
  meta = publisher ? g_strdup_printf (_("%s · %s · %s"), publisher, date, sb_format_language (sb_source_get_language (source)))
                   /* TRANSLATORS: a source's date and language */
                   : g_strdup_printf (_("%s · %s"), date, sb_format_language (sb_source_get_language (source)));

  /* Where the original is, in short: the whole address is the link's. */
  if (url != NULL && g_uri_split (url, G_URI_FLAGS_NONE, NULL, NULL, &host, NULL, NULL, NULL, NULL, NULL) && host != NULL)
    {
      char *with_host = g_strdup_printf ("%s · %s", meta, host);

      g_free (meta);
      meta = with_host;
    }
  gtk_label_set_text (self->source_meta, meta);

  gtk_widget_set_visible (GTK_WIDGET (self->original_button), url != NULL);
  if (url != NULL)
    gtk_link_button_set_uri (self->original_button, url);
}

static gboolean
passage_in_view (SbDetailPane *self)
{
  GdkRectangle visible, at;
  GtkTextIter start;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->current_mark);
  gtk_text_view_get_iter_location (self->source_view, &start, &at);
  gtk_text_view_get_visible_rect (self->source_view, &visible);
  return at.y >= visible.y && at.y + at.height <= visible.y + visible.height;
}

/* GtkTextView scrolls by the heights of lines it has not laid out yet,
 * estimated, and the pane may be laid out anew (the card's height set)
 * after it scrolled: the passage could end up just out of view. Until it
 * has been in view for a few frames (a second at most), it is scrolled
 * to again.
 */
static gboolean
settle_passage (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SbDetailPane *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->settle_since == 0)
    self->settle_since = now;
  self->settle_frames++;
  self->settled = passage_in_view (self) ? self->settled + 1 : 0;
  /* Never longer than a second, however slowly frames come: past that,
   * where the text is, is the reader's.
   */
  if (self->settled >= 3 || self->settle_frames > 30 || now - self->settle_since > G_USEC_PER_SEC)
    {
      self->settle_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->settled > 0)
    return G_SOURCE_CONTINUE;
  /* Aligned vertically only: an x alignment would scroll the wrapped
   * text sideways to the passage's first character.
   */
  gtk_text_view_scroll_to_mark (self->source_view, self->current_mark, 0.2, FALSE, 0.0, 0.0);
  return G_SOURCE_CONTINUE;
}

/* The reader scrolls: the passage is where the reader wants it. */
static gboolean
on_source_scrolled (SbDetailPane *self)
{
  if (self->settle_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->source_view), self->settle_id);
  self->settle_id = 0;
  return FALSE;
}

static void
scroll_to_passage (SbDetailPane *self)
{
  gtk_text_view_scroll_to_mark (self->source_view, self->current_mark, 0.2, FALSE, 0.0, 0.0);
  self->settle_frames = self->settled = 0;
  self->settle_since = 0;
  if (self->settle_id == 0)
    self->settle_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->source_view), settle_passage, self, NULL);
}

static void
tag_citation (SbDetailPane *self,
              SbCitation   *citation,
              GtkTextTag   *tag)
{
  const char *text = sb_source_get_text (citation->source);
  const char *quote = sb_citation_get_quote (citation);
  GtkTextIter start, end;
  int start_char, length;
  gssize at;

  /* Where it was cut or found, or where an edit of the text moved it;
   * undone to a text without it, nowhere.
   */
  at = sb_cite_locate (citation, text);
  if (at < 0)
    return;

  /* The model counts bytes; the buffer counts characters. */
  start_char = g_utf8_pointer_to_offset (text, text + at);
  length = g_utf8_strlen (quote, -1);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, start_char);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, start_char + length);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);

  /* Once for each passage chosen: an edit of the card that shows it
   * leaves the text where the reader has scrolled it since.
   */
  if (tag == self->current_tag && (citation != self->scrolled_citation ||
                                   sb_selection_get_selected (self->selection) != self->scrolled_entity))
    {
      g_clear_pointer (&self->scrolled_citation, sb_citation_unref);
      self->scrolled_citation = sb_citation_ref (citation);
      self->scrolled_entity = sb_selection_get_selected (self->selection);
      gtk_text_buffer_move_mark (self->buffer, self->current_mark, &start);
      scroll_to_passage (self);
    }
}

/* The passage in the reader's language, when the briefing has it: marked
 * as a translation; the original stays what is highlighted in the text.
 */
static void
show_translation (SbDetailPane *self,
                  SbCitation   *citation)
{
  const char *translation = sb_citation_get_translation (citation, sb_text_get_preferred_languages (), NULL);
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->translation_label), translation != NULL);
  if (translation == NULL)
    return;

  from = sb_format_translated_from (sb_source_get_language (citation->source));
  /* TRANSLATORS: a translation of the highlighted passage, and "(translated from Dutch)" */
  text = g_strdup_printf (_("“%s” %s"), translation, from);
  gtk_label_set_text (self->translation_label, text);
}

static int
citation_position (SbDetailPane *self,
                   SbCitation   *citation)
{
  for (guint i = 0; i < self->citations->len; i++)
    if (g_ptr_array_index (self->citations, i) == citation)
      return i;

  return -1;
}

static void
untag_passages (SbDetailPane *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->cited_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
}

/* The source last read, while the briefing still has it, else its first. */
static SbSource *
source_to_cite_from (SbDetailPane *self)
{
  GListModel *sources = sb_briefing_get_sources (sb_selection_get_briefing (self->selection));
  g_autoptr(SbSource) first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);

      if (source == self->text_source)
        return source;
      if (first == NULL)
        first = g_object_ref (source);
    }

  return first;
}

static void
update_passages (SbDetailPane *self)
{
  SbCitation *current = sb_selection_get_citation (self->selection);
  int position;

  if (current == NULL && self->citations->len > 0)
    current = g_ptr_array_index (self->citations, 0);

  /* A source chosen is shown whole, to read and cite from. */
  if (current == NULL && SB_IS_SOURCE (sb_selection_get_selected (self->selection)))
    {
      SbSource *source = SB_SOURCE (sb_selection_get_selected (self->selection));

      gtk_widget_set_visible (self->source_box, TRUE);
      show_source_text (self, source);
      /* Not the passage of the statement chosen before it. */
      untag_passages (self);
      gtk_label_set_text (self->position_label, "");
      return;
    }

  /* Something that cites nothing yet, being made: a source to cite from. */
  if (current == NULL && self->document != NULL && sb_cite_can_cite (sb_selection_get_selected (self->selection)))
    {
      SbSource *source = source_to_cite_from (self);

      gtk_widget_set_visible (self->source_box, source != NULL);
      if (source != NULL)
        {
          show_source_text (self, source);
          untag_passages (self);
          gtk_label_set_text (self->position_label, "");
        }
      return;
    }

  gtk_widget_set_visible (self->source_box, current != NULL);
  if (current == NULL)
    return;

  show_source_text (self, current->source);
  show_translation (self, current);

  untag_passages (self);
  for (guint i = 0; i < self->citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (self->citations, i);

      if (citation->source == current->source)
        tag_citation (self, citation, self->cited_tag);
    }
  tag_citation (self, current, self->current_tag);

  position = citation_position (self, current);
  if (position >= 0 && self->citations->len > 1)
    {
      /* TRANSLATORS: "Passage 1 of 3" */
      g_autofree char *text = g_strdup_printf (_("Passage %d of %u"), position + 1, self->citations->len);

      gtk_label_set_text (self->position_label, text);
    }
  else
    gtk_label_set_text (self->position_label, "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.previous-passage", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.next-passage",
                                 position >= 0 && (guint) position + 1 < self->citations->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-citation", TRUE);
}

/* The card gets the height the reader last gave it (at first two
 * fifths: the source text keeps lines enough to read a passage in and
 * select the next); read, no more than it needs. Edited, the card has a
 * height of its own, three fifths at first: its fields are what is
 * worked on, and the passage still shows below. The passage shown is
 * scrolled into the room it is given.
 */
static void
place_split (SbDetailPane *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->split));
  int position;

  if (self->split_editing)
    position = self->edit_card_height >= 0 ? self->edit_card_height : height > 0 ? height * 3 / 5 : 420;
  else
    position = self->card_height >= 0 ? self->card_height : height > 0 ? height * 2 / 5 : 280;

  if (!self->split_editing)
    {
      int minimum_width, natural;

      /* For a width it can have: not yet allocated, the pane is 0 wide
       * (GTK 4.18 warns at a width below the card's minimum).
       */
      gtk_widget_measure (GTK_WIDGET (self->card_scroller), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->card_scroller), GTK_ORIENTATION_VERTICAL,
                          MAX (gtk_widget_get_width (GTK_WIDGET (self->split)), minimum_width),
                          NULL, &natural, NULL, NULL);
      position = MIN (position, natural);
    }
  if (height > 0)
    position = MIN (position, height);
  if (position == gtk_paned_get_position (self->split))
    return;
  self->placing_split = TRUE;
  gtk_paned_set_position (self->split, position);
  self->placing_split = FALSE;
  if (self->scrolled_citation != NULL)
    scroll_to_passage (self);
}

static gboolean
place_split_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  SbDetailPane *self = user_data;

  self->split_tick_id = 0;
  place_split (self);
  return G_SOURCE_REMOVE;
}

/* In the next frame, not while the split is being allocated: after a
 * card is shown, or when the pane changes size.
 */
static void
queue_place_split (SbDetailPane *self)
{
  if (self->split_tick_id == 0)
    self->split_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->split), place_split_tick, self, NULL);
}

static gboolean
save_split (gpointer user_data)
{
  SbDetailPane *self = user_data;

  self->save_split_id = 0;
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "source-split", self->card_height);
  return G_SOURCE_REMOVE;
}

/* Moved by the reader: kept, and for the next start. */
static void
on_split_moved (SbDetailPane *self)
{
  gboolean set = FALSE;

  g_object_get (self->split, "position-set", &set, NULL);
  if (self->placing_split || !set)
    return;
  if (self->split_editing)
    {
      self->edit_card_height = gtk_paned_get_position (self->split);
      return;
    }
  if (gtk_paned_get_position (self->split) == self->card_height)
    return;
  self->card_height = gtk_paned_get_position (self->split);
  g_clear_handle_id (&self->save_split_id, g_source_remove);
  self->save_split_id = g_timeout_add_seconds (1, save_split, self);
}

static void
on_split_room (SbDetailPane *self)
{
  queue_place_split (self);
}

/* The card is read, or edited: the split between it and the source text
 * is placed for either (see place_split()).
 */
static void
update_editing (SbDetailPane *self)
{
  SbEntity *selected = self->selection ? sb_selection_get_selected (self->selection) : NULL;
  /* Not what was removed, shown from the version compared with. */
  gboolean can_edit = self->document != NULL && sb_edit_card_can_edit (selected) && !SB_IS_STEP (selected) &&
                      sb_briefing_lookup (sb_document_get_briefing (self->document),
                                          sb_entity_get_id (selected)) == selected;
  gboolean editing = can_edit && gtk_toggle_button_get_active (self->edit_button);

  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->place_button), can_edit && SB_IS_ITEM (selected));
  sb_place_chooser_set_item (self->place_chooser, can_edit && SB_IS_ITEM (selected) ? SB_ITEM (selected) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.edit", can_edit);
  sb_edit_card_set_entity (self->edit_card, editing ? selected : NULL);
  gtk_stack_set_visible_child_name (self->card_stack, editing ? "edit" : "read");
  gtk_scrolled_window_set_max_content_height (self->card_scroller, editing ? -1 : 420);
  gtk_scrolled_window_set_propagate_natural_height (self->card_scroller, !editing);
  if (editing != self->split_editing || !editing)
    {
      self->split_editing = editing;
      queue_place_split (self);
    }
}

/* The card's first field takes the focus. In a pane still sliding in its
 * rows are not shown yet and cannot take it: they take it as they show
 * (a person who adds an actor types its name at once).
 */
static void
focus_card (SbDetailPane *self)
{
  self->focus_when_shown = !gtk_widget_get_mapped (GTK_WIDGET (self->edit_card));
  if (!self->focus_when_shown)
    gtk_widget_child_focus (GTK_WIDGET (self->edit_card), GTK_DIR_TAB_FORWARD);
}

static void
on_edit_card_map (SbDetailPane *self)
{
  if (!self->focus_when_shown)
    return;
  self->focus_when_shown = FALSE;
  if (gtk_toggle_button_get_active (self->edit_button))
    gtk_widget_child_focus (GTK_WIDGET (self->edit_card), GTK_DIR_TAB_FORWARD);
}

static void
on_edit_toggled (SbDetailPane *self)
{
  update_editing (self);

  /* From the keyboard, straight on to the first field. */
  if (gtk_toggle_button_get_active (self->edit_button))
    focus_card (self);
  else
    self->focus_when_shown = FALSE;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbDetailPane *self = SB_DETAIL_PANE (widget);

  gtk_toggle_button_set_active (self->edit_button, !gtk_toggle_button_get_active (self->edit_button));
}

/**
 * sb_detail_pane_set_document:
 * @document: (nullable): the window's document, which the card edits
 */
void
sb_detail_pane_set_document (SbDetailPane *self,
                             SbDocument   *document)
{
  g_return_if_fail (SB_IS_DETAIL_PANE (self));

  g_set_object (&self->document, document);
  sb_edit_card_set_document (self->edit_card, document);
  sb_place_chooser_set_document (self->place_chooser, document);
  if (self->citer != NULL)
    sb_source_citer_set_document (self->citer, document);
  update_editing (self);
}

/**
 * sb_detail_pane_set_comparison:
 * @comparison: (nullable): the comparison whose before and after the
 *   card shows for the entity selected
 * @compared_with: (nullable): the version compared with, in words
 */
void
sb_detail_pane_set_comparison (SbDetailPane *self,
                               SbComparison *comparison,
                               const char   *compared_with)
{
  g_return_if_fail (SB_IS_DETAIL_PANE (self));

  g_set_object (&self->comparison, comparison);
  g_free (self->compared_with);
  self->compared_with = g_strdup (compared_with);
  update (self);
}

/**
 * sb_detail_pane_set_editing:
 *
 * Shows the card as rows to edit, or as text to read.
 */
void
sb_detail_pane_set_editing (SbDetailPane *self,
                            gboolean      editing)
{
  g_return_if_fail (SB_IS_DETAIL_PANE (self));

  gtk_toggle_button_set_active (self->edit_button, editing);
}

static void
update (SbDetailPane *self)
{
  SbEntity *selected = self->selection ? sb_selection_get_selected (self->selection) : NULL;
  SbCitation *current = self->selection ? sb_selection_get_citation (self->selection) : NULL;

  /* Another's card starts at its top, not where the last one was read to. */
  if (selected != self->card_entity)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->card_scroller), 0);
      g_set_object (&self->card_entity, selected);
      /* A source chosen is there to read and cite from: its text gets
       * the room, not a card left open for editing by the last choice.
       */
      if (SB_IS_SOURCE (selected))
        gtk_toggle_button_set_active (self->edit_button, FALSE);
    }

  clear_facts (self);
  gtk_widget_set_visible (GTK_WIDGET (self->language_note), FALSE);
  g_ptr_array_set_size (self->citations, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-citation", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.previous-passage", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.next-passage", FALSE);

  /* A step is edited in the Steps panel, its card there: shown here too,
   * it was the same card twice (and under the heading of what was shown
   * before).
   */
  if (selected == NULL || SB_IS_STEP (selected))
    {
      /* No statement's passage stays marked for when the text shows again. */
      untag_passages (self);
      sb_change_view_set_change (self->change_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_editing (self);
      return;
    }

  sb_change_view_set_change (self->change_view,
                             self->comparison ? sb_comparison_lookup (self->comparison, sb_entity_get_id (selected)) : NULL,
                             self->compared_with);

  if (SB_IS_ITEM (selected))
    show_item (self, SB_ITEM (selected));
  else if (SB_IS_ACTOR (selected))
    show_actor (self, SB_ACTOR (selected));
  else if (SB_IS_PLACE (selected))
    show_place (self, SB_PLACE (selected));
  else if (SB_IS_SOURCE (selected))
    show_source (self, SB_SOURCE (selected));

  /* A passage found by search belongs to no statement: it is the list. */
  if (current != NULL && citation_position (self, current) < 0)
    g_ptr_array_add (self->citations, current);

  /* A source chosen is named by the card above its text: not twice. */
  gtk_widget_set_visible (GTK_WIDGET (self->source_title), !SB_IS_SOURCE (selected));
  gtk_widget_set_visible (GTK_WIDGET (self->facts), self->n_facts > 0);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  update_editing (self);
  update_passages (self);
}

static void
step_passage (SbDetailPane *self,
              int           delta)
{
  SbCitation *current = sb_selection_get_citation (self->selection);
  int position = current ? citation_position (self, current) : -1;

  if (position < 0 || position + delta < 0 || (guint) (position + delta) >= self->citations->len)
    return;

  sb_selection_select_citation (self->selection, sb_selection_get_selected (self->selection),
                                g_ptr_array_index (self->citations, position + delta));
}

static void
previous_passage_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step_passage (SB_DETAIL_PANE (widget), -1);
}

static void
next_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_passage (SB_DETAIL_PANE (widget), 1);
}

/**
 * sb_detail_pane_copy_citation:
 *
 * Puts the current passage, with its source and date, on the clipboard.
 *
 * Returns: %TRUE if there was a passage to copy
 */
gboolean
sb_detail_pane_copy_citation (SbDetailPane *self)
{
  SbCitation *citation;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SB_IS_DETAIL_PANE (self), FALSE);

  citation = self->selection ? sb_selection_get_citation (self->selection) : NULL;
  if (citation == NULL && self->citations->len > 0)
    citation = g_ptr_array_index (self->citations, 0);
  if (citation == NULL)
    return FALSE;

  text = sb_format_citation (citation);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  return TRUE;
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbDetailPane *self = SB_DETAIL_PANE (widget);

  if (sb_detail_pane_copy_citation (self))
    g_signal_emit (self, signals[CITATION_COPIED], 0);
}

GtkTextView *
sb_detail_pane_get_source_view (SbDetailPane *self)
{
  g_return_val_if_fail (SB_IS_DETAIL_PANE (self), NULL);

  return self->source_view;
}

/**
 * sb_detail_pane_focus_source:
 *
 * Gives the keyboard to the source's text, its caret where the reader
 * is: at the passage shown (which is scrolled to), else on the first line
 * in view, never out of sight at the text's start.
 */
void
sb_detail_pane_focus_source (SbDetailPane *self)
{
  GdkRectangle visible, caret;
  GtkTextIter iter;

  g_return_if_fail (SB_IS_DETAIL_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
  if (gtk_text_buffer_get_has_selection (self->buffer))
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->current_mark);
  if (gtk_text_iter_has_tag (&iter, self->current_tag))
    {
      gtk_text_buffer_place_cursor (self->buffer, &iter);
      scroll_to_passage (self);
      return;
    }
  gtk_text_view_get_visible_rect (self->source_view, &visible);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_view_get_iter_location (self->source_view, &iter, &caret);
  if (gdk_rectangle_intersect (&visible, &caret, NULL))
    return;
  gtk_text_view_get_iter_at_location (self->source_view, &iter, visible.x, visible.y + 1);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/* The card shows the selection and names its places, actors and
 * sources: it is shown again when an edit changed any of them.
 */
static void
on_edited (SbDetailPane *self,
           SbChanges    *changes)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);
  GPtrArray *changed = sb_changes_get_changed (changes);
  gboolean shown = FALSE;

  if (selected == NULL)
    return;

  shown = sb_changes_contains (changes, selected) || SB_IS_PLACE (selected) || SB_IS_SOURCE (selected);
  for (guint i = 0; i < changed->len && !shown; i++)
    shown = !SB_IS_ITEM (g_ptr_array_index (changed, i)) && !SB_IS_STEP (g_ptr_array_index (changed, i));

  if (!shown)
    return;

  /* A source's text or title may be what changed. */
  self->shown_source = NULL;
  update (self);
}

/* A new statement opens ready to edit, its title first. */
static GtkWidget *
first_editable (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget) && gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gtk_widget_get_visible (child) ? first_editable (child) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_first_text (SbDetailPane *self)
{
  GtkWidget *text = first_editable (GTK_WIDGET (self->edit_card));

  return text != NULL && gtk_widget_get_mapped (text) && gtk_widget_grab_focus (text);
}

typedef struct
{
  SbEntity *cited;         /* unowned: compared with the selection only */
  guint frames;
  guint held;              /* frames the text has kept the focus */
} FocusTick;

/* Where the person has gone on to before the title had the focus: another
 * field of the card, or a popover of their own (Place, a date), not the
 * Cite menu closing in the source text.
 */
static gboolean
focus_has_moved_on (SbDetailPane *self,
                    GtkWidget    *focus)
{
  GtkWidget *popover = gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER);

  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->edit_card)))
    return TRUE;
  return popover != NULL && !gtk_widget_is_ancestor (popover, GTK_WIDGET (self->source_view));
}

/* Until the text has kept the focus a few frames: a Cite menu chosen with
 * the mouse closes after its item has cited, and GTK then gives the focus
 * back to the source text it was opened from.
 */
static gboolean
focus_first_text_tick (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  SbDetailPane *self = SB_DETAIL_PANE (widget);
  FocusTick *tick = data;
  GtkWidget *text = first_editable (GTK_WIDGET (self->edit_card));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* Another statement chosen, or the new one undone: nothing to focus. */
  if (sb_selection_get_selected (self->selection) != tick->cited)
    return G_SOURCE_REMOVE;
  if (text != NULL && focus != NULL && (focus == text || gtk_widget_is_ancestor (focus, text)))
    tick->held++;
  /* Taken back by the text, or not given yet; anywhere else, the person
   * has moved on.
   */
  else if (focus == NULL || focus == GTK_WIDGET (self->source_view) ||
           (tick->held == 0 && !focus_has_moved_on (self, focus)))
    focus_first_text (self);
  else
    return G_SOURCE_REMOVE;
  return tick->held >= 3 || ++tick->frames >= 60 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
on_cited (SbDetailPane *self,
          SbEntity     *entity,
          gboolean      open)
{
  FocusTick *tick;

  if (!open || sb_selection_get_selected (self->selection) != entity || !sb_edit_card_can_edit (entity))
    return;
  sb_detail_pane_set_editing (self, TRUE);
  /* Its title, to type into as the person citing expects; once the card
   * shows, when it is still sliding in.
   */
  focus_first_text (self);
  tick = g_new0 (FocusTick, 1);
  tick->cited = entity;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_first_text_tick, tick, g_free);
}

/**
 * sb_detail_pane_set_map_editor:
 * @editor: (nullable): what places the selection on the map
 */
void
sb_detail_pane_set_map_editor (SbDetailPane *self,
                               SbMapEditor  *editor)
{
  g_return_if_fail (SB_IS_DETAIL_PANE (self));

  sb_place_chooser_set_editor (self->place_chooser, editor);
}

/**
 * sb_detail_pane_set_settings:
 * @settings: (nullable): the app's settings, where the height the reader
 *   gives the card beside the source is kept
 */
void
sb_detail_pane_set_settings (SbDetailPane *self,
                             GSettings    *settings)
{
  g_return_if_fail (SB_IS_DETAIL_PANE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;
  self->card_height = settings != NULL ? g_settings_get_int (settings, "source-split") : -1;
  queue_place_split (self);
}

static void
prepare_place_chooser (GtkMenuButton *button,
                       gpointer       user_data)
{
  SbDetailPane *self = user_data;

  sb_place_chooser_prepare (self->place_chooser);
}

/* Whether @button shows whole in its window: not while the pane still
 * slides in from the side. A popover anchored outside the window is placed
 * off screen, and GTK gives it no size.
 */
static gboolean
button_in_view (GtkWidget *button)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (button));
  graphene_point_t point;

  return gtk_widget_get_mapped (button) && root != NULL &&
         gtk_widget_compute_point (button, root, &GRAPHENE_POINT_INIT (0, 0), &point) &&
         point.x >= 0 && point.x + gtk_widget_get_width (button) <= gtk_widget_get_width (root) &&
         point.y >= 0 && point.y + gtk_widget_get_height (button) <= gtk_widget_get_height (root);
}

/* Opened once the pane is laid out where it shows. */
static gboolean
popup_when_in_view (GtkWidget     *button,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  gint64 *since = data;

  if (button_in_view (button))
    {
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      return G_SOURCE_REMOVE;
    }
  return g_get_monotonic_time () - *since < 10 * G_USEC_PER_SEC ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * sb_detail_pane_place:
 *
 * Opens Place for the selected statement: a name to pick from the
 * gazetteer, or the map to click. Its button heads the card, outside the
 * card's scrolled fields, so it is in view wherever the card is scrolled.
 *
 * Returns: whether there is a statement to place
 */
gboolean
sb_detail_pane_place (SbDetailPane *self)
{
  GtkWidget *button = GTK_WIDGET (self->place_button);
  gint64 *since;

  g_return_val_if_fail (SB_IS_DETAIL_PANE (self), FALSE);

  if (!gtk_widget_get_visible (button))
    return FALSE;
  if (button_in_view (button))
    {
      gtk_menu_button_popup (self->place_button);
      return TRUE;
    }
  since = g_new (gint64, 1);
  *since = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (button, popup_when_in_view, since, g_free);
  return TRUE;
}

/**
 * sb_detail_pane_get_place_chooser:
 *
 * Returns: (transfer none): the Place popover
 */
SbPlaceChooser *
sb_detail_pane_get_place_chooser (SbDetailPane *self)
{
  g_return_val_if_fail (SB_IS_DETAIL_PANE (self), NULL);

  return self->place_chooser;
}

/**
 * sb_detail_pane_get_citer:
 *
 * Returns: (transfer none) (nullable): what cites from the source text,
 *   once the pane has its selection
 */
SbSourceCiter *
sb_detail_pane_get_citer (SbDetailPane *self)
{
  g_return_val_if_fail (SB_IS_DETAIL_PANE (self), NULL);

  return self->citer;
}

static void
on_briefing_changed (SbDetailPane *self)
{
  self->shown_source = NULL;
  update (self);
}

void
sb_detail_pane_set_selection (SbDetailPane *self,
                              SbSelection  *selection)
{
  g_return_if_fail (SB_IS_DETAIL_PANE (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  self->citer = sb_source_citer_new (self->source_view, selection);
  sb_source_citer_set_document (self->citer, self->document);
  g_signal_connect_object (self->citer, "cited", G_CALLBACK (on_cited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::briefing", G_CALLBACK (on_briefing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::citation", G_CALLBACK (update_passages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
sb_detail_pane_dispose (GObject *object)
{
  SbDetailPane *self = (SbDetailPane *)object;
  GtkWidget *child;

  if (self->citer != NULL)
    sb_source_citer_shutdown (self->citer);
  g_clear_object (&self->citer);
  /* Saved now, what the reader last gave it. */
  if (self->save_split_id != 0)
    {
      g_clear_handle_id (&self->save_split_id, g_source_remove);
      save_split (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_DETAIL_PANE);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_clear_pointer (&self->scrolled_citation, sb_citation_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->card_entity);
  g_clear_object (&self->comparison);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->compared_with, g_free);

  G_OBJECT_CLASS (sb_detail_pane_parent_class)->dispose (object);
}

static void
sb_detail_pane_class_init (SbDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_detail_pane_dispose;

  /**
   * SbDetailPane::citation-copied:
   *
   * The passage shown, with its source and date, is on the clipboard.
   */
  signals[CITATION_COPIED] =
    g_signal_new ("citation-copied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SB_TYPE_EDIT_CARD);
  g_type_ensure (SB_TYPE_CHANGE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, card_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, split);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, card_stack);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, place_button);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, change_view);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, edit_card);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_toggled);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, description_label);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, language_note);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, facts);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, source_box);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, source_title);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, source_meta);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, position_label);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, original_button);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, translation_label);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, no_text_label);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbDetailPane, source_view);

  gtk_widget_class_install_action (widget_class, "detail.previous-passage", NULL, previous_passage_action);
  gtk_widget_class_install_action (widget_class, "detail.next-passage", NULL, next_passage_action);
  gtk_widget_class_install_action (widget_class, "detail.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "detail.edit", NULL, edit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-detail-pane");
}

static void
sb_detail_pane_init (SbDetailPane *self)
{
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->citations = g_ptr_array_new ();
  self->card_height = -1;
  self->edit_card_height = -1;
  g_signal_connect_swapped (self->split, "notify::position", G_CALLBACK (on_split_moved), self);
  g_signal_connect_swapped (self->split, "notify::max-position", G_CALLBACK (on_split_room), self);
  g_signal_connect_swapped (self->edit_card, "map", G_CALLBACK (on_edit_card_map), self);
  self->place_chooser = SB_PLACE_CHOOSER (sb_place_chooser_new ());
  gtk_menu_button_set_popover (self->place_button, GTK_WIDGET (self->place_chooser));
  gtk_menu_button_set_create_popup_func (self->place_button, prepare_place_chooser, self, NULL);
  self->buffer = gtk_text_view_get_buffer (self->source_view);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (on_source_scrolled), self);
    g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_source_scrolled), self);
    gtk_widget_add_controller (GTK_WIDGET (self->source_view), scroll);
  }
  self->cited_tag = gtk_text_buffer_create_tag (self->buffer, "cited",
                                                "background", "rgba(255,200,0,0.28)",
                                                NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "current",
                                                  "background", "rgba(255,170,0,0.6)",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->current_mark = gtk_text_buffer_create_mark (self->buffer, "current", &start, TRUE);
}
