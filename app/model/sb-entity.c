/* sb-entity.c
 *
 * What everything with an id in a briefing shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-entity"

#include "config.h"

#include <string.h>

#include "sb-entity.h"
#include "sb-model-private.h"

G_DEFINE_TYPE (SbEntity, sb_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
sb_entity_real_get_label (SbEntity *self)
{
  return sb_entity_get_id (self);
}

static void
sb_entity_finalize (GObject *object)
{
  SbEntity *self = (SbEntity *)object;
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (sb_entity_parent_class)->finalize (object);
}

static void
sb_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbEntity *self = SB_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, sb_entity_get_id (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, sb_entity_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_entity_class_init (SbEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_entity_finalize;
  object_class->get_property = sb_entity_get_property;

  klass->get_label = sb_entity_real_get_label;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_entity_init (SbEntity *self)
{
}

/* The id of what is known to be an entity, without the type check that
 * would be a sixteenth of the time a million incidents take to save.
 */
const char *
_sb_entity_peek_id (gpointer entity)
{
  return ((SbEntity *) entity)->id;
}

const char *
sb_entity_get_id (SbEntity *self)
{
  g_return_val_if_fail (SB_IS_ENTITY (self), NULL);

  return self->id;
}

/**
 * sb_entity_get_label:
 *
 * Returns: its name or title; its id while it has none (being made)
 */
const char *
sb_entity_get_label (SbEntity *self)
{
  const char *label;

  g_return_val_if_fail (SB_IS_ENTITY (self), NULL);

  label = SB_ENTITY_GET_CLASS (self)->get_label (self);
  if (label == NULL || *label == '\0')
    return sb_entity_get_id (self);

  return label;
}

void
_sb_entity_set_id (SbEntity   *self,
                   const char *id)
{
  g_free (self->id);
  self->id = g_strdup (id);
}

static guint
hash_id (gconstpointer entity)
{
  return g_str_hash (((const SbEntity *) entity)->id);
}

static gboolean
equal_ids (gconstpointer a,
           gconstpointer b)
{
  return strcmp (((const SbEntity *) a)->id, ((const SbEntity *) b)->id) == 0;
}

/**
 * _sb_id_table_new:
 *
 * A briefing's table of ids: a set of its entities, hashed and compared
 * by id. A set has no array of values: 16 bytes a slot less, and there
 * are 2 million slots for a million statements. Use only the functions
 * below, and g_hash_table_size(); iterating gives the entities as keys.
 */
GHashTable *
_sb_id_table_new (void)
{
  return g_hash_table_new (hash_id, equal_ids);
}

void
_sb_id_table_add (GHashTable *table,
                  SbEntity   *entity)
{
  g_hash_table_add (table, entity);
}

/* What is looked up: an entity with only an id, as hash_id() and
 * equal_ids() read nothing else.
 */
static inline SbEntity
probe_for (const char *id)
{
  SbEntity probe = { .id = (char *) id };

  return probe;
}

SbEntity *
_sb_id_table_lookup (GHashTable *table,
                     const char *id)
{
  SbEntity probe = probe_for (id);

  return g_hash_table_lookup (table, &probe);
}

gboolean
_sb_id_table_contains (GHashTable *table,
                       const char *id)
{
  SbEntity probe = probe_for (id);

  return g_hash_table_contains (table, &probe);
}

void
_sb_id_table_remove (GHashTable *table,
                     const char *id)
{
  SbEntity probe = probe_for (id);

  g_hash_table_remove (table, &probe);
}
