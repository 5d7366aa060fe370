/* test-invalid.c
 *
 * Loads each briefing of tests/invalid/ and checks that the loader
 * refuses it with the problems tests/invalid/expected.txt lists for it.
 *
 * Copyright 2026 The SahelBrief developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-country-code.h"
#include "sb-json-string.h"
#include "sb-loader.h"

#define MANIFEST_NAME "expected.txt"
#define KNOWN_BUG_MARK "#known-bug"

typedef struct
{
  SbProblemCode code;
  char *path;              /* NULL for "-": the problem has no path */
  guint line;              /* 0 for "-": the loader gives no line */
  guint manifest_line;     /* where in expected.txt, for messages */
} Expectation;

typedef struct
{
  char *filename;
  GArray *expectations;    /* of Expectation */
  char *known_bug;         /* why the loader does not meet them yet, or NULL */
} InvalidFile;

/* The minimal valid briefing every file of the corpus is a variant of. */
static const char valid_briefing[] =
  "{\n"
  "  \"format\": \"sahelbrief\",\n"
  "  \"version\": 1,\n"
  "  \"title\": { \"en\": \"Germany leaves Mali\", \"nl\": \"Duitsland verlaat Mali\" },\n"
  "  \"language\": \"nl\",\n"
  "  \"date\": \"2022-08\",\n"
  "  \"sources\": [\n"
  "    {\n"
  "      \"id\": \"article\",\n"
  "      \"title\": \"Duitsland verlaat Mali\",\n"
  "      \"publisher\": \"Example Daily\",\n"
  "      \"date\": \"2022-08\",\n"
  "      \"language\": \"nl\",\n"
  "      \"url\": \"https://example.org/mali\",\n"
  "      \"text\": \"Duizend Duitse manschappen verlieten Mali via de luchthaven bij de stad Gao.\"\n"
  "    }\n"
  "  ],\n"
  "  \"actors\": [\n"
  "    {\n"
  "      \"id\": \"germany\",\n"
  "      \"name\": { \"en\": \"German armed forces\", \"nl\": \"Duitse strijdkrachten\" },\n"
  "      \"kind\": \"foreign-forces\",\n"
  "      \"citations\": [ { \"source\": \"article\", \"quote\": \"Duizend Duitse manschappen\" } ]\n"
  "    }\n"
  "  ],\n"
  "  \"places\": [\n"
  "    { \"id\": \"gao-airport\", \"name\": \"Gao airport\", \"lat\": 16.2484, \"lon\": -0.0053, \"precision\": \"point\" }\n"
  "  ],\n"
  "  \"movements\": [\n"
  "    {\n"
  "      \"id\": \"germany-leaves-gao\",\n"
  "      \"description\": \"A thousand German troops left Mali through the airport at Gao.\",\n"
  "      \"actor\": \"germany\",\n"
  "      \"from\": \"gao-airport\",\n"
  "      \"status\": \"completed\",\n"
  "      \"date\": \"2022-08\",\n"
  "      \"certainty\": \"reported\",\n"
  "      \"citations\": [ { \"source\": \"article\", \"quote\": \"verlieten Mali via de luchthaven\" } ]\n"
  "    }\n"
  "  ],\n"
  "  \"steps\": [\n"
  "    { \"id\": \"step-germany\", \"title\": \"Germany leaves\", \"highlight\": [\"germany-leaves-gao\"] }\n"
  "  ]\n"
  "}\n";

static GPtrArray *manifest;   /* of InvalidFile, in the order of expected.txt */

static void
invalid_file_free (InvalidFile *file)
{
  for (guint i = 0; i < file->expectations->len; i++)
    g_free (g_array_index (file->expectations, Expectation, i).path);

  g_array_unref (file->expectations);
  g_free (file->filename);
  g_free (file->known_bug);
  g_free (file);
}

static InvalidFile *
lookup_file (GPtrArray  *files,
             const char *filename)
{
  for (guint i = 0; i < files->len; i++)
    {
      InvalidFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->filename, filename))
        return file;
    }

  return NULL;
}

static InvalidFile *
ensure_file (GPtrArray  *files,
             const char *filename)
{
  InvalidFile *file = lookup_file (files, filename);

  if (file == NULL)
    {
      file = g_new0 (InvalidFile, 1);
      file->filename = g_strdup (filename);
      file->expectations = g_array_new (FALSE, FALSE, sizeof (Expectation));
      g_ptr_array_add (files, file);
    }

  return file;
}

static gboolean
code_from_nick (const char    *nick,
                SbProblemCode *code)
{
  for (int c = SB_PROBLEM_IO; c <= SB_PROBLEM_TOO_MANY_PROBLEMS; c++)
    {
      if (g_strcmp0 (sb_problem_code_to_nick (c), nick) == 0)
        {
          *code = c;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_line_number (const char *string,
                   guint      *line)
{
  guint64 value;

  if (g_str_equal (string, "-"))
    {
      *line = 0;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (string, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;

  *line = value;
  return TRUE;
}

/* A malformed manifest is a mistake in the test itself: it aborts. */
static GPtrArray *
read_manifest (void)
{
  g_autofree char *manifest_path = g_build_filename (INVALID_DIR, MANIFEST_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) invalid_file_free);

  if (!g_file_get_contents (manifest_path, &contents, NULL, &error))
    g_error ("Cannot read the manifest: %s", error->message);

  lines = g_strsplit (contents, "\n", -1);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *line = g_strstrip (g_strdup (lines[n]));
      Expectation expectation = { 0, };
      InvalidFile *file;

      if (g_str_has_prefix (line, KNOWN_BUG_MARK " "))
        {
          fields = g_strsplit_set (line + strlen (KNOWN_BUG_MARK " "), " \t", 2);
          if (fields[0] == NULL || fields[1] == NULL || *g_strstrip (fields[1]) == '\0')
            g_error ("%s:%u: expected “%s FILENAME REASON”", MANIFEST_NAME, n + 1, KNOWN_BUG_MARK);

          file = ensure_file (files, fields[0]);
          g_free (file->known_bug);
          file->known_bug = g_strdup (fields[1]);
          continue;
        }

      if (line[0] == '\0' || line[0] == '#')
        continue;

      fields = g_regex_split_simple ("\\s+", line, 0, 0);
      if (g_strv_length (fields) != 4)
        g_error ("%s:%u: expected “FILENAME CODE PATH LINE”, found “%s”", MANIFEST_NAME, n + 1, line);

      if (!code_from_nick (fields[1], &expectation.code))
        g_error ("%s:%u: “%s” is not a problem code", MANIFEST_NAME, n + 1, fields[1]);

      if (!g_str_equal (fields[2], "-") && fields[2][0] != '$')
        g_error ("%s:%u: “%s” is neither a JSON path nor “-”", MANIFEST_NAME, n + 1, fields[2]);

      if (!parse_line_number (fields[3], &expectation.line))
        g_error ("%s:%u: “%s” is neither a line number nor “-”", MANIFEST_NAME, n + 1, fields[3]);

      expectation.path = g_str_equal (fields[2], "-") ? NULL : g_strdup (fields[2]);
      expectation.manifest_line = n + 1;

      file = ensure_file (files, fields[0]);
      g_array_append_val (file->expectations, expectation);
    }

  for (guint i = 0; i < files->len; i++)
    {
      InvalidFile *file = g_ptr_array_index (files, i);

      if (file->expectations->len == 0)
        g_error ("%s: %s is marked %s but has no expected problems",
                 MANIFEST_NAME, file->filename, KNOWN_BUG_MARK);
    }

  return files;
}

static SbBriefing *
load_invalid_file (const char  *filename,
                   GPtrArray  **problems)
{
  g_autofree char *path = g_build_filename (INVALID_DIR, filename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SbBriefing *briefing;

  briefing = sb_loader_load_file (file, NULL, problems);
  g_assert_nonnull (*problems);

  return briefing;
}

/* Files that cannot be read at all: what the person can do about it. */
static void
test_unreadable_files (void)
{
  g_autofree char *missing_path = g_build_filename (INVALID_DIR, "no-such-briefing.sahelbrief", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (INVALID_DIR);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  const SbProblem *problem;

  briefing = sb_loader_load_file (missing, NULL, &problems);
  g_assert_null (briefing);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->code, ==, SB_PROBLEM_IO);
  g_assert_cmpstr (problem->message, ==, "there is no such file; it may have been moved, renamed or deleted");
  g_clear_pointer (&problems, g_ptr_array_unref);

  briefing = sb_loader_load_file (folder, NULL, &problems);
  g_assert_null (briefing);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->message, ==, "this is a folder, not a briefing file");
}

static gboolean
problem_matches (const SbProblem   *problem,
                 const Expectation *expectation)
{
  return problem->code == expectation->code &&
         g_strcmp0 (problem->path, expectation->path) == 0 &&
         problem->line == expectation->line;
}

static void
log_problems (const char *filename,
              GPtrArray  *problems)
{
  g_test_message ("%s: the loader reported %u problem(s):", filename, problems->len);

  for (guint i = 0; i < problems->len; i++)
    {
      const SbProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *string = sb_problem_to_string (problem, filename);

      g_test_message ("  %s", string);
    }
}

static guint
count_code (GPtrArray     *problems,
            SbProblemCode  code)
{
  guint count = 0;

  for (guint i = 0; i < problems->len; i++)
    if (((const SbProblem *) g_ptr_array_index (problems, i))->code == code)
      count++;

  return count;
}

static void
test_invalid_file (gconstpointer data)
{
  const InvalidFile *file = data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  gboolean expects_too_many = FALSE;

  briefing = load_invalid_file (file->filename, &problems);

  if (briefing != NULL)
    g_string_append (failures, "\n  it loaded as a briefing");
  if (problems->len == 0)
    g_string_append (failures, "\n  no problem was reported");

  for (guint i = 0; i < file->expectations->len; i++)
    {
      const Expectation *expectation = &g_array_index (file->expectations, Expectation, i);
      gboolean found = FALSE;

      for (guint j = 0; j < problems->len && !found; j++)
        found = problem_matches (g_ptr_array_index (problems, j), expectation);

      if (!found)
        {
          g_autofree char *line = expectation->line ? g_strdup_printf ("%u", expectation->line) : g_strdup ("-");

          g_string_append_printf (failures, "\n  expected %s %s at line %s (%s:%u) was not reported",
                                  sb_problem_code_to_nick (expectation->code),
                                  expectation->path ? expectation->path : "-", line,
                                  MANIFEST_NAME, expectation->manifest_line);
        }

      if (expectation->code == SB_PROBLEM_TOO_MANY_PROBLEMS)
        expects_too_many = TRUE;
    }

  if (problems->len > SB_LOADER_MAX_PROBLEMS)
    g_string_append_printf (failures, "\n  %u problems were reported; at most %d are",
                            problems->len, SB_LOADER_MAX_PROBLEMS);

  /* The 100th problem says that checking stopped: there is no 101st. */
  if (expects_too_many &&
      (problems->len != SB_LOADER_MAX_PROBLEMS ||
       count_code (problems, SB_PROBLEM_TOO_MANY_PROBLEMS) != 1))
    g_string_append_printf (failures, "\n  expected exactly %d problems, one of them too-many-problems; found %u, %u of them too-many-problems",
                            SB_LOADER_MAX_PROBLEMS, problems->len,
                            count_code (problems, SB_PROBLEM_TOO_MANY_PROBLEMS));

  if (failures->len == 0)
    {
      if (file->known_bug != NULL)
        g_test_fail_printf ("%s is marked %s (%s) but now loads as %s expects: remove its mark",
                            file->filename, KNOWN_BUG_MARK, file->known_bug, MANIFEST_NAME);
      return;
    }

  log_problems (file->filename, problems);
  g_test_message ("%s: not as %s expects:%s", file->filename, MANIFEST_NAME, failures->str);

  if (file->known_bug != NULL)
    {
      g_test_incomplete_printf ("known loader bug: %s", file->known_bug);
      return;
    }

  g_test_fail_printf ("%s: the problems differ from what %s lists (see above)", file->filename, MANIFEST_NAME);
}

/* No file of the corpus goes unchecked, and none is listed but missing. */
static void
test_manifest_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (INVALID_DIR, 0, &error);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) name_regex = g_regex_new ("^[0-9]{2,}-[a-z0-9]+(-[a-z0-9]+)*\\.sahelbrief$", 0, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, MANIFEST_NAME))
        continue;

      g_hash_table_add (present, g_strdup (name));
      n_files++;

      if (lookup_file (manifest, name) == NULL)
        g_test_fail_printf ("%s is not listed in %s, so nothing checks it", name, MANIFEST_NAME);
      else if (!g_regex_match (name_regex, name, 0, NULL))
        g_test_fail_printf ("%s is not named NN-short-description.sahelbrief", name);
    }

  for (guint i = 0; i < manifest->len; i++)
    {
      const InvalidFile *file = g_ptr_array_index (manifest, i);

      if (!g_hash_table_contains (present, file->filename))
        g_test_fail_printf ("%s lists %s, which is not in %s", MANIFEST_NAME, file->filename, INVALID_DIR);
    }

  g_test_message ("%u files, %u listed", n_files, manifest->len);
  g_assert_cmpuint (n_files, >=, 40);
}

typedef struct
{
  char *en_title;
  char *nl_title;
  guint n_sources;
  guint n_actors;
  guint n_places;
  guint n_items[SB_N_ITEM_KINDS];
  guint n_steps;
  SbEntity *actor;
} BriefingSummary;

static void
summarize (SbBriefing      *briefing,
           BriefingSummary *summary)
{
  SbText *title = sb_briefing_get_title (briefing);

  summary->en_title = g_strdup (sb_text_get_for_language (title, "en"));
  summary->nl_title = g_strdup (sb_text_get_for_language (title, "nl"));
  summary->n_sources = g_list_model_get_n_items (sb_briefing_get_sources (briefing));
  summary->n_actors = g_list_model_get_n_items (sb_briefing_get_actors (briefing));
  summary->n_places = g_list_model_get_n_items (sb_briefing_get_places (briefing));
  for (guint kind = 0; kind < SB_N_ITEM_KINDS; kind++)
    summary->n_items[kind] = g_list_model_get_n_items (sb_briefing_get_items (briefing, kind));
  summary->n_steps = g_list_model_get_n_items (sb_briefing_get_steps (briefing));
  summary->actor = sb_briefing_lookup (briefing, "germany");
}

/* An older briefing that wrote a country as "ML" or "ne" opens as work in
 * progress, the code read as the one it can only mean, with a problem
 * naming where it is; a code that means no country is still refused.
 */
static void
test_country_code_understood (void)
{
  g_autofree char *path = g_build_filename (INVALID_DIR, "74-country-code-ml.sahelbrief", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  g_autoptr(GString) place = NULL;
  const SbProblem *problem;
  SbEntity *entity;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);

  /* A place in Niger too, written "ne". */
  place = g_string_new_len (data, length);
  g_assert_cmpuint (g_string_replace (place, "\"precision\": \"point\"", "\"precision\": \"point\", \"country\": \"ne\"", 1), ==, 1);
  bytes = g_bytes_new (place->str, place->len);
  briefing = sb_loader_load_bytes_full (bytes, SB_LOADER_WORK_IN_PROGRESS, &problems);
  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, 2);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->code, ==, SB_PROBLEM_COUNTRY_CODE);
  g_assert_cmpstr (problem->path, ==, "$.actors[0].country");
  g_assert_nonnull (strstr (problem->message, "“ML”"));
  g_assert_nonnull (strstr (problem->message, "“MLI”"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpint (problem->code, ==, SB_PROBLEM_COUNTRY_CODE);
  g_assert_cmpstr (problem->path, ==, "$.places[0].country");

  entity = sb_briefing_lookup (briefing, "germany");
  g_assert_cmpstr (sb_actor_get_country (SB_ACTOR (entity)), ==, "MLI");
  entity = sb_briefing_lookup (briefing, "gao-airport");
  g_assert_cmpstr (sb_place_get_country (SB_PLACE (entity)), ==, "NER");

  /* Refused as a finished briefing: --check still names it. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&briefing);
  briefing = sb_loader_load_bytes (bytes, &problems);
  g_assert_null (briefing);
  g_assert_cmpuint (problems->len, ==, 2);

  g_assert_cmpstr (sb_country_code_understand ("NE"), ==, "NER");
  g_assert_cmpstr (sb_country_code_understand ("civ"), ==, "CIV");
  g_assert_null (sb_country_code_understand ("XY"));
  g_assert_null (sb_country_code_understand ("Mali"));
  g_assert_null (sb_country_code_understand ("N"));
}

/* Loading an invalid file leaves a briefing loaded before as it was. */
static void
test_previous_briefing_untouched (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (valid_briefing, strlen (valid_briefing));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;
  BriefingSummary before = { 0, }, after = { 0, };

  briefing = sb_loader_load_bytes (bytes, &problems);
  if (problems->len > 0)
    log_problems ("valid briefing", problems);
  g_assert_nonnull (briefing);
  g_assert_cmpuint (problems->len, ==, 0);

  summarize (briefing, &before);
  g_assert_cmpstr (before.en_title, ==, "Germany leaves Mali");
  g_assert_cmpstr (before.nl_title, ==, "Duitsland verlaat Mali");
  g_assert_cmpuint (before.n_sources, ==, 1);
  g_assert_cmpuint (before.n_actors, ==, 1);
  g_assert_cmpuint (before.n_places, ==, 1);
  g_assert_cmpuint (before.n_items[SB_ITEM_KIND_MOVEMENT], ==, 1);
  g_assert_cmpuint (before.n_steps, ==, 1);
  g_assert_nonnull (before.actor);

  for (guint i = 0; i < manifest->len; i++)
    {
      const InvalidFile *file = g_ptr_array_index (manifest, i);
      g_autoptr(GPtrArray) file_problems = NULL;
      g_autoptr(SbBriefing) invalid = NULL;

      /* Whether each is refused is test_invalid_file()'s concern. */
      invalid = load_invalid_file (file->filename, &file_problems);
      g_assert_true (invalid != briefing);
    }

  summarize (briefing, &after);
  g_assert_cmpstr (after.en_title, ==, before.en_title);
  g_assert_cmpstr (after.nl_title, ==, before.nl_title);
  g_assert_cmpstr (sb_briefing_get_language (briefing), ==, "nl");
  g_assert_cmpuint (after.n_sources, ==, before.n_sources);
  g_assert_cmpuint (after.n_actors, ==, before.n_actors);
  g_assert_cmpuint (after.n_places, ==, before.n_places);
  for (guint kind = 0; kind < SB_N_ITEM_KINDS; kind++)
    g_assert_cmpuint (after.n_items[kind], ==, before.n_items[kind]);
  g_assert_cmpuint (after.n_steps, ==, before.n_steps);
  g_assert_true (after.actor == before.actor);
  g_assert_cmpstr (sb_entity_get_id (after.actor), ==, "germany");

  g_free (before.en_title);
  g_free (before.nl_title);
  g_free (after.en_title);
  g_free (after.nl_title);
}

static guint
count_lines (const char *filename)
{
  g_autofree char *path = g_build_filename (INVALID_DIR, filename, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint lines = 1;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;

  for (gsize i = 0; i < length; i++)
    if (contents[i] == '\n')
      lines++;

  return lines;
}

/* A position, when given, is 1-based and inside the file. */
static void
test_positions (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < manifest->len; i++)
    {
      const InvalidFile *file = g_ptr_array_index (manifest, i);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(SbBriefing) briefing = NULL;
      guint n_lines = count_lines (file->filename);

      briefing = load_invalid_file (file->filename, &problems);

      for (guint j = 0; j < problems->len; j++)
        {
          const SbProblem *problem = g_ptr_array_index (problems, j);
          g_autofree char *string = sb_problem_to_string (problem, file->filename);

          if (problem->line > 0 && problem->column < 1)
            g_string_append_printf (failures, "\n  column %u < 1: %s", problem->column, string);
          if (problem->line > n_lines)
            g_string_append_printf (failures, "\n  line %u past the file's %u lines: %s",
                                    problem->line, n_lines, string);
          if (problem->line == 0 && problem->column != 0)
            g_string_append_printf (failures, "\n  column %u without a line: %s", problem->column, string);
          if (problem->path != NULL && problem->path[0] != '$')
            g_string_append_printf (failures, "\n  path does not start with $: %s", string);
          if (problem->message == NULL || problem->message[0] == '\0')
            g_string_append_printf (failures, "\n  no message: %s", string);
        }
    }

  if (failures->len > 0)
    g_test_fail_printf ("problems with bad positions:%s", failures->str);
}

/* The loader's quick UTF-8 check says what GLib's says, at the same byte,
 * over text mixing ASCII, NUL, characters of two to four bytes, stray
 * continuation bytes, surrogates, overlong forms and cut characters.
 */
static void
test_utf8_check (void)
{
  static const char * const pieces[] = {
    "a", "briefing ", "\"quote\": ", "\n", "0123456789abcdef",
    "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x97\xba", "\xef\xbb\xbf",
    "\x80", "\xbf", "\xc3", "\xe2\x80", "\xf0\x9f\x97", "\xc0\xaf",
    "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\x00",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 24);
      gboolean clean = g_rand_boolean (rand);
      const char *expected_end = NULL, *end = NULL;
      gboolean expected, valid;

      for (guint i = 0; i < n; i++)
        {
          /* Half of the texts are built of valid pieces only. */
          guint piece = g_rand_int_range (rand, 0, clean ? 9 : G_N_ELEMENTS (pieces));

          if (pieces[piece][0] == '\0')
            g_string_append_c (text, '\0');
          else
            g_string_append (text, pieces[piece]);
        }

      expected = g_utf8_validate_len (text->str, text->len, &expected_end);
      valid = sb_utf8_validate_len (text->str, text->len, &end);
      g_assert_cmpint (valid, ==, expected);
      g_assert_cmpint (end - text->str, ==, expected_end - text->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  manifest = read_manifest ();

  for (guint i = 0; i < manifest->len; i++)
    {
      const InvalidFile *file = g_ptr_array_index (manifest, i);
      g_autofree char *name = g_strndup (file->filename, strcspn (file->filename, "."));
      g_autofree char *test_path = g_strconcat ("/invalid/file/", name, NULL);

      g_test_add_data_func (test_path, file, test_invalid_file);
    }

  g_test_add_func ("/invalid/manifest-complete", test_manifest_complete);
  g_test_add_func ("/invalid/previous-briefing-untouched", test_previous_briefing_untouched);
  g_test_add_func ("/invalid/country-code-understood", test_country_code_understood);
  g_test_add_func ("/invalid/positions", test_positions);
  g_test_add_func ("/invalid/unreadable-files", test_unreadable_files);
  g_test_add_func ("/invalid/utf8-check", test_utf8_check);

  status = g_test_run ();

  g_clear_pointer (&manifest, g_ptr_array_unref);

  return status;
}
