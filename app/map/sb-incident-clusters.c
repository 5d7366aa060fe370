/* sb-incident-clusters.c
 *
 * The incidents a filter shows, clustered for the map in a worker thread.
 *
 * Only incidents with a place are indexed; a point's id is its position
 * in the list of those, so the index itself stays free of the model.
 *
 * Nothing is clustered more precisely than it is known: incidents known
 * to a point, or near one, form the index; those known only to a region
 * form an index of their own, drawn as soft areas; those known only to a
 * country are counted per country, never placed at its middle.
 *
 * An edit patches the clusters on the main thread, for the next frame:
 * sb_incident_clusters_update().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-incident-clusters"

#include "config.h"

#include <math.h>

#include "sb-incident-clusters.h"
#include "sb-projection.h"
#include "sb-source.h"

/* More incidents than this are an event dataset: clustered. */
#define CLUSTER_THRESHOLD 1000

struct _SbIncidentClusters
{
  SbFilter *filter;
  SbClusterIndex *index;
  GPtrArray *items;        /* of SbItem, owned by the filter's briefing */
  GArray *positions;       /* of double x, y per item; NAN once taken out */
  GByteArray *marked;      /* per item: put in as single-source */
  SbIncidentClusters *regions; /* nullable: those known only to a region */
  GPtrArray *areas;        /* of SbAreaIncidents: those known only to a country */
  guint n_shown;
  double build_seconds;
};

static void
area_incidents_free (SbAreaIncidents *area)
{
  g_ptr_array_unref (area->items);
  g_free (area);
}

/**
 * sb_incident_clusters_wanted:
 *
 * Returns: whether @briefing holds so many incidents (an event dataset)
 *   that the map draws them as clusters
 */
gboolean
sb_incident_clusters_wanted (SbBriefing *briefing)
{
  return briefing != NULL &&
         g_list_model_get_n_items (sb_briefing_get_items (briefing, SB_ITEM_KIND_INCIDENT)) > CLUSTER_THRESHOLD;
}

static void
sb_incident_clusters_clear (gpointer data)
{
  SbIncidentClusters *self = data;

  g_clear_pointer (&self->index, sb_cluster_index_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->marked, g_byte_array_unref);
  g_clear_pointer (&self->regions, sb_incident_clusters_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
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
static SbIncidentClusters *
index_incidents (SbFilter     *filter,
                 GPtrArray    *items,
                 GCancellable *cancellable)
{
  g_autofree SbClusterPoint *points = g_new (SbClusterPoint, MAX (items->len, 1));
  SbIncidentClusters *self = g_atomic_rc_box_new0 (SbIncidentClusters);

  self->filter = sb_filter_ref (filter);
  self->items = g_ptr_array_ref (items);
  self->positions = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * items->len);
  self->marked = g_byte_array_sized_new (items->len);
  self->n_shown = items->len;

  for (guint i = 0; i < items->len; i++)
    {
      SbItem *item = g_ptr_array_index (items, i);
      SbPlace *place = sb_item_get_place (item);

      points[i].x = sb_mercator_x (sb_place_get_longitude (place));
      points[i].y = sb_mercator_y (sb_place_get_latitude (place));
      points[i].id = i;
      points[i].type = sb_item_get_incident_type (item);
      points[i].marked = sb_item_is_single_source (item);
      g_array_append_val (self->positions, points[i].x);
      g_array_append_val (self->positions, points[i].y);
      g_byte_array_append (self->marked, &(guint8) { points[i].marked }, 1);
    }

  self->index = sb_cluster_index_new (points, items->len, cancellable);
  if (self->index == NULL)
    {
      sb_incident_clusters_unref (self);
      return NULL;
    }

  return self;
}

static int
compare_areas (gconstpointer a,
               gconstpointer b)
{
  const SbAreaIncidents *area_a = *(SbAreaIncidents **) a;
  const SbAreaIncidents *area_b = *(SbAreaIncidents **) b;

  if (area_a->count != area_b->count)
    return area_a->count > area_b->count ? -1 : 1;
  return g_strcmp0 (sb_entity_get_id (SB_ENTITY (area_a->place)), sb_entity_get_id (SB_ENTITY (area_b->place)));
}

/* A country's count and its commonest type. */
static void
recount_area (SbAreaIncidents *area)
{
  guint counts[SB_N_INCIDENT_TYPES] = { 0, };

  area->dominant = 0;
  for (guint i = 0; i < area->items->len; i++)
    counts[sb_item_get_incident_type (g_ptr_array_index (area->items, i))]++;
  for (guint t = 0; t < SB_N_INCIDENT_TYPES; t++)
    if (counts[t] > counts[area->dominant])
      area->dominant = t;

  area->count = area->items->len;
  area->dominant_percent = area->count > 0 ? 100 * counts[area->dominant] / area->count : 0;
}

static GPtrArray *
count_areas (GHashTable *by_country)
{
  GPtrArray *areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_incidents_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, by_country);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SbAreaIncidents *area = value;

      recount_area (area);
      g_ptr_array_add (areas, area);
    }
  g_hash_table_steal_all (by_country);
  g_ptr_array_sort (areas, compare_areas);

  return areas;
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
  g_autoptr(GPtrArray) at_points = NULL;
  g_autoptr(GPtrArray) in_regions = NULL;
  g_autoptr(GHashTable) by_country = NULL;
  SbIncidentClusters *self;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (filter != NULL, NULL);

  shown = sb_filter_collect_items (filter, SB_ITEM_KIND_INCIDENT, FALSE, cancellable);
  if (shown == NULL)
    return NULL;

  at_points = g_ptr_array_sized_new (shown->len);
  in_regions = g_ptr_array_new ();
  by_country = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) area_incidents_free);

  for (guint i = 0; i < shown->len; i++)
    {
      SbItem *item = g_ptr_array_index (shown, i);
      SbPlace *place = sb_item_get_place (item);
      SbAreaIncidents *area;

      if (place == NULL)
        continue;

      switch (sb_place_get_precision (place))
        {
        case SB_PLACE_PRECISION_COUNTRY:
          area = g_hash_table_lookup (by_country, place);
          if (area == NULL)
            {
              area = g_new0 (SbAreaIncidents, 1);
              area->place = place;
              area->items = g_ptr_array_new ();
              g_hash_table_insert (by_country, place, area);
            }
          g_ptr_array_add (area->items, item);
          break;

        case SB_PLACE_PRECISION_REGION:
          g_ptr_array_add (in_regions, item);
          break;

        case SB_PLACE_PRECISION_POINT:
        case SB_PLACE_PRECISION_NEAR:
        default:
          g_ptr_array_add (at_points, item);
          break;
        }
    }

  self = index_incidents (filter, at_points, cancellable);
  if (self == NULL)
    return NULL;

  self->areas = count_areas (by_country);
  self->n_shown = shown->len;
  if (in_regions->len > 0)
    {
      self->regions = index_incidents (filter, in_regions, cancellable);
      if (self->regions == NULL)
        {
          sb_incident_clusters_unref (self);
          return NULL;
        }
    }

  self->build_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
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

/**
 * sb_incident_clusters_get_n_items:
 *
 * Returns: how many incidents the index holds; see
 *   sb_incident_clusters_get_n_shown() for all that are shown
 */
guint
sb_incident_clusters_get_n_items (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

/**
 * sb_incident_clusters_get_n_shown:
 *
 * Returns: how many incidents with a place the filter shows: in the
 *   index, the regions' and the countries' counts together
 */
guint
sb_incident_clusters_get_n_shown (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_shown;
}

/**
 * sb_incident_clusters_get_regions:
 *
 * Returns: (transfer none) (nullable): the incidents known only to a
 *   region, clustered on their own
 */
SbIncidentClusters *
sb_incident_clusters_get_regions (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->regions;
}

/**
 * sb_incident_clusters_get_areas:
 *
 * Returns: (transfer none) (nullable) (element-type SbAreaIncidents): the
 *   incidents known only to a country, counted per country, most first;
 *   %NULL for the regions' own clusters
 */
GPtrArray *
sb_incident_clusters_get_areas (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->areas;
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
 * Finds the cluster that shows @item at @zoom: where the clusters hold
 * it, which after an edit of its place is where it was until
 * sb_incident_clusters_update() moves it.
 *
 * Returns: %TRUE if @item is shown
 */
gboolean
sb_incident_clusters_locate (SbIncidentClusters *self,
                             SbItem             *item,
                             double              zoom,
                             SbCluster          *cluster)
{
  const double *position;
  guint id;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!SB_IS_ITEM (item) || !g_ptr_array_find (self->items, item, &id))
    return FALSE;

  position = &g_array_index (self->positions, double, 2 * id);
  if (isnan (position[0]))
    return FALSE;

  return sb_cluster_index_locate (self->index, zoom, position[0], position[1], id, cluster);
}

/**
 * sb_incident_clusters_counts_on_card:
 *
 * Returns: whether @item is counted on its country's card, not clustered
 */
gboolean
sb_incident_clusters_counts_on_card (SbIncidentClusters *self,
                                     SbItem             *item)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; self->areas != NULL && i < self->areas->len; i++)
    if (g_ptr_array_find (((SbAreaIncidents *) g_ptr_array_index (self->areas, i))->items, item, NULL))
      return TRUE;

  return FALSE;
}

double
sb_incident_clusters_get_build_seconds (SbIncidentClusters *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->build_seconds;
}

/* Takes @item out of the index, if it is there. */
static gboolean
take_out (SbIncidentClusters *self,
          SbItem             *item)
{
  double *position;
  guint id;

  if (!g_ptr_array_find (self->items, item, &id))
    return FALSE;

  position = &g_array_index (self->positions, double, 2 * id);
  if (isnan (position[0]))
    return FALSE;

  sb_cluster_index_remove_point (self->index, position[0], position[1], id, self->marked->data[id]);
  position[0] = position[1] = NAN;
  return TRUE;
}

static void
put_in (SbIncidentClusters *self,
        SbItem             *item,
        SbPlace            *place)
{
  double *position;
  guint id;

  if (!g_ptr_array_find (self->items, item, &id))
    {
      double none[2] = { NAN, NAN };

      id = self->items->len;
      g_ptr_array_add (self->items, item);
      g_array_append_vals (self->positions, none, 2);
      g_byte_array_append (self->marked, &(guint8) { FALSE }, 1);
    }

  position = &g_array_index (self->positions, double, 2 * id);
  position[0] = sb_mercator_x (sb_place_get_longitude (place));
  position[1] = sb_mercator_y (sb_place_get_latitude (place));
  self->marked->data[id] = sb_item_is_single_source (item);
  sb_cluster_index_add_point (self->index, position[0], position[1], id, sb_item_get_incident_type (item),
                              self->marked->data[id]);
}


static void
update_item (SbIncidentClusters *self,
             SbFilter           *filter,
             SbItem             *item,
             gboolean            removed)
{
  SbPlace *place = sb_item_get_place (item);
  gboolean was_shown = FALSE;

  /* Out of wherever it was: the index, a region's, a country's count. */
  was_shown = take_out (self, item);
  if (self->regions != NULL && take_out (self->regions, item))
    {
      self->regions->n_shown--;
      was_shown = TRUE;
    }
  for (guint i = 0; self->areas != NULL && i < self->areas->len; i++)
    {
      SbAreaIncidents *area = g_ptr_array_index (self->areas, i);

      if (g_ptr_array_remove (area->items, item))
        {
          recount_area (area);
          was_shown = TRUE;
        }
    }
  if (was_shown)
    self->n_shown--;

  if (removed || place == NULL || !sb_filter_item_is_visible (filter, item))
    return;

  /* In again, as precisely as it is known. */
  switch (sb_place_get_precision (place))
    {
    case SB_PLACE_PRECISION_COUNTRY:
      {
        SbAreaIncidents *area = NULL;

        for (guint i = 0; self->areas != NULL && i < self->areas->len && area == NULL; i++)
          if (((SbAreaIncidents *) g_ptr_array_index (self->areas, i))->place == place)
            area = g_ptr_array_index (self->areas, i);

        if (area == NULL)
          {
            area = g_new0 (SbAreaIncidents, 1);
            area->place = place;
            area->items = g_ptr_array_new ();
            if (self->areas == NULL)
              self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_incidents_free);
            g_ptr_array_add (self->areas, area);
          }
        g_ptr_array_add (area->items, item);
        recount_area (area);
        g_ptr_array_sort (self->areas, compare_areas);
      }
      break;

    case SB_PLACE_PRECISION_REGION:
      if (self->regions == NULL)
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new ();

          self->regions = index_incidents (filter, none, NULL);
        }
      put_in (self->regions, item, place);
      self->regions->n_shown++;
      break;

    case SB_PLACE_PRECISION_POINT:
    case SB_PLACE_PRECISION_NEAR:
    default:
      put_in (self, item, place);
      break;
    }

  self->n_shown++;
}

/* A source's publisher changed, or a source came or went: which incidents
 * one source only supports may have changed anywhere.
 */
static gboolean
sources_changed (SbChanges *changes)
{
  GPtrArray *lists[] = { sb_changes_get_inserted (changes), sb_changes_get_removed (changes) };
  GPtrArray *changed = sb_changes_get_changed (changes);

  if (!sb_changes_touches_type (changes, SB_TYPE_SOURCE))
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (SB_IS_SOURCE (g_ptr_array_index (lists[l], i)))
        return TRUE;
  for (guint i = 0; i < changed->len; i++)
    if (SB_IS_SOURCE (g_ptr_array_index (changed, i)) &&
        sb_changes_has_field (changes, g_ptr_array_index (changed, i), SB_SOURCE_FIELD_PUBLISHER))
      return TRUE;

  return FALSE;
}

/* Counts again, in the clusters, the incidents whose support changed. */
static gboolean
remark (SbIncidentClusters *self)
{
  gboolean remarked = FALSE;

  for (guint id = 0; self != NULL && id < self->items->len; id++)
    {
      SbItem *item = g_ptr_array_index (self->items, id);
      double *position = &g_array_index (self->positions, double, 2 * id);
      gboolean single = sb_item_is_single_source (item);

      if (isnan (position[0]) || single == self->marked->data[id])
        continue;

      sb_cluster_index_remove_point (self->index, position[0], position[1], id, self->marked->data[id]);
      self->marked->data[id] = single;
      sb_cluster_index_add_point (self->index, position[0], position[1], id, sb_item_get_incident_type (item), single);
      remarked = TRUE;
    }

  return remarked;
}

/**
 * sb_incident_clusters_update:
 * @filter: what the filters show now: the selection's, after the edit
 * @changes: what an edit changed
 *
 * Patches the clusters, on the main thread, for the incidents an edit
 * added, removed or changed and those at places it changed; a build from
 * the briefing as it is now then clusters them as well as a first build.
 *
 * Returns: whether anything shown changed
 */
gboolean
sb_incident_clusters_update (SbIncidentClusters *self,
                             SbFilter           *filter,
                             SbChanges          *changes)
{
  /* What clustering reads: where an incident is, its type, whether the
   * filters show it and whether one source only supports it.
   */
  const guint64 item_fields = (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_PLACE) |
                              (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_CITATIONS) |
                              (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_SUBTYPE) |
                              (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_CERTAINTY) |
                              (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_ACTORS) |
                              (G_GUINT64_CONSTANT (1) << SB_ITEM_FIELD_DATE);
  const guint64 place_fields = (G_GUINT64_CONSTANT (1) << SB_PLACE_FIELD_LATITUDE) |
                               (G_GUINT64_CONSTANT (1) << SB_PLACE_FIELD_LONGITUDE) |
                               (G_GUINT64_CONSTANT (1) << SB_PLACE_FIELD_PRECISION);
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

        if (SB_IS_PLACE (entity) && (l != 1 || (sb_changes_get_fields (changes, entity) & place_fields) != 0))
          g_hash_table_add (moved, entity);
        else if (SB_IS_ITEM (entity) && sb_item_get_kind (SB_ITEM (entity)) == SB_ITEM_KIND_INCIDENT &&
                 (l != 1 || (sb_changes_get_fields (changes, entity) & item_fields) != 0))
          {
            update_item (self, filter, SB_ITEM (entity), l == 2);
            updated = TRUE;
          }
      }

  /* Incidents at a place moved or made less precise move with it. */
  if (g_hash_table_size (moved) > 0)
    {
      g_autoptr(GPtrArray) affected = g_ptr_array_new ();
      SbIncidentClusters *parts[] = { self, self->regions };

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        for (guint id = 0; parts[p] != NULL && id < parts[p]->items->len; id++)
          {
            SbItem *item = g_ptr_array_index (parts[p]->items, id);

            if (g_hash_table_contains (moved, sb_item_get_place (item)) && !sb_changes_contains (changes, SB_ENTITY (item)))
              g_ptr_array_add (affected, item);
          }
      for (guint i = 0; self->areas != NULL && i < self->areas->len; i++)
        {
          SbAreaIncidents *area = g_ptr_array_index (self->areas, i);

          if (g_hash_table_contains (moved, area->place))
            g_ptr_array_extend (affected, area->items, NULL, NULL);
        }

      for (guint i = 0; i < affected->len; i++)
        update_item (self, filter, g_ptr_array_index (affected, i), FALSE);
      updated = updated || affected->len > 0;
    }

  if (sources_changed (changes))
    {
      updated = remark (self) || updated;
      updated = remark (self->regions) || updated;
    }

  return updated;
}
