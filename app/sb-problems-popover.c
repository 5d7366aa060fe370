/* sb-problems-popover.c
 *
 * The Problems list, under a button of the header bar. Each row says in
 * words what a problem is about and what is wrong, with the JSON path of
 * the file as it would be saved below it (and what `--check` prints in its
 * tooltip); choosing a row selects the entity, which the map, the card and
 * the source then show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-problems-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-actor.h"
#include "sb-format.h"
#include "sb-item.h"
#include "sb-place.h"
#include "sb-problems-popover.h"
#include "sb-source.h"
#include "sb-step.h"

struct _SbProblemsPopover
{
  GtkPopover parent_instance;

  GtkLabel *heading;
  GtkListBox *list;

  SbSelection *selection;
  SbChecker *checker;
};

G_DEFINE_FINAL_TYPE (SbProblemsPopover, sb_problems_popover, GTK_TYPE_POPOVER)

/* A problem of the briefing's own fields, which Briefing Details edits. */
static gboolean
is_about_details (SbCheckerProblem *problem)
{
  static const char * const fields[] = { "title", "subtitle", "description", "language", "date", "authors" };
  const SbProblem *found = sb_checker_problem_get_problem (problem);

  if (sb_checker_problem_get_entity (problem) != NULL || found->path == NULL || !g_str_has_prefix (found->path, "$."))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *rest = found->path + 2;
      gsize length = strlen (fields[i]);

      if (strncmp (rest, fields[i], length) == 0 && (rest[length] == '\0' || rest[length] == '.' || rest[length] == '['))
        return TRUE;
    }

  return FALSE;
}

/* The last member a path names: "$.incidents[0].citations[1].quote" → "quote". */
static char *
last_member (const char *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot == NULL)
    return NULL;

  return g_strndup (dot + 1, strcspn (dot + 1, "["));
}

/* A field of the format in words, for "no %s" and "empty %s". */
static const char *
field_in_words (const char *member)
{
  static const struct { const char *member; const char *words; } fields[] = {
    { "title", N_("title") },
    { "subtitle", N_("subtitle") },
    { "description", N_("description") },
    { "summary", N_("summary") },
    { "caption", N_("caption") },
    { "notes", N_("notes") },
    { "names", N_("name") },
    { "name", N_("name") },
    { "text", N_("text") },
    { "date", N_("date") },
    { "place", N_("place") },
    { "places", N_("place") },
    { "actors", N_("actor") },
    { "actor", N_("actor") },
    { "source", N_("source") },
    { "quote", N_("quote") },
    { "kind", N_("kind") },
    { "type", N_("type") },
    { "status", N_("status") },
    { "certainty", N_("certainty") },
    { "language", N_("language") },
    { "publisher", N_("publisher") },
    { "value", N_("value") },
    { "unit", N_("unit") },
    { "coordinates", N_("position") },
    { "lat", N_("latitude") },
    { "lon", N_("longitude") },
  };

  for (guint i = 0; member != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (member, fields[i].member) == 0)
      return _(fields[i].words);

  return NULL;
}

/* What the problem is about, in words: "Incident “Convoy ambushed near Djibo”". */
static char *
describe_subject (SbEntity *entity)
{
  /* A statement without a title yet by what, where and when, not its id. */
  g_autofree char *label = entity == NULL ? NULL
                           : SB_IS_ITEM (entity) ? sb_format_item_name (SB_ITEM (entity))
                           : g_strdup (sb_entity_get_label (entity));

  if (entity == NULL)
    return g_strdup (_("The briefing"));
  if (SB_IS_ITEM (entity))
    {
      switch (sb_item_get_kind (SB_ITEM (entity)))
        {
        case SB_ITEM_KIND_DEPLOYMENT:
          return g_strdup_printf (_("Deployment “%s”"), label);
        case SB_ITEM_KIND_MOVEMENT:
          return g_strdup_printf (_("Movement “%s”"), label);
        case SB_ITEM_KIND_INCIDENT:
          return g_strdup_printf (_("Incident “%s”"), label);
        case SB_ITEM_KIND_AREA:
        default:
          return g_strdup_printf (_("Area “%s”"), label);
        }
    }
  if (SB_IS_ACTOR (entity))
    return g_strdup_printf (_("Actor “%s”"), label);
  if (SB_IS_SOURCE (entity))
    return g_strdup_printf (_("Source “%s”"), label);
  if (SB_IS_PLACE (entity))
    return g_strdup_printf (C_("what a problem is about", "Place “%s”"), label);
  if (SB_IS_STEP (entity))
    return g_strdup_printf (_("Step “%s”"), label);

  return g_strdup_printf ("“%s”", label);
}

/* The source a quote problem names: the message gives its id. */
static SbSource *
find_named_source (SbBriefing  *briefing,
                   const char  *message,
                   const char **after)
{
  GListModel *sources = briefing ? sb_briefing_get_sources (briefing) : NULL;
  SbSource *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; sources != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);
      const char *id = sb_entity_get_id (SB_ENTITY (source));
      const char *at = strstr (message, id);

      /* The longest id found: "gao" must not win over "gao-report". */
      if (at != NULL && strlen (id) > best_length)
        {
          best = source;
          best_length = strlen (id);
          *after = at + best_length;
        }
    }

  return best;
}

/* No passage cited, said of what lacks it: a statement, an actor, a
 * figure or a relation ("$.actors[2].figures[0].citations").
 */
static const char *
no_citation (const char *path)
{
  g_autofree char *owner_path = NULL;
  g_autofree char *owner = NULL;
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot != NULL)
    {
      owner_path = g_strndup (path, dot - path);
      owner = last_member (owner_path);
    }
  if (g_strcmp0 (owner, "actors") == 0)
    return _("no passage cited: an actor names the passage that tells of it");
  if (g_strcmp0 (owner, "figures") == 0)
    return _("no passage cited: a figure names the passage it comes from");
  if (g_strcmp0 (owner, "relations") == 0)
    return _("no passage cited: a relation names the passage that states it");
  if (g_strcmp0 (owner, "steps") == 0)
    return _("no passage cited: a step names the passage it shows");
  return _("no passage cited: every statement names the passage it comes from");
}

/* What is wrong, in words: "its quote is not in the source “…”". */
static char *
describe_problem (const SbProblem *problem,
                  SbBriefing      *briefing)
{
  g_autofree char *member = last_member (problem->path);
  const char *field = field_in_words (member);

  switch ((int)problem->code)
    {
    case SB_PROBLEM_MISSING_FIELD:
      if (g_strcmp0 (member, "citations") == 0)
        return g_strdup (no_citation (problem->path));
      if (field != NULL)
        /* TRANSLATORS: a required field missing: "no description" */
        return g_strdup_printf (_("no %s"), field);
      break;

    case SB_PROBLEM_EMPTY_TEXT:
      if (field != NULL)
        /* TRANSLATORS: a text field left empty: "empty title" */
        return g_strdup_printf (_("empty %s"), field);
      break;

    case SB_PROBLEM_QUOTE_NOT_FOUND:
      {
        const char *after = NULL;
        SbSource *source = find_named_source (briefing, problem->message, &after);
        const char *why = after ? strstr (after, ": ") : NULL;

        if (source == NULL)
          return g_strdup (_("its quote is not in the source it names"));
        if (why != NULL)
          return g_strdup_printf (_("its quote is not in the source “%s”: %s"),
                                  sb_entity_get_label (SB_ENTITY (source)), why + 2);
        return g_strdup_printf (_("its quote is not in the source “%s”"),
                                sb_entity_get_label (SB_ENTITY (source)));
      }

    case SB_PROBLEM_UNKNOWN_REFERENCE:
      return g_strdup_printf (_("a reference to what is not in the briefing: %s"), problem->message);

    default:
      break;
    }

  /* TRANSLATORS: a field, then what is wrong with it: "date: …" */
  if (field != NULL)
    return g_strdup_printf (_("%s: %s"), field, problem->message);

  return g_strdup (problem->message);
}

/**
 * sb_problems_popover_describe:
 * @problem: a problem the checker found
 * @briefing: (nullable): the briefing it was found in
 *
 * Returns: (transfer full): the problem in words, naming what it is about
 *   and what is wrong: "Incident “Convoy ambushed near Djibo”: its quote
 *   is not in the source “…”"
 */
char *
sb_problems_popover_describe (SbCheckerProblem *problem,
                              SbBriefing       *briefing)
{
  g_autofree char *subject = NULL;
  g_autofree char *wrong = NULL;

  g_return_val_if_fail (SB_IS_CHECKER_PROBLEM (problem), NULL);

  subject = describe_subject (sb_checker_problem_get_entity (problem));
  wrong = describe_problem (sb_checker_problem_get_problem (problem), briefing);

  /* TRANSLATORS: what a problem is about, then what is wrong with it */
  return g_strdup_printf (_("%s: %s"), subject, wrong);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SbProblemsPopover *self = user_data;
  SbCheckerProblem *problem = item;
  const SbProblem *found = sb_checker_problem_get_problem (problem);
  SbEntity *entity = sb_checker_problem_get_entity (problem);
  g_autofree char *sentence = sb_problems_popover_describe (problem, self->selection ? sb_selection_get_briefing (self->selection) : NULL);
  g_autofree char *line = sb_checker_problem_to_string (problem);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (sentence);
  GtkWidget *text = gtk_label_new (found->path ? found->path : sb_problem_code_to_nick (found->code));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, "caption");
  gtk_widget_add_css_class (text, "monospace");
  gtk_widget_add_css_class (text, "dim-label");
  /* The file's own words stay at hand: --check prints them. */
  gtk_widget_set_tooltip_text (text, line);
  /* Measured no wider than the popover, the rows are as tall as they
   * wrap: the list's height propagates to the popover whole.
   */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 44);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 48);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), entity != NULL || is_about_details (problem));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line,
                                  -1);
  return row;
}

static void
update_heading (SbProblemsPopover *self)
{
  guint n = self->checker ? g_list_model_get_n_items (sb_checker_get_problems (self->checker)) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No Problems"));
  else
    text = g_strdup_printf (ngettext ("%u Problem", "%u Problems", n), n);

  gtk_label_set_text (self->heading, text);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

static void
on_row_activated (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  SbProblemsPopover *self)
{
  g_autoptr(SbCheckerProblem) problem = NULL;
  SbEntity *entity;
  SbBriefing *briefing;

  if (self->checker == NULL || self->selection == NULL)
    return;

  problem = g_list_model_get_item (sb_checker_get_problems (self->checker), gtk_list_box_row_get_index (row));
  entity = problem ? sb_checker_problem_get_entity (problem) : NULL;
  briefing = sb_selection_get_briefing (self->selection);

  if (problem != NULL && is_about_details (problem))
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-briefing", NULL);
      return;
    }

  /* The check may be older than the last edit: what it names may be gone. */
  if (entity == NULL || briefing == NULL ||
      sb_briefing_lookup (briefing, sb_entity_get_id (entity)) != entity)
    return;

  sb_selection_select (self->selection, entity);
  gtk_popover_popdown (GTK_POPOVER (self));
}

void
sb_problems_popover_set_selection (SbProblemsPopover *self,
                                   SbSelection       *selection)
{
  g_return_if_fail (SB_IS_PROBLEMS_POPOVER (self));

  g_set_object (&self->selection, selection);
}

/**
 * sb_problems_popover_set_checker:
 * @checker: (nullable): what checks the window's briefing
 */
void
sb_problems_popover_set_checker (SbProblemsPopover *self,
                                 SbChecker         *checker)
{
  g_return_if_fail (SB_IS_PROBLEMS_POPOVER (self));

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (sb_checker_get_problems (self->checker), self);
  g_set_object (&self->checker, checker);

  gtk_list_box_bind_model (self->list, checker ? sb_checker_get_problems (checker) : NULL,
                           create_row, self, NULL);
  if (checker != NULL)
    g_signal_connect_object (sb_checker_get_problems (checker), "items-changed",
                             G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);
  update_heading (self);
}

static void
sb_problems_popover_dispose (GObject *object)
{
  SbProblemsPopover *self = (SbProblemsPopover *)object;

  if (self->checker != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->checker);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sb_problems_popover_parent_class)->dispose (object);
}

static void
sb_problems_popover_class_init (SbProblemsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_problems_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-problems-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SbProblemsPopover, heading);
  gtk_widget_class_bind_template_child (widget_class, SbProblemsPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
sb_problems_popover_init (SbProblemsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_heading (self);
}

GtkWidget *
sb_problems_popover_new (void)
{
  return g_object_new (SB_TYPE_PROBLEMS_POPOVER, NULL);
}
