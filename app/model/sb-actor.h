/* sb-actor.h
 *
 * A force, group, mission or government that appears in the briefing.
 */

#pragma once

#include "sb-citation.h"
#include "sb-entity.h"
#include "sb-figure.h"
#include "sb-relation.h"
#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

#define SB_TYPE_ACTOR (sb_actor_get_type ())

G_DECLARE_FINAL_TYPE (SbActor, sb_actor, SB, ACTOR, SbEntity)

SbText             *sb_actor_get_name        (SbActor *self);
SbText             *sb_actor_get_short_name  (SbActor *self);
const char         *sb_actor_get_map_label   (SbActor *self);
const char * const *sb_actor_get_aliases     (SbActor *self);
SbActorKind         sb_actor_get_kind        (SbActor *self);
SbText             *sb_actor_get_affiliation (SbActor *self);
const char         *sb_actor_get_country     (SbActor *self);
guint32             sb_actor_get_colour      (SbActor *self);
gboolean            sb_actor_has_colour      (SbActor *self);
SbText             *sb_actor_get_summary     (SbActor *self);
GPtrArray          *sb_actor_get_figures     (SbActor *self);
const SbFigure     *sb_actor_get_strength    (SbActor *self);
GPtrArray          *sb_actor_get_relations   (SbActor *self);
GPtrArray          *sb_actor_get_citations   (SbActor *self);

G_END_DECLS
