/* sb-actor-merge.h
 *
 * Two actors that are one (an import's "Wagner Group" and "Wagner Group
 * (Russia)") made one: an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-edit.h"

G_BEGIN_DECLS

SbEdit *sb_edit_new_merge_actors (SbBriefing *briefing,
                                  SbActor    *survivor,
                                  SbActor    *merged);

G_END_DECLS
