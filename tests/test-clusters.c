/* test-clusters.c
 *
 * The cluster index the map draws many incidents with: every event is
 * counted once at every zoom, clusters hold only what is near them and
 * split as the zoom grows, queries and hit tests find what a full scan
 * finds, and a change of filters clusters again, off the main thread.
 * No display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "acled-generator.h"
#include "sb-cluster-index.h"
#include "sb-document.h"
#include "sb-import-file.h"
#include "sb-incident-clusters.h"
#include "sb-projection.h"
#include "sb-basemap-data.h"
#include "sb-selection.h"
#include "sb-cluster-symbols.h"
#include "sb-symbol-cache.h"
#include "sb-symbols.h"

#define WORLD -1.0, -1.0, 2.0, 2.0

static double
radius_at (int level)
{
  return SB_CLUSTER_RADIUS / (SB_TILE_SIZE * exp2 (level));
}

/* Towns with several events each, and lone events between them. */
static SbClusterPoint *
make_points (guint  n,
             GRand *rand)
{
  SbClusterPoint *points = g_new (SbClusterPoint, n);

  for (guint i = 0; i < n; i++)
    {
      double lat, lon;

      if (i > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          /* At the same place as an earlier event. */
          guint other = g_rand_int_range (rand, 0, i);

          points[i] = points[other];
        }
      else
        {
          lat = g_rand_double_range (rand, 10, 20) + g_rand_double_range (rand, -0.01, 0.01);
          lon = g_rand_double_range (rand, -12, 18);
          points[i].x = sb_mercator_x (lon);
          points[i].y = sb_mercator_y (lat);
        }
      points[i].id = i;
      points[i].type = g_rand_int_range (rand, 0, 11);
      points[i].marked = g_rand_int_range (rand, 0, 4) == 0;
    }

  return points;
}

static GArray *
query_all (SbClusterIndex *index,
           double          zoom)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (SbCluster));

  sb_cluster_index_query (index, zoom, WORLD, found);
  return found;
}

static void
test_counts_conserved (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint n = 20000;
  g_autofree SbClusterPoint *points = make_points (n, rand);
  g_autoptr(SbClusterIndex) index = sb_cluster_index_new (points, n, NULL);
  guint previous = 0;

  g_assert_nonnull (index);
  g_assert_cmpuint (sb_cluster_index_get_n_points (index), ==, n);

  for (int level = 0; level <= SB_CLUSTER_SITE_LEVEL; level++)
    {
      g_autoptr(GArray) found = query_all (index, level);
      g_autofree guint8 *seen = g_new0 (guint8, n);
      guint64 total = 0;
      guint listed = 0;

      for (guint i = 0; i < found->len; i++)
        {
          SbCluster *cluster = &g_array_index (found, SbCluster, i);
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));

          total += cluster->count;
          sb_cluster_index_get_ids (index, cluster->node, G_MAXUINT, ids);
          g_assert_cmpuint (ids->len, ==, cluster->count);
          for (guint k = 0; k < ids->len; k++)
            {
              guint32 id = g_array_index (ids, guint32, k);

              g_assert_cmpuint (id, <, n);
              g_assert_cmpuint (seen[id], ==, 0);
              seen[id] = 1;
              listed++;
            }
        }

      /* Each event once, whatever the zoom. */
      g_assert_cmpuint (total, ==, n);
      g_assert_cmpuint (listed, ==, n);

      /* Fewer, larger clusters the further out. */
      g_assert_cmpuint (found->len, >=, previous);
      previous = found->len;
    }

  g_assert_cmpuint (previous, <, n);
}

/* A cluster's events lie near it: within the radius of its level, and of
 * each level below, for the clusters it gathered.
 */
static void
test_members_near_cluster (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  const guint n = 5000;
  g_autofree SbClusterPoint *points = make_points (n, rand);
  g_autoptr(SbClusterIndex) index = sb_cluster_index_new (points, n, NULL);

  for (int level = 0; level < SB_CLUSTER_SITE_LEVEL; level++)
    {
      g_autoptr(GArray) found = query_all (index, level);
      double bound = 2.0 * (SB_CLUSTER_SITE_LEVEL - level) * radius_at (level);

      for (guint i = 0; i < found->len; i++)
        {
          SbCluster *cluster = &g_array_index (found, SbCluster, i);
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));

          sb_cluster_index_get_ids (index, cluster->node, G_MAXUINT, ids);
          for (guint k = 0; k < ids->len; k++)
            {
              const SbClusterPoint *point = &points[g_array_index (ids, guint32, k)];

              g_assert_cmpfloat (hypot (point->x - cluster->x, point->y - cluster->y), <=, bound);
            }
        }
    }
}

static void
add_point (SbClusterPoint *points,
           guint           i,
           double          lat,
           double          lon,
           guint8          type)
{
  points[i].x = sb_mercator_x (lon);
  points[i].y = sb_mercator_y (lat);
  points[i].id = i;
  points[i].type = type;
  points[i].marked = FALSE;
}

/* Two towns 100 px apart at zoom 10 are one cluster at zoom 8 and two
 * at zoom 10; a place with several events never splits.
 */
static void
test_split_with_zoom (void)
{
  SbClusterPoint points[6];
  double dlon = 100.0 / (SB_TILE_SIZE * exp2 (10)) * 360.0;
  g_autoptr(SbClusterIndex) index = NULL;
  g_autoptr(GArray) far = NULL;
  g_autoptr(GArray) near = NULL;
  g_autoptr(GArray) split = NULL;
  int zoom;

  add_point (points, 0, 16.27, -0.04, 1);   /* Gao, three clashes and an attack */
  add_point (points, 1, 16.27, -0.04, 1);
  add_point (points, 2, 16.27, -0.04, 1);
  add_point (points, 3, 16.27, -0.04, 0);
  add_point (points, 4, 16.27, -0.04 + dlon, 3);
  add_point (points, 5, 16.27, -0.04 + dlon, 3);
  index = sb_cluster_index_new (points, G_N_ELEMENTS (points), NULL);

  far = query_all (index, 8.5);
  g_assert_cmpuint (far->len, ==, 1);
  g_assert_cmpuint (g_array_index (far, SbCluster, 0).count, ==, 6);
  g_assert_false (g_array_index (far, SbCluster, 0).is_site);
  g_assert_cmpuint (g_array_index (far, SbCluster, 0).dominant, ==, 1);
  g_assert_cmpuint (g_array_index (far, SbCluster, 0).dominant_percent, ==, 50);

  zoom = sb_cluster_index_get_expansion_zoom (index, g_array_index (far, SbCluster, 0).node);
  g_assert_cmpint (zoom, >, 8);
  g_assert_cmpint (zoom, <=, 10);
  split = query_all (index, zoom);
  g_assert_cmpuint (split->len, ==, 2);

  near = query_all (index, 10);
  g_assert_cmpuint (near->len, ==, 2);
  for (guint i = 0; i < near->len; i++)
    {
      SbCluster *site = &g_array_index (near, SbCluster, i);

      g_assert_true (site->is_site);
      g_assert_cmpuint (site->count, ==, site->dominant == 3 ? 2 : 4);
      g_assert_cmpint (sb_cluster_index_get_expansion_zoom (index, site->node), ==, -1);
    }

  /* The deepest zoom keeps the place whole. */
  {
    g_autoptr(GArray) deepest = query_all (index, 16);

    g_assert_cmpuint (deepest->len, ==, 2);
  }
}

/* Boxes find what reading every cluster finds; the cluster nearest a
 * point, found through a small box, is the nearest of all.
 */
static void
test_query_and_hit (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  const guint n = 30000;
  g_autofree SbClusterPoint *points = make_points (n, rand);
  g_autoptr(SbClusterIndex) index = sb_cluster_index_new (points, n, NULL);

  for (guint trial = 0; trial < 300; trial++)
    {
      int level = g_rand_int_range (rand, 3, SB_CLUSTER_SITE_LEVEL + 1);
      g_autoptr(GArray) all = query_all (index, level);
      g_autoptr(GArray) box = g_array_new (FALSE, FALSE, sizeof (SbCluster));
      const SbClusterPoint *target = &points[g_rand_int_range (rand, 0, n)];
      double reach = 40 * radius_at (level) / SB_CLUSTER_RADIUS;
      double px = target->x + g_rand_double_range (rand, -reach, reach);
      double py = target->y + g_rand_double_range (rand, -reach, reach);
      double half = g_rand_double_range (rand, 0.2, 12) * radius_at (level);
      guint expected = 0;
      guint32 nearest_all = G_MAXUINT32, nearest_box = G_MAXUINT32;
      double best_all = G_MAXDOUBLE, best_box = G_MAXDOUBLE;

      sb_cluster_index_query (index, level, px - half, py - half, px + half, py + half, box);

      for (guint i = 0; i < all->len; i++)
        {
          SbCluster *cluster = &g_array_index (all, SbCluster, i);
          double d = hypot (cluster->x - px, cluster->y - py);

          if (fabs (cluster->x - px) <= half && fabs (cluster->y - py) <= half)
            {
              expected++;
              if (d < best_all)
                {
                  best_all = d;
                  nearest_all = cluster->node;
                }
            }
        }

      g_assert_cmpuint (box->len, ==, expected);
      for (guint i = 0; i < box->len; i++)
        {
          SbCluster *cluster = &g_array_index (box, SbCluster, i);
          double d = hypot (cluster->x - px, cluster->y - py);

          if (d < best_box)
            {
              best_box = d;
              nearest_box = cluster->node;
            }
        }
      g_assert_cmpuint (nearest_box, ==, nearest_all);
    }
}

/* Every event is found in the cluster that shows it, at every zoom. */
static void
test_locate (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  const guint n = 3000;
  g_autofree SbClusterPoint *points = make_points (n, rand);
  g_autoptr(SbClusterIndex) index = sb_cluster_index_new (points, n, NULL);
  SbCluster cluster;

  for (guint i = 0; i < n; i += 7)
    for (int level = 0; level <= SB_CLUSTER_SITE_LEVEL; level += 3)
      {
        g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
        gboolean found = FALSE;

        g_assert_true (sb_cluster_index_locate (index, level, points[i].x, points[i].y, i, &cluster));
        sb_cluster_index_get_ids (index, cluster.node, G_MAXUINT, ids);
        for (guint k = 0; k < ids->len && !found; k++)
          found = g_array_index (ids, guint32, k) == i;
        g_assert_true (found);
      }

  /* An id the index does not hold, at a place it does. */
  g_assert_false (sb_cluster_index_locate (index, 5, points[0].x, points[0].y, n + 1, &cluster));
}

/* Each cluster counts its marked points, at every level, also after
 * points are taken out and put in on the main thread.
 */
static void
assert_marks_counted (SbClusterIndex       *index,
                      const SbClusterPoint *points,
                      const gboolean       *present,
                      guint                 n)
{
  guint n_marked = 0;

  for (guint i = 0; i < n; i++)
    n_marked += present[i] && points[i].marked;

  for (int level = 0; level <= SB_CLUSTER_SITE_LEVEL; level += 2)
    {
      g_autoptr(GArray) found = query_all (index, level);
      guint total = 0;

      for (guint c = 0; c < found->len; c++)
        {
          const SbCluster *cluster = &g_array_index (found, SbCluster, c);
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
          guint marked = 0;

          sb_cluster_index_get_ids (index, cluster->node, G_MAXUINT, ids);
          g_assert_cmpuint (ids->len, ==, cluster->count);
          for (guint k = 0; k < ids->len; k++)
            marked += points[g_array_index (ids, guint32, k)].marked;
          g_assert_cmpuint (cluster->n_marked, ==, marked);
          total += cluster->n_marked;
        }
      g_assert_cmpuint (total, ==, n_marked);
    }
}

static void
test_marks_counted (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  const guint n = 4000, extra = 200;
  g_autofree SbClusterPoint *points = make_points (n + extra, rand);
  g_autofree gboolean *present = g_new0 (gboolean, n + extra);
  g_autoptr(SbClusterIndex) index = sb_cluster_index_new (points, n, NULL);

  for (guint i = 0; i < n; i++)
    present[i] = TRUE;
  assert_marks_counted (index, points, present, n + extra);

  /* Taken out: marked or not, as they were put in. */
  for (guint i = 0; i < n; i += 9)
    {
      g_assert_true (sb_cluster_index_remove_point (index, points[i].x, points[i].y, i, points[i].marked));
      present[i] = FALSE;
    }
  assert_marks_counted (index, points, present, n + extra);

  /* Put in: at places the index has, and at new ones. */
  for (guint i = n; i < n + extra; i++)
    {
      sb_cluster_index_add_point (index, points[i].x, points[i].y, i, points[i].type, points[i].marked);
      present[i] = TRUE;
    }
  assert_marks_counted (index, points, present, n + extra);

  /* Marked again, as a statement's support changes: out, then in. */
  for (guint i = 1; i < n; i += 5)
    if (present[i])
      {
        sb_cluster_index_remove_point (index, points[i].x, points[i].y, i, points[i].marked);
        points[i].marked = !points[i].marked;
        sb_cluster_index_add_point (index, points[i].x, points[i].y, i, points[i].type, points[i].marked);
      }
  assert_marks_counted (index, points, present, n + extra);
}

static void
test_empty (void)
{
  g_autoptr(SbClusterIndex) index = sb_cluster_index_new (NULL, 0, NULL);
  g_autoptr(GArray) found = query_all (index, 5);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autofree SbClusterPoint *points = make_points (1000, rand);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_null (sb_cluster_index_new (points, 1000, cancellable));
}

static SbBriefing *
import_generated (guint n_rows)
{
  g_autofree char *dir = g_dir_make_tmp ("sb-clusters-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  SbBriefing *briefing;
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  acled_generator_write (out, n_rows, n_rows / 5, 99);
  g_assert_cmpint (fclose (out), ==, 0);

  briefing = sb_acled_import_file (file, NULL, &problems);
  g_assert_nonnull (briefing);
  g_assert_true (problems == NULL || problems->len == 0);

  g_unlink (path);
  g_rmdir (dir);
  return briefing;
}

static guint
count_visible_incidents (SbSelection *selection)
{
  GListModel *items = sb_briefing_get_items (sb_selection_get_briefing (selection), SB_ITEM_KIND_INCIDENT);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (items, i);

      count += sb_selection_item_is_visible (selection, item);
    }

  return count;
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SbIncidentClusters **clusters = user_data;
  g_autoptr(GError) error = NULL;

  *clusters = sb_incident_clusters_build_finish (result, &error);
  g_assert_no_error (error);
}

static SbIncidentClusters *
build_in_thread (SbSelection *selection)
{
  g_autoptr(SbFilter) filter = sb_filter_ref (sb_selection_get_filter (selection));
  SbIncidentClusters *clusters = NULL;

  sb_incident_clusters_build_async (filter, NULL, on_built, &clusters);
  while (clusters == NULL)
    g_main_context_iteration (NULL, TRUE);

  return clusters;
}

static guint
total_count (SbIncidentClusters *clusters,
             double              zoom)
{
  g_autoptr(GArray) found = query_all (sb_incident_clusters_get_index (clusters), zoom);
  guint total = 0;

  for (guint i = 0; i < found->len; i++)
    total += g_array_index (found, SbCluster, i).count;

  return total;
}

/* The filters of the selection, copied, choose what is clustered: time,
 * actors, certainty and layers alike.
 */
static void
test_filter_reclusters (void)
{
  g_autoptr(SbBriefing) briefing = import_generated (4000);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbIncidentClusters) all = NULL;
  g_autoptr(SbIncidentClusters) year = NULL;
  g_autoptr(SbIncidentClusters) no_actor = NULL;
  g_autoptr(SbIncidentClusters) none = NULL;
  g_autoptr(SbItem) first = NULL;
  SbActor *actor;
  GDate start, end;
  SbCluster cluster;

  sb_selection_set_briefing (selection, briefing);
  all = build_in_thread (selection);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (all), ==, 4000);
  g_assert_cmpuint (total_count (all, 4), ==, 4000);

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, 1, 2020);
  g_date_set_dmy (&end, 31, 12, 2020);
  sb_selection_set_time_range (selection, g_date_get_julian (&start), g_date_get_julian (&end));
  year = build_in_thread (selection);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (year), ==, count_visible_incidents (selection));
  g_assert_cmpuint (sb_incident_clusters_get_n_items (year), <, 4000 / 3);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (year), >, 4000 / 8);
  g_assert_cmpuint (total_count (year, 6), ==, sb_incident_clusters_get_n_items (year));

  /* An item outside the range is in no cluster. */
  first = g_list_model_get_item (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT), 0);
  g_assert_true (sb_incident_clusters_locate (all, first, 6, &cluster));
  g_assert_cmpuint (sb_incident_clusters_locate (year, first, 6, &cluster), ==,
                    sb_selection_item_is_visible (selection, first));

  sb_selection_set_time_range (selection, 0, 0);
  actor = sb_item_get_actor (first, 0);
  sb_selection_set_actor_visible (selection, actor, FALSE);
  no_actor = build_in_thread (selection);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (no_actor), ==, count_visible_incidents (selection));
  g_assert_cmpuint (sb_incident_clusters_get_n_items (no_actor), <, 4000);
  g_assert_false (sb_incident_clusters_locate (no_actor, first, 6, &cluster));

  sb_selection_set_layer_visible (selection, SB_LAYER_INCIDENTS, FALSE);
  none = build_in_thread (selection);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (none), ==, 0);
  g_assert_cmpuint (total_count (none, 3), ==, 0);
}

/* An edit patches the clusters for the next frame; a build afterwards
 * counts the same.
 */
static void
test_edits_patch_clusters (void)
{
  g_autoptr(SbBriefing) briefing = import_generated (4000);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbDocument) document = NULL;
  g_autoptr(SbIncidentClusters) clusters = NULL;
  g_autoptr(SbIncidentClusters) rebuilt = NULL;
  g_autoptr(SbChanges) changes = NULL;
  g_autoptr(SbItem) moved = NULL;
  g_autoptr(SbItem) removed = NULL;
  g_autoptr(SbText) name = sb_text_new ("en", "Somewhere new");
  GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  guint before;
  SbEdit *edit;
  SbEntity *place;
  SbCluster cluster;

  sb_selection_set_briefing (selection, briefing);
  document = sb_document_new (briefing);
  clusters = build_in_thread (selection);
  before = total_count (clusters, 6);

  /* To a new place far from the others: a site of its own at once. */
  moved = g_list_model_get_item (incidents, 17);
  edit = sb_edit_new_add_place (briefing, name, 25.0, 25.0, SB_PLACE_PRECISION_POINT);
  place = sb_edit_get_entity (edit);
  sb_document_begin_group (document, "Move");
  sb_document_apply (document, edit, NULL);
  sb_document_apply (document, sb_edit_new_set_entity (SB_ENTITY (moved), SB_ITEM_FIELD_PLACE, place), NULL);
  changes = sb_changes_new ();
  sb_changes_add_inserted (changes, place);
  sb_changes_add_field (changes, SB_ENTITY (moved), SB_ITEM_FIELD_PLACE);
  sb_document_end_group (document);
  g_assert_true (sb_incident_clusters_update (clusters, sb_selection_get_filter (selection), changes));
  for (double zoom = 2; zoom <= 17; zoom += 5)
    g_assert_cmpuint (total_count (clusters, zoom), ==, before);
  g_assert_true (sb_incident_clusters_locate (clusters, moved, 17, &cluster));
  g_assert_cmpfloat_with_epsilon (cluster.x, sb_mercator_x (25.0), 1e-9);
  g_assert_cmpuint (cluster.count, ==, 1);

  /* Removed: one fewer, and not found. */
  removed = g_list_model_get_item (incidents, 42);
  g_clear_pointer (&changes, sb_changes_unref);
  changes = sb_changes_new ();
  sb_document_apply (document, sb_edit_new_remove_with_references (briefing, SB_ENTITY (removed)), NULL);
  sb_changes_add_removed (changes, SB_ENTITY (removed));
  sb_incident_clusters_update (clusters, sb_selection_get_filter (selection), changes);
  for (double zoom = 2; zoom <= 17; zoom += 5)
    g_assert_cmpuint (total_count (clusters, zoom), ==, before - 1);
  g_assert_false (sb_incident_clusters_locate (clusters, removed, 8, &cluster));

  /* A build from the briefing as it is now counts the same. */
  rebuilt = build_in_thread (selection);
  g_assert_cmpuint (total_count (rebuilt, 6), ==, total_count (clusters, 6));
  g_assert_true (sb_incident_clusters_locate (rebuilt, moved, 17, &cluster));
  g_assert_cmpfloat_with_epsilon (cluster.x, sb_mercator_x (25.0), 1e-9);

  /* Undone: back where it was. */
  g_clear_pointer (&changes, sb_changes_unref);
  changes = sb_changes_new ();
  sb_document_undo (document);
  sb_document_undo (document);
  sb_changes_add_inserted (changes, SB_ENTITY (removed));
  sb_changes_add_field (changes, SB_ENTITY (moved), SB_ITEM_FIELD_PLACE);
  sb_incident_clusters_update (clusters, sb_selection_get_filter (selection), changes);
  g_assert_cmpuint (total_count (clusters, 6), ==, before);
  g_assert_true (sb_incident_clusters_locate (clusters, removed, 8, &cluster));
}

/* Each cluster counts the incidents of it one source only supports, as
 * they are now.
 */
static void
assert_single_source_counted (SbIncidentClusters *clusters)
{
  SbClusterIndex *index = sb_incident_clusters_get_index (clusters);

  for (int zoom = 3; zoom <= SB_CLUSTER_SITE_LEVEL; zoom += 7)
    {
      g_autoptr(GArray) found = query_all (index, zoom);

      for (guint c = 0; c < found->len; c++)
        {
          const SbCluster *cluster = &g_array_index (found, SbCluster, c);
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
          guint single = 0;

          sb_cluster_index_get_ids (index, cluster->node, G_MAXUINT, ids);
          for (guint k = 0; k < ids->len; k++)
            single += sb_item_is_single_source (sb_incident_clusters_get_item (clusters, g_array_index (ids, guint32, k)));
          g_assert_cmpuint (cluster->n_marked, ==, single);
        }
    }
}

/* The clusters count what one source only supports, for the map's
 * badge: a citation added to an incident, and a publisher changed (which
 * changes what every citation of the source is worth), patch the counts
 * at once; a build afterwards counts the same.
 */
static void
test_single_source_counted (void)
{
  g_autoptr(SbBriefing) briefing = import_generated (4000);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  g_autoptr(SbDocument) document = NULL;
  g_autoptr(SbIncidentClusters) clusters = NULL;
  g_autoptr(SbIncidentClusters) rebuilt = NULL;
  g_autoptr(SbChanges) changes = NULL;
  g_autoptr(SbItem) item = NULL;
  g_autoptr(SbItem) other = NULL;
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_citation_unref);
  GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  SbSource *first, *second = NULL;
  SbCluster cluster;
  guint marked_before;

  sb_selection_set_briefing (selection, briefing);
  document = sb_document_new (briefing);
  clusters = build_in_thread (selection);
  assert_single_source_counted (clusters);

  /* A second source, of another publisher, for one incident. */
  item = g_list_model_get_item (incidents, 11);
  first = ((SbCitation *) g_ptr_array_index (sb_item_get_citations (item), 0))->source;
  for (guint i = 12; second == NULL || second == first; i++)
    {
      g_clear_object (&other);
      other = g_list_model_get_item (incidents, i);
      second = ((SbCitation *) g_ptr_array_index (sb_item_get_citations (other), 0))->source;
    }
  g_assert_true (sb_item_is_single_source (item));
  g_assert_true (sb_incident_clusters_locate (clusters, item, 8, &cluster));
  marked_before = cluster.n_marked;
  g_assert_cmpuint (marked_before, ==, cluster.count);

  for (guint i = 0; i < sb_item_get_citations (item)->len; i++)
    g_ptr_array_add (citations, sb_citation_ref (g_ptr_array_index (sb_item_get_citations (item), i)));
  g_ptr_array_add (citations, sb_citation_new (second, NULL));
  g_assert_true (sb_document_apply (document, sb_edit_new_set_array (SB_ENTITY (item), SB_ITEM_FIELD_CITATIONS, citations), NULL));
  g_assert_false (sb_item_is_single_source (item));
  changes = sb_changes_new ();
  sb_changes_add_field (changes, SB_ENTITY (item), SB_ITEM_FIELD_CITATIONS);
  sb_incident_clusters_update (clusters, sb_selection_get_filter (selection), changes);
  g_assert_true (sb_incident_clusters_locate (clusters, item, 8, &cluster));
  g_assert_cmpuint (cluster.n_marked, ==, marked_before - 1);
  assert_single_source_counted (clusters);

  /* One publisher for both: it counts once, the incident is single-source again. */
  g_clear_pointer (&changes, sb_changes_unref);
  changes = sb_changes_new ();
  sb_document_apply (document, sb_edit_new_set_string (SB_ENTITY (first), SB_SOURCE_FIELD_PUBLISHER, "Agence Sahel"), NULL);
  sb_document_apply (document, sb_edit_new_set_string (SB_ENTITY (second), SB_SOURCE_FIELD_PUBLISHER, "Agence Sahel"), NULL);
  g_assert_true (sb_item_is_single_source (item));
  sb_changes_add_field (changes, SB_ENTITY (first), SB_SOURCE_FIELD_PUBLISHER);
  sb_changes_add_field (changes, SB_ENTITY (second), SB_SOURCE_FIELD_PUBLISHER);
  g_assert_true (sb_incident_clusters_update (clusters, sb_selection_get_filter (selection), changes));
  g_assert_true (sb_incident_clusters_locate (clusters, item, 8, &cluster));
  g_assert_cmpuint (cluster.n_marked, ==, marked_before);
  assert_single_source_counted (clusters);

  rebuilt = build_in_thread (selection);
  assert_single_source_counted (rebuilt);
}

/* A selected actor's incidents are clustered apart, within the filters:
 * exactly those that involve it, and none of another actor's alone. */
static void
test_actor_clusters (void)
{
  g_autoptr(SbBriefing) briefing = import_generated (4000);
  g_autoptr(SbSelection) selection = sb_selection_new ();
  GListModel *incidents = sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT);
  g_autoptr(SbItem) first = g_list_model_get_item (incidents, 0);
  SbActor *actor = sb_item_get_actor (first, 0);
  g_autoptr(SbFilter) filter = NULL;
  g_autoptr(SbIncidentClusters) clusters = NULL;
  guint involved = 0, involved_attacks = 0;
  SbCluster cluster;

  sb_selection_set_briefing (selection, briefing);
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (incidents, i);

      if (sb_item_involves_actor (item, actor))
        {
          involved++;
          involved_attacks += sb_item_get_incident_type (item) == SB_INCIDENT_TYPE_ATTACK;
        }
    }
  g_assert_cmpuint (involved, >, 0);
  g_assert_cmpuint (involved, <, 4000);

  filter = sb_filter_with_actor (sb_selection_get_filter (selection), actor);
  g_assert_true (sb_filter_get_actor (filter) == actor);
  clusters = sb_incident_clusters_build (filter, NULL);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (clusters), ==, involved);
  g_assert_cmpuint (total_count (clusters, 5), ==, involved);
  g_assert_true (sb_incident_clusters_locate (clusters, first, 6, &cluster));

  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(SbItem) item = g_list_model_get_item (incidents, i);

      if (!sb_item_involves_actor (item, actor))
        {
          g_assert_false (sb_incident_clusters_locate (clusters, item, 6, &cluster));
          break;
        }
    }

  /* The other filters still apply. */
  g_clear_pointer (&clusters, sb_incident_clusters_unref);
  g_clear_pointer (&filter, sb_filter_unref);
  for (guint i = 0; i < SB_N_INCIDENT_TYPES; i++)
    sb_selection_set_incident_type_visible (selection, i, i == SB_INCIDENT_TYPE_ATTACK);
  filter = sb_filter_with_actor (sb_selection_get_filter (selection), actor);
  clusters = sb_incident_clusters_build (filter, NULL);
  g_assert_cmpuint (sb_incident_clusters_get_n_items (clusters), ==, involved_attacks);
}

static void
paint_test_symbol (cairo_t  *cr,
                   double    x,
                   double    y,
                   gpointer  data)
{
  SbSymbolStyle style = { { 0.8, 0.2, 0.1 }, SB_CERTAINTY_CLAIMED, };

  sb_symbol_paint_incident (cr, GPOINTER_TO_INT (data), &style, x, y, 9);
}

static cairo_surface_t *
paint_twice (SbSymbolCache *cache,
             double         scale,
             int            type)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);
  SbSymbolKey key = { type, 0 };

  cairo_scale (cr, scale, scale);
  if (cache != NULL)
    {
      sb_symbol_cache_paint (cache, cr, &key, 30, 30, 30, paint_test_symbol, GINT_TO_POINTER (type));
      sb_symbol_cache_paint (cache, cr, &key, 30, 70, 30, paint_test_symbol, GINT_TO_POINTER (type));
    }
  else
    {
      paint_test_symbol (cr, 30, 30, GINT_TO_POINTER (type));
      paint_test_symbol (cr, 70, 30, GINT_TO_POINTER (type));
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A symbol copied from the cache is the symbol painted, pixel for pixel
 * where it falls on whole pixels; the cache keeps to its size.
 */
static void
test_symbol_cache (void)
{
  g_autoptr(SbSymbolCache) cache = sb_symbol_cache_new (1024 * 1024);
  g_autoptr(SbSymbolCache) small = sb_symbol_cache_new (64 * 1024);

  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *cached = paint_twice (cache, scale, SB_INCIDENT_TYPE_ATTACK);
      cairo_surface_t *painted = paint_twice (NULL, scale, SB_INCIDENT_TYPE_ATTACK);
      int stride = cairo_image_surface_get_stride (cached);

      g_assert_cmpmem (cairo_image_surface_get_data (cached), stride * 100,
                       cairo_image_surface_get_data (painted), stride * 100);
      cairo_surface_destroy (cached);
      cairo_surface_destroy (painted);
    }
  g_assert_cmpuint (sb_symbol_cache_get_size (cache), ==, 2);

  for (int i = 0; i < 200; i++)
    {
      SbSymbolKey key = { 1000 + i, 0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
      cairo_t *cr = cairo_create (surface);

      sb_symbol_cache_paint (small, cr, &key, 30, 32, 32, paint_test_symbol, GINT_TO_POINTER (i % 8));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (sb_symbol_cache_get_bytes (small), <=, 64 * 1024);
    }
  g_assert_cmpuint (sb_symbol_cache_get_size (small), >, 0);
  g_assert_cmpuint (sb_symbol_cache_get_size (small), <, 200);
}

static void
paint_test_bubble (cairo_t  *cr,
                   double    x,
                   double    y,
                   gpointer  data)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  sb_cluster_paint_bubble (cr, layout, x, y, *(guint *) data, SB_INCIDENT_TYPE_CLASH, FALSE);
}

static gpointer
render_batch_thread (gpointer data)
{
  sb_symbol_batch_render (data, NULL);
  return NULL;
}

/* A cluster's bubble, its count in text, rendered ahead in a worker
 * thread (as a layer does for new clusters) is the bubble the main
 * thread renders, pixel for pixel; a symbol cached or ordered already is
 * not ordered again.
 */
static void
test_symbol_batch (void)
{
  g_autoptr(SbSymbolCache) ahead = sb_symbol_cache_new (1024 * 1024);
  g_autoptr(SbSymbolCache) here = sb_symbol_cache_new (1024 * 1024);
  g_autoptr(SbSymbolBatch) batch = sb_symbol_batch_new ();
  g_autoptr(SbSymbolBatch) again = sb_symbol_batch_new ();
  cairo_surface_t *surfaces[2];
  SbSymbolKey key = { 77, 1234 };
  guint count = 1234;
  int stride;

  g_assert_true (sb_symbol_cache_add_missing (ahead, batch, &key, 2, 30, paint_test_bubble, &count, sizeof count));
  g_assert_true (sb_symbol_cache_add_missing (ahead, batch, &key, 2, 30, paint_test_bubble, &count, sizeof count));
  g_assert_cmpuint (sb_symbol_batch_get_size (batch), ==, 1);
  g_thread_join (g_thread_new ("render-ahead", render_batch_thread, batch));
  sb_symbol_cache_take_batch (ahead, batch);
  g_assert_cmpuint (sb_symbol_cache_get_size (ahead), ==, 1);
  g_assert_true (sb_symbol_cache_add_missing (ahead, again, &key, 2, 30, paint_test_bubble, &count, sizeof count));
  g_assert_cmpuint (sb_symbol_batch_get_size (again), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
      cr = cairo_create (surfaces[i]);
      cairo_scale (cr, 2, 2);
      sb_symbol_cache_paint (i == 0 ? ahead : here, cr, &key, 30, 40, 25, paint_test_bubble, &count);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[i]);
    }
  /* Painted from what came from the worker, not rendered again. */
  g_assert_cmpuint (sb_symbol_cache_get_size (ahead), ==, 1);
  stride = cairo_image_surface_get_stride (surfaces[0]);
  g_assert_cmpmem (cairo_image_surface_get_data (surfaces[0]), stride * 100,
                   cairo_image_surface_get_data (surfaces[1]), stride * 100);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

/* Into a recording (what a layer plays in a worker thread), symbols past
 * the time to render them are recorded as paths where their copies would
 * go: played, the same pixels; cached by a later recording.
 */
static void
test_symbol_cache_budget (void)
{
  g_autoptr(SbSymbolCache) cache = sb_symbol_cache_new (1024 * 1024);
  cairo_surface_t *copied = paint_twice (cache, 1, SB_INCIDENT_TYPE_ARREST);
  g_autoptr(SbSymbolCache) fresh = sb_symbol_cache_new (1024 * 1024);
  cairo_surface_t *recording;
  cairo_surface_t *played;
  cairo_t *cr;
  SbSymbolKey key = { SB_INCIDENT_TYPE_ARREST, 0 };
  int stride = cairo_image_surface_get_stride (copied);

  for (guint pass = 0; pass < 2; pass++)
    {
      /* No time to render in the first pass; the default in the second. */
      if (pass == 0)
        sb_symbol_cache_set_render_budget (fresh, 0);
      else
        sb_symbol_cache_set_render_budget (fresh, 3000);
      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      sb_symbol_mark_raster_target (recording);
      cr = cairo_create (recording);
      sb_symbol_cache_paint (fresh, cr, &key, 30, 30, 30, paint_test_symbol, GINT_TO_POINTER (SB_INCIDENT_TYPE_ARREST));
      sb_symbol_cache_paint (fresh, cr, &key, 30, 70, 30, paint_test_symbol, GINT_TO_POINTER (SB_INCIDENT_TYPE_ARREST));
      cairo_destroy (cr);
      g_assert_cmpuint (sb_symbol_cache_get_size (fresh), ==, pass == 0 ? 0 : 1);

      played = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
      cr = cairo_create (played);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (played);
      g_assert_cmpmem (cairo_image_surface_get_data (copied), stride * 100,
                       cairo_image_surface_get_data (played), stride * 100);
      cairo_surface_destroy (played);
      cairo_surface_destroy (recording);
    }
  cairo_surface_destroy (copied);
}

static void
assert_features_equal (GPtrArray           *expected,
                       const SbBasemapFile *file)
{
  g_assert_cmpuint (expected->len, ==, file->features->len);

  for (guint i = 0; i < expected->len; i++)
    {
      const SbBasemapFeature *a = g_ptr_array_index (expected, i);
      const SbBasemapFeature *b = g_ptr_array_index (file->features, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->iso_a3, ==, b->iso_a3);
      g_assert_cmpint (a->scalerank, ==, b->scalerank);
      g_assert_cmpint (a->is_capital, ==, b->is_capital);
      g_assert_cmpuint (a->n_parts, ==, b->n_parts);
      g_assert_cmpmem (a->part_starts, (a->n_parts + 1) * sizeof (guint), b->part_starts, (b->n_parts + 1) * sizeof (guint));
      g_assert_cmpmem (a->points, a->part_starts[a->n_parts] * 2 * sizeof (double),
                       b->points, b->part_starts[b->n_parts] * 2 * sizeof (double));
      g_assert_cmpfloat (a->min_x, ==, b->min_x);
      g_assert_cmpfloat (a->max_y, ==, b->max_y);
      g_assert_cmpfloat (a->label_x, ==, b->label_x);
      g_assert_cmpfloat (a->label_y, ==, b->label_y);
    }
}

/* The base map compiled at build time is the GeoJSON it was made from,
 * exactly; and a damaged one is refused, not read past its end.
 */
static void
test_basemap_binary (void)
{
  static const char * const names[] = { "world-basemap.geojson", "sahel-basemap.geojson" };
  SbBasemap *basemap = sb_basemap_get_default ();
  const SbBasemapFile *files[] = { sb_basemap_get_world (basemap), sb_basemap_get_sahel (basemap) };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "basemap", names[i], NULL);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) features = NULL;
      g_autoptr(GBytes) binary = NULL;
      g_autoptr(GBytes) cut = NULL;
      g_autoptr(GPtrArray) refused = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, &error));
      features = sb_basemap_features_from_geojson (data, length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (features->len, >, 100);
      assert_features_equal (features, files[i]);

      binary = sb_basemap_features_to_binary (features);
      cut = g_bytes_new_from_bytes (binary, 0, g_bytes_get_size (binary) - 5);
      refused = sb_basemap_features_from_binary (cut, &error);
      g_assert_null (refused);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clusters/counts-conserved", test_counts_conserved);
  g_test_add_func ("/clusters/members-near-cluster", test_members_near_cluster);
  g_test_add_func ("/clusters/split-with-zoom", test_split_with_zoom);
  g_test_add_func ("/clusters/query-and-hit", test_query_and_hit);
  g_test_add_func ("/clusters/locate", test_locate);
  g_test_add_func ("/clusters/marks-counted", test_marks_counted);
  g_test_add_func ("/clusters/empty", test_empty);
  g_test_add_func ("/clusters/cancelled", test_cancelled);
  g_test_add_func ("/clusters/filter-reclusters", test_filter_reclusters);
  g_test_add_func ("/clusters/actor-clusters", test_actor_clusters);
  g_test_add_func ("/clusters/single-source-counted", test_single_source_counted);
  g_test_add_func ("/clusters/symbol-cache", test_symbol_cache);
  g_test_add_func ("/clusters/symbol-cache-budget", test_symbol_cache_budget);
  g_test_add_func ("/clusters/symbol-batch", test_symbol_batch);
  g_test_add_func ("/basemap/binary", test_basemap_binary);
  g_test_add_func ("/clusters/edits-patch-clusters", test_edits_patch_clusters);

  return g_test_run ();
}
