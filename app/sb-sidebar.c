/* sb-sidebar.c
 *
 * The sidebar: the actors by kind with their counts, search, and an
 * actor's dossier.
 *
 * Three pages: the actors, search results, and the dossier of one actor.
 * Choosing an actor selects it (the map frames it) and opens its dossier;
 * the dossier stays open while its statements are chosen. Under the
 * actors, the sources (choosing one opens its text, to read and cite
 * from) and the statements not on the map yet: what still needs a place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-actor-chip.h"
#include "sb-basemap.h"
#include "sb-changes.h"
#include "sb-dossier-view.h"
#include "sb-filter.h"
#include "sb-format.h"
#include "sb-kind-icons.h"
#include "sb-projection.h"
#include "sb-search.h"
#include "sb-sidebar.h"

#define MAX_RESULTS_PER_KIND 100
/* What a place of the base map says of itself in the results. */
#define BASEMAP_NOTE_KEY "sb-basemap-note"
/* Above this many statements the counts are made in a worker thread. */
#define COUNT_IN_THREAD_ABOVE 20000
/* The statements not on the map listed; search finds the rest. */
#define MAX_UNPLACED_ROWS 100
#define UNPLACED_ITEM_KEY "sb-unplaced-item"
#define SOURCE_KEY "sb-source"
/* Sources listed at first, and added by each press of the row after them:
 * an event data set has a source for every few incidents, and a hundred
 * thousand rows took gigabytes and a minute to make.
 */
#define SOURCE_ROWS_STEP 500
#define MORE_SOURCES_KEY "sb-more-sources"

struct _SbSidebar
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkListBox *actor_list;
  GtkListBox *source_list;
  GtkListBox *unplaced_list;
  GtkListBox *result_list;
  AdwStatusPage *no_results;
  GtkStack *result_stack;
  SbDossierView *dossier;

  SbSelection *selection;
  GPtrArray *history;      /* of SbActor: the dossiers Back returns to, last last */
  gboolean dossier_before_search; /* the search was started over a dossier: it is gone back to */
  GPtrArray *results;      /* of SbSearchResult, for the result rows */
  GPtrArray *basemap_places; /* of SbPlace: the base map's towns and countries found */
  GCancellable *counting;  /* counts being made in a thread */
  guint n_unplaced;
  guint n_sources;
  guint n_source_rows;     /* the sources listed: the first n_source_rows */
  GtkWidget *more_sources; /* the row listing more, while some are not listed */
};

G_DEFINE_FINAL_TYPE (SbSidebar, sb_sidebar, GTK_TYPE_WIDGET)

typedef struct
{
  SbActor *actor;
  GtkLabel *count;
  GtkToggleButton *visible;
} ActorRow;

#define ACTOR_ROW_KEY "sb-actor-row"

static void
show_actor_row (SbSidebar     *self,
                GtkListBoxRow *row,
                guint          count)
{
  ActorRow *data = g_object_get_data (G_OBJECT (row), ACTOR_ROW_KEY);
  gboolean shown = sb_selection_get_actor_visible (self->selection, data->actor);
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *description = NULL;

  gtk_label_set_text (data->count, text);

  g_signal_handlers_block_matched (data->visible, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (data->visible, shown);
  g_signal_handlers_unblock_matched (data->visible, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (data->visible)), shown ? "view-reveal-symbolic" : "view-conceal-symbolic") != 0)
    gtk_button_set_icon_name (GTK_BUTTON (data->visible), shown ? "view-reveal-symbolic" : "view-conceal-symbolic");
  {
    /* One name for the toggle, said and shown alike; whether the actor is
     * shown is the toggle's state (and the eye's), not its name.
     * TRANSLATORS: a toggle's name and tooltip: "Show Wagner group on the map"
     */
    g_autofree char *label = g_strdup_printf (_("Show %s on the map"), sb_entity_get_label (SB_ENTITY (data->actor)));

    /* Only when the name changed: setting a tooltip asks the display
     * where the pointer is, a round trip for each of hundreds of actors
     * on every change of filters.
     */
    if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (data->visible)), label) != 0)
      {
        gtk_widget_set_tooltip_text (GTK_WIDGET (data->visible), label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (data->visible),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
      }
  }
  gtk_widget_set_opacity (GTK_WIDGET (data->count), shown ? 1.0 : 0.5);

  description = g_strdup_printf (ngettext ("%s, %u statement shown", "%s, %u statements shown", count),
                                 sb_format_actor_kind (sb_actor_get_kind (data->actor)), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sb_entity_get_label (SB_ENTITY (data->actor)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_visible_toggled (GtkToggleButton *button,
                    SbSidebar       *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  ActorRow *data = g_object_get_data (G_OBJECT (row), ACTOR_ROW_KEY);

  sb_selection_set_actor_visible (self->selection, data->actor, gtk_toggle_button_get_active (button));
}

static GtkWidget *
create_actor_row (SbSidebar *self,
                  SbActor   *actor)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (sb_entity_get_label (SB_ENTITY (actor)));
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *visible = gtk_toggle_button_new ();
  ActorRow *data = g_new0 (ActorRow, 1);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name);

  if (sb_actor_get_affiliation (actor) != NULL)
    {
      GtkWidget *affiliation = gtk_label_new (sb_text_get (sb_actor_get_affiliation (actor)));

      gtk_label_set_xalign (GTK_LABEL (affiliation), 0);
      gtk_label_set_ellipsize (GTK_LABEL (affiliation), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (affiliation, "dim-label");
      gtk_widget_add_css_class (affiliation, "caption");
      gtk_box_append (GTK_BOX (labels), affiliation);
    }

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_tooltip_text (count, _("Statements shown on the map"));

  gtk_widget_add_css_class (visible, "flat");
  gtk_widget_add_css_class (visible, "visibility-toggle");
  gtk_widget_set_valign (visible, GTK_ALIGN_CENTER);
  g_signal_connect (visible, "toggled", G_CALLBACK (on_visible_toggled), self);

  gtk_box_append (GTK_BOX (box), sb_actor_chip_new (actor));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), visible);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  data->actor = actor;
  data->count = GTK_LABEL (count);
  data->visible = GTK_TOGGLE_BUTTON (visible);
  g_object_set_data_full (G_OBJECT (row), ACTOR_ROW_KEY, data, g_free);

  /* Counted once every row is there: update_counts(). */
  show_actor_row (self, GTK_LIST_BOX_ROW (row), 0);
  return row;
}

static SbActorKind
row_actor_kind (GtkListBoxRow *row)
{
  ActorRow *data = g_object_get_data (G_OBJECT (row), ACTOR_ROW_KEY);

  return sb_actor_get_kind (data->actor);
}

static GtkWidget *
create_heading (const char *text)
{
  GtkWidget *header = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "sidebar-heading");
  return header;
}

/* A kind's heading shows the kind's symbol, as the map draws it. */
static GtkWidget *
create_kind_heading (SbActorKind kind)
{
  GtkWidget *label = create_heading (sb_format_actor_kind_plural (kind));
  GtkWidget *heading;

  gtk_widget_remove_css_class (label, "sidebar-heading");
  heading = sb_kind_icon_label_new (sb_actor_kind_icon_name (kind), label);
  gtk_widget_add_css_class (heading, "sidebar-heading");
  return heading;
}

static void
update_kind_header (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  if (before != NULL && row_actor_kind (before) == row_actor_kind (row))
    gtk_list_box_row_set_header (row, NULL);
  else
    gtk_list_box_row_set_header (row, create_kind_heading (row_actor_kind (row)));
}

/* Nothing of it drawn: a movement with one end placed is drawn there,
 * and its card says which end is not placed yet.
 */
static gboolean
is_unplaced (SbItem *item)
{
  return sb_item_get_place (item) == NULL && sb_item_get_geometry (item) == NULL &&
         (sb_item_get_kind (item) != SB_ITEM_KIND_MOVEMENT || sb_item_get_origin (item) == NULL);
}

/* A row of a title on up to two lines and what it is, dimmed, beneath. */
/* Says what the row of create_two_line_row() now shows. */
static void
set_two_line_row (GtkWidget  *row,
                  const char *text,
                  const char *about)
{
  GtkWidget *labels = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *title = gtk_widget_get_first_child (labels);

  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)), about);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about,
                                  -1);
}

static GtkWidget *
create_two_line_row (const char *text,
                     const char *about)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (text);
  GtkWidget *subtitle = gtk_label_new (about);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about,
                                  -1);
  return row;
}

/* How long the start of a passage names a statement without a title. */
#define EXCERPT_CHARS 60

/* A statement in the list is named by its title; while it has none, by
 * the start of the passage it cites, else by its kind: its id is only a
 * detail below.
 */
static char *
unplaced_title (SbItem *item)
{
  SbText *text = sb_item_get_title (item);
  const char *title = text ? sb_text_get (text) : NULL;
  GPtrArray *citations = sb_item_get_citations (item);

  if (title != NULL && *title != '\0')
    return g_strdup (title);

  if (citations != NULL && citations->len > 0)
    {
      g_autofree char *quote = g_strdup (sb_citation_get_quote (g_ptr_array_index (citations, 0)));

      g_strdelimit (quote, "\n\t", ' ');
      g_strstrip (quote);
      if (g_utf8_strlen (quote, -1) > EXCERPT_CHARS)
        {
          g_autofree char *start = g_utf8_substring (quote, 0, EXCERPT_CHARS - 1);

          /* TRANSLATORS: the start of a quoted passage, cut short */
          return g_strdup_printf (_("“%s…”"), g_strchomp (start));
        }
      if (*quote != '\0')
        /* TRANSLATORS: a quoted passage */
        return g_strdup_printf (_("“%s”"), quote);
    }

  /* TRANSLATORS: a statement being made, with no title or passage yet:
   * "Incident, no title yet"
   */
  return g_strdup_printf (_("%s, no title yet"), sb_format_item_kind (sb_item_get_kind (item)));
}

static GtkWidget *
create_unplaced_row (SbItem *item)
{
  g_autofree char *title = unplaced_title (item);
  g_autofree char *kind = sb_format_item_subtitle (item);
  /* TRANSLATORS: what a statement is, then its id: "Attack · 3 December 2026 · Reported · incident-5" */
  g_autofree char *about = g_strdup_printf (_("%s · %s"), kind, sb_entity_get_id (SB_ENTITY (item)));
  GtkWidget *row = create_two_line_row (title, about);

  g_object_set_data_full (G_OBJECT (row), UNPLACED_ITEM_KEY, g_object_ref (item), g_object_unref);
  return row;
}

/* The statements with no place and no outline: Place or a click on the
 * map puts them there, and they leave the list.
 */
static void
rebuild_unplaced (SbSidebar *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GListModel *items;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unplaced_list))) != NULL)
    gtk_list_box_remove (self->unplaced_list, child);
  self->n_unplaced = 0;

  items = briefing ? sb_briefing_get_all_items (briefing) : NULL;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      if (!is_unplaced (item))
        continue;
      if (self->n_unplaced++ < MAX_UNPLACED_ROWS)
        gtk_list_box_append (self->unplaced_list, create_unplaced_row (item));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_list), self->n_unplaced > 0);
  gtk_list_box_invalidate_headers (self->unplaced_list);
}

static void
update_unplaced_header (GtkListBoxRow *row,
                        GtkListBoxRow *before,
                        gpointer       user_data)
{
  SbSidebar *self = user_data;
  g_autofree char *text = NULL;
  GtkWidget *header;

  if (before != NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  /* TRANSLATORS: the heading of the statements that have no place yet;
   * %u is how many there are */
  text = g_strdup_printf (_("Not on the Map (%u)"), self->n_unplaced);
  header = create_heading (text);
  gtk_widget_set_tooltip_text (header, self->n_unplaced > MAX_UNPLACED_ROWS
                                       ? _("Statements with no place yet; the first hundred are listed")
                                       : _("Statements with no place yet: choose one, then Place it"));
  gtk_list_box_row_set_header (row, header);
}

static void
on_unplaced_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       SbSidebar     *self)
{
  SbItem *item = g_object_get_data (G_OBJECT (row), UNPLACED_ITEM_KEY);

  sb_selection_select (self->selection, SB_ENTITY (item));
}

static char *
source_about (SbSource *source)
{
  g_autofree char *date = sb_format_source_date (source);
  const char *publisher = sb_format_publisher (source);

  /* TRANSLATORS: a source's publisher and date, under its title */
  return publisher ? g_strdup_printf (_("%s · %s"), publisher, date) : g_steal_pointer (&date);
}

static GtkWidget *
create_source_row (SbSource *source)
{
  g_autofree char *about = source_about (source);
  GtkWidget *row = create_two_line_row (sb_entity_get_label (SB_ENTITY (source)), about);

  gtk_widget_set_tooltip_text (row, _("Open the source’s text, to read and cite from"));
  g_object_set_data_full (G_OBJECT (row), SOURCE_KEY, g_object_ref (source), g_object_unref);
  return row;
}

/* The last row adds one: with no source yet, the way to start. */
static GtkWidget *
create_add_source_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (_("Add Source…"));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.add-source");
  gtk_widget_set_tooltip_text (row, _("Paste an article, open a file or fetch a web page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Source"),
                                  -1);
  return row;
}

/* The row after the sources listed, while some are not: it lists more. */
static void
update_more_sources (SbSidebar *self)
{
  guint n_more = self->n_sources - MIN (self->n_source_rows, self->n_sources);
  g_autofree char *text = NULL;

  if (n_more == 0)
    {
      if (self->more_sources != NULL)
        gtk_list_box_remove (self->source_list, g_steal_pointer (&self->more_sources));
      return;
    }

  /* TRANSLATORS: the row after the sources listed, which lists more of
   * them; %u is how many are not listed yet */
  text = g_strdup_printf (ngettext ("Show %u More Source", "Show %u More Sources", n_more), n_more);
  if (self->more_sources == NULL)
    {
      GtkWidget *label = gtk_label_new (NULL);

      self->more_sources = gtk_list_box_row_new ();
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->more_sources), label);
      g_object_set_data (G_OBJECT (self->more_sources), MORE_SOURCES_KEY, GINT_TO_POINTER (TRUE));
      gtk_list_box_insert (self->source_list, self->more_sources, self->n_source_rows);
    }
  gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->more_sources))), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_sources),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Lists up to @n_more sources after those listed. */
static void
list_more_sources (SbSidebar *self,
                   guint      n_more)
{
  GListModel *sources = sb_briefing_get_sources (sb_selection_get_briefing (self->selection));
  guint end = MIN (self->n_sources, self->n_source_rows + n_more);

  for (; self->n_source_rows < end; self->n_source_rows++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, self->n_source_rows);

      gtk_list_box_insert (self->source_list, create_source_row (source), self->n_source_rows);
    }
  update_more_sources (self);
}

static void
rebuild_sources (SbSidebar *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GListModel *sources = briefing ? sb_briefing_get_sources (briefing) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->source_list))) != NULL)
    gtk_list_box_remove (self->source_list, child);
  self->more_sources = NULL;
  self->n_source_rows = 0;

  self->n_sources = sources ? g_list_model_get_n_items (sources) : 0;
  if (briefing != NULL)
    {
      gtk_list_box_append (self->source_list, create_add_source_row ());
      list_more_sources (self, SOURCE_ROWS_STEP);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->source_list), briefing != NULL);
  gtk_list_box_invalidate_headers (self->source_list);
}

static GtkWidget *
find_source_row (SbSidebar *self,
                 SbEntity  *source)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->source_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), SOURCE_KEY) == source)
      return row;
  return NULL;
}

/* Only the rows of the sources an edit added, removed or changed: the
 * list keeps its scroll, its focus and the rest of its rows.
 */
static void
update_sources (SbSidebar *self,
                SbChanges *changes)
{
  GListModel *sources = sb_briefing_get_sources (sb_selection_get_briefing (self->selection));
  GPtrArray *removed = sb_changes_get_removed (changes);
  GPtrArray *inserted = sb_changes_get_inserted (changes);
  GPtrArray *changed = sb_changes_get_changed (changes);

  for (guint i = 0; i < removed->len; i++)
    {
      GtkWidget *row = SB_IS_SOURCE (g_ptr_array_index (removed, i)) ? find_source_row (self, g_ptr_array_index (removed, i)) : NULL;

      if (row != NULL)
        {
          gtk_list_box_remove (self->source_list, row);
          self->n_source_rows--;
        }
    }

  for (guint i = 0; i < changed->len; i++)
    {
      SbEntity *source = g_ptr_array_index (changed, i);
      GtkWidget *row = SB_IS_SOURCE (source) ? find_source_row (self, source) : NULL;
      g_autofree char *about = NULL;

      if (row == NULL)
        continue;
      about = source_about (SB_SOURCE (source));
      set_two_line_row (row, sb_entity_get_label (source), about);
    }

  /* Where each is in the briefing, when among those listed: the Add
   * Source row stays last.
   */
  for (guint i = 0; i < g_list_model_get_n_items (sources) && i <= self->n_source_rows; i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);

      if (g_ptr_array_find (inserted, source, NULL) && find_source_row (self, SB_ENTITY (source)) == NULL)
        {
          gtk_list_box_insert (self->source_list, create_source_row (source), i);
          self->n_source_rows++;
        }
    }

  self->n_sources = g_list_model_get_n_items (sources);
  update_more_sources (self);
  gtk_list_box_invalidate_headers (self->source_list);
}

static void
update_source_header (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  SbSidebar *self = user_data;
  g_autofree char *text = NULL;

  if (before != NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  /* TRANSLATORS: the heading of the briefing's sources; %u is how many */
  text = g_strdup_printf (_("Sources (%u)"), self->n_sources);
  gtk_list_box_row_set_header (row, create_heading (text));
}

static void
on_source_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     SbSidebar     *self)
{
  SbSource *source = g_object_get_data (G_OBJECT (row), SOURCE_KEY);

  /* The Add Source row is its action's. */
  if (source != NULL)
    sb_selection_select (self->selection, SB_ENTITY (source));
  else if (g_object_get_data (G_OBJECT (row), MORE_SOURCES_KEY) != NULL)
    list_more_sources (self, SOURCE_ROWS_STEP);
}

static void update_counts (SbSidebar *self);

static void
rebuild_actor_list (SbSidebar *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GListModel *actors;
  GtkWidget *child;

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actor_list))) != NULL)
    gtk_list_box_remove (self->actor_list, child);

  if (briefing == NULL)
    return;

  /* By kind, and within a kind in the author's order. */
  actors = sb_briefing_get_actors (briefing);
  for (guint kind = 0; kind < SB_N_ACTOR_KINDS; kind++)
    for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
      {
        g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

        if (sb_actor_get_kind (actor) == kind)
          gtk_list_box_append (self->actor_list, create_actor_row (self, actor));
      }

  update_counts (self);
}

/* Everything anew: another briefing, or its texts in another language. */
static void
rebuild_actors (SbSidebar *self)
{
  rebuild_actor_list (self);
  rebuild_sources (self);
  rebuild_unplaced (self);
}

static GPtrArray *
collect_actor_rows (SbSidebar *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actor_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), ACTOR_ROW_KEY) != NULL)
      g_ptr_array_add (rows, child);

  return rows;
}

typedef struct
{
  SbFilter *filter;
  GPtrArray *actors;       /* of SbActor, in the rows' order */
} Counting;

static void
counting_free (Counting *counting)
{
  sb_filter_unref (counting->filter);
  g_ptr_array_unref (counting->actors);
  g_free (counting);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Counting *counting = task_data;
  SbBriefing *briefing = sb_filter_get_snapshot (counting->filter);
  guint *counts = g_new0 (guint, counting->actors->len);

  for (guint a = 0; a < counting->actors->len; a++)
    {
      GPtrArray *items = sb_briefing_get_items_for_actor (briefing, g_ptr_array_index (counting->actors, a));

      if (g_cancellable_is_cancelled (cancellable))
        break;
      for (guint i = 0; items != NULL && i < items->len; i++)
        if (sb_filter_item_is_visible (counting->filter, g_ptr_array_index (items, i)))
          counts[a]++;
    }

  g_task_return_pointer (task, counts, g_free);
}

static void
on_counted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree guint *counts = g_task_propagate_pointer (G_TASK (result), NULL);
  Counting *counting = g_task_get_task_data (G_TASK (result));
  SbSidebar *self;
  g_autoptr(GPtrArray) rows = NULL;

  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = SB_SIDEBAR (object);
  g_clear_object (&self->counting);

  /* The rows are those counted unless the briefing changed, which cancels. */
  rows = collect_actor_rows (self);
  for (guint i = 0; i < rows->len && i < counting->actors->len; i++)
    show_actor_row (self, g_ptr_array_index (rows, i), counts[i]);
}

/* Counting every statement of an event dataset takes most of a second:
 * then it is done in a thread, and the counts change in one go.
 */
static void
update_counts (SbSidebar *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  g_autoptr(GPtrArray) rows = collect_actor_rows (self);
  g_autoptr(GTask) task = NULL;
  Counting *counting;

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);

  if (briefing == NULL || g_list_model_get_n_items (sb_briefing_get_all_items (briefing)) <= COUNT_IN_THREAD_ABOVE)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          ActorRow *data = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), ACTOR_ROW_KEY);

          show_actor_row (self, g_ptr_array_index (rows, i),
                          sb_selection_count_visible_items (self->selection, data->actor));
        }
      return;
    }

  counting = g_new0 (Counting, 1);
  counting->filter = sb_filter_ref (sb_selection_get_filter (self->selection));
  counting->actors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      ActorRow *data = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), ACTOR_ROW_KEY);

      g_ptr_array_add (counting->actors, g_object_ref (data->actor));
    }

  self->counting = g_cancellable_new ();
  task = g_task_new (self, self->counting, on_counted, NULL);
  g_task_set_task_data (task, counting, (GDestroyNotify) counting_free);
  g_task_run_in_thread (task, count_thread);
}

static void
on_actor_activated (GtkListBox    *list,
                    GtkListBoxRow *row,
                    SbSidebar     *self)
{
  ActorRow *data = g_object_get_data (G_OBJECT (row), ACTOR_ROW_KEY);

  sb_selection_select (self->selection, SB_ENTITY (data->actor));
  sb_sidebar_show_dossier (self, data->actor);
}

static const char *
result_heading (SbSearchKind kind)
{
  switch (kind)
    {
    case SB_SEARCH_ACTOR:
      return _("Actors");
    case SB_SEARCH_ITEM:
      return _("Statements");
    case SB_SEARCH_PLACE:
      return _("Places");
    case SB_SEARCH_SOURCE_TEXT:
    default:
      return _("In the Sources");
    }
}

static GtkWidget *
create_result_row (SbSearchResult *result,
                   const SbFilter *filter)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;
  g_autofree char *subtitle = NULL;

  switch (result->kind)
    {
    case SB_SEARCH_ACTOR:
      gtk_box_append (GTK_BOX (box), sb_actor_chip_new (SB_ACTOR (result->entity)));
      subtitle = g_strdup (sb_format_actor_kind (sb_actor_get_kind (SB_ACTOR (result->entity))));
      break;
    case SB_SEARCH_ITEM:
      subtitle = sb_format_item_subtitle_for (SB_ITEM (result->entity), filter);
      break;
    case SB_SEARCH_PLACE:
      subtitle = g_object_get_data (G_OBJECT (result->entity), BASEMAP_NOTE_KEY)
                   ? g_strdup (g_object_get_data (G_OBJECT (result->entity), BASEMAP_NOTE_KEY))
                   : sb_format_place_precision (SB_PLACE (result->entity));
      break;
    case SB_SEARCH_SOURCE_TEXT:
    default:
      subtitle = g_strdup (sb_entity_get_label (result->entity));
      break;
    }

  title = gtk_label_new (result->kind == SB_SEARCH_SOURCE_TEXT ? result->snippet
                                                               : sb_entity_get_label (result->entity));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), title);

  if (subtitle != NULL)
    {
      GtkWidget *label = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (labels), label);
    }

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (title)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle ? subtitle : "",
                                  -1);
  return row;
}

static void
update_result_header (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  SbSidebar *self = user_data;
  SbSearchResult *result = g_ptr_array_index (self->results, gtk_list_box_row_get_index (row));
  SbSearchResult *previous = before ? g_ptr_array_index (self->results, gtk_list_box_row_get_index (before)) : NULL;

  if (previous != NULL && previous->kind == result->kind)
    gtk_list_box_row_set_header (row, NULL);
  else
    gtk_list_box_row_set_header (row, create_heading (result_heading (result->kind)));
}

#define MAX_BASEMAP_RESULTS 12

static gboolean
briefing_has_place_named (SbBriefing *briefing,
                          const char *casefolded)
{
  GListModel *places = sb_briefing_get_places (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      g_autofree char *name = g_utf8_casefold (sb_text_get (sb_place_get_name (place)), -1);

      if (g_str_equal (name, casefolded))
        return TRUE;
    }

  return FALSE;
}

/* The base map's towns and countries that match, as places of no
 * briefing: chosen, the map frames them and the details list what the
 * briefing says happened there. Those the briefing names itself are
 * found among its places already.
 */
static void
add_basemap_results (SbSidebar  *self,
                     const char *query)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  SbBasemap *basemap = sb_basemap_get_default ();
  g_autofree char *folded = g_utf8_casefold (query, -1);
  g_autoptr(GPtrArray) features = sb_basemap_find (basemap, folded, MAX_BASEMAP_RESULTS);
  guint at = 0;

  /* Among the briefing's places: before the passages of the sources. */
  while (at < self->results->len &&
         ((SbSearchResult *) g_ptr_array_index (self->results, at))->kind != SB_SEARCH_SOURCE_TEXT)
    at++;

  for (guint i = 0; i < features->len; i++)
    {
      const SbBasemapFeature *feature = g_ptr_array_index (features, i);
      const SbBasemapFeature *country = NULL;
      g_autofree char *name = g_utf8_casefold (feature->name, -1);
      g_autofree char *id = g_strdup_printf ("basemap-%u", i);
      SbSearchResult *result;
      SbPlace *place;
      double x = feature->label_x, y = feature->label_y;

      if (briefing_has_place_named (briefing, name))
        continue;

      if (feature->kind == SB_BASEMAP_COUNTRY)
        {
          const SbBasemapCountryShape *shape = sb_basemap_get_country_shape (basemap, feature);

          x = shape->label_x;
          y = shape->label_y;
          place = sb_place_new (id, NULL, feature->name, sb_mercator_latitude (y), x * 360.0 - 180.0,
                                SB_PLACE_PRECISION_COUNTRY, feature->iso_a3);
          g_object_set_data_full (G_OBJECT (place), BASEMAP_NOTE_KEY,
                                  g_strdup (_("Country, from the base map")), g_free);
        }
      else
        {
          country = sb_basemap_country_at (basemap, x, y);
          place = sb_place_new (id, NULL, feature->name, sb_mercator_latitude (y), x * 360.0 - 180.0,
                                SB_PLACE_PRECISION_NEAR, country ? country->iso_a3 : NULL);
          g_object_set_data_full (G_OBJECT (place), BASEMAP_NOTE_KEY,
                                  country && country->name
                                    /* TRANSLATORS: a search result: a town of the base map, and its country */
                                    ? g_strdup_printf (_("Town in %s, from the base map"), country->name)
                                    : g_strdup (_("Town, from the base map")),
                                  g_free);
        }
      g_ptr_array_add (self->basemap_places, place);

      result = g_new0 (SbSearchResult, 1);
      result->kind = SB_SEARCH_PLACE;
      result->entity = SB_ENTITY (place);
      g_ptr_array_insert (self->results, at++, result);
    }
}

/* Whether the filters leave out anything at all. */
static gboolean
filters_hide_some (SbSidebar *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GListModel *items = sb_briefing_get_all_items (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      if (!sb_selection_item_is_visible (self->selection, item))
        return TRUE;
    }

  return FALSE;
}

/* Out of the search results, back where the search started, as a
 * browser goes back: the dossier read then, with its own Back; then an
 * actor chosen among the results opens its dossier after it.
 */
static void
leave_results (SbSidebar *self)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);
  SbActor *shown = self->dossier_before_search ? sb_dossier_view_get_actor (self->dossier) : NULL;

  gtk_stack_set_visible_child_name (self->stack, shown != NULL ? "dossier" : "actors");
  self->dossier_before_search = FALSE;
  if (SB_IS_ACTOR (selected) && (SbActor *) selected != shown)
    sb_sidebar_show_dossier (self, SB_ACTOR (selected));
}

static void
run_search (SbSidebar *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_list))) != NULL)
    gtk_list_box_remove (self->result_list, child);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  if (*query == '\0' || self->selection == NULL)
    {
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
        leave_results (self);
      return;
    }

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    self->dossier_before_search = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "dossier");

  g_ptr_array_set_size (self->basemap_places, 0);
  self->results = sb_search_run (self->selection, query, MAX_RESULTS_PER_KIND);
  if (sb_selection_get_briefing (self->selection) != NULL)
    add_basemap_results (self, query);
  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->result_list, create_result_row (g_ptr_array_index (self->results, i), sb_selection_get_filter (self->selection)));

  if (self->results->len == 0)
    adw_status_page_set_description (self->no_results,
                                     filters_hide_some (self)
                                       ? _("Nothing shown matches the search. Filters hide some statements.")
                                       : _("Nothing in the briefing matches the search."));
  gtk_stack_set_visible_child_name (self->result_stack, self->results->len > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_result_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     SbSidebar     *self)
{
  SbSearchResult *result = g_ptr_array_index (self->results, gtk_list_box_row_get_index (row));

  if (result->kind == SB_SEARCH_SOURCE_TEXT)
    sb_selection_select_citation (self->selection, result->entity, result->passage);
  else
    sb_selection_select (self->selection, result->entity);
}

/* Enter chooses the first result, as in GNOME's search lists; Down goes
 * into the results to choose another.
 */
static void
on_search_activate (SbSidebar *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->result_list, 0);

  if (first != NULL && self->results != NULL)
    on_result_activated (self->result_list, first, self);
}

static gboolean
on_search_key (GtkEventControllerKey *key,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SbSidebar             *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->result_list, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || first == NULL ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
on_stop_search (SbSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (SbSidebar *self)
{
  update_counts (self);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    run_search (self);
}

/* What an edit changed: the rows of actors added, removed or changed,
 * the counts of the actors whose statements changed, search results
 * again, and back from the dossier of an actor removed.
 */
static void
on_edited (SbSidebar *self,
           SbChanges *changes)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) recount = g_hash_table_new (NULL, NULL);
  GPtrArray *lists[] = {
    sb_changes_get_inserted (changes),
    sb_changes_get_changed (changes),
    sb_changes_get_removed (changes),
  };
  gboolean all = FALSE;

  if (sb_changes_was_removed (changes, SB_ENTITY (sb_dossier_view_get_actor (self->dossier))))
    {
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "dossier"))
        gtk_stack_set_visible_child_name (self->stack, "actors");
      sb_dossier_view_set_actor (self->dossier, NULL);
    }

  if (sb_changes_touches_type (changes, SB_TYPE_ACTOR))
    {
      rebuild_actor_list (self);
      all = TRUE;
    }
  if (sb_changes_touches_type (changes, SB_TYPE_SOURCE))
    update_sources (self, changes);
  /* Their subtitles name actors. */
  if (sb_changes_touches_type (changes, SB_TYPE_ITEM) || sb_changes_touches_type (changes, SB_TYPE_ACTOR))
    rebuild_unplaced (self);

  /* Counts change only with what the filters read. */
  for (guint l = 0; l < G_N_ELEMENTS (lists) && !all && sb_filter_items_changed (changes, -1); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        SbEntity *entity = g_ptr_array_index (lists[l], i);

        if (!SB_IS_ITEM (entity))
          continue;

        /* Which actors it had before is not known: count them all. */
        if (sb_changes_has_field (changes, entity, SB_ITEM_FIELD_ACTORS) && l == 1)
          all = TRUE;
        for (guint a = 0; a < sb_item_get_n_actors (SB_ITEM (entity)); a++)
          g_hash_table_add (recount, sb_item_get_actor (SB_ITEM (entity), a));
      }

  if (all)
    update_counts (self);
  else if (g_hash_table_size (recount) > 0)
    {
      rows = collect_actor_rows (self);
      for (guint i = 0; i < rows->len; i++)
        {
          ActorRow *data = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), ACTOR_ROW_KEY);

          if (g_hash_table_contains (recount, data->actor))
            show_actor_row (self, g_ptr_array_index (rows, i),
                            sb_selection_count_visible_items (self->selection, data->actor));
        }
    }

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    run_search (self);
}

static void
on_briefing_changed (SbSidebar *self)
{
  g_ptr_array_set_size (self->history, 0);
  self->dossier_before_search = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild_actors (self);
  gtk_stack_set_visible_child_name (self->stack, "actors");
}

/* An actor chosen anywhere (the map, a relation) opens its dossier,
 * unless the search results are being read.
 */
static void
on_selected_changed (SbSidebar *self)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);

  if (SB_IS_ACTOR (selected) && !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    sb_sidebar_show_dossier (self, SB_ACTOR (selected));
}

static void
on_dossier_back (SbSidebar *self)
{
  sb_sidebar_go_back (self);
}

static SbActor *
previous_dossier (SbSidebar *self)
{
  return self->history->len > 0 ? g_ptr_array_index (self->history, self->history->len - 1) : NULL;
}

/**
 * sb_sidebar_show_dossier:
 *
 * Opens @actor's dossier. Opened from another dossier, as a relation or
 * the map leads from one actor to the next, Back returns to that one, as
 * a browser goes back; opened from the list, Back returns to the list.
 */
void
sb_sidebar_show_dossier (SbSidebar *self,
                         SbActor   *actor)
{
  SbActor *shown;

  g_return_if_fail (SB_IS_SIDEBAR (self));
  g_return_if_fail (SB_IS_ACTOR (actor));

  shown = sb_dossier_view_get_actor (self->dossier);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "dossier"))
    g_ptr_array_set_size (self->history, 0);
  else if (shown != NULL && shown != actor)
    g_ptr_array_add (self->history, g_object_ref (shown));

  sb_dossier_view_set_actor (self->dossier, actor);
  sb_dossier_view_set_back_to (self->dossier, previous_dossier (self));
  gtk_stack_set_visible_child_name (self->stack, "dossier");
}

/**
 * sb_sidebar_forget_dossiers:
 *
 * Back from the dossier shown returns to the list, not to the dossiers
 * read before it: a new actor's dossier is not one read after the last
 * (four actors made, Back took four clicks to the list).
 */
void
sb_sidebar_forget_dossiers (SbSidebar *self)
{
  g_return_if_fail (SB_IS_SIDEBAR (self));

  g_ptr_array_set_size (self->history, 0);
  sb_dossier_view_set_back_to (self->dossier, NULL);
}

/**
 * sb_sidebar_go_back:
 *
 * Leaves the search results for where the search started (a dossier,
 * or the list of actors), or a dossier for the dossier seen before it,
 * or for the list.
 *
 * Returns: %TRUE if there was somewhere to go back from
 */
gboolean
sb_sidebar_go_back (SbSidebar *self)
{
  const char *page;

  g_return_val_if_fail (SB_IS_SIDEBAR (self), FALSE);

  page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "results"))
    {
      on_stop_search (self);
      return TRUE;
    }

  if (g_str_equal (page, "dossier") && self->history->len > 0)
    {
      g_autoptr(SbActor) previous = g_ptr_array_steal_index (self->history, self->history->len - 1);

      /* Shown first, so that selecting it opens no dossier anew. */
      sb_dossier_view_set_actor (self->dossier, previous);
      sb_dossier_view_set_back_to (self->dossier, previous_dossier (self));
      sb_selection_select (self->selection, SB_ENTITY (previous));
      return TRUE;
    }

  if (g_str_equal (page, "dossier"))
    {
      SbActor *actor = sb_dossier_view_get_actor (self->dossier);

      /* Back from an actor's dossier: the map shows everyone again. */
      if (SB_ENTITY (actor) == sb_selection_get_selected (self->selection))
        sb_selection_clear (self->selection);

      gtk_stack_set_visible_child_name (self->stack, "actors");
      return TRUE;
    }

  return FALSE;
}

void
sb_sidebar_focus_search (SbSidebar *self)
{
  g_return_if_fail (SB_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sb_sidebar_set_selection (SbSidebar   *self,
                          SbSelection *selection)
{
  g_return_if_fail (SB_IS_SIDEBAR (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  sb_dossier_view_set_selection (self->dossier, selection);

  g_signal_connect_object (selection, "notify::briefing", G_CALLBACK (on_briefing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "texts-changed", G_CALLBACK (rebuild_actors), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);

  on_briefing_changed (self);
}

static void
sb_sidebar_dispose (GObject *object)
{
  SbSidebar *self = (SbSidebar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SIDEBAR);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->basemap_places, g_ptr_array_unref);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sb_sidebar_parent_class)->dispose (object);
}

static void
sb_sidebar_class_init (SbSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_sidebar_dispose;

  g_type_ensure (SB_TYPE_DOSSIER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, actor_list);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, source_list);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, unplaced_list);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, result_list);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, result_stack);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, no_results);
  gtk_widget_class_bind_template_child (widget_class, SbSidebar, dossier);
  gtk_widget_class_bind_template_callback (widget_class, on_actor_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_unplaced_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, run_search);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_dossier_back);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-sidebar");
}

static void
sb_sidebar_init (SbSidebar *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  self->history = g_ptr_array_new_with_free_func (g_object_unref);
  self->basemap_places = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_list_box_set_header_func (self->actor_list, update_kind_header, NULL, NULL);
  gtk_list_box_set_header_func (self->source_list, update_source_header, self, NULL);
  gtk_list_box_set_header_func (self->unplaced_list, update_unplaced_header, self, NULL);
  gtk_list_box_set_header_func (self->result_list, update_result_header, self, NULL);
}
