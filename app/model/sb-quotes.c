/* sb-quotes.c
 *
 * Every quote of a source, wherever it is cited: a statement, its
 * figures, an actor, its figures and relations, a step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-quotes"

#include "config.h"

#include <string.h>

#include "sb-actor.h"
#include "sb-figure.h"
#include "sb-item.h"
#include "sb-quotes.h"
#include "sb-relation.h"
#include "sb-step.h"

static void
lost_quote_free (SbLostQuote *lost)
{
  g_object_unref (lost->entity);
  g_free (lost->quote);
  g_free (lost);
}

static void
check_citation (GPtrArray  *lost,
                SbEntity   *entity,
                SbCitation *citation,
                SbSource   *source,
                const char *text)
{
  SbLostQuote *found;

  if (citation == NULL || citation->source != source || sb_citation_get_quote (citation) == NULL)
    return;
  if (text != NULL && strstr (text, sb_citation_get_quote (citation)) != NULL)
    return;

  /* Each quote once per entity. */
  for (guint i = 0; i < lost->len; i++)
    {
      SbLostQuote *other = g_ptr_array_index (lost, i);

      if (other->entity == entity && g_str_equal (other->quote, sb_citation_get_quote (citation)))
        return;
    }

  found = g_new0 (SbLostQuote, 1);
  found->entity = g_object_ref (entity);
  found->quote = g_strdup (sb_citation_get_quote (citation));
  g_ptr_array_add (lost, found);
}

static void
check_citations (GPtrArray  *lost,
                 SbEntity   *entity,
                 GPtrArray  *citations,
                 SbSource   *source,
                 const char *text)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    check_citation (lost, entity, g_ptr_array_index (citations, i), source, text);
}

static void
check_figures (GPtrArray  *lost,
               SbEntity   *entity,
               GPtrArray  *figures,
               SbSource   *source,
               const char *text)
{
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    check_citations (lost, entity, ((SbFigure *) g_ptr_array_index (figures, i))->evidence.citations, source, text);
}

/**
 * sb_source_find_lost_quotes:
 * @text: (nullable): the text @source would have
 *
 * Returns: (transfer full) (element-type SbLostQuote): the quotes of
 *   @source that @text does not have verbatim, with what cites them, in
 *   the order of the briefing
 */
GPtrArray *
sb_source_find_lost_quotes (SbBriefing *briefing,
                            SbSource   *source,
                            const char *text)
{
  g_autoptr(GPtrArray) referring = NULL;
  GPtrArray *lost;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_SOURCE (source), NULL);

  lost = g_ptr_array_new_with_free_func ((GDestroyNotify) lost_quote_free);
  referring = sb_briefing_find_references (briefing, SB_ENTITY (source));
  for (guint i = 0; referring != NULL && i < referring->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (referring, i);

      if (SB_IS_ITEM (entity))
        {
          check_citations (lost, entity, sb_item_get_citations (SB_ITEM (entity)), source, text);
          check_figures (lost, entity, sb_item_get_figures (SB_ITEM (entity)), source, text);
        }
      else if (SB_IS_ACTOR (entity))
        {
          GPtrArray *relations = sb_actor_get_relations (SB_ACTOR (entity));

          check_citations (lost, entity, sb_actor_get_citations (SB_ACTOR (entity)), source, text);
          check_figures (lost, entity, sb_actor_get_figures (SB_ACTOR (entity)), source, text);
          for (guint r = 0; relations != NULL && r < relations->len; r++)
            check_citations (lost, entity, ((SbRelation *) g_ptr_array_index (relations, r))->evidence.citations,
                             source, text);
        }
      else if (SB_IS_STEP (entity))
        check_citation (lost, entity, sb_step_get_citation (SB_STEP (entity)), source, text);
    }

  return lost;
}
