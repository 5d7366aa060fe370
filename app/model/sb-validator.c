/* sb-validator.c
 *
 * The words for what ties a briefing together wrongly: a reference to
 * nothing (with the id meant, when one is close) or to the wrong kind, and
 * a quote not found in its source (with why it may look as if it were).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-validator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-model-private.h"
#include "sb-validator.h"

/* Suggestions compare against every id; past this many, not worth it. */
#define MAX_IDS_FOR_SUGGESTIONS 20000

static const char *
suggest_id (GHashTable *entities,
            const char *id,
            GType       type)
{
  GHashTableIter iter;
  gpointer key;
  const char *best = NULL;
  guint best_distance = 3;

  if (entities == NULL || g_hash_table_size (entities) > MAX_IDS_FOR_SUGGESTIONS)
    return NULL;

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *key_id = ((SbEntity *) key)->id;
      guint distance;

      if (!G_TYPE_CHECK_INSTANCE_TYPE (key, type))
        continue;

      distance = sb_edit_distance (id, key_id);
      if (distance < best_distance)
        {
          best = key_id;
          best_distance = distance;
        }
    }

  return best;
}

void
sb_validator_report_unknown (SbReader   *reader,
                             const char *path,
                             const char *id,
                             GType       type)
{
  const char *suggestion = suggest_id (reader->entities, id, type);

  if (suggestion != NULL)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, path,
                         _("nothing has the id “%s”; did you mean “%s”?"), id, suggestion);
  else
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, path,
                         _("nothing has the id “%s”"), id);
}

void
sb_validator_report_wrong_kind (SbReader   *reader,
                                const char *path,
                                const char *id,
                                GType       type,
                                const char *defined_at)
{
  if (type == SB_TYPE_SOURCE)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, path,
                         _("“%s” is not a source: it is the id of %s"), id, defined_at);
  else if (type == SB_TYPE_ACTOR)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, path,
                         _("“%s” is not an actor: it is the id of %s"), id, defined_at);
  else if (type == SB_TYPE_PLACE)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, path,
                         _("“%s” is not a place: it is the id of %s"), id, defined_at);
  else
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, path,
                         _("“%s” is not a deployment, movement, incident or area: it is the id of %s"),
                         id, defined_at);
}

/* Typographic quotes and dashes folded to ASCII and white space runs to
 * one space: to tell an author why a quote that looks right is not found.
 */
static char *
normalise_for_hint (const char *text)
{
  GString *string = g_string_sized_new (strlen (text));
  gboolean in_space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (!in_space)
            g_string_append_c (string, ' ');
          in_space = TRUE;
          continue;
        }

      in_space = FALSE;
      switch (c)
        {
        case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
          g_string_append_c (string, '\'');
          break;
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
          g_string_append_c (string, '"');
          break;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
          g_string_append_c (string, '-');
          break;
        default:
          g_string_append_unichar (string, c);
        }
    }

  return g_string_free (string, FALSE);
}

/**
 * sb_validator_report_missing_quote:
 *
 * Reports, at the current path, that the citation's quote is not in its
 * source, and why it may look as if it were.
 */
void
sb_validator_report_missing_quote (SbReader   *reader,
                                   SbCitation *citation)
{
  g_autofree char *quote_path = g_strconcat (reader->path->str, ".quote", NULL);
  g_autofree char *text = normalise_for_hint (sb_source_get_text (citation->source));
  g_autofree char *quote = normalise_for_hint (sb_citation_get_quote (citation));
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_quote = g_utf8_casefold (quote, -1);
  const char *source_id = sb_entity_get_id (SB_ENTITY (citation->source));

  if (strstr (text, quote) != NULL)
    sb_reader_report_at (reader, SB_PROBLEM_QUOTE_NOT_FOUND, quote_path,
                         _("the quote does not occur verbatim in source “%s”: the source has it with other quotation marks, dashes or white space"),
                         source_id);
  else if (strstr (folded_text, folded_quote) != NULL)
    sb_reader_report_at (reader, SB_PROBLEM_QUOTE_NOT_FOUND, quote_path,
                         _("the quote does not occur verbatim in source “%s”: the source has it with other capital letters"),
                         source_id);
  else
    sb_reader_report_at (reader, SB_PROBLEM_QUOTE_NOT_FOUND, quote_path,
                         _("the quote does not occur verbatim in source “%s”"), source_id);
}
