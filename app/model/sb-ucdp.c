/* sb-ucdp.c
 *
 * UCDP GED, a row per event of organised violence with at least one
 * death: state-based conflict, non-state conflict and one-sided violence
 * against civilians. The CSV is streamed like ACLED's; what rows share
 * (actors, sources, places, titles, citation sets) is made once.
 *
 * An event in both an ACLED and a GED import is not merged: the data sets
 * count differently, and the briefer should see both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-ucdp"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-figure.h"
#include "sb-import-private.h"
#include "sb-ucdp.h"

#define MAX_ID_LENGTH 64

typedef enum
{
  COL_ID,
  COL_TYPE_OF_VIOLENCE,
  COL_CONFLICT_NAME,
  COL_DYAD_NAME,
  COL_SIDE_A,
  COL_SIDE_B,
  COL_SOURCE_ARTICLE,
  COL_SOURCE_OFFICE,
  COL_WHERE_PREC,
  COL_WHERE_COORDINATES,
  COL_WHERE_DESCRIPTION,
  COL_ADM_1,
  COL_ADM_2,
  COL_LATITUDE,
  COL_LONGITUDE,
  COL_COUNTRY,
  COL_EVENT_CLARITY,
  COL_DATE_PREC,
  COL_DATE_START,
  COL_DATE_END,
  COL_DEATHS_A,
  COL_DEATHS_B,
  COL_DEATHS_CIVILIANS,
  COL_DEATHS_UNKNOWN,
  COL_BEST,
  COL_HIGH,
  COL_LOW,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "id", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
  "source_article", "source_office", "where_prec", "where_coordinates", "where_description",
  "adm_1", "adm_2", "latitude", "longitude", "country", "event_clarity", "date_prec",
  "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
  "best", "high", "low",
};

/* UCDP's three kinds of organised violence. The titles are data, in
 * English like the rest of GED: not translated.
 */
static const struct {
  const char *title;
  SbIncidentType type;
} violence[] = {
  { NULL, SB_INCIDENT_TYPE_OTHER },
  { "State-based conflict", SB_INCIDENT_TYPE_CLASH },
  { "Non-state conflict", SB_INCIDENT_TYPE_CLASH },
  { "One-sided violence", SB_INCIDENT_TYPE_CIVILIAN_HARM },
};

/* where_prec → how well the place is known: 1 the place itself, 2 within
 * 25 km of it, 3 a second-order division (district), 4 a first-order
 * one (region), 5 a larger part of the country or a road or river, 6 the
 * country, 7 international waters or airspace.
 */
static const struct {
  SbPlacePrecision precision;
  double radius_km;
} where_precisions[] = {
  { SB_PLACE_PRECISION_NEAR, 25 },
  { SB_PLACE_PRECISION_NEAR, 5 },
  { SB_PLACE_PRECISION_NEAR, 25 },
  { SB_PLACE_PRECISION_REGION, 50 },
  { SB_PLACE_PRECISION_REGION, 150 },
  { SB_PLACE_PRECISION_REGION, 250 },
  { SB_PLACE_PRECISION_COUNTRY, 0 },
  { SB_PLACE_PRECISION_REGION, 250 },
};

typedef struct
{
  SbImporter *importer;
  SbCsvReader *csv;
  GCancellable *cancellable;
  int columns[N_COLUMNS];
  guint n_events;

  GHashTable *citation_sets;     /* source field → GPtrArray of SbCitation */
  GHashTable *citation_sources;  /* source field → GPtrArray of SbImportSource */
  GHashTable *actor_sets;        /* "a\nb" → GPtrArray of SbActor */
  SbText *titles[G_N_ELEMENTS (violence)];
  GString *scratch;
} Import;

typedef struct
{
  SbDate date;
  int type;
  double lat;
  double lon;
  int where_prec;
  SbQuantity fatalities;
  double best;
  gboolean has_best;
  const char *country;
} Row;

static const char *
field (Import *self,
       Column  column)
{
  return _sb_import_field (self->csv, self->columns[column]);
}

static gboolean
read_header (Import *self)
{
  static const Column required[] = { COL_ID, COL_DATE_START, COL_LATITUDE, COL_LONGITUDE };
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  _sb_import_find_columns (self->csv, column_names, N_COLUMNS, self->columns);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (self->columns[required[i]] >= 0)
        continue;

      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", column_names[required[i]]);
      n_missing++;
    }

  if (n_missing > 0)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_MISSING_FIELD, NULL,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "this is not UCDP GED: its header lacks the column %s",
                                            "this is not UCDP GED: its header lacks the columns %s",
                                            n_missing),
                               missing->str);
      return FALSE;
    }

  return TRUE;
}

/* A whole number from 1 to @max, "2" or "2.0"; -1 for anything else. */
static int
parse_code (const char *value,
            int         max)
{
  double number;

  if (!_sb_import_parse_number (value, &number) || number != floor (number) || number < 1 || number > max)
    return -1;

  return (int) number;
}

static gboolean
parse_count (const char *value,
             double     *count)
{
  return _sb_import_parse_number (value, count) && *count >= 0 && *count == floor (*count);
}

/* date_start and date_end: one day, a month or a year when the span is
 * exactly that, else the span of days; approximate when date_prec says
 * the day is not sure.
 */
static gboolean
check_date (Import *self,
            Row    *row)
{
  const char *start_value = field (self, COL_DATE_START);
  const char *end_value = field (self, COL_DATE_END);
  SbImportDate start, end;
  int date_prec;
  guint32 first, last;

  if (!_sb_import_parse_date (start_value, 0, &start) || start.date.precision != SB_DATE_PRECISION_DAY)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_DATE, "date_start",
                               _("“%s” is not a day; expected a date such as “2022-08-15”"), start_value);
      return FALSE;
    }

  end = start;
  if (!_sb_import_is_blank (end_value) &&
      (!_sb_import_parse_date (end_value, 0, &end) || end.date.precision != SB_DATE_PRECISION_DAY))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_DATE, "date_end",
                               _("“%s” is not a day; expected a date such as “2022-08-15”"), end_value);
      return FALSE;
    }

  first = sb_calendar_date_first_day (&start.date);
  last = sb_calendar_date_first_day (&end.date);
  if (last < first)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_DATE, "date_end", _("the event ends before it starts"));
      return FALSE;
    }

  date_prec = _sb_import_is_blank (field (self, COL_DATE_PREC)) ? 1 : parse_code (field (self, COL_DATE_PREC), 5);
  if (date_prec < 0)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "date_prec",
                               _("“%s” is not a date precision; expected a code from 1 to 5"), field (self, COL_DATE_PREC));
      return FALSE;
    }

  memset (&row->date, 0, sizeof row->date);
  row->date.start = start.date;

  if (first == last)
    row->date.approximate = date_prec > 1;
  else if (start.date.year == end.date.year && start.date.day == 1 && end.date.month == start.date.month &&
           end.date.day == g_date_get_days_in_month (end.date.month, end.date.year))
    {
      row->date.start.day = 0;
      row->date.start.precision = SB_DATE_PRECISION_MONTH;
    }
  else if (start.date.year == end.date.year && start.date.day == 1 && start.date.month == 1 &&
           end.date.month == 12 && end.date.day == 31)
    {
      row->date.start.day = row->date.start.month = 0;
      row->date.start.precision = SB_DATE_PRECISION_YEAR;
    }
  else
    {
      row->date.end = end.date;
      row->date.is_span = TRUE;
    }

  return TRUE;
}

static gboolean
check_row (Import *self,
           Row    *row)
{
  const char *value;
  double low = 0, high = 0;
  gboolean has_low, has_high;

  memset (row, 0, sizeof *row);

  if (_sb_import_is_blank (field (self, COL_ID)))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_MISSING_FIELD, "id", _("the event has no id"));
      return FALSE;
    }

  if (!check_date (self, row))
    return FALSE;

  value = field (self, COL_TYPE_OF_VIOLENCE);
  row->type = _sb_import_is_blank (value) ? 0 : parse_code (value, 3);
  if (row->type < 0)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_UNKNOWN_VALUE, "type_of_violence",
                               _("“%s” is not a type of violence; expected 1 (state-based conflict), 2 (non-state conflict) or 3 (one-sided violence)"),
                               value);
      return FALSE;
    }

  value = field (self, COL_LATITUDE);
  if (!_sb_import_parse_number (value, &row->lat) || row->lat < -90 || row->lat > 90)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_OUT_OF_RANGE, "latitude",
                               _("“%s” is not a latitude: expected a number from -90 to 90"), value);
      return FALSE;
    }

  value = field (self, COL_LONGITUDE);
  if (!_sb_import_parse_number (value, &row->lon) || row->lon < -180 || row->lon > 180)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_OUT_OF_RANGE, "longitude",
                               _("“%s” is not a longitude: expected a number from -180 to 180"), value);
      return FALSE;
    }

  value = field (self, COL_WHERE_PREC);
  row->where_prec = _sb_import_is_blank (value) ? 0 : parse_code (value, 7);
  if (row->where_prec < 0)
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "where_prec",
                               _("“%s” is not a place precision; expected a code from 1 to 7"), value);
      return FALSE;
    }

  row->country = _sb_import_country_by_name (field (self, COL_COUNTRY));

  /* The range low–high, the best estimate beside it. */
  has_low = parse_count (field (self, COL_LOW), &low);
  has_high = parse_count (field (self, COL_HIGH), &high);
  row->has_best = parse_count (field (self, COL_BEST), &row->best);
  if (has_low && has_high && low <= high)
    {
      row->fatalities.min = low;
      row->fatalities.max = high;
      row->fatalities.is_range = low < high;
      row->fatalities.is_set = TRUE;
    }
  else if (row->has_best)
    {
      row->fatalities.min = row->fatalities.max = row->best;
      row->fatalities.is_set = TRUE;
    }
  else if (!_sb_import_is_blank (field (self, COL_BEST)))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "best",
                               _("“%s” is not a number of deaths: expected a whole number, 0 or more"), field (self, COL_BEST));
      return FALSE;
    }

  return TRUE;
}

/* Sources: source_office names them ("Reuters;Agence France Presse"),
 * else source_article starts each with it ("Reuters,2012-01-20,…").
 */
static GPtrArray *
get_citations (Import     *self,
               const char *offices,
               const char *articles,
               int         year)
{
  const char *key = !_sb_import_is_blank (offices) ? offices : articles;
  GPtrArray *citations = g_hash_table_lookup (self->citation_sets, key);
  GPtrArray *entries;
  g_auto(GStrv) names = NULL;

  if (citations == NULL)
    {
      citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
      entries = g_ptr_array_new ();
      names = g_strsplit (key, ";", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          SbImportSource *entry;

          if (key == articles && strchr (names[i], ',') != NULL)
            *strchr (names[i], ',') = '\0';
          _sb_import_strip (names[i]);
          if (*names[i] == '\0')
            continue;

          entry = _sb_importer_get_source (self->importer, names[i], "UCDP GED");
          if (!g_ptr_array_find (entries, entry, NULL))
            {
              g_ptr_array_add (entries, entry);
              g_ptr_array_add (citations, sb_citation_ref (entry->citation));
            }
        }

      /* Without a source named, the data set itself. */
      if (entries->len == 0)
        {
          g_autofree char *title = g_strdup_printf ("UCDP GED file “%s”", self->importer->summary->name);
          SbImportSource *entry = _sb_importer_get_source (self->importer, title, NULL);

          if (entry->source->publisher == NULL)
            {
              entry->source->publisher = g_strdup ("Uppsala Conflict Data Program");
              entry->source->note = sb_text_new ("en", "The UCDP GED file this briefing was imported from, cited by events that name no source of their own.");
            }
          g_ptr_array_add (entries, entry);
          g_ptr_array_add (citations, sb_citation_ref (entry->citation));
        }

      g_hash_table_insert (self->citation_sets, g_strdup (key), citations);
      g_hash_table_insert (self->citation_sources, g_strdup (key), entries);
    }

  entries = g_hash_table_lookup (self->citation_sources, key);
  for (guint i = 0; i < entries->len; i++)
    _sb_import_source_note (self->importer, g_ptr_array_index (entries, i), year, NULL);

  return citations;
}

/* In GED a state is "Government of Mali": its forces, national at home
 * and foreign abroad. Civilians, the other side of one-sided violence,
 * are not forces.
 */
static SbImportActor *
get_side (Import     *self,
          const char *name,
          const Row  *row,
          GPtrArray  *citations)
{
  SbImportActor *entry;
  SbActorKind kind;

  if (_sb_import_is_blank (name) || g_str_has_prefix (name, "Civilians"))
    return NULL;

  entry = _sb_importer_get_actor (self->importer, name, citations);

  if (g_str_has_prefix (name, "Government of "))
    kind = entry->named_country != NULL && row->country != NULL && !g_str_equal (entry->named_country, row->country)
           ? SB_ACTOR_KIND_FOREIGN_FORCES : SB_ACTOR_KIND_NATIONAL_FORCES;
  else
    {
      kind = _sb_import_actor_guess_kind (entry, row->country, SB_ACTOR_KIND_ARMED_GROUP);
      if (kind == SB_ACTOR_KIND_GOVERNMENT)
        kind = SB_ACTOR_KIND_NATIONAL_FORCES;
    }

  _sb_import_actor_vote (entry, kind, TRUE);
  return entry;
}

static GPtrArray *
get_actors (Import    *self,
            const Row *row,
            GPtrArray *citations)
{
  g_autofree char *side_a = _sb_import_strip (g_strdup (field (self, COL_SIDE_A)));
  g_autofree char *side_b = _sb_import_strip (g_strdup (field (self, COL_SIDE_B)));
  SbImportActor *a = get_side (self, side_a, row, citations);
  SbImportActor *b = get_side (self, side_b, row, citations);
  GPtrArray *actors;

  if (a == NULL && b == NULL)
    return NULL;

  g_string_printf (self->scratch, "%p,%p", a, b);
  actors = g_hash_table_lookup (self->actor_sets, self->scratch->str);
  if (actors == NULL)
    {
      actors = g_ptr_array_sized_new (2);
      if (a != NULL)
        g_ptr_array_add (actors, a->actor);
      if (b != NULL && b != a)
        g_ptr_array_add (actors, b->actor);
      g_hash_table_insert (self->actor_sets, g_strdup (self->scratch->str), actors);
    }

  return g_ptr_array_ref (actors);
}

static SbPlace *
get_place (Import    *self,
           const Row *row)
{
  static const Column name_columns[] = { COL_WHERE_COORDINATES, COL_ADM_2, COL_ADM_1, COL_COUNTRY };
  g_autofree char *name = NULL;
  SbPlacePrecision precision = where_precisions[row->where_prec].precision;
  double radius_km = where_precisions[row->where_prec].radius_km;

  for (guint i = 0; i < G_N_ELEMENTS (name_columns) && name == NULL; i++)
    if (!_sb_import_is_blank (field (self, name_columns[i])))
      name = _sb_import_strip (g_strdup (field (self, name_columns[i])));
  if (name == NULL)
    name = g_strdup ("Unnamed place");

  /* Only the country, but which? Then as a region. */
  if (precision == SB_PLACE_PRECISION_COUNTRY && row->country == NULL)
    {
      precision = SB_PLACE_PRECISION_REGION;
      radius_km = 500;
    }

  return _sb_importer_get_place (self->importer, name, NULL, row->lat, row->lon, precision, radius_km,
                                 row->country);
}

/* What GED says that no field of an incident holds: the dyad, where, the
 * deaths on each side, the sources' articles. Data, in English.
 */
static SbText *
make_description (Import    *self,
                  const Row *row)
{
  static const struct {
    Column column;
    const char *label;
  } deaths[] = {
    { COL_DEATHS_A, "side A" }, { COL_DEATHS_B, "side B" },
    { COL_DEATHS_CIVILIANS, "civilians" }, { COL_DEATHS_UNKNOWN, "unknown" },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  const char *dyad = field (self, COL_DYAD_NAME);
  const char *where = field (self, COL_WHERE_DESCRIPTION);
  const char *articles = field (self, COL_SOURCE_ARTICLE);
  gboolean first = TRUE;

  g_string_append (text, violence[row->type].title ? violence[row->type].title : "Organised violence");
  if (!_sb_import_is_blank (dyad))
    g_string_append_printf (text, ": %s", dyad);
  g_string_append_c (text, '.');

  if (!_sb_import_is_blank (where))
    g_string_append_printf (text, " Where: %s.", where);

  if (row->has_best)
    {
      g_string_append_printf (text, " Deaths, best estimate: %g", row->best);
      for (guint i = 0; i < G_N_ELEMENTS (deaths); i++)
        {
          double count;

          if (!parse_count (field (self, deaths[i].column), &count) || count == 0)
            continue;
          g_string_append_printf (text, "%s%s %g", first ? " (" : ", ", deaths[i].label, count);
          first = FALSE;
        }
      g_string_append (text, first ? "." : ").");
    }

  if (g_strcmp0 (field (self, COL_EVENT_CLARITY), "2") == 0)
    g_string_append (text, " UCDP: the reports do not tell this event apart clearly.");

  if (!_sb_import_is_blank (articles))
    g_string_append_printf (text, "\n\nSources: %s", articles);

  return _sb_import_text_new_take (g_string_free (g_steal_pointer (&text), FALSE));
}

static void
import_row (Import *self)
{
  Row row;
  GPtrArray *citations;
  SbItem *item;

  if (!check_row (self, &row))
    {
      _sb_importer_skip_row (self->importer);
      return;
    }

  g_string_assign (self->scratch, "ucdp-");
  _sb_import_append_slug (self->scratch, field (self, COL_ID), MAX_ID_LENGTH);
  if (self->scratch->len > MAX_ID_LENGTH || self->scratch->len == strlen ("ucdp-"))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_BAD_VALUE, "id", _("“%s” cannot be made an id: use letters and digits, at most %d"),
                               field (self, COL_ID), MAX_ID_LENGTH - (int) strlen ("ucdp-"));
      _sb_importer_skip_row (self->importer);
      return;
    }
  if (_sb_importer_has_id (self->importer, self->scratch->str))
    {
      _sb_importer_report_row (self->importer, SB_PROBLEM_DUPLICATE_ID, "id", _("the event “%s” is in the file twice, or in another file already; the first is kept"),
                               field (self, COL_ID));
      _sb_importer_skip_row (self->importer);
      return;
    }

  item = _sb_item_new (self->scratch->str, SB_ITEM_KIND_INCIDENT);
  citations = get_citations (self, field (self, COL_SOURCE_OFFICE), field (self, COL_SOURCE_ARTICLE),
                             row.date.start.year);

  if (self->titles[row.type] == NULL && violence[row.type].title != NULL)
    self->titles[row.type] = _sb_import_text_new (violence[row.type].title);
  item->title = self->titles[row.type] ? sb_text_ref (self->titles[row.type]) : NULL;
  item->description = make_description (self, &row);
  item->date = row.date;
  item->first_day = sb_date_get_first_day (&item->date);
  item->evidence.certainty = SB_CERTAINTY_REPORTED;
  item->evidence.citations = g_ptr_array_ref (citations);
  item->actors = get_actors (self, &row, citations);
  item->place = get_place (self, &row);
  item->subtype = violence[row.type].type;
  item->quantity = row.fatalities;

  if (row.has_best && row.fatalities.is_range)
    {
      SbFigure *figure = sb_figure_new ();

      figure->measure = SB_FIGURE_MEASURE_FATALITIES;
      figure->label = _sb_import_text_new ("UCDP's best estimate");
      figure->value.min = figure->value.max = row.best;
      figure->value.is_set = TRUE;
      figure->as_of = row.date;
      figure->evidence.certainty = SB_CERTAINTY_ESTIMATED;
      figure->evidence.citations = g_ptr_array_ref (citations);
      _sb_item_extra (item)->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
      g_ptr_array_add (item->extra->figures, figure);
    }

  _sb_importer_add_item (self->importer, item);
  self->n_events++;
}

/**
 * _sb_ucdp_read:
 * @csv: at the header, read
 *
 * Reads a GED file's rows into @importer's briefing.
 */
void
_sb_ucdp_read (SbImporter   *importer,
               SbCsvReader  *csv,
               GCancellable *cancellable)
{
  Import import = { 0, };

  import.importer = importer;
  import.csv = csv;
  import.cancellable = cancellable;
  importer->row = 0;
  importer->line = 1;
  import.citation_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  import.citation_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  import.actor_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  import.scratch = g_string_new (NULL);

  if (read_header (&import) &&
      _sb_import_read_rows (importer, csv, cancellable, (SbImportRowFunc) import_row, &import) &&
      import.n_events == 0)
    {
      importer->row = importer->line = 0;
      _sb_importer_report_row (importer, SB_PROBLEM_NOT_BRIEFING, NULL, "%s",
                               importer->summary->n_records == 0 ? _("the file has column names but no events")
                                                                 : _("no event could be imported"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (import.titles); i++)
    g_clear_pointer (&import.titles[i], sb_text_unref);
  g_hash_table_unref (import.citation_sets);
  g_hash_table_unref (import.citation_sources);
  g_hash_table_unref (import.actor_sets);
  g_string_free (import.scratch, TRUE);
}
