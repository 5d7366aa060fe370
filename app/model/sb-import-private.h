/* sb-import-private.h
 *
 * What the importers share and nothing else sees: the importer that
 * gathers what every file makes into one briefing (actors by name,
 * places by name and position, sources by title), ids, country codes,
 * the kinds actors' names make plain, dates as data sets write them,
 * and the capped problem list with its honest counts. Text as data
 * files hold it is sb-import-text.h, which the CSV reader uses too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sb-csv.h"
#include "sb-import-summary.h"
#include "sb-import-text.h"
#include "sb-importer.h"
#include "sb-model-private.h"
#include "sb-problem.h"

G_BEGIN_DECLS

#define SB_IMPORT_MAX_SCALES 4

typedef struct
{
  SbActor *actor;
  guint index;                          /* in contents.actors */
  guint votes[SB_N_ACTOR_KINDS];        /* its kind in each event, in its own right */
  guint assoc_votes[SB_N_ACTOR_KINDS];  /* … and as another's associate */
  int stated_kind;                      /* the kind the file states, or -1 */
  int first_kind;                       /* the first voted for: ties go to it */
  int name_kind;                        /* the kind the name makes plain, or -1 */
  const char *named_country;            /* "…Forces of Mali": MLI, or NULL */
} SbImportActor;

typedef struct
{
  SbSource *source;
  SbCitation *citation;                 /* without a quote: no text */
  gint16 min_year;
  gint16 max_year;
  const char *dataset;                  /* "ACLED", "UCDP GED": for the note */
  const char *scales[SB_IMPORT_MAX_SCALES];  /* from the importer's pool */
  guint n_scales;
  gboolean more_scales;
} SbImportSource;

struct _SbImporter
{
  SbBriefingContents contents;
  GHashTable *by_id;             /* id → unowned SbEntity */
  GHashTable *id_counters;       /* slug → the last number added */
  GHashTable *actors;            /* name → SbImportActor */
  GHashTable *places;            /* key → unowned SbPlace */
  GHashTable *sources;           /* title → SbImportSource */
  GHashTable *strings;           /* a pool of short strings */
  GPtrArray *summaries;          /* of SbImportSummary, one per file */
  char *name_property;

  /* The file being read. */
  SbImportSummary *summary;
  SbCalendarDate file_date;      /* its last change, else today */
  guint row;                     /* a CSV file's row being read, as a spreadsheet numbers it; 0 for none */
  guint line;                    /* the line it starts on */
  SbProblemCode row_problem;     /* why it is skipped */
  guint n_unlisted;
  guint n_items_before[SB_N_ITEM_KINDS];
  guint n_actors_before;
  guint n_places_before;
};

/* A day, as data sets and spreadsheets write it. */
typedef struct
{
  SbCalendarDate date;
  guint8 first;                  /* both numbers of a numeric date, in file order */
  guint8 second;
  guint ambiguous : 1;           /* "05/06/2020": day and month could swap */
  guint day_first : 1;           /* only a day-first reading is valid */
  guint month_first : 1;         /* only a month-first reading is valid */
  guint two_digit_year : 1;
  guint serial : 1;              /* a spreadsheet's day number */
} SbImportDate;

/* Each file read (sb-import-file.c): its date, its summary and the
 * counts of what it added.
 */
void         _sb_importer_set_file_date     (SbImporter     *self,
                                             GDateTime      *time);
void         _sb_importer_begin_file        (SbImporter     *self,
                                             const char     *name,
                                             SbImportFormat  format);
void         _sb_importer_end_file          (SbImporter     *self);

/* Problems and counts */
SbProblem   *_sb_importer_report            (SbImporter     *self,
                                             SbProblemCode   code,
                                             const char     *path,
                                             guint           line,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (5, 6);
SbProblem   *_sb_importer_report_valist     (SbImporter     *self,
                                             SbProblemCode   code,
                                             const char     *path,
                                             guint           line,
                                             const char     *format,
                                             va_list         args) G_GNUC_PRINTF (5, 0);
void         _sb_importer_skip              (SbImporter     *self,
                                             SbProblemCode   reason);
void         _sb_importer_add_note          (SbImporter     *self,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (2, 3);
void         _sb_importer_report_row        (SbImporter     *self,
                                             SbProblemCode   code,
                                             const char     *column,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void         _sb_importer_skip_row          (SbImporter     *self);

/* A CSV file's rows, one call of @import_row each; FALSE when reading
 * failed or was cancelled.
 */
typedef void (*SbImportRowFunc)             (gpointer        user_data);
gboolean     _sb_import_read_rows           (SbImporter     *self,
                                             SbCsvReader    *csv,
                                             GCancellable   *cancellable,
                                             SbImportRowFunc import_row,
                                             gpointer        user_data);

/* A CSV header: @columns[i] is the field named @names[i], or -1. Names
 * are compared as spreadsheets leave them ("EVENT_DATE", " Event Date ").
 */
char        *_sb_import_normalize_column_name (const char   *name);
void         _sb_import_find_columns        (SbCsvReader    *csv,
                                             const char * const *names,
                                             guint           n_names,
                                             int            *columns);
const char  *_sb_import_field               (SbCsvReader    *csv,
                                             int             index);

/* What files share */
char        *_sb_importer_make_id           (SbImporter     *self,
                                             const char     *prefix,
                                             const char     *name,
                                             const char     *fallback);
void         _sb_importer_register          (SbImporter     *self,
                                             gpointer        entity);
gboolean     _sb_importer_has_id            (SbImporter     *self,
                                             const char     *id);
void         _sb_importer_add_item          (SbImporter     *self,
                                             SbItem         *item);
SbImportActor *_sb_importer_get_actor       (SbImporter     *self,
                                             const char     *name,
                                             GPtrArray      *citations);
void         _sb_import_actor_vote          (SbImportActor  *actor,
                                             SbActorKind     kind,
                                             gboolean        own);
SbActorKind  _sb_import_actor_guess_kind    (const SbImportActor *actor,
                                             const char     *country,
                                             SbActorKind     fallback);
SbPlace     *_sb_importer_get_place         (SbImporter     *self,
                                             const char     *name,
                                             const char     *id_base,
                                             double          lat,
                                             double          lon,
                                             SbPlacePrecision precision,
                                             double          radius_km,
                                             const char     *country);
SbImportSource *_sb_importer_get_source     (SbImporter     *self,
                                             const char     *title,
                                             const char     *dataset);
void         _sb_import_source_note         (SbImporter     *self,
                                             SbImportSource *source,
                                             int             year,
                                             const char     *scale);
const char  *_sb_importer_intern            (SbImporter     *self,
                                             const char     *string);

/* Names and codes */
void         _sb_import_append_slug         (GString        *slug,
                                             const char     *name,
                                             gsize           max_length);
const char  *_sb_import_country_by_name     (const char     *name);
const char  *_sb_import_country_by_number   (guint           number);
const char  *_sb_import_country_in_name     (const char     *name,
                                             char           *buffer,
                                             gsize           size);

/* Dates */
gboolean     _sb_import_parse_date          (const char     *text,
                                             int             year,
                                             SbImportDate   *date);
void         _sb_import_date_swap           (SbImportDate   *date);
gboolean     _sb_import_parse_span          (const char     *text,
                                             SbDate         *date);

G_END_DECLS
