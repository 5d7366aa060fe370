/* sb-window.h
 *
 * A briefing window: actors and dossiers, the map, the detail pane.
 */

#pragma once

#include <adwaita.h>

#include "sb-application.h"
#include "sb-import.h"
#include "sb-briefing.h"
#include "sb-map-view.h"
#include "sb-selection.h"

G_BEGIN_DECLS

#define SB_TYPE_WINDOW (sb_window_get_type ())

G_DECLARE_FINAL_TYPE (SbWindow, sb_window, SB, WINDOW, AdwApplicationWindow)

SbWindow    *sb_window_new            (SbApplication *application);
void         sb_window_load_default   (SbWindow      *self);
void         sb_window_open           (SbWindow      *self,
                                       GFile         *file);
void         sb_window_open_location  (SbWindow      *self,
                                       const char    *uri);
const char  *sb_window_get_location   (SbWindow      *self);
void         sb_window_import         (SbWindow      *self,
                                       GFile         *file,
                                       SbImportFormat format,
                                       const char    *encoding);
gboolean     sb_window_shows_default  (SbWindow      *self);
gboolean     sb_window_is_loading     (SbWindow      *self);
SbBriefing  *sb_window_get_briefing   (SbWindow      *self);
GFile       *sb_window_get_file       (SbWindow      *self);
SbSelection *sb_window_get_selection  (SbWindow      *self);
SbMapView   *sb_window_get_map_view   (SbWindow      *self);
GPtrArray   *sb_window_get_problems   (SbWindow      *self);

G_END_DECLS
