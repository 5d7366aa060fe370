/* sb-citation.c
 *
 * A citation (a passage quoted verbatim from a source) and the evidence a
 * statement rests on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-citation"

#include "config.h"

#include <string.h>

#include "sb-citation.h"
#include "sb-model-private.h"

G_DEFINE_BOXED_TYPE (SbCitation, sb_citation, sb_citation_ref, sb_citation_unref)

/**
 * sb_citation_new:
 * @source: (nullable): the source, when known already
 * @quote: (nullable): the passage; %NULL when the source is only named,
 *   its text not available (as in data sets that list source names)
 */
SbCitation *
sb_citation_new (SbSource   *source,
                 const char *quote)
{
  gsize size = quote != NULL ? strlen (quote) + 1 : 0;
  SbCitation *self;

  /* One block with its quote: a million statements cite. */
  self = g_malloc0 (sizeof (SbCitation) + size);
  g_atomic_ref_count_init (&self->ref_count);
  self->source = source;
  if (quote != NULL)
    self->quote_storage = memcpy ((char *) (self + 1), quote, size);
  self->offset = -1;

  return self;
}

/* A loaded quote found in its source's text is that passage of the text,
 * not a copy: a million statements quote.
 */
void
_sb_citation_set_passage (SbCitation *self,
                          gsize       offset,
                          gsize       length)
{
  g_assert (self->source != NULL && self->source->passages_text != NULL);
  g_assert (self->quote_storage == NULL && length > 0 && length <= G_MAXUINT32);

  self->offset = offset;
  self->passage_length = length;
}

/* A quote the citation keeps a copy of, of its own. */
void
_sb_citation_take_quote (SbCitation *self,
                         char       *quote)
{
  g_assert (self->quote_storage == NULL && self->passage_length == 0);

  self->quote_storage = quote;
}

/* The quote and its length, without copying a passage out of its text;
 * %NULL when there is none.
 */
const char *
_sb_citation_peek_quote (const SbCitation *self,
                         gsize            *length)
{
  if (self->passage_length != 0)
    {
      *length = self->passage_length;
      return self->source->passages_text + self->offset;
    }

  *length = self->quote_storage != NULL ? strlen (self->quote_storage) : 0;
  return self->quote_storage;
}

gboolean
_sb_citation_has_quote (const SbCitation *self)
{
  return self->passage_length != 0 || self->quote_storage != NULL;
}

/**
 * sb_citation_get_quote:
 *
 * Returns: (nullable): the passage quoted; %NULL when the source is only
 *   named. A quote loaded from a file is copied out of its source's text
 *   the first time it is asked for, and kept.
 */
const char *
sb_citation_get_quote (const SbCitation *self)
{
  SbCitation *cache = (SbCitation *) self;
  char *quote, *copy;
  gsize length;

  g_return_val_if_fail (self != NULL, NULL);

  quote = g_atomic_pointer_get (&cache->quote_storage);
  if (quote != NULL || self->passage_length == 0)
    return quote;

  /* Citations are shared between threads: the first copy made stays. */
  quote = (char *) _sb_citation_peek_quote (self, &length);
  copy = g_strndup (quote, length);
  if (!g_atomic_pointer_compare_and_exchange (&cache->quote_storage, NULL, copy))
    g_free (copy);

  return g_atomic_pointer_get (&cache->quote_storage);
}

SbCitation *
sb_citation_ref (SbCitation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sb_citation_unref (SbCitation *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->translations, sb_text_unref);
  /* The quote of sb_citation_new() is part of the citation's own block. */
  if (self->quote_storage != (char *) (self + 1))
    g_free (self->quote_storage);
  g_free (self);
}

/* Equal across two loads of a briefing: by id, not by pointer. */
static gboolean
entity_ids_equal (SbEntity *a,
                  SbEntity *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_str_equal (sb_entity_get_id (a), sb_entity_get_id (b));
}

gboolean
sb_citation_equal (const SbCitation *a,
                   const SbCitation *b)
{
  const char *a_quote, *b_quote;
  gsize a_length, b_length;

  if (!entity_ids_equal (SB_ENTITY (a->source), SB_ENTITY (b->source)))
    return FALSE;

  a_quote = _sb_citation_peek_quote (a, &a_length);
  b_quote = _sb_citation_peek_quote (b, &b_length);
  if ((a_quote == NULL) != (b_quote == NULL) || a_length != b_length ||
      (a_length > 0 && memcmp (a_quote, b_quote, a_length) != 0))
    return FALSE;

  return sb_text_equal (a->translations, b->translations);
}

/**
 * sb_citation_get_translation:
 * @languages: (nullable): the languages the reader wants, most wanted first
 * @language: (out) (optional): the language of the translation returned
 *
 * Chooses the translation to show beside the quote, as texts are chosen
 * (sb_text_lookup()): the first wanted language that has one, else
 * English; none when the reader reads the source's own language first.
 *
 * Returns: (nullable): the translation, or %NULL when the quote is to be
 *   shown on its own
 */
const char *
sb_citation_get_translation (const SbCitation   *self,
                             const char * const *languages,
                             const char        **language)
{
  const char *original;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->translations == NULL || !_sb_citation_has_quote (self))
    return NULL;

  original = self->source ? sb_source_get_language (self->source) : NULL;

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char *found;

      if (original != NULL && sb_language_same_primary (languages[i], original))
        return NULL;
      if ((found = sb_text_find (self->translations, languages[i], language)) != NULL)
        return found;
    }

  if (original != NULL && sb_language_same_primary ("en", original))
    return NULL;

  return sb_text_find (self->translations, "en", language);
}

void
sb_evidence_clear (SbEvidence *evidence)
{
  g_clear_pointer (&evidence->citations, g_ptr_array_unref);
  evidence->claimed_by = NULL;
}

static gboolean
citations_equal (GPtrArray *a,
                 GPtrArray *b)
{
  guint a_len = a ? a->len : 0;
  guint b_len = b ? b->len : 0;

  if (a_len != b_len)
    return FALSE;

  for (guint i = 0; i < a_len; i++)
    if (!sb_citation_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

gboolean
sb_evidence_equal (const SbEvidence *a,
                   const SbEvidence *b)
{
  return a->certainty == b->certainty &&
         entity_ids_equal (SB_ENTITY (a->claimed_by), SB_ENTITY (b->claimed_by)) &&
         citations_equal (a->citations, b->citations);
}
