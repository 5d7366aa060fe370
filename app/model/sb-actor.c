/* sb-actor.c
 *
 * An actor of the briefing: its names, kind, colour, summary, figures and
 * relations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-actor"

#include "config.h"

#include "sb-model-private.h"

G_DEFINE_FINAL_TYPE (SbActor, sb_actor, SB_TYPE_ENTITY)

static const char *
sb_actor_get_label (SbEntity *entity)
{
  return sb_text_get (SB_ACTOR (entity)->name);
}

static void
sb_actor_finalize (GObject *object)
{
  SbActor *self = (SbActor *)object;

  g_clear_pointer (&self->name, sb_text_unref);
  g_clear_pointer (&self->short_name, sb_text_unref);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->affiliation, sb_text_unref);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->summary, sb_text_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_actor_parent_class)->finalize (object);
}

static void
sb_actor_class_init (SbActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SbEntityClass *entity_class = SB_ENTITY_CLASS (klass);

  object_class->finalize = sb_actor_finalize;
  entity_class->get_label = sb_actor_get_label;
}

static void
sb_actor_init (SbActor *self)
{
  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);
  self->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
}

SbActor *
_sb_actor_new (const char *id)
{
  SbActor *self = g_object_new (SB_TYPE_ACTOR, NULL);

  _sb_entity_set_id (SB_ENTITY (self), id);
  return self;
}

SbText *
sb_actor_get_name (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->name;
}

SbText *
sb_actor_get_short_name (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->short_name;
}

/* The short name where there is one: map labels must stay small. */
const char *
sb_actor_get_map_label (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return sb_text_get (self->short_name ? self->short_name : self->name);
}

const char * const *
sb_actor_get_aliases (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return (const char * const *) self->aliases;
}

SbActorKind
sb_actor_get_kind (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), 0);

  return self->kind;
}

SbText *
sb_actor_get_affiliation (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->affiliation;
}

const char *
sb_actor_get_country (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->country;
}

/**
 * sb_actor_get_colour:
 *
 * Returns: the colour as 0xRRGGBB; the briefing assigns one to actors
 *   whose file gives none
 */
guint32
sb_actor_get_colour (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), 0);

  return self->colour;
}

gboolean
sb_actor_has_colour (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), FALSE);

  return self->has_colour;
}

SbText *
sb_actor_get_summary (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->summary;
}

GPtrArray *
sb_actor_get_figures (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->figures;
}

/**
 * sb_actor_get_strength:
 *
 * Returns: (nullable): the most recent strength figure
 */
const SbFigure *
sb_actor_get_strength (SbActor *self)
{
  const SbFigure *latest = NULL;

  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  for (guint i = 0; i < self->figures->len; i++)
    {
      const SbFigure *figure = g_ptr_array_index (self->figures, i);

      if (figure->measure != SB_FIGURE_MEASURE_STRENGTH)
        continue;

      if (latest == NULL ||
          sb_date_get_last_day (&figure->as_of, 0) > sb_date_get_last_day (&latest->as_of, 0))
        latest = figure;
    }

  return latest;
}

GPtrArray *
sb_actor_get_relations (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->relations;
}

GPtrArray *
sb_actor_get_citations (SbActor *self)
{
  g_return_val_if_fail (SB_IS_ACTOR (self), NULL);

  return self->citations;
}
