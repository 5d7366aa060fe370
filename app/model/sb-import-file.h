/* sb-import-file.h
 *
 * Reads data files into an importer (sb-importer.h), or one file into a
 * briefing of its own.
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
#include "sb-importer.h"

G_BEGIN_DECLS

/* The most an import reads of one file. */
#define SB_IMPORT_MAX_CSV_SIZE     (G_GUINT64_CONSTANT (2) << 30)
#define SB_IMPORT_MAX_GEOJSON_SIZE (G_GUINT64_CONSTANT (1) << 30)

SbImportFormat   sb_import_sniff                (const char     *data,
                                                 gsize           length);
SbImportFormat   sb_import_format_from_name     (const char     *name);
SbImportFormat   sb_import_sniff_file           (GFile          *file);

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

SbBriefing      *sb_import_file                 (GFile            *file,
                                                 SbImportFormat    format,
                                                 const char       *encoding,
                                                 GCancellable     *cancellable,
                                                 SbImportSummary **summary);

/* One file of a known format (the content has the last word), with what
 * could not be imported as a list of SbProblem.
 */
SbBriefing      *sb_acled_import                (GInputStream   *stream,
                                                 const char     *name,
                                                 GCancellable   *cancellable,
                                                 GPtrArray     **problems);
SbBriefing      *sb_acled_import_file           (GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GPtrArray     **problems);
SbBriefing      *sb_ucdp_import_file            (GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GPtrArray     **problems);
SbBriefing      *sb_geojson_import              (GInputStream   *stream,
                                                 const char     *name,
                                                 GCancellable   *cancellable,
                                                 GPtrArray     **problems);
SbBriefing      *sb_geojson_import_file         (GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GPtrArray     **problems);

G_END_DECLS
