/* sb-dossier-view.h
 *
 * One actor's dossier: who it is, its figures and relations, its
 * deployments, movements, incidents and areas, and its sources. Every
 * entry shows itself on the map and in the detail pane when chosen.
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_DOSSIER_VIEW (sb_dossier_view_get_type ())

G_DECLARE_FINAL_TYPE (SbDossierView, sb_dossier_view, SB, DOSSIER_VIEW, GtkWidget)

void     sb_dossier_view_set_selection (SbDossierView *self,
                                        SbSelection   *selection);
SbActor *sb_dossier_view_get_actor     (SbDossierView *self);
void     sb_dossier_view_set_actor     (SbDossierView *self,
                                        SbActor       *actor);
void     sb_dossier_view_set_back_to   (SbDossierView *self,
                                        SbActor       *previous);

G_END_DECLS
