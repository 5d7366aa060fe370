/* sb-entity.h
 *
 * Everything in a briefing that has an id: sources, actors, places,
 * statements and steps. Ids share one namespace per briefing.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_TYPE_ENTITY (sb_entity_get_type ())

/* Declared by hand rather than with G_DECLARE_DERIVABLE_TYPE so that the id
 * is in the instance, not in private data: GLib pads private data to 16
 * bytes, and a million statements are entities.
 */
typedef struct _SbEntity SbEntity;
typedef struct _SbEntityClass SbEntityClass;

GType sb_entity_get_type (void) G_GNUC_CONST;

#define SB_ENTITY(obj)            (G_TYPE_CHECK_INSTANCE_CAST ((obj), SB_TYPE_ENTITY, SbEntity))
#define SB_IS_ENTITY(obj)         (G_TYPE_CHECK_INSTANCE_TYPE ((obj), SB_TYPE_ENTITY))
#define SB_ENTITY_CLASS(klass)    (G_TYPE_CHECK_CLASS_CAST ((klass), SB_TYPE_ENTITY, SbEntityClass))
#define SB_IS_ENTITY_CLASS(klass) (G_TYPE_CHECK_CLASS_TYPE ((klass), SB_TYPE_ENTITY))
#define SB_ENTITY_GET_CLASS(obj)  (G_TYPE_INSTANCE_GET_CLASS ((obj), SB_TYPE_ENTITY, SbEntityClass))

struct _SbEntity
{
  GObject parent_instance;

  /*< private >*/
  char *id;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbEntity, g_object_unref)

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
