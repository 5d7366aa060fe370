/* sb-sidebar.h
 *
 * The actors grouped by kind, search, and an actor's dossier.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_SIDEBAR (sb_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SbSidebar, sb_sidebar, SB, SIDEBAR, GtkWidget)

void     sb_sidebar_set_selection (SbSidebar   *self,
                                   SbSelection *selection);
void     sb_sidebar_focus_search  (SbSidebar   *self);
gboolean sb_sidebar_go_back       (SbSidebar   *self);
void     sb_sidebar_show_dossier  (SbSidebar   *self,
                                   SbActor     *actor);
void     sb_sidebar_forget_dossiers (SbSidebar *self);

G_END_DECLS
