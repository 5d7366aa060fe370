/* sb-search.c
 *
 * Search through a briefing's actors, statements, places and sources,
 * within what the filters show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-search"

#include "config.h"

#include <string.h>

#include "sb-search.h"

#define SNIPPET_CONTEXT 48

static void
result_free (SbSearchResult *result)
{
  g_clear_pointer (&result->passage, sb_citation_unref);
  g_free (result->snippet);
  g_free (result);
}

static void
add_result (GPtrArray    *results,
            SbSearchKind  kind,
            SbEntity     *entity)
{
  SbSearchResult *result = g_new0 (SbSearchResult, 1);

  result->kind = kind;
  result->entity = entity;
  g_ptr_array_add (results, result);
}

/**
 * sb_search_find_case_insensitive:
 * @from: byte offset to start at
 *
 * Finds @needle in @text ignoring case, character by character, so that
 * the byte offsets returned are those of @text itself.
 */
gboolean
sb_search_find_case_insensitive (const char *text,
                                 const char *needle,
                                 gsize       from,
                                 gsize      *match_start,
                                 gsize      *match_end)
{
  for (const char *start = text + from; *start; start = g_utf8_next_char (start))
    {
      const char *t = start, *n = needle;

      while (*t && *n && g_unichar_tolower (g_utf8_get_char (t)) == g_unichar_tolower (g_utf8_get_char (n)))
        {
          t = g_utf8_next_char (t);
          n = g_utf8_next_char (n);
        }

      if (*n == '\0')
        {
          *match_start = start - text;
          *match_end = t - text;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
text_matches (SbText     *text,
              const char *folded)
{
  return text != NULL && sb_text_contains_casefold (text, folded);
}

static gboolean
actor_matches (SbActor    *actor,
               const char *folded)
{
  const char * const *aliases = sb_actor_get_aliases (actor);

  if (text_matches (sb_actor_get_name (actor), folded) ||
      text_matches (sb_actor_get_short_name (actor), folded) ||
      text_matches (sb_actor_get_affiliation (actor), folded) ||
      text_matches (sb_actor_get_summary (actor), folded))
    return TRUE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = g_utf8_casefold (aliases[i], -1);

      if (strstr (alias, folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
actor_shown (SbSelection *selection,
             SbActor     *actor)
{
  return sb_selection_get_actor_visible (selection, actor);
}

static void
search_sources (SbSelection *selection,
                const char  *query,
                guint        max_results,
                GPtrArray   *results)
{
  GListModel *sources = sb_briefing_get_sources (sb_selection_get_briefing (selection));
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sources) && found < max_results; i++)
    {
      g_autoptr(SbSource) source = g_list_model_get_item (sources, i);
      const char *text = sb_source_get_text (source);
      gsize start = 0, end = 0;

      if (text == NULL)
        continue;

      while (found < max_results && sb_search_find_case_insensitive (text, query, end, &start, &end))
        {
          SbSearchResult *result = g_new0 (SbSearchResult, 1);
          const char *before = text + start, *after = text + end;
          g_autofree char *context = NULL;

          for (guint c = 0; c < SNIPPET_CONTEXT && before > text; c++)
            before = g_utf8_prev_char (before);
          for (guint c = 0; c < SNIPPET_CONTEXT && *after; c++)
            after = g_utf8_next_char (after);

          context = g_strndup (before, after - before);
          g_strdelimit (context, "\n", ' ');

          result->kind = SB_SEARCH_SOURCE_TEXT;
          result->entity = SB_ENTITY (source);
          result->snippet = g_strdup_printf ("%s%s%s", before > text ? "…" : "", context, *after ? "…" : "");
          {
            g_autofree char *quote = g_strndup (text + start, end - start);

            result->passage = sb_citation_new (source, quote);
            result->passage->offset = start;
          }
          g_ptr_array_add (results, result);
          found++;

          if (end == start)
            break;
        }
    }
}

/**
 * sb_search_run:
 *
 * Returns: (transfer full) (element-type SbSearchResult): actors, then
 *   statements, places and passages of source text that match @query,
 *   each kind up to @max_per_kind
 */
GPtrArray *
sb_search_run (SbSelection *selection,
               const char  *query,
               guint        max_per_kind)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  g_autofree char *folded = NULL;
  SbBriefing *briefing;
  GListModel *list;
  guint found;

  g_return_val_if_fail (SB_IS_SELECTION (selection), results);
  g_return_val_if_fail (query != NULL, results);

  briefing = sb_selection_get_briefing (selection);
  if (briefing == NULL || *query == '\0')
    return results;

  folded = g_utf8_casefold (query, -1);

  list = sb_briefing_get_actors (briefing);
  found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (list) && found < max_per_kind; i++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (list, i);

      if (actor_shown (selection, actor) && actor_matches (actor, folded))
        {
          add_result (results, SB_SEARCH_ACTOR, SB_ENTITY (actor));
          found++;
        }
    }

  list = sb_briefing_get_all_items (briefing);
  found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (list) && found < max_per_kind; i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (list, i);

      if (sb_selection_item_is_visible (selection, item) &&
          (text_matches (sb_item_get_title (item), folded) ||
           text_matches (sb_item_get_description (item), folded) ||
           text_matches (sb_item_get_name (item), folded)))
        {
          add_result (results, SB_SEARCH_ITEM, SB_ENTITY (item));
          found++;
        }
    }

  list = sb_briefing_get_places (briefing);
  found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (list) && found < max_per_kind; i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (list, i);

      if (text_matches (sb_place_get_name (place), folded))
        {
          add_result (results, SB_SEARCH_PLACE, SB_ENTITY (place));
          found++;
        }
    }

  search_sources (selection, query, max_per_kind, results);

  return results;
}
