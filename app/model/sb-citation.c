/* sb-citation.c */

#define G_LOG_DOMAIN "sb-citation"

#include "config.h"

#include "sb-citation.h"

G_DEFINE_BOXED_TYPE (SbCitation, sb_citation, sb_citation_ref, sb_citation_unref)

SbCitation *
sb_citation_new (const char *source_id,
                 const char *quote)
{
  SbCitation *self;

  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  self = g_new0 (SbCitation, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->source_id = g_strdup (source_id);
  self->quote = g_strdup (quote);
  self->offset = -1;

  return self;
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

  g_free (self->source_id);
  g_free (self->quote);
  g_free (self);
}

gboolean
sb_citation_equal (const SbCitation *a,
                   const SbCitation *b)
{
  return g_strcmp0 (a->source_id, b->source_id) == 0 &&
         g_strcmp0 (a->quote, b->quote) == 0;
}

void
sb_evidence_clear (SbEvidence *evidence)
{
  g_clear_pointer (&evidence->claimed_by_id, g_free);
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
         g_strcmp0 (a->claimed_by_id, b->claimed_by_id) == 0 &&
         citations_equal (a->citations, b->citations);
}
