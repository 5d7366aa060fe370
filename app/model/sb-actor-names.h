/* sb-actor-names.h
 *
 * The names a text may give an actor. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-gazetteer.h"
#include "sb-name-match.h"

G_BEGIN_DECLS

void sb_actor_names_add (SbNameMatcher *matcher,
                         SbActor       *actor,
                         SbGazetteer   *gazetteer);

G_END_DECLS
