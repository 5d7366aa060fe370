/* sb-window.h
 *
 * A briefing window: actors and dossiers, the map, the detail pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sb-import.h"
#include "sb-briefing.h"
#include "sb-document.h"
#include "sb-export.h"
#include "sb-map-editor.h"
#include "sb-map-view.h"
#include "sb-presenter.h"
#include "sb-recovery.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_WINDOW (sb_window_get_type ())

G_DECLARE_FINAL_TYPE (SbWindow, sb_window, SB, WINDOW, AdwApplicationWindow)

/* @did_close is %FALSE when the person chose to keep the window. */
typedef void (*SbWindowClosedFunc) (SbWindow *window,
                                    gboolean  did_close,
                                    gpointer  user_data);

SbWindow    *sb_window_new            (GtkApplication *application,
                                       GSettings     *settings);
void         sb_window_load_default   (SbWindow      *self);
gboolean     sb_window_shows_file     (SbWindow      *self,
                                       GFile         *file);
SbWindow    *sb_window_find_for_file  (GtkApplication *application,
                                       GFile         *file,
                                       SbWindow      *except);
void         sb_window_open           (SbWindow      *self,
                                       GFile         *file);
void         sb_window_open_location  (SbWindow      *self,
                                       const char    *uri);
const char  *sb_window_get_location   (SbWindow      *self);
void         sb_window_import         (SbWindow      *self,
                                       GFile         *file,
                                       SbImportFormat format,
                                       const char    *encoding);
void         sb_window_import_newer   (SbWindow      *self,
                                       GFile         *file);
void         sb_window_save_to_server_folder (SbWindow   *self,
                                              const char *folder_uri,
                                              const char *name);
void         sb_window_export_geojson (SbWindow      *self,
                                       GFile         *file);
void         sb_window_export_view    (SbWindow      *self,
                                       GFile         *file,
                                       SbExportFormat format,
                                       int            width,
                                       int            height);
void         sb_window_export_handout (SbWindow      *self,
                                       GFile         *file,
                                       gboolean       notes);
gboolean     sb_window_shows_default  (SbWindow      *self);
gboolean     sb_window_is_loading     (SbWindow      *self);
SbBriefing  *sb_window_get_briefing   (SbWindow      *self);
GFile       *sb_window_get_file       (SbWindow      *self);
SbSelection *sb_window_get_selection  (SbWindow      *self);
SbMapView   *sb_window_get_map_view   (SbWindow      *self);
SbMapEditor *sb_window_get_map_editor (SbWindow      *self);
SbPresenter *sb_window_get_presenter  (SbWindow      *self);
void         sb_window_present_when_loaded (SbWindow *self);
void         sb_window_set_made_for_file   (SbWindow *self,
                                            gboolean  made_for_file);
GPtrArray   *sb_window_get_problems   (SbWindow      *self);
SbDocument  *sb_window_get_document   (SbWindow      *self);
void         sb_window_new_briefing   (SbWindow      *self);
void         sb_window_save           (SbWindow      *self);
void         sb_window_save_as        (SbWindow      *self,
                                       GFile         *file);
void         sb_window_recover        (SbWindow      *self,
                                       SbRecoveryEntry *entry);
void         sb_window_request_close  (SbWindow           *self,
                                       SbWindowClosedFunc  func,
                                       gpointer            user_data);
void         sb_window_add_toast      (SbWindow      *self,
                                       AdwToast      *toast);

G_END_DECLS
