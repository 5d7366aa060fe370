/* test-import.c
 *
 * The CSV reader, the ACLED, UCDP GED and GeoJSON importers on fixtures
 * written from ACLED's and UCDP's codebooks and RFC 7946 (the files as
 * they arrive from the field too: Excel, pandas, QGIS, GDAL, HDX), the
 * command line's --check and --convert, and the GeoJSON export: what maps
 * to what, which problems are reported where, that every import survives
 * the writer and the loader unchanged, and how a million ACLED rows fare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "sb-csv.h"
#include "sb-enums.h"
#include "sb-figure.h"
#include "sb-file-input.h"
#include "sb-geojson-export.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-selection.h"
#include "sb-source.h"
#include "sb-writer.h"

#ifndef IMPORT_DATA_DIR
#error "IMPORT_DATA_DIR must name tests/import"
#endif

/* Helpers */

static GInputStream *
stream_for_string (const char *text)
{
  return g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);
}

static SbBriefing *
import_acled (const char  *name,
              GPtrArray  **problems)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sb_acled_import_file (file, NULL, problems);
}

static SbBriefing *
import_geojson (const char  *name,
                GPtrArray  **problems)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sb_geojson_import_file (file, NULL, problems);
}

static void
print_problems (GPtrArray  *problems,
                const char *name)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = sb_problem_to_string (g_ptr_array_index (problems, i), name);

      g_test_message ("%s", text);
    }
}

static void
assert_no_problems (GPtrArray  *problems,
                    const char *name)
{
  print_problems (problems, name);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
assert_problem (GPtrArray     *problems,
                guint          index,
                SbProblemCode  code,
                guint          line,
                const char    *path)
{
  SbProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpstr (sb_problem_code_to_nick (problem->code), ==, sb_problem_code_to_nick (code));
  if (line > 0)
    g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->path, ==, path);
}

static SbItem *
lookup_item (SbBriefing *briefing,
             const char *id)
{
  SbEntity *entity = sb_briefing_lookup (briefing, id);

  g_assert_nonnull (entity);
  g_assert_true (SB_IS_ITEM (entity));
  return SB_ITEM (entity);
}

static SbActor *
lookup_actor_by_name (SbBriefing *briefing,
                      const char *name)
{
  GListModel *actors = sb_briefing_get_actors (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

      if (g_str_equal (sb_text_get (sb_actor_get_name (actor)), name))
        return actor;
    }

  return NULL;
}

static SbSource *
lookup_source_by_title (SbBriefing *briefing,
                        const char *title)
{
  GListModel *sources = sb_briefing_get_sources (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);

      if (g_str_equal (sb_text_get (sb_source_get_title (source)), title))
        return source;
    }

  return NULL;
}

static void
assert_actor_kind (SbBriefing  *briefing,
                   const char  *name,
                   SbActorKind  kind)
{
  SbActor *actor = lookup_actor_by_name (briefing, name);

  if (actor == NULL)
    g_error ("no actor named “%s”", name);
  g_assert_cmpstr (sb_enum_to_nick (SB_TYPE_ACTOR_KIND, sb_actor_get_kind (actor)), ==,
                   sb_enum_to_nick (SB_TYPE_ACTOR_KIND, kind));
}

static guint
n_items (SbBriefing *briefing,
         SbItemKind  kind)
{
  return g_list_model_get_n_items (sb_briefing_get_items (briefing, kind));
}

static void
assert_date (const SbDate *date,
             const char   *start,
             gboolean      approximate)
{
  g_autofree char *text = sb_calendar_date_to_string (&date->start);

  g_assert_cmpstr (text, ==, start);
  g_assert_cmpint (date->approximate, ==, approximate);
}

/* Every import must be a briefing the loader accepts as it is. */
static void
assert_round_trip (SbBriefing *briefing)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *data;

  data = sb_writer_to_data (briefing, &length);
  bytes = g_bytes_new_take (data, length);
  loaded = sb_loader_load_bytes (bytes, &problems);
  assert_no_problems (problems, "round trip");
  g_assert_nonnull (loaded);

  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (loaded)), ==,
                    g_list_model_get_n_items (sb_briefing_get_sources (briefing)));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_actors (loaded)), ==,
                    g_list_model_get_n_items (sb_briefing_get_actors (briefing)));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (loaded)), ==,
                    g_list_model_get_n_items (sb_briefing_get_places (briefing)));
  for (guint kind = 0; kind < SB_N_ITEM_KINDS; kind++)
    g_assert_cmpuint (n_items (loaded, kind), ==, n_items (briefing, kind));
}

/* Data sets name sources without text: cited by name, never quoted. */
static void
assert_cited_without_quotes (SbBriefing *briefing)
{
  GListModel *items = sb_briefing_get_all_items (briefing);
  GListModel *sources = sb_briefing_get_sources (briefing);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);

      g_assert_null (sb_source_get_text (source));
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      GPtrArray *citations = sb_item_get_citations (item);

      g_assert_cmpuint (citations->len, >, 0);
      for (guint c = 0; c < citations->len; c++)
        g_assert_null (sb_citation_get_quote (g_ptr_array_index (citations, c)));
    }
}

/* CSV */

typedef struct
{
  SbCsvStatus status;
  guint line;
  guint n_fields;
  const char *fields[4];
} ExpectedRecord;

static void
assert_records (const char           *text,
                const ExpectedRecord *expected,
                guint                 n_expected)
{
  g_autoptr(GInputStream) stream = stream_for_string (text);
  g_autoptr(SbCsvReader) reader = sb_csv_reader_new (stream);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(GError) error = NULL;
      SbCsvStatus status = sb_csv_reader_next (reader, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (status, ==, expected[i].status);
      if (status == SB_CSV_END)
        continue;

      g_assert_cmpuint (sb_csv_reader_get_line (reader), ==, expected[i].line);
      if (status == SB_CSV_BAD_RECORD)
        {
          g_assert_nonnull (sb_csv_reader_get_message (reader));
          continue;
        }

      g_assert_cmpuint (sb_csv_reader_get_n_fields (reader), ==, expected[i].n_fields);
      for (guint f = 0; f < expected[i].n_fields && f < G_N_ELEMENTS (expected[i].fields); f++)
        g_assert_cmpstr (sb_csv_reader_get_field (reader, f, NULL), ==, expected[i].fields[f]);
    }
}

static void
test_csv_quoting (void)
{
  const ExpectedRecord expected[] = {
    { SB_CSV_RECORD, 1, 3, { "a", "b", "c" } },
    { SB_CSV_RECORD, 2, 3, { "1, with a comma", "say \"hi\"", "" } },
    { SB_CSV_RECORD, 3, 3, { "two\nlines", "", "x" } },
    { SB_CSV_RECORD, 6, 3, { "after a blank line", "crlf\ninside", "end" } },
    { SB_CSV_RECORD, 8, 3, { "no final newline", "\"", "" } },
    { SB_CSV_END, },
    { SB_CSV_END, },
  };

  assert_records ("\xEF\xBB\xBF" "a,b,c\r\n"
                  "\"1, with a comma\",\"say \"\"hi\"\"\",\n"
                  "\"two\nlines\",,x\n"
                  "\n"
                  "after a blank line,\"crlf\r\ninside\",end\r\n"
                  "no final newline,\"\"\"\",",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_csv_bad_records (void)
{
  const ExpectedRecord expected[] = {
    { SB_CSV_RECORD, 1, 2, { "a", "b" } },
    { SB_CSV_BAD_RECORD, 2, },          /* three fields */
    { SB_CSV_RECORD, 3, 2, { "ok", "ok" } },
    { SB_CSV_BAD_RECORD, 4, },          /* text after a closing quote */
    { SB_CSV_RECORD, 5, 2, { "still", "ok" } },
    { SB_CSV_BAD_RECORD, 6, },          /* not UTF-8 */
    { SB_CSV_RECORD, 7, 2, { "a quote\"inside", "unquoted" } },
    { SB_CSV_BAD_RECORD, 8, },          /* never closed */
    { SB_CSV_END, },
  };

  assert_records ("a,b\n"
                  "1,2,3\n"
                  "ok,ok\n"
                  "\"x\"y,z\n"
                  "still,ok\n"
                  "caf\xC3,x\n"
                  "a quote\"inside,unquoted\n"
                  "\"open,\nand on\n",
                  expected, G_N_ELEMENTS (expected));
}

/* Fields longer than the reader's buffer, across its refills. */
static void
test_csv_long_fields (void)
{
  g_autoptr(GString) text = g_string_new ("id,notes\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SbCsvReader) reader = NULL;
  gsize length;

  for (guint row = 0; row < 3; row++)
    {
      g_string_append_printf (text, "%u,\"", row);
      for (guint i = 0; i < 100000; i++)
        g_string_append (text, i % 1000 == 0 ? "\"\"\n" : "abc,");
      g_string_append (text, "\"\n");
    }

  stream = stream_for_string (text->str);
  reader = sb_csv_reader_new (stream);
  g_assert_cmpint (sb_csv_reader_next (reader, NULL, NULL), ==, SB_CSV_RECORD);

  for (guint row = 0; row < 3; row++)
    {
      g_assert_cmpint (sb_csv_reader_next (reader, NULL, NULL), ==, SB_CSV_RECORD);
      g_assert_cmpuint (sb_csv_reader_get_n_fields (reader), ==, 2);
      g_assert_cmpuint (sb_csv_reader_get_line (reader), ==, 2 + row * 101);
      sb_csv_reader_get_field (reader, 1, &length);
      g_assert_cmpuint (length, ==, 100 * 2 + 99900 * 4);
    }

  g_assert_cmpint (sb_csv_reader_next (reader, NULL, NULL), ==, SB_CSV_END);
}

/* ACLED */

static void
test_acled_current (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_acled ("acled-current.csv", &problems);
  SbItem *item;
  SbPlace *place;
  SbSource *source;

  assert_no_problems (problems, "acled-current.csv");
  g_assert_nonnull (briefing);

  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (briefing)), ==, "acled-current");
  g_assert_cmpstr (sb_briefing_get_language (briefing), ==, "en");
  assert_date (sb_briefing_get_date (briefing), "2022-08-20", FALSE);
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, 8);

  /* A battle: a clash, its sub-event type the title, the notes verbatim. */
  item = lookup_item (briefing, "acled-mli27001");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "Armed clash");
  g_assert_cmpstr (sb_text_get (sb_item_get_description (item)), ==,
                   "On 7 August 2022, JNIM militants attacked a FAMa position in Tessit (Ansongo, Gao). 42 soldiers were killed, according to the army.");
  g_assert_cmpstr (sb_text_get_language_at (sb_item_get_description (item), 0), ==, "en");
  assert_date (sb_item_get_date (item), "2022-08-07", FALSE);
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_REPORTED);
  g_assert_true (sb_item_get_fatalities (item)->is_set);
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 46);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 3);
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 0))), ==,
                   "JNIM: Group for Support of Islam and Muslims");
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 2))), ==, "Wagner Group");
  place = sb_item_get_place (item);
  g_assert_cmpstr (sb_text_get (sb_place_get_name (place)), ==, "Tessit, Gao");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 5);
  g_assert_cmpstr (sb_place_get_country (place), ==, "MLI");
  g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), 15.9333, 1e-9);
  g_assert_cmpuint (sb_item_get_citations (item)->len, ==, 2);

  /* Events naming the same sources share their citations. */
  g_assert_true (sb_item_get_citations (item) == sb_item_get_citations (lookup_item (briefing, "acled-mli27005")));

  /* Within a week: around that day; civilians and their associates are
   * named in the description, not made actors; doubled quotes undone.
   */
  item = lookup_item (briefing, "acled-mli27002");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CIVILIAN_HARM);
  assert_date (sb_item_get_date (item), "2022-08-14", TRUE);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  g_assert_cmpstr (sb_text_get (sb_item_get_description (item)), ==,
                   "Around 14 August 2022 (week of), armed men \"on motorbikes\" killed 5 civilians near Ogossagou (Bankass, Mopti).\n\n"
                   "Also involved: Civilians (Mali); Fulani Ethnic Group (Mali).");
  g_assert_null (lookup_actor_by_name (briefing, "Civilians (Mali)"));
  g_assert_null (lookup_actor_by_name (briefing, "Fulani Ethnic Group (Mali)"));
  g_assert_cmpfloat (sb_place_get_radius_km (sb_item_get_place (item)), ==, 25);

  /* A base established: an arrival; notes over two lines. */
  item = lookup_item (briefing, "acled-mli27003");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_ARRIVAL);
  g_assert_nonnull (strchr (sb_text_get (sb_item_get_description (item)), '\n'));
  g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (item))), ==, "Gao");

  /* Within a month: the month; only the region: a region. */
  item = lookup_item (briefing, "acled-mli27004");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_ATTACK);
  assert_date (sb_item_get_date (item), "2022-08", FALSE);
  g_assert_cmpint (sb_item_get_date (item)->start.precision, ==, SB_DATE_PRECISION_MONTH);
  place = sb_item_get_place (item);
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_REGION);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 100);

  item = lookup_item (briefing, "acled-bfo9001");
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "BFA");

  /* Arrests, agreement; one place for both events in Bamako. */
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (briefing, "acled-mli27005")), ==, SB_INCIDENT_TYPE_ARREST);
  item = lookup_item (briefing, "acled-mli27006");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_AGREEMENT);
  g_assert_false (sb_item_get_fatalities (item)->is_set);
  g_assert_true (sb_item_get_place (item) == sb_item_get_place (lookup_item (briefing, "acled-mli27005")));

  /* A protest has no forces: no actors. */
  item = lookup_item (briefing, "acled-nir5001");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_OTHER);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 0);
  g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (item)), "Also involved: Protesters (Niger); M62 Movement."));
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "NER");

  assert_actor_kind (briefing, "JNIM: Group for Support of Islam and Muslims", SB_ACTOR_KIND_ARMED_GROUP);
  assert_actor_kind (briefing, "Military Forces of Mali (2021-)", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_actor_kind (briefing, "Wagner Group", SB_ACTOR_KIND_PRIVATE_MILITARY);
  assert_actor_kind (briefing, "Unidentified Armed Group (Mali)", SB_ACTOR_KIND_ARMED_GROUP);
  assert_actor_kind (briefing, "Military Forces of Russia (2000-)", SB_ACTOR_KIND_FOREIGN_FORCES);
  assert_actor_kind (briefing, "Islamic State (Sahel)", SB_ACTOR_KIND_ARMED_GROUP);
  assert_actor_kind (briefing, "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)",
                     SB_ACTOR_KIND_INTERNATIONAL_MISSION);
  assert_actor_kind (briefing, "Military Forces of Burkina Faso (2022-)", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_actor_kind (briefing, "VDP: Volunteers for the Defense of the Homeland", SB_ACTOR_KIND_ARMED_GROUP);
  assert_actor_kind (briefing, "Military Forces of Ivory Coast (2011-)", SB_ACTOR_KIND_FOREIGN_FORCES);
  assert_actor_kind (briefing, "Government of Mali (2021-)", SB_ACTOR_KIND_GOVERNMENT);
  /* State forces (code 1) in another state's country are foreign there. */
  assert_actor_kind (briefing, "Military Forces of Niger (2021-2023)", SB_ACTOR_KIND_FOREIGN_FORCES);
  g_assert_cmpstr (sb_actor_get_country (lookup_actor_by_name (briefing, "Military Forces of Niger (2021-2023)")), ==, "NER");
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_actors (briefing)), ==, 12);

  /* Sources: names without text, dated by their events' year. */
  source = lookup_source_by_title (briefing, "Radio France Internationale");
  g_assert_nonnull (source);
  g_assert_null (sb_source_get_text (source));
  g_assert_cmpstr (sb_source_get_language (source), ==, "en");
  assert_date (sb_source_get_date (source), "2022", FALSE);
  g_assert_nonnull (strstr (sb_text_get (sb_source_get_note (source)), "International"));

  assert_cited_without_quotes (briefing);
  assert_round_trip (briefing);
}

static void
test_acled_layout_2022 (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_acled ("acled-2022-layout.csv", &problems);
  SbItem *item;

  assert_no_problems (problems, "acled-2022-layout.csv");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 3);

  item = lookup_item (briefing, "acled-mli26001");
  assert_date (sb_item_get_date (item), "2022-08-15", FALSE);
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_OTHER);
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "Non-violent transfer of territory");
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "MLI");
  assert_actor_kind (briefing, "Military Forces of France (2017-2022)", SB_ACTOR_KIND_FOREIGN_FORCES);

  /* "30-August-2022", and a source list shared by none. */
  item = lookup_item (briefing, "acled-bfo8001");
  assert_date (sb_item_get_date (item), "2022-08-30", FALSE);
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "BFA");
  assert_date (sb_item_get_date (lookup_item (briefing, "acled-mli26002")), "2022-08-12", TRUE);

  assert_round_trip (briefing);
}

static void
test_acled_layout_2018 (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_acled ("acled-2018-layout.csv", &problems);
  SbItem *item;

  assert_no_problems (problems, "acled-2018-layout.csv");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 4);

  /* Upper-case names, dd/mm/yyyy, the event types before 2019. */
  item = lookup_item (briefing, "acled-mli1201");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CLASH);
  assert_date (sb_item_get_date (item), "2012-01-17", FALSE);
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "Battle-No change of territory");
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "MLI");   /* by name: GWNO is not ISO */

  /* ALLY_ACTOR_1 is assoc_actor_1 as it was called. */
  item = lookup_item (briefing, "acled-mli1202");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 3);
  assert_actor_kind (briefing, "Ansar Dine", SB_ACTOR_KIND_ARMED_GROUP);

  item = lookup_item (briefing, "acled-mli1203");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_ATTACK);
  assert_date (sb_item_get_date (item), "2012-02", FALSE);

  item = lookup_item (briefing, "acled-mli1204");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_OTHER);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 0);

  assert_round_trip (briefing);
}

static void
test_acled_reordered (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_acled ("acled-reordered.csv", &problems);
  SbItem *item;

  assert_no_problems (problems, "acled-reordered.csv");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 2);

  item = lookup_item (briefing, "acled-mli26101");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpstr (sb_text_get (sb_item_get_description (item)), ==,
                   "Dozo militia fought JNIM near Bandiagara, Mopti.");
  /* Without geo_precision, near a town; without iso, the country's name. */
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpstr (sb_place_get_country (sb_item_get_place (item)), ==, "MLI");
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 9);
  assert_actor_kind (briefing, "Dan Na Ambassagou", SB_ACTOR_KIND_ARMED_GROUP);

  item = lookup_item (briefing, "acled-mli26102");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_OTHER);
  assert_actor_kind (briefing, "Wagner Group", SB_ACTOR_KIND_PRIVATE_MILITARY);

  assert_round_trip (briefing);
}

static void
test_acled_bom_crlf (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_acled ("acled-bom-crlf.csv", &problems);
  SbItem *item;
  SbSource *source;

  assert_no_problems (problems, "acled-bom-crlf.csv");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 2);

  /* The first column is found behind the byte-order mark. */
  item = lookup_item (briefing, "acled-mli30001");
  g_assert_cmpstr (sb_text_get (sb_item_get_description (item)), ==,
                   "On 2 March 2024, Africa Corps and FAMa clashed with JNIM near Soumpi.\n"
                   "Several militants were reported killed, figures vary.");
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 3);

  /* Actor types as labels, as ACLED writes them since 2024. */
  assert_actor_kind (briefing, "Africa Corps", SB_ACTOR_KIND_PRIVATE_MILITARY);
  assert_actor_kind (briefing, "Military Forces of Mali (2021-)", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_actor_kind (briefing, "JNIM: Group for Support of Islam and Muslims", SB_ACTOR_KIND_ARMED_GROUP);

  source = lookup_source_by_title (briefing, "\"Mali Actu\"");
  g_assert_nonnull (source);
  g_assert_nonnull (strstr (sb_text_get (sb_source_get_note (source)), "International-National"));

  item = lookup_item (briefing, "acled-mli30002");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CIVILIAN_HARM);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  g_assert_false (sb_item_get_fatalities (item)->min != 0);

  assert_round_trip (briefing);
}

static void
test_acled_bad_rows (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_acled ("acled-bad-rows.csv", &problems);
  const struct {
    SbProblemCode code;
    guint line;
    const char *path;
  } expected[] = {
    { SB_PROBLEM_OUT_OF_RANGE, 3, "row 3, latitude" },
    { SB_PROBLEM_BAD_VALUE, 4, "row 4, latitude" },
    { SB_PROBLEM_BAD_DATE, 5, "row 5, event_date" },
    { SB_PROBLEM_BAD_DATE, 6, "row 6, event_date" },
    { SB_PROBLEM_UNKNOWN_VALUE, 7, "row 7, event_type" },
    { SB_PROBLEM_SYNTAX, 10, "row 9" },
    { SB_PROBLEM_OUT_OF_RANGE, 11, "row 10, longitude" },
    { SB_PROBLEM_BAD_VALUE, 12, "row 11, fatalities" },
    { SB_PROBLEM_SYNTAX, 13, "row 12" },
    { SB_PROBLEM_DUPLICATE_ID, 15, "row 14, event_id_cnty" },
    { SB_PROBLEM_BAD_VALUE, 16, "row 15, time_precision" },
    { SB_PROBLEM_BAD_VALUE, 17, "row 16, inter1" },
    { SB_PROBLEM_BAD_VALUE, 18, "row 17, geo_precision" },
    { SB_PROBLEM_MISSING_FIELD, 19, "row 18, event_id_cnty" },
    { SB_PROBLEM_SYNTAX, 21, "row 20" },
  };

  print_problems (problems, "acled-bad-rows.csv");
  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_problem (problems, i, expected[i].code, expected[i].line, expected[i].path);

  /* The good rows are in, the bad ones left no actor or place behind; a
   * row that is not UTF-8 is read as Windows-1252.
   */
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 4);
  lookup_item (briefing, "acled-mli1");
  g_assert_cmpstr (sb_text_get (sb_item_get_description (lookup_item (briefing, "acled-mli7"))), ==,
                   "First line of the notes,\nsecond line.");
  lookup_item (briefing, "acled-mli12");
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_actors (briefing)), ==, 2);

  assert_round_trip (briefing);
}

static void
test_acled_not_imported (void)
{
  const struct {
    const char *name;
    SbProblemCode code;
    const char *mentions;
  } files[] = {
    { "acled-empty.csv", SB_PROBLEM_NOT_BRIEFING, "empty" },
    { "acled-header-only.csv", SB_PROBLEM_NOT_BRIEFING, "no events" },
    { "acled-missing-columns.csv", SB_PROBLEM_MISSING_FIELD, "event_type, latitude" },
    { "acled-not-csv.csv", SB_PROBLEM_MISSING_FIELD, "event_date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) briefing = import_acled (files[i].name, &problems);
      SbProblem *problem;

      print_problems (problems, files[i].name);
      g_assert_null (briefing);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpint (problem->code, ==, files[i].code);
      g_assert_nonnull (strstr (problem->message, files[i].mentions));
    }
}

static void
test_acled_no_usable_row (void)
{
  g_autoptr(GInputStream) stream =
    stream_for_string ("event_id_cnty,event_date,event_type,latitude,longitude,location\n"
                       "MLI1,2022-08-07,Battles,abc,0.28,Tessit\n"
                       "MLI2,someday,Battles,15.9,0.28,Tessit\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = sb_acled_import (stream, "x.csv", NULL, &problems);

  g_assert_null (briefing);
  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problems, 0, SB_PROBLEM_BAD_VALUE, 2, "row 2, latitude");
  assert_problem (problems, 1, SB_PROBLEM_BAD_DATE, 3, "row 3, event_date");
  assert_problem (problems, 2, SB_PROBLEM_NOT_BRIEFING, 0, NULL);
}

/* json-glib 1.6 writes U+001F unescaped: a saved briefing would not load. */
static void
test_control_characters (void)
{
  g_autoptr(GInputStream) csv =
    stream_for_string ("event_id_cnty,event_date,event_type,latitude,longitude,location,notes\n"
                       "MLI1,2022-08-07,Battles,15.9,0.28,Tes\x1fsit,\"A\x1f clash\tat\nTessit.\"\n");
  g_autoptr(GInputStream) geojson =
    stream_for_string ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [0.28, 15.9]},"
                       " \"properties\": {\"title\": \"A\\u001f clash\", \"date\": \"2022\"}}");
  g_autoptr(SbBriefing) from_csv = sb_acled_import (csv, "x\x1f.csv", NULL, NULL);
  g_autoptr(SbBriefing) from_geojson = sb_geojson_import (geojson, "x.geojson", NULL, NULL);

  g_assert_cmpstr (sb_text_get (sb_item_get_description (lookup_item (from_csv, "acled-mli1"))), ==,
                   "A  clash\tat\nTessit.");
  g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (lookup_item (from_csv, "acled-mli1")))), ==,
                   "Tes sit");
  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (from_csv)), ==, "x ");
  assert_round_trip (from_csv);

  g_assert_cmpstr (sb_text_get (sb_item_get_title (lookup_item (from_geojson, "feature-1"))), ==, "A  clash");
  assert_round_trip (from_geojson);
}

static void
test_acled_too_many_problems (void)
{
  g_autoptr(GString) csv = g_string_new ("event_id_cnty,event_date,event_type,latitude,longitude,location\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  SbProblem *last;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (csv, "MLI%u,2022-08-07,Battles,95,0.28,Tessit\n", i);
  g_string_append (csv, "MLI999,2022-08-07,Battles,15.9,0.28,Tessit\n");

  stream = stream_for_string (csv->str);
  briefing = sb_acled_import (stream, "many.csv", NULL, &problems);

  /* Rows go on being imported; the list stops at 100. */
  g_assert_nonnull (briefing);
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 1);
  g_assert_cmpuint (problems->len, ==, SB_LOADER_MAX_PROBLEMS);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_cmpint (last->code, ==, SB_PROBLEM_TOO_MANY_PROBLEMS);
  g_assert_nonnull (strstr (last->message, "51 more"));
}

static void
test_acled_cancelled (void)
{
  g_autoptr(GInputStream) stream =
    stream_for_string ("event_id_cnty,event_date,event_type,latitude,longitude,location\n"
                       "MLI1,2022-08-07,Battles,15.9,0.28,Tessit\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  g_cancellable_cancel (cancellable);
  briefing = sb_acled_import (stream, "x.csv", cancellable, &problems);
  g_assert_null (briefing);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((SbProblem *) g_ptr_array_index (problems, 0))->code, ==, SB_PROBLEM_IO);
}

/* A repeatable sequence, the same on every machine. */
static guint
next_random (guint32 *state,
             guint    n)
{
  *state = *state * 1103515245u + 12345u;
  return (*state >> 8) % n;
}

/* A stand-in for a large export: ACLED's columns, a few thousand actors
 * and sources, tens of thousands of places, notes of a realistic length
 * with commas, quotes and the odd line break.
 */
static void
write_large_export (const char *path,
                    guint       n_rows)
{
  static const char * const event_types[][2] = {
    { "Battles", "Armed clash" },
    { "Violence against civilians", "Attack" },
    { "Explosions/Remote violence", "Remote explosive/landmine/IED" },
    { "Protests", "Peaceful protest" },
    { "Strategic developments", "Arrests" },
    { "Riots", "Mob violence" },
  };
  static const struct {
    const char *numeric;
    const char *name;
    const char *code;
  } countries[] = {
    { "466", "Mali", "MLI" }, { "854", "Burkina Faso", "BFO" }, { "562", "Niger", "NIR" },
    { "566", "Nigeria", "NIG" }, { "148", "Chad", "CHA" },
  };
  static const char * const words[] = {
    "militants", "attacked", "soldiers", "village", "near", "killed", "civilians",
    "reported", "convoy", "patrol", "the", "a", "were", "at", "on", "and", "of", "by",
  };
  FILE *file = fopen (path, "w");
  guint32 state = 1;

  g_assert_nonnull (file);
  fputs ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
         "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
         "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
         "source,source_scale,notes,fatalities,tags,timestamp\n", file);

#define RANDOM(n) next_random (&state, (n))
  for (guint i = 0; i < n_rows; i++)
    {
      guint type = i % G_N_ELEMENTS (event_types);
      guint country = i % G_N_ELEMENTS (countries);
      guint location = RANDOM (20000);
      guint actor2 = RANDOM (2000);

      fprintf (file, "%s%u,2022-%02u-%02u,2022,%u,Political violence,%s,%s,Armed Group %u,,2,",
               countries[country].code, i, 1 + i % 12, 1 + i % 28, 1 + i % 3,
               event_types[type][0], event_types[type][1], RANDOM (2000));
      if (type == 1 || type == 4 || type == 5)
        fprintf (file, "Civilians (%s),,7,27,Civilian targeting,", countries[country].name);
      else if (type == 3)
        fputs (",,0,60,,", file);
      else
        fprintf (file, "Armed Group %u,,3,23,,", actor2);
      fprintf (file, "%s,Western Africa,%s,Region %u,,,Place %u,%u.%04u,%u.%04u,%u,",
               countries[country].numeric, countries[country].name, location % 50, location,
               5 + location % 15, location % 9973, location % 15, location % 9967, 1 + i % 3);
      if (RANDOM (5) > 0)
        {
          guint first = RANDOM (40);

          fprintf (file, "Source %u; Source %u,National-International,", first, RANDOM (40));
        }
      else
        fprintf (file, "Source %u,National,", RANDOM (300));

      fprintf (file, "\"On %u August 2022, ", 1 + i % 28);
      for (guint w = 0; w < 30; w++)
        fprintf (file, "%s ", words[RANDOM (G_N_ELEMENTS (words))]);
      fprintf (file, "(Place %u, Region %u).%s%u killed, \"\"reportedly\"\".\",%u,,1660000000\n",
               location, location % 50, i % 50 == 0 ? "\n" : " ", i % 7, i % 7);
    }
#undef RANDOM

  g_assert_cmpint (fclose (file), ==, 0);
}

/* Several hundred thousand rows are common: streamed, shared, fast. Run
 * with -m perf (or SB_IMPORT_ROWS) for a million.
 */
static void
test_acled_scale (void)
{
  const char *rows_env = g_getenv ("SB_IMPORT_ROWS");
  guint n_rows = rows_env ? (guint) g_ascii_strtoull (rows_env, NULL, 10)
                          : g_test_perf () ? 1000000 : 20000;
  g_autofree char *dir = g_dir_make_tmp ("sb-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "acled-large.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  struct rusage usage;
  gint64 start, end;
  GStatBuf file_stat;
  SbItem *first, *second;

  g_assert_nonnull (dir);
  write_large_export (path, n_rows);
  g_assert_cmpint (g_stat (path, &file_stat), ==, 0);

  start = g_get_monotonic_time ();
  briefing = sb_acled_import_file (file, NULL, &problems);
  end = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);

  assert_no_problems (problems, path);
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, n_rows);
  g_test_message ("%u rows, %" G_GINT64_FORMAT " MB: imported in %.2f s; peak RSS %ld MB",
                  n_rows, (gint64) file_stat.st_size / (1024 * 1024), (end - start) / 1e6,
                  usage.ru_maxrss / 1024);
  if (g_test_perf ())
    g_test_maximized_result ((end - start) / 1e6, "%.2f s to import %u rows", (end - start) / 1e6, n_rows);

  /* Shared, not copied: actors, sources, places, titles, arrays. */
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_actors (briefing)), <=, 4000);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), <=, 300);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), <=, 60000);
  first = lookup_item (briefing, "acled-mli0");
  second = lookup_item (briefing, "acled-bfo6");
  g_assert_true (sb_item_get_title (first) == sb_item_get_title (second));

  if (n_rows >= 1000000)
    g_assert_cmpint (usage.ru_maxrss, <, 1024 * 1024);   /* KiB: under 1 GiB */
  if (n_rows <= 20000)
    assert_round_trip (briefing);

  g_clear_object (&briefing);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* GeoJSON */

static void
test_geojson_points (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-points.geojson", &problems);
  SbItem *item;
  SbPlace *place;
  SbSource *source;

  print_problems (problems, "geojson-points.geojson");
  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, 4);
  assert_problem (problems, 0, SB_PROBLEM_BAD_DATE, 42, "$.features[2].properties.date");
  assert_problem (problems, 1, SB_PROBLEM_UNKNOWN_VALUE, 68, "$.features[4].properties.type");
  assert_problem (problems, 2, SB_PROBLEM_BAD_VALUE, 69, "$.features[4].properties.fatalities");
  assert_problem (problems, 3, SB_PROBLEM_WRONG_TYPE, 70, "$.features[4].properties.actors[1]");

  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 3);
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_DEPLOYMENT), ==, 2);

  /* The feature's own id; properties mapped. */
  item = lookup_item (briefing, "gao-landing");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_ARRIVAL);
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "Russian soldiers land at Gao");
  assert_date (sb_item_get_date (item), "2022-08-15", FALSE);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 2);
  place = sb_item_get_place (item);
  g_assert_cmpstr (sb_text_get (sb_place_get_name (place)), ==, "Gao airport");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_POINT);
  g_assert_cmpstr (sb_place_get_country (place), ==, "MLI");
  g_assert_cmpfloat (sb_place_get_longitude (place), ==, -0.0053);
  g_assert_cmpfloat (sb_place_get_latitude (place), ==, 16.2484);
  assert_actor_kind (briefing, "Military Forces of Russia (2000-)", SB_ACTOR_KIND_FOREIGN_FORCES);
  assert_actor_kind (briefing, "Wagner Group", SB_ACTOR_KIND_PRIVATE_MILITARY);

  /* A claim, with its claimant; actors as one string. */
  item = lookup_item (briefing, "ogossagou-attack");
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_CLAIMED);
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_evidence (item)->claimed_by)), ==, "Dan Na Ambassagou");
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 2);
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 5);
  assert_date (sb_item_get_date (item), "2022-08", FALSE);
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (item))), ==, "14.4000° N, 3.3167° W");

  /* Deployments: with "kind" and an actor; a date and time is its day;
   * "event_date" when "date" is not a date.
   */
  item = lookup_item (briefing, "feature-3");
  g_assert_cmpint (sb_item_get_kind (item), ==, SB_ITEM_KIND_DEPLOYMENT);
  assert_date (sb_item_get_date (item), "2022", FALSE);
  item = lookup_item (briefing, "feature-4");
  g_assert_cmpint (sb_item_get_deployment_status (item), ==, SB_DEPLOYMENT_STATUS_ARRIVING);
  g_assert_cmpfloat (sb_item_get_strength (item)->min, ==, 1000);
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_ESTIMATED);
  assert_date (sb_item_get_date (item), "2022-08-16", FALSE);

  item = lookup_item (briefing, "feature-5");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_OTHER);
  assert_date (sb_item_get_date (item), "2022-07-10", TRUE);
  g_assert_false (sb_item_get_fatalities (item)->is_set);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);

  /* The file is the one source, without text. */
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (briefing)), ==, 1);
  source = lookup_source_by_title (briefing, "geojson-points.geojson");
  g_assert_nonnull (source);
  assert_date (sb_source_get_date (source), "2022-08-16", FALSE);
  assert_cited_without_quotes (briefing);
  assert_round_trip (briefing);
}

static void
test_geojson_multipoint (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-multipoint.geojson", &problems);

  assert_no_problems (problems, "geojson-multipoint.geojson");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 3);

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("jnim-attacks-%u", i);
      SbItem *item = lookup_item (briefing, id);

      g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_ATTACK);
      g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_REGION);
      g_assert_cmpfloat (sb_place_get_radius_km (sb_item_get_place (item)), ==, 100);
    }

  g_assert_cmpfloat (sb_place_get_latitude (sb_item_get_place (lookup_item (briefing, "jnim-attacks-3"))), ==, 18.4411);
  assert_round_trip (briefing);
}

static void
test_geojson_linestring (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-linestring.geojson", &problems);
  SbItem *item;

  print_problems (problems, "geojson-linestring.geojson");
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, SB_PROBLEM_BAD_VALUE, 17, "$.features[0].properties.strength");
  assert_problem (problems, 1, SB_PROBLEM_MISSING_FIELD, 23, "$.features[1].properties.actors");

  /* First position to last; the ones between are the route, not kept. */
  item = lookup_item (briefing, "barkhane-to-niamey");
  g_assert_cmpint (sb_item_get_kind (item), ==, SB_ITEM_KIND_MOVEMENT);
  g_assert_cmpfloat (sb_place_get_latitude (sb_item_get_origin (item)), ==, 16.2484);
  g_assert_cmpfloat (sb_place_get_latitude (sb_item_get_place (item)), ==, 13.5137);
  g_assert_cmpint (sb_item_get_movement_status (item), ==, SB_MOVEMENT_STATUS_COMPLETED);
  g_assert_cmpint (sb_item_get_means (item), ==, SB_MOVEMENT_MEANS_GROUND);
  g_assert_false (sb_item_get_strength (item)->is_set);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  assert_round_trip (briefing);
}

static void
test_geojson_polygons (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-polygons.geojson", &problems);
  const SbGeometry *geometry;
  SbItem *item;

  print_problems (problems, "geojson-polygons.geojson");
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, SB_PROBLEM_BAD_DATE, 17, "$.features[0].properties.date");
  assert_problem (problems, 1, SB_PROBLEM_UNKNOWN_VALUE, 40, "$.features[1].properties.area_kind");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_AREA), ==, 2);

  /* A polygon with a hole; event_date when date is unusable; a span. */
  item = lookup_item (briefing, "jnim-central-mali");
  geometry = sb_item_get_geometry (item);
  g_assert_cmpuint (geometry->n_polygons, ==, 1);
  g_assert_cmpuint (geometry->polygons[0].n_rings, ==, 2);
  g_assert_cmpuint (geometry->polygons[0].rings[0].n_points, ==, 5);
  g_assert_cmpstr (sb_text_get (sb_item_get_name (item)), ==, "Central Mali");
  g_assert_true (sb_item_get_date (item)->is_span);
  assert_date (sb_item_get_date (item), "2022", FALSE);
  g_assert_cmpint (sb_item_get_area_kind (item), ==, SB_AREA_KIND_INFLUENCE);
  g_assert_cmpint (sb_item_get_boundary (item), ==, SB_BOUNDARY_SCHEMATIC);
  g_assert_cmpint (sb_item_get_certainty (item), ==, SB_CERTAINTY_ESTIMATED);
  g_assert_true (sb_geometry_contains (geometry, -3.0, 14.5));
  g_assert_false (sb_geometry_contains (geometry, -1.6, 15.1));

  item = lookup_item (briefing, "feature-2");
  g_assert_cmpuint (sb_item_get_geometry (item)->n_polygons, ==, 2);
  g_assert_cmpint (sb_item_get_area_kind (item), ==, SB_AREA_KIND_OPERATIONS);
  g_assert_cmpint (sb_item_get_boundary (item), ==, SB_BOUNDARY_APPROXIMATE);
  assert_round_trip (briefing);
}

static void
test_geojson_single_feature (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-feature.geojson", &problems);
  SbItem *item;

  assert_no_problems (problems, "geojson-feature.geojson");
  item = lookup_item (briefing, "feature-1");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_ARREST);
  g_assert_true (sb_item_get_fatalities (item)->is_set);
  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (briefing)), ==, "geojson-feature");
  assert_round_trip (briefing);
}

static void
test_geojson_3d (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-3d.geojson", &problems);
  SbItem *item;

  assert_no_problems (problems, "geojson-3d.geojson");
  item = lookup_item (briefing, "gao-3d");
  g_assert_cmpfloat (sb_place_get_longitude (sb_item_get_place (item)), ==, -0.0053);
  g_assert_cmpfloat (sb_place_get_latitude (sb_item_get_place (item)), ==, 16.2484);
  g_assert_cmpuint (sb_item_get_geometry (lookup_item (briefing, "area-3d"))->polygons[0].rings[0].n_points, ==, 4);
  g_assert_cmpint (sb_item_get_means (lookup_item (briefing, "flight-3d")), ==, SB_MOVEMENT_MEANS_AIR);
  assert_round_trip (briefing);
}

static void
test_geojson_foreign_members (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-foreign-members.geojson", &problems);

  assert_no_problems (problems, "geojson-foreign-members.geojson");
  g_assert_cmpstr (sb_text_get (sb_item_get_title (lookup_item (briefing, "foreign"))), ==, "With foreign members");
  assert_round_trip (briefing);
}

static void
test_geojson_null_geometry (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-null-geometry.geojson", &problems);

  print_problems (problems, "geojson-null-geometry.geojson");
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SB_PROBLEM_MISSING_FIELD, 4, "$.features[0].geometry");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 1);
  lookup_item (briefing, "feature-2");
}

static void
test_geojson_malformed (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-malformed.geojson", &problems);
  const struct {
    SbProblemCode code;
    const char *path;
  } expected[] = {
    { SB_PROBLEM_MISSING_FIELD, "$.features[1]" },                         /* no geometry member */
    { SB_PROBLEM_UNKNOWN_VALUE, "$.features[2].geometry.type" },           /* "Circle" */
    { SB_PROBLEM_BAD_VALUE, "$.features[3].geometry.coordinates" },        /* not numbers */
    { SB_PROBLEM_BAD_VALUE, "$.features[4].geometry.coordinates[0]" },     /* ring not closed */
    { SB_PROBLEM_OUT_OF_RANGE, "$.features[5].geometry.coordinates" },     /* latitude 95 */
    { SB_PROBLEM_WRONG_TYPE, "$.features[6].properties" },                 /* not an object */
    { SB_PROBLEM_WRONG_TYPE, "$.features[7]" },                            /* not a feature */
    { SB_PROBLEM_BAD_VALUE, "$.features[8].type" },                        /* a bare geometry */
    { SB_PROBLEM_UNKNOWN_VALUE, "$.features[10].properties.certainty" },   /* "likely" */
    { SB_PROBLEM_UNKNOWN_VALUE, "$.features[11].geometry.type" },          /* MultiLineString */
    { SB_PROBLEM_BAD_VALUE, "$.features[12].geometry.coordinates[0]" },    /* ring too short */
    { SB_PROBLEM_BAD_VALUE, "$.features[13].geometry.coordinates[1]" },    /* a position of one number */
    { SB_PROBLEM_MISSING_FIELD, "$.features[14].geometry" },               /* null */
  };

  print_problems (problems, "geojson-malformed.geojson");
  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SbProblem *problem = g_ptr_array_index (problems, i);

      /* One feature a line in the fixture, from line 4; the one without a
       * date (line 13) is a place for reference, not a problem.
       */
      assert_problem (problems, i, expected[i].code, 5 + i + (i >= 8), expected[i].path);
      g_assert_cmpuint (problem->column, >, 0);
    }

  /* What is valid is imported, and nothing of what is not. */
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, 2);
  lookup_item (briefing, "good-first");
  lookup_item (briefing, "good-last");
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (briefing)), ==, 3);
  assert_round_trip (briefing);
}

static void
test_geojson_not_imported (void)
{
  const struct {
    const char *name;
    SbProblemCode code;
    guint line;
  } files[] = {
    { "geojson-invalid.geojson", SB_PROBLEM_SYNTAX, 3 },
    { "geojson-empty-collection.geojson", SB_PROBLEM_NOT_BRIEFING, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) briefing = import_geojson (files[i].name, &problems);
      SbProblem *problem;

      print_problems (problems, files[i].name);
      g_assert_null (briefing);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpint (problem->code, ==, files[i].code);
      g_assert_cmpuint (problem->line, ==, files[i].line);
    }
}

static void
test_geojson_projected (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = import_geojson ("geojson-projected.geojson", &problems);

  /* Refused whole, with the name of its CRS. */
  print_problems (problems, "geojson-projected.geojson");
  g_assert_null (briefing);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SB_PROBLEM_UNKNOWN_VALUE, 3, "$.crs");
  g_assert_nonnull (strstr (((SbProblem *) g_ptr_array_index (problems, 0))->message, "EPSG::3857"));
}

static void
test_geojson_bad_text (void)
{
  const struct {
    const char *text;
    SbProblemCode code;
  } cases[] = {
    /* Not UTF-8: read as Windows-1252, and then not JSON. */
    { "{\"type\": \"FeatureCollection\", \"features\": [\xC3]}", SB_PROBLEM_SYNTAX },
    { "[1, 2]", SB_PROBLEM_NOT_BRIEFING },
    { "", SB_PROBLEM_NOT_BRIEFING },
    { "{\"type\": \"FeatureCollection\", \"features\": {}}", SB_PROBLEM_WRONG_TYPE },
    { "{\"type\": \"FeatureCollection\"}", SB_PROBLEM_MISSING_FIELD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = stream_for_string (cases[i].text);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) briefing = sb_geojson_import (stream, "x.geojson", NULL, &problems);

      print_problems (problems, "x.geojson");
      g_assert_null (briefing);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpint (((SbProblem *) g_ptr_array_index (problems, 0))->code, ==, cases[i].code);
    }
}

static SbBriefing *reimport (const char  *text,
                             GPtrArray  **problems);

/* Files from the field: each kind of file analysts pass around, written
 * for these tests from ACLED's and UCDP's codebooks and RFC 7946.
 */

static SbBriefing *
import_any (const char       *name,
            SbImportSummary **summary)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sb_import_file (file, SB_IMPORT_FORMAT_UNKNOWN, NULL, NULL, summary);
}

static gboolean
has_note (const SbImportSummary *summary,
          const char            *words)
{
  for (guint i = 0; i < summary->notes->len; i++)
    if (strstr (g_ptr_array_index (summary->notes, i), words) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
is_blank_line (const char *line)
{
  while (g_ascii_isspace (*line))
    line++;

  return *line == '\0';
}

static SbImportFormat
format_from_word (const char *word)
{
  if (g_str_equal (word, "acled"))
    return SB_IMPORT_FORMAT_ACLED;
  if (g_str_equal (word, "ucdp"))
    return SB_IMPORT_FORMAT_UCDP;
  if (g_str_equal (word, "geojson"))
    return SB_IMPORT_FORMAT_GEOJSON;

  g_error ("unknown format “%s” in expected-counts.txt", word);
  return SB_IMPORT_FORMAT_UNKNOWN;
}

/* Every file of tests/import/, imported as the app imports it: told by
 * its content, counted honestly, every message valid UTF-8, and what it
 * makes saved and loaded again unchanged.
 */
static void
test_expected_counts (void)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, "expected-counts.txt", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(SbImportSummary) summary = NULL;
      g_autoptr(SbBriefing) briefing = NULL;
      g_autofree char *line = NULL;
      guint expected[10];
      guint n = 0;

      if (lines[l][0] == '#' || is_blank_line (lines[l]))
        continue;

      fields = g_strsplit_set (g_strstrip (lines[l]), " ", -1);
      for (guint f = 0; fields[f] != NULL; f++)
        if (*fields[f] != '\0')
          fields[n++] = fields[f];
        else
          g_free (fields[f]);
      fields[n] = NULL;
      g_assert_cmpuint (n, ==, 12);
      for (guint f = 0; f < 10; f++)
        expected[f] = (guint) g_ascii_strtoull (fields[f + 2], NULL, 10);

      briefing = import_any (fields[0], &summary);
      print_problems (summary->problems, fields[0]);
      line = sb_import_summary_to_line (summary);
      g_test_message ("%s: %s", fields[0], line);

      g_assert_cmpint (summary->format, ==, format_from_word (fields[1]));
      g_assert_cmpuint (summary->n_records, ==, expected[0]);
      g_assert_cmpuint (summary->n_items[SB_ITEM_KIND_INCIDENT], ==, expected[1]);
      g_assert_cmpuint (summary->n_items[SB_ITEM_KIND_DEPLOYMENT] + summary->n_items[SB_ITEM_KIND_MOVEMENT], ==, expected[2]);
      g_assert_cmpuint (summary->n_items[SB_ITEM_KIND_AREA], ==, expected[3]);
      g_assert_cmpuint (summary->n_reference, ==, expected[4]);
      g_assert_cmpuint (summary->n_actors, ==, expected[5]);
      g_assert_cmpuint (summary->n_places, ==, expected[6]);
      g_assert_cmpuint (summary->n_merged, ==, expected[7]);
      g_assert_cmpuint (summary->n_skipped, ==, expected[8]);
      g_assert_cmpuint (summary->n_warnings, ==, expected[9]);

      /* Every row is accounted for: made, merged or skipped. */
      if (summary->format != SB_IMPORT_FORMAT_GEOJSON && sb_import_summary_made_anything (summary))
        g_assert_cmpuint (summary->n_records, ==, expected[1] + expected[7] + expected[8]);

      for (guint i = 0; i < summary->problems->len; i++)
        g_assert_true (g_utf8_validate (((SbProblem *) g_ptr_array_index (summary->problems, i))->message, -1, NULL));

      g_assert_true ((briefing != NULL) == sb_import_summary_made_anything (summary));
      if (briefing == NULL)
        g_assert_cmpuint (summary->problems->len, >, 0);
      else
        assert_round_trip (briefing);

      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 40);
}

/* The formats, by what the files hold. */
static void
test_sniff (void)
{
  const struct {
    const char *name;
    SbImportFormat format;
  } files[] = {
    { "acled-current.csv", SB_IMPORT_FORMAT_ACLED },
    { "acled-2018-layout.csv", SB_IMPORT_FORMAT_ACLED },
    { "acled-bom-crlf.csv", SB_IMPORT_FORMAT_ACLED },
    { "acled-utf16le.csv", SB_IMPORT_FORMAT_ACLED },
    { "acled-utf16be.csv", SB_IMPORT_FORMAT_ACLED },
    { "acled-pandas.csv", SB_IMPORT_FORMAT_ACLED },
    { "ucdp-ged.csv", SB_IMPORT_FORMAT_UCDP },
    { "geojson-qgis.geojson", SB_IMPORT_FORMAT_GEOJSON },
    { "geojson-bare-geometry.geojson", SB_IMPORT_FORMAT_GEOJSON },
    { "geojson-feature.geojson", SB_IMPORT_FORMAT_GEOJSON },
    { "events.json", SB_IMPORT_FORMAT_GEOJSON },
    { "acled-not-csv.csv", SB_IMPORT_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, files[i].name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_assert_cmpint (sb_import_sniff (data, MIN (length, 16 * 1024)), ==, files[i].format);
    }

#ifdef DEFAULT_BRIEFING
  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (DEFAULT_BRIEFING, &data, &length, NULL));
    g_assert_cmpint (sb_import_sniff (data, MIN (length, 16 * 1024)), ==, SB_IMPORT_FORMAT_BRIEFING);
  }
#endif

  g_assert_cmpint (sb_import_sniff ("{\"format\": \"sahelbrief\"}", 24), ==, SB_IMPORT_FORMAT_BRIEFING);
  g_assert_cmpint (sb_import_sniff ("{\"name\": \"x\", \"type\": \"FeatureCollection\"", 41), ==, SB_IMPORT_FORMAT_GEOJSON);
  g_assert_cmpint (sb_import_sniff ("{\"a\": {\"type\": \"Feature\"}}", 26), ==, SB_IMPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (sb_import_sniff ("", 0), ==, SB_IMPORT_FORMAT_UNKNOWN);
}

/* Monadic: the rows of one event are one incident with both sides. */
static void
test_acled_monadic (void)
{
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("acled-monadic.csv", &summary);
  SbItem *item;

  g_assert_nonnull (briefing);
  g_assert_true (summary->monadic);
  g_assert_true (has_note (summary, "monadic"));

  item = lookup_item (briefing, "acled-mli31001");
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 3);
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 0))), ==, "Military Forces of Mali (2021-)");
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 1))), ==, "Wagner Group");
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 2))), ==,
                   "JNIM: Group for Support of Islam and Muslims");

  /* One-sided: one row, one actor. */
  g_assert_cmpuint (sb_item_get_n_actors (lookup_item (briefing, "acled-mli31002")), ==, 1);

  /* The civilians' row: named in the description, not an actor. */
  item = lookup_item (briefing, "acled-mli31003");
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  g_assert_true (g_str_has_suffix (sb_text_get (sb_item_get_description (item)),
                                   "\n\nAlso involved: Civilians (Mali); Tuareg Ethnic Group (Mali)."));

  /* Rows of one event apart in the file are merged all the same. */
  item = lookup_item (briefing, "acled-bfo12001");
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 2);
  g_assert_cmpstr (sb_text_get (sb_actor_get_name (sb_item_get_actor (item, 1))), ==, "Military Forces of Burkina Faso (2022-)");

  /* The Malian army: in 3 events, national, though once in Burkina Faso. */
  g_assert_cmpuint (sb_briefing_get_items_for_actor (briefing, lookup_actor_by_name (briefing, "Military Forces of Mali (2021-)"))->len, ==, 3);
  assert_actor_kind (briefing, "Military Forces of Mali (2021-)", SB_ACTOR_KIND_NATIONAL_FORCES);

  /* A true duplicate is still one. */
  g_assert_cmpuint (summary->problems->len, ==, 1);
  assert_problem (summary->problems, 0, SB_PROBLEM_DUPLICATE_ID, 11, "row 11, event_id_cnty");
}

/* Dates as Excel and older releases write them. */
static void
test_acled_dates (void)
{
  const struct {
    const char *id;
    const char *date;
  } expected[] = {
    { "acled-mli40001", "2021-02-16" }, { "acled-mli40002", "2020-05-09" },
    { "acled-mli40003", "2019-12-31" }, { "acled-mli40004", "2015-01-01" },
    { "acled-mli40005", "2015-12-29" }, { "acled-mli40006", "2022-09-12" },
    { "acled-mli40007", "2022-08-15" }, { "acled-mli40008", "2014-03-14" },
    { "acled-mli40009", "2022-08-15" }, { "acled-mli40010", "2019-04-03" },
    { "acled-mli40011", "2021-02-16" },
  };
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("acled-excel-dates.csv", &summary);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_date (sb_item_get_date (lookup_item (briefing, expected[i].id)), expected[i].date, FALSE);

  /* A date that disagrees with the year column is kept, and said. */
  assert_problem (summary->problems, 0, SB_PROBLEM_BAD_DATE, 12, "row 12, event_date");
  g_assert_nonnull (strstr (((SbProblem *) g_ptr_array_index (summary->problems, 0))->message, "2020"));
  g_assert_cmpuint (summary->skipped[SB_PROBLEM_BAD_DATE], ==, 3);
  g_assert_true (has_note (summary, "day first"));
  g_assert_true (has_note (summary, "Excel"));
  g_assert_true (has_note (summary, "two-digit year"));
}

/* A file that writes month first says so in its unambiguous rows. */
static void
test_acled_month_first (void)
{
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("acled-month-first.csv", &summary);

  assert_date (sb_item_get_date (lookup_item (briefing, "acled-mli40021")), "2019-12-31", FALSE);
  assert_date (sb_item_get_date (lookup_item (briefing, "acled-mli40022")), "2020-05-06", FALSE);
  assert_date (sb_item_get_date (lookup_item (briefing, "acled-mli40023")), "2021-01-13", FALSE);
  assert_date (sb_item_get_date (lookup_item (briefing, "acled-mli40024")), "2021-07-04", FALSE);
  g_assert_true (has_note (summary, "month first"));
  assert_date (sb_briefing_get_date (briefing), "2021-07-04", FALSE);

  /* The same numbers in a file that says nothing: day first. */
  {
    g_autoptr(GInputStream) stream =
      stream_for_string ("event_id_cnty,event_date,event_type,latitude,longitude,location\n"
                         "MLI1,05/06/2020,Battles,15.9,0.28,Tessit\n");
    g_autoptr(SbBriefing) alone = sb_acled_import (stream, "x.csv", NULL, NULL);

    assert_date (sb_item_get_date (lookup_item (alone, "acled-mli1")), "2020-06-05", FALSE);
  }
}

/* Windows-1252 and UTF-16 with byte-order marks read as the same text;
 * no row is skipped for its accents.
 */
static void
test_acled_encodings (void)
{
  const char *names[] = { "acled-windows-1252.csv", "acled-utf16le.csv", "acled-utf16be.csv" };
  const char *notes[] = { "Windows-1252", "little-endian", "big-endian" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SbImportSummary) summary = NULL;
      g_autoptr(SbBriefing) briefing = import_any (names[i], &summary);
      SbItem *item;

      g_assert_nonnull (briefing);
      g_assert_cmpuint (summary->problems->len, ==, 0);
      g_assert_true (has_note (summary, notes[i]));

      item = lookup_item (briefing, "acled-mli50001");
      g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (item))), ==, "Ménaka");
      g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (item)), "« 12 morts »"));
      g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (lookup_item (briefing, "acled-mli50002")))), ==,
                       "Niono, Ségou");
      g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (lookup_item (briefing, "acled-civ50003"))),
                                "19 civils tués – l’AQMI revendique."));
      g_assert_nonnull (lookup_source_by_title (briefing, "Le Républicain"));
    }
}

/* The encoding the person chose, over detection. */
static void
test_acled_chosen_encoding (void)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, "acled-windows-1252.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbImportSummary) latin = NULL;
  g_autoptr(SbBriefing) briefing = sb_import_file (file, SB_IMPORT_FORMAT_UNKNOWN, "WINDOWS-1252", NULL, &summary);
  g_autoptr(SbBriefing) as_latin = sb_import_file (file, SB_IMPORT_FORMAT_UNKNOWN, "ISO-8859-15", NULL, &latin);
  g_autoptr(SbImportSummary) bad = NULL;
  g_autoptr(SbBriefing) none = sb_import_file (file, SB_IMPORT_FORMAT_UNKNOWN, "NO-SUCH-ENCODING", NULL, &bad);

  g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (lookup_item (briefing, "acled-mli50001")))), ==, "Ménaka");
  g_assert_true (has_note (summary, "as chosen"));
  g_assert_cmpstr (summary->encoding, ==, "WINDOWS-1252");

  /* ISO-8859-15 has no “«” at 0xAB… it has: the accents come through, the
   * typographic quotes of Windows-1252 do not.
   */
  g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (lookup_item (as_latin, "acled-mli50001")))), ==, "Ménaka");
  g_assert_null (strstr (sb_text_get (sb_item_get_description (lookup_item (as_latin, "acled-civ50003"))), "’"));

  g_assert_null (none);
  g_assert_cmpuint (bad->problems->len, ==, 1);
  assert_problem (bad->problems, 0, SB_PROBLEM_IO, 0, NULL);
}

/* pandas, Excel and old releases. */
static void
test_acled_layouts (void)
{
  g_autoptr(SbImportSummary) pandas_summary = NULL;
  g_autoptr(SbBriefing) pandas = import_any ("acled-pandas.csv", &pandas_summary);
  g_autoptr(SbImportSummary) excel_summary = NULL;
  g_autoptr(SbBriefing) excel = import_any ("acled-excel-resaved.csv", &excel_summary);
  SbItem *item;

  /* An index column, "1.0" codes, mixed-case names, extra columns. */
  item = lookup_item (pandas, "acled-ner20001");
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 100);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 2);
  assert_actor_kind (pandas, "Military Forces of Niger (2021-2023)", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_actor_kind (pandas, "Police Forces of Niger (2021-2023)", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_date (sb_item_get_date (lookup_item (pandas, "acled-ner20002")), "2021-01-09", TRUE);
  g_assert_false (sb_item_get_fatalities (lookup_item (pandas, "acled-ner20002"))->is_set);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (pandas, "acled-ner20003")), ==, SB_INCIDENT_TYPE_ARREST);

  /* Sources trimmed of no-break spaces. */
  g_assert_nonnull (lookup_source_by_title (pandas, "ActuNiger"));
  g_assert_nonnull (lookup_source_by_title (pandas, "RFI"));
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_sources (pandas)), ==, 3);

  /* Old spellings of event types; inter codes as labels; ALLY_ACTOR. */
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1301")), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1302")), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpuint (sb_item_get_n_actors (lookup_item (excel, "acled-mli1302")), ==, 3);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1303")), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1304")), ==, SB_INCIDENT_TYPE_CIVILIAN_HARM);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1305")), ==, SB_INCIDENT_TYPE_ATTACK);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1306")), ==, SB_INCIDENT_TYPE_OTHER);
  g_assert_cmpuint (sb_item_get_n_actors (lookup_item (excel, "acled-mli1306")), ==, 0);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1307")), ==, SB_INCIDENT_TYPE_OTHER);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1308")), ==, SB_INCIDENT_TYPE_OTHER);
  g_assert_cmpint (sb_item_get_incident_type (lookup_item (excel, "acled-mli1309")), ==, SB_INCIDENT_TYPE_ARRIVAL);
  assert_date (sb_item_get_date (lookup_item (excel, "acled-mli1301")), "2013-01-17", FALSE);
  assert_actor_kind (excel, "Military Forces of France", SB_ACTOR_KIND_FOREIGN_FORCES);

  /* Empty trailing columns in any number, but not data past them. */
  g_assert_cmpuint (excel_summary->skipped[SB_PROBLEM_SYNTAX], ==, 1);
  assert_problem (excel_summary->problems, 1, SB_PROBLEM_SYNTAX, 12, "row 12");

  /* Excel where the decimal separator is a comma: semicolons between
   * fields, decimal commas, Windows-1252.
   */
  {
    g_autoptr(SbImportSummary) summary = NULL;
    g_autoptr(SbBriefing) french = import_any ("acled-excel-french.csv", &summary);
    SbPlace *place = sb_item_get_place (lookup_item (french, "acled-mli60001"));

    g_assert_cmpfloat_with_epsilon (sb_place_get_latitude (place), 14.8333, 1e-9);
    g_assert_cmpfloat_with_epsilon (sb_place_get_longitude (place), -5.25, 1e-9);
    g_assert_cmpstr (sb_text_get (sb_place_get_name (place)), ==, "Dioura, Ségou");
    g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (lookup_item (french, "acled-mli60001"))),
                              "à Dioura ; 12 militaires"));
    g_assert_cmpuint (sb_item_get_citations (lookup_item (french, "acled-mli60001"))->len, ==, 2);
    g_assert_true (has_note (summary, "semicolons"));
  }
}

/* An actor's kind is the one of most of its events. */
static void
test_acled_kinds (void)
{
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("acled-kinds.csv", &summary);

  /* Seen first in Burkina Faso, mostly at home. */
  assert_actor_kind (briefing, "Military Forces of Mali (2021-)", SB_ACTOR_KIND_NATIONAL_FORCES);
  g_assert_cmpstr (sb_actor_get_country (lookup_actor_by_name (briefing, "Military Forces of Mali (2021-)")), ==, "MLI");
  assert_actor_kind (briefing, "Military Forces of France (2017-2022)", SB_ACTOR_KIND_FOREIGN_FORCES);
  assert_actor_kind (briefing, "Police Forces of Niger (2021-2023)", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_actor_kind (briefing, "JNIM: Group for Support of Islam and Muslims", SB_ACTOR_KIND_ARMED_GROUP);

  /* Rioters, protesters: never forces, whatever their code. */
  g_assert_null (lookup_actor_by_name (briefing, "Rioters (International)"));
  g_assert_null (lookup_actor_by_name (briefing, "Rioters (Niger)"));
  g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (lookup_item (briefing, "acled-k10"))),
                            "Also involved: Rioters (International)."));

  /* Source names trimmed of spaces, no-break ones too. */
  g_assert_nonnull (lookup_source_by_title (briefing, "Studio\u00a0Tamani"));
  g_assert_cmpuint (sb_item_get_citations (lookup_item (briefing, "acled-k11"))->len, ==, 2);
}

static void
test_ucdp (void)
{
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("ucdp-ged.csv", &summary);
  const SbDate *date;
  GPtrArray *figures;
  SbFigure *best;
  SbItem *item;
  SbPlace *place;

  g_assert_cmpint (summary->format, ==, SB_IMPORT_FORMAT_UCDP);

  /* State-based: a clash on a day; the range low–high, the best beside it. */
  item = lookup_item (briefing, "ucdp-244001");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CLASH);
  g_assert_cmpstr (sb_text_get (sb_item_get_title (item)), ==, "State-based conflict");
  assert_date (sb_item_get_date (item), "2012-01-17", FALSE);
  g_assert_true (sb_item_get_fatalities (item)->is_range);
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 5);
  g_assert_cmpfloat (sb_item_get_fatalities (item)->max, ==, 7);
  figures = sb_item_get_figures (item);
  g_assert_nonnull (figures);
  best = g_ptr_array_index (figures, 0);
  g_assert_cmpint (best->measure, ==, SB_FIGURE_MEASURE_FATALITIES);
  g_assert_cmpfloat (best->value.min, ==, 5);
  g_assert_cmpint (best->evidence.certainty, ==, SB_CERTAINTY_ESTIMATED);
  place = sb_item_get_place (item);
  g_assert_cmpstr (sb_text_get (sb_place_get_name (place)), ==, "Menaka town");
  g_assert_cmpint (sb_place_get_precision (place), ==, SB_PLACE_PRECISION_NEAR);
  g_assert_cmpfloat (sb_place_get_radius_km (place), ==, 5);
  g_assert_cmpstr (sb_place_get_country (place), ==, "MLI");
  g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (item)), "Government of Mali - MNLA"));
  g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (item)), "Tuareg rebels attack Menaka"));
  assert_actor_kind (briefing, "Government of Mali", SB_ACTOR_KIND_NATIONAL_FORCES);
  assert_actor_kind (briefing, "MNLA", SB_ACTOR_KIND_ARMED_GROUP);

  /* A span of days; two sources by name. */
  item = lookup_item (briefing, "ucdp-244002");
  date = sb_item_get_date (item);
  g_assert_true (date->is_span);
  assert_date (date, "2012-01-22", FALSE);
  g_assert_cmpuint (sb_item_get_citations (item)->len, ==, 2);
  g_assert_nonnull (lookup_source_by_title (briefing, "Reuters"));
  g_assert_cmpfloat (sb_place_get_radius_km (sb_item_get_place (item)), ==, 25);

  /* One-sided violence: civilians are not an actor; a whole month. */
  item = lookup_item (briefing, "ucdp-244003");
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_CIVILIAN_HARM);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 1);
  assert_date (sb_item_get_date (item), "2012-08", FALSE);
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_REGION);
  g_assert_null (lookup_actor_by_name (briefing, "Civilians"));

  /* Only the country: the country; a whole year; the data set cited. */
  item = lookup_item (briefing, "ucdp-244004");
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (item)), ==, SB_PLACE_PRECISION_COUNTRY);
  assert_date (sb_item_get_date (item), "2012", FALSE);
  g_assert_nonnull (lookup_source_by_title (briefing, "UCDP GED file “ucdp-ged.csv”"));
  g_assert_nonnull (strstr (sb_text_get (sb_item_get_description (item)), "do not tell this event apart"));

  /* A government abroad is foreign forces there. */
  assert_actor_kind (briefing, "Government of France", SB_ACTOR_KIND_FOREIGN_FORCES);

  assert_cited_without_quotes (briefing);
}

/* ACLED and GED side by side: one briefing, actors merged by name, the
 * events of both kept.
 */
static void
test_importer_merges (void)
{
  const char *names[] = { "acled-excel-resaved.csv", "ucdp-ged.csv", "geojson-hdx-admin2.geojson", "acled-kinds.csv" };
  g_autoptr(SbImporter) importer = sb_importer_new ();
  g_autoptr(SbBriefing) briefing = NULL;
  guint n_incidents = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(SbImportSummary) summary = sb_importer_add_file (importer, file, SB_IMPORT_FORMAT_UNKNOWN, NULL, NULL);

      g_assert_true (sb_import_summary_made_anything (summary));
      n_incidents += summary->n_items[SB_ITEM_KIND_INCIDENT];
    }

  briefing = sb_importer_finish (importer, "Mali, 2012–2022");
  g_assert_nonnull (briefing);
  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (briefing)), ==, "Mali, 2012–2022");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, n_incidents);

  /* "MNLA" in GED, "MNLA: National Movement…" in ACLED: names differ, so
   * two actors; "Ansar Dine" is in both, so one.
   */
  g_assert_nonnull (lookup_actor_by_name (briefing, "Ansar Dine"));
  g_assert_cmpuint (sb_briefing_get_items_for_actor (briefing, lookup_actor_by_name (briefing, "Ansar Dine"))->len, ==, 4);
  g_assert_nonnull (strstr (sb_text_get (sb_briefing_get_description (briefing)), "the UCDP GED file “ucdp-ged.csv”"));
  assert_round_trip (briefing);

  /* Finished, the importer is empty again. */
  g_assert_null (sb_importer_finish (importer, NULL));
}

/* GeoJSON: features without dates are places and areas for reference,
 * named from what GIS files call them; every property is kept.
 */
static void
test_geojson_reference (void)
{
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("geojson-hdx-admin2.geojson", &summary);
  GListModel *places = sb_briefing_get_places (briefing);
  g_autoptr(SbPlace) ansongo = g_list_model_get_item (places, 0);
  g_autoptr(SbPlace) bourem = g_list_model_get_item (places, 1);
  const char * const *properties;

  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, 0);
  g_assert_true (sb_place_is_reference (ansongo));
  g_assert_cmpstr (sb_text_get (sb_place_get_name (ansongo)), ==, "Ansongo");
  g_assert_nonnull (sb_place_get_geometry (ansongo));
  g_assert_cmpfloat (sb_place_get_latitude (ansongo), ==, 15.5);
  g_assert_cmpint (sb_place_get_precision (ansongo), ==, SB_PLACE_PRECISION_REGION);
  g_assert_cmpuint (sb_place_get_geometry (bourem)->n_polygons, ==, 2);

  properties = sb_place_get_properties (ansongo);
  g_assert_cmpstr (properties[0], ==, "ADM2_EN");
  g_assert_cmpstr (properties[1], ==, "Ansongo");
  g_assert_cmpstr (properties[2], ==, "ADM2_PCODE");
  g_assert_cmpstr (properties[3], ==, "ML0702");
  g_assert_cmpstr (properties[12], ==, "date");
  g_assert_cmpstr (properties[13], ==, "");
  g_assert_cmpstr (properties[14], ==, "validOn");
  g_assert_cmpuint (g_strv_length ((char **) properties), ==, 16);

  /* A line without a date has nothing to be: said, and skipped. */
  assert_problem (summary->problems, 0, SB_PROBLEM_UNKNOWN_VALUE, 1, "$.features[3].geometry");
  assert_round_trip (briefing);

  /* Exported, they come back as they were. */
  {
    g_autofree char *text = sb_geojson_export (briefing, NULL, NULL, NULL);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(SbBriefing) again = reimport (text, &problems);
    g_autoptr(SbPlace) first = NULL;

    assert_no_problems (problems, "export.geojson");
    g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_places (again)), ==, 3);
    first = g_list_model_get_item (sb_briefing_get_places (again), 0);
    g_assert_true (sb_place_is_reference (first));
    g_assert_cmpstr (sb_text_get (sb_place_get_name (first)), ==, "Ansongo");
    g_assert_cmpuint (sb_place_get_geometry (first)->n_polygons, ==, 1);
    g_assert_cmpstrv (sb_place_get_properties (first), properties);
  }
}

static void
test_geojson_name_property (void)
{
  g_autofree char *path = g_build_filename (IMPORT_DATA_DIR, "geojson-places.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *expected[][2] = {
    { NULL, "Timbuktu" }, { "NAME_FR", "Tombouctou" }, { "name fr", "Tombouctou" }, { "nom", "Tombouctou" },
    { "no such key", "Timbuktu" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SbImporter) importer = sb_importer_new ();
      g_autoptr(SbImportSummary) summary = NULL;
      g_autoptr(SbBriefing) briefing = NULL;
      g_autoptr(SbPlace) first = NULL;
      g_autoptr(SbPlace) last = NULL;
      const char * const *properties;

      sb_importer_set_name_property (importer, expected[i][0]);
      summary = sb_importer_add_file (importer, file, SB_IMPORT_FORMAT_UNKNOWN, NULL, NULL);
      briefing = sb_importer_finish (importer, NULL);
      first = g_list_model_get_item (sb_briefing_get_places (briefing), 0);
      g_assert_cmpstr (sb_text_get (sb_place_get_name (first)), ==, expected[i][1]);

      /* Numbers, booleans and arrays as their text; a MultiPoint, a
       * place for each point.
       */
      last = g_list_model_get_item (sb_briefing_get_places (briefing), 3);
      properties = sb_place_get_properties (last);
      g_assert_cmpstr (properties[7], ==, "[\"airfield\",\"camp\"]");
      g_assert_cmpfloat (sb_place_get_latitude (last), ==, 20.25);
    }
}

static void
test_geojson_from_gis (void)
{
  g_autoptr(SbImportSummary) qgis_summary = NULL;
  g_autoptr(SbBriefing) qgis = import_any ("geojson-qgis.geojson", &qgis_summary);
  g_autoptr(SbImportSummary) gdal_summary = NULL;
  g_autoptr(SbBriefing) gdal = import_any ("geojson-gdal.geojson", &gdal_summary);
  g_autoptr(SbImportSummary) bare_summary = NULL;
  g_autoptr(SbBriefing) bare = import_any ("geojson-bare-geometry.geojson", &bare_summary);
  g_autoptr(SbImportSummary) table_summary = NULL;
  g_autoptr(SbBriefing) table = import_any ("geojson-null-geometry-latlon.geojson", &table_summary);
  g_autoptr(SbImportSummary) json_summary = NULL;
  g_autoptr(SbBriefing) json = import_any ("events.json", &json_summary);
  const char * const *properties;
  SbItem *item;

  /* QGIS: a CRS84 crs, upper-case fields, slashes in dates; ACLED's own
   * actor columns; the undated town for reference.
   */
  item = lookup_item (qgis, "feature-2");
  assert_date (sb_item_get_date (item), "2022-03-27", FALSE);
  g_assert_cmpfloat (sb_item_get_fatalities (item)->min, ==, 500);
  g_assert_cmpuint (sb_item_get_n_actors (item), ==, 2);
  g_assert_cmpstr (sb_text_get (sb_place_get_name (sb_item_get_place (item))), ==, "Moura");
  g_assert_cmpstr (sb_text_get (sb_item_get_description (item)), ==, "The Moura killings.");
  properties = sb_item_get_properties (item);
  g_assert_cmpstr (properties[0], ==, "fid");
  g_assert_cmpstr (properties[1], ==, "2");
  g_assert_cmpuint (qgis_summary->n_reference, ==, 1);

  /* GDAL: an EPSG:4326 crs, milliseconds, a span, "as_of". */
  item = lookup_item (gdal, "feature-1");
  assert_date (sb_item_get_date (item), "2022-08-15", FALSE);
  g_assert_true (sb_item_get_date (item)->is_span);
  g_assert_cmpint (sb_item_get_incident_type (item), ==, SB_INCIDENT_TYPE_DISPLACEMENT);
  item = lookup_item (gdal, "feature-2");
  g_assert_cmpint (sb_item_get_kind (item), ==, SB_ITEM_KIND_DEPLOYMENT);
  assert_date (sb_item_get_date (item), "2023-01", FALSE);
  assert_actor_kind (gdal, "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)",
                     SB_ACTOR_KIND_INTERNATIONAL_MISSION);

  /* A bare geometry: an area for reference. */
  g_assert_cmpuint (bare_summary->n_reference, ==, 1);

  /* Null geometries placed from their properties, as numbers or text. */
  g_assert_cmpfloat (sb_place_get_latitude (sb_item_get_place (lookup_item (table, "feature-1"))), ==, 16.2666);
  g_assert_cmpfloat (sb_place_get_longitude (sb_item_get_place (lookup_item (table, "feature-2"))), ==, -4.1969);
  assert_problem (table_summary->problems, 0, SB_PROBLEM_MISSING_FIELD, 0, "$.features[2].geometry");

  /* ".json" told by its content. */
  g_assert_cmpint (json_summary->format, ==, SB_IMPORT_FORMAT_GEOJSON);
  g_assert_cmpuint (n_items (json, SB_ITEM_KIND_INCIDENT), ==, 1);
}

static void
test_geojson_dates (void)
{
  const struct {
    const char *id;
    const char *date;
    const char *end;
  } expected[] = {
    { "form-1", "2022-08-15", NULL }, { "form-2", "2022-08-15", NULL }, { "form-3", "2021-02-16", NULL },
    { "form-4", "2015-12-29", NULL }, { "form-5", "2022-08-15", NULL }, { "form-6", "2022-08", NULL },
    { "form-7", "2022", NULL }, { "form-8", "2022-08-15", NULL }, { "form-9", "2014-03-14", NULL },
    { "form-10", "2021-01", NULL },
    { "span-1", "2001-01-01", "2001-03-17" }, { "span-2", "2020-01-01", "2020-06-30" },
    { "span-3", "2019", "2021" }, { "as-of", "2023-01-31", NULL }, { "year-number", "2020", NULL },
  };
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = import_any ("geojson-dates.geojson", &summary);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SbDate *date = sb_item_get_date (lookup_item (briefing, expected[i].id));
      g_autofree char *end = sb_calendar_date_to_string (&date->end);

      assert_date (date, expected[i].date, FALSE);
      g_assert_cmpint (date->is_span, ==, expected[i].end != NULL);
      if (expected[i].end != NULL)
        g_assert_cmpstr (end, ==, expected[i].end);
    }

  assert_problem (summary->problems, 0, SB_PROBLEM_BAD_DATE, 0, "$.features[10].properties.event_date");
}

/* A key the briefing keeps with a space for its control character reads
 * the same before and after: exported, the feature is still an incident. */
static void
test_geojson_date_key_control_character (void)
{
  g_autoptr(GInputStream) stream = stream_for_string (
    "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [-0.04, 16.27]},"
    " \"properties\": {\"title\": \"Attack\", \"event\\ndate\": \"2022-08-15\"}}");
  g_autoptr(SbBriefing) briefing = sb_geojson_import (stream, "x.geojson", NULL, NULL);
  g_autoptr(SbBriefing) again = NULL;
  g_autoptr(GInputStream) exported = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_nonnull (briefing);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (briefing)), ==, 1);

  text = sb_geojson_export (briefing, NULL, NULL, &length);
  exported = g_memory_input_stream_new_from_data (text, length, NULL);
  again = sb_geojson_import (exported, "export.geojson", NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_all_items (again)), ==, 1);
}

static void
test_geojson_crs (void)
{
  const struct {
    const char *crs;
    gboolean accepted;
  } cases[] = {
    { "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}}", TRUE },
    { "{\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4326\"}}", TRUE },
    { "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4326\"}}", TRUE },
    { "{\"type\": \"EPSG\", \"properties\": {\"code\": 4326}}", TRUE },
    { "null", TRUE },
    { "{\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::32630\"}}", FALSE },
    { "{\"type\": \"EPSG\", \"properties\": {\"code\": 3857}}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"type\": \"FeatureCollection\", \"crs\": %s, \"features\": ["
                                               "{\"type\": \"Feature\", \"properties\": {\"date\": \"2022\"},"
                                               " \"geometry\": {\"type\": \"Point\", \"coordinates\": [2, 15]}}]}",
                                               cases[i].crs);
      g_autoptr(GInputStream) stream = stream_for_string (text);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) briefing = sb_geojson_import (stream, "crs.geojson", NULL, &problems);

      print_problems (problems, "crs.geojson");
      g_assert_true ((briefing != NULL) == cases[i].accepted);
      if (!cases[i].accepted)
        {
          g_assert_cmpuint (problems->len, ==, 1);
          g_assert_nonnull (strstr (((SbProblem *) g_ptr_array_index (problems, 0))->message,
                                    i == 5 ? "32630" : "EPSG:3857"));
        }
    }
}

/* Only regular files are read, within a cap, and nothing blocks. */
static void
test_file_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sb-file-input-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *path = g_build_filename (dir, "data.csv", NULL);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportSummary) summary = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  char buffer[64];
  gsize n_read;
  gint64 start;

  /* /dev/zero never ends: refused at once, with what it is. */
  start = g_get_monotonic_time ();
  briefing = sb_import_file (zero, SB_IMPORT_FORMAT_ACLED, NULL, NULL, &summary);
  g_assert_null (briefing);
  g_assert_cmpuint (summary->problems->len, ==, 1);
  g_assert_nonnull (strstr (((SbProblem *) g_ptr_array_index (summary->problems, 0))->message, "device"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* A pipe without a writer: refused, not waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  stream = sb_file_input_open (fifo_file, 1024, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (stream);
  g_clear_error (&error);

  stream = sb_file_input_open (dir_file, 1024, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A file larger than the cap, or growing past it while it is read. */
  g_assert_true (g_file_set_contents (path, "0123456789abcdef", -1, NULL));
  stream = sb_file_input_open (file, 8, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  stream = sb_file_input_open (file, 20, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_input_stream_read_all (stream, buffer, 10, &n_read, NULL, NULL));
  {
    FILE *append = fopen (path, "a");

    g_assert_nonnull (append);
    fputs ("more than the cap allows", append);
    fclose (append);
  }
  g_assert_false (g_input_stream_read_all (stream, buffer, sizeof buffer, &n_read, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_object (&stream);

  g_assert_cmpint (g_remove (fifo), ==, 0);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Messages are UTF-8, whatever byte follows a closing quote. */
static void
test_csv_messages_utf8 (void)
{
  const struct {
    const char *text;
    const char *shown;
  } cases[] = {
    { "a,b\n\"x\"é,y\n", "“é”" },
    { "a,b\n\"x\"\xe9,y\n", "the byte 0xe9" },
    { "a,b\n\"x\"\xe2\x80,y\n", "the byte 0xe2" },
    { "a,b\n\"x\"\x01,y\n", "the byte 0x01" },
    { "a,b\n\"x\"t,y\n", "“t”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = stream_for_string (cases[i].text);
      g_autoptr(SbCsvReader) reader = sb_csv_reader_new (stream);
      const char *message;

      g_assert_cmpint (sb_csv_reader_next (reader, NULL, NULL), ==, SB_CSV_RECORD);
      g_assert_cmpint (sb_csv_reader_next (reader, NULL, NULL), ==, SB_CSV_BAD_RECORD);
      message = sb_csv_reader_get_message (reader);
      g_test_message ("%s", message);
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_nonnull (strstr (message, cases[i].shown));
    }
}

#ifdef SAHELBRIEF
/* `sahelbrief ARGS…`: its exit status, its output in @out and @err. */
static int
run_sahelbrief (const char * const *args,
                char              **out,
                char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) SAHELBRIEF);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

/* `--check` on data files: problems, then a summary line per file. */
static void
test_cli_check (void)
{
  g_autofree char *monadic = g_build_filename (IMPORT_DATA_DIR, "acled-monadic.csv", NULL);
  g_autofree char *clean = g_build_filename (IMPORT_DATA_DIR, "acled-current.csv", NULL);
  g_autofree char *json = g_build_filename (IMPORT_DATA_DIR, "events.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *line = NULL;

  g_assert_cmpint (run_sahelbrief ((const char *[]) { "--check", clean, json, NULL }, &out, &err), ==, 0);
  line = g_strdup_printf ("%s: 9 incidents, 12 actors, 0 areas, 8 places; 9 rows read, 0 skipped\n", clean);
  g_assert_nonnull (strstr (out, line));
  g_assert_nonnull (strstr (out, "events.json: 1 incident,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&line, g_free);

  /* Anything skipped: exit 1, the reasons counted. */
  g_assert_cmpint (run_sahelbrief ((const char *[]) { "--check", monadic, NULL }, &out, &err), ==, 1);
  line = g_strdup_printf ("%s:11:1: duplicate-id: row 11, event_id_cnty: ", monadic);
  g_assert_true (g_str_has_prefix (out, line));
  g_assert_nonnull (strstr (out, "10 rows read, 4 merged (monadic export), 1 skipped (1 duplicate-id)"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sahelbrief ((const char *[]) { "--check", "--convert", clean, NULL }, &out, &err), ==, 2);
}

/* `--convert`: several files, one briefing, written whole or not at all. */
static void
test_cli_convert (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sb-convert-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "weekly.sahelbrief", NULL);
  g_autofree char *acled = g_build_filename (IMPORT_DATA_DIR, "acled-kinds.csv", NULL);
  g_autofree char *ged = g_build_filename (IMPORT_DATA_DIR, "ucdp-ged.csv", NULL);
  g_autofree char *boundaries = g_build_filename (IMPORT_DATA_DIR, "geojson-hdx-admin2.geojson", NULL);
  g_autofree char *projected = g_build_filename (IMPORT_DATA_DIR, "geojson-projected.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_cmpint (run_sahelbrief ((const char *[]) { "--convert", acled, ged, boundaries, "--output", output, NULL },
                                   &out, &err), ==, 0);
  g_test_message ("%s", err);
  g_assert_cmpstr (out, ==, "");

  briefing = sb_loader_load_file (file, NULL, &problems);
  assert_no_problems (problems, output);
  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (briefing)), ==, "weekly");
  g_assert_cmpuint (n_items (briefing, SB_ITEM_KIND_INCIDENT), ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_actors (briefing)), ==, 11);
  g_clear_object (&briefing);

  /* An input that gives nothing: the briefing already there stays. */
  g_assert_true (g_file_get_contents (output, &before, NULL, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sahelbrief ((const char *[]) { "--convert", acled, projected, "-o", output, NULL },
                                   &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not written"));
  g_assert_true (g_file_get_contents (output, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "weekly.sahelbrief");
  g_assert_null (g_dir_read_name (listing));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sahelbrief ((const char *[]) { "--convert", acled, NULL }, &out, &err), ==, 2);

  g_assert_cmpint (g_remove (output), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}
#endif

/* Export */

static JsonArray *
parse_features (JsonParser *parser,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  return json_object_get_array_member (root, "features");
}

static JsonObject *
find_feature (JsonArray  *features,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = json_object_get_object_member (feature, "properties");

      if (g_str_equal (json_object_get_string_member (properties, "id"), id))
        return feature;
    }

  g_error ("no feature “%s”", id);
  return NULL;
}

static const char *
geometry_type (JsonObject *feature)
{
  return json_object_get_string_member (json_object_get_object_member (feature, "geometry"), "type");
}

static SbBriefing *
reimport (const char  *text,
          GPtrArray  **problems)
{
  g_autoptr(GInputStream) stream = stream_for_string (text);

  return sb_geojson_import (stream, "export.geojson", NULL, problems);
}

static void
test_export_acled (void)
{
  g_autoptr(SbBriefing) briefing = import_acled ("acled-current.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) again = NULL;
  g_autofree char *text = NULL;
  JsonArray *features, *coordinates, *sources;
  JsonObject *feature, *properties;
  gsize length;

  text = sb_geojson_export (briefing, NULL, NULL, &length);
  g_assert_cmpuint (strlen (text), ==, length);
  features = parse_features (parser, text);
  g_assert_cmpuint (json_array_get_length (features), ==, 9);

  feature = find_feature (features, "acled-mli27001");
  g_assert_cmpstr (geometry_type (feature), ==, "Point");
  coordinates = json_object_get_array_member (json_object_get_object_member (feature, "geometry"), "coordinates");
  g_assert_cmpfloat (json_array_get_double_element (coordinates, 0), ==, 0.2833);
  g_assert_cmpfloat (json_array_get_double_element (coordinates, 1), ==, 15.9333);
  properties = json_object_get_object_member (feature, "properties");
  g_assert_cmpstr (json_object_get_string_member (properties, "kind"), ==, "incident");
  g_assert_cmpstr (json_object_get_string_member (properties, "type"), ==, "clash");
  g_assert_cmpstr (json_object_get_string_member (properties, "title"), ==, "Armed clash");
  g_assert_cmpstr (json_object_get_string_member (properties, "date"), ==, "2022-08-07");
  g_assert_cmpstr (json_object_get_string_member (properties, "date_precision"), ==, "day");
  g_assert_cmpstr (json_object_get_string_member (properties, "certainty"), ==, "reported");
  g_assert_cmpstr (json_object_get_string_member (properties, "place"), ==, "Tessit, Gao");
  g_assert_cmpstr (json_object_get_string_member (properties, "place_precision"), ==, "near");
  g_assert_cmpfloat (json_object_get_double_member (properties, "radius_km"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (properties, "fatalities_min"), ==, 46);
  g_assert_cmpint (json_object_get_int_member (properties, "fatalities_max"), ==, 46);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (properties, "actors")), ==, 3);
  sources = json_object_get_array_member (properties, "sources");
  g_assert_cmpstr (json_array_get_string_element (sources, 0), ==, "Reuters");
  g_assert_cmpstr (json_array_get_string_element (sources, 1), ==, "Radio France Internationale");

  properties = json_object_get_object_member (find_feature (features, "acled-mli27002"), "properties");
  g_assert_true (json_object_get_boolean_member (properties, "date_approximate"));
  g_assert_nonnull (strstr (json_object_get_string_member (properties, "description"), "\"on motorbikes\""));
  properties = json_object_get_object_member (find_feature (features, "acled-mli27004"), "properties");
  g_assert_cmpstr (json_object_get_string_member (properties, "date_precision"), ==, "month");
  g_assert_cmpstr (json_object_get_string_member (properties, "first_day"), ==, "2022-08-01");
  g_assert_cmpstr (json_object_get_string_member (properties, "last_day"), ==, "2022-08-31");

  /* Streamed, the same text. */
  {
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
    g_autoptr(GError) error = NULL;

    g_assert_true (sb_geojson_export_to_stream (briefing, NULL, sb_text_get_preferred_languages (), stream, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, length);
    g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), length, text, length);
  }

  /* What the export writes, the import reads back. */
  again = reimport (text, &problems);
  assert_no_problems (problems, "export.geojson");
  g_assert_cmpuint (n_items (again, SB_ITEM_KIND_INCIDENT), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_actors (again)), ==, 12);
  assert_actor_kind (again, "Military Forces of Niger (2021-2023)", SB_ACTOR_KIND_FOREIGN_FORCES);
  assert_date (sb_item_get_date (lookup_item (again, "acled-mli27002")), "2022-08-14", TRUE);
  g_assert_cmpint (sb_place_get_precision (sb_item_get_place (lookup_item (again, "acled-mli27004"))), ==,
                   SB_PLACE_PRECISION_REGION);
}

#ifdef DEFAULT_BRIEFING
static void
test_export_briefing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) again = NULL;
  g_autofree char *text = NULL;
  GListModel *items;
  JsonArray *features;
  guint n;

  g_assert_nonnull (briefing);
  text = sb_geojson_export (briefing, NULL, NULL, NULL);
  features = parse_features (parser, text);
  items = sb_briefing_get_all_items (briefing);
  n = g_list_model_get_n_items (items);
  g_assert_cmpuint (json_array_get_length (features), ==, n);

  /* Each statement as the geometry its kind and places give. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      JsonObject *feature = find_feature (features, sb_entity_get_id (SB_ENTITY (item)));
      const char *type = geometry_type (feature);
      JsonObject *properties = json_object_get_object_member (feature, "properties");

      g_assert_cmpstr (json_object_get_string_member (properties, "kind"), ==,
                       sb_enum_to_nick (SB_TYPE_ITEM_KIND, sb_item_get_kind (item)));
      switch (sb_item_get_kind (item))
        {
        case SB_ITEM_KIND_AREA:
          g_assert_true (g_str_equal (type, "Polygon") || g_str_equal (type, "MultiPolygon"));
          break;
        case SB_ITEM_KIND_MOVEMENT:
          if (sb_item_get_origin (item) != NULL && sb_item_get_place (item) != NULL)
            g_assert_cmpstr (type, ==, "LineString");
          else
            {
              g_assert_cmpstr (type, ==, "Point");
              g_assert_cmpstr (json_object_get_string_member (properties, "end"), ==,
                               sb_item_get_place (item) ? "to" : "from");
            }
          break;
        case SB_ITEM_KIND_DEPLOYMENT:
        case SB_ITEM_KIND_INCIDENT:
        default:
          g_assert_cmpstr (type, ==, "Point");
          break;
        }
    }

  /* And back: every statement, of the same kind. */
  again = reimport (text, &problems);
  assert_no_problems (problems, "export.geojson");
  for (guint kind = 0; kind < SB_N_ITEM_KINDS; kind++)
    g_assert_cmpuint (n_items (again, kind), ==, n_items (briefing, kind));
  assert_round_trip (again);
}
#endif

static void
test_export_filtered (void)
{
  g_autoptr(SbBriefing) briefing = import_acled ("acled-current.csv", NULL);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *everything = NULL;
  g_autofree char *filtered = NULL;
  g_autofree char *none = NULL;
  JsonArray *features;
  GDate day;

  sb_selection_set_briefing (selection, briefing);

  /* With no filter set, the view is everything. */
  everything = sb_geojson_export (briefing, sb_selection_get_filter (selection), NULL, NULL);
  g_assert_cmpuint (json_array_get_length (parse_features (parser, everything)), ==, 9);

  /* Hide one actor and keep to 7–10 August 2022. */
  sb_selection_set_actor_visible (selection, lookup_actor_by_name (briefing, "Military Forces of Russia (2000-)"), FALSE);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 7, G_DATE_AUGUST, 2022);
  sb_selection_set_time_range (selection, g_date_get_julian (&day), g_date_get_julian (&day) + 3);
  filtered = sb_geojson_export (briefing, sb_selection_get_filter (selection), NULL, NULL);
  features = parse_features (parser, filtered);
  g_assert_cmpuint (json_array_get_length (features), ==, 3);
  find_feature (features, "acled-mli27001");
  find_feature (features, "acled-mli27005");
  find_feature (features, "acled-mli27004");    /* "August 2022" overlaps */

  sb_selection_set_layer_visible (selection, SB_LAYER_INCIDENTS, FALSE);
  none = sb_geojson_export (briefing, sb_selection_get_filter (selection), NULL, NULL);
  g_assert_cmpuint (json_array_get_length (parse_features (parser, none)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char * const languages[] = { "en", NULL };

  g_test_init (&argc, &argv, NULL);
  sb_text_set_preferred_languages (languages);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/bad-records", test_csv_bad_records);
  g_test_add_func ("/csv/long-fields", test_csv_long_fields);

  g_test_add_func ("/acled/current", test_acled_current);
  g_test_add_func ("/acled/layout-2022", test_acled_layout_2022);
  g_test_add_func ("/acled/layout-2018", test_acled_layout_2018);
  g_test_add_func ("/acled/reordered", test_acled_reordered);
  g_test_add_func ("/acled/bom-crlf", test_acled_bom_crlf);
  g_test_add_func ("/acled/bad-rows", test_acled_bad_rows);
  g_test_add_func ("/acled/not-imported", test_acled_not_imported);
  g_test_add_func ("/acled/no-usable-row", test_acled_no_usable_row);
  g_test_add_func ("/acled/too-many-problems", test_acled_too_many_problems);
  g_test_add_func ("/acled/control-characters", test_control_characters);
  g_test_add_func ("/acled/cancelled", test_acled_cancelled);
  g_test_add_func ("/acled/scale", test_acled_scale);

  g_test_add_func ("/geojson/points", test_geojson_points);
  g_test_add_func ("/geojson/multipoint", test_geojson_multipoint);
  g_test_add_func ("/geojson/linestring", test_geojson_linestring);
  g_test_add_func ("/geojson/polygons", test_geojson_polygons);
  g_test_add_func ("/geojson/single-feature", test_geojson_single_feature);
  g_test_add_func ("/geojson/3d", test_geojson_3d);
  g_test_add_func ("/geojson/foreign-members", test_geojson_foreign_members);
  g_test_add_func ("/geojson/null-geometry", test_geojson_null_geometry);
  g_test_add_func ("/geojson/malformed", test_geojson_malformed);
  g_test_add_func ("/geojson/not-imported", test_geojson_not_imported);
  g_test_add_func ("/geojson/projected", test_geojson_projected);
  g_test_add_func ("/geojson/bad-text", test_geojson_bad_text);

  g_test_add_func ("/field/expected-counts", test_expected_counts);
  g_test_add_func ("/field/sniff", test_sniff);
  g_test_add_func ("/field/acled/monadic", test_acled_monadic);
  g_test_add_func ("/field/acled/dates", test_acled_dates);
  g_test_add_func ("/field/acled/month-first", test_acled_month_first);
  g_test_add_func ("/field/acled/encodings", test_acled_encodings);
  g_test_add_func ("/field/acled/chosen-encoding", test_acled_chosen_encoding);
  g_test_add_func ("/field/acled/layouts", test_acled_layouts);
  g_test_add_func ("/field/acled/kinds", test_acled_kinds);
  g_test_add_func ("/field/ucdp", test_ucdp);
  g_test_add_func ("/field/importer-merges", test_importer_merges);
  g_test_add_func ("/field/geojson/reference", test_geojson_reference);
  g_test_add_func ("/field/geojson/name-property", test_geojson_name_property);
  g_test_add_func ("/field/geojson/from-gis", test_geojson_from_gis);
  g_test_add_func ("/field/geojson/dates", test_geojson_dates);
  g_test_add_func ("/field/geojson/date-key-control-character", test_geojson_date_key_control_character);
  g_test_add_func ("/field/geojson/crs", test_geojson_crs);
  g_test_add_func ("/field/file-input", test_file_input);
  g_test_add_func ("/field/csv-messages-utf8", test_csv_messages_utf8);
#ifdef SAHELBRIEF
  g_test_add_func ("/field/cli/check", test_cli_check);
  g_test_add_func ("/field/cli/convert", test_cli_convert);
#endif

  g_test_add_func ("/export/acled", test_export_acled);
#ifdef DEFAULT_BRIEFING
  g_test_add_func ("/export/briefing", test_export_briefing);
#endif
  g_test_add_func ("/export/filtered", test_export_filtered);

  return g_test_run ();
}
