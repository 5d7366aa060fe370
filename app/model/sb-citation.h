/* sb-citation.h
 *
 * Provenance: the passage a statement comes from, and how certain the
 * source says it is.
 */

#pragma once

#include <glib-object.h>

#include "sb-text.h"
#include "sb-types.h"

G_BEGIN_DECLS

typedef struct _SbSource SbSource;
typedef struct _SbActor SbActor;

#define SB_TYPE_CITATION (sb_citation_get_type ())

/* Read-only once loaded. */
typedef struct
{
  gatomicrefcount ref_count;
  guint32 passage_length;  /* the quote's length when it is a passage of the text
                            * the source was loaded with, not a copy; else 0 */
  SbSource *source;        /* unowned; valid while the briefing lives */
  char *quote_storage;     /* private: read the quote with sb_citation_get_quote() */
  gssize offset;           /* byte offset of quote in the source text, -1 until checked */
  SbText *translations;    /* nullable: the quote put into other languages by the
                            * briefing's author; the quote stays the evidence */
} SbCitation;

typedef struct
{
  SbCertainty certainty;
  SbActor *claimed_by;     /* unowned; NULL unless claimed */
  GPtrArray *citations;    /* of SbCitation */
} SbEvidence;

GType       sb_citation_get_type (void) G_GNUC_CONST;
SbCitation *sb_citation_new      (SbSource   *source,
                                  const char *quote);
SbCitation *sb_citation_ref      (SbCitation *self);
void        sb_citation_unref    (SbCitation *self);
gboolean    sb_citation_equal    (const SbCitation *a,
                                  const SbCitation *b);
const char *sb_citation_get_quote (const SbCitation *self);
const char *sb_citation_get_translation (const SbCitation   *self,
                                         const char * const *languages,
                                         const char        **language);

void        sb_evidence_clear    (SbEvidence *evidence);
gboolean    sb_evidence_equal    (const SbEvidence *a,
                                  const SbEvidence *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCitation, sb_citation_unref)

G_END_DECLS
