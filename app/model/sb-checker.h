/* sb-checker.h
 *
 * Checks a briefing as it is edited, as `sahelbrief --check` would check
 * the file it saves to, and says which entity each problem is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-briefing.h"
#include "sb-problem.h"

G_BEGIN_DECLS

#define SB_TYPE_CHECKER (sb_checker_get_type ())
#define SB_TYPE_CHECKER_PROBLEM (sb_checker_problem_get_type ())

G_DECLARE_FINAL_TYPE (SbChecker, sb_checker, SB, CHECKER, GObject)
G_DECLARE_FINAL_TYPE (SbCheckerProblem, sb_checker_problem, SB, CHECKER_PROBLEM, GObject)

SbChecker       *sb_checker_new                 (SbBriefing       *briefing);
void             sb_checker_queue               (SbChecker        *self);
void             sb_checker_check_now           (SbChecker        *self);
GListModel      *sb_checker_get_problems        (SbChecker        *self);
gboolean         sb_checker_get_checking        (SbChecker        *self);

GPtrArray       *sb_checker_check_data          (SbBriefing       *snapshot,
                                                 const char       *data,
                                                 gsize             length);

const SbProblem *sb_checker_problem_get_problem (SbCheckerProblem *self);
SbEntity        *sb_checker_problem_get_entity  (SbCheckerProblem *self);
char            *sb_checker_problem_to_string   (SbCheckerProblem *self);

G_END_DECLS
