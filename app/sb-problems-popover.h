/* sb-problems-popover.h
 *
 * The Problems list: what checking the briefing found, each problem a
 * row that selects what it is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-checker.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_PROBLEMS_POPOVER (sb_problems_popover_get_type ())

G_DECLARE_FINAL_TYPE (SbProblemsPopover, sb_problems_popover, SB, PROBLEMS_POPOVER, GtkPopover)

GtkWidget *sb_problems_popover_new           (void);
void       sb_problems_popover_set_selection (SbProblemsPopover *self,
                                              SbSelection       *selection);
void       sb_problems_popover_set_checker   (SbProblemsPopover *self,
                                              SbChecker         *checker);
char      *sb_problems_popover_describe      (SbCheckerProblem  *problem,
                                              SbBriefing        *briefing);

G_END_DECLS
