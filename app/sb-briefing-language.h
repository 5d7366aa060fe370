/* sb-briefing-language.h
 *
 * The language briefings are shown in, which may differ from the
 * interface's: a briefer may present in French from an English desktop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sb-briefing.h"

G_BEGIN_DECLS

void         sb_briefing_language_apply          (const char  *code);
char       **sb_briefing_language_list           (SbBriefing  *briefing,
                                                  const char  *current);
const char  *sb_briefing_language_get_name       (const char  *code);
gboolean     sb_briefing_language_is_fallback    (SbText      *text,
                                                  const char **shown,
                                                  const char **wanted);

G_END_DECLS
