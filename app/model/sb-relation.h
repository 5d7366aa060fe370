/* sb-relation.h
 *
 * A directed relation from one actor to another.
 */

#pragma once

#include "sb-citation.h"
#include "sb-date.h"
#include "sb-text.h"

G_BEGIN_DECLS

/* Read-only once in a briefing: an edit replaces the array of relations. */
typedef struct
{
  SbRelationType type;
  SbActor *target;         /* unowned */
  SbText *description;     /* nullable */
  SbDate date;             /* may be unset */
  SbEvidence evidence;
} SbRelation;

SbRelation *sb_relation_new   (void);
SbRelation *sb_relation_copy  (const SbRelation *self);
void        sb_relation_free  (SbRelation       *self);
gboolean    sb_relation_equal (const SbRelation *a,
                               const SbRelation *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbRelation, sb_relation_free)

G_END_DECLS
