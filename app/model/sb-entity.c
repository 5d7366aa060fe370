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
  if (self->id != NULL)
    g_free ((SbEntity **) self->id - 1);

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
  SbEntity **block = NULL;

  if (self->id != NULL)
    g_free ((SbEntity **) self->id - 1);
  self->id = NULL;

  /* The id is kept after a pointer to its entity, so that a table of ids
   * needs no values (see _sb_id_table_new()).
   */
  if (id != NULL)
    {
      gsize size = strlen (id) + 1;

      block = g_malloc (sizeof (SbEntity *) + size);
      block[0] = self;
      self->id = memcpy (block + 1, id, size);
    }
}

/**
 * _sb_id_table_new:
 *
 * A briefing's table of ids: a set of its entities' own id strings, each
 * of which knows its entity. A set has no array of values: 16 bytes a
 * slot less, and there are 2 million slots for a million statements.
 * Add with _sb_id_table_add(), look up with _sb_id_table_lookup();
 * g_hash_table_contains(), g_hash_table_remove() and g_hash_table_size()
 * work as on any table of strings.
 */
GHashTable *
_sb_id_table_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

void
_sb_id_table_add (GHashTable *table,
                  SbEntity   *entity)
{
  g_hash_table_add (table, entity->id);
}

SbEntity *
_sb_id_table_lookup (GHashTable *table,
                     const char *id)
{
  const char *key = g_hash_table_lookup (table, id);

  return key != NULL ? _sb_entity_from_id (key) : NULL;
}
