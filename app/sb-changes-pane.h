/* sb-changes-pane.h
 *
 * The Changes list beside the map while the briefing is compared with
 * another version: what was added, changed and removed; choosing a change
 * selects it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-comparison.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_CHANGES_PANE (sb_changes_pane_get_type ())

G_DECLARE_FINAL_TYPE (SbChangesPane, sb_changes_pane, SB, CHANGES_PANE, GtkWidget)

SbChangesPane *sb_changes_pane_new            (void);
void           sb_changes_pane_set_selection  (SbChangesPane *self,
                                               SbSelection   *selection);
void           sb_changes_pane_set_comparison (SbChangesPane *self,
                                               SbComparison  *comparison,
                                               const char    *label);
void           sb_changes_pane_set_busy       (SbChangesPane *self,
                                               const char    *label);
SbComparison  *sb_changes_pane_get_comparison (SbChangesPane *self);
const char    *sb_changes_pane_get_label      (SbChangesPane *self);
char          *sb_change_describe             (SbChange      *change);

G_END_DECLS
