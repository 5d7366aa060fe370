/* sb-test-model.c
 *
 * What the model tests share: the built-in briefing loaded from the
 * source tree (DEFAULT_BRIEFING), and its statements, actors and places
 * looked up by id. Needs only the model library, as the model tests do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sb-loader.h"
#include "sb-problem.h"
#include "sb-test-model.h"

/**
 * sb_test_load_default:
 *
 * Loads the built-in briefing; any problem it has fails the test, each
 * said first.
 *
 * Returns: (transfer full): the briefing
 */
SbBriefing *
sb_test_load_default (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing = sb_loader_load_file (file, NULL, &problems);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = sb_problem_to_string (g_ptr_array_index (problems, i), DEFAULT_BRIEFING);

      g_test_message ("%s", line);
    }

  g_assert_cmpuint (problems != NULL ? problems->len : 0, ==, 0);
  g_assert_nonnull (briefing);
  return briefing;
}

/**
 * sb_test_lookup:
 *
 * Returns: (transfer none): the entity @id of @briefing; the test fails
 *   when there is none
 */
gpointer
sb_test_lookup (SbBriefing *briefing,
                const char *id)
{
  SbEntity *entity = sb_briefing_lookup (briefing, id);

  if (entity == NULL)
    g_error ("%s is not in the briefing", id);
  return entity;
}
