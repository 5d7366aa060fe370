/* sb-actor-chip.h
 *
 * An actor's symbol in its colour: the map's key in lists.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-actor.h"

G_BEGIN_DECLS

#define SB_TYPE_ACTOR_CHIP (sb_actor_chip_get_type ())

G_DECLARE_FINAL_TYPE (SbActorChip, sb_actor_chip, SB, ACTOR_CHIP, GtkWidget)

GtkWidget *sb_actor_chip_new (SbActor *actor);

G_END_DECLS
