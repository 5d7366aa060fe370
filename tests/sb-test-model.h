/* sb-test-model.h
 *
 * What the model tests share: the built-in briefing loaded from the
 * source tree, and its statements, actors and places looked up by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"

G_BEGIN_DECLS

SbBriefing *sb_test_load_default (void);
gpointer    sb_test_lookup       (SbBriefing *briefing,
                                  const char *id);

G_END_DECLS
