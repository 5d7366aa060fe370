/* sb-changes.c
 *
 * The changes of one edit, folded: an entity inserted and removed again
 * within one edit was never there; one removed and inserted again is
 * changed in every field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-changes"

#include "config.h"

#include "sb-changes.h"

#define ALL_FIELDS G_MAXUINT64

typedef enum
{
  STATE_CHANGED,
  STATE_INSERTED,
  STATE_REMOVED,
} State;

typedef struct
{
  State state;
  guint64 fields;
} Entry;

struct _SbChanges
{
  gatomicrefcount ref_count;
  GHashTable *entries;     /* SbEntity (ref) → Entry */
  GPtrArray *order;        /* of SbEntity, as first met */
  guint64 briefing_fields;
  GHashTable *reordered;   /* set of GType */
  SbEntity *select;        /* nullable */
  GPtrArray *lists[3];     /* cached by state */
};

G_DEFINE_BOXED_TYPE (SbChanges, sb_changes, sb_changes_ref, sb_changes_unref)

SbChanges *
sb_changes_new (void)
{
  SbChanges *self = g_new0 (SbChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->order = g_ptr_array_new_with_free_func (g_object_unref);
  self->reordered = g_hash_table_new (NULL, NULL);

  return self;
}

SbChanges *
sb_changes_ref (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_changes_unref (SbChanges *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->entries);
  g_ptr_array_unref (self->order);
  g_hash_table_unref (self->reordered);
  g_clear_object (&self->select);
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);
  g_free (self);
}

static Entry *
lookup (SbChanges *self,
        SbEntity  *entity)
{
  return g_hash_table_lookup (self->entries, entity);
}

static Entry *
ensure (SbChanges *self,
        SbEntity  *entity,
        State      state)
{
  Entry *entry = lookup (self, entity);

  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->state = state;
      g_hash_table_insert (self->entries, entity, entry);
      g_ptr_array_add (self->order, g_object_ref (entity));
    }

  return entry;
}

void
sb_changes_add_inserted (SbChanges *self,
                         SbEntity  *entity)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (SB_IS_ENTITY (entity));

  entry = ensure (self, entity, STATE_INSERTED);
  if (entry->state == STATE_REMOVED)
    {
      entry->state = STATE_CHANGED;
      entry->fields = ALL_FIELDS;
    }
}

void
sb_changes_add_removed (SbChanges *self,
                        SbEntity  *entity)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (SB_IS_ENTITY (entity));

  entry = ensure (self, entity, STATE_REMOVED);
  if (entry->state == STATE_INSERTED)
    {
      guint index;

      g_ptr_array_find (self->order, entity, &index);
      g_hash_table_remove (self->entries, entity);
      g_ptr_array_remove_index (self->order, index);
      return;
    }

  entry->state = STATE_REMOVED;
  entry->fields = 0;
}

void
sb_changes_add_field (SbChanges *self,
                      SbEntity  *entity,
                      guint      field)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (SB_IS_ENTITY (entity));
  g_return_if_fail (field < 64);

  entry = ensure (self, entity, STATE_CHANGED);
  if (entry->state != STATE_REMOVED)
    entry->fields |= G_GUINT64_CONSTANT (1) << field;
}

void
sb_changes_add_briefing_field (SbChanges *self,
                               guint      field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < 64);

  self->briefing_fields |= G_GUINT64_CONSTANT (1) << field;
}

/**
 * sb_changes_add_reordered:
 * @type: the type of the entities whose order changed, as %SB_TYPE_STEP
 */
void
sb_changes_add_reordered (SbChanges *self,
                          GType      type)
{
  g_return_if_fail (self != NULL);

  g_hash_table_add (self->reordered, GSIZE_TO_POINTER (type));
}

gboolean
sb_changes_is_empty (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->order->len == 0 && self->briefing_fields == 0 &&
         g_hash_table_size (self->reordered) == 0;
}

static GPtrArray *
list (SbChanges *self,
      State      state)
{
  if (self->lists[state] == NULL)
    {
      self->lists[state] = g_ptr_array_new ();
      for (guint i = 0; i < self->order->len; i++)
        {
          SbEntity *entity = g_ptr_array_index (self->order, i);

          if (lookup (self, entity)->state == state)
            g_ptr_array_add (self->lists[state], entity);
        }
    }

  return self->lists[state];
}

/**
 * sb_changes_get_inserted:
 *
 * Returns: (transfer none) (element-type SbEntity): the entities that
 *   are now in the briefing and were not
 */
GPtrArray *
sb_changes_get_inserted (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return list (self, STATE_INSERTED);
}

/**
 * sb_changes_get_removed:
 *
 * Returns: (transfer none) (element-type SbEntity): the entities that
 *   were in the briefing and are not any more
 */
GPtrArray *
sb_changes_get_removed (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return list (self, STATE_REMOVED);
}

/**
 * sb_changes_get_changed:
 *
 * Returns: (transfer none) (element-type SbEntity): the entities that
 *   stayed in the briefing with fields changed
 */
GPtrArray *
sb_changes_get_changed (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return list (self, STATE_CHANGED);
}

/**
 * sb_changes_contains:
 *
 * Returns: whether @entity was inserted, removed or changed
 */
gboolean
sb_changes_contains (SbChanges *self,
                     SbEntity  *entity)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return entity != NULL && lookup (self, entity) != NULL;
}

gboolean
sb_changes_was_inserted (SbChanges *self,
                         SbEntity  *entity)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = entity ? lookup (self, entity) : NULL;
  return entry != NULL && entry->state == STATE_INSERTED;
}

gboolean
sb_changes_was_removed (SbChanges *self,
                        SbEntity  *entity)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = entity ? lookup (self, entity) : NULL;
  return entry != NULL && entry->state == STATE_REMOVED;
}

/**
 * sb_changes_get_fields:
 *
 * Returns: a bit (1 << field) for each field of @entity that changed;
 *   every bit for one inserted, none for one removed or not changed
 */
guint64
sb_changes_get_fields (SbChanges *self,
                       SbEntity  *entity)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, 0);

  entry = entity ? lookup (self, entity) : NULL;
  if (entry == NULL || entry->state == STATE_REMOVED)
    return 0;
  if (entry->state == STATE_INSERTED)
    return ALL_FIELDS;

  return entry->fields;
}

gboolean
sb_changes_has_field (SbChanges *self,
                      SbEntity  *entity,
                      guint      field)
{
  return (sb_changes_get_fields (self, entity) & (G_GUINT64_CONSTANT (1) << field)) != 0;
}

guint64
sb_changes_get_briefing_fields (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->briefing_fields;
}

/**
 * sb_changes_touches_type:
 *
 * Returns: whether an entity of @type (or a subtype) was inserted,
 *   removed, changed or reordered
 */
gboolean
sb_changes_touches_type (SbChanges *self,
                         GType      type)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (sb_changes_get_reordered (self, type))
    return TRUE;

  for (guint i = 0; i < self->order->len; i++)
    if (g_type_is_a (G_OBJECT_TYPE (g_ptr_array_index (self->order, i)), type))
      return TRUE;

  return FALSE;
}

gboolean
sb_changes_get_reordered (SbChanges *self,
                          GType      type)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->reordered, GSIZE_TO_POINTER (type));
}

/**
 * sb_changes_get_select:
 *
 * Returns: (transfer none) (nullable): what the edit asks to select once
 *   it is done: what it added, or what was selected before it
 */
SbEntity *
sb_changes_get_select (SbChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->select;
}

void
sb_changes_set_select (SbChanges *self,
                       SbEntity  *entity)
{
  g_return_if_fail (self != NULL);

  g_set_object (&self->select, entity);
}
