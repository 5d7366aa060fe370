/* fuzz-loader.c
 *
 * libFuzzer target for the briefing loader. Any bytes must either load or
 * be rejected with problems, without crashing, leaking or tripping a
 * precondition; a briefing that loads must survive a save: what the writer
 * makes of it loads again without problems, and saving that gives the same
 * bytes (sb-writer.h: "loading what it writes gives the same briefing").
 *
 * Built and run by build-aux/fuzz.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "sb-loader.h"
#include "sb-writer.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), "<written>");

      fprintf (stderr, "  %s\n", line);
    }
}

/* What every load promises, whatever the input. */
static void
check_result (SbBriefing *briefing,
              GPtrArray  *problems)
{
  if (problems == NULL)
    fuzz_fail ("no problem list returned");

  if ((briefing == NULL) != (problems->len > 0))
    fuzz_fail ("a briefing was %s with %u problems",
          briefing ? "returned" : "not returned", problems->len);

  if (problems->len > SB_LOADER_MAX_PROBLEMS)
    fuzz_fail ("%u problems reported; at most %d are", problems->len, SB_LOADER_MAX_PROBLEMS);

  for (guint i = 0; i < problems->len; i++)
    {
      SbProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        fuzz_fail ("problem %u has no message, or one that is not UTF-8", i);
      if (problem->path != NULL && !g_utf8_validate (problem->path, -1, NULL))
        fuzz_fail ("problem %u has a path that is not UTF-8", i);

      line = sb_problem_to_string (problem, "<data>");
      if (line == NULL)
        fuzz_fail ("problem %u cannot be printed", i);
    }
}

static gsize
first_difference (const char *a,
                  gsize       a_length,
                  const char *b,
                  gsize       b_length)
{
  gsize i;

  for (i = 0; i < a_length && i < b_length && a[i] == b[i]; i++)
    ;

  return i;
}

/* The round-trip oracle: save, reload, save again. */
static void
check_round_trip (SbBriefing *briefing)
{
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) reloaded = NULL;
  gsize length = 0, relength = 0;

  written = sb_writer_to_data (briefing, &length);
  if (written == NULL)
    fuzz_fail ("the writer returned nothing for a briefing that loaded");

  bytes = g_bytes_new (written, length);
  reloaded = sb_loader_load_bytes (bytes, &problems);
  check_result (reloaded, problems);

  if (reloaded == NULL)
    {
      fprintf (stderr, "fuzz-loader: the writer's output does not load again:\n");
      print_problems (problems);
      fprintf (stderr, "--- written:\n%.*s\n---\n", (int) MIN (length, 65536), written);
      fuzz_fail ("round trip failed");
    }

  rewritten = sb_writer_to_data (reloaded, &relength);
  if (rewritten == NULL || relength != length || memcmp (written, rewritten, length) != 0)
    {
      gsize at = rewritten ? first_difference (written, length, rewritten, relength) : 0;
      gsize from = at > 200 ? at - 200 : 0;

      fprintf (stderr, "fuzz-loader: saving the reloaded briefing gives other bytes, from offset %" G_GSIZE_FORMAT ":\n"
                       "--- first save:\n%.*s\n--- second save:\n%.*s\n---\n",
               at,
               (int) MIN (length - from, 400), written + from,
               rewritten ? (int) MIN (relength - from, 400) : 0, rewritten ? rewritten + from : "");
      fuzz_fail ("round trip changed the briefing");
    }
}

/* Reading while the text streams in accepts only what the whole-text
 * reading accepts, and builds the same briefing from it.
 */
static void
check_streaming (GBytes     *bytes,
                 SbBriefing *whole)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(SbBriefing) streamed = sb_loader_try_streaming (stream, NULL);
  g_autofree char *streamed_text = NULL, *whole_text = NULL;
  gsize streamed_length = 0, whole_length = 0;

  if (streamed == NULL)
    return;
  if (whole == NULL)
    fuzz_fail ("streaming accepted a text the whole-text reading refuses");

  streamed_text = sb_writer_to_data (streamed, &streamed_length);
  whole_text = sb_writer_to_data (whole, &whole_length);
  if (streamed_length != whole_length || memcmp (streamed_text, whole_text, whole_length) != 0)
    fuzz_fail ("streaming built another briefing than the whole-text reading");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_util_init (FALSE);

  /* Text lookups must not depend on the fuzzing machine's locale. */
  sb_text_set_preferred_languages ((const char * const[]) { "en", NULL });

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  briefing = sb_loader_load_bytes (bytes, &problems);
  check_result (briefing, problems);

  if (briefing != NULL)
    check_round_trip (briefing);

  check_streaming (bytes, briefing);

  return 0;
}
