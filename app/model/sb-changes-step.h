/* sb-changes-step.h
 *
 * A presentation step of what changed since the version compared with:
 * it frames and highlights what is new or changed, with a caption that
 * counts it in each of the briefing's languages. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-comparison.h"
#include "sb-edit.h"

G_BEGIN_DECLS

char   *sb_changes_step_caption  (SbComparison *comparison,
                                  const char   *language);
SbEdit *sb_changes_step_new_edit (SbComparison *comparison,
                                  SbBriefing   *briefing,
                                  int           position);

G_END_DECLS
