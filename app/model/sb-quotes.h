/* sb-quotes.h
 *
 * The quotes of a source a changed text would lose: a source's text is
 * protected, and a change that drops what is cited is shown first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-source.h"

G_BEGIN_DECLS

typedef struct
{
  SbEntity *entity;        /* what cites it */
  char *quote;
} SbLostQuote;

GPtrArray *sb_source_find_lost_quotes (SbBriefing *briefing,
                                       SbSource   *source,
                                       const char *text);

G_END_DECLS
