/* sb-gazetteer.c
 *
 * The gazetteer is a small tab-separated file made by
 * build-aux/make-gazetteer (data/gazetteer/): kind, name, other names,
 * latitude, longitude, country, rank, reach. It is read once; searching
 * goes through every entry, which for 1,300 entries is quicker than a key
 * press.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-gazetteer"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sb-actor.h"
#include "sb-changes.h"
#include "sb-gazetteer.h"

#define GAZETTEER_RESOURCE "/com/example/SahelBrief/gazetteer/gazetteer.tsv"

struct _SbGazetteer
{
  GObject parent_instance;

  GPtrArray *entries;      /* of SbGazetteerEntry, countries, towns, regions, by rank */
  GPtrArray *folded;       /* per entry, a NULL-terminated char** of folded names */
  SbNameMatcher *matcher;
  GHashTable *countries;   /* ISO code → country entry (unowned) */
};

G_DEFINE_FINAL_TYPE (SbGazetteer, sb_gazetteer, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (SbGazetteerEntry, sb_gazetteer_entry, sb_gazetteer_entry_copy, sb_gazetteer_entry_free)

SbGazetteerEntry *
sb_gazetteer_entry_copy (const SbGazetteerEntry *self)
{
  SbGazetteerEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->other_names = g_strdupv (self->other_names);
  copy->country = g_strdup (self->country);
  copy->country_code = g_strdup (self->country_code);
  copy->place = self->place ? g_object_ref (self->place) : NULL;
  return copy;
}

void
sb_gazetteer_entry_free (SbGazetteerEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_strfreev (self->other_names);
  g_free (self->country);
  g_free (self->country_code);
  g_clear_object (&self->place);
  g_free (self);
}

/**
 * sb_gazetteer_entry_get_precision:
 *
 * Returns: how precisely a statement placed at @self is known, as far as
 *   the gazetteer can say: a town is a point, a region a region, a country
 *   a country; a briefing's place a country or region when it is one,
 *   near when it names a town the gazetteer lacks, known only to be near
 *   somewhere, otherwise a point: that one statement was only known to be
 *   near a town says nothing of the next one placed there
 */
SbPlacePrecision
sb_gazetteer_entry_get_precision (const SbGazetteerEntry *self)
{
  SbPlacePrecision own;

  g_return_val_if_fail (self != NULL, SB_PLACE_PRECISION_POINT);

  switch (self->kind)
    {
    case SB_GAZETTEER_BRIEFING:
      if (self->near_only)
        return SB_PLACE_PRECISION_NEAR;
      own = self->place ? sb_place_get_precision (self->place) : SB_PLACE_PRECISION_POINT;
      return own == SB_PLACE_PRECISION_COUNTRY || own == SB_PLACE_PRECISION_REGION ? own : SB_PLACE_PRECISION_POINT;
    case SB_GAZETTEER_COUNTRY:
      return SB_PLACE_PRECISION_COUNTRY;
    case SB_GAZETTEER_REGION:
      return SB_PLACE_PRECISION_REGION;
    case SB_GAZETTEER_PLACE:
    default:
      return SB_PLACE_PRECISION_POINT;
    }
}

static void
sb_gazetteer_finalize (GObject *object)
{
  SbGazetteer *self = SB_GAZETTEER (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  g_clear_pointer (&self->matcher, sb_name_matcher_free);
  g_clear_pointer (&self->countries, g_hash_table_unref);

  G_OBJECT_CLASS (sb_gazetteer_parent_class)->finalize (object);
}

static void
sb_gazetteer_class_init (SbGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_gazetteer_finalize;
}

static void
sb_gazetteer_init (SbGazetteer *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_gazetteer_entry_free);
  self->folded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
parse_kind (const char      *text,
            SbGazetteerKind *kind)
{
  if (g_str_equal (text, "country"))
    *kind = SB_GAZETTEER_COUNTRY;
  else if (g_str_equal (text, "region"))
    *kind = SB_GAZETTEER_REGION;
  else if (g_str_equal (text, "place"))
    *kind = SB_GAZETTEER_PLACE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_double (const char *text,
              double      low,
              double      high,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value) && *value >= low && *value <= high;
}

/* Countries first, then towns before the regions named after them (the
 * Gao of an article is the town), each by rank.
 */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SbGazetteerEntry *x = *(SbGazetteerEntry **) a;
  const SbGazetteerEntry *y = *(SbGazetteerEntry **) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static char **
fold_names (const SbGazetteerEntry *entry)
{
  GPtrArray *folded = g_ptr_array_new ();

  g_ptr_array_add (folded, sb_name_fold (entry->name));
  for (guint i = 0; entry->other_names && entry->other_names[i]; i++)
    g_ptr_array_add (folded, sb_name_fold (entry->other_names[i]));
  g_ptr_array_add (folded, NULL);
  return (char **) g_ptr_array_free (folded, FALSE);
}

/**
 * sb_gazetteer_new_from_bytes:
 * @tsv: the gazetteer file's contents
 *
 * Returns: (transfer full): the gazetteer, or %NULL with @error naming
 *   the first line that is not an entry
 */
SbGazetteer *
sb_gazetteer_new_from_bytes (GBytes  *tsv,
                             GError **error)
{
  g_autoptr(SbGazetteer) self = g_object_new (SB_TYPE_GAZETTEER, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (tsv != NULL, NULL);

  data = g_bytes_get_data (tsv, &size);
  text = g_strndup (data, size);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The gazetteer is not UTF-8 text");
      return NULL;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(SbGazetteerEntry) entry = g_new0 (SbGazetteerEntry, 1);
      double rank;

      if (lines[n][0] == '\0' || lines[n][0] == '#')
        continue;
      fields = g_strsplit (lines[n], "\t", -1);
      if (g_strv_length (fields) < 8 || g_strv_length (fields) > 9 || !parse_kind (fields[0], &entry->kind) || fields[1][0] == '\0' ||
          !parse_double (fields[3], -90, 90, &entry->latitude) ||
          !parse_double (fields[4], -180, 180, &entry->longitude) ||
          !parse_double (fields[6], 0, 100, &rank) ||
          !parse_double (fields[7], 0, 40000, &entry->reach_km))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Line %u of the gazetteer is not kind, name, other names, latitude, longitude, "
                       "country, rank, reach and a country's code separated by tabs", n + 1);
          return NULL;
        }
      entry->name = g_strdup (fields[1]);
      entry->other_names = fields[2][0] ? g_strsplit (fields[2], "|", -1) : NULL;
      entry->country = fields[5][0] ? g_strdup (fields[5]) : NULL;
      entry->country_code = fields[8] && fields[8][0] ? g_strdup (fields[8]) : NULL;
      entry->rank = (int) rank;
      g_ptr_array_add (self->entries, g_steal_pointer (&entry));
    }

  g_ptr_array_sort (self->entries, compare_entries);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SbGazetteerEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->kind == SB_GAZETTEER_COUNTRY && entry->country)
        g_hash_table_insert (self->countries, entry->country, entry);
    }
  self->matcher = sb_name_matcher_new (TRUE);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SbGazetteerEntry *entry = g_ptr_array_index (self->entries, i);
      SbGazetteerEntry *country = entry->country ? g_hash_table_lookup (self->countries, entry->country) : NULL;

      /* A town or region written as briefings write countries: "NER". */
      if (entry->country_code == NULL && country != NULL)
        entry->country_code = g_strdup (country->country_code);
      g_ptr_array_add (self->folded, fold_names (entry));
      sb_name_matcher_add (self->matcher, entry->name, entry);
      for (guint k = 0; entry->other_names && entry->other_names[k]; k++)
        sb_name_matcher_add (self->matcher, entry->other_names[k], entry);
    }

  return g_steal_pointer (&self);
}

/**
 * sb_gazetteer_get_default:
 *
 * Returns: (transfer none): the gazetteer built into the app; it lives as
 *   long as the process
 */
SbGazetteer *
sb_gazetteer_get_default (void)
{
  static gsize gazetteer;

  if (g_once_init_enter (&gazetteer))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (GAZETTEER_RESOURCE, 0, &error);
      SbGazetteer *loaded = bytes ? sb_gazetteer_new_from_bytes (bytes, &error) : NULL;

      /* Built in: a missing one is a broken build, but placing by hand
       * still works with an empty gazetteer.
       */
      if (loaded == NULL)
        {
          g_warning ("The built-in gazetteer could not be read: %s", error->message);
          loaded = g_object_new (SB_TYPE_GAZETTEER, NULL);
          loaded->matcher = sb_name_matcher_new (TRUE);
        }
      g_once_init_leave (&gazetteer, (gsize) loaded);
    }
  return (SbGazetteer *) gazetteer;
}

guint
sb_gazetteer_get_n_entries (SbGazetteer *self)
{
  g_return_val_if_fail (SB_IS_GAZETTEER (self), 0);

  return self->entries->len;
}

/* 0: the name is the query; 1: it starts with it; 2: one of its later
 * words does; -1: no match.
 */
static int
match_quality (const char *folded_name,
               const char *query)
{
  const char *p;

  if (g_str_equal (folded_name, query))
    return 0;
  if (g_str_has_prefix (folded_name, query))
    return 1;
  for (p = strchr (folded_name, ' '); p != NULL; p = strchr (p + 1, ' '))
    if (g_str_has_prefix (p + 1, query))
      return 2;
  return -1;
}

static int
best_quality (char       **folded_names,
              const char  *query)
{
  int best = -1;

  for (guint i = 0; folded_names[i]; i++)
    {
      int quality = match_quality (folded_names[i], query);

      if (quality >= 0 && (best < 0 || quality < best))
        best = quality;
    }
  return best;
}

typedef struct
{
  int quality;
  gboolean elsewhere;  /* far from what the briefing is about */
  guint order;
  SbGazetteerEntry *entry;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a;
  const Hit *y = b;

  if (x->quality != y->quality)
    return x->quality - y->quality;
  if (x->elsewhere != y->elsewhere)
    return x->elsewhere ? 1 : -1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static double distance_km (double lat1, double lon1, double lat2, double lon2);

/* Whether a town of the gazetteer has @name within @within_km of a point. */
static gboolean
has_town_near (SbGazetteer *self,
               const char  *name,
               double       latitude,
               double       longitude,
               double       within_km)
{
  g_autofree char *folded = sb_name_fold (name);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SbGazetteerEntry *entry = g_ptr_array_index (self->entries, i);
      char **names = g_ptr_array_index (self->folded, i);

      if (entry->kind == SB_GAZETTEER_COUNTRY ||
          distance_km (latitude, longitude, entry->latitude, entry->longitude) > within_km + entry->reach_km + 5)
        continue;
      for (guint k = 0; names[k] != NULL; k++)
        if (g_str_equal (names[k], folded))
          return TRUE;
    }
  return FALSE;
}

/* A place of the briefing as the gazetteer finds it: one only known to be
 * near somewhere, under a name the gazetteer has not there, is offered as
 * near, and is never placed at more precisely (sb_cite_place()).
 */
static SbGazetteerEntry *
briefing_entry (SbGazetteer *self,
                SbPlace     *place)
{
  SbGazetteerEntry *entry = sb_gazetteer_entry_new_for_place (place);

  entry->near_only = sb_place_get_precision (place) == SB_PLACE_PRECISION_NEAR && sb_place_has_radius (place) &&
                     !has_town_near (self, entry->name, entry->latitude, entry->longitude, entry->reach_km);
  return entry;
}

/**
 * sb_gazetteer_entry_new_for_place:
 *
 * Returns: (transfer full): an entry for a place of the briefing
 */
SbGazetteerEntry *
sb_gazetteer_entry_new_for_place (SbPlace *place)
{
  SbGazetteerEntry *entry = g_new0 (SbGazetteerEntry, 1);

  entry->kind = SB_GAZETTEER_BRIEFING;
  entry->name = g_strdup (sb_entity_get_label (SB_ENTITY (place)));
  entry->latitude = sb_place_get_latitude (place);
  entry->longitude = sb_place_get_longitude (place);
  entry->country = g_strdup (sb_place_get_country (place));
  entry->country_code = g_strdup (sb_place_get_country (place));
  entry->reach_km = sb_place_has_radius (place) ? sb_place_get_radius_km (place) : 0;
  entry->place = g_object_ref (place);
  return entry;
}

/* The briefing's own places, their names folded once: a briefing of
 * 100,000 imported places folds 2 MB of names, which took over a second.
 * Kept with the briefing until an edit touches a place.
 */
typedef struct
{
  SbBriefing *briefing;    /* unowned: the index is the briefing's data */
  gulong handler;
  GPtrArray *places;       /* unowned SbPlace, the briefing's order, reference places left out */
  GPtrArray *folded;       /* per place, a NULL-terminated char** of folded names */
  guint *positions;        /* per place, its position among the briefing's places */
  SbNameMatcher *matcher;  /* names capitalised, to SbPlace */
  GHashTable *countries;   /* the places' countries, alpha-3 */
  GHashTable *cells;       /* the whole degrees of latitude and longitude they are in */
} PlaceIndex;

/* A whole degree of latitude and longitude, as a key (never 0). */
static gpointer
cell_key (int latitude,
          int longitude)
{
  return GINT_TO_POINTER ((CLAMP (latitude, -90, 90) + 90) * 361 + CLAMP (longitude, -180, 180) + 180 + 1);
}

#define PLACE_INDEX_KEY "sb-gazetteer-place-index"

static void
place_index_free (PlaceIndex *index)
{
  /* Gone already when the briefing is finalised, before its data. */
  if (g_signal_handler_is_connected (index->briefing, index->handler))
    g_signal_handler_disconnect (index->briefing, index->handler);
  g_ptr_array_unref (index->places);
  g_ptr_array_unref (index->folded);
  g_free (index->positions);
  sb_name_matcher_free (index->matcher);
  g_hash_table_unref (index->countries);
  g_hash_table_unref (index->cells);
  g_free (index);
}

static void
on_briefing_changed (SbBriefing *briefing,
                     SbChanges  *changes)
{
  if (sb_changes_touches_type (changes, SB_TYPE_PLACE))
    g_object_set_data (G_OBJECT (briefing), PLACE_INDEX_KEY, NULL);
}

static PlaceIndex *
place_index (SbBriefing *briefing)
{
  PlaceIndex *index = g_object_get_data (G_OBJECT (briefing), PLACE_INDEX_KEY);
  GListModel *places;
  guint n;

  if (index != NULL)
    return index;

  places = sb_briefing_get_places (briefing);
  n = g_list_model_get_n_items (places);
  index = g_new0 (PlaceIndex, 1);
  index->briefing = briefing;
  index->places = g_ptr_array_sized_new (n);
  index->folded = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  index->positions = g_new (guint, MAX (n, 1));
  index->matcher = sb_name_matcher_new (TRUE);
  index->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->cells = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      SbText *names = sb_place_get_name (place);
      GPtrArray *folded;

      if (sb_place_is_reference (place))
        continue;
      if (sb_place_get_country (place) != NULL)
        g_hash_table_add (index->countries, g_ascii_strup (sb_place_get_country (place), -1));
      g_hash_table_add (index->cells, cell_key (floor (sb_place_get_latitude (place)),
                                                floor (sb_place_get_longitude (place))));
      folded = g_ptr_array_new ();
      for (guint k = 0; names != NULL && k < sb_text_get_n_languages (names); k++)
        {
          g_ptr_array_add (folded, sb_name_fold (sb_text_get_string_at (names, k)));
          sb_name_matcher_add (index->matcher, sb_text_get_string_at (names, k), place);
        }
      g_ptr_array_add (folded, NULL);
      index->positions[index->places->len] = i;
      g_ptr_array_add (index->places, place);
      g_ptr_array_add (index->folded, g_ptr_array_free (folded, FALSE));
    }
  index->handler = g_signal_connect (briefing, "changed", G_CALLBACK (on_briefing_changed), NULL);
  g_object_set_data_full (G_OBJECT (briefing), PLACE_INDEX_KEY, index, (GDestroyNotify) place_index_free);
  return index;
}

/* How far from the briefing's places a town is still near them: two
 * degrees (some 220 km) on every side of theirs.
 */
#define NEAR_CELLS 2

/* Whether @entry is where the briefing is about: in a country of its
 * places or actors, or (a town or region) near one of its places.
 */
static gboolean
is_about (PlaceIndex             *index,
          GHashTable             *actor_countries,
          const SbGazetteerEntry *entry)
{
  int latitude, longitude;

  if (entry->country_code != NULL &&
      (g_hash_table_contains (index->countries, entry->country_code) ||
       g_hash_table_contains (actor_countries, entry->country_code)))
    return TRUE;
  if (entry->kind == SB_GAZETTEER_COUNTRY)
    return FALSE;

  latitude = floor (entry->latitude);
  longitude = floor (entry->longitude);
  for (int i = -NEAR_CELLS; i <= NEAR_CELLS; i++)
    for (int k = -NEAR_CELLS; k <= NEAR_CELLS; k++)
      if (g_hash_table_contains (index->cells, cell_key (latitude + i, longitude + k)))
        return TRUE;
  return FALSE;
}

/**
 * sb_gazetteer_search:
 * @query: what was typed: the start of a name or of one of its words, in
 *   any case, with or without accents
 * @briefing: (nullable): whose places are found too, before the rest
 * @max_results: at most this many; 0 for all
 *
 * Returns: (transfer full) (element-type SbGazetteerEntry): the entries
 *   found, best first: names that are the query, then names that start
 *   with it, then names with a later word that does; among those the
 *   briefing's places, then what is in the countries of its places and
 *   actors or near its places ("Kayes" in a briefing on Mali is Mali's
 *   before the Congo's), then the rest; countries, towns and regions,
 *   most important first
 */
GPtrArray *
sb_gazetteer_search (SbGazetteer *self,
                     const char  *query,
                     SbBriefing  *briefing,
                     guint        max_results)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_gazetteer_entry_free);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_gazetteer_entry_free);
  g_autoptr(GHashTable) actor_countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PlaceIndex *index = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (SB_IS_GAZETTEER (self), results);
  g_return_val_if_fail (briefing == NULL || SB_IS_BRIEFING (briefing), results);

  folded = sb_name_fold (query);
  if (folded[0] == '\0')
    return results;

  if (briefing != NULL)
    {
      GListModel *actors = sb_briefing_get_actors (briefing);

      index = place_index (briefing);
      for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
        {
          g_autoptr(SbActor) actor = g_list_model_get_item (actors, i);

          if (sb_actor_get_country (actor) != NULL)
            g_hash_table_add (actor_countries, g_ascii_strup (sb_actor_get_country (actor), -1));
        }

      for (guint i = 0; i < index->places->len; i++)
        {
          /* Found by its name in any of the briefing's languages. */
          int quality = best_quality (g_ptr_array_index (index->folded, i), folded);

          if (quality < 0)
            continue;
          g_ptr_array_add (own, briefing_entry (self, g_ptr_array_index (index->places, i)));
          g_array_append_val (hits, ((Hit) { quality, FALSE, index->positions[i], g_ptr_array_index (own, own->len - 1) }));
        }
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      int quality = best_quality (g_ptr_array_index (self->folded, i), folded);

      if (quality >= 0)
        {
          SbGazetteerEntry *entry = g_ptr_array_index (self->entries, i);
          gboolean elsewhere = FALSE;

          /* A briefing with no places nor countries yet is about nowhere. */
          if (index != NULL && (index->places->len > 0 || g_hash_table_size (actor_countries) > 0))
            elsewhere = !is_about (index, actor_countries, entry);
          g_array_append_val (hits, ((Hit) { quality, elsewhere, G_MAXUINT / 2 + i, entry }));
        }
    }

  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && (max_results == 0 || i < max_results); i++)
    g_ptr_array_add (results, sb_gazetteer_entry_copy (g_array_index (hits, Hit, i).entry));
  return results;
}

/**
 * sb_gazetteer_find_in_text:
 *
 * Returns: (transfer full) (element-type SbNameMatch): the places named in
 *   @text, capitalised as names are; each match's data is the
 *   #SbGazetteerEntry, owned by the gazetteer
 */
GArray *
sb_gazetteer_find_in_text (SbGazetteer *self,
                           const char  *text)
{
  g_return_val_if_fail (SB_IS_GAZETTEER (self), NULL);

  return sb_name_matcher_find (self->matcher, text);
}

void
sb_gazetteer_mention_free (SbGazetteerMention *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->entry, sb_gazetteer_entry_free);
  g_free (self);
}

static void
add_mention (GPtrArray        *mentions,
             const SbNameMatch *match,
             SbGazetteerEntry *entry)
{
  SbGazetteerMention *mention = g_new0 (SbGazetteerMention, 1);

  mention->start = match->start;
  mention->end = match->end;
  mention->entry = entry;
  g_ptr_array_add (mentions, mention);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const SbGazetteerMention *x = *(SbGazetteerMention **) a;
  const SbGazetteerMention *y = *(SbGazetteerMention **) b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/**
 * sb_gazetteer_find_mentions:
 * @briefing: (nullable): whose places are found too
 *
 * The places named in @text, capitalised as names are: the briefing's own
 * first, by any of their names (a town the gazetteer lacks, once placed,
 * is found from then on), then the gazetteer's where they name nothing
 * the briefing has.
 *
 * Returns: (transfer full) (element-type SbGazetteerMention): in the
 *   order of the text
 */
GPtrArray *
sb_gazetteer_find_mentions (SbGazetteer *self,
                            const char  *text,
                            SbBriefing  *briefing)
{
  GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_gazetteer_mention_free);
  g_autoptr(GArray) own = NULL;
  g_autoptr(GArray) found = NULL;
  guint next = 0;

  g_return_val_if_fail (SB_IS_GAZETTEER (self), mentions);
  g_return_val_if_fail (text != NULL, mentions);
  g_return_val_if_fail (briefing == NULL || SB_IS_BRIEFING (briefing), mentions);

  if (briefing != NULL)
    {
      own = sb_name_matcher_find (place_index (briefing)->matcher, text);
      for (guint i = 0; i < own->len; i++)
        {
          SbNameMatch *match = &g_array_index (own, SbNameMatch, i);

          add_mention (mentions, match, briefing_entry (self, match->data));
        }
    }

  found = sb_name_matcher_find (self->matcher, text);
  for (guint i = 0; i < found->len; i++)
    {
      SbNameMatch *match = &g_array_index (found, SbNameMatch, i);

      while (own != NULL && next < own->len && g_array_index (own, SbNameMatch, next).end <= match->start)
        next++;
      if (own != NULL && next < own->len && g_array_index (own, SbNameMatch, next).start < match->end)
        continue;
      add_mention (mentions, match, sb_gazetteer_entry_copy (match->data));
    }

  g_ptr_array_sort (mentions, compare_mentions);
  return mentions;
}

static double
distance_km (double lat1,
             double lon1,
             double lat2,
             double lon2)
{
  double dlat = (lat2 - lat1) * G_PI / 180;
  double dlon = (lon2 - lon1) * G_PI / 180;
  double a = sin (dlat / 2) * sin (dlat / 2) +
             cos (lat1 * G_PI / 180) * cos (lat2 * G_PI / 180) * sin (dlon / 2) * sin (dlon / 2);

  return 6371.0 * 2 * atan2 (sqrt (a), sqrt (1 - a));
}

/**
 * sb_gazetteer_nearest:
 *
 * Returns: (transfer none) (nullable): the town nearest to the point, if
 *   one is within @within_km
 */
const SbGazetteerEntry *
sb_gazetteer_nearest (SbGazetteer *self,
                      double       latitude,
                      double       longitude,
                      double       within_km)
{
  const SbGazetteerEntry *nearest = NULL;
  double best = within_km;

  g_return_val_if_fail (SB_IS_GAZETTEER (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SbGazetteerEntry *entry = g_ptr_array_index (self->entries, i);
      double distance;

      if (entry->kind != SB_GAZETTEER_PLACE)
        continue;
      distance = distance_km (latitude, longitude, entry->latitude, entry->longitude);
      if (distance <= best)
        {
          best = distance;
          nearest = entry;
        }
    }
  return nearest;
}

/**
 * sb_gazetteer_country_name:
 * @country: an ISO 3166-1 alpha-2 code
 *
 * Returns: (nullable): the country's English name in Natural Earth
 */
const char *
sb_gazetteer_country_name (SbGazetteer *self,
                           const char  *country)
{
  const SbGazetteerEntry *entry;

  g_return_val_if_fail (SB_IS_GAZETTEER (self), NULL);

  entry = country ? g_hash_table_lookup (self->countries, country) : NULL;
  return entry ? entry->name : NULL;
}

/**
 * sb_gazetteer_text_says_near:
 * @text: a passage, in English, French or Dutch
 *
 * Returns: whether @text places what it tells only near somewhere: "near
 *   Teguey", "close to", "à proximité de", "près de", "nabij", "bij
 *   Ménaka"; a point clicked for it is then a guess within a radius
 */
gboolean
sb_gazetteer_text_says_near (const char *text)
{
  static const char * const phrases[] = {
    "near ", "nearby", "close to ", "outskirts", "vicinity",
    "à proximité d", "près d", "non loin d", "aux environs d", "environs de",
    "nabij", "vlakbij", "in de buurt van", "in de omgeving van", NULL
  };
  g_autofree char *lower = NULL;
  const char *at;

  if (text == NULL)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; phrases[i] != NULL; i++)
    for (at = strstr (lower, phrases[i]); at != NULL; at = strstr (at + 1, phrases[i]))
      if (at == lower || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at))))
        return TRUE;
  /* Dutch "bij" is near only before a name: "bij Ménaka", not "bij een aanval". */
  for (at = strstr (text, "bij "); at != NULL; at = strstr (at + 1, "bij "))
    if ((at == text || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at)))) &&
        g_unichar_isupper (g_utf8_get_char (at + 4)))
      return TRUE;
  return FALSE;
}
