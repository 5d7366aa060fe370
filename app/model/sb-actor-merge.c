/* sb-actor-merge.c
 *
 * Merging two actors: every reference to the one merged (statements'
 * actors and claims, figures' claims, relations, steps) moves to the one
 * that stays; the merged one's names become other names of it, and its
 * figures, relations, citations and the texts it alone has go with them.
 * One edit, undone as one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-actor-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-actor-merge.h"
#include "sb-briefing-private.h"
#include "sb-edit-private.h"
#include "sb-references.h"

typedef struct
{
  SbActor *merged;
  SbActor *survivor;
} Move;

static void
evidence_moved (const Move *move,
                SbEvidence *evidence)
{
  if (evidence->claimed_by == move->merged)
    evidence->claimed_by = move->survivor;
}

/* @first, then those of @more it lacks. */
static GPtrArray *
figures_moved (const Move *move,
               GPtrArray  *first,
               GPtrArray  *more)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_free);
  GPtrArray *lists[] = { first, more };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        g_autoptr(SbFigure) figure = sb_figure_copy (g_ptr_array_index (lists[l], i));
        gboolean known = FALSE;

        evidence_moved (move, &figure->evidence);
        for (guint k = 0; k < kept->len && !known; k++)
          known = sb_figure_equal (g_ptr_array_index (kept, k), figure);
        if (!known)
          g_ptr_array_add (kept, g_steal_pointer (&figure));
      }

  return kept;
}

/* Relations of @owner: to the merged actor they are to the survivor; to
 * itself, or twice the same, they go.
 */
static GPtrArray *
relations_moved (const Move *move,
                 SbActor    *owner,
                 GPtrArray  *first,
                 GPtrArray  *more)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_relation_free);
  GPtrArray *lists[] = { first, more };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        g_autoptr(SbRelation) relation = sb_relation_copy (g_ptr_array_index (lists[l], i));
        gboolean known = FALSE;

        if (relation->target == move->merged)
          relation->target = move->survivor;
        evidence_moved (move, &relation->evidence);
        if (relation->target == owner)
          continue;
        for (guint k = 0; k < kept->len && !known; k++)
          known = sb_relation_equal (g_ptr_array_index (kept, k), relation);
        if (!known)
          g_ptr_array_add (kept, g_steal_pointer (&relation));
      }

  return kept;
}

static GPtrArray *
citations_joined (GPtrArray *first,
                  GPtrArray *more)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  GPtrArray *lists[] = { first, more };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        SbCitation *citation = g_ptr_array_index (lists[l], i);
        gboolean known = FALSE;

        for (guint k = 0; k < kept->len && !known; k++)
          known = sb_citation_equal (g_ptr_array_index (kept, k), citation);
        if (!known)
          g_ptr_array_add (kept, sb_citation_ref (citation));
      }

  return kept;
}

/* Unowned entities, as statements hold their actors and steps their ids;
 * the survivor once, where the first of the two was.
 */
static GPtrArray *
entities_moved (const Move *move,
                GPtrArray  *entities)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < entities->len; i++)
    {
      gpointer entity = g_ptr_array_index (entities, i);

      if (entity == (gpointer) move->merged)
        entity = move->survivor;
      if (!g_ptr_array_find (kept, entity, NULL))
        g_ptr_array_add (kept, entity);
    }

  return kept;
}

/* @field of @entity, another than the two, with its references moved. */
static void
field_moved (const Move *move,
             SbEntity   *entity,
             guint       field,
             GValue     *value)
{
  g_auto(GValue) current = G_VALUE_INIT;
  GPtrArray *array;

  sb_entity_get_field (entity, field, &current);
  g_value_init (value, G_VALUE_TYPE (&current));

  if (G_VALUE_HOLDS (&current, SB_TYPE_ACTOR))
    {
      g_value_set_object (value, g_value_get_object (&current) == (gpointer) move->merged
                                 ? move->survivor : g_value_get_object (&current));
      return;
    }

  g_return_if_fail (G_VALUE_HOLDS (&current, G_TYPE_PTR_ARRAY));
  array = g_value_get_boxed (&current);
  if (array == NULL)
    return;

  if ((SB_IS_ITEM (entity) && field == SB_ITEM_FIELD_FIGURES) ||
      (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_FIGURES))
    g_value_take_boxed (value, figures_moved (move, array, NULL));
  else if (SB_IS_ACTOR (entity) && field == SB_ACTOR_FIELD_RELATIONS)
    g_value_take_boxed (value, relations_moved (move, SB_ACTOR (entity), array, NULL));
  else if ((SB_IS_ITEM (entity) && (field == SB_ITEM_FIELD_ACTORS || field == SB_ITEM_FIELD_TARGETS)) ||
           SB_IS_STEP (entity))
    g_value_take_boxed (value, entities_moved (move, array));
  else
    g_value_set_boxed (value, array);  /* citations refer to sources only */
}

static gboolean
strv_has (GPtrArray  *strings,
          const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), string) == 0)
      return TRUE;

  return FALSE;
}

static void
add_text_strings (GPtrArray *strings,
                  SbText    *text)
{
  for (guint i = 0; text != NULL && i < sb_text_get_n_languages (text); i++)
    g_ptr_array_add (strings, (gpointer) sb_text_get_string_at (text, i));
}

/* The survivor's other names, with every name of the merged one it does
 * not have yet.
 */
static char **
aliases_joined (SbActor *survivor,
                SbActor *merged)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  g_autoptr(GPtrArray) offered = g_ptr_array_new ();
  GPtrArray *aliases = g_ptr_array_new ();

  add_text_strings (own, survivor->name);
  add_text_strings (own, survivor->short_name);
  for (guint i = 0; survivor->aliases != NULL && survivor->aliases[i] != NULL; i++)
    g_ptr_array_add (aliases, g_strdup (survivor->aliases[i]));

  add_text_strings (offered, merged->name);
  add_text_strings (offered, merged->short_name);
  for (guint i = 0; merged->aliases != NULL && merged->aliases[i] != NULL; i++)
    g_ptr_array_add (offered, merged->aliases[i]);

  for (guint i = 0; i < offered->len; i++)
    {
      const char *name = g_ptr_array_index (offered, i);

      if (name != NULL && *name != '\0' && !strv_has (own, name) && !strv_has (aliases, name))
        g_ptr_array_add (aliases, g_strdup (name));
    }

  g_ptr_array_add (aliases, NULL);
  return (char **) g_ptr_array_free (aliases, FALSE);
}

/* The survivor's text, with the languages only the merged one has. */
static SbText *
text_joined (SbText *first,
             SbText *more)
{
  SbText *joined = first ? sb_text_ref (first) : NULL;

  for (guint i = 0; more != NULL && i < sb_text_get_n_languages (more); i++)
    {
      const char *language = sb_text_get_language_at (more, i);

      if (joined == NULL || sb_text_get_for_language (joined, language) == NULL)
        {
          SbText *with = sb_text_copy_with (joined, language, sb_text_get_string_at (more, i));

          g_clear_pointer (&joined, sb_text_unref);
          joined = with;
        }
    }

  return joined;
}

static void
add_set (SbEdit       *group,
         SbEntity     *entity,
         guint         field,
         const GValue *value)
{
  g_auto(GValue) current = G_VALUE_INIT;

  sb_entity_get_field (entity, field, &current);
  if (G_VALUE_HOLDS (value, G_TYPE_STRV)
      ? g_strv_equal ((const char * const *) g_value_get_boxed (&current) ?: (const char *[]) { NULL },
                      (const char * const *) g_value_get_boxed (value) ?: (const char *[]) { NULL })
      : g_value_get_boxed (&current) == g_value_get_boxed (value))
    return;

  sb_edit_group_add (group, sb_edit_new_set (entity, field, value));
}

static void
add_survivor_sets (SbEdit     *group,
                   const Move *move)
{
  SbActor *survivor = move->survivor, *merged = move->merged;
  SbEntity *entity = SB_ENTITY (survivor);
  g_auto(GValue) aliases = G_VALUE_INIT;
  g_auto(GValue) figures = G_VALUE_INIT;
  g_auto(GValue) relations = G_VALUE_INIT;
  g_auto(GValue) citations = G_VALUE_INIT;
  g_auto(GValue) summary = G_VALUE_INIT;
  g_auto(GValue) affiliation = G_VALUE_INIT;

  g_value_init (&aliases, G_TYPE_STRV);
  g_value_take_boxed (&aliases, aliases_joined (survivor, merged));
  add_set (group, entity, SB_ACTOR_FIELD_ALIASES, &aliases);

  g_value_init (&figures, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (&figures, figures_moved (move, survivor->figures, merged->figures));
  sb_edit_group_add (group, sb_edit_new_set (entity, SB_ACTOR_FIELD_FIGURES, &figures));

  g_value_init (&relations, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (&relations, relations_moved (move, survivor, survivor->relations, merged->relations));
  sb_edit_group_add (group, sb_edit_new_set (entity, SB_ACTOR_FIELD_RELATIONS, &relations));

  g_value_init (&citations, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (&citations, citations_joined (survivor->citations, merged->citations));
  sb_edit_group_add (group, sb_edit_new_set (entity, SB_ACTOR_FIELD_CITATIONS, &citations));

  g_value_init (&summary, SB_TYPE_TEXT);
  g_value_take_boxed (&summary, text_joined (survivor->summary, merged->summary));
  add_set (group, entity, SB_ACTOR_FIELD_SUMMARY, &summary);

  g_value_init (&affiliation, SB_TYPE_TEXT);
  g_value_take_boxed (&affiliation, text_joined (survivor->affiliation, merged->affiliation));
  add_set (group, entity, SB_ACTOR_FIELD_AFFILIATION, &affiliation);

  if (survivor->country == NULL && merged->country != NULL)
    sb_edit_group_add (group, sb_edit_new_set_string (entity, SB_ACTOR_FIELD_COUNTRY, merged->country));
}

/**
 * sb_edit_new_merge_actors:
 * @survivor: the actor that stays
 * @merged: the actor that goes into it
 *
 * Returns: (transfer full): an edit that moves every reference to
 *   @merged to @survivor, gives @survivor @merged's names as other names
 *   and its figures, relations, citations and the texts it lacks, and
 *   removes @merged; applying it selects @survivor
 */
SbEdit *
sb_edit_new_merge_actors (SbBriefing *briefing,
                          SbActor    *survivor,
                          SbActor    *merged)
{
  g_autoptr(GPtrArray) referrers = NULL;
  g_autofree char *half = NULL;
  g_autofree char *label = NULL;
  Move move = { merged, survivor };
  SbEdit *group;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (SB_IS_ACTOR (survivor), NULL);
  g_return_val_if_fail (SB_IS_ACTOR (merged), NULL);
  g_return_val_if_fail (survivor != merged, NULL);

  /* TRANSLATORS: an edit to undo: "Merge “Wagner Group (Russia)” into “Wagner Group”" */
  half = _sb_edit_format_label (_("Merge “%s” into “%s”"), SB_ENTITY (merged));
  label = _sb_edit_format_label (half, SB_ENTITY (survivor));
  group = sb_edit_new_group (label);

  add_survivor_sets (group, &move);

  referrers = sb_briefing_find_references (briefing, SB_ENTITY (merged));
  for (guint i = 0; i < referrers->len; i++)
    {
      SbEntity *referrer = g_ptr_array_index (referrers, i);
      guint64 fields = sb_entity_get_referring_fields (referrer, SB_ENTITY (merged));

      if (referrer == SB_ENTITY (survivor))
        continue;

      for (guint field = 0; field < 64; field++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          if ((fields & (G_GUINT64_CONSTANT (1) << field)) == 0)
            continue;
          field_moved (&move, referrer, field, &value);
          sb_edit_group_add (group, sb_edit_new_set (referrer, field, &value));
        }
    }

  sb_edit_group_add (group, _sb_edit_new_remove_only (SB_ENTITY (merged)));
  sb_edit_set_select (group, SB_ENTITY (survivor));

  return group;
}
