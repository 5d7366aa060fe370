/* sb-incident-clusters.h
 *
 * The incidents a filter shows, clustered for the map: built in a worker
 * thread, then read on the main thread. No GTK.
 */

#pragma once

#include "sb-changes.h"
#include "sb-cluster-index.h"
#include "sb-filter.h"

G_BEGIN_DECLS

typedef struct _SbIncidentClusters SbIncidentClusters;

/* Incidents known only to one country. */
typedef struct
{
  SbPlace *place;
  guint count;
  guint8 dominant;         /* their commonest type */
  guint8 dominant_percent;
  GPtrArray *items;        /* of SbItem */
} SbAreaIncidents;

gboolean            sb_incident_clusters_wanted       (SbBriefing           *briefing);

void                sb_incident_clusters_build_async  (SbFilter             *filter,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
SbIncidentClusters *sb_incident_clusters_build_finish (GAsyncResult         *result,
                                                       GError              **error);
SbIncidentClusters *sb_incident_clusters_build        (SbFilter             *filter,
                                                       GCancellable         *cancellable);
SbIncidentClusters *sb_incident_clusters_ref          (SbIncidentClusters   *self);
void                sb_incident_clusters_unref        (SbIncidentClusters   *self);
SbFilter           *sb_incident_clusters_get_filter   (SbIncidentClusters   *self);
SbClusterIndex     *sb_incident_clusters_get_index    (SbIncidentClusters   *self);
guint               sb_incident_clusters_get_n_items  (SbIncidentClusters   *self);
guint               sb_incident_clusters_get_n_shown  (SbIncidentClusters   *self);
SbIncidentClusters *sb_incident_clusters_get_regions  (SbIncidentClusters   *self);
GPtrArray          *sb_incident_clusters_get_areas    (SbIncidentClusters   *self);
SbItem             *sb_incident_clusters_get_item     (SbIncidentClusters   *self,
                                                       guint32               id);
gboolean            sb_incident_clusters_locate       (SbIncidentClusters   *self,
                                                       SbItem               *item,
                                                       double                zoom,
                                                       SbCluster            *cluster);
gboolean            sb_incident_clusters_counts_on_card (SbIncidentClusters *self,
                                                         SbItem             *item);
double              sb_incident_clusters_get_build_seconds (SbIncidentClusters *self);
gboolean            sb_incident_clusters_update       (SbIncidentClusters   *self,
                                                       SbFilter             *filter,
                                                       SbChanges            *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbIncidentClusters, sb_incident_clusters_unref)

G_END_DECLS
