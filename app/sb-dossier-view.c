/* sb-dossier-view.c
 *
 * One actor's dossier, each entry of which can be chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-dossier-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-actor-chip.h"
#include "sb-changes.h"
#include "sb-dossier-view.h"
#include "sb-format.h"

struct _SbDossierView
{
  GtkWidget parent_instance;

  GtkWidget *back_button;
  GtkLabel *title;
  GtkBox *chip_box;
  GtkLabel *name;
  GtkLabel *kind;
  GtkLabel *aliases;
  GtkLabel *summary;
  GtkScrolledWindow *scroller;
  AdwPreferencesGroup *figures_group;
  AdwPreferencesGroup *relations_group;
  AdwPreferencesGroup *items_groups[SB_N_ITEM_KINDS];
  AdwPreferencesGroup *sources_group;

  SbSelection *selection;
  SbActor *actor;
  GPtrArray *rows;         /* every row added, to remove on rebuild */
  GHashTable *item_rows;   /* SbEntity → its row, to mark the selection */
};

G_DEFINE_FINAL_TYPE (SbDossierView, sb_dossier_view, GTK_TYPE_WIDGET)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_ENTITY_KEY "sb-entity"
#define ROW_CITATION_KEY "sb-citation"

static void
on_row_activated (AdwActionRow  *row,
                  SbDossierView *self)
{
  SbEntity *entity = g_object_get_data (G_OBJECT (row), ROW_ENTITY_KEY);
  SbCitation *citation = g_object_get_data (G_OBJECT (row), ROW_CITATION_KEY);

  if (citation != NULL)
    sb_selection_select_citation (self->selection, entity, citation);
  else
    sb_selection_select (self->selection, entity);
}

static void
on_source_clicked (GtkButton     *button,
                   SbDossierView *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  SbCitation *citation = g_object_get_data (G_OBJECT (button), ROW_CITATION_KEY);

  sb_selection_select_citation (self->selection, SB_ENTITY (self->actor), citation);
  gtk_widget_grab_focus (row);
}

/* Rows show text from the briefing: never interpreted as markup. */
static AdwActionRow *
add_row (SbDossierView       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         SbEntity            *entity,
         SbCitation          *citation)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  g_object_set_data (G_OBJECT (row), ROW_ENTITY_KEY, entity);
  if (citation != NULL)
    g_object_set_data_full (G_OBJECT (row), ROW_CITATION_KEY,
                            sb_citation_ref (citation), (GDestroyNotify) sb_citation_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);

  adw_preferences_group_add (group, row);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
  g_ptr_array_add (self->rows, row);

  return ADW_ACTION_ROW (row);
}

/* A figure or relation shows its own passage; a button says so. */
static void
add_source_button (SbDossierView *self,
                   AdwActionRow  *row,
                   SbCitation    *citation)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("sb-quote-symbolic");
  /* Said alone, one such button of a list is like the next: the name
   * says whose passage it shows.
   */
  g_autofree char *name = g_strdup_printf (_("Show the Source Passage of “%s”"),
                                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show the Source Passage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), ROW_CITATION_KEY,
                          sb_citation_ref (citation), (GDestroyNotify) sb_citation_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_source_clicked), self);
  adw_action_row_add_suffix (row, button);
}

static SbCitation *
first_citation (const SbEvidence *evidence)
{
  return evidence->citations->len > 0 ? g_ptr_array_index (evidence->citations, 0) : NULL;
}

static void
add_figures (SbDossierView *self)
{
  GPtrArray *figures = sb_actor_get_figures (self->actor);

  for (guint i = 0; i < figures->len; i++)
    {
      SbFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *value = sb_format_figure (figure);
      g_autofree char *evidence = sb_format_evidence (&figure->evidence);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      /* TRANSLATORS: a figure: "Strength: about 1,000, as of August 2022" */
      title = g_strdup_printf (_("%s: %s"), sb_format_figure_measure (figure->measure), value);
      subtitle = figure->label ? g_strdup_printf ("%s · %s", sb_text_get (figure->label), evidence)
                               : g_steal_pointer (&evidence);

      row = add_row (self, self->figures_group, title, subtitle,
                     SB_ENTITY (self->actor), first_citation (&figure->evidence));
      if (first_citation (&figure->evidence) != NULL)
        add_source_button (self, row, first_citation (&figure->evidence));
    }
}

/* Relations from both sides: those the actor states, and those others
 * state about it in the inverse wording.
 */
static void
add_relations (SbDossierView *self)
{
  g_autoptr(GArray) ends = sb_relations_of_actor (sb_selection_get_briefing (self->selection), self->actor);

  for (guint i = 0; i < ends->len; i++)
    {
      const SbRelationEnd *end = &g_array_index (ends, SbRelationEnd, i);
      const SbEvidence *evidence = &end->relation->evidence;
      g_autofree char *certainty = sb_format_evidence (evidence);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", sb_format_relation_end (end), certainty);
      AdwActionRow *row;

      row = add_row (self, self->relations_group, sb_entity_get_label (SB_ENTITY (end->other)),
                     subtitle, SB_ENTITY (end->other), NULL);
      adw_action_row_add_prefix (row, sb_actor_chip_new (end->other));
      if (first_citation (evidence) != NULL)
        add_source_button (self, row, first_citation (evidence));
    }
}

static void
add_items (SbDossierView *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GPtrArray *items = sb_briefing_get_items_for_actor (briefing, self->actor);

  /* In date order, as the briefing keeps them for each actor. */
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      SbItem *item = g_ptr_array_index (items, i);
      g_autofree char *subtitle = sb_format_item_subtitle_for (item, sb_selection_get_filter (self->selection));
      AdwActionRow *row;

      if (!sb_selection_item_is_visible (self->selection, item))
        continue;

      row = add_row (self, self->items_groups[sb_item_get_kind (item)],
                     sb_entity_get_label (SB_ENTITY (item)), subtitle, SB_ENTITY (item), NULL);
      g_hash_table_insert (self->item_rows, item, row);
    }

  /* The incidents it was the target of, said so. */
  {
    GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);

    for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
      {
        g_autoptr(SbItem) item = g_list_model_get_item (incidents, i);
        g_autofree char *subtitle = NULL;
        g_autofree char *targeted = NULL;
        AdwActionRow *row;

        if (!sb_item_targets_actor (item, self->actor) || !sb_selection_item_is_visible (self->selection, item))
          continue;

        subtitle = sb_format_item_subtitle_for (item, sb_selection_get_filter (self->selection));
        /* TRANSLATORS: in an actor's dossier, an incident it was the target of: "Target · Attack · 15 August 2022" */
        targeted = g_strdup_printf (_("Target · %s"), subtitle);
        row = add_row (self, self->items_groups[SB_ITEM_KIND_INCIDENT],
                       sb_entity_get_label (SB_ENTITY (item)), targeted, SB_ENTITY (item), NULL);
        g_hash_table_insert (self->item_rows, item, row);
      }
  }
}

static void
collect_sources (GPtrArray  *citations,
                 GHashTable *seen,
                 GPtrArray  *first_citations)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);

      if (g_hash_table_add (seen, citation->source))
        g_ptr_array_add (first_citations, citation);
    }
}

static void
add_sources (SbDossierView *self)
{
  SbBriefing *briefing = sb_selection_get_briefing (self->selection);
  GPtrArray *items = sb_briefing_get_items_for_actor (briefing, self->actor);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) citations = g_ptr_array_new ();

  collect_sources (sb_actor_get_citations (self->actor), seen, citations);
  for (guint i = 0; items != NULL && i < items->len; i++)
    collect_sources (sb_item_get_citations (g_ptr_array_index (items, i)), seen, citations);

  for (guint i = 0; i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);
      g_autofree char *line = sb_format_source_line (citation->source);

      add_row (self, self->sources_group, sb_entity_get_label (SB_ENTITY (citation->source)),
               line, SB_ENTITY (self->actor), citation);
    }
}

static void
update_current_row (SbDossierView *self)
{
  SbEntity *selected = self->selection ? sb_selection_get_selected (self->selection) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->item_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (key == (gpointer) selected)
        gtk_widget_add_css_class (value, "current");
      else
        gtk_widget_remove_css_class (value, "current");
    }
}

static void
rebuild (SbDossierView *self)
{
  g_autofree char *kind = NULL;
  const char * const *aliases;
  GtkWidget *child;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->item_rows);

  gtk_widget_set_visible (GTK_WIDGET (self->figures_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_group), FALSE);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->items_groups[i]), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box))) != NULL)
    gtk_box_remove (self->chip_box, child);

  if (self->actor == NULL || self->selection == NULL || sb_selection_get_briefing (self->selection) == NULL)
    {
      gtk_label_set_text (self->title, "");
      gtk_label_set_text (self->name, "");
      gtk_label_set_text (self->kind, "");
      gtk_label_set_text (self->summary, "");
      gtk_widget_set_visible (GTK_WIDGET (self->aliases), FALSE);
      return;
    }

  gtk_label_set_text (self->title, sb_entity_get_label (SB_ENTITY (self->actor)));
  gtk_label_set_text (self->name, sb_entity_get_label (SB_ENTITY (self->actor)));
  gtk_box_append (self->chip_box, sb_actor_chip_new (self->actor));

  if (sb_actor_get_affiliation (self->actor) != NULL)
    kind = g_strdup_printf ("%s · %s", sb_format_actor_kind (sb_actor_get_kind (self->actor)),
                            sb_text_get (sb_actor_get_affiliation (self->actor)));
  else
    kind = g_strdup (sb_format_actor_kind (sb_actor_get_kind (self->actor)));
  gtk_label_set_text (self->kind, kind);

  aliases = sb_actor_get_aliases (self->actor);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      /* TRANSLATORS: other names of an actor */
      g_autofree char *text = g_strdup_printf (_("Also known as %s"), joined);

      gtk_label_set_text (self->aliases, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases), aliases != NULL && aliases[0] != NULL);

  gtk_label_set_text (self->summary, sb_text_get (sb_actor_get_summary (self->actor)));
  gtk_widget_set_visible (GTK_WIDGET (self->summary), sb_actor_get_summary (self->actor) != NULL);

  add_figures (self);
  add_relations (self);
  add_items (self);
  add_sources (self);
  update_current_row (self);
}

/* Whether an edit changed what the dossier shows: the actor, its
 * statements, or the places and sources they name.
 */
static gboolean
shows_changes (SbDossierView *self,
               SbChanges     *changes)
{
  GPtrArray *lists[] = {
    sb_changes_get_inserted (changes),
    sb_changes_get_changed (changes),
    sb_changes_get_removed (changes),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        SbEntity *entity = g_ptr_array_index (lists[l], i);

        if (entity == SB_ENTITY (self->actor) || SB_IS_PLACE (entity) || SB_IS_SOURCE (entity) ||
            SB_IS_ACTOR (entity) ||
            (SB_IS_ITEM (entity) && (sb_item_involves_actor (SB_ITEM (entity), self->actor) ||
                                     sb_item_targets_actor (SB_ITEM (entity), self->actor) ||
                                     sb_changes_has_field (changes, entity, SB_ITEM_FIELD_ACTORS) ||
                                     sb_changes_has_field (changes, entity, SB_ITEM_FIELD_TARGETS))))
          return TRUE;
      }

  return FALSE;
}

static void
on_edited (SbDossierView *self,
           SbChanges     *changes)
{
  GtkAdjustment *adjustment;
  double position;

  if (self->actor == NULL || !shows_changes (self, changes))
    return;

  /* Read on where the reader was. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  position = gtk_adjustment_get_value (adjustment);
  rebuild (self);
  gtk_adjustment_set_value (adjustment, position);
}

static void
on_back_clicked (SbDossierView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

/* The actor shown belongs to the briefing that goes, and so do the
 * actors its relations name: the dossier lets go of them before the new
 * briefing's filter asks it to rebuild.
 */
static void
on_briefing_changed (SbDossierView *self)
{
  sb_dossier_view_set_actor (self, NULL);
}

void
sb_dossier_view_set_selection (SbDossierView *self,
                               SbSelection   *selection)
{
  g_return_if_fail (SB_IS_DOSSIER_VIEW (self));
  g_return_if_fail (SB_IS_SELECTION (selection));
  g_return_if_fail (self->selection == NULL);

  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (update_current_row), self, G_CONNECT_SWAPPED);
  /* Before "filter-changed" rebuilds: the actor is of the old briefing,
   * whose sources may be gone already.
   */
  g_signal_connect_object (selection, "notify::briefing", G_CALLBACK (on_briefing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "filter-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "texts-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
}

/**
 * sb_dossier_view_set_back_to:
 * @previous: (nullable): the actor whose dossier Back returns to; %NULL
 *   for the list of actors
 */
void
sb_dossier_view_set_back_to (SbDossierView *self,
                             SbActor       *previous)
{
  g_autofree char *label = NULL;

  g_return_if_fail (SB_IS_DOSSIER_VIEW (self));

  if (previous != NULL)
    /* TRANSLATORS: the dossier's Back button, to the dossier seen before */
    label = g_strdup_printf (_("Back to %s"), sb_entity_get_label (SB_ENTITY (previous)));
  else
    label = g_strdup (_("Back to Actors"));

  gtk_widget_set_tooltip_text (self->back_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

SbActor *
sb_dossier_view_get_actor (SbDossierView *self)
{
  g_return_val_if_fail (SB_IS_DOSSIER_VIEW (self), NULL);

  return self->actor;
}

void
sb_dossier_view_set_actor (SbDossierView *self,
                           SbActor       *actor)
{
  g_return_if_fail (SB_IS_DOSSIER_VIEW (self));
  g_return_if_fail (!actor || SB_IS_ACTOR (actor));

  if (self->actor == actor)
    return;

  g_set_object (&self->actor, actor);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
sb_dossier_view_dispose (GObject *object)
{
  SbDossierView *self = (SbDossierView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_DOSSIER_VIEW);
  /* The template's root has no id: it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_object (&self->actor);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sb_dossier_view_parent_class)->dispose (object);
}

static void
sb_dossier_view_class_init (SbDossierViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_dossier_view_dispose;

  /**
   * SbDossierView::back:
   *
   * The reader wants to go back: to the dossier seen before, or the list
   * of actors.
   */
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/SahelBrief/sb-dossier-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, title);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, chip_box);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, name);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, kind);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, aliases);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, summary);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, figures_group);
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, relations_group);
  gtk_widget_class_bind_template_child_full (widget_class, "deployments_group", FALSE,
                                             G_STRUCT_OFFSET (SbDossierView, items_groups[SB_ITEM_KIND_DEPLOYMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "movements_group", FALSE,
                                             G_STRUCT_OFFSET (SbDossierView, items_groups[SB_ITEM_KIND_MOVEMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "incidents_group", FALSE,
                                             G_STRUCT_OFFSET (SbDossierView, items_groups[SB_ITEM_KIND_INCIDENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "areas_group", FALSE,
                                             G_STRUCT_OFFSET (SbDossierView, items_groups[SB_ITEM_KIND_AREA]));
  gtk_widget_class_bind_template_child (widget_class, SbDossierView, sources_group);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sb-dossier-view");
}

static void
sb_dossier_view_init (SbDossierView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->item_rows = g_hash_table_new (NULL, NULL);
}
