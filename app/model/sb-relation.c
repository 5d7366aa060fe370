/* sb-relation.c
 *
 * A relation from one actor to another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-relation"

#include "config.h"

#include "sb-actor.h"
#include "sb-briefing.h"
#include "sb-relation.h"

SbRelation *
sb_relation_new (void)
{
  return g_new0 (SbRelation, 1);
}

/**
 * sb_relation_copy:
 *
 * Returns: (transfer full): a relation equal to @self, to change before
 *   it takes the place of @self through an edit
 */
SbRelation *
sb_relation_copy (const SbRelation *self)
{
  SbRelation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  if (copy->description != NULL)
    sb_text_ref (copy->description);
  if (copy->evidence.citations != NULL)
    g_ptr_array_ref (copy->evidence.citations);

  return copy;
}

void
sb_relation_free (SbRelation *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->description, sb_text_unref);
  sb_evidence_clear (&self->evidence);
  g_free (self);
}

gboolean
sb_relation_equal (const SbRelation *a,
                   const SbRelation *b)
{
  return a->type == b->type &&
         g_strcmp0 (a->target ? sb_entity_get_id (SB_ENTITY (a->target)) : NULL,
                    b->target ? sb_entity_get_id (SB_ENTITY (b->target)) : NULL) == 0 &&
         sb_text_equal (a->description, b->description) &&
         sb_date_equal (&a->date, &b->date) &&
         sb_evidence_equal (&a->evidence, &b->evidence);
}

/**
 * sb_relation_type_is_symmetric:
 *
 * Returns: whether the relation reads the same both ways ("at odds
 *   with"), rather than having an inverse ("contracted by", "contracts")
 */
gboolean
sb_relation_type_is_symmetric (SbRelationType type)
{
  switch (type)
    {
    case SB_RELATION_TYPE_ALLIED_WITH:
    case SB_RELATION_TYPE_COOPERATES_WITH:
    case SB_RELATION_TYPE_FIGHTS:
    case SB_RELATION_TYPE_AT_ODDS_WITH:
    case SB_RELATION_TYPE_AFFILIATED_WITH:
      return TRUE;

    case SB_RELATION_TYPE_CONTRACTED_BY:
    case SB_RELATION_TYPE_SUPPORTS:
    case SB_RELATION_TYPE_TRAINS:
    case SB_RELATION_TYPE_PART_OF:
    case SB_RELATION_TYPE_HOSTS:
    case SB_RELATION_TYPE_SUCCEEDS:
    default:
      return FALSE;
    }
}

static gboolean
has_own (SbActor        *actor,
         SbRelationType  type,
         SbActor        *target)
{
  GPtrArray *relations = sb_actor_get_relations (actor);

  for (guint i = 0; i < relations->len; i++)
    {
      const SbRelation *relation = g_ptr_array_index (relations, i);

      if (relation->type == type && relation->target == target)
        return TRUE;
    }

  return FALSE;
}

/**
 * sb_relations_of_actor:
 *
 * Every relation @actor has, from its side: those it states, then those
 * other actors state about it, seen the other way (Wagner "contracted
 * by" the junta is the junta "contracting" Wagner). A symmetric relation
 * both actors state is given once, as @actor states it.
 *
 * Returns: (transfer full) (element-type SbRelationEnd): the relations
 */
GArray *
sb_relations_of_actor (SbBriefing *briefing,
                       SbActor    *actor)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (SbRelationEnd));
  GPtrArray *own;
  GListModel *actors;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), ends);
  g_return_val_if_fail (SB_IS_ACTOR (actor), ends);

  own = sb_actor_get_relations (actor);
  for (guint i = 0; i < own->len; i++)
    {
      const SbRelation *relation = g_ptr_array_index (own, i);
      SbRelationEnd end = { relation, relation->target, FALSE };

      g_array_append_val (ends, end);
    }

  actors = sb_briefing_get_actors (briefing);
  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(SbActor) other = g_list_model_get_item (actors, a);
      GPtrArray *relations = sb_actor_get_relations (other);

      if (other == actor)
        continue;

      for (guint i = 0; i < relations->len; i++)
        {
          const SbRelation *relation = g_ptr_array_index (relations, i);
          SbRelationEnd end = { relation, other, TRUE };

          if (relation->target != actor ||
              (sb_relation_type_is_symmetric (relation->type) && has_own (actor, relation->type, other)))
            continue;

          g_array_append_val (ends, end);
        }
    }

  return ends;
}
