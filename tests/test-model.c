/* test-model.c
 *
 * Dates, texts, paths and positions, small briefings through the loader,
 * and a field-by-field comparison of a briefing with its round trip
 * through the writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "briefing-generator.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sb-actor-merge.h"
#include "sb-checker.h"
#include "sb-document.h"
#include "sb-edit.h"
#include "sb-enums.h"
#include "sb-filter.h"
#include "sb-json-scan.h"
#include "sb-json-syntax.h"
#include "sb-loader.h"
#include "sb-selection.h"
#include "sb-source.h"
#include "sb-step.h"
#include "sb-writer.h"

static void
test_calendar_dates (void)
{
  SbCalendarDate date;

  g_assert_true (sb_calendar_date_parse ("2022", &date));
  g_assert_cmpint (date.precision, ==, SB_DATE_PRECISION_YEAR);
  g_assert_true (sb_calendar_date_parse ("2022-08", &date));
  g_assert_cmpint (date.precision, ==, SB_DATE_PRECISION_MONTH);
  g_assert_cmpint (date.month, ==, 8);
  g_assert_true (sb_calendar_date_parse ("2024-02-29", &date));
  g_assert_cmpint (date.precision, ==, SB_DATE_PRECISION_DAY);

  g_assert_false (sb_calendar_date_parse ("2023-02-29", &date));
  g_assert_false (sb_calendar_date_parse ("2022-13", &date));
  g_assert_false (sb_calendar_date_parse ("2022-00", &date));
  g_assert_false (sb_calendar_date_parse ("0999", &date));
  g_assert_false (sb_calendar_date_parse ("22-08-15", &date));
  g_assert_false (sb_calendar_date_parse ("2022-8-15", &date));
  g_assert_false (sb_calendar_date_parse ("2022/08/15", &date));
  g_assert_false (sb_calendar_date_parse ("", &date));

  /* A month covers its days; a year its months. */
  g_assert_true (sb_calendar_date_parse ("2022-08", &date));
  g_assert_cmpuint (sb_calendar_date_last_day (&date) - sb_calendar_date_first_day (&date), ==, 30);
  g_assert_true (sb_calendar_date_parse ("2020", &date));
  g_assert_cmpuint (sb_calendar_date_last_day (&date) - sb_calendar_date_first_day (&date), ==, 365);
}

static void
test_date_order (void)
{
  SbDate day = { 0, }, month = { 0, }, year = { 0, };

  sb_calendar_date_parse ("2022-08-01", &day.start);
  sb_calendar_date_parse ("2022-08", &month.start);
  sb_calendar_date_parse ("2022", &year.start);

  /* Same first day: the more precise first. */
  g_assert_cmpint (sb_date_compare (&day, &month), <, 0);
  g_assert_cmpint (sb_date_compare (&month, &year), >, 0);
  /* A year starts on 1 January, before August. */
  g_assert_cmpint (sb_date_compare (&year, &day), <, 0);
}

static void
test_text_fallback (void)
{
  g_autoptr(SbText) text = sb_text_new ("nl", "Nederlands");
  const char *languages_fr[] = { "fr", NULL };
  const char *languages_pt[] = { "pt-BR", "pt", NULL };
  const char *chosen = NULL;

  sb_text_add (text, "en", "English");
  sb_text_add (text, "pt", "Português");

  g_assert_cmpstr (sb_text_lookup (text, languages_pt, &chosen), ==, "Português");
  g_assert_cmpstr (chosen, ==, "pt");

  /* French is missing: English comes next. */
  g_assert_cmpstr (sb_text_lookup (text, languages_fr, &chosen), ==, "English");
  g_assert_cmpstr (chosen, ==, "en");

  {
    g_autoptr(SbText) dutch_only = sb_text_new ("nl", "Alleen Nederlands");

    /* Neither French nor English: the first language, the briefing's. */
    g_assert_cmpstr (sb_text_lookup (dutch_only, languages_fr, &chosen), ==, "Alleen Nederlands");
    g_assert_cmpstr (chosen, ==, "nl");
  }
}

/* A text of several languages as the loader makes it, in one block: the
 * same as one built language by language, and still open to changes.
 */
static void
test_text_packed (void)
{
  const char *languages[] = { "nl", "en", "fr" };
  const char *strings[] = { "Nederlands", "English", "Français" };
  const char *english[] = { "en", NULL };
  g_autoptr(SbText) packed = sb_text_new_packed (3, languages, strings);
  g_autoptr(SbText) built = sb_text_new ("nl", "Nederlands");
  g_autoptr(SbText) shared = NULL;

  sb_text_add (built, "en", "English");
  sb_text_add (built, "fr", "Français");
  g_assert_true (sb_text_equal (packed, built));
  g_assert_cmpuint (sb_text_get_n_languages (packed), ==, 3);
  g_assert_cmpstr (sb_text_get_language_at (packed, 2), ==, "fr");
  g_assert_cmpstr (sb_text_lookup (packed, english, NULL), ==, "English");

  /* Changed in place: a new string, then a new language. */
  shared = sb_text_ref (packed);
  sb_text_add (packed, "en", "British English");
  sb_text_add (packed, "pt", "Português");
  g_assert_cmpuint (sb_text_get_n_languages (shared), ==, 4);
  g_assert_cmpstr (sb_text_get_string_at (shared, 0), ==, "Nederlands");
  g_assert_cmpstr (sb_text_get_string_at (shared, 1), ==, "British English");
  g_assert_cmpstr (sb_text_get_string_at (shared, 3), ==, "Português");
  g_assert_false (sb_text_equal (packed, built));
}

/* The rules on the default briefing, whose actors and steps have English,
 * Dutch and French: the language asked for, then English, then the
 * briefing's own (Dutch) for a text that has neither.
 */
static void
test_text_fallback_briefing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  const char *french[] = { "fr", NULL };
  const char *belgian_french[] = { "fr-BE", NULL };
  const char *german[] = { "de", NULL };
  const char *dutch_then_french[] = { "nl", "fr", NULL };
  const char *chosen = NULL;
  SbText *summary;
  SbText *caption;
  GListModel *steps;

  g_assert_nonnull (briefing);
  summary = sb_actor_get_summary (SB_ACTOR (sb_briefing_lookup (briefing, "wagner-group")));
  steps = sb_briefing_get_steps (briefing);
  g_assert_cmpuint (g_list_model_get_n_items (steps), >, 0);

  /* Every actor summary and step caption is in the three languages. */
  for (guint i = 0; i < g_list_model_get_n_items (sb_briefing_get_actors (briefing)); i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (sb_briefing_get_actors (briefing), i);

      for (guint l = 0; l < 3; l++)
        g_assert_nonnull (sb_text_get_for_language (sb_actor_get_summary (actor), (const char *[]) { "en", "nl", "fr" }[l]));
    }
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SbStep) step = g_list_model_get_item (steps, i);

      for (guint l = 0; l < 3; l++)
        g_assert_nonnull (sb_text_get_for_language (sb_step_get_caption (step), (const char *[]) { "en", "nl", "fr" }[l]));
    }

  sb_text_lookup (summary, french, &chosen);
  g_assert_cmpstr (chosen, ==, "fr");
  sb_text_lookup (summary, belgian_french, &chosen);
  g_assert_cmpstr (chosen, ==, "fr");
  sb_text_lookup (summary, dutch_then_french, &chosen);
  g_assert_cmpstr (chosen, ==, "nl");
  /* No German: English. */
  sb_text_lookup (summary, german, &chosen);
  g_assert_cmpstr (chosen, ==, "en");

  /* The preference set for the briefing language is what sb_text_get() uses. */
  sb_text_set_preferred_languages (french);
  g_assert_cmpstr (sb_text_get (summary), ==, sb_text_get_for_language (summary, "fr"));
  {
    g_autoptr(SbStep) step = g_list_model_get_item (steps, 0);

    caption = sb_step_get_caption (step);
    g_assert_cmpstr (sb_text_get (caption), ==, sb_text_get_for_language (caption, "fr"));
  }
  sb_text_set_preferred_languages (german);
  g_assert_cmpstr (sb_text_get (summary), ==, sb_text_get_for_language (summary, "en"));
  sb_text_set_preferred_languages (NULL);
}

static void
test_language_codes (void)
{
  g_assert_true (sb_language_code_is_valid ("en"));
  g_assert_true (sb_language_code_is_valid ("pt-BR"));
  g_assert_true (sb_language_code_is_valid ("zh-Hant-TW"));
  g_assert_false (sb_language_code_is_valid ("english"));
  g_assert_false (sb_language_code_is_valid ("EN"));
  g_assert_false (sb_language_code_is_valid ("e"));
  g_assert_false (sb_language_code_is_valid ("en-"));
}

static void
test_json_paths (void)
{
  g_autoptr(GString) path = g_string_new ("$");

  sb_json_path_append_member (path, "incidents");
  sb_json_path_append_index (path, 3);
  sb_json_path_append_member (path, "place");
  g_assert_cmpstr (path->str, ==, "$.incidents[3].place");

  g_string_assign (path, "$");
  sb_json_path_append_member (path, "it's a key");
  g_assert_cmpstr (path->str, ==, "$['it\\'s a key']");
}

static gboolean
check_syntax (const char *text,
              gsize      *error_offset)
{
  SbJsonOutline outline;
  gboolean ok = sb_json_syntax_check (text, strlen (text), 64, &outline);

  if (!ok)
    {
      g_test_message ("%s: %s", text, outline.error_message);
      *error_offset = outline.error_offset;
    }

  sb_json_outline_clear (&outline);
  return ok;
}

static void
test_strict_syntax (void)
{
  g_autofree char *deep = g_strnfill (70, '[');
  const char *in_string = "{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}";
  const struct {
    const char *text;
    gsize offset;
  } invalid[] = {
    { "{\"a\": 1,}", 7 },                 /* trailing comma */
    { "{'a': 1}", 1 },                    /* single quotes */
    { "{\"a\": 1 /* no */}", 8 },          /* comment */
    { "{\"a\": 01}", 6 },                  /* leading zero */
    { "{\"a\": 0x10}", 6 },                /* hexadecimal */
    { "{\"a\": .5}", 6 },                  /* no integer part */
    { "{\"a\": 1.}", 6 },                  /* no fraction digits */
    { "{\"a\": \"\\q\"}", 7 },             /* unknown escape */
    { "{\"a\": \"\\ud800\"}", 7 },         /* lone high surrogate */
    { "{\"a\": \"\\udc00\"}", 7 },         /* lone low surrogate */
    { "{\"a\": \"x\\u0000y\"}", 8 },       /* NUL */
    { "{\"a\": \"tab\there\"}", 10 },       /* raw control character */
    { "{\"a\": 1} {}", 9 },                /* a second value */
    { "{\"a\": tru}", 6 },                 /* bare word */
    { "{\"a\": [1, 2}", 11 },              /* wrong closing bracket */
    { "{\"a\": \"open", 6 },                /* never closed */
  };
  gsize offset = 0;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      offset = G_MAXSIZE;
      g_assert_false (check_syntax (invalid[i].text, &offset));
      g_assert_cmpuint (offset, ==, invalid[i].offset);
    }

  g_assert_true (check_syntax ("{\"a\": [1, -2.5e3, true, false, null, \"\\u00e9\\ud83d\\ude00\\n\"], \"b\": {}}", &offset));
  g_assert_true (check_syntax ("  [ ]  ", &offset));

  g_assert_false (check_syntax (deep, &offset));
  g_assert_cmpuint (offset, ==, 64);

  /* Brackets inside strings do not nest. */
  g_assert_true (check_syntax (in_string, &offset));
}

#define MINIMAL_BRIEFING \
  "{\n" \
  "  \"format\": \"sahelbrief\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Test\",\n" \
  "  \"language\": \"en\",\n" \
  "  \"sources\": [\n" \
  "    {\n" \
  "      \"id\": \"s\",\n" \
  "      \"title\": \"Source\",\n" \
  "      \"date\": \"2022-08\",\n" \
  "      \"language\": \"en\",\n" \
  "      \"text\": \"Two planes landed at Gao. Nobody knows more.\"\n" \
  "    }\n" \
  "  ],\n" \
  "  \"places\": [\n" \
  "    { \"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"near\" }\n" \
  "  ],\n" \
  "  \"incidents\": [\n" \
  "    {\n" \
  "      \"id\": \"landing\",\n" \
  "      \"type\": \"arrival\",\n" \
  "      \"description\": \"Two planes landed.\",\n" \
  "      \"place\": \"%s\",\n" \
  "      \"date\": \"2022-08\",\n" \
  "      \"certainty\": \"reported\",\n" \
  "      \"citations\": [ { \"source\": \"s\", \"quote\": \"%s\" } ]\n" \
  "    }\n" \
  "  ]\n" \
  "}\n"

static SbBriefing *
load_string (const char  *data,
             GPtrArray  **problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

  return sb_loader_load_bytes (bytes, problems);
}

static const SbProblem *
find_problem (GPtrArray     *problems,
              SbProblemCode  code)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const SbProblem *problem = g_ptr_array_index (problems, i);

      if (problem->code == code)
        return problem;
    }

  return NULL;
}

static void
test_minimal_briefing (void)
{
  g_autofree char *data = g_strdup_printf (MINIMAL_BRIEFING, "gao", "Two planes landed at Gao.");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = load_string (data, &problems);
  SbItem *landing;
  SbCitation *citation;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (briefing);

  landing = SB_ITEM (sb_briefing_lookup (briefing, "landing"));
  g_assert_nonnull (landing);
  g_assert_true (SB_ENTITY (sb_item_get_place (landing)) == sb_briefing_lookup (briefing, "gao"));

  citation = g_ptr_array_index (sb_item_get_citations (landing), 0);
  g_assert_cmpint (citation->offset, ==, 0);
  g_assert_true (SB_ENTITY (citation->source) == sb_briefing_lookup (briefing, "s"));
  g_assert_cmpfloat (sb_place_get_radius_km (sb_item_get_place (landing)), ==, 25.0);
}

/* A statement, an actor, a figure and a relation citing nothing are each
 * told why they must, in their own words: --check said to an actor that
 * "every statement" names its passage.
 */
static void
test_citations_required_words (void)
{
  const char *data =
    "{ \"format\": \"sahelbrief\", \"version\": 1, \"title\": \"T\", \"language\": \"en\",\n"
    "  \"sources\": [ { \"id\": \"s\", \"title\": \"S\", \"date\": \"2022-08\", \"language\": \"en\",\n"
    "                  \"text\": \"Wagner landed at Gao.\" } ],\n"
    "  \"actors\": [ { \"id\": \"w\", \"name\": \"Wagner\", \"kind\": \"pmc\", \"citations\": [],\n"
    "                \"figures\": [ { \"measure\": \"personnel\", \"value\": 1000, \"certainty\": \"reported\", \"citations\": [] } ],\n"
    "                \"relations\": [ { \"type\": \"fights\", \"actor\": \"w\", \"certainty\": \"reported\", \"citations\": [] } ] } ],\n"
    "  \"places\": [ { \"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"near\" } ],\n"
    "  \"incidents\": [ { \"id\": \"i\", \"type\": \"arrival\", \"place\": \"gao\", \"date\": \"2022-08\",\n"
    "                   \"certainty\": \"reported\", \"citations\": [] } ] }\n";
  static const struct { const char *path; const char *message; } expected[] = {
    { "$.actors[0].citations", "at least one citation is required: an actor names the passage that tells of it" },
    { "$.actors[0].figures[0].citations", "at least one citation is required: a figure names the passage it comes from" },
    { "$.actors[0].relations[0].citations", "at least one citation is required: a relation names the passage that states it" },
    { "$.incidents[0].citations", "at least one citation is required: every statement names the passage it comes from" },
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = load_string (data, &problems);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SbProblem *found = NULL;

      for (guint k = 0; k < problems->len; k++)
        if (g_strcmp0 (((SbProblem *) g_ptr_array_index (problems, k))->path, expected[i].path) == 0)
          found = g_ptr_array_index (problems, k);
      if (found == NULL)
        {
          for (guint k = 0; k < problems->len; k++)
            g_printerr ("%s: %s\n", ((SbProblem *) g_ptr_array_index (problems, k))->path,
                        ((SbProblem *) g_ptr_array_index (problems, k))->message);
          g_error ("no problem at %s", expected[i].path);
        }
      g_assert_cmpint (found->code, ==, SB_PROBLEM_MISSING_FIELD);
      g_assert_cmpstr (found->message, ==, expected[i].message);
    }
}

#define TARGETS_BRIEFING \
  "{ \"format\": \"sahelbrief\", \"version\": %d, \"title\": \"T\", \"language\": \"en\",\n" \
  "  \"sources\": [ { \"id\": \"s\", \"title\": \"S\", \"date\": \"2022-08\", \"language\": \"en\",\n" \
  "                  \"text\": \"JNIM ambushed the army near Gao.\" } ],\n" \
  "  \"actors\": [\n" \
  "    { \"id\": \"jnim\", \"name\": \"JNIM\", \"kind\": \"armed-group\", \"citations\": [ { \"source\": \"s\", \"quote\": \"JNIM\" } ] },\n" \
  "    { \"id\": \"army\", \"name\": \"Army\", \"kind\": \"national-forces\", \"citations\": [ { \"source\": \"s\", \"quote\": \"the army\" } ] },\n" \
  "    { \"id\": \"fama\", \"name\": \"FAMa\", \"kind\": \"national-forces\", \"citations\": [ { \"source\": \"s\", \"quote\": \"the army\" } ] } ],\n" \
  "  \"places\": [ { \"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"near\" } ],\n" \
  "  \"incidents\": [ { \"id\": \"ambush\", \"type\": \"attack\", \"description\": \"An ambush.\",\n" \
  "                   \"actors\": [ \"jnim\" ], \"targets\": [ %s ],\n" \
  "                   \"place\": \"gao\", \"date\": \"2022-08\", \"certainty\": \"reported\",\n" \
  "                   \"citations\": [ { \"source\": \"s\", \"quote\": \"JNIM ambushed the army near Gao.\" } ] } ] }\n"

/* An incident names the side attacked apart from those who took part
 * (format version 3): read, written back in version 3 (a briefing
 * without targets stays version 1), refused with its reason in an older
 * version and when an actor is both; an actor removed leaves the targets,
 * and one merged into another moves there.
 */
static void
test_incident_targets (void)
{
  g_autofree char *data = g_strdup_printf (TARGETS_BRIEFING, 3, "\"army\"");
  g_autofree char *older = g_strdup_printf (TARGETS_BRIEFING, 2, "\"army\"");
  g_autofree char *both = g_strdup_printf (TARGETS_BRIEFING, 3, "\"army\", \"jnim\"");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = load_string (data, &problems);
  g_autoptr(SbDocument) document = NULL;
  g_autofree char *written = NULL;
  SbItem *ambush;
  SbActor *army, *fama;
  const SbProblem *problem;

  g_assert_cmpuint (problems->len, ==, 0);
  ambush = SB_ITEM (sb_briefing_lookup (briefing, "ambush"));
  army = SB_ACTOR (sb_briefing_lookup (briefing, "army"));
  fama = SB_ACTOR (sb_briefing_lookup (briefing, "fama"));
  g_assert_cmpuint (sb_item_get_targets (ambush)->len, ==, 1);
  g_assert_true (g_ptr_array_index (sb_item_get_targets (ambush), 0) == army);
  g_assert_true (sb_item_targets_actor (ambush, army));
  g_assert_false (sb_item_involves_actor (ambush, army));

  /* Written back in version 3, the targets kept. */
  written = sb_writer_to_data (briefing, NULL);
  g_assert_nonnull (strstr (written, "\"version\": 3"));
  g_assert_nonnull (strstr (written, "\"targets\": ["));
  {
    g_autoptr(GPtrArray) reloaded_problems = NULL;
    g_autoptr(GBytes) bytes = g_bytes_new (written, strlen (written));
    g_autoptr(SbBriefing) reloaded = sb_loader_load_bytes (bytes, &reloaded_problems);

    g_assert_cmpuint (reloaded_problems->len, ==, 0);
    g_assert_true (sb_item_targets_actor (SB_ITEM (sb_briefing_lookup (reloaded, "ambush")),
                                          SB_ACTOR (sb_briefing_lookup (reloaded, "army"))));
  }

  /* Merged into FAMa: FAMa is the target; removed: no target. */
  document = sb_document_new (briefing);
  g_assert_true (sb_document_apply (document, sb_edit_new_merge_actors (briefing, fama, army), NULL));
  g_assert_true (sb_item_targets_actor (ambush, fama));
  g_assert_true (sb_document_undo (document));
  g_assert_true (sb_item_targets_actor (ambush, army));
  g_assert_true (sb_document_apply (document, sb_edit_new_remove_with_references (briefing, SB_ENTITY (army)), NULL));
  g_assert_true (sb_item_get_targets (ambush) == NULL || sb_item_get_targets (ambush)->len == 0);
  g_clear_pointer (&written, g_free);
  written = sb_writer_to_data (briefing, NULL);
  g_assert_nonnull (strstr (written, "\"version\": 1"));
  g_assert_null (strstr (written, "\"targets\""));

  /* Version 2 does not have them. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&briefing);
  briefing = load_string (older, &problems);
  problem = find_problem (problems, SB_PROBLEM_UNKNOWN_FIELD);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->path, ==, "$.incidents[0].targets");
  g_assert_cmpstr (problem->message, ==, "the targets of an incident need format version 3: set \"version\": 3");

  /* A target that took part. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&briefing);
  briefing = load_string (both, &problems);
  problem = find_problem (problems, SB_PROBLEM_BAD_VALUE);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->path, ==, "$.incidents[0].targets[1]");
  g_assert_nonnull (strstr (problem->message, "“jnim” is among both the actors and the targets"));
}

/* The header's own arrays are read with it, whichever way the text is read. */
static void
test_authors (void)
{
  g_autofree char *minimal = g_strdup_printf (MINIMAL_BRIEFING, "gao", "Two planes landed at Gao.");
  g_autoptr(GString) data = g_string_new (minimal);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) whole = NULL;
  g_autoptr(SbBriefing) streamed = NULL;
  g_autoptr(GInputStream) stream = NULL;
  const char * const *authors;

  g_string_replace (data, "\"language\": \"en\",\n  \"sources\"",
                    "\"language\": \"en\",\n  \"authors\": [\"A. Analyst\", \"B. Analyst\"],\n  \"sources\"", 1);
  whole = load_string (data->str, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  authors = sb_briefing_get_authors (whole);
  g_assert_nonnull (authors);
  g_assert_cmpstrv (authors, ((const char * const[]) { "A. Analyst", "B. Analyst", NULL }));

  stream = g_memory_input_stream_new_from_data (data->str, data->len, NULL);
  streamed = sb_loader_try_streaming (stream, NULL);
  g_assert_nonnull (streamed);
  g_assert_cmpstrv (sb_briefing_get_authors (streamed), authors);
}

static void
test_problem_positions (void)
{
  g_autofree char *data = g_strdup_printf (MINIMAL_BRIEFING, "gaoo", "Three planes landed at Gao.");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = load_string (data, &problems);
  const SbProblem *reference, *quote;

  g_assert_null (briefing);
  g_assert_cmpuint (problems->len, ==, 2);

  reference = find_problem (problems, SB_PROBLEM_UNKNOWN_REFERENCE);
  g_assert_nonnull (reference);
  g_assert_cmpstr (reference->path, ==, "$.incidents[0].place");
  g_assert_cmpuint (reference->line, ==, 23);
  g_assert_cmpuint (reference->column, ==, 7);
  g_assert_nonnull (strstr (reference->message, "did you mean “gao”?"));

  quote = find_problem (problems, SB_PROBLEM_QUOTE_NOT_FOUND);
  g_assert_nonnull (quote);
  g_assert_cmpstr (quote->path, ==, "$.incidents[0].citations[0].quote");
  g_assert_cmpuint (quote->line, ==, 26);

  /* Problems come in file order. */
  g_assert_true (g_ptr_array_index (problems, 0) == reference);
}

static void
test_quote_hints (void)
{
  g_autofree char *data = g_strdup_printf (MINIMAL_BRIEFING, "gao", "two planes  landed at Gao.");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = load_string (data, &problems);
  const SbProblem *quote;

  g_assert_null (briefing);
  quote = find_problem (problems, SB_PROBLEM_QUOTE_NOT_FOUND);
  g_assert_nonnull (quote);
  g_assert_nonnull (strstr (quote->message, "capital"));
}

#define NAMED_SOURCE_BRIEFING \
  "{ \"format\": \"sahelbrief\", \"version\": 1, \"title\": \"T\", \"language\": \"en\",\n" \
  "  \"sources\": [ { \"id\": \"reuters\", \"title\": \"Reuters\", \"date\": \"2022\", \"language\": \"en\" },\n" \
  "               { \"id\": \"article\", \"title\": \"A\", \"date\": \"2022\", \"language\": \"en\", \"text\": \"Gao.\" } ],\n" \
  "  \"places\": [ { \"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"near\" } ],\n" \
  "  \"incidents\": [ { \"id\": \"i\", \"type\": \"attack\", \"description\": \"D\", \"place\": \"gao\",\n" \
  "    \"date\": \"2022\", \"certainty\": \"reported\", \"citations\": [ %s ] } ] }\n"

/* Data sets name their sources without their text: those are cited
 * without a quote, and sources with text always with one.
 */
static void
test_sources_without_text (void)
{
  const struct {
    const char *citation;
    gboolean valid;
    SbProblemCode code;
  } cases[] = {
    { "{ \"source\": \"reuters\" }", TRUE, 0 },
    { "{ \"source\": \"reuters\", \"quote\": \"Gao\" }", FALSE, SB_PROBLEM_BAD_VALUE },
    { "{ \"source\": \"article\" }", FALSE, SB_PROBLEM_MISSING_FIELD },
    { "{ \"source\": \"article\", \"quote\": \"Gao\" }", TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf (NAMED_SOURCE_BRIEFING, cases[i].citation);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) briefing = load_string (data, &problems);

      g_assert_true ((briefing != NULL) == cases[i].valid);
      if (!cases[i].valid)
        {
          g_assert_cmpuint (problems->len, ==, 1);
          g_assert_cmpint (((SbProblem *) g_ptr_array_index (problems, 0))->code, ==, cases[i].code);
        }
      else
        {
          g_autofree char *written = sb_writer_to_data (briefing, NULL);
          g_autoptr(GBytes) bytes = g_bytes_new (written, strlen (written));
          g_autoptr(GPtrArray) reloaded_problems = NULL;
          g_autoptr(SbBriefing) reloaded = sb_loader_load_bytes (bytes, &reloaded_problems);

          g_assert_nonnull (reloaded);
        }
    }
}

#define TRANSLATED_BRIEFING \
  "{ \"format\": \"sahelbrief\", \"version\": %d, \"title\": \"T\", \"language\": \"en\",\n" \
  "  \"sources\": [ { \"id\": \"article\", \"title\": \"A\", \"date\": \"2022\", \"language\": \"nl-BE\",\n" \
  "                 \"text\": \"Twee vliegtuigen landden op Gao.\" } ],\n" \
  "  \"places\": [ { \"id\": \"gao\", \"name\": \"Gao\", \"lat\": 16.27, \"lon\": -0.04, \"precision\": \"near\" } ],\n" \
  "  \"incidents\": [ { \"id\": \"i\", \"type\": \"arrival\", \"description\": \"D\", \"place\": \"gao\",\n" \
  "    \"date\": \"2022\", \"certainty\": \"reported\",\n" \
  "    \"citations\": [ { \"source\": \"article\", \"quote\": \"Twee vliegtuigen landden op Gao.\"%s } ] } ] }\n"

static char *
write_and_reload (SbBriefing  *briefing,
                  SbBriefing **reloaded)
{
  g_autofree char *written = sb_writer_to_data (briefing, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (written, strlen (written));
  g_autoptr(GPtrArray) problems = NULL;

  *reloaded = sb_loader_load_bytes (bytes, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (*reloaded);

  return g_steal_pointer (&written);
}

/* A quote may carry translations (format version 2); the writer writes
 * version 2 only for a briefing that has some, and the translation shown
 * is the reader's language's, none for a reader of the source's language.
 */
static void
test_translations (void)
{
  const char *translated = ", \"translations\": { \"en\": \"Two planes landed at Gao.\", \"fr\": \"Deux avions ont atterri à Gao.\" }";
  const char *english[] = { "en-GB", "en", NULL };
  const char *french[] = { "fr", NULL };
  const char *flemish[] = { "nl", "en", NULL };
  const char *german[] = { "de", NULL };
  const char *language = NULL;
  g_autofree char *plain_data = g_strdup_printf (TRANSLATED_BRIEFING, 1, "");
  g_autofree char *data = g_strdup_printf (TRANSLATED_BRIEFING, 2, translated);
  g_autofree char *v1_data = g_strdup_printf (TRANSLATED_BRIEFING, 1, translated);
  g_autofree char *written = NULL;
  g_autofree char *plain_written = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) v1_problems = NULL;
  g_autoptr(GPtrArray) plain_problems = NULL;
  g_autoptr(SbBriefing) briefing = load_string (data, &problems);
  g_autoptr(SbBriefing) v1 = load_string (v1_data, &v1_problems);
  g_autoptr(SbBriefing) plain = load_string (plain_data, &plain_problems);
  g_autoptr(SbBriefing) reloaded = NULL;
  g_autoptr(SbBriefing) plain_reloaded = NULL;
  SbCitation *citation, *reloaded_citation;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (briefing);
  g_assert_null (v1);
  g_assert_cmpuint (v1_problems->len, ==, 1);
  g_assert_cmpint (((SbProblem *) g_ptr_array_index (v1_problems, 0))->code, ==, SB_PROBLEM_UNKNOWN_FIELD);
  g_assert_nonnull (strstr (((SbProblem *) g_ptr_array_index (v1_problems, 0))->message, "version 2"));

  citation = g_ptr_array_index (sb_item_get_citations (SB_ITEM (sb_briefing_lookup (briefing, "i"))), 0);
  g_assert_cmpstr (sb_citation_get_translation (citation, english, &language), ==, "Two planes landed at Gao.");
  g_assert_cmpstr (language, ==, "en");
  g_assert_cmpstr (sb_citation_get_translation (citation, french, &language), ==, "Deux avions ont atterri à Gao.");
  g_assert_cmpstr (language, ==, "fr");
  /* Dutch reads the Flemish original; German falls back to English. */
  g_assert_null (sb_citation_get_translation (citation, flemish, NULL));
  g_assert_cmpstr (sb_citation_get_translation (citation, german, NULL), ==, "Two planes landed at Gao.");

  written = write_and_reload (briefing, &reloaded);
  g_assert_nonnull (strstr (written, "\"version\": 2"));
  reloaded_citation = g_ptr_array_index (sb_item_get_citations (SB_ITEM (sb_briefing_lookup (reloaded, "i"))), 0);
  g_assert_true (sb_citation_equal (citation, reloaded_citation));
  g_assert_cmpstr (sb_text_find (reloaded_citation->translations, "fr", NULL), ==, "Deux avions ont atterri à Gao.");

  /* Without translations, version 1: SahelBrief 0.1 opens it. */
  g_assert_nonnull (plain);
  plain_written = write_and_reload (plain, &plain_reloaded);
  g_assert_nonnull (strstr (plain_written, "\"version\": 1"));
}

static void
test_problem_format (void)
{
  g_autoptr(SbProblem) problem = sb_problem_new (SB_PROBLEM_MISSING_FIELD, "$.title", "required field “title” is missing");
  g_autofree char *with_position = NULL;
  g_autofree char *without_position = NULL;

  without_position = sb_problem_to_string (problem, "a.sahelbrief");
  g_assert_cmpstr (without_position, ==, "a.sahelbrief: missing-field: $.title: required field “title” is missing");

  problem->line = 3;
  problem->column = 5;
  with_position = sb_problem_to_string (problem, "a.sahelbrief");
  g_assert_cmpstr (with_position, ==, "a.sahelbrief:3:5: missing-field: $.title: required field “title” is missing");
}

static void
assert_texts_equal (SbText *a,
                    SbText *b)
{
  g_assert_true (sb_text_equal (a, b));
}

static void
assert_citations_equal (GPtrArray *a,
                        GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      SbCitation *ca = g_ptr_array_index (a, i);
      SbCitation *cb = g_ptr_array_index (b, i);

      g_assert_true (sb_citation_equal (ca, cb));
      g_assert_cmpint (ca->offset, ==, cb->offset);
    }
}

static void
assert_same_ids (GPtrArray *a,
                 GPtrArray *b)
{
  g_assert_cmpuint (a ? a->len : 0, ==, b ? b->len : 0);
  for (guint i = 0; a != NULL && i < a->len; i++)
    g_assert_cmpstr (sb_entity_get_id (g_ptr_array_index (a, i)), ==,
                     sb_entity_get_id (g_ptr_array_index (b, i)));
}

static void
assert_figures_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a ? a->len : 0, ==, b ? b->len : 0);
  for (guint i = 0; a != NULL && i < a->len; i++)
    g_assert_true (sb_figure_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
}

static void
assert_actors_equal (SbActor *a,
                     SbActor *b)
{
  GPtrArray *relations_a = sb_actor_get_relations (a);
  GPtrArray *relations_b = sb_actor_get_relations (b);

  assert_texts_equal (sb_actor_get_name (a), sb_actor_get_name (b));
  assert_texts_equal (sb_actor_get_short_name (a), sb_actor_get_short_name (b));
  g_assert_true (g_strv_equal ((const char * const *) (sb_actor_get_aliases (a) ? sb_actor_get_aliases (a) : (const char * const[]) { NULL }),
                               (const char * const *) (sb_actor_get_aliases (b) ? sb_actor_get_aliases (b) : (const char * const[]) { NULL })));
  g_assert_cmpint (sb_actor_get_kind (a), ==, sb_actor_get_kind (b));
  assert_texts_equal (sb_actor_get_affiliation (a), sb_actor_get_affiliation (b));
  g_assert_cmpstr (sb_actor_get_country (a), ==, sb_actor_get_country (b));
  g_assert_cmpuint (sb_actor_get_colour (a), ==, sb_actor_get_colour (b));
  assert_texts_equal (sb_actor_get_summary (a), sb_actor_get_summary (b));
  assert_figures_equal (sb_actor_get_figures (a), sb_actor_get_figures (b));
  assert_citations_equal (sb_actor_get_citations (a), sb_actor_get_citations (b));

  g_assert_cmpuint (relations_a->len, ==, relations_b->len);
  for (guint i = 0; i < relations_a->len; i++)
    {
      SbRelation *ra = g_ptr_array_index (relations_a, i);
      SbRelation *rb = g_ptr_array_index (relations_b, i);

      g_assert_true (sb_relation_equal (ra, rb));
      g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (ra->target)), ==, sb_entity_get_id (SB_ENTITY (rb->target)));
    }
}

static void
assert_places_equal (SbPlace *a,
                     SbPlace *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (a)), ==, sb_entity_get_id (SB_ENTITY (b)));
  assert_texts_equal (sb_place_get_name (a), sb_place_get_name (b));
  g_assert_cmpfloat (sb_place_get_latitude (a), ==, sb_place_get_latitude (b));
  g_assert_cmpfloat (sb_place_get_longitude (a), ==, sb_place_get_longitude (b));
  g_assert_cmpint (sb_place_get_precision (a), ==, sb_place_get_precision (b));
  g_assert_cmpfloat (sb_place_get_radius_km (a), ==, sb_place_get_radius_km (b));
  g_assert_cmpstr (sb_place_get_country (a), ==, sb_place_get_country (b));
}

static void
assert_items_equal (SbItem *a,
                    SbItem *b)
{
  SbItemKind kind = sb_item_get_kind (a);

  g_assert_cmpint (kind, ==, sb_item_get_kind (b));
  assert_texts_equal (sb_item_get_title (a), sb_item_get_title (b));
  assert_texts_equal (sb_item_get_description (a), sb_item_get_description (b));
  g_assert_true (sb_date_equal (sb_item_get_date (a), sb_item_get_date (b)));
  g_assert_true (sb_evidence_equal (sb_item_get_evidence (a), sb_item_get_evidence (b)));
  assert_citations_equal (sb_item_get_citations (a), sb_item_get_citations (b));
  assert_figures_equal (sb_item_get_figures (a), sb_item_get_figures (b));
  assert_places_equal (sb_item_get_place (a), sb_item_get_place (b));
  assert_places_equal (sb_item_get_origin (a), sb_item_get_origin (b));
  g_assert_true (sb_quantity_equal (sb_item_get_strength (a), sb_item_get_strength (b)));
  g_assert_true (sb_quantity_equal (sb_item_get_fatalities (a), sb_item_get_fatalities (b)));
  assert_texts_equal (sb_item_get_role (a), sb_item_get_role (b));
  assert_texts_equal (sb_item_get_name (a), sb_item_get_name (b));
  g_assert_true (sb_geometry_equal (sb_item_get_geometry (a), sb_item_get_geometry (b)));

  g_assert_cmpuint (sb_item_get_n_actors (a), ==, sb_item_get_n_actors (b));
  for (guint i = 0; i < sb_item_get_n_actors (a); i++)
    g_assert_cmpstr (sb_entity_get_id (SB_ENTITY (sb_item_get_actor (a, i))), ==,
                     sb_entity_get_id (SB_ENTITY (sb_item_get_actor (b, i))));

  switch (kind)
    {
    case SB_ITEM_KIND_DEPLOYMENT:
      g_assert_cmpint (sb_item_get_deployment_status (a), ==, sb_item_get_deployment_status (b));
      break;
    case SB_ITEM_KIND_MOVEMENT:
      g_assert_cmpint (sb_item_get_movement_status (a), ==, sb_item_get_movement_status (b));
      g_assert_cmpint (sb_item_get_means (a), ==, sb_item_get_means (b));
      break;
    case SB_ITEM_KIND_INCIDENT:
      g_assert_cmpint (sb_item_get_incident_type (a), ==, sb_item_get_incident_type (b));
      break;
    case SB_ITEM_KIND_AREA:
    default:
      g_assert_cmpint (sb_item_get_area_kind (a), ==, sb_item_get_area_kind (b));
      g_assert_cmpint (sb_item_get_boundary (a), ==, sb_item_get_boundary (b));
      break;
    }
}

static void
assert_steps_equal (SbStep *a,
                    SbStep *b)
{
  double lat_a = 0, lon_a = 0, zoom_a = 0, lat_b = 0, lon_b = 0, zoom_b = 0;

  assert_texts_equal (sb_step_get_title (a), sb_step_get_title (b));
  assert_texts_equal (sb_step_get_caption (a), sb_step_get_caption (b));
  assert_texts_equal (sb_step_get_notes (a), sb_step_get_notes (b));
  g_assert_cmpint (sb_step_get_center (a, &lat_a, &lon_a, &zoom_a), ==, sb_step_get_center (b, &lat_b, &lon_b, &zoom_b));
  g_assert_cmpfloat (lat_a, ==, lat_b);
  g_assert_cmpfloat (lon_a, ==, lon_b);
  g_assert_cmpfloat (zoom_a, ==, zoom_b);
  assert_same_ids (sb_step_get_frame (a), sb_step_get_frame (b));
  g_assert_cmpint (sb_step_get_layers (a), ==, sb_step_get_layers (b));
  assert_same_ids (sb_step_get_shown (a), sb_step_get_shown (b));
  assert_same_ids (sb_step_get_highlight (a), sb_step_get_highlight (b));
  g_assert_true ((sb_step_get_citation (a) == NULL) == (sb_step_get_citation (b) == NULL));
  if (sb_step_get_citation (a) != NULL)
    g_assert_true (sb_citation_equal (sb_step_get_citation (a), sb_step_get_citation (b)));
}

static void
assert_sources_equal (SbSource *a,
                      SbSource *b)
{
  assert_texts_equal (sb_source_get_title (a), sb_source_get_title (b));
  g_assert_cmpstr (sb_source_get_publisher (a), ==, sb_source_get_publisher (b));
  g_assert_cmpstr (sb_source_get_author (a), ==, sb_source_get_author (b));
  g_assert_true (sb_date_equal (sb_source_get_date (a), sb_source_get_date (b)));
  g_assert_cmpstr (sb_source_get_language (a), ==, sb_source_get_language (b));
  g_assert_cmpstr (sb_source_get_url (a), ==, sb_source_get_url (b));
  g_assert_cmpstr (sb_source_get_text (a), ==, sb_source_get_text (b));
  assert_texts_equal (sb_source_get_note (a), sb_source_get_note (b));
}

typedef void (*AssertEqualFunc) (gpointer a, gpointer b);

static void
assert_lists_equal (GListModel      *a,
                    GListModel      *b,
                    AssertEqualFunc  assert_equal)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(SbEntity) ea = g_list_model_get_item (a, i);
      g_autoptr(SbEntity) eb = g_list_model_get_item (b, i);

      g_assert_cmpstr (sb_entity_get_id (ea), ==, sb_entity_get_id (eb));
      if (assert_equal != NULL)
        assert_equal (ea, eb);
    }
}

static void
assert_briefings_equal (SbBriefing *original,
                        SbBriefing *reloaded)
{
  assert_texts_equal (sb_briefing_get_title (original), sb_briefing_get_title (reloaded));
  assert_texts_equal (sb_briefing_get_subtitle (original), sb_briefing_get_subtitle (reloaded));
  assert_texts_equal (sb_briefing_get_description (original), sb_briefing_get_description (reloaded));
  g_assert_cmpstr (sb_briefing_get_language (original), ==, sb_briefing_get_language (reloaded));
  g_assert_true (sb_date_equal (sb_briefing_get_date (original), sb_briefing_get_date (reloaded)));

  assert_lists_equal (sb_briefing_get_sources (original), sb_briefing_get_sources (reloaded),
                      (AssertEqualFunc) assert_sources_equal);
  assert_lists_equal (sb_briefing_get_actors (original), sb_briefing_get_actors (reloaded),
                      (AssertEqualFunc) assert_actors_equal);
  assert_lists_equal (sb_briefing_get_places (original), sb_briefing_get_places (reloaded),
                      (AssertEqualFunc) assert_places_equal);
  assert_lists_equal (sb_briefing_get_all_items (original), sb_briefing_get_all_items (reloaded),
                      (AssertEqualFunc) assert_items_equal);
  assert_lists_equal (sb_briefing_get_steps (original), sb_briefing_get_steps (reloaded),
                      (AssertEqualFunc) assert_steps_equal);
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) original = sb_loader_load_file (file, NULL, NULL);
  g_autoptr(SbBriefing) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_nonnull (original);

  fd = g_file_open_tmp ("round-trip-XXXXXX.sahelbrief", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  saved = g_file_new_for_path (path);
  g_assert_true (sb_writer_save (original, saved, NULL, &error));
  g_assert_no_error (error);

  reloaded = sb_loader_load_file (saved, NULL, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (reloaded);
  g_file_delete (saved, NULL, NULL);

  assert_briefings_equal (original, reloaded);
}

static SbBriefing *
load_generated (const char *data,
                gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing = sb_loader_load_bytes (bytes, &problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = sb_problem_to_string (g_ptr_array_index (problems, i), "generated");

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (briefing);

  return briefing;
}

/* Whatever the loader reads, the writer writes so that it reads back the
 * same, and writing that again gives the same text.
 */
static char *
check_round_trip (guint32              seed,
                  const BriefingShape *shape)
{
  gsize length, first_length, second_length;
  g_autofree char *data = briefing_generator_write (seed, shape, &length);
  g_autoptr(SbBriefing) original = load_generated (data, length);
  g_autofree char *first = sb_writer_to_data (original, &first_length);
  g_autoptr(SbBriefing) reloaded = load_generated (first, first_length);
  g_autofree char *second = sb_writer_to_data (reloaded, &second_length);

  assert_briefings_equal (original, reloaded);
  g_assert_cmpuint (first_length, ==, second_length);
  g_assert_true (memcmp (first, second, first_length) == 0);

  return g_steal_pointer (&first);
}

/* The two ways of reading, while the text streams in and from the whole
 * text, give the same briefing; the streaming one is what was tested.
 */
static void
check_streaming (const char *data,
                 gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(SbBriefing) streamed = sb_loader_try_streaming (stream, NULL);
  g_autoptr(SbBriefing) whole = load_generated (data, length);
  g_autofree char *streamed_text = NULL, *whole_text = NULL;
  gsize streamed_length, whole_length;

  g_assert_nonnull (streamed);
  assert_briefings_equal (whole, streamed);

  streamed_text = sb_writer_to_data (streamed, &streamed_length);
  whole_text = sb_writer_to_data (whole, &whole_length);
  g_assert_cmpmem (streamed_text, streamed_length, whole_text, whole_length);
}

static void
test_streaming (void)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (DEFAULT_BRIEFING, &data, &length, &error));
  g_assert_no_error (error);
  check_streaming (data, length);

  for (guint i = 0; i < 30; i++)
    {
      guint32 seed = g_test_rand_int ();
      BriefingShape shape = {
        /* Sources are read in batches too: some of several. */
        .n_sources = i < 3 ? g_test_rand_int_range (65, 300) : g_test_rand_int_range (1, 4),
        .n_actors = g_test_rand_int_range (0, 6),
        .n_places = g_test_rand_int_range (0, 6),
        .n_statements = g_test_rand_int_range (0, i < 3 ? 900 : 6),
        .n_steps = g_test_rand_int_range (0, 4),
        .max_ring_points = g_test_rand_int_range (3, 40),
      };
      g_autofree char *generated = briefing_generator_write (seed, &shape, &length);
      g_autoptr(SbBriefing) briefing = load_generated (generated, length);
      g_autofree char *written = NULL;

      g_test_message ("seed %u", seed);
      /* As the writer writes it: the order streaming reads. */
      written = sb_writer_to_data (briefing, &length);
      check_streaming (written, length);
    }
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  const SbDate *date_a = sb_item_get_date (*(SbItem **) a);
  const SbDate *date_b = sb_item_get_date (*(SbItem **) b);
  guint32 day_a = sb_date_get_first_day (date_a), day_b = sb_date_get_first_day (date_b);

  if (day_a != day_b)
    return day_a < day_b ? -1 : 1;
  return (int) date_b->start.precision - (int) date_a->start.precision;
}

/* Each actor's statements by date, the more precise first, equals in
 * the order of the kinds and of the file.
 */
static void
test_items_for_actor (void)
{
  BriefingShape shape = {
    .n_sources = 2, .n_actors = 5, .n_places = 4, .n_statements = 2000, .n_steps = 1, .max_ring_points = 5,
  };
  gsize length;
  g_autofree char *generated = briefing_generator_write (g_test_rand_int (), &shape, &length);
  g_autoptr(SbBriefing) briefing = load_generated (generated, length);
  GListModel *actors = sb_briefing_get_actors (briefing);
  guint checked = 0;

  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, a);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      GPtrArray *items = sb_briefing_get_items_for_actor (briefing, actor);

      for (guint kind = 0; kind < SB_N_ITEM_KINDS; kind++)
        {
          GListModel *model = sb_briefing_get_items (briefing, kind);

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(SbItem) item = g_list_model_get_item (model, i);

              if (sb_item_involves_actor (item, actor))
                g_ptr_array_add (expected, item);
            }
        }
      g_ptr_array_sort (expected, compare_by_date);

      g_assert_cmpuint (items ? items->len : 0, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_true (g_ptr_array_index (items, i) == g_ptr_array_index (expected, i));
      checked += expected->len;
    }

  g_assert_cmpuint (checked, >, 100);
}

/* Out of the writer's order, with a problem or cut short: streaming
 * gives up, and a file is read again as a whole, with the same result.
 */
static void
test_streaming_gives_up (void)
{
  static const char * const texts[] = {
    "{\"sources\": [], \"format\": \"sahelbrief\"}",
    "{\"format\": \"sahelbrief\", \"version\": 1, \"title\": \"T\", \"language\": \"en\", "
      "\"sources\": [{\"id\": \"s\", \"title\": \"S\", \"publisher\": \"P\", \"date\": \"2022\", "
      "\"language\": \"en\", \"text\": \"x\"}], \"incidents\": [1,]}",
    "{\"format\": \"sahelbrief\", \"version\": 1, \"title\": \"T\", \"language\": \"en\", \"sources\": [{",
    "",
  };
  g_autoptr(GString) duplicate = g_string_new ("{\"format\": \"sahelbrief\", \"version\": 1, \"title\": \"T\", "
                                                "\"language\": \"en\", \"sources\": [");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) whole = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (texts[i], strlen (texts[i]), NULL);
      g_autoptr(SbBriefing) briefing = sb_loader_try_streaming (stream, NULL);

      g_assert_null (briefing);
    }

  /* Sources read in batches: the same id in two batches is found still. */
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (duplicate, "%s{\"id\": \"s%u\", \"title\": \"S\", \"publisher\": \"P\", "
                            "\"date\": \"2022\", \"language\": \"en\", \"text\": \"x\"}",
                            i > 0 ? ",\n" : "", i == 250 ? 3 : i);
  g_string_append (duplicate, "]}\n");
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (duplicate->str, duplicate->len, NULL);
    g_autoptr(SbBriefing) briefing = sb_loader_try_streaming (stream, NULL);

    g_assert_null (briefing);
  }
  whole = load_string (duplicate->str, &problems);
  g_assert_null (whole);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((SbProblem *) g_ptr_array_index (problems, 0))->code, ==, SB_PROBLEM_DUPLICATE_ID);
  g_assert_cmpstr (((SbProblem *) g_ptr_array_index (problems, 0))->path, ==, "$.sources[250].id");
}

static void
test_random_round_trips (void)
{
  for (guint i = 0; i < 120; i++)
    {
      guint32 seed = g_test_rand_int ();
      BriefingShape shape = {
        .n_sources = g_test_rand_int_range (1, 4),
        .n_actors = g_test_rand_int_range (0, 6),
        .n_places = g_test_rand_int_range (0, 6),
        .n_statements = g_test_rand_int_range (0, 6),
        .n_steps = g_test_rand_int_range (0, 4),
        .max_ring_points = g_test_rand_int_range (3, 40),
      };

      g_autofree char *written = NULL;

      g_test_message ("seed %u", seed);
      written = check_round_trip (seed, &shape);
    }
}

/* Many statements, and a polygon of 200,000 points: written compactly,
 * a ring on one line, so that what the app saves stays far inside the
 * loader's limit.
 */
static void
test_large_round_trip (void)
{
  BriefingShape shape = {
    .n_sources = 3, .n_actors = 40, .n_places = 200, .n_statements = 1500, .n_steps = 50,
    .max_ring_points = 200000,
  };
  g_autofree char *written = check_round_trip (g_test_rand_int (), &shape);
  gsize longest = 0, length = 0;

  /* Character by character: strcspn() on what is left would look at all
   * of it each time under AddressSanitizer's strict_string_checks.
   */
  for (const char *p = written; *p != '\0'; p++)
    {
      length = *p == '\n' ? 0 : length + 1;
      longest = MAX (longest, length);
    }
  g_test_message ("%" G_GSIZE_FORMAT " bytes written, the longest line %" G_GSIZE_FORMAT,
                  strlen (written), longest);

  /* The large ring on a line of its own, in about 24 bytes a point
   * ("[-12.345678,15.123456],"); pretty-printed, a point took 80.
   */
  g_assert_cmpuint (longest, >, 200000 * 16);
  g_assert_cmpuint (longest, <, 200000 * 26);
}

/* Long arrays are written in runs on several threads: in order, each
 * element once, separated and indented as one thread writes them, and
 * streamed into a file the same as into memory. Sources too, and more
 * runs than are written at once, so that a run's memory is used again.
 */
static void
test_runs_round_trip (void)
{
  BriefingShape shape = {
    .n_sources = 8192 + 3, .n_actors = 8, .n_places = 30, .n_statements = 8192 + 5, .n_steps = 3,
    .max_ring_points = 6,
  };
  g_autofree char *written = check_round_trip (g_test_rand_int (), &shape);
  g_autoptr(GBytes) bytes = g_bytes_new_static (written, strlen (written));
  g_autoptr(SbBriefing) briefing = sb_loader_load_bytes (bytes, NULL);
  g_autofree char *dir = g_dir_make_tmp ("sb-runs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "runs.sahelbrief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize saved_length;

  g_assert_nonnull (briefing);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT)), ==, 8192 + 5);
  g_assert_true (sb_writer_save (briefing, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, &saved_length, &error));
  g_assert_cmpmem (saved, saved_length, written, strlen (written));

  g_unlink (path);
  g_rmdir (dir);
}

/* Control characters a file may carry escaped are written escaped again,
 * whatever json-glib's version does with them.
 */
static void
test_control_characters (void)
{
  g_autofree char *data = g_strdup_printf (MINIMAL_BRIEFING, "gao", "Two planes landed at Gao.");
  g_autofree char *escaped = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) reloaded_problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(SbBriefing) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char **parts = g_strsplit (data, "\"Test\"", 2);

  escaped = g_strjoinv ("\"Unit\\u001f separator, start\\u0001 and tab\\t\"", parts);
  g_strfreev (parts);

  briefing = load_string (escaped, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (briefing);

  written = sb_writer_to_data (briefing, NULL);
  bytes = g_bytes_new (written, strlen (written));
  reloaded = sb_loader_load_bytes (bytes, &reloaded_problems);
  g_assert_cmpuint (reloaded_problems->len, ==, 0);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (sb_text_get (sb_briefing_get_title (reloaded)), ==,
                   "Unit\x1f separator, start\x01 and tab\t");
}

/* Hiding an incident type hides exactly the incidents of that type, in
 * the selection and in the copy worker threads filter with.
 */
static void
test_incident_type_filter (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbFilter) filter = NULL;
  GListModel *items;
  guint hidden = 0;

  g_assert_nonnull (briefing);
  sb_selection_set_briefing (selection, briefing);
  sb_selection_set_incident_type_visible (selection, SB_INCIDENT_TYPE_COUP, FALSE);
  g_assert_true (sb_selection_is_filtered (selection));
  filter = sb_filter_ref (sb_selection_get_filter (selection));

  items = sb_briefing_get_all_items (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);
      gboolean coup = sb_item_get_kind (item) == SB_ITEM_KIND_INCIDENT &&
                         sb_item_get_incident_type (item) == SB_INCIDENT_TYPE_COUP;

      g_assert_true (sb_selection_item_is_visible (selection, item) == !coup);
      g_assert_true (sb_filter_item_is_visible (filter, item) == !coup);
      hidden += coup;
    }
  g_assert_cmpuint (hidden, >, 0);

  sb_selection_reset_filters (selection);
  g_assert_true (sb_selection_get_incident_type_visible (selection, SB_INCIDENT_TYPE_COUP));
}

/* A large briefing whose problem comes early in its text (a quote not in
 * its source, in the first statement): the background check's streaming
 * loader gives up there, long before its writer has written the rest,
 * which must stop too (it waited for ever on a socket the loader had only
 * shut for reading), and the check then says where the problem is.
 */
static void
test_checker_problem_early (void)
{
  BriefingShape shape = {
    .n_sources = 2, .n_actors = 10, .n_places = 50, .n_statements = 1500,
    .n_steps = 0, .max_ring_points = 20,
  };
  gsize length;
  g_autofree char *data = briefing_generator_write (3, &shape, &length);
  g_autoptr(GString) text = g_string_new_len (data, length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(SbChecker) checker = NULL;
  const char *statements = strstr (text->str, "\"deployments\"");
  const char *description;
  gint64 deadline;

  g_assert_nonnull (statements);
  description = strstr (statements, "\"description\"");
  g_assert_nonnull (description);
  /* Its description left out: a field missing, as in a briefing being made. */
  g_string_insert (text, description + 1 - text->str, "x-");
  /* Far more after it than a socket holds. */
  g_assert_cmpuint (text->len - (description - text->str), >, 4 * 1024 * 1024);

  bytes = g_bytes_new (text->str, text->len);
  briefing = sb_loader_load_bytes_full (bytes, SB_LOADER_WORK_IN_PROGRESS, &problems);
  g_assert_nonnull (briefing);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 1);

  checker = sb_checker_new (briefing);
  sb_checker_check_now (checker);
  deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  while ((sb_checker_get_checking (checker) || g_list_model_get_n_items (sb_checker_get_problems (checker)) == 0) &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  g_assert_false (sb_checker_get_checking (checker));
  g_assert_cmpuint (g_list_model_get_n_items (sb_checker_get_problems (checker)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/calendar-dates", test_calendar_dates);
  g_test_add_func ("/model/citations-required-words", test_citations_required_words);
  g_test_add_func ("/model/incident-targets", test_incident_targets);
  g_test_add_func ("/model/date-order", test_date_order);
  g_test_add_func ("/model/text-fallback", test_text_fallback);
  g_test_add_func ("/model/text-packed", test_text_packed);
  g_test_add_func ("/model/text-fallback-briefing", test_text_fallback_briefing);
  g_test_add_func ("/model/language-codes", test_language_codes);
  g_test_add_func ("/model/json-paths", test_json_paths);
  g_test_add_func ("/model/strict-syntax", test_strict_syntax);
  g_test_add_func ("/loader/minimal-briefing", test_minimal_briefing);
  g_test_add_func ("/loader/problem-positions", test_problem_positions);
  g_test_add_func ("/loader/quote-hints", test_quote_hints);
  g_test_add_func ("/loader/problem-format", test_problem_format);
  g_test_add_func ("/loader/sources-without-text", test_sources_without_text);
  g_test_add_func ("/loader/authors", test_authors);
  g_test_add_func ("/loader/streaming", test_streaming);
  g_test_add_func ("/loader/items-for-actor", test_items_for_actor);
  g_test_add_func ("/loader/streaming-gives-up", test_streaming_gives_up);
  g_test_add_func ("/writer/round-trip", test_round_trip);
  g_test_add_func ("/writer/control-characters", test_control_characters);
  g_test_add_func ("/writer/translations", test_translations);
  g_test_add_func ("/writer/random-round-trips", test_random_round_trips);
  g_test_add_func ("/writer/large-round-trip", test_large_round_trip);
  g_test_add_func ("/writer/runs-round-trip", test_runs_round_trip);
  g_test_add_func ("/selection/incident-type-filter", test_incident_type_filter);
  g_test_add_func ("/checker/problem-early", test_checker_problem_early);

  return g_test_run ();
}
