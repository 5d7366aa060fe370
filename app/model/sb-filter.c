/* sb-filter.c
 *
 * The one test of whether the filters show a statement. A filter is
 * never changed once made: each sb_filter_with_…() makes a new one (or
 * hands back the same when nothing changes), so any thread may read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-filter"

#include "config.h"

#include "sb-changes.h"
#include "sb-filter.h"
#include "sb-model-private.h"

struct _SbFilter
{
  SbBriefing *briefing;    /* nullable */
  SbBriefing *snapshot;    /* nullable: of briefing, for worker threads */
  SbLayers layers;
  guint hidden_certainties;    /* bit per SbCertainty */
  guint hidden_incident_types; /* bit per SbIncidentType */
  GHashTable *hidden_actors;   /* set of SbActor */
  SbActor *actor;          /* nullable: only the statements involving it */
  guint32 first_day;       /* Julian days; 0 for no bound */
  guint32 last_day;
  guint32 open_end;        /* where dates without an end end */
};

static void
sb_filter_clear (gpointer data)
{
  SbFilter *self = data;

  g_clear_object (&self->briefing);
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->hidden_actors, g_hash_table_unref);
  g_clear_object (&self->actor);
}

/**
 * sb_filter_new:
 * @briefing: (nullable): the briefing filtered
 *
 * Returns: (transfer full): a filter that shows all of @briefing
 */
SbFilter *
sb_filter_new (SbBriefing *briefing)
{
  SbFilter *self;

  g_return_val_if_fail (briefing == NULL || SB_IS_BRIEFING (briefing), NULL);

  self = g_atomic_rc_box_new0 (SbFilter);
  self->briefing = briefing ? g_object_ref (briefing) : NULL;
  self->snapshot = briefing ? sb_briefing_get_snapshot (briefing) : NULL;
  self->layers = SB_LAYERS_ALL;
  self->hidden_actors = g_hash_table_new (NULL, NULL);
  self->open_end = briefing ? sb_briefing_get_last_day (briefing) : 0;

  return self;
}

/* A copy, to change before anyone else sees it. */
static SbFilter *
sb_filter_copy (const SbFilter *self)
{
  SbFilter *copy = g_atomic_rc_box_dup (sizeof (SbFilter), (gpointer) self);
  GHashTableIter iter;
  gpointer actor;

  if (copy->briefing != NULL)
    g_object_ref (copy->briefing);
  if (copy->snapshot != NULL)
    g_object_ref (copy->snapshot);
  if (copy->actor != NULL)
    g_object_ref (copy->actor);

  copy->hidden_actors = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, self->hidden_actors);
  while (g_hash_table_iter_next (&iter, &actor, NULL))
    g_hash_table_add (copy->hidden_actors, actor);

  return copy;
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
 * sb_filter_get_snapshot:
 *
 * Returns: (transfer none) (nullable): the briefing as it was when the
 *   filter was made, which never changes: what worker threads read
 */
SbBriefing *
sb_filter_get_snapshot (const SbFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->snapshot;
}

/**
 * sb_filter_with_snapshot:
 *
 * Returns: (transfer full): a filter like @self over the briefing as it
 *   is now: what the selection keeps after an edit
 */
SbFilter *
sb_filter_with_snapshot (SbFilter *self)
{
  g_autoptr(SbBriefing) snapshot = NULL;
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->briefing == NULL)
    return sb_filter_ref (self);

  snapshot = sb_briefing_get_snapshot (self->briefing);
  if (snapshot == self->snapshot)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  g_set_object (&copy->snapshot, snapshot);
  copy->open_end = sb_briefing_get_last_day (snapshot);
  return copy;
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

SbLayers
sb_filter_get_layers (const SbFilter *self)
{
  g_return_val_if_fail (self != NULL, SB_LAYERS_ALL);

  return self->layers;
}

gboolean
sb_filter_get_certainty_visible (const SbFilter *self,
                                 SbCertainty     certainty)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->hidden_certainties & (1u << certainty)) == 0;
}

gboolean
sb_filter_get_incident_type_visible (const SbFilter *self,
                                     SbIncidentType  type)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->hidden_incident_types & (1u << type)) == 0;
}

gboolean
sb_filter_get_actor_visible (const SbFilter *self,
                             SbActor        *actor)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !g_hash_table_contains (self->hidden_actors, actor);
}

/**
 * sb_filter_get_time_range:
 *
 * Gets the days shown, as Julian day numbers; 0 is no bound.
 */
void
sb_filter_get_time_range (const SbFilter *self,
                          guint32        *first_day,
                          guint32        *last_day)
{
  g_return_if_fail (self != NULL);

  if (first_day != NULL)
    *first_day = self->first_day;
  if (last_day != NULL)
    *last_day = self->last_day;
}

/**
 * sb_filter_is_filtered:
 *
 * Returns: whether the filter hides anything: a layer, a certainty, an
 *   incident type, an actor or dates
 */
gboolean
sb_filter_is_filtered (const SbFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->layers != SB_LAYERS_ALL ||
         self->hidden_certainties != 0 || self->hidden_incident_types != 0 ||
         g_hash_table_size (self->hidden_actors) > 0 ||
         self->first_day != 0 || self->last_day != 0;
}

/**
 * sb_filter_with_layer_visible:
 *
 * Returns: (transfer full): a filter like @self that shows or hides
 *   @layer; @self itself when it already does
 */
SbFilter *
sb_filter_with_layer_visible (SbFilter *self,
                              SbLayers  layer,
                              gboolean  visible)
{
  SbLayers layers;
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  layers = visible ? self->layers | layer : self->layers & ~layer;
  if (layers == self->layers)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  copy->layers = layers;
  return copy;
}

static guint
with_bit (guint    bits,
          guint    bit,
          gboolean hidden)
{
  return hidden ? bits | (1u << bit) : bits & ~(1u << bit);
}

SbFilter *
sb_filter_with_certainty_visible (SbFilter    *self,
                                  SbCertainty  certainty,
                                  gboolean     visible)
{
  guint hidden;
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (certainty < SB_N_CERTAINTIES, NULL);

  hidden = with_bit (self->hidden_certainties, certainty, !visible);
  if (hidden == self->hidden_certainties)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  copy->hidden_certainties = hidden;
  return copy;
}

SbFilter *
sb_filter_with_incident_type_visible (SbFilter       *self,
                                      SbIncidentType  type,
                                      gboolean        visible)
{
  guint hidden;
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type < SB_N_INCIDENT_TYPES, NULL);

  hidden = with_bit (self->hidden_incident_types, type, !visible);
  if (hidden == self->hidden_incident_types)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  copy->hidden_incident_types = hidden;
  return copy;
}

SbFilter *
sb_filter_with_actor_visible (SbFilter *self,
                              SbActor  *actor,
                              gboolean  visible)
{
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);

  if (sb_filter_get_actor_visible (self, actor) == !!visible)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  if (visible)
    g_hash_table_remove (copy->hidden_actors, actor);
  else
    g_hash_table_add (copy->hidden_actors, actor);
  return copy;
}

/**
 * sb_filter_with_time_range:
 * @first_day: the first day shown, as a Julian day number; 0 for no bound
 * @last_day: the last; 0 for no bound
 *
 * Returns: (transfer full): a filter like @self that shows those days
 */
SbFilter *
sb_filter_with_time_range (SbFilter *self,
                           guint32   first_day,
                           guint32   last_day)
{
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  if (first_day == self->first_day && last_day == self->last_day)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  copy->first_day = first_day;
  copy->last_day = last_day;
  return copy;
}

/**
 * sb_filter_with_actor:
 *
 * Returns: (transfer full): what @self shows of the statements that
 *   involve @actor
 */
SbFilter *
sb_filter_with_actor (SbFilter *self,
                      SbActor  *actor)
{
  SbFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);

  if (self->actor == actor)
    return sb_filter_ref (self);

  copy = sb_filter_copy (self);
  g_set_object (&copy->actor, actor);
  return copy;
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

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SB_IS_ITEM (item), FALSE);

  if ((self->layers & sb_item_kind_to_layer (item->kind)) == 0)
    return FALSE;

  if (self->hidden_certainties & (1u << item->evidence.certainty))
    return FALSE;

  if (item->kind == SB_ITEM_KIND_INCIDENT && (self->hidden_incident_types & (1u << item->subtype)))
    return FALSE;

  if (self->actor != NULL && !sb_item_involves_actor (item, self->actor))
    return FALSE;

  /* Shown while any of its actors is, and always without one. */
  n_actors = item->actors ? item->actors->len : 0;
  if (n_actors == 0 || g_hash_table_size (self->hidden_actors) == 0)
    return TRUE;

  for (guint i = 0; i < n_actors; i++)
    if (!g_hash_table_contains (self->hidden_actors, g_ptr_array_index (item->actors, i)))
      return TRUE;

  return FALSE;
}

/**
 * sb_filter_item_is_visible:
 *
 * Returns: whether the filter shows @item: its layer, certainty and (for
 *   an incident) type are shown, at least one of its actors is (or it has
 *   none), and its dates overlap the time range
 */
gboolean
sb_filter_item_is_visible (const SbFilter *self,
                           SbItem         *item)
{
  if (!sb_filter_item_is_visible_at_any_time (self, item))
    return FALSE;

  if (self->last_day != 0 && item->first_day > self->last_day)
    return FALSE;
  if (self->first_day != 0 && sb_date_get_last_day (&item->date, self->open_end) < self->first_day)
    return FALSE;

  return TRUE;
}

/**
 * sb_filter_get_deployment_status:
 *
 * How a deployment stood in the time range shown: one that ended with a
 * departure or withdrawal after the range's last day was still present
 * then (France was not "withdrawn" from Mali in 2020–2021).
 *
 * Returns: @item's status as of the time range
 */
SbDeploymentStatus
sb_filter_get_deployment_status (const SbFilter *self,
                                 SbItem         *item)
{
  SbDeploymentStatus status;

  g_return_val_if_fail (self != NULL, SB_DEPLOYMENT_STATUS_PRESENT);
  g_return_val_if_fail (SB_IS_ITEM (item), SB_DEPLOYMENT_STATUS_PRESENT);

  status = sb_item_get_deployment_status (item);
  if ((status == SB_DEPLOYMENT_STATUS_DEPARTED || status == SB_DEPLOYMENT_STATUS_WITHDRAWN) &&
      self->last_day != 0 && item->date.is_span &&
      sb_date_get_last_day (&item->date, self->open_end) > self->last_day)
    return SB_DEPLOYMENT_STATUS_PRESENT;

  return status;
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
 * Lists the statements of @kind the filter shows, in the order of the
 * file, from its snapshot of the briefing; meant for a worker thread.
 * Returns %NULL when cancelled.
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

  contents = _sb_briefing_get_contents (self->snapshot);
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

#define BIT(field) (G_GUINT64_CONSTANT (1) << (field))

/* What the filters read of a statement. */
static const guint64 filtered_fields =
  BIT (SB_ITEM_FIELD_CERTAINTY) | BIT (SB_ITEM_FIELD_SUBTYPE) | BIT (SB_ITEM_FIELD_ACTORS) | BIT (SB_ITEM_FIELD_DATE);

/**
 * sb_filter_items_changed:
 * @kind: the kind of statement asked about; -1 for any
 *
 * Returns: whether an edit may have changed which statements of @kind a
 *   filter shows, or how many: some were added or removed, or their
 *   certainty, type, actors or dates changed
 */
gboolean
sb_filter_items_changed (SbChanges *changes,
                         int        kind)
{
  GPtrArray *lists[] = {
    sb_changes_get_inserted (changes),
    sb_changes_get_removed (changes),
    sb_changes_get_changed (changes),
  };

  g_return_val_if_fail (changes != NULL, FALSE);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        SbEntity *entity = g_ptr_array_index (lists[l], i);

        if (!SB_IS_ITEM (entity) || (kind >= 0 && sb_item_get_kind (SB_ITEM (entity)) != (SbItemKind) kind))
          continue;
        if (l < 2 || (sb_changes_get_fields (changes, entity) & filtered_fields) != 0)
          return TRUE;
      }

  return FALSE;
}
