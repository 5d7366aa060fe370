/* sb-briefing.c
 *
 * A briefing and its lookups: by id, by kind, by actor, and snapshots of
 * it for worker threads. How it changes is in sb-briefing-edit.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-briefing"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sb-array-model.h"
#include "sb-briefing-private.h"

G_DEFINE_FINAL_TYPE (SbBriefing, sb_briefing, G_TYPE_OBJECT)

/* Okabe–Ito hues and darker companions: distinguishable with the common
 * colour-vision deficiencies, dark enough for white outlines, and each
 * at least 3:1 against the light base map's land and sea, which the
 * actor's card asks of a colour (vermilion, bluish green, reddish purple,
 * orange and sky blue darkened: as published, a new actor's colour was
 * "hard to see on the map").
 */
static const guint32 default_palette[] = {
  0x0072b2, 0xb34e00, 0x00795a, 0xa8507f, 0x8f6200, 0x007c85,
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

  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->pending, sb_changes_unref);
  g_clear_pointer (&self->reserved_ids, g_hash_table_unref);
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

guint _sb_briefing_changed_signal;

static void
sb_briefing_class_init (SbBriefingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_briefing_finalize;

  /**
   * SbBriefing::changed:
   * @changes: what was inserted, removed and changed
   *
   * An edit was applied, undone or redone: emitted once for it, after
   * the briefing's lists said which of their items changed.
   */
  _sb_briefing_changed_signal =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SB_TYPE_CHANGES);
}

static void
sb_briefing_init (SbBriefing *self)
{
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

typedef struct
{
  guint64 key;
  SbItem *item;
} DateKey;

static int
compare_date_keys (const void *a,
                   const void *b)
{
  guint64 key_a = ((const DateKey *) a)->key;
  guint64 key_b = ((const DateKey *) b)->key;

  return key_a < key_b ? -1 : key_a > key_b;
}

/* What g_ptr_array_sort (@items, compare_items_by_date) gives, which keeps
 * the order of equals: each item's key is made once, with its place in
 * the array to keep that order, so that sorting a million statements does
 * not reach into two items at each comparison.
 */
static void
sort_items_by_date (GPtrArray *items)
{
  g_autofree DateKey *keys = NULL;

  if (items->len < 2)
    return;
  if (items->len >= 1u << 30)
    {
      g_ptr_array_sort (items, compare_items_by_date);
      return;
    }

  keys = g_new (DateKey, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      SbItem *item = g_ptr_array_index (items, i);
      guint precision = MIN ((guint) item->date.start.precision, SB_DATE_PRECISION_DAY);

      keys[i].key = (guint64) item->first_day << 32 | (guint64) (SB_DATE_PRECISION_DAY - precision) << 30 | i;
      keys[i].item = item;
    }

  qsort (keys, items->len, sizeof *keys, compare_date_keys);
  for (guint i = 0; i < items->len; i++)
    items->pdata[i] = keys[i].item;
}

/* Whether @actor comes earlier in @item's actors than at @position. */
static gboolean
listed_before (SbItem  *item,
               SbActor *actor,
               guint    position)
{
  for (guint i = 0; i < position; i++)
    if (g_ptr_array_index (item->actors, i) == actor)
      return TRUE;

  return FALSE;
}

/**
 * _sb_briefing_index_item:
 *
 * Adds @item to the date-ordered lists of its actors.
 */
void
_sb_briefing_index_item (SbBriefing *self,
                         SbItem     *item)
{
  for (guint j = 0; item->actors != NULL && j < item->actors->len; j++)
    {
      SbActor *actor = g_ptr_array_index (item->actors, j);
      GPtrArray *items;
      guint lo = 0, hi;

      if (actor == NULL || listed_before (item, actor, j))
        continue;

      items = g_hash_table_lookup (self->items_by_actor, actor);
      if (items == NULL)
        {
          items = g_ptr_array_new ();
          g_hash_table_insert (self->items_by_actor, actor, items);
        }

      /* After those that sort equal: as a stable sort would have it. */
      hi = items->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compare_items_by_date (&items->pdata[mid], &item) <= 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      g_ptr_array_insert (items, lo, item);
    }
}

void
_sb_briefing_unindex_item (SbBriefing *self,
                           SbItem     *item)
{
  for (guint j = 0; item->actors != NULL && j < item->actors->len; j++)
    {
      SbActor *actor = g_ptr_array_index (item->actors, j);
      GPtrArray *items = actor ? g_hash_table_lookup (self->items_by_actor, actor) : NULL;

      if (items != NULL && g_ptr_array_remove (items, item) && items->len == 0)
        g_hash_table_remove (self->items_by_actor, actor);
    }
}

/* The days statements cover; undated ones (being written) count for none. */
void
_sb_briefing_update_days (SbBriefing *self)
{
  self->first_day = G_MAXUINT32;
  self->last_day = 0;

  for (guint i = 0; i < self->all_items->len; i++)
    {
      SbItem *item = g_ptr_array_index (self->all_items, i);

      if (!sb_date_is_set (&item->date))
        continue;
      self->first_day = MIN (self->first_day, sb_date_get_first_day (&item->date));
      self->last_day = MAX (self->last_day, sb_date_get_last_day (&item->date, 0));
    }

  if (sb_date_is_set (&self->contents.date))
    self->last_day = MAX (self->last_day, sb_date_get_last_day (&self->contents.date, 0));

  if (self->first_day > self->last_day)
    self->first_day = self->last_day;

  self->days_dirty = FALSE;
}

static void
index_items (SbBriefing *self)
{
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->all_items->len; i++)
    {
      SbItem *item = g_ptr_array_index (self->all_items, i);

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

  g_hash_table_iter_init (&iter, self->items_by_actor);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sort_items_by_date (value);

  _sb_briefing_update_days (self);
}

guint32
_sb_briefing_default_colour (guint index)
{
  return default_palette[index % G_N_ELEMENTS (default_palette)];
}

static void
assign_colours (SbBriefing *self)
{
  guint next = 0;

  for (guint i = 0; i < self->contents.actors->len; i++)
    {
      SbActor *actor = g_ptr_array_index (self->contents.actors, i);

      actor->default_colour = _sb_briefing_default_colour (next);
      if (!actor->has_colour)
        {
          actor->colour = actor->default_colour;
          next++;
        }
    }
}

static void
make_models (SbBriefing *self)
{
  self->sources_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_SOURCE, self->contents.sources));
  self->actors_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_ACTOR, self->contents.actors));
  self->places_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_PLACE, self->contents.places));
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    self->items_models[i] = G_LIST_MODEL (sb_array_model_new (SB_TYPE_ITEM, self->contents.items[i]));
  self->all_items_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_ITEM, self->all_items));
  self->steps_model = G_LIST_MODEL (sb_array_model_new (SB_TYPE_STEP, self->contents.steps));
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

  self->items_by_actor = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  index_items (self);
  assign_colours (self);
  make_models (self);

  return self;
}

/**
 * sb_briefing_new:
 * @language: the language its texts are written in, as "en" or "nl"
 *
 * Returns: (transfer full): a briefing with nothing in it yet but its
 *   language and @title, to be filled by edits
 */
SbBriefing *
sb_briefing_new (const char *language,
                 SbText     *title)
{
  SbBriefingContents contents = { 0, };

  g_return_val_if_fail (language != NULL, NULL);

  contents.language = g_strdup (language);
  contents.title = title ? sb_text_ref (title) : NULL;

  return _sb_briefing_new_take (&contents, _sb_id_table_new ());
}

/**
 * sb_briefing_get_snapshot:
 *
 * A briefing for worker threads: it holds the lists of @self as they are
 * now and never changes them, while @self goes on being edited on the
 * main thread (which copies a list before it first changes it). The
 * entities are shared: a field changed since reads either value, and the
 * edit keeps the old one alive.
 *
 * Returns: (transfer full): the snapshot; @self itself for a snapshot
 */
SbBriefing *
sb_briefing_get_snapshot (SbBriefing *self)
{
  SbBriefing *snapshot;

  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);

  if (self->frozen)
    return g_object_ref (self);
  if (self->snapshot != NULL)
    return g_object_ref (self->snapshot);

  if (self->days_dirty)
    _sb_briefing_update_days (self);

  snapshot = g_object_new (SB_TYPE_BRIEFING, NULL);
  snapshot->frozen = TRUE;
  snapshot->contents.title = self->contents.title ? sb_text_ref (self->contents.title) : NULL;
  snapshot->contents.subtitle = self->contents.subtitle ? sb_text_ref (self->contents.subtitle) : NULL;
  snapshot->contents.description = self->contents.description ? sb_text_ref (self->contents.description) : NULL;
  snapshot->contents.language = g_strdup (self->contents.language);
  snapshot->contents.date = self->contents.date;
  snapshot->contents.authors = g_strdupv (self->contents.authors);
  snapshot->contents.sources = g_ptr_array_ref (self->contents.sources);
  snapshot->contents.actors = g_ptr_array_ref (self->contents.actors);
  snapshot->contents.places = g_ptr_array_ref (self->contents.places);
  for (guint i = 0; i < SB_N_ITEM_KINDS; i++)
    snapshot->contents.items[i] = g_ptr_array_ref (self->contents.items[i]);
  snapshot->contents.steps = g_ptr_array_ref (self->contents.steps);
  snapshot->all_items = g_ptr_array_ref (self->all_items);
  snapshot->by_id = g_hash_table_ref (self->by_id);
  snapshot->items_by_actor = g_hash_table_ref (self->items_by_actor);
  snapshot->first_day = self->first_day;
  snapshot->last_day = self->last_day;
  make_models (snapshot);

  self->shared = SHARED_ALL;
  self->snapshot = g_object_ref (snapshot);

  return snapshot;
}

/**
 * sb_briefing_is_snapshot:
 *
 * Returns: whether @self is a snapshot, which never changes
 */
gboolean
sb_briefing_is_snapshot (SbBriefing *self)
{
  g_return_val_if_fail (SB_IS_BRIEFING (self), FALSE);

  return self->frozen;
}

/**
 * sb_briefing_get_field:
 * @value: an uninitialised GValue
 *
 * Gets one of the briefing's own fields (title, language, …).
 */
void
sb_briefing_get_field (SbBriefing      *self,
                       SbBriefingField  field,
                       GValue          *value)
{
  g_return_if_fail (SB_IS_BRIEFING (self));
  g_return_if_fail (value != NULL);

  g_value_init (value, sb_field_get_value_type (SB_TYPE_BRIEFING, field));
  switch (field)
    {
    case SB_BRIEFING_FIELD_TITLE:
      g_value_set_boxed (value, self->contents.title);
      break;
    case SB_BRIEFING_FIELD_SUBTITLE:
      g_value_set_boxed (value, self->contents.subtitle);
      break;
    case SB_BRIEFING_FIELD_DESCRIPTION:
      g_value_set_boxed (value, self->contents.description);
      break;
    case SB_BRIEFING_FIELD_LANGUAGE:
      g_value_set_string (value, self->contents.language);
      break;
    case SB_BRIEFING_FIELD_DATE:
      g_value_set_boxed (value, &self->contents.date);
      break;
    case SB_BRIEFING_FIELD_AUTHORS:
      g_value_set_boxed (value, self->contents.authors);
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * sb_briefing_make_id:
 * @prefix: what the id starts with, as "incident"
 *
 * Returns: (transfer full): an id no entity of the briefing has, nor any
 *   made before for an entity not added yet
 */
char *
sb_briefing_make_id (SbBriefing *self,
                     const char *prefix)
{
  char *id = NULL;
  guint n;

  g_return_val_if_fail (SB_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  if (self->reserved_ids == NULL)
    self->reserved_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  n = g_hash_table_size (self->by_id) + 1;
  do
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", prefix, n++);
    }
  while (_sb_id_table_contains (self->by_id, id) || g_hash_table_contains (self->reserved_ids, id));

  g_hash_table_add (self->reserved_ids, g_strdup (id));
  return id;
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

  return _sb_id_table_lookup (self->by_id, id);
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

  if (self->days_dirty)
    _sb_briefing_update_days (self);

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

  if (self->days_dirty)
    _sb_briefing_update_days (self);

  return self->last_day;
}

/**
 * sb_briefing_has_independent_sources:
 *
 * Returns: whether the briefing's sources come from more than one
 *   publisher; only then does it tell single-source statements apart
 */
gboolean
sb_briefing_has_independent_sources (SbBriefing *self)
{
  GListModel *sources;
  g_autoptr(SbSource) first = NULL;
  guint n;

  g_return_val_if_fail (SB_IS_BRIEFING (self), FALSE);

  sources = sb_briefing_get_sources (self);
  n = g_list_model_get_n_items (sources);
  if (n < 2)
    return FALSE;

  first = g_list_model_get_item (sources, 0);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SbSource) other = g_list_model_get_item (sources, i);

      if (!sb_source_same_publisher (first, other))
        return TRUE;
    }

  return FALSE;
}
