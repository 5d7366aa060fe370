/* sb-mentioned-places.c
 *
 * A town is mentioned when the briefing names it (in a source, a place's
 * name, a statement or a step, in any of their languages), when one of
 * its exact places lies in it (Gao for "Gao airport"), or when it is the
 * capital of a country the briefing speaks of as a whole. An event
 * dataset names thousands of places: only its title, steps and countries
 * count. Found once per briefing, by reading its text word by word
 * against the base map's town names. A place of the briefing's own at a
 * point with no town of the base map there (a village placed by a click)
 * is named too, as a town of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-mentioned-places"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sb-fields.h"
#include "sb-incident-clusters.h"
#include "sb-mentioned-places.h"
#include "sb-projection.h"
#include "sb-source.h"
#include "sb-step.h"

#define DATA_KEY "sb-mentioned-places"
/* Features made for the briefing's own places live as long as it does:
 * layouts drawn before an edit still point to them, as they point to its
 * statements. One for each name and position it has had.
 */
#define POOL_KEY "sb-mentioned-places-own"
/* A town this close to an exact place is where the place is. */
#define SAME_PLACE_KM 15.0

typedef struct
{
  GHashTable *by_first_word; /* first word → GPtrArray of features */
  GHashTable *not_towns;     /* names that mean a country or area here ("Mali" is also a town in Guinea) */
  GHashTable *found;         /* features, as a set */
  GPtrArray *order;
  GPtrArray *own;            /* features made for the briefing's own places */
  GHashTable *pool;          /* name and position → feature, kept with the briefing */
} Scan;

static void
own_feature_free (SbBasemapFeature *feature)
{
  g_free (feature->name);
  g_free (feature);
}

static char *
first_word (const char *name)
{
  const char *end = name;

  while (*end != '\0' && g_unichar_isalnum (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);

  return g_strndup (name, end - name);
}

static void
add_found (Scan                   *scan,
           const SbBasemapFeature *feature)
{
  if (g_hash_table_contains (scan->not_towns, feature->name))
    return;

  if (g_hash_table_add (scan->found, (gpointer) feature))
    g_ptr_array_add (scan->order, (gpointer) feature);
}

static gboolean
ends_word (const char *text)
{
  return *text == '\0' || !g_unichar_isalnum (g_utf8_get_char (text));
}

/* Whether @text starts with @name, a word of its own: "Menaka" names
 * Ménaka, as sources often write it without its accents.
 */
static gboolean
names_town (const char *text,
            const char *name)
{
  glong n_chars = g_utf8_strlen (name, -1);
  const char *end = text;
  g_autofree char *span = NULL;
  g_autofree char *ascii_span = NULL;
  g_autofree char *ascii_name = NULL;

  if (strncmp (text, name, strlen (name)) == 0)
    return ends_word (text + strlen (name));

  for (glong i = 0; i < n_chars; i++)
    {
      if (*end == '\0')
        return FALSE;
      end = g_utf8_next_char (end);
    }
  span = g_strndup (text, end - text);
  ascii_span = g_str_to_ascii (span, "C");
  ascii_name = g_str_to_ascii (name, "C");
  return strcmp (ascii_span, ascii_name) == 0 && ends_word (end);
}

static void
read_text (Scan       *scan,
           const char *text)
{
  const char *p = text;
  char word[64];

  while (p != NULL && *p != '\0')
    {
      const char *start, *end;
      GPtrArray *candidates;
      gunichar first;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      first = g_utf8_get_char (p);
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;

      /* Names of towns are capitalised, and short. */
      if (!g_unichar_isupper (first) || end - start >= (gssize) sizeof word)
        continue;

      memcpy (word, start, end - start);
      word[end - start] = '\0';
      {
        g_autofree char *key = g_str_to_ascii (word, "C");

        candidates = g_hash_table_lookup (scan->by_first_word, key);
      }
      for (guint i = 0; candidates != NULL && i < candidates->len; i++)
        {
          const SbBasemapFeature *feature = g_ptr_array_index (candidates, i);

          if (names_town (start, feature->name))
            add_found (scan, feature);
        }
    }
}

static void
read_sb_text (Scan   *scan,
              SbText *text)
{
  for (guint i = 0; text != NULL && i < sb_text_get_n_languages (text); i++)
    read_text (scan, sb_text_get_string_at (text, i));
}

/* Whether a place of the briefing's own named @name is already named
 * near (@x, @y).
 */
static gboolean
own_named_near (Scan       *scan,
                const char *name,
                double      x,
                double      y,
                double      distance)
{
  for (guint i = 0; i < scan->own->len; i++)
    {
      const SbBasemapFeature *feature = g_ptr_array_index (scan->own, i);

      if (g_str_equal (feature->name, name) && hypot (feature->label_x - x, feature->label_y - y) < distance)
        return TRUE;
    }

  return FALSE;
}

static void
add_towns_at_places (Scan       *scan,
                     SbBasemap  *basemap,
                     GListModel *places)
{
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      SbPlacePrecision precision = sb_place_get_precision (place);
      const SbBasemapFeature *town = NULL;
      double lat = sb_place_get_latitude (place);
      double x = sb_mercator_x (sb_place_get_longitude (place)), y = sb_mercator_y (lat);
      double same_place = SAME_PLACE_KM / (40075.016686 * MAX (0.05, cos (lat * G_PI / 180.0)));
      const char *name;
      SbBasemapFeature *own;

      if (precision != SB_PLACE_PRECISION_POINT && precision != SB_PLACE_PRECISION_NEAR)
        continue;

      if (sb_basemap_nearest_places (basemap, x, y, same_place, 1, &town) == 1)
        {
          add_found (scan, town);
          continue;
        }

      name = sb_text_get (sb_place_get_name (place));
      if (name == NULL || *name == '\0' || own_named_near (scan, name, x, y, same_place))
        continue;

      {
        g_autofree char *key = g_strdup_printf ("%.12g %.12g %s", x, y, name);

        own = g_hash_table_lookup (scan->pool, key);
        if (own == NULL)
          {
            own = g_new0 (SbBasemapFeature, 1);
            own->kind = SB_BASEMAP_PLACE;
            own->name = g_strdup (name);
            own->min_x = own->max_x = own->label_x = x;
            own->min_y = own->max_y = own->label_y = y;
            g_hash_table_insert (scan->pool, g_steal_pointer (&key), own);
          }
      }
      g_ptr_array_add (scan->own, own);
      g_ptr_array_add (scan->order, own);
    }
}

static void
add_capitals (Scan                *scan,
              SbBasemap           *basemap,
              const SbBasemapFile *towns,
              GListModel          *places)
{
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(SbPlace) place = g_list_model_get_item (places, i);
      const char *iso_a3 = sb_place_get_country (place);
      const SbBasemapFeature *country;

      if (sb_place_get_precision (place) != SB_PLACE_PRECISION_COUNTRY || iso_a3 == NULL ||
          (country = sb_basemap_lookup_country (basemap, iso_a3)) == NULL)
        continue;

      for (guint j = 0; j < towns->features->len; j++)
        {
          const SbBasemapFeature *town = g_ptr_array_index (towns->features, j);

          if (town->kind == SB_BASEMAP_PLACE && town->is_capital &&
              sb_basemap_feature_contains (country, town->label_x, town->label_y))
            add_found (scan, town);
        }
    }
}

static GPtrArray *
find_mentioned (SbBriefing *briefing)
{
  SbBasemap *basemap = sb_basemap_get_default ();
  const SbBasemapFile *towns = sb_basemap_get_sahel (basemap);
  GListModel *models[] = { sb_briefing_get_sources (briefing), sb_briefing_get_places (briefing),
                           sb_briefing_get_steps (briefing), sb_briefing_get_all_items (briefing) };
  Scan scan = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref),
    g_hash_table_new (g_str_hash, g_str_equal),
    g_hash_table_new (NULL, NULL),
    g_ptr_array_new (),
    g_ptr_array_new (),
    g_object_get_data (G_OBJECT (briefing), POOL_KEY),
  };
  const SbBasemapFile *files[] = { sb_basemap_get_world (basemap), towns };
  GListModel *places = sb_briefing_get_places (briefing);
  gboolean event_dataset = sb_incident_clusters_wanted (briefing);

  if (scan.pool == NULL)
    {
      scan.pool = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) own_feature_free);
      g_object_set_data_full (G_OBJECT (briefing), POOL_KEY, scan.pool, (GDestroyNotify) g_hash_table_unref);
    }

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint i = 0; i < files[f]->features->len; i++)
      {
        SbBasemapFeature *feature = g_ptr_array_index (files[f]->features, i);

        if (feature->kind == SB_BASEMAP_COUNTRY && feature->name != NULL)
          g_hash_table_add (scan.not_towns, feature->name);
      }

  for (guint i = 0; i < towns->features->len; i++)
    {
      SbBasemapFeature *town = g_ptr_array_index (towns->features, i);
      char *word;
      GPtrArray *list;

      if (town->kind != SB_BASEMAP_PLACE || town->name == NULL)
        continue;

      {
        g_autofree char *name_word = first_word (town->name);

        word = g_str_to_ascii (name_word, "C");
      }
      list = g_hash_table_lookup (scan.by_first_word, word);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (scan.by_first_word, word, list);
        }
      else
        g_free (word);
      g_ptr_array_add (list, town);
    }

  read_sb_text (&scan, sb_briefing_get_title (briefing));
  read_sb_text (&scan, sb_briefing_get_subtitle (briefing));
  read_sb_text (&scan, sb_briefing_get_description (briefing));

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      guint n = models[m] ? g_list_model_get_n_items (models[m]) : 0;

      /* An event dataset names thousands of places: its steps and title
       * speak of what matters.
       */
      if (event_dataset && models[m] != sb_briefing_get_steps (briefing))
        continue;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (models[m], i);

          if (SB_IS_SOURCE (object))
            read_text (&scan, sb_source_get_text (SB_SOURCE (object)));
          else if (SB_IS_PLACE (object))
            read_sb_text (&scan, sb_place_get_name (SB_PLACE (object)));
          else if (SB_IS_STEP (object))
            {
              read_sb_text (&scan, sb_step_get_title (SB_STEP (object)));
              read_sb_text (&scan, sb_step_get_caption (SB_STEP (object)));
            }
          else if (SB_IS_ITEM (object))
            {
              read_sb_text (&scan, sb_item_get_title (SB_ITEM (object)));
              read_sb_text (&scan, sb_item_get_description (SB_ITEM (object)));
            }
        }
    }

  if (!event_dataset)
    add_towns_at_places (&scan, basemap, places);
  add_capitals (&scan, basemap, towns, places);

  g_hash_table_unref (scan.by_first_word);
  g_hash_table_unref (scan.not_towns);
  g_hash_table_unref (scan.found);
  g_ptr_array_unref (scan.own);
  return scan.order;
}

/**
 * sb_mentioned_places_get:
 *
 * Returns: (transfer none) (element-type SbBasemapFeature): the base
 *   map's towns @briefing mentions, and features made for its own places
 *   where the base map has no town, found the first time they are asked
 *   for
 */
GPtrArray *
sb_mentioned_places_get (SbBriefing *briefing)
{
  GPtrArray *found;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), NULL);

  found = g_object_get_data (G_OBJECT (briefing), DATA_KEY);
  if (found == NULL)
    {
      found = find_mentioned (briefing);
      g_object_set_data_full (G_OBJECT (briefing), DATA_KEY, found, (GDestroyNotify) g_ptr_array_unref);
    }

  return found;
}

gboolean
sb_mentioned_places_contains (SbBriefing             *briefing,
                              const SbBasemapFeature *place)
{
  GPtrArray *found;

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);

  found = sb_mentioned_places_get (briefing);
  for (guint i = 0; i < found->len; i++)
    if (g_ptr_array_index (found, i) == place)
      return TRUE;

  return FALSE;
}

#define BIT(field) (G_GUINT64_CONSTANT (1) << (field))

static gboolean
is_read (SbEntity *entity,
         guint64   fields,
         gboolean  event_dataset)
{
  if (SB_IS_PLACE (entity) || SB_IS_STEP (entity))
    return TRUE;
  if (event_dataset)
    return FALSE;
  if (SB_IS_SOURCE (entity))
    return (fields & BIT (SB_SOURCE_FIELD_TEXT)) != 0;
  if (SB_IS_ITEM (entity))
    return (fields & (BIT (SB_ITEM_FIELD_TITLE) | BIT (SB_ITEM_FIELD_DESCRIPTION))) != 0;

  return FALSE;
}

/**
 * sb_mentioned_places_edited:
 *
 * Forgets the towns @briefing mentions when @changes touched a text they
 * were read from, or a place; they are found again when next asked for.
 *
 * Returns: whether they may have changed
 */
gboolean
sb_mentioned_places_edited (SbBriefing *briefing,
                            SbChanges  *changes)
{
  const guint64 briefing_read = BIT (SB_BRIEFING_FIELD_TITLE) | BIT (SB_BRIEFING_FIELD_SUBTITLE) |
                                BIT (SB_BRIEFING_FIELD_DESCRIPTION);
  gboolean event_dataset, forget;
  GPtrArray *lists[3];

  g_return_val_if_fail (SB_IS_BRIEFING (briefing), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (g_object_get_data (G_OBJECT (briefing), DATA_KEY) == NULL)
    return FALSE;

  event_dataset = sb_incident_clusters_wanted (briefing);
  forget = (sb_changes_get_briefing_fields (changes) & briefing_read) != 0;
  lists[0] = sb_changes_get_inserted (changes);
  lists[1] = sb_changes_get_removed (changes);
  lists[2] = sb_changes_get_changed (changes);
  for (guint l = 0; l < G_N_ELEMENTS (lists) && !forget; l++)
    for (guint i = 0; i < lists[l]->len && !forget; i++)
      {
        SbEntity *entity = g_ptr_array_index (lists[l], i);

        forget = is_read (entity, l < 2 ? G_MAXUINT64 : sb_changes_get_fields (changes, entity), event_dataset);
      }

  if (forget)
    g_object_set_data (G_OBJECT (briefing), DATA_KEY, NULL);

  return forget;
}
