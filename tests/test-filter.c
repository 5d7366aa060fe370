/* test-filter.c
 *
 * One rule for what is shown: the selection's test, the immutable filter
 * worker threads take, what they collect and count, and a rule written
 * out here from the filters' meaning agree on every statement of the
 * built-in briefing and of a generated 10,000-incident briefing, through
 * random filter changes. A filter kept by a worker never changes, nor
 * does a copy of the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "acled-generator.h"
#include "sb-import-file.h"
#include "sb-loader.h"
#include "sb-selection.h"

#define N_CHANGES 60

/* What the filters are meant to show, kept apart from the code under
 * test: the layers, certainties, incident types, actors and days asked
 * for, and a presentation step's statements.
 */
typedef struct
{
  SbLayers layers;
  gboolean certainty_hidden[SB_N_CERTAINTIES];
  gboolean type_hidden[SB_N_INCIDENT_TYPES];
  GHashTable *hidden_actors;
  guint32 first_day;
  guint32 last_day;
  GHashTable *shown;       /* nullable */
} Wanted;

static void
wanted_clear (Wanted *wanted)
{
  g_clear_pointer (&wanted->hidden_actors, g_hash_table_unref);
  g_clear_pointer (&wanted->shown, g_hash_table_unref);
}

static void
wanted_reset (Wanted *wanted)
{
  wanted_clear (wanted);
  memset (wanted, 0, sizeof *wanted);
  wanted->layers = SB_LAYERS_ALL;
  wanted->hidden_actors = g_hash_table_new (NULL, NULL);
}

static gboolean
wanted_by_filters (const Wanted *wanted,
                   SbBriefing   *briefing,
                   SbItem       *item)
{
  SbItemKind kind = sb_item_get_kind (item);
  const SbDate *date = sb_item_get_date (item);
  guint n_actors = sb_item_get_n_actors (item);
  gboolean actor_shown = n_actors == 0;

  if ((wanted->layers & sb_item_kind_to_layer (kind)) == 0)
    return FALSE;
  if (wanted->certainty_hidden[sb_item_get_certainty (item)])
    return FALSE;
  if (kind == SB_ITEM_KIND_INCIDENT && wanted->type_hidden[sb_item_get_incident_type (item)])
    return FALSE;

  for (guint i = 0; i < n_actors; i++)
    if (!g_hash_table_contains (wanted->hidden_actors, sb_item_get_actor (item, i)))
      actor_shown = TRUE;
  if (!actor_shown)
    return FALSE;

  /* A date overlaps the range; one without an end runs to the briefing's. */
  if (wanted->last_day != 0 && sb_date_get_first_day (date) > wanted->last_day)
    return FALSE;
  if (wanted->first_day != 0 &&
      sb_date_get_last_day (date, sb_briefing_get_last_day (briefing)) < wanted->first_day)
    return FALSE;

  return TRUE;
}

static GPtrArray *
all_items (SbBriefing *briefing)
{
  GListModel *items = sb_briefing_get_all_items (briefing);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  return array;
}

/* Every way of asking agrees with the rule, statement by statement. */
static void
check_agreement (SbSelection  *selection,
                 const Wanted *wanted,
                 GPtrArray    *items)
{
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  SbFilter *filter = sb_selection_get_filter (selection);
  g_autoptr(GHashTable) collected = g_hash_table_new (NULL, NULL);
  GListModel *actors = sb_briefing_get_actors (briefing);

  g_assert_true (sb_filter_get_briefing (filter) == briefing);

  for (guint kind = 0; kind < SB_N_ITEM_KINDS; kind++)
    {
      g_autoptr(GPtrArray) shown = sb_filter_collect_items (filter, kind, FALSE, NULL);

      for (guint i = 0; i < shown->len; i++)
        g_hash_table_add (collected, g_ptr_array_index (shown, i));
    }

  for (guint i = 0; i < items->len; i++)
    {
      SbItem *item = g_ptr_array_index (items, i);
      gboolean by_filters = wanted_by_filters (wanted, briefing, item);
      gboolean in_step = wanted->shown == NULL || g_hash_table_contains (wanted->shown, item);

      if (sb_filter_item_is_visible (filter, item) != by_filters ||
          sb_selection_item_is_visible (selection, item) != (by_filters && in_step))
        g_error ("%s: the filter says %d, the selection %d, the rule %d (in the step: %d)",
                 sb_entity_get_id (SB_ENTITY (item)),
                 sb_filter_item_is_visible (filter, item),
                 sb_selection_item_is_visible (selection, item),
                 by_filters, in_step);

      g_assert_cmpint (g_hash_table_contains (collected, item), ==, by_filters);
    }

  /* The sidebar's counts, in the window and in its worker thread. */
  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(SbActor) actor = g_list_model_get_item (actors, a);
      GPtrArray *of_actor = sb_briefing_get_items_for_actor (briefing, actor);
      guint by_rule = 0, by_filter = 0;

      for (guint i = 0; of_actor != NULL && i < of_actor->len; i++)
        {
          SbItem *item = g_ptr_array_index (of_actor, i);

          by_filter += sb_filter_item_is_visible (filter, item);
          by_rule += wanted_by_filters (wanted, briefing, item) &&
                     (wanted->shown == NULL || g_hash_table_contains (wanted->shown, item));
        }

      g_assert_cmpuint (sb_selection_count_visible_items (selection, actor), ==, by_rule);
      if (wanted->shown == NULL)
        g_assert_cmpuint (by_filter, ==, by_rule);
    }
}

/* One random change, made to the selection and to what is wanted. */
static void
change_at_random (SbSelection *selection,
                  Wanted      *wanted,
                  GPtrArray   *items,
                  GRand       *rand)
{
  SbBriefing *briefing = sb_selection_get_briefing (selection);
  GListModel *actors = sb_briefing_get_actors (briefing);
  guint32 first = sb_briefing_get_first_day (briefing);
  guint32 last = sb_briefing_get_last_day (briefing);

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      {
        SbLayers layer = 1u << g_rand_int_range (rand, 0, SB_N_ITEM_KINDS);
        gboolean visible = g_rand_boolean (rand);

        sb_selection_set_layer_visible (selection, layer, visible);
        wanted->layers = visible ? wanted->layers | layer : wanted->layers & ~layer;
      }
      break;

    case 1:
      {
        SbCertainty certainty = g_rand_int_range (rand, 0, SB_N_CERTAINTIES);
        gboolean visible = g_rand_boolean (rand);

        sb_selection_set_certainty_visible (selection, certainty, visible);
        wanted->certainty_hidden[certainty] = !visible;
      }
      break;

    case 2:
      {
        SbIncidentType type = g_rand_int_range (rand, 0, SB_N_INCIDENT_TYPES);
        gboolean visible = g_rand_boolean (rand);

        sb_selection_set_incident_type_visible (selection, type, visible);
        wanted->type_hidden[type] = !visible;
      }
      break;

    case 3:
      {
        guint n = g_list_model_get_n_items (actors);
        g_autoptr(SbActor) actor = g_list_model_get_item (actors, g_rand_int_range (rand, 0, n));
        /* Hiding more than showing: most actors stay hidden a while. */
        gboolean visible = g_rand_int_range (rand, 0, 3) == 0;

        sb_selection_set_actor_visible (selection, actor, visible);
        if (visible)
          g_hash_table_remove (wanted->hidden_actors, actor);
        else
          g_hash_table_add (wanted->hidden_actors, actor);
      }
      break;

    case 4:
      {
        guint32 a = g_rand_int_range (rand, first - 30, last + 30);
        guint32 b = g_rand_int_range (rand, first - 30, last + 30);
        guint32 from = g_rand_boolean (rand) ? MIN (a, b) : 0;
        guint32 to = g_rand_boolean (rand) ? MAX (a, b) : 0;

        sb_selection_set_time_range (selection, from, to);
        wanted->first_day = from;
        wanted->last_day = to;
      }
      break;

    case 5:
      {
        g_autoptr(GPtrArray) step = g_ptr_array_new ();

        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            sb_selection_set_shown (selection, NULL);
            g_clear_pointer (&wanted->shown, g_hash_table_unref);
            break;
          }

        g_clear_pointer (&wanted->shown, g_hash_table_unref);
        wanted->shown = g_hash_table_new (NULL, NULL);
        for (guint i = 0; i < items->len; i++)
          if (g_rand_int_range (rand, 0, 4) == 0)
            {
              g_ptr_array_add (step, g_ptr_array_index (items, i));
              g_hash_table_add (wanted->shown, g_ptr_array_index (items, i));
            }
        sb_selection_set_shown (selection, step);
      }
      break;

    default:
      sb_selection_reset_filters (selection);
      wanted_reset (wanted);
      break;
    }
}

static void
on_filter_changed (SbSelection *selection,
                   guint       *count)
{
  (*count)++;
}

static void
check_briefing (SbBriefing *briefing,
                guint32     seed)
{
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(GPtrArray) items = all_items (briefing);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Wanted wanted = { 0, };
  guint changes = 0;

  sb_selection_set_briefing (selection, briefing);
  g_signal_connect (selection, "filter-changed", G_CALLBACK (on_filter_changed), &changes);
  wanted_reset (&wanted);
  check_agreement (selection, &wanted, items);

  for (guint i = 0; i < N_CHANGES; i++)
    {
      /* What a worker was given: it keeps showing what it showed. */
      g_autoptr(SbFilter) kept = sb_filter_ref (sb_selection_get_filter (selection));
      g_autoptr(GPtrArray) before = g_ptr_array_new ();
      guint changes_before = changes;

      for (guint j = 0; j < items->len; j++)
        if (sb_filter_item_is_visible (kept, g_ptr_array_index (items, j)))
          g_ptr_array_add (before, g_ptr_array_index (items, j));

      change_at_random (selection, &wanted, items, rand);
      check_agreement (selection, &wanted, items);

      /* A new filter for a change, and a signal; none for no change. */
      if (sb_selection_get_filter (selection) != kept)
        g_assert_cmpuint (changes, >, changes_before);

      for (guint j = 0, k = 0; j < items->len; j++)
        {
          SbItem *item = g_ptr_array_index (items, j);
          gboolean was = k < before->len && g_ptr_array_index (before, k) == item;

          g_assert_cmpint (sb_filter_item_is_visible (kept, item), ==, was);
          k += was;
        }
    }

  wanted_clear (&wanted);
}

static void
test_default_briefing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);

  g_assert_nonnull (briefing);
  for (guint32 seed = 1; seed <= 5; seed++)
    check_briefing (briefing, seed);
}

static guint32
day_of (int year,
        int month,
        int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* A deployment stands as it stood in the time range: France was present
 * in Mali in 2020–2021, withdrawn only in 2022.
 */
static void
test_status_in_time (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  SbItem *france = SB_ITEM (sb_briefing_lookup (briefing, "france-mali-2013-2022"));
  SbItem *germany = SB_ITEM (sb_briefing_lookup (briefing, "germany-mali"));
  g_autoptr(SbFilter) all = sb_filter_new (briefing);
  g_autoptr(SbFilter) then = sb_filter_with_time_range (all, day_of (2020, 1, 1), day_of (2021, 12, 31));
  g_autoptr(SbFilter) later = sb_filter_with_time_range (all, day_of (2020, 1, 1), day_of (2022, 12, 31));

  g_assert_nonnull (france);
  g_assert_cmpint (sb_item_get_deployment_status (france), ==, SB_DEPLOYMENT_STATUS_WITHDRAWN);
  g_assert_cmpint (sb_filter_get_deployment_status (all, france), ==, SB_DEPLOYMENT_STATUS_WITHDRAWN);
  g_assert_true (sb_filter_item_is_visible (then, france));
  g_assert_cmpint (sb_filter_get_deployment_status (then, france), ==, SB_DEPLOYMENT_STATUS_PRESENT);
  g_assert_cmpint (sb_filter_get_deployment_status (later, france), ==, SB_DEPLOYMENT_STATUS_WITHDRAWN);

  /* Known only as departed, in August 2022: nothing else to say of it. */
  g_assert_cmpint (sb_filter_get_deployment_status (later, germany), ==, SB_DEPLOYMENT_STATUS_DEPARTED);
}

static void
test_generated_briefing (void)
{
  char *data = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&data, &size);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SbBriefing) briefing = NULL;

  g_assert_nonnull (out);
  acled_generator_write (out, 10000, 2000, 12);
  g_assert_cmpint (fclose (out), ==, 0);

  stream = g_memory_input_stream_new_from_data (data, size, g_free);
  briefing = sb_acled_import (stream, "generated.csv", NULL, &problems);
  g_assert_nonnull (briefing);
  g_assert_cmpuint (g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT)), ==, 10000);

  check_briefing (briefing, 7);
}

/* Changes that change nothing keep the filter, and tell no one. */
static void
test_no_change (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  SbFilter *filter;
  guint changes = 0;

  sb_selection_set_briefing (selection, briefing);
  g_signal_connect (selection, "filter-changed", G_CALLBACK (on_filter_changed), &changes);
  filter = sb_selection_get_filter (selection);

  sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, TRUE);
  sb_selection_set_certainty_visible (selection, SB_CERTAINTY_FEARED, TRUE);
  sb_selection_set_time_range (selection, 0, 0);
  sb_selection_reset_filters (selection);
  g_assert_true (sb_selection_get_filter (selection) == filter);
  g_assert_cmpuint (changes, ==, 0);

  sb_selection_set_certainty_visible (selection, SB_CERTAINTY_FEARED, FALSE);
  g_assert_true (sb_selection_get_filter (selection) != filter);
  g_assert_false (sb_filter_get_certainty_visible (sb_selection_get_filter (selection), SB_CERTAINTY_FEARED));
  g_assert_cmpuint (changes, ==, 1);
}

/* A copy shows what the selection showed when it was made, whatever the
 * selection does next: what an export draws while the user goes on.
 */
static void
test_copy (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (DEFAULT_BRIEFING);
  g_autoptr(SbBriefing) briefing = sb_loader_load_file (file, NULL, NULL);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbSelection) copy = NULL;
  g_autoptr(GPtrArray) items = all_items (briefing);
  g_autoptr(GPtrArray) step = g_ptr_array_new ();
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  SbItem *first = g_ptr_array_index (items, 0);

  sb_selection_set_briefing (selection, briefing);
  sb_selection_set_layer_visible (selection, SB_LAYER_AREAS, FALSE);
  for (guint i = 0; i < items->len; i += 2)
    g_ptr_array_add (step, g_ptr_array_index (items, i));
  sb_selection_set_shown (selection, step);
  sb_selection_set_highlighted (selection, step);
  sb_selection_select (selection, SB_ENTITY (first));
  for (guint i = 0; i < items->len; i++)
    if (sb_selection_item_is_visible (selection, g_ptr_array_index (items, i)))
      g_ptr_array_add (visible, g_ptr_array_index (items, i));

  copy = sb_selection_copy (selection);
  sb_selection_set_briefing (selection, NULL);

  g_assert_true (sb_selection_get_briefing (copy) == briefing);
  g_assert_true (sb_selection_get_selected (copy) == SB_ENTITY (first));
  g_assert_true (sb_selection_get_citation (copy) != NULL);
  g_assert_true (sb_selection_is_highlighted (copy, first));
  g_assert_true (sb_selection_is_filtered (copy));
  for (guint i = 0; i < items->len; i++)
    {
      SbItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (sb_selection_item_is_visible (copy, item), ==, g_ptr_array_find (visible, item, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/default-briefing", test_default_briefing);
  g_test_add_func ("/filter/generated-briefing", test_generated_briefing);
  g_test_add_func ("/filter/no-change", test_no_change);
  g_test_add_func ("/filter/copy", test_copy);
  g_test_add_func ("/filter/status-in-time", test_status_in_time);

  return g_test_run ();
}
