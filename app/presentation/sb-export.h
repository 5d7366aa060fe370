/* sb-export.h
 *
 * The map drawn with cairo for files and paper: the current view as PNG
 * or PDF with its title, legend, scale, date, sources and attribution;
 * every step as a PDF handout; printing. Tiles are fetched first, with a
 * time limit, so exports work without a network on the built-in base map
 * and say how many tiles were missing.
 */

#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "sb-presentation.h"
#include "sb-selection.h"

G_BEGIN_DECLS

typedef enum
{
  SB_EXPORT_PNG,
  SB_EXPORT_PDF,
} SbExportFormat;

#define SB_EXPORT_ERROR (sb_export_error_quark ())

typedef enum
{
  SB_EXPORT_ERROR_WRITE,
  SB_EXPORT_ERROR_NO_STEPS,
} SbExportError;

/* How many of an export's tiles have come, of how many asked for. */
typedef void (*SbExportProgressFunc) (guint    tiles_done,
                                      guint    tiles_total,
                                      gpointer user_data);

GQuark   sb_export_error_quark      (void);

void     sb_export_view_async       (SbSelection        *selection,
                                     ShumateMapSource   *tiles,
                                     double              latitude,
                                     double              longitude,
                                     double              zoom,
                                     double              view_width,
                                     double              view_height,
                                     SbExportFormat      format,
                                     int                 width,
                                     int                 height,
                                     GFile              *file,
                                     SbExportProgressFunc progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
void     sb_export_handout_async    (SbBriefing         *briefing,
                                     ShumateMapSource   *tiles,
                                     gboolean            notes,
                                     GFile              *file,
                                     SbExportProgressFunc progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
void     sb_export_print_async      (SbBriefing         *briefing,
                                     ShumateMapSource   *tiles,
                                     gboolean            notes,
                                     GtkWindow          *parent,
                                     SbExportProgressFunc progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
gboolean sb_export_finish           (GAsyncResult       *result,
                                     guint              *missing_tiles,
                                     GError            **error);
void     sb_export_set_tile_timeout (guint               milliseconds);
GFile   *sb_export_file_for_format  (GFile              *file,
                                     SbExportFormat      format);
GdkTexture *sb_export_draw_step_preview (SbPresentation *presentation,
                                         guint           index,
                                         int             width,
                                         int             height);
void     sb_export_prefetch_tiles   (ShumateMapSource   *tiles,
                                     double              latitude,
                                     double              longitude,
                                     double              zoom,
                                     double              width,
                                     double              height);

G_END_DECLS
