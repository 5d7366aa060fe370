/* sb-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-filter.h"

G_BEGIN_DECLS

typedef enum
{
  SB_IMPORT_ACLED,
  SB_IMPORT_GEOJSON,
} SbImportFormat;

gboolean    sb_import_guess_format (GFile                *file,
                                    SbImportFormat       *format);
void        sb_import_file_async   (GFile                *file,
                                    SbImportFormat        format,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
SbBriefing *sb_import_file_finish  (GAsyncResult         *result,
                                    GPtrArray           **problems);

void        sb_export_geojson_async  (SbBriefing          *briefing,
                                      SbFilter            *filter,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    sb_export_geojson_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
