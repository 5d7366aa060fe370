/* sb-briefing-edit.c
 *
 * How a briefing changes: entities inserted, removed and moved, fields
 * set, on the main thread and only by edits. Lists a snapshot still holds
 * are copied before they change (copy on write); the indexes (by id, by
 * actor, the days covered) follow each change; the GListModels say which
 * of their items changed at once, and "changed" says all of an edit when
 * it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-briefing"

#include "config.h"

#include "sb-array-model.h"
#include "sb-briefing-private.h"

static SbChanges *
pending (SbBriefing *self)
{
  if (self->pending == NULL)
    self->pending = sb_changes_new ();

  return self->pending;
}

/* The next snapshot must be a new one. */
static void
touch (SbBriefing *self)
{
  g_assert (!self->frozen);

  g_clear_object (&self->snapshot);
}

static gpointer
ref_entity (gconstpointer entity,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) entity);
}

static GPtrArray *
copy_entities (GPtrArray *array)
{
  return g_ptr_array_copy (array, ref_entity, NULL);
}

/* Takes a copy of the list at @slot when a snapshot holds it. */
static void
unshare_array (SbBriefing  *self,
               GPtrArray  **slot,
               GListModel  *model,
               guint        bit,
               gboolean     owned)
{
  GPtrArray *copy;

  if ((self->shared & bit) == 0)
    return;

  copy = owned ? copy_entities (*slot) : g_ptr_array_copy (*slot, NULL, NULL);
  g_ptr_array_unref (*slot);
  *slot = copy;
  if (model != NULL)
    sb_array_model_set_items (SB_ARRAY_MODEL (model), copy);
  self->shared &= ~bit;
}

static void
unshare_by_id (SbBriefing *self)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key;

  if ((self->shared & SHARED_BY_ID) == 0)
    return;

  copy = _sb_id_table_new ();
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, key);

  g_hash_table_unref (self->by_id);
  self->by_id = copy;
  self->shared &= ~SHARED_BY_ID;
}

static void
unshare_by_actor (SbBriefing *self)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  if ((self->shared & SHARED_BY_ACTOR) == 0)
    return;

  copy = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->items_by_actor);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, key, g_ptr_array_copy (value, NULL, NULL));

  g_hash_table_unref (self->items_by_actor);
  self->items_by_actor = copy;
  self->shared &= ~SHARED_BY_ACTOR;
}

/**
 * _sb_briefing_array_for:
 * @model: (out) (optional): the list model of the array
 * @shared_bit: (out) (optional): its SbShared bit
 *
 * Returns: (transfer none): the list @entity belongs in
 */
GPtrArray *
_sb_briefing_array_for (SbBriefing  *self,
                        SbEntity    *entity,
                        GListModel **model,
                        guint       *shared_bit)
{
  GPtrArray *array;
  GListModel *list;
  guint bit;

  if (SB_IS_SOURCE (entity))
    array = self->contents.sources, list = self->sources_model, bit = SHARED_SOURCES;
  else if (SB_IS_ACTOR (entity))
    array = self->contents.actors, list = self->actors_model, bit = SHARED_ACTORS;
  else if (SB_IS_PLACE (entity))
    array = self->contents.places, list = self->places_model, bit = SHARED_PLACES;
  else if (SB_IS_ITEM (entity))
    {
      SbItemKind kind = SB_ITEM (entity)->kind;

      array = self->contents.items[kind];
      list = self->items_models[kind];
      bit = SHARED_ITEMS << kind;
    }
  else
    array = self->contents.steps, list = self->steps_model, bit = SHARED_STEPS;

  if (model != NULL)
    *model = list;
  if (shared_bit != NULL)
    *shared_bit = bit;

  return array;
}

/* The list @entity belongs in, ready to change. */
static GPtrArray *
writable_array_for (SbBriefing  *self,
                    SbEntity    *entity,
                    GListModel **model)
{
  guint bit;
  GPtrArray **slot;

  _sb_briefing_array_for (self, entity, model, &bit);

  if (bit == SHARED_SOURCES)
    slot = &self->contents.sources;
  else if (bit == SHARED_ACTORS)
    slot = &self->contents.actors;
  else if (bit == SHARED_PLACES)
    slot = &self->contents.places;
  else if (bit == SHARED_STEPS)
    slot = &self->contents.steps;
  else
    slot = &self->contents.items[SB_ITEM (entity)->kind];

  unshare_array (self, slot, *model, bit, TRUE);
  return *slot;
}

/* Where an item of @kind at @position stands among all items. */
static guint
all_items_position (SbBriefing *self,
                    SbItemKind  kind,
                    guint       position)
{
  for (guint k = 0; k < kind; k++)
    position += self->contents.items[k]->len;

  return position;
}

/**
 * _sb_briefing_insert:
 *
 * Puts @entity, not in the briefing, at @position of its list.
 */
void
_sb_briefing_insert (SbBriefing *self,
                     SbEntity   *entity,
                     guint       position)
{
  GListModel *model;
  GPtrArray *array;

  touch (self);
  array = writable_array_for (self, entity, &model);
  g_return_if_fail (position <= array->len);
  g_return_if_fail (!_sb_id_table_contains (self->by_id, sb_entity_get_id (entity)));

  g_ptr_array_insert (array, position, g_object_ref (entity));

  unshare_by_id (self);
  _sb_id_table_add (self->by_id, entity);

  if (SB_IS_ITEM (entity))
    {
      guint at = all_items_position (self, SB_ITEM (entity)->kind, position);

      unshare_array (self, &self->all_items, self->all_items_model, SHARED_ALL_ITEMS, FALSE);
      g_ptr_array_insert (self->all_items, at, entity);
      unshare_by_actor (self);
      _sb_briefing_index_item (self, SB_ITEM (entity));
      self->days_dirty = TRUE;
    }
  else if (SB_IS_ACTOR (entity))
    {
      SbActor *actor = SB_ACTOR (entity);

      if (actor->default_colour == 0)
        actor->default_colour = _sb_briefing_default_colour (self->contents.actors->len - 1);
      if (!actor->has_colour)
        actor->colour = actor->default_colour;
    }

  sb_changes_add_inserted (pending (self), entity);

  g_list_model_items_changed (model, position, 0, 1);
  if (SB_IS_ITEM (entity))
    g_list_model_items_changed (self->all_items_model,
                                all_items_position (self, SB_ITEM (entity)->kind, position), 0, 1);
}

/**
 * _sb_briefing_remove:
 *
 * Takes @entity out of its list; the caller holds a reference to it.
 *
 * Returns: where it was
 */
guint
_sb_briefing_remove (SbBriefing *self,
                     SbEntity   *entity)
{
  GListModel *model;
  GPtrArray *array;
  guint position = 0, at = 0;

  touch (self);
  array = writable_array_for (self, entity, &model);
  if (!g_ptr_array_find (array, entity, &position))
    g_return_val_if_reached (0);

  if (SB_IS_ITEM (entity))
    at = all_items_position (self, SB_ITEM (entity)->kind, position);

  g_ptr_array_remove_index (array, position);

  unshare_by_id (self);
  _sb_id_table_remove (self->by_id, sb_entity_get_id (entity));

  if (SB_IS_ITEM (entity))
    {
      unshare_array (self, &self->all_items, self->all_items_model, SHARED_ALL_ITEMS, FALSE);
      g_ptr_array_remove_index (self->all_items, at);
      unshare_by_actor (self);
      _sb_briefing_unindex_item (self, SB_ITEM (entity));
      self->days_dirty = TRUE;
    }

  sb_changes_add_removed (pending (self), entity);

  g_list_model_items_changed (model, position, 1, 0);
  if (SB_IS_ITEM (entity))
    g_list_model_items_changed (self->all_items_model, at, 1, 0);

  return position;
}

/**
 * _sb_briefing_move:
 *
 * Moves @entity to @position of its list: the order of steps.
 */
void
_sb_briefing_move (SbBriefing *self,
                   SbEntity   *entity,
                   guint       position)
{
  GListModel *model;
  GPtrArray *array;
  guint from;

  touch (self);
  array = writable_array_for (self, entity, &model);
  if (!g_ptr_array_find (array, entity, &from))
    g_return_if_reached ();
  g_return_if_fail (position < array->len);

  if (from == position)
    return;

  g_ptr_array_steal_index (array, from);
  g_ptr_array_insert (array, position, entity);

  if (SB_IS_ITEM (entity))
    {
      SbItemKind kind = SB_ITEM (entity)->kind;
      guint all_from = all_items_position (self, kind, from);
      guint all_to = all_items_position (self, kind, position);

      unshare_array (self, &self->all_items, self->all_items_model, SHARED_ALL_ITEMS, FALSE);
      g_ptr_array_remove_index (self->all_items, all_from);
      g_ptr_array_insert (self->all_items, all_to, entity);
      g_list_model_items_changed (self->all_items_model, MIN (all_from, all_to),
                                  ABS ((int) all_from - (int) all_to) + 1,
                                  ABS ((int) all_from - (int) all_to) + 1);
    }

  sb_changes_add_reordered (pending (self), G_OBJECT_TYPE (entity));
  g_list_model_items_changed (model, MIN (from, position),
                              ABS ((int) from - (int) position) + 1,
                              ABS ((int) from - (int) position) + 1);
}

static void
swap_briefing_field (SbBriefing *self,
                     guint       field,
                     GValue     *value)
{
  switch ((SbBriefingField) field)
    {
    case SB_BRIEFING_FIELD_TITLE:
      _sb_swap_pointer (&self->contents.title, value);
      break;
    case SB_BRIEFING_FIELD_SUBTITLE:
      _sb_swap_pointer (&self->contents.subtitle, value);
      break;
    case SB_BRIEFING_FIELD_DESCRIPTION:
      _sb_swap_pointer (&self->contents.description, value);
      break;
    case SB_BRIEFING_FIELD_LANGUAGE:
      _sb_swap_pointer (&self->contents.language, value);
      break;
    case SB_BRIEFING_FIELD_DATE:
      _sb_swap_date (&self->contents.date, value);
      self->days_dirty = TRUE;
      break;
    case SB_BRIEFING_FIELD_AUTHORS:
      _sb_swap_pointer (&self->contents.authors, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * _sb_briefing_swap_field:
 * @entity: (nullable): the entity, or %NULL for the briefing's own fields
 *
 * Puts @value into @field and the old value into @value, keeping the
 * indexes up to date.
 */
void
_sb_briefing_swap_field (SbBriefing *self,
                         SbEntity   *entity,
                         guint       field,
                         GValue     *value)
{
  gboolean reindex;

  touch (self);

  if (entity == NULL)
    {
      swap_briefing_field (self, field, value);
      sb_changes_add_briefing_field (pending (self), field);
      return;
    }

  /* The lists by actor are in date order. */
  reindex = SB_IS_ITEM (entity) && (field == SB_ITEM_FIELD_ACTORS || field == SB_ITEM_FIELD_DATE) &&
            _sb_id_table_lookup (self->by_id, sb_entity_get_id (entity)) == entity;
  if (reindex)
    {
      unshare_by_actor (self);
      _sb_briefing_unindex_item (self, SB_ITEM (entity));
    }

  _sb_entity_swap_field (entity, field, value);

  if (reindex)
    _sb_briefing_index_item (self, SB_ITEM (entity));
  if (SB_IS_ITEM (entity) && field == SB_ITEM_FIELD_DATE)
    self->days_dirty = TRUE;

  sb_changes_add_field (pending (self), entity, field);
}

/**
 * _sb_briefing_emit_changed:
 * @select: (nullable): what the edit asks to select
 *
 * Says, with "changed", what changed since it last did.
 */
void
_sb_briefing_emit_changed (SbBriefing *self,
                           SbEntity   *select)
{
  g_autoptr(SbChanges) changes = g_steal_pointer (&self->pending);

  if (changes == NULL)
    changes = sb_changes_new ();

  sb_changes_set_select (changes, select);
  g_signal_emit (self, _sb_briefing_changed_signal, 0, changes);
}
