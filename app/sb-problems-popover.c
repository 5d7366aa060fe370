/* sb-problems-popover.c
 *
 * The Problems list, under a button of the header bar. Each row names the
 * entity a problem is about and says the problem as `--check` prints it,
 * with the JSON path of the file as it would be saved; choosing a row
 * selects the entity, which the map, the card and the source then show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-problems-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sb-problems-popover.h"

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

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SbCheckerProblem *problem = item;
  SbEntity *entity = sb_checker_problem_get_entity (problem);
  g_autofree char *line = sb_checker_problem_to_string (problem);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (entity ? sb_entity_get_label (entity) : _("The briefing"));
  GtkWidget *text = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, "caption");
  gtk_widget_add_css_class (text, "monospace");
  /* Measured no wider than the popover, the rows are as tall as they
   * wrap: the list's height propagates to the popover whole.
   */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
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
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (title)),
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
                           create_row, NULL, NULL);
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
