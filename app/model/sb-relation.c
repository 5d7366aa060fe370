/* sb-relation.c
 *
 * A relation from one actor to another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-relation"

#include "config.h"

#include "sb-actor.h"
#include "sb-relation.h"

SbRelation *
sb_relation_new (void)
{
  return g_new0 (SbRelation, 1);
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
