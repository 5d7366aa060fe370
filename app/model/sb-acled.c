/* sb-acled.c
 *
 * Imports an ACLED export (CSV) as a briefing of incidents.
 *
 * ACLED exports run to a million rows: the CSV is streamed, every row is
 * checked whole before anything is made of it, and what rows share —
 * actors, sources, places, sub-event types, and the very arrays of
 * actors and citations — is made once and referenced, so that an event
 * costs little more than its object, its id and its notes.
 *
 * Exports arrive as ACLED writes them and as analysts pass them around:
 * re-saved by Excel (other date forms, Windows-1252, trailing empty
 * columns), written by pandas or R (an index column, "1.0" for 1), old
 * releases (upper-case names, ALLY_ACTOR, GWNO, other event type
 * spellings) and the monadic layout, one row per actor, whose rows of
 * one event are merged back into one incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-acled"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sb-acled.h"
#include "sb-enums.h"
#include "sb-import-private.h"

#define MAX_ID_LENGTH 64

typedef enum
{
  COL_EVENT_ID_CNTY,
  COL_DATA_ID,
  COL_EVENT_DATE,
  COL_YEAR,
  COL_TIME_PRECISION,
  COL_EVENT_TYPE,
  COL_SUB_EVENT_TYPE,
  COL_ACTOR1,
  COL_ASSOC_ACTOR_1,
  COL_INTER1,
  COL_ACTOR2,
  COL_ASSOC_ACTOR_2,
  COL_INTER2,
  COL_ISO,
  COL_ISO3,
  COL_COUNTRY,
  COL_ADMIN1,
  COL_ADMIN2,
  COL_LOCATION,
  COL_LATITUDE,
  COL_LONGITUDE,
  COL_GEO_PRECISION,
  COL_SOURCE,
  COL_SOURCE_SCALE,
  COL_NOTES,
  COL_FATALITIES,
  COL_TIMESTAMP,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "event_id_cnty", "data_id", "event_date", "year", "time_precision", "event_type",
  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
  "assoc_actor_2", "inter2", "iso", "iso3", "country", "admin1", "admin2",
  "location", "latitude", "longitude", "geo_precision", "source",
  "source_scale", "notes", "fatalities", "timestamp",
};

/* Other names the columns have had: before 2019 the associated actors
 * were allies; a monadic export made by ACLED's R package names the one
 * actor of a row "actor", "assoc_actor" and "inter".
 */
static const struct {
  const char *name;
  Column column;
} column_aliases[] = {
  { "ally_actor_1", COL_ASSOC_ACTOR_1 }, { "ally_actor_2", COL_ASSOC_ACTOR_2 },
  { "actor", COL_ACTOR1 }, { "assoc_actor", COL_ASSOC_ACTOR_1 }, { "inter", COL_INTER1 },
};

/* The bystander codes: not forces, so not actors on the map. */
#define INTER_STATE       1
#define INTER_RIOTERS     5
#define INTER_PROTESTERS  6
#define INTER_CIVILIANS   7
#define INTER_EXTERNAL    8
#define IS_BYSTANDER(inter) ((inter) >= INTER_RIOTERS && (inter) <= INTER_CIVILIANS)

typedef struct
{
  GPtrArray *citations;    /* of SbCitation: given to every event citing these */
  GPtrArray *entries;      /* of unowned SbImportSource */
} CitationSet;

/* A date that could be read either way, until the file says which. */
typedef struct
{
  SbItem *item;
  SbImportDate date;
  guint8 time_precision;
} PendingDate;

typedef struct
{
  SbImporter *importer;
  SbCsvReader *csv;
  GCancellable *cancellable;
  int columns[N_COLUMNS];
  gboolean monadic_layout;       /* no actor2: maybe one row per actor */

  GHashTable *file_events;       /* id → unowned SbItem made from this file, or NULL */
  guint n_events;                /* made from this file */
  GHashTable *citation_sets;     /* source field → CitationSet */
  GHashTable *actor_sets;        /* actor indexes → GPtrArray of SbActor */
  GHashTable *titles;            /* sub-event type → SbText */
  CitationSet *export_citations; /* for events that name no source */

  GString *scratch;
  GString *names;                /* actor names of a row, NUL-separated */
  GString *description;
  GArray *offsets;               /* of gsize: the names in @names */
  GArray *codes;                 /* of int: their inter codes */
  GArray *own;                   /* of gboolean: main actor, not associate */
  GPtrArray *row_actors;         /* of unowned SbImportActor */
  GPtrArray *bystanders;         /* of names in @names */

  GArray *pending;               /* of PendingDate */
  guint n_day_first;             /* rows whose date can only be day first */
  guint n_month_first;
  guint n_serial;
  guint n_two_digit;

  /* The last country looked up, for rows in runs of one country. */
  char *last_iso;
  char *last_country_name;
  const char *last_country;
} Import;

/* Everything about a row, checked, before anything is made of it. */
typedef struct
{
  SbImportDate parsed;
  SbDate date;
  int time_precision;
  SbIncidentType type;
  double lat;
  double lon;
  int geo_precision;
  int inter[2];
  SbQuantity fatalities;
  const char *country;     /* alpha-3, or NULL; valid during the row */
} Row;

static void
citation_set_free (CitationSet *set)
{
  g_ptr_array_unref (set->citations);
  g_ptr_array_unref (set->entries);
  g_free (set);
}

/* Codes */

/* inter1 and inter2: codes ("1", or "1.0" from pandas), or since 2024 the
 * labels. 0 is no actor; -1 anything else.
 */
static int
parse_inter (const char *value)
{
  static const struct {
    const char *label;
    int code;
  } labels[] = {
    { "state forces", INTER_STATE }, { "rebel group", 2 }, { "political militia", 3 },
    { "identity militia", 4 }, { "rioters", INTER_RIOTERS }, { "protesters", INTER_PROTESTERS },
    { "civilians", INTER_CIVILIANS }, { "external/other forces", INTER_EXTERNAL },
    { "external", INTER_EXTERNAL }, { "other forces", INTER_EXTERNAL },
  };
  double number;

  while (g_ascii_isspace (*value))
    value++;

  if (_sb_import_parse_number (value, &number))
    return number >= 0 && number <= 8 && number == floor (number) ? (int) number : -1;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_ascii_strncasecmp (value, labels[i].label, strlen (labels[i].label)) == 0)
      return labels[i].code;

  return -1;
}

/* Lower-case letters and digits only: "Battle - Non-state actors overtake
 * territory" and "Battle-Non-state actor overtakes territory" both start
 * "battlenonstate".
 */
static void
squeeze (GString    *out,
         const char *value)
{
  g_string_truncate (out, 0);
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
}

static SbIncidentType
strategic_development (GString    *key,
                       const char *sub_event_type)
{
  squeeze (key, sub_event_type);

  if (g_str_has_prefix (key->str, "arrest"))
    return SB_INCIDENT_TYPE_ARREST;
  if (g_str_has_prefix (key->str, "agreement"))
    return SB_INCIDENT_TYPE_AGREEMENT;
  if (g_str_has_prefix (key->str, "headquarters"))
    return SB_INCIDENT_TYPE_ARRIVAL;

  return SB_INCIDENT_TYPE_OTHER;
}

/* Today's event types and those of exports before 2019, in the spellings
 * they have had.
 */
static gboolean
parse_event_type (GString        *key,
                  const char     *event_type,
                  const char     *sub_event_type,
                  SbIncidentType *type)
{
  static const struct {
    const char *prefix;
    SbIncidentType type;
  } types[] = {
    { "battle", SB_INCIDENT_TYPE_CLASH },
    { "explosion", SB_INCIDENT_TYPE_ATTACK },
    { "remoteviolence", SB_INCIDENT_TYPE_ATTACK },
    { "violenceagainstcivilian", SB_INCIDENT_TYPE_CIVILIAN_HARM },
    { "protest", SB_INCIDENT_TYPE_OTHER },
    { "riot", SB_INCIDENT_TYPE_OTHER },
    { "headquarters", SB_INCIDENT_TYPE_ARRIVAL },
    { "nonviolent", SB_INCIDENT_TYPE_OTHER },
  };

  squeeze (key, event_type);

  if (g_str_has_prefix (key->str, "strategicdevelopment"))
    {
      *type = strategic_development (key, sub_event_type);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_str_has_prefix (key->str, types[i].prefix))
        {
          *type = types[i].type;
          return TRUE;
        }
    }

  return FALSE;
}

/* time_precision and geo_precision: 1, 2 or 3; -1 for anything else. */
static int
parse_precision (const char *value)
{
  double number;

  if (!_sb_import_parse_number (value, &number) || (number != 1 && number != 2 && number != 3))
    return -1;

  return (int) number;
}

/* Fields */

static const char *
field (Import *self,
       Column  column)
{
  return _sb_import_field (self->csv, self->columns[column]);
}

/* The column an event's id is in: event_id_cnty, else data_id. */
static Column
id_column (Import *self)
{
  return self->columns[COL_EVENT_ID_CNTY] >= 0 ? COL_EVENT_ID_CNTY : COL_DATA_ID;
}

static gboolean
read_header (Import *self)
{
  static const struct {
    Column column;
    Column alternative;
    const char *label;
  } required[] = {
    { COL_EVENT_ID_CNTY, COL_DATA_ID, "event_id_cnty (or data_id)" },
    { COL_EVENT_DATE, COL_EVENT_DATE, "event_date" },
    { COL_EVENT_TYPE, COL_EVENT_TYPE, "event_type" },
    { COL_LATITUDE, COL_LATITUDE, "latitude" },
    { COL_LONGITUDE, COL_LONGITUDE, "longitude" },
    { COL_LOCATION, COL_COUNTRY, "location (or country)" },
  };
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  _sb_import_find_columns (self->csv, column_names, N_COLUMNS, self->columns);

  /* Aliases only where the column itself is missing. */
  for (guint i = 0; i < sb_csv_reader_get_n_fields (self->csv); i++)
    {
      g_autofree char *name = _sb_import_normalize_column_name (sb_csv_reader_get_field (self->csv, i, NULL));

      for (guint a = 0; a < G_N_ELEMENTS (column_aliases); a++)
        if (self->columns[column_aliases[a].column] < 0 && g_str_equal (name, column_aliases[a].name))
          self->columns[column_aliases[a].column] = i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (self->columns[required[i].column] >= 0 || self->columns[required[i].alternative] >= 0)
        continue;

      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", required[i].label);
      n_missing++;
    }

  if (n_missing > 0)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_MISSING_FIELD, NULL,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "this is not an ACLED export: its header lacks the column %s",
                                            "this is not an ACLED export: its header lacks the columns %s",
                                            n_missing),
                               missing->str);
      return FALSE;
    }

  self->monadic_layout = self->columns[COL_ACTOR1] >= 0 && self->columns[COL_ACTOR2] < 0;

  /* Which events this file made tells a second row of one of them, or
   * one that is in two files; with one file, its own ids are all there is.
   */
  if (self->importer->summaries->len > 0)
    self->file_events = g_hash_table_new (g_str_hash, g_str_equal);

  return TRUE;
}

/* The event's country as an ISO alpha-3 code, or NULL. */
static const char *
row_country (Import *self)
{
  const char *iso3 = field (self, COL_ISO3);
  const char *iso = field (self, COL_ISO);
  const char *name = field (self, COL_COUNTRY);
  const char *found = NULL;

  /* Valid while the row is read: enough for the place made from it. */
  if (strlen (iso3) == 3 && g_ascii_isupper (iso3[0]) && g_ascii_isupper (iso3[1]) &&
      g_ascii_isupper (iso3[2]))
    return iso3;

  if (self->last_iso != NULL && g_str_equal (iso, self->last_iso) &&
      g_str_equal (name, self->last_country_name))
    return self->last_country;

  if (!_sb_import_is_blank (iso))
    found = _sb_import_country_by_number (strtoul (iso, NULL, 10));
  if (found == NULL && !_sb_import_is_blank (name))
    found = _sb_import_country_by_name (name);

  g_free (self->last_iso);
  g_free (self->last_country_name);
  self->last_iso = g_strdup (iso);
  self->last_country_name = g_strdup (name);
  self->last_country = found;

  return found;
}

/* Rioters, protesters and civilians are never forces, whatever the code. */
static int
bystander_by_name (const char *name)
{
  if (g_str_has_prefix (name, "Civilians"))
    return INTER_CIVILIANS;
  if (g_str_has_prefix (name, "Protesters"))
    return INTER_PROTESTERS;
  if (g_str_has_prefix (name, "Rioters"))
    return INTER_RIOTERS;

  return 0;
}

static gboolean
check_actor_code (Import     *self,
                  Column      name_column,
                  Column      inter_column,
                  int        *inter)
{
  const char *name = field (self, name_column);
  const char *value = field (self, inter_column);

  *inter = 0;
  if (_sb_import_is_blank (name))
    return TRUE;

  /* Without the column, the name is all there is. */
  if (self->columns[inter_column] < 0 || _sb_import_is_blank (value))
    {
      *inter = bystander_by_name (name);
      if (*inter == 0)
        *inter = 2;
      return TRUE;
    }

  *inter = parse_inter (value);
  if (*inter <= 0)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, column_names[inter_column],
                               _("“%s” is not an actor type: expected a code from 1 to 8 or a label such as “State forces”"),
                               value);
      return FALSE;
    }

  if (bystander_by_name (name) != 0)
    *inter = bystander_by_name (name);

  return TRUE;
}

/* The row's `year`, when the file has one: it settles two-digit years.
 * "2021", or "2021.0" as pandas writes it.
 */
static int
row_year (Import *self)
{
  const char *p = field (self, COL_YEAR);
  int year = 0;

  while (g_ascii_isspace (*p))
    p++;
  for (guint n = 0; n < 4; n++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return 0;
      year = year * 10 + (*p - '0');
    }
  if (*p == '.')
    for (p++; *p == '0'; p++)
      ;
  while (g_ascii_isspace (*p))
    p++;

  return *p == '\0' && year >= 1000 ? year : 0;
}

/* How well the date is known, applied to the day read. */
static void
apply_time_precision (SbDate               *date,
                      const SbCalendarDate *day,
                      int                   time_precision)
{
  memset (date, 0, sizeof *date);
  date->start = *day;

  if (time_precision == 2)
    date->approximate = TRUE;
  else if (time_precision == 3)
    {
      date->start.day = 0;
      date->start.precision = SB_DATE_PRECISION_MONTH;
    }
}

static gboolean
check_date (Import *self,
            Row    *row)
{
  const char *value = field (self, COL_EVENT_DATE);
  int year = row_year (self);

  if (!_sb_import_parse_date (value, year, &row->parsed) ||
      row->parsed.date.precision != SB_DATE_PRECISION_DAY)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_DATE, "event_date",
                               _("“%s” is not a day; expected a date such as “2022-08-15”, “15 August 2022” or “15/08/2022”"),
                               value);
      return FALSE;
    }

  /* A row that contradicts its year is kept: the date is the fact. */
  if (year > 0 && row->parsed.date.year != year)
    {
      g_autofree char *read = sb_calendar_date_to_string (&row->parsed.date);

      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_DATE, "event_date",
                               _("“%s” (read as %s) is not in %d, the row's year; the date is kept"),
                               value, read, year);
    }

  return TRUE;
}

/* Checks every field the event needs; reports the first that is wrong. */
static gboolean
check_row (Import *self,
           Row    *row)
{
  const char *value;

  memset (row, 0, sizeof *row);

  value = field (self, id_column (self));
  if (_sb_import_is_blank (value))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_MISSING_FIELD, column_names[id_column (self)], _("the event has no id"));
      return FALSE;
    }

  if (!check_date (self, row))
    return FALSE;

  value = field (self, COL_TIME_PRECISION);
  row->time_precision = _sb_import_is_blank (value) ? 1 : parse_precision (value);
  if (row->time_precision < 1 || row->time_precision > 3)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "time_precision",
                               _("“%s” is not a time precision; expected 1, 2 or 3"), value);
      return FALSE;
    }
  apply_time_precision (&row->date, &row->parsed.date, row->time_precision);

  value = field (self, COL_EVENT_TYPE);
  if (!parse_event_type (self->scratch, value, field (self, COL_SUB_EVENT_TYPE), &row->type))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_UNKNOWN_VALUE, "event_type",
                               _("unknown event type “%s”; expected one of: Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments"),
                               value);
      return FALSE;
    }

  value = field (self, COL_LATITUDE);
  if (!_sb_import_parse_number (value, &row->lat))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "latitude", _("“%s” is not a number"), value);
      return FALSE;
    }
  if (row->lat < -90 || row->lat > 90)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_OUT_OF_RANGE, "latitude",
                               _("%s is out of range: latitude runs from -90 to 90"), value);
      return FALSE;
    }

  value = field (self, COL_LONGITUDE);
  if (!_sb_import_parse_number (value, &row->lon))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "longitude", _("“%s” is not a number"), value);
      return FALSE;
    }
  if (row->lon < -180 || row->lon > 180)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_OUT_OF_RANGE, "longitude",
                               _("%s is out of range: longitude runs from -180 to 180"), value);
      return FALSE;
    }

  value = field (self, COL_GEO_PRECISION);
  row->geo_precision = _sb_import_is_blank (value) ? 2 : parse_precision (value);
  if (row->geo_precision < 1 || row->geo_precision > 3)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "geo_precision",
                               _("“%s” is not a place precision; expected 1, 2 or 3"), value);
      return FALSE;
    }

  if (_sb_import_is_blank (field (self, COL_LOCATION)) && _sb_import_is_blank (field (self, COL_ADMIN1)) &&
      _sb_import_is_blank (field (self, COL_COUNTRY)))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_MISSING_FIELD, "location", _("the event has no place name"));
      return FALSE;
    }

  if (!check_actor_code (self, COL_ACTOR1, COL_INTER1, &row->inter[0]) ||
      !check_actor_code (self, COL_ACTOR2, COL_INTER2, &row->inter[1]))
    return FALSE;

  value = field (self, COL_FATALITIES);
  if (!_sb_import_is_blank (value))
    {
      double fatalities;

      if (!_sb_import_parse_number (value, &fatalities) || fatalities < 0 || fatalities != floor (fatalities))
        {
          _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "fatalities",
                                   _("“%s” is not a number of fatalities: expected a whole number, 0 or more"), value);
          return FALSE;
        }
      row->fatalities.min = row->fatalities.max = fatalities;
      row->fatalities.is_set = TRUE;
    }

  row->country = row_country (self);
  return TRUE;
}

/* Sources */

static CitationSet *
new_citation_set (void)
{
  CitationSet *set = g_new0 (CitationSet, 1);

  set->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  set->entries = g_ptr_array_new ();
  return set;
}

static void
add_to_citation_set (CitationSet    *set,
                     SbImportSource *entry)
{
  if (g_ptr_array_find (set->entries, entry, NULL))
    return;

  g_ptr_array_add (set->entries, entry);
  g_ptr_array_add (set->citations, sb_citation_ref (entry->citation));
}

/* The export itself, for events that name no source. */
static CitationSet *
get_export_citations (Import *self)
{
  g_autofree char *title = NULL;
  SbImportSource *entry;

  if (self->export_citations != NULL)
    return self->export_citations;

  title = g_strdup_printf ("ACLED export “%s”", self->importer->summary->name);
  entry = _sb_importer_get_source (self->importer, title, NULL);
  if (entry->source->publisher == NULL)
    {
      entry->source->publisher = g_strdup ("ACLED");
      entry->source->note = sb_text_new ("en", "The ACLED export this briefing was imported from, cited by events that name no source of their own.");
    }

  self->export_citations = new_citation_set ();
  add_to_citation_set (self->export_citations, entry);
  return self->export_citations;
}

/* "Reuters; Radio France Internationale": one citation each, the set
 * shared by every event that names the same.
 */
static CitationSet *
get_citations (Import     *self,
               const char *sources)
{
  CitationSet *set;
  char **names;

  if (_sb_import_is_blank (sources))
    return get_export_citations (self);

  set = g_hash_table_lookup (self->citation_sets, sources);
  if (set != NULL)
    return set;

  set = new_citation_set ();
  names = g_strsplit (sources, ";", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      _sb_import_strip (names[i]);
      if (*names[i] != '\0')
        add_to_citation_set (set, _sb_importer_get_source (self->importer, names[i], "ACLED"));
    }
  g_strfreev (names);

  if (set->entries->len == 0)
    {
      citation_set_free (set);
      return get_export_citations (self);
    }

  g_hash_table_insert (self->citation_sets, g_strdup (sources), set);
  return set;
}

static void
note_sources (Import      *self,
              CitationSet *set,
              int          year,
              const char  *scale)
{
  for (guint i = 0; i < set->entries->len; i++)
    _sb_import_source_note (self->importer, g_ptr_array_index (set->entries, i), year,
                            set != self->export_citations ? scale : NULL);
}

/* Actors */

/* The kind ACLED's code and the actor's name say the actor has in this
 * event. A state's forces named as such are national at home, foreign
 * abroad, whatever the code; an associate of state forces that the name
 * does not place (a communal militia fighting beside the army) is an
 * armed group.
 */
static SbActorKind
classify_actor (int                  inter,
                gboolean             own,
                const SbImportActor *actor,
                const char          *event_country)
{
  SbActorKind kind;

  switch (inter)
    {
    case INTER_STATE:
      return _sb_import_actor_guess_kind (actor, event_country,
                                          own ? SB_ACTOR_KIND_NATIONAL_FORCES : SB_ACTOR_KIND_ARMED_GROUP);

    case INTER_EXTERNAL:
      kind = _sb_import_actor_guess_kind (actor, event_country, SB_ACTOR_KIND_FOREIGN_FORCES);
      if (kind == SB_ACTOR_KIND_NATIONAL_FORCES && event_country == NULL)
        kind = SB_ACTOR_KIND_FOREIGN_FORCES;
      return kind;

    default:
      kind = _sb_import_actor_guess_kind (actor, NULL, SB_ACTOR_KIND_ARMED_GROUP);
      if (kind == SB_ACTOR_KIND_NATIONAL_FORCES || kind == SB_ACTOR_KIND_GOVERNMENT)
        kind = SB_ACTOR_KIND_ARMED_GROUP;
      return kind;
    }
}

static void
add_bystander (Import     *self,
               const char *name)
{
  for (guint i = 0; i < self->bystanders->len; i++)
    if (g_str_equal (g_ptr_array_index (self->bystanders, i), name))
      return;

  g_ptr_array_add (self->bystanders, (gpointer) name);
}

/* Appends the trimmed names of "A; B" to self->names, each followed by a
 * NUL, and their offsets (a GString moves as it grows) to self->offsets,
 * each with the side's code.
 */
static void
add_names (Import     *self,
           const char *value,
           gboolean    split,
           int         inter)
{
  const char *p = value;

  while (*p != '\0')
    {
      const char *end = split ? strchr (p, ';') : NULL;
      const char *stop = end ? end : p + strlen (p);
      gsize offset = self->names->len;
      gboolean own = !split;

      g_string_append_len (self->names, p, stop - p);
      g_string_append_c (self->names, '\0');
      _sb_import_strip (self->names->str + offset);
      g_string_set_size (self->names, offset + strlen (self->names->str + offset) + 1);

      if (self->names->len > offset + 1)
        {
          g_array_append_val (self->offsets, offset);
          g_array_append_val (self->codes, inter);
          g_array_append_val (self->own, own);
        }
      else
        g_string_set_size (self->names, offset);

      if (end == NULL)
        break;
      p = end + 1;
    }
}

/* The actors of the row, initiator first, in self->row_actors, each with
 * its vote for the kind it has here; the bystanders' names in
 * self->bystanders.
 */
static void
collect_actors (Import      *self,
                const Row   *row,
                CitationSet *citations)
{
  static const Column name_columns[2] = { COL_ACTOR1, COL_ACTOR2 };
  static const Column assoc_columns[2] = { COL_ASSOC_ACTOR_1, COL_ASSOC_ACTOR_2 };

  g_string_truncate (self->names, 0);
  g_array_set_size (self->offsets, 0);
  g_array_set_size (self->codes, 0);
  g_array_set_size (self->own, 0);
  g_ptr_array_set_size (self->row_actors, 0);
  g_ptr_array_set_size (self->bystanders, 0);

  for (guint side = 0; side < 2; side++)
    {
      const char *name = field (self, name_columns[side]);

      if (_sb_import_is_blank (name))
        continue;

      /* Associates share the side's code: those of civilians are civilians. */
      add_names (self, name, FALSE, row->inter[side]);
      add_names (self, field (self, assoc_columns[side]), TRUE, row->inter[side]);
    }

  for (guint i = 0; i < self->offsets->len; i++)
    {
      const char *name = self->names->str + g_array_index (self->offsets, gsize, i);
      int inter = g_array_index (self->codes, int, i);
      gboolean own = g_array_index (self->own, gboolean, i);
      SbImportActor *entry;

      if (IS_BYSTANDER (inter) || bystander_by_name (name) != 0)
        {
          add_bystander (self, name);
          continue;
        }

      entry = _sb_importer_get_actor (self->importer, name, citations->citations);
      if (g_ptr_array_find (self->row_actors, entry, NULL))
        continue;

      _sb_import_actor_vote (entry, classify_actor (inter, own, entry, row->country), own);
      g_ptr_array_add (self->row_actors, entry);
    }
}

/* The same actors in the same order share one array. */
static GPtrArray *
get_actor_array (Import    *self,
                 GPtrArray *actors)
{
  GPtrArray *shared;

  if (actors->len == 0)
    return NULL;

  /* The key: the actors' addresses, which outlive the import, in hex. */
  g_string_truncate (self->scratch, 0);
  for (guint i = 0; i < actors->len; i++)
    {
      guintptr address = GPOINTER_TO_SIZE (g_ptr_array_index (actors, i));

      do
        {
          g_string_append_c (self->scratch, "0123456789abcdef"[address & 0xf]);
          address >>= 4;
        }
      while (address > 0);
      g_string_append_c (self->scratch, ',');
    }

  shared = g_hash_table_lookup (self->actor_sets, self->scratch->str);
  if (shared == NULL)
    {
      shared = g_ptr_array_copy (actors, NULL, NULL);
      g_hash_table_insert (self->actor_sets, g_strdup (self->scratch->str), shared);
    }

  return g_ptr_array_ref (shared);
}

/* The row's actors, as the array an incident holds. */
static GPtrArray *
get_row_actor_array (Import *self)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_sized_new (self->row_actors->len);

  for (guint i = 0; i < self->row_actors->len; i++)
    g_ptr_array_add (actors, ((SbImportActor *) g_ptr_array_index (self->row_actors, i))->actor);

  return get_actor_array (self, actors);
}

/* Places */

static SbPlace *
get_place (Import    *self,
           const Row *row)
{
  static const double radius_km[] = { 0, 5, 25, 100 };
  const char *location = field (self, COL_LOCATION);
  const char *admin1 = field (self, COL_ADMIN1);

  g_string_truncate (self->scratch, 0);
  if (!_sb_import_is_blank (location))
    {
      g_string_append (self->scratch, location);
      if (!_sb_import_is_blank (admin1) && g_strcmp0 (admin1, location) != 0)
        g_string_append_printf (self->scratch, ", %s", admin1);
    }
  else if (!_sb_import_is_blank (admin1))
    g_string_append (self->scratch, admin1);
  else
    g_string_append (self->scratch, field (self, COL_COUNTRY));
  _sb_import_strip (self->scratch->str);
  g_string_set_size (self->scratch, strlen (self->scratch->str));

  return _sb_importer_get_place (self->importer, self->scratch->str,
                                 _sb_import_is_blank (location) ? NULL : location,
                                 row->lat, row->lon,
                                 row->geo_precision == 3 ? SB_PLACE_PRECISION_REGION : SB_PLACE_PRECISION_NEAR,
                                 radius_km[row->geo_precision], row->country);
}

/* Events */

static SbText *
get_title (Import *self)
{
  const char *title = field (self, COL_SUB_EVENT_TYPE);
  SbText *text;

  if (_sb_import_is_blank (title))
    title = field (self, COL_EVENT_TYPE);

  text = g_hash_table_lookup (self->titles, title);
  if (text == NULL)
    {
      text = _sb_import_text_new (title);
      g_hash_table_insert (self->titles, g_strdup (title), text);
    }

  return sb_text_ref (text);
}

static void
append_bystanders (GString   *description,
                   GPtrArray *bystanders)
{
  if (bystanders->len == 0)
    return;

  g_string_append (description, description->len > 0 ? "\n\nAlso involved: " : "Also involved: ");
  for (guint i = 0; i < bystanders->len; i++)
    g_string_append_printf (description, "%s%s", i > 0 ? "; " : "",
                            (const char *) g_ptr_array_index (bystanders, i));
  g_string_append_c (description, '.');
}

/* The notes, and who else was there that is not shown as an actor. The
 * text is data, in English like ACLED's notes: not translated.
 */
static SbText *
make_description (Import  *self,
                  SbText  *title,
                  SbPlace *place)
{
  const char *notes = field (self, COL_NOTES);
  GString *description = self->description;

  g_string_truncate (description, 0);

  if (!_sb_import_is_blank (notes))
    {
      g_string_append (description, notes);
      g_strstrip (description->str);
      g_string_set_size (description, strlen (description->str));
    }
  else
    g_string_append_printf (description, "%s at %s.",
                            sb_text_get_string_at (title, 0),
                            sb_text_get_string_at (place->name, 0));

  append_bystanders (description, self->bystanders);

  return _sb_import_text_new_take (g_strndup (description->str, description->len));
}

static gpointer
copy_citation (gconstpointer citation,
               gpointer      user_data)
{
  return sb_citation_ref ((SbCitation *) citation);
}

/* A monadic export's second row of an event: its actor joins the
 * incident the first row made. The same actor again is a duplicate.
 */
static void
merge_row (Import    *self,
           SbItem    *item,
           const Row *row)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  CitationSet *citations = get_citations (self, field (self, COL_SOURCE));
  gboolean added = FALSE;

  collect_actors (self, row, citations);

  for (guint i = 0; i < sb_item_get_n_actors (item); i++)
    g_ptr_array_add (actors, sb_item_get_actor (item, i));

  for (guint i = 0; i < self->row_actors->len; i++)
    {
      SbImportActor *entry = g_ptr_array_index (self->row_actors, i);

      if (!g_ptr_array_find (actors, entry->actor, NULL))
        {
          g_ptr_array_add (actors, entry->actor);
          added = TRUE;
        }
    }

  for (guint i = 0; i < self->bystanders->len; i++)
    {
      const char *description = sb_text_get_string_at (item->description, 0);

      if (strstr (description, g_ptr_array_index (self->bystanders, i)) == NULL)
        added = TRUE;
    }

  if (!added)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_DUPLICATE_ID, column_names[id_column (self)],
                               _("the event “%s” is in the file twice with the same actor; the first is kept"),
                               field (self, id_column (self)));
      _sb_importer_skip_row (self->importer);
      return;
    }

  g_clear_pointer (&item->actors, g_ptr_array_unref);
  item->actors = get_actor_array (self, actors);

  /* The sources of both rows, should they differ. */
  note_sources (self, citations, item->date.start.year, field (self, COL_SOURCE_SCALE));
  if (item->evidence.citations != citations->citations)
    {
      GPtrArray *both = g_ptr_array_copy (item->evidence.citations, (GCopyFunc) copy_citation, NULL);

      g_ptr_array_set_free_func (both, (GDestroyNotify) sb_citation_unref);
      for (guint i = 0; i < citations->citations->len; i++)
        {
          SbCitation *citation = g_ptr_array_index (citations->citations, i);
          gboolean known = FALSE;

          for (guint j = 0; j < both->len && !known; j++)
            known = ((SbCitation *) g_ptr_array_index (both, j))->source == citation->source;
          if (!known)
            g_ptr_array_add (both, sb_citation_ref (citation));
        }
      g_ptr_array_unref (item->evidence.citations);
      item->evidence.citations = both;
    }

  if (self->bystanders->len > 0)
    {
      g_autoptr(GString) description = g_string_new (sb_text_get_string_at (item->description, 0));
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();

      for (guint i = 0; i < self->bystanders->len; i++)
        if (strstr (description->str, g_ptr_array_index (self->bystanders, i)) == NULL)
          g_ptr_array_add (missing, g_ptr_array_index (self->bystanders, i));

      /* "Also involved: A." becomes "Also involved: A; B." */
      if (missing->len > 0 && strstr (description->str, "Also involved: ") != NULL &&
          g_str_has_suffix (description->str, "."))
        {
          g_string_truncate (description, description->len - 1);
          for (guint i = 0; i < missing->len; i++)
            g_string_append_printf (description, "; %s", (const char *) g_ptr_array_index (missing, i));
          g_string_append_c (description, '.');
        }
      else
        append_bystanders (description, missing);

      g_clear_pointer (&item->description, sb_text_unref);
      item->description = _sb_import_text_new_take (g_string_free (g_steal_pointer (&description), FALSE));
    }

  self->importer->summary->n_merged++;
}

static void
note_date (Import    *self,
           SbItem    *item,
           const Row *row)
{
  if (row->parsed.serial)
    self->n_serial++;
  if (row->parsed.two_digit_year)
    self->n_two_digit++;

  if (row->parsed.day_first)
    self->n_day_first++;
  else if (row->parsed.month_first)
    self->n_month_first++;
  else if (row->parsed.ambiguous)
    {
      PendingDate pending = { item, row->parsed, row->time_precision };

      g_array_append_val (self->pending, pending);
    }
}

/* When ACLED last changed the event: a newer export of the same query
 * tells revised events from unchanged ones by it (sb-comparison.c).
 */
static char **
get_timestamp (Import *self)
{
  const char *timestamp = field (self, COL_TIMESTAMP);
  char **properties;

  if (_sb_import_is_blank (timestamp))
    return NULL;

  properties = g_new0 (char *, 3);
  properties[0] = g_strdup ("timestamp");
  properties[1] = g_strstrip (g_strdup (timestamp));

  return properties;
}

static void
import_row (Import *self)
{
  Row row;
  CitationSet *citations;
  SbItem *item;
  SbPlace *place;

  if (!check_row (self, &row))
    {
      _sb_importer_skip_row (self->importer);
      return;
    }

  g_string_assign (self->scratch, "acled-");
  _sb_import_append_slug (self->scratch, field (self, id_column (self)), MAX_ID_LENGTH);
  if (self->scratch->len > MAX_ID_LENGTH || self->scratch->len == strlen ("acled-"))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, column_names[id_column (self)],
                               _("“%s” cannot be made an id: use letters and digits, at most %d"),
                               field (self, id_column (self)), MAX_ID_LENGTH - (int) strlen ("acled-"));
      _sb_importer_skip_row (self->importer);
      return;
    }

  /* Most ids are new: one lookup says so. */
  if (_sb_importer_has_id (self->importer, self->scratch->str))
    {
      item = self->file_events ? g_hash_table_lookup (self->file_events, self->scratch->str)
                               : (gpointer) _sb_id_table_lookup (self->importer->by_id, self->scratch->str);
      if (item != NULL && !SB_IS_ITEM (item))
        item = NULL;
      if (item != NULL && self->monadic_layout)
        {
          merge_row (self, item, &row);
          return;
        }

      _sb_importer_report_row (self->importer, SB_PROBLEM_DUPLICATE_ID, column_names[id_column (self)],
                               item != NULL ? _("the event “%s” is in the file twice; the first is kept")
                                            : _("the event “%s” was imported from another file already; the first is kept"),
                               field (self, id_column (self)));
      _sb_importer_skip_row (self->importer);
      return;
    }

  item = _sb_item_new (self->scratch->str, SB_ITEM_KIND_INCIDENT);
  citations = get_citations (self, field (self, COL_SOURCE));
  note_sources (self, citations, row.date.start.year, field (self, COL_SOURCE_SCALE));
  collect_actors (self, &row, citations);
  place = get_place (self, &row);

  item->title = get_title (self);
  item->description = make_description (self, item->title, place);
  item->date = row.date;
  item->first_day = sb_date_get_first_day (&item->date);
  item->evidence.certainty = SB_CERTAINTY_REPORTED;
  item->evidence.citations = g_ptr_array_ref (citations->citations);
  item->actors = get_row_actor_array (self);
  item->place = place;
  item->subtype = row.type;
  item->quantity = row.fatalities;
  {
    char **properties = get_timestamp (self);

    if (properties != NULL)
      _sb_item_extra (item)->properties = properties;
  }

  _sb_importer_add_item (self->importer, item);
  if (self->file_events != NULL)
    g_hash_table_insert (self->file_events, (char *) sb_entity_get_id (SB_ENTITY (item)), item);
  self->n_events++;
  note_date (self, item, &row);
}

/* Numeric dates are day first unless the file shows otherwise: the
 * dates that could be read either way follow the rows that cannot.
 */
static void
settle_dates (Import *self)
{
  gboolean month_first = self->n_month_first > self->n_day_first;

  if (self->n_day_first > 0 && self->n_month_first > 0)
    _sb_importer_add_note (self->importer,
                           month_first
                             ? _("The file mixes the orders of day and month: %u dates could only be day first, %u only month first; the %u that could be either were read month first.")
                             : _("The file mixes the orders of day and month: %u dates could only be day first, %u only month first; the %u that could be either were read day first."),
                           self->n_day_first, self->n_month_first, self->pending->len);
  else if (month_first)
    _sb_importer_add_note (self->importer,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Dates were read month first (05/06/2020 is 6 May 2020), as %u row whose second number is above 12 shows.",
                                        "Dates were read month first (05/06/2020 is 6 May 2020), as %u rows whose second number is above 12 show.",
                                        self->n_month_first),
                           self->n_month_first);
  else if (self->n_day_first > 0)
    _sb_importer_add_note (self->importer,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Dates were read day first (05/06/2020 is 5 June 2020), as %u row whose first number is above 12 shows.",
                                        "Dates were read day first (05/06/2020 is 5 June 2020), as %u rows whose first number is above 12 show.",
                                        self->n_day_first),
                           self->n_day_first);
  else if (self->pending->len > 0)
    _sb_importer_add_note (self->importer, "%s",
                           _("Dates were read day first (05/06/2020 is 5 June 2020), as ACLED writes them: no row shows which comes first."));

  if (month_first)
    {
      for (guint i = 0; i < self->pending->len; i++)
        {
          PendingDate *pending = &g_array_index (self->pending, PendingDate, i);

          _sb_import_date_swap (&pending->date);
          apply_time_precision (&pending->item->date, &pending->date.date, pending->time_precision);
          pending->item->first_day = sb_date_get_first_day (&pending->item->date);
        }
    }

  if (self->n_serial > 0)
    _sb_importer_add_note (self->importer,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u date was a spreadsheet's day number (41712 is 14 March 2014) and was read as Excel counts days.",
                                        "%u dates were a spreadsheet's day numbers (41712 is 14 March 2014) and were read as Excel counts days.",
                                        self->n_serial),
                           self->n_serial);
  if (self->n_two_digit > 0)
    _sb_importer_add_note (self->importer,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u date had a two-digit year, read with the row's year column where there is one.",
                                        "%u dates had a two-digit year, read with the row's year column where there is one.",
                                        self->n_two_digit),
                           self->n_two_digit);
}

static void
import_init (Import       *self,
             SbImporter   *importer,
             SbCsvReader  *csv,
             GCancellable *cancellable)
{
  memset (self, 0, sizeof *self);

  self->importer = importer;
  self->csv = csv;
  self->cancellable = cancellable;
  self->citation_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) citation_set_free);
  self->actor_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sb_text_unref);
  self->scratch = g_string_sized_new (256);
  self->names = g_string_sized_new (256);
  self->description = g_string_sized_new (1024);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->codes = g_array_new (FALSE, FALSE, sizeof (int));
  self->own = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->row_actors = g_ptr_array_new ();
  self->bystanders = g_ptr_array_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingDate));
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->export_citations, citation_set_free);
  g_clear_pointer (&self->file_events, g_hash_table_unref);
  g_clear_pointer (&self->citation_sets, g_hash_table_unref);
  g_clear_pointer (&self->actor_sets, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->names, TRUE);
  g_string_free (self->description, TRUE);
  g_array_unref (self->offsets);
  g_array_unref (self->codes);
  g_array_unref (self->own);
  g_ptr_array_unref (self->row_actors);
  g_ptr_array_unref (self->bystanders);
  g_array_unref (self->pending);
  g_free (self->last_iso);
  g_free (self->last_country_name);
}

/**
 * _sb_acled_read:
 * @csv: at the header, read
 *
 * Reads an ACLED export's rows into @self's briefing.
 */
void
_sb_acled_read (SbImporter   *importer,
                SbCsvReader  *csv,
                GCancellable *cancellable)
{
  SbImportSummary *summary = importer->summary;
  Import import;

  import_init (&import, importer, csv, cancellable);
  importer->row = 0;
  importer->line = 1;

  if (read_header (&import) && _sb_import_read_rows (importer, csv, cancellable, (SbImportRowFunc) import_row, &import))
    {
      settle_dates (&import);

      if (summary->n_merged > 0)
        {
          summary->monadic = TRUE;
          _sb_importer_add_note (importer,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "The file is a monadic export, one row per actor: %u row was merged into the event of another, which now has both sides.",
                                              "The file is a monadic export, one row per actor: %u rows were merged into the events of others, which now have both sides.",
                                              summary->n_merged),
                                 summary->n_merged);
        }

      if (import.n_events == 0)
        {
          importer->row = importer->line = 0;
          _sb_importer_report_row (importer, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
                                   summary->n_records == 0 ? _("the file has column names but no events")
                                                           : _("no event could be imported"));
        }
    }

  import_clear (&import);
}
