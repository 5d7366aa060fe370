/* sb-cite-suggest.h
 *
 * What a passage says plainly, read into the statement cited from it as
 * suggestions the user may change: when ("on 12 March 2024", "le 3 mars",
 * "op 5 augustus"), how many were killed ("at least 14 killed", "12
 * morts"), how strong a force is ("some 400 soldiers", "400-600 men"), what
 * else it counts, and who it names.
 * No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-date.h"
#include "sb-quantity.h"

G_BEGIN_DECLS

gboolean   sb_cite_suggest_date       (const char   *passage,
                                       const SbDate *source_date,
                                       SbDate       *date);
gboolean   sb_cite_suggest_fatalities (const char   *passage,
                                       SbQuantity   *quantity);
gboolean   sb_cite_suggest_strength   (const char   *passage,
                                       SbQuantity   *quantity);
gboolean   sb_cite_suggest_count      (const char   *passage,
                                       SbQuantity   *quantity);
GPtrArray *sb_cite_suggest_actors     (SbBriefing   *briefing,
                                       const char   *passage,
                                       SbActor      *except);

G_END_DECLS
