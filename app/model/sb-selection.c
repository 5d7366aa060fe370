/* sb-selection.c
 *
 * What a window shows and what is chosen in it, shared by all its views.
 *
 * Two kinds of change: the selection (notify::selected, notify::citation)
 * and the filters ("filter-changed"), so views redraw only what moved.
 * The filters are an immutable SbFilter, swapped for a new one on each
 * change, and a presentation step's set of statements shown beside it.
 *
 * When an edit changes the briefing, the selection lets go of what it
 * removed, selects what the edit asks for, and takes a filter over the
 * briefing as it is now, quietly: views follow the briefing's "changed"
 * and update only what it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-selection"

#include "config.h"

#include "sb-changes.h"
#include "sb-selection.h"
#include "sb-step.h"

struct _SbSelection
{
  GObject parent_instance;

  SbBriefing *briefing;
  gulong changed_handler;
  SbEntity *selected;        /* owned through the briefing */
  SbCitation *citation;      /* nullable: the passage shown for it */

  SbFilter *filter;          /* swapped on each change, never changed */

  GPtrArray *highlighted;    /* nullable: statements and actors a step emphasises */
  GHashTable *shown;         /* nullable: the only statements a step shows */
};

G_DEFINE_FINAL_TYPE (SbSelection, sb_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BRIEFING,
  PROP_SELECTED,
  PROP_CITATION,
  PROP_HIGHLIGHTED,
  N_PROPS
};

enum {
  FILTER_CHANGED,
  TEXTS_CHANGED,
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

SbSelection *
sb_selection_new (void)
{
  return g_object_new (SB_TYPE_SELECTION, NULL);
}

static void
sb_selection_dispose (GObject *object)
{
  SbSelection *self = (SbSelection *)object;

  g_clear_object (&self->selected);
  g_clear_pointer (&self->citation, sb_citation_unref);
  g_clear_signal_handler (&self->changed_handler, self->briefing);
  g_clear_object (&self->briefing);
  g_clear_pointer (&self->filter, sb_filter_unref);
  g_clear_pointer (&self->highlighted, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (sb_selection_parent_class)->dispose (object);
}

static void
sb_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbSelection *self = SB_SELECTION (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      g_value_set_object (value, self->briefing);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_CITATION:
      g_value_set_boxed (value, self->citation);
      break;

    case PROP_HIGHLIGHTED:
      g_value_set_boxed (value, self->highlighted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbSelection *self = SB_SELECTION (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      sb_selection_set_briefing (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      sb_selection_select (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_selection_class_init (SbSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_selection_dispose;
  object_class->get_property = sb_selection_get_property;
  object_class->set_property = sb_selection_set_property;

  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL,
                         SB_TYPE_BRIEFING,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         SB_TYPE_ENTITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CITATION] =
    g_param_spec_boxed ("citation", NULL, NULL,
                        SB_TYPE_CITATION,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boxed ("highlighted", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbSelection::filter-changed:
   *
   * Which layers, actors, certainties or dates are shown has changed.
   */
  signals[FILTER_CHANGED] =
    g_signal_new ("filter-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SbSelection::texts-changed:
   *
   * The briefing is the same, but its texts are to be shown in another
   * language: views that keep texts read them again.
   */
  signals[TEXTS_CHANGED] =
    g_signal_new ("texts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SbSelection::edited:
   * @changes: what the edit changed
   *
   * The briefing shown was changed by an edit, its undoing or redoing;
   * the selection has already let go of what it removed. Views update
   * what shows the entities @changes names.
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SB_TYPE_CHANGES);
}

static void
sb_selection_init (SbSelection *self)
{
  self->filter = sb_filter_new (NULL);
}

/**
 * sb_selection_copy:
 *
 * Returns: (transfer full): a selection that shows and chooses what @self
 *   does now, to draw while @self goes on changing
 */
SbSelection *
sb_selection_copy (SbSelection *self)
{
  SbSelection *copy;

  g_return_val_if_fail (SB_IS_SELECTION (self), NULL);

  copy = sb_selection_new ();
  copy->briefing = self->briefing ? g_object_ref (self->briefing) : NULL;
  sb_filter_unref (copy->filter);
  copy->filter = sb_filter_ref (self->filter);
  copy->selected = self->selected ? g_object_ref (self->selected) : NULL;
  copy->citation = self->citation ? sb_citation_ref (self->citation) : NULL;
  if (self->shown != NULL)
    {
      GHashTableIter iter;
      gpointer item;

      copy->shown = g_hash_table_new (NULL, NULL);
      g_hash_table_iter_init (&iter, self->shown);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        g_hash_table_add (copy->shown, item);
    }
  sb_selection_set_highlighted (copy, self->highlighted);

  return copy;
}

static gboolean
is_in_briefing (SbSelection *self,
                SbEntity    *entity)
{
  return sb_briefing_lookup (self->briefing, sb_entity_get_id (entity)) == entity;
}

static gboolean
figures_cite (GPtrArray  *figures,
              SbCitation *citation)
{
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      SbFigure *figure = g_ptr_array_index (figures, i);

      if (g_ptr_array_find (figure->evidence.citations, citation, NULL))
        return TRUE;
    }

  return FALSE;
}

/* Whether @entity still gives @citation for itself, a figure or a relation. */
static gboolean
entity_cites (SbEntity   *entity,
              SbCitation *citation)
{
  if (SB_IS_ITEM (entity))
    return g_ptr_array_find (sb_item_get_citations (SB_ITEM (entity)), citation, NULL) ||
           figures_cite (sb_item_get_figures (SB_ITEM (entity)), citation);

  if (SB_IS_ACTOR (entity))
    {
      GPtrArray *relations = sb_actor_get_relations (SB_ACTOR (entity));

      for (guint i = 0; i < relations->len; i++)
        if (g_ptr_array_find (((SbRelation *) g_ptr_array_index (relations, i))->evidence.citations, citation, NULL))
          return TRUE;

      return g_ptr_array_find (sb_actor_get_citations (SB_ACTOR (entity)), citation, NULL) ||
             figures_cite (sb_actor_get_figures (SB_ACTOR (entity)), citation);
    }

  if (SB_IS_STEP (entity))
    return sb_step_get_citation (SB_STEP (entity)) == citation;

  return FALSE;
}

static void
on_briefing_changed (SbSelection *self,
                     SbChanges   *changes)
{
  SbEntity *select = sb_changes_get_select (changes);
  SbFilter *filter;

  /* Worker threads started from now on read the briefing as it is. */
  filter = sb_filter_with_snapshot (self->filter);
  sb_filter_unref (self->filter);
  self->filter = filter;

  if (self->shown != NULL)
    for (guint i = 0; i < sb_changes_get_removed (changes)->len; i++)
      g_hash_table_remove (self->shown, g_ptr_array_index (sb_changes_get_removed (changes), i));

  if (self->highlighted != NULL)
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; i < self->highlighted->len; i++)
        if (!sb_changes_was_removed (changes, g_ptr_array_index (self->highlighted, i)))
          g_ptr_array_add (kept, g_ptr_array_index (self->highlighted, i));
      if (kept->len != self->highlighted->len)
        sb_selection_set_highlighted (self, kept);
    }

  if (select != NULL && select != self->selected && is_in_briefing (self, select))
    sb_selection_select (self, select);
  else if (self->selected != NULL && !is_in_briefing (self, self->selected))
    sb_selection_clear (self);
  else if (self->selected != NULL && self->citation != NULL &&
           sb_changes_contains (changes, self->selected))
    {
      /* The passage shown stays while the entity still cites it. */
      if (!entity_cites (self->selected, self->citation))
        sb_selection_select_citation (self, self->selected, NULL);
    }

  g_signal_emit (self, signals[EDITED], 0, changes);
}

SbBriefing *
sb_selection_get_briefing (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), NULL);

  return self->briefing;
}

/**
 * sb_selection_set_briefing:
 *
 * Shows another briefing: the selection is cleared and the filters reset,
 * since they named things of the old one.
 */
void
sb_selection_set_briefing (SbSelection *self,
                           SbBriefing  *briefing)
{
  g_return_if_fail (SB_IS_SELECTION (self));
  g_return_if_fail (!briefing || SB_IS_BRIEFING (briefing));

  if (self->briefing == briefing)
    return;

  sb_selection_clear (self);
  sb_selection_set_highlighted (self, NULL);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_signal_handler (&self->changed_handler, self->briefing);
  g_set_object (&self->briefing, briefing);
  if (briefing != NULL)
    self->changed_handler = g_signal_connect_object (briefing, "changed", G_CALLBACK (on_briefing_changed),
                                                     self, G_CONNECT_SWAPPED);
  g_clear_pointer (&self->filter, sb_filter_unref);
  self->filter = sb_filter_new (briefing);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEFING]);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/**
 * sb_selection_texts_changed:
 *
 * Tells the views that sb_text_get() now picks other languages: they show
 * the same briefing, selection and filters again in them.
 */
void
sb_selection_texts_changed (SbSelection *self)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  g_signal_emit (self, signals[TEXTS_CHANGED], 0);
  /* Views that draw from the filters redraw everything on this one. */
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

SbEntity *
sb_selection_get_selected (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), NULL);

  return self->selected;
}

/**
 * sb_selection_get_citation:
 *
 * Returns: (nullable): the passage shown for the selection, one of its
 *   citations (the first unless another was chosen)
 */
SbCitation *
sb_selection_get_citation (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), NULL);

  return self->citation;
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

/**
 * sb_selection_select_citation:
 * @entity: (nullable): what to select
 * @citation: (nullable): which of its passages to show; %NULL for its first
 *
 * Selects @entity and shows @citation, a passage that supports it or one
 * of its figures or relations.
 */
void
sb_selection_select_citation (SbSelection *self,
                              SbEntity    *entity,
                              SbCitation  *citation)
{
  gboolean selected_changed, citation_changed;

  g_return_if_fail (SB_IS_SELECTION (self));
  g_return_if_fail (!entity || SB_IS_ENTITY (entity));

  if (citation == NULL && entity != NULL)
    {
      GPtrArray *citations = citations_of (entity);

      if (citations != NULL && citations->len > 0)
        citation = g_ptr_array_index (citations, 0);
    }

  selected_changed = self->selected != entity;
  citation_changed = self->citation != citation;

  g_set_object (&self->selected, entity);
  if (citation_changed)
    {
      g_clear_pointer (&self->citation, sb_citation_unref);
      self->citation = citation ? sb_citation_ref (citation) : NULL;
    }

  if (selected_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  if (citation_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATION]);
}

/**
 * sb_selection_select:
 * @entity: (nullable): an actor, place, statement or source; %NULL to clear
 */
void
sb_selection_select (SbSelection *self,
                     SbEntity    *entity)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  /* Choosing the selection again keeps the passage being read. */
  if (entity != NULL && entity == self->selected)
    return;

  sb_selection_select_citation (self, entity, NULL);
}

void
sb_selection_clear (SbSelection *self)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  sb_selection_select_citation (self, NULL, NULL);
}

/**
 * sb_selection_get_filter:
 *
 * Returns: (transfer none): what the filters show now; it never changes,
 *   so a worker thread may keep a reference to it
 */
SbFilter *
sb_selection_get_filter (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), NULL);

  return self->filter;
}

/* Takes @filter; a filter that is the one already shown changes nothing. */
static void
swap_filter (SbSelection *self,
             SbFilter    *filter)
{
  if (filter == self->filter)
    {
      sb_filter_unref (filter);
      return;
    }

  sb_filter_unref (self->filter);
  self->filter = filter;
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

SbLayers
sb_selection_get_layers (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), SB_LAYERS_ALL);

  return sb_filter_get_layers (self->filter);
}

void
sb_selection_set_layer_visible (SbSelection *self,
                                SbLayers     layer,
                                gboolean     visible)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  swap_filter (self, sb_filter_with_layer_visible (self->filter, layer, visible));
}

gboolean
sb_selection_get_certainty_visible (SbSelection *self,
                                    SbCertainty  certainty)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), FALSE);

  return sb_filter_get_certainty_visible (self->filter, certainty);
}

void
sb_selection_set_certainty_visible (SbSelection *self,
                                    SbCertainty  certainty,
                                    gboolean     visible)
{
  g_return_if_fail (SB_IS_SELECTION (self));
  g_return_if_fail (certainty < SB_N_CERTAINTIES);

  swap_filter (self, sb_filter_with_certainty_visible (self->filter, certainty, visible));
}

gboolean
sb_selection_get_incident_type_visible (SbSelection    *self,
                                        SbIncidentType  type)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), FALSE);

  return sb_filter_get_incident_type_visible (self->filter, type);
}

void
sb_selection_set_incident_type_visible (SbSelection    *self,
                                        SbIncidentType  type,
                                        gboolean        visible)
{
  g_return_if_fail (SB_IS_SELECTION (self));
  g_return_if_fail (type < SB_N_INCIDENT_TYPES);

  swap_filter (self, sb_filter_with_incident_type_visible (self->filter, type, visible));
}

gboolean
sb_selection_get_actor_visible (SbSelection *self,
                                SbActor     *actor)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), FALSE);

  return sb_filter_get_actor_visible (self->filter, actor);
}

void
sb_selection_set_actor_visible (SbSelection *self,
                                SbActor     *actor,
                                gboolean     visible)
{
  g_return_if_fail (SB_IS_SELECTION (self));
  g_return_if_fail (SB_IS_ACTOR (actor));

  swap_filter (self, sb_filter_with_actor_visible (self->filter, actor, visible));
}

/**
 * sb_selection_get_time_range:
 *
 * Gets the days shown, as Julian day numbers; 0 is no bound.
 */
void
sb_selection_get_time_range (SbSelection *self,
                             guint32     *first_day,
                             guint32     *last_day)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  sb_filter_get_time_range (self->filter, first_day, last_day);
}

void
sb_selection_set_time_range (SbSelection *self,
                             guint32      first_day,
                             guint32      last_day)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  swap_filter (self, sb_filter_with_time_range (self->filter, first_day, last_day));
}

void
sb_selection_reset_filters (SbSelection *self)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  if (!sb_selection_is_filtered (self))
    return;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  sb_filter_unref (self->filter);
  self->filter = sb_filter_new (self->briefing);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

gboolean
sb_selection_is_filtered (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), FALSE);

  return self->shown != NULL || sb_filter_is_filtered (self->filter);
}

/**
 * sb_selection_item_is_visible:
 *
 * Returns: whether @item is shown: among the statements a presentation
 *   step shows, if one does, and shown by the filter
 */
gboolean
sb_selection_item_is_visible (SbSelection *self,
                              SbItem      *item)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), FALSE);

  if (self->shown != NULL && !g_hash_table_contains (self->shown, item))
    return FALSE;

  return sb_filter_item_is_visible (self->filter, item);
}

/**
 * sb_selection_count_visible_items:
 *
 * Returns: how many statements @actor takes part in that the filters show
 */
guint
sb_selection_count_visible_items (SbSelection *self,
                                  SbActor     *actor)
{
  GPtrArray *items;
  guint count = 0;

  g_return_val_if_fail (SB_IS_SELECTION (self), 0);

  if (self->briefing == NULL)
    return 0;

  items = sb_briefing_get_items_for_actor (self->briefing, actor);
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (sb_selection_item_is_visible (self, g_ptr_array_index (items, i)))
      count++;

  return count;
}

/**
 * sb_selection_get_highlighted:
 *
 * Returns: (nullable) (transfer none): the statements and actors a
 *   presentation step emphasises, apart from the one selection
 */
GPtrArray *
sb_selection_get_highlighted (SbSelection *self)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), NULL);

  return self->highlighted;
}

/**
 * sb_selection_set_highlighted:
 * @entities: (nullable): statements and actors (an actor stands for its
 *   statements); %NULL or empty for none
 */
void
sb_selection_set_highlighted (SbSelection *self,
                              GPtrArray   *entities)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  if (entities != NULL && entities->len == 0)
    entities = NULL;
  if (entities == NULL && self->highlighted == NULL)
    return;

  g_clear_pointer (&self->highlighted, g_ptr_array_unref);
  if (entities != NULL)
    {
      self->highlighted = g_ptr_array_new_full (entities->len, g_object_unref);
      for (guint i = 0; i < entities->len; i++)
        g_ptr_array_add (self->highlighted, g_object_ref (g_ptr_array_index (entities, i)));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

/**
 * sb_selection_is_highlighted:
 *
 * Returns: whether @item is highlighted, itself or through its actor
 */
gboolean
sb_selection_is_highlighted (SbSelection *self,
                             SbItem      *item)
{
  g_return_val_if_fail (SB_IS_SELECTION (self), FALSE);

  for (guint i = 0; self->highlighted != NULL && i < self->highlighted->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (self->highlighted, i);

      if (entity == SB_ENTITY (item) ||
          (SB_IS_ACTOR (entity) && sb_item_involves_actor (item, SB_ACTOR (entity))))
        return TRUE;
    }

  return FALSE;
}

/**
 * sb_selection_set_shown:
 * @items: (nullable): the only statements to show, as a presentation
 *   step names them; %NULL for all that the other filters show
 */
void
sb_selection_set_shown (SbSelection *self,
                        GPtrArray   *items)
{
  g_return_if_fail (SB_IS_SELECTION (self));

  if (items == NULL && self->shown == NULL)
    return;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  if (items != NULL)
    {
      self->shown = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_add (self->shown, g_ptr_array_index (items, i));
    }

  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}
