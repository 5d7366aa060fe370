/* sb-references.c
 *
 * What refers to an entity, and the value of a field with the references
 * to it taken out: what removing an entity with its references changes.
 *
 * A source is referred to by citations; an actor by statements, by the
 * claims of evidence and by relations; a place by statements; any entity
 * by the steps that show, highlight or frame it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-references"

#include "config.h"

#include "sb-briefing-private.h"
#include "sb-references.h"

#define BIT(field) (G_GUINT64_CONSTANT (1) << (field))

static gboolean
citations_refer (GPtrArray *citations,
                 SbEntity  *target)
{
  for (guint i = 0; citations != NULL && i < citations->len; i++)
    if ((SbEntity *) ((SbCitation *) g_ptr_array_index (citations, i))->source == target)
      return TRUE;

  return FALSE;
}

static gboolean
evidence_refers (const SbEvidence *evidence,
                 SbEntity         *target)
{
  return (SbEntity *) evidence->claimed_by == target || citations_refer (evidence->citations, target);
}

static gboolean
figures_refer (GPtrArray *figures,
               SbEntity  *target)
{
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    if (evidence_refers (&((SbFigure *) g_ptr_array_index (figures, i))->evidence, target))
      return TRUE;

  return FALSE;
}

static gboolean
entities_refer (GPtrArray *entities,
                SbEntity  *target)
{
  return entities != NULL && g_ptr_array_find (entities, target, NULL);
}

/**
 * sb_entity_get_referring_fields:
 *
 * Returns: a bit (1 << field) for each field of @self that refers to
 *   @target
 */
guint64
sb_entity_get_referring_fields (SbEntity *self,
                                SbEntity *target)
{
  guint64 fields = 0;

  g_return_val_if_fail (SB_IS_ENTITY (self), 0);
  g_return_val_if_fail (SB_IS_ENTITY (target), 0);

  if (SB_IS_ITEM (self))
    {
      SbItem *item = SB_ITEM (self);

      if ((SbEntity *) item->evidence.claimed_by == target)
        fields |= BIT (SB_ITEM_FIELD_CLAIMED_BY);
      if (citations_refer (item->evidence.citations, target))
        fields |= BIT (SB_ITEM_FIELD_CITATIONS);
      if (figures_refer (_sb_item_peek_extra (item)->figures, target))
        fields |= BIT (SB_ITEM_FIELD_FIGURES);
      if (entities_refer (item->actors, target))
        fields |= BIT (SB_ITEM_FIELD_ACTORS);
      if (entities_refer (_sb_item_peek_extra (item)->targets, target))
        fields |= BIT (SB_ITEM_FIELD_TARGETS);
      if ((SbEntity *) item->place == target)
        fields |= BIT (SB_ITEM_FIELD_PLACE);
      if ((SbEntity *) _sb_item_peek_extra (item)->origin == target)
        fields |= BIT (SB_ITEM_FIELD_ORIGIN);
    }
  else if (SB_IS_ACTOR (self))
    {
      SbActor *actor = SB_ACTOR (self);

      if (figures_refer (actor->figures, target))
        fields |= BIT (SB_ACTOR_FIELD_FIGURES);
      for (guint i = 0; i < actor->relations->len; i++)
        {
          SbRelation *relation = g_ptr_array_index (actor->relations, i);

          if ((SbEntity *) relation->target == target || evidence_refers (&relation->evidence, target))
            fields |= BIT (SB_ACTOR_FIELD_RELATIONS);
        }
      if (citations_refer (actor->citations, target))
        fields |= BIT (SB_ACTOR_FIELD_CITATIONS);
    }
  else if (SB_IS_STEP (self))
    {
      SbStep *step = SB_STEP (self);

      if (entities_refer (step->frame, target))
        fields |= BIT (SB_STEP_FIELD_FRAME);
      if (entities_refer (step->show, target))
        fields |= BIT (SB_STEP_FIELD_SHOW);
      if (entities_refer (step->highlight, target))
        fields |= BIT (SB_STEP_FIELD_HIGHLIGHT);
      if (step->citation != NULL && (SbEntity *) step->citation->source == target)
        fields |= BIT (SB_STEP_FIELD_CITATION);
    }

  return fields;
}

static void
find_in (GPtrArray *entities,
         SbEntity  *target,
         GPtrArray *found)
{
  for (guint i = 0; i < entities->len; i++)
    {
      SbEntity *entity = g_ptr_array_index (entities, i);

      if (entity != target && sb_entity_get_referring_fields (entity, target) != 0)
        g_ptr_array_add (found, g_object_ref (entity));
    }
}

/**
 * sb_briefing_find_references:
 *
 * Returns: (transfer full) (element-type SbEntity): the entities that
 *   refer to @target, in the order of the file
 */
GPtrArray *
sb_briefing_find_references (SbBriefing *self,
                             SbEntity   *target)
{
  GPtrArray *found;

  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (SB_IS_ENTITY (target), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);

  /* Sources, places and steps refer to nothing. */
  if (!SB_IS_STEP (target))
    {
      find_in (self->contents.actors, target, found);
      find_in (self->all_items, target, found);
    }
  find_in (self->contents.steps, target, found);

  return found;
}

static GPtrArray *
citations_without (GPtrArray *citations,
                   SbEntity  *target)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);

  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      SbCitation *citation = g_ptr_array_index (citations, i);

      if ((SbEntity *) citation->source != target)
        g_ptr_array_add (kept, sb_citation_ref (citation));
    }

  return kept;
}

static void
evidence_without (SbEvidence *evidence,
                  SbEntity   *target)
{
  GPtrArray *citations = citations_without (evidence->citations, target);

  g_clear_pointer (&evidence->citations, g_ptr_array_unref);
  evidence->citations = citations;
  if ((SbEntity *) evidence->claimed_by == target)
    evidence->claimed_by = NULL;
}

static GPtrArray *
figures_without (GPtrArray *figures,
                 SbEntity  *target)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);

  for (guint i = 0; i < figures->len; i++)
    {
      SbFigure *figure = sb_figure_copy (g_ptr_array_index (figures, i));

      evidence_without (&figure->evidence, target);
      g_ptr_array_add (kept, figure);
    }

  return kept;
}

static GPtrArray *
relations_without (GPtrArray *relations,
                   SbEntity  *target)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);

  for (guint i = 0; i < relations->len; i++)
    {
      SbRelation *relation = g_ptr_array_index (relations, i);

      if ((SbEntity *) relation->target == target)
        continue;

      relation = sb_relation_copy (relation);
      evidence_without (&relation->evidence, target);
      g_ptr_array_add (kept, relation);
    }

  return kept;
}

/* Unowned entities, as statements hold their actors and steps their ids. */
static GPtrArray *
entities_without (GPtrArray *entities,
                  SbEntity  *target)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < entities->len; i++)
    if (g_ptr_array_index (entities, i) != target)
      g_ptr_array_add (kept, g_ptr_array_index (entities, i));

  return kept;
}

/**
 * sb_entity_get_field_without:
 * @value: an uninitialised GValue
 *
 * Gets what @field of @self would be without its references to @target:
 * citations of it left out, a claim by it or a place that is it unset,
 * relations to it dropped.
 */
void
sb_entity_get_field_without (SbEntity *self,
                             guint     field,
                             SbEntity *target,
                             GValue   *value)
{
  g_auto(GValue) current = G_VALUE_INIT;
  GType type;

  g_return_if_fail (SB_IS_ENTITY (self));

  sb_entity_get_field (self, field, &current);
  type = G_VALUE_TYPE (&current);
  g_value_init (value, type);

  if (type == SB_TYPE_ACTOR || type == SB_TYPE_PLACE)
    {
      if (g_value_get_object (&current) != (gpointer) target)
        g_value_set_object (value, g_value_get_object (&current));
      return;
    }

  if (type == SB_TYPE_CITATION)
    {
      SbCitation *citation = g_value_get_boxed (&current);

      if (citation != NULL && (SbEntity *) citation->source != target)
        g_value_set_boxed (value, citation);
      return;
    }

  g_return_if_fail (type == G_TYPE_PTR_ARRAY);

  if (g_value_get_boxed (&current) == NULL)
    return;

  if ((SB_IS_ITEM (self) && field == SB_ITEM_FIELD_CITATIONS) ||
      (SB_IS_ACTOR (self) && field == SB_ACTOR_FIELD_CITATIONS))
    g_value_take_boxed (value, citations_without (g_value_get_boxed (&current), target));
  else if ((SB_IS_ITEM (self) && field == SB_ITEM_FIELD_FIGURES) ||
           (SB_IS_ACTOR (self) && field == SB_ACTOR_FIELD_FIGURES))
    g_value_take_boxed (value, figures_without (g_value_get_boxed (&current), target));
  else if (SB_IS_ACTOR (self) && field == SB_ACTOR_FIELD_RELATIONS)
    g_value_take_boxed (value, relations_without (g_value_get_boxed (&current), target));
  else
    {
      GPtrArray *kept = entities_without (g_value_get_boxed (&current), target);

      /* A camera framing nothing frames what the step highlights. */
      if (kept->len == 0 && SB_IS_STEP (self) && field == SB_STEP_FIELD_FRAME)
        g_clear_pointer (&kept, g_ptr_array_unref);
      g_value_take_boxed (value, kept);
    }
}
