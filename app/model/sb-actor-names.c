/* sb-actor-names.c
 *
 * The names a text may give an actor, for finding it in a source: what
 * citing marks, suggests and reads as who claims a passage. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-actor-names"

#include "config.h"

#include <string.h>

#include "sb-actor.h"
#include "sb-actor-names.h"

/* "JNIM", "VDP", "FAMa": written as an abbreviation, found only as
 * written (the matcher's rule), never a place's name.
 */
static gboolean
is_abbreviation (const char *name)
{
  guint upper = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        return FALSE;
      upper += g_unichar_isupper (c);
    }
  return upper >= 2;
}

/* A short name that is a place's whole name ("Mali" for Mali's armed
 * forces) would mark the country as the actor wherever it is named.
 */
static gboolean
names_a_place (SbGazetteer *gazetteer,
               const char  *name)
{
  g_autoptr(GArray) found = NULL;

  if (gazetteer == NULL)
    return TRUE;
  found = sb_gazetteer_find_in_text (gazetteer, name);
  for (guint i = 0; i < found->len; i++)
    if (g_array_index (found, SbNameMatch, i).start == 0 && g_array_index (found, SbNameMatch, i).end == strlen (name))
      return TRUE;
  return FALSE;
}

/**
 * sb_actor_names_add:
 * @matcher: where to add them, with @actor as their data
 * @gazetteer: (nullable): the places whose names a short name must not be;
 *   %NULL to take only short names written as abbreviations
 *
 * Adds every name a text may give @actor: its names and short names in
 * each of their languages, and its aliases. A short name written as an
 * abbreviation ("JNIM", "FAMa") is found only as written, so "VDP" is
 * never a word that happens to fold to it; one that is a place's name is
 * left out.
 */
void
sb_actor_names_add (SbNameMatcher *matcher,
                    SbActor       *actor,
                    SbGazetteer   *gazetteer)
{
  SbText *name = sb_actor_get_name (actor);
  SbText *short_name = sb_actor_get_short_name (actor);
  const char * const *aliases = sb_actor_get_aliases (actor);

  g_return_if_fail (matcher != NULL);
  g_return_if_fail (SB_IS_ACTOR (actor));

  for (guint i = 0; name != NULL && i < sb_text_get_n_languages (name); i++)
    sb_name_matcher_add (matcher, sb_text_get_string_at (name, i), actor);
  for (guint i = 0; short_name != NULL && i < sb_text_get_n_languages (short_name); i++)
    {
      const char *words = sb_text_get_string_at (short_name, i);

      if (words != NULL && (is_abbreviation (words) || !names_a_place (gazetteer, words)))
        sb_name_matcher_add (matcher, words, actor);
    }
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    sb_name_matcher_add (matcher, aliases[i], actor);
}
