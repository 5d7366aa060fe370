/* sb-cluster-index.h
 *
 * Points on the map gathered into clusters for every zoom level, built
 * in a worker thread, then read and patched on the main thread: which
 * clusters lie in a box, what a cluster holds, at which zoom it splits. Positions are in
 * the unit square of Web Mercator (x east, y south). GLib only.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Points closer than this many pixels at a zoom level share a cluster. */
#define SB_CLUSTER_RADIUS 80.0
/* The deepest level: points at one place; levels 0 to 16 cluster. */
#define SB_CLUSTER_SITE_LEVEL 17
#define SB_CLUSTER_MAX_TYPES 16

typedef struct
{
  double x;
  double y;
  guint32 id;              /* the caller's */
  guint8 type;             /* below SB_CLUSTER_MAX_TYPES: counted for the dominant type */
  gboolean marked;         /* counted per cluster (the map: one source only) */
} SbClusterPoint;

typedef struct
{
  guint32 node;
  double x;
  double y;
  guint32 count;
  guint32 n_marked;        /* of its points, those marked */
  guint8 dominant;         /* the commonest type */
  guint8 dominant_percent;
  gboolean is_site;        /* all its points are at one place */
} SbCluster;

typedef struct _SbClusterIndex SbClusterIndex;

SbClusterIndex *sb_cluster_index_new                (const SbClusterPoint *points,
                                                     guint                 n_points,
                                                     GCancellable         *cancellable);
SbClusterIndex *sb_cluster_index_ref                (SbClusterIndex       *self);
void            sb_cluster_index_unref              (SbClusterIndex       *self);
guint           sb_cluster_index_get_n_points       (SbClusterIndex       *self);
gsize           sb_cluster_index_get_memory_size    (SbClusterIndex       *self);
int             sb_cluster_index_level_for_zoom     (double                zoom);
void            sb_cluster_index_query              (SbClusterIndex       *self,
                                                     double                zoom,
                                                     double                min_x,
                                                     double                min_y,
                                                     double                max_x,
                                                     double                max_y,
                                                     GArray               *clusters);
gboolean        sb_cluster_index_locate             (SbClusterIndex       *self,
                                                     double                zoom,
                                                     double                x,
                                                     double                y,
                                                     guint32               id,
                                                     SbCluster            *cluster);
gboolean        sb_cluster_index_remove_point       (SbClusterIndex       *self,
                                                     double                x,
                                                     double                y,
                                                     guint32               id,
                                                     gboolean              marked);
void            sb_cluster_index_add_point          (SbClusterIndex       *self,
                                                     double                x,
                                                     double                y,
                                                     guint32               id,
                                                     guint8                type,
                                                     gboolean              marked);
gboolean        sb_cluster_index_get_cluster        (SbClusterIndex       *self,
                                                     guint32               node,
                                                     SbCluster            *cluster);
int             sb_cluster_index_get_expansion_zoom (SbClusterIndex       *self,
                                                     guint32               node);
void            sb_cluster_index_get_ids            (SbClusterIndex       *self,
                                                     guint32               node,
                                                     guint                 limit,
                                                     GArray               *ids);
void            sb_cluster_index_get_extent         (SbClusterIndex       *self,
                                                     guint32               node,
                                                     double               *min_x,
                                                     double               *min_y,
                                                     double               *max_x,
                                                     double               *max_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbClusterIndex, sb_cluster_index_unref)

G_END_DECLS
