/* sb-ucdp.h
 *
 * Reads UCDP's Georeferenced Event Dataset (GED), as UCDP publishes it
 * in CSV, into an importer's briefing: every event becomes an incident
 * with its date span, where it is known to (where_prec), the fatality
 * estimate as a range with the best estimate beside it, the two sides as
 * actors and the sources by name. docs/ucdp-import.md has the full
 * table; sb-import-file.h reads files and calls this reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-csv.h"
#include "sb-importer.h"

G_BEGIN_DECLS

void _sb_ucdp_read (SbImporter   *importer,
                    SbCsvReader  *csv,
                    GCancellable *cancellable);

G_END_DECLS
