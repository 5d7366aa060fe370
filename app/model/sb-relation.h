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

/* A relation seen from one of its two actors. */
typedef struct
{
  const SbRelation *relation;  /* unowned */
  SbActor *other;              /* unowned: the actor at the other end */
  gboolean inverse;            /* stated by @other about the actor */
} SbRelationEnd;

typedef struct _SbBriefing SbBriefing;

SbRelation *sb_relation_new   (void);
SbRelation *sb_relation_copy  (const SbRelation *self);
void        sb_relation_free  (SbRelation       *self);
gboolean    sb_relation_equal (const SbRelation *a,
                               const SbRelation *b);

gboolean    sb_relation_type_is_symmetric (SbRelationType type);
GArray     *sb_relations_of_actor         (SbBriefing     *briefing,
                                           SbActor        *actor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbRelation, sb_relation_free)

G_END_DECLS
