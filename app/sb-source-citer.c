/* sb-source-citer.c
 *
 * The quote is cut from the source's own text at the selection's
 * character offsets (the text view holds that text unchanged, so its
 * characters are the source's), never taken from what the view shows.
 *
 * One menu model serves the button over the selection, the text view's
 * context menu and Ctrl+Alt+C; it is rebuilt when the selection moves, so
 * its labels name what would be filled in ("New Incident at Gao").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-source-citer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-accessible.h"
#include "sb-actor.h"
#include "sb-actor-names.h"
#include "sb-cite.h"
#include "sb-format.h"
#include "sb-gazetteer.h"
#include "sb-item.h"
#include "sb-name-match.h"
#include "sb-source-citer.h"
#include "sb-step.h"
#include "sb-toast.h"

typedef struct
{
  int start;               /* in characters, as the buffer counts */
  int end;
  SbGazetteerEntry *place; /* owned copy, or NULL */
  SbActor *actor;          /* unowned: the briefing holds it */
} Mark;

struct _SbSourceCiter
{
  GObject parent_instance;

  GtkTextView *view;       /* unowned: the detail pane holds both */
  GtkTextBuffer *buffer;
  SbSelection *selection;
  SbDocument *document;
  SbSource *source;        /* unowned: the briefing holds it */

  GtkTextTag *place_tag;
  GtkTextTag *actor_tag;
  GArray *marks;           /* of Mark, in order */

  GSimpleActionGroup *actions;
  GMenu *menu;             /* what Cite offers for the selection now */
  GtkWidget *bubble;       /* the Cite button under a selection, over the text */
  GtkWidget *context_menu; /* the text's own: Copy, Select All and Cite, as read-only text has */
  GtkEventController *shortcuts; /* Ctrl+Alt+C in the whole window */
  gboolean own_primary;    /* the selection is put on PRIMARY here, not by GTK */

  /* A recognised name chosen: its sentence is selected and these fill in. */
  int offer_start;
  int offer_end;
  SbActor *offer_actor;
  SbGazetteerEntry *offer_place;

  /* The statement or actor selected before a source was: a passage of
   * any source shown after it can be added to it (corroboration).
   */
  SbEntity *statement;
};

G_DEFINE_FINAL_TYPE (SbSourceCiter, sb_source_citer, G_TYPE_OBJECT)

enum {
  CITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_mark (Mark *mark)
{
  g_clear_pointer (&mark->place, sb_gazetteer_entry_free);
}

static void
clear_offer (SbSourceCiter *self)
{
  self->offer_start = self->offer_end = -1;
  self->offer_actor = NULL;
  g_clear_pointer (&self->offer_place, sb_gazetteer_entry_free);
}

/* Its menu first: a menu left open by a hidden button is never placed. */
static void
hide_bubble (SbSourceCiter *self)
{
  if (self->bubble == NULL)
    return;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->bubble));
  gtk_widget_set_visible (self->bubble, FALSE);
  if (self->view != NULL)
    gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), TRUE);
}

static SbBriefing *
briefing_of (SbSourceCiter *self)
{
  return self->document ? sb_document_get_briefing (self->document) : NULL;
}

/* What "Add to" cites for: the statement or actor selected, or, while
 * a source is, the one selected before it, still in the briefing.
 */
static SbEntity *
add_target (SbSourceCiter *self)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);

  if (sb_cite_can_cite (selected))
    return selected;
  if (SB_IS_SOURCE (selected) && self->statement != NULL && briefing_of (self) != NULL &&
      sb_briefing_lookup (briefing_of (self), sb_entity_get_id (self->statement)) == self->statement)
    return self->statement;
  return NULL;
}

/* The selection's range in characters, or FALSE when nothing is
 * selected in a source that can be cited.
 */
static gboolean
selected_range (SbSourceCiter *self,
                int           *start,
                int           *end)
{
  GtkTextIter from, to;

  if (self->source == NULL || sb_source_get_text (self->source) == NULL || briefing_of (self) == NULL ||
      !gtk_text_buffer_get_selection_bounds (self->buffer, &from, &to))
    return FALSE;
  *start = gtk_text_iter_get_offset (&from);
  *end = gtk_text_iter_get_offset (&to);
  return TRUE;
}

/* The quote, and where it is in the text in bytes: the citation made of
 * it knows its passage at once, to highlight and scroll to.
 */
static char *
selected_quote (SbSourceCiter *self,
                gssize        *at)
{
  const char *text;
  gsize start, end;
  int from, to;

  if (!selected_range (self, &from, &to))
    return NULL;
  text = sb_source_get_text (self->source);
  if (!sb_cite_quote_range (text, from, to, &start, &end))
    return NULL;
  *at = start;
  return g_strndup (text + start, end - start);
}

/* What the offer fills in, while its sentence is still what is selected. */
static gboolean
offer_applies (SbSourceCiter *self)
{
  int start, end;

  return self->offer_start >= 0 && selected_range (self, &start, &end) &&
         start == self->offer_start && end == self->offer_end;
}

/* Where a movement the selected passage tells of comes from and goes to,
 * from the places marked in it and the words before them; the name chosen,
 * when the passage is its sentence, fills an end the words leave open.
 */
static void
selected_route (SbSourceCiter           *self,
                const SbGazetteerEntry **origin,
                const SbGazetteerEntry **destination)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (SbGazetteerMention));
  const char *text;
  int start, end, chosen = -1, from, to;

  *origin = *destination = NULL;
  if (!selected_range (self, &start, &end))
    return;
  text = sb_source_get_text (self->source);
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      SbGazetteerMention mention;

      if (mark->place == NULL || mark->start < start || mark->end > end)
        continue;
      mention.start = g_utf8_offset_to_pointer (text, mark->start) - text;
      mention.end = g_utf8_offset_to_pointer (text, mark->end) - text;
      mention.entry = mark->place;
      if (offer_applies (self) && self->offer_place != NULL && chosen < 0 &&
          g_strcmp0 (self->offer_place->name, mark->place->name) == 0)
        chosen = mentions->len;
      g_array_append_val (mentions, mention);
    }
  sb_cite_suggest_route (text, sb_source_get_language (self->source), (SbGazetteerMention *) (gpointer) mentions->data,
                         mentions->len, chosen, &from, &to);
  if (from >= 0)
    *origin = g_array_index (mentions, SbGazetteerMention, from).entry;
  if (to >= 0)
    *destination = g_array_index (mentions, SbGazetteerMention, to).entry;
  /* A place chosen that the passage does not mark, as before. */
  if (*origin == NULL && *destination == NULL && offer_applies (self))
    *destination = self->offer_place;
}

static const char *
kind_name (SbItemKind kind)
{
  const char *names[] = { "deployment", "movement", "incident", "area" };

  return names[kind];
}

static gboolean
kind_from_name (const char *name,
                SbItemKind *kind)
{
  for (SbItemKind k = 0; k < SB_N_ITEM_KINDS; k++)
    if (g_str_equal (name, kind_name (k)))
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static void
report (SbSourceCiter *self,
        const char    *message)
{
  /* The window's messages lie over all its panes. */
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->view), ADW_TYPE_TOAST_OVERLAY);

  gtk_widget_error_bell (GTK_WIDGET (self->view));
  g_message ("%s", message);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), sb_toast_new_plain (message));
}

static void
apply (SbSourceCiter *self,
       SbEdit        *edit,
       gboolean       open)
{
  g_autoptr(GError) error = NULL;
  SbEntity *select = sb_edit_get_select (edit);

  /* Closed first: the edit shows another text, and the menu would stay
   * anchored to a button placed for the one before, off screen.
   */
  hide_bubble (self);
  if (select != NULL)
    g_object_ref (select);
  if (!sb_document_apply (self->document, edit, &error))
    report (self, error->message);
  else if (select != NULL)
    g_signal_emit (self, signals[CITED], 0, select, open);
  g_clear_object (&select);
  clear_offer (self);
  hide_bubble (self);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SbSourceCiter *self = user_data;
  gssize at = -1;
  g_autofree char *quote = selected_quote (self, &at);
  gboolean offered = offer_applies (self);
  SbItemKind kind;

  if (quote == NULL || !kind_from_name (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (kind == SB_ITEM_KIND_MOVEMENT)
    {
      const SbGazetteerEntry *origin, *destination;

      selected_route (self, &origin, &destination);
      apply (self, sb_cite_new_movement (briefing_of (self), self->source, quote, at, offered ? self->offer_actor : NULL,
                                         origin, destination), TRUE);
      return;
    }
  apply (self, sb_cite_new_item (briefing_of (self), kind, self->source, quote, at,
                                 offered ? self->offer_actor : NULL,
                                 offered ? self->offer_place : NULL), TRUE);
}

static void
figure_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SbSourceCiter *self = user_data;
  gssize at = -1;
  g_autofree char *quote = selected_quote (self, &at);
  SbEntity *actor;

  if (quote == NULL)
    return;
  actor = sb_briefing_lookup (briefing_of (self), g_variant_get_string (parameter, NULL));
  if (!SB_IS_ACTOR (actor))
    return;
  apply (self, sb_cite_new_figure (briefing_of (self), SB_ACTOR (actor), self->source, quote, at), FALSE);
}

static GPtrArray *
citations_of (SbEntity *entity)
{
  if (SB_IS_ITEM (entity))
    return sb_item_get_citations (SB_ITEM (entity));
  if (SB_IS_ACTOR (entity))
    return sb_actor_get_citations (SB_ACTOR (entity));
  return NULL;
}

static gsize
citation_count (SbEntity *entity)
{
  GPtrArray *citations = citations_of (entity);

  return citations ? citations->len : 0;
}

static SbCitation *
citation_at (SbEntity *entity,
             gsize     index)
{
  return g_ptr_array_index (citations_of (entity), index);
}

/* One more citation, of the passage selected, for @entity. */
static void
add_citation_to (SbSourceCiter *self,
                 SbEntity      *entity)
{
  gssize at = -1;
  g_autofree char *quote = selected_quote (self, &at);
  g_autoptr(GError) error = NULL;
  SbEdit *edit;

  if (quote == NULL || !sb_cite_can_cite (entity))
    return;
  edit = sb_cite_add_citation (entity, self->source, quote, at, &error);
  if (edit == NULL)
    {
      report (self, error->message);
      return;
    }
  apply (self, edit, FALSE);
}

static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SbSourceCiter *self = user_data;
  SbEntity *target = add_target (self);
  gsize before;

  if (target == NULL)
    return;
  before = citation_count (target);
  add_citation_to (self, target);
  /* Cited from another source than its own: the statement is shown again,
   * at the passage just added, with the sources that now support it.
   */
  if (target != sb_selection_get_selected (self->selection) && citation_count (target) > before)
    sb_selection_select_citation (self->selection, target, citation_at (target, before));
}

/* One more citation for an actor the passage names, selected or not.
 * The passage stays where it is, and the actor is not chosen: a toast
 * says where the passage went, with the actor's dossier a click away.
 */
static void
add_to_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SbSourceCiter *self = user_data;
  SbEntity *actor = sb_briefing_lookup (briefing_of (self), g_variant_get_string (parameter, NULL));
  GtkWidget *overlay;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gsize before;

  if (!SB_IS_ACTOR (actor))
    return;
  before = citation_count (actor);
  add_citation_to (self, actor);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->view), ADW_TYPE_TOAST_OVERLAY);
  if (citation_count (actor) <= before || overlay == NULL)
    return;

  /* TRANSLATORS: after Cite ▸ Add to “Wagner group”: the passage selected is one more citation of the actor */
  message = g_strdup_printf (_("Passage added to “%s”"), sb_entity_get_label (actor));
  toast = sb_toast_new_plain (message);
  /* TRANSLATORS: the button of the toast "Passage added to “Wagner group”": shows the actor's dossier */
  adw_toast_set_button_label (toast, _("_Show Actor"));
  adw_toast_set_action_name (toast, "win.select-entity");
  adw_toast_set_action_target_value (toast, g_variant_new_string (sb_entity_get_id (actor)));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* One more citation for a relation of the actor selected. */
static void
add_relation_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SbSourceCiter *self = user_data;
  gssize at = -1;
  g_autofree char *quote = selected_quote (self, &at);
  g_autoptr(SbCitation) citation = NULL;
  g_autoptr(GError) error = NULL;
  SbEntity *selected = sb_selection_get_selected (self->selection);
  guint index = g_variant_get_uint32 (parameter);
  SbEdit *edit;

  if (quote == NULL || !SB_IS_ACTOR (selected) || index >= sb_actor_get_relations (SB_ACTOR (selected))->len)
    return;
  citation = sb_cite_citation (self->source, quote, at);
  edit = sb_cite_add_relation_citation (SB_ACTOR (selected), index, citation, &error);
  if (edit == NULL)
    {
      report (self, error->message);
      return;
    }
  apply (self, edit, FALSE);
}

static void
menu_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  sb_source_citer_open_menu (user_data);
}

/* Actors named in the quote, whose figure it may be: not the one whose
 * dossier is open when the passage does not name it.
 */
static GPtrArray *
figure_actors (SbSourceCiter *self,
               int            start,
               int            end)
{
  GPtrArray *actors = g_ptr_array_new ();

  if (offer_applies (self) && self->offer_actor != NULL)
    g_ptr_array_add (actors, self->offer_actor);
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      if (mark->actor != NULL && mark->start >= start && mark->end <= end &&
          !g_ptr_array_find (actors, mark->actor, NULL))
        g_ptr_array_add (actors, mark->actor);
    }
  return actors;
}

static char *
new_label (SbItemKind  kind,
           const char *place,
           const char *origin)
{
  switch (kind)
    {
    case SB_ITEM_KIND_INCIDENT:
      /* TRANSLATORS: "New Incident at Gao": a menu item citing the selection */
      return place ? g_strdup_printf (_("New Incident at %s"), place) : g_strdup (_("New _Incident"));
    case SB_ITEM_KIND_DEPLOYMENT:
      return place ? g_strdup_printf (_("New Deployment at %s"), place) : g_strdup (_("New _Deployment"));
    case SB_ITEM_KIND_MOVEMENT:
      if (origin != NULL && place != NULL)
        /* TRANSLATORS: "New Movement from Niamey to Téra" */
        return g_strdup_printf (_("New Movement from %s to %s"), origin, place);
      if (origin != NULL)
        /* TRANSLATORS: "New Movement from Niamey" */
        return g_strdup_printf (_("New Movement from %s"), origin);
      /* TRANSLATORS: "New Movement to Gao" */
      return place ? g_strdup_printf (_("New Movement to %s"), place) : g_strdup (_("New _Movement"));
    case SB_ITEM_KIND_AREA:
    default:
      return place ? g_strdup_printf (_("New Area at %s"), place) : g_strdup (_("New _Area"));
    }
}

/* A citation for the actors the passage names, and for the relations
 * of the actor selected with them (or not cited yet): an actor or a
 * relation is a statement too, and says where it comes from.
 */
static void
append_more_citations (SbSourceCiter *self,
                       GMenu         *more,
                       GPtrArray     *named)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);

  for (guint i = 0; i < named->len; i++)
    {
      SbEntity *actor = g_ptr_array_index (named, i);
      /* TRANSLATORS: a menu item: "Add to “Wagner group”" */
      g_autofree char *label = g_strdup_printf (_("Add to “%s”"), sb_entity_get_label (actor));
      g_autoptr(GMenuItem) item = NULL;

      if (actor == selected)
        continue;
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "cite.add-to", "s", sb_entity_get_id (actor));
      g_menu_append_item (more, item);
    }

  if (SB_IS_ACTOR (selected))
    {
      GPtrArray *relations = sb_actor_get_relations (SB_ACTOR (selected));

      for (guint i = 0; i < relations->len; i++)
        {
          SbRelation *relation = g_ptr_array_index (relations, i);
          g_autofree char *label = NULL;
          g_autoptr(GMenuItem) item = NULL;

          if (!g_ptr_array_find (named, relation->target, NULL) &&
              relation->evidence.citations != NULL && relation->evidence.citations->len > 0)
            continue;
          /* TRANSLATORS: a menu item citing for a relation of the actor shown: "Add to Relation “Contracted by Malian junta”" */
          label = g_strdup_printf (_("Add to Relation “%s %s”"), sb_format_relation_type (relation->type),
                                   sb_entity_get_label (SB_ENTITY (relation->target)));
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "cite.add-relation", "u", i);
          g_menu_append_item (more, item);
        }
    }
}

static void
rebuild_menu (SbSourceCiter *self)
{
  g_autoptr(GMenu) items = g_menu_new ();
  g_autoptr(GMenu) figures = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GPtrArray) actors = NULL;
  SbEntity *selected = sb_selection_get_selected (self->selection);
  gboolean offered = offer_applies (self);
  const SbGazetteerEntry *origin = NULL, *destination = NULL;
  gboolean can_cite;
  int start = 0, end = 0;

  can_cite = selected_range (self, &start, &end);
  for (guint i = 0; i < 4; i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                              i == 0 ? "new" : i == 1 ? "figure" :
                                                                              i == 2 ? "add" : "menu")),
                                 can_cite && (i != 2 || add_target (self) != NULL));
  g_menu_remove_all (self->menu);
  if (!can_cite)
    return;
  selected_route (self, &origin, &destination);

  /* A source shown after a statement: adding to the statement is what
   * the passage was looked for, and comes first.
   */
  if (SB_IS_SOURCE (selected) && add_target (self) != NULL)
    {
      g_autoptr(GMenu) corroborate = g_menu_new ();
      /* TRANSLATORS: a menu item: "Add to “Wagner in Mali”" */
      g_autofree char *label = g_strdup_printf (_("Add to “%s”"), sb_entity_get_label (add_target (self)));

      g_menu_append (corroborate, label, "cite.add");
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (corroborate));
    }

  for (SbItemKind kind = SB_ITEM_KIND_INCIDENT; ; kind = kind == SB_ITEM_KIND_INCIDENT ? SB_ITEM_KIND_DEPLOYMENT :
                                                         kind == SB_ITEM_KIND_DEPLOYMENT ? SB_ITEM_KIND_MOVEMENT :
                                                         SB_ITEM_KIND_AREA)
    {
      g_autofree char *detailed = g_strdup_printf ("cite.new::%s", kind_name (kind));
      g_autofree char *label = NULL;

      if (kind == SB_ITEM_KIND_MOVEMENT)
        label = new_label (kind, destination ? destination->name : NULL, origin ? origin->name : NULL);
      else
        label = new_label (kind, offered && self->offer_place ? self->offer_place->name : NULL, NULL);

      g_menu_append (items, label, detailed);
      if (kind == SB_ITEM_KIND_AREA)
        break;
    }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (items));

  actors = figure_actors (self, start, end);
  for (guint i = 0; i < actors->len; i++)
    {
      SbEntity *actor = g_ptr_array_index (actors, i);
      /* TRANSLATORS: a menu item: "Figure of “Wagner group”" */
      g_autofree char *label = g_strdup_printf (_("Figure of “%s”"), sb_entity_get_label (actor));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "cite.figure", "s", sb_entity_get_id (actor));
      g_menu_append_item (figures, item);
    }
  if (actors->len > 0)
    g_menu_append_section (self->menu, NULL, G_MENU_MODEL (figures));

  if (sb_cite_can_cite (selected))
    {
      /* TRANSLATORS: a menu item: "Add to “Wagner in Mali”" */
      g_autofree char *label = g_strdup_printf (_("Add to “%s”"), sb_entity_get_label (selected));

      g_menu_append (more, label, "cite.add");
    }
  append_more_citations (self, more, actors);
  if (g_menu_model_get_n_items (G_MENU_MODEL (more)) > 0)
    g_menu_append_section (self->menu, NULL, G_MENU_MODEL (more));
}

/* Where the Cite button goes: under the selection's end, in the text's
 * own coordinates, so that it scrolls with the passage.
 */
static gboolean
bubble_position (SbSourceCiter *self,
                 int           *x,
                 int           *y)
{
  GtkTextIter start, end;
  GdkRectangle rect, visible;
  int width, height;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return FALSE;
  gtk_text_view_get_iter_location (self->view, &end, &rect);
  gtk_text_view_get_visible_rect (self->view, &visible);
  gtk_widget_measure (self->bubble, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (self->bubble, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  *x = CLAMP (rect.x - width / 2, visible.x, MAX (visible.x, visible.x + visible.width - width - 8));
  /* Under the passage, or at the edge of the text shown when the passage
   * is scrolled away (Ctrl+Alt+C from elsewhere): the menu opens in view.
   */
  *y = CLAMP (rect.y + rect.height + 4, visible.y, MAX (visible.y, visible.y + visible.height - height - 4));
  return TRUE;
}

static void
update_bubble (SbSourceCiter *self)
{
  int start, end, x, y;

  /* Shown first: a hidden button measures 0 wide, and would be placed
   * with its end past the edge of the text.
   */
  if (!selected_range (self, &start, &end) || start == end)
    {
      hide_bubble (self);
      return;
    }
  gtk_widget_set_visible (self->bubble, TRUE);
  /* A name's tooltip lay over the Cite button and its menu, and the menu
   * now and then did not open at the first click: with a passage to
   * cite, the names say nothing.
   */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), FALSE);
  if (!bubble_position (self, &x, &y))
    {
      hide_bubble (self);
      return;
    }
  gtk_text_view_move_overlay (self->view, self->bubble, x, y);
}

/* The passage selected stays selected when anything else selects text,
 * another program or a field of this window: GTK's own PRIMARY
 * selection deselects the text as soon as PRIMARY is taken (the X11
 * convention), and the person about to cite would cite nothing, or the
 * sentence of a name next to the caret. The passage is still put on
 * PRIMARY, for middle-click pasting; only losing it changes nothing.
 */
static void
on_view_realize (SbSourceCiter *self)
{
  if (self->own_primary)
    return;
  gtk_text_buffer_remove_selection_clipboard (self->buffer, gtk_widget_get_primary_clipboard (GTK_WIDGET (self->view)));
  self->own_primary = TRUE;
}

/* Before the text view's own unrealize, which removes GTK's PRIMARY. */
static void
on_view_unrealize (SbSourceCiter *self)
{
  if (!self->own_primary)
    return;
  gtk_text_buffer_add_selection_clipboard (self->buffer, gtk_widget_get_primary_clipboard (GTK_WIDGET (self->view)));
  self->own_primary = FALSE;
}

static void
put_on_primary (SbSourceCiter *self)
{
  g_autofree char *text = NULL;
  GtkTextIter from, to;

  if (!self->own_primary || !gtk_text_buffer_get_selection_bounds (self->buffer, &from, &to))
    return;
  text = gtk_text_buffer_get_text (self->buffer, &from, &to, FALSE);
  gdk_clipboard_set_text (gtk_widget_get_primary_clipboard (GTK_WIDGET (self->view)), text);
}

static void
on_mark_set (SbSourceCiter *self,
             GtkTextIter   *location,
             GtkTextMark   *mark)
{
  if (mark != gtk_text_buffer_get_insert (self->buffer) && mark != gtk_text_buffer_get_selection_bound (self->buffer))
    return;
  put_on_primary (self);
  rebuild_menu (self);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SbSourceCiter   *self)
{
  GtkTextIter iter;
  int bx, by;

  if (gtk_text_buffer_get_has_selection (self->buffer))
    {
      update_bubble (self);
      return;
    }

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (n_press != 1 || !gtk_text_view_get_iter_at_location (self->view, &iter, bx, by))
    return;
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      if (gtk_text_iter_get_offset (&iter) >= mark->start && gtk_text_iter_get_offset (&iter) < mark->end)
        {
          sb_source_citer_offer_mark (self, i);
          return;
        }
    }
}

/* A press inside the passage selected starts a new selection there, as
 * in a reader, not a drag of the text: GtkTextView drags a selection
 * pressed in, and the source is there to read and cite, not to drop
 * elsewhere. Before the text view's own gesture sees it (in the capture
 * phase), the selection goes and the caret is put where the press was.
 * Shift extends the selection as ever; a secondary click keeps it for
 * the context menu's Cite; a press on the Cite button over the text
 * opens its menu, the selection kept.
 */
static void
on_capture_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SbSourceCiter   *self)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked;
  GtkTextIter iter, start, end;
  int bx, by;

  if (view == NULL)
    return;
  /* The Cite button over the text: the press is its own. Left to go on,
   * the text view's click took it on its way back up, cleared the
   * selection and denied the button (the hand-run's Cite did nothing).
   */
  picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  if (picked != NULL && (picked == self->bubble || gtk_widget_is_ancestor (picked, self->bubble)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (n_press == 1)
        gtk_menu_button_popup (GTK_MENU_BUTTON (self->bubble));
      return;
    }
  if (n_press != 1 || (state & GDK_SHIFT_MASK) != 0)
    return;
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) && gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/* The text's context menu at (@x, @y) of the view: what text that cannot
 * be changed offers, not GtkTextView's Cut, Paste, Delete, Undo and Redo.
 */
static void
popup_context_menu (SbSourceCiter *self,
                    double         x,
                    double         y)
{
  hide_bubble (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_context_pressed (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SbSourceCiter   *self)
{
  GtkTextIter iter, start, end;
  int bx, by;

  if (self->view == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* As in any text: a click outside the selection puts the caret there;
   * inside, the passage stays selected to copy or cite.
   */
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) || !gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (self->buffer, &iter);
  popup_context_menu (self, x, y);
}

/* Shift+F10 and the Menu key: the same menu, at the caret. */
static gboolean
on_context_key (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SbSourceCiter *self = user_data;
  GdkRectangle caret;
  int x, y;

  if (self->view == NULL)
    return FALSE;
  gtk_text_view_get_cursor_locations (self->view, NULL, &caret, NULL);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, caret.x, caret.y + caret.height, &x, &y);
  popup_context_menu (self, x, y);
  return TRUE;
}

static void
on_key_released (SbSourceCiter *self)
{
  /* A selection made with Shift and the arrows gets its button too. */
  if (gtk_text_buffer_get_has_selection (self->buffer))
    update_bubble (self);
  else
    hide_bubble (self);
}

/* A statement or actor chosen is remembered while a source is shown after
 * it (by the sidebar, a search, a link): the source's passages can be
 * added to it. Anything else chosen, or nothing, forgets it.
 */
static void
on_selected (SbSourceCiter *self)
{
  SbEntity *selected = sb_selection_get_selected (self->selection);

  if (SB_IS_SOURCE (selected))
    {
      /* Shown already (the pane shows a source chosen anew before or after
       * this): its menu now adds to the statement. Another source is not
       * shown yet, and the one shown may be gone with its briefing.
       */
      if (SB_SOURCE (selected) == self->source && self->view != NULL)
        rebuild_menu (self);
      return;
    }
  g_clear_object (&self->statement);
  if (SB_IS_ITEM (selected) || SB_IS_ACTOR (selected))
    self->statement = g_object_ref (selected);
}

static void
on_has_selection (SbSourceCiter *self)
{
  if (!gtk_text_buffer_get_has_selection (self->buffer))
    hide_bubble (self);
}

static gboolean
on_query_tooltip (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  SbSourceCiter *self)
{
  GtkTextIter iter;
  int bx, by, offset;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (self->view, &iter, bx, by))
        return FALSE;
    }
  offset = gtk_text_iter_get_offset (&iter);

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      g_autofree char *text = NULL;

      if (offset < mark->start || offset >= mark->end)
        continue;
      if (mark->actor != NULL)
        /* TRANSLATORS: a tooltip over an actor's name in the source text */
        text = g_strdup_printf (_("%s — choose to cite the sentence about this actor"),
                                sb_entity_get_label (SB_ENTITY (mark->actor)));
      else
        /* TRANSLATORS: a tooltip over a place name in the source text */
        text = g_strdup_printf (_("%s — choose to cite the sentence with this place"), mark->place->name);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  return FALSE;
}

static void
sb_source_citer_dispose (GObject *object)
{
  SbSourceCiter *self = SB_SOURCE_CITER (object);

  sb_source_citer_shutdown (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->statement);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  if (self->marks != NULL)
    {
      for (guint i = 0; i < self->marks->len; i++)
        clear_mark (&g_array_index (self->marks, Mark, i));
      g_clear_pointer (&self->marks, g_array_unref);
    }
  clear_offer (self);

  G_OBJECT_CLASS (sb_source_citer_parent_class)->dispose (object);
}

static void
sb_source_citer_class_init (SbSourceCiterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sb_source_citer_dispose;

  /**
   * SbSourceCiter::cited:
   * @entity: what the citation made or went to
   * @open: whether it is new and wants its card opened to edit
   */
  signals[CITED] =
    g_signal_new ("cited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SB_TYPE_ENTITY, G_TYPE_BOOLEAN);
}

static void
sb_source_citer_init (SbSourceCiter *self)
{
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  self->menu = g_menu_new ();
  self->offer_start = self->offer_end = -1;
}

/**
 * sb_source_citer_shutdown:
 *
 * Lets go of the text view before it goes: what the detail pane does
 * when it is disposed.
 */
void
sb_source_citer_shutdown (SbSourceCiter *self)
{
  g_return_if_fail (SB_IS_SOURCE_CITER (self));

  if (self->view == NULL)
    return;
  hide_bubble (self);
  on_view_unrealize (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  /* Its action calls back here: it goes before this does. */
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->shortcuts);
  self->shortcuts = NULL;
  /* So are the actions of its menus. */
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "cite", NULL);
  g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_signal_handlers_disconnect_by_data (self->view, self);
  self->bubble = NULL;
  self->view = NULL;
  self->buffer = NULL;
}

static gboolean
on_cite_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SbSourceCiter *self = user_data;
  int start, end;

  if (self->view == NULL || !gtk_widget_is_drawable (GTK_WIDGET (self->view)))
    return FALSE;
  /* Away from the text, only a passage selected in it is cited. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)) && !selected_range (self, &start, &end))
    return FALSE;
  sb_source_citer_open_menu (self);
  return TRUE;
}

static const GActionEntry action_entries[] = {
  { "new", new_action, "s", NULL, NULL, { 0 } },
  { "figure", figure_action, "s", NULL, NULL, { 0 } },
  { "add", add_action, NULL, NULL, NULL, { 0 } },
  { "add-to", add_to_action, "s", NULL, NULL, { 0 } },
  { "add-relation", add_relation_action, "u", NULL, NULL, { 0 } },
  { "menu", menu_action, NULL, NULL, NULL, { 0 } },
};

/**
 * sb_source_citer_new:
 * @view: the source pane's text view, which holds a source's text as it is
 *
 * Returns: (transfer full): what cites from @view
 */
SbSourceCiter *
sb_source_citer_new (GtkTextView *view,
                     SbSelection *selection)
{
  SbSourceCiter *self;
  g_autoptr(GMenu) extra = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (SB_IS_SELECTION (selection), NULL);

  self = g_object_new (SB_TYPE_SOURCE_CITER, NULL);
  self->view = view;
  self->buffer = gtk_text_view_get_buffer (view);
  self->selection = g_object_ref (selection);
  g_signal_connect_swapped (selection, "notify::selected", G_CALLBACK (on_selected), self);
  on_selected (self);

  /* A tint, not an underline: GTK 4.8's renderer drops a thin
   * underline on every other line of a paragraph (where the line's
   * baseline falls between pixels), so every other name went unmarked.
   */
  self->place_tag = gtk_text_buffer_create_tag (self->buffer, "place-name",
                                                "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.22 },
                                                NULL);
  self->actor_tag = gtk_text_buffer_create_tag (self->buffer, "actor-name",
                                                "background-rgba", &(GdkRGBA) { 0.57, 0.25, 0.67, 0.22 },
                                                NULL);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries, G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "cite", G_ACTION_GROUP (self->actions));

  g_menu_append_submenu (section, _("C_ite"), G_MENU_MODEL (self->menu));
  g_menu_append_section (extra, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (extra));

  /* The Cite button under a selection: the text view places it, and it
   * opens the menu that the context menu and Ctrl+Alt+C open too.
   */
  self->bubble = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->bubble), _("Cite"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->bubble), G_MENU_MODEL (self->menu));
  gtk_widget_set_tooltip_text (self->bubble, _("Cite the Selected Passage (Ctrl+Alt+C)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bubble),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cite the Selected Passage"), -1);
  sb_accessible_name_menu (GTK_MENU_BUTTON (self->bubble), _("Cite"));
  gtk_widget_add_css_class (self->bubble, "cite-bubble");
  gtk_widget_add_css_class (self->bubble, "osd");
  gtk_widget_set_visible (self->bubble, FALSE);
  gtk_text_view_add_overlay (view, self->bubble, 0, 0);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  g_signal_connect (controller, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "sb-new-selection");
  g_signal_connect (controller, "pressed", G_CALLBACK (on_capture_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  /* The text's context menu, by a secondary click and by key, before the
   * text view's own.
   */
  {
    g_autoptr(GMenu) context = g_menu_new ();
    g_autoptr(GMenu) clipboard = g_menu_new ();
    g_autoptr(GMenu) cite = g_menu_new ();

    g_menu_append (clipboard, _("_Copy"), "clipboard.copy");
    g_menu_append (clipboard, _("Select _All"), "selection.select-all");
    g_menu_append_section (context, NULL, G_MENU_MODEL (clipboard));
    g_menu_append_submenu (cite, _("C_ite"), G_MENU_MODEL (self->menu));
    g_menu_append_section (context, NULL, G_MENU_MODEL (cite));
    self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (context));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->context_menu),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy or Cite"), -1);
    gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
    gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
    gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    gtk_widget_set_parent (self->context_menu, GTK_WIDGET (view));
  }
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "sb-context-menu");
  g_signal_connect (controller, "pressed", G_CALLBACK (on_context_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (on_context_key, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                          gtk_callback_action_new (on_context_key, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  /* In the whole window: the passage stays selected while the focus is
   * on the card or the map, and Ctrl+Alt+C still cites it.
   */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK),
                               gtk_callback_action_new (on_cite_shortcut, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
  self->shortcuts = controller;

  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);
  g_signal_connect (view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_swapped (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self);
  g_signal_connect_swapped (self->buffer, "notify::has-selection", G_CALLBACK (on_has_selection), self);
  g_signal_connect_data (view, "realize", G_CALLBACK (on_view_realize), self, NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (view, "unrealize", G_CALLBACK (on_view_unrealize), self);
  if (gtk_widget_get_realized (GTK_WIDGET (view)))
    on_view_realize (self);

  rebuild_menu (self);
  return self;
}

void
sb_source_citer_set_document (SbSourceCiter *self,
                              SbDocument    *document)
{
  g_return_if_fail (SB_IS_SOURCE_CITER (self));

  g_set_object (&self->document, document);
  /* Text to cite from is read with a caret that the keyboard moves. */
  if (self->view != NULL)
    gtk_text_view_set_cursor_visible (self->view, document != NULL);
  rebuild_menu (self);
}

static void
add_mark (SbSourceCiter *self,
          const char    *text,
          SbNameMatch   *match,
          SbActor       *actor,
          SbGazetteerEntry *place)
{
  Mark mark = {
    .start = g_utf8_pointer_to_offset (text, text + match->start),
    .end = g_utf8_pointer_to_offset (text, text + match->end),
    .place = place,
    .actor = actor,
  };
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, mark.start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, mark.end);
  gtk_text_buffer_apply_tag (self->buffer, actor ? self->actor_tag : self->place_tag, &start, &end);
  g_array_append_val (self->marks, mark);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  return ((const Mark *) a)->start - ((const Mark *) b)->start;
}

/* The briefing's actors first, then its places, then the gazetteer's
 * places where they name nothing.
 */
static void
mark_names (SbSourceCiter *self)
{
  SbBriefing *briefing = briefing_of (self) ? briefing_of (self) : sb_selection_get_briefing (self->selection);
  const char *text = self->source ? sb_source_get_text (self->source) : NULL;
  g_autoptr(SbNameMatcher) own = sb_name_matcher_new (FALSE);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) places = NULL;
  GListModel *list;
  guint next = 0;

  if (text == NULL || briefing == NULL)
    return;

  list = sb_briefing_get_actors (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (list, i);

      sb_actor_names_add (own, actor, sb_gazetteer_get_default ());
    }
  found = sb_name_matcher_find (own, text);
  for (guint i = 0; i < found->len; i++)
    {
      SbNameMatch *match = &g_array_index (found, SbNameMatch, i);

      add_mark (self, text, match, match->data, NULL);
    }

  places = sb_gazetteer_find_mentions (sb_gazetteer_get_default (), text, briefing);
  for (guint i = 0; i < places->len; i++)
    {
      SbGazetteerMention *mention = g_ptr_array_index (places, i);
      SbNameMatch match = { mention->start, mention->end, NULL };
      gboolean overlaps = FALSE;

      while (next < found->len && g_array_index (found, SbNameMatch, next).end <= match.start)
        next++;
      overlaps = next < found->len && g_array_index (found, SbNameMatch, next).start < match.end;
      if (!overlaps)
        add_mark (self, text, &match, NULL, g_steal_pointer (&mention->entry));
    }
  g_array_sort (self->marks, compare_marks);
}

/**
 * sb_source_citer_set_source:
 * @source: (nullable): the source whose text the view now holds
 *
 * Marks the names it recognises in the text: call it each time the view's
 * text is set.
 */
void
sb_source_citer_set_source (SbSourceCiter *self,
                            SbSource      *source)
{
  GtkTextIter start, end;
  int n_tags;

  g_return_if_fail (SB_IS_SOURCE_CITER (self));

  self->source = source;
  for (guint i = 0; i < self->marks->len; i++)
    clear_mark (&g_array_index (self->marks, Mark, i));
  g_array_set_size (self->marks, 0);
  clear_offer (self);
  if (self->view == NULL)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->place_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->actor_tag, &start, &end);
  /* Over the cited passages' highlight, so a name stays marked in them. */
  n_tags = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (self->buffer));
  gtk_text_tag_set_priority (self->place_tag, n_tags - 1);
  gtk_text_tag_set_priority (self->actor_tag, n_tags - 1);
  mark_names (self);
  hide_bubble (self);
  rebuild_menu (self);
}

guint
sb_source_citer_get_n_marks (SbSourceCiter *self)
{
  g_return_val_if_fail (SB_IS_SOURCE_CITER (self), 0);

  return self->marks->len;
}

/* How long the menu waits for its button to be placed, in time, not
 * frames: on a loaded machine laying out the text and sliding the details
 * in take seconds, however many frames are drawn meanwhile.
 */
#define POPUP_WAIT_US (10 * G_USEC_PER_SEC)

/* The menu opens once its button is laid out under the selection: a
 * popover anchored to a button not yet placed would have no monitor.
 */
static gboolean
popup_when_placed (GtkWidget     *bubble,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 *since = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  GtkWidget *view = gtk_widget_get_ancestor (bubble, GTK_TYPE_TEXT_VIEW);
  graphene_point_t point;

  if (*since == 0)
    *since = now;
  if (!gtk_widget_get_visible (bubble) || view == NULL || now - *since > POPUP_WAIT_US)
    return G_SOURCE_REMOVE;
  /* Where the text shows it, too. */
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (bubble));
  graphene_point_t in_root;

  if (!gtk_widget_get_mapped (bubble) || gtk_widget_get_width (bubble) <= 0 ||
      !gtk_widget_compute_point (bubble, view, &GRAPHENE_POINT_INIT (0, 0), &point) ||
      point.y < 0 || point.y + gtk_widget_get_height (bubble) > gtk_widget_get_height (view))
    return G_SOURCE_CONTINUE;
  /* Nor while the details still slide in, partly past the window's edge. */
  if (root == NULL || !gtk_widget_compute_point (bubble, root, &GRAPHENE_POINT_INIT (0, 0), &in_root) ||
      in_root.x < 0 || in_root.x + gtk_widget_get_width (bubble) > gtk_widget_get_width (root))
    return G_SOURCE_CONTINUE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (bubble));
  return G_SOURCE_REMOVE;
}

static void
popup_menu (SbSourceCiter *self)
{
  update_bubble (self);
  if (gtk_widget_get_visible (self->bubble))
    gtk_widget_add_tick_callback (self->bubble, popup_when_placed, g_new0 (gint64, 1), g_free);
}

/**
 * sb_source_citer_get_menu:
 *
 * Returns: (transfer none): what Cite offers for the selection now
 */
GMenuModel *
sb_source_citer_get_menu (SbSourceCiter *self)
{
  g_return_val_if_fail (SB_IS_SOURCE_CITER (self), NULL);

  return G_MENU_MODEL (self->menu);
}

/**
 * sb_source_citer_offer_mark:
 * @position: which recognised name, in text order
 *
 * Selects the sentence around the name and offers to cite it with that
 * place or actor filled in.
 *
 * Returns: whether there was a sentence to offer
 */
gboolean
sb_source_citer_offer_mark (SbSourceCiter *self,
                            guint          position)
{
  const char *text;
  Mark *mark;
  gsize start, end;
  GtkTextIter from, to;

  g_return_val_if_fail (SB_IS_SOURCE_CITER (self), FALSE);
  g_return_val_if_fail (position < self->marks->len, FALSE);

  if (self->view == NULL || self->source == NULL || briefing_of (self) == NULL)
    return FALSE;

  mark = &g_array_index (self->marks, Mark, position);
  text = sb_source_get_text (self->source);
  sb_cite_sentence_around (text,
                           g_utf8_offset_to_pointer (text, mark->start) - text,
                           g_utf8_offset_to_pointer (text, mark->end) - text,
                           &start, &end);

  clear_offer (self);
  self->offer_start = g_utf8_pointer_to_offset (text, text + start);
  self->offer_end = g_utf8_pointer_to_offset (text, text + end);
  self->offer_actor = mark->actor;
  self->offer_place = mark->place ? sb_gazetteer_entry_copy (mark->place) : NULL;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &from, self->offer_start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &to, self->offer_end);
  gtk_text_buffer_select_range (self->buffer, &from, &to);
  rebuild_menu (self);
  popup_menu (self);
  return TRUE;
}

/**
 * sb_source_citer_open_menu:
 *
 * Opens Cite's menu at the selection; with none, on a recognised name
 * at the caret, offers that name's sentence.
 *
 * Returns: whether there was something to cite
 */
gboolean
sb_source_citer_open_menu (SbSourceCiter *self)
{
  GtkTextIter caret;
  int start, end;

  g_return_val_if_fail (SB_IS_SOURCE_CITER (self), FALSE);

  if (self->view == NULL)
    return FALSE;
  if (selected_range (self, &start, &end))
    {
      rebuild_menu (self);
      popup_menu (self);
      return TRUE;
    }

  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      if (gtk_text_iter_get_offset (&caret) >= mark->start && gtk_text_iter_get_offset (&caret) <= mark->end)
        return sb_source_citer_offer_mark (self, i);
    }

  gtk_widget_error_bell (GTK_WIDGET (self->view));
  return FALSE;
}
