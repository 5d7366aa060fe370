/* sb-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sb-briefing.h"
#include "sb-filter.h"
#include "sb-import-file.h"

G_BEGIN_DECLS

/* @encoding is %NULL to detect it. */
typedef void (*SbImportChosenFunc) (GFile      *file,
                                    const char *encoding,
                                    gpointer    user_data);

gboolean    sb_import_guess_format (GFile                *file,
                                    SbImportFormat       *format);
void        sb_import_choose_file  (GtkWindow            *parent,
                                    SbImportChosenFunc    callback,
                                    gpointer              user_data);
void        sb_import_file_async   (GFile                *file,
                                    SbImportFormat        format,
                                    const char           *encoding,
                                    const char           *name_property,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
SbBriefing *sb_import_file_finish  (GAsyncResult         *result,
                                    SbImportSummary     **summary);
char       *sb_import_format_toast (const SbImportSummary *summary);

void        sb_export_geojson_async  (SbBriefing          *briefing,
                                      SbFilter            *filter,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    sb_export_geojson_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
