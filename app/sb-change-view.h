/* sb-change-view.h
 *
 * Before and after: what one change did to the entity shown in the
 * detail pane, field by field, as the card shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-change.h"

G_BEGIN_DECLS

#define SB_TYPE_CHANGE_VIEW (sb_change_view_get_type ())

G_DECLARE_FINAL_TYPE (SbChangeView, sb_change_view, SB, CHANGE_VIEW, GtkWidget)

void        sb_change_view_set_change  (SbChangeView *self,
                                        SbChange     *change,
                                        const char   *since);
char       *sb_change_format_field     (SbEntity     *entity,
                                        guint         field);
const char *sb_change_field_label      (SbEntity     *entity,
                                        guint         field);

G_END_DECLS
