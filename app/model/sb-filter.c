/* sb-filter.c
 *
 * The same test as sb_selection_item_is_visible(), on a copy: the hidden
 * actors are read once through the selection's public API, since it keeps
 * no list of them.
 */

#define G_LOG_DOMAIN "sb-filter"

#include "config.h"

#include "sb-filter.h"
#include "sb-model-private.h"

struct _SbFilter
{
  SbBriefing *briefing;    /* nullable */
  SbLayers layers;
  guint hidden_certainties;
  guint hidden_incident_types;
  GHashTable *hidden_actors;
  SbActor *actor;          /* nullable: only the statements involving it */
  guint32 first_day;
  guint32 last_day;
  guint32 open_end;
};

static void
sb_filter_clear (gpointer data)
{
  SbFilter *self = data;

  g_clear_object (&self->briefing);
  g_clear_pointer (&self->hidden_actors, g_hash_table_unref);
  g_clear_object (&self->actor);
}

/**
 * sb_filter_new_from_selection:
 *
 * Returns: (transfer full): what @selection's filters show now, for its
 *   briefing; safe to use from any thread
 */
SbFilter *
sb_filter_new_from_selection (SbSelection *selection)
{
  SbFilter *self;
  SbBriefing *briefing;

  g_return_val_if_fail (SB_IS_SELECTION (selection), NULL);

  self = g_atomic_rc_box_new0 (SbFilter);
  briefing = sb_selection_get_briefing (selection);
  self->briefing = briefing ? g_object_ref (briefing) : NULL;
  self->layers = sb_selection_get_layers (selection);
  self->hidden_actors = g_hash_table_new (NULL, NULL);
  sb_selection_get_time_range (selection, &self->first_day, &self->last_day);
  self->open_end = briefing ? sb_briefing_get_last_day (briefing) : 0;

  for (guint i = 0; i < SB_N_CERTAINTIES; i++)
    if (!sb_selection_get_certainty_visible (selection, i))
      self->hidden_certainties |= 1u << i;
  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    if (!sb_selection_get_incident_type_visible (selection, i))
      self->hidden_incident_types |= 1u << i;

  if (briefing != NULL)
    {
      GListModel *actors = sb_briefing_get_actors (briefing);

      for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
        {
          g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

          if (!sb_selection_get_actor_visible (selection, actor))
            g_hash_table_add (self->hidden_actors, actor);
        }
    }

  return self;
}

/**
 * sb_filter_new_for_actor:
 *
 * Returns: (transfer full): what @selection's filters show now of the
 *   statements that involve @actor; safe to use from any thread
 */
SbFilter *
sb_filter_new_for_actor (SbSelection *selection,
                         SbActor     *actor)
{
  SbFilter *self;

  g_return_val_if_fail (SB_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);

  self = sb_filter_new_from_selection (selection);
  self->actor = g_object_ref (actor);

  return self;
}

SbFilter *
sb_filter_ref (SbFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
sb_filter_unref (SbFilter *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, sb_filter_clear);
}

/**
 * sb_filter_get_briefing:
 *
 * Returns: (transfer none) (nullable): the briefing filtered
 */
SbBriefing *
sb_filter_get_briefing (const SbFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->briefing;
}

/**
 * sb_filter_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor whose statements alone
 *   the filter shows, if it was made for one
 */
SbActor *
sb_filter_get_actor (const SbFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->actor;
}

/**
 * sb_filter_item_is_visible_at_any_time:
 *
 * Returns: whether @item passes every filter but the time range: what a
 *   timeline counts
 */
gboolean
sb_filter_item_is_visible_at_any_time (const SbFilter *self,
                                       SbItem         *item)
{
  guint n_actors;

  if ((self->layers & sb_item_kind_to_layer (item->kind)) == 0)
    return FALSE;

  if (self->hidden_certainties & (1u << item->evidence.certainty))
    return FALSE;

  if (item->kind == SB_ITEM_KIND_INCIDENT && (self->hidden_incident_types & (1u << item->subtype)))
    return FALSE;

  if (self->actor != NULL && !sb_item_involves_actor (item, self->actor))
    return FALSE;

  n_actors = item->actors ? item->actors->len : 0;
  if (n_actors == 0 || g_hash_table_size (self->hidden_actors) == 0)
    return TRUE;

  for (guint i = 0; i < n_actors; i++)
    if (!g_hash_table_contains (self->hidden_actors, g_ptr_array_index (item->actors, i)))
      return TRUE;

  return FALSE;
}

gboolean
sb_filter_item_is_visible (const SbFilter *self,
                           SbItem         *item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SB_IS_ITEM (item), FALSE);

  if (!sb_filter_item_is_visible_at_any_time (self, item))
    return FALSE;

  if (self->first_day != 0 || self->last_day != 0)
    {
      if (self->last_day != 0 && item->first_day > self->last_day)
        return FALSE;
      if (self->first_day != 0 && sb_date_get_last_day (&item->date, self->open_end) < self->first_day)
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_filter_equal_but_time:
 *
 * Returns: whether @a and @b show the same statements of the same
 *   briefing, their time ranges aside
 */
gboolean
sb_filter_equal_but_time (const SbFilter *a,
                          const SbFilter *b)
{
  GHashTableIter iter;
  gpointer actor;

  if (a == NULL || b == NULL)
    return a == b;

  if (a->briefing != b->briefing || a->actor != b->actor || a->layers != b->layers ||
      a->hidden_certainties != b->hidden_certainties ||
      a->hidden_incident_types != b->hidden_incident_types ||
      g_hash_table_size (a->hidden_actors) != g_hash_table_size (b->hidden_actors))
    return FALSE;

  g_hash_table_iter_init (&iter, a->hidden_actors);
  while (g_hash_table_iter_next (&iter, &actor, NULL))
    if (!g_hash_table_contains (b->hidden_actors, actor))
      return FALSE;

  return TRUE;
}

/**
 * sb_filter_collect_items:
 * @any_time: whether to ignore the time range
 *
 * Lists the statements of @kind the filter shows, in date order; meant
 * for a worker thread. Returns %NULL when cancelled.
 *
 * Returns: (transfer container) (element-type SbItem) (nullable): the
 *   statements, owned by the briefing
 */
GPtrArray *
sb_filter_collect_items (const SbFilter *self,
                         SbItemKind      kind,
                         gboolean        any_time,
                         GCancellable   *cancellable)
{
  const SbBriefingContents *contents;
  GPtrArray *all, *shown;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < SB_N_ITEM_KINDS, NULL);

  shown = g_ptr_array_new ();
  if (self->briefing == NULL)
    return shown;

  contents = _sb_briefing_get_contents (self->briefing);
  all = contents->items[kind];
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SbItem *item = g_ptr_array_index (all, i);

      if ((i & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_unref (shown);
          return NULL;
        }

      if (any_time ? sb_filter_item_is_visible_at_any_time (self, item)
                   : sb_filter_item_is_visible (self, item))
        g_ptr_array_add (shown, item);
    }

  return shown;
}
