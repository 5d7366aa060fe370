/* sb-importer.h
 *
 * Makes one briefing from one or several data files: ACLED exports and
 * UCDP GED releases (CSV) and GeoJSON. Every file adds to the same
 * briefing: actors are merged by name, places by name and position,
 * sources by title, so that a week's ACLED export and a GED release, or
 * a boundaries file and an event file, become one briefing.
 *
 * Files are told apart by their content, not their name
 * (sb_import_sniff()). Text may be UTF-8 (with or without a byte-order
 * mark), UTF-16 with a byte-order mark, or in the encoding the caller
 * names; a CSV row that is not UTF-8 is read as Windows-1252, and the
 * summary says so. Each file's summary counts what was made and what was
 * left out, and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-import-summary.h"

G_BEGIN_DECLS

/* The most an import reads of one file. */
#define SB_IMPORT_MAX_CSV_SIZE     (G_GUINT64_CONSTANT (2) << 30)
#define SB_IMPORT_MAX_GEOJSON_SIZE (G_GUINT64_CONSTANT (1) << 30)

typedef struct _SbImporter SbImporter;

SbImportFormat   sb_import_sniff                (const char     *data,
                                                 gsize           length);
SbImportFormat   sb_import_format_from_name     (const char     *name);
SbImportFormat   sb_import_sniff_file           (GFile          *file);

SbImporter      *sb_importer_new                (void);
void             sb_importer_free               (SbImporter     *self);
void             sb_importer_set_name_property  (SbImporter     *self,
                                                 const char     *key);
SbImportSummary *sb_importer_add_stream         (SbImporter     *self,
                                                 GInputStream   *stream,
                                                 const char     *name,
                                                 SbImportFormat  format,
                                                 const char     *encoding,
                                                 GCancellable   *cancellable);
SbImportSummary *sb_importer_add_file           (SbImporter     *self,
                                                 GFile          *file,
                                                 SbImportFormat  format,
                                                 const char     *encoding,
                                                 GCancellable   *cancellable);
SbBriefing      *sb_importer_finish             (SbImporter     *self,
                                                 const char     *title);

SbBriefing      *sb_import_file                 (GFile            *file,
                                                 SbImportFormat    format,
                                                 const char       *encoding,
                                                 GCancellable     *cancellable,
                                                 SbImportSummary **summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbImporter, sb_importer_free)

G_END_DECLS
