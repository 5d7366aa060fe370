/* sb-reference-reader.c
 *
 * What ties a briefing together: ids, references between objects, and
 * citations of passages. A reference to something already read is checked
 * at once; one to a name not seen yet waits, with its path, for the end
 * (sb_reader_resolve_deferred()). A quote is looked for in its source as
 * soon as it is read: sources are read first. sb-validator.c words what
 * is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-reference-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-enums.h"
#include "sb-json-scan.h"
#include "sb-model-private.h"
#include "sb-reference-reader.h"
#include "sb-validator.h"

/**
 * sb_reader_get_id:
 *
 * Reads the object's "id" and checks that it is a slug; whether another
 * object has it already is checked where objects are registered.
 *
 * Returns: (nullable): the id
 */
char *
sb_reader_get_id (SbReader   *self,
                  SbJsonObject *object)
{
  const char *id = sb_reader_get_string (self, object, "id", SB_REQUIRED);

  if (id == NULL)
    return NULL;

  if (!sb_id_is_valid (id))
    {
      sb_reader_report (self, SB_PROBLEM_BAD_ID, "id",
                        _("“%s” is not an id: use lower-case letters and digits in groups joined by single hyphens, at most %d characters"),
                        id, SB_MAX_ID_LENGTH);
      return NULL;
    }

  return g_strdup (id);
}

/* Points @slot at the entity @id names, if it is of @type. With @defer, a
 * name not known yet waits for the end; otherwise it is reported at once.
 */
static void
resolve (SbReader   *self,
                   const char *path,
                   const char *id,
                   GType       type,
                   gpointer   *slot,
                   gboolean    defer)
{
  SbEntity *entity = self->entities ? _sb_id_table_lookup (self->entities, id) : NULL;

  if (entity != NULL && G_TYPE_CHECK_INSTANCE_TYPE (entity, type))
    {
      *slot = entity;
    }
  else if (entity != NULL)
    {
      g_autofree char *defined_at = self->locate (entity, self->locate_data);

      sb_validator_report_wrong_kind (self, path, id, type, defined_at);
    }
  else if (defer)
    {
      SbReference reference = { g_strdup (path), g_strdup (id), type, slot };

      g_array_append_val (self->deferred, reference);
    }
  else
    {
      sb_validator_report_unknown (self, path, id, type);
    }
}

/**
 * sb_reader_resolve_deferred:
 *
 * Resolves the references that named something not read yet, now that
 * everything is, and reports those that name nothing or the wrong kind.
 */
void
sb_reader_resolve_deferred (SbReader *self)
{
  for (guint i = 0; i < self->deferred->len; i++)
    {
      SbReference *reference = &g_array_index (self->deferred, SbReference, i);

      resolve (self, reference->path, reference->id, reference->type, reference->slot, FALSE);
    }
}

static void
add_reference (SbReader   *self,
               const char *id,
               GType       type,
               gpointer   *slot)
{
  resolve (self, self->path->str, id, type, slot, TRUE);
}

/**
 * sb_reader_get_reference:
 * @slot: where to store the entity once it is known
 *
 * Returns: whether the member names an id
 */
gboolean
sb_reader_get_reference (SbReader   *self,
                         SbJsonObject *object,
                         const char *member,
                         SbPresence  presence,
                         GType       type,
                         gpointer   *slot)
{
  const char *id = sb_reader_get_string (self, object, member, presence);
  gsize saved;

  if (id == NULL)
    return FALSE;

  saved = sb_reader_push_member (self, member);
  add_reference (self, id, type, slot);
  sb_reader_pop (self, saved);

  return TRUE;
}

/**
 * sb_reader_get_references:
 *
 * Returns: (nullable): as many slots as the array has ids, filled as the
 *   references are known; %NULL when the member is absent
 */
GPtrArray *
sb_reader_get_references (SbReader   *self,
                          SbJsonObject *object,
                          const char *member,
                          GType       type)
{
  SbJsonArray *array = sb_reader_get_array (self, object, member, SB_OPTIONAL);
  GPtrArray *entities;
  guint n;
  gsize saved;

  if (array == NULL)
    return NULL;

  n = sb_json_array_get_length (array);
  entities = g_ptr_array_sized_new (n);

  /* Sized once: waiting references point into this array's storage. */
  g_ptr_array_set_size (entities, n);

  saved = sb_reader_push_member (self, member);

  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = sb_reader_push_index (self, i);
      const char *id = sb_reader_read_string (self, sb_json_array_get_element (array, i), NULL);

      if (id != NULL)
        add_reference (self, id, type, &entities->pdata[i]);

      sb_reader_pop (self, saved_index);
    }

  sb_reader_pop (self, saved);
  return entities;
}

/* A million quotes are looked up and added: their length and their
 * ends tell them apart well enough, in a fixed time.
 */
static guint
quote_hash (gconstpointer key)
{
  gsize length;
  const char *quote = _sb_citation_peek_quote (key, &length);
  guint hash = (guint) length;

  for (gsize i = 0; i < length; i++)
    {
      if (i == 16 && length > 32)
        i = length - 16;
      hash = hash * 33 + (guchar) quote[i];
    }

  return hash;
}

static gboolean
quote_equal (gconstpointer a,
             gconstpointer b)
{
  gsize a_length, b_length;
  const char *a_quote = _sb_citation_peek_quote (a, &a_length);
  const char *b_quote = _sb_citation_peek_quote (b, &b_length);

  return a_length == b_length && memcmp (a_quote, b_quote, a_length) == 0;
}

/* Many statements cite the same passage, often twice (the statement and
 * its figure): each is looked for once, and a passage found is one
 * citation, shared; citations do not change once read. A passage found
 * is kept as where it is in the source's text, not as a copy.
 *
 * @citation: a citation of a source with text, without a quote yet
 * @quote: what it quotes
 * @shareable: whether @citation may be one shared with others: it has no
 *   translations of its own
 *
 * Returns: (transfer full): @citation, or the same one read before
 */
static SbCitation *
find_quote (SbReader   *self,
            SbCitation *citation,
            const char *quote,
            gboolean    shareable)
{
  GHashTable *found = g_hash_table_lookup (self->quotes, citation->source);
  SbCitation probe = { .quote_storage = (char *) quote };
  SbCitation *known;

  if (found == NULL)
    {
      /* Keyed by the citations themselves, which the table keeps alive. */
      found = g_hash_table_new_full (quote_hash, quote_equal, (GDestroyNotify) sb_citation_unref, NULL);
      g_hash_table_insert (self->quotes, citation->source, found);
    }

  known = g_hash_table_lookup (found, &probe);
  if (known != NULL && known->offset >= 0 && shareable)
    {
      sb_citation_unref (citation);
      return sb_citation_ref (known);
    }

  if (known != NULL)
    {
      citation->offset = known->offset;
      if (known->passage_length > 0)
        _sb_citation_set_passage (citation, known->offset, known->passage_length);
    }
  else
    {
      const char *text = citation->source->passages_text;
      const char *at = text ? strstr (text, quote) : NULL;

      if (at != NULL)
        citation->offset = at - text;
      /* An empty quote (a problem said elsewhere) is not a passage. */
      if (at != NULL && *quote != '\0')
        _sb_citation_set_passage (citation, at - text, strlen (quote));
    }

  if (!_sb_citation_has_quote (citation))
    _sb_citation_take_quote (citation, g_strdup (quote));

  /* Only a citation without translations of its own may stand for others. */
  if (known == NULL && shareable)
    g_hash_table_add (found, sb_citation_ref (citation));

  /* Not found, here as before: said at every place that quotes it. */
  if (citation->offset < 0 && sb_source_get_text (citation->source) != NULL)
    sb_validator_report_missing_quote (self, citation);

  return citation;
}

/* The quote put into other languages (format version 2): an object of
 * language codes to strings, none of them the source's own language.
 */
static SbText *
read_translations (SbReader   *self,
                   SbJsonObject *object,
                   SbCitation *citation)
{
  SbJsonNode *node = sb_json_object_get_member (object, "translations");
  g_autoptr(SbText) translations = NULL;
  const char *original;

  if (node == NULL)
    return NULL;

  if (self->version < 2)
    {
      sb_reader_report (self, SB_PROBLEM_UNKNOWN_FIELD, "translations",
                        _("translations of a quote need format version 2: set \"version\": 2"));
      return NULL;
    }

  if (!SB_JSON_NODE_HOLDS_OBJECT (node))
    {
      sb_reader_report (self, SB_PROBLEM_WRONG_TYPE, "translations",
                        _("expected an object of language codes to translations of the quote, such as {\"en\": \"…\"}"));
      return NULL;
    }

  if (!_sb_citation_has_quote (citation))
    {
      sb_reader_report (self, SB_PROBLEM_BAD_VALUE, "translations",
                        _("translations translate the quote: this citation has none"));
      return NULL;
    }

  translations = sb_reader_get_text (self, object, "translations", SB_OPTIONAL);
  original = citation->source ? sb_source_get_language (citation->source) : NULL;

  for (guint i = 0; translations != NULL && original != NULL && i < sb_text_get_n_languages (translations); i++)
    {
      const char *language = sb_text_get_language_at (translations, i);

      if (sb_language_same_primary (language, original))
        {
          gsize saved = sb_reader_push_member (self, "translations");

          sb_reader_report (self, SB_PROBLEM_BAD_VALUE, language,
                            _("the quote is in “%s” already: a translation is into another language"),
                            original);
          sb_reader_pop (self, saved);
          return NULL;
        }
    }

  return g_steal_pointer (&translations);
}

/**
 * sb_reader_read_citation:
 *
 * Reads a {source, quote, translations} object at the current path and
 * looks for the quote in its source.
 *
 * Returns: (nullable): the citation
 */
SbCitation *
sb_reader_read_citation (SbReader *self,
                         SbJsonNode *node)
{
  static const char * const members[] = { "source", "quote", "translations", NULL };
  SbJsonObject *object = sb_reader_as_object (self, node);
  const char *source_id, *quote;
  SbCitation *citation;
  gsize saved;

  if (object == NULL)
    return NULL;

  sb_reader_check_members (self, object, members);
  source_id = sb_reader_get_string (self, object, "source", SB_REQUIRED);
  quote = sb_reader_get_string (self, object, "quote", SB_OPTIONAL);

  if (source_id == NULL)
    return NULL;

  citation = sb_citation_new (NULL, NULL);

  saved = sb_reader_push_member (self, "source");
  add_reference (self, source_id, SB_TYPE_SOURCE, (gpointer *) &citation->source);
  sb_reader_pop (self, saved);

  /* A source with text is quoted; one only named (a data set's source
   * names) cannot be.
   */
  if (citation->source == NULL)
    ;
  else if (sb_source_get_text (citation->source) == NULL && quote != NULL)
    sb_reader_report (self, SB_PROBLEM_BAD_VALUE, "quote",
                      _("source “%s” has no text to quote from: cite it without “quote”"), source_id);
  else if (sb_source_get_text (citation->source) != NULL && quote == NULL)
    sb_reader_report (self, SB_PROBLEM_MISSING_FIELD, "quote",
                      _("required field “quote” is missing: source “%s” has text, so the passage must be quoted"),
                      source_id);
  else if (quote != NULL)
    citation = find_quote (self, citation, quote, !sb_json_object_has_member (object, "translations"));

  /* A quote not looked for in a text is kept as it is. */
  if (quote != NULL && !_sb_citation_has_quote (citation))
    _sb_citation_take_quote (citation, g_strdup (quote));

  /* A shared citation has none: it was read without. */
  if (citation->translations == NULL)
    citation->translations = read_translations (self, object, citation);

  return citation;
}

/* Why citations are required, in the words of what is being read: its
 * path is "$.incidents[3]", "$.actors[0]" or "$.actors[0].figures[1]".
 */
static const char *
citations_required (SbReader *self)
{
  const char *path = self->path->str;
  const char *dot = strrchr (path, '.');
  g_autofree char *owner = dot != NULL ? g_strndup (dot + 1, strcspn (dot + 1, "[")) : NULL;

  if (g_strcmp0 (owner, "actors") == 0)
    return _("at least one citation is required: an actor names the passage that tells of it");
  if (g_strcmp0 (owner, "figures") == 0)
    return _("at least one citation is required: a figure names the passage it comes from");
  if (g_strcmp0 (owner, "relations") == 0)
    return _("at least one citation is required: a relation names the passage that states it");
  return _("at least one citation is required: every statement names the passage it comes from");
}

GPtrArray *
sb_reader_get_citations (SbReader   *self,
                         SbJsonObject *object,
                         const char *member,
                         SbPresence  presence)
{
  SbJsonArray *array = sb_reader_get_array (self, object, member, presence);
  GPtrArray *citations;
  gsize saved;

  if (array == NULL)
    return NULL;

  if (sb_json_array_get_length (array) == 0 && presence == SB_REQUIRED)
    sb_reader_report (self, SB_PROBLEM_MISSING_FIELD, member, "%s", citations_required (self));

  /* Exactly as long as it will be: a million statements cite. */
  citations = g_ptr_array_new_full (sb_json_array_get_length (array), (GDestroyNotify) sb_citation_unref);
  saved = sb_reader_push_member (self, member);

  for (guint i = 0; i < sb_json_array_get_length (array); i++)
    {
      gsize saved_index = sb_reader_push_index (self, i);
      SbCitation *citation = sb_reader_read_citation (self, sb_json_array_get_element (array, i));

      if (citation != NULL)
        g_ptr_array_add (citations, citation);
      sb_reader_pop (self, saved_index);
    }

  sb_reader_pop (self, saved);
  return citations;
}

/**
 * sb_reader_get_evidence:
 *
 * Reads "certainty", "claimed_by" and "citations" of the current object.
 */
void
sb_reader_get_evidence (SbReader   *self,
                        SbJsonObject *object,
                        SbEvidence *evidence)
{
  int certainty = SB_CERTAINTY_REPORTED;
  gboolean has_certainty;
  gboolean has_claimant = sb_json_object_has_member (object, "claimed_by");

  has_certainty = sb_reader_get_enum (self, object, "certainty", SB_REQUIRED,
                                      SB_TYPE_CERTAINTY, &certainty);
  evidence->certainty = certainty;

  if (has_certainty && certainty == SB_CERTAINTY_CLAIMED && !has_claimant)
    sb_reader_report (self, SB_PROBLEM_MISSING_FIELD, "claimed_by",
                      _("“claimed_by” is required when the certainty is “claimed”: name the actor who claims it"));
  else if (has_certainty && certainty != SB_CERTAINTY_CLAIMED && has_claimant)
    sb_reader_report (self, SB_PROBLEM_BAD_VALUE, "claimed_by",
                      _("“claimed_by” is only allowed when the certainty is “claimed”"));
  else if (has_claimant)
    sb_reader_get_reference (self, object, "claimed_by", SB_OPTIONAL,
                             SB_TYPE_ACTOR, (gpointer *) &evidence->claimed_by);

  evidence->citations = sb_reader_get_citations (self, object, "citations", SB_REQUIRED);
  if (evidence->citations == NULL)
    evidence->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
}
