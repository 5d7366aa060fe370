/* sb-briefing.c
 *
 * A loaded briefing and its lookups: by id, by kind, by actor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-briefing"

#include "config.h"

#include <string.h>

#include "sb-array-model.h"
#include "sb-model-private.h"

struct _SbBriefing
{
  GObject parent_instance;

  SbBriefingContents contents;

  GHashTable *by_id;             /* id → unowned SbEntity */
  GHashTable *items_by_actor;    /* unowned SbActor → GPtrArray of SbItem, by date */
  GPtrArray *all_items;
  GListModel *sources_model;
  GListModel *actors_model;
  GListModel *places_model;
  GListModel *items_models[SB_N_ITEM_KINDS];
  GListModel *all_items_model;
  GListModel *steps_model;
  guint32 first_day;
  guint32 last_day;
};

G_DEFINE_FINAL_TYPE (SbBriefing, sb_briefing, G_TYPE_OBJECT)

/* Okabe–Ito hues and darker companions: distinguishable with the common
 * colour-vision deficiencies, and dark enough for white outlines.
 */
static const guint32 default_palette[] = {
  0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0xe69f00, 0x56b4e9,
  0x6a3d9a, 0x8c6d31, 0x1b7837, 0xb2182b, 0x4d4d4d, 0x2166ac,
};

void
_sb_briefing_contents_clear (SbBriefingContents *contents)
{
  g_clear_pointer (&contents->title, sb_text_unref);
  g_clear_pointer (&contents->subtitle, sb_text_unref);
  g_clear_pointer (&contents->description, sb_text_unref);
  g_clear_pointer (&contents->language, g_free);
  g_clear_pointer (&contents->authors, g_strfreev);
  g_clear_pointer (&contents->sources, g_ptr_array_unref);
  g_clear_pointer (&contents->actors, g_ptr_array_unref);
  g_clear_pointer (&contents->places, g_ptr_array_unref);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    g_clear_pointer (&contents->items[i], g_ptr_array_unref);
  g_clear_pointer (&contents->steps, g_ptr_array_unref);
}

static void
sb_briefing_finalize (GObject *object)
{
  SbBriefing *self = (SbBriefing *)object;

  g_clear_object (&self->sources_model);
  g_clear_object (&self->actors_model);
  g_clear_object (&self->places_model);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    g_clear_object (&self->items_models[i]);
  g_clear_object (&self->all_items_model);
  g_clear_object (&self->steps_model);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items_by_actor, g_hash_table_unref);
  g_clear_pointer (&self->all_items, g_ptr_array_unref);
  _sb_briefing_contents_clear (&self->contents);

  G_OBJECT_CLASS (sb_briefing_parent_class)->finalize (object);
}

static void
sb_briefing_class_init (SbBriefingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_briefing_finalize;
}

static void
sb_briefing_init (SbBriefing *self)
{
  self->items_by_actor = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static int
compare_items_by_date (gconstpointer a,
                       gconstpointer b)
{
  SbItem *item_a = *(SbItem **) a;
  SbItem *item_b = *(SbItem **) b;

  if (item_a->first_day != item_b->first_day)
    return item_a->first_day < item_b->first_day ? -1 : 1;

  /* The more precise first: "15 August" before "August". */
  return (int) item_b->date.start.precision - (int) item_a->date.start.precision;
}

static void
index_items (SbBriefing *self)
{
  self->first_day = G_MAXUINT32;
  self->last_day = 0;

  for (guint i = 0; i < self->all_items->len; i++)
    {
      SbItem *item = g_ptr_array_index (self->all_items, i);

      self->first_day = MIN (self->first_day, sb_date_get_first_day (&item->date));
      self->last_day = MAX (self->last_day, sb_date_get_last_day (&item->date, 0));

      for (guint j = 0; item->actors != NULL && j < item->actors->len; j++)
        {
          SbActor *actor = g_ptr_array_index (item->actors, j);
          GPtrArray *items = g_hash_table_lookup (self->items_by_actor, actor);

          if (items == NULL)
            {
              items = g_ptr_array_new ();
              g_hash_table_insert (self->items_by_actor, actor, items);
            }

          if (items->len == 0 || g_ptr_array_index (items, items->len - 1) != item)
            g_ptr_array_add (items, item);
        }
    }

  if (sb_date_is_set (&self->contents.date))
    self->last_day = MAX (self->last_day, sb_date_get_last_day (&self->contents.date, 0));

  if (self->first_day > self->last_day)
    self->first_day = self->last_day;

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->items_by_actor);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (value, compare_items_by_date);
  }
}

static void
assign_colours (SbBriefing *self)
{
  guint next = 0;

  for (guint i = 0; i < self->contents.actors->len; i++)
    {
      SbActor *actor = g_ptr_array_index (self->contents.actors, i);

      if (!actor->has_colour)
        actor->colour = default_palette[next++ % G_N_ELEMENTS (default_palette)];
    }
}

/**
 * _sb_briefing_new_take:
 * @contents: what the loader read, all references resolved; emptied
 * @by_id: (transfer full): id → entity for everything in @contents, keyed
 *   by the entities' own id strings
 */
SbBriefing *
_sb_briefing_new_take (SbBriefingContents *contents,
                       GHashTable         *by_id)
{
  SbBriefing *self = g_object_new (SB_TYPE_BRIEFING, NULL);

  self->by_id = by_id;

  self->contents = *contents;
  memset (contents, 0, sizeof *contents);

#define ENSURE_ARRAY(a) if ((a) == NULL) (a) = g_ptr_array_new_with_free_func (g_object_unref)
  ENSURE_ARRAY (self->contents.sources);
  ENSURE_ARRAY (self->contents.actors);
  ENSURE_ARRAY (self->contents.places);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    ENSURE_ARRAY (self->contents.items[i]);
  ENSURE_ARRAY (self->contents.steps);
#undef ENSURE_ARRAY

  self->all_items = g_ptr_array_new ();
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    g_ptr_array_extend (self->all_items, self->contents.items[i], NULL, NULL);

  index_items (self);
  assign_colours (self);

  self->sources_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_SOURCE, self->contents.sources));
  self->actors_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_ACTOR, self->contents.actors));
  self->places_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_PLACE, self->contents.places));
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    self->items_models[i] = G_LIST_MODEL (sb_array_model_new (SB_TYPE_ITEM, self->contents.items[i]));
  self->all_items_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_ITEM, self->all_items));
  self->steps_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_STEP, self->contents.steps));

  return self;
}

const SbBriefingContents *
_sb_briefing_get_contents (SbBriefing *self)
{
  return &self->contents;
}

SbText *
sb_briefing_get_title (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->contents.title;
}

SbText *
sb_briefing_get_subtitle (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->contents.subtitle;
}

SbText *
sb_briefing_get_description (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->contents.description;
}

const char *
sb_briefing_get_language (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->contents.language;
}

const SbDate *
sb_briefing_get_date (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return &self->contents.date;
}

const char * const *
sb_briefing_get_authors (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return (const char * const *) self->contents.authors;
}

GListModel *
sb_briefing_get_sources (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->sources_model;
}

GListModel *
sb_briefing_get_actors (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->actors_model;
}

GListModel *
sb_briefing_get_places (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->places_model;
}

GListModel *
sb_briefing_get_items (SbBriefing *self,
                       SbItemKind  kind)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (kind < SB_N_ITEM_KINDS, NULL);

  return self->items_models[kind];
}

/**
 * sb_briefing_get_all_items:
 *
 * Returns: (transfer none): every statement: deployments, movements,
 *   incidents, then areas
 */
GListModel *
sb_briefing_get_all_items (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->all_items_model;
}

GListModel *
sb_briefing_get_steps (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  return self->steps_model;
}

/**
 * sb_briefing_lookup:
 *
 * Returns: (transfer none) (nullable): the source, actor, place,
 *   statement or step with that id
 */
SbEntity *
sb_briefing_lookup (SbBriefing *self,
                    const char *id)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * sb_briefing_get_items_for_actor:
 *
 * Returns: (transfer none) (nullable): the statements @actor takes part
 *   in, in date order, or %NULL if there are none
 */
GPtrArray *
sb_briefing_get_items_for_actor (SbBriefing *self,
                                 SbActor    *actor)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (SB_IS_ACTOR (actor), NULL);

  return g_hash_table_lookup (self->items_by_actor, actor);
}

/**
 * sb_briefing_get_first_day:
 *
 * Returns: the Julian day of the earliest day a statement may cover
 */
guint32
sb_briefing_get_first_day (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), 0);

  return self->first_day;
}

/**
 * sb_briefing_get_last_day:
 *
 * Returns: the Julian day of the latest day a statement or the briefing's
 *   own date may cover; open spans ("since 2015") run to it
 */
guint32
sb_briefing_get_last_day (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), 0);

  return self->last_day;
}
