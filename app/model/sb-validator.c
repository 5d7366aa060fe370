/* sb-validator.c */

#define G_LOG_DOMAIN "sb-validator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-validator.h"

/* Suggestions compare against every id; past this many, not worth it. */
#define MAX_IDS_FOR_SUGGESTIONS 20000

static void
add_entities (GHashTable *by_id,
              GPtrArray  *entities)
{
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (entities, i);
      const char *id = sb_entity_get_id (entity);

      /* Entities whose id was missing or bad carry "", and duplicates
       * were reported; the first definition stands.
       */
      if (*id != '\0' && !g_hash_table_contains (by_id, id))
        g_hash_table_insert (by_id, (gpointer) id, entity);
    }
}

static const char *
suggest_id (GHashTable *by_id,
            const char *id,
            GType       type)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_distance = 3;

  if (g_hash_table_size (by_id) > MAX_IDS_FOR_SUGGESTIONS)
    return NULL;

  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint distance;

      if (!G_TYPE_CHECK_INSTANCE_TYPE (value, type))
        continue;

      distance = sb_edit_distance (id, key);
      if (distance < best_distance)
        {
          best = key;
          best_distance = distance;
        }
    }

  return best;
}

static void
report_wrong_kind (SbReader    *reader,
                   SbReference *reference,
                   const char  *defined_at)
{
  if (reference->type == SB_TYPE_SOURCE)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, reference->path,
                         _("“%s” is not a source: it is the id of %s"), reference->id, defined_at);
  else if (reference->type == SB_TYPE_ACTOR)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, reference->path,
                         _("“%s” is not an actor: it is the id of %s"), reference->id, defined_at);
  else if (reference->type == SB_TYPE_PLACE)
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, reference->path,
                         _("“%s” is not a place: it is the id of %s"), reference->id, defined_at);
  else
    sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, reference->path,
                         _("“%s” is not a deployment, movement, incident or area: it is the id of %s"),
                         reference->id, defined_at);
}

static void
resolve_references (SbReader   *reader,
                    GHashTable *by_id)
{
  for (guint i = 0; i < reader->references->len; i++)
    {
      SbReference *reference = &g_array_index (reader->references, SbReference, i);
      SbEntity *entity = g_hash_table_lookup (by_id, reference->id);

      if (entity == NULL)
        {
          const char *suggestion = suggest_id (by_id, reference->id, reference->type);

          if (suggestion != NULL)
            sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, reference->path,
                                 _("nothing has the id “%s”; did you mean “%s”?"),
                                 reference->id, suggestion);
          else
            sb_reader_report_at (reader, SB_PROBLEM_UNKNOWN_REFERENCE, reference->path,
                                 _("nothing has the id “%s”"), reference->id);
        }
      else if (!G_TYPE_CHECK_INSTANCE_TYPE (entity, reference->type))
        {
          report_wrong_kind (reader, reference,
                             g_hash_table_lookup (reader->ids, reference->id));
        }
      else
        {
          *reference->slot = entity;
        }
    }
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

static void
report_missing_quote (SbReader   *reader,
                      const char *path,
                      SbCitation *citation)
{
  g_autofree char *quote_path = g_strconcat (path, ".quote", NULL);
  g_autofree char *text = normalise_for_hint (citation->source->text);
  g_autofree char *quote = normalise_for_hint (citation->quote);
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

static void
check_quotes (SbReader *reader)
{
  /* source → (quote → offset + 1): many statements cite the same passage. */
  g_autoptr(GHashTable) found = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < reader->citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (reader->citations, i);
      GHashTable *quotes;
      gpointer offset;

      if (citation->source == NULL || citation->source->text == NULL)
        continue;

      quotes = g_hash_table_lookup (found, citation->source);
      if (quotes == NULL)
        {
          quotes = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (found, citation->source, quotes);
        }

      if (!g_hash_table_lookup_extended (quotes, citation->quote, NULL, &offset))
        {
          const char *at = strstr (citation->source->text, citation->quote);

          offset = GSIZE_TO_POINTER (at ? (gsize) (at - citation->source->text) + 1 : 0);
          g_hash_table_insert (quotes, citation->quote, offset);
        }

      if (offset == NULL)
        report_missing_quote (reader, g_ptr_array_index (reader->citation_paths, i), citation);
      else
        citation->offset = GPOINTER_TO_SIZE (offset) - 1;
    }
}

void
sb_validator_check (SbReader           *reader,
                    SbBriefingContents *contents)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  add_entities (by_id, contents->sources);
  add_entities (by_id, contents->actors);
  add_entities (by_id, contents->places);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    add_entities (by_id, contents->items[i]);
  add_entities (by_id, contents->steps);

  resolve_references (reader, by_id);
  check_quotes (reader);
}
