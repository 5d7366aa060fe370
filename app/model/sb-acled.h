/* sb-acled.h
 *
 * Reads an ACLED export (CSV, as ACLED publishes it and as analysts pass
 * it around) into an importer's briefing: every event becomes an
 * incident, cited to the sources ACLED names. docs/acled-import.md says
 * how each column, layout, date form and encoding is read;
 * sb-import-file.h reads files, tells their format and calls this reader,
 * and says more of what became of each.
 *
 * - Columns are found by name, in any case and order; the layouts before
 *   and after 2019 and 2023 load, as do monadic exports (one row per
 *   actor: the rows of one event are merged into one incident).
 * - event_type and sub_event_type → the incident's type (old spellings
 *   too); the sub-event type is its title.
 * - event_date as ISO, day first ("15 August 2022", "16-Feb-21",
 *   "29/12/2015", "31-12-19"), month first when the file shows it, or an
 *   Excel day number; time_precision 2 → around that day, 3 → the month.
 * - geo_precision 1 → near, 5 km; 2 → near, 25 km; 3 → region, 100 km.
 * - actor1, actor2 and their associates become actors, merged by name;
 *   an actor's kind is the one inter codes and names give it in most of
 *   its events. Rioters, protesters and civilians are named in the
 *   description, not made actors.
 * - source → one source per name, cited without a quote.
 *
 * A row with a bad coordinate, date, precision, actor code or event type
 * is skipped and reported: code, the file's line, and "row 12, latitude"
 * (rows as a spreadsheet numbers them, the header being row 1). At most
 * 100 problems are listed; rows go on being imported after that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sb-csv.h"
#include "sb-importer.h"

G_BEGIN_DECLS

void _sb_acled_read (SbImporter   *importer,
                     SbCsvReader  *csv,
                     GCancellable *cancellable);

G_END_DECLS
