/* sb-acled.h
 *
 * Imports an ACLED export (CSV, as ACLED publishes it) as a briefing:
 * every event becomes an incident, cited to the sources ACLED names.
 *
 * Columns are found by their header name, in any order; the layouts
 * before and after ACLED's 2023 column changes both load. Required:
 * event_id_cnty (or data_id), event_date, event_type, latitude,
 * longitude, and location or country. How the rest map
 * (docs/acled-import.md has the full table):
 *
 * - event_type and sub_event_type → the incident's type: Battles → clash;
 *   Explosions/Remote violence → attack; Violence against civilians →
 *   civilian-harm; Protests, Riots → other; Strategic developments by
 *   sub-event type: Arrests → arrest, Agreement → agreement,
 *   Headquarters or base established → arrival, the rest → other. The
 *   event types of exports before 2019 ("Battle-No change of territory",
 *   "Remote violence", "Riots/Protests", …) map the same way. The
 *   sub-event type is kept as the incident's title ("Armed clash").
 * - time_precision 1 → that day; 2 (ACLED: within that week) → around
 *   that day; 3 (ACLED: within that month) → the month. event_date is
 *   read as "2022-08-15", "15 August 2022", "15-August-2022", "15 Aug
 *   2022" or "15/08/2022".
 * - geo_precision 1 (the town itself) → near, 5 km; 2 (near a town, or a
 *   part of a region) → near, 25 km; 3 (only the region: ACLED places it
 *   at the provincial capital) → region, 100 km. The place is named
 *   "location, admin1" and shared by every event with the same name,
 *   coordinates and precision. Its country is the ISO alpha-3 code from
 *   iso3, else from the numeric iso or the country name (a table for
 *   Africa and the Middle East), else left out.
 * - actor1, actor2 and the associated actors (assoc_actor_1/2, several
 *   separated by ";") are merged by exact name. Kinds come from inter1
 *   and inter2, numbers or ACLED's newer labels; associated actors take
 *   their main actor's code: 1 State forces → national-forces
 *   (government when the name starts "Government of"; foreign-forces
 *   when the name is "Military Forces of Country" and the event is in
 *   another country, until the actor is seen at home; an associate whose
 *   name does not make it a state's force → armed-group); 2, 3, 4 rebel
 *   groups and militias → armed-group; 8 External/Other forces →
 *   foreign-forces. Whatever the code, names of UN, AU, EU and ECOWAS
 *   missions (MINUSMA, MONUSCO, …) give international-mission, Wagner or
 *   Africa Corps private-military, and a state's forces named as such
 *   are national at home. 5 Rioters, 6 Protesters and 7 Civilians are
 *   not forces: they are named in the description ("Also involved: …"),
 *   not made actors.
 * - fatalities → the incident's fatalities, as given; notes → its
 *   description (English); event_id_cnty → its id, "acled-" followed by
 *   the lower-cased event id; certainty: reported.
 * - source → one source per distinct name, cited without a quote: ACLED
 *   gives no text. Its title is the name, its date the years of the
 *   events citing it, its language "en"; source_scale goes in its note.
 *   Events without a source cite the export itself.
 * - The briefing: titled @name, in English, dated by its latest event.
 *
 * A row with a bad coordinate, date, precision, actor code or event type
 * is skipped and reported: code, the file's line, and "row 12, latitude"
 * (rows as a spreadsheet numbers them, the header being row 1). At most
 * 100 problems are listed; rows go on being imported after that.
 */

#pragma once

#include <gio/gio.h>

#include "sb-briefing.h"
#include "sb-problem.h"

G_BEGIN_DECLS

SbBriefing  *sb_acled_import      (GInputStream  *stream,
                                   const char    *name,
                                   GCancellable  *cancellable,
                                   GPtrArray    **problems);
SbBriefing  *sb_acled_import_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GPtrArray    **problems);

/* Shared with the GeoJSON importer. */
GInputStream *_sb_import_open           (GFile        *file,
                                          char        **name,
                                          GCancellable *cancellable,
                                          GPtrArray   **problems);
SbProblem   *_sb_import_report_valist    (GPtrArray    *problems,
                                          guint        *n_unlisted,
                                          SbProblemCode code,
                                          const char   *path,
                                          const char   *format,
                                          va_list       args) G_GNUC_PRINTF (5, 0);
void         _sb_import_finish_problems  (GPtrArray    *problems,
                                          guint         n_unlisted);
SbActorKind  _sb_import_guess_actor_kind (const char  *name,
                                          const char  *country,
                                          SbActorKind  fallback);
SbText      *_sb_import_text_new         (const char  *string);
SbText      *_sb_import_text_new_take    (char        *string);
char        *_sb_import_make_id          (GHashTable  *by_id,
                                          GHashTable  *counters,
                                          const char  *prefix,
                                          const char  *name,
                                          const char  *fallback);

G_END_DECLS
