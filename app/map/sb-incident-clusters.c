/* sb-incident-clusters.c
 *
 * The incidents a filter shows, clustered for the map in a worker thread.
 *
 * Only incidents with a place are indexed; a point's id is its position
 * in the list of those, so the index itself stays free of the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-incident-clusters"

#include "config.h"

#include <math.h>

#include "sb-incident-clusters.h"
#include "sb-projection.h"

struct _SbIncidentClusters
{
  SbFilter *filter;
  SbClusterIndex *index;
  GPtrArray *items;        /* of SbItem, owned by the filter's briefing */
  GArray *positions;       /* of double x, y per item; NAN once taken out */
  double build_seconds;
};

static void
sb_incident_clusters_clear (gpointer data)
{
  SbIncidentClusters *self = data;

  g_clear_pointer (&self->index, sb_cluster_index_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->filter, sb_filter_unref);
}

SbIncidentClusters *
sb_incident_clusters_ref (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
sb_incident_clusters_unref (SbIncidentClusters *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, sb_incident_clusters_clear);
}

/**
 * sb_incident_clusters_build:
 *
 * Clusters the incidents @filter shows; slow for many, so called in a
 * worker thread by sb_incident_clusters_build_async().
 *
 * Returns: (transfer full) (nullable): the clusters, or %NULL if cancelled
 */
SbIncidentClusters *
sb_incident_clusters_build (SbFilter     *filter,
                            GCancellable *cancellable)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree SbClusterPoint *points = NULL;
  SbIncidentClusters *self;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  g_return_val_if_fail (filter != NULL, NULL);

  shown = sb_filter_collect_items (filter, SB_ITEM_KIND_INCIDENT, FALSE, cancellable);
  if (shown == NULL)
    return NULL;

  self = g_atomic_rc_box_new0 (SbIncidentClusters);
  self->filter = sb_filter_ref (filter);
  self->items = g_ptr_array_sized_new (shown->len);
  self->positions = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * shown->len);
  points = g_new (SbClusterPoint, MAX (shown->len, 1));

  for (guint i = 0; i < shown->len; i++)
    {
      SbItem *item = g_ptr_array_index (shown, i);
      SbPlace *place = sb_item_get_place (item);

      if (place == NULL)
        continue;

      points[n].x = sb_mercator_x (sb_place_get_longitude (place));
      points[n].y = sb_mercator_y (sb_place_get_latitude (place));
      points[n].id = n;
      points[n].type = sb_item_get_incident_type (item);
      g_ptr_array_add (self->items, item);
      g_array_append_val (self->positions, points[n].x);
      g_array_append_val (self->positions, points[n].y);
      n++;
    }

  self->index = sb_cluster_index_new (points, n, cancellable);
  self->build_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (self->index == NULL)
    {
      sb_incident_clusters_unref (self);
      return NULL;
    }

  return self;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SbIncidentClusters *clusters = sb_incident_clusters_build (task_data, cancellable);

  if (clusters == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else
    g_task_return_pointer (task, clusters, (GDestroyNotify) sb_incident_clusters_unref);
}

void
sb_incident_clusters_build_async (SbFilter            *filter,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (filter != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_incident_clusters_build_async);
  g_task_set_task_data (task, sb_filter_ref (filter), (GDestroyNotify) sb_filter_unref);
  g_task_run_in_thread (task, build_thread);
}

/**
 * sb_incident_clusters_build_finish:
 *
 * Returns: (transfer full) (nullable): the clusters
 */
SbIncidentClusters *
sb_incident_clusters_build_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SbFilter *
sb_incident_clusters_get_filter (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->filter;
}

SbClusterIndex *
sb_incident_clusters_get_index (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->index;
}

guint
sb_incident_clusters_get_n_items (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

SbItem *
sb_incident_clusters_get_item (SbIncidentClusters *self,
                               guint32             id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id < self->items->len, NULL);

  return g_ptr_array_index (self->items, id);
}

/**
 * sb_incident_clusters_locate:
 *
 * Finds the cluster that shows @item at @zoom.
 *
 * Returns: %TRUE if @item is shown
 */
gboolean
sb_incident_clusters_locate (SbIncidentClusters *self,
                             SbItem             *item,
                             double              zoom,
                             SbCluster          *cluster)
{
  SbPlace *place;
  guint id;

  g_return_val_if_fail (self != NULL, FALSE);

  place = SB_IS_ITEM (item) ? sb_item_get_place (item) : NULL;
  if (place == NULL || !g_ptr_array_find (self->items, item, &id))
    return FALSE;

  return sb_cluster_index_locate (self->index, zoom,
                                  sb_mercator_x (sb_place_get_longitude (place)),
                                  sb_mercator_y (sb_place_get_latitude (place)),
                                  id, cluster);
}

double
sb_incident_clusters_get_build_seconds (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->build_seconds;
}

static void
update_item (SbIncidentClusters *self,
             SbFilter           *filter,
             SbItem             *item,
             gboolean            removed)
{
  SbPlace *place = sb_item_get_place (item);
  double *position;
  guint id;

  if (g_ptr_array_find (self->items, item, &id))
    {
      position = &g_array_index (self->positions, double, 2 * id);
      if (!isnan (position[0]))
        sb_cluster_index_remove_point (self->index, position[0], position[1], id);
      position[0] = position[1] = NAN;
    }
  else
    id = G_MAXUINT;

  if (removed || place == NULL || !sb_filter_item_is_visible (filter, item))
    return;

  if (id == G_MAXUINT)
    {
      double none[2] = { NAN, NAN };

      id = self->items->len;
      g_ptr_array_add (self->items, item);
      g_array_append_vals (self->positions, none, 2);
    }

  position = &g_array_index (self->positions, double, 2 * id);
  position[0] = sb_mercator_x (sb_place_get_longitude (place));
  position[1] = sb_mercator_y (sb_place_get_latitude (place));
  sb_cluster_index_add_point (self->index, position[0], position[1], id, sb_item_get_incident_type (item));
}

/**
 * sb_incident_clusters_update:
 * @filter: what the filters show now: the selection's, after the edit
 * @changes: what an edit changed
 *
 * Patches the clusters, on the main thread, for the incidents an edit
 * added, removed or changed and those at places it moved; a build from
 * the briefing as it is now then clusters them as well as a first build.
 *
 * Returns: whether anything shown changed
 */
gboolean
sb_incident_clusters_update (SbIncidentClusters *self,
                             SbFilter           *filter,
                             SbChanges          *changes)
{
  g_autoptr(GHashTable) moved = g_hash_table_new (NULL, NULL);
  GPtrArray *lists[] = {
    sb_changes_get_inserted (changes),
    sb_changes_get_changed (changes),
    sb_changes_get_removed (changes),
  };
  gboolean updated = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        SbEntity *entity = g_ptr_array_index (lists[l], i);

        if (SB_IS_PLACE (entity))
          g_hash_table_add (moved, entity);
        else if (SB_IS_ITEM (entity) && sb_item_get_kind (SB_ITEM (entity)) == SB_ITEM_KIND_INCIDENT)
          {
            update_item (self, filter, SB_ITEM (entity), l == 2);
            updated = TRUE;
          }
      }

  if (g_hash_table_size (moved) > 0)
    for (guint id = 0; id < self->items->len; id++)
      {
        SbItem *item = g_ptr_array_index (self->items, id);

        if (g_hash_table_contains (moved, sb_item_get_place (item)) && !sb_changes_contains (changes, SB_ENTITY (item)))
          {
            update_item (self, filter, item, FALSE);
            updated = TRUE;
          }
      }

  return updated;
}
