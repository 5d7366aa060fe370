/* sb-entity.h
 *
 * Everything in a briefing that has an id: sources, actors, places,
 * statements and steps. Ids share one namespace per briefing.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_TYPE_ENTITY (sb_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (SbEntity, sb_entity, SB, ENTITY, GObject)

struct _SbEntityClass
{
  GObjectClass parent_class;

  /* A short, human label in the user's language. */
  const char *(*get_label) (SbEntity *self);
};

const char *sb_entity_get_id    (SbEntity *self);
const char *sb_entity_get_label (SbEntity *self);
void        sb_entity_get_field (SbEntity *self,
                                 guint     field,
                                 GValue   *value);

G_END_DECLS
